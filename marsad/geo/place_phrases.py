"""Shapes of the words around a place name that decide its role: the far end of a road named by
its ends, the tail of a local compound name, the people of a place as a side of a clash, a
second locative phrase. Each reads only the tokens and the cue lists (``kb/data/cues.tsv``)."""
from __future__ import annotations

from marsad.arabic.tokenise import Doc
from marsad.cues import cue_phrases, cue_words
from marsad.model import PlaceMention


def behind_locative_ba(word: str) -> bool:
    """"بمحافظة"، "بريف"، "بالموصل": a word with the locative ب (not a name that starts with ب)."""
    return word.startswith("ب") and not word.startswith(cue_phrases("ba_initial_name"))


def compound_tail(doc: Doc, tok: int, end: int) -> bool:
    """"مفرق وعاله وراس الحديدة بجبل الظهر": a known name right after a head noun of a compound name
    (رأس، بئر، نقيل; bare or behind و, no preposition) and followed by a locative ب before a place
    noun, or by في, is the tail of a local name the text puts in that container, not the city."""
    if tok == 0 or end >= len(doc.tokens):
        return False
    sent = doc.sentence_of_token(tok)
    if tok - 1 < sent.tok_start or end >= sent.tok_end:
        return False
    head = doc.tokens[tok - 1].text
    heads = cue_words("compound_name_head")
    if not (head in heads or (head[:1] == "و" and head[1:] in heads)):
        return False
    nxt = doc.tokens[end].text
    return nxt == "في" or (behind_locative_ba(nxt) and place_noun_word(nxt[1:]))


def place_noun_word(word: str) -> bool:
    """Is ``word`` a place noun or a relief noun (جبل، مديرية، منطقة ...)?"""
    return word in cue_words("place_noun") or word in cue_words("feature_noun")


# How many words the first end of a road may take between بين and the و of its second end.
ROAD_FIRST_END_WORDS = 3


def second_end_of_road(doc: Doc, tok: int, sent_start: int, prev: PlaceMention | None) -> bool:
    """"الخط الرابط بين السعودية ومحافظة الجوف"، "الطريق الواصل بين منفذ الوديعة ومدينة سيئون": the
    و-joined Y of a road between X and Y whose X is no place mention of its own (a country read as
    a side, a name no gazetteer knows) is the road's far end."""
    conj = tok
    if not doc.tokens[conj].text.startswith("و") and conj - 1 >= sent_start and \
            doc.tokens[conj - 1].text.startswith("و") and place_noun_word(doc.tokens[conj - 1].text[1:]):
        conj -= 1  # "ومدينة حجة": the mention may start after its place noun
    if not doc.tokens[conj].text.startswith("و"):
        return False
    for between in range(conj - 2, max(sent_start, conj - 1 - ROAD_FIRST_END_WORDS) - 1, -1):
        if doc.tokens[between].text == "بين":
            if prev is not None and prev.tok_end > between:
                return False  # the first end is a mention of its own: the rules of بين X و Y decide
            words = [doc.tokens[t].text for t in range(between + 1, conj)]
            return not any(w in ("،", ",", ".") for w in words) and road_between(doc, between, sent_start)
    return False


def road_between(doc: Doc, between: int, sent_start: int) -> bool:
    """Is the بين at ``between`` the one of a road named by its ends (الخط الرابط بين، طريق بين)?"""
    j = between - 1
    links = cue_words("road_link_word")
    return j >= sent_start and (doc.tokens[j].text in links or
                                doc.tokens[j].text.lstrip("وب") in cue_words("road_noun"))


# How many words may stand between a word of fighting and the بين of the quarters it rages between.
FIGHT_BETWEEN_WORDS = 3


def fight_between(doc: Doc, between: int, sent_start: int) -> bool:
    """"والنيران تتصاعد بين الشياح وعين الرمانة"، "اشتباكات عنيفة بين حيي X وY": the places after the بين of
    a word of fighting (no road's) are the quarters the fight rages between, the event's, not the ends
    of a road or border."""
    if road_between(doc, between, sent_start):
        return False
    words = cue_words("fight_between_word")
    return any(doc.tokens[k].text.lstrip("و") in words
               for k in range(max(sent_start, between - FIGHT_BETWEEN_WORDS), between))


# How many words may stand between an event word and the بين that names its sides.
CLASH_SIDES_REACH = 3


def side_of_a_clash(doc: Doc, tok: int, sent_start: int, home: dict[int, int], attack_tokens: set[int]) -> bool:
    """"اشتباكات بين أبناء قرية X والحوثيين"، "مواجهات اندلعت بين أهالي بلدة X وقوات الأمن": the people
    of a place as a side of the event word's بين fight in their place; it is the event's, not only
    where they come from."""
    for t, end in home.items():
        if not (sent_start < t and end <= tok and tok - end <= 2):
            continue
        if doc.tokens[t - 1].text != "بين":
            continue
        return any(k in attack_tokens for k in range(max(sent_start, t - 1 - CLASH_SIDES_REACH), t - 1))
    return False


def sibling_locatives(doc: Doc, x: PlaceMention, y: PlaceMention) -> bool:
    """"تركزت في المرتفعات الشرقية لمديرية X، وفي منطقة Y": a place in a locative phrase of its own,
    joined by و + في to another, is a second place of the event, not inside the first: the first
    keeps its role and does not locate the second (a name no gazetteer knows may lie far off). A
    governorate, region or countryside first ("في ريف إدلب وفي قرية X") still holds the village."""
    p = x.place
    if p is None or p.kind in ("admin1", "region", "country") or x.relation == "countryside":
        return False
    lo, hi = (x.tok_end, y.tok_start) if x.tok_end <= y.tok_start else (y.tok_end, x.tok_start)
    words = [doc.tokens[t].text for t in range(lo, hi)]
    return any(w == "وفي" or (w == "و" and nxt == "في") for w, nxt in zip(words, words[1:] + [""]))


# How many words (adjectives of the road: الدولي، السريع) may stand between a road noun and the
# relative pronoun of the clause that names its ends.
ROAD_VERB_REACH = 3


def road_by_verb(doc: Doc, tok: int, sent_start: int) -> bool:
    """"الأوتوستراد الدولي الذي يربط X بY"، "الطريق التي تصل بين X وY": the place at ``tok`` is
    the first end of a road a relative clause names by its ends (after the verb, or after its بين);
    a place noun (مدينة، تل) may open the end's words."""
    j = tok - 1
    if j >= sent_start and place_noun_word(doc.tokens[j].text):
        j -= 1
    if j >= sent_start and doc.tokens[j].text == "بين":
        j -= 1
    if j - 1 < sent_start or doc.tokens[j].text not in cue_words("road_link_verb") or \
            doc.tokens[j - 1].text not in cue_words("relative_pronoun"):
        return False
    roads = cue_words("road_noun_definite")
    return any(doc.tokens[k].text in roads for k in range(max(sent_start, j - 2 - ROAD_VERB_REACH), j - 1))


def far_end_by_verb(doc: Doc, tok: int, prev: PlaceMention | None) -> bool:
    """The Y of "الطريق الذي يربط X بY" or "... بين X وY": it follows the first end right away."""
    if prev is None or not prev.reason.startswith("an end of a road named by a verb"):
        return False
    gap = [doc.tokens[t].text for t in range(prev.tok_end, tok)]
    return gap in ([], ["و"]) or (len(gap) == 1 and gap[0].startswith(("و", "ب")) and place_noun_word(gap[0][1:]))


# How many words a heading participle may stand before the place it heads to
# ("متوجهة صوب مناطق X": the participle, the preposition, a place noun).
HEADING_REACH = 4


def heading_from_origin(doc: Doc, tok: int, sent_start: int, mentions: list[PlaceMention]) -> bool:
    """"صواريخ انطلقت من المنطقة متوجهة صوب مناطق X"، "قوافل خرجت من Y متجهة نحو X": a place after
    a participle of heading (``heading_participle``) and a word of direction, in a sentence that
    names before it where the thing set out from (من + a place or an area noun, منها، من هناك),
    is where it was bound, not where anything happened: its origin, or the place the text told
    before, is the event's. (Fire "أطلق من X باتجاه Y" with no participle strikes Y.)"""
    words = [doc.tokens[t].text for t in range(max(sent_start, tok - HEADING_REACH), tok)]
    heads = cue_words("heading_participle")
    at = next((i for i, w in enumerate(words) if w in heads), None)
    if at is None:
        return False
    rest = words[at + 1:]
    goal = cue_words("goal_preposition") | cue_words("destination_preposition")
    if not rest or rest[0] not in goal or any(w in ("،", ",", ".") for w in rest) or \
            not all(place_noun_word(w) for w in rest[1:]):
        return False
    participle = tok - len(words) + at
    starts = {m.tok_start for m in mentions}
    for t in range(sent_start, participle):
        w = doc.tokens[t].text
        if w in cue_words("origin_pronoun"):
            return True
        if w == "من" and t + 1 < participle and (
                t + 1 in starts or place_noun_word(doc.tokens[t + 1].text) or
                doc.tokens[t + 1].text in cue_words("lone_place_noun") or
                doc.tokens[t + 1].text.removeprefix("ال") in cue_words("lone_place_noun")):
            return True
    return False


# How many words a destination preposition may stand before the place that holds the destination
# ("إلى مستشفى في مدينة X": the preposition, the facility, في, a place noun).
DESTINATION_SEAT_REACH = 5


def destination_with_its_seat(doc: Doc, tok: int, sent_start: int, event_tokens: set[int]) -> bool:
    """"نقلوا إلى مستشفى في مدينة X"، "أسعف إلى مشفى ميداني بX": after a movement verb, a place that
    holds the destination a preposition named (a word, في or a locative ب, a place noun) is where
    the people were taken, not where the act happened; no event word or comma may stand between."""
    lo = max(sent_start, tok - DESTINATION_SEAT_REACH)
    preps = cue_words("destination_preposition")
    for p in range(tok - 2, lo - 1, -1):
        w = doc.tokens[p].text
        if w in ("،", ",", ".") or p in event_tokens:
            return False
        if w in preps:
            between = [doc.tokens[t].text for t in range(p + 1, tok)]
            if any(t in event_tokens for t in range(p + 1, tok)) or any(x in ("،", ",") for x in between):
                return False
            return any(x == "في" or behind_locative_ba(x) for x in between[1:])
    return False
