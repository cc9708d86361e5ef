"""Classes of the eleventh set's tuning half, each in wordings of our own:

- what a place underwent (وتعرضت بلدتا X وY لقصف مماثل) tells an event that happened, with no
  victim, date or means in its clause; and the toll of the clause before it stays with its own
  town (the next clause's place noun is not "elsewhere");
- an ambush that fell on civilians (كمينا لتجار، كمين لحافلة ركاب) is an attack on civilians, one
  that fell on a force (كمينا لدورية للجيش) stays a battle;
- "في أقصى شمال شرق Y" locates the town before it as "في شمال شرق Y" does;
- a word split by tatweels around a space to slip past filters (مجـ ـزرة) is read as one word.
"""
import pytest

import marsad
from marsad.arabic.normalise import normalise

DAY = "2016-10-02"


def _events(text: str, day: str = DAY):
    return marsad.extract(text, day)


@pytest.mark.parametrize("text, places", [
    ("قتل مدني بقصف مدفعي على مدينة دوما اليوم. وتعرضت كل من بلدتي حمورية وسقبا لقصف مماثل.",
     {"Douma", "Hamouria", "Saqba"}),
    ("قتل طفلان بغارة جوية على بلدة كفرنبل اليوم. كما تعرضت قرية حاس لغارات أوقعت أضرارا مادية.",
     {"Kafranbel", "Has"}),
    ("أصيب ثلاثة مدنيين بقصف صاروخي على مدينة حرستا. وتعرضت بلدة مسرابا أيضا لقصف مماثل.",
     {"Harasta", "Misraba"}),
])
def test_what_a_place_underwent_is_an_event(text, places):
    assert {e.location for e in _events(text)} == places


def test_an_ongoing_campaign_a_place_undergoes_is_no_new_event():
    found = _events("قتل طفلان بغارة جوية على بلدة كفرنبل اليوم. وتتعرض قرية حاس لغارات شبه يومية منذ أشهر.")
    assert {e.location for e in found} == {"Kafranbel"}


@pytest.mark.parametrize("text, town, deaths", [
    ("قتلت امرأة بقصف مدفعي على حي في مدينة حرستا، وتعرضت أيضا بلدة مسرابا لقصف مماثل أوقع جرحى.",
     "Harasta", 1),
    ("قتل طفلان بغارة جوية على بلدة كفرنبل، وتعرضت قرية حاس لغارات أوقعت أضرارا مادية.", "Kafranbel", 2),
])
def test_a_toll_stays_with_its_town_before_the_next_clause_names_another(text, town, deaths):
    tolls = {e.location: e.fatalities for e in _events(text)}
    assert tolls[town] == deaths, tolls


@pytest.mark.parametrize("text, deaths", [
    ("نصب مسلحون مجهولون كمينا لسيارة تقل مدنيين قرب بلدة الرهد اليوم وقتلوا خمسة منهم.", 5),
    ("نصبت قوات الدعم السريع كمينا لتجار قرب بلدة الرهد اليوم وفتحت النار عليهم فقتلت 23 منهم.", 23),
    ("قتل خمسة مدنيين في كمين نصبه مسلحون لحافلة ركاب على طريق الرهد اليوم.", 5),
])
def test_an_ambush_on_civilians_is_an_attack(text, deaths):
    found = _events(text, "2024-07-13")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Attack", deaths)], found


@pytest.mark.parametrize("text", [
    "نصب عناصر من داعش كمينا لدورية للجيش قرب بلدة الرهد اليوم وقتلوا خمسة جنود.",
    "قتل ثلاثة جنود في كمين نصبه مسلحون لرتل عسكري قرب بلدة الرهد اليوم.",
])
def test_an_ambush_on_a_force_stays_a_battle(text):
    assert [e.sub_event_type for e in _events(text, "2024-07-13")] == ["Armed clash"]


@pytest.mark.parametrize("text, place", [
    ("نفذت القوات التركية اليوم غارات جوية على مدينة عين العرب في أقصى شمال شرق حلب.", "Kobani"),
    ("سقطت قذائف على بلدة البوكمال في أقصى شرق دير الزور اليوم وقتلت طفلا.", "Abu Kamal"),
])
def test_the_far_side_of_a_governorate_locates_the_town(text, place):
    assert {e.location for e in _events(text)} == {place}


def test_a_word_split_by_tatweels_is_one_word():
    n = normalise("ارتكبت مجـ ـزرة جديدة")
    assert n.text == "ارتكبت مجزره جديده"
    assert n.raw_slice(0, len(n.text)) == "ارتكبت مجـ ـزرة جديدة"
    # a tatweel on one side only is no split word
    assert normalise("مجـ زرة").text == "مج زره"


def test_a_toll_told_with_a_split_word():
    found = _events("وبلغت الحصيلة الأولية للمـ ـجزرة التي ارتكبها مسلحون في قرية الرهد اليوم سقوط 23 "
                    "قتيلا من المدنيين.", "2024-07-13")
    assert [e.fatalities for e in found] == [23], found
