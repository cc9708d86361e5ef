"""Classes of the fourth set's tune half (triggers and places), each in several wordings of our own."""
from __future__ import annotations

import pytest

import marsad


def _extract(text):
    return marsad.extract(text, published="2024-05-10")


# --- 1. suffered-by: تعرض ل + event noun -------------------------------------------------------

@pytest.mark.parametrize("text, etype, sub", [
    ("قتل شاب بعد أن تعرض لإطلاق نار من قبل مسلحين مجهولين في بلدة طفس بريف درعا.",
     "Violence against civilians", "Attack"),
    ("تعرضت دورية للجيش العراقي لهجوم من قبل عناصر تنظيم داعش قرب قضاء الحويجة.",
     "Battles", "Armed clash"),
    ("تعرضت سيارة مدنية لرصاص قناص في مدينة تعز، ما أدى إلى إصابة سائقها.",
     "Violence against civilians", "Attack"),
    ("أصيب رجلان إثر تعرضهما لاعتداء من قبل مسلحين في مدينة بنغازي.",
     "Violence against civilians", "Attack"),
    ("تعرض حاجز لقوات الأمن لهجوم من قبل مسلحين مجهولين في بلدة الصنمين.",
     "Battles", "Armed clash"),
])
def test_what_the_subject_underwent_behind_lam_is_the_event(text, etype, sub):
    """"تعرض لإطلاق نار"، "تعرضت دورية لهجوم": the noun behind ل is an event the subject underwent,
    weak alone or held by the lexicon only in a longer phrase; a force's post or men make a battle."""
    found = _extract(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [(etype, sub)], \
        [(e.event_type, e.sub_event_type, e.location) for e in found]


def test_a_strong_event_noun_after_a_verb_of_undergoing_keeps_its_own_type():
    found = _extract("تعرضت بلدة كفرنبل لقصف مدفعي من قوات النظام، ما أدى إلى مقتل طفل.")
    assert [(e.event_type, e.sub_event_type) for e in found] == \
        [("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def test_a_weapon_after_the_noun_still_types_the_attack():
    found = _extract("قتل مدنيان إثر تعرض سيارتهما لهجوم بالصواريخ قرب مطار البصرة.")
    assert [e.event_type for e in found] == ["Explosions/Remote violence"]


def test_an_ongoing_campaign_in_a_relative_clause_is_no_event_of_its_own():
    found = _extract("واصلت الحافلات نقل الفارين من بلدة سقبا التي تتعرض لهجوم القوات الحكومية إلى ملاجئ مؤقتة.")
    assert found == [], [(e.event_type, e.location) for e in found]


def test_a_verb_of_undergoing_without_an_event_noun_reports_nothing():
    assert _extract("تعرض الاقتصاد لضغوط كبيرة في مدينة حلب خلال العام الجاري.") == []


# --- 6. a verb after an indefinite place noun opens a clause, it is no name ----------------------

def _mention_texts(text):
    from marsad.arabic.tokenise import make_doc
    from marsad.geo.places import analyse_places
    return [pm.text for pm in analyse_places(make_doc(text)).mentions]


@pytest.mark.parametrize("text, verb", [
    ("قتل خمسة جنود في هجوم على نقطة عسكرية في منطقة تقع على بعد 200 كيلومتر شرق مدينة سرت.", "تقع"),
    ("انفجرت عبوة ناسفة في قرية تبعد 15 كيلومترا عن مدينة الرمادي، وقتل شخصان.", "تبعد"),
    ("اندلعت اشتباكات في بلدة تضم آلاف النازحين بريف إدلب الجنوبي.", "تضم"),
    ("قصفت المدفعية منطقة يقطنها مدنيون شمال مدينة حماة، ما أدى إلى مقتل طفل.", "يقطنها"),
    ("سقطت قذيفة على حي يسيطر عليه مسلحون في مدينة تعز.", "يسيطر"),
])
def test_a_verb_after_a_place_noun_is_no_place_name(text, verb):
    assert not any(verb in t for t in _mention_texts(text)), _mention_texts(text)
    assert all(verb not in e.location for e in _extract(text))


def test_an_unknown_name_after_a_place_noun_is_still_read():
    assert "تلول الصفا" in " ".join(_mention_texts("قتل راع بانفجار لغم في منطقة تلول الصفا ببادية السويداء."))


# --- 4. a description of part of a named place is not a namesake abroad ---------------------------

@pytest.mark.parametrize("text, place, country", [
    ("قتل شخصان بانفجار عبوة ناسفة في الضاحية الجنوبية لمدينة الموصل.", "Mosul", "Iraq"),
    ("انفجرت سيارة مفخخة في الضاحية الجنوبية الغربية لمدينة عدن، ما أسفر عن مقتل ثلاثة أشخاص.", "Aden", "Yemen"),
    ("اندلعت اشتباكات عنيفة في الضاحية الجنوبية لبنغازي بين قوات الجيش ومسلحين.", "Benghazi", "Libya"),
    ("اندلعت اشتباكات بين مجموعتين مسلحتين في الضاحية الجنوبية الشرقية لمدينة مصراتة، ما أدى إلى مقتل شخصين.",
     "Misratah", "Libya"),
])
def test_a_suburb_described_by_its_city_is_in_that_city(text, place, country):
    """"الضاحية الجنوبية لمدينة X": compass adjectives and ل + the city describe a part of X, not
    Beirut's southern suburb (a named quarter in another country than X)."""
    found = _extract(text)
    assert [(e.location, e.country) for e in found] == [(place, country)], [(e.location, e.country) for e in found]
    assert all("Lebanon" not in (e.actor1 or "") for e in found)


@pytest.mark.parametrize("text", [
    "استهدفت غارة إسرائيلية مبنى في الضاحية الجنوبية لبيروت.",
    "استهدفت غارة إسرائيلية مبنى في الضاحية الجنوبية.",
])
def test_the_named_suburb_itself_is_still_read(text):
    assert [e.location for e in _extract(text)] == ["Dahiyeh"]


# --- 8. a village's name that ends with a region's name is one name --------------------------------

@pytest.mark.parametrize("text, admin1, not_at", [
    ("قتل شاب برصاص مجهولين في قرية صيدا الجولان بريف القنيطرة.", "Quneitra", {"Saida", "Saham al-Jawlan"}),
    ("داهمت قوات الاحتلال قرية صيدا الجولان في ريف القنيطرة الجنوبي واعتقلت شابا.", "Quneitra",
     {"Saida", "Saham al-Jawlan"}),
    ("قتل مدني بانفجار لغم في قرية طيبة القلمون بريف دمشق.", "Rural Damascus", {"Qalamoun"}),
    ("قصفت قوات النظام قرية عسال القلمون بريف دمشق، ما أدى إلى مقتل طفل.", "Rural Damascus", {"Qalamoun"}),
])
def test_a_village_name_ending_with_a_region_is_one_unknown_village(text, admin1, not_at):
    """"قرية صيدا الجولان": the region's name completes the village's name; the village is not a
    namesake elsewhere (Saida in Daraa), nor a neighbour whose name ends the same, nor the region."""
    found = _extract(text)
    assert len(found) == 1, [e.location for e in found]
    assert found[0].location not in not_at and found[0].admin1 == admin1, (found[0].location, found[0].admin1)
    assert found[0].geo_precision in (2, 3)


def test_a_known_village_whose_name_ends_with_a_region_is_still_found():
    found = _extract("اعتقلت قوات الاحتلال شابين من بلدة سحم الجولان في ريف درعا الغربي.")
    assert [e.location for e in found] == ["Saham al-Jawlan"]


# --- 5. a sole candidate in a neighbour country the article places nothing in -----------------------

@pytest.mark.parametrize("text, admin1", [
    ("شن مسلحو داعش هجوما على قرى عريشة العليا وعريشة السفلى التابعة لقضاء الحويجة جنوب غربي كركوك، "
     "ما أسفر عن مقتل ثلاثة من أفراد الحشد.", "Kirkuk"),
    ("أعلنت خلية الإعلام الأمني مقتل جنديين عراقيين بانفجار عبوة ناسفة في منطقة عريشة جنوب كركوك، "
     "وإصابة ثلاثة آخرين قرب عريشة أيضا.", "Kirkuk"),
    ("قتل مزارع بانفجار لغم في قرية الصفصافة، بحسب مصدر في شرطة محافظة صلاح الدين العراقية.", "Salah al-Din"),
])
def test_a_village_whose_only_namesake_is_across_the_border_stays_in_the_articles_country(text, admin1):
    """An Iraqi report (Kirkuk, Salah al-Din) naming a village the gazetteer knows only in Syria: a
    neighbour country the article places nothing in is no exception to setting the namesake aside,
    and the same name said twice is no support of its own."""
    found = _extract(text)
    assert found and all(e.country == "Iraq" and e.admin1 == admin1 for e in found), \
        [(e.location, e.admin1, e.country) for e in found]


def test_a_village_across_the_border_from_a_country_named_only_by_its_forces_is_kept():
    found = _extract("قتل مدنيان بقصف مدفعي تركي على قرية الدردارة قرب بلدة تل تمر.")
    assert found and all(e.country == "Syria" for e in found)


# --- 3. a village placed by what it is near ---------------------------------------------------------

@pytest.mark.parametrize("text, admin1, not_at", [
    ("قتل عنصر من قسد بانفجار عبوة في قرية تل جمعة بمحيط تل تمر شمال غربي محافظة الحسكة.", "Al-Hasakah",
     "Al-Hasakah"),
    ("قصفت المدفعية التركية قرية أم الكيف بمحيط أبو راسين في ريف الحسكة الشمالي، ما أدى إلى مقتل مدني.",
     "Al-Hasakah", "Abu Rasin"),
    ("قتل راع بانفجار لغم أرضي في جبل الضهيرة في البادية قرب السخنة.", "Homs", "Dhayra"),
])
def test_a_village_near_a_town_is_one_event_placed_near_that_town(text, admin1, not_at):
    """"قرية X بمحيط Y"، "جبل X في البادية قرب Y": the village (or hill) is the event's place and Y
    only locates it (precision 2): one event, not one at X and one at Y, and never a namesake abroad."""
    found = _extract(text)
    assert len(found) == 1, [(e.location, e.admin1) for e in found]
    assert found[0].admin1 == admin1 and found[0].location != not_at and found[0].geo_precision == 2, \
        (found[0].location, found[0].admin1, found[0].geo_precision)


# --- 2. an event on a road between two places keeps a place ---------------------------------------

@pytest.mark.parametrize("text, admin1", [
    ("قتل جنديان بانفجار عبوة ناسفة على الطريق الواصل بين قرية الشعيبة وقرية المحسنة بمحافظة صلاح الدين.",
     "Salah al-Din"),
    ("نصب مسلحون كمينا لدورية للشرطة على الطريق الرابط بين قرية الحصوة وقرية الخضراء بمحافظة الأنبار، "
     "ما أدى إلى مقتل شرطيين.", "Anbar"),
    ("قتل ثلاثة عناصر من الحشد بهجوم لداعش على الطريق الواصل بين قرية العزيزية وقرية الرشيدية بمحافظة ديالى.",
     "Diyala"),
])
def test_an_event_on_a_road_between_unknown_villages_keeps_the_roads_container(text, admin1):
    """"على الطريق الواصل بين قرية X وقرية Y بمحافظة Z": the two ends name the road, Z behind ب locates
    it (it is no third end); the event is not dropped but placed at the first end Z locates."""
    found = _extract(text)
    assert len(found) == 1, [(e.location, e.admin1) for e in found]
    assert found[0].admin1 == admin1 and found[0].geo_precision in (2, 3), (found[0].location, found[0].admin1)


def test_an_event_on_a_road_between_known_towns_is_near_the_first():
    found = _extract("نصب مسلحون كمينا على الطريق الرابط بين كركوك وتكريت، ما أدى إلى مقتل شرطيين.")
    assert [(e.location, e.geo_precision) for e in found] == [("Kirkuk", 2)]


# --- 7. seized weapons are not attacks (already right on main when written: a guard) ------------

@pytest.mark.parametrize("text", [
    "ضبطت قوات الأمن مخزنا للأسلحة في بلدة الصنمين. وقامت الفرق الهندسية بالتعامل مع هذه القنابل والصواريخ المضبوطة.",
    "عثرت الشرطة على كمية من القذائف في مدينة الرمادي، وجرى إتلاف الصواريخ المضبوطة.",
    "أعلنت قوات الأمن العثور على مخزن للعبوات الناسفة في قضاء الطارمية، وتم تفجير العبوات المضبوطة تحت السيطرة.",
])
def test_seized_weapons_make_only_the_seizure(text):
    found = _extract(text)
    assert [e.sub_event_type for e in found] == ["Disrupted weapons use"], [e.sub_event_type for e in found]


def test_a_village_across_the_border_near_the_articles_places_is_kept():
    """"حاجز قلنديا شمالي القدس": a West Bank checkpoint by Jerusalem is across a border from it,
    not a namesake far off."""
    found = _extract("أطلق جنود إسرائيليون النار على شاب عند حاجز قلنديا العسكري شمالي القدس، ما أدى إلى مقتله.")
    assert found and found[0].country == "Palestine", [(e.location, e.country) for e in found]
