"""Read queries over a stored dataset for the REST API and the web app: pages of events,
counts and deaths by period, place or type, articles with their events, API tokens.

Every function takes a :class:`marsad.store.Store` and plain values; filters are the same
keyword arguments as :func:`marsad.store.event_filters` (and the ``marsad events`` options).
"""
from __future__ import annotations

import hashlib
import json
import secrets
from collections import OrderedDict
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, or_, select

from marsad.errors import UsageError
from marsad.store import Store, event_filters
from marsad.store.schema import api_tokens, articles, event_sources, events
from marsad.validation import lookup_key

__all__ = ["SORT_FIELDS", "GROUPINGS", "event_page", "aggregate", "article_with_events", "source_record",
           "event_types", "add_token", "token_name", "list_tokens", "revoke_token"]

# Columns a page of events may be sorted by (request value -> column).
SORT_FIELDS = {
    "event_date": events.c.event_date, "fatalities": events.c.fatalities, "location": events.c.location,
    "event_type": events.c.event_type, "sub_event_type": events.c.sub_event_type, "country": events.c.country,
    "admin1": events.c.admin1, "sources": events.c.n_sources, "updated": events.c.updated_at,
}
GROUPINGS = ("day", "week", "month", "admin1", "type", "sub_type")
MAX_PAGE = 1000


def event_page(store: Store, *, sort: str = "event_date", order: str = "desc", limit: int = 50, offset: int = 0,
               **filters) -> tuple[int, list[dict]]:
    """(total matching, one page of merged event records)."""
    if sort not in SORT_FIELDS:
        raise UsageError(f"cannot sort by {sort!r}; choose one of {', '.join(SORT_FIELDS)}")
    if order not in ("asc", "desc"):
        raise UsageError("order must be asc or desc")
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise UsageError(f"limit must be 1..{MAX_PAGE} and offset 0 or more")
    cond = event_filters(**filters)
    column = SORT_FIELDS[sort]
    key = column.asc() if order == "asc" else column.desc()
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(events).where(*cond)).scalar_one()
        rows = conn.execute(select(events.c.record).where(*cond)
                            .order_by(key.nulls_last(), events.c.event_id).limit(limit).offset(offset)).all()
    return total, [json.loads(r[0]) for r in rows]


def _bucket(day: date, by: str) -> str:
    if by == "day":
        return day.isoformat()
    if by == "week":  # the Monday that starts the ISO week
        return (day - timedelta(days=day.weekday())).isoformat()
    return f"{day.year:04d}-{day.month:02d}"


def aggregate(store: Store, *, by: str = "day", **filters) -> list[dict]:
    """Events and deaths per day, week (by its Monday), month, admin1, type or sub-type, in key order.
    Events without a date are left out of the periods."""
    if by not in GROUPINGS:
        raise UsageError(f"cannot group by {by!r}; choose one of {', '.join(GROUPINGS)}")
    cond = event_filters(**filters)
    deaths = func.coalesce(events.c.fatalities, 0)
    with store.engine.connect() as conn:
        if by in ("admin1", "type", "sub_type"):
            column = {"admin1": events.c.admin1, "type": events.c.event_type, "sub_type": events.c.sub_event_type}[by]
            rows = conn.execute(select(column, func.count(), func.sum(deaths)).where(*cond)
                                .group_by(column).order_by(column)).all()
            return [{"key": k, "events": n, "fatalities": int(d or 0)} for k, n, d in rows]
        # periods: bucketed here, so that the same code serves SQLite and PostgreSQL
        rows = conn.execute(select(events.c.event_date, deaths).where(*cond, events.c.event_date.isnot(None))
                            .order_by(events.c.event_date)).all()
    out: OrderedDict[str, dict] = OrderedDict()
    for day, dead in rows:
        key = _bucket(day, by)
        slot = out.setdefault(key, {"key": key, "events": 0, "fatalities": 0})
        slot["events"] += 1
        slot["fatalities"] += int(dead or 0)
    return list(out.values())


def article_with_events(store: Store, *, article_id: str | None = None, text_hash: str | None = None,
                        url: str | None = None) -> dict | None:
    """An article (by id, else by text hash or URL) with its text and metadata, and the stored
    events it reports (their merged records)."""
    if article_id is not None:
        if not lookup_key(article_id, "articles", "article_id"):
            return None
        cond = articles.c.article_id == article_id
    elif url:
        cond = or_(articles.c.text_hash == text_hash, articles.c.url == url)
    else:
        cond = articles.c.text_hash == text_hash
    with store.engine.connect() as conn:
        row = conn.execute(select(articles).where(cond).order_by(articles.c.id).limit(1)).mappings().first()
        if row is None:
            return None
        found = conn.execute(select(events.c.record).join(event_sources, event_sources.c.event == events.c.id)
                             .where(event_sources.c.article == row["id"]).order_by(events.c.event_date)).all()
    return {"article_id": row["article_id"], "title": row["title"], "source": row["source"], "url": row["url"],
            "published": row["published"].isoformat() if row["published"] else None, "language": row["language"],
            "text": row["text"], "events": [json.loads(r[0]) for r in found]}


def source_record(store: Store, event_id: str, source_key: int | None = None) -> tuple[dict, str] | None:
    """One source's own record of an event (its evidence offsets point into its article) and that
    article's text; the first source when ``source_key`` is None."""
    if not lookup_key(event_id, "events", "event_id"):
        return None
    with store.engine.connect() as conn:
        query = (select(event_sources.c.record, articles.c.text)
                 .join(events, events.c.id == event_sources.c.event)
                 .join(articles, articles.c.id == event_sources.c.article)
                 .where(events.c.event_id == event_id))
        if source_key is not None:
            query = query.where(event_sources.c.id == source_key)
        row = conn.execute(query.order_by(event_sources.c.id).limit(1)).first()
    return (json.loads(row[0]), row[1]) if row else None


def event_types(store: Store) -> list[tuple[str, str, int]]:
    """(event type, sub-event type, count) of the stored events."""
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(events.c.event_type, events.c.sub_event_type, func.count())
            .group_by(events.c.event_type, events.c.sub_event_type)
            .order_by(events.c.event_type, events.c.sub_event_type))]


# --------------------------------------------------------------------------- API tokens

def _hash(token: str) -> str:
    # tokens are 32 random bytes, so a plain SHA-256 is enough to keep them unreadable at rest
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_token(store: Store, name: str) -> str:
    """A new write token for ``name`` (shown once; only its hash is stored)."""
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise UsageError("a token needs a name of 1 to 200 characters (it is recorded as the editor)")
    token = "msd_" + secrets.token_urlsafe(32)
    with store.engine.begin() as conn:
        conn.execute(api_tokens.insert().values(name=name, token_hash=_hash(token),
                                                created_at=datetime.now(timezone.utc)))
    return token


def token_name(store: Store, token: str | None) -> str | None:
    """The name of a valid, unrevoked token, else None."""
    if not token:
        return None
    with store.engine.connect() as conn:
        return conn.execute(select(api_tokens.c.name).where(api_tokens.c.token_hash == _hash(token),
                                                            api_tokens.c.revoked_at.is_(None))).scalar()


def list_tokens(store: Store) -> list[dict]:
    with store.engine.connect() as conn:
        return [{"name": n, "created_at": c.isoformat(), "revoked_at": r.isoformat() if r else None}
                for n, c, r in conn.execute(select(api_tokens.c.name, api_tokens.c.created_at,
                                                   api_tokens.c.revoked_at).order_by(api_tokens.c.id))]


def revoke_token(store: Store, name: str) -> int:
    """Revoke every token of ``name``; returns how many."""
    with store.engine.begin() as conn:
        return conn.execute(api_tokens.update().where(api_tokens.c.name == name, api_tokens.c.revoked_at.is_(None))
                            .values(revoked_at=datetime.now(timezone.utc))).rowcount
