"""The web side of marsad watch: sources' status (open), watch lists (token needed), the /sources page."""
from __future__ import annotations

import warnings

import pytest

from marsad.store import open_store, queries
from marsad.watch.alerts import list_watch_lists
from marsad.watch.fetch import Politeness
from marsad.watch.rounds import Watcher, WatchOptions
from marsad.watch.sources import add_source
from marsad.web.app import create_app
from watch_site import Site, rss

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


@pytest.fixture
def app(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    token = queries.add_token(store, "analyst")
    with Site() as site:
        site.add("/ok.rss", rss([]), content_type="application/rss+xml")
        site.add("/down.rss", status=500)
        add_source(store, site.url("/ok.rss"), name="ok outlet", language="ar")
        add_source(store, site.url("/down.rss"), name="down outlet")
        Watcher(store, WatchOptions(politeness=Politeness(host_interval=0.001, backoff=0.01, retries=1))).run_round()
    with TestClient(create_app(store=store), base_url="http://testserver") as client:
        yield client, store, {"Authorization": f"Bearer {token}"}, token
    store.close()


def test_sources_status_is_open_and_shows_the_failing_one_backed_off(app):
    client, _, _, _ = app
    rows = {r["name"]: r for r in client.get("/api/sources").json()}
    assert rows["ok outlet"]["status"] == "ok" and rows["ok outlet"]["last_success_at"]
    down = rows["down outlet"]
    assert down["status"] == "failing" and down["failures"] == 1 and "HTTP 500" in down["last_error"]
    assert down["next_poll_at"] > down["last_error_at"]
    assert "etag" not in down and "content_hash" not in down
    page = client.get("/sources")
    assert page.status_code == 200 and "down outlet" in page.text and "source-failing" in page.text
    assert "watch-list-form" not in page.text  # signed out: no watch lists shown


def test_watch_lists_need_a_token_and_are_managed_through_the_api(app):
    client, store, auth, _ = app
    assert client.get("/api/watchlists").status_code == 401
    assert client.post("/api/watchlists", json={"name": "x", "webhook": "http://h.example/"}).status_code == 401
    made = client.post("/api/watchlists", headers=auth, json={
        "name": "idlib", "webhook": "https://hooks.example/in", "admin1": "Idlib", "type": "Air/drone strike",
        "min_fatalities": 2})
    assert made.status_code == 201, made.text
    assert made.json()["filters"] == {"admin1": "Idlib", "event_type": "Air/drone strike", "min_fatalities": 2}
    assert made.json()["created_by"] == "analyst"
    for bad in ({"name": "y"}, {"name": "y", "webhook": "ftp://x", }, {"name": "y", "email": "nobody"},
                {"name": "idlib", "email": "a@example.org"}, {"name": "y", "email": "a@example.org", "bbox": "1,2"},
                '{"name": "y\\ud800", "email": "a@example.org"}'):
        answer = client.post("/api/watchlists", headers=dict(auth, **{"content-type": "application/json"}),
                             content=bad) if isinstance(bad, str) else client.post("/api/watchlists", headers=auth, json=bad)
        assert answer.status_code in (400, 422) and answer.json()["error"]["message"], bad
    metadata = client.post("/api/watchlists", headers=auth, json={
        "name": "meta", "webhook": "http://169.254.169.254/latest/meta-data/"})
    assert metadata.status_code == 400 and metadata.json()["error"]["code"] == "E620"
    assert "link-local" in metadata.json()["error"]["message"]
    assert [w["name"] for w in client.get("/api/watchlists", headers=auth).json()] == ["idlib"]
    assert client.get("/api/watchlists/idlib/alerts", headers=auth).json() == []
    assert client.get("/api/watchlists/nope/alerts", headers=auth).status_code == 404
    assert client.delete("/api/watchlists/idlib").status_code == 401
    assert client.delete("/api/watchlists/idlib", headers=auth).status_code == 200
    assert client.delete("/api/watchlists/idlib", headers=auth).status_code == 404
    assert list_watch_lists(store) == []


def test_the_sources_page_manages_watch_lists_when_signed_in(app):
    client, store, _, token = app
    client.cookies.set("marsad_token", token)
    saved = client.post("/watchlists", data={"name": "mail", "target": "analyst@example.org", "min_fatalities": "5",
                                             "country": "Syria"}, follow_redirects=False)
    assert saved.status_code == 303 and "msg=saved" in saved.headers["location"]
    refused = client.post("/watchlists", data={"name": "bad", "target": "nowhere", "since": "soon"},
                          follow_redirects=False)
    assert "error=" in refused.headers["location"]
    page = client.get("/sources")
    assert "watch-list-form" in page.text and "analyst@example.org" in page.text
    assert [(w.name, w.filters) for w in list_watch_lists(store)] == [("mail", {"country": "Syria", "min_fatalities": 5})]
    assert client.post("/watchlists/mail/delete", follow_redirects=False).status_code == 303
    assert list_watch_lists(store) == []


def test_serve_and_watch_share_one_database_at_the_same_time(tmp_path):
    """A round of watch writes while a real `marsad serve` on the same SQLite file answers reads."""
    import json
    import os
    import re
    import subprocess
    import sys
    import threading
    import urllib.request
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    db = str(tmp_path / "shared.db")
    store = open_store(db)
    records = [json.loads(line) for line in (repo / "examples" / "multisource.jsonl").open(encoding="utf-8")][:12]
    from watch_site import publish

    with Site() as site:
        for name, url in publish(site, records).items():
            add_source(store, url, name=name)
        serve = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--port", "0", "--db", db],
                                 env=dict(os.environ, PYTHONPATH=str(repo)), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        try:
            base = re.search(r"http://[\d.]+:\d+", serve.stdout.readline()).group(0)
            answers, done = [], threading.Event()

            def read_while_writing():
                while not done.is_set():
                    for path in ("/api/events?limit=5", "/api/sources"):
                        with urllib.request.urlopen(base + path, timeout=30) as r:
                            answers.append(r.status)

            reader = threading.Thread(target=read_while_writing)
            reader.start()
            try:
                summary = Watcher(store, WatchOptions(politeness=Politeness(host_interval=0.001), batch_size=2)) \
                    .run_round()
            finally:
                done.set()
                reader.join(timeout=60)
            assert summary.ingest.new == 12 and answers and set(answers) == {200}
            with urllib.request.urlopen(base + "/api/events?limit=1", timeout=30) as r:
                assert json.loads(r.read())["total"] == len(store.events())
            with urllib.request.urlopen(base + "/api/sources", timeout=30) as r:
                assert sum(s["articles_new"] for s in json.loads(r.read())) == 12
        finally:
            serve.terminate()
            serve.wait(timeout=30)
    store.close()
