"""What a stored record may hold: the one check at the boundary of every write.

Every article that is stored (read from a file, posted to the API, passed to
:meth:`marsad.store.Store.ingest`) and every analyst correction (``marsad edit``,
``PATCH /api/events/{id}``, the review form) goes through this module, so SQLite
and PostgreSQL get the same values and give the same answers:

- text is Unicode a database can store: no NUL character (PostgreSQL refuses it)
  and no lone UTF-16 surrogate (``"\\ud800"`` is valid JSON but not UTF-8);
- a value fits its column: the sizes come from :mod:`marsad.store.schema`, so a
  value SQLite would keep and PostgreSQL refuse is refused on both;
- a corrected field has the right type and a possible value (a whole number of
  deaths from 0, a finite latitude from -90 to 90, an ACLED event type).

A bad article is rejected with a sentence saying which field is wrong and why
(code E108); a bad correction raises :class:`~marsad.errors.UsageError`.
Text that only *describes* an input (a file name, a ``path:line``, a sample of a
rejected line) is never refused: :func:`storable` and :func:`shown_name` make
it storable instead.

>>> article_problem(Article(text="قتل مدني", id="x" * 201))
'"id" is 201 characters long; at most 200 fit (shorten it)'
"""
from __future__ import annotations

import math
import os
from datetime import date, datetime
from functools import lru_cache

from marsad.errors import UsageError
from marsad.model import Article

__all__ = ["text_problem", "article_problem", "record_problem", "storable", "shown_name", "column_size", "lookup_key",
           "edit_value", "check_event_type", "EDIT_RULES", "MAX_FATALITIES"]

# the most deaths one event record may carry (more is a typing slip, not a report)
MAX_FATALITIES = 1_000_000
MAX_NOTES = 20_000
MAX_ASSOC_ACTORS = 50
MAX_TITLE = 2_000


def column_size(table: str, column: str) -> int | None:
    """The declared length of a string column of :mod:`marsad.store.schema` (None for TEXT)."""
    return _sizes().get((table, column))


@lru_cache(maxsize=1)
def _sizes() -> dict[tuple[str, str], int | None]:
    from marsad.store.schema import metadata

    return {(t.name, c.name): getattr(c.type, "length", None) for t in metadata.tables.values() for c in t.columns}


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored as text (a NUL character, a lone surrogate), else None."""
    if "\x00" in value:
        return f"holds a NUL character (\\u0000) at position {value.index(chr(0)):,}, which a database cannot store"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return (f"holds a lone surrogate (\\u{ord(value[exc.start]):04x}) at position {exc.start:,}, which is "
                "not Unicode text (half of a UTF-16 pair)")
    return None


# Article attribute -> (name in messages, the column it is stored in)
_ARTICLE_FIELDS = (("text", "text", "text"), ("id", "id", "article_id"), ("source", "source", "source"),
                   ("url", "url", "url"), ("language", "language", "language"), ("title", "title", "title"))


def article_problem(article: Article) -> str | None:
    """Why ``article`` cannot be stored, as a sentence naming the field, else None."""
    for attr, name, column in _ARTICLE_FIELDS:
        value = getattr(article, attr)
        if value is None:
            continue
        if not isinstance(value, str):
            return f'"{name}" is a {type(value).__name__}, not text'
        problem = text_problem(value)
        if problem:
            return f'"{name}" {problem}; remove it from the input'
        limit = column_size("articles", column) or (MAX_TITLE if attr == "title" else None)
        if limit is not None and len(value) > limit:
            return f'"{name}" is {len(value):,} characters long; at most {limit:,} fit (shorten it)'
    if article.published is not None and not isinstance(article.published, date):
        return f'"published" is a {type(article.published).__name__}, not a date'
    return None


# event columns an extracted record fills (record key -> column of the events table)
_EVENT_TEXT = ("event_id", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2",
               "location")
_EVENT_INTS = ("time_precision", "geo_precision", "fatalities", "fatalities_low", "fatalities_high")
_INT32 = 2**31 - 1


def record_problem(record: dict) -> str | None:
    """Why an extracted event record cannot be stored (a value its column cannot hold), else None:
    the writer rejects the article then, instead of failing the batch on PostgreSQL alone."""
    for key in _EVENT_TEXT:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return f"its event's {key} is a {type(value).__name__}, not text"
        limit = column_size("events", key)
        if limit is not None and len(value) > limit:
            return f"its event's {key} is {len(value):,} characters long; at most {limit:,} fit"
        if text_problem(value):
            return f"its event's {key} {text_problem(value)}"
    for key in _EVENT_INTS:
        value = record.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or
                                  not -_INT32 <= value <= _INT32):
            return f"its event's {key} is {str(value)[:20]}, not a whole number a database column holds"
    for key in ("latitude", "longitude"):
        value = record.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not math.isfinite(value)):
            return f"its event's {key} is {str(value)[:20]}, not a finite number"
    return None


def storable(value: str | None, limit: int | None = None) -> str | None:
    """``value`` made storable whatever it holds: NUL shown as ``\\x00``, lone surrogates as
    ``\\udcff``, and cut to ``limit`` characters keeping the end (where a ``:line`` is)."""
    if value is None:
        return None
    if "\x00" in value:
        value = value.replace("\x00", "\\x00")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "backslashreplace").decode("utf-8")
    if limit is not None and len(value) > limit:
        value = "…" + value[len(value) - limit + 1:]
    return value


def shown_name(path: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) are written
    ``\\xe9``, so ``café`` in Latin-1 is ``caf\\xe9``; the file itself is still opened by its bytes."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def lookup_key(value: str, table: str, column: str) -> bool:
    """Whether ``value`` could be a key in ``table.column`` at all (so a lookup is worth running):
    storable text no longer than the column. A key that cannot exist is simply not found."""
    if not isinstance(value, str) or text_problem(value):
        return False
    limit = column_size(table, column)
    return limit is None or len(value) <= limit


# --------------------------------------------------------------------------- corrections

# field -> (kind, low, high) for numbers, (kind, column) for text
EDIT_RULES: dict[str, tuple] = {
    "event_type": ("type", "events", "event_type"), "sub_event_type": ("type", "events", "sub_event_type"),
    "event_date": ("date",), "event_date_start": ("date",), "event_date_end": ("date",),
    "time_precision": ("int", 1, 3),
    "actor1": ("text", "events", "actor1"), "actor2": ("text", "events", "actor2"),
    "assoc_actor_1": ("list", "actors", "name"), "assoc_actor_2": ("list", "actors", "name"),
    "inter1": ("int", 0, 8), "inter2": ("int", 0, 8),
    "country": ("text", "events", "country"), "admin1": ("text", "events", "admin1"),
    "admin2": ("text", "events", "admin2"), "location": ("text", "events", "location"),
    "latitude": ("float", -90.0, 90.0), "longitude": ("float", -180.0, 180.0), "geo_precision": ("int", 1, 3),
    "fatalities": ("int", 0, MAX_FATALITIES), "fatalities_low": ("int", 0, MAX_FATALITIES),
    "fatalities_high": ("int", 0, MAX_FATALITIES),
    "attribution": ("text", "actors", "name"), "notes": ("text", None, None),
}


def edit_value(field: str, raw):
    """The value an analyst's correction of ``field`` stores, from a command-line string or a JSON
    value; raises :class:`~marsad.errors.UsageError` saying what is allowed.

    ``"null"``, ``"none"``, ``""`` and None clear a field (not the event type, which every event has).

    >>> edit_value("fatalities", "4"), edit_value("latitude", 36.5), edit_value("assoc_actor_1", "A|B")
    (4, 36.5, ['A', 'B'])
    """
    rule = EDIT_RULES.get(field)
    if rule is None:
        raise UsageError(f"{field!r} cannot be edited; editable fields: {', '.join(EDIT_RULES)}")
    kind = rule[0]
    if raw is None or (isinstance(raw, str) and raw.strip().lower() in ("null", "none", "")):
        if kind == "type":
            raise UsageError(f"{field} cannot be cleared: every event has one")
        return None
    if isinstance(raw, str) and text_problem(raw):
        raise UsageError(f"{field} {text_problem(raw)}")
    if kind == "int":
        return _whole_number(field, raw, rule[1], rule[2])
    if kind == "float":
        return _coordinate(field, raw, rule[1], rule[2])
    if kind == "date":
        return _iso_day(field, raw)
    if kind == "list":
        names = raw.split("|") if isinstance(raw, str) else raw
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise UsageError(f"{field} must be a list of actor names (or names joined by '|'), not {_shown(raw)}")
        names = [n.strip() for n in names if n.strip()]
        if len(names) > MAX_ASSOC_ACTORS:
            raise UsageError(f"{field} may name at most {MAX_ASSOC_ACTORS} actors")
        return [_text(field, n, rule[1], rule[2]) for n in names]
    if not isinstance(raw, str):
        raise UsageError(f"{field} must be text, not {_shown(raw)}")
    value = _text(field, raw.strip(), rule[1], rule[2])
    if kind == "type":
        from marsad.triggers import EVENT_TYPES

        known = EVENT_TYPES if field == "event_type" else {s for subs in EVENT_TYPES.values() for s in subs}
        if value not in known:
            raise UsageError(f"{field} must be one of ACLED's: {', '.join(sorted(known))}; not {value!r}")
    return value


def check_event_type(event_type: str | None, sub_event_type: str | None) -> None:
    """An event type and sub-type that belong together (ACLED's taxonomy), else UsageError."""
    from marsad.triggers import EVENT_TYPES

    if event_type in EVENT_TYPES and sub_event_type not in EVENT_TYPES[event_type]:
        raise UsageError(f"sub_event_type {sub_event_type!r} is not a kind of {event_type!r}; choose one of "
                         f"{', '.join(EVENT_TYPES[event_type])} (or correct both fields together)")


def _shown(raw) -> str:
    text = repr(raw)
    return f"{type(raw).__name__} {text[:60]}{'…' if len(text) > 60 else ''}"


def _text(field: str, value: str, table: str | None, column: str | None) -> str:
    limit = column_size(table, column) if table else MAX_NOTES
    if limit is not None and len(value) > limit:
        raise UsageError(f"{field} is {len(value):,} characters long; at most {limit:,} fit")
    problem = text_problem(value)
    if problem:
        raise UsageError(f"{field} {problem}")
    return value


def _whole_number(field: str, raw, low: int, high: int) -> int:
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        raise UsageError(f"{field} must be a whole number from {low} to {high:,}, not {_shown(raw)}")
    if isinstance(raw, str):
        text = raw.strip()
        if not text.lstrip("+-").isdigit() or len(text) > 12:
            raise UsageError(f"{field} must be a whole number from {low} to {high:,}, not {_shown(raw)}")
        raw = int(text)
    if not low <= raw <= high:
        raise UsageError(f"{field} must be from {low} to {high:,}, not {raw if abs(raw) < 10**15 else 'that'}")
    return raw


def _coordinate(field: str, raw, low: float, high: float) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise UsageError(f"{field} must be a number of degrees from {low:g} to {high:g}, not {_shown(raw)}")
    try:
        value = float(raw.strip()) if isinstance(raw, str) and len(raw) < 40 else float(raw)
    except (ValueError, OverflowError):
        raise UsageError(f"{field} must be a number of degrees from {low:g} to {high:g}, not {_shown(raw)}") \
            from None
    if not math.isfinite(value) or not low <= value <= high:
        raise UsageError(f"{field} must be a finite number of degrees from {low:g} to {high:g}, not {value!r}")
    return value


def _iso_day(field: str, raw) -> str:
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, str) and len(raw.strip()) == 10:
        try:
            return date.fromisoformat(raw.strip()).isoformat()
        except ValueError:
            pass
    raise UsageError(f"{field} must be a date written YYYY-MM-DD, not {_shown(raw)}")
