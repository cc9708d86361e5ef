"""The act a response answers is the other side's.

"قصفت المدفعية مواقع المسلحين ردا على اعتداءاتهم بالقذائف على مدينة X"، "وردا على الغارات، أطلقت
الحركة صواريخ": the act told in the phrase of a response marker (ردا على، انتقاما ل، ثأرا ل) was done
by the side the responder answers (named in the phrase, else the owner of what the responder hit,
else its opponent in the article), never by the responder; the response itself keeps its doer.
"""
import pytest

import marsad


def _records(text: str, published="2021-03-08"):
    return marsad.extract(text, published, min_confidence=0)


def _sides(records):
    return [(e.location, e.actor1, e.actor2) for e in records]


@pytest.mark.parametrize("text, answered_at, responder, response_at", [
    # Syria: the responder's artillery, the pronoun of the gunmen it hit
    ("قصفت مدفعية الجيش السوري مواقع المسلحين في بلدة اللطامنة ردا على اعتداءاتهم بالقذائف على مدينة محردة "
     "صباح اليوم.", "Mhardeh", "Military Forces of Syria", "Al-Lataminah"),
    # Iraq: a mortar attack with its toll, the responder first in its sentence
    ("قصف الجيش العراقي بالمدفعية مخابئ لتنظيم داعش في صحراء الأنبار ردا على هجوم بقذائف الهاون على قضاء "
     "حديثة أوقع قتيلين من المدنيين.", "Haditha", "Military Forces of Iraq", None),
    # Somalia: ثأرا ل, a shelling that killed civilians
    ("ردت القوات الحكومية الصومالية بقصف مدفعي على مواقع حركة الشباب في بلدة جلب ثأرا لهجوم بالقذائف على "
     "مدينة كيسمايو قتل فيه ثلاثة مدنيين.", "Kismayo", "Military Forces of Somalia", "Jilib"),
])
def test_the_act_a_response_answers_is_not_the_responder_s(text, answered_at, responder, response_at):
    found = _records(text)
    answered = [e for e in found if e.location == answered_at]
    assert answered, _sides(found)
    assert all(e.actor1 != responder for e in answered), _sides(found)
    if response_at is not None:
        assert any(e.location == response_at and e.actor1 == responder for e in found), _sides(found)


def test_the_first_mover_is_the_owner_of_what_the_response_hit():
    found = _records("شن الطيران الحربي التابع للجيش الوطني الليبي غارات على مواقع لتنظيم داعش "
                     "في مدينة درنة ردا على قصفهم بالقذائف حي الليثي في مدينة بنغازي أمس.")
    answered = [e for e in found if e.location and "Laithi" in e.location]
    assert answered, _sides(found)
    assert all(e.actor1 not in ("Libyan National Army", None) for e in answered), _sides(found)


def test_a_state_news_agency_s_shelling_on_the_capital_is_the_rebels():
    # the government answers shells on its capital: the shells are the rebels' it struck in their town
    found = _records("وقالت الوكالة الرسمية إن الجيش نفذ ضربات على مواقع الإرهابيين في بلدة عربين ردا على "
                     "اعتداءاتهم بالقذائف على أحياء مدينة دمشق خلال اليومين الماضيين. وتسيطر فصائل المعارضة "
                     "على عربين منذ سنوات.", "2018-03-10")
    answered = [e for e in found if e.location == "Damascus"]
    assert answered, _sides(found)
    assert all(e.actor1 != "Military Forces of Syria" for e in answered), _sides(found)


def test_a_marker_that_opens_its_sentence_leaves_the_response_to_its_doer():
    found = _records("وردا على الغارات التي استهدفت مدينة غزة ليلة أمس، أطلقت حركة حماس عشرات الصواريخ على "
                     "بلدة سديروت.")
    assert not any(e.actor1 == "Military Forces of Israel" and e.location == "Sderot" for e in found), _sides(found)
