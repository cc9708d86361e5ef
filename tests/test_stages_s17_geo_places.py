"""Seventeenth session, places: zone kinds after منطقة, a country's border on a side, a journey's
origin and a road's end the article places elsewhere, a side of a city repeated, and where the
wounded are treated. Wordings of our own (the fourteenth tune half's s14-b-19, s14-a-04, s14-a-13
showed the classes)."""
import pytest

import marsad


def _events(text, day="2024-03-10"):
    return [e.to_record() for e in marsad.extract(text, day, min_confidence=0)]


def _locations(text, day="2024-03-10"):
    return [(e["location"], e["country"]) for e in _events(text, day)]


# --- a zone's kind after منطقة is no place name; a border on a side is the article's country's

@pytest.mark.parametrize("text", [
    "اشتبكت قوات حرس الحدود الأردنية صباح اليوم مع مهربين مسلحين حاولوا اجتياز الحدود الشمالية للمملكة "
    "ضمن منطقة مسؤولية اللواء الثالث، وقتل اثنان من المهربين.",
    "قتل ثلاثة مهربين في اشتباك مع حرس الحدود الأردني على الحدود الشمالية ضمن منطقة عمليات المنطقة العسكرية الشرقية.",
    "أعلن الجيش الأردني مقتل مهرب وإصابة آخرين في اشتباك فجر اليوم عند الحدود الشمالية للمملكة الأردنية الهاشمية.",
])
def test_jordan_northern_border_is_not_saudi_northern_borders(text):
    found = _events(text)
    assert found, "the clash is an event"
    for e in found:
        assert e["country"] == "Jordan", e["location"]
        assert e["location"] not in ("مسؤولية", "عمليات", "Northern Border")
        assert e["geo_precision"] == 3


@pytest.mark.parametrize("text", [
    "قتل جنديان سوريان في اشتباك مع مسلحين ضمن منطقة انتشار الفرقة الخامسة في بلدة الصنمين بريف درعا.",
    "اشتبكت قوات الجيش العراقي مع مسلحي داعش في منطقة نفوذ اللواء 20 قرب قضاء الطارمية، ما أسفر عن مقتل ثلاثة مسلحين.",
])
def test_zone_kind_after_area_noun_is_no_place_name(text):
    found = _events(text)
    assert found
    for e in found:
        said = [span["text"] for span in e["evidence"].get("location", [])]
        assert not any(word in said for word in ("انتشار", "نفوذ")), said


def test_syrian_southern_border_is_the_jordanian_one():
    found = _events("قتل أربعة مهربين باشتباك مع قوات الجيش السوري على الحدود الجنوبية لسوريا فجر اليوم.")
    assert found and all(e["country"] == "Syria" and "Jordan" in e["location"] for e in found), found


def test_saudi_northern_borders_province_kept_in_a_saudi_report():
    found = _events("قتل شخصان في إطلاق نار على دورية للشرطة السعودية في منطقة الحدود الشمالية بالسعودية.")
    assert found and all(e["country"] == "Saudi Arabia" for e in found)


# --- a journey's origin is no event place; a road's end the article places the event near wins

@pytest.mark.parametrize("text", [
    "قتل سائق برصاص مجهولين استهدفوا سيارته قرب بلدة الصنمين في ريف درعا أثناء عودته من دمشق.",
    "أطلق مسلحون مجهولون النار على حافلة مدنية قرب مدينة شهبا، ما أدى إلى مقتل راكبين. وكانت الحافلة "
    "تقل ركابا خلال عودتها من دمشق.",
    "قتل مدني وأصيب اثنان بانفجار عبوة ناسفة استهدفت قرب مدينة السلمية سيارة عائدة من حمص.",
])
def test_journey_origin_is_no_event_place(text):
    locs = _locations(text)
    assert locs
    assert all(loc not in ("Damascus", "Homs") for loc, _ in locs), locs


def test_road_end_the_article_places_the_event_near_wins():
    text = ("قتل شخصان بإطلاق نار على سيارة مدنية على طريق دمشق - درعا، بحسب وكالة سانا. وأفاد مصدر محلي أن "
            "مسلحين مجهولين أطلقوا النار على السيارة في محيط قرية الفقيع، شمالي درعا.")
    locs = _locations(text)
    assert locs and all(loc != "Damascus" for loc, _ in locs), locs


# --- a side of a city told again is where the named town lies; a treatment place is no event place

@pytest.mark.parametrize("text", [
    "قتل ثلاثة جنود بهجوم لداعش استهدف نقطة عسكرية في ناحية العظيم، شمالي بعقوبة. وكان مصدر أمني قد أفاد "
    "بأن مسلحين هاجموا النقطة، شمالي بعقوبة، وتبنى التنظيم الهجوم.",
    "قتل شرطيان بانفجار عبوة ناسفة استهدفت دورية في قضاء الدبس، غربي كركوك. وأضاف المصدر أن العبوة انفجرت "
    "بالدورية، غربي كركوك، صباح اليوم.",
])
def test_side_of_a_city_said_again_is_no_second_event(text):
    locs = _locations(text)
    assert locs and all(loc not in ("Baqubah", "Kirkuk") for loc, _ in locs), locs


@pytest.mark.parametrize("text", [
    "قتل خمسة من عناصر الحشد الشعبي بتفجير انتحاري في قضاء المقدادية. وقال المصدر إن الجرحى يتلقون العلاج "
    "في إحدى مستشفيات مدينة بعقوبة.",
    "أصيب أربعة مدنيين بقصف على بلدة الأتارب غربي حلب، ويرقدون حاليا في مستشفيات مدينة إدلب.",
])
def test_where_the_wounded_are_treated_is_no_event_place(text):
    locs = _locations(text)
    assert locs and all(loc not in ("Baqubah", "Idlib") for loc, _ in locs), locs



@pytest.mark.parametrize("text", [
    "أطلقت المدفعية الإسرائيلية مساء اليوم العديد من القذائف على طول الحدود الشرقية للقطاع، بعد مقتل جندي.",
    "قتل فلسطيني اليوم برصاص الجيش الإسرائيلي قرب الحدود الشرقية لجنوب قطاع غزة.",
    "أصيب ثلاثة جنود اليوم بانفجار عبوة على الحدود الجنوبية للمحافظة.",
])
def test_the_border_of_a_part_is_no_country_border(text):
    found = marsad.extract(text, "2018-07-21", min_confidence=0)
    assert not any((e.location or "").endswith(" border") for e in found), [e.location for e in found]
