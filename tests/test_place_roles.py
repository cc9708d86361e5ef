"""Place roles and relations, end to end on short invented reports (complements test_places.py)."""
from marsad.arabic.tokenise import make_doc
from marsad.geo.places import analyse_places


def places(text):
    return [(pm.text, pm.place.name if pm.place else None, pm.role, pm.relation)
            for pm in analyse_places(make_doc(text)).mentions]


def roles(text):
    return {pm.place.name if pm.place else pm.text: pm.role for pm in analyse_places(make_doc(text)).mentions}


def test_names_match_with_clitics_and_spelling_variants():
    found = {p[1] for p in places("قصفت الطائرات بالرقة وإدلب ولدير الزور، وسقطت قذائف على الحسكه.")}
    assert {"Ar-Raqqa", "Idlib", "Deir ez-Zor", "Al-Hasakah"} <= found


def test_an_origin_is_not_an_event_place():
    r = roles("سقطت صواريخ على مدينة جبلة، وقال المصدر إن الصواريخ أُطلقت من منطقة كباني.")
    assert r["Kabani"] == "origin"
    assert r["Jableh"] == "event"


def test_a_hospital_destination_is_not_an_event_place():
    r = roles("أصيب ثلاثة مدنيين بقصف على بلدة كفرنبل ونُقل المصابون إلى مشفى مدينة إدلب.")
    assert r["Kafranbel"] == "event"
    assert r["Idlib"] == "destination"


def test_a_distance_reference_is_not_an_event_place():
    r = roles("انفجرت عبوة ناسفة في قضاء الرطبة، نحو 300 كم غرب العاصمة بغداد.")
    assert r["Rutba"] == "event"
    assert r["Baghdad"] == "reference"


def test_a_country_is_never_an_event_place():
    assert roles("شنت طائرات حربية غارات على مواقع في سوريا.")["Syria"] != "event"


def test_north_of_and_countryside_relations():
    rel = {name: relation for _, name, _, relation in
           places("اشتباكات في قرية شبيران شمال مدينة الباب، وقصف على ريف حماة.")}
    assert rel["Al-Bab"] == "north"
    assert rel["Hama"] == "countryside"


def test_a_governorate_after_a_town_only_locates_it():
    r = roles("استهدفت غارة بلدة مصياف في محافظة حماة.")
    assert r["Masyaf"] == "event"
    assert r["Hama"] == "container"


def test_an_unknown_village_after_a_place_noun_is_still_a_place():
    unknown = [text for text, name, _, _ in places("دارت اشتباكات عنيفة في قرية كفرزيبا الصغرى شرق مدينة سراقب.")
               if name is None]
    assert unknown and unknown[0].startswith("كفرزيبا")


def test_a_common_word_that_is_also_a_place_name_needs_a_place_noun():
    assert not any(name == "Tyre" for _, name, _, _ in places("تداول ناشطون صور الضحايا على مواقع التواصل."))
    assert any(name == "Tyre" for _, name, _, _ in places("سقطت قذيفة على مدينة صور جنوب لبنان."))


def test_a_capital_standing_for_its_government_is_not_an_event_place():
    assert roles("اتهمت أنقرة الوحدات الكردية بشن هجمات على قواتها.")["Ankara"] == "reference"
    assert roles("انفجرت سيارة مفخخة في بغداد.")["Baghdad"] == "event"


def test_a_dateline_is_not_an_event_place():
    r = roles("دير الزور – خاص\n\nقتل عنصران من قسد في هجوم على حاجز في بلدة البصيرة.")
    assert r["Deir ez-Zor"] == "dateline"


def test_positions_are_not_news_sites():
    assert roles("قصفت الطائرات مواقع في بلدة كفرنبل.")["Kafranbel"] == "event"


def test_a_place_at_the_start_of_a_text_is_no_route_without_a_route_word():
    assert roles("الرقة شهدت اشتباكات عنيفة أمس.")["Ar-Raqqa"] == "event"
