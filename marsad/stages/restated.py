"""One toll told again: the same dead counted in two sentences at two nearby places is one event.

A report tells an incident and then lets its sources retell it, each with the place as it
knows it: the lead puts the strike in a district, a village head names his village, a security
statement the village by another name or the sub-district it lies in, a witness "the place".
Each retelling repeats the number of dead ("أودى بحياة شخصين" ... "تسبب باستشهاد شخصين" ...
"فقد شخصان حياتهما"). Grouping by town keeps each named place apart, so one incident became
three or four events with the same toll. This stage joins two groups when

- they are of one type and their days agree;
- a number of dead of at least two (no part of a count: "بينهم ثلاثة أطفال") is counted in a
  sentence that tells only the one and in a sentence that tells only the other (a sentence telling
  several places' acts may count any of theirs: "مقتل 11 في X، كما قتلت امرأة وطفلين في Y");
- neither count is in a sentence that opens by turning to another incident (في سياق متصل، إلى
  ذلك، كما ...: ``new_incident_opener`` in cues.tsv);
- and their places lie in one first-level area of one country, at most ``NEAR_KM`` apart
  (a name no gazetteer knows is compared by the place the text puts it in, finer than a
  governorate).

Round-ups that count the same number of dead in two villages of one district on one day are
rare next to retellings, and keep apart whenever a sentence names both villages with the count
(the total case above) or the villages lie further apart. The joined event keeps the most
precise known place of the two.
"""
from __future__ import annotations

from marsad.cues import cue_matcher
from marsad.geo.gazetteer import distance_km
from marsad.stages.analysis import Analysis, Group, Where

# How far apart two places told with one toll may be and still be one incident's (a village
# and its sub-district or district seat).
NEAR_KM = 40.0
# The smallest number of dead whose repetition ties two places (one dead is too common a count).
MIN_DEAD = 2


def one_toll_told_again(a: Analysis, groups: list[Group]) -> list[Group]:
    """The groups, each incident retold with its toll at another nearby place joined."""
    from marsad.stages.grouping import _fold
    kept = list(groups)
    for g in sorted(groups, key=lambda x: min(x.sentences)):
        if g not in kept:
            continue
        for o in sorted(kept, key=lambda x: min(x.sentences)):
            if o is g or g not in kept or o.etype != g.etype or not o.when.compatible(g.when):
                continue
            if not _same_dead_told_apart(a, g, o, kept) or not _near(g.where, o.where):
                continue
            into, other = sorted((g, o), key=_place_rank)
            _fold(into, other, kept)
    return kept


def _counts_by_sentence(a: Analysis, g: Group) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for c in a.casualties:
        if c.kind == "killed" and not c.subgroup and c.count and c.count >= MIN_DEAD:
            s = a.sentence_index(c.tok_start)
            if s in g.sentences:
                out.setdefault(s, set()).add(c.count)
    return out


def _same_dead_told_apart(a: Analysis, g: Group, o: Group, groups: list[Group]) -> bool:
    """Is one number of dead counted in a sentence that tells only ``g`` and in one that tells
    only ``o``? (A sentence telling two places' acts may count either's dead.)"""
    return bool(_own_counts(a, g, groups) & _own_counts(a, o, groups))


def _own_counts(a: Analysis, g: Group, groups: list[Group]) -> set[int]:
    others = set().union(*(x.sentences for x in groups if x is not g))
    return set().union(*(v for s, v in _counts_by_sentence(a, g).items()
                         if s not in others and not _opens_another_incident(a, s)))


def _opens_another_incident(a: Analysis, sentence: int) -> bool:
    """"في سياق متصل، قتل أكثر من 20 ..."، "كما قتل ...": a sentence that opens by turning to another
    incident (``new_incident_opener``) counts that incident's dead, whatever the number."""
    s = a.doc.sentences[sentence]
    return any(m.tok_start <= s.tok_start + 1
               for m in cue_matcher("new_incident_opener").find(a.doc, s.tok_start, min(s.tok_end, s.tok_start + 6)))


def _near(x: Where, y: Where) -> bool:
    """Are the two places one spot told two ways: in one first-level area, at most ``NEAR_KM``
    apart (a name no gazetteer knows by the place the text puts it in, which must then be finer
    than a governorate: two unknown villages of one governorate may lie 150 km apart)?"""
    p, q = x.place, y.place
    if p is None or q is None or p.country_code != q.country_code:
        return False
    if not p.admin1 or p.admin1 != q.admin1:
        return False
    if any(w.unknown_name and w.place.kind in ("admin1", "country", "region") for w in (x, y)):
        return False
    return distance_km(p.latitude, p.longitude, q.latitude, q.longitude) <= NEAR_KM


def _place_rank(g: Group) -> tuple:
    """Known places first, then the more precise, then the one told first."""
    return (g.where.unknown_name is not None, g.where.precision, min(g.sentences))
