"""A count told after a phrase that brings in an earlier event (بعد ثلاثة أيام من هجوم مماثل أودى
بحياة 12، بعد يومين من غارة قتلت خمسة، ردا على هجوم قتل خمسة جنود) is that event's dead, not added
to the event told before the phrase."""
import pytest

import marsad

DAY = "2022-12-22"


@pytest.mark.parametrize("text, deaths", [
    ("قتل ثلاثة جنود عراقيين بانفجار عبوة ناسفة قرب قضاء الحويجة أمس، بعد ثلاثة أيام من هجوم مماثل أودى "
     "بحياة 12 من عناصر الشرطة الاتحادية.", 3),
    ("قتل مدنيان بقصف مدفعي على بلدة كفرنبل اليوم، بعد يومين من غارة جوية قتلت خمسة مدنيين في البلدة.", 2),
    ("أصيب أربعة مدنيين بقصف صاروخي على مدينة إدلب اليوم، وذلك بعد أسبوع من غارة أودت بحياة تسعة أشخاص.", 0),
    ("شنت الطائرات غارات على بلدة كفرنبل اليوم ردا على هجوم قتل خمسة جنود أمس.", 0),
])
def test_a_count_of_an_earlier_event_is_not_added(text, deaths):
    found = marsad.extract(text, DAY)
    assert found and found[0].fatalities == deaths, [(e.location, e.fatalities) for e in found]


def test_a_count_before_the_phrase_stays():
    found = marsad.extract("قتل خمسة مدنيين بقصف مدفعي على بلدة كفرنبل اليوم بعد ساعات من بدء الهجوم على "
                           "البلدة.", DAY)
    assert [e.fatalities for e in found] == [5]
