"""Dates whose day is glued to a word: "14حزيران"، "في14 حزيران"، "حزيران2018".

Writers and copy tools often drop the space between a number and the word next to it. The
date rules of :mod:`marsad.dates` read words, so a glued day is no date there. This module
reads the same text with a space put back at each seam between a number of one to four
digits and a letter, and keeps the calendar dates (day and month, with or without a year)
that need such a seam, mapped back to the offsets of the text as written.
"""
from __future__ import annotations

import re
from typing import Callable

from marsad.arabic.tokenise import Doc, make_doc

__all__ = ["glued_dates"]

# a seam: a letter then a short number, or a short number then a letter
_SEAM = re.compile(r"(?<=[^\W\d_])(?=\d{1,4}(?!\d))|(?<=\d)(?=[^\W\d_])")
_CALENDAR = ("abs:", "md:", "dom:", "hijri_md:")


def _spaced(text: str) -> tuple[str, list[int]] | None:
    """The text with a space at each seam, and each of its offsets' offset in ``text``."""
    cuts = [m.start() for m in _SEAM.finditer(text)]
    if not cuts:
        return None
    parts: list[str] = []
    back: list[int] = []
    prev = 0
    for cut in cuts:
        parts.append(text[prev:cut])
        back.extend(range(prev, cut))
        parts.append(" ")
        back.append(cut)  # the space put back stands at the seam
        prev = cut
    parts.append(text[prev:])
    back.extend(range(prev, len(text) + 1))
    return "".join(parts), back


def glued_dates(doc: Doc, candidates: Callable[[Doc], list], make: Callable) -> list:
    """The calendar dates of ``doc`` that hold a seam or follow one, as ``make(start, end, key, rule)``."""
    if doc.cache.get("glued_dates") is not None:
        return doc.cache["glued_dates"]
    out: list = []
    spaced = _spaced(doc.text)
    if spaced is not None:
        text, back = spaced
        doc2 = make_doc(text)
        if doc2.text == text:  # normalising again must not move anything
            seams = {i for i, ch in enumerate(text) if ch == " " and back[i] == back[i + 1]}
            for c in candidates(doc2):
                if c.key.startswith(_CALENDAR) and any(c.start - 1 <= i < c.end for i in seams):
                    start = back[c.start]
                    end = back[c.end - 1] + 1
                    out.append(make(start, end, c.key, c.rule))
    doc.cache["glued_dates"] = out
    return out
