"""Issue 19 item 1 on a real SQLite file and a real PostgreSQL server: what duplicate matching reads
is kept at write time (schema 0005), and a database made before that upgrades and deduplicates
exactly as one made at once."""
from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config
import pytest
from sqlalchemy import create_engine, func, inspect, select

from marsad.export import write_jsonl
from marsad.ingest import ingest
from marsad.readers import read_inputs
from marsad.store import open_store, place_cell
from marsad.store.schema import event_sources, events
from given_runner import GivenRunner

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "multisource.jsonl"


def _export(store) -> str:
    out = io.StringIO()
    write_jsonl(store.events(), out)
    return out.getvalue()


def _halves(tmp_path: Path) -> tuple[str, str]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:30]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[30:]) + "\n", encoding="utf-8")
    return str(first), str(second)


def _alembic(url: str) -> Config:
    import marsad.store

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(marsad.store.__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def test_sources_keep_what_matching_reads(db_url):
    store = open_store(db_url)
    ingest(store, read_inputs([str(SAMPLE)]))
    with store.engine.connect() as conn:
        empty = conn.execute(select(func.count()).select_from(event_sources).where(
            (event_sources.c.match_fields.is_(None)) | (event_sources.c.match_text.is_(None)))).scalar_one()
        cells = conn.execute(select(events.c.latitude, events.c.longitude, events.c.place_cell)).all()
    store.close()
    assert empty == 0
    assert cells and all(cell == place_cell(lat, lon) for lat, lon, cell in cells)
    assert any(cell is not None for _, _, cell in cells)


def test_database_from_before_schema_0005_upgrades_and_dedups_the_same(db_url, tmp_path):
    first, second = _halves(tmp_path)
    at_once = open_store(db_url)  # the same input in one go, at the current schema
    ingest(at_once, read_inputs([first, second]))
    expected = _export(at_once)
    at_once.close()

    sqlite = db_url.startswith("sqlite")
    older = f"sqlite:///{tmp_path}/older.db" if sqlite else _other_database(db_url)
    try:
        # the first half stored by a marsad of schema 0004: no place cells, no kept matching fields
        store = open_store(older)
        ingest(store, read_inputs([first]))
        store.close()
        command.downgrade(_alembic(older), "0004")
        engine = create_engine(older)
        with engine.connect() as conn:
            assert "match_fields" not in {c["name"] for c in inspect(conn).get_columns("event_sources")}
        engine.dispose()

        store = open_store(older)  # upgraded to head: place cells filled, old sources' fields left empty
        with store.engine.connect() as conn:
            cells = conn.execute(select(events.c.latitude, events.c.longitude, events.c.place_cell)).all()
            empty = conn.execute(select(func.count()).select_from(event_sources)
                                 .where(event_sources.c.match_fields.is_(None))).scalar_one()
        assert cells and all(cell == place_cell(lat, lon) for lat, lon, cell in cells)
        assert empty > 0
        later = ingest(store, read_inputs([second]))
        old_ids = {a.article_id for a in read_inputs([first])}
        # reports of the second half joined events of the first, matched against sources stored at 0004
        assert later.events_merged > 0 and any(
            {s["article_id"] in old_ids for s in e["sources"]} == {True, False} for e in store.events())
        assert _export(store) == expected
        store.close()
    finally:
        if not sqlite:
            _drop(older)


def _other_database(url: str) -> str:
    """A second fresh PostgreSQL database beside the test's own (dropped by the test)."""
    import uuid

    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    name = f"marsad_test_{uuid.uuid4().hex[:8]}"
    libpq = make_url(url).set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _drop(url: str) -> None:
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    libpq = parsed.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(parsed.database)))


# --------------------------------------------------------------------------- long date ranges

REPORT = "قتل خمسة مدنيين أمس في قصف مدفعي نفذته قوات النظام السوري على بلدة كفرنبل في ريف إدلب، بحسب مصدر محلي."


def _report(event_id: str, start: str, end: str, precision: int) -> dict:
    import marsad

    record = marsad.extract(REPORT, published="2024-03-25")[0].to_record()
    record.update(event_id=event_id, event_date=start, event_date_start=start, event_date_end=end,
                  time_precision=precision, latitude=35.5, longitude=36.55, geo_precision=1, country="Syria",
                  admin1="Idlib", evidence={})  # no spans: the article's whole text is its evidence
    return record


def test_a_report_joins_an_event_whose_long_range_began_weeks_before(db_url):
    """An event dated only to a 44-day range (10 Feb - 24 Mar) is a candidate for a report of
    23 March, though it began 42 days before: the writer looks a week back for short ranges and
    two months back for long ones (events.long_range)."""
    from marsad.model import Article

    records = {"vague": [_report("ev-vague", "2024-02-10", "2024-03-24", 3)],
               "exact": [_report("ev-exact", "2024-03-23", "2024-03-23", 1)],
               "other": [_report("ev-other", "2024-01-05", "2024-01-05", 1)]}
    store = open_store(db_url)
    items = {name: Article(text=REPORT + f" ({name})", id=name, published=None, source=name) for name in records}
    ingest(store, [items["vague"]], runner=GivenRunner(records))
    with store.engine.connect() as conn:
        assert conn.execute(select(events.c.long_range)).scalar_one() is True
    summary = ingest(store, [items["other"], items["exact"]], runner=GivenRunner(records))
    events_by_source = {s["article_id"]: e["event_id"] for e in store.events() for s in e["sources"]}
    store.close()
    assert summary.events_merged == 1 and events_by_source["exact"] == events_by_source["vague"] == "ev-vague"
    assert events_by_source["other"] == "ev-other"  # six weeks before the others: an event of its own


def _generated(path: Path, n: int, seed: int) -> str:
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "benchmarks" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in module.generated_rows(n, seed)),
                    encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("first", [None, 1])
def test_every_search_sees_what_the_batch_wrote_before_it(db_url, tmp_path, monkeypatch, first):
    """The writer answers a batch's candidate searches at its start (in one statement on
    PostgreSQL) and adds in memory what the batch has changed since (store._Unsent): each search
    gives exactly the rows its statement gives against the database with every row written. With
    the candidates bounded to one event (``first``), most searches are cut by the bound and a batch
    often changes the one event a search gave: still what the statement gives."""
    import marsad.store
    from marsad.store import _COMPARED_IN_ADMIN1, _COMPARED_NEAR, Store, _Unsent, _ranked

    if first is not None:
        monkeypatch.setattr(marsad.store, "CANDIDATE_EVENTS", first)
    corpus = _generated(tmp_path / "dense.jsonl", 240, 11)
    store_article, candidates = Store._store_article, _Unsent.candidates
    seen = {"conn": None, "searches": 0, "with_changed": 0, "asked_again": 0, "bounded": 0}

    def keep_conn(self, conn, *args):
        seen["conn"] = conn
        return store_article(self, conn, *args)

    def checked(self, params, at_start, ranks):
        rows = candidates(self, params, at_start, ranks)
        if rows is None:  # the writer asks the database again, with a larger limit
            seen["asked_again"] += 1
            return rows
        store._write_pending(seen["conn"], self)  # everything the batch made so far, in the database
        written = seen["conn"].execute(_COMPARED_NEAR if "cells" in params else _COMPARED_IN_ADMIN1,
                                       dict(params, limit=marsad.store.CANDIDATE_EVENTS)).all()
        assert [tuple(r) for r in rows] == _ranked(written)[0]
        seen["searches"] += 1
        seen["with_changed"] += any(row[0] in self.changed for row in rows)
        seen["bounded"] += len({row[0] for row in rows}) == marsad.store.CANDIDATE_EVENTS
        return rows

    monkeypatch.setattr(Store, "_store_article", keep_conn)
    monkeypatch.setattr(_Unsent, "candidates", checked)
    store = open_store(db_url)
    summary = ingest(store, read_inputs([corpus]), batch_size=80)
    store.close()
    assert summary.new == 240 and summary.events_merged > 0
    assert seen["searches"] >= 300 and seen["with_changed"] >= 10, seen
    if first is not None:
        assert seen["bounded"] >= 50, {k: v for k, v in seen.items() if k != "conn"}


def test_candidate_conditions_in_memory_are_the_statements(db_url, monkeypatch):
    """store._is_candidate (what the writer asks of the events a batch changed) accepts exactly the
    events the candidate statements return, NULLs and edges included; on PostgreSQL the batch's
    one statement (store._pg_candidates) returns them too."""
    import random
    from datetime import date, datetime, timedelta, timezone

    import marsad.store
    from marsad.store import (_CANDIDATES_ADMIN1, _CANDIDATES_NEAR, _COMPARED_IN_ADMIN1, _COMPARED_NEAR,
                              _is_candidate, _long_range, _pg_candidates, _rank, _search)

    CANDIDATE_EVENTS = 6  # a bound the random searches reach often
    monkeypatch.setattr(marsad.store, "CANDIDATE_EVENTS", CANDIDATE_EVENTS)
    from marsad.store.schema import articles

    rng = random.Random(19)
    base, now = date(2024, 5, 1), datetime(2024, 6, 1, tzinfo=timezone.utc)
    kinds = ["Battles", "Violence against civilians", "Explosions/Remote violence", "Protests"]
    places = [("Syria", "Idlib"), ("Syria", "Aleppo"), ("Syria", None), ("Iraq", "Nineveh"), (None, None)]
    rows = []
    for key in range(1, 401):
        start = None if rng.random() < 0.05 else base + timedelta(days=rng.randint(-80, 80))
        end = None if start is None or rng.random() < 0.05 else start + timedelta(days=rng.choice([0, 2, 7, 8, 30, 62]))
        lat = None if rng.random() < 0.15 else 36.0 + rng.uniform(-1.2, 1.2)
        lon = None if lat is None or rng.random() < 0.05 else 36.6 + rng.uniform(-1.5, 1.5)
        country, admin1 = rng.choice(places)
        rows.append(dict(id=key, event_id=f"ev-{key}", event_type=rng.choice(kinds), sub_event_type="Attack",
                         event_date_start=start, event_date_end=end, long_range=_long_range(start, end),
                         country=country, admin1=admin1, latitude=lat, longitude=lon,
                         place_cell=place_cell(lat, lon), geo_precision=rng.choice([1, 2, 3]), n_sources=1,
                         disagreement=False, record="{}", created_at=now, updated_at=now))
    store = open_store(db_url)
    with store._writing() as conn:
        conn.execute(articles.insert(), dict(id=1, text_hash="h", article_id="a", language="ar", text="t",
                                             extractor_version="x", ingested_at=now))
        conn.execute(events.insert(), rows)
        conn.execute(event_sources.insert(), [dict(id=r["id"], event=r["id"], article=1, extracted_id=r["event_id"],
                                                   record="{}", evidence_text="", match_fields="{}", match_text="")
                                              for r in rows])
        searches = []
        for _ in range(60):
            day = base + timedelta(days=rng.randint(-60, 60))
            country, admin1 = rng.choice(places[:4])
            near = rng.random() < 0.7
            searches.append(_search(dict(event_type=rng.choice(kinds), country=country, admin1=admin1,
                                         event_date=day.isoformat(), event_date_start=day.isoformat(),
                                         event_date_end=(day + timedelta(days=rng.choice([0, 0, 3, 20]))).isoformat(),
                                         latitude=36.0 + rng.uniform(-1, 1) if near else None,
                                         longitude=36.6 + rng.uniform(-1, 1) if near else None)))
        batched = _pg_candidates(conn, list(enumerate(searches))) if store.engine.dialect.name == "postgresql" \
            else None
        found_any = admin1_only = bounded = 0
        for n, params in enumerate(searches):
            query = _CANDIDATES_NEAR if "cells" in params else _CANDIDATES_ADMIN1
            by_sql = {row[0] for row in conn.execute(query, params)}
            in_memory = {r["id"] for r in rows if _is_candidate(r, params)}
            assert in_memory == by_sql, (params, in_memory ^ by_sql)
            if batched is not None:
                assert {row[0] for row in batched.get(n, [])} <= by_sql
            else:  # SQLite: the writer runs the compiled statement on the driver (Store._sqlite_rows)
                compared = _COMPARED_NEAR if "cells" in params else _COMPARED_IN_ADMIN1
                assert store._sqlite_rows(conn, compared, params) == [tuple(r) for r in conn.execute(compared, params)]
            # the first CANDIDATE_EVENTS of them by _rank are those the compared statement keeps
            first = sorted((r for r in rows if r["id"] in in_memory), key=lambda r: _rank(r, r["id"], params))
            compared = _COMPARED_NEAR if "cells" in params else _COMPARED_IN_ADMIN1
            kept = [row[0] for row in conn.execute(compared, params)]
            assert set(kept) == {r["id"] for r in first[:CANDIDATE_EVENTS]}, params
            if batched is not None:
                assert sorted(row[0] for row in batched.get(n, [])) == sorted(kept)
            bounded += len(in_memory) > CANDIDATE_EVENTS
            found_any += bool(by_sql)
            admin1_only += "cells" not in params and bool(by_sql)
    store.close()
    assert found_any >= 20 and admin1_only >= 3 and bounded >= 5, (found_any, admin1_only, bounded)


def test_a_famous_event_is_compared_by_its_first_and_latest_sources_only(db_url):
    """An event with 20 reports is compared by its first and its latest MATCH_SOURCES - 1 (the
    statements read those rows only: migration 0010's index on (event, id)); one with 3 by all of
    them; the boundary pass's search (keep and skip past any count) gives every source. On
    PostgreSQL the batch's one statement gives the same rows."""
    from datetime import date, datetime, timezone

    from marsad.store import _COMPARED_NEAR, MATCH_SOURCES, _long_range, _pg_candidates, _search
    from marsad.store.partitions import EVERY_SOURCE
    from marsad.store.schema import articles

    now, day = datetime(2024, 6, 1, tzinfo=timezone.utc), date(2024, 5, 1)
    store = open_store(db_url)
    sources, key = {1: [], 2: []}, 0
    with store._writing() as conn:
        conn.execute(articles.insert(), dict(id=1, text_hash="h", article_id="a", language="ar", text="t",
                                             extractor_version="x", ingested_at=now))
        conn.execute(events.insert(), [dict(id=ev, event_id=f"ev-{ev}", event_type="Battles", sub_event_type="Armed clash",
                                            event_date_start=day, event_date_end=day, long_range=_long_range(day, day),
                                            country="Syria", admin1="Idlib", latitude=35.9 + ev / 100, longitude=36.6,
                                            place_cell=place_cell(35.9 + ev / 100, 36.6), geo_precision=1,
                                            n_sources=1, disagreement=False, record="{}", created_at=now,
                                            updated_at=now) for ev in (1, 2)])
        rows = []
        for turn in range(23):  # the two events' sources interleaved, as a stream stores them
            ev = 1 if turn % 5 else 2
            if ev == 2 and len(sources[2]) == 3:
                ev = 1
            key += 1
            sources[ev].append(key)
            rows.append(dict(id=key, event=ev, article=1, extracted_id=f"x-{key}", record="{}", evidence_text="",
                             match_fields="{}", match_text=""))
        conn.execute(event_sources.insert(), rows)
        params = _search(dict(event_type="Battles", country="Syria", admin1="Idlib", event_date="2024-05-01",
                              latitude=35.92, longitude=36.6))
        keep = MATCH_SOURCES - 1
        expected = sorted(sources[1][:1] + sources[1][-keep:] + sources[2])
        assert len(sources[1]) == 20 and len(expected) == MATCH_SOURCES + 3
        assert [row[6] for row in conn.execute(_COMPARED_NEAR, params)] == expected
        every = dict(params, keep=EVERY_SOURCE, skip=EVERY_SOURCE, limit=EVERY_SOURCE)
        assert [row[6] for row in conn.execute(_COMPARED_NEAR, every)] == sorted(sources[1] + sources[2])
        if store.engine.dialect.name == "postgresql":
            assert [row[6] for row in _pg_candidates(conn, [(0, params)])[0]] == expected
    store.close()


def _events_in_one_cell(conn, now, day, specs):
    """Events of one family in Idlib (one per ``specs`` item: (key, days from ``day`` to its date,
    in the report's place cell or not)), each with one source; their columns by key."""
    from datetime import timedelta

    from marsad.store import _long_range
    from marsad.store.schema import articles

    conn.execute(articles.insert(), dict(id=1, text_hash="h", article_id="a", language="ar", text="t",
                                         extractor_version="x", ingested_at=now))
    rows = []
    for key, shift, in_cell in specs:
        when = day + timedelta(days=shift)
        lat, lon = (35.93, 36.63) if in_cell else (35.93, 37.05)  # the next cell east, same governorate
        rows.append(dict(id=key, event_id=f"ev-{key}", event_type="Battles" if key % 2 else "Explosions/Remote violence",
                         sub_event_type="Armed clash", event_date=when, event_date_start=when, event_date_end=when,
                         long_range=_long_range(when, when), country="Syria", admin1="Idlib", latitude=lat,
                         longitude=lon, place_cell=place_cell(lat, lon), geo_precision=1, n_sources=1,
                         disagreement=False, record="{}", created_at=now, updated_at=now))
    conn.execute(events.insert(), rows)
    conn.execute(event_sources.insert(), [dict(id=r["id"], event=r["id"], article=1, extracted_id=r["event_id"],
                                               record="{}", evidence_text="", match_fields="{}", match_text="")
                                          for r in rows])
    return {r["id"]: r for r in rows}


def test_a_search_returns_the_first_k_events_nearest_in_date(db_url):
    """K + 3 events of one family in one place cell and date window: a candidate search returns K
    (CANDIDATE_EVENTS) of them, those in the report's place cell first, then the nearest in date,
    then the latest; on both backends, through the statement SQLAlchemy runs, the one the SQLite
    writer runs on the driver and PostgreSQL's one statement per batch."""
    from datetime import date, datetime, timezone

    from marsad.store import CANDIDATE_EVENTS as K
    from marsad.store import _COMPARED_NEAR, _pg_candidates, _ranked, _search

    now, day = datetime(2024, 6, 1, tzinfo=timezone.utc), date(2024, 5, 10)
    # K + 3 events in the cell: a third on the report's day, the rest one and two days off; and two
    # more of the report's day in the governorate but the next cell
    shifts = [0, 0, 0, 1, -1, 1, 2, -2, 2, -2, 2][:K + 3] + [0] * max(0, K + 3 - 11)
    specs = [(key, shift, True) for key, shift in enumerate(shifts, 1)] + [(K + 4, 0, False), (K + 5, 0, False)]
    store = open_store(db_url)
    with store._writing() as conn:
        stored = _events_in_one_cell(conn, now, day, specs)
        params = _search(dict(event_type="Battles", country="Syria", admin1="Idlib", event_date=day.isoformat(),
                              latitude=35.95, longitude=36.6))
        expected = sorted((key for key, _, in_cell in specs if in_cell),
                          key=lambda key: (abs(stored[key]["event_date"] - day).days, -key))[:K]
        got = _ranked(conn.execute(_COMPARED_NEAR, params).all())
        assert len(got[1]) == K and set(got[1]) == set(expected)
        # the report's day and the day before and after are all in (the nearest in date)
        assert {key for key, shift, in_cell in specs if in_cell and abs(shift) <= 1} <= set(got[1])
        assert all(got[1][key] == (0, abs(stored[key]["event_date"] - day).days) for key in got[1])
        if store.engine.dialect.name == "postgresql":
            assert _ranked(_pg_candidates(conn, [(0, params)])[0]) == got
        else:
            assert _ranked(store._sqlite_rows(conn, _COMPARED_NEAR, params)) == got
        # without the bound, every one of them (the two of the next cell last)
        everything = _ranked(conn.execute(_COMPARED_NEAR, dict(params, limit=100)).all())[1]
        assert len(everything) == K + 5 and everything[K + 4] == everything[K + 5] == (1, 0)
    store.close()


def test_a_batch_that_moves_a_first_candidate_away_asks_the_database_again(db_url):
    """When a batch changes one of the K events a search gave at the batch's start so that it is no
    longer a candidate, the K+1-th event, which the search did not read, takes its place: the writer
    asks the database again for more (Store._compared) and gives what the statement would."""
    from datetime import date, datetime, timezone

    from marsad.store import CANDIDATE_EVENTS as K
    from marsad.store import _Unsent, _search

    now, day = datetime(2024, 6, 1, tzinfo=timezone.utc), date(2024, 5, 10)
    specs = [(key, 0 if key <= 2 else 1 if key <= K else 2, True) for key in range(1, K + 4)]
    store = open_store(db_url)
    with store._writing() as conn:
        stored = _events_in_one_cell(conn, now, day, specs)
        params = _search(dict(event_type="Battles", country="Syria", admin1="Idlib", event_date=day.isoformat(),
                              latitude=35.95, longitude=36.6))
        search = store._candidates(conn, [params])[0]
        assert set(search[2]) == set(range(1, K + 1))  # the K nearest: days 0 and 1
        pending = _Unsent(iter(()), iter(()), set())
        asked = []
        candidates = store._candidates

        def counted(conn, searches):
            asked.append(searches[0]["limit"])
            return candidates(conn, searches)

        store._candidates = counted
        # event 1 became a protest (an analyst's edit, say): the latest of day 2, K + 3, comes in
        pending.changed[1] = (dict(stored[1], event_type="Protests"), [(1, "{}", "", None, None)])
        rows = store._compared(conn, pending, search)
        assert {row[0] for row in rows} == set(range(2, K + 1)) | {K + 3} and asked == [2 * K]
        # an event of the batch moved nearer: it stays among the K, nothing is asked again
        asked.clear()
        pending.changed = {K: (dict(stored[K], event_date_start=day, event_date_end=day), [(K, "{}", "", None, None)])}
        rows = store._compared(conn, pending, search)
        assert {row[0] for row in rows} == set(range(1, K + 1)) and asked == []
    store.close()
