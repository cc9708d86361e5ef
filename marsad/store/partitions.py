"""A backfill on many machines: writers of disjoint partitions, then a pass over their boundaries.

A partition is a window of event dates, optionally of some countries only::

    marsad ingest --partition 2023-01-01..2023-06-30 --db postgresql://... part-1/
    marsad ingest --partition 2023-07-01..2023-12-31 --db postgresql://... part-2/
    marsad ingest --partition Iraq:2023-01-01..2023-12-31 --db postgresql://... iraq/
    marsad merge-boundary --db postgresql://...

Each machine ingests the articles of its own partition (say, those published in its window)
into the same PostgreSQL database, at the same time as the others. Its writer takes the lock of
its partition and the writers' lock shared (every writer without a partition waits), draws keys
from the tables' sequences, and compares a report only with the events of its partition: those
whose first day lies in its window (and whose country is one of its countries). That is what
makes concurrent writers safe: no two of them ever touch the same event.

A report that could belong to an event beyond the partition (its event is in another country, or
its candidate search reaches past the window: a report of the last days of June may be one of an
event of early July, and events dated to a range may have begun two months before a report) and
that matches nothing within it starts an event of its own, whose source is marked
``boundary pending`` (``BOUNDARY_PENDING``). When all partitions are in, ``marsad merge-boundary``
takes each marked source in turn, in the order stored, compares it with every event as the
one writer would, merges its event into the best match (its sources move there) or leaves it
as it is, and clears the mark. Countries never straddle: reports are only ever merged with
events of their own country.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from marsad.errors import UsageError
from marsad.store import (_COMPARED_IN_ADMIN1, _COMPARED_NEAR, BOUNDARY_PENDING, CANDIDATE_EVENTS, MATCH_SOURCES, Store,
                          _ranked, _search, dedup)
from marsad.store.schema import edits, event_sources, events

__all__ = ["Partition", "BoundarySummary", "merge_boundary"]

# Marked sources the boundary pass takes per transaction.
BOUNDARY_BATCH = 200
# A candidate search's ``keep`` that returns every source of each event.
EVERY_SOURCE = 2**31 - 1


@dataclass(frozen=True)
class Partition:
    """Events whose first day is within ``since`` .. ``until`` (both included) and, when
    ``countries`` are given, whose country is one of them."""

    since: date
    until: date
    countries: tuple[str, ...] = ()

    @classmethod
    def parse(cls, spec: str) -> "Partition":
        """``SINCE..UNTIL`` or ``COUNTRY[,COUNTRY...]:SINCE..UNTIL``, dates as YYYY-MM-DD:
        ``2023-01-01..2023-06-30``, ``Syria,Iraq:2023-01-01..2023-06-30``."""
        countries, colon, window = spec.rpartition(":")
        since, sep, until = window.partition("..")
        try:
            first, last = date.fromisoformat(since.strip()), date.fromisoformat(until.strip())
        except ValueError:
            first = last = None
        if not sep or first is None or last is None or last < first:
            raise UsageError(f"a partition is SINCE..UNTIL or COUNTRY[,COUNTRY]:SINCE..UNTIL with dates as "
                             f"YYYY-MM-DD, the first not after the last (2023-01-01..2023-06-30), not {spec[:80]!r}")
        names = tuple(sorted({c.strip() for c in countries.split(",") if c.strip()}))
        if colon and not names:
            raise UsageError(f"no country named before the window in {spec[:80]!r}")
        return cls(first, last, names)

    def __str__(self) -> str:
        window = f"{self.since.isoformat()}..{self.until.isoformat()}"
        return f"{','.join(self.countries)}:{window}" if self.countries else window

    @property
    def lock_key(self) -> int:
        """The partition's own PostgreSQL advisory lock (two runs of one partition take turns)."""
        return int.from_bytes(hashlib.sha256(str(self).encode()).digest()[:4], "big", signed=True)

    def narrow(self, params: dict | None) -> tuple[dict | None, bool]:
        """A candidate search (``marsad.store._search``) kept to this partition's events, and
        whether the search reached beyond them (the report is then deferred to the boundary pass
        if nothing here matches). An event's first day must lie in the window: the search's
        bounds on it are narrowed to the window, so that the same statements answer it."""
        if params is None:  # an undated report is compared with nothing, here or anywhere
            return None, False
        if self.countries and params["country"] not in self.countries:
            return None, True
        beyond = params["earliest"] < self.since or params["until"] > self.until
        return dict(params, recent=max(params["recent"], self.since), earliest=max(params["earliest"], self.since),
                    until=min(params["until"], self.until)), beyond


@dataclass
class BoundarySummary:
    checked: int = 0
    merged: int = 0
    merged_into: list[tuple[str, str]] = field(default_factory=list)  # (event id gone, event id kept)

    def line(self) -> str:
        return f"reports at a partition boundary checked {self.checked}, events merged {self.merged}"


def merge_boundary(store: Store, *, batch: int = BOUNDARY_BATCH) -> BoundarySummary:
    """Compare every report a partition's writer left ``boundary pending`` with all events, as the
    one writer would, in the order the reports were stored; merge its event into the best match
    (moving its sources there) or leave it, and clear the mark. Run it when the partitions'
    ingests are done; it takes the writers' lock alone, one transaction per ``batch`` reports, so
    it can be stopped and run again."""
    summary = BoundarySummary()
    while True:
        with store._writing() as conn:
            marked = conn.execute(select(event_sources.c.id).where(event_sources.c.match_rule == BOUNDARY_PENDING)
                                  .order_by(event_sources.c.id).limit(batch)).scalars().all()
            for source_key in marked:
                _settle(store, conn, source_key, summary)
            store._sync_sequences(conn)
        if len(marked) < batch:
            return summary


def _stored_before(rows: list, key: int) -> list:
    """Of a candidate search's rows (every source of every event it finds, in the order of their
    keys, with each event's place in the order of candidates), the sources stored before ``key`` of
    the first ``CANDIDATE_EVENTS`` events that have one: each event's first and latest
    ``MATCH_SOURCES - 1``, without the last two columns (as ``Store._candidates`` gives them)."""
    rows, ranks = _ranked(rows)
    by_event: dict[int, list] = {}
    for row in rows:
        if row[6] < key:
            by_event.setdefault(row[0], []).append(row)
    first = set(sorted(by_event, key=lambda ev: ranks[ev] + (-ev,))[:CANDIDATE_EVENTS])
    keep = MATCH_SOURCES - 1
    kept = [row for ev, group in by_event.items() if ev in first
            for nth, row in enumerate(group) if nth == 0 or nth >= len(group) - keep]
    kept.sort(key=lambda row: row[6])
    return kept


def _settle(store: Store, conn, source_key: int, summary: BoundarySummary) -> None:
    """Compare one marked report with every event; merge its event into the best match."""
    ev_pk, stored, words, text = conn.execute(
        select(event_sources.c.event, event_sources.c.record, event_sources.c.match_text,
               event_sources.c.evidence_text).where(event_sources.c.id == source_key)).one()
    summary.checked += 1
    conn.execute(event_sources.update().where(event_sources.c.id == source_key).values(match_rule=None))
    record = json.loads(stored)
    params = _search(record)
    best = None
    has_edits = conn.execute(select(edits.c.id).where(edits.c.event == ev_pk).limit(1)).first() is not None
    if params is not None and not has_edits:  # an event an analyst has corrected stays as it is
        # every source of each candidate; compared are those stored before this report (the first
        # and the latest MATCH_SOURCES - 1 of them), as the one writer would have compared it
        rows = conn.execute(_COMPARED_NEAR if "cells" in params else _COMPARED_IN_ADMIN1,
                            dict(params, keep=EVERY_SOURCE, skip=EVERY_SOURCE, limit=EVERY_SOURCE)).all()
        # events that hold a report of an article this event holds one of stay apart from it, as
        # an article's own events do in the writer
        taken = set(conn.execute(select(event_sources.c.event).where(event_sources.c.article.in_(
            select(event_sources.c.article).where(event_sources.c.event == ev_pk)))).scalars())
        shingles = dedup.word_shingles(words) if words is not None else dedup.shingles(text)
        best = store._best_match(record, shingles, taken | {ev_pk}, _stored_before(rows, source_key))
    if best is None:
        store._refresh(conn, ev_pk)  # its record names the source's rule: none now
        return
    target, match = best
    gone, kept = (conn.execute(select(events.c.event_id).where(events.c.id == key)).scalar_one()
                  for key in (ev_pk, target))
    conn.execute(event_sources.update().where(event_sources.c.event == ev_pk).values(event=target))
    conn.execute(event_sources.update().where(event_sources.c.id == source_key)
                 .values(match_rule=match.rule, match_score=match.score))
    store._refresh(conn, target)
    store._refresh(conn, ev_pk, merged_into=target)  # no sources left: the event goes, its tombstone says where
    summary.merged += 1
    summary.merged_into.append((gone, kept))

