"""The event store on a real SQLite file and a real PostgreSQL server (``db_url`` in conftest.py):
idempotent ingest, interrupted ingest, rejected inputs, deduplication, corrections, export."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.export import ACLED_COLUMNS, write_acled_csv, write_geojson
from marsad.ingest import ingest
from marsad.model import Article
from marsad.readers import read_inputs
from marsad.store import IngestSummary, open_store

REPO = Path(__file__).resolve().parents[1]

# Three reports of one shelling (different words, numbers, outlets), one report of another
# shelling in the same town four days later, and a protest there the same day. Written for this test.
REPORTS = [
    {"id": "r1", "published": "2023-03-15", "source": "Outlet A", "url": "https://example.org/a/1",
     "text": "قتل خمسة مدنيين بينهم طفلان أمس الثلاثاء بقصف مدفعي لقوات النظام على بلدة كفرنبل في ريف إدلب "
             "الجنوبي، بحسب مصادر محلية."},
    {"id": "r2", "published": "2023-03-15", "source": "Outlet B", "url": "https://example.org/b/1",
     "text": "أفاد ناشطون بمقتل سبعة مدنيين وإصابة آخرين جراء قصف مدفعي نفذته قوات النظام أمس على بلدة كفرنبل "
             "جنوبي إدلب."},
    {"id": "r3", "published": "2023-03-14", "source": "Outlet C", "url": "https://example.org/c/1",
     "text": "قصفت قوات النظام اليوم بلدة كفرنبل بريف إدلب بالمدفعية الثقيلة ما أدى إلى مقتل ستة مدنيين."},
    {"id": "r4", "published": "2023-03-18", "source": "Outlet A", "url": "https://example.org/a/2",
     "text": "قتل مدنيان اليوم السبت بقصف صاروخي لقوات النظام على بلدة كفرنبل في ريف إدلب."},
    {"id": "r5", "published": "2023-03-14", "source": "Outlet D", "url": "https://example.org/d/1",
     "text": "تظاهر مئات الأهالي اليوم في بلدة كفرنبل بريف إدلب للمطالبة بالإفراج عن المعتقلين."},
]


def _write_jsonl(path: Path, rows: list[dict], bad_line: str | None = None) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if bad_line is not None:
        lines.insert(2, bad_line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _snapshot(store) -> list[tuple]:
    return sorted((e["event_id"], e["event_type"], e.get("location"), e.get("fatalities"),
                   tuple(sorted(s["article_id"] for s in e["sources"]))) for e in store.events())


def test_ingest_dedups_and_is_idempotent(db_url, tmp_path):
    store = open_store(db_url)
    path = _write_jsonl(tmp_path / "reports.jsonl", REPORTS)
    first = ingest(store, read_inputs([str(path)]))
    assert (first.read, first.new, first.known) == (5, 5, 0)
    events = store.events()
    shelling = [e for e in events if e["event_type"] == "Explosions/Remote violence"]
    merged = [e for e in shelling if len(e["sources"]) == 3]
    assert len(merged) == 1, [(e["event_date"], e["location"], len(e["sources"])) for e in shelling]
    event = merged[0]
    assert sorted(s["article_id"] for s in event["sources"]) == ["r1", "r2", "r3"]
    assert event["fatalities"] == 5 and event["fatalities_low"] == 5 and event["fatalities_high"] == 7
    assert event["disagreement"] is True
    assert all(s["match_rule"] for s in event["sources"][1:]) and event["sources"][0]["match_rule"] is None
    # the later shelling and the protest stay apart
    assert len(shelling) == 2 and len([e for e in events if e["event_type"] == "Protests"]) == 1
    before = _snapshot(store)
    again = ingest(store, read_inputs([str(path)]))
    assert (again.new, again.known, again.events_created, again.events_merged) == (0, 5, 0, 0)
    assert _snapshot(store) == before
    assert store.count("articles") == 5


def test_same_url_is_known(db_url, tmp_path):
    store = open_store(db_url)
    ingest(store, [Article(text=REPORTS[0]["text"], id="x", url="https://example.org/same")])
    summary = ingest(store, [Article(text=REPORTS[0]["text"] + " (محدث)", id="y", url="https://example.org/same")])
    assert summary.known == 1 and store.count("articles") == 1


def test_malformed_line_is_rejected_and_the_rest_stored(db_url, tmp_path):
    store = open_store(db_url)
    path = _write_jsonl(tmp_path / "mixed.jsonl", REPORTS, bad_line='{"id": "broken", "text": "قتل')
    summary = ingest(store, read_inputs([str(path)]))
    assert summary.rejected == 1 and summary.new == 5
    rows = store.rejected_inputs()
    assert len(rows) == 1 and rows[0]["where"].endswith("mixed.jsonl:3") and rows[0]["reason"]
    ingest(store, read_inputs([str(path)]))
    assert len(store.rejected_inputs()) == 1  # kept once


def test_corrections_survive_reingest_and_new_sources(db_url, tmp_path):
    store = open_store(db_url)
    ingest(store, read_inputs([str(_write_jsonl(tmp_path / "one.jsonl", REPORTS[:1]))]))
    event_id = store.events()[0]["event_id"]
    store.edit(event_id, {"fatalities": "4", "location": "Kafr Nabl"}, editor="tester", note="checked")
    ingest(store, read_inputs([str(_write_jsonl(tmp_path / "all.jsonl", REPORTS))]))
    event = store.event(event_id)
    assert len(event["sources"]) == 3  # two more reports merged into the corrected event
    assert event["fatalities"] == 4 and event["location"] == "Kafr Nabl"
    assert [(e["field"], e["old"], e["new"], e["editor"]) for e in event["edits"]] == [
        ("fatalities", 5, 4, "tester"), ("location", "Kafranbel", "Kafr Nabl", "tester")]


def test_split_undoes_a_merge_for_good(db_url, tmp_path):
    store = open_store(db_url)
    path = _write_jsonl(tmp_path / "reports.jsonl", REPORTS)
    ingest(store, read_inputs([str(path)]))
    event = next(e for e in store.events() if len(e["sources"]) == 3)
    key = next(s["source_key"] for s in event["sources"] if s["article_id"] == "r3")
    new_id = store.split(event["event_id"], key, editor="tester")
    assert [s["article_id"] for s in store.event(new_id)["sources"]] == ["r3"]
    assert len(store.event(event["event_id"])["sources"]) == 2
    ingest(store, read_inputs([str(path)]))
    assert len(store.event(event["event_id"])["sources"]) == 2


def test_edit_rejects_unknown_fields(db_url, tmp_path):
    from marsad.errors import UsageError
    store = open_store(db_url)
    ingest(store, read_inputs([str(_write_jsonl(tmp_path / "one.jsonl", REPORTS[:1]))]))
    event_id = store.events()[0]["event_id"]
    with pytest.raises(UsageError):
        store.edit(event_id, {"colour": "red"}, editor="tester")
    with pytest.raises(UsageError):
        store.edit(event_id, {"fatalities": "many"}, editor="tester")
    with pytest.raises(UsageError):
        store.edit("ev-nope", {"fatalities": "1"}, editor="tester")


def test_filters_and_exports(db_url, tmp_path):
    store = open_store(db_url)
    ingest(store, read_inputs([str(_write_jsonl(tmp_path / "reports.jsonl", REPORTS))]))
    assert len(store.events(event_type="Protests")) == 1
    assert len(store.events(min_fatalities=5)) == 1
    assert len(store.events(since="2023-03-17")) == 1
    assert len(store.events(bbox=(36.0, 35.0, 37.0, 36.0))) == 3
    assert store.events(bbox=(40.0, 30.0, 41.0, 31.0)) == []
    assert len(store.events(actor="forces of syria")) == 2
    out = io.StringIO()
    assert write_acled_csv(store.events(), out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert rows[0]["event_date"] == "14 March 2023" and rows[0]["country"] == "Syria"
    out = io.StringIO()
    write_geojson(store.events(), out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 3
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 35 < lat < 37 and 36 < lon < 37
        assert feature["properties"]["event_type"]


# --------------------------------------------------------------------------- interrupted ingest

def _corpus(path: Path, n: int) -> Path:
    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "benchmarks" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return _write_jsonl(path, module.generated_rows(n, 7))


def _ingest_cmd(db_url: str, path: Path) -> list[str]:
    return [sys.executable, "-m", "marsad.cli", "ingest", str(path), "--db", db_url, "--no-progress"]


def test_kill_9_then_rerun_gives_the_uninterrupted_result(db_url, tmp_path, request):
    corpus = _corpus(tmp_path / "corpus.jsonl", 300)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(_ingest_cmd(db_url, corpus), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    store = open_store(db_url)
    deadline = time.time() + 120
    while time.time() < deadline and store.count("articles") < 60:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = store.count("articles")
    assert 0 < stored < 300, "the run was not interrupted in the middle"
    subprocess.run(_ingest_cmd(db_url, corpus), env=env, check=True, stdout=subprocess.DEVNULL)
    interrupted = _snapshot(store)
    assert store.count("articles") == 300

    reference_url = f"sqlite:///{tmp_path / 'reference.db'}"
    subprocess.run(_ingest_cmd(reference_url, corpus), env=env, check=True, stdout=subprocess.DEVNULL)
    assert interrupted == _snapshot(open_store(reference_url))


def test_a_rolled_back_batch_leaves_no_gap_in_source_keys(db_url, tmp_path):
    """After a batch rolled back (kill -9, a full disk) and a re-run, the sources are numbered as in
    an uninterrupted run: on PostgreSQL a sequence kept the numbers the lost batch had drawn."""
    from marsad.runner import extract_batch

    path = _corpus(tmp_path / "corpus.jsonl", 6)
    items = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    store = open_store(db_url)
    first = extract_batch(items[:1])[0]
    assert first.events
    send = store._send

    def send_then_die(conn, pending):  # the batch is written, then the process "dies" before it commits
        send(conn, pending)
        raise RuntimeError("killed")

    store._send = send_then_die
    with pytest.raises(RuntimeError):
        store.write_batch(items[:1], [first], IngestSummary())
    del store._send
    ingest(store, items)
    reference = open_store(f"sqlite:///{tmp_path / 'reference.db'}")
    ingest(reference, items)

    def keys(s):
        return sorted((e["event_id"], src["article_id"], src["source_key"]) for e in s.events() for src in e["sources"])

    assert keys(store) == keys(reference)
    assert min(k for *_, k in keys(store)) == 1


# A killing in Nawa, told by one outlet; written for the tests below.
NAWA = {"id": "n1", "published": "2024-08-11", "source": "A", "url": "https://example.org/n1",
        "text": "قتل شاب برصاص مسلحين مجهولين مساء اليوم في مدينة نوى بريف درعا الغربي، بحسب مصادر محلية."}


def _groups(tmp_path, name: str, reports: list[dict]) -> list[list[str]]:
    store = open_store(f"sqlite:///{tmp_path}/{name}.db")
    ingest(store, read_inputs([str(_write_jsonl(tmp_path / f"{name}.jsonl", reports))]))
    return sorted(sorted(s["article_id"] for s in e["sources"]) for e in store.events())


def test_vague_report_does_not_chain_a_distant_town_into_an_event(tmp_path):
    """A countryside-only report joins the Nawa killing; a killing the same evening in al-Sanamayn
    (about 25 km away, also in the Daraa countryside) must not join through it. Written for this test."""
    reports = [
        NAWA,
        {"id": "n2", "published": "2024-08-12", "source": "B", "url": "https://example.org/n2",
         "text": "قتل شاب مساء أمس برصاص مسلحين مجهولين في ريف درعا الغربي، بحسب ناشطين."},
        {"id": "j1", "published": "2024-08-11", "source": "C", "url": "https://example.org/j1",
         "text": "قتل رجل برصاص مسلحين مجهولين مساء اليوم في مدينة الصنمين بريف درعا الشمالي، بحسب مصادر محلية."},
    ]
    groups = _groups(tmp_path, "chain", reports)
    assert groups == [["j1"], ["n1", "n2"]], groups


def test_unidentified_gunmen_in_two_nearby_towns_are_two_events(tmp_path):
    """Nawa and Jasim lie 12 km apart: the same kind of killing in each, the same evening, with no
    named actor to link them, stays two events. Written for this test."""
    reports = [
        NAWA,
        {"id": "j1", "published": "2024-08-11", "source": "C", "url": "https://example.org/j1",
         "text": "قتل رجل برصاص مسلحين مجهولين مساء اليوم في مدينة جاسم بريف درعا الشمالي، بحسب مصادر محلية."},
    ]
    assert _groups(tmp_path, "two", reports) == [["j1"], ["n1"]]
