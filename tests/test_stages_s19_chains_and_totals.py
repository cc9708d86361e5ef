"""Two classes from a hand sample of the ANT stream.

A time or cause word that heads a verbal noun of doing (منذ نجاح القوات في السيطرة، عقب قيام مسلحين
باغتيال، بعد إعلان الجيش استعادة) names an earlier event through that noun's complement: the event is
the subordinate one, as if the event word stood right after the time word.

A toll whose sentence names two or more incidents (في واقعتين منفصلتين، في هجومين) is their total; a
smaller count told later for one of them is a part of it, not more dead."""
import pytest

import marsad


def _events(text, pub="2018-06-21"):
    return marsad.extract(text, pub, min_confidence=0)


@pytest.mark.parametrize("text", [
    "ومنذ نجاح القوات المشتركة في انتزاع السيطرة على مطار الحديدة، أقدم الحوثيون على شن سلسلة أعمال انتقامية.",
    "وبعد نجاح الجيش في السيطرة على بلدة القريتين، بدأ التنظيم بشن هجمات متفرقة على الطريق.",
    "ومنذ تمكن الفصائل من السيطرة على مدينة جرابلس، تشهد المنطقة هدوءا نسبيا.",
    "ومنذ إعلان القوات العراقية استعادة السيطرة على مدينة الموصل، عاد آلاف النازحين إلى منازلهم.",
])
def test_the_complement_of_a_verbal_noun_after_a_time_word_is_the_earlier_event(text):
    found = _events(text)
    assert not found, [(e.sub_event_type, e.location) for e in found]


@pytest.mark.parametrize("text, place", [
    # the same capture in a main clause is the event
    ("أعلن الجيش العراقي اليوم السيطرة على مدينة القائم بعد نجاح قواته في طرد التنظيم.", "Al-Qaim"),
    # the verbal noun's act after بعد, with the dead told before it, is how they died
    ("قتل ثلاثة مدنيين في مدينة الباب اليوم بعد قيام مسلحين بإطلاق النار عليهم.", "Al-Bab"),
    # what was announced (إعلان ... أن) is news told, not the act of the noun
    ("ويأتي النفي عقب إعلان المرصد السوري أن غارات أوقعت 44 قتيلا في قرية زردانا بريف إدلب ليل الخميس.", "Zardana"),
])
def test_a_main_event_or_a_cause_of_death_stays(text, place):
    found = _events(text)
    assert any(e.location == place for e in found), [(e.sub_event_type, e.location) for e in found]


@pytest.mark.parametrize("text, total", [
    ("قال قائد عسكري إن مسلحين هاجموا نقطة تفتيش وفتحوا النار على مدنيين في واقعتين منفصلتين بمدينة سرت، ما "
     "أسفر عن مقتل خمسة أشخاص. وأضاف أن الهجوم وقع الثلاثاء عندما اقتحم انتحاري بسيارته الملغومة نقطة تفتيش "
     "تابعة للجيش، ما أدى إلى مقتل ثلاثة أشخاص.", 5),
    ("لقي ستة أشخاص مصرعهم في هجومين استهدفا سوقا شعبية في مدينة بعقوبة مساء الأحد. وقالت الشرطة إن أربعة "
     "أشخاص قتلوا في الهجوم الأول.", 6),
    ("قتل تسعة مدنيين بتفجيرين في مدينة الرمادي يوم الأحد، وقال مسؤول محلي إن خمسة مدنيين قتلوا في التفجير "
     "الأول قرب السوق.", 9),
])
def test_a_total_over_several_incidents_holds_the_toll_of_one(text, total):
    found = _events(text, "2018-05-09")
    assert found and max(e.fatalities for e in found) == total, [(e.sub_event_type, e.fatalities) for e in found]


def test_a_toll_of_one_incident_told_again_still_adds_its_others():
    # no several incidents named: "two others" after three soldiers are two more dead
    found = _events("قتل ثلاثة جنود في هجوم على حاجز في بلدة طفس اليوم. وقال مصدر إن جنديين آخرين قتلا في الهجوم.")
    assert [e.fatalities for e in found] == [5], [(e.sub_event_type, e.fatalities) for e in found]
