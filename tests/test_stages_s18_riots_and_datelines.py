"""A headline in the present (محتجون يرشقون موكب الرئيس بالحجارة) tells a riot as the past tense does; and
a date written with spaced stops ("السبت 29 . 06 . 2019") is one date, not three sentences, so the
dateline's lead keeps its event."""
import pytest

import marsad
from marsad.arabic.tokenise import split_sentences


@pytest.mark.parametrize("text", [
    "محتجون يرشقون موكب الرئيس بالحجارة في الموصل\n\nتعرض موكب الرئيس اليوم الجمعة لرشق بالحجارة من قبل "
    "محتجين غاضبين. وطالب المحتجون بمحاسبة المسؤولين. فيما هاجم محتجون موكب المحافظ بالحجارة.",
    "متظاهرون يقتحمون مبنى المحافظة في البصرة\n\nاقتحم مئات المحتجين اليوم مبنى مجلس المحافظة. وطالب "
    "المحتجون بتوفير الخدمات.",
])
def test_a_present_tense_riot_headline_tells_the_riot(text):
    found = marsad.extract(text, "2019-03-22", min_confidence=0)
    assert any(e.event_type == "Riots" for e in found), [(e.event_type, e.location) for e in found]


@pytest.mark.parametrize("date", ["29 . 06 . 2019", "29. 06. 2019", "29 .06 .2019"])
def test_a_spaced_date_is_one_sentence(date):
    text = f"السيمر / فيينا / السبت {date} — انطلقت تظاهرات في البصرة. وقال شهود إن الآلاف يتجمعون."
    assert len(split_sentences(text)) == 2


def test_the_dateline_lead_keeps_its_event():
    text = ("السيمر / فيينا / السبت 29 . 06 . 2019 — انطلقت تظاهرات قرب منزل رئيس مجلس محافظة البصرة، غير أن "
            "إطلاق نار على المتظاهرين أدى إلى مقتل أحدهم على الفور. وقال شهود إن الآلاف يتجمعون.")
    found = marsad.extract(text, "2019-06-29", min_confidence=0)
    assert any(e.location == "Basra" and e.fatalities == 1 for e in found), \
        [(e.event_type, e.location, e.fatalities) for e in found]


@pytest.mark.parametrize("text, near", [
    ("أصيب شخصان في غارة إسرائيلية استهدفت سيارة في بلدة كونين الجنوبية اليوم.", (33.14, 35.46)),
    ("ذكرت الوكالة أن المدفعية الإسرائيلية قصفت بقذائف فوسفورية بلدة مركبا الجنوبية.", (33.22, 35.53)),
    ("تعرضت بلدة الخيام الجنوبية لقصف مدفعي إسرائيلي اليوم.", (33.33, 35.61)),
])
def test_a_known_town_with_a_direction_adjective_is_not_lost(text, near):
    from marsad.geo.gazetteer import distance_km
    found = marsad.extract(text, "2024-07-29", min_confidence=0)
    assert found and all(distance_km(e.latitude, e.longitude, *near) < 10 for e in found), \
        [(e.location, e.latitude, e.longitude) for e in found]
