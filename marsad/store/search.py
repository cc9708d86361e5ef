"""What the read side compares events by: folded keys of names, each event's search words, and
the words and actors a query asks for.

The API's filters compare the ``events`` columns these make (``country_key``, ``admin1_key``,
``type_key``, ``sub_type_key``, ``search_text``), so a filter is an index lookup, and it
compares them folded the same way on both sides: Latin letters in lower case, Arabic without
diacritics or tatweel, with the alef, hamza, ya and ta marbuta variants folded
(:func:`marsad.arabic.normalise.normalise`, and ؤ -> و, ئ -> ي on top).

>>> fold_key("  Al-Ḥasakah ")
'al-ḥasakah'
>>> fold_key("الحسكة") == fold_key("الحَسَكه")
True
>>> search_terms("بالرقّة إشتباكات")
[['بالرقه', 'الرقه'], ['اشتباكات']]
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.arabic.normalise import normalise
from marsad.arabic.tokenise import stem_candidates

__all__ = ["fold_key", "search_words", "search_terms", "fts5_query", "tsquery", "actors_named", "SEARCH_FIELDS",
           "source_texts"]

# Folds on top of the normaliser's, for matching only: the hamza seats a writer may or may not use
# (مسؤول / مسئول / مسؤل).
_HAMZA_SEATS = str.maketrans({"ؤ": "و", "ئ": "ي"})
_WORD = re.compile(r"[^\W_]+")
# The record fields whose words an event is found by (the ``text`` filter): what happened, where,
# who, who reported it, and the words of the reports quoted as evidence; and its own id, so that an
# id pasted in the filter finds its event (``ev-c1c5c16ce4d251ee``: the words ``ev`` and
# ``c1c5c16ce4d251ee``). Other ids, URLs, dates, the matcher's and the geocoder's explanations are
# left out.
SEARCH_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "country",
                 "admin1", "admin2", "location", "attribution", "notes", "merge_notes", "source", "event_id")
# Fields of each source's entry in a record (``record["sources"]``) that are searched too.
SOURCE_FIELDS = ("source", "location", "attribution")
# The count the merge adds to a merged event's notes (marsad.store.dedup.merge): not searched, so
# that a merge that only adds a source leaves the event's search words, and its full-text entry, as
# they were. An analyst's own note is searched whole.
_SOURCE_COUNT = re.compile(r"\s*Reported by \d+ sources\.\s*$")
# A word shorter than this is not indexed as a stem (a proclitic set aside must leave a word).
MIN_STEM = 3
# The most words one event is indexed by (an edited note of 20,000 characters stays bounded).
MAX_WORDS = 4000


# character -> its folded form, as marsad.arabic.normalise folds it (filled as characters are met)
_FOLDED: dict[int, str] = {}


def _fold(text: str) -> str:
    """``text`` folded character by character as :func:`marsad.arabic.normalise.normalise` folds
    it (without its offset map and space handling, which words do not need; the search is a
    writer's cost on every event it stores), and the hamza seats on top."""
    for ch in set(text):
        if ord(ch) not in _FOLDED:
            _FOLDED[ord(ch)] = normalise(ch).text.translate(_HAMZA_SEATS) or (" " if ch.isspace() else "")
    return text.translate(_FOLDED)


@lru_cache(maxsize=4096)
def fold_key(value: str | None) -> str | None:
    """The folded form a name is filtered by (``events.country_key`` and the like); None stays None."""
    if value is None:
        return None
    return " ".join(_fold(str(value)).split())


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


def source_texts(source) -> list[str]:
    """The texts of one source (an entry of ``record["sources"]``, or a report's record) that its
    event is found by too: its outlet, place and attribution (``SOURCE_FIELDS``)."""
    if not isinstance(source, dict):
        return []
    return [t for f in SOURCE_FIELDS for t in _texts(source.get(f))]


def search_words(record: dict) -> str:
    """The words an event is found by, folded, each once: every word of the ``SEARCH_FIELDS`` of
    its record, of its sources' outlets, places and attributions, and of the report text quoted as
    evidence, with each Arabic word's forms without proclitics (و ف ب ل ك ال: ``بالرقة`` is also
    ``الرقه`` and ``رقه``), space-separated, in order. The count of sources the merge appends to the
    notes ("Reported by 3 sources.") is left out: it changes at every merge. ``record`` is a stored
    event record (or a merged one with its ``evidence`` and ``sources``)."""
    counted = "notes" not in (record.get("edited_fields") or ())  # the notes are the merge's, not an analyst's
    texts = [_SOURCE_COUNT.sub("", t) if f == "notes" and counted else t
             for f in SEARCH_FIELDS for t in _texts(record.get(f))]
    for source in record.get("sources") or ():
        texts.extend(source_texts(source))
    for items in (record.get("evidence") or {}).values():
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                texts.append(item["text"])
    words: set[str] = set()
    for text in texts:
        words.update(_words_of(text))
    return " ".join(sorted(words)[:MAX_WORDS])


@lru_cache(maxsize=20_000)
def _words_of(text: str) -> frozenset[str]:
    """The folded words of one text and their forms without proclitics (the texts of a record
    recur: an event's evidence at each of its merges, the names of actors, places and outlets)."""
    words: set[str] = set()
    for word in _WORD.findall(_fold(text)):
        if word not in words:
            words.add(word)
            words.update(form for form, cost in stem_candidates(word) if cost and len(form) >= MIN_STEM)
    return frozenset(words)


def search_terms(text: str) -> list[list[str]]:
    """The words of a ``text`` filter, folded, each with the forms it may be found by: itself and,
    when it carries proclitics before ال, its definite form (``بالرقة`` -> ``الرقه``). Every word
    must be found (AND); each form matches as the start of an indexed word, so ``قصف`` finds
    ``قصفت`` and, through the indexed stems, ``بالقصف``."""
    terms = []
    for word in dict.fromkeys(_WORD.findall(_fold(text))):
        forms = [word] + [f for f, cost in stem_candidates(word) if cost and f.startswith("ال") and len(f) > 3]
        terms.append(list(dict.fromkeys(forms)))
    return terms


def fts5_query(terms: list[list[str]]) -> str:
    """An SQLite FTS5 MATCH expression: every word (AND), any of its forms (OR), each a prefix."""
    return " AND ".join("(" + " OR ".join(f'"{form}"*' for form in forms) + ")" for forms in terms)


def tsquery(terms: list[list[str]]) -> str:
    """A PostgreSQL ``to_tsquery('simple', ...)`` expression with the same meaning as :func:`fts5_query`
    (the words are letters and digits only, so nothing in them is an operator)."""
    return " & ".join("(" + " | ".join(f"{form}:*" for form in forms) + ")" for forms in terms)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, frozenset[str]]:
    """Folded alias -> the canonical actors of the knowledge base it names (``kb/data/actors.tsv``)."""
    from marsad.kb import load_table, split_list

    out: dict[str, set[str]] = {}
    for row in load_table("actors.tsv", required=("canonical", "inter")):
        for alias in [row["canonical"]] + split_list(row.get("aliases_ar", "")) + split_list(row.get("aliases_en", "")):
            out.setdefault(fold_key(alias), set()).add(row["canonical"])
    return {alias: frozenset(names) for alias, names in out.items()}


def actors_named(query: str) -> list[str]:
    """The knowledge base's actors that ``query`` names by one of their aliases, whole (``داعش``,
    ``تنظيم الدولة``, ``ISIS`` -> Islamic State), its first word with or without proclitics
    (``بداعش``) and folded as the filters fold names.

    >>> actors_named("بداعش")
    ['Islamic State']
    """
    words = (fold_key(query) or "").split()
    if not words:
        return []
    aliases = _aliases()
    found: set[str] = set()
    for first, _ in stem_candidates(words[0]):
        found.update(aliases.get(" ".join([first] + words[1:]), ()))
    return sorted(found)
