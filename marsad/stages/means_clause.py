"""The means of its own clause decides what a word of weapons tells.

"وأن مدفعيتهم تمكنت من تدمير مخزني أسلحة وآلية": a depot or cache right after a verb of destroying
(``destroying_verb`` in ``kb/data/cues.tsv``), in a clause that names a weapon fired from afar
(artillery, tanks, aircraft: ``kb/data/means.tsv``), was struck by that weapon: a shelling or an air
strike, not weapons seized (ACLED's disrupted weapons use is a cache found, seized or defused).
"""
from __future__ import annotations

from marsad.cues import cue_matcher
from marsad.stages.analysis import Analysis
from marsad.stages.clauses import clause_at

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
