"""Issue 16, thirteenth session: the act's own day, wherever the article tells it.

An event's date is the day the text gives the act, not the publication day nor the day of a
statement, a strike or a funeral about it, nor a span told for the backdrop. Four moves:
three named weekdays running are one span; a lead's toll with no day, told again by a source with
its day; a span of the last days in a حيث or relative clause that describes the backdrop of a new
act; an act done during a protest that names its day. Every wording is our own, across countries;
none is an article's sentence. The articles are of Saturday 11 May 2024."""
from __future__ import annotations

from datetime import date

import pytest

from marsad.arabic.tokenise import make_doc
from marsad.dates import find_dates
from tests.test_stages_events5 import _extract

SATURDAY = "2024-05-11"
FRIDAY, THURSDAY = "2024-05-10", "2024-05-09"


def _days(text):
    return [(str(e.location), e.sub_event_type, str(e.event_date_start), str(e.event_date_end), e.fatalities)
            for e in _extract(text, published=SATURDAY)]


def _at(text, place):
    return [d for d in _days(text) if d[0] == place]


# --- 1. three weekdays running are one span ----------------------------------------------------------

@pytest.mark.parametrize("text, start, end", [
    ("قال مسؤول عسكري إن 12 جنديا قتلوا على مدى أيام الثلاثاء والأربعاء والخميس في اشتباكات مع مسلحي "
     "القاعدة في مديرية مودية.", "2024-05-07", "2024-05-09"),
    ("قتل 15 مسلحا من قوات الدعم السريع أيام الاثنين والثلاثاء والأربعاء في معارك مع الجيش قرب مدينة "
     "الأبيض.", "2024-05-06", "2024-05-08"),
    ("أعلن الجيش الليبي أن سبعة من عناصره قتلوا في مواجهات مع مسلحين في مدينة درنة على مدى أيام الأربعاء "
     "والخميس والجمعة.", "2024-05-08", "2024-05-10"),
    ("قتل 20 مقاتلا حوثيا خلال أيام الأربعاء والخميس والجمعة في معارك مع القوات الحكومية في مديرية "
     "حريب.", "2024-05-08", "2024-05-10"),
    ("قتل ستة من عناصر الشرطة أيام السبت والأحد والاثنين في هجمات لمسلحين على نقاط تفتيش في مدينة "
     "العريش.", "2024-05-04", "2024-05-06"),
])
def test_three_weekdays_running_are_one_span(text, start, end):
    """"على مدى أيام الأحد والاثنين والثلاثاء": a toll over three named days is one event over all three,
    from the first day, not over the last two."""
    found = _days(text)
    assert len(found) == 1 and found[0][2:4] == (start, end), found


@pytest.mark.parametrize("text, key", [
    ("قتلوا أيام الأحد والاثنين والثلاثاء", "days:6-1"),
    ("وقعت المعارك الخميس والجمعة والسبت", "days:3-5"),
    # controls: two days stay two; a third day that does not follow is a day of its own
    ("قتلوا يومي الخميس والجمعة", "days:3-4"),
    ("قتلوا الاثنين والخميس والجمعة", "weekday:0"),
])
def test_the_date_of_three_weekdays(text, key):
    found = find_dates(make_doc(text), date(2024, 5, 11))
    assert found and found[0].key == key, [(d.text, d.key) for d in found]


def test_two_days_not_running_with_a_third_keep_their_own_days():
    found = _days("قتل 15 مسلحا الاثنين والخميس والجمعة في معارك مع الجيش قرب مدينة الأبيض.")
    assert found and found[0][2] != "2024-05-06", found  # not one span from Monday


# --- 2. a lead's toll with no day, told again by a source with its day --------------------------------

@pytest.mark.parametrize("text, place, day", [
    ("قتل ستة مدنيين برصاص مسلحين مجهولين في مديرية الصعيد بمحافظة شبوة.\n\nوأفاد مصدر محلي بمقتل ستة "
     "مواطنين مساء أمس الجمعة على يد مسلحين اعترضوا سيارتهم قرب مديرية الصعيد.", "As Said", FRIDAY),
    ("لقي أربعة عمال مصرعهم في هجوم لمسلحين على مزرعة بمدينة سبها جنوبي ليبيا.\n\nونقلت وسائل إعلام محلية "
     "عن مصدر أمني أن مقتل أربعة عمال وقع فجر الخميس حين اقتحم المسلحون المزرعة.", "Sabha", THURSDAY),
    ("قتل ثمانية مدنيين في قصف على سوق بمدينة الفاشر في شمال دارفور.\n\nوقالت لجان المقاومة إن مقتل "
     "ثمانية أشخاص وقع ظهر أمس بعد سقوط قذائف على السوق.", "El Fasher", FRIDAY),
    ("قتل ثلاثة رعاة بانفجار لغم أرضي في بلدة الخيام جنوبي لبنان.\n\nوذكرت الوكالة الوطنية للإعلام أن "
     "مقتل ثلاثة رعاة وقع مساء الخميس خلال رعيهم الماشية.", "Khiam", THURSDAY),
    ("قتل خمسة مزارعين على يد مسلحين في قضاء الطارمية شمال بغداد.\n\nوأفاد مصدر في الشرطة بمقتل خمسة "
     "مزارعين ليلة أمس الجمعة في هجوم على بساتين القضاء.", "Tarmiyah", FRIDAY),
    ("قتل سبعة أشخاص في هجوم لمسلحين على قرية في ريف درعا الغربي.\n\nوأفاد ناشطون بمقتل سبعة أشخاص صباح "
     "الخميس على يد مسلحين مجهولين في قرية اليادودة.", "Western Dara countryside", THURSDAY),
])
def test_a_leads_toll_told_again_with_its_day_takes_that_day(text, place, day):
    """"قتل 5 مدنيين ... وأفادت شبكة محلية بمقتل خمسة شبان مساء أمس الجمعة": the same toll, told again
    with its day right after it, dates the lead's act; not the day the article came out."""
    found = _at(text, place)
    assert found and all(d[2] == day for d in found), _days(text)


@pytest.mark.parametrize("text, place, day", [
    # the lead gives its own day: it stands
    ("قتل ستة مدنيين برصاص مسلحين مجهولين في مديرية الصعيد بمحافظة شبوة اليوم السبت.\n\nوأفاد مصدر "
     "محلي بمقتل ستة مواطنين على يد مسلحين اعترضوا سيارتهم.", "As Said", SATURDAY),
    # another event's day, with another count, moves nothing
    ("قتل ستة مدنيين برصاص مسلحين مجهولين في مديرية الصعيد بمحافظة شبوة.\n\nوكان مسلحون قد قتلوا ثلاثة "
     "جنود مساء الخميس في مديرية نصاب.", "As Said", SATURDAY),
    # the same toll told again with today: today
    ("قتل ستة مدنيين برصاص مسلحين مجهولين في مديرية الصعيد بمحافظة شبوة.\n\nوأفاد مصدر محلي بمقتل ستة "
     "مواطنين اليوم على يد مسلحين اعترضوا سيارتهم.", "As Said", SATURDAY),
    # the same count of other victims at another place, with its day: another event
    ("قتل خمسة مدنيين في قصف على مدينة إدلب.\n\nوكان خمسة جنود قد قتلوا أمس في هجوم على مدينة حماة.",
     "Idlib", SATURDAY),
    ("قتل خمسة مدنيين في قصف على مدينة إدلب.\n\nوفي حماة، أفاد ناشطون بمقتل خمسة جنود أمس في هجوم على "
     "حاجز.", "Idlib", SATURDAY),
])
def test_a_leads_own_day_or_another_events_day_stays(text, place, day):
    found = _at(text, place)
    assert found and all(d[2] == day for d in found), _days(text)


# --- 3. a span of the last days in a backdrop clause dates no new act --------------------------------

@pytest.mark.parametrize("text, place", [
    ("شن مسلحو الحوثي هجوما جديدا على مواقع القوات الحكومية في مديرية صرواح، حيث قتل وجرح العشرات خلال "
     "الأيام الماضية.", "Suq Sirwah"),
    ("هاجم مسلحو تنظيم داعش قرية الهيشة في ريف الرقة، التي شهدت اشتباكات عنيفة خلال الأيام الماضية.",
     "الهيشة"),
    ("شنت قوات الدعم السريع هجوما جديدا على مدينة الفاشر، حيث سقط عشرات القتلى خلال الأيام الماضية.",
     "El Fasher"),
    ("شنت ميليشيات مسلحة هجوما جديدا على مطار معيتيقة في طرابلس، حيث دارت اشتباكات متقطعة خلال الأيام "
     "الماضية.", "Mitiga airport"),
    ("قصفت مدفعية الحوثيين أحياء سكنية في مدينة تعز، التي تعرضت لقصف متقطع خلال الأيام الماضية.", "Taiz"),
])
def test_a_span_of_the_last_days_in_a_backdrop_clause_dates_no_new_act(text, place):
    """"شنت ميليشيات هجوما جديدا على المطار، حيث قتل وجرح العشرات خلال الأيام الماضية": the span dates the
    fighting before, told in a clause that describes the place; the new attack is of the article's day."""
    found = _at(text, place)
    assert found and all(d[2] == SATURDAY for d in found), _days(text)


@pytest.mark.parametrize("text, place", [
    # the span in the act's own clause stays the act's
    ("قتل 20 مدنيا خلال الأيام الماضية في قصف على مدينة الفاشر.", "El Fasher"),
    ("تعرضت بلدة كفرنبل لقصف مدفعي خلال الأيام الماضية أسفر عن مقتل ستة مدنيين.", "Kafranbel"),
])
def test_a_span_in_the_acts_own_clause_stays(text, place):
    found = _at(text, place)
    assert found and all(d[2] == "2024-05-04" and d[3] == SATURDAY for d in found), _days(text)


# --- 4. an act done during a protest that names its day ----------------------------------------------

@pytest.mark.parametrize("text, place, day", [
    ("يعم الحداد مدينة أم درمان، السبت، بعد مقتل خمسة محتجين برصاص الشرطة خلال مظاهرات انطلقت الخميس في "
     "المدينة.", "Omdurman", THURSDAY),
    ("أغلقت المحال التجارية أبوابها في مدينة الخرطوم، السبت، حدادا على مقتل أربعة محتجين برصاص الشرطة "
     "خلال مظاهرات خرجت، الجمعة، في المدينة.", "Khartoum", FRIDAY),
    ("تعطلت الدراسة في مدينة الناصرية، السبت، بعد مقتل متظاهرين اثنين برصاص قوات الأمن أثناء تظاهرات "
     "خرجت مساء الخميس في المدينة.", "Nasiriyah", THURSDAY),
    ("نظم أهالي مدينة زليتن وقفة حداد، السبت، بعد مقتل ثلاثة محتجين برصاص مسلحين خلال مظاهرات "
     "انطلقت، الجمعة، وسط المدينة.", "Zliten", FRIDAY),
    ("عم الإضراب مدينة طرابلس اللبنانية، اليوم، احتجاجا على مقتل شاب برصاص الجيش خلال احتجاجات اندلعت "
     "الخميس في المدينة.", "Tripoli", THURSDAY),
    ("أصيب عشرات وقتل متظاهر برصاص قوات الأمن في مدينة عدن أثناء احتجاجات الخميس على انقطاع الكهرباء.",
     "Aden", THURSDAY),
])
def test_an_act_during_a_protest_takes_the_protests_day(text, place, day):
    """"مقتل 16 برصاص الجيش خلال مظاهرات خرجت، الجمعة": the killing was on the protest's day, whatever day
    the sentence gives the strike, the mourning or the closure that reacts to it; its toll goes with it."""
    found = _at(text, place)
    killed = [d for d in found if d[4]]
    assert killed and all(d[2] == day for d in killed), _days(text)
    assert not any(d[2] == SATURDAY and d[1] != "Peaceful protest" for d in found), _days(text)


@pytest.mark.parametrize("text, place", [
    # the act's own day stands before the protest: it stays
    ("قتل متظاهر برصاص قوات الأمن اليوم في مدينة عدن خلال احتجاجات على انقطاع الكهرباء.", "Aden"),
    ("قتل متظاهران برصاص قوات الأمن في مدينة الناصرية اليوم السبت خلال احتجاجات اليوم.", "Nasiriyah"),
    ("قتل متظاهران برصاص قوات الأمن في مدينة الناصرية السبت خلال احتجاجات خرجت في المدينة.", "Nasiriyah"),
])
def test_an_act_with_its_own_day_during_a_protest_keeps_it(text, place):
    found = _at(text, place)
    assert found and all(d[2] == SATURDAY for d in found), _days(text)


# --- 5. an event told with the day it took place, named again in a later statement ----------------

@pytest.mark.parametrize("text, place", [
    ("قتل ثلاثة جنود اليوم في هجوم لمسلحين على حاجز في مدينة العريش.\n\nويأتي الهجوم بعد إدانة الرئاسة "
     "للتفجيرات التي وقعت في 9 مايو في مدينة رفح. وتعهد الرئيس الجمعة بالرد على الهجوم الذي أسفر عن مقتل "
     "ستة أشخاص في رفح.", "Rafah"),
    ("قصفت طائرات التحالف اليوم مواقع للحوثيين في مديرية حرض.\n\nوجاء القصف بعد إدانة الحكومة للهجمات "
     "التي وقعت في 9 مايو ضد سكان مدينة مأرب. وقال وزير الإعلام الجمعة إن هجوم الحوثيين على مأرب أسفر "
     "عن مقتل تسعة مدنيين.", "Ma'rib"),
    ("قتل شرطيان اليوم في انفجار عبوة ناسفة في مدينة بنغازي.\n\nويأتي الانفجار بعد استنكار المجلس الرئاسي "
     "للمجزرة التي وقعت في 9 مايو في مدينة سرت. وتوعد رئيس المجلس الجمعة بملاحقة المسلحين الذين قتلوا "
     "سبعة أشخاص في هجوم على سرت.", "Sirte"),
    ("قتل خمسة مدنيين اليوم في قصف مدفعي على مدينة الأبيض.\n\nويأتي القصف بعد تنديد الحكومة بالهجمات "
     "التي وقعت في 9 مايو على مدينة الجنينة. وأعلن حاكم الإقليم الجمعة أن هجوم قوات الدعم السريع على "
     "الجنينة أسفر عن مقتل 30 مدنيا.", "Al-Junaynah"),
    ("قتل جندي اليوم في اشتباك مع مسلحين قرب بلدة عرسال.\n\nويأتي ذلك بعد إدانة الحكومة للغارات التي "
     "وقعت في 9 مايو على بلدة الهرمل. وقال رئيس الحكومة الجمعة إن الغارة الإسرائيلية على الهرمل أسفرت عن "
     "مقتل أربعة مدنيين.", "El Hermel"),
])
def test_an_event_named_again_in_a_later_statement_keeps_its_own_day(text, place):
    """"للهجمات الكيميائية التي وقعت في 7 أبريل ضد سكان دوما" and then "تعهدا الأحد برد قوي على هجوم
    كيميائي ... في دوما": the day of the pledge or the statement is not the attack's; it took place on
    the day the relative clause gives."""
    found = _at(text, place)
    assert found and all(d[2] == "2024-05-09" for d in found), _days(text)


@pytest.mark.parametrize("text, place", [
    # a new act at the same place, with its own day after its word: it stays on its day
    ("قتل ثلاثة جنود اليوم في هجوم لمسلحين على حاجز في مدينة العريش.\n\nويأتي الهجوم بعد إدانة الرئاسة "
     "للتفجيرات التي وقعت في 9 مايو في مدينة رفح. وقتل ستة أشخاص في هجوم جديد على رفح الجمعة.", "Rafah"),
    ("قتل خمسة مدنيين اليوم في قصف مدفعي على مدينة الأبيض.\n\nويأتي القصف بعد تنديد الحكومة بالهجمات "
     "التي وقعت في 9 مايو على مدينة الجنينة. وشنت قوات الدعم السريع الجمعة هجوما جديدا على الجنينة أسفر "
     "عن مقتل 30 مدنيا.", "Al-Junaynah"),
])
def test_a_new_act_at_the_same_place_keeps_its_own_day(text, place):
    found = _at(text, place)
    assert found and all(d[2] == FRIDAY for d in found), _days(text)


# --- 6. a bare weekday after a marker of the future is the coming one --------------------------------

@pytest.mark.parametrize("text, day", [
    ("من المقرر أن يجتمع مجلس الأمن الاثنين لبحث الهجوم", "2024-05-13"),
    ("رجح دبلوماسيون أن يجتمع المجلس بعد ظهر الاثنين", "2024-05-13"),
    ("سوف يزور المبعوث الأممي مدينة الحديدة الأربعاء", "2024-05-15"),
    ("ستعقد الحكومة اللبنانية جلسة طارئة الثلاثاء", "2024-05-14"),
    ("من المتوقع أن تنعقد لجنة التحقيق في بنغازي الأحد", "2024-05-12"),
    ("ستعقد الحكومة السودانية اجتماعا السبت", SATURDAY),  # the publication day itself
])
def test_a_weekday_after_a_marker_of_the_future_is_the_coming_one(text, day):
    found = find_dates(make_doc(text), date(2024, 5, 11))
    assert found and str(found[0].date_start) == day, [(d.text, d.key, d.date_start) for d in found]


@pytest.mark.parametrize("text, day", [
    ("قتل أربعة مدنيين الاثنين في غارة على مدينة صعدة", "2024-05-06"),
    ("قال الجيش إنه سيواصل عملياته بعد أن قصفت طائراته الاثنين مواقع في مدينة صعدة", "2024-05-06"),
    ("وكانت الطائرات قصفت الاثنين البلدة التي من المتوقع أن تشهد معارك", "2024-05-06"),
    ("سوف يزور الرئيس المدينة الخميس المقبل", "2024-05-16"),
])
def test_a_weekday_of_a_past_act_or_with_its_own_modifier_stays(text, day):
    found = find_dates(make_doc(text), date(2024, 5, 11))
    assert found and str(found[0].date_start) == day, [(d.text, d.key, d.date_start) for d in found]


@pytest.mark.parametrize("text, place", [
    ("قتل أربعة مدنيين اليوم في غارة على مدينة صعدة.\n\nومن المقرر أن يجتمع مجلس الأمن الاثنين لبحث الهجوم "
     "على صعدة.", "Sa'dah"),
    ("قتل جنديان اليوم في اشتباك مع مسلحين في مدينة سرت.\n\nومن المتوقع أن تنعقد لجنة التحقيق الاثنين في "
     "سرت لبحث الاشتباكات.", "Sirte"),
    ("قتل ثلاثة جنود اليوم في هجوم على حاجز في مدينة العريش.\n\nورجح مسؤولون أن يعقد البرلمان جلسة طارئة "
     "الثلاثاء لمناقشة الهجوم على العريش.", "Arish"),
])
def test_a_meeting_to_come_on_a_weekday_makes_no_event_of_last_week(text, place):
    """"رجح دبلوماسيون أن يجتمع مجلس الأمن بعد ظهر الاثنين لبحث الهجوم": the meeting is to come; the
    attack it will discuss is the one told, not a new one on the Monday before."""
    found = _at(text, place)
    assert found and all(d[2] == SATURDAY for d in found), _days(text)
