"""Ingest: read articles, skip the ones stored already, extract the rest, store them.

>>> store = open_store("sqlite:///:memory:")                     # doctest: +SKIP
>>> ingest(store, read_inputs(["examples/multisource.jsonl"]))   # doctest: +SKIP

This is the layer above the store: it drives the readers' output through a runner
(:mod:`marsad.runner`: this process, local worker processes or Dask) and hands each
extracted batch to the store's one writer (:meth:`marsad.store.Store.write_batch`), in
input order. The store itself only stores. What passes between the stages are the record types of
:mod:`marsad.model`: :class:`~marsad.model.Article` and :class:`~marsad.model.Rejected` from
the readers, one :class:`~marsad.model.Extracted` (its :class:`~marsad.model.Event` records and
the gazetteer :class:`~marsad.model.Place` entries they chose) per article from the runner.
"""
from __future__ import annotations

import sys
from typing import Iterable, Iterator

from marsad.budget import Budget
from marsad.model import Article, Rejected
from marsad.store import IngestSummary, Store
from marsad.store.partitions import Partition
from marsad.validation import article_problem

__all__ = ["ingest", "IngestSummary", "DEFAULT_BATCH"]

# Articles per write transaction: an interrupted run keeps whole batches.
DEFAULT_BATCH = 32


def ingest(store: Store, items: Iterable, *, progress: bool = False, runner=None,
           batch_size: int = DEFAULT_BATCH, budget: Budget | None = Budget(),
           partition: Partition | None = None, min_confidence: float | None = None) -> IngestSummary:
    """Store articles and their events; ``items`` are Articles and readers' Rejected records.

    Articles go in batches of ``batch_size``: those already stored (same text hash or URL)
    are skipped before extraction, the rest are extracted by ``runner`` (this process by
    default; see :mod:`marsad.runner` for worker processes and Dask) and written in input
    order, one transaction per batch. A run stopped at any point keeps whole batches only,
    and running it again finishes the job with the same events. ``budget``: the time and
    size one article's extraction may take (:mod:`marsad.budget`); an article over it is
    rejected (E110, E104) and kept in ``rejected``, the others are stored. ``partition``: write
    as one of a backfill's concurrent writers (:mod:`marsad.store.partitions`).
    ``min_confidence``: records under it are not stored, and counted in ``held_back`` (default:
    the confidence model's threshold, as ``marsad extract``; 0 stores every record)."""
    from marsad.runner import InProcess, places_of

    runner = runner or InProcess()
    runner.budget = budget
    runner.min_confidence = min_confidence
    from marsad.store.local_places import local_places
    runner.local_places = local_places(store)  # analysts' places, loaded where the batches are extracted
    if partition is not None:
        store.prepare_partition()
    summary = IngestSummary()
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)
    try:
        for batch, results in runner.map(_new_batches(store, items, summary, batch_size, bar)):
            for result in results:  # a runner that did not look up the places the events chose
                if result.events and result.places is None:
                    result.places = places_of(result.events)
            summary.held_back += sum(r.held_back for r in results)
            store.write_batch(batch, results, summary, partition)
            if bar is not None:
                bar.update(len(batch))
    finally:
        if bar is not None:
            bar.close()
    return summary


def _new_batches(store: Store, items: Iterable, summary: IngestSummary, size: int, bar) -> Iterator[list[Article]]:
    """Batches of the articles not stored yet; rejected inputs are kept on the way."""
    batch: list[Article] = []

    def unknown(chunk: list[Article]) -> list[Article]:
        seen_hashes, seen_urls = store.known(chunk)
        fresh = [a for a in chunk if a.text_hash not in seen_hashes and not (a.url and a.url in seen_urls)]
        summary.known += len(chunk) - len(fresh)
        if bar is not None and len(chunk) > len(fresh):
            bar.update(len(chunk) - len(fresh))
        return fresh

    for item in items:
        if not isinstance(item, Rejected) and (problem := article_problem(item)) is not None:
            item = Rejected.for_article(item, problem + ".", "E108")  # what no column can hold
            summary.failed.append(str(item))
        if isinstance(item, Rejected):
            summary.rejected += 1
            store.store_rejected(item.where, item.code, item.reason, item.sample)
            continue
        summary.read += 1
        batch.append(item)
        if len(batch) >= size:
            fresh = unknown(batch)
            batch = []
            if fresh:
                yield fresh
    if batch:
        fresh = unknown(batch)
        if fresh:
            yield fresh
