"""Issue 16, thirteenth session: the means and the acting side decide a remote strike's sub-type.

Missiles that aircraft fire, or a missile vehicle aircraft destroy, are an air strike, not a
shelling; missiles named only as a target's (عربة صواريخ) give no means of their own; a car bomb a
suicide bomber drives is a suicide bomb; a strike told with no striker after a force's strikes is one
more of them, not an attack on civilians; an arrest made in a fight is the fight; one toll over
clashes and strikes together goes to neither. Each class in wordings of our own, with controls where
the old reading is right and must stay. 32 of 49 fail on 143e478."""
from __future__ import annotations

import pytest

import marsad

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
SUICIDE = "Suicide bomb"
IED = "Remote explosive/landmine/IED"


def _extract(text, published="2018-09-10"):
    return marsad.extract(text, published=published)


def _kinds(found):
    return [(e.sub_event_type, e.actor1, e.actor2, e.location) for e in found]


# --- 1. missiles fired by aircraft, a missile vehicle destroyed by aircraft: an air strike ---------

@pytest.mark.parametrize("text", [
    # SVO: the aircraft, their nationality, then the firing verb (dual)
    "قال الجيش السوري إن مقاتلتين إسرائيليتين أطلقتا ستة صواريخ على مطار المزة العسكري فجر اليوم.",
    # VSO: a verb of destroying, the aircraft, then a missile launcher
    "دمرت مقاتلات التحالف العربي اليوم منصة إطلاق صواريخ تابعة للحوثيين في مديرية حرض بمحافظة حجة.",
    # the missiles first, fired by aircraft after them
    "قتل ثلاثة مسلحين بصواريخ أطلقتها طائرات الجيش العراقي على مخبأ لهم في قضاء الحويجة صباح اليوم.",
    # a helicopter firing missiles in Libya
    "أطلقت مروحية تابعة للجيش الوطني الليبي صواريخ على تجمع للمسلحين في مدينة درنة صباح اليوم.",
    # the missiles first, then the aircraft that fired them (a verb with its pronoun)
    "قال شهود إن صواريخ أطلقتها طائرة إسرائيلية سقطت على منزل في بلدة بيت لاهيا شمالي قطاع غزة "
    "اليوم.",
    # destroyed a missile lorry, the aircraft after the verb and its adverb
    "دمرت الطائرات الحربية الروسية اليوم شاحنة صواريخ للمعارضة قرب بلدة اللطامنة في ريف حماة.",
])
def test_missiles_fired_by_aircraft_are_an_air_strike(text):
    """"مقاتلتين إسرائيليتين أطلقتا صواريخ"، "دمرت مقاتلات التحالف منصة إطلاق صواريخ": the missiles
    are what the aircraft fired (or what they struck): an air strike, never a shelling."""
    found = _extract(text)
    subs = [e.sub_event_type for e in found]
    assert AIR in subs and SHELLING not in subs, _kinds(found)


@pytest.mark.parametrize("text", [
    # a missile vehicle located, then targeted in passive, by a spokesman of an air force
    "وقال المتحدث باسم قوات التحالف إنه تم رصد عربة صواريخ في مديرية كتاف بمحافظة صعدة، وتم فجر "
    "اليوم استهداف العربة وتدميرها.",
    # a launcher's missiles, struck by the Israeli air force in Gaza... no: in southern Lebanon
    "قال سلاح الجو الإسرائيلي إنه استهدف منصة صواريخ في بلدة الخيام جنوبي لبنان صباح اليوم.",
    # Russian forces target a missile depot in Idlib
    "قالت القوات الروسية إنها استهدفت مستودع صواريخ للمسلحين في بلدة سرمين بريف إدلب اليوم.",
    # the US forces strike a missile lorry in Iraq
    "أعلنت القوات الأمريكية أنها استهدفت شاحنة صواريخ قرب مدينة القائم غربي العراق مساء اليوم.",
    # an air force's missile workshop strike in Yemen
    "وذكر بيان لقوات التحالف أنه تم استهداف ورشة تصنيع صواريخ للحوثيين في مدينة الحديدة اليوم.",
])
def test_a_target_s_missiles_give_no_means_of_their_own(text):
    """"تم استهداف عربة صواريخ": the missiles belong to the target; the strike is by the usual means
    of its striker (an air force strikes from the air), not a shelling read off the target's name."""
    found = _extract(text)
    subs = [e.sub_event_type for e in found]
    assert subs and set(subs) == {AIR}, _kinds(found)


@pytest.mark.parametrize("text, sub", [
    # rockets of a ground group, no aircraft
    ("أطلق الحوثيون صواريخ على مدينة نجران السعودية مساء اليوم.", SHELLING),
    # rockets fired in answer to an air strike told in a clause of time: the rockets stay a shelling
    ("أطلق الحوثيون صواريخ على مدينة نجران مساء اليوم بعد أن قصفت طائرات التحالف مواقعهم في "
     "مديرية باقم.", SHELLING),
    # artillery and aircraft in one clause: the artillery keeps its shelling
    ("قصفت مدفعية الجيش السوري بالصواريخ بلدة اللطامنة في ريف حماة اليوم.", SHELLING),
    # tanks fire on Gaza, an air strike told in another sentence
    ("قصفت دبابات إسرائيلية موقعا لحركة حماس شرقي مدينة خان يونس اليوم. وكانت طائرات إسرائيلية "
     "قد أغارت أمس على مواقع في رفح.", SHELLING),
    # a missile launcher of a ground force fired (راجمات): shelling
    ("قصفت راجمات صواريخ الجيش الليبي مواقع المسلحين في مدينة درنة صباح اليوم.", SHELLING),
])
def test_ground_missiles_tanks_and_artillery_stay_a_shelling(text, sub):
    """Controls: missiles with no aircraft firing them, a launcher or artillery, or aircraft only in a
    clause of time about another strike, stay a shelling."""
    found = _extract(text)
    assert sub in [e.sub_event_type for e in found], _kinds(found)


# --- 2. a car bomb driven by a suicide bomber: a suicide bomb ------------------------------------

@pytest.mark.parametrize("text", [
    "قالت الشرطة الصومالية إن انتحاريا فجر سيارة ملغومة أمام مقر حكومي في مدينة بيدوا اليوم، ما "
    "أسفر عن مقتل ستة أشخاص.",
    "اقتحم انتحاري بسيارة مفخخة بوابة معسكر للجيش في مدينة العريش صباح اليوم، ما أدى إلى مقتل "
    "ثلاثة جنود.",
    "قتل خمسة مدنيين اليوم عندما فجر انتحاري صهريجا مفخخا عند حاجز في مدينة تكريت.",
    "هاجم انتحاريان بسيارتين مفخختين مركزا للشرطة في مدينة زليتن الليبية صباح اليوم، ما أسفر عن "
    "مقتل أربعة من رجال الأمن.",
    "أعلنت السلطات أن سيارة ملغومة يقودها انتحاري انفجرت عند مدخل سوق في مدينة عدن اليوم، وقتل "
    "فيها سبعة أشخاص.",
])
def test_a_car_bomb_driven_by_a_suicide_bomber_is_a_suicide_bomb(text):
    """"انتحاريا اقتحم المقر بسيارة ملغومة": the car bomb's driver died in it: a suicide bomb, not a
    remote explosive."""
    found = _extract(text)
    assert [e.sub_event_type for e in found] == [SUICIDE], _kinds(found)


@pytest.mark.parametrize("text", [
    # a parked car bomb, no bomber
    "انفجرت سيارة مفخخة مركونة قرب سوق شعبي في مدينة الباب صباح اليوم، ما أدى إلى مقتل أربعة مدنيين.",
    # a roadside bomb, the suicide attack of another day in a clause of time
    "قتل جنديان اليوم بانفجار عبوة ناسفة على طريق في مدينة العريش، بعد يومين من هجوم انتحاري على "
    "حاجز قريب.",
    # a car bomb detonated from afar in Mogadishu
    "قتل ثلاثة أشخاص اليوم في انفجار سيارة ملغومة فجرت عن بعد قرب فندق في مقديشو.",
])
def test_a_car_bomb_without_a_suicide_bomber_stays_a_remote_explosive(text):
    """Controls: a car bomb or roadside bomb with no suicide bomber in its own clause stays a remote
    explosive."""
    found = _extract(text)
    subs = [e.sub_event_type for e in found]
    assert IED in subs and SUICIDE not in [s for s, e in zip(subs, found) if e.fatalities], _kinds(found)


# --- 3. a strike told with no striker after a force's strikes: one more of them ----------------

@pytest.mark.parametrize("text", [
    "شنت مقاتلات التحالف غارات على مواقع للحوثيين في مديرية باقم بمحافظة صعدة اليوم. وقال المتحدث "
    "إنه تم مساء أمس استهداف موقع رادار في جبل مران بمديرية حيدان ومقتل عدد من الخبراء.",
    "شن الطيران الحربي الروسي غارات على بلدة خان شيخون في ريف إدلب اليوم. كما تم استهداف مقر في "
    "بلدة كفرنبل ومقتل أربعة أشخاص.",
    "أغارت طائرات الجيش العراقي على أوكار لداعش في قضاء الحضر صباح اليوم. وتم بعد ذلك استهداف "
    "مضافة في قرية العطشانة جنوب الموصل ومقتل خمسة من عناصر التنظيم.",
    "نفذت مقاتلات إسرائيلية غارات على مواقع في بلدة القصير السورية اليوم. وتم كذلك استهداف مستودع "
    "في مدينة الضمير بريف دمشق ومقتل ثلاثة أشخاص.",
    "قصفت طائرات التحالف الدولي مواقع لداعش في بلدة هجين شرق دير الزور اليوم. وتم أيضا استهداف "
    "سيارة في بلدة الشعفة ومقتل اثنين من ركابها.",
])
def test_a_strike_with_no_striker_after_a_force_s_strikes_is_one_more(text):
    """"تم مساء الجمعة استهداف الرادارات وتدميرها ومقتل عدد من الخبراء", after the coalition's air
    strikes: told with no striker and no weapon, it is one more air strike, never an attack by an
    unidentified group on civilians."""
    found = _extract(text)
    subs = [e.sub_event_type for e in found]
    assert subs and set(subs) == {AIR}, _kinds(found)


@pytest.mark.parametrize("text", [
    # no strike told before: civilians killed in a targeting of unknown means stay an attack
    "تم مساء أمس استهداف سيارة مدنية في بلدة الضمير بريف دمشق ومقتل ثلاثة من ركابها.",
    # a clash told before, not a strike
    "اندلعت اشتباكات بين الجيش ومسلحين في مدينة درنة اليوم. وتم بعد ذلك استهداف منزل في المدينة "
    "ومقتل امرأتين.",
])
def test_a_strike_with_no_striker_and_no_strikes_told_is_not_typed_from_the_air(text):
    """Controls: with no remote strike told before, an agentless targeting is not made an air strike."""
    found = _extract(text)
    assert AIR not in [e.sub_event_type for e in found], _kinds(found)


# --- 4. an arrest made in a fight is the fight ------------------------------------------------

@pytest.mark.parametrize("text", [
    # a commander captured in a ground attack
    "تمكنت قوات الجيش اليمني اليوم من اعتقال قائد ميداني حوثي في هجوم على مواقع الميليشيا في مديرية "
    "الملاجم بمحافظة البيضاء.",
    # captured while his escorts were killed (the killing joined by و)
    "قالت قوات سوريا الديمقراطية إنها اعتقلت أميرا في تنظيم داعش وقتلت ثلاثة من حراسه في بلدة "
    "الشحيل بريف دير الزور اليوم.",
    # captured during clashes
    "اعتقل الجيش الليبي اليوم خمسة مسلحين خلال اشتباكات مع مجموعة مسلحة في مدينة سبها.",
    # Somali army, escorts shot dead
    "ألقت القوات الصومالية اليوم القبض على قيادي في حركة الشباب وقتلت اثنين من مرافقيه قرب مدينة "
    "أفجوي.",
    # Iraqi forces capture fighters during an attack
    "اعتقلت القوات العراقية اليوم أربعة من عناصر داعش أثناء هجوم على مخابئ التنظيم في قضاء الحويجة.",
])
def test_an_arrest_made_in_a_fight_is_an_armed_clash(text):
    """"اعتقال قائد ميداني في هجوم"، "اعتقلت القيادي وقتلت عددا من مرافقيه": a capture in a ground attack,
    or while the force kills his escorts, is the battle (ACLED's armed clash), not arrests."""
    found = _extract(text)
    subs = [e.sub_event_type for e in found]
    assert "Armed clash" in subs and "Arrests" not in subs, _kinds(found)


@pytest.mark.parametrize("text", [
    # arrests after an attack: the attack is another event
    "اعتقلت الشرطة اليوم ثلاثة مسلحين إثر هجوم على حاجز في مدينة الرمادي.",
    # arrests for taking part in an attack: the charge
    "اعتقلت قوات الأمن المصرية اليوم ستة أشخاص في مدينة العريش بتهمة المشاركة في هجوم على مركز للشرطة.",
    # plain arrests in a raid, no fight told
    "اعتقلت قوات الأمن العراقية اليوم خمسة مطلوبين في مداهمة بحي العامرية في بغداد.",
])
def test_arrests_after_or_for_an_attack_stay_arrests(text):
    """Controls: arrests after an attack (إثر)، for one (بتهمة)، or in a raid with no fight, stay arrests."""
    found = _extract(text)
    assert "Arrests" in [e.sub_event_type for e in found], _kinds(found)


@pytest.mark.parametrize("text", [
    "نفذت قوات الأمن الأردنية اليوم عملية في مدينة معان تمكنت خلالها من اعتقال وقتل عدد من المسلحين، "
    "وقتل في العملية شرطيان.",
    "أطلقت الشرطة العراقية اليوم حملة في قضاء الطارمية أسفرت عن اعتقال وقتل خمسة من عناصر داعش.",
    "قالت وزارة الداخلية التونسية إن وحداتها تمكنت اليوم من اعتقال وقتل ثلاثة إرهابيين في جبل "
    "السلوم بولاية القصرين.",
])
def test_arrests_told_with_the_killing_of_the_same_men_are_the_fight(text):
    """"تمكنت فيها من اعتقال وقتل عدد من الإرهابيين": men taken and men killed in one raid are the raid's
    armed clash (its own record), not arrests beside it, with the taken coded civilians."""
    found = _extract(text)
    subs = [e.sub_event_type for e in found]
    assert "Armed clash" in subs and "Arrests" not in subs, _kinds(found)


# --- 5. one toll over ground clashes and air strikes together goes to neither -----------------

@pytest.mark.parametrize("text", [
    "أفادت مصادر ميدانية بمقتل 40 مسلحا حوثيا وإصابة العشرات في معارك مع قوات الجيش الوطني اليمني "
    "وغارات لطيران التحالف في مديرية الدريهمي اليوم.",
    "قالت مصادر عسكرية إن 25 عنصرا من داعش قتلوا وأصيب آخرون خلال اشتباكات مع قوات سوريا "
    "الديمقراطية المدعومة أمريكيا وغارات للتحالف الدولي في بلدة هجين اليوم.",
    "لقي 30 مسلحا مصرعهم وجرح عدد آخر اليوم في مواجهات مع قوات الجيش الوطني الليبي وضربات جوية في "
    "مدينة درنة.",
    "أعلن الجيش العراقي مقتل 18 إرهابيا وإصابة آخرين بجروح في اشتباكات مع قطعات الجيش والحشد "
    "الشعبي وغارات للطيران العراقي في قضاء الحضر اليوم.",
    "قتل 35 حوثيا اليوم في هجمات لقوات الجيش الوطني اليمني على مواقعهم وغارات مكثفة للتحالف في "
    "مديرية نهم.",
])
def test_one_toll_over_clashes_and_strikes_goes_to_neither(text):
    """"بمقتل أكثر من 50 عنصرا ... في مواجهات مع قوات المقاومة المشتركة وغارات لمقاتلات التحالف": a
    total over two kinds of violence is given whole to neither event (the guide: each event takes
    only the part the text gives it), however long the first one's words."""
    found = _extract(text)
    assert found and all(e.fatalities == 0 for e in found), [(k, e.fatalities) for k, e in zip(_kinds(found), found)]


@pytest.mark.parametrize("text, dead", [
    ("أفادت مصادر ميدانية بمقتل 40 مسلحا حوثيا وإصابة العشرات في معارك مع قوات الجيش الوطني اليمني "
     "في مديرية الدريهمي اليوم.", 40),
    ("قالت مصادر طبية إن 12 مدنيا قتلوا اليوم في غارات لطيران التحالف على سوق في مديرية الدريهمي، "
     "فيما تواصلت المعارك مع قوات الجيش الوطني اليمني.", 12),
])
def test_a_toll_of_one_means_stays_with_its_event(text, dead):
    """Controls: a toll told of one kind of violence only, with a fight told after فيما, keeps its count."""
    found = _extract(text)
    assert dead in [e.fatalities for e in found], [(k, e.fatalities) for k, e in zip(_kinds(found), found)]
