"""Issue 16, twelfth session: background told inside trials, verdicts and charges.
A court's sentence and its manner (بالإعدام رميا بالرصاص، شنقا) orders an act, it tells none; a list of
charges (وجهت إليهم تهما عدة منها ... واغتيال ...) tells what someone is accused of, no event of the day.
Each pattern in several wordings of our own; negative controls keep real events of the same articles."""
from __future__ import annotations

import pytest

from marsad.pipeline import analyse
from tests.test_stages_events5 import _extract, _kinds


def _told(text, published="2024-05-10"):
    """The event words the analysis still reports as events of the article."""
    return [(h.mention.text, h.status) for h in analyse(text, published).hits if h.reports_event]


# --- 1. a sentence's manner of execution is no attack -----------------------------------------------

@pytest.mark.parametrize("text", [
    "أعلنت وزارة العدل اليوم أن محكمة الجنايات في بنغازي نظرت في قضية تعود إلى عام 2014. "
    "وحكمت المحكمة على 12 منهم بالإعدام رميا بالرصاص وعلى 9 بالسجن عشر سنوات.",
    "قالت النيابة العامة الثلاثاء إن القضاء العسكري أنهى النظر في الملف. "
    "وقضت المحكمة بإعدام سبعة من المتهمين رميا بالرصاص وتبرئة خمسة آخرين.",
    "ذكر مصدر قضائي أمس أن المحكمة أصدرت أحكامها في القضية. "
    "وصدر حكم على ثلاثة مدانين بالإعدام رميا بالرصاص في مدينة مصراتة.",
    "أفادت وكالة الأنباء الرسمية اليوم بأن محكمة أمن الدولة أنهت المحاكمة. "
    "وحكم على أربعة من أفراد الخلية بالإعدام رميا بالرصاص، فيما برئ اثنان.",
    "قال محامي الدفاع يوم الأحد إن الجلسة انعقدت في العاصمة. "
    "وحكمت المحكمة العسكرية على ضابطين بالإعدام رميا بالرصاص بعد إدانتهما.",
])
def test_a_sentence_by_firing_squad_is_no_attack(text):
    """"حكم على 45 منهم بالإعدام رميا بالرصاص": the firing squad is the sentence's manner, no shooting."""
    assert _told(text) == []


# --- 2. a list of charges is no event ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "قضت محكمة الجنايات الخميس بالسجن المؤبد على 9 متهمين في قضية خلية الإسماعيلية. "
    "ووجهت النيابة للمتهمين تهما عدة منها الانتماء لتنظيم محظور وتمويل الإرهاب والتخطيط لاغتيال ضباط شرطة.",
    "أصدرت محكمة عسكرية الاثنين أحكاما بالسجن على 14 شخصا. "
    "ووجهت إليهم تهم عديدة من بينها حيازة أسلحة وتصنيع متفجرات واستهداف دوريات الجيش في المنطقة.",
    "بدأت محكمة أمن الدولة اليوم محاكمة 30 متهما في قضية تنظيم مسلح. "
    "وتواجه المجموعة تهما أبرزها تشكيل خلية إرهابية وزرع عبوات ناسفة وقتل عناصر من الأمن.",
    "أرجأت محكمة الاستئناف الأربعاء النظر في قضية 11 متهما إلى الشهر المقبل. "
    "ويواجه المتهمون اتهامات عدة بينها الانضمام إلى جماعة مسلحة ومهاجمة مقار أمنية وخطف مدنيين.",
    "أيدت محكمة النقض أمس حكما بسجن 6 متهمين. "
    "وكانت النيابة قد وجهت إليهم تهما منها التحريض على العنف وتفجير خط للغاز ومهاجمة كمين للشرطة.",
    "مثل الناشط أمام قاضي التحقيق في الرباط اليوم. "
    "ووجهت إليه النيابة اتهامات تتعلق بتكوين عصابة إجرامية وحيازة أسلحة نارية والاعتداء على رجال الأمن.",
    "بدأت محكمة في بغداد الأحد محاكمة مسؤول محلي سابق. "
    "ويواجه المسؤول تهما تتصل بتمويل جماعة مسلحة وتنظيم عمليات خطف لرجال أعمال في الأنبار.",
])
def test_a_list_of_charges_is_no_event(text):
    """"ووجهت للمتهمين تهما عدة منها ... والتخطيط لاغتيال ..."، "تهم من بينها ... واستهداف ...": the
    acts after a charge and its list opener (منها، من بينها، أبرزها) are what the accused face."""
    assert _told(text) == []


# --- negative controls: a real event told with a trial or the word منها -----------------------------

@pytest.mark.parametrize("text, sub", [
    # a firing squad told as the day's shooting, no verdict
    ("أعدم مسلحو التنظيم اليوم الأحد خمسة مدنيين رميا بالرصاص في ساحة عامة بمدينة الميادين.",
     "Attack"),
    # an attack of the day in an article that goes on about a trial
    ("قتل ثلاثة مدنيين اليوم الأحد في هجوم شنه مسلحون على سوق في مدينة العريش. "
     "وكانت محكمة قد قضت الشهر الماضي بسجن عشرة متهمين.", "Attack"),
    # an accusation of the day's strike in the lead stays the day's strike
    ("اتهمت وزارة الدفاع اليوم الأحد الطيران الحربي بقصف مدرسة في قرية حاس بريف إدلب.",
     "Air/drone strike"),
    # منها after a place count, not after a charge
    ("قصفت طائرات حربية اليوم الأحد عدة قرى منها كفرنبل وحاس في ريف إدلب الجنوبي.",
     "Air/drone strike"),
])
def test_real_events_near_trials_stay(text, sub):
    found = _extract(text, published="2024-05-12")
    assert sub in [e.sub_event_type for e in found], _kinds(found)


# --- 3. a legal appeal (طعن) told with its filing or its object is no stabbing -------------------------

@pytest.mark.parametrize("text", [
    "رفض مجلس الدولة أمس الأربعاء طعنا تقدمت به وزارة الداخلية على قرار منح اللجوء لضابط سوري في أثينا.",
    "نظرت المحكمة الإدارية في القاهرة اليوم في الطعن المقدم من هيئة قضايا الدولة ضد قرار الإفراج.",
    "أعلن محامي الناشط اليوم الاثنين في الرباط أنه سيقدم خلال أيام طعنا في الحكم الصادر بحق موكله.",
    "رفضت المحكمة العليا في تل أبيب الطعن وأيدت قرار هدم المنزل.",
    "قالت هيئة الدفاع اليوم إن الطعن الذي قدمته على قرار الترحيل لا يزال أمام المحكمة في بيروت.",
])
def test_a_legal_appeal_is_no_stabbing(text):
    """"رفض ... طعنا تقدمت به الحكومة"، "الطعن المقدم من"، "طعنا في الحكم": طعن is an appeal here."""
    assert [t for t, _ in _told(text) if "طعن" in t] == []


@pytest.mark.parametrize("text", [
    "قتل شاب طعنا بالسكين اليوم الأحد في حي الشجاعية بمدينة غزة.",
    "لقيت امرأة حتفها طعنا على يد مسلح مجهول اليوم الأحد في مدينة طرابلس.",
])
def test_a_stabbing_stays(text):
    """Control: a stabbing told with its knife or its wounded stays an event."""
    assert _told(text, "2024-05-12"), text
