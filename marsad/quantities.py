"""Numbers in Arabic (and a little English) news text.

:func:`find_quantities` reads digits in either script, number words in every
case and gender (``خمسةُ عشر``, ``مئتي``, ``ثلاثمائة``, ``ثلاثة آلاف وخمسمئة``),
mixed forms (``3 آلاف``), vague quantities (``عشرات`` -> 10) and the
qualifiers around them (``أكثر من``، ``نحو``، ``على الأقل``), and gives
:class:`~marsad.model.Quantity` records with offsets into the RAW text.

>>> from marsad.arabic.tokenise import make_doc
>>> [(q.text, q.value, q.qualifier) for q in find_quantities(make_doc("مقتل ِأكثر من مئة وخمسة وسبعين عنصراً"))]
[('أكثر من مئة وخمسة وسبعين', 175, 'more_than')]
>>> parse_number("ثلاثة آلاف وخمسمئة")
3500

Conventions:

* A proclitic on the first number word (``وأربعة``، ``بخمسة``، ``لثلاثة``) is
  not part of the value, and the Quantity span starts after it; ``tok_start``
  is still that token.
* Duals of person nouns (``شخصان``، ``طفلين``، ``قتيلان``) are the number 2;
  the Quantity span is the noun (and a following ``اثنين`` if any).
* ``value`` is conservative: ``أكثر من 175`` -> 175 (low 175, high None);
  ``نحو 180`` -> 180 (low 162, high 198); ``أقل من 10`` -> 9 (high 10);
  ``عشرات`` -> 10 (low 10, high 99, vague); ``عدد من`` -> None (vague).
* Dates written with separators (``12.01.2019``) and clock times (``10:30``)
  are returned with ``value=None``; :func:`quantity_unit` says ``"date"`` /
  ``"time"`` for them. Years, days of the month, percentages, distances,
  durations, weapons and vehicles are ordinary quantities whose
  :func:`quantity_unit` is not None: such a number never counts people.
* Ordinals (``الثالث``، ``الحادي عشر``) are not quantities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalise import normalise_term
from marsad.arabic.tokenise import WORD_CACHE_SIZE, Doc, make_doc
from marsad.errors import KnowledgeBaseError
from marsad.once import once
from marsad.kb import load_table
from marsad.model import Quantity

__all__ = ["find_quantities", "parse_number", "quantity_unit", "is_person_count"]

# Proclitics a number word may carry: conjunction, then preposition.
_PREFIXES = tuple(sorted({c + p for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك")}, key=lambda x: (len(x), x)))
_DIGITS_RE = re.compile(r"^(\d+)([^\d]*)$")
_ANY_DIGIT = re.compile(r"\d")
_DATE_RE = re.compile(r"^\d{1,4}([./-])\d{1,2}\1\d{1,4}$")
_TIME_RE = re.compile(r"^\d{1,2}:\d{2}$")


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, tuple[str, int | None, str]]   # form -> (kind, value, info) for number words
    vague: dict[tuple[str, ...], tuple[int | None, int | None, int | None]]  # phrase -> value, low, high
    qual_before: dict[tuple[str, ...], str]
    qual_after: dict[tuple[str, ...], str]
    ordinals: frozenset[str]
    units: dict[str, str]            # unit noun -> category
    unit_phrases: dict[tuple[str, ...], str]
    months: frozenset[tuple[str, ...]]
    year_cues: frozenset[str]
    percent: frozenset[tuple[str, ...]]
    hundred_forms: tuple[str, ...]
    person_duals: frozenset[str]
    max_phrase: int
    firsts: dict[int, frozenset[str]]   # id(phrase table) -> its first words


def _norm_tokens(form: str) -> tuple[str, ...]:
    return tuple(normalise_term(form).split())


def _int_or_none(cell: str, row: dict) -> int | None:
    if not cell:
        return None
    try:
        return int(cell)
    except ValueError:
        raise KnowledgeBaseError(f"not an integer: {cell!r}", where=f"number_words.tsv:{row['_line']}")


@once
def _lexicon() -> _Lexicon:
    words: dict[str, tuple[str, int | None, str]] = {}
    vague: dict[tuple[str, ...], tuple[int | None, int | None, int | None]] = {}
    qual_before: dict[tuple[str, ...], str] = {}
    qual_after: dict[tuple[str, ...], str] = {}
    ordinals: set[str] = set()
    units: dict[str, str] = {}
    unit_phrases: dict[tuple[str, ...], str] = {}
    months: set[tuple[str, ...]] = set()
    year_cues: set[str] = set()
    percent: set[tuple[str, ...]] = set()
    hundreds: list[str] = []
    for row in load_table("number_words.tsv", required=("form", "kind")):
        toks = _norm_tokens(row["form"])
        kind, info = row["kind"], row.get("info", "")
        value = _int_or_none(row.get("value", ""), row)
        if kind in ("unit", "ten", "tens", "hundred", "hundreds", "scale"):
            if len(toks) != 1 or value is None:
                raise KnowledgeBaseError("number words are single words with a value",
                                         where=f"number_words.tsv:{row['_line']}")
            words[toks[0]] = (kind, value, info)
            if kind == "hundred":
                hundreds.append(toks[0])
        elif kind == "vague":
            low = high = None
            if info:
                lo, _, hi = info.partition("..")
                low, high = _int_or_none(lo, row), _int_or_none(hi, row)
            vague[toks] = (value, low, high)
        elif kind == "qualifier":
            name, _, pos = info.partition(":")
            (qual_after if pos == "after" else qual_before)[toks] = name
        elif kind == "ordinal":
            ordinals.add(toks[0])
        elif kind == "unit_noun":
            if len(toks) == 1:
                units[toks[0]] = info
            else:
                unit_phrases[toks] = info
        elif kind == "month":
            months.add(toks)
        elif kind == "year_cue":
            year_cues.add(toks[0])
        elif kind == "percent":
            percent.add(toks)
        else:
            raise KnowledgeBaseError(f"unknown kind {kind!r}", where=f"number_words.tsv:{row['_line']}")
    duals: set[str] = set()
    for row in load_table("casualty_words.tsv", required=("form", "kind")):
        if row.get("number") == "du" and row["kind"] in ("victim", "death", "injury"):
            toks = _norm_tokens(row["form"])
            if len(toks) == 1:
                duals.add(toks[0])
    phrases = list(vague) + list(qual_before) + list(qual_after)
    firsts = {id(t): frozenset(k[0] for k in t) for t in (vague, qual_before, qual_after)}
    return _Lexicon(words, vague, qual_before, qual_after, frozenset(ordinals), units, unit_phrases,
                    frozenset(months), frozenset(year_cues), frozenset(percent),
                    tuple(sorted(hundreds, key=len, reverse=True)), frozenset(duals),
                    max(len(p) for p in phrases), firsts)


# --------------------------------------------------------------------------- atoms

@dataclass(frozen=True)
class _Atom:
    kind: str          # unit ten tens hundred hundreds scale digits
    value: float       # digits may be decimal (1.5 مليون)
    info: str          # unit: "teen"; scale: sg|pl|du|du_acc; digits: "date"|"time"|"" ...
    wa: bool           # joined to what precedes by و
    clitic: int        # letters of proclitic before the number on the first token
    tok_end: int       # exclusive (a digit group with separators spans several tokens)
    word: bool         # a written-out word (not digits)


def _strip(word: str, *, allow_short: bool = False) -> tuple[tuple[str, str], ...]:
    """(stem, prefix) readings of ``word``, the bare word first."""
    return _strip_cached(word, allow_short)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _strip_cached(word: str, allow_short: bool) -> tuple[tuple[str, str], ...]:
    return tuple(_strip_iter(word, allow_short))


def _strip_iter(word: str, allow_short: bool):
    for pre in _PREFIXES:
        if pre and not word.startswith(pre):
            continue
        stem = word[len(pre):]
        if not stem:
            continue
        # two-letter stems (ست) only bare or after و/ف: لست is "you are not"
        if len(stem) < 3 and pre not in ("", "و", "ف") and not allow_short:
            continue
        yield stem, pre


def _word_reading(word: str) -> tuple[str, int, str, str] | None:
    """(kind, value, info, prefix) when ``word`` is a number word, clitics allowed."""
    lex = _lexicon()
    for stem, pre in _strip(word):
        hit = lex.words.get(stem)
        if hit is not None:
            return hit[0], hit[1], hit[2], pre
        # glued hundreds: ثلاثمئة، ثمانمائة، تسعمئة
        for h in lex.hundred_forms:
            if stem.endswith(h) and len(stem) > len(h):
                head = lex.words.get(stem[: -len(h)])
                if head and head[0] == "unit" and 3 <= head[1] <= 9:
                    return "hundreds", head[1] * 100, "", pre
    return None


def _gap(doc: Doc, a: int, b: int) -> str:
    """Normalised text between token ``a`` and token ``b``."""
    return doc.text[doc.tokens[a].end:doc.tokens[b].start]


def _plain_gap(doc: Doc, a: int, b: int) -> bool:
    return _gap(doc, a, b).strip() == ""


def _digit_atom(doc: Doc, i: int) -> _Atom | None:
    tok = doc.tokens[i].text
    if not _ANY_DIGIT.search(tok):
        return None  # most words: no need to try every prefix
    pre = ""
    m = _DIGITS_RE.match(tok)
    if m is None:
        for p in _PREFIXES[1:] + ("ال", "وال", "بال", "لل", "فال"):
            if tok.startswith(p):
                m = _DIGITS_RE.match(tok[len(p):])
                if m:
                    pre = p
                    break
        if m is None:
            return None
    digits, suffix = m.group(1), m.group(2)
    end = i + 1
    info = "suffix:" + suffix if suffix else ""
    value: float = int(digits)
    if not suffix:
        # digit groups joined by separators: 1,200  1.200  2.5  12.01.2019  10:30
        groups = [digits]
        seps: list[str] = []
        j = i
        while j + 1 < len(doc.tokens):
            gap = _gap(doc, j, j + 1)
            nxt = doc.tokens[j + 1].text
            if len(gap) == 1 and gap in ",./:-" and nxt.isdigit():
                seps.append(gap)
                groups.append(nxt)
                j += 1
            else:
                break
        if seps:
            text = doc.text[doc.tokens[i].start + len(pre):doc.tokens[j].end]
            if _DATE_RE.match(text) and len(seps) == 2:
                return _Atom("digits", 0, "date", False, len(pre), j + 1, False)
            if _TIME_RE.match(text):
                return _Atom("digits", 0, "time", False, len(pre), j + 1, False)
            if all(s == seps[0] for s in seps) and seps[0] in ",." and len(groups[0]) <= 3 \
                    and all(len(g) == 3 for g in groups[1:]):
                value = int("".join(groups))
                end = j + 1
            elif len(seps) >= 1 and seps[0] == "." and len(groups[0]) <= 9:
                value = float(groups[0] + "." + groups[1])
                end = i + 2
            # other separators (5-6, 5/6): the first group alone
    return _Atom("digits", value, info, pre.startswith("و"), len(pre), end, False)


def _atom_at(doc: Doc, i: int, prev_wa: bool = False, joining: bool = False) -> _Atom | None:
    tok = doc.tokens[i].text
    reading = _word_reading(tok)
    if joining and reading is not None and reading[3] == "" and tok.startswith("و"):
        # وأحد عشر is written واحد once hamza is folded: inside a number read و + أحد
        alt = _word_reading(tok[1:])
        if alt is not None:
            reading = (alt[0], alt[1], alt[2], "و" + alt[3])
    if reading is not None:
        kind, value, info, pre = reading
        return _Atom(kind, value, info, prev_wa or pre.startswith("و"), len(pre), i + 1, True)
    atom = _digit_atom(doc, i)
    if atom is not None and prev_wa and not atom.wa:
        atom = _Atom(atom.kind, atom.value, atom.info, True, atom.clitic, atom.tok_end, False)
    return atom


# --------------------------------------------------------------------------- parsing

@dataclass
class _Parsed:
    value: int | None
    low: int | None
    high: int | None
    vague: bool
    tok_end: int
    clitic: int
    kind: str = "number"   # number | date | time


def _first_words(table: dict) -> frozenset[str]:
    """First words of a phrase table of the (cached, never mutated) lexicon."""
    lex = _lexicon()
    return lex.firsts[id(table)]


def _phrase_at(doc: Doc, i: int, table: dict, *, clitic_first: bool = True):
    """Longest phrase of ``table`` starting at token ``i``: (phrase, end, clitic) or None."""
    lex = _lexicon()
    firsts = _first_words(table)
    word = doc.tokens[i].text
    if word not in firsts and not (clitic_first and any(st in firsts for st, _ in _strip(word))):
        return None
    best = None
    for n in range(min(lex.max_phrase, len(doc.tokens) - i), 0, -1):
        toks = [t.text for t in doc.tokens[i:i + n]]
        if n > 1 and any(not _plain_gap(doc, k, k + 1) for k in range(i, i + n - 1)):
            continue
        rest = tuple(toks[1:])
        firsts = [(toks[0], "")]
        if clitic_first:
            firsts += [(s, p) for s, p in _strip(toks[0]) if p]
        for first, pre in firsts:
            key = (first,) + rest
            if key in table:
                best = (key, i + n, len(pre))
                break
        if best:
            break
    return best


def _dual_construct(doc: Doc, i: int) -> bool:
    """ألفا شخص (2000, dual construct) rather than ألفاً (1000, accusative).

    Tanween in the raw text marks the singular; otherwise a following word
    (the counted noun) marks the construct dual.
    """
    tok = doc.tokens[i]
    a, b = doc.norm.raw_span(tok.start, tok.end)
    if "\u064b" in doc.raw[a:b]:
        return False
    return i + 1 < len(doc.tokens) and _plain_gap(doc, i, i + 1) and \
        _word_reading(doc.tokens[i + 1].text) is None and not doc.tokens[i + 1].text.isdigit()


def _parse_at(doc: Doc, i: int) -> _Parsed | None:
    """The longest number starting at token ``i`` (without qualifiers)."""
    lex = _lexicon()
    tokens = doc.tokens
    n = len(tokens)
    # vague phrases: عدد من، عشرات (الآلاف)
    vp = _phrase_at(doc, i, lex.vague)
    if vp is not None:
        phrase, end, clitic = vp
        value, low, high = lex.vague[phrase]
        if value is not None and end < n and _plain_gap(doc, end - 1, end):
            nxt = _atom_at(doc, end)
            if nxt and nxt.kind == "scale" and nxt.info in ("pl", "pl_mult") and not nxt.wa:
                mult = int(nxt.value)
                return _Parsed(value * mult, (low or value) * mult, (high * mult) if high else None,
                               True, nxt.tok_end, clitic)
        return _Parsed(value, low, high, True, end, clitic)

    first = _atom_at(doc, i)
    if first is None:
        return None
    if first.kind == "digits" and first.info in ("date", "time"):
        return _Parsed(None, None, None, False, first.tok_end, first.clitic, first.info)
    if first.kind == "unit" and first.value == 0 and i > 0 and _atom_at(doc, i - 1):
        return None  # 12 صفر: the month Safar
    if first.kind == "ten" and i > 0 and tokens[i - 1].text in lex.ordinals:
        return None  # الحادي عشر: an ordinal
    total = 0
    cur: float = 0
    last_kind = ""
    last_unit = 0
    last_scale = float("inf")
    end = i
    clitic = first.clitic
    atom: _Atom | None = first
    j = i
    teen_pending = False
    # state before a و-join made right after a scale word: "270 ألفاً و330 ألفاً" are two
    # numbers, so when a scale that cannot join follows, the و-join is undone
    undo: tuple | None = None
    while atom is not None:
        k = atom.kind
        accepted = False
        after_scale_join = False
        if j == i:
            # the first atom
            if k == "scale":
                if atom.info.endswith("_mult"):
                    return None
                if atom.info == "pl":
                    # آلاف alone: "thousands", vague
                    v = int(atom.value)
                    return _Parsed(v, v, 10 * v - 1, True, atom.tok_end, clitic)
                mult = 2 if atom.info == "du" or (atom.info == "du_acc" and _dual_construct(doc, i)) else 1
                total += mult * int(atom.value)
                last_scale = atom.value
                last_kind = "scale"
            elif k == "unit":
                cur = atom.value
                last_unit = atom.value
                last_kind = "teen_only" if atom.info == "teen" else "unit"
                teen_pending = atom.info == "teen"
            else:
                cur = atom.value
                last_kind = k
            accepted = True
        elif not atom.wa:
            if k == "ten" and last_kind in ("unit", "teen_only") and cur % 100 == last_unit:
                cur += 10
                last_kind = "teen"
                teen_pending = False
                accepted = True
            elif k == "hundred" and last_kind == "unit" and 3 <= last_unit <= 9 and atom.word:
                cur = cur - last_unit + last_unit * 100
                last_kind = "hundreds"
                accepted = True
            elif k == "scale" and atom.info != "du":
                scale = atom.value
                info = atom.info.removesuffix("_mult")
                if last_kind == "scale" and scale > last_scale and cur == 0:
                    total *= int(scale)          # ألف مليون
                    last_scale = scale * last_scale
                    accepted = True
                elif cur > 0 and cur * scale < last_scale and not teen_pending:
                    if info == "pl" and not (last_kind in ("unit", "ten", "digits") and cur <= 10):
                        accepted = False         # آلاف wants 3..10 before it
                    else:
                        total += int(round(cur * scale))
                        cur = 0
                        last_scale = scale
                        last_kind = "scale"
                        accepted = True
        else:
            small = cur % 100
            if last_kind == "scale":
                after_scale_join = True
                saved = (total, cur, end, last_kind)
            if k == "unit" and atom.info != "teen" and cur % 100 == 0 and (cur > 0 or last_kind == "scale"):
                if atom.value > 0:
                    cur += atom.value
                    last_unit = atom.value
                    last_kind = "unit"
                    accepted = True
            elif k == "unit" and atom.info == "teen" and cur % 100 == 0 and (cur > 0 or last_kind == "scale"):
                cur += atom.value
                last_unit = atom.value
                last_kind = "teen_only"
                teen_pending = True
                accepted = True
            elif k == "ten" and cur % 100 == 0 and (cur > 0 or last_kind == "scale"):
                cur += 10
                last_kind = "ten"
                accepted = True
            elif k == "tens" and (cur > 0 or last_kind == "scale") and (
                    small == 0 or (last_kind == "unit" and small < 10)):
                cur += atom.value
                last_kind = "tens"
                accepted = True
            elif k in ("hundred", "hundreds") and last_kind == "scale" and cur == 0 \
                    and atom.value < last_scale:
                cur = atom.value
                last_kind = "hundreds"
                accepted = True
            elif k == "digits" and last_kind == "scale" and cur == 0 and atom.value < last_scale \
                    and not atom.info:
                cur = atom.value
                last_kind = "digits"
                accepted = True
        if not accepted:
            if k == "scale" and not atom.wa and undo is not None:
                total, cur, end, last_kind = undo
            break
        undo = saved if after_scale_join else None
        end = atom.tok_end
        j = end
        if j >= n:
            break
        # the next atom, joined by plain space (and maybe a lone و token)
        if not _plain_gap(doc, j - 1, j):
            break
        wa = False
        if tokens[j].text == "و" and j + 1 < n and _plain_gap(doc, j, j + 1):
            wa = True
            nxt = _atom_at(doc, j + 1, prev_wa=True)
        else:
            nxt = _atom_at(doc, j, joining=True)
        if nxt is not None and nxt.kind == "digits" and nxt.info in ("date", "time"):
            break
        if nxt is not None and nxt.kind == "digits" and first.kind != "digits" and not nxt.wa:
            break
        if nxt is not None and wa:
            j += 1
        atom = nxt
    if teen_pending and last_kind == "teen_only":
        return None  # اثنا without عشر
    value = total + cur
    if first.kind == "unit" and first.value == 0 and end == i + 1:
        value = 0
    if isinstance(value, float):
        value = int(value + 0.5)
    value = int(value)
    return _Parsed(value, value, value, False, end, clitic)


def _apply_qualifier(p: _Parsed, qualifier: str | None) -> tuple[int | None, int | None, int | None]:
    v = p.value
    if v is None or qualifier is None:
        return v, p.low, p.high
    if qualifier == "approx":
        if p.vague:
            return v, p.low, p.high
        return v, int(round(0.9 * v)), int(round(1.1 * v))
    if qualifier in ("more_than", "at_least"):
        return v, v, None
    if qualifier == "less_than":
        return max(v - 1, 0), None, v
    if qualifier == "at_most":
        return v, None, v
    return v, p.low, p.high


def _qualifier_before(doc: Doc, i: int) -> tuple[str, int, int] | None:
    """(name, first token, clitic letters) of a qualifier ending right before token ``i``."""
    lex = _lexicon()
    for n in range(min(lex.max_phrase, i), 0, -1):
        s = i - n
        hit = _phrase_at(doc, s, lex.qual_before)
        if hit is not None and hit[1] == i and _plain_gap(doc, i - 1, i):
            return lex.qual_before[hit[0]], s, hit[2]
    return None


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _person_dual_prefix(word: str) -> str | None:
    """The proclitics before a person noun's dual (و of وشخصين), or None when ``word`` is none."""
    duals = _lexicon().person_duals
    for stem, pre in _strip(word):
        if stem in duals or (stem.startswith("ال") and len(stem) > 4 and stem[2:] in duals):
            return pre
    return None


def _person_dual_at(doc: Doc, i: int) -> tuple[int, int] | None:
    """(clitic letters, tok_end) when token ``i`` is the dual of a person noun (شخصين)."""
    pre = _person_dual_prefix(doc.tokens[i].text)
    if pre is None:
        return None
    end = i + 1
    if end < len(doc.tokens) and _plain_gap(doc, i, end):
        r = _word_reading(doc.tokens[end].text)
        if r and r[0] == "unit" and r[1] == 2 and r[2] != "teen":
            end += 1   # طفلين اثنين
    return len(pre), end


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _may_begin(word: str) -> bool:
    """Can a number start at a token reading ``word``? (a person dual, a vague phrase, a number
    word or digits; the answer depends on the word alone, and most words are none of these)."""
    firsts = _first_words(_lexicon().vague)
    return (_person_dual_prefix(word) is not None or word in firsts or any(st in firsts for st, _ in _strip(word))
            or _word_reading(word) is not None or _ANY_DIGIT.search(word) is not None)


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every number in ``doc``, left to right, with raw-text offsets.

    >>> from marsad.arabic.tokenise import make_doc
    >>> [(q.value, q.low, q.high, q.qualifier) for q in find_quantities(make_doc("قتل نحو 180 شخصا"))]
    [(180, 162, 198, 'approx')]
    """
    lex = _lexicon()
    out: list[Quantity] = []
    tokens = doc.tokens
    n = len(tokens)
    i = 0
    while i < n:
        if not _may_begin(tokens[i].text):
            i += 1
            continue
        dual = _person_dual_at(doc, i)
        if dual is not None:
            clitic, end = dual
            span = doc.span(tokens[i].start + clitic, tokens[end - 1].end)
            out.append(Quantity(span.start, span.end, span.text, 2, 2, 2, False, None, i, end))
            i = end
            continue
        parsed = _parse_at(doc, i)
        if parsed is None:
            i += 1
            continue
        start_tok, start_off = i, tokens[i].start + parsed.clitic
        end_tok = parsed.tok_end
        qualifier = None
        if parsed.kind == "number":
            qb = _qualifier_before(doc, i)
            if qb is not None:
                qualifier, start_tok, qclitic = qb
                start_off = tokens[start_tok].start + qclitic
            elif end_tok < n:
                qa = _phrase_at(doc, end_tok, lex.qual_after, clitic_first=False) \
                    if _plain_gap(doc, end_tok - 1, end_tok) else None
                if qa is not None:
                    qualifier = lex.qual_after[qa[0]]
                    end_tok = qa[1]
                elif end_tok + 1 < n and _plain_gap(doc, end_tok - 1, end_tok) \
                        and _plain_gap(doc, end_tok, end_tok + 1) and _atom_at(doc, end_tok) is None:
                    # after the counted noun: 20 شخصاً على الأقل (the span stays on the number)
                    qa = _phrase_at(doc, end_tok + 1, lex.qual_after, clitic_first=False)
                    if qa is not None:
                        qualifier = lex.qual_after[qa[0]]
        value, low, high = _apply_qualifier(parsed, qualifier)
        span = doc.span(start_off, tokens[end_tok - 1].end)
        out.append(Quantity(span.start, span.end, span.text, value, low, high, parsed.vague, qualifier,
                            start_tok, end_tok))
        i = end_tok
    return out


def parse_number(words: str) -> int | None:
    """The value of ``words`` when the whole string is one number, else None.

    >>> parse_number("مئتين وخمسين ألفاً")
    250000
    >>> parse_number("عشرات")
    10
    >>> parse_number("الحسكة") is None
    True
    """
    doc = make_doc(words)
    if not doc.tokens:
        return None
    qs = find_quantities(doc)
    if len(qs) == 1 and qs[0].tok_start == 0 and qs[0].tok_end == len(doc.tokens):
        return qs[0].value
    return None


# --------------------------------------------------------------------------- units

def _stem_forms(word: str) -> list[str]:
    forms = [s for s, _ in _strip(word, allow_short=True)]
    for f in list(forms):
        if f.startswith("ال") and len(f) > 3:
            forms.append(f[2:])
    if word.startswith("لل") and len(word) > 3:
        forms.append(word[2:])
    return forms


def _month_at(doc: Doc, i: int) -> bool:
    forms = _month_forms(doc.tokens[i].text)
    if not forms:
        return False
    for m in _lexicon().months:
        if m[0] in forms and i + len(m) <= len(doc.tokens) and all(
                doc.tokens[i + k].text == m[k] for k in range(1, len(m))):
            return True
    return False


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _month_forms(word: str) -> frozenset[str]:
    """The readings of ``word`` that begin a month name (empty for most words)."""
    firsts = {m[0] for m in _lexicon().months}
    return frozenset(f for f in _stem_forms(word) if f in firsts)


def _month_before(doc: Doc, i: int) -> bool:
    """A month name ends at token ``i - 1`` (شباط 2019، كانون الثاني 2019)."""
    for back in (1, 2, 3):
        if i - back >= 0 and _month_at(doc, i - back):
            return True
    return False


_LEAD_LETTERS_RE = re.compile(r"^\D+(?=\d)")     # ال in ال24
_ARTICLE_DIGIT_RE = re.compile(r"^(و|ف|ب|ل)?(ال|ل)\d")
_FOUR_DIGITS_RE = re.compile(r"\D*\d{4}")


@lru_cache(maxsize=1)
def _phrases_by_first() -> dict[str, tuple[list[tuple[str, ...]], list[tuple[str, ...]]]]:
    """First word -> the percent phrases and the unit phrases (in list order) it starts."""
    lex = _lexicon()
    out: dict[str, tuple[list[tuple[str, ...]], list[tuple[str, ...]]]] = {}
    for which, phrases in ((0, lex.percent), (1, lex.unit_phrases)):
        for p in phrases:
            out.setdefault(p[0], ([], []))[which].append(p)
    return out


def quantity_unit(doc: Doc, q: Quantity) -> str | None:
    """The non-person unit ``q`` counts, or None when it may count people.

    Returns the unit noun right after the number (normalised, clitics set
    aside) when it is in the unit list (``كم``، ``ساعات``، ``صاروخا`` ...), or
    one of ``"date"`` (``12.01.2019``, a day before a month name), ``"time"``
    (``10:30``), ``"year"`` (a 4-digit number next to a month name or after
    ``عام``) and ``"percent"`` (``%``، ``بالمئة``، ``في المئة``).

    >>> from marsad.arabic.tokenise import make_doc
    >>> d = make_doc("سقط 3 صواريخ خلال 24 ساعة في عام 2019")
    >>> [quantity_unit(d, q) for q in find_quantities(d)]
    ['صواريخ', 'ساعه', 'year']
    """
    lex = _lexicon()
    tokens = doc.tokens
    if q.tok_start < 0 or q.tok_end > len(tokens) or q.tok_end <= q.tok_start:
        return None
    qtext = doc.text[tokens[q.tok_start].start:tokens[q.tok_end - 1].end]
    last = tokens[q.tok_end - 1].text
    if q.value is None and not q.vague:
        digits = re.sub(r"^\D+", "", qtext)
        if _TIME_RE.match(digits):
            return "time"
        return "date"
    # the number token itself: 2019م، 1443هـ، 5كم
    m = _DIGITS_RE.match(_LEAD_LETTERS_RE.sub("", last))
    if m and m.group(2):
        suffix = m.group(2)
        if suffix in ("م", "ه") and len(m.group(1)) == 4:
            return "year"
        if suffix in lex.units:
            return suffix
    # the number's first token (without qualifier)
    num_tok = q.tok_start
    while num_tok < q.tok_end - 1 and _atom_at(doc, num_tok) is None and \
            _phrase_at(doc, num_tok, lex.vague) is None:
        num_tok += 1
    first_text = tokens[num_tok].text
    has_article = bool(_ARTICLE_DIGIT_RE.match(first_text))
    v = q.value
    prev = num_tok - 1
    prev_ok = prev >= 0 and _plain_gap(doc, prev, num_tok)
    if v is not None and not q.vague and (1900 <= v <= 2100 or 1300 <= v <= 1500) and \
            _FOUR_DIGITS_RE.fullmatch(first_text):
        if prev_ok and (any(f in lex.year_cues for f in _stem_forms(tokens[prev].text))
                        or tokens[prev].text in lex.year_cues or _month_before(doc, num_tok)):
            return "year"
    # a person noun in the dual (مدنيان، شخصين) is its own count: what follows is no unit
    if q.tok_end - q.tok_start == 1 and _person_dual_at(doc, q.tok_start) is not None:
        return None
    # what follows the number
    j = q.tok_end
    gap = doc.text[tokens[q.tok_end - 1].end:tokens[j].start] if j < len(tokens) else \
        doc.text[tokens[q.tok_end - 1].end:]
    if gap.strip()[:1] in ("%", "٪"):
        return "percent"
    if j < len(tokens) and gap.strip() == "":
        percent, unit_phrases = _phrases_by_first().get(tokens[j].text, ((), ()))
        for p in percent:
            if tuple(t.text for t in tokens[j:j + len(p)]) == p:
                return "percent"
        if v is not None and 1 <= v <= 31 and (_month_at(doc, j) or
                                               tokens[j].text == "من" and j + 1 < len(tokens) and _month_at(doc, j + 1)):
            return "date"  # "31 آذار"، "في 31 من آذار الماضي": a day of a month
        forms = _stem_forms(tokens[j].text)
        if tokens[j].text.startswith(("ال", "وال")):
            # a counted noun is indefinite (ثلاثة أيام): "مدنيين اثنين اليوم" is two people today
            forms = [f for f in forms if not tokens[j].text.endswith(f) or len(f) == len(tokens[j].text)]
        for p in unit_phrases:
            if tuple(t.text for t in tokens[j:j + len(p)]) == p:
                return " ".join(p)
        for f in forms:
            if f in lex.units:
                return f
        # 5 من الصواريخ
        if tokens[j].text == "من" and j + 1 < len(tokens):
            for f in _stem_forms(tokens[j + 1].text):
                if f in lex.units:
                    return f
    # الساعات الـ24: the unit noun before a number that carries the article
    if prev_ok and has_article:
        for f in _stem_forms(tokens[prev].text):
            if f in lex.units:
                return f
    if prev_ok and tokens[prev].text in ("الساعه", "الساعة"):
        return "time"
    return None


def is_person_count(doc: Doc, q: Quantity) -> bool:
    """True when ``q`` may count people: no unit, a date or a percentage."""
    return quantity_unit(doc, q) is None
