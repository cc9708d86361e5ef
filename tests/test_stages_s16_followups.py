"""Events told after the lead, in sentences of their own.

- A verb that says an act took place (تظاهر، خرجت، شهدت، نظموا، اعتقلت) tells a happening, even
  with no victim, no armed side and no day of its own: "وتظاهر المئات في X وY" is news, not an
  event word in a general statement.
- A body event told as another instance (شابين آخرين، غارة أخرى، مظاهرات مماثلة) is not the
  lead's event told again at a finer place: the lead's town keeps its own record.
- One clause that tells an act at several places makes records that are as likely to be coded as
  each other: the place the lead names does not outrank the others only because the lead's words
  count for it alone (record confidence, ``times_told``).
- A place after the عن of a distance verb (تبعد عن X، وتبعد القرية عن مدينة X) is where a distance is
  measured from, with the number before or after it or none.
"""
import pytest

import marsad

DAY = "2023-05-06"


def _places(text: str, floor: float | None = 0) -> set[str]:
    return {e.location for e in marsad.extract(text, DAY, min_confidence=floor)}


@pytest.mark.parametrize("text, places", [
    ("خرجت مظاهرات حاشدة اليوم في مدينة الباب ضد الفصائل. وتظاهر المئات في مدينة الباب وقباسين وبزاعة.",
     {"Al-Bab", "Qabasin", "Bza'a"}),
    ("خرجت مظاهرات حاشدة اليوم في مدينة الباب ضد الفصائل. وخرجت مظاهرات مماثلة في قباسين وبزاعة.",
     {"Al-Bab", "Qabasin", "Bza'a"}),
    ("نظم العشرات وقفة احتجاجية صباح اليوم في مدينة الحسكة. كما نظم معلمون وقفة احتجاجية في القامشلي.",
     {"Al-Hasakah", "Qamishli"}),
    ("تظاهر مئات الطلاب اليوم أمام جامعة إدلب. وشهدت بلدتا بنش وسرمين مظاهرات مماثلة.",
     {"Binnish", "Sarmin"}),
    ("خرجت مظاهرات حاشدة اليوم في مدينة الباب ضد الفصائل. وتظاهر طلاب جامعيون في مدينة اعزاز.",
     {"Al-Bab", "Azaz"}),
])
def test_a_verb_that_says_the_act_took_place_tells_news_after_the_lead(text, places):
    found = _places(text)
    assert places <= found, found


@pytest.mark.parametrize("text, places", [
    ("اعتقلت قوات الأمن اليوم خمسة شبان في مدينة الباب. واعتقلت شابين آخرين في قباسين.", {"Al-Bab", "Qabasin"}),
    ("داهمت قوات الأمن اليوم منازل في مدينة دوما واعتقلت عددا من الشبان، كما اعتقلت شبانا آخرين في بلدة مسرابا.",
     {"Douma", "Misraba"}),
    ("شنت طائرات حربية غارة على مدينة أريحا صباح اليوم. وشنت غارة أخرى على بلدة محمبل.", {"Ariha", "Mhambal"}),
])
def test_another_instance_in_the_body_leaves_the_lead_s_town_its_own_event(text, places):
    found = _places(text)
    assert places <= found, found


def test_the_body_telling_the_lead_s_event_at_a_finer_place_is_still_one_event():
    # no "another": the lead's town sums up the body's village, as before
    found = _places("قتل مدني اليوم في قصف على ريف إدلب. وسقطت القذائف على بلدة كنصفرة في جبل الزاوية.")
    assert found == {"Kansafra"}, found


@pytest.mark.parametrize("text, places", [
    ("شهدت عدة بلدات في ريف حلب مساء الجمعة مظاهرات ضد الفصائل. وقال ناشطون إن المئات خرجوا بعد صلاة العصر بمظاهرات في "
     "مدينة الباب وقباسين شرقها وبزاعة جنوبها مطالبين بالإفراج عن المعتقلين.", {"Al-Bab", "Qabasin", "Bza'a"}),
    ("خرجت مظاهرات في مدن وبلدات عدة بريف إدلب مساء الخميس. وذكرت مصادر محلية أن المئات تظاهروا في مدينة "
     "إدلب وبنش شرقها ومعرة مصرين شمالها.", {"Idlib", "Binnish", "Maarat Misrin"}),
])
def test_places_told_by_one_clause_are_held_to_one_confidence(text, places):
    every = marsad.extract(text, DAY, min_confidence=0)
    told = [e for e in every if e.location in places]
    assert {e.location for e in told} == places, [(e.location, e.confidence) for e in every]
    assert len({e.confidence for e in told}) <= 2, [(e.location, e.confidence) for e in told]
    assert places <= _places(text, None), [(e.location, e.confidence) for e in every]


@pytest.mark.parametrize("text, place, reference", [
    ("انفجرت عبوة ناسفة اليوم في قرية الروضة، وتبعد القرية عن مدينة العريش مسافة 50 كم.", "Al-Rawda (Bir al-Abd)",
     "Arish"),
    ("قتل مدنيان اليوم بقصف على بلدة كفرنبودة التي تبعد عن مدينة حماة نحو 40 كيلومترا.", "Kafr Nabudah", "Hama"),
    ("سقطت قذائف اليوم على قرية جورين، وهي قرية تبعد عن مدينة حماة قرابة 50 كم.", "Jurin", "Hama"),
])
def test_the_place_a_distance_is_measured_from_is_no_event_place(text, place, reference):
    found = _places(text)
    assert place in found and reference not in found, found
