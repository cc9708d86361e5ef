"""Country and governorate polygons: point lookups, distances, and the data file itself."""
from __future__ import annotations

import json
import time

import pytest

from marsad.errors import UsageError
from marsad.geo import areas
from marsad.geo.areas import (DATA_FILE, admin1_at, country_at, distance_to_admin1_km,
                              distance_to_country_km, load_areas, nearest_admin1)
from marsad.kb import load_table

ADMIN1_COUNTRIES = {"SY", "IQ", "LB", "YE", "LY", "PS", "SD", "SO"}
COUNTRIES = {"SY", "IQ", "LB", "JO", "TR", "IL", "PS", "IR", "SA", "KW", "YE", "LY", "EG", "SD",
             "SS", "TN", "DZ", "MA", "QA", "AE", "BH", "OM", "CY", "SO"}
# admin1.tsv rows that Natural Earth has no polygon for, and the polygons holding their territory.
KNOWN_MISSING = {"LB-AK": {"LB-AS"}, "LB-BH": {"LB-BI"}, "YE-SU": {"YE-HD"}, "SD-GK": {"SD-KS", "SD-KN"},
                 # Natural Earth has one Somaliland polygon over the five northern regions
                 "SO-AW": {"SO-SOL"}, "SO-WO": {"SO-SOL"}, "SO-TO": {"SO-SOL"}, "SO-SA": {"SO-SOL"}, "SO-SO": {"SO-SOL"}}

KNOWN_POINTS = [
    # name, lat, lon, country, iso_code, ACLED name
    ("Qamishli", 37.05, 41.23, "SY", "SY-HA", "Al-Hasakah"),
    ("Mosul", 36.34, 43.13, "IQ", "IQ-NI", "Nineveh"),
    ("Beirut", 33.893, 35.502, "LB", "LB-BA", "Beirut"),
    ("Sanaa", 15.355, 44.206, "YE", "YE-SA", "Amanat al Asimah"),
    ("Tripoli", 32.887, 13.187, "LY", "LY-TB", "Tripoli"),
    ("Khartoum", 15.552, 32.532, "SD", "SD-KH", "Khartoum"),
    ("Damascus", 33.510, 36.291, "SY", "SY-DI", "Damascus"),
    ("Raqqa", 35.953, 39.008, "SY", "SY-RA", "Ar-Raqqa"),
    ("Idlib", 35.931, 36.634, "SY", "SY-ID", "Idlib"),
    ("Deir ez-Zor", 35.336, 40.141, "SY", "SY-DY", "Deir ez-Zor"),
    ("Basra", 30.509, 47.780, "IQ", "IQ-BA", "Basra"),
    ("Erbil", 36.191, 44.009, "IQ", "IQ-AR", "Erbil"),
    ("Gaza", 31.502, 34.467, "PS", "PS-GZ", "Gaza Strip"),
    ("Ramallah", 31.900, 35.204, "PS", "PS-WB", "West Bank"),
    ("Kirkuk", 35.468, 44.392, "IQ", "IQ-KI", "Kirkuk"),
    ("Aden", 12.780, 45.039, "YE", "YE-AD", "Aden"),
    ("Benghazi", 32.115, 20.069, "LY", "LY-BA", "Benghazi"),
    ("El Fasher", 13.628, 25.349, "SD", "SD-DN", "North Darfur"),
]


@pytest.mark.parametrize("name,lat,lon,cc,iso,acled", KNOWN_POINTS, ids=[p[0] for p in KNOWN_POINTS])
def test_known_city_lies_in_its_country_and_governorate(name, lat, lon, cc, iso, acled):
    assert country_at(lat, lon) == cc
    assert admin1_at(lat, lon) == (cc, iso, acled)
    assert distance_to_country_km(lat, lon, cc) == 0.0
    assert distance_to_admin1_km(lat, lon, iso) == 0.0


@pytest.mark.parametrize("lat,lon", [(34.0, 33.0), (33.5, 34.5), (25.0, 37.0), (14.0, 50.0), (0.0, 0.0)])
def test_point_at_sea_is_in_no_country(lat, lon):
    assert country_at(lat, lon) is None
    assert admin1_at(lat, lon) is None


def test_neighbour_country_without_governorates_has_country_only():
    assert country_at(31.95, 35.93) == "JO"  # Amman
    assert admin1_at(31.95, 35.93) is None
    assert country_at(37.07, 37.38) == "TR"  # Gaziantep


def test_distance_to_country_grows_outside_it():
    # Amman is about 65 km from Syria's southern border
    near = distance_to_country_km(31.95, 35.93, "SY")
    assert 50 < near < 110
    assert distance_to_country_km(31.95, 35.93, "IQ") > near
    assert distance_to_country_km(31.95, 35.93, "JO") == 0.0


def test_offshore_point_finds_nearest_governorate_within_reach():
    lat, lon = 35.52, 35.74  # a kilometre or two off Latakia's shore
    assert admin1_at(lat, lon) is None
    assert nearest_admin1(lat, lon, "SY") == ("SY", "SY-LA", "Latakia")
    assert nearest_admin1(lat, lon, "SY", max_km=0.1) is None
    assert nearest_admin1(lat, lon, "IQ") is None


def test_nearest_admin1_inside_returns_containing_area():
    assert nearest_admin1(36.34, 43.13, "IQ") == ("IQ", "IQ-NI", "Nineveh")


def test_polygon_also_covering_a_newer_governorate_counts_for_it():
    halba = (34.543, 36.080)  # seat of Akkar, inside Natural Earth's North Lebanon
    assert admin1_at(*halba) == ("LB", "LB-AS", "North")
    assert distance_to_admin1_km(*halba, "LB-AK") == 0.0
    quneitra = (33.126, 35.825)  # inside the UNDOF area of separation
    assert admin1_at(*quneitra) == ("SY", "SY-UNDOF", None)
    assert distance_to_admin1_km(*quneitra, "SY-QU") == 0.0


def test_unknown_codes_raise_usage_error():
    with pytest.raises(UsageError):
        distance_to_country_km(33.5, 36.3, "FR")
    with pytest.raises(UsageError):
        distance_to_admin1_km(33.5, 36.3, "JO-AM")


def test_data_file_loads_once():
    assert areas._index() is areas._index()
    assert DATA_FILE.exists() and DATA_FILE.parent.name == "data"


# --------------------------------------------------------------------------- the data file

@pytest.fixture(scope="module")
def features() -> list[dict]:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))["features"]


def _polygons(geometry: dict) -> list:
    assert geometry["type"] in ("Polygon", "MultiPolygon")
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def test_features_have_closed_rings_with_coordinates_in_range(features):
    for f in features:
        label = f["properties"].get("iso_code") or f["properties"]["country_code"]
        for polygon in _polygons(f["geometry"]):
            assert polygon, label
            for ring in polygon:
                assert len(ring) >= 4, label
                assert ring[0] == ring[-1], f"{label}: ring not closed"
                for lon, lat in ring:
                    assert -180 <= lon <= 180 and -90 <= lat <= 90, label
                    assert lon == round(lon, 4) and lat == round(lat, 4), label


def test_features_cover_the_expected_countries(features):
    countries = [f["properties"]["country_code"] for f in features if f["properties"]["level"] == "country"]
    assert sorted(countries) == sorted(COUNTRIES)
    with_admin1 = {f["properties"]["country_code"] for f in features if f["properties"]["level"] == "admin1"}
    assert with_admin1 == ADMIN1_COUNTRIES


def test_admin1_country_code_matches_iso_prefix(features):
    for f in features:
        p = f["properties"]
        if p["level"] == "admin1":
            assert p["iso_code"].split("-")[0] == p["country_code"], p
            for code in p.get("also_covers", ()):
                assert code.split("-")[0] == p["country_code"], p


def test_admin1_names_are_those_of_admin1_tsv(features):
    names = {row["iso_code"]: row["name"] for row in load_table("admin1.tsv")}
    for f in features:
        p = f["properties"]
        if p["level"] == "admin1":
            assert p["name"] == names.get(p["iso_code"]), p


def test_every_admin1_row_has_a_polygon_or_is_known_missing():
    codes = {a.iso_code for a in load_areas() if a.level == "admin1"}
    covered = {c for a in load_areas() for c in a.also_covers}
    for row in load_table("admin1.tsv"):
        if row["country_code"] not in ADMIN1_COUNTRIES:
            continue
        iso = row["iso_code"]
        if iso in KNOWN_MISSING:
            assert iso not in codes, f"{iso} has a polygon now: drop it from KNOWN_MISSING"
            assert iso in covered
            hits = {a.iso_code for a in load_areas() if a.level == "admin1"
                    and a.contains(float(row["lat"]), float(row["lon"]))}
            assert hits & KNOWN_MISSING[iso], f"admin1.tsv:{row['_line']} {iso} seat in {hits}"
        else:
            assert iso in codes, f"admin1.tsv:{row['_line']} {iso} {row['name']} has no polygon"


def test_every_admin1_seat_lies_in_a_polygon_of_its_row():
    for row in load_table("admin1.tsv"):
        if row["country_code"] in ADMIN1_COUNTRIES:
            km = distance_to_admin1_km(float(row["lat"]), float(row["lon"]), row["iso_code"])
            assert km == 0.0, f"admin1.tsv:{row['_line']} {row['iso_code']} seat {km:.1f} km outside"


def test_country_outline_agrees_with_its_governorates():
    # shared borders are simplified once, so no point is in a governorate of another country
    for i in range(-40, 41):
        for j in range(-40, 41):
            lat, lon = 33.0 + i * 0.05, 38.0 + j * 0.1
            a = admin1_at(lat, lon)
            if a is not None:
                assert country_at(lat, lon) == a[0], (lat, lon)


def test_lookup_is_fast_enough():
    areas._index()
    start = time.perf_counter()
    for i in range(2000):
        admin1_at(33.0 + (i % 50) * 0.08, 36.0 + (i // 50) * 0.15)
    per_call = (time.perf_counter() - start) / 2000
    assert per_call < 1e-3  # about 3 µs measured; generous for slow CI machines
