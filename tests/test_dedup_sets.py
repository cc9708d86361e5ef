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


def test_integer_shingles_overlap_exactly_as_four_letter_shingles():
    """The writer's 4-grams are packed integers; their Jaccard overlap is that of the strings."""
    import re

    from marsad.arabic.normalise import normalise
    from marsad.store.dedup import jaccard, shingles

    def grams(text):
        words = " ".join(re.findall(r"\w+", normalise(text).text))
        return frozenset(words[i:i + 4] for i in range(len(words) - 3))

    a = "قُتل ثلاثة مدنيين في قصف مدفعي على بلدة كفرنبل جنوب إدلب صباح اليوم"
    b = "مقتل 3 مدنيين بقصف لقوات النظام على كفرنبل في ريف إدلب الجنوبي"
    for x, y in ((a, b), (a, a), (b, "قصف"), ("", a)):
        assert len(shingles(x)) == len(grams(x))
        assert jaccard(shingles(x), shingles(y)) == jaccard(grams(x), grams(y))
    assert 0 < jaccard(shingles(a), shingles(b)) < 1
