"""A country named as the doer of an attack stands for its armed forces.

"شنت الولايات المتحدة وبريطانيا وفرنسا ضربات"، "الضربات التي نفذتها فرنسا"، "ووجهت كل من بريطانيا
والولايات المتحدة ضربة": the subject of a feminine verb of launching an attack, or the agent after a
relative verb of carrying one out, is the country's forces; countries joined to it are one side, led
by the first named. A country that is what was hit ("غارة استهدفت سوريا") or that acts in no attack
("أطلقت تركيا سراح") is no attacker.
"""
import pytest

import marsad


def _records(text: str, published="2021-03-08"):
    return marsad.extract(text, published, min_confidence=0)


def _sides(records):
    return [(e.location, e.actor1, e.actor2, e.assoc_actor_1) for e in records]


@pytest.mark.parametrize("text, striker", [
    ("شنت السعودية فجر اليوم غارات جوية على مواقع عسكرية قرب مدينة صعدة.", "Military Forces of Saudi Arabia"),
    ("أطلقت إيران صواريخ باليستية على مقرات لجماعات كردية معارضة في بلدة كويسنجق صباح اليوم.",
     "Military Forces of Iran"),
    ("قتل خمسة مدنيين في الغارات التي شنتها روسيا على مدينة إدلب فجر اليوم.", "Military Forces of Russia"),
    ("وقصفت تركيا مواقع لحزب العمال الكردستاني في قضاء سيدكان بمحافظة أربيل اليوم.", "Military Forces of Turkey"),
])
def test_a_country_that_launches_an_attack_is_its_forces(text, striker):
    found = _records(text)
    assert found, text
    assert any(e.actor1 == striker for e in found), _sides(found)


@pytest.mark.parametrize("text", [
    "شنت الولايات المتحدة وبريطانيا وفرنسا فجر اليوم ضربات صاروخية على منشأة عسكرية قرب مدينة حمص.",
    "استهدفت الضربات التي نفذتها الولايات المتحدة مع فرنسا وبريطانيا مستودعات عسكرية قرب حمص فجر اليوم.",
])
def test_countries_joined_as_the_doers_are_one_side_led_by_the_first(text):
    found = [e for e in _records(text) if e.location == "Homs"]
    assert found, text
    e = found[0]
    assert e.actor1 == "Military Forces of the United States", _sides(found)
    assert set(e.assoc_actor_1) == {"Military Forces of the United Kingdom", "Military Forces of France"}, \
        _sides(found)
    assert e.actor2 not in ("Military Forces of France", "Military Forces of the United Kingdom"), _sides(found)


@pytest.mark.parametrize("text, country", [
    ("قالت وزارة الخارجية إن غارة استهدفت سوريا فجر اليوم قرب مدينة حمص.", "Military Forces of Syria"),
    ("أطلقت تركيا سراح صحفي أمريكي في إسطنبول اليوم بعد اعتقاله قبل عامين.", "Military Forces of Turkey"),
])
def test_a_country_hit_or_acting_in_no_attack_is_no_attacker(text, country):
    assert all(e.actor1 != country for e in _records(text)), _sides(_records(text))
