"""Places, classes from the thirteenth tune half's Lebanese and Yemeni reports (s17 levant).

1. An area no gazetteer knows (a valley, a plain, a grove) that only its region or governorate
   locates, on a road the sentence names by its ends (على طريق X - Y), lies near the road's
   known end: precision 2 there, not the region's centre at precision 3.
2. A place after a reference phrase (المحاذية لمديرية X) followed by a side of a governorate
   (، شمالي Y) says where the reference lies: Y is no event place of its own.
3. "في إحدى مديريات X"، "في أحد أقضية X": one of the districts of X is somewhere in the
   governorate X, not in its capital city of the same name.
"""
from __future__ import annotations

import pytest

import marsad
from marsad.geo.gazetteer import distance_km


def _events(text: str, published: str = "2024-10-05"):
    return marsad.extract(text, published, min_confidence=0)


# --- 1. an unknown area on a road with a known end ---------------------------------------------

@pytest.mark.parametrize("text, lat, lon", [
    # Srifa (South Lebanon)
    ("استهدفت مسيرة إسرائيلية سيارة في منطقة وادي الصفا، على طريق صريفا - دير كيفا في جنوب لبنان، ما أدى إلى مقتل شخصين.",
     33.281, 35.397),
    # Bint Jbeil (Nabatieh): the road's other end is no known place
    ("قتل شاب بغارة إسرائيلية على دراجته النارية في منطقة وادي العصافير، على طريق بنت جبيل - خربة الكرمة في جنوب لبنان.",
     33.119, 35.433),
    # Amerli (Salah al-Din)
    ("انفجرت عبوة ناسفة بسيارة عسكرية في منطقة بساتين الحمرين على طريق آمرلي - ناحية المنصورية الجديدة في محافظة صلاح الدين فقتل جنديان.",
     34.72, 44.59),
    # Ithriya (Hama)
    ("انفجر لغم بسيارة مدنية في منطقة وادي العذيب، على طريق أثريا - خربة الطويلة في محافظة حماة فقتل راعيان.",
     35.36, 37.63),
])
def test_an_unknown_area_on_a_road_lies_near_the_roads_known_end(text, lat, lon):
    found = [e for e in _events(text) if e.latitude is not None]
    assert found, text
    e = found[0]
    assert e.geo_precision == 2, (e.location, e.geo_precision)
    assert distance_km(e.latitude, e.longitude, lat, lon) < 10, (e.location, e.latitude, e.longitude)


def test_a_town_of_the_road_stays_its_own_place():
    """A known town on the road keeps its own point (the rule is only for a name no gazetteer knows)."""
    found = _events("قتل شخص بغارة إسرائيلية على سيارة في بلدة الزرارية على طريق الزرارية - صريفا في جنوب لبنان.")
    assert [(e.location, e.geo_precision) for e in found] == [("Zrariyeh", 1)]


# --- 2. a side of a governorate that locates a reference ---------------------------------------

@pytest.mark.parametrize("text, place", [
    ("قتل جندي خلال صد هجوم حوثي على جبهة حيفان المحاذية لمديرية طور الباحة، شمالي لحج.", "Hayfan"),
    ("قتل مقاتلان في اشتباكات مع الحوثيين في جبهة مريس المحاذية لمديرية قعطبة، شمالي الضالع.", "Muris"),
    ("أصيب ثلاثة جنود بهجوم حوثي على مواقع في مديرية الملاجم المحاذية لمديرية ناطع، شرقي البيضاء.", "Al Malajim"),
])
def test_a_side_of_a_governorate_after_a_reference_is_no_event_place(text, place):
    assert [e.location for e in _events(text)] == [place]


# --- 3. one of the districts of a governorate --------------------------------------------------

@pytest.mark.parametrize("text, admin1", [
    ("أصيب مواطن برصاص قناص في إحدى مديريات الحديدة مساء الخميس.", "Al Hudaydah"),
    ("قتل طفل بانفجار لغم في إحدى مديريات تعز.", "Taizz"),
    ("قتل ثلاثة أشخاص في هجوم مسلح في أحد أقضية كركوك.", "Kirkuk"),
])
def test_one_of_the_districts_of_a_governorate_is_the_governorate(text, admin1):
    found = _events(text)
    assert found
    assert all(e.geo_precision == 3 and e.admin1 == admin1 for e in found), \
        [(e.location, e.admin1, e.geo_precision) for e in found]
