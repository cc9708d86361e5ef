"""Recall: events the extractor used not to read at all (issue 16).

Each class is a clause structure or a word class, checked in several wordings written for
these tests (different verbs, places, numbers and word orders)."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

SUNDAY = date(2022, 1, 23)


def events(text: str, published=SUNDAY):
    return marsad.extract(text, published=published)


def kinds(text: str) -> set[str]:
    return {e.sub_event_type for e in events(text)}


# --------------------------------------------------------------------------- property set on fire

@pytest.mark.parametrize("text", [
    "أحرق مسلحون مجهولون عشرة منازل في قرية الكفر بريف السويداء أمس.",
    "أضرمت ميليشيا موالية للنظام النار في محاصيل القمح في بلدة الهبيط بريف إدلب اليوم.",
    "وأحرقت قوات الاحتلال منزلا ومركبتين في بلدة بيتا جنوب نابلس فجر اليوم.",
    "قام عناصر التنظيم بإحراق خمسة بيوت في قرية الجرذي بريف دير الزور الشرقي اليوم.",
])
def test_houses_or_crops_set_on_fire_by_an_armed_side_are_property_destruction(text):
    found = events(text)
    assert [e.sub_event_type for e in found] == ["Looting/property destruction"], found


@pytest.mark.parametrize("text", [
    "أحرق المحتجون الغاضبون مقر المحافظة في مدينة السويداء اليوم.",
    "أحرق الشاب نفسه أمام مبنى البلدية في مدينة القصرين اليوم احتجاجا على البطالة.",
    "وأحرق شبان غاضبون إطارات السيارات وسط مدينة السويداء اليوم.",
])
def test_a_fire_set_by_protesters_or_to_oneself_is_no_property_destruction(text):
    assert "Looting/property destruction" not in kinds(text)


# --------------------------------------------------------------------------- killers named by a force

@pytest.mark.parametrize("text, sub", [
    ("قتل الجيش السوري خمسة من عناصر تنظيم داعش في بادية السخنة اليوم.", "Armed clash"),
    ("قتلت القوات العراقية ثلاثة مسلحين قرب قضاء الطارمية اليوم.", "Armed clash"),
    ("وقتل حرس الحدود الأردني أربعة مهربين قرب بلدة الرويشد فجر اليوم.", None),
    ("قتلت قوات الأمن شابين في بلدة جاسم بريف درعا اليوم.", "Attack"),
])
def test_a_force_that_killed_people_named_by_role_makes_an_event_typed_by_who_they_were(text, sub):
    found = events(text)
    assert len(found) == 1, found
    assert found[0].sub_event_type in ((sub,) if sub else ("Armed clash", "Attack"))
    assert found[0].fatalities >= 2


# --------------------------------------------------------------------------- deaths by a direct means

@pytest.mark.parametrize("text, sub", [
    ("قُتل اثنان من عناصر الشرطة بمسدسات كاتمة للصوت في قرية البوير جنوب الموصل اليوم.", "Armed clash"),
    ("قتل ثلاثة جنود بنيران قناص في بلدة الطيبة بريف درعا اليوم.", "Armed clash"),
    ("لقي مدنيان حتفهما بنيران مسلحين في حي الجورة بمدينة دير الزور اليوم.", "Attack"),
    ("عثر الأهالي على جثث أربعة مدنيين في بلدة المسيفرة بعد أن تم قتلهم رميا بالرصاص اليوم.", "Attack"),
])
def test_people_killed_by_a_weapon_of_direct_violence_with_no_event_word_make_an_event(text, sub):
    found = events(text)
    assert [e.sub_event_type for e in found] == [sub], found


@pytest.mark.parametrize("text", [
    "تعرض حاجز لقوات النظام في بلدة جاسم لهجوم بالأسلحة الرشاشة اليوم.",
    "هاجم مسلحون بالأسلحة الرشاشة نقطة للشرطة في بلدة الحويجة اليوم.",
    "تعرضت دورية للجيش في بلدة الطيبة لهجوم بالرشاشات اليوم.",
])
def test_an_attack_with_machine_guns_on_a_forces_post_is_an_armed_clash(text):
    assert kinds(text) == {"Armed clash"}


# --------------------------------------------------------------------------- an arrest after a fight

@pytest.mark.parametrize("text", [
    "اعتقلت قوات الأمن خمسة مطلوبين في بلدة جاسم بعد اشتباك مسلح معهم اليوم.",
    "اعتقلت الشرطة مسلحين اثنين في حي الزنجيلي بمدينة الموصل إثر تبادل لإطلاق النار اليوم.",
    "ألقت القوات العراقية القبض على ثلاثة عناصر من داعش عقب اشتباكات في قضاء الطارمية اليوم.",
])
def test_the_fight_an_arrest_followed_is_an_armed_clash_of_its_own(text):
    # the arrest stays, or joins the clash when both sides are the same (one pair, place and day)
    assert "Armed clash" in kinds(text) and kinds(text) <= {"Arrests", "Armed clash"}


@pytest.mark.parametrize("text", [
    "اعتقلت قوات الأمن ثلاثة أشخاص في بلدة جاسم بتهمة تنفيذ هجمات على الحواجز اليوم.",
    "ألقت الشرطة القبض على خلية نفذت تفجيرات في مدينة كركوك اليوم.",
])
def test_the_charges_of_an_arrest_stay_no_event(text):
    assert kinds(text) == {"Arrests"}


# --------------------------------------------------------------------------- forms of retaking

@pytest.mark.parametrize("text", [
    "استرجعت قوات الحكومة السيطرة على بلدة خان شيخون بعد معارك اليوم.",
    "واسترجع الجيش قرية أم الخلاخيل بريف إدلب الجنوبي اليوم.",
    "استعادوا السيطرة على قرية الحسينية بريف دير الزور اليوم بعد اشتباكات مع التنظيم.",
])
def test_other_forms_of_retaking_are_a_change_of_territory(text):
    assert kinds(text) & {"Government regains territory", "Non-state actor overtakes territory"}, events(text)


# --------------------------------------------------------------------------- the date of a report, not of its event

@pytest.mark.parametrize("text", [
    "وفي وقت سابق قالت الوكالة الوطنية للإعلام إن امرأة قتلت في غارة إسرائيلية على منزلها في بلدة كفركلا.",
    "وفي وقت سابق أفاد المرصد السوري بأن ثلاثة مدنيين قتلوا بقصف مدفعي على بلدة كفرنبل.",
    "وقال مصدر أمني في وقت سابق إن عبوة ناسفة انفجرت بدورية في مدينة الرمادي.",
])
def test_earlier_that_dates_the_report_leaves_the_event_it_reports(text):
    found = events(text)
    assert found, text
    # the report was earlier that day; the event keeps the article's day
    assert all(e.event_date == SUNDAY.isoformat() for e in found), found


@pytest.mark.parametrize("text", [
    "وتوقفت الغارات على مناطق المعارضة منذ مطلع الأسبوع، بينما دارت اشتباكات عنيفة اليوم في محيط مدينة طفس.",
    "وتراجع القصف على أحياء المدينة منذ بداية الشهر، في حين اندلعت اشتباكات قرب بلدة الحارة بريف درعا مساء اليوم.",
])
def test_a_clause_after_whereas_is_outside_a_background_marker_before_it(text):
    assert "Armed clash" in kinds(text)


# --------------------------------------------------------------------------- forms beside the listed ones

@pytest.mark.parametrize("text, sub", [
    ("قوات الاحتلال تعتقل 15 فلسطينيا في مدينة الخليل اليوم.", "Arrests"),
    ("واعتقلتا شابين في بلدة بيت أمر شمال الخليل اليوم.", "Arrests"),
    ("شنت قوات النظام حملة دهم في بلدة جاسم بريف درعا اليوم طالت عشرة شبان.", "Arrests"),
    ("مسلحون يختطفون طبيبا في مدينة درعا اليوم.", "Abduction/forced disappearance"),
    ("مجهولون يغتالون مختار بلدة جاسم بريف درعا اليوم.", "Attack"),
    ("اشتبكتا قرب بلدة الشحيل بريف دير الزور اليوم.", "Armed clash"),
])
def test_the_present_of_headlines_and_the_dual_of_a_listed_verb_are_read(text, sub):
    assert sub in kinds(text), events(text)


@pytest.mark.parametrize("text", [
    "هدمت قوات الاحتلال منزلين في بلدة بيتا جنوب نابلس اليوم.",
    "وجرفت آليات الاحتلال أراضي زراعية في بلدة بيتا جنوب نابلس اليوم.",
    "هدموا ثلاثة منازل في بلدة جاسم بريف درعا اليوم.",
])
def test_demolitions_and_bulldozing_are_property_destruction(text):
    assert kinds(text) == {"Looting/property destruction"}


def test_what_a_blast_demolished_is_part_of_the_blast():
    assert kinds("أدى انفجار سيارة مفخخة في مدينة الباب اليوم إلى هدم منازل مجاورة.") == \
        {"Remote explosive/landmine/IED"}


# --------------------------------------------------------------------------- a death told after بعد

@pytest.mark.parametrize("text, first, second", [
    ("قتل مدنيان برصاص مجهولين في مدينة الباب بريف حلب اليوم بعد ساعات من مقتل جندي بانفجار عبوة ناسفة في بلدة قباسين.",
     ("Attack", "Al-Bab", 2), ("Remote explosive/landmine/IED", "Qabasin", 1)),
    ("قتل عنصران من قوات النظام بانفجار لغم في بادية السخنة اليوم بعد مقتل ثلاثة آخرين بهجوم مسلح قرب مدينة تدمر.",
     ("Remote explosive/landmine/IED", "Al-Sukhnah", 2), ("Armed clash", "Tadmur", 3)),
    ("اعتقلت قوات الأمن ثلاثة أشخاص في مدينة طفس بعد مقتل شرطي بانفجار عبوة ناسفة في البلدة اليوم.",
     ("Arrests", "Tafas", 0), ("Remote explosive/landmine/IED", "Tafas", 1)),
])
def test_a_death_told_after_baad_is_an_event_of_its_own_typed_by_its_own_clause(text, first, second):
    found = {(e.sub_event_type, e.location, e.fatalities) for e in events(text)}
    assert {first, second} <= found, found


@pytest.mark.parametrize("text", [
    "ونقلت مصادر طبية أن 40 مسلحا على الأقل قتلوا خلال المعارك في مدينة الحديدة اليوم.",
    "قتل خمسة جنود أثناء الاشتباكات مع التنظيم قرب بلدة السخنة اليوم.",
])
def test_a_death_during_the_fighting_is_the_fighting_not_another_event(text):
    assert kinds(text) == {"Armed clash"}


# --------------------------------------------------------------------------- held already: pinned here

@pytest.mark.parametrize("text, towns", [
    ("سيطرت فصائل المعارضة على قريتي كفرنبودة والهبيط بريف حماة اليوم.", {"Kafr Nabudah", "Al-Habit"}),
    ("سيطر الجيش على بلدتي صوران وطيبة الإمام بريف حماة اليوم.", {"Suran", "Taybat al-Imam"}),
    ("واستعادت القوات الحكومية السيطرة على قرى الحويز وكفرنبودة بعد اشتباكات مع الفصائل اليوم.", None),
])
def test_territory_taken_in_several_named_villages_is_one_event_per_village(text, towns):
    found = [e for e in events(text) if e.event_type == "Battles"]
    assert len(found) >= 2, found
    if towns:
        assert {e.location for e in found} == towns


@pytest.mark.parametrize("text, sub", [
    ("استُهدف مقر للفرقة الرابعة في بلدة الكسوة بريف دمشق بطائرة مسيرة اليوم.", "Air/drone strike"),
    ("تعرضت بلدة الحراك بريف درعا الشرقي لقصف مدفعي من قوات النظام اليوم.", "Shelling/artillery/missile attack"),
    ("قُصفت بلدة كفرنبل بالمدفعية الثقيلة اليوم.", "Shelling/artillery/missile attack"),
    ("استُهدفت سيارة عسكرية بعبوة ناسفة على طريق بلدة الصنمين بريف درعا اليوم.", "Remote explosive/landmine/IED"),
])
def test_an_attack_told_in_the_passive_with_its_means_after_it(text, sub):
    assert kinds(text) == {sub}
