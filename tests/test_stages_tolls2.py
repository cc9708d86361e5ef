"""Tolls and retellings (issue 16, eighth session): how many died in each event, and one event
told twice in one article, each run on plain strings of our own wording."""
from __future__ import annotations

from datetime import date

import pytest

import marsad
from marsad.arabic.tokenise import make_doc
from marsad.casualties import find_casualties

SUNDAY = date(2022, 1, 23)


def events(text: str, published=SUNDAY):
    return marsad.extract(text, published=published)


def counts(text: str) -> list[tuple[str, int | None]]:
    return [(c.kind, c.count) for c in find_casualties(make_doc(text)) if not c.subgroup]


# --------------------------------------------------------------------------- a death verb and an injury verb

@pytest.mark.parametrize("text, dead, hurt", [
    ("قال الدفاع المدني إن رجلا واحدا على الأقل قتل وأصيب 6 آخرون في غارة على بلدة سرمين.", 1, 6),
    ("وذكرت الشرطة أن جنديا قتل وجرح ثلاثة في انفجار عبوة على طريق المطار.", 1, 3),
    ("أفاد مسعفون بأن طفلا قتل وأصيب خمسة مدنيين بقصف على الحي الشرقي.", 1, 5),
    # the person's side between him and the verbs
    ("وقال المصدر إن عنصرا من قوات الأمن قتل وجرح ثلاثة آخرون في الهجوم.", 1, 3),
])
def test_a_person_before_a_death_verb_and_an_injury_verb_is_the_dead_and_the_count_after_the_injured(text, dead, hurt):
    found = counts(text)
    assert ("killed", dead) in found and ("injured", hurt) in found, found
    assert not any(kind == "mixed" for kind, _ in found), found


def test_the_pair_of_verbs_with_no_person_before_stays_one_count_for_dead_and_injured():
    assert counts("قتل وأصيب 12 شخصا في انفجار سيارة مفخخة وسط المدينة.") == [("mixed", 12)]


def test_one_man_killed_and_six_injured_gives_the_strike_one_death():
    found = events("قال مصدر طبي إن رجلا واحدا على الأقل قتل وأصيب ستة آخرون في غارة جوية على مدينة معرة "
                   "النعمان يوم السبت.")
    assert [e.fatalities for e in found] == [1], [(e.sub_event_type, e.location, e.fatalities) for e in found]


# --------------------------------------------------------------------------- others

@pytest.mark.parametrize("text, dead", [
    ("لقي القائد الميداني سالم العبيدي مصرعه و4 آخرين في كمين قرب الطريق.", 5),
    ("لقي الضابط مصرعه وثلاثة آخرون بانفجار لغم.", 4),
])
def test_others_joined_after_a_named_dead_man_died_with_him(text, dead):
    assert sum(n for kind, n in counts(text) if kind == "killed") == dead, counts(text)


@pytest.mark.parametrize("text, dead", [
    ("وقتلت غارة أخرى ثلاثة أطفال آخرين في بلدة حاس.", 3),
    ("وأدى هجوم آخر إلى مقتل خمسة عناصر من الشرطة.", 5),
])
def test_another_strike_is_no_victim_of_its_own(text, dead):
    assert [n for kind, n in counts(text) if kind == "killed"] == [dead], counts(text)


@pytest.mark.parametrize("text, low", [
    ("وأكدت المصادر أن القيادي قتل بغارة مع عدد كبير من مرافقيه في مزرعة.", 1),
    ("وأضاف أن المسؤول المحلي قتل في الكمين مع ثلاثة من حراسه.", 4),
])
def test_a_singular_death_verb_with_company_counts_the_one_it_tells_of_and_the_company(text, low):
    found = [c for c in find_casualties(make_doc(text)) if c.kind == "killed"]
    assert [c.low for c in found] == [low], [(c.count, c.low, c.high, c.text) for c in found]


# --------------------------------------------------------------------------- a lead's toll placed at a country

def test_the_headline_and_the_lead_placed_at_a_country_both_give_their_toll_to_the_body_strike():
    found = events("غارة على اليمن تقتل 18 طفلا\n\n"
                   "قتل 18 طفلا على الأقل وثلاث نساء في غارة جوية على اليمن السبت. "
                   "وقال مسؤولون محليون إن الغارة أصابت شاحنة كانت تقلهم في مدينة زبيد.")
    strikes = [e for e in found if e.sub_event_type == "Air/drone strike"]
    assert [(e.location, e.fatalities) for e in strikes] == [("Zabid", 21)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


# --------------------------------------------------------------------------- fire that covers a fight

@pytest.mark.parametrize("text, dead", [
    ("أكد مصدر ميداني أن القصف الجوي تزامن مع معارك برية عنيفة في بلدة الخوخة يوم السبت وأسفرت عن سقوط نحو "
     "30 قتيلا من المسلحين.", 30),
    ("هاجم مسلحون يوم السبت مواقع للجيش في بلدة حيس بغطاء مدفعي كثيف، وقتل في المعارك تسعة من المهاجمين.", 9),
])
def test_fire_joined_to_a_clash_by_a_word_of_cover_or_time_is_one_battle_with_the_toll(text, dead):
    found = events(text)
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Armed clash", dead)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_strike_on_another_town_beside_the_clash_named_again_stays_an_event_of_its_own():
    found = events("اندلعت يوم السبت معارك عنيفة في بلدة حيس. وشنت طائرات التحالف غارات على مدينة زبيد "
                   "بالتزامن مع المعارك.")
    assert ("Air/drone strike", "Zabid") in [(e.sub_event_type, e.location) for e in found], \
        [(e.sub_event_type, e.location) for e in found]


# --------------------------------------------------------------------------- a headline at a governorate's seat

def test_a_headline_at_a_governorate_named_by_its_seat_is_the_body_event_in_that_governorate():
    found = events("ارتكب مسلحون يوم السبت مجزرة جديدة في الضالع راح ضحيتها سبعة قتلى. وقال سكان إن المسلحين "
                   "قصفوا منازل في قرية الشعيب النائية بمحافظة الضالع ما أدى إلى مقتل سبعة مدنيين.")
    assert len(found) == 1, [(e.sub_event_type, e.location, e.fatalities) for e in found]
    assert found[0].fatalities == 7 and found[0].location != "Ad Dali"


def test_a_lead_at_a_city_stays_apart_from_a_village_of_another_governorate():
    found = events("ارتكب مسلحون يوم السبت مجزرة جديدة في الضالع راح ضحيتها سبعة قتلى. وقال سكان إن المسلحين "
                   "قصفوا منازل في قرية الشعيب النائية بمحافظة تعز ما أدى إلى مقتل مدنيين اثنين.")
    assert len(found) == 2, [(e.sub_event_type, e.location, e.fatalities) for e in found]


# --------------------------------------------------------------------------- tolls of a campaign

@pytest.mark.parametrize("text", [
    "اندلعت اشتباكات عنيفة يوم السبت في مدينة حيس. وقالت مصادر طبية إن 45 مقاتلا قتلوا منذ بدء الهجوم على المدينة.",
    "اندلعت يوم السبت اشتباكات في بلدة الصنمين بين الجيش والمسلحين، قتل فيها 35 عنصرا من الطرفين منذ انطلاق "
    "العمليات العسكرية.",
])
def test_a_toll_counted_since_a_campaign_began_is_no_days_event_toll(text):
    found = events(text)
    assert [e.fatalities for e in found] == [0], [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_campaign_toll_in_the_events_own_sentence_is_left_out_with_a_note():
    found = events("اندلعت يوم السبت اشتباكات في بلدة الصنمين بين الجيش والمسلحين، قتل فيها 35 عنصرا من الطرفين منذ "
                   "انطلاق العمليات العسكرية.")
    assert [e.fatalities for e in found] == [0] and "left out" in found[0].notes, [(e.fatalities, e.notes) for e in found]


def test_a_toll_counted_since_a_pause_began_minutes_before_is_the_events():
    found = events("قال ناشطون إن قصفا مدفعيا استهدف بلدة حمورية يوم السبت منذ بدء الهدنة بدقائق، ما أدى إلى مقتل "
                   "مدنيين اثنين.")
    assert [e.fatalities for e in found] == [2], [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_the_other_sides_claim_set_against_a_campaigns_large_toll_is_left_out_too():
    found = events("اندلعت اشتباكات عنيفة يوم السبت في مدينة حيس. ونقلت وكالة أنباء عن مصادر طبية أن 120 مسلحا على "
                   "الأقل قتلوا خلال المعارك، بينما أفادت مصادر المسلحين بمقتل أكثر من 40 من الجنود.")
    assert [e.fatalities for e in found] == [0], [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_days_toll_that_raises_a_running_tally_is_the_days_event_toll():
    found = events("سقط 25 قتيلا في قصف على مدينة دوما يوم السبت، ليرتفع عدد القتلى إلى 305 أشخاص على الأقل خلال "
                   "ثلاثة أيام من القصف.")
    assert [e.fatalities for e in found] == [25], [(e.sub_event_type, e.location, e.fatalities) for e in found]


# --------------------------------------------------------------------------- a read-also teaser

def test_a_read_also_teaser_lends_no_place_to_the_next_sentence():
    found = events("واصلت الطائرات التركية قصف مدينة عفرين يوم السبت.\n"
                   "اقرأ أيضا فرار الآلاف من ريف حمص الشمالي\n"
                   "وقال المرصد إن القصف قتل ما لا يقل عن 30 مدنيا السبت، من بينهم خمسة أطفال.")
    assert [(e.location, e.fatalities) for e in found if e.fatalities] == [("Afrin", 30)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_tally_of_the_event_that_rises_is_its_new_toll():
    found = events("قتل خمسة مدنيين في تفجير سيارة مفخخة في مدينة الباب يوم السبت، لترتفع حصيلة ضحايا التفجير إلى "
                   "تسعة قتلى.")
    assert [e.fatalities for e in found] == [9], [(e.sub_event_type, e.location, e.fatalities) for e in found]


# --------------------------------------------------------------------------- adjectives

def test_combat_gear_destroyed_by_a_strike_is_no_clash():
    found = events("دمرت غارات التحالف يوم السبت عددا من العتاد القتالي والآليات القتالية للمسلحين في مدينة حيس.")
    assert [e.sub_event_type for e in found] == ["Air/drone strike"], [(e.sub_event_type, e.location) for e in found]


def test_fighting_told_as_a_noun_is_still_a_clash():
    found = events("اندلع قتال عنيف يوم السبت في مدينة حيس بين الجيش والمسلحين.")
    assert [e.sub_event_type for e in found] == ["Armed clash"]


# --------------------------------------------------------------------------- a total split over places

def test_a_part_of_a_total_told_with_a_strike_on_another_village_is_that_strikes_toll():
    found = events("قال المرصد إن القصف التركي قتل 30 مدنيا يوم السبت في مدينة عفرين، من بينهم ستة أطفال و12 شخصا "
                   "في غارة استهدفت قرية جنديرس.")
    assert sorted((e.location, e.fatalities) for e in found) == [("Afrin", 18), ("Jindires", 12)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_part_placed_at_the_place_of_its_own_total_is_not_added_again():
    found = events("قتل خمسة مدنيين في قصف يوم السبت، بينهم ثلاثة أطفال في بلدة سراقب.")
    assert [(e.location, e.fatalities) for e in found] == [("Saraqib", 5)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


# --------------------------------------------------------------------------- a killing at a protest met with fire

def test_a_killing_by_fire_at_a_protest_that_met_that_fire_is_the_protests_excessive_force():
    found = events("قتل شاب فلسطيني برصاص الجيش الإسرائيلي شرق مدينة خان يونس يوم السبت. وقال مسعفون إن الشاب أصيب "
                   "برصاصة في الرأس خلال مشاركته في مظاهرة قرب السياج شرق مدينة خان يونس.")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Excessive force against protesters", 1)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_killing_beside_a_protest_that_met_no_fire_stays_an_attack():
    found = events("قتل شاب فلسطيني برصاص مستوطنين في بلدة حوارة يوم السبت. وتظاهر المئات في بلدة حوارة احتجاجا "
                   "على مقتله.")
    assert ("Attack", 1) in [(e.sub_event_type, e.fatalities) for e in found], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


# --------------------------------------------------------------------------- arrests in a raid

def test_arrests_of_the_raid_the_same_two_sides_fought_in_are_part_of_the_clash():
    found = events("اندلع يوم السبت تبادل لإطلاق النار بين الشرطة العراقية ومسلحين من تنظيم داعش في قضاء الحويجة قتل "
                   "فيه شرطي، وألقت الشرطة القبض على ثلاثة من المسلحين.")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Armed clash", 1)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_arrests_in_another_town_stay_an_event_of_their_own():
    found = events("اندلعت يوم السبت اشتباكات بين الجيش ومسلحين في بلدة الصنمين. وفي بلدة طفس اعتقلت قوات الأمن "
                   "خمسة شبان.")
    assert sorted(e.sub_event_type for e in found) == ["Armed clash", "Arrests"]
