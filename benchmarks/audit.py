"""Stream audit: extraction over real news, looking for the errors a map user sees first.

    python benchmarks/audit.py [--input FILE] [--n 2000] [--sample 100] [--seed 16] [--sheet FILE]

Runs extraction over the first ``--n`` articles of a JSON Lines corpus (default: the ANT
sample, ``../shared/datasets/ant-corpus/ant_sample5k.jsonl``), with each article's
``date_iso`` (or ``published``/``date``) as its publication date, and prints:

- articles read, with events, events;
- events dated after their own article (must be 0);
- events dated more than two years before their article;
- events with more than 500 deaths, and the largest toll;
- the share of all deaths held by the ten largest events;
- the ten largest tolls with the words that carry them.

``--sheet FILE`` writes ``--sample`` events drawn at random (seed ``--seed``) as a TSV sheet to
check by hand: article id, event, the sentence of each evidence span, and empty columns
``right`` and ``why``.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

from marsad.model import Article  # noqa: E402
from newsfeed import news_records  # noqa: E402  (benchmarks/newsfeed.py)
from marsad.pipeline import extract_article  # noqa: E402

DEFAULT_INPUT = os.path.join(REPO, "..", "shared", "datasets", "ant-corpus", "ant_sample5k.jsonl")


def read_articles(path: str, n: int) -> list[Article]:
    return [Article(**r) for r in news_records(path, n)]


def _years_before(event_date: str, published: date) -> float:
    return (published - date.fromisoformat(event_date)).days / 365.25


def _context(text: str, start: int, end: int, width: int = 90) -> str:
    lo, hi = max(0, start - width), min(len(text), end + width)
    return " ".join(text[lo:hi].split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", default=DEFAULT_INPUT)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--sheet", default=None)
    args = ap.parse_args(argv)
    if not os.path.exists(args.input):
        print(f"audit: no corpus at {args.input} (the shared data sets are not on this machine)")
        return 0
    articles = read_articles(args.input, args.n)
    t0 = time.perf_counter()
    rows = []  # (article, event record)
    errors = 0
    for a in articles:
        try:
            events = extract_article(a)
        except Exception as exc:  # one failing article is counted, not fatal
            errors += 1
            print(f"  error on {a.id}: {type(exc).__name__}: {exc}")
            continue
        rows.extend((a, e.to_record()) for e in events)
    seconds = time.perf_counter() - t0
    with_events = len({a.id for a, _ in rows})
    after = [(a, r) for a, r in rows if r["event_date"] and a.published and r["event_date"] > a.published.isoformat()]
    old = [(a, r) for a, r in rows if r["event_date"] and a.published
           and _years_before(r["event_date"], a.published) > 2]
    deaths = sorted(((r.get("fatalities") or 0, a, r) for a, r in rows), key=lambda x: -x[0])
    total = sum(d for d, _, _ in deaths)
    top10 = sum(d for d, _, _ in deaths[:10])
    over500 = [x for x in deaths if x[0] > 500]
    print(f"articles {len(articles)}  with events {with_events}  events {len(rows)}  errors {errors}"
          f"  ({len(articles) / seconds:.0f} articles/s)")
    print(f"events dated after their article      {len(after)}")
    print(f"events dated > 2 years before it      {len(old)}")
    print(f"events with more than 500 deaths      {len(over500)}")
    print(f"largest toll                          {deaths[0][0] if deaths else 0}")
    print(f"deaths in all events                  {total}")
    print(f"share of deaths in the 10 largest     {top10 / total if total else 0:.2f}")
    for label, items in (("after their article", after), ("more than two years before", old)):
        for a, r in items[:15]:
            print(f"  {label}: {a.id} published {a.published} event {r['event_date']} "
                  f"{r['sub_event_type']} @ {r['location']}: "
                  + "; ".join(s["text"] for s in r["evidence"].get("event_date", [])))
    print("largest tolls:")
    for d, a, r in deaths[:10]:
        spans = r["evidence"].get("fatalities", [])
        print(f"  {d:6d} {a.id} {r['sub_event_type']} @ {r['location']}: "
              + " | ".join(s["text"] for s in spans)[:200])
    if args.sheet:
        rng = random.Random(args.seed)
        picked = rng.sample(rows, min(args.sample, len(rows)))
        with open(args.sheet, "w", encoding="utf-8") as fh:
            fh.write("n\tarticle\tpublished\tevent\tcontext\tright\twhy\n")
            for i, (a, r) in enumerate(picked, 1):
                desc = (f"{r['sub_event_type']} | {r['actor1']} vs {r['actor2']} | {r['location']} "
                        f"({r['country']}) p{r['geo_precision']} | {r['event_date']} | deaths {r['fatalities']}")
                spans = [s for k in ("event_type", "location", "fatalities", "event_date")
                         for s in r["evidence"].get(k, [])[:1]]
                ctx = " || ".join(dict.fromkeys(_context(a.text, s["start"], s["end"]) for s in spans))
                fh.write(f"{i}\t{a.id}\t{a.published}\t{desc}\t{ctx}\t\t\n")
        print(f"sheet of {len(picked)} events written to {args.sheet}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
