"""Session 13: violence named in a sentence that tells no act of a day. A battle to avoid, one
prepared or expected, a weapon's capability or kind, a condemnation of a campaign, an accusation
of a continuing practice, a past habit, a campaign judged, a country's state. Each class in
wordings of our own across countries, with controls: the same cue words in a sentence that does
report an act of the day with its toll stay events."""
from __future__ import annotations

import pytest

from test_stages_events5 import _extract, _kinds


def _types(text, published="2024-05-10"):
    return [e.sub_event_type for e in _extract(text, published)]


# --- 1. a battle or attack the sides mean to avoid ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "وقال المبعوث الأممي اليوم الأحد إن الأطراف الليبية اتفقت على بذل كل الجهود لتجنب وقوع معركة في مدينة سرت.",
    "وتعمل الوساطة القبلية منذ صباح اليوم على تفادي اندلاع اشتباكات بين الجيش والحوثيين في مدينة مأرب.",
    "وأكد الجيش اللبناني اليوم أنه سيعمل للحيلولة دون نشوب مواجهات بين المسلحين في مخيم عين الحلوة.",
    "وقالت مصر اليوم إنها تحاول تجنب حرب بين حماس وإسرائيل في قطاع غزة.",
    "وانتهت المسيرة في مدينة الحديدة اليوم دون وقوع اشتباكات مع قوات الأمن.",
])
def test_a_battle_to_avoid_is_no_event(text):
    """"لتجنب وقوع معركة"، "تفادي اندلاع اشتباكات"، "دون وقوع اشتباكات": what a side means to
    avoid, or what did not happen, is no clash."""
    assert "Armed clash" not in _types(text), _kinds(_extract(text))


# --- 2. a battle prepared, sought or expected -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وأعلن الجيش السوداني اليوم أنه أرسل تعزيزات إلى مدينة الأبيض تحضيرا لبدء معركة جديدة ضد قوات الدعم السريع.",
    "وحشدت قوات حفتر اليوم الأحد آلياتها قرب مدينة سرت استعدادا لمعركة مع قوات الوفاق.",
    "وتحدثت مصادر اليوم عن حشود في صرواح مع تحضير الحوثيين لشن هجوم واسع على مدينة مأرب.",
    "وزودت أنقرة الفصائل اليوم بصواريخ لمساعدتها على التصدي لهجوم من المتوقع أن يشنه الجيش السوري على مدينة إدلب.",
    "وتسعى القوات الحكومية اليمنية اليوم إلى شن هجوم على مواقع الحوثيين في مدينة الحديدة.",
    "وقال مسؤول اليوم إن الفصائل الفلسطينية تستعد لمواجهات يتوقع أن تندلع في مدينة جنين.",
    "وقال محللون اليوم إن هجوما قد تشنه قوات حفتر على مدينة مصراتة سيكون مكلفا.",
])
def test_a_battle_prepared_or_expected_is_no_event(text):
    """"تحضيرا لبدء معركة"، "تمهيدا لهجوم"، "تسعى إلى شن هجوم"، "لهجوم من المتوقع أن يشنه": a
    battle planned or foreseen, no act."""
    found = _extract(text)
    assert not [e for e in found if e.event_type in ("Battles", "Violence against civilians")], _kinds(found)


def test_an_attack_made_before_an_expected_one_stays():
    """The same words of expectation after a definite attack of the day: the attack stays."""
    text = ("شن مسلحون اليوم الأحد هجوما على حاجز للجيش في مدينة العريش أسفر عن مقتل أربعة جنود، "
            "ومن المتوقع أن تبدأ القوات حملة تمشيط في المنطقة.")
    assert _extract(text), "the attack of the day is lost"


def test_shelling_made_before_the_preparation_stays():
    """"قصفت المدفعية ... تمهيدا لاقتحام": the shelling is done; only the storming is prepared."""
    text = "قصفت المدفعية السورية صباح اليوم بلدة اللطامنة بعشرات القذائف تمهيدا لاقتحامها، ما أدى إلى مقتل ثلاثة مدنيين."
    assert "Shelling/artillery/missile attack" in _types(text)


# --- 3. a weapon's capability, kind or system ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وقال خبير عسكري اليوم إن نظام إس 400 الروسي مصمم لكي يتمكن من إسقاط صواريخ توماهوك الأمريكية قرب اللاذقية.",
    "وقال التحالف اليوم إن الحوثيين يمتلكون منظومة صواريخ باليستية في صعدة.",
    "وتملك البحرية المصرية فرقاطات في ميناء الإسكندرية مزودة بصواريخ كروز قالت وزارة الدفاع اليوم.",
    "ونشرت القوات الروسية اليوم في قاعدة حميميم نظاما مضادا للصواريخ وللدفاع بصواريخ سطح جو.",
    "وقال المسؤول اليوم إن الجيش الليبي يمتلك بطاريات صواريخ مصممة لإسقاط الطائرات المسيرة التركية في الجفرة.",
    "ويمكن لمنظومة باتريوت السعودية اعتراض صواريخ الحوثيين الباليستية فوق الرياض قال المتحدث اليوم.",
])
def test_a_weapons_capability_or_kind_is_no_event(text):
    """"مصمم لإسقاط"، "يمكن لمنظومة ... اعتراض"، "مزودة بصواريخ"، "مضاد للصواريخ"، "منظومة صواريخ":
    a weapon described, none fired."""
    assert _types(text) == [], _kinds(_extract(text))


def test_missiles_fired_today_stay():
    """A firing verb and its day: the missiles are fired."""
    text = "أطلقت جماعة الحوثي اليوم الثلاثاء ثلاثة صواريخ باليستية على مدينة جازان دون أن تسفر عن إصابات."
    assert _types(text), "the missile attack of the day is lost"


# --- 4. a condemnation of a campaign ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وأدانت الخارجية القطرية اليوم الأحد بشدة قصف قطاع غزة، داعية المجتمع الدولي إلى التحرك.",
    "وأعلنت النقابات الفلسطينية اليوم إضرابا عاما استنكارا لمجزرة الجيش الإسرائيلي في جنين.",
    "وقالت المستشارة الألمانية اليوم إنها تدين بشدة الغارات الروسية على مدينة إدلب.",
    "ونددت منظمة العفو الدولية اليوم الأحد بقصف الأحياء السكنية في مدينة درنة الليبية.",
    "واستنكرت الجامعة العربية اليوم الأحد الغارات على صنعاء، مطالبة بوقف الحرب.",
])
def test_what_a_condemnation_names_is_no_event(text):
    """"دانت بشدة قصف"، "ندد بقصف"، "استنكارا لمجزرة": the object condemned, a campaign with no
    day or toll of its own, is no event of the day the statement is made."""
    found = _extract(text)
    assert not [e for e in found if e.event_type in ("Explosions/Remote violence", "Violence against civilians",
                                                       "Battles")], _kinds(found)


@pytest.mark.parametrize("text", [
    "أدانت الحكومة اليمنية الغارة التي استهدفت سوقا شعبيا في مدينة صعدة أمس، وأسفرت عن مقتل 12 مدنيا.",
    "ندد الرئيس اللبناني بالقصف الذي طال بلدة الخيام صباح اليوم وأدى إلى مقتل ثلاثة مدنيين.",
])
def test_a_condemned_attack_told_with_its_day_and_toll_stays(text):
    """The condemned act told in its own clause with its day and toll is an event of that day."""
    found = _extract(text)
    assert found and max(e.fatalities for e in found) > 0, _kinds(found)


# --- 5. a practice alleged or described -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "واتهمت الحكومة اليمنية اليوم الأحد الحوثيين بمواصلة نهب المساعدات الإنسانية في الحديدة.",
    "ونزح آلاف السكان اليوم الأحد إلى مأرب بسبب ما تقوم به ميليشيا الحوثي من قتل وأعمال نهب في قرى صرواح.",
    "واتهمت حركة حماس اليوم الأحد الاحتلال بمواصلة اعتقال الصحفيين في مدينة نابلس.",
    "واتهم المجلس العسكري اليوم الأحد قوات الدعم السريع باستمرار نهب الأسواق في نيالا.",
    "وتحدث الأهالي عن ما ترتكبه العصابات من نهب وسلب في ضواحي بنغازي.",
])
def test_a_practice_alleged_or_described_is_no_event(text):
    """"اتهم ... بمواصلة نهب"، "ما تقوم به الميليشيا من قتل ونهب": a practice, no act, place or day."""
    assert _types(text) == [], _kinds(_extract(text))


def test_looting_told_as_done_stays():
    text = "نهب مسلحون مجهولون أمس مخازن برنامج الأغذية العالمي في مدينة نيالا بولاية جنوب دارفور."
    assert "Looting/property destruction" in _types(text)


# --- 6. a past habit --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وقال أحد السائقين اليوم إن المسافرين كانوا يتعرضون لنهب أموالهم على طريق عتق على يد مسلحين.",
    "وأوضح شيخ القبيلة اليوم أن العصابات المسلحة كانت تقوم بخطف المسافرين على طريق سبها.",
    "وكانت الميليشيات المسلحة تمارس أعمال نهب في أحياء طرابلس قال سكان اليوم.",
    "وذكر سكان أن المسلحين كانوا يشنون هجمات على القرى في ريف إدلب قبل الاتفاق.",
    "كانت وسائل الإعلام الرسمية تبث مقاطع تظهر احتجاجات مؤيدة للحكومة في الخرطوم.",
])
def test_a_past_habit_is_no_event(text):
    """"كان الناس يتعرضون لنهب"، "كانت وسائل الإعلام تبث مقاطع تظهر احتجاجات": a habit of the past."""
    assert _types(text) == [], _kinds(_extract(text))


def test_a_past_continuous_with_the_days_killing_stays():
    """"كانوا يقومون بجمع الحطب عندما استهدفهم ..." tells the act of the day in its own clause."""
    text = ("قتل ثلاثة رعاة أمس برصاص قناص في بلدة الخيام جنوب لبنان، وأوضح مصدر أنهم كانوا يقومون "
            "بجمع الحطب عندما أطلق القناص النار عليهم.")
    assert _extract(text), "the killing of the day is lost"


# --- 7. a campaign judged, a state a country goes through -------------------------------------------

@pytest.mark.parametrize("text", [
    "وقالت مجلة أمريكية اليوم إن معركة الموصل كانت قاسية على تنظيم داعش.",
    "وقال وزير الداخلية العراقي اليوم إن المندسين يحاولون العبث بالتظاهرات السلمية التي تشهدها البصرة.",
    "وقالت صحيفة بريطانية إن معركة الموصل كانت قاسية على المدنيين.",
    "ورأى محلل عسكري اليوم أن معركة طرابلس ستكون طويلة ومكلفة لقوات حفتر.",
    "وحذر الرئيس من استغلال الاحتجاجات التي تشهدها البلاد منذ أشهر.",
])
def test_a_campaign_judged_or_a_countrys_state_is_no_event(text):
    """"معركة الموصل كانت قاسية"، "التظاهرات التي يشهدها لبنان": a judgement or a state, no act."""
    assert _types(text) == [], _kinds(_extract(text))


def test_fighting_judged_fierce_with_its_toll_stays():
    text = "وقال مصدر عسكري إن المعارك كانت عنيفة في حي الصابري ببنغازي اليوم وأسفرت عن مقتل خمسة مقاتلين."
    assert "Armed clash" in _types(text)


def test_an_attack_considered_the_third_restates_the_first():
    """"ويعتبر الهجوم الثالث": a judgement of the attack just told, no second attack."""
    text = ("قصفت طائرات حربية اليوم السبت مدينة دوما بغاز الكلور ما أدى إلى مقتل 40 مدنيا. "
            "ويعتبر الهجوم الثالث خلال أسبوع على المدينة وسط تصعيد من دمشق للضغط على المسلحين للانسحاب.")
    found = _extract(text, "2024-05-11")
    assert len(found) == 1, _kinds(found)


# --- 8. the march named again ------------------------------------------------------------------------

def test_the_march_named_again_after_lam_is_no_drone():
    """"للمسيرة" after a march named: the march, not a drone (ل + المسيرة)."""
    text = ("شارك آلاف الفلسطينيين اليوم الجمعة في مسيرة العودة شرق مدينة غزة. وقدم ناشطون عروضا "
            "للعائلات قرب الخيام التي نصبتها الهيئة المنظمة للمسيرة.")
    assert "Air/drone strike" not in _types(text, "2024-05-10"), _kinds(_extract(text))


def test_a_clash_of_the_day_despite_efforts_to_avoid_it_stays():
    """The avoiding word after the clash told: the clash happened."""
    text = ("اندلعت اشتباكات عنيفة اليوم بين الجيش والحوثيين في مدينة مأرب رغم جهود الوساطة لتجنب التصعيد، "
            "ما أسفر عن مقتل أربعة مقاتلين.")
    assert "Armed clash" in _types(text)


def test_a_protest_against_a_shelling_campaign_stays_a_protest():
    """"خرج آلاف ... تنديدا بقصف الحوثيين للأحياء": the protest of the day stays; the shelling it
    denounces, with no day or toll, is no event of its own."""
    text = "وخرج آلاف اليمنيين في مدينة تعز اليوم تنديدا بقصف الحوثيين للأحياء السكنية في المدينة."
    assert _types(text) == ["Peaceful protest"], _kinds(_extract(text))


@pytest.mark.parametrize("text", [
    "خرج آلاف اللبنانيين اليوم في مسيرة وسط مدينة صيدا. وأعلنت اللجنة التنسيقية للاحتجاجات في بيروت اختتام فعاليات الأسبوع.",
    "تظاهر المئات اليوم في مدينة عدن. وقالت الهيئة العليا للمسيرات في مدينة المكلا إنها ستعلن برنامجا جديدا.",
])
def test_a_protest_word_in_an_organisers_name_is_no_second_protest(text):
    """"الهيئة العليا للمسيرات"، "اللجنة التنسيقية للاحتجاجات": the body's name, no protest of its own."""
    assert _types(text) == ["Peaceful protest"], _kinds(_extract(text))


def test_strikes_likely_by_a_side_stay_strikes():
    """"غارات يرجح أنها روسية أوقعت 20 قتيلا": يرجح hedges who struck, not whether they did."""
    text = "قال المرصد السوري اليوم إن غارات يرجح أنها روسية أوقعت 20 قتيلا في بلدة معرة مصرين بريف إدلب."
    assert "Air/drone strike" in _types(text)


def test_a_killing_during_protests_a_place_goes_through_stays():
    """"قتل فلسطينيان ... خلال الاحتجاجات التي يشهدها القطاع": the protests are the setting of the
    day's killing, which stays with its toll."""
    text = ("قتل فلسطينيان برصاص الجيش الإسرائيلي شرق مدينة خان يونس اليوم الجمعة خلال الاحتجاجات "
            "التي يشهدها القطاع منذ أسابيع.")
    found = _extract(text)
    assert found and max(e.fatalities for e in found) == 2, _kinds(found)


@pytest.mark.parametrize("text", [
    "وقال السكان اليوم إن الطريق الساحلي كان مسرحا لعمليات خطف ونهب تنفذها عصابات مسلحة قرب مدينة زوارة.",
    "وأوضح سائق اليوم أن طريق عتق كان مكانا مناسبا لقطاع الطرق لاعتراض المسافرين ونهب أموالهم.",
    "وذكر الأهالي اليوم أن سوق المدينة كان ساحة لاشتباكات متكررة بين عصابات التهريب في مدينة سبها.",
])
def test_a_setting_a_place_used_to_be_is_no_event(text):
    """"كان الطريق مسرحا لعمليات خطف ونهب"، "كان مكانا مناسبا لقطاع الطرق ... ونهب أموالهم": what a
    place used to see, a past habit."""
    assert _types(text) == [], _kinds(_extract(text))


def test_the_days_clash_before_a_past_setting_stays():
    text = ("قتل ستة أشخاص اليوم في اشتباكات بين الجيش الليبي ومسلحين في بنغازي، وكانت المدينة مسرحا "
            "لمعارك مماثلة العام الماضي.")
    assert "Armed clash" in _types(text)


def test_an_attack_told_after_a_setting_and_its_conjunction_stays():
    """"كان الجنوب مسرحا للعمليات إذ هاجم التنظيم منطقة X": إذ opens the attack told, no habit."""
    text = ("وكان ريف حماة الشرقي اليوم مسرحا للعمليات العسكرية إذ هاجم تنظيم داعش مواقع للجيش السوري "
            "قرب بلدة عقيربات وقتل عددا من الجنود.")
    assert _extract(text), "the attack told after إذ is lost"


def test_fighting_expected_to_go_on_with_its_toll_stays():
    """"اشتباكات يتوقع أن تستمر ... أسفرت عن مقتل 5": expected to go on, and already deadly."""
    text = ("اشتباكات عنيفة يتوقع أن تستمر لساعات اندلعت اليوم بين الجيش والحوثيين في مدينة مأرب "
            "أسفرت عن مقتل خمسة مقاتلين.")
    assert "Armed clash" in _types(text)
