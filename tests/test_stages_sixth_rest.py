"""Issue 16, twelfth session: a road named by its ends (through the verb of a relative clause, or
after بين with a place noun opening the first end) puts no event at either end.
Each class in several wordings of our own (places, verbs, countries, word orders)."""
from __future__ import annotations

import pytest

from tests.test_stages_events5 import _extract, _kinds


# --- 1. a road named by its ends through a verb: الطريق الذي يربط X بY ---------------------------

@pytest.mark.parametrize("text, ends", [
    # a motorway by its two ends behind ب
    ("قتل مدني برصاص قناص مجهول على الأوتوستراد الذي يربط حمص بطرطوس صباح اليوم.",
     {"Homs", "Tartus"}),
    # the event told first in a governorate, its road by a verb in the next sentence
    ("أصيب جنديان بانفجار عبوة في محافظة الأنبار. وانفجرت العبوة على الطريق الذي يربط بغداد بالرمادي.",
     {"Baghdad", "Ramadi"}),
    ("قتل مدني بقصف على ريف حماة. وسقطت القذائف على الطريق الذي يربط حماة بمحردة.",
     {"Hama", "Muhradah", "Mhardeh"}),
    # يصل X بY, a shooting
    ("قتل مدني برصاص مسلحين في محافظة نينوى. وأطلق المسلحون النار على سيارته في الطريق الذي يصل "
     "الموصل بدهوك.", {"Mosul", "Dohuk", "Duhok"}),
    # a capital as the first end, Lebanon
    ("وقعت اشتباكات في بيروت. وسقطت القذائف على الأوتوستراد الذي يربط بيروت بصيدا.",
     {"Sidon", "Saida"}),
])
def test_the_ends_of_a_road_named_by_a_verb_are_no_event_place(text, ends):
    """"الطريق الذي يربط X بY": X and Y name the road, the event is somewhere on it, not at an end
    (at most near one, precision 2)."""
    found = _extract(text)
    assert found, "no event"
    for e in found:
        assert not (e.location in ends and e.geo_precision == 1), _kinds(found)


# --- 2. بين with a place noun opening the first end: الطريق الواصل بين تل X وY ----------------------

@pytest.mark.parametrize("text", [
    ("قتل عنصران من الجيش مساء أمس جراء انفجار لغم بريف الرقة. وقال مصدر إن اللغم انفجر أثناء مرور "
     "العنصرين على الطريق الواصل بين تل السمن و عين عيسى في ريف الرقة ما أدى لمقتلهما."),
    ("قتل جندي عراقي بانفجار عبوة ناسفة في محافظة صلاح الدين. وانفجرت العبوة على الطريق الرابط بين "
     "تل الذهب و بيجي في صلاح الدين."),
    ("أصيب ثلاثة عناصر من الشرطة بانفجار عبوة في ريف درعا. وانفجرت العبوة على الطريق الواصل بين "
     "تل شهاب و طفس في ريف درعا."),
    ("قتل مدني بانفجار لغم في ريف حلب. وانفجر اللغم على الطريق الرابط بين تل رفعت و مارع بريف حلب."),
    ("قتل راع بانفجار لغم أرضي في ريف الحسكة. وانفجر اللغم على الطريق الواصل بين تل تمر و "
     "رأس العين في ريف الحسكة."),
])
def test_a_place_noun_opening_the_first_end_makes_one_event(text):
    """"على الطريق الواصل بين تل X و Y": both words after بين are the road's ends, one event on the
    road, not one at X and another at Y."""
    found = _extract(text)
    assert len(found) == 1, _kinds(found)
    assert found[0].geo_precision != 1, _kinds(found)


# --- negative controls: the place after a relative verb that is no road's, and a plain site ---------

@pytest.mark.parametrize("text, place", [
    # a clash between two quarters, no road: they stay the sides and the site
    ("اندلعت اشتباكات عنيفة في مدينة حمص بين مسلحين وقوات الأمن.", "Homs"),
    # the site named plainly before the road
    ("قتل ثلاثة جنود بانفجار عبوة ناسفة في مدينة تكريت على طريق رئيسي.", "Tikrit"),
    # a relative clause whose verb is no linking one
    ("قصفت الطائرات الحربية مدينة سرت التي يسيطر عليها التنظيم.", "Sirte"),
])
def test_a_site_without_a_road_named_by_its_ends_stays(text, place):
    found = _extract(text)
    assert any(e.location == place for e in found), _kinds(found)


# --- 3. an attack made with bombs is an explosion, not a clash --------------------------------------

@pytest.mark.parametrize("text", [
    "وكان ضابطان قتلا الثلاثاء في هجوم بقنابل على سيارتهما في مدينة رفح.",
    "أصيب خمسة عناصر من الشرطة العراقية في اعتداء بقنبلتين استهدف حاجزهم في مدينة بعقوبة.",
    "قتل مدنيان وأصيب آخرون في هجوم بمتفجرة على سوق شعبي في مدينة الباب.",
    "قتل جندي يمني في هجوم بقنبلة على نقطة تفتيش في مدينة عتق مساء السبت.",
    "أصيب ثلاثة من رجال الأمن في هجوم بعبوتين على دوريتهم في مدينة الرمادي.",
])
def test_an_attack_with_bombs_is_an_explosion(text):
    """"هجوم بقنابل على سيارتهما": the means is a bomb, the attack a remote explosive."""
    found = _extract(text)
    assert [e.sub_event_type for e in found] == ["Remote explosive/landmine/IED"], _kinds(found)


@pytest.mark.parametrize("text, sub", [
    ("قتل جنديان في هجوم بالأسلحة الرشاشة على حاجز في مدينة العريش.", "Armed clash"),
    ("ألقى مجهولون قنبلة يدوية على منزل في مدينة الموصل ما أدى لإصابة طفل.", "Grenade"),
])
def test_other_means_keep_their_type(text, sub):
    found = _extract(text)
    assert [e.sub_event_type for e in found] == [sub], _kinds(found)


def test_tear_gas_bombs_make_no_explosion():
    found = _extract("أطلقت قوات الأمن قنابل الغاز المسيل للدموع على المحتجين في مدينة البصرة.")
    assert not any(e.sub_event_type == "Remote explosive/landmine/IED" for e in found), _kinds(found)


@pytest.mark.parametrize("text", [
    "رشق محتجون القوات الإسرائيلية بالقنابل الحارقة خلال الاحتجاج الأسبوعي قرب حدود غزة.",
    "ألقى متظاهرون قنابل المولوتوف على مركز للشرطة خلال احتجاج في مدينة الناصرية.",
])
def test_fire_bombs_at_a_protest_make_no_explosion(text):
    """"بإلقاء القنابل الحارقة" at a protest: a fire bomb gives the protest no explosive type."""
    found = _extract(text)
    assert not any(e.event_type == "Explosions/Remote violence" for e in found), _kinds(found)


# --- 4. the attackers who take a man in their attack make no arrest --------------------------------

@pytest.mark.parametrize("text", [
    "هاجم مسلحون مجهولون نقطة للشرطة في بلدة الصنمين بريف درعا، واعتقل المهاجمون أحد عناصرها قبل أن ينسحبوا.",
    "هاجم مسلحون ملثمون حاجزا للجيش في مدينة نوى، واعتقل المسلحون جنديين.",
    "شن مجهولون هجوما على مخفر للشرطة في مدينة بيجي واعتقل المهاجمون شرطيا.",
    "هاجم مسلحون مقرا للأمن في مدينة طفس، ثم اعتقل المهاجمون ضابطا كان في المقر.",
    "هاجم مسلحون دورية للشرطة في مدينة سرت واعتقل المسلحون سائقها.",
])
def test_the_attackers_arresting_a_man_is_part_of_their_attack(text):
    """"واعتقل المهاجمون أحد عناصر المفرزة": no state's arrest, the attack's own deed (one record)."""
    found = _extract(text)
    assert [e.sub_event_type for e in found] == ["Armed clash"], _kinds(found)


@pytest.mark.parametrize("text", [
    "هاجم مسلحون حاجزا للجيش في بلدة جاسم، واعتقلت قوات الأمن المهاجمين بعد ساعات.",
    "اعتقلت قوات الأمن العراقية ثلاثة مسلحين في قضاء الحويجة بعد هجوم على مخفر للشرطة.",
])
def test_a_force_arresting_the_attackers_stays_an_arrest(text):
    found = _extract(text)
    assert "Arrests" in [e.sub_event_type for e in found], _kinds(found)
