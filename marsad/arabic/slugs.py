"""Web-address slugs in article text: words joined by hyphens ("اليمن-عاجل-تفجير-القاعة-صنعاء"),
copied from a page's address or tag line into the text. They repeat words of the headline and
glue names together ("بيت-بوس" of a street name), so their words are read as nothing: the
slug's characters are blanked, offsets unchanged.
"""
from __future__ import annotations

import re

# At least four words joined by hyphens with no space, three of them with Arabic letters.
MIN_WORDS = 4
_RUN = re.compile(r"(?:[^\s\-]+-){%d,}[^\s\-]+" % (MIN_WORDS - 1))
_ARABIC = re.compile(r"[\u0621-\u064A]")


def mask_slugs(text: str) -> str:
    """``text`` with each slug replaced by as many spaces (same length, same offsets)."""
    if text.count("-") < MIN_WORDS - 1:
        return text

    def blank(m: re.Match) -> str:
        words = m.group(0).split("-")
        return " " * len(m.group(0)) if sum(bool(_ARABIC.search(w)) for w in words) >= MIN_WORDS - 1 else m.group(0)

    return _RUN.sub(blank, text)
