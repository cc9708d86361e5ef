"""A total told after its part: "قتل جنديان في هجوم ... وقال مصدر إن الهجوم أسفر عن مقتل ثلاثة
أشخاص بينهم الجنديان" is three dead, not five.

A later count whose subgroup (بينهم، من بينهم، منهم) restates an earlier count of the event (the
same number of the same kind of people, or the two that, with the subgroup, make the total) is the
whole toll: the earlier counts are its parts and are not added to it.
"""
from __future__ import annotations

from marsad.cues import cue_matcher
from marsad.model import Casualty
from marsad.stages.analysis import Analysis


def subgroups_of(a: Analysis, total: Casualty) -> list[Casualty]:
    """The subgroup counts told with a total ("مقتل 4 أشخاص بينهم طفلان": the two children)."""
    sent = a.doc.sentence_of_token(total.tok_start)
    later = [c.tok_start for c in a.casualties if not c.subgroup and c.kind == total.kind
             and total.tok_start < c.tok_start < sent.tok_end]
    hi = min(later + [sent.tok_end])
    return [c for c in a.casualties if c.subgroup and c.kind == total.kind and c.count and
            (total.start <= c.start < total.end or total.tok_start < c.tok_start < hi)]


def held_by_later_total(a: Analysis, counts: list[Casualty]) -> set[int]:
    """ids of the counts a later total of the event holds: the total's subgroup restates one of
    them (the same number of people of a kind it may be), or the earlier counts and the subgroups
    add up to the total exactly."""
    held: set[int] = set()
    exact = _exact_counts(counts)
    for total in sorted(exact, key=lambda c: -c.tok_start):
        if id(total) in held:
            continue
        parts = subgroups_of(a, total)
        if not parts or _another_event(a, total):
            continue
        earlier = [c for c in exact if c.tok_start < total.tok_start and c is not total and id(c) not in held
                   and c.count < total.count]
        if not earlier or sum(c.count for c in earlier) > total.count:
            continue
        restated = [e for e in earlier if any(p.count == e.count and _may_be(p, e) for p in parts)]
        adds_up = sum(c.count for c in earlier) + sum(p.count for p in parts) == total.count
        if restated or adds_up:
            held.update(id(c) for c in earlier)
    return held


def held_by_earlier_total(a: Analysis, counts: list[Casualty]) -> set[int]:
    """ids of the later counts a total over several incidents holds: "قتل خمسة أشخاص في واقعتين
    منفصلتين ... وقال إن الهجوم الأول أدى إلى مقتل ثلاثة" is five dead, not eight. The total's own
    sentence names two or more incidents (``several_incidents``: في هجومين، في واقعتين منفصلتين،
    في هجمات متفرقة); the smaller counts after it, of a kind its people may be, that together do
    not pass it are its parts."""
    held: set[int] = set()
    exact = _exact_counts(counts)
    several = cue_matcher("several_incidents")
    for total in sorted(exact, key=lambda c: c.tok_start):
        if id(total) in held:
            continue
        sent = a.doc.sentence_of_token(total.tok_start)
        later = [c for c in exact if c.tok_start > total.tok_start and id(c) not in held and not c.subgroup and
                 c.count < total.count and _may_be(c, total)]
        # the incidents named in the total's sentence, before the first part told after it
        hi = min([c.tok_start for c in later if c.tok_start < sent.tok_end] + [sent.tok_end])
        if not several.find(a.doc, sent.tok_start, hi):
            continue
        if later and sum(c.count for c in later) <= total.count:
            held.update(id(c) for c in later)
    return held


def _exact_counts(counts: list[Casualty]) -> list[Casualty]:
    """The counts told as a number of people without a margin (tolls.exact), none of them zero."""
    from marsad.stages.tolls import exact
    return [c for c in counts if c.count and exact(c)]


def _may_be(part: Casualty, earlier: Casualty) -> bool:
    """May a total's subgroup be the people an earlier count told (by their kind)?"""
    x, y = part.victim_class or "unknown", earlier.victim_class or "unknown"
    return x == y or "unknown" in (x, y) or {x, y} <= {"security", "fighters"}


def _another_event(a: Analysis, c: Casualty) -> bool:
    """Is the count told of another event ("في غارة أخرى"، "بهجوم آخر": an event word with
    "other" after it in the count's unit)?"""
    from marsad.cues import cue_words
    from marsad.stages.clauses import clause_at, unit_range
    clause = clause_at(a, c.tok_start)
    if clause is None:
        return False
    lo, hi = unit_range(a, clause.unit)
    others, tokens = cue_words("others_word"), a.doc.tokens
    return any(lo <= h.mention.tok_start < hi and h.mention.tok_end < len(tokens) and
               tokens[h.mention.tok_end].text in others for h in a.hits)


# How many sentences back the event a count of a placeless retelling may stand.
RETOLD_BACK_SENTENCES = 3


def toll_of_placeless_retelling(a: Analysis, c: Casualty) -> list:
    """"قصف طائرة مسيرة سيارة في مدينة X ... وقال مصدر إن طائرة مسيرة استهدفت سيارة ما أدى إلى
    مقتل 4 أشخاص": a count in a unit whose event words are told with no place (so they built no
    frame) belongs to the violent event told last before it (within RETOLD_BACK_SENTENCES
    sentences) when one of those words names its kind (the same sub-type) and that event is the
    only one there (a governorate told with its own district is the district's event)."""
    from marsad.stages.analysis import VIOLENT_TYPES
    from marsad.stages.clauses import clause_at, unit_range
    from marsad.stages.tolls import _pronoun_death
    clause = clause_at(a, c.tok_start)
    if clause is None or (c.victim is None and _pronoun_death(a, c)) or _days_before(a, clause.tok_start, c.tok_start):
        return []  # "بعد خمسة أيام من مقتله": a death told by the time since it, a man told before
    lo, hi = unit_range(a, clause.unit)
    kinds = {h.mention.sub_event_type for h in a.hits if lo <= h.mention.tok_start < hi and h.reports_event}
    if not kinds or any(lo <= d.tok_start < hi and d.tense != "current" for d in a.dates):
        return []  # "ومنذ عام 2015، قتل عشرات في هجمات ...": a span's dead, no retelling of the day's event
    from marsad.stages.discourse import counts_since_then, pluperfect
    if pluperfect(a, lo, hi):
        return []  # "وكانت مواجهات دارت قبل أيام وأدت إلى سقوط قتلى": a recap
    if _names_a_place(a, lo, hi) or any(lo <= pm.tok_start < hi for pm in a.places.mentions):
        return []  # "قتل 20 عنصراً في معارك بجبهة حام"، "في معارك حماة": a place or campaign of its own
    here = a.sentence_index(c.tok_start)
    if any(here in g.sentences for g in a.groups):
        return []  # a clause beside an event's own ("بعد خمسة أيام من مقتله في المواجهات السابقة")
    for back in range(here - 1, max(-1, here - 1 - RETOLD_BACK_SENTENCES), -1):
        told = [g for g in a.groups if back in g.sentences and g.etype in VIOLENT_TYPES]
        if not told:
            if any(a.sentence_index(h.mention.tok_start) == back and h.status == "background" for h in a.hits):
                return []  # "يذكر أنه في الخامس من الشهر انفجرت سيارة مفخخة": the recap is told last
            if counts_since_then(a, a.doc.sentences[back]):
                return []  # "ووثقت المصادر 85 هجوما منذ بداية العام. وبلغت حصيلة القتلى جراء تلك الهجمات 40"
            continue
        told = [g for g in told if not any(_seat_of(g, o) for o in told if o is not g)]
        if len(told) != 1 or not kinds & {m.subtype for m in told[0].members}:
            return []
        return told
    return []


def _days_before(a: Analysis, lo: int, hi: int) -> bool:
    """Does tokens [lo, hi) count days or longer ("بعد خمسة أيام من")?"""
    from marsad.cues import cue_words
    days, tokens = cue_words("day_unit"), a.doc.tokens
    return any(lo <= q.tok_start and q.tok_end < hi and tokens[q.tok_end].text in days for q in a.quantities())


def _names_a_place(a: Analysis, lo: int, hi: int) -> bool:
    """Does tokens [lo, hi) name an event place, or a place or front noun with a name after it?"""
    from marsad.cues import cue_matcher
    if any(lo <= pm.tok_start < hi and pm.role == "event" for pm in a.places.mentions):
        return True
    nouns = list(cue_matcher("place_noun", suffixes=False).find(a.doc, lo, hi)) + \
        list(cue_matcher("front_noun", suffixes=False).find(a.doc, lo, hi))
    tokens = a.doc.tokens
    # "في مستشفى بالمدينة": a definite noun refers back to a place told already
    return any(m.tok_end < hi and not tokens[m.tok_start].text.lstrip("وبلف").startswith("ال") for m in nouns)


def _seat_of(g, other) -> bool:
    """Is the group's place the governorate (or its seat) that holds the other group's place?"""
    p, q = g.where.place, other.where.place
    return p is not None and q is not None and p is not q and q.admin1 is not None and \
        p.name == q.admin1 and getattr(p, "kind", None) in ("city", "admin1") and g.where.precision <= other.where.precision


# How many sentences after a toll told by a generic strike noun its event may be told.
STRIKE_AHEAD_SENTENCES = 2

# The event sub-types a generic strike noun (ضربات) may name.
STRIKE_TYPES = ("Air/drone strike", "Shelling/artillery/missile attack")


def toll_before_its_event(a: Analysis, c: Casualty) -> list:
    """"إن 22 من المسلحين قتلوا جراء ضربات قوات التحالف" then "نفذت القوات 18 غارة جوية على
    المواقع على مشارف الحديدة": a count whose unit tells its cause only by a generic strike noun
    (no event word, so no frame) belongs to the one air or missile strike told in the next
    STRIKE_AHEAD_SENTENCES sentences, when the unit names no place, date or span of its own."""
    from marsad.cues import cue_matcher
    from marsad.stages.analysis import VIOLENT_TYPES
    from marsad.stages.clauses import clause_at, unit_range
    from marsad.stages.discourse import pluperfect
    from marsad.stages.tolls import _pronoun_death
    clause = clause_at(a, c.tok_start)
    if clause is None or (c.victim is None and _pronoun_death(a, c)):
        return []
    lo, hi = unit_range(a, clause.unit)
    if any(lo <= h.mention.tok_start < hi and h.reports_event and h.mention.strength == "strong" for h in a.hits) or \
            not cue_matcher("strike_noun").find(a.doc, c.tok_start, hi):
        return []  # a strong event word of the unit's own would have told its event
    if any(lo <= d.tok_start < hi for d in a.dates) or pluperfect(a, lo, hi) or _days_before(a, lo, hi):
        return []
    # the places told with the count (not the speaker's: "وقالت مصادر طبية في منطقة العمليات إن")
    places = [pm for pm in a.places.mentions if c.tok_start <= pm.tok_start < hi and pm.role == "event"]
    here = a.sentence_index(c.tok_start)
    if any(here in g.sentences for g in a.groups):
        return []
    for ahead in range(here + 1, here + 1 + STRIKE_AHEAD_SENTENCES):
        told = [g for g in a.groups if ahead in g.sentences and g.etype in VIOLENT_TYPES]
        if not told:
            continue
        if len(told) == 1 and {m.subtype for m in told[0].members} & set(STRIKE_TYPES) and \
                all(pm.place is not None and pm.place == told[0].where.place for pm in places):
            return told  # the unit names no place, or the strike's own ("على مدينة البوكمال")
        return []
    return []


# ACLED actor types whose statements about their own attacks are claims, not tolls: rebel groups and
# political militias (the perpetrators of insurgent attacks).
CLAIMING_INTER = (2, 3)


def perpetrators_claims(a: Analysis, cas: list[Casualty]) -> list[Casualty]:
    """Counts told in the content of a statement by an armed group ("وجاء في بيان للتنظيم أن 22
    شخصا قتلوا في الهجوم"): the attacker's own figure, set aside when a count from anyone else
    (a security source, a reporter) tells the same event."""
    from marsad.cues import cue_matcher
    from marsad.stages.clauses import clause_at
    claims = []
    for c in cas:
        clause = clause_at(a, c.tok_start)
        if clause is None or clause.kind != "content":
            continue
        # the speaker is named in the clause that opens the content ("وجاء في بيان للتنظيم"), not
        # earlier in the sentence ("أعلن التنظيم مسؤوليته ... وكان مصدر أمني قال إن")
        before = clause_at(a, clause.tok_start - 1) if clause.tok_start > 0 else None
        if before is None or before.sentence != clause.sentence:
            continue
        speakers = [x for x in a.actors if before.tok_start <= x.tok_start < clause.tok_start]
        if not speakers or a.kb.inter(speakers[-1].actor) not in CLAIMING_INTER:
            continue
        # its own statement (بيان، تسجيل), not a ministry's or a government's it runs ("وزارة الصحة
        # التابعة لحماس")
        if cue_matcher("statement_noun").find(a.doc, before.tok_start, clause.tok_start) and \
                not cue_matcher("institution_noun").find(a.doc, before.tok_start, clause.tok_start):
            claims.append(c)
    return claims if len(claims) < len(cas) else []


def evidence_span(a: Analysis, c: Casualty) -> tuple[int, int, str]:
    """The raw span a death count's evidence covers: its own, with a verb or noun of falling right
    before a death noun that counts itself ("بسقوط شهيد"، "سقط قتيل": the whole phrase)."""
    from marsad.cues import cue_matcher
    doc = a.doc
    start = c.start
    if c.tok_start > 0:
        for m in cue_matcher("fall_word").find(doc, max(0, c.tok_start - 1), c.tok_start):
            if m.tok_end == c.tok_start:
                tok = doc.tokens[m.tok_start]
                start = min(start, doc.span(tok.start, tok.end).start)
    return start, c.end, doc.raw[start:c.end]
