"""The per-article extraction budget (issue 18 item 4): one document that would take too long
is rejected with a message naming it and the budget, and the articles after it are stored —
in one process and with worker processes, on SQLite and PostgreSQL, through the CLI, the
Python API and the web API."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import marsad
from marsad.budget import Budget, BudgetExceeded
from marsad.cli import main
from marsad.pipeline import extract
from marsad.store import open_store

REPO = Path(__file__).resolve().parent.parent


def _generated(n: int, seed: int) -> list[dict]:
    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "benchmarks" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generated_rows(n, seed)


ROWS = _generated(900, 11)
LONG_TEXT = "\n\n".join(r["text"] for r in ROWS)[:300_000]  # about 2 s of extraction, unbudgeted
REPORT = "قتل خمسة مدنيين أمس في قصف مدفعي نفذته قوات النظام السوري على مدينة سراقب في ريف إدلب."


def _feed(tmp_path: Path) -> Path:
    rows = [{"id": "before", "text": ROWS[0]["text"], "published": "2021-03-01"},
            {"id": "long-one", "text": LONG_TEXT, "published": "2021-03-01"},
            {"id": "after", "text": REPORT, "published": "2021-03-01"}]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _assert_long_one_rejected(db_url: str, feed: Path, stderr: str) -> None:
    assert "Traceback" not in stderr
    assert f"{feed}:2: [E110] article long-one (300,000 characters) went over its extraction budget of 0.2 s" in stderr
    store = open_store(db_url)
    try:
        rows = store.rejected_inputs()
        assert [(r["where"], r["code"]) for r in rows] == [(f"{feed}:2", "E110")]
        assert "long-one" in rows[0]["reason"] and "0.2 s" in rows[0]["reason"]
        stored = {e["sources"][0]["article_id"] for e in store.events() if e["sources"]}
        assert store.count("articles") == 2
        assert "after" in stored  # the article after the long one was extracted and stored
    finally:
        store.close()


def test_an_article_over_its_time_budget_is_rejected_and_the_next_is_stored(db_url, tmp_path, capsys):
    feed = _feed(tmp_path)
    code = main(["ingest", str(feed), "--db", db_url, "--no-progress", "--max-seconds", "0.2"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "articles read 3, new 2, already known 0, rejected 1" in out
    _assert_long_one_rejected(db_url, feed, err)


def test_the_time_budget_holds_with_two_worker_processes(db_url, tmp_path):
    feed = _feed(tmp_path)
    done = subprocess.run([sys.executable, "-m", "marsad.cli", "ingest", str(feed), "--db", db_url, "--no-progress",
                           "--max-seconds", "0.2", "--workers", "2", "--batch-size", "1"],
                          env=dict(os.environ, PYTHONPATH=str(REPO)), capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert "articles read 3, new 2, already known 0, rejected 1" in done.stdout
    _assert_long_one_rejected(db_url, feed, done.stderr)


def test_extract_command_reports_the_article_over_budget_and_prints_the_others(tmp_path, capsys):
    feed = _feed(tmp_path)
    assert main(["extract", str(feed), "--max-seconds", "0.2"]) == 1
    out, err = capsys.readouterr()
    assert f"{feed}:2: [E110] article long-one" in err and "Traceback" not in err
    assert {json.loads(line)["article_id"] for line in out.splitlines()} >= {"after"}


def test_python_api_takes_a_budget_and_raises_naming_the_article():
    with pytest.raises(BudgetExceeded) as caught:
        extract(LONG_TEXT, "2021-03-01", article_id="long-one", budget=Budget(max_seconds=0.2))
    assert caught.value.code == "E110"
    assert "long-one" in str(caught.value) and "0.2 s" in str(caught.value)
    with pytest.raises(BudgetExceeded) as caught:
        marsad.extract(REPORT, budget=Budget(max_chars=50))
    assert caught.value.code == "E104" and "the limit is 50" in caught.value.message


def test_a_budget_changes_nothing_for_an_ordinary_article():
    budgeted = [e.to_record() for e in extract(ROWS[0]["text"], "2021-03-01", budget=Budget(max_seconds=0.5))]
    unlimited = [e.to_record() for e in extract(ROWS[0]["text"], "2021-03-01", budget=None)]
    assert budgeted == unlimited and budgeted


@pytest.mark.parametrize("bad", ["-1", "abc", "inf"])
def test_a_bad_time_budget_is_a_usage_error(bad, tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["extract", str(_feed(tmp_path)), "--max-seconds", bad])
    assert caught.value.code == 2 and "--max-seconds" in capsys.readouterr().err
    with pytest.raises(marsad.UsageError):
        Budget(max_seconds=0)


def test_a_million_character_document_stops_soon_after_its_budget():
    """The deadline is checked inside the loops that grow with the text, not only between stages:
    unbudgeted, this document takes about 25 s on the test machine."""
    text = ("\n\n".join(r["text"] for r in _generated(3000, 11)))[:1_000_000]
    started = time.monotonic()
    with pytest.raises(BudgetExceeded):
        extract(text, "2021-03-01", budget=Budget(max_seconds=1.0))
    assert time.monotonic() - started < 9.0
