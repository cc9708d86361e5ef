"""Tolls, fifth pass (issue 16 item 5): a toll distributed over places, a total told after its
part, a toll split by means, a toll told before its event under a synonym, the attacker's own
figure, singular death nouns. Every wording is our own; none is an article's sentence."""
from __future__ import annotations

from datetime import date

import pytest

import marsad
from marsad.pipeline import analyse

SUNDAY = date(2022, 1, 23)


def distributions(a):
    from marsad.stages.tolls_places import distributions as found  # imported here: absent before tolls 5
    return found(a)


def tolls(text: str) -> dict[str, int]:
    return {e.location: e.fatalities for e in marsad.extract(text, published=SUNDAY)}


def show(text: str) -> list:
    return [(e.sub_event_type, e.location, e.fatalities) for e in marsad.extract(text, published=SUNDAY)]


# --------------------------------------------------------------------------- a toll distributed over places

@pytest.mark.parametrize("text, expected", [
    # the parts after the total, with منهم and a dual noun
    ("قتل خمسة مدنيين في قصف مدفعي لقوات النظام على ريف إدلب اليوم، ثلاثة منهم في بلدة سرمين "
     "ومدنيان في بلدة بنش.", {"Sarmin": 3, "Binnish": 2}),
    # after a colon, with قتلى as the noun, in a clause with no event word of its own
    ("سقط ستة قتلى بغارات جوية على ريف حماة الشمالي صباح اليوم: أربعة في كفرزيتا واثنان في "
     "اللطامنة.", {"Kafr Zita": 4, "Al-Lataminah": 2}),
    # بينهم before the parts, digits, the total's verb after its count
    ("قالت مصادر طبية إن 7 أشخاص استشهدوا جراء قصف صاروخي على ريف حلب الغربي، بينهم 5 في الأتارب "
     "و2 في دارة عزة.", {"Al-Atarib": 5, "Darat Izza": 2}),
    # a singular person noun counts one
    ("لقي ثلاثة مواطنين حتفهم بغارات على ريف درعا الغربي، اثنان منهم في مدينة نوى وطفل في بلدة "
     "طفس.", {"Nawa": 2, "Tafas": 1}),
    # one of a pair: أحدهما ... والثاني
    ("قتل عنصران من الشرطة برصاص مسلحين مجهولين في محافظة ديالى، أحدهما في بعقوبة والثاني في "
     "المقدادية.", {"Baquba": 1, "Muqdadiyah": 1}),
])
def test_each_place_takes_its_part_and_the_total_goes_to_none(text, expected):
    got = tolls(text)
    assert {k: got.get(k) for k in expected} == expected, show(text)
    # the area the total was told at (the countryside) is no event with the whole toll
    assert sum(got.values()) == sum(expected.values()), show(text)


def test_a_part_at_a_village_no_gazetteer_knows_still_counts_in_the_run():
    # the unknown village takes no event here, but its part keeps the run of parts whole
    text = ("استشهد خمسة مدنيين بقصف مدفعي على ريف إدلب الجنوبي، ثلاثة منهم في كفرنبل واثنان في قرية "
            "تل النمر الصغير.")
    a = analyse(text, SUNDAY, upto="records")
    assert [[p.count for p in d.parts] for d in distributions(a)] == [[3, 2]]
    assert tolls(text).get("Kafranbel") == 3, show(text)


@pytest.mark.parametrize("text", [
    # a single place: the count is that place's, no distribution
    "قتل ثلاثة مدنيين في قصف على بلدة سرمين في ريف إدلب اليوم.",
    # the wounded spread over places: no death toll to distribute
    "قتل مدني وأصيب خمسة آخرون في قصف على ريف إدلب، ثلاثة منهم في سرمين واثنان في بنش.",
])
def test_no_distribution_without_two_parts_of_a_death_toll(text):
    a = analyse(text, SUNDAY, upto="records")
    assert distributions(a) == [], [(p.count, p.place and p.place.text) for d in distributions(a) for p in d.parts]


def test_parts_larger_than_the_total_are_no_distribution():
    # 4 + 3 is more than the 5 told: these counts are not the total's parts
    a = analyse("قتل خمسة أشخاص في غارة على ريف حماة، فيما نزح 4 في كفرزيتا و3 في اللطامنة.", SUNDAY,
                upto="records")
    assert distributions(a) == []


# --------------------------------------------------------------------------- a total told after its part

@pytest.mark.parametrize("text, dead", [
    # the subgroup names the earlier count again (a definite dual)
    ("قتل جنديان وأصيب ثلاثة آخرون بانفجار عبوة ناسفة استهدفت دورية للجيش في قضاء الطارمية. وأفاد مصدر "
     "أمني بأن التفجير أدى إلى مقتل أربعة أشخاص بينهم الجنديان.", 4),
    ("قتل شرطيان في هجوم مسلح على نقطة تفتيش في مدينة بعقوبة. وذكرت الشرطة أن الهجوم أسفر عن مقتل ستة "
     "أشخاص من بينهم الشرطيان.", 6),
    ("قتل مدنيان في غارة إسرائيلية على سيارة في بلدة بنت جبيل. وذكرت مصادر أن الغارة أسفرت عن مقتل خمسة "
     "أشخاص من بينهم المدنيان.", 5),
    # the earlier count and the subgroup make the total: two commanders + two children = 4
    ("قتل قياديان اثنان من قسد بغارة طائرة مسيرة تركية على سيارة في مدينة عامودا. وقال مصدر إن طائرة "
     "مسيرة استهدفت سيارة للقوات ما أدى إلى مقتل 4 أشخاص بينهم طفلان.", 4),
])
def test_a_later_total_with_a_subgroup_holds_the_earlier_count(text, dead):
    assert [e.fatalities for e in marsad.extract(text, published=SUNDAY)] == [dead], show(text)


def test_a_count_of_another_strike_with_a_subgroup_still_adds():
    text = ("قتل ثلاثة مدنيين في غارة على بلدة سرمين صباحا. وقتل خمسة أشخاص بينهم ثلاثة أطفال في غارة أخرى "
            "على البلدة مساء.")
    assert [e.fatalities for e in marsad.extract(text, published=SUNDAY)] == [8], show(text)


# --------------------------------------------------------------------------- a toll told again with no place

@pytest.mark.parametrize("text, place, dead", [
    # a universal after the count (كلتاهما، جميعهم) is no subgroup: the whole count stands
    ("في مدينة الحديدة قصفت ميليشيا الحوثي بقذائف الهاون منازل المواطنين في مديرية حيس اليوم. وقال مصدر "
     "محلي إن قصفا بقذائف الهاون أسفر عن مقتل امرأتين كلتاهما من أسرة واحدة.", "Hays", 2),
    ("وفي محافظة إدلب شنت طائرات حربية غارات على مدينة أريحا صباح اليوم. وأفاد الدفاع المدني بأن الغارات "
     "أدت إلى مقتل أربعة مدنيين جميعهم من عائلة واحدة.", "Ariha", 4),
])
def test_a_count_told_with_the_event_words_but_no_place_is_the_event_told_before(text, place, dead):
    assert tolls(text).get(place) == dead, show(text)


# --------------------------------------------------------------------------- a toll split by means

def by_type(text: str) -> dict[str, int]:
    return {e.sub_event_type: e.fatalities for e in marsad.extract(text, published=SUNDAY)}


@pytest.mark.parametrize("text, expected", [
    ("قتل سبعة جنود في تفجير واشتباكات في بلدة الطارمية اليوم. وقال مصدر إن ثلاثة جنود قتلوا خلال الانفجار "
     "بينما قتل أربعة آخرون في الاشتباك مع المهاجمين.",
     {"Remote explosive/landmine/IED": 3, "Armed clash": 4}),
    ("قتل ستة من عناصر الشرطة بانفجار عبوة ناسفة وهجوم مسلح على حاجز في مدينة بعقوبة صباح اليوم. وأوضح مصدر "
     "أمني أن شرطيين اثنين قتلا جراء انفجار العبوة، فيما قتل أربعة آخرون في الاشتباك مع المسلحين.",
     {"Remote explosive/landmine/IED": 2, "Armed clash": 4}),
    ("لقي خمسة مقاتلين مصرعهم في هجوم على موقع في بلدة اللطامنة اليوم. وقالت الفصائل إن مقاتلا قتل بانفجار "
     "لغم أرضي بينما قتل أربعة آخرون في الاشتباكات مع القوات المهاجمة.",
     {"Remote explosive/landmine/IED": 1, "Armed clash": 4}),
])
def test_each_means_takes_the_count_its_clause_names_and_the_total_goes_to_neither(text, expected):
    assert by_type(text) == expected, show(text)


@pytest.mark.parametrize("text", [
    "لقي 13 عنصراً من تنظيم داعش مصرعهم بمواجهات مع الجيش وغارات للتحالف في ريف دير الزور اليوم.",
    "قتل تسعة مسلحين في اشتباكات مع القوات الحكومية وقصف مدفعي في محيط مدينة الضالع اليوم.",
])
def test_a_toll_told_over_two_means_at_once_is_no_one_event_toll(text):
    assert all(d == 0 for d in tolls(text).values()), show(text)


def test_a_strike_under_cover_of_shelling_keeps_its_toll():
    # تحت غطاء names the means of one attack, not a second event
    text = "قتل خمسة جنود في هجوم لمسلحين تحت غطاء من القصف المدفعي على حاجز في بلدة الطارمية اليوم."
    assert sum(tolls(text).values()) == 5, show(text)


# --------------------------------------------------------------------------- a toll told before its event, by a synonym

@pytest.mark.parametrize("text, place, dead", [
    ("قال مسعفون إن 15 من مقاتلي الفصائل قتلوا جراء ضربات الطيران الروسي. وأكد ناشطون أن الطائرات شنت 12 غارة "
     "جوية على مواقع في محيط بلدة كفرنبل يوم الأربعاء.", "Kafranbel", 15),
    ("وأفادت مصادر محلية بأن تسعة مدنيين لقوا حتفهم بضربات للتحالف. وكانت مقاتلات التحالف قد شنت غارات جوية "
     "على حي سكني في مدينة صعدة أمس.", "Sa'dah", 9),
    ("قتل ستة عناصر من الشرطة جراء ضربة نفذتها طائرة. وقال مصدر إن غارة جوية استهدفت مقرا للشرطة في مدينة "
     "سرت صباح اليوم.", "Sirte", 6),
])
def test_a_toll_caused_by_strikes_goes_to_the_strike_told_next(text, place, dead):
    assert tolls(text).get(place) == dead, show(text)


def test_a_toll_caused_by_strikes_is_not_the_next_sentence_clash():
    text = ("قال مسعفون إن 15 من مقاتلي الفصائل قتلوا جراء ضربات الطيران الروسي. واندلعت اشتباكات عنيفة في محيط "
            "بلدة كفرنبل يوم الأربعاء.")
    assert all(d == 0 for d in tolls(text).values()), show(text)


# --------------------------------------------------------------------------- the attacker's own toll

@pytest.mark.parametrize("text, dead", [
    ("قتل ستة مدنيين في هجوم لمسلحين على قرية في قضاء الطارمية أمس بحسب مصدر أمني. وجاء في بيان لتنظيم داعش "
     "أن 30 شخصا قتلوا في الهجوم.", 6),
    ("قتل ثلاثة جنود بقصف صاروخي على موقع عسكري في مدينة مأرب اليوم. وقالت جماعة الحوثي في بيان إن 40 جنديا "
     "قتلوا في القصف.", 3),
    ("قتل خمسة عناصر من قوات النظام في هجوم على نقطة عسكرية في بلدة اللطامنة اليوم. وقالت هيئة تحرير الشام في "
     "بيان إن مقاتليها قتلوا 20 عنصرا في الهجوم.", 5),
])
def test_an_armed_group_statement_figure_is_set_aside_beside_another_source(text, dead):
    assert [e.fatalities for e in marsad.extract(text, published=SUNDAY)] == [dead], show(text)


def test_an_armed_group_statement_figure_stands_when_it_is_the_only_toll():
    text = ("هاجم مسلحون نقطة عسكرية في بلدة اللطامنة اليوم. وقالت هيئة تحرير الشام في بيان إن مقاتليها قتلوا 20 "
            "عنصرا في الهجوم.")
    assert [e.fatalities for e in marsad.extract(text, published=SUNDAY)] == [20], show(text)


def test_a_ministry_run_by_a_group_is_no_attacker_claiming():
    # the health ministry counts the dead of the other side's fire: its figure stands
    text = ("قتل ثلاثة فلسطينيين برصاص الجيش الإسرائيلي قرب السياج الحدودي في قطاع غزة اليوم. وقالت وزارة الصحة "
            "التابعة لحركة حماس في بيان إن ستة فلسطينيين قتلوا برصاص الجيش قرب السياج.")
    assert sum(tolls(text).values()) >= 6, show(text)


# --------------------------------------------------------------------------- a singular death noun is one death

@pytest.mark.parametrize("text, phrase", [
    ("أفادت الوكالة الوطنية بسقوط شهيد في غارة إسرائيلية على بلدة عيترون اليوم.", "بسقوط شهيد"),
    ("وأفادت مصادر محلية بـ\"سقوط شهيد\" في غارة لمسيرة على سيارة في بلدة حولا اليوم.", "سقوط شهيد"),
    ("وسقط قتيل في قصف مدفعي على بلدة كفرنبل صباح اليوم.", "وسقط قتيل"),
])
def test_a_singular_death_noun_is_one_death_with_its_whole_phrase_as_evidence(text, phrase):
    events = marsad.extract(text, published=SUNDAY)
    assert [e.fatalities for e in events] == [1], show(text)
    spans = [s["text"] for s in events[0].evidence.get("fatalities") or []]
    assert any(phrase in s for s in spans), spans


# --------------------------------------------------------------------------- a named victim and those who died with him

@pytest.mark.parametrize("text, dead", [
    ("قتل الضابط في الجيش مع ثلاثة جنود آخرين بانفجار عبوة ناسفة على طريق في بلدة الطارمية اليوم.", 4),
    ("قتل القيادي في الجيش الوطني أبو أحمد مع أربعة من مرافقيه بانفجار عبوة ناسفة في بلدة الطارمية اليوم.", 5),
    ("قتل القيادي الميداني في الميليشيا مع خمسة من عناصره بغارة جوية على مزرعة في مديرية الجراحي اليوم.", 6),
])
def test_a_named_victim_with_a_count_after_with_adds_him_to_them(text, dead):
    assert [e.fatalities for e in marsad.extract(text, published=SUNDAY)] == [dead], show(text)


def test_with_and_a_relative_adds_no_count():
    text = "قتل شاب مع والده برصاص مسلحين في بلدة طفس اليوم."
    assert [e.fatalities for e in marsad.extract(text, published=SUNDAY)] == [1], show(text)


# --------------------------------------------------------------------------- a toll after a list of places joined by وفي

@pytest.mark.parametrize("text", [
    "دارت اشتباكات عنيفة في بلدة اللطامنة وفي قرية الزكاة بريف حماة الشمالي اليوم وأسفرت عن مقتل 12 عنصرا من الطرفين.",
    "اندلعت مواجهات في مديرية حيس وفي مديرية التحيتا اليوم أسفرت عن مقتل 15 مسلحا.",
    "قصفت المدفعية مدينة نوى وبلدة طفس في ريف درعا الغربي صباح اليوم ما أدى إلى مقتل سبعة مدنيين.",
])
def test_a_toll_after_places_joined_by_wa_is_no_one_place_toll(text):
    got = tolls(text)
    assert len(got) == 2 and all(d == 0 for d in got.values()), show(text)
