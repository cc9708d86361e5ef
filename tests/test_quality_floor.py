"""Quality floors on the gold sets in ../shared (skipped when ../shared is absent).

As trafilatura does: a gold set, the scorer, and a floor that CI enforces, so quality
can only go up. The reference article must score perfectly in both of its copies
(dated and undated); the development set must stay at or above its current floor.
"""
from pathlib import Path

import pytest

from marsad.evaluate import evaluate_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REFERENCE = SHARED / "fixtures" / "hasakah-prison-attack.gold.jsonl"
DEV = SHARED / "eval-dev" / "dev.gold.jsonl"

pytestmark = pytest.mark.confidence_floor  # scored as users get the records


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/fixtures is not present")
def test_reference_article_scores_perfectly_dated_and_undated():
    report = evaluate_file(REFERENCE)
    assert report["articles"] == 2
    assert report["precision"] == 1.0 and report["recall"] == 1.0
    for name, field in report["fields"].items():
        if field["scored"]:
            assert field["right"] == field["scored"], name
    assert report["forbidden_hits"] == 0
    assert report["evidence_offset_errors"] == 0


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval-dev is not present")
def test_development_set_stays_above_its_floor():
    report = evaluate_file(DEV)
    assert report["f1"] >= 0.80, report["f1"]
    assert report["forbidden_hits"] == 0
    assert report["evidence_offset_errors"] == 0
    assert report["fields"]["sub_event_type"]["share"] >= 0.95
    assert report["fields"]["date"]["share"] >= 0.95
    assert report["fields"]["fatalities"]["share"] >= 0.90
