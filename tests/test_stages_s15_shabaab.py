"""Al-Shabaab's fighters named without حركة (مقاتلي الشباب، مسلحو الشباب، عناصر الشباب) in Somali and East
African news are the group, not civilians; the same words elsewhere stay young men."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "قال الجيش الأميركي إنه قتل متطرفين اثنين في ضربة جوية ضد مقاتلي الشباب قرب جيليب في الصومال.",
    "هاجم مسلحو الشباب قاعدة للجيش الصومالي في بلدة أفجوي اليوم وقتلوا خمسة جنود.",
])
def test_shabaab_fighters_in_somalia(text):
    found = marsad.extract(text, "2018-02-27")
    assert found and any("Al Shabaab" in (e.actor1, e.actor2) for e in found), \
        [(e.actor1, e.actor2) for e in found]


def test_young_men_elsewhere_are_no_group():
    found = marsad.extract("قتل ثلاثة من الشباب برصاص قناص في حي الشعار بمدينة حلب اليوم.", "2018-02-27")
    assert found and all("Al Shabaab" not in (e.actor1, e.actor2) for e in found)
