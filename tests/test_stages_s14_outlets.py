"""A news outlet named after a place, told right after its sources (مصادر الميادين، مصدر الجزيرة):
the outlet, not an event place. The town of that name stays a place where the text puts an event
there, or where a preposition stands between (مصادر في الميادين)."""
import pytest

import marsad

DAY = "2023-04-02"


def _places(text: str) -> set[str]:
    return {e.location for e in marsad.extract(text, DAY)}


@pytest.mark.parametrize("text, place", [
    ("ونقلت مصادر الميادين في العراق أن مسلحين من داعش هاجموا قرية في قضاء الخالص بمحافظة ديالى أمس، "
     "وقتلوا ثلاثة من أبناء القرية.", "Al-Khalis"),
    ("وتحدثت مصادر الميادين عن اشتباكات بين الجيش السوري ومسلحين في ريف حمص الشرقي اليوم.",
     "Eastern Homs countryside"),
    ("وأكد مصدر الميادين أن قذائف هاون سقطت على حي الحمدانية في مدينة حلب اليوم وأصابت أربعة مدنيين.",
     "Al-Hamdaniyah"),
    ("ونقلت مصادر الجزيرة أن طائرة مسيرة استهدفت سيارة عسكرية قرب بلدة تل تمر بريف الحسكة اليوم.",
     "Tal Tamr"),
])
def test_an_outlet_named_after_a_town_is_no_event_place_after_its_sources(text, place):
    found = _places(text)
    assert place in found, found
    assert not found & {"Al-Mayadin", "Al Madinah", "Al-Jazira", "Jazira"}, found


@pytest.mark.parametrize("text, place", [
    ("قتل شخصان بانفجار سيارة مفخخة في مدينة الميادين اليوم، بحسب مصادر الجزيرة.", "Al-Mayadin"),
    ("قالت مصادر محلية إن انفجارا وقع في مدينة الميادين بريف دير الزور الشرقي اليوم وأدى إلى مقتل شخصين.",
     "Al-Mayadin"),
])
def test_the_town_itself_stays_a_place(text, place):
    assert place in _places(text)
