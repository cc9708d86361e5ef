"""The map's API (issue 20 item 1): ``/api/map`` answers clusters and single events for a zoom, a view
and the filters, whose counts add up to the filtered total; town names and Arabic governorate
names for the basemap. Driven in process over a generated database (tests/web_scale.py) and a
real SQLite file that an ingest changes."""
from __future__ import annotations

import warnings
from datetime import date

import pytest

from marsad.ingest import ingest
from marsad.model import Article
from marsad.store import open_store, queries
from marsad.web.app import create_app
from conftest import REPO
from web_scale import SCALE_EVENTS, UNLOCATED, scale_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx versions
    from starlette.testclient import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = open_store(scale_db(tmp_path_factory))
    with TestClient(create_app(store=store)) as c:
        yield c
    store.close()


def shown(answer: dict) -> int:
    return sum(c["count"] for c in answer["clusters"]) + len(answer["points"])


@pytest.mark.parametrize("params", [{}, {"type": "Battles"}, {"country": "Iraq"}, {"actor": "داعش"},
                                    {"since": "2019-03-01", "until": "2019-05-31"}, {"min_fatalities": "10"},
                                    {"text": "قصف"}, {"admin1": "Aleppo", "type": "Protests"}])
def test_clusters_and_points_add_up_to_the_filtered_total(client, params):
    total = client.get("/api/events", params={**params, "limit": 1}).json()
    assert not total["total_estimated"]
    for zoom in (3, 6, 9, 13):
        answer = client.get("/api/map", params={**params, "zoom": zoom}).json()
        assert answer["total"] == total["total"]
        assert shown(answer) == answer["in_view"] == answer["total"] - answer["unlocated"]
        assert answer["outside"] == 0
    everything = client.get("/api/map", params={**params, "zoom": 3}).json()
    finer = client.get("/api/map", params={**params, "zoom": 9}).json()
    if everything["in_view"] > 30:  # a finer grid splits clusters
        assert len(finer["clusters"]) + len(finer["points"]) > len(everything["clusters"]) + len(everything["points"])


def test_unlocated_events_are_counted_apart(client):
    answer = client.get("/api/map", params={"zoom": 5}).json()
    assert answer["total"] == SCALE_EVENTS
    assert answer["unlocated"] == SCALE_EVENTS // UNLOCATED


def test_a_view_keeps_its_clusters_and_counts_the_rest_outside(client):
    view = "35.5,32.0,38.5,37.5"  # western Syria, Lebanon and part of Palestine
    answer = client.get("/api/map", params={"zoom": 8, "view": view}).json()
    assert 0 < answer["in_view"] < answer["total"] - answer["unlocated"]
    assert answer["in_view"] + answer["outside"] + answer["unlocated"] == answer["total"]
    w, s, e, n = (float(x) for x in view.split(","))
    for c in answer["clusters"]:
        bw, bs, be, bn = c["bounds"]
        assert be >= w and bw <= e and bn >= s and bs <= n
        assert sum(c["types"].values()) == c["count"] >= 2
    for p in answer["points"]:
        assert w <= p["lon"] <= e and s <= p["lat"] <= n
    inside = client.get("/api/events", params={"bbox": view, "limit": 1}).json()["total"]
    assert answer["in_view"] >= inside  # clusters reaching into the view count whole


def test_a_single_event_is_a_point_with_its_id_type_and_deaths(client):
    answer = client.get("/api/map", params={"zoom": 14, "view": "35.0,31.0,45.0,38.0"}).json()
    assert answer["points"]
    point = answer["points"][0]
    event = client.get(f"/api/events/{point['event_id']}").json()
    assert (event["latitude"], event["longitude"], event["event_type"], event["fatalities"]) == \
        (pytest.approx(point["lat"]), pytest.approx(point["lon"]), point["event_type"], point["fatalities"])


def test_cluster_mix_counts_each_type(client):
    answer = client.get("/api/map", params={"zoom": 3}).json()
    mix: dict[str, int] = {}
    for c in answer["clusters"]:
        for kind, n in c["types"].items():
            mix[kind] = mix.get(kind, 0) + n
    for p in answer["points"]:  # an event alone in its cell (a town far from the others) is a point
        mix[p["event_type"]] = mix.get(p["event_type"], 0) + 1
    for kind, n in mix.items():
        filtered = client.get("/api/map", params={"zoom": 3, "type": kind}).json()
        assert filtered["total"] - filtered["unlocated"] == n


@pytest.mark.parametrize("params, message", [({"zoom": 25}, "zoom"), ({"zoom": 5, "view": "1,2,3"}, "view"),
                                             ({"zoom": 5, "view": "40,30,20,35"}, "W <= E"),
                                             ({"zoom": 5, "since": "2020-02-30"}, "since")])
def test_bad_map_asks_are_said_clearly(client, params, message):
    response = client.get("/api/map", params=params)
    assert response.status_code in (400, 422)
    assert message in response.json()["error"]["message"]


def test_town_names_from_zoom_seven_with_arabic_names(client):
    view = {"view": "36.8,35.8,37.6,36.5"}  # around Aleppo
    assert client.get("/api/map/places", params={**view, "zoom": 6}).json() == []
    towns = client.get("/api/map/places", params={**view, "zoom": 9}).json()
    assert towns and towns[0]["name"] == "Aleppo" and towns[0]["name_ar"] == "حلب"
    assert all(36.8 <= t["lon"] <= 37.6 and 35.8 <= t["lat"] <= 36.5 for t in towns)
    assert [t["population"] for t in towns] == sorted((t["population"] for t in towns), reverse=True)
    assert all(t["name_ar"] is None or not any("a" <= ch.lower() <= "z" for ch in t["name_ar"]) for t in towns)


def test_governorates_carry_arabic_names_and_label_points(client):
    areas = client.get("/api/areas").json()
    governorates = [f["properties"] for f in areas["features"] if f["properties"]["level"] == "admin1"]
    aleppo = next(p for p in governorates if p.get("iso_code") == "SY-HL")
    assert aleppo["name_ar"] == "حلب" and aleppo["label"] == [pytest.approx(36.201), pytest.approx(37.161)]
    assert sum(1 for p in governorates if p.get("name_ar")) >= 0.9 * len(governorates)


def test_the_map_sees_a_new_event_at_once(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'live.db'}")
    with TestClient(create_app(store=store)) as c:
        before = c.get("/api/map", params={"zoom": 6}).json()
        assert before["total"] == 0 and before["clusters"] == before["points"] == []
        ingest(store, [Article(text="قتل خمسة مدنيين أمس في قصف مدفعي نفذته قوات النظام السوري على مدينة سراقب "
                                    "في ريف إدلب.", id="live-1", published=date(2024, 5, 2))])
        after = c.get("/api/map", params={"zoom": 6}).json()
        assert after["total"] == queries.event_page(store, limit=1).total >= 1
        assert shown(after) == after["total"] - after["unlocated"]
    store.close()


def test_map_and_facets_agree_with_the_events_on_both_backends(db_url):
    from marsad.readers import read_inputs

    store = open_store(db_url)
    try:
        ingest(store, read_inputs([str(REPO / "examples" / "sample-articles.jsonl"),
                                   str(REPO / "examples" / "multisource.jsonl")]))
        total = queries.event_page(store, limit=1).total
        countries = [f["key"] for f in queries.facets(store)["country"] if f["key"]][:2]
        assert len(countries) == 2
        for filters in ({}, {"country": countries}, {"event_type": ["Battles", "Air/drone strike"]}):
            answer = queries.map_cells(store, zoom=6, **filters)
            expected = queries.event_page(store, limit=1, **filters).total
            assert answer["total"] == expected and (expected < total or not filters)
            assert sum(c["count"] for c in answer["clusters"]) + len(answer["points"]) + answer["unlocated"] == expected
            facets = queries.facets(store, **filters)
            assert sum(f["events"] for f in facets["country"]) == expected
            assert {f["key"] for f in facets["actor"]} <= set(queries.actor_names(store))
    finally:
        store.close()


@pytest.mark.parametrize("alias", ["داعش", "تنظيم الدولة", "ISIS", "Daesh", "islamic state"])
def test_the_actor_filter_matches_arabic_and_english_aliases(client, alias):
    named = client.get("/api/events", params={"actor": "Islamic State", "limit": 1}).json()["total"]
    assert named > 0
    assert client.get("/api/events", params={"actor": alias, "limit": 1}).json()["total"] == named
    assert client.get("/api/map", params={"actor": alias, "zoom": 4}).json()["total"] == named
    facet = client.get("/api/facets", params={"actor": alias}).json()["actor"]
    assert facet[0] == {"key": "Islamic State", "events": named}
