"""Whose things were hit, and a weekday dated in brackets.

- The owner of a thing a strike hit (a depot, a shipment of arms: "مستودعا لصواريخ إيرانية"،
  "مستودعات ذخيرة تابعة لحزب الله") is the target, never the striker; a depot of ammunition or
  missiles and a shipment of arms are military targets.
- A country adjective on arms or goods ("شحنة أسلحة إيرانية") says whose they are, not which
  country the report is about: a town of the report's own country stays placed.
- A weekday with a calendar date in brackets ("مساء الأربعاء (31-8-2022)") is that date, also when
  the publication day is unknown.
"""
from datetime import date, timedelta

import pytest

import marsad


def _records(text: str, published="2022-09-01"):
    return marsad.extract(text, published, min_confidence=0)


@pytest.mark.parametrize("text, owner", [
    ("استهدف قصف مماثل اليوم مستودعا لصواريخ إيرانية في مطار حلب الدولي.", "Military Forces of Iran"),
    ("استهدف قصف صاروخي اليوم مستودعات ذخيرة تابعة لحزب الله في ريف حمص.", "Hezbollah"),
    ("سقطت صواريخ مجهولة المصدر فجر اليوم على مستودع للذخيرة تابع للحرس الثوري الإيراني قرب مدينة الميادين.",
     "Military Forces of Iran"),
])
def test_the_owner_of_a_depot_hit_is_the_target_not_the_striker(text, owner):
    found = [e for e in _records(text) if e.event_type == "Explosions/Remote violence"]
    assert found, text
    assert all(e.actor1 != owner for e in found), [(e.actor1, e.actor2) for e in found]
    assert any(e.actor2 == owner for e in found), [(e.actor1, e.actor2) for e in found]


def test_a_speaker_s_own_site_names_no_owner():
    found = _records("أعلنت المنظمة في بيان نشرته على موقعها، أن قوات الأمن المصرية قتلت ثلاثة متظاهرين في مدينة "
                     "الإسكندرية اليوم.")
    assert any(e.actor1 in ("Military Forces of Egypt", "Police Forces of Egypt") for e in found)


@pytest.mark.parametrize("text, town", [
    ("استهدفت غارة جوية اليوم شحنة أسلحة إيرانية قرب مدينة البوكمال.", "Abu Kamal"),
    ("قصفت طائرات مجهولة فجر اليوم شاحنات تحمل ذخائر إيرانية قرب مدينة الميادين.", "Al-Mayadin"),
])
def test_arms_of_a_foreign_country_do_not_make_the_report_foreign(text, town):
    assert town in {e.location for e in _records(text)}


@pytest.mark.parametrize("text, day", [
    ("استهدف قصف إسرائيلي مساء الأربعاء (31-8-2022) مواقع عسكرية في منطقة الكسوة بريف دمشق.", "2022-08-31"),
    ("قتل ثلاثة مدنيين يوم الخميس (12 أيار 2022) بقصف على بلدة كنصفرة.", "2022-05-12"),
    ("انفجرت عبوة ناسفة صباح السبت (4/6/2022) بسيارة عسكرية في مدينة الباب.", "2022-06-04"),
])
def test_a_weekday_with_a_bracketed_date_is_that_date(text, day):
    after = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    for published in (None, after):
        found = _records(text, published)
        assert found and all(e.event_date == day for e in found), (published, [e.event_date for e in found])


@pytest.mark.parametrize("text, event_place, dateline", [
    ("أربيل (كوردستان 24)- شن مسلحو داعش فجر اليوم هجوما على نقطة للجيش العراقي قرب قرية مجهولة الاسم في "
     "محافظة ديالى.", "Diyala", "Erbil"),
    ("بغداد (رويترز) - قتل ثلاثة جنود اليوم بانفجار عبوة ناسفة في قضاء الطارمية.", "Tarmiyah", "Baghdad"),
    ("عدن (الأناضول): قصف الحوثيون اليوم أحياء سكنية في مدينة تعز.", "Taiz", "Aden"),
    ("بنغازي (رويترز) - قال مصدر عسكري إن سبعة مقاتلين قتلوا الليلة الماضية في ضربة بطائرة مسيرة جنوب طرابلس.", "Tripoli",
     "Benghazi"),
])
def test_a_dateline_with_its_outlet_in_brackets_is_no_event_place(text, event_place, dateline):
    places = {e.location for e in _records(text, "2021-03-05")}
    assert event_place in places and dateline not in places, places
