"""Roles: who did what to whom in each event (actor1, actor2 and their allies).

The sides of "بين X و Y" when the text names them; else by role: the perpetrator nearest
the triggers, the victims named by the death counts (a soldier killed makes his force a
side), the target a strike or an arrest implies.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from marsad.actors import forces_of, load_actor_kb
from marsad.cues import cue_matcher, cue_phrases, cue_starts, cue_words
from marsad.errors import KnowledgeBaseError
from marsad.arabic.normalise import normalise_term
from marsad.kb import load_table
from marsad.model import ActorMention, Casualty, Span
from marsad.stages.weapon_owner import taker_in_trigger, weapon_owners
from marsad.stages.analysis import ARMED_CODES, UNIDENTIFIED, Analysis, Group
from marsad.stages.country_agents import joint_lead
from marsad.stages.defenders import defends
from marsad.stages.frames import usual_means
from marsad.stages.roles_clause import accusations, claimant, fires_from_afar, loyalty_object, stated_agent
from marsad.stages.roles_response import first_mover_sides
from marsad.stages.roles_retold import battle_sides_told_before
from marsad.stages.territory import clause_taker, is_loser, taker_against
from marsad.stages.roles_refer import (civilian_office_victim, pronoun_victims, reciprocal_group, relative_perpetrator,
                                      later_act_doer, story_sentences, struck_owners)
from marsad.stages.tolls import victim_actors
from marsad.triggers import TERRITORY

# the side of a tribal fight whose tribe the text does not name (kb/data/actors.tsv)
TRIBAL = "Unidentified Tribal Militia"


def actors_for(a: Analysis, g: Group, etype: str, sub: str, cas: list[Casualty]):
    """(actor1, actor2, assoc1, assoc2, evidence spans by field) of one group."""
    told = a.memo.setdefault("sides_told", [])
    retold = _retold_sides(a, g, etype, told)
    if retold is not None:
        # "قتل عشرات من عناصر الحوثي بغارات للتحالف على مواقع ... وقالت المصادر إن الغارات تركزت في
        # مديريات X وY": strikes told again by a definite noun, in sentences that name no side, are
        # between the sides they had when first told
        return retold[0], retold[1], list(retold[2]), list(retold[3]), {}
    actor1, actor2, assoc1, assoc2, spans = _actors_for(a, g, etype, sub, cas)
    joined = joint_lead(a, actor1, actor2, assoc1, assoc2)
    if joined is not None:
        # "شنت الولايات المتحدة وبريطانيا وفرنسا ضربات": one side, led by the first country named
        actor1, actor2, assoc1, assoc2 = joined
        if actor2 is None and etype == "Explosions/Remote violence":
            actor2 = _military_target_owner(a, g, actor1)
    answered = first_mover_sides(a, g, actor1, actor2, actor2 == "Civilians" or _civilian_victims(a, g))
    if answered is not None:
        # "قصفت مدفعية الجيش مواقع المسلحين ردا على اعتداءاتهم بالقذائف على مدينة X": the act a
        # response answers is the other side's (roles_response.py)
        actor1, actor2 = answered
        assoc1 = [n for n in assoc1 if n not in answered and not a.kb.allied(n, actor2 or "")]
        assoc2 = [n for n in assoc2 if n not in answered]
        spans = {}
    if etype == "Battles" and sub != TERRITORY and actor1 is None and actor2 is None:
        # "... في اشتباكات بين قوات المقاومة الوطنية والمتمردين. وتركزت المواجهات بين الطرفين شمالي
        # مديرية حيس": the battle told before, retold with its place
        told_before = _sides_told_before(a, g)
        if told_before is not None:
            actor1, actor2 = told_before
    if actor1 in (None, "Unidentified Armed Group"):
        # "انفجرت سيارة مفخخة ... وأعلنت حركة الشباب مسؤوليتها عن الهجوم": the claimant did it
        claimed = claimant(a, g)
        if claimed is not None and claimed != actor2 and claimed not in assoc2:
            actor1 = claimed
    if etype == "Battles" and sub != TERRITORY:
        # "اشتباكات بين قيادات ميليشيا الحوثي": the group's own parts fought each other
        one = reciprocal_group(a, g)
        if one is not None:
            actor1, actor2, assoc1, assoc2 = one, one, [], []
    authority = _de_facto_authority(a, g)
    if authority is not None:
        # "اعتقلت الأجهزة الأمنية ثلاثة أشخاص في مخيم جباليا": Gaza's police are Hamas's
        state, ruler = authority
        actor1, actor2 = (ruler if n in state else n for n in (actor1, actor2))
        assoc1 = [n for n in dict.fromkeys(ruler if n in state else n for n in assoc1) if n != actor1]
        assoc2 = [n for n in dict.fromkeys(ruler if n in state else n for n in assoc2) if n != actor2]
        if actor1 == actor2 and actor1 is not None:
            # "طوقت قوات الأمن مخبأ المشتبه به ... أعلنت حماس توقيفه": the ruler's police against
            # gunmen of no named group in a fight, else against the people they arrest
            actor2 = "Unidentified Armed Group" if etype == "Battles" else "Civilians"
    told.append((min(g.sentences), etype, (actor1, actor2, tuple(assoc1), tuple(assoc2))))
    return actor1, actor2, assoc1, assoc2, spans


def _actors_for(a: Analysis, g: Group, etype: str, sub: str, cas: list[Casualty]):
    kb = a.kb
    sources = _source_mentions(a)
    named_group = _attackers_group(a)
    # "مسلحون ينتمون إلى داعش": the gunmen are the group named after them, not another side
    in_group = [x for s in sorted(g.sentences) for x in a.actors_of_sentence(s)
                if not _affiliation_only(a, x) and not loyalty_object(a, x) and id(x) not in sources
                and named_group.get(id(x)) is not False]
    if sub == "Air/drone strike" and not any(kb.inter(x.actor) in AIR_FORCE_CODES for x in in_group):
        # "قالت القيادة الأمريكية في أفريقيا إن غارة جوية أسفرت عن مقتل مسلحين": a force that strikes
        # from the air (usual_means.tsv) tells its own strikes; it is the striker when no other
        # force the strike could be is named beside it
        in_group += [x for s in sorted(g.sentences) for x in a.actors_of_sentence(s)
                     if id(x) in sources and usual_means().get(x.actor) == "Air/drone strike"
                     and id(x) not in _deniers(a)]
    armed = [x for x in in_group if kb.inter(x.actor) in ARMED_CODES]
    spans: dict[str, list[Span]] = {}
    victims = []
    # the clause's own agent, else the doer a relative clause names ("العملية التي نفذها تنظيم داعش"; of
    # an air strike only a force that flies: "الهجمات التي شنتها القوات المشتركة" tells the ground attack)
    stated = None
    if etype != "Strategic developments":
        told = relative_perpetrator(a, g)
        if told is not None and sub == "Air/drone strike" and kb.inter(told) not in AIR_FORCE_CODES:
            told = None
        stated = stated_agent(a, g, sub) or told
    if etype == "Explosions/Remote violence" and stated in {x.actor for x in in_group if defends(a, x)}:
        stated = None  # "تصدت الدفاعات الجوية السورية لعدوان": the subject of the defence verb was hit
    generic = _generic_spans(a)
    for c in cas:
        # "قتل ثمانية جنود في هجوم نفذه مسلحون من حركة الشباب": the attackers' group is no victim
        found = [x for x in victim_actors(a, c) if not named_group.get(id(x))]
        if not found:
            # "اعترفت ميليشيات الحوثي بمقتل أحد قادتها"، "أما تنظيم داعش فقتل منه 58 مسلحا": the force
            # the victims' pronoun refers to
            told = pronoun_victims(a, c)
            found = [told] if told is not None else []
        if found and (found[0].tok_start, found[0].tok_end) in generic and kb.inter(found[0].actor) == 1:
            # "هجوم استهدف النقاط الأمنية التابعة للحزام الأمني ... مقتل خمسة من الجنود": soldiers told
            # by a generic word are the men of the force whose post was hit
            owner = _post_owner(a, g, stated)
            if owner is not None:
                victims.append((owner, c.count or 0, found[0]))
                continue
        if found:
            victims.append((found[0].actor, c.count or 0, found[0]))
        elif c.victim_class in ("civilians",):
            if _people_at_a_force(a, g, c):
                continue  # "استهدفت مسيرة مقراً لمقاتلي يبشة وقتلت ثلاثة أشخاص": the force's men
            victims.append(("Civilians", c.count or 0, None))
        elif c.victim_class == "security" and a.places.countries:
            # "هجوم استهدف النقاط الأمنية التابعة للحزام الأمني ... مقتل خمسة من الجنود": the men of the
            # force whose post was hit, else the country's army
            name = _post_owner(a, g, stated) or forces_of(a.places.countries[0])
            victims.append((name, c.count or 0, None))
        elif c.victim_class == "fighters" and (c.count or 0) > 0:
            # "أسفرت الغارة عن مقتل مسلحين اثنين": armed men of no named group, not civilians
            victims.append(("Unidentified Armed Group", c.count or 0, None))
    if any(x is not None and name != "Civilians" for name, _, x in victims):
        # "قتلت 100 عنصر" and "قتلت كل عناصر الميليشيا": fighters of no named group are the named
        # side's, not another, unidentified one
        victims = [v for v in victims if not (v[0] == "Unidentified Armed Group" and v[2] is None)]
    victim_names: dict[str, int] = {}
    for name, n, _ in victims:
        victim_names[name] = victim_names.get(name, 0) + n
    hurt: set[str] = set()  # forces whose men the group counts wounded, none killed
    if not victim_names and _civilian_victims(a, g):
        # "أصيبت امرأة وطفلها"، "قتلت الغارات 80 شخصاً في بلدات X وY وZ" (a toll over several places,
        # none of it this place's): the civilians were the target
        victim_names["Civilians"] = 0
    elif not victim_names and etype != "Battles" and civilian_office_victim(a, g):
        # "اغتيل في بيروت الوزير السابق X ... اتهام نظام الأسد": a politician killed is a civilian
        victim_names["Civilians"] = 0
    elif not victim_names:
        # "ما أدى إلى إصابة ثلاثة من عناصر الأمن العام": the force whose men were hurt was the target
        for name in _hurt_forces(a, g):
            victim_names.setdefault(name, 0)
            hurt.add(name)

    sides = _between_sides(a, g)
    actor1 = actor2 = None
    if sides:
        actor1, actor2 = sides
        if etype == "Explosions/Remote violence" and actor1 in victim_names and actor2 not in victim_names:
            # "المواجهات بين التنظيم والمقاتلين الأكراد ... أما التنظيم فقتل منه 58 أغلبهم في الغارات":
            # the side whose men the strikes killed is not their striker
            actor1, actor2 = actor2, actor1
    elif etype == "Battles" and not sub == TERRITORY:
        victim_armed = [n for n in victim_names if n != "Civilians"]
        unidentified = [x.actor for x in armed if x.actor == "Unidentified Armed Group"]
        # "الجيش الوطني وبإسناد من طيران التحالف": the supporter is no side of the ground battle, nor
        # the owner of the strikes told beside it ("مواجهات مع القوات المشتركة وغارات لمقاتلات التحالف")
        fighting = [x for x in armed if not _supporting(a, x) and not fires_from_afar(a, x)]
        told_before = _sides_told_before(a, g) if armed and not fighting else None
        # "وتركزت المواجهات في محيط المطار مع تكثيف مقاتلات التحالف قصفها": only the backer is named
        # here; the sides are those of the battle this retells
        names = list(told_before) if told_before else _salient(fighting or armed, g)
        # a foreign force allied to the country's own army, named beside it, backs the army's ground
        # battle ("معارك الجيش الوطني ... وغارات التحالف"): the army is the side
        if names and kb.inter(names[0]) == 8:
            own = next((n for n in names[1:] if kb.inter(n) == 1 and kb.allied(n, names[0])), None)
            if own is not None:
                names = [own] + [n for n in names if n != own]
        if unidentified:
            actor1 = unidentified[0]
            others = [n for n in victim_armed + names if n != actor1]
            actor2 = others[0] if others else None
        elif not armed and not victim_armed and kb.inter(_article_actor(a) or "") == 1 and \
                not all(a.doc.sentences[s].is_heading for s in g.sentences) and _sides_told_before(a, g) is None:
            # "واحتدمت المعارك البرية في محيط الغوطة الشرقية": a battle its sentences name no side of,
            # in an article whose most named side is a state's force, is between that force and the
            # side it fights in the article (not so when a foreign or rebel force leads the article, nor
            # in a headline over several fronts: the battle may be another pair's; nor when the battle
            # sentence just before names its sides: the battle retold, see actors_for)
            actor1 = _article_actor(a)
            actor2 = _opponent(a, actor1)
        else:
            ordered = victim_armed + [n for n in names if n not in victim_armed]
            actor1 = ordered[0] if ordered else None
            rest = [n for n in ordered[1:] if not kb.allied(n, actor1)]
            actor2 = rest[0] if rest else None
    else:
        victim_mentions = {id(x) for c in cas for x in victim_actors(a, c) if not named_group.get(id(x))}
        perpetrators = [x for x in armed if id(x) not in victim_mentions]
        if etype in ("Explosions/Remote violence", "Violence against civilians"):
            # "لقي 100 عنصر حوثي مصرعهم جراء غارات ... قتلت كل عناصر الميليشيا": the side whose men
            # the strike killed is not its striker, wherever the text names it again
            perpetrators = [x for x in perpetrators if x.actor not in victim_names]
            # "غارات على مواقع لميليشيا الحوثي": the owner of the positions hit is the target
            aimed = _aimed_at(a, g)
            # the owner of what was hit is never the striker, even when no other actor is near
            # ("القصف تركز على موقع لقوى الأمن الداخلي": the striker is the article's, below)
            perpetrators = [x for x in perpetrators if id(x) not in aimed]
            # "هجوم كيميائي على مدينة دوما التي تعتبر آخر معاقل المعارضة": the place's holder is hit
            perpetrators = [x for x in perpetrators if not _holds_place(a, x)]
            # "تصدت الدفاعات الجوية لهجوم صاروخي": the defences' force was attacked, it fired nothing
            perpetrators = [x for x in perpetrators if not defends(a, x)]
            if sub == "Air/drone strike":
                # "مهد القصف الجوي الطريق أمام تقدم قوات الشرعية": the ground force it opened the way for
                # and the force backing that advance ("تقدم قوات الشرعية بإسناد من القوات الإماراتية")
                ahead = {m.tok_end for m in _cue_in_units(a, g, "advance_beneficiary")}
                perpetrators = [x for x in perpetrators if not {x.tok_start, x.tok_start - 1} & ahead and not (
                    _supporting(a, x) and any(e < x.tok_start and a.sentence_index(e) == a.sentence_index(x.tok_start)
                                              for e in ahead))]
        if etype == "Strategic developments" and sub in ("Arrests", "Disrupted weapons use"):
            # the force that arrests or seizes: state forces first, else the nearest armed actor
            trig_sents = {a.sentence_index(m.hit.mention.tok_start) for m in g.members}
            # a force of the state named by its own name ("شرطة نينوى اعتقلت") before one told by a
            # generic word ("اعتقلت قوات الأمن العراقية"): the named unit did it
            generic = _generic_spans(a)
            first_listed = [x.actor for x in sorted(perpetrators, key=lambda x: (x.tok_start, x.tok_end) in generic)
                            if kb.inter(x.actor) == 1 and a.sentence_index(x.tok_start) in trig_sents]
            state = first_listed[:1] + _salient([x for x in perpetrators if kb.inter(x.actor) == 1], g)
            nearest = [n for n in _salient(perpetrators, g) if n != "Unidentified Armed Group"]
            actor1 = state[0] if state else (_article_actor(a, state=True) or (nearest[0] if nearest else None))
            owners = weapon_owners(a, g) if sub == "Disrupted weapons use" else []
            if owners:
                # "أسلحة تابعة للميليشيات"، "طائرة إسرائيلية": the weapon's owner is the second side;
                # the first is the subject inside the trigger, else a force that owns none of them
                owned = {o.actor for o in owners}
                free_state = [n for n in state if n not in owned]
                free_near = [n for n in nearest if n not in owned]
                taker = taker_in_trigger(a, g, owners)
                article = _article_actor(a, state=True)
                actor1 = taker or (free_state[0] if free_state else None) or \
                    (article if article not in owned else None) or (free_near[0] if free_near else None)
                if actor1 is None and kb.inter(owners[0].actor) != 1 and g.where is not None and \
                        g.where.place is not None:
                    # "عثرت القوات على أسلحة تابعة للميليشيات": an unnamed force that takes an armed
                    # group's weapons is the state's
                    own = forces_of(g.where.place.country_code)
                    actor1 = own if own in kb.actors and own not in owned else None
                if actor1 is None or not kb.allied(owners[0].actor, actor1):
                    return _finish_actors(a, g, actor1, owners[0].actor if owners[0].actor != actor1 else None,
                                          in_group, victim_names, spans)
            if actor1 is None and sub == "Arrests" and g.where is not None and g.where.place is not None:
                # "تم القبض على الجاني" with no force named: the arrest is the state's police's, the
                # arrested never the side that acts
                police = forces_of(g.where.place.country_code, "Police")
                actor1 = police if police in kb.actors else forces_of(g.where.place.country_code)
            others = [n for n in _salient([x for x in armed if kb.inter(x.actor) != 1], g)
                      if n not in ("Unidentified Armed Group", actor1) and not kb.allied(n, actor1 or "")]
            if not others and sub == "Arrests":
                # "اشتبك محتجون مع الشرطة ... واعتقال عدد منهم": the protesters the sentence names
                others = [x.actor for x in in_group if kb.inter(x.actor) == 6][:1]
            if not others and sub != "Arrests":
                # (the people an arrest takes are told in its own sentences: "اعتقلت قوات الأمن خمسة
                # أشخاص" beside an attack of another group elsewhere in the article are civilians)
                counts = {n: c for n, c in _article_counts(a).items()
                          if kb.inter(n) != 1 and n != actor1 and not kb.allied(n, actor1 or "")}
                others = sorted(counts, key=lambda n: -counts[n])
            actor2 = others[0] if others else ("Civilians" if sub == "Arrests" else None)
            return _finish_actors(a, g, actor1, actor2, in_group, victim_names, spans)
        if sub == TERRITORY:
            # "اشتباكات مع الميليشيات"، "دحرها من المطار"، "محاصرة الميليشيات": the other side, never the taker
            opponents = [x for x in perpetrators if _after_with(a, x) or is_loser(a, x)]
            perpetrators = [x for x in perpetrators if not any(x is y for y in opponents)]
            if not perpetrators:
                # "ووفق الجيش اليمني فإنه تم استكمال السيطرة على ... محاصرة الميليشيات": the losers' opponent
                losers = {x.actor for x in opponents}
                actor1 = (taker_against(a, losers) if losers else None) or \
                    _article_actor(a, state=True) or _article_actor(a)
                actor2 = opponents[0].actor if opponents else (_opponent(a, actor1) if actor1 else None)
                return _finish_actors(a, g, actor1, actor2, in_group, victim_names, spans)
        names = _salient(perpetrators, g)
        if sub != "Air/drone strike":
            # "تمكن الجيش، بإسناد من طيران التحالف، من السيطرة على": the supporter is an associate of
            # the side it backs, not the side (an air strike is the air force's own deed)
            backed = _salient([x for x in perpetrators if not _supporting(a, x)], g)
            if sub == TERRITORY and backed:
                # "تمكن الجيش اليمني والمقاومة الشعبية من السيطرة": the state's force leads its allies
                state = [n for n in backed if kb.inter(n) == 1 and (n == backed[0] or kb.allied(n, backed[0]))]
                if state:
                    backed = state[:1] + [n for n in backed if n != state[0]]
            names = backed + [n for n in names if n not in backed]
            if sub == TERRITORY and names and not backed:
                # "وكانت قوات النخبة المدعومة من التحالف نجحت في السيطرة": only the backer is named;
                # the taker is the force the article names fighting beside it (not backing, not losing)
                losers = {x.actor for x in opponents} | set(victim_names)
                own = _backed_force(a, set(names), losers)
                if own is not None:
                    names = [own] + names
        if sub == TERRITORY and names:
            # "ونجحت قوات الجيش في استعادة مطار X من تنظيم داعش": the subject of the capture's clause
            # takes it, whoever stands nearer the word (its own allies keep their order)
            taker = clause_taker(a, g)
            if taker is not None and taker != names[0] and not kb.allied(taker, names[0]):
                names = [taker] + [n for n in names if n != taker]
        unknown = _unknown_attacker(a, g) and not any(_claims(a, x) for x in perpetrators) and stated is None
        if unknown:
            # "طائرة مسيرة مجهولة"، "مسلحون مجهولون": the report does not know who attacked
            names = ["Unidentified Armed Group"]
        if sub in ("Suicide bomb", "Remote explosive/landmine/IED"):
            # bombers are seldom named; a named group counts only when it claims the attack
            # (or names the bombers' group: "انتحاريان ينتمون إلى تنظيم داعش")
            claimed = [x.actor for x in perpetrators if (_claims(a, x) or named_group.get(id(x)))
                       and kb.inter(x.actor) != 1]
            names = claimed or ["Unidentified Armed Group"]
        if sub == "Grenade":
            # "أعلنت الشرطة مقتل عشرة أشخاص إثر انفجار قنبلة يدوية ألقاها شخص": the force that
            # announces the toll is no thrower (a thrower the text names elsewhere still counts)
            told = {id(x) for x in perpetrators if any(att.tok_start <= x.tok_start < att.tok_end
                                                       for att in a.attributions)}
            speakers = {x.actor for x in perpetrators if id(x) in told}
            acting = {x.actor for x in perpetrators if id(x) not in told}
            names = [n for n in names if n not in speakers or n in acting] or (
                ["Unidentified Armed Group"] if names else [])
        if stated is not None and stated not in victim_names:
            # the clause says who did it: the planter, the genitive agent, the origin of the fire, the
            # accused (roles_clause.py)
            names = [stated] + [n for n in names if n != stated]
        actor1 = names[0] if names else None
        if actor1 is None:
            if etype in ("Explosions/Remote violence", "Violence against civilians"):
                # (never the side whose men it killed: "سقطت قذيفة على مقر للشرطة ... مقتل شرطيين")
                # nor the owner of a post it was aimed at ("قصف استهدف مقر الحزب X": X is no striker),
                # nor the air defences that met it
                defenders = {x.actor for x in in_group if defends(a, x)}
                # nor the owner of a thing it hit ("مستودعا لصواريخ إيرانية"، "مستودعات ذخيرة تابعة لحزب الله")
                actor1 = _article_perpetrator(a, etype, exclude=set(victim_names) | struck_owners(a, g) | defenders |
                                              _thing_owners(a, g),
                                              story=story_sentences(a, g)) or "Unidentified Armed Group"
            elif etype == "Strategic developments" or sub == TERRITORY:
                actor1 = _article_actor(a, state=True)
        if sub == "Air/drone strike" and actor1 and kb.inter(actor1) not in AIR_FORCE_CODES and \
                not _drone(g) and actor1 != stated and not unknown:
            # "غارات جوية على دوما" told beside a rebel group: warplanes are a state's or a foreign
            # force's, the one the article names most; the group is where the bombs fell
            # "ضربت القوات المشتركة وأباتشي التحالف تجمعات المتمردين": an allied air force named in the
            # strike's own sentences flew it, the ground ally beside it is its associate
            beside = [x.actor for x in in_group if kb.inter(x.actor) in AIR_FORCE_CODES and kb.allied(x.actor, actor1)]
            flying = beside[0] if beside else _article_air_force(a, actor1, story_sentences(a, g))
            if flying is not None:
                actor1 = flying
        # (never the men of the striker's ally: "أصيب 3 من عناصر ألوية العمالقة في مواجهات ... رافقتها غارات
        # لمقاتلات التحالف": they fell in the battle the strikes backed)
        hit = {n: c for n, c in victim_names.items() if not (actor1 and kb.allied(n, actor1))} \
            if etype == "Explosions/Remote violence" else victim_names
        if hit:
            primary = max(hit, key=lambda n: hit[n])
            actor2 = primary if primary != actor1 else None
        if actor2 is None and etype == "Explosions/Remote violence":
            # "اعترضت قوات الدفاع الجوي صاروخا أطلقه X": the force whose defences stood against it,
            # unless the strike names the owner of what it hit ("أطقما لميليشيا الحوثي")
            actor2 = _military_target_owner(a, g, actor1) or \
                next((x.actor for x in in_group if defends(a, x) and x.actor != actor1), None)
        if actor2 is None:
            actor2 = _target(a, g, etype, sub, actor1, armed)
    if etype == "Battles" and actor1 and not actor2:
        # "اشتبك محتجون مع رجال الشرطة": the protesters the sentence names, not an armed group of
        # the article's background
        protesters = [x.actor for x in in_group if kb.inter(x.actor) == 6 and x.actor != actor1]
        # (a capture's other side is the force the article names fighting in the place's country:
        # "سيطرت القوات التركية على عفرين" beside the PKK of an Iraqi story is the YPG's loss)
        opp = (_opponent_in_country(a, g, actor1) if sub == TERRITORY else None) or _opponent(a, actor1)
        actor2 = protesters[0] if protesters else _ground_side(a, opp)
        if actor2 is None and actor1 in victim_names and sub != TERRITORY and \
                (actor1 in hurt or any(c.victim_class in ("security", "fighters") for c in cas)):
            # "أربعة جنود قتلوا في هجوم على نقطة تفتيش" (or only wounded: "أصيب ثلاثة عناصر من
            # الشرطة بهجوم مسلح"): the side that lost men was attacked by someone the report does
            # not name
            actor1, actor2 = "Unidentified Armed Group", actor1
    return _finish_actors(a, g, actor1, actor2, in_group, victim_names, spans)


# How many words may stand between a holder word and the actor it names (معاقل فصائل المعارضة).
HOLDER_WORDS = 2


def _between_unnamed_bands(a: Analysis, g: Group) -> bool:
    """Does a sentence of the group tell the fight as one "بين" a plural or dual of armed bands
    (``armed_band_plural``: تشكيلات، مجموعات، مجموعتين، فصيلين ...) and name no armed actor?"""
    bands = cue_words("armed_band_plural")
    if any(a.in_group(g, x.tok_start) and a.kb.inter(x.actor) in ARMED_CODES and x.actor != UNIDENTIFIED
           for x in a.actors):
        return False
    for s in g.sentences:
        sent = a.doc.sentences[s]
        for t in range(sent.tok_start, sent.tok_end - 1):
            if a.doc.tokens[t].text in ("بين", "وبين") and a.doc.tokens[t + 1].text in bands:
                return True
    return False


def _civilians_by_name(a: Analysis, g: Group) -> bool:
    """Does the group count dead told as civilians by a word for them ("مدنيين"، "ركاب"، "سياح"), not
    only as people ("مقتل 20 شخصا من الطرفين")?"""
    generic = cue_words("generic_person_noun")
    return any(c.kind == "killed" and c.victim_class == "civilians" and c.victim and
               normalise_term(c.victim).lstrip("و") not in generic and a.in_group(g, c.tok_start)
               for c in a.casualties)


def _holds_place(a: Analysis, x: ActorMention) -> bool:
    """Is the actor named as the holder of a place (آخر معاقل المعارضة، الخاضعة لسيطرة التنظيم)?"""
    ends = a.memo.get("place_holder_ends")
    if ends is None:
        ends = a.memo["place_holder_ends"] = set(cue_starts(a.doc, "place_holder").values())
    return any(x.tok_start - HOLDER_WORDS <= end <= x.tok_start for end in ends)


# ACLED actor types that fly warplanes: state forces and external forces.
AIR_FORCE_CODES = (1, 8)


def _drone(g: Group) -> bool:
    """Is the strike told as a drone's (مسيرة، درون)? Armed groups fly drones, not warplanes."""
    return any(w in m.hit.mention.text for m in g.members for w in cue_words("drone_word"))


def _article_air_force(a: Analysis, other: str, story: set[int] | None = None) -> str | None:
    """The state or foreign force the article (the ``story`` of a page of several) names most,
    other than ``other`` and its allies; but a foreign force that strikes from the air
    (usual_means.tsv) allied to ``other``, a ground force, when the article names one ("سلسلة قصف
    للقوات المشتركة وغارات مكثفة لمقاتلات آباتشي": the coalition that backs the joint forces flew)."""
    backers = [n for n in _article_counts(a, story=story) if a.kb.inter(n) == 8 and a.kb.allied(n, other)
               and usual_means().get(n) == "Air/drone strike" and a.kb.inter(other) not in AIR_FORCE_CODES]
    if backers:
        return backers[0]
    counts = {n: c for n, c in _article_counts(a, story=story).items()
              if a.kb.inter(n) in AIR_FORCE_CODES and n != other and not a.kb.allied(n, other)
              and not n.startswith("Police")}
    # an air force the knowledge base knows first (usual_means.tsv), then the most named
    return max(counts, key=lambda n: (usual_means().get(n) == "Air/drone strike", counts[n])) if counts else None


def _supporting(a: Analysis, x: ActorMention) -> bool:
    """Is the actor named right after a phrase of support (بإسناد من، بدعم من، بغطاء جوي من)?"""
    ends = a.memo.get("support_ends")
    if ends is None:
        ends = a.memo["support_ends"] = {m.tok_end for m in cue_matcher("support_phrase").find(a.doc)}
    return x.tok_start in ends


def _backed_force(a: Analysis, backers: set[str], losers: set[str]) -> str | None:
    """The armed force the article names most, never after a phrase of support, that is none of
    ``backers`` nor of ``losers`` and fights none of the backers ("سيطرت قوات النخبة الشبوانية،
    بإسناد من القوات الإماراتية ... وكانت قوات النخبة المدعومة من التحالف")."""
    kb = a.kb
    counts: dict[str, int] = {}
    for x in a.actors:
        n = x.actor
        if kb.inter(n) not in ARMED_CODES or n == "Unidentified Armed Group" or n in backers or n in losers or \
                _supporting(a, x) or any(kb.allied(n, o) for o in losers):
            continue
        counts[n] = counts.get(n, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


def _sides_told_before(a: Analysis, g: Group) -> tuple[str, str] | None:
    """The sides of the battle a definite battle word retells (roles_retold.py)."""
    sources = _source_mentions(a)
    return battle_sides_told_before(
        a, g, lambda x: id(x) not in sources and not _supporting(a, x) and not fires_from_afar(a, x)
        and not loyalty_object(a, x))


def _retold_sides(a: Analysis, g: Group, etype: str, told: list) -> tuple | None:
    """The sides of the nearest group before this one, of its type, when every trigger of this one is
    a definite noun (الغارات، القصف: the acts told already) and its sentences name no side."""
    doc = a.doc
    if not all(doc.tokens[m.hit.mention.tok_start].text.lstrip("وفب").startswith("ال") for m in g.members):
        return None
    taking_part = {id(x) for x in _taking_part(a)}
    if any(id(x) in taking_part and a.kb.inter(x.actor) in ARMED_CODES
           for s in g.sentences for x in a.actors_of_sentence(s)):
        return None
    first = min(g.sentences)
    earlier = [(s, sides) for s, et, sides in told if s < first and et == etype and sides[0] is not None]
    return max(earlier, key=lambda e: e[0])[1] if earlier else None


# How many words may stand between the force a supporter backs and the phrase of support ("قوات
# الجيش العراقي في قضاء هيت بمساندة من ...").
BACKED_WORDS = 6


def _backed_side(a: Analysis, x: ActorMention, actor1: str | None, actor2: str | None) -> str | None:
    """The side (actor1 or actor2) named last before the phrase of support that introduces ``x``,
    within its sentence and a few words."""
    sent = a.doc.sentence_of_token(x.tok_start)
    before = [y for y in a.actors_of_sentence(sent.index)
              if y.tok_end <= x.tok_start and y.tok_end >= x.tok_start - BACKED_WORDS - 3
              and y.actor in (actor1, actor2)]
    return before[-1].actor if before else None


def _unit_ranges(a: Analysis, g: Group) -> list[tuple[int, int]]:
    """Token ranges of the units the group's frames come from."""
    from marsad.stages.clauses import clause_at, unit_range
    out = []
    for m in g.members:
        c = clause_at(a, m.hit.mention.tok_start)
        if c is not None and unit_range(a, c.unit) not in out:
            out.append(unit_range(a, c.unit))
    return out


def _cue_in_units(a: Analysis, g: Group, cue: str):
    return [m for lo, hi in _unit_ranges(a, g) for m in cue_matcher(cue).find(a.doc, lo, hi)]


def _in_units(a: Analysis, g: Group, cue: str) -> bool:
    return bool(_cue_in_units(a, g, cue))


def _unknown_attacker(a: Analysis, g: Group) -> bool:
    return _in_units(a, g, "unknown_attacker")


def _aimed_at(a: Analysis, g: Group) -> set[int]:
    """Ids of the actor mentions the group's strikes were aimed at: right after a military target
    (مواقع لميليشيا الحوثي، تجمعات للحوثيين) or an aiming preposition after a trigger (على الحوثيين)."""
    doc = a.doc
    # (the owner after a link and the men it names: "مستودع أسلحة تابعاً لمقاتلين من الحرس الثوري")
    targets = [(m.tok_end, max(m.tok_end + 2, _owner_reach(a, m.tok_end))) for m in _military_targets(a, g)]
    aiming = cue_words("aimed_preposition")
    for m in g.members:
        end = m.hit.mention.tok_end
        for t in range(end, min(end + 3, len(doc.tokens))):
            if doc.tokens[t].text in aiming:
                targets.append((t + 1, t + 1))
    return {id(x) for x in a.actors if any(lo <= x.tok_start <= hi for lo, hi in targets)}


def _military_targets(a: Analysis, g: Group) -> list:
    """The military targets the group's units name: the target words, and a vehicle whose owner
    follows it after ل or an owner link ("عربة لميليشيات الحوثي"، "مركبة عسكرية تابعة للتنظيم"; not
    "دبابات الجيش": the force's own vehicles, which fire)."""
    doc, kb = a.doc, a.kb
    out = _cue_in_units(a, g, "military_target")
    links = cue_words("owner_link")
    for m in _cue_in_units(a, g, "owned_vehicle"):
        sent_end = doc.sentence_of_token(m.tok_start).tok_end
        if m.tok_end >= sent_end or any(o.tok_start <= m.tok_start < o.tok_end for o in out):
            continue
        word = doc.tokens[m.tok_end].text
        lam = word.startswith("ل") and not word.startswith("ال")
        if (word in links or word[1:] in links) or lam and any(
                x.tok_start in (m.tok_end, m.tok_end + 1) and kb.inter(x.actor) in ARMED_CODES for x in a.actors):
            out.append(m)
    return out


def _military_target_owner(a: Analysis, g: Group, actor1: str | None) -> str | None:
    """The force a military target belongs to ("موقعاً لقسد"، "مواقع قوات النظام")."""
    found = _target_owners(a, g, actor1)
    return found[0][0] if found and found[0][1] else None


def _target_owners(a: Analysis, g: Group, actor1: str | None) -> list[tuple[str, bool]]:
    """The forces the military targets of the group's units belong to, each with whether the
    target is at one of the group's places; those at its places first."""
    kb = a.kb
    out = []
    for m in _military_targets(a, g):
        reach = _owner_reach(a, m.tok_end)
        owner = [x for x in a.actors if m.tok_end <= x.tok_start <= reach
                 and kb.inter(x.actor) in ARMED_CODES and x.actor != actor1
                 and x.actor != "Unidentified Armed Group" and not kb.allied(x.actor, actor1 or "")]
        if owner:
            out.append((owner[0].actor, _target_here(a, g, owner[0].tok_end)))
    return sorted(out, key=lambda o: not o[1])


# How many words after a target an owner link may stand ("الآليات والمركبات العسكرية التابعة للميليشيات").
OWNER_LINK_WORDS = 4


def _thing_owners(a: Analysis, g: Group) -> set[str]:
    """The armed actors that own a thing the group's units say was hit (a depot, a shipment, a post;
    not men: "اقتحم عناصر من داعش" names the attackers)."""
    doc, kb = a.doc, a.kb
    people = cue_words("counted_person_noun")
    ends = {p.split()[-1] for p in cue_words("military_target") | cue_words("owned_vehicle")}
    out = set()
    for m in _military_targets(a, g):
        word = doc.tokens[m.tok_end - 1].text
        if _names_men(word, people):
            continue
        if not any(form in ends for form in (word, word[1:], word.removeprefix("ال"), word[1:].removeprefix("ال"))):
            continue  # "نشرته على موقعها": a pronoun owns it, not the force named after it
        reach = _owner_reach(a, m.tok_end)
        out |= {x.actor for x in a.actors if m.tok_end <= x.tok_start <= reach and kb.inter(x.actor) in ARMED_CODES}
    return out


def _names_men(word: str, people: frozenset[str]) -> bool:
    """Is a target's last word a noun of men (عناصر، لعناصر، المقاتلين), not a thing they hold?"""
    return word in people or word.removeprefix("ال") in people or word[1:].removeprefix("ال") in people


def _owner_reach(a: Analysis, end: int) -> int:
    """The last token where the owner of a target ending at ``end`` may start: two words on, or right
    after an owner link (التابعة، الخاضعة) a few words on, or after the men it names there ("تابعاً
    لمقاتلين من الحرس الثوري"، "التابعة لعناصر تنظيم داعش": the men's force owns it)."""
    doc = a.doc
    links = cue_words("owner_link")
    sent_end = doc.sentence_of_token(end - 1).tok_end
    hi = min(end + OWNER_LINK_WORDS, sent_end)
    men = cue_words("counted_person_noun")
    for t in range(end, hi):
        if doc.tokens[t].text in links or doc.tokens[t].text[1:] in links:
            word = doc.tokens[t + 1].text if t + 1 < sent_end else ""
            if word.startswith("ل") and (word[1:] in men or word[1:].removeprefix("ل") in men):
                # the men's force after them, or after "من"
                return t + 3 if t + 2 < sent_end and doc.tokens[t + 2].text == "من" else t + 2
            return t + 1
    return end + 2


def _post_owner(a: Analysis, g: Group, exclude: str | None) -> str | None:
    """The force that owns a post, patrol or position the group's units name ("النقاط الأمنية التابعة
    للحزام الأمني"، "دورية تابعة للحشد الشعبي"), not a force told by its men (عناصر داعش: the attackers
    as often as the target), other than ``exclude``."""
    kb, doc = a.kb, a.doc
    people = cue_words("counted_person_noun")
    for m in _military_targets(a, g):
        if _names_men(doc.tokens[m.tok_end - 1].text, people):
            continue
        owner = [x for x in a.actors if m.tok_end <= x.tok_start <= m.tok_end + 2
                 and kb.inter(x.actor) in ARMED_CODES and x.actor not in (exclude, "Unidentified Armed Group")]
        if owner:
            return owner[0].actor
    return None


# How many words after a target's owner may name the place the target is at ("موقع لقوى الأمن
# الداخلي في قرية X").
TARGET_PLACE_WORDS = 4


def _target_here(a: Analysis, g: Group, end: int) -> bool:
    """Is a target (ending at token ``end``) at one of the group's places? "القصف تركز على صوامع
    قرية X وموقع لقوى الأمن في قرية Y": the position is Y's target, not X's. A target whose place
    after it is no other event's (or that has none) is the group's."""
    sent = a.doc.sentence_of_token(end - 1)  # the target's last word (``end`` may be the text's end)
    listed, reach = [], min(end + TARGET_PLACE_WORDS, sent.tok_end)
    # "في مديريتي التحيتا وزبيد": the target is at each place of the list
    for pm in sorted(a.places.mentions, key=lambda p: p.tok_start):
        if end <= pm.tok_start <= reach and pm.role == "event":
            listed.append(pm)
            reach = min(pm.tok_end + 1, sent.tok_end)
    spans = {(pm.tok_start, pm.tok_end) for pm in listed}
    own = {(w.mention.tok_start, w.mention.tok_end) for w in g.places}
    others = {(w.mention.tok_start, w.mention.tok_end) for o in a.groups if o is not g for w in o.places}
    # elsewhere only when the target's place is another event's of the article
    return bool(spans & own) or not spans & others


def protest_violence(a: Analysis, g: Group, cas: list[Casualty]) -> str | None:
    """State forces named in the sentence where protesters were killed, else in the protest's
    own sentences and the sentences around each ("مقتل 3 في مظاهرات غزة. وأطلقت القوات الإسرائيلية
    الغاز على المحتجين")."""
    sents = {a.sentence_index(c.tok_start) for c in cas}
    # the dead themselves ("قتل تسعة فلسطينيين") are no force that killed them
    dead = {id(x) for c in cas for x in victim_actors(a, c)}
    # ... and the sentence before ("وفاة طالب برصاص قوات الأمن. وقالت اللجنة إن عدد قتلى
    # احتجاجات الخميس ارتفع إلى 7"): the fire told first, the protest's toll after it
    near = sents | g.sentences | {i + 1 for i in sents | g.sentences} | {i - 1 for i in sents | g.sentences}
    # in the killing's sentence any force; around it only the state's (a militia named next to a
    # protest is as often its target: "أحرق المحتجون مقر منظمة بدر")
    for window, codes in ((sents, (1, 3, 8)), (near, (1, 8))):
        for x in _taking_part(a):
            if a.sentence_index(x.tok_start) in window and a.kb.inter(x.actor) in codes and id(x) not in dead:
                return x.actor
    return None


def _affiliation_only(a: Analysis, x: ActorMention) -> bool:
    """"مواقع إخبارية تابعة للنظام": the actor owns a media outlet here, it takes no part; nor does
    the side people are said to be loyal to ("خطف سكان تتهمهم الميليشيا بموالاة القوات المشتركة")."""
    doc = a.doc
    lo = max(doc.sentence_of_token(x.tok_start).tok_start, x.tok_start - 4)
    words = [doc.tokens[t].text for t in range(lo, x.tok_start)]
    if loyalty_object(a, x) or _former_force(a, x):
        return True
    if not any(w.startswith(cue_phrases("affiliation_prefix")) for w in words):
        return False
    media = a.memo.get("media")
    if media is None:
        media = a.memo["media"] = cue_matcher("media_noun").find(doc)
    return any(m.tok_start >= lo - 3 for m in media if m.tok_start < x.tok_start)


# How many words after a word of former service its force may stand ("ضابط سابق بقوات الصاعقة بالجيش المصري").
FORMER_FORCE_WORDS = 4


def _former_force(a: Analysis, x: ActorMention) -> bool:
    """Is the actor a force a person once served or left ("عشماوي، وهو ضابط سابق بالجيش المصري"، "المنشق
    عن حركة فتح")? A man's past, no side of what is told of him now."""
    ends = a.memo.get("former_member_ends")
    if ends is None:
        ends = a.memo["former_member_ends"] = [m.tok_end for m in cue_matcher("former_member").find(a.doc)]
    sent = a.doc.sentence_of_token(x.tok_start)
    return any(sent.tok_start < end <= x.tok_start <= end + FORMER_FORCE_WORDS for end in ends)


def _civilian_victims(a: Analysis, g: Group) -> bool:
    """Does a sentence of the group count civilians killed or wounded (not "others")?"""
    return any(c.kind in ("killed", "injured", "mixed") and c.victim_class == "civilians" and c.victim != "آخرون"
               and not c.subgroup and a.in_group(g, c.tok_start) and not _people_at_a_force(a, g, c)
               for c in a.casualties)


def _people_at_a_force(a: Analysis, g: Group, c: Casualty) -> bool:
    """Are the victims counted as plain people (ثلاثة أشخاص) at a position of a named force the
    group's strike hit (مقراً لمقاتلي يبشة), with no civilian named in their sentence?"""
    if not c.victim or normalise_term(c.victim) not in cue_words("neutral_person_noun"):
        return False
    sent = a.sentence_index(c.tok_start)
    if any(x.actor == "Civilians" for x in a.actors_of_sentence(sent)):
        return False
    # "أربعة أشخاص بينهم طفلان": children among them are civilians (not "وجرح 50 آخرون": others)
    neutral = cue_words("neutral_person_noun")
    if any(o.victim_class == "civilians" and o.victim and normalise_term(o.victim) not in neutral and o.victim != "آخرون"
           and a.sentence_index(o.tok_start) == sent for o in a.casualties):
        return False
    return _military_target_owner(a, g, None) is not None


def _same_state(kb, name: str, *sides: str | None) -> bool:
    """Is ``name`` a state's army or police (Military/Police Forces of X) and a side another force of
    the same state?"""
    own = _state_of(name)
    return own is not None and any(s and _state_of(s) == own for s in sides)


def _state_of(name: str) -> str | None:
    """X of "Military Forces of X" and "Police Forces of X"; None for any other actor."""
    for kind in ("Military Forces of ", "Police Forces of "):
        if name.startswith(kind):
            return name[len(kind):]
    return None


def _generic_spans(a: Analysis) -> set[tuple[int, int]]:
    """Token spans of the state forces told by a generic word (الجيش، قوات الأمن: generic_actors.tsv)."""
    found = a.memo.get("generic_spans")
    if found is None:
        found = a.memo["generic_spans"] = {(m.tok_start, m.tok_end) for m in a.kb.generic.find(a.doc)}
    return found


def _hurt_forces(a: Analysis, g: Group) -> list[str]:
    """The forces whose men a sentence of the group counts killed or wounded (no civilians among
    them): the force named with the victims ("إصابة جنديين من الجيش السوري"، "عنصر شرطة"), else the
    country's army for soldiers and security men of no named force."""
    out: list[str] = []
    for c in a.casualties:
        if c.kind not in ("killed", "injured", "mixed") or c.subgroup or not a.in_group(g, c.tok_start):
            continue
        if c.victim_class == "civilians":
            return []
        if c.victim_class not in ("security", "fighters"):
            continue
        named = [x.actor for x in victim_actors(a, c) if a.kb.inter(x.actor) in ARMED_CODES]
        generic = _generic_spans(a)
        if named and all((x.tok_start, x.tok_end) in generic and a.kb.inter(x.actor) == 1 for x in victim_actors(a, c)):
            # "هجوم استهدف نقطة تابعة للحزام الأمني ... جرح 6 من الجنود": the post's force's men
            named = [_post_owner(a, g, None) or named[0]] + named[1:]
        if named:
            out += [n for n in named if n not in out]
        elif c.victim_class == "security" and a.places.countries:
            name = _post_owner(a, g, None) or forces_of(a.places.countries[0])
            if name not in out:
                out.append(name)
    return out


def _after_with(a: Analysis, x: ActorMention) -> bool:
    """"اشتباكات مع الفصائل", "هجوم ضد التنظيم": the other side."""
    return x.tok_start > 0 and a.doc.tokens[x.tok_start - 1].text in cue_words("opponent_preposition")


def _finish_actors(a: Analysis, g: Group, actor1, actor2, in_group, victim_names, spans):
    kb = a.kb
    if actor1 is None and actor2 is not None:
        actor1, actor2 = actor2, None
    unnamed_bands = g.etype == "Battles" and actor2 is None and actor1 in (None, UNIDENTIFIED) and \
        _between_unnamed_bands(a, g)
    if g.etype == "Battles" and actor2 is None and actor1 in (None, UNIDENTIFIED, TRIBAL) and \
            any(cue_matcher("tribal_word").find(a.doc, m.hit.mention.tok_start, m.hit.mention.tok_end) for m in g.members):
        # "نزاع عشائري في منطقة X"، "اشتباكات بين عشيرتين": two tribes the text does not name
        actor1 = actor2 = TRIBAL
    elif unnamed_bands:
        # "اشتباكات بين تشكيلات مسلحة في الزاوية"، "بين مجموعتين مسلحتين": two armed sides the text does
        # not name are both unidentified armed groups (the one case of one name on both sides)
        actor1 = actor2 = UNIDENTIFIED
    elif actor2 is not None and actor2 == actor1:
        # never the same actor on both sides: its opponent in the article, or the civilians hit
        actor2 = _opponent(a, actor1) or ("Civilians" if g.etype != "Battles" else None)
    if actor1 and actor2 and _same_state(kb, actor2, actor1):
        # "قتل الشرطي ... محاصرة الجاني من الجهات الأمنية": the state's police and its army are one
        # side, not two; the other is whoever the state's forces faced
        actor2 = "Unidentified Armed Group" if g.etype == "Battles" else "Civilians"
    assoc1, assoc2 = [], []
    generic = _generic_spans(a)
    for x in in_group:
        n = x.actor
        if n in (actor1, actor2) or kb.inter(n) not in ARMED_CODES:
            continue
        if _same_state(kb, n, actor1, actor2) and all((y.tok_start, y.tok_end) in generic
                                                      for y in in_group if y.actor == n):
            # "اعتقلت قوات الأمن العراقية ... شرطة نينوى اعتقلت": the state's forces told by a generic
            # word are the named unit of that state told again, not another force beside it
            continue
        if actor1 and kb.allied(n, actor1) and n not in assoc1:
            assoc1.append(n)
        elif actor2 and kb.allied(n, actor2) and n not in assoc2:
            assoc2.append(n)
        elif _supporting(a, x) and n not in assoc1 + assoc2:
            # "اشتبك الجيش اللبناني بمؤازرة من قوى الأمن الداخلي مع مسلحين": the force named after a
            # phrase of joint action fights beside the side named before the phrase
            backed = _backed_side(a, x, actor1, actor2)
            if backed == actor1:
                assoc1.append(n)
            elif backed == actor2:
                assoc2.append(n)
    if actor2 and victim_names:
        for name in victim_names:
            if g.etype == "Battles" and name == "Civilians" and kb.inter(actor2) in ARMED_CODES and \
                    not _civilians_by_name(a, g):
                continue  # "مقتل 20 شخصا من الطرفين": people of two armed sides are no civilian ally
            if name not in (actor1, actor2) and name not in assoc2 and name not in assoc1:
                assoc2.append(name)
    for field_name, name in (("actor1", actor1), ("actor2", actor2)):
        for x in in_group:
            if x.actor == name:
                spans.setdefault(field_name, []).append(Span(x.start, x.end, x.text))
    return actor1, actor2, assoc1, assoc2, spans


def _claims(a: Analysis, x: ActorMention) -> bool:
    sent = a.doc.sentence_of_token(x.tok_start)
    words = {a.doc.tokens[t].text for t in range(sent.tok_start, sent.tok_end)}
    return bool(words & cue_words("claim_verb"))


def _salient(mentions: list[ActorMention], g: Group) -> list[str]:
    """Actor names ordered by closeness to the group's triggers."""
    trig = [m.hit.mention.tok_start for m in g.members if not m.restated] or \
        [m.hit.mention.tok_start for m in g.members]
    scored: dict[str, float] = {}
    for x in mentions:
        d = min(abs(x.tok_start - t) for t in trig)
        scored[x.actor] = min(scored.get(x.actor, 1e9), d)
    return sorted(scored, key=lambda n: scored[n])


def _between_sides(a: Analysis, g: Group) -> tuple[str, str] | None:
    """"بين X و Y" (and "بين X من جهة و Y من جهة أخرى") names the two sides."""
    doc, kb = a.doc, a.kb
    for s in sorted(g.sentences):
        sent = doc.sentences[s]
        for t in range(sent.tok_start, sent.tok_end):
            if doc.tokens[t].text != "بين":
                continue
            after = [x for x in a.actors if t < x.tok_start < min(sent.tok_end, t + 14)
                     and kb.inter(x.actor) in ARMED_CODES]
            names = []
            for x in after:
                if x.actor not in names:
                    names.append(x.actor)
            if after and after[0].tok_start <= t + FIRST_SIDE_TAIL and \
                    _followers_of_a_man(a, after[0].tok_end, sent.tok_end):
                # "بين ميليشيات الحوثي وأتباع محمد عبدالعظيم الحوثي": the man's armed followers
                return after[0].actor, "Unidentified Armed Group"
            if len(names) >= 2 and not kb.allied(names[0], names[1]):
                return names[0], names[1]
    return None


# How many words (the first side's adjectives or group: "الموالية لإيران"، "من جماعة الحوثي") may stand
# before the و of its second side.
FIRST_SIDE_TAIL = 4


def _followers_of_a_man(a: Analysis, tok: int, end: int) -> bool:
    """Is the second side, after و within a few words of ``tok`` (the first side's end), a follower
    noun ("وأتباع"، "وأنصار") whose man no actor right after it names ("وأتباع محمد عبدالعظيم الحوثي"،
    not "وأنصار حزب الله")?"""
    doc = a.doc
    starts = {x.tok_start for x in a.actors}
    followers = cue_words("follower_noun")
    for k in range(tok, min(end - 1, tok + FIRST_SIDE_TAIL + 1)):
        text = doc.tokens[k].text
        if text.startswith("و") and text[1:] in followers:
            # the follower noun may itself read as unnamed gunmen ("ومسلحي"), never as protesters
            if any(x.tok_start == k and x.actor != "Unidentified Armed Group" for x in a.actors):
                return False
            return not starts & {k + 1, k + 2}  # "وحراس قبيلة X": the group named right after
        if text.startswith("و"):
            return False  # another second side ("والحوثيين")
    return False


def _opponent_in_country(a: Analysis, g: Group, actor1: str) -> str | None:
    """The armed side named most against ``actor1`` (never as a backer: "المدعومة من التحالف") in the
    sentences that place something in the country of the group's place, when the article names one there."""
    place = g.where.place if g.where is not None else None
    if place is None:
        return None
    here = {a.sentence_index(pm.tok_start) for pm in a.places.mentions
            if pm.place is not None and pm.place.country_code == place.country_code}
    counts: dict[str, int] = {}
    for x in _taking_part(a):
        n = x.actor
        if a.sentence_index(x.tok_start) not in here or a.kb.inter(n) not in ARMED_CODES or \
                n in (actor1, "Unidentified Armed Group") or a.kb.allied(n, actor1) or _supporting(a, x):
            continue
        counts[n] = counts.get(n, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


def _article_counts(a: Analysis, state: bool | None = None, story: set[int] | None = None) -> dict[str, int]:
    """How often each armed actor (each state force, with ``state``) is named in the article, or in
    the ``story`` of a page of several (counted once per article: a long document has many groups
    that ask)."""
    key = ("article_counts", state, frozenset(story) if story is not None else None)
    found = a.memo.get(key)
    if found is None:
        found = a.memo[key] = {}
        for x in _taking_part(a):
            if story is not None and a.sentence_index(x.tok_start) not in story:
                continue
            inter = a.kb.inter(x.actor)
            if inter not in ARMED_CODES or x.actor == "Unidentified Armed Group":
                continue
            if state is True and inter != 1:
                continue
            found[x.actor] = found.get(x.actor, 0) + 1
    return dict(found)


def _article_actor(a: Analysis, state: bool = False) -> str | None:
    counts = _article_counts(a, state=True if state else None)
    return max(counts, key=lambda n: counts[n]) if counts else None


def _article_perpetrator(a: Analysis, etype: str, exclude: set[str] = frozenset(),
                         story: set[int] | None = None) -> str | None:
    """The armed actor most often named in the sentences of the article's triggers of this type
    (other than the ``exclude``d: the event's victims), in the ``story`` of a page of several."""
    counts = {n: c for n, c in _perpetrator_counts(a, etype, story).items() if n not in exclude}
    return max(counts, key=lambda n: counts[n]) if counts else None


def _perpetrator_counts(a: Analysis, etype: str, story: set[int] | None = None) -> dict[str, int]:
    key = ("article_perpetrator", etype, frozenset(story) if story is not None else None)
    if key in a.memo:
        return a.memo[key]
    by_sentence = a.memo.get("armed_by_sentence")
    if by_sentence is None:
        by_sentence = a.memo["armed_by_sentence"] = {}
        for x in _taking_part(a):
            if a.kb.inter(x.actor) in ARMED_CODES and not _holds_place(a, x):
                by_sentence.setdefault(a.sentence_index(x.tok_start), []).append(x.actor)
    counts: dict[str, int] = {}
    for h in a.hits:
        if h.mention.event_type != etype or not h.reports_event:
            continue
        if story is not None and a.sentence_index(h.mention.tok_start) not in story:
            continue
        for name in by_sentence.get(a.sentence_index(h.mention.tok_start), ()):
            counts[name] = counts.get(name, 0) + 1
    a.memo[key] = counts
    return counts


def _ground_side(a: Analysis, name: str | None) -> str | None:
    """A foreign force that backs the country's own forces ("شن الجيش اليمني وطيران التحالف هجوماً")
    is not the side of a ground battle: the country's force allied to it and named in the
    article is."""
    if name is None or a.kb.inter(name) != 8:
        return name
    own = [n for n in _article_counts(a, state=True) if a.kb.allied(n, name)]
    return own[0] if own else name


def _opponent(a: Analysis, actor1: str) -> str | None:
    counts = {n: c for n, c in _article_counts(a).items() if n != actor1 and not a.kb.allied(n, actor1)}
    return max(counts, key=lambda n: counts[n]) if counts else None


def _target(a: Analysis, g: Group, etype: str, sub: str, actor1: str | None, armed: list[ActorMention]) -> str | None:
    kb = a.kb
    if etype == "Strategic developments":
        if sub == "Headquarters or base established":
            return None
        others = [n for n in _salient([x for x in armed if x.actor != actor1], g)
                  if not (actor1 and kb.allied(n, actor1)) and kb.inter(n) != 1]
        if others:
            return others[0]
        opp = _opponent(a, actor1) if actor1 else None
        return opp if opp and kb.inter(opp) != 1 else ("Civilians" if sub == "Arrests" else opp)
    if etype == "Violence against civilians":
        # "أطلقوا النار على دورية للشرطة": a force's patrol or post is no civilian
        return _military_target_owner(a, g, actor1) or "Civilians"
    if etype == "Explosions/Remote violence":
        place = g.where.place
        owner = _military_target_owner(a, g, actor1)
        if owner is not None:
            return owner  # "استهدفت مسيرة موقعاً لقسد": the force whose position was hit
        if actor1 and _their_target(a, g):
            # "قصفت مدفعية الجيش مواقعهم وتجمعاتهم": the positions of the enemy told before
            opp = _opponent(a, actor1)
            if opp is not None and opp != "Unidentified Armed Group":
                return opp
        if any(w in a.doc.text for w in cue_phrases("air_defence")):
            return forces_of(place.country_code)
        if place.kind == "facility" or any(w.place.kind == "facility" for w in g.places):
            return forces_of(place.country_code)
        if actor1 and kb.inter(actor1) == 8 and not _in_units(a, g, "civilian_target"):
            # a foreign air force's strike that hit no civilians: the armed group it fights there;
            # not a force the article names only as the owner of a target at another place ("القصف
            # تركز على صوامع قرية X وموقع لقوى الأمن في قرية Y": X's target is no force's)
            opp = _opponent(a, actor1)
            elsewhere = [n for n, here in _target_owners(a, g, actor1) if not here]
            if opp and kb.inter(opp) in (2, 3, 4) and _article_counts(a).get(opp, 0) > elsewhere.count(opp):
                return opp
        # "قوات التحالف فتشت سفينة تعرضت لانفجار": the force of a later act is no target
        others = [n for n in _salient([x for x in armed if x.actor != actor1 and not later_act_doer(a, x)], g)
                  if not (actor1 and kb.allied(n, actor1)) and n != "Unidentified Armed Group"]
        if others and sub not in ("Air/drone strike", "Shelling/artillery/missile attack"):
            return others[0]
        if actor1 and kb.inter(actor1) in (2, 3) and actor1 != "Unidentified Armed Group" and \
                not _in_units(a, g, "civilian_target"):
            # a rebel group's strike that harmed no civilians, on no civilian target ("عبوات ناسفة
            # استهدفت سيارة الإسعاف": the civilians): its opponent in the article
            opp = _opponent(a, actor1)
            if opp and kb.inter(opp) in (1, 8):
                return opp
        if _civilians_spared(a, g):
            return None  # "لم يسقط أي مدنيين في الغارة": the text says no civilian was hit
        if _military_target_struck(a, g):
            # "قصف الطيران الروسي رتلا عسكريا"، "غارات على تعزيزات عسكرية": a force's convoy or
            # positions, no civilians: the armed side the article names against the striker, else none
            opp = _opponent(a, actor1) if actor1 else None
            return opp if opp and opp != "Unidentified Armed Group" else None
        told = _antecedent_victim(a, g)
        if told is not None:
            return told
        return "Civilians"
    return None


# How many sentences before a definite retelling ("الغارات تركزت في ...") the strikes it retells may be told.
ANTECEDENT_SENTENCES = 2


def _antecedent_victim(a: Analysis, g: Group) -> str | None:
    """The armed side whose men the strikes killed or wounded where they were first told, for a group
    whose triggers are all definite nouns that tell them again ("قتل عشرات من عناصر الحوثي بغارات
    للتحالف ... وقالت مصادر إن الغارات تركزت في مديريات X وY")."""
    doc = a.doc
    if not all(doc.tokens[m.hit.mention.tok_start].text.lstrip("وفب").startswith("ال") for m in g.members):
        return None
    first = min(g.sentences)
    for s in range(first - 1, max(-1, first - 1 - ANTECEDENT_SENTENCES), -1):
        if not any(h.reports_event and h.mention.event_type == g.etype and a.sentence_index(h.mention.tok_start) == s
                   for h in a.hits):
            continue
        for c in a.casualties:
            if a.sentence_index(c.tok_start) != s or c.kind not in ("killed", "injured", "mixed"):
                continue
            armed = [x.actor for x in victim_actors(a, c) if a.kb.inter(x.actor) in ARMED_CODES
                     and x.actor != "Unidentified Armed Group"]
            if armed:
                return armed[0]
        return None
    return None


def _military_target_struck(a: Analysis, g: Group) -> bool:
    """Does a unit of the group name a target only a force has (a convoy, reinforcements, a barracks:
    military_only_target) at the group's place, and no civilian target (a house, a market)?"""
    for m in _cue_in_units(a, g, "military_only_target"):
        # the place told after the target (and after its owner: "موقعا لقوات Y في قرية Z")
        owner = [x.tok_end for x in a.actors if m.tok_end <= x.tok_start <= m.tok_end + 2]
        if not _target_here(a, g, owner[0] if owner else m.tok_end):
            continue  # "قصفت صوامع قرية X وموقعا لقوات Y في قرية Z": Z's target, not X's
        return not _in_units(a, g, "civilian_target")
    return False


# How many words before a mention of civilians a negation may stand ("دون وقوع إصابات في صفوف المدنيين").
SPARED_WORDS = 6


def _civilians_spared(a: Analysis, g: Group) -> bool:
    """Does a sentence of the group say no civilians were hurt (a negation shortly before them)?"""
    negations = set(cue_starts(a.doc, "negation")) | set(cue_starts(a.doc, "without_word"))
    return any(x.actor == "Civilians" and a.in_group(g, x.tok_start) and
               any(t in negations for t in range(max(0, x.tok_start - SPARED_WORDS), x.tok_start))
               for x in a.actors)


# How many words after a statement's speaker its content may begin ("قال الجيش العراقي في بيان
# صدر عنه مساء اليوم إن ...").
CONTENT_WORDS = 10


def _source_mentions(a: Analysis) -> set[int]:
    """Ids of the actor mentions that only say where a report comes from, never a side of the
    event it reports: after a source preposition ("بحسب الجيش العراقي"، "وفق ما أعلنت الشرطة"),
    a spokesman's "باسم" ("المتحدثة باسم وزارة الدفاع الأمريكية"), or the speaker of a verb of
    saying whose content follows ("قال الجيش إن رجلين قتلا في غارة"). A speaker whose content
    makes it the agent or the victim ("أعلن الجيش أنه قصف"، "قال الجيش إن مسلحين هاجموا جنوده")
    stays a side; so does every other mention of the same actor."""
    found = a.memo.get("source_mentions")
    if found is not None:
        return found
    found = a.memo["source_mentions"] = set()
    if not a.actors:
        return found
    doc = a.doc
    prepositions = cue_starts(doc, "source_preposition")
    spokesmen = set(cue_starts(doc, "spokesman_noun").values())
    content = cue_words("clause_content")
    triggers = {h.mention.tok_start for h in a.hits}

    def opener_after(after: int, end: int) -> int | None:
        """The word that opens the content of the statement that starts after token ``after``."""
        for t in range(after, min(end, after + CONTENT_WORDS)):
            if t in triggers:
                return None
            if doc.tokens[t].text in content:
                return t
        return None

    def speaks_of_itself(after: int, end: int, need_content: bool) -> bool:
        """Does the statement that starts after token ``after`` make its speaker a side?"""
        own = cue_words("speaker_own")
        opener = opener_after(after, end)
        if opener is None:
            # "أعلن الجيش مقتل خمسة مسلحين": no reported content, the speaker tells its own deed
            return need_content
        if _denies(opener, end):
            return False
        return any(doc.tokens[t].text in own or doc.tokens[t].text[1:] in own for t in range(opener, end))

    def _denies(opener: int, end: int) -> bool:
        """Does the content opened at ``opener`` deny at once ("قالت الوزارة إنه لا توجد أنشطة
        لقواتها"، "أكد الجيش أنه لم ينفذ أي غارة")? Then the speaker is no side of what it denies."""
        t = opener + 1
        if t < end and doc.tokens[t].text in cue_words("speaker_own"):
            t += 1
        return t < end and doc.tokens[t].text in cue_words("denying_content")

    for att in a.attributions:
        sent_end = doc.sentence_of_token(att.tok_start).tok_end
        by_preposition = any(att.tok_start <= t < att.tok_end for t in prepositions)
        for x in a.actors:
            if not (att.tok_start <= x.tok_start < att.tok_end and x.actor == att.name):
                continue
            if by_preposition or not speaks_of_itself(att.tok_end, sent_end, need_content=True):
                found.add(id(x))
            opener = opener_after(att.tok_end, sent_end)
            if not by_preposition and opener is not None and _denies(opener, sent_end):
                _deniers(a).add(id(x))  # (an air force that denies is not taken back as the striker)
    # "اتهمت وزارة الدفاع الروسية فصائل المعارضة بقصف ...": the accuser only speaks
    found |= accusations(a)[0]
    found |= _deniers(a)
    for x in a.actors:
        if x.tok_start in spokesmen and id(x) not in found:
            sent_end = doc.sentence_of_token(x.tok_start).tok_end
            if not speaks_of_itself(x.tok_end, sent_end, need_content=False):
                found.add(id(x))
    # "قالت وزارة الدفاع الأميركية البنتاغون إنه ...": a name in apposition to a source is the source
    ends = {x.tok_end: x.actor for x in a.actors if id(x) in found}
    for x in a.actors:
        if ends.get(x.tok_start) == x.actor:
            found.add(id(x))
    return found


# How many words a denial verb may stand from its subject ("نفت وزارة الدفاع الأمريكية"، "الجيش
# الإسرائيلي نفى"), and a refusal to comment from the force that refuses ("رفض متحدث باسم الجيش
# الإسرائيلي التعليق"، "قال متحدث عسكري إسرائيلي: لا نعلق على ذلك").
DENIER_WORDS = 2
NO_COMMENT_WORDS = 8


def _deniers(a: Analysis) -> set[int]:
    """Ids of the actor mentions of a force that denies a deed or declines to comment on it: the
    text does not say it acted, so it is no side of the event (the striker stays unidentified or is
    the side another sentence names)."""
    found = a.memo.get("deniers")
    if found is not None:
        return found
    doc = a.doc
    found = a.memo["deniers"] = set()
    denials = set(cue_starts(doc, "denial_verb"))
    silent = list(cue_starts(doc, "no_comment").items())
    for x in a.actors:
        sent = doc.sentence_of_token(x.tok_start)
        if any(x.tok_start - DENIER_WORDS <= d < x.tok_start or x.tok_end <= d < x.tok_end + 1
               for d in denials if sent.tok_start <= d < sent.tok_end):
            found.add(id(x))
            continue
        # the force before the refusal, or just after it ("ولم تعلق القوات الأمريكية على الهجوم")
        if any(sent.tok_start <= s < sent.tok_end and (0 <= s - x.tok_end < NO_COMMENT_WORDS
                                                      or 0 <= x.tok_start - e <= 1)
               for s, e in silent):
            found.add(id(x))
    return found


def _taking_part(a: Analysis) -> list[ActorMention]:
    """The article's actor mentions less those that only name a report's source, whom someone is
    said to back ("بموالاة X") or a force someone once served ("ضابط سابق بالجيش X")."""
    sources = _source_mentions(a)
    return [x for x in a.actors if id(x) not in sources and not loyalty_object(a, x) and not _former_force(a, x)]


# How many words before a named group the gunmen it names may stand ("مسلحون معظمهم من
# الانتحاريين من حركة الشباب").
GUNMEN_WORDS = 6


def _attackers_group(a: Analysis) -> dict[int, bool]:
    """Attackers tied to the group they belong to ("مسلحون من حركة الشباب"، "انتحاريان ينتمون إلى
    تنظيم داعش"، "معظمهم من الانتحاريين من حركة الشباب"): the named group's mention -> True (it
    names the attackers), an unidentified gunmen's mention before it -> False (told again by the
    group's name). Mentions of no such tie are absent."""
    found = a.memo.get("attackers_group")
    if found is not None:
        return found
    found = a.memo["attackers_group"] = {}
    if not a.actors:
        return found
    doc, kb = a.doc, a.kb
    links = {m.tok_end: m.tok_start for m in cue_matcher("member_link").find(doc)}
    attackers = cue_words("attacker_noun")
    for x in a.actors:
        if x.actor == "Unidentified Armed Group" or kb.inter(x.actor) not in (2, 3, 4) or x.tok_start not in links:
            continue
        before = links[x.tok_start] - 1
        if before < 0:
            continue
        gunmen = next((y for y in a.actors if y.tok_end == before + 1 and y.actor == "Unidentified Armed Group"), None)
        word = doc.tokens[before].text
        if gunmen is None and word not in attackers and word[1:] not in attackers:
            continue
        if any(c.victim_start is not None and c.victim_start <= doc.tokens[before].start < (c.victim_end or 0)
               for c in a.casualties):
            continue  # "مقتل خمسة مسلحين من داعش": the dead, not the attackers
        found[id(x)] = True
        # the gunmen told just before ("نفذه مسلحون معظمهم من الانتحاريين من حركة الشباب") are the group
        lo = max(doc.sentence_of_token(x.tok_start).tok_start, x.tok_start - GUNMEN_WORDS)
        for y in a.actors:
            if y.actor == "Unidentified Armed Group" and lo <= y.tok_start < x.tok_start and \
                    "مجهول" not in y.text and not any(y.tok_end <= z.tok_start < x.tok_start and
                                                      z.actor != "Unidentified Armed Group" for z in a.actors):
                found[id(y)] = False
    return found


def _their_target(a: Analysis, g: Group) -> bool:
    """Does a unit of the group strike a military target whose pronoun points back to a force
    ("مواقعهم"، "تجمعاتها"، "آلياتهم")?"""
    doc = a.doc
    suffixes = cue_phrases("their_target_suffix")
    bare = cue_words("military_target")
    for m in _cue_in_units(a, g, "military_target"):
        word = doc.tokens[m.tok_end - 1].text
        if word not in bare and word[1:] not in bare and word.endswith(suffixes):
            return True
    return False


@lru_cache(maxsize=None)
def de_facto_authorities() -> dict[tuple[str, str], tuple[tuple[str, date, date | None], ...]]:
    """``authorities.tsv``: (country, admin1) -> ((actor, valid_from, valid_to), ...)."""
    return _dated_rows("authorities.tsv")


@lru_cache(maxsize=None)
def regional_armies() -> dict[tuple[str, str], tuple[tuple[str, date, date | None], ...]]:
    """``regional_armies.tsv``: (country, admin1) -> ((actor, valid_from, valid_to), ...): who the
    state's generic army words name there ("الجيش الليبي" in Benghazi after May 2014: the LNA)."""
    return _dated_rows("regional_armies.tsv")


def _dated_rows(name: str) -> dict[tuple[str, str], tuple[tuple[str, date, date | None], ...]]:
    known = load_actor_kb().actors
    out: dict[tuple[str, str], list] = {}
    for row in load_table(name, required=("country", "admin1", "actor", "valid_from")):
        where = f"{name}:{row['_line']}"
        if row["actor"] not in known:
            raise KnowledgeBaseError(f"unknown actor {row['actor']!r}", where=where)
        try:
            start = date.fromisoformat(row["valid_from"])
            end = date.fromisoformat(row["valid_to"]) if row.get("valid_to") else None
        except ValueError:
            raise KnowledgeBaseError("valid_from/valid_to must be YYYY-MM-DD", where=where) from None
        if end is not None and end <= start:
            raise KnowledgeBaseError("valid_to must come after valid_from", where=where)
        out.setdefault((row["country"], row["admin1"]), []).append((row["actor"], start, end))
    return {k: tuple(v) for k, v in out.items()}


def _holder_on(rows, when: date | None) -> str | None:
    return next((n for n, start, end in rows or () if when is None or (start <= when and (end is None or when <= end))),
                None)


def _de_facto_authority(a: Analysis, g: Group) -> tuple[set[str], str] | None:
    """(the state's force names, the ruler) when the group's place is a territory a non-state actor
    governs on the article's day and the group names the state's forces only by generic police and
    security words (الشرطة، الأجهزة الأمنية), never by a name of the state's own (الأمن الوقائي) nor by
    an army word (الجيش); or a region whose army words name another actor then (regional_armies.tsv:
    "الجيش الليبي"، "قوات الجيش" in Benghazi are the LNA), where the army words and the state's
    nationality ("الطيران الحربي الليبي") count as generic too."""
    place = g.where.place if g.where is not None else None
    if place is None or not place.admin1:
        return None
    key = (place.country_code, place.admin1)
    when = a.published
    army = _holder_on(regional_armies().get(key), when)
    ruler = army or _holder_on(de_facto_authorities().get(key), when)
    if ruler is None:
        return None
    state = {forces_of(place.country_code), forces_of(place.country_code, "Police")}
    memo_key = "army_spans" if army else "police_spans"
    generic = a.memo.get(memo_key)
    if generic is None:
        # police and security words only: the army words (الجيش، قوات الجيش) in such a territory are
        # as often the state's own army fighting for it
        generic = a.memo[memo_key] = {(m.tok_start, m.tok_end) for m in a.kb.generic.find(a.doc)
                                      if army or not m.payload[2]}
        if army:
            generic |= {(m.tok_start, m.tok_end) for m in a.kb.nationality.find(a.doc)}
    # (a state force no word of the group names comes from a victim's word: "مقتل ضابط أمن" in Gaza)
    named = [x for s in g.sentences for x in a.actors_of_sentence(s) if x.actor in state]
    if any((x.tok_start, x.tok_end) not in generic for x in named):
        return None
    return state, ruler


# --------------------------------------------------------------------------- who says so

def event_attribution(a: Analysis, g: Group, cas: list[Casualty]) -> tuple[str | None, Span | None]:
    """Who the report says the group's event comes from: the speaker of the statement that holds it.

    In the sentence of its toll or trigger, the statement that opens before it ("قال مصدر أمني إن
    ...") or the source told after it ("... بحسب المرصد"); else the last speaker before it, whose
    statement goes on ("وأضاف المصدر أن ..."، a paragraph of the same report); else the first after it.
    An unnamed source with the place it speaks from takes that place ("مصدر أمني في المحافظة":
    "security source (Abyan)")."""
    if not a.attributions:
        return None, None
    anchors = sorted({c.tok_start for c in cas} | {m.hit.mention.tok_start for m in g.members})
    chosen = None
    for t in anchors:
        sent = a.doc.sentence_of_token(t)
        here = [x for x in a.attributions if sent.tok_start <= x.tok_start < sent.tok_end]
        before = [x for x in here if x.tok_start <= t]
        if before or here:
            chosen = before[-1] if before else min(here, key=lambda x: x.tok_start - t)
            break
    if chosen is None:
        first = anchors[0]
        earlier = [x for x in a.attributions if x.tok_end <= first]
        chosen = earlier[-1] if earlier else min(a.attributions, key=lambda x: x.tok_start)
    name = chosen.name
    authority = _de_facto_authority(a, g)
    if authority is not None and name in authority[0]:
        name = authority[1]  # "أعلن الجيش الليبي" in Derna: the LNA speaks (regional_armies.tsv)
    if not chosen.named:
        where = _source_place(a, g, chosen.tok_end)
        if where:
            name = f"{name} ({where})"
    return name, a.doc.token_span(chosen.tok_start, chosen.tok_end)


def _source_place(a: Analysis, g: Group, end: int) -> str | None:
    """The province or town an unnamed source speaks from, told right after it ("مصدر أمني في محافظة
    الأنبار"، "مصدر أمني في المحافظة": the event's province)."""
    doc = a.doc
    if end + 1 >= len(doc.tokens) or doc.tokens[end].text != "في":
        return None
    word = doc.tokens[end + 1].text
    for pm in a.places.mentions:
        if pm.tok_start in (end + 1, end + 2) and pm.place is not None:
            place = pm.place
            return None if place.kind == "country" else place.name
    place = g.where.place if g.where is not None else None
    if place is not None and word in cue_words("province_backref"):
        # "في المحافظة": the province the event is in
        return place.admin1 or place.name
    return None
