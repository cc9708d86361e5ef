"""Records that are not events of the article, second round (issue 16, items 2 and 4): recaps of
about a week told beside a same-day event, an undated lead whose day the headline gives, claims told
as alleged, and intentions or capabilities told in a statement. Each class in several wordings of our
own, with a real same-day event beside the move that must still be read."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

SATURDAY = date(2018, 7, 21)


def events(text: str, published=SATURDAY):
    return marsad.extract(text, published=published)


def places(text: str, published=SATURDAY) -> list[str]:
    return sorted(e.location for e in events(text, published))


def dates(text: str, published=SATURDAY) -> list[str]:
    return sorted(str(e.event_date) for e in events(text, published))


# --------------------------------------------------------------------------- recaps of about a week

@pytest.mark.parametrize("text, kept", [
    ("قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وفي الأسبوع الماضي، تعرضت مدينة تلبيسة لعدد من "
     "الغارات الروسية.", "Al-Rastan"),
    ("قتل ثلاثة مدنيين اليوم في غارة على بلدة كفرنبل. وقصفت المدفعية الأسبوع الفائت بلدة خان شيخون.", "Kafranbel"),
    ("اقتحمت القوات الإسرائيلية صباح اليوم مدينة جنين واعتقلت خمسة شبان. وشهدت مدينة نابلس في الأيام الأخيرة "
     "مواجهات عنيفة بين الشبان والجيش الإسرائيلي.", "Janin"),
    ("قتل شرطي أمس برصاص مسلحين في مدينة الزرقاء. وكان مسلحون هاجموا منذ أيام دورية للشرطة في مدينة السلط.",
     "Zarqa"),
])
def test_a_unit_dated_only_by_the_last_week_beside_a_same_day_lead_is_a_recap(text, kept):
    assert places(text) == [kept]


def test_an_event_of_the_last_two_days_beside_the_lead_is_still_news():
    text = ("قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وقتل خمسة مدنيين خلال اليومين الماضيين في قصف على "
            "مدينة تلبيسة.")
    assert places(text) == ["Al-Rastan", "Talbiseh"]


def test_a_lead_dated_by_the_last_week_keeps_its_event():
    assert places("شنت الطائرات الحربية خلال الأسبوع الماضي غارات على مدينة تلبيسة.") == ["Talbiseh"]


def test_a_same_day_event_that_counts_the_weeks_strikes_keeps_its_day():
    text = "قتل مدنيان اليوم في غارة على بلدة كفرنبل، هي الثالثة على البلدة خلال الأسبوع الماضي."
    assert dates(text) == ["2018-07-21"]


def test_a_week_recap_after_a_same_day_event_in_a_later_paragraph_is_left_out():
    text = ("قتل ثلاثة عناصر من الشرطة صباح اليوم بانفجار عبوة ناسفة في مدينة الرمادي.\n"
            "وأوضح مصدر أمني أن العبوة انفجرت لدى مرور دورية في حي الملعب.\n"
            "وكان مسلحون قد هاجموا خلال الأسبوع الماضي نقطة للجيش في مدينة الفلوجة.")
    assert places(text) == ["Ramadi"]


# --------------------------------------------------------------------------- the headline's day

@pytest.mark.parametrize("text, day", [
    ("مقتل خمسة مدنيين بقصف على سراقب الجمعة\nقتل خمسة مدنيين في قصف مدفعي لقوات النظام على مدينة سراقب بريف "
     "إدلب. وأصيب عشرة آخرون بجروح.", "2018-07-20"),
    ("غارات روسية على كفرنبل أمس\nشنت الطائرات الحربية الروسية غارات على بلدة كفرنبل جنوب إدلب، ما أدى إلى دمار "
     "كبير.", "2018-07-20"),
    ("اشتباكات بين الجيش ومسلحين في الرمادي الخميس\nاندلعت اشتباكات عنيفة بين القوات العراقية ومسلحي داعش في "
     "مدينة الرمادي.", "2018-07-19"),
])
def test_an_undated_lead_takes_the_day_its_headline_gives_its_event(text, day):
    assert dates(text) == [day]


def test_a_dateline_heading_still_dates_nothing_of_its_own():
    text = "السبت 2018/07/21\nاندلعت اشتباكات عنيفة بين القوات العراقية ومسلحي داعش في مدينة الرمادي."
    assert dates(text) == ["2018-07-21"]


def test_a_headline_and_a_lead_that_name_one_day_make_one_record():
    text = ("قصف على سراقب الجمعة\nقتل خمسة مدنيين مساء أمس في قصف مدفعي لقوات النظام على مدينة سراقب بريف "
            "إدلب.")
    assert dates(text) == ["2018-07-20"]


# --------------------------------------------------------------------------- claims told as alleged

@pytest.mark.parametrize("text", [
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وزعمت وسائل إعلام موالية أن فصائل المعارضة قصفت بلدة "
    "تلبيسة.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وادعى إعلام النظام أن مسلحين هاجموا نقطة عسكرية في بلدة "
    "تلبيسة.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. ويدعي الجيش أن الفصائل قصفت بالصواريخ بلدة تلبيسة.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. واعتقلت دورية شابا بزعم مشاركته في قصف بلدة تلبيسة.",
])
def test_an_event_a_source_is_said_to_allege_is_no_event(text):
    assert "Talbiseh" not in places(text)
    assert "Al-Rastan" in places(text)


def test_a_real_event_after_an_alleged_one_is_still_read():
    text = ("زعمت وسائل إعلام موالية أن فصائل المعارضة قصفت بلدة تلبيسة. وقتل مدني اليوم في غارة جوية على بلدة "
            "كفرنبل.")
    assert places(text) == ["Kafranbel"]


def test_an_event_told_before_the_alleging_clause_is_kept():
    text = "قصفت فصائل المعارضة اليوم مدينة السقيلبية، فيما زعمت وسائل إعلام النظام أن الفصائل استهدفت المدنيين."
    assert places(text) == ["Al-Suqaylabiyah"]


# --------------------------------------------------------------------------- intentions and capabilities

@pytest.mark.parametrize("text", [
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وقالت هيئة تحرير الشام إنها ستواصل الهجمات على مواقع "
    "النظام في مدينة حمص.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وقال الجيش إنه قادر على صد الهجمات على مدينة حمص.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وأكد قائد الفصيل أن مقاتليه سيواصلون قصف مواقع النظام في "
    "مدينة حمص.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وقال المتحدث إن بإمكان قواته اقتحام مدينة حمص خلال ساعات.",
])
def test_what_a_side_says_it_will_go_on_doing_or_can_do_is_no_event(text):
    assert places(text) == ["Al-Rastan"]


def test_a_same_day_attack_told_in_the_statement_is_still_read():
    text = ("قالت هيئة تحرير الشام إن مقاتليها هاجموا اليوم حاجزا لقوات النظام قرب مدينة الرستن، وإنها ستواصل "
            "الهجمات على مواقع النظام في مدينة حمص.")
    assert places(text) == ["Al-Rastan"]


# --------------------------------------------------------------------------- the report's day named after the event

MONDAY = date(2018, 7, 23)


@pytest.mark.parametrize("text, day", [
    ("قتل ثلاثة جنود في هجوم مسلح على حاجز قرب مدينة الرمادي، وقالت الشرطة يوم الأحد إن المهاجمين فروا.",
     "2018-07-22"),
    ("انفجرت عبوة ناسفة بدورية للجيش في مدينة الفلوجة، وأعلنت قيادة العمليات السبت أن جنديين قتلا.", "2018-07-21"),
    ("اقتحمت قوات الاحتلال مخيم جنين واعتقلت أربعة شبان، وذكر نادي الأسير مساء أمس أن بينهم طفلين.", "2018-07-22"),
])
def test_an_undated_event_is_dated_no_later_than_the_day_its_report_names(text, day):
    assert dates(text, MONDAY) == [day]


def test_an_event_with_a_day_of_its_own_keeps_it_beside_a_later_report():
    text = "قتل ثلاثة جنود الجمعة في هجوم مسلح على حاجز قرب مدينة الرمادي، وقالت الشرطة يوم الأحد إن المهاجمين فروا."
    assert dates(text, MONDAY) == ["2018-07-20"]


def test_a_same_day_event_beside_an_earlier_report_of_something_else_keeps_its_day():
    text = "قصفت الطائرات الحربية مدينة تلبيسة اليوم، وكانت وسائل إعلام ذكرت يوم السبت أن الفصائل حشدت قواتها."
    assert dates(text, MONDAY) == ["2018-07-23"]


# --------------------------------------------------------------------------- claims denied after they are told

@pytest.mark.parametrize("text", [
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وقالت وسائل إعلام النظام إن مسلحين هاجموا حاجزا في بلدة "
    "تلبيسة، وهو ما نفاه ناشطون.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وأفادت مصادر بأن طائرات روسية قصفت بلدة تلبيسة، لكن "
    "الدفاع المدني نفى ذلك.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وذكرت صفحات موالية أن الفصائل قصفت بلدة تلبيسة، الأمر "
    "الذي نفته الفصائل.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن، فيما ذكرت صفحات موالية أن الفصائل قصفت بلدة تلبيسة، الأمر "
    "الذي نفته الفصائل.",
])
def test_a_claim_denied_after_it_is_no_event_and_the_days_event_stays(text):
    assert places(text) == ["Al-Rastan"]


def test_a_real_event_after_a_denied_claim_is_still_read():
    text = ("أفادت مصادر بأن طائرات روسية قصفت بلدة تلبيسة، لكن الدفاع المدني نفى ذلك. وقتل مدنيان اليوم في غارة على "
            "بلدة كفرنبل.")
    assert places(text) == ["Kafranbel"]


def test_an_alleged_claim_does_not_reach_the_independent_clause_after_it():
    text = ("زعمت وسائل إعلام موالية أن الفصائل قصفت بلدة تلبيسة، فيما قتل مدنيان اليوم في غارة جوية على بلدة "
            "كفرنبل.")
    assert places(text) == ["Kafranbel"]


# --------------------------------------------------------------------------- reports withdrawn, false alarms

TUESDAY = date(2018, 4, 17)


@pytest.mark.parametrize("text", [
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وسحبت وكالة سانا تقريرا أفادت فيه بأن الطائرات "
    "الإسرائيلية قصفت مطار الشعيرات.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وتراجعت وسائل إعلام رسمية عن خبر نشرته عن غارات إسرائيلية "
    "على مطار الضمير.",
    "قتل جنديان اليوم في هجوم على حاجز قرب مدينة الرستن. وقال مصدر عسكري إن إنذارا خاطئا أدى إلى إطلاق صواريخ "
    "الدفاع الجوي فوق مدينة حمص.",
])
def test_a_withdrawn_report_or_a_false_alarm_tells_no_event(text):
    assert places(text, TUESDAY) == ["Al-Rastan"]


def test_a_withdrawn_report_in_the_lead_leaves_the_article_no_event():
    text = ("وكالة الأنباء السورية تسحب تقارير عن هجمات صاروخية على مطار الشعيرات\nسحبت دمشق تقارير نشرتها أفادت "
            "بتعرض مطار الشعيرات لاعتداء صاروخي ليلا.")
    assert events(text, TUESDAY) == []


def test_troops_that_withdraw_from_positions_leave_the_days_strike():
    text = "قصفت الطائرات الإسرائيلية اليوم مطار الشعيرات، وتراجعت القوات السورية عن مواقعها في محيط المطار."
    assert places(text, TUESDAY) == ["Shayrat airbase"]


# --------------------------------------------------------------------------- a right to an act names no event

FRIDAY = date(2018, 9, 7)


@pytest.mark.parametrize("text", [
    "أكد المجلس الوزاري حق التظاهر السلمي للمواطنين في مدينة البصرة.",
    "وشدد البيان على حق الاعتصام في ساحة التحرير ببغداد.",
    "ودعت النقابة المحافظ إلى احترام حق التظاهر أمام مبنى المحافظة في مدينة الناصرية.",
])
def test_a_right_to_protest_is_no_protest(text):
    assert events(text, FRIDAY) == []


def test_a_protest_told_beside_the_right_to_protest_is_still_read():
    text = ("ودعت النقابات إلى احترام حق التظاهر في مدينة الناصرية، بعدما تظاهر المئات اليوم أمام مبنى المحافظة في مدينة "
            "البصرة.")
    assert places(text, FRIDAY) == ["Basra"]


# --------------------------------------------------------------------------- an event a span of time has passed since

TUESDAY_APRIL = date(2018, 4, 3)


@pytest.mark.parametrize("text", [
    "أطلقت ميليشيا الحوثي الاثنين سراح المختطف جمال المعمري بعد مرور عامين على اختطافه في صنعاء.",
    "أفرجت السلطات اليوم عن الصحفي بعد مرور ستة أشهر على اعتقاله في مدينة الموصل.",
    "وبعد مرور أسبوع على القصف الذي استهدف مدينة أريحا لا يزال الأهالي يبحثون عن ناجين.",
    "عاد الطلاب إلى مدارس مدينة الرقة بعد ثلاث سنوات على سيطرة التنظيم عليها.",
])
def test_an_event_a_span_has_passed_since_is_no_event_of_the_day(text):
    assert events(text, TUESDAY_APRIL) == []


def test_a_same_day_strike_after_the_days_since_a_truce_is_still_read():
    text = "قتل مدنيان اليوم في غارة على بلدة كفرنبل بعد مرور يومين على إعلان الهدنة."
    assert places(text, TUESDAY_APRIL) == ["Kafranbel"]
