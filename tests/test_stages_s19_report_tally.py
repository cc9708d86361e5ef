"""An article that opens with a periodic report's count (إحصائيتها لشهر كانون الثاني، تقريره الشهري)
tells, in a unit with no day of its own, a share of that month's count: many events, not one. A unit
with a day of its own (وفي تفاصيل اليوم ... صباح اليوم) is still an event; so is the same sentence in an
article with no such report. "لشهر آذار" (with its ل) is a month."""
from datetime import date

import pytest

import marsad
from marsad.arabic.tokenise import make_doc
from marsad.dates import find_dates

REPORT = ("أصدر المرصد السوري تقريره الشهري لشهر آذار، ووثق فيه مقتل 230 مدنيا في مختلف المحافظات السورية.\n"
          "وأوضح التقرير أن 12 مدنيا بينهم أربعة أطفال قتلوا جراء غارات روسية على مدينة خان شيخون.")


@pytest.mark.parametrize("text", [
    REPORT,
    "كشفت الشبكة عن إحصائيتها لشهر تموز لعدد الضحايا في العراق.\nوبينت الشبكة أن القوات التركية تتحمل مسؤولية مقتل 5 "
    "مدنيين جراء غارات جوية نفذتها طائراتها على قضاء سنجار.",
])
def test_a_share_of_a_monthly_report_is_no_event(text):
    found = marsad.extract(text, "2018-04-02", min_confidence=0)
    assert not found, [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_unit_with_its_own_day_in_a_report_article_is_an_event():
    found = marsad.extract(REPORT + "\nوفي تفاصيل اليوم، قتل 3 مدنيين في غارة جوية على بلدة كفرنبل صباح اليوم.",
                           "2018-04-02", min_confidence=0)
    assert [(e.location, e.fatalities) for e in found] == [("Kafranbel", 3)]


def test_the_same_share_without_a_report_is_an_event():
    found = marsad.extract("قتل 12 مدنيا بينهم أربعة أطفال جراء غارات روسية على مدينة خان شيخون.", "2018-04-02",
                           min_confidence=0)
    assert [e.location for e in found] == ["Khan Shaykhun"]


@pytest.mark.parametrize("text, month", [("حصيلتها الأخيرة لشهر كانون الثاني/ يناير، لعدد القتلى", "month:01"),
                                         ("وبشهر آذار الماضي قتل", "month:03:last")])
def test_a_month_after_a_clitic_month_word_is_a_month(text, month):
    assert [m.key for m in find_dates(make_doc(text), date(2018, 4, 2))] == [month]
