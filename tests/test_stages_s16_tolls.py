"""A count stands before its death verb with what the counted belong to between them: "خمسة عناصر من
قوات الأمن التابعة لحكومة الوفاق قتلوا"، "سبعة مقاتلين على الأقل موالين للجيش الوطني (...) بقيادة
حفتر قتلوا". The affiliation (التابعة، الموالين، المدعومين، بقيادة) does not cut the count from the verb."""
import pytest

import marsad


@pytest.mark.parametrize("text, dead", [
    ("قال مصدر عسكري إن سبعة مقاتلين على الأقل موالين للجيش الوطني الليبي (قوات شرق ليبيا) بقيادة خليفة حفتر "
     "قتلوا خلال ليل السبت في ضربة بطائرة مسيرة جنوب طرابلس.", 7),
    ("قال مصدر إن خمسة عناصر من قوات الأمن التابعة لحكومة الوفاق قتلوا اليوم في هجوم على حاجز في مدينة سرت.", 5),
    ("أفادت مصادر بأن ثلاثة عناصر من الحشد الشعبي المدعومين من إيران قتلوا اليوم بانفجار عبوة في قضاء الطارمية.", 3),
    ("ذكرت وكالة الأنباء أن أربعة جنود من الكتيبة المرتبطة بقيادة المنطقة الشرقية قتلوا اليوم بقصف على مدينة "
     "الميادين.", 4),
])
def test_a_count_with_its_affiliation_before_the_death_verb_is_its_toll(text, dead):
    found = marsad.extract(text, "2019-07-21", min_confidence=0)
    assert [e.fatalities for e in found] == [dead], [(e.location, e.fatalities) for e in found]
