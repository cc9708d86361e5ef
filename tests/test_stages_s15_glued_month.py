"""A month name behind a glued ب ("الهجوم على دوما بأبريل الماضي"، "بنيسان 2018"، "وبأيار الماضي") is a
date like "في أبريل الماضي": an attack told with it in a later month's report is a recap, not the
report's own event. Words that only hold a month's letters (باب الهوى) stay no date."""
import pytest

import marsad
from marsad.pipeline import analyse


@pytest.mark.parametrize("text, start, end", [
    ("وقع الهجوم على مدينة دوما بأبريل الماضي", "2018-04-01", "2018-04-30"),
    ("وقع الهجوم بتشرين الأول الماضي", "2017-10-01", "2017-10-31"),
    ("وقع الهجوم على البلدة بأبريل 2018", "2018-04-01", "2018-04-30"),
])
def test_a_month_behind_ba_is_a_date(text, start, end):
    dates = analyse(text, "2018-07-06").dates
    assert [(str(d.date_start), str(d.date_end)) for d in dates] == [(start, end)], dates


@pytest.mark.parametrize("text", ["قتل مدنيان قرب معبر باب الهوى اليوم بقصف مدفعي.",
                                  "انفجرت عبوة ناسفة في منطقة باب التبانة بمدينة طرابلس اليوم."])
def test_a_place_that_holds_a_month_s_letters_is_no_date(text):
    assert [d.text for d in analyse(text, "2018-07-06").dates] == ["اليوم"]


def test_a_report_on_an_attack_of_a_past_month_makes_no_event_of_its_day():
    text = ("قالت وكالة رويترز الجمعة إنها حصلت على تقرير أولي يظهر استخدام غاز الكلور في الهجوم على مدينة "
            "دوما بأبريل الماضي، مما أسفر حينه عن مقتل عشرات المدنيين.")
    assert [e.event_date for e in marsad.extract(text, "2018-07-06") if e.event_date == "2018-07-06"] == []
