"""Latin initials spelled in Arabic and joined by dots (إن.تي.في، سي.إن.إن، بي.بي.سي) end no sentence,
so a statement's clause after an outlet's name stays in its sentence; a missing space after a
sentence's full stop ("طرابلس.وقال") still ends it."""
import pytest

import marsad
from marsad.arabic.tokenise import split_sentences


@pytest.mark.parametrize("text, n", [
    ('وقال، في مقابلة مع قناة "إن.تي.في" التركية، إن 56 جنديا قتلوا. وأضاف أن الحملة مستمرة.', 2),
    ("قالت شبكة سي.إن.إن إن الهجوم وقع. ثم غادر المسلحون.", 2),
    ("وذكرت هيئة بي.بي.سي أن الهجوم وقع أمس.", 1),
    ("قتل ثلاثة مدنيين في طرابلس.وقال المتحدث إن القصف استمر.", 2),
])
def test_sentences(text, n):
    assert len(split_sentences(text)) == n, [text[s:e] for s, e, _, _ in split_sentences(text)]


def test_a_campaign_toll_told_after_an_outlet_in_initials_is_no_event():
    text = ("أقر الرئيس التركي بفقدان مئات المقاتلين في عملية عفرين التي استمرت لنحو شهرين. وأكد أن تركيا "
            "وحلفاءها فقدوا مئات المقاتلين منذ بدء الحملة قبل ثلاثة أشهر، وقال، في مقابلة مع قناة \"إن.تي.في\" "
            "التركية، إن 56 عنصرا من الجيش التركي قتلوا.")
    assert marsad.extract(text, "2018-04-21") == []
