"""Issue 16, fifth round of event classes: what is an event, its type, and one event told twice.
Each class in several wordings of our own (places, verbs, numbers, word orders)."""
from __future__ import annotations

import pytest

import marsad


def _extract(text, published="2024-05-10"):
    return marsad.extract(text, published=published)


def _kinds(found):
    return [(e.sub_event_type, e.location) for e in found]


# --- 1. a capture told with its fighting is a change of territory, not a clash ---------------------

@pytest.mark.parametrize("text, sub", [
    # a district taken, the fighting behind بعد
    ("أحكمت قوات الجيش اليمني، اليوم الجمعة، سيطرتها على مديرية حيس بالكامل، بعد معارك عنيفة مع "
     "ميليشيا الحوثي.", "Government regains territory"),
    # a district freed, then its battles named again in the next sentence
    ("استعادت القوات الحكومية أمس مديرية الملاجم في محافظة البيضاء. وأسفرت المعارك عن سقوط قتلى "
     "وجرحى في صفوف الحوثيين.", "Government regains territory"),
    # a rebel group takes an airport after clashes
    ("سيطرت هيئة تحرير الشام اليوم على مطار أبو الظهور العسكري بعد اشتباكات عنيفة مع قوات النظام.",
     "Non-state actor overtakes territory"),
    # a freeing noun behind a verb of success, no strong word of capture
    ("نجح هجوم واسع شنته قوات الجيش الوطني صباح اليوم في تحرير قرية الجاح بمديرية بيت الفقيه.",
     "Government regains territory"),
])
def test_a_capture_with_its_fighting_is_a_territory_change(text, sub):
    """"سيطرت ... على مديرية X بعد معارك"، "تحرير قرية X": the territorial verb decides its clause's
    type; the fighting it folds in (بعد معارك, المعارك told again) makes no clash of its own."""
    found = _extract(text)
    assert [e.sub_event_type for e in found] == [sub], _kinds(found)


def test_a_freeing_noun_is_never_typed_by_the_weapons_taken():
    """"تحرير مناطق ... والتي اغتنمتها القوات وهي صواريخ": the rockets seized type no shelling."""
    found = _extract("وتمكنت القوات الحكومية اليوم من تحرير قرية الجاح، واغتنمت صواريخ وذخائر متنوعة "
                     "خلفتها الميليشيات.")
    assert "Shelling/artillery/missile attack" not in [e.sub_event_type for e in found], _kinds(found)


@pytest.mark.parametrize("text", [
    "أحكمت قوات الجيش اليمني اليوم سيطرتها على مديرية الوازعية غرب مدينة تعز. وأوضح مصدر عسكري أن "
    "المعارك أسفرت عن سقوط قتلى في صفوف الحوثيين الذين فروا باتجاه مدينة تعز.",
    "استعادت القوات العراقية صباح اليوم السيطرة على قرية البوعيثة جنوب بغداد. وقال ضابط إن هذه "
    "الاشتباكات انتهت بفرار عناصر التنظيم نحو منطقة عرب جبور.",
    "سيطر الجيش الوطني السوري اليوم على قرية الدردارة شمال مدينة تل تمر. وأسفرت المواجهات عن مقتل "
    "خمسة عناصر من قوات سوريا الديمقراطية قرب مدينة تل تمر.",
])
def test_the_fighting_named_again_after_a_capture_is_the_capture(text):
    """"وأسفرت المعارك عن ..." told after a capture names the fighting that won it, even where its
    sentence names another town (the one the losers fled to): no clash of its own."""
    found = _extract(text)
    assert [e.event_type for e in found] == ["Battles"], _kinds(found)
    assert found[0].sub_event_type != "Armed clash", _kinds(found)


# --- 3. one event told twice: a governorate's bare name and a place in it; parts of one operation ---

@pytest.mark.parametrize("text, place", [
    ("قتل ثلاثة مدنيين في تعز اليوم بقذائف أطلقها الحوثيون على منازل المواطنين في مديرية الوازعية.",
     "Al Waziiyah"),
    ("قصف جديد على الحديدة: قتل طفلان اليوم بقذائف هاون سقطت على منازل المدنيين في مديرية التحيتا.",
     "At Tuhayta'"),
    ("شنت طائرات التحالف اليوم غارات على صعدة استهدفت مواقع للحوثيين في مديرية باقم.", "Baqim as Suq"),
])
def test_a_governorate_named_bare_beside_its_district_is_one_event(text, place):
    """"في الحديدة ... بمديرية التحيتا": the governorate's name (also its seat's) beside a place of
    that governorate, for the same type and day in one sentence, is where the place lies: one event,
    at the district."""
    found = _extract(text)
    assert [e.location for e in found] == [place], _kinds(found)


def test_two_towns_named_as_towns_stay_two_events():
    """The guide: three towns struck are three events; a city named as a city is not a container."""
    found = _extract("قصفت قوات النظام اليوم مدينة إدلب وبلدة سراقب بالمدفعية الثقيلة.")
    assert sorted(e.location for e in found) == ["Idlib", "Saraqib"], _kinds(found)


@pytest.mark.parametrize("text", [
    "وقالت الشرطة إنه تمت استعادة منطقة الصفيرة ومقبرة البوخليل وقرية البوعطيوي في محافظة الأنبار اليوم.",
    "أعلنت القوات الأمنية اليوم العثور على مخبأ للأسلحة خلال تفتيش منطقة الجرذان ومزارع الحويش بمحافظة كركوك.",
    "قصفت مدفعية الجيش اليوم أطراف قرية الطويلعة ومنطقة السويدات في محافظة صلاح الدين.",
])
def test_unknown_parts_of_one_operation_at_one_point_are_one_event(text):
    """Spots of an area no gazetteer knows (منطقة X، مقبرة Y، أطراف قرية Z), named in one list for one
    operation and all put at their governorate's point: one record there, not one per name."""
    found = _extract(text)
    assert len(found) == 1, _kinds(found)


def test_unknown_villages_struck_together_stay_one_event_each():
    """The guide: villages struck on one day are one event each, even placed at one point."""
    found = _extract("استهدفت مجموعات مسلحة اليوم قرى الحويجية والشعيبية والبوحمدان في محافظة الأنبار "
                     "بقذائف الهاون.")
    assert len(found) == 3, _kinds(found)


# --- 4. triggers that fire but give no record: a date read as a report's ---------------------------

@pytest.mark.parametrize("text, day", [
    ("وارتفعت حصيلة هجوم نفذه مسلحون مجهولون الأحد على حاجز للشرطة في قضاء الحويجة إلى سبعة قتلى.",
     "2024-05-05"),
    ("وأسفرت الغارات الجوية الخميس عن مقتل أربعة مدنيين في مدينة أريحا.", "2024-05-09"),
    ("ارتفع عدد ضحايا الانفجار الذي وقع أمس في سوق مدينة منبج إلى 12 قتيلا.", "2024-05-09"),
])
def test_a_day_before_the_end_of_a_rise_or_a_result_dates_the_event(text, day):
    """"ارتفعت حصيلة هجوم ... الأحد إلى سبعة"، "أسفرت الغارات الخميس عن": إلى and عن after the day end a
    rise or a result, not a verb of saying (أشار الأحد إلى): the day is the event's."""
    found = _extract(text)
    assert [e.event_date for e in found] == [day], [(e.sub_event_type, e.location, e.event_date) for e in found]


@pytest.mark.parametrize("text, days", [
    ("وأسفرت الغارات والقصف الخميس عن مقتل 20 مدنيا في مدينة دوما، وفق المرصد الذي قال إن الطائرات "
     "الحربية جددت الجمعة استهداف مدينة دوما.", ["2024-05-09", "2024-05-10"]),
    ("قتل ثلاثة مدنيين الأربعاء بقصف مدفعي على بلدة كفرنبل، بحسب الدفاع المدني الذي أفاد بأن القصف "
     "تجدد الخميس على بلدة كفرنبل.", ["2024-05-08", "2024-05-09"]),
])
def test_a_reported_clause_with_its_own_day_dates_its_own_event(text, days):
    """A trigger in a reported or relative clause that gives its own day is dated by that day, not
    by the day of the unit's first event: the same place struck on two days is two events."""
    found = _extract(text)
    assert sorted(e.event_date for e in found) == days, [(e.sub_event_type, e.location, e.event_date) for e in found]


@pytest.mark.parametrize("text, place", [
    ("شهد ريف حلب الشمالي اليوم عمليتين لمسلحين يتبعون لتنظيم داعش.\nحيث قتل مدني برصاص مسلحين "
     "ملثمين في بلدة مارع.", "Marea"),
    ("سجلت محافظة ديالى أمس ثلاث عمليات لخلايا تنظيم داعش.\nإذ انفجرت عبوة ناسفة بسيارة مدني في قضاء "
     "المقدادية ما أدى إلى مقتل سائقها.", "Muqdadiyah"),
    ("شهدت مدينة درعا حادثتين نفذهما مسلحون مجهولون.\nفقد قتل شاب في بلدة طفس بإطلاق نار من مسلحين "
     "مجهولين.", "Tafas"),
])
def test_a_lead_that_counts_operations_announces_the_events_after_it(text, place):
    """"شهد ريف X اليوم عمليتين لخلايا مسلحة"، then "حيث قتل ...": a lead that counts an armed actor's
    operations tells events, so the undated sentences after it are its events, not background."""
    found = [e for e in _extract(text) if e.location == place]
    assert found, _kinds(_extract(text))


# --- 2. event words that report no event ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وقال التحالف الدولي بقيادة الولايات المتحدة لقتال تنظيم داعش إنه لا يستطيع تأكيد الخبر في مدينة الرقة.",
    "وأعلن التحالف الذي تقوده السعودية لمحاربة الحوثيين اليوم أنه سيفتح ميناء الحديدة أمام السفن.",
    "وتنشر الحكومة وحدات إضافية على الحدود مع مدينة القائم لصد أي اعتداء خارجي.",
])
def test_a_purpose_of_fighting_describing_a_force_is_no_battle(text):
    """"التحالف ... لقتال تنظيم داعش"، "لصد أي اعتداء": a verbal noun of fighting after the ل of purpose
    says what a force is for, it reports no battle."""
    found = _extract(text)
    assert "Armed clash" not in [e.sub_event_type for e in found], _kinds(found)


def test_fighting_undergone_behind_lam_still_reports_it():
    """"تعرضت دورية لهجوم": ل after a verb of undergoing is no purpose."""
    found = _extract("تعرضت دورية للجيش العراقي اليوم لهجوم من قبل مسلحين قرب قضاء الحويجة.")
    assert [e.sub_event_type for e in found] == ["Armed clash"], _kinds(found)


@pytest.mark.parametrize("text", [
    "تظهر لقطات جديدة التقطتها طائرة بدون طيار حجم الدمار في مدينة الرقة القديمة.",
    "وثقت مشاهد صورتها طائرة مسيرة اليوم آثار الفيضانات في بلدة سنجار.",
    "ونشرت الوكالة فيديو مصورا بطائرة مسيرة يظهر الأسواق المزدحمة في مدينة الموصل.",
])
def test_a_drone_that_films_is_no_strike(text):
    """"لقطات التقطتها طائرة بدون طيار": the drone is the camera of a verb of filming, no weapon used."""
    found = _extract(text)
    assert found == [], _kinds(found)


@pytest.mark.parametrize("text", [
    "مشاهد من احتجاجات البصرة\n\nلا تزال الاحتجاجات في مدينة البصرة تتواصل منذ أوائل تموز.",
    "وقال الوزير في مقابلة بمدينة أنقرة: فالقصف بدأ منذ ثلاث سنوات، ونحن اليوم دخلنا العام الرابع.",
    "ما زالت الاشتباكات مستمرة منذ عامين في ريف مدينة درعا بين الفصائل المحلية.",
])
def test_a_state_continuing_since_long_ago_is_no_event_of_the_day(text):
    """"لا تزال الاحتجاجات تتواصل منذ أوائل تموز"، "فالقصف بدأ منذ ثلاث سنوات": an event word in a
    state that continues since months or years tells no event of its own day."""
    found = _extract(text)
    assert found == [], _kinds(found)


@pytest.mark.parametrize("text", [
    "وقالت قناة المسيرة التي يديرها الحوثيون إن الحوثيين استهدفوا معسكرا في مدينة نجران.",
    "ونقلت قناة المسيرة الفضائية عن مصدر عسكري أن وحدات الجيش استهدفت تجمعات في مديرية صرواح.",
    "وبثت قناة المسيرة اليوم مشاهد لاستهداف آليات في منطقة البقع بمحافظة صعدة.",
])
def test_an_outlet_named_like_a_drone_types_no_air_strike(text):
    """"قناة المسيرة" is a channel's name: the event it reports is not typed a drone strike by it."""
    found = _extract(text)
    assert "Air/drone strike" not in [e.sub_event_type for e in found], _kinds(found)


# --- 5. type from the weapon: a force's bombardment told before types its "استهدف" -----------------

@pytest.mark.parametrize("text, place", [
    ("قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل صباح اليوم. ومساء أمس استهدفت قوات النظام الأحياء "
     "السكنية في مدينة معرة النعمان، ما أدى إلى إصابة خمسة مدنيين.", "Maarat al-Numan"),
    ("قتل طفلان اليوم بقذائف هاون أطلقتها قوات سوريا الديمقراطية على بلدة مارع. كما استهدفت قوات سوريا "
     "الديمقراطية قرية الشيخ عيسى ما أدى إلى جرح امرأة.", "الشيخ عيسى"),
    ("أطلقت قوات الدعم السريع قذائف مدفعية على أحياء مدينة الفاشر اليوم. واستهدفت قوات الدعم السريع "
     "أيضاً سوق مدينة كادقلي ما أسفر عن مقتل ثلاثة مدنيين.", "Kadugli"),
])
def test_a_targeting_by_a_force_whose_shelling_was_just_told_is_shelling(text, place):
    """"استهدفت قوات الأسد الأحياء السكنية في مدينة إدلب" after the same force's artillery on other
    towns: no means of its own, so the means told for that force types it, not its civilian victims."""
    found = [e for e in _extract(text) if e.location == place]
    assert [e.sub_event_type for e in found] == ["Shelling/artillery/missile attack"], _kinds(_extract(text))


@pytest.mark.parametrize("text", [
    "وقال القائد إن المعركة ستحسم من خلال تحرير مدينة صعدة ومن خلال تحرير مدينة الحديدة.",
    "وتستعد القوات العراقية لمعركة تحرير مدينة تلعفر بعد أن استكملت حشد قواتها اليوم.",
    "وأكد المتحدث أن عملية تحرير مدينة الرقة ستبدأ قريبا بدعم من التحالف الدولي.",
])
def test_a_freeing_noun_naming_a_campaign_or_a_goal_is_no_capture(text):
    """"من خلال تحرير صعدة"، "معركة تحرير تلعفر"، "عملية تحرير الرقة": the noun names a goal or a
    campaign, no town taken."""
    found = _extract(text)
    assert not [e for e in found if "territory" in e.sub_event_type], _kinds(found)


@pytest.mark.parametrize("text", [
    "أعيدت جثة عاملة منزلية عثر عليها مخزنة في ثلاجة بشقة مهجورة في مدينة الكويت.",
    "وعثرت الشرطة على المسروقات مخزنة في منزل المتهم بمدينة البصرة.",
    "ضبطت دورية للشرطة كميات من الحبوب مخزنة بطريقة غير نظامية في مدينة الموصل.",
])
def test_goods_or_a_body_found_stored_are_no_weapons_seized(text):
    """"عثر عليها مخزنة": مخزنة (stored) is an adjective, not مخزن (a depot) with "her": no arms cache."""
    found = _extract(text)
    assert "Disrupted weapons use" not in [e.sub_event_type for e in found], _kinds(found)


def test_a_depot_seized_is_still_a_weapons_seizure():
    found = _extract("ضبطت القوات الأمنية اليوم مخزنا للأسلحة والذخائر في قضاء الحويجة.")
    assert [e.sub_event_type for e in found] == ["Disrupted weapons use"], _kinds(found)


@pytest.mark.parametrize("text, capital", [
    ("قتل ثلاثة جنود اليوم بانفجار عبوة ناسفة قرب قضاء بيجي في محافظة صلاح الدين شمال العاصمة بغداد.",
     "Baghdad"),
    ("شنت طائرات التحالف اليوم غارات على مواقع للحوثيين في مديرية صرواح بمحافظة مأرب شرقي صنعاء.", "Sanaa"),
    ("قتل مدنيان اليوم بقصف مدفعي على بلدة كفرنبل في محافظة إدلب شمال غربي حماة.", "Hama"),
])
def test_a_town_a_governorate_lies_on_a_side_of_is_no_event_place(text, capital):
    """"في محافظة صلاح الدين شمال العاصمة بغداد": the town only says where the governorate lies; the
    event is not there (the events a trigger finding no record gave on the road north of Baghdad)."""
    found = _extract(text)
    assert found and capital not in [e.location for e in found], _kinds(found)


@pytest.mark.parametrize("text, day", [
    ("أصيب خمسة مدنيين بشظايا صاروخ أطلقه الحوثيون على مدينة جازان. وقالت قناة المسيرة إن الحوثيين "
     "استهدفوا تجمعا في مدينة جازان. وقال التحالف إن الصاروخ أطلق من محافظة صعدة مساء الأربعاء.",
     "2024-05-08"),
    ("أصيب خمسة مدنيين بشظايا صاروخ أطلقه الحوثيون على مدينة جازان. وقال التحالف إن الصاروخ أطلق من "
     "محافظة صعدة مساء الأربعاء.", "2024-05-08"),
    ("قتل جنديان بانفجار عبوة ناسفة استهدفت دورية للجيش في بلدة طفس. وأوضح مصدر أن الانفجار وقع صباح "
     "الخميس على الطريق الرئيسي في بلدة طفس.", "2024-05-09"),
    ("شن الطيران الحربي غارات على بلدة سرمين. وذكر الدفاع المدني أن الغارات وقعت مساء الأربعاء على "
     "الأحياء السكنية في بلدة سرمين.", "2024-05-08"),
])
def test_an_undated_event_named_again_with_its_day_is_one_event_on_that_day(text, day):
    """An event told first with no day, then named again by a definite word (الصاروخ، الانفجار،
    الغارات) with its own day: one event, on that day (not a second one on the report's day)."""
    found = _extract(text)
    assert [e.event_date for e in found] == [day], [(e.sub_event_type, e.location, e.event_date) for e in found]
