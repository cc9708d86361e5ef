"""Record confidence: how likely a coder would code this record, from what the article shows.

Rules decide what each record says; they cannot tell how sure the result is. On news marsad
has not been tuned on, about half of its records have no counterpart in a coder's gold (a
background event told in passing, a place or day taken from the wrong clause, a plan read as
an act), and those records share visible traits: the event is told once, late in a long
article, beside many other records; it is dated days before the report; it is placed only at
a region; it is of a type that rules read wrongly more often.

This stage scores every record by a logistic model over such traits and writes the
probability to ``confidence``. The model is data (``kb/data/confidence.tsv``: one row per
trait with its mean, spread and weight, then ``intercept`` and ``threshold``), fitted by
``eval/calibrate.py`` on the blind first predictions and the present predictions of the
tuning halves of the evaluation sets (never on a frozen half); that script prints the
cross-validated effect of each threshold.

:func:`marsad.pipeline.extract_article` holds back the records under the threshold (or under
the caller's ``min_confidence``, or ``$MARSAD_MIN_CONFIDENCE``; 0 keeps every record).
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass
from datetime import date
from typing import Callable, Mapping

from marsad.errors import KnowledgeBaseError, UsageError
from marsad.kb import data_path, load_table
from marsad.once import once

MODEL_FILE = "confidence.tsv"
REASONS_FILE = "confidence_reasons.tsv"
# A low-confidence record's notes name at most this many traits that lowered it.
REASONS_NAMED = 3

# An event named before this many characters is told in the article's title or lead.
LEAD_CHARS = 400


@dataclass(frozen=True)
class RecordView:
    """What the traits read: one record (an Event or its plain record) and its article."""

    record: Mapping
    text_length: int
    published: date | None
    records_in_article: int
    most_triggers: int  # the trigger count of the article's most told record
    told: int  # how often the record is told: its own trigger count, or its siblings' (see trait_values)

    def spans(self, key: str) -> list[dict]:
        return list((self.record.get("evidence") or {}).get(key) or [])


def _first_start(v: RecordView, key: str) -> int | None:
    starts = [s["start"] for s in v.spans(key) if isinstance(s, dict) and "start" in s]
    return min(starts) if starts else None


def _days_before(v: RecordView) -> int | None:
    when = v.record.get("event_date")
    if not when or v.published is None:
        return None
    try:
        return (v.published - date.fromisoformat(str(when)[:10])).days
    except ValueError:
        return None


def _first_told_at(v: RecordView) -> float:
    start = _first_start(v, "event_type")
    return (start or 0) / max(v.text_length, 1)


def _same_day(v: RecordView) -> float:
    days = _days_before(v)
    return 1.0 if days is not None and 0 <= days <= 1 else 0.0


def _place_in_lead(v: RecordView) -> float:
    start = _first_start(v, "location")
    return 1.0 if start is not None and start < LEAD_CHARS else 0.0


def _of_type(name: str) -> Callable[[RecordView], float]:
    return lambda v: 1.0 if v.record.get("event_type") == name else 0.0


# Each trait: name -> its value for one record. The names are the rows of confidence.tsv.
TRAITS: dict[str, Callable[[RecordView], float]] = {
    "first_told_at": _first_told_at,
    "told_in_lead": lambda v: 1.0 if (_first_start(v, "event_type") or 0) < LEAD_CHARS else 0.0,
    "times_told": lambda v: math.log1p(v.told),
    "told_share": lambda v: v.told / max(v.most_triggers, 1),
    "same_day": _same_day,
    "dated": lambda v: 1.0 if v.record.get("event_date") else 0.0,
    "region_level": lambda v: 1.0 if (v.record.get("geo_precision") or 3) >= 3 else 0.0,
    "explosions": _of_type("Explosions/Remote violence"),
    "violence_against_civilians": _of_type("Violence against civilians"),
    "strategic_development": _of_type("Strategic developments"),
    "place_in_lead": _place_in_lead,
    "toll_tied": lambda v: 1.0 if v.spans("fatalities") else 0.0,
    "records_in_article": lambda v: math.log(max(v.records_in_article, 1)),
}


@dataclass(frozen=True)
class Model:
    means: tuple[float, ...]
    spreads: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float

    def contributions(self, values: list[float]) -> list[float]:
        """Each trait's term of the linear score (negative: it lowers the confidence)."""
        return [w * (x - m) / s for x, m, s, w in zip(values, self.means, self.spreads, self.weights)]

    def probability(self, values: list[float]) -> float:
        z = self.intercept + sum(self.contributions(values))
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def _where(name: str, row: dict) -> str:
    return f"{data_path(name)}:{row['_line']}"


def _number(row: dict, column: str) -> float:
    where = _where(MODEL_FILE, row)
    try:
        value = float(row[column])
    except ValueError:
        raise KnowledgeBaseError(f"{column} of {row['term']!r} is not a number: {row[column]!r}", where=where) from None
    if not math.isfinite(value):
        raise KnowledgeBaseError(f"{column} of {row['term']!r} is not finite", where=where)
    return value


@once
def load_model() -> Model:
    """The model of ``confidence.tsv``, checked: every trait once, a positive spread for each,
    an intercept and a threshold in [0, 1)."""
    rows = load_table(MODEL_FILE, ("term", "weight"))
    by_term: dict[str, dict] = {}
    for row in rows:
        if row["term"] in by_term:
            raise KnowledgeBaseError(f"term {row['term']!r} twice", where=_where(MODEL_FILE, row))
        if row["term"] not in TRAITS and row["term"] not in ("intercept", "threshold"):
            raise KnowledgeBaseError(f"unknown term {row['term']!r}; traits: {', '.join(TRAITS)}",
                                     where=_where(MODEL_FILE, row))
        by_term[row["term"]] = row
    missing = [t for t in (*TRAITS, "intercept", "threshold") if t not in by_term]
    if missing:
        raise KnowledgeBaseError(f"terms missing: {', '.join(missing)}", where=str(data_path(MODEL_FILE)))
    spreads = tuple(_number(by_term[t], "spread") for t in TRAITS)
    for t, s in zip(TRAITS, spreads):
        if s <= 0:
            raise KnowledgeBaseError(f"spread of {t!r} must be positive", where=_where(MODEL_FILE, by_term[t]))
    threshold = _number(by_term["threshold"], "weight")
    if not 0 <= threshold < 1:
        raise KnowledgeBaseError("threshold must be in [0, 1)", where=_where(MODEL_FILE, by_term["threshold"]))
    return Model(means=tuple(_number(by_term[t], "mean") for t in TRAITS), spreads=spreads,
                 weights=tuple(_number(by_term[t], "weight") for t in TRAITS),
                 intercept=_number(by_term["intercept"], "weight"), threshold=threshold)


@once
def load_reasons() -> dict[str, str]:
    """trait -> the words naming it when it lowers a record's confidence (every trait once)."""
    rows = load_table(REASONS_FILE, ("trait",))
    reasons: dict[str, str] = {}
    for row in rows:
        where = _where(REASONS_FILE, row)
        if row["trait"] not in TRAITS:
            raise KnowledgeBaseError(f"unknown trait {row['trait']!r}; traits: {', '.join(TRAITS)}", where=where)
        if row["trait"] in reasons:
            raise KnowledgeBaseError(f"trait {row['trait']!r} twice", where=where)
        reasons[row["trait"]] = row.get("lowers_it", "")
    missing = [t for t in TRAITS if t not in reasons]
    if missing:
        raise KnowledgeBaseError(f"traits missing: {', '.join(missing)}", where=str(data_path(REASONS_FILE)))
    return reasons


def why_low(model: Model, values: list[float]) -> list[str]:
    """The words for the traits that lower a record's confidence most, most first."""
    reasons = load_reasons()
    terms = sorted((c, name) for c, name in zip(model.contributions(values), TRAITS) if c < 0 and reasons[name])
    return [reasons[name] for _, name in terms[:REASONS_NAMED]]


def _trigger_keys(record: Mapping) -> set[tuple]:
    return {(s.get("start"), s.get("end")) for s in (record.get("evidence") or {}).get("event_type") or []
            if isinstance(s, dict) and "start" in s}


def times_told(records: list[Mapping]) -> list[int]:
    """How often each record is told: its own trigger count, raised to that of any record sharing
    one of its trigger words. One clause that tells an act at several places (مظاهرات في مدينة X
    وY شرقها وZ شمالها) makes one record per place; the place named in the lead collects the
    lead's words too, but the others are told by the same words and are as likely to be coded."""
    keys = [_trigger_keys(r) for r in records]
    own = [len(k) for k in keys]
    return [max([own[i]] + [own[j] for j in range(len(records)) if j != i and keys[i] & keys[j]])
            for i in range(len(records))]


def trait_values(records: list[Mapping], text_length: int, published: date | None) -> list[list[float]]:
    """The traits of each record of one article, in the order of :data:`TRAITS`."""
    told = times_told(records)
    most = max(told, default=0)
    views = [RecordView(r, text_length, published, len(records), most, n) for r, n in zip(records, told)]
    return [[trait(v) for trait in TRAITS.values()] for v in views]


class _Fields(Mapping):
    """An Event read as its record, without copying it."""

    def __init__(self, event):
        self.event = event

    def __getitem__(self, key):
        return getattr(self.event, key)

    def __iter__(self):
        return iter(vars(self.event))

    def __len__(self):
        return len(vars(self.event))

    def get(self, key, default=None):
        return getattr(self.event, key, default)


def score_records(a) -> None:
    """Stage: each record's confidence, the model's probability rounded to two places; a record
    under the model's threshold says in its notes what lowered it."""
    model = load_model()
    values = trait_values([_Fields(e) for e in a.events], len(a.article.text), a.published)
    for event, row in zip(a.events, values):
        event.confidence = round(model.probability(row), 2)
        if event.confidence < model.threshold and (why := why_low(model, row)):
            event.notes += f" Low confidence ({event.confidence:.2f}): {'; '.join(why)}."


ENV_FLOOR = "MARSAD_MIN_CONFIDENCE"


def parse_floor(value) -> float | None:
    """A confidence floor given as text or a number: a float from 0 to 1, else None (for the
    callers' own messages: the CLI, the environment, a saved watch list)."""
    if isinstance(value, bool):
        return None
    try:
        floor = float(value)
    except (TypeError, ValueError):
        return None
    return floor if 0 <= floor <= 1 else None


def default_threshold() -> float:
    """The floor under which records are held back when the caller gives none:
    ``$MARSAD_MIN_CONFIDENCE`` when set (a number from 0 to 1), else the model's threshold."""
    value = os.environ.get(ENV_FLOOR, "").strip()
    if not value:
        return load_model().threshold
    floor = parse_floor(value)
    if floor is None:
        raise UsageError(f"{ENV_FLOOR} must be a number from 0 to 1, not {value!r}")
    return floor
