"""Classes of the fourth set's tune half (triggers and places), each in several wordings of our own."""
from __future__ import annotations

import pytest

import marsad


def _extract(text):
    return marsad.extract(text, published="2024-05-10")


# --- 1. suffered-by: تعرض ل + event noun -------------------------------------------------------

@pytest.mark.parametrize("text, etype, sub", [
    ("قتل شاب بعد أن تعرض لإطلاق نار من قبل مسلحين مجهولين في بلدة طفس بريف درعا.",
     "Violence against civilians", "Attack"),
    ("تعرضت دورية للجيش العراقي لهجوم من قبل عناصر تنظيم داعش قرب قضاء الحويجة.",
     "Battles", "Armed clash"),
    ("تعرضت سيارة مدنية لرصاص قناص في مدينة تعز، ما أدى إلى إصابة سائقها.",
     "Violence against civilians", "Attack"),
    ("أصيب رجلان إثر تعرضهما لاعتداء من قبل مسلحين في مدينة بنغازي.",
     "Violence against civilians", "Attack"),
    ("يتعرض حاجز لقوات الأمن لهجوم بالأسلحة الخفيفة في بلدة الصنمين.",
     "Battles", "Armed clash"),
])
def test_what_the_subject_underwent_behind_lam_is_the_event(text, etype, sub):
    """"تعرض لإطلاق نار"، "تعرضت دورية لهجوم": the noun behind ل is an event the subject underwent,
    weak alone or held by the lexicon only in a longer phrase; a force's post or men make a battle."""
    found = _extract(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [(etype, sub)], \
        [(e.event_type, e.sub_event_type, e.location) for e in found]


def test_a_strong_event_noun_after_a_verb_of_undergoing_keeps_its_own_type():
    found = _extract("تعرضت بلدة كفرنبل لقصف مدفعي من قوات النظام، ما أدى إلى مقتل طفل.")
    assert [(e.event_type, e.sub_event_type) for e in found] == \
        [("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def test_a_verb_of_undergoing_without_an_event_noun_reports_nothing():
    assert _extract("تعرض الاقتصاد لضغوط كبيرة في مدينة حلب خلال العام الجاري.") == []
