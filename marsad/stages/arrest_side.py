"""Whether an arrest has a political side: ACLED codes the arrests of militants, protesters,
activists, journalists and opponents, never those of ordinary crime (theft, drugs, fraud, a murder
or an arson with no political side, negligence, cruelty to an animal).

An arrest word that still reports an event is an ordinary crime's when

* its sentence, or a heading that also tells an arrest, names an ordinary crime (``ordinary_crime``
  in ``kb/data/cues.tsv``: التحرش، السرقة، المخدرات);
* its sentence tells the arrested by the deed they are charged with or suspected of (``suspect_link``:
  بتهمة، يشتبه، المتهم، المتسببين في، فيما يتعلق) and names no political side: no ``political_side``
  word (a militant, a cell, a protest, an activist, a journalist, an attack, a bomb, soldiers), no actor
  but a police force or civilians (an army, a security force, an occupying force or an armed group
  arresting gives the arrest a political side), no battle or explosion among its event words ("اعتقلت الشرطة رجلا بتهمة قتل زوجته"، "القبض على المتسببين في حرق سيارة مواطن");
* it tells again, in a sentence with no political side, the case of an arrest of the article already
  found to be an ordinary crime's ("ألقت الشرطة القبض على العامل اليوم" after the charge of cruelty).

The deed charged after such an arrest, and the same kind of deed in a later sentence with no political
side, is that crime, no event either ("المتسببين في حرق مركبة"، "حادثة حرق المركبة").
"""
from __future__ import annotations

from marsad.cues import cue_matcher
from marsad.stages.analysis import Analysis

# ACLED inter code of civilians: the only actors besides a police force an ordinary crime's
# sentence may name.
_CIVILIANS = 7
# How the name of a state's police force begins: ordinary crime is police business; an arrest by an
# army, a security force, an occupying force or an armed group has a political side.
_POLICE = "Police Forces of"
# Event types an arrest's sentence may not tell for the arrest to be an ordinary crime's.
_ARMED_TYPES = ("Battles", "Explosions/Remote violence")
# The reason an ordinary crime's arrest is held back for.
ORDINARY_CRIME = "an arrest for an ordinary crime (التحرش، السرقة، المتهم بقتل زوجته)"


def ordinary_crime(a: Analysis, sent) -> bool:
    """The arrest of this sentence is an ordinary crime's, by its named crime or its charge."""
    crimes = cue_matcher("ordinary_crime")
    if crimes.find(a.doc, sent.tok_start, sent.tok_end):
        return True
    for s in a.doc.sentences:
        if not s.is_heading:
            break
        if crimes.find(a.doc, s.tok_start, s.tok_end) and \
                any(h.mention.sub_event_type == "Arrests" and s.tok_start <= h.mention.tok_start < s.tok_end
                    for h in a.hits):
            return True
    return bool(cue_matcher("suspect_link").find(a.doc, sent.tok_start, sent.tok_end)) and \
        not political_side(a, sent)


def political_side(a: Analysis, sent) -> bool:
    """The sentence names a political side for an arrest told in it."""
    if cue_matcher("political_side").find(a.doc, sent.tok_start, sent.tok_end):
        return True
    if any(not x.actor.startswith(_POLICE) and a.kb.inter(x.actor) != _CIVILIANS
           for x in a.actors_of_sentence(sent.index)):
        return True
    return any(h.reports_event and h.mention.event_type in _ARMED_TYPES and
               sent.tok_start <= h.mention.tok_start < sent.tok_end for h in a.hits)


def crime_or_case_retold(a: Analysis, h) -> bool:
    """An event word that tells the crime of an arrest already found to be an ordinary crime's, or
    that case again: in a sentence with no political side, an arrest, or a word of the sub-type of
    the deed charged after the ordinary arrest in its sentence ("المتسببين في حرق مركبة" and later
    "حادثة حرق المركبة")."""
    if not h.reports_event or h.mention.event_type in _ARMED_TYPES:
        return False
    crimes = [x for x in a.hits if x.mention.sub_event_type == "Arrests" and x.reason == ORDINARY_CRIME]
    if not crimes or political_side(a, a.doc.sentence_of_token(h.mention.tok_start)):
        return False
    deeds = {"Arrests"}
    for x in crimes:
        sent = a.doc.sentence_of_token(x.mention.tok_start)
        deeds |= {y.mention.sub_event_type for y in a.hits
                  if x.mention.tok_start < y.mention.tok_start < sent.tok_end and y.mention.event_type not in _ARMED_TYPES}
    return h.mention.sub_event_type in deeds
