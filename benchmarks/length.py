"""How extraction cost grows with the length of one document (issue 18 item 4).

    python benchmarks/length.py [--sizes 10000,100000,1000000] [--seed 11] [--profile]

Each size is one document of realistic generated Arabic news (``generated_rows`` of
``benchmarks/extract.py``: reports of violence, joined one after another, cut to the size),
extracted in a fresh process of its own (so one size's caches and memory do not reach the next),
after a warm-up article that loads the knowledge base. Prints, for each size:

- the wall time of ``extract_article`` (fastest of ``--repeat`` runs for sizes up to 100,000
  characters, one run above) and of ``make_doc`` alone (tokenising: linear, the yardstick);
- milliseconds per 1,000 characters, and that figure as a ratio to the smallest size's
  (1.0 everywhere would be linear cost);
- peak resident memory of the process (VmHWM, counted from the warmed-up process) and its
  growth over that process's resident memory;

then the ratio largest/smallest of the time per character. ``--profile`` adds the ten
functions with the most own time (cProfile) at the largest size, to show where the time goes.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
sys.path.insert(0, os.path.join(REPO, "benchmarks"))


def document(size: int, seed: int) -> str:
    from extract import generated_rows

    parts, total, n = [], 0, 0
    while total < size:
        rows = generated_rows(n + 200, seed)[n:]
        n += 200
        for row in rows:
            parts.append(row["text"])
            total += len(row["text"]) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def measure_one(size: int, seed: int, repeat: int, profile: bool) -> dict:
    """In this process: warm up, then time and measure one document of ``size`` characters."""
    from datetime import date

    from marsad.arabic.tokenise import make_doc
    from marsad.model import Article
    from marsad.pipeline import extract_article
    from peakmem import _hwm_mb

    text = document(size, seed)
    warm = document(2_000, seed + 1)
    extract_article(Article(text=warm, published=date(2021, 3, 1)), budget=None)
    base_mb = _reset_peak()
    runs = repeat if size <= 100_000 else 1
    tokenise = min(_timed(lambda: make_doc(text)) for _ in range(runs))
    article = Article(text=text, id=f"doc-{size}", published=date(2021, 3, 1))
    times, events = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        events = len(extract_article(Article(text=text, id=article.id, published=article.published), budget=None))
        times.append(time.perf_counter() - started)
    out = {"size": size, "seconds": min(times), "tokenise_seconds": tokenise, "events": events,
           "peak_mb": _hwm_mb(), "base_mb": base_mb}
    if profile:
        import cProfile
        import io
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        extract_article(Article(text=text, id=article.id, published=article.published), budget=None)
        prof.disable()
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf)
        stats.sort_stats("tottime").print_stats(10)
        out["profile"] = buf.getvalue()
    return out


def _reset_peak() -> float:
    """Start the peak (VmHWM) afresh from here (Linux: ``clear_refs``), so that a one-off build of
    the gazetteer cache at warm-up is not counted; the resident memory now, in MB."""
    from peakmem import _hwm_mb

    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return _hwm_mb() or float("nan")


def _timed(func) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="document sizes in characters")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size up to 100,000 characters (fastest)")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest size: top 10 by own time")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process: one size
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one, args.seed, args.repeat, args.profile)))
        return 0
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    results = []
    for size in sizes:
        cmd = [sys.executable, os.path.abspath(__file__), "--one", str(size), "--seed", str(args.seed),
               "--repeat", str(args.repeat)] + (["--profile"] if args.profile and size == sizes[-1] else [])
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"size {size:,}: the measuring process failed:\n{done.stderr[-2000:]}", file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first = results[0]
    per_k_first = first["seconds"] / first["size"] * 1000
    print(f"{'characters':>12} {'extract s':>10} {'ms/1k chars':>12} {'x smallest':>11} {'tokenise ms/1k':>15} "
          f"{'events':>7} {'peak MB':>8} {'growth MB':>10}")
    for r in results:
        per_k = r["seconds"] / r["size"] * 1e6
        tok_k = r["tokenise_seconds"] / r["size"] * 1e6
        print(f"{r['size']:>12,} {r['seconds']:>10.2f} {per_k:>12.2f} {per_k / (per_k_first * 1000):>11.2f} "
              f"{tok_k:>15.3f} {r['events']:>7} {r['peak_mb']:>8.0f} {r['peak_mb'] - r['base_mb']:>10.0f}")
    last = results[-1]
    ratio = (last["seconds"] / last["size"]) / (first["seconds"] / first["size"])
    tok_ratio = (last["tokenise_seconds"] / last["size"]) / (first["tokenise_seconds"] / first["size"])
    print(f"time per character, {last['size']:,} / {first['size']:,}: {ratio:.2f}x "
          f"(tokenising alone: {tok_ratio:.2f}x; 1.0 is linear)")
    if "profile" in last:
        print(f"\nwhere the time goes at {last['size']:,} characters (cProfile, top 10 by own time):")
        print(last["profile"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
