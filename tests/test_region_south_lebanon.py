""""جنوب لبنان" as news uses it is the south of the country, the South and Nabatieh
governorates together: a village named "X في جنوب لبنان" is placed at X whichever of the
two it lies in, and the region alone gives a region-level point in Lebanon, not Sidon."""
from __future__ import annotations

import pytest

import marsad
from marsad.geo.gazetteer import distance_km, load_gazetteer


def _first(text: str):
    events = [e for e in marsad.extract(text, published="2024-05-10") if e.latitude is not None]
    assert events, f"no located event in {text!r}"
    return events[0]


@pytest.mark.parametrize("text, place_id", [
    # Nabatieh-governorate villages the text locates only by "جنوب لبنان" (all failed before:
    # the phrase was the South governorate's alias, so they became unknown places at Sidon)
    ("قصفت طائرة مسيرة إسرائيلية منزلا في بلدة الخيام في جنوب لبنان ما أدى إلى مقتل شخصين.", "cur:lb-khiam"),
    ("قتل مدني بغارة إسرائيلية استهدفت بلدة عيتا الشعب في جنوب لبنان.", "cur:lb-aita-al-shaab"),
    ("استهدف قصف مدفعي إسرائيلي أطراف بلدة كفرحمام في الجنوب اللبناني.", "cur:lb-kfar-hamam"),
])
def test_a_nabatieh_village_in_south_lebanon_keeps_its_place(text, place_id):
    place = load_gazetteer().get(place_id)
    event = _first(text)
    assert distance_km(event.latitude, event.longitude, place.latitude, place.longitude) < 1.0, event.location


def test_a_south_governorate_town_still_resolves():
    event = _first("شنت الطائرات الإسرائيلية غارة على بلدة الناقورة في جنوب لبنان.")
    assert "Naq" in event.location and event.country == "Lebanon"


def test_the_region_alone_is_in_lebanon_and_not_at_sidon():
    event = _first("قصفت المدفعية الإسرائيلية مناطق في جنوب لبنان.")
    sidon = (33.563, 35.369)
    assert event.country == "Lebanon" and event.location == "South Lebanon"
    assert distance_km(event.latitude, event.longitude, *sidon) > 20
