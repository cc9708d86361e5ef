"""Bombs that forces destroy (تدمير ونسف 38 عبوة ناسفة) or that were prepared for an attack (كانت معدة
لاستهداف القوات) are no blasts; the Sinai group named by its old name (أنصار بيت المقدس) is an actor, and its
name puts no event in Jerusalem. A bomb that destroyed something is still a blast."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "وأسفرت العمليات في مدينة الشيخ زويد اليوم عن مقتل 26 من المسلحين وتدمير ونسف 38 عبوة ناسفة.",
    "وتمكنت القوات من تدمير 12 عبوة ناسفة كانت معدة لاستهداف الدوريات في مدينة الشيخ زويد اليوم.",
    "ضبطت القوات سيارة مفخخة كانت مجهزة لتفجيرها في سوق مدينة الرمادي اليوم.",
])
def test_destroyed_or_prepared_bombs_are_no_blasts(text):
    found = marsad.extract(text, "2016-05-29", min_confidence=0)
    assert not any(e.sub_event_type == "Remote explosive/landmine/IED" for e in found), \
        [(e.sub_event_type, e.location) for e in found]


@pytest.mark.parametrize("text", [
    "قتل جندي بانفجار عبوة ناسفة في مدينة العريش اليوم.",
    "أسفر تفجير عبوة ناسفة عن مقتل جندي في مدينة العريش اليوم.",
    "دمرت عبوة ناسفة آلية للجيش في مدينة العريش اليوم.",
])
def test_a_bomb_that_went_off_is_still_a_blast(text):
    found = marsad.extract(text, "2016-05-29", min_confidence=0)
    assert any(e.sub_event_type == "Remote explosive/landmine/IED" for e in found), \
        [(e.sub_event_type, e.location) for e in found]


@pytest.mark.parametrize("text", [
    "قتل 26 من عناصر أنصار بيت المقدس في غارات جوية على مدينة الشيخ زويد اليوم.",
    "داهمت قوات الأمن معاقل جماعة أنصار بيت المقدس في مدينة العريش اليوم وقتلت خمسة مسلحين.",
])
def test_the_sinai_group_is_an_actor_not_jerusalem(text):
    found = marsad.extract(text, "2016-05-29", min_confidence=0)
    assert found and all(e.country == "Egypt" for e in found), [(e.location, e.country) for e in found]
    assert any("Islamic State" in (e.actor1, e.actor2) for e in found), [(e.actor1, e.actor2) for e in found]
