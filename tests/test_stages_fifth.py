"""Classes of the fifth set's tune half (issue 16). Every wording is our own; none is an article's
sentence.

A back-reference with no day of its own joins the event it refers to: an attack told with its day,
then named again in a later sentence by a definite word (الهجوم) beside other words of violence
(الذبح، الإعدام، هجمات التنظيم) with no day, place or toll of their own, is the event already told,
not a second record on the report's day."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

THURSDAY = date(2022, 1, 20)


def records(text: str) -> list[tuple]:
    return [(e.event_type, e.location, str(e.event_date), e.fatalities)
            for e in marsad.extract(text, published=THURSDAY)]


# --------------------------------------------------------------------------- a back-reference joins its event

@pytest.mark.parametrize("text, expected", [
    # Iraq: الهجوم, then الذبح (a strong word of killing) and هجمات داعش in the same unit
    ("الرمادي 20 يناير 2022 تبنى تنظيم داعش ليلة الثلاثاء الأربعاء هجوما على حاجز للجيش العراقي وأودى "
     "بحياة عشرة جنود. وقال ضابط إن هجوما استهدف حاجزا عسكريا عند مدخل بلدة هيت فجر يوم الثلاثاء وأسفر "
     "عن مقتل عشرة جنود. وعن كيفية ربط الهجوم بالتنظيم قال إن الجثث حملت آثار الذبح وهي عادة ما ترتبط "
     "بأسلوب هجمات داعش.",
     [("Battles", "Hit", "2022-01-18", 10)]),
    # Yemen: another verb (اقتحموا), a passive of killing (تعرضوا للذبح), a district
    ("أبين 20 يناير 2022 نفذ عناصر من القاعدة فجر الأربعاء هجوما على موقع للقوات الحكومية أسفر عن مقتل "
     "تسعة جنود. وقال قائد عسكري إن المسلحين اقتحموا موقعا للجيش في مديرية مودية صباح الأربعاء وقتلوا "
     "تسعة جنود. وفي ما يخص الهجوم أوضح القائد أن الجنود تعرضوا للذبح بعد أسرهم كما في هجمات القاعدة "
     "السابقة.",
     [("Battles", "Mudiyah", "2022-01-19", 9)]),
    # Libya: حول الهجوم ... آثار التصفية, the event's day in the evening of Sunday
    ("بنغازي 20 يناير 2022 تبنى تنظيم الدولة ليلة الأحد الاثنين هجوما على بوابة أمنية خلف خمسة قتلى من "
     "الجيش. وذكر ضابط أن هجوما مسلحا استهدف بوابة للجيش عند مدخل مدينة أجدابيا مساء الأحد وأسفر عن "
     "مقتل خمسة عسكريين. وحول الهجوم قال الضابط إن الجثث حملت آثار التصفية وهو ما يميز هجمات التنظيم.",
     [("Battles", "Ajdabiya", "2022-01-16", 5)]),
])
def test_an_undated_back_reference_is_the_event_told_before(text, expected):
    assert records(text) == expected


def test_a_later_killing_with_a_day_and_toll_of_its_own_stays_an_event():
    # the same place, but its own day (today) and its own dead: a second event, not the first retold
    text = ("أبين 20 يناير 2022 نفذ عناصر من القاعدة فجر الأربعاء هجوما على موقع للقوات الحكومية أسفر عن "
            "مقتل تسعة جنود في مديرية مودية. وفي هجوم آخر اليوم الخميس أعدم المسلحون ثلاثة مدنيين في "
            "مديرية مودية.")
    got = records(text)
    assert ("Battles", "Mudiyah", "2022-01-19", 9) in got, got
    assert any(r[2] == "2022-01-20" and r[3] == 3 for r in got), got
