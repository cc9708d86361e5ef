"""Event frames: each trigger that reports an event, at each of its event places, with its
date and its type.

A weak trigger (هجوم، انفجار) takes the type of the strong event before it ("the attack"
refers back) and makes nothing when there is none, unless it killed or wounded people.
Territory triggers need a settlement right after them (سيطرت على قرية X).
"""
from __future__ import annotations

from marsad.stages.analysis import SETTLEMENT_KINDS, VIOLENT_TYPES, Analysis, Frame, Where
from marsad.stages.discourse import sentence_when
from marsad.stages.event_places import sentence_places
from marsad.triggers import TERRITORY, TriggerHit

_TERRITORY_OBJECT_WORDS = {"علي", "قريه", "قري", "قريتي", "بلده", "بلدتي", "مدينه", "مدينتي", "حي", "احياء",
                           "كامل", "بلدات", "مناطق", "منطقه", "ناحيه", "مركز", "مزارع", "تل", "تله"}
_REFERRING = ("هذا", "هذه", "ذلك", "تلك", "هاته")


def build_frames(a: Analysis) -> None:
    """Stage: ``a.frames``, one per reporting trigger and event place."""
    doc = a.doc
    actor_tokens = {t for x in a.actors for t in range(x.tok_start, x.tok_end)}
    # a trigger word inside an actor's name (هيئة تحرير الشام) is no trigger
    hits = [h for h in a.hits if (h.reports_event or _deadly_after_clause(a, h))
            and h.mention.tok_start not in actor_tokens]
    strong = [h for h in hits if h.mention.strength == "strong"]
    out: list[Frame] = []
    last_strong: TriggerHit | None = None
    previous_places: list[Where] = []
    by_sentence: dict[int, list[TriggerHit]] = {}
    for h in hits:
        by_sentence.setdefault(a.sentence_index(h.mention.tok_start), []).append(h)
    for sent in doc.sentences:
        sent_places = sentence_places(a, sent.index)
        sent_hits = by_sentence.get(sent.index, [])
        # the charges of an arrest ("قامت بتفجيرات") and the contents of a cache ("قذائف هاون")
        arrests = [h.mention.tok_end for h in sent_hits
                   if h.mention.sub_event_type in ("Arrests", "Disrupted weapons use")]
        typed: list[tuple[TriggerHit, str, str]] = []
        for h in sent_hits:
            m = h.mention
            if m.event_type in VIOLENT_TYPES and any(_same_clause(a, x, m.tok_start) for x in arrests):
                continue  # "ألقت القبض على مجموعة قامت بتفجيرات": the charges, not new events
            if m.strength == "strong":
                typed.append((h, m.event_type, m.sub_event_type))
                last_strong = h
            elif m.event_type == "Strategic developments":
                continue  # a weak strategic word (نقطة عسكرية) never makes an event alone
            elif last_strong is not None or not strong or _has_killed(a, sent.index):
                # "the attack" refers back to the last strong event; with nothing before it, an
                # attack that killed or wounded people is an event of its own kind
                ref = last_strong.mention if last_strong is not None else m
                if last_strong is None and not _has_killed(a, sent.index) and \
                        not _has_killed(a, sent.index, kinds=("injured", "mixed")):
                    continue
                if last_strong is None and any(x.mention.strength == "strong" for x in sent_hits):
                    continue  # a strong trigger later in the sentence carries its event
                typed.append((h, ref.event_type, ref.sub_event_type))
        if not typed:
            if sent_places:
                previous_places = sent_places
            continue
        when = sentence_when(a, sent.index, typed[0][0].mention.tok_start)
        if when is None:
            continue
        places_here = sent_places
        if not places_here:
            towns = {w.town_key for w in previous_places}
            if len(towns) == 1:
                places_here = previous_places[:1]
        else:
            previous_places = sent_places
        for h, etype, sub in typed:
            targets = places_here
            if sub == TERRITORY:
                targets = [w for w in places_here if _object_of(a, h, w)]
            join_only = h.mention.tok_start > 0 and doc.tokens[h.mention.tok_start - 1].text in _REFERRING
            for w in targets:
                out.append(Frame(h, sent.index, w, when, etype, sub, join_only))
    a.frames = out


def _same_clause(a: Analysis, start: int, tok: int) -> bool:
    """Is token ``tok`` close after ``start`` with no clause break (فيما، بينما، في حين) between?"""
    if not start <= tok <= start + 15:
        return False
    breaks = ("فيما", "بينما", "حين", "كما", "ثم", "وقد", "واضاف", "وقال")
    return not any(a.doc.tokens[t].text in breaks for t in range(start, tok))


def _has_killed(a: Analysis, sent_index: int, kinds: tuple[str, ...] = ("killed",)) -> bool:
    sent = a.doc.sentences[sent_index]
    return any(c.kind in kinds and sent.tok_start <= c.tok_start < sent.tok_end for c in a.casualties)


def _deadly_after_clause(a: Analysis, hit: TriggerHit) -> bool:
    """"فرّ الآلاف بعد هجوم شنّته قوات X على مدينة Y قُتل فيه 40 شخصاً": an attack behind
    بعد/عقب/إثر that has its own death toll after it is the sentence's event when the
    sentence reports no other violent event."""
    m = hit.mention
    doc = a.doc
    if hit.status not in ("background", "subordinate") or m.event_type not in VIOLENT_TYPES:
        return False
    sent = doc.sentence_of_token(m.tok_start)
    if not any(doc.tokens[t].text.lstrip("و") in ("بعد", "عقب", "اثر", "واثر")
               for t in range(max(sent.tok_start, m.tok_start - 2), m.tok_start)) and \
            not doc.tokens[m.tok_start].text.startswith(("بعد", "عقب")):
        return False
    if any(h.reports_event and h.mention.event_type in VIOLENT_TYPES and h.mention.strength == "strong"
           and sent.tok_start <= h.mention.tok_start < sent.tok_end for h in a.hits):
        return False
    return any(c.kind == "killed" and m.tok_end <= c.tok_start < sent.tok_end for c in a.casualties)


def _object_of(a: Analysis, hit: TriggerHit, w: Where) -> bool:
    """A territory trigger takes a settlement right after it: سيطرت القوات على قرى X وY."""
    doc = a.doc
    pm = w.mention
    if pm.tok_start < hit.mention.tok_end or pm.tok_start - hit.mention.tok_end > 40:
        return False
    if pm.place is not None and w.place.kind not in SETTLEMENT_KINDS:
        return False
    actor_tokens = {t for x in a.actors for t in range(x.tok_start, x.tok_end)}
    allowed = _TERRITORY_OBJECT_WORDS
    gap = list(range(hit.mention.tok_end, pm.tok_start))
    ala = [t for t in gap if doc.tokens[t].text in ("علي", "على")]
    if ala:
        # VSO: "سيطرت القوات على قرى X": the subject may stand between the verb and على
        subject, obj = gap[:gap.index(ala[0])], gap[gap.index(ala[0]) + 1:]
        if len([t for t in subject if t not in actor_tokens]) > 2:
            return False
    else:
        obj = gap  # a direct object: استعادت البلدة
    # later villages of the list: "على قرى X وY وZ"
    listed = {t for p in a.places.mentions if p.tok_end <= pm.tok_start for t in range(p.tok_start, p.tok_end)}
    rest = [t for t in obj if t not in listed]
    return len(rest) <= 6 and all(t in actor_tokens or doc.tokens[t].text in allowed or
                                  doc.tokens[t].text.startswith("و") or doc.tokens[t].text == "و"
                                  for t in rest)
