"""Whose thing was hit, told through its men; the striker told by the nationality of two weapons.

- A thing a strike hit whose owner follows an owner link and the men it names ("مستودع أسلحة تابعا
  لمقاتلين من الحرس الثوري"، "مقرا تابعا لعناصر من حزب الله"، "تابعا لمقاتلي الحشد الشعبي") belongs to
  the men's force: the target, never the striker.
- Two weapons with their nationality ("بقذيفتين تركيتين"، "صاروخين إسرائيليين"، "صاروخان إسرائيليان")
  name the striker as one weapon does.
"""
import pytest

import marsad


def _records(text: str, published="2021-03-08"):
    return marsad.extract(text, published, min_confidence=0)


def _sides(records):
    return [(e.location, e.actor1, e.actor2) for e in records]


@pytest.mark.parametrize("text, owner", [
    ("طال قصف صاروخي الليلة الماضية مستودع أسلحة تابعا لمقاتلين من الحرس الثوري الإيراني قرب مدينة الميادين.",
     "Military Forces of Iran"),
    ("استهدفت غارة جوية فجر اليوم مقرا تابعا لعناصر من حزب الله قرب بلدة القصير، ما أدى إلى مقتل أربعة منهم.",
     "Hezbollah"),
    ("دمرت غارة جوية فجر اليوم مستودع ذخيرة تابعا لعناصر من تنظيم داعش قرب بلدة هجين.", "Islamic State"),
])
def test_the_force_of_the_men_who_own_what_was_hit_is_the_target(text, owner):
    found = [e for e in _records(text) if e.event_type == "Explosions/Remote violence"]
    assert found, text
    assert all(e.actor1 != owner for e in found), _sides(found)
    assert any(e.actor2 == owner for e in found), _sides(found)


@pytest.mark.parametrize("text, striker", [
    ("قتل ثلاثة مدنيين بقذيفتين تركيتين سقطتا على بلدة تل رفعت اليوم.", "Military Forces of Turkey"),
    ("قتل طفلان بقذيفتين إسرائيليتين سقطتا على بلدة كفركلا جنوب لبنان اليوم.", "Military Forces of Israel"),
])
def test_two_weapons_with_their_nationality_name_the_striker(text, striker):
    found = _records(text)
    assert found, text
    assert any(e.actor1 == striker for e in found), _sides(found)


def test_a_nominative_dual_nationality_names_its_state():
    from marsad.actors import load_actor_kb
    from marsad.arabic.tokenise import make_doc
    doc = make_doc("سقط صاروخان إسرائيليان قرب الموقع")
    assert any(m.payload == "Military Forces of Israel" for m in load_actor_kb().nationality.find(doc))
