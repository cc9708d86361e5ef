"""The polite fetcher against a real HTTP server on 127.0.0.1, and feeds into entries."""
from __future__ import annotations

import threading
import time

import pytest

from marsad.watch.feeds import FeedError, canonical_url, parse_feed
from marsad.watch.fetch import Fetcher, FetchError, Politeness, decode_page
from watch_site import Site, atom, json_feed, news_sitemap, rss


def fast(**changes) -> Politeness:
    values = dict(host_interval=0.0, backoff=0.01, max_backoff=2.0, timeout=1.0, deadline=1.5, retries=2)
    values.update(changes)
    return Politeness(**values)


@pytest.fixture
def site():
    with Site() as s:
        yield s


def test_conditional_get_gives_304_with_the_validators_of_the_last_answer(site):
    site.add("/feed", rss([]), content_type="application/rss+xml")
    with Fetcher(fast()) as f:
        first = f.get(site.url("/feed"))
        again = f.get(site.url("/feed"), etag=first.headers["etag"], last_modified=first.headers["last-modified"])
    assert first.status == 200 and again.not_modified and again.body == b""
    asked = site.hits("/feed")[1].headers
    assert asked["if-none-match"] == first.headers["etag"] and asked["if-modified-since"].endswith("GMT")


def test_429_retry_after_is_waited_out_and_a_longer_one_is_handed_back(site):
    site.add("/busy", sequence=[(429, {"retry-after": "1"}, b""), (200, {}, b"ok")])
    site.add("/very-busy", status=429, headers={"retry-after": "3600"})
    with Fetcher(fast()) as f:
        began = time.monotonic()
        assert f.get(site.url("/busy")).body == b"ok"
        assert time.monotonic() - began >= 0.95
        with pytest.raises(FetchError) as caught:
            f.get(site.url("/very-busy"))
    assert caught.value.retry_after == 3600 and len(site.hits("/very-busy")) == 1


def test_5xx_is_retried_with_growing_waits_then_reported(site):
    site.add("/down", status=503)
    with Fetcher(fast(backoff=0.1, retries=3)) as f:
        began = time.monotonic()
        with pytest.raises(FetchError) as caught:
            f.get(site.url("/down"))
        took = time.monotonic() - began
    assert caught.value.status == 503 and not caught.value.permanent
    assert len(site.hits("/down")) == 4
    assert 0.35 <= took < 2.0  # 0.1 + 0.2 + 0.4, each with jitter between half and one and a half times


def test_a_404_is_not_retried(site):
    with Fetcher(fast()) as f, pytest.raises(FetchError) as caught:
        f.get(site.url("/nothing"))
    assert caught.value.status == 404 and caught.value.permanent and len(site.hits("/nothing")) == 1


def test_requests_to_one_host_keep_their_distance_and_their_cap(site):
    site.add("/slowish", "x", trickle=0.2)
    site.add("/page", "x")
    with Fetcher(fast(host_interval=0.15, host_concurrency=1, retries=0)) as f:
        f.get(site.url("/page"))  # robots.txt and a first request out of the way
        began = time.monotonic()
        threads = [threading.Thread(target=f.get, args=(site.url("/page"),)) for _ in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert time.monotonic() - began >= 0.55  # five requests 0.15 s apart
        # with one connection per host, a slow answer holds the next request back
        began = time.monotonic()
        t = threading.Thread(target=f.get, args=(site.url("/slowish"),))
        t.start()
        time.sleep(0.05)
        f.get(site.url("/page"))
        assert time.monotonic() - began >= 0.2
        t.join()


def test_size_limit_announced_or_counted(site):
    site.add("/big", b"x" * 20_000)
    site.add("/endless", stream_bytes=5_000_000)
    with Fetcher(fast(max_bytes=10_000)) as f:
        for path in ("/big", "/endless"):
            with pytest.raises(FetchError) as caught:
                f.get(site.url(path))
            assert caught.value.kind == "too-large" and caught.value.permanent


def test_a_trickling_server_is_cut_off_at_the_deadline(site):
    site.add("/trickle", b"x" * 200, trickle=0.05)
    with Fetcher(fast(deadline=0.5, retries=0)) as f:
        began = time.monotonic()
        with pytest.raises(FetchError) as caught:
            f.get(site.url("/trickle"))
    assert caught.value.kind == "timeout" and time.monotonic() - began < 1.5


def test_redirects_are_followed_within_limits_and_loops_stopped(site):
    site.add("/old", status=301, headers={"location": "/new"})
    site.add("/new", "here")
    site.add("/a", status=302, headers={"location": "/b"})
    site.add("/b", status=302, headers={"location": "/a"})
    for n in range(8):
        site.add(f"/hop{n}", status=302, headers={"location": f"/hop{n + 1}"})
    with Fetcher(fast()) as f:
        moved = f.get(site.url("/old"))
        assert moved.body == b"here" and moved.url.endswith("/new")
        with pytest.raises(FetchError, match="loop") as loop:
            f.get(site.url("/a"))
        with pytest.raises(FetchError, match="more than 5 redirects"):
            f.get(site.url("/hop0"))
    assert loop.value.permanent and len(site.hits("/a")) == 1 and len(site.hits("/hop6")) == 0


def test_robots_txt_is_obeyed_with_its_crawl_delay(site):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n", content_type="text/plain")
    site.add("/private/x", "secret")
    site.add("/open", "ok")
    site.add("/to-private", status=302, headers={"location": "/private/x"})
    with Fetcher(fast()) as f:
        assert not f.allowed(site.url("/private/x"))
        with pytest.raises(FetchError) as caught:
            f.get(site.url("/to-private"))  # a redirect into a disallowed path is not followed
        assert caught.value.kind == "robots"
        began = time.monotonic()
        f.get(site.url("/open"))
        f.get(site.url("/open"))
        assert time.monotonic() - began >= 0.95
    assert site.hits("/private/x") == [] and len(site.hits("/robots.txt")) == 1


def test_a_robots_txt_that_fails_keeps_marsad_off_the_host(site):
    site.add("/robots.txt", status=500)
    site.add("/page", "x")
    with Fetcher(fast(retries=0)) as f, pytest.raises(FetchError, match="robots.txt"):
        f.get(site.url("/page"))
    assert site.hits("/page") == []


def test_pages_are_decoded_from_the_header_the_meta_or_the_bytes():
    arabic = "قتل ثلاثة مدنيين في قصف على بلدة كفرنبل"
    assert decode_page(arabic.encode("cp1256"), "text/html")[0] == arabic
    assert decode_page(arabic.encode("cp1256"), "text/html; charset=ISO-8859-1")[0] == arabic  # a lying default
    assert decode_page(f'<meta charset="windows-1256"><p>{arabic}</p>'.encode("cp1256"))[0].endswith(f"{arabic}</p>")
    assert decode_page(arabic.encode("utf-8"), "text/html; charset=utf-8") == (arabic, "utf-8")
    assert decode_page(arabic.encode("iso-8859-6"), "text/html; charset=iso-8859-6")[0] == arabic


def test_every_feed_format_gives_the_same_entries(site):
    items = [dict(url="http://a.example/news/1?utm_source=rss#top", title="عنوان", published="2024-02-20",
                  summary="<p>ملخص</p>")]
    for make in (rss, atom, json_feed, news_sitemap):
        feed = parse_feed(make(items).encode("utf-8"), base_url="http://a.example/feed")
        entry = feed.entries[0]
        assert (entry.url, entry.title, str(entry.published)) == ("http://a.example/news/1", "عنوان", "2024-02-20"), make
    index = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b'<sitemap><loc>/s-old.xml</loc><lastmod>2023-01-01</lastmod></sitemap>'
             b'<sitemap><loc>/s-new.xml</loc><lastmod>2024-01-01</lastmod></sitemap></sitemapindex>')
    assert parse_feed(index, base_url="http://a.example/").sitemaps == ["http://a.example/s-new.xml",
                                                                         "http://a.example/s-old.xml"]
    assert canonical_url("HTTP://A.example/x?b=1&utm_medium=x&fbclid=3#frag") == "http://a.example/x?b=1"


@pytest.mark.parametrize("body", [b"<<<not xml", b"<html><body>a page</body></html>", b"{\"items\": 3}", b"{oops",
                                  b"<urlset><url><loc>x</loc></url", b"", b"\x00\xff\xfe binary"])
def test_what_is_not_a_feed_is_a_feed_error(body):
    with pytest.raises(FeedError):
        parse_feed(body)


def test_a_stop_interrupts_the_waits(site):
    site.add("/down", status=503)
    stop = threading.Event()
    with Fetcher(fast(backoff=1.5, retries=5), stop=stop) as f:
        threading.Timer(0.3, stop.set).start()
        began = time.monotonic()
        with pytest.raises(FetchError):
            f.get(site.url("/down"))
    assert time.monotonic() - began < 1.5


def test_robots_txt_read_within_the_hour_is_not_asked_again_and_later_only_conditionally(site):
    from marsad.watch.fetch import RobotsRecord

    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.add("/open", "ok")
    with Fetcher(fast()) as f:
        f.get(site.url("/open"))
        kept = dict(f.robots_records)
    assert list(kept) == [site.base] and kept[site.base].changed and kept[site.base].etag
    with Fetcher(fast()) as f:  # the next run, within the hour: no request for robots.txt
        f.robots_records.update(kept)
        f.get(site.url("/open"))
        assert not f.allowed(site.url("/private/x"))
    assert len(site.hits("/robots.txt")) == 1
    old = RobotsRecord(**{**kept[site.base].__dict__, "fetched_at": time.time() - 7200, "changed": False})
    with Fetcher(fast()) as f:  # two hours later: asked again, conditionally, and still the same
        f.robots_records[site.base] = old
        assert not f.allowed(site.url("/private/x"))
        assert f.robots_records[site.base].changed and time.time() - f.robots_records[site.base].fetched_at < 60
    asked = site.hits("/robots.txt")
    assert len(asked) == 2 and asked[1].headers["if-none-match"] == kept[site.base].etag and asked[1].status == 304
