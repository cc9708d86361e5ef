"""The day the text gives the act itself, where the sentence that tells it gives none or another's.

Three moves of news prose put the act's own day away from the act's clause:

- a lead tells a toll with no day ("قتل خمسة مدنيين برصاص مسلحين في ريف X") and the next sentence, a
  source's, tells the same toll again with its day ("وأفادت شبكة محلية بمقتل خمسة شبان مساء أمس
  الجمعة"): the act was on Friday, not on the day the article came out (``restated_toll_day``);
- a span of the last days stands in a clause that describes the backdrop of the act ("شن المسلحون هجوما
  جديدا على المطار، حيث قتل العشرات خلال الأيام الماضية"): it dates the fighting before, not the new
  attack (``backdrop_span``);
- an act told "during" a protest that names its day ("مقتل 16 برصاص الجيش خلال مظاهرات خرجت، الجمعة")
  took place on the protest's day, whatever day the sentence gives the strike or mourning that
  reacts to it (``statement_days.day_of_the_protest_during``, which ``frames`` reads).

Read by ``discourse.date_article`` (the article's default day), ``discourse.unit_when`` and
``frames`` (each event word's day).
"""
from __future__ import annotations

from marsad.cues import cue_starts, cue_words
from marsad.model import DateMention
from marsad.stages.analysis import Analysis
from marsad.stages.clauses import clause_at
from marsad.stages.statement_days import own_day_after

# Date kinds that span the last hours or days with no day named (خلال الأيام الماضية).
_SPAN_KINDS = ("last_days", "last_hours")
# Clause kinds that describe a backdrop of what the clause before them tells (حيث، الذي).
_BACKDROP_CLAUSES = ("elaboration", "relative")


def _kind(d: DateMention) -> str:
    return d.key.partition("@")[0].partition(":")[0]


def backdrop_span(a: Analysis, d: DateMention, near_tok: int | None) -> bool:
    """Is ``d`` a span of the last days or hours told after the event word at ``near_tok`` in a clause
    that describes the backdrop ("هجوما جديدا على المطار ... حيث قتل العشرات خلال الأيام الماضية")? An
    elaboration or relative clause opens between the word and the date, and the word's own clause
    gives no span of its own."""
    if near_tok is None or _kind(d) not in _SPAN_KINDS or d.tok_start <= near_tok:
        return False
    own = clause_at(a, near_tok)
    if own is None or own.sentence != a.sentence_index(d.tok_start):
        return False
    return any(c.sentence == own.sentence and near_tok < c.tok_start <= d.tok_start and c.kind in _BACKDROP_CLAUSES
               for c in a.clauses)


def backdrop_span_in_lead(a: Analysis, d: DateMention) -> bool:
    """``backdrop_span`` for the lead's first event word of the date's sentence before it."""
    sent = a.doc.sentence_of_token(d.tok_start)
    words = [h.mention.tok_start for h in a.hits
             if h.reports_event and sent.tok_start <= h.mention.tok_start < d.tok_start]
    return bool(words) and backdrop_span(a, d, min(words))


# How many words after a toll's first word its day may stand ("بمقتل خمسة شبان مساء أمس الجمعة").
TOLL_DAY_WORDS = 3


def restated_toll_day(a: Analysis, lead_end: int, paragraphs: list[int]) -> DateMention | None:
    """For a lead that tells a toll with no day: the day a later sentence of the first paragraphs
    gives the same toll (the same number of dead) right after it, a day before publication or
    earlier in the week ("وأفادت شبكة محلية بمقتل خمسة شبان مساء أمس الجمعة"). None when there is none."""
    body = a.doc.sentences[a.first_body].tok_start if a.doc.sentences else 0
    lead = [c for c in a.casualties if body <= c.tok_start < lead_end and c.kind == "killed"
            and c.count and not c.subgroup]
    if not lead:
        return None
    lead_places = _place_names(a, body, lead_end)
    for c in a.casualties:
        if c.tok_start < lead_end or c.kind != "killed" or not any(
                x.count == c.count and _same_victims(x, c) for x in lead):
            continue
        sent = a.doc.sentence_of_token(c.tok_start)
        if sent.paragraph not in paragraphs:
            break
        if not _place_names(a, sent.tok_start, sent.tok_end) <= lead_places:
            continue  # "وفي حماة، أفاد ناشطون بمقتل خمسة جنود أمس": another place's dead
        own = clause_at(a, c.tok_start)
        for d in a.dates:
            if c.tok_start < d.tok_start <= c.tok_end + TOLL_DAY_WORDS and not d.background and \
                    d.precision == 1 and d.date_start is not None and clause_at(a, d.tok_start) is own and \
                    (a.published is None or 0 <= (a.published - d.date_start).days <= 6):
                return d
    return None


def _same_victims(x, c) -> bool:
    """Can two counts be the same dead: their victims are not of two known kinds (مدنيين، جنود)?"""
    kinds = {x.victim_class, c.victim_class} - {None, "unknown"}
    return len(kinds) <= 1


def _place_names(a: Analysis, lo: int, hi: int) -> set:
    """The provinces (admin1, else the name) of the places the text resolves in tokens [lo, hi), as
    event places or their containers: "قرية اليادودة" is in Daraa, where the lead put the attack."""
    return {m.place.admin1 or m.place.name for m in a.places.mentions if lo <= m.tok_start < hi
            and m.place is not None and m.role in ("event", "container")}


# How many days after the day an event took place a statement that names it again may be made.
NAMED_AGAIN_DAYS = 7


def _told_days(a: Analysis) -> list[tuple[int, set, DateMention]]:
    """Events told with the day they took place in a relative clause opened by a verb of occurring
    ("للهجمات الكيميائية التي وقعت في 7 أبريل ضد سكان دوما"): (sentence, the places of the clause, the day)."""
    occurred = cue_words("occurrence_verb")
    out = []
    for after in a.clauses:
        if after.kind != "relative":
            continue
        if not any(a.doc.tokens[t].text in occurred for t in range(after.tok_start, min(after.tok_start + 2, after.tok_end))):
            continue
        days = [d for d in a.dates if after.tok_start <= d.tok_start < after.tok_end and not d.background
                and d.precision == 1 and d.date_start is not None]
        places = {m.place.name for m in a.places.mentions
                  if after.tok_start <= m.tok_start < after.tok_end and m.place is not None}
        if days and places:
            out.append((after.sentence, places, days[0]))
    return out


def _statements_day(a: Analysis, f) -> bool:
    """Is the only day of the frame's sentence a statement's or a pledge's, told before its event word
    ("تعهدا الأحد برد قوي على هجوم كيميائي")?"""
    from marsad.stages.discourse import _dates_speech
    sent = a.doc.sentences[f.sentence]
    days = [d for d in a.dates if sent.tok_start <= d.tok_start < sent.tok_end]
    if len(days) != 1 or days[0].tok_start > f.hit.mention.tok_start:
        return False
    d = days[0]
    before = {w for t in range(max(sent.tok_start, d.tok_start - 3), d.tok_start)
              for w in (a.doc.tokens[t].text, a.doc.tokens[t].text.removeprefix("و"))}
    if _dates_speech(a, d) or before & cue_words("pledge_verb"):
        return True
    # "وقال ترامب في تغريدة على تويتر يوم الأحد": a verb of saying further back, no event word between
    says = [t for t in cue_starts(a.doc, "attribution") if sent.tok_start <= t < d.tok_start]
    return bool(says) and not any(max(says) < h.mention.tok_start < d.tok_start for h in a.hits)


def date_events_named_again(a: Analysis) -> None:
    """Stage (after the frames): an event told once with the day it took place ("التي وقعت في 7
    أبريل ضد سكان دوما") and named again later at the same place, in a sentence whose only day is a
    statement's or a pledge's made a few days after ("تعهدا الأحد برد قوي على هجوم كيميائي ... في
    دوما"), keeps its own day."""
    from dataclasses import replace

    from marsad.stages.discourse import when_of
    told = _told_days(a)
    if not told:
        return
    moved: dict[tuple, DateMention] = {}  # (place, the statement's day) -> the event's own day
    for i, f in enumerate(a.frames):
        if f.when is None or f.when.start is None or f.where is None or f.where.place is None:
            continue
        key = (f.where.place.name, f.when.key)
        if key in moved and not _dated(a, f.sentence):
            # "لقد أدان الزعيمان الهجمات": an undated sentence after it names the same event
            a.frames[i] = replace(f, when=when_of(moved[key]))
            continue
        for sent, places, d in told:
            if sent < f.sentence and f.where.place.name in places and \
                    0 < (f.when.start - d.date_start).days <= NAMED_AGAIN_DAYS and _statements_day(a, f):
                a.frames[i] = replace(f, when=when_of(d))
                moved[key] = d
                break


def _dated(a: Analysis, sent_index: int) -> bool:
    sent = a.doc.sentences[sent_index]
    return any(sent.tok_start <= d.tok_start < sent.tok_end for d in a.dates)
