"""Sides told by the clause's own words (the roles stage asks these before any nearest-actor guess).

- the **planter**: the subject of a verb of planting a bomb ("قامت الميليشيا بزرع عبوات"، "زرع عناصر
  داعش عبوة") is the bomber, never its target;
- the **genitive agent** of a verbal noun of attack followed by its object ("في قصف جيش الإسلام
  للمناطق السكنية"، "هجوم داعش على"): the actor in the genitive did it;
- the **origin** of the projectiles ("أطلقت من داخل الأراضي الإيرانية"، "من مناطق سيطرة الهيئة"): the
  force named there, or by its nationality, is the shooter;
- the **claimant** of a claim of responsibility, also in a sentence of its own after the event
  ("وأعلنت حركة الشباب مسؤوليتها عن الهجوم");
- the **remote fire** owner ("وغارات لمقاتلات التحالف" beside "مواجهات مع القوات المشتركة"): it backs
  the ground battle, it is not one of its sides; the **object of loyalty** ("بموالاة X") takes no part;
- the **accuser** of a statement ("اتهمت وزارة الدفاع الروسية فصائل المعارضة بقصف"): it only speaks
  (no side), and the accused is the agent.

Each is a function over the analysis (found once per article) that a test can call on a string.
The cue words are in ``kb/data/cues.tsv`` (planting_verb, fire_origin, responsibility_claim,
accusation_verb, military_target).
"""
from __future__ import annotations

from marsad.cues import cue_matcher, cue_words
from marsad.model import ActorMention
from marsad.stages.analysis import ARMED_CODES, UNIDENTIFIED, Analysis, Group


# How many words may stand between a planter and its verb ("قامت الميليشيا بزرع"، "أقدمت قوات X على
# تفخيخ"), and between the verb and a planter after it ("زرع عناصر تنظيم داعش").
PLANTER_BEFORE = 2
PLANTER_AFTER = 2
# How far back the subject of an auxiliary before the verb may stand ("X لم تكتف بـ... بل قامت بزرع").
PLANTER_SUBJECT_WORDS = 12
# How many words after "أطلقت من" the place or force of origin may start ("من داخل الأراضي الإيرانية").
ORIGIN_WORDS = 5
# How many words a firing verb and its object may take before the origin ("وأطلقت القذائف من").
FIRED_OBJECT_WORDS = 3
# How many sentences after an event a claim of responsibility may come ("... وأعلنت حركة الشباب
# مسؤوليتها عن الهجوم"), with no other event told between them.
CLAIM_SENTENCES = 3


def _armed(a: Analysis, x: ActorMention) -> bool:
    return a.kb.inter(x.actor) in ARMED_CODES and x.actor != UNIDENTIFIED


def planters(a: Analysis) -> dict[int, str]:
    """Token start of each planting verb -> the actor that plants (its subject before or after it)."""
    found = a.memo.get("planters")
    if found is not None:
        return found
    found = a.memo["planters"] = {}
    for m in cue_matcher("planting_verb").find(a.doc):
        sent = a.doc.sentence_of_token(m.tok_start)
        near = [x for x in a.actors_of_sentence(sent.index) if _armed(a, x) and
                (m.tok_start - PLANTER_BEFORE <= x.tok_end <= m.tok_start or
                 m.tok_end <= x.tok_start <= m.tok_end + PLANTER_AFTER)]
        if near:
            found[m.tok_start] = min(near, key=lambda x: min(abs(x.tok_end - m.tok_start),
                                                             abs(x.tok_start - m.tok_end))).actor
        elif m.tok_start > sent.tok_start and a.doc.tokens[m.tok_start - 1].text in cue_words("doing_auxiliary"):
            # "الميليشيات لم تكتف بالمجزرة ... بل قامت بزرع عبوات": the subject of the auxiliary, told
            # earlier in its sentence
            before = [x for x in a.actors_of_sentence(sent.index) if _armed(a, x) and
                      m.tok_start - PLANTER_SUBJECT_WORDS <= x.tok_start < m.tok_start]
            if before:
                found[m.tok_start] = before[-1].actor
    return found


def genitive_agents(a: Analysis) -> dict[int, str]:
    """Trigger start -> the actor right after it that has an object after it ("قصف جيش الإسلام
    للمناطق السكنية"، "استهداف الحوثيين لحي سكني"، "هجوم داعش على قرية"): the agent of the attack."""
    found = a.memo.get("genitive_agents")
    if found is not None:
        return found
    found = a.memo["genitive_agents"] = {}
    doc = a.doc
    starts = {}
    for x in a.actors:
        starts.setdefault(x.tok_start, x)
    aiming = cue_words("aimed_preposition")
    for h in a.hits:
        x = starts.get(h.mention.tok_end)
        if x is None or not _armed(a, x) or x.tok_end >= len(doc.tokens):
            continue
        if doc.sentence_of_token(x.tok_end).index != doc.sentence_of_token(x.tok_start).index:
            continue
        after = doc.tokens[x.tok_end].text
        # "للمناطق"، "لحي" (an object in ل), "على"/"ضد" (an aimed preposition): the actor is the agent
        if (after.startswith("ل") and len(after) > 3 and not after.startswith(("لم", "لن", "لا"))) or after in aiming:
            found[h.mention.tok_start] = x.actor
    return found


def fire_origins(a: Analysis) -> dict[int, tuple[int, str]]:
    """Sentence -> (token, the shooter) of each "أطلقت من ..." whose origin names a force or a
    country ("من داخل الأراضي الإيرانية": Iran's forces; "من مناطق سيطرة قسد": the SDF)."""
    found = a.memo.get("fire_origins")
    if found is not None:
        return found
    found = a.memo["fire_origins"] = {}
    doc, kb = a.doc, a.kb
    nationality = None
    verbs = cue_words("origin_verb")
    # "وأطلقت القذائف من مناطق سيطرة X": the origin after a firing verb and its object
    after_verb = [m for m in cue_matcher("fire_origin_place").find(doc)
                  if any(doc.tokens[t].text in verbs or doc.tokens[t].text[1:] in verbs
                         for t in range(max(0, m.tok_start - FIRED_OBJECT_WORDS), m.tok_start))]
    for m in cue_matcher("fire_origin").find(doc) + after_verb:
        sent = doc.sentence_of_token(m.tok_start)
        hi = min(sent.tok_end, m.tok_end + ORIGIN_WORDS)
        named = [x for x in a.actors_of_sentence(sent.index) if m.tok_end <= x.tok_start < hi and _armed(a, x)]
        if named:
            found.setdefault(sent.index, (m.tok_start, named[0].actor))
            continue
        if nationality is None:
            nationality = kb.nationality.find(doc)
        adjective = [n for n in nationality if m.tok_end <= n.tok_start < hi]
        if adjective and adjective[0].payload in kb.actors:
            found.setdefault(sent.index, (m.tok_start, adjective[0].payload))
            continue
        ruler = _ruler_of_place(a, m.tok_end, hi)
        if ruler is not None:
            # "سقوط قذيفتي هاون من غزة على منطقة أشكول": the side that governs the place fired
            found.setdefault(sent.index, (m.tok_start, ruler))
    return found


def _ruler_of_place(a: Analysis, lo: int, hi: int) -> str | None:
    """The de facto authority (authorities.tsv) of the first place named in tokens [lo, hi), on the
    article's day."""
    from marsad.stages.roles import de_facto_authorities
    places = a.places.mentions if a.places is not None else []
    for pm in sorted(places, key=lambda p: p.tok_start):
        if lo <= pm.tok_start < hi and pm.place is not None:
            rows = de_facto_authorities().get((pm.place.country_code, pm.place.admin1 or pm.place.name))
            when = a.published
            return next((n for n, start, end in rows or ()
                         if when is None or (start <= when and (end is None or when <= end))), None)
    return None


def claimants(a: Analysis) -> dict[int, str]:
    """Sentence -> the group that claims responsibility in it ("وأعلنت حركة الشباب مسؤوليتها عن الهجوم"،
    "وتبنى تنظيم داعش التفجير"): the armed actor nearest the claim, before it or right after it."""
    found = a.memo.get("claimants")
    if found is not None:
        return found
    found = a.memo["claimants"] = {}
    for m in cue_matcher("responsibility_claim").find(a.doc):
        sent = a.doc.sentence_of_token(m.tok_start)
        near = [x for x in a.actors_of_sentence(sent.index) if _armed(a, x) and a.kb.inter(x.actor) != 1 and
                (x.tok_end <= m.tok_start or m.tok_end <= x.tok_start <= m.tok_end + 2)]
        if near:
            found.setdefault(sent.index, min(near, key=lambda x: min(abs(x.tok_end - m.tok_start),
                                                                      abs(x.tok_start - m.tok_end))).actor)
    return found


def accusations(a: Analysis) -> tuple[set[int], dict[int, str]]:
    """(ids of the accusers' mentions, sentence -> the accused) of "اتهمت X Y بـ..." and "X اتهمت Y":
    the accuser only speaks; the accused is the agent of what the sentence tells."""
    found = a.memo.get("accusations")
    if found is not None:
        return found
    accusers: set[int] = set()
    accused: dict[int, str] = {}
    found = a.memo["accusations"] = (accusers, accused)
    for m in cue_matcher("accusation_verb").find(a.doc):
        sent = a.doc.sentence_of_token(m.tok_start)
        mentions = a.actors_of_sentence(sent.index)
        # (never the force after a word of loyalty: "تتهمهم الميليشيا بموالاة X" accuses "them")
        after = [x for x in mentions if x.tok_start >= m.tok_end and _armed(a, x) and not loyalty_object(a, x)]
        before = [x for x in mentions if x.tok_end <= m.tok_start and _armed(a, x)]
        if after and after[0].tok_start <= m.tok_end + 1 and len(after) > 1 and after[1].actor != after[0].actor:
            who, whom = after[0], after[1]  # "اتهمت X Y"
        elif before and after and before[-1].tok_end >= m.tok_start - 1:
            who, whom = before[-1], after[0]  # "X اتهمت Y"
        else:
            continue
        accusers.update(id(x) for x in mentions if x.actor == who.actor)
        accused.setdefault(sent.index, whom.actor)
    return found


def stated_agent(a: Analysis, g: Group, sub: str | None = None) -> str | None:
    """The agent the group's own clauses state: the accused of its sentence, the origin of its
    projectiles (its sentences or the next), the genitive agent of one of its triggers of the record's
    sub-type ``sub`` (not the artillery's agent for the air strikes told beside it), the planter of
    its bomb; None when they state none."""
    sents = sorted(g.sentences)
    accused = accusations(a)[1]
    for s in sents:
        if s in accused:
            return accused[s]
    origins = fire_origins(a)
    for s in sents + [sents[-1] + 1]:
        if s not in origins:
            continue
        if _of_another_act(a, origins[s][0]):
            continue  # "بعد إطلاق صاروخ من غزة": the origin of an act told as a time reference
        if s in g.sentences and _in_member_units(a, g, origins[s][0]):
            return origins[s][1]
        if s not in g.sentences and not _hits_in(a, s):
            # "... وقال الحزب إن الصواريخ أطلقت من داخل الأراضي الإيرانية": told after, of the same
            # projectiles (not "بعد إطلاق صاروخ من غزة": another act, with its own event word)
            return origins[s][1]
    agents = genitive_agents(a)
    for m in g.members:
        if m.hit.mention.tok_start in agents and (sub is None or m.subtype == sub):
            return agents[m.hit.mention.tok_start]
    plants = planters(a)
    if plants:
        for s in sents:
            sent = a.doc.sentences[s]
            for t, name in plants.items():
                if sent.tok_start <= t < sent.tok_end:
                    return name
    return None


def fires_from_afar(a: Analysis, x: ActorMention) -> bool:
    """Is the actor named as the owner of fire from the air or from afar: right after a word of it
    ("غارات لمقاتلات التحالف"، "قصف مدفعي لقوات التحالف"، "ضربات التحالف") or by a name that begins with
    one ("مقاتلات التحالف"، "طيران التحالف")? Such a force backs a ground battle told beside it."""
    found = a.memo.get("remote_fire_spans")
    if found is None:
        spans = [(m.tok_start, m.tok_end) for m in cue_matcher("remote_fire_word").find(a.doc)]
        found = a.memo["remote_fire_spans"] = ({e for _, e in spans}, {s for s, _ in spans})
    ends, starts = found
    return x.tok_start in ends or x.tok_start in starts


def loyalty_object(a: Analysis, x: ActorMention) -> bool:
    """Is the actor named right after a word of loyalty ("تتهمهم الميليشيا بموالاة القوات المشتركة"،
    "بتهمة التخابر مع التنظيم")? It is whom someone is said to back, and takes no part in the act."""
    ends = a.memo.get("loyalty_ends")
    if ends is None:
        ends = a.memo["loyalty_ends"] = {m.tok_end for m in cue_matcher("loyalty_word").find(a.doc)}
    return x.tok_start in ends


def claimant(a: Analysis, g: Group) -> str | None:
    """The group that claims the group's event: in one of its sentences, or in a sentence of its own
    shortly after it with no other event told between."""
    found = claimants(a)
    if not found:
        return None
    last = max(g.sentences)
    for s in sorted(found):
        if s < min(g.sentences):
            continue
        if s in g.sentences:
            return found[s]
        if s - last > CLAIM_SENTENCES:
            break
        if any(_other_event_in(a, g, k) for k in range(last + 1, s)):
            break
        if not _claim_of_one_event(a, s):
            continue
        return found[s]
    return None


def _in_member_units(a: Analysis, g: Group, tok: int) -> bool:
    """Is the token in the unit (an independent clause and its dependents) of one of the group's
    triggers?"""
    from marsad.stages.clauses import clause_at, unit_range
    for m in g.members:
        c = clause_at(a, m.hit.mention.tok_start)
        if c is None:
            return True  # no clauses: the sentence is the unit
        lo, hi = unit_range(a, c.unit)
        if lo <= tok < hi:
            return True
    return False


# How many words before an origin the event word it belongs to may end ("إطلاق صاروخ من غزة").
ORIGIN_EVENT_WORDS = 3


def _of_another_act(a: Analysis, tok: int) -> bool:
    """Is the origin at ``tok`` told of an event word right before it that reports no event of its
    own (a subordinate, background or generic act: "بعد إطلاق صاروخ من غزة")?"""
    return any(not h.reports_event and tok - ORIGIN_EVENT_WORDS <= h.mention.tok_end and h.mention.tok_start <= tok + 1
               for h in a.hits)


def _hits_in(a: Analysis, sent: int) -> bool:
    sentence = a.doc.sentences[sent]
    return any(sentence.tok_start <= h.mention.tok_start < sentence.tok_end for h in a.hits)


def _claim_of_one_event(a: Analysis, sent: int) -> bool:
    """Does a claim told in a sentence of its own speak of the event just told, not of a history
    ("وسبق أن تبنت خلايا الوحدات العديد من عمليات الاغتيال": its event word is background)?"""
    sentence = a.doc.sentences[sent]
    return all(h.reports_event for h in a.hits if sentence.tok_start <= h.mention.tok_start < sentence.tok_end)


def _other_event_in(a: Analysis, g: Group, sent: int) -> bool:
    """Does another group have a frame in this sentence?"""
    return any(o is not g and sent in o.sentences for o in a.groups)
