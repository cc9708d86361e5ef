"""Places of the region outside Syria and Iraq, through the whole extractor (issue 17's
country groups): the gazetteer's additions, a district of Yemen as a container, and the
two resolution rules they needed (a district's reach for a name found by its sound, a
two-word side such as جنوب غرب)."""
from __future__ import annotations

import pytest

from marsad.geo.gazetteer import distance_km
from located import first_located


def _located(text: str):
    return first_located(text, "2024-03-05")


@pytest.mark.parametrize("text, lat, lon, country", [
    ("قتل ثلاثة مدنيين بقصف مدفعي على مدينة كوستي في ولاية النيل الأبيض.", 13.16, 32.66, "Sudan"),
    ("قصفت طائرات مسيرة مستودعات للوقود في ميناء راس لانوف شرقي سرت، ما أدى إلى مقتل حارسين.",
     30.48, 18.56, "Libya"),
    ("قتل أربعة صيادين بانفجار لغم بحري في مدينة المخاء غربي تعز.", 13.32, 43.25, "Yemen"),
    ("اغتال مسلحون مجهولون ناشطاً في مدينة تاجوراء شرقي طرابلس.", 32.88, 13.35, "Libya"),
])
def test_a_town_the_packages_lack_is_found(text, lat, lon, country):
    event = _located(text)
    assert event.country == country
    assert distance_km(event.latitude, event.longitude, lat, lon) < 5


def test_an_island_named_like_a_somali_town_is_told_by_its_country():
    event = _located("أطلق مسلح النار على دورية أمنية في جزيرة جربة جنوب تونس، ما أدى إلى مقتل شرطي.")
    assert event.country == "Tunisia"


def test_a_village_no_gazetteer_knows_takes_its_district_not_a_town_that_sounds_like_it():
    # "المحجر" sounds like Majzar, a district seat 35 km from Raghwan's: the village is in Raghwan
    event = _located("قصف الحوثيون قرية المحجر الأعلى في مديرية رغوان شمال غربي مأرب، ما أدى إلى مقتل امرأة.")
    assert event.location.startswith("المحجر")
    assert event.geo_precision == 2
    assert distance_km(event.latitude, event.longitude, 15.75, 45.05) < 1


def test_a_district_known_only_with_its_noun_is_placed():
    event = _located("اندلعت اشتباكات قبلية في مديرية خمر بمحافظة عمران وقتل فيها خمسة مسلحين.")
    assert event.location == "Khamir"
    assert distance_km(event.latitude, event.longitude, 15.99, 43.95) < 2


@pytest.mark.parametrize("side", ["جنوب غرب", "جنوب غربي"])
def test_a_town_beyond_reach_lies_on_the_side_two_words_name(side):
    # Asabi'a is 100 km south-south-west of Tripoli: "west" alone is 70 degrees off, "south-west" 27
    event = _located(f"قتل جنديان في هجوم على حاجز عسكري في بلدة الأصابعة {side} طرابلس.")
    assert event.location == "Al Asabiah"
    assert event.geo_precision == 1


def test_a_town_named_like_its_district_keeps_its_clitic_reading():
    # the district file's names are place names, not words of marsad's lexicons (place_stopwords)
    event = _located("أصيب ثلاثة أطفال بقذيفة سقطت على سوق شعبي بزبيد جنوبي الحديدة.")
    assert (event.location, event.geo_precision) == ("Zabid", 1)


def test_a_name_with_its_direction_adjective_starts_at_a_word_not_inside_the_place_noun():
    from marsad.pipeline import analyse
    text = "استهدفت غارة إسرائيلية منزلاً في بلدة الخيام الجنوبية، ما أدى إلى مقتل شخصين."
    mentions = analyse(text, "2024-02-05", upto="places").places.mentions
    assert mentions, "no place mention"
    for pm in mentions:
        assert pm.text == text[pm.start:pm.end]
        assert pm.start == 0 or text[pm.start - 1] == " ", pm.text  # not "دة الخيام" out of "بلدة"


@pytest.mark.parametrize("text, place_id", [
    ("وقف المتظاهرون على الخط الأزرق وألقوا الحجارة باتجاه الجنود.", "cur:jo-azraq"),
    ("قال الأطباء إن متحور بيتا أسرع انتشاراً من غيره.", "cur:ps-beita"),
])
def test_a_common_word_that_names_a_town_is_no_place_without_its_noun(text, place_id):
    from marsad.arabic.tokenise import make_doc
    from marsad.geo.places import find_place_mentions
    assert place_id not in {c.place_id for pm in find_place_mentions(make_doc(text)) for c in pm.candidates}
    with_noun = text.replace("الخط الأزرق", "بلدة الأزرق").replace("متحور بيتا", "بلدة بيتا")
    assert place_id in {c.place_id for pm in find_place_mentions(make_doc(with_noun)) for c in pm.candidates}
