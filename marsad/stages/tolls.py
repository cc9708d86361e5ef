"""Tolls: which death counts belong to an event, and how they add up.

Per victim group, headline numbers are alternatives to the body's, equal body numbers
are restatements, different ones add; ``بينهم`` subgroups never add; a count whose own
clause names another place belongs elsewhere.
"""
from __future__ import annotations

from marsad.arabic.normalise import definite, normalise_term
from marsad.cues import cue_matcher, cue_phrases, cue_starts, cue_words
from marsad.model import ActorMention, Casualty
from marsad.stages.analysis import VIOLENT_TYPES, Analysis, Group


def group_casualties(a: Analysis, g: Group) -> list[Casualty]:
    """The death counts of one group: the counts of the units its frames come from (a count in
    a recap, a plan or another statement of the sentence belongs to none of its events), and the
    parts of a total the text places at the group's own place ("من بينهم 16 في غارة على X")."""
    owners_of = groups_by_unit(a)
    out = []
    from marsad.casualties import part_marker_before
    from marsad.stages.tolls_places import part_casualties, set_aside
    from marsad.stages.tolls_totals import toll_before_its_event, toll_of_placeless_retelling
    from marsad.stages.tolls_means import means_total, over_two_means
    from marsad.stages.tolls_other import (bodies_still_lying, of_another_event, of_prior_event, over_two_places,
                                          pictured_body)
    # "قتل خمسة، ثلاثة منهم في X ومدنيان في Y": the total goes to no place, each part to its own
    distributed = set_aside(a)
    for c in a.casualties:
        if c.kind != "killed" or c.subgroup or part_marker_before(a.doc, c.tok_start) or id(c) in distributed:
            continue  # "وبحسب مصدر طبي فإن بين الحصيلة 3 مدنيين قتلى": a part of the toll told before
        owners = owners_of.get(_unit_of(a, c.tok_start), []) or _toll_of_event_before(a, c) or \
            toll_of_placeless_retelling(a, c) or toll_before_its_event(a, c)
        if g not in owners:
            continue
        if g.etype == "Protests" and _cause_of_the_protest(a, c):
            continue  # "تظاهر المئات احتجاجا على مقتل شاب برصاص مستوطن أمس": what they protest, not their toll
        if len(owners) > 1:
            if _owner_of(a, c, owners) is not g:
                continue
        elif _elsewhere(a, c, g):
            continue
        if over_two_means(a, c) or means_total(a, c, lambda x: owners_of.get(_unit_of(a, x.tok_start), [])):
            continue  # "لقي 13 عنصراً مصرعهم بمواجهات مع الجيش وغارات للتحالف": two means' sum, no one event's
        if _over_places(a, c) and (g.where.unknown_name or g.where.precision == 1):
            continue  # "قتل خمسة في هجمات على ثلاث قرى": a sum over places, no one village's toll
        if of_another_event(a, c, g):
            continue  # "إن غارة أخرى قتلت أربعة أطفال آخرين": another strike's dead, of no known place
        if of_prior_event(a, c, g):
            continue  # "بعد ثلاثة أيام من هجوم مماثل أودى بحياة 12": the earlier attack's dead
        if bodies_still_lying(a, c):
            continue  # "عشرات الجثث لا تزال متناثرة": the state the fighting left, not this event's toll
        if pictured_body(a, c):
            continue  # "نشرت وسائل الإعلام صورا لجثة": one of the dead shown, not one more
        if over_two_places(a, c, g):
            continue  # "مقتل العشرات في معارك الدريهمي ومحيط مطار الحديدة": two places' sum
        if _campaign_toll(a, c, g):
            continue  # "20 قتيلاً الذين قتلوا في مواجهات دير الزور": the campaign's dead, no one fight's
        out.append(c)
    # a part placed at the group's own place whose total the group does not already count
    out += [c for c, owner in placed_parts(a).items() if owner is g and not any(
        p.start <= c.start < p.end and p.tok_start < c.tok_start for p in out)]
    out += part_casualties(a, g)
    return out


# How many words after a part of a total its own place may stand ("و16 شخصا في غارة استهدفت قرية X").
PART_PLACE_WORDS = 10


def placed_parts(a: Analysis) -> dict[Casualty, Group]:
    """Parts of a total (بينهم ...) that the text places at a place of their own, with the group
    placed there: "قتل القصف 43 شخصاً في عفرين، من بينهم سبعة أطفال و16 شخصاً في غارة استهدفت قرية
    جنديرس": the 16 are Jindires's dead (and no longer Afrin's)."""
    found = a.memo.get("placed_parts")
    if found is not None:
        return found
    found = a.memo["placed_parts"] = {}
    for c in a.casualties:
        if c.kind != "killed" or not c.subgroup or not c.count:
            continue
        sent = a.doc.sentence_of_token(c.tok_start)
        nxt = min([x.tok_start for x in a.casualties if x.tok_start >= c.tok_end] + [sent.tok_end])
        hi = min(nxt, c.tok_end + PART_PLACE_WORDS)
        at = sorted((w.mention.tok_start, id(o), o) for o in a.groups for w in o.places
                    if c.tok_end <= w.mention.tok_start < hi)
        # the part's own event word stands between it and the place ("في غارة استهدفت"); not the
        # total's places told after its parts ("بينهم 14 طفلا في بلدات X وY")
        if at and len({id(o) for t, _, o in at if t == at[0][0]}) == 1 and \
                any(c.tok_end <= h.mention.tok_start < at[0][0] for h in a.hits):
            found[c] = at[0][2]
    return found


def _parts_elsewhere(a: Analysis, g: Group, used: list[Casualty]) -> list[Casualty]:
    """Parts of the group's own totals that the text places at another group's place."""
    return [c for c, owner in placed_parts(a).items() if owner is not g and any(
        p.start <= c.start < p.end and p.tok_start < c.tok_start and not p.subgroup for p in used)]


def _campaign_toll(a: Analysis, c: Casualty, g: Group) -> bool:
    """Are the group's frames in the count's unit placed only by a campaign's name (معارك X،
    مواجهات X)? Then the count is the campaign's."""
    unit = _unit_of(a, c.tok_start)
    own = [m for m in g.members if _unit_of(a, m.hit.mention.tok_start) == unit]
    return bool(own) and all(m.where.mention.role == "label" for m in own)


def _over_places(a: Analysis, c: Casualty) -> bool:
    """Does the count's clause spread it over several places ("في هجمات على قريتين"، "على ثلاث
    قرى"، "في عدة بلدات")?"""
    from marsad.stages.clauses import clause_at
    clause = clause_at(a, c.tok_start)
    if clause is None:
        return False
    tokens = a.doc.tokens
    duals, plurals = cue_words("place_count_noun"), cue_words("list_place_noun")
    quantities = a.quantities()
    # "في إحدى مزارع المديرية": one of the farms is one place
    counted = {q.tok_end for q in quantities if q.value != 1} | {t + 1 for t in range(clause.tok_start, clause.tok_end)
                                                 if tokens[t].text in cue_words("several_word")}
    return any(tokens[t].text.lstrip("وبل") in duals or (tokens[t].text in plurals and t in counted)
               for t in range(clause.tok_start, clause.tok_end))


def _unit_of(a: Analysis, tok: int) -> int | None:
    from marsad.stages.clauses import clause_at
    clause = clause_at(a, tok)
    return clause.unit if clause is not None else None


def groups_by_unit(a: Analysis) -> dict[int, list[Group]]:
    """Unit -> the groups with a frame whose trigger lies in it."""
    found = a.memo.get("groups_by_unit")
    if found is None:
        found = a.memo["groups_by_unit"] = {}
        for g in a.groups:
            for m in g.members:
                owners = found.setdefault(_unit_of(a, m.hit.mention.tok_start), [])
                if g not in owners:
                    owners.append(g)
    return found


# A toll this large (or a vague "hundreds", "thousands") for one event at one place and day is
# kept only when the text ties it to the event: in the clause of one of its trigger words or in
# a result or content clause of its unit ("أسفر عن مقتل"), a unit that names the event's place
# itself and no long span of time ("لنحو تسعة أشهر", "منذ 2015").
LARGE_TOLL = 100


def tied(a: Analysis, c: Casualty, g: Group) -> bool:
    """Is a death count tied to this group's event? A count told over a span of weeks or more
    never is ("قتلت قواتها 30 فلسطينياً بعد عشرة أيام من الاحتجاجات"); a large one (see
    LARGE_TOLL) only when the text ties it."""
    from marsad.stages.clauses import clause_at, unit_range
    clause = clause_at(a, c.tok_start)
    if clause is not None and weeks_or_more(a, *unit_range(a, clause.unit)) and not _spans_the_event(g):
        return False
    if clause is not None and days_span(a, clause.tok_start, clause.tok_end) and \
            (g.when.start is None or g.when.start == g.when.end):
        return False  # "لقي أكثر من 400 مدني مصرعهم في خمسة أيام من الغارات": days' sum, no one day's
    if _onset_cause(a, c):
        return False  # "الاشتباكات بدأت بعد مقتل أحد أفراد القبيلة": the killing that set it off
    if _tally_over_an_area(a, c, g):
        return False  # "لترتفع حصيلة القصف على القطاع الثلاثاء إلى 24 قتيلا": the day's toll of the Strip
    large = max(c.count or 0, c.high or 0) >= LARGE_TOLL
    # a statement's count after its speaker's "since the start of the campaign" (أكد أن الجيش فقد
    # المئات منذ بدء الحملة، وقال إن 56 جنديا قتلوا) is told over the same span
    since_lo = unit_range(a, clause.unit)[0] if clause is not None and clause.kind == "content" else None
    if clause is not None and _since_campaign_start(a, since_lo if since_lo is not None else clause.tok_start,
                                                    clause.tok_end) and \
            (large or not _spans_the_event(g)):
        # "قتل 45 مقاتلا منذ بدء الهجوم على المدينة": the campaign's dead, not the day's; a span
        # event keeps a small one, never hundreds ("ألف قتيل منذ تصاعد العمليات منتصف الشهر")
        return False
    if not large:
        return True
    if clause is None:
        return False
    lo, hi = unit_range(a, clause.unit)
    # frames of the group told in the count's unit with a place of their own (not one carried over
    # from another sentence: "وقتل نحو 10 آلاف في القتال" after a paragraph on the war)
    placed = [m for m in g.members if lo <= m.hit.mention.tok_start < hi and lo <= m.where.mention.tok_start < hi]
    trigger_clauses = {clause_at(a, m.hit.mention.tok_start) for m in placed}
    # the trigger's own clause, or a result ("أسفر عن مقتل") or content clause of its unit
    if clause not in trigger_clauses and not (
            clause.kind in ("result", "content", "elaboration") and trigger_clauses):
        return False
    if clause not in trigger_clauses and clause.kind == "result" and clause.index > 0 and \
            a.clauses[clause.index - 1].kind == "temporal" and a.clauses[clause.index - 1] not in trigger_clauses:
        # "وجاءت الاشتباكات عقب أيام من تصعيد في الغوطة أسفر عن أكثر من 500 قتيل": the result is the
        # escalation's, the noun of the time clause before it, not the event's
        return False
    if any(lo <= d.tok_start < hi and d.tense in ("period", "background") for d in a.dates):
        return False
    return not long_duration(a, lo, hi)


# How many words an onset verb (بدأت، اندلعت) may stand before the "after" word of its cause.
ONSET_CAUSE_WORDS = 3


def _onset_cause(a: Analysis, c: Casualty) -> bool:
    """Is the death count the cause an onset verb's "after" names ("بدأت بعد مقتل"، "اندلعت إثر
    مقتل"): a killing before the event, which set it off?"""
    tokens, doc = a.doc.tokens, a.doc
    sent = doc.sentence_of_token(c.tok_start)
    after = [t for t in range(max(sent.tok_start, c.tok_start - 2), c.tok_start)
             if tokens[t].text.lstrip("و") in cue_words("after_word")]
    return bool(after) and bool(cue_matcher("onset_verb").find(doc, max(sent.tok_start, after[0] - ONSET_CAUSE_WORDS),
                                                                after[0]))


def days_span(a: Analysis, lo: int, hi: int) -> bool:
    """Does tokens [lo, hi) name a span of two days or more told with a span preposition ("خلال ثلاثة
    أيام"، "في خمسة أيام من"، "خلال يومين")? Not a point in time ("قبل ثلاثة أيام"، "بعد يومين")."""
    tokens = a.doc.tokens
    preps, days, two = cue_words("span_prep"), cue_words("day_unit"), cue_words("days_word")
    for q in a.quantities():
        if lo < q.tok_start and q.tok_end < hi and (q.value or 0) >= 2 and tokens[q.tok_end].text in days and \
                tokens[q.tok_start - 1].text.lstrip("و") in preps:
            return True
    return any(tokens[t].text in two and tokens[t - 1].text.lstrip("و") in preps for t in range(max(lo, 1), hi))


def exact(c: Casualty) -> bool:
    """Is the count a number told without a margin (12, not عشرات or أكثر من 40)?"""
    return c.count is not None and c.low in (None, c.count) and c.high in (None, c.count)


def toll_statement(a: Analysis, c: Casualty) -> bool:
    """Is the count given as a toll ("عدد القتلى بلغ أربعة"، "ارتفعت حصيلة قتلى الغارة إلى خمسة")?
    It is the event's whole toll so far: it replaces the counts told before, never adds to them."""
    from marsad.casualties import total_forms
    tokens = a.doc.tokens
    for form in total_forms():
        end = c.tok_start + len(form)
        if end <= len(tokens) and tuple(tokens[t].text for t in range(c.tok_start + 1, end)) == form[1:] and \
                tokens[c.tok_start].text in (form[0], "و" + form[0], "ب" + form[0], "وب" + form[0]):
            return True
    return False


# How many sentences back the event a toll statement with no event word of its own may stand.
TOLL_BACK_SENTENCES = 2


def _toll_of_event_before(a: Analysis, c: Casualty) -> list[Group]:
    """"قتل جنديان في هجوم على نقطة عسكرية. وقال مصدر إن عدد القتلى بلغ أربعة": a toll statement
    whose unit tells no event is the toll of the violent event told last before it (within
    TOLL_BACK_SENTENCES sentences), when one event only is told there. A sentence between them
    that counts since a date or a campaign's start ("ووثقت المصادر 85 هجوما منذ بداية العام. وبلغت
    حصيلة القتلى جراء تلك الهجمات 40") is the nearer thing the toll sums: a tally, no event's."""
    from marsad.stages.discourse import counts_since_then
    if not (toll_statement(a, c) or _running_tally(a, c)):
        return []
    here = a.sentence_index(c.tok_start)
    for back in range(here - 1, max(-1, here - 1 - TOLL_BACK_SENTENCES), -1):
        told = [g for g in a.groups if back in g.sentences and g.etype in VIOLENT_TYPES]
        if told:
            return told if len(told) == 1 else []
        if counts_since_then(a, a.doc.sentences[back]):
            return []
    return []


# How many words before a count the "إلى" of a tally that rises to it may stand (إلى 305 أشخاص).
TALLY_WORDS = 2


def _running_tally(a: Analysis, c: Casualty) -> bool:
    """Is the count the total a tally rises to ("ليرتفع عدد القتلى إلى 305"، "لتصل الحصيلة إلى")?"""
    return _tally_rise(a, c) is not None


def _tally_rise(a: Analysis, c: Casualty) -> tuple[int, int] | None:
    """Where a tally's rise ends and where its "إلى" stands, when the count is what it rises to."""
    from marsad.stages.clauses import clause_at
    clause = clause_at(a, c.tok_start)
    tokens = a.doc.tokens
    lo = clause.tok_start if clause is not None else a.doc.sentence_of_token(c.tok_start).tok_start
    # the "إلى" before the count, not one that ends the count's words ("وفاة الصحفي ... إلى")
    to = [t for t in range(max(lo, c.tok_start - TALLY_WORDS), c.tok_end - 1)
          if tokens[t].text in cue_words("tally_to")]
    if not to:
        return None
    # "قد ارتفع بعد وفاة الصحفي ياسر المرتجى إلى 10 قتلى": a clause of time may stand between the
    # rise and its "إلى"; the rise is looked for in the sentence, a few words back
    sent = a.doc.sentence_of_token(c.tok_start)
    lo = min(lo, max(sent.tok_start, to[-1] - TALLY_RISE_WORDS))
    rises = [m for m in cue_matcher("tally_rise").find(a.doc, lo, to[-1]) if m.tok_end <= to[-1]]
    return (rises[-1].tok_end, to[-1]) if rises else None


def _tally_over_an_area(a: Analysis, c: Casualty, g: Group) -> bool:
    """Is the count a tally that rises over a wider area than the group's town: an area word or a
    named governorate, region or country stands between the tally's rise and its "إلى"
    ("لترتفع حصيلة القصف الإسرائيلي على القطاع إلى 24"، "ارتفع عدد القتلى في محافظة إدلب إلى")?"""
    if g.where is None or g.where.place is None or g.where.place.is_area:
        return False
    span = _tally_rise(a, c)
    if span is None:
        return False
    (lo, hi), tokens, areas = span, a.doc.tokens, cue_words("tally_area_word")
    wide = [t for t in range(lo, hi) if tokens[t].text in areas or tokens[t].text[1:] in areas or
            tokens[t].text[2:] in areas]
    wide += [pm.tok_start for pm in a.places.mentions
             if lo <= pm.tok_start < hi and pm.place is not None and pm.place.is_area]
    # ("ارتفعت حصيلة هجوم نفذه داعش على رتل في شمال العراق إلى 11": an indefinite event word names
    # the one event whose toll rose, the area says where it was)
    return any(not any(lo <= h.mention.tok_start < t and not definite(tokens[h.mention.tok_start].text)
                       for h in a.hits) for t in wide)


# How many words before its "إلى" the verb of a rising tally may stand (ارتفع ... إلى).
TALLY_RISE_WORDS = 10


# How many words after a tally's count a span of days may stand and still be its span.
TALLY_SPAN_WORDS = 8


def _since_a_date(a: Analysis, c: Casualty) -> bool:
    """Does the tally count since a date told before it in its sentence ("ترتفع حصيلة قتلى قسد منذ 23
    آذار إلى 85")? It is a campaign's running total, no one event's toll."""
    sent = a.doc.sentence_of_token(c.tok_start)
    return any(sent.tok_start <= d.tok_start < c.tok_start and d.key.startswith("since") for d in a.dates)


def _over_days(a: Analysis, c: Casualty) -> bool:
    """Do the words after a tally's count name a span of two days or more ("خلال ثلاثة أيام"،
    "خلال يومين")?"""
    tokens = a.doc.tokens
    lo, hi = c.tok_start, min(a.doc.sentence_of_token(c.tok_start).tok_end, c.tok_end + TALLY_SPAN_WORDS)
    days = cue_words("day_unit")
    if any(tokens[t].text.lstrip("وب") in cue_words("days_word") for t in range(lo, hi)):
        return True
    return any(lo <= q.tok_start and q.tok_end < hi and (q.value or 0) >= 2 and
               tokens[q.tok_end].text in days for q in a.quantities())


def _since_campaign_start(a: Analysis, lo: int, hi: int) -> bool:
    """Do tokens [lo, hi) count from the start of a campaign ("منذ بدء الهجوم"، "منذ انطلاق
    العمليات العسكرية")? Not from the start of a pause ("منذ بدء الهدنة بدقائق")."""
    nouns, most = cue_words("campaign_start_noun"), cue_words("superlative_word")
    tokens = a.doc.tokens
    # "في الهجوم الأكثر دموية منذ اندلاع الحرب": a superlative measures the event against the war
    return any(m.tok_end < hi and tokens[m.tok_end].text.lstrip("و") in nouns and
               not any(tokens[t].text in most for t in range(max(lo, m.tok_start - SUPERLATIVE_WORDS), m.tok_start))
               for m in cue_matcher("campaign_since").find(a.doc, lo, hi))


# How many words before "منذ" a superlative may stand (الأكثر دموية منذ).
SUPERLATIVE_WORDS = 3


def _claims_against(a: Analysis, c: Casualty, other: Casualty) -> bool:
    """Are two counts of one unit set against each other by a clause of contrast?"""
    from marsad.stages.clauses import clause_at
    x, y = clause_at(a, c.tok_start), clause_at(a, other.tok_start)
    return x is not None and y is not None and x.unit == y.unit and x is not y and "contrast" in (x.kind, y.kind)


def _spans_the_event(g: Group) -> bool:
    """Is the group's own date a span of a week or more (a campaign told as one event)?"""
    w = g.when
    return w.start is not None and w.end is not None and (w.end - w.start).days >= LONG_DAYS - 1


# A span of this many days or more is a campaign's, not one event's ("بعد عشرة أيام من الاحتجاجات").
LONG_DAYS = 7


def long_duration(a: Analysis, lo: int, hi: int) -> bool:
    """Does tokens [lo, hi) name a long span of time ("لنحو تسعة أشهر", "طوال سنوات"، "منذ بداية
    الحرب", "بعد عشرة أيام من الاحتجاجات")?"""
    return bool(cue_matcher("long_duration").find(a.doc, lo, hi)) or weeks_or_more(a, lo, hi)


def weeks_or_more(a: Analysis, lo: int, hi: int) -> bool:
    """Does tokens [lo, hi) name a span of weeks, months or years by its length ("أشهر"،
    "أسبوعين"، "عشرة أيام")? Not "منذ بدء الهدنة بدقائق", which only counts from a start."""
    # "قبل أسابيع" is a point in the past, not a span the count is told over
    points = [(d.tok_start, d.tok_end) for d in a.dates if d.key.startswith(("ago_", "rel:"))]
    if any(not any(s <= m.tok_start < e for s, e in points)
           for m in cue_matcher("span_of_weeks").find(a.doc, lo, hi)):
        return True
    quantities = a.quantities()
    days = cue_words("day_unit")
    tokens = a.doc.tokens
    return any(lo <= q.tok_start and q.tok_end < hi and (q.value or 0) >= LONG_DAYS and
               tokens[q.tok_end].text in days for q in quantities)


# How many locating words may stand between an unnamed settlement and the group's place that
# locates it ("على قرية في ريف الحسكة": في ريف).
LOCATED_GAP = 3


def _located_by_own(a: Analysis, end: int, g: Group) -> bool:
    """"قتل ثلاثة مدنيين بقصف على قرية في ريف الحسكة": an unnamed settlement that one of the
    group's own places locates (only locating words between them) is where the group's event was,
    not another place."""
    from marsad.geo.places import _locating_words
    tokens, words = a.doc.tokens, _locating_words()
    for w in g.places:
        start = w.mention.tok_start
        if end <= start <= end + LOCATED_GAP and all(
                tokens[t].text in words or tokens[t].text[1:] in words for t in range(end, start)):
            return True
    return False


def _elsewhere(a: Analysis, c: Casualty, g: Group) -> bool:
    """"كما قتل طفل في غارة ... في قرية في شرق المحافظة": the count's own clause names a place
    (a place noun) that is none of the group's places, so the death happened elsewhere."""
    from marsad.geo.places import _place_noun_matcher
    from marsad.stages.clauses import clause_at
    doc = a.doc
    sent = doc.sentence_of_token(c.tok_start)
    end = min(sent.tok_end, c.tok_end + 6)
    # not past the count's own clause: "قتلت امرأة بقصف على حرستا، وتعرضت بلدة مسرابا لقصف مماثل"
    # names the second town in a clause of its own event
    last = clause_at(a, max(c.tok_start, c.tok_end - 1))
    if last is not None and last.kind in ("coordinate", "main") and \
            (nxt := clause_at(a, last.tok_end)) is not None and nxt.kind == "coordinate" and nxt.unit != last.unit:
        end = min(end, last.tok_end)
    nouns = [m for m in _place_noun_matcher().find(doc, c.tok_start, end)]
    own = {t for w in g.places for t in range(w.mention.tok_start, w.mention.tok_end)}
    # containers locate the group's places: "البارة في جبل الزاوية"
    placed = a.memo.get("non_event_place_tokens")
    if placed is None:
        placed = a.memo["non_event_place_tokens"] = frozenset(
            t for pm in a.places.mentions if pm.role != "event" for t in range(pm.tok_start, pm.tok_end))
    own |= placed
    settlements = cue_words("lone_place_noun")
    named = {pm.tok_start for pm in a.places.mentions}
    # "سقوط صاروخ على مخيم لنازحي X": a camp told by the people it holds is the event's own site
    displaced = set(cue_starts(doc, "displaced_of"))
    nouns = [m for m in nouns if m.tok_end not in displaced]
    for m in nouns:
        if m.tok_end not in own and m.tok_start not in own and \
                not any(w.mention.tok_start <= m.tok_end < w.mention.tok_end + 1 for w in g.places) and \
                not _located_by_own(a, m.tok_end, g):
            word = doc.tokens[m.tok_start].text
            if word in cue_words("area_noun"):
                continue
            # "في قرية في شرق المحافظة" is another place even unnamed; "على حاجز أمني" (a site, no
            # name) is where the group's own event was
            if word.lstrip("وبل") not in settlements and word not in settlements and \
                    not named & {m.tok_end, m.tok_end + 1}:
                continue
            return True
    return False


# How many words after خلال/أثناء the protest a killing took place during may stand ("خلال أحدث موجة
# من مسيرة العودة").
DURING_PROTEST_WORDS = 5


def _cause_of_the_protest(a: Analysis, c: Casualty) -> bool:
    """Is the killing told as a protest's cause ("احتجاجا على مقتل"، "تنديدا بمقتل"، "إحياء لذكرى
    مقتل") and not as done during a protest ("... خلال مظاهرات خرجت الجمعة")?"""
    sent = a.doc.sentence_of_token(c.tok_start)
    lo = max(sent.tok_start, c.tok_start - 2)
    causes = cue_words("protest_cause")
    if not any(a.doc.tokens[t].text.lstrip("و") in causes for t in range(lo, c.tok_start)):
        return False
    # "حدادا على عشرات الذين قتلوا بالرصاص خلال أحدث موجة من مسيرة العودة": killed during a protest
    during = [t for t in range(c.tok_start, sent.tok_end) if a.doc.tokens[t].text in cue_words("during_word")]
    return not any(h.mention.event_type == "Protests" and 0 < h.mention.tok_start - t <= DURING_PROTEST_WORDS
                   for t in during for h in a.hits)


# How many words after a death count the word of its cause may stand ("مقتل 16 وإصابة المئات برصاص").
CAUSE_WORDS = 4


def _owner_of(a: Analysis, c: Casualty, owners: list[Group]) -> Group | None:
    """The group a death count belongs to when its sentence feeds several."""
    violent = [o for o in owners if o.etype in VIOLENT_TYPES] or owners
    if len(violent) == 1:
        return violent[0]
    if _joint_cause(a, c, violent):
        return None
    from marsad.stages.statement_days import day_of_the_protest_during
    # "احتجاجا على مقتل 16 برصاص الجيش خلال مظاهرات خرجت الجمعة": the dead of the protest's day
    day = day_of_the_protest_during(a, c.tok_start, c.tok_start + 1)
    on_day = [o for o in violent if day is not None and o.when.start == day.date_start]
    if len(on_day) == 1:
        return on_day[0]
    from marsad.stages.tolls_means import split_by_means
    from marsad.stages.tolls_places import joined_by_wa
    # "ثلاثة جنود قتلوا خلال الانفجار، بينما قتل أربعة آخرون في الاشتباك": each count by its means
    by_means = split_by_means(a, c, violent)
    if by_means is not None:
        return by_means
    by_cause = {id(o): o for o in violent if len({x.when.key for x in violent}) > 1 and any(
        c.tok_start <= f.hit.mention.tok_start <= c.tok_end + CAUSE_WORDS for f in o.members)}
    if len(by_cause) == 1:
        return next(iter(by_cause.values()))  # "مقتل 16 برصاص الجيش خلال مظاهرات الجمعة": its cause's day
    sent = a.doc.sentence_of_token(c.tok_start)
    # the place named right after the count (before the next count), else the nearest before it
    nxt = min([x.tok_start for x in a.casualties
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
        near, owner = min(before, key=lambda x: x[0])
        # "انفجرت سيارتان مفخختان في المقدادية وبعقوبة مما أدى إلى مقتل تسعة": a count after a list
        # of places is their sum, no one place's toll
        listed = [(c.tok_start - w.mention.tok_start, o) for o in violent for w in o.places
                  if sent.tok_start <= w.mention.tok_start < c.tok_start]
        if any(o.where.town_key != owner.where.town_key and 0 < d - near <= LIST_GAP_WORDS for d, o in listed) and \
                joined_by_wa(a, c.tok_start - near):
            return None
        return owner
    # same place for all (several types at one town): the nearest trigger
    triggers = [(abs(m.hit.mention.tok_start - c.tok_start), o) for o in violent for m in o.members
                if a.sentence_index(m.hit.mention.tok_start) == sent.index]
    towns = {o.where.town_key for o in violent}
    if triggers and len(towns) == 1:
        return min(triggers, key=lambda x: x[0])[1]
    return None


# How many words before the last place of a list ("X وY"، "X، Y وZ") the place before it may end.
LIST_GAP_WORDS = 3


def _joint_cause(a: Analysis, c: Casualty, violent: list[Group]) -> bool:
    """"لقي 13 عنصراً مصرعهم في قصف مدفعي ومعارك عنيفة": a count told of two kinds of violence
    joined by و in its clause is their sum, given to neither (the guide: each event takes only
    the part the text gives it; "هجوم تحت غطاء من القصف" names a means, not a second cause)."""
    from marsad.stages.clauses import clause_at
    clause = clause_at(a, c.tok_start)
    hits = sorted((m.hit.mention.tok_start, m.hit.mention.tok_end, o.etype) for o in violent for m in o.members
                  if clause.tok_start <= m.hit.mention.tok_start < clause.tok_end)
    return any(t2 - e1 <= 1 and kind1 != kind2 and a.doc.tokens[t2].text.startswith("و")
               for (_, e1, kind1), (t2, _, kind2) in zip(hits, hits[1:]))


def victim_actors(a: Analysis, c: Casualty) -> list[ActorMention]:
    """Actors naming the victims' side: "أربعة مقاتلين من الجيش الوطني", not the killers before the count."""
    found = a.memo.setdefault("victim_actors", {})
    if id(c) not in found:
        found[id(c)] = _victim_actors(a, c)
    return found[id(c)]


def _victim_actors(a: Analysis, c: Casualty) -> list[ActorMention]:
    lo = c.victim_start if c.victim_start is not None else c.start
    # conjuncts of one list share a span: stop at the next conjunct's victim noun
    hi = min([x.victim_start for x in a.casualties
              if x.start == c.start and x.victim_start is not None and x.victim_start > lo] + [c.end])
    # "قتل تسعة فلسطينيين برصاص الجنود الإسرائيليين": the killers named after the victims are none
    doc = a.doc
    killers = [doc.tokens[m.tok_start].start for m in cue_matcher("killer_marker").find(doc, c.tok_start, c.tok_end)]
    raw_killers = [doc.span(k, k + 1).start for k in killers]
    hi = min([k for k in raw_killers if k > lo] + [hi])
    # "أربعة أشخاص قتلوا في الغارة الجوية الإسرائيلية": the side named after an event word the
    # victims stand before is the striker's, not the victims'
    after = c.victim_end if c.victim_end is not None else lo
    hi = min([h.mention.start for h in a.hits if after <= h.mention.start < hi] + [hi])
    return [x for x in a.actors if lo <= x.start < hi and x.actor != "Unidentified Armed Group"]


def _pronoun_death(a: Analysis, c: Casualty) -> bool:
    word = a.doc.tokens[c.tok_start].text
    return word.endswith(("ه", "هم", "ها", "هما")) and not word.endswith(cue_phrases("death_word_final_ha"))


def fatalities(a: Analysis, cas: list[Casualty]) -> tuple[int, int, int, list[Casualty]]:
    """Conservative total: per victim group, headline numbers are alternatives to the body's,
    equal body numbers are restatements, different ones add."""
    return _totals(a, cas)


def toll(a: Analysis, g: Group) -> tuple[int, int, int, list[Casualty], list[Casualty]]:
    """(best, low, high, counts used, large counts set aside as not tied to the event)."""
    cas = group_casualties(a, g)
    # "وجاء في بيان للتنظيم أن 22 شخصا قتلوا في الهجوم": the attacker's own figure is no toll
    # beside a security source's or a reporter's
    from marsad.stages.tolls_totals import perpetrators_claims
    claimed = perpetrators_claims(a, cas)
    cas = [c for c in cas if c not in claimed]
    if all(m.subtype == "Arrests" for m in g.members):
        # "تعلن اعتقال الجاني" after "مقتل شرطي"، "اعتقال رجل يشتبه في مقتل شرطي": an arrest kills no
        # one; a death told with it is the crime it answers, set aside
        return 0, 0, 0, [], cas
    untied = [c for c in cas if not tied(a, c, g)]
    # "أن 139 مسلحا قتلوا خلال المعارك، بينما أفادت مصادر حوثية بمقتل أكثر من 50 من القوات": a count
    # set against a large count not tied to the event (بينما، فيما، في حين) is the other side's
    # claim over the same span (not a tally it adds to: "سقط 45 قتيلا ليرتفع العدد إلى 305")
    untied += [c for c in cas if c not in untied and any(
        _claims_against(a, c, x) for x in untied if max(x.count or 0, x.high or 0) >= LARGE_TOLL)]
    counted = [c for c in cas if c not in untied]
    # "وكان المركز أكد سقوط 27 قتيلا في حصيلة مبدئية" beside "ارتفاع الحصيلة إلى 55": a preliminary
    # count is superseded by a larger toll of the event, never added to it
    superseded = _superseded(a, counted)
    counted = [c for c in counted if c not in superseded]
    # "سقط 25 قتيلا ... ليرتفع عدد القتلى إلى 305 خلال ثلاثة أيام": a running tally holds the counts
    # told before it; one over several days is no day's toll, one of the event is its new total
    tallies = [c for c in counted if _running_tally(a, c) or toll_statement(a, c)]
    if tallies and len(tallies) < len(counted):
        counted = [c for c in counted if c not in tallies]
        untied += [c for c in tallies if _over_days(a, c) or _since_a_date(a, c)]
        tallies = [c for c in tallies if c not in untied]
    else:
        tallies = []
    best, low, high, used = _totals(a, counted)
    # "قتل 30 في عفرين، من بينهم 12 في غارة على جنديرس": the part placed elsewhere is that event's
    gone = sum(c.count or 0 for c in _parts_elsewhere(a, g, used))
    if gone and gone < best:
        best, low, high = best - gone, max(0, low - gone), max(0, high - gone)
    for c in tallies:
        if (c.count or 0) > best:
            best, low, high = c.count, max(low, c.low or c.count), max(high, c.high or c.count)
        elif c.count and exact(c) and c.tok_start > max(x.tok_start for x in counted) and \
                c.count >= max(x.count or 0 for x in counted):
            # "ثلاثة موظفين وأربعة حراس قتلوا ... بيد أن الوزارة أجملت لاحقاً عدد القتلى 12": a toll
            # told after every other count of the event is its whole toll, not less than the parts
            best = low = high = c.count
        used = used + [c]
    if not cas:
        killing = _named_killing(a, g)
        if killing is not None:
            return 1, 1, 1, [killing], untied
    return best, low, high, used + superseded, untied


def _superseded(a: Analysis, counted: list[Casualty]) -> list[Casualty]:
    """The counts of deaths told as preliminary or earlier (حصيلة أولية، حصيلة مبدئية، في وقت
    سابق: the count nearest the marker in its sentence) when another count of the event is larger."""
    marked = []
    for c in counted:
        if c.kind not in ("killed", "mixed") or not c.count:
            continue
        sent = a.doc.sentence_of_token(c.tok_start)
        for m in cue_matcher("preliminary_toll").find(a.doc, sent.tok_start, sent.tok_end):
            mine = [x for x in counted if x.kind == c.kind and x.count
                    and sent.tok_start <= x.tok_start < sent.tok_end]
            nearest = min(mine, key=lambda x: min(abs(x.tok_start - m.tok_end), abs(m.tok_start - x.tok_end)))
            if nearest is c:
                marked.append(c)
                break
    return [c for c in marked if any(x.kind == c.kind and (x.count or 0) > c.count
                                     for x in counted if x not in marked)]


def _named_killing(a: Analysis, g: Group) -> Casualty | None:
    """"اغتيل الوزير السابق محمد شطح": an assassination or execution of someone the report names
    without a count kills one person (an attempt, محاولة اغتيال, is another trigger), whatever its
    means."""
    words = cue_words("killing_word")
    for m in g.members:
        mention = m.hit.mention
        # (an assassination by a blast is typed by the blast: "اغتيل الوزير بتفجير سيارة مفخخة")
        if m.etype in ("Violence against civilians", "Battles", "Explosions/Remote violence") and \
                normalise_term(mention.text).split()[0].lstrip("و") in words:
            return Casualty(mention.start, mention.end, mention.text, "killed", 1, 1, 1,
                            tok_start=mention.tok_start, tok_end=mention.tok_end)
    return None


# Victim keys that name a kind of victim, not a side (casualties.py's victim classes).
_VICTIM_KINDS = ("unknown", "security", "fighters")


def _same_kind(a: Analysis, kind: str, other: str) -> bool:
    """Can victims of ``kind`` be the victims keyed ``other`` (a side or another kind)?"""
    if kind == "unknown":
        return True
    if other in ("unknown", "civilians") or other.startswith("others:"):
        return False
    if other in _VICTIM_KINDS:
        return True  # soldiers are fighters
    code = a.kb.inter(other)
    return code in (1, 8) if kind == "security" else code in (1, 2, 3, 4, 8)


# Two tolls of the same event and kind of victims are one told twice when they are equal, or
# when both are at least RESTATED_MIN and differ by at most RESTATED_SHARE (sources that give 70
# and 75); smaller different numbers are different victims (4 in one strike, 2 in the next).
RESTATED_MIN = 10
RESTATED_SHARE = 0.25


def restates(x: int, y: int) -> bool:
    if x == y:
        return True
    return min(x, y) >= RESTATED_MIN and abs(x - y) <= RESTATED_SHARE * max(x, y)


def _vague_holds(vague: tuple[int, int, int], exact: tuple[int, int, int]) -> bool:
    """Is ``vague`` a count of no exact number (عشرات: 10 to 99) whose range holds the exact
    count ``exact`` (29)? Then it tells the same dead without their number."""
    _, lo, h = vague
    b, elo, eh = exact
    return lo < h and elo == eh == b and lo <= b <= h and h >= VAGUE_SPAN * max(lo, 1)


# How many times its lowest value a count's highest must be for it to be vague (عشرات: 10 to 99),
# not a number told with a margin (نحو 40: 36 to 44).
VAGUE_SPAN = 3


def _others_after(a: Analysis, c: Casualty) -> bool:
    """Does "others" follow the victim noun ("قتلت أربعة أطفال آخرين")?"""
    if c.victim_end is None:
        return False
    tokens = a.doc.tokens
    after = next((t for t in range(c.tok_start, c.tok_end)
                  if a.doc.span(tokens[t].start, tokens[t].end).start >= c.victim_end), None)
    return after is not None and tokens[after].text in cue_words("others_word")


def _totals(a: Analysis, cas: list[Casualty]) -> tuple[int, int, int, list[Casualty]]:
    def victim_key(c: Casualty) -> str:
        if c.victim is not None and (normalise_term(c.victim) in cue_words("others_word") or _others_after(a, c)):
            return f"others:{c.start}"  # "وقتل 3 آخرون": more dead, never the same ones again
        for x in victim_actors(a, c):
            if x.actor != "Civilians":
                return x.actor
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
            entries = by_key.setdefault(key, [])
            # the same toll told again, or by another source (70 by one, 75 by another)
            same = [i for i, (b, _, _) in enumerate(entries) if restates(b, best)]
            vague = [i for i, e in enumerate(entries) if _vague_holds(e, (best, low, high))
                     or _vague_holds((best, low, high), e)]
            if same:
                b, lo, h = entries[same[0]]
                entries[same[0]] = (min(b, best), min(lo, low), max(h, high, b, best))
            elif vague:
                # "مصرع عشرات الأشخاص" and "مقتل 29 طفلا": tens that hold 29 are those 29
                e = entries[vague[0]]
                entries[vague[0]] = e if e[1] == e[2] else (best, low, high)
            else:
                entries.append((best, low, high))
        # a toll of people of no stated kind restates a close toll of a stated kind; a toll of a
        # kind ("مقتل خمسة جنود") restates the same toll of a side of that kind ("خمسة من عناصر
        # الجيش") told in another sentence of the event
        for key in [k for k in by_key if k in _VICTIM_KINDS]:
            for entry in list(by_key[key]):
                for other, entries in by_key.items():
                    if other == key or not _same_kind(a, key, other):
                        continue
                    hit = next((i for i, e in enumerate(entries) if restates(e[0], entry[0])), None)
                    if hit is None:
                        # "قتلت العشرات" of no stated kind and "مقتل 29 طفلا": the 29
                        hit = next((i for i, e in enumerate(entries) if _vague_holds(entry, e)), None)
                        if hit is not None:
                            by_key[key].remove(entry)
                            break
                    if hit is not None:
                        b, lo, h = entries[hit]
                        entries[hit] = (min(b, entry[0]), min(lo, entry[1]), max(h, entry[2], b, entry[0]))
                        by_key[key].remove(entry)
                        break
        return {k: v for k, v in by_key.items() if v}

    # "ما أسفر عن مقتله": a pronoun refers back to victims counted elsewhere
    anaphoric = [c for c in cas if c.victim is None and _pronoun_death(a, c)]
    # (only beside a count of its own: "يقتل فلسطينيين" in a headline gives no number to replace it)
    if any(c.count for c in cas if c not in anaphoric):
        cas = [c for c in cas if c not in anaphoric]
    else:
        anaphoric = []
    head = [c for c in cas if a.doc.sentence_of_token(c.tok_start).is_heading]
    body = [c for c in cas if c not in head]
    # "قتل جنديان ..." then "أسفر عن مقتل ثلاثة أشخاص بينهم الجنديان": the later total holds them
    from marsad.stages.tolls_totals import held_by_earlier_total, held_by_later_total
    counted = [c for c in body if not victim_key(c).startswith("others:")]
    held = held_by_later_total(a, counted) | held_by_earlier_total(a, counted)
    body = [c for c in body if id(c) not in held]
    # "قتل أربعة أشخاص ... أدى إلى مقتل شخصين على الفور واثنين آخرين لاحقاً": a total told again
    # by its parts counts once
    parts = breakdown_parts(a, body, victim_key)
    body = [c for c in body if c not in parts]
    body_t = {k: (sum(b for b, _, _ in v), sum(lo for _, lo, _ in v), sum(h for _, _, h in v))
              for k, v in totals(body).items()}
    head_t = {k: (min(b for b, _, _ in v), min(lo for _, lo, _ in v), max(h for _, _, h in v))
              for k, v in totals(head).items()}
    # "غارة تقتل 18 طفلا" over "قتل 18 طفلا وثلاث نساء": a headline that gives one part of the body's
    # list tells that part, not another total
    parts: dict[str, set[int]] = {}
    for c in body:
        if c.count:
            parts.setdefault(victim_key(c), set()).add(c.count)
    best = low = high = 0
    for k, (b, lo, h) in body_t.items():
        if k in head_t and head_t[k][0] in parts.get(k, ()) and head_t[k][0] < b:
            best, low, high = best + b, low + lo, high + max(h, b)
        elif k in head_t and head_t[k] != (0, 0, 0):
            # ("جيش الاحتلال يقتل فلسطينيين" over "وفاة اثنين": a headline with no number caps nothing)
            hb, hlo, hh = head_t[k]
            best += min(b, hb)
            low += min(lo, hlo)
            high += max(h, hh, b, hb)
        else:
            best, low, high = best + b, low + lo, high + max(h, b)
    # "مقتل ثلاثة أشخاص بينهم ضابط" over "قتل ضابط": a headline total whose part (بينهم) is all the
    # body tells holds it; the total is the toll
    from marsad.stages.tolls_totals import subgroups_of
    for c in head:
        told = [p.count for p in subgroups_of(a, c)] if c.count and exact(c) else []
        if told and best < c.count and (best in told or best == sum(told)):
            best = low = c.count
            high = max(high, c.count)
    extra = {k: v for k, v in head_t.items() if k not in body_t}
    if extra:
        eb = sum(v[0] for v in extra.values())
        if not body_t:
            best, low, high = eb, sum(v[1] for v in extra.values()), sum(max(v[2], v[0]) for v in extra.values())
        elif eb > best:
            high = max(high, eb)
    return best, min(low, best), max(high, best), cas + anaphoric


# How many other tellings of a toll the search for a total's parts looks at (the search tries
# their subsets).
BREAKDOWN_MAX_TELLINGS = 10


# An approximate count that is a multiple of this (نحو 40، قرابة 25) is a rounded one, no part of an
# exact sum; one that is not ("حوالي 29 فردا من الطوارق") may be.
ROUND_COUNT = 5


def breakdown_parts(a: Analysis, body: list[Casualty], victim_key) -> set[Casualty]:
    """Counts that tell again, part by part, a total the event's text gives in another sentence:
    "قتل أربعة أشخاص في تفجير ..." then "أدى إلى مقتل شخصين على الفور واثنين آخرين لاحقاً"; "قتل
    خمسة من عناصر النظام ولواء القدس" then "مقتل اثنين من عناصر قوات النظام" and "أعلن لواء القدس
    مقتل ثلاثة من عناصره". Two or more exact counts, each of victims the total may hold, that
    add up to it exactly are its parts: the total counts once. A part may have gone to no event
    or to another one (a fight told by a campaign's name): it still shows the others to be parts."""
    from itertools import combinations
    tellings: dict[int, list[Casualty]] = {}
    for c in body:
        tellings.setdefault(c.start, []).append(c)
    if not tellings:
        return set()
    own = set(tellings)
    for c in a.casualties:
        if c.start not in own and c.kind == "killed" and not c.subgroup and \
                not a.doc.sentence_of_token(c.tok_start).is_heading:
            tellings.setdefault(c.start, []).append(c)
    if len(tellings) < 2:
        return set()
    info = []
    for start, cs in tellings.items():
        if any(c.count is None or ((c.low is not None and c.low != c.count) or
                                   (c.high is not None and c.high != c.count)) and c.count % ROUND_COUNT == 0
               for c in cs):
            continue  # a vague or rounded count is no exact sum (عشرات، نحو 40); "حوالي 29" may be one
        keys = {victim_key(c) for c in cs}
        sides = {x.actor for c in cs for x in victim_actors(a, c)}
        if all(c.victim is not None and normalise_term(c.victim) in cue_words("generic_person_noun") for c in cs):
            sides.add("unknown")  # "تسعة أشخاص": people of any kind, fighters among them
        info.append((sum(c.count for c in cs), a.sentence_index(cs[0].tok_start), keys, keys | sides, start,
                     len(cs)))
    dropped: set[int] = set()
    for total, sent, keys, holds, start, _ in sorted(info, key=lambda x: -x[0]):
        if start in dropped or start not in own:
            continue
        candidates = [x for x in info if x[4] != start and x[4] not in dropped and x[1] != sent and
                      0 < x[0] <= total and all(_may_hold(a, holds, k) for k in x[2])]
        candidates = candidates[:BREAKDOWN_MAX_TELLINGS]
        # two tellings or more, or one that lists two counts or more ("قتلت أربعة مقاتلين ومدنيين اثنين")
        found = next((combo for n in range(1, len(candidates) + 1) for combo in combinations(candidates, n)
                      if (n > 1 or combo[0][5] > 1) and sum(x[0] for x in combo) == total
                      and any(x[4] in own for x in combo)), None)
        if found is not None:
            dropped.update(x[4] for x in found)
    return {c for c in body if c.start in dropped}


def _may_hold(a: Analysis, holds: set[str], key: str) -> bool:
    """May a total whose victims are keyed or named ``holds`` hold victims keyed ``key``?"""
    if key in holds or key.startswith("others:") or "unknown" in holds or key == "unknown":
        return True
    if key == "civilians":
        return any(h == "civilians" or a.kb.inter(h) == 7 for h in holds if h not in _VICTIM_KINDS)
    if key in _VICTIM_KINDS:
        return any(_same_kind(a, key, h) for h in holds)
    return any(h in _VICTIM_KINDS and _same_kind(a, h, key) for h in holds)
