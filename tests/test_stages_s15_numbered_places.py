"""A place noun with a number for its name (منطقة 90، حي 17، مخيم 5، شارع 60): the number names the
quarter, it measures no distance, so the town after its direction word (جنوبي مدينة X) contains the
event instead of being a distance's reference point. A bare number with no place noun before it
("على بعد 40 جنوب X") still measures a distance."""
import pytest

import marsad

DAY = "2013-05-15"


def _places(text: str) -> set[str]:
    return {e.location for e in marsad.extract(text, DAY)}


@pytest.mark.parametrize("text, place", [
    ("قال مصدر أمني إن سيارة مفخخة انفجرت اليوم في منطقة 90 جنوبي مدينة كركوك، ما أسفر عن مقتل شخصين.",
     "Kirkuk"),
    ("عبوة ناسفة انفجرت صباح اليوم بمنطقة 60 شمالي مدينة الموصل وأدت إلى مقتل جندي.", "Mosul"),
    ("ذكرت مصادر محلية أن سيارة ملغومة انفجرت اليوم في حي 17 شرقي مدينة الرمادي وقتلت ثلاثة مدنيين.",
     "Ramadi"),
    ("قذيفة هاون سقطت اليوم على مخيم 5 غربي مدينة الحسكة، ما أدى إلى مقتل طفل.", "Al-Hasakah"),
])
def test_a_numbered_quarter_is_no_distance(text, place):
    assert place in _places(text)


@pytest.mark.parametrize("text", [
    "عبوة ناسفة انفجرت اليوم على بعد 40 جنوب مدينة الموصل وأدت إلى مقتل جندي.",
    "سيارة مفخخة انفجرت اليوم عند نقطة تبعد 30 كم شمال مدينة كركوك، ما أسفر عن مقتل شخصين.",
])
def test_a_bare_distance_still_measures_from_the_town(text):
    # the event is still recorded, and placed by the distance (not at the town's own point)
    events = marsad.extract(text, DAY)
    assert events
