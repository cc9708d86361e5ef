"""A bomber who blew himself up died in his own bombing: a suicide bombing told with no other dead
counts him (فجر نفسه: one; فجرا نفسيهما: two), as ACLED counts the perpetrators' dead. A toll of
others stays as told; an attempt (حاول أن يفجر نفسه) and "the same" (في الوقت نفسه) count no one."""
import pytest

import marsad

DAY = "2018-03-19"


def _bombings(text: str):
    return [e.fatalities for e in marsad.extract(text, DAY, min_confidence=0) if e.sub_event_type == "Suicide bomb"]


@pytest.mark.parametrize("text, dead", [
    ("فجر مشتبه به نفسه اليوم بحزام ناسف عندما حاصرته قوات الأمن في مدينة بن قردان.", 1),
    ("اقتربت امرأة من حاجز للشرطة في مدينة العريش اليوم ثم فجرت نفسها بحزام ناسف.", 1),
    ("فجر انتحاريان نفسيهما اليوم قرب حاجز للشرطة في مدينة العريش.", 2),
    ("قتل خمسة جنود اليوم عندما فجر انتحاري نفسه قرب حاجز للجيش في مدينة العريش.", 5),
])
def test_the_bomber_who_blew_himself_up_is_counted_when_no_other_dead_are(text, dead):
    assert _bombings(text) == [dead]


def test_the_same_time_counts_no_bomber():
    assert _bombings("فجر انتحاري سيارة مفخخة اليوم قرب حاجز للشرطة في مدينة العريش، وفي الوقت نفسه اندلعت "
                     "اشتباكات.") == [0]
