"""The REST API of ``marsad serve``, through a real server process and an HTTP client."""
from __future__ import annotations

import httpx
import pytest

REFERENCE_EVENT = "ev-c1c5c16ce4d251ee"  # the prison battle of the reference article (examples/)


def get(server, path, **params):
    return httpx.get(server.url + path, params=params, timeout=30)


def test_events_are_listed_with_total_and_paging(served):
    first = get(served, "/api/events", limit=5).json()
    assert first["total"] == served.stored and len(first["events"]) == 5 and first["offset"] == 0
    second = get(served, "/api/events", limit=5, offset=5).json()
    assert not {e["event_id"] for e in first["events"]} & {e["event_id"] for e in second["events"]}


def test_events_sort_by_deaths_both_ways(served):
    down = [e["fatalities"] or 0 for e in get(served, "/api/events", sort="fatalities",
                                               limit=served.stored).json()["events"]]
    up = [e["fatalities"] or 0 for e in get(served, "/api/events", sort="fatalities", order="asc",
                                             limit=served.stored).json()["events"]]
    assert down == sorted(down, reverse=True) and up == sorted(up) and down[0] == 202


@pytest.mark.parametrize("params, check", [
    ({"type": "Battles"}, lambda e: e["event_type"] == "Battles"),
    ({"type": "Air/drone strike"}, lambda e: e["sub_event_type"] == "Air/drone strike"),
    ({"country": "yemen"}, lambda e: e["country"] == "Yemen"),
    ({"admin1": "Nineveh"}, lambda e: e["admin1"] == "Nineveh"),
    ({"actor": "islamic state"}, lambda e: "Islamic State" in (e["actor1"], e["actor2"])),
    ({"min_fatalities": 5}, lambda e: e["fatalities"] >= 5),
    ({"since": "2024-05-01", "until": "2024-05-31"}, lambda e: e["event_date"].startswith("2024-05")),
    ({"bbox": "35,32,37,34"}, lambda e: 35 <= e["longitude"] <= 37 and 32 <= e["latitude"] <= 34),
])
def test_each_filter_narrows_the_events(served, params, check):
    body = get(served, "/api/events", limit=1000, **params).json()
    assert 0 < body["total"] < served.stored and all(check(e) for e in body["events"]), params


@pytest.mark.parametrize("path, params", [
    ("/api/events", {"since": "yesterday"}),
    ("/api/events", {"limit": 0}),
    ("/api/events", {"limit": 100000}),
    ("/api/events", {"sort": "password"}),
    ("/api/events", {"bbox": "1,2,3"}),
    ("/api/events", {"min_fatalities": -1}),
    ("/api/events", {"text": "a\x00b"}),
    ("/api/stats", {"by": "hour"}),
])
def test_bad_parameters_give_a_4xx_error_in_one_shape(served, path, params):
    response = get(served, path, **params)
    assert 400 <= response.status_code < 500
    error = response.json()["error"]
    assert set(error) == {"code", "message"} and error["message"]


def test_unknown_event_and_article_are_404_in_the_error_shape(served):
    for path in ("/api/events/ev-nothing", "/api/articles/no-such-article"):
        response = get(served, path)
        assert response.status_code == 404 and response.json()["error"]["code"] == "E404"


def test_one_event_has_sources_evidence_and_history(served):
    event = get(served, f"/api/events/{REFERENCE_EVENT}").json()
    assert event["fatalities"] == 202 and event["location"] == "Ghwayran prison"
    assert event["sources"] and event["evidence"]["fatalities"] and event["edits"] == []


def test_merged_event_lists_each_source_with_its_rule(served):
    merged = [e for e in get(served, "/api/events", limit=1000).json()["events"] if len(e["sources"]) >= 4]
    assert merged
    event = get(served, f"/api/events/{merged[0]['event_id']}").json()
    assert event["sources"][0]["match_rule"] is None
    assert all(s["match_rule"] and s["match_score"] for s in event["sources"][1:])


def test_article_has_its_text_and_events(served):
    article = get(served, "/api/articles/ms-001").json()
    assert "منبج" in article["text"] and article["events"] and article["source"] == "Hawar News"


def test_stats_by_month_and_type_add_up_to_the_events(served):
    months = get(served, "/api/stats", by="month").json()["buckets"]
    types = get(served, "/api/stats", by="type").json()["buckets"]
    assert sum(b["events"] for b in months) == sum(b["events"] for b in types) == served.stored
    january = get(served, "/api/events", since="2022-01-01", until="2022-01-31", limit=1000).json()["events"]
    assert january  # the reference article's month
    assert {"key": "2022-01", "events": len(january),
            "fatalities": sum(e["fatalities"] or 0 for e in january)} in months
    weeks = get(served, "/api/stats", by="week", country="Syria").json()["buckets"]
    assert all(b["key"] for b in weeks) and sum(b["events"] for b in weeks) < served.stored


def test_writes_without_a_valid_token_are_refused(served):
    for headers in ({}, {"Authorization": "Bearer msd_not-a-token"}):
        patch = httpx.patch(f"{served.url}/api/events/{REFERENCE_EVENT}", json={"changes": {"fatalities": 1}},
                            headers=headers, timeout=30)
        post = httpx.post(f"{served.url}/api/articles", json={"text": "قتل مدني اليوم في إدلب"}, headers=headers,
                          timeout=30)
        assert patch.status_code == post.status_code == 401
        assert patch.json()["error"]["code"] == "E401"
    assert get(served, f"/api/events/{REFERENCE_EVENT}").json()["fatalities"] == 202


def test_posted_article_is_ingested_and_its_events_returned(served):
    text = "قتل ثلاثة مدنيين اليوم الأحد بقصف مدفعي لقوات النظام على بلدة سرمين في ريف إدلب الشرقي."
    body = {"text": text, "published": "2024-09-01", "source": "Test wire", "id": "api-post-1"}
    first = httpx.post(f"{served.url}/api/articles", json=body, headers=served.auth(), timeout=60)
    assert first.status_code == 200, first.text
    out = first.json()
    assert out["status"] == "new" and out["article_id"] == "api-post-1"
    assert [(e["sub_event_type"], e["location"], e["fatalities"]) for e in out["events"]] == \
        [("Shelling/artillery/missile attack", "Sarmin", 3)]
    again = httpx.post(f"{served.url}/api/articles", json=body, headers=served.auth(), timeout=60).json()
    assert again["status"] == "known" and again["events"][0]["event_id"] == out["events"][0]["event_id"]
    empty = httpx.post(f"{served.url}/api/articles", json={"text": "   "}, headers=served.auth(), timeout=30)
    assert empty.status_code == 400 and empty.json()["error"]["message"]


def test_edit_is_attributed_to_the_token_name_and_kept(served):
    target = get(served, "/api/events", type="Peaceful protest", limit=1).json()["events"][0]["event_id"]
    response = httpx.patch(f"{served.url}/api/events/{target}", json={"changes": {"fatalities": 1}, "note": "check"},
                           headers=served.auth("analyst-two"), timeout=30)
    assert response.status_code == 200, response.text
    event = get(served, f"/api/events/{target}").json()
    assert event["fatalities"] == 1
    assert event["edits"][-1]["editor"] == "analyst-two" and event["edits"][-1]["note"] == "check"
    bad = httpx.patch(f"{served.url}/api/events/{target}", json={"changes": {"password": "x"}},
                      headers=served.auth(), timeout=30)
    assert bad.status_code == 400 and "cannot be edited" in bad.json()["error"]["message"]


def test_split_undoes_a_merge_through_the_api(served):
    merged = [e for e in get(served, "/api/events", limit=1000, country="Iraq").json()["events"]
              if len(e["sources"]) >= 3]
    event = merged[0]
    key = event["sources"][-1]["source_key"]
    response = httpx.post(f"{served.url}/api/events/{event['event_id']}/split", json={"source_key": key},
                          headers=served.auth(), timeout=30)
    assert response.status_code == 200, response.text
    new_id = response.json()["new_event_id"]
    assert len(get(served, f"/api/events/{event['event_id']}").json()["sources"]) == len(event["sources"]) - 1
    assert len(get(served, f"/api/events/{new_id}").json()["sources"]) == 1
    wrong = httpx.post(f"{served.url}/api/events/{new_id}/split", json={"source_key": key}, headers=served.auth(),
                       timeout=30)
    assert wrong.status_code == 400


def test_core_reads_and_writes_on_each_backend(served_on):
    """The same API over SQLite and a real PostgreSQL server."""
    page = get(served_on, "/api/events", sort="fatalities", limit=3).json()
    assert page["total"] == served_on.stored and page["events"][0]["fatalities"] == 202
    weeks = get(served_on, "/api/stats", by="week").json()["buckets"]
    assert sum(b["events"] for b in weeks) == served_on.stored
    response = httpx.patch(f"{served_on.url}/api/events/{REFERENCE_EVENT}", json={"changes": {"fatalities": 200}},
                           headers=served_on.auth(), timeout=30)
    assert response.status_code == 200 and response.json()["edits"][-1]["editor"] == "analyst-one"


def test_openapi_is_served_with_the_docs(served):
    schema = get(served, "/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/stats"} <= set(schema["paths"])
    assert get(served, "/docs").status_code == 200
