"""Issue 18, item 7: two writers never fight. Migrations of a new database are serialised by a lock,
and batches are written one writer at a time with idempotent inserts, so processes started together
on one database all succeed and two overlapping ingests store the union, nothing lost or twice; on
SQLite and PostgreSQL, with real processes."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from marsad.ingest import ingest
from marsad.readers import read_inputs
from marsad.store import open_store
from marsad.store.schema import articles, event_sources

REPO = Path(__file__).resolve().parents[1]

OPEN_AT = """
import sys, time
start = float(sys.argv[2])
from marsad.store import open_store
while time.time() < start:
    time.sleep(0.001)
open_store(sys.argv[1]).close()
"""


def test_processes_opening_a_new_database_at_once_all_succeed(db_url):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.time() + 2.5  # every process has imported marsad by then; they migrate together
    procs = [subprocess.Popen([sys.executable, "-c", OPEN_AT, db_url, str(start)], env=env,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in errors), [err[-600:] for _, err in errors]
    store = open_store(db_url)
    assert store.count("articles") == 0
    store.close()


def _rows(n: int) -> list[dict]:
    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "benchmarks" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generated_rows(n, 5, source=lambda i: f"outlet-{i % 3}")


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def _contents(url: str) -> tuple[list[str], list[tuple[str, str]]]:
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            ids = sorted(r[0] for r in conn.execute(select(articles.c.article_id)))
            sources = sorted(tuple(r) for r in conn.execute(
                select(articles.c.article_id, event_sources.c.extracted_id)
                .join(articles, articles.c.id == event_sources.c.article)))
            assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == len(set(ids))
        return ids, sources
    finally:
        store.close()


def test_two_overlapping_ingests_store_the_union(db_url, tmp_path):
    rows = _rows(40)
    # the second run reads its articles backwards: the two meet in the middle, on the same articles
    first, second = _write(tmp_path / "a.jsonl", rows[:28]), _write(tmp_path / "b.jsonl", rows[12:][::-1])
    env = dict(os.environ, PYTHONPATH=str(REPO))
    open_store(db_url).close()  # the schema exists: the two runs race on the data, not the migration

    def start_ingest(path: Path, url: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "marsad.cli", "ingest", str(path), "--db", url,
                                 "--no-progress", "--batch-size", "2"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    runs = [start_ingest(first, db_url), start_ingest(second, db_url)]
    outcomes = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in runs]
    assert all(code == 0 for code, _, _ in outcomes), [err[-800:] for _, _, err in outcomes]
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    store = open_store(reference)
    ingest(store, read_inputs([str(_write(tmp_path / "all.jsonl", rows))]))
    store.close()
    assert _contents(db_url) == _contents(reference)
