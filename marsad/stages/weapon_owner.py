"""Whose weapons were seized, intercepted or downed: the owner is the second side, never the first.

"عثرت القوات على أسلحة تابعة لعناصر الميليشيات"، "اعترضت الدفاعات صاروخاً أطلقه الحوثيون"، "أسقط
مسلحون فلسطينيون طائرة إسرائيلية مسيرة": in ACLED's disrupted weapons use the side that seizes,
intercepts or downs is actor1 and the owner of the weapon is actor2. The owner follows the weapon:
right after it (a nisba, a genitive) or after a word of belonging or firing
(``weapon_owner_link`` in ``kb/data/cues.tsv``).
"""
from __future__ import annotations

from marsad.cues import cue_words
from marsad.model import ActorMention
from marsad.stages.analysis import ARMED_CODES, Analysis, Group
from marsad.stages.clauses import clause_at

# How many words after the trigger a word of belonging or firing may stand
# ("كميات كبيرة من الأسلحة والذخائر وقذائف آر بي جي تابعة لعناصر الميليشيات").
OWNER_LINK_WORDS = 8


def weapon_owners(a: Analysis, g: Group) -> list[ActorMention]:
    """The armed actors the group's triggers name as the owners of the weapons, in reading order."""
    doc, kb = a.doc, a.kb
    links = cue_words("weapon_owner_link")
    out: list[ActorMention] = []
    for m in g.members:
        end = m.hit.mention.tok_end
        sent = doc.sentence_of_token(m.hit.mention.tok_start)
        # inside a trigger that spans its verb to the weapon, the first armed actor is the subject,
        # any later one the weapon's (أسقط مسلحون فلسطينيون اليوم طائرة إسرائيلية مسيرة)
        inside = [x for x in a.actors_between(m.hit.mention.tok_start + 1, end) if kb.inter(x.actor) in ARMED_CODES]
        out.extend(x for x in inside[1:] if not any(o is x for o in out))
        # the side the trigger's clause names as the taker, before the weapon, owns none of it ("تمكن الجيش
        # من استعادة أسلحة ... ونزعت الفرق التابعة للقوات الحكومية": a link of another noun)
        own = clause_at(a, m.hit.mention.tok_start)
        lo = own.tok_start if own is not None else sent.tok_start
        takers = {x.actor for x in a.actors_between(lo, m.hit.mention.tok_start)
                  if kb.inter(x.actor) in ARMED_CODES} | {x.actor for x in inside[:1]}
        hi = min(end + OWNER_LINK_WORDS, sent.tok_end)
        link = next((t for t in range(end, hi) if doc.tokens[t].text in links), None)
        for x in a.actors_between(end, sent.tok_end):
            if kb.inter(x.actor) not in ARMED_CODES:
                continue
            # the weapon's own adjective or genitive (طائرة إسرائيلية، صواريخ الحوثيين), or the first
            # actor after a word of belonging or firing
            if any(x.actor == t or kb.allied(x.actor, t) for t in takers):
                continue
            if x.tok_start <= end + 1 or (link is not None and link < x.tok_start <= link + 3):
                if not any(o is x for o in out):
                    out.append(x)
    return out


def taker_in_trigger(a: Analysis, g: Group, owners: list[ActorMention]) -> str | None:
    """An armed actor named inside a trigger, between its verb and the weapon ("أسقط مسلحون
    فلسطينيون اليوم طائرة"): the subject that seized, intercepted or downed it."""
    owned = {id(o) for o in owners}
    for m in g.members:
        for x in a.actors_between(m.hit.mention.tok_start + 1, m.hit.mention.tok_end):
            if a.kb.inter(x.actor) in ARMED_CODES and id(x) not in owned:
                return x.actor
    return None
