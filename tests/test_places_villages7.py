"""The sixteenth session's towns in ``kb/data/places.tsv`` (every row of the block says
"sixteenth-session towns" in its source): towns, large villages and city quarters of Somalia,
Sudan, Yemen, Libya and Lebanon (and one Iraqi town) that the gazetteer lacked or knew only by a
Latin name. Own-wording sentences that name one of them with a place noun must resolve to that
row, within 5 km of its point."""
from __future__ import annotations

import pytest

from village_blocks import assert_geonames_rows, assert_in_region, assert_resolves_to_row, block_rows

BLOCK = "sixteenth-session towns"


@pytest.mark.parametrize("text, place_id, country", [
    # Somalia: Middle Shabelle, Hiraan, Galgaduud, Bari, Mogadishu's districts
    ("هاجم مسلحون من حركة الشباب قاعدة للجيش الصومالي في مدينة بلعد بإقليم شبيلي الوسطى وقتلوا جنديين.",
     "cur:so-balcad", "Somalia"),
    ("قتل ثلاثة جنود صوماليين في انفجار لغم أرضي قرب مدينة متبان في إقليم هيران.",
     "cur:so-mataban", "Somalia"),
    ("اندلعت اشتباكات عنيفة بين القوات الحكومية وعناصر الشباب في مدينة جوريعيل بإقليم جلجدود.",
     "cur:so-guriel", "Somalia"),
    ("قتل مسؤول محلي برصاص مسلحين مجهولين في مدينة قردو بولاية بونتلاند.",
     "cur:so-qardho", "Somalia"),
    ("سقطت قذائف هاون على منازل في مديرية ياقشيد شمالي العاصمة مقديشو وأصيب خمسة مدنيين.",
     "cur:so-yaqshid", "Somalia"),
    ("انفجرت عبوة ناسفة بسيارة عسكرية في مديرية دينيلي بالعاصمة مقديشو فقتل جندي.",
     "cur:so-daynile", "Somalia"),
    ("شنت حركة الشباب هجوما على قاعدة عسكرية في مدينة عابدواق بإقليم جلجدود وسط الصومال.",
     "gn:63400", "Somalia"),
    # Sudan: River Nile, Gedaref, Khartoum, Bahri and Omdurman
    ("قصفت طائرة مسيرة محطة الكهرباء في مدينة أبو حمد بولاية نهر النيل.",
     "cur:sd-abu-hamad", "Sudan"),
    ("اعتقلت السلطات عشرات الشبان في مدينة القلابات الحدودية بولاية القضارف.",
     "cur:sd-gallabat", "Sudan"),
    ("قتل خمسة مدنيين بقصف مدفعي لقوات الدعم السريع على حي الفتيحاب في أم درمان.",
     "cur:sd-al-fitihab", "Sudan"),
    ("اندلعت اشتباكات بين الجيش السوداني وقوات الدعم السريع في حي كافوري بمدينة بحري.",
     "cur:sd-kafouri", "Sudan"),
    ("نهب مسلحون من الدعم السريع منازل المواطنين في حي جبرة جنوبي الخرطوم.",
     "cur:sd-jabra", "Sudan"),
    # Yemen: Hadramawt, Sanaa and Taiz quarters, Aden
    ("اغتال مسلحون مجهولون ضابطا في الجيش بمدينة سيئون في وادي حضرموت.",
     "cur:ye-seiyun", "Yemen"),
    ("شنت طائرات التحالف غارات على معسكر في منطقة سعوان شرقي العاصمة صنعاء.",
     "cur:ye-sawan", "Yemen"),
    ("قتلت امرأة برصاص قناص حوثي في حي وادي القاضي بمدينة تعز.",
     "cur:ye-wadi-al-qadi", "Yemen"),
    ("اندلعت اشتباكات بين فصائل مسلحة في منطقة الممدارة بمدينة عدن وقتل شخصان.",
     "cur:ye-al-mimdara", "Yemen"),
    # Libya: the south, Misrata, the west coast, Tripoli and Benghazi
    ("اندلعت اشتباكات قبلية في بلدة جرمة بوادي الحياة جنوب ليبيا وقتل ثلاثة أشخاص.",
     "cur:ly-germa", "Libya"),
    ("دارت اشتباكات بين كتائب مسلحة في منطقة الدافنية غرب مصراتة.",
     "cur:ly-al-dafniya", "Libya"),
    ("ضبط خفر السواحل قاربا للمهاجرين قبالة بلدة أبو كماش غرب زوارة واعتقل مهربين.",
     "cur:ly-abu-kammash", "Libya"),
    ("اندلعت اشتباكات بالأسلحة الثقيلة بين مجموعتين مسلحتين في منطقة بن عاشور وسط طرابلس.",
     "cur:ly-ben-ashour", "Libya"),
    # Lebanon: the coast south of Beirut, Beirut, Tripoli, Akkar and the Beqaa
    ("شنت طائرة إسرائيلية مسيرة غارة على سيارة في بلدة الدامور جنوب بيروت فقتل شخصان.",
     "cur:lb-damour", "Lebanon"),
    ("اندلعت اشتباكات مسلحة في منطقة خلدة جنوب بيروت خلال تشييع أحد القتلى.",
     "cur:lb-khaldeh", "Lebanon"),
    ("استهدفت غارة إسرائيلية مبنى سكنيا في منطقة الطريق الجديدة في بيروت.",
     "cur:lb-tariq-al-jadida", "Lebanon"),
    ("قتل شاب برصاص قناص في منطقة جبل محسن بمدينة طرابلس شمال لبنان.",
     "cur:lb-jabal-mohsen", "Lebanon"),
    ("قتل شاب وأصيب اثنان في اشتباك مسلح بين عائلتين في بلدة ببنين في عكار شمال لبنان.",
     "cur:lb-bebnine", "Lebanon"),
    ("استهدفت غارة إسرائيلية منزلا في بلدة سعدنايل في البقاع الأوسط.",
     "cur:lb-saadnayel", "Lebanon"),
    # Iraq: Wasit
    ("قتل متظاهر وأصيب آخرون برصاص قوات الأمن خلال احتجاجات في قضاء الحي بمحافظة واسط.",
     "gn:99350", "Iraq"),
])
def test_a_place_of_the_block_resolves_to_itself(text, place_id, country):
    assert_resolves_to_row(BLOCK, text, place_id, country)


def test_a_name_that_is_a_common_word_or_another_countrys_town_needs_its_place_noun():
    """Rows whose name is also a word (الشوك thorns, الناعمة soft, المختارة chosen, شعوب peoples,
    الطريق الجديدة the new road, خلدة and جرمة as a verb and a noun with a pronoun), a person's name
    or another country's town (بئر العبد in Sinai, الرويس in the Emirates, المنية, إيل in Jordan)
    are listed only with a place noun or a qualifier. (باب التبانة and جبل جرة stay out of the
    block: other tests use them as an unknown quarter of a city and an unknown mountain.)"""
    names = {name for row in block_rows(BLOCK) for name in row["names_ar"].split("|")}
    for bare in ("الشوك", "الناعمة", "المختارة", "شعوب", "معين", "الصافية", "مذبح", "الكمب",
                 "الطريق الجديدة", "بئر العبد", "الرويس", "الحمرا", "الشجرة", "المنية", "عبد العزيز",
                 "شبس", "كاران", "خلدة", "جرمة", "جبرة", "شكا", "إيل", "أيل", "القطن", "خمر", "الحي"):
        assert bare not in names, bare


def test_the_block_is_in_the_region_and_names_known_governorates():
    # the box reaches 52 E: Somalia's north-east (Qardho, Eyl, Bandarbeyla) lies east of 49 E
    assert_in_region(BLOCK, 120, ("SO", "SD", "YE", "LY", "LB", "IQ"), west=9, south=-2, parent_km=15, east=52)


def test_only_three_rows_lie_east_of_49_east():
    """Only Qardho, Eyl and Bandarbeyla lie east of the other blocks' 49 E bound."""
    east = [row["place_id"] for row in block_rows(BLOCK) if float(row["lon"]) >= 49]
    assert sorted(east) == ["cur:so-qardho", "gn:60019", "gn:64814"]


def test_the_geonames_rows_keep_the_geonames_point():
    assert_geonames_rows(BLOCK, 10, every_name=True)
