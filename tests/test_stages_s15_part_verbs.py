"""Parts of a total placed with their own verb of dying before the place ("بينهم 5 قضوا في بلدة X
و4 في بلدة Y"، "4 شهداء استشهدوا في X"): each part is its own town's toll, as "بينهم 5 في X" is, and
the area the total was told at keeps no event of its own."""
import pytest

import marsad

DAY = "2019-05-10"


@pytest.mark.parametrize("text, tolls", [
    ("بلغت حصيلة الغارات الروسية على ريف إدلب أمس 12 قتيلا، بينهم 5 قضوا في بلدة كفرنبل و4 في بلدة معرة حرمة.",
     {"Kafranbel": 5, "Maarat Hurma": 4}),
    ("ارتفعت حصيلة القصف المدفعي على ريف حماة الشمالي اليوم إلى 9 قتلى، بينهم 6 استشهدوا في بلدة كفرزيتا "
     "و3 في مدينة اللطامنة.", {"Kafr Zita": 6, "Al-Lataminah": 3}),
])
def test_a_part_with_its_own_death_verb_goes_to_its_town(text, tolls):
    found = {e.location: e.fatalities for e in marsad.extract(text, DAY)}
    assert found == tolls, found
