"""Sides told by reference (the roles stage asks these where the clause names no side by name).

- the **antecedent of the victims' pronoun**: "اعترفت ميليشيات الحوثي بمقتل أحد قادتها مع عدد من
  مرافقيه"، "أما تنظيم داعش فقتل منه 58 مسلحاً": the men are the force the pronoun refers to, the
  armed actor named last before it in the sentence (never a force that kills them: "قتلت قوات
  الأمن ثلاثة منهم");
- the **reciprocal fight inside one group**: "اشتباكات بين قيادات ميليشيا الحوثي"، "بين فصيلين من
  الجيش الوطني": one group on both sides;
- the **perpetrator in a relative clause** after an attack noun: "العملية التي نفذها تنظيم داعش على
  مقر ..."، "الهجوم الذي شنته حركة الشباب": the actor after the verb did the attack;
- the **story** of a page of several (stories apart by a blank line, the next opening fresh): the
  article-wide guesses of a striker look only at the group's own story, never at the speaker of
  another ("قالت زاخاروفا: قتلنا الإرهابيين" is no striker of a strike on Idlib told below);
- the **owner of what a strike was aimed at** ("قصف صاروخي استهدف مقر الحزب X"): never its striker;
- the **doer of a later act** ("قوات التحالف فتشت سفينة تعرضت لانفجار"): the subject of a verb of
  searching, carrying, rescuing is beside the event, never its target;
- a **civil office** the killed person is named by ("اغتيل في بيروت الوزير السابق X"): the victim is a
  civilian, never a force the article accuses of the killing.

The cue words are in ``kb/data/cues.tsv`` (possessed_member_noun, partitive_pronoun,
active_killing_verb, reciprocal_part_noun, perpetration_verb, civilian_office_title, target_verb, later_act_verb;
relative_pronoun
and killing_word are shared).
"""
from __future__ import annotations

import re

from marsad.cues import cue_matcher, cue_words
from marsad.model import ActorMention, Casualty
from marsad.stages.analysis import ARMED_CODES, UNIDENTIFIED, Analysis, Group


# Pronouns attached to a possessed noun (قادتها، مرافقيه، عناصرهم), longest first.
PRONOUNS = ("هما", "هم", "ها", "ه")
# How many words of a casualty phrase, from its start, may hold the victims' pronoun ("بمقتل أحد
# قادتها"، "فقتل منه 58 مسلحا"، "ومقتل عدد من مرافقيه").
PRONOUN_WORDS = 6
# How many words after "بين" the part noun may take ("بين فصيلين من الجيش الوطني"); its group follows it.
RECIPROCAL_WORDS = 3
# How many words after the relative pronoun the perpetrator may start ("التي نفذها عناصر تنظيم داعش").
RELATIVE_AGENT_WORDS = 3
# How many words after a word of killing the office of the killed may stand ("اغتيل في بيروت قبل يومين
# الوزير السابق").
OFFICE_WORDS = 6


def _armed(a: Analysis, x: ActorMention) -> bool:
    return a.kb.inter(x.actor) in ARMED_CODES


def _pronoun(word: str) -> str | None:
    """The pronoun a possessed member noun or a partitive carries, if any."""
    if word in cue_words("partitive_pronoun"):
        return word[2:]
    stems = cue_words("possessed_member_noun")
    for p in PRONOUNS:
        if word.endswith(p):
            stem = word[: -len(p)].lstrip("وفب")
            if stem in stems or stem.removeprefix("ل") in stems:
                return p
    return None


def pronoun_victims(a: Analysis, c: Casualty) -> ActorMention | None:
    """The armed actor the victims' pronoun refers to: the last named before it in its sentence,
    in number with it (a singular pronoun is no plural noun of people: "الحوثيين" for "قادته")."""
    doc = a.doc
    for t in range(c.tok_start, min(c.tok_end, c.tok_start + PRONOUN_WORDS)):
        pronoun = _pronoun(doc.tokens[t].text)
        tok = doc.tokens[t]
        if pronoun is None or doc.raw[doc.span(tok.start, tok.end).start:doc.span(tok.start, tok.end).end].endswith("ة"):
            continue  # "شخصية قيادية": a feminine ending, no pronoun
        sent = doc.sentence_of_token(t)
        killing = cue_words("active_killing_verb")
        before = [x for x in a.actors_of_sentence(sent.index) if x.tok_end <= t and _armed(a, x)]
        for x in reversed(before):
            if x.actor == UNIDENTIFIED:
                return None  # "هاجم مسلحون ... وقتل عدد منهم": no named side
            if x.tok_start > 0 and doc.tokens[x.tok_start - 1].text.lstrip("و") in killing:
                continue  # "قتلت قوات الأمن ثلاثة منهم": the killers
            last = doc.tokens[x.tok_end - 1].text
            if pronoun in ("ه", "ها") and last.endswith(("ين", "ون")):
                continue
            return x
        return None
    return None


def reciprocal_group(a: Analysis, g: Group) -> str | None:
    """The one group a fight of its own parts is told in ("اشتباكات بين قيادات ميليشيا الحوثي"،
    "بين فصيلين من الجيش الوطني"): the armed actor right after a part noun after "بين", with no
    second side named after it in the sentence."""
    doc = a.doc
    parts = cue_matcher("reciprocal_part_noun")
    for s in sorted(g.sentences):
        sent = doc.sentences[s]
        for t in range(sent.tok_start, sent.tok_end):
            if doc.tokens[t].text != "بين":
                continue
            found = [m for m in parts.find(doc, t + 1, min(sent.tok_end, t + 1 + RECIPROCAL_WORDS))
                     if m.tok_start == t + 1]
            if not found:
                continue
            after = [x for x in a.actors_of_sentence(s) if x.tok_start >= found[0].tok_end and _armed(a, x)]
            if not after or after[0].tok_start != found[0].tok_end or after[0].actor == UNIDENTIFIED:
                continue
            if any(x.actor not in (after[0].actor, UNIDENTIFIED) and not a.kb.allied(x.actor, after[0].actor)
                   for x in after[1:]):
                continue  # "بين عناصر داعش وقوات الجيش": two sides
            return after[0].actor
    return None


def relative_perpetrator(a: Analysis, g: Group) -> str | None:
    """The doer a relative clause names ("العملية التي نفذها تنظيم داعش") in one of the group's
    sentences, or in a sentence before them that no other group tells an event in."""
    found = relative_perpetrators(a)
    for s in sorted(found, reverse=True):
        if s in g.sentences:
            return found[s]
        if s < min(g.sentences) and not any(o is not g and k in o.sentences for o in a.groups
                                            for k in range(s, min(g.sentences))):
            return found[s]
    return None


def relative_perpetrators(a: Analysis) -> dict[int, str]:
    """Sentence -> the actor a relative clause after an attack noun names as its doer ("العملية
    الإرهابية التي نفذها تنظيم داعش"، "الهجوم الذي شنته حركة الشباب")."""
    found = a.memo.get("relative_perpetrators")
    if found is not None:
        return found
    found = a.memo["relative_perpetrators"] = {}
    doc = a.doc
    relatives = cue_words("relative_pronoun")
    for m in cue_matcher("perpetration_verb").find(doc):
        if m.tok_start == 0 or doc.tokens[m.tok_start - 1].text not in relatives:
            continue
        sent = doc.sentence_of_token(m.tok_start)
        agent = [x for x in a.actors_of_sentence(sent.index) if _armed(a, x) and x.actor != UNIDENTIFIED and
                 m.tok_end <= x.tok_start <= m.tok_end + RELATIVE_AGENT_WORDS]
        if agent:
            found.setdefault(sent.index, agent[0].actor)
    return found


def civilian_office_victim(a: Analysis, g: Group) -> bool:
    """Is the one the group's words of killing killed named by a civil office ("اغتيل في بيروت قبل
    يومين الوزير السابق محمد شطح"، "اغتيال الصحفي X بعبوة ناسفة") with no force named before it?"""
    doc = a.doc
    offices = cue_matcher("civilian_office_title", suffixes=False)
    for m in cue_matcher("killing_word").find(doc):
        s = doc.sentence_of_token(m.tok_start)
        if s.index not in g.sentences:
            continue
        hi = min(s.tok_end, m.tok_end + OFFICE_WORDS)
        found = [o for o in offices.find(doc, m.tok_end, hi) if o.tok_start >= m.tok_end]
        if not found:
            continue
        forces = [x for x in a.actors_of_sentence(s.index)
                  if m.tok_end <= x.tok_start < found[0].tok_start and _armed(a, x)]
        if not forces:
            return True
    return False


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def story_sentences(a: Analysis, g: Group) -> set[int] | None:
    """The sentences of the group's story on a page of several stories, None on a page of one.

    A story starts after a blank line when neither side of it is a heading and the line after it
    opens fresh (no و، ف، كما ... that continues the story before)."""
    from marsad.stages.discourse import _opens_fresh
    starts = a.memo.get("story_starts")
    if starts is None:
        doc, text = a.doc, a.doc.text
        starts = a.memo["story_starts"] = [0]
        for prev, sent in zip(doc.sentences, doc.sentences[1:]):
            if prev.is_heading or sent.is_heading or sent.index <= a.first_body:
                continue
            if _BLANK_LINE.search(text, prev.end, sent.start) and _opens_fresh(a, sent):
                starts.append(sent.index)
    if len(starts) < 2:
        return None
    first = min(g.sentences)
    lo = max(s for s in starts if s <= first)
    hi = min([s for s in starts if s > first] + [len(a.doc.sentences)])
    return set(range(lo, hi))


# How many words after the quarters of a force's men its owner may stand ("مرقد عدد من الجنود").
QUARTERS_OWNER_WORDS = 3


def struck_owners(a: Analysis, g: Group) -> set[str]:
    """The armed actors that own a post the group's sentences say a strike was aimed at, right after a
    verb of aiming or an aiming preposition ("استهدف مقر الحزب X"، "على مواقع لقسد"), not the men of
    a post who shoot from it ("برصاص عناصر حاجز تابع للفرقة الرابعة")."""
    doc = a.doc
    aiming = cue_words("target_verb") | cue_words("aimed_preposition")
    out = set()
    # (as written, with no pronoun: "نشرته على موقعها، أن قوات الأمن" is the speaker's website)
    for m in cue_matcher("military_target", suffixes=False).find(doc):
        if a.sentence_index(m.tok_start) not in g.sentences or m.tok_start == 0:
            continue
        before = doc.tokens[m.tok_start - 1].text
        # (the quarters where a force's men sleep are a target wherever they are named: "مرقد عدد من الجنود")
        quarters = doc.tokens[m.tok_end - 1].text in cue_words("quarters_word")
        if before not in aiming and before.lstrip("و") not in aiming and not quarters:
            continue
        reach = m.tok_end + (QUARTERS_OWNER_WORDS if quarters else 1)
        owner = [x for x in a.actors_of_sentence(a.sentence_index(m.tok_start))
                 if m.tok_end <= x.tok_start <= reach and _armed(a, x) and x.actor != UNIDENTIFIED]
        if owner:
            out.add(owner[0].actor)
    return out


def later_act_doer(a: Analysis, x: ActorMention) -> bool:
    """Is the actor the doer of a later act, named right after or before it ("قوات التحالف فتشت"،
    "ونقلت قوات الأمن"، "رفض مساعدة قوات التحالف"، "فريق التفتيش في التحالف")?"""
    doc = a.doc
    verbs = cue_words("later_act_verb")
    near = [x.tok_end, x.tok_start - 1]
    if x.tok_start >= 2 and doc.tokens[x.tok_start - 1].text in ("في", "من"):
        near.append(x.tok_start - 2)
    return any(doc.tokens[t].text.lstrip("و") in verbs or doc.tokens[t].text.removeprefix("ال") in verbs
               for t in near if 0 <= t < len(doc.tokens))
