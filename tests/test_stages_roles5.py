"""Sides read from the right noun of the clause (roles stage), each class run on plain strings of our
own wording: the planter of a bomb, the owner of what a strike hit, the agent in a genitive after a
verbal noun, a claim of responsibility told in its own sentence, the origin of the projectiles, the
accuser of a statement; Civilians only when civilians are the victims."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

SUNDAY = date(2022, 1, 23)


def events(text: str, published=SUNDAY):
    return marsad.extract(text, published=published)


def sides(event) -> set[str]:
    return {n for n in (event.actor1, event.actor2) if n}


def pairs(found) -> list[tuple]:
    return [(e.sub_event_type, e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2) for e in found]


# --------------------------------------------------------------------------- the planter of a bomb

@pytest.mark.parametrize("text, planter, target", [
    ("قامت ميليشيا الحوثي بزرع عبوات ناسفة استهدفت سيارة إسعاف في مدينة قعطبة اليوم، دون وقوع إصابات.",
     "Ansar Allah (the Houthis)", None),
    ("زرع عناصر تنظيم داعش عبوة ناسفة انفجرت بدورية للجيش العراقي في قضاء الطارمية اليوم، ما أدى إلى "
     "مقتل جنديين.", "Islamic State", "Military Forces of Iraq"),
    ("أقدم عناصر حركة الشباب على زرع عبوة ناسفة انفجرت بحافلة ركاب في بلدة أفجوي اليوم وقتلت أربعة مدنيين.",
     "Al Shabaab", "Civilians"),
    # the subject of the auxiliary, told earlier in its sentence
    ("أفاد السكان أن قوات الدعم السريع لم تكتف بنهب السوق بل قامت بزرع عبوات ناسفة انفجرت بسيارة مدنية في مدينة "
     "الفاشر اليوم وقتلت ثلاثة مدنيين.", "Rapid Support Forces", "Civilians"),
])
def test_the_subject_of_a_verb_of_planting_is_the_bomber_never_the_target(text, planter, target):
    found = [e for e in events(text) if e.event_type == "Explosions/Remote violence"]
    assert found, "no explosion"
    for e in found:
        assert e.actor1 == planter, pairs(found)
        assert planter != e.actor2 and planter not in e.assoc_actor_2, pairs(found)
        if target is not None:
            assert e.actor2 == target, pairs(found)


# --------------------------------------------------------------------------- the owner of what a strike hit

@pytest.mark.parametrize("text, striker, owner", [
    # the ally named in the sentence before is not the target of the strikes that back it
    ("اقتحمت قوات الجيش اليمني مطار الحديدة أمس. وشن طيران التحالف العربي اليوم غارات على تعزيزات "
     "ميليشيات الحوثي قرب مطار الحديدة.", "Military Forces of Saudi Arabia", "Ansar Allah (the Houthis)"),
    ("تقدمت قوات الجيش الوطني السوري نحو قرية في ريف تل تمر أمس. وقصفت المدفعية التركية اليوم تحصينات "
     "قوات سوريا الديمقراطية في قرية الدردارة بريف تل تمر.", "Military Forces of Turkey",
     "Syrian Democratic Forces"),
    ("تقدم الجيش العراقي في قضاء الحويجة أمس. وقصف طيران التحالف الدولي اليوم أوكار تنظيم داعش في "
     "وادي الشاي جنوب كركوك.", "Global Coalition against Daesh", "Islamic State"),
])
def test_the_owner_of_the_positions_a_strike_hit_is_its_target_not_the_ally_told_before(text, striker, owner):
    found = [e for e in events(text) if e.event_type == "Explosions/Remote violence"]
    assert found, "no strike"
    for e in found:
        assert (e.actor1, e.actor2) == (striker, owner), pairs(found)


@pytest.mark.parametrize("text, owner", [
    ("نفذ مسلحون هجوما استهدف إحدى النقاط الأمنية التابعة للحزام الأمني في مديرية مودية اليوم، ما أسفر عن "
     "مقتل خمسة من الجنود.", "Security Belt Forces"),
    ("هاجم مسلحون مجهولون حاجزا تابعا لقوات سوريا الديمقراطية في بلدة الشحيل اليوم وقتلوا ثلاثة من العناصر.",
     "Syrian Democratic Forces"),
    ("استهدف مسلحون دورية تابعة للحشد الشعبي في قضاء المقدادية اليوم، ما أدى إلى مقتل جنديين.",
     "Popular Mobilization Forces"),
])
def test_soldiers_killed_at_a_post_of_a_named_force_are_that_force_s_men(text, owner):
    found = events(text)
    assert found, "no event"
    for e in found:
        assert owner in sides(e), pairs(found)


# --------------------------------------------------------------------------- the agent in a genitive

@pytest.mark.parametrize("text, agent", [
    ("وشنت الطائرات الحربية السورية غارات على مدينة دوما اليوم. وقتل طفل وأصيب 15 مدنيا في قصف جيش الإسلام "
     "للمناطق السكنية في دمشق.", "Jaysh al-Islam"),
    ("وقصفت المدفعية التركية قرية في ريف عين عيسى اليوم. وأصيب خمسة مدنيين جراء قصف قوات سوريا "
     "الديمقراطية لبلدة مارع بريف حلب اليوم.", "Syrian Democratic Forces"),
    ("شن طيران التحالف غارات على صعدة أمس. وقتل ثلاثة أطفال اليوم في استهداف الحوثيين لحي سكني في مدينة "
     "تعز.", "Ansar Allah (the Houthis)"),
])
def test_the_genitive_after_a_verbal_noun_of_attack_is_its_agent(text, agent):
    found = [e for e in events(text) if any(p in (e.location or "") for p in ("Damascus", "Mare", "Taiz"))]
    assert found, pairs(events(text))
    for e in found:
        assert e.actor1 == agent and e.actor2 == "Civilians", pairs(found)


# --------------------------------------------------------------------------- a claim in its own sentence

@pytest.mark.parametrize("text, claimant", [
    ("انفجرت سيارة مفخخة قرب مبنى مديرية هاولواداغ في مقديشو اليوم، ما أسفر عن مقتل ثلاثة جنود. "
     "وأعلنت حركة الشباب مسؤوليتها عن الهجوم.", "Al Shabaab"),
    ("انفجرت عبوة ناسفة بدورية للجيش العراقي في قضاء الطارمية اليوم، ما أدى إلى مقتل جنديين. وتبنى "
     "تنظيم داعش التفجير في بيان.", "Islamic State"),
    ("قتل أربعة عناصر من قوات النظام بانفجار لغم في بادية تدمر اليوم. وأعلن تنظيم الدولة الإسلامية في "
     "وقت لاحق مسؤوليته عن العملية.", "Islamic State"),
])
def test_a_claim_of_responsibility_in_its_own_sentence_names_the_bomber(text, claimant):
    found = [e for e in events(text) if e.event_type == "Explosions/Remote violence"]
    assert found, pairs(events(text))
    for e in found:
        assert e.actor1 == claimant, pairs(found)


# --------------------------------------------------------------------------- the origin of the projectiles

@pytest.mark.parametrize("text, shooter", [
    ("سقطت صواريخ على مقر لحزب كردي معارض في بلدة كويسنجق اليوم وقتلت 12 شخصا، وقال الحزب إن الصواريخ "
     "أطلقت من داخل الأراضي الإيرانية.", "Military Forces of Iran"),
    ("سقطت قذائف صاروخية على حي الحمدانية في مدينة حلب اليوم، وأصيب مدنيان، وأطلقت القذائف من مناطق سيطرة "
     "هيئة تحرير الشام.", "Hayat Tahrir al-Sham"),
    ("سقطت قذائف هاون على بلدة مارع بريف حلب اليوم وأصيب ثلاثة مدنيين، وقد أطلقت من مناطق سيطرة قوات "
     "سوريا الديمقراطية.", "Syrian Democratic Forces"),
])
def test_the_place_the_projectiles_were_fired_from_names_the_shooter(text, shooter):
    found = [e for e in events(text) if e.event_type == "Explosions/Remote violence"]
    assert found, pairs(events(text))
    for e in found:
        assert e.actor1 == shooter, pairs(found)


# --------------------------------------------------------------------------- the accuser of a statement

@pytest.mark.parametrize("text, accuser, agent", [
    ("اتهمت وزارة الدفاع الروسية فصائل المعارضة بقصف بلدة محردة بريف حماة اليوم، ما أدى إلى مقتل "
     "ثلاثة مدنيين.", "Military Forces of Russia", "Opposition Rebels"),
    ("اتهمت قوات سوريا الديمقراطية الجيش التركي بقصف قرية صيدا في ريف عين عيسى اليوم، ما أدى إلى مقتل "
     "طفلين.", "Syrian Democratic Forces", "Military Forces of Turkey"),
    ("اتهم الجيش اللبناني الجيش الإسرائيلي بقصف بلدة الخيام اليوم، ما أسفر عن إصابة ثلاثة مدنيين.",
     "Military Forces of Lebanon", "Military Forces of Israel"),
])
def test_the_accuser_of_a_statement_is_no_side_of_the_attack_it_blames_on_another(text, accuser, agent):
    found = events(text)
    assert found, "no event"
    for e in found:
        assert e.actor1 == agent, pairs(found)
        assert accuser not in sides(e) and accuser not in e.assoc_actor_1 + e.assoc_actor_2, pairs(found)


# --------------------------------------------------------------------------- Civilians only when civilians are hit

@pytest.mark.parametrize("text", [
    "شنت طائرات التحالف العربي غارات على مواقع لميليشيا الحوثي في مديريات المنصورية وبيت الفقيه اليوم.",
    "استهدفت مدفعية الجيش اليمني خنادق مستحدثة وتحركات للحوثيين في منطقة الكتف بمحافظة حجة اليوم.",
    "قتل قائد ميداني في صفوف الحوثيين مع عدد من مرافقيه بغارة جوية في محافظة صعدة اليوم.",
    "قصفت الطائرات الروسية رتلا عسكريا لهيئة تحرير الشام في ريف إدلب اليوم.",
])
def test_a_strike_on_fighters_positions_or_a_commander_has_no_civilian_victims(text):
    found = [e for e in events(text) if e.event_type == "Explosions/Remote violence"]
    assert found, pairs(events(text))
    for e in found:
        assert "Civilians" not in sides(e) and "Civilians" not in e.assoc_actor_2, pairs(found)


@pytest.mark.parametrize("text", [
    "شنت طائرات التحالف العربي غارات على حي سكني في مدينة صعدة اليوم، ما أدى إلى مقتل ثلاثة أطفال.",
    "قصفت الطائرات الروسية سوقا شعبيا في مدينة سراقب اليوم وقتلت خمسة مدنيين.",
])
def test_a_strike_that_killed_civilians_keeps_them_as_its_victims(text):
    found = [e for e in events(text) if e.event_type == "Explosions/Remote violence"]
    assert found and all(e.actor2 == "Civilians" for e in found), pairs(found)


def test_a_claim_of_earlier_attacks_told_as_background_names_no_one():
    found = events("اغتال مجهولون اليوم ثلاثة مقاتلين من الجيش الوطني السوري في قرية قرب مدينة الباب. وسبق أن تبنت "
                   "وحدات حماية الشعب العديد من عمليات الاغتيال بحق مقاتلين من الجيش الوطني السوري.")
    assert found and all("People's Protection Units" not in sides(e) for e in found), pairs(found)


# --------------------------------------------------------------------------- names that depend on the region and time

LNA = "Libyan National Army"


@pytest.mark.parametrize("text, published", [
    ("قتل ثلاثة جنود من الجيش الليبي في اشتباكات مع مسلحين في حي الصابري بمدينة بنغازي اليوم.", date(2016, 3, 6)),
    ("قصفت قوات الجيش مواقع مجلس شورى مجاهدي درنة في مدينة درنة اليوم.", date(2018, 5, 20)),
    ("شن الطيران الحربي الليبي اليوم غارات على مواقع لتنظيم داعش قرب مدينة أجدابيا.", date(2016, 2, 10)),
])
def test_the_army_in_eastern_libya_after_may_2014_is_the_libyan_national_army(text, published):
    found = events(text, published)
    assert found, "no event"
    for e in found:
        assert LNA in sides(e) and "Military Forces of Libya" not in sides(e), pairs(found)


def test_the_army_in_eastern_libya_before_may_2014_stays_the_state_s():
    found = events("اشتبك الجيش الليبي مع مسلحين في مدينة بنغازي اليوم وقتل جنديان.", date(2013, 11, 25))
    assert found and all("Military Forces of Libya" in sides(e) for e in found), pairs(found)


def test_the_government_s_own_forces_named_by_their_name_are_not_renamed_in_the_east():
    found = events("اندلعت اشتباكات بين قوات الجيش الوطني وقوات حكومة الوفاق في منطقة الهلال النفطي قرب أجدابيا "
                   "اليوم.", date(2017, 3, 5))
    assert found and all(sides(e) == {LNA, "Military Forces of Libya"} for e in found), pairs(found)


@pytest.mark.parametrize("text, published, actor", [
    ("هاجم مجلس شورى ثوار بنغازي مواقع للجيش في حي قنفودة غرب بنغازي اليوم.", date(2016, 8, 1),
     "Benghazi Revolutionaries Shura Council"),
    ("اشتبكت قوات النخبة الشبوانية مع مسلحي تنظيم القاعدة في مديرية الصعيد بمحافظة شبوة اليوم.",
     date(2017, 8, 2), "Shabwani Elite Forces"),
    ("قتل جنديان من النخبة الحضرمية في هجوم لمسلحين على نقطة تفتيش في مدينة المكلا اليوم.",
     date(2018, 4, 9), "Hadrami Elite Forces"),
])
def test_regional_forces_are_known_by_their_own_names(text, published, actor):
    found = events(text, published)
    assert found and all(actor in sides(e) for e in found), pairs(found)


def test_every_regional_army_row_names_a_known_actor_and_a_known_admin1():
    from marsad.kb import load_table
    from marsad.stages.roles import regional_armies
    rows = regional_armies()
    admin1 = {(r["country_code"], r["name"]) for r in load_table("admin1.tsv")}
    assert rows and all(key in admin1 for key in rows), [k for k in rows if k not in admin1]
    assert all(end is None or end > start for spans in rows.values() for _, start, end in spans)


def test_a_regional_army_row_with_an_unknown_actor_is_reported_with_its_line(tmp_path, monkeypatch):
    import marsad.kb as kb
    from marsad.actors import load_actor_kb
    from marsad.errors import KnowledgeBaseError
    from marsad.stages import roles
    load_actor_kb()
    (tmp_path / "regional_armies.tsv").write_text(
        "country\tadmin1\tactor\tvalid_from\tvalid_to\nLY\tBenghazi\tLibyan National Army\t2014-05-16\t\n"
        "LY\tDarnah\tHaftar Army\t2014-05-16\t\n", encoding="utf-8")
    monkeypatch.setattr(kb, "DATA_DIR", tmp_path)
    kb.load_table.cache_clear()
    roles.regional_armies.cache_clear()
    try:
        with pytest.raises(KnowledgeBaseError) as err:
            roles.regional_armies()
        assert "regional_armies.tsv:3" in str(err.value) and "Haftar Army" in str(err.value)
    finally:
        monkeypatch.undo()
        kb.load_table.cache_clear()
        roles.regional_armies.cache_clear()


# --------------------------------------------------------------------------- joint forces

@pytest.mark.parametrize("text, side, joint", [
    ("شنت فصائل جيش العزة بالتعاون مع هيئة تحرير الشام هجوما على مواقع قوات النظام في بلدة كفرنبودة بريف حماة "
     "اليوم.", "Jaysh al-Izza", "Hayat Tahrir al-Sham"),
    ("اشتبك الجيش اللبناني بمؤازرة من قوى الأمن الداخلي مع مسلحين في بلدة عرسال اليوم.",
     "Military Forces of Lebanon", "Police Forces of Lebanon"),
    ("اشتبكت قوات الجيش السوداني بمشاركة مقاتلين من حركة العدل والمساواة مع قوات الدعم السريع في مدينة الفاشر "
     "اليوم.", "Military Forces of Sudan", "Justice and Equality Movement"),
])
def test_a_force_named_after_a_phrase_of_joint_action_is_an_associate_of_the_side_before_it(text, side, joint):
    found = events(text)
    assert found, "no event"
    for e in found:
        own = e.assoc_actor_1 if e.actor1 == side else e.assoc_actor_2 if e.actor2 == side else None
        assert own is not None and joint in own and joint not in sides(e), pairs(found)


# --------------------------------------------------------------------------- who says so

@pytest.mark.parametrize("text, source", [
    ("وقال المتحدث باسم وزارة الصحة بولاية الخرطوم إن 15 مدنيا قتلوا اليوم في قصف مدفعي لقوات الدعم السريع على "
     "سوق في محلية كرري.", "Khartoum State Ministry of Health"),
    ("أعلنت وزارة الصحة في ولاية شمال دارفور مقتل سبعة مدنيين في قصف لقوات الدعم السريع على مدينة الفاشر اليوم.",
     "North Darfur State Ministry of Health"),
    ("أعلنت وزارة الصحة اللبنانية مقتل ثلاثة مدنيين في غارة إسرائيلية على بلدة عيترون اليوم.",
     "Lebanese Ministry of Health"),
    ("وأفادت الوكالة اللبنانية الوطنية للإعلام بسقوط قتيل في غارة شنتها مسيرة إسرائيلية على سيارة عند أطراف بلدة "
     "الشهابية اليوم.", "National News Agency"),
])
def test_the_office_or_agency_that_reports_the_toll_is_the_source_with_its_state_or_country(text, source):
    found = events(text)
    assert found and all(e.attribution == source for e in found), [(e.attribution, e.actor1) for e in found]
    assert all(source not in sides(e) for e in found)


# --------------------------------------------------------------------------- communal militias

@pytest.mark.parametrize("text, published, first, second", [
    ("اشتبك مسلحون من الطوارق مع مقاتلين من التبو في مدينة أوباري اليوم وقتل أربعة.", date(2016, 3, 1),
     "Tuareg Ethnic Militia", "Tebu Ethnic Militia"),
    ("اندلعت اشتباكات بين مسلحين من قبيلة المساليت ومسلحين من الرزيقات في مدينة الجنينة اليوم أسفرت عن مقتل 12 "
     "شخصا.", date(2020, 1, 10), "Masalit Ethnic Militia", "Rizeigat Ethnic Militia"),
    ("هاجم مسلحو العكيدات نقطة لقوات سوريا الديمقراطية في بلدة ذيبان بريف دير الزور اليوم.", date(2019, 5, 1),
     "Aqidat Tribal Militia", "Syrian Democratic Forces"),
])
def test_armed_men_named_by_their_tribe_or_people_are_that_community_s_militia(text, published, first, second):
    found = events(text, published)
    assert found and all(sides(e) == {first, second} for e in found), pairs(found)


def test_a_town_whose_name_begins_like_a_people_is_no_militia():
    from marsad.actors import find_actors
    from marsad.arabic.tokenise import make_doc
    doc = make_doc("اعترضت الدفاعات الجوية صاروخا أطلق على مدينة تبوك اليوم، ووصل أبناء القرية إلى المكان.")
    assert not [x.actor for x in find_actors(doc, ["SA"]) if x.actor.endswith("Militia")]


def test_a_communal_group_row_with_a_name_of_another_shape_is_an_error_with_its_line(tmp_path, monkeypatch):
    import shutil

    import marsad.kb as kb
    from marsad import actors
    from marsad.errors import KnowledgeBaseError
    for path in kb.DATA_DIR.glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "communal_groups.tsv").write_text(
        "canonical\tcountry\tnames_ar\tstandalone\nTebu Ethnic Militia\tLY\tالتبو\t1\nTuareg Fighters\tLY\tالطوارق\t\n",
        encoding="utf-8")
    monkeypatch.setattr(kb, "DATA_DIR", tmp_path)
    kb.load_table.cache_clear()
    actors.load_actor_kb.cache_clear()
    try:
        with pytest.raises(KnowledgeBaseError) as err:
            actors.load_actor_kb()
        assert "communal_groups.tsv:3" in str(err.value) and "Tuareg Fighters" in str(err.value)
    finally:
        monkeypatch.undo()
        kb.load_table.cache_clear()
        actors.load_actor_kb.cache_clear()


def test_an_office_told_again_without_its_state_is_the_one_named_before():
    found = events("قتل ثلاثة مدنيين في غارة إسرائيلية على بلدة عيترون اليوم، وفق وزارة الصحة اللبنانية. وقالت وزارة "
                   "الصحة في بيان إن الغارة استهدفت منزلا في البلدة.")
    assert found and all(e.attribution == "Lebanese Ministry of Health" for e in found), \
        [(e.attribution, e.location) for e in found]


@pytest.mark.parametrize("text", [
    "قصف الطيران الروسي رتلا عسكريا في ريف إدلب اليوم.",
    "استهدفت غارات جوية لطيران التحالف العربي تعزيزات عسكرية في محيط مدينة مأرب اليوم.",
    "قصفت المدفعية التركية مواقع عسكرية في محيط بلدة تل رفعت اليوم.",
    "قصف الجيش السوري بالمدفعية تحصينات في جبل الزاوية اليوم.",
])
def test_a_strike_on_a_convoy_or_positions_of_no_named_force_has_no_civilian_victim(text):
    found = [e for e in events(text) if e.event_type == "Explosions/Remote violence"]
    assert found and all("Civilians" not in sides(e) for e in found), pairs(found)


@pytest.mark.parametrize("text", [
    "قصفت المدفعية التركية منازل المدنيين في بلدة تل رفعت اليوم.",
    "قصف الطيران الروسي بلدة كفرنبل اليوم.",
])
def test_a_strike_on_homes_or_a_town_keeps_the_civilians(text):
    found = [e for e in events(text) if e.event_type == "Explosions/Remote violence"]
    assert found and all(e.actor2 == "Civilians" for e in found), pairs(found)


# --------------------------------------------------------------------------- strikes told again by a definite noun

@pytest.mark.parametrize("text, striker, hit", [
    ("قتل عشرات من عناصر ميليشيات الحوثي اليوم بغارات شنتها طائرات تحالف دعم الشرعية على مواقع وتجمعات في الساحل "
     "الغربي للبلاد. وقالت مصادر عسكرية إن الغارات تركزت في مناطق جنوب الحديدة وتحديدا في مديريات المنصورية وبيت "
     "الفقيه وزبيد.", "Military Forces of Saudi Arabia", "Ansar Allah (the Houthis)"),
    ("قتل 30 من مقاتلي هيئة تحرير الشام اليوم بغارات شنتها طائرات الجيش السوري على مواقع وتجمعات في جبهات الريف "
     "الجنوبي. وقال المرصد إن الغارات تركزت في بلدات كفرنبل وحاس وكفرسجنة.", "Military Forces of Syria",
     "Hayat Tahrir al-Sham"),
    ("قتل 12 من مسلحي حركة الشباب اليوم بغارات شنتها طائرات الجيش الصومالي على مواقع وتجمعات في إقليم شبيلي "
     "السفلى. وقالت مصادر محلية إن الغارات تركزت في بلدتي جنالي وأفجوي.", "Military Forces of Somalia", "Al Shabaab"),
])
def test_strikes_told_again_by_a_definite_noun_hit_the_side_they_hit_when_first_told(text, striker, hit):
    found = events(text)
    assert found and all((e.actor1, e.actor2) == (striker, hit) for e in found), pairs(found)


@pytest.mark.parametrize("text, published, shooter", [
    ("أعلن الجيش الإسرائيلي سقوط قذيفتي هاون من غزة على منطقة أشكول اليوم دون إصابات.", date(2018, 7, 14),
     "Hamas Movement"),
    ("سقطت صواريخ من قطاع غزة على مدينة سديروت اليوم وأصيب ثلاثة إسرائيليين.", date(2019, 5, 4), "Hamas Movement"),
    ("سقط صاروخ باليستي أطلق من صنعاء على حي سكني في مدينة مأرب اليوم وأصيب أربعة مدنيين.", date(2021, 3, 1),
     "Ansar Allah (the Houthis)"),
])
def test_projectiles_fired_from_a_territory_a_group_governs_are_that_group_s(text, published, shooter):
    found = [e for e in events(text, published) if e.event_type == "Explosions/Remote violence"]
    assert found and all(e.actor1 == shooter for e in found), pairs(found)


def test_the_army_that_speaks_in_eastern_libya_is_the_lna_as_a_source_too():
    found = events("أعلن الجيش الليبي اليوم القبض على قيادي في تنظيم داعش في مدينة درنة.", date(2018, 10, 8))
    assert found and all(e.attribution in (None, LNA) and "Military Forces of Libya" not in sides(e) for e in found), \
        [(e.actor1, e.actor2, e.attribution) for e in found]


@pytest.mark.parametrize("text, published, striker", [
    ("قصفت طائرات إسرائيلية مبنى في مدينة غزة اليوم وأصيب 18 مدنيا. وتأتي هذه الغارات بعد إطلاق صاروخ من غزة سقط "
     "قرب بئر السبع.", date(2018, 8, 9), "Military Forces of Israel"),
    ("قصف الطيران التركي قرية في ريف القامشلي اليوم وقتل مدنيان. وجاء القصف بعد إطلاق قذائف من مناطق سيطرة قوات "
     "سوريا الديمقراطية على بلدة نصيبين.", date(2022, 1, 23), "Military Forces of Turkey"),
])
def test_the_origin_of_another_act_told_after_the_strike_names_no_shooter_of_it(text, published, striker):
    found = [e for e in events(text, published) if e.sub_event_type == "Air/drone strike"]
    assert found and all(e.actor1 == striker for e in found), pairs(found)
