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


# --- 2. a verb with an object pronoun that spells a place needs a place position ----------------

def _places(found):
    return {e.location for e in found}


@pytest.mark.parametrize("text, wrong", [
    ("اغتال مسلحون مجهولون شرطيا، وقال شقيقه إنه عاد إلى البيت فوجده مقتولا ثم وجده الجيران.", "Oujda"),
    ("قتل شاب برصاص مجهولين بعد خروجه من المسجد، وقال والده إن صديقه وجده ملقى على الأرض.", "Oujda"),
])
def test_a_verb_with_an_object_pronoun_is_no_place(text, wrong):
    """"وجده ملقى" (found him), "رماه": a word that reads as a verb with an object pronoun is the place
    it spells only in a place position (في، ريف، مدينة، a list). Not حماه: the text is normalised before
    matching, so the verb and Hama (حماة) read the same, and the city stands bare far more often."""
    found = _extract(text)
    assert wrong not in _places(found), _kinds(found)


# --- 3. a first name that spells a place, followed by a surname, is a person ---------------------

@pytest.mark.parametrize("text, wrong", [
    ("قتل المسلح رياض منصور برصاص مجهولين في مدينة الرمادي.", "Riyadh"),
    ("اغتال مسلحون الناشط رياض حداد أمام منزله في مدينة درعا.", "Riyadh"),
    ("اعتقلت قوات الأمن المدعو سامر حلب بتهمة زرع عبوة ناسفة قرب مدينة طرابلس.", "Aleppo"),
    ("أصيب الصحفي رياض الشامي برصاص قناص خلال تغطيته الاشتباكات في مدينة تعز.", "Riyadh"),
    ("قتل القيادي رياض خليل في غارة جوية على مدينة سرت.", "Riyadh"),
])
def test_a_first_name_and_a_surname_is_a_person(text, wrong):
    """"الناشط رياض حداد"، "المدعو سامر حلب": a place name that is a first name, written bare with a
    surname after it, or a name right after a first name, is part of a person's name."""
    found = _extract(text)
    assert wrong not in _places(found), _kinds(found)


@pytest.mark.parametrize("text, place", [
    ("قصفت طائرات النظام أحياء في مدينة حماة اليوم.", "Hama"),
    ("قتل مدنيان في قصف على حماة اليوم.", "Hama"),
    ("استهدفت غارات جوية مدينتي حلب وحماة صباح اليوم.", "Hama"),
    ("اعتقلت الشرطة خمسة أشخاص في وجدة بتهمة الانتماء إلى تنظيم داعش.", "Oujda"),
    ("اعترضت الدفاعات السعودية صاروخا باليستيا أطلق باتجاه الرياض مساء اليوم.", "Riyadh"),
    ("قتل شخصان بانفجار عبوة ناسفة في بلدة جاسم بريف درعا الشمالي.", "Jasim"),
])
def test_a_place_in_a_place_position_stays(text, place):
    """A place name in a place position (في، مدينة، ريف، a list, right after the event word) stays."""
    found = _extract(text)
    assert place in _places(found), _kinds(found)


@pytest.mark.parametrize("text", [
    "أسقط شبان فلسطينيون طائرة إسرائيلية مسيرة بعد أن ألقت قنابل الغاز على محتجين قرب السياج شرق رفح.",
    "تصدى المتظاهرون لطائرة إسرائيلية مسيّرة كانت تلقي قنابل الغاز فوق مخيم العودة شرق خان يونس.",
])
def test_a_drone_named_with_its_aircraft_among_protesters_stays_a_drone(text):
    """An aircraft word before مسيرة, or its shadda (مسيّرة), keeps the drone even among protesters."""
    found = _extract(text)
    assert not any(e.sub_event_type == "Peaceful protest" for e in found), _kinds(found)
