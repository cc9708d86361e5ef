"""Records that are not events of the article (issue 16, items 2 and 4): discourse moves that tell
no event of this article (a recap, a backdrop, a charge, a hypothesis, a comparison, a war's tally, a
proposal) and the dates of statements and reports. Each class is written in several wordings of our
own, with a real same-day event beside the move that must still be read."""
from __future__ import annotations

from datetime import date

import pytest

import marsad
from marsad.arabic.tokenise import make_doc
from marsad.dates import find_dates

SATURDAY = date(2018, 7, 21)


def events(text: str, published=SATURDAY):
    return marsad.extract(text, published=published)


def places(text: str, published=SATURDAY) -> list[str]:
    return sorted(e.location for e in events(text, published))


# --------------------------------------------------------------------------- recaps by tense and date

@pytest.mark.parametrize("text, published", [
    ("وكان مسلحون مجهولون قد اغتالوا مختار قرية الصورة في مطلع تموز.", None),
    ("وكان مسلحون مجهولون قد اغتالوا مختار قرية الصورة في مطلع تموز.", date(2018, 7, 12)),
    ("وكانت الطائرات الحربية قد شنت غارات على مدينة أريحا أواخر حزيران، وقتل فيها أربعة مدنيين.", None),
    ("وكانت قوات النظام قد قصفت في منتصف تموز بلدة نوى بقذائف المدفعية.", None),
    ("وكانت قوات النظام قد قصفت في منتصف تموز بلدة نوى بقذائف المدفعية.", date(2018, 7, 12)),
])
def test_a_pluperfect_unit_dated_by_a_month_is_a_recap(text, published):
    assert events(text, published) == []


def test_a_report_of_a_month_ago_in_the_pluperfect_with_a_long_subject_is_a_recap():
    text = ("قتل جنديان في هجوم على حاجز قرب مدينة الرستن. وكان المرصد قد وثق أمس مقتل مدني برصاص عناصر حاجز في "
            "قرية الدردارية. وكانت مصادر المرصد السوري لحقوق الإنسان قد أفادت في منتصف تموز بأن عناصر حاجز اعتقلوا "
            "شابا في مدينة حمص.")
    assert "Homs" not in places(text, None)


def test_a_pluperfect_unit_dated_yesterday_is_still_news():
    text = "وكان المرصد السوري قد وثق أمس مقتل مواطن برصاص عناصر حاجز في قرية الدردارية بريف حمص الغربي."
    assert [str(e.event_date) for e in events(text)] == ["2018-07-20"]


@pytest.mark.parametrize("published", [None, SATURDAY])
def test_a_month_recap_after_an_undated_event_leaves_the_event(published):
    text = "قتل جنديان في هجوم على حاجز قرب مدينة الرستن. وكانت قوات النظام قد قصفت بلدة تلبيسة مطلع تموز."
    assert places(text, published) == ["Al-Rastan"]


@pytest.mark.parametrize("text, kept", [
    ("قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وفي شباط الماضي سيطرت فصائل المعارضة على قرية "
     "الزارة. وقال الدفاع المدني وقتها إن طائرات حربية قصفت مدينة الحولة.", "Al-Rastan"),
    ("قتل ثلاثة مدنيين اليوم في غارة على بلدة كفرنبل. وتعرضت مدينة أريحا لهجوم كيميائي في آذار 2017. "
     "واستهدفت طائرات حربية آنذاك بلدة خان شيخون.", "Kafranbel"),
    ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. وفي عام 2016 هاجم مسلحون قلعة الكرك. وقتل مسلح يومها في "
     "اشتباك مع قوات الأمن في مدينة السلط.", "Zarqa"),
    ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. وفي آذار 2016 اشتبكت قوات الأمن مع خلية مسلحة في مدينة "
     "إربد. وقتل حينها ضابط في انفجار عبوة ناسفة في مدينة السلط.", "Zarqa"),
])
def test_then_takes_the_date_told_before_it_and_a_past_one_is_a_recap(text, kept):
    assert places(text, date(2018, 9, 2)) == [kept]


def test_then_after_a_current_date_is_that_days_event():
    text = ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. وقال شهود إن مسلحين آخرين أطلقوا النار حينها على "
            "دورية في مدينة السلط.")
    found = events(text, date(2018, 9, 2))
    assert "As Salt" in [e.location for e in found]
    assert {str(e.event_date) for e in found} == {"2018-09-02"}


# --------------------------------------------------------------------------- a backdrop of other news

@pytest.mark.parametrize("text, kept", [
    ("أعدمت محكمة حوثية ثلاثة مواطنين اليوم. وتأتي هذه الأحكام في وقت تشهد فيه محافظة صعدة انهيارات في صفوف "
     "الميليشيات نتيجة تقدم قوات الجيش والقتال في مديرية كتاف.", []),
    ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. ويأتي ذلك في ظل اشتباكات متقطعة بين قوات الأمن ومسلحين "
     "في مدينة معان.", ["Zarqa"]),
    ("قتل جندي اليوم بانفجار عبوة ناسفة قرب بلدة المزيريب. وجاء ذلك وسط قصف مدفعي متواصل على مدينة بصرى "
     "الشام.", ["Al-Muzayrib"]),
])
def test_what_the_news_comes_amid_is_a_backdrop_not_an_event(text, kept):
    assert places(text) == kept


def test_a_backdrop_that_gives_its_own_day_is_that_days_event():
    text = ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. ويأتي ذلك في وقت اشتبكت فيه قوات الأمن اليوم مع "
            "مسلحين في مدينة معان.")
    assert places(text) == ["Ma'an", "Zarqa"]


# --------------------------------------------------------------------------- charges, trials, convictions

@pytest.mark.parametrize("text, kept", [
    ("قتل جندي اليوم بانفجار عبوة ناسفة قرب بلدة المزيريب. وأدانت محكمة عسكرية الرجل بخمس تهم تتعلق بتفجير "
     "سيارة مفخخة في مدينة درعا.", "Al-Muzayrib"),
    ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. واتهم ناشطون قوات الأمن باعتقال عشرات الشبان في مدينة "
     "معان.", "Zarqa"),
    ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. ويحاكم رجلان بتهمة تفجير عبوة ناسفة في سوق مدينة معان.",
     "Zarqa"),
])
def test_an_event_word_under_a_charge_or_a_conviction_is_no_event(text, kept):
    assert places(text) == [kept]


def test_an_accusation_of_an_attack_on_a_day_is_that_attack():
    text = ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. واتهمت الحكومة مسلحين بقصف حي سكني في مدينة معان "
            "صباح اليوم.")
    assert places(text) == ["Ma'an", "Zarqa"]


def test_hours_a_day_is_a_rate_not_a_date():
    doc = make_doc("وأجبروا العمال على العمل 21 ساعة في اليوم")
    assert find_dates(doc, SATURDAY) == []


# --------------------------------------------------------------------------- hypotheses and comparisons

@pytest.mark.parametrize("text, kept", [
    ("قتل جنديان اليوم في هجوم لمسلحين على حاجز قرب مدينة الرستن، وقال الجيش إنه سيرد على أي هجوم على "
     "مدينة حمص.", ["Al-Rastan"]),
    ("قصفت المدفعية بلدة اللطامنة صباح اليوم، وأكدت الفصائل أنها ستتصدى لأي اعتداء على مدينة مورك.",
     ["Al-Lataminah"]),
    ("اعتقلت قوات الأمن خمسة مطلوبين في مدينة الفلوجة اليوم. وقال قائد الشرطة إن قواته ستحبط أي تفجير في "
     "مدينة الرمادي.", ["Fallujah"]),
])
def test_any_attack_is_a_hypothesis_not_an_event(text, kept):
    assert places(text) == kept


@pytest.mark.parametrize("text", [
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وهذه ليست المرة الأولى التي يستهدف فيها مسلحون "
    "حاجزا في مدينة تلبيسة.",
    "قصفت الطائرات بلدة كفرنبل اليوم. وهي المرة الثانية التي تقصف فيها الطائرات مدينة معرة النعمان هذا "
    "الأسبوع.",
    "قصفت الطائرات الحربية اليوم مدينة درنة. وتعد هذه المرة الأولى التي يعلن فيها الجيش الأمريكي شن غارات "
    "على مناطق في جنوب مدينة سبها.",
])
def test_the_time_that_compares_kinds_of_events_and_tells_none(text):
    assert len(events(text)) == 1


# --------------------------------------------------------------------------- a war's tally

@pytest.mark.parametrize("text, kept", [
    ("قتل خمسة مدنيين اليوم في غارة جوية على بلدة خان شيخون. وقتل نحو 10 آلاف شخص وأصيب 55 ألفا آخرون في "
     "القتال في محافظة إدلب.", "Khan Shaykhun"),
    ("قتل جنديان اليوم في هجوم لمسلحين على حاجز قرب مدينة الزاوية. ولقي أكثر من ألفي شخص حتفهم في المعارك بين "
     "قوات الحكومة والجماعات المسلحة في مدينة طرابلس.", "Az Zawiyah"),
    ("قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وقتل أكثر من 3 آلاف مدني في القصف على محافظة حمص "
     "منذ بدء المعارك.", "Al-Rastan"),
])
def test_thousands_of_dead_with_no_day_are_a_tally_not_an_event(text, kept):
    assert places(text) == [kept]


# --------------------------------------------------------------------------- anniversaries and the future

@pytest.mark.parametrize("text, kept", [
    ("قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وأحيا الأهالي الذكرى السنوية لمجزرة الحولة التي قتل "
     "فيها 108 مدنيين في بلدة تلدو.", "Al-Rastan"),
    ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. ونظم ناشطون وقفة في ذكرى تفجير الفنادق الذي قتل فيه 60 "
     "شخصا في مدينة عمان.", "Zarqa"),
    ("اعتقلت قوات الأمن خمسة مطلوبين في مدينة الفلوجة اليوم. وصادف أمس الذكرى الأولى لتفجير سيارة مفخخة قتل "
     "30 شخصا في سوق مدينة الرمادي.", "Fallujah"),
])
def test_an_anniversarys_event_is_the_old_event_whatever_day_it_falls_on(text, kept):
    assert places(text) == [kept]


@pytest.mark.parametrize("text, kept", [
    ("قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وأكد الجيش الروسي أنه سيتم اعتراض الصواريخ إذا "
     "استهدفت قاعدة حميميم.", "Al-Rastan"),
    ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. وقالت الوزارة إنه سيتم اعتقال المتورطين في الهجوم على "
     "دورية في مدينة معان.", "Zarqa"),
    ("اعتقلت قوات الأمن خمسة مطلوبين في مدينة الفلوجة اليوم. وقال قائد العمليات إنه ستجري مداهمة أوكار "
     "التنظيم في مدينة القائم.", "Fallujah"),
])
def test_what_will_be_done_is_no_event(text, kept):
    assert places(text) == [kept]


@pytest.mark.parametrize("text, kept", [
    ("قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وقال القائد إن القتال ضد داعش في مدينة هجين سيستمر "
     "شهرين.", "Al-Rastan"),
    ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. وأكد الوزير أن المعارك مع الحوثيين في مديرية حيس "
     "ستتواصل.", "Zarqa"),
    ("اعتقلت قوات الأمن خمسة مطلوبين في مدينة الفلوجة اليوم. وقال المتحدث إن الغارات على مواقع داعش في مدينة "
     "القائم ستستمر.", "Fallujah"),
])
def test_fighting_that_will_go_on_is_no_event_of_the_day(text, kept):
    assert places(text) == [kept]


@pytest.mark.parametrize("text, kept", [
    ("قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. ومنذ سيطرتها على المدينة قصفت الفصائل 40 منزلا في "
     "قرية الزارة. كما قصفت الفصائل مدرستين في بلدة تلبيسة.", ["Al-Rastan"]),
    ("قتل شرطي اليوم برصاص مسلحين في مدينة الزرقاء. ومنذ سيطرتهم على البلدة قصف المسلحون 20 منزلا في قرية "
     "الحصن. كما قصف المسلحون مسجدا في مدينة معان.", ["Zarqa"]),
    ("اعتقلت قوات الأمن خمسة مطلوبين في مدينة الفلوجة اليوم. ومنذ سيطرة التنظيم على الموصل فجر مسلحون 30 جسرا "
     "في محافظة نينوى. وكذلك فجر المسلحون جامعا في مدينة تلعفر.", ["Fallujah"]),
])
def test_a_sentence_that_goes_on_with_a_tally_since_an_event_is_the_same_tally(text, kept):
    assert places(text) == kept


def test_a_sentence_after_a_tally_with_a_day_of_its_own_is_that_days_event():
    text = ("قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. ومنذ سيطرتها على المدينة قصفت الفصائل 40 منزلا في "
            "قرية الزارة. كما قصفت الطائرات اليوم بلدة تلبيسة.")
    assert "Talbiseh" in places(text)


# --------------------------------------------------------------------------- proposals and plans

@pytest.mark.parametrize("text", [
    "غادر وفد الحركة القاهرة بعد الرد الإيجابي على المقترح الجديد لصفقة تبادل الأسرى في غزة.",
    "وافقت الحركة على مقترح لاتفاق وقف إطلاق النار في مدينة غزة.",
    "ناقش الوسطاء مع الطرفين مسودة اتفاق في مدينة حمص.",
])
def test_a_proposal_or_a_draft_of_an_agreement_is_no_agreement(text):
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
    assert {str(e.event_date) for e in events(text, published)} == {day}


def test_a_later_report_day_does_not_move_a_dated_lead():
    text = ("مقتل مدنيين بقصف على بلدة كفرنبل\nقتل ثلاثة مدنيين اليوم بقصف مدفعي على بلدة كفرنبل.\nوأفاد الدفاع "
            "المدني أمس بأن القصف استهدف منازل المدنيين.")
    assert [str(e.event_date) for e in events(text, date(2018, 7, 22))] == ["2018-07-22"]


def test_no_event_is_dated_after_its_article():
    text = "أعلن الجيش في بيان الخميس أن مسلحين سيهاجمون غدا حاجزا في بلدة الحويجة، وقتل جندي اليوم في البلدة."
    assert all(e.event_date is None or e.event_date <= "2018-07-21" for e in events(text))
