"""Fit the record-confidence model (marsad/kb/data/confidence.tsv) and show what it does.

    python eval/calibrate.py            # cross-validated table only
    python eval/calibrate.py --write    # and write the model it fits on everything

Examples: every record predicted on the tuning half of each evaluation set (eval/second ...
eval/seventh), twice: as the commit that scored that set blind predicted it
(``tune.blind.jsonl`` beside the gold, kept so the fit can be repeated), and as the present
code predicts it; with ``../shared`` on the machine also the development set and the ANT
gold (present code only). A record paired by ``marsad evaluate`` with a required gold event
is a positive, an unpaired record a negative, a record paired with an optional event is left
out. Frozen halves are never read.

The blind predictions are the records of code that had not seen those articles, so they show
the errors marsad makes on new news; the present predictions show what it gets right once it
handles an article, so that the model does not learn "this kind of article was handled
badly". The traits are those of :mod:`marsad.stages.confidence`; the fit is an L2-penalised
logistic regression on standardised traits.

The table: leave one set out (its blind and present records both), fit on the others, score
the held-out set's records; F1 over all sets at each threshold, for blind records (the
regime of unseen news) and present records (news marsad handles). ``--write`` takes the
threshold with the highest sum of the two F1s.
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.evaluate import _article_from_gold, _best_pairing, load_gold  # noqa: E402
from marsad.kb import data_path  # noqa: E402
from marsad.pipeline import extract_article  # noqa: E402
from marsad.stages.confidence import MODEL_FILE, TRAITS, trait_values  # noqa: E402

SETS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth")
SHARED = ROOT.parent / "shared"
L2 = 3.0
THRESHOLDS = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def _published(article: dict) -> date | None:
    try:
        return date.fromisoformat(str(article.get("published"))[:10])
    except ValueError:
        return None


def examples(gold_path: Path, name: str, kind: str, predictions: dict[str, list[dict]] | None):
    """(set, kind, traits, label) of each record of a gold file's articles; ``predictions`` by
    article id, or None for the present code's."""
    out, required = [], 0
    for rec in load_gold(gold_path):
        art, gold = rec["article"], rec.get("events") or []
        required += sum(not g.get("optional") for g in gold)
        if predictions is None:
            preds = [e.to_record() for e in extract_article(_article_from_gold(rec), None, min_confidence=0)]
        else:
            preds = predictions.get(art.get("id"), [])
        paired = {p: bool(gold[g].get("optional")) for g, p in _best_pairing(gold, preds)}
        values = trait_values(preds, len(art.get("text") or ""), _published(art))
        for k, row in enumerate(values):
            if paired.get(k) is True:
                continue  # paired with an optional gold event: neither right nor wrong
            out.append((name, kind, row, 1.0 if k in paired else 0.0))
    return out, required


def collect():
    rows, required = [], {}
    for name in SETS:
        gold = ROOT / "eval" / name / "tune.gold.jsonl"
        blind = {}
        for line in open(ROOT / "eval" / name / "tune.blind.jsonl", encoding="utf-8"):
            if line.strip():
                d = json.loads(line)
                blind[d["id"]] = d["preds"]
        for kind, preds in (("blind", blind), ("present", None)):
            found, required[name] = examples(gold, name, kind, preds)
            rows += found
    dev = SHARED / "eval-dev" / "dev.gold.jsonl"
    if dev.exists():
        found, required["dev"] = examples(dev, "dev", "present", None)
        rows += found
    with tempfile.TemporaryDirectory() as tmp:
        joined = Path(tmp) / "ant.gold.jsonl"
        done = subprocess.run([sys.executable, str(ROOT / "eval" / "ant_gold.py"), "join",
                               str(ROOT / "eval" / "ant" / "annotations.jsonl"), "--out", str(joined)],
                              capture_output=True, text=True)
        if done.returncode == 0:
            found, required["ant"] = examples(joined, "ant", "present", None)
            rows += found
    return rows, required


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 4000, rate: float = 0.1):
    mean, spread = x.mean(0), x.std(0)
    spread[spread == 0] = 1.0
    z = (x - mean) / spread
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w -= rate * (z.T @ (p - y) + l2 * w) / len(y)
        b -= rate * (p - y).mean()
    return mean, spread, w, b


def probabilities(model, x: np.ndarray) -> np.ndarray:
    mean, spread, w, b = model
    return 1 / (1 + np.exp(-(((x - mean) / spread) @ w + b)))


def cross_validated(rows, required):
    """threshold -> kind -> [tp, fp, fn] over held-out sets."""
    table = {t: {k: [0, 0, 0] for k in ("blind", "present")} for t in THRESHOLDS}
    for held in required:
        train = [r for r in rows if r[0] != held]
        model = fit(np.array([r[2] for r in train]), np.array([r[3] for r in train]))
        for kind in ("blind", "present"):
            test = [r for r in rows if r[0] == held and r[1] == kind]
            if not test:
                continue
            p = probabilities(model, np.array([r[2] for r in test]))
            for t in THRESHOLDS:
                tp = sum(1 for r, q in zip(test, p) if q >= t and r[3] == 1)
                fp = sum(1 for r, q in zip(test, p) if q >= t and r[3] == 0)
                cell = table[t][kind]
                cell[0] += tp
                cell[1] += fp
                cell[2] += required[held] - tp
    return table


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def write_model(model, threshold: float, rows) -> Path:
    mean, spread, w, b = model
    counts = collections.Counter((r[1], int(r[3])) for r in rows)
    lines = ["# Record confidence: a logistic model over the traits of marsad/stages/confidence.py.",
             "# Written by eval/calibrate.py --write; do not edit by hand (run it again instead).",
             f"# Fitted on {len(rows)} records of the tuning halves (blind {counts[('blind', 1)]} right /"
             f" {counts[('blind', 0)]} wrong, present {counts[('present', 1)]} right / {counts[('present', 0)]} wrong),"
             f" L2 {L2}.",
             "# probability = 1 / (1 + exp(-(intercept + sum(weight * (value - mean) / spread))))",
             "# threshold: records under it are held back by default (marsad extract --min-confidence).",
             "term\tmean\tspread\tweight"]
    for name, m, s, wt in zip(TRAITS, mean, spread, w):
        lines.append(f"{name}\t{m:.6f}\t{s:.6f}\t{wt:.6f}")
    lines.append(f"intercept\t\t\t{b:.6f}")
    lines.append(f"threshold\t\t\t{threshold:.2f}")
    path = data_path(MODEL_FILE)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="write the model fitted on all records")
    args = ap.parse_args()
    rows, required = collect()
    print(f"{len(rows)} records from {', '.join(required)}")
    table = cross_validated(rows, required)
    best = max(THRESHOLDS, key=lambda t: (round(sum(f1(*table[t][k]) for k in table[t]), 3), -t))
    for t in THRESHOLDS:
        cells = []
        for kind, (tp, fp, fn) in table[t].items():
            cells.append(f"{kind} P {tp / max(tp + fp, 1):.3f} R {tp / max(tp + fn, 1):.3f} F1 {f1(tp, fp, fn):.3f}")
        print(f"threshold {t:.2f}  " + "  |  ".join(cells) + ("   <- chosen" if t == best else ""))
    if args.write:
        model = fit(np.array([r[2] for r in rows]), np.array([r[3] for r in rows]))
        print("weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(TRAITS, model[2])))
        print(f"written {write_model(model, best, rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
