"""A rank as the victim noun (قتلوا عقيداً في الشرطة، مقتل ملازم في الجيش): one of the forces killed;
and a stray full stop before a comma ("شمالي البصرة.، الى مقتل شخصين") ends no sentence."""
import pytest

import marsad
from marsad.arabic.tokenise import split_sentences

DAY = "2016-04-30"


@pytest.mark.parametrize("text", [
    "قال مصدر أمني إن مسلحين قتلوا عقيداً في الشرطة اليمنية في مدينة عدن أمس.",
    "قتل مسلحون مجهولون ملازما في الجيش العراقي قرب قضاء الطارمية أمس.",
    "اغتال مسلحون رقيبا في الشرطة بإطلاق النار عليه في مدينة درعا أمس.",
])
def test_a_rank_is_one_of_the_forces_killed(text):
    found = marsad.extract(text, DAY)
    assert [e.fatalities for e in found] == [1], found
    assert found[0].event_type == "Battles", found


def test_a_stray_stop_before_a_comma_ends_no_sentence():
    text = "أدى نزاع عشائري مسلح اندلع مساء أمس في قضاء الهارثة شمالي البصرة.، الى مقتل شخصين وإصابة امرأة."
    assert len(split_sentences(text)) == 1
    assert [e.fatalities for e in marsad.extract(text, "2019-08-29")] == [2]


@pytest.mark.parametrize("text", [
    "وأمس الأحد، فقد عنصر من “قسد”، حياته برصاص مسلحين مجهولين ببلدة الشحيل شرقي دير الزور.",
    "لقي عنصر من الشرطة، حتفه برصاص مسلحين مجهولين في مدينة درعا أمس.",
    'فقد جندي من "الجيش الوطني"، حياته بانفجار لغم قرب مدينة الباب أمس.',
])
def test_an_aside_closed_by_a_comma_inside_a_discontinuous_death_phrase(text):
    found = marsad.extract(text, "2021-03-01")
    assert [e.fatalities for e in found] == [1], found
    assert found[0].actor2 != "Civilians", found
