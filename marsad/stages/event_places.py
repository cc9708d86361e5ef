"""Which place mentions are event places, and the place an event takes from each.

A mention is an event place when its role (``marsad.geo.places``) is ``event`` and it is
not part of an actor's name; a landmark (ساحة، دوار) is its city; a neighbourhood of a
city is the city; an unknown name takes the place that locates it (precision 2).
"""
from __future__ import annotations

from marsad.arabic.frequency import is_common_phrase
from marsad.arabic.normalise import normalise_term
from marsad.cues import cue_words
from marsad.geo.gazetteer import distance_km
from marsad.geo.places import (DIRECTION_NAMED, LISTED_NAME, area_mentions, named_by_settlement_noun, place_cue_before,
                               side_of_bare_countryside)
from marsad.model import PlaceMention
from marsad.stages.analysis import SETTLEMENT_KINDS, Analysis, Where


def _after_landmark(a: Analysis) -> set[int]:
    """Tokens right after a square, roundabout or street noun (ساحة الكرامة، دوار النعيم)."""
    found = a.memo.get("after_landmark")
    if found is None:
        from marsad.cues import cue_matcher
        found = a.memo["after_landmark"] = {m.tok_end for m in cue_matcher("landmark_noun", suffixes=False).find(a.doc)}
    return found


def where_of(a: Analysis, pm: PlaceMention, roles: tuple[str, ...] = ("event",)) -> Where | None:
    """The event place a mention gives, or None when it is no event place (its role is not
    among ``roles``)."""
    if pm.role not in roles:
        return None
    doc = a.doc
    inside, ends = _actor_tokens(a)
    if pm.tok_start in inside:
        return None  # part of an actor's name: شرطة الأنبار، الجبهة الشامية
    if pm.tok_start in ends and a.gaz.lookup(doc.tokens[pm.tok_start].text):
        return None  # the name goes on: "مديرية استخبارات الأنبار", "قيادة عمليات نينوى"
    anchor = pm.anchor
    place = pm.place
    precision = 1
    if pm.tok_start in _after_landmark(a) and (place is None or place.kind in SETTLEMENT_KINDS):
        # "ساحة الكرامة وسط مدينة السويداء": a landmark of the city that locates it, not a town
        # of the same name elsewhere; with no city to locate it, it locates nothing
        if anchor is not None and anchor.place is not None and anchor.place.kind in ("city", "town") \
                and anchor.relation in (None, "inside"):
            return Where(pm, anchor.place, anchor.place.place_id, 1, None)
        return None
    area_only = False
    if place is None:
        for _ in range(2):  # "المنصورية بناحية دلي عباس في ديالى": up to the first anchor with a place
            if anchor is not None and anchor.place is None and anchor.anchor is not None:
                anchor = anchor.anchor
        if (anchor is None or anchor.place is None) and _after_neighbourhood_noun(a, pm):
            # "استهدف في مدينة بعلبك مبنى في حي آل اللقيس": a quarter after the city its clause named
            # with none in its sentence, a quarter lies in the city of the article's lead
            # ("داخل مسجد بحي الدرجة الأولى" in a report on El Fasher)
            city = _city_before(a, pm) or _lead_city(a)
            if city is not None:
                return Where(pm, city, city.place_id, 1, None)
        if anchor is None or anchor.place is None:
            # "وطال القصف قريتي دحيرجة والمشيرفة" under a lead on the countryside of Hama: a village
            # no gazetteer knows, which nothing in its sentence locates, lies in the lead's area
            anchor = _lead_area(a) if _names_a_village(a, pm) else None
            if anchor is None:
                return _beside_its_namesake(a, pm)
            area_only = True
        place = anchor.place
        if place.kind == "country":
            return None  # "مدينة X في شرق ألمانيا": a country places nothing
        # a neighbourhood of a city is the city itself (حي الصابري ببنغازي); else the nearest town
        if _neighbourhood_of_city(a, pm, place):
            precision, key = 1, place.place_id  # told with the city's other reports
        else:
            # a village no gazetteer knows keeps its own name, at its container: a town or a
            # district locates it near (2), a governorate or a region only roughly (3)
            key = "name:" + doc.text[doc.tokens[pm.tok_start].start:doc.tokens[pm.tok_end - 1].end]
            unknown = pm.text.strip("\"'«»“”")
            if unknown.startswith("وال") and len(unknown) > 5:
                unknown = unknown[1:]  # "قرى النخيلة والسويق": the list's و is no part of the name
            # a known name with its direction adjective (الجيزة الشمالية) is a name however common,
            # and so is a hashtag ("#بيت_رجال")
            # and so is a common word a singular settlement noun names ("بلدة الخبر"، "قرية الحرية")
            # and so is a list's later word its plural noun names ("قريتي الحصن والمزرعة") and a
            # name opening with a place-name head ("تل حيدر"، "برج حيدر")
            common = is_common_phrase(unknown) and pm.reason not in (DIRECTION_NAMED, LISTED_NAME) and \
                "_" not in unknown and not named_by_settlement_noun(doc, pm.tok_start) and \
                not (" " in unknown and unknown.split(" ", 1)[0] in cue_words("place_name_head"))
            unknown = unknown.lstrip("#").replace("_", " ")
            if common and area_only:
                return None  # "في قرية تابعة لقضاء سنجار": an ordinary word names no village
            if common:
                precision = 2  # "منطقة رئيسية", "مخيمات العودة": an ordinary word, no village's name
            else:
                precision = 3 if place.kind in ("admin1", "region") else 2
                direction = pm.relation if pm.relation in ("north", "south", "east", "west", "countryside") else None
                own_side = None
                if area_only:
                    direction = anchor.relation if anchor.relation == "countryside" else None
                    # "وقرية ابريهة بالريف الشرقي": the side of the lead's countryside the text gives it
                    own_side = _side_of_the_list_countryside(a, pm)
                    if own_side is not None:
                        direction = "countryside"
                return Where(pm, place, key, precision, direction, unknown_name=unknown,
                             located_by=anchor if area_only else None,
                             compass=own_side or pm.compass or (anchor.compass if precision == 2 or
                                                                place.kind == "admin1" else None),
                             in_countryside=own_side is not None or "countryside" in (pm.relation, anchor.relation))
    else:
        city = _city_of_a_far_namesake(a, pm)
        if city is not None:
            return Where(pm, city, city.place_id, 1, None)
        town = place
        for _ in range(3):  # a prison in a neighbourhood in a town: the town
            if town.kind not in ("neighbourhood", "facility") or not town.parent:
                break
            town = a.gaz.get(town.parent) or town
        key = town.place_id
        if place.kind == "admin2":
            precision = 2  # a district: "في مديرية الملاجم"، "بجبهة نهم" (the guide's 2, not a governorate's 3)
        elif place.is_area:
            precision = 3
        elif pm.relation == "district" and anchor is not None and anchor.place is not None and \
                anchor.place.kind == "city" and pm.anchor.relation is None:
            precision = 1  # a district of a city (مديرية المنصورة في مدينة عدن) is part of it
        elif pm.relation in ("north", "south", "east", "west", "near", "countryside", "district"):
            precision = 2
    if place.kind == "country":
        return None
    direction = pm.relation if pm.relation in ("north", "south", "east", "west", "countryside") else None
    if place.is_area and place.kind != "admin2" and pm.relation == "countryside":
        precision = 3
    compass = pm.compass if (precision == 2 or place.kind == "admin1") and direction is not None else None
    return Where(pm, place, key, precision, direction, compass=compass, in_countryside=direction == "countryside")


def _beside_its_namesake(a: Analysis, pm: PlaceMention) -> Where | None:
    """"قصفت المدفعية بلدة مركبا الجنوبية": a known town's name with a direction adjective, read as
    another place no gazetteer knows, that nothing in the text locates, lies beside the town of the
    bare name (the adjective names the town's region or its twin village): placed there, with its
    own name and precision 2, not lost."""
    if pm.reason != DIRECTION_NAMED or not pm.alternatives:
        return None
    near = pm.alternatives[0][0]
    key = "name:" + a.doc.text[a.doc.tokens[pm.tok_start].start:a.doc.tokens[pm.tok_end - 1].end]
    words = pm.text.strip("\"'«»“”").split()
    nouns = cue_words("bare_name_noun")
    while len(words) > 2 and (normalise_term(words[0]) in nouns or normalise_term(words[0])[1:] in nouns):
        words = words[1:]  # "بلدة مركبا الجنوبية": the name without its noun
    return Where(pm, near, key, 2, None, unknown_name=" ".join(words))


# How many later names of a list may stand between a place and the countryside that ends the list.
LIST_NAMES = 4


def _side_of_the_list_countryside(a: Analysis, pm: PlaceMention) -> str | None:
    """The side of a countryside named with no town after the place, or after the list it opens
    ("قرى العزبة ومعيزيلة بالريف الشمالي": both in the northern countryside)."""
    doc = a.doc
    sent = doc.sentence_of_token(pm.tok_start)
    sent_end = sent.tok_end
    later = {m.tok_start: m.tok_end for m in mentions_of_sentence(a, sent.index)}
    end = pm.tok_end
    for _ in range(LIST_NAMES + 1):
        side = side_of_bare_countryside(doc, end, sent_end)
        if side is not None or end not in later or not doc.tokens[end].text.startswith("و"):
            return side
        end = later[end]
    return None


# How many words before a quarter its city may be named ("في مدينة بعلبك مبنى من طابقين في حي X").
CITY_BEFORE_WORDS = 10


# How far from the city its clause named a quarter's namesake may lie and still be that quarter.
QUARTER_KM = 10.0


def _city_of_a_far_namesake(a: Analysis, pm: PlaceMention):
    """"وسط مدينة عفرين، في حي الأشرفية"، "بقصف على مدينة تعز طال حي الروضة": a quarter (حي X) after
    the city its sentence named, with no place of its own after it, is a quarter of that city,
    however the gazetteer reads its name (Aleppo's quarter, a town in another governorate): the
    city, not a second event place. A namesake within the city stays (حي الشجاعية في غزة)."""
    quarter = _after_neighbourhood_noun(a, pm) or a.doc.tokens[pm.tok_start].text in cue_words("neighbourhood_noun")
    if not quarter or pm.anchor is not None or pm.place is None:
        return None
    city = _city_before(a, pm)
    sent = a.doc.sentence_of_token(pm.tok_start)
    if city is None and any(x.tok_end <= pm.tok_start and x.place is not None and x.place.kind in ("city", "town")
                            for x in mentions_of_sentence(a, sent.index)):
        return None  # "وفي بغداد اعتقلت ... في حي الكرادة": its own sentence names a town
    if city is None:
        # the city the sentence before told ("... وسط مدينة عفرين. ووقع الانفجار في حي X"), unless
        # the name is a quarter of another city the article names (a report from two cities)
        city = _city_of_sentence_before(a, pm)
        home = a.gaz.get(pm.place.parent) if pm.place.parent else None
        if city is None or home is None and pm.place.kind == "neighbourhood" or \
                home is not None and any(x.place is not None and x.place.place_id == home.place_id and
                                         x.role == "event" for x in a.places.mentions):
            return None
    if city.place_id == pm.place.place_id or city.place_id == pm.place.parent or \
            city.latitude is None or pm.place.latitude is None:
        return None
    if distance_km(city.latitude, city.longitude, pm.place.latitude, pm.place.longitude) <= QUARTER_KM:
        return None
    return city


def _city_of_sentence_before(a: Analysis, pm: PlaceMention):
    """The last city or town the sentence before the mention's names as an event place (not the
    container that locates it: "وسط مدينة عفرين شمالي حلب")."""
    index = a.doc.sentence_of_token(pm.tok_start).index
    if index == 0:
        return None
    before = [x for x in mentions_of_sentence(a, index - 1)
              if x.place is not None and x.place.kind in ("city", "town") and x.role == "event"]
    return before[-1].place if before else None


def _after_neighbourhood_noun(a: Analysis, pm: PlaceMention) -> bool:
    return pm.tok_start > 0 and a.doc.tokens[pm.tok_start - 1].text in cue_words("neighbourhood_noun")


def _city_before(a: Analysis, pm: PlaceMention):
    """The city or town named last before the mention in its sentence, within a few words."""
    sent = a.doc.sentence_of_token(pm.tok_start)
    before = [x for x in mentions_of_sentence(a, sent.index)
              if x.tok_end <= pm.tok_start and pm.tok_start - x.tok_end <= CITY_BEFORE_WORDS
              and x.place is not None and x.place.kind in ("city", "town") and x.role in ("event", "container")]
    if not before:
        return None
    return _city_of_a_far_namesake(a, before[-1]) or before[-1].place  # "حي X وحي Y": X's city


def _lead_city(a: Analysis):
    """The city or town the article's lead (its headings and first body sentence) reports from,
    when the article's event places lie mostly in its governorate; else None."""
    if "lead_city" not in a.memo:
        lead = [pm for s in a.doc.sentences[:a.first_body + 1] for pm in mentions_of_sentence(a, s.index)]
        town = next((pm.place for pm in lead if pm.role in ("event", "container") and pm.place is not None
                     and pm.place.kind in ("city", "town")), None)
        if town is not None and not _holds_most_places(a, town):
            town = None
        a.memo["lead_city"] = town
    return a.memo["lead_city"]


def _holds_most_places(a: Analysis, place) -> bool:
    """Does the governorate of ``place`` hold the article's event places (LEAD_AREA_SHARE of them)?"""
    governorates = [(pm.place.country_code, pm.place.admin1) for pm in a.places.mentions
                    if pm.role in ("event", "container") and pm.place is not None
                    and pm.place.kind != "country" and pm.place.admin1]
    return governorates.count((place.country_code, place.admin1)) >= LEAD_AREA_SHARE * len(governorates)


def _actor_tokens(a: Analysis) -> tuple[frozenset[int], frozenset[int]]:
    """The tokens inside actors' names, and the tokens right after them (once per article)."""
    found = a.memo.get("actor_tokens")
    if found is None:
        found = a.memo["actor_tokens"] = (
            frozenset(t for x in a.actors for t in range(x.tok_start, x.tok_end)),
            frozenset(x.tok_end for x in a.actors))
    return found


def _names_a_village(a: Analysis, pm: PlaceMention) -> bool:
    """Is the mention a name the text puts in a place position (after a place noun, or listed
    with such names, or a namesake set aside that stands where a place stands), not a place
    resolved elsewhere? A namesake with no place word before it is an ordinary word ("إحدى
    الخيام"، "ومعربة عن دعمها"), not a village."""
    if pm.place is not None:
        return False
    if pm.reason.startswith(("unknown name", "located by")):
        return True
    return bool(pm.alternatives) and (place_cue_before(a.doc, pm.tok_start) or _listed_after_a_place(a, pm))


def _listed_after_a_place(a: Analysis, pm: PlaceMention) -> bool:
    """"قرى النخيلة والسويق": the name follows another name of a place (not a country's) in a list."""
    return any(m.tok_end == pm.tok_start and m is not pm and (m.place is None or m.place.kind != "country")
               for m in mentions_of_sentence(a, a.doc.sentence_of_token(pm.tok_start).index))


# The share of the article's event places the lead's governorate must hold for its area to
# locate the villages nothing else locates.
LEAD_AREA_SHARE = 2 / 3


def _lead_area(a: Analysis) -> PlaceMention | None:
    """The area of the article's lead (its headings and first body sentence): the first area it
    names, else the town it reports the event in; None when the article's event places lie
    mostly outside its governorate (a report on several fronts says nothing of where a village is)."""
    if "lead_area" not in a.memo:
        lead = [pm for s in a.doc.sentences[:a.first_body + 1] for pm in mentions_of_sentence(a, s.index)]
        areas = {id(pm) for pm in area_mentions(a.places.mentions)}
        lead_areas = [pm for pm in lead if id(pm) in areas]
        # the innermost: "قرى في منطقة سهل الغاب بريف حماة الغربي" puts them in the plain, not
        # anywhere in the western countryside a heading named first
        inner = [pm for pm in lead_areas if pm.anchor is not None and
                 any(pm.anchor is x or (x.place is not None and pm.anchor.place is not None and
                                        x.place.place_id == pm.anchor.place.place_id) for x in lead_areas)]
        area = (inner or lead_areas or [None])[0]
        if area is None:
            area = next((pm for pm in lead if pm.role == "event" and pm.place is not None
                         and pm.place.kind in ("city", "town")), None)
        if area is not None and not _holds_most_places(a, area.place):
            area = None
        a.memo["lead_area"] = area
    return a.memo["lead_area"]


def _neighbourhood_of_city(a: Analysis, pm: PlaceMention, place) -> bool:
    if place.kind not in ("city", "town") or pm.tok_start == 0 or pm.anchor is None:
        return False
    noun = a.doc.tokens[pm.tok_start - 1].text
    if pm.anchor.relation in ("north", "south", "east", "west"):
        # "حي الروضة شمال مدينة تعز": a quarter in the north of the city, not a place outside it
        return noun in cue_words("neighbourhood_noun")
    if pm.anchor.relation not in (None, "inside"):  # "وسط مدينة X" is in it
        return False
    if noun in cue_words("neighbourhood_noun") or noun in cue_words("street_noun"):
        return True
    # "منطقة باب التبانة بمدينة طرابلس": an area the text puts inside the city
    tokens, t = a.doc.tokens, pm.anchor.tok_start
    city = cue_words("city_noun")
    if tokens[t].text in city or tokens[t].text in cue_words("in_city"):
        t += 1  # the anchor's mention holds its noun: "في مدينة طرابلس"
    before = tokens[t - 1].text if t > 0 else ""
    inside = before in cue_words("in_city") or \
        (before in city and t > 1 and tokens[t - 2].text in cue_words("in_city_preposition"))
    return noun in cue_words("inside_area_noun") and inside


def mentions_of_sentence(a: Analysis, sent_index: int) -> list[PlaceMention]:
    """The place mentions of one sentence, in reading order (indexed once per article)."""
    index = a.memo.get("mentions_by_sentence")
    if index is None:
        index = a.memo["mentions_by_sentence"] = {}
        for pm in a.places.mentions:
            index.setdefault(a.doc.sentence_of_token(pm.tok_start).index, []).append(pm)
    return index.get(sent_index, [])


def sentence_places(a: Analysis, sent_index: int) -> list[Where]:
    """The event places of one sentence, or a place it locates the event near."""
    sent = a.doc.sentences[sent_index]
    out = []
    for pm in mentions_of_sentence(a, sent_index):
        w = where_of(a, pm)
        if w is not None:
            out.append(w)
    if not out:
        fallback = _approximate_place(a, sent)
        if fallback is not None:
            out.append(fallback)
    elif all(_only_roughly_located(w) for w in out):
        # "في منطقة وادي خليل، على طريق الزرارية - أبو الأسود في جنوب لبنان": a valley or an area no
        # gazetteer knows, which only its region locates, lies on the road the sentence names: near
        # the road's end, as a village no gazetteer knows at a road's end does
        near = _road_end_in_area(a, sent, out[0].place)
        if near is not None:
            out = [Where(w.mention, near.place, w.town_key, 2, None, unknown_name=w.unknown_name, compass=near.compass)
                   for w in out]
    return out


def _only_roughly_located(w: Where) -> bool:
    """Is ``w`` a name no gazetteer knows, placed only at its governorate or region (precision 3)?"""
    return w.unknown_name is not None and w.precision == 3 and w.place is not None and \
        w.place.kind in ("admin1", "region")


def _road_end_in_area(a: Analysis, sent, area) -> PlaceMention | None:
    """The first known town of the sentence that ends a road (على طريق X - Y) and lies in ``area``
    (its governorate, or within a region's reach of its centre), or None."""
    for pm in mentions_of_sentence(a, sent.index):
        town = pm.place
        if town is None or town.is_area or not pm.reason.startswith("an end of a road") or _far_from(a, pm):
            continue
        if town.country_code != area.country_code:
            continue
        if area.kind == "admin1" and town.admin1 != area.admin1:
            continue
        if area.kind == "region" and distance_km(town.latitude, town.longitude, area.latitude, area.longitude) > REGION_REACH_KM:
            continue
        return pm
    return None


# How far from a region's centre (جنوب لبنان، شرق الفرات) a road's end may lie and still be in it.
REGION_REACH_KM = 100


def _approximate_place(a: Analysis, sent) -> Where | None:
    """With no event place in the sentence, a distance reference (على بعد 20 كم غرب تدمر) or
    a road's end (على طريق حمص - تدمر) still locates the event: near that town, precision 2. A
    district at an end of a road or boundary (سلسلة الجبال الفاصلة بين مديريتي ناطع والملاجم) holds
    the line where it meets the other end: the event is in that district, precision 2."""
    refs = [pm for pm in mentions_of_sentence(a, sent.index)
            if pm.place is not None and (not pm.place.is_area or
                                         pm.place.kind == "admin2" and pm.reason.startswith("an end of a road"))
            and pm.reason.startswith(("a distance reference", "an end of a road"))
            and not _far_from(a, pm)]
    if not refs:
        # "على الطريق الواصل بين قرية X وقرية Y بمحافظة Z": ends no gazetteer knows; the first one
        # the text locates keeps the event, at its container (never dropped)
        for pm in mentions_of_sentence(a, sent.index):
            if pm.place is None and pm.reason.startswith("an end of a road") and pm.anchor is not None:
                w = where_of(a, pm, roles=("reference",))
                if w is not None:
                    return w
        return _facility_near_seat(a, sent) or _side_of_the_town_told(a, sent)
    # "على طريق دمشق-السويداء" in a report that places the attack north of السويداء elsewhere: the end
    # the article places events at or near is where the event was, not the capital the road starts from
    pm = min(refs, key=lambda p: (not p.reason.startswith("a distance"), _told_elsewhere(a, p, sent) is None,
                                  p.tok_start))
    told = _told_elsewhere(a, pm, sent)
    if told is not None and told.role == "container":
        # "... محيط منطقة خربة عرمان، شمالي السويداء" told in another sentence: the site on the road near
        # that end is the place the article locates by it
        for x in a.places.mentions:
            if x.anchor is told and x.role == "event" and (w := where_of(a, x)) is not None:
                return w
    town = pm.place
    direction = pm.relation if pm.relation in ("north", "south", "east", "west") else None
    village = next((v for v in mentions_of_sentence(a, sent.index)
                    if v.place is None and v.role == "event" and v.reason.startswith("unknown name")), None)
    if village is not None:
        # "في بلدة بيت بيش عند مثلث الطريق بين مديرية حيس ومحافظة إب": the village no gazetteer
        # knows keeps its own name, at the point the reference gives
        name = village.text.strip("\"'«»“”")
        return Where(village, town, "name:" + name, 2, direction, unknown_name=name, compass=pm.compass)
    return Where(pm, town, town.place_id, 2, direction, compass=pm.compass)


def _told_elsewhere(a: Analysis, pm: PlaceMention, sent) -> PlaceMention | None:
    """The mention of another sentence that names the road's end ``pm`` as an event place, or as the
    place that locates one; None when there is none (or ``pm`` is no road's end)."""
    if not pm.reason.startswith("an end of a road"):
        return None
    return next((x for x in a.places.mentions if x.place is not None and x.place.place_id == pm.place.place_id
                 and x.role in ("event", "container") and a.doc.sentence_of_token(x.tok_start).index != sent.index),
                None)


def _side_of_the_town_told(a: Analysis, sent) -> Where | None:
    """"أفادت مصادر أمنية في كركوك بمقتل خمسة بتفجير جنوب غرب المدينة": a side of a town the text
    refers back to (``town_backref_noun`` after a compass word) lies near the last city or town
    named before it, in its sentence or the one before, whatever that mention's role (a speaker's
    seat too): precision 2, on that side; "وسط المدينة" is in that town (precision 1). Only for a
    sentence that names no event place of its own."""
    from marsad.geo.places import relation_words
    directions = relation_words("ar", "before")
    nouns, inside = cue_words("town_backref_noun"), cue_words("relation_inside_word")
    for t in range(sent.tok_start + 1, sent.tok_end):
        side = a.doc.tokens[t - 1].text
        if a.doc.tokens[t].text not in nouns or side not in directions and side not in inside:
            continue
        told = [x for i in (sent.index - 1, sent.index) if i >= 0 for x in mentions_of_sentence(a, i)
                if x.tok_end <= t and x.place is not None and x.place.kind in ("city", "town")]
        # "في مدينة اعزاز (42 كم شمال مدينة حلب) ... وسط المدينة": the town the distance is measured
        # from is not the one the text goes on about
        told = [x for x in told if not x.reason.startswith("a distance reference")] or told
        if told:
            town = told[-1].place
            if side in inside:  # "انفجرت عبوة وسط المدينة": in the town itself
                return Where(told[-1], town, town.place_id, 1, None)
            return Where(told[-1], town, town.place_id, 2, directions[side])
    return None


# Beyond this many km from its reference town an event is not "near" it (precision 2): "650 كم
# جنوب شرق طرابلس" tells how far the event is from the capital, not that it happened there.
NEAR_REFERENCE_KM = 40


def _far_from(a: Analysis, pm) -> bool:
    """Does a distance in digits right before the reference ("على بعد 650 كم جنوب شرق X") put
    the event more than :data:`NEAR_REFERENCE_KM` from it?"""
    if not pm.reason.startswith("a distance reference"):
        return False
    sent = a.doc.sentence_of_token(pm.tok_start)
    for t in range(pm.tok_start - 1, max(sent.tok_start, pm.tok_start - 6) - 1, -1):
        word = a.doc.tokens[t].text
        if word.isdigit():
            return int(word) > NEAR_REFERENCE_KM
    return False


def fallback_places(a: Analysis, lo: int, hi: int) -> list[Where]:
    """Places of tokens [lo, hi) whose role makes them the event's place only when nothing else
    is: a home town, a campaign's name, a place that introduces a paragraph."""
    from marsad.geo.places import FALLBACK_ROLES
    # "أوعزت لقواتها من مدينة مصراتة بالهجوم على منطقة الداوون": the event has a place of its
    # own, one no gazetteer knows; a home town or a campaign's name is not it
    first, last = a.doc.sentence_of_token(lo).index, a.doc.sentence_of_token(max(lo, hi - 1)).index
    near = [pm for s in range(first, last + 1) for pm in mentions_of_sentence(a, s)]
    unknown = any(lo <= pm.tok_start < hi and pm.role == "event" and pm.place is None for pm in near)
    roles = ("intro",) if unknown else FALLBACK_ROLES
    out = []
    for pm in near:
        if lo <= pm.tok_start < hi and pm.role in roles and \
                not (pm.role == "label" and a.doc.sentence_of_token(pm.tok_start).is_heading):
            # a headline that names only a campaign ("معركة طرابلس") places no event
            w = where_of(a, pm, roles=FALLBACK_ROLES)
            if w is not None:
                out.append(w)
    return out


# How many words may stand between a seat's town and the site near it ("في البصرة قرب المطار").
SITE_AFTER_SEAT = 3


def _facility_near_seat(a: Analysis, sent) -> Where | None:
    """"وتقع القنصلية في البصرة قرب المطار الذي تعرض لهجوم": the town an institution sits in is no
    event place, but the site near it that a relative clause says was attacked is: the town's
    site of that kind when the gazetteer knows it (precision 1), else near the town (2)."""
    doc = a.doc
    near, relative = cue_words("relation_near"), ("الذي", "التي")
    for pm in mentions_of_sentence(a, sent.index):
        if pm.place is None or pm.place.kind not in ("city", "town") or \
                not pm.reason.startswith("the seat of an institution"):
            continue
        t = pm.tok_end
        words = [doc.tokens[k].text for k in range(t, min(sent.tok_end, t + SITE_AFTER_SEAT + 3))]
        for i, word in enumerate(words[:SITE_AFTER_SEAT]):
            # "قرب المطار الذي"، "بالقرب من المطار الذي"
            j = i + 1 if word in near else i + 2 if " ".join(words[i:i + 2]) in near else None
            if j is None or j + 1 >= len(words) or words[j + 1] not in relative:
                continue
            site = words[j]
            if not site.startswith("ال") or site[2:] not in cue_words("place_noun"):
                continue
            town = doc.token_span(pm.tok_start, pm.tok_end).text
            names = {town, town.split(" ", 1)[-1], town[1:]}  # "مدينة الموصل"، "بالموصل"
            found = [p for name in names for p in a.gaz.lookup(f"{site[2:]} {name}") if p.kind == "facility"]
            if found:
                return Where(pm, found[0], found[0].place_id, 1, None)
            return Where(pm, pm.place, pm.place.place_id, 2, None)
    return None


# The settlements (kinds) whose countryside or side an event may be placed in; an area
# (governorate) is placed in its own settlements.
_SIDE_PLACE_KINDS = ("city", "town", "village")


def container_part(where: Where):
    """Where in its container an event lies that the text places no more precisely than a
    town's countryside (ريف حمص الشرقي), a side of a town (X شرقي منبج) or a governorate
    (قرية X في محافظة درعا، ريف دمشق): a :class:`marsad.geo.containers.ContainerPoint`, or
    None to keep the place's own point (a named town, a district, a place with no known
    settlement around it). See :mod:`marsad.geo.containers`."""
    from marsad.geo.containers import container_point
    place = where.place
    if place.kind == "admin1":
        if where.precision == 1:
            return None
        return container_point(place, where.compass, countryside=True)
    if where.precision != 2 or place.kind not in _SIDE_PLACE_KINDS:
        return None
    if where.compass is None and not where.in_countryside:
        return None  # "قرب مدينة X"، "أطراف X": near the town, on no side the text gives
    return container_point(place, where.compass, countryside=where.in_countryside)


def container_location(where: Where) -> str | None:
    """The location name of an event placed in a town's countryside with no place of its own
    ("Eastern Homs countryside"), or None to keep the place's name."""
    from marsad.geo.containers import countryside_name
    if where.unknown_name or not where.in_countryside or where.precision != 2 or \
            where.place.kind not in _SIDE_PLACE_KINDS:
        return None
    return countryside_name(where.place, where.compass)
