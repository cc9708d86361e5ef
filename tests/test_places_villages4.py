"""The districts, fronts, villages and sites that the block ``issue17-villages4`` at the
end of ``kb/data/places.tsv`` adds: own-wording sentences from every region it covers
must now resolve within 10 km of the row's point, names that two countries share are
told apart by the country or governorate the sentence gives, and the block's rows are
well formed (in the region, known governorates, GeoNames rows at the GeoNames point,
districts reachable as "مديرية X")."""
from __future__ import annotations

import pytest

from marsad.geo.gazetteer import distance_km, load_gazetteer
from village_blocks import (assert_geonames_rows, assert_in_region, assert_resolves_near, assert_yemeni_districts,
                            block_rows, located)

BLOCK = "issue17-villages4"  # every row of the block names it in its source


def _block() -> list[dict[str, str]]:
    return block_rows(BLOCK)


@pytest.mark.parametrize("text, country, lat, lon", [
    # Yemen: the Marib fronts, Hodeidah, the Saada border, Lahj and Shabwa districts
    ("قتل خمسة من مسلحي الحوثي في معارك مع قوات الجيش في جبهة الكسارة غرب مأرب.", "Yemen", 15.540, 45.170),
    ("شنت مقاتلات التحالف غارات على مواقع الحوثيين في منطقة المشجح غربي مأرب ما أسفر عن مقتل عشرة مسلحين.",
     "Yemen", 15.480, 45.120),
    ("قصف الحوثيون بالصواريخ مواقع القوات الحكومية في جبال البلق جنوب مأرب وقتلوا جنديين.", "Yemen", 15.370, 45.250),
    ("استهدفت طائرة مسيرة حوثية منشأة صافر النفطية في مأرب ما أدى إلى مقتل حارس.", "Yemen", 15.600, 45.780),
    ("قتل ثلاثة مدنيين بقذيفة حوثية سقطت في منطقة كيلو 16 شرق مدينة الحديدة.", "Yemen", 14.850, 43.050),
    ("قتل خمسة مسلحين في اشتباكات مع قوات الحزام الأمني في مديرية المفلحي بمحافظة لحج.", "Yemen", 13.791, 45.159),
    ("قتل ثلاثة جنود في هجوم لتنظيم القاعدة على نقطة عسكرية في مديرية مرخة العليا بمحافظة شبوة.",
     "Yemen", 14.568, 45.912),
    # Iraq: Diyala, Salah al-Din and Anbar
    ("قتل ثلاثة من عناصر الحشد الشعبي بهجوم لداعش على قرية نهر الإمام في قضاء المقدادية بمحافظة ديالى.",
     "Iraq", 34.000, 44.930),
    ("انفجرت عبوة ناسفة بدورية للجيش العراقي في منطقة مكيشيفة شمال سامراء ما أسفر عن مقتل جنديين.",
     "Iraq", 34.370, 43.800),
    ("قتل أربعة من عناصر داعش بضربة جوية في جزيرة الثرثار بمحافظة الأنبار.", "Iraq", 33.950, 43.300),
    ("قتل شرطي بهجوم مسلح على ناحية العبارة شمال شرق بعقوبة.", "Iraq", 33.840, 44.740),
    # Syria: west Aleppo, Jabal al-Zawiya, east Hama, Deir ez-Zor
    ("قصفت قوات النظام بلدة أبزمو في ريف حلب الغربي ما أدى إلى مقتل طفلين.", "Syria", 36.230, 36.830),
    ("قتل ثلاثة مدنيين بغارة روسية على بلدة كفرناها غرب حلب.", "Syria", 36.170, 36.910),
    ("قتل مدني بقصف مدفعي على قرية إبلين في جبل الزاوية بريف إدلب الجنوبي.", "Syria", 35.695, 36.535),
    ("قتل عنصران من قوات النظام بهجوم على بلدة الصبورة شرق مدينة السلمية.", "Syria", 35.15595, 37.20908),
    ("قتل عنصر من قسد برصاص مسلحين في قرية البغيلية غرب مدينة دير الزور.", "Syria", 35.360, 40.090),
    # Lebanon and Libya
    ("انفجرت عبوة ناسفة في حافلة ركاب في بلدة عين علق في المتن ما أدى إلى مقتل ثلاثة أشخاص.",
     "Lebanon", 33.905, 35.675),
    ("اندلعت اشتباكات بين مجموعتين مسلحتين في حي غوط الشعال غرب طرابلس أسفرت عن مقتل شخصين.",
     "Libya", 32.865, 13.130),
    # Sudan: Sennar, White Nile, River Nile
    ("هاجمت قوات الدعم السريع مدينة مايرنو في ولاية سنار وقتلت ستة مدنيين.", "Sudan", 13.4167, 33.6667),
    ("قتل عشرة مدنيين في هجوم لقوات الدعم السريع على مدينة القطينة بولاية النيل الأبيض.",
     "Sudan", 14.8648, 32.3668),
    ("قصفت مسيرة مدينة الباوقة في ولاية نهر النيل ما أدى إلى مقتل شخصين.", "Sudan", 18.262, 33.9081),
])
def test_a_place_of_the_block_resolves_to_itself(text, country, lat, lon):
    assert_resolves_near(text, country, lat, lon, (1, 2, 3))


@pytest.mark.parametrize("text, country, lat, lon", [
    # الحسينية: a village on the Jazira bank of Deir ez-Zor and a town of Jordan's Ma'an
    ("قتل عنصران من قسد بهجوم لمسلحين على نقطة عسكرية في قرية الحسينية بريف دير الزور.", "Syria", 35.360, 40.130),
    ("قتل شخصان في شجار مسلح بين عائلتين في قرية الحسينية بمحافظة معان جنوب الأردن.", "Jordan", None, None),
])
def test_a_name_two_countries_share_is_told_by_the_country(text, country, lat, lon):
    event = located(text)
    assert event.country == country
    if lat is not None:
        assert distance_km(event.latitude, event.longitude, lat, lon) < 10
    else:  # the other namesake: not the block's row of another country
        g = load_gazetteer()
        for row in _block():
            assert g.get(row["place_id"]).country == event.country or \
                distance_km(event.latitude, event.longitude, float(row["lat"]), float(row["lon"])) > 50


def test_the_block_is_in_the_region_and_names_known_governorates():
    assert_in_region(BLOCK, 50, ("LB", "SY", "IQ", "YE", "LY", "SD"), west=9)


def test_geonames_rows_keep_the_geonames_point_and_add_an_arabic_name():
    assert_geonames_rows(BLOCK, 10, every_name=True)


def test_districts_of_the_block_are_yemeni_districts_named_with_their_noun():
    assert_yemeni_districts(BLOCK, 15)


@pytest.mark.parametrize("text, name, container", [
    # a mountain, a hill or a valley no gazetteer knows keeps its own name, noun included, at its
    # container's point, as an unknown village does ("قرية X")
    ("اندلعت اشتباكات بين قسد ومسلحين من العشائر في جبل العمور بريف دير الزور الشرقي أسفرت عن مقتل ثلاثة.",
     "جبل العمور", "Deir ez-Zor"),
    ("قتل جنديان في هجوم لمسلحين على تلة الكراديس قرب مدينة حماة.", "تلة الكراديس", "Hama"),
    ("قتل راع بانفجار لغم من مخلفات الحرب في وادي الخرار بريف حمص الشرقي.", "وادي الخرار", "Homs"),
])
def test_an_unknown_mountain_hill_or_valley_keeps_its_name_at_its_container(text, name, container):
    event = located(text)
    assert event.location == name
    assert event.admin1 == container
    assert event.geo_precision == 2


def test_the_unknown_mountain_keeps_its_raw_spelling_after_text_that_normalises_shorter():
    """The name is cut from the raw text by the offsets of the normalised text: tatweel and
    diacritics before it (which normalising drops) do not shift it."""
    event = located("قالت مصادر مـحـلـيـة إنّ قَصفاً حوثياً استهدف مساكن في جبل جرة شمالي مدينة تعز فقُتلت طفلة.")
    assert event.location == "جبل جرة"


def test_a_word_that_only_contains_a_relief_noun_does_not_join_the_name():
    """"وكتل هوائية": كتل (masses) is no تل with a clitic; the relief noun must be the whole
    word, or the word after one proclitic letter (بتلة، وجبل)."""
    from marsad.pipeline import analyse
    a = analyse("اندلعت اشتباكات بتلة الكراديس ووصلت كتل هوائية رطبة إلى حماة فقتل جنديان.", "2024-10-05",
                upto="places")
    texts = [m.text for m in a.places.mentions]
    assert "تلة الكراديس" in texts
    assert not any(t.startswith(("كتل", "بتلة")) for t in texts)


def test_a_bloc_is_no_hill_and_a_quoted_name_keeps_its_quotes_out():
    """"كتلة برلمانية" (a parliamentary bloc) reads no hill called برلمانية; a mountain whose
    name is quoted (جبل "الفالق") keeps the name alone, as before."""
    from marsad.pipeline import analyse
    a = analyse('انسحبت كتلة برلمانية من الجلسة بعد قصف جبل "الفالق" في البيضاء الذي قتل جنديين.', "2024-10-05",
                upto="places")
    texts = [m.text for m in a.places.mentions]
    assert not any("برلمانية" in t for t in texts)
    assert not any('"' in t for t in texts)
