"""A toll told after a sentence that counts since a date or a start ("ووثقت المصادر 85 هجوما منذ بداية
العام. وبلغت حصيلة القتلى جراء تلك الهجمات 40") sums what that sentence counts: it is a tally, not the
toll of the event told before the tally."""
import pytest

import marsad


@pytest.mark.parametrize("text", [
    "قتل جندي من الجيش العراقي اليوم الأحد بهجوم شنه مسلحون من تنظيم داعش على نقطة عسكرية في قضاء الحويجة.\n"
    "ووثقت مصادر أمنية 85 هجوما نفذها التنظيم في محافظة كركوك منذ بداية العام الجاري.\n"
    "وبلغت حصيلة القتلى جراء تلك الهجمات 40 قتيلا بينهم 25 من القوات الأمنية.",
    "قتل عنصر من قسد مساء أمس برصاص مسلحين مجهولين في بلدة ذيبان بريف دير الزور الشرقي.\n"
    "وسجل المرصد السوري 120 عملية اغتيال في المنطقة منذ مطلع العام.\n"
    "وارتفعت حصيلة ضحايا العمليات المذكورة إلى 63 قتيلا.",
    "لقي شرطي مصرعه اليوم في انفجار عبوة ناسفة استهدفت دوريته في مدينة درنة.\n"
    "وأحصت منظمة محلية 31 تفجيرا في المدينة منذ مطلع أيار الماضي.\n"
    "وبلغ عدد القتلى في هذه التفجيرات 27 شخصا.",
])
def test_a_toll_after_a_count_since_a_start_is_no_event_toll(text):
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert found and all(e.fatalities == 1 for e in found), [(e.location, e.fatalities) for e in found]


def test_a_toll_statement_right_after_its_event_is_still_its_toll():
    text = ("قتل جنديان اليوم بهجوم مسلح على نقطة عسكرية في قضاء الحويجة.\n"
            "وقال مصدر أمني إن عدد القتلى بلغ أربعة.")
    found = marsad.extract(text, "2023-05-10", min_confidence=0)
    assert [e.fatalities for e in found] == [4]
