"""Issue 16, what is not an event: a means or a goal, a continuing practice, goods held, an appeal's
content, the fighting people flee, an attempted arrest, an arrest for an ordinary crime, a
possibility. Each class in several wordings of our own, with close controls that stay events."""
from __future__ import annotations

import pytest

from test_stages_events5 import _extract, _kinds


def _subs(text, published="2024-05-10"):
    found = _extract(text, published)
    return [e.sub_event_type for e in found], _kinds(found)


# --- 1. a verbal noun after من خلال / عبر / عن طريق is a means or a goal ---------------------------

@pytest.mark.parametrize("text", [
    "وأكد قائد عسكري أن الهدف هو إضعاف الجماعة من خلال تحرير مدينة مأرب بالكامل.",
    "وقال الوزير إن الحكومة تسعى إلى إنهاء التمرد عن طريق استعادة مدينة البيضاء.",
    "ويرى محللون أن الميليشيا تطيل أمد الحرب عبر نهب الإغاثة في ميناء المخا.",
    "وشدد القائد على أن المعركة ستحسم من خلال تحرير بلدة القريتين ثم مدينة تدمر.",
    "واعتبر الخبير أن التنظيم يمول نفسه عبر اختطاف رجال الأعمال في مدينة الموصل.",
])
def test_a_verbal_noun_after_a_means_opener_is_no_event(text):
    """"القضاء على X من خلال تحرير صنعاء"، "عبر نهب الإغاثة": the means or the goal of a plan or an
    explanation reports no act of its own."""
    subs, kinds = _subs(text)
    assert subs == [], kinds


@pytest.mark.parametrize("text, sub", [
    # the weapon of an attack told after عبر is still the attack
    ("استهدف الحوثيون اليوم مطار جازان عبر طائرة مسيرة مفخخة.", "Air/drone strike"),
    # a capture told with its own verb, the means opener elsewhere in the sentence
    ("سيطرت القوات الحكومية اليوم على مدينة حيس من خلال هجوم من ثلاثة محاور.", "Government regains territory"),
])
def test_an_act_told_with_its_means_stays_an_event(text, sub):
    subs, kinds = _subs(text)
    assert sub in subs, kinds


def test_a_goals_place_is_not_the_place_of_the_statements_fight():
    """"المعركة مع الجماعة ... من خلال تحرير صنعاء": the capital is a goal, not where the battle is."""
    subs, kinds = _subs("وأكد القائد أن المعركة مع الميليشيا تتمثل بإضعافها من خلال تحرير العاصمة صنعاء "
                        "ومن خلال تحرير مدينة صعدة.")
    assert not any(place and ("Sanaa" in place or "Sa'dah" in place) for _, place in kinds), kinds


# --- 2. استمرار X في + a verbal noun: a continuing practice -------------------------------------------

@pytest.mark.parametrize("text", [
    "وندد المسؤول باستمرار الجماعة في اختطاف الناشطين في محافظة إب.",
    "وانتقد البيان استمرار الفصائل المسلحة في اعتقال الصحفيين في مدينة عفرين.",
    "واستنكرت المنظمة مواصلة قوات الأمن في مداهمة المنازل في بلدة العيزرية.",
    "وحمل الوزير الميليشيا مسؤولية استمرارها في نهب المساعدات في مدينة الحديدة.",
    "وأدان الائتلاف استمرار قوات النظام في قصف الأحياء السكنية في مدينة درعا.",
])
def test_a_continuing_practice_is_no_event(text):
    subs, kinds = _subs(text)
    assert subs == [], kinds


def test_a_continuing_fight_told_with_its_day_stays():
    """Control: "استمرت الاشتباكات اليوم" is not استمرار X في; the clash of the day is news."""
    subs, kinds = _subs("استمرت الاشتباكات اليوم بين الجيش والمسلحين في مدينة درنة.")
    assert "Armed clash" in subs, kinds


# --- 3. an abduction word whose object is goods ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "واتهم المسؤول الميليشيا باحتجاز شحنات الوقود في ميناء الحديدة أمس.",
    "وقالت الحكومة إن مسلحين قاموا باختطاف المساعدات الإغاثية في مديرية حيس.",
    "وأفاد مصدر بأن الجماعة اختطفت قوافل الإغاثة عند مدخل مدينة تعز الأحد.",
    "وذكر التقرير أن عناصر الحركة احتجزوا الرواتب في مدينة الفاشر.",
    "وأكد المصدر احتجاز الأدوية من قبل المسلحين في بلدة الزبداني.",
])
def test_goods_held_are_no_abduction(text):
    subs, kinds = _subs(text)
    assert "Abduction/forced disappearance" not in subs, kinds


def test_people_abducted_stay_an_abduction():
    subs, kinds = _subs("اختطف مسلحون مجهولون اليوم ثلاثة موظفين في منظمة إغاثة بمدينة عدن.")
    assert "Abduction/forced disappearance" in subs, kinds


# --- 4. an appeal's content ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ووجه الأهالي مناشدة إلى الحكومة والتحالف بإنهاء وجود المسلحين في قرى جنوب قعطبة التي حولوها "
    "إلى مواقع لقتل واستهداف المارة.",
    "وناشد سكان حي الشيخ مقصود المنظمات الدولية التدخل لوقف استهداف منازلهم من قبل الفصائل.",
    "وناشدت عائلات المختطفين الأمم المتحدة الضغط للإفراج عن أبنائها ووقف حملات الاختطاف في مدينة ذمار.",
    "ويناشد المزارعون في بلدة الرستن الجهات المعنية حمايتهم من هجمات المسلحين المتكررة.",
    "ووجه مجلس الأعيان نداء استغاثة إلى قيادة الجيش لوقف القصف على بلدة الشحر.",
])
def test_an_appeals_content_is_no_event(text):
    subs, kinds = _subs(text)
    assert subs == [], kinds


def test_an_event_told_before_the_appeal_stays():
    subs, kinds = _subs("قتل خمسة مدنيين اليوم في قصف مدفعي على بلدة الرستن. وناشد الأهالي المنظمات الدولية التدخل.")
    assert "Shelling/artillery/missile attack" in subs, kinds


# --- 5. the fighting people flee is a setting --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وكان المدنيون يحاولون الهرب من القتال الدائر في مديرية التحيتا عندما غرق قاربهم.",
    "ووصلت عشرات العائلات إلى المخيم فرارا من المعارك المستمرة في ريف حماة الشمالي.",
    "وقال المسؤول إن آلاف الأسر نزحوا من الاشتباكات الدائرة في مدينة سرت خلال الأسابيع الماضية.",
    "وأوضح أن النازحين من القصف المتواصل على بلدة كفرنبل يعيشون في العراء.",
    "واستقبلت المدرسة مئات الفارين من المواجهات الجارية في مدينة الضالع.",
])
def test_the_fighting_people_flee_is_no_event(text):
    subs, kinds = _subs(text)
    assert subs == [], kinds


def test_fighting_that_kills_is_still_told():
    subs, kinds = _subs("قتل سبعة مقاتلين اليوم في اشتباكات بين الجيش والمسلحين في مدينة سرت.")
    assert "Armed clash" in subs, kinds


# --- 6. an attempted arrest --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "واندلعت اشتباكات في بلدة الحجر أثناء محاولة قوات الأمن اعتقال مطلوبين.",
    "وقتل شرطي خلال محاولته اعتقال أحد المهربين في مدينة الزاوية.",
    "وأصيب جنديان بعد أن حاولت دورية اعتقال شاب في مدينة جنين.",
    "وفر المطلوب أثناء محاولة عناصر الأمن العام القبض عليه في حي الميدان.",
    "وتصدى الأهالي لمحاولة الميليشيا اعتقال شيخ القبيلة في مديرية أرحب.",
])
def test_an_attempted_arrest_is_no_arrest(text):
    subs, kinds = _subs(text)
    assert "Arrests" not in subs, kinds


def test_an_arrest_made_stays():
    subs, kinds = _subs("اعتقلت قوات الأمن اليوم ثلاثة ناشطين في مدينة جنين.")
    assert "Arrests" in subs, kinds


# --- 7. an arrest for an ordinary crime ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ألقت الشرطة القبض على رجل بتهمة التحرش بفتاة في حفل بمدينة جدة.",
    "اعتقلت الشرطة العراقية اليوم عصابة متخصصة في سرقة السيارات في مدينة البصرة.",
    "أوقفت قوات الأمن ثلاثة أشخاص بتهمة الاتجار بالمخدرات في مدينة طرابلس.",
    "القبض على موظف بتهمة الرشوة والاختلاس في مدينة المنصورة\n\nاعتقلت الشرطة الموظف أمس في مكتبه بمدينة المنصورة.",
    "وأعلنت الشرطة اعتقال متهمين في قضية احتيال على المواطنين في مدينة إربد.",
])
def test_an_arrest_for_an_ordinary_crime_is_no_event(text):
    subs, kinds = _subs(text)
    assert "Arrests" not in subs, kinds


def test_an_arrest_of_protesters_stays():
    subs, kinds = _subs("اعتقلت قوات الأمن اليوم عشرات المتظاهرين في مدينة البصرة.")
    assert "Arrests" in subs, kinds


# --- 8. a possibility: يمكن أن ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وحذر المحلل من أن التوتر يمكن أن يجر إلى اشتباك مباشر بين الجيشين على الحدود.",
    "وقال مسؤول إن من الممكن أن تشن الطائرات غارات على مدينة درنة.",
    "ويرى مراقبون أن الخلاف يمكن أن يتحول إلى مواجهات مسلحة في مدينة طرابلس.",
    "واعتبر الوزير أن التصعيد يمكن أن يقود إلى قصف المدن الحدودية.",
    "وأضاف أن من الممكن أن يؤدي الانسحاب إلى معارك في مدينة كركوك.",
])
def test_a_possibility_is_no_event(text):
    subs, kinds = _subs(text)
    assert subs == [], kinds


# --- 9. كما adds to the recap told before it ------------------------------------------------------------

_LEAD = "قتل جندي اليوم الخميس في هجوم بعبوة ناسفة على دورية في مدينة الرمادي. "


@pytest.mark.parametrize("recap", [
    "ومنذ عام 2016 قتل مئات الجنود في هجمات مماثلة. كما قتل آخرون في اشتباكات مع المسلحين في مدينة الفلوجة.",
    "وخلال الفترة نفسها قتل عشرات المدنيين في تفجيرات. كما اعتقلت القوات مئات المشتبه بهم في مدينة هيت.",
    "ومنذ سنوات تشهد المحافظة هجمات متفرقة. كما خطف مسلحون عشرات الرعاة في بلدة القائم.",
    "ومنذ عام 2014 قتل آلاف المقاتلين في المعارك. وخلال الفترة نفسها نزح مئات الآلاف. كما دمرت غارات "
    "التحالف معظم أحياء مدينة بيجي.",
    "ومنذ مطلع العام قتل أكثر من مئة شخص في هجمات التنظيم. كما استهدفت قذائف الهاون بلدة حديثة.",
])
def test_an_also_sentence_adds_to_the_recap_before_it(recap):
    """"ومنذ عام 2015 قتل ... كما قتل آخرون في اشتباكات": the كما sentence has no day of its own and
    continues the recap; it is no event of the article's day."""
    found = _extract(_LEAD + recap, "2024-05-09")
    assert len(found) == 1, _kinds(found)


def test_an_also_sentence_after_the_days_news_stays():
    """Control: كما after a sentence of the day's news adds a second event of that day."""
    found = _extract(_LEAD + "كما قتل مدنيان في قصف بقذائف الهاون على بلدة هيت.", "2024-05-09")
    assert len(found) == 2, _kinds(found)


def test_fighting_fled_with_no_word_of_going_on_is_left_to_the_other_rules():
    """Control of the rule's reach: "الفارين من القتال في X" without الدائر/المستمرة is not held back
    by this rule (ANT gold reads one such mention, in a story of the day's fighting, as that fighting)."""
    from marsad.pipeline import analyse
    a = analyse("قتل جندي اليوم في هجوم على حاجز في مدينة درعا. وطالبت المنظمة بإيواء الفارين من القتال في مدينة طفس.",
                "2024-05-09")
    assert not any("people flee" in h.reason for h in a.hits), [(h.mention.text, h.reason) for h in a.hits]


# --- 10. a process in the present passive after the event noun: a plan, no act done -----------------

@pytest.mark.parametrize("text", [
    "وقال المتحدث إن تحرير مدينة زنجبار يتم وفق خطة عسكرية مدروسة.",
    "وأكد القائد أن اقتحام بلدة الباب تتم دراسته مع قيادة التحالف.",
    "وأوضح الضابط أن تحرير قرى ريف الرقة يجري على مراحل بحسب الخطة.",
    "وأشار إلى أن استعادة مطار طرابلس تتم بالتنسيق مع القوات المساندة.",
    "وذكر المسؤول أن تطهير أحياء مدينة الموصل القديمة يتم بحذر شديد حفاظا على المدنيين.",
])
def test_a_process_told_in_the_present_is_no_event(text):
    subs, kinds = _subs(text)
    assert subs == [], kinds


def test_a_capture_told_as_done_stays():
    subs, kinds = _subs("أعلن الجيش اليوم تحرير مدينة زنجبار بالكامل من عناصر التنظيم.")
    assert subs and subs[0].endswith("territory"), kinds


# --- 11. a speaker shocked at a count: the dead of months, not of the day -----------------------------

@pytest.mark.parametrize("text", [
    "وأعرب المبعوث الأممي اليوم عن صدمته إزاء عدد القتلى المدنيين في الغارات الجوية على مدينة إدلب.",
    "وعبر الأمين العام الاثنين عن قلقه من أعداد الضحايا بالرصاص الحي خلال الاحتجاجات في مدينة البصرة.",
    "وأبدت المنظمة الثلاثاء أسفها لعدد المعتقلين في حملات الاعتقال في مدينة الخليل.",
    "معربا عن صدمته إزاء عدد الجرحى في القصف المدفعي على بلدات ريف حماة.",
    "وأبدى المفوض استياءه من حجم الدمار الناجم عن المعارك في مدينة سرت.",
])
def test_a_count_a_speaker_reacts_to_is_no_event(text):
    subs, kinds = _subs(text)
    assert subs == [], kinds


def test_concern_about_one_attack_of_the_day_stays():
    """Control: concern with no count ("أعرب عن قلقه إزاء الغارة التي استهدفت ... اليوم") leaves the
    strike the speaker names."""
    subs, kinds = _subs("قتل خمسة مدنيين اليوم في غارة جوية على بلدة معرة النعمان. وأعرب المبعوث عن "
                        "قلقه إزاء الغارة.")
    assert "Air/drone strike" in subs, kinds


# --- 12. a bare month of the publication's month, in a relative clause on a definite event noun -------

@pytest.mark.parametrize("text, published", [
    ("وتوترت العلاقات بعد الهجوم الكيمائي الذي تعرضت له بلدة اللطامنة في مارس.", "2024-03-20"),
    ("وكانت المدينة قد شهدت التفجير الانتحاري الذي استهدف سوقا شعبيا فيها في يوليو، وخلف عشرات القتلى.",
     "2024-07-15"),
    ("ويذكّر ذلك بالقصف الذي طال مستشفى المدينة في أكتوبر تشرين الأول.", "2024-10-25"),
    ("وتحدث الكاتب عن المجزرة التي ارتكبها مسلحون في قرية الحولة في مايو أيار.", "2024-05-28"),
    ("وجاء القرار على خلفية الهجوم المسلح الذي استهدف دورية للجيش قرب مدينة العريش في فبراير.",
     "2024-02-22"),
])
def test_a_definite_events_own_month_in_a_recap_is_last_years(text, published):
    """"الهجوم الكيمائي الذي تعرضت له خان شيخون في إبريل" in an article of 20 April: the known attack
    of last April, not one of this month."""
    found = _extract(text, published)
    assert all(e.event_date is None or e.event_date[:4] != published[:4] for e in found), \
        [(e.sub_event_type, e.location, e.event_date) for e in found]


def test_a_month_with_its_year_or_current_stays():
    """Control: "في مارس الجاري" and a dated report of the day keep this year's month."""
    found = _extract("قتل ثلاثة جنود في الهجوم الذي استهدف حاجزا قرب مدينة العريش في فبراير الجاري.", "2024-02-22")
    assert found and all(e.event_date[:7] == "2024-02" for e in found), \
        [(e.sub_event_type, e.location, e.event_date) for e in found]


# --- 13. footage someone watched: its content is no news of the article --------------------------------

@pytest.mark.parametrize("text", [
    "وقال الادعاء إن المتهم كان يشاهد على هاتفه مقاطع تظهر إعدام جنود أسرى في مدينة الرقة.",
    "وأظهر التحقيق أن الشاب شاهد فيديو يصور تفجير كنيسة في مدينة الإسكندرية قبل سفره.",
    "وتبين أن الموقوف يتصفح منشورات تمجد الهجمات على قوات الأمن في مدينة العريش.",
    "واعترف بأنه قرأ كتابا عن اغتيال قادة الحركة في مدينة غزة.",
    "وعثر المحققون على ما يثبت أنه شاهد فيلما عن اختطاف صحفيين أجانب في مدينة حلب.",
])
def test_the_content_of_footage_watched_is_no_event(text):
    subs, kinds = _subs(text)
    assert subs == [], kinds


def test_witnesses_who_watched_the_strike_still_report_it():
    """Control: "شاهدوا طائرات حربية تقصف البلدة" names no footage: the witnesses saw the strike itself."""
    subs, kinds = _subs("وقال شهود إنهم شاهدوا طائرات حربية تقصف بلدة معرة النعمان اليوم، ما أدى إلى مقتل "
                        "ثلاثة مدنيين.")
    assert subs, kinds


# --- 14. an undated كان sentence after a dated recap goes on with the recap -----------------------------

@pytest.mark.parametrize("recap", [
    "وأثارت الغارة التي استهدفت حافلة طلاب في العاشر من مارس الماضي إدانات واسعة. وكانت الحافلة متوقفة "
    "قرب سوق بلدة ضحيان عندما ضربتها غارة جوية أسفرت عن مقتل العشرات.",
    "وتعرضت المدينة لهجوم كبير في عام 2019. وكان المسلحون قد اقتحموا سجن المدينة وقتلوا عشرة حراس.",
    "وفي أواخر العام الماضي قتل عشرات المصلين في تفجير مسجد بمدينة زليتن. وكانت الشرطة تحقق في "
    "الهجوم عندما انفجرت عبوة ثانية قرب المسجد.",
    "وشهدت البلدة مجزرة في صيف عام 2016. وكان مسلحون قد هاجموا منازل القرية وأعدموا سكانها.",
    "وفي عام 2015 اقتحم المسلحون مدينة الرمادي. وكانت القوات قد انسحبت من المدينة بعد اشتباكات عنيفة.",
])
def test_an_undated_pluperfect_sentence_after_a_recap_is_the_recap(recap):
    found = _extract(_LEAD + recap, "2024-05-09")
    assert len(found) == 1, _kinds(found)


def test_an_undated_pluperfect_after_the_days_news_stays_news():
    """Control: "وكان مسلحون قد هاجموا ..." right after the day's lead adds to the day's news."""
    found = _extract(_LEAD + "وكان مسلحون قد هاجموا حاجزا للجيش في مدينة هيت فجر اليوم.", "2024-05-09")
    assert len(found) == 2, _kinds(found)


# --- 15. the places people flee from are no event places ---------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("وكان الضحايا يفرون من أعمال العنف حول ميناء مدينة الحديدة.", "الحديدة"),
    ("وكانت العائلات تحاول الهرب من أعمال العنف في مدينة سرت.", "سرت"),
    ("وقال إن المدنيين يهربون من الأوضاع المتردية في مدينة درنة.", "درنة"),
    ("وأضاف أن الآلاف ينزحون من مدينة تلعفر كل يوم.", "تلعفر"),
    ("ووصلوا إلى المخيم فرارا من الجوع في بلدة مضايا.", "مضايا"),
])
def test_a_place_fled_from_is_no_event_place(text, name):
    from marsad.arabic.tokenise import make_doc
    from marsad.geo.places import analyse_places
    mentions = analyse_places(make_doc(text)).mentions
    roles = [pm.role for pm in mentions if name in pm.text]
    assert roles and "event" not in roles, [(pm.text, pm.role) for pm in mentions]


# --- 16. the area of a trend is no event place ----------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("ويرى الكاتب أن التطورات عكست تقدما ملموسا لقوات النظام في منطقة القلمون.", "القلمون"),
    ("وأشار التقرير إلى تصعيد للميليشيات في مديرية حيس خلال الشهر الماضي.", "حيس"),
    ("ويلاحظ المراقبون تقدما ميدانيا في محيط مدينة الرقة منذ مطلع العام.", "الرقة"),
    ("وتحدث المحلل عن تراجع لنفوذ التنظيم في بلدة القائم.", "القائم"),
    ("وحذرت المنظمة من تدهور ملحوظ في مدينة الحسكة.", "الحسكة"),
])
def test_the_area_of_a_trend_is_no_event_place(text, name):
    from marsad.arabic.tokenise import make_doc
    from marsad.geo.places import analyse_places
    mentions = analyse_places(make_doc(text)).mentions
    roles = [pm.role for pm in mentions if name in pm.text]
    assert roles and "event" not in roles, [(pm.text, pm.role) for pm in mentions]


def test_an_advance_that_is_an_act_keeps_its_place():
    """Control: "تقدمت القوات في بلدة X" and "تصعيد للقصف على X" (an event word between) keep X."""
    from marsad.arabic.tokenise import make_doc
    from marsad.geo.places import analyse_places
    for text, name in (("تقدمت قوات الجيش اليوم في بلدة القائم بعد اشتباكات.", "القائم"),
                       ("وشهدت المنطقة تصعيدا للقصف على مدينة الحسكة اليوم.", "الحسكة")):
        roles = [pm.role for pm in analyse_places(make_doc(text)).mentions if name in pm.text]
        assert roles == ["event"], (text, roles)


def test_a_pluperfect_report_after_a_recap_stays_news():
    """Control: "وكانت مصادر محلية قالت إن ..." after a recap tells who reported the news, no recap."""
    found = _extract("قتل ثلاثة مسلحين اليوم في غارة لطائرة مسيرة في مديرية الصومعة. وشهدت المديرية غارات "
                     "مماثلة في عام 2017. وكانت مصادر محلية قالت إن ثلاثة مسلحين قتلوا في غارة على سيارتهم "
                     "في مديرية الصومعة.", "2024-05-09")
    assert found, _kinds(found)


def test_a_targeting_told_as_the_means_of_an_act_stays():
    """Control: "حاولت منع وصول القوات عبر استهدافها بالمدفعية" — the targeting is the act done."""
    subs, kinds = _subs("وكانت القوات التركية حاولت أمس منع وصول الرتل إلى مدينة عفرين عبر استهدافه بالمدفعية.")
    assert subs, kinds


def test_a_trend_that_sets_a_fight_told_keeps_the_place():
    """Control: "تشهد X مواجهات عنيفة ... وسط تقدم كبير للقوات نحو مركز مديرية Y": the advance is the
    setting of the clashes told before it in the sentence; its place is left to the other rules."""
    from marsad.arabic.tokenise import make_doc
    from marsad.geo.places import analyse_places
    text = "وتشهد منطقة الملاحيط مواجهات عنيفة بين الجيش والحوثيين وسط تقدم كبير للقوات الحكومية نحو مركز مديرية حرض."
    assert not any("trend" in pm.reason for pm in analyse_places(make_doc(text)).mentions)
