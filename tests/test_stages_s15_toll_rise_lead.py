"""A wire's lead that raises the toll of an attack told with no place but a region, and a body that
places it:

- the attack's own day told inside the toll's rise ("ارتفعت حصيلة هجوم شنه داعش على حافلة للجيش ...
  مساء الخميس إلى 33 قتيلا") is the attack's, not the report's;
- "هجوما هو الأعنف منذ مطلع العام": the span after a superlative measures the comparison, it does
  not make the attack a recap;
- the lead's weak attack word, with armed men on one side and a force on the other, is the body's one
  battle, which takes the lead's toll.
"""
import pytest

import marsad


@pytest.mark.parametrize("text, day, deaths", [
    ("33 قتيلا في هجوم لداعش على حافلة للجيش السوري\n"
     "ارتفعت حصيلة هجوم شنه داعش على حافلة للجيش السوري في شرق سوريا مساء الخميس إلى 33 قتيلا وفق ما أفاد "
     "المرصد السوري السبت. وشن عناصر التنظيم ليل الخميس هجوما هو الأعنف منذ مطلع العام الجاري على الحافلة في "
     "بادية الميادين بريف دير الزور الشرقي، حيث نصبوا كمينا للحافلة واستهدفوها بالأسلحة الرشاشة.",
     "2023-08-10", 33),
    ("ارتفعت حصيلة هجوم نفذه مسلحو داعش على رتل للجيش العراقي في شمال العراق ليل الأحد إلى 11 قتيلا، بحسب "
     "مصادر أمنية الثلاثاء. وهاجم مسلحو التنظيم ليل الأحد رتلا للجيش قرب قضاء مخمور في هجوم هو الأكثر دموية "
     "منذ أشهر، ونصبوا كمينا للرتل.", "2023-08-06", 11),
])
def test_the_lead_s_toll_goes_to_the_body_s_battle_on_its_own_day(text, day, deaths):
    found = marsad.extract(text, "2023-08-12" if "السبت" in text else "2023-08-08")
    assert [(e.event_type, e.event_date, e.fatalities) for e in found] == [("Battles", day, deaths)], \
        [(e.event_type, e.location, e.event_date, e.fatalities) for e in found]


def test_a_toll_that_rose_on_a_day_of_its_own_is_still_the_report_s():
    # "ارتفعت الحصيلة الخميس إلى": no event word between the rise and the day: the rise's day
    found = marsad.extract("قتل خمسة مدنيين بقصف مدفعي على بلدة كفرنبل يوم الثلاثاء. وارتفعت الحصيلة الخميس إلى "
                           "سبعة قتلى.", "2019-05-10")
    assert [e.event_date for e in found] == ["2019-05-07"], [(e.event_date, e.fatalities) for e in found]
