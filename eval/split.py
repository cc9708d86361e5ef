"""Split the second development set into a tuning half and a frozen half.

    python eval/split.py eval/second/raw/part-*.gold.jsonl --out eval/second

Within each part (one region group, one annotator) the articles are shuffled with a fixed
seed and dealt alternately, so both halves have every region, about half the negatives and
about half the events. The frozen half is only ever scored, never read for tuning.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SEED = 16


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("parts", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", default=str(SEED), help="the shuffle's seed (each set records its own)")
    args = ap.parse_args()
    tune, frozen = [], []
    for path in sorted(args.parts):
        lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        records = [json.loads(line) for line in lines]
        negatives = [r for r in records if not r["events"]]
        positives = [r for r in records if r["events"]]
        rng = random.Random(f"{args.seed}:{Path(path).name}")
        for group in (positives, negatives):
            rng.shuffle(group)
            for i, r in enumerate(group):
                (tune if i % 2 == 0 else frozen).append(r)
    out = Path(args.out)
    for name, records in (("tune", tune), ("frozen", frozen)):
        records.sort(key=lambda r: r["article"]["id"])
        with open(out / f"{name}.gold.jsonl", "w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        req = sum(not e.get("optional") for r in records for e in r["events"])
        print(f"{name}: {len(records)} articles, {req} required events, "
              f"{sum(not r['events'] for r in records)} negatives")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
