"""Gunfire told after a clash in its sentence, at the same place and day and with no shooter of its
own ("اندلعت اشتباكات بين مجموعات مسلحة في مدينة الزاوية، وقتل مدنيان جراء إطلاق النار الكثيف"), is
the clash's fire: one battle whose dead are the gunfire's, not an attack on civilians beside it."""
import pytest

import marsad

DAY = "2023-02-06"


@pytest.mark.parametrize("text, place, dead", [
    ("اندلعت اشتباكات عنيفة بين مجموعات مسلحة في مدينة الزاوية اليوم، وقتل مدنيان على الأقل جراء إطلاق النار "
     "الكثيف.", "Az Zawiyah", 2),
    ("دارت اشتباكات بين فصيلين مسلحين وسط الأحياء السكنية في مدينة الزاوية اليوم، ولقي طفل حتفه نتيجة إطلاق الرصاص "
     "الكثيف.", "Az Zawiyah", 1),
    ("اندلعت اشتباكات بين قوات الأمن ومسلحين في مدينة سرت اليوم، وسقط قتيل مدني جراء إطلاق النار.", "Sirte", 1),
])
def test_gunfire_after_a_clash_in_its_sentence_is_the_clashs_fire(text, place, dead):
    found = [(e.sub_event_type, e.location, e.fatalities) for e in marsad.extract(text, DAY)]
    assert found == [("Armed clash", place, dead)], found


def test_gunfire_with_no_clash_stays_an_attack():
    found = [(e.event_type, e.location) for e in marsad.extract("قتل مدنيان جراء إطلاق النار في مدينة الزاوية اليوم.", DAY)]
    assert found == [("Violence against civilians", "Az Zawiyah")]


@pytest.mark.parametrize("text, place, dead", [
    ("اندلعت مواجهات عنيفة بين مجموعات مسلحة في مدينة الزاوية مساء اليوم. واستخدمت الأطراف الأسلحة المتوسطة بكثافة. "
     "وتحدثت مصادر محلية عن سقوط قتيلين من المدنيين جراء إطلاق النار الكثيف.", "Az Zawiyah", 2),
    ("دارت اشتباكات بين كتيبتين مسلحتين في مدينة سرت اليوم.\n\nوقالت مصادر طبية إن مدنيا قتل جراء إطلاق الرصاص "
     "العشوائي خلال الاشتباكات.", "Sirte", 1),
])
def test_gunfire_told_a_few_sentences_after_the_clash_is_its_fire_too(text, place, dead):
    found = [(e.sub_event_type, e.location, e.fatalities) for e in marsad.extract(text, DAY)]
    assert found == [("Armed clash", place, dead)], found


def test_gunfire_with_a_shooter_of_its_own_is_not_the_clashs_fire():
    text = ("دارت اشتباكات بين مجموعات مسلحة في مدينة الزاوية اليوم. وفي حادث آخر قتل مدني جراء إطلاق النار عليه من "
            "قبل عناصر الشرطة عند حاجز في المدينة.")
    assert "Violence against civilians" in {e.event_type for e in marsad.extract(text, DAY)}
