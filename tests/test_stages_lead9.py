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
