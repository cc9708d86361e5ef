"""Who fought whom, each class on plain strings of our own wording: soldiers killed while repelling an
attack (a battle of the attackers with the army, not a purpose of fighting), a strike on the quarters
where a force's men sleep (the force is the target, never the striker), attackers killed by the
force they attacked (counted), an attack on civilians by gunmen who then fell in a deadly fight with
the state's forces (one armed clash), and a headline total whose بينهم part the body tells (the
total is the toll). Negative controls keep what was right."""
from __future__ import annotations

import pytest

from tests.test_stages_roles5 import events, pairs


def violent(text):
    return [e for e in events(text) if e.event_type in ("Battles", "Violence against civilians",
                                                         "Explosions/Remote violence")]


# --------------------------------------------------------------------------- repelling an attack

@pytest.mark.parametrize("text, army, dead", [
    ("قتل تسعة جنود من الجيش الوطني الليبي خلال صدهم لهجوم شنته ميليشيات مسلحة على قاعدة تمنهنت الجوية اليوم.",
     "Libyan National Army", 9),
    ("لقي ستة من أفراد الجيش اليمني حتفهم اليوم أثناء تصديهم لهجوم شنه مسلحو الحوثي على مواقعهم في مديرية نهم.",
     "Military Forces of Yemen", 6),
    ("قتل ثلاثة جنود لبنانيين اليوم خلال تصديهم لهجوم شنه مسلحون على مركز للجيش في بلدة عرسال.",
     "Military Forces of Lebanon", 3),
    ("سقط أربعة قتلى من الجيش السوداني اليوم في أثناء صدهم لهجوم نفذته مجموعة مسلحة على حامية عسكرية في مدينة "
     "كادقلي.", "Military Forces of Sudan", 4),
    ("قتل جنديان عراقيان اليوم خلال التصدي لهجوم شنه عناصر تنظيم داعش على نقطة عسكرية في قضاء الحويجة.",
     "Military Forces of Iraq", 2),
    ("أعلن الجيش الصومالي مقتل خمسة من جنوده اليوم أثناء صدهم لهجوم لحركة الشباب على قاعدة في بلدة بارديري.",
     "Military Forces of Somalia", 5),
])
def test_soldiers_killed_repelling_an_attack_fought_the_attackers(text, army, dead):
    found = violent(text)
    assert found, "no event"
    e = found[0]
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash"), pairs(found)
    assert army in (e.actor1, e.actor2) and "Civilians" not in (e.actor1, e.actor2), pairs(found)
    assert e.fatalities == dead


@pytest.mark.parametrize("text", [
    # a purpose: forces sent to repel any attack, no event
    "أرسل الجيش الليبي تعزيزات إلى مدينة سبها اليوم للتصدي لأي هجوم محتمل.",
    "دفعت القوات اليمنية بتعزيزات عسكرية إلى مديرية نهم استعدادا للتصدي لهجوم متوقع من الحوثيين.",
    # an appeal to fight the group: no clash of the day
    "دعا المجلس العسكري أبناء القبائل إلى حمل السلاح لقتال المتمردين في ولاية النيل الأزرق.",
])
def test_a_purpose_of_repelling_stays_no_event(text):
    assert not violent(text), pairs(violent(text))


# --------------------------------------------------------------------------- the quarters of a force's men

@pytest.mark.parametrize("text, army", [
    ("استهدف قصف صاروخي مرقد عدد من الجنود بقاعدة العند في محافظة لحج اليوم، ما أدى إلى مقتل سبعة منهم.",
     "Military Forces of Yemen"),
    ("استهدفت صواريخ باليستية مهجع الجنود في معسكر بمحافظة مأرب اليوم، ما أسفر عن مقتل عدد منهم.",
     "Military Forces of Yemen"),
    ("أصابت قذيفة مدفعية مهجعا للجنود في قاعدة عسكرية قرب مدينة الأبيض اليوم، وقتل أربعة منهم.",
     "Military Forces of Sudan"),
    ("سقط صاروخ على عنبر يبيت فيه الجنود داخل قاعدة الوطية الجوية اليوم، ما أدى إلى مقتل ثلاثة منهم.",
     "Military Forces of Libya"),
    ("قصف صاروخي طال مرقد عدد من الجنود في قاعدة عسكرية بمحافظة الأنبار اليوم، وأسفر عن مقتل اثنين منهم.",
     "Military Forces of Iraq"),
])
def test_the_men_of_quarters_a_strike_hit_are_its_target_not_its_striker(text, army):
    found = [e for e in violent(text) if e.event_type == "Explosions/Remote violence"]
    assert found, "no strike"
    for e in found:
        assert e.actor1 != army, pairs(found)
        assert e.actor2 == army, pairs(found)


def test_a_strike_by_a_named_force_on_quarters_keeps_its_striker():
    text = ("قصفت ميليشيا الحوثي بصاروخين مرقد عدد من الجنود بقاعدة العند الجوية في محافظة لحج اليوم، ما أدى إلى "
            "مقتل سبعة منهم.")
    found = [e for e in violent(text) if e.event_type == "Explosions/Remote violence"]
    assert [(e.actor1, e.actor2) for e in found] == [("Ansar Allah (the Houthis)", "Military Forces of Yemen")]


# --------------------------------------------------------------------------- attackers killed by the force

@pytest.mark.parametrize("text, dead", [
    ("هاجم مسلحون نقطة للشرطة في مدينة معان اليوم، وقتل المهاجمون الثلاثة في تبادل لإطلاق النار مع قوات الأمن.", 3),
    ("هاجم مسلحون حاجزا للجيش في مدينة العريش اليوم، وقتلت قوات الأمن المهاجمين الأربعة.", 4),
    ("أطلق مسلحون النار على دورية للشرطة في مدينة زليتن اليوم، فردت الدورية وقتلت مهاجمين اثنين.", 2),
    ("حاول مسلحون اقتحام مركز للشرطة في مدينة المكلا اليوم، وقتل مهاجمان وشرطي في تبادل لإطلاق النار.", 3),
    ("قتل خمسة مهاجمين اليوم في اشتباك مع الجيش اللبناني بعد هجومهم على مركز عسكري في بلدة عرسال.", 5),
])
def test_attackers_killed_by_the_force_they_attacked_are_counted(text, dead):
    found = [e for e in violent(text) if e.event_type == "Battles"]
    assert found, pairs(violent(text))
    assert found[0].fatalities == dead, pairs(found)


@pytest.mark.parametrize("text, dead", [
    ("هاجم مسلحون نقطة للشرطة في مدينة الكرك اليوم، ما أسفر عن مقتل شرطي وسائحة كندية.", 2),
    ("هاجم مسلحون حافلة تقل سياحا قرب مدينة الأقصر اليوم، ما أسفر عن مقتل سائحين اثنين.", 2),
    ("قتل سائح ألماني اليوم برصاص مسلح في مدينة الغردقة.", 1),
])
def test_tourists_are_counted_among_the_dead(text, dead):
    found = violent(text)
    assert found and found[0].fatalities == dead, pairs(found)


# --------------------------------------------------------------------------- attack, then a deadly fight

@pytest.mark.parametrize("text, force", [
    ("فتح مسلحون النار على سياح في قلعة الكرك اليوم ما أدى إلى مقتل سائحة كندية، كما قتل شرطيان والمهاجمون "
     "الثلاثة في تبادل لإطلاق النار مع قوات الأمن.", "Military Forces of Jordan"),
    ("أطلق مسلحون النار على رواد مقهى في مدينة مصراتة اليوم فقتلوا مدنيين اثنين، وقتل ثلاثة من المهاجمين "
     "وشرطي في تبادل لإطلاق النار مع الشرطة.", "Police Forces of Libya"),
    ("أطلق مسلحون النار على متسوقين في سوق ببلدة العريش اليوم وقتلوا ثلاثة مدنيين، ثم قتل مسلحان وجندي في "
     "اشتباك مع الجيش المصري.", "Military Forces of Egypt"),
    ("هاجم مسلحون سوقا في مدينة عدن اليوم فقتلوا امرأة، ثم قتل أربعة من المسلحين وجنديان في اشتباك مع "
     "قوات الأمن.", "Military Forces of Yemen"),
    ("فتح مسلحون النار على ركاب حافلة في مدينة الهرمل اليوم فقتلوا مدنيين اثنين، وقتل مسلح وجندي في تبادل "
     "لإطلاق النار مع الجيش اللبناني.", "Military Forces of Lebanon"),
])
def test_an_attack_that_ended_in_a_deadly_fight_with_the_state_is_that_clash(text, force):
    found = violent(text)
    assert [e.sub_event_type for e in found] == ["Armed clash"], pairs(found)
    e = found[0]
    assert {e.actor1, e.actor2} == {"Unidentified Armed Group", force}, pairs(found)
    assert "Civilians" in e.assoc_actor_1 + e.assoc_actor_2, pairs(found)


@pytest.mark.parametrize("text", [
    # gunmen who kill civilians and flee
    "أطلق مسلحون مجهولون النار على مدنيين في سوق بمدينة سبها اليوم فقتلوا ثلاثة منهم ولاذوا بالفرار.",
    # a brush with the police that killed no one
    "أطلق مسلحون النار على مدنيين في سوق بمدينة سبها اليوم فقتلوا أربعة منهم، ثم اشتبكوا مع الشرطة التي "
    "لاحقتهم قبل أن يفروا.",
    "قتل مسلحون مجهولون ثلاثة مزارعين في قرية قرب مدينة الجنينة اليوم، ثم انسحبوا إلى جهة مجهولة.",
])
def test_gunmen_who_kill_civilians_with_no_deadly_fight_stay_an_attack(text):
    found = violent(text)
    assert any((e.sub_event_type, e.actor2) == ("Attack", "Civilians") for e in found), pairs(found)


def test_a_checkpoint_shot_at_with_no_one_hit_stays_a_clash_with_no_dead():
    text = "أطلق مسلحون النار على حاجز للجيش اللبناني في بلدة عرسال اليوم دون أن يصاب أحد، ولاذوا بالفرار."
    found = violent(text)
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Armed clash", 0)], pairs(found)


# --------------------------------------------------------------------------- a total and its part

@pytest.mark.parametrize("text, dead", [
    ("مقتل ثلاثة أشخاص بينهم ضابط من الجيش الوطني في هجوم على بوابة أمنية في سبها\n"
     "قتل ضابط في الجيش الوطني الليبي اليوم في هجوم شنه مسلحون على بوابة أمنية في مدينة سبها.", 3),
    ("مقتل خمسة أشخاص بينهم عقيد في الشرطة بانفجار في عدن\n"
     "قتل عقيد في الشرطة اليمنية اليوم في انفجار عبوة ناسفة استهدفت سيارته في مدينة عدن.", 5),
    ("مقتل أربعة أشخاص بينهم جندي في قصف على محردة بريف حماة\n"
     "قتل جندي سوري اليوم في قصف صاروخي على بلدة محردة بريف حماة.", 4),
    ("مقتل سبعة أشخاص بينهم ضابط في الجيش العراقي بهجوم في ديالى\n"
     "قتل ضابط في الجيش العراقي اليوم في هجوم شنه مسلحون على نقطة عسكرية في قضاء المقدادية.", 7),
    ("مقتل ستة أشخاص بينهم ضابطان من قوات الدعم السريع في اشتباكات بنيالا\n"
     "قتل ضابطان من قوات الدعم السريع اليوم في اشتباكات مع مسلحين في مدينة نيالا.", 6),
])
def test_a_headline_total_holds_the_part_the_body_tells(text, dead):
    found = violent(text)
    assert found and max(e.fatalities for e in found) == dead, [(p, e.fatalities) for p, e in zip(pairs(found), found)]


@pytest.mark.parametrize("text, dead", [
    ("قتل ثلاثة أشخاص بينهم ضابط في الجيش اليمني في انفجار عبوة ناسفة بمدينة عدن اليوم.", 3),
    ("قتل خمسة أشخاص بينهم طفلان في قصف مدفعي على بلدة كفرنبل اليوم.", 5),
    # a headline that tells one of two counts of the body: the body's total
    ("مقتل جندي في هجوم على حاجز في سبها\nقتل جندي ليبي وثلاثة مدنيين اليوم في هجوم شنه مسلحون على حاجز في "
     "مدينة سبها.", 4),
])
def test_a_total_told_in_one_place_stays_the_total(text, dead):
    found = violent(text)
    assert found and max(e.fatalities for e in found) == dead, [(p, e.fatalities) for p, e in zip(pairs(found), found)]


# --------------------------------------------------------------------------- the attackers are no dead

@pytest.mark.parametrize("text, dead", [
    ("قال المتحدث باسم الجيش الليبي إن تسعة من عناصر الجيش قتلوا خلال صدهم لهجوم نفذته مجموعات مسلحة على قاعدة "
     "تمنهنت اليوم.", 9),
    ("أعلنت الشرطة السودانية أن أربعة من أفرادها قتلوا اليوم في هجوم شنته عصابة مسلحة على مركز للشرطة في مدينة "
     "نيالا.", 4),
    ("قالت مصادر أمنية إن ستة جنود يمنيين قتلوا اليوم في كمين نصبته جماعة مسلحة لدورية عسكرية في محافظة أبين.", 6),
    ("قتل ثلاثة جنود عراقيين اليوم في هجوم نفذته مجموعة مسلحة على نقطة تفتيش في قضاء الطارمية.", 3),
    ("أفاد مصدر أمني بأن شرطيين اثنين قتلا اليوم في هجوم لمجموعات مسلحة على دورية في مدينة العريش.", 2),
])
def test_an_armed_group_s_adjective_is_no_dead_fighter(text, dead):
    found = violent(text)
    assert found and found[0].fatalities == dead, [(p, e.fatalities) for p, e in zip(pairs(found), found)]


def test_a_singular_armed_man_killed_is_still_counted():
    found = violent("قتل مسلح اليوم في اشتباك مع قوات الأمن في مدينة سبها.")
    assert found and found[0].fatalities == 1, pairs(found)


@pytest.mark.parametrize("text", [
    "أعلنت وحدات حماية المرأة مصرع المقاتلة الكندية اليوم في قصف تركي على بلدة جنديرس بريف عفرين.",
    "قتلت مقاتلة كردية اليوم في قصف مدفعي تركي على قرية قرب مدينة عفرين.",
])
def test_a_woman_fighter_killed_is_still_counted(text):
    found = violent(text)
    assert found and found[0].fatalities == 1, pairs(found)
