"""Ingest with extraction in worker processes or on a real Dask LocalCluster gives exactly the
events of the single-process path; the reader is pulled a bounded number of batches ahead; a
database that fills up mid-run keeps whole batches and a re-run finishes the job."""
from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from marsad.errors import StorageError
from marsad.ingest import ingest
from marsad.model import Article
from marsad.readers import read_inputs
from marsad.runner import DaskRunner, InProcess, LocalPool, open_runner
from marsad.store import open_store

REPO = Path(__file__).resolve().parents[1]


def _generated(n: int, seed: int = 11) -> list[dict]:
    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "benchmarks" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        a = module.generated_article(rng, i)
        rows.append({"id": a.id, "text": a.text, "published": a.published.isoformat(), "source": f"outlet-{i % 5}"})
    return rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The 60 multi-source reports (many merges) and 120 generated articles, with the first
    multi-source report repeated at the end (an article seen twice in one run)."""
    rows = [json.loads(line) for line in (REPO / "examples" / "multisource.jsonl").read_text("utf-8").splitlines()]
    rows = rows + _generated(120) + rows[:1]
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def _snapshot(store) -> list[tuple]:
    """Everything ingest decides: each event's id, fields and its sources with their match rules."""
    out = []
    for e in store.events():
        out.append((e["event_id"], e["event_type"], e["sub_event_type"], e["event_date"], e["location"],
                    e["fatalities"], e["fatalities_low"], e["fatalities_high"], e["actor1"], e["actor2"],
                    tuple((s["article_id"], s["match_rule"], s["match_score"]) for s in e["sources"])))
    return sorted(out)


def _ingest(url: str, corpus: Path, runner, batch_size: int = 16):
    store = open_store(url)
    try:
        summary = ingest(store, read_inputs([str(corpus)]), runner=runner, batch_size=batch_size)
        return summary, _snapshot(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('single') / 'single.db'}"
    return _ingest(url, corpus, InProcess())


def test_single_process_ingest_counts_the_repeated_article_as_known(single):
    summary, snapshot = single
    assert (summary.read, summary.new, summary.known, summary.rejected) == (181, 180, 1, 0)
    assert summary.events_merged >= 40 and len(snapshot) == summary.events_created


def test_two_local_workers_give_the_events_of_one_process(db_url, corpus, single):
    with LocalPool(2) as runner:
        summary, snapshot = _ingest(db_url, corpus, runner)
    assert snapshot == single[1]
    assert (summary.new, summary.known) == (180, 1)


def test_dask_local_cluster_with_two_workers_gives_the_events_of_one_process(corpus, single, tmp_path):
    with DaskRunner("local", workers=2) as runner:
        assert runner.workers == 2
        summary, snapshot = _ingest(f"sqlite:///{tmp_path / 'dask.db'}", corpus, runner)
    assert snapshot == single[1]
    assert summary.events_created == single[0].events_created


def test_batch_size_does_not_change_the_events(corpus, single, tmp_path):
    _, snapshot = _ingest(f"sqlite:///{tmp_path / 'b1.db'}", corpus, InProcess(), batch_size=1)
    assert snapshot == single[1]


def test_writer_stores_places_from_the_extraction_without_loading_the_gazetteer(corpus, single, tmp_path,
                                                                               monkeypatch):
    """Workers send the places table's rows along, so the writer (which holds no gazetteer when
    others extract) stores every chosen place all the same."""
    import sqlite3

    from marsad.geo import gazetteer
    from marsad.runner import Runner, extract_batch

    articles = [a for a in read_inputs([str(corpus)]) if isinstance(a, Article)]
    results = {a.article_id: r for a, r in zip(articles, extract_batch(articles))}
    assert sum(len(r.places) for r in results.values()) >= 20

    class Extracted(Runner):  # extraction done before; the writer alone runs below
        def map(self, batches):
            for batch in batches:
                yield batch, [results[a.article_id] for a in batch]

    def no_gazetteer(*_a, **_k):
        raise AssertionError("the writer loaded the gazetteer")

    monkeypatch.setattr(gazetteer, "load_gazetteer", no_gazetteer)
    db = tmp_path / "w.db"
    store = open_store(f"sqlite:///{db}")
    ingest(store, read_inputs([str(corpus)]), runner=Extracted())
    assert _snapshot(store) == single[1]
    store.close()
    stored = {row[0] for row in sqlite3.connect(db).execute("select place_id from places")}
    assert stored == {p.place_id for r in results.values() for p in r.places}


def test_runner_reads_only_a_bounded_number_of_batches_ahead():
    pulled = []

    def batches():
        for i in range(50):
            pulled.append(i)
            yield [Article(text=f"تظاهر العشرات اليوم في مدينة إدلب رقم {i}", id=f"a{i}", published="2024-01-02")]

    with LocalPool(2) as runner:
        results = runner.map(batches())
        next(results)
        # window = 2 * workers + 1 batches in flight, plus the one being handed over
        assert len(pulled) <= 6, len(pulled)
        assert sum(1 for _ in results) == 49


def test_full_database_keeps_whole_batches_and_a_rerun_finishes(corpus, single, tmp_path):
    path = tmp_path / "full.db"
    whole = open_store(f"sqlite:///{tmp_path / 'whole.db'}")
    ingest(whole, read_inputs([str(corpus)]), batch_size=16)
    with whole.engine.connect() as conn:
        whole_pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    whole.close()
    store = open_store(f"sqlite:///{path}")
    with store.engine.connect() as conn:
        schema_pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    limit = schema_pages + (whole_pages - schema_pages) // 2  # room for about half the corpus

    @event.listens_for(store.engine, "connect")
    def _small_disk(dbapi_conn, _record):  # SQLite's own "database or disk is full" past the limit
        dbapi_conn.execute(f"PRAGMA max_page_count = {limit}")

    store.engine.dispose()
    with pytest.raises(StorageError) as failure:
        ingest(store, read_inputs([str(corpus)]), batch_size=16)
    assert "full" in str(failure.value) and "run ingest again" in str(failure.value)
    stored = store.count("articles")
    assert 0 < stored < 180 and stored % 16 == 0  # whole batches only
    store.close()

    store = open_store(f"sqlite:///{path}")
    summary = ingest(store, read_inputs([str(corpus)]), batch_size=16)
    assert summary.known == stored + 1 and summary.new == 180 - stored
    assert _snapshot(store) == single[1]


def test_cli_reports_a_database_failure_without_a_traceback(tmp_path):
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"id": "x", "text": "قتل مدنيان اليوم بقصف على إدلب", "published": "2024-01-02"},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    done = subprocess.run([sys.executable, "-m", "marsad.cli", "ingest", str(corpus), "--db",
                           str(blocker / "x.db"), "--no-progress"], capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.startswith("marsad: [E50")


def test_workers_must_be_positive():
    from marsad.errors import UsageError

    with pytest.raises(UsageError):
        open_runner(workers=0)
