"""Event assembly: from mentions to ACLED-style event records.

The rules, in the order they run:

1. Candidates. Each trigger that reports an event (see :mod:`marsad.triggers`)
   is paired with the event places of its sentence. A sentence with no place
   of its own takes the single place of the sentence before it ("في تلك
   المنطقة"); a weak trigger (هجوم، انفجار) takes the type of the strong event
   before it ("the attack" refers back) and makes nothing when there is none.
   Territory triggers need a settlement right after them (سيطرت على قرية X).
2. Groups. ACLED codes one event per actor pair, place and day: candidates
   join a group when they share the event type, the town (a neighbourhood or
   a prison belongs to its town) and a compatible date and direction.
3. Summaries. A group that only the headline or the lead sentence names is
   merged into the one body group of the same type in the same governorate;
   a group placed only at a governorate is dropped when the article has a
   more precise event of the same type.
4. Fields. Sub-type by priority, actors by role (perpetrator, victims,
   sides of "بين X و Y", allies as associated actors), deaths per victim
   group (headline numbers are alternatives, restatements count once,
   "بينهم" subgroups never add), date, place and precision, attribution,
   evidence spans into the raw text, notes and confidence.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from marsad.actors import find_actors, find_attributions, load_actor_kb, COUNTRY_NAMES
from marsad.arabic.tokenise import Doc, make_doc
from marsad.model import ActorMention, Article, Casualty, DateMention, Event, PlaceMention, Span
from marsad.triggers import TERRITORY, TriggerHit, find_triggers, is_off_topic

EXTRACTOR_VERSION = "marsad-0.1"

SUBTYPE_PRIORITY = [
    "Government regains territory", "Non-state actor overtakes territory", "Armed clash",
    "Chemical weapon", "Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Abduction/forced disappearance", "Attack",
    "Excessive force against protesters", "Protest with intervention", "Peaceful protest",
    "Violent demonstration", "Mob violence",
    "Arrests", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
    "Agreement", "Non-violent transfer of territory", "Change to group/activity", "Other",
]
SETTLEMENT_KINDS = {"city", "town", "village", "neighbourhood"}
POINT_KINDS = {"city", "town", "village", "neighbourhood", "facility"}
ARMED_CODES = {1, 2, 3, 4, 8}
_TERRITORY_OBJECT_WORDS = {"علي", "قريه", "قري", "قريتي", "بلده", "بلدتي", "مدينه", "مدينتي", "حي", "احياء",
                           "كامل", "بلدات", "مناطق", "منطقه", "ناحيه", "مركز", "مزارع", "تل", "تله"}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


@dataclass
class Where:
    """An event place: a resolved gazetteer place, or a name located by another place."""

    mention: PlaceMention
    place: object  # marsad.model.Place (the location given to the event)
    town_key: str
    precision: int
    direction: str | None


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
class Candidate:
    hit: TriggerHit
    sentence: int
    where: Where
    when: When
    etype: str
    subtype: str
    join_only: bool = False  # "هذا القصف": refers to an event told already


@dataclass
class Group:
    etype: str
    where: Where
    when: When
    members: list[Candidate] = field(default_factory=list)
    places: list[Where] = field(default_factory=list)

    @property
    def sentences(self) -> set[int]:
        return {c.sentence for c in self.members}


def assemble_events(article: Article) -> list[Event]:
    from marsad.casualties import find_casualties
    from marsad.dates import find_dates, publication_date_from_text
    from marsad.geo.places import analyse_places
    from marsad.quantities import find_quantities

    doc = make_doc(article.text)
    if not doc.tokens or is_off_topic(doc):
        return []
    hits = find_triggers(doc)
    if not hits:
        return []  # every event grows from a trigger: places, dates and counts would go unused
    published = article.published or publication_date_from_text(doc)
    places = analyse_places(doc)
    actors = find_actors(doc, places.countries, published)
    attributions = find_attributions(doc, actors)
    dates = find_dates(doc, published)
    casualties = find_casualties(doc, find_quantities(doc))
    ctx = _Context(doc, article, published, places, actors, attributions, dates, casualties, hits)
    groups = ctx.group(ctx.candidates())
    groups = ctx.merge_summaries(groups)
    ctx.index_groups(groups)
    return [event for g in groups if (event := ctx.build_event(g)) is not None]


class _Context:
    def __init__(self, doc: Doc, article: Article, published, places, actors, attributions, dates, casualties, hits):
        self.doc = doc
        self.article = article
        self.published = published
        self.places = places
        self.actors: list[ActorMention] = actors
        self.attributions = attributions
        self.dates: list[DateMention] = sorted(dates, key=lambda d: d.tok_start)
        self.casualties: list[Casualty] = casualties
        self.hits: list[TriggerHit] = hits
        self.kb = load_actor_kb()
        from marsad.geo.gazetteer import load_gazetteer
        self.gaz = load_gazetteer()
        self.first_body = next((s.index for s in doc.sentences if not s.is_heading), 0)
        from marsad.cues import cue_matcher
        # tokens right after a square, roundabout or street noun (ساحة الكرامة، دوار النعيم)
        self.after_landmark = {m.tok_end for m in cue_matcher("landmark_noun", suffixes=False).find(doc)}
        self.default_when = self._default_when()
        for h in sorted((h for h in hits if h.reports_event and h.mention.strength == "strong"),
                        key=lambda h: h.mention.tok_start):
            own = self.own_when(doc.sentence_of_token(h.mention.tok_start).index, h.mention.tok_start)
            if own:
                self.default_when = own
                break
            if own is None:
                continue
        

    # -- dates -------------------------------------------------------------
    def _when_of(self, dm: DateMention) -> When:
        return When(dm.date_start, dm.date_end, dm.precision, dm.key, [dm])

    def _default_when(self) -> When:
        """The article's own date: its first non-background date expression, else publication day."""
        for dm in self.dates:
            if not dm.background and not self._is_dateline_sentence(dm.tok_start):
                return self._when_of(dm)
        if self.published:
            return When(self.published, self.published, 1, f"abs:{self.published.isoformat()}")
        return When(None, None, None, "default")

    def _dates_report(self, d: DateMention) -> bool:
        """"ذكرت وسائل إعلام في وقت سابق أن ...": the date belongs to the reporting verb."""
        nxt = self.doc.tokens[d.tok_end].text if d.tok_end < len(self.doc.tokens) else ""
        return nxt in ("ان", "بان", "انه", "انها", "الي", "عن")

    def _is_dateline_sentence(self, tok: int) -> bool:
        sent = self.doc.sentence_of_token(tok)
        return sent.index <= 3 and sent.tok_end - sent.tok_start <= 8 and sent.is_heading

    def own_when(self, sent_index: int, near_tok: int | None = None) -> When | None | bool:
        """The date a sentence gives itself (the one nearest the trigger), False when it gives
        only background dates, None when it gives none."""
        sent = self.doc.sentences[sent_index]
        own = [d for d in self.dates if sent.tok_start <= d.tok_start < sent.tok_end
               and not self._dates_report(d)]
        current = [d for d in own if not d.background]
        if current:
            if near_tok is not None:
                current.sort(key=lambda d: min(abs(d.tok_start - near_tok), abs(d.tok_end - near_tok)))
            return self._when_of(current[0])
        return False if own else None

    def sentence_when(self, sent_index: int, near_tok: int | None = None) -> When | None:
        """The date of a sentence's events, None when it is background."""
        own = self.own_when(sent_index, near_tok)
        if own is False:
            return None
        return own or self.default_when

    # -- places ------------------------------------------------------------
    def where_of(self, pm: PlaceMention) -> Where | None:
        if pm.role not in ("event",):
            return None
        if any(a.tok_start <= pm.tok_start < a.tok_end for a in self.actors):
            return None  # part of an actor's name: شرطة الأنبار، الجبهة الشامية
        if any(a.tok_end == pm.tok_start for a in self.actors) and \
                self.gaz.lookup(self.doc.tokens[pm.tok_start].text):
            return None  # the name goes on: "مديرية استخبارات الأنبار", "قيادة عمليات نينوى"
        anchor = pm.anchor
        place = pm.place
        precision = 1
        if pm.tok_start in self.after_landmark and (place is None or place.kind in SETTLEMENT_KINDS):
            # "ساحة الكرامة وسط مدينة السويداء": a landmark of the city that locates it, not a town
            # of the same name elsewhere; with no city to locate it, it locates nothing
            if anchor is not None and anchor.place is not None and anchor.place.kind in ("city", "town") \
                    and anchor.relation in (None, "inside"):
                return Where(pm, anchor.place, anchor.place.place_id, 1, None)
            return None
        if place is None:
            if anchor is None or anchor.place is None:
                return None
            place = anchor.place
            # a neighbourhood of a city is the city itself (حي الصابري ببنغازي); else the nearest town
            if self._neighbourhood_of_city(pm, place):
                precision, key = 1, place.place_id  # told with the city's other reports
            else:
                precision = 2
                key = "name:" + self.doc.text[self.doc.tokens[pm.tok_start].start:self.doc.tokens[pm.tok_end - 1].end]
        else:
            town = place
            for _ in range(3):  # a prison in a neighbourhood in a town: the town
                if town.kind not in ("neighbourhood", "facility") or not town.parent:
                    break
                town = self.gaz.get(town.parent) or town
            key = town.place_id
            if place.is_area:
                precision = 3
            elif pm.relation == "district" and anchor is not None and anchor.place is not None and \
                    anchor.place.kind == "city" and pm.anchor.relation is None:
                precision = 1  # a district of a city (مديرية المنصورة في مدينة عدن) is part of it
            elif pm.relation in ("north", "south", "east", "west", "near", "countryside", "district"):
                precision = 2
        if place.kind == "country":
            return None
        direction = pm.relation if pm.relation in ("north", "south", "east", "west", "countryside") else None
        if place.is_area and pm.relation == "countryside":
            precision = 3
        return Where(pm, place, key, precision, direction)

    def _neighbourhood_of_city(self, pm: PlaceMention, place) -> bool:
        if place.kind not in ("city", "town") or pm.tok_start == 0 or pm.anchor is None:
            return False
        noun = self.doc.tokens[pm.tok_start - 1].text
        if pm.anchor.relation in ("north", "south", "east", "west"):
            # "حي الروضة شمال مدينة تعز": a quarter in the north of the city, not a place outside it
            return noun in ("حي", "بحي", "وحي", "احياء", "حاره", "بحاره")
        if pm.anchor.relation not in (None, "inside"):  # "وسط مدينة X" is in it
            return False
        return noun in ("حي", "بحي", "وحي", "احياء", "حاره", "بحاره", "شارع", "بشارع", "سوق", "بسوق")

    def event_places(self, sent_index: int) -> list[Where]:
        sent = self.doc.sentences[sent_index]
        out = []
        for pm in self.places.mentions:
            if sent.tok_start <= pm.tok_start < sent.tok_end:
                w = self.where_of(pm)
                if w is not None:
                    out.append(w)
        if not out:
            fallback = self._approximate_place(sent)
            if fallback is not None:
                out.append(fallback)
        return out

    def _approximate_place(self, sent) -> Where | None:
        """With no event place in the sentence, a distance reference (على بعد 20 كم غرب تدمر) or
        a road's end (على طريق حمص - تدمر) still locates the event: near that town, precision 2."""
        refs = [pm for pm in self.places.mentions if sent.tok_start <= pm.tok_start < sent.tok_end
                and pm.place is not None and not pm.place.is_area
                and pm.reason.startswith(("a distance reference", "an end of a road"))]
        if not refs:
            return None
        pm = min(refs, key=lambda p: (not p.reason.startswith("a distance"), p.tok_start))
        town = pm.place
        direction = pm.relation if pm.relation in ("north", "south", "east", "west") else None
        return Where(pm, town, town.place_id, 2, direction)

    # -- candidates --------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        actor_tokens = {t for a in self.actors for t in range(a.tok_start, a.tok_end)}
        # a trigger word inside an actor's name (هيئة تحرير الشام) is no trigger
        hits = [h for h in self.hits if (h.reports_event or self._deadly_after_clause(h))
                and h.mention.tok_start not in actor_tokens]
        strong = [h for h in hits if h.mention.strength == "strong"]
        out: list[Candidate] = []
        last_strong: TriggerHit | None = None
        previous_places: list[Where] = []
        by_sentence: dict[int, list[TriggerHit]] = {}
        for h in hits:
            by_sentence.setdefault(self.doc.sentence_of_token(h.mention.tok_start).index, []).append(h)
        for sent in self.doc.sentences:
            sent_places = self.event_places(sent.index)
            sent_hits = by_sentence.get(sent.index, [])
            # the charges of an arrest ("قامت بتفجيرات") and the contents of a cache ("قذائف هاون")
            arrests = [h.mention.tok_end for h in sent_hits
                       if h.mention.sub_event_type in ("Arrests", "Disrupted weapons use")]
            typed: list[tuple[TriggerHit, str, str]] = []
            for h in sent_hits:
                m = h.mention
                if m.event_type in VIOLENT_TYPES and any(self._same_clause(a, m.tok_start) for a in arrests):
                    continue  # "ألقت القبض على مجموعة قامت بتفجيرات": the charges, not new events
                if m.strength == "strong":
                    typed.append((h, m.event_type, m.sub_event_type))
                    last_strong = h
                elif m.event_type == "Strategic developments":
                    continue  # a weak strategic word (نقطة عسكرية) never makes an event alone
                elif last_strong is not None or not strong or self._has_killed(sent.index):
                    # "the attack" refers back to the last strong event; with nothing before it, an
                    # attack that killed or wounded people is an event of its own kind
                    ref = last_strong.mention if last_strong is not None else m
                    if last_strong is None and not self._has_killed(sent.index) and \
                            not self._has_killed(sent.index, kinds=("injured", "mixed")):
                        continue
                    if last_strong is None and any(x.mention.strength == "strong" for x in sent_hits):
                        continue  # a strong trigger later in the sentence carries its event
                    typed.append((h, ref.event_type, ref.sub_event_type))
            if not typed:
                if sent_places:
                    previous_places = sent_places
                continue
            when = self.sentence_when(sent.index, typed[0][0].mention.tok_start)
            if when is None:
                continue
            places_here = sent_places
            if not places_here:
                towns = {w.town_key for w in previous_places}
                if len(towns) == 1:
                    places_here = previous_places[:1]
            else:
                previous_places = sent_places
            for h, etype, sub in typed:
                targets = places_here
                if sub == TERRITORY:
                    targets = [w for w in places_here if self._object_of(h, w)]
                join_only = h.mention.tok_start > 0 and \
                    self.doc.tokens[h.mention.tok_start - 1].text in ("هذا", "هذه", "ذلك", "تلك", "هاته")
                for w in targets:
                    out.append(Candidate(h, sent.index, w, when, etype, sub, join_only))
        return out

    def _same_clause(self, start: int, tok: int) -> bool:
        """Is token ``tok`` close after ``start`` with no clause break (فيما، بينما، في حين) between?"""
        if not start <= tok <= start + 15:
            return False
        breaks = ("فيما", "بينما", "حين", "كما", "ثم", "وقد", "واضاف", "وقال")
        return not any(self.doc.tokens[t].text in breaks for t in range(start, tok))

    def _has_killed(self, sent_index: int, kinds: tuple[str, ...] = ("killed",)) -> bool:
        sent = self.doc.sentences[sent_index]
        return any(c.kind in kinds and sent.tok_start <= c.tok_start < sent.tok_end for c in self.casualties)

    def _deadly_after_clause(self, hit: TriggerHit) -> bool:
        """"فرّ الآلاف بعد هجوم شنّته قوات X على مدينة Y قُتل فيه 40 شخصاً": an attack behind
        بعد/عقب/إثر that has its own death toll after it is the sentence's event when the
        sentence reports no other violent event."""
        m = hit.mention
        if hit.status not in ("background", "subordinate") or m.event_type not in VIOLENT_TYPES:
            return False
        sent = self.doc.sentence_of_token(m.tok_start)
        if not any(self.doc.tokens[t].text.lstrip("و") in ("بعد", "عقب", "اثر", "واثر")
                   for t in range(max(sent.tok_start, m.tok_start - 2), m.tok_start)) and \
                not self.doc.tokens[m.tok_start].text.startswith(("بعد", "عقب")):
            return False
        if any(h.reports_event and h.mention.event_type in VIOLENT_TYPES and h.mention.strength == "strong"
               and sent.tok_start <= h.mention.tok_start < sent.tok_end for h in self.hits):
            return False
        return any(c.kind == "killed" and m.tok_end <= c.tok_start < sent.tok_end for c in self.casualties)

    def _object_of(self, hit: TriggerHit, w: Where) -> bool:
        """A territory trigger takes a settlement right after it: سيطرت القوات على قرى X وY."""
        pm = w.mention
        if pm.tok_start < hit.mention.tok_end or pm.tok_start - hit.mention.tok_end > 40:
            return False
        if pm.place is not None and w.place.kind not in SETTLEMENT_KINDS:
            return False
        actor_tokens = {t for a in self.actors for t in range(a.tok_start, a.tok_end)}
        allowed = _TERRITORY_OBJECT_WORDS
        gap = list(range(hit.mention.tok_end, pm.tok_start))
        ala = [t for t in gap if self.doc.tokens[t].text in ("علي", "على")]
        if ala:
            # VSO: "سيطرت القوات على قرى X": the subject may stand between the verb and على
            subject, obj = gap[:gap.index(ala[0])], gap[gap.index(ala[0]) + 1:]
            if len([t for t in subject if t not in actor_tokens]) > 2:
                return False
        else:
            obj = gap  # a direct object: استعادت البلدة
        # later villages of the list: "على قرى X وY وZ"
        listed = {t for p in self.places.mentions if p.tok_end <= pm.tok_start for t in range(p.tok_start, p.tok_end)}
        rest = [t for t in obj if t not in listed]
        return len(rest) <= 6 and all(t in actor_tokens or self.doc.tokens[t].text in allowed or
                                      self.doc.tokens[t].text.startswith("و") or self.doc.tokens[t].text == "و"
                                      for t in rest)

    # -- grouping ----------------------------------------------------------
    def group(self, cands: list[Candidate]) -> list[Group]:
        groups: list[Group] = []
        for c in cands:
            for g in groups:
                if g.etype == c.etype and g.where.town_key == c.where.town_key and g.when.compatible(c.when) and \
                        (g.where.direction is None or c.where.direction is None or
                         g.where.direction == c.where.direction):
                    g.members.append(c)
                    g.places.append(c.where)
                    if g.where.direction is None and c.where.direction:
                        g.where = Where(g.where.mention, g.where.place, g.where.town_key, g.where.precision,
                                        c.where.direction)
                    break
            else:
                groups.append(Group(c.etype, c.where, c.when, [c], [c.where]))
        # "ويأتي هذا القصف ...": a group made only of references back to told events is no event
        groups = [g for g in groups if not all(m.join_only for m in g.members)]
        # "محاولة اغتيال بانفجار عبوة ناسفة": the method makes the type (ACLED codes the explosion)
        for g in list(groups):
            if g.etype != "Violence against civilians" or any(m.subtype != "Attack" for m in g.members):
                continue
            for o in groups:
                if o.etype == "Explosions/Remote violence" and o.where.town_key == g.where.town_key and \
                        o.when.compatible(g.when) and o.sentences & g.sentences:
                    o.members.extend(g.members)
                    o.places.extend(g.places)
                    groups.remove(g)
                    break
        return groups

    @staticmethod
    def _coarser(a: Where, b: Where) -> bool:
        """Is place ``a`` a wider description than ``b`` (a city or region around a town or village)?"""
        rank = {"neighbourhood": 0, "facility": 0, "village": 1, "town": 1, "city": 2, "admin2": 3, "region": 3,
                "admin1": 4, "country": 5}
        return a.precision > b.precision or rank.get(a.place.kind, 2) > rank.get(b.place.kind, 2)

    def _is_summary(self, g: Group, level: str = "lead") -> bool:
        """Told only in headings (level "heading"), or only in headings and the lead sentence."""
        told = {m.sentence for m in g.members if not m.join_only}
        return all(self.doc.sentences[s].is_heading or (level == "lead" and s == self.first_body) for s in told)

    def merge_summaries(self, groups: list[Group]) -> list[Group]:
        from marsad.geo.gazetteer import distance_km
        kept = list(groups)

        def absorb(target: Group, g: Group) -> None:
            target.members.extend(g.members)
            target.places.extend(g.places)
            kept.remove(g)

        # a facility or neighbourhood and the town it lies in (مطار حميميم / جبلة): one place
        for g in list(kept):
            if g not in kept or g.where.place.kind not in ("facility", "neighbourhood"):
                continue
            anchors = {w.mention.anchor.place.place_id for w in g.places
                       if w.mention.anchor is not None and w.mention.anchor.place is not None}
            towns = [(distance_km(o.where.place.latitude, o.where.place.longitude,
                                  g.where.place.latitude, g.where.place.longitude), o) for o in kept
                     if o is not g and o.etype == g.etype and o.when.compatible(g.when)
                     and o.where.place.kind in SETTLEMENT_KINDS and o.where.mention.place is not None]
            for dist, o in sorted(towns, key=lambda x: x[0]):
                # the town the text puts it in ("في مدينة جبلة"), else the nearest town close by
                if o.where.place.place_id in anchors or (dist <= 8 and not anchors):
                    absorb(g, o)
                    break
        # headlines first, then the lead sentence: each may sum up the groups told after it
        for level in ("heading", "lead"):
            for g in list(kept):
                if g not in kept or not self._is_summary(g, level):
                    continue
                body = [b for b in kept if b is not g and b.etype == g.etype and not self._is_summary(b, level)]
                same_admin = [b for b in body if (b.where.place.country_code, b.where.place.admin1) ==
                              (g.where.place.country_code, g.where.place.admin1)]
                same = [b for b in same_admin if b.where.town_key == g.where.town_key]
                finer = [b for b in same_admin if self._coarser(g.where, b.where)]
                target = same[0] if same else (finer[0] if len(finer) == 1 else None)
                if target is not None:
                    absorb(target, g)
                elif g.where.precision >= 2 and any(b.where.precision == 1 for b in body):
                    # a lead that names only a region ("ريف اللاذقية") over precise body events
                    kept.remove(g)
        # a governorate-only event yields to precise events of the same type
        out = []
        for g in kept:
            if g.where.precision == 3 and any(o is not g and o.etype == g.etype and o.where.precision < 3 for o in kept):
                continue
            out.append(g)
        return out

    # -- fields ------------------------------------------------------------
    def _sent_range(self, g: Group) -> list[tuple[int, int]]:
        return [(self.doc.sentences[s].tok_start, self.doc.sentences[s].tok_end) for s in sorted(g.sentences)]

    def _in_group(self, g: Group, tok: int) -> bool:
        return any(a <= tok < b for a, b in self._sent_range(g))

    def group_casualties(self, g: Group, groups_by_sentence: dict[int, list[Group]]) -> list[Casualty]:
        out = []
        for c in self.casualties:
            if c.kind != "killed" or c.subgroup:
                continue
            sent = self.doc.sentence_of_token(c.tok_start).index
            owners = groups_by_sentence.get(sent, [])
            if g not in owners:
                continue
            if len(owners) > 1:
                owner = self._owner_of(c, owners)
                if owner is not g:
                    continue
            elif self._elsewhere(c, g):
                continue
            out.append(c)
        return out

    def _elsewhere(self, c: Casualty, g: Group) -> bool:
        """"كما قتل طفل في غارة ... في قرية في شرق المحافظة": the count's own clause names a place
        (a place noun) that is none of the group's places, so the death happened elsewhere."""
        from marsad.geo.places import _place_noun_matcher
        sent = self.doc.sentence_of_token(c.tok_start)
        end = min(sent.tok_end, c.tok_end + 6)
        nouns = [m for m in _place_noun_matcher().find(self.doc, c.tok_start, end)]
        own = {t for w in g.places for t in range(w.mention.tok_start, w.mention.tok_end)}
        # containers locate the group's places: "البارة في جبل الزاوية"
        own |= {t for pm in self.places.mentions if pm.role != "event"
                for t in range(pm.tok_start, pm.tok_end)}
        for m in nouns:
            if m.tok_end not in own and m.tok_start not in own and \
                    not any(w.mention.tok_start <= m.tok_end < w.mention.tok_end + 1 for w in g.places):
                if self.doc.tokens[m.tok_start].text in ("منطقه", "مناطق", "محافظه"):
                    continue
                return True
        return False

    def _owner_of(self, c: Casualty, owners: list[Group]) -> Group | None:
        """The group a death count belongs to when its sentence feeds several."""
        violent = [o for o in owners if o.etype in VIOLENT_TYPES] or owners
        if len(violent) == 1:
            return violent[0]
        sent = self.doc.sentence_of_token(c.tok_start)
        # the place named right after the count (before the next count), else the nearest before it
        nxt = min([x.tok_start for x in self.casualties
                   if x.tok_start > c.tok_start and not x.subgroup and x.kind == "killed" and x.start != c.start]
                  + [sent.tok_end])
        after = [(w.mention.tok_start, o) for o in violent for w in o.places
                 if c.tok_start < w.mention.tok_start < nxt and w.mention.tok_start - c.tok_start <= 30]
        if after:
            first_tok, owner = min(after, key=lambda x: x[0])
            # "قتل عشرون مدنياً ... على مدينة إدلب ومعرة مصرين وبنش": a count over a list of places
            # belongs to none of them
            listed = {o2.where.town_key for t, o2 in after if 0 < t - first_tok <= 8}
            if listed - {owner.where.town_key}:
                return None
            return owner
        before = [(c.tok_start - w.mention.tok_start, o) for o in violent for w in o.places
                  if sent.tok_start <= w.mention.tok_start < c.tok_start and c.tok_start - w.mention.tok_start <= 8]
        if before:
            return min(before, key=lambda x: x[0])[1]
        # same place for all (several types at one town): the nearest trigger
        triggers = [(abs(m.hit.mention.tok_start - c.tok_start), o) for o in violent for m in o.members
                    if self.doc.sentence_of_token(m.hit.mention.tok_start).index == sent.index]
        towns = {o.where.town_key for o in violent}
        if triggers and len(towns) == 1:
            return min(triggers, key=lambda x: x[0])[1]
        return None

    def fatalities(self, cas: list[Casualty]) -> tuple[int, int, int, list[Casualty]]:
        """Conservative total: per victim group, headline numbers are alternatives to the body's,
        equal body numbers are restatements, different ones add."""
        def victim_key(c: Casualty) -> str:
            for a in self._victim_actors(c):
                if a.actor != "Civilians":
                    return a.actor
            return c.victim_class or "unknown"

        def totals(items: list[Casualty]) -> dict[str, list[tuple[int, int, int]]]:
            lists: dict[tuple[str, int], list[Casualty]] = {}
            for c in items:
                lists.setdefault((victim_key(c), c.start), []).append(c)
            by_key: dict[str, list[tuple[int, int, int]]] = {}
            for (key, _), cs in lists.items():
                best = sum(c.count or 0 for c in cs)
                low = sum((c.low if c.low is not None else c.count or 0) for c in cs)
                high = sum((c.high if c.high is not None else c.count or 0) for c in cs)
                by_key.setdefault(key, [])
                if best not in [b for b, _, _ in by_key[key]]:
                    by_key[key].append((best, low, high))
            return by_key

        # "ما أسفر عن مقتله": a pronoun refers back to victims counted elsewhere
        anaphoric = [c for c in cas if c.victim is None and self._pronoun_death(c)]
        if len(anaphoric) < len(cas):
            cas = [c for c in cas if c not in anaphoric]
        else:
            anaphoric = []
        head = [c for c in cas if self.doc.sentence_of_token(c.tok_start).is_heading]
        body = [c for c in cas if c not in head]
        body_t = {k: (sum(b for b, _, _ in v), sum(lo for _, lo, _ in v), sum(h for _, _, h in v))
                  for k, v in totals(body).items()}
        head_t = {k: (min(b for b, _, _ in v), min(lo for _, lo, _ in v), max(h for _, _, h in v))
                  for k, v in totals(head).items()}
        best = low = high = 0
        for k, (b, lo, h) in body_t.items():
            if k in head_t:
                hb, hlo, hh = head_t[k]
                best += min(b, hb)
                low += min(lo, hlo)
                high += max(h, hh, b, hb)
            else:
                best, low, high = best + b, low + lo, high + max(h, b)
        extra = {k: v for k, v in head_t.items() if k not in body_t}
        if extra:
            eb = sum(v[0] for v in extra.values())
            if not body_t:
                best, low, high = eb, sum(v[1] for v in extra.values()), sum(max(v[2], v[0]) for v in extra.values())
            elif eb > best:
                high = max(high, eb)
        return best, min(low, best), max(high, best), cas + anaphoric

    def build_event(self, g: Group) -> Event | None:
        doc = self.doc
        groups_by_sentence = self._groups_by_sentence
        cas = self.group_casualties(g, groups_by_sentence)
        best, low, high, cas_used = self.fatalities(cas)
        subtypes = [m.subtype for m in g.members]
        subtypes = [m.subtype for m in g.members if m.etype == g.etype] or subtypes
        strong_subs = [m.subtype for m in g.members if m.hit.mention.strength == "strong" and m.etype == g.etype] \
            or subtypes
        sub = min(strong_subs, key=lambda s: SUBTYPE_PRIORITY.index(s) if s in SUBTYPE_PRIORITY else -1)
        etype = g.etype
        actor1, actor2, assoc1, assoc2, actor_spans = self.actors_for(g, etype, sub, cas_used)
        if sub == TERRITORY:
            sub = "Government regains territory" if actor1 and self.kb.inter(actor1) == 1 else \
                "Non-state actor overtakes territory"
        if etype == "Violence against civilians" and sub == "Attack" and actor2 and actor2 != "Civilians" and \
                self.kb.inter(actor2) in ARMED_CODES:
            etype, sub = "Battles", "Armed clash"  # ACLED codes killings of fighters as clashes
        if etype == "Protests":
            killer = self._protest_violence(g, cas_used)
            if killer and best:
                # forces killing demonstrators: ACLED's excessive force against protesters
                sub, actor1, actor2, assoc1, assoc2 = "Excessive force against protesters", killer, "Protesters", [], []
            else:
                actor1, actor2, assoc1, assoc2 = "Protesters", None, [], []
        where = self._best_where(g)
        place = where.place
        when = g.when
        inter1 = self.kb.inter(actor1) if actor1 else None
        inter2 = self.kb.inter(actor2) if actor2 else None
        codes = sorted(c for c in (inter1, inter2) if c)
        interaction = int("".join(map(str, codes))) if len(codes) == 2 else (codes[0] * 10 if codes else None)
        evidence: dict[str, list[dict]] = {}

        def ev(field_name: str, span: Span) -> None:
            lst = evidence.setdefault(field_name, [])
            d = span.to_dict()
            if d not in lst:
                lst.append(d)

        for m in g.members:
            ev("event_type", Span(m.hit.mention.start, m.hit.mention.end, m.hit.mention.text))
        evidence["location"] = self.location_evidence(g, where)
        set_aside = self.places_set_aside(g)
        if set_aside:
            evidence["location_set_aside"] = set_aside
        for field_name, spans in actor_spans.items():
            for s in spans:
                ev(field_name, s)
        for dm in when.mentions:
            ev("event_date", Span(dm.start, dm.end, dm.text))
        for c in cas_used:
            ev("fatalities", Span(c.start, c.end, c.text))
        attribution, attr_span = self.attribution_for(g, cas_used)
        if attr_span:
            ev("attribution", attr_span)
        event_date = when.start.isoformat() if when.start else None
        admin1 = place.admin1 or self._admin1_by_polygon(place)
        record = Event(
            event_id="",
            event_type=etype,
            sub_event_type=sub,
            event_date=event_date,
            event_date_start=when.start.isoformat() if when.start else None,
            event_date_end=when.end.isoformat() if when.end else None,
            time_precision=when.precision if when.start else None,
            actor1=actor1, actor2=actor2, assoc_actor_1=assoc1, assoc_actor_2=assoc2,
            inter1=inter1, inter2=inter2, interaction=interaction,
            country=place.country, admin1=admin1, admin2=place.admin2, location=place.name,
            latitude=round(place.latitude, 5), longitude=round(place.longitude, 5),
            geo_precision=where.precision,
            fatalities=best, fatalities_low=low, fatalities_high=high,
            attribution=attribution,
            source=self.article.source, source_url=self.article.url, article_id=self.article.article_id,
            published=self.published.isoformat() if self.published else None,
            language=self.article.language, evidence=evidence,
        )
        record.notes = self.notes_for(record, where)
        record.confidence = self.confidence_for(record, g, where)
        key = "|".join([EXTRACTOR_VERSION, self.article.text_hash, etype, sub, where.town_key, when.key,
                        str(min(m.hit.mention.start for m in g.members))])
        record.event_id = "ev-" + hashlib.sha256(key.encode()).hexdigest()[:16]
        return record

    def index_groups(self, groups: list[Group]) -> None:
        self._groups_by_sentence: dict[int, list[Group]] = {}
        for g in groups:
            for s in g.sentences:
                self._groups_by_sentence.setdefault(s, []).append(g)

    @staticmethod
    def _admin1_by_polygon(place) -> str | None:
        """The governorate whose polygon holds a place the gazetteer gives none (a region, a sea strait)."""
        if place.kind == "country":
            return None
        from marsad.geo import areas
        hit = areas.admin1_at(place.latitude, place.longitude)
        if hit is None or hit[0] != place.country_code:
            hit = areas.nearest_admin1(place.latitude, place.longitude, place.country_code) \
                if place.country_code in ("SY", "IQ", "LB", "YE", "LY", "PS", "SD") else None
        return hit[2] if hit is not None and hit[0] == place.country_code else None

    def location_evidence(self, g: Group, where: Where) -> list[dict]:
        """The group's event-place spans; the chosen one says why it was chosen, how
        precise it is, and which namesakes it beat and why (for a reviewer)."""
        out: list[dict] = []
        seen: set[tuple[int, int]] = set()
        for w in sorted(g.places, key=lambda w: (w is not where, w.mention.start)):
            pm = w.mention
            if (pm.start, pm.end) in seen:
                continue
            seen.add((pm.start, pm.end))
            item = Span(pm.start, pm.end, pm.text).to_dict()
            item["place_id"] = w.place.place_id
            if w is where:
                item["chosen"] = True
                item["geo_precision"] = where.precision
                item["reason"] = "; ".join(r for r in (self._precision_reason(where), pm.resolution, pm.reason) if r)
                if pm.alternatives:
                    item["alternatives"] = [
                        {"place_id": c.place_id, "name": c.name, "country": c.country, "admin1": c.admin1,
                         "latitude": round(c.latitude, 5), "longitude": round(c.longitude, 5), "why_not": why}
                        for c, why in pm.alternatives]
            elif pm.resolution:
                item["reason"] = pm.resolution
            out.append(item)
        return out

    @staticmethod
    def _precision_reason(where: Where) -> str:
        pm, place = where.mention, where.place
        if where.precision == 1:
            return f"the named {place.kind} itself"
        if where.precision == 3:
            return f"only the {'governorate' if place.kind == 'admin1' else place.kind} is known: its seat or centre"
        if pm.place is None:
            return f"{pm.text} is not in the gazetteer; the nearest named town is {place.name}"
        relation = {"countryside": "the countryside of", "near": "near", "inside": "in",
                    "district": "the district of"}.get(
            pm.relation or "", f"{pm.relation} of" if pm.relation else "near")
        return f"{relation} {place.name}: the nearest named town"

    def places_set_aside(self, g: Group) -> list[dict]:
        """Places named in the group's sentences that are not its location (routes, origins,
        destinations, references, datelines), each with its role and the reason."""
        spans = [self.doc.sentences[s] for s in g.sentences]
        used = {(w.mention.start, w.mention.end) for w in g.places}
        out = []
        for pm in self.places.mentions:
            if pm.role == "event" or (pm.start, pm.end) in used:
                continue
            if any(sent.tok_start <= pm.tok_start < sent.tok_end for sent in spans):
                item = Span(pm.start, pm.end, pm.text).to_dict()
                item.update(role=pm.role, reason=pm.reason or pm.role)
                if pm.place is not None:
                    item["place_id"] = pm.place.place_id
                out.append(item)
        return out

    def _best_where(self, g: Group) -> Where:
        """The most precise named place of the group (a neighbourhood beats its town)."""
        rank = {"facility": 0, "neighbourhood": 0, "village": 1, "town": 1, "city": 2, "admin2": 3, "admin1": 4,
                "region": 4}
        counted: dict[str, int] = {}
        for w in g.places:
            counted[w.place.place_id] = counted.get(w.place.place_id, 0) + 1
        return min(g.places, key=lambda w: (rank.get(w.place.kind, 5) if w.mention.place is not None else 2,
                                            w.precision, -counted[w.place.place_id], w.mention.tok_start))

    # -- actors ------------------------------------------------------------
    def _affiliation_only(self, a: ActorMention) -> bool:
        """"مواقع إخبارية تابعة للنظام": the actor owns a media outlet here, it takes no part."""
        lo = max(self.doc.sentence_of_token(a.tok_start).tok_start, a.tok_start - 4)
        words = [self.doc.tokens[t].text for t in range(lo, a.tok_start)]
        if not any(w.startswith(("تابع", "التابع", "الموالي", "موالي")) for w in words):
            return False
        return any(m.tok_start >= lo - 3 for m in self._media if m.tok_start < a.tok_start)

    @property
    def _media(self):
        if not hasattr(self, "_media_cache"):
            from marsad.cues import cue_matcher
            self._media_cache = cue_matcher("media_noun").find(self.doc)
        return self._media_cache

    def actors_for(self, g: Group, etype: str, sub: str, cas: list[Casualty]):
        doc = self.doc
        in_group = [a for a in self.actors if self._in_group(g, a.tok_start) and not self._affiliation_only(a)]
        armed = [a for a in in_group if self.kb.inter(a.actor) in ARMED_CODES]
        spans: dict[str, list[Span]] = {}
        victims = []
        for c in cas:
            found = self._victim_actors(c)
            if found:
                victims.append((found[0].actor, c.count or 0, found[0]))
            elif c.victim_class in ("civilians",):
                victims.append(("Civilians", c.count or 0, None))
            elif c.victim_class == "security" and self.places.countries:
                name = f"Military Forces of {COUNTRY_NAMES.get(self.places.countries[0], self.places.countries[0])}"
                victims.append((name, c.count or 0, None))
        victim_names: dict[str, int] = {}
        for name, n, _ in victims:
            victim_names[name] = victim_names.get(name, 0) + n
        if not victim_names and self._injured_civilians(g):
            victim_names["Civilians"] = 0  # "أصيبت امرأة وطفلها": the civilians were the target

        sides = self._between_sides(g)
        actor1 = actor2 = None
        if sides:
            actor1, actor2 = sides
        elif etype == "Battles" and not sub == TERRITORY:
            victim_armed = [n for n in victim_names if n != "Civilians"]
            unidentified = [a.actor for a in armed if a.actor == "Unidentified Armed Group"]
            names = self._salient(armed, g)
            if unidentified:
                actor1 = unidentified[0]
                others = [n for n in victim_armed + names if n != actor1]
                actor2 = others[0] if others else None
            else:
                ordered = victim_armed + [n for n in names if n not in victim_armed]
                actor1 = ordered[0] if ordered else None
                rest = [n for n in ordered[1:] if not self.kb.allied(n, actor1)]
                actor2 = rest[0] if rest else None
        else:
            victim_mentions = {id(a) for c in cas for a in self._victim_actors(c)}
            perpetrators = [a for a in armed if id(a) not in victim_mentions]
            if etype == "Strategic developments" and sub in ("Arrests", "Disrupted weapons use"):
                # the force that arrests or seizes: state forces first, else the nearest armed actor
                trig_sents = {self.doc.sentence_of_token(m.hit.mention.tok_start).index for m in g.members}
                first_listed = [a.actor for a in perpetrators if self.kb.inter(a.actor) == 1 and
                                self.doc.sentence_of_token(a.tok_start).index in trig_sents]
                state = first_listed[:1] + self._salient([a for a in perpetrators if self.kb.inter(a.actor) == 1], g)
                nearest = [n for n in self._salient(perpetrators, g) if n != "Unidentified Armed Group"]
                actor1 = state[0] if state else (self._article_actor(state=True) or (nearest[0] if nearest else None))
                others = [n for n in self._salient([a for a in armed if self.kb.inter(a.actor) != 1], g)
                          if n not in ("Unidentified Armed Group", actor1) and not self.kb.allied(n, actor1 or "")]
                if not others:
                    counts = {n: c for n, c in self._article_counts().items()
                              if self.kb.inter(n) != 1 and n != actor1 and not self.kb.allied(n, actor1 or "")}
                    others = sorted(counts, key=lambda n: -counts[n])
                actor2 = others[0] if others else ("Civilians" if sub == "Arrests" else None)
                return self._finish_actors(g, actor1, actor2, in_group, victim_names, spans)
            if sub == TERRITORY:
                opponents = [a for a in perpetrators if self._after_with(a)]
                perpetrators = [a for a in perpetrators if not self._after_with(a)]
                if not perpetrators:
                    actor1 = self._article_actor(state=True) or self._article_actor()
                    actor2 = opponents[0].actor if opponents else (self._opponent(actor1) if actor1 else None)
                    return self._finish_actors(g, actor1, actor2, in_group, victim_names, spans)
            names = self._salient(perpetrators, g)
            if sub in ("Suicide bomb", "Remote explosive/landmine/IED"):
                # bombers are seldom named; a named group counts only when it claims the attack
                claimed = [a.actor for a in perpetrators if self._claims(a) and self.kb.inter(a.actor) != 1]
                names = claimed or ["Unidentified Armed Group"]
            actor1 = names[0] if names else None
            if actor1 is None:
                if etype in ("Explosions/Remote violence", "Violence against civilians"):
                    actor1 = self._article_perpetrator(etype) or "Unidentified Armed Group"
                elif etype == "Strategic developments" or sub == TERRITORY:
                    actor1 = self._article_actor(state=True)
            if victim_names:
                primary = max(victim_names, key=lambda n: victim_names[n])
                actor2 = primary if primary != actor1 else None
            if actor2 is None:
                actor2 = self._target(g, etype, sub, actor1, armed)
        if etype == "Battles" and actor1 and not actor2:
            actor2 = self._opponent(actor1)
        return self._finish_actors(g, actor1, actor2, in_group, victim_names, spans)

    def _protest_violence(self, g: Group, cas: list[Casualty]) -> str | None:
        """State forces named in the sentence where protesters were killed."""
        sents = {self.doc.sentence_of_token(c.tok_start).index for c in cas}
        for a in self.actors:
            if self.doc.sentence_of_token(a.tok_start).index in sents and self.kb.inter(a.actor) in (1, 3, 8):
                return a.actor
        return None

    def _injured_civilians(self, g: Group) -> bool:
        return any(c.kind == "injured" and c.victim_class == "civilians" and c.victim != "آخرون"
                   and self._in_group(g, c.tok_start) for c in self.casualties)

    def _after_with(self, a: ActorMention) -> bool:
        """"اشتباكات مع الفصائل", "هجوم ضد التنظيم": the other side."""
        return a.tok_start > 0 and self.doc.tokens[a.tok_start - 1].text in ("مع", "ضد", "ومع")

    def _finish_actors(self, g: Group, actor1, actor2, in_group, victim_names, spans):
        if actor1 is None and actor2 is not None:
            actor1, actor2 = actor2, None
        if actor2 is not None and actor2 == actor1:
            # never the same actor on both sides: its opponent in the article, or the civilians hit
            actor2 = self._opponent(actor1) or ("Civilians" if g.etype != "Battles" else None)
        assoc1, assoc2 = [], []
        for a in in_group:
            n = a.actor
            if n in (actor1, actor2) or self.kb.inter(n) not in ARMED_CODES:
                continue
            if actor1 and self.kb.allied(n, actor1) and n not in assoc1:
                assoc1.append(n)
            elif actor2 and self.kb.allied(n, actor2) and n not in assoc2:
                assoc2.append(n)
        if actor2 and victim_names:
            for name in victim_names:
                if name not in (actor1, actor2) and name not in assoc2 and name not in assoc1:
                    assoc2.append(name)
        for field_name, name in (("actor1", actor1), ("actor2", actor2)):
            for a in in_group:
                if a.actor == name:
                    spans.setdefault(field_name, []).append(Span(a.start, a.end, a.text))
        return actor1, actor2, assoc1, assoc2, spans

    def _pronoun_death(self, c: Casualty) -> bool:
        word = self.doc.tokens[c.tok_start].text
        return word.endswith(("ه", "هم", "ها", "هما")) and not word.endswith(("قتيله",))

    def _victim_actors(self, c: Casualty) -> list[ActorMention]:
        """Actors naming the victims' side: "أربعة مقاتلين من الجيش الوطني", not the killers before the count."""
        lo = c.victim_start if c.victim_start is not None else c.start
        # conjuncts of one list share a span: stop at the next conjunct's victim noun
        hi = min([x.victim_start for x in self.casualties
                  if x.start == c.start and x.victim_start is not None and x.victim_start > lo] + [c.end])
        found = [a for a in self.actors if lo <= a.start < hi and a.actor != "Unidentified Armed Group"]
        return found

    def _claims(self, a: ActorMention) -> bool:
        sent = self.doc.sentence_of_token(a.tok_start)
        words = {self.doc.tokens[t].text for t in range(sent.tok_start, sent.tok_end)}
        return bool(words & {"تبنى", "تبني", "تبنت", "اعلن", "اعلنت", "نفذ", "نفذت"})

    def _salient(self, mentions: list[ActorMention], g: Group) -> list[str]:
        """Actor names ordered by closeness to the group's triggers."""
        trig = [m.hit.mention.tok_start for m in g.members]
        scored: dict[str, float] = {}
        for a in mentions:
            d = min(abs(a.tok_start - t) for t in trig)
            scored[a.actor] = min(scored.get(a.actor, 1e9), d)
        return sorted(scored, key=lambda n: scored[n])

    def _between_sides(self, g: Group) -> tuple[str, str] | None:
        """"بين X و Y" (and "بين X من جهة و Y من جهة أخرى") names the two sides."""
        for s in sorted(g.sentences):
            sent = self.doc.sentences[s]
            for t in range(sent.tok_start, sent.tok_end):
                if self.doc.tokens[t].text != "بين":
                    continue
                after = [a for a in self.actors if t < a.tok_start < min(sent.tok_end, t + 14)
                         and self.kb.inter(a.actor) in ARMED_CODES]
                names = []
                for a in after:
                    if a.actor not in names:
                        names.append(a.actor)
                if len(names) >= 2 and not self.kb.allied(names[0], names[1]):
                    return names[0], names[1]
        return None

    def _article_counts(self, state: bool | None = None) -> dict[str, int]:
        counts: dict[str, int] = {}
        for a in self.actors:
            inter = self.kb.inter(a.actor)
            if inter not in ARMED_CODES or a.actor == "Unidentified Armed Group":
                continue
            if state is True and inter != 1:
                continue
            counts[a.actor] = counts.get(a.actor, 0) + 1
        return counts

    def _article_actor(self, state: bool = False) -> str | None:
        counts = self._article_counts(state=True if state else None)
        return max(counts, key=lambda n: counts[n]) if counts else None

    def _article_perpetrator(self, etype: str) -> str | None:
        counts: dict[str, int] = {}
        for h in self.hits:
            if h.mention.event_type != etype or not h.reports_event:
                continue
            sent = self.doc.sentence_of_token(h.mention.tok_start)
            for a in self.actors:
                if sent.tok_start <= a.tok_start < sent.tok_end and self.kb.inter(a.actor) in ARMED_CODES:
                    counts[a.actor] = counts.get(a.actor, 0) + 1
        return max(counts, key=lambda n: counts[n]) if counts else None

    def _opponent(self, actor1: str) -> str | None:
        counts = {n: c for n, c in self._article_counts().items() if n != actor1 and not self.kb.allied(n, actor1)}
        return max(counts, key=lambda n: counts[n]) if counts else None

    def _target(self, g: Group, etype: str, sub: str, actor1: str | None, armed: list[ActorMention]) -> str | None:
        if etype == "Strategic developments":
            if sub == "Headquarters or base established":
                return None
            others = [n for n in self._salient([a for a in armed if a.actor != actor1], g)
                      if not (actor1 and self.kb.allied(n, actor1)) and self.kb.inter(n) != 1]
            if others:
                return others[0]
            opp = self._opponent(actor1) if actor1 else None
            return opp if opp and self.kb.inter(opp) != 1 else ("Civilians" if sub == "Arrests" else opp)
        if etype == "Violence against civilians":
            return "Civilians"
        if etype == "Explosions/Remote violence":
            place = g.where.place
            country = COUNTRY_NAMES.get(place.country_code, place.country)
            if self._air_defence_engaged(place.country_code):
                return f"Military Forces of {country}"
            if place.kind == "facility" or any(w.place.kind == "facility" for w in g.places):
                return f"Military Forces of {country}"
            others = [n for n in self._salient([a for a in armed if a.actor != actor1], g)
                      if not (actor1 and self.kb.allied(n, actor1)) and n != "Unidentified Armed Group"]
            if others and sub not in ("Air/drone strike", "Shelling/artillery/missile attack"):
                return others[0]
            if actor1 and self.kb.inter(actor1) in (2, 3) and actor1 != "Unidentified Armed Group":
                # a rebel group's strike that harmed no civilians: its opponent in the article
                opp = self._opponent(actor1)
                if opp and self.kb.inter(opp) in (1, 8):
                    return opp
            return "Civilians"
        return None

    def _air_defence_engaged(self, country_code: str) -> bool:
        words = ("الدفاعات الجويه", "الدفاع الجوي", "الدفاعات السوريه", "دفاعاتنا الجويه")
        return any(w in self.doc.text for w in words)

    # -- attribution, notes, confidence -------------------------------------
    def attribution_for(self, g: Group, cas: list[Casualty]) -> tuple[str | None, Span | None]:
        if not self.attributions:
            return None, None
        anchors = [c.tok_start for c in cas] or [m.hit.mention.tok_start for m in g.members]
        in_group = [a for a in self.attributions if self._in_group(g, a.tok_start)]
        pool = in_group or self.attributions
        best = min(pool, key=lambda a: min(abs(a.tok_start - t) for t in anchors))
        return best.name, self.doc.token_span(best.tok_start, best.tok_end)

    def notes_for(self, e: Event, where: Where) -> str:
        when = ("on an unknown date" if not e.event_date else
                f"on {e.event_date}" if e.event_date_start == e.event_date_end else
                f"between {e.event_date_start} and {e.event_date_end}")
        place = e.location or "an unnamed place"
        if where.precision == 2 and where.direction:
            place = f"the {where.direction} of {place}" if where.direction != "countryside" else f"the countryside of {place}"
        elif where.precision == 2 and where.mention.relation == "district":
            place = f"the district of {place}"
        elif where.precision == 2:
            place = f"near {place}"
        sides = " and ".join(x for x in (e.actor1, e.actor2) if x) or "unidentified actors"
        text = f"{e.sub_event_type} ({e.event_type}) involving {sides} in {place}, {e.country}, {when}."
        if e.fatalities:
            text += f" {e.fatalities} reported killed"
            if e.fatalities_high and e.fatalities_high != e.fatalities:
                text += f" (up to {e.fatalities_high})"
            text += f", according to {e.attribution}." if e.attribution else "."
        return text

    def confidence_for(self, e: Event, g: Group, where: Where) -> float:
        score = 0.4
        score += 0.15 if where.precision == 1 else 0.05
        score += 0.1 if e.actor1 and e.actor2 else 0.0
        score += 0.1 if len(g.members) > 1 else 0.0
        score += 0.1 if e.event_date else 0.0
        score += 0.1 if e.evidence.get("fatalities") else 0.0
        return round(min(score, 0.95), 2)
