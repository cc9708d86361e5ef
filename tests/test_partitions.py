"""A partitioned backfill (marsad.store.partitions): writers of disjoint windows of event dates
into one database, at the same time on PostgreSQL, and the boundary pass that merges the events
that straddle their boundary. examples/multisource.jsonl holds reports of the same events from
several outlets, a day or two apart: split at 2024-05-09, some events have reports on both sides."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from marsad.errors import UsageError
from marsad.ingest import ingest
from marsad.readers import read_inputs
from marsad.store import BOUNDARY_PENDING, _search, open_store
from marsad.store.partitions import Partition, merge_boundary

REPO = Path(__file__).resolve().parent.parent
MULTISOURCE = REPO / "examples" / "multisource.jsonl"
EDGE = "2024-05-09"
FIRST, SECOND = "2024-01-01..2024-05-08", "2024-05-09..2024-12-31"


def _halves(tmp_path: Path) -> tuple[str, str]:
    """The articles published before EDGE and those published on it or after."""
    rows = [json.loads(line) for line in MULTISOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    for path, part in ((first, [r for r in rows if r["published"] < EDGE]),
                       (second, [r for r in rows if r["published"] >= EDGE])):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
    return str(first), str(second)


def _groups(store) -> list[list[str]]:
    """Each event as the sorted article ids of its sources."""
    return sorted(sorted(s["article_id"] for s in e["sources"]) for e in store.events())


def _marked(store) -> int:
    return sum(s.get("match_rule") == BOUNDARY_PENDING for e in store.events() for s in e["sources"])


def _one_writer(tmp_path: Path) -> list[list[str]]:
    reference = open_store(str(tmp_path / "one-writer.db"))
    ingest(reference, read_inputs([str(MULTISOURCE)]))
    groups = _groups(reference)
    reference.close()
    return groups


def test_partition_is_a_window_of_event_dates_and_maybe_countries():
    assert Partition.parse("2023-01-01..2023-06-30") == Partition(date(2023, 1, 1), date(2023, 6, 30))
    both = Partition.parse("Syria, Iraq:2023-01-01..2023-06-30")
    assert both.countries == ("Iraq", "Syria") and str(both) == "Iraq,Syria:2023-01-01..2023-06-30"
    assert Partition.parse(str(both)) == both and both.lock_key != Partition.parse("Syria:2023-01-01..2023-06-30").lock_key
    for bad in ("2023-01-01", "2023-06-30..2023-01-01", "2023-01-01..June", ":2023-01-01..2023-02-01", ""):
        with pytest.raises(UsageError):
            Partition.parse(bad)


def test_a_search_is_kept_to_the_partition_and_says_when_it_reached_beyond():
    search = _search({"event_type": "Battles", "country": "Syria", "admin1": "Idlib", "event_date": "2023-06-29",
                      "latitude": 35.9, "longitude": 36.6})
    inside, beyond = Partition.parse("2023-01-01..2023-06-30").narrow(search)
    assert beyond and inside["until"] == date(2023, 6, 30) and inside["earliest"] >= date(2023, 1, 1)
    assert inside["since"] == search["since"] and inside["cells"] == search["cells"]
    assert Partition.parse("2023-01-01..2023-12-31").narrow(search) == (search, False)
    assert Partition.parse("Iraq:2023-01-01..2023-12-31").narrow(search) == (None, True)
    assert Partition.parse("2023-01-01..2023-12-31").narrow(None) == (None, False)


def test_the_boundary_pass_merges_the_events_that_straddle_two_partitions(db_url, tmp_path):
    """The first partition is written, then the second: the second's reports of events of the first
    partition's last days cannot see those events, start events of their own and are marked; the
    boundary pass merges them, and the dataset is the one writer's."""
    first, second = _halves(tmp_path)
    store = open_store(db_url)
    ingest(store, read_inputs([first]), partition=Partition.parse(FIRST), batch_size=4)
    ingest(store, read_inputs([second]), partition=Partition.parse(SECOND), batch_size=4)
    before = _groups(store)
    one_writer = _one_writer(tmp_path)
    assert len(before) > len(one_writer) and _marked(store) > 0  # straddling events are split in two
    summary = merge_boundary(store)
    after = _groups(store)
    assert summary.merged == len(before) - len(after) >= 1
    assert after == one_writer and _marked(store) == 0
    again = merge_boundary(store)  # nothing is left to do
    assert (again.checked, again.merged) == (0, 0) and _groups(store) == one_writer
    store.close()


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_partition_writers_at_once_into_one_postgresql_database(db_url, tmp_path):
    """Two `marsad ingest --partition` processes write into one PostgreSQL database at the same
    time, between ingests of a single writer (which numbers rows itself); after `marsad
    merge-boundary` the straddling events are merged and the events are the one writer's."""
    first, second = _halves(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    cli = [sys.executable, "-m", "marsad.cli"]
    samples = str(REPO / "examples" / "sample-articles.jsonl")
    subprocess.run(cli + ["ingest", samples, "--db", db_url, "--no-progress"], env=env, check=True,
                   capture_output=True, timeout=300)
    writers = [subprocess.Popen(cli + ["ingest", path, "--db", db_url, "--no-progress", "--batch-size", "4",
                                       "--partition", spec], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
               for path, spec in ((first, FIRST), (second, SECOND))]
    outcomes = [(w.wait(timeout=600), w.stdout.read(), w.stderr.read()) for w in writers]
    assert all(code == 0 for code, _, _ in outcomes), [err[-1500:] for _, _, err in outcomes]
    assert sum(int(out.split("new ")[1].split(",")[0]) for _, out, _ in outcomes) == 60
    done = subprocess.run(cli + ["merge-boundary", "--db", db_url], env=env, check=True, capture_output=True,
                          text=True, timeout=300)
    assert done.stdout.startswith("reports at a partition boundary checked ")
    # a single writer after the partitions: its keys follow theirs
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({"id": "late-1", "published": "2024-09-01", "text": "قتل ثلاثة مدنيين أمس في قصف "
                                 "مدفعي على مدينة معرة النعمان في ريف إدلب الجنوبي."}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    subprocess.run(cli + ["ingest", str(extra), "--db", db_url, "--no-progress"], env=env, check=True,
                   capture_output=True, timeout=300)

    reference = open_store(str(tmp_path / "reference.db"))
    ingest(reference, read_inputs([samples, str(MULTISOURCE), str(extra)]))
    store = open_store(db_url)
    assert _groups(store) == _groups(reference) and _marked(store) == 0
    with store.engine.connect() as conn:  # every key drawn once
        from sqlalchemy import func, select

        from marsad.store.schema import event_sources, events
        for table in (events, event_sources):
            assert conn.execute(select(func.count(func.distinct(table.c.id)))).scalar_one() == \
                conn.execute(select(func.count()).select_from(table)).scalar_one()
    store.close()
    reference.close()


def test_cli_takes_a_partition_and_refuses_a_bad_one(tmp_path):
    from marsad.cli import main

    assert main(["ingest", str(REPO / "examples" / "sample-articles.jsonl"), "--db", str(tmp_path / "p.db"),
                 "--no-progress", "--partition", "Syria:2020-01-01..2020-12-31"]) == 0
    with pytest.raises(SystemExit) as stop:
        main(["ingest", str(MULTISOURCE), "--db", str(tmp_path / "p.db"), "--partition", "2020-12-31..2020-01-01"])
    assert stop.value.code == 2
    assert main(["merge-boundary", "--db", str(tmp_path / "p.db")]) == 0


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_partition_writer_shares_the_writers_lock_and_holds_its_own(db_url):
    """While a partition's batch is being written, a writer of another partition may write, one of
    the same partition may not, and neither may a writer without a partition."""
    from sqlalchemy import create_engine, func, select

    from marsad.store import PARTITION_LOCKS, WRITE_LOCK

    store = open_store(db_url)
    mine, other = Partition.parse(FIRST), Partition.parse(SECOND)
    probe = create_engine(db_url)
    with store._writing(mine), probe.connect() as conn:
        def free(*lock, shared=False):
            with conn.begin():
                take = func.pg_try_advisory_xact_lock_shared if shared else func.pg_try_advisory_xact_lock
                return conn.execute(select(take(*lock))).scalar_one()

        assert free(WRITE_LOCK, shared=True) and free(PARTITION_LOCKS, other.lock_key)
        assert not free(PARTITION_LOCKS, mine.lock_key) and not free(WRITE_LOCK)
    with probe.connect() as conn, conn.begin():
        assert conn.execute(select(func.pg_try_advisory_xact_lock(WRITE_LOCK))).scalar_one()
    probe.dispose()
    store.close()
