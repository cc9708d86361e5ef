"""Remote attacks told with a response or an interception (twelfth session of issue 16, remote
violence on a real stream), each class on plain strings of our own wording:

- a response move: after "ردا على / انتقاما ل / على خلفية" the words name the earlier event the
  told strike answers; that event's place is not the strike's and its words tell no second event
  here. A demonstrative after a preposition ("ردا على ذلك، قصفت ...") stands for what was told,
  and the event word after it is a new event.
- an interception: air defences that confront or intercept an attack (تصدت، اعترضت، أسقطت) belong
  to the side attacked, never to the striker.
"""
from __future__ import annotations

import pytest

from tests.test_stages_roles5 import events, pairs


def remote(found):
    return [e for e in found if e.event_type == "Explosions/Remote violence"]


def places(found) -> list[str]:
    return [e.location for e in found]


# --------------------------------------------------------------------------- the response move

@pytest.mark.parametrize("text, place, earlier", [
    ("شنت طائرات الجيش الإسرائيلي اليوم غارات على مواقع لحركة حماس في قطاع غزة، ردا على إطلاق قذائف "
     "استهدف بلدة سديروت.", "Gaza Strip", "سديروت"),
    ("قصفت المدفعية التركية اليوم قرى في ريف منبج ردا على هجوم استهدف دورية تركية في مدينة الباب.",
     "Manbij countryside", "Al-Bab"),
    ("شنت القوات الأمريكية اليوم غارة جوية على مواقع لحركة الشباب في منطقة جلب ردا على تفجير استهدف قاعدة "
     "في مدينة بلدوين.", "Jilib", "Beledweyne"),
    ("قصفت الطائرات الروسية اليوم بلدة اللطامنة في ريف حماة ردا على هجوم بطائرات مسيرة استهدف قاعدة حميميم "
     "في ريف اللاذقية.", "Al-Lataminah", "Hmeimim airbase"),
    ("أغارت مقاتلات التحالف العربي صباح اليوم على معسكر للحوثيين في مديرية كتاف، انتقاما لهجوم صاروخي "
     "طال مدينة نجران.", "Kitaf", "Najran"),
    ("شن الجيش التركي اليوم غارات جوية على قرى في قضاء العمادية ردا على هجوم استهدف قاعدة تركية في "
     "ناحية بامرني.", None, "Bamarni"),
])
def test_the_event_a_response_answers_is_not_told_again_at_its_place(text, place, earlier):
    found = remote(events(text))
    assert found, "no strike"
    assert len(found) == 1, pairs(found)
    assert found[0].location != earlier, places(found)
    if place is not None:
        assert found[0].location == place, places(found)


@pytest.mark.parametrize("text, place", [
    # a comma closes the demonstrative: the shelling is the response, told as news
    ("ردا على ذلك، قصفت المدفعية التركية اليوم قرية تل رفعت بريف حلب.", "Tal Rifaat"),
    ("ردا على ذلك، أغارت الطائرات الحربية السورية اليوم على بلدة سراقب بريف إدلب.", "Saraqib"),
    ("وانتقاما من ذلك قصفت قوات النظام اليوم بلدة كفرنبل بريف إدلب.", "Kafranbel"),
])
def test_a_strike_after_in_response_to_that_is_news(text, place):
    found = remote(events(text))
    assert [e.location for e in found] == [place], pairs(found)


@pytest.mark.parametrize("text, place", [
    # controls: the marker fronted, with no event told before it; the strike is still told
    ("انتقاما لمقتل جنوده قصف الجيش التركي اليوم قرية تل رفعت بريف حلب.", "Tal Rifaat"),
    ("قصف الجيش السوري اليوم بلدة كفرنبل بريف إدلب انتقاما لهجوم شنه مسلحون على حاجز في مدينة سراقب.",
     "Kafranbel"),
    # a definite event noun after the demonstrative refers back (one event, not two)
    ("قصفت الطائرات بلدة سراقب أمس. وأدى هذا القصف إلى مقتل ثلاثة مدنيين.", "Saraqib"),
])
def test_controls_of_the_response_move_keep_their_strike(text, place):
    found = remote(events(text))
    assert [e.location for e in found] == [place], pairs(found)


# --------------------------------------------------------------------------- interceptions

@pytest.mark.parametrize("text, defender", [
    ("أفادت وكالة الأنباء الرسمية بأن الدفاعات الجوية تصدت الليلة لهجوم صاروخي استهدف مطار التيفور "
     "العسكري في ريف حمص الشرقي.", "Military Forces of Syria"),
    ("تصدت الدفاعات الجوية السورية ليلة أمس لعدوان صاروخي على مطار المزة العسكري غرب دمشق.",
     "Military Forces of Syria"),
    ("تصدت الدفاعات الجوية الإيرانية اليوم لهجوم بطائرات مسيرة استهدف منشأة عسكرية في مدينة أصفهان.",
     "Military Forces of Iran"),
    ("تصدت الدفاعات الجوية السورية مساء اليوم لهجوم صاروخي استهدف مطار الضبعة العسكري في ريف حمص.",
     "Military Forces of Syria"),
    ("ذكر التلفزيون الرسمي أن الدفاعات الجوية السورية تصدت فجر اليوم لهجوم صاروخي على مطار الشعيرات "
     "في ريف حمص.", "Military Forces of Syria"),
])
def test_air_defences_that_intercept_are_the_side_attacked(text, defender):
    found = remote(events(text))
    assert found, "no attack"
    for e in found:
        assert e.actor1 != defender, pairs(found)
        assert e.actor2 == defender, pairs(found)


@pytest.mark.parametrize("text, striker, target", [
    # controls: a state's own strikes, and a strike on air defences (their owner is hit)
    ("قصفت قوات النظام السوري اليوم بلدة معرة النعمان بالمدفعية.", "Military Forces of Syria", None),
    ("شنت الطائرات الحربية السورية اليوم غارات على بلدة كفرنبل بريف إدلب.", "Military Forces of Syria", None),
    ("استهدفت غارات إسرائيلية اليوم مواقع للدفاعات الجوية السورية قرب مطار المزة العسكري غرب دمشق.",
     "Military Forces of Israel", "Military Forces of Syria"),
    ("أعلن الجيش العراقي أن الدفاعات الجوية أسقطت اليوم طائرة مسيرة مفخخة استهدفت مطار أربيل.",
     "Unidentified Armed Group", "Military Forces of Iraq"),
])
def test_controls_of_interceptions_keep_their_sides(text, striker, target):
    found = remote(events(text))
    assert found, "no attack"
    for e in found:
        assert e.actor1 == striker, pairs(found)
        if target is not None:
            assert e.actor2 == target, pairs(found)


# --------------------------------------------------------------------------- the patron's epithet

@pytest.mark.parametrize("text", [
    "قتل 12 مسلحا من الميليشيات الإيرانية اليوم في غارات لمقاتلات التحالف العربي على مواقعهم في مديرية حرض "
    "بمحافظة حجة.",
    "قصفت الميليشيات الإيرانية اليوم أحياء سكنية في مدينة تعز بقذائف الهاون ما أسفر عن مقتل طفلين.",
    "اندلعت اليوم مواجهات عنيفة بين قوات ألوية العمالقة والميليشيات الإيرانية في مديرية حيس جنوب الحديدة.",
    "استهدفت طائرات التحالف العربي اليوم تجمعات للمليشيات الإيرانية في مديرية الدريهمي بمحافظة الحديدة.",
    "أطلقت الميليشيات الموالية لإيران اليوم صاروخا باليستيا على مدينة مأرب ما أدى إلى مقتل ثلاثة مدنيين.",
])
def test_in_yemen_news_the_iranian_militias_are_the_houthis(text):
    found = events(text)
    assert found, "no event"
    for e in found:
        assert "Military Forces of Iran" not in (e.actor1, e.actor2), pairs(found)
        assert "Ansar Allah (the Houthis)" in (e.actor1, e.actor2), pairs(found)


@pytest.mark.parametrize("text", [
    # controls: in Syria the same words are Iran's forces and the militias it backs
    "قصفت طائرات إسرائيلية اليوم مواقع للميليشيات الإيرانية قرب مدينة البوكمال في ريف دير الزور.",
    "استهدفت طائرة مسيرة مجهولة اليوم مقرا للميليشيات الإيرانية في مدينة الميادين بريف دير الزور.",
])
def test_elsewhere_the_iranian_militias_stay_irans(text):
    found = remote(events(text))
    assert found and all(e.actor2 == "Military Forces of Iran" for e in found), pairs(found)


def test_proxy_names_name_known_actors_and_countries():
    from marsad.actors import load_actor_kb
    from marsad.kb import load_table
    kb = load_actor_kb()
    for row in load_table("proxy_names.tsv", required=("country", "alias", "actor")):
        assert row["actor"] in kb.actors, row
        assert len(row["country"]) == 2 and row["country"].isupper(), row


# --------------------------------------------------------------------------- the place of a plan

@pytest.mark.parametrize("text, place, planned", [
    ("استهدفت غارة أمريكية اليوم مسلحين من حركة الشباب في منطقة جلب بهدف منع هجوم على مدينة كيسمايو.",
     "Jilib", "Kismayo"),
    ("قصفت طائرة مسيرة تركية اليوم سيارة في بلدة القحطانية تقل قادة من الوحدات الكردية تخطط لشن هجمات في مدينة "
     "رأس العين.", "Al Qahtaniyah", "Ras al-Ain"),
    ("دمرت غارة للتحالف الدولي اليوم مخزن أسلحة لتنظيم داعش في بلدة هجين بهدف منع هجمات التنظيم على مدينة "
     "البوكمال.", "Hajin", "Abu Kamal"),
    ("شنت مقاتلات التحالف اليوم غارات على تجمعات للحوثيين في مديرية صرواح استعدادا لهجوم على مدينة مأرب.",
     "Suq Sirwah", "Ma'rib"),
    ("قصفت المدفعية التركية اليوم مواقع للوحدات الكردية في بلدة تل تمر لمنع أي هجوم على مدينة رأس العين.",
     "Tal Tamr", "Ras al-Ain"),
])
def test_a_place_after_a_planned_attack_is_the_plans_not_the_strikes(text, place, planned):
    found = remote(events(text))
    assert [e.location for e in found] == [place], pairs(found)


@pytest.mark.parametrize("text, expected", [
    # controls: a second strike told as done keeps its place
    ("قصفت الطائرات الحربية اليوم بلدة اللطامنة، كما قصفت مدينة محردة بريف حماة.", {"Al-Lataminah", "Mhardeh"}),
    ("قصف الجيش السوري اليوم بلدة اللطامنة بالمدفعية لمنع هجوم للفصائل على مواقعه.", {"Al-Lataminah"}),
])
def test_controls_of_the_place_of_a_plan(text, expected):
    assert {e.location for e in remote(events(text))} == expected


# --------------------------------------------------------------------------- the joint forces and loyalty

@pytest.mark.parametrize("text", [
    "اندلعت اليوم مواجهات عنيفة بين قوات المقاومة اليمنية المشتركة وميليشيات الحوثي في مديرية التحيتا.",
    "أحبطت المقاومة اليمنية المشتركة اليوم هجوما لميليشيات الحوثي على مواقعها في مديرية حيس.",
    "خاضت قوات المقاومة المشتركة اليوم معارك ضارية مع الحوثيين جنوب مدينة الحديدة، بإسناد من مقاتلات التحالف.",
    "تمكنت المقاومة المشتركة اليوم من استعادة السيطرة على مديرية الدريهمي بعد معارك مع الحوثيين.",
])
def test_the_yemeni_joint_resistance_is_the_west_coast_joint_forces(text):
    found = [e for e in events(text) if e.event_type == "Battles"]
    assert found, "no battle"
    for e in found:
        assert "West Coast Joint Forces" in (e.actor1, e.actor2), pairs(found)
        assert "Military Forces of Saudi Arabia" not in (e.actor1, e.actor2), pairs(found)


@pytest.mark.parametrize("text, agent", [
    ("اختطفت ميليشيا الحوثي اليوم عشرة من سكان مديرية زبيد، تتهمهم الميليشيا بموالاة قوات المقاومة المشتركة.",
     "Ansar Allah (the Houthis)"),
    ("أفادت مصادر محلية بأن حملة خطف طالت اليوم سكان مديرية الجراحي، الذين تتهمهم ميليشيا الحوثي بموالاة "
     "المقاومة اليمنية المشتركة.", "Ansar Allah (the Houthis)"),
])
def test_the_side_the_victims_are_said_to_be_loyal_to_is_no_agent(text, agent):
    found = [e for e in events(text) if e.event_type == "Violence against civilians"]
    assert found and all(e.actor1 == agent for e in found), pairs(found)


@pytest.mark.parametrize("text, flyer, ground", [
    ("قصفت قوات سوريا الديمقراطية وطيران التحالف الدولي اليوم بغارات جوية مواقع لتنظيم داعش في بلدة هجين.",
     "Global Coalition against Daesh", "Syrian Democratic Forces"),
    ("استهدفت قوات سوريا الديمقراطية وطائرات التحالف الدولي اليوم بغارات جوية تجمعات لتنظيم داعش في بلدة الباغوز.",
     "Global Coalition against Daesh", "Syrian Democratic Forces"),
    # controls: already right before
    ("ضربت القوات المشتركة وطائرات التحالف العربي اليوم بغارات جوية تجمعات للحوثيين في مديرية حيس.",
     "Military Forces of Saudi Arabia", None),
    ("شنت مقاتلات التحالف العربي والقوات المشتركة اليوم غارات جوية على مواقع الحوثيين في منطقة الفازة.",
     "Military Forces of Saudi Arabia", None),
])
def test_an_allied_air_force_named_with_a_ground_force_flew_the_strike(text, flyer, ground):
    found = [e for e in events(text) if e.sub_event_type == "Air/drone strike"]
    assert found, "no air strike"
    for e in found:
        assert e.actor1 == flyer, pairs(found)
        if ground is not None:
            assert ground != e.actor2, pairs(found)
