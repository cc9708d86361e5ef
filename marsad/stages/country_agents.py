"""A country named as the doer of an attack stands for its armed forces.

"شنت الولايات المتحدة وبريطانيا وفرنسا ضربات على مواقع عسكرية"، "الضربات التي نفذتها الولايات المتحدة
مع فرنسا وبريطانيا"، "ووجهت كل من الولايات المتحدة وبريطانيا ضربة صاروخية": the country is the
subject of a feminine verb of launching an attack (a country's verb agrees in the feminine, so the
masculine verbal noun "قصف سوريا", where the country is what was hit, never counts) or the agent
after a relative verb of carrying one out (نفذتها، شنتها); the countries joined to it (و، مع) act
beside it. An event word must follow the verb closely (or precede the relative verb), so "أطلقت تركيا
سراح" names no attacker. The countries' Arabic names are those of ``countries.tsv``; a name already an
actor alias (إسرائيل) is left as it is.

The cue words are in ``kb/data/cues.tsv`` (country_attack_verb; perpetration_verb is shared).
"""
from __future__ import annotations

from functools import lru_cache

from marsad.actors import forces_of, load_actor_kb
from marsad.arabic.matcher import PhraseMatcher
from marsad.cues import cue_words
from marsad.kb import load_table, split_list
from marsad.model import ActorMention
from marsad.stages.analysis import Analysis

# How many words after the last country of the agents the event word may start ("شنت الولايات
# المتحدة وبريطانيا وفرنسا فجر السبت ضربات").
EVENT_AFTER_WORDS = 4
# How many words before a relative verb the event word it carries out may end ("الضربات التي نفذتها").
EVENT_BEFORE_WORDS = 3
# Words between a verb and its agents that join several ("ووجهت كل من الولايات المتحدة وبريطانيا").
EACH_OF = ("كل", "من")


@lru_cache(maxsize=1)
def _country_names() -> PhraseMatcher:
    """The countries' Arabic names (countries.tsv names_ar), each with its ISO code."""
    matcher = PhraseMatcher(suffixes=False)
    for row in load_table("countries.tsv", required=("code", "name")):
        for name in split_list(row.get("names_ar") or ""):
            matcher.add(name, row["code"])
    return matcher


def country_agents(a: Analysis) -> list[ActorMention]:
    """Actor mentions of the countries the text names as the doers of an attack."""
    if not a.hits:
        return []
    doc, kb = a.doc, load_actor_kb()
    countries = sorted(_country_names().find(doc), key=lambda m: m.tok_start)
    if not countries:
        return []
    taken = {t for x in a.actors for t in range(x.tok_start, x.tok_end)}
    verbs = cue_words("country_attack_verb")
    relative = cue_words("perpetration_verb")
    hit_starts = {h.mention.tok_start for h in a.hits}
    hit_ends = {h.mention.tok_end for h in a.hits}
    by_start = {m.tok_start: m for m in countries}
    out: list[ActorMention] = []
    joint = a.memo.setdefault("joint_agents", [])
    for m in countries:
        s = m.tok_start
        each = s >= len(EACH_OF) and tuple(doc.tokens[t].text for t in range(s - len(EACH_OF), s)) == EACH_OF
        k = s - len(EACH_OF) if each else s  # the verb's position: before "كل من" when it stands there
        if k == 0:
            continue
        sent = doc.sentence_of_token(s)
        if k - 1 < sent.tok_start:
            continue
        verb = doc.tokens[k - 1].text
        bare = verb[1:] if verb[:1] in "وف" else verb
        if bare in verbs:
            kind = "verb"
        elif bare in relative:
            kind = "relative"
        else:
            continue
        # the countries joined to the first ("الولايات المتحدة وبريطانيا وفرنسا"، "مع فرنسا وبريطانيا")
        chain = [m]
        while True:
            end = chain[-1].tok_end
            nxt = by_start.get(end) or (by_start.get(end + 1) if end < len(doc.tokens) and
                                        doc.tokens[end].text in cue_words("with_preposition") else None)
            if nxt is None or nxt.tok_start >= sent.tok_end or \
                    (nxt.tok_start == end and not doc.tokens[end].text.startswith("و")):
                break
            chain.append(nxt)
        last = chain[-1].tok_end
        after = range(k - 1, min(sent.tok_end, last + EVENT_AFTER_WORDS))
        before = range(max(sent.tok_start, k - 1 - EVENT_BEFORE_WORDS), k)
        if kind == "verb" and not any(t in hit_starts for t in after):
            continue
        if kind == "relative" and not any(e in hit_ends for e in before):
            continue
        names = [forces_of(c.payload) for c in chain]
        if len(set(names)) > 1 and all(n in kb.actors for n in names):
            joint.append(tuple(dict.fromkeys(names)))
        for c in chain:
            name = forces_of(c.payload)
            if name not in kb.actors or any(t in taken for t in range(c.tok_start, c.tok_end)):
                continue
            span = doc.token_span(c.tok_start, c.tok_end)
            out.append(ActorMention(span.start, span.end, span.text, name, kb.inter(name), False,
                                    c.tok_start, c.tok_end))
            taken.update(range(c.tok_start, c.tok_end))
    return out


def joint_lead(a: Analysis, actor1: str | None, actor2: str | None, assoc1: list[str], assoc2: list[str]):
    """(actor1, actor2, assoc1, assoc2) with the countries the text joins as the doers of one attack
    ("شنت الولايات المتحدة وبريطانيا وفرنسا ضربات") on one side, led by the first named, when the
    nearest-actor guess made one of them actor1; None when no such list names actor1."""
    for chain in a.memo.get("joint_agents", ()):
        if actor1 not in chain:
            continue
        members = set(chain)
        return (chain[0], actor2 if actor2 not in members else None,
                list(chain[1:]) + [n for n in assoc1 if n not in members],
                [n for n in assoc2 if n not in members])
    return None
