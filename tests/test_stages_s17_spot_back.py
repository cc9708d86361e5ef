"""A spot no gazetteer knows, placed by a back-reference to the town an event was told in before it
("وسط مدينة البصرة ... في منطقة (X) وسط المدينة"), is in that town: one event, not a second one at the
spot."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "اغتال مسلحون مجهولون مدنيا قرب منزله مساء اليوم، وسط مدينة البصرة مركز المحافظة. وأكدت الأنباء أن "
    "مسلحين أطلقوا النار على مدني حينما كان قرب منزله في منطقة (الموفقية) وسط المدينة، ما أدى إلى مقتله.",
    "قتل مدني اليوم برصاص مسلحين مجهولين في مدينة الديوانية. وقال مصدر أمني إن المسلحين أطلقوا النار على "
    "الضحية في منطقة (العروبة الثانية) وسط المدينة ولاذوا بالفرار.",
    "أصيب شخصان اليوم بانفجار عبوة ناسفة في مدينة الحلة. وأوضح المصدر أن العبوة انفجرت في منطقة (نادر "
    "الثانية) شمال المدينة.",
])
def test_a_spot_placed_back_in_the_town_is_the_towns_event(text):
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert len(found) == 1, [(e.location, e.sub_event_type) for e in found]
