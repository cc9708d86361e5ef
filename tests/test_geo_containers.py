"""Events the text places only by a container (marsad.geo.containers, issue 17 items 1 and 2).

"قرية X بريف Y الشرقي"، "X شرقي Y"، "في ريف دمشق"، "قرية X في محافظة Z": the record keeps the
village's name and takes a point derived from the gazetteer's settlements of that part of the
container, not the town's or the seat's own point. Every sentence here was written for these
tests; the village names are invented (the first test checks that no gazetteer knows them).
"""
from __future__ import annotations

import math

import pytest

from marsad import extract
from marsad.geo import areas
from marsad.geo.containers import BEARINGS, container_point, countryside_members, urban_radius_km
from marsad.geo.gazetteer import distance_km, load_gazetteer, register_local_places
from marsad.model import LocalPlace

INVENTED = ("المزيرعة الشرقية", "الهجانة الكبيرة", "عين الريحان", "أم الخراريف", "أم الطواحين",
            "تل الصوان", "أم الرماثات")


def _events(text: str):
    return [e for e in extract(text, published="2024-05-01") if e.latitude is not None]


def _city(name: str):
    return next(p for p in load_gazetteer().lookup(name) if p.kind == "city" and p.country_code == "SY")


def _bearing_off(lat0: float, lon0: float, lat: float, lon: float, side: str) -> float:
    """Degrees between the bearing of the point from (lat0, lon0) and the side's bearing."""
    north, east = lat - lat0, (lon - lon0) * math.cos(math.radians(lat0))
    bearing = math.degrees(math.atan2(east, north)) % 360
    return abs((bearing - BEARINGS[side] + 180) % 360 - 180)


def test_the_test_villages_are_unknown():
    gaz = load_gazetteer()
    assert not [name for name in INVENTED if gaz.lookup(name)]


# --------------------------------------------------------------------------- item 1: a side

def test_the_eastern_countryside_of_deir_ez_zor_lies_down_the_euphrates_where_its_towns_are():
    # the towns of its eastern countryside lie south-east of the city along the river, so the
    # point lies south of the city as well as east, not on the city's parallel
    [e] = _events("سقطت قذائف على قرية المزيرعة الشرقية بريف دير الزور الشرقي وقتل فيها طفل.")
    city = _city("دير الزور")
    assert e.location == "المزيرعة الشرقية" and e.geo_precision == 2
    assert e.latitude < city.latitude - 0.05 and e.longitude > city.longitude + 0.05
    assert "geometric median" in e.notes and "settlements the gazetteer knows" in e.notes


@pytest.mark.parametrize("text, city, side", [
    ("قتل راعيان بانفجار لغم قرب قرية الهجانة الكبيرة في ريف حمص الغربي.", "حمص", "west"),
    ("أصيب ثلاثة أطفال بقصف على بلدة عين الريحان في ريف حلب الشمالي الشرقي.", "حلب", "north-east"),
    ("قُتل مزارع برصاص قناص في قرية تل الصوان شمالي مدينة حماة.", "حماة", "north"),
    ("قُتل مزارع برصاص قناص في قرية تل الصوان شمال حماة.", "حماة", "north"),
    ("Shelling killed two civilians east of Hama on Tuesday.", "حماة", "east"),
])
def test_a_place_told_on_one_side_of_a_town_lies_in_that_sector(text, city, side):
    [e] = _events(text)
    town = _city(city)
    assert e.geo_precision == 2
    assert _bearing_off(town.latitude, town.longitude, e.latitude, e.longitude, side) <= 67.5
    assert urban_radius_km(town) < distance_km(e.latitude, e.longitude, town.latitude, town.longitude) <= 20.5


def test_a_side_of_a_town_is_nearer_the_town_than_its_countryside_on_that_side():
    town = _city("حماة")
    [side] = _events("قُتل مزارع برصاص قناص في قرية أم الرماثات شرقي مدينة حماة.")
    [countryside] = _events("قُتل مزارع برصاص قناص في قرية أم الرماثات بريف حماة الشرقي.")
    near = distance_km(side.latitude, side.longitude, town.latitude, town.longitude)
    far = distance_km(countryside.latitude, countryside.longitude, town.latitude, town.longitude)
    assert near < far


def test_the_point_follows_the_settlements_the_gazetteer_knows():
    # analysts' local villages are settlements too: five of them 7 km north-west of Jisr
    # al-Shughur, in its western countryside, draw the countryside's point towards them
    town = next(p for p in load_gazetteer().lookup("جسر الشغور") if p.country_code == "SY")
    before = container_point(town, "west", countryside=True)
    cluster = (35.86, 36.27)
    villages = [LocalPlace(f"قرية الاختبار {k}", cluster[0] + 0.003 * k, cluster[1] + 0.002 * k, "Syria", "SY",
                           "Idlib", id=900 + k) for k in range(5)]
    try:
        register_local_places(villages)
        after = container_point(town, "west", countryside=True)
    finally:
        register_local_places([])
    assert after.places == before.places + 5
    assert distance_km(after.latitude, after.longitude, *cluster) < \
        distance_km(before.latitude, before.longitude, *cluster) - 3
    assert container_point(town, "west", countryside=True) == before  # and forgotten again


def test_a_side_where_the_gazetteer_knows_too_few_settlements_lies_on_the_bearing():
    city = _city("دير الزور")  # its south-west is desert (the west has villages since issue17-villages2)
    point = container_point(city, "south-west", countryside=True)
    assert point.places == 0 and "fewer than" in point.how
    assert _bearing_off(city.latitude, city.longitude, point.latitude, point.longitude, "south-west") < 1
    assert 5 <= point.km <= 20


# --------------------------------------------------------------------------- item 2: not the city

def test_a_village_in_the_countryside_of_the_capital_is_not_put_in_the_capital():
    [e] = _events("قتل شخصان بقصف طال منزلاً قرب قرية أم الطواحين في ريف العاصمة دمشق.")
    damascus = _city("دمشق")
    assert e.location == "أم الطواحين"
    assert distance_km(e.latitude, e.longitude, damascus.latitude, damascus.longitude) > urban_radius_km(damascus)
    assert e.admin1 == "Rural Damascus"


@pytest.mark.parametrize("text", [
    "قصفت الطائرات مواقع في ريف حمص، ما أدى إلى مقتل أربعة مقاتلين.",
    "Airstrikes killed four fighters in the Homs countryside on Monday.",
])
def test_a_countryside_with_no_place_of_its_own_is_named_as_the_countryside_away_from_its_city(text):
    [e] = _events(text)
    homs = _city("حمص")
    assert e.location == "Homs countryside" and e.geo_precision == 2 and e.admin1 == "Homs"
    assert urban_radius_km(homs) < distance_km(e.latitude, e.longitude, homs.latitude, homs.longitude) <= 25


def test_a_village_of_a_named_governorate_lies_in_it_away_from_its_seat():
    [e] = _events("أصيب راعيان بانفجار لغم في قرية أم الخراريف التابعة لمحافظة الرقة.")
    seat = _city("الرقة")
    assert e.location == "أم الخراريف" and e.geo_precision == 3 and e.admin1 == "Ar-Raqqa"
    assert distance_km(e.latitude, e.longitude, seat.latitude, seat.longitude) > urban_radius_km(seat)
    assert areas.in_admin1(e.latitude, e.longitude, "SY-RA")


def test_a_countryside_all_around_its_city_is_never_put_in_the_city():
    # a governorate seat's countryside surrounds it: the median of its settlements lies in the
    # city, so the point is the countryside settlement nearest that median
    gaz = load_gazetteer()
    seats = [p for p in gaz.places() if p.kind == "city" and p.country_code in ("SY", "IQ") and p.population > 150_000]
    assert len(seats) >= 10
    for city in seats:
        point = container_point(city, None, countryside=True)
        if point is not None:
            assert point.km > urban_radius_km(city), (city.name, point)


# --------------------------------------------------------------------------- never outside the container

COUNTRIES_WITH_POLYGONS = ("SY", "IQ", "YE", "LB", "LY", "PS", "SD")


def test_a_governorate_point_lies_inside_that_governorate_on_every_side():
    gaz = load_gazetteer()
    governorates = [p for p in gaz.places() if p.kind == "admin1" and p.country_code in COUNTRIES_WITH_POLYGONS]
    placed = 0
    for area in governorates:
        code = area.place_id.split(":", 1)[1]
        for side in (None, *BEARINGS):
            point = container_point(area, side, countryside=True)
            if point is None:
                continue
            placed += 1
            assert areas.in_admin1(point.latitude, point.longitude, code), (area.name, side, point)
    assert placed >= 300


def test_a_town_countryside_point_lies_in_its_own_governorate_or_the_one_that_rings_it():
    gaz = load_gazetteer()
    towns = [p for p in gaz.places() if p.kind in ("city", "town") and p.country_code in ("SY", "IQ", "YE")]
    placed = 0
    for town in towns:
        allowed = countryside_members(town.place_id).admin1
        for side in (None, "north", "south-east", "west"):
            for countryside in (True, False):
                point = container_point(town, side, countryside=countryside)
                if point is None:
                    continue
                placed += 1
                assert point.admin1 in allowed, (town.name, side, point)
                assert point.km <= (20 if countryside else 8) + 0.5
    assert placed >= 500


# --------------------------------------------------------------------------- an unknown village stays itself

def test_the_countryside_of_a_governorate_town_is_not_a_namesake_abroad():
    # القنيطرة is a Syrian governorate and its town, and a larger Moroccan city (Kenitra): with
    # nothing else in the text, the governorate's country wins
    found = _events("سقطت قذائف على أطراف قرية أم الحلازين في ريف القنيطرة الشمالي، وقتل فيها مزارع.")
    assert found and all(e.country == "Syria" and e.admin1 == "Quneitra" for e in found)


def test_an_unknown_village_is_not_merged_into_a_village_that_shares_only_its_head_word():
    # "بيت الشكوحي" and Bayt Yashut share بيت (Bayt), as hundreds of villages do; the rest does
    # not sound alike, so the unknown village keeps its name in its container
    [e] = _events("استهدفت غارة جوية أطراف قرية بيت الشكوحي في ريف اللاذقية، وقتل فيها مقاتلان.")
    assert e.location == "بيت الشكوحي" and e.admin1 == "Latakia" and e.geo_precision == 2


def test_an_event_word_after_an_ambiguous_place_noun_is_no_village():
    # مزارع is "farms" (a place noun) and "a farmer": "قتل مزارع بانفجار لغم" names no farms
    # called بانفجار, only the village after قرية
    found = _events("قتل مزارع بانفجار لغم في قرية أم الخراريف في محافظة الرقة.")
    assert [e.location for e in found] == ["أم الخراريف"]


# --------------------------------------------------------------------------- item 6's boundary: capitals that speak

CAPITAL_SPEAKS = [
    ("أعلنت بيروت أنها ستقدم شكوى بعد مقتل ثلاثة مدنيين بغارة إسرائيلية على بلدة الخيام.", "Beirut"),
    ("اتهمت أنقرة المسلحين الأكراد بقتل جنديين في هجوم على قاعدة في دهوك.", "Ankara"),
    ("قالت دمشق إن غارة إسرائيلية قتلت أربعة جنود في ريف القنيطرة.", "Damascus"),
    ("ردت طهران على مقتل ثلاثة من مستشاريها بغارة على مطار الشعيرات.", "Tehran"),
    ("أدانت الرياض الهجوم الحوثي الذي أسفر عن مقتل شخصين في جازان.", "Riyadh"),
    ("رحبت واشنطن بمقتل قيادي في تنظيم داعش بغارة قرب إدلب.", "Washington"),
]


@pytest.mark.parametrize("text, capital", CAPITAL_SPEAKS)
def test_a_capital_standing_for_its_government_is_no_event_place(text, capital):
    found = _events(text)
    assert found and all(e.location != capital for e in found)


def test_a_capital_where_the_event_happens_is_its_place():
    found = _events("قُتل ثلاثة أشخاص بانفجار سيارة مفخخة في بيروت.")
    assert [e.location for e in found] == ["Beirut"]


@pytest.mark.parametrize("text, side, name", [
    ("Shelling killed two civilians in the eastern countryside of Hama.", "east", "Eastern Hama countryside"),
    ("Shelling killed two civilians in eastern Hama countryside.", "east", "Eastern Hama countryside"),
    ("Shelling killed two civilians in north-western Idlib countryside.", "north-west",
     "North-western Idlib countryside"),
])
def test_an_english_side_of_a_countryside_is_read_and_placed(text, side, name):
    [e] = _events(text)
    town = _city({"Hama": "حماة", "Idlib": "إدلب"}[e.admin1])
    assert e.location == name and e.geo_precision == 2
    assert _bearing_off(town.latitude, town.longitude, e.latitude, e.longitude, side) <= 67.5


# --------------------------------------------------------------------------- a namesake's adjective

@pytest.mark.parametrize("text, village, container, country", [
    # a city abroad (Zarqa, Jordan) named with a village noun and its own adjective
    ("قُتل راعٍ بانفجار لغم قرب قرية الزرقاء الكبرى في ريف حلب الجنوبي.", "الزرقاء الكبرى", "حلب", "SY"),
    # a town of the same country 200 km off (al-Mansurah of Aden)
    ("استهدفت غارة منزلاً في قرية المنصورة السفلى بمديرية حيس، وقتل فيها طفلان.", "المنصورة السفلى", "حيس", "YE"),
    # a city of the same country (Ramadi) named like a village of another governorate
    ("هاجم مسلحون قرية الرمادي الصغيرة في قضاء الحويجة وقتلوا ثلاثة مزارعين.", "الرمادي الصغيرة", "الحويجة", "IQ"),
    # a city of the same country 30 km off (Tyre) named like a village of another district
    ("قُتل شخص بغارة من مسيّرة على سيارة في بلدة صور الجديدة في قضاء مرجعيون.", "صور الجديدة", "مرجعيون", "LB"),
])
def test_a_village_named_like_a_known_place_with_its_own_adjective_lies_in_its_container(
        text, village, container, country):
    """"قرية X الصغرى/العليا/الجديدة" is a village of its own, not X: when no gazetteer knows it, the
    record keeps its whole name and lies in the container the text gives, never at the namesake."""
    [e] = _events(text)
    seat = next(p for p in load_gazetteer().lookup(container) if p.country_code == country and not p.is_area)
    assert e.location == village and e.country == seat.country
    assert e.geo_precision == 2
    assert distance_km(e.latitude, e.longitude, seat.latitude, seat.longitude) <= 30.0
    assert all(distance_km(e.latitude, e.longitude, p.latitude, p.longitude) > 10.0
               for p in load_gazetteer().lookup(village.split()[0]) if p.country_code != country or
               distance_km(p.latitude, p.longitude, seat.latitude, seat.longitude) > 30.0)


@pytest.mark.parametrize("text, town", [
    ("قتل مدنيان بقذائف سقطت على مدينة الموصل القديمة.", "الموصل"),
    ("أصيب ثلاثة أشخاص بانفجار عبوة في حي دمشق القديمة.", "دمشق"),
])
def test_a_city_with_its_own_adjective_and_no_village_noun_is_that_city(text, town):
    # "الموصل القديمة" is the old city of Mosul: only a village noun makes the adjective a new name
    [e] = _events(text)
    city = next(p for p in load_gazetteer().lookup(town) if p.kind == "city")
    assert distance_km(e.latitude, e.longitude, city.latitude, city.longitude) <= 10.0


@pytest.mark.parametrize("text", [
    "قصفت الطائرات قرية كفرنبودة الصغيرة بريف حماة الشمالي وقتل طفلان.",
    "قصفت الطائرات قرية كفرنبودة الصغيرة وقتل طفلان.",
])
def test_a_known_village_with_a_describing_adjective_keeps_its_place(text):
    # "قرية X الصغيرة" may only say that a village the gazetteer knows is small: it stays X
    [e] = _events(text)
    village = next(p for p in load_gazetteer().lookup("كفرنبودة") if p.country_code == "SY")
    assert e.geo_precision == 1
    assert distance_km(e.latitude, e.longitude, village.latitude, village.longitude) <= 1.0


def test_a_village_named_like_a_city_with_its_own_adjective_is_no_town_that_sounds_like_it():
    # Aden is set aside (300 km off); "Ad Dann", a Dhamar village that sounds like عدن, is no
    # better: the name is عدن الجديدة, which no gazetteer knows, so the governorate places it
    [e] = _events("اندلعت اشتباكات في بلدة عدن الجديدة بمديرية الحصن في محافظة ذمار قتل فيها مسلحان.")
    gaz = load_gazetteer()
    assert e.location == "عدن الجديدة" and e.country == "Yemen" and e.geo_precision in (2, 3)
    dhamar = next(p for p in gaz.lookup("ذمار") if p.kind == "admin1")
    assert distance_km(e.latitude, e.longitude, dhamar.latitude, dhamar.longitude) <= 60.0
    for other in gaz.lookup("عدن") + [p for p in gaz.places() if p.name == "Ad Dann"]:
        assert distance_km(e.latitude, e.longitude, other.latitude, other.longitude) > 10.0, other
