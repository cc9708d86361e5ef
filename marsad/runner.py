"""Where extraction runs during ingest: in this process, in local worker processes, or on Dask.

Ingest cuts its input into bounded batches of articles and hands each batch to a
runner, which extracts the events of every article (the CPU-heavy part) and gives
the results back **in input order**; one writer then stores them and deduplicates
against the database. Because the writer sees the same articles in the same order
whichever runner extracted them, the stored events are the same for
``--workers 1``, ``--workers N`` and ``--dask``, and deduplication is correct
across batches and workers.

At most ``window`` batches are in flight at once, so memory stays flat however
large the corpus: the reader is only asked for the next batch when one is done.

>>> with open_runner(workers=2) as run:                      # doctest: +SKIP
...     for batch, results in run.map(batches):
...         ...
"""
from __future__ import annotations

import os
from collections import deque
from typing import Callable, Iterable, Iterator

from marsad.budget import Budget
from marsad.errors import KnowledgeBaseError, MarsadError, UsageError
from marsad.model import Article, Event, Extracted, Place

__all__ = ["Extracted", "extract_batch", "places_of", "Runner", "InProcess", "LocalPool", "DaskRunner", "open_runner"]


def places_of(events: list[Event]) -> list[Place]:
    """The gazetteer entries of the places chosen in ``events``, each once, in order."""
    from marsad.geo.gazetteer import load_gazetteer

    found: dict[str, Place] = {}
    for event in events:
        pid = event.chosen_place_id()
        if pid and pid not in found and (place := load_gazetteer().get(pid)) is not None:
            found[pid] = place
    return list(found.values())


def extract_batch(articles: list[Article], local_places: list | None = None,
                  budget: Budget | None = Budget(), min_confidence: float | None = None) -> list[Extracted]:
    """Extract every article of a batch; an article that fails is reported, not fatal.
    A broken knowledge base is the same for every article, so it stops the run.
    ``local_places``: the database's local gazetteer entries, loaded first in the process that
    extracts (a worker) unless it has them already. ``budget``: the time and size each article
    may take; one over it is reported (E110, E104) and the next one extracted. ``min_confidence``:
    records under it are held back and counted (default: the confidence model's threshold)."""
    from marsad.pipeline import extract_article

    if local_places is not None:
        from marsad.geo.gazetteer import register_local_places
        register_local_places(local_places)

    out = []
    for article in articles:
        try:
            held: list[Event] = []
            events = extract_article(article, budget, min_confidence, held)
            out.append(Extracted(events, places=places_of(events), held_back=len(held)))
        except KnowledgeBaseError:
            raise
        except MarsadError as exc:  # over its budget, or an input marsad refuses: the message says why
            out.append(Extracted(error=exc.message, code=exc.code))
        except Exception as exc:  # one article must not stop the others
            out.append(Extracted(error=f"extraction failed: {type(exc).__name__}: {exc}",
                                 code=getattr(exc, "code", "E199")))
    return out


# How often a worker process checks that the process that started it is still alive.
PARENT_CHECK_S = 1.0


def _warm() -> None:
    """When a worker process starts: watch its parent, then load the knowledge base and the
    gazetteer once."""
    _exit_with_parent()
    from marsad.geo.gazetteer import load_gazetteer

    load_gazetteer()


def _exit_with_parent() -> None:
    """End this worker when the ingest that started it is gone (kill -9, SIGTERM): its parent
    changes, and a worker left behind would hold hundreds of MB and the resource tracker forever."""
    import os
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_S)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="marsad-parent-watch", daemon=True).start()


def _in_order(submit: Callable, batches: Iterable[list[Article]], window: int) -> Iterator[tuple[list, list]]:
    """Submit batches with at most ``window`` in flight; yield (batch, results) in input order."""
    pending: deque = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


class Runner:
    """Extracts batches; ``map`` yields (batch, list of Extracted) in input order."""

    label = "runner"
    # the local gazetteer entries every batch is extracted with (set by Store.ingest)
    local_places: list | None = None
    # the time and size each article may take (set by Store.ingest)
    budget: Budget | None = Budget()
    # records under this confidence are held back (None: the model's threshold; set by ingest)
    min_confidence: float | None = None

    def map(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Extracted]]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> "Runner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class InProcess(Runner):
    """Extraction in this process, batch after batch."""

    label = "1 process"

    def map(self, batches):
        for batch in batches:
            yield batch, extract_batch(batch, self.local_places, self.budget, self.min_confidence)


class LocalPool(Runner):
    """Extraction in ``workers`` local processes (spawned, each loading the gazetteer once)."""

    def __init__(self, workers: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.label = f"{workers} local worker processes"
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_warm)

    def map(self, batches):
        yield from _in_order(lambda b: self.pool.submit(extract_batch, b, self.local_places, self.budget, self.min_confidence), batches,
                             window=2 * self.workers + 1)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner(Runner):
    """Extraction on a Dask distributed cluster: ``address`` is a scheduler (tcp://host:8786), or
    "local" for a ``LocalCluster`` of ``workers`` processes with one thread each on this machine.
    Workers need marsad installed; the database is written by this process only."""

    def __init__(self, address: str, workers: int = 2):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--dask needs the 'distributed' package: pip install 'dask[distributed]'") from None
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout=30)
            except OSError as exc:
                raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.client.run(_warm)
        n = len(self.client.scheduler_info().get("workers", {})) or workers
        self.workers = n
        self.label = f"Dask, {n} workers ({address})"

    def map(self, batches):
        yield from _in_order(lambda b: self.client.submit(extract_batch, b, self.local_places, self.budget, self.min_confidence, pure=False), batches,
                             window=2 * self.workers + 1)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def open_runner(workers: int = 1, dask: str | None = None) -> Runner:
    """The runner for ``--workers N`` / ``--dask ADDRESS``."""
    if dask:
        return DaskRunner(dask, workers=workers if workers > 1 else 2)
    if workers < 1:
        raise UsageError("--workers must be 1 or more")
    if workers == 1:
        return InProcess()
    return LocalPool(workers)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)
