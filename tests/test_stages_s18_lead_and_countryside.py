"""Three classes from the fifteenth set's tune half.

A date in a relative clause that describes no event (a body or a person did something "days ago")
does not date the lead: the events keep the day the text gives them.

A short sound key (three letters: ابريهة "bri") matches only itself: "ri" (الهري) is another
village, 65 km away.

A countryside named with no town after an unknown village or the list it ends ("بالريف الشمالي")
puts the village on that side of the area the article is about."""
import pytest

import marsad
from marsad.geo.gazetteer import distance_km


@pytest.mark.parametrize("text", [
    "قتلى في غارات على صعدة\n\nتتواصل جرائم طائرات التحالف بحق المدنيين في تحد للأمم المتحدة التي أدرجت قبل أيام "
    "التحالف في القائمة السوداء.\n"
    "وقتل ثمانية مدنيين في غارة جوية على مديرية شدا بمحافظة صعدة مساء الاثنين 9 أكتوبر 2017.\n"
    "وشن الطيران غارتين على منطقة كهلان بضواحي مدينة صعدة.",
    "قتلى في غارات على صعدة\n\nتستمر معاناة المدنيين رغم تحذيرات المنظمة الدولية التي أصدرت قبل أسبوع تقريرا عن "
    "الانتهاكات.\n"
    "وقتل ثمانية مدنيين في غارة جوية على مديرية شدا بمحافظة صعدة مساء الاثنين 9 أكتوبر 2017.\n"
    "وشن الطيران غارتين على منطقة كهلان بضواحي مدينة صعدة.",
])
def test_a_bystanders_date_does_not_date_the_lead(text):
    found = marsad.extract(text, "2017-10-09", min_confidence=0)
    assert found and all(e.event_date == "2017-10-09" for e in found), [(e.location, e.event_date) for e in found]


@pytest.mark.parametrize("text", [
    "خرجت تظاهرات في قرية ابريهة بريف دير الزور الشرقي اليوم.",
    "قتل شاب برصاص مجهولين في قرية ابريهة بريف دير الزور الشرقي اليوم.",
])
def test_a_short_sound_is_only_itself(text):
    found = marsad.extract(text, "2023-01-29", min_confidence=0)
    assert found and all(e.location != "Al-Hiri" for e in found), [e.location for e in found]


@pytest.mark.parametrize("text", [
    "قتل عنصر في ريف دير الزور الشرقي.\nوخرجت تظاهرات في قرية معيزيلة بالريف الشمالي اليوم.",
    "قتل عنصر في ريف دير الزور الشرقي.\nوخرجت تظاهرات في قريتي العزبة ومعيزيلة بالريف الشمالي اليوم.",
    "قتل عنصر في ريف دير الزور الشرقي.\nوشهدت قرى العزبة ومعيزيلة والجنينة في الريف الشمالي تظاهرات اليوم.",
])
def test_a_bare_countryside_gives_its_side(text):
    found = [e for e in marsad.extract(text, "2023-01-29", min_confidence=0) if e.event_type == "Protests"]
    # the northern countryside of Deir ez-Zor lies north-west of the city, the eastern one south-east
    assert found and all(e.latitude > 35.3 for e in found), [(e.location, e.latitude, e.longitude) for e in found]
    assert all(distance_km(e.latitude, e.longitude, 35.395, 40.05) < 25 for e in found)
