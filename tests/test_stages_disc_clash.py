"""Sides of ground battles found on a real stream (twelfth session, the Battles slice), each class run
on plain strings of our own wording:

- the force that fires from the air or from afar beside a ground battle ("مواجهات مع القوات المشتركة
  وغارات لمقاتلات التحالف"، "وسط قصف لطيران التحالف") backs the side it fights for; it is no side of
  the battle, and the battle's other side is the enemy both fight;
- in reports from Yemen the words that call the Houthis by their sponsor ("الميليشيات الإيرانية"،
  "الميليشيات الموالية لإيران"، "ميليشيات إيران") name the Houthis, not Iran's own forces; elsewhere they
  keep Iran's;
- the force after a word of loyalty ("تتهمهم بموالاة X"، "بتهمة الولاء لـX") is whom the people held are
  said to back: it takes no part in the arrest or the abduction, and is never its target;
- a strike told beside the battle its striker backs never hits the striker's own ally;
- a battle told again by a definite noun in a sentence that only says where it was ("وتركزت المواجهات في
  X") is between the two sides the battle sentence before it named, even when that sentence gave no
  place of its own;
- a "clash" led by a force that fights from the air, at its own strikes' place and day and between the
  same two sides, with no dead of its own, is those strikes told again: the strike is the record.
"""
from __future__ import annotations

import pytest

from tests.test_stages_roles5 import events, pairs, sides

HOUTHIS = "Ansar Allah (the Houthis)"
COALITION = "Military Forces of Saudi Arabia"
JOINT = "West Coast Joint Forces"
GIANTS = "Giants Brigades"
IRAN = "Military Forces of Iran"


def battles(found):
    return [e for e in found if e.event_type == "Battles"]


# --------------------------------------------------------------------------- fire from afar beside a battle

@pytest.mark.parametrize("text, ground", [
    # the strikes' owner in ل right after the strike noun, conjoined to the battle noun
    ("قتل 14 مسلحا حوثيا اليوم في مواجهات مع قوات المقاومة المشتركة وغارات لمقاتلات التحالف العربي في "
     "منطقة الجاح.", JOINT),
    ("تكبد الحوثيون خسائر فادحة اليوم خلال معارك مع ألوية العمالقة وقصف مدفعي لقوات التحالف في مديرية حيس.",
     GIANTS),
    # the strikes told after "وسط" / in a clause of accompaniment
    ("خاضت ألوية العمالقة اليوم مواجهات ضارية في مديرية الدريهمي وسط ضربات جوية مكثفة للتحالف العربي على "
     "مواقع الميليشيات الحوثية.", GIANTS),
    ("اشتدت المعارك اليوم على أطراف مديرية الخوخة، إذ تواصل القوات المشتركة تقدمها وسط قصف لطيران التحالف "
     "على مواقع المتمردين الحوثيين.", JOINT),
    ("أصيب 3 من عناصر ألوية العمالقة اليوم في مواجهات اندلعت قرب مدينة حيس، رافقتها غارات لمقاتلات التحالف "
     "العربي على مواقع الحوثيين.", GIANTS),
    # "المقاومة اليمنية": the pro-government resistance, the coalition's ally on the ground
    ("قتل 25 مسلحا حوثيا اليوم في مواجهات مع المقاومة اليمنية وغارات جوية للتحالف العربي في مديرية حيس.",
     "Popular Resistance"),
    # the supporter after a phrase of joint action (بمشاركة) takes no capture either
    ("نجحت المقاومة الوطنية، بمشاركة التحالف العربي، اليوم في تحرير منطقة الجاح من قبضة الحوثيين.", JOINT),
])
def test_the_force_that_strikes_beside_a_ground_battle_is_no_side_of_it(text, ground):
    found = battles(events(text))
    assert found, "no battle"
    for e in found:
        assert sides(e) == {ground, HOUTHIS}, pairs(found)
        assert COALITION not in sides(e), pairs(found)


@pytest.mark.parametrize("text, first, second", [
    # the sides named by "بين": the strikes beside them change nothing
    ("تواصلت الاشتباكات اليوم بين الجيش اليمني والحوثيين في مديرية نهم وسط غارات لمقاتلات التحالف.",
     "Military Forces of Yemen", HOUTHIS),
    # other wars: the backer already known as the ground side's ally
    ("لقي 20 عنصرا من تنظيم داعش مصرعهم اليوم في معارك مع قوات سوريا الديمقراطية وغارات لطيران التحالف "
     "الدولي قرب بلدة هجين.", "Islamic State", "Syrian Democratic Forces"),
    ("قتل 11 عنصرا من داعش اليوم في مواجهات مع الحشد الشعبي وقصف مدفعي للجيش العراقي في صحراء قضاء الحضر.",
     "Islamic State", "Popular Mobilization Forces"),
    ("قتل 8 من عناصر داعش اليوم في اشتباكات مع قوات البيشمركة وغارات لطيران التحالف الدولي قرب قضاء مخمور.",
     "Islamic State", "Peshmerga"),
    # the coalition's own soldiers fighting on the ground are a side
    ("قتل جنديان سعوديان اليوم في اشتباكات مع الحوثيين قرب مدينة نجران.", COALITION, HOUTHIS),
])
def test_sides_that_fight_on_the_ground_stay_the_sides(text, first, second):
    found = battles(events(text))
    assert found and all(sides(e) == {first, second} for e in found), pairs(found)


@pytest.mark.parametrize("text", [
    "شنت طائرات التحالف العربي اليوم غارات على مواقع الحوثيين في مديرية باقم بمحافظة صعدة.",
    "خاضت ألوية العمالقة اليوم مواجهات ضارية في مديرية الدريهمي وسط ضربات جوية مكثفة للتحالف العربي على "
    "مواقع الميليشيات الحوثية.",
    # the men of the striker's ally hurt in the battle are not what the strikes hit
    "أصيب 3 من عناصر ألوية العمالقة اليوم في مواجهات اندلعت قرب مدينة حيس، رافقتها غارات لمقاتلات التحالف "
    "العربي على مواقع الحوثيين.",
    "سقط قتلى من الحوثيين اليوم في سلسلة قصف للقوات المشتركة وغارات لمروحيات الأباتشي التابعة للتحالف قرب "
    "منطقة الفازة بمديرية التحيتا.",
])
def test_the_coalition_s_strikes_hit_the_houthis_never_its_allies(text):
    found = [e for e in events(text) if e.sub_event_type == "Air/drone strike"]
    assert found, "no strike"
    for e in found:
        assert (e.actor1, e.actor2) == (COALITION, HOUTHIS), pairs(found)


# --------------------------------------------------------------------------- Iran's words for the Houthis

@pytest.mark.parametrize("text, sub", [
    ("قتل 12 مسلحا من الميليشيات الإيرانية اليوم في مواجهات مع ألوية العمالقة في مديرية حيس.", "Armed clash"),
    ("أحبطت القوات المشتركة اليوم هجوما للميليشيات الموالية لإيران على مواقعها جنوب مدينة التحيتا.",
     "Armed clash"),
    ("قتل طفلان اليوم بقصف مدفعي لميليشيات إيران على حي سكني في مدينة تعز.",
     "Shelling/artillery/missile attack"),
    ("الميليشيات الموالية لإيران تقصف اليوم أحياء سكنية في مدينة التحيتا وتقتل امرأة.",
     "Shelling/artillery/missile attack"),
    ("زرعت الميليشيات الإيرانية عبوة ناسفة انفجرت اليوم بسيارة مدنية في مديرية الخوخة وقتلت سائقها.",
     "Remote explosive/landmine/IED"),
])
def test_in_yemen_the_words_for_iran_s_militias_name_the_houthis(text, sub):
    found = [e for e in events(text) if e.sub_event_type == sub]
    assert found, pairs(events(text))
    for e in found:
        assert HOUTHIS in sides(e) and IRAN not in sides(e), pairs(found)
        assert IRAN not in e.assoc_actor_1 + e.assoc_actor_2, pairs(found)


@pytest.mark.parametrize("text, other", [
    ("قصفت الميليشيات الإيرانية اليوم مواقع للجيش السوري الحر قرب بلدة الحاضر في ريف حلب الجنوبي.",
     "Opposition Rebels"),
    ("شنت الميليشيات الإيرانية هجوما اليوم على مواقع الجيش السوري الحر قرب مدينة البوكمال، وقتل 3 من عناصر "
     "الجيش الحر.", "Opposition Rebels"),
    ("قتل عنصران من الحرس الثوري الإيراني اليوم بغارة إسرائيلية على موقع قرب مطار دمشق.",
     "Military Forces of Israel"),
])
def test_elsewhere_the_words_for_iran_s_forces_keep_iran(text, other):
    found = events(text)
    assert found and all(sides(e) == {IRAN, other} for e in found), pairs(found)


# --------------------------------------------------------------------------- whom the people held are said to back

@pytest.mark.parametrize("text, actor", [
    ("اعتقلت قوات الأمن في عدن اليوم خمسة أشخاص تتهمهم بموالاة جماعة الحوثي.", "Military Forces of Yemen"),
    ("داهمت قوات الحزام الأمني اليوم منازل في مدينة لحج واعتقلت سبعة شبان بتهمة الولاء للحوثيين.",
     "Security Belt Forces"),
    ("اعتقلت هيئة تحرير الشام اليوم ناشطين في مدينة إدلب بتهمة الولاء لقوات النظام.", "Hayat Tahrir al-Sham"),
])
def test_the_force_the_people_held_are_said_to_back_takes_no_part(text, actor):
    found = events(text)
    assert found, "no event"
    for e in found:
        assert (e.actor1, e.actor2) == (actor, "Civilians"), pairs(found)


@pytest.mark.parametrize("text", [
    "اختطف مسلحون حوثيون اليوم ثمانية من سكان مدينة باجل تتهمهم الجماعة بموالاة القوات المشتركة.",
    "شنت ميليشيا الحوثي اليوم حملة خطف في مدينة باجل استهدفت عشرات السكان الذين تتهمهم بموالاة قوات "
    "المقاومة المشتركة.",
])
def test_an_abduction_beside_words_of_loyalty_is_the_abductors(text):
    found = [e for e in events(text) if e.sub_event_type == "Abduction/forced disappearance"]
    assert found and all((e.actor1, e.actor2) == (HOUTHIS, "Civilians") for e in found), pairs(events(text))


# --------------------------------------------------------------------------- a battle retold with its place

@pytest.mark.parametrize("text, first, second", [
    ("كثفت طائرات التحالف غاراتها الثلاثاء على مواقع الحوثيين في محافظة صعدة. ومن جهة أخرى قتل 16 من مسلحي "
     "الحوثي في اشتباكات بين قوات المقاومة الوطنية والمتمردين على جبهة الساحل الغربي. وتركزت المواجهات بين "
     "الطرفين شمالي مديرية حيس.", HOUTHIS, JOINT),
    ("قصفت مدفعية الجيش اليوم مواقع للحوثيين في مديرية نهم. في غضون ذلك، اندلعت مواجهات عنيفة بين الجيش "
     "اليمني والحوثيين على جبهات محافظة الجوف. ودارت المواجهات في محيط مديرية الغيل.",
     "Military Forces of Yemen", HOUTHIS),
    ("قصف طيران الجيش العراقي اليوم أوكارا لداعش في جبال حمرين. وفي سياق متصل، اندلعت اشتباكات بين قوات "
     "الحشد الشعبي ومسلحي داعش على عدة محاور. وتركزت الاشتباكات قرب قضاء بيجي.",
     "Popular Mobilization Forces", "Islamic State"),
    ("قصفت مدفعية النظام اليوم مواقع للفصائل في ناحية الزربة. في غضون ذلك، اندلعت مواجهات عنيفة بين هيئة "
     "تحرير الشام وقوات النظام على جبهات محافظة إدلب. ودارت المواجهات في محيط مدينة سراقب.",
     "Hayat Tahrir al-Sham", "Military Forces of Syria"),
    ("قصف الطيران التركي اليوم مواقع في ناحية عين عيسى. وفي الأثناء، تجددت الاشتباكات بين قوات سوريا "
     "الديمقراطية والجيش الوطني السوري على جبهات محافظة الحسكة. وتركزت الاشتباكات قرب بلدة تل تمر.",
     "Syrian Democratic Forces", "Syrian National Army"),
    ("قصف الطيران الحربي اليوم مواقع في محلية أم روابة. وفي تطور آخر، اندلعت معارك بين الجيش السوداني "
     "وقوات الدعم السريع على تخوم ولاية شمال كردفان. ودارت المعارك في محيط مدينة الأبيض.",
     "Military Forces of Sudan", "Rapid Support Forces"),
    ("قصف طيران الجيش العراقي اليوم أوكارا لداعش في قضاء الدبس. كما اندلعت اشتباكات بين قوات البيشمركة "
     "ومسلحي داعش على خطوط التماس في محافظة كركوك. وتركزت الاشتباكات قرب ناحية الرياض.",
     "Peshmerga", "Islamic State"),
    # the retelling names only the coalition's fire beside it
    ("اندلعت اشتباكات عنيفة اليوم بين القوات المشتركة والحوثيين على جبهات الساحل الغربي. وتركزت المواجهات "
     "في محيط مدينة حيس مع تكثيف مقاتلات التحالف غاراتها على مواقع المتمردين.", JOINT, HOUTHIS),
    ("تجددت المعارك اليوم بين ألوية العمالقة وميليشيا الحوثي على جبهات الساحل الغربي. ودارت المعارك جنوب "
     "مدينة الدريهمي وسط قصف مدفعي لقوات التحالف.", GIANTS, HOUTHIS),
    # controls: a retelling that names its own sides, and a battle sentence with a place of its own
    ("قصفت مدفعية الجيش اليوم مواقع للحوثيين في مديرية نهم. ودارت المعارك بين قوات الجيش الوطني والحوثيين "
     "في محيط مديرية الغيل بمحافظة الجوف.", "Military Forces of Yemen", HOUTHIS),
    ("تجددت المواجهات اليوم بين قوات النظام وفصائل المعارضة على محاور ريف حماة الشمالي. وتركزت الاشتباكات "
     "على أطراف بلدة اللطامنة.", "Military Forces of Syria", "Opposition Rebels"),
])
def test_a_battle_retold_with_its_place_is_between_the_sides_told_before(text, first, second):
    found = battles(events(text))
    assert found and all(sides(e) == {first, second} for e in found), pairs(found)


# --------------------------------------------------------------------------- an air force's "clash" beside its strikes

@pytest.mark.parametrize("text, striker, struck", [
    ("شنت مقاتلات التحالف اليوم غارات على مواقع للحوثيين في مديرية حيس، واستهدف التحالف تعزيزات أرسلتها "
     "الميليشيا إلى المديرية لإسناد معركتها ضد القوات المشتركة.", COALITION, HOUTHIS),
    ("قصفت طائرات التحالف اليوم تجمعات للحوثيين قرب مدينة الخوخة، واستهدف التحالف آليات للميليشيا كانت في "
     "طريقها إلى معركة الساحل الغربي.", COALITION, HOUTHIS),
    ("قصفت الطائرات الإسرائيلية اليوم مواقع لحركة حماس في مدينة رفح، واستهدف الجيش الإسرائيلي مقاتلين "
     "للحركة كانوا يستعدون للمعركة.", "Military Forces of Israel", "Hamas Movement"),
])
def test_an_air_force_s_clash_at_its_strikes_place_is_those_strikes(text, striker, struck):
    found = events(text)
    assert not battles(found), pairs(found)
    strikes = [e for e in found if e.sub_event_type == "Air/drone strike"]
    assert strikes and all((e.actor1, e.actor2) == (striker, struck) for e in strikes), pairs(found)


def test_a_ground_clash_with_its_own_dead_beside_strikes_stays_a_clash():
    found = events("قتل جنديان سعوديان اليوم في اشتباكات مع الحوثيين قرب مدينة نجران، فيما شنت طائرات التحالف "
                   "غارات على مواقع المهاجمين.")
    assert [e for e in battles(found) if sides(e) == {COALITION, HOUTHIS} and e.fatalities == 2], pairs(found)
