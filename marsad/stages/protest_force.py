"""A protest the forces met: dispersed, held back, met with tear gas, or its people arrested (ACLED's
protest with intervention).

"خرجت تظاهرة في النجف لكن قوات الأمن عملت على تفريقها"، "وأطلقت الشرطة الغاز المسيل للدموع على
المشاركين": a protest with no dead whose own sentence, or the sentence right after it that tells no
event and names no place of its own, names a force dispersing or holding back the crowd
(``crowd_control_word`` in ``kb/data/cues.tsv``) is no peaceful protest, nor one whose people were
fired on ("أطلقت الميليشيات نيرانها على المحتجين") with no one killed. A protest where people were
killed is excessive force against protesters, by the side the text marks as the killer ("سقطوا برصاص
X") or, when none is marked, by the state force the article names. Deaths of forces alone stay with
the rules of ``assembly.build_event`` (a violent demonstration).

One protest with what was done to it is one record: the records that tell it again (a force's
attack on civilians with no dead on its day, a clash of no named side, a peaceful protest beside
the riot it became) are dropped after assembly.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

from marsad.arabic.normalise import normalise_term
from marsad.cues import cue_matcher, cue_words
from marsad.stages.analysis import Analysis, Group
from marsad.stages.clauses import clause_at

# ACLED inter codes of a force that may meet a crowd: state forces, foreign forces
_FORCE_CODES = (1, 8)


def crowd_control_sentences(a: Analysis, g: Group) -> list[int]:
    """The sentences, of the protest or the one right after it, that tell a force dispersing or
    holding back the crowd (none: the protest met no force the text tells).

    >>> import marsad
    >>> [e.sub_event_type for e in marsad.extract("تظاهر المئات اليوم في مدينة الكوت، لكن الشرطة "
    ...                                            "فرقتهم بالقوة.", published="2024-05-10")]
    ['Protest with intervention']
    """
    framed = {f.sentence for f in a.frames}
    # "تظاهر المئات ... واعتقلت الشرطة عشرين منهم": an arrest told with the protest, or right after it
    # in a sentence that names no place of its own, is the force meeting the crowd; the protest keeps
    # its record (with intervention) beside the arrests; an arrest in a relative clause ("للمطالبة
    # بالإفراج عن الناشطين الذين اعتقلتهم القوات") describes people, not the force meeting the crowd
    arrested = {a.sentence_index(h.mention.tok_start) for h in a.hits
                if h.reports_event and h.mention.sub_event_type == "Arrests" and
                getattr(clause_at(a, h.mention.tok_start), "kind", None) != "relative"}
    # "وفي مدينة الحلة أطلقت الشرطة الغاز ...": a next sentence that names a place of its own tells
    # another crowd
    placed = {a.sentence_index(p.tok_start) for p in a.places.mentions if p.place is not None and p.tok_start >= 0}
    sentences = set(g.sentences)
    sentences |= {i + 1 for i in g.sentences
                  if i + 1 < len(a.doc.sentences) and (i + 1 not in framed or i + 1 in arrested) and i + 1 not in placed}
    matcher = cue_matcher("crowd_control_word")
    return sorted(i for i in sentences
                  if i in arrested or matcher.find(a.doc, a.doc.sentences[i].tok_start, a.doc.sentences[i].tok_end)
                  or (i in g.sentences and fired_on_crowd(a, i)))


# How many words a fire noun may stand before the preposition that aims it at the crowd ("أطلقت
# قوات الأمن الرصاص المطاطي اليوم على مئات المتظاهرين").
FIRE_AIM_WORDS = 6


def fired_on_crowd(a: Analysis, sent: int) -> bool:
    """Does the sentence tell fire aimed at demonstrators ("أطلقت نيرانها على المحتجين"، "أطلقوا
    النار باتجاه المتظاهرين")?"""
    doc = a.doc
    towards = cue_words("against_preposition")
    fires = cue_matcher("fire_noun").find(doc, doc.sentences[sent].tok_start, doc.sentences[sent].tok_end)
    for x in a.actors_of_sentence(sent):
        if x.actor != "Protesters" or x.tok_start < 1:
            continue
        # the preposition right before the crowd, or before its quantity ("على مئات المتظاهرين")
        aims = [t for t in (x.tok_start - 1, x.tok_start - 2) if t >= 0 and doc.tokens[t].text in towards]
        if aims and any(0 < aims[0] - f.tok_end + 1 <= FIRE_AIM_WORDS for f in fires if f.tok_end <= aims[0]):
            return True
    return False


# How many words may stand between the word that marks a killing's means ("برصاص") and its owner
# ("برصاص ميليشيات عصائب أهل الحق").
KILLER_WORDS = 2


def marked_killer(a: Analysis, sentences: set[int]) -> str | None:
    """The armed side the text marks as the killer in these sentences ("أن الضحايا سقطوا برصاص
    ميليشيات X"، "قتلوا على يد عناصر Y"): the first actor a killer marker (``killer_marker``) stands
    right before."""
    doc = a.doc
    for i in sorted(sentences):
        if not 0 <= i < len(doc.sentences):
            continue
        sent = doc.sentences[i]
        marks = cue_matcher("killer_marker").find(doc, sent.tok_start, sent.tok_end)
        for x in a.actors_of_sentence(i):
            if a.kb.inter(x.actor) in (1, 2, 3, 4, 8) and \
                    any(0 <= x.tok_start - m.tok_end <= KILLER_WORDS for m in marks):
                return x.actor
    return None


def state_force_of_article(a: Analysis) -> str | None:
    """The first state force the article names (the side whose forces meet its protests when the
    text names no killer of its own)."""
    return next((x.actor for x in a.actors if a.kb.inter(x.actor) == 1), None)


def force_named_in(a: Analysis, sentences: list[int]) -> str | None:
    """The first state or foreign force named in these sentences (the one that met the crowd), or
    the armed men who fired at it ("وأطلق مسلحون مجهولون النيران على المتظاهرين")."""
    for i in sentences:
        for x in a.actors_of_sentence(i):
            if a.kb.inter(x.actor) in _FORCE_CODES:
                return x.actor
    for i in sentences:
        crowd = next((x.tok_start for x in a.actors_of_sentence(i) if x.actor == "Protesters"), None)
        if crowd is not None and fired_on_crowd(a, i):
            return next((x.actor for x in a.actors_of_sentence(i)
                         if x.tok_start < crowd and a.kb.inter(x.actor) in (2, 3, 4)), None)
    return None


def protests_of_the_arrested(events: list) -> list:
    """"ألقت الشرطة القبض على خمسة محتجين أمام مبنى الوزارة": the arrest of protesters tells the
    protest they were taken at, which the force met (ACLED's protest with intervention, the
    protesters against the arresting force). An arrest of protesters with no protest record at its
    place and day gains one beside it; the arrests keep their own record."""
    out = list(events)
    for e in events:
        if e.sub_event_type != "Arrests" or e.actor2 != "Protesters" or e.actor1 is None or any(
                o.event_type == "Protests" and (o.location, o.event_date) == (e.location, e.event_date)
                for o in events):
            continue
        codes = sorted(c for c in (e.inter2, e.inter1) if c)
        notes = e.notes.replace(e.sub_event_type, "Protest with intervention", 1) + \
            " The protest is told by the arrest of its protesters."
        out.append(replace(e, event_type="Protests", sub_event_type="Protest with intervention",
                           actor1="Protesters", actor2=e.actor1, assoc_actor_1=[], assoc_actor_2=list(e.assoc_actor_1),
                           inter1=e.inter2, inter2=e.inter1,
                           interaction=int("".join(map(str, codes))) if len(codes) == 2 else e.interaction,
                           notes=notes,
                           event_id="ev-" + hashlib.sha256((e.event_id + "|protest").encode()).hexdigest()[:16]))
    return out


def retells_the_dead(a: Analysis, g: Group, protest: Group) -> bool:
    """"وأدت احتجاجات الجمعة إلى مقتل 3 أشخاص. وأفادت مصادر أن الضحايا سقطوا برصاص ميليشيات X": a
    killing with no dead and no day of its own, whose sentence comes right after one where the
    protest counts its dead and names those dead again by a definite noun (``dead_anaphor``), tells
    who killed them: the protest's killing told again, not another."""
    told = {a.sentence_index(c.tok_start) for c in a.casualties
            if c.kind in ("killed", "mixed") and (c.count or 0) > 0 and a.sentence_index(c.tok_start) in protest.sentences}
    if not told or any(c.kind in ("killed", "mixed") and a.sentence_index(c.tok_start) in g.sentences
                       for c in a.casualties):
        return False
    if any(a.sentence_index(d.tok_start) in g.sentences for d in a.dates):
        return False
    doc = a.doc
    anaphor = cue_matcher("dead_anaphor")
    return all(i - 1 in told and anaphor.find(doc, doc.sentences[i].tok_start, doc.sentences[i].tok_end)
               for i in g.sentences)


def fire_on_the_protest_told_again(events: list) -> list:
    """"مقتل فلسطيني وإصابة العشرات برصاص الجيش خلال تظاهرة": a force's attack on civilians with no
    dead of its own, on the day of a protest that force met (excessive force or intervention), at
    the protest's place or at a region holding it (same governorate, one of the two a region), is
    the force's fire on that protest told again (ACLED codes one event)."""
    met = [o for o in events if o.event_type == "Protests" and o.sub_event_type != "Peaceful protest"]
    out = []
    for e in events:
        if e.sub_event_type == "Attack" and not e.fatalities and e.actor2 == "Civilians" and \
                e.inter1 in _FORCE_CODES and any(
                    e.actor1 in (o.actor1, o.actor2) and o.event_date == e.event_date and _same_or_held(o, e)
                    for o in met):
            continue
        out.append(e)
    return out


def sideless_clashes_at_protests(events: list) -> list:
    """"وإصابة 307 منهم 131 بالرصاص الحي" after "قتل فلسطينيان خلال تظاهرات": a clash with no side
    named and no dead, on the day of a protest or riot in the same governorate, is that protest's
    confrontation told again, no battle (a battle has two armed sides); and a peaceful protest at
    the place and on the day of a riot is that riot."""
    crowds = [o for o in events if o.event_type in ("Protests", "Riots")]
    riots = [o for o in crowds if o.sub_event_type == "Violent demonstration"]
    return [e for e in events if not (
        e.sub_event_type == "Armed clash" and e.actor1 is None and e.actor2 is None and not e.fatalities and
        any(o.event_date == e.event_date and (o.country, o.admin1) == (e.country, e.admin1) for o in crowds)
        # "تواصلت الاحتجاجات إذ أحرق المحتجون إطارات السيارات": a peaceful protest at the place and on
        # the day of a riot is the crowd that rioted, one event
        or e.sub_event_type == "Peaceful protest" and not e.fatalities and
        any(o.event_date == e.event_date and _same_or_held(o, e) for o in riots))]


def clashes_the_forces_met(a: Analysis, events: list) -> list:
    """"واجهت قوات الأمن المتظاهرين بالغاز المسيل للدموع ... ودارت اشتباكات بين الشرطة والمتظاهرين": a
    violent demonstration with no dead, told by clash words alone (``crowd_clash_word``: no stone
    thrown, nothing set on fire), against a state force, where a state force met a protest at its
    place on its day (the police in one sentence, the security forces in the other), is that
    confrontation told again: the protest with intervention is the one record. An article that tells
    an act of the crowd's own violence (``riot_act_verb``: stones, fire, storming) keeps its riot."""
    met = [o for o in events if o.event_type == "Protests" and o.sub_event_type != "Peaceful protest"]
    clash = cue_words("crowd_clash_word")
    if not met or cue_matcher("riot_act_verb").find(a.doc):
        return events  # "ورشق المحتجون الشرطة بالحجارة": the crowd's own violence, a riot of its own

    def clash_only(e) -> bool:
        words = [x.get("text", "") for x in (e.evidence or {}).get("event_type", [])]
        return bool(words) and all(normalise_term(w).split(" ")[0].lstrip("و") in clash for w in words)

    return [e for e in events if not (
        e.sub_event_type == "Violent demonstration" and not e.fatalities and clash_only(e) and
        e.inter2 in _FORCE_CODES and
        any(o.event_date == e.event_date and _same_or_held(o, e) and _FORCE_CODES[0] in (o.inter1, o.inter2)
            for o in met))]


def _same_or_held(o, e) -> bool:
    """Are two records at one place, or is one at a region of the same governorate holding the other?"""
    return (o.country, o.admin1) == (e.country, e.admin1) and \
        (o.location == e.location or 3 in (o.geo_precision, e.geo_precision))
