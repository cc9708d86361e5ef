"""The second pass of the fifteenth session over ``kb/data/places.tsv`` (every row of the block says
"fifteenth-session second pass" in its source): villages, sub-districts and neighbourhoods of
Syria, Iraq, Libya and Palestine that the gazetteer lacked. Own-wording sentences that name one
of them with a place noun must resolve to that row, within 5 km of its point."""
from __future__ import annotations

import pytest

from village_blocks import assert_in_region, assert_resolves_to_row, block_rows

BLOCK = "fifteenth-session second pass"


@pytest.mark.parametrize("text, place_id, country", [
    # Syria: Jabal al-Zawiya, Ariha, Aleppo city, Hasakah, Deir ez-Zor, Daraa and Suwayda
    ("قتل مدني بقصف مدفعي لقوات النظام على بلدة حزارين في جبل الزاوية جنوبي إدلب.",
     "cur:sy-hazarin", "Syria"),
    ("استهدفت طائرة مسيرة روسية منزلا في بلدة كفرلاتا قرب أريحا فقتلت امرأتين.",
     "cur:sy-kafr-lata", "Syria"),
    ("سقطت قذيفة هاون على حي الكلاسة في مدينة حلب وأصيب ثلاثة مدنيين.",
     "cur:sy-al-kalasa", "Syria"),
    ("قصفت القوات التركية بلدة تل بيدر شمال الحسكة ما أدى إلى مقتل مقاتل من قسد.",
     "cur:sy-tal-baydar", "Syria"),
    ("اغتال مسلحون مجهولون قياديا محليا في بلدة الجزرات بريف دير الزور الغربي.",
     "cur:sy-al-jazrat", "Syria"),
    ("قتل عنصر من الأمن العسكري بهجوم مسلح في بلدة خراب الشحم بريف درعا الغربي.",
     "cur:sy-kharab-al-shahm", "Syria"),
    ("اندلعت اشتباكات بين مسلحين محليين وقوات الأمن في بلدة عتيل شمال مدينة السويداء.",
     "cur:sy-atil", "Syria"),
    # Iraq: Kirkuk, Nineveh and Salah al-Din
    ("قتل جنديان عراقيان بهجوم لتنظيم داعش على نقطة عسكرية في ناحية الملتقى جنوب غرب كركوك.",
     "cur:iq-al-multaqa", "Iraq"),
    ("انفجرت عبوة ناسفة بعجلة للحشد الشعبي في ناحية العياضية شمال غرب الموصل.",
     "cur:iq-al-ayadiya", "Iraq"),
    ("هاجم مسلحون من داعش قرية في ناحية يايجي جنوب كركوك وقتلوا راعيا.",
     "cur:iq-yaychi", "Iraq"),
    ("قتل ثلاثة من عناصر الجيش بهجوم لداعش في منطقة الفتحة شمالي صلاح الدين.",
     "cur:iq-al-fatha", "Iraq"),
    # Libya: Tripoli and Benghazi, and the south
    ("اندلعت اشتباكات مسلحة بين كتيبتين في منطقة قرقارش غرب العاصمة طرابلس وقتل شخص.",
     "cur:ly-gargaresh", "Libya"),
    ("انفجرت سيارة مفخخة في منطقة الكيش بمدينة بنغازي ما أدى إلى مقتل شخصين.",
     "cur:ly-al-kish", "Libya"),
    ("قتل شاب في اشتباكات قبلية في حي الطيوري بمدينة سبها جنوب ليبيا.",
     "cur:ly-al-tuyuri", "Libya"),
    # Gaza and the West Bank
    ("قتل أربعة فلسطينيين في قصف إسرائيلي على منزل في منطقة قيزان النجار جنوب خان يونس.",
     "cur:ps-qizan-al-najjar", "Palestine"),
    ("اقتحمت قوات الاحتلال مخيم دير عمار غرب رام الله واعتقلت ثلاثة شبان بعد مواجهات.",
     "cur:ps-deir-ammar-camp", "Palestine"),
])
def test_a_place_of_the_block_resolves_to_itself(text, place_id, country):
    assert_resolves_to_row(BLOCK, text, place_id, country)


def test_a_name_that_is_a_common_word_or_a_person_needs_its_place_noun():
    """Rows whose name is also a word, a person's name or another country's town are listed only
    with a place noun or a qualifier."""
    names = {name for row in block_rows(BLOCK) for name in row["names_ar"].split("|")}
    for bare in ("الشيخ سليمان", "القيروان", "الزهرية", "طريق المطار", "الحي السعودي", "حي الأندلس",
                 "الصابري", "السلماني", "حي التركمان", "بني سعد"):
        assert bare not in names, bare


def test_the_block_is_in_the_region_and_names_known_governorates():
    assert_in_region(BLOCK, 90, ("SY", "IQ", "LY", "PS"), west=9, south=20, parent_km=15)
