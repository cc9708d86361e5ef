"""Incremental pulls (issue 20 item 5): ``updated_since`` in the API (``/api/changes``,
``/api/events``, ``/api/download``) and in ``marsad export``, with the events removed since
reported as such: merged into another event (the boundary pass of a partitioned ingest) or
deleted by a reviewer (``DELETE /api/events/{id}``), each leaving a tombstone written in the
transaction that removes the event.

On SQLite and PostgreSQL, through a real ``marsad serve`` and the real CLI. The data is
examples/multisource.jsonl split at 2024-05-09: batch A (published before) is ingested, then the
moment is noted, then batch B, whose reports join some of A's events (merged into them) and
start others."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from marsad.errors import UsageError
from marsad.export import REMOVED_COLUMNS
from marsad.ingest import ingest
from marsad.readers import read_inputs
from marsad.store import open_store, queries
from marsad.store.partitions import Partition, merge_boundary
from web_scale import Server

REPO = Path(__file__).resolve().parent.parent
MULTISOURCE = REPO / "examples" / "multisource.jsonl"
EDGE = "2024-05-09"


def _batches(tmp_path: Path) -> tuple[str, str, set[str]]:
    """Batch A (published before EDGE), batch B (on it or after) and B's article ids."""
    rows = [json.loads(line) for line in MULTISOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for path, part in ((a, [r for r in rows if r["published"] < EDGE]), (b, [r for r in rows if r["published"] >= EDGE])):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
    return str(a), str(b), {r["id"] for r in rows if r["published"] >= EDGE}


def _marsad(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], env=dict(os.environ, PYTHONPATH=str(REPO)),
                          capture_output=True, text=True, timeout=300)


def _pull(url: str, since: str, limit: int, **params) -> list[dict]:
    """Every change since ``since``, through /api/changes, ``limit`` a page, following the cursors."""
    out, cursor = [], None
    while True:
        page = httpx.get(url + "/api/changes", params={"updated_since": since, "limit": limit, **params,
                                                        **({"cursor": cursor} if cursor else {})}, timeout=60)
        assert page.status_code == 200, page.text
        body = page.json()
        assert len(body["changes"]) <= limit
        out += body["changes"]
        cursor = body["cursor"]
        if cursor is None:
            return out


def test_a_pull_gives_the_changed_and_new_events_and_the_deleted_one(db_url, tmp_path):
    a, b, b_articles = _batches(tmp_path)
    store = open_store(db_url)
    ingest(store, read_inputs([a]))
    moment = datetime.now(timezone.utc)
    time.sleep(0.01)
    ingest(store, read_inputs([b]))
    events = store.events()
    touched = {e["event_id"] for e in events if any(s["article_id"] in b_articles for s in e["sources"])}
    joined = {e["event_id"] for e in events if e["event_id"] in touched and
              any(s["article_id"] not in b_articles for s in e["sources"])}
    assert joined and touched - joined  # B merged into events of A and started new ones
    victim = next(e for e in events if e["event_id"] not in touched)
    token = queries.add_token(store, "reviewer")
    store.close()

    server = Server(db_url, tmp_path / "serve.log")
    try:
        url = server.url
        before = httpx.get(url + "/api/map", params={"zoom": 3}, timeout=60).json()["total"]
        refused = httpx.delete(f"{url}/api/events/{victim['event_id']}", timeout=60)
        assert refused.status_code == 401
        gone = httpx.delete(f"{url}/api/events/{victim['event_id']}", params={"note": "a report of a drill"},
                            headers={"Authorization": f"Bearer {token}"}, timeout=60)
        assert gone.status_code == 200, gone.text
        assert gone.json()["status"] == "deleted" and gone.json()["event_id"] == victim["event_id"]
        assert httpx.get(f"{url}/api/events/{victim['event_id']}", timeout=60).status_code == 404
        again = httpx.delete(f"{url}/api/events/{victim['event_id']}", headers={"Authorization": f"Bearer {token}"},
                             timeout=60)
        assert again.status_code == 404
        # the map and the table count one event less at once (a deletion changes the data version)
        assert httpx.get(url + "/api/map", params={"zoom": 3}, timeout=60).json()["total"] == before - 1

        since = moment.isoformat()
        changes = _pull(url, since, limit=4)
        changed = [c for c in changes if c["status"] == "changed"]
        assert {c["event_id"] for c in changed} == touched and len(changed) == len(touched)
        assert [c for c in changes if c["status"] != "changed"] == [
            {"event_id": victim["event_id"], "status": "deleted", "timestamp": gone.json()["timestamp"],
             "changed_at": gone.json()["changed_at"], "event": None, "merged_into": None, "editor": "reviewer",
             "note": "a report of a drill"}]
        assert changes == sorted(changes, key=lambda c: (c["changed_at"], c["event_id"]))  # oldest first
        for c in changed:  # each with its record as it is now, B's reports in it
            assert c["event"]["event_id"] == c["event_id"] and c["event"]["timestamp"] == c["timestamp"]
            assert any(s["article_id"] in b_articles for s in c["event"]["sources"])
        assert _pull(url, since, limit=1000) == changes  # the same, whatever the page size
        # the same moment written with another offset is the same moment (SQLite compares UTC text)
        assert _pull(url, moment.astimezone(timezone(timedelta(hours=3))).isoformat(), limit=50) == changes
        # the Unix seconds of the export's timestamp column work too (at or after: a second's worth more)
        assert {c["event_id"] for c in _pull(url, str(int(moment.timestamp()) + 1), 50)} <= \
            {c["event_id"] for c in changes}
        # filters apply to the events (not to the tombstones: a removed event has no columns left)
        syria = _pull(url, since, 50, country="Syria")
        assert {c["event_id"] for c in syria if c["status"] == "changed"} == \
            {e["event_id"] for e in events if e["event_id"] in touched and e.get("country") == "Syria"}
        assert [c["status"] for c in syria if c["status"] != "changed"] == ["deleted"]

        # /api/events: the changed events, in the order of their changes, paged by cursor
        page = httpx.get(url + "/api/events", params={"updated_since": since, "limit": 5}, timeout=60).json()
        listed, cursor = list(page["events"]), page["cursor"]
        assert page["total"] == len(touched)
        while cursor:
            page = httpx.get(url + "/api/events", params={"updated_since": since, "limit": 5, "cursor": cursor},
                             timeout=60).json()
            listed += page["events"]
            cursor = page["cursor"]
        assert [e["event_id"] for e in listed] == [c["event_id"] for c in changed]

        # downloads: JSON Lines and GeoJSON with the tombstone, the ACLED CSV with the events, the
        # removed events as ACLED's deleted-events list
        lines = [json.loads(line) for line in httpx.get(url + "/api/download", params={
            "format": "jsonl", "updated_since": since}, timeout=60).text.splitlines()]
        assert [r["event_id"] for r in lines] == [c["event_id"] for c in changes]
        assert {"event_id": victim["event_id"], "status": "deleted", "merged_into": None,
                "timestamp": gone.json()["timestamp"]} in lines
        features = httpx.get(url + "/api/download", params={"format": "geojson", "updated_since": since},
                             timeout=60).json()["features"]
        assert [f["id"] for f in features] == [c["event_id"] for c in changes]
        assert [f["properties"]["status"] for f in features if f["geometry"] is None and
                "status" in f["properties"]] == ["deleted"]
        rows = list(csv.DictReader(io.StringIO(httpx.get(url + "/api/download", params={
            "format": "acled-csv", "updated_since": since}, timeout=60).text)))
        assert [r["event_id_cnty"] for r in rows] == [c["event_id"] for c in changed]
        removed = list(csv.DictReader(io.StringIO(httpx.get(url + "/api/download", params={
            "format": "removed-csv", "updated_since": since}, timeout=60).text)))
        assert removed == [dict(zip(REMOVED_COLUMNS, (victim["event_id"], str(gone.json()["timestamp"]), "deleted",
                                                      "")))]

        # the CLI pulls the same
        cli = _marsad("export", "--db", db_url, "--format", "jsonl", "--updated-since", since)
        assert cli.returncode == 0, cli.stderr
        assert [json.loads(line) for line in cli.stdout.splitlines()] == lines
        cli_removed = _marsad("export", "--db", db_url, "--format", "removed-csv", "--updated-since", since)
        assert list(csv.DictReader(io.StringIO(cli_removed.stdout))) == removed
        later = _marsad("export", "--db", db_url, "--format", "jsonl", "--updated-since",
                        str(gone.json()["timestamp"] + 1))
        assert later.returncode == 0 and later.stdout == ""
    finally:
        server.stop()


def test_a_boundary_merge_leaves_merged_tombstones(db_url, tmp_path):
    """A partitioned ingest splits the events that straddle the partitions in two; the boundary
    pass merges them, and each event merged away is reported as merged into the event kept."""
    a, b, _ = _batches(tmp_path)
    store = open_store(db_url)
    try:
        ingest(store, read_inputs([a]), partition=Partition.parse("2024-01-01..2024-05-08"), batch_size=4)
        ingest(store, read_inputs([b]), partition=Partition.parse("2024-05-09..2024-12-31"), batch_size=4)
        moment = datetime.now(timezone.utc)
        summary = merge_boundary(store)
        assert summary.merged >= 1
        changes = list(queries.all_changes(store, updated_since=moment, chunk=3))
        merged = sorted((c["event_id"], c["merged_into"]) for c in changes if c["status"] == "merged")
        assert merged == sorted(summary.merged_into)
        kept = {into for _, into in merged}
        assert kept <= {c["event_id"] for c in changes if c["status"] == "changed"}  # the kept ones changed
        ids = {e["event_id"] for e in store.events()}
        assert not ids & {gone for gone, _ in merged} and kept <= ids
        assert all(c["status"] in ("changed", "merged") for c in changes)
    finally:
        store.close()


def test_a_bad_updated_since_is_a_clear_400_and_a_cli_error(tmp_path):
    db = str(tmp_path / "bad.db")
    store = open_store(db)
    store.close()
    server = Server(f"sqlite:///{db}", tmp_path / "serve.log")
    try:
        for path, params in (("/api/changes", {"updated_since": "last tuesday"}),
                             ("/api/events", {"updated_since": "2024-13-45"}),
                             ("/api/download", {"updated_since": "soon", "format": "jsonl"})):
            response = httpx.get(server.url + path, params=params, timeout=60)
            assert response.status_code == 400, (path, response.text)
            assert "updated_since is Unix seconds" in response.json()["error"]["message"]
        missing = httpx.get(server.url + "/api/changes", timeout=60)
        assert missing.status_code == 400 and "updated_since is needed" in missing.json()["error"]["message"]
        forged = httpx.get(server.url + "/api/changes", params={"updated_since": "0", "cursor": "abc"}, timeout=60)
        assert forged.status_code == 400 and "cursor" in forged.json()["error"]["message"]
    finally:
        server.stop()
    bad = _marsad("export", "--db", db, "--format", "jsonl", "--updated-since", "yesterday-ish")
    assert bad.returncode == 2 and "updated_since is Unix seconds" in bad.stderr and "Traceback" not in bad.stderr


def test_a_deletion_needs_an_editor_and_keeps_its_tombstone(tmp_path):
    store = open_store(str(tmp_path / "one.db"))
    try:
        ingest(store, read_inputs([str(REPO / "examples" / "sample-articles.jsonl")]))
        first = store.events()[0]["event_id"]
        with pytest.raises(UsageError):
            store.delete(first, editor="")
        tombstone = store.delete(first, editor="rima", note="not an event")
        assert tombstone["status"] == "deleted" and first not in {e["event_id"] for e in store.events()}
        assert tombstone["editor"] == "rima" and tombstone["note"] == "not an event"
        assert queries.removed_since(store, 0) == [tombstone]
        second = store.events()[0]["event_id"]
    finally:
        store.close()
    db = str(tmp_path / "one.db")
    done = _marsad("delete", second, "--db", db, "--by", "omar", "--note", "an anniversary")
    assert done.returncode == 0 and done.stdout.startswith(f"{second} deleted"), done.stderr
    again = _marsad("delete", second, "--db", db, "--by", "omar")
    assert again.returncode != 0 and "no event" in again.stderr and "Traceback" not in again.stderr
    removed = list(csv.DictReader(io.StringIO(_marsad("export", "--db", db, "--format", "removed-csv").stdout)))
    assert [(r["event_id_cnty"], r["status"]) for r in removed] == [(first, "deleted"), (second, "deleted")]


def test_the_review_screen_deletes_an_event_and_then_says_so(tmp_path):
    """A signed-in reviewer deletes an event from its page (the box ticked); its page then says it
    was deleted, by whom and why (410), and /api/changes reports it."""
    db = str(tmp_path / "review.db")
    store = open_store(db)
    ingest(store, read_inputs([str(REPO / "examples" / "sample-articles.jsonl")]))
    victim = store.events()[-1]["event_id"]
    token = queries.add_token(store, "rima")
    store.close()
    server = Server(f"sqlite:///{db}", tmp_path / "serve.log")
    try:
        with httpx.Client(base_url=server.url, timeout=60) as browser:
            page = browser.get(f"/events/{victim}")
            assert 'id="delete-form"' not in page.text  # signed out: no form
            assert browser.post("/signin", data={"token": token, "next": f"/events/{victim}"}).status_code == 303
            assert 'id="delete-form"' in browser.get(f"/events/{victim}").text
            unticked = browser.post(f"/events/{victim}/delete", data={"note": "a drill"})
            assert unticked.status_code == 303 and "delete_unconfirmed" in unticked.headers["location"]
            assert browser.get(f"/events/{victim}").status_code == 200  # still there
            done = browser.post(f"/events/{victim}/delete", data={"note": "a drill", "confirm": "yes"})
            assert done.status_code == 303
            gone = browser.get(f"/events/{victim}")
            assert gone.status_code == 410 and "This event was deleted" in gone.text
            assert "rima" in gone.text and "a drill" in gone.text
            assert browser.get("/events/ev-no-such-event").status_code == 404
        changes = httpx.get(server.url + "/api/changes", params={"updated_since": "0"}, timeout=60).json()["changes"]
        assert [(c["event_id"], c["editor"], c["note"]) for c in changes if c["status"] == "deleted"] == \
            [(victim, "rima", "a drill")]
    finally:
        server.stop()
