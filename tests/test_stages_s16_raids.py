"""Armed men who are no state force attacking a village or homes, and a common word read as و + a place.

- A weak attack word (هاجم) whose subject is armed men who are no force (settlers, a tribe's
  gunmen, unknown gunmen) and whose object is a village, a quarter, homes or their people is an
  attack on civilians; with a force's post as its object it stays a battle.
- A word whose و is its own letter and that is far commoner than what follows the و (ورقة الضغط)
  is no "and" before a place's bare name (رقة).
"""
import pytest

import marsad

DAY = "2025-03-14"


def _records(text: str):
    return marsad.extract(text, DAY, min_confidence=0)


@pytest.mark.parametrize("text, place, attacker", [
    ("هاجم مستوطنون إسرائيليون قرية دوما جنوب نابلس مساء أمس الخميس وأحرقوا ثلاثة منازل.", "Duma",
     "Settlers (Israel)"),
    ("هاجم مستوطنون قرية المغير شرق رام الله فجر اليوم وأضرموا النار في مركبات.", "Al Mughayyir",
     "Settlers (Israel)"),
    ("هاجم مسلحون من قبيلة المسيرية قرية أبو عشر بولاية جنوب كردفان اليوم وأحرقوا عشرات المنازل.", None,
     "Misseriya Ethnic Militia"),
])
def test_armed_men_who_are_no_force_attacking_a_village_attack_civilians(text, place, attacker):
    found = _records(text)
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in found] == [("Attack", attacker, "Civilians")], \
        [(e.sub_event_type, e.location, e.actor1, e.actor2) for e in found]
    if place is not None:
        assert found[0].location == place


def test_armed_men_attacking_a_force_s_post_near_a_village_fight_a_battle():
    found = _records("هاجم مسلحو داعش نقطة للجيش العراقي قرب قرية البو عجيل اليوم.")
    assert [e.sub_event_type for e in found] == ["Armed clash"]


@pytest.mark.parametrize("text", [
    "قال المسؤول إن الحكومة استخدمت ورقة الضغط الأخيرة، بعد أن قتل مدني بقصف على بلدة معرة مصرين.",
    "وأضاف أن الفصائل تملك ورقة قوية في المفاوضات، فيما قصفت الطائرات اليوم بلدة معرة مصرين.",
])
def test_a_common_word_is_no_and_before_a_place(text):
    assert {e.location for e in _records(text)} == {"Maarat Misrin"}
