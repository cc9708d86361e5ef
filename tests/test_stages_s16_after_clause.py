"""The dead a main clause counts before بعد/إثر/عقب died in the event the clause after it tells: "قتل
ثلاثة شرطيين اليوم بعد أن فجر انتحاري نفسه قرب حاجز" is one suicide bombing with three dead, not a
sentence with no event. And a noun with a possessive pronoun (بدوريتهما، بسيارتهم) is no village's
name before a countryside."""
import pytest

import marsad

DAY = "2018-03-19"


@pytest.mark.parametrize("text, sub, dead", [
    ("قتل ثلاثة شرطيين اليوم بعد أن فجر انتحاري نفسه قرب حاجز للشرطة في مدينة العريش.", "Suicide bomb", 3),
    ("قتل مدنيان اليوم إثر سقوط قذائف هاون على حي الميدان في دمشق.", "Shelling/artillery/missile attack", 2),
    ("لقي جنديان حتفهما اليوم عقب انفجار عبوة ناسفة بدوريتهما في ريف درعا الغربي.",
     "Remote explosive/landmine/IED", 2),
])
def test_the_dead_before_an_after_clause_died_in_its_event(text, sub, dead):
    found = marsad.extract(text, DAY, min_confidence=0)
    assert [(e.sub_event_type, e.fatalities) for e in found] == [(sub, dead)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_days_after_an_attack_are_no_after_clause_of_it():
    assert marsad.extract("قتل شخص اليوم بعد أيام من هجوم استهدف بلدة طفس.", DAY, min_confidence=0) == []


@pytest.mark.parametrize("text, place", [
    ("لقي جنديان حتفهما اليوم بانفجار عبوة ناسفة بدوريتهما في ريف درعا الغربي.", "Western Dara countryside"),
    ("قتل ثلاثة عناصر اليوم بانفجار لغم بسيارتهم في ريف حمص الشرقي.", "Eastern Homs countryside"),
])
def test_a_noun_with_its_pronoun_is_no_village(text, place):
    assert [e.location for e in marsad.extract(text, DAY, min_confidence=0)] == [place]
