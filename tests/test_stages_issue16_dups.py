"""Issue 16, twelfth round: one incident told twice is one event (the guide: one per actor pair,
place and day). Each pattern in wordings of our own, with close wordings where two records are
right. Patterns: (a) a container (district) named after or beside the places of the same act;
(b) a sentence that restates the act with its precise spot; (c) a word of direction naming where
a movement was headed; (d) a relative clause retelling an act already told; (e) the arrests of a
raid told beside its firefight; (f) hills of one front, named together, at one point; and a
headline on a governorate's bare name (غزة for the Strip) over the body's strike; clashes told
with a deadly attack on people, no armed group a side of them."""
from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Event
from marsad.stages.assembly import _drop_echoes
from test_stages_events5 import _extract, _kinds


def _places(found, sub=None):
    return sorted(e.location for e in found if sub is None or e.sub_event_type == sub)


# --- (a) a container after or beside the places of the same act --------------------------------

@pytest.mark.parametrize("text, place", [
    # a list of areas, then the district that holds them
    ("نفذت القوات المشتركة صباح اليوم زحفا على تحصينات الحوثيين في منطقتي الفازة ومفرق الجبلية "
     "بمديرية التحيتا.", "Al-Faza"),
    # strikes on an area and its outskirts, with its district
    ("شنت مقاتلات التحالف اليوم غارات على مواقع للحوثيين في منطقة الفازة وأطرافها بمديرية التحيتا.",
     "Al-Faza"),
    # a village and the farms around it, in its district
    ("دارت مواجهات عنيفة اليوم بين ألوية العمالقة والحوثيين في قرية الجاح والمزارع المحيطة بها في "
     "مديرية التحيتا.", "Al-Jah"),
    # two areas "of" the district, then the governorate's side
    ("اندلعت اشتباكات أمس بين قوات الجيش والحوثيين في منطقة الفازة ومفرق الجبلية التابعتين لمديرية "
     "التحيتا جنوب الحديدة.", "Al-Faza"),
])
def test_a_district_named_after_the_places_of_the_act_is_no_event_of_its_own(text, place):
    """"في منطقتي X وY بمديرية Z": the district holds the places the act is told at (its gazetteer
    district is theirs); it locates them, it is not another place hit."""
    found = _extract(text)
    assert _places(found) == [place], _kinds(found)


def test_the_district_told_again_in_the_next_sentence_s_second_clause_joins_the_spot_inside_it():
    """"غارات على مواقع في منطقة Y بمديرية Z. كما دمر الطيران عربة في مديرية W وشن غارات على معسكر
    في مديرية Z": Z is the container of Y, told in the next sentence: Y's strikes told again (W, a
    district that holds none of the places told, is its own event)."""
    text = ("شنت مقاتلات التحالف اليوم غارات مكثفة على مواقع الحوثيين في منطقة يسبل بمديرية السوادية. كما "
            "دمر الطيران عربة عسكرية في مديرية ذي ناعم وشن غارات على معسكر للحوثيين في مديرية السوادية.")
    found = _extract(text)
    assert _places(found) == ["Dhi Naim", "يسبل"], _kinds(found)


@pytest.mark.parametrize("text, places", [
    # a word that adds a target: another place hit, not the container told again
    ("قصفت مدفعية الحوثيين صباح اليوم منازل المواطنين في قرية الوعرة بمديرية حيس. وطال القصف أيضا مدينة "
     "الخوخة.", ["Al Khawkhah", "الوعرة"]),
    # a district that holds none of the places told
    ("شنت مقاتلات التحالف اليوم غارات على مواقع الحوثيين في قرية الجاح وفي مديرية حيس.", ["Al-Jah", "Hays"]),
    # two villages of one sentence stay two events
    ("قصفت مدفعية النظام اليوم قريتي الجنابرة والحويز بريف حماة الشمالي.", ["Al-Huwayz", "الجنابرة"]),
])
def test_another_place_hit_beside_the_act_stays_an_event_of_its_own(text, places):
    found = _extract(text)
    assert _places(found) == places, _kinds(found)


# --- (b) a restatement with the precise spot ----------------------------------------------------

@pytest.mark.parametrize("text, spot", [
    ("قصفت المدفعية اليوم مواقع الحوثيين في محيط مدينة زبيد. وأكد المصدر أن القصف تركز على تجمعات "
     "الميليشيا في منطقة المسلب القريبة من مدينة زبيد.", "المسلب"),
    ("اندلعت اشتباكات عنيفة اليوم بين الجيش والحوثيين في أطراف مديرية حيس. وأفاد مصدر أن الاشتباكات "
     "تركزت في منطقة الحيمة شمال حيس.", "الحيمة"),
    ("هاجمت قوات الجيش اليوم مواقع الحوثيين قرب بلدة حيس. وأوضح قائد ميداني أن الهجوم طال تحصينات "
     "الميليشيا في منطقة الجبلية الواقعة شرق بلدة حيس.", "الجبلية"),
    ("شنت قوات النظام اليوم هجوما على مواقع الفصائل في محيط بلدة كفرنبودة. وقال مصدر عسكري إن الهجوم "
     "استهدف نقاط الفصائل في تلة الحماميات جنوب بلدة كفرنبودة.", "Al-Hamamiyat"),
])
def test_a_sentence_that_restates_the_act_gives_its_precise_spot_one_event(text, spot):
    """"هجوم على أطراف X. وأفاد مصدر أن الهجوم استهدف مواقع في منطقة Y القريبة من X": the second
    sentence refers back (الهجوم، القصف) and ties its spot to the first place: one event, at the spot."""
    found = _extract(text)
    assert _places(found) == [spot], _kinds(found)


def test_the_restated_attack_keeps_the_side_that_launched_it():
    """The restatement's word sits next to the positions hit ("الهجوم استهدف مواقع الميليشيا"): it
    says where, not who attacked."""
    text = ("هاجمت قوات الجيش وطيران التحالف صباح السبت مواقع الحوثيين في أطراف منطقة قانية. وقال مصدر إن "
            "الهجوم استهدف تحصينات الميليشيا في منطقة الحصين الواقعة بين منطقة قانية ومديرية السوادية.")
    found = [e for e in _extract(text, "2018-04-14") if e.event_type == "Battles"]
    assert [(e.actor1, e.actor2) for e in found] == [("Military Forces of Yemen", "Ansar Allah (the Houthis)")] and \
        found[0].location != "Qaniyah", _kinds(found)


def test_fighting_that_spreads_to_another_town_is_another_event():
    text = "اندلعت اشتباكات عنيفة اليوم بين الجيش والحوثيين في قرية الجاح. وامتدت الاشتباكات إلى مدينة زبيد."
    assert _places(_extract(text)) == ["Al-Jah", "Zabid"]


# --- (c) where a movement was headed ------------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("صدت قوات الجيش اليوم محاولة تسلل للحوثيين في قرية الجاح باتجاه مدينة زبيد.", "Al-Jah"),
    ("تصدت فصائل المعارضة اليوم لمحاولة تقدم لقوات النظام في بلدة الهبيط باتجاه مدينة خان شيخون.", "Al-Habit"),
    ("أفشلت قوات سوريا الديمقراطية اليوم محاولة تسلل لعناصر داعش في بلدة هجين باتجاه بلدة الشعفة.", "Hajin"),
    ("اندلعت اشتباكات عنيفة اليوم بين الجيش والحوثيين في منطقة الفازة بعد زحف للميليشيا صوب مدينة الخوخة.",
     "Al-Faza"),
    ("صدت قوات الجيش الوطني اليوم محاولة تسلل للحوثيين في بلدة بيت بيش عند مثلث الطريق بين مديرية حيس "
     "ومحافظة إب باتجاه مرتفعات جبل راس.", "بيت بيش"),
])
def test_the_goal_of_a_movement_is_not_where_the_act_happened(text, place):
    """"محاولة تسلل في بلدة X باتجاه Y": Y is where the infiltrators were headed; the act is at X."""
    found = _extract(text)
    assert _places(found) == [place], _kinds(found)


@pytest.mark.parametrize("text, place", [
    # fire "toward" a town strikes it
    ("أطلق الحوثيون اليوم صواريخ كاتيوشا باتجاه مدينة نجران.", "Najran"),
    ("قصفت قوات النظام اليوم بالمدفعية باتجاه بلدة الهبيط.", "Al-Habit"),
])
def test_fire_toward_a_town_still_strikes_it(text, place):
    found = _extract(text)
    assert _places(found) == [place], _kinds(found)


# --- (d) a relative clause that retells an act already told -------------------------------------

@pytest.mark.parametrize("text, place, dead", [
    ("قتل مدنيان اليوم بقصف لقوات النظام على قرية الحويز غرب بلدة كفرنبودة. وجاء القصف بعد هجوم للفصائل "
     "على مواقع القوات في كفرنبودة التي ردت بقصفها لمنازل المدنيين.", "Al-Huwayz", 2),
    ("قتل ثلاثة مدنيين اليوم بقصف لقوات النظام على قرية الحويز غرب بلدة كفرنبودة. وتزامن القصف مع هجوم "
     "للفصائل على مواقع القوات في كفرنبودة التي ردت بقصفها للقرى.", "Al-Huwayz", 3),
    ("أصيب خمسة مدنيين اليوم بقصف لقوات النظام على قرية الجنابرة شمال بلدة كفرنبودة. وتزامن القصف مع "
     "هجوم للفصائل على كفرنبودة التي ردت القوات على إثره بقصفها للقرى.", "الجنابرة", 0),
    ("قتل مدني اليوم بقصف مدفعي للحوثيين على قرية الوعرة شمال حيس. وجاء القصف بعد هجوم للجيش على مواقع "
     "الحوثيين في حيس التي ردت بقصفها للقرى المجاورة.", "الوعرة", 1),
    ("قتل طفلان اليوم بقصف للحوثيين على قرية الشقب شرق مدينة تعز. وتزامن القصف مع هجوم للجيش على مواقع "
     "الميليشيات في تعز التي ردت بقصفها للأحياء.", "الشقب", 2),
])
def test_a_relative_clause_retelling_the_shelling_makes_no_second_shelling(text, place, dead):
    """"وتزامن القصف مع هجوم ... على مواقع الميليشيات في Y التي ردت بقصفها للمدنيين": the shelling
    of X (told with Y as its reference) named again; no shelling of Y of its own."""
    found = [e for e in _extract(text) if e.event_type == "Explosions/Remote violence"]
    assert [(e.location, e.fatalities) for e in found] == [(place, dead)], _kinds(found)


def test_a_new_shelling_with_its_own_dead_at_the_reference_town_stays_apart():
    text = ("قتل مدنيان اليوم بقصف لقوات النظام على قرية الحويز غرب بلدة كفرنبودة. كما قتل ثلاثة مدنيين بقصف "
            "على بلدة كفرنبودة نفسها.")
    found = _extract(text)
    assert sorted((e.location, e.fatalities) for e in found) == [("Al-Huwayz", 2), ("Kafr Nabudah", 3)]


# --- (e) the arrests of a raid told beside its firefight -----------------------------------------

@pytest.mark.parametrize("text", [
    "قال مسؤول في الشرطة اليوم إن المطلوب أصيب في تبادل لإطلاق النار في مدينة رفح أسفر عن مقتل شرطي. "
    "وأضاف أن قوات الأمن ألقت القبض على مسلحين اثنين آخرين.",
    "قال بيان للشرطة اليوم إن قوات الأمن داهمت مخبأ لمطلوبين في مدينة الزرقاء ودار اشتباك مسلح قتل فيه "
    "شرطي. وتابع البيان أن الشرطة ألقت القبض على ثلاثة مطلوبين.",
    "ذكر مصدر أمني اليوم أن اشتباكات اندلعت بين قوات الأمن ومسلحين في مدينة الفلوجة أسفرت عن مقتل شرطي. "
    "وأوضح المصدر أن القوات اعتقلت أربعة مسلحين.",
])
def test_the_arrests_of_the_raid_a_force_fought_are_the_armed_clash(text):
    """The guide codes one event per pair, place and day: a raid in which the force fought gunmen
    and took some of them is the armed clash (ACLED's code), not a clash and arrests of
    "civilians"."""
    found = _extract(text)
    assert [e.sub_event_type for e in found] == ["Armed clash"], _kinds(found)


def test_arrests_after_an_attack_on_the_force_stay_an_event_of_their_own():
    text = "اعتقلت الشرطة اليوم ثلاثة مسلحين إثر هجوم على حاجز في مدينة الرمادي قتل فيه شرطي."
    assert sorted(e.sub_event_type for e in _extract(text)) == ["Armed clash", "Arrests"]


# --- (f) hills of one front at one point ---------------------------------------------------------

@pytest.mark.parametrize("text, hill", [
    ("شنت مدفعية الجيش اليوم قصفا مكثفا استهدف مواقع الحوثيين في جبل الصياد وجبل المنارة بمديرية نهم.",
     "جبل الصياد"),
    ("قصفت مدفعية النظام اليوم مواقع الفصائل في تلة الشيخ وتلة الراهب بريف حماة الشمالي.", "تلة الشيخ"),
    ("استهدفت مدفعية الجيش اليوم تجمعات الميليشيا في جبل العطفين وجبل الظفير بمديرية نهم.", "جبل العطفين"),
    ("قصفت قوات النظام اليوم مواقع المعارضة في تلة الكبانة وتلة الزيتون بريف اللاذقية.", "تلة الكبانة"),
    ("شنت مدفعية الجيش اليوم قصفا على مواقع الحوثيين في جبل المدفون وجبل الحرور بمديرية ردمان.", "جبل المدفون"),
])
def test_two_hills_no_gazetteer_knows_shelled_together_are_one_event_at_their_point(text, hill):
    """"قصف مواقع في جبل X وجبل Y بمديرية Z": hills are no towns or villages (the guide's unit);
    named together for one shelling, both put at Z's point, their records could not be told apart."""
    found = _extract(text)
    assert _places(found) == [hill], _kinds(found)


# --- the same pair within the days of a battle; a zone of operations -----------------------------

def _record(sub, etype, start, end, deaths=0):
    return Event(event_id="", event_type=etype, sub_event_type=sub, event_date=start, event_date_start=start,
                 event_date_end=end, time_precision=2 if start != end else 1,
                 actor1="Military Forces of Yemen", actor2="Ansar Allah (the Houthis)", location="الكتف",
                 admin1="Hajjah", country="Yemen", fatalities=deaths)


def test_shelling_by_a_side_within_the_days_of_its_battle_at_the_place_is_that_battle():
    """"معارك ... بمنطقة X خلال اليومين الماضيين. وأكد المصدر أن مدفعية الجيش استهدفت خنادق": the
    battle's record spans the days; the shelling of the last day, same sides and place, no dead of
    its own, is its fire (one event per pair, place and day)."""
    battle = _record("Armed clash", "Battles", "2018-03-09", "2018-03-11", 70)
    shelling = _record("Shelling/artillery/missile attack", "Explosions/Remote violence", "2018-03-11", "2018-03-11")
    assert _drop_echoes([battle, shelling]) == [battle]
    later = _record("Shelling/artillery/missile attack", "Explosions/Remote violence", "2018-03-12", "2018-03-12")
    assert _drop_echoes([battle, later]) == [battle, later]


@pytest.mark.parametrize("text", [
    "تعرضت مقاتلة للتحالف في منطقة العمليات لإطلاق صاروخ دفاع جوي من مطار صعدة بمحافظة صعدة الأربعاء.",
])
def test_the_zone_of_operations_names_no_place(text):
    found = _extract(text, date(2018, 3, 21))
    assert [e.geo_precision for e in found] == [1], _kinds(found)


# --- a headline on a governorate's bare name over the body's place; a pretext -------------------

@pytest.mark.parametrize("text, place, dead", [
    ("جيش الاحتلال يقتل فلسطينيين بقصف على غزة\n\nقتل فلسطينيان وأصيب ثالث في قصف إسرائيلي على قطاع غزة "
     "صباح اليوم. وأعلنت وزارة الصحة وفاة الشابين جراء القصف الذي وقع شرق خان يونس.", "Khan Yunis", 2),
    ("مقتل فلسطينيين بقصف على غزة\n\nقتل فلسطينيان اليوم بقصف مدفعي إسرائيلي على قطاع غزة. وأعلنت وزارة "
     "الصحة أن القصف وقع شرق مخيم البريج وسط القطاع.", "Bureij camp", 2),
    ("غارة إسرائيلية تقتل شابين في غزة\n\nقتل شابان في غارة إسرائيلية على قطاع غزة مساء اليوم. وقالت مصادر "
     "طبية إن الغارة استهدفت دراجة نارية شرق حي الشجاعية.", "Shujaiya", 2),
    ("غارات إسرائيلية على غزة\n\nشنت طائرات إسرائيلية فجر اليوم غارات على قطاع غزة. وقالت مصادر محلية إن "
     "الغارات استهدفت موقعا في بلدة بيت لاهيا شمال القطاع ما أدى إلى مقتل شاب.", "Bayt Lahya", 1),
])
def test_a_headline_on_the_strip_s_bare_name_sums_up_the_body_s_strike(text, place, dead):
    """"بقصف على غزة" over "قصف على قطاع غزة ... القصف الذي وقع شرق خان يونس": the text names the
    Strip (قطاع غزة), so its bare name in the headline is the Strip, not Gaza City: one event, at
    the body's place, with its dead (a headline with no number caps no toll)."""
    found = _extract(text)
    assert [(e.location, e.fatalities) for e in found] == [(place, dead)], _kinds(found)


@pytest.mark.parametrize("text, sub", [
    ("قتل فلسطينيان في قصف إسرائيلي على قطاع غزة اليوم. وأطلقت دبابة قذيفة على موقع لحماس جنوب القطاع بحجة "
     "تفجير عبوة ناسفة قرب السياج. وأعلنت الوزارة وفاة اثنين جراء القصف الذي وقع شرق رفح.",
     "Shelling/artillery/missile attack"),
    ("أطلقت دبابة إسرائيلية اليوم قذيفة على نقطة رصد في شرق خان يونس بذريعة زرع عبوة ناسفة قرب الحدود. "
     "وأعلنت مصادر طبية مقتل شاب جراء القصف.", "Shelling/artillery/missile attack"),
    ("قصفت طائرة إسرائيلية اليوم موقعا لحماس شمال بيت لاهيا بدعوى إطلاق بالونات حارقة. وقالت مصادر محلية "
     "إن القصف لم يسفر عن إصابات.", "Air/drone strike"),
])
def test_a_pretext_is_no_means_of_the_act(text, sub):
    """"بحجة تفجير عبوة ناسفة": the reason the attacker gave, another act; the shelling is told by
    its own means."""
    found = _extract(text)
    assert [e.sub_event_type for e in found] == [sub], _kinds(found)


# --- clashes told with a deadly attack on people, no armed group a side of them ---------------------

@pytest.mark.parametrize("text, dead", [
    (("تدشين القنصلية الأمريكية في القدس ومقتل عشرات الفلسطينيين برصاص الجيش الإسرائيلي في "
      "اشتباكات في غزة\n\nقتلت القوات الإسرائيلية 37 فلسطينيا على الأقل بينهم طفلة في الثامنة "
      "اضافة إلى نحو 1500 جريح في اشتباكات عنيفة في منطقة الشريط الحدودي في قطاع غزة حسب "
      "مسؤولين فلسطينيين.\nوتقول إسرائيل إن المحتجين يحاولون عبور السياج.\nوقالت وزارة الصحة "
      "التابعة لحماس إن شابا في السادسة عشرة لقي حتفه في الاشتباكات اليوم كما أصيب 300 شخص."),
     37),
    (("ذكرى النكبة في القدس ومقتل فلسطينيين برصاص القوات الإسرائيلية في مواجهات في غزة\n\nقتل "
      "الجيش الإسرائيلي 22 فلسطينيا على الأقل بينهم مسعف اضافة إلى نحو 900 جريح في مواجهات "
      "عنيفة في منطقة خط الهدنة في قطاع غزة حسب مصادر طبية.\nوتقول إسرائيل إن المتظاهرين "
      "يقتربون من السياج.\nوأعلنت وزارة الصحة التابعة لحركة حماس أن طفلا لقي حتفه في "
      "المواجهات اليوم."),
     22),
    (("نقل السفارة إلى القدس ومقتل فلسطينيين برصاص الجيش الإسرائيلي في اشتباكات في غزة\n\nقتلت "
      "القوات الإسرائيلية 16 فلسطينيا على الأقل اضافة إلى نحو 700 جريح في اشتباكات عنيفة في "
      "منطقة السلك الشائك في قطاع غزة حسب مسؤولين فلسطينيين.\nوذكرت وزارة الصحة التابعة لحماس "
      "أن شابا قتل في الاشتباكات اليوم."),
     16),
])
def test_clashes_told_with_a_deadly_attack_on_people_are_that_attack(text, dead):
    """"قتلت القوات 37 فلسطينياً ... في اشتباكات عنيفة في منطقة X ... وقالت وزارة الصحة التابعة لحماس
    إن شاباً لقي حتفه في الاشتباكات": the clashes are the attack's circumstances, told again; Hamas
    owns the ministry that speaks, it is no side. One record, the attack's, with its own count."""
    found = _extract(text, "2018-05-14")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Attack", dead)], _kinds(found)


def test_a_clash_with_an_armed_group_named_as_a_side_stays_beside_the_attack():
    text = ("تدشين القنصلية الأمريكية في القدس ومقتل عشرات الفلسطينيين برصاص الجيش الإسرائيلي في "
            "غزة\n\nقتلت القوات الإسرائيلية 37 فلسطينيا على الأقل في منطقة الشريط الحدودي في قطاع "
            "غزة حسب مسؤولين فلسطينيين.\nواندلعت اشتباكات عنيفة بين مسلحين من كتائب القسام والقوات "
            "الإسرائيلية في منطقة الشريط الحدودي في قطاع غزة اليوم.")
    found = _extract(text, "2018-05-14")
    assert sorted(e.sub_event_type for e in found) == ["Armed clash", "Attack"], _kinds(found)
