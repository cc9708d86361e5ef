"""The lead's classes of the tenth session of issue 16, each in wordings of our own."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

MARCH = date(2024, 3, 5)


@pytest.mark.parametrize("text, place, deaths", [
    ("اعترفت القوات الحكومية بقصف سوق شعبي في مدينة سراقب اليوم ما أدى إلى مقتل خمسة مدنيين.", "Saraqib", 5),
    ("واعترف التحالف بشن غارة جوية على مبنى في مدينة الرقة أمس أسفرت عن مقتل أربعة مدنيين.", "Ar-Raqqa", 4),
    ("أقر الجيش الإسرائيلي اليوم بمقتل جنديين في اشتباك مع مسلحين في مخيم جنين.", "Jenin camp", 2),
])
def test_a_force_owning_its_act_is_no_defendants_confession(text, place, deaths):
    """اعترف/أقر said of a force about the day's act is an event; only a defendant's confession in a
    court's sentence tells a charge (the confession rule dropped these three)."""
    found = [(e.location, e.fatalities) for e in marsad.extract(text, published=MARCH)]
    assert (place, deaths) in found


@pytest.mark.parametrize("text", [
    "اعترف المتهم أمام محكمة الجنايات بتنفيذ هجوم على حاجز للجيش في مدينة بيجي.",
    "وأقر المدانون بالمشاركة في الهجوم على مركز للشرطة في مدينة تكريت.",
])
def test_a_defendants_confession_still_tells_no_event(text):
    assert marsad.extract(text, published=MARCH) == []
