"""Blowing up told by its verb, and what "had happened before" means when a day is named.

"فجر مسلحون مجهولون جرافة عسكرية": the verb of blowing up with armed men of no state right after it is
a remote explosive (alone the word is as often the noun "dawn", and a state force blowing up a tunnel
is no attack). "وسبق أن" (it had happened before) makes background, unless the event's clause names a
day (الإثنين، أمس): then it is an earlier event of that day or week, dated by it."""
import pytest

import marsad


def _events(text):
    return marsad.extract(text, "2019-01-07", min_confidence=0)


@pytest.mark.parametrize("text, place", [
    ("فجر مسلحون مجهولون، الإثنين، جرافة عسكرية تابعة للجيش جنوب مدينة الشيخ زويد، مما أدى إلى مقتل سائقها.",
     "Ash Shaykh Zuwayd"),
    ("وفجر عناصر من التنظيم منزل قيادي في الحشد الشعبي في قرية البو عجيل اليوم.", "Albu Ajil"),
    ("فجر متشددون مبنى البلدية في مدينة العريش صباح اليوم.", "Arish"),
])
def test_armed_men_blowing_something_up_is_a_remote_explosive(text, place):
    found = _events(text)
    assert any(e.location == place and e.sub_event_type == "Remote explosive/landmine/IED" for e in found), \
        [(e.sub_event_type, e.location) for e in found]


@pytest.mark.parametrize("text", [
    "فجر الجيش نفقا للمسلحين قرب مدينة رفح اليوم.",
    "وصلت التعزيزات إلى مدينة العريش فجر اليوم.",
])
def test_a_state_force_blowing_up_a_tunnel_or_the_dawn_is_no_attack(text):
    found = _events(text)
    assert all(e.sub_event_type != "Remote explosive/landmine/IED" for e in found), \
        [(e.sub_event_type, e.location) for e in found]


@pytest.mark.parametrize("text, place, day", [
    ("قتل مجندان في تفجير عبوة ناسفة بآلية للجيش مساء الإثنين جنوب مدينة رفح.\nوسبق أن فجر مسلحون مجهولون، الإثنين، "
     "جرافة عسكرية تابعة للجيش جنوب مدينة الشيخ زويد، مما أدى إلى مقتل سائقها.", "Ash Shaykh Zuwayd", "2019-01-07"),
    ("قتل جندي في هجوم على حاجز في مدينة العريش اليوم.\nوسبق أن قتل مسلحون ثلاثة جنود في هجوم على حاجز في مدينة الشيخ "
     "زويد أمس.", "Ash Shaykh Zuwayd", "2019-01-06"),
])
def test_what_happened_before_on_a_named_day_is_an_event_of_that_day(text, place, day):
    found = _events(text)
    assert any(e.location == place and e.event_date == day for e in found), \
        [(e.sub_event_type, e.location, e.event_date) for e in found]


def test_what_happened_before_with_no_day_stays_background():
    found = _events("قتل جندي في هجوم على حاجز في مدينة العريش اليوم.\nوسبق أن قتل مسلحون ثلاثة جنود في هجوم على حاجز "
                    "في مدينة الشيخ زويد.")
    assert [e.location for e in found] == ["Arish"], [(e.sub_event_type, e.location) for e in found]
