"""A/B speed of extraction: this checkout against a baseline checkout, measured in one run.

    python benchmarks/compare.py [--baseline DIR] [--current DIR] [--input FILE | --generated] [--n 1000] [--rounds 3] [--passes 3]

The baseline is an older commit checked out beside this one (default ``../baseline``, or
``$MARSAD_BASELINE``), made with ``git worktree add ../baseline 0885a38``; the current side is
the repository holding this script (``--current`` for another). Both packages are named
``marsad``, so each side runs in a child process of the same interpreter with ``PYTHONPATH``
set to its checkout, and with a gazetteer cache directory of its own (``$MARSAD_CACHE_DIR``,
temporary): a version keeps one cache file and deletes the others', so in a shared directory
each turn would rebuild it. A first untimed child per side builds that cache. Each timed child
reads the first ``--n`` articles of the corpus (default: the ANT sample,
``../shared/datasets/ant-corpus/ant_sample5k.jsonl``, read as ``benchmarks/audit.py`` reads it;
when that file is not on the machine, the articles ``benchmarks/extract.py`` generates), times
its cold start, makes one warm-up pass over the corpus (which fills the per-process caches on
words it has not seen), then times ``--passes`` passes. The sides take turns ``--rounds``
times, one child at a time, in the order baseline-current, current-baseline, ... so that a
shared machine's slow spells fall on both alike. Prints one line per child, then per side:

- best and median articles/s over all timed passes of all rounds;
- cold start: importing ``marsad.pipeline`` and a first ``extract_article`` call on a short
  report of a shelling (``PROBE``), which loads the knowledge base and the gazetteer: a corpus
  article would load only what it needs, and the first ANT article reports no event (median,
  and the range over the rounds);
- events produced by one pass over the corpus, and articles whose extraction raised;
- peak RSS of the child (the largest over its rounds; see ``benchmarks/peakmem.py``);

and the ratios current/baseline of the best and of the median throughputs (above 1: the
current code is faster).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from newsfeed import news_records  # benchmarks/newsfeed.py: imports no marsad

# No ``sys.path.insert(0, REPO)`` here, unlike the other scripts: a worker imports ``marsad`` from
# the checkout in its PYTHONPATH, and this repository first on the path would shadow the baseline.
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCHMARKS = os.path.join(REPO, "benchmarks")
sys.path.insert(0, BENCHMARKS)  # peakmem.py and extract.py, also when tests load this file by path

DEFAULT_BASELINE = os.path.normpath(os.path.join(REPO, "..", "baseline"))
BASELINE_COMMIT = "0885a38"
DEFAULT_INPUT = os.path.join(REPO, "..", "shared", "datasets", "ant-corpus", "ant_sample5k.jsonl")
# Needs every stage (trigger, toll, actor, place, date), so its first extraction loads everything.
PROBE = "قتل خمسة مدنيين أمس في قصف مدفعي نفذته قوات النظام السوري على ريف مدينة إدلب في سوريا، بحسب مصدر محلي."


# ---------------------------------------------------------------- worker: one side, one process

def read_articles(article_type, path: str, n: int) -> list:
    """The first ``n`` articles of a JSON Lines file, as ``benchmarks/audit.py`` reads them,
    built with the ``Article`` of the worker's own checkout."""
    return [article_type(**r) for r in news_records(path, n)]


def timed_pass(extract_article, corpus: list) -> tuple[float, int, Counter]:
    """Seconds for one extraction pass over the corpus, events produced, and the errors raised."""
    failures: Counter = Counter()
    produced = 0
    start = time.perf_counter()
    for article in corpus:
        try:
            produced += len(extract_article(article))
        except Exception as exc:  # one failing article is counted, not fatal
            failures[f"{type(exc).__name__}: {exc}"] += 1
    return time.perf_counter() - start, produced, failures


def run_worker(checkout: str, input_path: str, n: int, passes: int) -> int:
    """Measure the ``marsad`` of ``checkout`` (first on PYTHONPATH) and print the figures as JSON."""
    from peakmem import self_peak_mb  # benchmarks/peakmem.py

    start = time.perf_counter()
    import marsad
    from marsad.model import Article
    from marsad.pipeline import extract_article

    loaded = os.path.realpath(os.path.dirname(marsad.__file__))
    if not loaded.startswith(os.path.realpath(checkout) + os.sep):
        print(f"compare: worker for {checkout} imported marsad from {loaded}", file=sys.stderr)
        return 2
    probe_events = len(extract_article(Article(text=PROBE, id="probe")))
    cold_seconds = time.perf_counter() - start
    corpus = read_articles(Article, input_path, n)
    if not corpus:
        print(f"compare: no article in {input_path}", file=sys.stderr)
        return 2

    warm_seconds, _, _ = timed_pass(extract_article, corpus)

    seconds: list[float] = []
    events: list[int] = []
    failures: Counter = Counter()
    for _ in range(passes):
        took, produced, failures = timed_pass(extract_article, corpus)
        seconds.append(took)
        events.append(produced)
    print(json.dumps({
        "marsad": loaded,
        "articles": len(corpus),
        "chars": sum(len(a.text) for a in corpus),
        "cold_start_s": cold_seconds,
        "probe_events": probe_events,
        "warmup_seconds": cold_seconds + warm_seconds,
        "warmup_rate": len(corpus) / warm_seconds,
        "rates": [len(corpus) / s for s in seconds],
        "events": events,
        "errors": sum(failures.values()),
        "first_errors": [f"{count} x {message[:160]}" for message, count in failures.most_common(3)],
        "peak_rss_mb": self_peak_mb(),
    }))
    return 0


# ---------------------------------------------------------------- parent: corpus, turns, summary

def write_generated_corpus(path: str, n: int) -> int:
    """The corpus of ``benchmarks/extract.py`` (examples/ topped up with generated articles) as JSON Lines."""
    from extract import build_corpus  # benchmarks/extract.py; imports this repository's marsad, in the parent only

    corpus, _ = build_corpus(n, seed=1)
    with open(path, "w", encoding="utf-8") as out:
        for a in corpus:
            out.write(json.dumps({"id": a.article_id, "text": a.text, "source": a.source, "url": a.url,
                                  "published": a.published.isoformat() if a.published else None},
                                 ensure_ascii=False) + "\n")
    return len(corpus)


def short_commit(checkout: str) -> str:
    try:
        done = subprocess.run(["git", "-C", checkout, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "?"
    return done.stdout.strip() or "?"


def has_local_changes(checkout: str) -> bool:
    try:
        done = subprocess.run(["git", "-C", checkout, "status", "--porcelain", "--", "marsad"],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(done.stdout.strip())


def run_side(checkout: str, cache: str, input_path: str, n: int, passes: int) -> dict | None:
    """One worker child for ``checkout``; its figures, or None when it failed (its stderr is shown as it runs)."""
    env = dict(os.environ, PYTHONPATH=checkout, MARSAD_CACHE_DIR=cache)
    command = [sys.executable, os.path.abspath(__file__), "--worker", checkout,
               "--input", input_path, "--n", str(n), "--passes", str(passes)]
    done = subprocess.run(command, env=env, cwd=checkout, stdout=subprocess.PIPE, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return None
    return json.loads(lines[-1])


def _checkout_problem(path: str) -> str | None:
    if not os.path.isdir(path):
        return "does not exist"
    if not os.path.isfile(os.path.join(path, "marsad", "pipeline.py")):
        return "holds no marsad/pipeline.py"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=os.environ.get("MARSAD_BASELINE") or DEFAULT_BASELINE,
                        help=f"checkout of the baseline (default $MARSAD_BASELINE, else {DEFAULT_BASELINE})")
    parser.add_argument("--current", default=REPO, help=f"checkout of the current code (default {REPO})")
    parser.add_argument("--input", default=None, metavar="FILE",
                        help="JSON Lines corpus (default: the ANT sample, else the generated articles)")
    parser.add_argument("--generated", action="store_true",
                        help="the corpus of benchmarks/extract.py (examples and generated violent reports)")
    parser.add_argument("--n", type=int, default=1000, help="articles in the corpus (default 1000)")
    parser.add_argument("--rounds", type=int, default=3, help="turns of each side (default 3)")
    parser.add_argument("--passes", type=int, default=3, help="timed passes in each turn (default 3)")
    parser.add_argument("--worker", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:  # --passes 0: the untimed first run, which only builds the caches
        return run_worker(args.worker, args.input, args.n, args.passes)
    if args.n < 1 or args.rounds < 1 or args.passes < 1:
        parser.error("--n, --rounds and --passes must be 1 or more")

    baseline, current = os.path.abspath(args.baseline), os.path.abspath(args.current)
    problem = _checkout_problem(baseline)
    if problem:
        print(f"compare: the baseline checkout {baseline} {problem}. Make it beside this repository with\n"
              f"    cd {REPO} && git worktree add ../baseline {BASELINE_COMMIT}\n"
              f"or name another with --baseline DIR (or $MARSAD_BASELINE).", file=sys.stderr)
        return 2
    problem = _checkout_problem(current)
    if problem:
        print(f"compare: the current checkout {current} {problem}; name one with --current DIR.", file=sys.stderr)
        return 2

    generated = None
    if args.input is not None:
        if not os.path.isfile(args.input):
            print(f"compare: no corpus at {args.input}", file=sys.stderr)
            return 2
        input_path, described = os.path.abspath(args.input), os.path.basename(args.input)
    elif os.path.isfile(DEFAULT_INPUT) and not args.generated:
        input_path, described = os.path.abspath(DEFAULT_INPUT), os.path.basename(DEFAULT_INPUT)
    else:
        fd, generated = tempfile.mkstemp(prefix="marsad-compare-", suffix=".jsonl")
        os.close(fd)
        write_generated_corpus(generated, args.n)
        input_path = generated
        described = "benchmarks/extract.py's examples and generated articles" + (
            "" if args.generated else f" (no ANT sample at {os.path.normpath(DEFAULT_INPUT)})")

    sides = {"baseline": baseline, "current": current}
    runs: dict[str, list[dict]] = {"baseline": [], "current": []}
    caches = tempfile.mkdtemp(prefix="marsad-compare-cache-")
    try:
        for side, path in sides.items():
            changes = " (with uncommitted changes to marsad/)" if has_local_changes(path) else ""
            print(f"{side:8s} {short_commit(path)}{changes}  {path}")
            os.mkdir(os.path.join(caches, side))
        for side, path in sides.items():
            result = run_side(path, os.path.join(caches, side), input_path, args.n, 0)
            if result is None:
                print(f"compare: the {side} worker failed (its error is above)", file=sys.stderr)
                return 1
            if side == "baseline":
                print(f"corpus: {result['articles']} articles from {described}, {result['chars']:,} characters, "
                      f"{result['chars'] / result['articles']:,.0f} per article; per turn a warm-up pass, then "
                      f"{args.passes} timed pass{'es' if args.passes != 1 else ''}")
            print(f"untimed {side:8s}: first run, builds the gazetteer cache: cold start "
                  f"{result['cold_start_s']:.1f} s, {result['warmup_seconds']:.1f} s with one pass; "
                  f"peak RSS {result['peak_rss_mb']:.0f} MB", flush=True)
        for r in range(args.rounds):
            order = ("baseline", "current") if r % 2 == 0 else ("current", "baseline")
            for side in order:
                result = run_side(sides[side], os.path.join(caches, side), input_path, args.n, args.passes)
                if result is None:
                    print(f"compare: the {side} worker failed (its error is above)", file=sys.stderr)
                    return 1
                runs[side].append(result)
                print(f"round {r + 1} {side:8s}: passes {', '.join(f'{x:,.1f}' for x in result['rates'])} articles/s "
                      f"(warm-up {result['warmup_rate']:,.1f}); cold start {result['cold_start_s']:.2f} s; "
                      f"{result['events'][-1]} events; peak RSS {result['peak_rss_mb']:.0f} MB", flush=True)
    finally:
        shutil.rmtree(caches, ignore_errors=True)
        if generated:
            os.unlink(generated)

    summary = {}
    print()
    print(f"{'':8s}  {'best/s':>8s}  {'median/s':>8s}  {'cold start s (range)':>21s}  {'events':>7s}  "
          f"{'errors':>6s}  {'peak RSS MB':>11s}")
    for side, results in runs.items():
        rates = [x for res in results for x in res["rates"]]
        colds = [res["cold_start_s"] for res in results]
        events = sorted({e for res in results for e in res["events"]})
        summary[side] = (max(rates), statistics.median(rates))
        cold = f"{statistics.median(colds):.2f} ({min(colds):.2f}-{max(colds):.2f})"
        print(f"{side:8s}  {max(rates):8,.1f}  {statistics.median(rates):8,.1f}  {cold:>21s}  "
              f"{'/'.join(map(str, events)):>7s}  {max(res['errors'] for res in results):6d}  "
              f"{max(res['peak_rss_mb'] for res in results):11.0f}")
    (b_best, b_median), (c_best, c_median) = summary["baseline"], summary["current"]
    print(f"ratio current/baseline: best {c_best / b_best:.2f}x, median {c_median / b_median:.2f}x "
          f"(above 1: the current code is faster)")

    for side, results in runs.items():
        if any(res["probe_events"] == 0 for res in results):
            print(f"WARNING: the {side} side found no event in the cold-start probe; its cold start may leave "
                  f"loading to the first passes")
        if len({e for res in results for e in res["events"]}) > 1:
            print(f"WARNING: the {side} side produced different event counts from pass to pass")
        if results[-1]["errors"]:
            print(f"WARNING: {side} extraction raised on {results[-1]['errors']} of {results[-1]['articles']} "
                  f"articles; its figures are for a pipeline that stopped early on them:")
            for line in results[-1]["first_errors"]:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
