"""Event frames: each trigger that reports an event, at each event place of its own unit (an
independent clause with its dependents, see :mod:`marsad.stages.clauses`), with its date and
a type decided by the frame itself.

* **Places.** A frame takes the event places of its own clause, else of the other clauses of
  its unit (temporal and relative clauses last). A unit that names none takes them by
  ellipsis: from the unit before it in the sentence, else from a coordinate unit right after
  it ("اندلعت اشتباكات، وقتل خلالها 5 في قرية X"), else a home town, campaign name or
  paragraph's opening place of its own (``marsad.geo.places.FALLBACK_ROLES``), else the single
  town of the sentence before. Places of other units never join.
* **Type.** A strong trigger gives its own type. A weak one (هجوم، انفجار، برصاص، قتلوا)
  joins a strong trigger of its unit; when it is definite ("الهجوم", "هذا القصف") it names
  an event of a fitting type told in the last few sentences and takes its type; else the
  means named in its unit decide (``kb/data/means.tsv``: بعبوة ناسفة -> IED, برصاص -> a
  ground attack, with the victims: civilians make violence against civilians; fighters,
  soldiers, police an armed clash); else its own type when its unit counts dead or wounded;
  else it makes nothing.
* **Bombardment of unstated means** (قصف) takes the means of its unit, else the usual means of
  its perpetrator (``kb/data/usual_means.tsv``: an air force strikes from the air), else the
  means of the bombardment told before it; "استهدف" (targeted) the means, the perpetrator's
  usual means or the victims.
* **Territory** triggers need a settlement right after them (سيطرت على قرية X).
"""
from __future__ import annotations

from functools import lru_cache

from marsad.arabic.matcher import PhraseMatcher
from marsad.arabic.normalise import definite
from marsad.budget import check_deadline
from marsad.cues import cue_matcher, cue_phrases, cue_starts, cue_words
from marsad.stages.analysis import ARMED_CODES, SETTLEMENT_KINDS, VIOLENT_TYPES, Analysis, Frame, Where
from marsad.stages.clauses import unit_range
from marsad.stages.discourse import pluperfect, prior_marker_between, teasers_from, unit_when, when_of
from marsad.stages.clauses import clause_at
from marsad.stages.event_places import fallback_places, sentence_places
from marsad.stages.day_after import date_day_after
from marsad.stages.statement_days import day_of_the_protest_during, own_day_after
from marsad.stages.act_days import date_events_named_again
from marsad.stages.arrest_fight import arrest_in_fight
from marsad.stages.means_clause import means_of_agent, struck_depot
from marsad.stages.territory import capture_achieved_in_clause
from marsad.stages.nonevents import MEANS_OR_GOAL, named_as_goal
from marsad.arabic.tokenise import stem_candidates
from marsad.triggers import EVENT_TYPES, REMOTE, TARGETED, TERRITORY, TriggerHit, prior_markers_before

# How many sentences back a definite weak trigger ("الهجوم") may refer.
ANAPHORA_SENTENCES = 3
# How many sentences after an event told with no place a definite word may name it (and place it).
PLACELESS_SENTENCES = 3
# How many words may name a site seized inside a settlement ("على عدد من الحواجز والنقاط في بلدة X").
SITE_OBJECT_WORDS = 6


@lru_cache(maxsize=1)
def usual_means() -> dict[str, str]:
    """Actor -> the sub-type of its strikes when a report names no weapon (``usual_means.tsv``)."""
    from marsad.errors import KnowledgeBaseError
    from marsad.kb import load_table
    out = {}
    for row in load_table("usual_means.tsv", required=("actor", "sub_event_type")):
        if row["sub_event_type"] not in EVENT_TYPES["Explosions/Remote violence"]:
            raise KnowledgeBaseError(f"{row['sub_event_type']!r} is no remote-violence sub-type",
                                     where=f"usual_means.tsv:{row['_line']}")
        out[row["actor"]] = row["sub_event_type"]
    return out


@lru_cache(maxsize=1)
def ground_countries() -> dict[str, frozenset[str]]:
    """Actor -> the countries (ISO codes) where it also shells from the ground, so that a bare
    "قصف" there tells no usual means (``ground_in`` of ``usual_means.tsv``)."""
    from marsad.kb import load_table
    return {row["actor"]: frozenset(c.strip() for c in row.get("ground_in", "").split("|") if c.strip())
            for row in load_table("usual_means.tsv", required=("actor", "sub_event_type"))}


@lru_cache(maxsize=1)
def means_matcher() -> PhraseMatcher:
    """The means of an attack (``kb/data/means.tsv``), payload (event_type, sub_event_type)."""
    from marsad.errors import KnowledgeBaseError
    from marsad.kb import load_table
    matcher = PhraseMatcher(suffixes=False)
    for row in load_table("means.tsv", required=("phrase", "event_type", "sub_event_type")):
        etype, sub = row["event_type"], row["sub_event_type"]
        if etype not in EVENT_TYPES or (sub != "direct" and sub not in EVENT_TYPES[etype]):
            raise KnowledgeBaseError(f"{etype!r} / {sub!r} is no ACLED type", where=f"means.tsv:{row['_line']}")
        matcher.add(row["phrase"], (etype, sub))
    return matcher


def split_told_apart(a: Analysis) -> None:
    """Cut a unit where "، و" + a death or injury verb opens the clause of another event.

    "قتل مدنيان في قصف على بلدة X، وقتل سبعة مسلحين في اشتباكات في قرية Y" tells two events: the
    second clause has an event word of its own, of another kind than the first's (or at another
    place), so each takes its own place and toll. "هاجم مسلحون حاجزاً، وقتلوا شرطياً" stays one
    unit: its second clause names no event of its own (the verbs are ``clause`` in
    ``kb/data/casualty_words.tsv``). Runs in the clauses stage, before the units are read."""
    from dataclasses import replace
    from marsad.casualties import clause_verb_forms
    doc = a.doc
    verbs = clause_verb_forms()
    tokens = doc.tokens
    cuts = [t for t in range(1, len(tokens)) if len(tokens[t].text) >= 4 and tokens[t].text[0] == "و"
            and tokens[t].text[1:] in verbs and set(doc.text[tokens[t - 1].end:tokens[t].start]) & set("،,")]
    if not cuts:
        return
    clauses = list(a.clauses)
    for t in cuts:
        i = next((k for k, x in enumerate(clauses) if x.tok_start < t < x.tok_end), None)
        if i is None:
            continue  # already where a clause starts
        x = clauses[i]
        lo = min(y.tok_start for y in clauses if y.unit == x.unit)
        hi = max(y.tok_end for y in clauses if y.unit == x.unit)
        told = [h.mention for h in a.hits if lo <= h.mention.tok_start < hi]
        # the first clause's event may be told by a weak word (هجوم); the second's must be strong
        before = [m for m in told if m.tok_start < t]
        after = [m for m in told if m.tok_start >= t and m.strength == "strong"]
        if not before or not after:
            continue
        places = [p for p in a.places.mentions if p.role == "event" and p.place is not None and lo <= p.tok_start < hi]
        named_before = {p.place.name for p in places if p.tok_start < t}
        # a kind is another only beside a strong word of the first clause ("3 متشددين قتلوا، وأصيب
        # آخرون في غارة": the strike is what killed them)
        strong_before = {m.event_type for m in before if m.strength == "strong"}
        other_kind = bool(strong_before) and not {m.event_type for m in after} & strong_before
        other_place = bool(named_before) and any(p.tok_start >= t and p.place.name not in named_before for p in places)
        if not (other_kind or other_place):
            continue
        head = replace(x, tok_end=t)
        tail = replace(x, tok_start=t, kind="coordinate", unit=x.unit + 1, opener=tokens[t].text)
        rest = [replace(y, unit=y.unit + 1) if y.unit > x.unit or y.tok_start >= t else y for y in clauses[i + 1:]]
        clauses = clauses[:i] + [head, tail] + rest
    if len(clauses) != len(a.clauses):
        a.clauses = [replace(y, index=k) for k, y in enumerate(clauses)]
        a.memo.pop("clause_index", None)
        a.memo.pop("unit_ranges", None)


def build_frames(a: Analysis) -> None:
    """Stage: ``a.frames``, one per reporting trigger and event place."""
    doc = a.doc
    actor_tokens = {t for x in a.actors for t in range(x.tok_start, x.tok_end)}
    # a trigger word inside an actor's name (هيئة تحرير الشام) is no trigger
    hits = [h for h in a.hits if (h.reports_event or _deadly_after_clause(a, h) or _fight_an_arrest_ended(a, h))
            and h.mention.tok_start not in actor_tokens]
    unit_of = {}
    for c in a.clauses:
        for t in range(c.tok_start, c.tok_end):
            unit_of[t] = c.unit
    by_unit: dict[int, list[TriggerHit]] = {}
    for h in hits:
        by_unit.setdefault(unit_of[h.mention.tok_start], []).append(h)
    units_of_sentence: dict[int, list[int]] = {}
    for c in a.clauses:
        units = units_of_sentence.setdefault(c.sentence, [])
        if c.unit not in units:
            units.append(c.unit)
    next_kind = {}  # unit -> kind of the clause that opens the unit after it
    for c in a.clauses:
        if c.independent and c.unit > 0:
            next_kind[c.unit - 1] = c.kind
    out: list[Frame] = []
    a.frames = out  # filled as the units are read: a later unit looks back at the frames before it
    previous_places: list[Where] = []
    told: list[Frame] = []  # frames of strong triggers, for weak triggers that refer back
    placeless: list[Frame] = []  # strong events told with no place (but a country's), for a definite word later
    teasers = teasers_from(a)
    recapped: dict[str, int] = {}  # event sub-type told as background (a recap, a past date) -> its last sentence
    background = {}  # sentence -> sub-types its strong event words tell as background (يذكر أن ...)
    for h in a.hits:
        if h.status == "background" and h.mention.strength == "strong":
            background.setdefault(a.sentence_index(h.mention.tok_start), set()).add(h.mention.sub_event_type)
    for sent in doc.sentences:
        check_deadline()  # the article's time budget (marsad/budget.py): a long document has many sentences
        recapped.update({sub: sent.index for sub in background.get(sent.index, ())})
        units = units_of_sentence.get(sent.index, [])
        sent_places = sentence_places(a, sent.index)
        places_of = {u: [w for w in sent_places if unit_of.get(w.mention.tok_start) == u] for u in units}
        # a headline line after the lead is a section title or a teaser for another story:
        # the body tells its events, it tells none of its own
        late_heading = sent.is_heading and sent.index > a.first_body
        if teasers is not None and sent.index >= teasers:
            break  # the page's list of other stories
        for pos, u in enumerate(units):
            unit_hits = by_unit.get(u, [])
            if not unit_hits or late_heading:
                continue
            typed = [t for t in _typed(a, u, unit_hits, sorted(told + placeless, key=lambda f: f.sentence),
                                       sent.index, bool(places_of.get(u)))
                     if not _habitual(a, u, t[0])]
            continuing = [t for t in typed if _continuing_since(a, t[0])]
            if continuing:
                recapped.update({sub: sent.index for _, _, sub, _ in continuing})
                a.memo.setdefault("continuing_subtypes", set()).update(sub for _, _, sub, _ in continuing)
                typed = [t for t in typed if t not in continuing]
            if not typed:
                continue
            when = unit_when(a, u, typed[0][0].mention.tok_start)
            if when is None or _tally(a, u) or _counted_since(a, u, typed) or _since_event(a, u) or \
                    _month_tally(a, u) or _part_of_a_report_tally(a, u) or _recorded_count(a, u, typed):
                recapped.update({sub: sent.index for _, _, sub, _ in typed})
                continue  # a recap, background or a tally
            if when is a.default_when and _partitive_opening(a, u) and (
                    sent.index - 1 in recapped.values() or _dated_past(a, sent.index - 1)):
                # "وتعرضت تونس لثلاث هجمات كبرى في عام 2015. اثنان منها استهدفا سياحا": some of the
                # events just recapped, told again, not new ones
                recapped.update({sub: sent.index for _, _, sub, _ in typed})
                continue
            if when is a.default_when and _demonstrative_back(a, u) and _dated_past(a, sent.index - 1):
                # "في مثل هذا اليوم من العام الماضي اقتحمت القوات الساحة ... وسقط في هذه المحرقة 15":
                # an undated unit that points back at the past event just told tells more of it
                recapped.update({sub: sent.index for _, _, sub, _ in typed})
                continue
            if when is a.default_when and _names_recapped_event(a, typed, recapped, told):
                continue  # "بدعوى الوقوف وراء جريمة محاولة اغتيال الحمد الله": the recap's event again
            if not _told_as_happening(a, u) and not _names_told_event(a, typed, told, sent.index):
                continue  # "كسب المعركة"، "القتال خفّ": an event word in a general statement
            lo, hi = unit_range(a, u)
            if when is a.default_when and pluperfect(a, lo, hi) and not _names_told_event(a, typed, told, sent.index):
                continue  # "وكانت القوات قد سيطرت على البلدة": undated and told as earlier than the news
            unit_fallback = fallback_places(a, lo, hi)
            elided = None
            named = _named_back_when(a, typed, out, sent.index) if when is a.default_when else None
            for h, etype, sub, join_only in typed:
                targets = _clause_places(a, h, places_of.get(u, []), unit_fallback)
                if not targets and prior_markers_before(doc, h.mention, sent.tok_start):
                    # "رداً على تقارير عن هجوم كيميائي": the earlier event a response answers, named
                    # with no place of its own, is not told here at a place of another clause
                    continue
                if not targets:
                    if elided is None:
                        # "وذكرت الوزارة أن الغارة أسفرت عن مقتل شخص من بلدة مجدل سلم": a definite event
                        # word names the event told just before, at its town, not at a victim's home town
                        back = _previous_town(previous_places) if definite(doc.tokens[h.mention.tok_start].text) \
                            and all(w.mention.role == "home" for w in unit_fallback) else []
                        elided = _elided_places(units, pos, places_of, next_kind) or back or \
                            unit_fallback or _previous_town(previous_places)
                    targets = elided
                if sub == TERRITORY:
                    targets = [w for w in targets if _object_of(a, h, w)]
                # (a weak word typed by its own clause counts too: "ارتفعت حصيلة هجوم شنه داعش على حافلة
                # للجيش السوري في شرق سوريا إلى 33 قتيلا": the attackers and the force name a battle)
                if not targets and (h.mention.strength == "strong" or _armed_target(a, u, h.mention)) and \
                        not join_only and sub != TERRITORY and \
                        _country_and_toll(a, u):
                    # "قتل 22 طفلا في غارة جوية على اليمن": told with no place but a country's
                    placeless.append(Frame(h, sent.index, None, when, etype, sub, True))
                elif targets and placeless and definite(doc.tokens[h.mention.tok_start].text):
                    # "... وقال مسؤولون إن الغارة استهدفت حافلة في سوق ضحيان": the definite word names the
                    # event the lead told with no place; its count comes with it
                    # the headline and the lead may both have told it ("غارة على اليمن تقتل 22 طفلا" and
                    # "مقتل 22 طفلا وأربع نساء في غارة على اليمن الخميس"): all their counts come with it
                    leads = [f for f in placeless if f.etype == etype and sent.index - f.sentence <= PLACELESS_SENTENCES]
                    for lead in leads:
                        placeless.remove(lead)
                        if lead.when is not a.default_when and when is a.default_when:
                            when = lead.when  # the lead's own day ("الخميس")
                        out.extend(Frame(lead.hit, lead.sentence, w, when, etype, lead.subtype, True)
                                   for w in targets)
                hit_when = _own_clause_when(a, u, h, typed[0][0]) or _relative_clause_when(a, h) or when
                if etype == "Protests" and (day := own_day_after(a, h.mention.tok_end)) is not None:
                    hit_when = when_of(day)  # "غداة احتجاجات الجمعة": the protest's own day
                elif h.mention.event_type != "Protests" and (day := day_of_the_protest_during(
                        a, h.mention.tok_start, h.mention.tok_end)) is not None:
                    hit_when = when_of(day)  # "مقتل 16 برصاص الجيش خلال مظاهرات خرجت الجمعة": the protest's day
                if when is a.default_when and definite(doc.tokens[h.mention.tok_start].text):
                    # "الحصيلة الأولية للغارة بلغت 70 قتيلا" after "ويوم أمس قتلت طائرة مسيّرة ...":
                    # the strike told before, on its day, not a new one on the report's day
                    referent = _referent([f for f in out if not f.join_only], sent.index, etype)
                    if referent is not None and referent.etype == etype and referent.when is not a.default_when:
                        hit_when = referent.when
                if definite(doc.tokens[h.mention.tok_start].text) and hit_when is not a.default_when and \
                        (told_day := _onset_of_told(a, h, out, targets, hit_when)) is not None:
                    # "وأوضح المسؤولون أن الاشتباكات بدأت قبل 4 أيام": the fighting told already, at its
                    # town, said to have begun days before; the event told, not a new one on its first day
                    hit_when = told_day
                if join_only and _reaction_object(a, h.mention):
                    # the reaction's day ("دانت فرنسا الجمعة القصف") is not the event's
                    referent = _referent([f for f in out if not f.join_only], sent.index, etype, len(doc.sentences))
                    hit_when = referent.when if referent is not None else hit_when
                if named is not None and hit_when is a.default_when and \
                        any(w.town_key == named.where.town_key for w in targets):
                    # "وعن ربط الهجوم بداعش ... آثار الذبح التي ترتبط بأسلوب هجمات داعش": a unit with no
                    # day of its own names the event told before; its event words at that event's
                    # place are that event too, on its day (not a new one on the report's day)
                    hit_when = named.when
                for w in targets:
                    frame = Frame(h, sent.index, w, hit_when, etype, sub, join_only)
                    out.append(frame)
                    if h.mention.strength == "strong" and not join_only:
                        told.append(frame)
        # not a section title's or a read-also teaser's places, nor the place of an earlier event a
        # response answers ("ردا على هجوم كيماوي في دوما": a later "غارات" is not in Douma)
        kept = [w for w in sent_places if not _in_answered_phrase(a, w, sent.tok_start)]
        if kept and not late_heading:
            previous_places = kept
    _place_the_lead_by_its_one_body_event(a, placeless)
    _place_the_lead_by_its_finer_retelling(a)
    date_day_after(a)  # "وذلك غداة المواجهات": the confrontations of the day before the statement
    date_events_named_again(a)  # "تعهدا الأحد بالرد على هجوم ... في دوما" after "الهجمات التي وقعت في 7 أبريل ضد سكان دوما"


def _answered_after(doc, m, x) -> bool:
    """Does ``x`` (an event word or a means) stand after ``m`` in the phrase of a marker of an earlier
    event (ردا على، انتقاما ل): the event a response answers, not ``m``'s own kind or means?"""
    return m.tok_end <= x.tok_start and bool(prior_markers_before(doc, x, m.tok_end))


# How many days before the told event's day its onset may be told ("بدأت قبل 4 أيام").
ONSET_DAYS = 14


def _onset_of_told(a: Analysis, h: TriggerHit, out: list[Frame], targets: list[Where], when):
    """The day of the event of ``h``'s type told before at one of ``targets``' towns, when ``h``'s
    own clause says it began (بدأت، اندلعت، تفجرت) on ``when``, a few days before that day; else None."""
    own = clause_at(a, h.mention.tok_start)
    if own is None or when.start is None or not cue_matcher("onset_verb").find(a.doc, own.tok_start, own.tok_end):
        return None
    towns = {w.town_key for w in targets}
    for f in reversed(out):
        if f.etype == h.mention.event_type and not f.join_only and f.where.town_key in towns and \
                f.when.start is not None and 0 < (f.when.start - when.start).days <= ONSET_DAYS:
            return f.when
    return None


def _place_the_lead_by_its_one_body_event(a: Analysis, placeless: list[Frame]) -> None:
    """"إيران: مقتل 5 من أفراد الشرطة في اشتباكات مع صوفيين" over a body that tells the clashes at one
    town only ("قبيل وقوع الاشتباكات" at a sit-in in Tehran): a headline or lead event told with no
    place but its country, that no definite word placed, is the body's one event of its type, there."""
    for lead in placeless:
        if lead.sentence > a.first_body:
            continue
        body = [f for f in a.frames if not f.join_only and f.etype == lead.etype and f.sentence > a.first_body
                and f.when.compatible(lead.when)]
        if body and len({f.where.town_key for f in body}) == 1:
            a.frames.append(Frame(lead.hit, lead.sentence, body[0].where, lead.when, lead.etype, lead.subtype))


# How many sentences after the lead a finer telling of the lead's event may come.
FINER_RETELLING_SENTENCES = 4


def _place_the_lead_by_its_finer_retelling(a: Analysis) -> None:
    """"قتل 20 جنديا في كمين في محافظة الأنبار ... وأضاف أن الهجوم وقع في منطقة الحسينيات التابعة لقضاء
    الرطبة"، "استشهد شخص في غارة على سيارة جنوب لبنان. وأفادت الوكالة بأن الغارة استهدفت السيارة في بلدة
    برج رحال"، "قتل أربعة جنود في هجوم على قاعدة عسكرية في محافظة أبين. وقال مصدر إن سيارة مفخخة توجهت
    إلى قاعدة عسكرية في مديرية مودية": a lead that places its event only by a governorate or region, and
    a sentence soon after it that tells the same act (a definite word of its kind, or the lead's own
    target noun) at one place inside that area: the lead's event is at that place, its dead with it.
    The frames told at the wide place up to that sentence move there."""
    from dataclasses import replace
    frames = [f for f in a.frames if f.where is not None]
    told = sorted({f.sentence for f in frames if not f.join_only})
    if not told:
        return
    # (the lead is the first sentence of the body that tells an event: not an image's caption)
    lead_end = next((s for s in told if s >= a.first_body), told[-1])
    for lead in [f for f in frames if f.sentence <= lead_end and not f.join_only and _wide(f.where)]:
        if lead not in a.frames or not _wide(lead.where):
            continue
        if any(f.sentence == lead.sentence and f.etype == lead.etype and not _wide(f.where) for f in frames):
            continue  # "قرية X بريف Y ضمن محافظة Z": the lead places the act itself; Z holds it
        if not any(c.kind == "killed" and a.sentence_index(c.tok_start) == lead.sentence for c in a.casualties):
            continue  # a lead with no dead loses no toll: the groups join a region's event to its town
        area = lead.where
        finer = _finer_retelling(a, lead, lead_end)
        if finer is None:
            continue
        upto, where = finer
        a.frames[:] = [replace(f, where=where) if f.where is not None and f.where.town_key == area.town_key
                       and f.sentence <= upto and f.when.compatible(lead.when) else f
                       for f in a.frames]


def _wide(w: Where) -> bool:
    """A governorate, district or region, not one place in it (nor the country)."""
    return not w.unknown_name and w.place.kind in ("admin1", "admin2", "region") and w.direction is None


def _finer_retelling(a: Analysis, lead: Frame, lead_end: int) -> tuple[int, Where] | None:
    """The one finer place the sentences after the lead give the lead's act, with the sentence that
    gives it, or None."""
    doc = a.doc
    area = lead.where.place
    targets = _target_nouns(a, lead.hit.mention.tok_start)
    lead_counts = {c.count for c in a.casualties if c.kind == "killed" and a.sentence_index(c.tok_start) == lead.sentence}
    found = {}
    last = min(len(doc.sentences) - 1, lead_end + FINER_RETELLING_SENTENCES)
    for s in range(lead_end + 1, last + 1):
        # (a town or village, or a spot no gazetteer knows: not the countryside of a town)
        inside = [w for w in sentence_places(a, s) if not _wide(w) and w.place is not None and
                  w.place.kind != "country" and not w.in_countryside and w.compass is None and
                  _inside(w.place, area)]
        if not inside:
            continue
        if any(c.kind == "killed" and a.sentence_index(c.tok_start) == s and c.count not in lead_counts
               for c in a.casualties):
            continue  # "ولقي 20 عنصرا مصرعهم في المواجهات بجبهة صرواح" after a lead of 3: dead of its own
        named = any(f.sentence == s and definite(doc.tokens[f.hit.mention.tok_start].text) and
                    f.when.compatible(lead.when) and
                    (f.etype == lead.etype or _general_attack(f.hit.mention) or _general_attack(lead.hit.mention))
                    for f in a.frames if f.where is not None)
        sent = doc.sentences[s]
        same_target = bool(targets & _target_nouns_in(a, sent.tok_start, sent.tok_end))
        if named or same_target:
            for w in inside:
                found.setdefault(w.town_key, (s, w))
    if len(found) != 1:
        return None
    # "قتل 19 مدنيا في قصف على ريف إدلب ... مقتل تسعة في قرية X وأربعة في قرية Y": a lead over events
    # the body tells at several places is their sum, no one place's event (anywhere after the lead:
    # "ومقتل أربعة مدنيين في غارات ... أم المياذن ... ثلاثة ... مدينة درعا ... مدني")
    if any(lead_end < f.sentence and f.where is not None and f.etype == lead.etype and not f.join_only and
           not _wide(f.where) and f.where.town_key not in found for f in a.frames):
        return None
    return next(iter(found.values()))


# How far from a region's centre ("جنوب لبنان") a place may lie and still be inside it (a region has
# no governorate of its own to hold its places).
REGION_REACH_KM = 60.0


def _inside(p, area) -> bool:
    """Does place ``p`` lie in the governorate or district ``area``, or near the region's centre?"""
    from marsad.geo.gazetteer import distance_km
    if p.country_code != area.country_code:
        return False
    if area.kind == "region":
        return distance_km(p.latitude, p.longitude, area.latitude, area.longitude) <= REGION_REACH_KM
    return p.admin1 == area.admin1 and (area.kind != "admin2" or not area.admin2 or p.admin2 == area.admin2)


def _general_attack(m) -> bool:
    """A weak word of attack that says no kind of violence (هجوم، الهجوم، استهدف)."""
    return m.strength == "weak" and (m.sub_event_type == TARGETED or
                                     (m.event_type, m.sub_event_type) == ("Battles", "Armed clash"))


def _target_nouns(a: Analysis, tok: int) -> set[str]:
    """The target nouns (``same_act_target`` in cues.tsv) of the unit of token ``tok``."""
    clause = clause_at(a, tok)
    if clause is None:
        return set()
    lo, hi = unit_range(a, clause.unit)
    return _target_nouns_in(a, lo, hi)


def _target_nouns_in(a: Analysis, lo: int, hi: int) -> set[str]:
    words = cue_words("same_act_target")
    out = set()
    for t in range(lo, hi):
        for w, _ in stem_candidates(a.doc.tokens[t].text):
            if w in words:
                out.add(w)
    return out


def _named_back_when(a: Analysis, typed, out: list[Frame], sent_index: int) -> Frame | None:
    """The event told before, on a day of its own, that a definite event word of an undated unit
    names again ("الهجوم"، "الذبح"), or None."""
    told = [f for f in out if not f.join_only]
    for h, etype, _, _ in typed:
        if not definite(a.doc.tokens[h.mention.tok_start].text):
            continue
        referent = _referent(told, sent_index, etype)
        if referent is not None and referent.when is not a.default_when:
            return referent  # of a type the word can name (an attack names any act of violence)
    return None


def _relative_clause_when(a: Analysis, h: TriggerHit):
    """"فتح تحقيقا الجمعة بشأن القصف الجوي الذي استهدف حافلة ... الخميس": an event word followed at
    once by a relative clause that describes it is dated by the current day that clause gives; the
    date beside the event word is the reaction's (None when the clause gives no day)."""
    own = clause_at(a, h.mention.tok_start)
    after = clause_at(a, own.tok_end) if own is not None else None
    if after is None or after.kind != "relative" or after.tok_start - h.mention.tok_end > ADJECTIVES_BEFORE_RELATIVE:
        return None
    return _day_within(a, after)


# How many words (adjectives: "الغارة الجوية") may stand between an event word and its relative clause.
ADJECTIVES_BEFORE_RELATIVE = 2


def _day_within(a: Analysis, clause):
    """The first current day (precision 1) told inside ``clause``, as a When, or None."""
    days = [d for d in a.dates if clause.tok_start <= d.tok_start < clause.tok_end and not d.background
            and d.precision == 1 and d.date_start is not None]
    return when_of(days[0]) if days else None


def _own_clause_when(a: Analysis, unit: int, h: TriggerHit, first: TriggerHit):
    """"وأسفرت الغارات الجمعة عن مقتل 40، وفق المرصد الذي قال إن الطائرات جددت السبت استهداف
    دوما": a trigger in a reported or relative clause of its own, which gives its own current day,
    other than the clause of the unit's first trigger, is dated by that day (None: the unit's)."""
    own = clause_at(a, h.mention.tok_start)
    if h is first or own is clause_at(a, first.mention.tok_start) or own.kind not in ("content", "relative"):
        return None
    if not any(own.tok_start <= d.tok_start < own.tok_end and not d.background and d.date_start is not None
               for d in a.dates):
        return None
    return (_day_within(a, own) if own.kind == "relative" else None) or unit_when(a, unit, h.mention.tok_start)


def _clause_places(a: Analysis, h: TriggerHit, unit_places: list[Where], unit_fallback: list[Where]) -> list[Where]:
    """The unit's places a trigger takes, the first group that has any: the event places of its
    own clause; of the unit's result, elaboration and content clauses; the place that sets its
    own clause's scene ("وفي الموصل، هاجم مسلحون ..."); the event places of the unit's other
    clauses; of its temporal and relative clauses (which may tell another event: "تأتي بعدما
    اتهمت أنقرة الحزب بقتل جنود في إقليم كردستان")."""
    own = clause_at(a, h.mention.tok_start)
    start = h.mention.tok_start
    unit_places = [w for w in unit_places if not prior_marker_between(a, start, w.mention.tok_start)]
    unit_fallback = [w for w in unit_fallback if not prior_marker_between(a, start, w.mention.tok_start)]
    # "شنت غارات جوية ردا على هجوم كيماوي على مدينة دوما": a place after an earlier event the
    # clause names (a subordinate or background event word between) is that event's; so is a place
    # after a means or a goal the clause names ("من خلال تحرير صنعاء"), and a place after a planned
    # one ("أثناء اجتماع للتحضير لإطلاق صواريخ نحو مواقع في منطقة X") the plan's
    earlier = [x.mention.tok_start for x in a.hits
               if x is not h and not x.reports_event and (x.status in ("subordinate", "background", "modal") or
                                                          x.reason == MEANS_OR_GOAL)
               and x.mention.tok_start > start and not _fight_an_arrest_ended(a, x)]
    if earlier:
        unit_places = [w for w in unit_places if not any(t < w.mention.tok_start for t in earlier)]

    def kind(w: Where) -> str:
        return clause_at(a, w.mention.tok_start).kind

    centred = _centred_places(a, own, unit_places, h.mention.tok_end - 1)
    tiers = (
        centred,
        [w for w in unit_places if clause_at(a, w.mention.tok_start) is own],
        [w for w in unit_places if kind(w) in ("result", "elaboration", "content")],
        [w for w in unit_fallback if clause_at(a, w.mention.tok_start) is own and w.mention.role != "home"],
        [w for w in unit_places if kind(w) not in ("temporal", "relative")],
        unit_places,
    )
    from marsad.stages.tolls_places import with_distributed_places
    # "قتل خمسة، ثلاثة منهم في X ومدنيان في Y": each part's place, not the area of the total
    return with_distributed_places(a, next((t for t in tiers if t), []), unit_places)


def _centred_places(a: Analysis, own, unit_places: list[Where], start: int) -> list[Where]:
    """"الاشتباكات ... في ريف دير الزور الشرقي، والتي تركزت في مناطق أبو حردوب وذيبان"، "اندلعت
    اشتباكات في ريف دير الزور، وتركزت في بلدات X وY": the places after a verb that says where the
    event went on (تركزت، دارت، شملت), in the event word's own clause after it or in a relative clause
    right after that clause, are the event's own, more precise than the places before the verb."""
    if own is None:
        return []
    verbs = cue_words("locus_verb")
    tokens = a.doc.tokens
    # the verb anywhere after the event word in its clause ("، وتركزت في")
    spans = [range(start + 1, own.tok_end)]
    nxt = next((c for c in a.clauses if c.index == own.index + 1), None)
    if nxt is not None and nxt.kind == "relative" and nxt.unit == own.unit:
        # a relative clause's verb right after its pronoun (والتي تركزت)
        spans.append(range(nxt.tok_start + max(1, len(nxt.opener.split())), nxt.tok_end)[:1])
    for span in spans:
        for k in span:
            word = tokens[k].text
            if word in verbs or (word[:1] == "و" and word[1:] in verbs):
                # "اندلعت اشتباكات في بلدة X، ودارت في Y": a town before the verb is a place of its own
                if any(w.precision == 1 and not w.in_countryside and own.tok_start <= w.mention.tok_start < k
                       for w in unit_places):
                    return []
                hi = clause_at(a, k).tok_end
                return [w for w in unit_places if k < w.mention.tok_start < hi]
    return []


def _told_as_happening(a: Analysis, unit: int) -> bool:
    """Does the unit tell an event that happened, not only use an event word? It names a
    participant (an armed actor, an unknown attacker), a victim (dead or wounded), the means,
    or a time of its own; or it is the article's lead."""
    lo, hi = unit_range(a, unit)
    if a.doc.sentence_of_token(lo).index <= a.first_body:
        return True
    if _victims(a, unit):
        return True
    if any(a.kb.inter(x.actor) in (1, 2, 3, 4, 8) for x in a.actors_between(lo, hi)):
        return True
    # "واقتحم المتظاهرون مبنى المحافظة": the crowd that does the riot's act is its participant
    if any(x.actor == "Protesters" for x in a.actors_between(lo, hi)) and \
            any(lo <= h.mention.tok_start < hi and h.mention.event_type == "Riots" for h in a.hits):
        return True
    if any(lo <= d.tok_start < hi and not d.background for d in a.dates):
        return True
    if cue_matcher("suffer_verb").find(a.doc, lo, hi):
        return True  # "وتعرضت بلدتا حمورية وسقبا لقصف مماثل": what a place underwent (perfect forms only)
    if cue_matcher("happening_verb").find(a.doc, lo, hi):
        return True  # "وتظاهر المئات في قباسين"، "وشهدت بلدتا X وY مظاهرات": a verb says the act took place
    return bool(means_matcher().find(a.doc, lo, hi)) or bool(cue_matcher("unknown_attacker").find(a.doc, lo, hi))


def _names_told_event(a: Analysis, typed, told: list[Frame], sent_index: int) -> bool:
    """Does a trigger of the unit name again an event just told ("وكان القصف قد استهدف بلدتي
    X وY": the bombardment of the sentence before, with more of its places)?"""
    for h, etype, _, _ in typed:
        word = a.doc.tokens[h.mention.tok_start].text
        before = a.doc.tokens[h.mention.tok_start - 1].text if h.mention.tok_start else ""
        if (definite(word) or before in cue_words("demonstrative")) and _referent(told, sent_index, etype) is not None:
            return True
    return False


# How many words after a marker of an earlier event (ردا على) the place of that event may stand
# (ردا على هجوم كيماوي نفذه النظام في دوما).
ANSWERED_PLACE_WORDS = 7


def _in_answered_phrase(a: Analysis, w: Where, lo: int) -> bool:
    """Does the place ``w`` lie in the phrase of an earlier event a response answers ("ردا على هجوم
    كيماوي في دوما"، "على خلفية مقتل شاب في الحي"): a few words after the marker, with no comma between?"""
    return bool(prior_markers_before(a.doc, w.mention, lo, ANSWERED_PLACE_WORDS))


def _names_recapped_event(a: Analysis, typed, recapped: dict[str, int], told: list[Frame]) -> bool:
    """Do the triggers of an undated unit name again an event the article told as background: all
    of its sub-type, one an event noun definite (الهجوم الكيماوي) or after an incident noun (جريمة
    محاولة اغتيال، حادثة استهداف), with no event of that sub-type told as news since the recap?
    With no date of its own it is the recap's event, not a new one; after a current battle,
    "المعارك" is that battle ("وأسفرت المعارك عن مقتل 18")."""
    if not recapped:
        return False
    any_named = False
    for h, _, sub, _ in typed:
        t = h.mention.tok_start
        word = a.doc.tokens[t].text
        before = a.doc.tokens[t - 1].text if t else ""
        any_named |= definite(word) or before in cue_words("incident_noun") or before in cue_words("demonstrative")
        # (the recap's word read alone: "بسيارة مفخخة" a suicide bomber drives is the car bomb recapped)
        key = sub if sub in recapped else h.mention.sub_event_type
        if key not in recapped or any(f.subtype in (sub, key) and f.sentence >= recapped[key] for f in told):
            return False
    # "فإن 9 أفراد قتلوا في الهجوم الذي نفذه انتحاري بسيارة مفخخة": one word names it, the others
    # tell more of it
    return any_named


def _tally(a: Analysis, unit: int) -> bool:
    """A unit that counts "since the start of" a war or campaign is a tally ("ارتفعت حصيلة
    الاعتداءات منذ بداية العدوان إلى 796"), not "the deadliest attack since the war began"."""
    lo, hi = unit_range(a, unit)
    since = cue_matcher("tally_since").find(a.doc, lo, hi)
    if not since or not cue_matcher("tally_word").find(a.doc, lo, hi):
        return False
    # "قتل 3 جنود اليوم في هجوم ...، ليرتفع عدد القتلى منذ بدء الحملة إلى 50": the running total
    # stands in a clause of its own; the event clause, with its own day, is the day's event
    event_clauses = {clause_at(a, h.mention.tok_start) for h in a.hits if lo <= h.mention.tok_start < hi}
    own_day = any(lo <= d.tok_start < hi and d.precision == 1 and not d.background and
                  clause_at(a, d.tok_start) in event_clauses for d in a.dates)
    return not (own_day and all(clause_at(a, m.tok_start) not in event_clauses for m in since))


def _month_tally(a: Analysis, unit: int) -> bool:
    """"وثّق المكتب مقتل 33 شخصا في عمليات اغتيال في آذار الماضي": a body that records (record_verb)
    the dead of a whole month or longer (a date of precision 3 in the unit) counts many events, a
    tally, whatever day its statement bears."""
    lo, hi = unit_range(a, unit)
    if not cue_matcher("record_verb").find(a.doc, lo, hi):
        return False
    return any(lo <= d.tok_start < hi and d.precision == 3 and d.date_start is not None and d.date_end is not None
               and (d.date_end - d.date_start).days >= 27 for d in a.dates)


def _report_tally_lead(a: Analysis) -> bool:
    """Does the article open with a periodic report's count ("كشفت الشبكة عن إحصائيتها لشهر كانون
    الثاني"، "أصدر المرصد تقريره الشهري"): a report noun (``periodic_report_noun``) and a month or a
    longer period in one of its first sentences?"""
    if "report_tally_lead" not in a.memo:
        found = False
        for sent in a.doc.sentences[:a.first_body + 2]:
            if not cue_matcher("periodic_report_noun").find(a.doc, sent.tok_start, sent.tok_end):
                continue
            found = any(sent.tok_start <= d.tok_start < sent.tok_end and
                        (d.precision == 3 or d.key.startswith("month:") or d.tense == "period") for d in a.dates)
            if found:
                break
        a.memo["report_tally_lead"] = found
    return a.memo["report_tally_lead"]


def _part_of_a_report_tally(a: Analysis, unit: int) -> bool:
    """"وبينت الشبكة أن القوات الأردنية تتحمل مسؤولية مقتل 7 مدنيين جراء غارات جوية في ريف السويداء":
    in an article that reports a month's count (``_report_tally_lead``), a unit with no day of its
    own tells a share of that count, many events over the month, not one event."""
    if not _report_tally_lead(a):
        return False
    lo, hi = unit_range(a, unit)
    return not any(lo <= d.tok_start < hi and not d.background and d.precision == 1 for d in a.dates)


def _since_event(a: Analysis, unit: int) -> bool:
    """"ومنذ سيطرتهم على المدينة قتل المسلحون أكثر من مئة مدني": what a unit tells since an
    event it names (منذ + an event word) spans from then to now, a tally, unless the unit gives
    a day of its own."""
    lo, hi = unit_range(a, unit)
    since = cue_words("since_word")
    starts = {h.mention.tok_start for h in a.hits if lo <= h.mention.tok_start < hi}
    # منذ + the event word, or منذ + its onset + the event word (منذ اندلاع المعارك)
    after = {t + 1 for t in range(lo, hi - 1) if a.doc.tokens[t].text in since} | \
        {m.tok_end for m in cue_matcher("tally_since").find(a.doc, lo, hi)}
    if not after & starts:
        return False
    return not any(lo <= d.tok_start < hi and not d.background for d in a.dates)


# How many events a number before an event word must count for the unit to be a count of many
# ("27 ضربة جوية منذ أمس"), not one event told with its shots ("غارتين على البلدة").
COUNTED_EVENTS = 3


def _counted_since(a: Analysis, unit: int, typed) -> bool:
    """"نفذت 27 ضربة جوية منذ يوم أمس طالت منطقتي كوباني وقامشلو": a number of strikes since a
    day before the report's is a count of many events over days, not one event."""
    lo, hi = unit_range(a, unit)
    if a.published is None or not any(a.doc.tokens[t].text in cue_words("since_word") for t in range(lo, hi)):
        return False
    if not any(lo <= d.tok_start < hi and d.date_start is not None and d.date_start < a.published
               for d in a.dates):
        return False
    quantities = a.quantities()
    counted = {q.tok_end for q in quantities if (q.value or 0) >= COUNTED_EVENTS}
    return any(h.mention.tok_start in counted for h, *_ in typed)


def _recorded_count(a: Analysis, unit: int, typed) -> bool:
    """"رصد أربع مجازر ارتكبها الحوثيون من خلال القصف على مدينة تعز خلال 10 أيام"، "وثقت المنظمة 12
    هجوما على المستشفيات": a body that records (record_verb) a number of events (three or more before
    an event word) with no day of its own counts many events, a tally, not one."""
    lo, hi = unit_range(a, unit)
    if not cue_matcher("record_verb").find(a.doc, lo, hi):
        return False
    if any(lo <= d.tok_start < hi and not d.background and d.precision == 1 for d in a.dates):
        return False
    counted = {q.tok_end for q in a.quantities() if (q.value or 0) >= COUNTED_EVENTS and lo <= q.tok_start < hi}
    return any(h.mention.tok_start in counted for h, *_ in typed)


def _habitual(a: Analysis, unit: int, h: TriggerHit) -> bool:
    """"يطلقون نحو 80 قذيفة على دمشق يومياً"، "يستهدفون الرياض في بعض الأحيان": a clause that says
    how often its event word happens, in a unit that gives no day of its own, tells a habit."""
    own = clause_at(a, h.mention.tok_start)
    if not cue_matcher("habitual_adverb").find(a.doc, own.tok_start, own.tok_end):
        return False
    lo, hi = unit_range(a, unit)
    return not any(lo <= d.tok_start < hi and not d.background for d in a.dates)


# Date keys of a span that starts months or years back (منذ أوائل تموز، منذ ثلاث سنوات).
_SINCE_KINDS = ("since", "ago_months", "ago_years")


def _continuing_since(a: Analysis, h: TriggerHit) -> bool:
    """"لا تزال الاحتجاجات في البصرة تتواصل منذ أوائل تموز"، "فالقصف بدأ منذ ثلاث سنوات": an event
    word whose clause says it continues (or began) since a time long before the report tells a
    state, no event of its own day."""
    own = clause_at(a, h.mention.tok_start)
    if own is None:
        return False
    if own.kind in _TOLL_CLAUSE_KINDS:
        # "في إطار عملية بدأت منذ نحو شهرين، أسفرت عن سقوط قتلى من جراء القصف": a result clause
        # (and its cause) after the clause of a campaign that began long ago gives that campaign's toll
        own = _campaign_clause(a, own) or own
    if not cue_matcher("continuing_verb").find(a.doc, own.tok_start, own.tok_end):
        return False
    return any(own.tok_start <= d.tok_start < own.tok_end and d.background and
               d.key.split(":")[0].split("@")[0] in _SINCE_KINDS for d in a.dates)


# Clauses that carry an earlier clause's outcome (أسفرت عن ...، من جراء ...), not an act of their own.
_TOLL_CLAUSE_KINDS = ("result", "temporal")


def _campaign_clause(a: Analysis, own):
    """The clause of the same unit whose outcome a result clause gives: the nearest one before ``own``
    that is no result or cause clause itself, when no current date stands after it up to the end of
    ``own`` ("وأسفر القصف الخميس عن مقتل خمسة": a day of its own makes it the day's act)."""
    before = [c for c in a.clauses if c.unit == own.unit and c.tok_end <= own.tok_start]
    for c in sorted(before, key=lambda c: -c.tok_start):
        if c.kind not in _TOLL_CLAUSE_KINDS:
            if any(c.tok_end <= d.tok_start < own.tok_end and not d.background for d in a.dates):
                return None
            return c
    return None


def _previous_town(previous: list[Where]) -> list[Where]:
    """The single town of the sentence before ("في تلك المنطقة"), when it named one."""
    towns = {w.town_key for w in previous}
    return previous[:1] if len(towns) == 1 else []


def _elided_places(units: list[int], pos: int, places_of: dict[int, list[Where]],
                   next_kind: dict[int, str]) -> list[Where]:
    """Places a unit without its own takes by ellipsis: the nearest unit before it in the
    sentence that names some, else the unit right after it when that one continues it (و)."""
    for u in reversed(units[:pos]):
        if places_of.get(u):
            return places_of[u]
    if pos + 1 < len(units) and next_kind.get(units[pos]) in ("coordinate", "sequence"):
        return places_of.get(units[pos + 1], [])
    return []


def _kinds_of_told_mines(doc, h: TriggerHit, unit_hits: list[TriggerHit]) -> bool:
    """"وأوضح أن هذه الألغام توزعت بين ألغام فردية وعبوات ناسفة يسهل تفجيرها": mine words after a mine
    word that refers back (هذه الألغام) in their unit tell the kinds of the mines told, not new blasts."""
    m = h.mention
    return m.sub_event_type == "Remote explosive/landmine/IED" and any(
        x is not h and x.mention.sub_event_type == m.sub_event_type and x.mention.tok_start < m.tok_start
        and _refers_back(doc, x.mention) for x in unit_hits)


def _typed(a: Analysis, unit: int, unit_hits: list[TriggerHit], told: list[Frame],
           sent_index: int, own_places: bool) -> list[tuple[TriggerHit, str, str, bool]]:
    """(trigger, event type, sub-type, refers back only) for the reporting triggers of a unit."""
    out = []
    for h, etype, sub, refers in _raw_types(a, unit, unit_hits, told, sent_index, own_places):
        if sub == REMOTE:
            sub = _remote_means(a, unit, h, told)
        elif sub == TARGETED:
            typed = _targeted(a, unit, h)
            if typed is None:
                continue
            etype, sub = typed
        if sub == "Armed clash" and _ambush_on_civilians(a, unit, h):
            etype, sub = "Violence against civilians", "Attack"
        if sub == "Attack" and h.mention.strength == "strong" and (blast := _by_blast(a, h, unit_hits)) is not None:
            etype, sub = blast  # "اغتيال ضابط بتفجير سيارته": an assassination by a blast is the blast
        if etype == "Explosions/Remote violence":
            # missiles that aircraft fire, a target's missiles, a car bomb a suicide bomber drives
            sub = means_of_agent(a, unit, h.mention, sub, means_matcher(), _before_or_after,
                                 lambda: _perpetrator_means(a, unit))
        out.append((h, etype, sub, refers))
    return out


# How many words after an ambush the people it fell on may stand (كمينا لسيارة تقل مدنيين).
AMBUSH_OBJECT_WORDS = 4


def _ambush_on_civilians(a: Analysis, unit: int, h: TriggerHit) -> bool:
    """"نصبت كمينا لتجار ... وفتحت النار عليهم"، "قتل خمسة مدنيين في كمين نصبه مسلحون": an ambush
    that fell on civilians only (its object behind ل is a civilian noun, or what carries one; else
    its unit's dead and wounded are all civilians) is an attack on civilians, not a battle."""
    from marsad.casualties import armed_victim_forms, civilian_victim_forms
    doc = a.doc
    word = doc.tokens[h.mention.tok_start].text
    if not any(form in cue_words("ambush_noun") for form, _ in stem_candidates(word)):
        return False
    own = clause_at(a, h.mention.tok_start)
    hi = min(own.tok_end if own is not None else h.mention.tok_end, h.mention.tok_end + AMBUSH_OBJECT_WORDS)
    civilian, carriers = civilian_victim_forms(), cue_words("civilian_carrier")
    armed = armed_victim_forms()
    for k in range(h.mention.tok_end, hi):
        text = doc.tokens[k].text
        bare = text[1:] if text.startswith("ل") else None
        if bare is None:
            continue
        bare = bare[2:] if bare.startswith("ال") else bare
        if bare in armed or cue_matcher("military_target").find(doc, k, min(hi, k + 2)):
            return False  # "كمينا لدورية للجيش": a force's men or post
        if bare in civilian:
            return True
        if bare in carriers and {doc.tokens[j].text for j in range(k + 1, min(hi + 2, len(doc.tokens)))} & civilian:
            return True
        break
    victims = _victims(a, unit)
    return bool(victims) and victims <= {"civilians"}


# How many words after a killing word its "by a blast" may stand (اغتيال ضابط أمن يمني بتفجير).
BLAST_MEANS_WORDS = 6


def _by_blast(a: Analysis, h: TriggerHit, unit_hits: list[TriggerHit]) -> tuple[str, str] | None:
    """The type of the blast a killing word names as its means in its clause ("اغتيال ضابط بتفجير
    سيارته"، "قتل مسؤول بانفجار"): a remote explosive, or the blast word's own strong type
    ("بتفجير انتحاري": a suicide bomb); None when no blast word follows."""
    t = h.mention.tok_end
    own = clause_at(a, h.mention.tok_start)
    hi = min(own.tok_end if own is not None else a.doc.sentence_of_token(t - 1).tok_end, t + BLAST_MEANS_WORDS)
    for k in range(t, hi):
        if a.doc.tokens[k].text not in cue_words("by_blast"):
            continue
        strong = [x.mention for x in unit_hits if x.mention.tok_start == k and x.mention.strength == "strong"
                  and x.mention.event_type == "Explosions/Remote violence"]
        if strong:
            return strong[0].event_type, strong[0].sub_event_type
        return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    return None


def _raw_types(a: Analysis, unit: int, unit_hits: list[TriggerHit], told: list[Frame],
               sent_index: int, own_places: bool) -> list[tuple[TriggerHit, str, str, bool]]:
    doc = a.doc
    # the charges of an arrest ("قامت بتفجيرات") and the contents of a cache ("قذائف هاون")
    # (the weapons of a seizure or an interception count from the seizure's first word on)
    arrests = [h.mention.tok_start + 1 for h in unit_hits
               if h.mention.sub_event_type in ("Arrests", "Disrupted weapons use")
               and not _interception(a, h.mention)]
    intercepted = [(h.mention.tok_start, h.mention.tok_end) for h in unit_hits if _interception(a, h.mention)]
    strong = [h for h in unit_hits if h.mention.strength == "strong"
              and not (h.mention.event_type in VIOLENT_TYPES and any(x <= h.mention.tok_start for x in arrests))]
    # (the drone or missile an interception names inside its own span is what it downed, no strike:
    # "أسقط الجيش اليوم طائرة مسيرة")
    strikes = any(h.mention.strength == "strong" and h.mention.event_type == "Explosions/Remote violence"
                  and not any(x <= h.mention.tok_start for x in arrests)
                  and not any(lo < h.mention.tok_start < hi for lo, hi in intercepted) for h in unit_hits)
    captures = [h.mention for h in unit_hits if h.mention.sub_event_type == TERRITORY and
                (h.mention.strength == "strong" or _achieved(a, h.mention))]
    out = []
    for h in unit_hits:
        m = h.mention
        if m.sub_event_type == "Armed clash" and captures and capture_achieved_in_clause(a, m, captures):
            # "نجح الزحف الواسع في تحرير مناطق X وY": the capture is the clause's event; the fighting word
            # only names the fighting told before (it places nothing: a capture word takes its objects)
            out.append((h, m.event_type, TERRITORY, True))
            continue
        if _idle_weapon(a, unit, m) or _filmed(a, m):
            continue  # "صواريخ إيران الباليستية", "مسيرة الاقتصاد": a weapon named, none used
        if m.event_type in VIOLENT_TYPES and any(x <= m.tok_start for x in arrests) and \
                not _deadly_time_clause(a, m) and not _fight_an_arrest_ended(a, h):
            continue  # "ألقت القبض على مجموعة قامت بتفجيرات": the charges, not new events
        if m.event_type in VIOLENT_TYPES and any(lo < m.tok_start < hi for lo, hi in intercepted):
            continue  # the missile an interception names is not another attack
        if m.sub_event_type == "Looting/property destruction" and any(
                (x.mention.event_type == "Explosions/Remote violence" or x.mention.sub_event_type == "Armed clash")
                and x.mention.tok_start < m.tok_start for x in unit_hits):
            continue  # "أدى الانفجار إلى هدم منازل مجاورة": what the blast or the fighting destroyed
        if m.sub_event_type == "Remote explosive/landmine/IED" and _laid_not_exploded(a, unit, m):
            continue  # "فخخت المنازل بآلاف الألغام": mines laid, none exploded
        if strikes and m.sub_event_type == "Disrupted weapons use" and _interception(a, m):
            continue  # "أسقطت الدفاعات صواريخ خلال غارات على X": part of the strike told beside it
        demonstrative = _refers_back(doc, m) or _kinds_of_told_mines(doc, h, unit_hits) or (
            _reaction_object(a, m) and _referent(told, sent_index, m.event_type, len(doc.sentences)) is not None)
        struck = struck_depot(a, m, means_matcher()) if m.sub_event_type == "Disrupted weapons use" else None
        if struck is not None:
            out.append((h, *struck, demonstrative))  # "مدفعيتهم تمكنت من تدمير مخزني أسلحة": a shelling
            continue
        if m.sub_event_type == "Arrests" and arrest_in_fight(a, m):
            out.append((h, "Battles", "Armed clash", demonstrative))  # "اعتقال قائد في هجوم": the fight
            continue
        if m.strength == "strong":
            out.append((h, m.event_type, m.sub_event_type, demonstrative))
            continue
        if m.event_type == "Strategic developments":
            continue  # a weak strategic word (نقطة عسكرية) never makes an event alone
        if m.sub_event_type == TERRITORY:
            # "نجح الزحف في تحرير قرية X": a word of taking territory is a capture when a settlement
            # follows it (``_object_of``), never typed by the weapons or the fighting beside it; after
            # "معركة"، "عملية"، "من خلال" it names a campaign or a goal ("معركة تحرير الحديدة")
            if _achieved(a, m) and not named_as_goal(doc, m.tok_start):
                out.append((h, m.event_type, TERRITORY, demonstrative))
            continue
        # a word that refers back ("هذه الغارات") names an event told before, not this one's kind
        # (nor the earlier event a response answers: "جاء القصف ردا على تفجير انتحاري")
        kin = [x for x in strong if _may_type(m, x.mention) and not _refers_back(doc, x.mention)
               and not _across_time_clause(a, m, x.mention)
               and not _answered_after(doc, m, x.mention)]
        if kin:
            near = min(kin, key=lambda x: abs(x.mention.tok_start - m.tok_start)).mention
            out.append((h, near.event_type, near.sub_event_type, demonstrative))
            continue
        if demonstrative or definite(doc.tokens[m.tok_start].text):
            if any(x.mention.tok_start < m.tok_start and x.mention.event_type in VIOLENT_TYPES
                   and x.mention.sub_event_type != "Attack" for x in unit_hits if x is not h):
                # "بتفجير استهدف موكبه الذي نجا من الهجوم": the unit's own event (not a verb of
                # killing: "قتلوا في الهجوم" is the event told before), named again
                continue
            # "the attack", "this explosion": an event told just before, named again (on a day
            # that fits the unit's own: "في 2016 خطف التنظيم شيخا ... وفي 24 نوفمبر 2017 نفذ الهجوم")
            referent = _referent(_on_own_day(a, unit, m, told), sent_index, m.event_type)
            if referent is not None:
                out.append((h, referent.etype, referent.subtype, demonstrative))
                continue
        if not own_places and any(_refers_back(doc, x.mention) for x in unit_hits if x is not h):
            # "وأضاف أن هذه الهجمات توجت بهجوم واسع فجر الأحد أسفر عن قتل ثلاثة": a unit that names no
            # place and refers back to events told before (by any word) tells more of them, victims and all
            referent = _referent(a.frames, sent_index, m.event_type)
            if referent is not None:
                out.append((h, referent.etype, referent.subtype, True))
                continue
        if not own_places and not _victims(a, unit):
            # a unit that names no place and no victims of its own tells more of the event
            # before it ("السيارة استُهدفت بصاروخ"): it adds to that event and makes none
            referent = _referent(told, sent_index, m.event_type, window=1)
            if referent is not None:
                out.append((h, referent.etype, referent.subtype, True))
                continue
        if m.sub_event_type == TARGETED:
            out.append((h, m.event_type, TARGETED, demonstrative))
            continue
        if _armed_target(a, unit, m):
            # "هاجم مسلحو التنظيم نقطة للجيش": armed men attacking a force's position is a battle
            out.append((h, "Battles", "Armed clash", demonstrative))
            continue
        if _armed_raid_on_people(a, unit, m):
            # "هاجم مستوطنون قرية X وأحرقوا منازل": armed men who are no force attacking a village
            out.append((h, "Violence against civilians", "Attack", demonstrative))
            continue
        typed = _type_by_means(a, unit, m)
        if typed is not None:
            out.append((h, *typed, demonstrative))
            continue
        victims = _victims(a, unit)
        if victims:
            etype, sub = m.event_type, m.sub_event_type
            if victims == {"civilians"} and etype == "Battles" and sub == "Armed clash":
                etype, sub = "Violence against civilians", "Attack"  # an attack that killed civilians
            elif victims <= {"security", "fighters"} and (etype, sub) == ("Violence against civilians", "Attack"):
                # "خمسة جنود قتلوا في هجوم": a killing of soldiers, police or fighters is a battle
                etype, sub = "Battles", "Armed clash"
            out.append((h, etype, sub, demonstrative))
    return out


def _achieved(a: Analysis, m) -> bool:
    """Does a verb of achieving stand before the word in its clause (نجح ... في تحرير، تمكنت من تحرير)?"""
    own = clause_at(a, m.tok_start)
    lo = own.tok_start if own is not None else m.tok_start
    words = cue_words("achieving_word")
    # "مفتاحاً لاستكمال تحرير المدينة": a verbal noun of success behind ل is a purpose, not a success
    return m.tok_start > 0 and any(not (a.doc.tokens[x.tok_start].text.startswith("ل") and
                                        a.doc.tokens[x.tok_start].text[1:] in words)
                                   for x in cue_matcher("achieving_word").find(a.doc, lo, m.tok_start))


def _across_time_clause(a: Analysis, weak, strong) -> bool:
    """"قتل مدنيان برصاص مجهولين بعد ساعات من مقتل جندي بانفجار عبوة": a clause of time tells another,
    earlier event; a weak word on one side of it is not typed by a strong word, or the means, of another
    kind on the other side."""
    kind = strong.payload[0] if hasattr(strong, "payload") else strong.event_type  # a means or a trigger
    if kind == weak.event_type:
        return False  # a word of the same kind (تحرير beside سيطر) names the same event either way
    one, other = clause_at(a, weak.tok_start), clause_at(a, strong.tok_start)
    return one is not other and (_before_or_after(one) or _before_or_after(other))


def _before_or_after(c) -> bool:
    """A clause of time that tells another event, before or after (بعد مقتل، عقب، إثر، بعدما، قبل أن),
    not one that tells the same event (خلال المعارك، أثناء، جراء)."""
    if c.kind != "temporal" or not c.opener:
        return False
    first = c.opener.split()[0].lstrip("و")
    return first in cue_words("after_word") or first in cue_words("other_event_time_word")


def _deadly_time_clause(a: Analysis, m) -> bool:
    """"اعتقلت القوات ثلاثة مسلحين إثر هجوم على حاجز قتل فيه جندي": an attack in the arrest's
    clause of time that counts its own dead happened before the arrest; it is no charge."""
    at = next((i for i, c in enumerate(a.clauses) if c.tok_start <= m.tok_start < c.tok_end), None)
    if at is None or a.clauses[at].kind != "temporal":
        return False
    end = a.clauses[at].tok_end
    if at + 1 < len(a.clauses) and a.clauses[at + 1].kind == "result":
        end = a.clauses[at + 1].tok_end  # "إثر هجوم على دورية أسفر عن مقتل شرطي"
    return any(c.kind == "killed" and a.clauses[at].tok_start <= c.tok_start < end for c in a.casualties)


def _country_and_toll(a: Analysis, unit: int) -> bool:
    """Does the unit name a country (and no place within it) and count dead or wounded?"""
    lo, hi = unit_range(a, unit)
    return any(lo <= pm.tok_start < hi and pm.place is not None and pm.place.kind == "country"
               for pm in a.places.mentions) and \
        any(lo <= c.tok_start < hi for c in a.casualties)


# How many words into its unit a partitive pronoun may stand (اثنان منها، وكان أبرزها).
PARTITIVE_WORDS = 3


def _dated_past(a: Analysis, sent_index: int) -> bool:
    """Does the sentence carry a date long before the report (في عام 2015)?"""
    return sent_index >= 0 and any(d.background and a.sentence_index(d.tok_start) == sent_index for d in a.dates)


def _demonstrative_back(a: Analysis, unit: int) -> bool:
    """Does the unit point back with a demonstrative and a noun near its start ("وسقط في هذه
    المحرقة"، "وقتل في ذلك الهجوم")? Not a demonstrative of time or of discourse (هذا اليوم، هذا السياق)."""
    lo, hi = unit_range(a, unit)
    tokens = a.doc.tokens
    demonstratives, other = cue_words("demonstrative"), cue_words("demonstrative_not_event")
    return any(tokens[t].text.lstrip("وب") in demonstratives and tokens[t + 1].text.startswith("ال") and
               tokens[t + 1].text not in other
               for t in range(lo, min(hi - 1, lo + DEMONSTRATIVE_WORDS)))


# How many words into a unit its demonstrative may stand ("وسقط في هذه المحرقة").
DEMONSTRATIVE_WORDS = 4


def _partitive_opening(a: Analysis, unit: int) -> bool:
    """Does the unit open with a partitive that points back (اثنان منها، أحدها، أبرزها)?"""
    lo, hi = unit_range(a, unit)
    words = cue_words("partitive_back")
    return any(a.doc.tokens[t].text in words for t in range(lo, min(hi, lo + PARTITIVE_WORDS)))


def _may_type(weak, strong) -> bool:
    """A strong word of another kind types a weak one of its clause, except that a weak word of
    violence never becomes an arrest or another step that is no violence ("اعتقال الجاني إثر هجوم
    بسكين": the attack is an event of its own), though a missile may be one intercepted; and a weak
    explosion word stays violence: "أصيب شبان بانفجار خلال إحدى المظاهرات" is an explosion at a
    protest, not a protest (shots and attacks at a protest are, as forces' violence against it)."""
    if weak.event_type in VIOLENT_TYPES and strong.event_type == "Strategic developments":
        return strong.sub_event_type == "Disrupted weapons use"
    return not (weak.event_type == "Explosions/Remote violence" and strong.event_type == "Protests")


def _reaction_object(a: Analysis, m) -> bool:
    """"دانت فرنسا الجمعة القصف الجوي"، "استنكرت الوزارة الهجوم": a definite event noun a few words
    after a verb of reaction, in its clause, is the reaction's object: an event told already."""
    if not definite(a.doc.tokens[m.tok_start].text):
        return False
    own = clause_at(a, m.tok_start)
    lo = max(own.tok_start if own is not None else 0, m.tok_start - REACTION_WORDS)
    return bool(cue_matcher("reaction_verb").find(a.doc, lo, m.tok_start))


# How many words (the reacting party, a day) may stand between a verb of reaction and its object.
REACTION_WORDS = 4


def _refers_back(doc, m) -> bool:
    """"هذا القصف"، and "ويأتي القصف على حماة بالتزامن مع ...": an event noun after a demonstrative,
    or definite after a verb of coming, refers to the event told before and comments on it."""
    before = doc.tokens[m.tok_start - 1].text if m.tok_start > 0 else ""
    return (before in cue_words("demonstrative") and not _pronoun_demonstrative(doc, m)) or \
        (before in cue_words("referring_verb") and definite(doc.tokens[m.tok_start].text))


def _pronoun_demonstrative(doc, m) -> bool:
    """Is the demonstrative before an event word a pronoun of the phrase before it, not the word's
    determiner? "ردا على ذلك، قصفت المدفعية"، "وبعد ذلك قصفت الطائرات": after a preposition
    (``pronoun_head``) it stands for what was told, and the event word after it is a new event,
    unless that word is a definite noun ("بعد ذلك القصف"); a comma after it closes it too."""
    if any(ch in "،,؛;.:" for ch in doc.text[doc.tokens[m.tok_start - 1].end:doc.tokens[m.tok_start].start]):
        return True
    head = doc.tokens[m.tok_start - 2].text if m.tok_start > 1 else ""
    return head.lstrip("و") in cue_words("pronoun_head") and not definite(doc.tokens[m.tok_start].text)


def _armed_target(a: Analysis, unit: int, m) -> bool:
    """Does a weak attack word have armed men on one side and a force on the other: an armed
    actor or an unknown attacker in its unit, and after the word a military target (نقطة، حاجز،
    دورية، مقر) or a state force ("هاجموا الشرطة")?"""
    if m.event_type not in ("Battles", "Violence against civilians"):
        return False
    lo, hi = unit_range(a, unit)
    inter = a.kb.inter
    unit_actors = a.actors_between(lo, hi)
    attacker = any(inter(x.actor) in (2, 3, 4, 8) and x.tok_start < m.tok_start + 4 for x in unit_actors) \
        or bool(cue_matcher("unknown_attacker").find(a.doc, lo, hi))
    if not attacker:
        return False
    target = bool(cue_matcher("military_target").find(a.doc, m.tok_end, hi)) or \
        any(m.tok_end <= x.tok_start and inter(x.actor) == 1 for x in unit_actors)
    return target


# How many words after a weak attack word its object may begin (هاجم مستوطنون إسرائيليون قرية X).
RAIDED_OBJECT_WORDS = 4


def _armed_raid_on_people(a: Analysis, unit: int, m) -> bool:
    """Does a weak attack word have armed men who are no state force as its subject (settlers,
    militiamen, gunmen) and a village, a quarter, homes or their people as its object, with no
    force named in the unit? ACLED codes it an attack on civilians."""
    if m.event_type not in ("Battles", "Violence against civilians") or m.strength != "weak":
        return False
    lo, hi = unit_range(a, unit)
    inter = a.kb.inter
    unit_actors = a.actors_between(lo, hi)
    if any(inter(x.actor) == 1 for x in unit_actors):
        return False  # a force in the unit: the attack may be on it, or the force's own
    attacker = any(inter(x.actor) in (2, 3, 4) and m.tok_start - 1 <= x.tok_start < m.tok_end + RAIDED_OBJECT_WORDS
                   for x in unit_actors) or bool(cue_matcher("unknown_attacker").find(a.doc, lo, hi))
    if not attacker or cue_matcher("military_target").find(a.doc, m.tok_end, hi):
        return False
    return bool(cue_matcher("raided_place").find(a.doc, m.tok_end, min(hi, m.tok_end + RAIDED_OBJECT_WORDS)))


def _idle_weapon(a: Analysis, unit: int, m) -> bool:
    """A trigger that is only the name of a weapon (صواريخ، طائرة مسيرة، لغم) reports an attack
    when its unit says the weapon was used: it is the instrument of a verb (بصاروخ), something
    fired, fell, hit or exploded (``weapon_use_word``), it was aimed at a target right after it
    ("صواريخ على المدينة"), or the unit counts dead or wounded. A programme, an arsenal, a
    threat or a word that only looks like a weapon (مسيرة: a march, a career) is no attack."""
    doc = a.doc
    starts = a.memo.get("weapon_starts")
    if starts is None:
        starts = a.memo["weapon_starts"] = cue_starts(doc, "weapon_noun")
    if m.event_type not in VIOLENT_TYPES or m.tok_start not in starts:
        return False  # an act (أطلقت صواريخ, غارة), not a weapon's name
    if doc.tokens[m.tok_start].text.lstrip("وف").startswith("ب"):
        return False  # the instrument of a verb: "استهدفت بصاروخ", "بالطائرات المسيرة"
    if _victims(a, unit):
        return False
    lo, hi = unit_range(a, unit)
    own = clause_at(a, m.tok_start)
    clo, chi = (own.tok_start, own.tok_end) if own is not None else (lo, hi)
    if cue_matcher("weapon_use_word").find(doc, clo, chi):
        return False
    end = starts[m.tok_start]
    after = [doc.tokens[t].text for t in range(end, min(end + 3, hi))]
    # aimed at a target, not "على بعد أمتار" (a distance: "في مسيرة على بعد أمتار", a march)
    return not any(w in cue_words("aimed_preposition") and after[i + 1:i + 2] != ["بعد"]
                   for i, w in enumerate(after))


# How many words before a drone a word of filming may stand (لقطات حصرية جديدة التقطتها طائرة).
FILMING_WORDS = 4


def _filmed(a: Analysis, m) -> bool:
    """"لقطات التقطتها طائرة بدون طيار"، "فيديو مصور بطائرة مسيرة": a drone right after a word of
    filming is the camera, no strike."""
    if m.sub_event_type != "Air/drone strike":
        return False
    own = clause_at(a, m.tok_start)
    lo = max(own.tok_start if own is not None else 0, m.tok_start - FILMING_WORDS)
    return bool(cue_matcher("filming_word").find(a.doc, lo, m.tok_start))


def _perpetrator_means(a: Analysis, unit: int, before: int | None = None) -> str | None:
    """The usual means of the first actor of the unit that strikes from afar (usual_means.tsv);
    shelling when the unit's first armed actor, before the word at ``before``, is a rebel group or
    a militia, which strike from the ground ("ورد جيش الإسلام بقصف أحياء في دمشق")."""
    lo, hi = unit_range(a, unit)
    means = usual_means()
    armed = [x for x in a.actors if lo <= x.tok_start < hi and a.kb.inter(x.actor) in ARMED_CODES]
    if before is not None and armed and armed[0].tok_start < before and \
            a.kb.inter(armed[0].actor) in GROUND_CODES and armed[0].actor != "Unidentified Armed Group" and \
            not any(x.actor in means for x in armed):
        return "Shelling/artillery/missile attack"  # no air force in the unit: the group shells
    for x in a.actors:
        if lo <= x.tok_start < hi and x.actor in means:
            if _unit_country(a, unit) in ground_countries().get(x.actor, ()):
                return MIXED  # it also shells there (Israel in Gaza): the bare word tells no means
            return means[x.actor]
    return None


def _unit_country(a: Analysis, unit: int) -> str | None:
    """The country (ISO code) of the first place the unit names, else its sentence, else the
    article's most named region."""
    lo, hi = unit_range(a, unit)
    sent = a.doc.sentences[a.sentence_index(lo)]
    s_lo, s_hi = sent.tok_start, sent.tok_end
    for start, end in ((lo, hi), (s_lo, s_hi)):
        codes = [pm.place.country_code for pm in a.places.mentions
                 if start <= pm.tok_start < end and pm.place is not None]
        if codes:
            return codes[0]
    return a.places.admin1[0][0] if a.places.admin1 else None


# The usual means of a force that strikes both from the air and the ground where the unit is.
MIXED = "mixed"


# ACLED actor types that strike from the ground unless usual_means.tsv says otherwise: rebels, militias.
GROUND_CODES = (2, 3, 4)


def _remote_means(a: Analysis, unit: int, h: TriggerHit, told: list[Frame]) -> str:
    """The sub-type of a bombardment of unstated means (قصف): the means its unit names, else the
    usual means of its perpetrator, else the means of the bombardment told before (by a strong
    word, else by any), else shelling."""
    typed = _type_by_means(a, unit, h.mention)
    if typed is not None and typed[0] == "Explosions/Remote violence":
        return typed[1]
    usual = _perpetrator_means(a, unit, h.mention.tok_start)
    if usual is not None and usual != MIXED:
        return usual
    # a chemical attack is never inferred: only the words of its own unit make one
    told = [f for f in told if f.subtype != CHEMICAL]
    for f in reversed(told):
        if f.etype == "Explosions/Remote violence" and f.hit.mention.sub_event_type != REMOTE:
            return f.subtype
    # "مسيّرات تركية تستهدف مواقع ... وتركز القصف على": the drones told before, by a weak word
    named = next((f.subtype for f in reversed(a.frames)
                  if f.etype == "Explosions/Remote violence" and f.hit.mention.sub_event_type not in (REMOTE, CHEMICAL)
                  and f.subtype != CHEMICAL), None)
    if named is not None:
        return named
    for f in reversed(told):
        if f.etype == "Explosions/Remote violence":
            return f.subtype
    return "Shelling/artillery/missile attack"


CHEMICAL = "Chemical weapon"


# How many words before "استهدف" an explosion word may stand to be what targeted (بتفجير غامض استهدف).
TARGETED_AFTER = 3


def _targeted(a: Analysis, unit: int, h: TriggerHit) -> tuple[str, str] | None:
    """The type of "استهدف" (targeted): the means named in its unit, else the usual means of a
    perpetrator that strikes from afar, else the victims (civilians: an attack on civilians;
    fighters, soldiers, police: an armed clash), else no event."""
    typed = _type_by_means(a, unit, h.mention)
    if typed is not None:
        return typed
    # "بتفجير غامض استهدف موكبه": the blast just before it is what targeted
    lo, _ = unit_range(a, unit)
    blast = [x.mention for x in a.hits if x.reports_event and
             max(lo, h.mention.tok_start - TARGETED_AFTER) <= x.mention.tok_start
             < h.mention.tok_start and x.mention.event_type == "Explosions/Remote violence"
             and x.mention.sub_event_type not in (REMOTE, TARGETED)]
    if blast:
        return blast[-1].event_type, blast[-1].sub_event_type
    usual = _perpetrator_means(a, unit)
    if usual is not None and usual != MIXED:
        return "Explosions/Remote violence", usual
    told = _striker_told_means(a, unit, h.mention)
    if told is not None:
        return "Explosions/Remote violence", told
    if usual == MIXED:  # a force striking from afar by means the text does not say: shelling
        return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    victims = _victims(a, unit)
    if not victims:
        return None
    if victims <= {"fighters", "security"}:
        return "Battles", "Armed clash"
    return "Violence against civilians", "Attack"


def _first_armed(a: Analysis, unit: int) -> str | None:
    lo, hi = unit_range(a, unit)
    return next((x.actor for x in a.actors_between(lo, hi) if a.kb.inter(x.actor) in ARMED_CODES), None)


# How many words before "استهداف" the auxiliary of a passive may stand (تم مساء الجمعة استهداف).
PASSIVE_WORDS = 4


def _striker_told_means(a: Analysis, unit: int, m) -> str | None:
    """"قصفت قوات الأسد بالمدفعية دارة عزة ... ومساء أمس استهدفت قوات الأسد الأحياء السكنية في إدلب":
    "استهدف" with no means of its own, by the force whose bombardment (by a said means) the last
    few sentences told, is that force's bombardment again: its sub-type, whoever the victims."""
    lo, _ = unit_range(a, unit)
    # "تم مساء الجمعة استهداف الرادارات": told with no striker (a passive, or no armed actor), after
    # the strikes of a force (by a said means), it is one more of them; the armed men of a passive
    # unit are its victims ("ومقتل خمسة من عناصر التنظيم")
    passive = cue_matcher("passive_auxiliary").find(a.doc, max(lo, m.tok_start - PASSIVE_WORDS), m.tok_start)
    striker = None if passive else _first_armed(a, unit)
    if striker == "Unidentified Armed Group":
        return None
    here = a.sentence_index(lo)
    for f in reversed(a.frames):
        if here - f.sentence > ANAPHORA_SENTENCES:
            break
        if f.etype == "Explosions/Remote violence" and f.subtype not in (CHEMICAL, REMOTE, TARGETED) and \
                (striker is None or _first_armed(a, clause_at(a, f.hit.mention.tok_start).unit) == striker):
            return f.subtype
    return None


# How many words before a mine or bomb word the verb that laid, cleared or defused it may stand
# ("نزعت الفرق الهندسية في الجيش اليمني الاثنين كميات كبيرة من الألغام").
MINE_VERB_WORDS = 12


def _laid_not_exploded(a: Analysis, unit: int, m) -> bool:
    """Mines or bombs laid, cleared or defused, with nothing exploded in the unit."""
    lo, hi = unit_range(a, unit)

    def handled(x) -> bool:
        own = clause_at(a, x.tok_start)
        start = max(lo, own.tok_start, x.tok_start - MINE_VERB_WORDS)
        return bool(cue_matcher("mine_laying_verb").find(a.doc, start, x.tok_start)) or _disposed(a, x.tok_start)

    if not handled(m):
        return False
    if _disposed(a, m.tok_start):
        return True  # "تدمير ونسف 38 عبوة ناسفة": destroyed by those who found them, whoever died beside
    return not _victims(a, unit) and not any(
        h for h in a.hits if lo <= h.mention.tok_start < hi and h.mention.text != m.text
        and h.mention.event_type == "Explosions/Remote violence" and not handled(h.mention))


# How many words (a count, a second verb) may stand between a verb of disposal and the mines it
# has as object ("تدمير ونسف 38 عبوة ناسفة").
DISPOSAL_WORDS = 3


def _disposed(a: Analysis, tok: int) -> bool:
    """Are the mines at ``tok`` the direct object of a verb of destroying them (تدمير 38 عبوة، نسف
    العبوات)? Only with nothing but a count or another such verb between: "تدمير آلية بعبوة ناسفة"
    is a blast that destroyed a vehicle."""
    tokens, verbs = a.doc.tokens, cue_words("mine_disposal_verb")
    sent_start = a.doc.sentence_of_token(tok).tok_start
    for t in range(tok - 1, max(sent_start, tok - DISPOSAL_WORDS) - 1, -1):
        word = tokens[t].text
        if word in verbs or word[:1] == "و" and word[1:] in verbs:
            return True
        if not word.isdigit() and not any(q.tok_start <= t < q.tok_end for q in a.quantities()):
            return False
    return False


def _interception(a: Analysis, m) -> bool:
    return any(x.tok_start == m.tok_start for x in cue_matcher("interception_verb").find(a.doc, m.tok_start, m.tok_end))


def _type_by_means(a: Analysis, unit: int, m) -> tuple[str, str] | None:
    """The type the means named in the unit give a weak trigger, or None."""
    lo, hi = unit_range(a, unit)
    # "في مسيرات يوم الجمعة": a word the triggers read as marches is no drone
    marches = {h.mention.tok_start for h in a.hits if h.mention.event_type == "Protests"}
    found = [x for x in means_matcher().find(a.doc, lo, hi) if x.tok_start not in marches
             and not _across_time_clause(a, m, x)  # the means of the earlier event a clause of time tells
             # (or a response answers: "جاء القصف ردا على تفجير انتحاري")
             and not _answered_after(a.doc, m, x)
             and not _disposed(a, x.tok_start)  # "نسف 38 عبوة ناسفة كانت معدة لاستهداف القوات"
             and not (x.tok_start > 0 and a.doc.tokens[x.tok_start - 1].text.lstrip("و") in cue_words("media_noun"))
             # ("القنابل الحارقة"، "قنابل الغاز": a fire or gas bomb is no explosive of war; "طائرات ورقية": kites)
             and not (x.tok_end < len(a.doc.tokens) and
                      a.doc.tokens[x.tok_end].text in cue_words("not_warplane") | cue_words("nonlethal_bomb_word"))]
    # ("قناة المسيرة": an outlet's name is no means)
    if not found:
        return None
    nearest = min(found, key=lambda x: abs(x.tok_start - m.tok_start))
    etype, sub = nearest.payload
    if sub != "direct":
        return etype, sub
    victims = _victims(a, unit)
    if victims and victims <= {"fighters", "security"}:
        return "Battles", "Armed clash"
    own = clause_at(a, m.tok_start)
    if not victims and m.sub_event_type in ("Armed clash", TARGETED) and \
            cue_matcher("military_target").find(a.doc, own.tok_start, own.tok_end):
        # "تعرض حاجز للجيش لهجوم بالأسلحة الرشاشة": an attack with guns on a force's post in its own
        # clause, no one counted
        return "Battles", "Armed clash"
    return "Violence against civilians", "Attack"


def _victims(a: Analysis, unit: int) -> set[str]:
    """The classes of the people killed or wounded in the unit (civilians, fighters, ...)."""
    lo, hi = unit_range(a, unit)
    by_sentence = a.memo.get("casualties_by_sentence")
    if by_sentence is None:
        by_sentence = a.memo["casualties_by_sentence"] = {}
        for c in a.casualties:
            by_sentence.setdefault(a.sentence_index(c.tok_start), []).append(c)
    return {c.victim_class or "unknown" for c in by_sentence.get(a.sentence_index(lo), ())
            if lo <= c.tok_start < hi and c.kind in ("killed", "injured", "mixed")}


def _on_own_day(a: Analysis, unit: int, m, told: list[Frame]) -> list[Frame]:
    """The told events a definite word of ``unit`` may name: when the unit dates its event itself,
    only those undated or on a day that fits that date (another day's event is another event)."""
    own = unit_when(a, unit, m.tok_start)
    if own is None or own is a.default_when or own.start is None:
        return told
    return [f for f in told if f.when is a.default_when or f.when.start is None or f.when.compatible(own)]


def _referent(told: list[Frame], sent_index: int, etype: str, window: int = ANAPHORA_SENTENCES) -> Frame | None:
    """The last event told within a few sentences that a weak trigger of type ``etype`` can name:
    an explosion names an explosion, an attack or a shooting any act of violence, a protest a
    protest or a riot."""
    if etype == "Explosions/Remote violence":
        fits = {"Explosions/Remote violence"}
    elif etype in VIOLENT_TYPES:
        fits = VIOLENT_TYPES | {"Explosions/Remote violence"}
    else:
        fits = {"Protests", "Riots"}
    recent = [f for f in told if sent_index - f.sentence <= window and f.etype in fits]
    return recent[-1] if recent else None


def _deadly_after_clause(a: Analysis, hit: TriggerHit) -> bool:
    """"فرّ الآلاف بعد هجوم شنّته قوات X على مدينة Y قُتل فيه 40 شخصاً": an attack behind
    بعد/عقب/إثر that has its own death toll after it is the sentence's event when the
    sentence reports no other violent event (a word that refers back to one told before, "وجاء
    هذا القصف بعد ...", is none)."""
    m = hit.mention
    doc = a.doc
    if hit.status not in ("background", "subordinate") or m.event_type not in VIOLENT_TYPES:
        return False
    sent = doc.sentence_of_token(m.tok_start)
    if not any(doc.tokens[t].text.lstrip("و") in cue_words("after_word")
               for t in range(max(sent.tok_start, m.tok_start - 2), m.tok_start)) and \
            not doc.tokens[m.tok_start].text.startswith(cue_phrases("after_prefix")):
        return False
    # "وجاء هذا القصف بعد معارك ..." comments on an event told before: it is no other event
    if any(h.reports_event and h.mention.event_type in VIOLENT_TYPES and h.mention.strength == "strong"
           and sent.tok_start <= h.mention.tok_start < sent.tok_end and not _refers_back(doc, h.mention)
           for h in a.hits):
        return False
    if any(c.kind == "killed" and m.tok_end <= c.tok_start < sent.tok_end for c in a.casualties):
        return True
    # "قتل ثلاثة شرطيين اليوم بعد أن فجر انتحاري نفسه قرب حاجز": the dead the main clause counts
    # before it died in it (the sentence tells no other violent event: checked above)
    if any(c.kind == "killed" and sent.tok_start <= c.tok_start < m.tok_start for c in a.casualties):
        return True
    # "عقب معارك في بلدة X خلفت قتلى وجرحى": dead it does not count
    return bool(cue_matcher("dead_uncounted").find(doc, m.tok_end, sent.tok_end))


def _after_word_before(a: Analysis, m) -> bool:
    """Does بعد، عقب or إثر stand right before the event word (بعد اشتباك، وإثر تبادل، عقب المعارك)?"""
    doc = a.doc
    sent = doc.sentence_of_token(m.tok_start)
    return any(doc.tokens[t].text.lstrip("و") in cue_words("after_word")
               for t in range(max(sent.tok_start, m.tok_start - 2), m.tok_start)) or \
        doc.tokens[m.tok_start].text.startswith(cue_phrases("after_prefix"))


def _fight_an_arrest_ended(a: Analysis, hit: TriggerHit) -> bool:
    """"اعتقلت القوات خمسة مطلوبين بعد اشتباك معهم"، "ألقت الشرطة القبض على مسلحين إثر تبادل لإطلاق
    النار": a clash behind بعد/عقب/إثر, after an arrest its sentence reports, is the fight the arrest
    ended, an event of its own at the arrest's place and day (not a charge, not background)."""
    m = hit.mention
    if m.event_type != "Battles" or m.sub_event_type != "Armed clash" or hit.status not in ("event", "subordinate"):
        return False
    if not _after_word_before(a, m):
        return False
    sent = a.doc.sentence_of_token(m.tok_start)
    return any(h.reports_event and h.mention.sub_event_type == "Arrests"
               and sent.tok_start <= h.mention.tok_start < m.tok_start for h in a.hits)


# Places besides settlements a force takes: a district (سيطرت على مديرية X) and a site (مطار X).
TAKEN_AREA_KINDS = {"admin2", "facility"}


def _object_of(a: Analysis, hit: TriggerHit, w: Where) -> bool:
    """A territory trigger takes a settlement right after it: سيطرت القوات على قرى X وY."""
    doc = a.doc
    pm = w.mention
    m = hit.mention
    if m.tok_start > 0 and doc.tokens[m.tok_start - 1].text in cue_words("control_zone_noun"):
        return False  # "مناطق سيطرة قوات النظام في بلدتي X وY": who holds a place, not a seizure
    if pm.tok_start < hit.mention.tok_end or pm.tok_start - hit.mention.tok_end > 40:
        return False
    if pm.place is not None and w.place.kind not in SETTLEMENT_KINDS | TAKEN_AREA_KINDS:
        return False
    actor_tokens = {t for x in a.actors for t in range(x.tok_start, x.tok_end)}
    gap = list(range(hit.mention.tok_end, pm.tok_start))
    # "في تحرير مناطق واسعة على رأسها مفرقي X والجبلية": the object goes on with the parts of the
    # whole it named first
    parts = [m.tok_end for m in cue_matcher("inclusion_phrase").find(doc, gap[0], pm.tok_start)] if gap else []
    if parts:
        gap = [t for t in gap if t >= max(parts)]
    ala = [t for t in gap if doc.tokens[t].text in ("علي", "على")]
    manner = cue_words("manner_adverb")
    if ala:
        # VSO: "سيطرت القوات على قرى X": the subject may stand between the verb and على, and
        # words of manner ("تمت السيطرة أيضاً بشكل كامل على بلدة X")
        subject, obj = gap[:gap.index(ala[0])], gap[gap.index(ala[0]) + 1:]
        if len([t for t in subject if t not in actor_tokens and doc.tokens[t].text not in manner]) > 2:
            return False
    else:
        obj = gap  # a direct object: استعادت البلدة
    # later villages of the list: "على قرى X وY وZ"
    listed = {t for p in a.places.mentions if p.tok_end <= pm.tok_start for t in range(p.tok_start, p.tok_end)}
    rest = [t for t in obj if t not in listed]
    words = cue_words("territory_object_word")
    # "و" joins places and their nouns ("وبلدة"); "وقبلها يلدا" (and before it) tells an earlier seizure
    # (a direct object may follow its subject and a time: "استعادت القوات الحكومية أمس مديرية X")
    if len(rest) <= 6 and all(t in actor_tokens or doc.tokens[t].text in words or doc.tokens[t].text == "و" or
                              (not ala and doc.tokens[t].text in manner) or
                              (doc.tokens[t].text.startswith("و") and doc.tokens[t].text[1:] in words)
                              for t in rest):
        return True
    # a site or positions in the settlement: "سيطروا على مدرسة المداد وسط بلدة X", "على عدد من
    # الحواجز والنقاط في بلدة X", "على مقر المقسم بالكامل في بلدة X" (not "على الوضع في مدينة X")
    if not ala and not cue_matcher("capture_direct_verb").find(doc, m.tok_start, m.tok_end):
        return False  # "أحياء سيطرت عليها الفصائل لسنوات في مدينة X": a state, no seizure
    sites = [i for i, t in enumerate(rest) if doc.tokens[t].text in cue_words("site_preposition")
             or doc.tokens[t].text.startswith(cue_phrases("site_preposition_prefix"))]
    if not sites or sites[0] == 0 or sites[0] > SITE_OBJECT_WORDS:
        return False
    head = rest[:sites[0]]
    if any(doc.tokens[t].text in cue_words("abstract_control_object") for t in head):
        return False
    tail = [t for t in rest[sites[0]:] if doc.tokens[t].text not in cue_words("site_preposition")]
    return all(doc.tokens[t].text.lstrip("ب") in words or doc.tokens[t].text in words for t in tail)
