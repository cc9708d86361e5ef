"""Record confidence (marsad/stages/confidence.py, kb/data/confidence.tsv): the model file is
checked, the traits read an Event as they read its record (the fit reads records, extraction
Events), a report's own event outranks a passing mention of another day and region, and the
records under the floor are held back, counted and kept when asked: by the Python API, by
`marsad extract` and by `marsad ingest`."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from marsad import kb
from marsad.errors import KnowledgeBaseError
from marsad.model import Article
from marsad.pipeline import extract, extract_article
from marsad.stages import confidence
from marsad.stages.confidence import TRAITS, default_threshold, load_model, load_reasons, trait_values

pytestmark = pytest.mark.confidence_floor
REPO = Path(__file__).resolve().parent.parent

# A report's own event, told twice at its town on the day, then a passing line on an arrest
# days before somewhere in a governorate (in three wordings, three countries).
REPORTS = [
    ("أعلن الجيش اللبناني اليوم الاثنين مقتل جندي وإصابة آخرين في انفجار عبوة ناسفة استهدفت دورية عسكرية في "
     "بلدة عرسال شرقي لبنان. وأوضح الجيش في بيان أن العبوة انفجرت لدى مرور الدورية في أطراف عرسال، وأن وحدات "
     "الجيش طوقت المنطقة. وأضاف البيان أن الجيش اعتقل يوم الخميس الماضي ثلاثة مطلوبين في محافظة البقاع.",
     "2023-04-03"),
    ("قتل شرطيان وأصيب ثالث صباح اليوم في هجوم مسلح استهدف نقطة تفتيش عند مدخل مدينة العريش في شمال سيناء، وفق "
     "مصادر أمنية. وقالت المصادر إن المسلحين فتحوا النار على النقطة في العريش ثم لاذوا بالفرار. وكانت قوات الأمن "
     "قد اعتقلت قبل خمسة أيام عددا من المشتبه بهم في محافظة شمال سيناء.", "2023-04-02"),
    ("قتل مدني وأصيب اثنان اليوم الأحد بقصف مدفعي لقوات النظام على بلدة كنصفرة في جبل الزاوية جنوبي إدلب، بحسب "
     "الدفاع المدني. واستهدف القصف منازل المدنيين في كنصفرة. وفي سياق منفصل، داهمت قوات النظام يوم الثلاثاء "
     "الماضي منازل في محافظة درعا واعتقلت شبانا.", "2023-04-02"),
]


@pytest.fixture
def model_dir(tmp_path, monkeypatch):
    """A copy of the knowledge base whose confidence.tsv a test may break."""
    data = tmp_path / "data"
    shutil.copytree(kb.DATA_DIR, data)
    monkeypatch.setattr(kb, "DATA_DIR", data)
    kb.load_table.cache_clear()
    load_model.cache_clear()
    load_reasons.cache_clear()
    yield data / confidence.MODEL_FILE
    kb.load_table.cache_clear()
    load_model.cache_clear()
    load_reasons.cache_clear()


def test_the_model_has_a_weight_for_every_trait_and_a_threshold():
    model = load_model()
    assert len(model.weights) == len(model.means) == len(model.spreads) == len(TRAITS)
    assert all(s > 0 for s in model.spreads)
    assert 0 < model.threshold < 1
    assert 0 < model.probability([0.0] * len(TRAITS)) < 1


@pytest.mark.parametrize("change, message", [
    (lambda t: t.replace("times_told\t", "times_tod\t", 1), "unknown term 'times_tod'"),
    (lambda t: "\n".join(line for line in t.splitlines() if not line.startswith("threshold")), "threshold"),
    (lambda t: t + "dated\t0\t1\t0\n", "twice"),
    (lambda t: _set(t, "same_day", "spread", "0"), "spread of 'same_day' must be positive"),
    (lambda t: _set(t, "threshold", "weight", "1.5"), "threshold must be in [0, 1)"),
    (lambda t: _set(t, "told_share", "weight", "heavy"), "not a number"),
])
def test_a_broken_model_file_is_refused_with_what_is_wrong(model_dir, change, message):
    model_dir.write_text(change(model_dir.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        load_model()
    assert message in str(caught.value) and confidence.MODEL_FILE in str(caught.value)


@pytest.mark.parametrize("change, message", [
    (lambda t: t.replace("told_share\t", "told_shares\t", 1), "unknown trait 'told_shares'"),
    (lambda t: "\n".join(line for line in t.splitlines() if not line.startswith("same_day")), "traits missing: same_day"),
    (lambda t: t + "dated\tdated twice\n", "twice"),
])
def test_a_broken_reasons_file_is_refused_with_what_is_wrong(model_dir, change, message):
    reasons = model_dir.parent / confidence.REASONS_FILE
    reasons.write_text(change(reasons.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        load_reasons()
    assert message in str(caught.value) and confidence.REASONS_FILE in str(caught.value)


def _set(text: str, term: str, column: str, value: str) -> str:
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("term\t")).split("\t")
    out = []
    for line in lines:
        cells = line.split("\t")
        if cells[0] == term:
            cells += [""] * (len(header) - len(cells))
            cells[header.index(column)] = value
            line = "\t".join(cells)
        out.append(line)
    return "\n".join(out) + "\n"


def test_traits_read_an_event_as_they_read_its_record():
    text, published = REPORTS[0]
    events = extract(text, published, min_confidence=0)
    assert len(events) >= 2
    from_events = trait_values([confidence._Fields(e) for e in events], len(text), date.fromisoformat(published))
    from_records = trait_values([e.to_record() for e in events], len(text), date.fromisoformat(published))
    assert from_events == from_records


@pytest.mark.parametrize("text, published", REPORTS)
def test_a_passing_mention_of_another_day_and_region_is_held_back_and_the_lead_kept(text, published):
    every = extract(text, published, min_confidence=0)
    lead = [e for e in every if e.geo_precision == 1 and e.event_date == published]
    passing = [e for e in every if e.geo_precision == 3 and e.event_date < published]
    assert lead and passing, [(e.location, e.event_date) for e in every]
    assert min(e.confidence for e in lead) > max(e.confidence for e in passing)
    for e in passing:  # what lowered it, in the words of confidence_reasons.tsv
        said = e.notes.split(f"Low confidence ({e.confidence:.2f}): ")[1]
        assert 1 <= len(said.split("; ")) <= confidence.REASONS_NAMED
        assert set(said.rstrip(".").split("; ")) <= set(load_reasons().values())
    assert not any("Low confidence" in e.notes for e in lead)
    kept = extract(text, published)
    assert {e.event_id for e in lead} <= {e.event_id for e in kept}
    assert not {e.event_id for e in passing} & {e.event_id for e in kept}
    assert all(e.confidence >= default_threshold() for e in kept)


def test_held_back_records_go_to_the_callers_list_and_a_floor_of_one_keeps_none():
    text, published = REPORTS[1]
    article = Article(text=text, published=date.fromisoformat(published), id="t")
    held: list = []
    kept = extract_article(article, None, held_back=held)
    every = extract_article(article, None, min_confidence=0)
    assert held and kept
    assert sorted(e.event_id for e in kept + held) == sorted(e.event_id for e in every)
    none: list = []
    assert extract_article(article, None, min_confidence=1.0, held_back=none) == []
    assert len(none) == len(every)


def _marsad(*args, **env):
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=300, env=dict(os.environ, PYTHONPATH=str(REPO), **env))


def test_extract_says_how_many_records_it_held_back_and_prints_them_at_a_floor_of_zero(tmp_path):
    docs = tmp_path / "reports.jsonl"
    docs.write_text("".join(json.dumps({"id": f"r{i}", "text": t, "published": p}, ensure_ascii=False) + "\n"
                            for i, (t, p) in enumerate(REPORTS)), encoding="utf-8")
    default = _marsad("extract", str(docs), "--no-progress")
    assert default.returncode == 0, default.stderr
    every = _marsad("extract", str(docs), "--no-progress", "--min-confidence", "0")
    assert every.returncode == 0, every.stderr
    n_default, n_every = len(default.stdout.splitlines()), len(every.stdout.splitlines())
    assert n_default >= 3 and n_every > n_default
    assert f"{n_every - n_default} records under confidence" in default.stderr
    assert "held back" in default.stderr and "held back" not in every.stderr
    assert all(json.loads(line)["confidence"] >= default_threshold() for line in default.stdout.splitlines())


@pytest.mark.parametrize("value", ["1.5", "-0.1", "much"])
def test_a_floor_outside_zero_to_one_is_a_usage_error(tmp_path, value):
    doc = tmp_path / "a.txt"
    doc.write_text(REPORTS[0][0], encoding="utf-8")
    done = _marsad("extract", str(doc), "--min-confidence", value)
    assert done.returncode == 2
    assert "--min-confidence" in done.stderr and "Traceback" not in done.stderr


def test_ingest_counts_the_records_it_held_back_and_stores_them_at_a_floor_of_zero(tmp_path):
    from marsad.ingest import ingest
    from marsad.store import open_store

    articles = [Article(text=t, published=date.fromisoformat(p), id=f"r{i}") for i, (t, p) in enumerate(REPORTS)]
    held_store = open_store(f"sqlite:///{tmp_path / 'floor.db'}")
    summary = ingest(held_store, list(articles))
    every_store = open_store(f"sqlite:///{tmp_path / 'every.db'}")
    every = ingest(every_store, list(articles), min_confidence=0)
    assert summary.held_back >= 3 and every.held_back == 0
    assert every.events_created == summary.events_created + summary.held_back
    assert "held back under the confidence floor" in summary.line()


def test_the_floor_can_be_set_for_every_run_by_the_environment_and_a_bad_one_is_a_usage_error(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(REPORTS[1][0], encoding="utf-8")
    default = _marsad("extract", str(doc), "--published", REPORTS[1][1], "--no-progress")
    every = _marsad("extract", str(doc), "--published", REPORTS[1][1], "--no-progress", MARSAD_MIN_CONFIDENCE="0")
    assert default.returncode == every.returncode == 0, default.stderr + every.stderr
    assert len(every.stdout.splitlines()) > len(default.stdout.splitlines()) >= 1
    bad = _marsad("extract", str(doc), MARSAD_MIN_CONFIDENCE="high")
    assert bad.returncode == 2 and "MARSAD_MIN_CONFIDENCE" in bad.stderr and "Traceback" not in bad.stderr
    assert not bad.stdout


def test_an_event_reported_by_several_sources_is_as_sure_as_its_surest_report():
    from marsad.store import dedup

    reports = [{"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 2, "confidence": c}
               for c in (0.41, 0.83, None, 0.6)]
    assert dedup.merge(reports)["confidence"] == 0.83
    assert dedup.MergeSummary.of(reports).merged()["confidence"] == 0.83
    assert dedup.merge(reports[2:3])["confidence"] is None
    # a summary kept before events had a confidence reads, and takes the next report's
    kept = dedup.MergeSummary.of(reports[:1]).to_json()
    del kept["confidence"]
    summary = dedup.MergeSummary.from_json(kept)
    summary.add(reports[3])
    assert summary.merged()["confidence"] == 0.6


def test_the_api_and_export_filter_events_by_confidence_on_both_backends(served_on):
    import httpx

    url = f"{served_on.url}/api/events"
    every = httpx.get(url, params={"limit": 500}, timeout=60).json()["events"]
    confidences = sorted(e["confidence"] for e in every)
    assert confidences and all(c is not None for c in confidences)
    cut = confidences[len(confidences) // 2]  # about half the events are at least this sure
    sure = httpx.get(url, params={"limit": 500, "min_confidence": cut}, timeout=60).json()["events"]
    assert 0 < len(sure) < len(every)
    assert {e["event_id"] for e in sure} == {e["event_id"] for e in every if e["confidence"] >= cut}
    assert httpx.get(url, params={"min_confidence": 1.5}, timeout=60).status_code == 422
    exported = _marsad("export", "--db", served_on.db_url, "--format", "jsonl", "--min-confidence", str(cut))
    assert exported.returncode == 0, exported.stderr
    rows = [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]
    assert {r["event_id"] for r in rows if "status" not in r} == {e["event_id"] for e in sure}
    bad = _marsad("events", "--db", served_on.db_url, "--min-confidence", "2")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_a_watch_list_can_ask_for_sure_events_only(tmp_path):
    from marsad.errors import UsageError
    from marsad.watch.matching import clean_filters, event_matches

    saved = clean_filters({"min_confidence": "0.6", "admin1": "Idlib"})
    assert saved == {"min_confidence": 0.6, "admin1": "Idlib"}
    assert event_matches({"admin1": "Idlib", "confidence": 0.61}, saved)
    assert not event_matches({"admin1": "Idlib", "confidence": 0.59}, saved)
    assert not event_matches({"admin1": "Idlib"}, saved)  # an event stored before confidences: no value, no match
    for bad in ("1.2", "-0.1", "sure", True):
        with pytest.raises(UsageError):
            clean_filters({"min_confidence": bad})
    db = f"sqlite:///{tmp_path / 'w.db'}"
    added = _marsad("watchlist", "add", "sure-idlib", "--webhook", "https://alerts.example.org/hook", "--admin1", "Idlib",
                    "--min-confidence", "0.7", "--db", db)
    assert added.returncode == 0, added.stderr
    listed = _marsad("watchlist", "list", "--json", "--db", db)
    assert json.loads(listed.stdout.splitlines()[0])["filters"] == {"admin1": "Idlib", "min_confidence": 0.7}
