"""Clauses: each sentence cut where a new statement starts.

Arabic news strings several events into one sentence: "قصفت الطائرات بلدة X، فيما دارت
اشتباكات في Y، كما قتل مدني برصاص قناص في Z". A trigger builds its event from its own
clause, so the sentence is cut into clauses and each clause says how it hangs on the one
before it:

* independent clauses start a new *unit*: ``contrast`` (فيما، بينما، في حين), ``addition``
  (كما، إضافة إلى), ``sequence`` (ثم), ``coordinate`` (a semicolon; و before an event verb:
  واستهدفت، وقتل; "، وفي" opening a new scene);
* dependent clauses stay in the unit of the clause before them: ``result`` (ما أسفر عن،
  ليرتفع), ``elaboration`` (حيث، وذلك), ``temporal`` (بعد أن، إثر، خلال), ``relative``
  (الذي، التي), ``content`` (قال ... إن).

A *unit* is a main clause with its dependents, and with the independent clauses after it
that hold no event word of their own (their event verb is elided: "هاجم مسلحون حاجزاً،
وقتلوا جنديين"): the span an event frame draws its place, actors, counts and date from. The openers are data: the ``clause_*`` cues of
``kb/data/cues.tsv``.

>>> from marsad.pipeline import analyse
>>> a = analyse("قصفت الطائرات بلدة كفرنبل، فيما دارت اشتباكات في سراقب", upto="clauses")
>>> [(c.kind, c.unit) for c in a.clauses]
[('main', 0), ('contrast', 1)]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalise import normalise_term
from marsad.arabic.tokenise import Doc
from marsad.cues import cue_words
from marsad.stages.analysis import Analysis

INDEPENDENT = ("contrast", "addition", "sequence", "coordinate")
DEPENDENT = ("result", "elaboration", "temporal", "relative", "content")
_OPENER_KINDS = ("contrast", "addition", "sequence", "result", "elaboration", "temporal", "relative", "content")
_STRONG_BREAKS = set("؛;:")
_COMMAS = set("،,")
_QUOTES = set("«»\"“”")


@dataclass(frozen=True)
class Clause:
    index: int
    sentence: int
    tok_start: int  # token range [tok_start, tok_end)
    tok_end: int
    kind: str       # main | contrast | addition | sequence | coordinate | result | elaboration | ...
    unit: int       # the independent clause (with its dependents) this clause belongs to
    opener: str = ""  # the words that opened it, normalised

    @property
    def independent(self) -> bool:
        return self.kind == "main" or self.kind in INDEPENDENT


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    """Event verbs in the perfect, third person: the listed masculine singular, its feminine
    (+ت) and its plural (+وا)."""
    from marsad.kb import load_table
    out = set()
    for row in load_table("cues.tsv", required=("cue", "phrase")):
        if row["cue"] == "clause_verb":
            base = normalise_term(row["phrase"])
            out.update((base, base + "ت", base + "وا"))
    return frozenset(out)


@lru_cache(maxsize=1)
def _opener_matcher():
    """The ``clause_*`` cue phrases in one matcher, payload the kind of clause they open."""
    from marsad.arabic.matcher import PhraseMatcher
    from marsad.kb import load_table
    matcher = PhraseMatcher(suffixes=False)
    for row in load_table("cues.tsv", required=("cue", "phrase")):
        kind = row["cue"].removeprefix("clause_")
        if row["cue"].startswith("clause_") and kind in _OPENER_KINDS:
            matcher.add(row["phrase"], kind)
    return matcher


def _openers(doc: Doc) -> dict[int, tuple[str, int]]:
    """Token where an opener starts -> (kind, token after it); the longest opener wins."""
    found: dict[int, tuple[str, int]] = {}
    for m in _opener_matcher().find_all(doc):
        if m.tok_start not in found or found[m.tok_start][1] < m.tok_end:
            found[m.tok_start] = (m.payload, m.tok_end)
    # "، وسط استمرار الاشتباكات": the fighting an event came amid (a clause of its own when it
    # holds a span of time of its own, see segment)
    from marsad.cues import cue_matcher
    ongoing = cue_words("ongoing_noun")
    for m in cue_matcher("amid_frame", suffixes=False).find(doc):
        if m.tok_start not in found and m.tok_end < len(doc.tokens) and \
                doc.tokens[m.tok_end].text.lstrip("و") in ongoing:
            found[m.tok_start] = ("amid", m.tok_end + 1)
    return found


def _gap(doc: Doc, t: int) -> str:
    """The characters between token ``t - 1`` and token ``t`` (punctuation, spaces)."""
    return doc.text[doc.tokens[t - 1].end:doc.tokens[t].start]


def _coordinated_verb(word: str) -> bool:
    """و (or ف) before an event verb in the perfect: "واستهدفت", "وقتل", "فقتلوا"."""
    if len(word) < 4 or word[0] not in "وف":
        return False
    return word[1:] in _verb_forms()


def segment(doc: Doc, trigger_tokens: set[int] | None = None, own_time: set[int] | None = None) -> list[Clause]:
    """The clauses of every sentence of ``doc``, in reading order.

    With ``trigger_tokens`` (where trigger words start), an independent clause that holds no
    trigger continues the unit before it: "هاجم مسلحون حاجزاً للجيش، وقتلوا جنديين" tells one
    event, its second clause the toll of the first (the event verb is elided)."""
    from marsad.cues import cue_starts
    openers = _openers(doc)
    reporting = set(cue_starts(doc, "attribution")) if any(k == "content" for k, _ in openers.values()) else set()
    new_scene = cue_words("new_scene")
    own_time = own_time or set()
    since = cue_words("since_word")
    # the sentences that hold a trigger, found once (not by scanning every trigger per sentence)
    trigger_sentences = None if trigger_tokens is None else \
        {doc.sentence_of_token(t).index for t in trigger_tokens}
    verbs = _verb_forms()
    tokens, text = doc.tokens, doc.text
    out: list[Clause] = []
    unit = -1
    for sent in doc.sentences:
        if sent.tok_start >= sent.tok_end:
            continue
        starts: list[tuple[int, str, str]] = [(sent.tok_start, "main", "")]
        if trigger_sentences is not None and sent.index not in trigger_sentences:
            unit += 1  # no event word: nothing to cut apart, one clause
            out.append(Clause(len(out), sent.index, sent.tok_start, sent.tok_end, "main", unit, ""))
            continue
        for t in range(sent.tok_start + 1, sent.tok_end):
            gap = text[tokens[t - 1].end:tokens[t].start]
            word = tokens[t].text
            if gap == " " and t not in openers:
                # the common case: a plain space, no opener; only و before an event verb breaks
                if len(word) >= 4 and word[0] in "وف" and word[1:] in verbs and t - starts[-1][0] >= 2:
                    starts.append((t, "coordinate", word))
                continue
            kind = opener = None
            if t in openers:
                kind, end = openers[t]
                opener = " ".join(x.text for x in tokens[t:end])
                if kind == "amid":
                    # "، وسط استمرار الاشتباكات في المحافظة منذ أسابيع": the backdrop's span of time
                    # is its own, not the event's; with none it stays in the event's clause
                    kind = "contrast" if any(k in own_time or tokens[k].text in since
                                             for k in range(end, sent.tok_end)) else None
                if kind == "content" and not (set(gap) & _COMMAS or
                                              any(k in reporting for k in range(max(sent.tok_start, t - 8), t))):
                    kind = None  # "أن" after a noun or a verb of another kind opens no statement
            if kind is None and set(gap) & _STRONG_BREAKS:
                kind, opener = "coordinate", gap.strip()
            elif kind is None and set(gap) & _COMMAS and word in new_scene:
                # "، وفي ريف حماة قصفت ...": a new scene; a comma before و and a noun is as often
                # a list ("تفجير دراجة، وعبوة ناسفة")
                kind, opener = "coordinate", word
            elif kind is None and _coordinated_verb(word):
                kind, opener = "coordinate", word
            if kind is not None and t - starts[-1][0] >= 2:
                starts.append((t, kind, opener))
        unit_has_trigger = False
        for i, (t0, kind, opener) in enumerate(starts):
            t1 = starts[i + 1][0] if i + 1 < len(starts) else sent.tok_end
            has_trigger = trigger_tokens is not None and any(t in trigger_tokens for t in range(t0, t1))
            own_date = any(t in own_time for t in range(t0, t1))
            # a clause with no event word continues the unit before it; a unit with none yet
            # ("قتل 11 مدنياً، فيما أصيب آخرون جراء قصف ...") takes the next clause's event
            continues = kind in INDEPENDENT and trigger_tokens is not None and not own_date and \
                (not has_trigger or not unit_has_trigger)
            if kind == "main" or (kind in INDEPENDENT and not continues):
                unit += 1
                unit_has_trigger = False
            unit_has_trigger = unit_has_trigger or has_trigger
            out.append(Clause(len(out), sent.index, t0, t1, kind, unit, opener))
    return out


def segment_clauses(a: Analysis) -> None:
    """Stage: ``a.clauses``."""
    from marsad.cues import cue_matcher
    own_time = {d.tok_start for d in a.dates if d.background} | \
        {m.tok_start for m in cue_matcher("tally_since").find(a.doc)}
    a.clauses = segment(a.doc, {h.mention.tok_start for h in a.hits}, own_time)
    from marsad.stages.frames import split_told_apart
    split_told_apart(a)  # "، وقتل ..." opening the clause of another event


def clause_at(a: Analysis, tok: int) -> Clause | None:
    """The clause holding token ``tok``."""
    index = a.memo.get("clause_index")
    if index is None:
        index = a.memo["clause_index"] = {}
        for c in a.clauses:
            for t in range(c.tok_start, c.tok_end):
                index[t] = c
    return index.get(tok)


def unit_range(a: Analysis, unit: int) -> tuple[int, int]:
    """The token range of one unit (an independent clause and its dependents)."""
    ranges = a.memo.get("unit_ranges")
    if ranges is None:
        ranges = a.memo["unit_ranges"] = {}
        for c in a.clauses:
            lo, hi = ranges.get(c.unit, (c.tok_start, c.tok_end))
            ranges[c.unit] = (min(lo, c.tok_start), max(hi, c.tok_end))
    return ranges[unit]
