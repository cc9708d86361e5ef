"""Place mentions and their roles in a sentence (marsad.geo.places.analyse_places).

Every sentence here is written for these tests; none comes from the shared
reference article, the dev gold or the datasets.
"""
import pytest

from marsad.arabic.tokenise import make_doc
from marsad.geo.places import analyse_places


def mentions(text):
    return analyse_places(make_doc(text)).mentions


def mention(text, surface):
    """The single mention whose text contains ``surface``."""
    found = [m for m in mentions(text) if surface in m.text]
    assert len(found) == 1, f"expected one mention of {surface!r}, got {[m.text for m in mentions(text)]}"
    return found[0]


def event_places(text):
    return [m for m in mentions(text) if m.role == "event"]


# --- routes, origins, destinations -------------------------------------------------------------

def test_place_after_abr_is_a_route_and_the_arrival_village_the_event():
    text = "تسلل مسلحون عبر بلدة الهول إلى قرية تل حميس."
    assert mention(text, "الهول").role == "route"
    hamis = mention(text, "تل حميس")
    assert hamis.role == "event"
    assert hamis.place is not None and hamis.place.name == "Tall Hamis"


def test_road_through_a_town_is_a_route_not_the_event_place():
    text = "قُتل سائق في كمين على طريق يمر عبر مدينة الطبقة."
    assert mention(text, "الطبقة").role == "route"
    assert event_places(text) == []


def test_attackers_coming_from_a_town_give_an_origin():
    text = "هاجم مسلحون قادمون من مدينة البوكمال حاجزاً للجيش."
    m = mention(text, "البوكمال")
    assert m.role == "origin"
    assert m.place.name == "Abu Kamal"


def test_town_rockets_were_fired_from_is_an_origin():
    text = "سقطت قذائف على بلدة بنش، وقد أُطلقت من مدينة سراقب."
    assert mention(text, "بنش").role == "event"
    assert mention(text, "سراقب").role == "origin"


def test_town_the_rockets_were_fired_from_is_an_origin_with_the_object_between():
    text = "قُتل ثلاثة مدنيين في قصف صاروخي على بلدة سرمين، وأُطلقت الصواريخ من مدينة سراقب."
    assert mention(text, "سرمين").role == "event"
    assert mention(text, "سراقب").role == "origin"


def test_attacked_town_after_an_origin_phrase_stays_the_event_place():
    text = "هاجم مسلحون قادمون من مدينة البوكمال حاجزاً في بلدة الصالحية."
    assert mention(text, "البوكمال").role == "origin"
    salihiyah = mention(text, "الصالحية")
    assert salihiyah.role == "event"


def test_attackers_position_is_an_origin_not_the_event_place():
    text = "قصف عنيف من قوات النظام المتمركزة في مدينة سراقب استهدف بلدة آفس."
    assert mention(text, "سراقب").role == "origin"
    assert mention(text, "آفس").role == "event"


def test_town_shelled_from_the_attackers_positions_elsewhere():
    text = "قصفت قوات النظام من مواقعها في مدينة سراقب بلدة آفس."
    assert mention(text, "سراقب").role == "origin"
    assert mention(text, "آفس").role == "event"


def test_hospital_town_the_wounded_were_taken_to_is_a_destination():
    text = "قتل مدنيان في بلدة تفتناز، ونُقل المصابون إلى مشفى مدينة إدلب."
    assert mention(text, "تفتناز").role == "event"
    idlib = mention(text, "إدلب")
    assert idlib.role == "destination"
    assert idlib.place.name == "Idlib"


# --- references ----------------------------------------------------------------------------------

def test_distance_reference_is_not_the_event_place_but_keeps_its_direction():
    text = "وقع الانفجار على بعد 20 كم شمال مدينة الرقة."
    raqqa = mention(text, "الرقة")
    assert raqqa.role == "reference"
    assert raqqa.relation == "north"


def test_town_located_by_kilometres_from_a_city_is_the_event_and_the_city_a_reference():
    text = "سقطت قذيفة على بلدة الكسرة على بعد 30 كيلومترا غرب دير الزور."
    assert mention(text, "الكسرة").role == "event"
    deir = mention(text, "دير الزور")
    assert deir.role == "reference"
    assert deir.relation == "west"


def test_neighbouring_country_after_border_phrase_is_a_reference():
    text = "انفجرت عبوة ناسفة في بلدة نصيب الحدودية مع الأردن."
    assert mention(text, "نصيب").role == "event"
    jordan = mention(text, "الأردن")
    assert jordan.role == "reference"
    assert jordan.place.kind == "country"


def test_reporters_seat_is_a_reference():
    text = "قال مراسلنا في الموصل إن انفجاراً وقع في حي الزنجيلي."
    assert mention(text, "الموصل").role == "reference"
    assert mention(text, "الزنجيلي").role == "event"


def test_ends_of_a_road_are_references():
    text = "استهدف هجوم حاجزاً على الطريق بين حمص وتدمر."
    roles = {m.text: m.role for m in mentions(text)}
    assert roles == {"حمص": "reference", "وتدمر": "reference"}


def test_dateline_of_a_short_first_line_is_not_an_event_place():
    text = "الرقة – وكالة الأنباء\n\nقتل عنصر من قسد في هجوم على بلدة الكرامة."
    assert mention(text, "الرقة").role == "dateline"
    assert mention(text, "الكرامة").role == "event"


def test_city_after_governorate_building_is_the_event_place():
    text = "نظم محتجون وقفة احتجاجية أمام مبنى المحافظة في مدينة البصرة اليوم."
    assert mention(text, "البصرة").role == "event"


# --- countries and containers ------------------------------------------------------------------

def test_country_alone_is_never_an_event_place():
    text = "قتل مدني في العراق برصاص مسلحين مجهولين."
    iraq = mention(text, "العراق")
    assert iraq.place.kind == "country"
    assert iraq.role == "country"
    assert event_places(text) == []


def test_country_after_a_town_only_locates_the_town():
    text = "قصفت الطائرات الروسية مدينة معرة النعمان في سوريا."
    assert mention(text, "سوريا").role != "event"
    assert mention(text, "معرة النعمان").role == "event"
    assert mention("قصفت الطائرات الروسية مواقع في سوريا.", "سوريا").role == "country"


def test_governorate_after_fi_is_a_container_of_the_village():
    ms = mentions("هاجم مسلحون قرية الزهيرية في محافظة ديالى.")
    assert [m.text for m in ms] == ["الزهيرية", "محافظة ديالى"]
    village, diyala = ms
    assert village.role == "event"
    assert diyala.role == "container"
    assert diyala.place.kind == "admin1"
    assert village.anchor is diyala


def test_town_south_of_a_city_makes_the_city_a_container():
    text = "قتل عنصران من قسد في هجوم على حاجز في بلدة الشدادي جنوب الحسكة."
    assert mention(text, "الشدادي").role == "event"
    assert mention(text, "الحسكة").role == "container"


def test_capital_after_fi_is_an_event_place():
    text = "انفجرت سيارة مفخخة في بغداد."
    baghdad = mention(text, "بغداد")
    assert baghdad.role == "event"
    assert baghdad.place.name == "Baghdad"


def test_damascus_after_fi_is_an_event_place_and_north_of_baghdad_a_relation():
    damascus = mention("قتل مدنيان بانفجار عبوة ناسفة في دمشق.", "دمشق")
    assert damascus.role == "event"
    assert damascus.place.name == "Damascus"
    baghdad = mention("قُتل جندي في هجوم شمال بغداد.", "بغداد")
    assert baghdad.relation == "north"
    assert baghdad.place.name == "Baghdad"


def test_capital_as_subject_of_a_statement_is_not_an_event_place():
    text = "أعلنت أنقرة أن قواتها قصفت قرية تل رفعت."
    assert [m.text for m in event_places(text)] == ["تل رفعت"]
    assert mention("أعلنت دمشق رفضها للقرار.", "دمشق").role == "reference"


# --- relations -----------------------------------------------------------------------------------

def test_countryside_relation_with_direction_adjective():
    text = "دارت اشتباكات في ريف حلب الغربي."
    aleppo = mention(text, "حلب")
    assert aleppo.relation == "countryside"
    assert aleppo.place.name == "Aleppo"


@pytest.mark.parametrize("text, surface", [
    ("سقطت قذائف قرب مدينة تدمر.", "تدمر"),
    ("سقطت قذائف على أطراف مدينة دير الزور.", "دير الزور"),
    ("قصفت طائرات حربية محيط بلدة كفرنبل.", "كفرنبل"),
    ("انفجرت عبوة بالقرب من سامراء.", "سامراء"),
])
def test_near_words_give_relation_near(text, surface):
    m = mention(text, surface)
    assert m.role == "event"
    assert m.relation == "near"


def test_direction_word_before_a_city_gives_that_direction():
    text = "اندلعت اشتباكات جنوب مدينة الموصل."
    mosul = mention(text, "الموصل")
    assert mosul.relation == "south"
    assert mosul.place.name == "Mosul"


def test_town_in_the_city_itself_has_no_relation():
    text = "انفجرت سيارة مفخخة في مدينة كركوك."
    assert mention(text, "كركوك").relation is None


# --- names the gazetteer does not know -----------------------------------------------------------

def test_unknown_village_after_qarya_is_found_and_located_by_the_governorate():
    text = "قتل شخصان في قرية المشيرفة الصغيرة بريف الحسكة."
    village = mention(text, "المشيرفة")
    assert village.text == "المشيرفة الصغيرة"
    assert village.role == "event"
    assert village.place is None
    hasakah = mention(text, "الحسكة")
    assert hasakah.role == "container"
    assert hasakah.relation == "countryside"


def test_two_unknown_villages_after_dual_place_noun():
    ms = mentions("قصفت المدفعية قريتي العكيرشي والمشرفة.")
    assert [(m.text, m.role) for m in ms] == [("العكيرشي", "event"), ("المشرفة", "event")]


def test_unknown_villages_listed_after_plural_place_noun():
    ms = mentions("قصفت المدفعية قرى الهرموشية والرويمي والزباري في ريف الرقة.")
    assert [m.text for m in ms] == ["الهرموشية", "الرويمي", "الزباري", "الرقة"]
    assert [m.role for m in ms] == ["event", "event", "event", "container"]


# --- spelling variants and clitics ---------------------------------------------------------------

def test_clitics_on_place_names_are_stripped_for_lookup():
    text = "وقعت اشتباكات بالرقة وإدلب ولدير الزور."
    names = [m.place.name for m in mentions(text) if m.place]
    assert names == ["Ar-Raqqa", "Idlib", "Deir ez-Zor"]


def test_final_ha_spelling_resolves_like_ta_marbuta():
    a = mention("انفجرت سيارة مفخخة في الحسكه.", "الحسكه")
    b = mention("انفجرت سيارة مفخخة في الحسكة.", "الحسكة")
    assert a.place is not None and a.place.place_id == b.place.place_id


def test_mention_offsets_point_into_the_raw_text_with_diacritics():
    text = "قُتل مدنيٌّ في قصفٍ على بلدةِ سرمينَ بريفِ إدلبَ."
    ms = mentions(text)
    assert [m.place.name for m in ms] == ["Sarmin", "Idlib"]
    for m in ms:
        assert text[m.start:m.end] == m.text


# --- common words that are also place names --------------------------------------------------------

def test_suwar_meaning_pictures_is_not_a_place():
    text = "نشر ناشطون صور الدمار في مدينة الرقة."
    assert [m.text for m in mentions(text)] == ["مدينة الرقة"]


def test_al_jadid_meaning_new_is_not_a_place():
    assert mentions("أعلن الحزب عن قانونه الجديد للانتخابات.") == []


def test_common_word_after_a_place_noun_is_a_place():
    text = "قصفت المدفعية بلدة صور في ريف دير الزور."
    suwar = mention(text, "صور")
    assert suwar.role == "event"
    assert mention(text, "دير الزور").role == "container"


def test_a_persons_nisba_is_not_a_place():
    assert mentions("وجه أبو بكر البغدادي كلمة إلى أنصاره.") == []


def test_article_countries_are_ranked_by_mentions():
    text = "قصفت المدفعية بلدة سرمين ومدينة سراقب وبلدة بنش، كما دارت اشتباكات في تلعفر."
    analysis = analyse_places(make_doc(text))
    assert analysis.countries[0] == "SY"


def test_a_place_is_ranked_the_same_while_sorting_as_when_the_choice_is_explained(monkeypatch):
    """Ranks are cached per place and mention; the cached key must be the one a fresh computation
    gives (a list sorted in place looks empty meanwhile, so a mention's own namesakes used to
    count as anchors while sorting and not while explaining)."""
    from marsad.geo import places as P

    cached = P._rank_key
    seen = []

    def checked(place, clues, own=None):
        got = cached(place, clues, own)
        fresh = (-round(clues.countries.get(place.country_code, 0), 3),
                 -round(clues.admin1.get((place.country_code, place.admin1), 0), 3),
                 P._nearness(place, clues, own), not P._names_a_governorate_of(place, clues, own),
                 not place.place_id.startswith("cur:"),
                 place.kind in ("admin1", "country"), -place.population)
        seen.append((place.place_id, got, fresh))
        return got

    monkeypatch.setattr(P, "_rank_key", checked)
    analyse_places(make_doc("السويداء: مظاهرة في ساحة الكرامة\n\nشهدت مدينة السويداء، أمس الجمعة، مظاهرة حاشدة "
                            "في ساحة الكرامة شارك فيها المئات."))
    assert seen and all(got == fresh for _, got, fresh in seen), [s for s in seen if s[1] != s[2]]


# --- a name shared by a country and a town (issue 17) -------------------------------------------

def test_amman_locating_an_omani_town_reads_as_oman():
    text = "قُتل حارس بانفجار في ميناء بلدة شناص شمالي عمان."
    oman = mention(text, "عمان")
    assert oman.place is not None and oman.place.kind == "country" and oman.place.country_code == "OM"


def test_amman_locating_a_jordanian_town_stays_the_capital():
    text = "قُتل شرطي في اشتباك مع مطلوبين في مدينة الرصيفة شرقي عمان."
    amman = mention(text, "عمان")
    assert amman.place is not None and amman.place.name == "Amman"


def test_a_town_the_text_puts_in_oman_is_not_tyre():
    text = "أطلق مسلح النار على دورية في مدينة صور جنوب شرقي عمان."
    sur = mention(text, "صور")
    assert sur.place is not None and sur.place.country_code == "OM"


def test_a_country_named_like_its_capital_locates_a_town_far_from_the_capital():
    # رمادة has no Arabic name in GeoNames: found by sound inside the country, not near Tunis
    text = "قُتل مهرب في مواجهات مع الأمن في بلدة رمادة جنوبي تونس."
    town = mention(text, "رمادة")
    assert town.place is not None and town.place.country_code == "TN" and town.place.latitude < 33.5
    assert mention(text, "تونس").place.kind == "country"


# --- Somalia ------------------------------------------------------------------------------------

def test_somali_region_after_iqlim_is_an_admin1_area():
    text = "هاجم مسلحون قرية نائية في إقليم جوبا الوسطى وقتلوا ثلاثة رعاة."
    area = mention(text, "جوبا الوسطى")
    assert area.place is not None and area.place.kind == "admin1" and area.place.name == "Middle Juba"


def test_bare_common_word_that_names_a_somali_town_needs_a_place_noun():
    assert not [m for m in mentions("جلب التجار بضائعهم إلى السوق.") if "جلب" in m.text]
    town = mention("قُتل جنديان في كمين قرب بلدة جلب.", "جلب")
    assert town.place is not None and town.place.name == "Jilib"


# --- places are handed the actor names and event words (issue 17 item 6) -------------------------

class _Span:
    def __init__(self, tok_start, tok_end, payload=None):
        self.tok_start, self.tok_end, self.payload = tok_start, tok_end, payload


def test_places_use_the_actor_names_they_are_handed_and_match_none_themselves(monkeypatch):
    import marsad.triggers
    from marsad.actors import load_actor_kb

    def no_matching(*_args, **_kwargs):
        raise AssertionError("places matched actor or event words themselves")

    # the actor records (an actor's country) may be read; their names are not matched again
    monkeypatch.setattr(load_actor_kb().names, "find", no_matching)
    monkeypatch.setattr(marsad.triggers, "trigger_matcher", no_matching)
    doc = make_doc("قُتل عنصران من شرطة الأنبار في هجوم على حاجز في حلب.")
    aleppo = next(t for t, tok in enumerate(doc.tokens) if tok.text == "حلب")
    # handed no actor: الأنبار is a place; handed an actor over حلب, حلب is none
    found = analyse_places(doc, actors=[_Span(aleppo, aleppo + 1)], triggers=[])
    texts = [m.text for m in found.mentions]
    assert any("الأنبار" in t for t in texts)
    assert not any("حلب" in t for t in texts)


def test_places_read_alone_still_know_an_actors_name():
    # on a plain string (no pipeline) the places match the actor names themselves
    assert not [m for m in mentions("قُتل عنصران من شرطة الأنبار في هجوم على حاجز.") if "الأنبار" in m.text]


def test_any_countrys_capital_before_its_verb_of_saying_is_its_government():
    # طرابلس and مسقط are in no hand list: countries.tsv gives every country's capital
    for text, place in (("قالت طرابلس إن الهجوم على مدينة غريان قتل خمسة جنود.", "غريان"),
                        ("أعلنت مسقط أن انفجاراً في بلدة شناص قتل حارساً.", "شناص")):
        found = mentions(text)
        events = [m.text for m in found if m.role == "event"]
        assert len(events) == 1 and place in events[0], (text, [(m.text, m.role) for m in found])


def test_a_capital_after_a_place_preposition_is_the_place():
    assert mention("قُتل ثلاثة في انفجار في طرابلس.", "طرابلس").role == "event"


def test_a_capital_in_apposition_to_the_capital_is_the_place():
    text = "قُتل ثلاثة مدنيين في قصف طال العاصمة الليبية طرابلس."
    assert mention(text, "طرابلس").role == "event"


def test_the_capital_left_from_is_no_place_the_capital_noun_does_not_make_it_one():
    text = "أكد مصدر أن الوفد غادر العاصمة المصرية القاهرة بعد تسليم رده."
    assert not [m for m in mentions(text) if "القاهرة" in m.text and m.role == "event"]


# --- unknown two-word village names (issue 17) ---------------------------------------------------

def test_an_uncommon_word_after_an_unknown_village_name_is_its_second_word():
    village = mention("قتل مسلحون راعيين في قرية طور جيلي التابعة لإقليم شبيلي الوسطى.", "طور")
    assert village.text == "طور جيلي" and village.place is None
    assert village.anchor is not None and village.anchor.place.kind == "admin1"


def test_a_known_town_and_an_uncommon_word_after_it_name_another_village():
    text = "قُتل خمسة مدنيين في هجوم على قرية بولو مريري بإقليم شبيلي السفلى."
    village = mention(text, "بولو")
    assert village.text == "بولو مريري" and village.place is None  # not Bolu in Turkey


def test_a_common_word_after_a_town_is_no_part_of_its_name():
    town = mention("قصفت الطائرات مدينة سراقب مساء أمس.", "سراقب")
    assert town.text.endswith("سراقب") and town.place is not None


def test_an_unknown_town_opening_with_bin_keeps_both_words_and_is_found_in_the_country_named():
    text = "اغتال مسلحون ثلاثة أشخاص في بلدة بن مهيدي شرقي الجزائر."
    town = mention(text, "مهيدي")
    assert town.text == "بن مهيدي" and town.place is not None and town.place.country_code == "DZ"


def test_a_region_named_before_a_town_is_not_located_in_it():
    text = "اندلعت اشتباكات بين قوات بونتلاند وقوات أرض الصومال في مدينة لاسعانود، وقُتل عشرون شخصاً."
    town = mention(text, "لاسعانود")
    assert town.role == "event" and town.place is not None and town.place.name == "Laascaanood"


def test_a_village_named_after_a_checkpoint_noun_is_a_place():
    found = mention("اعتقلت قوات الاحتلال ثلاثة شبان على حاجز عطارة شمال رام الله.", "عطارة")
    assert found.place is not None and found.place.country_code == "PS" and found.role == "event"
    near = mention("أطلق جنود النار على شاب قرب حاجز تياسير شرقي طوباس.", "تياسير")
    assert near.relation == "near"


def test_a_known_foreign_capital_is_not_replaced_by_a_village_that_sounds_like_it():
    text = "وقصفت الطائرات عشرات المواقع المدعومة من طهران في سوريا خلال الحرب."
    found = [m for m in mentions(text) if "طهران" in m.text]
    assert not found or found[0].place is None or found[0].place.country_code == "IR"


def test_two_names_of_one_place_side_by_side_are_one_mention():
    text = "سقطت قذائف على العاصمة السورية دمشق وقتلت ثلاثة مدنيين."
    damascus = [m for m in mentions(text) if m.place is not None and m.place.name == "Damascus"]
    assert len(damascus) == 1 and damascus[0].text.endswith("دمشق") and damascus[0].role == "event"
