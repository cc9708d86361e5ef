"""Check gold files without running the extractor: format (event-schema.md section 4),
taxonomy strings, evidence strings that really occur in the text, dates and coordinates.

    python eval/check_gold.py eval/second/*.jsonl

Prints one line per problem as ``file:line: message`` and a summary; exits 1 on problems.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

TAXONOMY = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


def problems_of(record: dict) -> list[str]:
    out = []
    text = record["article"]["text"]
    if not record["article"].get("id"):
        out.append("article.id is missing")
    if not (record["article"].get("url") or record["article"].get("source")):
        out.append("article needs its url")
    for k, ev in enumerate(record["events"]):
        sub = ev.get("sub_event_type")
        if ev["event_type"] not in TAXONOMY:
            out.append(f"events[{k}]: unknown event_type {ev['event_type']!r}")
        elif sub is not None and sub not in TAXONOMY[ev["event_type"]]:
            out.append(f"events[{k}]: {sub!r} is not a sub-type of {ev['event_type']!r}")
        for item in ev.get("evidence") or []:
            s = item if isinstance(item, str) else item["text"]
            if s not in text:
                out.append(f"events[{k}]: evidence {s!r} is not in the text")
        loc = ev["location"]
        lat, lon = loc.get("lat"), loc.get("lon")
        if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            out.append(f"events[{k}]: impossible coordinates")
        d = ev.get("date")
        if d and d.get("start") and d.get("end") and d["start"] > d["end"]:
            out.append(f"events[{k}]: date start after end")
        pub = record["article"].get("published")
        if d and pub and d.get("start") and d["start"] > pub:
            out.append(f"events[{k}]: event starts after publication")
        fat = ev.get("fatalities")
        if fat and not (fat.get("min", fat.get("best")) <= fat.get("best", fat.get("min")) <= fat.get("max", fat.get("best"))):
            out.append(f"events[{k}]: fatalities best outside [min, max]")
    return out


def main(paths: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from marsad.evaluate import load_gold  # format checks only; nothing is extracted
    from marsad.errors import MarsadError
    bad = 0
    ids: Counter = Counter()
    articles = required = optional = negatives = 0
    for path in paths:
        try:
            gold = load_gold(path)
        except MarsadError as exc:
            print(f"{exc}")
            bad += 1
            continue
        for lineno, record in enumerate(gold, start=1):
            ids[record["article"].get("id")] += 1
            articles += 1
            required += sum(not e.get("optional") for e in record["events"])
            optional += sum(bool(e.get("optional")) for e in record["events"])
            negatives += not record["events"]
            for p in problems_of(record):
                print(f"{path}:{lineno}: {p}")
                bad += 1
    for i, n in ids.items():
        if n > 1:
            print(f"article id {i!r} appears {n} times")
            bad += 1
    print(f"articles {articles}  required events {required}  optional {optional}  negatives {negatives}"
          f"  problems {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
