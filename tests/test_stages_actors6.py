"""Sides told by reference (roles stage, roles_refer.py), each class run on plain strings of our own
wording: the force a victims' pronoun refers to ("بمقتل أحد قادتها"، "أما X فقتل منه")، a fight
between the parts of one group ("اشتباكات بين قيادات X": X on both sides), the doer a relative
clause names ("العملية التي نفذها تنظيم X"); with close wordings where the old sides must stay."""
from __future__ import annotations

import pytest

from test_stages_roles5 import events, pairs

HOUTHIS = "Ansar Allah (the Houthis)"


def _of_type(found, etype):
    return [e for e in found if e.event_type == etype]


# --------------------------------------------------------------------------- the victims' pronoun

@pytest.mark.parametrize("text, striker, victim", [
    ("أقرت حركة الشباب اليوم بمقتل اثنين من قادتها في غارة جوية أمريكية استهدفت بلدة جلب.",
     "Military Forces of the United States", "Al Shabaab"),
    ("أعلنت هيئة تحرير الشام اليوم مقتل أحد قادتها العسكريين مع ثلاثة من مرافقيه بغارة روسية على بلدة سرمين.",
     "Military Forces of Russia", "Hayat Tahrir al-Sham"),
    ("اعترف تنظيم داعش بمقتل خمسة من عناصره في قصف مدفعي للجيش العراقي على جزيرة الخالدية اليوم.",
     "Military Forces of Iraq", "Islamic State"),
    ("أكدت قوات سوريا الديمقراطية مقتل ثلاثة من مقاتليها في هجوم بطائرة مسيرة تركية على قرية قرب عين عيسى اليوم.",
     "Military Forces of Turkey", "Syrian Democratic Forces"),
    ("اعترفت ميليشيا الحوثي اليوم بمقتل عدد من قيادييها بغارات لطيران التحالف على مديرية حرض.",
     "Military Forces of Saudi Arabia", HOUTHIS),
    ("نعت جماعة الحوثي أمس أحد قادتها الميدانيين الذي قتل مع اثنين من حراسه بغارة جوية للتحالف في مديرية "
     "باقم.", "Military Forces of Saudi Arabia", HOUTHIS),
    # a kinsman's earlier death told after it is no civilian victim of this strike
    ("أقرت هيئة تحرير الشام اليوم بمقتل أحد قادتها مع عدد من مرافقيه بغارة روسية على بلدة سرمين. ويأتي "
     "مقتله بعد شهر من مقتل شقيقه بغارة مماثلة في المنطقة.", "Military Forces of Russia", "Hayat Tahrir al-Sham"),
    ("اعترفت حركة الشباب بمقتل أحد قادتها بغارة أمريكية على بلدة جلب الجمعة. ويأتي مقتله بعد أقل من شهر على "
     "مقتل شقيقه بغارة مماثلة استهدفته في المنطقة.", "Military Forces of the United States", "Al Shabaab"),
])
def test_men_told_by_a_pronoun_are_the_force_it_refers_to_never_civilians(text, striker, victim):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found, "no strike"
    for e in found:
        assert e.actor2 == victim, pairs(found)
        assert e.actor1 == striker, pairs(found)


@pytest.mark.parametrize("text, striker, victim", [
    ("تكبدت القوات الحكومية خسائر في المعارك. أما حركة الشباب فقتل منها 12 مسلحا في الغارات الأمريكية "
     "على بلدة جلب أمس.", "Military Forces of the United States", "Al Shabaab"),
    ("أما تنظيم داعش فقد قتل منه 15 عنصرا في غارات التحالف الدولي على بلدة الباغوز اليوم.",
     "Global Coalition against Daesh", "Islamic State"),
    ("أما هيئة تحرير الشام فقتل منها تسعة مقاتلين بالغارات الروسية على بلدة كفرنبل اليوم.",
     "Military Forces of Russia", "Hayat Tahrir al-Sham"),
    # the sides told by بين before: the side that lost men is not the striker
    ("اندلعت مواجهات بين تنظيم داعش وقوات سوريا الديمقراطية قرب بلدة هجين اليوم. أما التنظيم فقتل منه 40 "
     "مسلحا في الغارات الجوية التي يشنها التحالف الدولي.", "Global Coalition against Daesh", "Islamic State"),
    ("أما ميليشيا الحوثي فقتل منها 20 عنصرا في غارات التحالف على مديرية الدريهمي اليوم.",
     "Military Forces of Saudi Arabia", HOUTHIS),
])
def test_a_topic_whose_men_were_killed_is_the_victim_not_the_striker(text, striker, victim):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found, "no strike"
    for e in found:
        assert (e.actor1, e.actor2) == (striker, victim), pairs(found)


@pytest.mark.parametrize("text, victim", [
    # no pronoun: a feminine ending ("قيادية") is no "its"
    ("قتل ثلاثة مدنيين بينهم شخصية قيادية في انفجار عبوة ناسفة في مدينة الباب اليوم.", "Civilians"),
    # the killers before the partitive are not the force it refers to
    ("هاجم عناصر من تنظيم داعش حاجزا للجيش العراقي في قضاء الطارمية اليوم، وقتلت القوات الأمنية أربعة منهم.",
     None),
    # the victims named by their own name, as before
    ("قتل خمسة من عناصر تنظيم داعش بغارة للتحالف الدولي على بلدة الباغوز اليوم.", "Islamic State"),
    ("قتل أربعة مدنيين بغارة روسية على بلدة سرمين اليوم.", "Civilians"),
])
def test_victims_without_a_pronoun_of_a_force_keep_their_sides(text, victim):
    found = events(text)
    assert found, "no event"
    if victim is not None:
        assert any(e.actor2 == victim for e in found), pairs(found)
    else:
        # "قتلت القوات الأمنية أربعة منهم": the army's men are not the dead
        assert all(not (e.actor2 == "Military Forces of Iraq" and e.actor1 == "Islamic State" and e.fatalities == 4)
                   or e.event_type == "Battles" for e in found), pairs(found)


# --------------------------------------------------------------------------- one group's parts fighting

@pytest.mark.parametrize("text, group", [
    ("اندلعت اشتباكات عنيفة بين فصيلين من الجيش الوطني السوري في مدينة عفرين اليوم، ما أدى إلى مقتل ثلاثة "
     "مسلحين.", "Syrian National Army"),
    ("قتل خمسة أشخاص في اشتباكات بين قيادات هيئة تحرير الشام في بلدة سرمدا أمس.", "Hayat Tahrir al-Sham"),
    ("وقعت مواجهات مسلحة بين أجنحة حركة الشباب في بلدة بارديري اليوم أسفرت عن مقتل أربعة مسلحين.", "Al Shabaab"),
    ("دارت اشتباكات بين عناصر ميليشيا الحوثي في مدينة ذمار اليوم، وقتل فيها اثنان.", HOUTHIS),
    ("شهدت مدينة الرقة اليوم اشتباكات بين فصائل قوات سوريا الديمقراطية، قتل فيها ثلاثة.",
     "Syrian Democratic Forces"),
])
def test_a_fight_between_the_parts_of_one_group_has_it_on_both_sides(text, group):
    found = _of_type(events(text), "Battles")
    assert found, "no clash"
    for e in found:
        assert (e.actor1, e.actor2) == (group, group), pairs(found)


@pytest.mark.parametrize("text, sides", [
    ("اندلعت اشتباكات بين عناصر تنظيم داعش وقوات الجيش العراقي في قضاء الحويجة اليوم، قتل فيها ثلاثة جنود.",
     {"Islamic State", "Military Forces of Iraq"}),
    ("دارت اشتباكات بين قوات الجيش اليمني وميليشيا الحوثي في مديرية صرواح اليوم.",
     {"Military Forces of Yemen", HOUTHIS}),
    ("اندلعت اشتباكات بين قيادات هيئة تحرير الشام وفصائل الجيش الوطني السوري في بلدة دارة عزة اليوم.",
     {"Hayat Tahrir al-Sham", "Syrian National Army"}),
])
def test_a_fight_between_two_named_sides_keeps_both(text, sides):
    found = _of_type(events(text), "Battles")
    assert found, "no clash"
    for e in found:
        assert {e.actor1, e.actor2} == sides, pairs(found)


# --------------------------------------------------------------------------- the doer in a relative clause

@pytest.mark.parametrize("text, doer", [
    ("قتل ستة مدنيين في الهجوم الذي شنته حركة الشباب بسيارة مفخخة على فندق في مقديشو اليوم.", "Al Shabaab"),
    ("فقد مواطن أسرته في العملية التي نفذها تنظيم القاعدة على نقطة عسكرية في مدينة المكلا مساء الخميس. "
     "ووقع الهجوم بسيارة مفخخة يقودها انتحاري.", "Al-Qaeda in the Arabian Peninsula"),
    ("ارتفعت حصيلة التفجير الانتحاري الذي نفذه تنظيم داعش في مدينة الرمادي أمس إلى عشرة قتلى.",
     "Islamic State"),
    ("قتل أربعة جنود في التفجير الذي نفذته هيئة تحرير الشام بعبوة ناسفة على طريق قرب بلدة سراقب اليوم.",
     "Hayat Tahrir al-Sham"),
    ("وصل عدد ضحايا التفجير الانتحاري الذي ارتكبه تنظيم داعش في سوق بمدينة الصدر أمس إلى 12 قتيلا.",
     "Islamic State"),
])
def test_the_doer_a_relative_clause_names_is_the_attacker(text, doer):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found, "no explosion"
    for e in found:
        assert e.actor1 == doer, pairs(found)


@pytest.mark.parametrize("text", [
    # no doer after the verb: the bomber stays unknown
    "قتل ثلاثة مدنيين في التفجير الذي نفذ بسيارة مفخخة في مدينة الباب اليوم.",
    "قتل خمسة أشخاص بانفجار عبوة ناسفة في سوق بمدينة الرمادي اليوم.",
])
def test_an_explosion_with_no_doer_named_keeps_an_unidentified_bomber(text):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found, "no explosion"
    for e in found:
        assert e.actor1 == "Unidentified Armed Group", pairs(found)


# --------------------------------------------------------------------------- a civil office killed

@pytest.mark.parametrize("text", [
    "اغتيل في مدينة طرابلس أمس النائب السابق في البرلمان بتفجير عبوة ناسفة زرعت في سيارته. واتهم حزب سياسي "
    "قوات الجيش السوري بالوقوف وراء العملية.",
    "اغتيل اليوم الصحفي عمر الحسن بانفجار عبوة ناسفة في سيارته بمدينة الموصل، ووجهت عائلته أصابع الاتهام إلى "
    "الحشد الشعبي.",
    "قتل الوزير السابق في الحكومة اليمنية بتفجير سيارة مفخخة في مدينة عدن أمس. واتهمت الحكومة ميليشيا الحوثي "
    "بتدبير الاغتيال.",
    "أعلنت الشرطة اغتيال القاضي سعيد الخالدي بعبوة لاصقة في مدينة البصرة اليوم. ويتهم ناشطون فصائل مسلحة "
    "موالية لإيران بتنفيذ عمليات الاغتيال.",
    "اغتيل عضو البرلمان علي الكردي بتفجير عبوة ناسفة استهدفت سيارته في مدينة بعقوبة اليوم.",
])
def test_a_politician_judge_or_journalist_killed_is_a_civilian_not_a_force_accused_or_reporting(text):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found, "no explosion"
    for e in found:
        assert e.actor2 == "Civilians", pairs(found)


def test_a_commander_killed_stays_his_force():
    found = _of_type(events("اغتيل قائد في الحشد الشعبي بانفجار عبوة ناسفة في مدينة بعقوبة اليوم."),
                     "Explosions/Remote violence")
    assert found and all(e.actor2 == "Popular Mobilization Forces" for e in found), pairs(found)


# --------------------------------------------------------------------------- what may come

@pytest.mark.parametrize("text", [
    "إن اغتيال الوزير يرفع مستوى التوتر في البلاد، مما يمكن أن يجر إلى اشتباك مباشر بين حزب الله والجيش اللبناني.",
    "وصل التوتر في مدينة درعا إلى حد يمكن أن يقود إلى مواجهات بين قوات النظام والفصائل المسلحة.",
    "يرى محللون أن استمرار الحشد في محيط مدينة سرت من شأنه أن يفضي إلى معارك بين قوات حفتر وقوات الوفاق.",
    "يمكن أن تندلع اشتباكات بين الحشد الشعبي وقوات البيشمركة في قضاء سنجار إذا استمر الخلاف.",
    "التصعيد الأخير في ريف إدلب يمكن أن يؤدي إلى قصف روسي واسع على المدينة.",
])
def test_a_fight_that_may_come_is_no_event(text):
    assert not events(text), pairs(events(text))


# --------------------------------------------------------------------------- the seat of an armed party hit

@pytest.mark.parametrize("text, striker, owner", [
    ("لقي 12 شخصا مصرعهم في قصف صاروخي استهدف مقر الحزب الديمقراطي الكردستاني الإيراني في مدينة كويه اليوم.",
     "Unidentified Armed Group", "KDPI: Kurdistan Democratic Party of Iran"),
    ("قصف الحرس الثوري الإيراني بالصواريخ مقرات حزب الحياة الحرة الكردستاني في جبال قنديل اليوم.",
     "Military Forces of Iran", "PJAK: Party of Free Life of Kurdistan"),
    ("قتل خمسة أشخاص في قصف مدفعي إيراني استهدف مقرا لحزب كومله قرب مدينة السليمانية أمس.",
     "Military Forces of Iran", "Komala"),
    ("استهدفت طائرة مسيرة إيرانية مواقع الحزب الديمقراطي الكردستاني الإيراني في قضاء كويسنجق اليوم وقتلت ثلاثة.",
     "Military Forces of Iran", "KDPI: Kurdistan Democratic Party of Iran"),
    # "وجرح عشرة آخرون": others wounded are no civilians named beside the dead
    ("قتل ثلاثة أشخاص وجرح عشرة آخرون في قصف تركي استهدف مقرا لحزب العمال الكردستاني في قضاء سنجار اليوم.",
     "Military Forces of Turkey", "Kurdistan Workers' Party"),
    ("قتل ثلاثة أشخاص وأصيب سبعة آخرون بغارة لطائرة مسيرة تركية على مقر لقوات سوريا الديمقراطية في بلدة عين "
     "عيسى اليوم.", "Military Forces of Turkey", "Syrian Democratic Forces"),
])
def test_people_killed_at_an_armed_party_s_seat_are_its_men_and_it_is_no_striker(text, striker, owner):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found, "no strike"
    for e in found:
        assert (e.actor1, e.actor2) == (striker, owner), pairs(found)


@pytest.mark.parametrize("text", [
    # civilians named beside the dead stay civilians
    "قتل ثلاثة أشخاص بينهم طفلان في قصف تركي استهدف مقرا لحزب العمال الكردستاني في قضاء سنجار اليوم.",
    "قتل أربعة مدنيين وجرح عشرة آخرون في قصف إيراني على قرية قرب مدينة كويه اليوم.",
])
def test_civilians_named_at_a_seat_or_a_village_stay_civilians(text):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found, "no strike"
    assert any(e.actor2 == "Civilians" or "Civilians" in e.assoc_actor_2 for e in found), pairs(found)


# --------------------------------------------------------------------------- a strike on a page of several stories

RUSSIA_SPEAKS = ("قالت المتحدثة باسم الخارجية الروسية إن القوات الجوية الروسية قتلت الإرهابيين في سوريا وستواصل "
                 "ذلك.\nوأضافت أن موسكو لن تسمح بعودة الإرهاب.\n")
IDLIB_STRIKE = ("قال الدفاع المدني في محافظة إدلب إن امرأة قتلت وأصيب أربعة أشخاص في غارات جوية استهدفت بلدة "
                "أريحا اليوم.")


@pytest.mark.parametrize("text", [
    RUSSIA_SPEAKS + " \nأعلن مسؤول في مجلس السلام العالمي أن منظمته ستعقد مؤتمرها السنوي الشهر المقبل.\n" + IDLIB_STRIKE,
    "صرح المتحدث باسم القيادة الأمريكية في أفريقيا بأن الطائرات الأمريكية نفذت عشرات المهام هذا العام.\nوأكد أن "
    "واشنطن ملتزمة بدعم الحكومة الصومالية.\n\nأفاد سكان في إقليم شبيلي السفلى بأن ثلاثة مدنيين قتلوا في غارة "
    "جوية على قرية قرب مدينة مركة اليوم.",
    "أكد المتحدث باسم الجيش الإسرائيلي أن سلاح الجو الإسرائيلي في حالة تأهب على الجبهة الشمالية.\nوأضاف أن "
    "إسرائيل لن تسمح بتموضع إيران في سوريا.\n\nقال المرصد السوري لحقوق الإنسان إن مدنيين اثنين قتلا بغارات جوية "
    "على بلدة في ريف دير الزور اليوم.",
    "قال المتحدث باسم تحالف دعم الشرعية إن طيران التحالف يحترم قواعد القانون الدولي الإنساني.\nوأضاف أن "
    "التحالف يتخذ كل الاحتياطات لحماية المدنيين.\n\nأفادت مصادر طبية بأن خمسة مدنيين قتلوا بغارة جوية على سوق "
    "في مديرية حيدان اليوم.",
    RUSSIA_SPEAKS + "\n" + IDLIB_STRIKE,
])
def test_a_strike_told_in_a_story_of_its_own_takes_no_striker_from_another_story(text):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found, "no strike"
    for e in found:
        assert e.actor1 == "Unidentified Armed Group", pairs(found)


@pytest.mark.parametrize("text", [
    # one story: no blank line, or a blank line before a paragraph that carries the story on (و)
    RUSSIA_SPEAKS + IDLIB_STRIKE,
    RUSSIA_SPEAKS + "\nوقال الدفاع المدني في محافظة إدلب إن امرأة قتلت وأصيب أربعة أشخاص في غارات جوية استهدفت "
    "بلدة أريحا اليوم.",
])
def test_a_strike_in_the_speaker_s_own_story_keeps_the_article_s_air_force(text):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found, "no strike"
    for e in found:
        assert e.actor1 == "Military Forces of Russia", pairs(found)


# --------------------------------------------------------------------------- a battle its sentence names no side of

@pytest.mark.parametrize("text, sides", [
    ("تواصل قوات النظام السوري هجومها على مواقع فصائل المعارضة في ريف إدلب الجنوبي منذ أسبوعين. واحتدمت المعارك "
     "البرية في محيط بلدة كفرنبل اليوم.", {"Military Forces of Syria", "Opposition Rebels"}),
    ("أطلق الجيش العراقي عملية عسكرية لطرد تنظيم داعش من قضاء القائم. ودارت معارك عنيفة قرب بلدة الكرابلة اليوم.",
     {"Military Forces of Iraq", "Islamic State"}),
    ("يشن الجيش الصومالي حملة على معاقل حركة الشباب في إقليم شبيلي الوسطى. واندلعت مواجهات عنيفة في محيط مدينة "
     "جوهر أمس.", {"Military Forces of Somalia", "Al Shabaab"}),
    ("بدأت القوات الحكومية الليبية هجوما على مواقع تنظيم داعش في مدينة سرت الشهر الماضي. واشتدت المعارك في "
     "الأحياء الشرقية لمدينة سرت اليوم.", {"Military Forces of Libya", "Islamic State"}),
    ("تخوض قوات الجيش اللبناني معارك ضد مسلحي تنظيم داعش في جرود رأس بعلبك منذ أيام. واشتدت المواجهات في محيط "
     "بلدة القاع اليوم.", {"Military Forces of Lebanon", "Islamic State"}),
])
def test_a_battle_its_sentence_names_no_side_of_is_between_the_article_s_sides(text, sides):
    found = _of_type(events(text), "Battles")
    assert found, "no battle"
    for e in found:
        assert {e.actor1, e.actor2} == sides, pairs(found)


def test_a_battle_that_names_one_side_keeps_the_attacker_the_text_gives():
    found = _of_type(events("هاجم مسلحون مجهولون حاجزا للجيش العراقي قرب بلدة الكرابلة. ودارت معارك عنيفة قرب "
                            "البلدة اليوم."), "Battles")
    assert found and all((e.actor1, e.actor2) == ("Unidentified Armed Group", "Military Forces of Iraq")
                         for e in found), pairs(found)


# --------------------------------------------------------------------------- the doer of a later act

@pytest.mark.parametrize("text", [
    "انفجرت عبوة ناسفة بسفينة تجارية قرب ميناء المخا اليوم، وذكرت مصادر أن قوات التحالف فتشت السفينة بعد الانفجار.",
    "انفجرت عبوة ناسفة في سوق شعبي بمدينة الباب اليوم، ونقلت قوات الجيش الوطني السوري الجرحى إلى المستشفى.",
    "انفجرت عبوة ناسفة في سوق بمدينة الفلوجة اليوم، ونقلت قوات الأمن العراقية الجرحى إلى مستشفى المدينة.",
    "انفجر لغم أرضي بحافلة ركاب قرب بلدة تل تمر اليوم، وانتشلت قوات سوريا الديمقراطية جثث الضحايا.",
    "انفجرت عبوة ناسفة بسيارة مدنية في مدينة الرمادي اليوم، وفككت قوات الجيش العراقي عبوة ثانية في المكان.",
])
def test_a_force_that_searches_carries_or_rescues_after_a_blast_is_not_its_target(text):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found, "no explosion"
    for e in found:
        assert e.actor2 == "Civilians", pairs(found)


@pytest.mark.parametrize("text, target", [
    ("انفجرت عبوة ناسفة بدورية لقوات الجيش العراقي في مدينة الرمادي اليوم.", "Military Forces of Iraq"),
    ("انفجرت عبوة ناسفة قرب تجمع لقوات الجيش الوطني السوري في مدينة الباب اليوم.", "Syrian National Army"),
])
def test_a_force_whose_patrol_or_gathering_was_hit_stays_the_target(text, target):
    found = _of_type(events(text), "Explosions/Remote violence")
    assert found and all(e.actor2 == target for e in found), pairs(found)


# --------------------------------------------------------------------------- controls found on unread news

def test_the_ground_force_a_relative_clause_names_is_no_air_striker():
    text = ("سقط عشرات القتلى من الحوثيين إثر الهجمات التي شنتها القوات المشتركة في محيط مطار الحديدة، مع غارات "
            "مكثفة لمقاتلات التحالف على مواقع المتمردين اليوم.")
    found = [e for e in events(text) if e.sub_event_type == "Air/drone strike"]
    assert all(e.actor1 != "West Coast Joint Forces" for e in found), pairs(found)


def test_a_speaker_s_website_is_no_post_of_the_force_named_after_it():
    text = ("أعلنت المنظمة في بيان نشرته على موقعها، أن قوات الأمن المصرية قتلت ثلاثة متظاهرين في مدينة الإسكندرية "
            "اليوم.")
    found = events(text)
    assert found and all(e.actor1 == "Military Forces of Egypt" or e.actor1 == "Police Forces of Egypt"
                         for e in found if e.event_type != "Protests"), pairs(found)
