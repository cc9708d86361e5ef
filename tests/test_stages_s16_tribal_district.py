"""Tribal fights, and a district named with its noun before the town that locates it.

- A tribal dispute or fight (نزاع عشائري، نزاعا بين عشيرتين، اشتباك عشائري، معارك عشائرية) is an armed
  clash; with no tribe named, each side is an unidentified tribal militia.
- A district named with its noun (قضاء X، مديرية X) and located by a town (بالموصل، جنوب الموصل) lies in
  that town's governorate, even far from the town itself: it is the district, not an unknown place
  at the town.
"""
import pytest

import marsad

DAY = "2019-04-25"
TRIBAL = "Unidentified Tribal Militia"


def _records(text: str):
    return marsad.extract(text, DAY, min_confidence=0)


@pytest.mark.parametrize("text, town", [
    ("قتل شخص وأصيب آخر في نزاع عشائري اندلع مساء أمس في منطقة كرمة علي شمال البصرة.", "Karmat Ali"),
    ("أسفر نزاع بين عشيرتين في قضاء الشطرة شمال الناصرية عن مقتل شخصين اليوم.", "Ash Shatrah"),
    ("تجدد النزاع العشائري في قضاء الزبير اليوم وسط استخدام قذائف الهاون.", "Az Zubayr"),
    ("اندلعت معارك عشائرية عنيفة اليوم في ناحية الفهود استخدمت فيها الأسلحة المتوسطة.", "Al-Fuhud"),
])
def test_a_tribal_fight_is_a_clash_between_tribal_militias(text, town):
    found = [e for e in _records(text) if e.sub_event_type == "Armed clash"]
    assert [e.location for e in found] == [town], [(e.location, e.sub_event_type) for e in _records(text)]
    assert (found[0].actor1, found[0].actor2) == (TRIBAL, TRIBAL)


def test_a_feud_told_as_the_cause_of_a_killing_is_no_clash_of_its_own():
    found = _records("اغتال مسلحون مجهولون اليوم شيخ عشيرة في قضاء الزبير على خلفية نزاع عشائري قديم.")
    assert [e.sub_event_type for e in found] == ["Attack"], [(e.sub_event_type, e.location) for e in found]


@pytest.mark.parametrize("text, district", [
    ("انفجرت عبوة ناسفة اليوم خلال تمشيط وحدات من الجيش منطقة ضمن قضاء الحضر بالموصل ما أسفر عن مقتل جندي.",
     "Hatra"),
    ("انفجرت عبوة ناسفة اليوم في قضاء الحضر جنوب الموصل ما أسفر عن مقتل جندي.", "Hatra"),
    ("قتل مدنيان اليوم بقصف حوثي على مديرية حيس جنوب الحديدة.", "Hays"),
])
def test_a_district_named_with_its_noun_is_found_in_the_locating_town_s_governorate(text, district):
    assert [e.location for e in _records(text)] == [district]
