"""The web app driven in this process (issue 18 item 16): the real app object of ``create_app`` over
a real SQLite file, through Starlette's test client, so that coverage sees the routes the
subprocess tests (test_web_api.py, test_web_hardening.py) exercise from outside."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from marsad.budget import Budget
from marsad.ingest import ingest
from marsad.readers import read_inputs
from marsad.store import open_store, queries
from marsad.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx versions
    from starlette.testclient import TestClient

REPO = Path(__file__).resolve().parent.parent
REPORT = "قتل خمسة مدنيين أمس في قصف مدفعي نفذته قوات النظام السوري على مدينة سراقب في ريف إدلب."


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """A SQLite file holding the bundled samples, and a token that may write to it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('inprocess') / 'marsad.db'}"
    store = open_store(url)
    ingest(store, read_inputs([str(REPO / "examples" / "sample-articles.jsonl")]))
    token = queries.add_token(store, "analyst")
    yield store, token
    store.close()


@pytest.fixture(scope="module")
def client(dataset):
    store, _ = dataset
    with TestClient(create_app(store=store)) as c:
        yield c


def test_events_list_and_one_event_agree_with_the_store(client, dataset):
    store, _ = dataset
    page = client.get("/api/events", params={"limit": 3})
    assert page.status_code == 200
    body = page.json()
    assert body["total"] == store.count("events") > 3 and len(body["events"]) == 3
    first = body["events"][0]
    one = client.get(f"/api/events/{first['event_id']}")
    assert one.status_code == 200 and one.json()["event_id"] == first["event_id"]
    stats = client.get("/api/stats", params={"by": "type"}).json()
    assert sum(b["events"] for b in stats["buckets"]) == body["total"]
    assert client.get("/api/stats", params={"by": "country"}).status_code == 422


def test_unknown_event_and_bad_parameters_get_the_error_shape(client):
    missing = client.get("/api/events/ev-nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E404"
    bad = client.get("/api/events", params={"limit": "many"})
    assert bad.status_code == 422 and "limit" in bad.json()["error"]["message"]


def test_a_write_needs_a_token_and_a_posted_article_is_stored_once(client, dataset):
    store, token = dataset
    body = {"text": REPORT + " (in process)", "id": "inproc-1", "published": "2024-05-02"}
    assert client.post("/api/articles", json=body).status_code == 401
    auth = {"Authorization": f"Bearer {token}"}
    first = client.post("/api/articles", json=body, headers=auth)
    assert first.status_code == 200 and first.json()["status"] == "new" and first.json()["events"]
    again = client.post("/api/articles", json=body, headers=auth)
    assert again.json()["status"] == "known"
    assert client.get("/api/articles/inproc-1").json()["text"] == body["text"]


def test_an_article_over_the_time_budget_is_refused_and_kept_in_rejected(dataset):
    store, token = dataset
    long_text = "\n".join(f"{REPORT} يوم {i}" for i in range(4000))  # about 370,000 characters
    with TestClient(create_app(store=store, budget=Budget(max_seconds=0.2))) as c:
        r = c.post("/api/articles", json={"text": long_text, "id": "too-long"},
                   headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "E400"
    assert "article too-long" in r.json()["error"]["message"] and "budget of 0.2 s" in r.json()["error"]["message"]
    assert any(row["code"] == "E110" and "too-long" in row["reason"] for row in store.rejected_inputs())
    assert store.article_text("too-long") is None


def test_patch_validates_and_records_the_editor(client, dataset):
    store, token = dataset
    auth = {"Authorization": f"Bearer {token}"}
    event_id = client.get("/api/events", params={"limit": 1}).json()["events"][0]["event_id"]
    refused = client.patch(f"/api/events/{event_id}", json={"changes": {"fatalities": -3}}, headers=auth)
    assert refused.status_code == 400 and "fatalities" in refused.json()["error"]["message"]
    done = client.patch(f"/api/events/{event_id}", json={"changes": {"fatalities": 7}, "note": "checked"},
                        headers=auth)
    assert done.status_code == 200 and done.json()["fatalities"] == 7
    edits = store.event(event_id)["edits"]
    assert edits[-1]["editor"] == "analyst" and edits[-1]["field"] == "fatalities"


def test_pages_render_with_security_headers_and_sign_in_sets_a_cookie(client, dataset):
    _, token = dataset
    home = client.get("/")
    assert home.status_code == 200 and "text/html" in home.headers["content-type"]
    assert home.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in home.headers["content-security-policy"]
    event_id = client.get("/api/events", params={"limit": 1}).json()["events"][0]["event_id"]
    assert client.get(f"/events/{event_id}").status_code == 200
    same_site = {"Origin": "http://testserver"}
    bad = client.post("/signin", data={"token": "wrong", "next": "/"}, headers=same_site, follow_redirects=False)
    assert bad.status_code == 303 and "bad=1" in bad.headers["location"]
    good = client.post("/signin", data={"token": token, "next": "/"}, headers=same_site, follow_redirects=False)
    assert good.status_code == 303 and "marsad" in good.headers.get("set-cookie", "").lower()
    cross = client.post("/signout", headers={"Origin": "https://elsewhere.example"}, follow_redirects=False)
    assert cross.status_code == 403
