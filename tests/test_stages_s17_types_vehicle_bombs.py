"""A lead that tells only a bare attack (هجوم) and a body that tells its means: a vehicle bomb driven to
the target, then "انفجرت السيارة/العربة/الشاحنة" (the vehicle bomb going off, told by the vehicle's
noun), men in suicide belts who blew themselves up. The means type the one event: a remote explosive,
or a suicide bomb when the story tells suicide belts or the blast killed the vehicle's driver; not an
armed clash from the lead's attack word."""
import pytest

import marsad

DAY = "2020-03-10"

CAR_BOMB_WITH_BELTS = (
    "قتل ثلاثة جنود عراقيين وأربعة مهاجمين يوم الأحد في هجوم شنه تنظيم داعش على معسكر للجيش في محافظة نينوى.\n"
    "وقال ضابط في الجيش إن سيارة مفخخة تقل أربعة مسلحين اتجهت نحو معسكر في قضاء تلعفر.\n"
    "وأضاف أن ثلاثة مسلحين يرتدون أحزمة ناسفة ترجلوا من السيارة وركضوا نحو المعسكر، لكن الحراس قتلوهم "
    "قبل أن يفجروا أنفسهم.\n"
    "ثم انفجرت السيارة عند بوابة المعسكر، ما أسفر عن مقتل سائقها وثلاثة جنود.")
TRUCK_BOMB_DRIVER_DEAD = (
    "قتل جنديان سوريان اليوم في هجوم على حاجز للجيش في ريف حماة الشمالي.\n"
    "وقالت وكالة سانا إن شاحنة مفخخة اقتربت من حاجز الجيش عند مدخل بلدة صوران.\n"
    "وانفجرت الشاحنة قرب الحاجز، ما أدى إلى مقتل سائقها وجنديين.")
CAR_LOADED_WITH_EXPLOSIVES = (
    "قتل أربعة من عناصر قوات سوريا الديمقراطية صباح اليوم في هجوم استهدف حاجزا لها في ريف دير الزور الشرقي.\n"
    "وقالت مصادر محلية إن سيارة محملة بالمتفجرات توجهت إلى الحاجز في بلدة الشحيل.\n"
    "ثم انفجرت السيارة أمام الحاجز، ما أسفر عن مقتل أربعة عناصر.")
BELTS_BLOWN_UP = (
    "قتل أربعة من رجال الشرطة العراقية فجر اليوم في هجوم على مركز للشرطة في محافظة الأنبار.\n"
    "وأوضح مصدر أمني أن مسلحين يرتدون أحزمة ناسفة اقتحموا مركز الشرطة في قضاء حديثة وفجروا أنفسهم داخله.")


@pytest.mark.parametrize("text, sub, place", [
    (CAR_BOMB_WITH_BELTS, "Suicide bomb", "Tal Afar"),
    (TRUCK_BOMB_DRIVER_DEAD, "Suicide bomb", "Suran"),
    (CAR_LOADED_WITH_EXPLOSIVES, "Remote explosive/landmine/IED", "Al-Shuhayl"),
    (BELTS_BLOWN_UP, "Suicide bomb", "Haditha"),
])
def test_the_means_the_body_tells_type_the_leads_attack(text, sub, place):
    found = marsad.extract(text, DAY, min_confidence=0)
    assert [(e.sub_event_type, e.location) for e in found] == [(sub, place)], \
        [(e.sub_event_type, e.location, e.fatalities) for e in found]


def test_the_leads_dead_go_with_the_bombing():
    found = marsad.extract(BELTS_BLOWN_UP, DAY, min_confidence=0)
    assert [e.fatalities for e in found] == [4]


def test_a_drone_that_blows_up_a_car_bomb_is_the_strike():
    text = ("قتل ثلاثة عناصر من هيئة تحرير الشام اليوم بغارة لطائرة مسيرة استهدفت سيارة مفخخة قرب بلدة سرمين "
            "في ريف إدلب.\nوأدت الغارة إلى انفجار السيارة ومقتل من فيها.")
    assert [e.sub_event_type for e in marsad.extract(text, DAY, min_confidence=0)] == ["Air/drone strike"]


def test_men_in_belts_killed_in_a_clash_before_they_blew_themselves_up_fought():
    text = ("قتل ثلاثة مسلحين يرتدون أحزمة ناسفة اليوم في اشتباك مع قوات الأمن في مدينة العريش قبل أن يتمكنوا "
            "من تفجير أنفسهم.")
    assert [e.sub_event_type for e in marsad.extract(text, DAY, min_confidence=0)] == ["Armed clash"]


def test_a_car_exploding_with_no_car_bomb_told_is_no_bombing():
    text = "قتل شخصان اليوم عندما انفجرت السيارة التي كانا يستقلانها بعد اصطدامها بشاحنة على طريق حمص طرطوس."
    assert marsad.extract(text, DAY, min_confidence=0) == []
