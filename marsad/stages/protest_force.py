"""A protest the forces met: dispersed, held back, met with tear gas, or its people arrested (ACLED's
protest with intervention).

"خرجت تظاهرة في النجف لكن قوات الأمن عملت على تفريقها"، "وأطلقت الشرطة الغاز المسيل للدموع على
المشاركين": a protest with no dead whose own sentence, or the sentence right after it that tells no
event and names no place of its own, names a force dispersing or holding back the crowd
(``crowd_control_word`` in ``kb/data/cues.tsv``) is no peaceful protest. Deaths and live fire stay
with the rules of ``assembly.build_event`` (excessive force, a violent demonstration).
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

from marsad.cues import cue_matcher
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
                  if i in arrested or matcher.find(a.doc, a.doc.sentences[i].tok_start, a.doc.sentences[i].tok_end))


def force_named_in(a: Analysis, sentences: list[int]) -> str | None:
    """The first state or foreign force named in these sentences (the one that met the crowd)."""
    for i in sentences:
        for x in a.actors_of_sentence(i):
            if a.kb.inter(x.actor) in _FORCE_CODES:
                return x.actor
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
