"""Issue 18, items 6, 7, 9, 10, 12 and 13 through a real ``marsad serve`` on SQLite and PostgreSQL:
bad input gets a 4xx in the error shape (never a 500), writes are validated, the same article posted
ten times at once is stored once, request bodies are bounded and not read before the token check,
pages carry security headers, cross-site form posts are refused, ``%`` and ``_`` are literal in
filters, and an article id with "/" is reachable."""
from __future__ import annotations

import json
import math
import socket
import threading
import time
import uuid
from urllib.parse import urlsplit

import httpx
import pytest

from conftest import Served, _libpq_url, _with_database

EXPLOSIONS = "Explosions/Remote violence"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request, tmp_path_factory):
    """One server per backend for this module (each test writes only to what it owns)."""
    tmp = tmp_path_factory.mktemp(f"hardening-{request.param}")
    if request.param == "sqlite":
        url, drop = f"sqlite:///{tmp / 'marsad.db'}", None
    else:
        base = request.getfixturevalue("pg_url")
        if base is None:
            pytest.skip("PostgreSQL not available")
        import psycopg
        from psycopg import sql
        name = f"marsad_test_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(_libpq_url(base), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        url = _with_database(base, name)

        def drop():
            with psycopg.connect(_libpq_url(base), autocommit=True) as conn:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    served = Served(url, tmp)
    yield served
    served.stop()
    if drop:
        drop()


def get(server, path, **params):
    return httpx.get(server.url + path, params=params, timeout=30)


def _first(server, **params) -> dict:
    return get(server, "/api/events", limit=1, **params).json()["events"][0]


# --------------------------------------------------------------------------- item 9: no 500 on bad input

@pytest.mark.parametrize("path", ["/api/events/%00", "/api/events/ev-%00x", "/api/events/" + "e" * 500,
                                  "/api/articles/%00", "/api/articles/" + "a" * 600, "/events/%00",
                                  "/events/ev-c1c5c16ce4d251ee?source=99999999999999999999",
                                  "/api/events?actor=%00", "/api/events?text=a%00b", "/api/stats?country=%00"])
def test_bad_input_gets_a_4xx_never_a_500(server, path):
    response = httpx.get(server.url + path, timeout=30)
    assert 400 <= response.status_code < 500, (path, response.status_code, response.text[:300])


# --------------------------------------------------------------------------- items 5, 6: validated writes

BAD_CHANGES = [("assoc_actor_1", 4), ("latitude", float("inf")), ("latitude", 500), ("fatalities", -1),
               ("fatalities", 10**30), ("fatalities", True), ("actor1", 7), ("geo_precision", 9),
               ("event_date", "yesterday"), ("event_type", None), ("sub_event_type", "Armed clash"),
               ("location", "x" * 301), ("colour", "red")]


def test_patch_and_review_form_validate_and_never_fail(server):
    target = _first(server, type=EXPLOSIONS)["event_id"]
    url = f"{server.url}/api/events/{target}"
    for field, value in BAD_CHANGES:
        body = json.dumps({"changes": {field: value}}, allow_nan=True)  # Infinity as Python's json writes it
        response = httpx.patch(url, content=body, headers={**server.auth(), "content-type": "application/json"},
                               timeout=30)
        assert response.status_code in (400, 422), (field, value, response.status_code, response.text[:300])
        assert response.json()["error"]["message"]
    ok = httpx.patch(url, json={"changes": {"actor1": "Liwa al-Jadid", "assoc_actor_1": ["New Ally"]}},
                     headers=server.auth(), timeout=30)
    assert ok.status_code == 200 and ok.json()["actor1"] == "Liwa al-Jadid", ok.text
    cookies = {"marsad_token": server.tokens["analyst-one"]}
    saved = httpx.post(f"{server.url}/events/{target}/review", data={"actor2": "Brand New Militia"},
                       cookies=cookies, timeout=30)
    assert saved.status_code == 303 and "saved" in saved.headers["location"], saved.text
    refused = httpx.post(f"{server.url}/events/{target}/review", data={"latitude": "500"}, cookies=cookies,
                         timeout=30)
    # the form comes back with the error beside the field (issue 20 item 7), and what was written
    assert refused.status_code == 422 and 'id="error-latitude"' in refused.text, refused.text
    assert 'name="latitude" value="500"' in refused.text
    event = get(server, f"/api/events/{target}").json()
    assert event["actor2"] == "Brand New Militia" and event["latitude"] != 500
    assert math.isfinite(event["latitude"] or 0)


# --------------------------------------------------------------------------- item 7: ten at once

def test_same_article_posted_ten_times_at_once_is_stored_once(server):
    body = {"text": f"قتل مدنيان اليوم بقصف مدفعي على مدينة سراقب في ريف إدلب. {uuid.uuid4().hex}",
            "id": f"burst-{uuid.uuid4().hex[:6]}", "published": "2024-10-01"}
    # one article first, so the burst meets a warm extractor: a cold start in ten threads at once is
    # item 8's (extraction's lazily built tables), not the writers' concern tested here
    warm = httpx.post(f"{server.url}/api/articles", headers=server.auth(), timeout=120,
                      json={"text": f"قتل مدني اليوم في قصف على مدينة إدلب. {uuid.uuid4().hex}"})
    assert warm.status_code == 200, warm.text
    barrier = threading.Barrier(10)
    results: list = []

    def post():
        barrier.wait()
        try:
            results.append(httpx.post(f"{server.url}/api/articles", json=body, headers=server.auth(), timeout=120))
        except httpx.HTTPError as exc:
            results.append(exc)

    threads = [threading.Thread(target=post) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = [r.status_code if isinstance(r, httpx.Response) else repr(r) for r in results]
    assert codes == [200] * 10, [r.text[:200] if isinstance(r, httpx.Response) else r for r in results]
    assert sorted(r.json()["status"] for r in results) == ["known"] * 9 + ["new"]
    assert get(server, f"/api/articles/{body['id']}").status_code == 200


# --------------------------------------------------------------------------- item 10: bounded bodies

def _raw_post(server, path: str, headers: dict, body: bytes = b"", wait: float = 10.0) -> tuple[int | None, float]:
    """Send a POST whose declared body may be far longer than what is sent; the status line and
    how long it took, or None when the server waited for the body."""
    host, port = urlsplit(server.url).hostname, urlsplit(server.url).port
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=wait) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        sock.sendall(head.encode("latin-1") + b"\r\n" + body)
        try:
            first = sock.recv(200)
        except socket.timeout:
            return None, time.monotonic() - started
    return int(first.split()[1]) if first.startswith(b"HTTP/") else None, time.monotonic() - started


def test_body_is_not_read_before_the_token_is_checked(server):
    status, took = _raw_post(server, "/api/articles", {"Content-Type": "application/json",
                                                       "Content-Length": "50000000"})
    assert status == 401 and took < 5, (status, took)
    status, _ = _raw_post(server, "/api/events/ev-x", {"Content-Type": "application/json",
                                                       "Content-Length": "50000000",
                                                       "Authorization": "Bearer msd_wrong"})
    assert status == 401


def test_request_over_the_size_limit_is_refused(server):
    status, took = _raw_post(server, "/api/articles", {"Content-Type": "application/json",
                                                       "Content-Length": "50000000", **server.auth()})
    assert status == 413 and took < 5, (status, took)
    # a chunked body without a length is cut off at the limit too
    chunk = b"x" * (1 << 20)
    def chunks():
        for _ in range(40):
            yield chunk
    response = httpx.post(f"{server.url}/api/articles", content=chunks(), headers={**server.auth(),
                          "content-type": "application/json"}, timeout=60)
    assert response.status_code == 413 and response.json()["error"]["code"] == "E413"


# --------------------------------------------------------------------------- item 12: hygiene

def test_pages_and_api_carry_security_headers(server):
    for path in ("/", "/api/events?limit=1", "/signin"):
        headers = httpx.get(server.url + path, timeout=30).headers
        assert "frame-ancestors 'none'" in headers.get("content-security-policy", ""), path
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("referrer-policy") == "same-origin", path
        assert headers.get("x-frame-options") == "DENY", path


def test_cross_site_sign_in_and_out_are_refused(server):
    token = server.tokens["analyst-one"]
    for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
        signin = httpx.post(f"{server.url}/signin", data={"token": token, "next": "/"}, headers=headers, timeout=30)
        assert signin.status_code == 403 and "marsad_token" not in signin.headers.get("set-cookie", "")
        signout = httpx.post(f"{server.url}/signout", headers=headers, cookies={"marsad_token": token}, timeout=30)
        assert signout.status_code == 403
    same = httpx.post(f"{server.url}/signin", data={"token": token, "next": "/"}, timeout=30,
                      headers={"Origin": server.url, "Sec-Fetch-Site": "same-origin"})
    assert same.status_code == 303 and "marsad_token" in same.headers.get("set-cookie", "")


def test_percent_and_underscore_are_literal_in_filters(server):
    total = get(server, "/api/events", limit=1).json()["total"]
    assert total > 0
    for params in ({"actor": "%"}, {"actor": "_"}, {"text": "%"}, {"text": "_%_"}):
        assert get(server, "/api/events", limit=1, **params).json()["total"] == 0, params


# --------------------------------------------------------------------------- item 13: ids with "/"

def test_article_id_with_a_slash_is_reachable(server):
    article_id = f"feeds/syria/{uuid.uuid4().hex[:6]}.txt"
    posted = httpx.post(f"{server.url}/api/articles", headers=server.auth(), timeout=60,
                        json={"text": "قتل مدني اليوم برصاص قناص في بلدة كفرنبل بريف إدلب.", "id": article_id,
                              "published": "2024-10-02"})
    assert posted.status_code == 200, posted.text
    found = get(server, f"/api/articles/{article_id}")
    assert found.status_code == 200 and found.json()["article_id"] == article_id
