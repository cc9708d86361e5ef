"""A photo caption that ends with its credit ("... قتل فيه سبعون شخصا (الجزيرة)") dates the photo, not the
lead: the lead's event keeps the day the body gives it. And "the same month" or "the same year" of a past
date told before (وفي آخر الشهر ذاته) makes the event told after it background."""
import pytest

import marsad


@pytest.mark.parametrize("credit", ["(الجزيرة)", "(رويترز)", "(أرشيف)"])
def test_a_credited_caption_does_not_date_the_lead(credit):
    text = (f"اغتيال قيادي بالمقاومة الشعبية في عدن\n\nمقتل العشرات في مركز تسجيل مجندين بعدن\nمركز تسجيل "
            f"للمجندين بعدن تعرض لهجوم في أغسطس/آب وقتل فيه سبعون شخصا{credit}\n\nقالت مصادر محلية إن مسلحين "
            "اغتالوا حمادة إبراهيم القيادي في المقاومة الشعبية في محافظة عدن التي تشهد بين الحين والآخر هجمات.\n\n"
            "وأضافت المصادر أن الاغتيال وقع في ساعة متأخرة من مساء الأربعاء بمنطقة دار سعد.")
    found = marsad.extract(text, "2016-11-17", min_confidence=0)
    # the lead's killing is the event (one dead), on the day the body gives
    assert found and all(e.event_date == "2016-11-16" for e in found) and any(e.fatalities == 1 for e in found), \
        [(e.location, e.event_date, e.fatalities) for e in found]


@pytest.mark.parametrize("text", [
    "قتل مسلحون شرطيا في مدينة عدن مساء الأربعاء.\nففي أغسطس الماضي، اغتال مسلحون قياديا في المدينة.\nوفي آخر "
    "الشهر ذاته، تعرضت مراكز التجنيد في حي السنافر لهجمات ذهب ضحيتها سبعون قتيلا.",
    "قتل مسلحون شرطيا في مدينة عدن مساء الأربعاء.\nففي مارس 2015 شهدت المدينة تفجيرا كبيرا.\nوفي العام نفسه "
    "تعرضت مراكز التجنيد في حي السنافر لهجمات قتل فيها سبعون شخصا.",
])
def test_the_same_month_of_a_past_date_is_background(text):
    found = marsad.extract(text, "2016-11-17", min_confidence=0)
    assert found and all(e.fatalities != 70 for e in found), [(e.location, e.fatalities) for e in found]
