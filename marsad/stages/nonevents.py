"""Event words that name no event of the article, by the role their phrase plays.

Each rule holds back an event word that is still ``event`` after the trigger and discourse
stages, by the structure it stands in, with its cue words in ``cues.tsv``:

* a means or a goal: the verbal noun right after من خلال، عبر، عن طريق ("القضاء على الانقلاب من
  خلال تحرير العاصمة"، "إطالة الحرب عبر نهب الإغاثة"), unless it is a weapon's strike (the means of
  an attack told: "استهدفوا المطار عبر طائرة مسيرة");
* a continuing practice: a verbal noun after استمرار/مواصلة + its doer + في ("استمرار الميليشيا في
  اختطاف المساعدات") tells a habit, not one act;
* an abduction of goods: a word of abduction whose object is aid, fuel or salaries (احتجاز
  الشحنات، اختطاف المساعدات) is a seizure of property, no disappearance of people;
* an appeal's content: the event words after مناشدة، ناشد in its unit say what the appeal
  asks or complains of; the addressee is no side, its places no event place;
* fighting people flee: the event noun after a word of flight and من, described as going on
  ("الهرب من القتال الدائر في X"، "فرارا من المعارك المستمرة"), is the setting of another act, not
  an event of its own;
* a count a speaker reacts to: the event words after "صدمته إزاء عدد القتلى" in its unit add up
  the dead of months (a report's summary), no event of the day it is said;
* footage watched: the event words after a verb of watching and its film (شاهد فيديو يظهر ...)
  describe what it shows, often years old and elsewhere;
* an attempted arrest: the arrest word a few words after محاولة in its clause ("أثناء محاولة
  الميليشيا اعتقال عناصرها") did not happen;
* an ordinary crime: an arrest with no political side, by its named crime or its charge
  (``stages/arrest_side.py``);
* a stance on violence, no act (``stages/nonevent_stances.py``): a condemnation's object, a
  practice alleged or described, a past habit, a judgement of a campaign, a weapon's kind.

And one rule on dates (``recap_months_to_last_year``, run before the discourse moves): a bare month
of the publication's own month in a relative clause on a definite event noun (الهجوم الكيمائي الذي
تعرضت له المدينة في إبريل, in an article of 20 April) is last year's.
"""
from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date

from marsad.arabic.normalise import definite
from marsad.cues import cue_matcher, cue_words
from marsad.stages.analysis import Analysis
from marsad.stages.arrest_side import ORDINARY_CRIME, crime_or_case_retold, ordinary_crime
from marsad.stages.clauses import clause_at
from marsad.stages.nonevent_stances import share_held_back_span, stance_reason
from marsad.triggers import TERRITORY

# Sub-event types that are the means of an attack: after عبر/من خلال they still report it ("حاولت
# منع وصول القوات عبر استهدافها بالمدفعية": the targeting is the act done).
_WEAPON_TYPES = ("Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                 "REMOTE", "TARGETED", "Attack", "Suicide bomb", "Grenade")
# The reason a means or a goal is held back for: frames read it (a place after it is the goal's).
MEANS_OR_GOAL = "a means or a goal (من خلال تحرير، عبر نهب)"
# How many words the doer may take between استمرار and في (استمرار ميليشيا الحوثي في).
CONTINUING_WORDS = 5
# How many words an appeal word may stand before the event word in its sentence.
APPEAL_WORDS = 40
# How many words may stand between محاولة and the arrest word (محاولة ميليشيات الحوثي اعتقال).
ATTEMPT_WORDS = 4
# How many words after a word of shock or concern its count noun may stand (صدمته إزاء عدد).
SHOCK_WORDS = 3
# How many words (adjectives) may stand between a definite event noun and its relative clause
# (الهجوم الكيمائي الذي).
RELATIVE_HEAD_WORDS = 3
# How many words after a verb of watching its footage may stand (كان يشاهد مواد التنظيم الدعائية
# على الإنترنت بما في ذلك فيديو).
FOOTAGE_WORDS = 12
# How many words after an abduction word its object may stand (اختطاف واحتجاز المساعدات).
GOODS_WORDS = 3


def named_as_goal(doc, tok: int) -> bool:
    """Does the word before token ``tok`` make the territory word there a campaign's name, a goal
    or an aim ("معركة تحرير"، "يسعى إلى السيطرة"، "من خلال تحرير")?"""
    return tok > 0 and doc.tokens[tok - 1].text.lstrip("و") in cue_words("territory_goal_head")


def hold_back_non_events(a: Analysis) -> None:
    """Stage step: give each event word that one of the module's rules covers its status."""
    if not any(h.reports_event for h in a.hits):
        return
    shocked = _shock_at_counts(a)
    watched = _watched_footage(a)
    # an appeal made (ناشد، وجه مناشدة), not one named (رغم المناشدات الدولية لوقف القصف)
    appeals = [m.tok_start for m in cue_matcher("appeal_word").find(a.doc)
               if not a.doc.tokens[m.tok_start].text.lstrip("وفب").startswith(("ال", "لل"))]
    out = []
    for h in a.hits:
        if h.reports_event:
            h = _judged(a, h, appeals, shocked + watched)
        out.append(h)
    a.hits = out
    # the crime an ordinary crime's arrest is for, and the case told again in a sentence of its own
    a.hits = [replace(h, status="generic", reason=ORDINARY_CRIME) if crime_or_case_retold(a, h) else h
              for h in a.hits]
    share_held_back_span(a)


def _judged(a: Analysis, h, appeals: list[int], told_of: list[int]):
    tokens = a.doc.tokens
    t, sub = h.mention.tok_start, h.mention.sub_event_type
    sent = a.doc.sentence_of_token(t)
    if sub not in _WEAPON_TYPES and _after_means(a, t, sent.tok_start):
        return replace(h, status="modal", reason=MEANS_OR_GOAL)
    if sub == TERRITORY and t > sent.tok_start and named_as_goal(a.doc, t):
        # "يستهدف السيطرة على الهلال النفطي"، "يسعى إلى السيطرة على": a goal, however strong the word;
        # the places after it are the goal's
        return replace(h, status="modal", reason=MEANS_OR_GOAL)
    if _continuing_practice(a, t, sent.tok_start):
        return replace(h, status="generic", reason="a continuing practice (استمرار X في اختطاف)")
    if _amid_ongoing(a, h, sent):
        return replace(h, status="generic", reason="the fighting an event came amid (في ظل استمرار المعارك)")
    if sub == "Abduction/forced disappearance" and any(
            tokens[k].text in cue_words("seized_goods")
            for k in range(h.mention.tok_end, min(sent.tok_end, h.mention.tok_end + GOODS_WORDS))):
        return replace(h, status="generic", reason="goods held, no people taken (احتجاز المساعدات)")
    if any(sent.tok_start <= k < t and _same_unit(a, k, t) for k in told_of):
        return replace(h, status="generic", reason="a count reacted to or footage watched (صدمته إزاء عدد القتلى، "
                                                   "يشاهد فيديو يظهر ...)")
    if any(sent.tok_start <= k < t and t - k <= APPEAL_WORDS and _same_unit(a, k, t) for k in appeals):
        return replace(h, status="modal", reason="what an appeal asks or complains of (مناشدة ...)")
    if t - 2 >= sent.tok_start and tokens[t - 1].text == "من" and \
            tokens[t - 2].text in cue_words("flight_word") and h.mention.tok_end < sent.tok_end and \
            tokens[h.mention.tok_end].text in cue_words("ongoing_participle"):
        return replace(h, status="generic", reason="fighting people flee, a setting (الهرب من القتال)")
    if sub == "Arrests" and _attempted(a, t, sent.tok_start):
        return replace(h, status="modal", reason="an attempted arrest (محاولة اعتقال)")
    if sub == "Arrests" and ordinary_crime(a, sent):
        return replace(h, status="generic", reason=ORDINARY_CRIME)
    if sub == "Arrests" and _arrest_by_attackers(a, h, sent):
        return replace(h, status="generic", reason="the attackers took a man in their attack (واعتقل المهاجمون ...)")
    stance = stance_reason(a, h, sent)
    if stance:
        return replace(h, status="generic", reason=stance)
    return h


# How many words may stand between an arrest verb and the attackers that are its subject
# ("واعتقل المهاجمون حينها"، "واعتقل المسلحون").
ARREST_SUBJECT_WORDS = 2


def _arrest_by_attackers(a: Analysis, h, sent) -> bool:
    """"هاجم مجهولون مفرزة ... واعتقل المهاجمون أحد عناصرها": an arrest verb whose subject is the
    attackers (attacker_noun) after an attack in the same sentence is no arrest (a state's act):
    the man taken is part of their attack."""
    end = h.mention.tok_end
    attackers = cue_words("attacker_noun")
    if not any(a.doc.tokens[k].text.lstrip("و") in attackers
               for k in range(end, min(sent.tok_end, end + ARREST_SUBJECT_WORDS))):
        return False
    return any(sent.tok_start <= x.mention.tok_start < h.mention.tok_start and
               x.mention.event_type in ("Battles", "Violence against civilians", "Explosions/Remote violence")
               for x in a.hits)


def _shock_at_counts(a: Analysis) -> list[int]:
    """Where a speaker's reaction turns on a count ("معربا عن صدمته إزاء عدد القتلى"، "قلقه من أعداد
    الضحايا"): the event words after it in its unit tell what the count adds up, over no one day."""
    counts = cue_words("count_noun")
    out = []
    for m in cue_matcher("reaction_emotion").find(a.doc):
        sent = a.doc.sentence_of_token(m.tok_start)
        if any(a.doc.tokens[k].text.lstrip("بل") in counts
               for k in range(m.tok_end, min(sent.tok_end, m.tok_end + SHOCK_WORDS))):
            out.append(m.tok_start)
    return out


def _watched_footage(a: Analysis) -> list[int]:
    """Where footage someone watched or read is named ("كان يشاهد مواد دعائية بما في ذلك فيديو يظهر
    قطع رؤوس رهائن خطفوا في ليبيا"): a verb of watching and, a few words after it, a noun of footage.
    The event words after it describe a film's content, not news; footage published (بث التنظيم
    فيديو يظهر ...) is not watched and stays a report."""
    footage = cue_matcher("footage_noun")
    out = []
    for m in cue_matcher("viewing_verb").find(a.doc):
        sent = a.doc.sentence_of_token(m.tok_start)
        found = footage.find(a.doc, m.tok_end, min(sent.tok_end, m.tok_end + FOOTAGE_WORDS))
        if found:
            out.append(found[0].tok_start)
    return out


def _same_unit(a: Analysis, i: int, j: int) -> bool:
    ci, cj = clause_at(a, i), clause_at(a, j)
    return ci is not None and cj is not None and ci.unit == cj.unit


def _after_means(a: Analysis, t: int, lo: int) -> bool:
    """Does a means opener end right before the event word (من خلال تحرير، عبر نهب)?"""
    return any(m.tok_end == t for m in cue_matcher("means_opener", suffixes=False).find(a.doc, max(lo, t - 3), t))


def _continuing_practice(a: Analysis, t: int, lo: int) -> bool:
    """"استمرار الميليشيا في اختطاف"، "مواصلتها في نهب": في right before the event word and a
    continuation noun a few words before it, in the same clause."""
    tokens = a.doc.tokens
    if t - 1 <= lo or tokens[t - 1].text != "في":
        return False
    own = clause_at(a, t)
    nouns = cue_words("continuation_noun")
    return any(any(tokens[k].text.startswith(n) for n in nouns) and clause_at(a, k) is own
               for k in range(max(lo, t - 2 - CONTINUING_WORDS), t - 1))


def _amid_ongoing(a: Analysis, h, sent) -> bool:
    """"قتل 12 مدنيا في قصف على المدينة، فيما يعاني السكان من نقص الغذاء في ظل استمرار المعارك": a
    fighting word after an amid frame and an ongoing noun (في ظل استمرار، وسط تصاعد، مع استمرار), or
    followed by an ongoing participle (في ظل المعارك الدائرة), is the backdrop of an event its sentence
    has told before it, not one more event, unless the fighting has a place of its own."""
    tokens = a.doc.tokens
    t = h.mention.tok_start
    frames = cue_matcher("amid_frame", suffixes=False).find(a.doc, max(sent.tok_start, t - AMID_WORDS), t)
    if not frames:
        return False
    last = frames[-1].tok_end
    ongoing = cue_words("ongoing_noun")
    before = t == last + 1 and tokens[last].text.lstrip("و") in ongoing
    after = t == last and h.mention.tok_end < sent.tok_end and \
        tokens[h.mention.tok_end].text in cue_words("ongoing_participle")
    if not (before or after):
        return False
    # "وبدأ بالانسحاب من القرية في ظل استمرار الاشتباكات مع النظام على أطرافها": fighting placed
    # (a place, the town's edges) is a scene of the report, not its backdrop
    own = clause_at(a, t)
    hi = own.tok_end if own is not None else sent.tok_end
    if any(t <= pm.tok_start < hi for pm in a.places.mentions):
        return False
    near = cue_words("relation_near_word")
    if any(any(tokens[k].text.lstrip("وب").startswith(w) for w in near) for k in range(t, hi)):
        return False
    return any(o.reports_event and sent.tok_start <= o.mention.tok_start < frames[-1].tok_start for o in a.hits)


# How many words before a fighting word an amid frame may begin (في ظل استمرار المعارك).
AMID_WORDS = 4


def _attempted(a: Analysis, t: int, lo: int) -> bool:
    tokens = a.doc.tokens
    own = clause_at(a, t)
    attempts = cue_words("attempt_word")
    return any(tokens[k].text.lstrip("و") in attempts and clause_at(a, k) is own
               for k in range(max(lo, t - ATTEMPT_WORDS - 1), t))


def recap_months_to_last_year(a: Analysis) -> None:
    """A bare month of the publication's own month, in a relative clause that tells a definite
    event word's past ("الهجوم الكيمائي الذي تعرضت له مدينة خان شيخون في إبريل" in an article of
    20 April), is the most recent such month before this one: last year's. The event the article
    names by the definite noun is known and told back, not an event of the current days."""
    if a.published is None:
        return
    out = []
    for d in a.dates:
        if _recapped_own_month(a, d):
            d = replace(d, date_start=_a_year_back(d.date_start), date_end=_a_year_back(d.date_end),
                        background=True, tense="background")
        out.append(d)
    a.dates = out


def biography_dates(a: Analysis) -> None:
    """A month or a year right after a verb of a person's past (خضعا للتسوية مع النظام عام 2018،
    انضم إلى قوات النظام عام 2018) that stands after the sentence's event word tells that past, not
    when the event happened: it dates no event and is set aside."""
    if not a.dates:
        return
    verbs = cue_words("biography_verb")
    tokens = a.doc.tokens
    starts = [h.mention.tok_start for h in a.hits]
    out = []
    for d in a.dates:
        if d.precision != 3:
            out.append(d)  # a person's past is told by a month or a year; a day may be the event's
            continue
        sent = a.doc.sentence_of_token(d.tok_start)
        lo = max(sent.tok_start, d.tok_start - BIOGRAPHY_WORDS)
        verb = next((k for k in range(d.tok_start - 1, lo - 1, -1)
                     if tokens[k].text.lstrip("و") in verbs or tokens[k].text in verbs), None)
        if verb is not None and any(sent.tok_start <= t < verb for t in starts) and \
                not any(verb < t < d.tok_start for t in starts):
            continue  # the person's past: no date of any event the article tells
        out.append(d)
    a.dates = out


# How many words a verb of a person's past may stand before its date (خضعا للتسوية مع النظام عام 2018).
BIOGRAPHY_WORDS = 6


def _a_year_back(day: date) -> date:
    """The same day a year before (29 February goes to the 28th)."""
    return date(day.year - 1, day.month, min(day.day, calendar.monthrange(day.year - 1, day.month)[1]))


def _recapped_own_month(a: Analysis, d) -> bool:
    if d.date_start is None or d.date_end is None or d.key != f"month:{a.published.month:02d}" or \
            d.date_start.year != a.published.year:
        return False
    own = clause_at(a, d.tok_start)
    if own is None or own.kind != "relative" or own.tok_start == 0:
        return False
    head = own.tok_start - 1
    while head > 0 and clause_at(a, head) is not None and clause_at(a, head).sentence == own.sentence and \
            not any(h.mention.tok_start <= head < h.mention.tok_end for h in a.hits) and \
            own.tok_start - head <= RELATIVE_HEAD_WORDS:
        head -= 1
    hit = next((h for h in a.hits if h.mention.tok_start <= head < h.mention.tok_end), None)
    return hit is not None and definite(a.doc.tokens[hit.mention.tok_start].text)
