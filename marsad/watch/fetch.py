"""Polite, robust HTTP for ``marsad watch`` (httpx underneath).

What every request gets:

* robots.txt is asked once per host (and again, conditionally, after ``robots_ttl``; what was
  read can be kept between runs, ``Fetcher.robots_records``) and obeyed, with its
  ``Crawl-delay``; a robots.txt that answers 4xx allows everything, one that cannot be read
  (5xx, network) forbids the host until it can (RFC 9309);
* at most ``host_concurrency`` requests at a time to one host, ``host_interval`` seconds apart
  (or the crawl delay), and a clear User-Agent;
* conditional GET (``If-None-Match``, ``If-Modified-Since``) when the caller has validators;
* timeouts per read and a deadline for the whole response (a server trickling bytes is cut
  off), and a size limit (announced or counted, after decompression);
* redirects followed by hand, at most ``max_redirects``, each hop checked against robots.txt;
  a loop is an error at once;
* 429 and 5xx, timeouts and dropped connections retried with exponential backoff and jitter,
  honouring ``Retry-After``; a ``Retry-After`` longer than ``max_backoff`` is not waited out
  here but handed to the caller (:attr:`FetchError.retry_after`), which polls later.
"""
from __future__ import annotations

import email.utils
import random
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from marsad.errors import MarsadError

__all__ = ["Politeness", "Fetcher", "Fetched", "FetchError", "RobotsRecord", "decode_page", "USER_AGENT"]

# what servers see; `marsad watch --user-agent` adds the operator's contact, as crawlers should
USER_AGENT = f"marsad/{__import__('marsad').__version__} (news monitoring; python-httpx)"
ROBOTS_AGENT = "marsad"  # the token robots.txt groups are matched against
RETRY_STATUSES = (429, 500, 502, 503, 504)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_ROBOTS_BYTES = 512_000


@dataclass
class Politeness:
    """How ``marsad watch`` treats other people's servers; the defaults suit real outlets, tests
    shorten the waits."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0  # connecting, and each read
    deadline: float = 60.0  # a whole response
    max_bytes: int = 5_000_000  # a response's body, decompressed
    max_redirects: int = 5
    retries: int = 3  # after the first try
    backoff: float = 2.0  # the first retry's wait; doubled each time, with jitter
    max_backoff: float = 60.0  # the longest wait within one fetch
    host_interval: float = 1.0  # seconds between requests to one host
    host_concurrency: int = 2
    max_crawl_delay: float = 60.0  # a robots.txt Crawl-delay is honoured up to this
    robots_ttl: float = 3600.0


class FetchError(MarsadError):
    """A URL could not be fetched; ``kind`` says why (robots, too-large, timeout, http, redirects,
    network), ``status`` the last HTTP status, ``retry_after`` how long the server asked to wait."""

    code = "E600"

    def __init__(self, message: str, *, kind: str, status: int | None = None, retry_after: float | None = None,
                 url: str | None = None):
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.retry_after = retry_after
        self.url = url

    @property
    def permanent(self) -> bool:
        """Whether trying the same URL again later is pointless (robots, size, 4xx but 429, loops)."""
        return self.kind in ("robots", "too-large", "redirects", "not-text") or \
            (self.kind == "http" and self.status is not None and 400 <= self.status < 500 and self.status != 429)


@dataclass
class Fetched:
    """A response: the final URL (after redirects), status (304: unchanged), headers and body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    requests: int = 1  # how many requests it took (redirects and retries included)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass
class RobotsRecord:
    """A host's robots.txt as last read: HTTP status, text (for 200), validators, when (epoch s).
    The caller may keep these between runs (``Fetcher.robots_records``); ``changed`` marks the
    ones this fetcher read or confirmed."""

    status: int
    body: str
    fetched_at: float
    etag: str | None = None
    last_modified: str | None = None
    changed: bool = False


@dataclass
class _Host:
    slots: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0
    interval: float = 0.0
    robots: RobotFileParser | None = None
    robots_until: float = 0.0
    robots_error: str | None = None
    robots_lock: threading.Lock = field(default_factory=threading.Lock)


class Fetcher:
    """One HTTP client with its politeness, shared by every thread of a round.

    >>> with Fetcher(Politeness()) as fetcher:                 # doctest: +SKIP
    ...     page = fetcher.get("https://www.enabbaladi.net/feed/", etag=known_etag)
    """

    def __init__(self, politeness: Politeness | None = None, stop: threading.Event | None = None,
                 transport: httpx.BaseTransport | None = None):
        self.p = politeness or Politeness()
        self.stop = stop or threading.Event()
        timeout = httpx.Timeout(self.p.timeout)
        self.client = httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
                                   headers={"user-agent": self.p.user_agent},
                                   limits=httpx.Limits(max_connections=64, max_keepalive_connections=32))
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self.requests = 0  # every request sent, robots.txt included
        # host -> its robots.txt as last read; a caller may seed it from storage and save it back
        self.robots_records: dict[str, RobotsRecord] = {}
        self._count_lock = threading.Lock()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------------ the one public call
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str | None = None) -> Fetched:
        """GET ``url`` politely (see the module's docstring). A 304 comes back as a
        :class:`Fetched` with ``not_modified``; every failure raises :class:`FetchError`."""
        headers = {}
        if etag:
            headers["if-none-match"] = etag
        if last_modified:
            headers["if-modified-since"] = last_modified
        if accept:
            headers["accept"] = accept
        used = 0
        for attempt in range(self.p.retries + 1):
            try:
                fetched = self._follow(url, headers)
                fetched.requests += used
                if fetched.status in RETRY_STATUSES:
                    raise FetchError(f"HTTP {fetched.status} from {fetched.url}", kind="http", status=fetched.status,
                                     retry_after=_retry_after(fetched.headers.get("retry-after")), url=url)
                if fetched.status >= 400:
                    raise FetchError(f"HTTP {fetched.status} from {fetched.url}", kind="http",
                                     status=fetched.status, url=url)
                return fetched
            except FetchError as exc:
                used += 1
                transient = exc.kind in ("timeout", "network") or exc.status in RETRY_STATUSES
                if not transient or attempt == self.p.retries or self.stop.is_set():
                    raise
                wait = min(self.p.max_backoff, self.p.backoff * 2 ** attempt) * random.uniform(0.5, 1.5)
                if exc.retry_after is not None:
                    if exc.retry_after > self.p.max_backoff:
                        raise  # not waited out here: the caller polls this source again later
                    wait = max(wait, exc.retry_after)
                if self.stop.wait(wait):
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    # ------------------------------------------------------------------ redirects and robots
    def _follow(self, url: str, headers: dict) -> Fetched:
        seen = []
        hops = 0
        while True:
            if url in seen:
                raise FetchError(f"redirect loop: {' -> '.join(seen + [url])[:500]}", kind="redirects", url=seen[0])
            seen.append(url)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"not an http(s) URL: {url[:200]!r}", kind="redirects" if hops else "http",
                                 url=seen[0])
            self._check_robots(url)
            fetched = self._once(url, headers)
            if fetched.status not in REDIRECT_STATUSES or "location" not in fetched.headers:
                fetched.requests = hops + 1
                return fetched
            hops += 1
            if hops > self.p.max_redirects:
                raise FetchError(f"more than {self.p.max_redirects} redirects from {seen[0][:200]}", kind="redirects",
                                 url=seen[0])
            url = urljoin(url, fetched.headers["location"])

    def _host(self, url: str) -> _Host:
        key = _host_key(url)
        with self._hosts_lock:
            host = self._hosts.get(key)
            if host is None:
                host = self._hosts[key] = _Host(threading.Semaphore(self.p.host_concurrency),
                                                interval=self.p.host_interval)
            return host

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets marsad fetch ``url`` (fetching robots.txt when needed)."""
        try:
            self._check_robots(url)
        except FetchError as exc:
            if exc.kind == "robots":
                return False
            raise
        return True

    def _check_robots(self, url: str) -> None:
        host = self._host(url)
        with host.robots_lock:  # one thread asks, the others wait for its answer
            if time.monotonic() >= host.robots_until:
                self._read_robots(url, host)
            robots, error = host.robots, host.robots_error
        if error is not None:
            raise FetchError(f"robots.txt of {_host_key(url)} could not be read ({error}); not fetching there "
                             "until it can", kind="network", url=url)
        if robots is not None and not robots.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(f"robots.txt of {_host_key(url)} disallows {url[:200]}", kind="robots", url=url)

    def _read_robots(self, url: str, host: _Host) -> None:
        """Read the host's robots.txt, unless it was read less than ``robots_ttl`` ago (this run or
        an earlier one, ``robots_records``); asked again conditionally after that."""
        key = _host_key(url)
        robots_url = key + "/robots.txt"
        host.robots, host.robots_error = None, None
        known = self.robots_records.get(key)
        age = time.time() - known.fetched_at if known is not None else None
        if known is not None and 0 <= age < self.p.robots_ttl:
            self._apply_robots(known, host, self.p.robots_ttl - age)
            return
        # an unreadable robots.txt is asked again soon, a readable one after robots_ttl
        host.robots_until = time.monotonic() + min(self.p.robots_ttl, max(self.p.max_backoff, 1.0))
        headers = {}
        if known is not None and known.etag:
            headers["if-none-match"] = known.etag
        if known is not None and known.last_modified:
            headers["if-modified-since"] = known.last_modified
        try:
            fetched = self._once(robots_url, headers)
            hops = 0
            while fetched.status in REDIRECT_STATUSES and "location" in fetched.headers and hops < 5:
                hops += 1  # robots.txt may redirect (to https, to www.); followed a few hops
                fetched = self._once(urljoin(robots_url, fetched.headers["location"]), headers)
        except FetchError as exc:
            host.robots_error = exc.message
            return
        if fetched.status == 304 and known is not None:
            known.fetched_at, known.changed = time.time(), True
            self._apply_robots(known, host, self.p.robots_ttl)
            return
        if fetched.status >= 500 or fetched.status == 304:
            host.robots_error = f"HTTP {fetched.status}"
            return
        body = decode_page(fetched.body, fetched.content_type, fallback=True)[0] if fetched.status == 200 else ""
        record = RobotsRecord(fetched.status, body, time.time(), fetched.headers.get("etag"),
                              fetched.headers.get("last-modified"), changed=True)
        self.robots_records[key] = record
        self._apply_robots(record, host, self.p.robots_ttl)

    def _apply_robots(self, record: RobotsRecord, host: _Host, fresh_for: float) -> None:
        """What a robots.txt says for the host: 200, its rules and crawl delay; anything else
        (4xx, too many redirects), no rules: everything allowed."""
        host.robots_until = time.monotonic() + fresh_for
        if record.status != 200:
            return
        parser = RobotFileParser()
        parser.parse(record.body.splitlines())
        host.robots = parser
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay:
            try:
                host.interval = max(self.p.host_interval, min(float(delay), self.p.max_crawl_delay))
            except (TypeError, ValueError):
                pass

    # ------------------------------------------------------------------ one request
    def _once(self, url: str, headers: dict) -> Fetched:
        host = self._host(url)
        if not host.slots.acquire(timeout=self.p.deadline * 4):
            raise FetchError(f"too many requests waiting for {_host_key(url)}", kind="timeout", url=url)
        try:
            with host.lock:  # the host's next free moment is this request's; the next one waits longer
                now = time.monotonic()
                start = max(now, host.next_at)
                host.next_at = start + host.interval
            if start > now and self.stop.wait(start - now):
                raise FetchError("stopping", kind="network", url=url)
            with self._count_lock:
                self.requests += 1
            return self._request(url, headers)
        finally:
            host.slots.release()

    def _request(self, url: str, headers: dict) -> Fetched:
        began = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                found = {k.lower(): v for k, v in response.headers.items()}
                if response.status_code in REDIRECT_STATUSES or response.status_code == 304 \
                        or response.status_code >= 400:
                    return Fetched(str(response.url), response.status_code, found)
                announced = found.get("content-length", "")
                if announced.isdigit() and int(announced) > self.p.max_bytes:
                    raise FetchError(f"{url[:200]} is {int(announced):,} bytes, over the limit of "
                                     f"{self.p.max_bytes:,}", kind="too-large", url=url)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.p.max_bytes:
                        raise FetchError(f"{url[:200]} is over the limit of {self.p.max_bytes:,} bytes",
                                         kind="too-large", url=url)
                    if time.monotonic() - began > self.p.deadline:
                        raise FetchError(f"{url[:200]} took longer than {self.p.deadline:g} s", kind="timeout",
                                         url=url)
                    if self.stop.is_set():
                        raise FetchError("stopping", kind="network", url=url)
                return Fetched(str(response.url), response.status_code, found, bytes(body))
        except httpx.TimeoutException:
            raise FetchError(f"{url[:200]}: no answer within {self.p.timeout:g} s", kind="timeout", url=url) from None
        except httpx.HTTPError as exc:  # refused, reset, bad response, decoding
            raise FetchError(f"{url[:200]}: {type(exc).__name__}: {str(exc)[:200]}", kind="network", url=url) from None


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WEAK_CHARSETS = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"}


def decode_page(body: bytes, content_type: str = "", *, fallback: bool = False) -> tuple[str, str]:
    """A page's text and the encoding it was read in: the HTTP header's charset if the bytes are
    valid in it, else the page's own ``<meta charset>``, else what :func:`marsad.readers.decode_bytes`
    finds (BOMs, UTF-8, cp1256 and ISO-8859-6 Arabic, ...). Servers that send no charset, or a
    Latin one by default, are common for Arabic pages in cp1256, so a Latin charset is trusted
    only for text that reads as ASCII. ``fallback``: never raise (robots.txt), replace instead.

    >>> decode_page("قتل مدنيان".encode("cp1256"), "text/html")[1]
    'cp1256'
    """
    from marsad.errors import InputError
    from marsad.readers import decode_bytes

    declared = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type or "", re.I)
    candidates = [declared.group(1)] if declared else []
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "replace"))
    for name in candidates:
        if name.lower() in _WEAK_CHARSETS and not body.isascii():
            continue
        try:
            return body.decode(name), name.lower()
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return decode_bytes(body)
    except InputError:
        if fallback:
            return body.decode("utf-8", "replace"), "utf-8-lossy"
        raise
