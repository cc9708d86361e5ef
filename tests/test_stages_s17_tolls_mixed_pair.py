"""A death noun joined by و to an injury noun with no count between them ("ارتفعت الحصيلة إلى 13
شهيدا وجريحا"، "9 قتلى ومصابين") is one count of the dead and the injured together, not a death
toll, however the pair is worded; the dead the same report counts on their own make the toll."""
import pytest

import marsad
from marsad.arabic.tokenise import make_doc
from marsad.casualties import find_casualties

DAY = "2019-06-11"


@pytest.mark.parametrize("text, count", [
    ("ارتفعت حصيلة التفجير إلى 17 شهيداً ومصاباً", 17),
    ("وسقط في الهجوم 11 قتيلاً ومصاباً", 11),
    ("أسفر القصف عن سقوط 23 شهيداً وجريحاً", 23),
    ("خلف الانفجار 14 قتلى ومصابين", 14),
])
def test_a_death_noun_and_an_injury_noun_make_one_mixed_count(text, count):
    found = [(c.kind, c.count) for c in find_casualties(make_doc(text))]
    assert found == [("mixed", count)], found


@pytest.mark.parametrize("text, kinds", [
    ("سقط قتيلان وجريحان في الانفجار", [("killed", 2), ("injured", 2)]),
    ("ارتفعت الحصيلة إلى ثلاثة شهداء و9 مصابين", [("killed", 3), ("injured", 9)]),
])
def test_pairs_with_counts_of_their_own_stay_apart(text, kinds):
    assert [(c.kind, c.count) for c in find_casualties(make_doc(text))] == kinds


@pytest.mark.parametrize("text, dead", [
    ("قال مصدر أمني اليوم إن حصيلة التفجير الانتحاري الذي استهدف نقطة للجيش في بلدة الضلوعية ارتفعت إلى "
     "17 شهيداً ومصاباً. وأوضح المصدر أن حصيلة التفجير الانتحاري في الضلوعية بلغت ثلاثة شهداء و14 مصاباً.", 3),
    ("أفادت مصادر محلية اليوم بأن انفجار عبوة ناسفة استهدف سيارة في مدينة بيجي خلف 8 قتلى ومصابين، "
     "بينهم قتيل واحد.", None),
])
def test_the_mixed_count_is_no_death_toll(text, dead):
    found = marsad.extract(text, DAY, min_confidence=0)
    assert found, "no event"
    assert all(e.fatalities != 8 and e.fatalities != 17 and e.fatalities != 20 for e in found), \
        [(e.location, e.fatalities) for e in found]
    if dead is not None:
        assert [e.fatalities for e in found] == [dead], [(e.location, e.fatalities) for e in found]


def test_a_singular_injured_after_a_plural_toll_is_one_more_wounded():
    found = [(c.kind, c.count) for c in find_casualties(make_doc("7 قتلى وجريح في هجوم على حاجز"))]
    assert found[0] == ("killed", 7), found
