"""Issue 16, twelfth session: event dates. A day glued to its month or to the word before it is
still a date; a day told with the act itself (after its toll) wins over a vaguer span of days in
the same sentence. Wordings of our own."""
from __future__ import annotations

from datetime import date

import pytest

from marsad.arabic.tokenise import make_doc
from marsad.dates import find_dates
from tests.test_stages_events5 import _extract


def _keys(text, published=date(2018, 6, 26)):
    return [m.key for m in find_dates(make_doc(text), published)]


# --- 1. a day of the month glued to its month name or to the word before it --------------------

@pytest.mark.parametrize("text, key", [
    ("اقتحمت قوات الأمن المخيم في 14حزيران/يونيو الماضي.", "md:06-14"),
    ("سقطت قذيفة على السوق في9 آذار وقتلت بائعين.", "md:03-09"),
    ("اعتقلت الشرطة الناشط يوم 3أيار في مدينة إربد.", "md:05-03"),
    ("انفجرت عبوة ناسفة في17 نيسان 2017 قرب مدرسة.", "abs:2017-04-17"),
    ("هاجم مسلحون الحاجز في 22 مايو2018 عند الفجر.", "abs:2018-05-22"),
    ("نُشر التقرير بتاريخ12/5/2018 بعد الهجوم.", "abs:2018-05-12"),
])
def test_a_glued_day_is_still_a_date(text, key):
    assert any(k.split(":")[:2] == key.split(":") for k in _keys(text)), _keys(text)


@pytest.mark.parametrize("text", [
    "حلقت طائرة إف16 فوق المدينة دون أن تقصفها.",
    "أطلقت القوات صاروخ سكود2 نحو الصحراء.",
    "وصل الوفد إلى الفندق والتقى بالمسؤولين في الطابق3 من المبنى.",
])
def test_a_number_glued_to_a_word_that_is_no_month_makes_no_date(text):
    assert not [k for k in _keys(text) if k.startswith(("md:", "abs:", "dom:"))], _keys(text)


def test_a_glued_day_dates_its_event():
    found = _extract("قتل مسلحون ثلاثة جنود في14حزيران/يونيو في هجوم على حاجز قرب مدينة سرت الليبية.",
                     published="2018-06-16")
    assert found and all(e.event_date == "2018-06-14" for e in found), [(e.sub_event_type, e.event_date) for e in found]


# --- 2. a day told with its toll beats a vaguer span of days in the same sentence -----------------

@pytest.mark.parametrize("text, day", [
    ("شهدت مدينة درعا خلال الأيام الماضية قصفا عنيفا، وقتل 4 مدنيين يوم الأحد في قصف مدفعي على حي "
     "طريق السد.", "2018-06-24"),
    ("قبل أيام، شنت طائرات التحالف غارات على مديرية حيس، وقتل فيها 5 مدنيين يوم السبت.", "2018-06-23"),
    ("تعرضت بلدة معرة النعمان خلال الأيام الماضية لغارات مكثفة، وقتل سبعة أشخاص أمس في غارة على "
     "سوقها.", "2018-06-25"),
    ("قبل أيام هاجم مسلحون حاجزا للجيش قرب العريش، وقتل جنديان يوم الخميس في الهجوم.", "2018-06-21"),
    ("عاشت بلدة حيس خلال الأيام الأخيرة معارك متقطعة، وقتل ثلاثة مقاتلين الأحد في اشتباك مع الحوثيين.",
     "2018-06-24"),
])
def test_a_day_told_with_the_toll_beats_a_span(text, day):
    found = _extract(text, published="2018-06-26")
    assert found and all(e.event_date == day and e.event_date_end == day for e in found), \
        [(e.sub_event_type, e.event_date, e.event_date_end) for e in found]


@pytest.mark.parametrize("text", [
    # no day named: the span stays
    "شهدت مدينة درعا خلال الأيام الماضية قصفا عنيفا أدى إلى مقتل 4 مدنيين في حي طريق السد.",
    "قبل أيام، قتل مسلحون ثلاثة رعاة في هجوم على قرية قرب الحويجة.",
])
def test_a_span_alone_keeps_its_days(text):
    found = _extract(text, published="2018-06-26")
    assert found and all(e.event_date_end != e.event_date for e in found), \
        [(e.sub_event_type, e.event_date, e.event_date_end) for e in found]


def test_a_day_told_first_still_dates_its_event():
    found = _extract("قتل 3 مدنيين يوم الجمعة في غارة جوية على بلدة كفرنبل بريف إدلب، في تصعيد مستمر منذ أيام.",
                     published="2018-06-26")
    assert found and all(e.event_date == "2018-06-22" for e in found)


# --- 3. a protest's Friday, told in a Saturday report, dates the protest and the force it met --------

@pytest.mark.parametrize("text", [
    # the statement's day first, the protest's Friday after the event words
    "أعلنت وزارة الصحة في غزة اليوم السبت استشهاد شابين برصاص الجيش الإسرائيلي خلال مسيرات الجمعة "
    "شرق خان يونس.",
    # a Friday named by its slogan, after the marches
    "قتلت قوات الاحتلال شابين خلال مسيرات جمعة الوفاء للشهداء شرق مدينة غزة.",
    # a named Friday after في
    "أصيب 40 متظاهرا برصاص قوات الاحتلال في جمعة الكرامة على الحدود الشرقية لقطاع غزة.",
    # another country, another slogan, the dispersal as the verb
    "فرقت الشرطة السودانية بالغاز المسيل للدموع مظاهرات جمعة الرحيل في أم درمان، وأصيب 12 متظاهرا.",
    # the report's day said by the source, the protests with their bare Friday
    "قالت مصادر طبية السبت إن متظاهرا قتل وأصيب 30 آخرون حين فرقت قوات الأمن بالرصاص احتجاجات الجمعة "
    "في مدينة الناصرية.",
    # a named Friday carrying its preposition
    "أطلقت قوات الأمن الرصاص الحي على المحتجين بجمعة الغضب في مدينة البصرة، ما أدى إلى مقتل متظاهر.",
])
def test_a_protest_friday_dates_its_events(text):
    found = _extract(text, published="2018-07-14")  # a Saturday
    assert found and all(e.event_date == "2018-07-13" for e in found), \
        [(e.sub_event_type, e.event_date) for e in found]


@pytest.mark.parametrize("text", [
    # a man's name, no day
    "قال محمد جمعة المتحدث باسم الشرطة إن مسلحين قتلوا حارسا اليوم في مدينة البصرة.",
    "أعلن جمعة الحسيني قائد الشرطة اليوم اعتقال ثلاثة مطلوبين في مدينة الناصرية.",
])
def test_a_name_jumaa_is_no_friday(text):
    found = _extract(text, published="2018-07-14")
    assert found and all(e.event_date == "2018-07-14" for e in found), \
        [(e.sub_event_type, e.event_date) for e in found]


def test_a_named_friday_is_a_weekday():
    assert "weekday:4" in _keys("خرج الآلاف في جمعة الصمود وسط المدينة.")
    assert "weekday:4" not in _keys("التقى الوزير بالسيد جمعة الفلاحي في مكتبه.")


@pytest.mark.parametrize("text", [
    "قصفت الطائرات الإسرائيلية بعد ظهر السبت مواقع في قطاع غزة، غداة احتجاجات الجمعة على السياج الحدودي "
    "التي خلفت قتيلين.",
    "شنت إسرائيل غارات السبت على رفح، وذلك غداة مسيرات جمعة الثبات التي قتل فيها ثلاثة متظاهرين برصاص "
    "الجيش الإسرائيلي.",
])
def test_a_protest_friday_after_the_day_after_word_keeps_its_day(text):
    """"غداة احتجاجات الجمعة": the protest names its own day; the Saturday strikes keep theirs."""
    found = _extract(text, published="2018-07-15")  # a Sunday
    protests = [e for e in found if e.event_type == "Protests"]
    assert protests and all(e.event_date == "2018-07-13" for e in protests), \
        [(e.sub_event_type, e.event_date) for e in found]
    assert all(e.event_date == "2018-07-14" for e in found if e.event_type != "Protests"), \
        [(e.sub_event_type, e.event_date) for e in found]
