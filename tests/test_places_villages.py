"""Towns, villages and quarters that real news names in place positions and that the
gazetteer lacked until issue 17's village rows (the end block of kb/data/places.tsv):
own-wording sentences, each must resolve to the named place, within 10 km of the row's
point, and a name two countries share (صيدا: Sidon in Lebanon, Saida in Daraa) is told
by the country or governorate the sentence gives."""
from __future__ import annotations

import pytest

from marsad.geo.gazetteer import distance_km, load_gazetteer
from located import first_located


def _located(text: str):
    return first_located(text, "2018-03-05")


@pytest.mark.parametrize("text, lat, lon, country", [
    ("قتل ثلاثة مدنيين بقصف مدفعي على بلدة مسرابا في الغوطة الشرقية.", 33.554, 36.388, "Syria"),
    ("سقطت قذائف على بلدة جسرين بريف دمشق ما أدى إلى مقتل طفلين.", 33.497, 36.382, "Syria"),
    ("قتل شخصان بغارة جوية على قرية الشيفونية قرب دوما.", 33.578, 36.428, "Syria"),
    ("قتل جندي تركي في اشتباكات قرب بلدة بلبلة شمال عفرين.", 36.769, 36.820, "Syria"),
    ("أصيب خمسة أشخاص بانفجار عبوة ناسفة في حي القدم جنوبي دمشق.", 33.473, 36.290, "Syria"),
    ("قتل أربعة مدنيين بقصف على بلدة تل ذهب في منطقة الحولة بريف حمص الشمالي.", 34.895, 36.527, "Syria"),
    ("قصفت مروحيات النظام بلدة ناحتة في ريف درعا الشرقي ما أسفر عن مقتل امرأة.", 32.822, 36.368, "Syria"),
    ("قتل مدني برصاص قناص في منطقة الحوبان شرقي مدينة تعز.", 13.600, 44.090, "Yemen"),
    ("استهدف قصف صاروخي مقر حزب كردي في مدينة كوي سنجق بمحافظة أربيل، ما أدى إلى مقتل 11 شخصا.",
     36.083, 44.629, "Iraq"),
    ("أصيب ثلاثة فلسطينيين برصاص الجيش الإسرائيلي خلال مواجهات في الخان الأحمر شرق القدس.",
     31.809, 35.353, "Palestine"),
    ("قتل عشرات الأطفال بغارة جوية استهدفت حافلة في سوق مدينة ضحيان شمالي صعدة.", 17.030, 43.610, "Yemen"),
    ("قتل ثلاثة مدنيين بسقوط قذائف هاون على حي التضامن جنوبي دمشق.", 33.487, 36.305, "Syria"),
])
def test_a_village_the_news_names_now_resolves_to_itself(text, lat, lon, country):
    event = _located(text)
    assert event.country == country
    assert event.geo_precision in (1, 2)
    assert distance_km(event.latitude, event.longitude, lat, lon) < 10


@pytest.mark.parametrize("text, country, lat, lon", [
    ("قتل طفلان بقصف مدفعي على بلدة صيدا في ريف درعا الشرقي.", "Syria", 32.667, 36.200),
    ("قتل شاب بإطلاق نار خلال إشكال مسلح في مدينة صيدا جنوب لبنان.", "Lebanon", 33.558, 35.371),
])
def test_a_name_two_countries_share_is_told_by_the_sentence(text, country, lat, lon):
    event = _located(text)
    assert event.country == country
    assert distance_km(event.latitude, event.longitude, lat, lon) < 10


def test_the_village_rows_are_in_the_region_and_inside_their_governorate_area():
    # every row of the block: a known admin1 of its country and a point in the region's box
    g = load_gazetteer()
    ids = ["cur:sy-misraba", "cur:sy-al-shifuniyah", "cur:sy-jisrin", "cur:sy-beit-sahm",
           "cur:sy-nahta", "cur:sy-tal-dahab", "cur:ye-al-hawban", "cur:ps-khan-al-ahmar",
           "cur:sy-saida-daraa", "gn:94220", "gn:171212"]
    for pid in ids:
        place = g.get(pid)
        assert place is not None, pid
        assert place.admin1 in g.admin1_names(place.country_code), (pid, place.admin1)
        assert 12 < place.latitude < 38 and 34 < place.longitude < 50, pid
