"""Arabic normalisation that remembers where every character came from.

``normalise(raw)`` returns a :class:`Normalised` whose ``text`` is what the
matchers see and whose ``to_raw`` maps each normalised character back to the
raw text, so evidence always points at the original characters.

What it does, character by character:

* removes diacritics (harakat, tanween, shadda, sukun, superscript alef,
  Quranic marks), tatweel, bidi marks and zero-width characters;
* folds alef variants (أ إ آ ٱ -> ا), alef maqsura (ى -> ي), ta marbuta
  (ة -> ه), Persian kaf/yeh, and Arabic-Indic and Persian digits to ASCII;
* folds every kind of horizontal space to one space (runs collapse) and
  CR/LF to ``\\n``; lower-cases Latin letters.

>>> n = normalise("مقتل ِأكثر من مئةٍ")
>>> n.text
'مقتل اكثر من مئه'
>>> n.raw_span(0, len(n.text))
(0, 18)
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_REMOVE = set()
_REMOVE.update(chr(c) for c in range(0x064B, 0x0660))  # harakat, tanween, shadda, sukun, hamza marks
_REMOVE.update(chr(c) for c in range(0x06D6, 0x06EE))  # Quranic annotation marks
_REMOVE.update(chr(c) for c in range(0x0610, 0x061B))  # honorifics and small signs
_REMOVE.update({"\u0670", "\u0640"})  # superscript alef, tatweel
_REMOVE.update({"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u00ad", "\u061c"})
_REMOVE.update(chr(c) for c in range(0x202A, 0x202F))  # embeddings and overrides
_REMOVE.update(chr(c) for c in range(0x2066, 0x206A))  # isolates

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ھ": "ه",
    "ک": "ك", "ڪ": "ك",
    "٫": ".", "٬": ",",
}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian digits

_SPACES = {" ", "\t", "\u00a0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005",
           "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000", "\x0b", "\x0c"}
_NEWLINES = {"\n", "\r", "\u2028", "\u2029", "\x85"}


def _fold_char(ch: str) -> str:
    """Map one raw character to its normalised form ("" to drop it)."""
    if ch in _REMOVE:
        return ""
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped
    if "\ufb50" <= ch <= "\ufeff" or "\uff00" <= ch <= "\uffef":
        # presentation forms and full-width characters: NFKC gives the letters (a character NFKC
        # leaves as it is, such as the emoji variation selector U+FE0F, is folded below)
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch:
            return "".join(_fold_char(c) for c in folded)
    if ch.isascii():
        return ch.lower()
    if unicodedata.category(ch) in ("Mn", "Cf"):
        # any other combining mark, and any invisible format character (word joiner U+2060,
        # invisible operators U+2061-2064, bidi isolates, U+180E): pasted text carries them inside words
        return ""
    if unicodedata.category(ch) == "Cc":
        return " "
    return ch.lower() if len(ch.lower()) == 1 else ch


@dataclass(frozen=True)
class Normalised:
    raw: str
    text: str
    to_raw: tuple[int, ...]  # len(text) + 1 entries; the last is len(raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the normalised slice ``text[start:end]``.

        The end is extended over characters normalisation dropped right after
        the slice (diacritics, tatweel), so a word keeps its tanween.
        """
        if end <= start:
            pos = self.to_raw[start]
            return pos, pos
        raw_start = self.to_raw[start]
        raw_end = self.to_raw[end - 1] + 1
        limit = self.to_raw[end] if end < len(self.text) else len(self.raw)
        while raw_end < limit and _fold_char(self.raw[raw_end]) == "":
            raw_end += 1
        return raw_start, raw_end

    def raw_slice(self, start: int, end: int) -> str:
        a, b = self.raw_span(start, end)
        return self.raw[a:b]


# Characters met so far, by what normalisation does with them. A "regular" character folds
# to exactly one character that is not a space or a newline: runs of them (and single spaces
# between them) are translated in one call, with an identity offset map. Everything else
# (diacritics, bidi marks, space runs, newlines, ligatures) goes through the loop below.
_FOLDED: dict[str, str] = {}
_TABLE: dict[int, str] = {}      # regular characters that change, for str.translate
_IRREGULAR: set[str] = set()
_RUNS: dict[frozenset, re.Pattern] = {}


def _learn(ch: str) -> None:
    folded = "\n" if ch in _NEWLINES else " " if ch in _SPACES else _fold_char(ch)
    _FOLDED[ch] = folded
    if len(folded) != 1 or folded in " \n":
        if ch != " ":
            _IRREGULAR.add(ch)
    elif folded != ch:
        _TABLE[ord(ch)] = folded


def _irregular_runs(chars: frozenset) -> re.Pattern:
    """Runs of the document's irregular characters and spaces that hold at least one of them,
    runs of two spaces or more, and leading spaces."""
    rx = _RUNS.get(chars)
    if rx is None:
        if len(_RUNS) > 1024:
            _RUNS.clear()
        cls = "".join(re.escape(c) for c in sorted(chars))
        alternatives = [f"[{cls} ]*[{cls}][{cls} ]*"] if cls else []
        rx = _RUNS[chars] = re.compile("|".join(alternatives + ["  +", "^ +"]))
    return rx


def normalise(raw: str) -> Normalised:
    chars = set(raw)
    for ch in chars.difference(_FOLDED):
        _learn(ch)
    n = len(raw)
    runs = _irregular_runs(frozenset(chars & _IRREGULAR))
    out: list[str] = []
    to_raw: list[int] = []
    last_space = True  # drops leading spaces and collapses runs
    pos = 0
    for m in runs.finditer(raw):
        a, b = m.span()
        if a > pos:
            out.append(raw[pos:a].translate(_TABLE))
            to_raw.extend(range(pos, a))
            last_space = False
        i = a
        while i < b:
            ch = raw[i]
            if ch in _NEWLINES:
                if ch == "\r" and i + 1 < n and raw[i + 1] == "\n":
                    i += 1  # CRLF: map the newline to the LF
                # a newline replaces a preceding space
                if out and out[-1] == " ":
                    out.pop()
                    to_raw.pop()
                out.append("\n")
                to_raw.append(i)
                last_space = True
                i += 1
                continue
            if ch in _SPACES and _split_by_tatweel(raw, i, a, b):
                i += 1  # "مجـ ـزرة": a word split by tatweels around a space, to slip past filters
                continue
            for piece in _FOLDED[ch]:
                if piece == " ":
                    if last_space:
                        continue
                    last_space = True
                else:
                    last_space = False
                out.append(piece)
                to_raw.append(i)
            i += 1
        pos = b
    if pos < n:
        out.append(raw[pos:].translate(_TABLE))
        to_raw.extend(range(pos, n))
    to_raw.append(n)
    return Normalised(raw=raw, text="".join(out), to_raw=tuple(to_raw))


TATWEEL = "\u0640"


def _split_by_tatweel(raw: str, i: int, lo: int, hi: int) -> bool:
    """Is the space at ``i`` inside a word written apart with a tatweel on each side ("مجـ ـزرة"،
    "انتهـ ـاكات"), within the run ``lo:hi``?"""
    j = i - 1
    while j >= lo and raw[j] in _SPACES:
        j -= 1
    k = i + 1
    while k < hi and raw[k] in _SPACES:
        k += 1
    return j >= lo and k < hi and raw[j] == TATWEEL and raw[k] == TATWEEL


def normalise_term(term: str) -> str:
    """Normalise a lexicon entry the same way as article text."""
    return normalise(term).text.strip()


def definite(word: str) -> bool:
    """الهجوم، بالانفجار، وللهجوم: the word carries the article after its proclitics."""
    return any(form.startswith("ال") and len(form) > 4 for form in (word, word[1:], word[2:])) or \
        (word.startswith("لل") and len(word) > 4)
