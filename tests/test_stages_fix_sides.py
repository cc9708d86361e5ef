"""Sides and places of remote attacks told beside a denial, a launch origin or a governorate (twelfth
session of issue 16, stream two), each class on plain strings of our own wording:

- a force that denies the deed ("نفى الجيش الأمريكي"، "قالت الوزارة إنه لا توجد أنشطة لقواتها") or
  declines to comment on it ("رفض الجيش الإسرائيلي التعليق"، "لا نعلق") is no side of the strike: the
  striker stays unidentified or is the side the text says struck.
"""
from __future__ import annotations

import pytest

from tests.test_stages_roles5 import events, pairs, sides


def remote(found):
    return [e for e in found if e.event_type == "Explosions/Remote violence"]


# --------------------------------------------------------------------------- a denier is no side

@pytest.mark.parametrize("text, denier", [
    ("قالت وزارة الدفاع الأمريكية إنه لا توجد أي عمليات عسكرية أمريكية في دير الزور، بعدما أفاد الإعلام الرسمي "
     "السوري أن صواريخ مجهولة المصدر استهدفت مطار التيفور العسكري فجر اليوم.", "Military Forces of the United States"),
    ("طال قصف صاروخي فجر اليوم مستودعات أسلحة قرب مدينة القصير. ونفى الجيش الإسرائيلي أي علاقة له بما جرى.",
     "Military Forces of Israel"),
    ("قصفت طائرة مجهولة موقعا عسكريا قرب مدينة البوكمال مساء أمس. وأكدت القيادة المركزية الأمريكية أنها لم "
     "تنفذ أي عملية في المنطقة.", "Military Forces of the United States"),
    ("رفض الجيش الإسرائيلي التعليق على تقارير تحدثت عن قصف صاروخي استهدف مطار المزة العسكري قرب دمشق "
     "الليلة الماضية.", "Military Forces of Israel"),
    ("استهدفت صواريخ ليل أمس مستودعا للذخيرة قرب مدينة حماة. وقال متحدث باسم الجيش الإسرائيلي: لا نعلق على "
     "مثل هذه التقارير.", "Military Forces of Israel"),
    ("قصفت طائرات مسيرة اليوم قاعدة عسكرية قرب بلدة القائم. ولم تعلق القوات الأمريكية على الهجوم حتى الآن.",
     "Military Forces of the United States"),
    ("سقطت قذائف صاروخية اليوم على مطار بغداد الدولي. وقال الحرس الثوري الإيراني إنه ليس له أي صلة بالهجوم.",
     "Islamic Revolutionary Guard Corps"),
])
def test_a_force_that_denies_or_declines_to_comment_is_no_side(text, denier):
    found = remote(events(text))
    assert found, "no strike"
    assert all(denier not in sides(e) for e in found), pairs(found)


@pytest.mark.parametrize("text, striker", [
    # the speaker tells its own strike: it stays the striker
    ("أعلن الجيش الأمريكي أنه شن غارة جوية على مواقع لتنظيم داعش قرب مدينة البوكمال اليوم.",
     "Military Forces of the United States"),
    ("قال الجيش الإسرائيلي إن طائراته قصفت مواقع لحركة حماس في مدينة خان يونس فجر اليوم.",
     "Military Forces of Israel"),
    # the denier is named, and another force is told as the striker
    ("قالت مصادر محلية إن طائرات الجيش السوري قصفت بلدة سراقب في ريف إدلب اليوم. ونفت وزارة الدفاع التركية "
     "أي علاقة لها بالقصف.", "Military Forces of Syria"),
    # a denial of losses is no denial of the deed
    ("قال الجيش الأمريكي إنه قصف مواقع لحركة الشباب قرب بلدة جلب اليوم، وإنه لم يسقط أي مدني في الغارة.",
     "Military Forces of the United States"),
])
def test_a_force_that_tells_its_own_strike_stays_its_side(text, striker):
    found = remote(events(text))
    assert found, "no strike"
    assert found[0].actor1 == striker, pairs(found)


@pytest.mark.parametrize("text, denier", [
    # a force that strikes from the air, denying an air strike
    ("شنت طائرات حربية غارة جوية على موقع للحشد الشعبي قرب مدينة القائم فجر اليوم. وقالت القيادة المركزية "
     "الأمريكية إنه لا علاقة لطائراتها بالغارة.", "Military Forces of the United States"),
    ("قتل خمسة مدنيين اليوم في غارة جوية على مدينة معرة النعمان. وقال الجيش الروسي إنه ليس لطائراته أي دور "
     "فيها.", "Military Forces of Russia"),
    ("أغارت طائرة حربية مساء أمس على سوق شعبي في بلدة أريحا. ونفت القوات الجوية الروسية أي دور لها في الغارة.",
     "Military Forces of Russia"),
])
def test_an_air_force_that_denies_an_air_strike_is_no_side(text, denier):
    found = remote(events(text))
    assert found, "no strike"
    assert all(denier not in sides(e) for e in found), pairs(found)


@pytest.mark.parametrize("text, striker", [
    # the denier is gone; the text still says whose the strikes likely were
    ("قالت وزارة الدفاع الروسية إنها لم تنفذ أي غارات في المنطقة. وكان ناشطون قد أفادوا بأن غارات يرجح أنها "
     "روسية قتلت سبعة مدنيين في بلدة كنصفرة بريف إدلب اليوم.", "Military Forces of Russia"),
    ("قتل أربعة مدنيين اليوم في قصف بصواريخ يعتقد أنها إسرائيلية على بلدة القنيطرة.", "Military Forces of Israel"),
])
def test_a_strike_the_text_says_is_likely_a_force_s_is_that_force_s(text, striker):
    found = remote(events(text))
    assert found, "no strike"
    assert found[0].actor1 == striker, pairs(found)


# --------------------------------------------------------------------------- the origin of a launch

@pytest.mark.parametrize("text, origin, target", [
    ("اعترضت الدفاعات الجوية السعودية اليوم صاروخا باليستيا أطلقته ميليشيا الحوثي من داخل اليمن شمالي مدينة "
     "صعدة باتجاه مدينة جازان.", "Sa'dah", "Jizan"),
    ("سقط صاروخ أطلقه الحوثيون من داخل الأراضي اليمنية جنوب مدينة حرض على مدينة نجران اليوم.", "Harad", "Najran"),
    ("سقط صاروخ باليستي اليوم على مدينة خميس مشيط، أطلقته ميليشيا الحوثي من داخل اليمن شرق مدينة صعدة.", "Sa'dah",
     "Khamis Mushait"),
    ("سقطت قذائف هاون اليوم على بلدة محردة بريف حماة، أطلقها مسلحون من داخل ريف إدلب قرب بلدة جسر الشغور.",
     "Jisr al-Shughur", "Mhardeh"),
    ("اعترضت الدفاعات الجوية الإسرائيلية صاروخا أطلق من داخل الأراضي السورية قرب بلدة القنيطرة باتجاه الجولان.",
     "Quneitra", None),
])
def test_the_place_a_missile_was_launched_from_is_no_event_place(text, origin, target):
    found = events(text)
    assert all(e.location != origin for e in found), [(e.location, e.admin1) for e in found]
    if target is not None:
        assert any(e.location == target for e in found), [(e.location, e.admin1) for e in found]


# --------------------------------------------------------------------------- a governorate named bare

@pytest.mark.parametrize("text, areas", [
    ("تدور معارك عنيفة في محافظتي صعدة وحجة منذ أسابيع. وقتل اليوم 30 مسلحا حوثيا في اشتباكات مع الجيش "
     "اليمني في صعدة وحجة.", {"Sadah", "Hajjah"}),
    ("قصفت قوات النظام اليوم مواقع في محافظتي إدلب وحماة. وقتل خمسة مدنيين في قصف مدفعي على إدلب وحماة اليوم.",
     {"Idlib", "Hama"}),
    ("شنت طائرات التحالف غارات على محافظتي تعز ولحج اليوم. وقتل سبعة حوثيين في غارات على تعز ولحج.",
     {"Taizz", "Lahj"}),
    ("أعلنت الشرطة العراقية اليوم اعتقال 12 مطلوبا في محافظتي ديالى وكركوك. وجرت الاعتقالات في ديالى وكركوك "
     "خلال عمليات دهم.", {"Diyala", "Kirkuk"}),
    ("وتشهد محافظتا الجوف ومأرب مواجهات متقطعة. وقتل اليوم ثمانية جنود في هجوم للحوثيين على مواقع الجيش في "
     "الجوف ومأرب.", {"Al Jawf", "Marib"}),
])
def test_bare_names_of_governorates_the_text_names_as_such_are_the_governorates(text, areas):
    found = events(text)
    assert found, "no event"
    assert {e.location for e in found} <= areas, [(e.location, e.geo_precision) for e in found]
    assert all(e.geo_precision == 3 for e in found), [(e.location, e.geo_precision) for e in found]


@pytest.mark.parametrize("text, city", [
    # the text tells the name as a city too: the bare name is the city
    ("قتل خمسة مدنيين اليوم في قصف مدفعي على مدينة إدلب. وتتعرض محافظتا إدلب وحماة لقصف متواصل، وقتل مدنيان "
     "في قصف على إدلب وحماة.", "Idlib"),
    # a bare name told alone, with no governorate noun in the text: the city
    ("قتل ثلاثة مدنيين اليوم في قصف مدفعي للحوثيين على أحياء في تعز.", "Taiz"),
])
def test_a_name_the_text_tells_as_a_city_stays_the_city(text, city):
    found = events(text)
    assert any(e.location == city and e.geo_precision == 1 for e in found), \
        [(e.location, e.geo_precision) for e in found]


@pytest.mark.parametrize("text, area", [
    ("وفي تعز قتل أربعة جنود اليوم في هجوم للحوثيين على مواقع الجيش في الأطراف الغربية للمحافظة.", "Taizz"),
    ("وفي صعدة دارت اشتباكات عنيفة اليوم بين الجيش اليمني والحوثيين في مناطق شرقي المحافظة.", "Sadah"),
    ("وفي إدلب قصفت قوات النظام اليوم قرى في الريف الجنوبي للمحافظة، ما أدى إلى مقتل ثلاثة مدنيين.", "Idlib"),
    ("وفي ديالى اعتقلت القوات الأمنية اليوم خمسة مطلوبين خلال عملية دهم في مناطق متفرقة بالمحافظة.", "Diyala"),
    ("وفي لحج قتل مدنيان اليوم بانفجار لغم أرضي في منطقة نائية شمالي المحافظة.", "Lahj"),
])
def test_a_bare_name_its_sentence_calls_the_governorate_is_the_governorate(text, area):
    found = events(text)
    assert found, "no event"
    assert all(e.location == area and e.geo_precision == 3 for e in found), \
        [(e.location, e.geo_precision) for e in found]


def test_a_city_named_with_its_noun_before_the_governorate_stays_the_city():
    found = events("وفي مدينة تعز قتل مدنيان اليوم بقصف للحوثيين على حي سكني وسط المحافظة.")
    assert all(e.location != "Taizz" for e in found), [(e.location, e.geo_precision) for e in found]


def test_the_governorate_s_office_is_no_governorate():
    found = events("وفي كربلاء تجمع متظاهرون اليوم أمام مجلس المحافظة واندلعت مواجهات مع قوات الأمن أسفرت عن إصابة "
                   "عشرة أشخاص.")
    assert found, "no event"
    assert all(e.geo_precision == 1 for e in found), [(e.location, e.geo_precision) for e in found]


@pytest.mark.parametrize("text, place, dead", [
    ("قتل تسعة عناصر من تنظيم داعش اليوم في اشتباكات مع الجيش العراقي في محافظة ديالى. ودارت الاشتباكات في "
     "ديالى قرب ناحية جلولاء شمالي المحافظة.", "Jalawla", 9),
])
def test_a_governorate_s_event_told_again_inside_it_keeps_its_dead(text, place, dead):
    found = [e for e in events(text) if e.event_type == "Battles"]
    assert [(e.location, e.fatalities) for e in found] == [(place, dead)], pairs(found)
