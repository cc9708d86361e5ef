"""Gold for ANT news articles without shipping their texts.

The ANT corpus (``../shared/datasets/ant-corpus``) is third-party news that must not be
redistributed, so its gold lives here as annotations only, each naming its article by id,
and the texts are joined in from the corpus when the corpus is on the machine:

    python eval/ant_gold.py strip eval/ant/part-*.gold.jsonl --out eval/ant/annotations.jsonl
    python eval/ant_gold.py join eval/ant/annotations.jsonl --out /tmp/ant.gold.jsonl
    marsad evaluate /tmp/ant.gold.jsonl

``strip`` checks that every record's text is exactly the corpus's ``title + "\\n\\n" + text``
before dropping it (with its SHA-256, so a changed corpus is noticed on ``join``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "ant-corpus"


def corpus_texts() -> dict[str, str]:
    out = {}
    for name in ("ant_conflict.jsonl", "ant_sample5k.jsonl"):
        path = CORPUS / name
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            out[rec["id"]] = rec["title"] + "\n\n" + rec["text"]
    return out


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def strip(paths: list[str], out: str) -> int:
    texts = corpus_texts()
    lines = []
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            rec = json.loads(line)
            art = rec["article"]
            if texts.get(art["id"]) != art["text"]:
                print(f"{path}: {art['id']}: the text is not the corpus's title + blank line + text")
                return 1
            art = {k: v for k, v in art.items() if k != "text"}
            art["text_sha256"] = _sha(rec["article"]["text"])
            rec["article"] = art
            lines.append(json.dumps(rec, ensure_ascii=False))
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} annotated articles written to {out}")
    return 0


def join(path: str, out: str) -> int:
    texts = corpus_texts()
    if not texts:
        print(f"no ANT corpus under {CORPUS}")
        return 1
    lines = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        rec = json.loads(line)
        art = dict(rec["article"])
        text = texts.get(art["id"])
        if text is None or _sha(text) != art.pop("text_sha256", None):
            print(f"{path}: {art['id']}: not in the corpus, or its text changed")
            return 1
        art["text"] = text
        rec["article"] = art
        lines.append(json.dumps(rec, ensure_ascii=False))
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} gold articles written to {out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=("strip", "join"))
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if args.command == "strip":
        return strip(args.paths, args.out)
    return join(args.paths[0], args.out)


if __name__ == "__main__":
    sys.exit(main())
