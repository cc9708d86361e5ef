"""Date expressions: finding them, resolving them against the publication day, keys, datelines."""
import json
import sys
import types
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import marsad.dates as dates
from marsad.arabic.tokenise import make_doc
from marsad.dates import find_dates, publication_date_from_text, resolve_key
from marsad.errors import KnowledgeBaseError

SUNDAY = date(2022, 1, 23)      # the Hasakah prison attack article: a Sunday
WEDNESDAY = date(2017, 3, 22)
NEW_YEAR = date(2022, 1, 1)     # a Saturday
LEAP = date(2020, 3, 1)         # a Sunday after 29 February


def only(text: str, published: date | None):
    found = find_dates(make_doc(text), published)
    assert len(found) == 1, [(m.text, m.key) for m in found]
    return found[0]


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# --------------------------------------------------------------------------- relative days
@pytest.mark.parametrize("text, phrase, key, day", [
    ("قتل ثلاثة مدنيين اليوم في قصف على المدينة", "اليوم", "rel:0", "2022-01-23"),
    ("أعلنت القوات اليوم الأحد السيطرة على الحي", "اليوم الأحد", "weekday:6", "2022-01-23"),
    ("شن الطيران فجر اليوم غارات على البلدة", "فجر اليوم", "rel:0", "2022-01-23"),
    ("اندلعت اشتباكات صباح اليوم قرب السجن", "صباح اليوم", "rel:0", "2022-01-23"),
    ("سقطت قذائف مساء اليوم على الحي الشرقي", "مساء اليوم", "rel:0", "2022-01-23"),
    ("وكانت القوات قد قالت في وقت سابق من اليوم إنها تقدمت", "في وقت سابق من اليوم", "rel:0", "2022-01-23"),
    ("هاجم مسلحون الحاجز ليلة أمس", "ليلة أمس", "rel:-1", "2022-01-22"),
    ("قتل عنصران أمس في كمين", "أمس", "rel:-1", "2022-01-22"),
    ("وبالأمس أعلن الجيش مقتل قيادي", "وبالأمس", "rel:-1", "2022-01-22"),
    ("اغتيل مختار القرية يوم أمس", "يوم أمس", "rel:-1", "2022-01-22"),
    ("أفاد المرصد أمس السبت بمقتل مدنيين", "أمس السبت", "weekday:5", "2022-01-22"),
    ("انفجرت عبوة مساء أمس السبت في السوق", "مساء أمس السبت", "weekday:5", "2022-01-22"),
    ("جرت المواجهات أول أمس في محيط السجن", "أول أمس", "rel:-2", "2022-01-21"),
    ("وقع الانفجار أول من أمس قرب الجسر", "أول من أمس", "rel:-2", "2022-01-21"),
    ("أطلق سراح المخطوفين قبل يومين", "قبل يومين", "rel:-2", "2022-01-21"),
    ("بدأ الهجوم منذ ثلاثة أيام على السجن", "منذ ثلاثة أيام", "rel:-3", "2022-01-20"),
    ("بدأ الهجوم قبل ثلاثة أيام على السجن", "قبل ثلاثة أيام", "rel:-3", "2022-01-20"),
    ("بدأ الهجوم منذ 3 أيام على السجن", "منذ 3 أيام", "rel:-3", "2022-01-20"),
    ("وقال المصدر إن الانفجار وقع منذ خمسة أيام", "منذ خمسة أيام", "rel:-5", "2022-01-18"),
    ("انفجرت سيارة مفخخة هذا الجمعة جنوب بغداد", "هذا الجمعة", "weekday:4", "2022-01-21"),
    ("أصيب مدني في الهجوم الليلة الماضية", "الليلة الماضية", "rel:-1", "2022-01-22"),
])
def test_relative_day_resolves_against_publication(text, phrase, key, day):
    m = only(text, SUNDAY)
    assert (m.text, m.key) == (phrase, key)
    assert iso(m.date_start) == iso(m.date_end) == day
    assert m.precision == 1
    assert not m.background


@pytest.mark.parametrize("text, key", [
    ("قتل ثلاثة مدنيين اليوم في قصف", "rel:0"),
    ("أفاد المرصد أمس السبت بمقتل مدنيين", "weekday:5"),
    ("جرت المواجهات أول أمس", "rel:-2"),
    ("بدأ الهجوم منذ ثلاثة أيام", "rel:-3"),
    ("قصفت المدفعية الأحد الماضي مواقع للتنظيم", "weekday:6:last"),
    ("معارك الأيام الثلاثة الماضية", "last_days:3"),
    ("خلال الساعات الـ24 الماضية", "last_hours:24"),
    ("الأسبوع الماضي", "last_week"),
    ("في تشرين الأول", "month:10"),
    ("في 15 كانون الثاني", "md:01-15"),
])
def test_without_publication_date_relative_expressions_keep_only_a_key(text, key):
    m = only(text, None)
    assert m.key == key
    assert m.date_start is None and m.date_end is None and m.precision is None
    assert not m.background


# --------------------------------------------------------------------------- weekdays
@pytest.mark.parametrize("text, published, day", [
    ("هاجم التنظيم الحاجز السبت", SUNDAY, "2022-01-22"),
    ("هاجم التنظيم الحاجز يوم الأحد", SUNDAY, "2022-01-23"),       # the publication weekday is that day
    ("هاجم التنظيم الحاجز الأحد الماضي", SUNDAY, "2022-01-16"),    # strictly before
    ("هاجم التنظيم الحاجز الجمعة الماضية", SUNDAY, "2022-01-21"),
    ("أعلن الجيش اليوم الأربعاء مقتل عنصرين", WEDNESDAY, "2017-03-22"),
    ("وقعت الغارة الخميس", NEW_YEAR, "2021-12-30"),                  # back across the year
    ("وقعت الغارة الأحد الماضي", NEW_YEAR, "2021-12-26"),
    ("وقعت الغارة يوم السبت", LEAP, "2020-02-29"),                    # leap day
    ("قصف مدفعي مساء الاثنين", date(2021, 3, 2), "2021-03-01"),
    ("قصف مدفعي صباح الثلاثاء", date(2021, 3, 1), "2021-02-23"),    # back across a month
])
def test_weekday_is_the_latest_such_day_on_or_before_publication(text, published, day):
    m = only(text, published)
    assert iso(m.date_start) == iso(m.date_end) == day
    assert m.precision == 1


def test_weekday_key_uses_python_numbering_monday_zero():
    keys = [m.key for m in find_dates(make_doc("الاثنين، ثم الثلاثاء، ثم الأحد"), None)]
    assert keys == ["weekday:0", "weekday:1", "weekday:6"]


def test_next_weekday_lies_after_publication():
    m = only("تعقد المحكمة جلستها الاثنين المقبل", SUNDAY)
    assert (m.key, iso(m.date_start)) == ("weekday:0:next", "2022-01-24")


def test_night_before_a_weekday_spans_two_days():
    m = only("استهدفت غارات ليلة السبت مواقع الميليشيات", SUNDAY)
    assert (m.key, iso(m.date_start), iso(m.date_end), m.precision) == ("night:5", "2022-01-21", "2022-01-22", 2)


def test_two_consecutive_weekdays_make_one_range():
    m = only("ضربات جوية ليل السبت - الأحد على رتل", SUNDAY)
    assert (m.key, iso(m.date_start), iso(m.date_end)) == ("days:5-6", "2022-01-22", "2022-01-23")
    m = only("تواصلت المعارك يومي السبت والأحد", SUNDAY)
    assert m.key == "days:5-6"


def test_two_distant_weekdays_stay_two_dates():
    keys = [m.key for m in find_dates(make_doc("قصف السبت والثلاثاء"), SUNDAY)]
    assert keys == ["weekday:5", "weekday:1"]


# --------------------------------------------------------------------------- ranges
@pytest.mark.parametrize("text, key, start, end, precision", [
    ("كشفت خلال الأيام الثلاثة الماضية كواليس الهجوم", "last_days:3", "2022-01-20", "2022-01-23", 2),
    ("قتل العشرات في الأيام الثلاثة الماضية", "last_days:3", "2022-01-20", "2022-01-23", 2),
    ("حصيلة معارك الأيام الثلاثة الماضية", "last_days:3", "2022-01-20", "2022-01-23", 2),
    ("نزح الآلاف خلال الأيام الماضية", "last_days", "2022-01-16", "2022-01-23", 2),
    ("تصاعد القصف الأسبوع الماضي على الريف", "last_week", "2022-01-16", "2022-01-23", 2),
    ("قتل 12 شخصاً خلال الساعات الـ24 الماضية", "last_hours:24", "2022-01-22", "2022-01-23", 2),
    ("قتل 12 شخصاً في آخر 48 ساعة", "last_hours:48", "2022-01-21", "2022-01-23", 2),
    ("اعتقل ستة أشخاص خلال اليومين الماضيين", "last_days:2", "2022-01-21", "2022-01-23", 2),
    ("سقطت قذائف قبل أيام على الحي", "ago_days", "2022-01-16", "2022-01-22", 2),
    ("تستمر المعارك منذ السبت", "since:weekday:5", "2022-01-22", "2022-01-23", 2),
])
def test_ranges_end_on_publication(text, key, start, end, precision):
    m = only(text, SUNDAY)
    assert (m.key, iso(m.date_start), iso(m.date_end), m.precision) == (key, start, end, precision)
    assert not m.background


# --------------------------------------------------------------------------- explicit dates
@pytest.mark.parametrize("text, phrase, day", [
    ("هاجم التنظيم السجن في 23 كانون الثاني 2022", "23 كانون الثاني 2022", "2022-01-23"),
    ("هاجم التنظيم السجن في 23 يناير 2022", "23 يناير 2022", "2022-01-23"),
    ("بدأ الهجوم مساء السبت 22 كانون الثاني 2022", "السبت 22 كانون الثاني 2022", "2022-01-22"),
    ("أعلنت الوزارة، (9 تشرين الأول 2020)، اعتقال خلية", "9 تشرين الأول 2020", "2020-10-09"),
    ("صدر البيان بتاريخ 9/10/2020 عن القيادة", "9/10/2020", "2020-10-09"),
    ("صدر البيان بتاريخ 2020-10-09 عن القيادة", "2020-10-09", "2020-10-09"),
    ("تاريخ الحادثة 12.01.2019 في ريف حلب", "12.01.2019", "2019-01-12"),
    ("أطلقت العملية في 20 يناير/كانون الثاني 2018", "20 يناير/كانون الثاني 2018", "2018-01-20"),
    ("وفي العاشر من أيار 2018 قصفت الطائرات", "العاشر من أيار 2018", "2018-05-10"),
    ("جرت الانتخابات في ٧ آذار ٢٠١٥ بهدوء", "٧ آذار ٢٠١٥", "2015-03-07"),
    ("signed on January 23, 2022 in Geneva", "January 23, 2022", "2022-01-23"),
])
def test_explicit_dates_resolve_with_or_without_publication(text, phrase, day):
    for published in (SUNDAY, None):
        m = only(text, published)
        assert m.text == phrase
        assert (m.key, iso(m.date_start), iso(m.date_end), m.precision) == (f"abs:{day}", day, day, 1)


def test_bracketed_date_after_today_and_weekday_is_a_second_mention():
    found = find_dates(make_doc("أعلنت الوزارة اليوم الجمعة، (9 تشرين الأول 2020)، اعتقال خلية"), date(2020, 10, 9))
    assert [(m.text, m.key, iso(m.date_start)) for m in found] == [
        ("اليوم الجمعة", "weekday:4", "2020-10-09"), ("9 تشرين الأول 2020", "abs:2020-10-09", "2020-10-09")]


def test_day_and_month_without_year_take_the_publication_year():
    m = only("قصفت الطائرات البلدة في 15 كانون الثاني", SUNDAY)
    assert (m.key, iso(m.date_start)) == ("md:01-15", "2022-01-15")


def test_day_and_month_after_publication_belong_to_the_previous_year():
    m = only("وكان الهجوم الأول في 28 كانون الأول", SUNDAY)
    assert (m.key, iso(m.date_start)) == ("md:12-28", "2021-12-28")


def test_day_of_the_current_month():
    m = only("في 20 من الشهر الجاري اعتقلت الشرطة ثلاثة", SUNDAY)
    assert (m.key, iso(m.date_start)) == ("dom:20:cur", "2022-01-20")


def test_month_and_year_is_the_whole_month():
    m = only("سيطر الجيش على المدينة في كانون الثاني 2013", SUNDAY)
    assert (m.key, iso(m.date_start), iso(m.date_end), m.precision) == \
        ("month:2013-01", "2013-01-01", "2013-01-31", 3)
    assert m.background


def test_reuters_month_pair_is_one_month():
    m = only("وارتفع المؤشر في مايو أيار الماضي", date(2018, 7, 1))
    assert (m.text, m.key, iso(m.date_start)) == ("في مايو أيار الماضي", "month:05:last", "2018-05-01")


def test_mid_last_december_is_a_ten_day_range_in_the_background():
    m = only("وكانت المعارك اندلعت منتصف كانون الأول المنصرم", SUNDAY)
    assert (m.key, iso(m.date_start), iso(m.date_end), m.precision) == \
        ("month:12:last@mid", "2021-12-11", "2021-12-20", 3)
    assert m.background


def test_bare_month_with_a_cue_is_the_latest_such_month():
    m = only("وفي تشرين الأول شن الجيش حملة", date(2016, 11, 5))
    assert (m.text, m.key, iso(m.date_start), iso(m.date_end)) == \
        ("وفي تشرين الأول", "month:10", "2016-10-01", "2016-10-31")
    assert m.background  # before the publication month
    m = only("وفي تشرين الأول شن الجيش حملة", date(2016, 10, 20))
    assert iso(m.date_start) == "2016-10-01" and not m.background


def test_late_last_january():
    m = only("وقع الهجوم في أواخر يناير الماضي", date(2022, 3, 10))
    assert (m.key, iso(m.date_start), iso(m.date_end)) == ("month:01:last@late", "2022-01-21", "2022-01-31")
    assert m.background


def test_a_bare_month_name_without_a_cue_is_not_a_date():
    assert find_dates(make_doc("مارس الجيش ضغوطاً على الفصائل"), SUNDAY) == []
    assert find_dates(make_doc("قال أبو رمضان إن القصف توقف"), SUNDAY) == []


# --------------------------------------------------------------------------- Hijri
@pytest.mark.parametrize("text", ["15 رمضان 1443", "15 رمضان 1443 هـ", "15 رمضان 1443هـ"])
def test_hijri_date_converts_to_gregorian(text):
    m = only(f"وقع الهجوم في {text} قرب المسجد", None)
    assert (m.key, iso(m.date_start), m.precision) == ("abs:2022-04-16", "2022-04-16", 1)


def test_hijri_day_and_month_take_the_current_hijri_year():
    m = only("أعلنت الهدنة في 15 رمضان", date(2022, 5, 1))
    assert (m.key, iso(m.date_start)) == ("hijri_md:09-15", "2022-04-16")


def test_hijri_month_and_year_is_the_whole_hijri_month():
    m = only("خلال شهر رمضان 1443", None)
    assert (m.key, iso(m.date_start), iso(m.date_end), m.precision) == \
        ("hijri_month:1443-09", "2022-04-02", "2022-05-01", 3)


def test_gregorian_year_after_a_hijri_month_is_not_taken_as_its_year():
    m = only("في 15 رمضان 2022", date(2022, 5, 1))
    assert m.text == "15 رمضان" and m.key == "hijri_md:09-15"


# --------------------------------------------------------------------------- background
@pytest.mark.parametrize("text, key", [
    ("قتل أكثر من مئة شخص العام الماضي في المحافظة", "last_year"),
    ("تضاعفت الهجمات الشهر الماضي", "last_month"),
    ("قتل الآلاف في السنوات الماضية", "last_years"),
    ("قتل 300 مدني منذ مطلع العام", "since:this_year@early"),
    ("وقع الهجوم في أواخر يناير الماضي", "month:01:last@late"),
    ("تسيطر الفصائل على البلدة منذ سنوات", "ago_years"),
])
def test_explicit_past_periods_are_background_even_without_publication(text, key):
    for published in (SUNDAY, None):
        m = only(text, published)
        assert m.key == key
        assert m.background, (text, published)


def test_earlier_today_is_not_background():
    m = only("قال المتحدث في وقت سابق من اليوم إن القصف توقف", None)
    assert m.key == "rel:0" and not m.background


def test_earlier_followed_by_a_date_is_that_date():
    m = only("وأعلن الجيش في وقت سابق الأربعاء مقتل عنصرين", SUNDAY)
    assert (m.key, iso(m.date_start)) == ("weekday:2", "2022-01-19")


def test_a_date_more_than_a_week_old_is_background():
    m = only("وقع الهجوم في 10 كانون الثاني 2022", SUNDAY)
    assert m.background
    m = only("وقع الهجوم في 18 كانون الثاني 2022", SUNDAY)
    assert not m.background


def test_weeks_ago_are_background_days_ago_are_not():
    assert only("وقع الهجوم قبل أسبوعين", SUNDAY).background
    assert not only("وقع الهجوم قبل ثلاثة أيام", SUNDAY).background


# --------------------------------------------------------------------------- things that are not dates
@pytest.mark.parametrize("text", [
    "احتفل العالم باليوم العالمي لحقوق الإنسان",
    "وفي اليوم التالي انسحبت القوات",
    "ما زال الحصار مستمراً حتى اليوم",
    "وفي مثل هذا اليوم من عام",
    "خرج المصلون بعد صلاة الجمعة",
    "قتل أحد عشر عنصراً",
    "قبل يومين من الهجوم وصلت التعزيزات",
    "لامس الدولار مستوى قياسياً",
])
def test_look_alikes_are_not_dates(text):
    found = find_dates(make_doc(text), SUNDAY)
    assert all(m.key not in ("rel:0", "rel:-1", "rel:-2", "weekday:4", "weekday:6") for m in found), \
        [(m.text, m.key) for m in found]


def test_a_blocking_word_across_punctuation_does_not_block():
    m = only("قتل جندي، الأحد، من قبل قناص", SUNDAY)
    assert m.key == "weekday:6"


def test_year_after_before_is_a_year_not_a_year_ago():
    m = only("كانت المنطقة هادئة قبل عام 2011", SUNDAY)
    assert (m.text, m.key) == ("عام 2011", "year:2011")


# --------------------------------------------------------------------------- offsets and tokens
def test_raw_offsets_survive_diacritics_and_tatweel():
    raw = "قُتِلَ مدنيّان ٱلْيَوْمَ الأَحَـــد، وأُصيب آخرون فجرَ أمسِ في 23 كانـــون الثّاني 2022."
    doc = make_doc(raw)
    found = find_dates(doc, SUNDAY)
    assert [m.key for m in found] == ["weekday:6", "rel:-1", "abs:2022-01-23"]
    for m in found:
        assert raw[m.start:m.end] == m.text
    assert found[0].text == "ٱلْيَوْمَ الأَحَـــد"
    assert found[2].text == "23 كانـــون الثّاني 2022"


def test_token_range_covers_the_expression():
    doc = make_doc("قتل عنصران أمس السبت في ريف حلب")
    m = find_dates(doc, SUNDAY)[0]
    assert [t.text for t in doc.tokens[m.tok_start:m.tok_end]] == ["امس", "السبت"]


@settings(max_examples=60, deadline=None)
@given(prefix=st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي \u064b\u064e\u0650\u0651\u0640،.", max_size=30),
       suffix=st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي \u064e\u0640\n", max_size=30),
       expr=st.sampled_from(["أمسِ السبت", "اليومَ", "الأيامِ الثلاثة الماضية", "9/10/2020", "15 رمضان 1443 هـ",
                             "منتصـف كانون الأول المنصرم", "قبل يومين"]))
def test_every_mention_points_at_its_raw_text(prefix, suffix, expr):
    raw = f"{prefix} {expr} {suffix}"
    for m in find_dates(make_doc(raw), SUNDAY):
        assert raw[m.start:m.end] == m.text
        assert 0 <= m.tok_start < m.tok_end


def _vocabulary() -> list[str]:
    lex = dates._lexicon()
    words = [w for kind in lex.by_kind.values() for w in kind] + [w for ws in lex.glue.values() for w in ws]
    return sorted(set(words)) + ["23", "9/10/2020", "1443", "2022", "ال24", "5000", "،", "(", "\n"]


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(_vocabulary()), max_size=12),
       published=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31))))
def test_any_run_of_date_words_gives_well_formed_mentions(words, published):
    raw = " ".join(words)
    for m in find_dates(make_doc(raw), published):
        assert raw[m.start:m.end] == m.text and m.key
        assert (m.date_start is None) == (m.date_end is None) == (m.precision is None)
        if m.date_start:
            assert m.date_start <= m.date_end
            assert m.precision == (1 if m.date_start == m.date_end else
                                   2 if (m.date_end - m.date_start).days <= 7 else 3)


# --------------------------------------------------------------------------- datelines
@pytest.mark.parametrize("text, day", [
    ("اغتيال أربعة مقاتلين\n\nتاريخ النشر: 12.01.2019 | 15:01 دمشق\n\nآخر تحديث: 17.01.2019 | 22:23 دمشق\n\nنص",
     "2019-01-12"),
    ("مسلحون يخطفون 33 شخصاً في بغداد\n\n07 مارس 2015\nالأجهزة الأمنية لا علم لها", "2015-03-07"),
    ("بينها مدرسة.. العراق يعلن إحالة مشاريع\n\nالأحد 25 يناير 2026 - 05:52 م\nعمرو أحمد\n\nأعلن", "2026-01-25"),
    ("الثلاثاء, 26 أغسطس 2025 09:09 PM\n\nرئيس غرفة تجارة حلب يتحدث", "2025-08-26"),
    ("نشر في: 2022-01-23\nقتل مدنيان", "2022-01-23"),
])
def test_dateline_gives_the_publication_date(text, day):
    assert iso(publication_date_from_text(make_doc(text))) == day


@pytest.mark.parametrize("text", [
    "قتل ثلاثة مدنيين في 7 مارس 2015 في قصف على الحي.\nنص",
    "آخر تحديث: 17.01.2019 | 22:23\nنص الخبر",
    "عنوان\nفي 7 مارس 2015\nنص",
    "أ\nب\nت\nث\nج\n07 مارس 2015",      # too far down
    "عنوان الخبر\nقتل مدنيان اليوم الأحد",  # no full date
    "",
])
def test_no_dateline(text):
    assert publication_date_from_text(make_doc(text)) is None


# --------------------------------------------------------------------------- numbers and data
def test_number_words_come_from_marsad_quantities_when_it_exists(monkeypatch):
    fake = types.ModuleType("marsad.quantities")
    fake.parse_number = lambda text: 15 if text == "خمسه عشر" else None
    monkeypatch.setitem(sys.modules, "marsad.quantities", fake)
    m = only("بدأ الحصار منذ خمسة عشر يوماً", SUNDAY)
    assert (m.key, iso(m.date_start)) == ("rel:-15", "2022-01-08")
    assert m.background


def test_resolve_key_is_the_same_arithmetic():
    assert resolve_key("last_days:3", SUNDAY) == (date(2022, 1, 20), SUNDAY)
    assert resolve_key("weekday:6:last", SUNDAY) == (date(2022, 1, 16), date(2022, 1, 16))
    assert resolve_key("since:month:10", date(2016, 11, 5)) == (date(2016, 10, 1), date(2016, 11, 5))
    assert resolve_key("rel:-1", None) == (None, None)


def test_the_module_never_reads_the_clock():
    source = Path(dates.__file__).read_text(encoding="utf-8")
    assert "today()" not in source and ".now(" not in source


def test_an_unknown_kind_in_the_vocabulary_is_reported_with_its_line(tmp_path, monkeypatch):
    import marsad.kb as kb
    (tmp_path / "date_words.tsv").write_text("term\tkind\tvalue\nأمس\trel_day\t-1\nغدا\tfuture\t1\n",
                                             encoding="utf-8")
    monkeypatch.setattr(kb, "DATA_DIR", tmp_path)
    kb.load_table.cache_clear()
    dates._lexicon.cache_clear()
    try:
        with pytest.raises(KnowledgeBaseError) as err:
            dates._lexicon()
        assert "date_words.tsv:3" in str(err.value)
    finally:
        monkeypatch.undo()
        kb.load_table.cache_clear()
        dates._lexicon.cache_clear()
        dates._rules.cache_clear()
        dates._year_follows.cache_clear()


# --------------------------------------------------------------------------- rule needs
def _texts_of_this_module() -> list[str]:
    texts = []
    for func in list(globals().values()):
        for mark in getattr(func, "pytestmark", []):
            if mark.name == "parametrize":
                for row in mark.args[1]:
                    first = row[0] if isinstance(row, tuple) else row
                    if isinstance(first, str):
                        texts.append(first)
    return texts


def test_a_rule_skipped_for_a_missing_need_would_have_found_nothing(monkeypatch):
    """The needs (terms a rule cannot match without) only skip work: every candidate is found
    with them as without them, on every text of this file and the bundled articles."""
    texts = _texts_of_this_module()
    assert len(texts) > 80
    examples = Path(__file__).resolve().parents[1] / "examples"
    for path in sorted(examples.glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    for path in sorted(examples.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [make_doc(t) for t in texts]
    with_needs = [dates._candidates(d) for d in docs]
    monkeypatch.setattr(dates, "_needs", lambda: {name: () for name, _, _ in dates._rules()})
    assert [dates._candidates(d) for d in docs] == with_needs
    assert [dates._candidates(d, anchored=False) for d in docs] == with_needs
    assert sum(map(len, with_needs)) > 150


def _lexicon_words() -> list[str]:
    lex = dates._lexicon()
    terms = set(lex.terms(*lex.by_kind)) | set().union(*lex.glue.values())
    return sorted(terms)


_FILLER = ["قتل", "في", "مدينة", "حلب", "ال", "و", "،", "/", "-", "(", ")", ".", "3", "15", "2022", "1443",
           "الهجوم", "من", "خلال", "نحو", "عشرة", "\n"]
_PROCLITICS = ["", "", "", "و", "ف", "ب", "ل", "وب", "ال", "لل", "وال"]


def _every_match_is_tried(text: str) -> None:
    doc = make_doc(text)
    starts = {tok.start for tok in doc.tokens}
    for name, rx, _ in dates._rules():
        full = {m.start() for m in dates._search_all(rx, doc.text, 0, len(doc.text))}
        assert full <= starts, (name, text)  # a match starts at a token start
        if name in dates._anchors():
            tried = {doc.tokens[t].start for t in dates._tried_tokens(doc, name)}
            assert full <= tried, (name, text, sorted(full - tried))


# the longest shapes of the anchored rules, written from their parts (words in the lexicon)
_LONG_SHAPES = [
    "على مدار آخر ال خمسة عشر يوما الماضية",        # range_num: prep, last_n, ال, two-word number, unit
    "وعلى امتداد الايام العشرة الاخيرة",
    "خلال هذه الأيام", "على مدار هذا الأسبوع",             # this
    "منذ ما يقارب ثلاثة أو أربعة أيام", "قبل نحو خمسة عشر يوما",   # ago
    "على امتداد الأسبوع الماضي",                              # range_unit
    "وفي ساعة متأخرة من ليلة أول من أمس يوم الجمعة", "فجر اليوم يومي السبت والأحد",    # weekday
    "في ساعة متأخرة من ليلة يوم أول من أمس", "صباح يوم أول من أمس",                   # rel
    "الخامس عشر من الشهر الجاري", "ال 5 من الشهر الماضي",   # dom
]


@pytest.mark.parametrize("text", _LONG_SHAPES)
def test_anchored_rules_reach_back_far_enough_for_their_longest_shapes(text):
    _every_match_is_tried(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PROCLITICS), st.one_of(st.sampled_from(_lexicon_words()),
                                                                    st.sampled_from(_FILLER)),
                          st.sampled_from([" ", " ", " ", "", "، ", " / ", "\\n"])),
                min_size=1, max_size=14))
def test_rules_tried_near_their_anchor_words_find_what_a_full_search_finds(parts):
    """Needs and anchors (a rule tried only close before the words it must hold) are shortcuts:
    on any sequence of date words, clitics, digits and punctuation, every place a rule matches
    is tried, and the candidates are those of every rule searched across the whole text."""
    text = "".join(pre + word.replace("\\n", "\n") + sep.replace("\\n", "\n") for pre, word, sep in parts)
    _every_match_is_tried(text)
    doc = make_doc(text)
    quick = dates._candidates(doc)
    needs = dates._needs
    try:
        dates._needs = lambda: {name: () for name, _, _ in dates._rules()}
        full = dates._candidates(make_doc(text), anchored=False)
    finally:
        dates._needs = needs
    assert quick == full


def test_earlier_in_wire_copy_is_the_day_before_publication_to_publication():
    # "في وقت سابق" (earlier on) in a wire report is the same day or the day before, not history
    for text in ("قتل مدنيان في وقت سابق بقصف على البلدة", "وكانت الوكالة قد ذكرت في وقت سابق مقتل شخصين"):
        m = only(text, SUNDAY)
        assert m.key == "earlier" and not m.background
        assert (m.date_start, m.date_end) == (SUNDAY - timedelta(days=1), SUNDAY)


@pytest.mark.parametrize("text", [
    "قتل 63 عنصراً منذ بداية العام الجاري",
    "ارتفع عدد الغارات إلى 320 منذ الأول من الشهر الجاري",
    "وثق المرصد مقتل 40 مدنياً منذ مطلع الشهر",
    "قتل 150 شخصاً هذا الشهر في أعمال عنف",
    "بلغ عدد القتلى منذ عام 2011 نحو 400 ألف",
])
def test_a_tally_period_is_no_event_date(text):
    for published in (SUNDAY, None):
        dates = find_dates(make_doc(text), published)
        assert dates and all(d.tense == "period" and d.background for d in dates), (text, published, dates)


@pytest.mark.parametrize("text", ["اشتباكات متواصلة منذ فجر اليوم", "قصف متقطع منذ مساء أمس", "منذ الأمس"])
def test_since_a_recent_moment_is_one_ongoing_event(text):
    m = only(text, SUNDAY)
    assert m.tense == "current" and not m.background and m.date_end == SUNDAY


@pytest.mark.parametrize("text", ["الأحد المقبل", "الأسبوع القادم", "غدا", "في الأيام القليلة القادمة",
                                  "الشهر المقبل"])
def test_the_future_is_never_an_event_date(text):
    for published in (SUNDAY, None):
        dates = find_dates(make_doc(text), published)
        assert dates and all(d.tense == "future" and d.background for d in dates), (text, published, dates)


def test_a_date_after_publication_is_future():
    # "24 فبراير الجاري" in an article of 14 February: an announced date, not an event's
    m = only("موعد الانتخابات في 24 فبراير الجاري", date(2022, 2, 14))
    assert m.tense == "future"


@pytest.mark.parametrize("text, key", [
    ("قتل مدنيان اليوم 23 أيلول في قصف", "md:09-23"),
    ("قتل مدنيان أمس، 23 سبتمبر، في قصف", "md:09-23"),
    ("قتل مدنيان في 23 أيلول، اليوم، في قصف", "md:09-23"),
])
def test_a_relative_day_beside_a_calendar_date_is_one_expression_and_the_calendar_wins(text, key):
    found = find_dates(make_doc(text), date(2022, 9, 25))
    assert [d.key for d in found] == [key]


@pytest.mark.parametrize("text, year", [
    ("سيطر التنظيم على المدينة عام ألفين وأربعة عشر", 2014),
    ("في العام ألفين وسبعة عشر وقعت المعركة", 2017),
    ("منذ سنة ألفين وأحد عشر", 2011),
])
def test_a_year_written_in_words_is_read(text, year):
    found = find_dates(make_doc(text), date(2022, 9, 25))
    assert any(d.date_start is not None and d.date_start.year == year and d.background for d in found), found


@pytest.mark.parametrize("text, day", [
    ("فضت قوات الأمن في ساعة متأخرة من ليلة الخميس اعتصاما في العاصمة.", date(2018, 5, 31)),
    ("قصفت الطائرات في وقت متأخر من ليل الأربعاء مواقع في المدينة.", date(2018, 5, 30)),
])
def test_the_late_hours_of_a_night_fall_on_its_day(text, day):
    from marsad.arabic.tokenise import make_doc
    from marsad.dates import find_dates
    [d] = [d for d in find_dates(make_doc(text), date(2018, 6, 1)) if d.date_start is not None]
    assert (d.date_start, d.date_end) == (day, day)


def test_a_night_named_by_the_day_after_it_spans_both():
    from marsad.arabic.tokenise import make_doc
    from marsad.dates import find_dates
    [d] = find_dates(make_doc("فضت قوات الأمن ليلة الخميس اعتصاما في العاصمة."), date(2018, 6, 1))
    assert (d.date_start, d.date_end) == (date(2018, 5, 30), date(2018, 5, 31))


@pytest.mark.parametrize("text, start, end", [
    # published Saturday 2024-09-28: "ليل" names the night that follows its day
    ("استهدف الطيران، ليل الخميس وفجر الجمعة، مستودعات قرب الحدود.", date(2024, 9, 26), date(2024, 9, 27)),
    ("قتل رجلان بعد منتصف ليل الجمعة بقصف على قرية.", date(2024, 9, 27), date(2024, 9, 28)),
    ("دارت اشتباكات ليل الثلاثاء في المدينة.", date(2024, 9, 24), date(2024, 9, 25)),
    # the night after the publication day has not come: the night before it is meant
    ("اندلعت اشتباكات ليل السبت في المدينة.", date(2024, 9, 27), date(2024, 9, 28)),
])
def test_the_night_of_a_day_is_the_night_after_it(text, start, end):
    [d] = [d for d in dates.find_dates(make_doc(text), date(2024, 9, 28)) if d.key.startswith("night")]
    assert (d.date_start, d.date_end) == (start, end)
