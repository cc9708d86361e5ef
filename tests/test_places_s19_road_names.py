"""A road's first end after the road noun and its adjectives (على طريق عام صور – الحوش، طريق صور) names a
place even when the name is also a common word (صور: pictures): the strike on the road is placed near
that town. The same word with no road before it stays a common word."""
import pytest

import marsad


def _where(text):
    return [(e.location, e.geo_precision) for e in marsad.extract(text, "2024-01-10", min_confidence=0)]


@pytest.mark.parametrize("text", [
    "استهدفت غارة إسرائيلية سيارة على طريق عام صور – الحوش اليوم وأدت إلى سقوط قتيلين.",
    "قتل شخصان بغارة على سيارة في جنوب لبنان اليوم.\nوقالت الوكالة إن الغارة استهدفت سيارة على طريق عام صور – "
    "الحوش وأدت إلى سقوط قتيلين.",
])
def test_a_common_word_after_a_road_noun_is_the_roads_town(text):
    assert _where(text) == [("Tyre", 2)]


def test_the_common_word_alone_is_no_place():
    assert _where("قتل شخصان بغارة على سيارة في جنوب لبنان اليوم، ونشر ناشطون صور السيارة المدمرة.") == \
        [("South Lebanon", 3)]
