"""A fight told, then said to have begun days before (الاشتباكات بدأت قبل 4 أيام), is one event, not a
second one on its first day; the killing that set it off (بدأت بعد مقتل ...) is no part of its toll;
and a side's approximate share of the total ("حوالي 29 من الطوارق" of 37) is a part of it."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "قتل 37 شخصا في اشتباكات قبلية في مدينة سبها، وفقا لما ذكره مسؤولون الثلاثاء.\n"
    "وأوضح المسؤولون أن الاشتباكات بدأت قبل 4 أيام بين مسلحين من الطوارق وقبيلة تبو.",
    "اندلعت اشتباكات عنيفة بين عشيرتين في مدينة الرمادي أمس، وقتل فيها 12 شخصا.\n"
    "وقال شهود إن الاشتباكات اندلعت قبل ثلاثة أيام في حي الملعب.",
    "قتل 9 أشخاص في مواجهات بين فصيلين في مدينة الباب اليوم.\n"
    "وذكرت مصادر أن المواجهات تفجرت قبل يومين بسبب خلاف على حاجز.",
])
def test_a_fight_said_to_have_begun_days_before_is_one_event(text):
    found = [e for e in marsad.extract(text, "2015-07-22", min_confidence=0) if e.event_type == "Battles"]
    assert len(found) == 1, [(e.location, e.event_date, e.fatalities) for e in found]


@pytest.mark.parametrize("text, dead", [
    ("قتل 37 شخصا في اشتباكات قبلية في مدينة سبها الثلاثاء.\n"
     "وقال عميد البلدية إن الاشتباكات أسفرت عن مقتل حوالي 29 فردا من الطوارق.\n"
     "وقال مسؤول من قبيلة تبو إن الاشتباكات بدأت بعد مقتل أحد أفراد القبيلة عند حاجز أمني.\n"
     "وقالت مسؤولة محلية إن 8 أفراد من القبيلة قتلوا في الاشتباكات.", 37),
    ("قتل 23 شخصا في اشتباكات بين عشيرتين في مدينة البصرة اليوم.\n"
     "وقال مصدر أمني إن الاشتباكات اندلعت إثر مقتل شاب من إحدى العشيرتين.\n"
     "وأضاف أن بين القتلى نحو 17 من العشيرة الأولى و6 من الثانية.", 23),
])
def test_the_cause_and_the_shares_add_nothing(text, dead):
    found = [e for e in marsad.extract(text, "2015-07-21", min_confidence=0) if e.event_type == "Battles"]
    assert found and max(e.fatalities for e in found) == dead, [(e.location, e.fatalities) for e in found]


@pytest.mark.parametrize("text, dead", [
    ("قتل 23 شخصا في اشتباكات بين عشيرتين في مدينة البصرة اليوم.\nوقال مصدر إن الخلاف بدأ بين إحدى العشيرتين "
     "وجيرانها.\nوأضاف أن بين القتلى 17 من العشيرة الأولى.", 23),
    ("قتل 15 شخصا في تفجير سيارة مفخخة في مدينة تكريت اليوم.\nواستهدف التفجير موكب أحد المسؤولين.\n"
     "وأكدت الشرطة أن من بين القتلى أربعة من عناصرها.", 15),
])
def test_a_part_marker_takes_no_count_from_the_sentence_before(text, dead):
    found = marsad.extract(text, "2015-07-21", min_confidence=0)
    assert found and max(e.fatalities for e in found) == dead, [(e.location, e.fatalities) for e in found]


@pytest.mark.parametrize("text, dead", [
    ("قتل أربعة فلسطينيين من عائلة واحدة في غارة جوية استهدفت منزلهم في مدينة رفح، لترتفع حصيلة القصف على "
     "القطاع اليوم إلى 24 قتيلا.", 4),
    ("قتل ثلاثة مدنيين في غارة على بلدة سراقب، ليرتفع عدد القتلى في محافظة إدلب اليوم إلى 19.", 3),
    ("قتل خمسة أشخاص بقصف على مدينة تعز، لترتفع حصيلة ضحايا القصف في المحافظة خلال اليوم إلى 12 قتيلا.", 5),
])
def test_a_tally_over_a_wider_area_is_not_the_towns_toll(text, dead):
    found = marsad.extract(text, "2014-07-29", min_confidence=0)
    assert found and all(e.fatalities == dead for e in found), [(e.location, e.fatalities) for e in found]


@pytest.mark.parametrize("text", [
    "قتل ثلاثة عناصر من قسد بانفجار عبوة ناسفة في مدينة الحسكة اليوم.\nوأضافت أن اثنين من القتلى هم من جرحى "
    "الحرب الذين أصيبوا في أثناء المعارك التي خاضوها ضد تنظيم الدولة الإسلامية سابقًا.",
    "قتل جنديان بانفجار عبوة ناسفة في مدينة درعا اليوم.\nوكان أحدهما قد شارك في المعارك ضد فصائل المعارضة "
    "في ريف درعا سابقا.",
    "قتل مسلحون شابا في بلدة الصنمين اليوم.\nوالشاب من عناصر فصائل المعارضة الذين قاتلوا قوات النظام في "
    "درعا في السابق.",
])
def test_an_earlier_time_after_the_event_word_makes_it_the_past(text):
    found = marsad.extract(text, "2024-11-12", min_confidence=0)
    assert len(found) == 1, [(e.event_type, e.location) for e in found]


@pytest.mark.parametrize("text", [
    'خرجت مظاهرات حاشدة في مدينة بنش مساء الثلاثاء ضد هيئة تحرير الشام "جبهة النصرة سابقاً".',
    "اندلعت اشتباكات في بلدة سرمدا اليوم بين فصائل المعارضة وتنظيم حراس الدين (القاعدة سابقا).",
])
def test_a_former_name_in_quotes_keeps_the_event(text):
    assert marsad.extract(text, "2024-11-12", min_confidence=0)


@pytest.mark.parametrize("text, dead", [
    ("وسقط ستة مواطنين مدنيين بينهم طفل وخمس نساء إثر قصف من الطائرات الحربية على منزل في مدينة رفح اليوم.", 6),
    ("سقط ثلاثة شبان إثر غارة إسرائيلية على منزل في بلدة بيت حانون اليوم.", 3),
    ("سقط جريحان في غارة على بلدة كونين اليوم.", 0),
    ("سقط خمسة أشخاص بين قتيل وجريح في قصف على مدينة دوما اليوم.", 0),
])
def test_people_who_fell_are_dead_unless_wounded(text, dead):
    found = marsad.extract(text, "2014-07-29", min_confidence=0)
    assert found and found[0].fatalities == dead, [(e.location, e.fatalities) for e in found]
