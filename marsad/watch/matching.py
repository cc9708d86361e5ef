"""Whether an event record passes a saved filter: the events list's filters, on one record.

The names and meanings are those of :func:`marsad.store.event_filters` (``marsad events``, the
API's ``/api/events``): ``since``/``until`` (event date), ``country``, ``admin1`` (equal, ignoring
case), ``event_type`` (an event type or sub-event type), ``actor`` (part of either actor's name),
``bbox`` (W, S, E, N), ``min_fatalities``, ``min_confidence``, ``text`` (words in the stored record). A field an event
lacks does not pass a filter on it, as in SQL. This module stands alone so that the store's own
filters can replace it without touching watch lists.

>>> event_matches({"event_date": "2024-02-20", "admin1": "Al-Hasakah", "fatalities": 7},
...               {"admin1": "al-hasakah", "min_fatalities": 5})
True
"""
from __future__ import annotations

import json
from datetime import date

from marsad.errors import UsageError
from marsad.validation import text_problem

__all__ = ["FILTER_NAMES", "clean_filters", "event_matches"]

FILTER_NAMES = ("since", "until", "country", "admin1", "event_type", "actor", "bbox", "min_fatalities",
                "min_confidence", "text")
_TEXT_FILTERS = {"country": 100, "admin1": 200, "event_type": 200, "actor": 300, "text": 500}


def clean_filters(filters: dict) -> dict:
    """The filters as they are saved (JSON): known names only, empty ones dropped, dates as
    ``YYYY-MM-DD``, ``bbox`` as four numbers. Raises :class:`UsageError` naming a bad one."""
    out: dict = {}
    for name, value in (filters or {}).items():
        if name not in FILTER_NAMES:
            raise UsageError(f"{name!r} is not a filter; filters are {', '.join(FILTER_NAMES)}")
        if value is None or value == "":
            continue
        if name in ("since", "until"):
            try:
                out[name] = (value if isinstance(value, date) else date.fromisoformat(str(value))).isoformat()
            except ValueError:
                raise UsageError(f"{name} is a date (YYYY-MM-DD), not {str(value)[:40]!r}") from None
        elif name == "min_fatalities":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000_000:
                raise UsageError("min_fatalities is a whole number, 0 or more")
            out[name] = value
        elif name == "min_confidence":
            from marsad.stages.confidence import parse_floor

            floor = parse_floor(value)
            if floor is None:
                raise UsageError("min_confidence is a number from 0 to 1")
            out[name] = floor
        elif name == "bbox":
            try:
                box = [float(x) for x in (value.split(",") if isinstance(value, str) else value)]
            except (TypeError, ValueError):
                box = []
            if len(box) != 4 or not (-180 <= box[0] <= box[2] <= 180 and -90 <= box[1] <= box[3] <= 90):
                raise UsageError("bbox is W,S,E,N in degrees, with W <= E and S <= N")
            out[name] = box
        else:
            if not isinstance(value, str) or text_problem(value) or len(value) > _TEXT_FILTERS[name]:
                raise UsageError(f"{name} is text of at most {_TEXT_FILTERS[name]} characters")
            out[name] = value
    return out


def event_matches(record: dict, filters: dict, raw: str | None = None) -> bool:
    """Whether ``record`` (a merged event record) passes every one of ``filters`` (as
    :func:`clean_filters` gives them). ``raw``: the record as stored (JSON), for ``text``."""
    day = _day(record.get("event_date"))
    if "since" in filters and (day is None or day < date.fromisoformat(filters["since"])):
        return False
    if "until" in filters and (day is None or day > date.fromisoformat(filters["until"])):
        return False
    for name in ("country", "admin1"):
        if name in filters and str(record.get(name) or "").lower() != filters[name].lower():
            return False
    if "event_type" in filters:
        wanted = filters["event_type"].lower()
        if wanted not in (str(record.get("event_type") or "").lower(), str(record.get("sub_event_type") or "").lower()):
            return False
    if "actor" in filters:
        part = filters["actor"].lower()
        if not any(part in str(record.get(k) or "").lower() for k in ("actor1", "actor2")):
            return False
    if "bbox" in filters:
        lon, lat = record.get("longitude"), record.get("latitude")
        w, s, e, n = filters["bbox"]
        if not isinstance(lon, (int, float)) or not isinstance(lat, (int, float)) or not (w <= lon <= e and s <= lat <= n):
            return False
    if "min_fatalities" in filters:
        dead = record.get("fatalities")
        if not isinstance(dead, int) or dead < filters["min_fatalities"]:
            return False
    if "min_confidence" in filters:
        sure = record.get("confidence")
        if not isinstance(sure, (int, float)) or sure < filters["min_confidence"]:
            return False
    if "text" in filters:
        stored = raw if raw is not None else json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
        if filters["text"] not in stored:
            return False
    return True


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
