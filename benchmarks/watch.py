"""marsad watch end to end: entries per second from a local news site, and where the time goes.

    python benchmarks/watch.py [--n 400] [--sources 20] [--workers 8] [--examples] [--keep DIR]

A news site on 127.0.0.1 (``tests/watch_site.py``, a threaded HTTP server in this process) serves
``--n`` articles as HTML pages, spread over ``--sources`` outlets, each with a feed of its own
(RSS, Atom, JSON Feed and news sitemaps in turn). The articles are the ANT corpus's conflict
sample (``../shared/datasets/ant-corpus/ant_conflict.jsonl``, 400 Arabic news articles) when it
is there, else (or with ``--examples``) the bundled ``examples/*.jsonl``. Then one round of
``marsad watch --once`` (the library's :class:`marsad.watch.rounds.Watcher`) into a fresh SQLite
file: poll the feeds, fetch every page (8 at a time; no per-host delay, the site is local),
extract its text with trafilatura, ingest (extract, geocode, merge, store), and a second round
that must only ask whether the feeds changed.

Prints entries per second end to end, and the share of the round's time in fetching (feeds and
pages, with decoding and trafilatura), extraction (marsad's pipeline) and storage (the store's
writer), the rest being bookkeeping; the second round's requests and time.
"""
from __future__ import annotations

import argparse
import json
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400, help="articles (default 400)")
    ap.add_argument("--sources", type=int, default=20, help="outlets, each with a feed (default 20)")
    ap.add_argument("--workers", type=int, default=8, help="pages fetched at a time (default 8)")
    ap.add_argument("--examples", action="store_true", help="the bundled examples, not the ANT sample")
    ap.add_argument("--keep", metavar="DIR", help="keep the database in DIR")
    args = ap.parse_args()

    from marsad.store import open_store
    from marsad.watch.fetch import Politeness
    from marsad.watch.rounds import Watcher, WatchOptions
    from marsad.watch.sources import add_source
    from watch_site import Site, publish

    records, name = corpus(args.n, args.examples)
    for i, rec in enumerate(records):
        rec["source"] = f"outlet-{i % args.sources:02d}"
    folder = Path(args.keep or tempfile.mkdtemp(prefix="marsad-watch-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "watch.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = open_store(str(db))
    # the pipeline's knowledge (gazetteer, word lists) loaded before the clock starts, as in a running watch
    from marsad.pipeline import extract

    extract("قتل مدني في قصف على إدلب", published="2024-01-01")
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
    options = WatchOptions(politeness=Politeness(host_interval=0.0, host_concurrency=args.workers, backoff=0.05),
                           workers=args.workers)
    with Site() as site:
        feeds = publish(site, records)
        for outlet, url in feeds.items():
            add_source(store, url, name=outlet)
        began = time.perf_counter()
        first = Watcher(store, options).run_round()
        took = time.perf_counter() - began
        served = len(site.log)
        began = time.perf_counter()
        second = Watcher(store, options).run_round()
        again = time.perf_counter() - began
        second_requests = site.log[served:]
    parts = first.seconds
    fetching = parts["poll"] + parts["fetch"]
    extracting = parts["ingest"] - storing
    print(f"corpus: {name}, {len(records)} articles, {len(feeds)} sources; database {db}")
    print(f"round 1: {first.line()}")
    print(f"round 1: {first.ingest.read} entries in {took:.2f} s: {first.ingest.read / took:.1f} entries/s end to end "
          f"({first.requests} requests)")
    for label, seconds in (("fetching (feeds, pages, trafilatura)", fetching), ("extraction", extracting),
                           ("storage", storing), ("other", took - fetching - extracting - storing)):
        print(f"  {label:<38} {seconds:7.2f} s  {100 * seconds / took:5.1f} %")
    conditional = sum(1 for h in second_requests if "if-none-match" in h.headers)
    print(f"round 2: {second.line()}")
    print(f"round 2: {len(second_requests)} requests ({conditional} conditional, "
          f"{sum(1 for h in second_requests if h.status == 304)} answered 304), {again:.2f} s")


if __name__ == "__main__":
    main()
