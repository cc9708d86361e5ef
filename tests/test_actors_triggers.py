"""Actor and trigger matching with clitics, back-references, scopes, negation and modality."""
from marsad.actors import find_actors, find_attributions
from marsad.arabic.tokenise import make_doc
from marsad.triggers import find_triggers


def actors(text, countries=("SY",)):
    return [m.actor for m in find_actors(make_doc(text), list(countries))]


def test_actor_aliases_match_with_clitics_attached():
    assert actors("ردت وقوات سوريا الديمقراطية على هجوم لداعش") == ["Syrian Democratic Forces", "Islamic State"]
    assert actors("قصفت بالطيران الروسي مواقع للحشد الشعبي", ["IQ"]) == [
        "Military Forces of Russia", "Popular Mobilization Forces"]


def test_back_reference_counts_only_after_the_actor_was_named():
    assert actors("خلايا التنظيم هاجمت حاجزا") == []
    assert actors("هاجم داعش حاجزا ثم انسحب عناصر التنظيم") == ["Islamic State", "Islamic State"]


def test_generic_army_resolves_by_country():
    assert actors("قصف الجيش مواقع المسلحين", ["IQ"])[0] == "Military Forces of Iraq"
    assert actors("قصف الجيش مواقع المسلحين", ["SY"])[0] == "Military Forces of Syria"


def test_scoped_alias_depends_on_the_country():
    assert actors("اعتقلت قوى الأمن الداخلي شخصين", ["SY"]) == ["Asayish"]
    assert actors("اعتقلت قوى الأمن الداخلي شخصين", ["LB"]) == ["Police Forces of Lebanon"]


def test_nationality_adjective_names_the_attacker_only_after_a_weapon_noun():
    assert actors("قتل تسعة في قصف جوي روسي على القرية") == ["Military Forces of Russia"]
    assert "Military Forces of Russia" not in actors("المدينة القريبة من قاعدة جوية روسية")


def test_attribution_after_a_cue_word():
    doc = make_doc("أسفرت المعارك وبحسب قسد عن مقتل عشرة")
    found = find_attributions(doc, find_actors(doc, ["SY"]))
    assert [a.name for a in found] == ["Syrian Democratic Forces"]
    doc = make_doc("قتل مدنيان وفق ما أفاد المرصد السوري لحقوق الإنسان")
    assert [a.name for a in find_attributions(doc, find_actors(doc, ["SY"]))] == ["Syrian Observatory for Human Rights"]


def statuses(text):
    return [(h.mention.sub_event_type, h.status) for h in find_triggers(make_doc(text))]


def test_triggers_match_with_clitics():
    assert statuses("قتل ثلاثة بقصف مدفعي") == [("Shelling/artillery/missile attack", "event")]
    assert statuses("وشنت الطائرات غارات جوية") == [("Air/drone strike", "event")]
    assert statuses("والاشتباكات مستمرة") == [("Armed clash", "event")]


def test_negation_threat_and_future_do_not_make_events():
    assert statuses("نفى الجيش قصف البلدة")[0][1] == "negated"
    assert statuses("هدد الجيش بقصف البلدة")[0][1] == "modal"
    assert statuses("قد يشن الطيران غارات على المدينة")[0][1] == "modal"
    assert statuses("يعتزم التنظيم تنفيذ هجوم انتحاري")[0][1] == "modal"


def test_qad_with_a_perfect_verb_is_not_modality():
    assert statuses("وكانت الطائرات قد شنت غارات على البلدة")[0][1] == "event"


def test_background_and_subordinate_clauses_do_not_make_events():
    assert statuses("يذكر أن المدينة شهدت اشتباكات عنيفة")[0][1] == "background"
    assert statuses("وفي وقت سابق، سيطرت القوات على البلدة")[0][1] == "background"
    assert statuses("قتل أربعة في وقت سابق من اليوم في هجوم انتحاري")[0][1] == "event"
    assert statuses("سيطرت القوات على القرى بعد اشتباكات مع الفصائل")[-1][1] == "subordinate"


def test_generic_statements_do_not_make_events():
    assert statuses("ازدادت عمليات الاغتيال في المنطقة")[0][1] == "generic"


def test_gunmen_of_a_named_group_are_that_group():
    assert actors("اشتباكات مع مسلحي تنظيم داعش في الحي") == ["Islamic State"]
    assert actors("هاجم مسلحون مجهولون حاجزا") == ["Unidentified Armed Group"]


def test_battlefields_as_a_figure_of_speech_make_no_event():
    assert statuses("في تطور جديد على ساحات القتال، وصل رتل عسكري")[0][1] == "generic"
    assert statuses("دار قتال عنيف في المدينة")[0][1] == "event"
