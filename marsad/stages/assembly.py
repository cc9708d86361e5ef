"""Assembly: one ACLED-style record per group, with its fields, evidence and notes (the confidence
stage scores it next)."""
from __future__ import annotations

import hashlib

from marsad.arabic.normalise import normalise_term
from marsad.arabic.tokenise import stem_candidates
from marsad.budget import check_deadline
from marsad.cues import cue_words
from marsad.model import EXTRACTOR_VERSION, Casualty, Event, Span
from marsad.stages.analysis import ARMED_CODES, Analysis, Group, Where
from marsad.stages.attack_fought import fold_attacks_into_fights
from marsad.stages.event_places import container_location, container_part
from marsad.stages.protest_force import (clashes_the_forces_met, crowd_control_sentences,
                                         fire_on_the_protest_told_again, force_named_in, marked_killer,
                                         protests_of_the_arrested, sideless_clashes_at_protests,
                                         state_force_of_article)
from marsad.stages.frames import usual_means
from marsad.stages.roles import actors_for, event_attribution, protest_violence
from marsad.stages.tolls import toll
from marsad.stages.tolls_totals import evidence_span
from marsad.triggers import TERRITORY

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
_PLACE_RANK = {"facility": 0, "neighbourhood": 0, "village": 1, "town": 1, "city": 2, "admin2": 3, "admin1": 4,
               "region": 4}
_POLYGON_COUNTRIES = ("SY", "IQ", "LB", "YE", "LY", "PS", "SD")


def build_records(a: Analysis) -> None:
    """Stage: ``a.events``, one record per group."""
    events = fold_attacks_into_fights(_drop_echoes([e for g in a.groups if (e := build_event(a, g)) is not None]))
    a.events = clashes_the_forces_met(a, sideless_clashes_at_protests(fire_on_the_protest_told_again(
        protests_of_the_arrested(events))))


# Event types that carry violence an echo of it may repeat.
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots")
_TERRITORY_SUBS = ("Government regains territory", "Non-state actor overtakes territory")


def _drop_echoes(events: list[Event]) -> list[Event]:
    """One event per actor pair, place and day (the guide): a record with no dead of its own at
    the place and on the day (or within the span of days) of a violent record whose sides hold all of its own is that event
    told again in other words ("Armed clash: Israel vs —" beside the protest Israel's fire met,
    the shelling that went with a clash of the same two sides, a second record of the same type
    between the same two sides), not another event."""
    kept = list(events)
    for e in events:
        if e.fatalities or e not in kept:
            continue
        sides = {x for x in (e.actor1, e.actor2) if x}
        for o in kept:
            if o is e or o.event_type not in _VIOLENT or not _on_its_days(e, o) or \
                    (o.location, o.admin1, o.country) != (e.location, e.admin1, e.country):
                continue
            other = {x for x in (o.actor1, o.actor2) if x}
            one_sided = len(sides) == 1 and sides < other  # "Armed clash: Israel vs —" beside "Israel vs Protesters"
            shelling_of_a_clash = sides == other and len(sides) == 2 and o.event_type == "Battles" and \
                e.event_type == "Explosions/Remote violence"
            # "شنوا هجوماً استهدف تجمعاً للقوات": two words of one attack that ended as two records
            # of the same type between the same two sides
            same_pair = sides == other and len(sides) == 2 and o.event_type == e.event_type
            # "أصيب المشتبه به في تبادل لإطلاق النار ... وإلقاء القبض على مسلحين آخرين": the arrests
            # of the raid the same two sides fought in, one of them armed men (not protesters held
            # after a scuffle with the police: an event of its own)
            arrests_of_a_raid = sides == other and len(sides) == 2 and o.event_type == "Battles" and \
                e.sub_event_type == "Arrests" and bool({e.inter1, e.inter2} & {2, 3, 4})
            if shelling_of_a_clash and not o.fatalities and e.sub_event_type == "Air/drone strike" and \
                    usual_means().get(e.actor1) == "Air/drone strike" and o.actor1 == e.actor1:
                # "واستهدف التحالف العربي تجمعات للمتمردين" beside "وغارات مكثفة لمقاتلات آباتشي": a "clash"
                # led by a force that fights from the air (usual_means.tsv), at its strikes' place and day
                # and between the same two sides, is those strikes told again
                kept.remove(o)
                break
            if same_pair and not o.fatalities and e.sub_event_type in _TERRITORY_SUBS and \
                    o.sub_event_type == "Armed clash":
                # "تمكنت القوات من تحرير قرية X ... وأن المعارك لا تزال مستمرة في مديرية X": the fighting
                # of the same two sides at the capture's point and day is what won it (ACLED codes the capture)
                kept.remove(o)
                break
            # "أعلنت حماس توقيف المشتبه به ... أصيب في تبادل لإطلاق النار ... ومقتل ضابط أمن": the
            # force that led a fight with gunmen there that day arrests "people" (its arrests' default
            # other side): the raid told again by its outcome (ACLED codes the armed clash). Not
            # arrests after an attack on the force ("اعتقلت الشرطة مسلحين إثر هجوم على حاجز"): the
            # attackers, not the force, lead that fight
            # (in an exchange of fire, تبادل لإطلاق النار, neither side leads: the force may be either)
            arrests_of_a_raid = arrests_of_a_raid or (
                e.sub_event_type == "Arrests" and o.event_type == "Battles" and
                (e.actor1 == o.actor1 or (e.actor1 == o.actor2 and _exchange_of_fire(o))) and
                e.actor2 in (None, "Civilians") and bool({o.inter1, o.inter2} & {2, 3, 4}))
            if one_sided or shelling_of_a_clash or same_pair or arrests_of_a_raid:
                kept.remove(e)
                break
    return kept


def _exchange_of_fire(e: Event) -> bool:
    """Is the battle told by an exchange of fire (تبادل لإطلاق النار، بتبادل النار), where no side leads?"""
    heads = cue_words("gunfire_exchange_head")
    return any(form in heads for x in e.evidence.get("event_type", [])
               for form, _ in stem_candidates((normalise_term(x.get("text", "")).split() or [""])[0]))


def _on_its_days(e: Event, o: Event) -> bool:
    """Is record ``e`` on the day of ``o``, or within the days of ``o`` told as one span ("خلال
    اليومين الماضيين": one battle over two days, a coder cannot split it)?"""
    if e.event_date == o.event_date:
        return True
    return bool(e.event_date and o.event_date_start and o.event_date_end) and \
        e.event_date_start == e.event_date_end and o.event_date_start <= e.event_date <= o.event_date_end


def _wounded_by_fire(a: Analysis, g: Group) -> bool:
    """"أصيب عشرات المتظاهرين برصاص الجيش": protesters wounded by live fire in the protest's
    sentences (ACLED's excessive force, however many died)."""
    from marsad.cues import cue_matcher
    from marsad.stages.statement_days import day_of_the_protest_during
    injured = [c for c in a.casualties if c.kind in ("injured", "mixed") and a.sentence_index(c.tok_start) in g.sentences
               and _on_the_groups_day(g, day_of_the_protest_during(a, c.tok_start, c.tok_start + 1))]
    if not injured:
        return False
    fire = cue_matcher("fire_noun")
    return any(fire.find(a.doc, a.doc.sentences[i].tok_start, a.doc.sentences[i].tok_end)
               for i in {a.sentence_index(c.tok_start) for c in injured})


def _on_the_groups_day(g: Group, day) -> bool:
    """Is a day the text gives a count ("خلال مظاهرات الجمعة"), if any, the group's own?"""
    return day is None or g.when.start is None or g.when.start == day.date_start


def _crowd_confronted(a: Analysis, g: Group, actor1, actor2, cas: list[Casualty]) -> bool:
    """Are the group's words all confrontations (مواجهات) of a state or foreign force with no
    other side named, and its dead no fighters, soldiers or police?"""
    from marsad.cues import cue_words
    if actor1 is None or actor2 is not None or a.kb.inter(actor1) not in (1, 8):
        return False
    words = cue_words("confrontation_noun")
    if not all(a.doc.tokens[m.hit.mention.tok_start].text in words for m in g.members):
        return False
    killed = [c for c in cas if c.kind in ("killed", "mixed")]
    return bool(killed) and not any(c.victim_class in ("security", "fighters") for c in killed)


def _protest_told(a: Analysis, g: Group) -> bool:
    """Does one of the group's sentences tell a protest (a protest word, or demonstrators named or
    counted: "قتل خمسة متظاهرين في مواجهات")?"""
    from marsad.cues import cue_words
    if _crowd_named(a, g) or any(h.mention.event_type == "Protests" and a.sentence_index(h.mention.tok_start) in
                                 g.sentences for h in a.hits):
        return True
    nouns = cue_words("protester_noun")
    return any(a.doc.tokens[t].text in nouns or a.doc.tokens[t].text[1:] in nouns
               for i in g.sentences for t in range(a.doc.sentences[i].tok_start, a.doc.sentences[i].tok_end))


def _only_forces_killed(cas: list[Casualty]) -> bool:
    """Are all the dead counted soldiers, police or fighters (no protester among them)?"""
    killed = [c for c in cas if c.kind in ("killed", "mixed") and (c.count or 0) > 0]
    return bool(killed) and all(c.victim_class in ("security", "fighters") for c in killed)


def _state_side(kb, actor: str) -> bool:
    """State forces (ACLED inter 1) or an affiliate allied to them (``alliances.tsv``)."""
    return kb.inter(actor) == 1 or any(actor in pair and any(kb.inter(x) == 1 for x in pair if x != actor)
                                       for pair in kb.alliances)


def _protesters_hit(a: Analysis, g: Group) -> bool:
    """Are demonstrators the object of one of the group's attack words ("النار على متظاهرين"،
    "اعتدت على المحتجين"، "هاجمت المتظاهرين")?"""
    from marsad.stages.clauses import clause_at
    tokens = a.doc.tokens
    for m in g.members:
        end = m.hit.mention.tok_end
        own = clause_at(a, m.hit.mention.tok_start)
        hi = own.tok_end if own is not None else end + 1
        if end >= min(hi, len(tokens)):
            continue  # the attack word ends its clause
        for x in a.actors_between(end, hi):
            if x.actor == "Protesters" and (x.tok_start == end or
                                            tokens[x.tok_start - 1].text in cue_words("against_preposition")):
                return True
    return False


def _crowd_named(a: Analysis, g: Group) -> bool:
    """Are demonstrators named in one of the group's sentences?"""
    return any(x.actor == "Protesters" for i in g.sentences for x in a.actors_of_sentence(i))


# How many words may stand between a verb of blowing up and the bomber's self (فجر مشتبه به نفسه).
SELF_DETONATION_WORDS = 4


def _bombers_dead(a: Analysis, g: Group) -> int:
    """How many bombers the group's sentences say blew themselves up (فجر نفسه: 1; فجرا نفسيهما: 2),
    not after an attempt word (حاول أن يفجر نفسه); 0 when none."""
    doc = a.doc
    verbs, selves = cue_words("self_detonation_verb"), cue_words("self_detonation_self")
    attempts = cue_words("attempt_word")
    for i in sorted(g.sentences):
        sent = doc.sentences[i]
        for t in range(sent.tok_start, sent.tok_end):
            word = doc.tokens[t].text
            if word not in verbs and not (word[:1] in ("و", "ف") and word[1:] in verbs):
                continue
            if any(doc.tokens[k].text.lstrip("و") in attempts for k in range(max(sent.tok_start, t - 3), t)):
                continue
            for k in range(t + 1, min(sent.tok_end, t + 2 + SELF_DETONATION_WORDS)):
                if doc.tokens[k].text in selves and not doc.tokens[k - 1].text.startswith("ال"):
                    return 2 if doc.tokens[k].text == "نفسيهما" else 1
    return 0


def build_event(a: Analysis, g: Group) -> Event | None:
    check_deadline()  # the article's time budget (marsad/budget.py): a long document has many groups
    kb = a.kb
    best, low, high, cas_used, untied = toll(a, g)
    subtypes = [m.subtype for m in g.members if m.etype == g.etype] or [m.subtype for m in g.members]
    # a capture told by a verbal noun after a verb of success ("تمكنت القوات من تحرير قرية X") is as
    # strong as a verb of capture: the fighting of the same group is what won it (ACLED codes the capture)
    strong_subs = [m.subtype for m in g.members if (m.hit.mention.strength == "strong" or m.subtype == TERRITORY)
                   and m.etype == g.etype] or subtypes
    sub = min(strong_subs, key=lambda s: SUBTYPE_PRIORITY.index(s) if s in SUBTYPE_PRIORITY else -1)
    etype = g.etype
    if sub == "Suicide bomb" and not best and (bombers := _bombers_dead(a, g)):
        best, low, high = bombers, bombers, max(high, bombers)  # "فجر الانتحاري نفسه": he died in it
    actor1, actor2, assoc1, assoc2, actor_spans = actors_for(a, g, etype, sub, cas_used)
    if sub == TERRITORY:
        # ACLED: government forces or their affiliates (a militia allied to the state's forces)
        sub = "Government regains territory" if actor1 and _state_side(kb, actor1) else \
            "Non-state actor overtakes territory"
    if etype == "Violence against civilians" and sub == "Attack" and actor2 and actor2 != "Civilians" and \
            kb.inter(actor2) in ARMED_CODES:
        etype, sub = "Battles", "Armed clash"  # ACLED codes killings of fighters as clashes
    if (etype, sub) == ("Violence against civilians", "Attack") and actor1 and _state_side(kb, actor1) and \
            _protesters_hit(a, g):
        # "أطلقت قوات الأمن النار على متظاهرين": forces firing on demonstrators are ACLED's excessive
        # force against protesters, not an attack on civilians
        etype, sub, actor2 = "Protests", "Excessive force against protesters", "Protesters"
    if (etype, sub) == ("Violence against civilians", "Attack") and not best and actor1 and \
            _state_side(kb, actor1) and _crowd_named(a, g) and crowd_control_sentences(a, g):
        # "أطلقت قوات الأمن الرصاص المطاطي على المتظاهرين": a force's riot-control fire on a crowd
        # that killed no one is the protest it met (ACLED's protest with intervention)
        etype, sub, actor1, actor2, assoc1, assoc2 = "Protests", "Protest with intervention", "Protesters", \
            actor1, [], []
    if (etype, sub) == ("Battles", "Armed clash") and "Protesters" in (actor1, actor2):
        # "اشتبك محتجون مع رجال الشرطة": a clash whose one side is demonstrators is a riot (ACLED's
        # violent demonstration), not a battle between armed groups
        etype, sub = "Riots", "Violent demonstration"
    if (etype, sub) == ("Battles", "Armed clash") and best and _crowd_confronted(a, g, actor1, actor2, cas_used):
        if _protest_told(a, g):
            # "خلال مسيرات العودة ... مواجهات أسفرت عن مقتل 16 فلسطينياً": a force's fire on a protest's
            # crowd, people not fighters killed (ACLED's excessive force against protesters)
            etype, sub, actor2, assoc1, assoc2 = "Protests", "Excessive force against protesters", "Protesters", [], []
        else:
            # "سقط شاب شهيدا خلال مواجهات اشتعلت مع القوات الإسرائيلية في مخيم جنين": confrontations with
            # a force and no protest told are a riot (ACLED's violent demonstration: rioters against it)
            etype, sub, actor2, assoc1, assoc2 = "Riots", "Violent demonstration", actor1, [], []
    if etype == "Protests" and sub != "Excessive force against protesters":
        # "وأدت احتجاجات الجمعة إلى مقتل 3. وأفادت مصادر أن الضحايا سقطوا برصاص ميليشيات X": the side
        # the text marks as the killer, in the toll's sentence or the next, before any force nearby
        # (a next sentence that counts dead of its own tells another killing)
        told = {a.sentence_index(c.tok_start) for c in cas_used if c.kind in ("killed", "mixed")}
        counting = {a.sentence_index(c.tok_start) for c in a.casualties if c.kind in ("killed", "mixed")}
        killer = (marked_killer(a, told | {i + 1 for i in told if i + 1 not in counting}) if best else None) or \
            protest_violence(a, g, cas_used)
        if killer and best and _only_forces_killed(cas_used):
            # "اندلعت الاشتباكات إثر احتجاجات ... مقتل 5 من أفراد الشرطة": a protest whose clashes with
            # the police killed policemen turned violent (ACLED's violent demonstration), no force's fire
            etype, sub, actor1, actor2, assoc1, assoc2 = "Riots", "Violent demonstration", "Rioters", killer, [], []
        elif killer and (best or _wounded_by_fire(a, g)):
            # forces killing demonstrators: ACLED's excessive force against protesters
            sub, actor1, actor2, assoc1, assoc2 = "Excessive force against protesters", killer, "Protesters", [], []
        elif not best and (met := crowd_control_sentences(a, g)):
            # "خرجت تظاهرة لكن قوات الأمن عملت على تفريقها": ACLED's protest with intervention, the
            # protesters against the force that met them
            sub, actor1, assoc1, assoc2 = "Protest with intervention", "Protesters", [], []
            actor2 = force_named_in(a, met) or killer
        elif best and not _only_forces_killed(cas_used):
            # "البصرة التي قتل فيها 7 أشخاص خلال احتجاجات الثلاثاء": people killed at a protest, the
            # killer not named near it, is no peaceful protest: the state's forces met it
            sub, actor1, actor2, assoc1, assoc2 = "Excessive force against protesters", \
                state_force_of_article(a), "Protesters", [], []
        else:
            actor1, actor2, assoc1, assoc2 = "Protesters", None, [], []
    if (etype, sub) == ("Riots", "Violent demonstration"):
        # ACLED: the rioters, against the force they fought if the text names one
        faced = [x for x in (actor1, actor2) if x and x not in ("Protesters", "Rioters", "Civilians")]
        actor1, actor2, assoc1, assoc2 = "Rioters", (faced[0] if faced else None), [], []
    where = _best_where(g)
    place = where.place
    when = g.when
    inter1 = kb.inter(actor1) if actor1 else None
    inter2 = kb.inter(actor2) if actor2 else None
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
    evidence["location"] = _location_evidence(g, where)
    set_aside = _places_set_aside(a, g)
    if set_aside:
        evidence["location_set_aside"] = set_aside
    for field_name, spans in actor_spans.items():
        for s in spans:
            ev(field_name, s)
    for dm in when.mentions:
        ev("event_date", Span(dm.start, dm.end, dm.text))
    for c in cas_used:
        ev("fatalities", Span(*evidence_span(a, c)))  # "بسقوط شهيد": with its verb of falling
    attribution, attr_span = event_attribution(a, g, cas_used)
    if attr_span:
        ev("attribution", attr_span)
    article = a.article
    part = container_part(where)
    lat, lon = (part.latitude, part.longitude) if part is not None else (place.latitude, place.longitude)
    record = Event(
        event_id="",
        event_type=etype,
        sub_event_type=sub,
        event_date=when.start.isoformat() if when.start else None,
        event_date_start=when.start.isoformat() if when.start else None,
        event_date_end=when.end.isoformat() if when.end else None,
        time_precision=when.precision if when.start else None,
        actor1=actor1, actor2=actor2, assoc_actor_1=assoc1, assoc_actor_2=assoc2,
        inter1=inter1, inter2=inter2, interaction=interaction,
        country=place.country, admin2=place.admin2,
        admin1=(part and part.admin1) or place.admin1 or _admin1_by_polygon(place),
        location=where.unknown_name or (part and container_location(where)) or place.name,
        latitude=round(lat, 5), longitude=round(lon, 5),
        geo_precision=where.precision,
        fatalities=best, fatalities_low=low, fatalities_high=high,
        attribution=attribution,
        source=article.source, source_url=article.url, article_id=article.article_id,
        published=a.published.isoformat() if a.published else None,
        language=article.language, evidence=evidence,
    )
    record.notes = _notes_for(record, where)
    if part is not None:
        record.notes += " " + part.how
    if where.unknown_name:
        told = "the area of the article's lead" if where.located_by is not None else "the place the text puts it in"
        placed = "located by" if part is not None else "placed at"
        record.notes += f" {where.unknown_name} is not in the gazetteer: it is {placed} {place.name}, {told}."
    if untied:
        counts = ", ".join(c.text for c in untied)
        record.notes += (f" A toll in the text ({counts}) is left out: it is told over weeks or more or since a"
                         " campaign's start, or is too large for one place and day (or told beside such a"
                         " toll), and the text does not tie it to this event.")
        for c in untied:
            ev("fatalities_set_aside", Span(c.start, c.end, c.text))
    key = "|".join([EXTRACTOR_VERSION, article.text_hash, etype, sub, where.town_key, when.key,
                    str(min(m.hit.mention.start for m in g.members))])
    record.event_id = "ev-" + hashlib.sha256(key.encode()).hexdigest()[:16]
    return record


def _admin1_by_polygon(place) -> str | None:
    """The governorate whose polygon holds a place the gazetteer gives none (a region, a sea strait)."""
    if place.kind == "country":
        return None
    from marsad.geo import areas
    hit = areas.admin1_at(place.latitude, place.longitude)
    if hit is None or hit[0] != place.country_code:
        hit = areas.nearest_admin1(place.latitude, place.longitude, place.country_code) \
            if place.country_code in _POLYGON_COUNTRIES else None
    return hit[2] if hit is not None and hit[0] == place.country_code else None


def _location_evidence(g: Group, where: Where) -> list[dict]:
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
            if where.unknown_name:
                item["in_gazetteer"] = False
                item["container"] = {"place_id": where.place.place_id, "name": where.place.name}
            item["geo_precision"] = where.precision
            item["reason"] = "; ".join(r for r in (_precision_reason(where), pm.resolution, pm.reason) if r)
            if pm.alternatives:
                item["alternatives"] = [
                    {"place_id": c.place_id, "name": c.name, "country": c.country, "admin1": c.admin1,
                     "latitude": round(c.latitude, 5), "longitude": round(c.longitude, 5), "why_not": why}
                    for c, why in pm.alternatives]
        elif pm.resolution:
            item["reason"] = pm.resolution
        out.append(item)
    return out


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


def _places_set_aside(a: Analysis, g: Group) -> list[dict]:
    """Places named in the group's sentences that are not its location (routes, origins,
    destinations, references, datelines), each with its role and the reason."""
    from marsad.stages.event_places import mentions_of_sentence
    used = {(w.mention.start, w.mention.end) for w in g.places}
    out = []
    for pm in (pm for s in sorted(g.sentences) for pm in mentions_of_sentence(a, s)):
        if pm.role == "event" or (pm.start, pm.end) in used:
            continue
        item = Span(pm.start, pm.end, pm.text).to_dict()
        item.update(role=pm.role, reason=pm.reason or pm.role)
        if pm.place is not None:
            item["place_id"] = pm.place.place_id
        out.append(item)
    return out


def _best_where(g: Group) -> Where:
    """The most precise named place of the group (a neighbourhood beats its town, and a village
    the gazetteer does not know beats the town or countryside that locates it)."""
    counted: dict[str, int] = {}
    for w in g.places:
        counted[w.place.place_id] = counted.get(w.place.place_id, 0) + 1

    def rank(w: Where) -> int:
        if w.mention.place is not None:
            return _PLACE_RANK.get(w.place.kind, 5)
        return _PLACE_RANK["village"] if w.unknown_name else _PLACE_RANK["city"]

    return min(g.places, key=lambda w: (rank(w), w.precision, -counted[w.place.place_id], w.mention.tok_start))


def _notes_for(e: Event, where: Where) -> str:
    when = ("on an unknown date" if not e.event_date else
            f"on {e.event_date}" if e.event_date_start == e.event_date_end else
            f"between {e.event_date_start} and {e.event_date_end}")
    place = e.location or "an unnamed place"
    if e.location == container_location(where):
        pass  # "Eastern Homs countryside" says it
    elif where.precision == 2 and where.direction:
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
