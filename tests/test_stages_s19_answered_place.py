"""The place of an earlier event a response answers ("ردا على هجوم كيماوي في دوما"، "على خلفية مقتل
شرطي في بلدة الكرك") is that event's, not the response's: an event word in a later sentence with no
place of its own does not take it (it takes the place told before, or none)."""
import pytest

import marsad


@pytest.mark.parametrize("text, wrong", [
    ('قال وزير الخارجية الروسي، الجمعة، إن الغارات التي نفذتها أميركا وفرنسا وبريطانيا على سوريا، ردا على هجوم '
     'كيماوي في دوما "لم تتجاوز الخطوط الحمراء".\nوذكر لافروف أن غارات الدول الثلاث لم تتجاوز هذه الخطوط.', "Douma"),
    ("وقالت الحكومة الأحد إن الحملة الأمنية جاءت على خلفية مقتل شرطي في بلدة الكرك.\nونفذت القوات غارات استهدفت "
     "مواقع المسلحين.", "Karak"),
    ("قصف الطيران الحربي بلدة كفرنبل صباح اليوم.\nوجاء ذلك ردا على هجوم للفصائل في بلدة صوران.\nوأسفرت الغارات "
     "عن مقتل 3 مدنيين.", "Suran"),
])
def test_a_later_event_word_does_not_take_the_answered_events_place(text, wrong):
    found = marsad.extract(text, "2018-04-20", min_confidence=0)
    assert all(e.location != wrong for e in found), [(e.sub_event_type, e.location) for e in found]


def test_the_response_keeps_the_place_told_before_and_its_toll():
    found = marsad.extract("قصف الطيران الحربي بلدة كفرنبل صباح اليوم.\nوجاء ذلك ردا على هجوم للفصائل في بلدة "
                           "صوران.\nوأسفرت الغارات عن مقتل 3 مدنيين.", "2018-04-20", min_confidence=0)
    assert [(e.location, e.fatalities) for e in found] == [("Kafranbel", 3)]


def test_a_place_after_the_answered_phrase_and_a_comma_is_the_responses():
    # the comma closes the answered event's phrase: what follows is told of the response
    found = marsad.extract("وردا على الهجوم، قصفت المدفعية التركية بلدة تل رفعت بريف حلب الشمالي اليوم.",
                           "2018-04-20", min_confidence=0)
    assert any(e.location == "Tal Rifaat" for e in found), \
        [(e.sub_event_type, e.location) for e in found]
