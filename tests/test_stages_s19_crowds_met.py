"""A force dispersing protesters, or firing tear gas at them, tells a protest the forces met even with no
protest word of its own ("فرقت الشرطة مئات المتظاهرين"، "أطلقت الشرطة الغاز المسيل للدموع على
المحتجين"): a protest with intervention at the clause's place. A statement of habit tells none; and
"often" (كثيرا ما، عادة ما) makes a habit of any act."""
import pytest

import marsad


def _events(text):
    return marsad.extract(text, "2022-11-30", min_confidence=0)


@pytest.mark.parametrize("text, place", [
    ("فرقت الشرطة مئات المتظاهرين في مدينة أم درمان اليوم بعبوات الغاز المسيل للدموع.", "Omdurman"),
    ("أطلقت الشرطة الغاز المسيل للدموع على المتظاهرين في مدينة البصرة اليوم.", "Basra"),
    ("وقالت مصادر محلية إن قوات الأمن استخدمت الرصاص المطاطي ضد المحتجين في مدينة الناصرية مساء اليوم.", "Nasiriyah"),
])
def test_a_crowd_the_forces_met_is_a_protest_with_intervention(text, place):
    found = _events(text)
    assert [(e.sub_event_type, e.location) for e in found] == [("Protest with intervention", place)]


@pytest.mark.parametrize("text", [
    "وكثيراً ما تشن طائرات مجهولة غارات جوية على مدينة سرت.",
    "وعادة ما يستهدف المسلحون دوريات الشرطة في مدينة العريش.",
    "وقالت الشرطة إنها تستخدم الغاز المسيل للدموع لتفريق المتظاهرين عادة.",
])
def test_what_often_happens_is_a_habit(text):
    found = _events(text)
    assert not found, [(e.sub_event_type, e.location) for e in found]
