"""Places named through a facility, and regions that name their country.

- A hospital, prison, airport, port or crossing named after its town (مستشفى تبنين الحكومي، سجن
  X، معبر X) puts the name after it in place position, as a place noun does: a small town with
  no place noun or preposition before it is still found there.
- A region whose name holds its country's (جنوب لبنان) is never set aside as a namesake of a
  country the article does not otherwise name, and a small town near it is not set aside as lying
  far from the article's places.
"""
import pytest

import marsad

DAY = "2025-09-19"


def _places(text: str) -> set[str]:
    return {e.location for e in marsad.extract(text, DAY, min_confidence=0)}


@pytest.mark.parametrize("text, town", [
    ("أدت غارة إسرائيلية على سيارة أمام مستشفى تبنين الحكومي اليوم إلى سقوط قتيل.", "Tebnine"),
    ("قتل شخصان بقصف مدفعي استهدف محيط مشفى كفرنبل اليوم.", "Kafranbel"),
    ("انفجرت سيارة مفخخة اليوم قرب معبر باب السلامة شمال اعزاز.", "Bab al-Salama crossing"),
])
def test_a_facility_named_after_its_town_places_the_town(text, town):
    assert town in _places(text), _places(text)


def test_the_wounded_taken_to_a_town_s_hospital_do_not_place_the_strike_there():
    places = _places("شنت طائرة إسرائيلية غارة على بلدة برعشيت اليوم، ونقل الجرحى إلى مستشفى تبنين الحكومي.")
    assert places == {"Brashit"}, places


@pytest.mark.parametrize("text, place", [
    ("قتل شخص اليوم في غارة إسرائيلية على سيارة جنوب لبنان. وتبادلت إسرائيل وحزب الله القصف عبر الحدود لنحو عام "
     "عقب اندلاع الحرب في قطاع غزة في أكتوبر 2023.", "South Lebanon"),
    ("لقي شخص مصرعه اليوم جراء غارة إسرائيلية على سيارة في جنوب لبنان. وقال مسؤولون إن الغارة استهدفت سيارة أمام "
     "مدخل مستشفى تبنين الحكومي، غداة غارات على قرى عدة في جنوب لبنان، فيما تتواصل الحرب في قطاع غزة.", "Tebnine"),
])
def test_a_region_that_names_its_country_keeps_its_events(text, place):
    assert place in _places(text), _places(text)
