"""One person named after a naming word ("مدنياً يدعى "X" قُتل"، "شابا اسمه X قتل اليوم") right before a
passive death verb is its dead; and the people a means names after it ("قتل برصاص مسلحين"، "بنيران
جنود"، "على يد عناصر") are the killers, never the dead the verb counts."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "قال ناشطون اليوم إن مدنياً يدعى “أحمد الزعبي” قُتل برصاص مجهولين في مدينة طفس غربي درعا.",
    "أفاد مصدر محلي بأن شابا يدعى \"علي حسن\" قتل اليوم بانفجار عبوة ناسفة في بلدة الصنمين.",
    "ذكرت شبكة محلية أن رجلا اسمه خالد العبد الله قتل في هجوم مسلح على منزله في بلدة الحراك.",
    "قال مصدر أمني إن امرأة تدعى فاطمة علي قتلت جراء سقوط قذيفة على منزلها في مدينة الموصل.",
])
def test_a_named_person_before_a_passive_death_verb_is_one_dead(text):
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert [e.fatalities for e in found] == [1], [(e.location, e.fatalities) for e in found]


@pytest.mark.parametrize("text, dead", [
    ("قال مصدر محلي إن مدنيا قتل برصاص مسلحين في بلدة الصنمين.", 1),
    ("أفاد ناشطون بأن شابا قتل اليوم بنيران جنود في بلدة عقربا.", 1),
    ("قتل برصاص مسلحين ثلاثة مدنيين في بلدة الصنمين اليوم.", 3),
])
def test_the_people_a_means_names_are_the_killers(text, dead):
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert [e.fatalities for e in found] == [dead], [(e.location, e.fatalities) for e in found]
