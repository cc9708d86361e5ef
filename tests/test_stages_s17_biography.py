"""A month or a year right after a verb of a person's past, told beside the event that killed him
("عنصرين سابقين خضعا للتسوية مع النظام عام 2018"، "قياديا انضم إلى قوات النظام عام 2018") dates that
past, not the event: the event keeps the article's day (or none when the article has no date)."""
import pytest

import marsad

TEXTS = [
    "قتل مسلحون مجهولون عنصرين سابقين في فصائل المعارضة خضعا للتسوية مع النظام عام 2018، قرب بلدة اليادودة "
    "في ريف درعا الغربي.",
    "اغتال مسلحون قياديا سابقا في الجيش الحر انضم إلى قوات النظام عام 2018 في بلدة الصنمين.",
    "قتل مسلحون مجهولون شابا كان قد أجرى تسوية في تموز 2018 في مدينة جاسم بريف درعا.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_year_of_the_victims_past_does_not_date_the_event(text):
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert [e.event_date for e in found] == ["2023-05-10"], [(e.location, e.event_date) for e in found]


@pytest.mark.parametrize("text", TEXTS[:2])
def test_in_an_undated_article_the_event_stays_undated(text):
    found = marsad.extract(text, None, min_confidence=0)
    assert [e.event_date for e in found] == [None], [(e.location, e.event_date) for e in found]


def test_a_day_after_the_persons_past_still_dates_the_event():
    text = "قتل مسلحون عنصرا انضم إلى الفصائل، يوم الاثنين 8 أيار 2023، في بلدة الصنمين."
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert [e.event_date for e in found] == ["2023-05-08"]
