"""Event assembly (placeholder until the assembly stage lands)."""
from __future__ import annotations

from marsad.model import Article, Event


def assemble_events(article: Article) -> list[Event]:
    return []
