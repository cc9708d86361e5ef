"""Tolls of another event: counts the text gives an event it marks as not the one told before.

"وقال مسؤول إن غارة أخرى قتلت أربعة أطفال آخرين": "another strike" with no place of its own is an
event of unknown place; its dead are not added to the strike told before it.
"""
from __future__ import annotations

from marsad.cues import cue_matcher, cue_words
from marsad.model import Casualty
from marsad.stages.analysis import Analysis, Group


def another_event_span(a: Analysis, c: Casualty) -> tuple[int, int] | None:
    """The token span of a count that tells another event with no place of its own: from an event
    word right before أخرى، آخر، ثانية ("هجوم آخر أودى بحياة"، "قصفا آخر أدى إلى مقتل"، "غارة ثانية
    قتلت"), before the count in its unit, to the end of the count's clause; None when there is no such
    word or the span names an event place (or "the same" place)."""
    from marsad.stages.clauses import clause_at, unit_range
    clause = clause_at(a, c.tok_start)
    if clause is None:
        return None
    lo, _ = unit_range(a, clause.unit)
    tokens, others = a.doc.tokens, cue_words("another_event_word")
    marked = [h.mention.tok_start for h in a.hits if lo <= h.mention.tok_start <= c.tok_start + 1
              and h.mention.tok_end < len(tokens) and tokens[h.mention.tok_end].text in others]
    if not marked:
        return None
    span = (max(marked), max(clause.tok_end, c.tok_end))
    if any(span[0] <= pm.tok_start < span[1] and pm.role == "event" for pm in a.places.mentions):
        return None  # "وقتلت غارة أخرى على بلدة X ثلاثة": placed, the count is X's
    same = cue_words("same_place_word")
    if any(tokens[t].text in same or (tokens[t].text[:1] in "وبلف" and tokens[t].text[1:] in same)
           for t in range(*span)):
        return None  # "غارة ثانية على البلدة نفسها": at the place told before, its dead add
    return span


def of_another_event(a: Analysis, c: Casualty, g: Group) -> bool:
    """Is the count of another event than the group's: it tells another event with no place of its
    own (``another_event_span``) and the group was told before it, outside that span?"""
    span = another_event_span(a, c)
    if span is None:
        return False
    return any(not span[0] <= m.hit.mention.tok_start < span[1] for m in g.members)


def prior_event_starts(a: Analysis) -> list[int]:
    """Token starts of phrases after which the text tells an earlier event: the cue
    ``prior_event_marker`` (ردا على، على خلفية، بعد أيام من) and "بعد" + a span of time + "من" ("بعد
    ثلاثة أيام من هجوم"، "بعد يومين من غارة"، "بعد ساعات من")."""
    found = a.memo.get("prior_event_starts")
    if found is not None:
        return found
    tokens, units = a.doc.tokens, cue_words("elapsed_unit")
    # ("منذ بدء الهدنة بدقائق" measures a time; it brings in no earlier event with dead of its own)
    found = [m.tok_start for m in cue_matcher("prior_event_marker").find(a.doc)
             if not tokens[m.tok_start].text.lstrip("و").startswith("منذ")]
    for t, tok in enumerate(tokens):
        if tok.text not in ("بعد", "وبعد"):
            continue
        for k in range(t + 1, min(len(tokens) - 1, t + 1 + ELAPSED_WORDS)):
            if tokens[k].text in units and tokens[k + 1].text == "من":
                found.append(t)
                break
    found = a.memo["prior_event_starts"] = sorted(set(found))
    return found


# How many words the span of time may take between بعد and من ("بعد ثلاثة أيام من").
ELAPSED_WORDS = 3


def of_prior_event(a: Analysis, c: Casualty, g: Group) -> bool:
    """"قتل ثلاثة جنود بانفجار عبوة ... بعد ثلاثة أيام من هجوم مماثل أودى بحياة 12": a count told after
    a phrase that introduces an earlier event, with the group's own event word before that phrase in
    the sentence, is the earlier event's dead."""
    sent = a.doc.sentence_of_token(c.tok_start)
    own = [m.hit.mention.tok_start for m in g.members if sent.tok_start <= m.hit.mention.tok_start < c.tok_start]
    if not own:
        return False
    first = min(own)
    return any(first < p < c.tok_start for p in prior_event_starts(a))


# Place kinds too wide to be a second place of one toll ("في الرقة ومحافظتها").
_WIDE_KINDS = ("admin1", "country", "region")
# How many words may stand between two places one toll spreads over ("الدريهمي ومحيط مطار الحديدة").
CONJOINED_WORDS = 3


def over_two_places(a: Analysis, c: Casualty, g: Group) -> bool:
    """"مقتل العشرات في معارك الدريهمي ومحيط مطار الحديدة": the count's clause names one of the
    group's places and, joined to it by و, another place the article names as an event place: one
    toll over two places, no one place's (the guide gives such a total to none)."""
    from marsad.stages.clauses import clause_at
    clause = clause_at(a, c.tok_start)
    if clause is None:
        return False
    lo, hi = clause.tok_start, clause.tok_end
    own = {t for w in g.places for t in range(w.mention.tok_start, w.mention.tok_end)}
    own_in = sorted(t for t in own if lo <= t < hi)
    if not own_in:
        return False
    own_ids = {w.place.place_id for w in g.places if w.place is not None}
    tokens = a.doc.tokens
    others = {_bare_name(a, pm) for pm in a.places.mentions
              if pm.role == "event" and pm.place is not None and pm.place.place_id not in own_ids
              and pm.place.kind not in _WIDE_KINDS} - {None}
    for t in range(lo, hi):
        if t in own:
            continue
        word = tokens[t].text
        if word not in others and not (word[:1] in "وب" and word[1:] in others):
            continue
        near = min(own_in, key=lambda o: abs(o - t))
        between = range(min(t, near) + 1, max(t, near) + 1)
        if abs(near - t) <= CONJOINED_WORDS and any(tokens[k].text.startswith("و") for k in between):
            return True
    return False


def _bare_name(a: Analysis, pm) -> str | None:
    """The one-word name of a settlement mention without its place noun ("قضاء الطارمية" ->
    الطارمية); None for a longer name or a facility ("مطار الحديدة" is not الحديدة)."""
    words = [a.doc.tokens[t].text for t in range(pm.tok_start, pm.tok_end)]
    if pm.place.kind == "facility":
        return words[0] if len(words) == 1 else None
    nouns = cue_words("place_noun")
    while len(words) > 1 and (words[0] in nouns or (words[0][:1] in "وبلف" and words[0][1:] in nouns)):
        words = words[1:]
    return words[0] if len(words) == 1 else None


# How many words may stand between a word of a picture and the body noun it shows (صورا مروعة لجثة).
PICTURE_WORDS = 3


def pictured_body(a: Analysis, c: Casualty) -> bool:
    """"ونشرت وسائل إعلام محلية صورا لجثة على الأرض": a body shown in a picture, a video or a
    caption is one of the dead the text counts already (when it counts any), not one more."""
    return _shown(a, c) and any(o is not c and o.kind == "killed" and not _shown(a, o) for o in a.casualties)


def _shown(a: Analysis, c: Casualty) -> bool:
    tokens = a.doc.tokens
    if c.tok_start >= len(tokens) or not _is_body(tokens[c.tok_start].text):
        return False
    sent = a.doc.sentence_of_token(c.tok_start)
    pictures = cue_words("picture_word")
    return any(tokens[t].text in pictures for t in range(max(sent.tok_start, c.tok_start - PICTURE_WORDS), c.tok_start))


# How many words after a body noun "still" may stand (عشرات الجثث الحوثية لا تزال).
STILL_WORDS = 3


def bodies_still_lying(a: Analysis, c: Casualty) -> bool:
    """"وبحسب المصادر فإن عشرات الجثث لا تزال متناثرة في سفوح الجبال": bodies still lying are a
    state left by the fighting of a span, not the toll of the day's event, when the text gives
    another count of dead."""
    from marsad.stages.clauses import clause_at
    tokens = a.doc.tokens
    clause = clause_at(a, c.tok_start)
    end = min(clause.tok_end if clause is not None else len(tokens), c.tok_end + STILL_WORDS + 2)
    body = [t for t in range(c.tok_start, end) if _is_body(tokens[t].text)]
    if not body:
        return False
    still = cue_matcher("still_verb").find(a.doc, body[0] + 1, min(end, body[0] + 2 + STILL_WORDS))
    if not still:
        return False
    return any(o is not c and o.kind == "killed" and o.count and not _shown(a, o) for o in a.casualties)


def _is_body(word: str) -> bool:
    """A body noun, bare or after a proclitic and the article (لجثة، الجثث، وجثامين)."""
    bodies = cue_words("body_noun")
    for w in (word, word[1:] if word[:1] in "وبلف" else word):
        if w in bodies or w.removeprefix("ال") in bodies:
            return True
    return False
