"""The force that announces a grenade's toll is no thrower.

"أعلنت الشرطة مقتل عشرة أشخاص إثر انفجار قنبلة يدوية ألقاها شخص": the police speaks (its mention is the
source of the report); a grenade's thrower is seldom named, so the attack is an unidentified group's.
A force the text says threw it ("ألقت الشرطة قنابل يدوية على مخبأ") stays the thrower.
"""
import pytest

import marsad


def _records(text: str, published="2021-03-08"):
    return marsad.extract(text, published, min_confidence=0)


def _sides(records):
    return [(e.location, e.sub_event_type, e.actor1, e.actor2) for e in records]


@pytest.mark.parametrize("text, announcer", [
    ("أعلنت الشرطة العراقية مقتل ثلاثة أشخاص إثر انفجار قنبلة يدوية في مقهى بمدينة الرمادي مساء الجمعة.",
     "Police Forces of Iraq"),
    ("أعلنت شرطة عدن مقتل شخصين وإصابة خمسة آخرين إثر انفجار قنبلة يدوية في سوق بمديرية الشيخ عثمان اليوم.",
     "Police Forces of Yemen"),
    ("أعلنت قوى الأمن الداخلي اللبنانية مقتل شخص بانفجار قنبلة يدوية ألقاها مجهول على محل تجاري في مدينة طرابلس "
     "اليوم.", "Police Forces of Lebanon"),
])
def test_the_force_that_announces_a_grenade_s_toll_did_not_throw_it(text, announcer):
    found = [e for e in _records(text) if e.sub_event_type == "Grenade"]
    assert found, _sides(_records(text))
    assert all(e.actor1 != announcer for e in found), _sides(found)


def test_a_force_that_throws_grenades_stays_the_thrower():
    found = [e for e in _records("ألقت الشرطة العراقية قنابل يدوية على مخبأ لمسلحين في مدينة الرمادي مساء الجمعة.")
             if e.sub_event_type == "Grenade"]
    assert found and found[0].actor1 == "Police Forces of Iraq", _sides(found)
