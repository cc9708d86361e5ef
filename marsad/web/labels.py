"""The data's own words in the interface's language: event types, sub-event types and actor names
in Arabic, from data files (``ui.yaml``'s ``event_labels_ar`` and ``actor_patterns_ar``, the
knowledge base's ``actors.tsv`` and ``countries.tsv``). English is the data as stored.

>>> actor_label("Islamic State", "ar"), actor_label("Civilians (Iraq)", "ar")
('داعش', 'مدنيون (العراق)')
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from marsad.errors import KnowledgeBaseError
from marsad.kb import load_table, split_list

__all__ = ["event_label", "actor_label", "actor_labels", "event_labels"]

UI = Path(__file__).parent / "ui.yaml"


@lru_cache(maxsize=1)
def _ui() -> dict:
    return yaml.safe_load(UI.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def event_labels() -> dict[str, str]:
    """Event type or sub-event type -> its Arabic label (checked: text, one per name)."""
    labels = _ui().get("event_labels_ar") or {}
    for name, label in labels.items():
        if not isinstance(label, str) or not label.strip():
            raise KnowledgeBaseError(f"event_labels_ar: {name!r} needs an Arabic label", where=str(UI))
    return dict(labels)


def event_label(name: str | None, lang: str) -> str:
    if not name:
        return ""
    return event_labels().get(name, name) if lang == "ar" else name


@lru_cache(maxsize=1)
def actor_labels() -> dict[str, str]:
    """Canonical actor name (``actors.tsv``) -> its first Arabic alias."""
    out = {}
    for row in load_table("actors.tsv", required=("canonical", "aliases_ar")):
        names = split_list(row["aliases_ar"] or "")
        if names:
            out[row["canonical"]] = names[0]
    return out


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern, str]]:
    out = []
    for english, arabic in (_ui().get("actor_patterns_ar") or {}).items():
        if not isinstance(arabic, str) or english.count("{country}") != arabic.count("{country}"):
            raise KnowledgeBaseError(f"actor_patterns_ar: {english!r} and its Arabic must both have {{country}} "
                                     f"or neither", where=str(UI))
        pattern = re.escape(english).replace(re.escape("{country}"), r"(?P<country>.+?)")
        out.append((re.compile(pattern + r"(?P<rest>\s*\(\d{4}-\d{0,4}\))?$"), arabic))
    return out


@lru_cache(maxsize=1)
def _countries_ar() -> dict[str, str]:
    return {row["name"]: (split_list(row["names_ar"] or "") or [row["name"]])[0]
            for row in load_table("countries.tsv", required=("code", "name", "names_ar"))}


@lru_cache(maxsize=4096)
def actor_label(name: str | None, lang: str) -> str:
    """An actor's name in ``lang``: Arabic from the knowledge base's first alias, or from the pattern
    of a name made from a country's (Military Forces of Syria), else the stored name."""
    if not name or lang != "ar":
        return name or ""
    if name in actor_labels():
        return actor_labels()[name]
    for pattern, arabic in _patterns():
        found = pattern.match(name)
        if found:
            country = found.groupdict().get("country")
            return arabic.replace("{country}", _countries_ar().get(country, country or "")) if country else arabic
    return name
