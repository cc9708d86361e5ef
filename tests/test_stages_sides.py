"""Who did what to whom: the sides of an event and the actors that are no side (the source of a
report, a supporter), each run on plain strings of our own wording (roles stage)."""
from __future__ import annotations

from datetime import date

import pytest

import marsad

SUNDAY = date(2022, 1, 23)


def events(text: str, published=SUNDAY):
    return marsad.extract(text, published=published)


def sides(event) -> set[str]:
    return {n for n in (event.actor1, event.actor2) if n}


# --------------------------------------------------------------------------- the source as a side

@pytest.mark.parametrize("text, source", [
    # a source preposition after the event
    ("سقطت أربع قذائف هاون اليوم على حي المنصور في بغداد، بحسب الجيش العراقي.", "Military Forces of Iraq"),
    ("قتل ثلاثة مدنيين اليوم في غارة جوية على مدينة أريحا بريف إدلب، وفق الجيش التركي.",
     "Military Forces of Turkey"),
    # a verb of saying whose content is the event
    ("قال الجيش السوري إن رجلين قتلا في غارة جوية على مدينة إدلب اليوم.", "Military Forces of Syria"),
    # (a force that strikes from the air stays the striker of a strike no other force is named for:
    # tests/test_stages.py, test_armed_men_killed_by_a_strike_are_no_civilians)
    ("قالت وزارة الدفاع الأمريكية إن غارة لطيران التحالف العربي قتلت خمسة مدنيين في مدينة صعدة أمس.",
     "Military Forces of the United States"),
])
def test_an_actor_that_only_reports_the_event_is_its_attribution_not_a_side(text, source):
    found = events(text)
    assert found, "no event"
    for e in found:
        assert source not in sides(e) and source not in e.assoc_actor_1 + e.assoc_actor_2, \
            (e.sub_event_type, e.actor1, e.actor2)
        assert e.attribution == source


def test_a_spokesman_speaks_for_his_actor_which_takes_no_part_in_the_attack_he_reports():
    found = events("قال المتحدث باسم قوات سوريا الديمقراطية إن قذائف هاون سقطت على بلدة الشحيل اليوم وقتلت "
                   "خمسة مدنيين.")
    assert found
    assert all("Syrian Democratic Forces" not in sides(e) for e in found), \
        [(e.actor1, e.actor2) for e in found]


@pytest.mark.parametrize("text, side", [
    # the speaker is the subject of its own content (أنه), or its men are hit (جنوده)
    ("أعلن الجيش العراقي أنه قصف مواقع داعش في قضاء الحويجة اليوم.", "Military Forces of Iraq"),
    ("قال الجيش اللبناني إن وحداته اشتبكت مع مسلحين في جرود عرسال اليوم.", "Military Forces of Lebanon"),
    ("ذكر المتحدث باسم الجيش العراقي أن قواته قتلت خمسة مسلحين في اشتباكات بقضاء الحويجة اليوم.",
     "Military Forces of Iraq"),
    # the same actor named again inside the report is a side there
    ("قصف الجيش العراقي اليوم مواقع لداعش في قضاء الحويجة، بحسب بيان للجيش العراقي.",
     "Military Forces of Iraq"),
])
def test_a_speaker_whose_statement_makes_it_the_agent_or_the_victim_stays_a_side(text, side):
    found = events(text)
    assert found and all(side in sides(e) for e in found), [(e.actor1, e.actor2) for e in found]


# --------------------------------------------------------------------------- a supporter as the main side

@pytest.mark.parametrize("text, side, supporter", [
    ("تمكنت قوات الجيش اليمني، بإسناد من طيران التحالف، من السيطرة على مدينة حيس اليوم.",
     "Military Forces of Yemen", "Military Forces of Saudi Arabia"),
    ("استعادت القوات العراقية بدعم من طيران التحالف الدولي السيطرة على قضاء الحويجة اليوم.",
     "Military Forces of Iraq", "Global Coalition against Daesh"),
])
def test_a_force_that_backs_the_side_that_takes_a_town_is_its_associate(text, side, supporter):
    found = events(text)
    assert len(found) == 1
    e = found[0]
    assert e.actor1 == side and supporter in e.assoc_actor_1, (e.actor1, e.actor2, e.assoc_actor_1)


@pytest.mark.parametrize("text", [
    "سيطرت المقاومة الشعبية والجيش اليمني على مدينة حيس اليوم بعد معارك مع الحوثيين.",
    "تمكن الجيش اليمني والمقاومة الشعبية، بإسناد من قوات التحالف، من السيطرة على مدينة حيس اليوم.",
])
def test_the_state_force_leads_the_allies_it_takes_a_town_with(text):
    found = events(text)
    assert len(found) == 1
    e = found[0]
    assert e.actor1 == "Military Forces of Yemen" and "Popular Resistance" in e.assoc_actor_1, \
        (e.actor1, e.actor2, e.assoc_actor_1)


# --------------------------------------------------------------------------- a named group missed

@pytest.mark.parametrize("text, group, other", [
    ("قتل ثمانية جنود صوماليين اليوم في هجوم نفذه مسلحون من حركة الشباب على قاعدة عسكرية في مدينة مقديشو.",
     "Al Shabaab", "Military Forces of Somalia"),
    ("هاجم مسلحون ينتمون إلى تنظيم داعش حاجزا للجيش العراقي في قضاء الطارمية اليوم وقتلوا جنديين.",
     "Islamic State", "Military Forces of Iraq"),
    ("قتل عشرة جنود في هجوم على قاعدة عسكرية في مدينة مقديشو اليوم، نفذه مسلحون معظمهم من الانتحاريين "
     "من حركة الشباب.", "Al Shabaab", "Military Forces of Somalia"),
])
def test_gunmen_said_to_belong_to_a_group_are_that_group(text, group, other):
    found = events(text)
    assert len(found) == 1
    assert sides(found[0]) == {group, other}, (found[0].actor1, found[0].actor2)


@pytest.mark.parametrize("text", [
    "فجر انتحاري من تنظيم داعش نفسه اليوم في سوق بمدينة الرمادي، ما أدى إلى مقتل سبعة مدنيين.",
    "قتل خمسة مدنيين اليوم بانفجار سيارة مفخخة في سوق بمدينة الرمادي، فجرها مسلحون ينتمون إلى تنظيم داعش.",
])
def test_a_bomber_said_to_belong_to_a_group_names_the_attacker(text):
    found = events(text)
    assert found and all(e.actor1 == "Islamic State" for e in found), [(e.sub_event_type, e.actor1) for e in found]


def test_unknown_gunmen_stay_unidentified_beside_the_force_they_attacked():
    found = events("هاجم مسلحون مجهولون حاجزا للجيش العراقي في قضاء الطارمية اليوم وقتلوا جنديين.")
    assert len(found) == 1
    assert sides(found[0]) == {"Unidentified Armed Group", "Military Forces of Iraq"}


def test_fighters_counted_dead_are_the_victims_not_the_attackers_of_their_group():
    found = events("اغتال مجهولون أربعة مقاتلين من الجيش الوطني في قرية شبيران بريف حلب اليوم.")
    assert found and all("Syrian National Army" in sides(e) for e in found), [(e.actor1, e.actor2) for e in found]


# --------------------------------------------------------------------------- the group after a weapon word

@pytest.mark.parametrize("text", [
    "قتل طفلان اليوم بقذائف المتمردين على مدينة محردة بريف حماة.",
    "قصف مقاتلو المعارضة اليوم مواقع لقوات النظام في بلدة اللطامنة بريف حماة.",
    "قتل أربعة مدنيين اليوم جراء قصف مسلحي المعارضة على حي الميدان في دمشق.",
])
def test_the_syrian_opposition_named_by_its_fighters_fired_the_shells(text):
    """The bare المعارضة is no alias: it is as often the political opposition (its spokesman, its
    negotiators), whose mention would become the source of every event of an article."""
    found = events(text)
    assert len(found) == 1 and found[0].actor1 == "Opposition Rebels", [(e.actor1, e.actor2) for e in found]


# --------------------------------------------------------------------------- a territory's own forces

@pytest.mark.parametrize("text, authority, state", [
    ("داهمت قوات الأمن التابعة لحركة حماس منزلا في مدينة غزة اليوم واعتقلت مشتبها به.",
     "Hamas Movement", "Military Forces of Palestine"),
    ("اعتقلت قوات الأمن التابعة للحوثيين في صنعاء اليوم خمسة صحفيين.", "Ansar Allah (the Houthis)", "Military Forces of Yemen"),
    ("داهمت شرطة حماس منزلا في خان يونس اليوم واعتقلت شابين.", "Hamas Movement", "Police Forces of Palestine"),
])
def test_the_police_of_a_non_state_authority_are_that_authority_not_the_state(text, authority, state):
    found = events(text)
    assert len(found) == 1
    e = found[0]
    assert e.actor1 == authority and state not in sides(e) and authority != e.actor2, (e.actor1, e.actor2)


def test_a_state_army_that_attacks_a_group_is_not_that_groups_force():
    found = events("هاجم الجيش حماس في غزة اليوم وقتل ثلاثة من عناصرها.")
    assert found and all(sides(e) == {"Military Forces of Israel", "Hamas Movement"} for e in found)


# --------------------------------------------------------------------------- generic armed groups

@pytest.mark.parametrize("text, state", [
    ("اندلعت اشتباكات عنيفة اليوم بين القوات الحكومية والجماعات المسلحة في مدينة سرت.", "Military Forces of Libya"),
    ("اندلعت اشتباكات بين الجيش العراقي والمجموعات المسلحة في قضاء الحويجة اليوم.", "Military Forces of Iraq"),
])
def test_armed_groups_told_with_the_article_are_an_unidentified_side(text, state):
    found = events(text)
    assert len(found) == 1 and sides(found[0]) == {state, "Unidentified Armed Group"}, \
        [(e.actor1, e.actor2) for e in found]


def test_the_armed_group_told_again_after_a_named_group_is_that_group():
    found = events("هاجم عناصر داعش اليوم قرية في قضاء الحويجة واشتبكت الجماعة المسلحة مع الجيش العراقي.")
    assert found and all(sides(e) == {"Islamic State", "Military Forces of Iraq"} for e in found)


# --------------------------------------------------------------------------- the enemy's positions

@pytest.mark.parametrize("text, side", [
    ("يواصل مسلحو داعش التحصن في جبال حمرين. وقصفت مدفعية الجيش العراقي اليوم مواقعهم في قضاء الحويجة.",
     "Islamic State"),
    ("صد الجيش اليمني اليوم هجوما لميليشيا الحوثي في مديرية حيس. وفي مديرية الخوخة قصفت مدفعية الجيش "
     "تجمعاتهم وآلياتهم.", "Ansar Allah (the Houthis)"),
])
def test_shelling_the_positions_a_pronoun_gives_to_the_enemy_is_against_that_enemy(text, side):
    shelling = [e for e in events(text) if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert len(shelling) == 1 and shelling[0].actor2 == side, [(e.actor1, e.actor2) for e in shelling]


def test_shelling_a_village_that_kills_civilians_stays_against_civilians():
    found = events("قصفت مدفعية الجيش العراقي اليوم قرية الزاب في قضاء الحويجة وقتلت مدنيين اثنين.")
    assert len(found) == 1 and found[0].actor2 == "Civilians"


# --------------------------------------------------------------------------- a territory's de facto authority

@pytest.mark.parametrize("text, ruler", [
    ("اعتقلت الأجهزة الأمنية اليوم ثلاثة أشخاص في مخيم جباليا.", "Hamas Movement"),
    ("اعتقلت الشرطة اليوم خمسة صحفيين في مدينة صنعاء.", "Ansar Allah (the Houthis)"),
])
def test_generic_police_in_a_territory_a_group_governs_are_that_groups(text, ruler):
    found = events(text)
    assert len(found) == 1 and found[0].actor1 == ruler, [(e.actor1, e.actor2) for e in found]


@pytest.mark.parametrize("text, published, state", [
    # the West Bank is no Hamas territory
    ("اعتقلت قوات الأمن اليوم خمسة شبان في مدينة رام الله.", SUNDAY, "Military Forces of Palestine"),
    # before the Houthis took Sanaa, its police were the state's
    ("اعتقلت الشرطة اليوم خمسة صحفيين في مدينة صنعاء.", date(2012, 5, 6), "Police Forces of Yemen"),
    # the army in such a territory is the state's own, fighting for it
    ("اندلعت اشتباكات بين الجيش وميليشيا الحوثي في مدينة صنعاء اليوم.", SUNDAY, "Military Forces of Yemen"),
])
def test_generic_police_elsewhere_or_before_the_takeover_stay_the_states(text, published, state):
    found = events(text, published)
    assert len(found) == 1 and found[0].actor1 == state, [(e.actor1, e.actor2) for e in found]


def test_an_authority_row_naming_an_unknown_actor_is_reported_with_its_line(tmp_path, monkeypatch):
    import marsad.kb as kb
    from marsad.actors import load_actor_kb
    from marsad.errors import KnowledgeBaseError
    from marsad.stages import roles
    load_actor_kb()  # the actors are read from the real files, before the data directory moves
    (tmp_path / "authorities.tsv").write_text(
        "country\tadmin1\tactor\tvalid_from\tvalid_to\nPS\tGaza Strip\tHamas Movement\t2007-06-15\t\n"
        "YE\tSadah\tHouthi Movement\t2011-03-24\t\n", encoding="utf-8")
    monkeypatch.setattr(kb, "DATA_DIR", tmp_path)
    kb.load_table.cache_clear()
    roles.de_facto_authorities.cache_clear()
    try:
        with pytest.raises(KnowledgeBaseError) as err:
            roles.de_facto_authorities()
        assert "authorities.tsv:3" in str(err.value) and "Houthi Movement" in str(err.value)
    finally:
        monkeypatch.undo()
        kb.load_table.cache_clear()
        roles.de_facto_authorities.cache_clear()


def test_every_authority_row_names_a_known_actor_and_valid_dates():
    from marsad.stages.roles import de_facto_authorities
    rows = de_facto_authorities()
    assert ("PS", "Gaza Strip") in rows
    assert all(start and (end is None or end > start) for spans in rows.values() for _, start, end in spans)


# --------------------------------------------------------------------------- no side from nowhere

def test_the_people_an_arrest_takes_are_not_a_group_named_elsewhere_in_the_article():
    found = events("قتل جنديان من الجيش العراقي في هجوم لداعش على قرية في قضاء الحويجة اليوم. وفي بغداد اعتقلت "
                   "قوات الأمن اليوم خمسة أشخاص في حي الكرادة.")
    arrests = [e for e in found if e.sub_event_type == "Arrests"]
    assert len(arrests) == 1 and arrests[0].actor2 == "Civilians", [(e.actor1, e.actor2) for e in arrests]


def test_members_of_a_group_arrested_in_the_arrests_sentence_are_that_group():
    found = events("اعتقلت قوات الأمن العراقية اليوم خمسة من عناصر داعش في حي الكرادة ببغداد.")
    assert len(found) == 1 and sides(found[0]) == {"Military Forces of Iraq", "Islamic State"}


def test_a_security_man_killed_in_gaza_is_of_the_ruling_groups_forces():
    found = events("قتل عنصر أمن اليوم في تبادل لإطلاق النار مع مسلحين مطلوبين في مدينة خان يونس.")
    assert len(found) == 1 and sides(found[0]) == {"Hamas Movement", "Unidentified Armed Group"}, \
        [(e.actor1, e.actor2) for e in found]


def test_an_arrest_by_no_named_force_is_the_states_never_the_arrested_as_the_actor():
    found = events("طعن رجل شرطيا في مدينة البصرة اليوم، وتم القبض على الجاني بعد مطاردة.")
    arrests = [e for e in found if e.sub_event_type == "Arrests"]
    assert arrests and all(e.actor1 in ("Police Forces of Iraq", "Military Forces of Iraq") for e in arrests), \
        [(e.actor1, e.actor2) for e in arrests]
