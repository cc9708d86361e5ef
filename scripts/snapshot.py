"""Records of a fixed set of articles, for checking that a change leaves extraction as it was
(or for seeing exactly what it changed).

    python scripts/snapshot.py OUT.jsonl [--ant-conflict 400] [--ant-sample 800] [--dev]
    python scripts/snapshot.py --diff A.jsonl B.jsonl

Each output line is one article: its id and its event records with ``event_id`` dropped
(an id carries the extractor version). ``--diff`` prints the articles whose records differ,
with a short description of each side.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
SHARED = os.path.join(REPO, "..", "shared")


def _articles(args):
    from marsad.model import Article
    sources = []
    if args.dev:
        sources.append(("dev", os.path.join(SHARED, "eval-dev", "dev.gold.jsonl"), 10 ** 6, True))
    sources.append(("antc", os.path.join(SHARED, "datasets", "ant-corpus", "ant_conflict.jsonl"), args.ant_conflict, False))
    sources.append(("ants", os.path.join(SHARED, "datasets", "ant-corpus", "ant_sample5k.jsonl"), args.ant_sample, False))
    for extra in args.gold:
        sources.append((os.path.basename(extra), extra, 10 ** 6, True))
    for tag, path, n, gold in sources:
        if not os.path.exists(path) or n <= 0:
            continue
        with open(path, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= n:
                    break
                rec = json.loads(line)
                a = rec["article"] if gold else rec
                pub = a.get("published") or a.get("date_iso")
                text = a["text"]
                if not gold and a.get("title") and not text.startswith(a["title"]):
                    text = a["title"] + "\n\n" + text
                yield f"{tag}:{a.get('id')}", Article(
                    text=text, id=a.get("id"), published=date.fromisoformat(pub[:10]) if pub else None,
                    source=a.get("source"), url=a.get("url"))


def write(args) -> int:
    from marsad.pipeline import extract_article
    with open(args.out, "w", encoding="utf-8") as out:
        for key, article in _articles(args):
            records = []
            for e in extract_article(article):
                r = e.to_record()
                r.pop("event_id", None)
                records.append(r)
            out.write(json.dumps({"key": key, "events": records}, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


def _describe(r: dict) -> str:
    return (f"{r['sub_event_type']} @ {r['location']} {r['event_date']} deaths {r['fatalities']} "
            f"[{r['actor1']} vs {r['actor2']}]")


def diff(a_path: str, b_path: str) -> int:
    def load(p):
        return {json.loads(line)["key"]: json.loads(line)["events"] for line in open(p, encoding="utf-8")}
    a, b = load(a_path), load(b_path)
    changed = 0
    for key in a:
        if a[key] != b.get(key):
            changed += 1
            print(key)
            da = sorted(_describe(r) for r in a[key])
            db = sorted(_describe(r) for r in b.get(key, []))
            for d in da:
                if d not in db:
                    print("   -", d)
            for d in db:
                if d not in da:
                    print("   +", d)
            if da == db:
                print("    (other fields differ)")
    print(f"{changed} of {len(a)} articles differ")
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?")
    ap.add_argument("--ant-conflict", type=int, default=400)
    ap.add_argument("--ant-sample", type=int, default=800)
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--gold", action="append", default=[])
    ap.add_argument("--diff", nargs=2)
    args = ap.parse_args()
    if args.diff:
        return diff(*args.diff)
    return write(args)


if __name__ == "__main__":
    raise SystemExit(main())
