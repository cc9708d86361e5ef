"""Bring your own gazetteer: ``marsad gazetteer import FILE``.

Reads a GeoNames dump (the tab-separated ``XX.txt`` country files or ``allCountries.txt``,
19 columns, no header; https://download.geonames.org/export/dump/, CC BY 4.0) or a simple
CSV (``name_ar,name_en,lat,lon,country,admin1,admin2,kind``, with that header), keeps the
populated places (feature class P) and the administrative areas below the governorates
(ADM2 as districts, ADM3 and finer as regions), with their Arabic and Latin alternate names,
and adds them to the user's own place file (:func:`marsad.geo.gazetteer.imported_places_path`,
under ``$MARSAD_HOME``), which :func:`marsad.geo.gazetteer.load_gazetteer` merges into the
gazetteer of every later ``extract``, ``ingest`` and ``serve``. A line that cannot be read is
reported with its file and line and skipped.

The kept file is a TSV of :data:`COLUMNS`, one place a line; importing a file again replaces
its places (same ``place_id``), so an import can be repeated or updated.
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import InputError, KnowledgeBaseError, UsageError
from marsad.geo import gazetteer as gz
from marsad.model import Place

__all__ = ["import_geonames", "read_imported", "ImportSummary", "COLUMNS", "GEONAMES_COLUMNS"]

GEONAMES_COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
                    "feature_code", "country_code", "cc2", "admin1_code", "admin2_code", "admin3_code",
                    "admin4_code", "population", "elevation", "dem", "timezone", "modification_date")
CSV_COLUMNS = ("name_ar", "name_en", "lat", "lon", "country", "admin1", "admin2", "kind")
COLUMNS = ("place_id", "name", "names", "lat", "lon", "country_code", "country", "admin1", "admin2", "kind",
           "population", "source")
# GeoNames administrative features kept, and the kind they become (governorates and countries come
# from marsad's own tables, so ADM1 and PCL* are not imported).
ADMIN_KINDS = {"ADM2": "admin2", "ADM3": "region", "ADM4": "region", "ADM5": "region", "ADMD": "region"}
POINT_KINDS = ("city", "town", "village", "neighbourhood", "facility")
_UNSAFE = re.compile(r"[\t\n\r|]")


@dataclass
class ImportSummary:
    path: str
    lines: int = 0
    kept: int = 0
    other_features: int = 0  # lines of a feature class that is no place (streams, hills, ...)
    problems: list[str] = field(default_factory=list)  # "file:line: [E100] reason"
    total: int = 0  # places in the user's file afterwards
    target: str = ""

    def line(self) -> str:
        return (f"{self.path}: {self.lines} lines, {self.kept} places kept, {self.other_features} other features "
                f"left out, {len(self.problems)} bad lines skipped; {self.total} imported places in {self.target}")


def _clean(name: str) -> str:
    return " ".join(_UNSAFE.sub(" ", name).split())


def _names(*names: str) -> list[str]:
    """Arabic and Latin names worth indexing, each once: no Persian or Kurdish spellings, no
    airport-like codes."""
    out: dict[str, None] = {}
    for raw in names:
        name = _clean(raw)
        if not name:
            continue
        if gz._is_arabic(name):
            if gz._NON_ARABIC_LETTERS.search(gz.normalise_term(name)):
                continue
        elif not gz._is_latin(name) or (name.isupper() and len(name) <= 4):
            continue
        out[name] = None
    return list(out)


def _number(text: str, what: str, lo: float, hi: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{what} {text!r} is not a number") from None
    if not math.isfinite(value) or not lo <= value <= hi:
        raise ValueError(f"{what} {text!r} is out of range ({lo:g}..{hi:g})")
    return value


class _Placer:
    """Country names, governorates and districts for imported places, from the gazetteer."""

    def __init__(self):
        self.gaz = gz.load_gazetteer()

    def country(self, cc: str) -> str:
        place = self.gaz.country_place(cc)
        return place.name if place else cc

    def admin1(self, cc: str, code: str, lat: float, lon: float, given: str | None = None) -> str | None:
        if given:
            area = self.gaz.admin1_place(cc, given)
            if area is None:
                raise ValueError(f"unknown admin1 {given!r} in {self.country(cc)}")
            return area.admin1 or area.name
        area = self.gaz.admin1_place(cc, f"{cc}.{code}") if code else None
        if area is not None:
            return area.admin1 or area.name
        from marsad.geo import areas
        hit = areas.nearest_admin1(lat, lon, cc)
        return hit[2] if hit else None

    def admin2(self, cc: str, admin1: str | None, lat: float, lon: float) -> str | None:
        return self.gaz.nearest_admin2(cc, admin1, lat, lon)


def _geonames_row(cells: list[str], placer: _Placer) -> dict | None:
    """The kept row of a GeoNames line, None for a feature that is no place; ValueError when bad."""
    if len(cells) != len(GEONAMES_COLUMNS):
        raise ValueError(f"{len(cells)} tab-separated columns, a GeoNames line has {len(GEONAMES_COLUMNS)}")
    g = dict(zip(GEONAMES_COLUMNS, (c.strip() for c in cells)))
    if not g["geonameid"].isdigit():
        raise ValueError(f"geonameid {g['geonameid']!r} is not a number")
    if not g["name"]:
        raise ValueError("empty name")
    lat = _number(g["latitude"], "latitude", -90, 90)
    lon = _number(g["longitude"], "longitude", -180, 180)
    cc = g["country_code"].upper()
    if not re.fullmatch("[A-Z]{2}", cc):
        raise ValueError(f"country code {g['country_code']!r} is not two letters")
    fclass, fcode = g["feature_class"].upper(), g["feature_code"].upper()
    if fclass == "P":
        try:
            population = int(g["population"] or 0)
        except ValueError:
            raise ValueError(f"population {g['population']!r} is not a whole number") from None
        kind = "neighbourhood" if fcode == "PPLX" else \
            "city" if population >= 100_000 else "town" if population >= 10_000 else "village"
    elif fclass == "A" and fcode in ADMIN_KINDS:
        population, kind = 0, ADMIN_KINDS[fcode]
    else:
        return None
    admin1 = placer.admin1(cc, g["admin1_code"], lat, lon)
    admin2 = _clean(g["name"]) if kind == "admin2" else placer.admin2(cc, admin1, lat, lon)
    names = _names(g["name"], g["asciiname"], *g["alternatenames"].split(","))
    return dict(place_id=f"gn:{g['geonameid']}", name=_clean(g["asciiname"] or g["name"]), names="|".join(names),
                lat=f"{lat:.6f}", lon=f"{lon:.6f}", country_code=cc, country=placer.country(cc),
                admin1=admin1 or "", admin2=admin2 or "", kind=kind, population=str(population))


def _csv_row(row: dict, placer: _Placer) -> dict:
    names = _names(row.get("name_ar") or "", row.get("name_en") or "")
    if not names:
        raise ValueError("neither name_ar nor name_en holds a name")
    lat = _number(row.get("lat") or "", "lat", -90, 90)
    lon = _number(row.get("lon") or "", "lon", -180, 180)
    country = (row.get("country") or "").strip()
    place = placer.gaz.country_place(country) if country else None
    if place is None:
        raise ValueError(f"unknown country {country!r} (a name or ISO code)")
    cc = place.country_code
    kind = (row.get("kind") or "village").strip()
    if kind not in POINT_KINDS + ("admin2", "region"):
        raise ValueError(f"kind {kind!r} is not one of {', '.join(POINT_KINDS + ('admin2', 'region'))}")
    admin1 = placer.admin1(cc, "", lat, lon, (row.get("admin1") or "").strip() or None)
    admin2 = _clean(row.get("admin2") or "") or placer.admin2(cc, admin1, lat, lon)
    english = _clean(row.get("name_en") or "")
    ident = gz.name_key(english or names[0]).replace(" ", "-")
    return dict(place_id=f"imp:{cc.lower()}-{ident}-{lat:.3f},{lon:.3f}", name=english or names[0],
                names="|".join(names), lat=f"{lat:.6f}", lon=f"{lon:.6f}", country_code=cc, country=place.name,
                admin1=admin1 or "", admin2=admin2 or "", kind=kind, population="0")


def _read_lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    if b"\x00" in data[:4096]:
        raise InputError("a binary file, not a GeoNames text file", where=str(path))
    return data.decode("utf-8", errors="replace").splitlines()


def import_geonames(path: str | os.PathLike, target: Path | None = None) -> ImportSummary:
    """Add the places of a GeoNames dump (or a CSV of :data:`CSV_COLUMNS`) to the user's place file."""
    path = Path(path)
    target = Path(target) if target is not None else gz.imported_places_path()
    summary = ImportSummary(path=str(path), target=str(target))
    lines = _read_lines(path)
    placer = _Placer()
    rows: dict[str, dict] = {}
    is_csv = bool(lines) and [c.strip().lower() for c in lines[0].split(",")][:len(CSV_COLUMNS)] == list(CSV_COLUMNS)
    header = None
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        summary.lines += 1
        try:
            if "\ufffd" in line:
                raise ValueError("not UTF-8 text")
            if is_csv:
                cells = next(csv.reader(io.StringIO(line)))
                if header is None:
                    header = [c.strip().lower() for c in cells]
                    summary.lines -= 1
                    continue
                row = _csv_row(dict(zip(header, cells)), placer)
            else:
                row = _geonames_row(line.split("\t"), placer)
        except ValueError as exc:
            summary.problems.append(str(InputError(str(exc), where=f"{path}:{lineno}")))
            continue
        if row is None:
            summary.other_features += 1
            continue
        row["source"] = path.name
        rows[row["place_id"]] = row
        summary.kept += 1
    kept = {r["place_id"]: r for r in _read_rows(target)} if target.is_file() else {}
    kept.update(rows)
    _write_rows(target, kept.values())
    summary.total = len(kept)
    return summary


def _write_rows(target: Path, rows) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".imported-", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write("# places imported by `marsad gazetteer import` (GeoNames data: CC BY 4.0, geonames.org)\n")
            fh.write("\t".join(COLUMNS) + "\n")
            for row in rows:
                fh.write("\t".join(str(row.get(c) or "") for c in COLUMNS) + "\n")
        os.replace(tmp, target)
    except OSError as exc:
        raise UsageError(f"cannot write the imported places to {target}: {exc.strerror or exc}") from None


def _read_rows(path: Path) -> list[dict]:
    rows = []
    header = None
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                if tuple(header) != COLUMNS:
                    raise KnowledgeBaseError(f"the header is not {' '.join(COLUMNS)}", where=f"{path}:{lineno}")
                continue
            if len(cells) != len(COLUMNS):
                raise KnowledgeBaseError(f"{len(cells)} cells, not {len(COLUMNS)}", where=f"{path}:{lineno}")
            row = dict(zip(COLUMNS, cells))
            row["_where"] = f"{path}:{lineno}"
            rows.append(row)
    return rows


def read_imported(path: Path) -> list[tuple[Place, list[str]]]:
    """The places of the user's imported file, each with its names, for :meth:`Gazetteer.add_places`."""
    out = []
    for row in _read_rows(path):
        try:
            lat = _number(row["lat"], "lat", -90, 90)
            lon = _number(row["lon"], "lon", -180, 180)
            population = int(row["population"] or 0)
        except ValueError as exc:
            raise KnowledgeBaseError(str(exc), where=row["_where"]) from None
        if row["kind"] not in gz.KINDS or not row["place_id"] or not row["name"]:
            raise KnowledgeBaseError(f"bad row (kind {row['kind']!r})", where=row["_where"])
        names = [n for n in row["names"].split("|") if n] or [row["name"]]
        arabic = [n for n in names if gz._is_arabic(n)]
        out.append((Place(row["place_id"], row["name"], row["country"], row["country_code"], lat, lon,
                          kind=row["kind"], admin1=row["admin1"] or None, admin2=row["admin2"] or None,
                          name_ar=arabic[0] if arabic else None, population=population), names))
    return out
