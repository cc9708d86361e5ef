""""وسط محافظة البصرة" (the heart of the governorate of Basra) is the seat that bears the governorate's
name, the city; a governorate whose seat has another name (وسط محافظة ديالى) stays the governorate, and
so does the governorate told with no middle word (في محافظة كركوك)."""
import pytest

import marsad


def _where(text):
    return [(e.location, e.geo_precision) for e in marsad.extract(text, "2018-11-16", min_confidence=0)]


@pytest.mark.parametrize("text, city", [
    ("أضرم متظاهرون النيران في إطارات وقطعوا أحد الشوارع الحيوية وسط محافظة البصرة اليوم.", "Basra"),
    ("انفجرت عبوة ناسفة بدورية للشرطة وسط محافظة كركوك اليوم.", "Kirkuk"),
])
def test_the_centre_of_a_governorate_named_after_its_seat_is_the_seat(text, city):
    assert _where(text) == [(city, 1)]


@pytest.mark.parametrize("text", [
    "انفجرت عبوة ناسفة بدورية للشرطة وسط محافظة ديالى اليوم.",
    "انفجرت عبوة ناسفة بدورية للشرطة في محافظة كركوك اليوم.",
])
def test_otherwise_the_governorate_stays(text):
    assert [p for _, p in _where(text)] == [3]
