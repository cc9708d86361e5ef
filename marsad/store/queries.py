"""Read queries over a stored dataset for the REST API and the web app: pages of events,
counts and deaths by period, place or type, facets, articles with their events, API tokens.

Every function takes a :class:`marsad.store.Store` and plain values; filters are the same
keyword arguments as :func:`marsad.store.event_filters` (and the ``marsad events`` options).
Each answer is read from indexed columns (:mod:`marsad.store.filters`) or from the counts that
triggers keep (``event_counts`` per month, place and type; ``event_days`` per day), never by
reading every event's JSON record:

- a page of events is found as (key, sort value, event id) only, then the page's records are
  read by key: when the filters match many events, in the sort column's index order, checking
  each event on the way; when they match few, by the filters' indexes, sorting the matches.
  Events without a value of the sort column (no date, no deaths) come after the others, as before;
- a page can be asked for by ``offset`` or by the ``cursor`` the previous page gave (keyset
  paging: the cost of a page does not grow with how deep it is);
- the total is summed from the kept counts when the filters are on date, country, governorate
  or type; a text filter alone is counted by the full-text index (SQLite); otherwise it is
  counted up to ``COUNT_LIMIT`` matching events, and past that estimated
  (``EventPage.estimated``); either way it is kept per filter until the data changes;
- statistics and facets are sums of the kept counts for those filters (the events of the
  partial first and last month of a date range are read from the events' indexes), and
  otherwise a GROUP BY over the matching events (an actor's periods from its indexes alone).
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import random
import secrets
import threading
from itertools import compress
from operator import itemgetter, ne
from operator import or_ as either
from collections import Counter, OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import and_, case, func, or_, select, tuple_

from marsad.errors import UsageError
from marsad.store import Store, event_filters
from marsad.store.filters import EVENTS_FTS, _day, _known_types
from marsad.store.schema import (actors, api_tokens, articles, event_counts, event_days, event_sources, events,
                                 removed_events)
from marsad.store.search import actors_named, fold_key, fts5_query, search_terms
from marsad.validation import lookup_key

__all__ = ["SORT_FIELDS", "GROUPINGS", "FACETS", "EventPage", "event_page", "aggregate", "facets",
           "article_with_events", "source_record", "event_types", "add_token", "token_name", "list_tokens",
           "revoke_token", "map_cells", "cell_degrees", "MapCell", "actor_names", "ChangePage", "changes",
           "all_changes", "removed_since", "tombstone"]

# Columns a page of events may be sorted by (request value -> column).
SORT_FIELDS = {
    "event_date": events.c.event_date, "fatalities": events.c.fatalities, "location": events.c.location,
    "event_type": events.c.event_type, "sub_event_type": events.c.sub_event_type, "country": events.c.country,
    "admin1": events.c.admin1, "sources": events.c.n_sources, "updated": events.c.updated_at,
}
GROUPINGS = ("day", "week", "month", "admin1", "type", "sub_type")
# The columns facets count events by (name in the answer -> events column, event_counts column).
FACETS = {"country": (events.c.country, event_counts.c.country), "admin1": (events.c.admin1, event_counts.c.admin1),
          "event_type": (events.c.event_type, event_counts.c.event_type),
          "sub_event_type": (events.c.sub_event_type, event_counts.c.sub_event_type)}
MAX_PAGE = 1000
# The actors a facet lists at most (the most frequent).
ACTOR_FACETS = 200
# A filter that event_counts cannot answer (actor, area, deaths, words) is counted exactly up to
# this many matching events; past it, the total is estimated from a count of the matches among
# ESTIMATE_SAMPLE events drawn at random (a few thousand rows read, not a million).
COUNT_LIMIT = 20_000
ESTIMATE_SAMPLE = 2_000
# Totals kept per database and filter, with the data version they were counted at.
COUNT_CACHE = 512
_SUMMED_FILTERS = frozenset({"since", "until", "country", "admin1", "event_type"})


@dataclass
class EventPage:
    """One page of merged event records, the total matching the filters (``estimated`` when it
    was not counted exactly) and the ``cursor`` of the next page (None after the last)."""
    total: int
    estimated: bool
    events: list[dict]
    cursor: str | None


# --------------------------------------------------------------------------- pages of events

def event_page(store: Store, *, sort: str = "event_date", order: str = "desc", limit: int = 50, offset: int = 0,
               cursor: str | None = None, **filters) -> EventPage:
    """One page of the events matching ``filters``, by ``sort`` (then event id), from ``offset``
    or after the page that gave ``cursor`` (keyset paging: as cheap at the millionth event as at
    the first; the cursor is valid for the same sort, order and filters only)."""
    if sort not in SORT_FIELDS:
        raise UsageError(f"cannot sort by {sort!r}; choose one of {', '.join(SORT_FIELDS)}")
    if order not in ("asc", "desc"):
        raise UsageError("order must be asc or desc")
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise UsageError(f"limit must be 1..{MAX_PAGE} and offset 0 or more")
    if cursor and offset:
        raise UsageError("give a cursor or an offset, not both: a cursor says where the next page starts")
    event_filters(**filters)  # a bad filter is refused before anything is read
    column = SORT_FIELDS[sort]
    scope = _scope(sort, order, filters)
    after = _read_cursor(cursor, scope, column) if cursor else None
    with store.engine.connect() as conn:
        named = _named(conn, filters)
        cond = event_filters(**filters, **named)
        total, estimated = _total(store, conn, filters, cond)
        everything = _total(store, conn, {}, [])[0]
        # many matches: read the sort's index in order and check each event (a page reads about
        # limit * everything / total events); few: read the matches by the filters' indexes and sort
        # them. A filter on a name keeps its (name, date) index when the page is by date. SQLite
        # has no statistics to choose by (nothing runs ANALYZE), so it is told; PostgreSQL's planner
        # has them (autovacuum) and would be misled by a hidden column.
        if store.engine.dialect.name == "sqlite" and total * total >= (limit + offset + 1) * everything:
            keep = {"country", "admin1", "event_type", "since", "until"} if column is events.c.event_date else set()
            cond = event_filters(**filters, **named, unindexed=frozenset(filters) - keep)
        keys = _page_keys(conn, cond, column, order == "desc", limit + 1, offset, after)
        found = dict(conn.execute(select(events.c.id, events.c.record)
                                  .where(events.c.id.in_([k[0] for k in keys[:limit]]))).all()) if keys else {}
    rows = [json.loads(found[k[0]]) for k in keys[:limit] if k[0] in found]
    more = len(keys) > limit
    return EventPage(total=total, estimated=estimated, events=rows,
                     cursor=_make_cursor(scope, keys[limit - 1]) if more else None)


def _named(conn, filters: dict) -> dict:
    """``{"actor_in": names}`` for an actor filter: the names it means (see
    :func:`marsad.store.filters.actor_names`), found here among the few actors the dataset has
    (an actor stored without its folded name is folded here); else nothing."""
    if not filters.get("actor"):
        return {}
    part = fold_key(filters["actor"])
    aliases = set(actors_named(filters["actor"]))
    return {"actor_in": [name for name, key in conn.execute(select(actors.c.name, actors.c.name_key))
                         if part in (key if key is not None else fold_key(name)) or name in aliases]}


def _page_keys(conn, cond: list, column, descending: bool, n: int, offset: int, after: tuple | None) -> list[tuple]:
    """Up to ``n`` (key, sort value, event id, undated) of the page: first the events with a value
    of ``column`` in its order, then those without one, each by event id; after ``after`` (a
    cursor's position) or from ``offset``. Each part is one index range, so that a page reads
    about ``n`` index entries and rows, whatever the size of the table."""
    nullable = column.nullable and not column.primary_key
    ordered = column.desc() if descending else column.asc()
    keys = select(events.c.id, column, events.c.event_id)
    out: list[tuple] = []
    past_values = after is not None and after[0]
    if not past_values:
        where = list(cond) + ([column.isnot(None)] if nullable else [])
        if after is not None:
            _, value, event_id = after
            beyond = column < value if descending else column > value
            # a range on the column (so the index is entered at the cursor), then the ties after it
            where += [column <= value if descending else column >= value, or_(beyond, events.c.event_id > event_id)]
        rows = conn.execute(keys.where(*where).order_by(ordered, events.c.event_id).limit(n).offset(offset)).all()
        out = [(pk, value, event_id, False) for pk, value, event_id in rows]
        if len(out) >= n or not nullable:
            return out
        if offset and not rows:  # the offset is past the events with a value: count those
            offset -= conn.execute(select(func.count()).select_from(events).where(*where)).scalar_one()
        else:
            offset = 0
    where = list(cond) + [column.is_(None)]
    if past_values:
        where.append(events.c.event_id > after[2])
    rows = conn.execute(keys.where(*where).order_by(events.c.event_id).limit(n - len(out)).offset(offset)).all()
    return out + [(pk, value, event_id, True) for pk, value, event_id in rows]


def _scope(sort: str, order: str, filters: dict) -> str:
    """What a cursor is valid for: the sort, the order and the filters (a digest)."""
    shown = json.dumps({k: v for k, v in sorted(filters.items()) if v is not None and k != "limit"},
                       default=str, ensure_ascii=False, sort_keys=True)
    return f"{sort}.{order}.{hashlib.sha256(shown.encode()).hexdigest()[:12]}"


def _make_cursor(scope: str, key: tuple) -> str:
    _, value, event_id, undated = key
    if isinstance(value, (date, datetime)):
        value = value.isoformat()
    raw = json.dumps([scope, undated, value, event_id], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def _read_cursor(cursor: str, scope: str, column) -> tuple:
    """(undated, sort value, event id) of a cursor this sort, order and filters gave; else UsageError."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, undated, value, event_id = json.loads(raw.decode("utf-8"))
        if not isinstance(event_id, str) or not isinstance(undated, bool):
            raise ValueError("bad cursor")
        if isinstance(value, str) and column is events.c.event_date:
            value = date.fromisoformat(value)
        elif isinstance(value, str) and column is events.c.updated_at:
            value = datetime.fromisoformat(value)
    except (ValueError, TypeError, UnicodeDecodeError):
        raise UsageError("this cursor is not one marsad gave (pass the cursor of the previous page as it is)") \
            from None
    if made_for != scope:
        raise UsageError("this cursor was given for another sort, order or filters; ask the first page again "
                         "with these, or keep the ones the cursor was given for")
    return undated, value, event_id


# --------------------------------------------------------------------------- changes since a moment

@dataclass
class ChangePage:
    """One page of what changed since a moment, oldest change first: each event changed (its
    record) and each event removed (its tombstone), and the ``cursor`` of the next page."""
    changes: list[dict]
    cursor: str | None


def _aware(moment: datetime) -> datetime:
    """A stored time as UTC (SQLite gives them back without their offset)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _change(at: datetime, event_id: str, status: str, **more) -> dict:
    at = _aware(at)
    return {"event_id": event_id, "status": status, "timestamp": int(at.timestamp()), "changed_at": at.isoformat(),
            **more}


def removed_since(store: Store, updated_since, *, after: tuple | None = None, limit: int | None = None) -> list[dict]:
    """The tombstones of the events removed at or after ``updated_since`` (merged into another
    event, or deleted by a reviewer), oldest first, after the keyset position ``after`` ((time,
    event id) of the last one read). A removed event has no columns left: the event filters do
    not apply to them (a client drops the ids it does not hold)."""
    from marsad.export import parse_updated_since

    cond = [removed_events.c.removed_at >= parse_updated_since(updated_since)]
    if after is not None:
        at, event_id = after
        cond.append(tuple_(removed_events.c.removed_at, removed_events.c.event_id) > tuple_(at, event_id))
    query = select(removed_events.c.removed_at, removed_events.c.event_id, removed_events.c.status,
                   removed_events.c.merged_into, removed_events.c.editor, removed_events.c.note) \
        .where(*cond).order_by(removed_events.c.removed_at, removed_events.c.event_id, removed_events.c.id)
    if limit is not None:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [_change(at, event_id, status, merged_into=into, editor=editor, note=note)
            for at, event_id, status, into, editor, note in rows]


def tombstone(store: Store, event_id: str) -> dict | None:
    """The latest tombstone of the event ``event_id`` (as :func:`removed_since` gives it), or None
    when no event of that id was removed."""
    if not lookup_key(event_id, "events", "event_id"):
        return None
    with store.engine.connect() as conn:
        row = conn.execute(select(removed_events.c.removed_at, removed_events.c.event_id, removed_events.c.status,
                                  removed_events.c.merged_into, removed_events.c.editor, removed_events.c.note)
                           .where(removed_events.c.event_id == event_id)
                           .order_by(removed_events.c.removed_at.desc(), removed_events.c.id.desc()).limit(1)).first()
    if row is None:
        return None
    at, event_id, status, into, editor, note = row
    return _change(at, event_id, status, merged_into=into, editor=editor, note=note)


def changes(store: Store, *, updated_since, limit: int = 100, cursor: str | None = None, **filters) -> ChangePage:
    """What changed at or after ``updated_since`` (Unix seconds, a date or an ISO date-time), a page
    of up to ``limit``, in the order of the changes (time, then event id; a tombstone before an
    event of the same id and time): each event matching ``filters`` whose last change (ingest,
    merge, edit, split) is since then, as ``{"status": "changed", "event": record, ...}``, and each
    event removed since then, as ``{"status": "merged", "merged_into": id}`` or ``{"status":
    "deleted"}``. The next page is after ``cursor`` (keyset paging on (time, event id): stable
    while the data changes; an event changed again meanwhile comes again, later)."""
    from marsad.export import parse_updated_since

    if updated_since in (None, ""):
        raise UsageError("updated_since is needed: the moment to report the changes since")
    since = parse_updated_since(updated_since)
    if not 1 <= limit <= MAX_PAGE:
        raise UsageError(f"limit must be 1..{MAX_PAGE}")
    filters = {k: v for k, v in filters.items() if k != "updated_since"}
    scope = "changes." + _scope("updated", "asc", dict(filters, updated_since=since.isoformat()))
    after = None
    if cursor:
        undated, value, event_id = _read_cursor(cursor, scope, events.c.updated_at)
        after = (_aware(value), event_id, 1 if undated else 0)  # undated: the cursor's last was an event
    event_filters(**filters)
    with store.engine.connect() as conn:
        named = _named(conn, filters)
        cond = event_filters(**filters, **named, updated_since=since)
        if store.engine.dialect.name == "sqlite" and any(v not in (None, "") for v in filters.values()):
            # as for a page of events: when the filters match many events, the changes are read in
            # the order of the index (updated_at, event_id), each event checked on the way, rather
            # than every match sorted (PostgreSQL's planner chooses by its statistics)
            total = _total(store, conn, filters, event_filters(**filters, **named))[0]
            if total * total >= (limit + 1) * _total(store, conn, {}, [])[0]:
                cond = event_filters(**filters, **named, updated_since=since, unindexed=frozenset(filters))
        if after is not None:
            at, event_id, rank = after
            # after (at, event_id, rank) in (time, event id, rank) order, an event's rank being 1: a
            # row value, which both databases seek in the index (updated_at, event_id)
            position = tuple_(events.c.updated_at, events.c.event_id)
            cond.append(position >= tuple_(at, event_id) if rank == 0 else position > tuple_(at, event_id))
        rows = conn.execute(select(events.c.updated_at, events.c.event_id, events.c.record).where(*cond)
                            .order_by(events.c.updated_at, events.c.event_id).limit(limit + 1)).all()
    gone = removed_since(store, since, after=None if after is None else after[:2], limit=limit + 1)
    items = [((_aware(at), event_id, 1), _change(at, event_id, "changed", event=_stamped(record, at)))
             for at, event_id, record in rows]
    items += [((datetime.fromisoformat(g["changed_at"]), g["event_id"], 0), g) for g in gone]
    items.sort(key=itemgetter(0))
    page = items[:limit]
    more = len(items) > limit
    last = page[-1][0] if page else None
    return ChangePage(changes=[item for _, item in page],
                      cursor=_make_cursor(scope, (None, last[0], last[1], last[2] == 1)) if more else None)


def _stamped(record: str, at: datetime) -> dict:
    out = json.loads(record)
    out["timestamp"] = int(_aware(at).timestamp())
    return out


def all_changes(store: Store, *, updated_since, chunk: int = 500, **filters):
    """Every change :func:`changes` gives, page after page (``chunk`` at a time: never all held)."""
    cursor = None
    while True:
        page = changes(store, updated_since=updated_since, limit=chunk, cursor=cursor, **filters)
        yield from page.changes
        if page.cursor is None:
            return
        cursor = page.cursor


# --------------------------------------------------------------------------- totals

_counts: OrderedDict = OrderedDict()
_counts_lock = threading.Lock()


def _data_version(conn) -> tuple:
    """What changes whenever an event is added, rewritten or removed: three index look-ups (one
    statement each: SQLite reads a lone max() from its index, two in one statement from the rows).
    A removal rewrites no event (a reviewer's deletion) but writes a tombstone."""
    return (conn.execute(select(func.max(events.c.id))).scalar(), conn.execute(select(func.max(events.c.updated_at))).scalar(),
            conn.execute(select(func.max(removed_events.c.id))).scalar())


def _total(store: Store, conn, filters: dict, cond: list) -> tuple[int, bool]:
    """(how many events match, whether that is an estimate), kept per filter until the data changes."""
    used = {k for k, v in filters.items() if v not in (None, "") and k != "limit"}
    key = (store.url, tuple(sorted((k, str(filters[k])) for k in used)))
    version = _data_version(conn)
    with _counts_lock:
        hit = _counts.get(key)
        if hit is not None and hit[0] == version:
            _counts.move_to_end(key)
            return hit[1], hit[2]
    split = _split(filters) if used <= _SUMMED_FILTERS else None
    if split is not None:
        counted = (_sums(conn, split).get((), [0])[0], False)
    elif used == {"text"} and store.engine.dialect.name == "sqlite" and search_terms(filters["text"]):
        # the full-text index counts its matches without reading an event
        counted = (conn.execute(select(func.count()).select_from(EVENTS_FTS).where(
            EVENTS_FTS.c.events_fts.op("MATCH")(fts5_query(search_terms(filters["text"]))))).scalar_one(), False)
    else:
        # PostgreSQL's planner knows about how many events match (its statistics, the text search's
        # included): a filter it expects to match many is not counted at all
        planned = _planned_rows(conn, cond) if store.engine.dialect.name == "postgresql" else None
        if planned is not None and planned > COUNT_LIMIT:
            counted = (planned, True)
        else:
            capped = conn.execute(select(func.count()).select_from(
                select(events.c.id).where(*cond).limit(COUNT_LIMIT + 1).subquery())).scalar_one()
            if capped <= COUNT_LIMIT:
                counted = (capped, False)
            elif planned is not None:
                counted = (max(planned, COUNT_LIMIT + 1), True)
            else:
                counted = (_estimate(conn, cond, version, _total(store, conn, {}, [])[0]), True)
    with _counts_lock:
        _counts[key] = (version,) + counted
        _counts.move_to_end(key)
        while len(_counts) > COUNT_CACHE:
            _counts.popitem(last=False)
    return counted


def _planned_rows(conn, cond: list) -> int:
    """PostgreSQL's own estimate of the matching rows (its planner's, from the statistics ANALYZE
    and autovacuum keep, the text search's included)."""
    query = select(events.c.id).where(*cond).compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + query.string, query.params).scalar()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def _estimate(conn, cond: list, version: tuple, everything: int) -> int:
    """The share of ESTIMATE_SAMPLE events drawn at random (by key) that match, times all the
    events; at least COUNT_LIMIT + 1, since more than that many were seen to match."""
    largest = version[0] or 0
    draw = random.Random(f"{largest} {version[1]}")  # the same sample for the same data: a steady estimate
    keys = sorted({draw.randint(1, largest) for _ in range(min(ESTIMATE_SAMPLE, largest))}) if largest else []
    if not keys:
        return COUNT_LIMIT + 1
    matched = case((and_(*cond), 1), else_=0)
    seen, hits = conn.execute(select(func.count(), func.coalesce(func.sum(matched), 0))
                              .where(events.c.id.in_(keys))).one()
    return max(COUNT_LIMIT + 1, round(everything * int(hits) / seen) if seen else 0)


@dataclass
class _Split:
    """Filters on date, country, governorate and type, split into what the kept counts answer and
    what the events answer. ``counted``: conditions on ``event_counts`` for the whole months of
    the date range (None when it holds none); ``edges``: the filters of the events of the partial
    first and last month, read through the events' (name, date) indexes; ``days``: conditions on
    ``event_days`` when no name is filtered (None otherwise), which answer to the day for the
    dated events (all a date range selects; the periods' events)."""
    counted: list | None
    edges: list[dict]
    days: list | None
    dated: bool = False  # a date range: only dated events match


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _month_end(day: date) -> date:
    if day.year == date.max.year and day.month == 12:
        return date.max
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _split(filters: dict) -> _Split | None:
    """The filters split for the kept counts and the events; None when another filter is set."""
    if any(v not in (None, "") for k, v in filters.items() if k not in _SUMMED_FILTERS | {"limit"}):
        return None
    cond = [event_counts.c.events != 0]
    from marsad.store.filters import _one_of, _values, type_condition

    if filters.get("country"):
        cond.append(_one_of(event_counts.c.country_key, [fold_key(c) for c in _values(filters["country"])]))
    if filters.get("admin1"):
        cond.append(_one_of(event_counts.c.admin1_key, [fold_key(a) for a in _values(filters["admin1"])]))
    if filters.get("event_type"):
        cond.append(type_condition(_values(filters["event_type"]), event_counts.c.type_key,
                                   event_counts.c.sub_type_key))
    since = _day(filters["since"]) if filters.get("since") else None
    until = _day(filters["until"]) if filters.get("until") else None
    days = None
    if len(cond) == 1:  # the date alone: event_days answers to the day
        days = [event_days.c.events != 0]
        if since is not None:
            days.append(event_days.c.day >= since.isoformat())
        if until is not None:
            days.append(event_days.c.day <= until.isoformat())
    if since is None and until is None:
        return _Split(cond, [], days)
    if since is not None and until is not None and since > until:
        return _Split(None, [], days, True)
    edges = []
    first = since
    no_whole_months = False  # the range lies within the first or last month the calendar has
    if since is not None and since.day != 1:  # the rest of the first month
        edges.append((since, min(_month_end(since), until or date.max)))
        if _month_end(since) == date.max:
            no_whole_months = True
        else:
            first = _month_end(since) + timedelta(days=1)
    last = until
    if until is not None and until != _month_end(until):  # the start of the last month
        start = max(until.replace(day=1), since or date.min)
        if not edges or start > edges[0][1]:
            edges.append((start, until))
        if until.replace(day=1) == date.min:
            no_whole_months = True
        else:
            last = until.replace(day=1) - timedelta(days=1)
    cond.append(event_counts.c.month != "")
    if first is not None:
        cond.append(event_counts.c.month >= _month(first))
    if last is not None:
        cond.append(event_counts.c.month <= _month(last))
    whole = not no_whole_months and (first is None or last is None or first <= last)
    return _Split(cond if whole else None, [dict(filters, since=a, until=b) for a, b in edges], days, True)


def _sums(conn, split: _Split, counted_columns: tuple = (), events_columns: tuple = ()) -> dict:
    """Events and deaths per value of some columns (a tuple key; () without columns) of the events
    ``split`` selects: from ``event_days`` (the total of a date range), or from ``event_counts``
    for its whole months and the events of its edges."""
    out: dict = {}

    def add(key: tuple, n, dead) -> None:
        slot = out.setdefault(key, [0, 0])
        slot[0] += int(n or 0)
        slot[1] += int(dead or 0)

    if split.days is not None and split.dated and not counted_columns:
        n, dead = conn.execute(select(func.sum(event_days.c.events), func.sum(event_days.c.fatalities))
                               .where(*split.days)).one()
        add((), n, dead)
        return {k: v for k, v in out.items() if v[0]}
    if split.counted is not None:
        for *key, n, dead in conn.execute(
                select(*counted_columns, func.sum(event_counts.c.events), func.sum(event_counts.c.fatalities))
                .where(*split.counted).group_by(*counted_columns)):
            add(tuple(key), n, dead)
    for edge in split.edges:
        for *key, n, dead in conn.execute(
                select(*events_columns, func.count(), func.sum(func.coalesce(events.c.fatalities, 0)))
                .where(*event_filters(**edge)).group_by(*events_columns)):
            add(tuple(key), n, dead)
    return {k: v for k, v in out.items() if v[0]}


# --------------------------------------------------------------------------- statistics and facets

def _bucket(day: date, by: str) -> str:
    if by == "day":
        return day.isoformat()
    if by == "week":  # the Monday that starts the ISO week
        return (day - timedelta(days=day.weekday())).isoformat()
    return f"{day.year:04d}-{day.month:02d}"


def _none_in_place(store: Store, rows: list[tuple]) -> list[tuple]:
    """Rows sorted by key as the database sorts a column: no value first on SQLite, last on PostgreSQL."""
    nothing = [r for r in rows if r[0] is None]
    values = [r for r in rows if r[0] is not None]
    return nothing + values if store.engine.dialect.name == "sqlite" else values + nothing


# statistic -> (event_counts columns, events columns) it groups by (sub-types by type too: the kept
# counts' covering index is by type and sub-type)
_GROUPED = {"admin1": ((event_counts.c.admin1,), (events.c.admin1,)),
            "type": ((event_counts.c.event_type,), (events.c.event_type,)),
            "sub_type": ((event_counts.c.event_type, event_counts.c.sub_event_type),
                         (events.c.event_type, events.c.sub_event_type))}


def aggregate(store: Store, *, by: str = "day", **filters) -> list[dict]:
    """Events and deaths per day, week (by its Monday), month, admin1, type or sub-type, in key order.
    Events without a date are left out of the periods."""
    if by not in GROUPINGS:
        raise UsageError(f"cannot group by {by!r}; choose one of {', '.join(GROUPINGS)}")
    event_filters(**filters)
    split = _split(filters)
    with store.engine.connect() as conn:
        named = _named(conn, filters)
        cond = event_filters(**filters, **named)
        if by in _GROUPED:
            if split is None:
                column = _GROUPED[by][1][-1]
                rows = _none_in_place(store, conn.execute(
                    select(column, func.count(), func.sum(func.coalesce(events.c.fatalities, 0)))
                    .where(*cond).group_by(column).order_by(column)).all())
                return [{"key": k, "events": int(n), "fatalities": int(d or 0)} for k, n, d in rows]
            sums: dict = {}
            for key, (n, dead) in _sums(conn, split, *_GROUPED[by]).items():
                value = key[-1] if key[-1] != "" else None  # event_counts holds '' for no governorate
                slot = sums.setdefault(value, [0, 0])
                slot[0] += n
                slot[1] += dead
            keys = sorted((k for k in sums if k is not None))
            if store.engine.dialect.name != "sqlite":  # the order PostgreSQL's collation gives
                keys = _db_order(conn, keys)
            keys = ([None] + keys if store.engine.dialect.name == "sqlite" else keys + [None]) \
                if None in sums else keys
            return [{"key": k, "events": sums[k][0], "fatalities": sums[k][1]} for k in keys]
        if split is not None and split.days is not None:  # periods of a date range: the kept days
            days = [(date.fromisoformat(d), n, f) for d, n, f in conn.execute(
                select(event_days.c.day, event_days.c.events, event_days.c.fatalities)
                .where(*split.days).order_by(event_days.c.day))]
        elif by == "month" and split is not None:
            months: dict[str, list[int]] = {}
            for (key,), (n, dead) in _sums(conn, split, (event_counts.c.month,), (events.c.event_date,)).items():
                if key in (None, ""):
                    continue
                month = key if isinstance(key, str) else _bucket(key, "month")
                slot = months.setdefault(month, [0, 0])
                slot[0] += n
                slot[1] += dead
            return [{"key": k, "events": n, "fatalities": d} for k, (n, d) in sorted(months.items())]
        elif filters.get("actor") and not any(v not in (None, "") for k, v in filters.items()
                                              if k not in ("actor", "since", "until", "limit")):
            days = _actor_days(conn, filters, named["actor_in"])
        else:
            # days from the events' (date, deaths) indexes
            days = conn.execute(select(events.c.event_date, func.count(),
                                       func.sum(func.coalesce(events.c.fatalities, 0)))
                                .where(*cond, events.c.event_date.isnot(None))
                                .group_by(events.c.event_date).order_by(events.c.event_date)).all()
    # bucketed here, so that the same code serves SQLite and PostgreSQL
    out: OrderedDict[str, dict] = OrderedDict()
    for day, n, dead in days:
        key = _bucket(day, by)
        slot = out.setdefault(key, {"key": key, "events": 0, "fatalities": 0})
        slot["events"] += int(n)
        slot["fatalities"] += int(dead or 0)
    return list(out.values())


def _actor_days(conn, filters: dict, named: list[str]) -> list[tuple]:
    """(day, events, deaths) of an actor's events, from the actor indexes alone: the days of the
    events it is actor1 of, plus those it is actor2 of, less those it is both of (OR would make
    the database read every matching event's row)."""
    dated = [events.c.event_date.isnot(None)] + event_filters(since=filters.get("since"), until=filters.get("until"))
    out: dict = {}
    for sign, cond in ((1, [events.c.actor1.in_(named)]), (1, [events.c.actor2.in_(named)]),
                       (-1, [events.c.actor1.in_(named), events.c.actor2.in_(named)])):
        for day, n, dead in conn.execute(select(events.c.event_date, func.count(),
                                                func.sum(func.coalesce(events.c.fatalities, 0)))
                                         .where(*dated, *cond).group_by(events.c.event_date)):
            slot = out.setdefault(day, [0, 0])
            slot[0] += sign * n
            slot[1] += sign * int(dead or 0)
    return [(day, n, dead) for day, (n, dead) in sorted(out.items()) if n]


def _db_order(conn, values: list[str]) -> list[str]:
    """``values`` in the order the database sorts text (its collation; PostgreSQL's need not be
    Python's), as the events' ORDER BY gave them before."""
    from sqlalchemy import literal, union_all

    if len(values) < 2:
        return values
    listed = union_all(*(select(literal(v).label("v")) for v in values)).subquery()
    return list(conn.execute(select(listed.c.v).order_by(listed.c.v)).scalars())


def facets(store: Store, **filters) -> dict[str, list[dict]]:
    """How many events of those matching ``filters`` each country, governorate, event type and
    sub-event type has (``{"country": [{"key", "events"}, ...], ...}``), most events first."""
    event_filters(**filters)
    # the kept counts answer a date range (or nothing) best; a name filter is counted from the
    # columns kept in memory (its keys from its index), which the actors' facet reads anyway
    named = any(filters.get(k) not in (None, "") for k in ("country", "admin1", "event_type"))
    split = None if named else _split(filters)
    out: dict[str, list[dict]] = {}
    with store.engine.connect() as conn:
        named = _named(conn, filters)
        kinds = None
        from_columns = None
        if split is None:  # counted from the columns kept in memory, for the keys the filters select
            kept = _columns_of(store)
            with kept.lock:
                kept.refresh(conn, _data_version(conn))
                keys = kept.keys(conn, filters, named)
                from_columns = {"_keys": keys}
                for name in FACETS:
                    codes, values = kept.codes[name], kept.values[name]
                    counted = Counter(_pick(codes, keys))
                    from_columns[name] = [(values[code], n) for code, n in counted.items()]
        kept = _columns_of(store)
        with kept.lock:  # actors: from the columns kept in memory, an event counted once for each of its actors
            kept.refresh(conn, _data_version(conn))
            keys = from_columns["_keys"] if from_columns else kept.keys(conn, filters, named)
            first, second, names = kept.codes["actor1"], kept.codes["actor2"], kept.values["actor1"]
            ones, twos = _pick(first, keys), _pick(second, keys)
            actor_counts = Counter(ones)
            actor_counts.update(compress(twos, map(ne, twos, ones)))  # an actor on both sides counts once
        actor_counts.pop(0, None)  # no actor
        out["actor"] = [{"key": names[code], "events": n}
                        for code, n in sorted(actor_counts.items(), key=lambda r: (-r[1], names[r[0]]))[:ACTOR_FACETS]]
        for name, (column, counted) in FACETS.items():
            if split is None:
                rows = from_columns[name]
            elif name in ("event_type", "sub_event_type"):  # both from one read of (type, sub-type)
                if kinds is None:
                    kinds = _sums(conn, split, *_GROUPED["sub_type"])
                counts = Counter()
                for key, (n, _) in kinds.items():
                    counts[key[0] if name == "event_type" else key[1]] += n
                rows = list(counts.items())
            else:
                counts = Counter()
                for (key,), (n, _) in _sums(conn, split, (counted,), (column,)).items():
                    counts[key if key != "" else None] += n
                rows = list(counts.items())
            ranked = sorted(rows, key=lambda r: (-r[1], r[0] is None, r[0] or ""))
            out[name] = [{"key": k, "events": int(c)} for k, c in ranked]
    return out


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
    """(event type, sub-event type, count) of the stored events (from ``event_counts``)."""
    n = func.sum(event_counts.c.events)
    with store.engine.connect() as conn:
        return [(t, s, int(c)) for t, s, c in conn.execute(
            select(event_counts.c.event_type, event_counts.c.sub_event_type, n)
            .group_by(event_counts.c.event_type, event_counts.c.sub_event_type).having(n > 0)
            .order_by(event_counts.c.event_type, event_counts.c.sub_event_type))]


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


# --------------------------------------------------------------------------- the map

# Cells of the map's grid are about this many screen pixels wide at the zoom asked for (Leaflet's
# 256-pixel tiles): events closer than that on screen are one cluster.
CLUSTER_PIXELS = 64
MAP_CACHE = 64
_grids: OrderedDict = OrderedDict()
_grids_lock = threading.Lock()


@dataclass
class MapCell:
    """The matching events of one cell of the map's grid: how many of each type, their deaths,
    their mean position and the box they span. A cell of one event is drawn as that event."""
    count: int
    fatalities: int
    types: dict
    lat: float
    lon: float
    bounds: tuple  # (west, south, east, north)
    key: int | None = None  # the event's key (events.id), when the cell holds one


def cell_degrees(zoom: float) -> float:
    """The width in degrees of a cell of the map's grid at a (Leaflet) zoom level."""
    return CLUSTER_PIXELS * 360.0 / (256 * 2 ** max(0.0, min(float(zoom), 20.0)))


class _Columns:
    """A few columns of every event of one database, kept in memory by key (``events.id``, dense
    from 1) in arrays: position, deaths and the codes of its type, sub-type, country and
    governorate. Brought up to date when the data changes (the events added or rewritten since, by
    their indexes; all again when some were deleted). The map's grid and the facets of a filter no
    kept count answers are counted from it for the keys the filters select (read from the filters'
    indexes alone), never from the events' rows. About 40 bytes an event."""

    NAMES = ("event_type", "sub_event_type", "country", "admin1", "actor1", "actor2")

    def __init__(self) -> None:
        from array import array

        self.array = array
        self.version: tuple | None = None
        self.lock = threading.Lock()
        self.present = bytearray()
        self.lon, self.lat, self.dead = array("d"), array("d"), array("l")
        self.codes = {name: array("l") for name in self.NAMES}
        # code -> value (0: none); actor1 and actor2 share theirs
        self.values: dict[str, list] = {name: [None] for name in self.NAMES if name != "actor2"}
        self.code_of: dict[str, dict] = {name: {None: 0} for name in self.NAMES if name != "actor2"}
        self.values["actor2"], self.code_of["actor2"] = self.values["actor1"], self.code_of["actor1"]
        self.count = 0

    def _grow(self, size: int) -> None:
        extra = size - len(self.present)
        if extra <= 0:
            return
        self.present.extend(bytes(extra))
        nan = self.array("d", [math.nan]) * extra
        self.lon.extend(nan)
        self.lat.extend(nan)
        zeros = self.array("l", [0]) * extra
        self.dead.extend(zeros)
        for codes in self.codes.values():
            codes.extend(zeros)

    def _code(self, name: str, value) -> int:
        found = self.code_of[name].get(value)
        if found is None:
            found = self.code_of[name][value] = len(self.values[name])
            self.values[name].append(value)
        return found

    def refresh(self, conn, version: tuple) -> None:
        if version == self.version:
            return
        columns = (events.c.id, events.c.longitude, events.c.latitude, events.c.fatalities,
                   *(getattr(events.c, name) for name in self.NAMES))
        if self.version is None or self.version[0] is None or self.version[1] is None:
            self.__init__()
            fresh = conn.execute(select(*columns)).all()
        else:
            fresh = conn.execute(select(*columns).where(or_(events.c.id > self.version[0],
                                                             events.c.updated_at > self.version[1]))).all()
        self._grow(max((row[0] for row in fresh), default=0) + 1)
        for key, x, y, dead, *names in fresh:
            if not self.present[key]:
                self.present[key] = 1
                self.count += 1
            self.lon[key] = x if x is not None else math.nan
            self.lat[key] = y if y is not None else math.nan
            self.dead[key] = int(dead or 0)
            for name, value in zip(self.NAMES, names):
                self.codes[name][key] = self._code(name, value)
        stored = conn.execute(select(func.count()).select_from(events)).scalar_one()
        if stored != self.count:  # some were deleted (merged away): read them all again
            self.version = None
            return self.refresh(conn, version)
        self.version = version

    def keys(self, conn, filters: dict, named: dict) -> list[int]:
        """The keys of the events the filters select. The name filters (country, governorate, type)
        are checked here on the kept codes; the others are asked of the database as keys only (one
        index each: a date range, deaths, words, an actor, an area), or all keys without them."""
        from marsad.store.filters import _values

        names = {k: _values(filters.get(k)) for k in ("country", "admin1", "event_type")}
        rest = {k: v for k, v in filters.items()
                if k not in names and k != "limit" and v not in (None, "")}
        if rest:
            keys = [k for k in conn.execute(select(events.c.id).where(*event_filters(**rest, **named))).scalars()
                    if k < len(self.present)]
        else:
            keys = [k for k, here in enumerate(self.present) if here]
        for name, column in (("country", "country"), ("admin1", "admin1")):
            if names[name]:
                wanted = {fold_key(v) for v in names[name]}
                allowed = {code for code, value in enumerate(self.values[column])
                           if value is not None and fold_key(value) in wanted}
                codes = self.codes[column]
                keys = list(compress(keys, map(allowed.__contains__, _pick(codes, keys))))
        if names["event_type"]:
            types, sub_types = _known_types()
            wanted = [fold_key(v) for v in names["event_type"]]
            as_type = {w for w in wanted if w in types or w not in sub_types}
            as_sub = {w for w in wanted if (w in sub_types and w not in types) or (w not in types and w not in sub_types)}
            kinds = {code for code, value in enumerate(self.values["event_type"])
                     if value is not None and fold_key(value) in as_type}
            subs = {code for code, value in enumerate(self.values["sub_event_type"])
                    if value is not None and fold_key(value) in as_sub}
            first, second = self.codes["event_type"], self.codes["sub_event_type"]
            keys = list(compress(keys, map(either, map(kinds.__contains__, _pick(first, keys)),
                                           map(subs.__contains__, _pick(second, keys)))))
        return keys


def _pick(values, keys: list[int]) -> tuple:
    """``values[k]`` for each of ``keys``, read in C (itemgetter) rather than a Python loop."""
    if not keys:
        return ()
    picked = itemgetter(*keys)(values)
    return picked if len(keys) > 1 else (picked,)


_columns: dict[str, _Columns] = {}


def _columns_of(store: Store) -> _Columns:
    with _grids_lock:
        return _columns.setdefault(store.url, _Columns())


# From this zoom on, the grid is counted for the view only (a few cells of it, not the world's).
VIEW_ZOOM = 8


def _grid(store: Store, conn, filters: dict, named: dict, zoom: int,
          view: tuple | None = None) -> tuple[list[MapCell], int, int]:
    """The cells holding matching events with coordinates at ``zoom`` (all, or those of the events
    within a cell of ``view``), how many matching events have coordinates, and how many have none;
    kept per filter, zoom (and view) until the data changes."""
    used = {k: str(v) for k, v in filters.items() if v not in (None, "") and k != "limit"}
    key = (store.url, tuple(sorted(used.items())), zoom, view)
    version = _data_version(conn)
    with _grids_lock:
        hit = _grids.get(key)
        if hit is not None and hit[0] == version:
            _grids.move_to_end(key)
            return hit[1], hit[2], hit[3]
    size = cell_degrees(zoom)
    w, s, e, n = (view[0] - size, view[1] - size, view[2] + size, view[3] + size) if view else (-181, -91, 181, 91)
    with _columns_of(store).lock:
        kept = _columns_of(store)
        kept.refresh(conn, version)
        keys = kept.keys(conn, filters, named)
        lon, lat, dead, types = kept.lon, kept.lat, kept.dead, kept.codes["event_type"]
        type_names = kept.values["event_type"]
        cells: dict[tuple, list] = {}
        unlocated = 0
        for pk in keys:
            x, y = lon[pk], lat[pk]
            if x != x or y != y:  # NaN: no coordinates
                unlocated += 1
                continue
            if not (w <= x <= e and s <= y <= n):
                continue
            kind = type_names[types[pk]] or ""
            cell = (int((x + 180.0) // size), int((y + 90.0) // size))
            c = cells.get(cell)
            if c is None:
                cells[cell] = [1, dead[pk], {kind: 1}, y, x, [x, y, x, y], pk]
                continue
            c[0] += 1
            c[1] += dead[pk]
            c[2][kind] = c[2].get(kind, 0) + 1
            c[3] += y
            c[4] += x
            box = c[5]
            if x < box[0]:
                box[0] = x
            elif x > box[2]:
                box[2] = x
            if y < box[1]:
                box[1] = y
            elif y > box[3]:
                box[3] = y
    out = [MapCell(count=n, fatalities=dead, types=types, lat=slat / n, lon=slon / n, bounds=tuple(box),
                   key=pk if n == 1 else None)
           for n, dead, types, slat, slon, box, pk in cells.values()]
    located = len(keys) - unlocated
    with _grids_lock:
        _grids[key] = (version, out, located, unlocated)
        _grids.move_to_end(key)
        while len(_grids) > MAP_CACHE:
            _grids.popitem(last=False)
    return out, located, unlocated


def map_cells(store: Store, *, zoom: int, view: tuple[float, float, float, float] | None = None,
              **filters) -> dict:
    """What the map draws at ``zoom`` for the events matching ``filters``: the cells of a grid
    about ``CLUSTER_PIXELS`` wide (clusters with their count, types and deaths, or single events)
    inside ``view`` (W,S,E,N; everywhere when None), and the counts that add up to the filtered
    total: ``in_view`` + ``outside`` + ``unlocated`` == ``total``."""
    if not 0 <= zoom <= 20:
        raise UsageError("zoom must be 0..20")
    event_filters(**filters)
    with store.engine.connect() as conn:
        named = _named(conn, filters)
        clipped = tuple(round(v, 3) for v in view) if view is not None and zoom >= VIEW_ZOOM else None
        cells, located, unlocated = _grid(store, conn, filters, named, int(zoom), clipped)
    if view is not None:
        w, s, e, n = view
        cells = [c for c in cells if c.bounds[2] >= w and c.bounds[0] <= e and c.bounds[3] >= s and c.bounds[1] <= n]
    in_view = sum(c.count for c in cells)
    singles = [c for c in cells if c.count == 1]
    ids: dict[int, str] = {}
    with store.engine.connect() as conn:
        keys = [c.key for c in singles]
        for i in range(0, len(keys), 900):  # a bound statement's parameters are limited (SQLite)
            ids.update(conn.execute(select(events.c.id, events.c.event_id).where(events.c.id.in_(keys[i:i + 900]))).all())
    return {"zoom": zoom, "cell_degrees": cell_degrees(zoom), "total": located + unlocated, "in_view": in_view,
            "outside": located - in_view, "unlocated": unlocated,
            "clusters": [{"lat": round(c.lat, 5), "lon": round(c.lon, 5), "count": c.count, "fatalities": c.fatalities,
                          "types": c.types, "bounds": [round(b, 5) for b in c.bounds]} for c in cells if c.count > 1],
            "points": [{"event_id": ids.get(c.key, ""), "lat": c.lat, "lon": c.lon, "event_type": next(iter(c.types)),
                        "fatalities": c.fatalities} for c in singles]}


def actor_names(store: Store) -> list[str]:
    """The names of the actors the stored events name (the ``actors`` table)."""
    with store.engine.connect() as conn:
        return list(conn.execute(select(actors.c.name).order_by(actors.c.name)).scalars())
