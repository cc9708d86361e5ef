"""A body that records (رصد، وثق، سجل) a number of events (three or more before an event word) with no
day of its own counts many events over a span, a tally, not one event. With a day of its own, or
recording one act (رصد ناشطون قصفا مدفعيا), it tells the event."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "رصد موقع الجيش أربع مجازر ارتكبها الحوثيون من خلال القصف العشوائي على مدينة تعز خلال 10 أيام.",
    "وسجلت المنظمة خمس هجمات بطائرات مسيرة على مدينة الحديدة خلال الأسبوعين الماضيين.",
    "ووثق الفريق ست هجمات بالعبوات الناسفة استهدفت دوريات للشرطة في مدينة درعا.",
])
def test_a_recorded_number_of_events_is_a_tally(text):
    found = marsad.extract(text, "2018-09-24", min_confidence=0)
    assert not found, [(e.sub_event_type, e.location) for e in found]


@pytest.mark.parametrize("text, place", [
    ("وثق المرصد اليوم ثلاث غارات على بلدة كفرنبل أسفرت عن مقتل مدنيين.", "Kafranbel"),
    ("رصد ناشطون قصفا مدفعيا على بلدة كفرنبل أدى إلى مقتل مدنيين.", "Kafranbel"),
])
def test_a_recorded_act_with_its_day_or_alone_is_an_event(text, place):
    found = marsad.extract(text, "2018-09-24", min_confidence=0)
    assert [e.location for e in found] == [place], [(e.sub_event_type, e.location) for e in found]
