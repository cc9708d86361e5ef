"""Defenders: the air defences that intercept or confront an attack are the side attacked.

"تصدت الدفاعات الجوية لهجوم صاروخي استهدف قاعدة X"، "اعترضت قوات الدفاع الجوي صاروخا
أطلقه الحوثيون": the force that owns the defences was the target of the missiles; it never
fired them. The interceptor's verb (``defence_verb`` in cues.tsv) stands a few words before or
after the defences' name, in its sentence.
"""
from __future__ import annotations

from marsad.cues import cue_phrases, cue_words
from marsad.model import ActorMention
from marsad.stages.analysis import Analysis

# How many words may stand between the defences' name and their verb ("تصدت قوات الدفاع الجوي
# السعودي"، "الدفاعات الجوية السورية تصدت").
DEFENCE_WORDS = 3


def defends(a: Analysis, x: ActorMention) -> bool:
    """Is the actor mention air defences that intercept or confront an attack in its sentence?"""
    doc = a.doc
    named = " ".join(doc.tokens[t].text for t in range(x.tok_start, x.tok_end))
    if x.tok_start < 0 or not any(p in named for p in cue_phrases("air_defence")):
        return False
    verbs = cue_words("defence_verb")
    sent = doc.sentence_of_token(x.tok_start)
    lo = max(sent.tok_start, x.tok_start - DEFENCE_WORDS)
    hi = min(sent.tok_end, x.tok_end + DEFENCE_WORDS)
    return any(doc.tokens[t].text.lstrip("و") in verbs for t in range(lo, hi)
               if not x.tok_start <= t < x.tok_end)
