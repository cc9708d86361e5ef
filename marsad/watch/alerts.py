"""Watch lists: saved event filters with a target, and the alerts they raise.

A watch list names filters (:mod:`marsad.watch.matching`: those of the events list) and a target:
a webhook (``https://...``: a JSON POST with the events and links to their pages) or an email
address (``mailto:`` or a bare address; sent over SMTP). After each round, every event stored or
updated since the list last looked that passes its filters gets one alert row per list
(:func:`find_alerts`); :class:`Deliverer` sends the pending ones, and each is sent once: a
delivery that fails is tried again later (doubling waits) and its attempts and last error are
kept (``marsad watchlist alerts``), until ``max_attempts``, when it is marked failed.

A crash between a target accepting an alert and its row being marked sent would send it again
on the next round; every delivery therefore carries the alerts' ids (``X-Marsad-Alerts`` and
each event's ``alert_id``; the mail's Message-ID), so a receiver can drop a repeat.
"""
from __future__ import annotations

import json
import logging
import re
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from urllib.parse import urlsplit

from sqlalchemy import delete, func, or_, select, update

from marsad.errors import NotFoundError, UsageError
from marsad.store import Store
from marsad.store.schema import events, watch_alerts, watch_lists
from marsad.validation import text_problem
from marsad.watch.matching import clean_filters, event_matches

__all__ = ["WatchList", "add_watch_list", "list_watch_lists", "remove_watch_list", "alerts_of", "find_alerts",
           "Deliverer"]

log = logging.getLogger("marsad.watch")

# Events are looked at from a little before the list last looked: a writer that committed late
# (another process) is not missed; the alerts table keeps each event to one alert per list.
OVERLAP = timedelta(minutes=10)
PER_MESSAGE = 50  # events in one webhook call or mail
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


def _target(webhook: str | None, email: str | None) -> str:
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
        return webhook
    address = email.removeprefix("mailto:")
    if not _EMAIL.match(address) or len(address) > 300:
        raise UsageError(f"not an email address: {email[:80]!r}")
    return "mailto:" + address


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=timezone.utc) if value is not None and value.tzinfo is None else value


def add_watch_list(store: Store, name: str, *, filters: dict, webhook: str | None = None, email: str | None = None,
                   created_by: str) -> WatchList:
    """Save a watch list; events stored or updated from now on that pass ``filters`` are sent
    to its target. A name in use is refused (remove it first)."""
    if not isinstance(name, str) or not name.strip() or len(name) > 200 or text_problem(name):
        raise UsageError("a watch list's name is text of 1 to 200 characters")
    name = name.strip()
    target = _target(webhook, email)
    saved = clean_filters(filters)
    now = datetime.now(timezone.utc)
    with store._writing() as conn:
        if conn.execute(select(watch_lists.c.id).where(watch_lists.c.name == name)).first():
            raise UsageError(f"there is a watch list {name!r} already; remove it first to change it")
        conn.execute(watch_lists.insert().values(name=name, filters=json.dumps(saved, ensure_ascii=False),
                                                 target=target, created_by=(created_by or "analyst")[:200],
                                                 created_at=now, checked_at=now))
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
    """The deliveries (newest first) of one watch list or of all: event, state, attempts, last error."""
    query = (select(watch_lists.c.name, watch_alerts.c.event_id, watch_alerts.c.state, watch_alerts.c.attempts,
                    watch_alerts.c.last_error, watch_alerts.c.created_at, watch_alerts.c.sent_at,
                    watch_alerts.c.next_try_at)
             .join(watch_lists, watch_lists.c.id == watch_alerts.c.watch_list)
             .order_by(watch_alerts.c.id.desc()).limit(limit))
    if name is not None:
        if not any(w.name == name for w in list_watch_lists(store)):
            raise NotFoundError(f"no watch list {str(name)[:200]!r}")
        query = query.where(watch_lists.c.name == name)
    with store.engine.connect() as conn:
        return [dict(watch_list=r[0], event_id=r[1], state=r[2], attempts=r[3], last_error=r[4],
                     created_at=_aware(r[5]).isoformat(), sent_at=_aware(r[6]).isoformat() if r[6] else None,
                     next_try_at=_aware(r[7]).isoformat() if r[7] and r[2] == "pending" else None)
                for r in conn.execute(query)]


def find_alerts(store: Store) -> int:
    """An alert (pending) for every event stored or updated since each list last looked that
    passes its filters, unless that list has one for it already; returns how many were made."""
    made = 0
    for wl in list_watch_lists(store):
        with store.engine.connect() as conn:
            checked = _aware(conn.execute(select(watch_lists.c.checked_at)
                                          .where(watch_lists.c.id == wl.id)).scalar_one())
            looked_at = datetime.now(timezone.utc)
            since = max(checked - OVERLAP, wl.created_at)
            rows = conn.execute(select(events.c.event_id, events.c.record)
                                .where(events.c.updated_at > since).order_by(events.c.id)).all()
        matching = [event_id for event_id, raw in rows if event_matches(json.loads(raw), wl.filters, raw)]
        with store._writing() as conn:
            if matching:
                have = set(conn.execute(select(watch_alerts.c.event_id).where(
                    watch_alerts.c.watch_list == wl.id, watch_alerts.c.event_id.in_(matching))).scalars())
                fresh = [dict(watch_list=wl.id, event_id=e, state="pending", attempts=0, created_at=looked_at)
                         for e in matching if e not in have]
                if fresh:
                    conn.execute(store._dialect_insert(watch_alerts).on_conflict_do_nothing(), fresh)
                    made += len(fresh)
            conn.execute(update(watch_lists).where(watch_lists.c.id == wl.id).values(checked_at=looked_at))
    return made


class Deliverer:
    """Sends pending alerts: webhooks with httpx, mail over SMTP (``smtp``: ``host[:port]``)."""

    def __init__(self, *, app_url: str = "http://127.0.0.1:8000", smtp: str = "localhost:25",
                 mail_from: str = "marsad@localhost", timeout: float = 20.0, retry_base: float = 60.0,
                 max_attempts: int = 8, user_agent: str | None = None):
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

    def deliver(self, store: Store) -> tuple[int, int]:
        """Send the alerts that are due; (sent, failed this time)."""
        now = datetime.now(timezone.utc)
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(watch_alerts.c.id, watch_alerts.c.event_id, watch_alerts.c.attempts, watch_lists.c.name,
                       watch_lists.c.target, watch_lists.c.filters)
                .join(watch_lists, watch_lists.c.id == watch_alerts.c.watch_list)
                .where(watch_alerts.c.state == "pending",
                       or_(watch_alerts.c.next_try_at.is_(None), watch_alerts.c.next_try_at <= now))
                .order_by(watch_alerts.c.id)).all()
        by_list: dict[str, list] = {}
        for row in rows:
            by_list.setdefault(row.name, []).append(row)
        sent = failed = 0
        for name, alerts in by_list.items():
            for start in range(0, len(alerts), PER_MESSAGE):
                chunk = alerts[start:start + PER_MESSAGE]
                items = []
                for row in chunk:
                    try:
                        items.append((row, store.event(row.event_id)))
                    except NotFoundError:  # split or merged away since: nothing left to tell
                        self._mark(store, [row], "failed", "the event no longer exists")
                        failed += 1
                if not items:
                    continue
                try:
                    self._send(name, chunk[0].target, json.loads(chunk[0].filters), items)
                except Exception as exc:  # any failure of the target: retried later, and shown
                    reason = f"{type(exc).__name__}: {exc}"[:1000]
                    log.warning("watch list %s: delivery to %s failed: %s", name, chunk[0].target, reason)
                    self._mark(store, [row for row, _ in items], "retry", reason)
                    failed += len(items)
                else:
                    self._mark(store, [row for row, _ in items], "sent", None)
                    sent += len(items)
                    log.info("watch list %s: %d alert%s sent to %s", name, len(items), "s" * (len(items) != 1),
                             chunk[0].target)
        return sent, failed

    def _mark(self, store: Store, rows: list, outcome: str, error: str | None) -> None:
        now = datetime.now(timezone.utc)
        with store._writing() as conn:
            for row in rows:
                attempts = row.attempts + 1
                if outcome == "sent":
                    values = dict(state="sent", attempts=attempts, sent_at=now, last_error=None, next_try_at=None)
                elif outcome == "retry" and attempts < self.max_attempts:
                    wait = min(3600.0, self.retry_base * 2 ** row.attempts)
                    values = dict(attempts=attempts, last_error=error, next_try_at=now + timedelta(seconds=wait))
                else:
                    values = dict(state="failed", attempts=attempts, last_error=error, next_try_at=None)
                conn.execute(update(watch_alerts).where(watch_alerts.c.id == row.id).values(**values))

    def link(self, event_id: str) -> str:
        return f"{self.app_url}/events/{event_id}"

    def _send(self, name: str, target: str, filters: dict, items: list) -> None:
        ids = [row.id for row, _ in items]
        if target.startswith("mailto:"):
            self._mail(name, target.removeprefix("mailto:"), filters, items, ids)
            return
        import httpx

        body = {"watch_list": name, "filters": filters,
                "events": [{"alert_id": row.id, "url": self.link(record["event_id"]), "event": record}
                           for row, record in items]}
        response = httpx.post(target, json=body, timeout=self.timeout, follow_redirects=False,
                              headers={"user-agent": self.user_agent, "x-marsad-alerts": ",".join(map(str, ids))})
        if not 200 <= response.status_code < 300:
            raise RuntimeError(f"the webhook answered HTTP {response.status_code}")

    def _mail(self, name: str, address: str, filters: dict, items: list, ids: list[int]) -> None:
        msg = EmailMessage()
        n = len(items)
        msg["Subject"] = f"marsad: {n} event{'s' * (n != 1)} for watch list {name}"
        msg["From"] = self.mail_from
        msg["To"] = address
        msg["Message-ID"] = f"<marsad-alerts-{'-'.join(map(str, ids[:20]))}@{self.mail_from.rpartition('@')[2] or 'marsad'}>"
        lines = [f"Watch list {name} ({json.dumps(filters, ensure_ascii=False)}):", ""]
        for _, r in items:
            place = ", ".join(x for x in (r.get("location"), r.get("admin1"), r.get("country")) if x)
            lines.append(f"{r.get('event_date') or '?'}  {r.get('event_type')} / {r.get('sub_event_type')}  {place}  "
                         f"deaths {r.get('fatalities') if r.get('fatalities') is not None else '?'}  "
                         f"({len(r.get('sources') or [])} source{'s' * (len(r.get('sources') or []) != 1)})")
            if r.get("notes"):
                lines.append(f"  {r['notes']}")
            lines.append(f"  {self.link(r['event_id'])}")
            lines.append("")
        msg.set_content("\n".join(lines))
        with smtplib.SMTP(*self.smtp, timeout=self.timeout) as smtp:
            smtp.send_message(msg)
