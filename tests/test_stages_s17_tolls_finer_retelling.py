"""A lead that places its event only by a governorate or a region, followed soon by a sentence that
tells the same act at one place inside that area (a definite word of its kind: الغارة، الهجوم; or the
lead's own target noun again: حافلة، قاعدة، سيارة), is that event at that place: one record there,
with the lead's dead (not a record at the governorate with the dead and one at the place without)."""
import pytest

import marsad

DAY = "2020-09-14"


@pytest.mark.parametrize("text, place, dead", [
    # a definite word of the same kind
    ("قتل شخصان اليوم في غارة شنتها طائرة مسيرة إسرائيلية على دراجة نارية جنوب لبنان. وأفادت الوكالة "
     "الوطنية للإعلام بأن الغارة استهدفت الدراجة في بلدة بنت جبيل.", "Bent Jbail", 2),
    # a general word of attack placing an ambush
    ("قتل 12 جنديا اليوم في كمين في محافظة ديالى. وقال مصدر أمني إن الهجوم وقع قرب قضاء المقدادية "
     "أثناء عملية تفتيش.", "Muqdadiyah", 12),
    # the lead's target noun told again
    ("قتل ثلاثة جنود اليوم في هجوم على قاعدة عسكرية في محافظة شبوة. وقال مصدر محلي إن مسلحين هاجموا "
     "قاعدة عسكرية في مديرية عزان بمحافظة شبوة.", "Azzan", 3),
    # the target noun again in a sentence with no event word of its own
    ("قتل خمسة جنود اليوم في هجوم شنه مسلحون على معسكر للجيش في محافظة مأرب. وقال مصدر عسكري إن عربة "
     "تقل مسلحين توجهت إلى معسكر في مديرية صرواح بمحافظة مأرب.", "Suq Sirwah", 5),
    ("قتل أربعة مدنيين اليوم في هجوم على حافلة في محافظة درعا. وأفاد مصدر محلي أن مجهولين أطلقوا النار "
     "على حافلة قرب بلدة نوى.", "Nawa", 4),
])
def test_the_lead_event_is_at_the_finer_place_told_after_it(text, place, dead):
    found = marsad.extract(text, DAY, min_confidence=0)
    deadly = [(e.location, e.fatalities) for e in found if e.fatalities]
    assert deadly == [(place, dead)], [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_two_places_in_the_area_refine_nothing():
    text = ("قتل خمسة جنود اليوم في هجمات على حواجز في محافظة درعا. وقال مصدر إن الهجوم الأول وقع في بلدة نوى "
            "بينما وقع الهجوم الثاني في بلدة طفس.")
    found = marsad.extract(text, DAY, min_confidence=0)
    assert not any(e.location in ("Nawa", "Tafas") and e.fatalities == 5 for e in found), \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_place_in_another_governorate_refines_nothing():
    text = ("قتل ستة جنود اليوم في هجوم على قاعدة عسكرية في محافظة أبين. وفي محافظة شبوة قال مصدر إن مسلحين "
            "هاجموا قاعدة عسكرية في مديرية عزان.")
    found = marsad.extract(text, DAY, min_confidence=0)
    assert not any(e.location == "Azzan" and e.fatalities == 6 for e in found), \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_lead_over_events_at_several_places_stays_their_sum():
    text = ("قتل 14 مدنيا اليوم في غارات جوية على محافظة حماة. وقتل ثمانية مدنيين في غارة على بلدة كفرزيتا، "
            "وستة في غارة على بلدة اللطامنة. وقالت مصادر إن الغارة على كفرزيتا دمرت منزلا.")
    found = marsad.extract(text, DAY, min_confidence=0)
    assert not any(e.fatalities and e.fatalities >= 14 for e in found), \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_a_later_event_with_dead_of_its_own_is_no_finer_telling():
    # the ambush's three stay where the lead puts them; the town's fight keeps its own 20
    text = ("نفذت قوات المقاومة كمينا لعربة عسكرية في محافظة البيضاء اليوم ما أدى إلى مقتل 3 مسلحين كانوا على متنها.\n"
            "ولقي 20 مسلحا مصرعهم في المواجهات المستمرة في مديرية صرواح غرب مأرب.")
    found = marsad.extract(text, DAY, min_confidence=0)
    assert ("Suq Sirwah", 20) in [(e.location, e.fatalities) for e in found], \
        [(e.location, e.fatalities) for e in found]


def test_a_lead_summing_strikes_told_far_apart_is_not_moved():
    text = ("قتل أربعة مدنيين اليوم في غارات للطيران الحربي على محافظة درعا، وفق المرصد.\n"
            "وقال المرصد إن الطائرات شنت صباح اليوم ضربات جوية على بلدة أم المياذن مما أسفر عن مقتل ثلاثة مدنيين.\n"
            "وأضاف أن القوات بدأت اقتحام البلدة.\n"
            "وتحدث المرصد عن مفاوضات بين الطرفين.\n"
            "ولم تعلق الحكومة على الأمر.\n"
            "واستهدفت الطائرات الحربية أيضا أحياء في مدينة درعا، مما أسفر عن مقتل مدني.")
    found = marsad.extract(text, DAY, min_confidence=0)
    assert ("Umm al-Mayadhin", 4) not in [(e.location, e.fatalities) for e in found], \
        [(e.location, e.fatalities) for e in found]
