"""Sides of a battle told again by a definite noun in a sentence that names none.

"قتل 16 من مسلحي الحوثي في اشتباكات بين قوات المقاومة الوطنية والمتمردين على جبهة الساحل الغربي.
وتركزت المواجهات بين الطرفين شمالي مديرية حيس": the second sentence only says where the clashes just told
took place; their sides are the ones the sentence before named, even when that sentence gave no place of
its own (and so made no record). The roles stage asks this when a battle's own sentences name no side.
"""
from __future__ import annotations

from typing import Callable

from marsad.cues import cue_matcher
from marsad.model import ActorMention
from marsad.stages.analysis import ARMED_CODES, UNIDENTIFIED, Analysis, Group

# How many sentences back the battle a definite noun retells may be told.
RETOLD_SENTENCES = 2
# How many words after a phrase of support its backers' names may run ("بإسناد من القوات الإماراتية
# العاملة ضمن تحالف دعم الشرعية").
SUPPORT_WORDS = 8


def _retelling(a: Analysis, g: Group) -> bool:
    """Are all the group's battle words definite nouns (المواجهات، المعارك: the battle told already)?
    (The strikes told beside them, "وسط قصف مدفعي", do not count.)"""
    tokens = a.doc.tokens
    words = [m.hit.mention.tok_start for m in g.members if m.hit.mention.event_type == "Battles"]
    return bool(words) and all(tokens[t].text.lstrip("وفب").startswith("ال") for t in words)


def battle_sides_told_before(a: Analysis, g: Group,
                             takes_part: Callable[[ActorMention], bool]) -> tuple[str, str] | None:
    """The two sides of the nearest battle told in the sentences before the group, for a battle group
    whose words only retell one; None when there is none or it does not name both.
    ``takes_part`` says whether a mention names a side (not a source, a backer, a loyalty object)."""
    if g.etype != "Battles" or not _retelling(a, g):
        return None
    kb = a.kb
    support_ends = [m.tok_end for m in cue_matcher("support_phrase").find(a.doc)]
    first = min(g.sentences)
    for s in range(first - 1, max(-1, first - 1 - RETOLD_SENTENCES), -1):
        if not any(h.reports_event and h.mention.event_type == "Battles" and a.sentence_index(h.mention.tok_start) == s
                   for h in a.hits):
            continue
        backing = [e for e in support_ends if a.sentence_index(e) == s]
        names: list[str] = []
        for x in a.actors_of_sentence(s):
            if any(e <= x.tok_start < e + SUPPORT_WORDS for e in backing):
                continue  # the backers and the coalition they serve in, not a side
            if kb.inter(x.actor) in ARMED_CODES and x.actor != UNIDENTIFIED and takes_part(x) \
                    and x.actor not in names:
                names.append(x.actor)
        other = next((n for n in names[1:] if not kb.allied(n, names[0])), None)
        # both sides, or none: one alone may be the only side the report names of another fight
        return (names[0], other) if names and other else None
    return None
