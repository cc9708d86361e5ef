"""One act told by two event words the text equates by a copula ("الكمين كان تفجيرا انتحاريا"، "كان
الكمين عبارة عن عبوة ناسفة"، "المواجهة، وهي هجوم انتحاري"): one event, of the type the predicate says
(the bombing, not the ambush), with the dead the first word's telling counted, at the finer place."""
import pytest

import marsad

DAY = "2020-03-10"

AMBUSH_WAS_A_SUICIDE_BLAST = (
    "قتل خمسة عشر جنديا سوريا في كمين في ريف حمص الشرقي.\n"
    "وقال مصدر عسكري إن الكمين كان تفجيرا انتحاريا نفذه مسلح بحزام ناسف قرب بلدة القريتين.")
AMBUSH_WAS_A_ROADSIDE_BOMB = (
    "قتل ستة جنود عراقيين اليوم في كمين على طريق في محافظة ديالى.\n"
    "وأوضح مصدر أمني أن الكمين كان عبارة عن عبوة ناسفة انفجرت بعربتهم قرب قضاء المقدادية.")
CONFRONTATION_WHICH_WAS_A_SUICIDE_ATTACK = (
    "قتل سبعة عناصر من الحشد الشعبي اليوم في مواجهة مع تنظيم داعش قرب قضاء بيجي.\n"
    "وقال مسؤول في الحشد إن المواجهة، وهي هجوم انتحاري نفذه عنصران من التنظيم، وقعت عند نقطة تفتيش شمال بيجي.")
COPULA_FIRST = (
    "قتل تسعة من الجنود اليمنيين في كمين بمحافظة أبين.\n"
    "وبحسب مصدر محلي، فقد كان الكمين هجوما انتحاريا بسيارة مفخخة استهدف دورية للجيش في مديرية لودر.")


@pytest.mark.parametrize("text, sub, place, dead", [
    (AMBUSH_WAS_A_SUICIDE_BLAST, "Suicide bomb", "Al-Qaryatayn", 15),
    (AMBUSH_WAS_A_ROADSIDE_BOMB, "Remote explosive/landmine/IED", "Muqdadiyah", 6),
    (CONFRONTATION_WHICH_WAS_A_SUICIDE_ATTACK, "Suicide bomb", "Baiji", 7),
])
def test_an_act_equated_with_a_bombing_is_one_bombing_with_the_dead(text, sub, place, dead):
    found = marsad.extract(text, DAY, min_confidence=0)
    assert [(e.sub_event_type, e.location, e.fatalities) for e in found] == [(sub, place, dead)]


def test_the_copula_before_the_subject_equates_too():
    found = marsad.extract(COPULA_FIRST, DAY, min_confidence=0)
    assert [(e.sub_event_type, e.location) for e in found] == [("Suicide bomb", "Lawdar")]


def test_an_ambush_and_a_later_blast_not_equated_stay_two_events():
    text = ("قتل خمسة جنود اليوم في كمين نصبه مسلحون قرب بلدة القريتين في ريف حمص الشرقي.\n"
            "وفي وقت لاحق قتل مدنيان بانفجار عبوة ناسفة في بلدة القريتين.")
    found = marsad.extract(text, DAY, min_confidence=0)
    assert sorted((e.sub_event_type, e.fatalities) for e in found) == [
        ("Armed clash", 5), ("Remote explosive/landmine/IED", 2)]
