"""The villages and small towns that the fifteenth session appended to ``kb/data/places.tsv``
(every row of the block says "fifteenth session" in its source): own-wording sentences that
name one of them with a place noun must resolve to that row, within 5 km of its point, and
the block's rows must lie in the conflict regions it covers and name known governorates."""
from __future__ import annotations

import pytest

from marsad.geo.gazetteer import load_gazetteer
from village_blocks import assert_in_region, assert_resolves_to_row, block_rows

BLOCK = "fifteenth session"


@pytest.mark.parametrize("text, place_id, country", [
    # Lebanon: Bint Jbeil, Sidon, Tyre, Nabatieh, Baalbek and the Chouf
    ("قصفت مسيرة إسرائيلية منزلا في بلدة عيتا الجبل في قضاء بنت جبيل ما أدى إلى مقتل شخصين.",
     "cur:lb-aita-al-jabal", "Lebanon"),
    ("قتل ثلاثة أشخاص بغارة إسرائيلية استهدفت منزلا في بلدة الخرايب جنوب لبنان.",
     "cur:lb-kharayeb", "Lebanon"),
    ("شن الطيران الحربي الإسرائيلي غارة على بلدة دردغيا في قضاء صور أسفرت عن مقتل مسعف.",
     "cur:lb-derdghaya", "Lebanon"),
    ("قتل شخصان في غارة إسرائيلية على بلدة عربصاليم في قضاء النبطية.", "cur:lb-arabsalim", "Lebanon"),
    ("استهدفت غارة إسرائيلية سيارة في بلدة دورس عند المدخل الجنوبي لمدينة بعلبك فقتل سائقها.",
     "cur:lb-douris", "Lebanon"),
    ("أدت غارة إسرائيلية على شقة في بلدة برجا في إقليم الخروب إلى مقتل خمسة أشخاص.", "cur:lb-barja", "Lebanon"),
    # Syria: Jabal al-Zawiya, west Aleppo, the Yarmouk basin, Deir ez-Zor and Raqqa
    ("قتل مدنيان بقصف مدفعي لقوات النظام على بلدة بسامس في جبل الزاوية جنوبي إدلب.",
     "cur:sy-bassames", "Syria"),
    ("قصفت قوات النظام بلدة كفرعمة في ريف حلب الغربي ما أدى إلى مقتل امرأة.", "cur:sy-kafr-amma", "Syria"),
    ("قتل عنصران من قوات النظام في هجوم لمسلحين على حاجز في بلدة معرية بمنطقة حوض اليرموك غرب درعا.",
     "cur:sy-maariya", "Syria"),
    ("قتل عنصر من قسد برصاص مسلحين مجهولين في بلدة جديد عكيدات بريف دير الزور الشرقي.",
     "cur:sy-jadid-akidat", "Syria"),
    ("استهدفت طائرة مسيرة تركية سيارة قرب جسر قره قوزاق جنوب كوباني ما أسفر عن مقتل ثلاثة مقاتلين.",
     "cur:sy-qara-qozak", "Syria"),
    # Iraq: Diyala, the Baghdad belt and Nineveh
    ("قتل ثلاثة من عناصر الحشد الشعبي بهجوم لتنظيم داعش في منطقة حاوي العظيم شمالي ديالى.",
     "cur:iq-hawi-al-adhaim", "Iraq"),
    ("انفجرت عبوة ناسفة بدورية للجيش العراقي في ناحية المشاهدة شمال بغداد فقتل جندي.",
     "cur:iq-al-mushahda", "Iraq"),
    # Somalia and Sudan
    ("هاجم مسلحو حركة الشباب قاعدة عسكرية في مدينة أوديغلي بإقليم شبيلي السفلى وقتلوا أربعة جنود.",
     "cur:so-awdheegle", "Somalia"),
    ("قتل خمسة مدنيين في هجوم لقوات الدعم السريع على قرية أم صميمة غرب مدينة الأبيض.",
     "cur:sd-um-sumeima", "Sudan"),
    # Gaza
    ("قتل ثلاثة فلسطينيين بقصف إسرائيلي على منزل في بلدة الشوكة شرق رفح.", "cur:ps-al-shoka", "Palestine"),
])
def test_a_village_of_the_block_resolves_to_itself(text, place_id, country):
    assert_resolves_to_row(BLOCK, text, place_id, country)


def test_a_name_that_is_a_common_word_or_a_person_needs_its_place_noun():
    """Rows whose name is also a word or a person's name are listed only with a place noun."""
    g = load_gazetteer()
    names = {name for row in block_rows(BLOCK) for name in row["names_ar"].split("|")}
    for bare in ("جوزف", "المخدرة", "معشوق", "صديقين", "البابلية", "الشوكة", "المشاهدة", "احرص"):
        assert bare not in names, bare
    ids = {row["place_id"] for row in block_rows(BLOCK)}
    assert not ids & {p.place_id for p in g.lookup("جوزف")}


def test_the_block_is_in_the_region_and_names_known_governorates():
    """The box of the Levant, Iraq, Yemen, Sudan and Somalia (south to 2 S for Somalia)."""
    assert_in_region(BLOCK, 200, ("LB", "SY", "IQ", "YE", "SD", "SO", "PS"), west=21, south=-2)


def test_the_hauran_region_sums_up_its_towns_and_wadi_hauran_stays_iraqi():
    import marsad
    found = marsad.extract("شن الطيران الحربي غارات على الريف الشرقي لمنطقة حوران اليوم، استهدفت بلدات الجيزة "
                           "وكحيل والمسيفرة.", "2018-06-30")
    assert "Hauran" not in {e.location for e in found} and found
    iraq = marsad.extract("أعلنت قيادة العمليات المشتركة اليوم أن القوات الأمنية قتلت خمسة إرهابيين في وادي حوران "
                          "غربي الأنبار.", "2017-11-28")
    assert all(e.country == "Iraq" for e in iraq), [(e.location, e.country) for e in iraq]
