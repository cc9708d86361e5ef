"""A weekday named by its slogan: "مسيرات جمعة الوفاء"، "في جمعة الغضب".

Protest movements name their Fridays ("جمعة الكرامة"، "جمعة الرحيل"). The weekday word then has no
article and takes the slogan after it, so the weekday rule of :mod:`marsad.dates` (الجمعة) does not
read it. Such a word is that weekday when a definite word follows it and a word that frames a day
or a protest comes before it (``named_weekday`` and ``named_weekday_before`` in
``kb/data/date_words.tsv``): "جمعة" alone is also a man's name ("محمد جمعة"، "قال جمعة الحسيني").
"""
from __future__ import annotations

from typing import Callable

from marsad.arabic.tokenise import Doc

__all__ = ["named_weekdays"]

_PROCLITICS = ("وب", "وف", "و", "ف", "ب", "ل")


def _bare(word: str, words) -> str | None:
    """``word`` or ``word`` without one proclitic, when that is in ``words``."""
    if word in words:
        return word
    for p in _PROCLITICS:
        if word.startswith(p) and word[len(p):] in words:
            return word[len(p):]
    return None


def named_weekdays(doc: Doc, make: Callable) -> list:
    """The weekdays named by their slogan in ``doc``, as ``make(start, end, "weekday:W", rule)``."""
    from marsad.dates import _lexicon
    lex = _lexicon()
    days, before = lex.words("named_weekday"), lex.words("named_weekday_before")
    tokens = doc.tokens
    out = []
    for i in range(1, len(tokens) - 1):
        day = _bare(tokens[i].text, days)
        if day is None or not tokens[i + 1].text.startswith("ال") or len(tokens[i + 1].text) < 4:
            continue
        framed = _bare(tokens[i - 1].text, before) is not None or tokens[i].text.startswith(("ب", "وب"))
        if not framed:
            continue  # "محمد جمعة الحسيني": a name; "في جمعة الغضب"، "بجمعة الغضب": a day
        out.append(make(tokens[i].start, tokens[i + 1].end, f"weekday:{days[day]}", "weekday"))
    return out


def named_weekday_at(doc: Doc, tok: int) -> bool:
    """Does a weekday named by its slogan start at token ``tok``?"""
    from marsad.dates import _lexicon
    return 0 <= tok < len(doc.tokens) and _bare(doc.tokens[tok].text, _lexicon().words("named_weekday")) is not None
