"""The independent geocoding sentence set (tests/data/geo_sentences.tsv) and its floor.

The file is checked for shape first (header, ids, categories, per-category sizes,
coordinates inside the region, Arabic text), then the full extractor is scored
on it with benchmarks/geocode.py: the share of sentences geocoded within 10 km
and the share with the expected geo_precision must stay at or above their floors.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "geo_sentences.tsv"
BENCHMARK = REPO / "benchmarks" / "geocode.py"

MINIMUM_PER_CATEGORY = {
    "spelling": 25,
    "clitic": 20,
    "shared_name": 25,
    "countryside": 25,
    "route_vs_site": 30,
    "admin_only": 20,
    "neighbourhood_facility": 15,
}
OUTSIDE_SYRIA_IRAQ_MINIMUM = 10
WITHIN_10_KM_FLOOR = 0.95
PRECISION_FLOOR = 0.90
ARABIC = re.compile(r"[\u0600-\u06FF]")


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("geocode_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


geocode = _load_benchmark()


@pytest.fixture(scope="module")
def rows():
    return geocode.load_sentences(str(DATA))


@pytest.fixture(scope="module")
def report(rows):
    return geocode.score_sentences(rows)


def test_header_is_the_documented_one():
    header = DATA.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header == ["id", "category", "sentence", "published", "location", "country_code", "lat", "lon",
                      "geo_precision", "note"]


def test_ids_are_unique_and_numbered(rows):
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"g\d{3}", i) for i in ids), [i for i in ids if not re.fullmatch(r"g\d{3}", i)]


def test_categories_are_known_and_large_enough(rows):
    counts: dict[str, int] = {}
    for row in rows:
        assert row["category"] in MINIMUM_PER_CATEGORY, (row["id"], row["category"])
        counts[row["category"]] = counts.get(row["category"], 0) + 1
    assert len(rows) >= 170
    for name, minimum in MINIMUM_PER_CATEGORY.items():
        assert counts.get(name, 0) >= minimum, (name, counts.get(name, 0))


def test_some_sentences_are_outside_syria_and_iraq(rows):
    outside = [row for row in rows if row["country_code"] not in ("SY", "IQ")]
    assert len(outside) >= OUTSIDE_SYRIA_IRAQ_MINIMUM


def test_expected_points_lie_in_the_region(rows):
    for row in rows:
        assert 10 <= row["lat"] <= 40 and 9 <= row["lon"] <= 50, (row["id"], row["lat"], row["lon"])


def test_precision_is_one_two_or_three(rows):
    assert {row["geo_precision"] for row in rows} <= {1, 2, 3}


def test_every_sentence_is_arabic_and_one_line(rows):
    for row in rows:
        assert ARABIC.search(row["sentence"]), row["id"]
        assert "\n" not in row["sentence"] and "\t" not in row["sentence"], row["id"]


def test_malformed_row_names_file_and_line(tmp_path):
    from marsad.errors import GoldFileError

    bad = tmp_path / "bad.tsv"
    header = "\t".join(geocode.COLUMNS)
    good = "g001\tspelling\tقتل مدني في الرقه.\t2020-01-01\tRaqqa\tSY\t35.9528\t39.0079\t1\tnote"
    bad.write_text(f"{header}\n{good}\ng002\tspelling\tنص\t2020-01-01\tRaqqa\tSY\tnorth\t39.0\t1\tnote\n",
                   encoding="utf-8")
    with pytest.raises(GoldFileError) as caught:
        geocode.load_sentences(str(bad))
    assert caught.value.where == f"{bad}:3"


def test_share_within_10_km_meets_the_floor(report):
    assert report["within_km"] >= WITHIN_10_KM_FLOOR, report["within_km"]


def test_share_with_expected_precision_meets_the_floor(report):
    assert report["precision_share"] >= PRECISION_FLOOR, report["precision_share"]


def test_held_out_set_keeps_its_first_blind_score():
    """tests/data/geo_sentences_heldout.tsv was written after the rules were built and scored
    blind once (85.0 % within 10 km, 86.2 % precision); this floor keeps that from eroding."""
    path = Path(__file__).parent / "data" / "geo_sentences_heldout.tsv"
    if not path.exists():
        pytest.skip("no held-out set")
    bench = _load_benchmark()
    result = bench.score_sentences(bench.load_sentences(path))
    assert result["within_km"] >= 0.85, result["within_km"]
    assert result["precision_share"] >= 0.85, result["precision_share"]
