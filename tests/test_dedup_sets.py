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


def test_one_report_compared_with_many_stored_ones_matches_as_each_pair_does():
    """dedup.Report works out the new report's side once; comparing it with stored reports one
    after the other (as the writer does with a town's candidates) gives what ``match`` gives for
    each pair alone: nothing of one comparison leaks into the next."""
    import random

    from marsad.store.dedup import Report, match, shingles

    rng = random.Random(19)
    words = "اشتباكات قصف مدفعي على بلدة في ريف ادلب قتلى جرحى هجوم مسلحين مجهولين الجيش".split()
    actors = [None, "Unidentified Armed Group", "Military Forces of Syria", "HTS", "Civilians"]
    kinds = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"]

    def report():
        day = f"2024-05-{rng.randint(1, 6):02d}"
        return {"event_type": rng.choice(kinds), "event_date": day, "event_date_start": day,
                "event_date_end": day if rng.random() < 0.8 else f"2024-05-{rng.randint(7, 9):02d}",
                "country": "Syria", "admin1": rng.choice(["Idlib", "Aleppo"]),
                "geo_precision": rng.choice([1, 1, 2, 3]), "latitude": 35.9 + rng.uniform(0, 0.2),
                "longitude": 36.6 + rng.uniform(0, 0.2), "actor1": rng.choice(actors), "actor2": rng.choice(actors),
                "assoc_actor_1": rng.choice([[], ["HTS"]])}, " ".join(rng.sample(words, 8))

    found = 0
    for _ in range(40):
        new, text = report()
        one = Report(new, shingles(text))
        for _ in range(30):
            old, old_text = report()
            expected = match(new, old, shingles(text), shingles(old_text))
            assert one.match(old, lambda: shingles(old_text)) == expected
            found += expected is not None
    assert found > 20  # the pairs reach every rule, matches included
