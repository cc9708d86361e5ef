"""An event told as the day before its report's statement: "وذلك غداة المواجهات".

"دعت موغيريني السبت إلى تحقيق في مواجهات أسفرت عن مقتل 16 ... وذلك غداة المواجهات": the statement is
of Saturday and the confrontations of the day before it. A word of the day after (``day_after_word``
in ``kb/data/cues.tsv``) right before an event word dates that event, and the frames of its kind the
last few sentences told on the same day, one day earlier. Runs at the end of the frames stage.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from marsad.arabic.normalise import definite
from marsad.cues import cue_matcher
from marsad.stages.clauses import clause_at
from marsad.stages.discourse import unit_when
from marsad.stages.analysis import VIOLENT_TYPES, Analysis
from marsad.stages.statement_days import own_day_after

# How many sentences back the event a "غداة" names may have been told.
DAY_AFTER_SENTENCES = 3


def date_day_after(a: Analysis) -> None:
    """Move the frames an event word after غداة names to the day before their told day: its own
    frames, and when it is definite (it names an event told before: "غداة المواجهات") the frames of
    its kind the last few sentences told on the sentence's own day."""
    if not a.frames:
        return
    starts = {h.mention.tok_start: h for h in a.hits}
    for m in cue_matcher("day_after_word").find(a.doc):
        hit = starts.get(m.tok_end)
        if hit is None or own_day_after(a, hit.mention.tok_end) is not None:
            continue  # "غداة احتجاجات الجمعة": the event word names its own day
        own = clause_at(a, m.tok_start)
        day = unit_when(a, own.unit, m.tok_start) if own is not None else None
        if day is None or day.start is None or day.start != day.end:
            continue
        word = a.doc.tokens[hit.mention.tok_start].text
        here = a.sentence_index(m.tok_start)
        etype = hit.mention.event_type
        kinds = VIOLENT_TYPES | {"Protests"} if etype in VIOLENT_TYPES else {etype}
        before = day.start - timedelta(days=1)
        moved = replace(day, start=before, end=before, key=f"{day.key}-1", mentions=list(day.mentions))
        for i, f in enumerate(a.frames):
            named = f.hit is hit or (definite(word) and f.etype in kinds and
                                     0 <= here - f.sentence <= DAY_AFTER_SENTENCES)
            if named and f.when.start == day.start and f.when.end == day.end:
                a.frames[i] = replace(f, when=moved)
