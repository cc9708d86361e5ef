"""Cue words (``kb/data/cues.tsv``): negation, modality, background, place roles and more.

``cue_matcher(cue)`` matches the phrases of one category; ``cue_starts(doc, cue)``
maps the token where each match starts to the token after it. ``cue_words(cue)``
is a category as a set of normalised words, for rules that compare a token's text
with the words themselves (no clitic is set aside); ``cue_phrases(cue)`` is the
same as a tuple, for ``str.startswith`` and substring tests.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.arabic.matcher import PhraseMatcher
from marsad.arabic.normalise import normalise_term
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


@lru_cache(maxsize=None)
def cue_phrases(cue: str) -> tuple[str, ...]:
    """The phrases of one category, normalised like article text, each once, in file order.

    >>> "الي" in cue_phrases("destination_preposition")
    True
    """
    phrases: dict[str, None] = {}
    for row in load_table("cues.tsv", required=("cue", "phrase")):
        if row["cue"] == cue:
            term = normalise_term(row["phrase"])
            if term:
                phrases[term] = None
    if not phrases:
        raise KnowledgeBaseError(f"no phrases for cue {cue!r}", where="cues.tsv")
    return tuple(phrases)


@lru_cache(maxsize=None)
def cue_words(cue: str) -> frozenset[str]:
    """The normalised words (or phrases) of one category, for exact comparison with a
    token's text: "بريف" is in a set only when the category lists it, not because "ريف" is."""
    return frozenset(cue_phrases(cue))
