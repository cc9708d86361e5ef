"""Place mentions in an article: gazetteer names, unknown names after a place
noun (``قرية X``), their role, their relation to another place, and the
place each resolves to.

Roles: ``event`` (where something happened, unless the events say
otherwise), ``route`` (عبر X), ``origin`` (قادمين من X، أُطلقت من X),
``destination`` (نُقل إلى مشفى X), ``reference`` (X كم غرب Y، الحدودي مع Y،
القريبة من Y، مراسل في Y), ``container`` (Y in "X في مدينة Y" or "X، جنوبي Y":
Y only locates X), ``dateline`` (إدلب – نورث برس) and ``country`` (a country is
never an event place).

Relations say where the event lies relative to the named place:
``north``/``south``/... (شمال X), ``near`` (قرب X، محيط X، أطراف X) and
``countryside`` (ريف X): those give geo_precision 2.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.arabic.frequency import COMMON_ZIPF, is_common_phrase, zipf
from marsad.arabic.matcher import PhraseMatcher
from marsad.arabic.normalise import normalise_term
from marsad.arabic.tokenise import Doc, stem_candidates
from marsad.cues import cue_matcher, cue_phrases, cue_starts, cue_words
from marsad.errors import KnowledgeBaseError
from marsad.geo.gazetteer import distance_km, load_gazetteer, on_names_changed
from marsad.geo.place_phrases import (behind_locative_ba, compound_tail, destination_with_its_seat,
                                     far_end_by_verb, fight_between, heading_from_origin, place_noun_word,
                                     road_between, road_by_verb, second_end_of_road, sibling_locatives,
                                     side_of_a_clash)
from marsad.kb import load_table, split_list
from marsad.model import Place, PlaceMention

_RELATIONS = ("north", "south", "east", "west", "near", "countryside", "district")
_POSITIONS = {"ar": ("before", "after", "pronoun"), "en": ("before", "after", "of")}


@lru_cache(maxsize=1)
def _relation_table() -> dict[tuple[str, str], dict[str, str]]:
    """(lang, position) -> normalised word -> relation (``kb/data/relation_words.tsv``)."""
    table: dict[tuple[str, str], dict[str, str]] = {}
    for row in load_table("relation_words.tsv", required=("word", "lang", "position", "relation")):
        where = f"relation_words.tsv:{row['_line']}"
        lang, position, relation = row["lang"], row["position"], row["relation"]
        if position not in _POSITIONS.get(lang, ()):
            raise KnowledgeBaseError(f"no position {position!r} for lang {lang!r}", where=where)
        if relation not in _RELATIONS:
            raise KnowledgeBaseError(f"unknown relation {relation!r}", where=where)
        words = table.setdefault((lang, position), {})
        word = normalise_term(row["word"])
        if word in words:
            raise KnowledgeBaseError(f"{row['word']!r} is listed twice", where=where)
        words[word] = relation
    return table


@lru_cache(maxsize=None)
def relation_words(lang: str, *positions: str) -> dict[str, str]:
    """Word -> relation of the relation words of ``lang`` standing at ``positions`` (before, after,
    pronoun, of: see ``kb/data/relation_words.tsv``). Shared: do not change it."""
    out: dict[str, str] = {}
    for position in positions:
        out.update(_relation_table().get((lang, position), {}))
    return out


def _directions() -> dict[str, str]:
    """The Arabic compass words (شمال، شرقي، جنوبها، الغربي) -> north, south, east or west."""
    return relation_words("ar", "before", "pronoun", "after")


@lru_cache(maxsize=1)
def place_matcher() -> PhraseMatcher:
    # no attached pronouns on place names: "الجولاني" (a person's name) is not "الجولان" + ي
    matcher = PhraseMatcher(min_stem=3, final_suffixes=False)
    for tokens, key in load_gazetteer().name_tokens():
        matcher.add_tokens(tokens, key)
    return matcher


@lru_cache(maxsize=1)
def adjective_matcher() -> PhraseMatcher:
    """Country adjectives (السوري، الليبيتين ...), whose payload is the gazetteer key."""
    matcher = PhraseMatcher(min_stem=3, final_suffixes=False)
    for tokens, key in load_gazetteer().name_tokens(adjectives=True):
        matcher.add_tokens(tokens, key)
    return matcher


# Analysts' local entries (gazetteer.register_local_places) change the names: drop the matchers built from them.
on_names_changed(place_matcher.cache_clear)
on_names_changed(adjective_matcher.cache_clear)


# Countries whose Arabic names in GeoNames are native; elsewhere (Turkey, Iran ...) Arabic
# alternate names are often transliterated common words, so only big or curated places count.
ARABIC_REGION = {"SY", "IQ", "LB", "JO", "PS", "IL", "YE", "LY", "SD", "EG", "SA", "KW", "QA", "AE", "BH", "OM",
                 "TN", "DZ", "MA", "MR", "SO", "DJ", "SS"}


# cues.tsv categories whose words are place stopwords: the cue words of the extraction rules
# that were stopwords before they moved to cues.tsv. Every other category (place names
# themselves, and the word lists the rules compare a token with) is not: as stopwords its words
# would change which names count as places, so a new category is none unless listed here.
_STOPWORD_CUES = frozenset({
    "negation", "modality", "background", "subordinate", "generic", "route", "origin", "destination_verb",
    "reference", "relation_direction", "relation_near", "relation_countryside", "relation_inside",
    "place_noun", "place_adjective", "offtopic_sport", "attribution", "habitual_verb", "perpetrator_weapon",
    "mixed_casualties", "media_noun", "title_noun", "seizure_verb", "weapon_noun", "person_name",
    "landmark_noun", "clause_contrast", "clause_addition", "clause_sequence", "clause_result",
    "clause_elaboration", "clause_temporal", "clause_relative", "clause_content", "clause_verb",
    "long_duration", "home_town", "position_participle", "campaign_noun", "tally_since", "tally_word",
    "military_target", "civilian_target", "unknown_attacker",
})


@lru_cache(maxsize=1)
def place_stopwords() -> frozenset[str]:
    """Words of marsad's own lexicons (actors, triggers, cues, dates, numbers): when a gazetteer
    name is one of them, it is a place only after a place noun (قرية، مدينة ...)."""
    from marsad.kb import DATA_DIR
    words: set[str] = set()
    for path in DATA_DIR.glob("*.tsv"):
        if path.name in ("places.tsv", "admin1.tsv", "admin2.tsv", "countries.tsv"):
            continue
        for row in load_table(path.name):
            if "cue" in row and row["cue"] not in _STOPWORD_CUES:
                continue
            for key, cell in row.items():
                if key.startswith("_") or not cell:
                    continue
                for part in cell.split("|"):
                    term = normalise_term(part)
                    if term and " " not in term and any("\u0600" <= ch <= "\u06ff" for ch in term):
                        words.add(term)
    return frozenset(words)


@lru_cache(maxsize=1)
def place_adjectives() -> frozenset[str]:
    """Words that describe a place noun instead of naming it: "حي سكني", "منطقة زراعية" (cues.tsv)."""
    return frozenset(normalise_term(r["phrase"]) for r in load_table("cues.tsv") if r.get("cue") == "place_adjective")


def _plausible(place: Place) -> bool:
    """Keep a candidate: curated, an area, in the Arabic-speaking region, or a big city elsewhere."""
    return (place.place_id.startswith("cur:") or place.kind in ("admin1", "admin2", "country") or
            place.country_code in ARABIC_REGION or place.population >= 100_000)


def _place_noun_matcher() -> PhraseMatcher:
    """Place nouns with proclitics (بقرية، وبلدتي) but no attached pronoun: "المدني" is not "مدن"."""
    return cue_matcher("place_noun", suffixes=False)


@dataclass
class PlaceAnalysis:
    mentions: list[PlaceMention]
    countries: list[str]  # the article's countries, most mentioned first
    admin1: list[tuple[str, str]] = field(default_factory=list)  # (country_code, admin1), most mentioned first


def _direction_before(doc: Doc, tok: int, sent_start: int) -> tuple[str | None, int]:
    """A relation word right before token ``tok`` (skipping a place noun): (relation, first token)."""
    j = tok - 1
    if tok < len(doc.tokens) and _conjoined_name(doc.tokens[tok].text):
        return None, tok  # "في دارفور غرب وكردفان": the side belongs to the place before the و
    if j >= sent_start and _is_district_word(doc.tokens[j].text):
        return "district", j  # "قضاء الحمدانية", "بناحية تل تمر": the district, not its seat
    place_nouns = cue_words("relation_place_noun")
    while j >= sent_start and doc.tokens[j].text in place_nouns:
        j -= 1
    if j < sent_start:
        return None, tok
    word = doc.tokens[j].text
    english = _english_relation_before(doc, tok, sent_start)
    if english[0]:
        return english
    directions = _directions()
    base = word[1:] if word[:1] in ("و", "ب", "ف", "ل") and word[1:] in directions else word
    if base in relation_words("ar", "pronoun"):
        return None, tok  # "وبنش شرقها ومعرة مصرين": شرقها belongs to the place before
    if base in directions:
        k = j
        # "شمال شرقي X", "جنوب غرب X"
        if k - 1 >= sent_start and doc.tokens[k - 1].text in directions:
            k -= 1
        return directions[base], k
    stems = {word, word[1:] if len(word) > 3 else word, word[2:] if word.startswith(("وب", "ول", "ال")) else word}
    if stems & cue_words("relation_countryside_word"):
        return "countryside", j
    if stems & cue_words("relation_near_word"):
        return "near", j
    if word == "من" and j - 1 >= sent_start and doc.tokens[j - 1].text in cue_words("relation_near_min"):
        return "near", j - 1
    if stems & cue_words("relation_inside_word"):
        return "inside", j
    return None, tok


def _conjoined_name(word: str) -> bool:
    """Is ``word`` و + a known place name (وكردفان), not a name that begins with و (ودان، واسط)?"""
    if not word.startswith("و") or len(word) < 4:
        return False
    gaz = load_gazetteer()
    return not gaz.lookup(normalise_term(word)) and bool(gaz.lookup(normalise_term(word[1:])))


def _plural_countryside(doc: Doc, tok: int, sent_start: int) -> bool:
    """Is the place at ``tok`` after a dual or plural of ريف (ريفي، أرياف)?"""
    relation, first = _direction_before(doc, tok, sent_start)
    word = doc.tokens[first].text
    return relation == "countryside" and (word in cue_words("relation_countryside_plural") or
                                          word[1:] in cue_words("relation_countryside_plural"))


def _english_relation_before(doc: Doc, tok: int, sent_start: int) -> tuple[str | None, int]:
    """"near X", "west of X", "on the outskirts of X", "the countryside of X", "the X district"."""
    j = tok - 1
    if j < sent_start:
        return None, tok
    for phrase, relation in relation_words("en", "before").items():
        words = phrase.split()
        first = j - len(words) + 1
        if first >= sent_start and all(doc.tokens[first + i].text == w for i, w in enumerate(words)):
            return relation, first
    if doc.tokens[j].text == "of" and j - 1 >= sent_start:
        relation = relation_words("en", "of").get(doc.tokens[j - 1].text)
        if relation is not None:
            return relation, j - 1
    return None, tok


def _direction_after(doc: Doc, tok_end: int, sent_end: int) -> str | None:
    """"ريف إدلب الجنوبي": a direction adjective right after the name; "Idlib countryside"."""
    if tok_end >= sent_end:
        return None
    word = doc.tokens[tok_end].text
    return relation_words("ar", "after").get(word) or relation_words("en", "after").get(word)


# How many words before "ل + capital" an attack noun may stand for the capital to be its object (the
# noun and its agent: قصف المعارضة لدمشق).
ATTACK_NOUN_OBJECT_REACH = 3


def _attack_object(doc: Doc, tok: int, sent_start: int, attack_tokens: set[int]) -> bool:
    """"قصفت الطائرات دمشق", "هزت انفجارات بيروت": a capital within a few words after an attack
    word, in its clause, is what was hit, not the government speaking."""
    word = doc.tokens[tok].text
    if word[:1] == "ل" and word[1:] in capital_words():
        # "قصف المعارضة لدمشق": ل after an attack noun and its agent marks what was hit (but
        # "موالين لدمشق": after any other word it names a government)
        return any(t in attack_tokens for t in range(max(sent_start, tok - ATTACK_NOUN_OBJECT_REACH), tok))
    if word not in capital_words():
        return False  # "موالين لدمشق": a preposition makes it no direct object
    use = cue_starts(doc, "weapon_use_word")
    for t in range(max(sent_start, tok - CAPITAL_OBJECT_REACH), tok):
        if t in attack_tokens or t in use:
            between = doc.text[doc.tokens[t].end:doc.tokens[tok].start]
            return not any(ch in between for ch in ",،؛:\"")
    return False


@lru_cache(maxsize=1)
def _capital_names() -> tuple[str, ...]:
    """The capitals that stand for their governments (أعلنت بيروت، ردت طهران): every country's
    capital in ``countries.tsv`` (``capitals_ar``) and the cue list ``metonymic_capital``."""
    names = dict.fromkeys(cue_phrases("metonymic_capital"))
    for row in load_table("countries.tsv", required=("code",)):
        for name in (row.get("capitals_ar") or "").split("|"):
            if name.strip():
                names.setdefault(normalise_term(name.strip()))
    return tuple(names)


@lru_cache(maxsize=1)
def capital_words() -> frozenset[str]:
    """The one-word capitals, as written with no proclitic (the ب of بيروت is its own letter)."""
    return frozenset(n for n in _capital_names() if " " not in n)


@lru_cache(maxsize=1)
def _capital_matcher() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for name in _capital_names():
        matcher.add(name, "capital")
    return matcher


# How many words after an attack word a capital may stand and still be its object.
CAPITAL_OBJECT_REACH = 4


def _cue_before_capital(doc: Doc, tok: int, sent_start: int) -> bool:
    """A place cue before a capital's name; the ب of بيروت is the name's own letter, not "in"."""
    if doc.tokens[tok].text in capital_words():
        return _cue_word_before(doc, tok, sent_start) or _after_capital_noun(doc, tok, sent_start)
    return _place_cue_before(doc, tok, sent_start)


def _after_capital_noun(doc: Doc, tok: int, sent_start: int) -> bool:
    """"في العاصمة الليبية طرابلس"، "العاصمة صنعاء": a capital in apposition to "the capital" is
    the city named as a place (a country adjective may stand between)."""
    j = tok - 1
    if j > sent_start and load_gazetteer().is_adjective(doc.tokens[j].text):
        j -= 1
    if j < sent_start:
        return False
    word = doc.tokens[j].text
    bare = word[1:] if word[:1] in ("و", "ب", "ف") and word[1:3] == "ال" else word
    if (bare[2:] if bare.startswith("ال") else bare) not in cue_words("apposition_noun"):
        return False
    # the capital noun itself stands as a place, after a preposition ("في العاصمة الليبية طرابلس"،
    # "بالعاصمة مقديشو"), not as an object ("غادر العاصمة المصرية القاهرة": where the delegation
    # left from); after a relation word ("شرقي العاصمة السورية دمشق") the capital stays as before
    return word.startswith(("بال", "وبال")) or \
        (j - 1 >= sent_start and doc.tokens[j - 1].text in cue_words("place_preposition"))


def place_cue_before(doc: Doc, tok: int) -> bool:
    """Does a preposition, place noun or relation word stand right before ``tok`` in its sentence,
    or a locative clitic on it ("في X"، "بـX"، "قرب X")?"""
    return _place_cue_before(doc, tok, doc.sentence_of_token(tok).tok_start)


def _place_cue_before(doc: Doc, tok: int, sent_start: int) -> bool:
    """A preposition, place noun or relation word right before ``tok``, or a locative clitic on it."""
    word = doc.tokens[tok].text
    if word.startswith(("ب", "في")) and not word.startswith(cue_phrases("ba_initial_name")) or \
            word.startswith(("وب", "لب")):
        return True
    return _cue_word_before(doc, tok, sent_start)


def _cue_word_before(doc: Doc, tok: int, sent_start: int) -> bool:
    """A preposition, place noun or relation word right before ``tok``, in its sentence."""
    if tok - 1 < sent_start:
        return False
    prev = doc.tokens[tok - 1].text
    return prev in cue_words("place_preposition") or prev in _directions() or prev in cue_words("place_cue_word") \
        or prev.startswith(cue_phrases("place_cue_prefix"))


def _road_end(doc: Doc, tok: int, sent_start: int) -> bool:
    """"على طريق حمص - تدمر", "أوتوستراد دمشق حلب": the places name a road, not the site."""
    j = tok - 1
    adjectives = cue_words("road_adjective")  # a dash between the ends is no token
    while j >= sent_start and doc.tokens[j].text in adjectives:
        j -= 1
    if j < sent_start:
        return False
    word = doc.tokens[j].text
    roads = cue_words("road_noun")
    return word.lstrip("وب") in roads or word in roads


def _after_between(doc: Doc, tok: int, sent_start: int) -> bool:
    """"بين X و Y", "بين محافظات X وY وZ"."""
    j = tok - 1
    if j >= sent_start and doc.tokens[j].text in cue_words("between_noun"):
        j -= 1
    elif j - 1 >= sent_start and place_noun_word(doc.tokens[j].text) and doc.tokens[j - 1].text == "بين":
        # "الطريق الواصل بين تل X و ...": another place noun may open a road's end (not a clash's
        # side: "اشتباكات بين جبل X و ..." keeps its quarters)
        return road_between(doc, j - 1, sent_start)
    return j >= sent_start and doc.tokens[j].text == "بين" and not fight_between(doc, j, sent_start)


def _second_end(doc: Doc, prev_end: int, tok: int) -> bool:
    """The Y of "بين مدينة X وبلدة Y": only و and a settlement noun stand between X and Y."""
    words = [doc.tokens[t].text for t in range(prev_end, tok)]
    if words and words[0] == "و":
        words = words[1:]
    elif words and words[0].startswith("و"):
        words[0] = words[0][1:]
    return len(words) == 1 and words[0] in cue_words("between_noun")


def _road_second_end(doc: Doc, prev: PlaceMention, tok: int, sent_start: int) -> bool:
    """The Y of "الطريق الواصل بين تل X و خان Y": only و stands between X and Y (Y's place noun
    is part of its own mention) and the بين before X is a road's; a clash's sides stay."""
    words = [doc.tokens[t].text for t in range(prev.tok_end, tok)]
    if not (words == ["و"] or (not words and doc.tokens[tok].text.startswith("و"))):
        return False
    between = next((t for t in range(prev.tok_start - 1, max(sent_start, prev.tok_start - 3) - 1, -1)
                    if doc.tokens[t].text == "بين"), None)
    return between is not None and road_between(doc, between, sent_start)


def _road_name_starts(doc: Doc) -> set[int]:
    """Where the first end of a road's name starts: the token after a road noun (طريق، أوتوستراد) and
    its adjectives (طريق عام صور، الطريق الدولي حلب)."""
    roads, adjectives = cue_words("road_noun"), cue_words("road_adjective")
    out = set()
    for t, tok in enumerate(doc.tokens):
        if tok.text not in roads and tok.text.lstrip("وب") not in roads:
            continue
        k = t + 1
        while k < len(doc.tokens) and doc.tokens[k].text in adjectives:
            k += 1
        out.add(k)
    return out


def _names_next(doc: Doc, tok: int, noun_ends: set[int]) -> bool:
    """A place noun in construct right before ``tok`` ("بلدة صور", not "في تلك المنطقة وان")."""
    if tok not in noun_ends or tok == 0:
        return False
    noun = doc.tokens[tok - 1].text
    return not any(noun.startswith(p) for p in ("ال", "وال", "بال", "فال", "لل", "كال"))


def _adjective_of_definite(doc: Doc, tok: int, cued_ends: set[int], out: list[PlaceMention]) -> bool:
    """"على المدى القصير"، "في الأجل الطويل": a name with the article (and no preposition of its
    own) right after a definite word that is no place noun and no place describes that word;
    a definite noun is never in construct with the name after it."""
    word = doc.tokens[tok].text
    if tok == 0 or not word.startswith("ال") or tok in cued_ends or (out and out[-1].tok_end == tok):
        return False
    if doc.sentence_of_token(tok - 1) is not doc.sentence_of_token(tok):
        return False
    prev = doc.tokens[tok - 1].text
    if not prev.startswith(("ال", "بال", "وال", "فال", "كال", "لل")) or \
            doc.text[doc.tokens[tok - 1].end:doc.tokens[tok].start].strip():
        return False  # a comma or a dash between them: a list or a new phrase
    bare = prev[prev.index("ال") + 2:] if "ال" in prev[:4] else prev[2:]
    return bare not in cue_words("place_noun") | cue_words("apposition_noun")  # "العاصمة الرياض"


def _conjoined(doc: Doc, tok: int) -> bool:
    """"وبنش", or "و" standing alone before a quoted name (و"بداما")."""
    return doc.tokens[tok].text.startswith("و") or (tok > 0 and doc.tokens[tok - 1].text == "و")


def _english_name_ok(doc: Doc, tok_start: int, tok_end: int) -> bool:
    """A Latin-script place name is written with a capital, and is not a lone direction
    word ("southern", "North"): those name provinces only with a noun after them."""
    raw = doc.raw[doc.tokens[tok_start].start:doc.tokens[tok_end - 1].end]
    if not raw[:1].isupper():
        return False
    return not (tok_end - tok_start == 1 and doc.tokens[tok_start].text in cue_words("en_common_word"))


def find_place_mentions(doc: Doc) -> list[PlaceMention]:
    """Gazetteer matches and unknown names after place nouns, in reading order."""
    gaz = load_gazetteer()
    stop = place_stopwords()
    place_nouns = {m.tok_start: m.tok_end for m in _place_noun_matcher().find(doc)}
    noun_ends = set(place_nouns.values())
    out: list[PlaceMention] = []
    taken: set[int] = set()
    countryside_ends = set(cue_starts(doc, "relation_countryside").values())
    # "حاجز عطارة": a checkpoint bears the name of the village it stands at
    noun_ends = noun_ends | set(cue_starts(doc, "checkpoint_noun").values())
    # "أمام مدخل مستشفى تبنين الحكومي": a facility named after its town
    noun_ends = noun_ends | set(cue_starts(doc, "named_facility_noun").values())
    relation_ends = countryside_ends | set(cue_starts(doc, "relation_direction").values()) | \
        set(cue_starts(doc, "relation_near").values())
    # "في جبهة صرواح": a front noun places the name after it as a preposition would
    front_ends = set(cue_starts(doc, "front_noun").values())
    # "على طريق عام صور – الحوش": a road's first end, past the road's adjectives, is a name in construct
    road_ends = _road_name_starts(doc)
    actor_tokens = {t for m in _actor_names(doc) for t in range(m.tok_start, m.tok_end)}
    for m in place_matcher().find(doc):
        if m.tok_start in actor_tokens:
            continue  # "للجيش العراقي", "شرطة الأنبار": part of an actor's name
        cands = [c for c in gaz.lookup(m.payload) if _plausible(c)]
        if not cands:
            continue
        phrase = m.phrase
        if phrase.isascii() and not _english_name_ok(doc, m.tok_start, m.tok_end):
            continue
        cued = m.tok_start in noun_ends or m.tok_start in relation_ends or m.tok_start in front_ends or \
            (m.tok_start > 0 and doc.tokens[m.tok_start - 1].text in cue_words("place_preposition")) or \
            doc.tokens[m.tok_start].text[:1] in ("ب", "ل") and m.cost > 0 and \
            not doc.tokens[m.tok_start].text.startswith(phrase[:2]) or \
            (out and out[-1].tok_end >= m.tok_start - 2 and _conjoined(doc, m.tok_start))
        single = " " not in phrase
        # a name that is also a common word needs a place noun or a countryside in construct
        # before it (بلدة صور، ريف سلمية); not a compass word (جنوبي البلاد) or "near" (قرب مفرق)
        placed = _names_next(doc, m.tok_start, noun_ends | countryside_ends | road_ends)
        if single and phrase in stop and not placed:
            continue
        token = doc.tokens[m.tok_start].text
        if single and not placed and m.tok_end < len(doc.tokens) and doc.tokens[m.tok_end].text.isdigit() and \
                doc.sentence_of_token(m.tok_end) is doc.sentence_of_token(m.tok_start):
            continue  # "طائرة إيل 20"، "ميغ 21": a model's name and number, not a town
        if single and m.cost and token in stop and not placed:
            continue  # "باراك" (a name) is no ب + اراك: the whole word is a common one
        if single and _common_reading(token) and not placed and not \
                (m.tok_start > 0 and doc.tokens[m.tok_start - 1].text in
                 cue_words("place_preposition") | cue_words("relation_direction")) and \
                m.tok_start not in _trigger_ends(doc) and not (
                    _conjoined(doc, m.tok_start) and  # "وجده" is no و + a name unless it follows one
                    # ("الغاز ورقة ضغط": nor a word whose و is its own letter)
                    not ((_verb_reading(token) or (token[:1] == "و" and _waw_of_the_word(token)))
                         and not (out and out[-1].tok_end >= m.tok_start - 2))):
            continue  # "تطالب بعقوبة الإعدام": ب + عقوبة, not Baquba, unless a place word stands before
        if single and _adjective_of_definite(doc, m.tok_start, noun_ends | relation_ends, out):
            continue  # "على المدى القصير"، "الهلال الأحمر": an adjective, not the town
        if single and compound_tail(doc, m.tok_start, m.tok_end):
            continue  # "وراس الحديدة بجبل الظهر": a local name put in its container, not the city
        # a one-letter-clitic stem of three letters is too often a plain word
        listed = bool(out) and out[-1].tok_end >= m.tok_start - 2 and _conjoined(doc, m.tok_start)
        big = any(c.population >= 100_000 or c.kind in ("admin1", "country") for c in cands)
        if m.cost and len(phrase.replace(" ", "")) <= 3 and m.tok_start not in noun_ends and not listed \
                and not (big and doc.tokens[m.tok_start].text[:1] in ("ب", "و")):
            continue
        strong = any(c.place_id.startswith("cur:") or c.kind in ("admin1", "country") or c.population >= 20_000
                     for c in cands)
        if single and not strong and not cued:
            continue
        span = doc.token_span(m.tok_start, m.tok_end)
        out.append(PlaceMention(span.start, span.end, span.text, candidates=list(cands),
                                tok_start=m.tok_start, tok_end=m.tok_end))
        taken.update(range(m.tok_start, m.tok_end))
    # unknown names right after a place noun: "قرية شبيران", "قرى حوير العيس وإباد وتل النباريز"
    adjectives = place_adjectives()
    naming, name_end = cue_words("naming_noun"), cue_words("place_name_end")
    heads = cue_words("place_name_head")
    list_nouns = cue_words("list_place_noun")
    given = cue_words("given_name")
    after_words, relational = relation_words("ar", "after"), cue_words("relational_adjective")
    event_tokens = _trigger_tokens(doc)
    relative_verbs = {m.tok_start for m in cue_matcher("place_relative_verb").find(doc)}
    displaced = set(cue_starts(doc, "displaced_of"))  # "مخيم لنازحي X": the camp's people, no name
    zone_kinds = cue_words("zone_kind_word")
    for t0, t1 in place_nouns.items():
        if all(c not in naming for c, _ in stem_candidates(doc.tokens[t0].text)):
            continue
        if doc.tokens[t0].text[:1] == "ك" and doc.tokens[t0].text not in naming:
            continue  # "كتلة برلمانية"، "كتل هوائية": a bloc or a mass, not "like a hill"
        if doc.tokens[t0].text.startswith(("ال", "بال", "وال", "فال", "لل")):
            continue  # "البلدة القديمة", "الحي الشرقي": a definite noun names nothing after it
        sent = doc.sentence_of_token(t0)
        list_noun = any(c in list_nouns for c, _ in stem_candidates(doc.tokens[t0].text))
        j = t1
        first = True
        while j < sent.tok_end:
            if j in taken and first and _known_then_rare(doc, out, j, sent.tok_end, taken, stop, place_nouns):
                # "قرية بولو مريري": a one-word known name and a rare word after it are one village's
                # name the gazetteer does not know (not Bolu in Turkey)
                known = next(p for p in out if p.tok_start == j)
                out.remove(known)
                taken.difference_update(range(known.tok_start, known.tok_end))
            if j in taken:
                # "بلدات كفرزيتا ودحيرجة واللطامنة والمشيرفة": the list goes on past a known town
                known = _listed_known(doc, out, j, first, list_noun)
                if known is None:
                    break
                j, first = known.tok_end, False
                continue
            word = doc.tokens[j].text
            if word == "و" and not first and j + 1 < sent.tok_end:
                j += 1
                if j in taken:  # "بلدتي الناجية و بداما": a known town after a lone و
                    continue
                word = "و" + doc.tokens[j].text
            if word in name_end or (not first and not word.startswith("و")):
                break
            if first and j in event_tokens:
                break  # "قتل مزارع بانفجار لغم": a farmer killed in a blast, no farms called بانفجار
            if first and j in relative_verbs:
                break  # "في منطقة تقع على بعد 200 كم"، "قرية يقطنها مدنيون": a clause describing the place
            if first and word in zone_kinds:
                break  # "ضمن منطقة مسؤولية اللواء"، "مناطق نفوذ الفصائل": the kind of zone, not its name
            if word[:1] == "و" and first and len(word) > 3 and zipf(word[1:]) >= CONJOINED_NOUN_ZIPF and \
                    zipf(word[1:]) > zipf(doc.token_span(j, j + 1).text):
                break  # "في مزارع وخنادق وتحصينات": nouns in a list, no name after the first noun
            if word[:1] == "و" and not first:
                if _waw_of_the_word(doc.token_span(j, j + 1).text) or _common_construct(doc, j, sent.tok_end):
                    break  # "وزارة الصحة"، "وفق"، "ومحاور الطرق": no list of names goes on
                word = word[1:]
            # a name may open with a word that is also a common word ("أم حارتين"، "عين علي")
            head = word in heads and j + 1 < sent.tok_end and (j + 1) not in taken
            # "بلدة الخبر"، "قرية النصر": a village the noun names, however common the word
            named = first and not head and j not in actor_tokens and named_by_settlement_noun(doc, j)
            # "بلدات ولغا وتل الأقرع والمزرعة بريف السويداء": the plural noun names its list's last word too
            listed = not first and list_noun and not head and j not in actor_tokens and \
                _listed_common_name(doc, j, sent.tok_end, place_nouns, adjectives | name_end | relational)
            named = named or listed
            if not head and not named and (word in name_end or word.isdigit() or len(word) < 2 or word in stop or
                                           word in adjectives or word.startswith("لل") or j in actor_tokens
                                           or j in displaced):
                break  # "معسكر للجيش": a purpose or an owner, not a name
            k = j + 1
            if head:
                k = j + 2  # the head and the word after it
            # a name may have a second word: "حوير العيس", "تل النباريز" (not a conjunct or a stop word)
            elif k < sent.tok_end and k not in taken:
                nxt = doc.tokens[k].text
                if nxt.startswith("ال") and nxt not in name_end and not nxt.startswith("و") \
                        and nxt not in after_words and nxt not in adjectives and k not in place_nouns \
                        and nxt not in relational \
                        and not _describes_the_name(nxt, doc.token_span(k, k + 1).text):
                    k += 1
                elif nxt in given:
                    k += 1  # "ناحية دلي عباس"، "قرية تل حسن": a name ending in a man's name
                elif first and _rare_second_word(doc, k, stop, place_nouns):
                    k += 1  # "قرية طور جيلي"، "قرية دوغ عيلو": an uncommon word goes on with the name
            elif k < sent.tok_end and first and not head:
                # "مدينة جلال آباد": an unknown word after the noun and a small known place
                # written bare right after it are one name, not a stranger and that place
                known = next((p for p in out if p.tok_start == k and p.tok_end == k + 1), None)
                bare = doc.tokens[k].text
                # with the article too when the place that locates the name follows at once
                # ("حي أبوشوك الحلة في مدينة الفاشر"): the name's second word, not a town of its own
                located = k + 1 < sent.tok_end and doc.tokens[k + 1].text in ("في", "بمدينة", "بمحافظة", "بولاية")
                if known is not None and bare[:1] not in ("و", "ب", "ل", "ف") and \
                        (not bare.startswith("ال") or located) and \
                        not any(c.kind in ("admin1", "country") or c.population >= 100_000 and not located
                                for c in known.candidates):
                    out.remove(known)
                    k += 1
            span = doc.token_span(j, k)
            text = span.text
            if text[:1] == "و" and not first:
                span = doc.span(doc.tokens[j].start + 1, doc.tokens[k - 1].end)
            variant = [c for c in _spelling_variant(gaz, doc, j, k) or _district_in_list(gaz, doc, t0, j, k)
                       if _plausible(c)]
            noun = doc.tokens[t0].text
            lead = 0 if noun in cue_words("feature_noun") else \
                1 if noun[:1] in ("ب", "و", "ف", "ل") and noun[1:] in cue_words("feature_noun") else None
            if first and not variant and j == t1 and t1 - t0 == 1 and lead is not None and \
                    not any(q in doc.raw[doc.token_span(t0, t1).end:span.start] for q in "\"«“'"):
                # "جبل العمور"، "بتلة الكراديس": a relief noun (without its proclitic) is part of the
                # unknown name it introduces; offsets of the normalised text, as doc.span takes them
                span = doc.span(doc.tokens[t0].start + lead, doc.tokens[k - 1].end)
            out.append(PlaceMention(span.start, span.end, span.text, candidates=variant, tok_start=j, tok_end=k,
                                    reason="a spelling of a known name" if variant else
                                    LISTED_NAME if listed else
                                    NAMED_BY_NOUN if named and (word in stop or is_common_phrase(word)) else
                                    "unknown name after a place noun"))
            taken.update(range(j, k))
            first = False
            j = k
    _compounds_with_region(doc, out, place_nouns, naming)
    nouns = {t for t0, t1 in place_nouns.items() for t in range(t0, t1)}
    out.extend(_names_before_countryside(doc, out, taken, actor_tokens | _trigger_tokens(doc) | nouns, stop,
                                         heads, given))
    out.extend(_border_phrases(doc, taken | {t for pm in out for t in range(pm.tok_start, pm.tok_end)}))
    out.sort(key=lambda p: p.tok_start)
    return out


def _compounds_with_region(doc: Doc, out: list[PlaceMention], place_nouns: dict[int, int],
                           naming: frozenset[str]) -> None:
    """"قرية صيدا الجولان"، "بلدة سحم الجولان": a one-word name right after a settlement noun and,
    bare right after it, a region's name (الجولان، القلمون) are one village's name (the region tells
    the village from its namesakes), not a namesake elsewhere and the region: the two mentions
    become one, with the gazetteer's entry for the whole name if it has one, else none (an
    unknown village that its container locates)."""
    gaz = load_gazetteer()
    noun_at = {t1: t0 for t0, t1 in place_nouns.items()}
    ordered = sorted(out, key=lambda p: p.tok_start)
    for a, b in zip(ordered, ordered[1:]):
        if b.tok_start != a.tok_end or a.tok_end - a.tok_start != 1 or b.tok_end - b.tok_start != 1:
            continue
        t0 = noun_at.get(a.tok_start)
        if t0 is None or all(c not in naming for c, _ in stem_candidates(doc.tokens[t0].text)):
            continue
        if not doc.tokens[b.tok_start].text.startswith("ال") or not b.candidates or \
                any(c.kind != "region" for c in b.candidates):
            continue
        span = doc.token_span(a.tok_start, b.tok_end)
        whole = [c for c in gaz.lookup(normalise_term(span.text)) if _plausible(c)]
        out.remove(a)
        out[out.index(b)] = PlaceMention(span.start, span.end, span.text, candidates=whole,
                                         tok_start=a.tok_start, tok_end=b.tok_end,
                                         reason="" if whole else "unknown name after a place noun")


def _measured_from(doc: Doc, start: int, sent_start: int, distance_verbs: set[int], noun_tokens: set[int]) -> bool:
    """Is the mention at ``start`` the place after the عن (or من) of a distance verb a few words
    before it ("تبعد عن بئر العبد"، "وتبعد القرية عن مدينة العريش")?"""
    k = start - 1
    while k >= sent_start and k in noun_tokens:
        k -= 1  # the place noun before the name (مدينة)
    if k < sent_start or doc.tokens[k].text not in ("عن", "من"):
        return False
    return any(t in distance_verbs for t in range(max(sent_start, k - 3), k))


def _glued_distance(word: str) -> bool:
    """"350كم"، "20كلم": a number with its unit of distance written onto it."""
    digits = len(word) - len(word.lstrip("0123456789٠١٢٣٤٥٦٧٨٩"))
    return 0 < digits < len(word) and word[digits:] in cue_words("distance_noun")


def _bare_distance_before(doc: Doc, tok: int, start: int) -> bool:
    """"على بعد 650 جنوب شرق طرابلس"، "(40 شمال المدينة)": a number and nothing but direction
    words right before the place measure a distance from it, with the unit left out."""
    directions = cue_words("relation_direction")
    t = tok - 1
    while t >= start and t >= tok - 2 and doc.tokens[t].text in directions:
        t -= 1
    return t < tok - 1 and t >= start and doc.tokens[t].text.isdigit() and len(doc.tokens[t].text) >= 2 \
        and not doc.text[doc.tokens[t].end:doc.tokens[tok].start].strip(" \u200f\u200e").count("،") \
        and not (t > start and _numbered_place(doc.tokens[t - 1].text))


def _numbered_place(word: str) -> bool:
    """Is ``word`` a place noun whose number after it is its name ("منطقة 90"، "حي 14"، "بمخيم 5"),
    so that the number measures no distance?"""
    nouns = cue_words("place_noun")
    return any(form in nouns for form, _ in stem_candidates(word))


NAMED_BY_NOUN = "unknown name after a place noun: a common word its settlement noun names"
LISTED_NAME = "unknown name after a place noun: a common word its plural settlement noun names in a list"


def _listed_common_name(doc: Doc, j: int, end: int, place_nouns: dict[int, int], barred: frozenset[str]) -> bool:
    """Is the و-word at ``j``, a later name of a list after a plural or dual settlement noun, a
    village's name however common ("قريتي الحصن والمزرعة بريف درعا"): one definite singular word
    (ending in ة, else one the gazetteer knows: "والمزارع في ريف حماة" are farms), no adjective,
    with the place that locates the list right after it (بريف، في، ب + a place noun or a named
    place)? "بلدات X والمناطق المحيطة" goes on with a describing word."""
    raw = doc.token_span(j, j + 1).text
    word = doc.tokens[j].text
    if not word.startswith("وال") or len(word) < 6 or word.endswith(("ين", "ون", "ات")) or \
            word[1:] in barred or j + 1 >= end or doc.text[doc.tokens[j].end:doc.tokens[j + 1].start].strip():
        return False
    if zipf(raw[1:]) >= DESCRIBING_ZIPF or not (word.endswith("ه") or load_gazetteer().lookup(word[1:])):
        return False
    nxt = doc.tokens[j + 1].text
    return j + 1 in cue_starts(doc, "relation_countryside") or nxt == "في" or \
        (nxt[:1] == "ب" and (j + 1 in place_nouns or bool(load_gazetteer().lookup(nxt[1:]))))


def named_by_settlement_noun(doc: Doc, tok: int) -> bool:
    """Is the definite word at ``tok`` a village's or quarter's name because a singular settlement
    noun stands right before it ("بلدة الخبر"، "قرية النصر"، "حي الشهداء"), however common the word?
    An indefinite noun before a definite word is in construct with it, so the word is no adjective
    of it; a camp of people ("مخيم النازحين") or a sound plural (قرية الصيادين) names a group, not a place."""
    if tok == 0:
        return False
    noun, word = doc.tokens[tok - 1].text, doc.tokens[tok].text
    if not word.startswith("ال") or len(word) < 5 or word.endswith(("ين", "ون")) or \
            word in place_adjectives() or word in cue_words("place_name_end") or \
            word in relation_words("ar", "after"):
        return False
    bare = noun
    for p in ("وب", "فب", "و", "ب", "ف", "ل"):
        if noun.startswith(p) and noun[len(p):] in cue_words("named_settlement_noun"):
            bare = noun[len(p):]
            break
    return bare in cue_words("named_settlement_noun")


# Zipf frequency from which a word after و right after a place noun is a noun of a list, not a name.
CONJOINED_NOUN_ZIPF = 3.0

# Zipf frequency under which a word can be a village's name read with no place noun before it.
RARE_NAME_ZIPF = 3.0
# Zipf frequency under which an indefinite word right after a village's name is the name's second
# word ("طور جيلي"، "بولو مريري"), not the next word of the sentence (أمس، مساء، جنوب).
SECOND_WORD_ZIPF = 4.0


def _rare_second_word(doc: Doc, k: int, stop: frozenset[str], place_nouns: dict[int, int]) -> bool:
    """Is the word at ``k`` an uncommon indefinite word that can go on with a village's name:
    no article, conjunction, preposition, digit, place noun, known place or ordinary word?"""
    if k >= len(doc.tokens) or doc.sentence_of_token(k) is not doc.sentence_of_token(k - 1):
        return False
    word, raw = doc.tokens[k].text, doc.token_span(k, k + 1).text
    if word[:1] in ("و", "ب", "ل", "ف") or word.startswith("ال") or word.isdigit() or len(word) < 3 or \
            word in stop or k in place_nouns or any(c in raw for c in "\"«»()،,:."):
        return False
    if doc.text[doc.tokens[k - 1].end:doc.tokens[k].start].strip():
        return False  # a comma or a dash between: a list or a new phrase
    return zipf(raw) < SECOND_WORD_ZIPF and not load_gazetteer().lookup(word)


def _known_then_rare(doc: Doc, out: list[PlaceMention], j: int, end: int, taken: set[int],
                     stop: frozenset[str], place_nouns: dict[int, int]) -> bool:
    """Is the known place at ``j`` (right after a settlement noun) one word followed by an uncommon
    word that is no place: the two are one name the gazetteer lacks ("قرية بولو مريري")?"""
    known = next((p for p in out if p.tok_start == j), None)
    if known is None or known.tok_end != j + 1 or known.tok_end >= end or known.tok_end in taken:
        return False
    # a town of the region that news names every day goes on with a verb or a participle ("مدينة
    # غزة متسببة"، "مدينة الفاشر يؤوي"), which are rare words too: only a small place or one
    # outside the region yields its name
    if any(c.kind in ("admin1", "country", "region") or c.place_id.startswith("cur:") or
           (c.country_code in ARABIC_REGION and c.population >= SMALL_NAMESAKE_POPULATION) for c in known.candidates):
        return False
    # "بلدة كرمة علي"، "قرية تل حسن": a man's name after a small place's name goes on with it
    return _rare_second_word(doc, j + 1, stop, place_nouns) or (
        doc.tokens[j + 1].text in cue_words("given_name") and
        doc.sentence_of_token(j + 1) is doc.sentence_of_token(j) and
        not doc.text[doc.tokens[j].end:doc.tokens[j + 1].start].strip())


# A known place of the region this small may be the first word of another village's name.
SMALL_NAMESAKE_POPULATION = 20_000
# How many words such a name may have.
BARE_NAME_WORDS = 3


def _trigger_tokens(doc: Doc) -> set[int]:
    return {t for m in _event_words(doc) for t in range(m.tok_start, m.tok_end)}


def _names_before_countryside(doc: Doc, out: list[PlaceMention], taken: set[int], barred: set[int],
                              stop: frozenset[str], heads: frozenset[str], given: frozenset[str]) -> list[PlaceMention]:
    """"قصفت الطائرات كفير يابوس بريف دمشق"، "قرب بيت سابر في ريف القنيطرة": rare words right before
    the countryside of a known place name a village the gazetteer does not know, even with no
    place noun before them. Ordinary words, people's names and titles end the name."""
    known_starts = {pm.tok_start for pm in out}
    found = []
    for start, end in cue_starts(doc, "relation_countryside").items():
        if end not in known_starts and start not in known_starts:
            continue  # the countryside of a place the text names ("بريف حماة"، "بريف دمشق")
        sent = doc.sentence_of_token(start)
        word = doc.tokens[start].text
        e = start if word[:1] in ("ب", "و") and len(word) > 3 else start - 1
        if e == start - 1 and (e < sent.tok_start or doc.tokens[e].text != "في"):
            continue
        j = e
        while j > max(sent.tok_start, e - BARE_NAME_WORDS) and _bare_name_word(doc, j - 1, taken, barred, stop):
            j -= 1
        if j > sent.tok_start and doc.tokens[j - 1].text in heads and (j - 1) not in taken:
            j -= 1  # "تل حميس"، "أم الجمال": a common head word opens the name
        if j < e and j > sent.tok_start and doc.tokens[j].text.startswith("ال") and \
                doc.tokens[j].text.endswith(("يه", "ي")) and doc.tokens[j - 1].text.startswith(("ال", "بال", "وال", "لل")):
            continue  # "القافلة الإغاثية بريف ...": the adjective of a definite noun, not a name
        if j == e or (j > sent.tok_start and (doc.tokens[j - 1].text in given or
                                              doc.tokens[j - 1].text in cue_words("counted_person_noun") or
                                              doc.tokens[j - 1].text in cue_words("title_noun"))):
            continue  # no rare word, or a person's name ("القيادي أبو محمد الزعبي بريف درعا")
        # "الحميرات والمستريحة بريف حماة": a list of names, each one a village
        cuts = [j] + [t for t in range(j + 1, e) if doc.tokens[t].text.startswith("و")] + [e]
        for a, b in zip(cuts, cuts[1:]):
            span = doc.token_span(a, b)
            if span.text[:1] in ("و", "ب") and doc.tokens[a].text not in heads:
                span = doc.span(span.start + 1, span.end)  # a name's own و is rare (but "وادي الخرار")
            found.append(PlaceMention(span.start, span.end, span.text, candidates=[], tok_start=a, tok_end=b,
                                      reason="unknown name before the countryside that locates it (X بريف Y)"))
        taken.update(range(j, e))
    return found


def _bare_name_word(doc: Doc, tok: int, taken: set[int], barred: set[int], stop: frozenset[str]) -> bool:
    word = doc.tokens[tok].text
    raw = doc.token_span(tok, tok + 1).text
    return tok not in taken and tok not in barred and not word.isdigit() and len(word) > 1 and \
        word not in stop and word not in cue_words("place_count_noun") and _rare_word(raw) and not any(c in raw for c in "\"«»()،,:")


def _rare_word(raw: str) -> bool:
    """Is the word, and every reading of it without a proclitic (و، ب، ل، ف) or a pronoun ending
    (ها، هم، ه), rare ("ومحيطها" and "ضواحيها" are ordinary words with clitics)? A word with the
    accusative's tanween ("صيدلانياً"، "مسعفاً") is an indefinite noun, the object of a verb, and never a
    name."""
    if "\u064b" in raw:
        return False
    forms = {raw}
    if raw[:1] in ("و", "ب", "ل", "ف") and len(raw) > 3:
        forms.add(raw[1:])
    for form in list(forms):
        for ending in ("هما", "هم", "ها", "ه"):
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                stem = form[:-len(ending)]
                # "بدوريتهما": the ة of a noun is ت before its pronoun (دورية)
                forms.update({stem, stem[:-1] + "ة"} if stem.endswith("ت") else {stem})
    # a dual or a plural of an ordinary noun ("فصيلين"، "مسلحين"، "جماعتان") is no name either
    for form in list(forms):
        for ending in ("ين", "ان", "ون"):
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                stem = form[:-len(ending)]
                forms.add(stem[:-1] + "ة" if stem.endswith("ت") else stem)
    return all(zipf(form) < RARE_NAME_ZIPF for form in forms)


DIRECTION_NAMED = "unknown name: a known name with a direction adjective is another place"


def _names_by_direction(doc: Doc, mentions: list[PlaceMention]) -> None:
    """A village or town name followed by a direction adjective that belongs to it ("الغارية
    الشرقية"، "المسيفرة الغربية") names a village of its own, one the gazetteer does not know: the
    mention takes the adjective and gives up the place (kept as an alternative). Not the east of
    a city (حلب الشرقية), nor "ريف حماة الشرقي", which describes the countryside."""
    taken = {t for pm in mentions for t in range(pm.tok_start, pm.tok_end)}
    for pm in mentions:
        p, t = pm.place, pm.tok_end
        # a namesake set aside because it lies far from the place that locates the name
        set_aside = p is None and pm.reason.startswith("no place called")
        if (p is None and not set_aside) or t >= len(doc.tokens) or t in taken:
            continue
        word = doc.tokens[t].text
        # "قرية الزرقاء الصغرى بريف حماة"، "قرية المنصورة العليا بمديرية المخا": after a village noun, a
        # name's own adjective (الصغرى، العليا، الجديدة، الشرقية) makes a village of its own when the
        # namesake is no village of the place that locates it (set aside as too far) or no village at
        # all (a city); the name is then the whole of it. A known village near its container keeps
        # its place: "قرية X الصغيرة بريف Y" may only say that X is small.
        village = pm.tok_start > 0 and (set_aside or (p is not None and p.kind == "city")) and \
            _village_noun(doc.tokens[pm.tok_start - 1].text) and \
            (word in cue_words("name_adjective") or word in cue_words("direction_adjective"))
        if not village and (p is None or p.kind not in ("village", "town") or p.population >= 100_000
                            or word not in cue_words("direction_adjective")):
            continue
        sent = doc.sentence_of_token(pm.tok_start)
        if t >= sent.tok_end or (not village and _direction_before(doc, pm.tok_start, sent.tok_start)[0]):
            continue  # "ريف درعا الغربي"، "شمال حماة الشرقي" (but "قرب قرية X الكبرى": the village's own)
        if p is not None:
            pm.alternatives = [(p, "the place without the direction adjective of the name")] + \
                [(c, "the place without the direction adjective of the name") for c in pm.candidates if c is not p][:2]
        pm.end, pm.tok_end = doc.token_span(t, t + 1).end, t + 1
        name = normalise_term(p.name_ar or "") if p is not None else ""
        if doc.raw[pm.start] in "وبلف" and not name.startswith(normalise_term(doc.raw[pm.start])) and \
                pm.end - pm.start > 4 and \
                (not name or normalise_term(doc.raw[pm.start + 1:pm.start + 3]) == name[:2]):
            # "والغارية الغربية": the name without its proclitic (one letter, and only when the
            # name follows it: the ب of "بلدة الخيام" is the noun's own letter)
            pm.start += 1
        pm.text = doc.raw[pm.start:pm.end]
        pm.place, pm.candidates, pm.resolution, pm.reason = None, [], "", DIRECTION_NAMED


# How far from the town it lies on a side of a place the sentence names may be and still be where
# the event on that side happened.
SIDE_OF_TOWN_KM = 80.0
# How far off the side the text names (in degrees) that place may lie.
SIDE_OF_TOWN_DEGREES = 45.0


def _town_a_named_place_lies_off(doc: Doc, mentions: list[PlaceMention]) -> None:
    """"أعلن مصدر في شرطة قضاء الحويجة مقتل عنصرين في تفجير انتحاري جنوب غرب كركوك": a town named
    only by a side of it (no place right before the compass word), in a sentence that has named
    before it a place lying on that side within reach (a district, a town), tells where that place
    lies: the place is the event's, the town a reference, not a second event."""
    for pm in mentions:
        p = pm.place
        if pm.role != "event" or pm.relation not in _COMPASS or p is None or p.kind not in ("city", "town"):
            continue
        sent = doc.sentence_of_token(pm.tok_start)
        side = pm.compass if pm.compass in COMPASS else pm.relation
        _, first = _direction_before(doc, pm.tok_start, sent.tok_start)
        if any(o.tok_end == first for o in mentions):
            continue  # "X جنوب غرب Y": the anchor rules decide
        named = [o for o in mentions if o is not pm and o.role == "event" and o.place is not None and
                 sent.tok_start <= o.tok_start and o.tok_end <= first and
                 (not o.place.is_area or o.place.kind == "admin2") and
                 o.place.place_id != p.place_id and _on_side(o.place, p, side, SIDE_OF_TOWN_DEGREES) and
                 distance_km(o.place.latitude, o.place.longitude, p.latitude, p.longitude) <= SIDE_OF_TOWN_KM
                 # "في خانيونس، ما أدى ...، فيما قتل ثالث ... شرق رفح": another clause, another site
                 and not any(doc.tokens[t].text in cue_words("clause_contrast") for t in range(o.tok_end, first))]
        if named:
            pm.role = "reference"
            pm.reason = f"a town {named[0].text} lies on a side of (قضاء X ... جنوب غرب Y)"


def _waw_of_the_word(word: str) -> bool:
    """Is the و that opens ``word`` (as written) a letter of the word, not "and": the word is a
    common one and much commoner than what follows its و (وزارة، وفق، وسط)?"""
    whole = zipf(word)
    return whole >= COMMON_ZIPF and whole > zipf(word[1:]) + 1


# Zipf frequency from which a definite word after a name describes it ("جومو المعروفة"،
# "دحيرجة الواقعة") rather than being the name's second word ("حوير العيس").
DESCRIBING_ZIPF = 4.5


def _describes_the_name(word: str, written: str) -> bool:
    """Does the definite word after a name (``word`` normalised, ``written`` as in the text)
    describe it rather than continue it?"""
    return zipf(written) >= DESCRIBING_ZIPF and word not in cue_words("direction_adjective") and \
        word not in cue_words("name_adjective")


# Zipf frequency from which a word is an ordinary one when it stands in construct with an
# ordinary definite word ("ومحاور الطرق"، "ونقاط المراقبة").
CONSTRUCT_ZIPF = 3.0


def _common_construct(doc: Doc, j: int, end: int) -> bool:
    """Is the و-word at ``j`` an ordinary noun followed by an ordinary definite word that
    describes no name: a phrase, not the next name of a list?"""
    if j + 1 >= end:
        return False
    nxt = doc.tokens[j + 1].text
    return zipf(doc.token_span(j, j + 1).text[1:]) >= CONSTRUCT_ZIPF and nxt.startswith("ال") and \
        _describes_the_name(nxt, doc.token_span(j + 1, j + 2).text)


def _listed_known(doc: Doc, out: list[PlaceMention], j: int, first: bool, list_noun: bool) -> PlaceMention | None:
    """The known place at token ``j`` when a list of names after a place noun goes on through it:
    joined by و after an earlier name, or the first name after a plural or dual noun ("بلدات
    كفرزيتا ودحيرجة"، "قريتي حلفايا والمشيرفة"); None when the list stops there."""
    known = next((p for p in out if p.tok_start == j), None)
    joined = doc.tokens[j].text.startswith("و") or (j > 0 and doc.tokens[j - 1].text == "و")
    if known is None or not (list_noun if first else joined):
        return None
    return known


def _spelling_variant(gaz, doc: Doc, j: int, k: int) -> list[Place]:
    """Places a name after a place noun may be spelt for: with the prothetic alef of Libyan and
    Maghrebi spelling dropped (امسلاتة = مسلاتة، امساعد = مساعد)."""
    words = [doc.tokens[t].text for t in range(j, k)]
    first = words[0][1:] if words[0][:1] == "و" and len(words[0]) > 3 else words[0]
    if first.startswith("ا") and not first.startswith("ال") and len(first) >= 5:
        return list(gaz.lookup(" ".join([first[1:]] + words[1:])))
    if any("_" in w for w in words):  # a hashtag: "مديرية #بني_مطر"
        return list(gaz.lookup(" ".join([first] + words[1:]).replace("_", " ").strip("# ")))
    return []


def _district_in_list(gaz, doc: Doc, t0: int, j: int, k: int) -> list[Place]:
    """The district a name after a plural or dual district noun names ("مديريات شدا وباقم"): the
    gazetteer's district of that name, told with its noun or bare."""
    if doc.tokens[t0].text not in cue_words("district_list_noun"):
        return []
    words = [doc.tokens[t].text for t in range(j, k)]
    name = " ".join([words[0][1:] if words[0][:1] == "و" and len(words[0]) > 3 else words[0]] + words[1:])
    return [c for c in gaz.lookup("مديرية " + name) if c.kind == "admin2"] or \
        [c for c in gaz.lookup(name) if c.kind == "admin2"]


# The reason of a place the displaced are told by ("مخيم لنازحي X قرب بلدة Y"): X is where they fled
# from; the place after it is the camp's, not X's container.
DISPLACED_OF = "where the displaced come from (مخيم لنازحي X)"

# How far after "الفارين من" the places the displaced fled from may stand.
DISPLACED_REACH = 8


def _assign_roles(doc: Doc, mentions: list[PlaceMention]) -> None:
    route = cue_starts(doc, "route")
    origin = cue_starts(doc, "origin")
    # "النازحين الفارين من مختلف أحياء المدينة ومخيمي زمزم وأبوشوك": all the places the displaced
    # fled from, in the rest of the phrase, are origins
    # (not "الفارين من القتال في X": X is where the fighting is)
    fled = {end: doc.sentence_of_token(t).tok_end for t, end in cue_starts(doc, "displaced_from").items()}
    if fled:
        violence = {m.tok_start for m in _event_words(doc)}
        fled = {end: stop for end, stop in fled.items() if end not in violence}
    of_displaced = cue_starts(doc, "displaced_of")
    reference = cue_starts(doc, "reference")
    distance_verbs = set(cue_starts(doc, "distance_verb"))
    dest_verbs = cue_starts(doc, "destination_verb")
    media = cue_starts(doc, "media_noun")
    from marsad.actors import outlet_spans
    outlets = outlet_spans(doc)
    # titles as written: "المحافظة" (the governorate building) is no محافظ
    titles = {m.tok_start: m.tok_end for m in cue_matcher("title_noun", suffixes=False).find(doc)}
    persons = {t for t, end in cue_starts(doc, "person_name").items() if end == t + 1}
    capitals = {m.tok_start for m in _capital_matcher().find(doc)}
    backed_by = {m.tok_end for m in cue_matcher("support_phrase").find(doc)}
    reporting = set(cue_starts(doc, "attribution"))
    actor_tokens = {t for m in _actor_names(doc) for t in range(m.tok_start, m.tok_end)}
    attack_tokens = {t for m in _event_words(doc) for t in range(m.tok_start, m.tok_end)}
    attack_tokens |= {t for m in cue_matcher("perpetrator_weapon").find(doc) for t in range(m.tok_start, m.tok_end)}
    # words of a short line that carries a date or a clock time: "تاريخ النشر: 12.01.2019 | 15:01 دمشق"
    dated_lines = {s.index for s in doc.sentences if s.tok_end - s.tok_start <= 8 and
                   any(tok.text.isdigit() for tok in doc.tokens[s.tok_start:s.tok_end])}
    home = cue_starts(doc, "home_town")
    funerals = cue_starts(doc, "funeral_word")
    given = cue_words("given_name")
    noun_ends_all = {m.tok_end for m in _place_noun_matcher().find(doc)}
    noun_tokens = {t for m in _place_noun_matcher().find(doc) for t in range(m.tok_start, m.tok_end)}
    posts = {m.tok_start: m.tok_end for m in cue_matcher("post_title", suffixes=False).find(doc)}  # محافظة is no محافظ + ه
    purposes = set(cue_starts(doc, "purpose_opener"))
    named = {t for m in mentions for t in range(m.tok_start, m.tok_end)}
    positions = cue_starts(doc, "position_participle")
    campaigns = set(cue_starts(doc, "campaign_noun"))
    triggers_at = {m.tok_start for m in _event_words(doc)}
    countrysides: set[int] = set()  # mentions that take the dual or plural countryside of the list's first
    for idx, pm in enumerate(mentions):
        sent = doc.sentence_of_token(pm.tok_start)
        lo = max(sent.tok_start, pm.tok_start - 4)
        window = range(lo, pm.tok_start)
        prev = mentions[idx - 1] if idx else None
        same_list = prev is not None and prev.tok_end >= pm.tok_start - 2 and \
            doc.sentence_of_token(prev.tok_start).index == sent.index and \
            (doc.tokens[pm.tok_start].text.startswith("و") or
             any(doc.tokens[t].text.startswith("و") for t in range(prev.tok_end, pm.tok_start)))
        if any(t in route and route[t] >= pm.tok_start - 2 for t in window):
            pm.role, pm.reason = "route", "after a route word (عبر)"
        elif any(t in of_displaced and of_displaced[t] >= pm.tok_start - 1 for t in window):
            pm.role, pm.reason = "origin", DISPLACED_OF
        elif any(t in origin and origin[t] >= pm.tok_start - 2 for t in window) or \
                _origin_with_gap(doc, pm.tok_start, sent.tok_start, frozenset(named)) or \
                any(end <= pm.tok_start < min(stop, end + DISPLACED_REACH) and
                    not any(doc.tokens[k].text in ("،", ",") for k in range(end, pm.tok_start))
                    for end, stop in fled.items()):
            pm.role, pm.reason = "origin", "after an origin phrase"
        elif any(t in reference and reference[t] >= pm.tok_start - 2 for t in window):
            pm.role, pm.reason = "reference", "after a reference phrase (القريبة من، الحدودي مع)"
        elif road_by_verb(doc, pm.tok_start, sent.tok_start) or far_end_by_verb(doc, pm.tok_start, prev):
            pm.role, pm.reason = "reference", "an end of a road named by a verb (الطريق الذي يربط X بY)"
        elif any(doc.tokens[t].text in cue_words("distance_noun") or _glued_distance(doc.tokens[t].text)
                 for t in range(max(sent.tok_start, pm.tok_start - 4), pm.tok_start)):
            pm.role, pm.reason = "reference", "a distance reference (N كم غرب X)"
        elif _measured_from(doc, pm.tok_start, sent.tok_start, distance_verbs, noun_tokens):
            pm.role, pm.reason = "reference", "a place a distance is measured from (تبعد عن X)"
        elif _bare_distance_before(doc, pm.tok_start, sent.tok_start):
            pm.role, pm.reason = "reference", "a distance reference with its unit left out (N جنوب شرق X)"
        elif any(t in dest_verbs for t in range(max(sent.tok_start, pm.tok_start - 8), pm.tok_start)) and \
                (any(doc.tokens[t].text in cue_words("destination_preposition") or
                     doc.tokens[t].text.startswith(cue_phrases("destination_prefix"))
                     for t in range(max(sent.tok_start, pm.tok_start - 3), pm.tok_start)) or
                 destination_with_its_seat(doc, pm.tok_start, sent.tok_start, attack_tokens)):
            pm.role, pm.reason = "destination", "destination of a movement (نُقل إلى)"
        elif _treated_at(doc, pm.tok_start, sent.tok_start, attack_tokens):
            pm.role, pm.reason = "destination", "where the wounded are treated (يتلقون العلاج في مستشفيات X)"
        elif _goal_of_movement(doc, pm, idx, mentions, sent.tok_start):
            pm.role, pm.reason = "destination", "where a movement was headed (تسلل ... باتجاه X), after the act's own place"
        elif heading_from_origin(doc, pm.tok_start, sent.tok_start, mentions):
            pm.role = "destination"
            pm.reason = "where a thing set out from a place was bound (انطلقت من X متوجهة صوب Y)"
        elif any(doc.tokens[t].text in cue_words("reporter_noun")
                 for t in range(max(sent.tok_start, pm.tok_start - 5), pm.tok_start)):
            pm.role, pm.reason = "reference", "seat of a reporter"
        elif _speaker_seat(doc, pm.tok_start, sent.tok_start, sent.tok_end, reporting, attack_tokens):
            pm.role, pm.reason = "reference", "seat of the speaker (قال مسؤول في X إن، بيان صادر من X)"
        elif pm.tok_start in capitals and (pm.tok_start in backed_by or  # "المدعومة من الرياض"
                                           not _cue_before_capital(doc, pm.tok_start, sent.tok_start)) and \
                not _attack_object(doc, pm.tok_start, sent.tok_start, attack_tokens) and \
                not _road_end(doc, pm.tok_start, sent.tok_start):  # "على طريق بغداد–سامراء": a road's end
            pm.role, pm.reason = "reference", "a capital standing for its government (أعلنت أنقرة)"
        elif (pm.tok_start - 1) in persons and pm.tok_start - 1 >= sent.tok_start and \
                not _place_noun_before(doc, pm.tok_start - 1, noun_ends_all):
            pm.role, pm.reason = "reference", "part of a person's name (تدعى X، أبو X)"
        elif _institution_seat(doc, pm.tok_start, sent.tok_start):
            pm.role, pm.reason = "reference", "the seat of an institution (السفارة في X، حكومة X في Y)"
        elif _after_given_name(doc, pm.tok_start, sent.tok_start, given):
            pm.role, pm.reason = "reference", "part of a person's name (محمد حيدر X)"
        elif _given_name_first(doc, pm, sent.tok_start, sent.tok_end, given):
            pm.role, pm.reason = "reference", "part of a person's name: a first name (رياض منصور)"
        elif _trend_area(doc, pm.tok_start, sent.tok_start, attack_tokens):
            pm.role, pm.reason = "reference", "the area of a trend (تقدم ملموس لقوات النظام في X)"
        elif _post_seat(doc, pm.tok_start, sent.tok_start, posts, actor_tokens, noun_tokens, attack_tokens, named):
            pm.role, pm.reason = "post", "the seat of a post a person holds (مشرف الحوثيين في مديرية X)"
        elif any(t in titles for t in range(max(sent.tok_start, pm.tok_start - 2), pm.tok_start)):
            pm.role, pm.reason = "reference", "part of a title (أمير ولاية X، محافظ X)"
        elif any(t in media for t in range(max(sent.tok_start, pm.tok_start - 2), pm.tok_start)) or \
                any(start <= pm.tok_start and pm.tok_end <= end for start, end in outlets):
            pm.role, pm.reason = "reference", "part of a news outlet's name (شبكة أخبار X، روسيا اليوم)"
        elif _outlet_after_its_sources(doc, pm, sent.tok_start):
            pm.role, pm.reason = "reference", "a news outlet named after its sources (مصادر الميادين)"
        elif _road_end(doc, pm.tok_start, sent.tok_start) or (
                prev is not None and prev.reason.startswith("an end of a road") and pm.tok_start - prev.tok_end <= 1
                and doc.sentence_of_token(prev.tok_start).index == sent.index
                # "بين قرية X وقرية Y بمحافظة Z": a place behind ب locates the road, it is no end of it
                and not behind_locative_ba(doc.tokens[pm.tok_start].text)
                # "على طريق بغداد–سامراء قرب قضاء الدجيل": a place near the road is the site
                and _direction_before(doc, pm.tok_start, sent.tok_start)[0] is None):
            pm.role, pm.reason = "reference", "an end of a road (طريق X - Y)"
        elif _after_between(doc, pm.tok_start, sent.tok_start) or \
                second_end_of_road(doc, pm.tok_start, sent.tok_start, prev) or \
                (same_list and prev.tok_start - 1 >= sent.tok_start and doc.tokens[prev.tok_start - 1].text == "بين"
                 and not fight_between(doc, prev.tok_start - 1, sent.tok_start)) \
                or (prev is not None and prev.reason.startswith("an end of a road or border")
                    and (_second_end(doc, prev.tok_end, pm.tok_start) or
                         _road_second_end(doc, prev, pm.tok_start, sent.tok_start))):
            pm.role, pm.reason = "reference", "an end of a road or border (بين X و Y)"
        elif prev is not None and _axis_second_end(doc, prev, pm, sent.tok_start):
            pm.role, pm.reason = "reference", "the far end of a front's axis (محور X و Y)"
        elif _held_by_actor(doc, pm.tok_start, sent.tok_start, actor_tokens, attack_tokens):
            pm.role, pm.reason = "origin", "where the attacker is positioned (من قوات X في Y)"
        elif _in_purpose(pm, idx, mentions, sent.tok_start, purposes):
            pm.role, pm.reason = "purpose", "in a purpose phrase after the event's own place (لمنع تقدمهم نحو X)"
        elif (any(t in home and home[t] >= pm.tok_start - 2 for t in window) and
              not side_of_a_clash(doc, pm.tok_start, sent.tok_start, home, attack_tokens)) or \
                _counted_from(doc, pm.tok_start, sent.tok_start):
            pm.role, pm.reason = "home", "where a person comes from (من أبناء X، ينحدر من X)"
        elif _funeral_place(doc, pm.tok_start, pm.tok_end, sent, funerals, triggers_at):
            pm.role, pm.reason = "home", "where the dead are mourned or buried (شيّع ... في X)"
        elif any(t in positions and positions[t] >= pm.tok_start - 2 for t in window) and (
                any(t in triggers_at for t in range(pm.tok_end, min(sent.tok_end, pm.tok_end + 6))) or
                any(pm.tok_end <= o.tok_start < sent.tok_end for o in mentions)):
            # the attacker's position when the attack or its target comes after it; a lone place
            # after the participle may be the target's ("هاجم مواقع القوات المتمركزة في X")
            pm.role, pm.reason = "origin", "where the attacker is positioned (المتمركزة في X ...)"
        elif pm.tok_start - 1 >= sent.tok_start and (pm.tok_start - 1) in campaigns and \
                doc.tokens[pm.tok_start].text[:1] not in ("ب", "ل"):
            pm.role, pm.reason = "label", "names a campaign (معركة X، معارك X)"
        elif _introduces(doc, pm, sent, mentions):
            pm.role, pm.reason = "intro", "introduces the paragraph's places (وفي X، ...)"
        elif same_list and prev.role in ("route", "origin", "destination", "reference", "home", "post") and \
                not prev.reason.startswith("an end of a road"):
            pm.role, pm.reason = prev.role, f"listed with a {prev.role} place"
        # the dateline of a short first line: "إدلب – نورث برس", "شفق نيوز- بغداد/دهوك"
        if sent.index <= 1 and sent.tok_end - sent.tok_start <= 6 and \
                any(c in doc.span(sent.start, sent.end).text for c in "-–—/"):
            pm.role, pm.reason = "dateline", "dateline of the report"
        if sent.index in dated_lines and sent.is_heading:
            pm.role, pm.reason = "dateline", "on a short dated line (a dateline or time zone)"
        if _opens_with_dateline(doc, pm, sent):
            pm.role, pm.reason = "dateline", "dateline of the report (أربيل - كوردستان 24: أفاد ...)"
        relation, _ = _direction_before(doc, pm.tok_start, sent.tok_start)
        if relation is None and pm.tok_end - pm.tok_start > 1 and _is_district_word(doc.tokens[pm.tok_start].text):
            relation = "district"  # the gazetteer knows "قضاء الحمدانية" as a whole
        if relation is None and same_list and prev.relation == "countryside" and \
                (id(prev) in countrysides or _plural_countryside(doc, prev.tok_start, sent.tok_start)):
            relation = "countryside"  # "أرياف حلب وإدلب وحماة": the countryside of each
            countrysides.add(id(pm))
        pm.relation = relation or _direction_after(doc, pm.tok_end, sent.tok_end)
        pm.compass = _compass(doc, pm, relation, sent.tok_end)
    _witnesses_at_the_place(doc, mentions)
    for pm in mentions:
        # a post's seat is set aside only for another place of its sentence: "انفجرت عبوة بسيارة
        # قيادي في حماس في مدينة صيدا" names no other place, and the blast was in Sidon
        if pm.role == "post":
            sent = doc.sentence_of_token(pm.tok_start)
            if not any(o is not pm and o.role == "event" and sent.tok_start <= o.tok_start < sent.tok_end and
                       not (pm.tok_end <= o.tok_start <= pm.tok_end + 3) and  # its own container
                       (o.reason.startswith("unknown name") or
                        o.candidates and not all(c.is_area for c in o.candidates)) for o in mentions):
                pm.role, pm.reason = "event", ""
    _border_with_country(doc, mentions)


_COMPASS = ("north", "south", "east", "west")


def _compass(doc: Doc, pm: PlaceMention, before: str | None, sent_end: int) -> str | None:
    """The side of the place the text names: "شمال X" north; "ريف X الشمالي الغربي" north-west;
    "شمال شرقي X" north-east (the words before the name as read by ``_direction_before``)."""
    sides = []
    if before in _COMPASS:
        sides.append(before)
        _, first = _direction_before(doc, pm.tok_start, 0)
        if doc.tokens[first].text.startswith("و") or \
                (first > 0 and _directions().get(doc.tokens[first - 1].text.lstrip("و")) in _COMPASS):
            return None  # "جنوبي وشرقي وشمالي الفاشر": several sides, the town itself
        if first + 1 < pm.tok_start:  # "شمال شرقي X": a second compass word
            second = _directions().get(doc.tokens[first + 1].text)
            if second in _COMPASS and second != before:
                sides.append(second)
            elif second == before:  # "جنوب غرب X": the relation was read from the second word
                head = _directions().get(doc.tokens[first].text)
                if head in _COMPASS and head != before:
                    sides.append(head)
    else:
        sides = _compass_words_after(doc, pm.tok_end, sent_end)
    if not sides and pm.relation == "countryside":
        sides = _english_side_before(doc, pm)
    return _side_name(sides)


def _compass_words_after(doc: Doc, t: int, sent_end: int) -> list[str]:
    """The compass sides of up to two compass adjectives from ``t`` on ("الشمالي الغربي")."""
    sides: list[str] = []
    while t < sent_end and len(sides) < 2:
        side = relation_words("ar", "after").get(doc.tokens[t].text)
        if side not in _COMPASS or side in sides:
            break
        sides.append(side)
        t += 1
    return sides


def _side_name(sides: list[str]) -> str | None:
    """Compass sides as one name: north or south first ("north-west"); None for none."""
    sides = [s for s in sides if s in ("north", "south")] + [s for s in sides if s in ("east", "west")]
    if len(sides) == 2 and {sides[0], sides[1]} <= {"north", "south"}:
        sides = sides[:1]
    return "-".join(sides[:2]) or None


# How many words before an English name its side's adjective may stand ("the eastern countryside of
# Hama": eastern, countryside, of; "eastern Hama countryside": eastern).
ENGLISH_SIDE_WORDS = 3


def _english_side_before(doc: Doc, pm: PlaceMention) -> list[str]:
    """"in the eastern countryside of Hama", "in eastern Hama countryside", "north-western Idlib
    countryside": the side an English adjective (northern, eastern, north-western) gives."""
    sent = doc.sentence_of_token(pm.tok_start)
    words = relation_words("en", "of")
    for t in range(pm.tok_start - 1, max(sent.tok_start, pm.tok_start - ENGLISH_SIDE_WORDS) - 1, -1):
        word = doc.tokens[t].text.lower()
        parts = [words.get(part) for part in word.split("-")] if word.endswith("ern") else []
        if parts and all(part in _COMPASS for part in parts):
            if len(parts) == 1 and t > sent.tok_start:
                head = words.get(doc.tokens[t - 1].text.lower())  # "north-western", split at its hyphen
                if head in ("north", "south") and parts[0] in ("east", "west"):
                    parts = [head, *parts]
            return list(dict.fromkeys(parts))
    return []


# A dateline's outlet in brackets, then a dash or a colon: "أربيل (كوردستان 24)-"، "عدن (الأناضول):".
_OUTLET_IN_BRACKETS = re.compile(r"\s*\([^()\n]{1,40}\)\s*[-–—:]")

# How many words of an outlet's name may stand between a dateline and the reporting verb.
DATELINE_OUTLET_WORDS = 4


def _opens_with_dateline(doc: Doc, pm: PlaceMention, sent) -> bool:
    """Does the body sentence open with a bare place name, then an outlet's name and a verb of
    reporting ("أربيل كوردستان 24 أفاد مصدر أمني"، "دمشق سانا أعلنت")? The place is the
    dateline, where the report was filed."""
    if pm.tok_start != sent.tok_start or sent.is_heading:
        return False
    if _OUTLET_IN_BRACKETS.match(doc.text, pm.end):
        return True  # "أربيل (كوردستان 24)- شن مسلحو داعش ..."، "بنغازي (رويترز) -" (ب of the name)
    if doc.tokens[pm.tok_start].text[:1] in ("ب", "ل", "و", "ف"):
        return False
    reporting = cue_words("attribution")
    window = range(pm.tok_end + 1, min(sent.tok_end, pm.tok_end + 1 + DATELINE_OUTLET_WORDS))
    verb = next((t for t in window if doc.tokens[t].text in reporting), None)
    if verb is None:
        return False
    # "حلب شهدت اشتباكات ... قال ناشطون": an event told before the verb makes the place its subject
    starts = doc.cache.get("trigger starts")
    if starts is None:
        starts = doc.cache["trigger starts"] = {t for m in _event_words(doc) for t in range(m.tok_start, m.tok_end)}
    return not any(t in starts for t in range(pm.tok_end, verb))


def _person_namesakes(doc: Doc, mentions: list[PlaceMention]) -> None:
    """"الجهادي محمد حيدر زمار ... واعتُقل زمار في المغرب": once the article writes a name as part of
    a person's name, its other mentions that stand in no place position (no preposition of place
    or locative clitic, no place noun before them) name that person too. A big town or a
    governorate is named for itself."""
    from marsad.arabic.normalise import normalise_term

    def bare(pm: PlaceMention) -> str:
        name = normalise_term(pm.text)
        return name[1:] if name[:1] in ("و", "ل") and len(name) > 3 else name

    names = {bare(pm) for pm in mentions if pm.reason.startswith("part of a person's name")}
    if not names:
        return
    noun_ends = {m.tok_end for m in _place_noun_matcher().find(doc)}
    for pm in mentions:
        if pm.role not in ("event", "container") or bare(pm) not in names or \
                any(c.population >= STRANGER_MAX_POPULATION or c.kind in ("admin1", "admin2", "country")
                    for c in pm.candidates):
            continue
        sent = doc.sentence_of_token(pm.tok_start)
        if _place_cue_before(doc, pm.tok_start, sent.tok_start) or pm.tok_start in noun_ends:
            continue
        pm.role, pm.reason = "reference", "the person the article names by it (محمد حيدر X ... X)"


def _border_with_country(doc: Doc, mentions: list[PlaceMention]) -> None:
    """"على الحدود بين قطاع غزة وإسرائيل", "عند الحدود بين تركيا وبلدة X": of the two ends of a
    border, a country is only the other side; the place is where the event is, on its edge."""
    for i, pm in enumerate(mentions):
        if not pm.reason.startswith("an end of a road or border (بين") or _is_country(pm):
            continue
        sent_start = doc.sentence_of_token(pm.tok_start).tok_start
        between = next((t for t in range(pm.tok_start - 1, max(sent_start, pm.tok_start - 5) - 1, -1)
                        if doc.tokens[t].text == "بين"), None)
        if between is not None and road_between(doc, between, sent_start):
            continue  # "الطريق الرابط بين تركيا ومدينة X": a road's end, not a place on a border
        sent = doc.sentence_of_token(pm.tok_start).index
        others = [o for o in mentions[max(0, i - 1):i + 2] if o is not pm and abs(
            (o.tok_start - pm.tok_end) if o.tok_start >= pm.tok_end else (pm.tok_start - o.tok_end)) <= 2
            and doc.sentence_of_token(o.tok_start).index == sent]
        # the other end may be no mention of its own (إسرائيل read as an actor): its words then
        after = doc.tokens[pm.tok_end].text if pm.tok_end < len(doc.tokens) else ""
        before = doc.tokens[pm.tok_start - 2].text if pm.tok_start >= 2 else ""
        country_word = any(c.kind == "country" for w in (after[1:] if after.startswith("و") else "", before)
                           if w for c in load_gazetteer().lookup(w))
        if (others and all(_is_country(o) for o in others)) or (not others and country_word):
            pm.role, pm.relation = "event", pm.relation or "near"
            pm.reason = "on its border with a country (الحدود بين X وبلد آخر)"


def _is_country(pm: PlaceMention) -> bool:
    return bool(pm.candidates) and all(c.kind == "country" for c in pm.candidates)


# Roles whose place is the event's place only when the event's clause names no other.
FALLBACK_ROLES = ("home", "label", "intro", "purpose")

# How many words a purpose phrase may run before the place it names ("لمنع تقدم الفصائل نحو مدينة X").
PURPOSE_REACH = 6


# How many words before a place a word of direction (باتجاه، نحو) may end and still head it
# ("باتجاه مرتفعات جبل X").
GOAL_REACH = 3


# How many words a word of medical care may stand before the place the wounded are treated in
# ("يتلقون العلاج في إحدى مستشفيات العاصمة بغداد").
TREATMENT_REACH = 6


def _treated_at(doc: Doc, tok: int, sent_start: int, attack_tokens: set[int]) -> bool:
    """Is the place at ``tok`` where the wounded are treated: a word of medical care (``treatment_word``)
    a few words before it, with no event word and no comma between ("الجرحى يتلقون العلاج في مستشفيات
    X"; not "يتلقون العلاج بعد قصف بلدة X")?"""
    words = cue_words("treatment_word")
    for t in range(tok - 1, max(sent_start, tok - TREATMENT_REACH) - 1, -1):
        if t in attack_tokens or doc.tokens[t].text in ("،", ",", "و"):
            return False
        if doc.tokens[t].text.lstrip("و") in words:
            return True
    return False


def _goal_of_movement(doc: Doc, pm: PlaceMention, idx: int, mentions: list[PlaceMention], sent_start: int) -> bool:
    """"صدت القوات محاولة تسلل في بلدة X ... باتجاه مرتفعات جبل Y"، "تقدمت القوات في قرية X نحو مدينة Y":
    a place after a word of direction (``goal_preposition``), in a sentence that tells a movement
    (``movement_word``: تسلل، تقدم، زحف) before it and has already put the act at a place of its own,
    is where the movement was headed, not where the act happened. (Fire "باتجاه X" has no movement
    word: X is its target; a lone "تقدم نحو X" keeps X, the only place the text gives.)"""
    lo = max(sent_start, pm.tok_start - GOAL_REACH)
    heads = [m for m in cue_matcher("goal_preposition").find(doc, lo, pm.tok_start) if m.tok_end >= pm.tok_start - 2]
    if not heads:
        return False
    head = heads[0].tok_start
    if not any(m.tok_end <= head for m in cue_matcher("movement_word").find(doc, sent_start, head)):
        return False
    # (a name no gazetteer knows counts when a known place after it locates it: "في بلدة X عند مثلث
    # الطريق بين مديرية Y ...")
    known = [m for m in mentions[:idx] if m.tok_start >= sent_start and m.tok_end <= head and m.candidates]
    return any(m.tok_end <= head and m.tok_start >= sent_start and m.role == "event" and
               (bool(m.candidates) or m.reason.startswith("unknown name") and
                any(k.tok_start >= m.tok_end for k in known)) for m in mentions[:idx])


def _in_purpose(pm: PlaceMention, idx: int, mentions: list[PlaceMention], sent_start: int, purposes: set[int]) -> bool:
    """Is the mention inside a purpose phrase of support, pressure or prevention, in a sentence that
    has already put its event at a place of its own before the phrase?"""
    opener = max((t for t in purposes if sent_start <= t < pm.tok_start and pm.tok_start - t <= PURPOSE_REACH),
                 default=None)
    if opener is None:
        return False
    # (roles come before resolution: a place is one with candidates, or an unknown name after a noun)
    return any(m.tok_end <= opener and m.tok_start >= sent_start and m.role == "event" and
               (bool(m.candidates) or m.reason.startswith("unknown name"))
               for m in mentions[:idx])


def _institution_seat(doc: Doc, tok: int, sent_start: int) -> bool:
    """"افتتاح السفارة الأمريكية في القدس"، "حكومة الوفاق الوطني في طرابلس": a place after في that
    follows an institution noun within a few words names the institution's seat."""
    word = doc.tokens[tok].text
    j = tok - 1
    if word.startswith(("في", "ب")) and len(word) > 3 and not load_gazetteer().lookup(word):
        j = tok  # the preposition is on the name (not a name that opens with ب: بغداد، بنغازي)
    elif j < sent_start or doc.tokens[j].text not in ("في",):
        return False
    institutions = cue_matcher("institution_noun").find(doc, max(sent_start, j - 4), j)
    # "انفجار قرب مقر الحكومة في مقديشو"، "أمام مبنى البرلمان في بغداد": a building the event was
    # at or near places the event in that town; it is no institution speaking from its seat
    at_building = cue_words("building_position")
    return any(not any(doc.tokens[t].text in at_building for t in range(max(sent_start, m.tok_start - 2), m.tok_start))
               for m in institutions)


def _trigger_ends(doc: Doc) -> set[int]:
    """Tokens right after an event word ("تفجير بعقوبة": the Baquba bombing)."""
    found = doc.cache.get("trigger ends")
    if found is None:
        # only an indefinite event noun is in construct with the name after it ("تفجير بعقوبة");
        # after a definite one the word is a predicate ("الاحتجاجات سلمية")
        found = doc.cache["trigger ends"] = {
            m.tok_end for m in _event_words(doc)
            if not doc.tokens[m.tok_end - 1].text.lstrip("وفبل").startswith("ال")}
    return found


def _common_reading(token: str) -> bool:
    """Does a word read as a proclitic (ب، ل، و، ف) and a common noun (بعقوبة = ب + عقوبة، بحجة
    = ب + حجة)? Or does the word, alone or after ف, read as a verb with an object pronoun (حماه
    "protected him", فوجده "and found him")? Such a place name needs a place noun or preposition
    before it."""
    common = cue_words("common_after_clitic")
    # "استخدم ورقة الضغط": a common word whose و is its own letter, not "and" before الرقة's bare name
    return token in common or _verb_reading(token) or \
        (len(token) > 3 and token[0] in "بلوف" and token[1:] in common) or \
        (token[:1] == "و" and _waw_of_the_word(token))


def _verb_reading(token: str) -> bool:
    """Does the word, alone or after ف, read as a verb with an object pronoun (حماه، فوجده)?"""
    verbs = cue_words("verb_with_object")
    return token in verbs or (token[:1] == "ف" and token[1:] in verbs)


def _place_noun_before(doc: Doc, tok: int, noun_ends: set[int]) -> bool:
    """Is token ``tok`` right after a place noun ("قرية أم حارتين": أم opens a place name)?"""
    return tok in noun_ends


@lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    """News outlets' own names, normalised (sources.tsv, kind outlet): an Arabic alias less the
    media noun it starts with and a closing "نت" (قناة الميادين -> الميادين، الجزيرة نت -> الجزيرة).
    Several are place names too (the town of al-Mayadin, the Jazira region)."""
    heads = sorted(cue_phrases("media_noun"), key=len, reverse=True)
    names = set()
    for row in load_table("sources.tsv", required=("canonical", "kind")):
        if row["kind"] != "outlet":
            continue
        for alias in split_list(row.get("aliases_ar", "")):
            term = normalise_term(alias)
            head = next((h for h in heads if term.startswith(h + " ")), None)
            if head is not None:
                term = term[len(head) + 1:]
            names.add(term.removesuffix(" نت"))
    return frozenset(names)


def _outlet_after_its_sources(doc: Doc, pm: PlaceMention, sent_start: int) -> bool:
    """An outlet's name right after a word for its sources or reporter, in construct (مصادر
    الميادين، مصدر للجزيرة is not): the outlet, not the place of that name. With a preposition
    between (مصادر في الميادين) it is the place."""
    before = pm.tok_start - 1
    if before < sent_start or doc.tokens[before].text not in cue_words("outlet_source_noun"):
        return False
    return " ".join(doc.tokens[t].text for t in range(pm.tok_start, pm.tok_end)) in _outlet_names()


def _after_given_name(doc: Doc, tok: int, sent_start: int, given: frozenset[str]) -> bool:
    """"الجهادي محمد حيدر زمار"، "الاء القاسم": a place name right after a given name, or after a
    given name and one more name, with no preposition of place between, is part of a person's name."""
    if tok - 1 < sent_start:
        return False
    word = doc.tokens[tok].text
    if word[:1] in ("ب", "ل", "ف") and len(word) > 3 or word.startswith(("في", "وب", "وفي")):
        return False  # "محمد بحلب": a preposition, so a place
    prev = doc.tokens[tok - 1].text
    if prev in given:
        return True
    if tok - 2 >= sent_start and doc.tokens[tok - 2].text in given:
        return not prev.startswith(("و", "ب", "ل", "ال")) and prev not in ("في", "من", "الي", "علي")
    return False


def _given_name_first(doc: Doc, pm: PlaceMention, sent_start: int, sent_end: int, given: frozenset[str]) -> bool:
    """"قتل المسلح رياض منصور"، "اعتقلت المدعو سامر ...": a one-word place name that is a man's or a
    woman's first name, with no place position before it (no preposition or place noun) and a bare
    surname right after it (الشامي، حداد; no conjunction, preposition or number), is a person's name."""
    word = doc.tokens[pm.tok_start].text
    if pm.tok_end != pm.tok_start + 1 or word not in given or pm.tok_end >= sent_end or \
            _place_cue_before(doc, pm.tok_start, sent_start):
        return False
    gap = doc.text[doc.tokens[pm.tok_end - 1].end:doc.tokens[pm.tok_end].start]
    if gap.strip() or _road_end(doc, pm.tok_start, sent_start):
        return False  # "طريق جاسم- نوى": the ends of a road, not a first name and a surname
    nxt = doc.tokens[pm.tok_end].text
    return nxt.isalpha() and len(nxt) > 2 and not nxt.startswith(("و", "ب", "ل", "ف")) and \
        nxt not in cue_words("place_preposition") and nxt not in cue_words("relation_direction")


def _axis_second_end(doc: Doc, prev: PlaceMention, pm: PlaceMention, sent_start: int) -> bool:
    """"على محور قريتي أبو لية ومنوخ"، "محور كبانة - الحدادة": the second of two places named right
    after an axis noun (a place noun may stand between) marks where the front runs, not a second
    battle; the fighting is coded at the first."""
    gap = doc.text[doc.tokens[prev.tok_end - 1].end:doc.tokens[pm.tok_start].start]
    joined = doc.tokens[pm.tok_start].text.startswith("و") or gap.strip() in ("-", "–", "و")
    if pm.tok_start - prev.tok_end > 1 or not joined:
        return False
    j = prev.tok_start - 1
    if j >= sent_start and doc.tokens[j].text in cue_words("list_place_noun") | cue_words("place_noun"):
        j -= 1  # "محور قريتي X وY"
    axis = cue_starts(doc, "axis_noun")
    return any(t in axis and axis[t] == j + 1 for t in range(max(sent_start, j - 1), j + 1))


# How many words a funeral word may stand before (or after) the place of the funeral.
FUNERAL_WORDS = 8
FUNERAL_AFTER = 2


def _funeral_place(doc: Doc, tok: int, end: int, sent, funerals: dict[int, int], triggers_at: set[int]) -> bool:
    """"شيّعت الجماعة في صنعاء جثامين ثلاثة من قادتها"، "جرت في بلدة X جنازة ...": a place next to a
    funeral word (before it by a few words, or right after it), with no event word between them,
    is where the dead are mourned, not where they died."""
    for t in range(max(sent.tok_start, tok - FUNERAL_WORDS), tok):
        if t in funerals and not any(k in triggers_at for k in range(funerals[t], tok)):
            return True
    # (not a funeral told in a clause of its own after the act's place: "قتلهم في X، ودفنوهم في Y")
    return any(t in funerals and not _new_clause(doc, end, t)
               for t in range(end, min(sent.tok_end, end + FUNERAL_AFTER)))


def _new_clause(doc: Doc, end: int, t: int) -> bool:
    """Does the word at ``t`` open a clause of its own after the words ending at ``end`` (a comma
    between them, or a verb joined by و: "ودفنوهم")?"""
    gap = doc.text[doc.tokens[end - 1].end:doc.tokens[t].start]
    word = doc.tokens[t].text
    firsts = {p.split()[0] for p in cue_phrases("funeral_word") if len(p.split()[0]) >= 3}
    return any(c in gap for c in "،,;؛") or (word.startswith("و") and any(word[1:].startswith(f) for f in firsts))


def _counted_from(doc: Doc, tok: int, sent_start: int) -> bool:
    """"قتل ثلاثة من مدينة X", "مقتل شاب من بلدة X": people counted by where they come from."""
    j = tok - 1
    settlements = cue_words("settlement_noun")
    if doc.tokens[tok].text not in settlements:  # the noun may open the mention itself
        if j >= sent_start and doc.tokens[j].text in settlements:
            j -= 1
        else:
            return False
    if j < sent_start or doc.tokens[j].text != "من" or j - 1 < sent_start:
        return False
    before = doc.tokens[j - 1].text
    from marsad.quantities import parse_number
    if before in cue_words("counted_person_noun") or before.isdigit() or parse_number(before) is not None:
        return True
    # "كمينا لتجار من قرية X"، "استهدف مدنيين من بلدة X": people named by a victim noun
    from marsad.casualties import armed_victim_forms, civilian_victim_forms
    people = civilian_victim_forms() | armed_victim_forms()
    return any(form in people for form in (before, before[1:] if before[:1] in "لوب" else before))


def _introduces(doc: Doc, pm: PlaceMention, sent, mentions: list[PlaceMention]) -> bool:
    """"وفي دير الزور، قتل مدني في بلدة ذيبان": a place fronted before a comma, that only sets
    the scene for a more precise place after it."""
    lead = [doc.tokens[t].text for t in range(sent.tok_start, pm.tok_start)]
    if not lead or lead[0] not in cue_words("place_intro") or len(lead) > 3:
        return False
    if pm.tok_end >= sent.tok_end or not set(doc.text[doc.tokens[pm.tok_end - 1].end:doc.tokens[pm.tok_end].start]) & set("،,"):
        return False
    return any(pm.tok_end <= o.tok_start < sent.tok_end and not (o.candidates and o.candidates[0].kind == "country")
               for o in mentions)


def _speaker_seat(doc: Doc, tok: int, sent_start: int, sent_end: int, reporting: set[int],
                  attack_tokens: set[int]) -> bool:
    """The place is where a statement comes from, not where the event happened:
    "أفاد مصدر عسكري في بنغازي بأن ..." (between a reporting verb and its complementiser,
    with no attack word in between) or "في بيان صادر من أنقرة" / "من مقره في الموصل"."""
    j = _seat_preposition(doc, tok, sent_start)
    if j is None:
        return False
    if j - 1 >= sent_start and doc.tokens[j - 1].text in cue_words("statement_seat_word"):
        return True
    verbs = [t for t in reporting if sent_start <= t < j]
    if not verbs:
        return False
    verb = max(verbs)
    clause_end = cue_words("speaker_clause_end")
    if any(t in attack_tokens or doc.tokens[t].text in clause_end for t in range(verb, tok)):
        return False
    if _death_word_between(doc, verb, tok):
        return False  # "وأشار البيان إلى استشهاد مواطنين في قضاء الطارمية": where they died
    # "أعلنت قيادة العمليات في بغداد مقتل ..." (the speaker right before) or "... في بنغازي بأن ..."
    return j - verb <= 6 or any(doc.tokens[t].text in clause_end for t in range(tok + 1, sent_end))


def _seat_preposition(doc: Doc, tok: int, sent_start: int) -> int | None:
    """The token of the preposition before a speaker's seat ("مصدر في مدينة X"), or the word of the
    mention that carries it ("شهود عيان بمنطقة X"، "مصادر طبية بعدن"); None when there is none."""
    word = doc.tokens[tok].text
    if behind_locative_ba(word) and (place_noun_word(word[1:]) or load_gazetteer().lookup(word[1:])):
        return tok
    j = tok - 1
    if j >= sent_start and behind_locative_ba(doc.tokens[j].text) and place_noun_word(doc.tokens[j].text[1:]):
        return j  # "مصدر أمني بمدينة X"
    while j >= sent_start and doc.tokens[j].text in cue_words("seat_place_noun"):
        j -= 1
    if j < sent_start or doc.tokens[j].text not in cue_words("seat_preposition"):
        return None
    return j


def _death_word_between(doc: Doc, lo: int, hi: int) -> bool:
    """Is a death word (مقتل، استشهاد، قتل ...) among tokens [lo, hi)?"""
    from marsad.casualties import is_death_word
    return any(is_death_word(doc.tokens[t].text, ("و", "ب", "ل")) for t in range(lo, hi))


def _container_right_after(pm: PlaceMention, other: PlaceMention) -> bool:
    """"في مدينة الدلنج بولاية جنوب كردفان": an area named right after a place is its container,
    not another place of the event."""
    return other.tok_start == pm.tok_end and bool(other.candidates) and \
        all(c.kind in ("admin1", "admin2", "region", "country") for c in other.candidates)


def _witnesses_at_the_place(doc: Doc, mentions: list[PlaceMention]) -> None:
    """Witnesses and residents speak from where the event is: "وقال شهود في نابلس إن قوات
    ... اقتحمت الأحياء الشرقية" happened in Nablus. The seat of such speakers is the event's place
    when what they report names no place of its own."""
    witnesses = cue_words("witness_noun")
    for pm in mentions:
        if not pm.reason.startswith("seat of the speaker") or pm.tok_start < 2:
            continue
        j = _seat_preposition(doc, pm.tok_start, 1)
        if j is None or not (doc.tokens[j].text == "في" or behind_locative_ba(doc.tokens[j].text)) or \
                doc.tokens[j - 1].text not in witnesses:
            continue
        sent = doc.sentence_of_token(pm.tok_start)
        if any(o is not pm and pm.tok_end <= o.tok_start < sent.tok_end and o.role != "country" and
               not _container_right_after(pm, o) for o in mentions):
            continue  # "قال سكان في X إن القصف طال بلدة Y": the event is at Y
        pm.role, pm.reason = "event", "where the witnesses who tell it are (قال شهود في X إن ...)"


# How many words before "من X" the verb of an origin (أطلقت، قادمين) may stand.
ORIGIN_VERB_REACH = 7


# How many words of a wider place may stand between "من" and the origin it narrows ("من داخل اليمن
# شمالي عمران"، "من داخل الأراضي السورية جنوب مدينة X").
ORIGIN_GAP_WORDS = 5


def _origin_with_gap(doc: Doc, tok: int, sent_start: int, named: frozenset[int] = frozenset()) -> bool:
    """"أُطلقت الصواريخ من مدينة X", "قادمون من مدينة X", "من مواقعها في X", "أطلقته الميليشيا من
    داخل اليمن شمالي X" (a wider place told as the inside, then a direction, before the origin): where
    the attack came from. ``named``: the tokens of the other place names of the text."""
    j = tok - 1
    place_nouns = cue_words("origin_place_noun")
    gap = cue_words("origin_gap_word")
    while j >= sent_start and doc.tokens[j].text in place_nouns:
        j -= 1
    skipped = 0
    # (only a direction or "داخل" just before the origin opens the gap: "من مواقعها في سراقب بلدة آفس"
    # names two places, the second no origin)
    while j >= sent_start and (skipped or doc.tokens[j].text in gap) and skipped < ORIGIN_GAP_WORDS and doc.tokens[j].text != "من" and \
            (doc.tokens[j].text in gap or doc.tokens[j].text in place_nouns or j in named
             or doc.tokens[j - 1].text in cue_words("territory_noun")):  # "الأراضي اليمنية"
        j -= 1
        skipped += 1
    if skipped and (j < sent_start or doc.tokens[j].text != "من" or
                    doc.tokens[j + 1].text not in cue_words("origin_inside_word")):
        # the wider place is told as the launch's inside ("من داخل X"); "من معسكر الطلائع شمال حمص،
        # وسقطت على حي الوعر": a place after the origin's own locator is no origin
        return False
    if j >= sent_start + 1 and doc.tokens[j].text == "في" and \
            doc.tokens[j - 1].text.startswith(cue_phrases("position_noun")):
        j -= 2  # "من مواقعها في X"
        return j >= sent_start and doc.tokens[j].text == "من"
    if j < sent_start or doc.tokens[j].text != "من":
        return False
    verbs = cue_phrases("origin_verb")
    # the verb, then perhaps its subject: "أطلقتها قوات الحزام المدعومة من الخارج من معسكر X"
    return any(doc.tokens[k].text.lstrip("و").startswith(verbs) for k in range(max(sent_start, j - ORIGIN_VERB_REACH), j))


# How many words may stand between a post's title and the place it is held in.
POST_SEAT_REACH = 6


# How many words a trend noun may stand before the place of its trend (تقدم ملموس لقوات النظام في
# المناطق المحاذية للحدود مع لبنان ولا سيما في منطقة X), and its side after it (ملموس لقوات).
TREND_WORDS = 14
TREND_SIDE_WORDS = 2


def _trend_area(doc: Doc, tok: int, sent_start: int, attack_tokens: set[int]) -> bool:
    """Is the place at ``tok`` the area of a trend an analysis names: a trend noun (تقدم، تصعيد،
    تدهور) with its side after it (ل + a force: "تقدم ملموس لقوات النظام") or an adjective of trend
    (تقدم ميداني)، a few words before the place, and no event word between? A trend tells no act and no day, so its area is no event's."""
    trends = cue_words("trend_noun")
    for t in range(tok - 1, max(sent_start, tok - TREND_WORDS) - 1, -1):
        if t in attack_tokens:
            return False
        if doc.tokens[t].text.lstrip("و") in trends:
            if t > sent_start and doc.tokens[t - 1].text.lstrip("و") in cue_words("attempt_noun"):
                return False  # "تصدت الفصائل لمحاولة تقدم لقوات النظام في X": an attempted advance is an act
            if t > sent_start and doc.tokens[t - 1].text in cue_words("amid_word") and \
                    any(k in attack_tokens for k in range(sent_start, t)):
                return False  # "تشهد X مواجهات عنيفة ... وسط تقدم كبير للقوات نحو Y": it sets the fight told
            return any(doc.tokens[k].text.startswith("ل") and not doc.tokens[k].text.startswith("لا")
                       for k in range(t + 1, min(tok, t + 1 + TREND_SIDE_WORDS))) or \
                (t + 1 < tok and doc.tokens[t + 1].text in cue_words("trend_adjective"))
    return False


def _post_seat(doc: Doc, tok: int, sent_start: int, posts: dict[int, int], actor_tokens: set[int],
               noun_tokens: set[int], attack_tokens: set[int], named: set[int]) -> bool:
    """Is the place at ``tok`` where a post is held: a title, its group's name, في or ب, a place
    noun ("أبو حمزة مشرف الحوثيين في مديرية التحيتا"، "القيادي في قسد بمدينة الشدادي")?"""
    for t, end in posts.items():
        if not (sent_start <= t < tok and tok - end <= POST_SEAT_REACH) or t in named:
            continue  # (not a word of a place's name: "قرية بني مشرف الصغرى")
        if _construct_tail(doc, t, sent_start) and tok - end <= 1:
            continue  # "وحمرة الشيخ بشمال كردفان": the title ends a place's name, no person holds it
        if tok == end and not doc.tokens[t].text.startswith("ال"):
            return True  # in construct: "نجل شيخ مران"، "مسؤول الأمن"
        between = range(end, tok)
        if any(k in attack_tokens for k in between):
            return False  # "القائد الذي قتل في X": the event's own place
        words = [doc.tokens[k].text for k in between]
        located = any(w == "في" or k in noun_tokens and w[:1] == "ب" for k, w in zip(between, words)) or \
            doc.tokens[tok].text[:1] == "ب" or (words and words[-1] == "في")
        units = cue_words("post_unit")
        if located and all(k in actor_tokens or k in noun_tokens or w in ("في", "ب") or w.startswith("ال") or
                           w in units for k, w in zip(between, words)):
            return True
    return False


def _construct_tail(doc: Doc, t: int, sent_start: int) -> bool:
    """"كفر الشيخ"، "حمرة الشيخ"، "تل الأمير": a definite title right after an indefinite noun that is no
    title itself is the genitive of a construct; with no person's name after it, it ends a name."""
    if t - 1 < sent_start or not doc.tokens[t].text.startswith("ال"):
        return False
    head = doc.tokens[t - 1].text
    return not head.lstrip("وب").startswith("ال") and head not in cue_words("post_title") and \
        not any(ch.isdigit() for ch in head) and len(head.lstrip("و")) > 2


def _held_by_actor(doc: Doc, tok: int, sent_start: int, actor_tokens: set[int], attack_tokens: set[int]) -> bool:
    """"قصف من قوات الأسد في جبل الأكراد" / "من قوات النظام المتمركزة في X": X is the attackers' position."""
    j = tok - 1
    # skip a place noun: في معسكر X
    place_nouns = cue_words("held_place_noun")
    while j >= sent_start and doc.tokens[j].text in place_nouns:
        j -= 1
    if j < sent_start or doc.tokens[j].text not in cue_words("held_preposition"):
        return False
    j -= 1
    if j >= sent_start and doc.tokens[j].text.startswith(cue_phrases("position_participle_prefix")):
        j -= 1
    if j < sent_start or j not in actor_tokens:
        return False
    while j >= sent_start and j in actor_tokens:
        j -= 1
    if j < sent_start or doc.tokens[j].text not in cue_words("fire_source_word"):
        return False
    if j - 1 >= sent_start and doc.tokens[j - 1].text in cue_words("member_of_noun"):
        return False  # "برصاص عناصر من تنظيم داعش في منطقة X": its men, where they shot
    # "قصف عنيف من قوات الأسد في X" (fire from), not "مقاتلين من الجيش الوطني في X" (members of)
    return any(t in attack_tokens for t in range(max(sent_start, j - 2), j))


# Weight of one armed actor of a country (قسد، الحشد الشعبي) as a clue to the article's country;
# a place name counts 1, shared among the countries where it exists.
ACTOR_COUNTRY_WEIGHT = 0.5
# Weight of a country adjective (الليبية، العراقي) that does not describe a weapon.
ADJECTIVE_WEIGHT = 0.5
# Distance to the article's unambiguous places: within NEAR_KM is close, beyond FAR_KM far.
NEAR_KM, FAR_KM = 60.0, 200.0


@dataclass
class _Clues:
    """What the article says about where it is: country and governorate votes and their sources."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)
    country_words: dict[str, list[str]] = field(default_factory=dict)  # code -> clue texts
    admin1_words: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    anchors: list[tuple[PlaceMention, Place]] = field(default_factory=list)  # unambiguous point places
    distinct_anchors: list[tuple[PlaceMention, Place]] = field(default_factory=list)  # each place once
    # (id of the place, id of the mention) -> _rank_key, for the current anchors (see set_anchors)
    ranks: dict[tuple[int, int], tuple] = field(default_factory=dict)
    # id of a mention -> (the mention, its candidate list, the anchors other than it)
    others: dict[int, tuple[PlaceMention | None, list | None, list[Place]]] = field(default_factory=dict)
    # id of a mention -> the countries one of whose governorates its name names (read before any
    # sorting: a list sorted in place looks empty meanwhile)
    governorate_of: dict[int, frozenset[str]] = field(default_factory=dict)

    def set_anchors(self, anchors: list[tuple[PlaceMention, Place]]) -> None:
        self.anchors = anchors
        # each place once, with its first mention: a long document names the same towns again
        # and again, and the nearest distance does not change with repeats (cost stays linear)
        seen: dict[str, tuple[PlaceMention, Place]] = {}
        for pm, p in anchors:
            seen.setdefault(p.place_id, (pm, p))
        self.distinct_anchors = list(seen.values())
        self.ranks.clear()  # nearness to the anchors is part of every rank
        self.others.clear()


def _person_part(pm: PlaceMention) -> bool:
    """Is the mention part of a person's name (رياض حداد، محمد حيدر زمار)?"""
    return pm.reason.startswith("part of a person's name")


def _gather_clues(doc: Doc, mentions: list[PlaceMention]) -> _Clues:
    clues = _Clues()
    for pm in mentions:
        if _person_part(pm):
            continue  # "الناشط رياض حداد": a person's name points to no country
        clues.governorate_of[id(pm)] = frozenset(c.country_code for c in pm.candidates if c.kind == "admin1")
        codes = sorted({c.country_code for c in pm.candidates})  # sorted: ties resolve the same in every process
        for code in codes:
            clues.countries[code] = clues.countries.get(code, 0) + 1.0 / len(codes)
            if len(codes) == 1:
                clues.country_words.setdefault(code, []).append(pm.text)
        admins = sorted({(c.country_code, c.admin1) for c in pm.candidates if c.admin1})
        for key in admins:
            clues.admin1[key] = clues.admin1.get(key, 0) + 1.0 / len(admins)
            if len(admins) == 1:
                clues.admin1_words.setdefault(key, []).append(pm.text)
    # country adjectives not describing an attacker's weapon (ليبيتين، العراقية; not "غارة إسرائيلية")
    from marsad.actors import load_actor_kb
    kb = load_actor_kb()
    actor_matches = _actor_names(doc)
    in_actor = {t for m in actor_matches for t in range(m.tok_start, m.tok_end)}
    for m, country in _report_country_adjectives(doc, in_actor):
        if country.country_code not in ARABIC_REGION:
            continue
        code = country.country_code
        clues.countries[code] = clues.countries.get(code, 0) + ADJECTIVE_WEIGHT
        clues.country_words.setdefault(code, []).append(doc.token_span(m.tok_start, m.tok_end).text)
    seen: set[str] = set()
    for m in actor_matches:
        actor = kb.actors.get(m.payload)
        if actor is None or actor.canonical in seen or not actor.country or actor.inter not in (1, 2, 3, 4):
            continue
        seen.add(actor.canonical)
        code = actor.country
        clues.countries[code] = clues.countries.get(code, 0) + ACTOR_COUNTRY_WEIGHT
        clues.country_words.setdefault(code, []).append(doc.token_span(m.tok_start, m.tok_end).text)
    return clues


def _rank_key(place: Place, clues: _Clues, own: PlaceMention | None = None) -> tuple:
    """Lexicographic: article country, governorate, nearness to the article's sure places,
    curated, a settlement before an area, population. Made once per place and mention: sorting
    and explaining the choice ask for the same keys again and again."""
    key = (id(place), id(own))
    rank = clues.ranks.get(key)
    if rank is None:
        rank = clues.ranks[key] = (
            -round(clues.countries.get(place.country_code, 0), 3),
            -round(clues.admin1.get((place.country_code, place.admin1), 0), 3),
            _nearness(place, clues, own),
            # "ريف القنيطرة" with nothing else to tell: a name that is also a governorate of the
            # place's country is that country's town, not a bigger namesake abroad (Kenitra)
            not _names_a_governorate_of(place, clues, own),
            not place.place_id.startswith("cur:"), place.kind in ("admin1", "country"), -place.population)
    return rank


def _names_a_governorate_of(place: Place, clues: _Clues, own: PlaceMention | None) -> bool:
    """Does the mention's name also name a governorate of the place's country?"""
    return own is not None and place.country_code in clues.governorate_of.get(id(own), ())


def _nearness(place: Place, clues: _Clues, own: PlaceMention | None) -> int:
    """0 within NEAR_KM of another sure place of the article, 1 when unknown or middling, 2 beyond FAR_KM."""
    others = _other_anchors(clues, own)
    if not others:
        return 1
    if place.is_area:  # an area holding one of the article's sure places ties with a town 60-200 km away
        return 1 if any(p.country_code == place.country_code and (place.kind == "country" or p.admin1 == place.admin1)
                        for p in others) else 2
    km = min(distance_km(place.latitude, place.longitude, p.latitude, p.longitude) for p in others)
    return 0 if km <= NEAR_KM else 2 if km > FAR_KM else 1


def _other_anchors(clues: _Clues, own: PlaceMention | None) -> list[Place]:
    """The article's sure places other than this mention and its namesakes (another
    "الحسكة" says nothing about which الحسكة this one is)."""
    candidates = own.candidates if own is not None else None
    memo = clues.others.get(id(own))
    if memo is not None and memo[0] is own and memo[1] is candidates:
        return memo[2]  # the same mention and candidate list (sorting asks once per candidate)
    own_ids = {c.place_id for c in candidates} if candidates is not None else set()
    # an anchor's place is one of its own mention's candidates, so the ids leave out ``own`` too
    found = [p for _, p in clues.distinct_anchors if p.place_id not in own_ids]
    clues.others[id(own)] = (own, candidates, found)
    return found


def _nearest_anchor(place: Place, clues: _Clues, own: PlaceMention) -> tuple[str, float] | None:
    own_ids = {c.place_id for c in own.candidates}
    others = [(pm.text, p) for pm, p in clues.distinct_anchors if p.place_id not in own_ids]
    if not others or place.is_area:
        return None
    text, p = min(others, key=lambda o: distance_km(place.latitude, place.longitude, o[1].latitude, o[1].longitude))
    return text, distance_km(place.latitude, place.longitude, p.latitude, p.longitude)


def _deciding_key(best: Place, other: Place, clues: _Clues, own: PlaceMention) -> int:
    """The index of the first rank key where ``best`` beat ``other`` (6 when none did)."""
    a, b = _rank_key(best, clues, own), _rank_key(other, clues, own)
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), 6)


def _hint(words: list[str]) -> str:
    return f" ({', '.join(list(dict.fromkeys(words))[:3])})" if words else ""


def _why_not(best: Place, other: Place, clues: _Clues, own: PlaceMention) -> str:
    """Why ``other`` lost to ``best``, in words."""
    key = _deciding_key(best, other, clues, own)
    if key == 0:
        return f"in {other.country}; the article points to {best.country}" + \
            _hint(clues.country_words.get(best.country_code, []))
    if key == 1:
        return f"in {other.admin1 or 'another governorate'}; the article points to {best.admin1}" + \
            _hint(clues.admin1_words.get((best.country_code, best.admin1), []))
    if key == 2:
        near = _nearest_anchor(other, clues, own)
        return f"{near[1]:.0f} km from {near[0]}, named in the article" if near else "far from the article's places"
    if key == 3:
        return "a GeoNames namesake; the curated entry is preferred"
    if key == 4:
        area = "governorate" if other.kind == "admin1" else other.kind
        return f"the {area} of that name; the {best.kind} is preferred"
    if key == 5:
        return f"smaller namesake (population {other.population:,} against {best.population:,})"
    return "ranked lower in the gazetteer"


def _explain(pm: PlaceMention, clues: _Clues, limit: int = 5) -> None:
    """Fill ``pm.resolution`` and ``pm.alternatives`` for the chosen place."""
    best = pm.place
    if best is None:
        return
    others = [c for c in pm.candidates if c.place_id != best.place_id][:limit]
    pm.alternatives = [(c, _why_not(best, c, clues, pm)) for c in others]
    if not others:
        pm.resolution = "the only place of this name in the gazetteer"
        return
    reasons = []
    for key in sorted({_deciding_key(best, c, clues, pm) for c in others}):
        if key == 0:
            reasons.append(f"the article points to {best.country}" + _hint(clues.country_words.get(best.country_code, [])))
        elif key == 1:
            reasons.append(f"the article points to {best.admin1}" +
                           _hint(clues.admin1_words.get((best.country_code, best.admin1), [])))
        elif key == 2:
            near = _nearest_anchor(best, clues, pm)
            reasons.append(f"{near[1]:.0f} km from {near[0]}, named in the article" if near else
                           "nearer the article's other places")
        elif key == 3:
            reasons.append("curated entry")
        elif key == 4:
            reasons.append(f"the {best.kind} before the area of the same name")
        elif key == 5:
            reasons.append(f"largest namesake (population {best.population:,})")
        else:
            reasons.append("gazetteer rank")
    n = len(pm.candidates) - 1
    pm.resolution = f"chosen over {n} other candidate{'s' if n > 1 else ''}: " + "; ".join(reasons)


def _sure(pm: PlaceMention) -> Place | None:
    """The place of a mention that needs no context: one point candidate, or all within 25 km."""
    points = [c for c in pm.candidates if not c.is_area]
    if not points or pm.place is None or pm.place.is_area:
        return None
    first = points[0]
    if all(distance_km(first.latitude, first.longitude, c.latitude, c.longitude) <= 25 for c in points):
        return pm.place
    return None


def _resolve(doc: Doc, mentions: list[PlaceMention]) -> tuple[list[str], list[tuple[str, str]]]:
    """Pick a candidate for each mention by the article's context, and say why.

    Clues: the countries the article's place names and armed actors point to,
    its governorates, and the distance to its unambiguous places (a village
    name shared by two governorates goes to the one near the other places).
    A mention after a governorate noun (محافظة X) takes the governorate.
    """
    gaz = load_gazetteer()
    clues = _gather_clues(doc, mentions)
    countries = sorted(clues.countries, key=lambda c: -clues.countries[c])
    admins = sorted(clues.admin1, key=lambda a: -clues.admin1[a])

    def choose(pm: PlaceMention) -> None:
        # sorted, not list.sort: the rank reads pm.candidates (its own namesakes are no anchors),
        # and a list being sorted in place looks empty meanwhile
        pm.candidates = sorted(pm.candidates, key=lambda c: _rank_key(c, clues, pm))
        if _after_governorate_noun(doc, pm):
            pm.candidates.sort(key=lambda c: c.kind != "admin1")
            if pm.candidates[0].kind == "admin1" and (seat := _seat_at_the_centre(doc, pm, gaz)) is not None:
                pm.candidates.insert(0, seat)  # "وسط محافظة البصرة": the heart of a governorate named after its seat
        pm.place = pm.candidates[0]

    for pm in mentions:  # first pass: without distances
        if pm.candidates:
            choose(pm)
    clues.set_anchors([(pm, p) for pm in mentions if (p := _sure(pm)) is not None])
    for pm in mentions:  # second pass: near the article's sure places
        if pm.candidates:
            choose(pm)
            _explain(pm, clues)
    _governorates_listed_bare(doc, mentions)
    _country_not_its_capital(doc, mentions)
    _reject_strangers(doc, mentions, clues)
    _reject_far_namesakes(doc, mentions)
    _relative_regions(doc, mentions, clues)
    _borders_on_a_side(doc, mentions, clues)
    _agree_within_lists(doc, mentions)
    # relation anchors: "حيفا شرقي اللاذقية" must lie near Latakia; "X في مدينة Y" inside Y
    position = {id(pm): i for i, pm in enumerate(mentions)}
    for idx, pm in enumerate(mentions):
        anchor = _anchor_after(doc, mentions, idx)
        for _ in range(2):  # "المنصورية بناحية دلي عباس في ديالى": an unknown district is located in turn
            if anchor is not None and anchor.place is None:
                anchor = _anchor_after(doc, mentions, position[id(anchor)])
        if anchor is None or anchor.place is None:
            continue
        # the areas the anchor's name may stand for: a governorate, or a country named like its
        # capital or like another country's capital (تونس، الجزائر، عمان: "رمادة جنوبي تونس")
        areas = [c for c in anchor.candidates if c.kind in ("admin1", "country")]
        near = [c for c in pm.candidates if _located_by(c, anchor.place) or any(_located_by(c, a) for a in areas)]
        side = anchor.compass if anchor.compass in COMPASS else anchor.relation
        if not near and side in COMPASS:
            # "الموصل شمال بغداد": a city far off in that direction of a capital is still told by it;
            # "الأصابعة جنوب غرب طرابلس" by the side the two words name together
            near = [c for c in pm.candidates if _lies_towards(c, anchor.place, side)]
        if not near and ((pm.tok_start > 0 and _settlement_noun(doc.tokens[pm.tok_start - 1].text)) or
                         (pm.tok_end - pm.tok_start > 1 and _district_noun(doc.tokens[pm.tok_start].text))):
            # (a district's noun may open the mention itself: "في قضاء الحضر بالموصل")
            # a town the text names with its noun, in the governorate of the town that locates it
            same = [c for c in pm.candidates if _in_governorate_of(c, anchor.place)]
            near = same if len(same) == 1 else []
        if not near and pm.role == "event" and not _adjective_makes_a_name(doc, pm):
            # a name found only by its sound is a weaker clue than the name itself: inside a town
            # (X في مدينة Y، X بY) it must lie in the town's reach, not anywhere 80 km around
            reach = SOUND_INSIDE_KM if (anchor.relation in (None, "inside") and not anchor.place.is_area) \
                or anchor.place.kind == "admin2" else LOCATED_KM
            sounds = [] if anchor.place.kind == "country" and pm.candidates else \
                gaz.by_sound(_bare_name(pm.text), anchor.place, reach)
            for area in areas:  # "الفاو جنوبي البصرة": Basra the city or the governorate
                # anywhere in a country only for a name the gazetteer does not know at all:
                # "المدعومة من طهران في سوريا" is Tehran, not a Syrian village that sounds like it
                if not sounds and (area.kind != "country" or not pm.candidates):
                    sounds = gaz.by_sound(_bare_name(pm.text), area, LOCATED_KM)
            if not sounds:  # a misspelt Arabic name: "خانشيخوم"
                sounds = [(c, score) for c, score in gaz.fuzzy(_bare_name(pm.text), {anchor.place.country_code},
                                                               threshold=FUZZY_THRESHOLD)
                          if not c.is_area and (_located_by(c, anchor.place) or any(_located_by(c, a) for a in areas))]
            if sounds:
                # "بيت الشكوحي" is no Bayt Yashut: a name's head (بيت، تل، عين، أم) is shared by
                # hundreds of villages, so the words after it must sound alike too
                sounds = [(c, score) for c, score in sounds if _rest_sounds_alike(_bare_name(pm.text), c)]
            if sounds and side in COMPASS and not anchor.place.is_area and not areas:
                # "قرية حجلان شمال غرب مريس": a town that sounds like it on another side is not it
                sounds = [(c, score) for c, score in sounds if _on_side(c, anchor.place, side)]
            if sounds:
                place, score = sounds[0]
                _area_reading(anchor, place)
                others = [c for c in pm.candidates][:5]
                pm.place, pm.candidates = place, [place]
                pm.alternatives = [(c, f"not in or near {anchor.place.name}") for c in others] + \
                    [(p, f"sounds less like {pm.text}") for p, _ in sounds[1:3]]
                pm.resolution = (f"no exact entry for {pm.text} in or near {anchor.place.name}; "
                                 f"{place.name} is the place there whose name sounds like it "
                                 f"(similarity {score:.0f})")
                pm.reason = ""
                continue
        if pm.candidates and not near:
            pm.reason = (f"no place called {pm.text} lies near {anchor.place.name}; "
                         f"located by {anchor.place.name}")
            pm.place = None
            pm.candidates = []
            pm.alternatives = []
            pm.resolution = ""
        elif near and near[0] is not pm.place:
            _area_reading(anchor, near[0])
            pm.place = near[0]
            pm.alternatives = [(c, f"not in or near {anchor.place.name}") for c in pm.candidates
                               if c is not near[0]][:5]
            pm.resolution = f"the namesake located by {anchor.text} ({anchor.place.name})"
        elif near and len(pm.candidates) > 1:
            _area_reading(anchor, near[0])
            pm.resolution += f"; located by {anchor.text}"
        elif near:
            _area_reading(anchor, near[0])
    # countries the names point to equally (الزاوية: a town in Libya and one in Algeria) rank by the
    # places the article's mentions resolved to, not by their codes
    chosen: dict[str, int] = {}
    for pm in mentions:
        if pm.place is not None:
            chosen[pm.place.country_code] = chosen.get(pm.place.country_code, 0) + 1
    countries = sorted(countries, key=lambda c: (-round(clues.countries[c], 6), -chosen.get(c, 0)))
    return countries, admins


def _governorates_listed_bare(doc: Doc, mentions: list[PlaceMention]) -> None:
    """"في محافظتي صعدة وحجة ... واعتقل آخرون في صعدة وحجة": bare names listed together (X وY), each
    of a governorate the text names as such and never as a city (مدينة X), are the governorates; so is
    a bare name its own sentence goes on to call the governorate ("وفي تعز ... جنوب شرقي المحافظة")."""
    governorates, cities = _governorates_told(doc, mentions)

    def told(pm: PlaceMention) -> list[Place]:
        if pm.place is None or pm.place.is_area or pm.place.place_id in cities:
            return []
        return [c for c in pm.candidates if c.place_id in governorates and c.admin1 == pm.place.admin1]

    pairs = [(x, y) for x, y in zip(mentions, mentions[1:])
             if y.tok_start == x.tok_end and doc.tokens[y.tok_start].text.startswith("و")]
    for pm in mentions:
        # "وفي تعز دمرت الضربات تعزيزات ... جنوب شرقي المحافظة": the sentence calls it the governorate
        found = [c for c in pm.candidates if c.kind == "admin1" and pm.place is not None
                 and c.admin1 == pm.place.admin1 and not pm.place.is_area and pm.place.place_id not in cities]
        if found and _called_governorate_after(doc, pm, mentions):
            pm.candidates = found + [c for c in pm.candidates if c not in found]
            pm.place = found[0]
            pm.resolution = "a governorate its sentence calls so (المحافظة)"

    def already(pm: PlaceMention) -> bool:
        return pm.place is not None and pm.place.place_id in governorates

    for x, y in pairs:
        if (told(x) or already(x)) and (told(y) or already(y)):
            for pm in (x, y):
                found = told(pm)
                if not found:
                    continue
                pm.candidates = found + [c for c in pm.candidates if c not in found]
                pm.place = found[0]
                pm.resolution = "a governorate the text names as such, listed bare with another"


def _called_governorate_after(doc: Doc, pm: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """Does the bare name's sentence go on to call it "the governorate" (جنوب شرقي المحافظة، في
    المحافظة) with no other place of a governorate's rank named between?"""
    sent = doc.sentence_of_token(pm.tok_start)
    back = cue_words("governorate_back")
    if pm.tok_start > 0 and doc.tokens[pm.tok_start - 1].text in cue_words("city_name_noun"):
        return False
    if any(m.tok_end == pm.tok_start for m in _place_noun_matcher().find(doc)):
        return False  # "مطار تعز الدولي ... شرقي المحافظة": a facility of the city
    for t in range(pm.tok_end, sent.tok_end):
        if any(o.tok_start == t and o is not pm and o.place is not None and o.place.kind in ("admin1", "city")
               for o in mentions):
            return False
        if doc.tokens[t].text in back and (doc.tokens[t].text in cue_words("governorate_back_prefixed") or
                                           doc.tokens[t - 1].text in cue_words("governorate_back_side")):
            return True  # (not "مجلس المحافظة"، "مبنى المحافظة": the governorate's office in the city)
    return False


def _governorates_told(doc: Doc, mentions: list[PlaceMention]) -> tuple[set[str], set[str]]:
    """(place ids of the governorates the text names with a governorate noun: "محافظة X"، "محافظتي X
    وY"; place ids of the places it tells with a city noun: "مدينة X")."""
    city = cue_words("city_name_noun")
    told: set[str] = set()
    cities: set[str] = set()
    for pm in mentions:
        if pm.place is None:
            continue
        first = doc.tokens[pm.tok_start].text
        if first in city or (pm.tok_start > 0 and doc.tokens[pm.tok_start - 1].text in city):
            cities.add(pm.place.place_id)
        elif pm.place.kind == "admin1" and (_after_governorate_noun(doc, pm) or
                                             first in cue_words("governorate_plural")):
            told.add(pm.place.place_id)
    return told, cities


def _area_reading(anchor: PlaceMention, located: Place) -> None:
    """The anchor reads as the country or governorate of its name when the place it locates lies
    there but not near the town of that name: "صحار شمالي عمان" is Oman, not Amman; "رمادة جنوبي
    تونس" the country, not its capital."""
    if anchor.place is None or anchor.place.is_area or _located_by(located, anchor.place):
        return
    area = next((c for c in anchor.candidates if c.kind in ("admin1", "country") and _located_by(located, c)), None)
    if area is None:
        return
    town = anchor.place
    anchor.place = area
    anchor.alternatives = [(town, f"{located.name} does not lie near it")] + \
        [(c, why) for c, why in anchor.alternatives if c is not area][:4]
    anchor.resolution = f"the {'country' if area.kind == 'country' else 'governorate'} of that name: " \
        f"{located.name}, which it locates, lies there, far from {town.name}"


# A place this small, in a country nothing else in the article points to, is a namesake of a
# word or of a place elsewhere (كابول in an article on Afghanistan is not the Kabul of Galilee).
STRANGER_MAX_POPULATION = 100_000
# Votes a country needs (and twice the next country's) to stand for the article's country when
# the article names none as a place.
CLEAR_LEAD = 2.0


def _named_countries(doc: Doc, mentions: list[PlaceMention]) -> set[str]:
    """The countries the article names: by name (أفغانستان) or by adjective (الأفغانية), any country."""
    gaz = load_gazetteer()
    # a country as a place ("في أفغانستان"، "شمال سوريا"), not as a speaker ("قالت روسيا")
    named = {pm.place.country_code for pm in mentions if pm.place is not None and pm.place.kind == "country"
             and _place_cue_before(doc, pm.tok_start, doc.sentence_of_token(pm.tok_start).tok_start)}
    # an adjective that does not name an attacker ("العاصمة الأفغانية", not "غارة روسية")
    in_actor = {t for m in _actor_names(doc) for t in range(m.tok_start, m.tok_end)}
    named.update(country.country_code for _, country in _report_country_adjectives(doc, in_actor))
    return named


def _report_country_adjectives(doc: Doc, in_actor: set[int]) -> list[tuple[object, Place]]:
    """Country adjectives that point to the country a report is about (العاصمة الأفغانية،
    قوات ليبية), with their country: not the attacker's weapon ("غارة إسرائيلية") nor the arms or
    goods hit or seized ("شحنة أسلحة إيرانية"), not part of
    an actor's name, not a person's nationality ("خبير لبناني"، "إيراني الجنسية")."""
    gaz = load_gazetteer()
    weapon_ends = {m.tok_end for m in cue_matcher("perpetrator_weapon").find(doc)}
    weapon_ends |= {m.tok_end for m in cue_matcher("goods_noun").find(doc)}  # "شحنة أسلحة إيرانية": whose arms
    people = cue_words("counted_person_noun") | cue_words("person_role_noun")
    out = []
    for m in adjective_matcher().find(doc):
        if m.tok_start in weapon_ends or (m.tok_start - 1) in weapon_ends or m.tok_start in in_actor:
            continue
        before = doc.tokens[m.tok_start - 1].text if m.tok_start else ""
        after = doc.tokens[m.tok_end].text if m.tok_end < len(doc.tokens) else ""
        if before.lstrip("و") in people or after in people:
            continue
        country = gaz.country_place(m.payload)
        if country is not None:
            out.append((m, country))
    return out


@lru_cache(maxsize=None)
def neighbours() -> dict[str, frozenset[str]]:
    """Country code -> the codes of the countries it borders (``kb/data/neighbours.tsv``)."""
    out: dict[str, set[str]] = {}
    for row in load_table("neighbours.tsv", required=("a", "b")):
        a, b = row["a"].upper(), row["b"].upper()
        if len(a) != 2 or len(b) != 2 or a == b:
            raise KnowledgeBaseError(f"{a!r} / {b!r} is no pair of country codes", where=f"neighbours.tsv:{row['_line']}")
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


def _reject_strangers(doc: Doc, mentions: list[PlaceMention], clues: _Clues) -> None:
    """Drop the resolution of a small place whose country only it points to, in an article that
    names another country and not its own (كابول in an article on Afghanistan is not the Kabul of
    Galilee)."""
    from marsad.arabic.normalise import normalise_term
    if not any(pm.place is not None and pm.place.kind not in ("country", "admin1") and
               pm.place.population < STRANGER_MAX_POPULATION and not pm.place.place_id.startswith("cur:local-")
               for pm in mentions):
        return
    named = _named_countries(doc, mentions)
    if not named and clues.countries:
        # no country named as a place: the one its places and armed actors point to, when they
        # clearly point to one (a Yemeni report that names only تعز and the Houthis)
        ranked = sorted(clues.countries.values(), reverse=True)
        if ranked[0] >= CLEAR_LEAD and (len(ranked) == 1 or ranked[0] >= 2 * ranked[1]):
            named = {max(clues.countries, key=clues.countries.get)}
    if not named:
        # no country named and no clear lead: the countries of the big places and areas the article
        # names stand for their countries ("بلدة كرمة علي ... شمال البصرة": not Karmah of the West Bank)
        named = {pm.place.country_code for pm in mentions if pm.place is not None and
                 not _person_part(pm) and len({c.country_code for c in pm.candidates}) == 1 and
                 (pm.place.population >= STRANGER_MAX_POPULATION or pm.place.kind in ("admin1", "admin2"))}
    if not named:
        return
    shares: dict[object, dict[str, float]] = {}
    for pm in mentions:
        codes = sorted({c.country_code for c in pm.candidates})
        key = _namesake_key(pm)
        for code in codes:
            shares.setdefault(key, {}).setdefault(code, 0.0)
            shares[key][code] += 1.0 / len(codes)
    near = neighbours()
    # the named countries the article places something in (a town, a district: not only the country)
    placed = [pm.place for pm in mentions if pm.place is not None and pm.place.kind != "country"
              and pm.role not in ("reference", "dateline") and len({c.country_code for c in pm.candidates}) == 1
              and pm.place.country_code in named]
    listed = _listed_among_named(doc, mentions, named)
    for pm in mentions:
        p = pm.place
        # a curated facility (قاعدة عين الأسد) has no namesake; a curated town may (سنجار in a
        # report on India is the name of a man)
        # (nor a region: "جنوب لبنان" names its country in its own name)
        if p is None or p.is_area or p.place_id.startswith("cur:local-") or \
                (p.place_id.startswith("cur:") and p.kind in ("facility", "neighbourhood")) or \
                (p.population >= STRANGER_MAX_POPULATION and id(pm) not in listed) or p.country_code in named:
            continue
        if named & near.get(p.country_code, frozenset()) and (
                not placed or any(distance_km(p.latitude, p.longitude, q.latitude, q.longitude) <= LOCATED_KM
                                  for q in placed)):
            # across a border from a named country, near the places the article puts in it (or it
            # puts none there): "مسيّرة تركية استهدفت منزلا في عامودا"، "حاجز قلنديا شمالي القدس"; a
            # village of Hasakah in a Kirkuk report, hundreds of km off, is not
            continue
        own = shares.get(_namesake_key(pm), {}).get(p.country_code, 0.0)
        support = clues.countries.get(p.country_code, 0.0) - own
        # one armed actor of its country is no support: "الحشد" in a report on India is a crowd
        if support <= ACTOR_COUNTRY_WEIGHT + 0.01:
            pm.reason = (f"{p.name} ({p.country}) is the only place of {p.country} in an article that names "
                         "another country: a namesake, set aside")
            pm.alternatives = [(p, "in a country the article does not otherwise name")]
            pm.place, pm.candidates, pm.resolution = None, [], ""


# A town in a list of the article's villages is a namesake below this population even when it is
# big enough to be named for itself elsewhere ("والمجيلس والسويق": no Omani city of 107,000).
LISTED_STRANGER_MAX_POPULATION = 500_000


def _listed_among_named(doc: Doc, mentions: list[PlaceMention], named: set[str]) -> set[int]:
    """The mentions (by id) in a list of three or more names ("مناطق المتينة والجاح والسويق") whose
    other resolved members all lie in the article's named countries while they lie outside them:
    a list of one area's villages names no town abroad."""
    out: set[int] = set()
    for run in _place_lists(doc, mentions):
        for pm in run:
            p = pm.place
            others = [o.place for o in run if o is not pm and o.place is not None]
            if p is None or p.country_code in named or p.population >= LISTED_STRANGER_MAX_POPULATION or \
                    not others or any(o.country_code not in named for o in others):
                continue
            out.add(id(pm))
    return out


def _namesake_key(pm: PlaceMention) -> object:
    """One key for every mention of one name ("عريشة" and "وعريشة" read the same candidates): a
    name said twice is no support of its own country."""
    return tuple(sorted(c.place_id for c in pm.candidates)) or pm.text


# A village this far from every other place of an article whose places lie in one other
# governorate is a namesake of a village there that no gazetteer knows.
FAR_NAMESAKE_KM = 100.0
# How many other places the article must name, and the share of them its governorate must hold.
FAR_NAMESAKE_OTHERS = 3
FAR_NAMESAKE_SHARE = 2 / 3
# Villages and towns under this population only: a city is named for itself.
FAR_NAMESAKE_MAX_POPULATION = 20_000


def _reject_far_namesakes(doc: Doc, mentions: list[PlaceMention]) -> None:
    """Set aside a small place that is an event place's only candidate when it lies in a
    governorate no other place of the article points to, far from all of them, while they lie
    in one other governorate: "قصفت قوات النظام قرية زيزون" in a report on the Ghab plain of Hama
    is a Ghab village no gazetteer knows, not the Zayzun of Daraa 200 km away. It then lies in
    the area of the article's lead, as an unknown village does."""
    from marsad.arabic.normalise import normalise_term
    for pm in mentions:
        p = pm.place
        if p is None or pm.role != "event" or p.is_area or p.place_id.startswith("cur:local-") or \
                p.population >= FAR_NAMESAKE_MAX_POPULATION or len(pm.candidates) != 1 or \
                p.kind not in ("village", "town"):
            continue
        name = normalise_term(pm.text)
        others = [o.place for o in mentions if o.place is not None and o.place.kind != "country"
                  and normalise_term(o.text) != name and o.role in ("event", "container", "origin", "home",
                                                                     "intro", "reference")]
        if len(others) < FAR_NAMESAKE_OTHERS:
            continue
        if any(o.country_code == p.country_code and o.admin1 == p.admin1 for o in others):
            continue
        # (a region's point counts: "مستشفى تبنين" in a report on جنوب لبنان lies in the region)
        if any((not o.is_area or o.kind == "region") and
               distance_km(o.latitude, o.longitude, p.latitude, p.longitude) <= FAR_NAMESAKE_KM for o in others):
            continue
        governorates = [(o.country_code, o.admin1) for o in others if o.admin1]
        if not governorates:
            continue
        lead = max(set(governorates), key=governorates.count)
        if governorates.count(lead) < FAR_NAMESAKE_SHARE * len(others):
            continue
        pm.reason = (f"{p.name} ({p.admin1}) lies far from every other place of an article on "
                     f"{lead[1]}: a namesake, set aside")
        pm.alternatives = [(p, f"over {FAR_NAMESAKE_KM:.0f} km from every other place of the article")]
        pm.place, pm.candidates, pm.resolution = None, [], ""


def _relative_regions(doc: Doc, mentions: list[PlaceMention], clues: _Clues) -> None:
    """"المنطقة الجنوبية", "المحافظة الشمالية", "الجبهة الجنوبية": a direction of the country the
    article is about, not the proper name of another country's district (Israel's Southern
    District, Bahrain's Southern Governorate) unless that country leads the article."""
    if not clues.countries:
        return
    lead = max(clues.countries, key=clues.countries.get)
    nouns, directions = cue_words("region_noun"), cue_words("direction_adjective")
    for pm in mentions:
        p = pm.place
        if p is None or not p.is_area or p.kind == "country":
            continue
        codes = {c.country_code for c in pm.candidates} or {p.country_code}
        if p.country_code == lead and clues.countries[lead] - 1.0 / len(codes) > 0.01:
            continue  # the article's own country, named by more than this region
        whose = pm.tok_end + 1 if pm.tok_end < len(doc.tokens) and doc.tokens[pm.tok_end].text in ("من", "في") \
            else pm.tok_end
        if whose < len(doc.tokens) and any(c.kind == "country" and c.country_code == p.country_code
                                           for c in load_gazetteer().lookup(doc.tokens[whose].text)):
            continue  # "المنطقة الجنوبية من إسرائيل": the text says whose region it is
        words = [doc.tokens[t].text for t in range(pm.tok_start, pm.tok_end)]
        if t0 := pm.tok_start:
            if doc.tokens[t0 - 1].text in nouns and not words[0] in nouns:
                words = [doc.tokens[t0 - 1].text, *words]
        if len(words) >= 2 and words[0].lstrip("وبلف") in nouns and all(w in directions for w in words[1:]):
            pm.reason = (f"{pm.text}: a direction of the article's own country, not {p.name} ({p.country})")
            pm.alternatives = [(p, "a relative name of a region in a country the article is not about")]
            pm.place, pm.candidates, pm.resolution = None, [], ""


# How far (degrees) the bearing from a country's middle to its border with a neighbour may be from the
# side a text names ("الحدود الشمالية") for that border to be the one on that side.
BORDER_SIDE_DEGREES = 60.0


def _border_words(doc: Doc, tok: int, end: int) -> list[str] | None:
    """The direction words of a border on a side ("الحدود الشمالية"، "حدودها الجنوبية الشرقية") opening
    at ``tok``, or None when the words from ``tok`` to ``end`` are no such phrase."""
    words = [doc.tokens[t].text for t in range(tok, end)]
    if len(words) < 2 or words[0].lstrip("وبلف") not in cue_words("border_noun") or \
            not all(w in cue_words("direction_adjective") for w in words[1:]):
        return None
    return words[1:]


def _border_phrases(doc: Doc, taken: set[int]) -> list[PlaceMention]:
    """Mentions of a border on a side that no gazetteer name covers ("على الحدود الجنوبية لسوريا"):
    no candidates yet; :func:`_borders_on_a_side` places them."""
    out = []
    directions = cue_words("direction_adjective")
    for m in cue_matcher("border_noun", suffixes=False).find(doc):
        end = m.tok_end
        while end < len(doc.tokens) and end - m.tok_end < 2 and doc.tokens[end].text in directions:
            end += 1
        if end == m.tok_end or any(t in taken for t in range(m.tok_start, end)) or \
                doc.sentence_of_token(end - 1) is not doc.sentence_of_token(m.tok_start):
            continue
        span = doc.token_span(m.tok_start, end)
        out.append(PlaceMention(span.start, span.end, span.text, tok_start=m.tok_start, tok_end=end,
                                reason=BORDER_ON_SIDE))
    return out


BORDER_ON_SIDE = "a border on a side of a country (الحدود الشمالية)"


def _borders_on_a_side(doc: Doc, mentions: list[PlaceMention], clues: _Clues) -> None:
    """"الحدود الشمالية للمملكة" in a Jordanian report, "الحدود الجنوبية لسوريا": a country's border on a
    side, with no place of its own (none known, or another country's district of that name set aside),
    is the border of the country named right after it, else of the article's lead country (not counting
    the namesakes set aside)."""
    found = [(pm, words) for pm in mentions if pm.place is None and
             (words := _border_words(doc, pm.tok_start, pm.tok_end)) is not None]
    if not found:
        return
    votes = dict(clues.countries)
    for pm, _ in found:
        for p, _why in pm.alternatives:
            votes[p.country_code] = votes.get(p.country_code, 0.0) - 1.0
    lead = max(votes, key=votes.get) if votes and max(votes.values()) > 0.01 else None
    if lead is None:
        # "اشتبكت قوات حرس الحدود الأردنية مع مهربين": a border guard guards its own country's border
        from marsad.actors import load_actor_kb
        kb = load_actor_kb()
        border = cue_words("border_noun")
        guards = {actor.country for m in _actor_names(doc) if (actor := kb.actors.get(m.payload)) is not None
                  and actor.country and any(doc.tokens[t].text.lstrip("وبلف") in border
                                            for t in range(m.tok_start, m.tok_end))}
        lead = guards.pop() if len(guards) == 1 else None
    gaz = load_gazetteer()
    for pm, words in found:
        whose = pm.tok_end + 1 if pm.tok_end < len(doc.tokens) and doc.tokens[pm.tok_end].text in ("من", "في") \
            else pm.tok_end
        word = doc.tokens[whose].text if whose < len(doc.tokens) else ""
        named = next((c.country_code for form in (word, word[1:] if word.startswith("ل") else None) if form
                      for c in gaz.lookup(form) if c.kind == "country"), None)
        if named is None and word.startswith("ل") and word.lstrip("ل") not in cue_words("country_noun"):
            continue  # "الحدود الشرقية للقطاع"، "لجنوب قطاع غزة": the border of a part, not of a country
        if named or lead:
            _border_on_side(pm, named or lead, words)


def _border_on_side(pm: PlaceMention, country_code: str, direction_words: list[str]) -> None:
    """"الحدود الشمالية" of a country: its border with the neighbour that lies on that side (Jordan's
    northern border is the Syrian one), placed at the middle of that border on the country's outline as
    a region (precision 3, as a governorate). Nothing when the side or the neighbour is unclear."""
    from marsad.geo import areas
    compass = _directions()
    sides = []
    for word in direction_words:
        side = compass.get(word) or compass.get(word[:-1])  # الشمالية -> الشمالي
        if side is None:
            return
        sides.append(side)
    side = "-".join(sides)
    if side not in COMPASS or not country_code:
        return
    centre = areas.country_centre(country_code)
    if centre is None:
        return
    best = None
    for other in sorted(neighbours().get(country_code, ())):
        point = areas.border_point(country_code, other)
        if point is None:
            continue
        off = abs((areas.bearing_degrees(*centre, *point) - COMPASS[side] + 180.0) % 360.0 - 180.0)
        if off <= BORDER_SIDE_DEGREES and (best is None or off < best[0]):
            best = (off, other, point)
    if best is None:
        return
    _, other, (lat, lon) = best
    gaz = load_gazetteer()
    own, their = gaz.country_place(country_code), gaz.country_place(other)
    if own is None or their is None:
        return
    admin1 = min((p for p in (gaz.admin1_place(country_code, name) for name in gaz.admin1_names(country_code))
                  if p is not None), key=lambda p: distance_km(lat, lon, p.latitude, p.longitude), default=None)
    place = Place(place_id=f"border:{country_code}-{other}", name=f"{own.name}-{their.name} border",
                  country=own.country, country_code=country_code, latitude=lat, longitude=lon, kind="region",
                  admin1=admin1.name if admin1 is not None else None)
    pm.place, pm.candidates = place, [place]
    pm.resolution = (f"the {side} border of {own.name} is its border with {their.name}: "
                     f"the middle of that border, as a region")


def _place_lists(doc: Doc, mentions: list[PlaceMention]) -> list[list[PlaceMention]]:
    """Runs of place mentions of one sentence joined by و or commas ("قرى X وY وZ")."""
    runs: list[list[PlaceMention]] = []
    for pm in mentions:
        prev = runs[-1][-1] if runs else None
        # joined by و or a comma; unknown names of the list may stand between ("نوى وكحيل والسهوة
        # وأم المياذن": every word between starts with و)
        between = range(prev.tok_end, pm.tok_start) if prev is not None else range(0)
        joined = prev is not None and doc.sentence_of_token(prev.tok_start).index == \
            doc.sentence_of_token(pm.tok_start).index and len(between) <= 8 and (
                doc.tokens[pm.tok_start].text.startswith("و") or
                set(doc.text[doc.tokens[prev.tok_end - 1].end:doc.tokens[pm.tok_start].start]) & set("،,")) and \
            all(doc.tokens[t].text.startswith("و") or doc.tokens[t].text.startswith("ال") and
                doc.tokens[t - 1].text.startswith("و") for t in between)
        if joined:
            runs[-1].append(pm)
        else:
            runs.append([pm])
    return [r for r in runs if len(r) >= 3]


def _agree_within_lists(doc: Doc, mentions: list[PlaceMention]) -> None:
    """In a list of three or more places, the places lie in one country: a member resolved to
    another country takes a namesake in the list's country, else is left unresolved ("ونصيب
    وصيدا والمسيفرة" in Daraa is not the Sayda of the West Bank)."""
    for run in _place_lists(doc, mentions):
        counts: dict[str, int] = {}
        for pm in run:
            if pm.place is not None and pm.place.kind != "country":
                counts[pm.place.country_code] = counts.get(pm.place.country_code, 0) + 1
        if not counts:
            continue
        main = max(counts, key=lambda c: counts[c])
        if counts[main] < 2:
            continue
        for pm in run:
            p = pm.place
            if p is None or p.kind == "country" or p.country_code == main or \
                    counts.get(p.country_code, 0) * 3 > counts[main]:
                continue  # only a clear minority yields
            same = [c for c in pm.candidates if c.country_code == main]
            if same:
                pm.place = same[0]
                pm.resolution = f"the namesake in the country of the places listed with it ({same[0].country})"
            else:
                pm.reason = (f"{p.name} ({p.country}) would lie in another country than the places "
                             "listed with it: left unresolved")
                pm.alternatives = [(p, "not in the country of the places listed with it")]
                pm.place, pm.candidates, pm.resolution = None, [], ""


def _bare_name(text: str) -> str:
    """A mention's text without its place noun and a one-letter proclitic: "مدينة العزيزية" -> "العزيزية"."""
    words = normalise_term(text).split()
    while len(words) > 1 and words[0] in cue_words("bare_name_noun"):
        words = words[1:]
    if words and words[0][:1] in ("و", "ب", "ل", "ف") and words[0][1:3] == "ال":
        words[0] = words[0][1:]
    return " ".join(words)


def _seat_at_the_centre(doc: Doc, pm: PlaceMention, gaz) -> Place | None:
    """"وسط محافظة البصرة": after a middle word (``middle_word``) the governorate noun and its name stand
    for the seat of the same name (the city of Basra in the governorate of Basra), when there is one."""
    if pm.tok_start == 0 or not doc.tokens[pm.tok_start].text.startswith(cue_phrases("governorate_noun")):
        return None
    word = doc.tokens[pm.tok_start - 1].text
    if word not in cue_words("middle_word") and word[1:] not in cue_words("middle_word"):
        return None
    area = pm.candidates[0]
    name = normalise_term(" ".join(t.text for t in doc.tokens[pm.tok_start + 1:pm.tok_end]))
    return next((c for c in gaz.lookup(name) if not c.is_area and c.country_code == area.country_code
                 and c.admin1 == area.admin1), None)


def _after_governorate_noun(doc: Doc, pm: PlaceMention) -> bool:
    first = doc.tokens[pm.tok_start].text
    if first.startswith(cue_phrases("governorate_noun")):
        return True
    # "في إحدى مديريات الحديدة"، "في أحد أقضية كركوك": the districts a governorate is made of
    if pm.tok_start > 0 and doc.tokens[pm.tok_start - 1].text in cue_words("governorate_part_plural"):
        return True
    # "محافظات كركوك وصلاح الدين وديالى": the list after a plural governorate noun
    plurals = cue_words("governorate_plural")
    for t in range(max(0, pm.tok_start - 8), pm.tok_start):
        if doc.tokens[t].text in plurals:
            between = [doc.tokens[k].text for k in range(t + 1, pm.tok_start)]
            breaks = cue_phrases("governorate_list_break")
            return all(w.startswith("و") or not w.startswith(breaks) for w in between)
    return False


# rapidfuzz ratio for a misspelt name near its anchor.
FUZZY_THRESHOLD = 88

# How alike (rapidfuzz ratio of sound keys) the words after a shared head must sound.
REST_SOUND_THRESHOLD = 80.0


def _rest_sounds_alike(name: str, place: Place) -> bool:
    """For a name that opens with a place-name head (بيت، تل، عين، أم ...) and goes on: do the
    words after the head sound like the words after the first of one of the place's names?
    Other names pass."""
    from rapidfuzz import fuzz
    from marsad.geo.gazetteer import sound_key
    head, _, rest = normalise_term(name).partition(" ")
    if rest and head not in cue_words("place_name_head") and _region_tail(name):
        # "صيدا الجولان" is no Saham al-Jawlan: a region's name that ends a village's name is
        # shared by its neighbours, so the words before it must sound alike too
        front = sound_key(normalise_term(name).rsplit(" ", 1)[0])
        return any(len(words := other.replace("-", " ").split(" ")) >= 2 and
                   fuzz.ratio(front, sound_key(" ".join(words[:-1]))) >= REST_SOUND_THRESHOLD
                   for other in filter(None, (place.name, place.name_ar)))
    if not rest or head not in cue_words("place_name_head"):
        return True
    target = sound_key(rest)
    for other in filter(None, (place.name, place.name_ar)):
        words = other.replace("-", " ").split(" ", 1)
        if len(words) == 2 and fuzz.ratio(target, sound_key(words[1])) >= REST_SOUND_THRESHOLD:
            return True
    return False


def _region_tail(name: str) -> bool:
    """Does the name end with a region's name (صيدا الجولان، عسال القلمون)?"""
    words = normalise_term(name).split(" ")
    found = load_gazetteer().lookup(words[-1]) if len(words) >= 2 else []
    return bool(found) and all(c.kind == "region" for c in found)


# How far a place may lie from the town that locates it ("تلعفر غرب الموصل" is 60 km out).
LOCATED_KM = 80.0
# How far a place found only by the sound of its Latin name may lie from the town the text puts
# it in, with no direction ("منطقة الرابية بعمّان" is no Rehab 44 km off).
SOUND_INSIDE_KM = 20.0


COMPASS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0,
           "north-east": 45.0, "south-east": 135.0, "south-west": 225.0, "north-west": 315.0}
# A city of at least this many people may lie any distance off in the direction a text gives;
# a town of at least TOWARDS_TOWN_POPULATION up to TOWARDS_TOWN_KM ("جوهر شمالي مقديشو", 85 km).
FAR_CITY_POPULATION = 100_000
TOWARDS_TOWN_POPULATION = 10_000
TOWARDS_TOWN_KM = 200.0


def _lies_towards(place: Place, anchor: Place, relation: str) -> bool:
    """Does a large city, or a town within reach, lie in the country of ``anchor`` and in the
    compass direction the text gives from it (within 60 degrees)?"""
    if place.country_code != anchor.country_code or place.population < TOWARDS_TOWN_POPULATION:
        return False
    if place.population < FAR_CITY_POPULATION and \
            distance_km(place.latitude, place.longitude, anchor.latitude, anchor.longitude) > TOWARDS_TOWN_KM:
        return False
    dy = place.latitude - anchor.latitude
    dx = (place.longitude - anchor.longitude) * math.cos(math.radians(anchor.latitude))
    bearing = math.degrees(math.atan2(dx, dy)) % 360
    return abs((bearing - COMPASS[relation] + 180) % 360 - 180) <= 60


def _on_side(place: Place, anchor: Place, side: str, degrees: float = 60.0) -> bool:
    """Does ``place`` lie on the compass side of ``anchor`` the text gives (within 60 degrees)?"""
    dy = place.latitude - anchor.latitude
    dx = (place.longitude - anchor.longitude) * math.cos(math.radians(anchor.latitude))
    if abs(dx) + abs(dy) < 1e-6:
        return True
    bearing = math.degrees(math.atan2(dx, dy)) % 360
    return abs((bearing - COMPASS[side] + 180) % 360 - 180) <= degrees


# How far from a region's point a place it locates may lie (Duhok from the point of Iraqi Kurdistan).
REGION_REACH_KM = 150.0


def _located_by(place: Place, anchor: Place) -> bool:
    """Can ``place`` lie where ``anchor`` says: inside an area anchor, or within 60 km of a point anchor."""
    if anchor.kind == "country":
        return place.country_code == anchor.country_code
    if anchor.kind == "admin1":
        return place.country_code == anchor.country_code and (place.admin1 == anchor.admin1 or not place.admin1)
    if anchor.kind == "region":
        # a region may span governorates (إقليم كردستان، البادية السورية): its country, within reach
        return place.country_code == anchor.country_code and \
            distance_km(place.latitude, place.longitude, anchor.latitude, anchor.longitude) <= REGION_REACH_KM
    if anchor.kind == "admin2":
        # a district is a few tens of km across, its point its seat: "قرى الجراحي والمنصورية في مديرية
        # التحيتا" are villages of that district, not the towns of those names in the next districts
        return place.country_code == anchor.country_code and \
            distance_km(place.latitude, place.longitude, anchor.latitude, anchor.longitude) <= DISTRICT_REACH_KM
    return distance_km(place.latitude, place.longitude, anchor.latitude, anchor.longitude) <= LOCATED_KM


@lru_cache(maxsize=1)
def _adjectives_of_a_name() -> frozenset[str]:
    """Words that may follow a name before what locates it: a place's adjective (الاستراتيجي) or a
    name's own (الصغرى، العليا)."""
    return place_adjectives() | cue_words("name_adjective")


def _adjective_makes_a_name(doc: Doc, pm: PlaceMention) -> bool:
    """"قرية عدن الجديدة": a village noun before the name and a name's own adjective after it: the
    name is longer than the one matched, so no place that merely sounds like the shorter one is it
    (see _names_by_direction)."""
    t = pm.tok_end
    return pm.tok_start > 0 and t < len(doc.tokens) and _village_noun(doc.tokens[pm.tok_start - 1].text) and \
        (doc.tokens[t].text in cue_words("name_adjective") or doc.tokens[t].text in cue_words("direction_adjective"))


def _village_noun(word: str) -> bool:
    """قرية، وبقرية، بلدة: the noun of a village or a small town (cues.tsv ``village_noun``), proclitics on."""
    nouns = cue_words("village_noun")
    return word in nouns or any(word.startswith(p) and word[len(p):] in nouns for p in ("و", "ب", "وب", "ف", "فب"))


def _settlement_noun(word: str) -> bool:
    """بلدة، وبلدة، ببلدة، وبقرية: a settlement noun with its proclitics."""
    nouns = cue_words("settlement_noun")
    return word in nouns or any(word.startswith(p) and word[len(p):] in nouns for p in ("و", "ب", "وب", "ف", "فب"))


def _is_district_word(word: str) -> bool:
    """قضاء، بناحية، ومديرية: a district noun, with its clitics."""
    return bool(cue_words("district_noun") & {w for w, _ in stem_candidates(word)})


def _district_noun(word: str) -> bool:
    """A district noun or a settlement noun, with their proclitics."""
    return _settlement_noun(word) or _is_district_word(word)


# How far from a district's seat a place the text puts in the district may lie.
DISTRICT_REACH_KM = 35.0


def _in_governorate_of(place: Place, anchor: Place) -> bool:
    """Does ``place`` lie in the governorate of the town ``anchor``, within a region's reach
    ("بلدة القحطانية القريبة من الموصل": the Nineveh town, 100 km off, not a Syrian namesake)?"""
    return anchor.kind in ("city", "town") and bool(place.admin1) and not place.is_area and \
        place.country_code == anchor.country_code and place.admin1 == anchor.admin1 and \
        distance_km(place.latitude, place.longitude, anchor.latitude, anchor.longitude) <= REGION_REACH_KM


@lru_cache(maxsize=1)
def _locating_words() -> frozenset[str]:
    """Words that may stand between a place and the place that locates it: "في"، "بريف"، the
    compass words, the English ones ("in the countryside of")."""
    return cue_words("locating_word") | frozenset(_directions()) | cue_words("en_locating")


def _anchor_after(doc: Doc, mentions: list[PlaceMention], idx: int, *,
                  region_on_side: bool = False) -> PlaceMention | None:
    """The place that locates mention ``idx``: "X شمال مدينة Y", "X في ريف Y", "X، جنوبي Y".

    With ``region_on_side``, a region the text puts on a side of a town within reach ("مسافر
    يطا جنوب الخليل"، "إقليم التفاح شرق صيدا") is located by it, as a district is: the town
    only locates the region, it is no event place of its own."""
    pm = mentions[idx]
    if idx + 1 >= len(mentions) or (pm.candidates and pm.candidates[0].kind == "country"):
        return None  # a country (العراقية) is located by nothing
    if pm.reason == DISPLACED_OF:
        return None  # "مخيم لنازحي حمص قرب بلدة أطمة": the town is the camp's, not Homs's
    nxt = mentions[idx + 1]
    sent = doc.sentence_of_token(pm.tok_start)
    if nxt.tok_start >= sent.tok_end or nxt.tok_start - pm.tok_end > 4 + _side_phrase(doc, pm.tok_end, nxt.tok_start):
        return None
    if pm.candidates and all(c.is_area for c in pm.candidates) and nxt.candidates and \
            not any(c.is_area for c in nxt.candidates) and nxt.relation != "countryside" and \
            not (nxt.relation in _COMPASS and all(c.kind in ("admin1", "admin2") for c in pm.candidates)) and \
            not (region_on_side and _region_on_side_of(pm, nxt)):
        # (but "مديرية نهم شرق صنعاء": a district lies on a side of a town)
        return None  # "قوات أرض الصومال في مدينة لاسعانود": a region lies in no town (but in ريف Y)
    between = [doc.tokens[t].text for t in range(pm.tok_end, nxt.tok_start)]
    if any(w in cue_words("direction_pronoun") for w in between):
        return None  # "وبنش شرقها": east of the place named before, not of the next one
    if _conjoined_name(doc.tokens[nxt.tok_start].text):
        return None  # "في دارفور غرب وكردفان": the next place is one more of a list, it locates nothing
    adjectives = _adjectives_of_a_name()
    while between and between[0] in adjectives:
        # "جبل توانه الاستراتيجي بمديرية خب الشعف"، "قرية الزرقاء الصغرى بريف حماة": the name's adjective
        between = between[1:]
    if "في" in between and len(between) <= 4 and all(w.startswith("ال") for w in between[:between.index("في")]):
        # "مطار حميميم العسكري في مدينة جبلة": adjectives of X may stand before في
        between = between[between.index("في"):]
    if between and all(w in cue_words("lone_place_noun") for w in between):
        return None  # "سراقب بلدة آفس": a place noun alone locates nothing
    locating, prefixes = _locating_words(), cue_phrases("locating_prefix")
    fronts = cue_words("front_noun")
    # "منطقة المالح بجبهة مقبنة"، "منطقة الكتف جنوب جبهة ميدي": the front's place locates the name
    if between and (between[-1] in fronts or between[-1][:1] == "ب" and between[-1][1:] in fronts):
        between = [w for w in between if not (w in fronts or w[:1] == "ب" and w[1:] in fronts)]
        if not between:
            return nxt
    if between and all(w in locating or w.startswith(prefixes) for w in between):
        return nxt
    # "بريف إدلب" attached: the next mention starts with ب + its clitic
    nxt_tok = doc.tokens[nxt.tok_start].text
    if not between and nxt_tok.startswith(("ب", "في")):
        return nxt
    # "مخيم جباليا شمال قطاع غزة": an area whose name opens with a compass word (شمال القطاع، وسط
    # قطاع غزة) right after a place puts that place in it, as "شمال Y" would
    if not between and nxt.candidates and all(c.is_area for c in nxt.candidates) and \
            nxt_tok in cue_words("relation_direction") | cue_words("middle_word") and \
            not (pm.candidates and any(c.is_area for c in pm.candidates)):
        return nxt
    return None


def side_of_bare_countryside(doc: Doc, tok: int, sent_end: int) -> str | None:
    """"قرية معيزيلة بالريف الشمالي"، "في الريف الشرقي": the side of a countryside named with no town
    right after a place (the town the article is about), as ``_compass`` writes it ("north",
    "north-west"); None when no such countryside follows at ``tok``."""
    if tok >= sent_end:
        return None
    word = doc.tokens[tok].text
    if word == "في" and tok + 1 < sent_end:
        tok, word = tok + 1, doc.tokens[tok + 1].text
    if word not in ("الريف", "بالريف", "والريف"):
        return None
    return _side_name(_compass_words_after(doc, tok + 1, sent_end))


def _side_phrase(doc: Doc, lo: int, hi: int) -> bool:
    """Do the words between two places hold a side noun ("في الناحية الجنوبية الشرقية من"), which
    takes a word more than a compass word alone?"""
    return any(doc.tokens[t].text in cue_words("side_noun") for t in range(lo, hi))


def _named_governorate(pm: PlaceMention) -> bool:
    """Is the mention a governorate named with its noun (محافظة صلاح الدين، بمحافظة مأرب)?"""
    first = normalise_term(pm.text).split(" ")[0]
    nouns = cue_words("governorate_noun")
    return first in nouns or first[1:] in nouns or first[2:] in nouns


def _region_on_side_of(pm: PlaceMention, nxt: PlaceMention) -> bool:
    """Is ``pm`` a region (no governorate or district) that ``nxt``, a town named with a
    compass word ("جنوب الخليل"), can locate: the region's point lies within a town's reach?"""
    region, town = pm.place, nxt.place
    return nxt.relation in _COMPASS and region is not None and town is not None and \
        region.kind == "region" and not town.is_area and _located_by(region, town)


# Where the mentions the places are handed are kept on the document (see analyse_places).
_ACTORS, _EVENT_WORDS = "places: actor names", "places: event words"


def _actor_names(doc: Doc) -> list:
    """The actor names of the document (spans with the actor's key as ``payload``), as handed to
    :func:`analyse_places`; matched here only when the places are read alone (a plain string)."""
    found = doc.cache.get(_ACTORS)
    if found is None:
        from marsad.actors import load_actor_kb
        found = doc.cache[_ACTORS] = load_actor_kb().names.find(doc)
    return found


def _event_words(doc: Doc) -> list:
    """The event words of the document (spans with ``tok_start``/``tok_end``), as handed to
    :func:`analyse_places`; matched here only when the places are read alone."""
    found = doc.cache.get(_EVENT_WORDS)
    if found is None:
        from marsad.triggers import trigger_matcher
        found = doc.cache[_EVENT_WORDS] = trigger_matcher().find(doc)
    return found


def _merge_appositions(doc: Doc, mentions: list[PlaceMention]) -> None:
    """"العاصمة السورية دمشق": two names of one place side by side are one mention (the first one's
    role and relation, both names' words)."""
    k = 1
    while k < len(mentions):
        a, b = mentions[k - 1], mentions[k]
        if a.place is not None and b.place is not None and a.place.place_id == b.place.place_id and \
                b.tok_start == a.tok_end and a.anchor is None:
            span = doc.token_span(a.tok_start, b.tok_end)
            a.start, a.end, a.text, a.tok_end = span.start, span.end, span.text, b.tok_end
            mentions.pop(k)
            continue
        k += 1


def analyse_places(doc: Doc, *, actors: list | None = None, triggers: list | None = None) -> PlaceAnalysis:
    """The place mentions of ``doc``, their roles, relations and resolved places.

    ``actors`` are the document's actor names (spans with ``tok_start``, ``tok_end`` and the
    actor's key as ``payload``: "الجيش العراقي" is an actor, not العراق) and ``triggers`` its event
    words (spans: "تفجير بعقوبة", "قصفت الطائرات دمشق"); the pipeline hands both, so this module
    decides only places. Left out (a test on a plain string), they are matched here.
    """
    if actors is not None:
        doc.cache[_ACTORS] = actors
    if triggers is not None:
        doc.cache[_EVENT_WORDS] = triggers
    mentions = find_place_mentions(doc)
    _assign_roles(doc, mentions)
    _person_namesakes(doc, mentions)
    _part_of_named_place(doc, mentions)
    countries, admins = _resolve(doc, mentions)
    _merge_appositions(doc, mentions)
    _names_by_direction(doc, mentions)
    _town_a_named_place_lies_off(doc, mentions)
    # containers: Y in "X في Y" / "X، جنوبي Y" only locates X
    for idx, pm in enumerate(mentions):
        anchor = _anchor_after(doc, mentions, idx, region_on_side=True)
        # a road's end locates nothing of its own, but "بين طفس واليادودة في ريف درعا" puts the road there
        # ("قرب بلدة X" after a road is the site itself, not a container)
        road_end = pm.role == "reference" and pm.reason.startswith("an end of a road") and anchor is not None \
            and (anchor.relation == "countryside" or (anchor.place is not None and anchor.place.is_area))
        # "محور قريتي X وY شرقي حمص": the place after the axis's far end locates the axis
        road_end = road_end or (pm.role == "reference" and pm.reason.startswith("the far end of a front"))
        # a home town's locating place ("من أبناء جاسم شمالي درعا") is no event place either, but a
        # plain town after it ("ينحدر من سراقب في بلدة سرمدا") may be where the event happened
        home_anchor = pm.role in ("home", "post") and anchor is not None and (
            anchor.relation in ("north", "south", "east", "west", "countryside", "near") or
            (anchor.place is not None and anchor.place.is_area))
        if anchor is not None and anchor.role == "event" and anchor.relation in _COMPASS and \
                pm.role == "reference" and pm.reason.startswith("after a reference phrase") and \
                pm.place is not None and pm.place.kind != "country":
            # "جبهة حيفان المحاذية لمديرية طور الباحة، شمالي لحج": the side of a governorate after a
            # reference says where the reference lies; it is no event place of its own
            anchor.role = "reference"
            anchor.reason = f"says where the reference {pm.text} lies"
        elif anchor is not None and anchor.role == "event" and anchor.relation in _COMPASS and \
                _named_governorate(pm) and anchor.candidates and not any(c.is_area for c in anchor.candidates):
            # "في محافظة صلاح الدين شمال العاصمة بغداد": the town says where the governorate lies; it
            # is no event place, and no container of what the governorate holds
            anchor.role = "reference"
            anchor.reason = f"a town {pm.text} lies on a side of"
        elif anchor is not None and anchor.role == "event" and (
                pm.role in ("event", "origin", "route", "destination", "container") or road_end or home_anchor):
            anchor.role = "container"
            anchor.reason = f"locates {pm.text}"
            if pm.place is None:
                pm.reason = pm.reason or f"located by {anchor.text}"
            pm.anchor = anchor
        elif anchor is not None and anchor.role == "reference" and anchor.place is not None and \
                pm.role == "event" and pm.place is None and pm.anchor is None:
            # "بلدة القحطانية القريبة من الموصل": a village no gazetteer knows near a town the text
            # names as its reference lies near that town
            pm.anchor = anchor
            anchor.relation = anchor.relation or "near"
        if pm.place is not None and pm.place.kind == "country":
            if pm.role == "event":
                pm.role, pm.reason = "country", "a country is never an event place"
    _side_told_of_a_town(mentions)
    _described_places(doc, mentions)
    _share_list_anchor(doc, mentions)
    _locate_by_sentence_area(doc, mentions)
    return PlaceAnalysis(mentions, countries, admins)


def _side_told_of_a_town(mentions: list[PlaceMention]) -> None:
    """"استهدف تجمعا للحشد في قضاء الطارمية، شمالي بغداد" and later "استهدف تجمعا للحشد، شمالي بغداد":
    a town named only by a side of it (no place of its own before the compass word) that the article
    has given as where one of its event places lies, on that same side, says again where that place
    lies; it is no event place of its own (an event north of Baghdad beside the one at Tarmiyah)."""
    located_by: dict[int, PlaceMention] = {}  # id of an anchor -> the first mention it locates
    for m in mentions:
        if m.anchor is not None:
            located_by.setdefault(id(m.anchor), m)
    told = {}
    for pm in mentions:
        if pm.role == "container" and pm.relation in _COMPASS and pm.place is not None and \
                id(pm) in located_by and located_by[id(pm)].role == "event":
            told.setdefault((pm.place.place_id, pm.relation), pm)
    if not told:
        return
    for pm in mentions:
        if pm.role != "event" or pm.relation not in _COMPASS or pm.place is None or \
                pm.place.kind not in ("city", "town") or id(pm) in located_by:
            continue
        first = told.get((pm.place.place_id, pm.relation))
        # (only told again: "في هجوم شمالي مدينة بعقوبة ... منطقة السادة شمالي بعقوبة" first tells the
        # event north of the city, then where there)
        if first is not None and first.tok_start < pm.tok_start:
            located = located_by[id(first)]
            pm.role = "reference"
            pm.reason = f"a side of a town the article names as where {located.text} lies"


def _country_not_its_capital(doc: Doc, mentions: list[PlaceMention]) -> None:
    """"وقالت وكالة الأنباء الرسمية في تونس"، "ويطبق في تونس قانون الطوارئ": a bare name that is both a
    country and its capital (تونس، الجزائر، الكويت، جيبوتي) is the country; "مدينة تونس"، "العاصمة
    الجزائر"، "في تونس العاصمة" name the city."""
    city_words = cue_words("capital_city_noun")
    for pm in mentions:
        if pm.place is None or pm.place.kind not in ("city", "town"):
            continue
        country = next((c for c in pm.candidates if c.kind == "country"
                        and c.country_code == pm.place.country_code), None)
        if country is None or pm.tok_end - pm.tok_start != 1:
            continue
        before = doc.tokens[pm.tok_start - 1].text if pm.tok_start else ""
        after = doc.tokens[pm.tok_end].text if pm.tok_end < len(doc.tokens) else ""
        if {before, before[1:], after} & city_words:
            continue
        pm.place = country
        pm.candidates = [country] + [c for c in pm.candidates if c is not country]


def _part_of_named_place(doc: Doc, mentions: list[PlaceMention]) -> None:
    """"في الضاحية الجنوبية الشرقية لمدينة بنغازي"، "الضاحية الشمالية لعدن": a place read in a
    description (a noun and compass adjectives) followed by ل + the place it is part of describes a
    part of that place; when none of its candidates lies in a country of that place, it is no
    place of its own (not Beirut's Dahiyeh), nor a clue to the article's country, and the place it
    is part of is the event's."""
    adjectives = cue_words("direction_adjective")
    for i, pm in enumerate(mentions[:-1]):
        if not pm.candidates or pm.role != "event":
            continue
        sent = doc.sentence_of_token(pm.tok_start)
        k = pm.tok_end
        while k < sent.tok_end and doc.tokens[k].text in adjectives:
            k += 1
        if k >= sent.tok_end or not doc.tokens[k].text.startswith("ل"):
            continue
        whole = next((o for o in mentions[i + 1:i + 3] if o.tok_start in (k, k + 1)), None)
        if whole is None or not whole.candidates or any(c.kind == "country" for c in whole.candidates) or \
                {c.country_code for c in whole.candidates} & {c.country_code for c in pm.candidates}:
            continue
        pm.role, pm.reason = "reference", f"describes a part of {whole.text} (الضاحية الجنوبية لمدينة X)"
        pm.candidates = []


# How many words a description of a named place may hold before the "near" or compass word
# that names where it lies ("، معقل الفصائل المعارضة الأخير قرب دمشق").
DESCRIPTION_WORDS = 6


def _described_places(doc: Doc, mentions: list[PlaceMention]) -> None:
    """A town the text names only to say where a place it describes lies is no event place:
    "الغوطة الشرقية، معقل الفصائل المعارضة الأخير قرب دمشق"، "مدينة الرستن، كبرى مدن الجيب
    المحاصر شمال حمص" (the town locates the named place before the description), "في هذه
    المنطقة المحاصرة قرب دمشق" (it locates the area the text refers back to)."""
    heads, copulas = cue_words("place_description_head"), cue_words("place_description_copula")
    relatives, demonstratives = cue_words("relative_pronoun"), cue_words("demonstrative")
    area_nouns = cue_words("lone_place_noun")
    events = None
    for idx, pm in enumerate(mentions):
        if pm.role != "event" or pm.relation not in ("near",) + _COMPASS:
            continue
        sent = doc.sentence_of_token(pm.tok_start)
        _, first = _direction_before(doc, pm.tok_start, sent.tok_start)
        words = [doc.tokens[t].text for t in range(sent.tok_start, first)]
        # "في هذه المنطقة المحاصرة قرب X": a demonstrative, an area noun and its adjectives
        for k in range(max(0, len(words) - 4), len(words) - 1):
            noun = words[k + 1][2:] if words[k + 1].startswith("ال") else words[k + 1]
            if words[k] in demonstratives and noun in area_nouns and \
                    all(w.startswith("ال") for w in words[k + 2:]):
                pm.role, pm.reason = "reference", "locates the area the text refers back to (هذه المنطقة قرب X)"
                break
        if pm.role != "event":
            continue
        prev = mentions[idx - 1] if idx else None
        if prev is None or prev.tok_end < sent.tok_start or prev.role not in ("event", "container"):
            continue
        between = [t for t in range(prev.tok_end, first) if doc.tokens[t].text not in ("،", ",")]
        if between and doc.tokens[between[0]].text in relatives:  # "دوما التي كانت آخر معقل"
            between = between[1:]
        if between and doc.tokens[between[0]].text in copulas:  # "حيس، وهي المنطقة ..."
            between = between[1:]
        if not between or len(between) > DESCRIPTION_WORDS or doc.tokens[between[0]].text not in heads:
            continue
        if events is None:
            events = {t for m in _event_words(doc) for t in range(m.tok_start, m.tok_end)}
        if any(t in events or doc.tokens[t].text.startswith("و") for t in between):
            continue  # "في الرقة وثلاثة قرب دمشق": another event, not a description
        pm.role, pm.reason = "container", f"locates {prev.text}, which the words before it describe"
        if prev.anchor is None:
            prev.anchor = pm


def area_mentions(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions that name an area villages lie in (a governorate, a district, a region, the
    countryside of a town: "ريف حماة"، "ناحية سنوني"), told as an event place or as the container
    of one (not of a home town: "ينحدر من قرية X في ريف إدلب"), in reading order."""
    event_anchors = {id(x.anchor) for x in mentions if x.role == "event" and x.anchor is not None}
    out = []
    for pm in mentions:
        p = pm.place
        if p is None or p.kind == "country" or not (p.is_area or pm.relation in ("countryside", "district")):
            continue
        if pm.role == "event" or (pm.role == "container" and id(pm) in event_anchors):
            out.append(pm)
    return out


def _locate_by_sentence_area(doc: Doc, mentions: list[PlaceMention]) -> None:
    """A name no gazetteer knows that nothing next to it locates lies in the area its sentence
    names, the nearest one ("تعرضت بلدات دحيرجة والمشيرفة لقصف مدفعي في ريف حماة"); the area is
    then its container, not an event place of its own."""
    # (the areas stay areas while names are located by them: one becomes the container of the
    # name, which keeps it an area)
    by_sentence: dict[int, list[PlaceMention]] = {}
    for x in area_mentions(mentions):
        by_sentence.setdefault(doc.sentence_of_token(x.tok_start).index, []).append(x)
    for pm in mentions:
        if pm.place is not None or pm.anchor is not None or pm.role != "event" or \
                not pm.reason.startswith(("unknown name", "located by")):
            continue
        # (not across a marker of an earlier event: "غارة على مواقع في قطاع غزة ردا على إطلاق نار
        # على بلدة X": X is the earlier event's place, not in the area of the strike)
        areas = [x for x in by_sentence.get(doc.sentence_of_token(pm.tok_start).index, ())
                 if x is not pm and not sibling_locatives(doc, x, pm) and not _earlier_event_between(doc, x, pm)]
        if not areas:
            continue
        area = min(areas, key=lambda x: abs(x.tok_start - pm.tok_start))
        pm.anchor = area
        pm.reason = f"located by {area.text}, the area its sentence names"
        if area.role == "event":
            area.role, area.reason = "container", f"locates {pm.text}"


def _earlier_event_between(doc: Doc, x: PlaceMention, y: PlaceMention) -> bool:
    """Does a marker of an earlier event (ردا على، انتقاما ل) stand between two place mentions?"""
    lo, hi = min(x.tok_end, y.tok_end), max(x.tok_start, y.tok_start)
    return lo < hi and bool(cue_matcher("prior_event_marker").find(doc, lo, hi))


def _share_list_anchor(doc: Doc, mentions: list[PlaceMention]) -> None:
    """A place after a list locates every name of the list ("قرى دحيرجة والمشيرفة وخربة الناقوس
    بريف حماة"): a name no gazetteer knows takes the anchor of the list's last name."""
    carry: PlaceMention | None = None
    for idx in range(len(mentions) - 1, -1, -1):
        pm = mentions[idx]
        nxt = mentions[idx + 1] if idx + 1 < len(mentions) else None
        if nxt is None or not _joined_in_list(doc, pm, nxt):
            carry = pm.anchor
            continue
        if pm.anchor is None and pm.place is None and pm.role == "event" and carry is not None:
            pm.anchor = carry
            pm.reason = pm.reason or f"located by {carry.text}"
        elif pm.anchor is None and pm.place is not None and pm.role == "event" and _list_area(carry) and \
                not pm.place.is_area and not any(_in_list_area(c, carry) for c in pm.candidates):
            # "قرى الجراحي والمنصورية والسويق في مديرية التحيتا": a listed name whose namesakes all lie
            # outside the district the list is put in is a village of that district no gazetteer knows
            pm.alternatives = [(c, f"not in {carry.place.name}") for c in pm.candidates][:5]
            pm.reason = f"no place called {pm.text} lies in {carry.place.name}; located by {carry.place.name}"
            pm.place, pm.candidates, pm.resolution = None, [], ""
            pm.anchor = carry
        elif pm.anchor is None and pm.place is not None and pm.role == "event" and _list_area(carry):
            near = [c for c in pm.candidates if _in_list_area(c, carry)]
            if near and near[0] is not pm.place:
                pm.alternatives = [(c, f"not in {carry.place.name}") for c in pm.candidates if c is not near[0]][:5]
                pm.place = near[0]
                pm.resolution = f"the namesake in {carry.place.name}, where the list is put"
        carry = pm.anchor or carry


def _list_area(carry: PlaceMention | None) -> bool:
    """Is the place a list is put in a governorate or a district (مديرية X: its seat's town too)?"""
    return carry is not None and carry.place is not None and \
        (carry.place.kind in ("admin1", "admin2") or carry.relation == "district")


def _in_list_area(place: Place, carry: PlaceMention) -> bool:
    if carry.place.kind in ("admin1", "admin2"):
        return _located_by(place, carry.place)
    return place.country_code == carry.place.country_code and distance_km(
        place.latitude, place.longitude, carry.place.latitude, carry.place.longitude) <= DISTRICT_REACH_KM


def _joined_in_list(doc: Doc, pm: PlaceMention, nxt: PlaceMention) -> bool:
    """Does ``nxt`` follow ``pm`` as the next name of one list: right after it, opening with و
    or after a comma?"""
    if nxt.tok_start != pm.tok_end or nxt.tok_start >= doc.sentence_of_token(pm.tok_start).tok_end:
        return False
    gap = doc.text[pm.end:nxt.start]
    return doc.tokens[nxt.tok_start].text.startswith("و") or bool(set(gap) & set("،,"))
