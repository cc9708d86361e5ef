"""Find lexicon phrases in a :class:`~marsad.arabic.tokenise.Doc`, clitics and all.

One matcher serves actors, triggers, places and cue words. A phrase is
stored as its normalised tokens; in the text its first token may carry
proclitics (و ف ب ل ك ال) and its last token an attached pronoun, so the
entry ``قصف`` matches ``بقصف`` and the entry ``بيان`` matches ``بيانها``.

>>> from marsad.arabic.tokenise import make_doc
>>> m = PhraseMatcher()
>>> m.add("قوات سوريا الديمقراطية", "SDF")
>>> [x.payload for x in m.find(make_doc("وقوات سوريا الديمقراطية تقول"))]
['SDF']
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from marsad.arabic.normalise import normalise_term
from marsad.arabic.tokenise import (WORD_CACHE_SIZE, Doc, all_candidates, stem_candidates, suffix_candidates,
                                    tokenise)


@dataclass(frozen=True)
class Match:
    tok_start: int
    tok_end: int  # exclusive
    payload: Any
    cost: int     # letters of clitics set aside to match
    phrase: str   # the normalised lexicon phrase


# The first tokens of every matcher's phrases. A document's form index keeps only the forms
# found here (a small share of all forms); its version changes whenever a new one is added.
_FIRSTS: set[str] = set()
_firsts_version = 0


def _note_first_token(token: str) -> None:
    global _firsts_version
    if token not in _FIRSTS:
        _FIRSTS.add(token)
        _firsts_version += 1
        _INDEXED_FORMS.clear()


# kind -> word -> its forms that start some phrase (bounded: emptied when it grows too big)
_INDEXED_FORMS: dict[str, dict[str, tuple[tuple[str, int, int], ...]]] = {}
_INDEXED_MAX = WORD_CACHE_SIZE


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _stem_forms(word: str) -> frozenset[str]:
    return frozenset(f for f, _ in stem_candidates(word))


def _indexed_forms(word: str, kind: str) -> tuple[tuple[str, int, int], ...]:
    """(form, rank, cost) of the forms of ``word`` that start some phrase: rank is the form's
    place among all the word's forms of that kind, cheapest first."""
    return tuple((form, rank, cost) for rank, (form, cost) in enumerate(PhraseMatcher._forms_of(word, kind))
                 if form in _FIRSTS)


class PhraseMatcher:
    """A token trie of normalised phrases.

    ``min_stem`` is the shortest first-token stem that may match with a
    clitic set aside: gazetteers full of two-letter names want 3.
    """

    def __init__(self, *, clitics: bool = True, min_stem: int = 2, suffixes: bool = True,
                 final_suffixes: bool | None = None):
        self._root: dict = {}
        self.clitics = clitics
        self.min_stem = min_stem
        self.suffixes = suffixes
        # may a pronoun close a phrase? Place names want "جبلي الأكراد" (dual construct inside a
        # name) but not "الجولاني" read as "الجولان" + ي
        self.final_suffixes = suffixes if final_suffixes is None else final_suffixes
        self.size = 0
        # words a phrase may take inside it and still match (a manner adverb: "أطلق النار بشكل
        # مباشر على"): first token -> the tails that complete the insert
        self._inserts: dict[str, list[tuple[str, ...]]] = {}

    def allow_inserts(self, phrases: Iterable[str]) -> None:
        """Let a phrase of two or more words match with one of ``phrases`` between two of its
        words (never before its first word nor after its last)."""
        for phrase in phrases:
            tokens = tuple(t.text for t in tokenise(normalise_term(phrase)))
            if tokens:
                self._inserts.setdefault(tokens[0], []).append(tokens[1:])

    def add(self, phrase: str, payload: Any) -> None:
        self.add_tokens(tuple(t.text for t in tokenise(normalise_term(phrase))), payload)

    def add_tokens(self, tokens: tuple[str, ...], payload: Any) -> None:
        """Add a phrase given as its normalised tokens (as :meth:`add` would make them)."""
        if not tokens:
            return
        if tokens[0] not in self._root:
            _note_first_token(tokens[0])
        node = self._root
        for tok in tokens:
            node = node.setdefault(tok, {})
        node.setdefault(None, []).append((payload, " ".join(tokens)))
        self.size += 1

    def add_many(self, items: Iterable[tuple[str, Any]]) -> None:
        for phrase, payload in items:
            self.add(phrase, payload)

    @property
    def _form_kind(self) -> str:
        if not self.clitics:
            return "suffixes" if self.suffixes else "plain"
        return "all" if self.suffixes else "stems"

    @staticmethod
    def _forms_of(word: str, kind: str) -> tuple[tuple[str, int], ...]:
        """The forms a first token may stand for, cheapest first."""
        if kind == "all":
            return all_candidates(word)
        if kind == "stems":
            return stem_candidates(word)
        if kind == "suffixes":
            return ((word, 0),) + suffix_candidates(word)
        return ((word, 0),)

    @classmethod
    def _form_index(cls, doc: Doc, kind: str) -> dict[str, list[tuple[int, int, int]]]:
        """form -> [(token, rank of the form among the token's forms, cost)], made once per doc,
        for the forms that start a phrase of some matcher (made again if a matcher was filled
        since: matchers are built lazily)."""
        key = ("forms", kind)
        cached = doc.cache.get(key)
        if cached is not None and cached[0] == _firsts_version:
            return cached[1]
        index: dict[str, list[tuple[int, int, int]]] = {}
        known = _INDEXED_FORMS.setdefault(kind, {})
        if len(known) > _INDEXED_MAX:
            known.clear()
        for i, tok in enumerate(doc.tokens):
            forms = known.get(tok.text)
            if forms is None:
                forms = known[tok.text] = _indexed_forms(tok.text, kind)
            for form, rank, cost in forms:
                found = index.get(form)
                if found is None:
                    index[form] = [(i, rank, cost)]
                else:
                    found.append((i, rank, cost))
        doc.cache[key] = (_firsts_version, index)
        return index

    def find_all(self, doc: Doc, tok_start: int = 0, tok_end: int | None = None) -> list[Match]:
        """Every match, overlapping ones included. The whole text is matched once per matcher
        and document; a range is a filter of that (a phrase never runs past ``tok_end``)."""
        key = ("matches", self)
        found = doc.cache.get(key)
        if found is None:
            found = doc.cache[key] = self._find_all(doc)
        end = len(doc.tokens) if tok_end is None else tok_end
        if not found or (tok_start == 0 and end == len(doc.tokens)):
            return list(found)
        # the matches come in order of their first token: look at those starting in the range only,
        # not at every match of the document for every sentence (square cost on long documents)
        starts = doc.cache.get(("match starts", self))
        if starts is None:
            starts = [m.tok_start for m in found]
            if any(a > b for a, b in zip(starts, starts[1:])):
                starts = []  # not in order (never so far): filter them all
            doc.cache[("match starts", self)] = starts
        if not starts:
            return [m for m in found if m.tok_start >= tok_start and m.tok_end <= end]
        lo, hi = bisect_left(starts, tok_start), bisect_right(starts, end)
        return [m for m in found[lo:hi] if m.tok_end <= end]

    def _find_all(self, doc: Doc) -> list[Match]:
        tokens = doc.tokens
        end = len(tokens)
        index = self._form_index(doc, self._form_kind)
        root = self._root
        # the first tokens of phrases that occur here (a set operation walks the smaller side)
        forms = root.keys() & index.keys()
        if not forms:
            return []
        starts = sorted((i, rank, form, cost) for form in forms for i, rank, cost in index[form])
        out: list[Match] = []
        plain: dict[int, frozenset[str]] = {}
        for i, _, form, cost in starts:
            node = root[form]
            if not self.final_suffixes:
                if i not in plain:
                    plain[i] = _stem_forms(tokens[i].text)
                if form not in plain[i]:
                    # a pronoun set aside on the first token: only inside a longer phrase
                    node = {k: v for k, v in node.items() if k is not None}
            self._walk(tokens, node, i, i + 1, end, cost, out)
        return out

    def _walk(self, tokens, node, start, j, end, cost, out) -> None:
        """Matches from ``start`` down the trie. At each depth: the phrases ending there, then
        (deeper) those going on with the next word as it is, then those closed by the next word
        with an attached pronoun (قوات + نا), in that order."""
        min_stem = self.min_stem
        closing = self.suffixes and self.final_suffixes
        pending: list[list[Match]] = []  # pronoun-closed matches of each depth, emitted last
        while True:
            ends = node.get(None)
            if ends:
                for payload, phrase in ends:
                    # a short name behind a clitic is too often a plain word (بنش is not ب + نش)
                    if cost and len(phrase) - phrase.count(" ") < min_stem:
                        continue
                    out.append(Match(start, j, payload, cost, phrase))
            if j >= end or len(node) == (1 if ends else 0):
                break  # the text or the phrase ends here
            word = tokens[j].text
            if closing:
                closed = []
                for form, extra in suffix_candidates(word):
                    child = node.get(form)
                    if child is not None:
                        for payload, phrase in child.get(None, ()):
                            if len(phrase) - phrase.count(" ") >= min_stem:
                                closed.append(Match(start, j + 1, payload, cost + extra, phrase))
                if closed:
                    pending.append(closed)
            nxt = node.get(word)
            if nxt is None and j > start and word in self._inserts:
                j = self._past_insert(tokens, node, j, end)
                nxt = node.get(tokens[j].text) if j < end else None
            if nxt is None:
                break
            node = nxt
            j += 1
        for closed in reversed(pending):
            out.extend(closed)

    def _past_insert(self, tokens, node, j: int, end: int) -> int:
        """The token after an insert that starts at ``j`` and is followed by a word that goes on
        with the phrase at ``node``; ``j`` itself when there is none."""
        for tail in self._inserts[tokens[j].text]:
            k = j + 1 + len(tail)
            if k < end and all(tokens[j + 1 + n].text == w for n, w in enumerate(tail)) and \
                    tokens[k].text in node:
                return k
        return j

    def find(self, doc: Doc, tok_start: int = 0, tok_end: int | None = None) -> list[Match]:
        """Non-overlapping matches, longest first, then fewest clitic letters (made once per
        document and range: cue words are asked for again and again)."""
        key = ("find", self, tok_start, tok_end)
        found = doc.cache.get(key)
        if found is None:
            found = doc.cache[key] = self._find(doc, tok_start, tok_end)
        return list(found)

    def _find(self, doc: Doc, tok_start: int, tok_end: int | None) -> list[Match]:
        cands = self.find_all(doc, tok_start, tok_end)
        if not cands:
            return cands
        cands.sort(key=lambda m: (-(m.tok_end - m.tok_start), m.cost, m.tok_start))
        taken: set[int] = set()
        out: list[Match] = []
        for m in cands:
            span = range(m.tok_start, m.tok_end)
            if any(t in taken for t in span):
                continue
            # all payloads of the same phrase at the same place
            taken.update(span)
            out.append(m)
        # keep alternative payloads that matched the very same tokens and phrase
        chosen = {(m.tok_start, m.tok_end, m.phrase) for m in out}
        kept = {id(m) for m in out}
        extra = [c for c in cands
                 if (c.tok_start, c.tok_end, c.phrase) in chosen and id(c) not in kept and c not in out]
        out.extend(extra)
        out.sort(key=lambda m: (m.tok_start, m.tok_end))
        return out
