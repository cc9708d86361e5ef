"""Records that are not events of the article (issue 16, items 2 and 4): discourse moves that tell
no event of this article (a recap, a backdrop, a charge, a hypothesis, a comparison, a war's tally, a
proposal) and the dates of statements. Each class is written in several wordings of our own, with a
real same-day event beside the move that must still be read."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

SATURDAY = date(2018, 7, 21)


def events(text: str, published=SATURDAY):
    return marsad.extract(text, published=published)


def towns(text: str, published=SATURDAY) -> list[str]:
    return sorted(e.location for e in events(text, published))


# --------------------------------------------------------------------------- recaps by tense and date

@pytest.mark.parametrize("published", [None, SATURDAY])
@pytest.mark.parametrize("text", [
    "وكان مسلحون مجهولون قد اغتالوا مختار قرية الصورة في مطلع تموز.",
    "وكانت الطائرات الحربية قد شنت غارات على مدينة أريحا أواخر حزيران، وقتل فيها أربعة مدنيين.",
    "وكانت مصادر محلية قد أفادت في منتصف تموز بأن دورية للأمن العسكري اعتقلت ثلاثة شبان في بلدة نوى.",
])
def test_a_pluperfect_unit_dated_by_a_month_is_a_recap(text, published):
    assert events(text, published) == []


def test_a_pluperfect_unit_dated_yesterday_is_still_news():
    text = "وكان المرصد السوري قد وثق أمس مقتل مواطن برصاص عناصر حاجز في قرية الدردارية بريف حمص الغربي."
    assert [str(e.event_date) for e in events(text)] == ["2018-07-20"]


def test_a_recap_beside_a_same_day_event_leaves_the_event():
    text = ("قتل ثلاثة مدنيين اليوم بقصف مدفعي على بلدة كفرنبل، وكانت الطائرات قد قصفت مدينة أريحا في منتصف "
            "تموز.")
    found = events(text)
    assert [(e.location, str(e.event_date)) for e in found] == [("Kafr Nabl", "2018-07-21")]


@pytest.mark.parametrize("text", [
    "اتهمت منظمة حقوقية التحالف بارتكاب جريمة حرب في آب الماضي. وقال التحالف حينها إن طائراته قصفت منصات "
    "صواريخ في مدينة صعدة.",
    "وثق المرصد في عام 2016 مقتل عشرات المدنيين في حلب. وقصفت الطائرات آنذاك أحياء مدينة الباب بالبراميل "
    "المتفجرة.",
    "وفي أيار 2019 سيطرت قوات النظام على قلعة المضيق. واستهدفت فصائل المعارضة وقتها مواقع القوات في بلدة "
    "كفرنبودة بصواريخ غراد.",
])
def test_then_takes_the_date_told_before_it_and_a_past_one_is_a_recap(text):
    assert events(text, published=date(2019, 10, 5)) == []


def test_then_after_a_current_date_is_that_days_event():
    text = ("قصفت الطائرات بلدة معرة حرمة صباح أمس. وقال الدفاع المدني حينها إن الطائرات استهدفت أيضا بلدة "
            "كفرنبل.")
    found = events(text)
    assert {str(e.event_date) for e in found} == {"2018-07-20"}
    assert "Kafr Nabl" in [e.location for e in found]


# --------------------------------------------------------------------------- a backdrop of other news

@pytest.mark.parametrize("text", [
    "أصدرت محكمة في صنعاء أحكاما بإعدام ثلاثة مواطنين. وتأتي هذه الأحكام في وقت تشهد فيه محافظة صعدة معارك "
    "عنيفة بين الجيش والحوثيين.",
    "أعلنت الحكومة خطة جديدة لدعم المزارعين. ويأتي ذلك في ظل اشتباكات متقطعة تشهدها مدينة درنة بين قوات "
    "الجيش ومسلحين.",
    "افتتحت الوزارة مدرسة جديدة في البلدة. ويأتي هذا وسط قصف مدفعي متواصل على بلدات ريف إدلب الجنوبي.",
])
def test_what_the_news_comes_amid_is_a_backdrop_not_an_event(text):
    assert events(text) == []


def test_a_backdrop_that_gives_its_own_day_is_that_days_event():
    text = ("افتتحت الوزارة مدرسة جديدة في البلدة. ويأتي ذلك في وقت قصفت فيه الطائرات اليوم بلدة كفرنبل، ما "
            "أدى إلى مقتل مدنيين.")
    assert towns(text) == ["Kafr Nabl"]


# --------------------------------------------------------------------------- charges, trials, convictions

@pytest.mark.parametrize("text", [
    "وأدانت المحكمة الرجل بخمس تهم تتعلق بتفجير ناقلة نفط قبالة مدينة عدن.",
    "واتهم أرباب عمل باغتصاب عاملات منازل في مدينة الكويت.",
    "وتحاكم السلطات العراقية اثني عشر شخصا بتهمة تفجير سيارة مفخخة في سوق مدينة الحلة.",
    "وقضت المحكمة بسجن رجل عشر سنوات لإدانته بقتل شرطي في مدينة الزرقاء.",
])
def test_an_event_word_under_a_charge_or_a_conviction_is_no_event(text):
    assert events(text) == []


def test_an_accusation_of_an_attack_today_is_that_attack():
    text = "اتهم الجيش السوري فصائل المعارضة بقصف حي الحمدانية في مدينة حلب اليوم، ما أدى إلى مقتل طفلين."
    found = events(text)
    assert len(found) == 1 and str(found[0].event_date) == "2018-07-21"


# --------------------------------------------------------------------------- hypotheses and comparisons

@pytest.mark.parametrize("text", [
    "وأكد الجيش أنه على أهبة الاستعداد للتصدي لأي هجوم في منطقة القنيطرة.",
    "وقال المتحدث إن أي اعتداء على مدينة طرابلس سيواجه برد حاسم.",
    "وتعهدت القوات بحماية السكان من أي هجمات على قرى ريف حماة الشمالي.",
])
def test_any_attack_is_a_hypothesis_not_an_event(text):
    assert events(text) == []


def test_an_attack_beside_any_other_is_still_read():
    text = ("قتل جنديان اليوم في هجوم لمسلحين على حاجز قرب مدينة الرستن، وقال الجيش إنه سيرد على أي هجوم "
            "على مدينة حمص.")
    assert towns(text) == ["Al-Rastan"]


@pytest.mark.parametrize("text", [
    "وتعد هذه المرة الأولى التي يعلن فيها الجيش الأمريكي شن غارات على مناطق في جنوب مدينة سبها.",
    "وهذه ليست المرة الأولى التي تقصف فيها الطائرات الإسرائيلية مطار المزة العسكري.",
    "وهي المرة الثانية التي يستهدف فيها مسلحون مجهولون حاجزا للأمن في بلدة المزيريب.",
])
def test_the_time_that_compares_kinds_of_events_and_tells_none(text):
    assert events(text) == []


def test_a_strike_told_before_its_comparison_is_still_read():
    text = ("قصفت الطائرات الإسرائيلية مطار المزة العسكري فجر اليوم، وهذه ليست المرة الأولى التي تستهدف فيها "
            "الطائرات مطار دمشق الدولي.")
    found = events(text)
    assert len(found) == 1 and str(found[0].event_date) == "2018-07-21"


# --------------------------------------------------------------------------- a war's tally

@pytest.mark.parametrize("text", [
    "دعت الأمم المتحدة إلى وقف الحرب. وقتل نحو 10 آلاف شخص وأصيب 55 ألفا آخرون في القتال في اليمن.",
    "طالبت المنظمة بحماية المدنيين. وقتل أكثر من 3 آلاف مدني في الغارات الجوية على محافظة إدلب وفق المرصد.",
    "حذر المبعوث من انهيار الهدنة. ولقي أكثر من ألفي شخص حتفهم في المعارك بين قوات الحكومة والجماعات المسلحة "
    "في مدينة طرابلس.",
])
def test_thousands_of_dead_with_no_day_are_a_tally_not_an_event(text):
    assert events(text) == []


def test_a_same_day_strike_beside_the_tally_is_still_read():
    text = ("قتل خمسة مدنيين اليوم في غارة جوية على بلدة خان شيخون. وقتل أكثر من 3 آلاف مدني في الغارات الجوية "
            "على محافظة إدلب وفق المرصد.")
    found = events(text)
    assert [(e.location, e.fatalities) for e in found] == [("Khan Shaykhun", 5)]


# --------------------------------------------------------------------------- proposals and plans

@pytest.mark.parametrize("text", [
    "غادر وفد الحركة القاهرة بعد الرد الإيجابي على المقترح الجديد لصفقة تبادل الأسرى في غزة.",
    "وكشفت الصحيفة عن خطة لاقتحام مدينة درعا من ثلاثة محاور.",
    "وناقش الوزراء مبادرة لوقف القتال في مدينة الحديدة.",
])
def test_a_proposal_or_a_plan_of_an_event_is_no_event(text):
    assert events(text) == []


# --------------------------------------------------------------------------- dates of statements

@pytest.mark.parametrize("statement, day", [
    ("أعلنت وزارة الدفاع في بيان الخميس أن طائراتها قصفت صباح اليوم مواقع للمسلحين في بلدة الحويجة.",
     "2018-07-19"),
    ("قالت الشرطة في بيان أمس إن مسلحين هاجموا صباح اليوم حاجزا أمنيا في بلدة الحويجة وقتلوا شرطيين.",
     "2018-07-20"),
    ("وذكرت قيادة العمليات في بيان يوم الأربعاء أن طائرة مسيرة استهدفت اليوم عربة للمسلحين في بلدة الحويجة.",
     "2018-07-18"),
])
def test_today_in_a_statement_is_the_statements_day(statement, day):
    assert [str(e.event_date) for e in events(statement)] == [day]


@pytest.mark.parametrize("text, published, day", [
    ("قتلى بهجوم على مقهى في قرية أم حارتين\nاقتحم مسلحون مقهى في قرية أم حارتين بريف حمص وأطلقوا النار على "
     "رواده، ما أدى إلى مقتل شخصين.\nونقلت وكالة سانا مساء أمس السبت عن وزارة الداخلية أن قوات الأمن طوقت موقع "
     "الهجوم.", date(2018, 7, 22), "2018-07-21"),
    ("هجوم على حاجز في ريف درعا\nهاجم مسلحون حاجزا للجيش قرب بلدة المزيريب وقتلوا جنديين.\nوقالت الشرطة يوم "
     "الأحد إن الهجوم نفذه مسلحون مجهولون.", date(2018, 7, 23), "2018-07-22"),
    ("مقتل مدنيين بقصف على بلدة كفرنبل\nقتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل.\nوأفاد الدفاع المدني أمس "
     "بأن القصف استهدف منازل المدنيين.", date(2018, 7, 22), "2018-07-21"),
])
def test_the_reports_day_named_after_an_undated_lead_dates_its_event(text, published, day):
    assert [str(e.event_date) for e in events(text, published)] == [day]


def test_no_event_is_dated_after_its_article():
    text = "أعلن الجيش في بيان الخميس أن مسلحين هاجموا غدا حاجزا في بلدة الحويجة."
    assert all(e.event_date is None or e.event_date <= SATURDAY for e in events(text))
