"""Does ingest keep memory flat as the corpus grows? Peak memory for a small and a large corpus.

    python benchmarks/memory.py [--small 1000] [--large 100000] [--workers 2] [--input FILE ...]

Writes two corpora of generated articles (the templates of ``benchmarks/extract.py``)
as JSON Lines (with ``--input``, of the articles in those files instead, taken again
from the start, under new ids and with a last line naming the copy, when more are asked for
than the files hold: real text
brings a vocabulary that keeps growing, which generated articles do not), then runs ``marsad ingest --workers N`` on each into a fresh SQLite
file, each run in a child process, and prints for each: articles, seconds,
articles per second, the writer's max RSS and the largest worker's max RSS, and
the ratio of the large run's peaks to the small run's (1.0 = flat).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "benchmarks"))


def write_generated(path: str, n: int, seed: int) -> None:
    from extract import generated_article  # benchmarks/extract.py

    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            a = generated_article(rng, i)
            out.write(json.dumps({"id": a.article_id, "text": a.text, "published": a.published.isoformat(),
                                  "source": f"outlet-{i % 7}"}, ensure_ascii=False) + "\n")


def write_from(path: str, n: int, inputs: list[str]) -> None:
    from marsad.model import Article
    from marsad.readers import read_inputs

    articles = [a for a in read_inputs(inputs) if isinstance(a, Article)]
    if not articles:
        raise SystemExit(f"no readable article in {', '.join(inputs)}")
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            a, copy = articles[i % len(articles)], i // len(articles)
            # a copy's text differs by its last line, or ingest would skip it as an article it has
            text = a.text if copy == 0 else f"{a.text}\n\n(copy {copy})"
            row = {"id": f"{a.article_id}#{copy}", "text": text, "source": f"outlet-{i % 7}"}
            if a.published:
                row["published"] = a.published.isoformat()
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def run(corpus: str, db: str, workers: int) -> dict:
    code = ("import json, sys, time\n"
            f"sys.path.insert(0, {os.path.join(REPO, 'benchmarks')!r})\n"
            "from peakmem import ChildPeaks, self_peak_mb\n"
            "from marsad.ingest import ingest\n"
            "from marsad.readers import read_inputs\n"
            "from marsad.runner import open_runner\n"
            "from marsad.store import open_store\n"
            "t = time.perf_counter()\n"
            f"store = open_store({db!r})\n"
            f"with ChildPeaks() as children, open_runner(workers={workers}) as runner:\n"
            f"    s = ingest(store, read_inputs([{corpus!r}]), runner=runner, batch_size=32)\n"
            "seconds = time.perf_counter() - t\n"
            "print(json.dumps({'articles': s.new, 'events': store.count('events'), 'seconds': seconds,\n"
            "  'writer_mb': self_peak_mb(), 'worker_mb': children.largest_mb}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--input", nargs="+", metavar="FILE", help="make the corpora of these files' articles")
    args = parser.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="marsad-memory-")
    try:
        results = {}
        for label, n in (("small", args.small), ("large", args.large)):
            corpus = os.path.join(tmp, f"{label}.jsonl")
            if args.input:
                write_from(corpus, n, args.input)
            else:
                write_generated(corpus, n, seed=3)
            results[label] = r = run(corpus, os.path.join(tmp, f"{label}.db"), args.workers)
            print(f"{label:6} {r['articles']:8,} articles  {r['seconds']:8.1f} s  "
                  f"{r['articles'] / r['seconds']:7.1f} articles/s  {r['events']:8,} events  "
                  f"writer max RSS {r['writer_mb']:6.0f} MB  largest worker {r['worker_mb']:6.0f} MB", flush=True)
            os.remove(corpus)
        s, big = results["small"], results["large"]
        print(f"large/small peak memory: writer {big['writer_mb'] / s['writer_mb']:.2f}x, "
              f"worker {big['worker_mb'] / s['worker_mb']:.2f}x "
              f"for {big['articles'] / s['articles']:.0f}x the articles")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
