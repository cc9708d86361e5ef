"""Watch lists: saved event filters with a target, and the alerts they raise, each delivered once.

A watch list names filters (:mod:`marsad.watch.matching`: those of the events list) and a target:
a webhook (``https://...``: a JSON POST of the event with a link to its page) or an email address
(``mailto:`` or a bare address; sent over SMTP).

Exactly once, as far as the receiver can tell:

1. **The outbox of changes.** A trigger on ``events`` (migration 0009) adds a ``watch_changes``
   row in the very transaction that inserts an event or changes its record, whoever writes it
   (``marsad ingest``, ``marsad watch``, an analyst's edit or split), while a watch list exists.
   Whatever is killed when, a committed event has its change row.
2. **One alert per (watch list, event, version).** :func:`find_alerts` reads the change rows,
   matches each changed event against each list made before the change, writes one
   ``watch_alerts`` row per match (``version``: a digest of the event's record; the record itself
   is kept, so a retry sends the same body) with an idempotency key (:func:`idempotency_key`),
   and deletes the change rows, in one transaction. A new version of an event already alerted
   (another outlet's report merged in, a death toll corrected) is alerted again, as ``updated``,
   under a new key; the same version never twice.
3. **Sent, then marked.** :class:`Deliverer` sends each pending alert alone, with its key in the
   ``Idempotency-Key`` header and in the body (the mail's ``Message-ID`` and an
   ``Idempotency-Key`` header), and marks it sent only after the receiver's 2xx (or the mail
   server's 250). A crash between the two sends it again on the next round **under the same
   key**: a receiver that keeps the keys it has seen drops the repeat. A delivery that fails is
   tried again later (doubling waits), its attempts and last error kept (``marsad watchlist
   alerts``), until ``max_attempts``, when it is marked failed.

Webhook targets are checked (:func:`target_problem`): a URL whose host is, or resolves to, a
loopback, private, link-local (cloud metadata services), shared, multicast or reserved address is
refused when the list is saved and again when each alert is sent (the connection goes to the very
address checked, so a name that resolves differently the second time cannot slip through), and
redirects are not followed. ``allow_private_targets`` (``--allow-private-targets``,
``MARSAD_ALLOW_PRIVATE_TARGETS=1``) allows them, for a receiver on the same machine or network.
"""
from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import os
import re
import smtplib
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from urllib.parse import urlsplit

from sqlalchemy import delete, func, or_, select, tuple_, update

from marsad.errors import NotFoundError, UsageError
from marsad.store import Store
from marsad.store.schema import events, watch_alerts, watch_changes, watch_lists
from marsad.validation import text_problem
from marsad.watch.matching import clean_filters, event_matches

__all__ = ["WatchList", "add_watch_list", "list_watch_lists", "remove_watch_list", "alerts_of", "find_alerts",
           "Deliverer", "TargetRefused", "target_problem", "idempotency_key", "record_version", "allow_private_default"]

log = logging.getLogger("marsad.watch")

CHANGES_PER_PASS = 2000  # change rows turned into alerts per transaction
_EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")


@dataclass
class WatchList:
    name: str
    target: str
    filters: dict
    created_by: str
    created_at: datetime
    id: int | None = None
    sent: int = 0
    pending: int = 0
    failed: int = 0

    @property
    def kind(self) -> str:
        return "email" if self.target.startswith("mailto:") else "webhook"

    def to_record(self) -> dict:
        return dict(name=self.name, kind=self.kind, target=self.target, filters=self.filters,
                    created_by=self.created_by, created_at=self.created_at.isoformat(), alerts_sent=self.sent,
                    alerts_pending=self.pending, alerts_failed=self.failed)


def _target(webhook: str | None, email: str | None, allow_private: bool = False) -> str:
    if bool(webhook) == bool(email):
        raise UsageError("a watch list has one target: a webhook URL or an email address")
    if text_problem(webhook or email):
        raise UsageError(f"a watch list's target {text_problem(webhook or email)}")
    if webhook:
        parts = urlsplit(webhook)
        if parts.scheme not in ("http", "https") or not parts.hostname or len(webhook) > 2000 or \
                re.search(r"[\s\x00]", webhook):
            raise UsageError(f"a webhook is an http:// or https:// URL of at most 2,000 characters, not "
                             f"{webhook[:80]!r}")
        if not allow_private:
            problem = target_problem(webhook, unresolved_ok=True)
            if problem:
                raise TargetRefused(problem)
        return webhook
    address = email.removeprefix("mailto:")
    if not _EMAIL.match(address) or len(address) > 300:
        raise UsageError(f"not an email address: {email[:80]!r}")
    return "mailto:" + address


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=timezone.utc) if value is not None and value.tzinfo is None else value


def add_watch_list(store: Store, name: str, *, filters: dict, webhook: str | None = None, email: str | None = None,
                   created_by: str, allow_private_targets: bool = False) -> WatchList:
    """Save a watch list; events stored or updated from now on that pass ``filters`` are sent
    to its target. A name in use is refused (remove it first), and so is a webhook on a private,
    loopback or link-local address (:func:`target_problem`) unless ``allow_private_targets``."""
    if not isinstance(name, str) or not name.strip() or len(name) > 200 or text_problem(name):
        raise UsageError("a watch list's name is text of 1 to 200 characters")
    name = name.strip()
    target = _target(webhook, email, allow_private_targets)
    saved = clean_filters(filters)
    now = datetime.now(timezone.utc)
    with store._writing() as conn:
        if conn.execute(select(watch_lists.c.id).where(watch_lists.c.name == name)).first():
            raise UsageError(f"there is a watch list {name!r} already; remove it first to change it")
        # it sees the changes after the last one now in the outbox (ids only grow, and the writer
        # lock is held: no change is being written)
        last = conn.execute(select(func.max(watch_changes.c.id))).scalar() or 0
        conn.execute(watch_lists.insert().values(name=name, filters=json.dumps(saved, ensure_ascii=False),
                                                 target=target, created_by=(created_by or "analyst")[:200],
                                                 created_at=now, checked_at=now, changes_from=last))
    return next(w for w in list_watch_lists(store) if w.name == name)


def list_watch_lists(store: Store) -> list[WatchList]:
    with store.engine.connect() as conn:
        counts: dict[tuple[int, str], int] = {
            (wl, state): n for wl, state, n in conn.execute(
                select(watch_alerts.c.watch_list, watch_alerts.c.state, func.count())
                .group_by(watch_alerts.c.watch_list, watch_alerts.c.state))}
        rows = conn.execute(select(watch_lists).order_by(watch_lists.c.id)).all()
    return [WatchList(name=r.name, target=r.target, filters=json.loads(r.filters), created_by=r.created_by,
                      created_at=_aware(r.created_at), id=r.id, sent=counts.get((r.id, "sent"), 0),
                      pending=counts.get((r.id, "pending"), 0), failed=counts.get((r.id, "failed"), 0))
            for r in rows]


def remove_watch_list(store: Store, name: str) -> None:
    """Delete a watch list and its alerts' history; NotFoundError if there is none of that name."""
    if not isinstance(name, str) or text_problem(name):
        raise NotFoundError(f"no watch list {str(name)[:200]!r}")
    with store._writing() as conn:
        found = conn.execute(select(watch_lists.c.id).where(watch_lists.c.name == name)).scalar()
        if found is None:
            raise NotFoundError(f"no watch list {str(name)[:200]!r}")
        conn.execute(delete(watch_alerts).where(watch_alerts.c.watch_list == found))
        conn.execute(delete(watch_lists).where(watch_lists.c.id == found))


def alerts_of(store: Store, name: str | None = None, limit: int = 1000) -> list[dict]:
    """The deliveries (newest first) of one watch list or of all: event, version, state, attempts,
    last error, idempotency key."""
    query = (select(watch_lists.c.name, watch_alerts.c.event_id, watch_alerts.c.state, watch_alerts.c.attempts,
                    watch_alerts.c.last_error, watch_alerts.c.created_at, watch_alerts.c.sent_at,
                    watch_alerts.c.next_try_at, watch_alerts.c.version, watch_alerts.c.change,
                    watch_alerts.c.idem_key)
             .join(watch_lists, watch_lists.c.id == watch_alerts.c.watch_list)
             .order_by(watch_alerts.c.id.desc()).limit(limit))
    if name is not None:
        if not any(w.name == name for w in list_watch_lists(store)):
            raise NotFoundError(f"no watch list {str(name)[:200]!r}")
        query = query.where(watch_lists.c.name == name)
    with store.engine.connect() as conn:
        return [dict(watch_list=r[0], event_id=r[1], state=r[2], attempts=r[3], last_error=r[4],
                     created_at=_aware(r[5]).isoformat(), sent_at=_aware(r[6]).isoformat() if r[6] else None,
                     next_try_at=_aware(r[7]).isoformat() if r[7] and r[2] == "pending" else None,
                     version=r[8], change=r[9], idempotency_key=r[10])
                for r in conn.execute(query)]


def allow_private_default() -> bool:
    """Whether ``MARSAD_ALLOW_PRIVATE_TARGETS`` (1, true, yes) allows private webhook targets."""
    return os.environ.get("MARSAD_ALLOW_PRIVATE_TARGETS", "").strip().lower() in ("1", "true", "yes", "on")


class TargetRefused(UsageError):
    """A webhook whose host is, or resolves to, an address marsad does not call by default."""

    code = "E620"


def _address_problem(address: str) -> str | None:
    """Why one IP address is not called by default, or None when it is a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and (ip.ipv4_mapped or ip.sixtofour or (ip.teredo and ip.teredo[1])):
        inner = ip.ipv4_mapped or ip.sixtofour or ip.teredo[1]
        problem = _address_problem(str(inner))
        if problem:
            return problem
    for test, what in ((ip.is_loopback, "a loopback address"),
                       (ip.is_link_local, "a link-local address (where cloud metadata services answer)"),
                       (ip.is_unspecified, "the unspecified address"), (ip.is_multicast, "a multicast address"),
                       (ip.is_private, "a private address"), (ip.is_reserved, "a reserved address"),
                       (not ip.is_global, "not a public address")):
        if test:
            return what
    return None


def _resolve(host: str, port: int) -> list[str]:
    """The addresses of ``host`` (each once, in the resolver's order); an IP literal is its own."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in found))


def _host_port(url: str) -> tuple[str, int, str]:
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80), parts.scheme


def target_problem(url: str, *, unresolved_ok: bool = False) -> str | None:
    """Why a webhook URL is refused by default, or None. Its host is resolved and **every**
    address checked: loopback (127.0.0.0/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7),
    link-local (169.254/16, where cloud metadata services answer, and fe80::/10), shared
    (100.64/10), multicast, reserved and unspecified addresses are refused, also inside an
    IPv4-mapped IPv6 address. A host that does not resolve is a problem too, unless
    ``unresolved_ok`` (when a list is saved: the check is made again at each delivery).

    For ``http://169.254.169.254/latest/meta-data/``: "the webhook ... is 169.254.169.254, a
    link-local address (where cloud metadata services answer): marsad does not call such addresses
    unless allowed (--allow-private-targets, or MARSAD_ALLOW_PRIVATE_TARGETS=1)".
    """
    host, port, _ = _host_port(url)
    if not host:
        return f"the webhook {url[:200]} names no host"
    try:
        addresses = _resolve(host, port)
    except (OSError, UnicodeError) as exc:
        return None if unresolved_ok else f"the webhook's host {host[:200]} does not resolve: {exc}"
    for address in addresses:
        problem = _address_problem(address)
        if problem:
            shown = url if len(url) <= 200 else url[:200] + "..."
            where = f"is {address}" if address == host else f"resolves to {address}"
            return (f"the webhook {shown} {where}, {problem}: marsad does not call such addresses unless "
                    "allowed (--allow-private-targets, or MARSAD_ALLOW_PRIVATE_TARGETS=1)")
    return None


def idempotency_key(watch_list_id: int, list_created_at: datetime, event_id: str, version: str) -> str:
    """The key of one alert: the same (watch list, event, version) always has the same key, and a
    list made again under a reused id has other keys (its creation time is in them)."""
    made = _aware(list_created_at).astimezone(timezone.utc).isoformat(timespec="microseconds")
    return hashlib.sha256(f"{watch_list_id}|{made}|{event_id}|{version}".encode("utf-8")).hexdigest()[:40]


def record_version(raw: str) -> str:
    """A version of an event: the digest of its stored record (JSON)."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def find_alerts(store: Store) -> int:
    """Turn the outbox of event changes into alerts: for each changed event and each watch list
    made before the change whose filters it passes, one pending alert for the event's current
    version (none when that version has one already); the change rows read are deleted in the
    same transaction. Returns how many alerts were made."""
    made = 0
    while True:
        n, more = _relay_changes(store)
        made += n
        if not more:
            return made


def _relay_changes(store: Store) -> tuple[int, bool]:
    with store.engine.connect() as conn:  # nothing to do: the writer lock is not taken
        if conn.execute(select(watch_changes.c.id).limit(1)).first() is None:
            return 0, False
    now = datetime.now(timezone.utc)
    with store._writing() as conn:
        changes = conn.execute(select(watch_changes.c.id, watch_changes.c.event)
                               .order_by(watch_changes.c.id).limit(CHANGES_PER_PASS)).all()
        if not changes:
            return 0, False
        latest: dict[int, int] = {}  # event key -> its last change read
        for change_id, event_pk in changes:
            latest[event_pk] = change_id
        lists = conn.execute(select(watch_lists.c.id, watch_lists.c.filters, watch_lists.c.created_at,
                                    watch_lists.c.changes_from)).all()
        fresh: list[dict] = []
        if lists:
            filters = {wl.id: json.loads(wl.filters) for wl in lists}
            keys = sorted(latest)
            rows = []
            for start in range(0, len(keys), 500):
                rows += conn.execute(select(events.c.id, events.c.event_id, events.c.record)
                                     .where(events.c.id.in_(keys[start:start + 500]))).all()
            for ev_pk, event_id, raw in rows:  # an event deleted since (split, merged away) has no row
                if not raw or raw == "{}":
                    continue
                record = json.loads(raw)
                version = record_version(raw)
                for wl in lists:
                    if latest[ev_pk] > wl.changes_from and event_matches(record, filters[wl.id], raw):
                        fresh.append(dict(watch_list=wl.id, event_id=event_id, version=version, record=raw,
                                          idem_key=idempotency_key(wl.id, wl.created_at, event_id, version),
                                          state="pending", attempts=0, created_at=now))
        if fresh:
            pairs = sorted({(row["watch_list"], row["event_id"]) for row in fresh})
            alerted: set[tuple[int, str, str]] = set()
            for start in range(0, len(pairs), 500):
                alerted |= {tuple(r) for r in conn.execute(
                    select(watch_alerts.c.watch_list, watch_alerts.c.event_id, watch_alerts.c.version)
                    .where(tuple_(watch_alerts.c.watch_list, watch_alerts.c.event_id).in_(pairs[start:start + 500])))}
            before = {(wl, ev) for wl, ev, _ in alerted}
            fresh = [dict(row, change="updated" if (row["watch_list"], row["event_id"]) in before else "new")
                     for row in fresh if (row["watch_list"], row["event_id"], row["version"]) not in alerted]
            if fresh:
                conn.execute(store._dialect_insert(watch_alerts).on_conflict_do_nothing(), fresh)
        # the writer lock is held: every change up to the last one read is committed and was read
        conn.execute(delete(watch_changes).where(watch_changes.c.id <= changes[-1][0]))
        conn.execute(update(watch_lists).values(checked_at=now))
    return len(fresh), len(changes) == CHANGES_PER_PASS


class Deliverer:
    """Sends pending alerts, one at a time, each marked sent after the receiver took it: webhooks
    with httpx (no redirects followed; the address checked is the one connected to), mail over
    SMTP (``smtp``: ``host[:port]``)."""

    def __init__(self, *, app_url: str = "http://127.0.0.1:8000", smtp: str = "localhost:25",
                 mail_from: str = "marsad@localhost", timeout: float = 20.0, retry_base: float = 60.0,
                 max_attempts: int = 8, user_agent: str | None = None, allow_private_targets: bool | None = None):
        from marsad.watch.fetch import USER_AGENT

        self.app_url = app_url.rstrip("/")
        host, _, port = smtp.rpartition(":") if ":" in smtp else (smtp, "", "25")
        if not port.isdigit():
            raise UsageError(f"the mail server is HOST[:PORT], not {smtp!r}")
        self.smtp = (host or "localhost", int(port))
        self.mail_from = mail_from
        self.timeout = timeout
        self.retry_base = retry_base
        self.max_attempts = max_attempts
        self.user_agent = user_agent or USER_AGENT
        self.allow_private_targets = allow_private_default() if allow_private_targets is None else allow_private_targets

    def deliver(self, store: Store) -> tuple[int, int]:
        """Send the alerts that are due, oldest first; (sent, failed this time)."""
        now = datetime.now(timezone.utc)
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(watch_alerts.c.id, watch_alerts.c.event_id, watch_alerts.c.attempts, watch_alerts.c.version,
                       watch_alerts.c.idem_key, watch_alerts.c.change, watch_alerts.c.record, watch_lists.c.name,
                       watch_lists.c.target, watch_lists.c.filters)
                .join(watch_lists, watch_lists.c.id == watch_alerts.c.watch_list)
                .where(watch_alerts.c.state == "pending",
                       or_(watch_alerts.c.next_try_at.is_(None), watch_alerts.c.next_try_at <= now))
                .order_by(watch_alerts.c.id)).all()
        sent = failed = 0
        down: dict[str, str] = {}  # target -> why it failed in this round
        for row in rows:
            if row.target in down:  # not called again this round: its alerts wait, counted as tried
                self._mark(store, row, "retry", down[row.target])
                failed += 1
                continue
            if row.record:
                record = json.loads(row.record)
            else:  # an alert made before schema 0009: the event as it is now
                try:
                    record = store.event(row.event_id)
                except NotFoundError:
                    self._mark(store, row, "failed", "the event no longer exists")
                    failed += 1
                    continue
            try:
                self._send(row, json.loads(row.filters), record)
            except Exception as exc:  # any failure of the target: retried later (same key), and shown
                reason = exc.message if isinstance(exc, TargetRefused) else f"{type(exc).__name__}: {exc}"
                log.warning("watch list %s: delivery to %s failed: %s", row.name, row.target, reason[:1000])
                down[row.target] = reason[:1000]
                self._mark(store, row, "retry", reason[:1000])
                failed += 1
            else:
                self._mark(store, row, "sent", None)
                sent += 1
                log.info("watch list %s: event %s (%s) sent to %s", row.name, row.event_id, row.change, row.target)
        return sent, failed

    def _mark(self, store: Store, row, outcome: str, error: str | None) -> None:
        now = datetime.now(timezone.utc)
        attempts = row.attempts + 1
        if outcome == "sent":
            values = dict(state="sent", attempts=attempts, sent_at=now, last_error=None, next_try_at=None)
        elif outcome == "retry" and attempts < self.max_attempts:
            wait = min(3600.0, self.retry_base * 2 ** row.attempts)
            values = dict(attempts=attempts, last_error=error, next_try_at=now + timedelta(seconds=wait))
        else:
            values = dict(state="failed", attempts=attempts, last_error=error, next_try_at=None)
        with store._writing() as conn:
            conn.execute(update(watch_alerts).where(watch_alerts.c.id == row.id).values(**values))

    def link(self, event_id: str) -> str:
        return f"{self.app_url}/events/{event_id}"

    def _send(self, row, filters: dict, record: dict) -> None:
        if row.target.startswith("mailto:"):
            self._mail(row, row.target.removeprefix("mailto:"), filters, record)
            return
        body = {"watch_list": row.name, "filters": filters, "idempotency_key": row.idem_key,
                "events": [{"alert_id": row.id, "idempotency_key": row.idem_key, "version": row.version,
                            "change": row.change, "url": self.link(record["event_id"]), "event": record}]}
        headers = {"user-agent": self.user_agent, "idempotency-key": row.idem_key, "x-marsad-alerts": str(row.id),
                   "content-type": "application/json"}
        response = self._post(row.target, json.dumps(body, ensure_ascii=False).encode("utf-8"), headers)
        if 300 <= response.status_code < 400:
            raise RuntimeError(f"the webhook answered HTTP {response.status_code} (a redirect, to "
                               f"{response.headers.get('location', '?')[:200]}): redirects are not followed; "
                               "give the watch list the final URL")
        if not 200 <= response.status_code < 300:
            raise RuntimeError(f"the webhook answered HTTP {response.status_code}")

    def _post(self, url: str, content: bytes, headers: dict):
        """POST to ``url``, connecting to an address of its host that was checked (not to whatever
        the name resolves to a moment later); https is verified against the host's name."""
        import httpx

        host, port, scheme = _host_port(url)
        try:
            addresses = _resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise RuntimeError(f"the webhook's host {host[:200]} does not resolve: {exc}") from None
        if not self.allow_private_targets:
            for address in addresses:
                problem = _address_problem(address)
                if problem:
                    where = f"is {address}" if address == host else f"resolves to {address}"
                    raise TargetRefused(f"the webhook {url[:200]} {where}, {problem}: not called (allow it with "
                                        "--allow-private-targets or MARSAD_ALLOW_PRIVATE_TARGETS=1)")
        parts = urlsplit(url)
        userinfo = parts.netloc.rpartition("@")[0]
        headers = dict(headers, host=parts.netloc.rpartition("@")[2])
        extensions = {"sni_hostname": host} if scheme == "https" else {}
        last: Exception | None = None
        with httpx.Client(timeout=self.timeout, follow_redirects=False, trust_env=False) as client:
            for address in addresses:
                shown = f"[{address}]" if ":" in address else address
                pinned = parts._replace(netloc=(userinfo + "@" if userinfo else "") + f"{shown}:{port}").geturl()
                try:
                    return client.post(pinned, content=content, headers=headers, extensions=extensions)
                except httpx.ConnectError as exc:  # nothing was sent: the host's next address
                    last = exc
        raise last or RuntimeError(f"the webhook's host {host[:200]} has no address")

    def _mail(self, row, address: str, filters: dict, r: dict) -> None:
        msg = EmailMessage()
        change = "updated event" if row.change == "updated" else "event"
        msg["Subject"] = f"marsad: {change} for watch list {row.name}: {r.get('event_type')} / " \
                         f"{r.get('sub_event_type')} {r.get('event_date') or ''}".strip()
        msg["From"] = self.mail_from
        msg["To"] = address
        # the same alert has the same Message-ID however often it is sent: mail systems drop repeats
        msg["Message-ID"] = f"<{row.idem_key}@{self.mail_from.rpartition('@')[2] or 'marsad'}>"
        msg["Idempotency-Key"] = row.idem_key
        place = ", ".join(x for x in (r.get("location"), r.get("admin1"), r.get("country")) if x)
        n_sources = len(r.get("sources") or [])
        lines = [f"Watch list {row.name} ({json.dumps(filters, ensure_ascii=False)}), {change}:", "",
                 f"{r.get('event_date') or '?'}  {r.get('event_type')} / {r.get('sub_event_type')}  {place}  "
                 f"deaths {r.get('fatalities') if r.get('fatalities') is not None else '?'}  "
                 f"({n_sources} source{'s' * (n_sources != 1)})"]
        if r.get("notes"):
            lines.append(f"  {r['notes']}")
        lines += [f"  {self.link(r['event_id'])}", "", f"Alert key {row.idem_key} (version {row.version})"]
        msg.set_content("\n".join(lines))
        with smtplib.SMTP(*self.smtp, timeout=self.timeout) as smtp:
            smtp.send_message(msg)
