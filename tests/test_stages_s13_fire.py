"""Issue 16, thirteenth session: gunfire told as a noun is the event where its clause reports firing
(never in a ceasefire, a truce, its breach, a call or a threat); the places after the بين of a word of
fighting are where it rages; a title ending a place's name (حمرة الشيخ) is no person's post.
Wordings of our own across countries."""
from __future__ import annotations

import pytest

import marsad
from marsad.pipeline import analyse


def _extract(text, published="2024-05-10"):
    return marsad.extract(text, published=published)


def _roles(text):
    return {pm.text: pm.role for pm in analyse(text, "2024-05-10").places.mentions}


def _kinds(found):
    return [(e.sub_event_type, e.location) for e in found]


# --- 1. gunfire as the event -------------------------------------------------------------------------

@pytest.mark.parametrize("text, sub", [
    # a verb of breaking out, two sides after بين (Sudan)
    ("اندلع إطلاق نار بين قوات الدعم السريع والجيش اليوم في مدينة الفاشر.", "Armed clash"),
    # renewed, two factions (Lebanon, a camp)
    ("تجدد إطلاق النار اليوم بين عناصر من حركة فتح وحركة حماس في مخيم عين الحلوة.", "Armed clash"),
    # an exchange with its sides between the verb and the fire (Libya)
    ("وتبادل مسلحون من قبيلتين إطلاق نار كثيف في سوق مدينة سبها اليوم.", "Armed clash"),
    # going on, told after it (Yemen)
    ("ولا يزال إطلاق النار متواصلا في حي الشيخ عثمان بمدينة عدن منذ صباح اليوم.", "Attack"),
    # the cause of a toll (Yemen)
    ("قتل ثلاثة أشخاص جراء إطلاق النار في حي الشيخ عثمان بعدن اليوم.", "Attack"),
    # the cause of a death, without hamza (Lebanon)
    ("لقيت امرأة حتفها اليوم نتيجة اطلاق النار العشوائي في مدينة طرابلس اللبنانية.", "Attack"),
    # broke out, then a toll in the same sentence (Lebanon)
    ("اندلع اطلاق النار في منطقة الشياح ببيروت اليوم وقتل شخصان.", "Attack"),
    # injuries caused by fire at a target (Palestine)
    ("أصيب شابان اليوم بجروح إثر إطلاق نار عشوائي على منازل المواطنين في مدينة جنين.", "Attack"),
])
def test_gunfire_told_as_a_noun_is_the_event(text, sub):
    found = _extract(text)
    assert sub in [e.sub_event_type for e in found], _kinds(found)


@pytest.mark.parametrize("text", [
    "دعا المبعوث الأممي اليوم إلى وقف إطلاق النار في مدينة طرابلس.",
    "اتهم الجيش اليوم الحوثيين بخرق وقف إطلاق النار في مديرية حيس.",
    "رصدت لجنة المراقبة اليوم 20 خرقا لإطلاق النار في محافظة الحديدة.",
    "هدد المسلحون اليوم بإطلاق النار على أي شخص يقترب من المعسكر في مدينة درنة.",
    "وقع الطرفان اليوم في الخرطوم اتفاقا لوقف إطلاق النار في ولاية جنوب كردفان.",
    "تحدث الوزير اليوم عن انتهاكات إطلاق النار المتكررة في محافظة درعا.",
    "دعا مجلس الأمن اليوم إلى وقف فوري لإطلاق النار بين الجيش وقوات الدعم السريع في الخرطوم.",
    "أعلن الطرفان اليوم التوصل إلى هدنة ووقف شامل لإطلاق النار بين الفصائل في مخيم عين الحلوة.",
])
def test_a_ceasefire_truce_call_or_threat_is_no_gunfire(text):
    found = _extract(text)
    assert not [e for e in found if e.event_type in ("Battles", "Violence against civilians")], _kinds(found)


def test_a_ceasefire_breach_with_its_toll_told_keeps_the_gunfire():
    """Negative control: a breach named, then fire that killed today, is still an event."""
    found = _extract("وفي خرق جديد للهدنة، قتل مدنيان اليوم جراء إطلاق النار على منزلهما في بلدة نوى بريف درعا.")
    assert [e.sub_event_type for e in found] == ["Attack"], _kinds(found)


# --- 2. the quarters a fight rages between --------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("دارت معارك اليوم بين الشيخ مقصود والأشرفية في مدينة حلب.", "والأشرفية"),
    ("واندلعت اشتباكات عنيفة اليوم بين الشياح وعين الرمانة في بيروت.", "الشياح"),
    ("قتل ثلاثة مدنيين اليوم في مواجهات مسلحة بين الشيخ عثمان والمنصورة في عدن.", "الشيخ عثمان"),
    ("دارت معارك اليوم بين الشيخ مقصود والأشرفية في مدينة حلب.", "الشيخ مقصود"),
])
def test_the_places_after_the_between_of_a_fight_are_its_own(text, name):
    roles = _roles(text)
    assert roles.get(name) not in (None, "reference"), roles


# --- 3. a title that ends a place's name ----------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("شنت طائرات الجيش غارات جوية أمس على بلدة مليط وحمرة الشيخ بشمال كردفان.", "بشمال كردفان"),
    ("قصفت طائرات مسيرة صباح اليوم قرية أم سيالة ودار الشيخ بولاية شمال كردفان.", "بولاية شمال كردفان"),
    ("سقطت قذائف اليوم على قرية بيت السيد بمحافظة حجة.", "بمحافظة حجة"),
])
def test_a_title_ending_a_place_name_holds_no_post(text, name):
    """"وحمرة الشيخ بشمال كردفان": الشيخ ends a place's name (a construct, no person named after it); the
    region after it locates that place, it is no seat of a sheikh's post. (The last is a control.)"""
    roles = _roles(text)
    assert name in roles and roles[name] != "post", roles


# --- 4. an act told an hour or two ago falls on the publication day --------------------------------

@pytest.mark.parametrize("text", [
    "قتل شخصان قبل ساعة في اشتباكات بحي باب التبانة بمدينة طرابلس.",
    "وما زال اطلاق النار مستمرا منذ ساعة في حي الشيخ عثمان بمدينة عدن.",
    "قصفت طائرات مسيرة قبل ساعتين مدينة الفاشر.",
    "اندلعت اشتباكات عنيفة منذ ساعة بين مسلحين في مدينة سبها.",
    "أطلق مسلحون النار قبل ساعة على سيارة مدنية في مدينة جنين.",
])
def test_an_act_an_hour_ago_is_dated_to_the_publication_day(text):
    found = _extract(text)
    assert found and all(e.event_date == "2024-05-10" for e in found), \
        [(e.sub_event_type, e.event_date) for e in found]


@pytest.mark.parametrize("text", [
    "وأضاف المتحدث أن الأوامر التي أعطيت للجنود بإطلاق النار لم تتغير على الرغم من الانتقادات.",
    "وقالت الشرطة إن قواعد إطلاق النار على المتظاهرين لم تتغير في محافظة البصرة.",
    "سمحت الحكومة اليوم بإطلاق النار على المهربين عند الحدود مع ليبيا.",
])
def test_orders_rules_and_permissions_to_fire_are_no_gunfire(text):
    """Negative controls: a rule, an order or a permission to fire reports no act."""
    found = _extract(text)
    assert not [e for e in found if e.event_type in ("Battles", "Violence against civilians")], _kinds(found)


# --- 5. a sniper's shot told as a verbal noun ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "قتل مدني اليوم جراء عملية قنص نفذها عنصر من قوات النظام في مدينة درعا.",
    "أقدم قناص اليوم على قنص امرأة في حي الصحابة بمدينة درنة.",
    "قتل شاب قنصا اليوم أثناء عبوره الشارع الرئيسي في مدينة تعز.",
    "أصيب عامل اليوم في عملية قنص استهدفته قرب معبر رفح جنوب قطاع غزة.",
    "قتلت امرأة اليوم بعملية قنص في حي الجبل بمدينة الفاشر.",
])
def test_a_sniper_shot_told_as_a_noun_is_an_attack(text):
    found = _extract(text)
    assert [e.sub_event_type for e in found] == ["Attack"], _kinds(found)


@pytest.mark.parametrize("text", [
    "رصد وجود قناصين على أسطح المباني في منطقة الطيونة ببيروت اليوم.",
    "حذرت الشرطة اليوم من عمليات القنص في مدينة تعز.",
])
def test_snipers_seen_or_warned_of_are_no_attack(text):
    """Negative controls: snipers on rooftops or a warning of sniping report no shot."""
    found = _extract(text)
    assert not [e for e in found if e.event_type == "Violence against civilians"], _kinds(found)
