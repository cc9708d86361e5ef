"""Classes the lead fixed in the ninth session, each in several wordings of our own."""
from __future__ import annotations

import pytest

import marsad


@pytest.mark.parametrize("text, dead", [
    ("قتل ثلاثة مدنيين بقصف على قرية في ريف الحسكة.", 3),
    ("لقي طفلان حتفهما جراء غارة روسية على بلدة في ريف إدلب.", 2),
    ("قتل أربعة أشخاص في هجوم مسلح على قرية بريف دير الزور الشرقي.", 4),
    ("أسفر قصف مدفعي على بلدة في ريف درعا الغربي عن مقتل امرأتين.", 2),
])
def test_an_unnamed_village_the_events_own_place_locates_keeps_the_toll(text, dead):
    """"على قرية في ريف X": the unnamed village is where the event was (X's countryside locates
    it), so its dead are the event's, not a death elsewhere."""
    found = marsad.extract(text, published="2024-05-10")
    assert len(found) == 1, [(e.sub_event_type, e.location) for e in found]
    assert found[0].fatalities == dead, (found[0].location, found[0].fatalities)


def test_an_unnamed_village_in_another_clause_is_still_elsewhere():
    found = marsad.extract("قتل خمسة مدنيين في غارة على بلدة سراقب، كما قتل طفل في غارة أخرى على قرية في "
                           "شرق المحافظة.", published="2024-05-10")
    saraqib = [e for e in found if e.location == "Saraqib"]
    assert saraqib and saraqib[0].fatalities == 5


@pytest.mark.parametrize("text, striker", [
    ("قتل مدني بغارة إسرائيلية استهدفت بلدة عيتا الشعب.", "Military Forces of Israel"),
    ("قتل ثلاثة مدنيين بقصف تركي على بلدة تل تمر.", "Military Forces of Turkey"),
    ("أصيب طفلان بالقصف الروسي على مدينة أريحا.", "Military Forces of Russia"),
    ("قتلت امرأة بقذائف حوثية سقطت على حي سكني في مدينة تعز.", "Ansar Allah (the Houthis)"),
])
def test_a_nationality_after_a_weapon_behind_a_preposition_names_the_striker(text, striker):
    """"قتل مدني بغارة إسرائيلية": a person noun right before بـ + weapon is no construct (the
    weapon is not his, as in "خبيري صواريخ إيراني"), so the nationality names the striker."""
    found = marsad.extract(text, published="2024-05-10")
    assert found and found[0].actor1 == striker, [(e.actor1, e.actor2) for e in found]


def test_a_weapon_in_construct_with_a_person_still_names_no_striker():
    found = marsad.extract("أعلن الجيش السوري اعتقال خبيري صواريخ إيراني ولبناني في مدينة حلب.",
                           published="2024-05-10")
    assert all("Iran" not in e.actor1 and "Iran" not in e.actor2 for e in found), \
        [(e.actor1, e.actor2) for e in found]
