"""Which mention is the event's place, and which place a mention is: third set (issues 16 item 3
and 17 items 1 and 6). Each class is a pattern of the tuning sets' place errors, tested on
sentences written for these tests, in new wordings and several countries."""
from __future__ import annotations

import pytest

import marsad
from marsad.geo.gazetteer import distance_km


def _events(text: str, published: str = "2024-06-10"):
    return [e for e in marsad.extract(text, published=published) if e.latitude is not None]


def _far_from(events, lat: float, lon: float, km: float = 5.0) -> bool:
    return all(distance_km(e.latitude, e.longitude, lat, lon) > km for e in events)


# A region the text puts on a side of a town (قرية X في منطقة Y جنوب Z) is located by the town:
# the town is the region's container, not an event place of its own (the tuning sets' "Hebron"
# forbidden hit: "قرية سوسيا في مناطق مسافر يطا جنوب الخليل").
@pytest.mark.parametrize("text, town", [
    ("قتل مستوطنون شابا برصاصهم في قرية التواني في مناطق مسافر يطا جنوب الخليل.", "Hebron"),
    ("قتل ثلاثة جنود بهجوم لتنظيم داعش على قرية البوعيسى في منطقة مطيبيجة شرق سامراء.", "Samarra"),
    ("استهدفت غارة إسرائيلية منزلا في بلدة جباع في إقليم التفاح شرق صيدا، ما أدى إلى مقتل رجل.", "Sidon"),
    ("أصيب طفلان بقصف مدفعي طال بلدة المغير في منطقة الأغوار شرق رام الله.", "Ramallah"),
])
def test_a_town_that_locates_a_region_is_no_event_place(text, town):
    events = _events(text)
    assert len(events) == 1, [(e.location, e.geo_precision) for e in events]
    assert events[0].location != town
