"""An indefinite force noun with a nationality adjective after it (قوة إسرائيلية، دورية روسية، قوات
تركية، قوة عسكرية أمريكية) names that state's forces, as "الجيش الإسرائيلي" does; a named force
that opens with the same words (قوات سوريا الديمقراطية) keeps its own name."""
import pytest

import marsad

DAY = "2025-09-16"


@pytest.mark.parametrize("text, actor", [
    ("وفي مدينة قلقيلية، أطلقت قوة إسرائيلية النار على شبان اليوم مما أدى لمقتل أحدهم.",
     "Military Forces of Israel"),
    ("اقتحمت دورية إسرائيلية بلدة عزون شرق قلقيلية فجر اليوم واعتقلت ثلاثة شبان.", "Military Forces of Israel"),
    ("أطلقت قوة عسكرية تركية النار على مزارعين قرب بلدة الدرباسية بريف الحسكة اليوم فقتلت أحدهم.",
     "Military Forces of Turkey"),
    ("استهدفت عبوة ناسفة دورية روسية على طريق M4 قرب بلدة أريحا بريف إدلب اليوم.", "Military Forces of Russia"),
])
def test_a_force_with_its_nationality(text, actor):
    found = marsad.extract(text, DAY)
    assert found and any(actor in (e.actor1, e.actor2) for e in found), found


def test_a_named_force_keeps_its_name():
    found = marsad.extract("هاجم مسلحون حاجزا لقوات سوريا الديمقراطية في بلدة الشحيل بريف دير الزور اليوم.", DAY)
    assert found and all("Military Forces of Syria" not in (e.actor1, e.actor2) for e in found), found
    assert any("Syrian Democratic Forces" in (e.actor1, e.actor2) for e in found), found
