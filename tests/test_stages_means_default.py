"""Issue 16, twelfth session: the sub-type of a remote attack whose text names no means.

A bare "قصف" / "استهدف" with no aircraft word and no weapon word is shelling (ACLED's default)
unless its perpetrator only strikes from afar from the air where it strikes (usual_means.tsv).
Israel strikes Syria from the air, but in Gaza it also fires tanks and artillery: there a bare
word tells no air strike. Each class in several wordings of our own."""
from __future__ import annotations

import pytest

from tests.test_stages_events5 import _extract, _kinds

SHELLING = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"


def _subs(found):
    return [e.sub_event_type for e in found if e.event_type == "Explosions/Remote violence"]


# --- 1. a bare bombardment by a force that also shells where it strikes -----------------------

@pytest.mark.parametrize("text", [
    "قتل ثلاثة فلسطينيين اليوم في قصف إسرائيلي على بلدة بيت حانون شمال قطاع غزة.",
    "أصيب خمسة مواطنين بجروح في قصف إسرائيلي طال منزلا في مخيم البريج وسط القطاع.",
    "قصفت القوات الإسرائيلية صباح الأحد موقعا لحركة حماس شمال قطاع غزة.",
    "وقصف جيش الاحتلال مساء أمس أرضا زراعية شرق بلدة خزاعة جنوب قطاع غزة.",
    "استهدف الجيش الإسرائيلي منزلا في مدينة رفح جنوب قطاع غزة، ما أدى إلى مقتل طفلين.",
    "استهدف الاحتلال الإسرائيلي فجر اليوم نقطة رصد لكتائب القسام في بيت لاهيا.",
])
def test_a_bare_bombardment_where_the_force_also_shells_is_shelling(text):
    """"قصف إسرائيلي على بيت حانون"، "استهدف الجيش الإسرائيلي منزلا في رفح": no aircraft word, in
    Gaza where Israel fires tanks and artillery too: shelling, not an air strike."""
    found = _extract(text, published="2018-07-20")
    assert _subs(found) == [SHELLING], _kinds(found)


# --- 2. tank fire is shelling even after air strikes told just before ------------------------

@pytest.mark.parametrize("text", [
    "شنت مقاتلات إسرائيلية غارات على شرق مدينة غزة. وقصفت دبابات الاحتلال نقطة للمقاومة شرق خان يونس.",
    "أغارت مقاتلات التحالف على مواقع للحوثيين في صعدة. كما قصفت دبابات سعودية قرية الملاحيظ.",
    "نفذت طائرات حربية غارات على بلدة كفرنبل. وقصفت قوات النظام بقذائف الدبابات قرية حيش.",
])
def test_tank_fire_after_air_strikes_is_shelling(text):
    """The air strikes of the sentence before lend no means to a bombardment whose own clause
    names tanks (دبابات، قذائف الدبابات)."""
    found = _extract(text, published="2018-07-20")
    assert _subs(found)[-1:] == [SHELLING], _kinds(found)


# --- negative controls: the old behaviour is right and stays ---------------------------------

@pytest.mark.parametrize("text, sub", [
    # Israel over Syria strikes from the air
    ("قصفت إسرائيل مواقع عسكرية إيرانية قرب مطار دمشق الدولي.", AIR),
    ("استهدف قصف إسرائيلي موقعا لحزب الله في بلدة القصير بريف حمص.", AIR),
    # the aircraft named in Gaza
    ("قصفت الطائرات الإسرائيلية موقعا في مدينة دير البلح.", AIR),
    ("قصفت طائرة إسرائيلية مساء اليوم مجموعة من الشبان شرق مخيم جباليا.", AIR),
    # Russia over Idlib
    ("قتل مدني في قصف روسي على بلدة كفرنبل في ريف إدلب.", AIR),
    # no perpetrator, no means: shelling
    ("قتل مدنيان في قصف طال سوقا شعبيا في مدينة تعز اليوم.", SHELLING),
    ("قصفت القوات التركية قرية في ريف عفرين.", SHELLING),
])
def test_usual_means_outside_mixed_ground_stay(text, sub):
    found = _extract(text, published="2018-07-20")
    assert _subs(found) == [sub], _kinds(found)


# --- 3. an aircraft named by its bare noun (طائرة، طائرات) is the means ---------------------

@pytest.mark.parametrize("text", [
    "قتل مدنيان في قصف نفذته طائرات النظام على بلدة اللطامنة في ريف حماة.",
    "استهدفت طائرات الجيش العراقي تجمعا لعناصر داعش في صحراء الأنبار.",
    "وقصفت طائرات روسية وسورية أحياء في بلدة خان شيخون جنوب إدلب.",
    "أصيب ثلاثة أطفال في قصف من طائرة تابعة للتحالف على قرية في مديرية باقم.",
    "قصفت طائرة إسرائيلية فجر اليوم أرضا خالية شرق مدينة دير البلح.",
])
def test_a_bare_aircraft_noun_makes_an_air_strike(text):
    """"قصف نفذته طائرات النظام"، "استهدفت طائرات الجيش": the aircraft is the means of the bare
    word, whoever flies it."""
    found = _extract(text, published="2018-07-20")
    assert _subs(found) == [AIR], _kinds(found)


def test_kites_are_no_aircraft():
    """"طائرات ورقية حارقة" (incendiary kites) is no means: the tank fire beside it is shelling."""
    found = _extract("أطلق شبان فلسطينيون طائرات ورقية حارقة باتجاه مستوطنات غلاف غزة، وقصفت دبابة "
                     "إسرائيلية نقطة رصد شرق جباليا.", published="2018-07-20")
    assert _subs(found) == [SHELLING], _kinds(found)
