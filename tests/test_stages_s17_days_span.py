"""A toll told over a span of two days or more ("لقي أكثر من 400 مدني مصرعهم في خمسة أيام من الغارات"،
"أسفرت الغارات خلال يومين عن مقتل 20") is a sum of days, no one day's event's toll: the event keeps no
such count. A point in time (قبل ثلاثة أيام) is no span."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "لقي أكثر من 400 مدني مصرعهم، في خمسة أيام من الغارات الجوية والقصف الذي تشنه قوات النظام على الغوطة "
    "الشرقية.",
    "أسفرت الغارات على بلدة سراقب خلال يومين عن مقتل 20 مدنيا.",
    "قتل أكثر من 60 شخصا في أربعة أيام من القصف الجوي على مدينة الفاشر.",
])
def test_a_toll_over_days_is_no_days_toll(text):
    found = marsad.extract(text, "2018-02-22", min_confidence=0)
    assert found and all(e.fatalities == 0 for e in found), [(e.location, e.fatalities) for e in found]


def test_a_point_in_time_is_no_span():
    text = "قتل 12 مدنيا في غارة جوية على بلدة سراقب قبل ثلاثة أيام، وفق ما أعلن الدفاع المدني اليوم."
    found = marsad.extract(text, "2018-02-22", min_confidence=0)
    assert [e.fatalities for e in found] == [12]
