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
