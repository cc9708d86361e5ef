"""Analysts' local gazetteer entries: stored, listed, used, and the places nobody knows yet.

An analyst who knows where a village is (``marsad places set``, or the review screen of the
web app) stores a *local entry*: the name as written, its coordinates, country, governorate,
district and kind, who set it and when. Storing one

* re-geocodes the stored events whose place is that name (as written or normalised, including
  events whose place no gazetteer knew): their coordinates, admin areas and ``geo_precision``
  (1) change through :meth:`marsad.store.Store.edit`, so the change is in each event's review
  history with the analyst's name, like any other correction;
* makes the geocoder of this process use it at once, and every later ``ingest`` and ``serve``
  loads the entries before extracting (:func:`use_local_places`).

``unresolved_places`` lists the names events carry that no gazetteer knows: the chosen
location evidence says ``"in_gazetteer": false`` or has no ``place_id``.

>>> set_local_place(store, "قرية الزهراوية", 35.41, 36.69, country="Syria", editor="rima")  # doctest: +SKIP
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import select

from marsad.errors import UsageError
from marsad.model import LocalPlace
from marsad.store import Store
from marsad.store.schema import articles, event_sources, events, local_places as table

__all__ = ["LocalPlace", "PlaceSet", "set_local_place", "local_places", "unresolved_places", "use_local_places",
           "local_key", "KINDS", "COUNTRY_TOLERANCE_KM"]

# Kinds a local entry may have (points only: an area is no place an event happens at).
KINDS = ("village", "town", "city", "neighbourhood", "facility")
# How far outside its country's outline a point may lie (simplified borders, coasts); farther is a mistake
# such as latitude and longitude swapped.
COUNTRY_TOLERANCE_KM = 25.0
MAX_NAME = 300


@dataclass
class PlaceSet:
    """What ``set_local_place`` did: the entry stored and the events it moved."""

    place: LocalPlace
    created: bool
    events: list[str] = field(default_factory=list)  # event ids re-geocoded
    unchanged: list[str] = field(default_factory=list)  # event ids of that place already there


def local_key(name: str) -> str:
    """The key an entry is stored under: the name's lookup key without a leading place noun, so
    "قرية الزهراوية", "الزهراويه" and "بلدة الزهراوية" are one place."""
    from marsad.geo.gazetteer import name_key, strip_descriptor
    return strip_descriptor(name_key(name or ""))


def _bare(name: str) -> str:
    """The name as written without a leading place noun: "قرية الزهراوية" -> "الزهراوية" (the
    event's location is the village's name, as in ACLED)."""
    from marsad.geo.gazetteer import name_key, strip_descriptor
    first, _, rest = name.partition(" ")
    if rest and strip_descriptor(name_key(name)) != name_key(name) and \
            strip_descriptor(name_key(name)) == name_key(rest):
        return rest
    return name


def _number(value, what: str, lo: float, hi: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise UsageError(f"{what} must be a number in degrees, not {value!r}") from None
    if not math.isfinite(number) or not lo <= number <= hi:
        raise UsageError(f"{what} must be a finite number from {lo:g} to {hi:g}, not {value!r}")
    return number


def _text(value, what: str, limit: int = 200) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    if len(text) > limit or any(ord(c) < 32 for c in text):
        raise UsageError(f"{what} must be plain text of at most {limit} characters")
    return text


def validate(name, latitude, longitude, *, country=None, admin1=None, admin2=None, kind=None,
             editor=None, note=None) -> LocalPlace:
    """A LocalPlace from raw values (command line, form, JSON), or a UsageError that says what
    is wrong: latitude and longitude finite and in range, a country the gazetteer knows (by
    name, Arabic name or ISO code; else the country the point lies in), the point in or near
    that country, a governorate of that country."""
    from marsad.geo import areas
    from marsad.geo.gazetteer import load_gazetteer

    name = _bare(_text(name, "the place name", MAX_NAME) or "")
    if not name or not local_key(name):
        raise UsageError("a place needs a name (letters, as written in the reports)")
    lat = _number(latitude, "latitude", -90.0, 90.0)
    lon = _number(longitude, "longitude", -180.0, 180.0)
    kind = _text(kind, "kind") or "village"
    if kind not in KINDS:
        raise UsageError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    editor = _text(editor, "who set it")
    if not editor:
        raise UsageError("a local place needs the name of who sets it (--by NAME or $MARSAD_EDITOR)")
    gaz = load_gazetteer()
    country = _text(country, "country", 100)
    if country:
        found = gaz.country_place(country)
        if found is None:
            raise UsageError(f"unknown country {country!r}: give its English or Arabic name or ISO code "
                             f"(Syria, سوريا, SY)")
        cc = found.country_code
    else:
        cc = areas.country_at(lat, lon)
        if cc is None or gaz.country_place(cc) is None:
            raise UsageError(f"the point {lat:g}, {lon:g} lies in no country marsad knows; give --country")
    country_name = gaz.country_place(cc).name
    try:
        off = areas.distance_to_country_km(lat, lon, cc)
    except UsageError:
        off = 0.0  # no outline shipped for this country: nothing to check against
    if off > COUNTRY_TOLERANCE_KM:
        raise UsageError(f"the point {lat:g}, {lon:g} lies {off:.0f} km outside {country_name} "
                         f"(latitude and longitude swapped?)")
    admin1 = _text(admin1, "admin1")
    if admin1:
        area = gaz.admin1_place(cc, admin1)
        if area is None:
            known = gaz.admin1_names(cc)
            raise UsageError(f"unknown admin1 {admin1!r} in {country_name}" +
                             (f"; one of: {', '.join(known)}" if known else ""))
        admin1 = area.admin1 or area.name
    else:
        hit = areas.nearest_admin1(lat, lon, cc)
        area = gaz.admin1_place(cc, hit[1]) if hit else None
        admin1 = (area.admin1 or area.name) if area else (hit[2] if hit else None)
    admin2 = _text(admin2, "admin2") or gaz.nearest_admin2(cc, admin1, lat, lon)
    return LocalPlace(name=name, latitude=round(lat, 6), longitude=round(lon, 6), country=country_name,
                      country_code=cc, admin1=admin1, admin2=admin2, kind=kind, set_by=editor,
                      set_at=datetime.now(timezone.utc), note=_text(note, "note", 2000))


def local_places(store: Store) -> list[LocalPlace]:
    """Every local entry, in the order they were first set."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(table).order_by(table.c.id)).mappings().all()
    return [LocalPlace(name=r["name"], latitude=r["latitude"], longitude=r["longitude"], country=r["country"],
                       country_code=r["country_code"], admin1=r["admin1"], admin2=r["admin2"], kind=r["kind"],
                       set_by=r["set_by"], set_at=r["set_at"], note=r["note"], id=r["id"]) for r in rows]


def use_local_places(store: Store) -> list[LocalPlace]:
    """Load the database's local entries into this process's gazetteer (a no-op when they are
    the ones loaded already); returns them, for worker processes."""
    from marsad.geo.gazetteer import register_local_places

    entries = local_places(store)
    register_local_places(entries)
    return entries


def set_local_place(store: Store, name, latitude, longitude, *, country=None, admin1=None, admin2=None,
                    kind=None, editor=None, note=None, event_id: str | None = None) -> PlaceSet:
    """Store (or replace) the local entry for a name in a country, load it into this process's
    gazetteer, and re-geocode the stored events whose place is that name in that country (or in
    none). ``event_id``: the event the analyst placed from its review screen, moved even when the
    machine had put it in another country (a namesake elsewhere)."""
    if event_id is not None:
        store.event(event_id)  # NotFoundError before anything is stored
    place = validate(name, latitude, longitude, country=country, admin1=admin1, admin2=admin2, kind=kind,
                     editor=editor, note=note)
    key = local_key(place.name)
    values = dict(name=place.name, name_key=key, latitude=place.latitude, longitude=place.longitude,
                  country=place.country, country_code=place.country_code, admin1=place.admin1,
                  admin2=place.admin2, kind=place.kind, set_by=place.set_by, set_at=place.set_at, note=place.note)
    with store._writing() as conn:  # the writer lock: one writer at a time (docs/reliability.md)
        found = conn.execute(select(table.c.id).where(table.c.name_key == key,
                                                      table.c.country_code == place.country_code)).scalar()
        if found is None:
            place.id = conn.execute(table.insert().values(**values)).inserted_primary_key[0]
        else:
            conn.execute(table.update().where(table.c.id == found).values(**values))
            place.id = found
    result = PlaceSet(place=place, created=found is None)
    use_local_places(store)
    _regeocode(store, place, key, result, event_id)
    return result


def _names_of(record: dict) -> list[str]:
    """The names an event's place goes by: its location, each source's, and the chosen location
    evidence (its ``location`` as written and its text)."""
    names = [record.get("location")]
    names += [s.get("location") for s in record.get("sources") or [] if isinstance(s, dict)]
    for item in (record.get("evidence") or {}).get("location") or []:
        if isinstance(item, dict) and item.get("chosen"):
            names += [item.get("location"), item.get("text")]
    return [n for n in names if isinstance(n, str) and n.strip()]


def _regeocode(store: Store, place: LocalPlace, key: str, result: PlaceSet, event_id: str | None = None) -> None:
    """Move the stored events of that place (in its country, or with no country) to the entry, as
    edits by the entry's author; an event already there is left alone."""
    from sqlalchemy import or_

    with store.engine.connect() as conn:
        rows = conn.execute(select(events.c.event_id, events.c.record).where(
            or_(events.c.country == place.country, events.c.country.is_(None), events.c.event_id == event_id))
            .order_by(events.c.id)).all()
    target = {"latitude": place.latitude, "longitude": place.longitude, "geo_precision": 1,
              "country": place.country, "admin1": place.admin1, "admin2": place.admin2}
    chosen = event_id
    for event_id, raw in rows:
        record = json.loads(raw)
        if event_id != chosen and not any(local_key(n) == key for n in _names_of(record)):
            continue
        changes = {f: v for f, v in target.items() if record.get(f) != v and not (f == "admin2" and v is None)}
        if local_key(record.get("location") or "") != key:
            changes["location"] = place.name  # it carried the container's name (حماة for a village of Hama)
        if not changes:
            result.unchanged.append(event_id)
            continue
        store.edit(event_id, changes, editor=place.set_by,
                   note=f"local place {place.name} set by {place.set_by}: {place.latitude:g}, {place.longitude:g}"
                        + (f" ({place.note})" if place.note else ""))
        result.events.append(event_id)


def _unresolved_item(record: dict) -> str | None:
    """The name as written of a record whose chosen place no gazetteer knew, else None."""
    for item in (record.get("evidence") or {}).get("location") or []:
        if isinstance(item, dict) and item.get("chosen"):
            if item.get("in_gazetteer") is False or item.get("place_id") is None:
                return item.get("location") or item.get("text") or record.get("location")
            return None
    return None


def unresolved_places(store: Store) -> list[dict]:
    """Place names that stored events carry but no gazetteer knows, most frequent first:
    ``{"name", "country", "events", "articles", "event_ids", "article_ids"}``. A name with a
    local entry in that country is known; so is one flagged ``in_gazetteer: false`` that the
    gazetteer knows in that country now (after ``marsad gazetteer import``)."""
    from marsad.geo.gazetteer import load_gazetteer

    with store.engine.connect() as conn:
        rows = conn.execute(
            select(event_sources.c.record, events.c.event_id, events.c.country, articles.c.article_id)
            .join(events, events.c.id == event_sources.c.event)
            .join(articles, articles.c.id == event_sources.c.article).order_by(event_sources.c.id)).all()
    known = {(local_key(p.name), p.country) for p in local_places(store)}
    groups: dict[tuple[str, str | None], dict] = {}
    gaz = None
    for raw, event_id, country, article_id in rows:
        record = json.loads(raw)
        name = _unresolved_item(record)
        if not name:
            continue
        key = local_key(name)
        country = record.get("country") or country
        if not key or (key, country) in known:
            continue
        group = groups.get((key, country))
        if group is None:
            flagged = any(isinstance(i, dict) and i.get("chosen") and i.get("in_gazetteer") is False
                          for i in (record.get("evidence") or {}).get("location") or [])
            if flagged:
                gaz = gaz or load_gazetteer()
                if any(p.country == country and not p.is_area for p in gaz.lookup(key)):
                    known.add((key, country))
                    continue
            group = groups[(key, country)] = {"name": name, "country": country, "spellings": {},
                                              "event_ids": {}, "article_ids": {}}
        group["spellings"][name] = group["spellings"].get(name, 0) + 1
        group["event_ids"][event_id] = None
        group["article_ids"][article_id] = None
    out = []
    for group in groups.values():
        spellings = group.pop("spellings")
        group["name"] = max(spellings, key=spellings.get)  # the commonest spelling; the first on a tie
        group["event_ids"] = list(group["event_ids"])
        group["article_ids"] = list(group["article_ids"])
        group["events"] = len(group["event_ids"])
        group["articles"] = len(group["article_ids"])
        out.append(group)
    out.sort(key=lambda g: (-g["events"], -g["articles"], g["name"]))
    return out
