"""The means of its own clause decides what a word of weapons tells.

"وأن مدفعيتهم تمكنت من تدمير مخزني أسلحة وآلية": a depot or cache right after a verb of destroying
(``destroying_verb`` in ``kb/data/cues.tsv``), in a clause that names a weapon fired from afar
(artillery, tanks, aircraft: ``kb/data/means.tsv``), was struck by that weapon: a shelling or an air
strike, not weapons seized (ACLED's disrupted weapons use is a cache found, seized or defused).

The same goes for a strike read from a missile word (``means_of_agent``): "دمرت طائرات التحالف عربة
صواريخ"، "طائرتين إسرائيليتين أطلقتا 8 صواريخ": missiles that aircraft fire, or a missile vehicle they
destroy, are an air strike, not a shelling; "تم استهداف عربة صواريخ" (no weapon of its own but the
target's) is struck by the usual means of its striker. And a car bomb driven by a suicide bomber
("انتحاريا اقتحم المقر بسيارة ملغومة") is a suicide bomb, not a remote explosive.
"""
from __future__ import annotations

from typing import Callable

from marsad.cues import cue_matcher, cue_words
from marsad.stages.analysis import Analysis
from marsad.stages.clauses import clause_at, unit_range

# How many words before the depot the verb of destroying may stand ("تدمير مخزني"، "دمرت مقاتلات
# التحالف اليوم مستودع").
DESTROYED_WORDS = 5


def struck_depot(a: Analysis, m, means) -> tuple[str, str] | None:
    """(event type, sub-type) of a weapons depot ``m`` destroyed by a remote means its clause names,
    else None. ``means`` is the means matcher (``frames.means_matcher()``)."""
    own = clause_at(a, m.tok_start)
    if own is None:
        return None
    lo = max(own.tok_start, m.tok_start - DESTROYED_WORDS)
    if not cue_matcher("destroying_verb").find(a.doc, lo, m.tok_start):
        return None
    found = [x for x in means.find(a.doc, own.tok_start, own.tok_end)
             if x.payload[0] == "Explosions/Remote violence" and not (m.tok_start <= x.tok_start < m.tok_end)]
    if not found:
        return None
    return min(found, key=lambda x: abs(x.tok_start - m.tok_start)).payload


REMOTE_VIOLENCE = "Explosions/Remote violence"
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
SUICIDE = "Suicide bomb"

# How far from an aircraft word the verb of its strike may stand: before it ("دمرت طائرات التحالف")
# or after it, past its adjectives ("طائرتين إسرائيليتين أطلقتا")، and how far a missile word before
# a verb that names aircraft after it ("صواريخ أطلقتها مقاتلات").
VERB_BEFORE = 2
VERB_AFTER = 3


def means_of_agent(a: Analysis, unit: int, m, sub: str, means, apart: Callable, usual: Callable[[], str | None]) -> str:
    """The sub-type of a remote strike typed ``sub`` from its trigger ``m``, corrected by who fired:
    a shelling read from missiles is an air strike when aircraft of its clause fire them (or strike a
    missile vehicle), or, when its only missiles are a target's ("عربة صواريخ"), the ``usual()`` means
    of its striker; a remote explosive is a suicide bomb when a suicide bomber of its clause drives
    it. ``apart(clause)`` says a clause of time tells another event (بعد أن قصفت الطائرات ...)."""
    if sub in (IED, GRENADE, SHELLING) and _dropped_from_the_air(a, unit, m, means, apart):
        return AIR
    if sub == SHELLING:
        found = _unit_means(a, unit, m, means, apart)
        if any(x.payload[1] == SHELLING and not _missile(a, x) for x in found):
            return sub  # artillery, tanks, mortars, launchers: a shelling whoever else strikes
        if any(_aircraft_strike(a, x, unit) for x in _unit_aircraft(a, unit, m, apart)):
            return AIR
        missiles = [x for x in found if x.payload[1] == SHELLING]
        if missiles and all(_held(a, x) for x in missiles):
            told = usual()
            return told if told in (AIR, SHELLING) else sub
        return sub
    if sub == IED:
        own = clause_at(a, m.tok_start)
        lo, hi = (own.tok_start, own.tok_end) if own is not None else unit_range(a, unit)
        if any(x.payload[1] == SUICIDE and not _other_time_between(a, x, m) for x in means.find(a.doc, lo, hi)):
            return SUICIDE
    return sub


GRENADE = "Grenade"
# How many words may stand between a verb of dropping and the charge it drops (لإلقاء ست عبوات ناسفة،
# عبوات ناسفة ألقتها), and between that verb and the aircraft it drops them with (قاما برمي ست عبوات
# ناسفة بطائرات مسيرة).
DROPPED_WORDS = 3
DROPPING_AIRCRAFT_WORDS = 5


def _dropped_from_the_air(a: Analysis, unit: int, m, means, apart: Callable) -> bool:
    """"قاما برمي ست عبوات ناسفة بطائرات مسيرة"، "بعبوات ناسفة ألقتها طائرات"، "قذيفتين أطلقتهما طائرة
    مسيرة": a charge, a bomb or a shell that an aircraft of its unit drops or fires (a verb of dropping,
    ``air_drop_verb``, a few words from the charge, and an aircraft of ``means.tsv`` that drops by it,
    ``_drops``, in no clause of another time) is an air or drone strike, not a remote explosive or a shelling.
    "ألقت القوات القبض على" drops nothing."""
    lo, hi = unit_range(a, unit)
    sent = a.doc.sentence_of_token(m.tok_start)
    lo, hi = max(lo, sent.tok_start), min(hi, sent.tok_end)
    near = range(max(lo, m.tok_start - DROPPED_WORDS), min(hi, m.tok_end + DROPPED_WORDS))
    verbs = [v for v in cue_matcher("air_drop_verb").find(a.doc, near.start, near.stop)
             if not (v.tok_end < hi and a.doc.tokens[v.tok_end].text in cue_words("arrest_object_word"))]
    if not verbs:
        return False
    own = clause_at(a, m.tok_start)
    for x in means.find(a.doc, lo, hi):
        if x.payload[1] != AIR or x.tok_start <= m.tok_start < x.tok_end:
            continue
        theirs = clause_at(a, x.tok_start)
        if theirs is not own and (apart(theirs) or apart(own)):
            continue
        if any(_drops(a, x, v) and not _other_time_between(a, x, m) for v in verbs):
            return True
    return False


def _drops(a: Analysis, x, v) -> bool:
    """Is the aircraft ``x`` the one that drops by verb ``v``: its subject right before it (مسيرة ألقت،
    طائرات بدون طيار لإلقاء), its agent right after it (ألقتها طائرة، ألقت الطائرات), or its instrument
    (ب) a few words after it (برمي ست عبوات ناسفة بطائرات مسيرة)? A strike word (غارة) drops nothing."""
    word = a.doc.tokens[x.tok_start].text
    bare = {word, word[1:], word[2:], word[3:]}
    if not bare & (cue_words("aircraft_word") | cue_words("drone_word") | cue_words("striking_aircraft")):
        return False
    if x.tok_end <= v.tok_start:
        return v.tok_start - x.tok_end <= 1
    if x.tok_start - v.tok_end <= 1:
        return True
    return word.startswith("ب") and x.tok_start - v.tok_end <= DROPPING_AIRCRAFT_WORDS


def _unit_means(a: Analysis, unit: int, m, means, apart: Callable) -> list:
    """The means of the unit of ``m``, leaving out those of a clause of time that tells another event
    (unless ``m`` stands in that clause itself)."""
    lo, hi = unit_range(a, unit)
    own = clause_at(a, m.tok_start)
    out = []
    for x in means.find(a.doc, lo, hi):
        if x.payload[0] != REMOTE_VIOLENCE:
            continue
        theirs = clause_at(a, x.tok_start)
        if theirs is not own and (apart(theirs) or apart(own)):
            continue
        out.append(x)
    return out


def _unit_aircraft(a: Analysis, unit: int, m, apart: Callable) -> list:
    """The aircraft words of the unit of ``m`` (``striking_aircraft``), leaving out those of a clause
    of time that tells another event."""
    lo, hi = unit_range(a, unit)
    own = clause_at(a, m.tok_start)
    return [x for x in cue_matcher("striking_aircraft").find(a.doc, lo, hi)
            if clause_at(a, x.tok_start) is own or not (apart(clause_at(a, x.tok_start)) or apart(own))]


def _missile(a: Analysis, x) -> bool:
    return bool(cue_matcher("missile_word").find(a.doc, x.tok_start, x.tok_end))


def _held(a: Analysis, x) -> bool:
    """"عربة صواريخ"، "منصة إطلاق صواريخ": a missile word right after what carries or stores it."""
    return any(h.tok_end == x.tok_start for h in cue_matcher("missile_holder_noun").find(
        a.doc, max(0, x.tok_start - 2), x.tok_start))


def _aircraft_strike(a: Analysis, x, unit: int) -> bool:
    """Is the aircraft word ``x`` the striker: a verb of striking right before it ("دمرت طائرات") or
    a few words after it ("طائرتين إسرائيليتين أطلقتا"، "صواريخ أطلقتها مقاتلات")?"""
    lo, hi = unit_range(a, unit)
    verbs = cue_matcher("aircraft_strike_verb")
    if verbs.find(a.doc, max(lo, x.tok_start - VERB_BEFORE), x.tok_start):
        return True
    return bool(verbs.find(a.doc, x.tok_end, min(hi, x.tok_end + VERB_AFTER)))


def _other_time_between(a: Analysis, x, m) -> bool:
    """"قتل جنديان بانفجار عبوة ... بعد يومين من هجوم انتحاري": a word of another event's time
    (بعد، قبل، عقب) between two words of one clause puts them in two events."""
    lo, hi = (x.tok_end, m.tok_start) if x.tok_start < m.tok_start else (m.tok_end, x.tok_start)
    words = cue_words("after_word") | cue_words("other_event_time_word")
    return any(a.doc.tokens[t].text.lstrip("و") in words for t in range(lo, hi))
