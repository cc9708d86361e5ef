"""A news outlet whose name holds a day or a place (وكالة بغداد اليوم، روسيا اليوم، عدن الغد، حلب اليوم،
السويداء 24، القدس العربي; sources.tsv): its words are neither a date of the events it reports nor an
event place. An act told in the outlet's sentence keeps the lead's day."""
import pytest

import marsad

PUBLISHED = "2022-12-22"  # a Thursday


def _records(text: str) -> list[tuple[str, str]]:
    return [(e.location, str(e.event_date)) for e in marsad.extract(text, PUBLISHED)]


@pytest.mark.parametrize("text, place, day", [
    ("قتل ثلاثة جنود عراقيين بانفجار عبوة ناسفة في محافظة كركوك أمس الأربعاء.\n\nوذكرت وكالة (بغداد اليوم)، نقلاً "
     "عن مصدر في الشرطة، أن \"عبوة ناسفة استهدفت دورية للجيش في منطقة الزاب الأسفل قرب قضاء الحويجة\".",
     "الزاب الأسفل", "2022-12-21"),
    ("قتل جندي سوري في هجوم على حاجز بريف درعا يوم الأحد الماضي.\n\nوقالت (روسيا اليوم) نقلا عن مصدر عسكري إن "
     "\"مسلحين هاجموا الحاجز قرب بلدة الصنمين\".", "Al-Sanamayn", "2022-12-18"),
    ("اغتال مسلحون مجهولون ضابطا في الجيش بمدينة عدن يوم الاثنين الماضي.\n\nوأوضحت صحيفة (عدن الغد)، نقلا عن شهود، "
     "أن \"المسلحين أطلقوا النار على الضابط في مديرية المنصورة\".", "Al Mansurah", "2022-12-19"),
    ("قتل مدنيان بقصف مدفعي على ريف حلب الغربي يوم السبت.\n\nونقلت قناة (حلب اليوم) عن ناشطين أن \"القذائف سقطت "
     "على منازل في بلدة دارة عزة\".", "Darat Izza", "2022-12-17"),
])
def test_a_day_word_in_an_outlets_name_does_not_date_the_act_it_reports(text, place, day):
    found = _records(text)
    assert (place, day) in found, found
    assert all(when != PUBLISHED for _, when in found), found


@pytest.mark.parametrize("text, place, not_places", [
    ("وذكر موقع السويداء 24 أن مسلحين مجهولين اغتالوا شابا في بلدة القريا بريف السويداء الجنوبي أمس.",
     "Al Qurayya", {"As-Sweida"}),
    ("أصيب ثلاثة فلسطينيين برصاص قوات الاحتلال في مخيم جنين اليوم، وفق ما نقلت صحيفة القدس العربي.",
     "Jenin camp", {"Jerusalem", "East Jerusalem"}),
])
def test_a_place_in_an_outlets_name_is_no_event_place(text, place, not_places):
    found = {p for p, _ in _records(text)}
    assert place in found and not found & not_places, found


def test_the_outlet_is_the_attribution_of_what_it_reports():
    text = ("ونقلت قناة روسيا اليوم عن مصدر عسكري أن الطيران الروسي شن غارات على مواقع المسلحين في ريف إدلب الجنوبي "
            "أمس الثلاثاء.")
    assert {e.attribution for e in marsad.extract(text, PUBLISHED)} == {"RT Arabic"}
