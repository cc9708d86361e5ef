"""Issue 16, tolls and dates of the frame: another event's toll, one toll over two places, a body
shown in a picture, a named man killed with company in one of a place's farms; the event's own day
inside a statement made on another day, and a span of the last hours against the act's own day.
Every wording is our own; none is an article's sentence."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

SUNDAY = date(2022, 1, 23)
SATURDAY = date(2018, 3, 31)
FRIDAY = date(2018, 7, 20)


def _extract(text, published=SUNDAY):
    return marsad.extract(text, published=published)


def _show(found) -> list:
    return [(e.sub_event_type, e.location, e.event_date, e.fatalities) for e in found]


def _toll_at(found, place) -> list[int]:
    return [e.fatalities for e in found if e.location == place]


# --- 1. "another strike" with no place of its own: its dead are not the first strike's ----------

@pytest.mark.parametrize("text, place, toll", [
    ("قتل 12 مدنيا في غارة جوية للتحالف على سوق في مدينة الدريهمي اليوم. وقال مسؤول محلي إن غارة "
     "أخرى قتلت ثلاثة أطفال آخرين.", "Ad Durayhimi", 12),
    ("استشهد ثمانية مدنيين في قصف مدفعي لقوات النظام على بلدة كفرنبل صباح اليوم. وأفاد ناشطون بأن "
     "قصفا آخر أدى إلى مقتل طفلين آخرين.", "Kafranbel", 8),
    ("قتل خمسة جنود بانفجار عبوة ناسفة استهدفت دوريتهم في مدينة الرمادي اليوم، فيما قتل انفجار آخر "
     "ثلاثة مدنيين.", "Ramadi", 5),
    ("قتل سبعة مقاتلين في غارة روسية على بلدة معرة النعمان اليوم، وقال المرصد إن غارة ثانية قتلت "
     "خمسة آخرين.", "Maarat al-Numan", 7),
    ("لقي عشرة أشخاص حتفهم في هجوم انتحاري على حاجز للشرطة في مدينة بعقوبة الأحد. وقالت الشرطة إن "
     "هجوما آخر أودى بحياة أربعة عناصر آخرين.", "Baquba", 10),
])
def test_another_events_toll_is_not_added_to_the_event_before(text, place, toll):
    """"غارة أخرى قتلت"، "قصفا آخر أدى إلى مقتل"، "غارة ثانية قتلت": another event, of no place the
    text names, is not the first one; its dead are not added to it."""
    found = _extract(text)
    assert max(_toll_at(found, place)) == toll, _show(found)


@pytest.mark.parametrize("text, toll", [
    # the second strike at the same town: one event, deaths added (the guide's rule 2)
    ("قتل سبعة مقاتلين في غارة روسية على بلدة معرة النعمان اليوم، وقال المرصد إن غارة ثانية على "
     "المدينة نفسها قتلت خمسة آخرين.", 12),
    # the same strike told again, its further dead added
    ("قتل سبعة مقاتلين في غارة روسية على بلدة معرة النعمان اليوم، وقال المرصد إن الغارة قتلت أيضا "
     "خمسة آخرين.", 12),
])
def test_the_same_strike_or_a_second_one_at_the_same_town_adds_its_dead(text, toll):
    found = _extract(text)
    assert _toll_at(found, "Maarat al-Numan") == [toll], _show(found)


# --- 2. one toll over two places joined by و: a sum, no one place's ------------------------------

@pytest.mark.parametrize("text, place", [
    ("سيطرت القوات الحكومية على بلدة حيس صباح اليوم. وقال مصدر عسكري إن عشرين مسلحا قتلوا في معارك "
     "حيس ومحيط مدينة الخوخة.", "Al Khawkhah"),
    ("اندلعت مواجهات عنيفة بين الجيش ومسلحي داعش في قضاء الطارمية اليوم. وأفاد مصدر أمني بمقتل 8 "
     "مسلحين في مواجهات الطارمية ومحيط بلدة الضلوعية.", "Dhuluiya"),
    ("هاجم مسلحو الحركة مدينة جلب اليوم، وأعلن الجيش مقتل 30 من المسلحين في معارك جلب ومحيط بلدة "
     "بارديرا.", "Baardheere"),
    ("تقدمت فصائل المعارضة في بلدة اللطامنة اليوم. وقال ناشط إن 15 عنصرا من قوات النظام قتلوا في "
     "اشتباكات اللطامنة وكفرزيتا.", "Kafr Zita"),
    ("تقدمت فصائل المعارضة في بلدة اللطامنة اليوم. وقال ناشط إن 15 عنصرا من قوات النظام قتلوا في "
     "اشتباكات اللطامنة وكفرزيتا.", "Al-Lataminah"),
])
def test_one_toll_over_two_conjoined_places_goes_to_neither(text, place):
    """"مقتل العشرات في معارك الدريهمي ومحيط مطار الحديدة": the toll spans two places the article
    names; the guide gives a total over several events to none unless it is split."""
    found = _extract(text)
    assert all(t == 0 for t in _toll_at(found, place)), _show(found)


@pytest.mark.parametrize("text, place, toll", [
    # a town and its own countryside (no second named place)
    ("قصفت المدفعية بلدة كفرنبل اليوم، وقال الدفاع المدني إن القصف على كفرنبل وريفها أدى إلى مقتل "
     "أربعة مدنيين.", "Kafranbel", 4),
    # two quarters of one city are one place
    ("قتل خمسة مدنيين بقصف على حيي الصاخور والشعار في مدينة حلب اليوم.", "Aleppo", 5),
    # a place the attackers fled to is no second place of the toll
    ("قتل ستة عناصر من الشرطة في هجوم على حاجز في مدينة بعقوبة اليوم. وقال مصدر إن المهاجمين فروا "
     "باتجاه بلدة المقدادية.", "Baquba", 6),
])
def test_one_place_keeps_its_toll(text, place, toll):
    found = _extract(text)
    assert _toll_at(found, place) == [toll], _show(found)


# --- 3. a body shown in a picture is one of the dead counted already -----------------------------

@pytest.mark.parametrize("text, place, toll", [
    ("قتل شخصان في غارة جوية على منزل في مدينة درنة اليوم. ونشر ناشطون صورا لجثة محترقة في موقع "
     "الغارة.", "Darnah", 2),
    ("قتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل صباح اليوم، وتداول ناشطون مقطع فيديو يظهر جثة طفل "
     "بين الأنقاض.", "Kafranbel", 3),
    ("قتل مسلحان بضربة لطائرة مسيرة استهدفت سيارتهما قرب مدينة مأرب اليوم، ونشرت وسائل إعلام صورة "
     "لجثة متفحمة داخل السيارة.", "Ma'rib", 2),
    ("أسفر انفجار عبوة ناسفة في سوق مدينة الفلوجة اليوم عن مقتل أربعة أشخاص. وبثت قنوات محلية لقطات "
     "لجثة ملقاة قرب السوق.", "Fallujah", 4),
    ("قتل خمسة عناصر من الشرطة في هجوم على حاجز في مدينة العريش اليوم. وأظهرت صور نشرها ناشطون جثث "
     "القتلى على الطريق.", "Arish", 5),
])
def test_a_body_in_a_picture_is_not_one_more_death(text, place, toll):
    found = _extract(text)
    assert _toll_at(found, place) == [toll], _show(found)


def test_bodies_in_a_video_are_the_toll_when_the_text_gives_no_other():
    found = _extract("تداول ناشطون مقطع فيديو يظهر جثث ثلاثة أشخاص قتلوا في غارة على بلدة سراقب اليوم.")
    assert _toll_at(found, "Saraqib") == [3], _show(found)


# --- 4. a named man killed with company "في إحدى مزارع X": at least one, at one place ------------

@pytest.mark.parametrize("text, place, toll", [
    ("قتل القيادي في تنظيم داعش أبو عمر الشيشاني بغارة جوية مع عدد كبير من عناصر التنظيم في إحدى "
     "مزارع بلدة الشدادي.", "Al-Shaddadi", 1),
    ("لقي القيادي الحوثي صالح المؤيدي مصرعه مع عدد من مرافقيه بغارة للتحالف في إحدى مزارع مديرية "
     "الجراحي اليوم.", "Al Jarrahi", 1),
    ("قتل القائد الميداني في هيئة تحرير الشام أبو يوسف الحموي مع عدد من عناصره بقصف روسي على إحدى "
     "قرى بلدة اللطامنة.", "Al-Lataminah", 1),
    ("اغتيل القيادي في حركة الشباب حسن طاهر مع عدد من حراسه بضربة جوية استهدفت إحدى مزارع بلدة جلب.",
     "Jilib", 1),
    ("قتل القيادي أبو خالد مع ثلاثة من مرافقيه بغارة على إحدى مزارع بلدة سراقب.", "Saraqib", 4),
    ("شنت طائرات التحالف غارات على مواقع الحوثيين في مديرية حيس اليوم. وكان القيادي الحوثي أبو علي "
     "الحاكم يقود تعزيزات إلى الجبهة، حيث قتل بغارة مع عدد كبير من مرافقيه في مديرية حيس.", "Hays", 1),
])
def test_a_named_man_killed_with_company_in_one_of_the_farms_counts(text, place, toll):
    """"في إحدى مزارع المديرية" is one place, not a sum over places; a named man "مع عدد كبير من
    عناصره" is at least one dead."""
    found = _extract(text)
    assert _toll_at(found, place) == [toll], _show(found)


def test_strikes_on_three_villages_of_a_countryside_stay_a_sum_over_places():
    # a counted plural place noun is still several places (the old rule holds)
    found = _extract("قتل خمسة مدنيين في غارات على ثلاث قرى في ريف إدلب.")
    assert _toll_at(found, "Idlib countryside") == [5], _show(found)


def test_a_soldier_killed_in_a_clash_with_gunmen_is_not_their_company():
    found = _extract("قتل الجندي في اشتباك مع عدد من المسلحين في بلدة طفس.")
    assert _toll_at(found, "Tafas") == [1], _show(found)


# --- 5. the event's own day inside a statement made on another day ------------------------------

@pytest.mark.parametrize("text, place, day", [
    ("أعلن الجيش اليمني، السبت، أن قواته أحبطت هجوما شنه مسلحون على مواقعه في محافظة البيضاء.\n"
     "ونقلت وكالة الأنباء الرسمية عن مصدر عسكري أن الجيش أحبط هجوما مساء الجمعة استهدف مواقعه في "
     "مديرية الصومعة بمحافظة البيضاء.\nوبحسب المصدر فإن اشتباكات عنيفة وقعت بين الجيش والمهاجمين "
     "أسفرت عن مقتل خمسة من المهاجمين.", "As Sawmaah", "2018-03-30"),
    ("قالت وزارة الداخلية العراقية، اليوم السبت، إن قواتها صدت هجوما لمسلحين على نقطة تفتيش في "
     "محافظة صلاح الدين.\nوأوضحت الوزارة أن قوات الشرطة أفشلت هجوما فجر الجمعة على نقطة تفتيش في "
     "قضاء الشرقاط.\nوأضاف البيان أن الاشتباكات أسفرت عن مقتل شرطيين اثنين.", "Shirqat", "2018-03-30"),
    ("أكدت قوات سوريا الديمقراطية، السبت، أنها أحبطت هجوما لتنظيم داعش في ريف دير الزور الشرقي.\n"
     "وذكر مصدر في القوات أن مقاتليها تصدوا ليل الخميس لهجوم على مواقعهم في بلدة هجين.\nوتابع أن "
     "المعارك أسفرت عن مقتل 12 عنصرا من التنظيم.", "Hajin", "2018-03-29"),
    ("أفاد الجيش الليبي، السبت، بأن وحداته تصدت لهجوم على بوابة أمنية جنوب البلاد.\nوقال مصدر عسكري "
     "إن الجيش أفشل صباح الجمعة هجوما على بوابة قرب مدينة سبها.\nوأشار إلى أن الاشتباكات انتهت بمقتل "
     "ثلاثة جنود.", "Sabha", "2018-03-30"),
    ("أعلن مصدر أمني مصري، السبت، أن الشرطة أحبطت هجوما على كمين في شمال سيناء.\nوأضاف المصدر أن "
     "قوات الأمن صدت هجوما بعد ظهر الجمعة على كمين قرب مدينة العريش.\nوقتل في تبادل إطلاق النار أربعة "
     "من المهاجمين.", "Arish", "2018-03-30"),
])
def test_an_event_told_with_its_own_day_inside_a_statement_takes_that_day(text, place, day):
    """"أعلن الجيش، السبت، أن ... وأوضح المصدر أن الجيش أحبط هجوما مساء الجمعة": Saturday is the
    statement's day; the attack, told again with its own part of a day, was on Friday."""
    found = _extract(text, SATURDAY)
    assert [e.event_date for e in found if e.location == place] == [day], _show(found)


@pytest.mark.parametrize("text, place, day", [
    # the statement's day is the only one: it stands
    ("أعلن الجيش اليمني، السبت، أن قواته صدت هجوما للحوثيين على مواقعها في مديرية نهم، وقتلت عشرة "
     "منهم.", "Nihm", "2018-03-31"),
    # the event's own day is today
    ("قال الجيش السوداني، السبت، إن قواته تصدت لهجوم على مدينة الفاشر.\nوأوضح أن الهجوم جرى اليوم "
     "وأسفر عن مقتل ستة من المهاجمين.", "El Fasher", "2018-03-31"),
    # "earlier" is no day of the event
    ("أعلنت الشرطة، السبت، توقيف مسلح بعد تبادل لإطلاق النار في مدينة بعقوبة أسفر عن مقتل شرطي.\n"
     "وفي وقت سابق، قالت مصادر إن الشرطة طوقت مخبأ المسلح.", "Baquba", "2018-03-31"),
])
def test_the_statements_day_stands_when_the_event_has_no_other(text, place, day):
    found = _extract(text, SATURDAY)
    assert {e.event_date for e in found if e.location == place} == {day}, _show(found)


# --- 6. a span of the last hours gives way to the act's own day ---------------------------------

@pytest.mark.parametrize("text, place, day", [
    ("شنت طائرات حربية روسية غارات على مدينة أريحا خلال الساعات الماضية. وقال الدفاع المدني إن "
     "الغارات على أريحا صباح الجمعة قتلت خمسة مدنيين.", "Ariha", "2018-07-20"),
    ("تعرضت بلدة كفرنبل لقصف مدفعي من قوات النظام خلال الساعات الماضية، وقال ناشطون إن القصف على "
     "كفرنبل بعد ظهر الجمعة أدى إلى مقتل طفلين.", "Kafranbel", "2018-07-20"),
    ("استهدفت طائرات مسيرة مدينة كادوقلي خلال الساعات الماضية. وقالت مصادر محلية إن المسيرات قصفت "
     "كادوقلي فجر الجمعة وقتلت ثلاثة مدنيين.", "Kadugli", "2018-07-20"),
    ("اندلعت اشتباكات عنيفة في مدينة درنة خلال الساعات الأخيرة. وقال مصدر طبي إن الاشتباكات في درنة "
     "مساء الخميس أسفرت عن مقتل أربعة مسلحين.", "Darnah", "2018-07-19"),
    # the day the article dates its undated events (the publication day), not the span before it
    ("دعا مسؤول أممي إلى ضبط النفس.\nوجاءت دعوته بعد توتر كبير خلال الساعات الماضية إثر احتجاجات في "
     "مدينة الناصرية.\nوأكدت دائرة الصحة مقتل متظاهرين اثنين برصاص قوات الأمن خلال مشاركتهم في "
     "احتجاجات الناصرية.", "Nasiriyah", "2018-07-20"),
])
def test_a_span_of_the_last_hours_gives_way_to_the_acts_own_day(text, place, day):
    found = _extract(text, FRIDAY)
    assert [e.event_date for e in found if e.location == place] == [day], _show(found)


def test_a_funerals_day_before_the_fighting_word_does_not_date_the_fighting():
    # "شيعت ... الثلاثاء ... بعد أيام على مصرعهم في المعارك": Tuesday is the funeral's
    text = ("خسرت الجماعة خلال الأيام القليلة الماضية قادة كبارا في معركة الساحل قرب مدينة الحديدة.\n"
            "وشيعت الجماعة، الثلاثاء، في صنعاء جثامين 3 من قادتها بعد أيام على مصرعهم في المعارك على "
            "مشارف مدينة الحديدة.")
    found = _extract(text, date(2018, 5, 31))
    dates = {e.event_date for e in found if e.location == "Al Hudaydah"}
    assert "2018-05-29" not in dates, _show(found)


# --- 7. an obligation in a statement (يجب قتالهم) tells no fighting, so its date dates none --------

@pytest.mark.parametrize("text, place", [
    ("اندلعت اشتباكات بين فصائل المعارضة في ريف إدلب. وأصدرت الهيئة الشرعية يوم 20 كانون الثاني بيانا "
     "قالت فيه إن المعتدين يتعين قتالهم حتى يستسلموا.", "Idlib countryside"),
    ("تواصلت المواجهات بين قبيلتين في مدينة سبها. وأصدر مجلس الحكماء يوم 20 يناير بيانا قال فيه إن "
     "المعتدين لا بد من قتالهم.", "Sabha"),
    ("دارت معارك بين قوات سوريا الديمقراطية والفصائل في ريف منبج. وأصدر مجلس العشائر يوم 18 كانون "
     "الثاني بيانا دعا فيه إلى الصلح، وقال إن الفصائل ينبغي مواجهتها.", "Manbij countryside"),
    ("تجددت الاشتباكات بين الفصائل في ريف درعا الغربي. وأصدر المجلس المحلي يوم 19 يناير بيانا قال فيه "
     "إن المهاجمين يجب مواجهتهم بالقوة.", "Western Dara countryside"),
    ("قتل خمسة مدنيين في غارة على بلدة سراقب اليوم. وأصدر المجلس المحلي يوم الجمعة بيانا وصف فيه "
     "المسلحين بأنهم بغاة يجب قتالهم.", "Saraqib"),
])
def test_a_statements_date_over_an_obligation_does_not_date_the_fighting(text, place):
    """"أصدر المجلس يوم 26 فبراير بيانا ... محاربون يجب قتالهم": what must be done is no event, and
    the statement's date is not the day of the fighting told before it."""
    found = _extract(text)
    assert [e.event_date for e in found if e.location == place] == ["2022-01-23"], _show(found)


def test_a_call_to_hold_a_strike_to_account_keeps_the_strike():
    # the obligation stands far from the event word: the strike was told as done
    found = _extract("قال المتحدث إنه يجب محاسبة من نفذ الغارة التي قتلت عشرة مدنيين في بلدة سراقب اليوم.")
    assert _toll_at(found, "Saraqib") == [10], _show(found)


# --- 8. bodies still lying are not the toll of the day's fight -----------------------------------

@pytest.mark.parametrize("text, place, toll", [
    ("قتل 6 عناصر من التنظيم في مواجهات مع القوات العراقية في قضاء الطارمية اليوم، وقال مصدر إن عشرات "
     "الجثث ما زالت منتشرة في البساتين المحيطة.", "Tarmiyah", 6),
    ("أعلن الجيش مقتل 9 من عناصر الحركة في هجوم على قاعدة قرب مدينة جلب اليوم، مشيرا إلى أن عشرات "
     "الجثث لا يزال بعضها في الغابات المجاورة.", "Jilib", 9),
    ("قتل 11 عنصرا من الحوثيين في معارك مع الجيش في مديرية حيس اليوم، وأضاف المصدر أن عشرات الجثث لا "
     "زالت في مواقع المعارك.", "Hays", 11),
    ("اندلعت اشتباكات عنيفة بين الجيش والمسلحين في بلدة حيس اليوم أسفرت عن مقتل 8 مسلحين. وبحسب مصادر "
     "محلية فإن عشرات الجثث لا تزال ملقاة في شوارع البلدة.", "Hays", 8),
    ("استعادت القوات الحكومية بلدة الخوخة اليوم بعد معارك قتل فيها 15 مسلحا، وأكدت المصادر أن عشرات "
     "الجثث لا زالت متناثرة في محيط البلدة.", "Al Khawkhah", 15),
    ("قتل 7 مسلحين في اشتباكات مع قوات الأمن في مدينة سبها اليوم، وذكر شهود أن جثثا عديدة لا تزال "
     "ملقاة قرب المعسكر.", "Sabha", 7),
])
def test_bodies_still_lying_are_not_the_days_toll(text, place, toll):
    """"عشرات الجثث لا تزال متناثرة في سفوح الجبال": a state the fighting of a span left, not the
    toll of the day's fight the text counts otherwise."""
    found = _extract(text)
    assert _toll_at(found, place) == [toll], _show(found)


def test_a_mountain_range_taken_is_the_capture_place_and_takes_its_toll():
    # "جبال X" (plural of جبل) names a place as "جبل X" does: the capture told again with its toll
    text = ("أعلن الجيش العراقي اليوم تحرير جبال مكحول في قضاء بيجي.\nوأوضح بيان عسكري أن القوات حررت "
            "جبال مكحول بعد اشتباكات قتل فيها 7 مسلحين من التنظيم.")
    found = _extract(text)
    assert [(e.sub_event_type, e.fatalities) for e in found if "مكحول" in (e.location or "")] == \
        [("Government regains territory", 7)], _show(found)
