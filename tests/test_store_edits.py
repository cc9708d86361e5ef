"""Issue 18, items 5, 6 and 13 (huge integers): every correction goes through one validation layer,
whether it comes from ``marsad edit``, ``PATCH /api/events/{id}`` or the review form; an actor may be
corrected to a name the dataset does not know yet; wrong types and impossible values are refused with
a message (never a 500, never stored); export never crashes on a stored record."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from marsad.errors import UsageError
from marsad.ingest import ingest
from marsad.model import Article
from marsad.store import open_store
from marsad.store.schema import actors, events

REPO = Path(__file__).resolve().parents[1]
TEXT = "قتل خمسة مدنيين بينهم طفلان أمس الثلاثاء بقصف مدفعي لقوات النظام على بلدة كفرنبل في ريف إدلب الجنوبي."

BAD_VALUES = [
    ("assoc_actor_1", 4), ("assoc_actor_1", {"a": 1}), ("assoc_actor_1", [1, 2]), ("actor1", 4), ("actor1", ["x"]),
    ("actor1", "x" * 301), ("actor1", "a\x00b"), ("latitude", float("inf")), ("latitude", float("nan")),
    ("latitude", "inf"), ("latitude", 500), ("longitude", -181), ("latitude", True), ("fatalities", -1),
    ("fatalities", 10**30), ("fatalities", 2.5), ("fatalities", "many"), ("fatalities", "9" * 5000),
    ("fatalities", True), ("geo_precision", 7), ("time_precision", 0), ("inter1", 99), ("event_date", "2024-13-01"),
    ("event_date", 20240101), ("event_type", None), ("event_type", "Picnic"), ("sub_event_type", "Armed clash"),
    ("location", 12), ("notes", "n" * 20001), ("colour", "red"),
]


def _one_event(db_url: str):
    store = open_store(db_url)
    ingest(store, [Article(text=TEXT, id="r1", published=date(2023, 3, 15), source="Wire")])
    return store, store.events()[0]["event_id"]


def test_actor_corrected_to_a_name_not_yet_known(db_url):
    store, event_id = _one_event(db_url)
    record = store.edit(event_id, {"actor1": "Liwa al-Jadid", "actor2": "Civilians (Syria)",
                                   "assoc_actor_1": ["Another New Group"]}, editor="tester")
    assert record["actor1"] == "Liwa al-Jadid" and record["assoc_actor_1"] == ["Another New Group"]
    with store.engine.connect() as conn:
        assert conn.execute(select(actors.c.name).where(actors.c.name == "Liwa al-Jadid")).first()
    store.close()


def test_wrong_types_and_impossible_values_are_refused_and_nothing_stored(db_url):
    store, event_id = _one_event(db_url)
    before = store.event(event_id)
    for field, value in BAD_VALUES:
        with pytest.raises(UsageError) as caught:
            store.edit(event_id, {field: value}, editor="tester")
        assert field in str(caught.value), (field, str(caught.value))
    with pytest.raises(UsageError):
        store.edit(event_id, {"fatalities": 3}, editor="tester", note="checked\x00")
    # a good change and a bad one together: nothing of the edit is kept
    with pytest.raises(UsageError):
        store.edit(event_id, {"fatalities": 3, "latitude": 95}, editor="tester")
    assert store.event(event_id) == before
    assert store.edit(event_id, {"latitude": "35.5", "fatalities": "4", "event_type": "Battles",
                                 "sub_event_type": "Armed clash"}, editor="tester")["fatalities"] == 4
    store.close()


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_cli_edit_gives_messages_not_tracebacks(db_url):
    store, event_id = _one_event(db_url)
    store.close()
    done = _cli("edit", event_id, "actor1=Liwa al-Jadid", "--db", db_url, "--by", "tester")
    assert done.returncode == 0 and "Liwa al-Jadid" in done.stdout, done.stderr
    for change in ("fatalities=99999999999999999999", "fatalities=" + "9" * 5000, "latitude=inf", "inter1=-3"):
        done = _cli("edit", event_id, change, "--db", db_url, "--by", "tester")
        assert done.returncode == 2 and "Traceback" not in done.stderr and "[E400]" in done.stderr, done.stderr


def test_export_never_crashes_on_a_stored_record(db_url, tmp_path):
    """Records an older marsad stored unchecked (a number for a list, an infinite latitude, a
    malformed date) are still exported, as valid CSV, JSON and GeoJSON."""
    store, event_id = _one_event(db_url)
    record = store.event(event_id)
    record.pop("edits")
    record.update(assoc_actor_1=4, assoc_actor_2="one name", latitude=float("inf"), longitude="36.6",
                  event_date="2023-3-1", fatalities="5", geo_precision=[1])
    with store.engine.begin() as conn:
        conn.execute(update(events).where(events.c.event_id == event_id)
                     .values(record=json.dumps(record, ensure_ascii=False)))
    store.close()
    for fmt in ("acled-csv", "jsonl", "geojson"):
        out = tmp_path / f"out.{fmt}"
        done = _cli("export", "--format", fmt, "--db", db_url, "-o", str(out))
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        text = out.read_text("utf-8")
        if fmt == "acled-csv":
            (row,) = list(csv.DictReader(io.StringIO(text)))
            assert row["assoc_actor_1"] == "4" and row["latitude"] == "" and row["assoc_actor_2"] == "one name"
        else:
            def strict(value):
                raise ValueError(f"not JSON: {value}")
            parsed = [json.loads(line, parse_constant=strict) for line in text.splitlines()]
            assert parsed
