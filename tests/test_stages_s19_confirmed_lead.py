"""A lead dated only by the page's dateline that counts the dead of an act, and right after it a source
confirming an act of its kind at its place with a day and no count of its own, tell one event on that
day (not two: one on the dateline's day with the dead, one on the confirmed day without)."""
import pytest

import marsad


@pytest.mark.parametrize("text, day", [
    ("date 2019-05-25 قتل 5 جنود في هجوم لمسلحين على حاجز للجيش في مدينة العريش.\nوأكدت مصادر قبلية وقوع هجوم "
     "نفذه مسلحون مجهولون فجر الخميس على الحاجز.", "2019-05-23"),
    ("date 2019-05-25 قتل 9 أشخاص في قصف لقوات الدعم السريع على مدينة نيالا، بحسب مصدر طبي.\nوأكدت لجان المقاومة "
     "وقوع قصف مدفعي نفذته الدعم السريع الجمعة على أحياء سكنية داخل المدينة.", "2019-05-24"),
])
def test_a_dateline_lead_confirmed_with_a_day_is_one_event_on_that_day(text, day):
    found = marsad.extract(text, "2019-05-25", min_confidence=0)
    assert [(e.event_date, e.fatalities > 0) for e in found] == [(day, True)], \
        [(e.location, e.event_date, e.fatalities) for e in found]
