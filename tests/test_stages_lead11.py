"""The lead's classes of the eleventh session of issue 16, each in wordings of our own."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

JANUARY = date(2022, 1, 10)


@pytest.mark.parametrize("text, place", [
    ("شنت مقاتلات التحالف اليوم غارات على مديرية رازح خلفت قتلى وجرحى.", "Razih"),
    ("استهدفت غارة جوية اليوم مديرية كتاف أوقعت أضرارا في المنازل.", "Kitaf"),
    ("سقطت قذائف هاون اليوم على قرية بولو تسببت بأضرار مادية.", "Bolu"),
    ("قصف الطيران اليوم مديرية رازح أودت بحياة مدنيين.", "Razih"),
])
def test_a_verb_of_result_after_a_small_place_is_no_part_of_its_name(text, place):
    """"مديرية X خلفت/أوقعت/تسببت/أودت ...": a small known place right after its place noun and a
    rare word after it were read as one unknown two-word name, and the record was lost; a verb
    that tells the event's result opens a clause, it does not go on with a name."""
    assert place in [e.location for e in marsad.extract(text, published=JANUARY)]


@pytest.mark.parametrize("text, place, reference", [
    ("قتل 12 جنديا اليوم في هجوم على نقطة أمنية في بلدة ودان 650 جنوب شرق طرابلس.", "Waddan", "Tripoli"),
    ("قتل مدنيان اليوم بقصف على بلدة الضلوعية 90 شمال بغداد.", "Dhuluiya", "Baghdad"),
    ("انفجرت عبوة ناسفة اليوم بدورية في بلدة القريتين 85 جنوب شرق حمص ما أدى إلى مقتل جنديين.", "Al-Qaryatayn", "Homs"),
])
def test_a_number_and_a_direction_before_a_city_measure_a_distance_from_it(text, place, reference):
    """"650 جنوب شرق طرابلس" with the unit (كم) left out, as wires often print it: the city is the
    point the distance is measured from, not a place of the event."""
    found = [e.location for e in marsad.extract(text, published=JANUARY)]
    assert place in found and reference not in found


@pytest.mark.parametrize("text, place, deaths", [
    ("وفي وقت سابق أوضح ضابط مسؤول في قيادة المنطقة الشرقية بالجيش في تصريح لوكالة الأنباء الرسمية بأن "
     "هجوما استهدف حاجزا في بلدة الشحيل فجر اليوم أسفر عن مقتل 5 جنود.", "Al-Shuhayl", 5),
    ("وفي وقت سابق أعلن المتحدث باسم قيادة العمليات المشتركة في مؤتمر صحفي عقده في العاصمة أن انتحاريا "
     "فجر نفسه اليوم في سوق بلدة الطارمية ما أدى إلى مقتل 7 مدنيين.", "Tarmiyah", 7),
    ("وفي وقت سابق، قال مسؤول محلي في مديرية الخوخة لمراسلنا عبر الهاتف إن قذيفة سقطت أمس على منزل في "
     "الخوخة وقتلت طفلين.", "Al Khawkhah", 2),
])
def test_earlier_before_a_verb_of_saying_dates_the_saying_however_long_its_speaker(text, place, deaths):
    """"وفي وقت سابق + verb of saying + a long speaker + أن/بأن + the event": "earlier" is when it
    was said; the event keeps its own date and is no background (it was dropped when the speaker
    took more than a few words)."""
    found = [(e.location, e.fatalities) for e in marsad.extract(text, published=JANUARY)]
    assert (place, deaths) in found


@pytest.mark.parametrize("text, far", [
    ("قتل 12 عسكريا إثر هجوم مباغت لعناصر مسلحة على نقطة أمنية تقع على بعد 650 كم جنوب شرق طرابلس.", "Tripoli"),
    ("قتل جنديان اليوم في كمين على بعد 120 كيلومترا شمال بغداد.", "Baghdad"),
    ("لقي ثلاثة رعاة حتفهم بانفجار لغم أرضي على بعد 90 كم شرق مدينة تدمر.", "Tadmur"),
])
def test_a_town_far_from_the_event_by_the_texts_own_distance_is_not_its_place(text, far):
    """A distance reference locates an event near its town (precision 2) only when the distance is
    short; hundreds of km away the town is not where it happened."""
    assert far not in [e.location for e in marsad.extract(text, published=JANUARY)]


def test_a_town_a_few_km_from_the_event_still_locates_it():
    found = marsad.extract("قتل ثلاثة جنود اليوم بهجوم على حاجز على بعد 20 كم غرب تدمر.", published=JANUARY)
    assert [(e.location, e.geo_precision) for e in found] == [("Tadmur", 2)]


OCTOBER = date(2025, 10, 19)


@pytest.mark.parametrize("text, place", [
    ("ووفق شهود عيان في مدينة الدلنج بولاية جنوب كردفان قتل طفل اليوم نتيجة سقوط قذيفة مدفعية على مطبخ خيري.",
     "Dilling"),
    ("وقال سكان في بلدة بيت لاهيا بمحافظة شمال غزة إن طفلين قتلا اليوم بقصف مدفعي.", "Bayt Lahya"),
    ("وقال شهود في مدينة الفاشر بولاية شمال دارفور إن ثلاثة مدنيين قتلوا اليوم بقصف على سوق.", "El Fasher"),
])
def test_witnesses_in_a_town_with_its_governorate_after_it_tell_an_event_there(text, place):
    """"شهود في X بولاية Y": the governorate only locates the town; the witnesses still speak from
    where the event is (the governorate made it read as the event's other place)."""
    assert place in [e.location for e in marsad.extract(text, published=OCTOBER)]


@pytest.mark.parametrize("text", [
    "واشتدت المعارك بين قوات الجيش والدعم السريع خلال الفترة الماضية في دارفور غرب وكردفان.",
    "وتصاعدت الهجمات على دوريات الجيش في الآونة الأخيرة في ريف درعا الغربي.",
    "وكثفت الطائرات المسيرة غاراتها خلال الفترة الأخيرة على مدينة الفاشر.",
])
def test_a_trend_over_the_past_period_is_no_event_of_the_day(text):
    """خلال الفترة الماضية، الفترة الأخيرة، الآونة الأخيرة: weeks back with no one day; what grew or
    went on over them is a trend, not an event."""
    assert marsad.extract(text, published=OCTOBER) == []


@pytest.mark.parametrize("text, first, second", [
    ("قتل ثلاثة جنود اليوم في هجمات متفرقة في درعا جنوب وإدلب شمال غرب سوريا.", "Dara", "Idlib"),
    ("وقتل عشرات المدنيين اليوم في هجمات في حماة غرب وحلب.", "Hama", "Aleppo"),
])
def test_a_side_word_before_a_conjoined_place_belongs_to_the_place_before(text, first, second):
    """"في درعا جنوب وإدلب": جنوب is Daraa's side of the country, the و opens the next item of the
    list; Idlib does not locate Daraa (which was then read as a namesake village inside Idlib)."""
    from marsad.arabic.tokenise import make_doc
    from marsad.geo.places import analyse_places

    mentions = analyse_places(make_doc(text)).mentions
    assert [(pm.role, pm.place.name) for pm in mentions[:2]] == [("event", first), ("event", second)]


APRIL = date(2022, 4, 1)


@pytest.mark.parametrize("text, place, deaths", [
    ("قتل عنصران من الشرطة اليوم شرقي مدينة داعل بعد استهداف سيارتهما من قبل مجهولين.", "Dael", 2),
    ("قتل شاب اليوم في بلدة الكرك الشرقي بعد استهدافه بالرصاص من قبل مسلحين مجهولين.", "Al-Karak al-Sharqi", 1),
    ("لقي ثلاثة مدنيين حتفهم اليوم في مدينة بعقوبة عقب استهداف منزلهم بقذيفة هاون.", "Baquba", 3),
])
def test_an_attack_right_after_a_death_and_after_tells_how_they_died(text, place, deaths):
    """"قتل X بعد استهدافه": an attack word right after بعد/عقب, with the death just before it, is
    how the dead died, the same event; as a time reference of another clause it left the deaths
    with no event."""
    found = [(e.location, e.fatalities) for e in marsad.extract(text, published=APRIL)]
    assert (place, deaths) in found


@pytest.mark.parametrize("text, day", [
    ("واغتال مسلحون مجهولون في 31 من آذار الماضي شابا في بلدة المسيفرة بريف درعا الشرقي.", 31),
    ("وقتل مسلحون في 28 من آذار الماضي مدنيين اثنين في بلدة طفس.", 28),
    ("وفي 30 من آذار قتل مسلحون مجهولون شابين في مدينة نوى.", 30),
])
def test_a_day_of_a_month_after_its_number_and_min_is_no_toll(text, day):
    """"في 31 من آذار": a day and من before a month name is a date; it was read as 31 dead."""
    assert all(e.fatalities != day for e in marsad.extract(text, published=APRIL))


@pytest.mark.parametrize("second", [
    "وبنفس اليوم قتل شخصان بانفجار عبوة ناسفة على طريق في بلدة طفس.",
    "وبذات اليوم قتل شخصان بانفجار عبوة ناسفة على طريق في بلدة طفس.",
    "وفي نفس اليوم قتل شخصان بانفجار عبوة ناسفة على طريق في بلدة طفس.",
])
def test_the_same_day_with_a_preposition_is_the_day_told_before_not_today(second):
    """"وبنفس اليوم" refers back to the day just told; with ب on نفس it was read as اليوم, today."""
    text = "في 30 من آذار قتل طفلان بقصف على مدينة الحراك شرقي درعا. " + second
    dates = {e.location: e.event_date for e in marsad.extract(text, published=APRIL)}
    assert dates.get("Tafas") == "2022-03-30"


@pytest.mark.parametrize("text, place, first, last", [
    ("وفي 30 و31 من آذار قتل تسعة أشخاص بقصف على مدينة درعا.", "Dara", "2022-03-30", "2022-03-31"),
    ("قتل خمسة مدنيين يومي 27 و28 آذار بقصف على مدينة إدلب.", "Idlib", "2022-03-27", "2022-03-28"),
    ("قتل ثلاثة جنود في 24 و 26 آذار 2022 في هجمات على مدينة تكريت.", "Tikrit", "2022-03-24", "2022-03-26"),
])
def test_two_conjoined_days_of_one_month_are_a_range(text, place, first, last):
    """"في 30 و31 من آذار": two days of one month told together are the event's range; the pair
    was no date at all, and the event took the day of publication."""
    found = {e.location: (e.event_date, e.event_date_end) for e in marsad.extract(text, published=APRIL)}
    assert found.get(place) == (first, last)


@pytest.mark.parametrize("text", [
    "وأكد المحامي أن هيئة الدفاع قدمت طعنا فوريا على الأحكام الصادرة في صنعاء اليوم.",
    "وقال محامي المتهمين إنه تقدم بطعن في الحكم أمام محكمة الاستئناف في بغداد اليوم.",
    "وأوضح أن الحكم يقضي بتنفيذ الإعدام رميا بالرصاص في ميدان عام بمدينة صنعاء.",
    "وأفاد بأن قرار المحكمة تقضي بإعدام المدانين شنقا في سجن الحوت بمدينة الناصرية.",
])
def test_an_appeal_and_a_rulings_terms_tell_no_attack(text):
    """قدم/تقدم + طعن is a legal appeal, not a stabbing; "الحكم يقضي ب ..." states what a ruling
    orders, not an act done."""
    assert marsad.extract(text, published=APRIL) == []


def test_a_stabbing_is_still_an_attack():
    found = marsad.extract("قتل شاب طعنا بالسكين اليوم في مدينة الزرقاء.", published=APRIL)
    assert [(e.location, e.fatalities) for e in found] == [("Zarqa", 1)]


@pytest.mark.parametrize("text, place, reporter_seat", [
    ("وأشار البيان أيضا إلى استشهاد مواطنين اثنين اليوم في قضاء الطارمية شمالي بغداد بعد أن تعرضا لإطلاق "
     "نار من قبل عناصر إرهابية.", "Tarmiyah", "Baghdad"),
    ("ولفت البيان إلى مقتل ثلاثة مدنيين اليوم في ناحية جلولاء بمحافظة ديالى برصاص مسلحين مجهولين.", "Jalawla", None),
    ("وأشار المصدر إلى استشهاد طفلين اليوم في بلدة الكرك الشرقي بقصف مدفعي.", "Al-Karak al-Sharqi", None),
])
def test_a_place_after_a_reported_death_is_where_it_happened_not_the_speakers_seat(text, place, reporter_seat):
    """"أشار البيان إلى استشهاد مواطنين في X": a place after the reported death is where they
    died; read as the seat of the statement, it sent the event to the next place or nowhere."""
    found = [e.location for e in marsad.extract(text, published=APRIL)]
    assert place in found and (reporter_seat is None or reporter_seat not in found)


@pytest.mark.parametrize("text", [
    "وسجل مكتب توثيق الشهداء في درعا مقتل 33 شخصا في عمليات اغتيال واستهداف بالرصاص في آذار الماضي بحسب بيان "
    "صدر اليوم.",
    "ووثقت الشبكة السورية لحقوق الإنسان في تقرير نشرته اليوم مقتل 120 مدنيا بقصف الطيران في محافظة إدلب خلال شهر "
    "شباط الماضي.",
    "وأحصى المرصد مقتل 45 شخصا في هجمات متفرقة بريف دير الزور في آذار الماضي بحسب بيان أصدره اليوم الجمعة.",
])
def test_a_body_recording_a_months_dead_tells_a_tally_not_an_event_of_the_statements_day(text):
    """سجل/وثق/أحصى/رصد + the dead of a whole month: many events counted, whatever day the
    statement bears (which dated a 33-death event to it)."""
    assert marsad.extract(text, published=APRIL) == []


def test_a_body_recording_the_days_dead_still_tells_an_event():
    found = marsad.extract("وثقت الشبكة مقتل ثلاثة مدنيين اليوم بقصف على بلدة سرمين.", published=APRIL)
    assert [(e.location, e.fatalities) for e in found] == [("Sarmin", 3)]


NOVEMBER = date(2025, 11, 20)


@pytest.mark.parametrize("text, place", [
    ("شهد ريف الرقة الشرقي توترا جديدا بعد تبادل الاتهامات بين الجيش وقسد عقب اشتباكات اندلعت بعد منتصف ليل أمس "
     "في منطقة معدان.", "Maadan"),
    ("وتصاعد التوتر في مدينة حلب عقب مواجهات دارت أمس بين الجيش ومسلحين في حي الشيخ مقصود.", "Sheikh Maqsoud"),
    ("وتبادل الطرفان الاتهامات بعد اشتباكات وقعت الخميس في بلدة دير حافر بريف حلب الشرقي.", "Deir Hafer"),
])
def test_an_event_under_after_that_broke_out_on_a_day_of_its_own_is_news(text, place):
    """"عقب اشتباكات اندلعت بعد منتصف ليل أمس في X": a verb of occurrence with a day of its own
    makes the event under بعد/عقب news in itself, not the time reference of the tension or the
    accusations the sentence tells."""
    assert place in [e.location for e in marsad.extract(text, published=NOVEMBER)]


def test_an_event_under_after_with_no_day_of_its_own_stays_a_time_reference():
    assert marsad.extract("وصل الوفد إلى المدينة بعد اشتباكات الشهر الماضي في بلدة الطيبة.", published=NOVEMBER) == []


SPRING_2018 = date(2018, 4, 7)


@pytest.mark.parametrize("text, place", [
    ("وأوضح المرصد أن قصف المعارضة لدمشق يوم الجمعة أودى بحياة أربعة أشخاص.", "Damascus"),
    ("وأدى قصف الفصائل لبغداد أمس بصواريخ الكاتيوشا إلى مقتل مدنيين اثنين.", "Baghdad"),
    ("وقتل ثلاثة مدنيين أمس في قصف الحوثيين لصنعاء.", "Sanaa"),
])
def test_a_capital_after_an_attack_noun_and_li_is_what_was_hit(text, place):
    """"قصف المعارضة لدمشق": ل after an attack noun and its agent marks its object; the capital
    is where the shells fell, not the government (still so in "فصيل موال لدمشق")."""
    assert place in [e.location for e in marsad.extract(text, published=SPRING_2018)]


def test_a_capital_after_li_with_no_attack_noun_still_stands_for_its_government():
    found = marsad.extract("وقال قيادي في فصيل موال لدمشق إن مسلحين قتلوا اثنين من عناصره أمس في بلدة الصنمين.",
                           published=SPRING_2018)
    assert [e.location for e in found] == ["Al-Sanamayn"]


@pytest.mark.parametrize("text, word", [
    ("شنت الطائرات الحربية اليوم غارات على آخر مدينة خاضعة لسيطرة المعارضة في الغوطة الشرقية ما أسفر عن مقتل 12 "
     "شخصا.", "خاضعة"),
    ("قصفت المدفعية اليوم بلدة محاصرة في ريف حمص الشمالي ما أدى إلى مقتل 3 مدنيين.", "محاصرة"),
    ("قتل طفلان اليوم بقصف على مدينة خاضعة لسيطرة الفصائل في ريف إدلب الجنوبي.", "خاضعة"),
])
def test_a_participle_of_control_after_a_place_noun_names_no_place(text, word):
    """"مدينة خاضعة لسيطرة المعارضة"، "بلدة محاصرة": the participle describes the town; it was
    taken for an unknown town's name."""
    assert word not in [e.location for e in marsad.extract(text, published=SPRING_2018)]


@pytest.mark.parametrize("text", [
    "وقالت مصادر إن قصفا مدفعيا من مناطق سيطرة جماعة الحوثي استهدف حي المطار بمدينة تعز أمس.",
    "وأطلقت الصواريخ أمس من منطقة سيطرة الفصائل في ريف حلب على مدينة منبج.",
    "وسقطت قذيفة أمس على حي سكني تحت سيطرة الحكومة في مدينة الحديدة فقتل طفل.",
])
def test_areas_under_a_sides_control_tell_no_capture(text):
    """مناطق سيطرة X، تحت سيطرة X: a state of control describes where fire came from or fell, no
    territory changed hands (it made an "overtakes territory" event)."""
    found = marsad.extract(text, published=date(2022, 10, 30))
    assert not [e for e in found if "territory" in e.sub_event_type]


def test_a_capture_is_still_a_capture():
    found = marsad.extract("سيطرت قوات الجيش أمس على بلدة خان شيخون بعد معارك عنيفة.", published=date(2022, 10, 30))
    assert [(e.sub_event_type, e.location) for e in found] == [("Government regains territory", "Khan Shaykhun")]


@pytest.mark.parametrize("second, place", [
    ("وأكد المرصد في وقت لاحق أن القتلى الذين سقطوا في المدينة يوم الجمعة بينهم خمسة أطفال موضحا أن قصفا مدفعيا "
     "للفصائل على مدينة حرستا أودى بحياة أربعة أشخاص من عائلة واحدة", "Harasta"),
    ("وأفاد مصدر محلي بأن انفجار عبوة ناسفة زرعها مجهولون على جانب الطريق الرئيسي في مدينة الصنمين بريف درعا أدى "
     "يوم الجمعة إلى مقتل ثلاثة من عناصر الأمن العام وإصابة اثنين آخرين بجروح متفاوتة", "Al-Sanamayn"),
    ("وقالت مصادر طبية إن غارة جوية شنتها طائرة حربية على سوق شعبي في مدينة معرة النعمان يوم الجمعة أسفرت عن "
     "مقتل سبعة مدنيين بينهم امرأتان وطفل وإصابة أكثر من عشرين آخرين بجروح", "Maarat al-Numan"),
])
def test_a_long_line_without_a_stop_after_body_text_is_a_paragraph_not_a_heading(second, place):
    """A line of 150-200 characters with no full stop after the first body sentence is a paragraph
    that lost its stop, not a subhead: its events were read as a heading's, and lost."""
    text = "قال المرصد السوري لحقوق الإنسان إن الطائرات قصفت مدينة دوما امس الجمعة ما أسفر عن مقتل 12 شخصا.\n" + \
        second + "\n"
    assert place in [e.location for e in marsad.extract(text, published=SPRING_2018)]


@pytest.mark.parametrize("text, place", [
    ("اشتبك محتجون في بلدة كرمة علي مع رجال الشرطة اليوم.", "Karmat Ali"),
    ("اندلعت اشتباكات اليوم بين قوات الأمن والمتظاهرين في مدينة الناصرية ما أدى إلى مقتل متظاهر.", "Nasiriyah"),
    ("وقعت مواجهات بين محتجين وقوات الأمن اليوم في مدينة البصرة.", "Basra"),
])
def test_a_clash_with_demonstrators_is_a_riot_not_a_battle(text, place):
    """A clash word whose one side is protesters tells a violent demonstration (ACLED: Riots), not
    a battle between armed groups."""
    found = [(e.event_type, e.location) for e in marsad.extract(text, published=date(2019, 11, 1))]
    assert ("Riots", place) in found and not any(t == "Battles" for t, _ in found)


@pytest.mark.parametrize("text", [
    "وستقوم الفرق الهندسية عند الحاجة بتفجير الألغام في محيط بلدة السخنة.",
    "وسيبدأ الجيش خلال أيام بقصف مواقع المسلحين في بلدة اللطامنة.",
    "وستواصل الطائرات غاراتها على مواقع التنظيم في بلدة السخنة.",
])
def test_a_future_verb_before_an_event_word_tells_a_plan(text):
    """ستقوم/سيبدأ/ستواصل + an event word: what is to be done, not what happened."""
    assert marsad.extract(text, published=date(2019, 11, 1)) == []


def test_an_act_told_before_a_future_verb_is_still_an_event():
    found = marsad.extract("قصفت الطائرات اليوم بلدة السخنة وستواصل عملياتها.", published=date(2019, 11, 1))
    assert [e.location for e in found] == ["Al-Sukhnah"]
