"""Ingest throughput and memory, next to tokenisation and extraction of the same articles.

    python benchmarks/ingest.py [--n 3000] [--seed 1] [--ant] [--keep DIR] [--stages S,S,...] [--repeat N]

The corpus is written once to a JSON Lines file: the articles of ``examples/``
topped up to ``--n`` with articles generated from the templates of
``benchmarks/extract.py`` (or, with ``--ant``, the first ``--n`` articles of the
ANT corpus sample in ``../shared/datasets`` when it is there). Each stage then
runs in a child process of its own, so that its peak memory (max RSS) is its
own and no stage warms a cache for the next:

- ``tokenise``: read the file and ``make_doc`` every article (the yardstick);
- ``extract``: read the file and ``extract_article`` every article, no database;
- ``ingest``: ``marsad ingest``'s library path into a fresh SQLite file
  (extract, geocode, deduplicate, store; one transaction per batch);
- ``workers2``: the same with extraction in 2 local worker processes;
- ``dask2``: the same with extraction on a Dask ``LocalCluster`` of 2 worker
  processes (its start-up is included);
- ``ingest-pg``, ``workers2-pg``, ``dask2-pg``: the three ingests into a fresh
  PostgreSQL database (made on the server of ``--pg URL`` or ``$MARSAD_TEST_PG_URL``
  and dropped after; skipped without a server).

Prints articles per second, seconds, events and max RSS per stage (for the
parallel stages also the largest worker's), each stage's time as a multiple of
tokenisation's, ingest's against extraction's, the parallel ingests' speed-up
over single-process ingest, and each PostgreSQL ingest's speed against the same
ingest into SQLite. Each ingest stage checks that it stored the same events as
single-process ingest into SQLite.

With ``--repeat N`` every stage runs N times, the stages taking turns (round 1 runs
each stage once, then round 2...), so that a slow spell of a shared machine falls on
all stages alike; each stage's figures are then its fastest run, and every run's
seconds are printed too, so the spread is in view.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "benchmarks"))
# the marsad a stage measures: this checkout's, or another checkout's (--checkout, e.g. a baseline)
CHECKOUT = os.environ.get("MARSAD_BENCH_CHECKOUT") or REPO
sys.path.insert(0, CHECKOUT)

from peakmem import ChildPeaks, self_peak_mb  # noqa: E402  (benchmarks/peakmem.py)

ANT = os.path.join(REPO, "..", "shared", "datasets", "ant-corpus", "ant_sample5k.jsonl")
STAGES = ("tokenise", "extract", "ingest", "workers2", "dask2", "ingest-pg", "workers2-pg", "dask2-pg")


def write_corpus(path: str, n: int, seed: int, ant: bool) -> str:
    """Write the corpus as JSON Lines; return a one-line description."""
    if ant:
        if not os.path.exists(ANT):
            raise SystemExit(f"--ant: {ANT} is not there (the shared datasets are not beside this checkout)")
        from marsad.readers import read_inputs
        from marsad.model import Article
        written = 0
        with open(path, "w", encoding="utf-8") as out:
            for item in read_inputs([ANT]):
                if not isinstance(item, Article):
                    continue
                out.write(json.dumps({"id": item.article_id, "text": item.text,
                                      "published": item.published.isoformat() if item.published else None,
                                      "source": item.source}, ensure_ascii=False) + "\n")
                written += 1
                if written >= n:
                    break
        return f"{written} ANT articles"
    from extract import build_corpus  # benchmarks/extract.py: examples topped up with generated articles
    corpus, n_examples = build_corpus(n, seed)
    with open(path, "w", encoding="utf-8") as out:
        for a in corpus:
            out.write(json.dumps({"id": a.article_id, "text": a.text, "published": a.published.isoformat()
                                  if a.published else None, "source": a.source, "url": a.url or None},
                                 ensure_ascii=False) + "\n")
    return f"{len(corpus)} articles ({n_examples} from examples/, {len(corpus) - n_examples} generated)"


def run_stage(stage: str, corpus: str, workdir: str, pg: str | None = None) -> dict:
    """One stage in this process; returns its figures."""
    from marsad.model import Article
    from marsad.readers import read_inputs

    start = time.perf_counter()
    articles = events = 0
    if stage == "tokenise":
        from marsad.arabic.tokenise import make_doc
        for item in read_inputs([corpus]):
            if isinstance(item, Article):
                make_doc(item.text)
                articles += 1
    elif stage == "extract":
        from marsad.pipeline import extract_article
        for item in read_inputs([corpus]):
            if isinstance(item, Article):
                events += len(extract_article(item))
                articles += 1
    elif stage.split("-")[0] in ("ingest", "workers2", "dask2"):
        try:
            from marsad.ingest import ingest
        except ImportError:  # a checkout from before marsad.ingest (PYTHONPATH, to measure it)
            def ingest(store, items, **options):
                return store.ingest(items, **options)
        from marsad.runner import open_runner
        from marsad.store import open_store
        kind = stage.split("-")[0]
        drop = None
        if stage.endswith("-pg"):
            from store import fresh_pg  # benchmarks/store.py
            db, drop = fresh_pg(pg)
        else:
            db = os.path.join(workdir, f"{stage}.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
        import resource

        start = time.perf_counter()  # from the store's opening (a fresh PostgreSQL database is made before)
        cpu0, children0 = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
        store = open_store(db)
        runner = open_runner(workers=2 if kind == "workers2" else 1, dask="local" if kind == "dask2" else None)
        # where the time goes: the writer's own wall time (Store.write_batch, all of it in this process)
        writing = [0.0]
        write_batch = store.write_batch

        def timed_write(*a, **k):
            began = time.perf_counter()
            try:
                return write_batch(*a, **k)
            finally:
                writing[0] += time.perf_counter() - began
        store.write_batch = timed_write
        with ChildPeaks() as children, runner:
            summary = ingest(store, read_inputs([corpus]), runner=runner)
        seconds = time.perf_counter() - start  # the ingest, workers' start and stop included
        done = resource.getrusage(resource.RUSAGE_CHILDREN)  # local workers, reaped when the runner closed
        split = {"writer_s": writing[0], "main_cpu_s": time.process_time() - cpu0,
                 "workers_cpu_s": done.ru_utime + done.ru_stime - children0.ru_utime - children0.ru_stime}
        articles, events = summary.new, store.count("events")
        fingerprint = hashlib.sha256(json.dumps(
            sorted((e["event_id"], [s["article_id"] for s in e["sources"]], e.get("fatalities"))
                   for e in store.events()), ensure_ascii=False).encode()).hexdigest()[:16]
        store.close()
        if drop is not None:
            drop()
        return {"stage": stage, "articles": articles, "events": events, "seconds": seconds,
                "max_rss_mb": self_peak_mb(), "workers_rss_mb": children.largest_mb, "fingerprint": fingerprint,
                **split}
    else:
        raise SystemExit(f"unknown stage {stage!r}")
    seconds = time.perf_counter() - start
    return {"stage": stage, "articles": articles, "events": events, "seconds": seconds,
            "max_rss_mb": self_peak_mb()}


def in_child(stage: str, corpus: str, workdir: str, pg: str | None = None, checkout: str | None = None) -> dict:
    env = dict(os.environ, MARSAD_BENCH_CHECKOUT=checkout, PYTHONPATH=checkout) if checkout else None
    done = subprocess.run([sys.executable, os.path.abspath(__file__), "--stage", stage, "--corpus", corpus,
                           "--workdir", workdir] + (["--pg", pg] if pg else []), capture_output=True, text=True,
                          check=False, env=env)
    if done.returncode != 0:
        raise SystemExit(f"stage {stage} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="articles in the corpus (default 3000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ant", action="store_true", help="use the ANT corpus sample from ../shared")
    parser.add_argument("--keep", metavar="DIR", help="keep the corpus and the database in DIR")
    parser.add_argument("--stages", default=",".join(STAGES),
                        help=f"stages to run, comma-separated (default {','.join(STAGES)}); tokenise always runs")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run every stage N times, taking turns, and report each stage's fastest run")
    parser.add_argument("--pg", default=os.environ.get("MARSAD_TEST_PG_URL"),
                        help="a PostgreSQL server's URL for the -pg stages (default $MARSAD_TEST_PG_URL)")
    parser.add_argument("--checkout", metavar="DIR",
                        help="measure the marsad of another checkout (e.g. an older commit: git worktree add "
                             "../base 900aa85) on the same corpus; also runs the stages of this one, taking turns")
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.stage:  # a child: one stage, figures as JSON on the last line
        print(json.dumps(run_stage(args.stage, args.corpus, args.workdir, args.pg)))
        return 0

    workdir = args.keep or tempfile.mkdtemp(prefix="marsad-bench-")
    os.makedirs(workdir, exist_ok=True)
    corpus = os.path.join(workdir, "corpus.jsonl")
    what = write_corpus(corpus, args.n, args.seed, args.ant)
    size = os.path.getsize(corpus)
    print(f"corpus: {what}, {size / 1e6:.1f} MB of JSON Lines; machine: {os.cpu_count()} cores")
    # a warm gazetteer cache for every stage (its build is timed by benchmarks/gazetteer.py)
    from marsad.geo.gazetteer import load_gazetteer
    load_gazetteer()

    wanted = ["tokenise"] + [s for s in args.stages.split(",") if s and s != "tokenise"]
    unknown = [s for s in wanted if s not in STAGES]
    if unknown:
        parser.error(f"unknown stages: {', '.join(unknown)}")
    if not args.pg:
        skipped = [s for s in wanted if s.endswith("-pg")]
        wanted = [s for s in wanted if not s.endswith("-pg")]
        if skipped:
            print(f"no PostgreSQL server (--pg or $MARSAD_TEST_PG_URL): {', '.join(skipped)} skipped")
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    runs: dict[str, list[dict]] = {s: [] for s in wanted}
    other = os.path.abspath(args.checkout) if args.checkout else None
    others: dict[str, list[dict]] = {s: [] for s in wanted}
    for _ in range(args.repeat):
        for s in wanted:
            runs[s].append(in_child(s, corpus, workdir, args.pg))
            if other:
                others[s].append(in_child(s, corpus, workdir, args.pg, other))
    results = {s: min(runs[s], key=lambda r: r["seconds"]) for s in wanted}
    if args.repeat > 1:
        print(f"each stage's fastest of {args.repeat} runs, the stages taking turns; all runs' seconds:")
        for s in wanted:
            print(f"  {s:10} " + "  ".join(f"{r['seconds']:6.2f}" for r in runs[s]))
    base = results["tokenise"]["seconds"]
    print(f"{'stage':10} {'articles/s':>11} {'seconds':>9} {'events':>8} {'max RSS':>9} {'workers':>9}  "
          f"time vs tokenise")
    for s in wanted:
        r = results[s]
        rate = r["articles"] / r["seconds"] if r["seconds"] else float("inf")
        workers = f"{r['workers_rss_mb']:7.0f} MB" if r.get("workers_rss_mb") else f"{'-':>9}"
        print(f"{s:10} {rate:11,.1f} {r['seconds']:9.2f} {r['events']:8,} {r['max_rss_mb']:7.0f} MB {workers}  "
              f"{r['seconds'] / base:6.2f}x")
    for s in wanted:
        r = results[s]
        if "writer_s" in r:  # where the time of an ingest went
            print(f"{s}: writer (Store.write_batch) {r['writer_s']:.1f} s of {r['seconds']:.1f} s wall; CPU: "
                  f"main process {r['main_cpu_s']:.1f} s (writer, reading, pickling), worker processes "
                  f"{r['workers_cpu_s']:.1f} s (extraction; Dask workers are not counted)")
    if "ingest" in results and "extract" in results:
        ratio = results["ingest"]["seconds"] / results["extract"]["seconds"]
        print(f"ingest takes {ratio:.2f}x the time of extraction alone "
              f"({results['ingest']['events']:,} stored events after deduplication, "
              f"from {results['extract']['events']:,} extracted)")
    for s in ("workers2", "dask2", "ingest-pg", "workers2-pg", "dask2-pg"):
        one = "ingest-pg" if s.endswith("-pg") and s != "ingest-pg" else "ingest"
        if s in results and one in results:
            same = len({r["fingerprint"] for r in runs[s] + runs[one] + runs.get("ingest", [])}) == 1  # every run
            print(f"{s}: {results[one]['seconds'] / results[s]['seconds']:.2f}x single-process {one}; "
                  f"same events as single-process ingest: {'yes' if same else 'NO'}")
    for s in ("ingest", "workers2", "dask2"):
        if s in results and s + "-pg" in results:
            print(f"{s}-pg: PostgreSQL {results[s]['seconds'] / results[s + '-pg']['seconds']:.2f}x the articles/s "
                  f"of {s} into SQLite")
    if other:
        print(f"the same stages with the marsad of {other} (fastest of {args.repeat}; all runs' seconds):")
        fastest = {s: min(others[s], key=lambda r: r["seconds"]) for s in wanted}
        for s in wanted:
            r = fastest[s]
            print(f"  {s:11} {r['articles'] / r['seconds'] if r['seconds'] else 0:9,.1f} articles/s  "
                  + "  ".join(f"{x['seconds']:6.2f}" for x in others[s])
                  + f"   this checkout {r['seconds'] / results[s]['seconds']:.2f}x as fast"
                  + (f", same events: {'yes' if r.get('fingerprint') == results[s].get('fingerprint') else 'NO'}"
                     if r.get("fingerprint") else ""))
        for s in ("ingest", "workers2", "dask2"):
            if s in fastest and s + "-pg" in fastest:
                print(f"  {s}-pg: PostgreSQL {fastest[s]['seconds'] / fastest[s + '-pg']['seconds']:.2f}x the "
                      f"articles/s of {s} into SQLite")
    if not args.keep:
        import shutil
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
