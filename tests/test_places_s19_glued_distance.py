"""A distance written onto its number ("350كم شمال بغداد"، "(20كلم غرب مدينة إدلب)") measures from the
place after it: that place is a reference, never the event's place, as with "350 كم"."""
import pytest

import marsad


@pytest.mark.parametrize("text, ref", [
    ("وكان مصدر حكومي كردي، أعلن اليوم الثلاثاء، سقوط قتلى وجرحى إثر قصف جوي تركي استهدف منطقة شمال محافظة أربيل  "
     "(350كم شمال بغداد).", "Baghdad"),
    ("قتل مدنيان اليوم في غارة جوية على بلدة عندان (20كلم شمال حلب).", "Aleppo"),
])
def test_a_place_after_a_glued_distance_is_no_event_place(text, ref):
    found = marsad.extract(text, "2020-08-11", min_confidence=0)
    assert found and all(e.location != ref for e in found), [(e.sub_event_type, e.location) for e in found]
