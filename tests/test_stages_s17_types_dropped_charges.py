"""A charge, bomb or shell that an aircraft drops or fires ("باستخدام طائرات بدون طيار لإلقاء عبوات
ناسفة"، "بعبوات ناسفة ألقتها طائرات"، "بقذيفة أطلقتها طائرات") is an air/drone strike, not a remote
explosive or a shelling; an aircraft "without a pilot" in any number or wording (طائرات بدون طيار، طائرة
دون طيار) is a drone. A drone that fell or was downed struck nothing."""
import pytest

import marsad

DAY = "2020-03-10"


@pytest.mark.parametrize("text, place", [
    ("قال الجيش السوري إن مسلحين استخدموا طائرات بدون طيار لإلقاء عبوات ناسفة على قرية الحاضر في ريف حلب "
     "الجنوبي يوم الخميس، ما أدى إلى إصابة امرأة.", "Al-Hader"),
    ("قتل شخصان اليوم بعبوات ناسفة ألقتها طائرات على سوق بلدة سراقب بريف إدلب.", "Saraqib"),
    ("قتل طفل اليوم بقذيفة أطلقتها طائرات على حي سكني في مدينة محردة بريف حماة.", "Mhardeh"),
    ("قتل جندي عراقي اليوم بقنبلة رمتها طائرة دون طيار على ثكنة للجيش في قضاء الطارمية شمالي بغداد.", "Tarmiyah"),
])
def test_a_charge_an_aircraft_drops_is_an_air_strike(text, place):
    found = marsad.extract(text, DAY, min_confidence=0)
    assert [(e.sub_event_type, e.location) for e in found] == [("Air/drone strike", place)]


def test_a_drone_strike_is_no_warplanes_of_the_article():
    text = ("قال مركز المصالحة إن مسلحين من الحزب الإسلامي التركستاني استخدموا طائرات بدون طيار لإلقاء عبوات "
            "ناسفة على بلدة جورين في ريف حماة يوم الجمعة.\nوانتقد المركز انتهاكات طيران التحالف الدولي في سوريا.")
    found = marsad.extract(text, DAY, min_confidence=0)
    assert [(e.sub_event_type, e.actor1) for e in found] == [("Air/drone strike", "Turkestan Islamic Party")]


def test_shells_fired_by_gunmen_beside_aircraft_in_the_sky_are_a_shelling():
    text = ("قتل طفل اليوم بقذيفة هاون أطلقها مسلحون على حي سكني في مدينة محردة بريف حماة، فيما حلقت طائرات "
            "حربية فوق المدينة.")
    assert [e.sub_event_type for e in marsad.extract(text, DAY, min_confidence=0)] == [
        "Shelling/artillery/missile attack"]


def test_a_blast_hours_after_a_drone_strike_elsewhere_is_its_own():
    text = ("قتل جنديان اليوم بانفجار عبوة ناسفة بدوريتهما في بلدة نوى بريف درعا، بعد ساعات من غارة لطائرة مسيرة "
            "على بلدة جاسم.")
    found = {e.location: e.sub_event_type for e in marsad.extract(text, DAY, min_confidence=0)}
    assert found.get("Nawa") == "Remote explosive/landmine/IED"


def test_an_arrest_with_charges_is_no_drop():
    text = "ألقت قوات الأمن اليوم القبض على شخص بحوزته عبوات ناسفة في مدينة درعا."
    assert [e.sub_event_type for e in marsad.extract(text, DAY, min_confidence=0)] == ["Arrests"]


@pytest.mark.parametrize("text", [
    "أعلن الجيش سقوط طائرة دون طيار تابعة له ليل الجمعة في منطقة مفتوحة قرب بلدة الخيام جنوبي لبنان نتيجة خلل فني.",
    "قال الجيش إن منظومة الدفاع الجوي مصممة لإسقاط الطائرات الحربية والصواريخ والطائرات بدون طيار في محيط طرطوس.",
])
def test_a_drone_that_fell_or_is_to_be_downed_struck_nothing(text):
    assert [e.sub_event_type for e in marsad.extract(text, DAY, min_confidence=0)
            if e.sub_event_type == "Air/drone strike"] == []


def test_drones_downed_are_no_strike():
    text = "أسقطت الدفاعات الجوية السعودية اليوم طائرتين بدون طيار أطلقتهما ميليشيات الحوثي باتجاه مدينة أبها."
    assert [e.sub_event_type for e in marsad.extract(text, DAY, min_confidence=0)
            if e.sub_event_type == "Air/drone strike"] == []
