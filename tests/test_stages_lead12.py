"""The lead's classes of the twelfth session of issue 16 (read on articles 2,001-4,000 of the ANT
stream, never on a gold set), each in wordings of our own."""
from __future__ import annotations

from datetime import date

import pytest

import marsad
from marsad.dates import resolve_key

FRIDAY = date(2019, 3, 8)


def records(text: str) -> list:
    return marsad.extract(text, published=FRIDAY)


@pytest.mark.parametrize("text, place, today_toll", [
    ("هاجم مسلحون اليوم مواقع للجيش في بلدة الصنمين وقتلوا 4 جنود. وقتل قبل أيام 20 جنديا في هجمات "
     "مماثلة على حواجز في ريف درعا.", "Al-Sanamayn", 4),
    ("قصفت طائرات مسيرة اليوم مواقع في مدينة الميادين ما أدى إلى مقتل 6 مسلحين، وكانت غارات مماثلة قد "
     "قتلت قبل أسابيع 15 مسلحا في المنطقة ذاتها.", "Al-Mayadin", 6),
    ("قتل 3 عناصر من الشرطة صباح اليوم بانفجار عبوة في بلدة الطارمية. وقتل قبل أيام 11 عنصرا في هجمات "
     "للتنظيم على قرى شمال الطارمية.", "Tarmiyah", 3),
])
def test_a_toll_told_with_its_own_vague_past_is_not_the_days_toll(text, place, today_toll):
    """"وقتل قبل أيام 20 جنديا": a count right after "قبل أيام/أسابيع" belongs to that earlier time;
    the vague past was not read as a date at all when a number followed it (the rule that keeps
    "قبل عام 2011" a year took "أيام 20" for a date too), so the earlier toll joined the day's event."""
    found = [(e.location, e.fatalities) for e in records(text) if str(e.event_date) == str(FRIDAY)]
    assert (place, today_toll) in found


@pytest.mark.parametrize("phrase, key", [
    ("قبل أيام 30 مسلحا", "ago_days"),
    ("قبل أسابيع 12 جنديا", "ago_weeks"),
    ("قبل يومين 5 مدنيين", "rel:-2"),
])
def test_a_vague_or_dual_past_is_a_date_even_before_a_count(phrase, key):
    from marsad.pipeline import analyse
    a = analyse(f"وقتل {phrase} في هجمات على القرى.", published=FRIDAY)
    assert key in [d.key for d in a.dates]


@pytest.mark.parametrize("phrase", ["قبل عام 2011", "قبل يوم 15 آذار"])
def test_a_singular_unit_before_a_number_is_still_a_date_of_its_own(phrase):
    """Controls: "قبل عام 2011" is before a year, not "a year ago"."""
    from marsad.pipeline import analyse
    a = analyse(f"وقعت الهجمات {phrase} في المدينة.", published=FRIDAY)
    assert "ago_years" not in [d.key for d in a.dates] and "rel:-1" not in [d.key for d in a.dates]


@pytest.mark.parametrize("text", [
    "أعلن التحالف أن ألفي مسلح على الأقل قتلوا منذ تصاعد عمليات تحرير محافظة الحديدة ومركزها مدينة الحديدة.",
    "قال المرصد إن 1200 عنصر من قوات النظام قتلوا منذ تجدد المعارك في ريف حماة الشمالي وبلدة كفرنبودة.",
    "ذكرت مصادر طبية أن 600 مدني قتلوا منذ استئناف الهجمات على مدينة سرت.",
    "قتل 300 مقاتل على الأقل منذ انطلاق حملة السيطرة على بلدة الباغوز.",
])
def test_a_toll_since_a_campaign_rose_or_resumed_is_the_campaigns(text):
    """"قتلوا منذ تصاعد/تجدد/استئناف + the campaign's noun (definite or in construct)": the dead of
    the whole campaign, never one day's event's toll."""
    assert all(e.fatalities < 100 for e in records(text))


def test_a_large_toll_of_one_days_attack_is_kept():
    """Control: a large toll told in the attack's own clause with no span stays."""
    text = "قتل 120 شخصا على الأقل اليوم في تفجير انتحاري استهدف سوقا في مدينة الصدر ببغداد."
    assert max(e.fatalities for e in records(text)) == 120


def test_ago_days_is_the_week_before():
    assert resolve_key("ago_days", FRIDAY) == (date(2019, 3, 1), date(2019, 3, 7))


@pytest.mark.parametrize("text", [
    "قالت مصادر عسكرية إن 900 مسلح على الأقل قتلوا منذ تصاعد عمليات تحرير مدينة سرت مطلع الشهر الجاري.",
    "أفاد المرصد بأن 450 عنصرا قتلوا منذ انطلاق الهجوم على بلدة الباغوز منتصف الشهر الماضي.",
])
def test_a_campaigns_toll_since_a_dated_start_is_not_the_span_events(text):
    """"N قتلوا منذ تصاعد العمليات منتصف الشهر": the start's date makes the record a span, yet the
    hundreds told since then are the campaign's dead, not one event's."""
    assert all(e.fatalities < 100 for e in marsad.extract(text, published=FRIDAY))


@pytest.mark.parametrize("text, day", [
    # a reaction on Friday to a strike of Thursday told in the strike's relative clause
    ("فتحت الحكومة تحقيقا الجمعة بشأن الغارة الجوية التي استهدفت سوقا في بلدة كفرنبل الخميس، والتي أسفرت "
     "عن مقتل 12 مدنيا.", date(2019, 3, 7)),
    ("دانت الأمم المتحدة اليوم التفجير الذي ضرب مدينة الرمادي أمس وأوقع 9 قتلى.", date(2019, 3, 7)),
    ("عقد مجلس الأمن الجمعة جلسة طارئة لبحث القصف الذي طال مخيما في بلدة أطمة يوم الأربعاء وقتل فيه 6 نازحين.",
     date(2019, 3, 6)),
])
def test_an_event_noun_takes_the_day_of_its_own_relative_clause(text, day):
    """"فتح تحقيقا الجمعة بشأن القصف الذي استهدف ... الخميس": the date next to the event word is the
    reaction's; the relative clause that describes the event gives the event's own day."""
    found = [e.event_date for e in marsad.extract(text, published=FRIDAY)]
    assert found and all(str(d) == str(day) for d in found)


@pytest.mark.parametrize("text, place", [
    ("قتل 8 مدنيين الخميس في غارة جوية على سوق في بلدة معرة النعمان. ودانت منظمة العفو الجمعة الغارة، "
     "ومطالبة بتحقيق مستقل.", "Maarat al-Numan"),
    ("انفجرت سيارة مفخخة أمس في سوق مدينة الرمادي وقتلت 9 أشخاص. وقال البيان: استنكرت الحكومة اليوم "
     "التفجير ووعدت بملاحقة منفذيه.", "Ramadi"),
    ("قتل 4 جنود الأربعاء في هجوم على حاجز قرب بلدة الصنمين. ونددت الخارجية الجمعة بالهجوم في بيان.",
     "Al-Sanamayn"),
])
def test_a_reaction_to_a_told_event_makes_no_second_record_on_its_own_day(text, place):
    """"دانت X الجمعة الغارة": the definite event noun after a verb of reaction is the event told
    already; the reaction's day made a second record of it, on the day of the condemnation."""
    found = marsad.extract(text, published=FRIDAY)
    assert len(found) == 1 and found[0].location == place


@pytest.mark.parametrize("text, deaths", [
    ("قالت مصادر طبية إن سبعة مدنيين قتلوا من أسرة واحدة جراء غارة جوية على بلدة كفرنبل.", 7),
    ("أفاد الدفاع المدني بأن خمسة أطفال استشهدوا من عائلة واحدة بقصف مدفعي على مدينة أريحا.", 5),
    ("ذكر المرصد أن 6 أشخاص لقوا حتفهم من أسرة واحدة إثر انفجار لغم في بلدة الصنمين.", 6),
])
def test_one_family_after_the_dead_is_not_one_dead(text, deaths):
    """"N مدنيين قتلوا من أسرة واحدة": the count stands before the verb; "واحدة" after a noun that
    names no victim (family, night, batch) is its adjective, not a count of one."""
    assert deaths in [e.fatalities for e in marsad.extract(text, published=FRIDAY)]


@pytest.mark.parametrize("text, word", [
    ("قتل 5 مدنيين اليوم بغارة جوية على مسجد في بلدة كفرنبل، وكانت الأسرة تسكن إحدى الخيام قبل أن تلجأ إليه.",
     "الخيام"),
    ("قتل 4 مدنيين اليوم بقصف على بلدة معرة النعمان. ودانت فرنسا القصف مؤكدة ضرورة وقف الحرب ومعربة عن قلقها.",
     "ومعربة"),
])
def test_a_namesake_set_aside_is_no_village_without_a_place_word_before_it(text, word):
    """A word that matches a gazetteer name of another country (Khiam in Lebanon, Maaraba in
    Syria) is set aside as a namesake; it was then kept as an unknown village of the article's area
    even where no place word stands before it ("إحدى الخيام"، a participle "ومعربة")."""
    assert word not in [e.location for e in marsad.extract(text, published=FRIDAY)]


def test_a_namesake_listed_after_a_village_is_still_a_village():
    """Control: in "قرى X وY" the second name is placed by the list."""
    text = "سيطرت قوات الجيش اليوم على قرى المجيلس والسويق في مديرية التحيتا بمحافظة الحديدة."
    assert "السويق" in [e.location for e in marsad.extract(text, published=FRIDAY)]


@pytest.mark.parametrize("text", [
    "أحيا ناشطون اليوم ذكرى ضحايا الساحة. في مثل هذا اليوم من العام الماضي اقتحمت قوات الأمن ساحة الاعتصام "
    "في مدينة تعز. وسقط في هذه المجزرة 20 قتيلا في وسط مدينة تعز إضافة إلى حرق الساحة ونهب محتوياتها.",
    "نظم الأهالي اليوم وقفة في مدينة الحلة. في عام 2016 هاجم مسلحون سوقا شعبيا في المدينة. وقتل في ذلك "
    "الهجوم 30 شخصا في سوق مدينة الحلة وأحرقت المحال ونهبت.",
    "زار الوزير اليوم مدينة الكوفة. وقبل ثلاث سنوات فجر انتحاري نفسه في حسينية بالمدينة. وسقط في هذا "
    "التفجير 12 قتيلا في مدينة الكوفة وتم حرق المبنى ونهبه.",
])
def test_a_sentence_pointing_back_at_a_dated_past_event_tells_more_of_it(text):
    """"وسقط في هذه المجزرة 20 قتيلا": an undated sentence whose demonstrative points at the past
    event just told is more of that recap, not a new event on the day of the report."""
    assert all(str(e.event_date) != str(FRIDAY) for e in marsad.extract(text, published=FRIDAY))


def test_a_demonstrative_of_discourse_does_not_inherit_a_past_date():
    """Control: "وفي هذا السياق" after a recap opens the day's news."""
    text = ("قتل جنديان اليوم بهجوم على حاجز في بلدة المسيب. وفي عام 2016 هاجم مسلحون سوقا شعبيا في مدينة "
            "الحلة. وفي هذا السياق قتل 4 جنود بانفجار عبوة ناسفة في بلدة الإسكندرية.")
    found = [(e.location, str(e.event_date)) for e in marsad.extract(text, published=FRIDAY)]
    assert ("Nahiyat al Iskandariyah", str(FRIDAY)) in found


@pytest.mark.parametrize("text, deaths", [
    ("فتحت قوات الأمن النار على متظاهرين أمام مبنى المحافظة بمدينة تعز اليوم فقتلت 4 منهم.", 4),
    ("قتل متظاهران اليوم بعدما أطلقت الشرطة النار على المحتجين قرب ساحة الاعتصام في مدينة البصرة.", 2),
    ("أطلقت قوات الجيش الرصاص الحي على متظاهرين في مدينة عطبرة اليوم ما أدى إلى مقتل 3 منهم.", 3),
])
def test_forces_firing_on_demonstrators_use_excessive_force(text, deaths):
    """State forces firing on demonstrators: ACLED's Protests / Excessive force against protesters,
    the demonstrators the second side (it was an attack on civilians)."""
    found = [(e.sub_event_type, e.actor2, e.fatalities) for e in marsad.extract(text, published=FRIDAY)]
    assert ("Excessive force against protesters", "Protesters", deaths) in found


def test_gunmen_firing_on_a_crowd_stay_an_attack():
    """Control: unknown gunmen are no state force."""
    text = "أطلق مسلحون مجهولون النار على متظاهرين في مدينة الناصرية اليوم ما أدى إلى مقتل اثنين."
    assert "Excessive force against protesters" not in [e.sub_event_type for e in marsad.extract(text, published=FRIDAY)]


@pytest.mark.parametrize("text", [
    "أكد وزير الدفاع أن الجيش فقد عشرات الجنود منذ بدء الحملة على مدينة سرت، وقال في مقابلة إن 45 جنديا قتلوا "
    "في المعارك.",
    "أقر المتحدث بخسارة مقاتلين منذ انطلاق العملية في ريف حماة الشمالي، وأوضح في بيان أن 30 مقاتلا قتلوا في "
    "الاشتباكات مع قوات النظام.",
])
def test_a_statements_count_after_since_the_campaign_began_is_the_campaigns(text):
    """"فقد المئات منذ بدء الحملة، وقال إن 56 قتلوا": the count the speaker then gives is told over
    the same span, the campaign's, not one day's event's toll."""
    assert all(e.fatalities == 0 for e in marsad.extract(text, published=FRIDAY))


def test_a_days_toll_beside_a_running_total_stays():
    """Control: the day's own count in the clause of its event, with the total since the start in
    a clause of its own."""
    text = "قتل 3 جنود اليوم في هجوم على حاجز في بلدة الصنمين، ليرتفع عدد القتلى منذ بدء الحملة إلى 50."
    assert 3 in [e.fatalities for e in marsad.extract(text, published=FRIDAY)]


@pytest.mark.parametrize("text", [
    "قال قائد الشرطة إن تفجير البوابة اليوم في مدينة أجدابيا يستهدف السيطرة على منطقة الهلال النفطي.",
    "أكد المتحدث أن الهجوم على بلدة الصنمين اليوم يسعى إلى السيطرة على الطريق الدولي.",
    "قال القائد إن التنظيم ينوي السيطرة على بلدة هجين بعد هجماته الأخيرة.",
])
def test_a_capture_word_after_a_verb_of_aiming_is_a_goal(text):
    """"يستهدف/يسعى إلى/ينوي السيطرة على X": what an attack aims at, not a capture told."""
    subs = [e.sub_event_type for e in marsad.extract(text, published=FRIDAY)]
    assert "Non-state actor overtakes territory" not in subs and "Government regains territory" not in subs


@pytest.mark.parametrize("text, today", [
    ("قتل 12 عنصرا اليوم في اشتباكات على أطراف الغوطة الشرقية. وجاءت الاشتباكات عقب أيام من تصعيد عسكري في "
     "الغوطة الشرقية أسفر عن أكثر من 400 قتيل.", 12),
    ("قتل 5 جنود اليوم في اشتباكات مع مسلحين في ريف درعا. وجاءت الاشتباكات بعد أيام من تصعيد أمني في ريف "
     "درعا أسفر عن مقتل أكثر من 150 شخصا.", 5),
])
def test_a_large_toll_of_the_time_clause_is_not_the_events(text, today):
    """"وجاءت الاشتباكات عقب أيام من تصعيد ... أسفر عن أكثر من 500 قتيل": the result clause is the
    escalation's (the noun of the time clause before it); its hundreds are no toll of the day's clashes."""
    assert sorted(e.fatalities for e in marsad.extract(text, published=FRIDAY)) == [today]
