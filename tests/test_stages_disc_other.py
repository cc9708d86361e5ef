"""Issue 16, twelfth session: classes found on a real stream among the events that are not battles or
strikes (protests, arrests, attacks on civilians, property destruction). Each class in several wordings
of our own (places, verbs, forces, countries, word orders), with close wordings that must not change."""
from __future__ import annotations

import pytest

import marsad


def _extract(text, published="2024-05-10"):
    return marsad.extract(text, published=published)


def _kinds(found):
    return [(e.sub_event_type, e.actor1, e.actor2, e.location) for e in found]


# --- 1. a protest the forces dispersed or held back is a protest with intervention -------------------

@pytest.mark.parametrize("text, force", [
    # dispersal verb with a pronoun, after لكن
    ("وفي مدينة الكوت خرجت تظاهرة اليوم الخميس للمطالبة بتوفير الكهرباء، لكن الشرطة فرقتها بالقوة.",
     "Police Forces of Iraq"),
    # a verbal noun of dispersal and water cannon, the force before it
    ("تظاهر مئات الطلاب أمس أمام مبنى الجامعة في مدينة الموصل، وقامت قوات الأمن بتفريقهم باستخدام "
     "خراطيم المياه.", "Military Forces of Iraq"),
    # held back (تصدت) after إلا أن
    ("نظم عشرات المزارعين اليوم وقفة احتجاجية أمام مبنى المحافظة في مدينة العمارة، إلا أن عناصر الشرطة "
     "تصدت لهم وأبعدتهم عن المكان.", "Police Forces of Iraq"),
    # tear gas told in the next sentence, which names no place of its own
    ("خرجت مسيرة حاشدة اليوم في بلدة سلوان. وأطلقت القوات الإسرائيلية قنابل الغاز المسيل للدموع على "
     "المشاركين فيها.", "Military Forces of Israel"),
    # tear gas to disperse, another country
    ("تظاهر آلاف السودانيين اليوم في مدينة عطبرة احتجاجا على غلاء الخبز، وأطلقت الشرطة الغاز المسيل "
     "للدموع لتفريقهم.", "Police Forces of Sudan"),
    # rubber bullets, the force first: its fire on the crowd, no one killed
    ("أطلقت قوات الأمن الرصاص المطاطي اليوم على مئات المتظاهرين الذين تجمعوا في مدينة الناصرية "
     "احتجاجا على البطالة.", "Military Forces of Iraq"),
    # "القنابل المسيلة للدموع" to disperse, the protest first
    ("تظاهر الآلاف اليوم في مدينة الحلة، واستخدمت الشرطة القنابل المسيلة للدموع لتفريقهم.",
     "Police Forces of Iraq"),
    # rubber bullets told after the protest, in its sentence
    ("تظاهر مئات العمال اليوم في مدينة الناصرية احتجاجا على البطالة، وأطلقت قوات الأمن الرصاص المطاطي "
     "عليهم.", "Military Forces of Iraq"),
])
def test_a_protest_the_forces_dispersed_is_a_protest_with_intervention(text, force):
    """"خرجت تظاهرة لكن قوات الأمن عملت على تفريقها": a protest with no dead that a force dispersed,
    held back or met with tear gas is ACLED's protest with intervention, the force its second side."""
    found = _extract(text)
    protests = [e for e in found if e.event_type == "Protests"]
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in protests] == \
        [("Protest with intervention", "Protesters", force)], _kinds(found)


@pytest.mark.parametrize("text", [
    "تظاهر مئات الأشخاص اليوم في مدينة الكوت للمطالبة بتوفير الكهرباء وفرص العمل.",
    "خرجت مسيرة سلمية اليوم في مدينة صفاقس دعما لغزة، وانتهت دون حوادث.",
    "تظاهر العشرات اليوم في مدينة كركوك وسط انتشار أمني كثيف لقوات الشرطة.",
    # teams (فرق) of medics are no dispersal
    "تظاهر العشرات اليوم في مدينة بنغازي. وقال ناشطون إن فرق الإسعاف كانت حاضرة في المكان.",
    # tear gas in the next sentence, at another town: another crowd
    "تظاهر المئات اليوم في مدينة الكوت احتجاجا على انقطاع الكهرباء. وفي مدينة الحلة أطلقت الشرطة الغاز "
    "المسيل للدموع على محتجين آخرين.",
])
def test_a_protest_no_force_met_stays_peaceful(text):
    """A protest told with a heavy presence of police, medics' teams, or a force's gas at another
    town is still a peaceful protest where it happened."""
    found = _extract(text)
    assert [e.sub_event_type for e in found if e.event_type == "Protests"][:1] == ["Peaceful protest"], \
        _kinds(found)


@pytest.mark.parametrize("text, sub", [
    # killed while dispersed: excessive force, as before
    ("تظاهر المئات اليوم في مدينة الديوانية، وقتل اثنان منهم برصاص قوات الأمن التي فرقت التظاهرة.",
     "Excessive force against protesters"),
    # live fire on protesters: excessive force, as before
    ("أطلقت قوات الأمن الرصاص الحي اليوم على متظاهرين في مدينة الناصرية.", "Excessive force against protesters"),
    # rubber bullets on farmers: no crowd of protesters, an attack as before
    ("أطلقت القوات الإسرائيلية الرصاص المطاطي على مزارعين في بلدة خزاعة.", "Attack"),
])
def test_deaths_live_fire_or_no_crowd_keep_their_type(text, sub):
    found = _extract(text)
    assert [e.sub_event_type for e in found] == [sub], _kinds(found)


# --- 2. a feared, risked or to-be-ceased event is no event -------------------------------------------

@pytest.mark.parametrize("text", [
    "ويخشى كثير من النازحين العودة إلى قراهم في ريف حماة خوفا من الاعتقالات التي تنفذها قوات النظام.",
    "حثت منظمة العفو الدولية السلطات المصرية اليوم على الكف عن اعتقال الصحفيين في القاهرة.",
    "وقال المتطوعون إنهم كانوا يواجهون خطر الاعتقال على يد قوات النظام في درعا.",
    "فر السكان اليوم من قرية الهبيط خوفا من القصف الذي تشنه قوات النظام.",
    "ودعت المنظمة الحكومة الليبية إلى التوقف عن احتجاز المهاجرين في مراكز طرابلس.",
    "وغادر مئات الصحفيين مدينة تعز مخافة الاختطاف على أيدي مسلحي الحوثي.",
])
def test_an_event_word_after_fear_risk_or_ceasing_tells_no_event(text):
    """"خوفا من الاعتقالات"، "خطر الاعتقال"، "الكف عن اعتقال": the arrests or shelling people fear,
    risk, or are urged to stop are not reported as having happened."""
    found = _extract(text)
    assert found == [], _kinds(found)


@pytest.mark.parametrize("text, sub", [
    ("اعتقلت قوات الأمن اليوم خمسة أشخاص في مدينة الموصل.", "Arrests"),
    # the fear of a rising toll is no fear of the shelling itself
    ("يخشى أن يرتفع عدد القتلى في القصف الذي استهدف اليوم سوقا في مدينة إدلب.",
     "Shelling/artillery/missile attack"),
    # a threat told after the arrests, not before them
    ("اعتقلت قوات الأمن اليوم عشرة أشخاص في مدينة الرمادي، وسط مخاوف السكان من حملة جديدة.", "Arrests"),
])
def test_a_fear_elsewhere_in_the_sentence_keeps_the_event(text, sub):
    found = _extract(text)
    assert [e.sub_event_type for e in found] == [sub], _kinds(found)


# --- 3. deaths in an accident or a flood are no political violence -----------------------------------

@pytest.mark.parametrize("text", [
    "قال مسؤول اليوم إن 8 أشخاص على الأقل قتلوا وأصيب 20 آخرون من جراء تصادم حافلتين في محافظة المنيا.",
    "وأوضح الوزير أن 17 شخصا قتلوا وأصيب 90 آخرون في حادث القطار الذي خرج عن سكته قرب مدينة أضنة.",
    "قال مصدر طبي إن 4 أشخاص قتلوا اليوم في انقلاب حافلة ركاب على الطريق الدولي قرب مدينة حمص.",
    "شهدت محافظة إب اليوم أمطارا غزيرة خلفت فيضانات جرفت ثلاثة أطفال.",
    "جرفت السيول اليوم منازل عدة في قرية الحصن بمحافظة حضرموت.",
    "وذكرت الشرطة أن خمسة أشخاص لقوا حتفهم في حادث سير على الطريق بين مدينة الموصل ومدينة أربيل.",
])
def test_deaths_in_an_accident_or_a_flood_are_no_event(text):
    """"أشخاص قتلوا في حادث القطار"، "جرفت السيول منازل": a collision, a derailment or a flood is the
    cause told; a bare killing or sweeping word makes no attack or destruction of it."""
    found = _extract(text)
    assert found == [], _kinds(found)


@pytest.mark.parametrize("text, sub", [
    ("جرفت جرافات الاحتلال اليوم أراضي زراعية في بلدة بيت حانون.", "Looting/property destruction"),
    ("قال مصدر طبي إن 3 أشخاص قتلوا اليوم في حادث إطلاق نار قرب مدينة كركوك.", "Attack"),
    ("قتل خمسة أشخاص اليوم في انفجار سيارة مفخخة في مدينة الموصل.", "Remote explosive/landmine/IED"),
])
def test_bulldozing_and_shootings_called_incidents_stay_events(text, sub):
    found = _extract(text)
    assert [e.sub_event_type for e in found] == [sub], _kinds(found)


# --- 4. whose weapons were seized, intercepted or downed: the owner is the second side ---------------

@pytest.mark.parametrize("text, taker, owner", [
    # the owner after a word of belonging, the finders an unnamed force of the country
    ("عثرت القوات خلال عمليات التمشيط اليوم في مديرية حيس على كميات من الأسلحة والذخائر تابعة لعناصر "
     "ميليشيا الحوثي.", "Military Forces of Yemen", "Ansar Allah (the Houthis)"),
    # a drone's nationality after it, the subject inside the trigger
    ("أسقط مسلحون فلسطينيون اليوم طائرة إسرائيلية مسيرة شرق مدينة خان يونس.",
     "Unidentified Armed Group", "Military Forces of Israel"),
    # a missile fired by the owner, intercepted by a state's air defences
    ("اعترضت الدفاعات الجوية السعودية صاروخا أطلقه الحوثيون اليوم على مدينة جازان.",
     "Military Forces of Saudi Arabia", "Ansar Allah (the Houthis)"),
    # a state army downs a foreign drone: no air strike of the drone's owner
    ("أسقط الجيش اللبناني اليوم طائرة مسيرة إسرائيلية فوق بلدة العديسة.",
     "Military Forces of Lebanon", "Military Forces of Israel"),
    # an unnamed unit finds a cache that belongs to an armed group
    ("عثرت وحدات الهندسة اليوم على مخزن ذخائر تابع لتنظيم داعش في قرية البوعيثة جنوب بغداد.",
     "Military Forces of Iraq", "Islamic State"),
    # تعود ل
    ("ضبطت الشرطة في مدينة البصرة اليوم شحنة أسلحة تعود لتنظيم داعش.", "Police Forces of Iraq", "Islamic State"),
    # تابعا ل, the finder named
    ("ضبطت قوات الأمن العراقية اليوم مخزنا للأسلحة تابعا لتنظيم داعش في قضاء الحويجة.",
     "Military Forces of Iraq", "Islamic State"),
])
def test_the_owner_of_seized_or_downed_weapons_is_the_second_side(text, taker, owner):
    """"أسلحة تابعة للميليشيات"، "طائرة إسرائيلية مسيرة": in a disrupted weapons use the side that
    seizes, intercepts or downs is actor1, the weapon's owner actor2, never the other way."""
    found = _extract(text)
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in found] == \
        [("Disrupted weapons use", taker, owner)], _kinds(found)


def test_interceptions_during_a_told_strike_stay_part_of_it():
    """"أسقطت الدفاعات صواريخ خلال غارات على X": the interceptions are the strike's, as before."""
    found = _extract("أسقطت الدفاعات الجوية السورية اليوم صواريخ إسرائيلية خلال غارات على مطار المزة العسكري.")
    assert [e.sub_event_type for e in found] == ["Air/drone strike"], _kinds(found)


@pytest.mark.parametrize("text, taker", [
    ("داهمت قوات الأمن المصرية اليوم وكرا لعناصر إرهابية في مدينة العريش وضبطت أسلحة وذخائر.",
     "Military Forces of Egypt"),
    # a word of belonging that links another noun (the engineers of the same army) names no owner
    ("تمكن الجيش العراقي اليوم من ضبط كميات من الأسلحة والذخائر ونزعت الفرق الهندسية التابعة للقوات "
     "الحكومية عبوات زرعها تنظيم داعش في قضاء الحويجة.", "Military Forces of Iraq"),
])
def test_a_seizure_keeps_its_force_when_no_other_owner_is_named(text, taker):
    found = _extract(text)
    assert [(e.sub_event_type, e.actor1) for e in found] == [("Disrupted weapons use", taker)], _kinds(found)


# --- 5. an event told from a past landmark, with no day of its own, is background --------------------

@pytest.mark.parametrize("text", [
    "والتقى الوزير أسر ثلاثة موظفين أتراك في القنصلية الأمريكية جرى اعتقالهم بعد محاولة الانقلاب في "
    "مدينة إسطنبول.",
    "وكانت السلطات قد اعتقلت الطيار بعد محاولة الانقلاب الفاشلة في قاعدة باليكسير الجوية.",
    "واعتقلت السلطات التركية عشرات الآلاف منذ محاولة الانقلاب في أنقرة.",
    "اعتقلت السلطات المصرية مئات من أنصار الجماعة عقب فض اعتصام رابعة في القاهرة.",
    "وقتل آلاف المدنيين في مدينة درعا منذ اندلاع الثورة.",
    # a day before the content clause dates the saying, not the arrests
    "وأفاد صحفيون الأربعاء بأن الوزير التقى أسر ثلاثة موظفين أتراك في القنصلية الأمريكية في إسطنبول جرى "
    "اعتقالهم بعد محاولة الانقلاب.",
])
def test_an_event_told_from_a_past_landmark_with_no_day_is_background(text):
    """"جرى اعتقالهم بعد محاولة الانقلاب"، "منذ اندلاع الثورة": an event dated only by a landmark of
    years ago is the story's background, not news of the report's day."""
    found = _extract(text)
    assert found == [], _kinds(found)


@pytest.mark.parametrize("text", [
    # a day of its own: news
    "اعتقلت الشرطة التركية اليوم 20 عسكريا في مدينة إزمير بعد محاولة الانقلاب.",
    # the landmark as a charge, not an anchor
    "اعتقلت الشرطة التركية اليوم 20 عسكريا في مدينة إزمير للاشتباه بصلتهم بمحاولة الانقلاب.",
    # the landmark in a relative clause of the place, the strike told as news
    "قصفت الطائرات الحربية بلدة كفرنبل جنوب إدلب، التي تشهد احتجاجات منذ اندلاع الثورة.",
])
def test_an_event_with_a_day_or_a_landmark_elsewhere_stays_news(text):
    found = _extract(text)
    assert len(found) == 1, _kinds(found)


# --- 6. "بعد أسابيع من التظاهرات": an event word after a span that has passed is background ----------

@pytest.mark.parametrize("text", [
    "وتأتي الغارة بعد أسابيع من القصف المتواصل على مدينة دوما.",
    "وجاء الاتفاق بعد أشهر من المعارك العنيفة في مدينة الحديدة.",
    "وتأتي الغارة بعد أسابيع من التظاهرات الحاشدة على الحدود بين قطاع غزة وإسرائيل.",
    "وأعلنت الحكومة اليوم رفع حظر التجول بعد أيام من الاحتجاجات في مدينة البصرة.",
    "وعاد الهدوء إلى مدينة طرابلس بعد أسبوعين من الاشتباكات بين الميليشيات.",
    "وأفرجت السلطات عن الصحفي بعد ستة أشهر من اعتقاله في مدينة عدن.",
    # a second event word conjoined right after it shares the span
    "وتأتي الغارة بعد أسابيع من التظاهرات الحاشدة والمواجهات الدامية على الحدود بين قطاع غزة وإسرائيل.",
    "وعاد الهدوء إلى مدينة طرابلس بعد أسبوعين من الاشتباكات والقصف المتبادل بين الميليشيات.",
])
def test_an_event_word_after_a_span_of_it_that_has_passed_is_background(text):
    """"بعد أسابيع من التظاهرات"، "بعد ستة أشهر من اعتقاله": the weeks or months of an event before
    the news are its background (as "بعد مرور عامين على اختطافه" already was)."""
    found = _extract(text)
    assert found == [], _kinds(found)


@pytest.mark.parametrize("text", [
    "قصفت الطائرات اليوم بلدة كفرنبل بعد أيام من الهدوء.",
    "قتل خمسة من عناصر قوات سوريا الديمقراطية اليوم في اشتباكات مع داعش في بلدة هجين.",
])
def test_the_news_told_before_a_span_stays_an_event(text):
    found = _extract(text)
    assert len(found) == 1, _kinds(found)
