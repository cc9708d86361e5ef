"""A verb of taking ground with a direct object (استعادت، حررت، استرجعت، انتزعت) takes positions or areas
placed by a side of a settlement or inside it ("استعادت القوات الحكومية مواقع شرق مدينة حرض"، "حررت
مناطق واسعة في مديرية الدريهمي"): a capture there, as after "سيطرت على". A place a force has held for
a while ("أحياء سيطرت عليها الفصائل لسنوات في مدينة X") is still no seizure."""
import pytest

import marsad

DAY = "2018-05-22"


def _records(text: str):
    return marsad.extract(text, DAY, min_confidence=0)


@pytest.mark.parametrize("text, place", [
    ("استعادت القوات الحكومية اليوم مواقع شرق مدينة حرض.", "Harad"),
    ("استعاد الجيش السوري اليوم نقاطا عسكرية في محيط بلدة اللطامنة.", "Al-Lataminah"),
    ("استرجعت قوات الأمن اليوم مواقع جنوب مدينة سرت من مسلحي داعش.", "Sirte"),
])
def test_positions_taken_by_a_side_of_a_town_are_a_capture_there(text, place):
    found = [(e.sub_event_type, e.location) for e in _records(text)]
    assert ("Government regains territory", place) in found, found


def test_a_place_held_for_years_is_no_seizure():
    found = [e.sub_event_type for e in _records("وتضم المدينة أحياء سيطرت عليها الفصائل لسنوات في مدينة حلب.")]
    assert "Government regains territory" not in found and "Non-state actor overtakes territory" not in found
