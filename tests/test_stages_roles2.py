"""Who says so, and the names of the sides (actors and attribution), each run on plain strings of
our own wording: the speaker of the statement that holds an event, the source an outlet quotes, the
unnamed sources of a report, the news agencies and services of the region, canonical names."""
from __future__ import annotations

from datetime import date

import pytest

import marsad
from marsad.actors import find_actors, find_attributions
from marsad.arabic.tokenise import make_doc
from marsad.kb import load_table

SUNDAY = date(2022, 1, 23)


def events(text: str, published=SUNDAY):
    return marsad.extract(text, published=published)


def sides(event) -> set[str]:
    return {n for n in (event.actor1, event.actor2) if n}


def attributions(text: str, countries=("SY",)) -> list[str]:
    doc = make_doc(text)
    return [a.name for a in find_attributions(doc, find_actors(doc, list(countries)))]


# --------------------------------------------------------------------------- the speaker ends where the content opens

@pytest.mark.parametrize("text, source", [
    ("وقال مصدر عسكري إن الجيش العراقي قصف مواقع لتنظيم داعش في قضاء الحويجة اليوم، ما أدى إلى مقتل خمسة "
     "مسلحين.", "military source"),
    ("أفادت مصادر طبية بأن الطيران الروسي شن غارات على بلدة كفرنبل بريف إدلب اليوم وقتل ثلاثة مدنيين.",
     "medical sources"),
    ("ذكرت مصادر محلية أن قوات الدعم السريع قصفت حي الدرجة الأولى في مدينة الفاشر اليوم، ما أسفر عن مقتل "
     "سبعة مدنيين.", "local sources"),
    ("قال ناشطون إن قوات النظام قصفت بلدة كفرنبودة بريف حماة اليوم وقتلت مدنيين اثنين.", "Activists"),
])
def test_an_actor_inside_the_reported_content_is_no_speaker(text, source):
    found = events(text)
    assert found, "no event"
    assert all(e.attribution == source for e in found), [(e.attribution, e.actor1) for e in found]


@pytest.mark.parametrize("text, source", [
    ("وقالت وسائل إعلام لبنانية إن الجيش الإسرائيلي قصف بلدة عيتا الشعب اليوم.", "Lebanese media"),
    ("أفادت مصادر طبية سودانية، اليوم، بأن قوات الدعم السريع قصفت سوقاً في مدينة الفاشر.",
     "Sudanese medical sources"),
    ("قالت مصادر أمنية عراقية إن مسلحين هاجموا نقطة تفتيش في قضاء طوزخورماتو.", "Iraqi security sources"),
])
def test_an_unnamed_source_takes_the_nationality_the_text_gives_it(text, source):
    assert attributions(text) == [source]


@pytest.mark.parametrize("text, source", [
    # the outlet a statement was told to is no speaker
    ("وقالت مصادر عسكرية للجزيرة إن الطيران قصف مواقع في جنوب الخرطوم.", "military sources"),
    ("وأفادت مصادر محلية \"للجزيرة نت\" بأن الحصيلة بلغت عشرة قتلى.", "local sources"),
    ("وقال مصدر أمني لوكالة الأناضول إن انفجاراً وقع في بلدة الرقة.", "security source"),
])
def test_the_outlet_a_statement_is_told_to_is_not_its_speaker(text, source):
    assert attributions(text) == [source]


# --------------------------------------------------------------------------- an outlet that quotes a source

@pytest.mark.parametrize("text, source", [
    # a named source quoted: the source
    ("ونقلت وكالة الأنباء العراقية، مساء اليوم، عن وزارة الداخلية العراقية أن مسلحين قتلوا شرطياً.",
     "Ministry of Interior of Iraq"),
    ("أفادت قناة الميادين نقلاً عن الوكالة الوطنية للإعلام بأن غارة استهدفت بلدة الخيام.", "National News Agency"),
    # an unnamed source quoted: the outlet
    ("وأفادت وكالة سانا نقلاً عن مصدر أمني بأن مسلحين قصفوا بلدة عرى بقذائف الهاون.", "SANA"),
    ("ونقلت وكالة الأناضول عن مصادر محلية أن غارة قتلت أربعة أشخاص.", "Anadolu Agency"),
])
def test_an_outlet_that_quotes_a_named_source_gives_way_to_it_never_to_an_unnamed_one(text, source):
    assert attributions(text) == [source]


@pytest.mark.parametrize("text, source", [
    ("غزة 5-3-2024 وفا- أفادت مصادر محلية بأن طائرات الاحتلال قصفت منزلاً في مخيم النصيرات.", "WAFA"),
    ("دمشق - سانا - قال مصدر عسكري إن وحدات الجيش تصدت لهجوم في ريف حماة.", "SANA"),
    ("أنقرة (الأناضول) - قالت مصادر أمنية إن مسيرة قصفت موقعاً في جبال قنديل.", "Anadolu Agency"),
])
def test_the_agency_of_the_dateline_tells_what_its_unnamed_sources_said(text, source):
    assert attributions(text) == [source]


@pytest.mark.parametrize("text", [
    "قتل أربعة مدنيين اليوم في قصف على بلدة كفرنبل، وفق ما أفاد المرصد السوري لحقوق الإنسان. واستهدفت قوات "
    "النظام، وفق المصدر ذاته، بالبراميل المتفجرة قرية حزارين وقتلت مدنيين اثنين.",
    "قتل أربعة مدنيين اليوم في قصف على بلدة كفرنبل، بحسب المرصد السوري لحقوق الإنسان. وقصفت قوات النظام، "
    "بحسب المصدر نفسه، قرية حزارين وقتلت مدنيين اثنين.",
])
def test_the_same_source_named_again_is_the_source_told_before_not_the_actor_before_it(text):
    found = [e for e in events(text) if "Military Forces of Syria" in sides(e)]
    assert found, "no event of the Syrian forces"
    assert all(e.attribution == "Syrian Observatory for Human Rights" for e in found), \
        [(e.location, e.attribution) for e in found]


# --------------------------------------------------------------------------- the statement that holds the event

@pytest.mark.parametrize("text, first, second", [
    ("قال المرصد السوري لحقوق الإنسان إن ثلاثة مدنيين قتلوا اليوم في قصف على بلدة كفرنبل. وقال الدفاع "
     "المدني إن غارة جوية قتلت مدنيين اثنين في قرية حزارين.",
     "Syrian Observatory for Human Rights", "Syrian Civil Defence"),
    ("أفادت الوكالة الوطنية للإعلام بأن غارة إسرائيلية قتلت شخصين في بلدة الخيام اليوم. وذكرت قناة الميادين "
     "أن قصفاً مدفعياً قتل ثلاثة في بلدة كفركلا.", "National News Agency", "Al Mayadeen"),
])
def test_each_event_takes_the_speaker_of_its_own_statement(text, first, second):
    found = sorted(events(text), key=lambda e: e.evidence["fatalities"][0]["start"])
    assert [e.attribution for e in found] == [first, second], [(e.location, e.attribution) for e in found]


@pytest.mark.parametrize("text, source", [
    ("وقال مصدر أمني في محافظة الأنبار إن مسلحين هاجموا نقطة تفتيش في قضاء هيت اليوم وقتلوا جنديين.",
     "security source (Anbar)"),
    ("هاجم مسلحون اليوم حاجزاً أمنياً في مديرية لودر بمحافظة أبين. وقال مصدر أمني في المحافظة إن جنديين "
     "قتلا في الهجوم.", "security source (Abyan)"),
])
def test_an_unnamed_source_is_told_with_the_place_it_speaks_from(text, source):
    found = events(text)
    assert found and all(e.attribution == source for e in found), [(e.location, e.attribution) for e in found]


# --------------------------------------------------------------------------- the knowledge base

def test_every_source_has_a_known_kind_and_no_alias_twice():
    seen = {}
    for row in load_table("sources.tsv", required=("canonical", "kind")):
        assert row["kind"] in ("outlet", "body", "unnamed"), row
        for alias in (row.get("aliases_ar") or "").split("|"):
            assert alias not in seen, (alias, row["canonical"], seen.get(alias))
            seen[alias] = row["canonical"]


def test_a_source_of_an_unknown_kind_is_an_error_with_its_file_and_line(tmp_path, monkeypatch):
    from marsad import actors, kb
    from marsad.errors import KnowledgeBaseError
    (tmp_path / "sources.tsv").write_text("canonical\tkind\taliases_ar\taliases_en\nX\tnewspaper\tس\tX\n",
                                          encoding="utf-8")
    monkeypatch.setattr(kb, "DATA_DIR", tmp_path)
    kb.load_table.cache_clear()
    actors._source_kinds.cache_clear()
    try:
        with pytest.raises(KnowledgeBaseError) as err:
            actors._source_kinds()
        assert "sources.tsv:2" in str(err.value)
    finally:
        monkeypatch.undo()
        kb.load_table.cache_clear()
        actors._source_kinds.cache_clear()


# --------------------------------------------------------------------------- canonical names and their periods

def actor_names(text: str, countries=("YE",), published=None) -> list[str]:
    doc = make_doc(text)
    return [m.actor for m in find_actors(doc, list(countries), published)]


@pytest.mark.parametrize("text", [
    "قتل ثلاثة جنود من قوات الحزام الأمني في هجوم لتنظيم القاعدة على نقطة في مديرية مودية.",
    "اندلعت اشتباكات بين الحزام الأمني ومسلحين قبليين في مدينة عدن.",
    "نصبت قوة الحزام الأمني نقطة تفتيش جديدة في مديرية المحفد.",
])
def test_the_security_belt_is_its_own_force_beside_the_southern_council(text):
    assert "Security Belt Forces" in actor_names(text, published=date(2019, 5, 1))
    assert "Southern Transitional Council" not in actor_names(text, published=date(2019, 5, 1))


@pytest.mark.parametrize("text", [
    "قصفت قوات صالح أحياء في مدينة تعز.",
    "اشتبكت المقاومة الشعبية مع ميليشيات الحوثي وقوات المخلوع صالح في جبهة نهم.",
    "شن طيران التحالف غارات على تجمعات للحوثيين والقوات الموالية لصالح في مديرية صرواح.",
])
def test_saleh_loyalists_are_named_only_while_they_fought_under_that_name(text):
    assert "Saleh Loyalists" in actor_names(text, published=date(2016, 3, 1))
    assert "Saleh Loyalists" in actor_names(text)  # no date: the name may hold
    assert "Saleh Loyalists" not in actor_names(text, published=date(2019, 3, 1))


def test_the_houthis_carry_the_name_the_gold_sets_write():
    assert actor_names("قصفت ميليشيا الحوثي حي الجحملية في مدينة تعز.") == ["Ansar Allah (the Houthis)"]


@pytest.mark.parametrize("text, actor", [
    ("اشتبك مقاتلو فيلق الرحمن مع قوات النظام على جبهة عين ترما.", "Faylaq al-Rahman"),
    ("قصفت الطائرات الفرنسية مواقع للتنظيم قرب مدينة هجين.", "Military Forces of France"),
])
def test_groups_of_the_region_are_known_by_their_names(text, actor):
    assert actor in actor_names(text, countries=("SY",))


def test_the_houthis_and_saleh_loyalists_fight_on_one_side():
    found = events("اندلعت اليوم معارك عنيفة بين قوات الجيش اليمني من جهة وميليشيات الحوثي وقوات المخلوع صالح "
                   "من جهة أخرى في مديرية نهم شرق صنعاء، قتل فيها عشرة من الحوثيين.", published=date(2016, 3, 6))
    assert found
    e = found[0]
    slots = {e.actor1: e.assoc_actor_1, e.actor2: e.assoc_actor_2}
    assert "Ansar Allah (the Houthis)" in slots and slots["Ansar Allah (the Houthis)"] == ["Saleh Loyalists"], \
        (e.actor1, e.assoc_actor_1, e.actor2, e.assoc_actor_2)


# --------------------------------------------------------------------------- victims' kind from their nouns

@pytest.mark.parametrize("text, police", [
    ("سقطت قذيفة صاروخية اليوم على مقر للشرطة في بلدة الضلوعية، ما أدى إلى مقتل شرطيين اثنين.",
     "Police Forces of Iraq"),
    ("قتل شرطي وأصيب اثنان آخران اليوم في هجوم مسلح على نقطة في ناحية الرشاد جنوب كركوك.", "Police Forces of Iraq"),
    ("انفجرت عبوة ناسفة اليوم بسيارة في حي الأندلس بمدينة الموصل، ما أسفر عن مقتل ثلاثة من عناصر الشرطة.",
     "Police Forces of Iraq"),
])
def test_policemen_killed_make_the_police_the_target_never_the_attacker(text, police):
    found = events(text)
    assert found, "no event"
    for e in found:
        assert e.actor2 == police and e.actor1 != police and police not in e.assoc_actor_1 + e.assoc_actor_2, \
            (e.sub_event_type, e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2)


@pytest.mark.parametrize("text, force", [
    ("قصفت مجموعات مسلحة بقذائف الهاون اليوم قرية عريقة بريف السويداء، ما أسفر عن إصابة جنديين من الجيش السوري.",
     "Military Forces of Syria"),
    ("سقطت قذيفة هاون اليوم على حاجز في ناحية العظيم، ما أدى إلى جرح ثلاثة جنود.", "Military Forces of Iraq"),
    ("استهدف مسلحون مجهولون بقذائف الهاون اليوم ناحية العظيم بمحافظة ديالى، ما أدى إلى إصابة عنصرين من قوات الشرطة.",
     "Police Forces of Iraq"),
])
def test_a_strike_that_wounded_only_soldiers_or_police_is_against_their_force_not_civilians(text, force):
    found = events(text, published=date(2022, 1, 23))
    assert found, "no event"
    assert all(force in sides(e) and "Civilians" not in sides(e) for e in found), \
        [(e.location, e.actor1, e.actor2) for e in found]


def test_a_strike_that_wounded_soldiers_and_a_child_keeps_the_civilians():
    found = events("قصفت مجموعات مسلحة بقذائف الهاون اليوم قرية عريقة بريف السويداء، ما أسفر عن إصابة جنديين وطفل.")
    assert found and all("Civilians" in sides(e) for e in found)


# --------------------------------------------------------------------------- the named unit, not the generic word

@pytest.mark.parametrize("text, unit", [
    ("اعتقلت قوات الأمن العراقية اليوم خمسة عناصر من داعش في حي الزنجيلي بالموصل. وقال العقيد أحمد الحمداني من "
     "قيادة عمليات نينوى إن شرطة نينوى اعتقلت المسلحين في حي الزنجيلي.", "Police Forces of Iraq"),
    ("اعتقلت قوات الأمن اليوم ثلاثة مطلوبين في حي الواسطي بمدينة كركوك، وأوضح مصدر أن الشرطة الاتحادية نفذت "
     "الاعتقال في حي الواسطي.", "Police Forces of Iraq"),
])
def test_an_arrest_by_a_named_unit_is_the_unit_s_and_the_generic_word_adds_no_ally(text, unit):
    found = [e for e in events(text) if e.sub_event_type == "Arrests"]
    assert found
    for e in found:
        assert e.actor1 == unit and e.assoc_actor_1 == [], (e.actor1, e.assoc_actor_1, e.actor2)


@pytest.mark.parametrize("text, source", [
    ("وقال العميد الركن محمد علي الجبوري من قيادة عمليات نينوى إن مسلحين هاجموا نقطة تفتيش في قضاء تلعفر.",
     "Military Forces of Iraq"),
    ("وقال المقدم سامي خالد الأحمد من الشرطة الاتحادية إن عبوة ناسفة انفجرت في حي الميدان.", "Police Forces of Iraq"),
    ("وأوضح مدير ناحية سنوني خديدا جوكي إن طائرة مسيرة قصفت منزلاً.", None),
])
def test_a_speaker_told_by_rank_and_name_speaks_for_his_unit(text, source):
    assert attributions(text, countries=("IQ",)) == ([source] if source else [])


# --------------------------------------------------------------------------- two forces' strikes

@pytest.mark.parametrize("text, first, second", [
    ("تعرضت بلدة طفس بريف درعا اليوم للغارات الجوية السورية والروسية التي أسفرت عن مقتل خمسة مدنيين.",
     "Military Forces of Syria", "Military Forces of Russia"),
    ("قتل أربعة مدنيين اليوم في الغارات الجوية الروسية والسورية على بلدة كفرنبل بريف إدلب.",
     "Military Forces of Russia", "Military Forces of Syria"),
    ("استهدف القصف الجوي الإسرائيلي والأمريكي اليوم مواقع في مدينة البوكمال.",
     "Military Forces of Israel", "Military Forces of the United States"),
])
def test_a_second_nationality_joined_to_the_striker_s_names_a_second_striker(text, first, second):
    doc = make_doc(text)
    found = [m.actor for m in find_actors(doc, ["SY"]) if m.actor != "Civilians"]
    assert found[:2] == [first, second], found


def test_strikes_of_two_allied_forces_make_the_second_an_associated_actor():
    found = events("تعرضت بلدة طفس بريف درعا اليوم للغارات الجوية السورية والروسية التي أسفرت عن مقتل خمسة مدنيين.",
                   published=date(2018, 7, 1))
    assert found
    e = found[0]
    assert (e.actor1, e.assoc_actor_1, e.actor2) == ("Military Forces of Syria", ["Military Forces of Russia"],
                                                    "Civilians"), (e.actor1, e.assoc_actor_1, e.actor2)


def test_a_nationality_joined_to_people_s_trade_names_no_striker():
    doc = make_doc("وصل خبيرا صواريخ إيراني ولبناني إلى المدينة.")
    assert find_actors(doc, ["SY"]) == []


@pytest.mark.parametrize("text", [
    "وقال الوزير إن المنظومة سيتم نقلها قريباً إلى حزب الله.",
    "نقلت سيارات الإسعاف الجرحى إلى مستشفى الدفاع المدني في المدينة.",
    "ونقل الجيش السوري تعزيزات إلى ريف حماة الشمالي.",
])
def test_a_verb_of_carrying_names_no_source(text):
    assert attributions(text) == []


@pytest.mark.parametrize("text", [
    "قتل شرطي اليوم في هجوم بسكين على دورية في مدينة حمص، وأصيب اثنان من رجال الأمن قبل أن تعتقل "
    "الجهات الأمنية الجاني.",
    "قتل شرطيان اليوم في اشتباك مع مسلح في مدينة درعا، وأصيب جندي من الجيش السوري في الاشتباك.",
])
def test_a_state_s_police_and_army_are_never_two_sides(text):
    found = events(text)
    assert found
    for e in found:
        assert not (e.actor1 and e.actor2 and e.actor1.endswith("of Syria") and e.actor2.endswith("of Syria")), \
            (e.sub_event_type, e.actor1, e.actor2)


@pytest.mark.parametrize("text", [
    "أعلنت وزارة الداخلية مقتل الشرطي خالد العتيبي في هجوم بسكين في محافظة الطائف، وقالت إن الجهات الأمنية "
    "حاصرت الجاني الذي أطلق النار على رجال الأمن ثم تم القبض عليه.",
    "قتل شرطي اليوم في هجوم مسلح على دورية في مدينة إربد، وأصيب جندي، واعتقلت قوات الأمن المهاجم.",
])
def test_the_police_and_army_of_a_state_the_knowledge_base_names_only_by_template_are_one_side(text):
    for e in events(text, published=date(2018, 6, 1)):
        assert not (e.actor1 and e.actor2 and e.actor1.split(" of ")[-1] == e.actor2.split(" of ")[-1]
                    and "Forces of" in e.actor1 and "Forces of" in e.actor2), (e.sub_event_type, e.actor1, e.actor2)


# --------------------------------------------------------------------------- people at a force's position

@pytest.mark.parametrize("text, force", [
    ("استهدفت مسيرة تركية اليوم مقراً لمقاتلي يبشة في قرية خانصور التابعة لقضاء سنجار وقتلت ثلاثة أشخاص.",
     "Sinjar Resistance Units"),
    ("قصفت طائرات التحالف اليوم موقعاً لميليشيا الحوثي في مديرية حيس، ما أسفر عن مقتل خمسة أشخاص.",
     "Ansar Allah (the Houthis)"),
    ("شن الطيران الإسرائيلي اليوم غارة على مقر لحركة حماس في مدينة رفح، ما أدى إلى مقتل شخصين.",
     "Hamas Movement"),
])
def test_people_killed_at_a_named_force_s_position_are_that_force_s_not_civilians(text, force):
    found = events(text)
    assert found and all(e.actor2 == force for e in found), [(e.actor1, e.actor2) for e in found]


@pytest.mark.parametrize("text", [
    "شن الطيران الإسرائيلي غارة على مقر لحركة حماس في مدينة رفح اليوم، ما أدى إلى مقتل أربعة أشخاص بينهم طفلان.",
    "قصفت طائرة مسيرة اليوم سيارة في مدينة الفاشر، ما أدى إلى مقتل ثلاثة أشخاص.",
])
def test_people_with_children_among_them_or_hit_at_no_force_s_position_stay_civilians(text):
    found = events(text)
    assert found and all(e.actor2 == "Civilians" for e in found), [(e.actor1, e.actor2) for e in found]
