"""The record types that marsad's stages pass to one another.

Every offset (``start``/``end``) in these records points into the ORIGINAL
article text, so ``article.text[start:end] == text`` always holds.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime

# The version of the extraction rules: part of every event id, and kept with every stored article.
EXTRACTOR_VERSION = "marsad-0.1"


@dataclass(frozen=True)
class Span:
    """A piece of the original text: ``raw[start:end] == text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Article:
    """One input document."""

    text: str
    id: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "ar"
    title: str | None = None
    origin: str | None = None  # "file.jsonl:12" for error messages

    @property
    def text_hash(self) -> str:
        # kept with the text it was computed from: every event of an article asks for it, and
        # hashing a 1 M character text a thousand times made long documents cost the square
        known = self.__dict__.get("_text_hash")
        if known is None or known[0] is not self.text:
            known = (self.text, hashlib.sha256(self.text.encode("utf-8")).hexdigest())
            self.__dict__["_text_hash"] = known
        return known[1]

    @property
    def article_id(self) -> str:
        return self.id or ("sha256:" + self.text_hash[:16])


@dataclass(frozen=True)
class Quantity:
    """A number in the text: digits, number words, or a vague quantity.

    ``value`` is the conservative best reading (``عشرات`` -> 10, ``أكثر من 175``
    -> 175); ``low``/``high`` the range the wording allows; ``value`` is None
    for ``عدد من`` ("several"), which gives no usable number.
    """

    start: int
    end: int
    text: str
    value: int | None
    low: int | None = None
    high: int | None = None
    vague: bool = False
    qualifier: str | None = None  # approx | more_than | at_least | less_than | at_most | None
    tok_start: int = -1  # token range in the Doc, end exclusive
    tok_end: int = -1


@dataclass(frozen=True)
class Casualty:
    """A count of people killed (or injured) tied to a casualty expression."""

    start: int          # evidence span: the death phrase and its count
    end: int
    text: str
    kind: str           # "killed" | "injured"
    count: int | None   # conservative count; None when unusable ("dozens of dead" -> 12 is usable)
    low: int | None
    high: int | None
    victim: str | None = None   # the victim noun as written (مدنيين، عنصراً، جنود ...)
    victim_start: int | None = None
    victim_end: int | None = None
    victim_class: str | None = None  # civilians | fighters | security | unknown
    subgroup: bool = False  # "بينهم خمسة عشر": part of a count already given
    tok_start: int = -1  # token range in the Doc, end exclusive
    tok_end: int = -1


@dataclass(frozen=True)
class DateMention:
    """A date expression and the day range it fixes (or None when it can't)."""

    start: int
    end: int
    text: str
    date_start: date | None
    date_end: date | None
    precision: int | None  # 1 day, 2 range <= 7 days, 3 month or longer
    key: str               # normalised expression, for grouping unresolved dates
    background: bool = False  # not the date of a current event: see ``tense``
    tense: str = "current"    # current | background (long before) | future | period (a tally: since X, this year)
    tok_start: int = -1  # token range in the Doc, end exclusive
    tok_end: int = -1


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    place_id: str
    name: str
    country: str
    country_code: str
    latitude: float
    longitude: float
    kind: str = "city"  # country|admin1|admin2|city|town|village|neighbourhood|facility|region
    admin1: str | None = None
    admin2: str | None = None
    name_ar: str | None = None
    population: int = 0
    parent: str | None = None  # place_id of the containing city, for neighbourhoods and facilities

    @property
    def is_area(self) -> bool:
        return self.kind in ("country", "admin1", "admin2", "region")


@dataclass
class LocalPlace:
    """An analyst's gazetteer entry, kept in the database (``marsad places set``, the review
    screen): the place a name stands for in one country, with who set it, when and why. The
    geocoder treats it as a curated place (its id starts with ``cur:``) that comes first for
    its name (:func:`marsad.geo.gazetteer.register_local_places`)."""

    name: str  # as written, Arabic or English ("قرية الزهراوية")
    latitude: float
    longitude: float
    country: str
    country_code: str
    admin1: str | None = None
    admin2: str | None = None
    kind: str = "village"
    set_by: str | None = None
    set_at: datetime | None = None
    note: str | None = None
    id: int | None = None  # the database row

    @property
    def place_id(self) -> str:
        return f"cur:local-{self.id}"

    def names(self) -> list[str]:
        """The name as written and, when it opens with a place noun, without it (قرية X -> X)."""
        from marsad.geo.gazetteer import name_key, strip_descriptor
        bare = strip_descriptor(name_key(self.name))
        return [self.name] if bare == name_key(self.name) else [self.name, bare]

    def to_place(self) -> Place:
        arabic = any("\u0600" <= ch <= "\u06ff" for ch in self.name)
        return Place(self.place_id, self.name, self.country, self.country_code, self.latitude, self.longitude,
                     kind=self.kind, admin1=self.admin1, admin2=self.admin2, name_ar=self.name if arabic else None)


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    candidates: list[Place] = field(default_factory=list)
    place: Place | None = None
    role: str = "event"  # event | route | origin | destination | reference | dateline | quote
    relation: str | None = None  # "north" | "outskirts" | "near" | "countryside" | ... of the place
    reason: str = ""
    tok_start: int = -1
    tok_end: int = -1
    anchor: "PlaceMention | None" = None  # the place that locates this one ("X شمال مدينة Y": Y)
    compass: str | None = None  # the side of the place the text names: "north", "north-west" (ريف X الشمالي الغربي)
    resolution: str = ""  # why ``place`` was chosen among the candidates
    alternatives: list[tuple[Place, str]] = field(default_factory=list)  # (other candidate, why not)


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor: str      # canonical name
    inter: int      # ACLED actor-type code
    backref: bool = False
    tok_start: int = -1  # token range in the Doc, end exclusive
    tok_end: int = -1


@dataclass(frozen=True)
class TriggerMention:
    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    strength: str = "strong"  # strong | weak
    tok_start: int = -1  # token range in the Doc, end exclusive
    tok_end: int = -1


@dataclass
class Event:
    """One ACLED-style event record (field names as in event-schema.md)."""

    event_id: str
    event_type: str
    sub_event_type: str
    event_date: str | None = None
    event_date_start: str | None = None
    event_date_end: str | None = None
    time_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: list[str] = field(default_factory=list)
    assoc_actor_2: list[str] = field(default_factory=list)
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = 0
    fatalities_low: int | None = 0
    fatalities_high: int | None = 0
    attribution: str | None = None
    source: str | None = None
    source_url: str | None = None
    article_id: str | None = None
    published: str | None = None
    language: str = "ar"
    notes: str = ""
    evidence: dict[str, list[dict]] = field(default_factory=dict)
    confidence: float = 0.5
    sources: list[dict] = field(default_factory=list)

    def to_record(self) -> dict:
        """The record as plain values: what ``dataclasses.asdict`` gives, without its generic
        deep copy (the writer makes one per event)."""
        return {name: _plain(getattr(self, name)) for name in _EVENT_FIELDS}

    def to_json(self) -> str:
        return json.dumps(self.to_record(), ensure_ascii=False)

    def chosen_place_id(self) -> str | None:
        """The gazetteer id of the place the location evidence chose, if any."""
        chosen = [x for x in self.evidence.get("location", []) if isinstance(x, dict) and x.get("chosen")]
        return chosen[0].get("place_id") if chosen else None


_EVENT_FIELDS = tuple(f.name for f in fields(Event))
_ATOMS = (str, int, float, bool, type(None))


def _plain(value):
    """A copy of a value as ``dataclasses.asdict`` makes it: dicts, lists and tuples copied, plain
    values kept, a dataclass as its dict, anything else deep-copied."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    if kind is list:
        return [_plain(v) for v in value]
    return asdict(_Holder(value))["value"]


@dataclass
class _Holder:
    """One value, so that ``asdict`` converts it as it would a field (the rare values ``_plain``
    does not handle itself: tuples, dataclasses, other objects)."""

    value: object


@dataclass
class Extracted:
    """One article's extraction, as a runner hands it to the writer: its events, or why
    extraction failed (``error``, with its code)."""

    events: list[Event] | None = None
    error: str | None = None
    code: str | None = None
    # the gazetteer entries the events chose, so that the writer stores them without loading the
    # gazetteer itself; None when the runner did not look them up (ingest then does)
    places: list[Place] | None = None
    extractor_version: str = EXTRACTOR_VERSION
    held_back: int = 0  # records under the confidence floor, not written


@dataclass
class Rejected:
    """An input that could not be used, and why.

    ``where`` is ``"path:line"``; line is 1-based inside JSON Lines/JSON
    files and ``0`` for a whole file. ``reason`` is a sentence saying what
    is wrong and what to do; ``sample`` the first ~200 characters of the
    offending input, for inspection (not printed on the terminal).
    """

    where: str
    reason: str
    code: str
    sample: str | None = None

    def __str__(self) -> str:
        reason = " ".join(self.reason.split())  # one line on the terminal, whatever the message
        return f"{self.where}: [{self.code}] {reason}"

    @property
    def path(self) -> str:
        return self.where.rpartition(":")[0] if _has_line(self.where) else self.where

    @property
    def line(self) -> int:
        return int(self.where.rpartition(":")[2]) if _has_line(self.where) else 0

    def to_record(self) -> dict:
        return {"where": self.where, "path": self.path, "line": self.line, "code": self.code,
                "reason": self.reason, "sample": self.sample}

    @classmethod
    def for_article(cls, article: Article, reason: str, code: str) -> Rejected:
        """A rejection of an article already read (the CLI uses it for E199)."""
        return cls(where_of(article), reason, code, article.text[:200] if article.text is not None else None)


def _has_line(where: str) -> bool:
    return re.search(r":\d+$", where) is not None


def where_of(article: Article) -> str:
    """``path:line`` of an article from its ``origin`` (``path:0`` for a whole file)."""
    origin = article.origin or article.article_id
    origin = re.sub(r" \([\w./-]+\)$", "", origin)  # drop the " (cp1256)" encoding note
    return origin if _has_line(origin) else origin + ":0"
