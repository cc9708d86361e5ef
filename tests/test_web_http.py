"""Issue 19 item 4 through a real ``marsad serve``: small responses on a kept-alive connection are
not held back by Nagle's algorithm against the client's delayed ACK (about 40 ms each), responses
over a few KB are gzip-encoded for a client that asks, and static assets carry cache headers."""
from __future__ import annotations

import gzip
import http.client
import statistics
import time
from urllib.parse import urlsplit

import httpx


def _connection(server) -> http.client.HTTPConnection:
    parts = urlsplit(server.url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


def test_small_responses_on_a_kept_alive_connection_are_not_delayed(served):
    event_id = httpx.get(served.url + "/api/events", params={"limit": 1}, timeout=30).json()["events"][0]["event_id"]
    conn = _connection(served)
    timings = []
    try:
        for i in range(25):
            started = time.perf_counter()
            conn.request("GET", f"/api/events/{event_id}" if i % 2 else "/api/stats?by=type")
            response = conn.getresponse()
            body = response.read()
            timings.append(time.perf_counter() - started)
            assert response.status == 200 and body and not response.will_close  # one connection throughout
    finally:
        conn.close()
    median_ms = statistics.median(timings[5:]) * 1000  # the first requests warm the server's caches
    # Nagle plus a delayed ACK adds ~40 ms to every one of these; without it they take a few ms
    assert median_ms < 25, f"median {median_ms:.1f} ms per request on a kept-alive connection"


def test_a_large_response_is_gzipped_when_the_client_asks(served):
    plain = httpx.get(served.url + "/api/events", params={"limit": 200}, timeout=30,
                      headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and "content-encoding" not in plain.headers and len(plain.content) > 4096
    with httpx.stream("GET", served.url + "/api/events", params={"limit": 200}, timeout=30,
                      headers={"Accept-Encoding": "gzip"}) as response:
        raw = b"".join(response.iter_raw())
        assert response.headers["content-encoding"] == "gzip" and "accept-encoding" in response.headers["vary"].lower()
    assert len(raw) < len(plain.content) / 3 and gzip.decompress(raw) == plain.content
    # the guard's security headers are still on the compressed response
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_home_page_is_gzipped_and_a_small_response_is_not(served):
    page = httpx.get(served.url + "/", timeout=30, headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200 and page.headers["content-encoding"] == "gzip" and "<html" in page.text.lower()
    small = httpx.get(served.url + "/api/stats", params={"by": "type"}, timeout=30,
                      headers={"Accept-Encoding": "gzip"})
    assert small.status_code == 200 and len(small.content) < 1024 and "content-encoding" not in small.headers


def test_static_assets_carry_cache_headers_and_validate(served):
    for path in ("/static/app.js", "/static/app.css", "/static/vendor/leaflet.js"):
        response = httpx.get(served.url + path, timeout=30)
        assert response.status_code == 200, path
        cache = response.headers.get("cache-control", "")
        assert "public" in cache and "max-age=" in cache, (path, cache)
        assert int(cache.split("max-age=")[1].split(",")[0]) >= 3600, (path, cache)
        again = httpx.get(served.url + path, timeout=30, headers={"If-None-Match": response.headers["etag"]})
        assert again.status_code == 304 and not again.content, path
    # API answers are data that changes: no long caching of them
    api = httpx.get(served.url + "/api/stats", params={"by": "type"}, timeout=30)
    assert "max-age" not in api.headers.get("cache-control", "")
