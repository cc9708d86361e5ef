"""How common a word is in written Arabic, from the ``wordfreq`` package (code Apache-2.0, word
lists CC BY-SA 4.0; used as a dependency, nothing copied).

A name no gazetteer knows, read after a place noun, is a village's name only if it is not an
ordinary word: "منطقة رئيسية" (a main area), "مخيمات العودة" (the return camps) and "قرية
محيطة" are not villages called رئيسية, العودة or محيطة.
"""
from __future__ import annotations

from functools import lru_cache

# The "small" word list holds every word down to Zipf 3 (about 24 MB loaded, against 110 MB
# for the large one), which is all a test at COMMON_ZIPF needs.
# Zipf frequency (log10 of occurrences per billion words) at and above which every word of a
# name is an ordinary word. About a tenth of the small villages the gazetteer knows in the
# region have a name whose words all reach it (عين التمر، الخيام), so a name that does is not
# refused, only not shown as the event's place (its container is).
COMMON_ZIPF = 4.0


@lru_cache(maxsize=4096)
def zipf(word: str, lang: str = "ar") -> float:
    """Zipf frequency of one word, 0.0 when unknown or when ``wordfreq`` is not installed. A
    normalised Arabic word (ta marbuta folded to ه: "ورقه") counts as its commoner spelling
    ("ورقة")."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # an optional help: without it every name counts as rare
        return 0.0
    found = zipf_frequency(word, lang, wordlist="small")
    if lang == "ar" and len(word) > 2 and word.endswith("ه"):
        found = max(found, zipf_frequency(word[:-1] + "ة", lang, wordlist="small"))
    return found


def is_common_phrase(text: str, lang: str = "ar", threshold: float = COMMON_ZIPF) -> bool:
    """Is every word of ``text`` an ordinary word of the language (Zipf >= ``threshold``)?"""
    words = [w.strip("\"'«»“”()") for w in text.split()]
    words = [w for w in words if w]
    return bool(words) and all(zipf(w, lang) >= threshold for w in words)
