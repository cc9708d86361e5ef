"""Event frames, roles and tolls: classes still open after the ninth session (issue 16 items 2,
5 and 6), each in several wordings of our own."""
from __future__ import annotations

import pytest

import marsad


@pytest.mark.parametrize("text, force", [
    ("أصيب ثلاثة عناصر من الشرطة بهجوم مسلح في مدينة بعقوبة.", "Police Forces of Iraq"),
    ("أصيب ضابطان في الجيش اليمني بهجوم مسلح في مديرية المحفد بمحافظة أبين.", "Military Forces of Yemen"),
    ("أصيب أربعة جنود من الجيش العراقي بهجوم استهدف نقطة عسكرية قرب قضاء طوزخورماتو.",
     "Military Forces of Iraq"),
    ("جرح خمسة من عناصر الشرطة الليبية في هجوم على مركزهم في مدينة زليتن.", "Police Forces of Libya"),
])
def test_a_force_whose_men_were_only_wounded_is_the_side_attacked(text, force):
    """"أصيب ثلاثة عناصر من الشرطة بهجوم مسلح": the force told only by its wounded men is the
    target of an attacker the report does not name, not the side that attacked nobody."""
    found = marsad.extract(text, published="2024-05-10")
    assert len(found) == 1, [(e.sub_event_type, e.location) for e in found]
    e = found[0]
    assert (e.actor1, e.actor2) == ("Unidentified Armed Group", force), (e.actor1, e.actor2)
    assert e.event_type == "Battles" and e.fatalities == 0


def test_wounded_men_of_a_named_attacker_keep_the_attacker_as_a_side():
    found = marsad.extract("هاجم مسلحو تنظيم داعش حاجزاً للجيش العراقي في قضاء الطارمية، ما أدى إلى "
                           "إصابة جنديين.", published="2024-05-10")
    assert found and {found[0].actor1, found[0].actor2} == {"Islamic State", "Military Forces of Iraq"}, \
        [(e.actor1, e.actor2) for e in found]


@pytest.mark.parametrize("text, first, second", [
    ("قتل مدنيان في قصف مدفعي على بلدة كفرنبل، وقتل سبعة مسلحين في اشتباكات في قرية الحويز بريف حماة.",
     ("Shelling/artillery/missile attack", "Kafranbel", 2), ("Armed clash", "Al-Huwayz", 7)),
    ("لقي طفل حتفه بقصف للقوات الحكومية على مدينة تعز، وأصيب أربعة مقاتلين في مواجهات مع الحوثيين في "
     "مديرية حيس.", ("Shelling/artillery/missile attack", "Taiz", 1), ("Armed clash", "Hays", 0)),
    ("قتل ثلاثة أشخاص في غارة جوية على مدينة الفاشر، واستشهد مدني آخر في هجوم بطائرة مسيرة على مدينة "
     "الأبيض.", ("Air/drone strike", "El Fasher", 3), ("Air/drone strike", "El Obeid", 1)),
    ("قتل خمسة جنود في هجوم لمسلحين على حاجز في مدينة العريش، وأصيب مدنيان في انفجار عبوة ناسفة في مدينة "
     "رفح.", ("Armed clash", "Arish", 5), ("Remote explosive/landmine/IED", "Rafah", 0)),
])
def test_a_death_verb_after_a_comma_opens_the_clause_of_another_event(text, first, second):
    """"قتل X في قصف على A، وقتل Y في اشتباكات في B": the second clause holds an event word of
    another kind, or another place, so each event keeps its own type, place and toll."""
    found = marsad.extract(text, published="2024-05-10")
    got = sorted((e.sub_event_type, e.location, e.fatalities) for e in found)
    assert got == sorted([first, second]), got


@pytest.mark.parametrize("text, sub, dead", [
    ("هاجم مسلحون مجهولون نقطة للجيش في ناحية العظيم، وقتلوا ثلاثة جنود.", "Armed clash", 3),
    ("قصفت الطائرات الحربية بلدة كفرنبل، وقتل أربعة مدنيين في القصف.", "Air/drone strike", 4),
])
def test_a_death_verb_that_tells_the_same_event_stays_in_its_unit(text, sub, dead):
    found = marsad.extract(text, published="2024-05-10")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [(sub, dead)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


@pytest.mark.parametrize("text, dead", [
    ("قتل الجنود الأربعة في هجوم لمسلحين على حاجز قرب بلدة الصنمين بريف درعا.", 4),
    ("لقي العناصر الستة حتفهم في هجوم على مقر للشرطة في مدينة الرمادي.", 6),
    ("قتل الأطفال الثلاثة بقصف مدفعي على مخيم النصيرات.", 3),
    ("خطف مسلحون ثمانية مدنيين قرب مدينة الفاشر، وعثر الأهالي لاحقاً على جثث المدنيين الثمانية.", 8),
])
def test_a_cardinal_with_the_article_after_a_definite_victim_noun_is_its_count(text, dead):
    """"الجنود الأربعة"، "العناصر الستة": the number stands after the noun as an adjective with
    the article; it is the count."""
    found = marsad.extract(text, published="2024-05-10")
    assert [e.fatalities for e in found] == [dead], [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_definite_count_that_restates_the_toll_is_not_added():
    found = marsad.extract("قتل خمسة جنود في هجوم لمسلحين على حاجز في بلدة الصنمين بريف درعا. ونقلت جثث "
                           "الجنود الخمسة إلى المستشفى الوطني.", published="2024-05-10")
    assert [e.fatalities for e in found] == [5], [(e.location, e.fatalities) for e in found]


def test_a_toll_told_by_a_verb_alone_stays_with_the_strike_after_it():
    """"قال مصدر إن ثلاثة مسلحين قتلوا، وأصيب آخرون في غارة لطائرة مسيرة": the first clause has no
    event word of its own, so the strike after the comma is what killed them."""
    found = marsad.extract("قالت مصادر محلية إن أربعة مسلحين من تنظيم القاعدة قتلوا، وأصيب آخرون في غارة "
                           "لطائرة مسيرة في مديرية مودية بمحافظة أبين.", published="2024-05-10")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Air/drone strike", 4)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


@pytest.mark.parametrize("text, force, dead", [
    ("أعلنت لجنة أطباء السودان وفاة طالب متأثراً بجراحه التي أصيب بها برصاص قوات الأمن في ولاية الخرطوم. "
     "وقالت اللجنة إن عدد قتلى احتجاجات الخميس في الولاية ارتفع إلى 7 قتلى.", "Military Forces of Sudan", 7),
    ("أطلقت قوات الأمن العراقية الرصاص الحي في ساحة الحبوبي بمدينة الناصرية. وقالت مصادر طبية إن ثلاثة "
     "متظاهرين قتلوا في احتجاجات الناصرية اليوم.", "Military Forces of Iraq", 3),
    ("فتحت الشرطة السودانية النار على حشود في مدينة ود مدني. وأعلنت لجنة الأطباء مقتل شابين في مظاهرات "
     "ود مدني أمس.", "Police Forces of Sudan", 2),
])
def test_the_fire_told_in_the_sentence_before_a_deadly_protest_is_the_force_it_met(text, force, dead):
    """A protest whose sentence counts dead and names no force, after a sentence that tells the
    state's forces firing: excessive force against protesters, not a peaceful protest with dead."""
    found = marsad.extract(text, published="2024-03-08")
    assert [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in found] == \
        [("Excessive force against protesters", force, "Protesters", dead)], \
        [(e.sub_event_type, e.actor1, e.fatalities) for e in found]


@pytest.mark.parametrize("text, dead", [
    ("أعلنت وزارة الصحة وفاة شاب متأثراً بجروح أصيب بها برصاص القوات الإسرائيلية على حدود قطاع غزة. وقالت "
     "الوزارة إن عدد القتلى في أحداث الجمعة الرابعة لمسيرات العودة ارتفع إلى 12 قتيلاً.", 12),
    ("قتل شاب إثر إصابته برصاصة أطلقها جنود الاحتلال عليه أثناء مشاركته في مسيرة سلمية شرق مدينة خان يونس.", 1),
])
def test_a_killing_at_a_protest_is_the_protests_excessive_force_not_an_attack_of_its_own(text, dead):
    """A shooting whose dead are among the protest's, or told in the protest's own sentence, at
    its place and day: one event (excessive force against protesters), not an attack beside it."""
    found = marsad.extract(text, published="2024-03-08")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Excessive force against protesters", dead)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


@pytest.mark.parametrize("text, force", [
    ("تمكنت قوات اللواء 35 مدرع من صد هجوم للحوثيين على مواقعها في مديرية المسراخ بمحافظة تعز.",
     "Military Forces of Yemen"),
    ("اندلعت اشتباكات بين عناصر الفرقة 17 ومسلحين مجهولين في بلدة الكسرة بريف دير الزور.", "Military Forces of Syria"),
    ("هاجم مسلحون حاجزاً للكتيبة الرابعة في بلدة المحفد بمحافظة أبين.", "Military Forces of Yemen"),
    ("قصفت مدفعية الفوج 46 مواقع لتنظيم داعش قرب بلدة هجين.", "Military Forces of Syria"),
])
def test_a_force_named_by_its_numbered_unit_is_the_states(text, force):
    """"اللواء 35 مدرع"، "الفرقة 17"، "الكتيبة الرابعة": a unit named by its number is the state's
    force in the country of the event; "اللواء" alone is a general's rank."""
    found = marsad.extract(text, published="2024-03-08")
    assert found and force in (found[0].actor1, found[0].actor2), \
        [(e.sub_event_type, e.actor1, e.actor2) for e in found]


def test_a_generals_rank_names_no_unit():
    from marsad.pipeline import analyse
    a = analyse("قال اللواء يحيى رسول إن القوات اعتقلت خمسة مطلوبين في قضاء الطارمية.", "2024-03-08", upto="actors")
    assert not any("اللواء" in x.text for x in a.actors), [(x.text, x.actor) for x in a.actors]


@pytest.mark.parametrize("text", [
    "قصفت قوات النظام من معسكر الفرقة 17 أحياء في مدينة الرقة.",
    "سقطت قذائف أطلقت من معسكر اللواء الثالث على أحياء في مدينة تعز.",
])
def test_a_camp_named_after_a_unit_names_no_force(text):
    from marsad.pipeline import analyse
    a = analyse(text, "2024-03-08", upto="actors")
    assert not any(x.text.endswith(("17", "الثالث")) for x in a.actors), [(x.text, x.actor) for x in a.actors]
