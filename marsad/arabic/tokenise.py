"""Tokens, clitic analyses and sentences over normalised Arabic text.

A token keeps its offsets in the normalised text; :class:`Doc` turns token
ranges back into raw-text :class:`~marsad.model.Span` objects.

Clitics are not cut out of the text. Instead each token lists the stems it
may stand for, so that ``وبحسب`` can match the entry ``بحسب``, ``للتنظيم`` the
entry ``التنظيم`` and ``سيطرتها`` the entry ``سيطره``:

>>> [s for s, _ in stem_candidates("للتنظيم")][:3]
['للتنظيم', 'لتنظيم', 'التنظيم']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.arabic.normalise import Normalised, normalise
from marsad.model import Span

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_SENT_END_RE = re.compile(r"(?<!\d)[.!?؟](?!\d)|[.!?؟](?=\s|$)|\n")

# Per-word caches (clitic readings and the like, here and in the extractors) hold the most
# recent words up to this many: enough for the words that make most of any text, and a bound
# on memory however large a corpus's vocabulary grows.
WORD_CACHE_SIZE = 10_000

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def stem_candidates(word: str) -> tuple[tuple[str, int], ...]:
    """Forms ``word`` may stand for once proclitics are set aside.

    Returns ``(form, cost)`` pairs, cost = letters set aside; the word itself
    comes first with cost 0. Suffix pronouns are in :func:`suffix_candidates`.
    """
    seen: dict[str, int] = {word: 0}

    def add(form: str, cost: int) -> None:
        if len(form) >= 2 and (form not in seen or seen[form] > cost):
            seen[form] = cost

    for conj in ("",) + CONJUNCTIONS:
        if conj and not word.startswith(conj):
            continue
        rest1 = word[len(conj):]
        for prep in ("",) + PREPOSITIONS:
            if prep and not rest1.startswith(prep):
                continue
            rest2 = rest1[len(prep):]
            cost = len(conj) + len(prep)
            if cost:
                add(rest2, cost)
            if prep == "ل" and rest2.startswith("ل") and len(rest2) > 3:
                # لل = ل + ال: "للتنظيم" stands for "التنظيم"
                add("ا" + rest2, cost)
                add(rest2[1:], cost + 1)
            if rest2.startswith("ال") and len(rest2) > 3:
                add(rest2[2:], cost + 2)
    return tuple(sorted(seen.items(), key=lambda kv: kv[1]))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def suffix_candidates(word: str) -> tuple[tuple[str, int], ...]:
    """Forms of ``word`` without one attached pronoun (بيانها -> بيان)."""
    out: list[tuple[str, int]] = []
    for suf in PRONOUN_SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            out.append((base, len(suf)))
            if base.endswith("ت"):
                out.append((base[:-1] + "ه", len(suf)))  # سيطرتها -> سيطره
    return tuple(out)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def all_candidates(word: str) -> tuple[tuple[str, int], ...]:
    """Stem candidates, each also with an attached pronoun set aside."""
    seen: dict[str, int] = {}
    for form, cost in stem_candidates(word):
        if form not in seen or seen[form] > cost:
            seen[form] = cost
        for base, scost in suffix_candidates(form):
            if base not in seen or seen[base] > cost + scost:
                seen[base] = cost + scost
    return tuple(sorted(seen.items(), key=lambda kv: kv[1]))


@dataclass(frozen=True)
class Token:
    index: int
    start: int  # offsets in the normalised text
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # normalised offsets
    end: int
    tok_start: int  # token range [tok_start, tok_end)
    tok_end: int
    paragraph: int
    is_heading: bool = False


@dataclass
class Doc:
    """An article's text, normalised, tokenised and split into sentences."""

    norm: Normalised
    tokens: list[Token]
    sentences: list[Sentence] = field(default_factory=list)
    _tok_sentence: list[int] = field(default_factory=list)
    # what matchers worked out about this text once, for every later stage (see PhraseMatcher)
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def raw(self) -> str:
        return self.norm.raw

    @property
    def text(self) -> str:
        return self.norm.text

    def span(self, nstart: int, nend: int) -> Span:
        """Raw-text span of the normalised slice [nstart, nend)."""
        a, b = self.norm.raw_span(nstart, nend)
        return Span(a, b, self.norm.raw[a:b])

    def token_span(self, tok_start: int, tok_end: int) -> Span:
        return self.span(self.tokens[tok_start].start, self.tokens[tok_end - 1].end)

    @property
    def token_sentences(self) -> list[int]:
        """The index of each token's sentence."""
        return self._tok_sentence

    def sentence_of_token(self, tok: int) -> Sentence:
        return self.sentences[self._tok_sentence[tok]]

    def sentence_at(self, nstart: int) -> Sentence:
        for sent in self.sentences:
            if sent.start <= nstart < max(sent.end, sent.start + 1):
                return sent
        return self.sentences[-1]

    def token_at(self, nstart: int) -> int:
        """Index of the token that starts at or covers normalised offset ``nstart``."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= nstart:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def sentence_text(self, sent: Sentence) -> str:
        return self.text[sent.start:sent.end]


def tokenise(text: str) -> list[Token]:
    return [Token(i, m.start(), m.end(), m.group()) for i, m in enumerate(_TOKEN_RE.finditer(text))]


_LATIN_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)$")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A]")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from marsad.kb import load_table

    return frozenset(row["term"].strip().lower() for row in load_table("abbreviations.tsv", required=("term",)))


def _after_abbreviation(text: str, dot: int) -> bool:
    """Does the full stop at ``dot`` close an English abbreviation or an initial, Latin or Arabic
    (Jan. 3، Gen. X، U.S.، د.ب.أ)?"""
    if text[dot] != "." or dot + 1 >= len(text) or text[dot + 1] == "\n":
        return False
    if text[dot + 1] in "،,":
        return True  # "شمالي البصرة.، الى مقتل شخصين": a stray stop before the sentence's comma
    lo = max(0, dot - SPACED_DATE_REACH)
    if any(lo + m.start() <= dot < lo + m.end() for m in _SPACED_DATE_RE.finditer(text[lo:dot + SPACED_DATE_REACH])):
        return True  # a date written with spaced stops: "السبت 29 . 06 . 2019"
    if dot >= 1 and _ARABIC_LETTER_RE.match(text[dot - 1]) and (dot < 2 or not text[dot - 2].isalpha()):
        return True  # an Arabic initial: the agencies' (د.ب.أ)، (أ.ف.ب)، (و.ص.ف)
    if _spelled_initials(text, dot):
        return True  # Latin initials spelled in Arabic: "إن.تي.في"، "سي.إن.إن"، "بي.بي.سي"
    m = _LATIN_WORD_BEFORE_RE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in _abbreviations()


# A day, month and year written with spaced full stops ("29 . 06 . 2019"), from a point a few
# characters before a stop that may be one of its two stops.
_SPACED_DATE_RE = re.compile(r"(?<!\d)\d{1,2} ?\. ?\d{1,2} ?\. ?\d{4}(?!\d)")
# How far on either side of a stop such a date may reach (characters).
SPACED_DATE_REACH = 14


# Longest Arabic spelling of one Latin letter (إن، تي، سي، إم، إيه).
SPELLED_LETTER_CHARS = 3


def _spelled_initials(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` between two Latin letters spelled in Arabic, with no space
    ("إن.تي.في"): a short Arabic word right before it and a short one right after it that ends at
    another dot or at no letter? "طرابلس.وقال" (a missing space after a sentence) is no such run."""
    lo = dot
    while lo > 0 and _ARABIC_LETTER_RE.match(text[lo - 1]):
        lo -= 1
    hi = dot + 1
    while hi < len(text) and _ARABIC_LETTER_RE.match(text[hi]):
        hi += 1
    return 1 <= dot - lo <= SPELLED_LETTER_CHARS and 1 <= hi - dot - 1 <= SPELLED_LETTER_CHARS and \
        (lo == 0 or not text[lo - 1].isalpha()) and (hi >= len(text) or not text[hi].isalpha()) and \
        "." in (text[lo - 1:lo] + text[hi:hi + 1])


# Longest headline (characters) at the top of a text, and longest subhead after body text.
HEADLINE_CHARS = 200
SUBHEAD_CHARS = 140


def split_sentences(text: str) -> list[tuple[int, int, int, bool]]:
    """Sentence boundaries as (start, end, paragraph, is_heading) in ``text``.

    Splits at . ! ? ؟ (not inside a number such as 2.5) and at line breaks;
    a line without final punctuation that is followed by a blank line or
    stands first is a heading, and so is each part of it before ".." (a headline in parts).
    """
    out: list[tuple[int, int, int, bool]] = []
    paragraph = 0
    start = 0
    line_first = 0  # index in ``out`` of the current line's first sentence
    for m in _SENT_END_RE.finditer(text):
        if m.group() == "." and _after_abbreviation(text, m.start()):
            continue
        end = m.end() if m.group() != "\n" else m.start()
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            s = start + lead
            e = start + len(piece.rstrip())
            is_line_end = m.group() == "\n" or end >= len(text)
            heading = m.group() == "\n" and not text[s:e].rstrip().endswith((".", "!", "?", "؟", ":", "،"))
            # a headline stands at the top, before any body sentence, and may be long; a line without
            # a full stop after body text that is longer than a subhead is a paragraph that lost its stop
            longest = HEADLINE_CHARS if all(o[3] for o in out) else SUBHEAD_CHARS
            out.append((s, e, paragraph, heading and is_line_end and (e - s) < longest))
            if out[-1][3]:
                # a headline in parts ("معركة طرابلس.. قوات حفتر تصعّد"): each part before ".." is
                # the headline's too
                for i in range(line_first, len(out) - 1):
                    ps, pe = out[i][0], out[i][1]
                    if text[pe - 1:pe + 1] == ".." or "…" in text[pe - 1:pe + 1] or not text[ps:pe].strip(".…"):
                        out[i] = out[i][:3] + (True,)
        if m.group() == "\n":
            line_first = len(out)
            # a blank line starts a new paragraph
            nxt = m.end()
            if nxt < len(text) and text[nxt] == "\n":
                paragraph += 1
            elif out and out[-1][3]:
                paragraph += 1
        start = m.end()
    piece = text[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        out.append((start + lead, start + len(piece.rstrip()), paragraph, False))
    return out


def make_doc(raw: str) -> Doc:
    norm = normalise(raw)
    tokens = tokenise(norm.text)
    doc = Doc(norm=norm, tokens=tokens)
    tok_sentence = [0] * len(tokens)
    ti = 0
    for si, (s, e, para, heading) in enumerate(split_sentences(norm.text)):
        t0 = ti
        while ti < len(tokens) and tokens[ti].start < e:
            if tokens[ti].start >= s:
                tok_sentence[ti] = si
            ti += 1
        doc.sentences.append(Sentence(si, s, e, t0, ti, para, heading))
    if not doc.sentences:
        doc.sentences.append(Sentence(0, 0, len(norm.text), 0, len(tokens), 0, False))
    doc._tok_sentence = tok_sentence
    return doc
