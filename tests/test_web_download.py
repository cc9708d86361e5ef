"""Downloads of the filtered view (issue 20 item 4, and item 5's ``updated_since`` in the API):
``/api/download`` streams what ``marsad export`` writes, for the same filters as the table, from a
real ``marsad serve`` over the generated database (tests/web_scale.py)."""
from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

from marsad.export import ACLED_COLUMNS
from web_scale import Server, scale_db


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = Server(scale_db(tmp_path_factory), tmp_path_factory.mktemp("download") / "serve.log")
    yield server
    server.stop()


def total(site, params) -> int:
    page = httpx.get(site.url + "/api/events", params={**params, "limit": 1}, timeout=60).json()
    assert not page["total_estimated"]
    return page["total"]


@pytest.mark.parametrize("params", [{}, {"type": "Battles", "country": "Syria"}, {"actor": "داعش"},
                                    {"since": "2020-01-01", "until": "2020-12-31", "min_fatalities": "1"},
                                    {"text": "قصف", "admin1": "Aleppo"}])
def test_a_csv_download_has_exactly_the_tables_rows(site, params):
    response = httpx.get(site.url + "/api/download", params={**params, "format": "acled-csv"}, timeout=120)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'attachment; filename="marsad-events.csv"' == response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == total(site, params)
    assert tuple(rows[0].keys()) == ACLED_COLUMNS if rows else True
    if "type" in params:
        assert {r["event_type"] for r in rows} == {"Battles"} and {r["country"] for r in rows} == {"Syria"}
    assert all(r["iso"].isdigit() and r["timestamp"].isdigit() and r["inter2"].isdigit() for r in rows)


def test_json_lines_and_geojson_have_the_same_events(site):
    params = {"country": "Yemen", "since": "2021-01-01"}
    lines = httpx.get(site.url + "/api/download", params={**params, "format": "jsonl"}, timeout=120)
    records = [json.loads(line) for line in lines.text.splitlines()]
    geo = httpx.get(site.url + "/api/download", params={**params, "format": "geojson"}, timeout=120)
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    assert len(records) == len(features) == total(site, params) > 0
    assert [r["event_id"] for r in records] == [f["id"] for f in features]
    for r, f in zip(records, features):
        if r["latitude"] is not None:
            assert f["geometry"]["coordinates"] == [r["longitude"], r["latitude"]]
        else:
            assert f["geometry"] is None


def test_updated_since_gives_only_the_changed_events(site):
    everything = httpx.get(site.url + "/api/download", params={"format": "jsonl", "country": "Lebanon"},
                           timeout=120).text.splitlines()
    newest = max(json.loads(line)["timestamp"] for line in everything)
    later = httpx.get(site.url + "/api/download", params={"format": "jsonl", "country": "Lebanon",
                                                          "updated_since": newest + 1}, timeout=120)
    assert later.status_code == 200 and later.text == ""
    same = httpx.get(site.url + "/api/download", params={"format": "jsonl", "country": "Lebanon",
                                                         "updated_since": newest}, timeout=120)
    assert len(same.text.splitlines()) == len(everything)


@pytest.mark.parametrize("params, message", [
    ({"format": "xlsx"}, "format"),
    ({"format": "jsonl", "inter_labels": "true"}, "inter_labels is an option of format=acled-csv"),
    ({"updated_since": "last tuesday"}, "updated_since is Unix seconds"),
    ({"country": "Syria\x00"}, "country")])
def test_bad_download_asks_are_said_before_anything_is_sent(site, params, message):
    response = httpx.get(site.url + "/api/download", params=params, timeout=60)
    assert response.status_code in (400, 422)
    assert message in response.json()["error"]["message"]


def test_the_download_is_streamed_in_pieces(site):
    # sent as it is read (chunked, no length known beforehand), in pieces of about 64 KB
    with httpx.stream("GET", site.url + "/api/download", params={"format": "jsonl"},
                      headers={"accept-encoding": "identity"}, timeout=120) as response:
        assert response.headers.get("transfer-encoding") == "chunked"
        assert "content-length" not in response.headers
        pieces = [len(chunk) for chunk in response.iter_raw()]
    assert len(pieces) > 10 and sum(pieces) > 10 * max(pieces) / 2
    assert sum(pieces) / len(pieces) < 200_000


def test_inter_labels_write_acleds_text_labels(site):
    text = httpx.get(site.url + "/api/download", params={"format": "acled-csv", "inter_labels": "true",
                                                          "type": "Protests"}, timeout=60).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["inter1"] for r in rows} <= {"Protesters", "Rioters", "Civilians", "State forces",
                                                    "Rebel group", "Political militia", "Identity militia",
                                                    "External/Other forces", ""}
    assert any(r["inter1"] == "Protesters" for r in rows)
