"""Cue words (``kb/data/cues.tsv``): negation, modality, background, place roles and more.

``cue_matcher(cue)`` matches the phrases of one category; ``cue_starts(doc, cue)``
maps the token where each match starts to the token after it.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.arabic.matcher import PhraseMatcher
from marsad.arabic.tokenise import Doc
from marsad.errors import KnowledgeBaseError
from marsad.kb import load_table


@lru_cache(maxsize=None)
def cue_matcher(cue: str, *, suffixes: bool = True) -> PhraseMatcher:
    """A matcher over the phrases of one category of ``kb/data/cues.tsv``.

    ``suffixes=False`` matches the phrases as written, with proclitics but no attached
    pronoun ("بقرية" is a place noun, "المدني" is not "مدن" + ي)."""
    matcher = PhraseMatcher(suffixes=suffixes)
    for row in load_table("cues.tsv", required=("cue", "phrase")):
        if row["cue"] == cue:
            matcher.add(row["phrase"], cue)
    if not matcher.size:
        raise KnowledgeBaseError(f"no phrases for cue {cue!r}", where="cues.tsv")
    return matcher


def cue_starts(doc: Doc, cue: str) -> dict[int, int]:
    """Token index where each phrase of ``cue`` starts -> the token after its end."""
    return {m.tok_start: m.tok_end for m in cue_matcher(cue).find(doc)}
