"""Classes read from the fourth set's tune half (issue 16): dates, discourse moves and tolls that
real news of other outlets and regions writes. Each class is tested in wordings of our own, never an
article's sentence."""
from __future__ import annotations

from datetime import date

import pytest

import marsad
from marsad.arabic.tokenise import make_doc
from marsad.dates import find_dates


def events(text: str, published):
    return marsad.extract(text, published=published)


def date_keys(text: str, published=date(2019, 3, 2)) -> list[str]:
    return [d.key for d in find_dates(make_doc(text), published)]


# --------------------------------------------------------------------------- 1. date-shaped proper names

@pytest.mark.parametrize("text", [
    "وقال مصدر محلي لوكالة 2 ديسمبر إن القصف طال منازل المدنيين",
    "وبدأت القوات حملة تفتيش في منطقة 14 رمضان",
    "وتظاهر أنصار حركة 6 أبريل أمام النقابة",
    "وأحيا الأهالي ذكرى ثورة 14 أكتوبر في المدينة",
    "ونقل مراسل صحيفة 26 سبتمبر عن شهود",
    "وتجمع المحتجون في ساحة 17 فبراير",
    "وانفجرت العبوة قرب جسر 14 تموز",
    "وقال نواب من تيار 14 آذار إن الحكومة مسؤولة",
])
def test_a_day_and_month_after_a_name_noun_is_a_name_not_a_date(text):
    assert date_keys(text) == []


@pytest.mark.parametrize("text, key", [
    ("قتل ثلاثة مدنيين في 2 ديسمبر الماضي", "md:12-02:last"),
    ("اليوم السبت 2 مارس 2019", "abs:2019-03-02"),
    ("وفي منطقة الطارمية، 14 رمضان، داهمت القوات منزلا", "hijri_md:09-14"),
])
def test_a_day_and_month_without_a_name_noun_stays_a_date(text, key):
    assert date_keys(text) == [key]


@pytest.mark.parametrize("text, published, kind, place, day, deaths", [
    ("وقال مصدر محلي لوكالة 2 ديسمبر إن قصفا حوثيا على مديرية حيس أسفر اليوم عن مقتل ثلاثة مدنيين.",
     date(2019, 3, 2), "Explosions/Remote violence", "Hays", "2019-03-02", 3),
    ("أصيب خمسة متظاهرين برصاص الشرطة في ساحة 17 فبراير وسط مدينة بنغازي.",
     date(2014, 5, 10), "Violence against civilians", "Benghazi", "2014-05-10", 0),
    ("انفجرت عبوة ناسفة قرب جسر 14 تموز في بغداد وقتلت شرطيين اثنين.",
     date(2016, 8, 3), "Explosions/Remote violence", "Baghdad", "2016-08-03", 2),
])
def test_a_sentence_naming_a_date_shaped_name_keeps_its_event_and_toll(text, published, kind, place, day,
                                                                         deaths):
    found = [(e.event_type, e.location, str(e.event_date), e.fatalities) for e in events(text, published)]
    assert found == [(kind, place, day, deaths)]


# --------------------------------------------------------------------------- 7. English abbreviations

@pytest.mark.parametrize("text, count", [
    ("Iraqi troops hold a line in Anbar province, Sunday Jan. 3, 2016. The group attacked again.", 2),
    ("Gen. Ahmed Saleh said the attack failed. Fighting went on.", 2),
    ("U.S. forces left the base on Feb. 9, 2019 near Hit. Nobody was hurt.", 2),
    ("Lt. Col. Omar Khalid told reporters no one was hurt.", 1),
])
def test_an_english_abbreviation_ends_no_sentence(text, count):
    from marsad.arabic.tokenise import split_sentences
    assert len(split_sentences(text)) == count


@pytest.mark.parametrize("text, key", [
    ("Kurdish fighters patrol near Qamishli, Syria, Monday, Feb. 6, 2017.", "abs:2017-02-06"),
    ("A man walks past a damaged building in Mosul, Iraq, Sunday Jan. 8, 2017.", "abs:2017-01-08"),
    ("Smoke rises over Sirte, Libya, on Aug. 14, 2016.", "abs:2016-08-14"),
])
def test_an_english_date_with_an_abbreviated_month_is_one_date(text, key):
    assert date_keys(text, date(2017, 6, 1)) == [key]


@pytest.mark.parametrize("caption, body, place", [
    ("A soldier fires toward militants in Mosul, Iraq, Sunday Jan. 8, 2017. AP Photo",
     "قتل ثلاثة جنود عراقيين في اشتباكات مع تنظيم داعش في قضاء تلعفر.", "Tal Afar"),
    ("Fighters patrol a street in Sirte, Libya, Monday, Aug. 15, 2016. Reuters",
     "قتل أربعة مسلحين في اشتباكات بين قوات حكومة الوفاق وتنظيم داعش في مدينة درنة.", "Darnah"),
    ("Smoke rises over Raqqa, Syria, Tuesday, Sept. 5, 2017. AFP",
     "قتل خمسة مدنيين بغارة جوية على بلدة الميادين.", "Al-Mayadin"),
])
def test_an_english_caption_dated_months_before_does_not_date_the_article(caption, body, place):
    published = date(2017, 11, 20)
    found = [(e.location, str(e.event_date)) for e in events(caption + "\n" + body, published)]
    assert (place, "2017-11-20") in found


# --------------------------------------------------------------------------- 3. a preliminary toll superseded

JUNE = date(2021, 6, 10)


@pytest.mark.parametrize("text, place, deaths", [
    ("قتل 40 شخصا اليوم في انفجار سيارة مفخخة في مدينة الباب. وكان الدفاع المدني قد أفاد بمقتل 18 شخصا في "
     "الانفجار في حصيلة غير نهائية.", "Al-Bab", 40),
    ("ليبيا: ارتفاع حصيلة اشتباكات الزاوية إلى 32 قتيلا\nأعلن مركز طب الطوارئ ارتفاع حصيلة الاشتباكات في الزاوية "
     "إلى 32 قتيلا. وكان المركز أكد سقوط 12 قتيلا في حصيلة مبدئية للاشتباكات بين الكتيبتين.", "Az Zawiyah", 32),
    ("أعلن مصدر طبي ارتفاع حصيلة القصف المدفعي على بلدة كفرنبل إلى 9 قتلى. وكان ناشطون قد تحدثوا عن مقتل "
     "خمسة مدنيين في القصف.", "Kafranbel", 9),
    ("انفجرت عبوة ناسفة بحافلة قرب مدينة الرمادي صباح اليوم وقتلت 15 راكبا، وكانت الشرطة قد أعلنت في وقت "
     "سابق مقتل 6 أشخاص.", "Ramadi", 15),
])
def test_a_preliminary_toll_is_superseded_by_the_later_larger_one(text, place, deaths):
    found = [(e.location, e.fatalities) for e in events(text, JUNE)]
    assert (place, deaths) in found


def test_a_preliminary_toll_alone_is_the_toll():
    text = "قتل 12 شخصا في انفجار سيارة مفخخة في مدينة الباب اليوم، في حصيلة أولية."
    assert [(e.location, e.fatalities) for e in events(text, JUNE)] == [("Al-Bab", 12)]


# --------------------------------------------------------------------------- 5. states are not events

JULY = date(2019, 7, 23)


@pytest.mark.parametrize("text", [
    "الاحتلال يمدد اعتقال أسير مضرب عن الطعام\n\nمددت محكمة عسكرية إسرائيلية اليوم اعتقال الأسير خالد جرادات "
    "من بلدة السيلة الحارثية. وقالت هيئة الأسرى إن المحكمة تريد إبقاءه رهن الاعتقال.",
    "تمديد الاعتقال الإداري لأسير من الخليل\n\nقررت محكمة عوفر اليوم تمديد الاعتقال الإداري للأسير أحمد سلامة من "
    "مدينة الخليل أربعة أشهر.",
    "استمرار اعتقال صحفي في مأرب\n\nقالت نقابة الصحفيين اليمنيين إن قوات الأمن في مأرب تواصل احتجاز الصحفي منذ "
    "شهرين، وطالبت باستمرار اعتقاله بالإفراج عنه.",
])
def test_a_state_of_detention_is_no_arrest(text):
    assert events(text, JULY) == []


@pytest.mark.parametrize("text", [
    "الإعدام لمدان بمهاجمة دورية أمنية في الكرك\n\nحكمت محكمة أمن الدولة الأحد بالإعدام على مدان بتهمة تنفيذ "
    "هجوم على دورية للأمن في مدينة الكرك. واعترف المدان بتنفيذ هجمات بالعبوات الناسفة على القوات الأمنية في "
    "مدينة الكرك.",
    "أحكام بالإعدام لمدانين بتفجيرات استهدفت الجيش\n\nقضت محكمة الجنايات المركزية اليوم الثلاثاء بالإعدام على "
    "أربعة مدانين عن جرائم الانتماء لتنظيم داعش وتفجير عبوات ناسفة استهدفت دوريات الجيش في قضاء الشرقاط.",
    "المؤبد لمسلحين هاجموا مراكز الشرطة\n\nحكمت محكمة عسكرية في مصراتة أمس بالسجن المؤبد على ثلاثة متهمين بتهمة "
    "مهاجمة مراكز الشرطة وقتل عناصر منها في مدينة سرت. وأقر المتهمون بمشاركتهم في الهجوم على مركز شرطة سرت.",
])
def test_a_verdict_and_a_confession_tell_no_event_of_the_article(text):
    assert events(text, JULY) == []


@pytest.mark.parametrize("text, kind, place", [
    ("قتل ثلاثة جنود اليوم في هجوم على حاجز في مدينة بيجي، فيما قضت محكمة بالإعدام على مدان بجريمة قتل في تكريت.",
     "Battles", "Baiji"),
    ("اعتقلت قوات الاحتلال اليوم خمسة شبان في مخيم جنين.", "Strategic developments", "Jenin camp"),
    ("اعتقلت قوات الاحتلال اليوم ثلاثة شبان في بلدة بيت أمر، فيما مددت محكمة عوفر اعتقال أسير من الخليل.",
     "Strategic developments", "Beit Ummar"),
])
def test_an_arrest_or_an_attack_beside_a_court_stays_an_event(text, kind, place):
    assert (kind, place) in [(e.event_type, e.location) for e in events(text, JULY)]


# --------------------------------------------------------------------------- 2. claim day vs event day

MAY = date(2018, 5, 2)


@pytest.mark.parametrize("text, place, day", [
    ("أعلن تنظيم داعش اليوم الأربعاء مسؤوليته عن هجوم بعبوة ناسفة استهدف دورية للجيش قرب مدينة بيجي، وكانت مصادر "
     "أمنية قالت إن ثلاثة جنود قتلوا أمس الثلاثاء في الهجوم.", "Baiji", "2018-05-01"),
    ("تبنت حركة الشباب الأربعاء الهجوم على قاعدة عسكرية في بلدة بلدوين، وقال مسؤول محلي إن خمسة جنود قتلوا في "
     "الهجوم ليل الاثنين.", "Beledweyne", "2018-04-30"),
    ("أعلن تنظيم الدولة الإسلامية اليوم مسؤوليته عن تفجير سيارة مفخخة في مدينة الرمادي، وذكرت الشرطة أن الانفجار "
     "وقع الأحد وأسفر عن مقتل سبعة مدنيين.", "Ramadi", "2018-04-29"),
])
def test_an_attack_claimed_today_is_dated_by_its_own_day(text, place, day):
    assert (place, day) in [(e.location, str(e.event_date)) for e in events(text, MAY)]


def test_a_claim_with_no_other_day_dates_the_attack():
    text = "أعلن تنظيم داعش اليوم الأربعاء مسؤوليته عن هجوم على حاجز للجيش قرب مدينة بيجي أسفر عن مقتل ثلاثة جنود."
    assert [(e.location, str(e.event_date)) for e in events(text, MAY)] == [("Baiji", "2018-05-02")]


# --------------------------------------------------------------------------- 6. a tally continued

JUNE9 = date(2019, 6, 9)


@pytest.mark.parametrize("text, kept", [
    ("قتل جنديان اليوم في هجوم لتنظيم داعش على نقطة عسكرية قرب بلدة السخنة. وبذلك ارتفعت حصيلة قتلى قوات النظام "
     "منذ مطلع العام إلى 420 قتيلا. وقد لقي هؤلاء حتفهم في هجمات وكمائن في بادية دير الزور والرقة وحماة.",
     [("Al-Sukhnah", 2)]),
    ("قتل أربعة عناصر من قسد اليوم بانفجار لغم قرب بلدة الشحيل. وبذلك ترتفع حصيلة قتلى قسد منذ 23 آذار إلى 85 قتيلا. "
     "وجميعهم قضوا في هجمات وتفجيرات في بلدات ذيبان والبصيرة وهجين.", [("Al-Shuhayl", 4)]),
    ("قتل ثلاثة مدنيين اليوم بغارة على بلدة سرمين. وارتفع عدد القتلى المدنيين منذ 30 نيسان إلى 310 قتلى. "
     "ومعظمهم قتلوا في غارات على مدن معرة النعمان وأريحا وخان شيخون.", [("Sarmin", 3)]),
])
def test_the_dead_of_a_tally_told_again_name_no_events_and_the_tally_is_no_toll(text, kept):
    assert [(e.location, e.fatalities) for e in events(text, JUNE9)] == kept


@pytest.mark.parametrize("caption, body, caption_place", [
    ("Smoke rises after an airstrike on Raqqa, Syria, Tuesday, Sept. 5, 2017. AFP",
     "قتل خمسة مدنيين بغارة جوية على بلدة الميادين.", "Ar-Raqqa"),
    ("Fighters clash with militants in Sirte, Libya, Monday, Aug. 15, 2016. Reuters",
     "قتل أربعة مسلحين في اشتباكات بين قوات حكومة الوفاق وتنظيم داعش في مدينة درنة.", "Sirte"),
    ("A car burns after clashes in Aden, Yemen, Nov. 20, 2017. Reuters",
     "قتل ثلاثة جنود في هجوم على حاجز في مدينة تعز.", "Aden"),
])
def test_an_english_caption_in_an_arabic_article_tells_no_event(caption, body, caption_place):
    found = [e.location for e in events(caption + "\n" + body, date(2017, 11, 20))]
    assert found and caption_place not in found


@pytest.mark.parametrize("text, key", [
    ("قال و 2 ديسمبر", "md:12-02"),
    ("ب 2 ديسمبر الماضي", "md:12-02:last"),
])
def test_a_one_letter_word_before_a_day_and_month_is_no_name_noun(text, key):
    assert date_keys(text) == [key]
