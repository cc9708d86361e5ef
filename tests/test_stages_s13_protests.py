"""Issue 16, thirteenth session: a protest is typed by what happens to it (the annotation guide,
Protests and Riots). People killed at it make excessive force against protesters, by the side the
text marks as the killer; fire at the crowd with no dead is an intervention; a protest told as
suppressed and the killings by fire at its place and day are one event; an act told during a
protest of an earlier day takes that day; confrontations that only count an attack's dead again
are no battle. Each class in several wordings of our own (places, verbs, forces, countries, word
orders), with close wordings that must not change."""
from __future__ import annotations

import pytest

from tests.test_stages_disc_other import _extract, _kinds


def _protests(found):
    return [e for e in found if e.event_type in ("Protests", "Riots")]


# --- 1. people killed at a protest, no killer named near it: excessive force -------------------------

@pytest.mark.parametrize("text, deaths", [
    # a relative clause of the place, the protest's day after it
    ("دعا رئيس الوزراء إلى التحقيق في أحداث مدينة الناصرية التي قتل فيها خمسة أشخاص خلال احتجاجات "
     "الأحد.", 5),
    # "dead fell" before the protest word
    ("سقط أربعة قتلى في احتجاجات شهدتها مدينة المكلا اليوم للمطالبة بتحسين الكهرباء.", 4),
    # the protests as the subject of أسفرت
    ("أسفرت الاحتجاجات التي شهدتها مدينة سبها اليوم عن مقتل شخصين.", 2),
    # one man, Lebanon
    ("قتل شاب خلال احتجاجات اليوم في مدينة طرابلس شمال لبنان.", 1),
    # the state's force named two sentences later, not near the killing
    ("قتل ثلاثة متظاهرين أمس خلال مظاهرات في مدينة عطبرة. وطالبت أحزاب المعارضة بمحاسبة المسؤولين. "
     "وكانت الحكومة قد نشرت قوات الأمن السودانية في شوارع المدن الكبرى الأسبوع الماضي.", 3),
])
def test_people_killed_at_a_protest_make_it_excessive_force(text, deaths):
    """"البصرة التي قتل فيها 7 أشخاص خلال احتجاجات الثلاثاء": a protest where people were killed is
    no peaceful protest, whoever killed them."""
    found = _extract(text)
    assert [(e.sub_event_type, e.actor2, e.fatalities) for e in _protests(found)] == \
        [("Excessive force against protesters", "Protesters", deaths)], _kinds(found)


def test_the_state_force_the_article_names_is_the_killer_when_none_is_marked():
    found = _extract("قتل ثلاثة متظاهرين أمس خلال مظاهرات في مدينة عطبرة. وطالبت أحزاب المعارضة بمحاسبة "
                     "المسؤولين. وكانت الحكومة قد نشرت قوات الأمن السودانية في شوارع المدن الكبرى الأسبوع الماضي.")
    assert [e.actor1 for e in _protests(found)] == ["Military Forces of Sudan"], _kinds(found)


@pytest.mark.parametrize("text", [
    # no one killed: peaceful as before
    "تظاهر المئات اليوم في مدينة الكوت للمطالبة بتوفير الكهرباء.",
    # only policemen killed: no force's fire on the crowd
    "قتل شرطيان خلال احتجاجات اليوم في مدينة الديوانية.",
])
def test_a_protest_with_no_dead_or_only_police_dead_is_no_excessive_force(text):
    found = _extract(text)
    assert found and "Excessive force against protesters" not in [e.sub_event_type for e in found], _kinds(found)


# --- 2. the killer marked in the toll's sentence or the next: the protest's, one event ---------------

@pytest.mark.parametrize("text, killer", [
    ("أدت احتجاجات الخميس في مدينة الكوت إلى مقتل أربعة أشخاص. وقال شهود إن الضحايا سقطوا برصاص "
     "ميليشيات كتائب حزب الله.", "Kataib Hezbollah"),
    ("أسفرت مظاهرات الأربعاء في مدينة عدن عن مقتل ثلاثة محتجين. وأكدت مصادر محلية أن القتلى سقطوا برصاص "
     "عناصر الحزام الأمني.", "Security Belt Forces"),
    ("قتل خمسة أشخاص في احتجاجات الجمعة بمدينة الأبيض. وأفاد ناشطون بأن الضحايا قتلوا على يد قوات الدعم "
     "السريع.", "Rapid Support Forces"),
    ("أدت احتجاجات الثلاثاء في مدينة بعلبك إلى مقتل شخصين. وقالت مصادر إن الضحيتين سقطتا برصاص عناصر من "
     "حزب الله.", "Hezbollah"),
    ("خلفت مظاهرات السبت في مدينة الزاوية ثلاثة قتلى. وذكر أهالي المدينة أن القتلى سقطوا بنيران مسلحين "
     "مجهولين.", "Unidentified Armed Group"),
])
def test_the_dead_named_again_with_their_killers_are_the_protests(text, killer):
    """"وأدت احتجاجات الجمعة إلى مقتل 3 أشخاص. وأفادت مصادر أن الضحايا سقطوا برصاص ميليشيات X": the
    next sentence tells who killed the protest's dead (a militia too): one event of excessive force,
    on the protest's day, not an attack of its own."""
    found = _extract(text)
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in found] == \
        [("Excessive force against protesters", killer, "Protesters")], _kinds(found)


def test_the_killer_of_another_killing_in_the_next_sentence_is_not_the_protests():
    found = _extract("أدت احتجاجات الخميس في مدينة الكوت إلى مقتل أربعة أشخاص. وفي حادث منفصل قتل جندي برصاص "
                     "مسلحين مجهولين في مدينة الحلة.")
    assert [(e.sub_event_type, e.actor1) for e in _protests(found)] == \
        [("Excessive force against protesters", None)], _kinds(found)


def test_a_killing_with_its_own_day_and_dead_after_a_protest_stays_its_own():
    found = _extract("أدت احتجاجات الخميس في مدينة الكوت إلى مقتل أربعة أشخاص. وقتل مسلحون مجهولون الجمعة "
                     "شرطيا في مدينة الحلة.")
    assert ("Hilla", "2024-05-10", 1) in [(e.location, e.event_date, e.fatalities) for e in found], _kinds(found)
    assert [(e.location, e.fatalities) for e in _protests(found)] == [("Kut", 4)], _kinds(found)


# --- 3. fire aimed at the crowd, no one killed: a protest with intervention --------------------------

@pytest.mark.parametrize("text", [
    "تظاهر المئات اليوم في مدينة تعز، حيث أطلقت ميليشيات مسلحة نيرانها على المحتجين.",
    "خرجت مظاهرة اليوم في مدينة البيضاء الليبية، وأطلق عناصر مسلحة الرصاص باتجاه المتظاهرين.",
    "تظاهر مئات الشبان اليوم في مدينة زليتن، وأطلق مسلحون مجهولون النيران على المتظاهرين دون وقوع إصابات.",
    "خرجت مسيرة غاضبة اليوم في مدينة صور، حيث أطلقت عناصر حزبية نيرانها صوب المتظاهرين.",
    "تظاهر العشرات اليوم في مدينة كسلا، وأطلقت ميليشيا قبلية النار على المحتجين.",
])
def test_fire_at_the_crowd_with_no_dead_is_an_intervention(text):
    """"نزلت ميليشيات إلى الشارع حيث أطلقت نيرانها على المحتجين السلميين": a protest fired on is no
    peaceful protest, and the fire is no attack of its own beside it."""
    found = _extract(text)
    assert [e.sub_event_type for e in found] == ["Protest with intervention"], _kinds(found)


def test_the_gunmen_who_fired_at_the_crowd_are_its_second_side():
    found = _extract("تظاهر مئات الشبان اليوم في مدينة زليتن، وأطلق مسلحون مجهولون النيران على المتظاهرين "
                     "دون وقوع إصابات.")
    assert [(e.actor1, e.actor2) for e in found] == [("Protesters", "Unidentified Armed Group")], _kinds(found)


@pytest.mark.parametrize("text, sub", [
    # live fire of the state on protesters: excessive force, as before
    ("أطلقت قوات الأمن الرصاص الحي اليوم على متظاهرين في مدينة الناصرية.", "Excessive force against protesters"),
    # fire at farmers, no crowd of protesters: an attack, as before
    ("أطلقت القوات الإسرائيلية الرصاص المطاطي على مزارعين في بلدة خزاعة.", "Attack"),
])
def test_fire_on_no_crowd_or_by_the_state_keeps_its_type(text, sub):
    found = _extract(text)
    assert [e.sub_event_type for e in found] == [sub], _kinds(found)


# --- 4. a protest told as suppressed and the killings by fire at its place and day: one event ----------

@pytest.mark.parametrize("text, force, deaths", [
    ("عشرات الضحايا في الخرطوم جراء قمع الأمن للمظاهرات. ارتفع عدد الذين قتلوا اليوم برصاص قوات الأمن "
     "إلى 12 قتيلا.", "Military Forces of Sudan", 12),
    ("حصيلة ثقيلة في مدينة كربلاء جراء قمع الشرطة للاحتجاجات. وقتل ستة أشخاص اليوم بنيران قوات الأمن "
     "العراقية في المدينة.", "Military Forces of Iraq", 6),
    ("قمعت قوات الأمن اليمنية مظاهرة في مدينة المكلا اليوم. وقتل ثلاثة أشخاص برصاص الجنود في المدينة "
     "اليوم.", "Military Forces of Yemen", 3),
    ("تقمع السلطات السودانية الاحتجاجات في مدينة بورتسودان. وقتل متظاهران اليوم برصاص الشرطة في المدينة.",
     "Police Forces of Sudan", 2),
])
def test_a_suppressed_protest_and_the_killings_by_fire_there_are_one_event(text, force, deaths):
    """"اليوم الأكثر دموية في غزة جراء قمع إسرائيل لمسيرات العودة. ارتفع عدد الذين قضوا الجمعة بنيران
    الجيش إلى 14": not a peaceful protest beside an attack on civilians."""
    found = _extract(text)
    assert [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in found] == \
        [("Excessive force against protesters", force, "Protesters", deaths)], _kinds(found)


def test_a_killing_at_another_town_than_the_suppressed_protest_stays_an_attack():
    found = _extract("قمعت قوات الأمن اليمنية مظاهرة في مدينة المكلا اليوم. وفي مدينة عدن قتل مسلحون مجهولون "
                     "ثلاثة أشخاص اليوم.")
    assert ("Attack", "Aden") in [(e.sub_event_type, e.location) for e in found], _kinds(found)


# --- 5. an act told during a protest of an earlier day takes that day ----------------------------------

@pytest.mark.parametrize("text, day, deaths", [
    # a strike today, the killings at Wednesday's protests
    ("أضربت المدارس والمتاجر في مدينة الخليل اليوم حدادا على مقتل ثلاثة فلسطينيين برصاص الجيش الإسرائيلي "
     "خلال مظاهرات خرجت الأربعاء في المدينة.", "2024-05-08", 3),
    # mourning today, أثناء and a verb between the protest word and its day
    ("عم الحداد مدينة الناصرية اليوم بعد مقتل خمسة أشخاص برصاص الشرطة أثناء مظاهرات جرت الثلاثاء في "
     "المدينة.", "2024-05-07", 5),
    # a funeral today, Monday's protests
    ("نظم الأهالي في مدينة تعز اليوم جنازة لشابين قتلا برصاص مسلحين خلال مظاهرات الاثنين في المدينة.",
     "2024-05-06", 2),
    # shops closed today in protest, Sunday's protests
    ("أغلقت المحال في مدينة صيدا اليوم احتجاجا على مقتل شاب برصاص الجيش اللبناني خلال احتجاجات الأحد في "
     "المدينة.", "2024-05-05", 1),
    # the statement's day first
    ("أعلنت نقابة الأطباء الجمعة مقتل أربعة متظاهرين برصاص قوات الأمن خلال احتجاجات الخميس في مدينة أم درمان.",
     "2024-05-09", 4),
])
def test_a_killing_during_an_earlier_protest_has_that_protests_day(text, day, deaths):
    """"يعم الإضراب السبت احتجاجا على مقتل 16 فلسطينيا برصاص الجيش خلال مظاهرات خرجت الجمعة": the
    killings' day is the protest's, and no record of another day counts or shoots them."""
    found = _extract(text)
    violent = [e for e in found if e.fatalities or e.sub_event_type in ("Excessive force against protesters", "Attack")]
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in violent] == \
        [("Excessive force against protesters", day, deaths)], _kinds(found)


def test_a_killing_at_todays_protest_keeps_today():
    found = _extract("قتل متظاهران اليوم برصاص قوات الأمن خلال احتجاجات في مدينة الديوانية.")
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in found] == \
        [("Excessive force against protesters", "2024-05-10", 2)], _kinds(found)


# --- 6. confrontations that count an attack's dead again are no battle --------------------------------

@pytest.mark.parametrize("text", [
    ("مقتل شاب فلسطيني برصاص إسرائيلي قرب رام الله. قتل شاب فلسطيني يبلغ 19 عاما برصاص الجيش الإسرائيلي "
     "اليوم فيما أصيب عشرة آخرون خلال مواجهات عند مدخل بلدة سلواد."),
    ("مقتل فلسطيني برصاص الجيش الإسرائيلي في الخليل. قتل فلسطيني برصاص الجيش الإسرائيلي اليوم خلال "
     "مواجهات في مخيم العروب. وأضافت المصادر أن المواجهات أسفرت أيضا عن إصابة ثمانية شبان."),
    ("مقتل شاب برصاص الجيش الإسرائيلي في قلقيلية. قتل شاب فلسطيني برصاص الجنود الإسرائيليين اليوم فيما "
     "أصيب سبعة آخرون خلال مواجهات في بلدة كفر قدوم."),
])
def test_confrontations_counting_an_attacks_dead_again_are_no_battle(text):
    """"مقتل طفل برصاص إسرائيلي في غزة. قتل طفل برصاص الجيش فيما أصيب 15 خلال مواجهات عند حاجز بيت
    حانون. وأضافت المصادر أن المواجهات التي اندلعت قرب المعبر أسفرت عن إصابة 15": stone-throwing
    confrontations with no second armed side, the same dead: the attack told again."""
    found = _extract(text)
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Attack", 1)], _kinds(found)


def test_a_clash_with_a_named_armed_group_beside_a_killing_stays():
    found = _extract("قتل مدني برصاص الجيش الإسرائيلي اليوم في مدينة جنين. واندلعت مواجهات بين الجيش "
                     "الإسرائيلي ومسلحين من سرايا القدس في المدينة أسفرت عن مقتل مسلح.")
    assert "Armed clash" in [e.sub_event_type for e in found], _kinds(found)


# --- 7. a call to protest is no protest ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ووزع طلاب اليوم بيانات تدعو إلى التظاهر أمام جامعة بنغازي.",
    "تداول ناشطون اليوم منشورات تدعو للتظاهر في شوارع مدينة تعز.",
    "أصدرت النقابات اليوم بيانا تدعو فيه إلى التظاهر في مدينة صفاقس.",
    "نشرت تنسيقية الاحتجاجات اليوم رسالة تدعو للتظاهر في مدينة الناصرية.",
])
def test_leaflets_calling_to_protest_tell_no_protest(text):
    """"وكان نشطاء تداولوا منشورات تدعو للتظاهر والعصيان المدني في العاصمة": a call (تدعو, as دعا،
    دعت، يدعو) tells a protest wanted, not one held."""
    found = _extract(text)
    assert not _protests(found), _kinds(found)


def test_a_protest_that_answers_a_call_stays():
    found = _extract("تظاهر المئات اليوم في مدينة صفاقس استجابة لدعوة النقابات.")
    assert [e.sub_event_type for e in _protests(found)] == ["Peaceful protest"], _kinds(found)


# --- 8. the crowd that storms or burns in the sentence after its protest: one riot ----------------

@pytest.mark.parametrize("text", [
    "تظاهر مئات الشبان اليوم في مدينة البصرة. واقتحم المتظاهرون مبنى المحافظة.",
    "خرج المئات في مظاهرة اليوم في مدينة تعز. وأحرق المحتجون إطارات السيارات في الشوارع.",
    "تظاهر آلاف السودانيين اليوم في مدينة عطبرة. وأحرق المتظاهرون مقر الحزب الحاكم.",
    "تظاهر العشرات اليوم في مدينة مصراتة. واقتحم المتظاهرون مقر المجلس البلدي.",
    # confrontations in the headline, the crowd's burning in the body
    "مواجهات في الناصرية\nتظاهر المئات اليوم في مدينة الناصرية وأحرق المحتجون مقر حزب الدعوة.",
])
def test_a_protest_whose_crowd_storms_or_burns_is_one_violent_demonstration(text):
    """"أحرق متظاهرون القنصلية"، "اقتحم المتظاهرون": protesters who burn or storm make a violent
    demonstration, one event with their protest (no peaceful protest beside it, no clash of nobody
    from the headline's مواجهات)."""
    found = _extract(text)
    assert [(e.sub_event_type, e.actor1) for e in found] == [("Violent demonstration", "Rioters")], _kinds(found)


def test_a_storming_by_gunmen_after_a_protest_makes_no_riot():
    found = _extract("تظاهر مئات الشبان اليوم في مدينة البصرة. واقتحم مسلحون مجهولون مبنى المحافظة.")
    assert "Violent demonstration" not in [e.sub_event_type for e in found], _kinds(found)


# --- 9. the headline's killing over the protest's: one event at the protest's place ---------------

@pytest.mark.parametrize("text, place, deaths", [
    ("مقتل شاب وإصابة العشرات بالرصاص الإسرائيلي في غزة\nقتل شاب فلسطيني وأصيب العشرات برصاص الجيش "
     "الإسرائيلي اليوم خلال تظاهرة قرب السياج الحدودي شرق خان يونس.", "Khan Yunis", 1),
    ("مقتل متظاهر برصاص الأمن في ذي قار\nقتل متظاهر برصاص قوات الأمن العراقية اليوم خلال احتجاجات في "
     "مدينة الناصرية.", "Nasiriyah", 1),
    ("مقتل محتجين اثنين برصاص الأمن السوداني في الخرطوم\nقتل محتجان برصاص قوات الأمن السودانية اليوم خلال "
     "مظاهرة في مدينة أم درمان.", "Omdurman", 2),
    # a march (مسيرة after خلال), not a drone
    ("مقتل فلسطينيين اثنين برصاص إسرائيلي في الضفة\nقتل فلسطينيان برصاص الجيش الإسرائيلي اليوم خلال مسيرة "
     "في بلدة كفر قدوم قرب قلقيلية.", "Kafr Qaddum", 2),
])
def test_the_headlines_killing_is_the_protests_told_first(text, place, deaths):
    found = _extract(text)
    assert [(e.sub_event_type, e.location, e.fatalities) for e in found] == \
        [("Excessive force against protesters", place, deaths)], _kinds(found)


def test_another_killing_in_the_body_stays_its_own():
    found = _extract("مقتل متظاهر برصاص الأمن في عدن\nقتل متظاهر برصاص قوات الأمن اليمنية اليوم خلال احتجاجات في "
                     "مدينة عدن. وفي مدينة لحج قتل مسلحون مجهولون جنديا.")
    assert ("Lahij", 1) in [(e.location, e.fatalities) for e in found], _kinds(found)
    assert [(e.sub_event_type, e.location) for e in _protests(found)] == \
        [("Excessive force against protesters", "Aden")], _kinds(found)


# --- 10. a killing the protest is about is no toll of it ------------------------------------------

@pytest.mark.parametrize("text", [
    "تظاهر المئات اليوم في مدينة درعا إحياء لذكرى مقتل 20 شخصا في مجزرة عام 2012.",
    "تظاهر المئات اليوم في مدينة الخليل احتجاجا على مقتل شاب برصاص مستوطن أمس.",
    "خرجت مسيرة اليوم في مدينة المكلا تنديدا بمقتل صياد برصاص خفر السواحل الأسبوع الماضي.",
    "تظاهر العشرات اليوم أمام مبنى المحكمة في مدينة بنغازي استنكارا لمقتل ناشط على يد مسلحين الشهر الماضي.",
])
def test_a_killing_a_protest_is_about_is_no_toll_of_it(text):
    """"تظاهر المئات احتجاجا على مقتل شاب": what they protest, not what happened to them; the protest
    stays peaceful with no dead (unless the killing is told as done during a protest, section 5)."""
    found = _extract(text)
    assert [(e.sub_event_type, e.fatalities) for e in _protests(found)] == [("Peaceful protest", 0)], _kinds(found)


# --- 11. "وبعد ذلك" + an event word: a new clause, not a time reference inside another ----------------

@pytest.mark.parametrize("text, sub", [
    ("عقد وجهاء المدينة اجتماعا صباح اليوم في مدينة درنة، وبعد ذلك قصفت طائرات حربية مواقع في المدينة.",
     "Air/drone strike"),
    ("تظاهر مئات الشبان اليوم في مدينة البصرة، وبعد ذلك اقتحم المتظاهرون مبنى المحافظة.",
     "Violent demonstration"),
    # (already an event before: the verb after ذلك is not the event word)
    ("عاد الهدوء صباح اليوم إلى مدينة تعز، وبعد ذلك قصف الحوثيون حي الروضة بقذائف الهاون.",
     "Shelling/artillery/missile attack"),
])
def test_an_event_word_after_a_time_word_and_its_pronoun_starts_its_own_clause(text, sub):
    """"وبعد ذلك رشق حوالى 700 شخص المركز بالحجارة": "after that" closes on its pronoun; the event
    word after it is the news, not a landmark of another clause."""
    found = _extract(text)
    assert [e.sub_event_type for e in found] == [sub], _kinds(found)


def test_an_event_word_right_after_a_time_word_stays_a_time_reference():
    found = _extract("وصل الوزير إلى مدينة الحديدة اليوم بعد اشتباكات عنيفة شهدتها المدينة الشهر الماضي.")
    assert not found, _kinds(found)
