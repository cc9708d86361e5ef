"""Tolls told more than once (issue 16, tolls 3): a restatement, a total and its parts, a toll
statement and a count over a list of places each count once; every wording is our own."""
from __future__ import annotations

from datetime import date

import pytest

import marsad
from marsad.arabic.normalise import normalise_term
from marsad.casualties import total_forms
from marsad.pipeline import analyse
from marsad.stages.tolls import breakdown_parts, toll_statement, victim_actors

SUNDAY = date(2022, 1, 23)


def deaths(text: str) -> list[int]:
    return [e.fatalities for e in marsad.extract(text, published=SUNDAY)]


def show(text: str) -> list:
    return [(e.sub_event_type, e.location, e.fatalities) for e in marsad.extract(text, published=SUNDAY)]


# --------------------------------------------------------------------------- the striker is not the victims' side

@pytest.mark.parametrize("text, dead", [
    ("أفادت مصادر محلية أن طائرات حربية شنت غارة جوية على منزل في بلدة بنش مما أدى إلى مقتل أربعة مدنيين. "
     "وبحسب المصادر فإن أربعة أشخاص قتلوا في الغارة الجوية الروسية التي استهدفت منزل عائلة في البلدة.", 4),
    ("قتل ثلاثة مدنيين في قصف مدفعي على بلدة كفرنبل. وقال ناشطون إن ثلاثة أشخاص لقوا حتفهم في القصف "
     "المدفعي لقوات النظام على البلدة.", 3),
    ("استشهد خمسة مواطنين في غارة على مخيم جباليا. وأكدت مصادر طبية أن خمسة أشخاص قتلوا في الغارة "
     "الإسرائيلية على المخيم.", 5),
])
def test_a_toll_restated_with_the_striker_named_after_the_event_word_counts_once(text, dead):
    assert deaths(text) == [dead], show(text)


def test_the_side_named_after_the_event_word_is_not_the_victims():
    a = analyse("وأكدت مصادر طبية أن خمسة أشخاص قتلوا في الغارة الإسرائيلية على مخيم جباليا.", SUNDAY,
                upto="records")
    killed = [c for c in a.casualties if c.kind == "killed"]
    assert killed and all("Military Forces of Israel" not in [x.actor for x in victim_actors(a, c)]
                          for c in killed), [(c.text, [x.actor for x in victim_actors(a, c)]) for c in killed]


# --------------------------------------------------------------------------- a total, then its parts

@pytest.mark.parametrize("text, dead", [
    ("قتل أربعة أشخاص في تفجير سيارة مفخخة في مدينة الرمادي. وقال مصدر أمني إن الانفجار أدى إلى مقتل "
     "شخصين على الفور واثنين آخرين لاحقا في المستشفى.", 4),
    ("قتل سبعة من عناصر الجيش في هجوم لمسلحين على حاجز في بلدة الطارمية. وأفاد مصدر أمني بمقتل ثلاثة "
     "جنود في الهجوم. كما أعلنت قيادة العمليات مقتل أربعة من عناصر الجيش في الهجوم ذاته.", 7),
    ("مقتل 6 مسلحين بقصف للجيش على مواقعهم في بلدة اللطامنة. وقالت مصادر إن القصف أسفر عن مقتل أربعة "
     "من عناصر الفصيل، كما قتل اثنان آخران متأثرين بجراحهما.", 6),
])
def test_a_total_told_again_by_its_parts_counts_once(text, dead):
    assert deaths(text) == [dead], show(text)


def test_counts_that_do_not_add_up_to_another_are_all_counted():
    # 2 + 3 is not 4: three strikes' dead, no total told twice
    text = ("قتل أربعة مدنيين في غارة على بلدة سرمين صباح اليوم. وقتل مدنيان آخران في غارة ثانية على البلدة "
            "ظهرا، كما قتل ثلاثة مدنيين آخرين في غارة ثالثة عليها مساء.")
    assert deaths(text) == [9], show(text)


def test_the_parts_of_a_total_are_found_by_their_sum():
    a = analyse("قتل أربعة أشخاص في تفجير سيارة مفخخة في مدينة الرمادي. وقال مصدر أمني إن الانفجار أدى إلى "
                "مقتل شخصين على الفور واثنين آخرين لاحقا في المستشفى.", SUNDAY, upto="records")
    killed = [c for c in a.casualties if c.kind == "killed"]
    parts = breakdown_parts(a, killed, lambda c: c.victim_class or "unknown")
    assert sorted(c.count for c in parts) == [2, 2], [(c.text, c.count) for c in killed]


# --------------------------------------------------------------------------- a count after a list of places

@pytest.mark.parametrize("text, dead", [
    ("انفجرت سيارتان مفخختان في الفلوجة والرمادي صباح اليوم مما أدى إلى مقتل سبعة أشخاص. ووقع تفجير "
     "الفلوجة في سوق شعبي مما أدى إلى مقتل خمسة. أما تفجير الرمادي فخلف قتيلين.", [5, 2]),
    ("سقطت قذائف على بلدتي كفرنبل وسرمين مساء اليوم ما أسفر عن مقتل ستة مدنيين. وقتل أربعة منهم في "
     "قصف كفرنبل.", [4, 0]),
    ("شنت طائرات حربية غارات على بنش وسراقب صباح اليوم مما أدى إلى مقتل تسعة مدنيين.", [0, 0]),
])
def test_a_count_after_a_list_of_places_is_no_one_place_toll(text, dead):
    assert sorted(deaths(text), reverse=True) == dead, show(text)


# --------------------------------------------------------------------------- a toll statement

def test_toll_nouns_are_data():
    forms = total_forms()
    assert tuple(normalise_term("حصيلة القتلى").split()) in forms, sorted(forms)
    assert tuple(normalise_term("عدد قتلى").split()) in forms, sorted(forms)
    assert tuple(normalise_term("قتلى").split()) not in forms


@pytest.mark.parametrize("text, dead", [
    ("قتل ثلاثة مدنيين في غارة على بلدة سرمين. وارتفعت حصيلة قتلى الغارة إلى خمسة بعد وفاة جريحين "
     "متأثرين بجراحهما.", 5),
    ("قتل جنديان في هجوم على نقطة عسكرية في بلدة الحويجة. وقال مصدر أمني إن عدد القتلى بلغ أربعة.", 4),
    ("قتل ستة مدنيين في قصف على مدينة تعز. وارتفع عدد القتلى إلى تسعة.", 9),
    ("شنت طائرة مسيرة غارة على سيارة قرب بلدة بنش صباح اليوم. وذكرت الوكالة في وقت لاحق أن عدد قتلى "
     "الاستهداف بلغ 4.", 4),
    ("انفجرت سيارة مفخخة قرب سوق مدينة الباب ظهر اليوم. وقالت مصادر طبية إن حصيلة قتلى الهجوم ارتفعت "
     "إلى ستة.", 6),
])
def test_a_toll_statement_replaces_the_counts_before_it_and_never_adds(text, dead):
    assert deaths(text) == [dead], show(text)


def test_a_toll_statement_is_told_by_a_toll_noun():
    a = analyse("قتل جنديان في هجوم على نقطة عسكرية في بلدة الحويجة. وقال مصدر أمني إن عدد القتلى بلغ أربعة.",
                SUNDAY, upto="records")
    told = {c.count: toll_statement(a, c) for c in a.casualties if c.kind == "killed"}
    assert told == {2: False, 4: True}, told


def test_a_toll_statement_after_two_events_belongs_to_neither():
    text = ("قتل مدنيان في غارة على بلدة سرمين، وقتل ثلاثة في قصف مدفعي على بلدة كفرنبل. وقال الدفاع المدني "
            "إن عدد القتلى بلغ سبعة.")
    assert sorted(deaths(text)) == [2, 3], show(text)


@pytest.mark.parametrize("text, dead", [
    ("قتل أربعة مدنيين في غارة على بلدة سرمين صباح اليوم. وقتلت غارة ثانية على البلدة أربعة مدنيين آخرين.", 8),
    ("قتل ثلاثة جنود في هجوم على حاجز في بلدة الطارمية. وقتل المسلحون ثلاثة جنود آخرين في الهجوم نفسه.", 6),
])
def test_victims_called_others_are_more_dead_not_the_same_told_again(text, dead):
    assert deaths(text) == [dead], show(text)


# --------------------------------------------------------------------------- a named dead man and his companions

def killed(text: str) -> int:
    from marsad.arabic.tokenise import make_doc
    from marsad.casualties import find_casualties
    return sum(c.count or 0 for c in find_casualties(make_doc(text)) if c.kind == "killed" and not c.subgroup)


@pytest.mark.parametrize("text, dead", [
    ("لقي خبير المتفجرات سالم العبيدي مصرعه مع 2 من مرافقيه أثناء محاولتهم التسلل إلى مواقع الجيش.", 3),
    ("قتل القيادي الميداني أبو خالد مع أربعة من مرافقيه في غارة على سيارتهم.", 5),
    ("أعلنت القوات اغتيال الضابط سامي الحمد مع اثنين من حراسه في كمين على الطريق.", 3),
    ("أكد الجيش مقتل القائد العسكري محمد صالح مع عشرات من عناصره خلال المواجهات.", 11),
])
def test_the_count_after_with_is_of_those_who_died_with_the_named_man(text, dead):
    assert killed(text) == dead


@pytest.mark.parametrize("text", [
    "قتل الجندي في اشتباك مع 5 من المسلحين قرب الحاجز.",
    "قتل القيادي مع عدد من مرافقيه في غارة.",
    "قتل الضابط مع عناصر من الجيش في المواجهات.",
])
def test_with_a_fight_or_with_no_number_adds_no_one(text):
    assert killed(text) == 1


# --------------------------------------------------------------------------- a part after the verb

@pytest.mark.parametrize("text, dead", [
    ("وقالت المصادر إن 12 شخصا قتلوا بينهم 5 أطفال في القصف على بلدة سرمين.", 12),
    ("وأكد الأطباء أن 70 مدنيا قتلوا بينهم 43 ظهرت عليهم أعراض الاختناق.", 70),
    ("وأفاد الدفاع المدني بأن تسعة أشخاص قتلوا، من بينهم ثلاث نساء، في الغارة.", 9),
    ("وذكر مصدر عسكري أن 15 جنديا قتلوا من بينهم ضابطان في الهجوم على الثكنة.", 15),
])
def test_a_part_after_the_death_verb_is_a_subgroup_of_the_count_before_it(text, dead):
    assert killed(text) == dead


@pytest.mark.parametrize("text, dead", [
    ("قتل 12 شخصا في هجوم انتحاري على مقر المفوضية في طرابلس. وقال مدير الإعلام إن أربعة حراس قتلوا في "
     "الهجوم، بيد أن وزارة الصحة أجملت لاحقا عدد القتلى 12 شخصا.", 12),
    ("قتل 8 أشخاص في تفجير سيارة مفخخة في سوق مدينة الباب. وقال مصدر طبي إن خمسة مدنيين قتلوا في الانفجار. "
     "وأكدت مديرية الصحة أن عدد القتلى بلغ ثمانية.", 8),
    ("قتل ستة جنود في كمين قرب بلدة الحويجة. وأعلنت قيادة العمليات مقتل ضابطين في الكمين. وقال مصدر عسكري "
     "إن حصيلة القتلى بلغت ستة.", 6),
])
def test_a_toll_told_after_every_other_count_is_the_whole_toll(text, dead):
    assert deaths(text) == [dead], show(text)


# --------------------------------------------------------------------------- a part told before its count

@pytest.mark.parametrize("text, dead", [
    ("قتل 12 جنديا ومدنيا إثر هجوم مسلح على حاجز أمني في مدينة المكلا وبحسب مصدر طبي فإن بين الحصيلة "
     "3 مدنيين قتلى.", 12),
    ("لقي تسعة أشخاص حتفهم في غارة جوية على سوق بلدة معرة النعمان، ومن بين القتلى أربعة أطفال قتلى.", 9),
    ("قتل 20 عنصرا ومدنيا في قصف على بلدة مورك وأفاد المرصد بأن من بين الضحايا خمسة مدنيين قتلى.", 20),
])
def test_a_count_after_among_the_dead_is_a_part_of_the_toll_before(text, dead):
    assert deaths(text) == [dead], show(text)


@pytest.mark.parametrize("text, dead", [
    ("قتل ستة من عناصر قوات سوريا الديمقراطية يوم أمس في هجمات لخلايا داعش في ريف دير الزور الشرقي. وأفادت "
     "مصادر محلية بأن هجوما على حاجز في بلدة الشحيل أسفر عن مقتل أربعة من عناصر قسد. كما أعلنت قسد مقتل "
     "اثنين من مقاتليها في معارك البادية.", 6),
    ("قتل سبعة من عناصر الجيش يوم أمس في مواجهات مع مسلحين في ريف درعا الغربي. وقالت مصادر إن اشتباكات "
     "اندلعت قرب بلدة طفس أدت إلى مقتل خمسة من عناصر الجيش، فيما قتل اثنان آخران في معارك حوض اليرموك.", 7),
])
def test_a_total_whose_parts_are_told_at_its_places_counts_once(text, dead):
    assert deaths(text) == [dead], show(text)


# --------------------------------------------------------------------------- a tally that rises past a clause of time

@pytest.mark.parametrize("text, dead", [
    ("قتل خمسة مدنيين في قصف على بلدة كفرنبل أمس. وقال الدفاع المدني إن عدد القتلى ارتفع بعد وفاة طفل "
     "متأثرا بجراحه إلى ستة قتلى.", 6),
    ("قتل ثمانية أشخاص في تفجير سيارة مفخخة في مدينة الباب. وارتفعت الحصيلة صباح اليوم بعد وفاة امرأة في "
     "المستشفى إلى تسعة قتلى.", 9),
    ("قتل ثلاثة جنود في هجوم على حاجز في بلدة الطارمية. وقال مصدر أمني إن عدد القتلى ارتفع بعد وفاة جندي "
     "جريح إلى أربعة قتلى.", 4),
])
def test_a_tally_that_rises_after_a_new_death_is_the_new_total(text, dead):
    assert deaths(text) == [dead], show(text)


# --------------------------------------------------------------------------- an arrest kills no one

@pytest.mark.parametrize("text", [
    "أعلنت الشرطة اليوم اعتقال رجل يشتبه في مقتل شرطي طعنا في مدينة الزرقاء.",
    "الداخلية تكشف تفاصيل مقتل عنصر أمن في مدينة الموصل وتعلن اعتقال الجاني اليوم.",
    "اعتقلت قوات الأمن اليوم في بلدة الحويجة رجلين متهمين بقتل ثلاثة مدنيين.",
    "أعلنت الشرطة اعتقال منفذ عملية اغتيال الضابط في مدينة الرمادي اليوم.",
])
def test_the_dead_told_with_an_arrest_are_the_crime_it_answers_not_its_toll(text):
    found = marsad.extract(text, published=SUNDAY)
    arrests = [e for e in found if e.sub_event_type == "Arrests"]
    assert arrests and all(e.fatalities == 0 for e in arrests), show(text)
