"""Death and injury counts tied to casualty expressions."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.tokenise import make_doc
from marsad.casualties import find_casualties
from marsad.quantities import find_quantities


def cas(text: str):
    doc = make_doc(text)
    out = find_casualties(doc)
    for c in out:
        # every record points into the raw text
        assert doc.raw[c.start:c.end] == c.text
        if c.victim is not None:
            assert doc.raw[c.victim_start:c.victim_end] == c.victim
        assert 0 <= c.tok_start < c.tok_end <= len(doc.tokens)
    return out


def killed(text: str):
    return [c for c in cas(text) if c.kind == "killed"]


def deaths_total(text: str) -> int:
    """What a careful consumer sums: killed, not subgroups, counts that are usable."""
    return sum(c.count for c in cas(text) if c.kind == "killed" and not c.subgroup and c.count)


# --------------------------------------------------------------------------- killed vs injured

def test_killed_and_injured_others_are_told_apart():
    out = cas("قُتل ثلاثة عمال وأصيب خمسة آخرون في انفجار بمدينة الموصل")
    assert [(c.kind, c.count, c.victim) for c in out] == [("killed", 3, "عمال"), ("injured", 5, "آخرون")]
    assert out[1].victim_class == "civilians"  # آخرون takes the class of the group before


def test_injured_alone_are_never_deaths():
    out = cas("أصيب أربعة جنود بجروح في هجوم قرب تكريت")
    assert [(c.kind, c.count) for c in out] == [("injured", 4)]
    assert killed("أصيب أربعة جنود بجروح في هجوم قرب تكريت") == []


@pytest.mark.parametrize("text,dead,hurt", [
    ("مقتل 7 أشخاص، وإصابة 10 آخرين، في تفجير وسط كركوك", 7, 10),
    ("قتل مدنيان وجرح 4 آخرون بقصف على جسر الشغور", 2, 4),
    ("180 قتيلاً و300 جريح حصيلة الزلزال", 180, 300),
    ("قتيلان وثلاثة جرحى في انفجار عبوة بالرمادي", 2, 3),
    ("مقتل 10 جنود و4 مدنيين وإصابة 7 آخرين بجروح متفاوتة", 14, 7),
])
def test_death_and_injury_counts_in_one_sentence(text, dead, hurt):
    out = cas(text)
    assert deaths_total(text) == dead
    assert sum(c.count for c in out if c.kind == "injured" and not c.subgroup) == hurt


def test_killed_x_and_injured_y_others():
    out = cas("قتل 5 مقاتلين وأصيب 8 آخرون خلال اشتباكات في ريف الحسكة")
    assert [(c.kind, c.count, c.victim_class) for c in out] == [
        ("killed", 5, "fighters"), ("injured", 8, "fighters")]


def test_count_before_injured_others_is_a_death_count_without_death_word():
    text = "أفادت مصادر طبية بأن 9 مدنيين بينهم 4 نساء وأصيب 20 آخرون"
    out = cas(text)
    assert [(c.kind, c.count, c.subgroup) for c in out] == [
        ("killed", 9, False), ("killed", 4, True), ("injured", 20, False)]
    assert deaths_total(text) == 9


def test_count_owned_by_arrest_is_not_dead_even_before_injured_others():
    out = cas("اعتقلت الشرطة 9 أشخاص وأصيب 3 آخرون")
    assert [(c.kind, c.count) for c in out] == [("injured", 3)]


# --------------------------------------------------------------------------- subgroups

def test_subgroup_is_flagged_and_not_added():
    text = "أسفر القصف عن مقتل 12 مدنياً بينهم خمسة أطفال في بلدة سراقب"
    out = killed(text)
    assert [(c.count, c.subgroup, c.victim) for c in out] == [(12, False, "مدنياً"), (5, True, "أطفال")]
    assert deaths_total(text) == 12
    parent, sub = out
    assert parent.start <= sub.start and sub.end <= parent.end


def test_subgroup_after_a_comma_and_from_phrase():
    text = "قتل 30 عنصراً من الفصائل، من بينهم ثلاثة قادة ميدانيين في المعارك"
    out = killed(text)
    assert [(c.count, c.subgroup) for c in out] == [(30, False), (3, True)]
    assert "من بينهم ثلاثة قادة" in out[0].text


def test_subgroup_list_with_dual_and_singular_nouns():
    out = killed("استهدفت غارة مدرسة في معرة النعمان ما أدى إلى مقتل ستة مدنيين بينهم معلمتان وطالب")
    assert [(c.count, c.subgroup, c.victim) for c in out] == [
        (6, False, "مدنيين"), (2, True, "معلمتان"), (1, True, "طالب")]


def test_injured_subgroups_stay_injured():
    out = cas("وأصيب 30 شخصاً بينهم 6 أطفال و3 نساء")
    assert [(c.kind, c.count, c.subgroup) for c in out] == [
        ("injured", 30, False), ("injured", 6, True), ("injured", 3, True)]


# --------------------------------------------------------------------------- numbers that are not deaths

@pytest.mark.parametrize("text", [
    "يشارك في العملية نحو خمسة آلاف مقاتل من القوات الخاصة",
    "تسلل ما يقارب مئتي مسلح إلى المدينة عبر الحدود",
    "اعتقلت القوات الأمنية 25 شخصاً في حي الميدان",
    "اختطف مسلحون 12 راعياً في بادية السماوة",
    "خرج المئات في مظاهرة وسط المدينة",
    "دخلت 29 شاحنة مساعدات عبر معبر باب الهوى",
    "نزح أكثر من ثلاثة آلاف شخص من القرى الحدودية",
    "استمرت التحضيرات للهجوم لمدة ستة أشهر",
    "أطلقت الفصائل 40 صاروخاً على مواقع الجيش",
    "نجا قائد الشرطة من محاولة اغتيال في البصرة",
    "لم يسفر الانفجار عن سقوط قتلى",
    "انفجرت عبوة ناسفة دون وقوع إصابات",
    "صدر حكم بإعدام خمسة متهمين في بغداد",
    "فاز الفريق بثلاثة أهداف مقابل هدف",
    "",
])
def test_numbers_that_are_not_deaths(text):
    assert killed(text) == []


def test_killing_in_general_is_not_a_count():
    assert killed("أدان البيان القتل المتعمد للمدنيين في المدينة") == []
    assert killed("وصف القتل العمد الذي ارتكب بحق الأطفال بأنه جريمة") == []


def test_a_relative_clause_ends_the_search_for_the_count():
    assert killed("توفي الكاتب الذي ألف عشرات الكتب") == []


def test_attackers_near_a_death_word_are_not_the_dead():
    text = "هاجم نحو مئتي مسلح حاجزاً للجيش ما أدى إلى مقتل ستة جنود"
    assert [(c.count, c.victim_class) for c in killed(text)] == [(6, "security")]


def test_age_duration_distance_and_date_are_not_counts():
    assert [c.count for c in killed("قُتل طفل يبلغ من العمر ثلاث سنوات")] == [1]
    assert [c.count for c in killed("بعد حصار دام ستة أشهر قتل خلاله 40 مدنياً")] == [40]
    assert [c.count for c in killed("على بعد 15 كم من مدينة الرقة قتل مقاتلان")] == [2]
    assert [c.count for c in killed("في 12.03.2020 قتل رجل في درعا")] == [1]
    assert [c.count for c in killed("ودمرت ثلاث آليات وقتل جندي")] == [1]


def test_abducted_count_is_not_dead_even_with_a_death_later():
    text = "اختطف مسلحون 33 شخصاً ثم عثر على جثة أحدهم"
    assert deaths_total(text) == 1


# --------------------------------------------------------------------------- count forms

@pytest.mark.parametrize("text,count,victim,cls", [
    ("قُتل مدني في قصف مدفعي", 1, "مدني", "civilians"),
    ("أعلنت الشرطة عن مقتل طفل", 1, "طفل", "civilians"),
    ("قتلت امرأة برصاص قناص", 1, "امرأة", "civilians"),
    ("أفاد ناشطون بمقتل شرطي في الحي", 1, "شرطي", "security"),
    ("قتل شخص بانفجار لغم", 1, "شخص", "civilians"),
    ("قتل شخصان في هجوم", 2, "شخصان", "civilians"),
    ("قتل مسلحين اثنين في المواجهات", 2, "مسلحين", "fighters"),
    ("مقتل عنصرين من قوات النظام", 2, "عنصرين", "fighters"),
    ("قتيلان في هجوم على نقطة تفتيش", 2, "قتيلان", "unknown"),
    ("أسفر الهجوم عن 45 قتيلاً", 45, "قتيلاً", "unknown"),
    ("غارة تقتل 12 مدنياً في ريف حلب", 12, "مدنياً", "civilians"),
    ("انفجرت سيارة مفخخة في السوق مودية بثلاثة مدنيين", 3, "مدنيين", "civilians"),
    ("أودى الانفجار بحياة سبعة أشخاص", 7, "أشخاص", "civilians"),
    ("اغتال مجهولون أربعة مقاتلين من الجيش الوطني", 4, "مقاتلين", "fighters"),
    ("اغتال مسلحون مجهولون، اليوم الأحد، عنصراً من الأمن العام", 1, "عنصراً", "security"),
    ("قتل 4 عناصر من تنظيم داعش في ريف دير الزور", 4, "عناصر", "fighters"),
    ("ارتفع عدد القتلى إلى 17", 17, None, "unknown"),
    ("استشهاد ثلاثة جنود في سيناء", 3, "جنود", "security"),
    ("وفاة طفلة متأثرة بجراحها", 1, "طفلة", "civilians"),
    ("قتل ٣ أشخاص في تبادل لإطلاق النار", 3, "أشخاص", "civilians"),
    ("عثر على جثث خمسة رجال في البادية", 5, "رجال", "civilians"),
    ("أعدم التنظيم ثمانية مدنيين في الميادين", 8, "مدنيين", "civilians"),
])
def test_count_forms(text, count, victim, cls):
    out = killed(text)
    assert len(out) == 1
    c = out[0]
    assert (c.count, c.victim, c.victim_class, c.subgroup) == (count, victim, cls, False)


def test_dual_injury_noun_is_two_injured():
    assert [(c.kind, c.count) for c in cas("أسفر الانفجار عن إصابة طفلين")] == [("injured", 2)]


def test_vague_toll_is_ten_and_flagged_by_range():
    c = killed("مقتل عشرات المدنيين بقصف على الغوطة")[0]
    assert (c.count, c.low, c.high) == (10, 10, 99)


def test_qualifiers_give_conservative_count_and_range():
    c = killed("مقتل أكثر من مئة وعشرين مقاتلاً")[0]
    assert (c.count, c.low, c.high) == (120, 120, None)
    c = killed("مقتل نحو 60 شخصاً")[0]
    assert (c.count, c.low, c.high) == (60, 54, 66)
    c = killed("مقتل ما لايقل عن 12 مدنياً")[0]
    assert (c.count, c.low, c.high) == (12, 12, None)


def test_deaths_without_a_number():
    assert [(c.count, c.victim) for c in killed("أدى القصف إلى مقتل مدنيين")] == [(None, "مدنيين")]
    assert [c.count for c in killed("أسفر القصف عن سقوط قتلى")] == [None]


# --------------------------------------------------------------------------- pronouns and discontinuous phrases

def test_death_noun_with_pronoun_counts_one_and_span_runs_to_clause_end():
    text = "أطلق مسلحون النار على مختار القرية ما أدى إلى مقتله على الفور، وفق مصادر محلية"
    out = killed(text)
    assert [(c.count, c.text) for c in out] == [(1, "مقتله على الفور")]


def test_plural_pronoun_gives_deaths_without_number():
    assert [c.count for c in killed("وأكدت العائلة مقتلهم")] == [None]


def test_lost_their_lives_with_the_count_inside():
    text = "فقد أحد عشر جندياً من الجيش العراقي في الأنبار حياتهم خلال الاشتباكات"
    c, = killed(text)
    assert (c.count, c.victim, c.victim_class) == (11, "جندياً", "security")
    assert c.text.startswith("فقد أحد عشر جندياً") and "حياتهم" in c.text


@pytest.mark.parametrize("text,count", [
    ("لقي ثلاثة صيادين حتفهم بانفجار لغم", 3),
    ("تسعة مهاجرين لقوا حتفهم غرقاً", 9),
    ("لقي سائق حتفه في الحادث", 1),
    ("لقي شاب مصرعه برصاص مجهولين", 1),
    ("لقي حتفه ثلاثة أشخاص", 3),
])
def test_met_their_death(text, count):
    assert [c.count for c in killed(text)] == [count]


def test_lost_alone_is_not_a_death():
    assert killed("فقد الجيش السيطرة على ثلاثة مواقع") == []


# --------------------------------------------------------------------------- mixed tolls

@pytest.mark.parametrize("text,count", [
    ("سقط 35 شخصاً بين قتيل وجريح", 35),
    ("أدى التفجير إلى مقتل وإصابة 15 شخصاً", 15),
    ("خلف القصف 20 قتيلا وجريحا", 20),
])
def test_mixed_tolls_are_not_death_counts(text, count):
    out = cas(text)
    assert [(c.kind, c.count) for c in out] == [("mixed", count)]
    assert deaths_total(text) == 0


# --------------------------------------------------------------------------- conjoined lists and separate casualties

def test_conjoined_list_shares_one_span():
    text = "أدى الهجوم إلى مقتل 6 عناصر من الشرطة و3 مدنيين في المدينة"
    out = killed(text)
    assert [(c.count, c.victim, c.victim_class) for c in out] == [
        (6, "عناصر", "security"), (3, "مدنيين", "civilians")]
    assert out[0].start == out[1].start and out[0].end == out[1].end
    assert "مقتل 6 عناصر من الشرطة و3 مدنيين" in out[0].text
    assert deaths_total(text) == 9


def test_singular_and_dual_conjuncts():
    out = killed("قتلت امرأة وطفلين في قصف على بلدة كنصفرة")
    assert [(c.count, c.victim) for c in out] == [(1, "امرأة"), (2, "طفلين")]
    assert len({(c.start, c.end) for c in out}) == 1


def test_counts_with_their_own_places_are_separate():
    text = "مقتل خمسة مدنيين بينهم طفلان في بلدة كفرنبل وثلاثة مدنيين في مدينة أريحا"
    out = killed(text)
    tops = [c for c in out if not c.subgroup]
    assert [(c.count, c.victim) for c in tops] == [(5, "مدنيين"), (3, "مدنيين")]
    assert tops[0].start != tops[1].start
    assert tops[0].text == "مقتل خمسة مدنيين بينهم طفلان في بلدة كفرنبل"
    assert tops[1].text == "ثلاثة مدنيين في مدينة أريحا"
    assert [(c.count, c.subgroup) for c in out if c.subgroup] == [(2, True)]
    assert deaths_total(text) == 8


def test_counted_conjunct_after_a_comma_joins_the_list():
    text = "مقتل 22 عنصراً من قوات النظام والمليشيات الموالية لها، و13 من الفصائل"
    out = killed(text)
    assert [c.count for c in out] == [22, 13]
    assert out[0].text == out[1].text == text
    assert deaths_total(text) == 35


def test_comma_then_injured_others_is_not_a_conjunct():
    out = cas("قتل 5 مدنيين، و10 آخرين أصيبوا بجروح")
    assert [(c.kind, c.count) for c in out] == [("killed", 5), ("injured", 10)]


def test_dual_others_and_nisba_plurals():
    out = cas("قُتل ثلاثة عناصر من الجيش الوطني وجرح اثنان آخران")
    assert [(c.kind, c.count, c.victim, c.victim_class) for c in out] == [
        ("killed", 3, "عناصر", "fighters"), ("injured", 2, "آخران", "fighters")]
    c, = killed("استشهد 3 فلسطينيين برصاص الاحتلال")
    assert (c.count, c.victim, c.victim_class) == (3, "فلسطينيين", "unknown")


@pytest.mark.parametrize("text,count", [
    ("انفجرت قنبلة في الحافلة راح ضحيتها 5 أشخاص", 5),
    ("راح ضحية القصف خمسة مدنيين", 5),
    ("قصف يودي بحياة طفلين", 2),
    ("أودى الحريق بحياته", 1),
])
def test_fell_victim_and_claimed_the_lives(text, count):
    assert [c.count for c in killed(text)] == [count]


# --------------------------------------------------------------------------- evidence spans

def test_span_keeps_raw_characters_and_stray_diacritics():
    text = "أسفرت المعارك عن مقتل ِأكثر من ثلاثمئة عنصرٍ من التنظيم."
    c, = killed(text)
    assert c.text == "مقتل ِأكثر من ثلاثمئة عنصرٍ من التنظيم"
    assert (c.count, c.low, c.high) == (300, 300, None)


def test_span_includes_clitics_of_the_death_word():
    c, = killed("وأفاد ناشطون بمقتل مدني في البلدة، وفق المرصد")
    assert c.text == "بمقتل مدني في البلدة"


def test_span_includes_the_side_phrase():
    c, = killed("قتل 4 عناصر من تنظيم داعش في ريف دير الزور")
    assert "من تنظيم داعش" in c.text


def test_span_stops_at_injury_expression_and_punctuation():
    c = killed("مقتل 7 أشخاص وإصابة 10 آخرين في تفجير")[0]
    assert c.text == "مقتل 7 أشخاص"
    c = killed("قتل مدنيان، وذكرت المصادر أن الطيران قصف المدينة")[0]
    assert c.text == "قتل مدنيان"


def test_span_stops_at_an_unrelated_number():
    c, = killed("قتل جندي بعد 3 ساعات من المواجهات")
    assert c.text == "قتل جندي بعد"


def test_span_is_at_most_about_fifteen_words():
    c, = killed("قتل 4 مقاتلين في اشتباكات عنيفة اندلعت صباح اليوم بين الفصائل المسلحة وقوات النظام "
                "على أطراف البلدة الواقعة في الريف الجنوبي للمحافظة الشمالية الغربية")
    assert len(c.text.split()) <= 16


def test_token_range_matches_the_span():
    doc = make_doc("قالت مصادر إن القصف أدى إلى مقتل 12 مدنياً في حمص")
    c, = find_casualties(doc)
    assert doc.token_span(c.tok_start, c.tok_end).text == c.text


def test_given_quantities_are_used():
    doc = make_doc("مقتل ثلاثة مدنيين")
    assert [c.count for c in find_casualties(doc, find_quantities(doc))] == [3]
    # without the number the death word still governs the plural noun: deaths, number unknown
    assert [(c.count, c.victim) for c in find_casualties(doc, [])] == [(None, "مدنيين")]


# --------------------------------------------------------------------------- robustness

@pytest.mark.parametrize("text", [
    "", "   ", "\u200f\u200e", "،،، ...", "😀 قتل 😀", "قتل" * 200, "مقتل " * 50, "5 " * 100,
    "قتل\n\n5\nمدنيين", "<b>قتل</b> 3", "قتل\u0640\u0640 ثلاثة", "ـ" * 10,
])
def test_naughty_strings_do_not_break(text):
    cas(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(
    ["قتل", "مقتل", "أصيب", "و", "5", "ثلاثة", "مدنيين", "بينهم", "طفل", "،", "وأصيب", "آخرون", "في",
     "قرية", "لقي", "حتفهم", "فقد", "حياتهم", "عشرات", "قتيلا", "جرحى", "من", "داعش", ".", "نحو",
     "بين", "قتيل", "وجريح", "مودية", "بخمسة", "اثنين", "ِ"]), max_size=25))
def test_random_casualty_vocabulary_keeps_invariants(words):
    text = " ".join(words)
    out = cas(text)
    for c in out:
        assert c.kind in ("killed", "injured", "mixed")
        assert c.count is None or c.count >= 0
        assert c.victim_class in ("civilians", "fighters", "security", "unknown")


@pytest.mark.parametrize("text, total, part", [
    ("أربعة مدنيين بينهم ثلاثة أطفال لقوا حتفهم في القصف", 4, 3),
    ("خمسة أشخاص، بينهم امرأتان، قتلوا في الغارة", 5, 2),
    ("سبعة عناصر من الشرطة من بينهم ضابطان لقوا حتفهم في الهجوم", 7, 2),
])
def test_a_subgroup_before_the_death_verb_is_part_of_the_count_before_it(text, total, part):
    found = find_casualties(make_doc(text))
    assert [(c.count, c.subgroup) for c in found if c.kind == "killed"] == [(total, False), (part, True)]


@pytest.mark.parametrize("text", [
    "مقتل القيادي أبو علي الشامي وثلاثة من مرافقيه",
    "قتل القيادي في التنظيم أبو علي الشامي وثلاثة من مرافقيه في الغارة",
    "اغتيال المدعو محمد العلي و3 من عناصره",
])
def test_a_named_person_and_the_others_killed_with_him_add_up(text):
    found = find_casualties(make_doc(text))
    assert sum(c.count for c in found if c.kind == "killed" and not c.subgroup) == 4, found


@pytest.mark.parametrize("text, total", [
    ("قالت الوكالة إن رجلاً وسيدة قُتلا فجر اليوم بقصف على منزلهما.", 2),
    ("وأفادت مصادر بأن شابا وطفلة قُتلا اليوم بانفجار لغم.", 2),
    ("ذكر الدفاع المدني أن امرأة وطفلها ورجلا قُتلوا في الغارة.", 3),
])
def test_people_named_one_by_one_before_the_death_verb_are_its_dead(text, total):
    assert deaths_total(text) == total


@pytest.mark.parametrize("text, noun", [
    ("وقال الشهود إن جنديا قتل في الحاجز مدنيين.", "جنديا"),  # a soldier who killed: قتل may be active
    ("وتحاكم المحكمة رجلا قتل زوجته العام الماضي.", "رجلا"),  # a man who killed his wife
])
def test_one_person_before_a_death_verb_that_may_be_active_is_not_its_victim(text, noun):
    assert all(c.victim != noun for c in killed(text))
