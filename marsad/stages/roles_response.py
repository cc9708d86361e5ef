"""The act a response answers (the roles stage asks this after its nearest-actor guess).

"قصفت مدفعية الجيش مواقع المسلحين ردا على اعتداءاتهم بالقذائف على مدينة X"، "شنت طائرات إسرائيلية
غارات على خان يونس ردا على إطلاق قذائف على عسقلان"، "وردا على الغارات، أطلق مقاتلون قذائف": the act
told after a marker of response (ردا على، انتقاما ل) was done by the side the responder answers, never
by the responder. The **responder** is the armed side that acts outside the marker's phrase: the first
named in the marker's clause (not the owner of what it hit: "مواقع للحوثيين"), else the first
named before the marker in its sentence, or,
when the marker opens the sentence, the first named after the marker's phrase. The **first mover** is
the armed side the marker's phrase names, else the owner of what the responder hit (who is answered
is whom it strikes back at), else the responder's opponent in the article.

The cue words are in ``kb/data/cues.tsv`` (response_marker; military_target and aimed_preposition
are shared).
"""
from __future__ import annotations

from marsad.cues import cue_matcher, cue_words
from marsad.model import ActorMention
from marsad.stages.analysis import ARMED_CODES, UNIDENTIFIED, Analysis, Group
from marsad.stages.clauses import clause_at

# How many words at the start of a sentence a marker may stand after and still open it ("وقال إنه
# ردا على ..." does not; "وردا على الغارات، أطلق" and "في رد على" do).
OPENING_WORDS = 1
# How many words before a side a military target or an aiming preposition may stand for the side to
# be the owner of what was hit ("مواقع لميليشيا الحوثي"، "على مواقع تابعة للنظام").
TARGET_OWNER_WORDS = 3


def response_scopes(a: Analysis) -> list[tuple[int, int, int, int, bool]]:
    """(marker start, phrase end, sentence start, sentence end, whether the marker opens its sentence)
    of the phrase each response marker opens: to the
    end of its sentence when the marker follows the response, to the first comma when it opens its
    sentence ("وردا على الغارات الإسرائيلية، أطلق مقاتلون ...")."""
    found = a.memo.get("response_scopes")
    if found is not None:
        return found
    found = a.memo["response_scopes"] = []
    doc = a.doc
    for m in cue_matcher("response_marker").find(doc):
        sent = doc.sentence_of_token(m.tok_start)
        if m.tok_start - sent.tok_start <= OPENING_WORDS:
            end = next((t + 1 for t in range(m.tok_end, sent.tok_end - 1)
                        if any(c in doc.text[doc.tokens[t].end:doc.tokens[t + 1].start] for c in "،,")), None)
            if end is None:
                continue  # no comma: the response and its cause cannot be told apart
            found.append((m.tok_start, end, sent.tok_start, sent.tok_end, True))
        else:
            found.append((m.tok_start, sent.tok_end, sent.tok_start, sent.tok_end, False))
    return found


def _armed(a: Analysis, x: ActorMention) -> bool:
    return a.kb.inter(x.actor) in ARMED_CODES


def _target_owner(a: Analysis, x: ActorMention) -> bool:
    """Is the side named as the owner of what was hit ("مواقع المسلحين"، "أهدافا لحركة حماس"، "على الحوثيين")?"""
    found = a.memo.get("response_target_ends")
    if found is None:
        doc = a.doc
        ends = {m.tok_end for m in cue_matcher("military_target").find(doc)}
        ends |= {t + 1 for t, tok in enumerate(doc.tokens) if tok.text in cue_words("aimed_preposition")}
        found = a.memo["response_target_ends"] = ends
    return any(x.tok_start - k in found for k in range(TARGET_OWNER_WORDS))


def answered_sides(a: Analysis, g: Group) -> tuple[str, str | None] | None:
    """(the responder, the first mover) when every trigger of the group stands in the phrase of a
    response marker whose responder its sentence names, and so does its place when that sentence
    names it; None otherwise (the first mover None when
    the text names none and the article names no opponent of the responder)."""
    scopes = response_scopes(a)
    if not scopes:
        return None
    starts = [m.hit.mention.tok_start for m in g.members]
    owning = [next((s for s in scopes if s[0] <= t < s[1]), None) for t in starts]
    if any(s is None for s in owning) or len(set(owning)) != 1:
        return None
    lo, hi, sent_lo, sent_hi, opens = owning[0]
    where = g.where.mention if g.where is not None else None
    if where is not None and sent_lo <= where.tok_start < sent_hi and not lo <= where.tok_start < hi:
        # "نفذها الجيش على مواقعهم في دوما ردا على اعتداءاتهم على دمشق": the place the response hit
        # is the responder's event, whatever word told it there
        return None
    kb = a.kb
    armed = [x for x in a.actors if sent_lo <= x.tok_start < sent_hi and _armed(a, x)]
    if opens:
        # the marker opens the sentence: the responder is named after its phrase
        after = [x for x in armed if x.tok_start >= hi and not _target_owner(a, x)]
        responder = after[0] if after else None
        hit = [x for x in armed if x.tok_start >= hi and _target_owner(a, x)]
    else:
        before = [x for x in armed if x.tok_start < lo]
        acting = [x for x in before if not _target_owner(a, x)]
        # the subject of the marker's own clause ("التي نفذها الجيش العربي السوري على مواقعهم ... ردا
        # على"), else the first its sentence names ("قصف الجيش العراقي مخابئ لتنظيم داعش ردا على")
        clause = clause_at(a, lo)
        own = [x for x in acting if clause is not None and clause.tok_start <= x.tok_start]
        responder = own[0] if own else acting[0] if acting else None
        hit = [x for x in before if _target_owner(a, x)]
    if responder is None:
        return None
    name = responder.actor
    inside = [x for x in armed if lo <= x.tok_start < hi and x.actor != name and not kb.allied(x.actor, name)
              and not _target_owner(a, x)]
    struck = [x for x in hit if x.actor != name and not kb.allied(x.actor, name)]
    first = (inside or struck or [None])[0]
    if first is not None:
        return name, first.actor
    from marsad.stages.roles import _opponent
    return name, _opponent(a, name)


def first_mover_sides(a: Analysis, g: Group, actor1: str | None, actor2: str | None,
                      civilians_hit: bool) -> tuple[str | None, str | None] | None:
    """The sides of an act a response answers, when the nearest-actor guess made the responder (or
    its ally) its doer; None to keep the guess. The target is the side the guess had, unless that is
    the first mover: then the civilians it hurt, else the responder."""
    found = answered_sides(a, g)
    if found is None:
        return None
    responder, first = found
    kb = a.kb
    if actor1 is None or not (actor1 == responder or kb.allied(actor1, responder)):
        return None
    if first is None or first == responder:
        first = UNIDENTIFIED
    if actor2 is None or actor2 == first or kb.allied(actor2, first):
        actor2 = "Civilians" if civilians_hit else responder
    return first, actor2
