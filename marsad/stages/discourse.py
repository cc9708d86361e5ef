"""Discourse: the article's own date and the date each sentence gives its events.

A sentence whose only dates lie long before publication (a recap, background) reports
no event of this article; a sentence with no date takes the article's default date.
"""
from __future__ import annotations

from marsad.arabic.normalise import definite
from marsad.cues import cue_matcher, cue_phrases, cue_starts, cue_words
from marsad.model import DateMention
from marsad.stages.analysis import Analysis, When
from marsad.stages.clauses import clause_at, unit_range

# How many paragraphs after the headings may give the article its date.
LEAD_PARAGRAPHS = 2


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
            word = a.doc.tokens[h.mention.tok_start].text
            sent = a.sentence_index(h.mention.tok_start)
            if sent not in reacting:
                return True
            return not definite(word) and own_current_date(a, sent)

        found = any(h.reports_event and in_lead(h.mention.tok_start) and tells(h) for h in a.hits) or \
            any(c.kind in ("killed", "mixed") and in_lead(c.tok_start) for c in a.casualties) or \
            any(_bare(a.doc.tokens[t].text) & forms for lo, hi in spans for t in range(lo, hi))
        a.memo["lead_tells_event"] = found
    return found


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


def date_article(a: Analysis) -> None:
    """Stage: fix ``a.default_when``, the date of events whose units give none.

    It comes from the lead (the headings and the first body sentence), never from a recap
    further down: the lead's first date when it is current; the publication day when the lead
    has no date; None (undated events are background) when the lead's date is a tally's
    period or lies long before publication (an anniversary piece, a statistics recap). A lead
    without a date takes the current date of the first event told in the first two
    paragraphs (the lead's event, told in detail), else the publication day.
    """
    a.dates = sorted(a.dates, key=lambda d: d.tok_start)
    if _looks_back(a):
        a.default_when = None
        return
    lead_end = a.doc.sentences[a.first_body].tok_end if a.doc.sentences else 0
    lead = [d for d in a.dates if d.tok_start < lead_end and not _is_dateline_sentence(a, d.tok_start)
            and not _dates_report(a, d) and not _compares(a, d)]
    if lead:
        first = lead[0]
        current = [d for d in lead if not d.background]
        if current and (not first.background or first.tense == "future"):
            a.default_when = when_of(current[0])
            return
        if first.tense in ("period", "background") and _opens_lead(a, first, lead_end):
            a.default_when = None
            return
    # the first event told near the lead that gives itself a current date
    paragraphs = sorted({s.paragraph for s in a.doc.sentences if s.index >= a.first_body})[:LEAD_PARAGRAPHS]
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
    if a.published:
        a.default_when = When(a.published, a.published, 1, f"abs:{a.published.isoformat()}")
        return
    a.default_when = When(None, None, None, "default")


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
        return True
    # "وفي وقت سابق قالت الوكالة إن ...": "earlier" right before a verb of saying dates the saying
    words = " ".join(tokens[t].text for t in range(d.tok_start, d.tok_end))
    return words.endswith(cue_phrases("background_earlier")) and d.tok_end in cue_starts(a.doc, "attribution")


# How many words may stand between a verb of saying and the date that follows it (its subject).
SPEECH_DATE_WORDS = 5


def _dates_speech(a: Analysis, d: DateMention) -> bool:
    """Does the date follow a verb of saying or a statement word within a few words
    ("أعلنت وزارة الداخلية، الجمعة،"، "كشفت الشرطة السبت")?"""
    sent = a.doc.sentence_of_token(d.tok_start)
    says = cue_starts(a.doc, "attribution")
    return any(t in says for t in range(max(sent.tok_start, d.tok_start - SPEECH_DATE_WORDS), d.tok_start))


def _is_dateline_sentence(a: Analysis, tok: int) -> bool:
    sent = a.doc.sentence_of_token(tok)
    return sent.index <= 3 and sent.tok_end - sent.tok_start <= 8 and sent.is_heading


def unit_when(a: Analysis, unit: int, near_tok: int | None = None) -> When | None:
    """The date of the events of one unit (an independent clause with its dependents), None
    when it is background.

    The unit's own dates first (the one nearest the trigger); a unit without a date takes the
    date of the unit before it in the sentence ("وفي عام 2017 سيطر التنظيم على X، وقتل 50"
    is background twice), else a current date later in the sentence, else the article's date.
    """
    lo, hi = unit_range(a, unit)
    sent = a.doc.sentence_of_token(lo)
    dates = [d for d in a.dates if sent.tok_start <= d.tok_start < sent.tok_end and not _dates_report(a, d)
             and not (near_tok is not None and prior_marker_between(a, near_tok, d.tok_start))
             and not _compares(a, d)]

    def pick(items: list[DateMention]) -> When:
        if near_tok is not None:
            items = sorted(items, key=lambda d: min(abs(d.tok_start - near_tok), abs(d.tok_end - near_tok)))
        return when_of(items[0])

    if any(lo <= d.tok_start < hi and d.background and _dates_report(a, d) for d in a.dates):
        return None  # "أعلنت العام الماضي أنها قتلت ...": an event told in a report of long ago
    own = [d for d in dates if lo <= d.tok_start < hi]
    if own:
        current = [d for d in own if not d.background]
        if not current:
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
        if len(current) > 1 and _dates_speech(a, current[0]) and near_tok is not None and \
                any(clause_at(a, near_tok) is clause_at(a, d.tok_start) for d in current[1:]):
            # "أعلنت الوزارة، الجمعة، تفاصيل مقتل شرطي الأربعاء الماضي": the first date is the
            # statement's, the later one the event's
            current = current[1:]
        when = pick(current)
        return _in_statement_time(a, lo, hi, when) or when
    before = [d for d in dates if d.tok_start < lo]
    if before:
        last = max(before, key=lambda d: d.tok_start)
        if last.background:
            return None
        return when_of(last)
    after = [d for d in dates if d.tok_start >= hi and not d.background]
    if after:
        return pick(after)
    return a.default_when


# Keys of relative dates a quoted statement resolves against its own date ("صباح اليوم" in a
# statement issued on Thursday is Thursday morning, whatever day the article came out).
_RELATIVE_KINDS = ("rel", "weekday", "night", "night_after", "days", "last_hours", "last_days", "ago_hours", "ago_days", "earlier")


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
                 and d.key.partition(":")[0] in ("abs", "md", "dom") and d.precision == 1]
    if not statement:
        return None
    day = statement[-1].date_start
    start, end = resolve_key(dm.key, day)
    if start is None:
        return None
    precision = 1 if start == end else 2 if (end - start).days <= 7 else 3
    return When(start, end, precision, f"{dm.key}@{day.isoformat()}", [dm, statement[-1]])


def pluperfect(a: Analysis, lo: int, hi: int) -> bool:
    """Is the unit in the pluperfect: كان (كانت، كانوا ...) and, within a few words, قد?"""
    aux, qad = cue_words("pluperfect_auxiliary"), cue_words("qad")
    tokens = a.doc.tokens
    for t in range(lo, hi):
        if tokens[t].text in aux and any(tokens[k].text in qad for k in range(t + 1, min(hi, t + 5))):
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


def _compares(a: Analysis, d: DateMention) -> bool:
    """"للمرة الأولى منذ ست سنوات": a date that measures how long since, not when."""
    return any(m.tok_end in (d.tok_start, d.tok_start - 1)
               for m in cue_matcher("first_time").find(a.doc, max(0, d.tok_start - 5), d.tok_start))
