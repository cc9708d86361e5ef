"""The seventeenth session's Lebanese towns in ``kb/data/places.tsv`` (every row of the block says
"s17-levant towns" in its source): villages of South Lebanon, Nabatieh and Baalbek-Hermel and a
quarter of Baalbek that the gazetteer lacked, or knew only by another spelling (شمشتر for
شمسطار). Own-wording sentences that name one of them with or without a place noun must resolve
to that row, within 5 km of its point."""
from __future__ import annotations

import pytest

from village_blocks import assert_geonames_rows, assert_in_region, assert_resolves_to_row, block_rows

BLOCK = "s17-levant towns"


@pytest.mark.parametrize("text, place_id", [
    # the Zahrani coast and the hills east of Sidon
    ("قتل شاب بغارة لطائرة مسيرة إسرائيلية على دراجة نارية عند مدخل بلدة البيسارية في قضاء الزهراني.",
     "cur:lb-bisariyeh"),
    ("استهدفت مسيرة إسرائيلية شاحنة صغيرة في بلدة عنقون شرق صيدا وأصيب سائقها.",
     "cur:lb-anqoun"),
    ("استهدفت غارة إسرائيلية منزلا في بلدة المية ومية شرق صيدا وقتل شخص.",
     "cur:lb-mieh-mieh"),
    ("أغارت طائرة حربية إسرائيلية على منزل في بلدة كفرملكي في إقليم التفاح.",
     "cur:lb-kfar-melki"),
    ("قصفت مسيرة إسرائيلية سيارة على الطريق بين بلدتي تفاحتا والغازية وقتل شخصان.",
     "cur:lb-tuffahta"),
    # the Tyre district
    ("استهدفت غارة إسرائيلية منزلا في بلدة الشعيتية في قضاء صور ولم تسجل إصابات.",
     "cur:lb-chaaitiyeh"),
    ("قتل مواطن بغارة لطائرة مسيرة على سيارته في بلدة بدياس قرب صور.",
     "cur:lb-bedias"),
    ("ألقت مسيرة إسرائيلية قنبلة صوتية على مزارعين في بلدة المجادل جنوبي لبنان.",
     "cur:lb-majadel"),
    # Bint Jbeil, Marjayoun and Nabatieh districts
    ("دمرت غارة إسرائيلية منزلين في بلدة عيناثا في قضاء بنت جبيل.",
     "cur:lb-ainatha"),
    ("استهدف قصف مدفعي إسرائيلي أطراف بلدة طلوسة في قضاء مرجعيون.",
     "cur:lb-tallouseh"),
    ("قتل شخص بغارة إسرائيلية استهدفت سيارة في بلدة الجميجمة جنوبي لبنان.",
     "cur:lb-jmeijmeh"),
    ("شنت الطائرات الإسرائيلية غارة على بلدة القصيبة في قضاء النبطية.",
     "cur:lb-qsaybeh"),
    # Baalbek: a quarter of the town, its villages, a second spelling
    ("قتل شخصان في اشتباك بين دورية للجيش اللبناني ومطلوبين في حي الشراونة في مدينة بعلبك.",
     "cur:lb-sharawneh"),
    ("قتل شاب بإطلاق نار خلال إشكال بين عائلتين في بلدة شمشتر في قضاء بعلبك.",
     "gn:267305"),
    ("استهدفت غارة إسرائيلية مبنى في بلدة اليمونة في قضاء بعلبك.",
     "cur:lb-yammouneh"),
    ("قتل رجل في إشكال مسلح بين عائلتين في بلدة حورتعلا قرب بعلبك.",
     "cur:lb-hortaala"),
])
def test_a_village_of_the_block_resolves_to_itself(text, place_id):
    assert_resolves_to_row(BLOCK, text, place_id, "Lebanon")


def test_a_name_that_is_also_a_common_word_needs_its_place_noun():
    """اللوبية، سلعا، أرزي and المجادل are also words (a kind of beans, goods, "my rice", the
    arguers): the block lists them only after a place noun."""
    names = {name for row in block_rows(BLOCK) for name in row["names_ar"].split("|")}
    for bare in ("اللوبية", "سلعا", "أرزي", "ارزي", "المجادل"):
        assert bare not in names, bare


def test_the_block_is_in_lebanon_and_names_known_governorates():
    assert_in_region(BLOCK, 25, ("LB",), west=35, south=33, parent_km=5, east=36.7)


def test_the_geonames_rows_keep_the_geonames_point():
    assert_geonames_rows(BLOCK, 1, every_name=True)
