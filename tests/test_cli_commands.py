"""Every reading and writing command of the CLI, run through its real entry point on a real
SQLite file (issue 18 item 16: events, show, edit, split, export, rejected, token list and
token revoke were never run through the CLI in the tests)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from marsad.cli import main

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    path = str(folder / "m.db")
    broken = folder / "broken.jsonl"
    broken.write_text('{"id": "ok-1", "text": "قتل مدنيان بقصف على مدينة الرقة اليوم.", "published": "2022-01-23"}\n'
                      '{"id": "bad", "text": \n', encoding="utf-8")
    assert main(["ingest", str(REPO / "examples" / "multisource.jsonl"), str(broken), "--db", path,
                 "--no-progress"]) in (0, 1)
    return path


def _out(capsys) -> str:
    return capsys.readouterr().out


def _merged_event(db, capsys) -> dict:
    assert main(["export", "--db", db, "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in _out(capsys).splitlines()]
    for r in records:
        assert main(["show", r["event_id"], "--db", db]) == 0
        shown = json.loads(_out(capsys))
        if len(shown["sources"]) >= 2:
            return shown
    raise AssertionError("the multi-source sample merged no reports")


def test_events_lists_the_stored_events_and_filters_them(db, capsys):
    assert main(["events", "--db", db, "--limit", "5"]) == 0
    lines = _out(capsys).splitlines()
    assert lines[0].split()[:3] == ["event_id", "date", "type"] and lines[1].startswith("ev-")
    assert main(["events", "--db", db, "--country", "Nowhere"]) == 0
    assert "0 events" in _out(capsys)


def test_show_edit_and_split_a_merged_event(db, capsys):
    shown = _merged_event(db, capsys)
    event_id = shown["event_id"]
    assert main(["edit", event_id, "fatalities=7", "--by", "rima", "--note", "hospital list", "--db", db]) == 0
    _out(capsys)
    assert main(["show", event_id, "--db", db]) == 0
    after = json.loads(_out(capsys))
    assert after["fatalities"] == 7 and after["edits"][-1]["editor"] == "rima"
    key = shown["sources"][-1]["source_key"]
    assert main(["split", event_id, str(key), "--by", "rima", "--db", db]) == 0
    new_id = _out(capsys).split()[-1]
    assert main(["show", new_id, "--db", db]) == 0
    assert [s["source_key"] for s in json.loads(_out(capsys))["sources"]] == [key]


def test_a_bad_edit_is_refused_with_a_message(db, capsys):
    shown = _merged_event(db, capsys)
    assert main(["edit", shown["event_id"], "latitude=inf", "--db", db]) != 0
    captured = capsys.readouterr()
    assert "latitude" in captured.err and "Traceback" not in captured.err


@pytest.mark.parametrize("fmt", ["acled-csv", "jsonl", "geojson"])
def test_export_writes_each_format(db, capsys, fmt):
    assert main(["export", "--db", db, "--format", fmt]) == 0
    text = _out(capsys)
    if fmt == "acled-csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and "event_id_cnty" in rows[0]
    elif fmt == "jsonl":
        assert all(json.loads(line)["event_id"] for line in text.splitlines())
    else:
        assert json.loads(text)["type"] == "FeatureCollection"


def test_rejected_lists_the_broken_line_with_its_place(db, capsys):
    assert main(["rejected", "--db", db, "--json"]) == 0
    rows = [json.loads(line) for line in _out(capsys).splitlines()]
    assert any("broken.jsonl" in json.dumps(r, ensure_ascii=False) and ":2" in json.dumps(r) for r in rows)


def test_token_add_list_and_revoke(db, capsys):
    assert main(["token", "add", "rima", "--db", db]) == 0
    _out(capsys)
    assert main(["token", "list", "--db", db]) == 0
    assert "rima" in _out(capsys)
    assert main(["token", "revoke", "rima", "--db", db]) == 0
    _out(capsys)
    assert main(["token", "list", "--db", db]) == 0
    listed = _out(capsys)
    assert "rima" not in listed or "revoked" in listed
