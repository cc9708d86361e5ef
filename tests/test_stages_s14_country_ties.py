"""A town name shared by two countries (الزاوية in Libya and in Algeria, رفح in Gaza and in Egypt)
points to both equally; the article's country, which bare forces take (الشرطة، الجيش), is then the
country of the place the text resolved, not the first code in alphabetical order. And in an
exchange of fire (تبادل لإطلاق النار), where neither side leads, the arrests the force made in it
are the same armed clash whichever side the force is recorded as."""
import pytest

import marsad

DAY = "2023-02-06"


@pytest.mark.parametrize("text, country, actor", [
    ("قتل مدني جراء إطلاق النار عليه من قبل عناصر الشرطة عند حاجز في مدينة الزاوية اليوم.", "Libya",
     "Police Forces of Libya"),
    ("قتل جندي بهجوم على حاجز للجيش في مدينة الزاوية اليوم.", "Libya", "Military Forces of Libya"),
])
def test_bare_forces_belong_to_the_country_of_the_resolved_place(text, country, actor):
    found = marsad.extract(text, DAY)
    assert found and {e.country for e in found} == {country}
    assert actor in {e.actor1 for e in found} | {e.actor2 for e in found}, [(e.actor1, e.actor2) for e in found]


def test_the_arrests_of_an_exchange_of_fire_are_its_clash_whichever_side_the_force_is():
    text = ("قال مسؤول في الشرطة اليوم إن المطلوب أصيب في تبادل لإطلاق النار في مدينة رفح أسفر عن مقتل شرطي. "
            "وأضاف أن قوات الأمن ألقت القبض على مسلحين اثنين آخرين.")
    assert [e.sub_event_type for e in marsad.extract(text, DAY)] == ["Armed clash"]
