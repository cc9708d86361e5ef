"""Date expressions in Arabic news, resolved against the publication date.

:func:`find_dates` finds every date expression in a :class:`~marsad.arabic.tokenise.Doc`
and returns :class:`~marsad.model.DateMention` records with raw-text offsets, the day
range each one fixes, a precision, and a *key*: a canonical form of the expression that
stays the same whether or not the publication date is known, so that events can be
grouped by date even when nothing resolves.

>>> from datetime import date
>>> from marsad.arabic.tokenise import make_doc
>>> [m.key for m in find_dates(make_doc("قتل ثلاثة مدنيين أمس السبت في قصف"), None)]
['weekday:5']
>>> m = find_dates(make_doc("معارك الأيام الثلاثة الماضية"), date(2022, 1, 23))[0]
>>> (m.key, m.date_start.isoformat(), m.date_end.isoformat(), m.precision)
('last_days:3', '2022-01-20', '2022-01-23', 2)

The vocabulary (month names of every series, Hijri months, weekdays, relative words,
units, number words, modifiers) is data: ``kb/data/date_words.tsv``. This module holds
only the grammar and the arithmetic.

Keys (``W`` = Python weekday, Monday 0 ... Sunday 6; ``:last``/``:next``/``:cur`` are the
modifiers الماضي/المقبل/الجاري; ``@early|@mid|@late`` a part of a month or year):

* ``abs:YYYY-MM-DD`` a full date (a Hijri one is converted); ``md:MM-DD[:mod]`` day and
  month without a year; ``dom:DD:cur|last|next`` a day of the current month (23 الجاري);
  ``month:YYYY-MM`` / ``month:MM[:mod]``; ``year:YYYY``; ``hijri_md:MM-DD[:mod]``,
  ``hijri_month:YYYY-MM`` / ``hijri_month:MM[:mod]``, ``hijri_year:YYYY``;
* ``rel:N`` N days from publication (``rel:0`` today, ``rel:-1`` yesterday, ``rel:-3``
  three days ago); ``weekday:W[:last|:next|:coming]`` (coming: on or after publication, after a future verb); ``night:W`` the night before W (ليلة السبت); ``night_after:W`` the night after it (ليل السبت);
  ``days:W1-W2`` two or three days running (يومي السبت والأحد، ليلة السبت/الأحد، أيام الأحد والاثنين والثلاثاء);
* ``last_days[:N]``, ``last_hours[:N]``, ``last_week``, ``last_weeks[:N]``, ``last_month``,
  ``last_months[:N]``, ``last_year``, ``last_years[:N]``, ``week_before_last``,
  ``month_before_last``, ``year_before_last``; ``this_week``, ``this_month``,
  ``this_year``; ``next_days[:N]``, ``next_hours[:N]``, ``next_week``, ``next_weeks[:N]``,
  ``next_month``, ``next_year``;
* ``ago_days`` (قبل أيام), ``ago_hours[:N]``, ``ago_weeks[:N]``, ``ago_months[:N]``,
  ``ago_years[:N]`` (N days ago is ``rel:-N``);
* ``earlier`` (في وقت سابق); ``since:<key>`` from that date to publication (منذ مطلع العام
  is ``since:this_year@early``).

Precision follows the range: 1 when it is one day, 2 when it spans at most 7 days
(end - start <= 7), 3 when longer; None when the expression does not resolve.
"""
from __future__ import annotations

import calendar
from bisect import bisect_left, insort
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from hijridate import Gregorian, Hijri

from marsad.arabic.normalise import normalise_term
from marsad.arabic.tokenise import WORD_CACHE_SIZE, Doc
from marsad.errors import KnowledgeBaseError
from marsad.kb import load_table
from marsad.model import DateMention

__all__ = ["find_dates", "publication_date_from_text", "resolve_key"]

#: How far back a date may lie before it is background rather than the reported event.
EVENT_WINDOW_DAYS = 7
#: How many non-empty lines at the top of an article may hold its dateline.
DATELINE_LINES = 5
_MAX_DATELINE_CHARS = 120

_KINDS = {
    "month", "hijri_month", "ordinal_day", "weekday", "rel_day", "time_of_day", "past", "next", "current",
    "part", "unit", "number", "vague_number", "approx", "year_word", "era", "range_prep",
    "month_cue", "phrase", "glue", "today_block_before", "today_block_after",
    "weekday_block_before", "weekday_block_after", "named_weekday", "named_weekday_before", "name_noun", "dateline_label", "update_label", "clock_word", "late_hours",
}
_GLUE_ROLES = {"day_prefix", "days_prefix", "month_prefix", "this", "equiv", "of", "last_n",
               "before", "since", "ago", "pair", "now", "in"}
_VAGUE = -1  # the count of بضعة، عدة، القليلة

_B = r"(?<![^\W_])"  # a word starts here
_E = r"(?![^\W_])"   # a word ends here
_SEP = r"(?: ?[،,] ?| )"


# --------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class _Lexicon:
    by_kind: dict[str, dict[str, str]]       # kind -> normalised term -> value
    glue: dict[str, frozenset[str]]          # role -> normalised terms
    extra: dict[tuple[str, str], str]        # (kind, term) -> extra cell

    def words(self, kind: str) -> dict[str, str]:
        return self.by_kind.get(kind, {})

    def terms(self, *kinds: str) -> tuple[str, ...]:
        """The terms of these kinds (``glue:ROLE`` for glue words), longest first."""
        terms: set[str] = set()
        for kind in kinds:
            terms.update(self.glue[kind[5:]] if kind.startswith("glue:") else self.words(kind))
        return tuple(sorted(terms, key=lambda t: (-len(t), t)))

    def alt(self, *kinds: str) -> str:
        return "|".join(re.escape(t) for t in self.terms(*kinds))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    name = "date_words.tsv"
    by_kind: dict[str, dict[str, str]] = {}
    glue: dict[str, set[str]] = {role: set() for role in _GLUE_ROLES}
    extra: dict[tuple[str, str], str] = {}
    for row in load_table(name, required=("term", "kind")):
        where = f"{name}:{row['_line']}"
        kind, value = row["kind"], row.get("value", "")
        term = normalise_term(row["term"])
        if kind not in _KINDS:
            raise KnowledgeBaseError(f"unknown kind {kind!r}", where=where)
        if kind in ("month", "hijri_month", "ordinal_day", "weekday", "rel_day", "number"):
            try:
                number = int(value)
            except ValueError:
                raise KnowledgeBaseError(f"{kind} needs an integer value, got {value!r}", where=where) from None
            limits = {"month": (1, 12), "hijri_month": (1, 12), "ordinal_day": (1, 31),
                      "weekday": (0, 6)}.get(kind)
            if limits and not limits[0] <= number <= limits[1]:
                raise KnowledgeBaseError(f"{kind} value {number} out of range", where=where)
        if kind == "glue":
            if value not in _GLUE_ROLES:
                raise KnowledgeBaseError(f"unknown glue role {value!r}", where=where)
            glue[value].add(term)
            continue
        if kind == "unit" and (value not in ("day", "week", "month", "year", "hour")
                               or row.get("extra") not in ("1", "2", "n", "num")):
            raise KnowledgeBaseError("a unit needs day|week|month|year|hour and a count 1|2|n|num",
                                     where=where)
        by_kind.setdefault(kind, {})[term] = value
        if row.get("extra"):
            extra[(kind, term)] = row["extra"]
    return _Lexicon(by_kind, {k: frozenset(v) for k, v in glue.items()}, extra)


# --------------------------------------------------------------------------- numbers
def _quantities_number(text: str) -> int | None:
    """marsad.quantities.parse_number, when that module exists (it is optional here)."""
    try:
        from marsad.quantities import parse_number  # optional: imported late, may be absent
    except ImportError:
        return None
    try:
        value = parse_number(text)
    except Exception:  # its contract is not ours: an unreadable number is no count
        return None
    value = getattr(value, "value", value)
    if isinstance(value, tuple) and value:
        value = value[0]
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, int) else None


def _parse_count(text: str, lex: _Lexicon) -> int | None:
    """A count written in digits or words; ``_VAGUE`` for بضعة/عدة; None when unreadable."""
    t = text.strip()
    if t.startswith("ال"):
        t = t[2:].strip()
    if not t:
        return None
    if t.isdigit():
        return int(t)
    words = t.split()
    vague = lex.words("vague_number")
    if all(w in vague or (w.startswith("ال") and w[2:] in vague) for w in words):
        return _VAGUE
    numbers = lex.words("number")
    if len(words) == 1 and t in numbers:
        return int(numbers[t])
    value = _quantities_number(t)
    if value is not None:
        return value if value > 0 else None
    # the teens, which the small table lacks: خمسة عشر
    if len(words) == 2 and words[0] in numbers and numbers.get(words[1]) == "10":
        return int(numbers[words[0]]) + 10
    return None


# --------------------------------------------------------------------------- grammar
@dataclass(frozen=True)
class _Cand:
    start: int  # normalised offsets
    end: int
    key: str
    rule: str


class _Scan:
    """One pass over a doc: the text, the lexicon and token look-ups for the handlers."""

    def __init__(self, doc: Doc, lex: _Lexicon):
        self.doc = doc
        self.lex = lex
        self.text = doc.text

    def prev_word(self, nstart: int, adjacent: bool = False) -> str:
        """The word before ``nstart``; with ``adjacent``, only when one space separates them."""
        i = self.doc.token_at(nstart) - 1
        if i < 0 or (adjacent and self.text[self.doc.tokens[i].end:nstart] != " "):
            return ""
        return self.doc.tokens[i].text

    def next_word(self, nend: int, adjacent: bool = False) -> str:
        i = self.doc.token_at(nend)
        if i >= len(self.doc.tokens) or (adjacent and self.text[nend:self.doc.tokens[i].start] != " "):
            return ""
        return self.doc.tokens[i].text


def names_a_day(word: str) -> bool:
    """A weekday or a day counted from publication (الأحد، اليوم، أمس), with or without و/ف."""
    lex = _lexicon()
    term = normalise_term(_strip_conj(word))
    return term in lex.words("weekday") or term in lex.words("rel_day")


def _strip_conj(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _month_of(term: str | None, lex: _Lexicon) -> tuple[str, int] | None:
    if not term:
        return None
    if term in lex.words("month"):
        return "g", int(lex.words("month")[term])
    if term in lex.words("hijri_month"):
        return "h", int(lex.words("hijri_month")[term])
    return None


def _mod_of(word: str | None, lex: _Lexicon) -> str | None:
    if not word:
        return None
    if word in lex.words("past"):
        return "last"
    if word in lex.words("next"):
        return "next"
    if word in lex.words("current"):
        return "cur"
    return None


def _valid_year(cal: str, year: int) -> bool:
    return 1900 <= year <= 2100 if cal == "g" else 1343 <= year <= 1500


def _hijri_to_date(y: int, m: int, d: int) -> date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def _day_fits(cal: str, month: int, day: int) -> bool:
    if day < 1:
        return False
    if cal == "h":
        return day <= 30
    return day <= calendar.monthrange(2000, month)[1]  # 2000 is a leap year


def _build_rules(lex: _Lexicon) -> list[tuple[str, re.Pattern, Callable]]:
    a = lex.alt
    MON, ORD = a("month", "hijri_month"), a("ordinal_day")
    WD, REL, TOD = a("weekday"), a("rel_day"), a("time_of_day")
    PAST, NEXT, CUR = a("past"), a("next"), a("current")
    MOD = a("past", "next", "current")
    PART, UNIT, ERA, YW = a("part"), a("unit"), a("era"), a("year_word")
    APPROX, RPREP, CUE, PHRASE = a("approx"), a("range_prep"), a("month_cue"), a("phrase")
    DAYP, DAYSP, MONP, THIS = a("glue:day_prefix"), a("glue:days_prefix"), a("glue:month_prefix"), a("glue:this")
    EQUIV, OF, LASTN, BEFORE = a("glue:equiv"), a("glue:of"), a("glue:last_n"), a("glue:before")
    SINCE, AGO, PAIR, NOW = a("glue:since"), a("glue:ago"), a("glue:pair"), a("glue:now")
    IN = a("glue:in")

    P = r"(?:[وف]?[بل]?)"     # proclitics a date word may carry: وفي، بالأمس، لنهاية
    P_REL = r"(?:[وف]?ب?)"    # not ل: لامس is a verb
    P_WD = r"(?:[وف]?)"
    YEAR = rf"(?P<year>\d{{4}})(?: ?(?P<era>{ERA}))?"
    # يناير/كانون الثاني، مايو (أيار)، and Reuters' مايو أيار
    MONTHS = rf"(?P<months>(?P<mon>{MON})(?:(?: ?[/(-] ?| )(?P<mon2>{MON})\)?)?)"
    MON_BA = r"[وف]?ب"  # the preposition ب glued to a month name (بأبريل)
    DAY = rf"(?:(?:ال ?)?(?P<day>\d{{1,2}})(?: (?:{OF}))?|(?P<ord>{ORD}) (?:{OF}))"
    WD_PREFIX = (rf"(?:{P_WD}(?:(?P<rel>{REL}) )?(?:(?:{DAYP}) )?(?P<wd>{WD}){_SEP}"
                 rf"(?:(?:{EQUIV}) )?)?")
    NUMW = r"(?:\d{1,4}|[^\W\d_]+(?: [^\W\d_]+){0,2}?)"

    rules = [
        # "في 30 و31 من آذار"، "يومي 12 و13 تشرين الأول": two days of one month, a range
        ("abs", rf"{_B}{WD_PREFIX}(?:(?:(?:{DAYSP}) )?(?P<day0>\d{{1,2}}) ?و ?)?{DAY}(?: (?:{MONP}))? {MONTHS}"
                rf"(?:{_SEP}(?:(?:{OF}) )?(?:(?:{YW}) )?{YEAR}|(?: (?P<mod>{MOD})))?{_E}", _abs),
        # "Sunday, Jan. 3, 2016": an English weekday before the month is part of the one date
        ("abs_en", rf"{_B}(?:(?P<wd>{WD}),? )?(?P<mon>{MON})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? "
                   rf"(?P<year>\d{{4}}){_E}", _abs_en),
        ("numeric", rf"{_B}{WD_PREFIX}(?<![\d./-])(?:(?P<d>\d{{1,2}})(?P<s>[./-])(?P<m>\d{{1,2}})(?P=s)"
                    rf"(?P<y>\d{{4}})|(?P<y2>\d{{4}})(?P<s2>[./-])(?P<m2>\d{{1,2}})(?P=s2)(?P<d2>\d{{1,2}}))"
                    rf"(?!\d|[./-]\d)", _numeric),
        ("dom", rf"{_B}{DAY} (?:(?:ال)?(?:{MONP}) (?P<mod>{MOD})|"
                rf"(?P<cur>{CUR})){_E}", _dom),
        # (a month behind the preposition ب: "الهجوم على دوما بأبريل الماضي"، "بنيسان 2018")
        ("month_year", rf"{_B}(?:{P}(?P<part>{PART}) )?(?:(?:ال)?(?:{MONP}) |{MON_BA})?{MONTHS}{_SEP}(?:(?:{OF}) )?"
                       rf"(?:(?:{YW}) )?{YEAR}{_E}", _month_year),
        ("month", rf"{_B}(?:{P}(?P<cue>{CUE}) )?(?:{P}(?P<part>{PART}) )?(?:(?P<mp>(?:ال)?(?:{MONP})) |{MON_BA})?"
                  rf"{MONTHS}(?: (?P<mod>{MOD}))?{_E}", _month),
        ("year", rf"{_B}{P}(?:(?P<part>{PART}) )?(?:(?P<yw>{YW}) )?{YEAR}{_E}", _year),
        ("since_year", rf"{_B}{P}(?:{SINCE}) (?P<year>(?:19|20)\d{{2}}){_E}", _since_year),
        # "في 1997": a bare year of this or the last century after في
        ("in_year", rf"{_B}{P_WD}(?:{IN}) (?P<year>(?:19|20)\d{{2}}){_E}", _in_year),
        ("part_rel", rf"{_B}{P}(?P<part>{PART}) (?:(?P<this>{THIS}) )?ال(?P<unit>{UNIT})(?: (?P<mod>{MOD}))?{_E}",
         _part_rel),
        ("range_unit", rf"{_B}{P}(?:(?P<prep>{RPREP}) )?ال(?P<unit>{UNIT})(?: (?P<num>(?:ال ?)?(?:\d{{1,4}}|"
                       rf"[^\W\d_]+)(?: [^\W\d_]+)?))??(?: (?P<before>{BEFORE}))? (?P<mod>{PAST}|{NEXT}|{CUR}){_E}",
         _range_unit),
        ("range_num", rf"{_B}{P}(?:(?P<prep>{RPREP}) )?(?:(?P<lastn>{LASTN}) (?:ال ?)?|(?P<al>ال) ?)?"
                      rf"(?:(?P<num>\d{{1,4}}|[^\W\d_]+(?: [^\W\d_]+)?) )?(?P<unit>{UNIT})"
                      rf"(?: (?P<mod>{PAST}|{NEXT}))?{_E}", _range_num),
        ("this", rf"{_B}{P}(?:(?P<prep>{RPREP}) )?(?:{THIS}) ال(?P<unit>{UNIT}){_E}", _this),
        ("ago", rf"{_B}{P}(?P<ago>{AGO})(?: (?:{APPROX}))? (?:(?P<num>{NUMW}) )??(?P<unit>{UNIT})"
                rf"(?: (?P<mod>{PAST}))?(?P<now> (?:{OF}) (?:{NOW}))?{_E}", _ago),
        ("weekday", rf"{_B}{P_WD}(?:(?P<tod>{TOD}) )?(?:(?P<rel>{REL}|{THIS}) )?(?:(?P<dayp>{DAYP}|{DAYSP}) )?"
                    rf"(?P<wd>{WD})(?:(?P<pair> ?[/-] ?| (?:{PAIR}) | و| )(?P<wd2>{WD})(?:،? و(?P<wd3>{WD}))?)?"
                    rf"(?: (?P<mod>{PAST}|{NEXT}))?{_E}", _weekday),
        ("rel", rf"{_B}{P_REL}(?:(?P<tod>{TOD}) )?(?:(?:{DAYP}) )?(?P<rel>{REL}){_E}", _rel),
        ("phrase", rf"{_B}{P}(?P<phrase>{PHRASE}){_E}", _phrase),
    ]
    return [(name, re.compile(rx), handler) for name, rx, handler in rules]


@lru_cache(maxsize=1)
def _year_follows() -> re.Pattern:
    """A year right after a month name: ، 2022 / من العام 2022."""
    lex = _lexicon()
    return re.compile(rf"{_SEP}(?:(?:{lex.alt('glue:of', 'year_word')}) ){{0,2}}\d{{4}}(?!\d)")


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, re.Pattern, Callable]]:
    return _build_rules(_lexicon())


_YEAR4 = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")
_DIGIT_SEP = re.compile(r"\d[./-]\d")


@dataclass(frozen=True, eq=False)  # one object per need: looked up by identity
class _Need:
    """Something a rule's regular expression cannot match without: one of ``terms`` (lexicon
    kinds) in the text, or a match of ``rx`` (digits)."""
    terms: tuple[str, ...] = ()
    rx: re.Pattern | None = None
    word_start: bool = False  # the term starts a word ("اب", August, inside ارهاب is no need met)


@lru_cache(maxsize=1)
def _needs() -> dict[str, tuple[_Need, ...]]:
    """What each rule needs. A text lacking one skips the rule (most texts name no month, most
    sentences no weekday), which saves a scan of the text with the whole rule."""
    mon = _Need(("month", "hijri_month"), word_start=True)
    unit = _Need(("unit",))
    year4 = _Need(rx=_YEAR4)
    return {
        "abs": (mon,), "abs_en": (mon, year4), "numeric": (_Need(rx=_DIGIT_SEP),),
        "dom": (_Need(("ordinal_day",), _DIGIT), _Need(("glue:month_prefix", "current"))),
        "month_year": (mon, year4), "month": (mon,), "year": (year4,),
        "since_year": (_Need(("glue:since",)), year4), "in_year": (_Need(("glue:in",)), year4),
        "part_rel": (_Need(("part",)), unit),
        "range_unit": (unit, _Need(("past", "next", "current"))), "range_num": (unit,),
        "this": (_Need(("glue:this",)), unit), "ago": (_Need(("glue:ago",)), unit),
        "weekday": (_Need(("weekday",)),), "rel": (_Need(("rel_day",)),), "phrase": (_Need(("phrase",)),),
    }


@lru_cache(maxsize=1)
def _need_words() -> tuple[dict[str, int], int]:
    """Each word of a need's terms -> its bit; and the longest such word."""
    lex = _lexicon()
    bits: dict[str, int] = {}
    for needs in _needs().values():
        for need in needs:
            for term in lex.terms(*need.terms):
                for word in term.split():
                    bits.setdefault(word, 1 << len(bits))
    return bits, max(map(len, bits), default=0)


@lru_cache(maxsize=64)
def _need_masks(kinds: tuple[str, ...]) -> tuple[int, tuple[tuple[int, int], ...]]:
    """The bits of one-word terms (any will do), and for longer terms the bit of the first word
    and the mask of the others (all must be there)."""
    bits, _ = _need_words()
    single = 0
    multi: list[tuple[int, int]] = []
    for term in _lexicon().terms(*kinds):
        first, *rest = term.split()
        if not rest:
            single |= bits[first]
        else:
            mask = 0
            for word in rest:
                mask |= bits[word]
            multi.append((bits[first], mask))
    return single, tuple(multi)


# What may be glued before a word that starts a date ("بأبريل الماضي"، "وبنيسان")
_GLUED_PREPOSITIONS = frozenset(("ب", "وب", "فب"))


def _word_need_bits(word: str) -> tuple[int, int]:
    """The need words found inside ``word``, and those ``word`` starts with (each substring
    looked up once)."""
    bits, longest = _need_words()
    inside = starts = 0
    n = len(word)
    for i in range(n):
        for j in range(i + 1, min(n, i + longest) + 1):
            bit = bits.get(word[i:j])
            if bit is not None:
                inside |= bit
                if i == 0 or word[:i] in _GLUED_PREPOSITIONS:
                    starts |= bit
    return inside, starts


# word -> (need words inside it, need words it starts with, anchors it ends in); bounded
_WORD_BITS: dict[str, tuple[int, int, int]] = {}


def _word_bits(word: str) -> tuple[int, int, int]:
    if len(_WORD_BITS) > WORD_CACHE_SIZE:
        _WORD_BITS.clear()
    inside, starts = _word_need_bits(word)
    found = _WORD_BITS[word] = (inside, starts, _anchor_bits(word))
    return found


def _date_words(doc: Doc) -> tuple[int, int, dict[tuple[str, ...], list[int]]]:
    """One pass over the document's tokens: the need words inside them, those starting one,
    and for each anchor the tokens ending in it. A term in the text lies inside its tokens
    (its words are letters), so a term whose words are not all here is not in the text."""
    found = doc.cache.get("date_words")
    if found is None:
        kinds = _anchor_kinds()
        anchors: dict[tuple[str, ...], list[int]] = {k: [] for k in kinds}
        lists = [(bit, anchors[k]) for k, (bit, _) in kinds.items()]
        inside = starts = 0
        known = _WORD_BITS.get
        for i, tok in enumerate(doc.tokens):
            bits = known(tok.text) or _word_bits(tok.text)
            inside |= bits[0]
            starts |= bits[1]
            if bits[2]:
                for bit, out in lists:
                    if bits[2] & bit:
                        out.append(i)
        found = doc.cache["date_words"] = (inside, starts, anchors)
    return found


def _need_met(need: _Need, doc: Doc, lo: int, hi: int) -> bool:
    if need.terms:
        single, multi = _need_masks(need.terms)
        inside, starts, _ = _date_words(doc)
        first = starts if need.word_start else inside
        if first & single or any(first & bit and inside & rest == rest for bit, rest in multi):
            return True
    return need.rx is not None and need.rx.search(doc.text, lo, hi) is not None


# --- handlers: (match, scan) -> key, or (key, end) to cut the match short, or None ---------
def _year_for(m: re.Match, cal: str) -> int | None:
    """The year group when it is a valid year of the calendar the month names."""
    if not m.group("year"):
        return None
    year = int(m.group("year"))
    era = m.group("era")
    if era:
        era_cal = "h" if _lexicon().words("era")[era] == "hijri" else "g"
        if era_cal != cal:
            return None
    return year if _valid_year(cal, year) else None


def _day_of(m: re.Match, lex: _Lexicon) -> int:
    return int(m.group("day")) if m.group("day") else int(lex.words("ordinal_day")[m.group("ord")])


def _pair_agrees(m: re.Match, lex: _Lexicon) -> bool:
    """يناير/كانون الثاني names one month twice; نوفمبر ديسمبر are two months."""
    return not m.group("mon2") or _month_of(m.group("mon2"), lex) == _month_of(m.group("mon"), lex)


def _names_a_thing(s: _Scan, start: int) -> bool:
    """Is the day and month at ``start`` the end of a proper name (وكالة 2 ديسمبر، بمنطقة 14 رمضان)?

    A noun in construct right before them (with or without و ف ب ل ك) names an outlet, a place,
    a street or a movement after a day; the day is no date of the article's events.
    """
    word = s.prev_word(start, adjacent=True)
    nouns = s.lex.words("name_noun")
    if not word or word.startswith("ال"):
        return False
    for cut in range(0, min(3, len(word))):
        if cut and word[cut - 1] not in "وفبلك":
            break
        if word[cut:] in nouns:
            return True
    return False


def _abs(m: re.Match, s: _Scan):
    if not m.group("wd") and _names_a_thing(s, m.start()):
        return None
    month = _month_of(m.group("mon"), s.lex)
    if month is None or (m.group("mon").isascii() and not m.group("year")):
        return None  # an English month name needs a year here: "3 may" is too often not a date
    cal, mon = month
    day = _day_of(m, s.lex)
    if not _day_fits(cal, mon, day):
        return None
    more = ""
    if m.group("day0"):
        first = int(m.group("day0"))
        if not 1 <= day - first <= MAX_CONJOINED_DAYS or not _day_fits(cal, mon, first):
            return None
        day, more = first, f"+{day - first}"
    pair_ok = _pair_agrees(m, s.lex)
    mod = _mod_of(m.group("mod"), s.lex) if pair_ok else None
    suffix = f":{mod}" if mod else ""
    year = _year_for(m, cal) if pair_ok else None
    end = None
    if not pair_ok:
        end = m.end("mon")
    elif m.group("year") and year is None:
        end = m.end("months")  # "15 رمضان 2022": keep the day and month only
    if year is not None:
        if cal == "g":
            try:
                d = date(year, mon, day)
            except ValueError:
                return None
        else:
            d = _hijri_to_date(year, mon, day)
            if d is None:
                return None
        key = f"abs:{d.isoformat()}{more}"
    else:
        key = f"{'md' if cal == 'g' else 'hijri_md'}:{mon:02d}-{day:02d}{suffix}{more}"
    return (key, end) if end else key


# How many days apart two conjoined days of one month may be ("30 و31 من آذار") to read as one range.
MAX_CONJOINED_DAYS = 6


def _abs_en(m: re.Match, s: _Scan):
    month = _month_of(m.group("mon"), s.lex)
    if month is None or month[0] != "g" or not m.group("mon").isascii():
        return None
    try:
        d = date(int(m.group("year")), month[1], int(m.group("day")))
    except ValueError:
        return None
    return f"abs:{d.isoformat()}" if _valid_year("g", d.year) else None


def _numeric(m: re.Match, s: _Scan):
    if m.group("d"):
        day, mon, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if mon > 12 and day <= 12:  # an English-order date, 10/23/2020
            day, mon = mon, day
    else:
        year, mon, day = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    if not _valid_year("g", year):
        return None
    try:
        return f"abs:{date(year, mon, day).isoformat()}"
    except ValueError:
        return None


def _dom(m: re.Match, s: _Scan):
    day = _day_of(m, s.lex)
    if not 1 <= day <= 31:
        return None
    mod = "cur" if m.group("cur") else _mod_of(m.group("mod"), s.lex)
    return f"dom:{day:02d}:{mod}"


def _part_suffix(m: re.Match, s: _Scan) -> str:
    part = m.group("part") if "part" in m.re.groupindex else None
    return f"@{s.lex.words('part')[part]}" if part else ""


def _month_year(m: re.Match, s: _Scan):
    month = _month_of(m.group("mon"), s.lex)
    if month is None:
        return None
    cal, mon = month
    year = _year_for(m, cal)
    if year is None or not _pair_agrees(m, s.lex):
        return None
    return f"{'month' if cal == 'g' else 'hijri_month'}:{year}-{mon:02d}{_part_suffix(m, s)}"


def _month(m: re.Match, s: _Scan):
    if not (m.group("cue") or m.group("part") or m.group("mp") or m.group("mod")):
        return None  # a bare آب، مارس، رجب is too often a word or a name
    if not m.group("mod") and _year_follows().match(s.text, m.end()):
        return None  # في شهر رمضان 1443، في يناير من العام 2022: the month_year rule's
    month = _month_of(m.group("mon"), s.lex)
    if month is None:
        return None
    cal, mon = month
    if cal == "g" and m.group("mon").isascii():
        return None
    pair_ok = _pair_agrees(m, s.lex)
    mod = _mod_of(m.group("mod"), s.lex) if pair_ok else None
    key = f"{'month' if cal == 'g' else 'hijri_month'}:{mon:02d}{':' + mod if mod else ''}{_part_suffix(m, s)}"
    if m.group("cue") and m.group("cue") in s.lex.glue["since"]:
        key = "since:" + key
    return key if pair_ok else (key, m.end("mon"))


def _year(m: re.Match, s: _Scan):
    if not (m.group("part") or m.group("yw")):
        return None
    era = m.group("era")
    cal = "h" if era and s.lex.words("era").get(era) == "hijri" else "g"
    year = int(m.group("year"))
    if not _valid_year(cal, year):
        return None
    return f"{'year' if cal == 'g' else 'hijri_year'}:{year}{_part_suffix(m, s)}"


def _in_year(m: re.Match, s: _Scan):
    return f"year:{int(m.group('year'))}"


def _since_year(m: re.Match, s: _Scan):
    return f"since:year:{int(m.group('year'))}"


def _unit_of(word: str, s: _Scan) -> tuple[str, str]:
    return s.lex.words("unit")[word], s.lex.extra[("unit", word)]


def _part_rel(m: re.Match, s: _Scan):
    unit, count = _unit_of(m.group("unit"), s)
    if unit not in ("month", "year") or count != "1":
        return None
    mod = _mod_of(m.group("mod"), s.lex) or "cur"
    base = {"cur": "this", "last": "last", "next": "next"}[mod]
    return f"{base}_{unit}{_part_suffix(m, s)}"


def _count(m: re.Match, s: _Scan, count_kind: str) -> int | None:
    """The count a unit phrase gives: its number, else 2 for a dual, 1 for a singular."""
    if m.group("num"):
        return _parse_count(m.group("num"), s.lex)
    return {"1": 1, "2": 2, "n": _VAGUE}.get(count_kind)


def _range_key(unit: str, count: int, mod: str, singular: bool) -> str | None:
    n = "" if count == _VAGUE else f":{count}"
    if mod == "last":
        if singular:
            return {"week": "last_week", "month": "last_month", "year": "last_year",
                    "hour": "last_hours:1"}.get(unit)
        return f"last_{unit}s{n}"
    if mod == "next":
        if singular:
            return {"week": "next_week", "month": "next_month", "year": "next_year",
                    "hour": "next_hours:1"}.get(unit)
        return f"next_{unit}s{n}" if unit in ("day", "hour", "week") else None
    if mod == "cur" and singular and unit in ("week", "month", "year"):
        return f"this_{unit}"
    return None


def _range_unit(m: re.Match, s: _Scan):
    unit, count_kind = _unit_of(m.group("unit"), s)
    mod = _mod_of(m.group("mod"), s.lex)
    count = _count(m, s, count_kind)
    if count is None or count == 0:
        return None
    singular = count_kind == "1" and not m.group("num")
    if m.group("before"):
        if not singular or mod != "last" or unit not in ("week", "month", "year"):
            return None
        return f"{unit}_before_last"
    if unit == "day" and singular:
        return None  # اليوم الماضي / اليوم التالي: not a publication-relative day
    return _range_key(unit, count, mod, singular)


def _range_num(m: re.Match, s: _Scan):
    if not (m.group("lastn") or m.group("mod")):
        return None
    if not m.group("lastn") and not m.group("num"):
        return None  # الأيام الماضية is range_unit's
    unit, count_kind = _unit_of(m.group("unit"), s)
    count = _count(m, s, count_kind)
    if count is None or count == 0 or (count_kind == "1" and not m.group("num")):
        return None
    mod = _mod_of(m.group("mod"), s.lex) or "last"
    return _range_key(unit, count, mod, singular=False)


def _this(m: re.Match, s: _Scan):
    unit, count_kind = _unit_of(m.group("unit"), s)
    if count_kind != "1" or unit not in ("week", "month", "year"):
        return None
    return f"this_{unit}"


def _ago(m: re.Match, s: _Scan):
    following = s.text[m.end():m.end() + 40].split("\n")[0].split()
    unit, count_kind = _unit_of(m.group("unit"), s)
    # a number after a singular unit goes on with it (قبل عام 2011، قبل يوم 15 آذار); after a
    # plural or dual one it is a count of what follows (وقتل قبل أيام 30 مسلحا)
    number_goes_on = following and following[0][:1].isdigit() and count_kind in ("1", "num")
    if following and (number_goes_on or _month_of(following[0], s.lex)
                      or _month_of(" ".join(following[:2]), s.lex)
                      or (following[0] in s.lex.glue["of"] and not m.group("now"))):
        return None  # قبل عام 2011، قبل شهر رمضان، قبل يومين من الهجوم
    count = _count(m, s, count_kind)
    if count is None or count == 0 or (count_kind == "num" and not m.group("num")):
        return None
    if unit == "day":
        return "ago_days" if count == _VAGUE else f"rel:{-count}"
    return f"ago_{unit}s" if count == _VAGUE else f"ago_{unit}s:{count}"


def _weekday_blocked(s: _Scan, start: int, end: int) -> bool:
    """صلاة الجمعة، الأحد عشر، بين الاثنين: the word is not a day here."""
    before = _strip_conj(s.prev_word(start, adjacent=True))
    after = s.next_word(end, adjacent=True)
    return before in s.lex.words("weekday_block_before") or after in s.lex.words("weekday_block_after")


def _weekday(m: re.Match, s: _Scan):
    lex = s.lex
    wd = int(lex.words("weekday")[m.group("wd")])
    bare = not (m.group("tod") or m.group("rel") or m.group("dayp") or m.group("mod") or m.group("wd2"))
    if bare and _weekday_blocked(s, m.start(), m.end()):
        return None
    mod = _mod_of(m.group("mod"), lex)
    rel = m.group("rel")
    if rel in lex.words("rel_day") and int(lex.words("rel_day")[rel]) > 0:
        mod = "next"
    suffix = f":{mod}" if mod in ("last", "next") else ""
    if m.group("wd2"):
        wd2 = int(lex.words("weekday")[m.group("wd2")])
        if (wd2 - wd) % 7 != 1:
            return f"weekday:{wd}", m.end("wd")  # السبت والثلاثاء: two separate days
        if m.group("wd3"):
            wd3 = int(lex.words("weekday")[m.group("wd3")])
            if (wd3 - wd2) % 7 == 1:
                # "أيام الأحد والاثنين والثلاثاء": three days running, one span
                return f"days:{wd}-{wd3}{suffix}"
            return f"days:{wd}-{wd2}{suffix}", m.end("wd2")
        return f"days:{wd}-{wd2}{suffix}"
    if m.group("dayp") and m.group("dayp") in lex.glue["days_prefix"]:
        return None  # يومي with one weekday
    tod = m.group("tod")
    late = tod and set(tod.split()) & set(lex.words("late_hours"))
    night = lex.words("time_of_day").get(tod) if tod else None
    if night in ("night", "night_after") and not rel and not late:
        # "في ساعة متأخرة من ليلة الخميس": the late hours of the night before Thursday are Thursday's
        return f"{night}:{wd}{suffix}"
    return f"weekday:{wd}{suffix}"


def _rel(m: re.Match, s: _Scan):
    lex = s.lex
    rel = m.group("rel")
    offset = int(lex.words("rel_day")[rel])
    if rel == normalise_term("اليوم"):
        before = _strip_conj(s.prev_word(m.start(), adjacent=True))
        after = s.next_word(m.end(), adjacent=True)
        if before in lex.words("today_block_before") or after in lex.words("today_block_after"):
            return None  # حتى اليوم، ذلك اليوم، اليوم نفسه
        if before == normalise_term("في") and _rate_before(s, m.start()):
            return None  # "العمل 21 ساعة في اليوم": a rate, per day
        if after.startswith("ال") and after not in lex.words("weekday") and after not in lex.glue["equiv"]:
            return None  # اليوم التالي، اليوم العالمي، اليوم الأول
    return f"rel:{offset}"


def _rate_before(s: _Scan, nstart: int) -> bool:
    """Does a count of hours (or a number) stand before the في of "في اليوم" (21 ساعة في اليوم)?"""
    i = s.doc.token_at(nstart) - 2
    if i < 0:
        return False
    word = s.doc.tokens[i].text
    return word.isdigit() or s.lex.words("unit").get(word) == "hour"


def _phrase(m: re.Match, s: _Scan):
    return s.lex.words("phrase")[m.group("phrase")]


# --------------------------------------------------------------------------- scanning
def _normalise_key_result(result, m: re.Match) -> tuple[str, int] | None:
    if result is None:
        return None
    if isinstance(result, tuple):
        return result
    return result, m.end()


@lru_cache(maxsize=1)
def _anchors() -> dict[str, tuple[tuple[str, ...], int]]:
    """Rules whose matches hold a term of some kinds that ends a token (the word after it, if
    any, comes after a space or a slash), with the most tokens a match may hold before that
    token, counted from the rule's parts and the words of their longest terms. Such a rule is
    tried only at the token starts that close before a token ending in one of those terms,
    not searched for across the whole text: the same matches, found without a scan."""
    lex = _lexicon()

    def words(*kinds: str) -> int:
        return max((len(t.split()) for t in lex.terms(*kinds)), default=0)

    return {
        # [prep] [last_n] [ال] [num of two words] unit
        "range_num": (("unit",), words("range_prep") + words("glue:last_n") + 1 + 2),
        # [prep] this ال+unit
        "this": (("unit",), words("range_prep") + words("glue:this")),
        # ago [approx] [num of three words] unit
        "ago": (("unit",), words("glue:ago") + words("approx") + 3),
        # [prep] ال+unit
        "range_unit": (("unit",), words("range_prep")),
        # [time of day] [rel or this] [day prefix] weekday
        "weekday": (("weekday",), words("time_of_day") + words("rel_day", "glue:this")
                    + words("glue:day_prefix", "glue:days_prefix")),
        # [time of day] [day prefix] rel (its last word)
        "rel": (("rel_day",), words("time_of_day") + words("glue:day_prefix") + words("rel_day") - 1),
        # [ال] day [of] / ordinal of, then [ال]month-prefix or current
        "dom": (("glue:month_prefix", "current"), 1 + max(1, words("ordinal_day")) + words("glue:of")),
    }


@lru_cache(maxsize=1)
def _anchor_kinds() -> dict[tuple[str, ...], tuple[int, tuple[str, ...]]]:
    """Each anchor (a tuple of kinds) -> its bit and the last words of its terms."""
    lex = _lexicon()
    kinds = dict.fromkeys(k for k, _ in _anchors().values())
    return {k: (1 << n, tuple(sorted({t.split()[-1] for t in lex.terms(*k)}))) for n, k in enumerate(kinds)}


def _anchor_bits(word: str) -> int:
    """The bits of the anchors ``word`` ends in."""
    bits = 0
    for bit, lasts in _anchor_kinds().values():
        if word.endswith(lasts):
            bits |= bit
    return bits


def _tried_tokens(doc: Doc, rule: str) -> list[int]:
    """The tokens where an anchored rule is tried: up to its reach before each anchor token."""
    kinds, reach = _anchors()[rule]
    anchors = _date_words(doc)[2][kinds]
    if not anchors:
        return anchors
    return sorted({t for i in anchors for t in range(max(0, i - reach), i + 1)})


def _candidates(doc: Doc, lo: int = 0, hi: int | None = None, *, anchored: bool = True) -> list[_Cand]:
    """Every match of every rule, overlapping ones included, in rule order then text order.
    ``anchored=False`` searches the whole text with every rule (what anchoring must equal)."""
    lex = _lexicon()
    scan = _Scan(doc, lex)
    text = doc.text
    hi = len(text) if hi is None else hi
    out: list[_Cand] = []
    needs = _needs()
    anchors = _anchors() if anchored else {}
    present: dict[_Need, bool] = {}
    tokens = doc.tokens
    for name, rx, handler in _rules():
        tried = _tried_tokens(doc, name) if name in anchors else None
        if tried == []:
            continue
        if not all(present[need] if need in present else present.setdefault(
                need, _need_met(need, doc, lo, hi)) for need in needs[name]):
            continue
        if tried is not None:
            # a match starts at a word start, so at a token start close before an anchor
            found = (rx.match(text, tokens[t].start, hi) for t in tried if lo <= tokens[t].start < hi)
        else:
            found = _search_all(rx, text, lo, hi)
        for m in found:
            if m is None:
                continue
            got = _normalise_key_result(handler(m, scan), m) if m.end() > m.start() else None
            if got is not None:
                key, end = got
                out.append(_Cand(m.start(), end, key, name))
    return out


def _search_all(rx: re.Pattern, text: str, lo: int, hi: int):
    """Every position where ``rx`` matches, overlapping matches included."""
    pos = lo
    while (m := rx.search(text, pos, hi)) is not None:
        pos = m.start() + 1
        yield m


def _select(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: most tokens first, then the earliest."""
    def size(c: _Cand) -> tuple[int, int]:
        return doc.token_at(c.end) - doc.token_at(c.start), c.end - c.start

    order = {name: i for i, (name, _, _) in enumerate(_rules())}
    ranked = sorted(cands, key=lambda c: (-size(c)[0], -size(c)[1], c.start, order[c.rule]))
    # the spans taken, in order: they do not overlap, so their ends are in order too, and the one
    # that starts last before a candidate ends is the only one that can reach into it (a scan of
    # every span taken made long documents cost the square of their length)
    taken: list[tuple[int, int]] = []
    chosen: list[_Cand] = []
    for c in ranked:
        i = bisect_left(taken, (c.end,))
        if i and taken[i - 1][1] > c.start:
            continue
        insort(taken, (c.start, c.end))
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _merge_earlier(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """في وقت سابق followed by a date (من هذا الشهر، الأربعاء) is that date, earlier on."""
    of = _lexicon().glue["of"]
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.key == "earlier":
            gap = doc.text[prev.end:c.start].split()
            if not gap or (len(gap) == 1 and gap[0] in of):
                out[-1] = _Cand(prev.start, c.end, c.key, c.rule)
                continue
        out.append(c)
    return out


_RELATIVE_DAY_KEYS = ("rel:0", "rel:-1")
_CALENDAR_KINDS = ("abs", "md", "dom", "hijri_md")


def _merge_today(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """"اليوم 23 أيلول"، "أمس، 22 أيلول"، "الأربعاء (31-8-2022)": a relative day or a weekday and the
    calendar date beside it are one expression, and the calendar date says which day (a statement
    quoted days later may call it اليوم)."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        between = doc.text[prev.end:c.start] if prev is not None else ""
        if prev is not None and prev.key.startswith("weekday:") and between.strip() == "(" and \
                c.key.partition(":")[0] in _CALENDAR_KINDS:
            out[-1] = _Cand(prev.start, c.end, c.key, c.rule)  # "مساء الأربعاء (31-8-2022)": which Wednesday
            continue
        if prev is not None and set(between) <= set(" ،,") and len(between) <= 3:
            kinds = (prev.key.partition(":")[0], c.key.partition(":")[0])
            if prev.key in _RELATIVE_DAY_KEYS and kinds[1] in _CALENDAR_KINDS:
                out[-1] = _Cand(prev.start, c.end, c.key, c.rule)
                continue
            if c.key in _RELATIVE_DAY_KEYS and kinds[0] in _CALENDAR_KINDS:
                out[-1] = _Cand(prev.start, c.end, prev.key, prev.rule)
                continue
        out.append(c)
    return out


@lru_cache(maxsize=1)
def _year_word_forms() -> frozenset[str]:
    """عام، سنة and the forms with a conjunction or preposition before them (وعام، بالعام، لسنة)."""
    out = set()
    for w in _lexicon().words("year_word"):
        for pre in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب"):
            out.add(pre + w)
    return frozenset(out)


def _word_years(doc: Doc) -> list[_Cand]:
    """"عام ألفين وسبعة عشر": a year written in words after عام/سنة (1900-2099)."""
    tokens = doc.tokens
    forms = _year_word_forms()
    out = []
    for i, tok in enumerate(tokens[:-1]):
        if tok.text not in forms:
            continue
        if tokens[i + 1].text[:1].isdigit():
            continue  # digits are read by the year rule
        for j in range(min(len(tokens), i + 6), i + 1, -1):  # the longest number phrase first
            value = _quantities_number(" ".join(t.text for t in tokens[i + 1:j]))
            if value is not None and 1900 <= value <= 2099:
                out.append(_Cand(tok.start, tokens[j - 1].end, f"year:{value}", "year"))
                break
    return out


def _wrap_since(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """منذ before a date: from that date until publication (منذ السبت، منذ مطلع العام)."""
    since = _lexicon().glue["since"]
    out: list[_Cand] = []
    for i, c in enumerate(cands):
        t = doc.token_at(c.start) - 1
        if t >= 0 and c.rule != "ago" and not c.key.startswith("since:") and c.key != "earlier":
            tok = doc.tokens[t]
            free = not out or out[-1].end <= tok.start
            if _strip_conj(tok.text) in since and free and doc.text[tok.end:c.start] == " ":
                c = _Cand(tok.start, c.end, "since:" + c.key, c.rule)
        out.append(c)
    return out


# --------------------------------------------------------------------------- resolution
def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    y, m0 = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m0 + 1, min(d.day, calendar.monthrange(y, m0 + 1)[1]))


def _add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _weekday_on_or_before(p: date, wd: int, mod: str | None) -> date:
    if mod == "next":
        return p + timedelta(days=(wd - p.weekday()) % 7 or 7)
    if mod == "coming":  # "من المقرر أن يجتمع المجلس الاثنين": on or after the day
        return p + timedelta(days=(wd - p.weekday()) % 7)
    back = (p.weekday() - wd) % 7
    if mod == "last" and back == 0:
        back = 7
    return p - timedelta(days=back)


def _month_year_for(p_year: int, p_month: int, month: int, mod: str | None) -> int:
    if mod == "cur":
        return p_year
    if mod == "next":
        return p_year if month > p_month else p_year + 1
    if mod == "last":
        return p_year if month < p_month else p_year - 1
    return p_year if month <= p_month else p_year - 1


def _hijri_month_range(y: int, m: int) -> tuple[date, date] | None:
    start = _hijri_to_date(y, m, 1)
    if start is None:
        return None
    length = Hijri(y, m, 1).month_length()
    return start, start + timedelta(days=length - 1)


def _hijri_today(p: date) -> Hijri | None:
    try:
        return Gregorian(p.year, p.month, p.day).to_hijri()
    except (ValueError, OverflowError):
        return None


def _apply_part(rng: tuple[date, date], part: str) -> tuple[date, date]:
    start, end = rng
    length = (end - start).days + 1
    if length <= 31:  # a month: days 1-10, 11-20, 21-end
        bounds = {"early": (0, 9), "mid": (10, 19), "late": (20, length - 1)}[part]
        return start + timedelta(days=bounds[0]), start + timedelta(days=bounds[1])
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        # a Gregorian year: January-March, May-August, October-December
        first, last = {"early": (1, 3), "mid": (5, 8), "late": (10, 12)}[part]
        return date(start.year, first, 1), _month_range(start.year, last)[1]
    # a Hijri year: its first quarter, middle third, last quarter
    bounds = {"early": (0, length // 4 - 1), "mid": (length // 3, 2 * length // 3 - 1),
              "late": (length - length // 4, length - 1)}[part]
    return start + timedelta(days=bounds[0]), start + timedelta(days=bounds[1])


def _split_mod(rest: str) -> tuple[str, str | None]:
    for mod in ("last", "next", "cur", "coming"):
        if rest.endswith(":" + mod):
            return rest[: -len(mod) - 1], mod
    return rest, None


def _num(rest: str) -> int | None:
    return int(rest) if rest else None


def resolve_key(key: str, published: date | None) -> tuple[date | None, date | None]:
    """The day range ``key`` stands for, given the publication date.

    >>> resolve_key("weekday:6", date(2022, 1, 25))
    (datetime.date(2022, 1, 23), datetime.date(2022, 1, 23))
    """
    if isinstance(published, datetime):
        published = published.date()
    p = published
    if key.startswith("since:"):
        start, _ = resolve_key(key[6:], p)
        if start is None or p is None or start > p:
            return None, None
        return start, p
    base, _, part = key.partition("@")
    extra = re.search(r"\+(\d)$", base)  # "md:03-30+1": from that day to the day after
    if extra:
        base = base[:extra.start()]
    kind, _, rest = base.partition(":")
    try:
        rng = _resolve_base(kind, rest, p)
    except (ValueError, OverflowError):  # "قبل 5000 عام" lies outside the calendar
        return None, None
    if rng is None:
        return None, None
    if extra:
        rng = (rng[0], rng[1] + timedelta(days=int(extra.group(1))))
    if part:
        rng = _apply_part(rng, part)
    elif kind in ("this_month", "this_year") and p is not None:
        rng = (rng[0], p)
    return rng


def _resolve_base(kind: str, rest: str, p: date | None) -> tuple[date, date] | None:
    if kind == "abs":
        d = date.fromisoformat(rest)
        return d, d
    if kind == "month" and len(rest) >= 7 and rest[4] == "-":
        return _month_range(int(rest[:4]), int(rest[5:7]))
    if kind == "year":
        return date(int(rest), 1, 1), date(int(rest), 12, 31)
    if kind == "decade":
        return date(int(rest), 1, 1), date(int(rest) + 9, 12, 31)
    if kind == "hijri_month" and len(rest) >= 7 and rest[4] == "-":
        return _hijri_month_range(int(rest[:4]), int(rest[5:7]))
    if kind == "hijri_year":
        first = _hijri_month_range(int(rest), 1)
        last = _hijri_month_range(int(rest), 12)
        return (first[0], last[1]) if first and last else None
    if p is None:
        return None
    body, mod = _split_mod(rest)
    day = timedelta(days=1)
    if kind == "rel":
        d = p + int(body) * day
        return d, d
    if kind == "weekday":
        d = _weekday_on_or_before(p, int(body), mod)
        return d, d
    if kind == "night":
        d = _weekday_on_or_before(p, int(body), mod)
        return d - day, d
    if kind == "night_after":  # "ليل الخميس وفجر الجمعة": Thursday night, when it has ended by publication
        d = _weekday_on_or_before(p, int(body), mod)
        return (d, d + day) if d + day <= p else (d - day, d)
    if kind == "days":
        w1, w2 = (int(x) for x in body.split("-"))
        end = _weekday_on_or_before(p, w2, mod)
        return end - timedelta(days=(w2 - w1) % 7), end
    if kind == "md":
        mon, dd = (int(x) for x in body.split("-"))
        return _resolve_md(p, mon, dd, mod)
    if kind == "dom":
        first = date(p.year, p.month, 1)
        first = _add_months(first, {"last": -1, "next": 1}.get(mod or "cur", 0))
        if int(body) > calendar.monthrange(first.year, first.month)[1]:
            return None
        d = first.replace(day=int(body))
        return d, d
    if kind == "month":
        mon = int(body)
        return _month_range(_month_year_for(p.year, p.month, mon, mod), mon)
    if kind in ("hijri_md", "hijri_month"):
        return _resolve_hijri(kind, body, mod, p)
    return _resolve_span(kind, _num(body), p)


def _resolve_md(p: date, mon: int, dd: int, mod: str | None) -> tuple[date, date] | None:
    if mod == "next":
        years = range(p.year, p.year + 9)
    elif mod in ("last", "cur"):
        y = _month_year_for(p.year, p.month, mon, mod)
        years = range(y, y - 8, -1)
    else:
        years = range(p.year, p.year - 9, -1)
    for y in years:
        try:
            d = date(y, mon, dd)
        except ValueError:  # 29 February in a common year
            continue
        if mod == "next" and d <= p or mod is None and d > p:
            continue
        return d, d
    return None


def _resolve_hijri(kind: str, body: str, mod: str | None, p: date) -> tuple[date, date] | None:
    today = _hijri_today(p)
    if today is None:
        return None
    if kind == "hijri_month":
        mon = int(body)
        return _hijri_month_range(_month_year_for(today.year, today.month, mon, mod), mon)
    mon, dd = (int(x) for x in body.split("-"))
    if mod is None:
        for y in (today.year, today.year - 1):
            d = _hijri_to_date(y, mon, dd)
            if d is not None and d <= p:
                return d, d
        return None
    y = _month_year_for(today.year, today.month, mon, mod)
    d = _hijri_to_date(y, mon, dd)
    return (d, d) if d else None


def _resolve_span(kind: str, n: int | None, p: date) -> tuple[date, date] | None:
    day = timedelta(days=1)
    past_ranges: dict[str, Callable[[int], date]] = {
        "last_days": lambda k: p - k * day,
        "last_hours": lambda k: p - max(1, math.ceil(k / 24)) * day,
        "last_weeks": lambda k: p - 7 * k * day,
        "last_months": lambda k: _add_months(p, -k),
        "last_years": lambda k: _add_years(p, -k),
    }
    defaults = {"last_days": 7, "last_hours": 24}  # الأيام الماضية، الساعات الماضية
    if kind in past_ranges:
        k = n if n is not None else defaults.get(kind)
        return (past_ranges[kind](k), p) if k is not None else None
    if kind == "next_days":
        return p + day, p + (n or 7) * day
    if kind == "next_hours":
        return p, p + max(1, math.ceil((n or 24) / 24)) * day
    if kind == "next_weeks":
        return (p + day, p + 7 * n * day) if n else None
    fixed: dict[str, Callable[[], tuple[date, date]]] = {
        "last_week": lambda: (p - 7 * day, p),
        "this_week": lambda: (p - 6 * day, p),
        "next_week": lambda: (p + day, p + 7 * day),
        "week_before_last": lambda: (p - 14 * day, p - 7 * day),
        "last_month": lambda: _month_range(*_ym(_add_months(p.replace(day=1), -1))),
        "month_before_last": lambda: _month_range(*_ym(_add_months(p.replace(day=1), -2))),
        "this_month": lambda: _month_range(p.year, p.month),
        "next_month": lambda: _month_range(*_ym(_add_months(p.replace(day=1), 1))),
        "last_year": lambda: (date(p.year - 1, 1, 1), date(p.year - 1, 12, 31)),
        "year_before_last": lambda: (date(p.year - 2, 1, 1), date(p.year - 2, 12, 31)),
        "this_year": lambda: (date(p.year, 1, 1), date(p.year, 12, 31)),
        "next_year": lambda: (date(p.year + 1, 1, 1), date(p.year + 1, 12, 31)),
        "ago_days": lambda: (p - 7 * day, p - day),
        "earlier": lambda: (p - day, p),  # في وقت سابق: earlier on, in wire copy the same day or the day before
    }
    if kind in fixed:
        return fixed[kind]()
    if kind == "ago_hours":
        if n is not None and n <= SAME_DAY_HOURS:
            return p, p  # "منذ ساعة"، "قبل ساعتين": told within the hour or two, the publication day
        return p - max(1, math.ceil((n or 1) / 24)) * day, p
    if n is None:
        return None  # قبل أسابيع، قبل أشهر، قبل سنوات، في وقت سابق
    if kind == "ago_weeks":
        centre = p - 7 * n * day
        return centre - day, centre + day
    if kind == "ago_months":
        centre = _add_months(p, -n)
        return centre - 15 * day, centre + 15 * day
    if kind == "ago_years":
        centre = _add_years(p, -n)
        return centre - 182 * day, centre + 182 * day
    return None


def _ym(d: date) -> tuple[int, int]:
    return d.year, d.month


def _precision(start: date | None, end: date | None) -> int | None:
    if start is None or end is None:
        return None
    span = (end - start).days
    return 1 if span == 0 else 2 if span <= EVENT_WINDOW_DAYS else 3


_PERIOD_KINDS = {"month", "year", "decade", "hijri_month", "hijri_year", "this_month", "this_year", "last_month",
                 "last_year", "last_months", "last_years", "month_before_last", "year_before_last"}
_EXPLICIT_PAST_KINDS = {"last_month", "last_year", "last_months", "last_years", "last_weeks",
                        "month_before_last", "year_before_last", "ago_months", "ago_years"}


def _explicit_past(key: str) -> bool:
    """Does the wording alone put this date before the event window?"""
    if key.startswith("since:"):
        inner = key[6:]
        kind = inner.partition("@")[0].partition(":")[0]
        return kind in _PERIOD_KINDS or "@" in inner or _explicit_past(inner)
    base, _, part = key.partition("@")
    kind, _, rest = base.partition(":")
    body, mod = _split_mod(rest)
    if kind in _EXPLICIT_PAST_KINDS:
        return True
    if kind in ("month", "hijri_month") and mod == "last":
        return True
    if kind == "last_days" and body and int(body) > EVENT_WINDOW_DAYS:
        return True
    if kind == "rel" and int(body) < -EVENT_WINDOW_DAYS:
        return True
    if kind == "ago_weeks" and (not body or int(body) >= 2):
        return True
    return False


# A "since" expression that starts this close to publication (منذ الأمس، منذ فجر اليوم) frames one
# ongoing event; one that starts earlier (منذ مطلع العام، منذ 2011، منذ الأول من الشهر) a tally.
SINCE_EVENT_DAYS = 2
# How many hours ago an act may be told and still fall on the publication day (منذ ساعة، قبل ساعتين).
SAME_DAY_HOURS = 2
_SHORT_SINCE_KINDS = {"rel", "weekday", "night", "night_after", "days", "last_hours", "ago_hours", "next_hours"}
_FUTURE_KINDS = {"next_days", "next_hours", "next_week", "next_weeks", "next_month", "next_year"}
_PERIOD_OF_NOW = {"this_month", "this_year"}


def _tense(key: str, start: date | None, end: date | None, precision: int | None,
           published: date | None) -> str:
    """current | background | future | period: can this date be the date of an event reported
    now? A tally's period (منذ بداية العام، هذا الشهر) and the future (المقبل، غداً) cannot."""
    base, _, _ = key.partition("@")
    kind, _, rest = base.partition(":")
    if key.startswith("since:"):
        inner = key[6:].partition("@")[0]
        inner_kind, _, inner_rest = inner.partition(":")
        if published is not None and start is not None:
            if (published - start).days > SINCE_EVENT_DAYS:
                return "period"
        elif inner_kind not in _SHORT_SINCE_KINDS:
            return "period"
        return "background" if _explicit_past(key) else "current"
    if kind in _FUTURE_KINDS or (_split_mod(rest)[1] == "next" and kind not in ("last_days",)):
        return "future"
    if kind == "rel" and rest.lstrip("-").isdigit() and int(rest) > 0:
        return "future"  # غداً، بعد غد
    if published is not None and start is not None and start > published:
        return "future"
    if kind in _PERIOD_OF_NOW:
        return "period"
    if _background(key, start, end, precision, published):
        return "background"
    return "current"


#: How many days before the publication date a calendar date the text calls today or yesterday
#: ("اليوم السبت 19/11/2016") may lie and still be the text's own day: a page's metadata often
#: carries a later date (an update, a re-post) than the day its text was written.
TODAY_DRIFT_DAYS = 45


def _own_today(key: str, end: date | None, published: date | None) -> bool:
    """Is a calendar date said with اليوم/أمس before it a day the text itself calls recent, within
    ``TODAY_DRIFT_DAYS`` of the publication date and no explicit past (العام الماضي)?"""
    if key.partition(":")[0] not in _CALENDAR_KINDS or _explicit_past(key):
        return False
    return published is not None and end is not None and 0 <= (published - end).days <= TODAY_DRIFT_DAYS


def _background(key: str, start: date | None, end: date | None, precision: int | None,
                published: date | None) -> bool:
    if _explicit_past(key):
        return True
    if published is None or end is None:
        return False
    window = published - timedelta(days=EVENT_WINDOW_DAYS)
    if end < window:
        return True
    if precision == 3 and end < published.replace(day=1):
        return True  # a month before the publication month
    return key.startswith("since:") and start is not None and start < window


# --------------------------------------------------------------------------- public API
def find_dates(doc: Doc, published: date | None) -> list[DateMention]:
    """Every date expression in the article, resolved against ``published``.

    ``published`` may be None: relative expressions then keep their key but no dates;
    absolute dates with a year still resolve. Nothing here reads the clock.

    >>> from marsad.arabic.tokenise import make_doc
    >>> m = find_dates(make_doc("قُتل مدنيان اليومَ الأحد"), date(2022, 1, 23))[0]
    >>> (m.text, m.key, str(m.date_start), m.precision)
    ('اليومَ الأحد', 'weekday:6', '2022-01-23', 1)
    """
    if isinstance(published, datetime):
        published = published.date()
    from marsad.date_glue import glued_dates
    from marsad.date_coming import coming_weekday
    from marsad.date_named import named_weekdays
    cands = _candidates(doc) + _word_years(doc) + glued_dates(doc, _candidates, _Cand) + named_weekdays(doc, _Cand)
    chosen = _wrap_since(doc, _merge_today(doc, _merge_earlier(doc, _select(doc, cands))))
    today_starts = {c.start for c in cands if c.key in _RELATIVE_DAY_KEYS}
    out: list[DateMention] = []
    for c in chosen:
        c = _Cand(c.start, c.end, coming_weekday(doc, c.start, c.key), c.rule)
        start, end = resolve_key(c.key, published)
        precision = _precision(start, end)
        span = doc.span(c.start, c.end)
        tense = _tense(c.key, start, end, precision, published)
        if tense == "background" and c.start in today_starts and _own_today(c.key, end, published):
            tense = "current"  # "قصفه اليوم السبت 19/11/2016" on a page dated weeks later: the text's today
        out.append(DateMention(
            start=span.start, end=span.end, text=span.text,
            date_start=start, date_end=end, precision=precision, key=c.key,
            background=tense != "current", tense=tense,
            tok_start=doc.token_at(c.start), tok_end=doc.token_at(c.end),
        ))
    return out


_CLOCK_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_WORD_RE = re.compile(r"[^\W_]+")


def publication_date_from_text(doc: Doc) -> date | None:
    """The date of a dateline among the article's first lines, else None.

    A dateline is a line that holds a full date (day, month, year) and little else:
    a weekday, a clock time, a label such as ``تاريخ النشر:``, at most one more word
    (a city) when a label or time is there. A date inside a sentence is not one.

    >>> from marsad.arabic.tokenise import make_doc
    >>> publication_date_from_text(make_doc("عنوان الخبر\\n07 مارس 2015\\nنص الخبر"))
    datetime.date(2015, 3, 7)
    """
    lex = _lexicon()
    text = doc.text
    pos = 0
    seen = 0
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if not line.strip():
            continue
        seen += 1
        if seen > DATELINE_LINES:
            break
        if len(line) > _MAX_DATELINE_CHARS:
            continue
        found = _dateline_date(doc, lex, lo, hi)
        if found is not None:
            return found
    return None


def _dateline_date(doc: Doc, lex: _Lexicon, lo: int, hi: int) -> date | None:
    line = doc.text[lo:hi]
    if _has_phrase(line, lex.words("update_label")):
        return None  # آخر تحديث: the date of an edit, not of publication
    full = [c for c in _select(doc, _candidates(doc, lo, hi)) if c.key.startswith("abs:")]
    if not full:
        return None
    rest = list(line)
    for c in full:
        rest[c.start - lo:c.end - lo] = " " * (c.end - c.start)
    rest_text = "".join(rest)
    has_time = bool(_CLOCK_RE.search(rest_text))
    rest_text = _CLOCK_RE.sub(" ", rest_text)
    has_label = _has_phrase(rest_text, lex.words("dateline_label"))
    for label in sorted(lex.words("dateline_label"), key=len, reverse=True):
        rest_text = re.sub(rf"{_B}{re.escape(label)}{_E}", " ", rest_text)
    ignorable = set(lex.words("weekday")) | set(lex.words("clock_word")) | set(lex.words("era"))
    left = [w for w in _WORD_RE.findall(rest_text) if w not in ignorable]
    allowed = 1 if (has_label or has_time) else 0
    function_words = set(lex.words("range_prep")) | set(lex.words("month_cue")) | set().union(*lex.glue.values())
    if len(left) > allowed or any(w[:1].isdigit() or w in function_words for w in left):
        return None
    return date.fromisoformat(full[0].key[4:])


def _has_phrase(text: str, phrases) -> bool:
    return any(re.search(rf"{_B}{re.escape(p)}{_E}", text) for p in phrases)
