"""Issue 16, twelfth session: arrests with no political side, and protests whose people are arrested.

ACLED codes the arrests of militants, protesters, activists, journalists and opponents, never those of
ordinary crime; a protest whose participants are arrested is a protest with intervention by the force
that arrests them. Each class in several wordings of our own, with close wordings that must not change."""
from __future__ import annotations

import pytest

from test_stages_events5 import _extract, _kinds


def _found(text, published="2024-05-10"):
    found = _extract(text, published)
    return [e.sub_event_type for e in found], _kinds(found)


# --- 1. an arrest for a deed with no political side is no event -------------------------------------

@pytest.mark.parametrize("text", [
    # a murder in the family, the charge after بتهمة
    "اعتقلت الشرطة الأردنية اليوم رجلا بتهمة قتل زوجته في مدينة الزرقاء.",
    # negligence that led to deaths
    "أعلنت الشرطة اعتقال مدير المدرسة بتهمة الإهمال الذي أدى إلى وفاة ثلاثة تلاميذ في مدينة حيفا.",
    # cruelty to an animal, the suspect verb with a pronoun
    "اعتقلت الشرطة المصرية اليوم عاملا يشتبه بتعذيبه قطة في مدينة الإسكندرية.",
    # the doers of an arson of a private car
    "ألقت الشرطة القبض على الشابين المتسببين في حرق سيارة أحد المواطنين في مدينة الطائف.",
    # a passive arrest, the accused first
    "تم القبض اليوم في مدينة مراكش على المتهم بالاعتداء بالضرب على جاره.",
    # smuggling of goods
    "أوقفت الشرطة الجزائرية أمس ثلاثة أشخاص متهمين بتهريب الوقود قرب مدينة تبسة.",
])
def test_an_arrest_for_a_deed_with_no_political_side_is_no_event(text):
    subs, kinds = _found(text)
    assert subs == [], kinds


@pytest.mark.parametrize("text", [
    ("ألقت الشرطة اللبنانية القبض على رجل يشتبه بسرقته محلا للمجوهرات في مدينة صيدا. "
     "وقال وزير الداخلية في مؤتمر صحفي إن الشرطة أوقفت الرجل أمس في منزله بمدينة صيدا."),
    ("اعتقلت الشرطة الكويتية رجلا يشتبه بإضرامه النار في منزل جاره في منطقة الجهراء. وأكدت وزارة "
     "الداخلية في بيان أن الرجل اعتقل فجر اليوم في منطقة الجهراء."),
])
def test_the_criminal_case_told_again_is_no_event_either(text):
    """The arrest told a second time, with no charge in its sentence, is the same criminal case."""
    subs, kinds = _found(text)
    assert subs == [], kinds


# close wordings that keep their arrests: a political side in the sentence
@pytest.mark.parametrize("text", [
    "اعتقلت الشرطة التركية اليوم عشرين شخصا يشتبه بانتمائهم إلى تنظيم داعش في مدينة إسطنبول.",
    "اعتقلت قوات الاحتلال اليوم شابين في مدينة نابلس بتهمة إلقاء الحجارة على الجنود.",
    "اعتقلت السلطات المصرية اليوم صحفيا بتهمة نشر أخبار كاذبة في مدينة القاهرة.",
    "اعتقلت الشرطة اليوم ناشطة معارضة بتهمة إهانة الرئيس في مدينة تونس.",
    # an army, an occupying force or a security force arresting, whatever the charge
    "اعتقلت قوات الاحتلال الإسرائيلي فجر اليوم شابين من مدينة الخليل بتهمة حيازة سكاكين.",
    "اعتقل الجيش الإسرائيلي اليوم فلسطينيا في مدينة جنين يشتبه بتورطه في طعن مستوطن.",
    "اعتقلت قوات الأمن السعودية اليوم مواطنا في مدينة القطيف بتهمة إيواء مطلوبين.",
    # a policeman the victim of the charged deed
    "اعتقلت الشرطة البحرينية اليوم شابا بتهمة دهس شرطي في منطقة سترة.",
    "اعتقلت الشرطة العراقية اليوم ثلاثة مشتبه بهم بزرع عبوة ناسفة في مدينة كركوك.",
    "احتجزت السلطات اليوم أعضاء وفد لمراقبة الانتخابات بتهمة عدم الحصول على ترخيص في مدينة وان.",
    # no charge at all: the old behaviour stays
    "اعتقلت قوات الأمن اليوم خمسة أشخاص في مدينة الموصل.",
])
def test_an_arrest_with_a_political_side_stays(text):
    subs, kinds = _found(text)
    assert "Arrests" in subs, kinds


# --- 2. a protest whose participants are arrested is a protest with intervention --------------------

@pytest.mark.parametrize("text, force", [
    ("تظاهر مئات الطلاب اليوم أمام مبنى البرلمان في عمان، واعتقلت الشرطة عشرين منهم.", "Police Forces of Jordan"),
    ("نظم عشرات الناشطين وقفة احتجاجية اليوم في مدينة الرباط، وقامت قوات الأمن باعتقال عدد من المشاركين فيها.",
     "Military Forces of Morocco"),
    ("خرج آلاف المتظاهرين اليوم في شوارع مدينة البصرة. واعتقلت قوات الأمن خمسة منهم.", "Military Forces of Iraq"),
    ("اعتقلت الشرطة الإيرانية اليوم عشرات المحتجين الذين خرجوا في مسيرة بمدينة أصفهان.", "Police Forces of Iran"),
    ("تظاهر مئات العمال اليوم أمام مقر الشركة في مدينة السويس، وألقت الشرطة القبض على عشرة منهم.",
     "Police Forces of Egypt"),
])
def test_a_protest_whose_people_are_arrested_is_a_protest_with_intervention(text, force):
    found = _extract(text)
    protests = [(e.sub_event_type, e.actor2) for e in found if e.event_type == "Protests"]
    assert protests == [("Protest with intervention", force)], _kinds(found)


@pytest.mark.parametrize("text", [
    "تظاهر مئات الطلاب اليوم أمام مبنى البرلمان في عمان احتجاجا على رفع الأسعار.",
    # the arrests of the people the protest wants released, in a relative clause
    "تظاهر المئات اليوم في مدينة السليمانية للمطالبة بالإفراج عن الناشطين الذين اعتقلتهم قوات الأمن الشهر الماضي.",
    "نظم أهالي المعتقلين وقفة احتجاجية اليوم في مدينة تعز للمطالبة بالإفراج عن أبنائهم الذين اعتقلهم الحوثيون.",
    # arrests in another town, told in a sentence of their own
    "تظاهر مئات الطلاب اليوم في عمان. وفي مدينة إربد اعتقلت الشرطة ثلاثة مسلحين.",
])
def test_a_protest_with_no_arrest_of_its_own_stays_peaceful(text):
    found = _extract(text)
    assert [e.sub_event_type for e in found if e.event_type == "Protests"] == ["Peaceful protest"], _kinds(found)


@pytest.mark.parametrize("text, force", [
    ("ألقت الشرطة القبض على خمسة محتجين أمام مبنى وزارة العمل في مدينة عمان اليوم.", "Police Forces of Jordan"),
    ("اعتقلت قوات الأمن العراقية اليوم عشرات المتظاهرين قرب مبنى مجلس المحافظة في مدينة الناصرية.",
     "Military Forces of Iraq"),
    ("احتجزت الشرطة السودانية اليوم عشرين محتجا في سوق مدينة الأبيض.", "Police Forces of Sudan"),
])
def test_the_arrest_of_protesters_keeps_a_protest_record_beside_it(text, force):
    """Protesters arrested with no protest word of their own: the protest they were taken at is told
    by them, met by the arresting force; the arrests keep their record."""
    found = _extract(text)
    subs = sorted((e.sub_event_type, e.actor1, e.actor2) for e in found)
    assert ("Protest with intervention", "Protesters", force) in subs and \
        any(s[0] == "Arrests" for s in subs), _kinds(found)
