"""A toll told again by its parts: "N قتلى منهم وM مدنيين" (N of them, the side named before, and M
civilians) names two groups, not a group and its part; and parts of a total of people of no stated
kind (أشخاص، قتلى) may be of any kind. When the parts add up to the total told before, the total
counts once. بينهم / منهم followed by a count still gives a part that never adds."""
import pytest

import marsad

DAY = "2015-08-20"


def _tolls(text: str) -> list[int]:
    return [e.fatalities for e in marsad.extract(text, DAY)]


@pytest.mark.parametrize("text, toll", [
    ("قتل 16 شخصا وأصيب 40 آخرون أمس بتفجير انتحاري استهدف مقرا للأسايش في مدينة القامشلي. وقال المرصد السوري "
     "إن الانتحاري استهدف مقر الأسايش، مشيرا إلى سقوط 10 قتلى منهم و6 مدنيين.", 16),
    ("قتل سبعة أشخاص بهجوم مسلح على حاجز لقوات النظام قرب بلدة الصنمين اليوم. وأوضح مصدر محلي أن الهجوم أسفر عن "
     "مقتل خمسة عناصر منهم واثنين من المدنيين.", 7),
    ("قتل 11 شخصا في انفجار سيارة مفخخة في مدينة إعزاز اليوم. وبحسب الدفاع المدني فإن بين القتلى ثمانية من عناصر "
     "الشرطة، إذ قتل ثمانية منهم وثلاثة مدنيين.", 11),
])
def test_a_partitive_count_and_a_sibling_count_retell_the_total(text, toll):
    assert _tolls(text) == [toll]


@pytest.mark.parametrize("text, toll", [
    ("قتل تسعة أشخاص بقصف على بلدة سراقب اليوم. وأوضح الدفاع المدني أن القصف أدى إلى مقتل خمسة مقاتلين منهم "
     "وأربعة مدنيين.", 9),
    ("سقط ستة قتلى في غارة جوية على قرية كفرنبل اليوم. وقال ناشطون إن الغارة قتلت أربعة مقاتلين من الفصائل "
     "ومدنيين اثنين.", 6),
])
def test_fighters_and_civilians_are_parts_of_a_total_of_people(text, toll):
    assert _tolls(text) == [toll]


@pytest.mark.parametrize("text, toll", [
    ("قتل عشرة أشخاص بغارة على مدينة إدلب اليوم، منهم أربعة أطفال.", 10),
    ("قتل 12 عنصرا من قوات النظام بهجوم على حاجز في ريف حماة اليوم، بينهم ثلاثة ضباط.", 12),
    ("قتل ثمانية مدنيين بينهم ثلاثة أطفال وامرأتان بقصف على بلدة معرة النعمان اليوم.", 8),
])
def test_a_part_after_its_marker_never_adds(text, toll):
    assert _tolls(text) == [toll]
