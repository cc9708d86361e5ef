"""The SQL conditions of the query filters shared by ``marsad events``, ``marsad export`` and the
REST API, each answered from an indexed column of ``events`` (never from the JSON record):

=============  =====================================================================================
``since``,     ``event_date`` (index ``ix_events_date``)
``until``
``country``    ``country_key``, the folded name (:func:`marsad.store.search.fold_key`)
``admin1``     ``admin1_key``
``type``       ``type_key`` when the value is an ACLED event type, ``sub_type_key`` when it is a
               sub-event type (either for any other value)
``actor``      ``actor1`` or ``actor2`` among the actors whose folded name holds the value, or whom
               the value names by an alias of the knowledge base (``داعش`` -> Islamic State)
``bbox``       ``(longitude, latitude)``
``min_...``    ``fatalities``
``text``       the event's search words (``search_text``): SQLite FTS5 (``events_fts``),
               PostgreSQL ``to_tsvector('simple', search_text)`` with a GIN index
``updated_``   ``updated_at`` (index ``ix_events_updated``): the events changed (ingested, merged,
``since``      edited, split) at or after a moment, for incremental pulls
=============  =====================================================================================
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, and_, bindparam, false, func, literal_column, or_, select, table, column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement

from marsad.errors import UsageError
from marsad.store import dedup
from marsad.store.schema import actors, events
from marsad.store.search import actors_named, fold_key, fts5_query, search_terms, tsquery
from marsad.validation import text_problem

__all__ = ["event_filters", "actor_names", "TextMatch", "EVENTS_FTS", "UNORDERED_FILTERS"]

# Filters whose index gives the events in no useful order (a page by date reads every match and
# sorts them): when they match many events, a page is read in date order instead (``unindexed``).
UNORDERED_FILTERS = frozenset({"actor", "bbox", "min_fatalities", "min_confidence", "text"})


def _hidden(column):
    """``column`` as an expression no index answers (the same values): a condition on it is
    checked on the rows another index gives, in that index's order."""
    return func.coalesce(column, column)

# The SQLite full-text index of ``events.search_text`` (an FTS5 table with ``events`` as its
# content, kept by triggers; migration 0007). Not in the metadata: no other backend has it.
EVENTS_FTS = table("events_fts", column("rowid"), column("events_fts"))
# PostgreSQL's text search configuration for the search words: they are folded already, so
# ``simple`` (lower case, no stemming, no stop words) keeps them as they are.
_SIMPLE = literal_column("'simple'::regconfig")


class TextMatch(ColumnElement):
    """``events`` rows whose search words hold every word of a ``text`` filter: an FTS5 MATCH on
    SQLite, a ``tsvector @@ tsquery`` on PostgreSQL (compiled for each below)."""

    type = Boolean()
    inherit_cache = False  # the statement holds the words; SQLAlchemy must not cache it without them

    def __init__(self, text: str, unindexed: bool = False):
        self.terms = search_terms(text)
        self.unindexed = unindexed


@compiles(TextMatch, "sqlite")
def _text_match_sqlite(element: TextMatch, compiler, **kw) -> str:
    if not element.terms:
        return compiler.process(false(), **kw)
    matching = select(EVENTS_FTS.c.rowid).where(
        EVENTS_FTS.c.events_fts.op("MATCH")(bindparam(None, fts5_query(element.terms))))
    key = events.c.id + 0 if element.unindexed else events.c.id  # +0: probe the matches, in another order
    return compiler.process(key.in_(matching), **kw)


@compiles(TextMatch, "postgresql")
def _text_match_postgresql(element: TextMatch, compiler, **kw) -> str:
    if not element.terms:
        return compiler.process(false(), **kw)
    # the same expression as the index ix_events_search_text, so that the planner uses it
    vector = func.to_tsvector(_SIMPLE, events.c.search_text)
    return compiler.process(vector.op("@@")(func.to_tsquery(_SIMPLE, bindparam(None, tsquery(element.terms)))), **kw)


@compiles(TextMatch)
def _text_match_other(element: TextMatch, compiler, **kw) -> str:
    if not element.terms:
        return compiler.process(false(), **kw)
    cond = and_(*(or_(*(events.c.search_text.contains(form, autoescape=True) for form in forms))
                  for forms in element.terms))
    return compiler.process(cond, **kw)


def actor_names(actor: str):
    """The names (a subquery of ``actors``) the actor filter means: each whose folded name holds the
    folded value, and each the value names by an alias. The actors table is small: the names are
    found there, then the events by actor1 and actor2 (one index each)."""
    return select(actors.c.name).where(or_(
        actors.c.name_key.contains(fold_key(actor), autoescape=True),
        and_(actors.c.name_key.is_(None), func.lower(actors.c.name).contains(actor.lower(), autoescape=True)),
        actors.c.name.in_(actors_named(actor))))


def _known_types() -> tuple[set[str], set[str]]:
    from marsad.triggers import EVENT_TYPES

    return ({fold_key(t) for t in EVENT_TYPES}, {fold_key(s) for subs in EVENT_TYPES.values() for s in subs})


def event_filters(*, since: date | str | None = None, until: date | str | None = None,
                  country: str | list[str] | None = None, admin1: str | list[str] | None = None,
                  event_type: str | list[str] | None = None, actor: str | None = None,
                  bbox: tuple[float, float, float, float] | None = None, min_fatalities: int | None = None,
                  min_confidence: float | None = None, text: str | None = None, limit: int | None = None, unindexed: frozenset[str] = frozenset(),
                  actor_in: list[str] | None = None, updated_since=None) -> list:
    """SQL conditions for the query filters shared by ``marsad events``, ``export`` and the API.
    ``bbox`` is (min_lon, min_lat, max_lon, max_lat). Names are compared folded (case, Arabic
    spelling variants); ``actor`` is part of an actor's name, taken literally, or an alias the
    knowledge base knows (``داعش``); ``text`` is words, each the start of a word of the event.
    ``country``, ``admin1`` and ``event_type`` may each be a list: an event with any of its values matches.
    The filters named in ``unindexed`` are written so that no index answers them: the database
    then reads the events in the order of another index (the page's sort) and checks them, which
    is quicker than sorting every match when they are many. ``actor_in``: the names ``actor``
    means, when the caller has looked them up (:func:`actor_names`): the database then sees the
    names themselves, and PostgreSQL's planner how many events each has. ``updated_since``: the
    events changed at or after that moment (Unix seconds, a date or an ISO date-time; see
    :func:`marsad.export.parse_updated_since`). ``min_confidence``: events at least this sure
    (0 to 1; an event stored before events had a confidence has none and is left out)."""
    country, admin1, event_type = _values(country), _values(admin1), _values(event_type)
    for name, value in (("country", country), ("admin1", admin1), ("type", event_type), ("actor", actor),
                        ("text", text)):
        for one in (value if isinstance(value, list) else [value]):
            if one is not None and text_problem(one):
                raise UsageError(f"{name} {text_problem(one)}")
    def col(name: str, column):
        return _hidden(column) if name in unindexed else column

    cond = []
    if since:
        cond.append(col("since", events.c.event_date) >= _day(since))
    if until:
        cond.append(col("until", events.c.event_date) <= _day(until))
    if country:
        cond.append(_one_of(col("country", events.c.country_key), [fold_key(c) for c in country]))
    if admin1:
        cond.append(_one_of(col("admin1", events.c.admin1_key), [fold_key(a) for a in admin1]))
    if event_type:
        kind, sub_kind = col("event_type", events.c.type_key), col("event_type", events.c.sub_type_key)
        cond.append(type_condition(event_type, kind, sub_kind))
    if actor:
        named = actor_names(actor) if actor_in is None else list(actor_in)
        cond.append(or_(col("actor", events.c.actor1).in_(named), col("actor", events.c.actor2).in_(named)))
    if bbox:
        lon0, lat0, lon1, lat1 = bbox
        lon, lat = col("bbox", events.c.longitude), col("bbox", events.c.latitude)
        cond.append(and_(lon >= lon0, lon <= lon1, lat >= lat0, lat <= lat1))
    if min_fatalities is not None:
        cond.append(col("min_fatalities", events.c.fatalities) >= min_fatalities)
    if min_confidence is not None:
        if not 0 <= min_confidence <= 1:
            raise UsageError(f"min_confidence must be from 0 to 1, not {min_confidence}")
        cond.append(col("min_confidence", events.c.confidence) >= min_confidence)
    if text:
        cond.append(TextMatch(text, unindexed="text" in unindexed))
    if updated_since not in (None, ""):
        from marsad.export import parse_updated_since

        cond.append(col("updated_since", events.c.updated_at) >= parse_updated_since(updated_since))
    return cond


def _values(value) -> list[str] | None:
    """A filter's values: one (text) or several (a list or tuple: any of them matches); None for none."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return [value]
    values = [v for v in value if v not in (None, "")]
    for v in values:
        if not isinstance(v, str):
            raise UsageError(f"{v!r} is not text")
    return values or None


def _one_of(column, keys: list[str]):
    return column == keys[0] if len(keys) == 1 else column.in_(keys)


def type_condition(values: list[str], kind, sub_kind):
    """Events of any of the types or sub-event types named (an event type is compared with ``kind``,
    a sub-event type with ``sub_kind``, another value with both)."""
    types, sub_types = _known_types()
    keys = [fold_key(v) for v in values]
    of_type = [k for k in keys if k in types]
    of_sub = [k for k in keys if k in sub_types and k not in types]
    other = [k for k in keys if k not in types and k not in sub_types]
    parts = ([_one_of(kind, of_type)] if of_type else []) + ([_one_of(sub_kind, of_sub)] if of_sub else []) + \
        ([or_(_one_of(kind, other), _one_of(sub_kind, other))] if other else [])
    return parts[0] if len(parts) == 1 else or_(*parts)


def _day(value) -> date | None:
    day = dedup._day(value)
    if value is not None and day is None:
        raise UsageError(f"{value!r} is not a date (YYYY-MM-DD)")
    return day
