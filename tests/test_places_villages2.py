"""The villages, towns, camps and quarters of the region's conflict reporting that the
block ``issue17-villages2`` at the end of ``kb/data/places.tsv`` adds: own-wording
sentences from every front it covers must now resolve within 10 km of the row's point,
names that two countries share are told apart by the country the sentence gives, and
every row of the block lies near the other places of its own governorate."""
from __future__ import annotations

import pytest

from marsad.geo.gazetteer import distance_km, load_gazetteer
from marsad.kb import load_table
from located import first_located

BLOCK_HEAD = "cur:lb-labbouneh"  # the block's first row
NEAR_OWN_ADMIN1_KM = 60.0


def _block() -> list[dict[str, str]]:
    rows = load_table("places.tsv")
    start = next(i for i, row in enumerate(rows) if row["place_id"] == BLOCK_HEAD)
    # the block's rows name it in their source; a later block begins after them
    return [row for row in rows[start:] if "issue17-villages2" in row["source"]]


def _located(text: str):
    return first_located(text, "2024-10-05")


@pytest.mark.parametrize("text, country, lat, lon", [
    # south Lebanon, the 2023-24 strikes
    ("استهدفت غارة إسرائيلية منزلاً في بلدة مجدل زون جنوب لبنان ما أدى إلى مقتل شخصين.", "Lebanon", 33.143, 35.258),
    ("قُتل عنصران من حزب الله بقصف مدفعي على بلدة كفرحمام في قضاء حاصبيا.", "Lebanon", 33.338, 35.665),
    ("أصيب ثلاثة مدنيين بغارة من مسيّرة على سيارة عند أطراف بلدة يحمر الشقيف.", "Lebanon", 33.345, 35.552),
    ("قتلت امرأة بقصف إسرائيلي استهدف بلدة شيحين في القطاع الغربي من جنوب لبنان.", "Lebanon", 33.110, 35.232),
    # Gaza
    ("قتل خمسة فلسطينيين في غارة على منزل في حي الشيخ رضوان بمدينة غزة.", "Palestine", 31.532, 34.467),
    ("استشهد طفلان بقصف مدفعي إسرائيلي على منطقة العطاطرة شمال غرب بيت لاهيا.", "Palestine", 31.565, 34.480),
    # the West Bank and Jerusalem
    ("أصيب شاب برصاص الشرطة الإسرائيلية خلال مواجهات في بلدة العيسوية بالقدس.", "Palestine", 31.797, 35.253),
    ("قتل جنود إسرائيليون شاباً فلسطينياً بإطلاق النار عليه عند حاجز زعترة جنوب نابلس.", "Palestine", 32.115, 35.245),
    # Daraa, Quneitra, Suwayda
    ("قتل عنصران من قوات النظام بهجوم مسلح على حاجز في بلدة المتاعية بريف درعا الشرقي.", "Syria", 32.590, 36.240),
    ("قتل ثلاثة مدنيين في هجوم لتنظيم الدولة على قرية الشبكي في ريف السويداء الشرقي.", "Syria", 32.725, 36.790),
    # Deir ez-Zor and Aleppo
    ("قتل أربعة عناصر من قسد في هجوم على نقطة عسكرية في بلدة الطيانة بريف دير الزور الشرقي.", "Syria", 34.960, 40.555),
    ("قتل ثلاثة مقاتلين في اشتباكات بين مجلس منبج العسكري وفصائل موالية لتركيا في قرية التوخار.", "Syria", 36.645, 37.950),
    # Iraq
    ("انفجرت عبوة ناسفة على دورية للجيش في ناحية كنعان شرق بعقوبة ما أدى إلى مقتل جنديين.", "Iraq", 33.650, 44.730),
    ("قتل شخصان بانفجار سيارة مفخخة في منطقة باب المعظم وسط بغداد.", "Iraq", 33.350, 44.385),
    ("قتل ثلاثة من عناصر الحشد الشعبي بهجوم لداعش على ناحية الشورة جنوب الموصل.", "Iraq", 36.000, 43.220),
    # Yemen
    ("قتل ثلاثة مدنيين بقصف حوثي على منطقة الجاح في مديرية بيت الفقيه بالحديدة.", "Yemen", 14.300, 43.130),
    ("سقطت قذيفة أطلقها الحوثيون على حي الجحملية في مدينة تعز فقتلت طفلين.", "Yemen", 13.580, 44.030),
    # Libya
    ("اندلعت اشتباكات بين مجموعات مسلحة في منطقة عين زارة جنوب طرابلس أسفرت عن مقتل أربعة أشخاص.", "Libya", 32.800, 13.230),
    ("قتل ثلاثة من قوات الوفاق في اشتباكات قرب بلدة النوفلية شرق سرت.", "Libya", 30.780, 17.830),
    # Sudan
    ("هاجم مسلحون مخيم كلمة للنازحين قرب نيالا في جنوب دارفور وقتلوا ثمانية أشخاص.", "Sudan", 12.020, 24.930),
    ("قصفت مسيرة منطقة الحلفاية في الخرطوم بحري ما أدى إلى مقتل خمسة أشخاص.", "Sudan", 15.705, 32.540),
])
def test_a_place_of_the_block_resolves_to_itself(text, country, lat, lon):
    event = _located(text)
    assert event.country == country
    assert event.geo_precision in (1, 2)
    assert distance_km(event.latitude, event.longitude, lat, lon) < 10


@pytest.mark.parametrize("text, country, lat, lon", [
    # أم التوت: a south Lebanon border village and a village of the Jenin district
    ("قتل شخص بغارة إسرائيلية على بلدة أم التوت في جنوب لبنان.", "Lebanon", 33.098, 35.225),
    ("اقتحمت قوات الاحتلال قرية أم التوت جنوب شرق جنين وقتلت شاباً فلسطينياً.", "Palestine", 32.432, 35.344),
    # بيت جن: a village of the Damascus countryside and a Druze town in Israel
    ("قتل ثلاثة عناصر من قوات النظام في اشتباكات قرب بلدة بيت جن في ريف دمشق الغربي.", "Syria", 33.310, 35.875),
    ("قتل شاب بإطلاق نار في قرية بيت جن الدرزية في الجليل شمال إسرائيل.", "Israel", 32.965, 35.380),
    # تازة: a sub-district of Kirkuk and a Moroccan city
    ("قتل جنديان عراقيان بانفجار عبوة ناسفة في ناحية تازة جنوب كركوك.", "Iraq", 35.300, 44.330),
    # الطيبة: a Marjayoun border village (listed only as بلدة الطيبة), a Ramallah village, a town in Israel
    ("قتل شخص بقصف مدفعي على بلدة الطيبة في قضاء مرجعيون.", "Lebanon", 33.278, 35.525),
    ("قتل شاب فلسطيني برصاص مستوطنين في بلدة الطيبة شرق رام الله.", "Palestine", 31.954, 35.300),
    ("قتل شاب برصاص الشرطة الإسرائيلية في مدينة الطيبة في المثلث داخل إسرائيل.", "Israel", 32.266, 35.009),
    # مدينة حمد: a Khan Younis housing town and a Bahraini town
    ("قتل خمسة فلسطينيين بقصف إسرائيلي على مدينة حمد غرب خان يونس.", "Palestine", 31.375, 34.312),
    ("قتل شرطي بانفجار قنبلة في مدينة حمد في البحرين.", "Bahrain", 26.115, 50.507),
    # الجبين: a village of the Tyre border strip and the seat of Yemen's Raymah
    ("قتل شخص بغارة إسرائيلية على بلدة الجبين في جنوب لبنان.", "Lebanon", 33.113, 35.215),
    ("قتل ثلاثة مدنيين بغارة جوية على مدينة الجبين مركز محافظة ريمة.", "Yemen", 14.704, 43.599),
])
def test_a_name_two_countries_share_is_told_by_the_country(text, country, lat, lon):
    event = _located(text)
    assert event.country == country
    assert distance_km(event.latitude, event.longitude, lat, lon) < 10


def test_every_row_of_the_block_lies_near_the_other_places_of_its_governorate():
    """A row more than 60 km from every GeoNames place of its own admin1 (of its country,
    when it names no admin1) has a wrong point or a wrong governorate."""
    g = load_gazetteer()
    others = [p for p in g.places() if p.place_id.startswith("gn:") and not p.is_area]
    far = []
    for row in _block():
        lat, lon = float(row["lat"]), float(row["lon"])
        place = g.get(row["place_id"])
        assert place is not None, row["place_id"]
        same = [p for p in others if p.country_code == row["country_code"] and p.place_id != row["place_id"]
                and (not row["admin1"] or p.admin1 == place.admin1)]
        nearest = min(distance_km(lat, lon, p.latitude, p.longitude) for p in same)
        if nearest > NEAR_OWN_ADMIN1_KM:
            far.append((row["_line"], row["place_id"], place.admin1, round(nearest)))
    assert far == []


def test_the_block_is_in_the_region_and_names_known_governorates():
    g = load_gazetteer()
    rows = _block()
    assert len(rows) >= 300
    for row in rows:
        place = g.get(row["place_id"])
        assert place.country_code in ("LB", "PS", "SY", "IQ", "YE", "LY", "SD", "EG"), row["place_id"]
        if row["admin1"]:
            assert row["admin1"] in g.admin1_names(row["country_code"]), (row["_line"], row["admin1"])
        assert 8 < place.latitude < 38 and 10 < place.longitude < 49, row["place_id"]
