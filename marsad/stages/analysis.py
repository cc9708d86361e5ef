"""One article under analysis: the document and the layers the stages add to it.

Layers, in the order the pipeline fills them (see ``marsad.pipeline.STAGES``):
``hits`` (trigger words), ``places``, ``actors``, ``attributions``, ``dates``,
``casualties``, ``clauses``, ``default_when`` (the article's own date), ``frames``
(one per trigger and event place), ``groups`` (frames coded as one event) and
``events`` (the records).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from marsad.arabic.normalise import normalise_term
from marsad.arabic.tokenise import Doc
from marsad.cues import cue_words
from marsad.model import ActorMention, Article, Casualty, DateMention, Event, PlaceMention
from marsad.triggers import TriggerHit

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
ARMED_CODES = {1, 2, 3, 4, 8}
SETTLEMENT_KINDS = {"city", "town", "village", "neighbourhood"}
# The actor of armed men the text does not name.
UNIDENTIFIED = "Unidentified Armed Group"


@dataclass
class Where:
    """An event place: a resolved gazetteer place, or a name located by another place."""

    mention: PlaceMention
    place: object  # marsad.model.Place (the location given to the event)
    town_key: str
    precision: int
    direction: str | None
    # a name no gazetteer knows, as the text writes it: the event keeps it as its location and
    # takes the coordinates and admin areas of ``place``, the container the text puts it in
    unknown_name: str | None = None
    # the area of the article's lead that locates an unknown name when nothing in its
    # sentence does
    located_by: object | None = None  # marsad.model.PlaceMention
    # the side of ``place`` the text puts the event on ("north", "north-west"): with precision 2
    # at a town, the record is placed that way from its centre (see event_places.container_part)
    compass: str | None = None
    in_countryside: bool = False  # the side is the town's countryside (ريف X الشمالي), not "north of X"


@dataclass
class When:
    start: date | None
    end: date | None
    precision: int | None
    key: str
    mentions: list[DateMention] = field(default_factory=list)

    def compatible(self, other: "When") -> bool:
        if self.start and other.start:
            return self.start <= other.end and other.start <= self.end
        if self.start is None and other.start is None:
            return self.key == other.key
        return False


@dataclass
class Frame:
    """One trigger at one event place: what happened there, when, and its type."""

    hit: TriggerHit
    sentence: int
    where: Where
    when: When
    etype: str
    subtype: str
    join_only: bool = False  # "هذا القصف": refers to an event told already
    # "وأفاد مصدر أن الهجوم استهدف مواقع الميليشيا في منطقة Y": a restatement folded into the act it
    # tells again (told_twice.py): its word says where, not who is nearest the act
    restated: bool = False


@dataclass
class Group:
    """Frames that ACLED codes as one event (same type, town, day)."""

    etype: str
    where: Where
    when: When
    members: list[Frame] = field(default_factory=list)
    places: list[Where] = field(default_factory=list)

    @property
    def sentences(self) -> set[int]:
        return {c.sentence for c in self.members}


@dataclass
class Analysis:
    """An article, its document, and every layer found in it so far."""

    article: Article
    doc: Doc
    published: date | None = None
    hits: list[TriggerHit] = field(default_factory=list)
    places: object = None  # marsad.geo.places.PlaceAnalysis
    actors: list[ActorMention] = field(default_factory=list)
    attributions: list = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    clauses: list = field(default_factory=list)  # marsad.stages.clauses.Clause
    default_when: When | None = None
    frames: list[Frame] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    done: bool = False  # a stage found that nothing more can come of this article
    memo: dict = field(default_factory=dict, repr=False)

    @cached_property
    def kb(self):
        from marsad.actors import load_actor_kb
        return load_actor_kb()

    @cached_property
    def gaz(self):
        from marsad.geo.gazetteer import load_gazetteer
        return load_gazetteer()

    @cached_property
    def first_body(self) -> int:
        """The index of the first sentence that is not a heading (the lead); in an Arabic article, a
        sentence without an Arabic letter (a photo's English caption) is no lead."""
        arabic = _has_arabic(self.doc.text)
        body = [s.index for s in self.doc.sentences if not s.is_heading]
        return next((i for i in body if not (arabic and self.foreign_caption(i))), body[0] if body else 0)

    def foreign_caption(self, sent_index: int) -> bool:
        """Is this sentence, in an Arabic article, one without an Arabic letter (an agency's English
        photo caption with its archive date, "Sunday, Jan. 3, 2016")?"""
        return not _has_arabic(self.doc.sentence_text(self.doc.sentences[sent_index])) and \
            _has_arabic(self.doc.text)

    def credit_caption(self, sent_index: int) -> bool:
        """Does this sentence end with a photo credit in brackets ("... وقتل فيه سبعون شخصا (الجزيرة)"،
        "(رويترز)", cues ``photo_credit``)? It is a photo's caption: its date is the photo's."""
        text = self.doc.sentence_text(self.doc.sentences[sent_index]).rstrip(" .\u200f\u200e")
        if not text.endswith(")") or "(" not in text:
            return False
        inside = text[text.rindex("(") + 1:-1].strip()
        return normalise_term(inside) in cue_words("photo_credit")

    def sentence_index(self, tok: int) -> int:
        return self.doc.sentence_of_token(tok).index

    def sentence_ranges(self, g: Group) -> list[tuple[int, int]]:
        return [(self.doc.sentences[s].tok_start, self.doc.sentences[s].tok_end) for s in sorted(g.sentences)]

    def actors_of_sentence(self, sent_index: int) -> list:
        """The actor mentions of one sentence, in reading order (indexed once per article)."""
        index = self.memo.get("actors_by_sentence")
        if index is None:
            index = self.memo["actors_by_sentence"] = {}
            for x in self.actors:
                index.setdefault(self.sentence_index(x.tok_start), []).append(x)
        return index.get(sent_index, [])

    def actors_between(self, lo: int, hi: int) -> list:
        """The actor mentions starting in tokens [lo, hi) of one sentence (none past the text's end)."""
        if lo >= min(hi, len(self.doc.tokens)):
            return []
        return [x for x in self.actors_of_sentence(self.sentence_index(lo)) if lo <= x.tok_start < hi]

    def quantities(self) -> list:
        """The document's quantities (``marsad.quantities``), found once per article."""
        found = self.memo.get("quantities")
        if found is None:
            from marsad.quantities import find_quantities
            found = self.memo["quantities"] = find_quantities(self.doc)
        return found

    def in_group(self, g: Group, tok: int) -> bool:
        return self.doc.sentence_of_token(tok).index in g.sentences

    def tokens_text(self, lo: int, hi: int) -> list[str]:
        return [self.doc.tokens[t].text for t in range(lo, hi)]


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)
