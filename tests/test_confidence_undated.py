"""Record confidence for a report whose publication day is unknown: an event told with a day counted
from the report's ("وأمس الأحد"، "فجر اليوم"، "مساء الخميس") is the report's news (trait ``same_day``),
an event told with a year or a month long past is not."""
import pytest

from marsad.pipeline import extract
from marsad.stages.confidence import TRAITS, trait_values

SAME_DAY = list(TRAITS).index("same_day")

REPORTS = [
    ("اغتال مسلحون مجهولون شابا مساء أمس في بلدة اليادودة غربي درعا. وأمس الأحد، أطلق مسلحون النار على شابين في "
     "مدينة جاسم شمالي درعا، ما أسفر عن مقتلهما. وكانت المحافظة قد شهدت في العام 2019 عشرات الاغتيالات في بلدة "
     "المزيريب.", "Jasim", "Al-Muzayrib"),
    ("قتل جندي بانفجار عبوة ناسفة فجر اليوم قرب بلدة الطارمية شمال بغداد. وفي وقت لاحق مساء الخميس، هاجم مسلحون "
     "نقطة للجيش في قضاء الضلوعية. وسبق أن شهد القضاء في شهر آذار 2016 هجمات مماثلة في بلدة سامراء.",
     "Dhuluiya", "Samarra"),
]


def _traits(text):
    events = extract(text, None, min_confidence=0)
    records = [e.to_record() for e in events]
    return {e.location: row for e, row in zip(events, trait_values(records, len(text), None))}


@pytest.mark.parametrize("text, recent, old", REPORTS)
def test_a_day_counted_from_the_report_is_the_report_s_day_when_its_date_is_unknown(text, recent, old):
    traits = _traits(text)
    assert traits.get(recent, [None] * len(TRAITS))[SAME_DAY] == 1.0, {k: v[SAME_DAY] for k, v in traits.items()}
    assert all(v[SAME_DAY] == 0.0 for k, v in traits.items() if k == old), {k: v[SAME_DAY] for k, v in traits.items()}
