"""Event-type expressions (``kb/data/triggers.tsv``) and whether they report an event.

A trigger reports an event only when it is not negated (نفى، لم), not a
threat, plan or hypothesis (هدد، قد يشن، سوف، يعتزم), not background
(يذكر أن، في وقت سابق، العام الماضي), not a time reference inside another
clause (بعد اشتباكات، عقب سيطرة) and not a generic statement (عمليات
الاغتيال، تسجل المناطق تفجيرات). Each hit says which filter, if any, held it back.

>>> from marsad.arabic.tokenise import make_doc
>>> [h.status for h in find_triggers(make_doc("هدد الجيش بقصف المدينة. وقصفت الطائرات البلدة."))]
['modal', 'event']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.cues import cue_matcher, cue_phrases, cue_starts, cue_words
from marsad.dates import names_a_day
from marsad.arabic.matcher import PhraseMatcher
from marsad.arabic.normalise import definite, normalise_term
from marsad.arabic.tokenise import Doc
from marsad.errors import KnowledgeBaseError
from marsad.kb import load_table
from marsad.model import TriggerMention

EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
TERRITORY = "TERRITORY"
# sub-types a frame decides from its means, perpetrator and victims (see triggers.tsv)
REMOTE = "REMOTE"
TARGETED = "TARGETED"
FRAME_DECIDED = (TERRITORY, REMOTE, TARGETED)


@dataclass(frozen=True)
class TriggerHit:
    mention: TriggerMention
    status: str  # event | negated | modal | background | subordinate | generic
    reason: str = ""

    @property
    def reports_event(self) -> bool:
        return self.status == "event"


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for row in load_table("triggers.tsv", required=("phrase", "event_type", "sub_event_type", "strength")):
        where = f"triggers.tsv:{row['_line']}"
        etype, sub = row["event_type"], row["sub_event_type"]
        if etype not in EVENT_TYPES:
            raise KnowledgeBaseError(f"unknown event type {etype!r}", where=where)
        if sub not in FRAME_DECIDED and sub not in EVENT_TYPES[etype]:
            raise KnowledgeBaseError(f"{sub!r} is not a sub-type of {etype!r}", where=where)
        if row["strength"] not in ("strong", "weak"):
            raise KnowledgeBaseError(f"strength must be strong or weak, not {row['strength']!r}", where=where)
        matcher.add(row["phrase"], (etype, sub, row["strength"]))
        for form in case_forms(row["phrase"]):
            matcher.add(form, (etype, sub, row["strength"]))
    matcher.allow_inserts(cue_phrases("trigger_insert"))
    return matcher


def case_forms(phrase: str) -> set[str]:
    """The other case forms of a noun-phrase trigger that differ in writing, so that the list
    need hold one: the indefinite accusative, whose tanween is written with an alef
    (اشتباك -> اشتباكا، قصف مدفعي -> قصفا مدفعيا "شنت قصفاً مدفعياً"), and the nominative
    of a dual given in the genitive (غارتين -> غارتان، تفجيرين انتحاريين -> تفجيران انتحاريان).

    >>> sorted(case_forms("قصف مدفعي"))
    ['قصفا مدفعيا']
    >>> sorted(case_forms("غارتين"))
    ['غارتان']
    >>> sorted(case_forms("قذيفة صاروخية"))
    ['قذيفتان صاروخيتان', 'قذيفتين صاروخيتين']
    """
    from marsad.arabic.normalise import normalise_term
    words = normalise_term(phrase).split()
    out: set[str] = set()
    if not words:
        return out
    if all(_takes_accusative_alef(w, first=i == 0) for i, w in enumerate(words)):
        out.add(" ".join(w + "ا" for w in words))
    if len(words[0]) > 4 and words[0].endswith("ين") and all(w.endswith("ين") for w in words):
        out.add(" ".join(w[:-2] + "ان" for w in words))
    if len(words[0]) >= 4 and all(w.endswith("ه") and not w.startswith("ال") for w in words):
        # a feminine noun (and its adjectives) in the dual, both cases (قذيفة صاروخية -> قذيفتين
        # صاروخيتين، قذيفتان صاروخيتان)
        out.add(" ".join(w[:-1] + "تين" for w in words))
        out.add(" ".join(w[:-1] + "تان" for w in words))
    return out


def _takes_accusative_alef(word: str, first: bool) -> bool:
    """An indefinite masculine noun (or a nisba adjective after it) whose accusative adds alef."""
    if len(word) < 3 or word.startswith("ال") or word.endswith(("ه", "ا", "ء", "ت", "و", "ين", "ون")):
        return False
    return not (first and word.endswith("ي"))


_IMPERFECT_PREFIXES = ("ي", "ت", "ن")  # not ا: أعلنت (perfect) starts with it too


def _passive_relative(doc: Doc, tok: int, sent_start: int) -> bool:
    """"عناصر في داعش أُلقي القبض عليهم": an arrest verb right after the noun it describes,
    with no subject of its own, is a relative clause, not a report of an arrest."""
    if tok == sent_start:
        return False
    prev = doc.tokens[tok - 1].text
    return not prev.endswith(("ت", "وا")) and prev not in cue_words("main_verb_particle")


def _pronoun_after(doc: Doc, t: int, end: int) -> bool:
    """"وبعد ذلك رشق حوالى 700 شخص المركز": a demonstrative right after the time word, before the
    event word, is its pronoun ("after that"): the event word starts a clause of its own."""
    return t + 1 < end and doc.tokens[t + 1].text in cue_words("demonstrative")


# How many words after a verb of setting fire what burnt may stand (أضرموا النار عمداً في منازل).
BURNT_WORDS = 5


def _burnings(doc: Doc, taken: set[int]) -> list:
    """"أحرق مسلحون عشرة منازل"، "أضرمت الميليشيا النار في المحاصيل"، "قاموا بإحراق بيوت": a verb of
    setting fire and, within a few words, houses, crops, shops or vehicles (``burnt_property``) make
    property destruction. A fire set by protesters is their riot (``_riots``, a word of ``taken``);
    one set to oneself (أحرق نفسه) burns no property."""
    from marsad.arabic.matcher import Match
    verbs = [v for v in cue_matcher("burning_verb").find(doc) if v.tok_start not in taken]
    if not verbs:
        return []
    things = cue_matcher("burnt_property").find(doc)
    if not things:
        return []
    protest = cue_matcher("burnt_not_property").find(doc)
    out = []
    for v in verbs:
        sent = doc.sentence_of_token(v.tok_start)
        window = range(v.tok_end, min(sent.tok_end, v.tok_end + BURNT_WORDS + 1))
        first = min((w for w in things + protest if w.tok_start in window), key=lambda w: w.tok_start, default=None)
        # "أحرق شبان إطارات السيارات": tyres burnt in protest, the cars only name them
        if first is not None and first.payload == "burnt_property":
            out.append(Match(v.tok_start, v.tok_end,
                             ("Strategic developments", "Looting/property destruction", "strong"), 0, "burning"))
    return out


# How many words may stand between a verb of undergoing and the event behind ل (تعرضت دورية
# للجيش العراقي لهجوم: the subject and its modifiers).
SUFFERED_WORDS = 6
# How many words after the event noun a weapon may stand that types it (لهجوم بالصواريخ).
SUFFERED_MEANS_WORDS = 3


def _suffered(doc: Doc, table: list) -> list:
    """"تعرضت دورية للجيش لهجوم"، "إثر تعرضهما لإطلاق نار"، "تعرض لرصاص قناص": a verb of undergoing
    (``suffer_verb``) and, behind ل within a few words, an event noun of the lexicon or one it
    holds only in a longer phrase (``suffered_attack``): the subject underwent that event, so the
    noun reports it even when it is weak alone. An attack noun (هجوم، إطلاق نار، اعتداء) is a
    battle when what underwent it is a force's post or men (``military_target``, security and
    fighter victim nouns), else an attack on civilians. Returns ``table`` with those matches."""
    from marsad.arabic.matcher import Match
    verbs = cue_matcher("suffer_verb").find(doc)
    if not verbs:
        return table
    starts = {m.tok_start: m for m in sorted(table, key=lambda m: m.tok_end - m.tok_start)}
    attacks = {m.tok_start: m for m in cue_matcher("suffered_attack").find(doc)}
    out = {id(m): m for m in table}
    for v in verbs:
        sent = doc.sentence_of_token(v.tok_start)
        for t in range(v.tok_end, min(sent.tok_end, v.tok_end + SUFFERED_WORDS)):
            if not doc.tokens[t].text.lstrip("و").startswith("ل"):
                continue
            m, extra = starts.get(t), attacks.get(t)
            if m is None and extra is None:
                continue
            if m is not None and m.payload[2] == "strong":
                break  # "تعرضت البلدة لقصف مدفعي": the lexicon's own strong word
            end = max(x.tok_end for x in (m, extra) if x is not None)
            if m is not None and cue_matcher("weapon_noun").find(doc, end, min(sent.tok_end, end + SUFFERED_MEANS_WORDS)):
                break  # "تعرض لهجوم بصواريخ": the weapon types the attack (frames._type_by_means)
            etype, sub = m.payload[:2] if m is not None else ("Violence against civilians", "Attack")
            if (etype, sub) in (("Battles", "Armed clash"), ("Violence against civilians", "Attack")):
                armed = _armed_experiencer(doc, v.tok_end, t)
                etype, sub = ("Battles", "Armed clash") if armed else ("Violence against civilians", "Attack")
            if m is not None:
                out.pop(id(m), None)
            new = Match(t, end, (etype, sub, "strong"), 0, "suffered")
            out[id(new)] = new
            break
    return list(out.values())


def _armed_experiencer(doc: Doc, lo: int, hi: int) -> bool:
    """Do the words between a verb of undergoing and what it underwent name a force's post or
    men (دورية، حاجز للجيش، عناصر، جنود)?"""
    if cue_matcher("military_target").find(doc, lo, hi):
        return True
    from marsad.casualties import armed_victim_forms
    return any(doc.tokens[t].text in armed_victim_forms() or doc.tokens[t].text[1:] in armed_victim_forms()
               for t in range(lo, hi))


# How many words before a word of taking territory an approach may stand (تقترب القوات من السيطرة على).
APPROACH_WORDS = 4


def _purpose(word: str) -> bool:
    """"لتحرير"، "للسيطرة"، "ولاستعادة": a verbal noun after the ل of purpose (no word of taking
    territory starts with ل of its own)."""
    word = word[1:] if word[:1] in ("و", "ف") else word
    return word.startswith("ل")


def _repelled(doc: Doc, tok: int, lo: int) -> bool:
    """"خلال صدهم لهجوم"، "أثناء تصديه لهجوم": the event word is the object of a verbal noun of
    repelling (its ل is the object's, not a purpose), unless that noun is itself a purpose (للتصدي لهجوم)."""
    if tok <= lo:
        return False
    word = doc.tokens[tok - 1].text
    word = word[1:] if word[:1] in ("و", "ف", "ب") else word
    return word in cue_words("repel_noun")


def _undergone(doc: Doc, tok: int, lo: int) -> bool:
    """Does a verb of undergoing stand before the token in its sentence (تعرضت حافلة عسكرية تابعة
    لقوات النظام لهجوم)?"""
    return any(v.tok_end <= tok for v in cue_matcher("suffer_verb").find(doc, lo, tok))


def _nisba(doc: Doc, m) -> bool:
    """"القتالي"، "القتالية": a definite word that is the phrase's last word + ي/ية is an adjective
    (the article never takes a possessive pronoun), not the event noun (قتال) with "my"."""
    if not isinstance(getattr(m, "phrase", None), str):
        return False
    word = normalise_term(doc.tokens[m.tok_end - 1].text)
    last = m.phrase.split(" ")[-1]
    return definite(word) and not last.endswith("ي") and word.endswith((last + "ي", last + "يه"))


# How many words before مسيرات a verb of taking part may stand (شارك الآلاف اليوم في مسيرات).
MARCH_WORDS = 4
# How many words before or after مسيرة a drone's act keeps it a drone (استهدفت مسيرة، مسيرة ألقت).
DRONE_ACT_WORDS = 2


def _march(doc: Doc, m, marched: bool = False) -> bool:
    """"شارك الآلاف في مسيرات يوم الجمعة": مسيرات after a verb of taking part or before a day is
    marches, not drones (مسيّرات). So is a مسيرة described as one (المسيرات السلمية), one in a
    sentence about marchers, a funeral or Friday prayers (خرج لمشاهدة المسيرة والمتظاهرون ...), and
    the bare المسيرة of an article that has already named a march (``marched``), unless the sentence
    has the drone act next to it (ألقت مسيرة، مسيرة حلقت)."""
    if m.tok_end - m.tok_start != 1 or m.payload[1] != "Air/drone strike":
        return False
    word = doc.tokens[m.tok_start].text
    bare = word[1:] if word[:1] in "وبلف" and word[1:].startswith("ال") else word
    bare = bare[2:] if bare.startswith(("ال", "لل")) else bare  # للمسيرة: ل + المسيرة
    if bare not in cue_words("drone_word") or "\u0651" in doc.token_span(m.tok_start, m.tok_end).text:
        return False  # "مسيّرة" written with its shadda is the drone
    sent = doc.sentence_of_token(m.tok_start)
    if any(doc.tokens[t].text.lstrip("وبل") in cue_words("aircraft_word")
           for t in range(max(sent.tok_start, m.tok_start - DRONE_ACT_WORDS), m.tok_start)):
        return False  # "لطائرة إسرائيلية مسيرة": an aircraft named with it
    if m.tok_end < sent.tok_end and doc.tokens[m.tok_end].text in cue_words("march_day_word") | \
            cue_words("march_adjective"):
        return True
    if any(doc.tokens[t].text in cue_words("march_verb")
           for t in range(max(sent.tok_start, m.tok_start - MARCH_WORDS), m.tok_start)):
        return True
    if m.tok_start > sent.tok_start and doc.tokens[m.tok_start - 1].text in cue_words("during_word"):
        return True  # "قتل فلسطينيان خلال مسيرة في بلدة X": one dies during a march, not during a drone
    near = range(max(sent.tok_start, m.tok_start - DRONE_ACT_WORDS), min(sent.tok_end, m.tok_end + DRONE_ACT_WORDS))
    if any(doc.tokens[t].text.lstrip("و") in cue_words("drone_act_verb") for t in near):
        return False  # "ألقت مسيرة إسرائيلية قنابل على المتظاهرين": the drone acts
    words = [doc.tokens[t].text for t in range(sent.tok_start, sent.tok_end)]
    if any(w in cue_words("march_context") or w.lstrip("وبل") in cue_words("march_context") for w in words):
        return True
    return marched and bare != word


# How many words after an event word its anchor (بعد، منذ) may stand ("اعتقلت السلطات مئات من أنصار
# الجماعة عقب فض اعتصام").
LANDMARK_WORDS = 8


def _after_a_landmark(doc: Doc, end: int, sent_start: int, sent_end: int) -> bool:
    """Is the event told from a past landmark ("اعتقلتهم السلطات بعد محاولة الانقلاب"، "منذ اندلاع
    الثورة"), its clause naming no day of its own (اليوم، أمس، الأحد)? A day before the content
    clause the event stands in (أفاد صحفيون الأربعاء بأنه التقى أسر موظفين جرى اعتقالهم بعد ...)
    dates the saying, not the event."""
    anchors = cue_words("landmark_anchor")
    for t in range(end, min(end + LANDMARK_WORDS, sent_end - 1)):
        if doc.tokens[t].text in anchors and any(
                x.tok_start == t + 1 for x in cue_matcher("past_landmark").find(doc, t + 1, sent_end)):
            content = [k for k in range(sent_start, end) if doc.tokens[k].text in cue_words("clause_content")]
            lo = content[-1] if content else sent_start
            return not any(names_a_day(doc.tokens[k].text) for k in range(lo, sent_end))
    return False


def _feared(doc: Doc, tok: int, sent_start: int) -> bool:
    """Is the event word the object of a fear, a risk, a thing to cease or to avoid, right before
    it or before its preposition ("خوفا من الاعتقالات"، "يواجهون خطر الاعتقال"، "الكف عن اعتقال"،
    "لتجنب هجوم"، "دون قتال")? A noun of occurring may stand between ("لتجنب وقوع معركة"، "للحيلولة
    دون اندلاع مواجهات")."""
    j = tok - 1
    if j > sent_start and doc.tokens[j].text in cue_words("occurrence_noun"):
        j -= 1
    if j >= sent_start and doc.tokens[j].text in ("من", "عن"):
        j -= 1
    return j >= sent_start and doc.tokens[j].text in cue_words("averted_word")


# How many words before an event word an obligation (يجب، ينبغي) may stand to make it one.
OBLIGATION_WORDS = 3


# How many words may stand between a verb of exploding and the vehicle after it (انفجرت العربة، انفجرت
# بعدها السيارة).
VEHICLE_BLAST_WORDS = 2


def _vehicle_bomb_blasts(doc: Doc, table: list) -> list:
    """"سيارة مفخخة تحمل خمسة مسلحين توجهت إلى قاعدة ... ثم انفجرت العربة خارج القاعدة": a verb or noun
    of exploding (``vehicle_blast_verb``) right before or after a definite vehicle noun (``bombed_vehicle``:
    السيارة، العربة، الشاحنة), after the article has told a vehicle bomb (``vehicle_bomb_word``: مفخخة،
    محملة بالمتفجرات), is that bomb going off: a remote explosive, or a suicide bomb when its story told
    bombers or suicide belts from the vehicle bomb on (``means.tsv``: أحزمة ناسفة، انتحاري) or the
    blast killed the vehicle's driver (``vehicle_driver``: مقتل سائقها). A vehicle hit by another
    strike ("استهدفت مسيرة سيارة ما أدى إلى انفجار السيارة") is typed by that strike's group. Returns
    ``table`` with those matches (each in place of the explosion word's own weak match)."""
    from marsad.arabic.matcher import Match
    told = cue_matcher("vehicle_bomb_word").find(doc)
    if not told:
        return table
    vehicles = cue_matcher("bombed_vehicle", suffixes=False).find(doc)
    if not vehicles:
        return table
    first_told = min(m.tok_start for m in told)
    out = list(table)
    for v in cue_matcher("vehicle_blast_verb").find(doc):
        sent = doc.sentence_of_token(v.tok_start)
        if v.tok_start <= first_told:
            continue
        after = [x for x in vehicles if 0 <= x.tok_start - v.tok_end < VEHICLE_BLAST_WORDS
                 and x.tok_end <= sent.tok_end]
        before = [x for x in vehicles if x.tok_end == v.tok_start and x.tok_start >= sent.tok_start]
        if not (after or before):
            continue
        if any(m.tok_start <= v.tok_start < m.tok_end and m.payload[2] == "strong" for m in table):
            continue  # "انفجرت قنبلة", "انفجار السيارة المفخخة": the lexicon's own strong word
        lo, hi = (v.tok_start, after[0].tok_end) if after else (before[0].tok_start, v.tok_end)
        if any(m.tok_start <= lo < m.tok_end or lo <= m.tok_start < hi for m in table
               if m.payload[2] == "strong" and m.payload[0] == "Explosions/Remote violence"):
            continue
        story = max((m.tok_start for m in told if m.tok_start < lo), default=first_told)
        sub = "Suicide bomb" if _suicide_told(doc, story, lo) or cue_matcher("vehicle_driver").find(
            doc, hi, sent.tok_end) else "Remote explosive/landmine/IED"
        out = [m for m in out if not (lo <= m.tok_start < hi and m.payload[0] == "Explosions/Remote violence")]
        out.append(Match(lo, hi, ("Explosions/Remote violence", sub, "strong"), 0, "vehicle blast"))
    return out


def _not_downed(doc: Doc, table: list, seizures: list) -> list:
    """"أسقطت الدفاعات الجوية طائرتين بدون طيار": the aircraft an interception names inside its own span
    (or joined to it by و) was downed, it struck nothing and types no weak word beside it ("في تنفيذ
    هجماتها"); "سقوط طائرة إسرائيلية دون طيار في منطقة مفتوحة"، "تحطمت طائرة مسيرة": an aircraft that fell or
    crashed (``aircraft_fall_word`` right before it) is no strike either, unless it fell on a target or
    exploded (على، انفجرت، مفخخة within a few words after it: ``fall_on_target``). Returns ``table``
    without those matches."""
    downed = [(m.tok_start, _coordinated_weapons_end(doc, m.tok_end)) for m in seizures
              if any(v.tok_start == m.tok_start
                     for v in cue_matcher("interception_verb").find(doc, m.tok_start, m.tok_end))]
    falls = cue_starts(doc, "aircraft_fall_word")
    out = []
    for m in table:
        if m.payload[1] == "Air/drone strike" and any(lo < m.tok_start < hi for lo, hi in downed):
            continue
        if m.payload[1] == "Air/drone strike" and m.tok_start > 0 and falls.get(m.tok_start - 1) == m.tok_start:
            sent = doc.sentence_of_token(m.tok_start)
            after = cue_matcher("fall_on_target").find(doc, m.tok_end, min(sent.tok_end, m.tok_end + FALL_TARGET_WORDS))
            if not after:
                continue
        out.append(m)
    return out


def _coordinated_weapons_end(doc: Doc, end: int) -> int:
    """The end of the weapons joined by و right after ``end`` ("لإسقاط الطائرات الحربية والصواريخ
    والطائرات بدون طيار": all three are downed)."""
    starts = cue_starts(doc, "weapon_noun")
    while end < len(doc.tokens) and doc.tokens[end].text.startswith("و") and end in starts:
        end = starts[end]
    return end


# How many words after a fallen aircraft its target or blast may stand (سقطت طائرة مسيرة إسرائيلية على منزل).
FALL_TARGET_WORDS = 4


def _suicide_told(doc: Doc, lo: int, hi: int) -> bool:
    """Does a means of a suicide bombing (``means.tsv``: انتحاري، أحزمة ناسفة) stand between ``lo``
    and ``hi``?"""
    from marsad.stages.frames import means_matcher
    return any(x.payload[1] == "Suicide bomb" for x in means_matcher().find(doc, lo, hi))


def find_triggers(doc: Doc) -> list[TriggerHit]:
    hits: list[TriggerHit] = []
    table = _vehicle_bomb_blasts(doc, _suffered(doc, trigger_matcher().find(doc)))
    riots = _riots(doc)
    seizures = _seizures(doc)
    table = _not_downed(doc, table, seizures)
    from marsad.gunfire import gunfire_matches
    taken = {t for m in table + riots for t in range(m.tok_start, m.tok_end)}
    matches = table + seizures + _agent_killings(doc) + _agent_detonations(doc) + _shots_at(doc) + riots + \
        _crowds_met(doc, taken) + _air_drops(doc, taken) + \
        _burnings(doc, {m.tok_start for m in table + riots}) + \
        gunfire_matches(doc, {t for m in table for t in range(m.tok_start, m.tok_end)})
    if not matches:
        return hits
    matches.sort(key=lambda m: m.tok_start)
    negation = cue_starts(doc, "negation")
    modality = cue_starts(doc, "modality")
    background = cue_starts(doc, "background")
    subordinate = cue_starts(doc, "subordinate")
    generic = cue_starts(doc, "generic")
    habitual = cue_starts(doc, "habitual_verb")
    approach = cue_starts(doc, "approach_word")
    obligation = cue_starts(doc, "obligation_word")
    marched = False  # a march (مسيرة العودة) named before: a later bare المسيرة is that march
    for m in matches:
        if _nisba(doc, m):
            continue  # "العتاد القتالي"، "العمليات القتالية": an adjective made of the event noun
        if m.tok_start > 0 and doc.tokens[m.tok_start - 1].text.lstrip("و") in cue_words("media_noun"):
            continue  # "قناة المسيرة": an outlet's name, no drone
        etype, sub, strength = ("Protests", "Peaceful protest", "strong") if _march(doc, m, marched) \
            else m.payload
        marched = marched or etype == "Protests" and any(
            doc.tokens[t].text.lstrip("وبلف").removeprefix("ال") in cue_words("drone_word")
            for t in range(m.tok_start, m.tok_end))
        span = doc.token_span(m.tok_start, m.tok_end)
        mention = TriggerMention(span.start, span.end, span.text, etype, sub, strength, m.tok_start, m.tok_end)
        sent = doc.sentence_of_token(m.tok_start)
        before = range(max(sent.tok_start, m.tok_start - 8), m.tok_start)
        status, reason = "event", ""
        words = [doc.tokens[t].text for t in range(sent.tok_start, m.tok_start)]
        if any(t in negation for t in range(max(sent.tok_start, m.tok_start - 3), m.tok_start)) or \
                any(w in cue_words("denial_verb") for w in words):
            status, reason = "negated", "negated or denied"
        elif any(t in modality for t in before) or _qad_imperfect(doc, before) or \
                (m.tok_end < sent.tok_end and doc.tokens[m.tok_end].text in cue_words("modal_adjective")) or \
                _expected_after(doc, m, sent.tok_end):
            status, reason = "modal", "a threat, plan or possibility"
        elif any(t in obligation for t in range(max(sent.tok_start, m.tok_start - OBLIGATION_WORDS), m.tok_start)):
            status, reason = "modal", "an obligation (يجب قتالهم): what must be done"
        elif sub in ("TERRITORY", "Non-violent transfer of territory") and (_purpose(doc.tokens[m.tok_start].text) or any(
                t in approach for t in range(max(sent.tok_start, m.tok_start - APPROACH_WORDS), m.tok_start))):
            status, reason = "modal", "a purpose or an approach (لتحرير، تقترب من السيطرة على)"
        elif sub == "Armed clash" and _purpose(doc.tokens[m.tok_start].text) and \
                not doc.tokens[m.tok_start].text.lstrip("وف").startswith("لل") and \
                not _undergone(doc, m.tok_start, sent.tok_start) and not _repelled(doc, m.tok_start, sent.tok_start):
            # (an indefinite noun in construct: "للاشتباكات" after a toll is the genitive, not a purpose)
            status, reason = "modal", "a purpose of fighting (التحالف لقتال التنظيم، لصد أي اعتداء)"
        elif doc.tokens[m.tok_start].text[:1] == "ل" and any(
                doc.tokens[t].text in cue_words("prepared_for") for t in range(max(sent.tok_start, m.tok_start - 2),
                                                                                m.tok_start)):
            status, reason = "modal", "what a thing was prepared for (عبوات كانت معدة لاستهداف القوات)"
        elif _legal_appeal(doc, m, sent):
            status, reason = "generic", "a legal appeal (قدم الدفاع طعنا في الحكم)"
        elif m.tok_start > sent.tok_start and doc.tokens[m.tok_start - 1].text in cue_words("halt_word"):
            status, reason = "modal", "what is to stop or be stopped (وقف القصف، فض الاشتباك)"
        elif ((sub == "Attack" and strength == "weak") or sub == "Looting/property destruction") and \
                cue_matcher("accident_word").find(doc, sent.tok_start, sent.tok_end):
            # a bare killing word, or a sweeping away (جرفت السيول منازل), with its accident told
            status, reason = "generic", "an accident or a flood (تصادم قطارين، حادث سير، السيول)"
        elif _after_a_landmark(doc, m.tok_end, sent.tok_start, sent.tok_end):
            status, reason = "background", "told from a past landmark with no day of its own (بعد محاولة الانقلاب)"
        elif _feared(doc, m.tok_start, sent.tok_start):
            status, reason = "modal", "a fear, a risk or a thing to cease (خوفا من الاعتقال، الكف عن اعتقال)"
        elif sub == "TERRITORY" and m.tok_start > sent.tok_start and \
                doc.tokens[m.tok_start - 1].text in cue_words("control_state_head"):
            status, reason = "generic", "a state of control, no capture (مناطق سيطرة X، تحت سيطرة X)"
        elif m.tok_start > sent.tok_start and doc.tokens[m.tok_start - 1].text in cue_words("rule_head"):
            status, reason = "generic", "a rule or term of the event word (قواعد الاشتباك)"
        elif sub == "Arrests" and _detention_state(doc, m, sent.tok_start, sent.tok_end):
            status, reason = "generic", "a state of detention, not an arrest (تمديد اعتقال، رهن الاعتقال)"
        elif _background(doc, background, sent.tok_start, m.tok_start):
            status, reason = "background", "background or an earlier time"
        elif _earlier_after(doc, m, sent.tok_end):
            status, reason = "background", "said of an earlier time after it (المعارك التي خاضوها ضد التنظيم سابقا)"
        elif (any(t in subordinate and not _pronoun_after(doc, t, m.tok_start)
                  for t in range(max(sent.tok_start, m.tok_start - 2), m.tok_start)) or
              doc.tokens[m.tok_start].text.startswith(cue_phrases("after_prefix"))) and \
                not _cause_of_a_death(doc, m.tok_start, sent.tok_start) and \
                not _broke_out_on_a_day(doc, m.tok_end, sent.tok_end):
            status, reason = "subordinate", "a time reference inside another clause (بعد/عقب ...)"
        elif (cue := _chain_cue(doc, m.tok_start, sent.tok_start, subordinate)) is not None and \
                not _cause_of_a_death(doc, cue + 1, sent.tok_start) and \
                not _broke_out_on_a_day(doc, m.tok_end, sent.tok_end):
            status, reason = "subordinate", "the act of a verbal noun after a time word (منذ نجاح القوات في السيطرة)"
        elif strength == "weak" and _names_earlier_event(doc, m, sent.tok_start, matches):
            status, reason = "subordinate", "names the earlier event a response points to (ردا على هجوم استهدف ...)"
        elif (m.tok_start - 1) in generic and m.tok_start - 1 >= sent.tok_start or \
                any(t in habitual for t in before):
            status, reason = "generic", "a generic or habitual statement"
        elif m.tok_end < sent.tok_end and doc.tokens[m.tok_end].text in cue_words("passive_object") and \
                doc.tokens[m.tok_start].text.startswith(cue_phrases("arrest_verb_prefix")) and \
                _passive_relative(doc, m.tok_start, sent.tok_start):
            status, reason = "descriptive", "describes people named before it (أُلقي القبض عليهم)"
        hits.append(TriggerHit(mention, status, reason))
    return hits


# How many words after an event word an adverb of an earlier time (سابقا، في السابق) may end its clause.
EARLIER_AFTER_WORDS = 8


def _earlier_after(doc: Doc, m, sent_end: int) -> bool:
    """Does an adverb of an earlier time (سابقا، في السابق; cues ``earlier_after``) follow the event
    word within its clause (no comma between), closing it: "جرحى الحرب الذين أصيبوا في المعارك التي
    خاضوها ضد التنظيم سابقا"? The word tells the past of someone, no event of the report."""
    hi = min(sent_end, m.tok_end + EARLIER_AFTER_WORDS)
    for e in cue_matcher("earlier_after").find(doc, m.tok_end, hi):
        if any(ch in "،,؛;:" for ch in doc.text[doc.tokens[m.tok_end - 1].end:doc.tokens[e.tok_start].start]):
            continue
        # (nor a name's former one, inside its quotes: 'هيئة تحرير الشام "جبهة النصرة سابقاً"'، "(داعش سابقا)")
        if doc.text[doc.tokens[e.tok_end - 1].end:doc.tokens[e.tok_end - 1].end + 1] in ("\"", "”", "»", ")", "'"):
            continue
        if e.tok_end == sent_end or doc.text[doc.tokens[e.tok_end - 1].end:doc.tokens[e.tok_end].start].strip():
            return True  # the adverb ends the clause (a stop or a comma after it)
    return False


# How many words after a marker of an earlier event (ردا على) its event word may stand: "ردا على ما
# يعتقد أنه هجوم" (four).
PRIOR_EVENT_WORDS = 4


def _names_earlier_event(doc: Doc, m, lo: int, matches) -> bool:
    """Does the event word stand a few words after a marker of an earlier event (ردا على، انتقاما ل،
    على خلفية) that follows an event word of its own sentence? Then it names that earlier event,
    the cause of the one told first, not another event: "شنت الطائرات غارة على مواقع في القطاع ردا
    على إطلاق نار استهدف جنودا في بلدة X". A comma between the marker and the word closes the
    marker's phrase ("ردا على ذلك، قصفت ..."). Asked of weak words only (هجوم، استهدف): a strong
    one names an earlier event that may be news of its own ("على خلفية قيام مقاتلين بعمليات نهب")."""
    return any(lo <= x.tok_start and x.tok_end <= mk.tok_start for mk in prior_markers_before(doc, m, lo)
               for x in matches if x is not m)


def prior_markers_before(doc: Doc, m, lo: int, reach: int = PRIOR_EVENT_WORDS) -> list:
    """The markers of an earlier event (ردا على، على خلفية) whose phrase holds the word ``m`` (an
    event word, or a place of that event): at most ``reach`` words before it from ``lo`` on, with no
    comma between them."""
    return [mk for mk in cue_matcher("prior_event_marker").find(doc, lo, m.tok_start)
            if 0 <= m.tok_start - mk.tok_end <= reach
            and not any(ch in _CLAUSE_PUNCTUATION for ch in doc.text[doc.tokens[mk.tok_end - 1].end:doc.tokens[m.tok_start].start])]


# Marks that close a phrase: a word on the far side of one is in another clause.
_CLAUSE_PUNCTUATION = "،,؛;.:"


def _punctuated(doc: Doc, lo: int, hi: int) -> bool:
    """Does a clause mark stand in a gap between the tokens ``lo`` .. ``hi`` (both included)?"""
    return any(ch in _CLAUSE_PUNCTUATION for k in range(lo + 1, hi + 1)
               for ch in doc.text[doc.tokens[k - 1].end:doc.tokens[k].start])


# How many words before an arrest word a verb of extending may stand (مددت المحكمة اليوم اعتقال).
DETENTION_WORDS = 6


def _detention_state(doc: Doc, m, lo: int, hi: int) -> bool:
    """"تمديد اعتقال الأسير"، "رهن الاعتقال"، "الاعتقال الإداري": detention as a state or an order
    about it (an extension, a remand, a warrant), not an arrest."""
    if m.tok_start > lo and doc.tokens[m.tok_start - 1].text in cue_words("detention_state"):
        return True
    extending = cue_words("detention_extension")
    if any(doc.tokens[t].text in extending for t in range(max(lo, m.tok_start - DETENTION_WORDS), m.tok_start)):
        return True
    return m.tok_end < hi and doc.tokens[m.tok_end].text in cue_words("detention_state_after")


# How many words may stand between protesters and the act of violence they do (اقتحم المتظاهرون
# الغاضبون، المحتجون الذين تجمعوا أحرقوا).
RIOT_WORDS = 3


def _riots(doc: Doc) -> list:
    """"اقتحم المتظاهرون المباني"، "المحتجون أحرقوا مقر المحافظة": protesters as the doers of an act
    of violence (storming, burning, stoning) make the act a violent demonstration."""
    from marsad.arabic.matcher import Match
    acts = cue_matcher("riot_act_verb").find(doc)
    if not acts:
        return []
    doers = cue_matcher("protester_subject").find(doc)
    out = []
    for v in acts:
        sent = doc.sentence_of_token(v.tok_start)
        near = [p for p in doers if sent.tok_start <= p.tok_start < sent.tok_end and
                (0 <= p.tok_start - v.tok_end < RIOT_WORDS or 0 <= v.tok_start - p.tok_end < RIOT_WORDS)]
        if near:  # the act alone: the protesters are the actor
            out.append(Match(v.tok_start, v.tok_end, ("Riots", "Violent demonstration", "strong"), 0, "riot"))
    return out


def _seizures(doc: Doc) -> list:
    """"عثروا مساء أمس على أسلحة متنوعة", "ضبطت القوات مستودعاً للذخيرة": a seizure verb and, within a
    few words, a weapon noun make a Disrupted weapons use trigger spanning both."""
    from marsad.arabic.matcher import Match
    # "عثر عليها مخزنة بمجمد": a feminine adjective (مخزنة، stored) read as a noun with "her" (مخزنه) is
    # no weapon
    weapons = [w for w in cue_matcher("weapon_noun").find(doc) if not _feminine_read_as_pronoun(doc, w)]
    out = []
    for v in cue_matcher("seizure_verb").find(doc) + cue_matcher("interception_verb").find(doc):
        sent = doc.sentence_of_token(v.tok_start)
        near = [w for w in weapons if v.tok_end <= w.tok_start <= v.tok_end + 8 and w.tok_end <= sent.tok_end]
        if near:
            out.append(Match(v.tok_start, near[0].tok_end,
                             ("Strategic developments", "Disrupted weapons use", "strong"), 0, "seizure"))
    return out


def _feminine_read_as_pronoun(doc: Doc, m) -> bool:
    """Does a phrase match only because its last word's ة (written ه once normalised) was taken for
    the pronoun "her": the raw word ends in ة, the phrase's word does not?"""
    phrase = getattr(m, "phrase", None)
    if not isinstance(phrase, str) or phrase.endswith(("ه", "ة")):
        return False
    raw = doc.token_span(m.tok_end - 1, m.tok_end).text
    return raw.endswith("ة") and normalise_term(raw) == normalise_term(phrase.split(" ")[-1]) + "ه"


# How many words after the killers' noun the victims may stand (قتل مسلحون مجهولون، اليوم، ثلاثة مدنيين).
AGENT_OBJECT_WORDS = 5


def _agent_killings(doc: Doc) -> list:
    """"قتل مسلحون مجهولون اليوم ثلاثة مدنيين": the verb قتل with its killers right after it and
    then whom they killed (a count or a person noun) is an attack; alone it is as often the
    passive ("قُتل مسلحون في الاشتباكات", gunmen were killed) and no trigger."""
    from marsad.arabic.matcher import Match
    verbs, agents = cue_words("agent_killing_verb"), cue_words("killer_agent")
    from marsad.casualties import object_victim_forms
    objects = cue_words("killed_person_object") | object_victim_forms()
    out = []
    quantities = None
    for sent in doc.sentences:
        for t in range(sent.tok_start, sent.tok_end - 2):
            if doc.tokens[t].text.lstrip("وف") not in verbs or doc.tokens[t + 1].text not in agents:
                continue
            if quantities is None:
                from marsad.quantities import find_quantities
                quantities = {q.tok_start for q in find_quantities(doc)}
            window = range(t + 2, min(sent.tok_end, t + 2 + AGENT_OBJECT_WORDS))
            if any(k in quantities or doc.tokens[k].text in objects for k in window):
                out.append(Match(t, t + 1, ("Violence against civilians", "Attack", "weak"), 0, "agent killing"))
    return out


# How many words may stand between a verb of dropping and the aircraft that drops (its subject) and
# the bombs it drops (ألقت طائرة حربية قنابل، ألقت مروحيات النظام ثلاث قنابل).
AIR_DROP_WORDS = 3


def _air_drops(doc: Doc, taken: set[int]) -> list:
    """"ألقت طائرة حربية قنابل على البلدة"، "ألقت مروحيات النظام قنابل": a verb of dropping (``air_drop_verb``)
    with an aircraft (``striking_aircraft``) as its subject a few words from it and bombs
    (``dropped_bomb_noun``) after it is an air strike, though neither word makes one alone (ألقت
    القوات القبض، قنابل الغاز)."""
    from marsad.arabic.matcher import Match
    aircraft = cue_matcher("striking_aircraft").find(doc)
    if not aircraft:
        return []
    bombs = cue_matcher("dropped_bomb_noun").find(doc)
    out = []
    for v in cue_matcher("air_drop_verb").find(doc):
        if v.tok_start in taken:
            continue
        sent = doc.sentence_of_token(v.tok_start)
        flier = any(sent.tok_start <= x.tok_start and (0 <= x.tok_start - v.tok_end <= AIR_DROP_WORDS or
                                                       0 <= v.tok_start - x.tok_end <= AIR_DROP_WORDS) for x in aircraft)
        dropped = [b for b in bombs if v.tok_end <= b.tok_start <= v.tok_end + AIR_DROP_WORDS + 2
                   and b.tok_end <= sent.tok_end and not any(t in taken for t in range(b.tok_start, b.tok_end))]
        if flier and dropped:
            out.append(Match(v.tok_start, dropped[0].tok_end, ("Explosions/Remote violence", "Air/drone strike", "strong"),
                             0, "air drop"))
    return out


# How many words may stand between a force's dispersing word (فرقت، الغاز المسيل للدموع) and the
# protesters it met ("فرقت الشرطة مئات المتظاهرين"، "أطلقت الشرطة الغاز المسيل للدموع على المحتجين").
CROWD_WORDS = 5


def _crowds_met(doc: Doc, taken: set[int]) -> list:
    """"فرقت الشرطة مئات المتظاهرين في البصرة"، "أطلقت قوات الأمن الغاز المسيل للدموع على المحتجين": a
    word of dispersing a crowd or of its means (``crowd_control_word``) with protesters (``protester_noun``)
    a few words from it, in one clause, tells a protest the forces met, with no protest word of its
    own; the protest's stage (stages/protest_force.py) gives it its intervention."""
    from marsad.arabic.matcher import Match
    crowd = cue_words("protester_noun")
    out, seen = [], set()
    for m in cue_matcher("crowd_control_word").find(doc):
        sent = doc.sentence_of_token(m.tok_start)
        near = list(range(m.tok_end, min(sent.tok_end, m.tok_end + CROWD_WORDS))) + \
            list(range(max(sent.tok_start, m.tok_start - CROWD_WORDS), m.tok_start))
        for t in near:
            word = doc.tokens[t].text
            if t in taken or t in seen or not ({word, word[1:], word[2:]} & crowd):
                continue
            if _punctuated(doc, min(t, m.tok_start), max(t, m.tok_end - 1)):
                continue
            seen.add(t)
            # the match starts at the force's word: the protesters are an actor, whose words make no trigger
            out.append(Match(m.tok_start, max(m.tok_end, t + 1), ("Protests", "Peaceful protest", "strong"), 0,
                             "crowd met"))
            break
    return out


def _agent_detonations(doc: Doc) -> list:
    """"فجر مسلحون مجهولون جرافة عسكرية"، "فجّر متشددون عبوة ناسفة": a verb of blowing up
    (``detonation_verb``) with armed men of no state (``detonating_agent``) right after it is a
    remote explosive; alone the word is as often the noun "dawn" (فجر الثلاثاء) and no trigger, and
    a state force blowing up a tunnel or a house (فجر الجيش نفقا) is no attack."""
    from marsad.arabic.matcher import Match
    verbs, agents = cue_words("detonation_verb"), cue_words("detonating_agent")
    out = []
    for sent in doc.sentences:
        for t in range(sent.tok_start, sent.tok_end - 1):
            word = doc.tokens[t].text
            if word not in verbs and not (word[:1] in "وف" and word[1:] in verbs):
                continue
            if doc.tokens[t + 1].text in agents:
                out.append(Match(t, t + 2, ("Explosions/Remote violence", "Remote explosive/landmine/IED", "strong"),
                                 0, "agent detonation"))
    return out


# How many words the shooters' name may take between the verb and "fire" (أطلقت قوات الأمن الرصاص).
SHOOTER_WORDS = 4


def _shots_at(doc: Doc) -> list:
    """"أطلقت قوات الأمن الرصاص الحي على محتجين"، "فتح مسلحون النار على المصلين": a firing verb,
    the shooters (or none: "وأطلقوا النار بشكل عشوائي على رواده"), the fire, a word or two of manner,
    and على whom it was aimed is an attack (the phrase with nothing between, أطلقوا النار على, is in
    triggers.tsv)."""
    from marsad.arabic.matcher import Match
    verbs, fire = cue_words("firing_verb"), cue_words("fire_noun")
    out = []
    for sent in doc.sentences:
        for t in range(sent.tok_start, sent.tok_end - 2):
            if doc.tokens[t].text.lstrip("وف") not in verbs:
                continue
            for k in range(t + 1, min(sent.tok_end - 1, t + 2 + SHOOTER_WORDS)):
                if doc.tokens[k].text not in fire:
                    continue
                # the fire, an adjective or two (الحي، الكثيف), then على
                at = next((j for j in range(k + 1, min(sent.tok_end, k + 4)) if doc.tokens[j].text in ("على", "علي")),
                          None)
                if at is not None:
                    # at protesters, it is the force a protest met (weak: the protest makes the event)
                    target = doc.tokens[at + 1].text if at + 1 < sent.tok_end else ""
                    strength = "weak" if target in cue_words("protester_noun") else "strong"
                    out.append(Match(t, t + 1, ("Violence against civilians", "Attack", strength), 0, "shots at"))
                break
    return out


# How many words after an occurrence verb the day it names may stand ("اندلعت بعد منتصف ليل أمس").
OCCURRENCE_DAY_WORDS = 5


def _broke_out_on_a_day(doc: Doc, end: int, sent_end: int) -> bool:
    """"عقب اشتباكات اندلعت بعد منتصف ليل أمس في منطقة X": an event word after بعد/عقب that a verb
    of occurrence (اندلعت، وقعت، دارت) right after it dates to a day of its own is news in itself,
    not a time reference of the clause (tension, accusations) it is told in."""
    if end >= sent_end or doc.tokens[end].text not in cue_words("occurrence_verb"):
        return False
    return any(names_a_day(doc.tokens[t].text) for t in range(end + 1, min(sent_end, end + 1 + OCCURRENCE_DAY_WORDS)))


# How many words before بعد a death word may stand for the attack after it to be how they died.
CAUSE_DEATH_WORDS = 10


# How many words may stand between a verbal noun after a time word and the event word it governs
# (منذ نجاح القوات المشتركة في انتزاع السيطرة).
CHAIN_WORDS = 5


def _chain_cue(doc: Doc, tok: int, sent_start: int, subordinate: dict[int, int]) -> int | None:
    """"منذ نجاح القوات في السيطرة على المطار"، "عقب قيام مسلحين باغتيال القيادي"، "بعد إعلان الجيش
    استعادة المدينة": a time or cause word (``subordinate``) heads a verbal noun of doing
    (``light_noun``: نجاح، قيام، إقدام، تمكن، إعلان) whose complement, a few words on with no comma
    between, is the event word at ``tok``: the event is the earlier one the clause refers to, as if
    the word stood right after the time word. Returns the last token of the time word, or None."""
    light = cue_words("light_noun")
    for t, end in subordinate.items():
        if not (sent_start <= t and end < tok <= end + CHAIN_WORDS + 1):
            continue
        if doc.tokens[end].text not in light or _pronoun_after(doc, t, tok):
            continue
        if any(doc.tokens[k].text in cue_words("clause_content") for k in range(end + 1, tok)):
            continue  # "عقب إعلان المرصد أن غارات أوقعت 44 قتيلا": what was announced, told as news
        if _punctuated(doc, end - 1, tok):
            continue
        return end - 1
    return None


def _cause_of_a_death(doc: Doc, tok: int, sent_start: int) -> bool:
    """"قتل عنصران ... بعد استهداف سيارتهما"، "قتل شاب بعد استهدافه بالرصاص": an attack word right
    after بعد/عقب, with a death word shortly before it in the sentence, tells how those people died,
    not an earlier event (which needs a span: بعد أيام من اختطافه)."""
    cue = tok - 1
    if cue < sent_start or doc.tokens[cue].text not in cue_words("death_cause_after"):
        return False
    from marsad.casualties import is_death_word
    return any(is_death_word(doc.tokens[t].text, ("و", "ف"))
               for t in range(max(sent_start, cue - CAUSE_DEATH_WORDS), cue))


# How many words (adjectives) may stand between an indefinite event noun and the word of
# expectation after it (هجوم واسع من المتوقع أن يشنه).
EXPECTED_AFTER_WORDS = 2


def _expected_after(doc: Doc, m, sent_end: int) -> bool:
    """An indefinite event noun followed, past an adjective or two, by a word of expectation or
    intent ("لهجوم من المتوقع أن يشنه الجيش"، "هجوم يعتزم الجيش شنه") or by قد and an imperfect
    ("هجوم قد تشنه القوات"): the attack expected, not one made. A definite noun (الهجوم ... يتوقع
    أن يستمر) names an attack told, and an expectation after it is about its course."""
    word = doc.tokens[m.tok_start].text
    verbs = cue_words("clause_verb")
    if definite(word) or any(word.lstrip("وف") in (v, v + "ت", v + "وا") for v in verbs):
        return False  # (a verb: "هاجم مسلحون قد يكونون من ...": the doubt is about who)
    hi = min(sent_end, m.tok_end + EXPECTED_AFTER_WORDS + 1)
    for k in range(m.tok_end, hi):
        if any(ch in "،,؛;.:" for ch in doc.text[doc.tokens[k - 1].end:doc.tokens[k].start]):
            return False
        if any(x.tok_start == k for x in cue_matcher("expectation_after").find(doc, k, sent_end)) or \
                _qad_imperfect(doc, range(k, k + 1)):
            # a toll after it tells fighting that is going on ("اشتباكات يتوقع أن تستمر ... أسفرت عن مقتل 5")
            return not any(w in cue_words("clause_result") for w in (t.text for t in doc.tokens[k:sent_end]))
    return False


def _qad_imperfect(doc: Doc, before: range) -> bool:
    """قد + imperfect verb (قد يشن) is possibility; قد + perfect (كانت قد أعلنت) is not."""
    for t in before:
        if doc.tokens[t].text in cue_words("qad") and t + 1 < len(doc.tokens):
            nxt = doc.tokens[t + 1].text
            if nxt.startswith(_IMPERFECT_PREFIXES) and len(nxt) >= 3 and not nxt.startswith("ال"):
                return True
    return False


# How many words after the event word a day may stand for "سبق أن" to be earlier that day or week
# ("وسبق أن فجر مسلحون مجهولون، الإثنين، جرافة").
PRECEDED_DAY_WORDS = 10


def _background(doc: Doc, background: dict[int, int], sent_start: int, tok: int) -> bool:
    for t, end in background.items():
        if not (sent_start <= t < tok):
            continue
        phrase = " ".join(x.text for x in doc.tokens[t:end])
        if phrase.endswith(cue_phrases("background_earlier")):
            nxt = doc.tokens[end].text if end < len(doc.tokens) else ""
            if nxt == "من" or nxt.startswith(cue_phrases("same_day_prefix")) or names_a_day(nxt):
                continue  # في وقت سابق من اليوم، في وقت سابق السبت: earlier that day, the date decides
            if nxt in cue_words("report_complementiser") or _reports_between(doc, end, tok):
                continue  # "ذكرت في وقت سابق أن ...", "وفي وقت سابق قالت الوكالة إن ...": it dates the report
        if phrase in cue_words("preceded_marker") or phrase[1:] in cue_words("preceded_marker"):
            sent_end = doc.sentence_of_token(tok).tok_end
            if any(names_a_day(doc.tokens[k].text) for k in range(end, min(sent_end, tok + PRECEDED_DAY_WORDS))):
                continue  # "وسبق أن فجر مسلحون، الإثنين، جرافة": earlier, on a day it names; the date decides
        # a sentence-initial marker covers the whole sentence; others cover what follows them closely,
        # up to a clause of contrast ("منذ مطلع الأسبوع، بينما تتواصل الاشتباكات": now)
        if t - sent_start <= 2 or (tok - end <= 6 and not _contrast_between(doc, end, tok)):
            return True
    return False


# How many words a verb of saying and its speaker may take between "earlier" and إن/أن.
REPORT_WORDS = 8


def _reports_between(doc: Doc, lo: int, hi: int) -> bool:
    """Is there a complementiser (إن، أن، بأن) within a few words after ``lo`` and before ``hi``: the
    marker stands in the clause of saying, so it dates the report and not what is reported? When
    a verb of saying follows the marker at once ("وفي وقت سابق أوضح ضابط مسؤول في المنطقة
    العسكرية ... في تصريح لوكالة ... بأن"), its speaker may be long: the complementiser may stand
    anywhere before ``hi``."""
    said = cue_words("report_complementiser")
    reach = hi if any(lo <= m.tok_start <= lo + 1 for m in cue_matcher("attribution").find(doc, lo, min(hi, lo + 3))) \
        else min(hi, lo + REPORT_WORDS)
    return any(doc.tokens[t].text in said for t in range(lo, reach))


def _contrast_between(doc: Doc, lo: int, hi: int) -> bool:
    """Does a clause of contrast (بينما، فيما، في حين) open between ``lo`` and ``hi``?"""
    return any(lo <= m.tok_start < hi for m in cue_matcher("clause_contrast").find(doc, lo, hi))


def is_off_topic(doc: Doc) -> bool:
    """Sports reports and the like: many off-topic words and few strong triggers."""
    sport = len(cue_matcher("offtopic_sport").find(doc))
    return sport >= 4


def _legal_appeal(doc, m, sent) -> bool:
    """Is the mention a legal appeal (طعن) rather than a stabbing: a verb of filing or a court's rejection
    right before it (قدم الدفاع طعنا، رفضت المحكمة الطعن), or its filing or its object right after it
    ("رفض أمس طعنا تقدمت به الحكومة"، "الطعن المقدم من الدفاع"، "طعن في الحكم")?"""
    if not doc.tokens[m.tok_start].text.lstrip("وب").removeprefix("ال").startswith("طعن"):
        return False
    if m.tok_start > sent.tok_start and doc.tokens[m.tok_start - 1].text in cue_words("appeal_head"):
        return True
    tail = cue_matcher("appeal_tail", suffixes=False).find(doc, m.tok_end, min(sent.tok_end, m.tok_end + 2))
    return any(t.tok_start == m.tok_end for t in tail)
