"""Write event records as ACLED-style CSV, JSON Lines or GeoJSON, and as a terminal table.

The ACLED CSV follows the column names and order of ACLED's export as far as
marsad's fields allow; columns marsad cannot fill (``disorder_type`` is
derived, ``source_scale``, ``tags``) are present and empty or derived, so a
script written for ACLED files reads ours. Dates are written as ACLED's export
tool writes them ("20 January 2022"). ``event_id_cnty`` is marsad's event id.
``iso`` and ``region`` come from ``kb/data/regions.tsv`` (every ISO 3166-1 country, by name,
alias or code), ``timestamp`` is the event's last change in Unix seconds, and the integer
columns ACLED always fills (``inter1``, ``inter2``, ``interaction``, ``fatalities``, ``iso``,
``timestamp``) are never empty: 0 where ACLED writes 0 (``inter2`` of an event with one actor).
With ``inter_labels`` the actor types are ACLED's text labels (``kb/data/acled_inter.tsv``).
"""
from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Iterable, Iterator

from marsad.errors import KnowledgeBaseError, UsageError
from marsad.kb import data_path, load_table, split_list

if TYPE_CHECKING:
    from marsad.store import Store

__all__ = ["ACLED_COLUMNS", "write_acled_csv", "write_jsonl", "write_geojson", "format_table", "FORMATS",
           "acled_csv_chunks", "jsonl_chunks", "geojson_chunks",
           "CountryCodes", "acled_country", "actor_type_labels", "stored_records", "parse_updated_since",
           "changed_records", "removed_records", "removed_csv_chunks", "write_removed_csv", "REMOVED_COLUMNS"]

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
FORMATS = ("acled-csv", "jsonl", "geojson", "removed-csv")
# Stored records are read from the database this many at a time (an export never holds them all).
READ_CHUNK = 500


# --------------------------------------------------------------------------- countries, actor types

@dataclass(frozen=True)
class CountryCodes:
    """A country's ISO 3166-1 codes and ACLED region (a row of ``kb/data/regions.tsv``)."""

    alpha2: str
    alpha3: str
    iso: int
    name: str
    region: str


def _country_key(name: str) -> str:
    """Names compared as ACLED files and GeoNames write them apart: case, spaces, a leading "the"."""
    key = " ".join(name.casefold().replace("\u2019", "'").split())
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def _countries() -> dict[str, CountryCodes]:
    """Every name, alias, alpha-2 and alpha-3 code of ``regions.tsv`` -> its row; checked here."""
    where = data_path("regions.tsv")
    index: dict[str, CountryCodes] = {}
    for row in load_table("regions.tsv", required=("alpha2", "alpha3", "iso", "name", "region")):
        line = f"{where}:{row['_line']}"
        if not re.fullmatch(r"[A-Z]{2}", row["alpha2"]) or not re.fullmatch(r"[A-Z]{3}", row["alpha3"]):
            raise KnowledgeBaseError(f"alpha2/alpha3 must be 2 and 3 capital letters: {row['alpha2']!r}, "
                                     f"{row['alpha3']!r}", where=line)
        if not re.fullmatch(r"\d{1,3}", row["iso"]):
            raise KnowledgeBaseError(f"iso must be the ISO 3166-1 numeric code (0-999): {row['iso']!r}", where=line)
        codes = CountryCodes(row["alpha2"], row["alpha3"], int(row["iso"]), row["name"], row["region"])
        for name in (row["name"], row["alpha2"], row["alpha3"], *split_list(row["aliases"])):
            key = _country_key(name)
            if index.get(key, codes) != codes:
                raise KnowledgeBaseError(f"{name!r} names {index[key].name} already", where=line)
            index[key] = codes
    return index


def acled_country(name: str | None) -> CountryCodes | None:
    """The ISO codes and ACLED region of a country named as events name it (ACLED's name, an ISO or
    GeoNames name, an alpha-2 or alpha-3 code); None for a name ``regions.tsv`` does not know.

    >>> acled_country("Syria").iso, acled_country("Syrian Arab Republic").region
    (760, 'Middle East')
    """
    if not name or not isinstance(name, str):
        return None
    return _countries().get(_country_key(name))


@lru_cache(maxsize=1)
def actor_type_labels() -> dict[int, str]:
    """ACLED's actor-type codes -> their text labels (``kb/data/acled_inter.tsv``)."""
    labels: dict[int, str] = {}
    for row in load_table("acled_inter.tsv", required=("code", "label")):
        if not row["code"].isdigit() or int(row["code"]) in labels:
            raise KnowledgeBaseError(f"code must be a whole number, once: {row['code']!r}",
                                     where=f"{data_path('acled_inter.tsv')}:{row['_line']}")
        labels[int(row["code"])] = row["label"]
    return labels


# --------------------------------------------------------------------------- stored events

def parse_updated_since(value: str | int | float | datetime | date) -> datetime:
    """A point in time from Unix seconds (as the export's ``timestamp`` column writes it), an ISO
    date (midnight UTC) or an ISO date-time (UTC unless it says otherwise).

    >>> parse_updated_since("1700000000").isoformat(), parse_updated_since("2024-01-02").isoformat()
    ('2023-11-14T22:13:20+00:00', '2024-01-02T00:00:00+00:00')
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)) and not isinstance(value, bool) or \
            isinstance(value, str) and re.fullmatch(r"\s*\d{1,12}(\.\d*)?\s*", value):
        try:
            moment = datetime.fromtimestamp(float(value), timezone.utc)
        except (OverflowError, OSError, ValueError):
            raise UsageError(f"updated_since: {value!r} is too far off") from None
    else:
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise UsageError(f"updated_since is Unix seconds (as the timestamp column gives them), a date "
                             f"(YYYY-MM-DD) or an ISO date-time, not {text[:40]!r}") from None
    # in UTC: SQLite keeps the times as UTC text without their offset, and compares that text
    try:
        return moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    except (OverflowError, ValueError):
        raise UsageError(f"updated_since: {str(value)[:40]!r} is too far off") from None


def _unix_seconds(moment) -> int | None:
    if not isinstance(moment, datetime):
        return None
    return int((moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp())


def stored_records(store: "Store", *, updated_since=None, **filters) -> Iterator[dict]:
    """The merged records of the stored events matching ``filters`` (those of ``marsad events``),
    by date then id, each with ``timestamp``: its last change (ingest, merge, edit, split) in Unix
    seconds. ``updated_since`` keeps the events changed at or after that moment (see
    :func:`parse_updated_since`), in the order of their changes (then id), so a user can pull
    changes incrementally: give the largest ``timestamp`` of the previous pull (the events removed
    since are :func:`changed_records`'s). Read in chunks, never all at once."""
    from sqlalchemy import select

    from marsad.store import event_filters
    from marsad.store.schema import events

    conditions = list(event_filters(**filters, updated_since=updated_since))
    order = (events.c.event_date, events.c.event_id) if updated_since in (None, "") else \
        (events.c.updated_at, events.c.event_id)
    query = select(events.c.record, events.c.updated_at).where(*conditions).order_by(*order)
    if filters.get("limit"):
        query = query.limit(filters["limit"])
    with store.engine.connect() as conn:
        for record, updated_at in conn.execution_options(stream_results=True, yield_per=READ_CHUNK).execute(query):
            record = json.loads(record)
            record["timestamp"] = _unix_seconds(updated_at)
            yield record


TOMBSTONE_FIELDS = ("event_id", "status", "merged_into", "timestamp")
REMOVED_COLUMNS = ("event_id_cnty", "deleted_timestamp", "status", "merged_into")


def changed_records(store: "Store", *, updated_since, **filters) -> Iterator[dict]:
    """An incremental pull: the records of the events matching ``filters`` changed at or after
    ``updated_since`` and the tombstones of the events removed since (``{"event_id", "status":
    "merged" | "deleted", "merged_into", "timestamp"}``; not filtered: a removed event has no
    columns left), in the order of the changes (:func:`marsad.store.queries.changes`), read a
    chunk at a time."""
    from itertools import islice

    from marsad.store.queries import all_changes

    limit = filters.pop("limit", None)  # the first ``limit`` changes
    for change in islice(all_changes(store, updated_since=updated_since, chunk=READ_CHUNK, **filters), limit or None):
        yield change["event"] if change["status"] == "changed" else {k: change.get(k) for k in TOMBSTONE_FIELDS}


def removed_records(store: "Store", *, updated_since) -> Iterator[dict]:
    """The tombstones of the events removed (merged or deleted) at or after ``updated_since``,
    oldest first, read a chunk at a time."""
    from marsad.store.queries import removed_since

    after = None
    while True:
        chunk = removed_since(store, updated_since, after=after, limit=READ_CHUNK)
        for gone in chunk:
            yield {k: gone.get(k) for k in TOMBSTONE_FIELDS}
        if len(chunk) < READ_CHUNK:
            return
        after = (datetime.fromisoformat(chunk[-1]["changed_at"]), chunk[-1]["event_id"])


def is_tombstone(record: dict) -> bool:
    return record.get("status") in ("merged", "deleted") and "event_type" not in record


def removed_csv_chunks(tombstones: Iterable[dict]) -> Iterator[str]:
    """The removed events as ACLED's list of deleted events writes them (``event_id_cnty``,
    ``deleted_timestamp``), with marsad's ``status`` (merged or deleted) and ``merged_into``."""
    line = _Line()
    writer = csv.writer(line, lineterminator="\n")
    writer.writerow(REMOVED_COLUMNS)
    yield line.take()
    for gone in tombstones:
        writer.writerow((gone.get("event_id") or "", _code(gone.get("timestamp")), gone.get("status") or "",
                         gone.get("merged_into") or ""))
        yield line.take()


def write_removed_csv(tombstones: Iterable[dict], out: IO[str]) -> int:
    n = -1
    for chunk in removed_csv_chunks(tombstones):
        out.write(chunk)
        n += 1
    return n


# Export reads whatever is stored, including records an older marsad kept unchecked (a number
# where a list belongs, an infinite latitude): a value of the wrong shape is written as empty
# (or as text), never a crash, and every JSON written is strict JSON (no NaN or Infinity).

def _acled_date(value) -> str:
    try:
        d = date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return str(value)
    return f"{d.day} {d.strftime('%B')} {d.year}" if d else ""


def _names(value) -> str:
    """A list of actor names as ACLED writes it ("A; B"), from whatever is stored."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value if v not in (None, ""))
    return str(value)


def _number(value):
    """A finite number, else None (strings of digits are read)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value) if "." in value or "e" in value.lower() else int(value)
        except ValueError:
            return None
    if isinstance(value, (int, float)) and math.isfinite(value):
        return value
    return None


def _degrees(value) -> str:
    number = _number(value)
    return "" if number is None else f"{number:.4f}"


def _finite(value):
    """``value`` with every NaN or infinite float (nested too) made None: strict JSON."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _disorder(event_type: str | None) -> str:
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def _code(value) -> int:
    """An ACLED integer column's value: a stored whole number, else 0 (never empty)."""
    number = _number(value)
    return int(number) if number is not None and number == int(number) else 0


def _interaction(inter1: int, inter2: int, stored) -> int:
    """ACLED's interaction code: the two actor types, the lower first (12, 37), or ten times the one
    actor's (60 for protesters alone); the stored code when there is one."""
    if _code(stored):
        return _code(stored)
    if not inter1 or not inter2:
        return (inter1 or inter2) * 10
    return min(inter1, inter2) * 10 + max(inter1, inter2)


def _interaction_label(code: int, labels: dict[int, str]) -> str:
    first, second = divmod(code, 10)
    if not first:
        return ""
    if not second:
        return f"{labels.get(first, first)} only"
    return f"{labels.get(first, first)}-{labels.get(second, second)}"


def acled_row(e: dict, *, inter_labels: bool = False) -> dict:
    """One event as ACLED's CSV row (``ACLED_COLUMNS``); ``inter_labels``: actor types as ACLED's
    text labels ("State forces", "Rebel group-Civilians") instead of their codes."""
    sources = e.get("sources") or []
    names = [s.get("source") for s in sources if s.get("source")] or ([e["source"]] if e.get("source") else [])
    civ = "Civilian targeting" if "Civilians" in (e.get("actor1"), e.get("actor2")) else ""
    country = acled_country(e.get("country"))
    inter1, inter2 = _code(e.get("inter1")), _code(e.get("inter2"))
    interaction = _interaction(inter1, inter2, e.get("interaction"))
    actor_types: tuple = (inter1, inter2, interaction)
    if inter_labels:
        labels = actor_type_labels()
        actor_types = (labels.get(inter1, ""), labels.get(inter2, ""), _interaction_label(interaction, labels))
    year = str(e.get("event_date") or "")[:4]
    return {
        "event_id_cnty": e.get("event_id") or "",
        "event_date": _acled_date(e.get("event_date")),
        "year": int(year) if year.isdigit() else "",
        "time_precision": _code(e.get("time_precision")) or "",
        "disorder_type": _disorder(e.get("event_type")),
        "event_type": e.get("event_type") or "",
        "sub_event_type": e.get("sub_event_type") or "",
        "actor1": e.get("actor1") or "",
        "assoc_actor_1": _names(e.get("assoc_actor_1")),
        "inter1": actor_types[0],
        "actor2": e.get("actor2") or "",
        "assoc_actor_2": _names(e.get("assoc_actor_2")),
        "inter2": actor_types[1],
        "interaction": actor_types[2],
        "civilian_targeting": civ,
        "iso": country.iso if country else 0,
        "region": country.region if country else "",
        "country": e.get("country") or "",
        "admin1": e.get("admin1") or "",
        "admin2": e.get("admin2") or "",
        "admin3": e.get("admin3") or "",
        "location": e.get("location") or "",
        "latitude": _degrees(e.get("latitude")),
        "longitude": _degrees(e.get("longitude")),
        "geo_precision": _code(e.get("geo_precision")) or "",
        "source": "; ".join(dict.fromkeys(str(n) for n in names)),
        "source_scale": "",
        "notes": e.get("notes") or "",
        "fatalities": _code(e.get("fatalities")),
        "tags": "disagreement on fatalities" if e.get("disagreement") else "",
        "timestamp": _code(e.get("timestamp")),
    }


class _Line:
    """A file-like object that keeps what is written to it until it is taken (one CSV row)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


def acled_csv_chunks(records: Iterable[dict], *, inter_labels: bool = False) -> Iterator[str]:
    """ACLED's CSV of ``records`` a line at a time (the header first): a download streams it."""
    line = _Line()
    writer = csv.DictWriter(line, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    yield line.take()
    for e in records:
        writer.writerow(acled_row(e, inter_labels=inter_labels))
        yield line.take()


def write_acled_csv(records: Iterable[dict], out: IO[str], *, inter_labels: bool = False) -> int:
    """ACLED's CSV of ``records`` (see :func:`acled_row`); returns how many rows were written."""
    n = -1
    for chunk in acled_csv_chunks(records, inter_labels=inter_labels):
        out.write(chunk)
        n += 1
    return n


def jsonl_chunks(records: Iterable[dict]) -> Iterator[str]:
    """One strict JSON line per record."""
    for e in records:
        yield json.dumps(_finite(e), ensure_ascii=False, allow_nan=False) + "\n"


def write_jsonl(records: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for chunk in jsonl_chunks(records):
        out.write(chunk)
        n += 1
    return n


_GEO_PROPERTIES = ("event_id", "event_date", "event_date_start", "event_date_end", "time_precision", "event_type",
                   "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2",
                   "interaction", "country", "admin1", "admin2", "location", "geo_precision", "fatalities",
                   "fatalities_low", "fatalities_high", "attribution", "notes", "source", "disagreement",
                   "confidence", "timestamp")


def _feature(e: dict) -> dict:
    if is_tombstone(e):  # a removed event: no place, its status
        return {"type": "Feature", "id": e.get("event_id"), "geometry": None,
                "properties": {k: e.get(k) for k in TOMBSTONE_FIELDS}}
    geometry = None
    lat, lon = _number(e.get("latitude")), _number(e.get("longitude"))
    if lat is not None and lon is not None:
        geometry = {"type": "Point", "coordinates": [lon, lat]}
    props = _finite({k: e.get(k) for k in _GEO_PROPERTIES})
    props["n_sources"] = len(e.get("sources") or []) or 1
    return {"type": "Feature", "id": e.get("event_id"), "geometry": geometry, "properties": props}


def geojson_chunks(records: Iterable[dict]) -> Iterator[str]:
    """A FeatureCollection of Points (RFC 7946: longitude first), a feature at a time; events
    without coordinates get a null geometry. The same text as ``json.dump`` of the whole."""
    yield '{"type": "FeatureCollection", "features": ['
    for i, e in enumerate(records):
        yield (", " if i else "") + json.dumps(_feature(e), ensure_ascii=False, allow_nan=False)
    yield "]}\n"


def write_geojson(records: Iterable[dict], out: IO[str]) -> int:
    """A FeatureCollection of Points (RFC 7946: longitude first); events without coordinates
    get a null geometry."""
    n = -2
    for chunk in geojson_chunks(records):
        out.write(chunk)
        n += 1
    return n


def format_table(records: list[dict]) -> str:
    """A plain-text table for the terminal."""
    header = ("event_id", "date", "type", "location", "country", "deaths", "src", "actors")
    rows = []
    for e in records:
        deaths = "" if e.get("fatalities") is None else str(e["fatalities"])
        if e.get("disagreement"):
            deaths += f" ({e.get('fatalities_low')}-{e.get('fatalities_high')})"
        rows.append((str(e.get("event_id") or ""), str(e.get("event_date") or "?"), str(e.get("sub_event_type") or ""),
                     str(e.get("location") or "")[:24], str(e.get("country") or ""), deaths,
                     str(len(e.get("sources") or []) or 1),
                     " vs ".join(str(a) for a in (e.get("actor1"), e.get("actor2")) if a)[:60]))
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"{len(rows)} event{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines)
