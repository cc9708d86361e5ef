"""An aircraft that drops bombs (ألقت طائرة حربية قنابل، ألقت مروحيات النظام قنابل) makes an air strike even
though neither the verb nor "bombs" makes one alone: forces throwing tear-gas grenades or making an
arrest (ألقت القوات القبض) drop nothing from the air."""
import pytest

import marsad


def _kinds(text):
    return [(e.sub_event_type, e.location) for e in marsad.extract(text, "2018-04-12", min_confidence=0)]


@pytest.mark.parametrize("text", [
    "وقال نشطاء إن طائرة حربية ألقت قنابل على بلدة دوما اليوم.",
    "ألقت مروحيات النظام قنابل على بلدة دوما اليوم.",
    "وقال نشطاء إن طائرة تابعة للحكومة ألقت قنابل على بلدة دوما اليوم.",
])
def test_an_aircraft_dropping_bombs_is_an_air_strike(text):
    assert _kinds(text) == [("Air/drone strike", "Douma")]


@pytest.mark.parametrize("text, kind", [
    ("ألقت قوات الأمن قنابل الغاز على المتظاهرين في مدينة البصرة اليوم.", "Protest with intervention"),
    ("ألقت القوات القبض على ثلاثة مطلوبين في بلدة دوما اليوم.", "Arrests"),
])
def test_forces_on_the_ground_drop_nothing_from_the_air(text, kind):
    assert [k for k, _ in _kinds(text)] == [kind]
