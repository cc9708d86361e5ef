"""The REST API's read latencies at 10k, 100k and 1M events: p50 and p95 of each endpoint.

    python benchmarks/store.py --reads 10000,100000,1000000 [--backends sqlite,postgresql]
                               [--baseline DIR] [--templates FILE] [--asks 20] [--keep DIR]

(``benchmarks/store.py --reads`` runs :func:`main` of this file.)

Building a million events by extraction would take this 2-core machine a day, so the events are
made from real ones: the template articles (``examples/*.jsonl`` and generated articles, or the
JSON Lines of ``--templates``, e.g. a sample of real news) are ingested once through
``marsad.ingest.ingest`` (extraction, geocoding, deduplication), and each stored event with its
sources' records and articles' texts is a template. Every generated event takes a template and gets:

- a day in ten years (2016-2025), denser in some years and months than others;
- a town of its own: a country (Syria 40 %, Iraq 25 %, Yemen 12 %, five more), then one of the
  gazetteer's towns, cities and villages there, with a long tail (the few big cities get many
  events, most villages a few), with its country,
  governorate, district, coordinates and place id, and the town's Arabic name in the location
  evidence;
- one to eight reports (1.8 on average), each an article of its own (the template article's
  text, another outlet, published that day or the next), the reports disagreeing on the toll
  now and then;
- a death toll drawn from a long-tailed distribution, and the template's actors.

Its merged record and columns are made by the checkout's own code (``dedup.merge``,
``marsad.store._event_columns`` and ``_event_record``), so the rows are what the writer would
store for those reports; they are inserted in batches of 2,000 (articles, sources, events) into
a database the checkout's ``open_store`` made, with the same statements on SQLite and
PostgreSQL; PostgreSQL's database is then vacuumed and analysed (``VACUUM ANALYZE``, what
autovacuum does to a table in use), SQLite's is not (nothing in marsad runs ``ANALYZE``, so its
query plans must not need the statistics). Duplicate matching is not run: the events are
distinct by construction.

Each size is then served by ``marsad serve`` of the checkout (a child process) and asked over
one kept-alive HTTP connection, each endpoint ``--asks`` times, cycling through a few values
(common and rare countries, governorates, types, actors, words; random events and articles), so
the first ask of each value is a cold one: p50 and p95 are over all asks, in ms, measured from
sending the request to reading the whole (gzip-decoded) body.

With ``--baseline DIR`` (a checkout of an older commit) each database is built by the baseline,
measured with the baseline's server, then opened by this checkout (the migration runs: timed)
and measured again: before and after on the same rows. An endpoint the baseline does not have
is left out of its column; an endpoint whose asks take more than ``--budget`` seconds in all
stops early (the asks made are reported).
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import math
import os
import pickle
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import date, datetime, timedelta, timezone

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCHMARKS = os.path.join(REPO, "benchmarks")

FIRST_DAY = date(2016, 1, 1)
YEARS = 10
BATCH = 2000
# Outlets the reports come from (a report's "source").
OUTLETS = ("SANA", "Enab Baladi", "Syrian Observatory for Human Rights", "Shafaq News", "Rudaw", "Al Sumaria",
           "Saba", "Al Masdar Online", "Libya Observer", "Al Wasat", "National News Agency", "Sudan Tribune",
           "Radio Dabanga", "WAFA", "Al Jazeera", "Asharq Al-Awsat", "North Press", "Deir ez-Zor 24",
           "Step News", "Baghdad Today", "Aden al-Ghad", "Al Ayyam", "Hawar News", "Kurdistan 24")


# ---------------------------------------------------------------- templates (parent, this checkout)

def make_templates(path: str, inputs: list[str], n_generated: int, seed: int) -> str:
    """Ingest the template articles into a scratch database with this checkout and keep, per
    stored event, its sources' records with their articles' texts. Returns a description."""
    sys.path.insert(0, REPO)
    sys.path.insert(0, BENCHMARKS)
    from sqlalchemy import select

    from marsad.model import Article
    from marsad.readers import read_inputs
    from marsad.store import open_store
    from marsad.store.schema import articles, event_sources, events

    items = [a for a in read_inputs(inputs) if isinstance(a, Article)] if inputs else []
    described = f"{len(items)} articles of {', '.join(os.path.basename(p) for p in inputs)}" if inputs else ""
    if n_generated:
        from extract import generated_article  # benchmarks/extract.py
        rng = random.Random(seed)
        items += [generated_article(rng, i) for i in range(n_generated)]
        described += (" and " if described else "") + f"{n_generated} generated articles"
    scratch = tempfile.mkdtemp(prefix="marsad-templates-")
    store = open_store(f"sqlite:///{scratch}/templates.db")
    try:
        from marsad.ingest import ingest
    except ImportError:  # a checkout from before marsad.ingest (the store drove ingest then)
        def ingest(store, items):
            return store.ingest(items)
    ingest(store, items)
    templates = []
    with store.engine.connect() as conn:
        rows = conn.execute(select(events.c.id, event_sources.c.record, articles.c.text, articles.c.title)
                            .join(event_sources, event_sources.c.event == events.c.id)
                            .join(articles, articles.c.id == event_sources.c.article)
                            .order_by(events.c.id, event_sources.c.id)).all()
    by_event: dict[int, list] = {}
    for ev, record, text, title in rows:
        by_event.setdefault(ev, []).append((json.loads(record), text, title))
    templates = [reports for reports in by_event.values() if reports[0][0].get("event_type")]
    store.close()
    with open(path, "wb") as fh:
        pickle.dump(templates, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return f"{len(templates)} template events from {described}"


# ---------------------------------------------------------------- building (child, the checkout's code)

# Shares of the events by country (the conflicts marsad is used for first).
COUNTRY_SHARES = {"SY": 0.40, "IQ": 0.25, "YE": 0.12, "LY": 0.06, "SD": 0.06, "LB": 0.04, "PS": 0.05, "EG": 0.02}


def _towns(rng: random.Random) -> dict[str, tuple[list, list[float]]]:
    """Per country: the gazetteer's towns, cities and villages with a governorate, the big ones
    first, and long-tailed cumulative weights (a few cities get many events, most villages a few)."""
    from marsad.geo.gazetteer import load_gazetteer

    out = {}
    for code in COUNTRY_SHARES:
        towns = [p for p in load_gazetteer().places()
                 if p.country_code == code and p.kind in ("city", "town", "village") and p.admin1
                 and p.latitude is not None]
        towns.sort(key=lambda p: (-(p.population or 0), p.place_id))
        tail = towns[30:]
        rng.shuffle(tail)  # the big ones first; the rest in a fixed random order
        towns[30:] = tail
        out[code] = (towns, list(_accumulate(1.0 / (rank + 3) ** 0.9 for rank in range(len(towns)))))
    return out


def _town(rng: random.Random, towns: dict):
    code = rng.choices(list(COUNTRY_SHARES), weights=list(COUNTRY_SHARES.values()))[0]
    places, cum = towns[code]
    return places[_bisect(cum, rng.random() * cum[-1])]


def _day(rng: random.Random) -> date:
    """A day in the ten years, some years and months busier than others."""
    year_weights = (0.6, 0.9, 1.4, 1.0, 0.7, 0.8, 1.1, 0.9, 1.3, 1.2)
    year = rng.choices(range(YEARS), weights=year_weights)[0]
    month = rng.choices(range(12), weights=[1 + 0.5 * math.sin((m + year) / 2) for m in range(12)])[0]
    first = date(FIRST_DAY.year + year, month + 1, 1)
    return first + timedelta(days=rng.randrange(28 if month == 1 else 30))


def _toll(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.45:
        return 0
    if r < 0.8:
        return rng.randint(1, 5)
    if r < 0.97:
        return rng.randint(6, 40)
    return rng.randint(41, 400)


def _report(template: dict, town, day: date, toll: int, event_id: str, article_id: str, outlet: str) -> dict:
    rec = json.loads(json.dumps(template))
    jitter = zlib.crc32(article_id.encode())
    lat = round(town.latitude + (jitter % 200 - 100) / 20000, 5)
    lon = round(town.longitude + (jitter // 200 % 200 - 100) / 20000, 5)
    rec.update(event_id=event_id, article_id=article_id, source=outlet, place_id=town.place_id, country=town.country, admin1=town.admin1,
               admin2=town.admin2, location=town.name, latitude=lat, longitude=lon, geo_precision=1,
               event_date=day.isoformat(), event_date_start=day.isoformat(), event_date_end=day.isoformat(),
               time_precision=1, fatalities=toll, fatalities_low=toll, fatalities_high=toll)
    evidence = rec.get("evidence") or {}
    chosen = [x for x in evidence.get("location", []) if isinstance(x, dict) and x.get("chosen")]
    for item in chosen[:1]:
        item.update(place_id=town.place_id, text=town.name_ar or town.name, alternatives=[],
                    reason="the named town itself")
    if not chosen:
        evidence["location"] = [{"chosen": True, "place_id": town.place_id, "text": town.name_ar or town.name,
                                 "start": 0, "end": 0, "geo_precision": 1, "reason": "the named town itself"}]
        rec["evidence"] = evidence
    sides = " and ".join(x for x in (rec.get("actor1"), rec.get("actor2")) if x) or "unidentified actors"
    rec["notes"] = (f"{rec.get('sub_event_type')} ({rec.get('event_type')}) involving {sides} in {town.name}, "
                    f"{town.country}, on {day.isoformat()}." + (f" {toll} reported killed." if toll else ""))
    return rec


def build(url: str, n_events: int, seed: int, templates_path: str) -> dict:
    """Generate ``n_events`` events into the (empty) database at ``url`` with the checkout's code."""
    from sqlalchemy import text

    from marsad.stages.assembly import EXTRACTOR_VERSION
    import marsad.store
    from marsad.store import _event_columns, _event_record, dedup, open_store
    from marsad.store.schema import actors, articles, event_sources, events, places

    place_rows = _place_rows_of_checkout()
    # the event's id is one of its search words (a baseline's _event_columns does not take it)
    columns_take_id = "event_id" in inspect.signature(_event_columns).parameters
    # the actors' rows as the checkout's writer makes them (a baseline's has no folded name)
    actor_row = getattr(marsad.store, "_actor_row", None) or (
        lambda name, inter: dict(name=name, inter=inter if isinstance(inter, int) else None))
    with open(templates_path, "rb") as fh:
        templates = pickle.load(fh)
    start = time.perf_counter()
    store = open_store(url)
    rng = random.Random(seed)
    towns = _towns(rng)
    known_places: set[str] = set()
    known_actors: set[str] = set()
    now = datetime.now(timezone.utc)
    ev_pk = src_pk = art_pk = 0
    pools = {"event_ids": [], "article_ids": [], "countries": {}, "admin1": {}, "types": {}, "sub_types": {},
             "actors": {}}
    pending_events, pending_sources, pending_articles, pending_places, pending_actors = [], [], [], [], []

    def flush():
        with store.engine.begin() as conn:
            if pending_places:
                conn.execute(places.insert(), pending_places)
            if pending_actors:
                conn.execute(actors.insert(), pending_actors)
            conn.execute(articles.insert(), pending_articles)
            conn.execute(events.insert(), pending_events)
            conn.execute(event_sources.insert(), pending_sources)
        for batch in (pending_events, pending_sources, pending_articles, pending_places, pending_actors):
            batch.clear()

    for i in range(n_events):
        reports = rng.choice(templates)
        town = _town(rng, towns)
        day = _day(rng)
        n_reports = min(8, 1 + int(rng.expovariate(0.8)))
        toll = _toll(rng)
        ev_pk += 1
        event_id = f"ev-{hashlib.sha256(f'{seed}-{i}'.encode()).hexdigest()[:16]}"
        sources, rows, texts = [], [], []
        for r in range(n_reports):
            template, article_text, title = reports[r % len(reports)]
            art_pk += 1
            src_pk += 1
            article_id = f"syn-{seed}-{i}-{r}"
            outlet = OUTLETS[(i * 7 + r * 3 + rng.randrange(len(OUTLETS))) % len(OUTLETS)]
            published = day + timedelta(days=1 if r and rng.random() < 0.3 else 0)
            report_toll = toll + (rng.choice((-1, 1, 2)) if toll and r and rng.random() < 0.15 else 0)
            rec = _report(template, town, day, max(report_toll, 0), f"{event_id}-{r}", article_id, outlet)
            stored = dedup.dumps(rec)
            rec = json.loads(stored)
            rule = None if r == 0 else "violence event; same day; same place (precision 1); text overlap 0.31"
            score = None if r == 0 else round(0.6 + rng.random() * 0.4, 3)
            url_of = f"https://example.org/{outlet.lower().replace(' ', '-')}/{published.isoformat()}/{article_id}"
            sources.append(rec)
            rows.append((stored, outlet, article_id, url_of, published, rule, score, src_pk))
            evidence = dedup.evidence_text(rec, article_text)
            pending_articles.append(dict(
                id=art_pk, text_hash=hashlib.sha256(article_id.encode()).hexdigest(), article_id=article_id,
                url=url_of, source=outlet, published=published, language="ar", title=title,
                origin=f"generated:{article_id}", text=article_text, extractor_version=EXTRACTOR_VERSION,
                ingested_at=now))
            pending_sources.append(dict(
                id=src_pk, event=ev_pk, article=art_pk, extracted_id=rec["event_id"], fatalities=rec.get("fatalities"),
                record=stored, evidence_text=evidence, match_rule=rule, match_score=score,
                match_fields=dedup.dumps(dedup.slim(rec)), match_text=dedup.match_words(evidence)))
            if len(pools["article_ids"]) < 200 and rng.random() < 0.01:
                pools["article_ids"].append(article_id)
        for pid, row in place_rows(sources).items():
            if pid not in known_places:
                known_places.add(pid)
                pending_places.append(row)
        merged = dedup.merge(sources, {})
        for name, inter in ((merged.get("actor1"), merged.get("inter1")), (merged.get("actor2"), merged.get("inter2"))):
            if name and name not in known_actors:
                known_actors.add(name)
                pending_actors.append(actor_row(name, inter))
        columns = _event_columns(merged, sources, n_reports, *([event_id] if columns_take_id else []))
        record = _event_record(merged, sources, rows, event_id)
        pending_events.append(dict(columns, id=ev_pk, event_id=event_id, record=dedup.dumps(record),
                                   created_at=now, updated_at=now))
        for pool, value in (("countries", merged.get("country")), ("admin1", merged.get("admin1")),
                            ("types", merged.get("event_type")), ("sub_types", merged.get("sub_event_type")),
                            ("actors", merged.get("actor1")), ("actors", merged.get("actor2"))):
            if value:
                pools[pool][value] = pools[pool].get(value, 0) + 1
        if len(pools["event_ids"]) < 200 and rng.random() < 0.01:
            pools["event_ids"].append(event_id)
        if len(pending_events) >= BATCH:
            flush()
    if pending_events:
        flush()
    generated = time.perf_counter() - start
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "postgresql":  # what autovacuum does to a table in use
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        n = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        size = _size(store, conn)
    store.close()
    return {"events": n, "sources": src_pk, "articles": art_pk, "seconds": time.perf_counter() - start,
            "insert_seconds": generated, "bytes": size, "pools": pools}


def _place_rows_of_checkout():
    """records -> {place_id: the places table's row} for the places the records' location evidence
    chose, made by the checkout's code (the store's ``_place_row`` of a gazetteer entry; a checkout
    from before typed records had ``marsad.runner.place_rows``)."""
    import marsad.runner

    if hasattr(marsad.runner, "place_rows"):
        return marsad.runner.place_rows
    from marsad.geo.gazetteer import load_gazetteer
    from marsad.store import _place_row

    def place_rows(records: list[dict]) -> dict[str, dict]:
        rows = {}
        for record in records:
            chosen = [x for x in (record.get("evidence") or {}).get("location", [])
                      if isinstance(x, dict) and x.get("chosen")]
            pid = chosen[0].get("place_id") if chosen else None
            if pid and pid not in rows and (place := load_gazetteer().get(pid)) is not None:
                rows[pid] = _place_row(place)
        return rows

    return place_rows


def _accumulate(weights):
    total = 0.0
    for w in weights:
        total += w
        yield total


def _bisect(cum: list[float], x: float) -> int:
    from bisect import bisect_left
    return min(bisect_left(cum, x), len(cum) - 1)


def _size(store, conn) -> int:
    if store.engine.dialect.name == "sqlite":
        path = store.engine.url.database
        return sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s))
    from sqlalchemy import text
    return conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()


def upgrade(url: str) -> dict:
    """Open the database with the checkout's code: its migrations run. Timed; on PostgreSQL a
    VACUUM ANALYZE follows (what autovacuum does after a migration rewrote every row), timed apart."""
    from marsad.store import open_store

    start = time.perf_counter()
    store = open_store(url)
    seconds = time.perf_counter() - start
    vacuum = 0.0
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "postgresql":
            started = time.perf_counter()
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
            vacuum = time.perf_counter() - started
        size = _size(store, conn)
    store.close()
    return {"seconds": seconds, "vacuum_seconds": vacuum, "bytes": size}


# ---------------------------------------------------------------- asking (parent)

def asks_for(pools: dict, rng: random.Random, current: bool) -> dict[str, list[str]]:
    """Endpoint name -> the URLs its asks cycle through (values common and rare)."""
    def spread(counts: dict, k: int) -> list[str]:
        ranked = sorted(counts, key=lambda v: (-counts[v], v))
        if len(ranked) <= k:
            return ranked
        picks = [ranked[round(j * (len(ranked) - 1) / (k - 1))] for j in range(k)]
        return list(dict.fromkeys(picks))

    from urllib.parse import urlencode

    def q(path: str, **params) -> str:
        return path + ("?" + urlencode(params) if params else "")

    years = [str(FIRST_DAY.year + y) for y in range(YEARS)]
    asks = {
        "events: first page": [q("/api/events")],
        "events: page 2 (offset 50)": [q("/api/events", offset=50)],
        "events: offset 5,000": [q("/api/events", offset=5000)],
        "events: map (1,000)": [q("/api/events", limit=1000)],
        "events: country": [q("/api/events", country=c) for c in spread(pools["countries"], 4)],
        "events: governorate": [q("/api/events", admin1=a) for a in spread(pools["admin1"], 6)],
        "events: type": [q("/api/events", type=t) for t in spread(pools["types"], 4)],
        "events: sub-event type": [q("/api/events", type=t) for t in spread(pools["sub_types"], 6)],
        "events: actor": [q("/api/events", actor=a) for a in spread(pools["actors"], 6)],
        "events: actor (Arabic alias)": [q("/api/events", actor=a) for a in ("داعش", "قسد", "قوات النظام",
                                                                            "الحشد الشعبي")],
        "events: one month": [q("/api/events", since=f"{y}-03-01", until=f"{y}-03-31") for y in years[::2]],
        "events: bbox": [q("/api/events", bbox=b) for b in ("36.0,35.5,37.5,36.8", "43.0,36.0,43.5,36.5",
                                                            "35.7,32.5,36.6,33.5", "44.0,12.5,45.5,13.8")],
        "events: min fatalities": [q("/api/events", min_fatalities=m) for m in (1, 10, 50, 200)],
        "events: text": [q("/api/events", text=w) for w in ("قصف", "غارة", "عبوة", "اشتباكات", "مسيرة", "Reported")],
        "events: sorted by deaths": [q("/api/events", sort="fatalities")],
        "events: sorted by place": [q("/api/events", sort="location", order="asc")],
        "one event": [q(f"/api/events/{e}") for e in pools["event_ids"][:40]],
        "one article": [q(f"/api/articles/{a}") for a in pools["article_ids"][:40]],
    }
    for by in ("day", "week", "month", "admin1", "type", "sub_type"):
        asks[f"stats: {by}"] = [q("/api/stats", by=by)]
    asks["stats: month, by country"] = [q("/api/stats", by="month", country=c) for c in spread(pools["countries"], 4)]
    asks["stats: day, one year"] = [q("/api/stats", by="day", since=f"{y}-01-01", until=f"{y}-12-31")
                                    for y in years[::3]]
    asks["stats: month, by actor"] = [q("/api/stats", by="month", actor=a) for a in spread(pools["actors"], 4)]
    asks["home page (type facets)"] = ["/"]
    if current:
        asks["facets"] = [q("/api/facets")]
        asks["facets, by country"] = [q("/api/facets", country=c) for c in spread(pools["countries"], 4)]
        asks["events: text, other spelling"] = [q("/api/events", text=w) for w in ("غاره", "إشتباكات", "قَصْف")]
        asks["events: next page (cursor)"] = ["cursor"]
    return asks


def serve(checkout: str, url: str, log_path: str):
    env = dict(os.environ, PYTHONPATH=checkout, MARSAD_DB=url)
    log = open(log_path, "w")
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--port", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=log, text=True, cwd=checkout)
    line = proc.stdout.readline()
    found = re.search(r"http://[\d.]+:\d+", line)
    if not found:
        proc.kill()
        raise SystemExit(f"marsad serve did not start: {line!r}; see {log_path}")
    return proc, found.group(0)


def measure(checkout: str, url: str, pools: dict, n_asks: int, budget: float, current: bool, log_path: str) -> dict:
    import httpx

    proc, base = serve(checkout, url, log_path)
    out: dict[str, dict] = {}
    try:
        with httpx.Client(base_url=base, timeout=600) as client:
            for _ in range(50):
                try:
                    client.get("/api/events", params={"limit": 1})
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            rng = random.Random(7)
            cursors: list[str] = []
            for name, urls in asks_for(pools, rng, current).items():
                if not urls:
                    continue
                times = []
                spent = 0.0
                for k in range(n_asks):
                    target = urls[k % len(urls)]
                    if target == "cursor":  # the next page after the last one read
                        target = "/api/events" + (f"?cursor={cursors[-1]}" if cursors else "")
                    t0 = time.perf_counter()
                    response = client.get(target)
                    body = response.content
                    ms = 1000 * (time.perf_counter() - t0)
                    if response.status_code != 200:
                        raise SystemExit(f"{target}: {response.status_code} {body[:300]!r}")
                    if name == "events: next page (cursor)":
                        cursors.append(response.json().get("cursor") or "")
                    times.append(ms)
                    spent += ms / 1000
                    if spent > budget:
                        break
                times.sort()
                out[name] = {"p50": statistics.median(times),
                             "p95": times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)],
                             "max": times[-1], "asks": len(times)}
                print(f"      {name:32} p50 {out[name]['p50']:8.1f}  p95 {out[name]['p95']:8.1f}  "
                      f"({len(times)} asks)", flush=True)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    return out


# ---------------------------------------------------------------- running

def child(checkout: str, *args: str) -> dict:
    env = dict(os.environ, PYTHONPATH=checkout)
    done = subprocess.run([sys.executable, os.path.abspath(__file__), *args], env=env, capture_output=True,
                          text=True, check=False, cwd=checkout)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} in {checkout} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", default="10000,100000,1000000", help="event counts, comma-separated")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg", default=os.environ.get("MARSAD_TEST_PG_URL"),
                        help="a PostgreSQL server's URL (default $MARSAD_TEST_PG_URL); none: SQLite only")
    parser.add_argument("--baseline", help="a checkout of an older commit: build with it, measure it, upgrade")
    parser.add_argument("--current", default=REPO)
    parser.add_argument("--templates", action="append", default=[],
                        help="JSON Lines articles whose events are the templates (default: examples/*.jsonl "
                             "and 300 generated articles)")
    parser.add_argument("--generated", type=int, default=None, help="generated template articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--asks", type=int, default=20, help="asks per endpoint")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds of asks per endpoint at most")
    parser.add_argument("--keep", metavar="DIR", help="keep the databases (SQLite) and templates in DIR")
    parser.add_argument("--child-build", nargs=4, metavar=("URL", "N", "SEED", "TEMPLATES"), help=argparse.SUPPRESS)
    parser.add_argument("--child-upgrade", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child_build:
        url, n, seed, templates = args.child_build
        print(json.dumps(build(url, int(n), int(seed), templates)))
        return 0
    if args.child_upgrade:
        print(json.dumps(upgrade(args.child_upgrade)))
        return 0

    workdir = args.keep or tempfile.mkdtemp(prefix="marsad-reads-bench-")
    os.makedirs(workdir, exist_ok=True)
    inputs = args.templates or sorted(
        os.path.join(REPO, "examples", f) for f in os.listdir(os.path.join(REPO, "examples")) if f.endswith(".jsonl"))
    generated = args.generated if args.generated is not None else (0 if args.templates else 300)
    key = hashlib.sha256(f"{inputs} {generated} {args.seed}".encode()).hexdigest()[:12]
    templates = os.path.join(workdir, f"templates-{key}.pickle")
    if os.path.exists(templates):
        print(f"templates: kept from an earlier run ({templates})")
    else:
        print("templates: " + make_templates(templates, inputs, generated, args.seed), flush=True)
    current = os.path.abspath(args.current)
    baseline = os.path.abspath(args.baseline) if args.baseline else None
    backends = [b for b in args.backends.split(",") if b == "sqlite" or (b == "postgresql" and args.pg)]
    results = {}
    for n in [int(x) for x in args.reads.split(",")]:
        for backend in backends:
            load = os.getloadavg()
            print(f"{n:,} events, {backend} (load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})", flush=True)
            drop = None
            if backend == "sqlite":
                db = os.path.join(workdir, f"reads-{n}-{args.seed}.db")
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(db + suffix):
                        os.remove(db + suffix)
                url = "sqlite:///" + db
            else:
                from store import fresh_pg  # benchmarks/store.py
                url, drop = fresh_pg(args.pg, "marsad_reads")
            try:
                built = child(baseline or current, "--child-build", url, str(n), str(args.seed), templates)
                print(f"    built by {'the baseline' if baseline else 'this checkout'} in {built['seconds']:.0f} s: "
                      f"{built['events']:,} events, {built['sources']:,} reports, {built['bytes'] / 1e9:.2f} GB",
                      flush=True)
                row = {"built": {k: v for k, v in built.items() if k != "pools"}}
                if baseline:
                    print("    baseline:", flush=True)
                    row["baseline"] = measure(baseline, url, built["pools"], args.asks, args.budget, False,
                                              os.path.join(workdir, "serve-baseline.log"))
                    up = child(current, "--child-upgrade", url)
                    row["upgrade"] = up
                    print(f"    upgraded by this checkout's migrations in {up['seconds']:.0f} s"
                          + (f", then VACUUM ANALYZE {up['vacuum_seconds']:.0f} s" if up["vacuum_seconds"] else "")
                          + f" ({up['bytes'] / 1e9:.2f} GB)", flush=True)
                print("    current:", flush=True)
                row["current"] = measure(current, url, built["pools"], args.asks, args.budget, True,
                                         os.path.join(workdir, "serve-current.log"))
                results[f"{n} {backend}"] = row
            finally:
                if drop is not None:
                    drop()
                if backend == "sqlite" and not args.keep:
                    for suffix in ("", "-wal", "-shm"):
                        if os.path.exists(db + suffix):
                            os.remove(db + suffix)
    with open(os.path.join(workdir, "reads.json"), "w") as fh:
        json.dump(results, fh, indent=1)
    print(summary_table(results))
    if not args.keep:
        import shutil
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def summary_table(results: dict) -> str:
    """p50 / p95 ms per endpoint (rows) and size, backend, side (columns), as Markdown."""
    columns = [(key, side) for key, row in results.items() for side in ("baseline", "current") if side in row]
    names = list(dict.fromkeys(name for key, side in columns for name in results[key][side]))
    head = "| endpoint | " + " | ".join(f"{k.split()[0]:>} {k.split()[1]} {s}" for k, s in columns) + " |"
    lines = [head, "| --- " * (len(columns) + 1) + "|"]
    for name in names:
        cells = []
        for key, side in columns:
            m = results[key][side].get(name)
            cells.append(f"{m['p50']:.1f} / {m['p95']:.1f}" if m else "-")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
