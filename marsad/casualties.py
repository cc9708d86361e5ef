"""Death and injury counts tied to a casualty expression.

A number counts deaths only when a death expression governs it within a short
window: the count right after the death word (``مقتل 5``، ``قُتل مدني``،
``مودية بخمسة مدنيين``), a verb with its subject (``اغتال مجهولون أربعة
مقاتلين``), a count before a death word (``180 قتيلاً``، ``خمسة أشخاص لقوا
حتفهم``) or inside a discontinuous phrase (``فقد سبعة وعشرون مقاتلاً ...
حياتهم``). Numbers of attackers, detainees, abductees, vehicles, distances,
durations and ages are never deaths; neither are injured.

>>> from marsad.arabic.tokenise import make_doc
>>> [(c.kind, c.count, c.victim) for c in find_casualties(make_doc("قتل 5 مدنيين وأصيب 7 آخرون"))]
[('killed', 5, 'مدنيين'), ('injured', 7, 'آخرون')]

What the records mean (``marsad.model.Casualty``):

* ``kind`` is ``"killed"``, ``"injured"`` or ``"mixed"``. ``"mixed"`` is one
  count for dead and injured together (``20 شخصاً بين قتيل وجريح``،
  ``مقتل وإصابة 20``): it is NOT a death count and totals must ignore it.
* ``count`` is conservative (``أكثر من 175`` -> 175; ``عشرات`` -> 10,
  vague) with ``low``/``high`` from the wording; ``count`` is None when the
  text reports deaths without a usable number (``مقتلهم``، ``مقتل مدنيين``،
  ``سقوط قتلى``).
* **Conjoined lists.** ``مقتل 10 جنود و4 مدنيين`` and ``قتلت امرأة وطفلين``
  give one record per conjunct (10 soldiers, 4 civilians), each with its own
  count, victim and class, and ALL conjuncts of one list carry the SAME
  evidence span (``start``, ``end``, ``text``, ``tok_start``, ``tok_end``):
  the whole list. The total of a list is the sum of its non-subgroup
  records that share ``(start, end, kind)``.
* **Separate casualties.** When the same death word governs counts that each
  have their own place or circumstance (``مقتل تسعة مدنيين ... في قرية بليون
  وأربعة مدنيين ... في قرية البارة``), each gets its own span and start.
* **Subgroups.** A count after ``بينهم``/``منهم``/``من بينهم`` is part of the
  count before it: ``subgroup=True``, same ``kind``, its own span (the count,
  its noun and a ``من X`` phrase) inside the parent's span, never to be added
  to totals. Conjoined subgroup items (``بينهم 7 أطفال وسيدة``) are one record
  each.
* The evidence span runs from the death word (when it governs a count after
  it, clitics included: ``بمقتل مدني``، ``مودية بخمسة مدنيين``; for
  ``فقد ... حياتهم`` from ``فقد``) or else from the count (after its own
  clitic: ``أربعة مدنيين`` out of ``وأربعة مدنيين``), through the
  victim noun, a following ``من X`` naming the side, any ``بينهم ...``
  subgroup, up to the first punctuation, injury/death expression, unrelated
  number or about 15 words. ``doc.raw[c.start:c.end] == c.text`` always.
* ``victim_class``: civilians | fighters | security | unknown; ``آخرون``
  ("others") takes the class of the casualty before it in the sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.arabic.normalise import normalise_term
from marsad.arabic.tokenise import WORD_CACHE_SIZE, Doc
from marsad.cues import cue_phrases, cue_words
from marsad.errors import KnowledgeBaseError
from marsad.once import once
from marsad.kb import load_table, split_list
from marsad.model import Casualty, Quantity
from marsad.quantities import _word_reading, find_quantities, parse_number, quantity_unit

__all__ = ["find_casualties"]

_STOPS = set("،,.;؛:!?؟\n")
_STOP_RE = re.compile("[" + re.escape("".join(sorted(_STOPS))) + "]")
_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")
_PRONOUN_COUNT = {"ه": 1, "ها": 1, "هما": 2, "هم": None, "هن": None}
_MAX_SPAN = 15
_NISBA_PLURAL = ("يين", "يون")
_ARGS = frozenset({"after", "before", "far", "pron", "suffix", "one", "none_ok", "between", "bcount",
                   "noart", "verbs", "total", "clause"})


@dataclass(frozen=True)
class _Entry:
    form: tuple[str, ...]
    kind: str
    number: str
    cls: str
    args: frozenset[str]
    group: str


@dataclass(frozen=True)
class _Vocab:
    triggers: dict[tuple[str, ...], tuple[_Entry, ...]]
    victims: dict[tuple[str, ...], tuple[_Entry, ...]]
    markers: dict[tuple[str, ...], tuple[_Entry, ...]]
    sides: dict[tuple[str, ...], tuple[_Entry, ...]]
    max_len: int


@once
def _vocab() -> _Vocab:
    tables: dict[str, dict[tuple[str, ...], list[_Entry]]] = {"t": {}, "v": {}, "m": {}, "s": {}}
    where = {"death": "t", "injury": "t", "mixed": "t", "open": "t", "close": "t",
             "victim": "v", "others": "v", "subgroup": "m", "negation": "m", "governor": "m",
             "side": "s"}
    max_len = 1
    for row in load_table("casualty_words.tsv", required=("form", "kind")):
        kind = row["kind"]
        if kind not in where:
            raise KnowledgeBaseError(f"unknown kind {kind!r}", where=f"casualty_words.tsv:{row['_line']}")
        form = tuple(normalise_term(row["form"]).split())
        args = split_list(row.get("args", ""), ",")
        bad = [a for a in args if a not in _ARGS and not a.startswith("group=")]
        if bad:
            raise KnowledgeBaseError(f"unknown args {bad}", where=f"casualty_words.tsv:{row['_line']}")
        if row.get("number", "") not in ("", "sg", "du", "pl"):
            raise KnowledgeBaseError(f"bad number {row['number']!r}", where=f"casualty_words.tsv:{row['_line']}")
        group = next((a.split("=", 1)[1] for a in args if a.startswith("group=")), "")
        entry = _Entry(form, kind, row.get("number", ""), row.get("class", "") or "unknown",
                       frozenset(a for a in args if not a.startswith("group=")), group)
        tables[where[kind]].setdefault(form, []).append(entry)
        max_len = max(max_len, len(form))
    return _Vocab(*({k: tuple(v) for k, v in tables[t].items()} for t in ("t", "v", "m", "s")), max_len)


@once
def death_forms() -> frozenset[str]:
    """The one-word death expressions (normalised): قتل، مقتل، قتلى، شهداء ..."""
    return frozenset(form[0] for form, entries in _vocab().triggers.items()
                     if len(form) == 1 and any(e.kind in ("death", "open", "close") for e in entries))


def is_death_word(word: str, proclitics: tuple[str, ...]) -> bool:
    """Is the (normalised) token ``word`` a one-word death expression, bare or after one of
    ``proclitics`` (و، ف، ب، ل ...)?"""
    deaths = death_forms()
    return word in deaths or (word[:1] in proclitics and word[1:] in deaths)


@once
def clause_verb_forms() -> frozenset[str]:
    """Death and injury verbs in the perfect (normalised) that, after a comma and و, may open the
    clause of another event: "قتل مدنيان في قصف على X، وقتل سبعة مسلحين في اشتباكات في Y"."""
    return frozenset(form[0] for form, entries in _vocab().triggers.items()
                     if len(form) == 1 and any("clause" in e.args for e in entries))


@once
def total_forms() -> frozenset[tuple[str, ...]]:
    """Toll nouns whose count is an event's whole toll (normalised word tuples): حصيلة القتلى،
    عدد ضحايا ..."""
    return frozenset(form for form, entries in _vocab().triggers.items()
                     if any("total" in e.args for e in entries))


def part_marker_before(doc: Doc, tok: int) -> bool:
    """Does a subgroup marker end right before token ``tok`` ("فإن بين الحصيلة 3 مدنيين قتلى"،
    "ومن بين القتلى أربعة أطفال")? The count after it is a part of a toll told before."""
    markers = _vocab().markers
    for n in range(1, _vocab().max_len + 1):
        if tok - n < 0:
            break
        words = [doc.tokens[t].text for t in range(tok - n, tok)]
        for first, _ in _first_forms(words[0]):
            if any(e.kind == "subgroup" for e in markers.get(tuple([first] + words[1:]), ())):
                return True
    return False


@once
def object_victim_forms() -> frozenset[str]:
    """One-word victim nouns in the accusative a killing verb takes as its object: singulars
    with the accusative alif (شاباً، فلسطينياً), duals and plurals in -ين (طفلين، لبنانيين)."""
    return frozenset(form[0] for form, entries in _vocab().victims.items()
                     if len(form) == 1 and any(e.kind == "victim" for e in entries) and
                     (form[0].endswith("ين") or any(e.number == "sg" for e in entries) and form[0].endswith("ا")))


@lru_cache(maxsize=1)
def armed_victim_forms() -> frozenset[str]:
    """One-word victim nouns of soldiers, police and fighters (جنود، عنصرا، مقاتلين)."""
    return frozenset(form[0] for form, entries in _vocab().victims.items()
                     if len(form) == 1 and entries and all(e.kind == "victim" and e.cls in ("security", "fighters")
                                                          for e in entries))


@lru_cache(maxsize=1)
def civilian_victim_forms() -> frozenset[str]:
    """One-word victim nouns of civilians only (مدنيين، أطفال، مواطنين)."""
    return frozenset(form[0] for form, entries in _vocab().victims.items()
                     if len(form) == 1 and entries and all(e.kind == "victim" and e.cls == "civilians"
                                                          for e in entries))


# --------------------------------------------------------------------------- matching

def _table(table_id: int) -> dict:
    """The vocabulary table of that id (tables are keyed by id in the per-word caches)."""
    vocab = _vocab()
    for table in (vocab.triggers, vocab.victims, vocab.markers, vocab.sides):
        if id(table) == table_id:
            return table
    raise KeyError(table_id)


@lru_cache(maxsize=8)
def _first_words(table_id: int) -> frozenset[str]:
    return frozenset(k[0] for k in _table(table_id))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _first_forms(word: str) -> tuple[tuple[str, str], ...]:
    """(stem, prefix) readings of a word with proclitics (و ف ب ل ك ال) set aside."""
    out = [(word, "")]
    for conj in ("", "و", "ف"):
        for prep in ("", "ب", "ل", "ك"):
            for art in ("", "ال"):
                pre = conj + prep + art
                if not pre or not word.startswith(pre):
                    continue
                stem = word[len(pre):]
                if len(stem) < 2 or (len(stem) < 3 and (prep or art)):
                    continue
                out.append((stem, pre))
        pre = conj + "لل"   # ل + ال
        if word.startswith(pre) and len(word) - len(pre) >= 3:
            out.append((word[len(pre):], pre))
    return tuple(out)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _suffix_forms(word: str) -> tuple[tuple[str, str], ...]:
    """(base, pronoun) readings of a word with an attached pronoun set aside."""
    out = []
    for suf in _PRONOUNS:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            out.append((base, suf))
            if base.endswith("ت"):
                out.append((base[:-1] + "ه", suf))   # حياتهم -> حياه
    return tuple(out)


@dataclass(frozen=True)
class _Match:
    entry: _Entry
    t0: int
    t1: int
    prefix: str
    pron: str


@dataclass
class _Ctx:
    doc: Doc
    qs: list[Quantity]
    person: list[bool]
    q_start: dict[int, int]
    q_cover: dict[int, int]
    stop_after: list[bool]
    triggers: list[_Match] = field(default_factory=list)
    trig_cover: dict[int, _Match] = field(default_factory=dict)
    victims: dict[int, _Match] = field(default_factory=dict)
    markers: dict[int, _Match] = field(default_factory=dict)
    claimed_q: set[int] = field(default_factory=set)
    claimed_tok: set[int] = field(default_factory=set)
    n: int = field(init=False)  # tokens in the document

    def __post_init__(self) -> None:
        self.n = len(self.doc.tokens)

    def text(self, k: int) -> str:
        return self.doc.tokens[k].text

    def marker(self, k: int, kind: str) -> _Match | None:
        m = self.markers.get(k)
        return m if m is not None and m.entry.kind == kind else None


@lru_cache(maxsize=3 * WORD_CACHE_SIZE)  # three tables
def _may_start(word: str, table_id: int, pron_ok: bool) -> bool:
    """Can an entry of the table start with ``word`` (clitics and, if allowed, a pronoun aside)?"""
    firsts = _first_words(table_id)
    return any(stem in firsts or (pron_ok and any(b in firsts for b, _ in _suffix_forms(stem)))
               for stem, _ in _first_forms(word))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _starts(word: str) -> tuple[bool, bool, bool]:
    """Whether a trigger, a victim noun, a marker may start with ``word``: most words start none."""
    vocab = _vocab()
    return (_may_start(word, id(vocab.triggers), True), _may_start(word, id(vocab.victims), True),
            _may_start(word, id(vocab.markers), False))


@lru_cache(maxsize=8)
def _tails(table_id: int) -> dict[int, frozenset[tuple[str, ...]]]:
    """length -> the words after the first of the table's entries of that length: a phrase
    whose later words are none of these cannot match, whatever its first word stands for."""
    out: dict[int, set[tuple[str, ...]]] = {}
    for key in _table(table_id):
        out.setdefault(len(key), set()).add(key[1:])
    return {n: frozenset(v) for n, v in out.items()}


def _match_at(ctx: _Ctx, i: int, table: dict, *, pron_ok: bool, sg_pron: bool = False) -> list[_Match]:
    """Entries of ``table`` starting at token ``i``, longest first."""
    out: list[_Match] = []
    if not _may_start(ctx.text(i), id(table), pron_ok):
        return out
    tokens = ctx.doc.tokens
    stop_after = ctx.stop_after
    # a phrase never runs over a stop: the longest one possible here ends at the first stop
    longest = 1
    for k in range(i, min(i + _vocab().max_len, ctx.n) - 1):
        if stop_after[k]:
            break
        longest += 1
    tails = _tails(id(table))
    for length in range(longest, 0, -1):
        if length > 1:
            wanted = tails.get(length)
            if wanted is None:
                continue
            end_word = tokens[i + length - 1].text
            lasts = [(end_word, "")]
            if pron_ok:
                lasts += _suffix_forms(end_word)
            middle = tuple(tokens[k].text for k in range(i + 1, i + length - 1))
            lasts = [(last, p) for last, p in lasts if middle + (last,) in wanted]
            if not lasts:
                continue
        for first, pre in _first_forms(tokens[i].text):
            if length == 1:
                lasts = [(first, "")]
                if pron_ok:
                    lasts += list(_suffix_forms(first))
                heads: list[tuple[tuple[str, ...], str]] = [((last,), p) for last, p in lasts]
            else:
                heads = [((first,) + middle + (last,), p) for last, p in lasts]
            for key, p in heads:
                for entry in table.get(key, ()):
                    if "noart" in entry.args and pre.endswith(("ال", "لل")):
                        continue
                    if p and not ({"pron", "suffix"} & entry.args) and not (sg_pron and entry.number == "sg"):
                        continue
                    out.append(_Match(entry, i, i + length, pre, p if "suffix" not in entry.args else ""))
        if out:
            return out
    return out


def _feminine_adjective(ctx: _Ctx, vm: _Match) -> bool:
    """"نفذته مجموعات مسلحة"، "شنته عصابة مسلحة": a singular victim noun read with a pronoun ه that is,
    as written, the feminine ending ة, with no article and right after a word that is no casualty word,
    count or person noun, describes that word (an armed group); it counts no one. "مقتل مقاتلة"، "مصرع
    المقاتلة البريطانية" stay a dead woman."""
    k = vm.t0 - 1
    if vm.pron != "ه" or vm.prefix or k < 0 or ctx.stop_after[k] or not _taa_marbuta(ctx, vm.t1 - 1):
        return False
    return not (k in ctx.trig_cover or k in ctx.q_cover or ctx.text(k) == "و"
                or any(v.t0 <= k < v.t1 for v in ctx.victims.values()))


def _taa_marbuta(ctx: _Ctx, k: int) -> bool:
    """Does token ``k`` end, as written, in ة (which the normaliser folds to ه, the pronoun's letter)?"""
    tok = ctx.doc.tokens[k]
    norm = ctx.doc.norm
    if norm is None:
        return False
    a, b = norm.to_raw[tok.end - 1], norm.to_raw[tok.end - 1] + 1
    return norm.raw[a:b] == "ة"


def _build_ctx(doc: Doc, quantities: list[Quantity] | None) -> _Ctx:
    qs = list(find_quantities(doc) if quantities is None else quantities)
    qs = [q for q in qs if 0 <= q.tok_start < q.tok_end <= len(doc.tokens)]
    person = [quantity_unit(doc, q) is None and (q.value is not None or q.vague) for q in qs]
    q_start: dict[int, int] = {}
    q_cover: dict[int, int] = {}
    for qi, q in enumerate(qs):
        q_start.setdefault(q.tok_start, qi)
        for k in range(q.tok_start, q.tok_end):
            q_cover.setdefault(k, qi)
    tokens = doc.tokens
    text = doc.text
    sent_of = doc.token_sentences
    # a stop mark is never inside a token: the gap it lies in follows the last token ending before it
    ends = [tok.end for tok in tokens]
    stopped = {bisect.bisect_right(ends, m.start()) - 1 for m in _STOP_RE.finditer(text)}
    stop_after = [sent_of[k] != sent_of[k + 1] or k in stopped for k in range(len(tokens) - 1)]
    if tokens:
        stop_after.append(True)
    ctx = _Ctx(doc, qs, person, q_start, q_cover, stop_after)
    vocab = _vocab()
    raw_triggers: list[_Match] = []
    for i, tok in enumerate(tokens):
        trig, victim, marker = _starts(tok.text)
        if trig:
            raw_triggers.extend(_match_at(ctx, i, vocab.triggers, pron_ok=True))
        if victim:
            vm = _match_at(ctx, i, vocab.victims, pron_ok=True, sg_pron=True)  # طفلها
            if vm:
                ctx.victims[i] = vm[0]
        if marker:
            mm = _match_at(ctx, i, vocab.markers, pron_ok=False)
            if mm:
                ctx.markers[i] = mm[0]
    # longest trigger phrases win; mixed phrases before death/injury words
    rank = {"mixed": 0, "open": 1, "close": 1, "death": 2, "injury": 2}
    raw_triggers.sort(key=lambda m: (-(m.t1 - m.t0), rank[m.entry.kind], m.t0))
    kept_at: dict[int, list] = {}  # token -> the kept triggers covering it
    for m in raw_triggers:
        clash = list({id(o): o for t in range(m.t0, m.t1) for o in kept_at.get(t, ())}.values())
        # a word may be both a death word and the second half of a pair (مصرع)
        if clash and not all(o.t0 == m.t0 and o.t1 == m.t1 and {o.entry.kind, m.entry.kind} & {"close", "open"}
                             for o in clash):
            continue
        ctx.triggers.append(m)
        for t in range(m.t0, m.t1):
            kept_at.setdefault(t, []).append(m)
    ctx.triggers.sort(key=lambda m: (m.t0, m.t1))
    ctx.triggers = _dead_and_injured_nouns(ctx, ctx.triggers)
    for m in ctx.triggers:
        for k in range(m.t0, m.t1):
            ctx.trig_cover.setdefault(k, m)
    for i in [i for i, vm in ctx.victims.items() if _others_adjective(ctx, vm) or _feminine_adjective(ctx, vm)]:
        del ctx.victims[i]
    _open_parentheticals(ctx)
    return ctx


def _dead_and_injured_nouns(ctx: _Ctx, triggers: list[_Match]) -> list[_Match]:
    """"ارتفعت الحصيلة إلى 13 شهيدا وجريحا"، "9 قتلى ومصابين": a death noun joined by و to an injury
    noun with no count between them is one count of dead and injured together (``"mixed"``), however
    the pair is worded (the pairs ``casualty_words.tsv`` lists already match as one phrase). Duals
    count themselves ("قتيلان وجريحان": two of each) and stay apart, and so does a noun of another
    number ("5 شهداء وجريح": five dead and one wounded)."""
    out: list[_Match] = []
    k = 0
    while k < len(triggers):
        m = triggers[k]
        nxt = triggers[k + 1] if k + 1 < len(triggers) else None
        if nxt is not None and m.entry.kind == "death" and nxt.entry.kind == "injury" and \
                nxt.t0 == m.t1 and not ctx.stop_after[m.t1 - 1] and nxt.prefix == "و" and \
                m.entry.number in ("sg", "pl") and nxt.entry.number == m.entry.number and "one" not in nxt.entry.args and \
                "before" in m.entry.args and "before" in nxt.entry.args and not m.pron and not nxt.pron and \
                m.t1 not in ctx.q_cover:
            pair = _Entry(m.entry.form + nxt.entry.form, "mixed", "", "unknown", frozenset({"after", "before"}), "")
            out.append(_Match(pair, m.t0, nxt.t1, m.prefix, ""))
            k += 2
            continue
        out.append(m)
        k += 1
    return out


def _others_adjective(ctx: _Ctx, vm: _Match) -> bool:
    """"قتلت غارة أخرى أربعة أطفال": آخر/أخرى right after a word that is no casualty word, count or
    person noun (and with no و of its own) describes that word (another strike); it counts no one.
    "وقتل آخر"، "ثلاثة آخرون"، "مع آخرين"، "وآخرون" stay others."""
    k = vm.t0 - 1
    if vm.entry.kind != "others" or vm.prefix.startswith(("و", "ف")) or k < 0 or ctx.stop_after[k]:
        return False
    word = ctx.text(k)
    return not (k in ctx.trig_cover or k in ctx.q_cover or word == "و" or word in cue_words("with_preposition")
                or any(v.t0 <= k < v.t1 for v in ctx.victims.values()))


def _comma_after(ctx: _Ctx, k: int, quotes: bool = False) -> bool:
    """Is a comma all that stands between token ``k`` and the next (with ``quotes``, a closing
    quotation mark may stand before it: "قسد"،)?"""
    tokens = ctx.doc.tokens
    gap = ctx.doc.text[tokens[k].end:tokens[k + 1].start] if k + 1 < len(tokens) else ""
    if quotes:
        gap = gap.replace("\u201d", "").replace('"', "").replace("\u00bb", "")
    return k + 1 < len(tokens) and gap.strip() in ("،", ",")


def _open_parentheticals(ctx: _Ctx) -> None:
    """A short aside between commas does not end the clause:
    اغتال مسلحون مجهولون، اليوم الأحد، عنصراً؛ لقي 8 مدنيين، بينهم أطفال، مصارعهم."""
    k = 0
    while k < ctx.n - 1:
        if ctx.stop_after[k] and _comma_after(ctx, k):
            k2 = k + 1
            while k2 < ctx.n - 1 and not ctx.stop_after[k2] and k2 - k <= 3:
                k2 += 1
            inside = range(k + 1, k2 + 1)
            if k2 - k <= 3 and _comma_after(ctx, k2) and \
                    not any(t in ctx.q_cover or t in ctx.trig_cover or
                            (t in ctx.markers and ctx.markers[t].entry.kind != "subgroup") for t in inside) \
                    and ctx.doc.sentence_of_token(k).index == ctx.doc.sentence_of_token(k2 + 1).index:
                ctx.stop_after[k] = ctx.stop_after[k2] = False
                k = k2 + 1
                continue
        k += 1


# --------------------------------------------------------------------------- conjuncts

@dataclass
class _Conj:
    count: int | None
    low: int | None
    high: int | None
    t0: int                 # token range of the count and its noun
    t1: int
    start: int | None       # raw start when it begins at a Quantity (clitic excluded)
    victim: tuple[int, int, str] | None = None  # token range and prefix of the victim noun
    cls: str = "unknown"
    others: bool = False
    qi: int | None = None


@dataclass
class _Group:
    kind: str
    start_tok: int
    start_raw: int | None
    must_end: int
    conjs: list[_Conj] = field(default_factory=list)
    subs: list[_Conj] = field(default_factory=list)
    members: set[int] = field(default_factory=set)
    trigger: _Match | None = None


def _usable_q(ctx: _Ctx, k: int) -> int | None:
    qi = ctx.q_start.get(k)
    if qi is None or qi in ctx.claimed_q or not ctx.person[qi]:
        return None
    return qi


def _victim_conj_fields(ctx: _Ctx, vm: _Match) -> dict:
    e = vm.entry
    cls = e.cls if e.kind == "victim" else "unknown"
    k = vm.t1
    if cls in ("fighters", "unknown") and k + 1 < ctx.n and ctx.text(k) == "من" \
            and not ctx.stop_after[k - 1] and not ctx.stop_after[k]:
        side = _match_at(ctx, k + 1, _vocab().sides, pron_ok=False)
        if side:
            cls = side[0].entry.cls   # عناصر من الشرطة
    return {"victim": (vm.t0, vm.t1, vm.prefix), "cls": cls, "others": e.kind == "others"}


def _conj_from_q(ctx: _Ctx, qi: int) -> _Conj:
    q = ctx.qs[qi]
    c = _Conj(q.value, q.low, q.high, q.tok_start, q.tok_end, q.start, qi=qi)
    if q.value is None:
        c.low = c.high = None
    e = q.tok_end
    own = ctx.victims.get(q.tok_end - 1)
    if own is not None and own.t1 == q.tok_end and own.t0 >= q.tok_start:
        # the dual noun is the count: شخصان، طفلين
        c.__dict__.update(_victim_conj_fields(ctx, own))
        return c
    own_trig = ctx.trig_cover.get(q.tok_start)
    if own_trig is not None and own_trig.entry.number == "du":
        c.victim = (own_trig.t0, own_trig.t1, own_trig.prefix)
        return c
    if e < ctx.n and not ctx.stop_after[e - 1]:
        vm = ctx.victims.get(e)
        if vm is None and ctx.text(e) == "من" and e + 1 < ctx.n and not ctx.stop_after[e]:
            vm = ctx.victims.get(e + 1)
        if vm is not None:
            c.__dict__.update(_victim_conj_fields(ctx, vm))
            c.t1 = vm.t1
        else:
            tm = ctx.trig_cover.get(e)
            if tm is not None and tm.entry.number and tm.t0 == e:
                c.victim = (tm.t0, tm.t1, tm.prefix)   # 180 قتيلاً
                c.t1 = tm.t1
            elif tm is None and e not in ctx.q_cover and e not in ctx.markers and \
                    ctx.text(e).endswith(_NISBA_PLURAL) and len(ctx.text(e)) >= 6:
                c.victim = (e, e + 1, "")              # 3 فلسطينيين: a nisba plural names people
                c.t1 = e + 1
    return c


def _conj_from_victim(ctx: _Ctx, vm: _Match, count: int | None) -> _Conj:
    c = _Conj(count, count, count, vm.t0, vm.t1, None)
    c.__dict__.update(_victim_conj_fields(ctx, vm))
    return c


def _postposed(ctx: _Ctx, vm: _Match) -> _Conj | None:
    """مدنيين اثنين، عنصر واحد: the number after the noun."""
    k = vm.t1
    if k >= ctx.n or ctx.stop_after[k - 1]:
        return None
    definite = _definite_count(ctx, vm, k)
    if definite is not None:
        c = _Conj(definite, definite, definite, vm.t0, k + 1, None)
        c.__dict__.update(_victim_conj_fields(ctx, vm))
        ctx.claimed_tok.add(k)
        return c
    qi = _usable_q(ctx, k)
    if qi is None:
        return None
    q = ctx.qs[qi]
    reading = _word_reading(ctx.text(k))
    if q.value in (1, 2) and reading is not None and reading[3] == "" and q.tok_end == k + 1:
        c = _Conj(q.value, q.low, q.high, vm.t0, q.tok_end, None, qi=qi)
        c.__dict__.update(_victim_conj_fields(ctx, vm))
        return c
    return None


# The counts a cardinal with the article may give after a definite plural noun (الجنود الأربعة): from
# three (two is the dual: الجنديان، and الاثنين is also Monday) to ten.
DEFINITE_COUNTS = range(3, 11)


def _definite_count(ctx: _Ctx, vm: _Match, k: int) -> int | None:
    """"جثث الجنود الأربعة"، "القتلى الخمسة": a cardinal with the article after a plural victim noun
    with the article is its count (as an adjective it agrees with the noun's article)."""
    if not vm.prefix.endswith(("ال", "لل")) or vm.entry.number == "sg":
        return None
    word = ctx.text(k)
    if not word.startswith("ال") or k in ctx.q_start:
        return None
    reading = _word_reading(word[2:])
    if reading is None or reading[0] != "unit" or reading[3] != "" or reading[1] not in DEFINITE_COUNTS:
        return None
    return reading[1]


def _self_counting(ctx: _Ctx, vm: _Match) -> _Conj | None:
    """A victim noun that gives its own count: a number after it (مدنيين اثنين) or a singular (مدني = 1)."""
    post = _postposed(ctx, vm)
    if post is not None:
        return post
    if vm.entry.number == "sg":
        return _conj_from_victim(ctx, vm, 1)
    return None


def _is_other_trigger(ctx: _Ctx, k: int, own: _Match | None) -> bool:
    m = ctx.trig_cover.get(k)
    return m is not None and m is not own


def _scan_after(ctx: _Ctx, start: int, *, far: bool, own: _Match | None, limit: int | None = None) -> _Conj | None:
    """The count (or person noun) a death word at ``start - 1`` governs."""
    found = _scan_words_after(ctx, start, far=far, own=own, limit=limit)
    if found is None and own is not None:
        # "حيث قتل بغارة مع عدد كبير من عناصره": no count right after, but a means and his company
        return _company_after_means(ctx, start, own, ctx.n if limit is None else limit)
    return found


def _scan_words_after(ctx: _Ctx, start: int, *, far: bool, own: _Match | None, limit: int | None) -> _Conj | None:
    maxgap = 5 if far else 1
    limit = ctx.n if limit is None else limit
    j, gap = start, 0
    after_agent = False
    while j < limit and gap <= maxgap:
        if j > 0 and ctx.stop_after[j - 1] and not (after_agent and _comma_before(ctx, j)):
            return None
        if _is_other_trigger(ctx, j, own) or ctx.marker(j, "governor") or \
                ctx.text(j) in cue_words("relative_pronoun"):
            return None   # a relative clause starts: توفي وولف الذي ألف ...
        if ctx.marker(j, "subgroup"):
            return None   # "12 شخصاً قتلوا بينهم 5 أطفال": a part of the victims before the verb
        qi = ctx.q_start.get(j)
        if qi is not None and _adjective_one(ctx, qi, j, start):
            j += 1  # "قتلوا من أسرة واحدة": one family, not one dead
            gap += 1
            continue
        if qi is not None:
            if _usable_q(ctx, j) is None:
                return None
            conj = _conj_from_q(ctx, qi)
            if j > start and ctx.text(j - 1) in cue_words("with_preposition") and own is not None and \
                    ctx.text(own.t0) in cue_words("singular_death_verb"):
                _with_company(conj)
            return conj
        if j in ctx.q_cover:
            return None
        vm = ctx.victims.get(j)
        if vm is not None and vm.t0 > start and ctx.text(vm.t0 - 1) in cue_words("killers_means"):
            # "إن شابا قتل برصاص مسلحين": the gunmen killed, they are not the dead; the dead may
            # follow them ("قتل برصاص مسلحين ثلاثة مدنيين")
            j = vm.t1
            after_agent = True
            continue
        if vm is not None and vm.t0 not in ctx.claimed_tok:
            single = _self_counting(ctx, vm)
            if single is not None:
                return _company_after(ctx, vm.t1, own, limit) or single
            if vm.entry.number == "pl":
                agent = far and _candidate_follows(ctx, vm.t1, limit)
                if not agent:
                    return _conj_from_victim(ctx, vm, None)
                j = vm.t1  # the killers' words take nothing from the gap to whom they killed
                after_agent = True
                continue
        j += 1
        gap += 1
    return None


# How many words a toll noun's predicate verb may stand after it ("عدد قتلى الغارات التي
# استهدفت عزاء في الصالة الكبرى بصنعاء تجاوز المائة": a relative clause between them).
TOLL_PREDICATE_WORDS = 16


def _toll_predicate(ctx: _Ctx, m: _Match) -> _Conj | None:
    """The count a toll noun (عدد قتلى، حصيلة الشهداء) is said to reach by a verb after a relative
    clause or a long construct: "بلغ/تجاوز/وصل إلى/ارتفع إلى" and the count, a figure or a number
    word with the article ("تجاوز المائة": more than a hundred), in the noun's sentence."""
    verbs = cue_words("toll_predicate")
    for k in range(m.t1, min(ctx.n, m.t1 + TOLL_PREDICATE_WORDS)):
        if ctx.text(k) in verbs:
            conj = _scan_words_after(ctx, k + 1, far=True, own=None, limit=None)
            if conj is None and k + 1 < ctx.n and not ctx.stop_after[k]:
                conj = _definite_number(ctx, k + 1)
            return conj
        if ctx.stop_after[k] or _is_other_trigger(ctx, k, m):
            return None
    return None


def _definite_number(ctx: _Ctx, k: int) -> _Conj | None:
    """"تجاوز المائة، فاق الألف": a round number with the article after a verb of reaching is a
    lower bound."""
    word = ctx.text(k)
    if not word.startswith("ال") or k in ctx.q_start:
        return None
    value = parse_number(word[2:])
    if value is None or value < 100:
        return None
    return _Conj(value, value, None, k, k + 1, None)


def _adjective_one(ctx: _Ctx, qi: int, j: int, start: int) -> bool:
    """Is the quantity at ``j`` the adjective "one" of the word before it, a word that names no
    victim ("من أسرة واحدة"، "في ليلة واحدة"، "دفعة واحدة")? Then it counts nothing."""
    q = ctx.qs[qi]
    return j > start and q.value == 1 and q.tok_end == j + 1 and ctx.text(j).startswith("واحد") and \
        ctx.victims.get(j - 1) is None and (j - 1) not in ctx.q_cover and j - 1 not in ctx.q_start


# How many words (a name, a rank) may stand between a singular victim and مع + the count of those
# who died with him ("قتل الضابط في الجيش مع ثلاثة جنود آخرين").
COMPANY_WORDS = 7


def _company_after(ctx: _Ctx, k: int, own: _Match | None, limit: int) -> _Conj | None:
    """"قتل القيادي أبو أحمد مع أربعة من مرافقيه": after a singular victim of a singular death
    verb, مع and a count tell those who died with him: one more than the count."""
    if own is None or ctx.text(own.t0) not in cue_words("singular_death_verb"):
        return None
    for j in range(k, min(k + COMPANY_WORDS, limit - 1)):
        if ctx.stop_after[j] or _is_other_trigger(ctx, j, own):
            return None
        if ctx.text(j) in cue_words("with_preposition"):
            if not _means_between(ctx, k, j):
                return None  # "قتل الجندي في اشتباك مع 5 من المسلحين": his foes, not his company
            qi = ctx.q_start.get(j + 1)
            if qi is None or _usable_q(ctx, j + 1) is None:
                return None
            conj = _conj_from_q(ctx, qi)
            _with_company(conj)
            return conj
    return None


# The event types whose words name how one died (بغارة، بقصف، بانفجار عبوة), not a fight with foes:
# مع after them tells those who died with him.
_MEANS_TYPES = ("Explosions/Remote violence",)


def _means_between(ctx: _Ctx, lo: int, hi: int) -> bool:
    """Are the event words between ``lo`` and ``hi`` (if any) only means of death ("قتل القيادي
    بغارة جوية مع عدد من مرافقيه"), not a fight ("في اشتباك مع 5 من المسلحين": his foes)?"""
    from marsad.triggers import trigger_matcher
    return all(m.payload[0] in _MEANS_TYPES for m in trigger_matcher().find(ctx.doc, lo, hi))


def _company_after_means(ctx: _Ctx, start: int, own: _Match | None, limit: int) -> _Conj | None:
    """"حيث قتل بغارة مع عدد كبير من عناصره"، "قتل المسؤول في التنظيم أبو مريم بغارة مع عدد من
    مساعديه": a singular death verb, a few words (the one it tells of) and the means of death, then
    مع and a count: he and his company."""
    if own is None or ctx.text(own.t0) not in cue_words("singular_death_verb"):
        return None
    from marsad.triggers import trigger_matcher
    end = min(start + COMPANY_WORDS, limit)
    for j in range(start, end):
        if j in ctx.q_start or _is_other_trigger(ctx, j, own):
            return None  # a count of its own ("قتل 3 بغارة"), another death word
        means = [m for m in trigger_matcher().find(ctx.doc, j, min(j + 4, limit)) if m.tok_start == j]
        if means:
            return _company_after(ctx, means[0].tok_end, own, limit) if means[0].payload[0] in _MEANS_TYPES else None
        if ctx.stop_after[j]:
            return None
    return None


def _with_company(conj: _Conj) -> None:
    """"حيث قتل بغارة مع عدد كبير من عناصره"، "اغتيل مع ثلاثة من مرافقيه": the one the singular
    verb tells of died with the count after مع: one more than it, at least one when it is vague."""
    conj.count = 1 + (conj.count or 0)
    conj.low = 1 + (conj.low or 0)
    conj.high = None if conj.high is None else 1 + conj.high


# How many words after a plural noun a count or person noun may follow for the noun to be the
# killers, not the killed (اغتال مسلحون مجهولون، مساء اليوم، عنصراً).
AGENT_WINDOW = 5


def _comma_before(ctx: _Ctx, j: int) -> bool:
    """Is the stop before token ``j`` a comma (not a full stop, a colon or a sentence's end)?"""
    tokens = ctx.doc.tokens
    return ctx.doc.text[tokens[j - 1].end:tokens[j].start].strip() in ("،", ",")


def _candidate_follows(ctx: _Ctx, k: int, limit: int) -> bool:
    """A count or person noun follows within AGENT_WINDOW words: the noun before it was the agent
    (اغتال مسلحون مجهولون، اليوم الأحد، عنصراً)."""
    for j in range(k, min(k + AGENT_WINDOW, limit)):
        # a comma may set off the words between (مسلحون أيضاً، شاباً); any other stop ends the clause
        if ctx.stop_after[j - 1] and not _comma_before(ctx, j):
            return False
        if j in ctx.trig_cover:
            return False
        if _usable_q(ctx, j) is not None or j in ctx.victims:
            return True
    return False


# How far back a count may stand before its death verb when what it belongs to stands between
# ("سبعة مقاتلين على الأقل موالين للجيش الوطني الليبي (قوات شرق ليبيا) بقيادة خليفة حفتر قتلوا").
AFFILIATED_BACK = 16


def _affiliation_before(ctx: _Ctx, t0: int) -> bool:
    """Does an affiliation word (التابعة، الموالين، بقيادة) stand in the 12 words before ``t0``, with
    no sentence end, other death word or count between?"""
    words = cue_words("affiliation_word")
    for k in range(t0 - 1, max(-1, t0 - 13), -1):
        if ctx.stop_after[k] or k in ctx.trig_cover or k in ctx.q_cover:
            return False
        if ctx.text(k) in words:
            return True
    return False


def _scan_before(ctx: _Ctx, trig: _Match, *, far: bool, maxback: int | None = None) -> _Conj | None:
    """A count standing before a death word: 180 قتيلاً، 5 عناصر من قسد قتلوا."""
    if maxback is None:
        maxback = (AFFILIATED_BACK if _affiliation_before(ctx, trig.t0) else 6) if far else 1
    parent = _parent_of_subgroup(ctx, trig.t0 - 1)
    if parent is not None:
        # "أربعة مدنيين، بينهم ثلاثة أطفال، لقوا حتفهم": the dead are the four, the three a part
        c = _conj_from_q(ctx, parent)
        c.t1 = max(c.t1, min(trig.t0, c.t1))
        return c
    k = trig.t0 - 1
    steps = 0
    while k >= 0 and steps <= maxback:
        if ctx.stop_after[k]:
            return None
        qi = ctx.q_cover.get(k)
        if qi is not None:
            q = ctx.qs[qi]
            if qi in ctx.claimed_q or not ctx.person[qi] or q.tok_end != k + 1:
                return None
            c = _conj_from_q(ctx, qi)
            c.t1 = max(c.t1, min(trig.t0, c.t1))
            return c
        if ctx.trig_cover.get(k) is not None or ctx.marker(k, "governor"):
            return None
        if not far and k not in ctx.victims and not any(
                v.t0 <= k < v.t1 for v in ctx.victims.values()):
            return None
        k -= 1
        steps += 1
    return None


def _nouns_before(ctx: _Ctx, trig: _Match) -> _Conj | None:
    """"أن رجلاً وسيدة قُتلا"، "امرأة وطفلها ورجلاً قُتلوا": singular nouns of people, joined by و,
    right before a death verb that agrees with several (a dual or plural) are its victims, one
    each. After one noun the bare verb (قتل) is as often active, a relative clause ("رجل قتل
    زوجته", a man who killed his wife), and counts nothing."""
    ends = {vm.t1 - 1: vm for vm in ctx.victims.values()}
    nouns: list[_Match] = []
    k = _skip_one_at_least(ctx, trig.t0 - 1)
    while k >= 0 and k in ends and not ctx.stop_after[k]:
        vm = ends[k]
        if vm.entry.number != "sg" or vm.entry.kind != "victim" or vm.t0 in ctx.claimed_tok:
            return None
        nouns.append(vm)
        if not vm.prefix.startswith("و"):
            break
        k = vm.t0 - 1
    if not nouns or (nouns[-1].prefix.startswith("و")):
        return None
    if "before" not in trig.entry.args and not (len(nouns) == 1 and _passive_next(ctx, trig.t1)):
        return None  # "رجل قتل زوجته": after one noun, قتل is as often active (a man who killed)
    first = nouns[-1]
    c = _Conj(len(nouns), len(nouns), len(nouns), first.t0, trig.t0, None)
    c.__dict__.update(_victim_conj_fields(ctx, first))
    ctx.claimed_tok.update(range(first.t0, trig.t0))
    return c


# How many words a side ("من قسد"، "من قوات الأمن") may take between a person and the verbs.
SIDE_WORDS = 4


def _noun_with_side_before(ctx: _Ctx, trig: _Match) -> _Conj | None:
    """"بأن قياديا من قسد قتل وأصيب اثنان": one person and his side right before the pair of
    verbs is its dead."""
    return _one_person_before(ctx, trig, SIDE_WORDS, lambda k: ctx.text(k) == "من" and _skip_side(ctx, k) == trig.t0)


def _named_noun_before(ctx: _Ctx, trig: _Match) -> _Conj | None:
    """"أن مدنياً يدعى "ميزر العمارين" قُتل برصاص مجهولين": one person, named after a naming word
    (يدعى، المدعو، اسمه), right before a passive death verb is its dead."""
    from marsad.cues import cue_words
    if not _passive_next(ctx, trig.t1):
        return None
    naming = cue_words("named_word")
    return _one_person_before(ctx, trig, NAME_WORDS, lambda k: ctx.text(k) in naming)


def _one_person_before(ctx: _Ctx, trig: _Match, words: int, opens) -> _Conj | None:
    """One person (a singular victim noun) right before the word at which ``opens`` holds, that word
    within ``words`` words before the death word (a side: من قسد; a name: يدعى X): its one dead."""
    ends = {vm.t1 - 1: vm for vm in ctx.victims.values()}
    for k in range(trig.t0 - 2, max(-1, trig.t0 - 2 - words), -1):
        if ctx.stop_after[k] or k in ctx.trig_cover or k in ctx.q_cover:
            return None
        if not opens(k):
            continue
        vm = ends.get(k - 1)
        if vm is None or vm.entry.number != "sg" or vm.entry.kind != "victim" or vm.t0 in ctx.claimed_tok \
                or ctx.stop_after[k - 1]:
            return None
        c = _Conj(1, 1, 1, vm.t0, trig.t0, None)
        c.__dict__.update(_victim_conj_fields(ctx, vm))
        ctx.claimed_tok.update(range(vm.t0, trig.t0))
        return c
    return None


# How many words a person's name may take between the naming word and the death verb.
NAME_WORDS = 5


def _skip_one_at_least(ctx: _Ctx, k: int) -> int:
    """The token before "واحدا على الأقل" / "واحد" / "على الأقل" that ends at ``k`` (else ``k``):
    "رجلا واحدا على الأقل قتل" counts the man."""
    if k >= 1 and ctx.text(k - 1) + " " + ctx.text(k) in cue_phrases("at_least"):
        k -= 2
    if k >= 0 and ctx.text(k) in cue_words("one_word"):
        k -= 1
    return k


def _passive_next(ctx: _Ctx, k: int) -> bool:
    """After "إن مدنيا قتل": a preposition or a time word, not an object, so قتل is passive
    ("قتل في غارة"، "قُتل جراء القصف"، "قتلت اليوم")."""
    if k >= ctx.n or ctx.stop_after[k - 1]:
        return False
    word = ctx.text(k)
    return word in cue_words("passive_death_next") or word.startswith(cue_phrases("passive_death_prefix"))


def _parent_of_subgroup(ctx: _Ctx, k: int) -> int | None:
    """The count a بينهم part belongs to, when the tokens up to ``k`` end with "COUNT NOUN، بينهم
    PART،": the quantity index of COUNT, or None."""
    lo = max(0, k - 8)
    for m0 in range(k, lo - 1, -1):
        m = ctx.marker(m0, "subgroup")
        if m is None:
            continue
        # the part after the marker runs to k with no other death or injury word in it
        if any(t in ctx.trig_cover for t in range(m.t1, k + 1)):
            return None
        j = m0 - 1
        # a comma may stand before بينهم, and the victim noun (and "من X") after the count; never
        # in the sentence before ("إحدى العشيرتين. وأضاف أن بين القتلى")
        first = ctx.doc.sentence_of_token(m0).tok_start
        for back in range(j, max(first - 1, j - 5), -1):
            qi = ctx.q_cover.get(back)
            if qi is None:
                if back in ctx.trig_cover:
                    return None
                continue
            q = ctx.qs[qi]
            if qi in ctx.claimed_q or not ctx.person[qi] or q.tok_end != back + 1:
                return None
            return qi
        return None
    return None


def _negated(ctx: _Ctx, t0: int) -> bool:
    """لم يسفر الهجوم عن سقوط قتلى، دون وقوع إصابات، محاولة اغتيال."""
    k = t0 - 1
    for _ in range(4):
        if k < 0 or ctx.stop_after[k] or k in ctx.q_cover or k in ctx.trig_cover \
                or ctx.text(k) in cue_words("relative_pronoun"):
            return False
        if ctx.marker(k, "negation"):
            return True
        k -= 1
    return False


# --------------------------------------------------------------------------- lists, subgroups, spans

def _wa_prefixed(ctx: _Ctx, k: int) -> bool:
    """Token ``k`` carries the conjunction و (not the و of واحد)."""
    word = ctx.text(k)
    if not word.startswith("و"):
        return False
    reading = _word_reading(word)
    if reading is not None:
        return reading[3].startswith("و")
    vm = ctx.victims.get(k)
    if vm is not None:
        return vm.prefix.startswith("و")
    return True


def _skip_side(ctx: _Ctx, pos: int) -> int:
    """Skip a "من X" phrase naming the victims' side: مقاتلاً من قسد وقوى الأمن الداخلي."""
    if pos >= ctx.n or ctx.stop_after[pos - 1] or ctx.text(pos) != "من":
        return pos
    if pos + 1 < ctx.n and pos + 1 in ctx.q_cover:
        return pos
    k = pos + 1
    ends, ba_words = cue_words("side_phrase_end"), cue_phrases("side_word_with_ba")
    while k < ctx.n and k - pos <= 6 and not ctx.stop_after[k - 1]:
        w = ctx.text(k)
        if w in ends or ctx.trig_cover.get(k) or k in ctx.q_cover or ctx.markers.get(k):
            break
        if w.startswith("ب") and not w.startswith(ba_words):
            break
        if _wa_prefixed(ctx, k) and k in ctx.victims:
            break
        k += 1
    return k if k > pos + 1 else pos


def _list_conj_at(ctx: _Ctx, pos: int, kind: str) -> _Conj | None:
    """A conjunct joined by و right at ``pos``: و4 مدنيين، وطفلين، وسيدة.

    A comma may stand before a counted conjunct: مقتل 22 عنصراً من قوات النظام، و13 من الفصائل.
    """
    if pos >= ctx.n:
        return None
    after_comma = ctx.stop_after[pos - 1]
    if after_comma and not _comma_after(ctx, pos - 1):
        return None
    k = pos
    with_others = False
    if ctx.text(k) == "و":
        k += 1
        if k >= ctx.n or ctx.stop_after[pos]:
            return None
    elif ctx.text(k) in cue_words("with_preposition") and k + 1 < ctx.n and not ctx.stop_after[k]:
        # "قتل القيادي مع سبعة آخرين": the others killed with him
        k += 1
        with_others = True
    elif not _wa_prefixed(ctx, k):
        return None
    conj: _Conj | None = None
    qi = _usable_q(ctx, k)
    if qi is not None:
        conj = _conj_from_q(ctx, qi)
        after = conj.t1
        if conj.victim is None:
            if not (after >= ctx.n or ctx.stop_after[after - 1] or ctx.text(after) in cue_words("bare_count_next")):
                return None
            if after_comma and (after >= ctx.n or ctx.text(after) != "من"):
                return None
    elif after_comma:
        return None
    elif k in ctx.victims and k not in ctx.claimed_tok:
        vm = ctx.victims[k]
        post = _postposed(ctx, vm)
        if post is not None:
            conj = post
        elif vm.entry.number == "sg":
            conj = _conj_from_victim(ctx, vm, 1)
    if conj is None:
        return None
    if with_others and not conj.others and (conj.qi is None or ctx.qs[conj.qi].tok_end >= ctx.n or
                                            ctx.text(ctx.qs[conj.qi].tok_end) != "من"):
        # "مع" joins "others" or a count of the dead man's own ("لقي مصرعه مع ثلاثة من مرافقيه"،
        # "مع عشرات من عناصره"): "قتل مع عناصر من الجيش" is not a toll
        return None
    if _foreign_trigger(ctx, conj, kind):
        return None
    if conj.start is None or conj.t0 == k:
        conj.t0 = k
    return conj


def _foreign_trigger(ctx: _Ctx, conj: _Conj, kind: str) -> bool:
    """و3 جرحى: the count is owned by an expression of another kind next to it."""
    for k in range(conj.t0, min(conj.t1 + 1, ctx.n)):
        m = ctx.trig_cover.get(k)
        if m is None or _kind_of(m) == kind:
            continue
        if k < conj.t1:
            return True
        # right after the noun: جرحى owns the count, وإصابة starts a new clause
        if not ctx.stop_after[k - 1] and not (m.t0 == k and m.prefix.startswith("و")):
            return True
    return False


def _kind_of(m: _Match) -> str:
    return {"death": "killed", "open": "killed", "close": "killed", "injury": "injured",
            "mixed": "mixed"}[m.entry.kind]


def _claim(ctx: _Ctx, c: _Conj) -> None:
    if c.qi is not None:
        ctx.claimed_q.add(c.qi)
    if c.victim is not None:
        ctx.claimed_tok.update(range(c.victim[0], c.victim[1]))


def _take_list(ctx: _Ctx, first: _Conj, kind: str, out: list[_Conj], members: set[int]) -> int:
    """``first`` and the conjuncts joined to it; returns the position after the list."""
    out.append(first)
    _claim(ctx, first)
    members.update(range(first.t0, first.t1))
    pos = _skip_side(ctx, first.t1)
    if first.count == 1 and first.victim is not None:
        # "مقتل القيادي أبو علي الشامي وثلاثة من مرافقيه": a named person, then the others
        named = _skip_name(ctx, pos)
        # "قتل الجندي في اشتباك مع 5 مسلحين": a count after مع past a "في" phrase is the other side
        crossed = any(ctx.text(t) == "في" for t in range(pos, named))
        if named != pos and _list_conj_at(ctx, named, kind) is not None and \
                not (crossed and ctx.text(named) in cue_words("with_preposition")):
            pos = named
    members.update(range(first.t1, pos))
    while True:
        nxt = _list_conj_at(ctx, pos, kind)
        if nxt is None:
            return pos
        if _shares_count(ctx, out[-1], nxt):
            # "قتل 12 جندياً ومدنياً": twelve soldiers and civilians, not twelve and one more
            _claim(ctx, nxt)
            members.update(range(pos, nxt.t1))
            pos = _skip_side(ctx, nxt.t1)
            continue
        out.append(nxt)
        _claim(ctx, nxt)
        members.update(range(pos, nxt.t1))
        pos = _skip_side(ctx, nxt.t1)
        members.update(range(nxt.t1, pos))


def _shares_count(ctx: _Ctx, prev: _Conj, nxt: _Conj) -> bool:
    """A singular noun in the accusative joined to the accusative noun a count of 11 to 99
    governs is a second noun of that count ("12 جندياً ومدنياً"), not one more victim; a noun in
    another case after a smaller count is one more ("ثلاثة جنود ومدني")."""
    if prev.count is None or not 11 <= prev.count <= 99 or prev.victim is None or nxt.victim is None \
            or nxt.qi is not None or nxt.count != 1:
        return False
    before, after = ctx.text(prev.victim[1] - 1), ctx.text(nxt.victim[1] - 1)
    return before.endswith("ا") and after.endswith("ا")


_NAME_MAX = 5


def _skip_name(ctx: _Ctx, pos: int) -> int:
    """The position after a person's name (and a short "في X" before it) that follows a victim
    noun: "القيادي (في التنظيم) أبو علي الشامي" -> the token after الشامي. ``pos`` when none."""
    k = pos
    while k < ctx.n and k - pos < _NAME_MAX:
        if k > pos and ctx.stop_after[k - 1]:
            break
        if k in ctx.trig_cover or k in ctx.q_cover or ctx.markers.get(k) or _wa_prefixed(ctx, k) \
                or ctx.text(k) == "و" or ctx.text(k) in cue_words("with_preposition"):
            break
        k += 1
    return k


def _subgroup_at(ctx: _Ctx, pos: int, own: _Match | None = None) -> _Match | None:
    """A بينهم marker at ``pos``, after a comma, after a short place phrase, or after the death
    word that follows the count (``own``: "12 شخصاً قتلوا بينهم 5 أطفال")."""
    k = pos
    if own is not None and own.t0 == pos:
        k = own.t1
    while k < ctx.n and k - pos <= 6:
        m = ctx.marker(k, "subgroup")
        if m is not None:
            return m
        if k > pos and ctx.stop_after[k - 1]:
            # only a comma may stand between a count and its بينهم
            gap = ctx.doc.text[ctx.doc.tokens[k - 1].end:ctx.doc.tokens[k].start].strip()
            if gap not in ("،", ","):
                return None
            m = ctx.marker(k, "subgroup")
            return m
        if k in ctx.trig_cover or k in ctx.q_cover or ctx.marker(k, "governor"):
            return None
        if k in ctx.victims and _wa_prefixed(ctx, k):
            return None
        k += 1
    return None


def _first_sub_item(ctx: _Ctx, k: int) -> _Conj | None:
    if k >= ctx.n or ctx.stop_after[k - 1]:
        return None
    qi = _usable_q(ctx, k)
    if qi is not None:
        return _conj_from_q(ctx, qi)
    vm = ctx.victims.get(k)
    if vm is not None and vm.t0 not in ctx.claimed_tok:
        return _self_counting(ctx, vm)
    return None


def _extend(ctx: _Ctx, g: _Group, head: _Conj, *, allow_separate: bool, out: list[_Group]) -> None:
    """Add the list, subgroups and separately placed conjuncts that follow ``head``."""
    pos = _take_list(ctx, head, g.kind, g.conjs, g.members)
    mk = _subgroup_at(ctx, pos, g.trigger)
    if mk is not None and mk.t1 < ctx.n and _wa_prefixed(ctx, mk.t1):
        # "10 قتلى منهم و6 مدنيين": منهم closes the count (ten of them, the side named before) and
        # the count after و is another group, not a part of the ten
        mk = None
    if mk is not None:
        item = _first_sub_item(ctx, mk.t1)
        if item is not None:
            g.members.update(range(pos, mk.t1))
            pos = _take_list(ctx, item, g.kind, g.subs, g.members)
    g.members.add(pos - 1)
    if not allow_separate:
        return
    # the same death word, another count with its own place: ... في قرية بليون وأربعة مدنيين في قرية البارة
    k = pos
    while k < ctx.n and k - pos <= 12 and not ctx.stop_after[k - 1]:
        if k in ctx.trig_cover or ctx.marker(k, "governor"):
            return
        if k in ctx.q_cover and _usable_q(ctx, k) is None:
            return
        if _wa_prefixed(ctx, k) and _usable_q(ctx, k) is not None:
            c = _conj_from_q(ctx, ctx.q_start[k])
            if c.victim is None or _foreign_trigger(ctx, c, g.kind):
                return
            sep = _Group(g.kind, c.t0, c.start, c.t1, trigger=g.trigger)
            _extend(ctx, sep, c, allow_separate=True, out=out)
            out.append(sep)
            return
        k += 1


def _finish_span(ctx: _Ctx, g: _Group, heads: set[int]) -> tuple[int, int]:
    """Token range of the evidence: members, then on to the end of the clause."""
    start = g.start_tok
    end = max([g.must_end] + [m + 1 for m in g.members])
    k = end
    group_qs = {c.qi for c in g.conjs + g.subs if c.qi is not None}
    while k < ctx.n and k - start < _MAX_SPAN and not ctx.stop_after[k - 1]:
        m = ctx.trig_cover.get(k)
        if m is not None and m is not g.trigger and (_kind_of(m) != g.kind or id(m) in heads):
            break
        qi = ctx.q_start.get(k)
        if qi is not None and qi not in group_qs:
            break
        if ctx.marker(k, "subgroup") and k not in g.members:
            break
        k += 1
    return start, k


# --------------------------------------------------------------------------- main

def _pron_conj(trig: _Match) -> _Conj:
    count = _PRONOUN_COUNT.get(trig.pron)
    return _Conj(count, count, count, trig.t0, trig.t1, None)


def _new_group(kind: str, trig: _Match | None, conj: _Conj, *, trig_first: bool) -> _Group:
    if trig is not None and trig_first and trig.t0 <= conj.t0 and conj.t0 - trig.t1 <= 6:
        return _Group(kind, trig.t0, None, trig.t1, trigger=trig, members=set(range(trig.t0, trig.t1)))
    must = trig.t1 if trig is not None and trig.t0 >= conj.t0 else conj.t1
    g = _Group(kind, conj.t0, conj.start, must, trigger=trig)
    if trig is not None:
        g.members.update(range(trig.t0, trig.t1))
    return g


def find_casualties(doc: Doc, quantities: list[Quantity] | None = None) -> list[Casualty]:
    """Counts of people killed or injured, each tied to a casualty expression.

    ``quantities`` defaults to :func:`marsad.quantities.find_quantities`.
    See the module docstring for conjoined lists, subgroups and ``"mixed"``.

    >>> from marsad.arabic.tokenise import make_doc
    >>> [(c.count, c.subgroup) for c in find_casualties(make_doc("مقتل أربعة مدنيين بينهم معلمتان وطالبة"))]
    [(4, False), (2, True), (1, True)]
    """
    if not doc.tokens:
        return []
    ctx = _build_ctx(doc, quantities)
    groups: list[_Group] = []

    def add(kind: str, trig: _Match | None, conj: _Conj, *, trig_first: bool, separate: bool = True):
        g = _new_group(kind, trig, conj, trig_first=trig_first)
        extra: list[_Group] = []
        _extend(ctx, g, conj, allow_separate=separate, out=extra)
        groups.append(g)
        groups.extend(extra)

    live = [m for m in ctx.triggers if not _negated(ctx, m.t0)]

    # 1. one count for dead and injured together
    for m in live:
        if m.entry.kind != "mixed":
            continue
        if "verbs" in m.entry.args:
            # "إن رجلا واحدا على الأقل قتل وأصيب 6 آخرون": the man is the dead, the six the injured
            dead = _nouns_before(ctx, m) or _noun_with_side_before(ctx, m)
            if dead is not None:
                add("killed", m, dead, trig_first=False, separate=False)
                hurt = _scan_after(ctx, m.t1, far=False, own=m)
                if hurt is not None:
                    add("injured", m, hurt, trig_first=True)
                continue
        conj = _scan_after(ctx, m.t1, far=False, own=m)
        if conj is not None:
            add("mixed", m, conj, trig_first=True)
            continue
        conj = _scan_before(ctx, m, far=True, maxback=4)
        if conj is not None:
            add("mixed", m, conj, trig_first=False)

    # 2. discontinuous phrases: لقي ... حتفه، فقد ... حياتهم، أودى ... بحياة
    used_close: set[int] = set()
    for o in live:
        if o.entry.kind != "open":
            continue
        close = None
        for c in ctx.triggers:
            if c.entry.kind != "close" or c.entry.group != o.entry.group or c.t0 < o.t1:
                continue
            # (a comma right before the closing half closes an aside, not the phrase: "فقد عنصر من
            # "قسد"، حياته"، "لقي عنصر من الشرطة، حتفه": حتفه، حياته never open a clause)
            if c.t0 - o.t1 > 16 or any(ctx.stop_after[k] for k in range(o.t1 - 1, c.t0 - 1)) or \
                    (c.t0 - 1 >= o.t1 and ctx.stop_after[c.t0 - 1] and not _comma_after(ctx, c.t0 - 1, quotes=True)):
                break
            if any(x.entry.kind == "open" and x.entry.group == o.entry.group and o.t1 <= x.t0 < c.t0
                   for x in ctx.triggers):
                break
            close = c
            break
        if close is None:
            if "bcount" in o.entry.args and o.t1 < ctx.n and not ctx.stop_after[o.t1 - 1]:
                qi = _usable_q(ctx, o.t1)
                if qi is not None and ctx.text(o.t1).startswith("ب"):
                    add("killed", o, _conj_from_q(ctx, qi), trig_first=True)
            continue
        used_close.add(close.t0)
        conj = None
        if "between" in o.entry.args:
            if close.t0 > o.t1:
                conj = _scan_after(ctx, o.t1, far=True, own=o, limit=close.t0)
            else:
                conj = _scan_after(ctx, close.t1, far=False, own=close) or \
                    _scan_before(ctx, o, far=True)
        else:
            conj = _scan_after(ctx, close.t1, far=True, own=close)
        if conj is None:
            conj = _pron_conj(close)
            conj.t0, conj.t1 = o.t0, close.t1
        g = _new_group("killed", o, conj, trig_first=True)
        if conj.t0 < o.t0:
            g = _Group("killed", conj.t0, conj.start, close.t1, trigger=o)
        g.must_end = max(g.must_end, close.t1)
        g.members.update(range(o.t0, close.t1))
        extra: list[_Group] = []
        if conj.qi is not None or conj.victim is not None:
            _extend(ctx, g, conj, allow_separate=True, out=extra)
        else:
            _extend(ctx, g, conj, allow_separate=False, out=extra)
        # "لقي القائد سالم مصرعه و4 آخرين"، "لقي مصرعه وأربعة من مرافقيه": those joined to the
        # second half died with him
        nxt = _list_conj_at(ctx, close.t1, "killed") if max(g.members, default=close.t1) < close.t1 + 1 else None
        if nxt is not None:
            _take_list(ctx, nxt, "killed", g.conjs, g.members)
        groups.append(g)
        groups.extend(extra)

    # 3. death and injury words with the count after them, or an attached pronoun
    singles = [m for m in live if m.entry.kind in ("death", "injury")
               and not (m.entry.kind == "death" and m.t0 in used_close)]
    pending_before: list[_Match] = []
    for m in singles:
        kind = _kind_of(m)
        args = m.entry.args
        if m.t0 in ctx.q_start and m.entry.number == "du":
            qi = _usable_q(ctx, m.t0)
            # قتيلان، جريحين: the word is its own count; الجريحين refers back to them
            if qi is not None and "ال" not in m.prefix:
                add(kind, m, _conj_from_q(ctx, qi), trig_first=False)
            continue
        if m.pron:
            add(kind, m, _pron_conj(m), trig_first=True)   # مقتله، إصابتها وطفلها
            continue
        if "after" in args:
            conj = _scan_after(ctx, m.t1, far="far" in args, own=m)
            if conj is None and "total" in args:
                conj = _toll_predicate(ctx, m)
            if conj is not None:
                add(kind, m, conj, trig_first=True)
                continue
        pending_before.append(m)

    # 4. the count before the word: 180 قتيلاً، خمسة أشخاص قتلوا
    pending_one: list[_Match] = []
    for m in pending_before:
        kind = _kind_of(m)
        if "before" in m.entry.args:
            conj = _scan_before(ctx, m, far="far" in m.entry.args)
            if conj is not None:
                add(kind, m, conj, trig_first=False)
                continue
        conj = (_nouns_before(ctx, m) or _named_noun_before(ctx, m)) if kind == "killed" else None
        if conj is not None:
            add(kind, m, conj, trig_first=False)
            continue
        pending_one.append(m)

    # 5. a lone singular death noun is one death (سقط قتيل); سقوط قتلى: deaths, number unknown
    for m in pending_one:
        args = m.entry.args
        if "one" in args and "ال" not in m.prefix and m.t0 not in ctx.claimed_tok:
            conj = _Conj(1, 1, 1, m.t0, m.t1, None, victim=(m.t0, m.t1, m.prefix))
            ctx.claimed_tok.update(range(m.t0, m.t1))
            add(_kind_of(m), m, conj, trig_first=False, separate=False)
        elif "none_ok" in args:
            g = _Group(_kind_of(m), m.t0, None, m.t1, trigger=m, members=set(range(m.t0, m.t1)))
            g.conjs.append(_Conj(None, None, None, m.t0, m.t1, None))
            groups.append(g)

    # 6. no death word, but "... وأصيب 44 آخرون": the count before the injured others is of dead
    for g in list(groups):
        if g.kind != "injured" or not g.conjs or not g.conjs[0].others or g.trigger is None:
            continue
        trig = g.trigger
        sent = ctx.doc.sentence_of_token(trig.t0)
        for k in range(max(sent.tok_start, trig.t0 - 25), trig.t0):
            qi = _usable_q(ctx, k)
            if qi is None:
                continue
            if any(ctx.marker(b, "subgroup") or ctx.marker(b, "governor")
                   for b in range(max(sent.tok_start, k - 3), k)):
                continue
            if any(t in ctx.trig_cover for t in range(k, trig.t0)):
                break
            conj = _conj_from_q(ctx, qi)
            if conj.victim is None or conj.others:
                continue
            add("killed", None, conj, trig_first=False, separate=False)
            break

    return _records(ctx, groups)


def _records(ctx: _Ctx, groups: list[_Group]) -> list[Casualty]:
    doc = ctx.doc
    tokens = doc.tokens
    out: list[tuple[int, int, Casualty]] = []
    last_class: dict[int, tuple[int, str]] = {}   # sentence -> (token, class) of the latest group
    ordered = sorted(groups, key=lambda g: g.start_tok)
    heads = {id(g.trigger) for g in groups if g.trigger is not None}
    for g in ordered:
        if not g.conjs:
            continue
        t0, t1 = _finish_span(ctx, g, heads)
        raw_start = g.start_raw if g.start_raw is not None and g.start_tok == t0 else \
            doc.span(tokens[t0].start, tokens[t0].end).start
        raw_end = doc.span(tokens[t1 - 1].start, tokens[t1 - 1].end).end
        text = doc.raw[raw_start:raw_end]
        sent = doc.sentence_of_token(t0).index
        for c in g.conjs:
            cls = _class_of(ctx, c, last_class.get(sent))
            out.append((t0, 0, _casualty(ctx, raw_start, raw_end, text, g.kind, c, cls, False, t0, t1)))
            if c.victim is not None and not c.others:
                last_class[sent] = (t0, cls)
        for c in g.subs:
            cls = _class_of(ctx, c, last_class.get(sent))
            s0 = c.start if c.start is not None else doc.span(tokens[c.t0].start, tokens[c.t0].end).start
            vs = c.victim
            if c.start is None and vs is not None:
                s0 = _victim_raw(ctx, vs)[0]
            c_end = max(c.t1, _skip_side(ctx, c.t1))   # بينهم 5 من قوات النظام
            s1 = doc.span(tokens[c_end - 1].start, tokens[c_end - 1].end).end
            out.append((c.t0, 1, _casualty(ctx, s0, s1, doc.raw[s0:s1], g.kind, c, cls, True, c.t0, c_end)))
    out.sort(key=lambda x: (x[0], x[1]))
    return [c for _, _, c in out]


def _class_of(ctx: _Ctx, c: _Conj, previous: tuple[int, str] | None) -> str:
    if c.others:
        return previous[1] if previous else "unknown"
    return c.cls if c.victim is not None else "unknown"


def _victim_raw(ctx: _Ctx, victim: tuple[int, int, str]) -> tuple[int, int]:
    t0, t1, prefix = victim
    tokens = ctx.doc.tokens
    skip = len(prefix)
    if prefix.endswith("ال"):
        skip -= 2          # keep the article: المدنيين
    elif prefix.endswith("لل"):
        skip = 0           # للمدنيين: ل + ال share a letter; keep the whole word
    a = ctx.doc.span(tokens[t0].start + max(skip, 0), tokens[t1 - 1].end)
    return a.start, a.end


def _casualty(ctx: _Ctx, s: int, e: int, text: str, kind: str, c: _Conj, cls: str, sub: bool,
              t0: int, t1: int) -> Casualty:
    victim = vs = ve = None
    if c.victim is not None:
        vs, ve = _victim_raw(ctx, c.victim)
        victim = ctx.doc.raw[vs:ve]
    return Casualty(s, e, text, kind, c.count, c.low, c.high, victim, vs, ve, cls, sub, t0, t1)
