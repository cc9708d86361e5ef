"""Grouping: ACLED codes one event per actor pair, place and day.

Frames join a group when they share the event type, the town (a neighbourhood or a
prison belongs to its town) and a compatible date and direction. A group that only the
headline or the lead sentence names is merged into the one body group of the same type
in the same governorate; a group placed only by the wider area around an event told in the
sentence before (same type, no dead of its own) is that event told again; a group placed only
at a governorate yields to a more precise event of the same type. A report whose lead tells no
event keeps only the events its sentences date.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from marsad.arabic.normalise import definite, normalise_term
from marsad.arabic.tokenise import stem_candidates
from marsad.cues import cue_matcher, cue_words
from marsad.geo.gazetteer import distance_km
from marsad.stages.analysis import ARMED_CODES, SETTLEMENT_KINDS, VIOLENT_TYPES, Analysis, Frame, Group, Where
from marsad.stages.clauses import clause_at, unit_range
from marsad.stages.frames import means_matcher
from marsad.stages.discourse import day_inside_span, lead_tells_event, own_current_date, reaction_names_known_event
from marsad.triggers import TARGETED, TERRITORY

_KIND_RANK = {"neighbourhood": 0, "facility": 0, "village": 1, "town": 1, "city": 2, "admin2": 3, "region": 3,
              "admin1": 4, "country": 5}


def group_frames(a: Analysis) -> None:
    """Stage: ``a.groups`` from ``a.frames``."""
    groups: list[Group] = []
    for c in a.frames:
        for g in groups:
            if g.etype == c.etype and g.where.town_key == c.where.town_key and g.when.compatible(c.when) and \
                    (g.where.direction is None or c.where.direction is None or
                     g.where.direction == c.where.direction) and not _other_striker(a, g, c):
                g.members.append(c)
                g.places.append(c.where)
                if day_inside_span(g.when, c.when) and _act_day(a, c):
                    g.when = c.when  # "خلال الساعات الماضية" beside the act's own day: the day
                if g.where.direction is None and c.where.direction:
                    g.where = replace(g.where, direction=c.where.direction)
                break
        else:
            groups.append(Group(c.etype, c.where, c.when, [c], [c.where]))
    # "ويأتي هذا القصف ...": a group made only of references back to told events is no event
    groups = [g for g in groups if not all(m.join_only for m in g.members)]
    # "وقال إن الكمين كان هجوما انتحاريا": one act told by two event words the text equates
    groups = _one_act_equated(a, groups)
    # "أسقطت الدفاعات بعض الصواريخ": interceptions of a strike the article tells at the same place
    # and time are part of that strike
    groups = [g for g in groups if not (_interceptions_only(a, g) and any(
        o.etype == "Explosions/Remote violence" and o.where.town_key == g.where.town_key and
        o.when.compatible(g.when) for o in groups))]
    # "محاولة اغتيال بانفجار عبوة ناسفة": the method makes the type (ACLED codes the explosion)
    for g in list(groups):
        if g.etype != "Violence against civilians" or any(m.subtype != "Attack" for m in g.members):
            continue
        for o in groups:
            # in a sentence of the explosion; or, told with weak words only (قتلوا، استهدف), anywhere
            # in the article: "غارة على حافلة في ضحيان ... واستهدف الهجوم الحافلة" is one strike
            # (with no dead of its own: two counts in different sentences would be added)
            weak_only = all(m.hit.mention.strength == "weak" for m in g.members) and not _kills(a, g)
            # "أطلق أربعة مسلحين النار على الحراس قبل أن يفجروا أنفسهم لتخلف العملية تسعة قتلى" after
            # "تسعة قتلى في هجوم انتحاري": the shooting's dead are the blast's, told again
            same_dead = bool(_death_counts(a, g)) and _death_counts(a, g) <= _death_counts(a, o)
            if o.etype != "Explosions/Remote violence" or not o.when.compatible(g.when):
                continue
            if o.where.town_key == g.where.town_key and (o.sentences & g.sentences or weak_only or same_dead):
                _fold(o, g, groups)
                break
            # "استهدف انفجار موكب المحافظ خلال زيارته لمحافظة X ... أن المنفذين أطلقوا النار على الموكب
            # في مدينة Y بعد التفجير": the blast told at the governorate or countryside and the attack
            # told at a town in it, tied to the blast, are one act: one event at the town
            wide, fine = (o, g) if _holds(o.where, g.where) else (g, o) if _holds(g.where, o.where) else (None, None)
            if wide is not None and (same_dead or (_blast_told_in(a, g) and not _kills(a, g))):
                wide.places = []  # the wider place does not displace the town
                o.where = fine.where
                _fold(o, g, groups)
                break
    groups = _weapons_of_the_fight(a, groups)
    groups = _shelling_of_the_fight(groups)
    groups = _fire_beside_the_fight(a, groups)
    groups = _crossfire_of_the_fight(a, groups)
    groups = _clashes_at_protests(a, groups)
    from marsad.stages.told_twice import clashes_of_a_killing
    groups = clashes_of_a_killing(a, groups)
    from marsad.stages.told_twice import clashes_with_the_attackers
    groups = clashes_with_the_attackers(a, groups)
    groups = _shootings_at_deadly_protests(a, groups)
    groups = _killings_at_protests_met_with_fire(a, groups)
    groups = _headline_of_a_recap(a, groups)
    groups = _dated_when_named_again(a, groups)
    groups = _battles_of_the_capture(a, groups)
    groups = _parts_at_one_point(a, groups)
    groups = _governorate_by_its_name(a, groups)
    from marsad.stages.told_twice import area_of_unnamed_places, one_act_told_twice
    groups = area_of_unnamed_places(a, groups)
    groups = one_act_told_twice(a, groups)
    from marsad.stages.restated import one_toll_told_again
    groups = one_toll_told_again(a, groups)
    a.groups = _merge_summaries(a, groups)
    if not lead_tells_event(a):
        # a report whose headings and lead tell no event (a statement, a trial, a policy, an
        # explainer) mentions events as background: only those its own sentences date are news
        # mentions events as background: only those its own sentences date, in the last days, are
        # news ("the strike of last week" in a story on arms deliveries is context)
        # (the day of a reaction that names the event, "دانت الأمم المتحدة الخميس قصف الأحياء", is not its own)
        a.groups = [g for g in a.groups if any(own_current_date(a, m.sentence) and
                                               not reaction_names_known_event(a, m.hit.mention) for m in g.members)
                    and _recent(a, g)]


# How many days before its article an event may lie and still be news in a report whose lead
# tells no event.
RECENT_DAYS = 2


def _one_act_equated(a: Analysis, groups: list[Group]) -> list[Group]:
    """"قتل 20 جنديا في كمين ... وقال إن الكمين كان هجوما انتحاريا"، "المواجهة، وهي هجوم انتحاري،
    وقعت عند ..."، "كان الكمين عبوة ناسفة": an event word the text equates with another by a copula
    (``equating_copula``: كان، هو، عبارة عن) names one act with it. Two groups of other types that
    hold the two words, at one place (or one holding the other) on a compatible day, are one event:
    the predicate says what the act was (the bombing, not the ambush), so its group takes the other's
    frames, places and dead."""
    kept = list(groups)
    for subject, predicate in _equated_words(a):
        g = next((x for x in kept if any(m.hit.mention.tok_start == subject for m in x.members)), None)
        o = next((x for x in kept if any(m.hit.mention.tok_start == predicate for m in x.members)), None)
        if g is None or o is None or g is o or g.etype == o.etype or not o.when.compatible(g.when):
            continue
        if g.where.town_key != o.where.town_key and not (_holds(g.where, o.where) or _holds(o.where, g.where)):
            continue
        if _holds(o.where, g.where):
            o.places = []  # the wider place does not displace the finer one
            o.where = g.where
        said = a.sentence_index(subject)
        kind = {m.subtype for m in g.members if m.hit.mention.tok_start == subject}
        for x in list(kept):
            # the act told before by the subject's word, at the place or the area around it (the lead's
            # "كمين في ريف حمص" that "الكمين" names again) goes too
            if x is o or x.etype != g.etype or not x.when.compatible(o.when) or \
                    (x is not g and (min(x.sentences) > said or {m.subtype for m in x.members} != kind)):
                continue
            if x.where.town_key == o.where.town_key or _holds(x.where, o.where) or \
                    (_same_governorate(x.where, o.where) and _coarser(x.where, o.where)):
                if x.where.town_key != o.where.town_key:
                    x.places = []
                _fold(o, x, kept)
    return kept


def _equated_words(a: Analysis) -> list[tuple[int, int]]:
    """(first token of the subject, first token of the predicate) of each pair of event words a copula
    equates: "الكمين كان هجوما"، "المواجهة، وهي هجوم" (only copulas between them) or "كان الكمين هجوما"
    (the copula before the subject, the predicate right after it)."""
    copulas = cue_matcher("equating_copula", suffixes=False).find(a.doc)
    if not copulas:
        return []
    ends = {c.tok_start: c.tok_end for c in copulas}
    starts = {c.tok_end for c in copulas}
    words = sorted({(h.mention.tok_start, h.mention.tok_end) for h in a.hits if h.reports_event})
    out = []
    for s_start, s_end in words:
        for p_start, _ in words:
            if p_start < s_end or a.doc.sentence_of_token(p_start) is not a.doc.sentence_of_token(s_start):
                continue
            t, linked = s_end, False
            while t < p_start and t in ends:
                t, linked = ends[t], True
            if (linked and t == p_start) or (p_start == s_end and s_start in starts):
                out.append((s_start, p_start))
    return out


def _striker(a: Analysis, f: Frame) -> str | None:
    """The first armed actor of the frame's unit (who strikes, or the positions struck)."""
    clause = clause_at(a, f.hit.mention.tok_start)
    if clause is None:
        return None
    lo, hi = unit_range(a, clause.unit)
    return next((x.actor for x in a.actors if lo <= x.tok_start < hi and a.kb.inter(x.actor) in ARMED_CODES), None)


def _other_striker(a: Analysis, g: Group, c: Frame) -> bool:
    """"قصف شنته مدفعية الحوثيين على تعز" and "وشن طيران التحالف غارات على تعز": a bombardment of
    another kind whose unit names another armed actor first is the other side's strike, another
    event; one side's shells and rockets on one town and day stay one."""
    if c.etype != "Explosions/Remote violence" or any(m.subtype == c.subtype for m in g.members) or \
            not _said_means(a, c) or not all(_said_means(a, m) for m in g.members):
        return False
    mine = _striker(a, c)
    return mine is not None and all(_striker(a, m) not in (None, mine) for m in g.members)


def _said_means(a: Analysis, f: Frame) -> bool:
    """Is the frame's kind of strike said by its own word (غارات) or a means in its unit (مدفعية)?"""
    if f.hit.mention.sub_event_type == f.subtype:
        return True
    clause = clause_at(a, f.hit.mention.tok_start)
    if clause is None:
        return False
    lo, hi = unit_range(a, clause.unit)
    return any(m.payload[1] == f.subtype for m in means_matcher().find(a.doc, lo, hi))


def _fold(into: Group, g: Group, groups: list[Group]) -> None:
    """Group ``g`` is part of ``into``: its frames and places join it and it leaves ``groups``."""
    into.members.extend(g.members)
    into.places.extend(g.places)
    groups.remove(g)


def _recent(a: Analysis, g: Group) -> bool:
    """Does the group's date lie within the last days before publication, all of it: a span such as
    "الأسبوع الماضي" that reaches further back ("إدلب التي تعرضت لغارات الأسبوع الماضي" in a story on
    talks) gives no day of the news, only a recap of the week?"""
    first = g.when.start or g.when.end
    return a.published is None or first is None or (a.published - first).days <= RECENT_DAYS


# The events weapons can be taken or destroyed in: fighting on the ground, strikes from afar.
_WEAPONS_TAKEN_IN = ("Armed clash", "Government regains territory", "Non-state actor overtakes territory",
                     "Air/drone strike", "Shelling/artillery/missile attack")


def _weapons_of_the_fight(a: Analysis, groups: list[Group]) -> list[Group]:
    """"قتل 15 من المسلحين فيما استعادت القوات كميات من الأسلحة خلفوها"، "غارات استهدفت مخزن
    أسلحة": weapons seized in a fight or destroyed by a strike that the same sentence tells, at the
    same place and on the same day, are part of that event (no seizure of their own). Mines
    cleared and missiles shot down are events of their own."""
    from marsad.stages.frames import _interception
    kept = list(groups)
    for g in groups:
        if any(m.subtype != "Disrupted weapons use" or _interception(a, m.hit.mention) for m in g.members):
            continue
        host = next((o for o in kept if o is not g and o.where.town_key == g.where.town_key and
                     o.when.compatible(g.when) and any(x.subtype in _WEAPONS_TAKEN_IN and x.sentence in g.sentences
                                                       for x in o.members)), None)
        if host is not None:
            _fold(host, g, kept)
    return kept


def _shelling_of_the_fight(groups: list[Group]) -> list[Group]:
    """"دارت مواجهات مع عناصر الميليشيا في جبهة X كما قصفت مدفعية الجيش مواقعهم"، "هجوماً تحت غطاء من
    القصف المدفعي": shelling told only in the sentences of a clash at the same place and on the same
    day is the clash's fire (ACLED codes one battle), not a shelling of its own."""
    kept = list(groups)
    for g in groups:
        if g.etype != "Explosions/Remote violence" or \
                any(m.subtype != "Shelling/artillery/missile attack" for m in g.members):
            continue
        clash = next((o for o in kept if o.etype == "Battles" and o.where.town_key == g.where.town_key and
                      o.when.compatible(g.when) and g.sentences <= {m.sentence for m in o.members
                                                                    if m.subtype == "Armed clash"}), None)
        if clash is not None:
            _fold(clash, g, kept)
    return kept


def _fire_beside_the_fight(a: Analysis, groups: list[Group]) -> list[Group]:
    """"أن القصف الجوي تزامن مع مواجهات برية ... وأسفرت عن سقوط 40 قتيلاً"، "هجوماً تحت غطاء من
    القصف": strikes or shelling the text joins to a clash at the same place and day by a word of
    cover or of the same time (``cover_cue`` in cues.tsv) are the clash's fire: one battle, whose
    toll is the clash's."""
    kept = list(groups)
    cover = cue_matcher("cover_cue")
    for g in groups:
        if g.etype != "Explosions/Remote violence" or g not in kept:
            continue
        for o in kept:
            if o.etype != "Battles" or o.where.town_key != g.where.town_key or not o.when.compatible(g.when):
                continue
            # a clash told by its own word, not one named again ("بالتزامن مع المعارك" after them)
            clashes = [m.hit.mention for m in o.members if m.subtype == "Armed clash"
                       and not definite(a.doc.tokens[m.hit.mention.tok_start].text)]
            if clashes and all(any(a.sentence_index(c.tok_start) == m.sentence and
                                   cover.find(a.doc, *sorted((min(c.tok_end, m.hit.mention.tok_end),
                                                              max(c.tok_start, m.hit.mention.tok_start))))
                                   for c in clashes) for m in g.members):
                _fold(o, g, kept)
                break
    return kept


# How many sentences after a clash gunfire with no shooter of its own may be told as its fire.
CROSSFIRE_SENTENCES = 3


def _crossfire_of_the_fight(a: Analysis, groups: list[Group]) -> list[Group]:
    """"اندلعت اشتباكات بين مجموعات مسلحة في مدينة X، وقتل مدنيان جراء إطلاق النار الكثيف": gunfire
    told after a clash (in its sentence or in the next few), at the same place and day, with no
    shooter of its own, is the clash's fire: one battle, whose dead are the gunfire's (civilians
    among them)."""
    kept = list(groups)
    for g in groups:
        if g.etype != "Violence against civilians" or g not in kept or \
                not all(m.subtype == "Attack" and _gunfire_word(a, m.hit.mention) for m in g.members):
            continue
        for o in kept:
            if o.etype != "Battles" or o.where.town_key != g.where.town_key or not o.when.compatible(g.when):
                continue
            clashes = [m.hit.mention for m in o.members if m.subtype == "Armed clash"]
            if all(any(0 <= m.sentence - a.sentence_index(c.tok_start) <= CROSSFIRE_SENTENCES and
                           c.tok_end <= m.hit.mention.tok_start for c in clashes) and _striker(a, m) is None
                   for m in g.members):
                _fold(o, g, kept)
                break
    return kept


def _gunfire_word(a: Analysis, mention) -> bool:
    """Is the event word gunfire (إطلاق النار، بإطلاق الرصاص: ``gunfire_noun`` after its proclitics)?"""
    nouns = cue_words("gunfire_noun")
    return any(form in nouns for form, _ in stem_candidates(a.doc.tokens[mention.tok_start].text))


def _clashes_at_protests(a: Analysis, groups: list[Group]) -> list[Group]:
    """"اندلعت مواجهات لدى تظاهر الآلاف عند الحدود حيث قتل تسعة": confrontations told in the
    sentence of a protest at the same place and day, with no armed group named, are the protest
    meeting force (ACLED codes one protest event, with intervention or excessive force)."""
    kept = list(groups)
    for g in groups:
        if g.etype != "Battles" or any(m.subtype != "Armed clash" for m in g.members):
            continue
        protest = next((p for p in kept if p.etype == "Protests" and p.where.town_key == g.where.town_key
                        and p.when.compatible(g.when) and p.sentences & g.sentences), None)
        if protest is None or _names_armed_group(a, g):
            continue
        _fold(protest, g, kept)
    return kept


def _shootings_at_deadly_protests(a: Analysis, groups: list[Group]) -> list[Group]:
    """"مقتل 3 فلسطينيين في مظاهرات غزة ... وأفادت مصادر بإصابة ثلاثة برصاص القوات الإسرائيلية":
    a shooting with no dead of its own, at the place and on the day of a protest where people
    were killed, is the force the protest met (ACLED codes one event, excessive force against
    protesters), not an attack of its own."""
    kept = list(groups)
    deadly = [p for p in groups if p.etype == "Protests" and _kills(a, p)]
    for g in groups:
        if g.etype != "Violence against civilians" or _names_armed_group(a, g):
            continue
        # a shooting that counts dead of its own is the protest's when its dead are among the
        # protest's ("قتل قناص إسرائيلي المسعفة ... مقتل فتاة في الجمعة العاشرة لمسيرات العودة": the
        # same one told twice; "وفاة صحفي برصاص الجيش ... ارتفع عدد القتلى في أحداث الجمعة إلى 10")
        # a headline's killing at a town or region of the protest's governorate ("مقتل شاب برصاص
        # إسرائيلي في غزة" over "قتل شاب خلال تظاهرة شرق خان يونس") is the protest's told first
        protest = next((p for p in deadly if p in kept and (p.where.town_key == g.where.town_key or (
                            _is_summary(a, g, "heading") and _same_governorate(p.where, g.where)))
                        and p.when.compatible(g.when) and _dead_among(a, g, p)), None)
        if protest is not None:
            if protest.where.town_key != g.where.town_key:
                g.places = []  # the headline's broader place does not displace the protest's
            _fold(protest, g, kept)
    # "... إلى مقتل 3 أشخاص. وأفادت مصادر أن الضحايا سقطوا برصاص ميليشيات X": the dead named again
    # with their killers (an armed group as well), whatever day the undated sentence was given
    from marsad.stages.protest_force import retells_the_dead
    for g in [g for g in kept if g.etype == "Violence against civilians"]:
        protest = next((p for p in deadly if p in kept and p.where.town_key == g.where.town_key
                        and retells_the_dead(a, g, p)), None)
        if protest is not None:
            _fold(protest, g, kept)
    # "قتل فتى إثر إصابته برصاصة أطلقها جنود الاحتلال أثناء مشاركته في مسيرات العودة": a shooting
    # told in a sentence of the protest itself, at its place and day, is the force it met
    from marsad.stages.protest_force import fired_on_crowd
    for g in list(kept):
        # "تظاهر المئات، وأطلق مسلحون مجهولون النيران على المتظاهرين": gunmen's fire at the crowd
        # that killed no one is the protest's intervention, whoever fired
        at_crowd = not _kills(a, g) and all(fired_on_crowd(a, i) for i in g.sentences)
        if g.etype != "Violence against civilians" or (_names_armed_group(a, g) and not at_crowd) or \
                any(m.subtype != "Attack" for m in g.members):
            continue
        protest = next((p for p in kept if p.etype == "Protests" and p.where.town_key == g.where.town_key
                        and p.when.compatible(g.when) and p.sentences & g.sentences), None)
        if protest is not None:
            _fold(protest, g, kept)
    return kept


# How many days before the report's day a definite retelling may date an undated event.
RETOLD_DAYS = 2


def _dated_when_named_again(a: Analysis, groups: list[Group]) -> list[Group]:
    """"صاروخ أطلقه الحوثيون على نجران ... وقال التحالف إن الصاروخ أطلق من صعدة الأربعاء": an event
    told first with no day (so on the report's day), then named again by a definite word (الصاروخ،
    الهجوم) with a day of its own a little earlier, at the same place and of the same kind, is that
    one event, on the day the retelling gives."""
    kept = list(groups)
    default = a.default_when
    if default is None or default.start is None:
        return kept
    for g in groups:
        # (a lead dated only by the page's dateline or the report's day counts as undated for a
        # source confirming it with a day)
        undated = all(m.when is default for m in g.members)
        lead = min(g.sentences)
        if g not in kept or not (undated or all(m.when.key == default.key for m in g.members if m.sentence == lead)):
            continue
        later = [o for o in kept if o is not g and o.etype == g.etype and o.where.town_key == g.where.town_key
                 and {m.subtype for m in o.members} & {m.subtype for m in g.members}
                 and o.when.start is not None and o.when.mentions
                 and 0 < (default.start - o.when.start).days <= RETOLD_DAYS
                 and (undated and min(o.sentences) > max(g.sentences) and _refers_back(a, o) or
                      _confirmed_after_lead(a, g, o))]
        if len(later) == 1:
            _fold(later[0], g, kept)
    return kept


def _confirmed_after_lead(a: Analysis, g: Group, o: Group) -> bool:
    """"قتل 17 شخصا في قصف لقوات الدعم السريع على مدينة الفاشر ... وأكدت التنسيقية وقوع قصف مدفعي ثقيل
    نفذته الدعم السريع السبت": a lead that counts the dead of an act it gives no day, and right after
    it a sentence that tells an act of its kind at its place with a day and no number of dead of its
    own (a source confirming it) tell one event, on that day."""
    lead = min(g.sentences)
    return lead <= a.first_body + 1 and min(o.sentences) == lead + 1 and _numbers_dead(a, g) and \
        not _numbers_dead(a, o)


def _headline_of_a_recap(a: Analysis, groups: list[Group]) -> list[Group]:
    """"مشاهد من احتجاجات البصرة" over a body that says only "لا تزال الاحتجاجات تتواصل منذ أوائل
    تموز": a group told only in the headings, of a kind the body tells only as a state continuing
    since long ago and as no event of its own, names that state, no event of the day."""
    recapped = a.memo.get("continuing_subtypes") or set()
    if not recapped:
        return groups
    return [g for g in groups if not (
        _is_summary(a, g, "heading") and {m.subtype for m in g.members} <= recapped and
        not any(o is not g and o.etype == g.etype and not _is_summary(a, o, "heading") for o in groups))]


# How many sentences after a capture "المعارك" may name the fighting that won it.
CAPTURE_BATTLE_SENTENCES = 3


def _battles_of_the_capture(a: Analysis, groups: list[Group]) -> list[Group]:
    """"أحكمت القوات سيطرتها على مديرية X بعد معارك ... وأسفرت المعارك عن سقوط قتلى": fighting named
    again by words that refer back (المعارك، هذه الاشتباكات), when the last battle told before it, a
    few sentences back on a compatible day, is a capture, is the fighting that won it: one event
    (ACLED codes the change of territory), wherever the later sentence puts it."""
    kept = list(groups)
    for g in groups:
        if g.etype != "Battles" or any(m.subtype != "Armed clash" for m in g.members) or not _refers_back(a, g):
            continue
        first = min(g.sentences)
        before = [o for o in kept if o is not g and o.etype == "Battles" and max(o.sentences) <= first
                  and first - max(o.sentences) <= CAPTURE_BATTLE_SENTENCES and o.when.compatible(g.when)]
        if not before:
            continue
        last = max(before, key=lambda o: max(o.sentences))
        # (fighting its own sentence puts at another place, "المعارك مستمرة في مديريتي X وY", is its own)
        placed_elsewhere = all(a.sentence_index(m.where.mention.tok_start) != m.sentence for m in g.members)
        at_capture = g.where.town_key == last.where.town_key or _around_the_capture(g.where, last.where)
        if any(m.subtype == TERRITORY for m in last.members) and (placed_elsewhere or at_capture) and \
                not any(o is not last and max(o.sentences) == max(last.sentences) for o in before):
            _fold(last, g, kept)
    return kept


# How far a town or village a fight is told at may lie from the place taken and still be where that
# capture was fought.
CAPTURE_TOWN_KM = 5.0


def _around_the_capture(x: Where, y: Where) -> bool:
    """Is ``x`` a wider description of the place taken at ``y``: wider (``_coarser``), and when a town
    or village, the one the place taken is in, not a town nearby ("حيث تدور الاشتباكات في مديرية
    الدريهمي" after the capture of the airport: a fight of its own)?"""
    if not _coarser(x, y):
        return False
    p, q = x.place, y.place
    if p is None or q is None or p.kind not in ("village", "town") or None in (p.latitude, q.latitude):
        return True
    return distance_km(p.latitude, p.longitude, q.latitude, q.longitude) <= CAPTURE_TOWN_KM


def _placed_back(a: Analysis, g: Group, o: Group) -> bool:
    """Is the spot of ``g`` placed by the very town mention that places event ``o``, told before it
    ("وسط مدينة البصرة ... في منطقة (X) وسط المدينة"), for the same kind of act ("غارات على مواقع في
    صعدة. كما قصفت دبابات قرية X" are two acts)?"""
    by = g.where.located_by
    tok = g.where.mention.tok_start
    # (a spot of the town: "منطقة X"، "حي X"; "قرية X" is a village of its own)
    before = a.doc.tokens[tok - 1].text.lstrip("وبف") if tok else ""
    if before.startswith("ال") or before not in cue_words("part_place_noun") | cue_words("neighbourhood_noun"):
        return False
    return by is not None and by.tok_start < tok and \
        bool({m.subtype for m in o.members} & {m.subtype for m in g.members}) and \
        any(m.where is not None and (m.where.mention.tok_start, m.where.mention.tok_end) == (by.tok_start, by.tok_end)
            for m in o.members)


def _point_of(w: Where) -> tuple:
    """Where a record of an unknown place is put: its container, side and countryside."""
    return (w.place.place_id, w.direction, w.compass, w.in_countryside)


def _parts_at_one_point(a: Analysis, groups: list[Group]) -> list[Group]:
    """"تمت استعادة منطقة X ومقبرة Y وقرية Z"، "تطهير قرى X وY": places no gazetteer knows, named
    together in one sentence for one operation of one type and day, all put at the same point of
    the container the text gives: one event at that point (their records could not be told
    apart). So is such a spot put at the point of a district its sentence names for the same
    operation ("غارات في مديرية نهم وفي منطقة المدفون"). Two known villages stay two events."""
    kept = list(groups)
    for g in groups:
        if g not in kept or not g.where.unknown_name:
            continue
        for o in kept:
            if o is g or not (o.where.unknown_name or o.where.place.is_area) or o.etype != g.etype or \
                    not o.when.compatible(g.when) or \
                    _point_of(o.where) != _point_of(g.where) or not (o.sentences & g.sentences) or \
                    not ({m.subtype for m in o.members} & {m.subtype for m in g.members}) or \
                    not any(_named_as_part(a, w) for w in o.places + g.places):
                continue  # (the guide: "بلدات X وY وZ" struck are three events, however placed)
            _fold(o, g, kept)
            break
    return kept


def _named_as_part(a: Analysis, w: Where) -> bool:
    """Is the place named by a noun of a part or spot of an area (منطقة X، مقبرة X، أطراف X)?"""
    t = w.mention.tok_start
    words = cue_words("part_place_noun")
    first = a.doc.tokens[t].text
    before = a.doc.tokens[t - 1].text if t else ""
    return first in words or first[1:] in words or before in words or before[1:] in words


@lru_cache(maxsize=1)
def _governorate_names() -> dict[str, str]:
    """The bare Arabic names of first-level areas (الحديدة، تعز) -> their ACLED name (admin1.tsv)."""
    from marsad.kb import load_table
    out = {}
    for row in load_table("admin1.tsv", required=("name", "names_ar")):
        for name in row["names_ar"].split("|"):
            if name and " " not in name.strip():
                out[normalise_term(name)] = row["name"]
    return out


def _governorates_named_in(a: Analysis) -> dict[str, str]:
    """The last word of each first-level area the text names with its noun ("قطاع غزة"، "محافظة
    إدلب") -> its ACLED name: in that text the bare word ("قصف على غزة") may stand for the area."""
    found = a.memo.get("governorates_named")
    if found is None:
        found = a.memo["governorates_named"] = {}
        for pm in a.places.mentions:
            words = normalise_term(pm.text).split()
            if pm.place is not None and pm.place.kind == "admin1" and len(words) > 1 and pm.place.admin1:
                found.setdefault(words[-1], pm.place.admin1)
    return found


def _bare_governorate(a: Analysis, w: Where) -> bool:
    """Is the place a seat named bare by its governorate's name ("غارات على الحديدة"), with no
    place noun that makes it the city ("مدينة الحديدة")?"""
    if w.unknown_name or w.place.kind not in SETTLEMENT_KINDS or w.direction is not None:
        return False
    name = normalise_term(w.mention.text)
    names = {**_governorate_names(), **_governorates_named_in(a)}
    bare = next((n for n in (name, name[1:], name[2:]) if n in names), None)
    return bare is not None and names[bare] == w.place.admin1 and not _after_place_noun(a, w.mention.tok_start)


def _governorate_only(a: Analysis, g: Group) -> bool:
    """Is every place of the group a governorate's bare name (none "مدينة إدلب", the city)?"""
    return bool(g.places) and all(_bare_governorate(a, w) for w in g.places)


def _governorate_by_its_name(a: Analysis, groups: list[Group]) -> list[Group]:
    """"في مجزرة جديدة ... في الحديدة استشهد ... بقذائف على مساكن المدنيين بمديرية التحيتا": a
    governorate's bare name beside a place of that governorate, for the same type and day, in the
    same sentence (or only in the headline and lead), is the area around that place, not another
    event at the seat city; the event is the precise one. (Two places the text names as towns stay
    two events.)"""
    kept = list(groups)
    for g in groups:
        if g not in kept or not all(_bare_governorate(a, w) for w in g.places):
            continue  # (a group also told as "مدينة إدلب" is the city)
        p = g.where.place
        told = {m.sentence for m in g.members if not m.join_only}
        inner = [o for o in kept if o is not g and o.etype == g.etype and o.when.compatible(g.when)
                 and o.where.town_key != g.where.town_key and not _bare_governorate(a, o.where)
                 and (o.where.place.country_code, o.where.place.admin1) == (p.country_code, p.admin1)
                 and {m.subtype for m in o.members} & {m.subtype for m in g.members}
                 and all(s in o.sentences or a.doc.sentences[s].is_heading or s == a.first_body for s in told)
                 and o.sentences & told]
        if inner:
            g.places = []  # the governorate's seat does not displace the place inside it
            _fold(inner[0], g, kept)
    return kept


def _dead_among(a: Analysis, g: Group, protest: Group) -> bool:
    """Are the dead a group counts (none, or each count) no more than the protest's largest count?"""
    mine = _death_counts(a, g)
    return not mine or max(mine) <= max(_death_counts(a, protest) or {0})


def _killings_at_protests_met_with_fire(a: Analysis, groups: list[Group]) -> list[Group]:
    """"مقتل فلسطيني برصاص إسرائيلي شرق غزة ... إثر إصابته برصاصة أثناء مشاركته في مسيرات العودة":
    a killing by fire, with no armed group named, at the place and on the day of a protest whose own
    sentences tell the fire it met but count no dead, is that fire's toll (ACLED codes one event:
    excessive force against protesters), not an attack of its own."""
    kept = list(groups)
    for p in groups:
        # "في غزة جراء قمع إسرائيل لمسيرات العودة. ارتفع عدد الذين قضوا الجمعة بنيران الجيش إلى 14": a
        # protest told as suppressed meets that fire too
        if p.etype != "Protests" or _kills(a, p) or not (any(
                m.hit.mention.event_type == "Violence against civilians" for m in p.members) or _suppressed(a, p)):
            continue
        for g in [g for g in kept if g.etype == "Violence against civilians" and g.where.town_key == p.where.town_key
                  and g.when.compatible(p.when) and _kills(a, g) and not _names_armed_group(a, g)]:
            _fold(p, g, kept)
    return kept


def _same_governorate(w1, w2) -> bool:
    return (w1.place.country_code, w1.place.admin1) == (w2.place.country_code, w2.place.admin1)


def _suppressed(a: Analysis, p: Group) -> bool:
    """Does a sentence of the protest tell a force dispersing or suppressing it?"""
    from marsad.stages.protest_force import crowd_control_sentences
    return any(i in p.sentences for i in crowd_control_sentences(a, p))


def _kills(a: Analysis, g: Group) -> bool:
    """Does a sentence of the group count dead?"""
    return any(c.kind == "killed" and (c.count or 0) > 0 and a.sentence_index(c.tok_start) in g.sentences
               for c in a.casualties)


def _death_counts(a: Analysis, g: Group) -> set[int]:
    """The numbers of dead counted in the group's sentences."""
    return {c.count for c in a.casualties if c.kind == "killed" and c.count and a.sentence_index(c.tok_start) in g.sentences}


def _names_armed_group(a: Analysis, g: Group) -> bool:
    """Does a sentence of the group name a rebel group or a militia (not the forces alone)?"""
    return any(a.kb.inter(x.actor) in (2, 3, 4) and a.in_group(g, x.tok_start) for x in a.actors)


def _act_day(a: Analysis, c: Frame) -> bool:
    """Is the frame's day given to its act: a date after its event word ("الغارات على أريحا صباح
    الجمعة")، or the day the article dates its events; not a date before the word, which may be
    another act's ("شيعت الثلاثاء جثامين ... بعد أيام على مصرعهم في المعارك": the funeral's)."""
    if not c.when.mentions:
        return c.when is a.default_when
    return all(m.tok_start > c.hit.mention.tok_start or _told_with_toll(a, c, m) for m in c.when.mentions)


def _told_with_toll(a: Analysis, c: Frame, m) -> bool:
    """"وقتل أربعة مدنيين يوم الأحد في قصف مدفعي": a day told right after the verb of a toll whose
    phrase holds the event word, in the event word's clause, is the act's day too."""
    hit = c.hit.mention.tok_start
    if clause_at(a, m.tok_start) is not clause_at(a, hit):
        return False
    return any(x.kind == "killed" and x.tok_start < m.tok_start < hit < x.tok_end for x in a.casualties)


def _holds(wide: Where, fine: Where) -> bool:
    """Is place ``wide`` a region (a governorate, ريف X) of the governorate ``fine`` lies in, and
    ``fine`` one town or village (or a side of one: عند مدخل مدينة X)?"""
    return not wide.unknown_name and _region(wide) and _breadth(fine) < _breadth(wide) and \
        (_breadth(fine) == 1 or fine.place.kind in SETTLEMENT_KINDS) and _same_governorate(wide, fine) and \
        _coarser(wide, fine)


def _blast_told_in(a: Analysis, g: Group) -> bool:
    """Does a sentence of the group name a blast by a definite word, the blast told already
    ("بعد وقوع التفجير"، "بعد الانفجار")?"""
    return any(h.mention.event_type == "Explosions/Remote violence" and h.mention.sub_event_type != TARGETED and
               definite(a.doc.tokens[h.mention.tok_start].text) and a.in_group(g, h.mention.tok_start)
               for h in a.hits)


def _interceptions_only(a: Analysis, g: Group) -> bool:
    from marsad.stages.frames import _interception
    return g.etype == "Strategic developments" and all(
        m.subtype == "Disrupted weapons use" and _interception(a, m.hit.mention) for m in g.members)


def _breadth(w: Where) -> int:
    """How wide a description of the place is: its precision, but a village no gazetteer knows
    is a place of its own however roughly its container places it."""
    return 1 if w.unknown_name else w.precision


def _coarser(x: Where, y: Where) -> bool:
    """Is place ``x`` a wider description than ``y`` (a city or region around a town or village)?"""
    if x.unknown_name:
        return False
    # "بادية الميادين بريف دير الزور": the place that locates ``y`` is wider than it, however precise
    if _anchored_at(y, x.place) or _governorate_by_its_seat(x, y):
        return True
    return _breadth(x) > _breadth(y) or _KIND_RANK.get(x.place.kind, 2) > _KIND_RANK.get(y.place.kind, 2)


# How far from a region's named town a precise event may lie and still be what a lead on the
# region sums up (ريف اللاذقية over a village on the Idlib side of the mountains).
SUMMARY_REACH_KM = 60.0


def _region(w: Where) -> bool:
    """A description of a region (a governorate, ريف X, شمال X), not of one town or district."""
    return _breadth(w) >= 2 and (w.place.is_area or w.direction is not None or w.precision == 3)


def _around(region: Where, w: Where) -> bool:
    r, p = region.place, w.place
    return (r.country_code, r.admin1) == (p.country_code, p.admin1) or \
        distance_km(r.latitude, r.longitude, p.latitude, p.longitude) <= SUMMARY_REACH_KM


# How many sentences after the lead a retelling with no place of its own may stand and leave the
# group a summary ("في حين قال مسؤول محلي إن المسيرة التركية استهدفت قادة ..." right after the lead).
LEAD_RETELLING_SENTENCES = 2


def _is_summary(a: Analysis, g: Group, level: str = "lead") -> bool:
    """Told only in headings (level "heading"), or only in headings and the lead sentence, with the
    sentences right after the lead that borrow its place (no place of their own)."""
    def borrowed(m) -> bool:
        mention = m.where.mention
        return mention is not None and mention.tok_start >= 0 and \
            a.sentence_index(mention.tok_start) != m.sentence and \
            a.first_body < m.sentence <= a.first_body + LEAD_RETELLING_SENTENCES and _lead_tells_one(a) and \
            (m.where.place.is_area or (m.where.direction or "near") not in ("near", "inside"))
    told = [m for m in g.members if not m.join_only]

    def opening(m) -> bool:
        return a.doc.sentences[m.sentence].is_heading or (level == "lead" and m.sentence == a.first_body)
    return all(opening(m) or (level == "lead" and borrowed(m)) for m in told) and \
        (any(opening(m) for m in told) or not told)


def _retold_after_lead(a: Analysis, g: Group) -> bool:
    """Does the group hold, beside its headings and lead, a sentence after the lead that borrows its
    place (a summary only by ``_is_summary``'s retellings)?"""
    return any(not m.join_only and m.sentence > a.first_body and not a.doc.sentences[m.sentence].is_heading
               for m in g.members)


def _toll_of_a_wider_area(a: Analysis, g: Group, target: Group) -> bool:
    """Does summary ``g``, at a wider place than ``target``, count more dead than ``target`` counts of
    its own (so that ``target`` is one part of it)?"""
    if not _coarser(g.where, target.where) or not _numbers_dead(a, target):
        return False
    return max(_death_counts(a, g), default=0) > max(_death_counts(a, target), default=0)


def _lead_tells_one(a: Analysis) -> bool:
    """Does the lead sentence tell one event: its event words stand in one unit ("نجا مرشح من محاولة
    اغتيال ...، فيما قتل أحد القادة في هجوم ..." tells two)? (Read once an article.)"""
    if "lead_tells_one" not in a.memo:
        sent = a.doc.sentences[a.first_body]
        units = {c.unit for h in a.hits if h.reports_event and sent.tok_start <= h.mention.tok_start < sent.tok_end
                 and (c := clause_at(a, h.mention.tok_start)) is not None}
        a.memo["lead_tells_one"] = len(units) <= 1
    return a.memo["lead_tells_one"]


def _merge_summaries(a: Analysis, groups: list[Group]) -> list[Group]:
    kept = list(groups)

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
                _fold(g, o, kept)
                break
    # "تجددت الاحتجاجات في العاصمة عمان ... وحاول المحتجون الوصول إلى منطقة الدوار الرابع": a spot no
    # gazetteer knows, placed by the city its sentence names with no side or distance, is in that
    # city: one event with the city's of the same type, told in a sentence they share, or told
    # before it by the mention that places the spot ("وسط مدينة البصرة ... في منطقة (X) وسط المدينة")
    for g in list(kept):
        w = g.where
        if g not in kept or not w.unknown_name or w.direction is not None or w.in_countryside or \
                w.place.kind not in ("city", "town"):
            continue
        city = next((o for o in kept if o is not g and o.etype == g.etype and not o.where.unknown_name and
                     o.where.place.place_id == w.place.place_id and o.when.compatible(g.when) and
                     (o.sentences & g.sentences or _placed_back(a, g, o))), None)
        if city is not None:
            _fold(city, g, kept)
    # "قتل ثلاثة في المواجهات التي دارت في حي X"، "قتلوا في الهجوم الذي وقع في وادٍ شرقي البلدة": an
    # event told again after it, by words that refer back, at a spot in or around its place
    for g in list(kept):
        told = _retold(a, g, [o for o in kept if o is not g])
        if told is not None:
            _fold(told, g, kept)
    # headlines first, then the lead sentence: each may sum up the groups told after it
    for level in ("heading", "lead"):
        for g in list(kept):
            if g not in kept or not _is_summary(a, g, level):
                continue
            body = [b for b in kept if b is not g and b.etype == g.etype and not _is_summary(a, b, level)]
            target = _summarised(a, g, body)
            if target is None and g.etype in VIOLENT_TYPES and all(_attack_word(m.hit.mention) for m in g.members):
                # "قتل أربعة من الشرطة بهجوم في محافظة نينوى ... أطلقوا النار على حاجز في قرية":
                # a lead told only with a word of attack in general (هجوم، استهدف) sums up the
                # violent event the body tells in its own words, whatever type those words give it
                body = [b for b in kept if b is not g and b.etype in VIOLENT_TYPES and not _is_summary(a, b, level)]
                target = _summarised(a, g, body)
            if target is not None and _retold_after_lead(a, g) and _toll_of_a_wider_area(a, g, target):
                # "ارتفعت حصيلة قصف الغوطة الشرقية إلى 80 ... وواصلت الحصيلة الارتفاع ... وسجلت حمورية أعلى
                # حصيلة إذ قتل فيها 20": a lead retold after it is a summary only to give its place to the
                # body's one town; a body town that counts fewer dead of its own is a part of its toll
                target = None
            if target is not None:
                if _coarser(g.where, target.where) or _governorate_only(a, g):
                    g.places = []  # the summary's wider place does not displace the body's precise one
                _fold(target, g, kept)
            elif _region(g.where) and any(_breadth(b.where) == 1 and _around(g.where, b.where) and
                                          not _another_act(g, b) for b in body + _protests_met(a, g, kept, level)):
                # a lead that names only a region ("ريف اللاذقية") over precise body events in or
                # around it; not a lead on a district over an event of another governorate
                kept.remove(g)
    # "قتل 3 بقصف مسيّرة في محيط الميادين. وسُمع دوي انفجار في ريف دير الزور الشرقي ناجم عن
    # استهداف مسيّرة": the same event told again in the next sentence, by the wider area around it
    for g in list(kept):
        if _breadth(g.where) < 2 or _counts_dead(a, g):
            continue
        subtypes = {m.subtype for m in g.members}
        before = [o for o in kept if o is not g and o.etype == g.etype and o.when.compatible(g.when)
                  and subtypes & {m.subtype for m in o.members} and _coarser(g.where, o.where)
                  and (o.where.place.country_code, o.where.place.admin1) ==
                  (g.where.place.country_code, g.where.place.admin1)
                  and min(g.sentences) - max(o.sentences) == 1]
        if len(before) == 1:
            _fold(before[0], g, kept)
        elif before and len({s for o in before for s in o.sentences}) == 1:
            # "استهدفت بلدات X وY وZ بقذائف الهاون. وقصفت مواقع في ريف المحافظة": the events of one
            # sentence told again together, by the area around them: none of its own
            kept.remove(g)
    # a governorate-only event, or one placed only by a campaign's name ("قتلوا في مواجهات دير
    # الزور": the campaign, not one fight), yields to precise events of the same type
    out = []
    for g in kept:
        vague = _breadth(g.where) == 3 or all(w.mention.role == "label" for w in g.places)
        precise = [o for o in kept if o is not g and o.etype == g.etype and _breadth(o.where) < 3 and
                   not all(w.mention.role == "label" for w in o.places)]
        if vague and precise:
            # (battles only: a strike told at a governorate may be another strike than the one told
            # at a town of it)
            inside = [o for o in precise if g.etype == "Battles" and g.where.place.kind == "admin1" and
                      o.when.compatible(g.when) and {m.subtype for m in o.members} >= {m.subtype for m in g.members} and
                      (o.where.place.country_code, o.where.place.admin1) ==
                      (g.where.place.country_code, g.where.place.admin1)]
            if len(inside) == 1:
                # "مواجهات في محافظة صعدة ... تركزت في محور باقم": the governorate's event is the one
                # inside it; its dead and sides go with it
                inside[0].members.extend(g.members)
            continue
        out.append(g)
    return out


def _protests_met(a: Analysis, g: Group, groups: list[Group], level: str) -> list[Group]:
    """"اندلعت مواجهات بين قوات الأمن وشبان في عدد من مدن محافظة X ... وخرجت مظاهرات في مدن Y وZ":
    the body's protests a lead of confrontations sums up, when the lead names no armed group and
    counts no dead of its own (the confrontations are the force the protests met, told by the
    region), else none."""
    if g.etype != "Battles" or any(m.subtype != "Armed clash" for m in g.members) or \
            _names_armed_group(a, g) or _counts_dead(a, g):
        return []
    return [b for b in groups if b is not g and b.etype == "Protests" and not _is_summary(a, b, level)]


# How far from an event's town a known neighbourhood or facility may lie and still be a spot of it.
SPOT_REACH_KM = 15.0


def _refers_back(a: Analysis, g: Group) -> bool:
    """Is the group told only by words that name an event already told: at least one event word
    with the article or after a demonstrative (الهجوم، المواجهات، هذا القصف), and no event word
    that introduces one (اشتباكات، غارة: strong and indefinite)?"""
    doc = a.doc

    def definite_word(t) -> bool:
        before = doc.tokens[t.tok_start - 1].text if t.tok_start else ""
        return definite(doc.tokens[t.tok_start].text) or before in cue_words("demonstrative")

    def in_relative(t) -> bool:
        # "مواقع الميليشيات التي ردت بقصفها للمدنيين": a relative clause tells again what its
        # head did; it introduces no event of its own beside a word that refers back
        clause = clause_at(a, t.tok_start)
        return clause is not None and clause.kind == "relative"

    words = [m.hit.mention for m in g.members if not m.join_only]
    return any(definite_word(t) for t in words) and \
        not any(t.strength == "strong" and not definite_word(t) and not in_relative(t) for t in words)


def _spot_of(a: Analysis, w: Where, o: Where) -> bool:
    """Is place ``w`` a spot of the place ``o``: its town, a neighbourhood or facility close by, or
    an area no gazetteer knows (named after a place noun: حي X، منطقة X) that the text puts nowhere
    else, in the same governorate as a known place ``o``? (Not a village the text puts near the
    town: "قرية X شرقي Y" is a place of its own; not two villages no gazetteer knows.)"""
    if w.town_key == o.town_key:
        return True
    if w.unknown_name:
        anchor = w.mention.anchor
        return not o.unknown_name and _after_place_noun(a, w.mention.tok_start) and \
            (anchor is None or anchor.place is None or anchor.place.place_id == o.place.place_id) and \
            _around(o, w)
    p, q = w.place, o.place
    return p.kind in ("neighbourhood", "facility") and \
        distance_km(p.latitude, p.longitude, q.latitude, q.longitude) <= SPOT_REACH_KM


def _after_place_noun(a: Analysis, tok: int) -> bool:
    """Does a place noun (حي، منطقة، بلدة) end right before token ``tok``?"""
    nouns = cue_matcher("place_noun", suffixes=False)
    return any(m.tok_end == tok for m in nouns.find(a.doc, max(0, tok - 2), tok))


def _governorate_by_its_seat(x: Where, y: Where) -> bool:
    """"مجزرة في الضالع" beside "في قرية حجلان بمحافظة الضالع": a bare name read as a city is the
    governorate of that name that locates ``y`` (the seat and its governorate share the name)."""
    if x.unknown_name or x.place.kind not in SETTLEMENT_KINDS:
        return False
    name = normalise_term(x.mention.text).lstrip("وب")
    anchor = y.mention.anchor
    for _ in range(3):
        if anchor is None:
            return False
        if anchor.place is not None and anchor.place.kind == "admin1" and \
                (anchor.place.country_code, anchor.place.admin1) == (x.place.country_code, x.place.admin1) and \
                normalise_term(anchor.text).endswith(" " + name):
            return True
        anchor = anchor.anchor
    return False


def _anchored_at(w: Where, place) -> bool:
    """Does the text put place ``w`` at ``place`` ("في منطقة X شرقي لودر", "في حي X بمدينة Y"), up
    the chain ("مزار عين علي في بادية الميادين بريف دير الزور")?"""
    anchor = w.mention.anchor
    for _ in range(3):
        if anchor is None:
            return False
        if anchor.place is not None and anchor.place.place_id == place.place_id:
            return True
        anchor = anchor.anchor
    return False


def _retold(a: Analysis, g: Group, others: list[Group]) -> Group | None:
    """The event a later group tells again: of its type, told before it, on its day (or the group
    has no day of its own), at a place the group's place is a spot of (the last such); or, for a
    group with no dead of its own placed only by a region, the one such event in the region."""
    if not _refers_back(a, g):
        return None
    undated = all(m.when is a.default_when for m in g.members)
    first = min(g.sentences)
    # "استهدف العدو سيارة مدنية بين X وY ... أن عدد قتلى الاستهداف بلغ 4": a word of attack in
    # general (الاستهداف، الهجوم) that refers back and is typed an attack on civilians only by its
    # victims is the violent event told before (begun before it), whatever that event's type
    any_violent = g.etype == "Violence against civilians" and (
        all(_attack_word(m.hit.mention) for m in g.members if not m.join_only) or
        # "وعن ربط الهجوم بداعش قال إن الجثث حملت آثار الذبح": attack words that refer back, with
        # no day and no toll of their own, tell how the violent event told before was done
        (all(m.subtype == "Attack" for m in g.members) and not undated and not _numbers_dead(a, g) and
         all(_took_day_of(a, m, others) for m in g.members if not m.join_only)))
    before = [o for o in others if (undated or o.when.compatible(g.when)) and (
        (o.etype == g.etype and max(o.sentences) < first) or
        (any_violent and o.etype in VIOLENT_TYPES and o.etype != g.etype and min(o.sentences) < first))]
    spots = [o for o in before if _spot_of(a, g.where, o.where)]
    if spots:
        same = [o for o in spots if o.where.town_key == g.where.town_key]
        return max(same or spots, key=lambda o: max(o.sentences))
    if _region(g.where) and not _counts_dead(a, g):
        inside = [o for o in before if (o.where.place.country_code, o.where.place.admin1) ==
                  (g.where.place.country_code, g.where.place.admin1) and _coarser(g.where, o.where)
                  and _in_district(o.where, g.where)]
        return inside[0] if len(inside) == 1 else None
    return None


def _in_district(w: Where, region: Where) -> bool:
    """Does place ``w`` lie in the district ``region`` names, when that region is a district and both
    districts are known ("المعارك مستمرة في مديرية حيران" does not tell again a capture in Abs)?"""
    r, p = region.place, w.place
    if r.kind != "admin2" or not r.admin2 or not p.admin2:
        return True
    return r.admin2 == p.admin2


def _attack_word(t) -> bool:
    """A weak word of attack that says no kind of violence (هجوم، هاجموا، استهدف)."""
    return t.strength == "weak" and (t.sub_event_type == "TARGETED" or
                                     (t.event_type, t.sub_event_type) == ("Battles", "Armed clash"))


def _strong_subtypes(g: Group) -> set[str]:
    return {m.subtype for m in g.members if m.hit.mention.strength == "strong"}


def _another_act(g: Group, b: Group) -> bool:
    """"قصفت دبابات إسرائيلية موقعاً شرقي خان يونس اليوم. وكانت طائرات قد أغارت أمس على رفح": a body
    event the text dates to another day, or a strike by other means (told by strong words), is no
    finer telling of a lead on the area around it."""
    if g.when.mentions and b.when.mentions and not g.when.compatible(b.when):
        return True
    own, other = _strong_subtypes(g), _strong_subtypes(b)
    return g.etype == "Explosions/Remote violence" and bool(own and other and not own & other)


def _summarised(a: Analysis, g: Group, body: list[Group]) -> Group | None:
    """The body group a summary group ``g`` tells again: one at its town, else the only finer one
    in its governorate."""
    def means(x: Group) -> set[str]:
        # the means strong words tell, else those its frames decided ("استهداف" by the coalition's
        # planes is an air strike, not the artillery's shelling of a depot the body tells)
        return _strong_subtypes(x) or {m.subtype for m in x.members if m.etype == "Explosions/Remote violence"}

    own = means(g)
    # "هجوم كيميائي على دوما" in the lead does not sum up "الغارات قتلت 40 يوم الجمعة" in the body:
    # two means told by strong words are two events
    body = [b for b in body if not own or not means(b) or own & means(b)]
    # "قتل جنديان في هجوم قرب درعا ... وقتل مدني بانفجار في طفس": a lead whose dead are soldiers
    # does not sum up a body event whose dead are civilians
    victims = _dead_classes(a, g)
    body = [b for b in body if not victims or not _dead_classes(a, b) or victims & _dead_classes(a, b)]
    # nor one the text dates to another day than the lead's own date ("صباح اليوم" / "السبت")
    body = [b for b in body if not (g.when.mentions and b.when.mentions) or g.when.compatible(b.when)]
    same_admin = [b for b in body if (b.where.place.country_code, b.where.place.admin1) ==
                  (g.where.place.country_code, g.where.place.admin1)]
    same = [b for b in same_admin if b.where.town_key == g.where.town_key]
    # ("جيش الاحتلال يقتل فلسطينيين بقصف على غزة" over "القصف الذي وقع شرق رفح": with no finer place
    # the text ties to it, a bare governorate's name stands for the area around the body's one place)
    # "اعتقلت القوات خمسة شبان في مدينة X. واعتقلت شابين آخرين في Y": a body event told as another
    # instance is not the lead's told again at a finer place
    same_admin_finer = [b for b in same_admin if not _another_instance(a, b)]
    finer = [b for b in same_admin_finer if _coarser(g.where, b.where)] or \
        [b for b in same_admin_finer if _governorate_only(a, g) and _breadth(b.where) < 3 and
         not _governorate_only(a, b)]
    return same[0] if same else (finer[0] if len(finer) == 1 else None)


# How many words after an event word "another" (آخرين، أخرى، مماثلة) may stand and still qualify it.
ANOTHER_WINDOW = 3


def _another_instance(a: Analysis, g: Group) -> bool:
    """Is one of the group's event words followed closely by a word making it another instance
    (شابين آخرين، غارة أخرى، مظاهرات مماثلة)?"""
    words = cue_words("another_instance")
    for m in g.members:
        end = m.hit.mention.tok_end
        stop = min(end + ANOTHER_WINDOW, a.doc.sentences[m.sentence].tok_end)
        if any(a.doc.tokens[t].text in words for t in range(end, stop)):
            return True
    return False


def _dead_classes(a: Analysis, g: Group) -> set[str]:
    """The known kinds of the dead the group's sentences count (civilians, security, fighters)."""
    return {c.victim_class for c in a.casualties if c.kind == "killed" and not c.subgroup
            and c.victim_class not in (None, "unknown") and a.in_group(g, c.tok_start)}


def _numbers_dead(a: Analysis, g: Group) -> bool:
    """Does a sentence of the group give a number of dead of its own?"""
    return any(c.kind in ("killed", "mixed") and c.count is not None and a.in_group(g, c.tok_start)
               for c in a.casualties)


def _took_day_of(a: Analysis, m, others: list[Group]) -> bool:
    """Was frame ``m`` dated by an event told before rather than by a date of its own sentence: its
    day is one an earlier group's day, and its sentence gives no current date?"""
    s = a.doc.sentences[m.sentence]
    if any(s.tok_start <= d.tok_start < s.tok_end and not d.background for d in a.dates):
        return False
    return any(o.when is m.when or any(f.when is m.when for f in o.members) for o in others
               if min(o.sentences) < m.sentence)


def _counts_dead(a: Analysis, g: Group) -> bool:
    """Does a sentence of the group count dead of its own?"""
    return any(c.kind in ("killed", "mixed") and a.in_group(g, c.tok_start) for c in a.casualties)


def groups_by_sentence(a: Analysis) -> dict[int, list[Group]]:
    found = a.memo.get("groups_by_sentence")
    if found is None:
        found = a.memo["groups_by_sentence"] = {}
        for g in a.groups:
            for s in g.sentences:
                found.setdefault(s, []).append(g)
    return found
