"""A toll distributed over places: "قتل خمسة مدنيين، ثلاثة منهم في سرمين ومدنيان في بنش".

The annotation guide (item 7) makes each place its own event with its own part of the toll;
the total is given to none of them (nor to the region that holds them). A *distribution* is a
run of two or more parts after a death word of the sentence, each a count (a number, a dual
noun, a singular person noun: "وامرأة في X") followed by في (or ب + a place noun) and a place.
The parts' sum may not exceed the total told before them; the total and any count of the
casualty finder that only restates a part are set aside.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from marsad.cues import cue_words
from marsad.model import Casualty, PlaceMention
from marsad.stages.analysis import Analysis

# How many words may stand between one part's place and the next part's count ("في بلدة سرمين
# بريف إدلب، ومدنيان في بنش").
PART_GAP_WORDS = 3

# How many words before a death word a count it governs may stand ("إن 6 مدنيين استشهدوا").
TOTAL_BEFORE_WORDS = 3


@dataclass(frozen=True)
class Part:
    count: int
    tok_start: int  # the count's tokens [tok_start, tok_end)
    tok_end: int
    place: PlaceMention | None  # None: a settlement no gazetteer knows ("في قرية برج حيدر")
    place_end: int  # the token after the place's name
    name: tuple[str, ...] = ()  # the place's name as written (its words), to find its event by


@dataclass
class Distribution:
    parts: list[Part]
    total: int | None  # the total the parts share, when the sentence tells it
    set_aside: list[Casualty] = field(default_factory=list)  # the total's and the parts' own counts
    share: dict[int, Casualty] = field(default_factory=dict)  # part index -> its count as a casualty


def distributions(a: Analysis) -> list[Distribution]:
    """The distributions of the article's death tolls over places (found once)."""
    found = a.memo.get("toll_distributions")
    if found is None:
        found = a.memo["toll_distributions"] = _find(a)
    return found


def distributed_places(a: Analysis) -> set[int]:
    """Token starts of the places a distribution gives a part to."""
    return {p.place.tok_start for d in distributions(a) for p in d.parts if p.place is not None}


def _find(a: Analysis) -> list[Distribution]:
    doc = a.doc
    killed = sorted((c for c in a.casualties if c.kind == "killed" and c.tok_start >= 0), key=lambda c: c.tok_start)
    if not killed:
        return []
    out = []
    done_sentences = set()
    for anchor in killed:
        sent = doc.sentence_of_token(anchor.tok_start)
        if sent.index in done_sentences:
            continue
        done_sentences.add(sent.index)
        # the parts stop where the wounded are told ("وأصيب 11 مدنياً، طفلان ... في كباشين")
        hi = min([c.tok_start for c in a.casualties if c.kind != "killed" and anchor.tok_start < c.tok_start < sent.tok_end]
                 + [sent.tok_end])
        parts = _parts(a, anchor.tok_start, hi)
        if len(parts) < 2:
            continue
        first = parts[0].tok_start
        covered = [c for c in a.casualties if c.kind == "killed" and sent.tok_start <= c.tok_start < sent.tok_end
                   and any(c.count == p.count and c.tok_start <= p.tok_start < max(c.tok_end, p.tok_end) for p in parts)]
        totals = [c for c in killed if sent.tok_start <= c.tok_start < first and not c.subgroup and c not in covered]
        counts = [c.count for c in totals if c.count]
        told = _count_before(a, anchor.tok_start, sent.tok_start)
        if told is not None:
            counts.append(told)
        total = max(counts) if counts else None
        if total is not None and sum(p.count for p in parts) > total:
            continue  # more than the total: counts of other things, not its parts
        d = Distribution(parts, total, set_aside=totals + [c for c in covered if c not in totals])
        victim = next((c for c in totals + covered if c.victim_class), None)
        for i, p in enumerate(parts):
            start, end = doc.tokens[p.tok_start].start, doc.tokens[min(p.place_end, len(doc.tokens)) - 1].end
            raw = doc.span(start, end)
            d.share[i] = Casualty(raw.start, raw.end, doc.raw[raw.start:raw.end], "killed", p.count, p.count, p.count,
                                  victim=doc.raw[raw.start:raw.end], victim_class=victim.victim_class if victim else None,
                                  tok_start=p.tok_start, tok_end=p.tok_end)
        out.append(d)
    return out


def _count_before(a: Analysis, death_tok: int, lo: int) -> int | None:
    """A number told right before the death word ("إن 6 مدنيين استشهدوا")."""
    for q in a.quantities():
        if lo <= q.tok_start and death_tok - TOTAL_BEFORE_WORDS <= q.tok_end <= death_tok and q.value and not q.vague:
            return q.value
    return None


def _parts(a: Analysis, lo: int, hi: int) -> list[Part]:
    """The longest run of parts (count + في + place) in tokens [lo, hi)."""
    tokens = a.doc.tokens
    nouns = cue_words("place_noun")
    at = {pm.tok_start: pm for pm in a.places.mentions}
    found = []
    for j in range(lo + 1, hi - 1):
        word = tokens[j].text
        if word in cue_words("part_place_preposition"):
            place_at, prep = j + 1, j
        elif word[0] == "ب" and word[1:] in nouns:
            place_at, prep = j, j  # "ببلدة X": the preposition is the noun's clitic
        else:
            continue
        pm = at.get(place_at)
        noun = _listed(tokens[place_at].text, "ب", nouns)
        if pm is None and noun:
            pm = at.get(place_at + 1)
        name_end = None
        if pm is None:
            # a name the article places elsewhere ("وامرأة في كباشين" after "قريتي كباشين")
            name_end = _known_name_end(a, place_at + (1 if noun else 0))
            if name_end is None and not noun:
                continue
        part = _count_before_place(a, prep, lo, pm, name_end or place_at + 2)
        if part is not None:
            found.append(part)
    best: list[Part] = []
    run: list[Part] = []
    for p in found:
        if run and (p.tok_start < run[-1].place_end or p.tok_start - run[-1].place_end > PART_GAP_WORDS
                    or (p.place is not None and run[-1].place is not None and p.place.text == run[-1].place.text)):
            run = []
        run.append(p)
        if len(run) > len(best):
            best = list(run)
    return best


def _known_name_end(a: Analysis, tok: int) -> int | None:
    """The end of a place name at ``tok`` that is the last words of a place mention elsewhere in
    the article (a village named with its noun once, then alone)."""
    names = a.memo.get("distribution_place_names")
    if names is None:
        tokens = a.doc.tokens
        names = a.memo["distribution_place_names"] = {
            tuple(tokens[t].text for t in range(k, pm.tok_end))
            for pm in a.places.mentions for k in range(pm.tok_start, pm.tok_end)
            if not _listed(tokens[k].text, "وب", cue_words("place_noun"))}
    tokens = a.doc.tokens
    for n in (3, 2, 1):
        if tok + n <= len(tokens) and tuple(tokens[t].text for t in range(tok, tok + n)) in names:
            return tok + n
    return None


def _count_before_place(a: Analysis, prep: int, lo: int, pm: PlaceMention | None, unnamed_end: int) -> Part | None:
    """"ثلاثة منهم في بلدة X"، "ومدنيان في X"، "وامرأة في X": the count before the preposition
    ``prep`` that stands for the part told at the place ``pm`` (None: a settlement no gazetteer
    knows, "في قرية برج حيدر": the part still counts in the run, for no event)."""
    tokens = a.doc.tokens
    end = pm.tok_end if pm is not None else unnamed_end
    e = prep
    quantities = [q for q in a.quantities() if lo <= q.tok_start and q.value and not q.vague]
    q = next((q for q in quantities if q.tok_end == e), None)
    if q is None and e - 1 > lo and tokens[e - 1].text in cue_words("part_death_verb"):
        # "بينهم 4 شهداء قضوا في بلدة X، و5 قتلوا في Y": the part's own verb of dying before its place
        e -= 1
        q = next((q for q in quantities if q.tok_end == e), None)
    if q is None and e - 1 > lo:
        word = tokens[e - 1].text
        if word in cue_words("part_word") or word in cue_words("counted_person_noun"):
            q = next((q for q in quantities if q.tok_end == e - 1), None)
        elif (_listed(word, "و", cue_words("one_person_noun")) or _listed(word, "و", cue_words("one_of_them_word"))) and not any(
                x.tok_start <= e - 1 < x.tok_end for x in a.quantities()):
            return Part(1, e - 1, e, pm, end, _name(a, prep + 1, end))
    if q is None:
        return None
    return Part(int(q.value), q.tok_start, e, pm, end, _name(a, prep + 1, end))


def _name(a: Analysis, lo: int, hi: int) -> tuple[str, ...]:
    """The words of a place's name in [lo, hi), without the place noun before it."""
    tokens = a.doc.tokens
    while lo < hi - 1 and _listed(tokens[lo].text, "وب", cue_words("place_noun")):
        lo += 1
    return tuple(tokens[t].text for t in range(lo, hi))


def _listed(word: str, clitics: str, words: frozenset[str]) -> bool:
    """Is the word, or the word after one leading clitic of ``clitics``, in ``words`` (وبلدة)?"""
    return word in words or (len(word) > 2 and word[0] in clitics and word[1:] in words)


def part_casualties(a: Analysis, g) -> list[Casualty]:
    """The parts of the distributions told at one of the group's places (by its mention, or by
    its name: "وامرأة في كباشين" is the part of the event at "قريتي كباشين")."""
    tokens = a.doc.tokens
    starts = {w.mention.tok_start for w in g.places}
    names = {tuple(tokens[t].text for t in range(k, w.mention.tok_end))
             for w in g.places for k in range(w.mention.tok_start, w.mention.tok_end)}
    return [d.share[i] for d in distributions(a) for i, p in enumerate(d.parts)
            if (p.place is not None and p.place.tok_start in starts) or (p.place is None and p.name in names)]


def set_aside(a: Analysis) -> set[int]:
    """ids of the counts a distribution replaces (its total, and counts that restate a part)."""
    return {id(c) for d in distributions(a) for c in d.set_aside}


def with_distributed_places(a: Analysis, targets: list, unit_places: list) -> list:
    """The places a trigger's frames take when its unit distributes a toll over places: every
    part's place (also one told in a clause with no event word: "سقط سبعة قتلى في غارات على
    ريف حماة: أربعة في كفرزيتا وثلاثة في اللطامنة"), and not the area that holds them (the region
    or countryside the total was told at), which has no part of its own."""
    parts = distributed_places(a)
    if not parts or not targets:
        return targets
    placed = [w for w in unit_places if w.mention.tok_start in parts]
    if not placed:
        return targets
    first = min(w.mention.tok_start for w in placed)
    kept = [w for w in targets if w.mention.tok_start in parts or w.mention.tok_start > first or not _area(w)]
    return kept + [w for w in placed if w not in kept]


def _area(w) -> bool:
    """Is the event place an area that holds towns (a countryside, a governorate, a region)?"""
    kind = getattr(w.place, "kind", None)
    return w.mention.relation == "countryside" or kind in ("admin1", "admin2", "region", "country")


def joined_by_wa(a: Analysis, tok: int) -> bool:
    """Is the place at token ``tok`` joined to the one before it by و: on its own word ("وبنش")
    or on the preposition or place noun before it ("وفي قرية الزكاة"، "وبلدة X")?"""
    tokens = a.doc.tokens
    if tokens[tok].text.startswith("و"):
        return True
    nouns = cue_words("place_noun")
    t = tok - 1
    while t >= 0 and tok - t <= 2:
        word = tokens[t].text
        if word in ("وفي", "وفى") or (word.startswith("و") and _listed(word[1:], "ب", nouns)):
            return True
        if word not in cue_words("part_place_preposition") and not _listed(word, "ب", nouns):
            return False
        t -= 1
    return False
