"""The extraction pipeline, visible in one place.

``extract_article(article)`` runs the stages in order on one article:

1. ``make_doc``            normalise (with offset map), tokenise, split sentences
2. ``find_dates``          date expressions, resolved against the publication date
3. ``find_quantities`` / ``find_casualties``   numbers and death/injury counts
4. ``find_actors``         actor mentions, back-references, attribution
5. ``find_places``         place mentions, gazetteer candidates, roles
6. ``find_triggers``       event-type expressions, with negation/modality filter
7. ``assemble_events``     one event per actor pair, place and day; fatalities; evidence
"""
from __future__ import annotations

from datetime import date

from marsad.model import Article, Event


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def extract_article(article: Article) -> list[Event]:
    from marsad.events import assemble_events  # imported late: heavy knowledge base
    return assemble_events(article)


def extract(text: str, published: date | str | None = None, *, source: str | None = None,
            url: str | None = None, article_id: str | None = None, language: str = "ar") -> list[Event]:
    """Event records for one article text.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates such as
    ``أمس``; without it, and without an absolute date in the text, event dates
    are null.
    """
    article = Article(text=text, id=article_id, published=_as_date(published), source=source,
                      url=url, language=language)
    return extract_article(article)
