"""Pairwise precision and recall of cross-source merging on a sample with gold clusters.

    python benchmarks/dedup.py [--sample examples/multisource.jsonl] [--gold examples/multisource.gold.tsv]

The sample's articles are ingested into a fresh SQLite file in a temporary
directory; two articles are predicted to report the same event when one of
their stored events is shared (a merge put them together), and gold says so
when they carry the same ``event_key``. Prints the number of articles, gold
events, predicted and gold pairs, pairwise precision, recall and F1, the pairs
merged wrongly and the pairs missed, and ingest throughput.
"""
from __future__ import annotations

import argparse
import csv
import itertools
import os
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)


def load_gold(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")]
    return {r["article_id"]: r["event_key"] for r in rows}


def score(sample: str, gold_path: str) -> dict:
    from marsad.ingest import ingest
    from marsad.readers import read_inputs
    from marsad.store import open_store

    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(os.path.join(tmp, "dedup.db"))
        t0 = time.perf_counter()
        summary = ingest(store, read_inputs([sample]))
        seconds = time.perf_counter() - t0
        events_of: dict[str, set[str]] = {}
        for e in store.events():
            for s in e["sources"]:
                events_of.setdefault(s["article_id"], set()).add(e["event_id"])
        n_events = store.count("events")
        store.close()
    ids = sorted(gold)
    predicted = {(a, b) for a, b in itertools.combinations(ids, 2) if events_of.get(a, set()) & events_of.get(b, set())}
    truth = {(a, b) for a, b in itertools.combinations(ids, 2) if gold[a] == gold[b]}
    hit = predicted & truth
    precision = len(hit) / len(predicted) if predicted else 1.0
    recall = len(hit) / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"articles": len(ids), "gold_events": len(set(gold.values())), "stored_events": n_events,
            "predicted_pairs": len(predicted), "gold_pairs": len(truth), "precision": precision, "recall": recall,
            "f1": f1, "wrong": sorted(predicted - truth), "missed": sorted(truth - predicted),
            "seconds": seconds, "summary": summary.line(), "gold": gold}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", default=os.path.join(REPO, "examples", "multisource.jsonl"))
    parser.add_argument("--gold", default=os.path.join(REPO, "examples", "multisource.gold.tsv"))
    args = parser.parse_args(argv)
    r = score(args.sample, args.gold)
    print(f"sample: {r['articles']} articles, {r['gold_events']} gold events, {r['stored_events']} stored events")
    print(f"ingest: {r['summary']} in {r['seconds']:.2f} s ({r['articles'] / r['seconds']:.1f} articles/s)")
    print(f"pairs: predicted {r['predicted_pairs']}, gold {r['gold_pairs']}")
    print(f"pairwise precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}")
    for label, pairs in (("merged but different", r["wrong"]), ("same event, not merged", r["missed"])):
        if pairs:
            print(f"{label}: " + ", ".join(f"{a}+{b} ({r['gold'][a]}/{r['gold'][b]})" for a, b in pairs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
