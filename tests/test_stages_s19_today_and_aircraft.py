"""Three classes from the sixteenth tune half.

A calendar date the text calls today or yesterday ("قصفه اليوم السبت 19/11/2016") is the text's own
day even when the page's metadata carries a date weeks later (an update, a re-post): its events are
dated by it, not dropped as background. A bare calendar date that far back stays background.

An air force named before a masculine verb of striking ("الطيران الروسي قصف بالصواريخ") is the
striker: the missiles it fires make an air strike, not a shelling.

Explosive cylinders and containers dropped from aircraft (الأسطوانات المتفجرة، الحاويات المتفجرة)
are barrel bombs: an air strike."""
import pytest

import marsad


def _events(text, pub):
    return marsad.extract(text, pub, min_confidence=0)


@pytest.mark.parametrize("text, day", [
    ("جدد الطيران الحربي قصفه اليوم الاثنين 7/3/2016 على الأحياء السكنية في مدينة كفرنبل، ما أدى لمقتل مدنيين.",
     "2016-03-07"),
    ("قتل ثلاثة مدنيين في قصف مدفعي استهدف بلدة طفس اليوم الخميس 12/5/2016، بحسب ناشطين.", "2016-05-12"),
    ("استهدفت قوات النظام أمس، 3 نيسان 2017، بلدة اللطامنة بالصواريخ، ما أدى لإصابة عدد من المدنيين.",
     "2017-04-03"),
])
def test_the_texts_own_today_dates_its_events_on_a_page_dated_weeks_later(text, day):
    found = _events(text, "2017-04-28" if day.startswith("2017") else
                    ("2016-03-25" if day.endswith("03-07") else "2016-06-01"))
    assert found and all(e.event_date == day for e in found), [(e.location, e.event_date) for e in found]


def test_a_bare_calendar_date_weeks_back_stays_background():
    found = _events("وكانت قوات النظام قد قصفت بلدة كفرنبل في 7/3/2016 بالصواريخ.", "2016-04-25")
    assert all(e.event_date != "2016-03-07" for e in found), [(e.location, e.event_date) for e in found]


@pytest.mark.parametrize("text", [
    "وأفاد ناشطون بأن الطيران الروسي قصف بالصواريخ التجمعات السكنية في مدينة اللطامنة اليوم.",
    "وقال مصدر محلي إن الطيران الحربي استهدف بالصواريخ الأحياء السكنية في مدينة معرة النعمان اليوم.",
])
def test_an_air_force_before_a_masculine_verb_of_striking_makes_an_air_strike(text):
    found = _events(text, "2016-11-19")
    assert found and all(e.sub_event_type == "Air/drone strike" for e in found), \
        [(e.sub_event_type, e.location) for e in found]


def test_artillery_with_missiles_stays_a_shelling():
    found = _events("قصفت المدفعية بالصواريخ مدينة خان شيخون اليوم.", "2016-11-19")
    assert [e.sub_event_type for e in found] == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("means", ["الأسطوانات المتفجرة", "الحاويات المتفجرة"])
def test_explosive_cylinders_dropped_from_helicopters_are_an_air_strike(means):
    found = _events(f"وألقت الطائرات المروحية عشرات {means} مستهدفة التجمعات السكنية في مدن كفرزيتا واللطامنة "
                    "ومورك متسببة بأضرار كبيرة في ممتلكات المدنيين اليوم.", "2016-11-19")
    assert {e.location for e in found} == {"Kafr Zita", "Al-Lataminah", "Morek"} and \
        all(e.sub_event_type == "Air/drone strike" for e in found), [(e.sub_event_type, e.location) for e in found]
