"""The overview's API on a generated database: p50/p95 of the map, events, facets and download
endpoints, the server's memory during a download of every event, and (``--browser``) issue 20's
acceptance checks in headless Chromium on the same database.

    python benchmarks/api.py [--events 100000] [--db FILE] [--asks 30] [--browser] [--shots DIR]

The database is made by ``benchmarks/store_reads.py`` (events generated from the sample articles'
real ones: ten years, eight countries, the gazetteer's towns, 1-8 reports each; five minutes for
100,000 on this machine) unless ``--db`` names one that exists (it is then reused; a new one is
kept there). ``marsad serve`` of this checkout runs over it in a child process and is asked over
one kept-alive HTTP connection; each row cycles through a few values (types, countries,
governorates, actors, periods, views), so some asks are a filter's first (cold) and the rest are
not, as an analyst's session goes. Printed per row: p50, p95 and max in ms over its asks.

The baseline, measured in the same run on the same server: how the map got its events before
(``/api/events?limit=1000``, at most 1,000 of them, the filters as they are), against which the
map rows are given as a ratio. Memory: the server's resident size (VmRSS) before and its peak
(VmHWM) during a download of every event in each format, and the bytes and rows received.
"""
from __future__ import annotations

import argparse
import csv
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCHMARKS = os.path.join(REPO, "benchmarks")
sys.path.insert(0, REPO)
sys.path.insert(0, BENCHMARKS)

TYPES = ("Battles", "Explosions/Remote violence", "Protests", "Violence against civilians", "Riots")
COUNTRIES = ("Syria", "Iraq", "Yemen", "Libya", "Sudan")
GOVERNORATES = ("Aleppo", "Nineveh", "Idlib", "Taizz", "Anbar")
ACTORS = ("داعش", "Syrian Democratic Forces", "قسد", "Military Forces of Iraq")
# (zoom, view) an analyst pans and zooms through: the region, Syria, Aleppo, Mosul, Sanaa, Tripoli
VIEWS = ((5, "25.0,10.0,60.0,42.0"), (7, "35.5,32.0,42.5,37.5"), (9, "36.6,35.9,37.6,36.5"),
         (9, "42.8,36.0,43.6,36.6"), (10, "44.0,15.2,44.4,15.5"), (8, "12.0,31.5,14.5,33.5"))


def build(path: str, n: int) -> None:
    import store_reads

    tmp = tempfile.mkdtemp(prefix="marsad-api-bench-")
    templates = os.path.join(tmp, "templates.pickle")
    inputs = sorted(os.path.join(REPO, "examples", f) for f in os.listdir(os.path.join(REPO, "examples"))
                    if f.endswith(".jsonl"))
    print("templates: " + store_reads.make_templates(templates, inputs, 300, 1), flush=True)
    built = store_reads.build("sqlite:///" + path, n, 1, templates)
    print(f"built {built['events']:,} events ({built['sources']:,} reports) in {built['seconds']:.0f} s, "
          f"{built['bytes'] / 1e9:.2f} GB", flush=True)


def serve(url: str, log: str):
    env = dict(os.environ, PYTHONPATH=REPO, MARSAD_DB=url)
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--port", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=open(log, "w"), text=True)
    found = re.search(r"http://[\d.]+:\d+", proc.stdout.readline())
    if not found:
        proc.kill()
        raise SystemExit(f"marsad serve did not start; see {log}")
    return proc, found.group(0)


def memory(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process in kB."""
    fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status"))
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def reset_peak(pid: int) -> bool:
    try:  # Linux >= 4.0: writing 5 to clear_refs resets VmHWM to the current RSS
        with open(f"/proc/{pid}/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def rows() -> dict[str, list[str]]:
    """Row name -> the URLs its asks cycle through."""
    from urllib.parse import urlencode

    def q(path: str, **params) -> str:
        return path + "?" + urlencode(params, doseq=True)

    filters = [{}] + [{"type": t} for t in TYPES[:3]] + [{"country": c} for c in COUNTRIES[:3]] + \
        [{"actor": a} for a in ACTORS[:2]] + [{"since": f"{y}-01-01", "until": f"{y}-06-30"} for y in (2018, 2023)]
    out = {
        "baseline: map as before (/api/events?limit=1000)": [q("/api/events", limit=1000, **f) for f in filters],
        "map: whole region, each filter (zoom 3)": [q("/api/map", zoom=3, **f) for f in filters],
        "map: pan and zoom (views 5-10)": [q("/api/map", zoom=z, view=v) for z, v in VIEWS],
        "map: pan and zoom, a type": [q("/api/map", zoom=z, view=v, type="Battles") for z, v in VIEWS],
        "map: pan and zoom, a governorate": [q("/api/map", zoom=z, view=v, admin1=g)
                                             for (z, v), g in zip(VIEWS, GOVERNORATES)],
        "map: town names": [q("/api/map/places", zoom=z, view=v) for z, v in VIEWS],
        "events: first page, each filter": [q("/api/events", **f) for f in filters],
        "events: text": [q("/api/events", text=w) for w in ("قصف", "غارة", "اشتباكات")],
        "facets: each filter": [q("/api/facets", **f) for f in filters],
        "facets: type and country": [q("/api/facets", type=t, country=c) for t, c in zip(TYPES, COUNTRIES)],
        "stats: by day, each filter": [q("/api/stats", by="day", **f) for f in filters],
        "changes: a pull's first page (/api/changes)": [q("/api/changes", updated_since=0, **f)
                                                         for f in ({}, {"country": "Syria"}, {"type": "Battles"})],
        "events: changed since, first page": [q("/api/events", updated_since=0, **f)
                                              for f in ({}, {"country": "Syria"}, {"type": "Battles"})],
        "download: CSV of a governorate-year": [q("/api/download", format="acled-csv", admin1=g,
                                                  since="2023-01-01", until="2023-12-31") for g in GOVERNORATES],
        "download: CSV of a month": [q("/api/download", format="acled-csv", since=f"{y}-03-01", until=f"{y}-03-31")
                                     for y in (2017, 2019, 2021, 2024)],
    }
    return out


def measure(client, name: str, urls: list[str], asks: int) -> dict:
    times = []
    for k in range(max(asks, len(urls))):
        url = urls[k % len(urls)]
        t0 = time.perf_counter()
        response = client.get(url)
        body = response.content
        ms = 1000 * (time.perf_counter() - t0)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {body[:300]!r}")
        times.append(ms)
    times.sort()
    out = {"p50": statistics.median(times), "p95": times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)],
           "max": times[-1], "asks": len(times), "first": None}
    return out


def downloads(client, pid: int) -> list[str]:
    lines = []
    for fmt in ("acled-csv", "jsonl", "geojson"):
        reset = reset_peak(pid)
        before, _ = memory(pid)
        t0 = time.perf_counter()
        size = n = 0
        mark = b"\n" if fmt != "geojson" else b'"type": "Feature"'
        tail = b""  # the end of the previous piece: a mark may be cut between two
        with client.stream("GET", "/api/download", params={"format": fmt}, headers={"accept-encoding": "identity"}) \
                as response:
            for chunk in response.iter_bytes():
                size += len(chunk)
                joined = tail + chunk
                n += joined.count(mark) - tail.count(mark)
                tail = joined[-(len(mark) - 1):] if len(mark) > 1 else b""
        seconds = time.perf_counter() - t0
        _, peak = memory(pid)
        rows_ = n - 1 if fmt == "acled-csv" else n
        lines.append(f"  download every event, {fmt:9}: {rows_:,} rows, {size / 1e6:.0f} MB in {seconds:.1f} s "
                     f"({rows_ / seconds:,.0f} rows/s); server RSS {before / 1024:.0f} MB before, peak "
                     f"{peak / 1024:.0f} MB during{'' if reset else ' (peak since start: clear_refs refused)'}")
    return lines


# ---------------------------------------------------------------- the acceptance checks in Chromium

BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync"]
SCREENS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}


def _until(page, condition: str, timeout: float = 60) -> float:
    started = time.perf_counter()
    while not page.evaluate(f"!!({condition})"):
        if time.perf_counter() - started > timeout:
            raise AssertionError(f"still not true after {timeout} s: {condition}")
        page.wait_for_timeout(25)
    return time.perf_counter() - started


def run_checks(base: str, shots: str | None) -> list[str]:
    """Issue 20's acceptance checks on the served database, each screen and language; a line each."""
    import httpx
    from playwright.sync_api import sync_playwright
    from urllib.parse import parse_qs, urlsplit

    chromium = subprocess.run(["bash", os.path.join(REPO, "scripts", "install-chromium.sh")], capture_output=True,
                              text=True, check=True).stdout.strip().splitlines()[-1]

    def api_total(params: dict) -> int:
        return httpx.get(base + "/api/events", params={**params, "limit": 1}, timeout=120).json()["total"]

    out = ["acceptance checks in Chromium:"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        for screen, size in SCREENS.items():
            for lang in ("en", "ar"):
                context = browser.new_context(viewport=size, is_mobile=screen == "phone", accept_downloads=True)
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                started = time.perf_counter()
                page.goto(f"{base}/?lang={lang}")
                _until(page, "window.marsad && window.marsad.loads >= 1")
                loaded = time.perf_counter() - started
                m = page.evaluate("window.marsad")
                table = int(page.inner_text("#total").lstrip("~"))
                adds_up = m["markers"] + m["outside"] + m["unlocated"] == m["total"] == table == api_total({})
                wide = page.evaluate("document.documentElement.scrollWidth")
                if shots:
                    page.screenshot(path=os.path.join(shots, f"overview-{screen}-{lang}.png"))
                # brushing: a stretch of the timeline becomes the date filter
                page.locator("#chart").scroll_into_view_if_needed()
                box = page.locator("#chart .brush-surface").bounding_box()
                y = box["y"] + box["height"] / 2
                page.mouse.move(box["x"] + box["width"] * 0.55, y)
                page.mouse.down()
                page.mouse.move(box["x"] + box["width"] * 0.60, y, steps=4)
                page.mouse.up()
                started = time.perf_counter()
                _until(page, "window.marsad.loads >= 2")
                brushed = time.perf_counter() - started
                query = parse_qs(urlsplit(page.url).query)
                since, until = query.get("since", ["?"])[0], query.get("until", ["?"])[0]
                table = int(page.inner_text("#total").lstrip("~"))
                brush_ok = table == api_total({"since": since, "until": until}) > 0
                m = page.evaluate("window.marsad")
                brush_map = m["markers"] + m["outside"] + m["unlocated"] == table
                if shots:
                    page.screenshot(path=os.path.join(shots, f"brushed-{screen}-{lang}.png"))
                # a download of the filtered view
                with page.expect_download(timeout=300_000) as info:
                    page.click("#download-csv")
                with open(info.value.path(), encoding="utf-8") as fh:
                    rows = sum(1 for _ in csv.DictReader(fh))
                out.append(f"  {screen} {size['width']}x{size['height']} {lang}: first view {loaded:.2f} s, "
                           f"clusters add up to the total: {adds_up}; "
                           f"page {wide} px wide (no horizontal scroll: {wide <= size['width']}); brushed "
                           f"{since}..{until} in {brushed:.2f} s, table {table:,} = API: {brush_ok}, map adds up: "
                           f"{brush_map}; CSV download {rows:,} rows = table: {rows == table}; page errors: "
                           f"{len(errors)}")
                context.close()
        # /docs with every request to another host blocked
        context = browser.new_context()
        page = context.new_page()
        host = urlsplit(base).netloc
        blocked: list[str] = []

        def route(r):
            if urlsplit(r.request.url).netloc != host:
                blocked.append(r.request.url)
                return r.abort()
            return r.continue_()

        page.route("**/*", route)
        page.goto(base + "/docs")
        page.wait_for_selector(".swagger-ui .opblock", timeout=60_000)
        operations = page.locator(".swagger-ui .opblock").count()
        if shots:
            page.screenshot(path=os.path.join(shots, "docs-offline.png"))
        out.append(f"  /docs offline: {operations} operations drawn, {len(blocked)} requests to other hosts blocked")
        context.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", help="a SQLite file to reuse (built there when missing)")
    parser.add_argument("--asks", type=int, default=30, help="asks per row")
    parser.add_argument("--browser", action="store_true", help="also run the acceptance checks in Chromium")
    parser.add_argument("--shots", metavar="DIR", help="with --browser: screenshots of each check into DIR")
    args = parser.parse_args(argv)
    import httpx

    path = os.path.abspath(args.db) if args.db else os.path.join(tempfile.mkdtemp(prefix="marsad-api-"), "api.db")
    if not os.path.exists(path):
        build(path, args.events)
    url = "sqlite:///" + path
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores", flush=True)
    proc, base = serve(url, path + ".serve.log")
    try:
        with httpx.Client(base_url=base, timeout=600) as client:
            for _ in range(100):
                try:
                    total = client.get("/api/events", params={"limit": 1}).json()["total"]
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            print(f"{total:,} events in {path}", flush=True)
            t0 = time.perf_counter()
            client.get("/api/map", params={"zoom": 5})
            print(f"  the server's first map ask (reads every located event's position once): "
                  f"{1000 * (time.perf_counter() - t0):.0f} ms", flush=True)
            results = {}
            for name, urls in rows().items():
                results[name] = measure(client, name, urls, args.asks)
                m = results[name]
                print(f"  {name:50} p50 {m['p50']:7.1f}  p95 {m['p95']:7.1f}  max {m['max']:7.1f} ms "
                      f"({m['asks']} asks)", flush=True)
            base_row = results["baseline: map as before (/api/events?limit=1000)"]
            for name in [n for n in results if n.startswith("map:")]:
                print(f"  {name:50} p50 {results[name]['p50'] / base_row['p50']:.2f}x, "
                      f"p95 {results[name]['p95'] / base_row['p95']:.2f}x the baseline's")
            for line in downloads(client, proc.pid):
                print(line, flush=True)
            worst = max(results[n]["p95"] for n in results if n.startswith(("map:", "facets:")))
            print(f"  worst p95 of the map and facet rows: {worst:.1f} ms "
                  f"({'under' if worst < 300 else 'NOT under'} 300 ms)")
        if args.browser:
            for line in run_checks(base, args.shots):
                print(line, flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
