"""The extraction pipeline, visible in one place.

``STAGES`` is the ordered list; each stage is a function over one article's
:class:`~marsad.stages.analysis.Analysis` that reads the layers named in ``reads`` and
fills those in ``writes``:

1. ``triggers``     event-type words, with negation/modality/background filters
2. ``places``       place mentions, gazetteer candidates, roles, resolved places
3. ``actors``       actor mentions, back-references, attribution (بحسب ...)
4. ``dates``        date expressions, resolved against the publication date
5. ``casualties``   numbers tied to death and injury expressions
6. ``clauses``      sentences cut into clauses and units (a main clause and its dependents)
7. ``discourse``    event words a discourse move holds back (any, a plan, a comparison, an
                    anniversary, the future); the article's own date (never a recap's)
8. ``frames``       one frame per reporting trigger and event place of its unit: date and type
9. ``groups``       frames coded as one event (type, town, day); summaries merged
10. ``records``     one record per group: tolls, actors by role, evidence, notes
11. ``confidence``  each record's probability of being coded (a fitted model over its traits)

``extract_article(article)`` runs them all and holds back the records under the confidence
threshold (``min_confidence``; 0 keeps them all); ``analyse(text, upto="frames")`` runs them up
to a stage and returns the analysis, for tests and for looking inside.

Each article runs within a :class:`~marsad.budget.Budget` (time and size): the deadline is
checked before every stage and inside the stages' loops over events, so one document that
would take too long is rejected (:class:`~marsad.budget.BudgetExceeded`) instead of stalling
the run.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from marsad.budget import Budget, at_stage, extraction_deadline
from marsad.model import Article, Event
from marsad.once import once


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable
    reads: tuple[str, ...]
    writes: tuple[str, ...]


def _stages() -> list[Stage]:
    from marsad.stages import assembly, clauses, confidence, discourse, frames, grouping, mentions
    return [
        Stage("triggers", mentions.find_trigger_words, ("doc",), ("hits",)),
        Stage("places", mentions.find_place_mentions, ("doc", "hits"), ("places", "published")),
        Stage("actors", mentions.find_actor_mentions, ("doc", "hits", "places", "published"), ("actors", "attributions")),
        Stage("dates", mentions.find_date_mentions, ("doc", "published"), ("dates",)),
        Stage("casualties", mentions.find_casualty_counts, ("doc",), ("casualties",)),
        Stage("clauses", clauses.segment_clauses, ("doc", "hits", "dates"), ("clauses",)),
        Stage("discourse", discourse.date_article, ("dates", "hits", "clauses", "casualties", "published"),
              ("hits", "default_when")),
        Stage("frames", frames.build_frames, ("hits", "clauses", "places", "actors", "dates", "casualties", "default_when"),
              ("frames",)),
        Stage("groups", grouping.group_frames, ("frames",), ("groups",)),
        Stage("records", assembly.build_records, ("groups", "casualties", "actors", "attributions"), ("events",)),
        Stage("confidence", confidence.score_records, ("events", "published"), ("events",)),
    ]


_STAGES: list[Stage] | None = None


def stages() -> list[Stage]:
    """The stages in order (built on first use: the knowledge base is heavy to import)."""
    global _STAGES
    if _STAGES is None:
        _STAGES = _stages()
    return _STAGES


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def analyse(article: Article | str, published: date | str | None = None, *, upto: str | None = None,
            budget: Budget | None = None):
    """Run the stages on one article (or a text) up to and including ``upto``; the analysis.
    ``budget``: the time and size it may use (default: no limit)."""
    from marsad.arabic.slugs import mask_slugs
    from marsad.arabic.tokenise import make_doc
    from marsad.stages.analysis import Analysis
    if isinstance(article, str):
        article = Article(text=article, published=_as_date(published))
    names = [s.name for s in stages()]
    if upto is not None and upto not in names:
        raise ValueError(f"no stage {upto!r}; stages: {', '.join(names)}")
    if budget is not None and budget.max_seconds is not None:
        _loaded()  # the knowledge base loads on first use: its time is not this article's
    with extraction_deadline(budget, article.article_id, len(article.text)):
        at_stage("tokenise")
        a = Analysis(article=article, doc=make_doc(mask_slugs(article.text)), published=article.published)
        for stage in stages():
            if a.done:
                break
            at_stage(stage.name)
            stage.run(a)
            if stage.name == upto:
                break
    return a


# A short report that goes through every stage: extracting it once loads what the stages
# build on first use (lexicons, the gazetteer, the matchers).
_WARM_UP = ("قتل خمسة مدنيين أمس في قصف مدفعي نفذته قوات النظام السوري على مدينة سراقب في ريف إدلب، "
            "بحسب المرصد السوري لحقوق الإنسان. وأصيب عشرة آخرون بجروح، واندلعت اشتباكات بين هيئة تحرير "
            "الشام والجيش الوطني السوري في 3 آذار 2024.")


@once
def _loaded() -> bool:
    """Extract the warm-up report once per process, without a budget."""
    analyse(Article(text=_WARM_UP, id="warm-up", published=date(2024, 3, 5)))
    return True


def extract_article(article: Article, budget: Budget | None = Budget(), min_confidence: float | None = None,
                    held_back: list[Event] | None = None) -> list[Event]:
    """Event records for one article, within ``budget`` (default: 120 s and 2,000,000
    characters; None for no limit). Over budget: :class:`~marsad.budget.BudgetExceeded`.
    Records whose confidence is under ``min_confidence`` (default: the confidence model's
    threshold; 0 keeps every record) are left out, and added to ``held_back`` when given."""
    from marsad.stages.confidence import default_threshold

    floor = default_threshold() if min_confidence is None else min_confidence
    kept = []
    for event in analyse(article, budget=budget).events:
        if event.confidence >= floor:
            kept.append(event)
        elif held_back is not None:
            held_back.append(event)
    return kept


def extract(text: str, published: date | str | None = None, *, source: str | None = None,
            url: str | None = None, article_id: str | None = None, language: str = "ar",
            budget: Budget | None = Budget(), min_confidence: float | None = None) -> list[Event]:
    """Event records for one article text.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates such as
    ``أمس``; without it, and without an absolute date in the text, event dates
    are null. ``budget`` bounds the time and length one text may take
    (``Budget(max_seconds=5)``; None for no limit). ``min_confidence``: see
    :func:`extract_article`.
    """
    article = Article(text=text, id=article_id, published=_as_date(published), source=source,
                      url=url, language=language)
    return extract_article(article, budget, min_confidence)
