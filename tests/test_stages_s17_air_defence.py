"""Saudi Arabia's air defence named with its nationality (قوات الدفاع الجوي الملكي السعودي، الدفاعات الجوية
السعودية) is Saudi Arabia's forces, not the forces of the country the article's other news is about."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "أسقطت قوات الدفاع الجوي الملكي السعودي اليوم طائرتين بدون طيار أطلقهما الحوثيون باتجاه مدينة أبها.",
    "اعترضت الدفاعات الجوية السعودية صاروخا باليستيا أطلقه الحوثيون على مدينة جازان اليوم.",
])
def test_the_saudi_air_defence_is_saudi(text):
    found = marsad.extract(text, "2018-04-11", min_confidence=0)
    assert found and all("Military Forces of Saudi Arabia" in (e.actor1, e.actor2) for e in found), \
        [(e.actor1, e.actor2) for e in found]
