"""Session 13: places a sentence names that are not where its event happened. A goal a thing set
out for (انطلقت من X متوجهة صوب Y), a quarter of the city the text just named whose name the
gazetteer knows elsewhere (مدينة X ... حي Y), the place the dead were buried or the wounded taken
to (ودفنوهم في X، نقلوا إلى مستشفى في X). Each in wordings of our own across countries, with
controls: fire aimed at a place, a quarter that lies in its city, a funeral told as the place,
and a real act at the same place keep their event place."""
from __future__ import annotations

import pytest

from test_stages_events5 import _extract


def _places(text, published="2024-05-10"):
    return [e.location for e in _extract(text, published) if e.location]


# --- 1. a heading after an origin names no event place --------------------------------------------

@pytest.mark.parametrize("text, goal", [
    ("دمرت طائرات التحالف اليوم منصة صواريخ في مديرية حرض، وكانت صواريخ قد انطلقت منها متوجهة صوب مدينة جازان.",
     "Jizan"),
    ("قصفت المدفعية التركية اليوم مواقع في بلدة تل رفعت التي انطلقت منها قذائف متجهة نحو مدينة أعزاز.", "Azaz"),
    ("قصف الجيش السوداني اليوم مواقع لقوات الدعم السريع في بلدة أم روابة انطلقت منها مسيرات متجهة نحو مدينة الأبيض.",
     "El Obeid"),
    ("أغارت طائرات إسرائيلية اليوم على بلدة عيتا الشعب، بعد أن انطلقت منها صواريخ متوجهة صوب مدينة نهاريا.",
     "Nahariyya"),
    ("قتل خمسة مسلحين اليوم بغارة على شاحنة في بلدة الحصن كانت قد خرجت من البلدة متجهة نحو مدينة حمص.", "Homs"),
    ("قتل ثلاثة حوثيين اليوم بغارة على آلية في مديرية صرواح كانت قد خرجت من المنطقة متجهة صوب مدينة مأرب.",
     "Ma'rib"),
])
def test_where_a_thing_set_out_from_a_place_was_bound_is_no_event_place(text, goal):
    """"انطلقت منها متوجهة صوب X"، "خرجوا من المنطقة متوجهين نحو X": the heading of something that
    set out from a place the sentence names is no event of its own."""
    assert goal not in _places(text), _places(text)


@pytest.mark.parametrize("text, target", [
    ("قتل طفل اليوم بقذائف هاون أطلقها مسلحون من بلدة بصر الحرير باتجاه مدينة إزرع.", "Izra"),
    ("قتل مدنيان اليوم بقذيفة أطلقت من منطقة الراموسة صوب حي الحمدانية في حلب.", "Al-Hamdaniyah"),
    ("قصفت قوات الدعم السريع اليوم مدينة الفاشر بقذائف انطلقت من شرق المدينة فقتلت أربعة مدنيين.", "El Fasher"),
])
def test_fire_aimed_at_a_place_still_strikes_it(text, target):
    """Fire "من X باتجاه Y" with no participle of heading hits Y, and a heading with no origin
    before it keeps its place."""
    assert target in _places(text), _places(text)


# --- 2. a quarter of the city the text just named --------------------------------------------------

@pytest.mark.parametrize("text, city, namesake", [
    ("قتل مدني اليوم بانفجار عبوة ناسفة في مدينة عفرين، وتحديدا في حي الأشرفية.", "Afrin", "Al-Ashrafiyah"),
    ("أصيب خمسة أشخاص اليوم بقصف على مدينة تعز طال حي الروضة.", "Taiz", "Ar Rawd"),
    ("أصيب ستة مدنيين اليوم بقصف حوثي على مدينة تعز. وسقطت القذائف على حي الروضة وحي الجمهوري.",
     "Taiz", "Ar Rawd"),
    ("قتل ثلاثة مدنيين اليوم بانفجار سيارة مفخخة وسط مدينة عفرين. ووقع الانفجار في حي الأشرفية المكتظ بالسكان.",
     "Afrin", "Al-Ashrafiyah"),
    ("قتل طفل اليوم برصاص قناص في مدينة درعا، في حي المنشية.", "Dara", "Manshiyat Bani Hasan"),
    ("انفجرت سيارة مفخخة اليوم في مدينة الباب شمالي حلب وقتلت مدنيين. ووقع الانفجار في حي الأشرفية قرب السوق.",
     "Al-Bab", "Al-Ashrafiyah"),
    ("قتل مدنيان اليوم في غارة على مدينة دوما. واستهدفت الغارة حي الأشرفية في المدينة.", "Douma", "Al-Ashrafiyah"),
])
def test_a_quarter_of_the_city_just_named_is_that_city(text, city, namesake):
    """"في مدينة X، وتحديدا في حي Y": Y is a quarter of X, not a namesake town elsewhere."""
    places = _places(text)
    assert city in places and namesake not in places, places


@pytest.mark.parametrize("text, quarter", [
    ("قتل طفل اليوم بقصف إسرائيلي على مدينة غزة استهدف حي الشجاعية.", "Shujaiya"),
    ("قتل ثلاثة مدنيين اليوم بقذائف سقطت على حي الأشرفية في مدينة حلب.", "Al-Ashrafiyah"),
])
def test_a_quarter_that_lies_in_its_city_keeps_its_place(text, quarter):
    assert quarter in _places(text) or "Aleppo" in _places(text) or "Gaza City" in _places(text), _places(text)


def test_a_quarter_of_another_city_the_article_names_stays_there():
    text = ("قتل مدني اليوم بقصف على مدينة عفرين. وفي مدينة حلب قتل طفلان بقذيفة سقطت على حي الأشرفية.")
    places = _places(text)
    assert "Afrin" in places and ("Al-Ashrafiyah" in places or "Aleppo" in places), places


# --- 3. where the dead were buried or the wounded taken ---------------------------------------------

@pytest.mark.parametrize("text, act, aside", [
    ("أعدم تنظيم داعش اليوم ثلاثة رعاة في منطقة الضوة ببادية تدمر، ودفنوهم في منطقة السعن.", None, "As Siin"),
    ("أصيب خمسة مدنيين اليوم بغارة على بلدة حيدان، ونقلوا إلى مستشفى في مدينة صعدة.", "Haydan", "Sa'dah"),
    ("أصيب أربعة جنود اليوم بانفجار لغم في مديرية حيس، وأسعفوا إلى مستشفى ميداني في مدينة المخا.", None, "Mocha"),
    ("قتل مسلحون اليوم شرطيين في بلدة تاورغاء، ونقلت جثتاهما إلى مستشفى في مدينة مصراتة.", "Tawergha", "Misratah"),
    ("أصيب طفلان اليوم برصاص الاحتلال في بلدة يعبد، ونقلا إلى مستشفى حكومي في مدينة جنين.", "Yabad", "Janin"),
    ("قتل مسلحون اليوم راعيا في قرية الحصن، ودفنوه في مقبرة بلدة تلكلخ.", "Al-Hosn", "Tallkalakh"),
])
def test_where_the_dead_were_buried_or_the_wounded_taken_is_no_event_place(text, act, aside):
    places = _places(text)
    assert places and aside not in places, places
    if act is not None:
        assert act in places, places


@pytest.mark.parametrize("text, place", [
    ("قتل ثلاثة أشخاص اليوم بغارة استهدفت جنازة في مدينة صعدة.", "Sa'dah"),
    ("أصيب عشرة مدنيين اليوم بقصف على مستشفى في مدينة تعز.", "Taiz"),
    ("قتل مدنيان اليوم بانفجار عبوة ناسفة قرب مقبرة في مدينة درنة.", "Darnah"),
])
def test_an_act_at_a_hospital_or_a_funeral_keeps_its_place(text, place):
    """Controls: the same nouns, where the act itself happened."""
    assert place in _places(text), _places(text)


# --- 4. a side of the town the text refers back to ---------------------------------------------------

def _where(text, published="2024-05-10"):
    return [(e.location, e.geo_precision) for e in _extract(text, published) if e.location]


@pytest.mark.parametrize("text, town, precision", [
    ("أفادت مصادر أمنية في كركوك اليوم بمقتل خمسة من الحشد الشعبي بتفجير انتحاري جنوب غرب المدينة.", "Kirkuk", 2),
    ("قال مسؤول محلي في مدينة سرت اليوم إن مسلحين هاجموا بوابة أمنية غرب المدينة وقتلوا ثلاثة من عناصرها.",
     "Sirte", 2),
    ("أفاد مصدر طبي في مدينة الفاشر اليوم بمقتل خمسة مدنيين بقصف مدفعي شمال المدينة.", "El Fasher", 2),
    ("ذكرت مصادر محلية في مدينة تعز اليوم أن طفلين قتلا بانفجار لغم شرق المدينة.", "Taiz", 2),
    ("قال مسؤول في مدينة درنة اليوم إن عبوة ناسفة انفجرت وسط المدينة وقتلت شخصين.", "Darnah", 1),
])
def test_a_side_of_the_town_told_before_is_near_that_town(text, town, precision):
    """"أفادت مصادر في X بمقتل خمسة بتفجير جنوب غرب المدينة": the town the source speaks from is the
    reference of a side of it (precision 2), or the place itself for its centre (وسط المدينة)."""
    assert (town, precision) in _where(text), _where(text)


@pytest.mark.parametrize("text, place, town", [
    ("قال مسؤول في مدينة سرت اليوم إن مسلحين هاجموا بوابة في بلدة بن جواد شرق المدينة وقتلوا ثلاثة من عناصرها.",
     "Bin Jawwad", "Sirte"),
    ("قال شهود في بلدة عرسال اليوم إن غارة جوية استهدفت سيارة في جرود عرسال شرق البلدة وقتلت شخصين.",
     "Aarsal", None),
])
def test_a_place_of_its_own_keeps_the_event(text, place, town):
    """Controls: a sentence that names its own place keeps it; the town referred back to is no
    second event."""
    found = [loc for loc, _ in _where(text)]
    assert place in found and (town is None or town not in found), found


# --- 5. the men of a force who shot at a place, and where they come from --------------------------

@pytest.mark.parametrize("text, place, aside", [
    ("قتل ثلاثة رعاة اليوم من أبناء بلدة الحصن برصاص عناصر من تنظيم داعش في منطقة الضوة ببادية تدمر.",
     "الضوة", "Al-Hosn"),
    ("قتل ثلاثة رعاة اليوم برصاص عناصر من تنظيم داعش في منطقة الضوة ببادية تدمر، وهم من أبناء بلدة الحصن بريف حمص.",
     "الضوة", "Al-Hosn"),
    ("أصيب طفل اليوم برصاص جنود من الجيش الإسرائيلي في بلدة عزون.", "Azzun", None),
    ("قتل شاب اليوم برصاص مسلحين من قوات الدعم السريع في مدينة نيالا.", "Nyala", None),
    ("قتل مدنيان اليوم برصاص مقاتلين من قوات حفتر في بلدة قصر بن غشير، وهما من أبناء مدينة غريان.",
     "Qasr Bin Ghashir", "Gharyan"),
])
def test_the_men_of_a_force_shoot_where_the_text_puts_them(text, place, aside):
    """"برصاص عناصر من تنظيم داعش في منطقة X": the force's men who shot, at the place of the act;
    not fire from a position (so the victims' home town is no fallback)."""
    places = _places(text)
    assert place in places and (aside is None or aside not in places), places


def test_fire_from_a_force_at_a_position_is_still_its_origin():
    """Control: "بقصف مدفعي من قوات النظام المتمركزة في بلدة X على مدينة Y" strikes Y."""
    places = _places("قتل مدني اليوم بقصف مدفعي من قوات النظام المتمركزة في بلدة مورك على مدينة اللطامنة.")
    assert "Al-Lataminah" in places and "Morek" not in places, places


# --- 6. a speaker's seat told with the locative ب -------------------------------------------------

@pytest.mark.parametrize("text, place, seat", [
    ("قال شهود عيان بمنطقة الحوبان اليوم إن صاروخين انطلقا من المنطقة متجهين نحو مدينة المخا.", None, "Al-Hawban"),
    ("قالت مصادر محلية بمحافظة تعز اليوم إن مسلحين قتلوا شابا في مديرية مقبنة.", "Maqbanah", "Taizz"),
    ("أفاد مصدر أمني بمدينة بنغازي اليوم بمقتل جنديين في اشتباكات بمدينة درنة.", "Darnah", "Benghazi"),
    ("ذكرت مصادر طبية بعدن اليوم أن ثلاثة جنود قتلوا بقصف حوثي على قاعدة العند.", "Al-Anad airbase", "Aden"),
    ("قال مسؤول محلي بمدينة الفاشر اليوم إن قوات الدعم السريع قصفت مخيم زمزم وقتلت أربعة نازحين.", None, "El Fasher"),
])
def test_a_speakers_seat_behind_ba_is_no_event_place(text, place, seat):
    """"قال شهود عيان بمنطقة X إن ..."، "مصادر طبية بعدن": where the speakers are, told with the
    locative ب as with في, is no event place when what they tell names a place of its own."""
    places = _places(text)
    assert seat not in places, places
    if place is not None:
        assert place in places, places


@pytest.mark.parametrize("text, place", [
    ("قال شهود عيان بمدينة نابلس اليوم إن جنود الاحتلال أطلقوا النار على شاب وقتلوه.", "Nablus"),
    ("قال سكان ببلدة جاسم اليوم إن مسلحين مجهولين اغتالوا عنصرا سابقا في الفصائل.", "Jasim"),
])
def test_witnesses_behind_ba_still_speak_from_the_place(text, place):
    """Controls: witnesses whose report names no other place are where it happened."""
    assert place in _places(text), _places(text)


# --- 7. a town named only by a side of it, after the place the sentence put the event at ----------

@pytest.mark.parametrize("text, place, town", [
    ("أعلن مصدر في شرطة قضاء الحويجة اليوم مقتل عنصرين من الحشد في تفجير انتحاري جنوب غرب كركوك.", "Hawija", "Kirkuk"),
    ("قتل ثلاثة جنود يمنيين اليوم في مديرية صرواح بقصف حوثي استهدف موقعا غرب مأرب.", "Suq Sirwah", "Ma'rib"),
    ("قتل شرطيان اليوم في مدينة الشيخ زويد بهجوم مسلح على كمين غرب رفح.", "Ash Shaykh Zuwayd", "Rafah"),
    ("قتل مدنيان اليوم في بلدة ترهونة بقصف صاروخي جنوب شرق طرابلس.", "Tarhuna", "Tripoli"),
    ("قتل ثلاثة مدنيين اليوم في بلدة الزبداني بقصف جوي شمال غرب دمشق.", "Al-Zabadani", "Damascus"),
    ("قتل خمسة مدنيين اليوم في بلدة طويلة بهجوم مسلح غرب الفاشر.", "Tawila", "El Fasher"),
])
def test_a_town_the_named_place_lies_off_is_a_reference(text, place, town):
    """"في قضاء X ... بتفجير جنوب غرب Y" with X lying south-west of Y: one event at X; Y only
    says where X lies (the dead are not split between two records)."""
    places = _places(text)
    assert places == [place], places


@pytest.mark.parametrize("text, places", [
    ("قتل مدنيان اليوم في بلدة ترهونة، وأصيب ثلاثة آخرون بقصف صاروخي شمال طرابلس.", {"Tarhuna", "Tripoli"}),
    ("قتل جنديان اليوم في مدينة تلعفر، وقتل ثلاثة آخرون بتفجير جنوب كركوك.", {"Tal Afar", "Kirkuk"}),
    ("قتل عنصران اليوم بقصف مدفعي على نقطة رصد في خانيونس، فيما قتل ثالث بقصف نقطة ثانية شرق رفح.",
     {"Khan Yunis", "Rafah"}),
])
def test_a_side_away_from_the_named_place_is_an_event_of_its_own(text, places):
    """Controls: a side of a town where the place named before does not lie is a second site."""
    assert set(_places(text)) == places, _places(text)
