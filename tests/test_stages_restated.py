"""The lead's classes of the thirteenth session of issue 16, read on the seventh set's tune half
after its blind first score: one incident retold by its sources at nearby places with the same
toll, a toll noun whose predicate comes after a relative clause, and web-address slugs in the
text. Every sentence is our own."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

FRIDAY = date(2019, 3, 8)


def records(text: str) -> list:
    return marsad.extract(text, published=FRIDAY)


# --------------------------------------------------------------------------- one toll told again

@pytest.mark.parametrize("text, toll", [
    ("قتل ثلاثة مدنيين اليوم بقصف مدفعي على بلدة بهرز. وقال مصدر أمني إن قذائف سقطت على أطراف مدينة "
     "بعقوبة وأودت بحياة ثلاثة مدنيين.", 3),
    ("استشهد أربعة مواطنين اليوم في غارة إسرائيلية على بلدة عيتا الشعب. وأعلنت وزارة الصحة أن الغارة "
     "التي استهدفت منزلا في بنت جبيل أدت إلى استشهاد أربعة مواطنين.", 4),
    ("قتل خمسة أشخاص اليوم بانفجار سيارة مفخخة في مدينة الأتارب. وذكر ناشطون أن التفجير وقع في دارة عزة "
     "وأسفر عن مقتل خمسة أشخاص.", 5),
    ("قتل ستة من عناصر الحوثي اليوم بغارات للتحالف على مواقعهم في مدينة موزع. وقال مصدر عسكري إن "
     "الغارات استهدفت تجمعا للحوثيين في المخا وقتلت ستة منهم.", 6),
    ("لقي سبعة أشخاص حتفهم اليوم بانفجار عبوة ناسفة في بلدة تلكيف. وقال قائممقام القضاء إن العبوة "
     "انفجرت في بعشيقة وقتلت سبعة أشخاص.", 7),
])
def test_one_toll_retold_at_a_nearby_place_is_one_event(text, toll):
    """A source retelling the incident names the place its own way (a nearby town, the district
    seat) and repeats the toll: one event with that toll, not one at each name."""
    found = [e for e in records(text) if e.event_type == "Explosions/Remote violence"]
    assert len(found) == 1, [(e.location, e.fatalities) for e in found]
    assert found[0].fatalities == toll


@pytest.mark.parametrize("text", [
    # another incident, turned to by the sentence's opener
    "قتل ثلاثة مدنيين اليوم بقصف على بلدة الصنمين. كما قتل ثلاثة مدنيين بقصف على بلدة إنخل.",
    "قتل أربعة مدنيين اليوم بغارة على بلدة عيتا الشعب. في سياق متصل، قتل أربعة مدنيين بغارة على مدينة بنت جبيل.",
    # two counts, two incidents
    "قتل ثلاثة مدنيين اليوم بقصف على بلدة بهرز. وقتل خمسة مدنيين بقصف على مدينة بعقوبة.",
    # the same count at places too far apart to be one spot told twice
    "قتل شخصان اليوم بقصف على مدينة ترهونة. وقتل شخصان بقصف على منطقة قصر بن غشير.",
])
def test_two_incidents_with_their_own_tolls_stay_two(text):
    found = [e for e in records(text) if e.event_type == "Explosions/Remote violence"]
    assert len(found) == 2, [(e.location, e.fatalities) for e in found]


def test_a_part_of_a_count_ties_no_two_places():
    """"بينهم ثلاثة أطفال" in two sentences counts children of two tolls, not one toll twice."""
    text = ("قتل تسعة مدنيين بينهم ثلاثة أطفال اليوم بغارة على بلدة الأتارب، وقتل خمسة مدنيين بينهم ثلاثة "
            "أطفال بغارة على بلدة دارة عزة.")
    found = sorted((e.location, e.fatalities) for e in records(text))
    assert len(found) == 2, found


# --------------------------------------------------------------------------- toll predicates

@pytest.mark.parametrize("text, toll", [
    ("شنت طائرات التحالف غارة على صالة عزاء في مدينة صنعاء اليوم. وقال مصدر طبي إن عدد قتلى الغارات التي "
     "استهدفت الصالة الكبرى في صنعاء تجاوز المائة.", 100),
    ("قصفت طائرات حربية سوقا في مدينة أريحا اليوم. وقالت مديرية الصحة إن حصيلة قتلى الغارة التي "
     "استهدفت السوق الشعبي وسط المدينة وصلت إلى أكثر من خمسين.", 50),
    ("انفجرت سيارة مفخخة في مدينة الباب اليوم. وأكد الدفاع المدني أن عدد القتلى الذين سقطوا في "
     "الانفجار قرب دوار السنتر بلغ 23.", 23),
    ("قصفت المدفعية حيا سكنيا في مدينة الفاشر اليوم. وقالت لجان المقاومة إن عدد الشهداء الذين سقطوا "
     "جراء القصف ارتفع إلى 14.", 14),
])
def test_a_toll_nouns_predicate_after_a_relative_clause_gives_the_count(text, toll):
    """"عدد قتلى الغارات التي استهدفت ... تجاوز المائة": the toll noun's verb of reaching comes
    after a relative clause; the count after it (a figure, or a round number with the article,
    a lower bound) is the toll."""
    found = [e.fatalities for e in records(text) if e.event_type == "Explosions/Remote violence"]
    assert toll in found, found


def test_a_count_of_fighters_after_a_verb_of_reaching_is_no_toll():
    text = ("هاجم مسلحون حاجزا للجيش في بلدة الصنمين اليوم. وقال مصدر إن عدد المسلحين الذين شاركوا في "
            "الهجوم بلغ 40.")
    assert all(e.fatalities != 40 for e in records(text))


# --------------------------------------------------------------------------- slugs

@pytest.mark.parametrize("text, kept", [
    ("اليمن-عاجل-غارة-على-مأرب-صنعاء", False),
    ("سوريا-قصف-ادلب-مقتل-مدنيين", False),
    ("صواريخ أرض-جو", True),
    ("نشر في 2016-10-08 الساعة", True),
    ("طريق إعزاز- عفرين", True),
])
def test_slugs_are_blanked_and_nothing_else(text, kept):
    from marsad.arabic.slugs import mask_slugs
    out = mask_slugs(text)
    assert len(out) == len(text)
    assert (out == text) is kept


def test_a_slug_names_no_event_place():
    text = ("طائرات التحالف تقصف سوقا في صعدة\n"
            "اليمن-عاجل-غارات-على-سوق-في-مأرب-وحجة\n"
            "قتل عشرة مدنيين اليوم بغارات لطيران التحالف على سوق شعبي في مدينة صعدة.")
    places = {e.location for e in records(text)}
    assert places == {"Sa'dah"}, places


# --------------------------------------------------------------------------- tanween

@pytest.mark.parametrize("text, area", [
    ("خطف مسلحون مجهولون صيدلانياً في ريف حلب الشرقي اليوم.", "Eastern Aleppo countryside"),
    ("اغتال مجهولون مهندساً زراعياً في ريف الحسكة الجنوبي اليوم.", "Southern Al-Hasakah countryside"),
    ("قتلت قذيفة راعياً بريف حماة الشرقي اليوم.", "Eastern Hama countryside"),
    ("اعتقلت القوات مسعفاً في ريف القنيطرة اليوم.", "Quneitra countryside"),
])
def test_an_indefinite_object_with_tanween_is_no_village(text, area):
    """"خطف مسلحون صيدلانياً في ريف حلب": the word before the countryside is the verb's object (a
    noun with the accusative's tanween), not an unknown village the countryside locates (nor a
    village that sounds like it)."""
    assert [e.location for e in records(text)] == [area]


def test_an_unknown_village_before_a_countryside_is_still_one():
    assert [e.location for e in records("قصفت الطائرات كفير يابوس بريف دمشق اليوم.")] == ["كفير يابوس"]


# --------------------------------------------------------------------------- unnamed armed bands

@pytest.mark.parametrize("text", [
    "اندلعت اشتباكات عنيفة اليوم بين تشكيلات مسلحة في مدينة الزاوية.",
    "قتل ثلاثة أشخاص اليوم في اشتباكات بين مجموعتين مسلحتين في مدينة مصراتة.",
    "اندلعت اشتباكات اليوم بين فصيلين مسلحين في مدينة الباب.",
    "دارت مواجهات اليوم بين عصابات مسلحة في مدينة الجنينة.",
    "تجددت الاشتباكات اليوم بين مجموعات مسلحة محلية في مدينة جرمانا.",
])
def test_a_fight_between_unnamed_armed_bands_has_two_unidentified_sides(text):
    """"اشتباكات بين تشكيلات مسلحة": both sides are armed and unnamed: Unidentified Armed Group on
    each side (the record had no actor at all, or one side only)."""
    fights = [e for e in records(text) if e.event_type == "Battles"]
    assert [(e.actor1, e.actor2) for e in fights] == [("Unidentified Armed Group", "Unidentified Armed Group")]


@pytest.mark.parametrize("text, sides", [
    ("اندلعت اشتباكات اليوم بين فصائل الجيش الوطني وهيئة تحرير الشام في مدينة الباب.",
     {"Syrian National Army", "Hayat Tahrir al-Sham"}),
    ("اندلعت اشتباكات اليوم بين مسلحين وقوات الأمن في مدينة عدن.",
     {"Unidentified Armed Group", "Military Forces of Yemen"}),
])
def test_named_sides_of_a_fight_stay_named(text, sides):
    fights = [e for e in records(text) if e.event_type == "Battles"]
    assert fights and {fights[0].actor1, fights[0].actor2} == sides


# --------------------------------------------------------------------------- exchanges of fire

@pytest.mark.parametrize("text", [
    "قتل مسلحان اليوم في تبادل للنار مع الشرطة في مدينة الزرقاء.",
    "قتل مسلحان اليوم في تبادل النار مع الشرطة في مدينة الزرقاء.",
    "أصيب جندي اليوم في تبادل نار مع مهربين قرب بلدة الرمثا.",
    "قتل شرطي ومطلوب في تبادل لإطلاق نار في مدينة بنغازي اليوم.",
])
def test_an_exchange_of_fire_in_any_wording_is_a_clash(text):
    """"تبادل للنار"، "تبادل النار"، "تبادل نار": the exchange of fire is an armed clash, however the
    fire is worded (only "تبادل إطلاق النار" and "تبادل لإطلاق النار" were read)."""
    assert [e.sub_event_type for e in records(text)] == ["Armed clash"]


def test_a_call_to_stop_an_exchange_of_fire_is_no_clash():
    assert records("دعا الطرفان إلى وقف تبادل النار في مدينة طرابلس.") == []
