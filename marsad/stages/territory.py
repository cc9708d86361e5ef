"""A change of territory told by its own clause: who took the place, and what the clause tells.

* **The loser is never the taker.** The side a clause names as driven out, defeated, besieged or
  pursued ("دحرها من المطار"، "بعد هزيمتها في"، "محاصرة الميليشيات"، "ملاحقة الجيوب المتبقية من
  الميليشيات"، "من قبضة التنظيم") is the side that lost the place: the capture's other side, never
  its taker, even when it is the actor nearest an agentless capture ("تم استكمال السيطرة على منطقة
  X"). The words are ``territory_loser_word`` in ``kb/data/cues.tsv``.
* **The taker is the capture's subject.** The armed actor before the word of capture in its clause
  and governed by no preposition ("نجحت قوات الجيش في استعادة المطار من تنظيم داعش"), else the one
  right after the verb ("حررت قوات الشرعية مفرق X"); with none, the side the article names against
  the losers.
* **A capture word after a verb of success is the clause's event.** "نجح الزحف الواسع في تحرير
  مناطق X وY"، "تمكن الهجوم من السيطرة على بلدة X": the fighting word is the subject of the success,
  the capture is what it achieved; the clause tells a change of territory, not a clash.
"""
from __future__ import annotations

from marsad.cues import cue_matcher, cue_words
from marsad.model import ActorMention
from marsad.stages.analysis import ARMED_CODES, Analysis
from marsad.stages.clauses import clause_at
from marsad.triggers import TERRITORY

# How many words may stand between a verb of success told after its subject and the capture it
# achieved ("الزحف نجح اليوم في تحرير"); more name another subject ("تمكنت خلالها الحركة من السيطرة").
SUBJECT_AFTER_GAP = 2
# How many words may stand between a loser word and the side it names ("ملاحقة الجيوب المتبقية من
# الميليشيات").
LOSER_WORDS = 4


def loser_ends(a: Analysis) -> dict[int, list[int]]:
    """Sentence index -> token ends of the loser words in it (found once per article)."""
    found = a.memo.get("territory_loser_ends")
    if found is None:
        found = a.memo["territory_loser_ends"] = {}
        for m in cue_matcher("territory_loser_word").find(a.doc):
            found.setdefault(a.sentence_index(m.tok_start), []).append(m.tok_end)
    return found


def is_loser(a: Analysis, x: ActorMention) -> bool:
    """Is the actor the side a loser word just before it names ("دحر عناصر الميليشيات"، "من قبضة
    داعش"), with no other actor between them?"""
    ends = loser_ends(a).get(a.sentence_index(x.tok_start), ())
    for end in ends:
        if end <= x.tok_start <= end + LOSER_WORDS and \
                not any(end <= y.tok_start < x.tok_start for y in a.actors if y is not x):
            return True
    return False


def capture_achieved_in_clause(a: Analysis, m, captures) -> bool:
    """Is the fighting word ``m`` the subject of a verb of success whose complement, in the same
    clause, is one of ``captures`` (the clause's achieved capture words)? "نجح الزحف في تحرير قرية X"."""
    own = clause_at(a, m.tok_start)
    if own is None:
        return False
    success = cue_matcher("achieving_word").find(a.doc, own.tok_start, own.tok_end)

    def subject_of(s, c) -> bool:
        if s.tok_end <= m.tok_start and m.tok_end <= c.tok_start:
            return True  # "نجح الزحف الواسع في تحرير"
        # "الهجوم الذي شنه الجيش نجح في تحرير", not "معارك ... تمكنت خلالها الجبهة من السيطرة" (the
        # front is the subject; the fighting is when)
        return m.tok_end <= s.tok_start and s.tok_end <= c.tok_start <= s.tok_end + SUBJECT_AFTER_GAP and \
            not any(s.tok_end <= x.tok_start < c.tok_start for x in a.actors)

    def complement(c) -> bool:
        # the capture word is what the success is in or of: "في تحرير"، "من السيطرة"، "بتحرير"
        before = a.doc.tokens[c.tok_start - 1].text if c.tok_start else ""
        return before in cue_words("success_complement_preposition") or \
            a.doc.tokens[c.tok_start].text.startswith("ب")

    return any(clause_at(a, c.tok_start) is own and complement(c) and any(subject_of(s, c) for s in success)
               for c in captures)


def _armed(a: Analysis, x: ActorMention) -> bool:
    return a.kb.inter(x.actor) in ARMED_CODES and x.actor != "Unidentified Armed Group"


def _after_preposition(a: Analysis, x: ActorMention) -> bool:
    """Is the actor governed by a preposition ("بدعم من التحالف"، "مع الميليشيات"، "للجيش اليمني"):
    no subject?"""
    first = a.doc.tokens[x.tok_start].text
    before = a.doc.tokens[x.tok_start - 1].text if x.tok_start else ""
    return before in cue_words("non_subject_preposition") or first.startswith(("لل", "بال"))


def clause_taker(a: Analysis, g) -> str | None:
    """The taker its own clause states for a capture of the group: the armed actor before the word
    of capture in its clause, nearest first, that is no loser and governed by no preposition ("أن
    قوات الجيش حررت"، "نجحت قوات الجيش في استعادة مطار X من تنظيم داعش"), else the actor right after
    the verb ("حررت قوات الشرعية مفرق X"); None when the clause states none ("تم تحرير")."""
    for f in sorted((f for f in g.members if f.subtype == TERRITORY), key=lambda f: f.hit.mention.tok_start):
        m = f.hit.mention
        own = clause_at(a, m.tok_start)
        if own is None:
            continue
        before = [x for x in a.actors if own.tok_start <= x.tok_start and x.tok_end <= m.tok_start
                  and _armed(a, x) and not is_loser(a, x) and not _after_preposition(a, x)]
        if before:
            return before[-1].actor
        after = [x for x in a.actors if x.tok_start == m.tok_end and _armed(a, x) and not is_loser(a, x)]
        if after:
            return after[0].actor
    return None


def taker_against(a: Analysis, losers: set[str]) -> str | None:
    """The side that took a place from ``losers`` when no clause of the capture names it ("ووفق
    الجيش اليمني فإنه تم استكمال السيطرة على مديرية X"): the armed actor the article names most
    (a source too) that is none of them nor their ally, a state force first."""
    counts: dict[str, int] = {}
    for x in a.actors:
        if _armed(a, x) and x.actor not in losers and not any(a.kb.allied(x.actor, n) for n in losers):
            counts[x.actor] = counts.get(x.actor, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda n: (a.kb.inter(n) == 1, counts[n]))
