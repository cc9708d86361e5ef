"""Show what each stage found in one article, sentence by sentence.

    python scripts/explain.py GOLD.jsonl ARTICLE_ID      (an article of a gold file)
    python scripts/explain.py --text "..." [--published YYYY-MM-DD]

For each sentence: its clauses (| between them, with the opener), trigger words and their
status, places (role, resolved place, relation), actors, dates, casualties; then the frames,
the groups and the records.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from marsad.model import Article  # noqa: E402
from marsad.pipeline import analyse  # noqa: E402


def show(article: Article) -> None:
    a = analyse(article)
    doc = a.doc
    print(f"published {a.published}  done-early {a.done and not a.events}")
    if a.done and not a.hits:
        print("(no trigger: nothing more was done)")
        return
    clause_starts = {c.tok_start: c for c in a.clauses}
    for sent in doc.sentences:
        words = []
        for t in range(sent.tok_start, sent.tok_end):
            c = clause_starts.get(t)
            if c is not None and t != sent.tok_start:
                words.append(f"‖{c.kind}/u{c.unit}‖")
            words.append(doc.raw[doc.span(doc.tokens[t].start, doc.tokens[t].end).start:
                                 doc.span(doc.tokens[t].start, doc.tokens[t].end).end])
        first = clause_starts.get(sent.tok_start)
        print(f"\n[{sent.index}{' H' if sent.is_heading else ''} u{first.unit if first else '?'}] " + " ".join(words))
        inside = lambda tok: sent.tok_start <= tok < sent.tok_end  # noqa: E731
        for h in a.hits:
            if inside(h.mention.tok_start):
                print(f"   trigger {h.mention.text!r} {h.mention.sub_event_type} {h.mention.strength} {h.status}"
                      f" {h.reason}")
        for pm in a.places.mentions:
            if inside(pm.tok_start):
                place = f"{pm.place.name} ({pm.place.kind}, {pm.place.admin1})" if pm.place else "-"
                print(f"   place {pm.text!r} role={pm.role} rel={pm.relation} -> {place} {pm.reason}")
        for x in a.actors:
            if inside(x.tok_start):
                print(f"   actor {x.text!r} -> {x.actor}")
        for d in a.dates:
            if inside(d.tok_start):
                print(f"   date {d.text!r} {d.key} {d.date_start}..{d.date_end} bg={d.background}")
        for c in a.casualties:
            if inside(c.tok_start):
                print(f"   casualty {c.kind} {c.count} [{c.low},{c.high}] {c.victim_class} sub={c.subgroup} {c.text!r}")
    print("\nframes:")
    for f in a.frames:
        print(f"   s{f.sentence} {f.hit.mention.text!r} {f.subtype} @ {f.where.place.name} p{f.where.precision}"
              f" {f.when.start} join_only={f.join_only}")
    print("records:")
    for e in a.events:
        print(f"   {e.sub_event_type} @ {e.location} ({e.admin1}) p{e.geo_precision} {e.event_date} "
              f"deaths {e.fatalities} [{e.fatalities_low},{e.fatalities_high}] {e.actor1} vs {e.actor2}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?")
    ap.add_argument("article_id", nargs="?")
    ap.add_argument("--text")
    ap.add_argument("--published")
    args = ap.parse_args()
    if args.text:
        show(Article(text=args.text, published=date.fromisoformat(args.published) if args.published else None))
        return 0
    for line in open(args.gold, encoding="utf-8"):
        rec = json.loads(line)
        if rec["article"]["id"] == args.article_id:
            art = rec["article"]
            pub = art.get("published")
            show(Article(text=art["text"], id=art["id"], published=date.fromisoformat(pub) if pub else None))
            print("\ngold:")
            for e in rec["events"]:
                loc = e["location"]
                print(f"   {'(opt) ' if e.get('optional') else ''}{e.get('sub_event_type')} @ {loc.get('names')}"
                      f" {e.get('date')} {e.get('fatalities')} {e.get('actors')}")
            print("forbidden:", json.dumps(rec.get("forbidden"), ensure_ascii=False))
            print("notes:", rec.get("notes"))
            return 0
    print("no such article")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
