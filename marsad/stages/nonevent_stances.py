"""Event words told as a stance on violence, not as an act of a day: condemned, judged, alleged
as a practice, remembered as a past habit, or naming a weapon's kind.

Each check takes an event word still ``event`` after the trigger and discourse stages and says
why it is held back (``None``: it stays), by the structure it stands in, with its words in
``cues.tsv``:

* a condemnation's object: the event word a few words after دان، ندد، استنكارا ل ("دانت بشدة قصف
  الغوطة"، "استنكارا لمجزرة الاحتلال") names what is condemned, often a campaign of weeks; it stays
  when its own clause tells the act of a day or its toll ("دانت الوزارة الغارة التي استهدفت سوقا
  أمس وأدت إلى مقتل 12");
* a practice alleged: ب and a continuation noun right before the event word after an accusation
  ("اتهم المتمردين بمواصلة نهب المساعدات"), or a practice described by ما and an imperfect ("ما
  تقوم به الميليشيا من قتل ونهب");
* a past habit: كان, its subject and an imperfect of doing or undergoing (or a noun of a setting)
  before the event word in its clause ("كان الناس يتعرضون لنهب ممتلكاتهم"، "كانت وسائل الإعلام تنشر
  مقاطع تظهر احتجاجات"، "كان الطريق مكانا مناسبا لقطاع الطرق لاصطياد المسافرين ونهب ممتلكاتهم");
* a judgement: an event noun and its name followed by a copula ("معركة الغوطة الشرقية كانت قاسية
  على النظام"), or a definite event noun right after a verb of considering ("ويعتبر الهجوم الثالث
  خلال يوم") when the article has told an act before; the clause gives no day and no toll;
* a weapon's kind: a missile or fire word after مضاد، مزود، للدفاع ("نظام مضاد للصواريخ"،
  "مزودة بصواريخ"), no firing;
* an organiser's name: a protest word after ل and a body that organises it ("الهيئة العليا
  للمسيرات"، "الجهة المنظمة للمسيرة");
* a characterisation: a verb of considering, its subject and "one of the most" before the event
  word in its clause ("وتعد الوحدات الكردية من أكثر القوات نجاحا في قتال التنظيم"، "وتعتبر المنطقة من
  أكثر المناطق تعرضا للقصف"): what someone or somewhere is like, no act; the clause gives no day
  and no toll;
* an ongoing state in a relative clause: "التظاهرات التي يشهدها العراق" (a habitual verb after
  the relative pronoun) tells what a country goes through, no one protest.
"""
from __future__ import annotations

from dataclasses import replace

from marsad.arabic.normalise import definite
from marsad.cues import cue_matcher, cue_words
from marsad.dates import names_a_day
from marsad.stages.analysis import Analysis
from marsad.stages.clauses import clause_at

# How many words a condemnation word may stand before its object, its subject and a day between
# (أدانت وزارة الخارجية القطرية اليوم الأحد بشدة قصف).
CONDEMNED_WORDS = 9
# How many words the subject of كان may take before its imperfect (كانت وسائل الإعلام الموالية للأسد تنشر).
HABIT_SUBJECT_WORDS = 5
# How many words after the imperfect the event word may stand (تنشر مقاطع فيديو وصور تظهر احتجاجات).
HABIT_OBJECT_WORDS = 7
# How many words after the event word of a habit a day or a toll still tells an act.
HABIT_TOLD_WORDS = 4
# How many words a practice's doer may take between ما + imperfect and من (ما تقوم به الميليشيا من).
PRACTICE_WORDS = 4
# How many words (a name) may stand between an event noun and the copula after it (معركة الغوطة الشرقية كانت).
COPULA_WORDS = 3
# How many words may stand between a verb of considering and the event word it characterises
# (وتعد الوحدات الكردية من أكثر القوات نجاحا في قتال).
CHARACTERISED_WORDS = 10
# How many words after an event noun its relative pronoun and habitual verb may stand
# (التظاهرات الحضارية التي يشهدها).
RELATIVE_STATE_WORDS = 2
_ACT_CLAUSES = ("relative", "result", "coordinate", "temporal")
_RELATIVES = ("التي", "الذي", "اللتي", "الذين")
_MISSILE_TYPES = ("Shelling/artillery/missile attack", "Air/drone strike", "Disrupted weapons use")


def share_held_back_span(a: Analysis) -> None:
    """A weak event word inside a longer one held back shares its status: the missiles of "يمكن
    للمنظومة اعتراض صواريخ" are what would be intercepted, not a missile attack."""
    # (not a time reference: "عقب اعتراض الدفاعات ثلاثة صواريخ أطلقها الحوثيون" still tells the firing)
    held = [x for x in a.hits if x.status in ("modal", "generic", "negated")]
    out = []
    for h in a.hits:
        if h.reports_event and h.mention.strength == "weak":
            x = next((x for x in held if x.mention.tok_start <= h.mention.tok_start and
                      h.mention.tok_end <= x.mention.tok_end and
                      x.mention.tok_end - x.mention.tok_start > h.mention.tok_end - h.mention.tok_start), None)
            if x is not None:
                h = replace(h, status=x.status, reason=x.reason)
        out.append(h)
    a.hits = out


def stance_reason(a: Analysis, h, sent) -> str | None:
    """Why the event word of hit ``h`` (in sentence ``sent``) tells a stance and no act, or None."""
    t = h.mention.tok_start
    if _condemned(a, h, sent):
        return "what a condemnation names (دانت بشدة قصف الغوطة، استنكارا لمجزرة)"
    if _alleged_practice(a, t, sent) or _described_practice(a, t, sent):
        return "a practice alleged or described (اتهم ... بمواصلة نهب، ما تقوم به من قتل)"
    if _past_habit(a, t, sent):
        return "a past habit (كان الناس يتعرضون لنهب)"
    if _judged(a, h, sent):
        return "a judgement of a campaign or an attack told (معركة X كانت قاسية، ويعتبر الهجوم الثالث)"
    if h.mention.sub_event_type in _MISSILE_TYPES and t > sent.tok_start and _weapon_named(a.doc.tokens, t):
        return "a weapon's kind, load or system (مضاد للصواريخ، مزودة بصواريخ، نظام صواريخ)"
    if h.mention.event_type == "Protests" and a.doc.tokens[t].text.startswith("ل") and any(
            a.doc.tokens[k].text.lstrip("و") in cue_words("organiser_noun") for k in range(max(sent.tok_start, t - 2), t)):
        return "the name of the protests' organiser (الهيئة العليا للمسيرات، الجهة المنظمة للمسيرة)"
    if _ongoing_state(a, h, sent):
        return "a state a country goes through (التظاهرات التي يشهدها العراق)"
    if _characterised(a, t, sent):
        return "a characterisation (تعد X من أكثر القوات نجاحا في قتال Y، من أكثر المناطق تعرضا للقصف)"
    return None


def _characterised(a: Analysis, t: int, sent) -> bool:
    """A verb of considering, then "one of the most" (من أكثر، من أبرز ...), then the event word, in
    one clause that gives no day and no toll."""
    tokens = a.doc.tokens
    own = clause_at(a, t)
    lo = max(sent.tok_start, t - CHARACTERISED_WORDS, own.tok_start if own is not None else sent.tok_start)
    hi = own.tok_end if own is not None else sent.tok_end
    verbs = [k for k in range(lo, t) if tokens[k].text in cue_words("considered_verb")]
    if not verbs:
        return False
    most = cue_matcher("superlative_of").find(a.doc, verbs[0] + 1, t)
    return bool(most) and not _told_here(a, verbs[0], hi)


def _weapon_named(tokens, t: int) -> bool:
    """"مضاد للصواريخ"، "مزودة بصواريخ"، "نظام صواريخ بوك": the word before names a weapon."""
    prev = tokens[t - 1].text.lstrip("و")
    if tokens[t].text.startswith(("ب", "ل")):
        return prev in cue_words("weapon_kind_head")
    return prev in cue_words("weapon_system_noun")


def _told_here(a: Analysis, lo: int, hi: int) -> bool:
    """Does the span give a day, a date or a toll of its own (أمس، الجمعة، في 7 أبريل، مقتل 12)?"""
    if any(names_a_day(a.doc.tokens[k].text) for k in range(lo, hi)) or \
            any(lo <= d.tok_start < hi and not d.background for d in a.dates):
        return True
    return any(lo <= c.tok_start < hi for c in a.casualties)


def _condemned(a: Analysis, h, sent) -> bool:
    """Is the event word the object of a condemnation word before it in its clause, the first event
    word after it ("دانت بشدة قصف الغوطة"، "أدانت الخارجية القطرية اليوم بشدة قصف غزة")?"""
    t = h.mention.tok_start
    tokens = a.doc.tokens
    if definite(tokens[t].text) and any(x.reports_event and x.mention.event_type == h.mention.event_type and
                                        x.mention.tok_start < sent.tok_start for x in a.hits):
        return False  # "أدان الزعيمان الهجمات": the attack told before, which frames join it to
    own = clause_at(a, t)
    for m in cue_matcher("condemnation_word").find(a.doc, max(sent.tok_start, t - CONDEMNED_WORDS), t):
        if clause_at(a, m.tok_start) is not own or any(tokens[j].text in ("و", "ثم") for j in range(m.tok_end, t)) or \
                any(m.tok_end <= x.mention.tok_start < t for x in a.hits):
            continue
        # the act's own relative or result clauses right after it may tell its day and toll
        end = own.tok_end if own is not None else sent.tok_end
        for c in a.clauses:
            if c.sentence == sent.index and c.tok_start == end and c.kind in _ACT_CLAUSES:
                end = c.tok_end
        return not _told_here(a, h.mention.tok_end, end)
    return False


def _alleged_practice(a: Analysis, t: int, sent) -> bool:
    """"اتهم المتمردين بمواصلة نهب": ب + a continuation noun right before the event word and an
    accusation before it in its sentence."""
    if t - 1 <= sent.tok_start:
        return False
    prev = a.doc.tokens[t - 1].text.lstrip("و")
    if not (prev.startswith("ب") and prev[1:] in cue_words("continuation_noun")):
        return False
    return bool(cue_matcher("accusation_word").find(a.doc, sent.tok_start, t - 1))


def _described_practice(a: Analysis, t: int, sent) -> bool:
    """"بسبب ما تقوم به الميليشيا من قتل وطرد وأعمال نهب": ما, an imperfect of doing, its doer and
    من before the event word (or the list it stands in)."""
    tokens = a.doc.tokens
    habits = cue_matcher("past_habit_verb")
    for k in range(max(sent.tok_start, t - PRACTICE_WORDS - 8), t - 2):
        # (the verb may carry its pronoun: ما ترتكبه العصابات)
        if tokens[k].text.lstrip("و") != "ما" or not any(m.tok_start == k + 1 for m in habits.find(a.doc, k + 1, k + 2)):
            continue
        min_at = next((j for j in range(k + 2, min(t, k + 3 + PRACTICE_WORDS)) if tokens[j].text == "من"), None)
        if min_at is not None and t - min_at <= 5 and \
                not any(ch in "،,؛;.:" for ch in a.doc.text[tokens[min_at].end:tokens[t].start]):
            return True
    return False


def _past_habit(a: Analysis, t: int, sent) -> bool:
    tokens = a.doc.tokens
    own = clause_at(a, t)
    habits, settings = cue_words("past_habit_verb"), cue_words("habit_setting_noun")
    for m in cue_matcher("past_copula", suffixes=False).find(a.doc, max(sent.tok_start, t - HABIT_SUBJECT_WORDS
                                                                         - HABIT_OBJECT_WORDS - 2), t):
        for v in range(m.tok_end, min(t, m.tok_end + HABIT_SUBJECT_WORDS + 1)):
            if tokens[v].text in settings and _setting_broken(a, v, t):
                continue
            # (a day or a toll right after the event word tells the act: كانوا يقومون بجمع الحطب عندما ...)
            if (tokens[v].text in habits or tokens[v].text in settings) and t - v <= HABIT_OBJECT_WORDS and \
                    clause_at(a, v) is own and not _told_here(a, m.tok_start, min(sent.tok_end, t + HABIT_TOLD_WORDS)):
                return True
    return False


def _setting_broken(a: Analysis, v: int, t: int) -> bool:
    """Does a mark or a word that opens another clause stand between a noun of a setting and the
    event word ("كان الجنوب مسرحا للعمليات إذ هاجم التنظيم ...")?"""
    tokens = a.doc.tokens
    return any(ch in "،,؛;.:" for ch in a.doc.text[tokens[v].end:tokens[t].start]) or \
        any(tokens[k].text.lstrip("و") in cue_words("setting_content_break") for k in range(v + 1, t))


def _judged(a: Analysis, h, sent) -> bool:
    t, end = h.mention.tok_start, h.mention.tok_end
    tokens = a.doc.tokens
    own = clause_at(a, t)
    hi = own.tok_end if own is not None else sent.tok_end
    if _told_here(a, own.tok_start if own is not None else sent.tok_start, hi) or \
            (t > sent.tok_start and tokens[t - 1].text.lstrip("و") in cue_words("demonstrative")):
        return False  # (هذه الألغام كانت مزيجا من ...: a word that points back, left to the rules of reference)
    copulas = cue_words("evaluation_copula")
    # a noun and its name (معركة الغوطة الشرقية كانت), never a verb and its subject (قتل الجنود
    # ضابطا كان يقود): every word between is definite
    for k in range(end, min(hi, end + COPULA_WORDS + 1)):
        if tokens[k].text in copulas:
            return clause_at(a, k) is own and (tokens[t].text.startswith("ال") or k > end)
        if not tokens[k].text.startswith("ال"):
            break
    return t > sent.tok_start and tokens[t - 1].text in cue_words("considered_verb") and \
        tokens[t].text.startswith("ال") and \
        any(x.mention.tok_start < sent.tok_start and x.reports_event for x in a.hits)


def _ongoing_state(a: Analysis, h, sent) -> bool:
    tokens = a.doc.tokens
    end = h.mention.tok_end
    for k in range(end, min(sent.tok_end - 1, end + RELATIVE_STATE_WORDS + 1)):
        if tokens[k].text in _RELATIVES:
            # (a toll in its sentence makes it the setting of a killing: "قتل فلسطينيان خلال الاحتجاجات
            # التي يشهدها القطاع": the protest of that day)
            return any(m.tok_start == k + 1 for m in cue_matcher("habitual_verb").find(a.doc, k + 1, k + 2)) and \
                not _told_here(a, k, sent.tok_end) and not any(sent.tok_start <= c.tok_start < sent.tok_end
                                                              for c in a.casualties)
    return False
