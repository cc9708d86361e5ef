"""A relative clause right after an event word's clause whose verb says where the event went on
("الاشتباكات في ريف دير الزور، والتي تركزت في مناطق X وY"، "القصف الذي طال قرى X وY") gives the
event's own places, more precise than the wider place of the event word's clause."""
import pytest

import marsad


@pytest.mark.parametrize("text, places", [
    ("اندلعت اليوم اشتباكات عنيفة بين الجيش العراقي ومسلحي داعش في محافظة ديالى، والتي تركزت في ناحيتي "
     "العظيم وقره تبه.", {"Al-Udhaim", "Qara Tapa"}),
    ("دارت صباح اليوم معارك بين فصائل المعارضة وقوات النظام في ريف إدلب الجنوبي، والتي تركزت في بلدات كفرنبل "
     "وحاس.", {"Kafranbel", "Has"}),
    ("قصفت قوات النظام اليوم ريف حلب الغربي بالمدفعية، في قصف مكثف والذي طال قرى الأتارب وكفرنوران.",
     {"Al-Atarib", "Kafr Nouran"}),
    ("اندلعت صباح اليوم اشتباكات بين مقاتلين من العشائر وقوات سوريا الديمقراطية في ريف دير الزور الشرقي، "
     "وتركزت في بلدات ذيبان والطيانة والشحيل.", {"Dhiban", "Al-Tayyana", "Al-Shuhayl"}),
])
def test_a_relative_clause_of_where_the_event_went_on_places_it(text, places):
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert {e.location for e in found} == places, [(e.location, e.sub_event_type) for e in found]


def test_a_relative_clause_of_another_kind_does_not_place_the_event():
    text = "اندلعت اليوم اشتباكات بين الجيش ومسلحين في مدينة الرمادي التي تقع غرب بغداد."
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert [e.location for e in found] == ["Ramadi"]


def test_a_town_before_the_verb_keeps_its_own_event():
    text = "اندلعت اليوم اشتباكات بين الجيش ومسلحين في مدينة الرمادي، ودارت أيضا في مدينة الفلوجة."
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert "Ramadi" in {e.location for e in found}, [(e.location, e.sub_event_type) for e in found]
