"""Event frames, roles and tolls: classes still open after the ninth session (issue 16 items 2,
5 and 6), each in several wordings of our own."""
from __future__ import annotations

import pytest

import marsad


@pytest.mark.parametrize("text, force", [
    ("أصيب ثلاثة عناصر من الشرطة بهجوم مسلح في مدينة بعقوبة.", "Police Forces of Iraq"),
    ("أصيب ضابطان في الجيش اليمني بهجوم مسلح في مديرية المحفد بمحافظة أبين.", "Military Forces of Yemen"),
    ("أصيب أربعة جنود من الجيش العراقي بهجوم استهدف نقطة عسكرية قرب قضاء طوزخورماتو.",
     "Military Forces of Iraq"),
    ("جرح خمسة من عناصر الشرطة الليبية في هجوم على مركزهم في مدينة زليتن.", "Police Forces of Libya"),
])
def test_a_force_whose_men_were_only_wounded_is_the_side_attacked(text, force):
    """"أصيب ثلاثة عناصر من الشرطة بهجوم مسلح": the force told only by its wounded men is the
    target of an attacker the report does not name, not the side that attacked nobody."""
    found = marsad.extract(text, published="2024-05-10")
    assert len(found) == 1, [(e.sub_event_type, e.location) for e in found]
    e = found[0]
    assert (e.actor1, e.actor2) == ("Unidentified Armed Group", force), (e.actor1, e.actor2)
    assert e.event_type == "Battles" and e.fatalities == 0


def test_wounded_men_of_a_named_attacker_keep_the_attacker_as_a_side():
    found = marsad.extract("هاجم مسلحو تنظيم داعش حاجزاً للجيش العراقي في قضاء الطارمية، ما أدى إلى "
                           "إصابة جنديين.", published="2024-05-10")
    assert found and {found[0].actor1, found[0].actor2} == {"Islamic State", "Military Forces of Iraq"}, \
        [(e.actor1, e.actor2) for e in found]
