"""marsad watch against a real news site on 127.0.0.1: rounds, resuming, and what real servers do wrong."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy

from marsad.cli import main
from marsad.store import open_store
from marsad.watch.fetch import Politeness
from marsad.watch.rounds import Watcher, WatchOptions
from marsad.watch.sources import add_source, list_sources
from watch_site import Site, article_page, publish, rss

REPO = Path(__file__).resolve().parents[1]
RECORDS = [json.loads(line) for line in (REPO / "examples" / "multisource.jsonl").open(encoding="utf-8")]
FAST = ["--host-interval", "0.001", "--backoff", "0.01", "--timeout", "2", "--quiet"]


def quick(**changes) -> WatchOptions:
    politeness = dict(host_interval=0.001, backoff=0.01, max_backoff=2.0, timeout=2.0, deadline=3.0)
    politeness.update(changes.pop("politeness", {}))
    return WatchOptions(politeness=Politeness(**politeness), **changes)


def stored_articles(db: str) -> list[dict]:
    engine = sqlalchemy.create_engine(db if "://" in db else f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = conn.execute(sqlalchemy.text(
            "SELECT article_id, text, url, source, published, title, language FROM articles ORDER BY id")).all()
    engine.dispose()
    return [dict(id=r[0], text=r[1], url=r[2], source=r[3], published=str(r[4])[:10] if r[4] else None,
                 title=r[5], language=r[6]) for r in rows]


def test_two_rounds_fetch_every_entry_once_then_only_ask_whether_feeds_changed(tmp_path, capsys):
    db = str(tmp_path / "watch.db")
    with Site() as site:
        feeds = publish(site, RECORDS[:24])
        for name, url in feeds.items():
            assert main(["sources", "add", url, "--name", name, "--db", db]) == 0
        assert main(["watch", "--once", "--db", db, *FAST]) == 0
        first = capsys.readouterr().out
        assert "entries new 24" in first and "articles read 24, new 24" in first
        after_first = len(site.log)
        assert main(["watch", "--once", "--db", db, *FAST]) == 0
        second = capsys.readouterr().out
        assert "unchanged %d" % len(feeds) in second and "entries new 0" in second
        pages = site.pages_hit("/news/")
        assert len(pages) == 24 and set(pages.values()) == {1}, "every page fetched exactly once"
        feed_hits = {path: [h for h in site.log if h.path == path] for path in {h.path for h in site.log}
                     if path.startswith("/feeds/")}
        assert all(len(hits) == 2 for hits in feed_hits.values())
        second_round = site.log[after_first:]
        assert second_round and all("if-none-match" in h.headers for h in second_round), \
            "the second round sends only conditional requests (robots.txt was read within the hour)"
        assert len(site.hits("/robots.txt")) == 1
        assert all(h.status == 304 for h in second_round if h.path.startswith("/feeds/"))
        assert all(h.headers.get("user-agent", "").startswith("marsad/") for h in site.log)
    # the events equal those of `marsad ingest` on the same articles, in the same order
    articles = stored_articles(db)
    assert len(articles) == 24 and all(a["url"].startswith("http://127.0.0.1") for a in articles)
    jsonl = tmp_path / "same.jsonl"
    jsonl.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    assert main(["ingest", str(jsonl), "--db", str(tmp_path / "ingest.db"), "--no-progress"]) == 0
    watched, ingested = open_store(db).events(), open_store(str(tmp_path / "ingest.db")).events()
    assert watched and watched == ingested
    assert any(len(e["sources"]) > 1 for e in watched), "reports of different outlets merged"
    # the titles were the feed's, the dates the entries'
    by_url = {a["url"]: a for a in articles}
    assert by_url[site.url("/news/0000")]["published"] == RECORDS[0]["published"]
    assert by_url[site.url("/news/0000")]["text"].startswith(RECORDS[0]["text"].split("\n\n")[0])


def pathological_site(site: Site) -> dict[str, str]:
    """Feeds and pages that misbehave, each in its own way; returns name -> feed URL."""
    good = RECORDS[:6]
    items = []
    for n, rec in enumerate(good):
        title, _, body = rec["text"].partition("\n\n")
        items.append(dict(url=site.url(f"/news/{n}"), title=title, published=rec["published"], summary=body))
        site.add(f"/news/{n}", article_page(title, body, rec["published"]))
    cp1256 = "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي لقوات النظام على بلدة كفرنبل بريف إدلب الجنوبي."
    site.add("/news/cp1256", article_page("قصف على كفرنبل", cp1256, "2024-03-01").replace(
        'charset="utf-8"', 'charset="windows-1256"').encode("cp1256"), content_type="text/html")
    site.add("/news/slow", article_page("بطيء", "نص " * 50), trickle=0.05)
    site.add("/news/loop-a", status=302, headers={"location": "/news/loop-b"})
    site.add("/news/loop-b", status=302, headers={"location": "/news/loop-a"})
    site.add("/news/moved", status=301, headers={"location": "/news/0"})
    site.add("/news/huge", stream_bytes=3_000_000)
    site.add("/news/gone", status=404)
    site.add("/private/secret", article_page("سر", "نص سري"))
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    odd = [
        dict(url=site.url("/news/cp1256"), title="قصف على كفرنبل", published="2024-03-01", summary=""),
        dict(url=site.url("/news/slow"), title="بطيء", published="2024-03-01",
             summary="ملخص الخبر البطيء: قتل مدني في قصف على أريحا."),
        dict(url=site.url("/news/loop-a"), title="حلقة", published="2024-03-01",
             summary="ملخص الخبر الدائر: قتل مدنيان في قصف على سرمين."),
        dict(url=site.url("/news/huge"), title="ضخم", published="2024-03-01",
             summary="ملخص الخبر الضخم: قتل ثلاثة عناصر في هجوم على معرة النعمان."),
        dict(url=site.url("/private/secret"), title="ممنوع", published="2024-03-01",
             summary="ملخص الخبر الممنوع: قتل جندي في هجوم على جسر الشغور."),
        dict(url=site.url("/news/gone"), title="محذوف", published="2024-03-01", summary=""),
        dict(url=site.url("/news/moved"), title=items[0]["title"], published=items[0]["published"], summary=""),
    ]
    feeds = {"good": "/feeds/good.rss", "odd": "/feeds/odd.rss", "busy": "/feeds/busy.rss",
             "flaky": "/feeds/flaky.rss", "down": "/feeds/down.rss", "broken": "/feeds/broken.rss"}
    site.add(feeds["good"], rss(items[:3]), content_type="application/rss+xml")
    site.add(feeds["odd"], rss(odd), content_type="application/rss+xml")
    site.add(feeds["busy"], content_type="application/rss+xml", sequence=[
        (429, {"retry-after": "1"}, b"slow down"), (200, {}, rss(items[3:5]).encode())])
    site.add(feeds["flaky"], content_type="application/rss+xml", sequence=[
        (500, {}, b"oops"), (503, {}, b"oops"), (200, {}, rss(items[5:]).encode())])
    site.add(feeds["down"], status=500, body=b"down")
    site.add(feeds["broken"], "<rss><channel><<<<not xml at all & ]]>", content_type="application/rss+xml")
    return {name: site.url(path) for name, path in feeds.items()}


def test_a_misbehaving_site_is_handled_politely_and_nothing_gives_a_traceback(tmp_path, caplog):
    store = open_store(str(tmp_path / "watch.db"))
    with Site() as site:
        feeds = pathological_site(site)
        for name, url in feeds.items():
            add_source(store, url, name=name)
        # entry_attempts=1: a page that fails is replaced by its feed summary in this round already
        summary = Watcher(store, quick(entry_attempts=1, politeness=dict(max_bytes=1_000_000, timeout=0.5,
                                                                         deadline=1.0, retries=3))).run_round()
        state = {s.name: s for s in list_sources(store)}
        # 429 with Retry-After: 1 was waited out, then read; 500, 503 retried with backoff, then read
        busy = site.hits("/feeds/busy.rss")
        assert [h.status for h in busy] == [429, 200] and state["busy"].status == "ok"
        assert [h.status for h in site.hits("/feeds/flaky.rss")] == [500, 503, 200] and state["flaky"].status == "ok"
        # always 500: failing after its retries, backed off, shown as failing
        assert len(site.hits("/feeds/down.rss")) == 4
        assert state["down"].status == "failing" and "HTTP 500" in state["down"].last_error
        assert state["down"].next_poll_at.timestamp() > time.time() + 600
        # a malformed feed: failing, and its body kept for inspection
        assert state["broken"].status == "failing" and "not a feed" in state["broken"].last_error
        kept = [r for r in store.rejected_inputs() if r["where"].startswith(feeds["broken"])]
        assert kept and kept[0]["code"] == "E610" and "not xml" in kept[0]["sample"]
        # robots.txt: the disallowed page is never asked for; its feed summary stands in, marked
        assert site.hits("/private/secret") == []
        # the redirect loop is cut at once; the slow page is cut at its deadline; the huge one at its size
        assert 1 <= len(site.hits("/news/loop-a")) <= 4 and len(site.hits("/news/loop-b")) <= 4
        assert len(site.hits("/news/huge")) == 1
        assert len(site.hits("/news/slow")) == 4  # cut at its deadline, tried again 3 times
        assert summary.seconds["poll"] + summary.seconds["fetch"] < 15  # no waits beyond the limits
        # a moved page is followed to where it went (and is then known by its entry's URL)
        assert site.hits("/news/moved") and site.hits("/news/0")
        articles = {a["url"]: a for a in stored_articles(str(tmp_path / "watch.db"))}
        assert "كفرنبل" in articles[site.url("/news/cp1256")]["text"]  # cp1256 decoded
        for path, words in (("/news/slow", "الخبر البطيء"), ("/news/loop-a", "الخبر الدائر"),
                            ("/news/huge", "الخبر الضخم"), ("/private/secret", "الخبر الممنوع")):
            assert words in articles[site.url(path)]["text"], path
        assert site.url("/news/gone") not in articles  # 404 and no summary: given up, not stored
        # a page that moved to another entry's page has its text: stored once (under the URL seen first)
        assert (site.url("/news/moved") in articles) + (site.url("/news/0") in articles) == 1
        down_hits = len(site.hits("/feeds/down.rss"))
        # the next round does not touch the failing sources again (backed off), nor any page
        pages_before = sum(site.pages_hit("/news/").values())
        Watcher(store, quick()).run_round()
        assert len(site.hits("/feeds/down.rss")) == down_hits and len(site.hits("/feeds/broken.rss")) == 1
        assert sum(site.pages_hit("/news/").values()) == pages_before
    with store.engine.connect() as conn:
        states = dict(conn.execute(sqlalchemy.text(
            "SELECT url, state || ':' || coalesce(text_from, '') FROM watch_entries")).all())
    assert states[site.url("/private/secret")] == "stored:summary"
    assert states[site.url("/news/gone")] == "failed:"
    assert states[site.url("/news/cp1256")] == "stored:page"
    assert states[site.url("/news/moved")] == states[site.url("/news/0")] == "stored:page"
    assert summary.from_summary == 4 and summary.sources_failed == 2
    assert "Traceback" not in caplog.text


def test_kill_9_during_a_round_then_another_round_loses_nothing_and_fetches_nothing_twice(tmp_path):
    db = str(tmp_path / "watch.db")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    cmd = [sys.executable, "-m", "marsad.cli", "watch", "--once", "--db", db, "--batch-size", "2", *FAST]
    records = RECORDS[:20]
    with Site() as site:
        feeds = publish(site, records)
        store = open_store(db)
        for name, url in feeds.items():
            add_source(store, url, name=name)
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        engine = sqlalchemy.create_engine(f"sqlite:///{db}")
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            with engine.connect() as conn:
                stored = conn.execute(sqlalchemy.text("SELECT count(*) FROM articles")).scalar_one()
            if stored >= 2:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the round ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        with engine.connect() as conn:
            stored = conn.execute(sqlalchemy.text("SELECT count(*) FROM articles")).scalar_one()
        assert 0 < stored < len(records), "killed in the middle of the round"
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        pages = site.pages_hit("/news/")
        assert len(pages) == len(records) and set(pages.values()) == {1}, pages
    with engine.connect() as conn:
        assert conn.execute(sqlalchemy.text("SELECT count(*) FROM articles")).scalar_one() == len(records)
        assert conn.execute(sqlalchemy.text(
            "SELECT count(*) FROM watch_entries WHERE state != 'stored'")).scalar_one() == 0
    engine.dispose()


def test_kill_9_while_pages_are_fetched_refetches_at_most_the_page_in_flight(tmp_path):
    """kill -9 in the fetching step (pages slow, one at a time): a page whose answer was kept
    before the kill is not asked for again; only the one whose answer was on its way when the
    process died can be; nothing is lost."""
    db = str(tmp_path / "watch.db")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    cmd = [sys.executable, "-m", "marsad.cli", "watch", "--once", "--db", db, "--fetchers", "1", *FAST]
    records = RECORDS[:12]
    with Site() as site:
        feeds = publish(site, records)
        store = open_store(db)
        for name, url in feeds.items():
            add_source(store, url, name=name)
        site.delays["/news/"] = 0.3
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        engine = sqlalchemy.create_engine(f"sqlite:///{db}")
        count = sqlalchemy.text("SELECT count(*) FROM watch_entries WHERE state = 'fetched'")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            with engine.connect() as conn:
                if conn.execute(count).scalar_one() >= 3:
                    break
            time.sleep(0.02)
        assert proc.poll() is None, "the round ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        with engine.connect() as conn:
            kept = set(conn.execute(sqlalchemy.text(
                "SELECT url FROM watch_entries WHERE state = 'fetched'")).scalars())
            assert conn.execute(sqlalchemy.text("SELECT count(*) FROM articles")).scalar_one() == 0
        assert 3 <= len(kept) < len(records), "killed while fetching"
        site.delays.clear()
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        pages = site.pages_hit("/news/")
    assert len(pages) == len(records)
    twice = [path for path, n in pages.items() if n > 1]
    assert all(n <= 2 for n in pages.values()) and len(twice) <= 1, pages
    assert not {site.url(path) for path in twice} & kept, "a page kept before the kill was fetched again"
    with engine.connect() as conn:
        assert conn.execute(sqlalchemy.text("SELECT count(*) FROM articles")).scalar_one() == len(records)
        assert conn.execute(sqlalchemy.text(
            "SELECT count(*) FROM watch_entries WHERE state != 'stored'")).scalar_one() == 0
    engine.dispose()


def test_watch_runs_until_sigterm_then_finishes_its_batch_and_stops_cleanly(tmp_path):
    db = str(tmp_path / "watch.db")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    records = RECORDS[:10]
    with Site() as site:
        feeds = publish(site, records)
        store = open_store(db)
        for name, url in feeds.items():
            add_source(store, url, name=name, interval=60)
        proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "watch", "--db", db, "--batch-size", "2",
                                 *FAST[:-1]], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and store.count("articles") < 2:
            time.sleep(0.02)
        proc.send_signal(signal.SIGTERM)  # while it ingests: the batch under way is finished, then it stops
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err[-2000:]
        assert "stopping after the current batch" in err and "stopped" in err and "Traceback" not in err
        stored = store.count("articles")
        with store.engine.connect() as conn:
            states = dict(conn.execute(sqlalchemy.text(
                "SELECT state, count(*) FROM watch_entries GROUP BY state")).all())
        assert stored % 2 == 0, "whole batches only"
        assert states.get("stored", 0) == stored and states.get("fetched", 0) == len(records) - stored, states
        assert all(len(site.hits(url.removeprefix(site.base))) == 1 for url in feeds.values()), \
            "no source polled again before its interval"
        # the next run stores what was fetched, without fetching it again
        Watcher(store, quick()).run_round()
        assert store.count("articles") == len(records)
        assert set(site.pages_hit("/news/").values()) == {1}


def test_ctrl_c_to_the_process_group_with_workers_finishes_the_batch_and_stops_cleanly(tmp_path):
    """A terminal's Ctrl-C reaches marsad watch and its extraction processes alike: the workers
    leave it to marsad watch, which finishes the batch under way, stops, and leaves no process."""
    db = str(tmp_path / "watch.db")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    records = RECORDS[:10]
    with Site() as site:
        feeds = publish(site, records)
        store = open_store(db)
        for name, url in feeds.items():
            add_source(store, url, name=name, interval=60)
        proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "watch", "--db", db, "--batch-size", "2",
                                 "--workers", "2", *FAST[:-1]], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and store.count("articles") < 2:
            time.sleep(0.02)
        children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err[-2000:]
    assert "stopping after the current batch" in err and "Traceback" not in err and "BrokenProcessPool" not in err
    assert store.count("articles") % 2 == 0, "whole batches only"
    assert len(children) >= 2, "extraction ran in worker processes"
    time.sleep(1.5)  # a worker whose parent is gone ends within a second (marsad.runner)

    def running(pid: str) -> bool:
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    assert not [pid for pid in children if running(pid)], "no worker left behind"


def test_a_round_and_its_alerts_on_sqlite_and_postgresql(db_url):
    from marsad.watch.alerts import add_watch_list, alerts_of, find_alerts

    store = open_store(db_url)
    with Site() as site:
        feeds = publish(site, RECORDS[:6], kinds=("atom", "sitemap"))
        for name, url in feeds.items():
            add_source(store, url, name=name)
        add_watch_list(store, "all", filters={"since": "2000-01-01"}, webhook="http://127.0.0.1:9/none",
                       created_by="t", allow_private_targets=True)
        first = Watcher(store, quick()).run_round()
        second = Watcher(store, quick()).run_round()
    assert first.ingest.new == 6 and second.sources_unchanged == len(feeds) and second.pages_fetched == 0
    assert set(site.pages_hit("/news/").values()) == {1}
    assert find_alerts(store) == len(store.events()) > 0 and find_alerts(store) == 0
    assert {a["state"] for a in alerts_of(store, "all")} == {"pending"}
    store.close()


def test_naughty_strings_in_feeds_and_pages_are_stored_or_refused_never_crash(db_url):
    """NUL characters, lone surrogates, RTL marks and emoji in a feed's titles, summaries and links
    and in a page's text: PostgreSQL refuses NUL and surrogates, so they must not reach it raw."""
    store = open_store(db_url)
    body = "قتل ثلاثة مدنيين في قصف على بلدة كفرنبل بريف إدلب."
    with Site() as site:
        site.add("/feed.json", json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
            {"url": site.url("/news/a"), "title": "عنوان\u0000\ud800 \u200f😀", "summary": "ملخص\u0000",
             "date_published": "2024-03-01T00:00:00Z"},
            {"url": site.url("/news/nul"), "title": "صفحة فيها NUL", "summary": "ملخص: قتل مدني في قصف على أريحا.",
             "date_published": "2024-03-01T00:00:00Z"},
            {"url": site.url("/news/b") + "\u0000x", "title": "رابط فيه NUL"},
            {"url": "javascript:alert(1)", "title": "ليس رابطاً"},
        ]}), content_type="application/feed+json")
        site.add("/news/a", article_page("عنوان", body, "2024-03-01"))
        site.add("/news/nul", article_page("صفحة", "قتل\u0000 مدني", "2024-03-01"))
        add_source(store, site.url("/feed.json"), name="naughty")
        summary = Watcher(store, quick(entry_attempts=1)).run_round()
    assert summary.sources_failed == 0 and summary.entries_new == 2
    with store.engine.connect() as conn:
        rows = dict(conn.execute(sqlalchemy.text("SELECT url, state || ':' || coalesce(text_from, '') "
                                                 "FROM watch_entries")).all())
    # trafilatura drops the page's NUL; had it kept it, the feed summary would stand in (never a crash)
    assert rows[site.url("/news/a")] == "stored:page" and rows[site.url("/news/nul")].startswith("stored:")
    assert len(rows) == 2 and all("\x00" not in a["text"] for a in stored_articles(db_url))
    store.close()


def test_a_sitemap_index_is_followed_into_its_newest_sitemaps_even_when_it_does_not_change(tmp_path):
    from watch_site import news_sitemap

    store = open_store(str(tmp_path / "w.db"))
    with Site() as site:
        items = []
        for n, rec in enumerate(RECORDS[:3]):
            title, _, body = rec["text"].partition("\n\n")
            site.add(f"/news/{n}", article_page(title, body, rec["published"]))
            items.append(dict(url=site.url(f"/news/{n}"), title=title, published=rec["published"]))
        site.add("/sitemap-index.xml", '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                 'sitemap/0.9"><sitemap><loc>/s1.xml</loc><lastmod>2024-01-01</lastmod></sitemap>'
                 '<sitemap><loc>/s2.xml</loc><lastmod>2024-02-01</lastmod></sitemap></sitemapindex>',
                 content_type="application/xml")
        site.add("/s1.xml", news_sitemap(items[:1]), content_type="application/xml")
        site.add("/s2.xml", news_sitemap(items[1:2]), content_type="application/xml")
        add_source(store, site.url("/sitemap-index.xml"), name="indexed")
        assert Watcher(store, quick()).run_round().ingest.new == 2
        site.add("/s2.xml", news_sitemap(items[1:3]), content_type="application/xml")  # the index stays the same
        second = Watcher(store, quick()).run_round()
    assert second.entries_new == 1 and second.ingest.new == 1
    assert list_sources(store)[0].kind == "sitemap-index"
    assert set(site.pages_hit("/news/").values()) == {1}


def test_watch_workers_extract_in_processes_and_store_the_same_events(tmp_path, capsys):
    """`marsad watch --once --workers 2`: the round's new articles extracted by two worker
    processes (marsad.runner, as `marsad ingest --workers 2`) give the events of one process."""
    records = RECORDS[:8]  # two events of four reports each
    with Site() as site:
        feeds = publish(site, records)
        results = {}
        for workers in ("1", "2"):
            db = str(tmp_path / f"w{workers}.db")
            for name, url in feeds.items():
                assert main(["sources", "add", url, "--name", name, "--db", db]) == 0
            assert main(["watch", "--once", "--db", db, "--workers", workers, "--batch-size", "4", *FAST]) == 0
            out = capsys.readouterr().out
            assert "articles read 8, new 8" in out
            assert ("extracted by 2 local worker processes" in out) == (workers == "2")
            results[workers] = open_store(db).events()
    assert results["1"] and results["2"] == results["1"]
    assert any(len(e["sources"]) > 1 for e in results["2"]), "reports of different outlets merged"
