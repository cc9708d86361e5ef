"""Discourse: the article's own date, the date each sentence gives its events, and the
discourse moves that tell no event of this article.

A sentence whose only dates lie long before publication (a recap, background) reports
no event of this article; a sentence with no date takes the article's default date. The
moves are recognised by their structure and their dates, not by one cue word alone:

* event words held back where they stand (``mark_discourse_moves``): a hypothesis (أي هجوم),
  a proposal or a plan (المقترح الجديد لصفقة)، a comparison (المرة الأولى التي ...), an
  anniversary's event (الذكرى السنوية لمجزرة ...), the future after an event noun (القتال
  سيستمر);
* units that tell no event (``unit_when`` returns None): a recap in the pluperfect dated by a
  month or a year (وكانت ... قد ... في منتصف تموز), "then" after a past date (وقال الجيش وقتها),
  a backdrop (وتأتي هذه الأحكام في وقت تشهد فيه ...), a charge or a conviction (أدانته بتهم تتعلق
  بتفجير)، a war's tally in thousands — each unless the unit gives a day of its own;
* units dated only by a span of the last week or some days (وفي الأسبوع الماضي، منذ أيام) after a
  lead of one day: a recap;
* dates: a statement's "today" counts from the statement's own day; an undated lead takes the
  day its short headline gives its event (مقتل خمسة بقصف على سراقب الجمعة), else the day a later
  sentence says its event was reported (ونقلت سانا مساء أمس السبت ...); an undated unit is dated no
  later than the day it says it was reported (، وقالت الشرطة يوم الأحد إن ...); a lead whose own
  event lies long before publication gives the article no date.
"""
from __future__ import annotations

from dataclasses import replace

from marsad.arabic.normalise import definite
from marsad.cues import cue_matcher, cue_phrases, cue_starts, cue_words
from marsad.model import DateMention
from marsad.stages.analysis import Analysis, When
from marsad.stages.clauses import clause_at, unit_range
from marsad.stages.statement_days import event_day_before_statement, protest_day
from marsad.stages.act_days import backdrop_span, backdrop_span_in_lead, restated_toll_day
from marsad.stages.nonevents import biography_dates, hold_back_non_events, recap_months_to_last_year

# How many paragraphs after the headings may give the article its date.
LEAD_PARAGRAPHS = 2


def mark_discourse_moves(a: Analysis) -> None:
    """Hold back the event words whose own phrase tells no event (status ``modal`` or ``generic``):

    * a hypothesis: "any" before the event word (للتصدي لأي هجوم، أي اعتداء على المدينة سيواجه);
    * a proposal, a draft or a plan of it (المقترح الجديد لصفقة تبادل، مسودة اتفاق، خطة لاقتحام);
    * a comparison: the relative clause after "the time that" (وهذه ليست المرة الأولى التي تقصف
      فيها الطائرات المطار) tells a kind of event, not one;
    * the future: a future verb after the event noun in its clause (القتال ضد التنظيم سيستمر);
    * an intention or a capability a few words before it in its clause (إنها ستواصل الهجمات، قادر على
      صد الهجمات، بإمكان قواته اقتحام المدينة);
    * a claim said to be alleged, a report withdrawn, a false alarm: the event words after زعم، ادعى،
      مزاعم، بزعم، سحبت تقريرا، إنذار خاطئ in their independent clause (with its dependents);
    * a claim denied after it: the event words before "الأمر الذي نفته"، "وهو ما نفاه" in their
      independent clause, or in the one before "، لكن ... نفى ذلك";
    * an anniversary: the event words after ذكرى in its unit (status ``background``) tell the old
      event, whatever day the anniversary falls on; so does an event a span has passed since (بعد
      مرور عامين على اختطافه).
    * a photo's English caption in an Arabic article ("Fighters clash in Aden, Aug. 9, 2019"):
      the body tells the events, the caption describes a picture, often from the archive.
    """
    tokens = a.doc.tokens
    quantifiers, plans = cue_words("hypothetical_quantifier"), cue_words("plan_noun")
    compared = {m.tok_end - 1 for m in cue_matcher("comparison_time").find(a.doc)}
    remembered = [m.tok_start for m in cue_matcher("anniversary_word").find(a.doc)]
    # a process told in the present passive (تحرير المدينة يتم وفق خطة) is no act done either
    futures = cue_words("future_verb") | cue_words("process_verb")
    alleging = [m.tok_start for m in cue_matcher("alleging_word").find(a.doc) if not _naming(a, m.tok_start)] + \
        [m.tok_start for m in cue_matcher("retraction_word").find(a.doc)] + _withdrawn_reports(a)
    intents = {m.tok_start for m in cue_matcher("intent_word").find(a.doc)}
    denied_back = [m.tok_start for m in cue_matcher("denial_back").find(a.doc)]
    denied_that = [m.tok_start for m in cue_matcher("denial_of_that").find(a.doc)]
    out = []
    elapsed: list[int] = []  # where the event words told after a passed span end
    since: list[int] = []  # where they start
    for h in a.hits:
        t = h.mention.tok_start
        if h.reports_event:
            sent = a.doc.sentence_of_token(t)
            prev = tokens[t - 1].text if t > sent.tok_start else ""
            clause = clause_at(a, t) if compared else None
            if a.foreign_caption(sent.index):
                h = replace(h, status="generic", reason="a photo's English caption in an Arabic article")
            elif prev in quantifiers:
                h = replace(h, status="modal", reason="any (أي هجوم): a hypothesis")
            elif _planned(a, t, sent.tok_start, plans):
                h = replace(h, status="modal", reason="a proposal or a plan (مقترح لصفقة، خطة لاقتحام)")
            elif clause is not None and clause.kind == "relative" and clause.tok_start in compared:
                h = replace(h, status="generic", reason="a comparison (المرة الأولى التي ...)")
            elif any(tokens[k].text in futures for k in range(h.mention.tok_end, min(sent.tok_end, h.mention.tok_end + FUTURE_WORDS))
                     if clause_at(a, k) is clause_at(a, t)):
                h = replace(h, status="modal", reason="a future or process verb after it (القتال سيستمر، التحرير يتم وفق خطة)")
            elif any(sent.tok_start <= r < t and _same_unit(a, r, t) for r in remembered):
                h = replace(h, status="background", reason="an anniversary's event (الذكرى السنوية لـ ...)")
            elif _elapsed_since(a, t, sent.tok_start) or (
                    tokens[t].text.startswith("و") and any(e < t <= e + ELAPSED_CONJOINED_WORDS for e in elapsed)) or \
                    _told_after_elapsed(a, t, sent, since):
                # (a second event word conjoined right after it shares its span: "بعد أسابيع من
                # التظاهرات الحاشدة والمواجهات الدامية")
                elapsed.append(h.mention.tok_end)
                since.append(t)
                h = replace(h, status="background", reason="a span has passed since it (بعد مرور عامين على اختطافه)")
            elif alleging and any(_claim_start(a, t, False) <= k < t for k in alleging):
                h = replace(h, status="negated", reason="a claim its source is said to allege (زعمت ... أن)")
            elif any(_claim_start(a, k, False) <= t < k for k in denied_back) or \
                    any(_claim_start(a, k, True) <= t < k for k in denied_that):
                h = replace(h, status="negated", reason="a claim denied after it (الأمر الذي نفته، لكن ... نفى ذلك)")
            elif intents and any(k in intents and clause_at(a, k) is clause_at(a, t)
                                 for k in range(max(sent.tok_start, t - INTENT_WORDS), t)):
                h = replace(h, status="modal", reason="what a side will go on doing or can do (ستواصل، قادر على)")
            elif _charged_act(a, t, sent):
                h = replace(h, status="generic", reason="a convict's charge or confession (قضت بالإعدام عن جريمة ...)")
        out.append(h)
    a.hits = out
    hold_back_non_events(a)


# How many words before an event word a confession (اعترف بتنفيذ ...) may stand in its clause.
CONFESSION_WORDS = 6


def _charged_act(a: Analysis, t: int, sent) -> bool:
    """Is the event word at ``t`` an act a court convicts for ("قضت محكمة بالإعدام على مدانين عن
    جريمة ... وتنفيذ هجمات"): a verdict word before it in its sentence, a crime noun or a charge
    between; or an act a defendant confesses to in its clause ("واعترف المدان بتنفيذ هجمات")?"""
    tokens = a.doc.tokens
    confessions = cue_words("confession_verb")
    clause = clause_at(a, t)
    lo = max(sent.tok_start, t - CONFESSION_WORDS, clause.tok_start if clause else sent.tok_start)
    if any(_bare_in(tokens[k].text, confessions) for k in range(lo, t)) and _court_sentence(a, sent):
        return True
    crimes, charges = cue_words("crime_noun"), cue_words("charge_word")
    if _in_charge_list(a, t, sent, charges):
        return True
    verdicts = cue_words("verdict_word")
    verdict = next((k for k in range(sent.tok_start, t) if _bare_in(tokens[k].text, verdicts)), None)
    if verdict is None:
        return False
    if t - VERDICT_TERM_WORDS <= max(k for k in range(verdict, t) if _bare_in(tokens[k].text, verdicts)) and \
            clause_at(a, verdict) is clause:
        return True  # the sentence's manner: "حكم على 45 منهم بالإعدام رميا بالرصاص"
    return any(tokens[k].text in crimes or _bare_in(tokens[k].text, charges) for k in range(verdict + 1, t))


def _told_after_elapsed(a: Analysis, t: int, sent, since: list[int]) -> bool:
    """Does the event word at ``t`` go on telling the earlier event a span has passed since, later in
    its sentence ("وتأتي المحاولة بعد أيام من اعتراض الدفاعات ثلاثة صواريخ باتجاه الرياض ... لاستهداف
    المناطق"، "بعد أقل من شهرين من هجوم استهدف مقر القوات، ورد عليه التحالف بضربة جوية خلفت 100
    قتيل")? What follows بعد [مدة] من in the sentence is that event, its acts, places and toll, unless a
    current date of its own stands between (a new day opens a new event). Not when the span opens the
    sentence: "وبعد أيام من الهجوم، قصفت الطائرات البلدة" tells the new event in the main clause after it."""
    start = next((e for e in since if sent.tok_start <= e < t), None)
    if start is None:
        # the span's own word may be no event word ("بعد أيام من اقتحام القوات المخيم واعتقالها"): the
        # phrase itself opens the earlier event when the sentence told the day's act before it
        # ("أصيب شاب برصاص الجيش الخميس، بعد أيام من ..."), not when it tells none (a funeral "بعد أيام
        # على مصرعهم في المعارك": the battle it died in is the event it gives)
        start = next((k for k in range(sent.tok_start + 1, t) if _elapsed_since(a, k, sent.tok_start)), None)
        if start is None or not any(sent.tok_start <= h.mention.tok_start < start and h.reports_event
                                    for h in a.hits):
            return False
    tokens, openers = a.doc.tokens, cue_words("elapsed_opener")
    if any(_bare_in(tokens[k].text, openers) for k in range(sent.tok_start, min(start, sent.tok_start + FRONTED_WORDS))):
        return False
    return not any(start <= d.tok_start < t and not d.background for d in a.dates)


# How many words from the start of its sentence a fronted "بعد" stands (وبعد أيام من ...).
FRONTED_WORDS = 2


# How many words before an event word a verdict word (بالإعدام، بالسجن) may stand in its clause for the
# event word to be the sentence's manner (بإعدام سبعة من المتهمين رميا بالرصاص).
VERDICT_TERM_WORDS = 6
# How many words after a charge word its list opener may stand (تهما عدة منها، تهم عديدة من بينها).
CHARGE_LIST_WORDS = 3


def _in_charge_list(a: Analysis, t: int, sent, charges: frozenset[str]) -> bool:
    """Does the event word at ``t`` follow, in its sentence, a charge word and a list opener right after it
    ("ووجهت للمتهمين تهما عدة منها الانضمام ... والتخطيط لاغتيال"، "تهم من بينها ... واستهداف")?"""
    tokens = a.doc.tokens
    for k in range(sent.tok_start, t):
        if _bare_in(tokens[k].text, charges):
            opener = cue_matcher("charge_list").find(a.doc, k + 1, min(t, k + 1 + CHARGE_LIST_WORDS + 1))
            if opener:
                return True
    return False


def _court_sentence(a: Analysis, sent) -> bool:
    """Does the sentence speak of a court or a defendant (محكمة، المتهم، للمدانين)? Only there is a
    confession a defendant's: "أقر الجيش بمقتل جنديين في اشتباك" is a force owning the day's event."""
    return any(sent.tok_start <= m.tok_start < sent.tok_end for m in cue_matcher("court_word").find(a.doc))


# How many words after an event noun its future verb may stand (القتال ضد عناصر التنظيم سيستمر).
FUTURE_WORDS = 7
# How many words before an event word a word of intent or capability may stand (قادرة على صد الهجمات).
INTENT_WORDS = 4


# How many words a span noun may stand before على and its event word, and its opener before it
# (بعد مرور أكثر من عامين على اختطافه).
ELAPSED_WORDS = 4


# How many words after an event word told after a passed span a conjoined one may start.
ELAPSED_CONJOINED_WORDS = 2


def _elapsed_since(a: Analysis, t: int, sent_start: int) -> bool:
    """Is the event word at ``t`` the start of a span of time that has passed: على or من right before it,
    a span noun a few words before that, and مرور or بعد before the span ("أفرجت عنه بعد مرور عامين
    على اختطافه"، "بعد ستة أشهر على اعتقاله")?"""
    tokens = a.doc.tokens
    if t - 1 < sent_start or tokens[t - 1].text not in cue_words("elapsed_on"):
        return False
    spans, openers = cue_words("elapsed_span_noun"), cue_words("elapsed_opener")
    for p in range(t - 2, max(sent_start, t - 2 - ELAPSED_WORDS) - 1, -1):
        if tokens[p].text in spans:
            return any(_bare_in(tokens[q].text, openers) for q in range(max(sent_start, p - ELAPSED_WORDS), p))
    return False


# How many words after a verb of withdrawing its report noun may stand (سحبت وكالة سانا تقريرا).
WITHDRAWN_REPORT_WORDS = 5


def _withdrawn_reports(a: Analysis) -> list[int]:
    """Where a verb of withdrawing stands with a report noun a few words after it in its sentence
    ("سحبت وكالة سانا تقريرا"، "تراجعت وسائل إعلام رسمية عن خبر")."""
    verbs = cue_matcher("retraction_verb").find(a.doc)
    if not verbs:
        return []
    nouns = {m.tok_start for m in cue_matcher("report_noun").find(a.doc)}
    out = []
    for v in verbs:
        sent = a.doc.sentence_of_token(v.tok_start)
        if any(k in nouns for k in range(v.tok_end, min(sent.tok_end, v.tok_end + WITHDRAWN_REPORT_WORDS))):
            out.append(v.tok_start)
    return out


def _claim_start(a: Analysis, k: int, before_own: bool) -> int:
    """Where the claim a denial at token ``k`` refers back to starts: the independent clause that
    holds the denial ("فيما ذكرت صفحات أن الفصائل قصفت البلدة، الأمر الذي نفته"), or, for a denial
    that opens a clause of its own ("، لكن الدفاع المدني نفى ذلك"), the independent clause before it;
    never before its sentence."""
    own = clause_at(a, k)
    if own is None:
        return k
    clauses = [c for c in a.clauses if c.sentence == own.sentence and c.index <= own.index]
    skip = before_own and own.independent
    for c in reversed(clauses):
        if skip and c is own:
            continue
        if c.independent:
            return c.tok_start
    return clauses[0].tok_start if clauses else k


# How many words after يدعي/تدعي its أن may stand (تدعي قوات الاحتلال الإسرائيلي أن).
ALLEGED_THAT_WORDS = 5


def _naming(a: Analysis, k: int) -> bool:
    """يدعى/تدعى that names someone ("ضابطا يدعى سامح الحسني"، written alike with ي once normalised)
    and does not allege: no أن follows it in its sentence within a few words."""
    tokens = a.doc.tokens
    if tokens[k].text not in cue_words("naming_or_alleging"):
        return False
    stop = min(a.doc.sentence_of_token(k).tok_end, k + 1 + ALLEGED_THAT_WORDS)
    return not any(tokens[j].text.lstrip("وب") in ("أن", "ان", "إن") for j in range(k + 1, stop))


def _same_unit(a: Analysis, i: int, j: int) -> bool:
    ci, cj = clause_at(a, i), clause_at(a, j)
    return ci is not None and cj is not None and ci.unit == cj.unit


def _planned(a: Analysis, t: int, sent_start: int, plans: frozenset[str]) -> bool:
    """Is the event word at ``t`` what a plan noun right before it proposes: "مسودة اتفاق", or with
    the ل of purpose and at most one definite adjective between ("المقترح الجديد لصفقة", "خطة
    لاقتحام")?"""
    tokens = a.doc.tokens
    if t > sent_start and tokens[t - 1].text in plans:
        return True
    if not tokens[t].text.startswith("ل"):
        return False
    for k in (t - 1, t - 2):
        if k < sent_start:
            return False
        if tokens[k].text in plans:
            return True
        if not tokens[k].text.startswith("ال"):
            return False
    return False


def lead_tells_event(a: Analysis) -> bool:
    """Do the article's headings and lead sentence tell an event: an event word that reports
    one, a count of dead, or a word of death ("استشهاد"، "قتلى")? A report whose lead tells none
    is about something else (a statement, a trial, a policy, an explainer)."""
    found = a.memo.get("lead_tells_event")
    if found is None:
        from marsad.casualties import death_forms
        spans = [(s.tok_start, s.tok_end) for s in a.doc.sentences if s.is_heading or s.index == a.first_body]

        def in_lead(tok: int) -> bool:
            return any(lo <= tok < hi for lo, hi in spans)

        forms = death_forms()
        reacting = {i for i, s in enumerate(a.doc.sentences) if (s.is_heading or i == a.first_body)
                    and cue_matcher("reaction_verb").find(a.doc, s.tok_start, s.tok_end)}

        def tells(h) -> bool:
            # "الغرب يتهم روسيا بالعبث بموقع الهجوم الكيمياوي": a known event named in a reaction;
            # "طلبت المنظمة التأكد من التقارير عن هجوم كيمياوي": an event only named in a request
            # or a reaction tells nothing unless the sentence gives it a day of its own
            sent = a.sentence_index(h.mention.tok_start)
            if sent not in reacting:
                return True
            return not _named_definite(a, h.mention) and own_current_date(a, sent)

        # "قضت محكمة الخميس بإعدام 17 شخصا في قضية اغتيال": a death sentence is a verdict, no death, and
        # a word of death held back (the convicts' charge) tells none either
        sentenced = {t for lo, hi in spans for t in range(lo, hi) if _bare(a.doc.tokens[t].text) & cue_words("verdict_word")}
        sentenced |= {h.mention.tok_start for h in a.hits if not h.reports_event}
        found = any(h.reports_event and in_lead(h.mention.tok_start) and tells(h) for h in a.hits) or \
            any(c.kind in ("killed", "mixed") and in_lead(c.tok_start) and c.tok_start not in sentenced
                for c in a.casualties) or \
            any(_bare(a.doc.tokens[t].text) & forms for lo, hi in spans for t in range(lo, hi) if t not in sentenced) or \
            _counts_operations(a, spans)
        a.memo["lead_tells_event"] = found
    return found


def _named_definite(a: Analysis, m) -> bool:
    """Is the event word ``m`` definite, by its article (الهجوم) or as the head of a construct with a
    definite noun or a name after it ("قصف الغوطة"، "تفجير الكنائس"، "هجوم قوات الدعم السريع") that a
    reaction verb before it in its clause governs: it names an event the reader knows? A day after it in
    its clause is its own ("اتهم الجيش إسرائيل بقصف بلدة الخيام اليوم"): then it tells the day's act."""
    doc, t, end = a.doc, m.tok_start, m.tok_end
    if definite(doc.tokens[t].text):
        return True
    clause = clause_at(a, t)
    if end != t + 1 or clause is None or end >= clause.tok_end:
        return False
    if not (definite(doc.tokens[end].text) or any(x.tok_start == end for x in a.actors) or
            any(p.tok_start == end for p in a.places.mentions)):
        return False
    if not cue_matcher("reaction_verb").find(doc, clause.tok_start, t):
        return False  # "بعدما تظاهر المئات": a verb and its subject, no reaction's object
    return not any(end <= d.tok_start < clause.tok_end and not d.background for d in a.dates)


def reaction_names_known_event(a: Analysis, m) -> bool:
    """Is the event word ``m`` a known event that a reaction in its sentence names ("دانت الأمم المتحدة،
    الخميس، قصف الأحياء السكنية")? The sentence's day is the reaction's, not the event's."""
    sent = a.doc.sentence_of_token(m.tok_start)
    return _named_definite(a, m) and bool(cue_matcher("reaction_verb").find(a.doc, sent.tok_start, m.tok_start))


def _counts_operations(a: Analysis, spans: list[tuple[int, int]]) -> bool:
    """"شهد ريف دير الزور الشرقي اليوم عمليتين لخلايا مسلحة": a lead sentence that counts operations
    or incidents of an armed actor announces the events the body tells."""
    from marsad.stages.analysis import ARMED_CODES
    nouns = cue_words("operation_count_noun")
    for lo, hi in spans:
        if any(_bare(a.doc.tokens[t].text) & nouns for t in range(lo, hi)) and \
                any(a.kb.inter(x.actor) in ARMED_CODES for x in a.actors_between(lo, hi)):
            return True
    return False


def _bare(word: str) -> set[str]:
    """A word and its forms without one or two proclitic letters (والقتلى -> القتلى، قتلى)."""
    return {word, word[1:], word[2:], word[3:]} if len(word) > 4 else {word}


def own_current_date(a: Analysis, sent_index: int) -> bool:
    """Does the sentence give a date that is not background (اليوم، أمس، الخميس، 12 أيار)?"""
    sent = a.doc.sentences[sent_index]
    return any(sent.tok_start <= d.tok_start < sent.tok_end and not d.background for d in a.dates)


def when_of(dm: DateMention) -> When:
    return When(dm.date_start, dm.date_end, dm.precision, dm.key, [dm])


# Dates that are spans of the days just before publication (خلال الساعات/الأيام الماضية).
_SPAN_KINDS = ("last_days", "last_hours")
# Spans a day told with the act narrows: those, and some days ago (قبل أيام، منذ أيام).
_NARROWED_SPAN_KINDS = _SPAN_KINDS + ("ago_days",)


def day_inside_span(span: When, day: When) -> bool:
    """Is ``span`` a span of the last hours or days ("خلال الساعات الماضية") and ``day`` one day
    inside it, given to the act itself ("بعد ظهر الجمعة") or the day the article dates its events?
    An event told under both took place on that day: the vague span does not widen it."""
    return span.key.startswith(_NARROWED_SPAN_KINDS) and not day.key.startswith(_NARROWED_SPAN_KINDS) and \
        day.precision == 1 and None not in (span.start, span.end, day.start) and span.start <= day.start <= span.end


def date_article(a: Analysis) -> None:
    """Stage: fix ``a.default_when``, the date of events whose units give none.

    It comes from the lead (the headings and the first body sentence), never from a recap
    further down: the lead's first date when it is current; the publication day when the lead
    has no date; None (undated events are background) when the lead's date is a tally's
    period or lies long before publication (an anniversary piece, a statistics recap). A lead
    without a date takes the current date of the first event told in the first two
    paragraphs (the lead's event, told in detail), else the day a later sentence says the
    event was reported, else the publication day. A lead whose only dates are long past and
    stand with its own event word gives none (the article looks back). It first holds back
    the event words a discourse move makes no event (``mark_discourse_moves``).
    """
    a.dates = sorted(a.dates, key=lambda d: d.tok_start)
    recap_months_to_last_year(a)
    biography_dates(a)
    mark_discourse_moves(a)
    if _looks_back(a):
        a.default_when = None
        return
    lead_end = a.doc.sentences[a.first_body].tok_end if a.doc.sentences else 0
    lead = [d for d in a.dates if d.tok_start < lead_end and not _is_dateline_sentence(a, d.tok_start)
            and not _dates_report(a, d) and not _compares(a, d) and not _foreign_caption(a, d.tok_start)
            and not backdrop_span_in_lead(a, d) and not _dates_a_bystander(a, d)]
    said = [d for d in a.dates if d.tok_start < lead_end and not d.background and _dates_speech(a, d)
            and not _is_dateline_sentence(a, d.tok_start)]
    own = said and event_day_before_statement(a, said[0], lead_end, _lead_paragraphs(a))
    if own:
        # "أعلن الجيش، السبت، أن ... وأوضح المصدر أن الجيش أحبط هجوما مساء الجمعة": the event's own day
        a.default_when = when_of(own)
        return
    if not lead:
        headline = _headline_day(a)
        if headline is not None:
            a.default_when = when_of(headline)
            return
    if lead:
        first = lead[0]
        current = [d for d in lead if not d.background]
        if len(current) > 1 and _dates_claim(a, current[0]):
            # "أعلن التنظيم اليوم الأربعاء مسؤوليته عن هجوم ... قتلوا أمس الثلاثاء في الهجوم": the
            # first date is the claim's; the attack's own comes after it
            current = [d for d in current if not _dates_claim(a, d)] or current
        if current and (not first.background or first.tense == "future"):
            a.default_when = when_of(current[0])
            return
        if first.tense in ("period", "background") and _opens_lead(a, first, lead_end):
            a.default_when = None
            return
        if not current and _lead_event_dated_past(a, lead, lead_end):
            # "اتهمت المنظمة التحالف بارتكاب جريمة حرب إثر غارة استهدفت حافلة في أغسطس الماضي": the
            # lead's own event lies long before the news; the article looks back at it
            a.default_when = None
            return
    paragraphs = _lead_paragraphs(a)
    toll_day = restated_toll_day(a, lead_end, paragraphs)
    if toll_day is not None:
        # "قتل 5 مدنيين ... وأفادت شبكة محلية بمقتل خمسة شبان مساء أمس الجمعة": the toll's own day
        a.default_when = when_of(toll_day)
        return
    # the first event told near the lead that gives itself a current date
    for h in sorted((h for h in a.hits if h.reports_event and h.mention.strength == "strong"),
                    key=lambda h: h.mention.tok_start):
        if a.doc.sentence_of_token(h.mention.tok_start).paragraph not in paragraphs:
            break
        own = [d for d in a.dates if a.sentence_index(d.tok_start) == a.sentence_index(h.mention.tok_start)
               and not d.background and not _dates_report(a, d)]
        if own and a.published and all(d.key.startswith(_SPAN_KINDS) for d in own):
            break  # "خلال اليومين الماضيين" of one event dates that event, not the lead's undated ones
        if own:
            a.default_when = when_of(min(own, key=lambda d: abs(d.tok_start - h.mention.tok_start)))
            return
    reported = _reported_day(a, lead_end, paragraphs)
    if reported is not None:
        a.default_when = reported
        return
    if a.published:
        a.default_when = When(a.published, a.published, 1, f"abs:{a.published.isoformat()}")
        return
    a.default_when = When(None, None, None, "default")


def _lead_paragraphs(a: Analysis) -> list[int]:
    """The first ``LEAD_PARAGRAPHS`` paragraphs of the body."""
    return sorted({s.paragraph for s in a.doc.sentences if s.index >= a.first_body})[:LEAD_PARAGRAPHS]


def _headline_day(a: Analysis) -> DateMention | None:
    """The day a short headline gives the event it tells, for a lead that gives none: "مقتل خمسة
    مدنيين بقصف على سراقب الجمعة"، "اشتباكات في الرمادي أمس". The date stands after an event word or
    a count of dead or wounded of its headline (a dateline, "السبت 2023/01/28", tells none) and is not
    a statement's ("الجيش يعلن الجمعة ...")."""
    for s in a.doc.sentences[:a.first_body]:
        if not s.is_heading:
            continue
        told = [h.mention.tok_start for h in a.hits if s.tok_start <= h.mention.tok_start < s.tok_end and h.reports_event] + \
            [c.tok_start for c in a.casualties if s.tok_start <= c.tok_start < s.tok_end]
        for d in a.dates:
            if s.tok_start <= d.tok_start < s.tok_end and not d.background and d.precision == 1 and \
                    d.date_start is not None and any(t < d.tok_start for t in told) and not _dates_speech(a, d):
                return d
    return None


def _foreign_caption(a: Analysis, tok: int) -> bool:
    """Is ``tok`` in a photo's caption (an English one inside an Arabic article, or one that ends with
    its credit: "(الجزيرة)")? Its date is the photo's."""
    return a.foreign_caption(a.sentence_index(tok)) or a.credit_caption(a.sentence_index(tok))


def _lead_event_dated_past(a: Analysis, lead: list[DateMention], lead_end: int) -> bool:
    """Does a date of the lead that lies long before publication follow, in its clause, a strong
    event word the lead reports, with no charge between (the lead's own event is old news)?"""
    charges, tokens = cue_words("charge_word"), a.doc.tokens
    for d in lead:
        if d.tense != "background":
            continue
        clause = clause_at(a, d.tok_start)
        if clause is None:
            continue
        for h in a.hits:
            t = h.mention.tok_start
            if h.reports_event and h.mention.strength == "strong" and t < d.tok_start and \
                    clause_at(a, t) is clause and not any(_bare_in(tokens[k].text, charges) for k in range(t, d.tok_start)):
                return True  # not "اعتقلت جهاديا متهما بالضلوع في هجمات 11 سبتمبر": the date is the charge's
    return False


# How many days before publication a report's day named after an undated lead may lie.
REPORTED_DAY_DAYS = 2


def _reported_day(a: Analysis, lead_end: int, paragraphs: list[int]) -> When | None:
    """The day a later sentence says the lead's event was reported, when the lead gives none:
    "اقتحم مسلحون مقهى ... ونقلت وكالة سانا مساء أمس السبت عن وزارة الداخلية أن قوات الأمن
    طوقت موقع الهجوم" (the attack was reported on Saturday, so it happened that day, not on the
    day the article came out). The date follows a verb of saying (or dates the report) in the
    first paragraphs, names one day before publication, and its sentence names the event again
    with a definite event word."""
    if not a.published:
        return None
    near = set(paragraphs) | {p + 1 for p in paragraphs}
    body = a.doc.sentences[a.first_body].tok_start if a.doc.sentences else 0
    for d in a.dates:
        if d.tok_start < body or d.background or d.precision != 1 or d.date_start is None:
            continue
        sent = a.doc.sentence_of_token(d.tok_start)
        if sent.paragraph not in near:
            break
        if not 0 < (a.published - d.date_start).days <= REPORTED_DAY_DAYS:
            continue
        if not (_dates_speech(a, d) or _dates_report(a, d)):
            continue
        if any(sent.tok_start <= h.mention.tok_start < sent.tok_end and h.mention.tok_start > d.tok_start
               and definite(a.doc.tokens[h.mention.tok_start].text) for h in a.hits):
            return when_of(d)
    return None


# An article with this many dates, every one of them long past or still to come and none
# current, looks back (a book review, an anniversary, an explainer): its undated events are too.
LOOK_BACK_DATES = 3


def _looks_back(a: Analysis) -> bool:
    """Does every date of the article lie long before its day (or after it), with at least
    ``LOOK_BACK_DATES`` calendar dates of the past ("في تشرين الأول عام 1984 ... عام 2011 ... نهاية العام 2007")?"""
    dates = [d for d in a.dates if not _is_dateline_sentence(a, d.tok_start)]
    # calendar dates of the past, not spans ("للمرة الأولى منذ ست سنوات"، "في السنوات الأخيرة")
    calendar = [d for d in dates if d.tense == "background" and d.key.split(":")[0] in ("abs", "month", "year")]
    return len(calendar) >= LOOK_BACK_DATES and all(d.background for d in dates)


def _opens_lead(a: Analysis, d: DateMention, lead_end: int) -> bool:
    """Does date ``d`` frame the lead's first report ("وثق المرصد منذ بداية العام مقتل 63"):
    it stands before the first casualty count or event word of the lead, or right after it?"""
    first = min([c.tok_start for c in a.casualties if c.tok_start < lead_end] +
                [h.mention.tok_start for h in a.hits if h.mention.tok_start < lead_end] + [lead_end])
    return d.tok_start <= first + 3


def _dates_report(a: Analysis, d: DateMention) -> bool:
    """"ذكرت وسائل إعلام في وقت سابق أن ...": the date belongs to the reporting verb."""
    tokens = a.doc.tokens
    nxt = tokens[d.tok_end].text if d.tok_end < len(tokens) else ""
    if nxt in cue_words("dated_report_next"):
        return not (nxt in cue_words("rise_end_word") and _after_rise(a, d))
    # "وفي وقت سابق قالت الوكالة إن ...": "earlier" right before a verb of saying dates the saying
    words = " ".join(tokens[t].text for t in range(d.tok_start, d.tok_end))
    return words.endswith(cue_phrases("background_earlier")) and d.tok_end in cue_starts(a.doc, "attribution")


# How many words before a date a verb of rising or result may stand ("ارتفعت حصيلة هجوم نفذه التنظيم السبت إلى").
RISE_DATE_WORDS = 8


def _after_rise(a: Analysis, d: DateMention) -> bool:
    """Does a verb of rising or result (ارتفعت، أسفرت، بلغت) stand a few words before the date, in its
    clause, with no verb of saying between them?"""
    own = clause_at(a, d.tok_start)
    start = own.tok_start if own is not None else 0
    lo = max(start, d.tok_start - RISE_DATE_WORDS)
    rises = [m for m in cue_matcher("rise_or_result_verb").find(a.doc, lo, d.tok_start)]
    if not rises:
        # "ارتفعت حصيلة هجوم شنه داعش على حافلة للجيش السوري في شرق سوريا مساء الخميس إلى 33": further
        # off, the rise still holds the date when the event it counts is told between them
        far = [m for m in cue_matcher("rise_or_result_verb").find(a.doc, max(start, d.tok_start - RISE_EVENT_WORDS),
                                                                d.tok_start)]
        if not far or not any(far[-1].tok_end <= h.mention.tok_start < d.tok_start for h in a.hits):
            return False
        rises = far
    says = cue_starts(a.doc, "attribution")
    return not any(t in says for t in range(max(m.tok_start for m in rises), d.tok_start))


# How far before the date a verb of rising may stand when an event word stands between them.
RISE_EVENT_WORDS = 16


# How many words may stand between a verb of saying and the date that follows it (its subject).
SPEECH_DATE_WORDS = 5


def _dates_speech(a: Analysis, d: DateMention) -> bool:
    """Does the date follow a verb of saying or a statement word within a few words
    ("أعلنت وزارة الداخلية، الجمعة،"، "كشفت الشرطة السبت")?"""
    sent = a.doc.sentence_of_token(d.tok_start)
    says = cue_starts(a.doc, "attribution")
    return any(t in says for t in range(max(sent.tok_start, d.tok_start - SPEECH_DATE_WORDS), d.tok_start))


# How many words after a date a claim of responsibility may stand for the date to be the claim's.
CLAIM_DATE_WORDS = 4


def _dates_claim(a: Analysis, d: DateMention) -> bool:
    """Does the date stand on a claim of an attack ("أعلن التنظيم، اليوم الأربعاء، مسؤوليته عن
    هجوم"، "تبنت الحركة الأربعاء الهجوم"): a verb of saying before it and a claim of responsibility
    within a few words after, or a verb of claiming a few words before?"""
    sent = a.doc.sentence_of_token(d.tok_start)
    lo = max(sent.tok_start, d.tok_start - SPEECH_DATE_WORDS)
    claims = cue_matcher("responsibility_claim").find(a.doc, lo, min(sent.tok_end, d.tok_end + CLAIM_DATE_WORDS + 2))
    if any(m.tok_end <= d.tok_start for m in claims):
        return True  # "تبنت الحركة الأربعاء الهجوم على ..."
    return _dates_speech(a, d) and any(0 <= m.tok_start - d.tok_end <= CLAIM_DATE_WORDS for m in claims)


def _is_dateline_sentence(a: Analysis, tok: int) -> bool:
    """Is the token in a short heading line at the top (a headline, a dateline "16.11.2025 سبوتنيك")?"""
    sent = a.doc.sentence_of_token(tok)
    return (sent.index <= 3 or sent.index < a.first_body) and sent.tok_end - sent.tok_start <= 8 and sent.is_heading


def unit_when(a: Analysis, unit: int, near_tok: int | None = None) -> When | None:
    """The date of the events of one unit (an independent clause with its dependents), None
    when it is background. A unit that gives its events no date of its own, in an article whose
    text dates none (its date is the publication day), takes the day it says they were reported
    ("قتل ثلاثة جنود في هجوم على حاجز، وقالت الشرطة يوم الأحد إن المهاجمين فروا": Sunday, not the
    day the article came out)."""
    when = _unit_when(a, unit, near_tok)
    if when is None or when.start is None or when is not a.default_when or when.mentions:
        # a unit's own date stands ("قصفت ... اليوم، وكانت وسائل إعلام ذكرت السبت أن ..."), and so does
        # a date the text gives the article's events ("قتل ثلاثة اليوم ... وأفاد الدفاع المدني أمس بأن القصف")
        return when
    lo, hi = unit_range(a, unit)
    said = [d for d in a.dates if lo <= d.tok_start < hi and _dates_report(a, d) and _dates_speech(a, d)
            and d.precision == 1 and not d.background and d.date_start is not None and d.date_start < when.start]
    if said:
        return when_of(min(said, key=lambda d: d.date_start))
    return when


def _unit_when(a: Analysis, unit: int, near_tok: int | None = None) -> When | None:
    """The date of the events of one unit, before it is held to the day of its report.

    The unit's own dates first (the one nearest the trigger); a unit without a date takes the
    date of the unit before it in the sentence ("وفي عام 2017 سيطر التنظيم على X، وقتل 50"
    is background twice), else a current date later in the sentence, else the article's date.
    """
    lo, hi = unit_range(a, unit)
    sent = a.doc.sentence_of_token(lo)
    dates = [d for d in a.dates if sent.tok_start <= d.tok_start < sent.tok_end and not _dates_report(a, d)
             and not (near_tok is not None and prior_marker_between(a, near_tok, d.tok_start))
             and not _compares(a, d) and not backdrop_span(a, d, near_tok)]

    def pick(items: list[DateMention]) -> When:
        if near_tok is not None:
            items = sorted(items, key=lambda d: min(abs(d.tok_start - near_tok), abs(d.tok_end - near_tok)))
        return when_of(items[0])

    reports = [d for d in a.dates if lo <= d.tok_start < hi and _dates_report(a, d)]
    if any(d.background for d in reports):
        return None  # "أعلنت العام الماضي أنها قتلت ...": an event told in a report of long ago
    if reports and all(_coarse(d) for d in reports) and pluperfect(a, lo, hi):
        return None  # "وكانت مصادر قد أفادت في منتصف تموز بأن ...": an earlier month's report
    own = [d for d in dates if lo <= d.tok_start < hi]
    if not any(not d.background for d in own) and _tells_no_event(a, lo, hi, near_tok):
        return None  # a backdrop, a charge or a war's tally, with no day of its own
    if own:
        current = [d for d in own if not d.background]
        if not current:
            return None
        if _week_recap(a, lo, current):
            return None  # "وفي الأسبوع الماضي تعرضت البلدة لغارات" beside a lead of one day: a recap
        if pluperfect(a, lo, hi) and all(_coarse(d) for d in own):
            # "وكانت مصادر محلية قد أفادت في منتصف تموز بأن ...": the pluperfect with a month or a
            # year, not a day, tells an earlier report or event (a recap), whatever the month
            return None
        if near_tok is not None and len(current) < len(own):
            # "اتهمت اليوم ضباطا بالوقوف وراء محاولة اغتيال الوزير في مارس الماضي": a past date
            # after the event word in its own clause is the event's, and today's, before it, the
            # accusation's (a past date in a relative clause, "مسيرة العودة التي انطلقت في 30
            # مارس", is not the event's)
            clause = clause_at(a, near_tok)
            mine = [d for d in own if clause.tok_start <= d.tok_start < clause.tok_end]
            if any(d.background and d.tok_start > near_tok for d in mine) and \
                    all(d.tok_start < near_tok for d in mine if not d.background):
                return None
        if len(current) > 1 and _dates_claim(a, current[0]) and \
                any(not _dates_claim(a, d) for d in current[1:]):
            current = [d for d in current if not _dates_claim(a, d)]  # the claim's day (see date_article)
        if len(current) > 1 and _dates_speech(a, current[0]) and near_tok is not None and \
                any(clause_at(a, near_tok) is clause_at(a, d.tok_start) for d in current[1:]):
            # "أعلنت الوزارة، الجمعة، تفاصيل مقتل شرطي الأربعاء الماضي": the first date is the
            # statement's, the later one the event's
            current = current[1:]
        if len(current) > 1 and _dates_speech(a, current[0]):
            # "أعلنت الوزارة السبت استشهاد شابين خلال مسيرات الجمعة": the protest's day, not the statement's
            current = [d for d in current[1:] if protest_day(a, current[0], d)] or current
        if near_tok is not None:
            # "قصف خلال الساعات الماضية ... إن القصف بعد ظهر الجمعة أدى إلى": the act's own day (after
            # its event word, in its clause), not the span
            own_days = [o for o in current if o.tok_start > near_tok and clause_at(a, o.tok_start) is clause_at(a, near_tok)]
            current = [d for d in current if not any(day_inside_span(when_of(d), when_of(o)) for o in own_days)] or current
        when = pick(current)
        return _in_statement_time(a, lo, hi, when) or when
    then = _then_date(a, lo, hi)
    if then is not None:
        # "وقال التحالف وقتها إن غاراته استهدفت ...": the date told last before it
        return None if then.background else when_of(then)
    before = [d for d in dates if d.tok_start < lo]
    if before:
        last = max(before, key=lambda d: d.tok_start)
        if last.background:
            return None
        return when_of(last)
    after = [d for d in dates if d.tok_start >= hi and not d.background]
    if after:
        return pick(after)
    if _adds_to_recap(a, sent):
        return None  # "ومنذ عام 2015 قتل ... وخلال الفترة نفسها قتل ... كما قتل آخرون في اشتباكات"
    return a.default_when


# How many words from its start a recap's opener (منذ عام 2015، خلال الفترة نفسها) may stand.
RECAP_OPENER_WORDS = 3


def _adds_to_recap(a: Analysis, sent) -> bool:
    """Does an undated sentence opened by كما ("and also") or كان add to a recap told just before it: the
    sentence before opens with a background marker (خلال الفترة نفسها، منذ سنوات) or dates its events
    only long ago (ومنذ عام 2015), or adds to a recap in turn? An "also" takes its time from what it
    continues. A sentence that says who reports (وكانت مصادر قالت إن ...) tells a report, not a recap."""
    tokens = a.doc.tokens
    if sent.index == 0 or sent.tok_start >= sent.tok_end or \
            tokens[sent.tok_start].text.lstrip("و") not in cue_words("recap_addition"):
        return False
    prev = a.doc.sentences[sent.index - 1]
    if prev.is_heading or prev.index < a.first_body:
        return False
    if any(sent.tok_start <= t < sent.tok_end for t in cue_starts(a.doc, "attribution")):
        return False  # "وكانت مصادر محلية قالت إن ...": a source's report of the news, no recap
    dates = [d for d in a.dates if prev.tok_start <= d.tok_start < prev.tok_end]
    if dates:
        return all(d.background for d in dates)
    if any(prev.tok_start <= t < prev.tok_start + RECAP_OPENER_WORDS
           for t in cue_starts(a.doc, "background")):
        return True
    return _adds_to_recap(a, prev)


# Date keys that span the last week or some days with no day named (الأسبوع الماضي، الأسبوع الفائت،
# في الأيام الأخيرة، منذ أيام، قبل أسبوع); a count of days up to ``WEEK_SPAN_DAYS`` (خلال اليومين
# الماضيين) is as near as a day.
_WEEK_SPAN_KINDS = ("last_week", "last_days", "ago_days", "ago_weeks")
WEEK_SPAN_DAYS = 3


def _week_span(d: DateMention) -> bool:
    kind, _, body = d.key.partition("@")[0].partition(":")
    if kind not in _WEEK_SPAN_KINDS:
        return False
    return kind != "last_days" or not body.isdigit() or int(body) > WEEK_SPAN_DAYS


def _week_recap(a: Analysis, lo: int, current: list[DateMention]) -> bool:
    """Is the unit, after the lead, dated only by a span of the last week or of some days ("وفي
    الأسبوع الماضي، تعرضت البلدة لعدد من الغارات"، "وكان مسلحون هاجموا منذ أيام دورية") while the
    article's own event has one day (اليوم، أمس، الخميس)? It recalls the days before the news."""
    sent = a.doc.sentence_of_token(lo)
    if sent.is_heading or sent.index <= a.first_body:
        return False
    default = a.default_when
    if default is None or default.precision != 1 or default.start is None:
        return False
    return all(_week_span(d) for d in current)


# The kinds of date keys that name a month, a year or longer (not a day or a week).
_COARSE_KINDS = ("month", "month_year", "year", "in_year", "since_year", "decade", "hijri_month", "hijri_year",
                 "last_month", "last_year", "last_months", "last_years", "month_before_last", "year_before_last",
                 "ago_months", "ago_years", "this_month", "this_year")


def _coarse(d: DateMention) -> bool:
    """Does the date name no day: a month, a year or more ("في منتصف تموز"، "عام 2016")?"""
    if d.precision is not None:
        return d.precision >= 3
    return d.key.partition(":")[0].partition("@")[0] in _COARSE_KINDS


def _then_date(a: Analysis, lo: int, hi: int) -> DateMention | None:
    """For a unit that says "then" (حينها، وقتها، آنذاك) and gives no date of its own: the last date
    the article told before it (not a dateline's, not a comparison's)."""
    then = cue_matcher("then_anaphor").find(a.doc, lo, hi)
    if not then:
        return None
    first = min(m.tok_start for m in then)
    before = [d for d in a.dates if d.tok_end <= first and not _is_dateline_sentence(a, d.tok_start)
              and not _compares(a, d)]
    return before[-1] if before else None


# How many words before an event word a charge (بتهمة، اتهم ... ب) may stand in its clause.
CHARGE_WORDS = 6
# A count of dead this large with no day of its own is a war's or a year's tally, not one event.
TALLY_DEAD = 1000


def _tells_no_event(a: Analysis, lo: int, hi: int, near_tok: int | None) -> bool:
    """Does a unit outside the lead, with no day of its own, tell no event of the article:

    * a backdrop: "وتأتي هذه الأحكام في وقت تشهد فيه المحافظة معارك" (what the news comes amid);
    * a charge, a trial or a conviction over its event word: "أدانته المحكمة بخمس تهم تتعلق
      بتفجير ناقلة"، "اتهم أرباب عمل باغتصاب عاملات"؛
    * a war's or a year's tally: "وقتل نحو 10 آلاف شخص في القتال" (thousands of dead), or a
      sentence that goes on with a tally since an event (كما قصفت ... after منذ سيطرتها ...)?
    """
    sent = a.doc.sentence_of_token(lo)
    if sent.is_heading or sent.index <= a.first_body:
        return False
    tokens = a.doc.tokens
    verbs = cue_words("backdrop_verb")
    for t in range(lo, min(hi, lo + 6)):
        if _bare_in(tokens[t].text, verbs):
            frames = cue_matcher("backdrop_frame").find(a.doc, t + 1, min(hi, t + 5))
            if frames and (near_tok is None or near_tok >= frames[0].tok_start):
                return True
    if near_tok is not None:
        clause = clause_at(a, near_tok)
        start = max(lo, near_tok - CHARGE_WORDS, clause.tok_start if clause else lo)
        charges = cue_words("charge_word")
        if any(_bare_in(tokens[t].text, charges) for t in range(start, near_tok)):
            return True
    if any(lo <= c.tok_start < hi and c.kind == "killed" and (c.low or 0) >= TALLY_DEAD for c in a.casualties):
        return True
    return _continues_tally(a, lo, sent)


def _continues_tally(a: Analysis, lo: int, sent) -> bool:
    """Does the unit open its sentence with كما (وكذلك، إضافة إلى ...) after a sentence that
    counts since an event ("منذ سيطرتها على الميناء قصفت 5 سفن") and gives no current date?"""
    if lo != sent.tok_start or sent.index == 0:
        return False
    prev = a.doc.sentences[sent.index - 1]
    if any(prev.tok_start <= d.tok_start < prev.tok_end and not d.background for d in a.dates):
        return False
    backref = cue_words("tally_backref")
    if any(_bare_in(a.doc.tokens[t].text, backref) for t in range(lo, min(sent.tok_end, lo + TALLY_BACKREF_WORDS))) \
            and _counts_since(a, prev):
        # "ارتفعت الحصيلة منذ 24 مارس إلى 1554 قتيلا. وقد لقي أولئك جميعا حتفهم خلال هجمات في X وY"
        return True
    if not any(m.tok_start == lo for m in cue_matcher("list_continuation", suffixes=False).find(a.doc, lo, lo + 3)):
        return False
    since = cue_words("since_word")
    starts = {h.mention.tok_start for h in a.hits}
    return any(a.doc.tokens[t].text in since and t + 1 in starts for t in range(prev.tok_start, prev.tok_end - 1)) or \
        bool(cue_matcher("tally_since").find(a.doc, prev.tok_start, prev.tok_end))


# How many words from the start of a unit a word pointing back to a tally's dead may stand (وقد لقي أولئك).
TALLY_BACKREF_WORDS = 4


def _counts_since(a: Analysis, sent) -> bool:
    """Does the sentence count dead since a date or an event (منذ 24 مارس 2019 إلى 1554 قتيلا)?"""
    if not any(sent.tok_start <= c.tok_start < sent.tok_end and c.kind in ("killed", "mixed") for c in a.casualties):
        return False
    return counts_since_then(a, sent)


def counts_since_then(a: Analysis, sent) -> bool:
    """Does the sentence count since a date or the start of something (منذ مطلع العام، منذ 24 آذار)?
    A toll told after it with no place of its own sums what it counts, not the event before it."""
    return any(sent.tok_start <= d.tok_start < sent.tok_end and d.key.startswith("since") for d in a.dates) or \
        bool(cue_matcher("tally_since").find(a.doc, sent.tok_start, sent.tok_end))


def _bare_in(word: str, words: frozenset[str]) -> bool:
    """Is the word, or the word without a leading و or ف, in ``words`` (واتهم، فاتهمت)?"""
    return word in words or (len(word) > 3 and word[0] in "وف" and word[1:] in words)


# Keys of relative dates a quoted statement resolves against its own date ("صباح اليوم" in a
# statement issued on Thursday is Thursday morning, whatever day the article came out).
_RELATIVE_KINDS = ("rel", "weekday", "night", "night_after", "days", "last_hours", "last_days", "ago_hours", "ago_days", "earlier")


# The date of a statement ("في بيان الخميس 12 أيار"، "في بيان الخميس"، "في بيان أمس") its content's
# relative dates count from.
_STATEMENT_KINDS = ("abs", "md", "dom", "weekday", "rel", "night", "night_after")
_CALENDAR_KINDS = ("abs", "md", "dom")
# The relative dates that count from the day they are said in (اليوم، أمس، الليلة الماضية، قبل ساعات).
_DAY_RELATIVE_KINDS = ("rel", "last_hours", "ago_hours")


def _in_statement_time(a: Analysis, lo: int, hi: int, when: When) -> When | None:
    """When the event's date is relative and stands in the content of a statement that carries
    a calendar date of its own ("أعلن الجيش في بيان الخميس 12 أيار أن ... صباح اليوم"), the date
    counted from the statement's day."""
    from marsad.dates import resolve_key
    dm = when.mentions[0] if when.mentions else None
    if dm is None or dm.key.partition(":")[0] not in _RELATIVE_KINDS:
        return None
    clause = clause_at(a, dm.tok_start)
    if clause is None or clause.kind != "content":
        return None
    statement = [d for d in a.dates if lo <= d.tok_start < clause.tok_start and d.date_start is not None
                 and d.key.partition(":")[0] in _STATEMENT_KINDS and d.precision == 1 and not d.background]
    if not statement:
        return None
    said = statement[-1]
    if said.key.partition(":")[0] not in _CALENDAR_KINDS and (
            not _dates_speech(a, said) or dm.key.partition(":")[0] not in _DAY_RELATIVE_KINDS):
        # a statement dated by a weekday or by "yesterday" ("في بيان الخميس"، "في بيان أمس") dates its
        # "today" and "last night", not a weekday of its own, and only when it dates the saying
        return None
    day = said.date_start
    start, end = resolve_key(dm.key, day)
    if start is None or (a.published is not None and end > a.published):
        return None
    precision = 1 if start == end else 2 if (end - start).days <= 7 else 3
    return When(start, end, precision, f"{dm.key}@{day.isoformat()}", [dm, statement[-1]])


# How many words the subject between كان and قد may take ("وكانت مصادر المرصد السوري لحقوق الإنسان قد").
PLUPERFECT_WORDS = 8


def pluperfect(a: Analysis, lo: int, hi: int) -> bool:
    """Is the unit in the pluperfect: كان (كانت، كانوا ...) and, within a few words, قد? Not when
    what follows قد is a person's past told after the unit's event word (شابا كان قد أجرى تسوية)."""
    aux, qad = cue_words("pluperfect_auxiliary"), cue_words("qad")
    past = cue_words("biography_verb")
    tokens = a.doc.tokens
    for t in range(lo, hi):
        if tokens[t].text not in aux:
            continue
        for k in range(t + 1, min(hi, t + 1 + PLUPERFECT_WORDS)):
            if tokens[k].text in qad:
                # "قتل مسلحون شابا كان قد أجرى تسوية": a person's past told after the event word
                if not (k + 1 < hi and tokens[k + 1].text in past and
                        any(lo <= h.mention.tok_start < t and h.reports_event for h in a.hits)):
                    return True
    return False


def prior_marker_between(a: Analysis, trigger_tok: int, tok: int) -> bool:
    """Does a phrase naming an earlier event (ردا على، على خلفية، انتقاما ل ...) stand between a
    trigger and a later mention of its clause? Then the mention (a place, a date) belongs to that
    earlier event: "شنت غارات ردا على هجوم على مدينة دوما الأسبوع الماضي"."""
    if tok <= trigger_tok:
        return False
    own = clause_at(a, trigger_tok)
    if own is None or not own.tok_start <= tok < own.tok_end:
        return False
    return any(trigger_tok < m.tok_start < tok for m in cue_matcher("prior_event_marker").find(a.doc, trigger_tok + 1, tok))


# How many one-sentence lines, each opening a fresh story, close a page of other stories' blurbs.
TEASER_RUN = 3
# The most sentences one closing blurb of another story may hold.
TEASER_LINE_SENTENCES = 3


def teasers_from(a: Analysis) -> int | None:
    """The index of the first sentence of a closing list of other stories, if the page has one.

    A news page often ends with the first lines of other stories ("كشفت السلطات الأردنية ...
    \nتصدت الدفاعات الجوية ...\nقال البروفيسور ..."): one sentence to a line, each opening
    fresh, with a verb or a name, not with a word that continues the story (و، ف، كما، من
    جهته، يذكر أن ...). A run of ``TEASER_RUN`` or more such lines at the end, after the lead
    and a body of its own, tells no event of this article.
    """
    if "teasers_from" in a.memo:
        return a.memo["teasers_from"]
    a.memo["teasers_from"] = None
    doc, text = a.doc, a.doc.text
    lines: list[list] = []  # the sentences of each line, in order
    for s in doc.sentences:
        k = s.start - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if not lines or k < 0 or text[k] == "\n":
            lines.append([s])
        else:
            lines[-1].append(s)
    run = 0
    for line in reversed(lines):
        # a blurb is a story's opening lines (one to three sentences; a short one may read as a
        # heading), cut off; the article's own paragraphs carry on with و، كما، وأضاف ...
        if len(line) > TEASER_LINE_SENTENCES or not _opens_fresh(a, line[0]):
            break
        run += 1
    if run < TEASER_RUN or len(lines) - run < 2:
        return None
    first = lines[len(lines) - run][0].index
    if first <= a.first_body:
        return None
    a.memo["teasers_from"] = first
    return first


def _opens_fresh(a: Analysis, sent) -> bool:
    tokens = a.doc.tokens
    if sent.tok_start >= sent.tok_end:
        return False
    word = tokens[sent.tok_start].text
    if word[:1] in ("و", "ف") and len(word) >= 3:
        return False  # وقال، فيما ... (and nouns such as وزارة, which only make the rule stricter)
    opener = cue_matcher("continuation_opener", suffixes=False).find(a.doc, sent.tok_start, min(sent.tok_end, sent.tok_start + 4))
    return not any(m.tok_start == sent.tok_start for m in opener)


# How many words may stand between a relative pronoun and a date of its clause (التي أدرجت قبل أيام).
RELATIVE_DATE_WORDS = 3


def _dates_a_bystander(a: Analysis, d: DateMention) -> bool:
    """"... في تحد للأمم المتحدة التي أدرجت قبل أيام التحالف في القائمة السوداء": a date in a
    relative clause that describes no event (neither the noun before the pronoun nor the clause's
    own words are event words) dates what that body or person did, not the lead's event."""
    tokens, rel = a.doc.tokens, cue_words("relative_pronoun")
    sent = a.doc.sentence_of_token(d.tok_start)
    for r in range(max(sent.tok_start + 1, d.tok_start - RELATIVE_DATE_WORDS - 1), d.tok_start):
        if tokens[r].text not in rel:
            continue
        if any(ch in "،,؛;.:" for ch in a.doc.text[tokens[r].end:tokens[d.tok_start].start]):
            return False
        clause_end = min(sent.tok_end, d.tok_end + RELATIVE_DATE_WORDS)
        return not any(r - 2 <= h.mention.tok_end <= r or r < h.mention.tok_start < clause_end for h in a.hits)
    return False


def _compares(a: Analysis, d: DateMention) -> bool:
    """"للمرة الأولى منذ ست سنوات": a date that measures how long since, not when."""
    return any(m.tok_end in (d.tok_start, d.tok_start - 1)
               for m in cue_matcher("first_time").find(a.doc, max(0, d.tok_start - 5), d.tok_start))
