"""Error anatomy of a gold file: each unpaired prediction and each missed required gold event, by
the fields that keep it from the nearest candidate of its article.

    python eval/anatomy.py eval/seventh/tune.gold.jsonl [--lines]

`marsad evaluate` pairs a prediction with a gold event only when the event type, the place (within
the gold's tolerance) and the date agree. A wrong place therefore costs a false positive and a miss
at once. This script tells those apart from records with no counterpart at all: for each unpaired
prediction it names what differs from the nearest unpaired gold event of the same article ("place",
"date", "type", "place+date" ...; "all-gold-paired" when every gold event found its pair, "no gold
event" in an article without one, "unrelated" when all three differ), and the same for each missed
required gold event against the unpaired predictions ("nothing predicted" when none is left).
Use it on tune halves only: the frozen halves are only ever scored.
"""
from __future__ import annotations

import argparse
import collections
import sys

from marsad.evaluate import _article_from_gold, _best_pairing, _date_match, _location_match, load_gold
from marsad.pipeline import extract_article

FIELDS = ("type", "place", "date")


def differences(pred: dict, gold: dict) -> list[str]:
    """The fields that keep ``pred`` and ``gold`` from pairing."""
    ok = (pred.get("event_type") == gold.get("event_type"),
          _location_match(pred, gold.get("location") or {}),
          _date_match(pred, gold.get("date")))
    return [name for name, good in zip(FIELDS, ok) if not good]


def nearest(pred: dict, golds: list[dict]) -> str:
    best = min((differences(pred, g) for g in golds), key=len)
    return "unrelated" if len(best) == len(FIELDS) else "+".join(best)


def anatomy(path: str) -> tuple[collections.Counter, collections.Counter, list[str]]:
    fp, fn, lines = collections.Counter(), collections.Counter(), []
    for record in load_gold(path):
        preds = [e.to_record() for e in extract_article(_article_from_gold(record))]
        gold = record.get("events") or []
        pairs = _best_pairing(gold, preds)
        paired_gold = {g for g, _ in pairs}
        paired_pred = {p for _, p in pairs}
        free_gold = [g for i, g in enumerate(gold) if i not in paired_gold]
        free_pred = [p for k, p in enumerate(preds) if k not in paired_pred]
        aid = record["article"].get("id")
        for p in free_pred:
            why = nearest(p, free_gold) if free_gold else ("all-gold-paired" if gold else "no gold event")
            fp[why] += 1
            lines.append(f"FP {why:16} {aid} {p.get('sub_event_type')} @ {p.get('location')} {p.get('event_date')}")
        for g in free_gold:
            if g.get("optional"):
                continue
            why = min((nearest(p, [g]) for p in free_pred), key=lambda w: (w == "unrelated", w.count("+"))) \
                if free_pred else "nothing predicted"
            fn[why] += 1
            names = (g.get("location") or {}).get("names") or ["?"]
            lines.append(f"FN {why:16} {aid} {g.get('sub_event_type')} @ {names[0]} {g.get('date')}")
    return fp, fn, lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--lines", action="store_true", help="list every unpaired record")
    args = ap.parse_args(argv)
    for path in args.gold:
        fp, fn, lines = anatomy(path)
        print(f"{path}: false positives {sum(fp.values())}: {', '.join(f'{k} {v}' for k, v in fp.most_common())}")
        print(f"{path}: misses {sum(fn.values())}: {', '.join(f'{k} {v}' for k, v in fn.most_common())}")
        if args.lines:
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
