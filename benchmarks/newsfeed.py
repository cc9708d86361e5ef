"""Real news as the benchmarks read it: a JSON Lines corpus such as the ANT sample.

Imports nothing from ``marsad``, so a benchmark that runs two checkouts side by side
(``compare.py``) builds each side's ``Article`` from the same records.
"""
from __future__ import annotations

import json
from datetime import date


def news_records(path: str, n: int) -> list[dict]:
    """The first ``n`` records of a JSON Lines file as ``Article`` keyword arguments: the text
    (with the title before it when the text does not open with it), id, publication date
    (``date_iso``, else ``published`` or ``date``; None when absent or unreadable), source, url."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            rec = json.loads(line)
            pub = rec.get("date_iso") or rec.get("published") or rec.get("date")
            try:
                published = date.fromisoformat(str(pub)[:10]) if pub else None
            except ValueError:
                published = None
            text = rec.get("text") or ""
            if rec.get("title") and not text.startswith(rec["title"]):
                text = rec["title"] + "\n\n" + text
            out.append({"text": text, "id": rec.get("id"), "published": published,
                        "source": rec.get("source"), "url": rec.get("url")})
    return out
