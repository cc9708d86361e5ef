"""A bare name shared by a country and its capital (تونس، الجزائر، الكويت) is the country: a statement
"in Tunisia" or a law applied "in Tunisia" puts no event in the capital; "مدينة تونس"، "تونس العاصمة"
name the city."""
import pytest

import marsad
from marsad.pipeline import analyse

DAY = "2018-07-08"


@pytest.mark.parametrize("text, kind", [
    ("قالت وكالة الأنباء الرسمية في تونس إن ستة من الحرس الوطني قتلوا اليوم في هجوم غرب البلاد.", "country"),
    ("قتل ثلاثة من عناصر الأمن في هجوم قرب الحدود اليوم، ويطبق في تونس منذ العام 2015 قانون الطوارئ.",
     "country"),
    ("انفجرت عبوة ناسفة في وسط مدينة تونس اليوم.", "city"),
    ("انفجرت عبوة ناسفة في تونس العاصمة اليوم وأصابت شرطيين.", "city"),
])
def test_country_or_capital(text, kind):
    pm = [p for p in analyse(text, DAY).places.mentions if p.text.endswith("تونس") or p.text.startswith("تونس")][0]
    assert pm.place.kind == kind, (pm.text, pm.place)


def test_an_ambush_told_with_the_country_is_not_placed_in_the_capital():
    text = ("نصبت مجموعة إرهابية الأحد كمينا لدورية من الحرس الوطني قرب مدينة غار الدماء غرب البلاد. وقالت وكالة "
            "الأنباء الرسمية في تونس إن ستة من عناصر الدورية قتلوا في الهجوم.")
    places = {e.location for e in marsad.extract(text, DAY)}
    assert "Tunis" not in places and places, places
