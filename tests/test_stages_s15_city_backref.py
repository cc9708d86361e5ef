""""وسط المدينة" refers back to the town the text is about, not to the town a distance was measured
from: "في مدينة اعزاز (42 كم شمال مدينة حلب) ... وسط المدينة" is in Azaz."""
import pytest

import marsad

DAY = "2019-09-03"


@pytest.mark.parametrize("text, town, not_town", [
    ("قتل شخص الثلاثاء بانفجار دراجتين مفخختين في مدينة اعزاز (42 كم شمال مدينة حلب). الدراجة المفخخة الأولى "
     "كانت مركونة أمام مطعم شعبي وسط المدينة، وأدى انفجارها لمقتل شخص. كما انفجرت دراجة مفخخة ثانية قرب مبنى "
     "دار الأيتام وسط المدينة.", "Azaz", "Aleppo"),
    ("انفجرت سيارتان مفخختان اليوم في مدينة الباب (38 كم شرق مدينة حلب). السيارة المفخخة الثانية كانت متوقفة "
     "قرب سوق شعبي وسط المدينة، وأصاب انفجارها ثلاثة مدنيين. كما انفجرت عبوة ناسفة قرب مدرسة وسط المدينة.",
     "Al-Bab", "Aleppo"),
])
def test_the_city_is_the_one_told_not_the_distance_reference(text, town, not_town):
    places = {e.location for e in marsad.extract(text, DAY)}
    assert town in places and not_town not in places, places


def test_the_city_told_alone_is_still_found():
    found = marsad.extract("أفادت مصادر أمنية في مدينة كركوك بمقتل خمسة أشخاص بتفجير عبوة ناسفة وسط المدينة اليوم.", DAY)
    assert {e.location for e in found} == {"Kirkuk"}


@pytest.mark.parametrize("text, town", [
    ("أعلنت السلطات اللبنانية مقتل شخص في غارة إسرائيلية استهدفت سيارة بين بلدتي تولين وقلاوية في جنوب لبنان. "
     "وذكرت الوزارة أن الغارة أسفرت عن مقتل شخص من بلدة مجدل سلم يدعى محمد.", "Touline"),
    ("انفجرت عبوة ناسفة بدورية للجيش قرب بلدة الطارمية اليوم. وأسفر الانفجار عن مقتل جندي من أبناء مدينة "
     "الموصل.", "Tarmiyah"),
])
def test_a_definite_event_word_names_the_event_told_not_a_victim_s_home_town(text, town):
    places = {e.location for e in marsad.extract(text, "2025-09-14")}
    assert places == {town}, places
