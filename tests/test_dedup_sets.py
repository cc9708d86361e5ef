"""Quality floor for cross-source merging on the bundled multi-source samples
(benchmarks/dedup.py): the development sample and the held-out one (written after the rules,
first blind score P 0.875, R 0.778)."""
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_dedup", REPO / "benchmarks" / "dedup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("sample", ["multisource", "multisource-heldout"])
def test_pairwise_merging_precision_and_recall_stay_above_0_9(sample):
    result = _bench().score(str(REPO / "examples" / f"{sample}.jsonl"), str(REPO / "examples" / f"{sample}.gold.tsv"))
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9, (result["wrong"], result["missed"])
