"""Tolls of another event: counts the text gives an event it marks as not the one told before.

"وقال مسؤول إن غارة أخرى قتلت أربعة أطفال آخرين": "another strike" with no place of its own is an
event of unknown place; its dead are not added to the strike told before it.
"""
from __future__ import annotations

from marsad.cues import cue_words
from marsad.model import Casualty
from marsad.stages.analysis import Analysis, Group


def another_event_clause(a: Analysis, c: Casualty):
    """The clause of a count that tells another event with no place of its own: an event word right
    before أخرى، آخر، ثانية ("هجوم آخر أودى بحياة"، "قصفا آخر أدى إلى مقتل"، "غارة ثانية قتلت"), and
    no event place named in the clause. None otherwise."""
    from marsad.stages.clauses import clause_at
    clause = clause_at(a, c.tok_start)
    if clause is None:
        return None
    lo, hi = clause.tok_start, clause.tok_end
    tokens, others = a.doc.tokens, cue_words("another_event_word")
    if not any(lo <= h.mention.tok_start < hi and h.mention.tok_end < len(tokens)
               and tokens[h.mention.tok_end].text in others for h in a.hits):
        return None
    if any(lo <= pm.tok_start < hi and pm.role == "event" for pm in a.places.mentions):
        return None  # "وقتلت غارة أخرى على بلدة X ثلاثة": placed, the count is X's
    if any(tokens[t].text in cue_words("same_place_word") for t in range(lo, hi)):
        return None  # "غارة ثانية على البلدة نفسها": at the place told before, its dead add
    return clause


def of_another_event(a: Analysis, c: Casualty, g: Group) -> bool:
    """Is the count of another event than the group's: its clause tells another event with no
    place of its own (``another_event_clause``) and the group was told before it, outside it?"""
    clause = another_event_clause(a, c)
    if clause is None:
        return False
    return any(not clause.tok_start <= m.hit.mention.tok_start < clause.tok_end for m in g.members)
