"""Two place-reading classes.

A word whose و is its own letter (ورقة "a card", much commoner than رقة) is not "and" + a town's
bare name, even when the text stores it normalised (ورقه).

A side of a place named with a side noun and compass adjectives ("في الجهة الشمالية الشرقية
للسويداء"، "في الجانب الغربي من مدينة حمص") locates the place before it as "شمال شرقي السويداء"
would: a village of that name elsewhere (a neighbourhood of Aleppo) is not taken."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "الغاز ورقة ضغط روسية على أوروبا. قتل شخص في هجوم مسلح اليوم.",
    "تستخدم الحكومة الملف ورقة تفاوض مع المعارضة. وقتل شخص في هجوم مسلح اليوم.",
    "ورقة عمل جديدة أمام البرلمان.\nوقتل شخصان في هجوم مسلح اليوم.",
])
def test_a_word_whose_waw_is_its_own_is_no_town(text):
    found = marsad.extract(text, "2018-03-15", min_confidence=0)
    assert not any(e.location == "Ar-Raqqa" for e in found), [e.location for e in found]


@pytest.mark.parametrize("text", [
    "سيطرت قوات النظام على قرية الأشرفية في الجهة الشمالية الشرقية للسويداء اليوم.",
    "قتل شخص برصاص مجهولين في قرية الأشرفية بالجهة الشرقية من محافظة السويداء اليوم.",
    "قتل شخصان بانفجار عبوة ناسفة في قرية الأشرفية في الناحية الجنوبية الشرقية من السويداء اليوم.",
])
def test_a_side_phrase_locates_the_village(text):
    found = marsad.extract(text, "2020-05-05", min_confidence=0)
    assert found and all(e.admin1 != "Aleppo" and e.latitude < 34.0 for e in found), \
        [(e.location, e.admin1, e.latitude) for e in found]


@pytest.mark.parametrize("text, town", [
    ("اندلعت اشتباكات عشائرية في قضاء المدينة شمال البصرة اليوم وقتل فيها ثلاثة أشخاص.", "Al-Midaina"),
    ("قتل شخصان في نزاع عشائري مسلح في قضاء الجبايش بمحافظة ذي قار اليوم.", "Al-Chibayish"),
])
def test_southern_iraqi_district_towns(text, town):
    found = marsad.extract(text, "2024-01-15", min_confidence=0)
    assert found and all(e.location == town for e in found), [e.location for e in found]


def test_the_bare_word_for_city_is_no_town():
    text = "زار الوزير المدينة اليوم، وقتل شخص في هجوم مسلح على حاجز في المدينة."
    assert not any(e.location == "Al-Midaina" for e in marsad.extract(text, "2024-01-15", min_confidence=0))
