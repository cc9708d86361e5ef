"""A lead placed only by its headline's side of a city or governorate (قصف تركي على شمال أربيل), retold
in the sentences right after it with no place of their own, sums up the event the body places at one
town on that side (ناحية سيدكان): one record there, with the lead's dead. A lead that tells two events
(فيما ...) sums up neither, and a lead "near" a place (قرب مطار الحديدة) is no wider area. A body town
that counts fewer dead of its own than the region's lead is one part of that toll, not the lead retold."""
import pytest

import marsad

ERBIL = ("قتلى في قصف تركي على شمال أربيل\nقتل ضابطان عراقيان اليوم الثلاثاء، وفق ما أعلن الجيش العراقي، منددا "
         "باعتداء تركي بطائرة مسيرة.\nوقال مسؤول محلي إن المسيرة التركية استهدفت قادة في حرس الحدود.\nوكان مصدر "
         "حكومي كردي أعلن سقوط قتلى إثر قصف جوي تركي استهدف منطقة شمال محافظة أربيل.\nوقال مدير ناحية سيدكان إن "
         "طائرة تركية مسيرة استهدفت سيارة لحرس الحدود في ناحية سيدكان.")

IDLIB = ("قتلى في قصف روسي على جنوب إدلب\nقتل ثلاثة مدنيين اليوم الثلاثاء، وفق ما أعلن الدفاع المدني، منددا بغارة "
         "روسية.\nوقال مسؤول محلي إن الطائرة الروسية استهدفت سوقا شعبية.\nوكان مصدر محلي أعلن سقوط قتلى إثر قصف جوي "
         "روسي استهدف منطقة جنوب محافظة إدلب.\nوقال مدير المنطقة إن طائرة روسية استهدفت سوقا في مدينة خان شيخون.")


def _records(text):
    return [(e.location, e.fatalities) for e in marsad.extract(text, "2020-08-11", min_confidence=0)]


def test_a_lead_at_a_side_of_a_city_is_the_town_the_body_gives():
    assert _records(ERBIL) == [("Sidakan", 2)]


def test_the_same_with_a_governorates_side():
    assert _records(IDLIB) == [("Khan Shaykhun", 3)]


@pytest.mark.parametrize("text, tolls", [
    ("ارتفعت حصيلة القتلى جراء قصف الغوطة الشرقية اليوم إلى 60 قتيلا مدنيا، وفق المرصد.\nوواصلت حصيلة القصف "
     "الارتفاع طوال النهار.\nوسجلت مدينة حمورية أعلى حصيلة إذ قتل فيها 20 مدنيا جراء الغارات.", {("Hamouria", 20)}),
])
def test_a_body_town_that_counts_fewer_dead_is_a_part_of_the_regions_toll(text, tolls):
    found = {(e.location, e.fatalities) for e in marsad.extract(text, "2018-03-16", min_confidence=0)}
    assert tolls <= found and not any(n == 60 and place in {p for p, _ in tolls} for place, n in found), found
