"""One act told twice, at two descriptions of its place: one event (the guide: one per actor
pair, place and day).

A report often names an act once and then again: at the district or area around it
("... في منطقتي X وY بمديرية Z"، "وشن غارات على معسكر في مديرية Z" after the strikes on a spot
the text puts in Z), or in a sentence that restates it with the spot it hit ("شن الجيش هجوماً
على أطراف منطقة X. وأفاد مصدر أن الهجوم استهدف مواقع في منطقة Y الفاصلة بين X و...").
Grouping by town keeps such pairs apart (two places); this stage joins them when

- both are of one type, share a kind of act and a day;
- the wider of the two counts no number of dead of its own;
- they are told together: in one sentence, in two sentences one right after the other, or the
  second by words that refer back to an act told (الهجوم، القصف، هذه الاشتباكات);
- and their places are tied by the text: the second's place contains the first's (the text puts
  the first in it, or it is a district, مديرية Z, whose gazetteer district holds the first), or
  the other way round, and then the event keeps the finer place; or the second refers back and
  names the first's place beside its own spot, and then the event is at that spot.

Two towns struck by one sentence, a district that holds none of the places told, an area
around several places (their summary, grouping._merge_summaries) and a place a sentence adds
with "أيضاً" stay events of their own. ``clashes_of_a_killing``: "clashes" told with a deadly
attack on people, no armed group a side of them, are that attack told again;
``area_of_unnamed_places``: an area told only as where unnamed places lie (بلدات عدة في ريف X)
beside the towns of it the report names is their summary. ``clashes_with_the_attackers``: a force's clash with "the attackers" (اشتبكت مع المهاجمين) of a
blast told before, at its place and day, is that blast's response, one event.
"""
from __future__ import annotations

from marsad.arabic.normalise import definite
from marsad.cues import cue_matcher, cue_words
from marsad.stages.analysis import Analysis, Group, Where


def one_act_told_twice(a: Analysis, groups: list[Group]) -> list[Group]:
    """The groups, each act told twice at its place and at a container or a restated spot joined."""
    from marsad.stages.grouping import _fold, _numbers_dead, _refers_back
    kept = list(groups)
    for g in sorted(groups, key=lambda x: min(x.sentences)):
        if g not in kept:
            continue
        subtypes = {m.subtype for m in g.members}
        first = min(g.sentences)
        refers = _refers_back(a, g)
        if _adds_a_target(a, first):
            continue
        pairs = []  # (the group told with g, the wider of the two)
        for o in sorted(kept, key=lambda x: -max(x.sentences)):
            if o is g or o.etype != g.etype or not o.when.compatible(g.when) or \
                    not subtypes & {m.subtype for m in o.members} or min(o.sentences) > first or \
                    o.where.town_key == g.where.town_key:
                continue
            if not (o.sentences & g.sentences or first - max(o.sentences) == 1 or refers):
                continue  # (told apart, without a word that refers back: two acts)
            if _contains(a, g, o):
                pairs.append((o, g))
            elif _contains(a, o, g):
                pairs.append((o, o))
            elif refers and first > max(o.sentences) and _names_place_of(a, first, o.where):
                pairs.append((o, o))  # the restatement's spot is where the act hit
        if sum(wide is g for _, wide in pairs) > 1:
            continue  # an area around several places told: their summary (grouping._merge_summaries)
        for o, wide in pairs[:1]:
            if _numbers_dead(a, wide):
                continue  # (a place that counts dead of its own tells an act of its own)
            if wide is o and not _contains(a, o, g):
                for m in g.members:
                    m.restated = True
            wide.places = []  # the wider place does not displace the finer one
            _fold(o if wide is g else g, wide, kept)
    return kept


def _contains(a: Analysis, gx: Group, gy: Group) -> bool:
    """Is the place ``x`` of group ``gx`` the container of the place ``y`` of ``gy`` by the text:
    ``y`` is put in (or by) ``x`` up the chain of places that locate it, or ``x`` is named as a
    district (مديرية X) whose gazetteer district holds the place ``y`` resolves to? (A town named twice in one sentence, once to
    locate a village and once as a target of its own, "قرية Y بريف مدينة X وموقع في مدينة X", is
    a second target, not the container told again.)"""
    x, y = gx.where, gy.where
    if x.unknown_name:
        return False
    from marsad.stages.grouping import _anchored_at
    if _anchored_at(y, x.place) and \
            a.sentence_index(y.mention.tok_start) not in {a.sentence_index(w.mention.tok_start) for w in gx.places}:
        return True
    p, q = x.place, y.place
    district = p.kind == "admin2" or x.mention.relation == "district"
    return district and not y.unknown_name and y.mention.relation != "district" and \
        (p.country_code, p.admin1) == (q.country_code, q.admin1) and bool(p.admin2) and p.admin2 == q.admin2 and \
        p.place_id != q.place_id


def _names_place_of(a: Analysis, sentence: int, w: Where) -> bool:
    """Does the sentence name the place ``w`` is at (as the border, reference or anchor of its
    own spot: "منطقة Y الفاصلة بين منطقة X و...")?"""
    if w.unknown_name:
        return False
    s = a.doc.sentences[sentence]
    return any(s.tok_start <= pm.tok_start < s.tok_end and pm.place is not None and
               pm.place.place_id == w.place.place_id for pm in a.places.mentions)


def _adds_a_target(a: Analysis, sentence: int) -> bool:
    """"وطال القصف أيضاً مدينة حماة": a sentence with a word that adds a target (``additive_adverb``)
    tells another place hit."""
    s = a.doc.sentences[sentence]
    return bool(cue_matcher("additive_adverb").find(a.doc, s.tok_start, s.tok_end))


def clashes_of_a_killing(a: Analysis, groups: list[Group]) -> list[Group]:
    """"قتلت القوات 41 فلسطينياً ... في اشتباكات عنيفة في منطقة X ... وقالت وزارة الصحة التابعة لحماس
    إن فتى لقي حتفه في الاشتباكات": "clashes" told in the sentence of a deadly attack on people, on
    its day, by a force that fought no armed group the text names as a side (a group named only as
    the speaker or owner of a source is none), or in a heading over it at its town, are the
    attack's circumstances told again, no event of their own."""
    from marsad.stages.grouping import _death_counts, _is_summary, _kills
    from marsad.stages.roles import _source_mentions
    sources = _source_mentions(a)
    kept, dropped = list(groups), []
    for g in groups:
        if g.etype != "Battles" or any(m.subtype != "Armed clash" for m in g.members):
            continue
        attack = next((o for o in kept if o.etype == "Violence against civilians" and o.when.compatible(g.when)
                       and (o.sentences & g.sentences or
                            _is_summary(a, g, "heading") and o.where.town_key == g.where.town_key or
                            # "مقتل طفل برصاص إسرائيلي ... قتل طفل برصاص الجيش فيما أصيب 15 خلال مواجهات":
                            # the same dead counted again in the confrontations' sentence
                            bool(_death_counts(a, g)) and _death_counts(a, g) <= _death_counts(a, o))
                       and _kills(a, o) and
                       (o.where.place.country_code, o.where.place.admin1) ==
                       (g.where.place.country_code, g.where.place.admin1)), None)
        if attack is None or any(a.kb.inter(x.actor) in (2, 3, 4) and id(x) not in sources and
                                 not _owner_of_a_source(a, x) and a.in_group(g, x.tok_start) for x in a.actors):
            continue
        # (its dead, if it counts any, are the attack's told again: "لقي فتى حتفه في الاشتباكات"
        # beside "قتلت القوات 41 فلسطينياً"; the attack's own count stands)
        kept.remove(g)
        dropped.append(g)
    # "وأضافت المصادر أن المواجهات التي اندلعت قرب المعبر أسفرت عن إصابة 15": the same confrontations
    # named again by a definite word, with no dead and no armed side of their own, are those
    # circumstances too
    for g in [g for g in kept if g.etype == "Battles" and dropped and not _kills(a, g)]:
        first = a.doc.tokens[min(m.hit.mention.tok_start for m in g.members)].text
        if all(m.subtype == "Armed clash" for m in g.members) and first in cue_words("confrontation_noun") and \
                first.lstrip("و").startswith("ال") and \
                any(d.when.compatible(g.when) and (d.where.place.country_code, d.where.place.admin1) ==
                    (g.where.place.country_code, g.where.place.admin1) for d in dropped) and \
                not any(a.kb.inter(x.actor) in (2, 3, 4) and id(x) not in sources and a.in_group(g, x.tok_start)
                        for x in a.actors):
            kept.remove(g)
    return kept


def _owner_of_a_source(a: Analysis, x) -> bool:
    """"وزارة الصحة التابعة لحماس": an actor named right after a word of belonging (``owner_link``)
    that follows an institution (``institution_noun``: وزارة) owns the body that speaks; it is no
    side. ("قوات الأمن التابعة لحماس" are Hamas's: a force, no institution.)"""
    t = x.tok_start
    if t < 2 or a.doc.tokens[t - 1].text not in cue_words("owner_link"):
        return False
    return bool(cue_matcher("institution_noun").find(a.doc, max(0, t - 5), t - 1))


def clashes_with_the_attackers(a: Analysis, groups: list[Group]) -> list[Group]:
    """"قتل 12 شخصا في هجوم انتحاري استهدف مقر المفوضية في طرابلس ... وأشار إلى أن قوات الأمن دخلت إلى
    المبنى واشتبكت مع المهاجمين": a clash whose every sentence names its foe only by a definite word
    for the doers of an act (``attacker_noun``: المهاجمين، المسلحين، منفذي الهجوم), at the place and on
    the day of a blast told before it (ACLED codes the method), counting no dead in its sentences,
    is the force answering that act, not a battle of its own. Clashes with armed men the
    sentence introduces (مع مسلحين) are another fight; so is the exchange of fire that ends a
    shooting attack on a force ("وقتل المهاجمون في تبادل للنار مع قوات الأمن": with the attack on
    the men of a force it is the battle ACLED codes, so only blasts take it)."""
    from marsad.stages.grouping import _kills, _spot_of
    kept = list(groups)
    for g in sorted(groups, key=lambda x: min(x.sentences)):
        if g not in kept or g.etype != "Battles" or any(m.subtype != "Armed clash" for m in g.members):
            continue
        told = {m.sentence for m in g.members if m.hit.mention.strength == "strong"}
        # (a clash whose sentences count dead, "قتل أربعة آخرون في الاشتباك مع المهاجمين", is a fight
        # with a toll of its own)
        if not told or not all(_names_the_doers(a, i) for i in told) or _kills(a, g):
            continue
        first = min(g.sentences)
        act = next((o for o in sorted(kept, key=lambda x: -max(x.sentences)) if o is not g and
                    o.etype == "Explosions/Remote violence" and
                    min(o.sentences) < first and o.when.compatible(g.when) and
                    (o.where.town_key == g.where.town_key or _spot_of(a, g.where, o.where))), None)
        if act is not None:
            kept.remove(g)  # (its words name no side of the act: the act's own sentences do)
    # "قتل ستة من الحرس في كمين نصبه مسلحون قرب القصرين. وقالت الوزارة إن المسلحين هاجموا الدورية
    # بعبوة ناسفة قبل أن يطلقوا النار": a blast told after a fight or an attack, at its place and day,
    # only in sentences that name the doers told already and count no dead, is how that act was done
    for g in sorted(kept, key=lambda x: min(x.sentences)):
        if g.etype != "Explosions/Remote violence" or _kills(a, g) or \
                not all(_names_the_doers(a, i) for i in g.sentences):
            continue
        first = min(g.sentences)
        # (an act told by a word of its own kind, كمين، اشتباكات: a lead told only by a word of attack in
        # general, هجوم، is the blast's summary, grouping._merge_summaries)
        act = next((o for o in kept if o is not g and o.etype in ("Battles", "Violence against civilians") and
                    any(m.hit.mention.strength == "strong" for m in o.members) and
                    max(o.sentences) < first and o.when.compatible(g.when) and
                    (o.where.town_key == g.where.town_key or _spot_of(a, g.where, o.where))), None)
        if act is not None:
            kept.remove(g)
    return kept


def _names_the_doers(a: Analysis, sentence: int) -> bool:
    """Does the sentence name the doers of an act by a definite word (المهاجمين، منفذي الهجوم), and no
    doers it introduces (مسلحين)?"""
    words, constructs = cue_words("attacker_noun"), cue_words("attacker_construct_noun")
    s = a.doc.sentences[sentence]
    toks = a.doc.tokens
    definite_seen = False
    for t in range(s.tok_start, s.tok_end):
        word = toks[t].text.lstrip("و")
        if word not in words:
            continue
        construct = word in constructs and t + 1 < s.tok_end and definite(toks[t + 1].text)
        if definite(word) or construct:
            definite_seen = True
        else:
            return False
    return definite_seen


# How many tokens (a preposition, a word of countryside or side) may stand between the words of
# unnamed places and the name of the area they lie in ("بلدات عدة في الريف الشرقي لمحافظة X").
UNNAMED_PLACES_GAP = 3


def area_of_unnamed_places(a: Analysis, groups: list[Group]) -> list[Group]:
    """"شنت مقاتلات غارات استهدفت مناطق عدة في ريف درعا ... استهدفت بلدات عدة في الريف الشرقي، حيث
    تركز القصف على بلدات الجيزة وكحيل": an area the text names only as where unnamed places lie
    (``unnamed_places``), with no dead of its own, beside groups of its type and day at towns in it
    told in its sentences or the one after, is their summary, not an act of its own. (An act by other
    means, "مناطق عدة في ريف إدلب" struck by planes beside a town shelled, stays its own.)"""
    from marsad.stages.grouping import _another_act, _around, _breadth, _coarser, _counts_dead, _region
    kept = list(groups)
    for g in groups:
        told = [m for m in g.members if not m.join_only]
        if not told or not _region(g.where) or _counts_dead(a, g) or \
                not all(_after_unnamed_places(a, m.where.mention.tok_start) for m in told):
            continue
        near = g.sentences | {i + 1 for i in g.sentences}
        towns = [o for o in kept if o is not g and o.etype == g.etype and o.when.compatible(g.when) and
                 _breadth(o.where) < _breadth(g.where) and not _region(o.where) and _around(g.where, o.where) and
                 _coarser(g.where, o.where) and o.sentences & near and not _another_act(g, o)]
        if towns:
            kept.remove(g)
    return kept


def _after_unnamed_places(a: Analysis, tok: int) -> bool:
    """Do words of unnamed places (بلدات عدة، عدد من مدن) end right before token ``tok``, or a few
    tokens before it with no comma between (في ريف X، في الريف الشرقي لمحافظة X)?"""
    lo = max(0, tok - 4 - UNNAMED_PLACES_GAP)
    return any(tok - UNNAMED_PLACES_GAP <= m.tok_end <= tok and
               not any(a.doc.tokens[t].text in ("،", ",", ".") for t in range(m.tok_end, tok))
               for m in cue_matcher("unnamed_places").find(a.doc, lo, tok))
