"""Cross-source deduplication: is this article's event one the dataset already has?

Two event records (one article's reading, one stored event) are the same
real event when all of these hold:

1. **type family**: both are political violence (Battles, Explosions/Remote
   violence, Violence against civilians), or both demonstrations (Protests,
   Riots), or both Strategic developments: reports often disagree on the exact
   type of one incident ("clashes" against "an attack");
2. **date**: their date ranges overlap once widened by one day each
   (``DATE_SLACK_DAYS``; a range of low time precision is wider by itself);
   two undated events never match;
3. **place**: within a distance that grows with the coarser geo_precision of
   the two (``PLACE_KM``: 12 km when both name the place, as reports name
   neighbouring villages of one fight, but beyond ``SAME_SITE_KM`` only with a
   shared named actor, since unidentified gunmen in two towns are two events; 60 km when one gives only "near X" or
   "ريف X", whose countryside is wide; the same governorate when one gives only that);
4. **actors**: compatible: they share a named actor, or one side names only
   unidentified or civilian actors;
5. **text**: the reports' words overlap (Jaccard of character 4-gram shingles of
   the event's evidence sentences) at least ``MIN_TEXT`` — low, because each
   outlet writes its own report; together with the rules above it is enough to
   keep apart two similar events of one day.

A report joins a stored event only if it matches one of its sources *and* its
place fits the event's merged (most precise) place: a vague report ("ريف درعا")
in an event must not let a precise report of a town 30 km away chain into it.

:func:`match` returns a :class:`Match` (score and the rule, in words) or None;
the score weighs place, date, actors and text so that the best of several
candidates wins. :func:`merge` combines the sources of one event into its
record: the most precise place and date, the actors most sources give, the
conservative toll (the lowest credible best figure, as ACLED does) with the
range of all reports, and a ``disagreement`` flag when the tolls differ.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from marsad.arabic.normalise import normalise

__all__ = ["Match", "match", "Report", "Fit", "place_match", "merge", "family", "shingles", "match_words", "word_shingles", "slim",
           "MATCH_FIELDS", "MergeSummary",
           "DATE_SLACK_DAYS", "PLACE_KM", "MIN_TEXT", "MERGE_THRESHOLD"]

FAMILIES = {
    "Battles": "violence", "Explosions/Remote violence": "violence", "Violence against civilians": "violence",
    "Protests": "demonstrations", "Riots": "demonstrations", "Strategic developments": "strategic",
}
DATE_SLACK_DAYS = 1
# Largest distance between two reports' places, by the coarser geo_precision of the two.
PLACE_KM = {1: 12.0, 2: 60.0, 3: 80.0}
# Two precise places further apart than this need a shared named actor to be one event.
SAME_SITE_KM = 8.0  # a city and its suburbs (الزاوية، الحرشة 5 km) are one site
# Distance at which the place score falls to 1/e, by precision: ranks candidates by nearness.
PLACE_SCALE_KM = {1: 5.0, 2: 25.0}
# Two reports that disagree on the type within a family must overlap more in their words.
MIN_TEXT_OTHER_TYPE = 0.12
MIN_TEXT = 0.04
MERGE_THRESHOLD = 0.5
GENERIC_ACTORS = {"Unidentified Armed Group", "Civilians", "Protesters", None, ""}


@dataclass(frozen=True)
class Match:
    score: float
    rule: str


def family(event_type: str | None) -> str:
    return FAMILIES.get(event_type or "", event_type or "")


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _range(record: dict) -> tuple[date, date] | None:
    start = _day(record.get("event_date_start")) or _day(record.get("event_date"))
    end = _day(record.get("event_date_end")) or start
    return (start, end) if start else None


def _km(a: dict, b: dict) -> float | None:
    if None in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        return None
    p = math.pi / 180.0
    h = (math.sin((b["latitude"] - a["latitude"]) * p / 2) ** 2 + math.cos(a["latitude"] * p)
         * math.cos(b["latitude"] * p) * math.sin((b["longitude"] - a["longitude"]) * p / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _actors(record: dict) -> set[str]:
    names = {record.get("actor1"), record.get("actor2")}
    names.update(record.get("assoc_actor_1") or [])
    names.update(record.get("assoc_actor_2") or [])
    return {n for n in names if n not in GENERIC_ACTORS}


_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[int]:
    """Character 4-grams of the normalised words (spaces collapsed), as a set.

    Each 4-gram is one 64-bit integer, its four UTF-16 code units side by side: the same
    4-grams give the same numbers, two different ones never do, an integer takes half the
    memory of a four-letter Arabic string (the writer caches these), and the set is made in C
    from four views of the encoded text, one per starting offset.
    """
    return word_shingles(match_words(text))


def match_words(text: str) -> str:
    """The normalised words of ``text``, one space apart: what :func:`shingles` are made of, and
    what the store keeps of each source so it never normalises a stored text again."""
    return " ".join(_WORD.findall(normalise(text).text))


def word_shingles(words: str) -> frozenset[int]:
    """The shingles of ``words`` as :func:`match_words` gives them (see :func:`shingles`)."""
    data = words.encode("utf-16-le")
    grams: set[int] = set()
    for offset in range(0, 8, 2):
        view = data[offset:]
        grams.update(memoryview(view[:len(view) // 8 * 8]).cast("Q"))
    return frozenset(grams)


# The fields of a stored record that :func:`match` and :func:`place_match` read: what the
# writer keeps of a source it may compare again.
MATCH_FIELDS = ("event_type", "event_date", "event_date_start", "event_date_end", "country", "admin1",
                "geo_precision", "latitude", "longitude", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2")


def slim(record: dict) -> dict:
    """The part of ``record`` that matching reads (see ``MATCH_FIELDS``)."""
    return {f: record.get(f) for f in MATCH_FIELDS}


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def place_match(new: dict, old: dict) -> tuple[float, float | None, int] | None:
    """(score, km, coarser precision) when the two records' places can be one event's, else None."""
    if new.get("country") != old.get("country"):
        return None
    precision = max(new.get("geo_precision") or 3, old.get("geo_precision") or 3)
    km = _km(new, old)
    if precision >= 3:
        if (new.get("admin1") or "") != (old.get("admin1") or ""):
            return None
        return 0.5, km, precision
    limit = PLACE_KM[precision]
    if km is None or km > limit:
        return None
    return math.exp(-km / PLACE_SCALE_KM[precision]), km, precision  # the nearer candidate wins


def match(new: dict, old: dict, new_shingles: frozenset[int],
          old_shingles: frozenset[int] | Callable[[], frozenset[int]]) -> Match | None:
    """Does ``new`` (one article's event record) report the event ``old`` (a stored event's record)?
    ``old_shingles`` may be a function that makes them: it is called only when every test before
    the text's (type, date, place, actors) has passed, so the writer makes the shingles of the few
    stored reports that get that far (most candidates of a busy town's fortnight fail on the date)."""
    return Report(new, new_shingles).match(old, old_shingles)


class Report:
    """A new report as :func:`match` compares it with stored ones: what it reads of the report
    (family, date range, actors, type) worked out once, for the dozens of stored reports of a
    busy town's fortnight it is compared with. ``Report(new, sh).match(old, old_sh)`` is
    ``match(new, old, sh, old_sh)``."""

    __slots__ = ("record", "shingles", "family", "range", "actors", "event_type")

    def __init__(self, new: dict, new_shingles: frozenset[int]):
        self.record = new
        self.shingles = new_shingles
        self.family = family(new.get("event_type"))
        self.range = _range(new)
        self.actors = _actors(new)
        self.event_type = new.get("event_type")

    def match(self, old: dict, old_shingles: frozenset[int] | Callable[[], frozenset[int]]) -> Match | None:
        return self.finish(self.fit(old), old_shingles)

    def fit(self, old: dict, side: tuple | None = None) -> "Fit | None":
        """Every test of :meth:`match` but the text's: None when one fails, else what the text's
        test and the score need (:class:`Fit`), with ``bound``, the highest score the text could
        give it (its words overlapping wholly). The writer compares the text only of the stored
        reports whose bound can still beat the best match found (``Store._best_match``). ``side``
        is :func:`stored_side` of ``old``, when the caller keeps it (the writer's source cache)."""
        new = self.record
        old_family, b, actors_b = side if side is not None else stored_side(old)
        if self.family != old_family:
            return None
        a = self.range
        if a is None or b is None:
            return None
        slack = _SLACK
        if a[0] - slack > b[1] or b[0] - slack > a[1]:
            return None
        gap_days = max(0, (a[0] - b[1]).days, (b[0] - a[1]).days)
        place = place_match(new, old)
        if place is None:
            return None
        place_score, km, precision = place
        actors_a = self.actors
        if actors_a and actors_b and not actors_a & actors_b:
            return None
        if precision == 1 and km is not None and km > SAME_SITE_KM and not actors_a & actors_b:
            return None  # two named towns apart (نوى، جاسم) are one fight only when a named actor links them
        actor_score = 1.0 if actors_a & actors_b else 0.5
        same_type = self.event_type == old.get("event_type")
        date_score = 1.0 if gap_days == 0 else 0.6
        base = 0.4 * place_score + 0.15 * date_score + 0.2 * actor_score
        penalty = 0 if same_type else 0.15
        # the score's text term is 0.25 * min(1, 4 * overlap) <= 0.25, and a sum of floats does not
        # fall when one term grows, nor does round(): no overlap gives a score above this
        bound = round(base + 0.25 - penalty, 3)
        if bound < MERGE_THRESHOLD:
            return None
        return Fit(bound, base, penalty, same_type, gap_days, km, precision, actors_a & actors_b)

    def finish(self, fit: "Fit | None", old_shingles: frozenset[int] | Callable[[], frozenset[int]]) -> Match | None:
        """:meth:`match`'s end for a stored report that passed :meth:`fit`: the text's test, the score."""
        if fit is None:
            return None
        new = self.record
        text = jaccard(self.shingles, old_shingles() if callable(old_shingles) else old_shingles)
        if text < (MIN_TEXT if fit.same_type else MIN_TEXT_OTHER_TYPE):
            return None
        score = round(fit.base + 0.25 * min(1.0, text * 4) - fit.penalty, 3)
        if score < MERGE_THRESHOLD:
            return None
        km, shared = fit.km, fit.shared
        where = "same place" if km is not None and km < 1 else f"{km:.0f} km apart" if km is not None else \
            f"same governorate ({new.get('admin1')})"
        when = "same day" if fit.gap_days == 0 else f"{fit.gap_days} day apart"
        who = "shared actor " + ", ".join(sorted(shared)) if shared else "no conflicting actor"
        rule = (f"{self.family} event; {when}; {where} (precision {fit.precision}); {who}; "
                f"text overlap {text:.2f}")
        return Match(score, rule)


def stored_side(old: dict) -> tuple:
    """What :meth:`Report.fit` reads of a stored report beyond its fields as they are: its type
    family, date range and named actors (the same for every new report it is compared with)."""
    return family(old.get("event_type")), _range(old), _actors(old)


@dataclass(frozen=True)
class Fit:
    """A stored report that passed every test of :meth:`Report.match` but the text's, with what
    the score adds up from; ``bound`` is the highest score it can reach."""
    bound: float
    base: float  # 0.4 x place + 0.15 x date + 0.2 x actors
    penalty: float  # 0.15 when the two types differ (within the family)
    same_type: bool
    gap_days: int
    km: float | None
    precision: int
    shared: set


_SLACK = timedelta(days=DATE_SLACK_DAYS)


def evidence_text(record: dict, article_text: str) -> str:
    """The sentences of an article that hold the event's evidence spans (its own words about it)."""
    spans = []
    for field, items in (record.get("evidence") or {}).items():
        if field == "location_set_aside":
            continue
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("start"), int):
                spans.append((item["start"], item["end"]))
    if not spans:
        return article_text
    out = []
    for start, end in sorted(spans):
        lo = max(article_text.rfind(".", 0, start), article_text.rfind("\n", 0, start)) + 1
        hi_candidates = [i for i in (article_text.find(".", end), article_text.find("\n", end)) if i >= 0]
        hi = min(hi_candidates) if hi_candidates else len(article_text)
        out.append(article_text[lo:hi])
    return " ".join(dict.fromkeys(out))


# --------------------------------------------------------------------------- merging

MERGED_FIELDS = ("event_type", "sub_event_type", "event_date", "event_date_start", "event_date_end",
                 "time_precision", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2",
                 "interaction", "country", "admin1", "admin2", "location", "latitude", "longitude",
                 "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "attribution", "notes",
                 "confidence")


def merge(sources: list[dict], edits: dict[str, object] | None = None) -> dict:
    """The record of one event from its sources' records (oldest first) and the analyst's
    edits (field -> value, which always win). Adds ``sources``, ``disagreement`` and
    ``merge_notes``."""
    first = sources[0]
    merged = {k: first.get(k) for k in MERGED_FIELDS}

    def best(key) -> dict:
        return min(sources, key=key)

    place = best(lambda r: (r.get("geo_precision") or 9, -(r.get("confidence") or 0)))
    for k in ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"):
        merged[k] = place.get(k)
    when = best(lambda r: (r.get("time_precision") or 9, r.get("event_date") or "9999"))
    for k in ("event_date", "event_date_start", "event_date_end", "time_precision"):
        merged[k] = when.get(k)
    kinds = Counter((r.get("event_type"), r.get("sub_event_type")) for r in sources)
    merged["event_type"], merged["sub_event_type"] = kinds.most_common(1)[0][0]
    pairs = Counter(tuple(sorted(x for x in (r.get("actor1"), r.get("actor2")) if x)) for r in sources)
    top = pairs.most_common(1)[0][0]
    actor_source = next(r for r in sources if tuple(sorted(x for x in (r.get("actor1"), r.get("actor2")) if x)) == top)
    for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "interaction"):
        merged[k] = actor_source.get(k)
    tolls = [r.get("fatalities") for r in sources if r.get("fatalities") is not None]
    reported = [t for t in tolls if t > 0] or tolls
    merged["fatalities"] = min(reported) if reported else None
    lows = [r.get("fatalities_low") if r.get("fatalities_low") is not None else r.get("fatalities")
            for r in sources if r.get("fatalities") is not None]
    highs = [r.get("fatalities_high") if r.get("fatalities_high") is not None else r.get("fatalities")
             for r in sources if r.get("fatalities") is not None]
    merged["fatalities_low"] = min(lows) if lows else None
    merged["fatalities_high"] = max(highs) if highs else None
    attributions = [r.get("attribution") for r in sources if r.get("attribution")]
    merged["attribution"] = Counter(attributions).most_common(1)[0][0] if attributions else None
    merged["confidence"] = _surest(r.get("confidence") for r in sources)
    merged["disagreement"] = len(set(reported)) > 1
    notes = []
    if merged["disagreement"]:
        notes.append("reports disagree on deaths: " + ", ".join(
            f"{r.get('source') or r.get('article_id')} {r.get('fatalities')}" for r in sources
            if r.get("fatalities") is not None) + f"; the lowest ({merged['fatalities']}) is kept")
    if len(kinds) > 1:
        notes.append("reports disagree on the type: " + "; ".join(f"{k[1]} ({n})" for k, n in kinds.items()))
    merged["merge_notes"] = notes
    merged["notes"] = place.get("notes") if len(sources) == 1 else (
        (first.get("notes") or "") + f" Reported by {len(sources)} sources.")
    for field, value in (edits or {}).items():
        merged[field] = value
    merged["edited_fields"] = sorted(edits or {})
    return merged


def _surest(values) -> float | None:
    """An event's confidence: that of its surest report (None when no report has one)."""
    return max((v for v in values if v is not None), default=None)


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


# --------------------------------------------------------------------------- merging one more source

# The fields of the most precise place and of the most precise date (see :func:`merge`).
_PLACE_FIELDS = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")
_DATE_FIELDS = ("event_date", "event_date_start", "event_date_end", "time_precision")
_ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "interaction")


def _place_key(r: dict) -> list:
    return [r.get("geo_precision") or 9, -(r.get("confidence") or 0)]


def _date_key(r: dict) -> list:
    return [r.get("time_precision") or 9, r.get("event_date") or "9999"]


def _pair(r: dict) -> list:
    return sorted(x for x in (r.get("actor1"), r.get("actor2")) if x)


def _count(counts: list, key, extra=None) -> None:
    """Add one to ``key``'s count in ``counts`` ([key, count, ...] in first-seen order)."""
    for entry in counts:
        if entry[0] == key:
            entry[1] += 1
            return
    counts.append([key, 1] if extra is None else [key, 1, extra])


def _most(counts: list) -> list:
    """The entry with the highest count, the first seen on a tie (as ``Counter.most_common(1)``)."""
    return max(counts, key=lambda entry: entry[1])


def _smallest_two(values: list, value) -> list:
    """The two smallest distinct values of ``values`` and ``value``: enough for the lowest toll and
    for whether the reports disagree (two distinct values or more)."""
    return sorted(set(values) | {value})[:2]


@dataclass
class MergeSummary:
    """What :func:`merge` needs of an event's sources, kept as they are added: ``merge(sources,
    edits)`` is ``summary.merged(edits)`` for the summary of the same sources, added oldest first,
    whatever their number. Its size depends on the sources' distinct types, actor pairs,
    attributions and tolls, not on how many sources there are, except ``toll_notes`` (the words
    of the "reports disagree on deaths" note, which names every report with a toll).

    >>> s = MergeSummary.of([{"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 3}])
    >>> s.add({"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 5, "source": "SANA"})
    >>> s.merged()["fatalities"], s.merged()["disagreement"]
    (3, True)
    """

    n: int = 0
    first_notes: str | None = None
    place_key: list | None = None
    place: dict = field(default_factory=dict)
    date_key: list | None = None
    when: dict = field(default_factory=dict)
    kinds: list = field(default_factory=list)  # [[event_type, sub_event_type], count], first seen first
    pairs: list = field(default_factory=list)  # [[actor, ...], count, the actor fields of its first source]
    positive: list = field(default_factory=list)  # the two smallest distinct tolls above 0
    other: list = field(default_factory=list)  # the two smallest distinct tolls of 0 (or below)
    low: int | None = None
    high: int | None = None
    toll_notes: list = field(default_factory=list)  # "<source> <toll>" of every report with a toll
    attributions: list = field(default_factory=list)  # [attribution, count], first seen first
    confidence: float | None = None  # the surest report's

    @classmethod
    def of(cls, sources: list[dict]) -> "MergeSummary":
        summary = cls()
        for record in sources:
            summary.add(record)
        return summary

    def add(self, r: dict) -> None:
        """One more source (a report's record, newer than those added before)."""
        if self.n == 0:
            self.first_notes = r.get("notes")
        self.n += 1
        key = _place_key(r)
        if self.place_key is None or key < self.place_key:  # min() keeps the first of equals
            self.place_key, self.place = key, {k: r.get(k) for k in _PLACE_FIELDS}
            self.place["notes"] = r.get("notes")
        key = _date_key(r)
        if self.date_key is None or key < self.date_key:
            self.date_key, self.when = key, {k: r.get(k) for k in _DATE_FIELDS}
        _count(self.kinds, [r.get("event_type"), r.get("sub_event_type")])
        _count(self.pairs, _pair(r), {k: r.get(k) for k in _ACTOR_FIELDS})
        toll = r.get("fatalities")
        if toll is not None:
            if toll > 0:
                self.positive = _smallest_two(self.positive, toll)
            else:
                self.other = _smallest_two(self.other, toll)
            low = r.get("fatalities_low") if r.get("fatalities_low") is not None else toll
            high = r.get("fatalities_high") if r.get("fatalities_high") is not None else toll
            self.low = low if self.low is None else min(self.low, low)
            self.high = high if self.high is None else max(self.high, high)
            self.toll_notes.append(f"{r.get('source') or r.get('article_id')} {toll}")
        if r.get("attribution"):
            _count(self.attributions, r.get("attribution"))
        self.confidence = _surest((self.confidence, r.get("confidence")))

    def merged(self, edits: dict[str, object] | None = None) -> dict:
        """What :func:`merge` gives for the sources added, with the analyst's ``edits``."""
        if not self.n:
            raise ValueError("an event has at least one source")
        merged = dict.fromkeys(MERGED_FIELDS)
        merged.update(self.place)
        merged.update(self.when)
        kinds = self.kinds
        merged["event_type"], merged["sub_event_type"] = _most(kinds)[0]
        merged.update(_most(self.pairs)[2])
        reported = self.positive or self.other
        merged["fatalities"] = reported[0] if reported else None
        merged["fatalities_low"], merged["fatalities_high"] = self.low, self.high
        merged["attribution"] = _most(self.attributions)[0] if self.attributions else None
        merged["confidence"] = self.confidence
        merged["disagreement"] = len(reported) > 1
        notes = []
        if merged["disagreement"]:
            notes.append("reports disagree on deaths: " + ", ".join(self.toll_notes)
                         + f"; the lowest ({merged['fatalities']}) is kept")
        if len(kinds) > 1:
            notes.append("reports disagree on the type: " + "; ".join(f"{k[1]} ({n})" for k, n in kinds))
        merged["merge_notes"] = notes
        merged["notes"] = self.place["notes"] if self.n == 1 else (
            (self.first_notes or "") + f" Reported by {self.n} sources.")
        for name, value in (edits or {}).items():
            merged[name] = value
        merged["edited_fields"] = sorted(edits or {})
        return merged

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_json(cls, value: dict) -> "MergeSummary":
        """A kept summary; one kept before a field existed (``confidence``) gets its default."""
        return cls(**{name: value[name] for name in cls.__dataclass_fields__ if name in value})
