"""The day of an event told inside a statement made on another day.

"أعلن الجيش، السبت، أن قواته أحبطت هجوما ... ونقلت الوكالة عن مصدر عسكري أن الجيش أحبط هجوما
مساء الجمعة": Saturday is the day of the statement; the attack, told again with its own part of
day, was on Friday. Read by ``discourse.date_article`` for the article's default date.
"""
from __future__ import annotations

from marsad.model import DateMention
from marsad.stages.analysis import Analysis

# How many days before the statement's day the event's own day may lie.
STATEMENT_EVENT_DAYS = 3


# Date kinds that name a day of their own (a weekday and its parts, a night, a day of a month):
# not "وفي وقت سابق" (earlier) nor "أمس" counted from the article's day.
_OWN_DAY_KINDS = ("weekday", "night_after", "night", "abs", "md", "dom")


def _a_day(d: DateMention) -> bool:
    """A named day or a night across two days ("مساء الجمعة"، "ليل الخميس"، "في 30 آذار")."""
    kind = d.key.partition("@")[0].partition(":")[0]
    return kind in _OWN_DAY_KINDS and d.date_start is not None and d.date_end is not None and (
        d.precision == 1 or (d.precision == 2 and (d.date_end - d.date_start).days <= 1))


def event_day_before_statement(a: Analysis, said: DateMention, lead_end: int,
                               paragraphs: list[int]) -> DateMention | None:
    """For a lead whose date is a statement's ("أعلن الجيش، السبت، أن ..."): the day a sentence of the
    first paragraphs gives the lead's event itself, a weekday or a part of one ("مساء الجمعة"،
    "فجر الخميس"), a few days before the statement's. The sentence names the event again by an
    event word of a kind the lead's own words have, and its date is no statement's or report's.
    None when there is none (the statement's day stands)."""
    from marsad.stages.discourse import _dates_report, _dates_speech
    if said.precision != 1 or said.date_start is None:
        return None
    lead_kinds = {h.mention.event_type for h in a.hits if h.mention.tok_start < lead_end}
    if not lead_kinds:
        return None
    for d in a.dates:
        if d.tok_start < said.tok_end or d.background or not _a_day(d):
            continue
        sent = a.doc.sentence_of_token(d.tok_start)
        if sent.paragraph not in paragraphs:
            break
        if _dates_speech(a, d) or _dates_report(a, d):
            continue  # "وقال المتحدث الجمعة": another statement's day
        if not 0 < (said.date_start - d.date_start).days <= STATEMENT_EVENT_DAYS:
            if d.tok_start < lead_end:
                return None  # "أعلن الجيش السبت مقتل خمسة في اشتباكات اليوم": the lead dates its event
            continue
        if any(sent.tok_start <= h.mention.tok_start < sent.tok_end and h.mention.event_type in lead_kinds
               and h.mention.tok_start != d.tok_start for h in a.hits):
            return d
    return None


# How many words (يوم، في) may stand between a protest word and the day it names.
PROTEST_DAY_GAP = 1


def protest_day(a: Analysis, said: DateMention, d: DateMention) -> bool:
    """Is ``d`` the day of a protest named with it ("خلال مسيرات الجمعة"، "في جمعة الغضب"), a few days
    before ``said``, the day of the statement that tells it ("أعلنت الوزارة السبت استشهاد شابين خلال
    مسيرات الجمعة")? The protest and what was done to it took place on that day."""
    from marsad.date_named import named_weekday_at
    if not _a_day(d) or said.date_start is None or d.background or \
            not 0 < (said.date_start - d.date_start).days <= STATEMENT_EVENT_DAYS:
        return False
    if named_weekday_at(a.doc, d.tok_start):
        return True
    return any(h.mention.event_type == "Protests" and 0 <= d.tok_start - h.mention.tok_end <= PROTEST_DAY_GAP
               for h in a.hits)


def own_day_after(a: Analysis, tok_end: int) -> DateMention | None:
    """The current day told right after an event word that ends at ``tok_end`` ("احتجاجات الجمعة"،
    "مسيرات يوم الجمعة"، "مسيرات جمعة الوفاء"): the word names its own day. A protest keeps it whatever
    day the sentence gives the acts around it ("غارات بعد ظهر السبت، غداة احتجاجات الجمعة"), and a
    غداة before the word moves no such day."""
    return next((d for d in a.dates if 0 <= d.tok_start - tok_end <= PROTEST_DAY_GAP and _a_day(d)
                 and not d.background and d.date_start is not None), None)


def day_of_the_protest_during(a: Analysis, tok_start: int, tok_end: int) -> DateMention | None:
    """"يعم الإضراب السبت احتجاجا على مقتل 16 برصاص الجيش خلال مظاهرات خرجت الجمعة": an act told with
    the protest it took place during (``during_word`` right before a protest word later in its
    sentence) took place on that protest's own day, not on the day the sentence gives the strike or
    the statement that tells it."""
    from marsad.cues import cue_words
    doc = a.doc
    end = doc.sentence_of_token(tok_start).tok_end
    during = cue_words("during_word")
    for h in sorted(a.hits, key=lambda h: h.mention.tok_start):
        m = h.mention
        if m.event_type == "Protests" and tok_end <= m.tok_start < end and m.tok_start > 0 and \
                doc.tokens[m.tok_start - 1].text in during:
            return own_day_after(a, m.tok_end)
    return None
