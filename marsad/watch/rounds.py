"""One round of ``marsad watch``, and the loop that repeats it.

A round: (1) poll the sources that are due, with conditional GETs, and record each new entry
(``pending``) in ``watch_entries``; (2) fetch the pending entries' pages a chunk at a time,
keeping each page's text in its entry (``fetched``) as soon as it arrives; (3) ingest the fetched
entries through :func:`marsad.ingest.ingest`, the path of ``marsad ingest`` (extraction,
geocoding, merging across outlets), and mark them ``stored``; (4) look for new or updated
events matching a watch list and deliver the alerts (:mod:`marsad.watch.alerts`).

Every step is committed as it goes, so a round stopped at any point (Ctrl-C, SIGTERM, kill -9)
resumes where it stopped: an entry is fetched once (a page fetched before the stop is ingested
from its kept text, not fetched again) and none is skipped (a pending entry stays pending).
"""
from __future__ import annotations

import hashlib
import logging
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from marsad.budget import Budget
from marsad.errors import InputError, MarsadError
from marsad.model import Article
from marsad.store import IngestSummary, Store
from marsad.store.schema import articles, watch_entries, watch_robots, watch_sources
from marsad.validation import storable, text_problem
from marsad.watch.feeds import Feed, FeedEntry, FeedError, parse_feed
from marsad.watch.fetch import Fetcher, FetchError, Politeness, RobotsRecord, decode_page
from marsad.watch.sources import Source, list_sources

__all__ = ["WatchOptions", "RoundSummary", "Watcher"]

log = logging.getLogger("marsad.watch")

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
               "text/xml;q=0.9, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom")


@dataclass
class WatchOptions:
    politeness: Politeness = field(default_factory=Politeness)
    workers: int = 8  # pages fetched at a time (each host's own cap is politeness.host_concurrency)
    # processes extracting the fetched articles (marsad.runner, as `marsad ingest --workers`); 1: this one
    extract_workers: int = 1
    fetch_chunk: int = 64  # pages fetched before they are ingested
    batch_size: int = 32  # articles per ingest transaction
    entry_attempts: int = 3  # a page that fails this often: its feed summary is used, or it is given up
    entry_retry: float = 600.0  # seconds before a failed page is tried again (doubling)
    max_source_backoff: float = 6 * 3600.0  # a failing source is polled at least this often
    max_sitemaps: int = 3  # of a sitemap index, the newest sitemaps read
    budget: Budget | None = field(default_factory=Budget)


@dataclass
class RoundSummary:
    sources_polled: int = 0
    sources_unchanged: int = 0
    sources_failed: int = 0
    entries_new: int = 0
    pages_fetched: int = 0
    pages_failed: int = 0
    from_summary: int = 0
    ingest: IngestSummary = field(default_factory=IngestSummary)
    alerts_sent: int = 0
    alerts_failed: int = 0
    requests: int = 0
    extracted_by: str | None = None  # the runner's label, when the round extracted articles
    # wall-clock seconds of the round's parts: polling the sources, fetching and reading pages
    # (trafilatura included), ingesting (extraction and storage), alerts
    seconds: dict = field(default_factory=lambda: dict(poll=0.0, fetch=0.0, ingest=0.0, alerts=0.0))

    def line(self) -> str:
        return (f"sources polled {self.sources_polled} (unchanged {self.sources_unchanged}, failed "
                f"{self.sources_failed}); entries new {self.entries_new}; pages fetched {self.pages_fetched}, "
                f"failed {self.pages_failed}, feed summary used {self.from_summary}; " + self.ingest.line()
                + (f" (extracted by {self.extracted_by})" if self.extracted_by else "")
                + f"; alerts sent {self.alerts_sent}, failed {self.alerts_failed}")


@dataclass
class _Poll:
    source: Source
    feed: Feed | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    unchanged: bool = False
    error: MarsadError | None = None
    sample: str | None = None


@dataclass
class _Page:
    entry_id: int
    text: str | None = None
    text_from: str | None = None
    title: str | None = None
    published: date | None = None
    error: FetchError | MarsadError | None = None


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=timezone.utc) if value is not None and value.tzinfo is None else value


class Watcher:
    """Polls the sources of a store, fetches and ingests their new entries, and sends alerts.

    >>> Watcher(open_store("marsad.db")).run_round()      # doctest: +SKIP  (marsad watch --once)
    """

    def __init__(self, store: Store, options: WatchOptions | None = None, *, stop: threading.Event | None = None,
                 deliverer=None):
        self.store = store
        self.options = options or WatchOptions()
        self.stop = stop or threading.Event()
        self.deliverer = deliverer  # marsad.watch.alerts.Deliverer, or None: no alerts sent
        self._fetcher: Fetcher | None = None  # the loop's, kept between rounds
        self._runner = None  # the extraction runner, started when there is something to extract

    # ------------------------------------------------------------------ the loop
    def run(self) -> None:
        """Rounds until ``stop`` is set, each source polled when its interval (or backoff) is up."""
        # one client for every round: robots.txt is read once per host and robots_ttl, and
        # connections are kept alive between rounds
        self._fetcher = Fetcher(self.options.politeness, stop=self.stop)
        try:
            self._loop()
        finally:
            self._fetcher.close()
            self._fetcher = None
            self.close_runner()

    def close_runner(self) -> None:
        """Stop the extraction worker processes, if any were started."""
        if self._runner is not None:
            self._runner.close()
            self._runner = None

    def _extraction_runner(self):
        """The runner extracting fetched articles: this process, or ``extract_workers`` local
        processes (each loading the gazetteer once), kept for the next rounds of the loop."""
        if self._runner is None:
            from marsad.runner import open_runner

            workers = self.options.extract_workers
            self._runner = open_runner(workers=1) if workers <= 1 else _WatchPool(workers)
        return self._runner

    def _loop(self) -> None:
        pause = 30.0  # after a failed round; doubled while rounds keep failing
        while not self.stop.is_set():
            try:
                summary = self.run_round(due_only=True)
                wait = self._seconds_to_next_poll()
            except (MarsadError, SQLAlchemyError, OSError) as exc:  # the database or the disk: wait, then go on
                reason = exc.message if isinstance(exc, MarsadError) else \
                    str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                log.error("round failed, trying again in %.0f s: %s", pause, reason)
                self.stop.wait(pause)
                pause = min(pause * 2, 600.0)
                continue
            pause = 30.0
            if summary.sources_polled or summary.ingest.read or summary.alerts_sent or summary.alerts_failed:
                log.info("round: %s", summary.line())
            self.stop.wait(max(1.0, min(wait, 60.0)))

    def _seconds_to_next_poll(self) -> float:
        times = [s.next_poll_at for s in list_sources(self.store)]
        if not times or any(t is None for t in times):
            return 1.0
        return (min(times) - _now()).total_seconds()

    def run_round(self, *, due_only: bool = False) -> RoundSummary:
        """One round. ``due_only``: poll only the sources whose interval is up (the loop);
        otherwise every source not backed off for failing (``--once``, for cron: the schedule is
        the interval)."""
        summary = RoundSummary()
        clock = summary.seconds

        def timed(part: str, step, *args):
            began = time.perf_counter()
            try:
                return step(*args)
            finally:
                clock[part] += time.perf_counter() - began

        own = self._fetcher is None
        fetcher = Fetcher(self.options.politeness, stop=self.stop) if own else self._fetcher
        requests_before = fetcher.requests
        self._load_robots(fetcher)
        try:
            timed("ingest", self._store_fetched, summary)  # what a stopped round fetched and did not store
            if not self.stop.is_set():
                timed("poll", self._poll_sources, fetcher, summary, due_only)
            while not self.stop.is_set():
                if not timed("fetch", self._fetch_pages, fetcher, summary):
                    break
                timed("ingest", self._store_fetched, summary)
        finally:
            summary.requests = fetcher.requests - requests_before
            self._save_robots(fetcher)
            if own:
                fetcher.close()
                self.close_runner()
        if self.deliverer is not None and not self.stop.is_set():
            from marsad.watch.alerts import find_alerts

            def alerts():
                find_alerts(self.store)
                return self.deliverer.deliver(self.store)

            sent, failed = timed("alerts", alerts)
            summary.alerts_sent += sent
            summary.alerts_failed += failed
        return summary

    # ------------------------------------------------------------------ robots.txt kept between rounds
    def _load_robots(self, fetcher: Fetcher) -> None:
        with self.store.engine.connect() as conn:
            for row in conn.execute(select(watch_robots)):
                if row.host not in fetcher.robots_records:
                    fetcher.robots_records[row.host] = RobotsRecord(row.status, row.body, _aware(row.fetched_at)
                                                                    .timestamp(), row.etag, row.last_modified)

    def _save_robots(self, fetcher: Fetcher) -> None:
        changed = {host: r for host, r in fetcher.robots_records.items() if r.changed and len(host) <= 300}
        if not changed:
            return
        with self.store._writing() as conn:
            for host, record in changed.items():
                values = dict(status=record.status, body=_cut(record.body, 500_000) or "",
                              etag=_cut(record.etag, 1000), last_modified=_cut(record.last_modified, 200),
                              fetched_at=datetime.fromtimestamp(record.fetched_at, timezone.utc))
                if not conn.execute(update(watch_robots).where(watch_robots.c.host == host).values(**values)).rowcount:
                    conn.execute(watch_robots.insert().values(host=host, **values))
                record.changed = False

    # ------------------------------------------------------------------ 1. polling
    def _due(self, due_only: bool) -> list[Source]:
        now = _now()
        out = []
        for source in list_sources(self.store):
            backed_off = source.failures and source.next_poll_at and source.next_poll_at > now
            if backed_off or (due_only and source.next_poll_at and source.next_poll_at > now):
                if backed_off and not due_only:
                    log.info("%s: failing, backed off until %s (%s)", source.name,
                             source.next_poll_at.isoformat(timespec="seconds"), source.last_error)
                continue
            out.append(source)
        return out

    def _poll_sources(self, fetcher: Fetcher, summary: RoundSummary, due_only: bool) -> None:
        due = self._due(due_only)
        if not due:
            return
        with ThreadPoolExecutor(max_workers=min(self.options.workers, len(due))) as pool:
            futures = [pool.submit(self._poll, fetcher, source) for source in due]
            # recorded in the sources' order, not as they finish: the entries, and so the order
            # their articles are ingested and merged in, are the same whichever server is quicker
            for future in futures:
                self._record_poll(future.result(), summary)

    def _poll(self, fetcher: Fetcher, source: Source) -> _Poll:
        result = _Poll(source)
        # a sitemap index often stays the same while its sitemaps change: it is read in full each time
        index = source.kind == "sitemap-index"
        try:
            fetched = fetcher.get(source.url, etag=None if index else source.etag,
                                  last_modified=None if index else source.last_modified, accept=FEED_ACCEPT)
            if fetched.not_modified:
                result.unchanged = True
                result.etag, result.last_modified = source.etag, source.last_modified
                return result
            result.etag = fetched.headers.get("etag")
            result.last_modified = fetched.headers.get("last-modified")
            result.content_hash = hashlib.sha256(fetched.body).hexdigest()
            if result.content_hash == source.content_hash and not index:  # same bytes: nothing new
                result.unchanged = True
                return result
            try:
                feed = parse_feed(fetched.body, fetched.content_type, fetched.url)
            except FeedError:
                result.sample = decode_page(fetched.body, fetched.content_type, fallback=True)[0][:2000]
                raise
            for child in feed.sitemaps[:self.options.max_sitemaps]:  # a sitemap index: its newest sitemaps
                page = fetcher.get(child, accept=FEED_ACCEPT)
                feed.entries.extend(parse_feed(page.body, page.content_type, page.url).entries)
            result.feed = feed
        except MarsadError as exc:
            result.error = exc
        except Exception as exc:  # whatever a server sends, the round goes on; the source is marked failing
            result.error = MarsadError(f"internal error reading the source: {type(exc).__name__}: {exc}"[:500])
        return result

    def _record_poll(self, poll: _Poll, summary: RoundSummary) -> None:
        source, now = poll.source, _now()
        summary.sources_polled += 1
        values = dict(last_polled_at=now)
        if poll.error is not None:
            summary.sources_failed += 1
            failures = source.failures + 1
            wait = min(self.options.max_source_backoff, source.interval_s * 2 ** (failures - 1))
            wait *= random.uniform(0.9, 1.1)
            retry_after = getattr(poll.error, "retry_after", None)
            if retry_after:
                wait = max(wait, min(retry_after, self.options.max_source_backoff))
            values.update(failures=failures, last_error=_cut(poll.error.message, 2000), last_error_at=now,
                          next_poll_at=now + timedelta(seconds=wait))
            log.warning("%s: poll failed (%d in a row; next try in %.0f s): %s", source.name, failures, wait,
                        poll.error.message)
            if isinstance(poll.error, FeedError):  # kept for inspection: `marsad rejected`
                self.store.store_rejected(f"{source.url}:0", poll.error.code, poll.error.message, poll.sample)
            with self.store._writing() as conn:
                conn.execute(update(watch_sources).where(watch_sources.c.id == source.id).values(**values))
            return
        values.update(failures=0, last_success_at=now, next_poll_at=now + timedelta(seconds=source.interval_s),
                      etag=(poll.etag or None) and poll.etag[:1000],
                      last_modified=(poll.last_modified or None) and poll.last_modified[:200])
        if poll.content_hash:
            values["content_hash"] = poll.content_hash
        if poll.unchanged:
            summary.sources_unchanged += 1
            log.info("%s: unchanged", source.name)
        else:
            values["kind"] = poll.feed.kind
        new = self._record_entries(source, poll.feed.entries if poll.feed else [], values)
        summary.entries_new += new
        if not poll.unchanged:
            log.info("%s: %d entries, %d new", source.name, len(poll.feed.entries), new)

    def _record_entries(self, source: Source, entries: list[FeedEntry], values: dict) -> int:
        """Record the entries not known yet (by URL, here or among the stored articles) as pending,
        with the source's new state, in one transaction."""
        now = _now()
        with self.store._writing() as conn:
            new = []
            for start in range(0, len(entries), 200):
                chunk = entries[start:start + 200]
                urls = [e.url for e in chunk]
                known = set(conn.execute(select(watch_entries.c.url).where(watch_entries.c.url.in_(urls))).scalars())
                stored = set(conn.execute(select(articles.c.url).where(articles.c.url.in_(urls))).scalars())
                for e in chunk:
                    if e.url in known:
                        continue
                    new.append(dict(source=source.id, url=e.url, title=_cut(e.title, 2000), summary=_cut(e.summary, 20_000),
                                    published=e.published, state="stored" if e.url in stored else "pending",
                                    attempts=0, found_at=now, stored_at=now if e.url in stored else None,
                                    error="stored already (by URL)" if e.url in stored else None))
            if new:
                conn.execute(watch_entries.insert(), new)
            conn.execute(update(watch_sources).where(watch_sources.c.id == source.id).values(
                entries_found=watch_sources.c.entries_found + len(new), **values))
        return sum(1 for row in new if row["state"] == "pending")

    # ------------------------------------------------------------------ 2. fetching pages
    def _fetch_pages(self, fetcher: Fetcher, summary: RoundSummary) -> bool:
        """Fetch the next chunk of pending entries (each kept as it arrives); False when none is due."""
        now = _now()
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(watch_entries.c.id, watch_entries.c.url, watch_entries.c.title, watch_entries.c.summary,
                       watch_entries.c.published, watch_entries.c.attempts, watch_entries.c.source)
                .where(watch_entries.c.state == "pending",
                       or_(watch_entries.c.next_try_at.is_(None), watch_entries.c.next_try_at <= now))
                .order_by(watch_entries.c.id).limit(self.options.fetch_chunk)).all()
        if not rows:
            return False
        with ThreadPoolExecutor(max_workers=min(self.options.workers, len(rows))) as pool:
            futures = {pool.submit(self._fetch_page, fetcher, row): row for row in rows}
            for future in as_completed(futures):
                self._record_page(futures[future], future.result(), summary)
        return True

    def _fetch_page(self, fetcher: Fetcher, row) -> _Page:
        page = _Page(row.id)
        try:
            fetched = fetcher.get(row.url, accept=PAGE_ACCEPT)
            kind = fetched.content_type.split(";")[0].strip().lower()
            if kind and not kind.startswith(TEXT_TYPES):
                raise FetchError(f"{row.url[:200]} is {kind[:60]}, not a web page", kind="not-text", url=row.url)
            html, _ = decode_page(fetched.body, fetched.content_type)
            from marsad.readers import _trafilatura_text

            text, title, published, _ = _trafilatura_text(html)
            if text and text_problem(text):  # a NUL or a lone surrogate: what ingest refuses (E108)
                page.error = InputError(f"{row.url[:200]}: the page's text {text_problem(text)}")
            elif text and text.strip():
                page.text, page.text_from, page.title, page.published = text.strip(), "page", _cut(title, 2000), \
                    published
            else:
                page.error = InputError(f"{row.url[:200]}: no article text in the page")
        except (MarsadError, ValueError) as exc:  # InputError (binary page), FetchError
            page.error = exc if isinstance(exc, MarsadError) else InputError(str(exc)[:300])
        except Exception as exc:  # never a traceback for what a server sends
            page.error = MarsadError(f"{row.url[:200]}: internal error: {type(exc).__name__}: {exc}"[:500])
        return page

    def _record_page(self, row, page: _Page, summary: RoundSummary) -> None:
        now = _now()
        values: dict = dict(attempts=row.attempts + 1)
        error = page.error
        if error is not None:
            permanent = not isinstance(error, FetchError) or error.permanent
            if not permanent and row.attempts + 1 < self.options.entry_attempts and not self.stop.is_set():
                wait = self.options.entry_retry * 2 ** row.attempts
                values.update(error=_cut(error.message, 2000), next_try_at=now + timedelta(seconds=wait))
                summary.pages_failed += 1
                log.info("%s: will try again in %.0f s: %s", row.url, wait, error.message)
                self._update_entry(row.id, values)
                return
            if self.stop.is_set() and not permanent:
                self._update_entry(row.id, dict(error=_cut(error.message, 2000)))  # tried again next round
                return
            summary.pages_failed += 1
            if row.summary and row.summary.strip():  # the feed's own text, marked as such
                page.text, page.text_from = row.summary.strip(), "summary"
                summary.from_summary += 1
                log.info("%s: using the feed summary: %s", row.url, error.message)
            else:
                values.update(state="failed", error=_cut(error.message, 2000), fetched_at=now)
                log.warning("%s: given up: %s", row.url, error.message)
                self._update_entry(row.id, values)
                return
        else:
            summary.pages_fetched += 1
        title = row.title or page.title
        text = page.text
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        values.update(state="fetched", text=text, text_from=page.text_from, title=title,
                      published=row.published or page.published, fetched_at=now,
                      content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                      error=None if error is None else _cut(error.message, 2000))
        self._update_entry(row.id, values)

    def _update_entry(self, entry_id: int, values: dict) -> None:
        with self.store._writing() as conn:
            conn.execute(update(watch_entries).where(watch_entries.c.id == entry_id).values(**values))

    # ------------------------------------------------------------------ 3. storing
    def _store_fetched(self, summary: RoundSummary) -> None:
        """Ingest the fetched entries (``marsad ingest``'s path), then mark each stored, or rejected
        when ingest refused it (its reason is in ``marsad rejected``)."""
        from marsad.ingest import ingest
        from marsad.readers import detect_language

        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(watch_entries.c.id, watch_entries.c.url, watch_entries.c.title, watch_entries.c.text,
                       watch_entries.c.text_from, watch_entries.c.published, watch_entries.c.source,
                       watch_sources.c.name, watch_sources.c.language)
                .join(watch_sources, watch_sources.c.id == watch_entries.c.source)
                .where(watch_entries.c.state == "fetched").order_by(watch_entries.c.id)).all()
        if not rows:
            return
        items = []
        for row in rows:
            text = row.text or ""
            items.append(Article(text=text, id=_article_id(row.url), published=row.published, source=row.name,
                                 url=row.url, language=row.language or detect_language(text), title=row.title,
                                 origin=row.url + (" (feed summary)" if row.text_from == "summary" else "")))
        before = self.store.known(items)
        done: list[Article] = []

        def until_stopped():
            for article in items:
                if self.stop.is_set():  # the batch under way is finished; the rest waits for the next round
                    return
                done.append(article)
                yield article

        runner = self._extraction_runner()
        summary.extracted_by = runner.label
        result = ingest(self.store, until_stopped(), batch_size=self.options.batch_size, budget=self.options.budget,
                        runner=runner)
        for name in ("read", "new", "known", "rejected", "events_created", "events_merged"):
            setattr(summary.ingest, name, getattr(summary.ingest, name) + getattr(result, name))
        summary.ingest.failed.extend(result.failed)
        for line in result.failed:
            log.warning("rejected: %s", line)
        if not done:
            return
        hashes, urls = self.store.known(done)
        now = _now()
        new_per_source: dict[int, int] = {}
        by_url = {row.url: row for row in rows}
        with self.store._writing() as conn:
            for article in done:
                row = by_url[article.url]
                stored = article.text_hash in hashes or article.url in urls
                conn.execute(update(watch_entries).where(watch_entries.c.id == row.id).values(
                    state="stored" if stored else "rejected", text=None, stored_at=now,
                    error=None if stored else "refused by ingest; see `marsad rejected`"))
                if stored and article.text_hash not in before[0] and article.url not in before[1]:
                    new_per_source[row.source] = new_per_source.get(row.source, 0) + 1
            for source_id, n in new_per_source.items():
                conn.execute(update(watch_sources).where(watch_sources.c.id == source_id).values(
                    articles_new=watch_sources.c.articles_new + n))


def _watch_worker_start() -> None:
    """A watch worker leaves SIGINT and SIGTERM to ``marsad watch``, which finishes the batch under
    way before it stops: a terminal's Ctrl-C, and a service manager's stop, reach the whole process
    group. It still ends with its parent (marsad.runner's start-up watches it), even after kill -9."""
    import signal

    from marsad.runner import _warm

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _warm()


def _WatchPool(workers: int):
    """``marsad ingest --workers``'s runner (marsad.runner.LocalPool: the same extraction, in
    input order), its processes started by :func:`_watch_worker_start`."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from marsad.runner import LocalPool

    runner = LocalPool.__new__(LocalPool)
    runner.workers = workers
    runner.label = f"{workers} local worker processes"
    runner.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                      initializer=_watch_worker_start)
    return runner


def _article_id(url: str) -> str:
    """An article's id: its URL, or for a URL over the id column's 200 characters, its hash."""
    return url if len(url) <= 200 else "url:" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]


def _cut(value: str | None, size: int) -> str | None:
    """A server's text as a column can hold it: NUL and lone surrogates escaped, its start kept."""
    return storable(value)[:size] if value else value


