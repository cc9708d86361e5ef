"""An arrest made in a fight is the fight: a battle, not arrests.

"اعتقال قائد ميداني في هجوم لقوات ألوية العمالقة"، "اعتقلت القيادي الحوثي وقتلت عددا من مرافقيه": a
commander captured in a ground attack, or while his escorts were killed, was taken in a battle;
ACLED codes the armed clash, not arrests (the arrests of a raid whose clash is told on its own fold
into it in ``assembly``). Arrests "after" an attack (إثر هجوم) or "for" one (بتهمة المشاركة في هجوم)
stay arrests: the attack is another event or the charge.
"""
from __future__ import annotations

from marsad.cues import cue_words
from marsad.stages.analysis import Analysis
from marsad.stages.clauses import clause_at, unit_range

# How many words after the arrest word the fight it was made in may stand ("اعتقال قائد ميداني في
# هجوم"، "اعتقلت القيادي الميداني الحوثي محمد علي صالح غالب السويدي وقتلت").
FIGHT_WORDS = 10


def arrest_in_fight(a: Analysis, m) -> bool:
    """Was the arrest ``m`` made in a fight its own unit tells: a word of battle right after "في"،
    "خلال"، "أثناء" (``fight_preposition``), or a verb of killing joined to it by و
    (``fight_killing_verb``), with no charge or suspicion between?"""
    own = clause_at(a, m.tok_start)
    if own is None:
        return False
    # (its unit: "خلال اشتباكات" opens a clause of time of the arrest's own unit)
    hi = min(unit_range(a, own.unit)[1], m.tok_end + FIGHT_WORDS)
    tokens = a.doc.tokens
    stops = cue_words("charge_word") | cue_words("suspect_link") | cue_words("after_word") | \
        cue_words("other_event_time_word")
    battles = {h.mention.tok_start for h in a.hits if h.mention.event_type == "Battles"}
    for t in range(m.tok_end, hi):
        word = tokens[t].text
        if word in stops or word.lstrip("و") in stops:
            return False
        if word in cue_words("fight_preposition") and t + 1 in battles:
            return True
        if word.startswith("و") and word[1:] in cue_words("fight_killing_verb"):
            return True
    return False
