"""One event told twice in an article, and the sides of each event (grouping, records, roles),
each run on plain strings of our own wording."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

SUNDAY = date(2022, 1, 23)


def events(text: str, published=SUNDAY):
    return marsad.extract(text, published=published)


# --------------------------------------------------------------------------- one event told twice

@pytest.mark.parametrize("text, deaths", [
    # the clash, then its toll "in the confrontations that took place in" a neighbourhood of the town
    ("اندلعت أمس السبت اشتباكات بين قوات الجيش ومسلحين في بلدة الصنمين بريف درعا. وقال مصدر محلي إن "
     "ثلاثة من العناصر قتلوا في المواجهات التي دارت في حي الكاشف.", 3),
    # an ambush on a day, then "in the attack that took place in an area east of" its district, undated
    ("نصبت عناصر من تنظيم القاعدة يوم الخميس كمينا لقافلة عسكرية في مديرية لودر بمحافظة أبين. وأوضح "
     "مصدر أمني أن جنديين قتلا وجرح ثلاثة في الهجوم الذي وقع في منطقة وادي الخديرة شرقي لودر.", 2),
])
def test_an_event_told_again_by_a_word_that_refers_back_at_a_spot_of_its_place_is_one_record(text, deaths):
    found = events(text)
    assert len(found) == 1, [(e.sub_event_type, e.location) for e in found]
    assert found[0].fatalities == deaths
    assert found[0].event_type == "Battles"


def test_a_new_attack_told_with_its_own_indefinite_word_in_another_town_stays_apart():
    found = events("اندلعت أمس السبت اشتباكات بين قوات الجيش ومسلحين في بلدة الصنمين بريف درعا. وفي حادث "
                   "آخر قتل جندي في هجوم لمسلحين على حاجز في بلدة نوى.")
    assert sorted(e.location for e in found) == ["Al-Sanamayn", "Nawa"]
