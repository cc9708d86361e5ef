"""Issue 16, twelfth session: ordinary words read as event words. مسيرة (a march) is read as a drone
(مسيّرة) only when its sentence is not about marchers, demonstrators, a funeral or Friday prayers.
Each pattern in several wordings of our own."""
from __future__ import annotations

import pytest

from tests.test_stages_events5 import _extract, _kinds


def _drones(found):
    return [e for e in found if e.sub_event_type == "Air/drone strike"]


# --- 1. a march described as one, or told among marchers, is no drone strike -------------------------

@pytest.mark.parametrize("text", [
    # an adjective of a march right after it
    "أدان الوزير استخدام الرصاص الحي في مواجهة المسيرات السلمية التي خرجت في مدينة نابلس أمس.",
    "وانطلقت أمس المسيرات الشعبية الحاشدة في شوارع مدينة الخليل تنديدا بقرار نقل السفارة.",
    # a sentence about marchers / demonstrators
    "قال والد الشاب إن ابنه ذهب لمشاهدة المسيرة قرب السياج ولم يكن يحمل أي سلاح، وأصيب برصاص الجنود في خان يونس.",
    "رفع المتظاهرون الأعلام والشعارات خلال المسيرة التي جابت شوارع مدينة الناصرية يوم الثلاثاء.",
    "قتل فتى برصاص جنود الاحتلال في بلدة عزون بعد أن خرج لمشاهدة المسيرة مع أصدقائه.",
    "أطلقت قوات الأمن الغاز المسيل للدموع على المسيرة التي نظمها أنصار المعارضة في مدينة أم درمان.",
    "أصيب عشرات المتظاهرين حين هاجمت شرطة مكافحة الشغب المسيرة في وسط مدينة الديوانية.",
    "ورفع المشاركون في المسيرات الغاضبة صور المعتقلين أمام مقر الحكومة في مدينة بنغازي.",
    # a funeral
    "هاجم مسلحون مجهولون المسيرة الجنائزية لأحد شيوخ القبائل في مدينة سبها وقتلوا شخصين.",
    "شيع المئات جثمان الشاب في مخيم جنين، وتحولت المسيرة إلى مواجهات مع جنود الاحتلال الإسرائيلي.",
    # Friday prayers
    "وانطلقت المسيرة من أمام المسجد الكبير بعد صلاة الجمعة في مدينة طرابلس رفضا لغلاء الأسعار.",
])
def test_a_march_among_marchers_is_no_drone_strike(text):
    """"المسيرات السلمية"، "خرج لمشاهدة المسيرة"، "شيعوا الجثمان ... وتحولت المسيرة": مسيرة described
    as a march or told among marchers, a funeral or a prayer is a march, never a drone strike."""
    found = _extract(text)
    assert not _drones(found), _kinds(found)


@pytest.mark.parametrize("text", [
    "تظاهر آلاف الفلسطينيين قرب الحدود الشرقية لقطاع غزة ضمن مسيرة العودة. وقتل فتى برصاص قناص "
    "إسرائيلي بعد أن اقترب من السياج خلال المسيرة.",
    "نظم طلاب الجامعة في مدينة الرباط مسيرة احتجاجية على غلاء الرسوم. وفرقت الشرطة المسيرة "
    "بالهراوات واعتقلت عشرة طلاب.",
    "خرجت مسيرة سلمية في بلدة كفرنبل بريف إدلب تطالب بإسقاط النظام. وردد المشاركون في المسيرة "
    "هتافات ضد روسيا.",
])
def test_the_march_named_again_is_no_drone_strike(text):
    """An article that has named a march (مسيرة العودة، مسيرة احتجاجية) calls it back as المسيرة:
    the bare definite word is that march, not a drone."""
    found = _extract(text)
    assert not _drones(found), _kinds(found)


# --- controls: a drone stays a drone ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "استهدفت طائرة مسيرة تابعة للتحالف سيارة تقل قياديين حوثيين في مديرية حيس اليوم.",
    "قتل ثلاثة مسلحين من حركة الشباب في غارة شنتها طائرة مسيرة أمريكية على بلدة جلب جنوبي الصومال.",
    "قصفت طائرات مسيرة روسية مواقع لفصائل المعارضة في محيط بلدة اللطامنة بريف حماة الشمالي.",
    # a drone over demonstrators: the drone acts
    "ألقت مسيرة إسرائيلية قنابل الغاز على المتظاهرين قرب السياج شرق مدينة غزة يوم الجمعة.",
    "استهدفت مسيرة تركية تجمعا لمسلحي حزب العمال الكردستاني في جبال قنديل شمالي العراق.",
])
def test_a_drone_stays_a_drone(text):
    found = _extract(text)
    assert _drones(found), _kinds(found)
