"""Three habits of agency copy: an agency's Arabic initials with full stops ((د.ب.أ)، (أ.ف.ب)) end no
sentence; "يدعى/تدعى X" after a person names them and alleges nothing (يدعي/تدعي ... أن still
alleges); and a killing word whose means is a blast (اغتيال ضابط بتفجير) is that blast."""
import pytest

import marsad
from marsad.arabic.tokenise import split_sentences

DAY = "2016-07-30"


@pytest.mark.parametrize("text, n", [
    ("وقالت مصادر محلية لوكالة الأنباء الألمانية (د.ب.أ) إن ضابطا قتل في انفجار عبوة ناسفة. وأضافت أنه توفي.", 2),
    ("ذكرت وكالة (أ.ف.ب) أن انفجارا وقع قرب السوق. وقال مصدر إن ثلاثة قتلوا.", 2),
    ("نقلت (و.ص.ف) عن مسؤول أن الهجوم وقع فجرا.", 1),
])
def test_arabic_initials_end_no_sentence(text, n):
    assert len(split_sentences(text)) == n


@pytest.mark.parametrize("text, place", [
    ("وقالت مصادر محلية إن ضابطا يدعى سامح الحسني قتل في انفجار عبوة ناسفة وضعها مجهولون في سيارته في أحد "
     "شوارع مدينة عدن اليوم.", "Aden"),
    ("وأفاد ناشطون بأن شابا يدعى محمد العلي قتل برصاص مسلحين مجهولين في بلدة طفس بريف درعا اليوم.", "Tafas"),
    ("قتلت امرأة تدعى فاطمة بقصف مدفعي على قرية كفرنبل جنوبي إدلب اليوم.", "Kafranbel"),
])
def test_a_person_named_with_yudaa_is_no_allegation(text, place):
    assert place in {e.location for e in marsad.extract(text, DAY)}


def test_yudai_followed_by_anna_still_alleges():
    text = "تدعي قوات الاحتلال أن مسلحين أطلقوا النار على دورية قرب مخيم جنين اليوم."
    assert not marsad.extract(text, DAY)


@pytest.mark.parametrize("text, sub", [
    ("اغتيال ضابط أمن يمني بتفجير في عدن", "Remote explosive/landmine/IED"),
    ("اغتيل قيادي في الجيش الوطني بتفجير عبوة في مدينة الباب اليوم", "Remote explosive/landmine/IED"),
    ("اغتيال مسؤول محلي بانفجار استهدف سيارته في مدينة درعا اليوم", "Remote explosive/landmine/IED"),
    ("اغتيال قيادي بتفجير انتحاري في مدينة عدن اليوم", "Suicide bomb"),
])
def test_an_assassination_by_a_blast_is_the_blast(text, sub):
    assert [e.sub_event_type for e in marsad.extract(text, DAY)] == [sub]


def test_an_assassination_by_gunfire_stays_an_attack():
    text = "اغتال مسلحون مجهولون مختار قرية اليادودة بإطلاق النار عليه أمام منزله في ريف درعا الغربي اليوم."
    assert {e.event_type for e in marsad.extract(text, DAY)} == {"Violence against civilians"}
