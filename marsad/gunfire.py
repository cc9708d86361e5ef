"""Gunfire told as a noun ("اندلع إطلاق النار في حي X"، "قتل شخصان جراء إطلاق النار") is the event itself
when its clause reports firing; in a ceasefire, a truce or a breach of one (وقف/خرق إطلاق النار) it is none.

The shapes (``gunfire_*`` cue kinds in ``kb/data/cues.tsv``), the gunfire being اطلاق + a fire noun:

- a verb of breaking out or going on right before it (اندلع، تجدد، استمر)، or a word of its going on
  shortly after it (ما زال مستمرا، متواصل);
- the cause of a toll: جراء/نتيجة/إثر/بسبب before it and a death or injury word earlier in the sentence;
- aimed: the fire, an adjective or two (كثيف، عشوائي)، then على (at protesters: weak, the force a protest met);
- between two sides: بين after it, or an exchange (تبادل إطلاق نار) the table does not hold.

Typed Armed clash when بين names two sides after it, else Attack (the frame types it by its sides).

>>> from marsad.arabic.tokenise import make_doc
>>> [m.payload[1] for m in gunfire_matches(make_doc("اندلع اطلاق النار بين مسلحين في المدينة"), set())]
['Armed clash']
>>> gunfire_matches(make_doc("خرق اتفاق وقف اطلاق النار في المدينة"), set())
[]
"""
from __future__ import annotations

from marsad.arabic.matcher import Match
from marsad.cues import cue_words
from marsad.geo.place_phrases import fight_between

# How many words after the fire noun its adjectives may take before على or بين (نار كثيف وعشوائي على).
AIM_WORDS = 3
# How many words after the fire noun a word of its going on may stand (اطلاق النار الكثيف ما زال مستمرا).
ONGOING_WORDS = 4
# How many words before the cause word a death or injury word may stand.
TOLL_WORDS = 10
# How many words before the gunfire a head of a ceasefire may stand (وقف فوري وشامل لإطلاق النار).
HALT_WORDS = 3
# How many words (the two sides) may stand between the verb تبادل and the gunfire (تبادل مسلحون من قبيلتين إطلاق نار).
EXCHANGE_WORDS = 5
CLITICS = "وفلبك"


def _bare(word: str) -> str:
    return word.lstrip("وف")


def gunfire_matches(doc, taken: set[int]) -> list:
    """Trigger matches for gunfire nouns that report firing; ``taken`` holds the tokens other triggers
    already start at (إطلاق النار على، تبادل إطلاق النار)."""
    nouns, fire = cue_words("gunfire_noun"), cue_words("fire_noun")
    halts, verbs = cue_words("gunfire_halt_head"), cue_words("gunfire_outbreak_verb")
    ongoing, causes, harm = cue_words("gunfire_ongoing_word"), cue_words("gunfire_toll_cause"), \
        cue_words("gunfire_harm_word")
    protesters, manner = cue_words("protester_noun"), cue_words("gunfire_manner")
    from marsad.casualties import is_death_word
    out = []
    for sent in doc.sentences:
        for t in range(sent.tok_start, sent.tok_end - 1):
            word = doc.tokens[t].text
            if word.lstrip(CLITICS) not in nouns or doc.tokens[t + 1].text not in fire:
                continue
            if any(k in taken for k in range(max(sent.tok_start, t - 1), t + 1)):
                continue
            prev = doc.tokens[t - 1].text if t > sent.tok_start else ""
            if any(doc.tokens[k].text.lstrip(CLITICS) in halts or doc.tokens[k].text in halts
                   for k in range(max(sent.tok_start, t - HALT_WORDS), t)):
                continue  # "وقف إطلاق النار"، "وقف فوري لإطلاق النار"، "خرق لإطلاق النار": a ceasefire or its breach
            after = [doc.tokens[k].text for k in range(t + 2, min(sent.tok_end, t + 2 + AIM_WORDS))]
            between = "بين" in after
            at = next((i for i, w in enumerate(after) if w in ("على", "علي")), None)
            if at is not None and (any(w not in manner for w in after[:at]) or
                                   t + 3 + at < sent.tok_end and doc.tokens[t + 3 + at].text == "الرغم"):
                at = None  # only a word of manner between the fire and على (not "لم تتغير على الرغم")
            shape = None
            exchange = cue_words("gunfire_exchange_head")
            if _bare(prev) in exchange or any(_bare(doc.tokens[k].text) in exchange and "،" not in
                                               [doc.tokens[j].text for j in range(k, t)]
                                               for k in range(max(sent.tok_start, t - 1 - EXCHANGE_WORDS), t - 1)):
                shape, between = "exchange", True  # "تبادل إطلاق نار": two sides firing
            elif _bare(prev) in verbs or (t - 2 >= sent.tok_start and _bare(doc.tokens[t - 2].text) in verbs
                                        and not prev.startswith("و")):
                shape = "outbreak"
            elif any(doc.tokens[k].text in ongoing for k in range(t + 2, min(sent.tok_end, t + 2 + ONGOING_WORDS))):
                shape = "ongoing"
            elif _bare(prev) in causes and any(
                    is_death_word(doc.tokens[k].text, ("و", "ف")) or _bare(doc.tokens[k].text) in harm
                    for k in range(max(sent.tok_start, t - 1 - TOLL_WORDS), t - 1)):
                shape = "toll cause"
            elif at is not None or between:
                shape = "aimed" if at is not None and (not between or at < after.index("بين")) else "between"
            if shape is None:
                continue
            strength = "strong"
            if shape == "aimed" and t + 3 + at < sent.tok_end and doc.tokens[t + 3 + at].text in protesters:
                strength = "weak"  # the force a protest met: the protest makes the event
            if not between and shape == "ongoing":
                # "... ما زال مستمرا، والنيران تتصاعد بين الشياح وعين الرمانة": fire raging between two quarters
                between = any(doc.tokens[k].text == "بين" and fight_between(doc, k, t + 2)
                              for k in range(t + 2, sent.tok_end))
            sub = "Armed clash" if between and shape != "aimed" else "Attack"
            etype = "Battles" if sub == "Armed clash" else "Violence against civilians"
            out.append(Match(t, t + 2, (etype, sub, strength), 0, "gunfire " + shape))
    return out
