"""A runner for store tests: it hands the store the records each article was given, with no
extraction (``ingest(store, articles, runner=GivenRunner(records))``)."""
from __future__ import annotations


class GivenRunner:
    """A runner that hands the store the records each article was given (no extraction)."""

    local_places = None

    def __init__(self, records: dict[str, list[dict]]):
        self.records = records

    def map(self, batches):
        from marsad.model import Event, Extracted
        for batch in batches:
            yield batch, [Extracted([Event(**r) for r in self.records[a.article_id]]) for a in batch]
