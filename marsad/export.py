"""Write event records as ACLED-style CSV, JSON Lines or GeoJSON, and as a terminal table.

The ACLED CSV follows the column names and order of ACLED's export as far as
marsad's fields allow; columns marsad cannot fill (``disorder_type`` is
derived, ``source_scale``, ``tags``) are present and empty or derived, so a
script written for ACLED files reads ours. Dates are written as ACLED's export
tool writes them ("20 January 2022"). ``event_id_cnty`` is marsad's event id.
"""
from __future__ import annotations

import csv
import json
import math
from datetime import date
from typing import IO, Iterable

__all__ = ["ACLED_COLUMNS", "write_acled_csv", "write_jsonl", "write_geojson", "format_table", "FORMATS"]

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
FORMATS = ("acled-csv", "jsonl", "geojson")

_ISO_NUMERIC = {"Syria": 760, "Iraq": 368, "Lebanon": 422, "Yemen": 887, "Libya": 434, "Palestine": 275,
                "Sudan": 729, "Jordan": 400, "Turkey": 792, "Israel": 376, "Iran": 364, "Egypt": 818}
_REGION = {"Syria": "Middle East", "Iraq": "Middle East", "Lebanon": "Middle East", "Yemen": "Middle East",
           "Palestine": "Middle East", "Jordan": "Middle East", "Turkey": "Middle East", "Israel": "Middle East",
           "Iran": "Middle East", "Libya": "Northern Africa", "Egypt": "Northern Africa", "Sudan": "Eastern Africa"}


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


def acled_row(e: dict) -> dict:
    sources = e.get("sources") or []
    names = [s.get("source") for s in sources if s.get("source")] or ([e["source"]] if e.get("source") else [])
    civ = "Civilian targeting" if "Civilians" in (e.get("actor1"), e.get("actor2")) else ""
    return {
        "event_id_cnty": e.get("event_id") or "",
        "event_date": _acled_date(e.get("event_date")),
        "year": str(e.get("event_date") or "")[:4],
        "time_precision": e.get("time_precision") or "",
        "disorder_type": _disorder(e.get("event_type")),
        "event_type": e.get("event_type") or "",
        "sub_event_type": e.get("sub_event_type") or "",
        "actor1": e.get("actor1") or "",
        "assoc_actor_1": _names(e.get("assoc_actor_1")),
        "inter1": e.get("inter1") or "",
        "actor2": e.get("actor2") or "",
        "assoc_actor_2": _names(e.get("assoc_actor_2")),
        "inter2": e.get("inter2") or "",
        "interaction": e.get("interaction") or "",
        "civilian_targeting": civ,
        "iso": _ISO_NUMERIC.get(e.get("country") or "", ""),
        "region": _REGION.get(e.get("country") or "", ""),
        "country": e.get("country") or "",
        "admin1": e.get("admin1") or "",
        "admin2": e.get("admin2") or "",
        "admin3": e.get("admin3") or "",
        "location": e.get("location") or "",
        "latitude": _degrees(e.get("latitude")),
        "longitude": _degrees(e.get("longitude")),
        "geo_precision": e.get("geo_precision") or "",
        "source": "; ".join(dict.fromkeys(str(n) for n in names)),
        "source_scale": "",
        "notes": e.get("notes") or "",
        "fatalities": 0 if e.get("fatalities") is None else e["fatalities"],  # as stored
        "tags": "disagreement on fatalities" if e.get("disagreement") else "",
        "timestamp": "",
    }


def write_acled_csv(records: Iterable[dict], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in records:
        writer.writerow(acled_row(e))
        n += 1
    return n


def write_jsonl(records: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for e in records:
        out.write(json.dumps(_finite(e), ensure_ascii=False, allow_nan=False) + "\n")
        n += 1
    return n


_GEO_PROPERTIES = ("event_id", "event_date", "event_date_start", "event_date_end", "time_precision", "event_type",
                   "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2",
                   "interaction", "country", "admin1", "admin2", "location", "geo_precision", "fatalities",
                   "fatalities_low", "fatalities_high", "attribution", "notes", "source", "disagreement",
                   "confidence")


def write_geojson(records: Iterable[dict], out: IO[str]) -> int:
    """A FeatureCollection of Points (RFC 7946: longitude first); events without coordinates
    get a null geometry."""
    features = []
    for e in records:
        geometry = None
        lat, lon = _number(e.get("latitude")), _number(e.get("longitude"))
        if lat is not None and lon is not None:
            geometry = {"type": "Point", "coordinates": [lon, lat]}
        props = _finite({k: e.get(k) for k in _GEO_PROPERTIES})
        props["n_sources"] = len(e.get("sources") or []) or 1
        features.append({"type": "Feature", "id": e.get("event_id"), "geometry": geometry, "properties": props})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, allow_nan=False)
    out.write("\n")
    return len(features)


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
