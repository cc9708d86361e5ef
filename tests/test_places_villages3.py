"""The villages, towns, sub-districts, districts and sites that the block
``issue17-villages3`` at the end of ``kb/data/places.tsv`` adds: own-wording sentences
from every region it covers must now resolve within 10 km of the row's point, names that
two countries share are told apart by the country or governorate the sentence gives, and
the block's rows are well formed (in the region, known governorates, GeoNames rows at the
GeoNames point)."""
from __future__ import annotations

import pytest

from marsad.geo.gazetteer import distance_km
from village_blocks import (assert_geonames_rows, assert_in_region, assert_resolves_near, assert_yemeni_districts,
                            block_rows, located)

BLOCK = "issue17-villages3"  # every row of the block names it in its source


def _block() -> list[dict[str, str]]:
    return block_rows(BLOCK)


@pytest.mark.parametrize("text, country, lat, lon", [
    # the Euphrates villages of Deir ez-Zor and the south bank of Raqqa
    ("قتل ثلاثة عناصر من قسد بهجوم مسلح على نقطة عسكرية في بلدة الجرذي بريف دير الزور الشرقي.", "Syria", 34.875, 40.638),
    ("استهدفت طائرة مسيرة سيارة في بلدة أبو حردوب شرق دير الزور ما أدى إلى مقتل شخصين.", "Syria", 34.862, 40.667),
    ("قتل مدني برصاص مسلحين مجهولين في بلدة الحوايج بريف دير الزور.", "Syria", 34.990, 40.530),
    ("قصفت قوات النظام بلدة الهري قرب البوكمال ما أدى إلى مقتل امرأة.", "Syria", 34.432, 40.965),
    ("انفجرت عبوة ناسفة بسيارة في منطقة الكسرات جنوب الرقة فقتل عنصران من قسد.", "Syria", 35.925, 39.005),
    # Iraq: sub-districts and quarters of insurgent-attack news
    ("قتل جندي عراقي بهجوم لداعش على ناحية هبهب في محافظة ديالى.", "Iraq", 33.795, 44.575),
    ("انفجرت عبوة ناسفة على دورية للشرطة في منطقة الحويش شمال سامراء ما أدى إلى مقتل شرطيين.", "Iraq", 34.300, 43.850),
    ("قتل مزارعان بانفجار لغم في ناحية التون كوبري شمال كركوك.", "Iraq", 35.752, 44.145),
    ("قتل شخص بانفجار قنبلة في حي الزنجيلي غرب الموصل.", "Iraq", 36.357, 43.120),
    # Darfur, Kordofan, al-Jazira, Sennar, Khartoum
    ("هاجمت قوات الدعم السريع مدينة مكجر في وسط دارفور وقتلت عشرة مدنيين.", "Sudan", 11.990, 23.300),
    ("اندلعت اشتباكات بين الجيش والدعم السريع في مدينة كلبس بغرب دارفور أسفرت عن مقتل سبعة أشخاص.", "Sudan", 14.360, 22.520),
    ("قصفت مسيرة مطار الفاشر في شمال دارفور ما أدى إلى مقتل جنديين.", "Sudan", 13.615, 25.325),
    ("قتل ثمانية مدنيين في هجوم مسلح على مدينة شعيرية بولاية شرق دارفور.", "Sudan", 12.4388, 25.5811),
    ("قصف الطيران الحكومي مدينة كاودا في جنوب كردفان ما أدى إلى مقتل ثلاثة أطفال.", "Sudan", 11.100, 30.520),
    ("هاجمت قوات الدعم السريع مدينة ود راوة في ولاية الجزيرة وقتلت خمسة مدنيين.", "Sudan", 15.1603, 33.1397),
    ("قتل أربعة أشخاص في اشتباكات في مدينة الدندر بولاية سنار.", "Sudan", 13.334, 34.0927),
    # Libya
    ("اندلعت اشتباكات مسلحة في منطقة الفرناج بطرابلس أسفرت عن مقتل شخصين.", "Libya", 32.850, 13.220),
    ("قتل عنصران من قوات الوفاق في هجوم على بلدة هراوة شرق سرت.", "Libya", 30.990, 17.280),
    # the West Bank and Jerusalem
    ("استشهد شاب فلسطيني برصاص جنود الاحتلال خلال اقتحام قرية عزون عتمة جنوب قلقيلية.", "Palestine", 32.1217, 35.0204),
    ("قتل شاب برصاص الشرطة الإسرائيلية في بلدة شعفاط شمال القدس.", "Palestine", 31.8165, 35.2274),
    # the Baalbek district ("في البقاع" would name the Beqaa governorate, not Brital's)
    ("استهدفت غارة إسرائيلية منزلاً في بلدة بريتال في قضاء بعلبك فقتلت ثلاثة أشخاص.", "Lebanon", 33.9342, 36.1494),
    # Yemen
    ("قتل ثلاثة مدنيين بقصف حوثي على مديرية مشرعة وحدنان في جبل صبر بتعز.", "Yemen", 13.530, 44.050),
    ("قتل جنديان في هجوم لتنظيم القاعدة على نقطة أمنية في مدينة عزان بمحافظة شبوة.", "Yemen", 14.180, 47.130),
])
def test_a_place_of_the_block_resolves_to_itself(text, country, lat, lon):
    assert_resolves_near(text, country, lat, lon, (1, 2))


@pytest.mark.parametrize("text, country, lat, lon", [
    # الجفرة: a village east of Deir ez-Zor (only with its noun) and Libya's al-Jufra
    ("قتل عنصران من قسد بهجوم على بلدة الجفرة شرق دير الزور.", "Syria", 35.298, 40.192),
    ("قتل ثلاثة أشخاص بغارة جوية على قاعدة الجفرة في وسط ليبيا.", "Libya", None, None),
    # المتمة: a town of Sudan's River Nile state (only with its noun) and a district of Yemen's al-Jawf
    ("قصفت مسيرة مدينة المتمة في ولاية نهر النيل ما أدى إلى مقتل أربعة مدنيين.", "Sudan", 16.7095, 33.3565),
    ("قتل خمسة حوثيين في معارك مع الجيش في مديرية المتمة بمحافظة الجوف.", "Yemen", None, None),
])
def test_a_name_two_countries_share_is_told_by_the_country(text, country, lat, lon):
    event = located(text)
    assert event.country == country
    if lat is not None:
        assert distance_km(event.latitude, event.longitude, lat, lon) < 10
    else:  # the other namesake: not the block's row
        rows = {row["place_id"]: row for row in _block()}
        for row in rows.values():
            assert distance_km(event.latitude, event.longitude, float(row["lat"]), float(row["lon"])) > 50 \
                or row["country_code"] == event.country_code


def test_the_block_is_in_the_region_and_names_known_governorates():
    assert_in_region(BLOCK, 100, ("LB", "PS", "SY", "IQ", "YE", "LY", "SD"), west=10)


def test_geonames_rows_keep_the_geonames_point_and_add_an_arabic_name():
    assert_geonames_rows(BLOCK, 40, every_name=False)


def test_districts_of_the_block_are_yemeni_districts_named_with_their_noun():
    assert_yemeni_districts(BLOCK, 6)
