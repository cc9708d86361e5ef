"""A marsad dataset in a relational database: store, deduplicate, correct, query.

>>> store = open_store("sqlite:///:memory:")          # doctest: +SKIP
>>> ingest(store, read_inputs(["examples/multisource.jsonl"]))   # doctest: +SKIP (marsad.ingest)

The database is an SQLite file by default (``marsad.db`` in the working
directory, or ``$MARSAD_DB``), in WAL mode, or PostgreSQL given a
``postgresql://`` URL; the same code runs on both. The schema is created and
upgraded by Alembic (``marsad/store/migrations``) when a store is opened.

Articles are ingested in batches, one transaction per batch: the articles'
rows, their events, sources and merges are committed together or not at all,
so an ingest killed at any point leaves a consistent database, and running it
again skips the articles already stored (same text hash or same URL) and
finishes the rest with the same events. Reading and extraction are driven from
:mod:`marsad.ingest` (extraction may run elsewhere, :mod:`marsad.runner`); the store's
``write_batch`` is the one writer, in input order.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import sqlite3
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterator
from urllib.parse import quote

from sqlalchemy import (Date, Float, Integer, and_, bindparam, case, create_engine, event, func, literal, or_, select,
                        text, union, union_all)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from marsad.errors import NotFoundError, StorageError, UsageError
from marsad.model import Article, Event, Extracted, Place, Rejected
from marsad.store import dedup
from marsad.store.filters import event_filters  # noqa: F401 - the filters are the store's API too
from marsad.store.search import fold_key, search_words, source_texts
from marsad.store.schema import (actors, articles, edits, event_sources, events, no_merge, places, rejected,
                                 removed_events)

if TYPE_CHECKING:
    from marsad.store.partitions import Partition
from marsad.validation import (EDIT_RULES, check_event_type, column_size, edit_value, lookup_key,
                               record_problem, storable, text_problem)

__all__ = ["Store", "open_store", "IngestSummary", "database_url", "EDITABLE_FIELDS"]

DEFAULT_DB = "marsad.db"
# The longest note an edit may carry (the API's limit too).
MAX_NOTE = 2_000
# The PostgreSQL advisory lock every marsad write transaction holds ("mrsd"): one writer at a time.
WRITE_LOCK = 0x6D727364
# Stored sources whose matching fields and shingles the writer keeps (recent events are the
# candidates). Every stored source enters the cache, so it is full within the first few hundred
# articles and the writer's memory is level from there on.
SOURCE_CACHE = 500
# Reports of one event a new report is compared with: the first and the latest MATCH_SOURCES - 1, so a
# widely reported event is matched against a bounded set of reports (see _with_compared_sources).
MATCH_SOURCES = 8
# Stored events one report is compared with, at most: a candidate search returns the first
# CANDIDATE_EVENTS of the events it finds (all of the report's type family, near its place or in its
# governorate, within its date window), in the order that keeps the likely matches: those in the
# report's 1-degree place cell first, then those nearest in date (days between the two date ranges,
# 0 when they overlap), then the most recent (largest key). So the sources compared per report are
# bounded (CANDIDATE_EVENTS x MATCH_SOURCES) however busy a town's fortnight gets. Real news can be
# that busy: in the ANT conflict subset (Eastern Ghouta, February 2018) a search finds up to 18
# events, and a bound of 8 or 12 changed its events where 16 does not (docs/performance.md).
CANDIDATE_EVENTS = 16
# Stored events whose date range is longer than this are not merge candidates (a month-precision
# report spans 31 days; anything vaguer is no basis for merging).
LONGEST_RANGE_DAYS = 62
# An event whose date range is at most this many days long (day or week precision: nearly all) is
# looked for only this far back from a new report's range; longer ones as far as LONGEST_RANGE_DAYS.
SHORT_RANGE_DAYS = 7
# SQLite's page cache per connection, in KiB (an upper bound: it fills only as pages are read).
SQLITE_CACHE_KB = 65536
# PostgreSQL: the writer ANALYZEs its tables each time they double, from this many sources on.
ANALYZE_FROM = 256
# A PostgreSQL lock space of its own for the partitions' locks (two-key advisory locks, "mrsd", hash).
PARTITION_LOCKS = 0x6D727364
# A batch a deadlock or serialization failure aborted (concurrent partitions) is written again, this often.
DEADLOCK_RETRIES = 5
RETRYABLE_STATES = ("40P01", "40001")
# The match rule of a report a partition's writer could not compare with every event that might be
# its own (some lie beyond the partition): ``marsad merge-boundary`` compares it and clears the mark.
BOUNDARY_PENDING = "boundary pending"
# Fields an analyst may correct with ``marsad edit`` (what each may hold: marsad.validation.EDIT_RULES).
EDITABLE_FIELDS = tuple(EDIT_RULES)


def database_url(value: str | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, ``$MARSAD_DB`` or the default ``marsad.db``; a plain
    path means an SQLite file, ``postgresql://`` uses psycopg 3."""
    value = value or os.environ.get("MARSAD_DB") or DEFAULT_DB
    if "://" not in value:
        return "sqlite:///" + str(Path(value).expanduser())
    scheme = value.split("://", 1)[0].lower()
    if scheme in ("postgresql", "postgres"):
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    elif scheme not in ("sqlite", "sqlite+pysqlite", "postgresql+psycopg"):
        raise UsageError(f"marsad keeps its data in SQLite (give a file path) or PostgreSQL (a postgresql://"
                         f"user@host:port/database URL), not in {scheme[:40]}://")
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(value)
        url.port  # noqa: B018 - a port that is not a number fails here
    except (ArgumentError, ValueError) as exc:
        raise UsageError(f"not a database URL ({exc}); write postgresql://user@host:port/database or a file "
                         "path") from None
    if url.get_backend_name() == "postgresql" and not url.database:
        raise UsageError("a PostgreSQL URL needs a database name: postgresql://user@host:port/database")
    return value


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    known: int = 0
    rejected: int = 0
    events_created: int = 0
    events_merged: int = 0
    held_back: int = 0  # records under the confidence floor
    failed: list[str] = field(default_factory=list)

    def line(self) -> str:
        held = f"; records held back under the confidence floor {self.held_back}" if self.held_back else ""
        return (f"articles read {self.read}, new {self.new}, already known {self.known}, rejected {self.rejected}; "
                f"events created {self.events_created}, merged into existing {self.events_merged}{held}")


def open_store(url: str | None = None) -> "Store":
    return Store(database_url(url))


class Store:
    def __init__(self, url: str):
        self.url = url
        self.engine, self.read_only = _engine(url)
        self._migrate()
        # what this writer knows is in the database (cleared when a transaction fails)
        self._places_known: set[str] = set()
        self._actors_known: set[str] = set()
        self._sources = _Lru(SOURCE_CACHE)
        self._upserts: dict = {}
        self._article_insert = None
        self._compiled: dict = {}  # statement -> its compiled form (_sqlite_rows)
        self._analyzed_size: int | None = None  # see _keep_statistics

    # ------------------------------------------------------------------ set-up
    def _migrate(self) -> None:
        """Bring the schema to this marsad's head, one process at a time (the writer lock), and
        only when it is behind: a database at head is opened without writing anything, so one on
        read-only storage can be read. A database made by a newer marsad is refused, not touched."""
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        script = ScriptDirectory.from_config(cfg)
        with self.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current == script.get_current_head():
            return
        if current is not None:
            try:
                script.get_revision(current)
            except Exception:
                raise StorageError(
                    f"this database has schema version {current}, which this marsad "
                    f"({__import__('marsad').__version__}, schema {script.get_current_head()}) does not know: "
                    "it was made by a newer marsad. Upgrade marsad to use it.") from None
        if self.read_only:
            raise StorageError(f"this database is on read-only storage and its schema ({current}) is older "
                               f"than this marsad's ({script.get_current_head()}); open it once where it can be "
                               "written to upgrade it")
        with self._writing() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    @contextmanager
    def _writing(self, partition: Partition | None = None) -> Iterator[Connection]:
        """A write transaction, one writer at a time across processes: SQLite takes the database's
        write lock at BEGIN (BEGIN IMMEDIATE, waiting up to 30 s for another writer), PostgreSQL a
        transaction-scoped advisory lock. Each writer therefore sees everything the writers before
        it committed: a migration is run once, an article stored by another run is known, and two
        ingests into one database give the union, deduplicated as if they had run one after the other.

        A writer of a ``partition`` on PostgreSQL holds the lock shared and the lock of its
        partition alone: writers of different partitions write at the same time (each only
        compares with the events of its own partition), and every other writer waits for them."""
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                conn = conn.execution_options(marsad_write=True)
            with conn.begin():
                if self.engine.dialect.name == "postgresql":
                    if partition is None:
                        conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))
                    else:
                        conn.execute(select(func.pg_advisory_xact_lock_shared(WRITE_LOCK),
                                            func.pg_advisory_xact_lock(PARTITION_LOCKS, partition.lock_key)))
                yield conn

    def _insert_new(self, conn: Connection, table, values: dict, returning=None):
        """INSERT ... ON CONFLICT DO NOTHING: a row another writer stored first is left as it is.
        With ``returning``, the new row's column, or None when the row was there already. The
        statement is built once per table and column set, and its compiled form reused."""
        key = (table.name, tuple(values), None if returning is None else returning.name)
        stmt = self._upserts.get(key)
        if stmt is None:
            if self.engine.dialect.name == "postgresql":
                from sqlalchemy.dialects.postgresql import insert
            else:
                from sqlalchemy.dialects.sqlite import insert
            stmt = insert(table).values({name: bindparam(name) for name in values}).on_conflict_do_nothing()
            if returning is not None:
                stmt = stmt.returning(returning)
            self._upserts[key] = stmt
        if returning is not None:
            return conn.execute(stmt, values).scalar()
        return conn.execute(stmt, values).rowcount

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ writing
    def _known(self, chunk: list[Article], conn: Connection | None = None) -> tuple[set[str], set[str]]:
        """The text hashes and URLs of ``chunk`` that the database already holds."""
        hashes = [a.text_hash for a in chunk]
        urls = [a.url for a in chunk if a.url]
        query = select(articles.c.text_hash, articles.c.url).where(
            or_(articles.c.text_hash.in_(hashes), articles.c.url.in_(urls)) if urls else
            articles.c.text_hash.in_(hashes))
        if conn is None:
            with self.engine.connect() as own:
                rows = own.execute(query).all()
        else:
            rows = conn.execute(query).all()
        return {h for h, _ in rows}, {u for _, u in rows if u}

    def known(self, chunk: list[Article]) -> tuple[set[str], set[str]]:
        """The text hashes and URLs of ``chunk`` that the database already holds (ingest skips
        those articles before extracting them)."""
        return self._known(chunk)

    def knows(self, article: Article) -> bool:
        hashes, urls = self._known([article])
        return bool(hashes or urls)

    def write_batch(self, batch: list[Article], results: list[Extracted], summary: IngestSummary,
                    partition: Partition | None = None) -> None:
        """Store one extracted batch (``results``: one :class:`marsad.model.Extracted` per
        article) in one transaction, in input order, adding its counts to ``summary``. This is
        the one writer :func:`marsad.ingest.ingest` drives.

        With a ``partition`` (:class:`marsad.store.partitions.Partition`) the batch is written as
        one of several concurrent writers on PostgreSQL: it takes the lock of its partition only,
        compares reports with the events of its partition only, and leaves a report that could
        match an event beyond it to the boundary pass (``marsad merge-boundary``)."""
        for attempt in range(DEADLOCK_RETRIES + 1):
            try:
                return self._write_batch(batch, results, summary, partition)
            except StorageError as exc:
                # concurrent partitions inserting the same place or actor can deadlock; the
                # server then aborts one transaction, which is simply written again
                if not (partition is not None and exc.retryable and attempt < DEADLOCK_RETRIES):
                    raise

    def _write_batch(self, batch: list[Article], results: list[Extracted], summary: IngestSummary,
                     partition: Partition | None) -> None:
        counts = IngestSummary()
        failed: list[Rejected] = []
        try:
            with self._writing(partition) as conn:
                accepted: list[tuple[Article, Extracted, list[dict]]] = []
                # the same article twice in the input, or stored by another run meanwhile
                seen_hashes, seen_urls = self._known(batch, conn)
                for article, result in zip(batch, results):
                    if article.text_hash in seen_hashes or (article.url and article.url in seen_urls):
                        counts.known += 1
                        continue
                    seen_hashes.add(article.text_hash)
                    if article.url:
                        seen_urls.add(article.url)
                    records = None if result.events is None else [e.to_record() for e in result.events]
                    problem = None if records is None else next(filter(None, map(record_problem, records)), None)
                    if records is None or problem is not None:
                        bad = Rejected.for_article(article, result.error if problem is None else
                                                   f"extraction gave what no column can hold: {problem}",
                                                   result.code or "E199")
                        self._insert_rejected(conn, bad.where, bad.code, bad.reason, bad.sample)
                        failed.append(bad)
                        continue
                    accepted.append((article, result, records))
                # the batch's articles in one statement, in input order; one another writer stored
                # meanwhile (same text or URL) gets no key and is known
                keys = self._insert_articles(conn, [article for article, _, _ in accepted],
                                             [result.extractor_version for _, result, _ in accepted])
                stored = [(article, result, records) for article, result, records in accepted
                          if keys.get(article.text_hash) is not None]
                counts.known += len(accepted) - len(stored)
                pending = self._unsent(conn, [r["event_id"] for _, _, records in stored for r in records],
                                       partition)
                # every record's candidate search, against the database as the batch found it (one
                # statement on PostgreSQL); what the batch itself changes is added as it goes
                searches = [_search(record) for _, _, records in stored for record in records]
                if partition is not None:  # within the partition; what reaches beyond it waits
                    searches, pending.deferred = map(list, zip(*map(partition.narrow, searches))) \
                        if searches else ([], [])
                found = iter(self._candidates(conn, searches))
                for article, result, records in stored:
                    created, merged = self._store_article(conn, article, keys[article.text_hash], result.events,
                                                          records, result.places, pending,
                                                          [next(found) for _ in records])
                    counts.new += 1
                    counts.events_created += created
                    counts.events_merged += merged
                self._write_pending(conn, pending)
                if partition is None:
                    self._sync_sequences(conn)
                last_source = pending.last_source
        except SQLAlchemyError as exc:
            self._forget_caches()
            first, last = batch[0].article_id, batch[-1].article_id
            error = StorageError(
                f"could not store articles {first} .. {last}: {type(exc.orig or exc).__name__}: "
                f"{str(exc.orig or exc).strip().splitlines()[0]}. Nothing of this batch was stored and "
                f"the batches before it were; fix the cause (disk space, server) and run ingest again to "
                f"finish.")
            error.retryable = getattr(exc.orig, "sqlstate", None) in RETRYABLE_STATES
            raise error from None
        except BaseException:
            self._forget_caches()  # a rolled-back batch must leave no trace in the caches either
            raise
        self._keep_statistics(last_source)
        summary.known += counts.known
        summary.new += counts.new
        summary.events_created += counts.events_created
        summary.events_merged += counts.events_merged
        summary.rejected += len(failed)
        summary.failed.extend(str(bad) for bad in failed)

    def _forget_caches(self) -> None:
        self._places_known.clear()
        self._actors_known.clear()
        self._sources.clear()

    def store_rejected(self, where: str, code: str, reason: str, sample: str | None) -> bool:
        """Keep a rejected input (once per place and content). True when it was new."""
        with self._writing() as conn:
            return self._insert_rejected(conn, where, code, reason, sample)

    def _insert_rejected(self, conn: Connection, where: str, code: str, reason: str, sample: str | None) -> bool:
        # whatever the input held, its rejection can be stored
        where, code = storable(where, column_size("rejected", "where")), storable(code, column_size("rejected", "code"))
        reason, sample = storable(reason), storable(sample)
        fingerprint = hashlib.sha256(f"{where}\n{code}\n{sample or ''}".encode()).hexdigest()
        if conn.execute(select(rejected.c.id).where(rejected.c.fingerprint == fingerprint)).first():
            return False
        return bool(self._insert_new(conn, rejected, dict(fingerprint=fingerprint, where=where, code=code,
                                                          reason=reason, sample=sample, created_at=_now())))

    def _insert_articles(self, conn: Connection, batch: list[Article], versions: list[str]) -> dict[str, int]:
        """Insert the articles in one multi-row statement, in order, each with the version of the
        extractor that found its events; text hash -> new key (an article stored meanwhile, same
        text or URL, is left out)."""
        if not batch:
            return {}
        now = _now()
        rows = [dict(text_hash=a.text_hash, article_id=a.article_id, url=a.url or None, source=a.source,
                     published=a.published, language=a.language or "ar", title=a.title,
                     origin=storable(a.origin, column_size("articles", "origin")), text=a.text,
                     extractor_version=version, ingested_at=now) for a, version in zip(batch, versions)]
        if self._article_insert is None:
            if self.engine.dialect.name == "postgresql":
                from sqlalchemy.dialects.postgresql import insert
            else:
                from sqlalchemy.dialects.sqlite import insert
            self._article_insert = insert(articles).on_conflict_do_nothing().returning(articles.c.text_hash,
                                                                                       articles.c.id)
        return dict(conn.execute(self._article_insert, rows).all())

    def _store_article(self, conn: Connection, article: Article, art_pk: int, found: list[Event],
                       records: list[dict], places: list[Place] | None, pending: _Unsent,
                       searched: list[tuple[dict, list] | None]) -> tuple[int, int]:
        """Store the events of one article (stored as ``art_pk``): ``found``, and their ``records``
        (``Event.to_record``); ``places`` are the gazetteer entries they chose; ``searched``, each
        record's candidate search and what it found at the start of the batch. What the article
        changes is kept in ``pending`` (see :class:`_Unsent`) and written when the batch ends: a
        new event and its source, and a merged event's new columns and record, made from its
        sources (read once per batch) and the batch's new ones."""
        created = merged = 0
        taken: set[int] = set()  # events this article already joined: its own events stay apart
        chosen = {p.place_id: p for p in places or ()}
        for event, record, search in zip(found, records, searched):
            deferred = pending.deferred.pop(0) if pending.deferred else False
            record = dict(record, source=article.source, article_id=article.article_id)
            text = dedup.evidence_text(record, article.text)
            words = dedup.match_words(text)
            shingles = dedup.word_shingles(words)
            compared = None if search is None else self._compared(conn, pending, search)
            best = None if search is None else self._best_match(record, shingles, taken, compared)
            self._remember_refs(record, event.chosen_place_id(), chosen, pending)
            stored = dedup.dumps(record)
            # numbered by the writer (see _unsent): by the writer alone as SQLite numbers rows, so
            # that a re-run after a crash numbers the sources (source_key) as an uninterrupted run
            src_pk = pending.last_source = next(pending.source_keys)
            published = article.published.date() if isinstance(article.published, datetime) \
                else article.published
            slim = dedup.slim(record)
            fields = dedup.dumps(slim)
            if best is None:
                # a new event: its merged record is this record's (as stored, read back), and it
                # names its one source, whose key is known: the row goes in whole. A report that
                # could match an event beyond the partition is marked: the boundary pass compares
                # it with those (marsad merge-boundary)
                rule, score = (BOUNDARY_PENDING if deferred else None), None
                ev_pk, new_id = pending.new_event(record)
                now = _now()
                # the source as _SOURCES_WITH_ARTICLES gives it
                row = (stored, article.source, article.article_id, article.url or None, published, rule, score,
                       src_pk, new_id, False, fields, words, None)
                state = pending.states[ev_pk] = _EventState(new_id, dedup.MergeSummary(), {})
                state.add(json.loads(stored), row)  # the record as stored, read back
                alone = state.summary.merged()
                columns = state.columns(alone)
                text, kept = state.record(alone)
                pending.new_rows[ev_pk] = dict(columns, id=ev_pk, event_id=new_id, created_at=now, updated_at=now,
                                               record=text, merge_summary=kept)
                pending.rows[events.name].append(pending.new_rows[ev_pk])
                pending.changed[ev_pk] = (columns, [(src_pk, fields, words, None, None)])
                created += 1
            else:
                ev_pk, match = best
                rule, score = match.rule, match.score
                self._merge_into(conn, pending, ev_pk, (
                    stored, article.source, article.article_id, article.url or None, published, rule, score, src_pk,
                    None, None, fields, words, None), [row[6:] for row in compared if row[0] == ev_pk])
                merged += 1
            taken.add(ev_pk)
            pending.rows[event_sources.name].append(dict(
                id=src_pk, event=ev_pk, article=art_pk, extracted_id=record["event_id"],
                fatalities=record.get("fatalities"), record=stored, evidence_text=text, match_rule=rule,
                match_score=score, match_fields=fields, match_text=words))
            self._sources.put(src_pk, [slim, shingles, None, None, None])
        return created, merged

    def _merge_into(self, conn: Connection, pending: "_Unsent", ev_pk: int, row: tuple, compared: list[tuple]) -> None:
        """A new source (``row``, as _SOURCES_WITH_ARTICLES gives it, without the event's columns)
        joins the event ``ev_pk``, whose sources matching compared it with are ``compared``: its
        merged columns are worked out now (the batch's later searches see them), its record when
        the batch is written. Both come from the event's summary (``_EventState``), read with its
        record the first time the batch merges into it, and the new source: the event's other
        sources are not read (but for an event stored before migration 0012, once)."""
        state = pending.states.get(ev_pk)
        if state is None:
            state = pending.states[ev_pk] = self._event_state(conn, ev_pk)
        state.add(json.loads(row[0]), row)
        merged = state.summary.merged(state.edits)
        for name in (merged.get("actor1"), merged.get("actor2")):  # an analyst may name a new actor
            self._remember_actor(name, None, pending)
        # what a later search of the batch compares of the event: its first and latest sources
        compared = compared + [(row[7], row[10], row[11], None, None)]
        if len(compared) > MATCH_SOURCES:
            compared = compared[:1] + compared[-(MATCH_SOURCES - 1):]
        pending.changed[ev_pk] = (state.columns(merged), compared)
        pending.merged[ev_pk] = merged

    def _event_state(self, conn: Connection, ev_pk: int) -> "_EventState":
        """A stored event's state for merging: its summary and record's list of sources, read in
        one statement; from all its sources when it has no summary (stored before 0012)."""
        event_id, record, kept, n_sources, has_edits, *stored = conn.execute(_EVENT_SUMMARY, {"ev": ev_pk}).one()
        edits = self._edits_of(conn, ev_pk) if has_edits else {}
        state = _EventState.loaded(event_id, record, kept, n_sources, edits)
        if state is None:
            rows = [tuple(r) for r in conn.execute(_SOURCES_WITH_ARTICLES, {"ev": ev_pk})]
            state = _EventState.of(event_id, [json.loads(r[0]) for r in rows], rows, edits)
        # the row's columns as stored, read with the record (one read of the row): the update
        # sets only those that change (_write_pending)
        state.stored_columns = stored
        return state

    def _write_pending(self, conn: Connection, pending: "_Unsent") -> None:
        """Write what ``pending`` holds: the merged events' records first (made once per batch,
        from their summaries), then the new rows, then the merged events that were stored already."""
        now = _now()
        updates = []
        for ev_pk, merged in pending.merged.items():
            columns = pending.changed[ev_pk][0]
            state = pending.states[ev_pk]
            record, kept = state.record(merged)
            if ev_pk in pending.new_rows:
                pending.new_rows[ev_pk].update(columns, record=record, merge_summary=kept, updated_at=now)
            else:
                updates.append((dict(columns, target=ev_pk, record=record, merge_summary=kept, updated_at=now),
                                state.stored_columns))
        pending.merged.clear()
        self._send(conn, pending)
        pending.new_rows.clear()
        if updates:
            # each event's columns that changed only: SQLite rewrites an index's entry when the
            # statement sets one of its columns, whether or not its value changes, and the events
            # table has some twenty indexes and a full-text index (a merge mostly changes the
            # number of sources, the record, the time and the search words). What was stored is
            # what the merge read with the event's record (_event_state)
            groups: dict[tuple, list[dict]] = {}
            for update, old in updates:
                if old is not None:
                    update = {k: v for k, v in update.items()
                              if k not in _COLUMN_AT or old[_COLUMN_AT[k]] != v or type(old[_COLUMN_AT[k]]) is not type(v)}
                groups.setdefault(tuple(update), []).append(update)
            for group in groups.values():
                conn.execute(_UPDATE_EVENT, group)

    def _unsent(self, conn: Connection, event_ids: list[str], partition: Partition | None = None) -> "_Unsent":
        """A batch's rows to be, with those of ``event_ids`` that are taken already: numbered from
        the largest keys stored (the writer lock is held), or, for a partition on PostgreSQL (whose
        writers run at the same time), with keys drawn from the tables' sequences."""
        taken = set(conn.execute(_TAKEN_EVENT_IDS, {"ids": sorted(set(event_ids))}).scalars()) if event_ids else set()
        if partition is not None and self.engine.dialect.name == "postgresql":
            n = len(event_ids)
            return _Unsent(iter(conn.execute(_DRAW_KEYS, {"seq": "events_id_seq", "n": n}).scalars().all()),
                           iter(conn.execute(_DRAW_KEYS, {"seq": "event_sources_id_seq", "n": n}).scalars().all()),
                           taken)
        last_event, last_source = conn.execute(_LAST_KEYS).one()
        return _Unsent(itertools.count(last_event + 1), itertools.count(last_source + 1), taken)

    def _keep_statistics(self, size: int | None) -> None:
        """PostgreSQL: ANALYZE the tables the writer reads when they have doubled (``size``: the
        largest source key written) since this writer last did or first looked. A backfill grows
        them from nothing faster than autovacuum looks, and a plan the server made for a table
        of a few rows (prepared statements keep theirs) would read the whole table for every
        look-up once it holds thousands."""
        if self.engine.dialect.name != "postgresql" or not size:
            return
        if self._analyzed_size is None:
            self._analyzed_size = max(size, ANALYZE_FROM)
        elif size >= 2 * self._analyzed_size:
            with self.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                    "ANALYZE articles, events, event_sources")
            self._analyzed_size = size

    def _sync_sequences(self, conn: Connection) -> None:
        """On PostgreSQL, move the event and source sequences past the largest keys, which writers
        that hold the lock alone number themselves, so that partition writers draw fresh keys."""
        if self.engine.dialect.name == "postgresql":
            conn.execute(_SYNC_SEQUENCES)

    def prepare_partition(self) -> None:
        """Before a partition's first batch: the sequences it draws keys from are moved past the
        keys stored (a database written before by one writer numbered its rows itself)."""
        with self._writing() as conn:
            self._sync_sequences(conn)

    def _send(self, conn: Connection, pending: "_Unsent") -> None:
        """Insert the rows ``pending`` holds: one statement per table, places and actors before the
        events that name them, events before their sources."""
        for table in (places, actors, events, event_sources):
            rows = pending.rows[table.name]
            if not rows:
                continue
            if table is places or table is actors:  # another writer may have stored one meanwhile
                stmt = self._upserts.get(table.name)
                if stmt is None:
                    stmt = self._upserts[table.name] = self._dialect_insert(table).on_conflict_do_nothing()
                # in the order of their keys: two writers inserting the same rows then wait for
                # each other in the same order
                rows.sort(key=lambda row: row["place_id" if table is places else "name"])
            else:
                stmt = table.insert()
            conn.execute(stmt, rows)
            rows.clear()

    def _candidates(self, conn: Connection, searches: list[dict | None]) -> list[tuple[dict, list, dict] | None]:
        """Each search (``_search``) with the rows it gives now and each found event's place in
        the order of candidates (``_ranked``): on PostgreSQL all in one statement
        (``_PG_CANDIDATES``), on SQLite, which answers in this process, one each."""
        todo = [(n, params) for n, params in enumerate(searches) if params is not None]
        found: dict[int, list] = {}
        if todo and self.engine.dialect.name == "postgresql":
            found = _pg_candidates(conn, todo)
        else:
            for n, params in todo:
                found[n] = self._sqlite_rows(conn, _COMPARED_NEAR if "cells" in params else _COMPARED_IN_ADMIN1, params)
        return [None if params is None else (params, *_ranked(found.get(n, []))) for n, params in enumerate(searches)]

    def _compared(self, conn: Connection, pending: "_Unsent", search: tuple[dict, list, dict]) -> list[tuple]:
        """The rows a record's candidate search gives now (``search``: its parameters, and the rows
        and ranks it gave at the start of the batch): ``pending.candidates``, which needs the
        database again only when the batch has pushed one of the first events out of the first
        ``limit`` and one beyond the rows read might take its place. The database is then asked
        for twice as many, until what it gives decides (the database still holds the batch's
        start: the batch is written when it ends)."""
        params, rows, ranks = search
        while True:
            compared = pending.candidates(params, rows, ranks)
            if compared is not None:
                return compared
            params = dict(params, limit=2 * params["limit"])
            _, rows, ranks = self._candidates(conn, [params])[0]

    def _sqlite_rows(self, conn: Connection, stmt, params: dict) -> list[tuple]:
        """The rows of ``stmt`` (a candidate search, whose columns are all numbers and text, which
        SQLAlchemy hands over as the driver gives them) as plain tuples, run on the transaction's
        own SQLite connection: the statement is compiled once and only its expanding lists are
        filled in per call. SQLAlchemy's work per execution and per row was a third of a search's
        CPU on a dense database (0.6 against 0.4 ms), and a report runs one search."""
        compiled = self._compiled.get(stmt)
        if compiled is None:
            compiled = self._compiled[stmt] = stmt.compile(dialect=conn.dialect)
        expanded = compiled.construct_expanded_state(params)
        values, convert = expanded.parameters, expanded.processors
        args = [convert[name](values[name]) if name in convert else values[name] for name in expanded.positiontup]
        return conn.connection.dbapi_connection.execute(expanded.statement, args).fetchall()

    def _dialect_insert(self, table):
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    def _best_match(self, record: dict, new_sh: frozenset[int], taken: set[int],
                    rows: list[tuple]) -> tuple[int, dedup.Match] | None:
        """The event ``record`` reports, among the candidates of its search (``rows``: each
        candidate event's first and latest sources, with what matching reads, in the order
        stored), or None: the stored source with the highest score (``dedup.match``), the first
        in ``rows`` of those with the same score.

        Every test but the text's is cheap; the text's (shingles made, their overlap) is what
        a compared source costs. So the sources that pass the others are taken highest bound
        first (``dedup.Report.fit``: the score each would have if its words overlapped wholly),
        and a source's text is compared only while its bound can still beat the best found:
        the same answer as comparing every one, with the text of few compared on a busy
        town's fortnight (where many candidates report the same place and day)."""
        fits: dict[int, bool] = {}
        report = dedup.Report(record, new_sh)  # what matching reads of the record, worked out once
        passed = []
        for at, (ev_pk, country, admin1, precision, ev_lat, ev_lon, src_id, fields, words, src_record,
                 src_text) in enumerate(rows):
            fit = fits.get(ev_pk)
            if fit is None:
                # the record's place must fit the event's merged (most precise) place, which the
                # event's columns hold: no merged record is read
                fit = fits[ev_pk] = ev_pk not in taken and dedup.place_match(record, {
                    "country": country, "admin1": admin1, "geo_precision": precision, "latitude": ev_lat,
                    "longitude": ev_lon}) is not None
            if not fit:
                continue
            hit = self._sources.get(src_id)
            if hit is None:
                # its shingles are made only if matching gets as far as the text (_shingles_of)
                if fields is not None and words is not None:
                    hit = [json.loads(fields), None, words, None, None]
                else:  # stored before schema 0005
                    hit = [dedup.slim(json.loads(src_record)), None, None, src_text, None]
                self._sources.put(src_id, hit)
            if hit[4] is None:
                hit[4] = dedup.stored_side(hit[0])
            passed_tests = report.fit(hit[0], hit[4])
            if passed_tests is not None:
                passed.append((-passed_tests.bound, at, ev_pk, passed_tests, hit))
        best: tuple[int, dedup.Match] | None = None
        best_at = len(rows)
        passed.sort(key=lambda item: (item[0], item[1]))
        for minus_bound, at, ev_pk, passed_tests, hit in passed:
            if best is not None and (-minus_bound < best[1].score or (-minus_bound == best[1].score and at > best_at)):
                if -minus_bound < best[1].score:
                    break  # every source after it has a bound as low or lower
                continue
            found = report.finish(passed_tests, hit[1] or partial(_shingles_of, hit))
            if found is not None and (best is None or found.score > best[1].score
                                      or (found.score == best[1].score and at < best_at)):
                best, best_at = (ev_pk, found), at
        return best

    def _new_event(self, conn: Connection, record: dict) -> tuple[int, str]:
        """Insert an event for ``record`` (``split``; its record is written by ``_refresh``),
        numbered as the writer numbers events (the largest key + 1); return its key and event_id."""
        now = _now()
        event_id = record["event_id"]
        pk = conn.execute(_LAST_KEYS).one()[0] + 1
        row = dict(id=pk, event_type=record["event_type"], sub_event_type=record["sub_event_type"], n_sources=0,
                   disagreement=False, event_id=event_id, record="{}", created_at=now, updated_at=now)
        if self._insert_new(conn, events, row, returning=events.c.id) is None:  # another article's event has this id
            event_id = _other_event_id(record)
            conn.execute(events.insert(), dict(row, event_id=event_id))
        return pk, event_id

    def _remember_refs(self, record: dict, pid: str | None, chosen: dict[str, Place], pending: "_Unsent") -> None:
        """Store the record's place (``pid``, the gazetteer entry its evidence chose: one of
        ``chosen``, which the extraction sent along) and actors when this writer has not yet:
        their rows go in with the batch's (a row stored already is left as it is)."""
        if pid and pid not in self._places_known:
            place = chosen.get(pid)
            if place is not None:
                pending.rows[places.name].append(_place_row(place))
            self._places_known.add(pid)
        record["place_id"] = pid
        for name, inter in ((record.get("actor1"), record.get("inter1")), (record.get("actor2"), record.get("inter2"))):
            self._remember_actor(name, inter, pending)

    def _remember_actor(self, name: str | None, inter, pending: "_Unsent") -> None:
        """The actors table gets ``name`` with the batch, unless this writer has stored it."""
        if name and name not in self._actors_known:
            pending.rows[actors.name].append(_actor_row(name, inter))
            self._actors_known.add(name)

    def _add_actor(self, conn: Connection, name: str | None, inter) -> None:
        """Make sure the actors table has ``name`` (events refer to it)."""
        if not name or name in self._actors_known:
            return
        if not conn.execute(select(actors.c.name).where(actors.c.name == name)).first():
            self._insert_new(conn, actors, _actor_row(name, inter))
        self._actors_known.add(name)

    def _refresh(self, conn: Connection, ev_pk: int, *, event_id: str | None = None, rows: list | None = None,
                 edits: dict | None = None, merged_into: int | None = None) -> tuple[dict, list[tuple]] | None:
        """Recompute an event's merged record from its sources and edits. A caller that holds
        them already (the writer, for an event it has just made) passes the event_id, the
        source rows as ``_SOURCES_WITH_ARTICLES`` gives them, and the edits. An event left with
        no source goes, with its tombstone: merged into the event ``merged_into`` (whose key the
        caller that moved its sources passes), else deleted."""
        if rows is None:
            rows = conn.execute(_SOURCES_WITH_ARTICLES, {"ev": ev_pk}).all()
            if rows and event_id is None:
                event_id = rows[0][8]
            if rows and edits is None and not rows[0][9]:
                edits = {}  # the event has no edits: no need to ask for them
        if not rows:
            self._remove(conn, ev_pk, "merged" if merged_into is not None else "deleted", merged_into=merged_into)
            return None
        sources = [json.loads(r[0]) for r in rows]
        if event_id is None:
            event_id = conn.execute(_EVENT_ID, {"ev": ev_pk}).scalar_one()
        state = _EventState.of(event_id, sources, rows, self._edits_of(conn, ev_pk) if edits is None else edits)
        merged = dedup.merge(sources, state.edits)  # what the summary gives too (test_merge_summary.py)
        for name in (merged.get("actor1"), merged.get("actor2")):  # an analyst may name a new actor
            self._add_actor(conn, name, None)
        columns = state.columns(merged)
        record, kept = state.record(merged)
        conn.execute(_UPDATE_EVENT, dict(columns, target=ev_pk, record=record, merge_summary=kept, updated_at=_now()))
        # what a candidate search reads of the event now: its columns, and each source (key,
        # matching fields and words; the record and evidence text for one stored before 0005)
        return columns, [(r[7], r[10], r[11], r[0] if r[10] is None else None, r[12]) for r in rows]

    def _edits_of(self, conn: Connection, ev_pk: int) -> dict:
        out: dict = {}
        for fld, value in conn.execute(_EDITS_OF, {"ev": ev_pk}):
            out[fld] = json.loads(value) if value is not None else None
        return out

    # ------------------------------------------------------------------ corrections
    def edit(self, event_id: str, changes: dict[str, str | object], *, editor: str, note: str | None = None) -> dict:
        """Correct fields of an event; every change is kept (who, when, old, new) and wins over the
        machine from then on. Values may be strings from the command line or JSON values; each is
        checked by :func:`marsad.validation.edit_value` (type, range, size) before anything is
        written, so a bad value changes nothing. An actor the dataset does not know yet is added."""
        if not editor:
            raise UsageError("an edit needs an editor name (--by NAME or $MARSAD_EDITOR)")
        if not isinstance(editor, str) or len(editor) > (column_size("edits", "editor") or 200):
            raise UsageError("an editor name is text of at most 200 characters")
        if note is not None and (not isinstance(note, str) or text_problem(note) or len(note) > MAX_NOTE):
            raise UsageError(f"a note is text of at most {MAX_NOTE:,} characters, with no NUL character")
        values = {fld: edit_value(fld, raw) for fld, raw in changes.items()}
        with self._writing() as conn:
            ev_pk = self._event_pk(conn, event_id)
            current = json.loads(conn.execute(select(events.c.record).where(events.c.id == ev_pk)).scalar_one())
            if "event_type" in values or "sub_event_type" in values:
                check_event_type(values.get("event_type", current.get("event_type")),
                                 values.get("sub_event_type", current.get("sub_event_type")))
            for fld, value in values.items():
                conn.execute(edits.insert().values(event=ev_pk, field=fld, old_value=dedup.dumps(current.get(fld)),
                                                   new_value=dedup.dumps(value), editor=editor, note=note,
                                                   edited_at=_now()))
            self._refresh(conn, ev_pk)
        return self.event(event_id)

    def split(self, event_id: str, source_key: int, *, editor: str) -> str:
        """Take one source out of a merged event into an event of its own, and remember that the two
        must not be merged again. Returns the new event's id."""
        with self._writing() as conn:
            ev_pk = self._event_pk(conn, event_id)
            ids = [r[0] for r in conn.execute(select(event_sources.c.id).where(event_sources.c.event == ev_pk))]
            if source_key not in ids:
                raise UsageError(f"source {source_key} is not a source of {event_id}; see `marsad show {event_id}`")
            if len(ids) == 1:
                raise UsageError(f"{event_id} has only one source; nothing to split")
            rec = json.loads(conn.execute(select(event_sources.c.record).where(event_sources.c.id == source_key))
                             .scalar_one())
            new_pk, _ = self._new_event(conn, rec)
            conn.execute(event_sources.update().where(event_sources.c.id == source_key)
                         .values(event=new_pk, match_rule=None, match_score=None))
            for other in ids:
                if other != source_key:
                    a, b = sorted((other, source_key))
                    self._insert_new(conn, no_merge, dict(source_a=a, source_b=b, editor=editor,
                                                          created_at=_now()))
            conn.execute(edits.insert().values(event=ev_pk, field="sources", old_value=dedup.dumps(ids),
                                               new_value=dedup.dumps([i for i in ids if i != source_key]),
                                               editor=editor, note=f"split source {source_key} into a new event",
                                               edited_at=_now()))
            self._refresh(conn, ev_pk)
            self._refresh(conn, new_pk)
            self._sync_sequences(conn)
            return conn.execute(select(events.c.event_id).where(events.c.id == new_pk)).scalar_one()

    def delete(self, event_id: str, *, editor: str, note: str | None = None) -> dict:
        """Delete an event a reviewer finds is none (a false positive, a report of something else):
        the event, its sources (their articles stay, so an ingest of the same article again brings
        it not back) and its edits go, and its tombstone (who, when, why, its last record) is
        written in the same transaction; incremental pulls report it as deleted. Returns the
        tombstone as :func:`marsad.store.queries.changes` gives it."""
        if not editor or not isinstance(editor, str) or len(editor) > (column_size("edits", "editor") or 200):
            raise UsageError("a deletion needs an editor name (--by NAME or $MARSAD_EDITOR), of at most 200 characters")
        if note is not None and (not isinstance(note, str) or text_problem(note) or len(note) > MAX_NOTE):
            raise UsageError(f"a note is text of at most {MAX_NOTE:,} characters, with no NUL character")
        with self._writing() as conn:
            ev_pk = self._event_pk(conn, event_id)
            sources = select(event_sources.c.id).where(event_sources.c.event == ev_pk)
            conn.execute(no_merge.delete().where(or_(no_merge.c.source_a.in_(sources), no_merge.c.source_b.in_(sources))))
            conn.execute(edits.delete().where(edits.c.event == ev_pk))
            conn.execute(event_sources.delete().where(event_sources.c.event == ev_pk))
            tombstone = self._remove(conn, ev_pk, "deleted", editor=editor, note=note)
        self._sources.clear()  # the deleted sources must not be compared again
        return tombstone

    def _remove(self, conn: Connection, ev_pk: int, status: str, *, merged_into: int | None = None,
                editor: str | None = None, note: str | None = None) -> dict:
        """Delete the event ``ev_pk`` (its sources are gone or moved) and write its tombstone."""
        event_id, record = conn.execute(select(events.c.event_id, events.c.record).where(events.c.id == ev_pk)).one()
        kept = None if merged_into is None else \
            conn.execute(select(events.c.event_id).where(events.c.id == merged_into)).scalar_one()
        at = _now()
        conn.execute(removed_events.insert().values(event_id=event_id, status=status, merged_into=kept, removed_at=at,
                                                    editor=editor, note=note, record=record))
        conn.execute(events.delete().where(events.c.id == ev_pk))
        return {"event_id": event_id, "status": status, "timestamp": int(at.timestamp()), "changed_at": at.isoformat(),
                "merged_into": kept, "editor": editor, "note": note}

    def _event_pk(self, conn: Connection, event_id: str) -> int:
        if not lookup_key(event_id, "events", "event_id"):  # NUL, a surrogate, too long: no such event
            raise NotFoundError(f"no event {storable(str(event_id))[:60]!r} in this dataset")
        pk = conn.execute(select(events.c.id).where(events.c.event_id == event_id)).scalar()
        if pk is None:
            raise NotFoundError(f"no event {event_id!r} in this dataset")
        return pk

    # ------------------------------------------------------------------ reading
    def event(self, event_id: str) -> dict:
        with self.engine.connect() as conn:
            ev_pk = self._event_pk(conn, event_id)
            record = json.loads(conn.execute(select(events.c.record).where(events.c.id == ev_pk)).scalar_one())
            record["edits"] = [
                {"field": f, "old": json.loads(o) if o else None, "new": json.loads(n) if n else None,
                 "editor": who, "note": note, "at": at.isoformat() if at else None}
                for f, o, n, who, note, at in conn.execute(
                    select(edits.c.field, edits.c.old_value, edits.c.new_value, edits.c.editor, edits.c.note,
                           edits.c.edited_at).where(edits.c.event == ev_pk).order_by(edits.c.id))]
        return record

    def events(self, **filters) -> list[dict]:
        """Merged event records matching the filters (see :func:`event_filters`), by date."""
        query = select(events.c.record).where(*event_filters(**filters)) \
            .order_by(events.c.event_date, events.c.event_id)
        limit = filters.get("limit")
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [json.loads(r[0]) for r in conn.execute(query)]

    def count(self, table: str) -> int:
        tables = {"articles": articles, "events": events, "event_sources": event_sources, "edits": edits,
                  "rejected": rejected}
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(tables[table])).scalar_one()

    def rejected_inputs(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(where=w, code=c, reason=r, sample=s, at=a.isoformat() if a else None)
                    for w, c, r, s, a in conn.execute(
                        select(rejected.c.where, rejected.c.code, rejected.c.reason, rejected.c.sample,
                               rejected.c.created_at).order_by(rejected.c.id))]

    def article_text(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.text).where(articles.c.article_id == article_id)).scalar()


def _place_row(place: Place) -> dict:
    """The places table's row of a gazetteer entry."""
    return dict(place_id=place.place_id, name=place.name, name_ar=place.name_ar, kind=place.kind,
                country=place.country, country_code=place.country_code, admin1=place.admin1, admin2=place.admin2,
                latitude=place.latitude, longitude=place.longitude)


def _actor_row(name: str, inter) -> dict:
    """The actors table's row of an actor, with its folded name (the actor filter compares that)."""
    return dict(name=name, inter=inter if isinstance(inter, int) else None, name_key=fold_key(name))


def _event_columns(merged: dict, sources: list[dict], n_sources: int, event_id: str | None = None) -> dict:
    """The events row's columns for a merged record (see dedup.merge) of these sources, stored as
    the event ``event_id`` (one of its search words). The writer works them out from the event's
    summary (``_EventState.columns``); this is the same from the sources."""
    state = _EventState(event_id, dedup.MergeSummary(), {})
    for rec in sources:
        state.take(rec, None)
    state.summary.n = n_sources  # as the caller counts them (benchmarks/store_reads.py lists them all)
    return state.columns(merged)


def _event_record(merged: dict, sources: list[dict], rows: list, event_id: str) -> dict:
    """The event's record: the merged fields with its id, the first source's evidence and every
    source's figures (``rows`` as ``_SOURCES_WITH_ARTICLES`` gives them). Fills ``merged``. (The
    writer writes its text from the event's summary: ``_EventState.record``.)"""
    merged["event_id"] = event_id
    merged["evidence"] = sources[0].get("evidence", {})
    merged["article_id"] = sources[0].get("article_id")
    merged["sources"] = [_source_entry(rec, row) for rec, row in zip(sources, rows)]
    merged["source"] = "; ".join(dict.fromkeys(s["source"] for s in merged["sources"] if s["source"])) or None
    return merged


def _source_entry(rec: dict, row: tuple) -> dict:
    """A source's entry in its event's record (``record["sources"]``): ``rec`` is its record, ``row``
    its row as ``_SOURCES_WITH_ARTICLES`` gives it."""
    _, src, art_id, url, pub, rule, score, sid, *_ = row
    return {"article_id": art_id, "source": src, "url": url, "published": pub.isoformat() if pub else None,
            "event_id": rec.get("event_id"), "fatalities": rec.get("fatalities"),
            "fatalities_low": rec.get("fatalities_low"), "fatalities_high": rec.get("fatalities_high"),
            "attribution": rec.get("attribution"), "location": rec.get("location"),
            "event_date": rec.get("event_date"), "match_rule": rule, "match_score": score, "source_key": sid}


# The values a record's "evidence" and "sources" are dumped with before the JSON texts the event's
# state keeps take their places (no report's text holds a NUL character: marsad.validation refuses it).
_SPLICED = {"evidence": "\x00evidence\x00", "sources": "\x00sources\x00"}


@dataclass
class _EventState:
    """An event as the writer merges reports into it, whatever its number of sources: the summary
    of its sources that ``dedup.merge`` needs (``dedup.MergeSummary``), the rest of what its row
    and record are made of (the first gazetteer place of its sources, its outlets, the texts of
    its sources it is searched by, its first source's article) and two JSON texts of its record:
    its first source's evidence and its list of sources, to which a new source's entry is
    appended without decoding the others.

    It is kept in ``events.merge_summary`` (``record`` gives it with the record's text) with where
    those two texts lie in the record's text, so they are not stored twice, and read back from
    both (``loaded``); an event without one (stored before migration 0012) or whose record another
    program rewrote is made again from its sources (``of``)."""

    event_id: str | None
    summary: dedup.MergeSummary
    edits: dict
    place_id: str | None = None
    outlets: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    article_id: str | None = None
    evidence_json: str = "{}"
    listed: str = "[]"
    _evidence: object = None
    # the event's columns as stored when the writer read it (_COLUMNS' order), None for a new event
    stored_columns: list | None = None

    @classmethod
    def of(cls, event_id: str | None, sources: list[dict], rows: list, edits: dict) -> "_EventState":
        """From every source's record and row (as ``_SOURCES_WITH_ARTICLES`` gives them), oldest first."""
        state = cls(event_id, dedup.MergeSummary(), edits)
        for rec, row in zip(sources, rows):
            state.take(rec, row[1])
        state.listed = dedup.dumps([_source_entry(rec, row) for rec, row in zip(sources, rows)])
        return state

    def add(self, rec: dict, row: tuple) -> None:
        """One more source, newer than the others: its record and its row."""
        self.take(rec, row[1])
        entry = dedup.dumps(_source_entry(rec, row))
        self.listed = "[" + entry + "]" if self.listed == "[]" else self.listed[:-1] + ", " + entry + "]"

    def take(self, rec: dict, outlet: str | None) -> None:
        if self.summary.n == 0:
            self._evidence = rec.get("evidence", {})
            self.evidence_json = dedup.dumps(self._evidence)
            self.article_id = rec.get("article_id")
        self.summary.add(rec)
        if self.place_id is None and rec.get("place_id"):
            self.place_id = rec["place_id"]
        if outlet and outlet not in self.outlets:
            self.outlets.append(outlet)
        for text in source_texts(rec):
            if text not in self.texts:
                self.texts.append(text)

    @property
    def evidence(self):
        """The first source's evidence (decoded from the record's text the first time it is asked for)."""
        if self._evidence is None and self.evidence_json != "null":
            self._evidence = json.loads(self.evidence_json)
        return self._evidence

    def columns(self, merged: dict) -> dict:
        """The events row's columns for ``merged`` (``self.summary.merged(self.edits)``)."""
        return dict(
            event_type=merged["event_type"], sub_event_type=merged["sub_event_type"],
            event_date=_day(merged.get("event_date")), event_date_start=_day(merged.get("event_date_start")),
            event_date_end=_day(merged.get("event_date_end")), time_precision=merged.get("time_precision"),
            actor1=merged.get("actor1"), actor2=merged.get("actor2"), country=merged.get("country"),
            admin1=merged.get("admin1"), admin2=merged.get("admin2"), location=merged.get("location"),
            place_id=self.place_id if "location" not in merged["edited_fields"] else None,
            latitude=merged.get("latitude"), longitude=merged.get("longitude"),
            place_cell=place_cell(merged.get("latitude"), merged.get("longitude")),
            long_range=_long_range(_day(merged.get("event_date_start")), _day(merged.get("event_date_end"))),
            geo_precision=merged.get("geo_precision"), fatalities=merged.get("fatalities"),
            fatalities_low=merged.get("fatalities_low"), fatalities_high=merged.get("fatalities_high"),
            n_sources=self.summary.n, disagreement=bool(merged.get("disagreement")),
            confidence=merged.get("confidence"),
            # what the read side filters by (marsad.store.filters): the names folded, the search words of
            # the record these make (its evidence is the first source's, as the record's is)
            country_key=fold_key(merged.get("country")), admin1_key=fold_key(merged.get("admin1")),
            type_key=fold_key(merged["event_type"]), sub_type_key=fold_key(merged["sub_event_type"]),
            search_text=search_words(dict(merged, event_id=self.event_id, evidence=self.evidence,
                                          sources=[{"source": self.texts}])) or None)

    def record(self, merged: dict) -> tuple[str, str]:
        """The event's record as stored (JSON: what ``_event_record`` gives, dumped), and its
        summary as ``events.merge_summary`` keeps it."""
        text = dedup.dumps(dict(merged, event_id=self.event_id, evidence=_SPLICED["evidence"],
                                article_id=self.article_id, sources=_SPLICED["sources"],
                                source="; ".join(self.outlets) or None))
        spliced = {"evidence": self.evidence_json, "sources": self.listed}
        marks = sorted((text.index(f'"{key}": ' + dedup.dumps(mark)), key, mark) for key, mark in _SPLICED.items())
        pieces, spans, done = [], {}, 0
        for at, key, mark in marks:
            at += len(key) + 4  # past '"key": '
            pieces.append(text[done:at])
            start = sum(map(len, pieces))
            pieces.append(spliced[key])
            spans[key] = [start, start + len(spliced[key])]
            done = at + len(dedup.dumps(mark))
        pieces.append(text[done:])
        text = "".join(pieces)
        kept = {"merge": self.summary.to_json(), "place_id": self.place_id, "outlets": self.outlets,
                "texts": self.texts, "article_id": self.article_id, "spans": spans, "length": len(text)}
        return text, dedup.dumps(kept)

    @classmethod
    def loaded(cls, event_id: str, record: str, stored: str | None, n_sources: int, edits: dict) -> "_EventState | None":
        """The state kept in ``events.merge_summary`` (``stored``) of the event whose record is
        ``record``, or None when there is none or it does not describe this record."""
        if not stored:
            return None
        try:
            kept = json.loads(stored)
            if kept["length"] != len(record) or kept["merge"]["n"] != n_sources:
                return None
            texts = {}
            for key, (at, end) in kept["spans"].items():
                if record[at - len(key) - 4:at] != f'"{key}": ' or not 0 < at < end <= len(record):
                    return None
                texts[key] = record[at:end]
            if texts["sources"][:1] != "[" or texts["sources"][-1:] != "]":
                return None
            return cls(event_id, dedup.MergeSummary.from_json(kept["merge"]), edits, kept["place_id"],
                       kept["outlets"], kept["texts"], kept["article_id"], texts["evidence"], texts["sources"])
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def _day(value) -> date | None:
    day = dedup._day(value)
    if value is not None and day is None:
        raise UsageError(f"{value!r} is not a date (YYYY-MM-DD)")
    return day


class _Unsent:
    """The rows a batch has made and not yet sent, and how the next ones are numbered.

    The candidate searches of a batch's reports are answered at its start, in one go
    (``Store._candidates``); what the batch changes after that is kept here in ``changed`` (each
    event made or merged in it: its columns and its sources as matching reads them), and
    ``candidates`` puts the two together, so each report sees what it would have seen had every
    row been written at once and searched for then. A new event and its source therefore need
    not be in the database until the batch ends: they wait here and then go in one statement per
    table."""

    def __init__(self, event_keys: Iterator[int], source_keys: Iterator[int], event_ids: set[str]):
        self.event_keys = event_keys
        self.source_keys = source_keys
        self.last_source: int | None = None  # the largest source key given out
        self.event_ids = event_ids  # event ids stored or given in this batch
        # for a partition's batch: whether each record's search reached beyond the partition
        self.deferred: list[bool] = []
        self.rows: dict[str, list[dict]] = {places.name: [], actors.name: [], events.name: [],
                                            event_sources.name: []}
        # event key -> (its columns, its sources: (key, match_fields, match_text, record, evidence_text))
        self.changed: dict[int, tuple[dict, list[tuple]]] = {}
        # event key -> what the writer merges a report into it with (its summary and list of sources)
        self.states: dict[int, _EventState] = {}
        self.merged: dict[int, dict] = {}  # event key -> its merged fields, for the events merged into
        self.new_rows: dict[int, dict] = {}  # event key -> the events row of an event not sent yet

    def new_event(self, record: dict) -> tuple[int, str]:
        """The key and event_id of a new event for ``record`` (its own id unless taken)."""
        key = next(self.event_keys)
        event_id = record["event_id"]
        if event_id in self.event_ids:  # an event of another article has this id
            event_id = _other_event_id(record)
        self.event_ids.add(event_id)
        return key, event_id

    def candidates(self, params: dict, at_start: list, ranks: dict) -> list[tuple] | None:
        """The rows the candidate search ``params`` gives now (``_COMPARED_NEAR`` or
        ``_COMPARED_IN_ADMIN1``'s columns but the last two, in the order of the sources' keys), for
        its first CANDIDATE_EVENTS events: those it gave at the start of the batch (``at_start``,
        the first ``params["limit"]`` events then, whose (off_cell, gap) are ``ranks``), but for the
        events changed since, as they are now. None when that cannot be told from these rows: the
        search read as many events as its limit, and one it did not read (all rank after those it
        read, and none has changed) may now be among the first."""
        limit = params["limit"]
        if not self.changed and len(ranks) <= CANDIDATE_EVENTS:
            return at_start
        order = {key: rank + (-key,) for key, rank in ranks.items()}
        kept = {key: at for key, at in order.items() if key not in self.changed}
        for key, (columns, _) in self.changed.items():
            if _is_candidate(columns, params):
                kept[key] = _rank(columns, key, params)
        first = sorted(kept, key=kept.__getitem__)[:CANDIDATE_EVENTS]
        if len(ranks) >= limit and order and (len(first) < CANDIDATE_EVENTS
                                              or kept[first[-1]] > max(order.values())):
            return None
        chosen = set(first)
        rows = [row for row in at_start if row[0] in chosen and row[0] not in self.changed]
        for key in first:
            if key in self.changed:
                columns, sources = self.changed[key]
                where = (key, columns["country"], columns["admin1"], columns["geo_precision"], columns["latitude"],
                         columns["longitude"])
                keep = params["keep"]
                rows.extend(where + source for nth, source in enumerate(sources)
                            if nth == 0 or nth >= len(sources) - keep)
        rows.sort(key=lambda row: row[6])
        return rows


def _ranked(rows: list) -> tuple[list[tuple], dict[int, tuple]]:
    """A candidate search's rows without their last two columns, and each event's (off_cell, gap):
    its place in the order of candidates (CANDIDATE_EVENTS), after which comes its key, largest first."""
    ranks: dict[int, tuple] = {}
    out = []
    for row in rows:
        ranks[row[0]] = (row[11], row[12])
        out.append(tuple(row[:11]))
    return out, ranks


def _rank(columns: dict, key: int, params: dict) -> tuple:
    """Where the event ``key`` whose columns these are comes among the candidates of the search
    ``params`` (the smaller the earlier): in the record's place cell first, then the fewest days
    between the two date ranges, then the latest. ``_first_candidates`` in SQL."""
    cell = params.get("cell")
    off_cell = 0 if cell is not None and columns.get("place_cell") == cell else 1
    start, end = columns["event_date_start"], columns["event_date_end"]
    gap = (start - params["rec_end"]).days if start > params["rec_end"] else \
        (params["rec_start"] - end).days if end < params["rec_start"] else 0
    return (off_cell, gap, -key)


def _other_event_id(record: dict) -> str:
    """The event_id of a record whose own id another article's event has."""
    return record["event_id"] + "-" + hashlib.sha256(record.get("article_id", "").encode()).hexdigest()[:6]


def _is_candidate(columns: dict, params: dict) -> bool:
    """Would the candidate search with ``params`` return the event whose columns these are? The
    conditions of ``_CANDIDATES_NEAR`` (``_CANDIDATES_ADMIN1`` when ``params`` has no box), as
    SQL reads them: a missing value (NULL) fails every comparison."""
    kind, start, end, long_range = (columns.get("event_type"), columns.get("event_date_start"),
                                    columns.get("event_date_end"), columns.get("long_range"))
    if kind is None or kind not in params["types"] or start is None or end is None:
        return False
    if start > params["until"] or end < params["since"]:
        return False
    if long_range is None or start < (params["earliest"] if long_range else params["recent"]):
        return False
    country, admin1 = columns.get("country"), columns.get("admin1")
    if country is None or country != params["country"]:
        return False
    if admin1 is not None and admin1 == params["admin1"]:
        return True
    if "cells" not in params:
        return False
    cell, lat, lon = columns.get("place_cell"), columns.get("latitude"), columns.get("longitude")
    return (cell is not None and cell in params["cells"] and lat is not None and lon is not None
            and params["lat0"] <= lat <= params["lat1"] and params["lon0"] <= lon <= params["lon1"])


def _search(record: dict) -> dict | None:
    """The parameters of the candidate search for ``record`` (``_COMPARED_NEAR`` when they hold a
    box, else ``_COMPARED_IN_ADMIN1``), or None when the record has no date (it is compared with
    nothing). Only events whose merged place can fit (dedup.place_match) are candidates: near
    its place, or in its governorate."""
    span = dedup._range(record)
    if span is None:
        return None
    slack = timedelta(days=dedup.DATE_SLACK_DAYS + 1)
    family = dedup.family(record.get("event_type"))
    params = {"types": [t for t, f in dedup.FAMILIES.items() if f == family] or [record.get("event_type")],
              "country": record.get("country"), "admin1": record.get("admin1"),
              "until": span[1] + slack, "since": span[0] - slack,
              # an event that ends on or after ``since`` and is at most SHORT_RANGE_DAYS long
              # starts on or after ``recent``: the same events as before, from a shorter range
              "recent": span[0] - slack - timedelta(days=SHORT_RANGE_DAYS),
              "earliest": span[0] - slack - timedelta(days=LONGEST_RANGE_DAYS), "keep": MATCH_SOURCES - 1,
              # the latest ``keep`` sources are those from the ``keep``-th latest on (an OFFSET of keep - 1)
              "skip": MATCH_SOURCES - 2,
              # the first CANDIDATE_EVENTS events: in the record's place cell, nearest in date, latest
              "limit": CANDIDATE_EVENTS, "cell": None, "rec_start": span[0], "rec_end": span[1]}
    lat, lon = record.get("latitude"), record.get("longitude")
    if lat is not None and lon is not None and place_cell(lat, lon) is not None:
        params["cell"] = place_cell(lat, lon)
        dlat = dedup.PLACE_KM[3] / 111.0
        dlon = dlat / max(0.2, math.cos(math.radians(lat)))
        params.update(lat0=lat - dlat, lat1=lat + dlat, lon0=lon - dlon, lon1=lon + dlon,
                      cells=_cells_of_box(lat - dlat, lat + dlat, lon - dlon, lon + dlon))
    return params


def _shingles_of(hit: list) -> frozenset[int]:
    """The shingles of a cached source (``[fields, shingles, words, evidence text, what
    dedup.Report.fit reads of it]``), made once."""
    if hit[1] is None:
        hit[1] = dedup.word_shingles(hit[2]) if hit[2] is not None else dedup.shingles(hit[3])
        hit[2] = hit[3] = None
    return hit[1]


class _Lru:
    """A small least-recently-used map with a fixed size, so memory stays flat on long runs."""

    def __init__(self, size: int):
        self.size = size
        self.items: OrderedDict = OrderedDict()

    def get(self, key):
        value = self.items.get(key)
        if value is not None:
            self.items.move_to_end(key)
        return value

    def put(self, key, value) -> None:
        self.items[key] = value
        self.items.move_to_end(key)
        if len(self.items) > self.size:
            self.items.popitem(last=False)

    def clear(self) -> None:
        self.items.clear()


def place_cell(latitude, longitude) -> int | None:
    """The 1-degree cell of a point (``events.place_cell``): the writer finds the events near a
    report by the few cells its search box covers, each an index range by date."""
    if latitude is None or longitude is None or not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    return (math.floor(latitude) + 90) * 360 + (math.floor(longitude) + 180)


def _long_range(start: date | None, end: date | None) -> bool | None:
    """``events.long_range``: is the date range longer than SHORT_RANGE_DAYS (None: undated)."""
    if start is None or end is None:
        return None
    return (end - start).days > SHORT_RANGE_DAYS


def _cells_of_box(lat0: float, lat1: float, lon0: float, lon1: float) -> list[int]:
    return [(la + 90) * 360 + (lo + 180) for la in range(math.floor(lat0), math.floor(lat1) + 1)
            for lo in range(math.floor(lon0), math.floor(lon1) + 1)]


# Statements the writer runs for every record, built once (SQLAlchemy caches their compiled form).
# A candidate is an event of the record's type family and country whose date range can overlap the
# record's, in the record's governorate or in a box around its place. Each lookup is an index range
# on (country, admin1) or on one of the few place cells of the box, then on whether the event's range
# is long, then on its start date: the short ranges from a week before the record's, the long ones
# from two months before. So the rows read depend on how many events that place and fortnight have,
# not on the size of the dataset. The columns are what dedup.place_match reads of the merged place.
_CANDIDATE_FIELDS = (events.c.id, events.c.country, events.c.admin1, events.c.geo_precision, events.c.latitude,
                     events.c.longitude, events.c.place_cell, events.c.event_date_start, events.c.event_date_end)
# The type and, in the box, the country are compared as ``column || ''``: the same test (NULL stays
# NULL) but one SQLite cannot answer from an index of that column, so that it never prefers the
# (event_type, date) or (country, start) index, which read a type's or a country's whole window. The
# box's latitude and longitude are compared as ``column + 0`` for the same reason: the read side's
# index on (longitude, latitude, date) holds every date, and a planner with statistics (SQLite after an
# ANALYZE, PostgreSQL always: see _PG_CANDIDATES) took it for the box, reading every event the town
# ever had instead of the place cell's fortnight.
_OF_FAMILY = events.c.event_type.concat("").in_(bindparam("types", expanding=True))
_SHORT_RANGES = and_(events.c.long_range == False, events.c.event_date_start >= bindparam("recent"))  # noqa: E712
_LONG_RANGES = and_(events.c.long_range == True, events.c.event_date_start >= bindparam("earliest"))  # noqa: E712
_OVERLAPPING = and_(events.c.event_date_start <= bindparam("until"), events.c.event_date_end >= bindparam("since"))
_IN_ADMIN1 = and_(events.c.country == bindparam("country"), events.c.admin1 == bindparam("admin1"))
_IN_BOX = and_(events.c.place_cell.in_(bindparam("cells", expanding=True)),
               events.c.country.concat("") == bindparam("country"),
               (events.c.latitude + 0).between(bindparam("lat0"), bindparam("lat1")),
               (events.c.longitude + 0).between(bindparam("lon0"), bindparam("lon1")))
_CANDIDATES_ADMIN1 = union(*(select(*_CANDIDATE_FIELDS).where(_IN_ADMIN1, ranges, _OVERLAPPING, _OF_FAMILY)
                             for ranges in (_SHORT_RANGES, _LONG_RANGES)))
_CANDIDATES_NEAR = union(*(select(*_CANDIDATE_FIELDS).where(place, ranges, _OVERLAPPING, _OF_FAMILY)
                           for place in (_IN_ADMIN1, _IN_BOX) for ranges in (_SHORT_RANGES, _LONG_RANGES)))


class _DaysBetween(FunctionElement):
    """``a - b`` in days, for two dates (SQLite keeps them as ISO text, PostgreSQL as dates)."""
    type = Float()
    inherit_cache = True


@compiles(_DaysBetween, "sqlite")
def _days_sqlite(element, compiler, **kw):
    a, b = element.clauses
    return f"(julianday({compiler.process(a, **kw)}) - julianday({compiler.process(b, **kw)}))"


@compiles(_DaysBetween)
def _days_other(element, compiler, **kw):
    a, b = element.clauses
    return f"({compiler.process(a, **kw)} - {compiler.process(b, **kw)})"


def _first_candidates(candidates):
    """The first ``limit`` (CANDIDATE_EVENTS) of the ``candidates``, in the order that keeps the
    likely matches (see CANDIDATE_EVENTS), with the two parts of that order: ``off_cell`` (0 for an
    event in the report's place cell ``cell``, else 1) and ``gap`` (days between the event's date
    range and the report's, ``rec_start`` to ``rec_end``; 0 when they overlap). ``_rank`` is the
    same order in Python."""
    found = candidates.subquery("found")
    rec_start, rec_end = bindparam("rec_start", type_=Date), bindparam("rec_end", type_=Date)
    off_cell = case((found.c.place_cell == bindparam("cell", type_=Integer), 0), else_=1).label("off_cell")
    gap = case((found.c.event_date_start > rec_end, _DaysBetween(found.c.event_date_start, rec_end)),
               (found.c.event_date_end < rec_start, _DaysBetween(rec_start, found.c.event_date_end)),
               else_=literal(0)).label("gap")
    return select(found.c.id, found.c.country, found.c.admin1, found.c.geo_precision, found.c.latitude,
                  found.c.longitude, off_cell, gap) \
        .order_by(off_cell, gap, found.c.id.desc()).limit(bindparam("limit", type_=Integer))


def _with_compared_sources(candidates):
    """Each candidate event (``candidates``' columns) once per source matching compares with: its
    first and its latest ``keep``, so the cost per article does not grow with an event's fame,
    with their matching fields and words (the record and evidence text only for a source stored
    before those were kept), in the order they were stored. One statement, one round trip.

    Only those sources' rows are read: the first source's key and the key of the ``keep``-th
    latest are found in the index on (event, id), and the rows are a key look-up and a range of
    that index from there. (A window function over the sources once read every source of every
    candidate, so that a busy town's candidates cost more with each report they gathered.)"""
    first = candidates.subquery("first_candidates")
    older = event_sources.alias("older")
    # each candidate with the keys of its first source and of its ``keep``-th latest, worked out
    # once per candidate (the CTE is used by both halves of the union below)
    found = select(
        *first.c,
        select(func.min(older.c.id)).where(older.c.event == first.c.id).scalar_subquery().label("first"),
        func.coalesce(select(older.c.id).where(older.c.event == first.c.id).order_by(older.c.id.desc())
                      .limit(1).offset(bindparam("skip")).scalar_subquery(), 0).label("latest"),
    ).cte("candidates")
    compared = select(
        found.c.id, found.c.country, found.c.admin1, found.c.geo_precision, found.c.latitude, found.c.longitude,
        event_sources.c.id.label("source"), event_sources.c.match_fields, event_sources.c.match_text,
        case((event_sources.c.match_fields.is_(None), event_sources.c.record)).label("record"),
        case((event_sources.c.match_text.is_(None), event_sources.c.evidence_text)).label("evidence_text"),
        found.c.off_cell, found.c.gap,
    )
    kept = union_all(
        compared.join_from(found, event_sources, event_sources.c.id == found.c.first),
        compared.join_from(found, event_sources, and_(event_sources.c.event == found.c.id,
                                                      event_sources.c.id >= found.c.latest,
                                                      event_sources.c.id != found.c.first)),
    ).subquery("kept")
    return select(*kept.c).order_by(kept.c.source)


# The rows of a candidate search: (event key, country, admin1, geo_precision, latitude, longitude,
# source key, match_fields, match_text, record, evidence_text, off_cell, gap); ``_ranked`` splits
# off the last two.
_COMPARED_NEAR = _with_compared_sources(_first_candidates(_CANDIDATES_NEAR))
_COMPARED_IN_ADMIN1 = _with_compared_sources(_first_candidates(_CANDIDATES_ADMIN1))
# The largest event and source keys: the writer numbers the rows of a batch from there.
_LAST_KEYS = select(select(func.coalesce(func.max(events.c.id), 0)).scalar_subquery(),
                    select(func.coalesce(func.max(event_sources.c.id), 0)).scalar_subquery())
_TAKEN_EVENT_IDS = select(events.c.event_id).where(events.c.event_id.in_(bindparam("ids", expanding=True)))
# PostgreSQL: ``n`` keys drawn from a sequence (a partition's writer, which runs beside others).
_DRAW_KEYS = text("SELECT nextval(CAST(:seq AS regclass)) FROM generate_series(1, :n)")
# PostgreSQL: each sequence past the largest key and past what it gave already.
_SYNC_SEQUENCES = text(
    "SELECT setval('events_id_seq', greatest((SELECT coalesce(max(id), 0) FROM events),"
    " coalesce(pg_sequence_last_value('events_id_seq'), 0), 1)),"
    " setval('event_sources_id_seq', greatest((SELECT coalesce(max(id), 0) FROM event_sources),"
    " coalesce(pg_sequence_last_value('event_sources_id_seq'), 0), 1))")
_SOURCES_WITH_ARTICLES = select(
    event_sources.c.record, articles.c.source, articles.c.article_id, articles.c.url, articles.c.published,
    event_sources.c.match_rule, event_sources.c.match_score, event_sources.c.id, events.c.event_id,
    select(edits.c.id).where(edits.c.event == events.c.id).exists().label("has_edits"),
    event_sources.c.match_fields, event_sources.c.match_text,
    case((event_sources.c.match_text.is_(None), event_sources.c.evidence_text)).label("evidence_text"),
).join(articles, articles.c.id == event_sources.c.article).join(events, events.c.id == event_sources.c.event).where(
    event_sources.c.event == bindparam("ev")).order_by(event_sources.c.id)
_EVENT_ID = select(events.c.event_id).where(events.c.id == bindparam("ev"))
# What the writer reads of an event it merges a report into (_EventState.loaded).
# With it, the columns the writer computes as stored (_COLUMNS): the update sets those that change.
_EDITS_OF = select(edits.c.field, edits.c.new_value).where(edits.c.event == bindparam("ev")).order_by(edits.c.id)
_UPDATE_EVENT = events.update().where(events.c.id == bindparam("target"))
# The columns the writer computes for an event (_event_columns), as stored: what a merge may change.
_COLUMNS = tuple(c.name for c in events.columns
                 if c.name not in ("id", "event_id", "record", "merge_summary", "created_at", "updated_at"))
_COLUMN_AT = {name: n for n, name in enumerate(_COLUMNS)}
_EVENT_SUMMARY = select(events.c.event_id, events.c.record, events.c.merge_summary, events.c.n_sources,
                        select(edits.c.id).where(edits.c.event == events.c.id).exists().label("has_edits"),
                        *(events.c[name] for name in _COLUMNS)).where(events.c.id == bindparam("ev"))


# A batch's candidate searches in one PostgreSQL statement: the searches' parameters go in as
# arrays, one element per search (its types and box cells as JSON arrays), and for each search
# (LATERAL: one search at a time, so that each branch is an index range as in _CANDIDATES_NEAR)
# the same four branches find its candidates. Rows of kind 0 are (search, candidate event's
# columns), rows of kind 1 the compared sources of every candidate (as _with_compared_sources),
# each once: the keys of each candidate's first and latest ``keep`` sources are read from the index
# on (event, id), then those rows only. The box's latitude and longitude are compared as
# ``column + 0`` (the same test; NULL stays NULL) so that the server cannot answer a box branch from
# ix_events_lon_lat (the read side's index on longitude, latitude, date): the search's values are
# unknown when the statement is planned, and the server took that index, which reads every event of
# the town's longitude band, all dates (512 rows filtered per search at 12,000 dense articles, 26,722
# buffers for a batch's 55 searches, growing with the database), over the place cell's index range by
# date (issue 19, docs/performance.md "PostgreSQL's server-side growth").
_PG_CANDIDATES = text("""
WITH s AS (
  SELECT s.n, s.country, s.admin1, s.since, s.until, s.recent, s.earliest, s.lat0, s.lat1, s.lon0, s.lon1,
         s.cell, s.rec_start, s.rec_end, s.lim,
         ARRAY(SELECT jsonb_array_elements_text(CAST(s.types AS jsonb))) AS types,
         ARRAY(SELECT CAST(jsonb_array_elements_text(CAST(s.cells AS jsonb)) AS int)) AS cells
  FROM unnest(CAST(:n AS int[]), CAST(:country AS text[]), CAST(:admin1 AS text[]), CAST(:since AS date[]),
              CAST(:until AS date[]), CAST(:recent AS date[]), CAST(:earliest AS date[]),
              CAST(:lat0 AS float8[]), CAST(:lat1 AS float8[]), CAST(:lon0 AS float8[]), CAST(:lon1 AS float8[]),
              CAST(:types AS text[]), CAST(:cells AS text[]), CAST(:cell AS int[]), CAST(:rec_start AS date[]),
              CAST(:rec_end AS date[]), CAST(:lim AS int[]))
    AS s(n, country, admin1, since, until, recent, earliest, lat0, lat1, lon0, lon1, types, cells, cell, rec_start,
         rec_end, lim)
), found AS (
  SELECT s.n, c.id, c.off_cell, c.gap FROM s CROSS JOIN LATERAL (
    SELECT u.id, CASE WHEN u.place_cell = s.cell THEN 0 ELSE 1 END AS off_cell,
           CASE WHEN u.event_date_start > s.rec_end THEN u.event_date_start - s.rec_end
                WHEN u.event_date_end < s.rec_start THEN s.rec_start - u.event_date_end ELSE 0 END AS gap
    FROM (
      SELECT e.id, e.place_cell, e.event_date_start, e.event_date_end FROM events e
      WHERE e.country = s.country AND e.admin1 = s.admin1 AND e.long_range = false
        AND e.event_date_start >= s.recent AND e.event_date_start <= s.until AND e.event_date_end >= s.since
        AND (e.event_type || '') = ANY (s.types)
      UNION
      SELECT e.id, e.place_cell, e.event_date_start, e.event_date_end FROM events e
      WHERE e.country = s.country AND e.admin1 = s.admin1 AND e.long_range = true
        AND e.event_date_start >= s.earliest AND e.event_date_start <= s.until AND e.event_date_end >= s.since
        AND (e.event_type || '') = ANY (s.types)
      UNION
      SELECT e.id, e.place_cell, e.event_date_start, e.event_date_end FROM events e
      WHERE e.place_cell = ANY (s.cells) AND e.long_range = false
        AND e.event_date_start >= s.recent AND e.event_date_start <= s.until AND e.event_date_end >= s.since
        AND (e.country || '') = s.country AND (e.latitude + 0) BETWEEN s.lat0 AND s.lat1
        AND (e.longitude + 0) BETWEEN s.lon0 AND s.lon1 AND (e.event_type || '') = ANY (s.types)
      UNION
      SELECT e.id, e.place_cell, e.event_date_start, e.event_date_end FROM events e
      WHERE e.place_cell = ANY (s.cells) AND e.long_range = true
        AND e.event_date_start >= s.earliest AND e.event_date_start <= s.until AND e.event_date_end >= s.since
        AND (e.country || '') = s.country AND (e.latitude + 0) BETWEEN s.lat0 AND s.lat1
        AND (e.longitude + 0) BETWEEN s.lon0 AND s.lon1 AND (e.event_type || '') = ANY (s.types)
    ) u
    ORDER BY 2, 3, u.id DESC LIMIT s.lim
  ) c
), kept AS (
  SELECT k.id FROM (SELECT DISTINCT found.id FROM found) f CROSS JOIN LATERAL (
    (SELECT x.id FROM event_sources x WHERE x.event = f.id ORDER BY x.id LIMIT 1)
    UNION
    (SELECT x.id FROM event_sources x WHERE x.event = f.id ORDER BY x.id DESC LIMIT :keep)
  ) k
), ranked AS (
  SELECT es.id, es.event, es.match_fields, es.match_text,
         CASE WHEN es.match_fields IS NULL THEN es.record END AS record,
         CASE WHEN es.match_text IS NULL THEN es.evidence_text END AS evidence_text
  FROM event_sources es WHERE es.id IN (SELECT kept.id FROM kept)
)
SELECT 0 AS kind, found.n, e.id, e.country, e.admin1, e.geo_precision, e.latitude, e.longitude,
       NULL::int AS source, NULL::text AS match_fields, NULL::text AS match_text, NULL::text AS record,
       NULL::text AS evidence_text, found.off_cell, found.gap
FROM found JOIN events e ON e.id = found.id
UNION ALL
SELECT 1, NULL, ranked.event, NULL, NULL, NULL, NULL, NULL, ranked.id, ranked.match_fields, ranked.match_text,
       ranked.record, ranked.evidence_text, NULL, NULL
FROM ranked
""")


def _pg_candidate_params(searches: list[tuple[int, dict]]) -> dict:
    """``_PG_CANDIDATES``' parameters for ``searches`` (search number, ``_search``'s parameters):
    one array per parameter, one element per search."""
    columns = ("country", "admin1", "since", "until", "recent", "earliest", "lat0", "lat1", "lon0", "lon1", "cell",
               "rec_start", "rec_end", "limit")
    params: dict = {"n": [n for n, _ in searches], "keep": searches[0][1]["keep"] if searches else MATCH_SOURCES - 1}
    for name in columns:
        params["lim" if name == "limit" else name] = [p.get(name) for _, p in searches]
    params["types"] = [json.dumps(p["types"]) for _, p in searches]
    params["cells"] = [json.dumps(p.get("cells", [])) for _, p in searches]
    return params


def _pg_candidates(conn: Connection, searches: list[tuple[int, dict]]) -> dict[int, list[tuple]]:
    """Search number -> the rows ``_COMPARED_NEAR`` or ``_COMPARED_IN_ADMIN1`` would give it,
    for all of ``searches`` in one statement (``_PG_CANDIDATES``)."""
    found: dict[int, list[tuple]] = {}
    sources: dict[int, list[tuple]] = {}
    for kind, n, ev, country, admin1, precision, lat, lon, *source, off_cell, gap in conn.execute(
            _PG_CANDIDATES, _pg_candidate_params(searches)):
        if kind == 0:
            found.setdefault(n, []).append(((ev, country, admin1, precision, lat, lon), (off_cell, gap)))
        else:
            sources.setdefault(ev, []).append(tuple(source))
    out = {}
    for n, candidates in found.items():
        rows = [where + source + rank for where, rank in candidates for source in sources.get(where[0], ())]
        rows.sort(key=lambda row: row[6])
        out[n] = rows
    return out


def _engine(url: str) -> tuple[Engine, bool]:
    """The engine for ``url``, and whether the database can only be read (an SQLite file on
    read-only storage, opened without its write-ahead log or any other write)."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True), False
    from sqlalchemy.engine import make_url

    path = make_url(url).database or ""
    read_only = False
    connect = None
    if path and path != ":memory:" and not path.startswith("file:"):
        file = Path(path)
        if file.exists():
            read_only = not os.access(file, os.W_OK) or not os.access(file.parent, os.W_OK)
        else:
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                # article texts and token hashes are nobody else's business: the file (and the
                # -wal and -shm files SQLite makes with the same mode) is readable by its owner only
                os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                pass
            except OSError as exc:
                raise StorageError(f"cannot make the database {path}: {exc.strerror or exc}") from None
        if read_only:
            # without a write-ahead log to read, the file is all there is: immutable needs no -shm
            wal = Path(str(file) + "-wal")
            mode = "mode=ro" if wal.exists() and wal.stat().st_size else "immutable=1"
            uri = f"file:{quote(str(file.resolve()))}?{mode}"

            def connect():
                return sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
    engine = create_engine(url, connect_args={"timeout": 30}, **({"creator": connect} if connect else {}))

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun below, so a writer can BEGIN IMMEDIATE
        cur = dbapi_conn.cursor()
        if not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # a page cache of up to 64 MB (SQLite's default is 2 MB): the writer's candidate searches
        # and the twenty-odd indexes a batch updates read the same pages again and again, each
        # from the operating system otherwise
        cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("marsad_write") else "BEGIN")
    return engine, read_only
