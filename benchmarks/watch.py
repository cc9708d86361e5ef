"""marsad watch end to end: entries per second from a local news site, and where the time goes.

    python benchmarks/watch.py [--n 400] [--sources 20] [--workers 2] [--fetchers 8] [--examples] [--keep DIR]

A news site on 127.0.0.1 (``tests/watch_site.py``, a threaded HTTP server in this process) serves
``--n`` articles as HTML pages, spread over ``--sources`` outlets, each with a feed of its own
(RSS, Atom, JSON Feed and news sitemaps in turn). The articles are the ANT corpus's conflict
sample (``../shared/datasets/ant-corpus/ant_conflict.jsonl``, 400 Arabic news articles) when it
is there, else (or with ``--examples``) the bundled ``examples/*.jsonl``. Then one round of
``marsad watch --once`` (the library's :class:`marsad.watch.rounds.Watcher`) into a fresh SQLite
file: poll the feeds, fetch every page (``--fetchers`` at a time; no per-host delay, the site is
local), extract its text with trafilatura, ingest (extract, geocode, merge, store), and a second
round that must only ask whether the feeds changed.

The round runs twice, each into a fresh database: the baseline with extraction in this process
(``--workers 1``), then with ``--workers N`` extraction processes (marsad.runner, as ``marsad
ingest --workers N``), started and warmed before the clock as a running ``marsad watch`` keeps
them between rounds (their start-up is printed apart). Both must store the same events.

Prints, for each, entries per second end to end and the share of the round's time in fetching
(feeds and pages, with decoding and trafilatura), extraction (the time the writer waited for
marsad's pipeline) and storage (the store's writer), the rest being bookkeeping; the ratio of
the two; and the baseline's second round: its requests and time.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "benchmarks")]
ANT = REPO.parent / "shared" / "datasets" / "ant-corpus" / "ant_conflict.jsonl"


def corpus(n: int, examples: bool) -> tuple[list[dict], str]:
    if ANT.exists() and not examples:
        rows = []
        with ANT.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = rec.get("text") or ""
                if rec.get("title"):
                    text = rec["title"] + "\n\n" + text
                rows.append({"text": text, "published": (rec.get("date_iso") or rec.get("date") or "2018-05-01")[:10]})
        name = "ANT conflict sample"
    else:
        rows = [json.loads(line) for f in ("multisource.jsonl", "multisource-heldout.jsonl", "sample-articles.jsonl")
                for line in (REPO / "examples" / f).open(encoding="utf-8")]
        name = "examples/*.jsonl"
    rows = (rows * (n // max(1, len(rows)) + 1))[:n] if len(rows) < n else rows[:n]
    return rows, name


def one_round(site, feeds: dict, workers: int, fetchers: int, folder: Path) -> dict:
    """Two rounds from the site into a fresh database, as a running ``marsad watch`` makes them
    (its HTTP client and extraction processes kept between rounds); the figures of the first,
    the requests of the second."""
    from marsad.store import open_store
    from marsad.watch.fetch import Fetcher, Politeness
    from marsad.watch.rounds import Watcher, WatchOptions
    from marsad.watch.sources import add_source

    db = folder / f"watch-{workers}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = open_store(str(db))
    storing = 0.0
    write_batch = store.write_batch

    def timed_write(*a, **kw):
        nonlocal storing
        began = time.perf_counter()
        try:
            return write_batch(*a, **kw)
        finally:
            storing += time.perf_counter() - began

    store.write_batch = timed_write
    options = WatchOptions(politeness=Politeness(host_interval=0.0, host_concurrency=fetchers, backoff=0.05),
                           workers=fetchers, extract_workers=workers)
    watcher = Watcher(store, options)
    began = time.perf_counter()
    runner = watcher._extraction_runner()  # as the loop keeps it between rounds: started before the clock
    from marsad.model import Article

    list(runner.map([[Article(text="قتل مدني في قصف على إدلب", id=f"warm-{n}") for n in range(2 * workers)]]
                    * workers))
    startup = time.perf_counter() - began
    watcher._fetcher = Fetcher(options.politeness, stop=watcher.stop)  # as Watcher.run keeps it
    for outlet, url in feeds.items():
        add_source(store, url, name=outlet)
    served = len(site.log)
    began = time.perf_counter()
    first = watcher.run_round()
    took = time.perf_counter() - began
    served = len(site.log)
    began = time.perf_counter()
    second = watcher.run_round()
    again = time.perf_counter() - began
    second_requests = site.log[served:]
    watcher._fetcher.close()
    watcher.close_runner()
    events = store.events()
    store.close()
    return dict(db=db, first=first, took=took, storing=storing, second=second, again=again,
                second_requests=second_requests, startup=startup, events=events)


def report(label: str, r: dict) -> float:
    first, took, storing = r["first"], r["took"], r["storing"]
    parts = first.seconds
    fetching = parts["poll"] + parts["fetch"]
    extracting = parts["ingest"] - storing
    rate = first.ingest.read / took
    print(f"{label}: {first.line()}")
    print(f"{label}: {first.ingest.read} entries in {took:.2f} s: {rate:.1f} entries/s end to end "
          f"({first.requests} requests; extraction processes started and warmed in {r['startup']:.2f} s before)")
    for part, seconds in (("fetching (feeds, pages, trafilatura)", fetching), ("extraction (waited for)", extracting),
                          ("storage", storing), ("other", took - fetching - extracting - storing)):
        print(f"  {part:<38} {seconds:7.2f} s  {100 * seconds / took:5.1f} %")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400, help="articles (default 400)")
    ap.add_argument("--sources", type=int, default=20, help="outlets, each with a feed (default 20)")
    ap.add_argument("--workers", type=int, default=2,
                    help="extraction processes of the run compared with the baseline's 1 (default 2)")
    ap.add_argument("--fetchers", type=int, default=8, help="pages fetched at a time (default 8)")
    ap.add_argument("--examples", action="store_true", help="the bundled examples, not the ANT sample")
    ap.add_argument("--repeat", type=int, default=2,
                    help="runs of each, alternating (baseline, workers, baseline, ...); the ratio is of the "
                         "medians (default 2)")
    ap.add_argument("--keep", metavar="DIR", help="keep the databases in DIR")
    args = ap.parse_args()

    records, name = corpus(args.n, args.examples)
    for i, rec in enumerate(records):
        rec["source"] = f"outlet-{i % args.sources:02d}"
    folder = Path(args.keep or tempfile.mkdtemp(prefix="marsad-watch-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    # the pipeline's knowledge (gazetteer, word lists) loaded before the clock starts, as in a running watch
    from marsad.pipeline import extract

    began = time.perf_counter()
    extract("قتل مدني في قصف على إدلب", published="2024-01-01")
    print(f"corpus: {name}, {len(records)} articles, {args.sources} sources; databases in {folder}; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores; "
          f"this process loaded the pipeline's knowledge in {time.perf_counter() - began:.2f} s")
    from watch_site import Site, publish

    import statistics

    base_rates, rates, same = [], [], True
    with Site() as site:
        feeds = publish(site, records)
        for n in range(1, args.repeat + 1):
            base = one_round(site, feeds, 1, args.fetchers, folder)
            base_rates.append(report(f"run {n}, baseline --workers 1", base))
            other = one_round(site, feeds, args.workers, args.fetchers, folder)
            rates.append(report(f"run {n}, --workers {args.workers}", other))
            if other["events"] != base["events"]:
                same = False
                print(f"run {n}: THE EVENTS DIFFER between --workers 1 and --workers {args.workers}")
    base_rate, rate = statistics.median(base_rates), statistics.median(rates)
    print(f"entries/s, median of {args.repeat}: --workers 1 {base_rate:.1f}, --workers {args.workers} {rate:.1f}: "
          f"{rate / base_rate:.2f}x; same events in every run: "
          f"{'yes' if same else 'NO'}")
    second, second_requests = base["second"], base["second_requests"]
    conditional = sum(1 for h in second_requests if "if-none-match" in h.headers)
    print(f"round 2: {second.line()}")
    print(f"round 2: {len(second_requests)} requests ({conditional} conditional, "
          f"{sum(1 for h in second_requests if h.status == 304)} answered 304), {base['again']:.2f} s")
    print(f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
