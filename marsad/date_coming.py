"""A bare weekday told after a verb of the future is the coming one, not the last.

"رجح دبلوماسيون أن يجتمع مجلس الأمن بعد ظهر الاثنين" in an article of Sunday is tomorrow's meeting;
read on or before the publication day it would be the Monday six days before, and an event word
of its sentence ("لبحث الهجوم") would take that past day. A weekday with no modifier of its own
(الماضي، المقبل) that follows, in its sentence and within a few words, a marker of the future or of
expectation (سوف، من المقرر أن، يرجح أن، ستعقد) is the weekday on or after the publication day: the
key ``weekday:W`` becomes ``weekday:W:coming``. The markers are ``future_day_before`` rows of
``kb/data/cues.tsv``.
"""
from __future__ import annotations

from marsad.arabic.tokenise import Doc

# How many words before the weekday its future marker may stand.
COMING_DAY_WORDS = 6


def coming_weekday(doc: Doc, start: int, key: str) -> str:
    """``key`` with ``:coming`` when it is a bare weekday (weekday:W) that a marker
    of the future stands a few words before, in its sentence."""
    kind, _, body = key.partition(":")
    if kind != "weekday" or ":" in body or "@" in body:
        return key
    from marsad.cues import cue_matcher
    t = doc.token_at(start)
    sent = doc.sentence_of_token(t)
    lo = max(sent.tok_start, t - COMING_DAY_WORDS)
    if cue_matcher("future_day_before").find(doc, lo, t):
        return f"{key}:coming"
    return key
