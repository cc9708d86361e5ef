"""A bare side word right after an attack noun names the attacker.

"قالت مصادر حكومية إن قصف المعارضة على حي القصاع أسفر عن مقتل ثلاثة"، "قتل خمسة في قصف النظام على
كفرنبل": alone النظام and المعارضة name no armed actor (a system, a political opposition); as the genitive
of an attack noun (قصف، قذائف، غارات ...) they are the armed side that attacked. The side words, their
actors and the countries whose news uses them so are data (``kb/data/genitive_agents.tsv``); the attack
nouns are the ``attack_noun_agent`` cue of ``kb/data/cues.tsv``.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.actors import load_actor_kb
from marsad.arabic.matcher import PhraseMatcher
from marsad.cues import cue_words
from marsad.kb import load_table, split_list
from marsad.model import ActorMention
from marsad.stages.analysis import Analysis


@lru_cache(maxsize=1)
def _sides() -> PhraseMatcher:
    """The side words, each with (actor, scope countries)."""
    matcher = PhraseMatcher(suffixes=False)
    for row in load_table("genitive_agents.tsv", required=("side", "actor")):
        matcher.add(row["side"], (row["actor"], tuple(split_list(row.get("scope") or ""))))
    return matcher


def genitive_agents(a: Analysis) -> list[ActorMention]:
    """Actor mentions of the side words that stand right after an attack noun, where no actor
    mention covers them yet."""
    doc = a.doc
    taken = {t for x in a.actors for t in range(x.tok_start, x.tok_end)}
    nouns = cue_words("attack_noun_agent")
    countries = set(a.places.countries or [])
    kb = load_actor_kb()
    out: list[ActorMention] = []
    for m in _sides().find(doc):
        actor, scope = m.payload
        if m.tok_start == 0 or any(t in taken for t in range(m.tok_start, m.tok_end)):
            continue
        if scope and not countries & set(scope):
            continue
        before = doc.tokens[m.tok_start - 1].text
        if before not in nouns and not (before[:1] in "وبفل" and before[1:] in nouns) and \
                not (before[:2] in ("وب", "ول", "فب") and before[2:] in nouns):
            continue
        out.append(ActorMention(doc.tokens[m.tok_start].start, doc.tokens[m.tok_end - 1].end,
                                doc.text[doc.tokens[m.tok_start].start:doc.tokens[m.tok_end - 1].end],
                                actor, kb.inter(actor), tok_start=m.tok_start, tok_end=m.tok_end))
    return out
