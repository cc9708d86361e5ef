"""eval/calibrate.py, the fit of the record-confidence model: on examples whose label follows one
trait, the fit gives that trait the largest weight and the right sign; the leave-one-set-out table
scores held-out sets only; the model file it writes loads and scores as the fit does."""
import importlib.util
import random
import sys
from pathlib import Path

import numpy as np
import pytest

from marsad import kb
from marsad.stages import confidence

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def calibrate():
    spec = importlib.util.spec_from_file_location("calibrate", REPO / "eval" / "calibrate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["calibrate"] = module
    spec.loader.exec_module(module)
    return module


def _rows(n_sets: int = 4, per_set: int = 60, seed: int = 7):
    """(set, kind, traits, label): the label is 1 when trait 3 (same_day) is 1, with 10 % noise."""
    rng = random.Random(seed)
    rows = []
    for s in range(n_sets):
        for _ in range(per_set):
            traits = [rng.random() for _ in confidence.TRAITS]
            traits[3] = float(rng.random() < 0.5)
            label = traits[3] if rng.random() > 0.1 else 1.0 - traits[3]
            rows.append((f"set{s}", "blind" if s % 2 else "present", traits, label))
    return rows


def test_the_fit_finds_the_trait_the_labels_follow(calibrate):
    rows = _rows()
    mean, spread, w, b = calibrate.fit(np.array([r[2] for r in rows]), np.array([r[3] for r in rows]))
    assert int(np.argmax(np.abs(w))) == 3 and w[3] > 0
    p = calibrate.probabilities((mean, spread, w, b), np.array([r[2] for r in rows]))
    assert ((p >= 0.5) == (np.array([r[3] for r in rows]) == 1)).mean() > 0.8


def test_the_table_scores_each_set_by_a_model_fitted_without_it(calibrate):
    rows = _rows()
    required = {f"set{s}": 30 for s in range(4)}
    table = calibrate.cross_validated(rows, required)
    tp, fp, fn = table[0.0]["blind"]
    assert tp + fn == 60  # two blind sets of 30 required events, each scored once
    # a floor removes mostly the records the labels call wrong
    tp5, fp5, _ = table[0.5]["blind"]
    assert fp5 < fp / 2 and tp5 > tp * 0.7


def test_the_model_file_written_loads_and_scores_as_the_fit(calibrate, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("confidence_reasons.tsv",):
        (data / name).write_bytes((kb.DATA_DIR / name).read_bytes())
    monkeypatch.setattr(kb, "DATA_DIR", data)
    kb.load_table.cache_clear()
    confidence.load_model.cache_clear()
    try:
        rows = _rows()
        x = np.array([r[2] for r in rows])
        model = calibrate.fit(x, np.array([r[3] for r in rows]))
        calibrate.write_model(model, 0.4, rows)
        loaded = confidence.load_model()
        assert loaded.threshold == 0.4
        expected = calibrate.probabilities(model, x[:5])
        assert [round(loaded.probability(list(v)), 4) for v in x[:5]] == [round(float(q), 4) for q in expected]
    finally:
        kb.load_table.cache_clear()
        confidence.load_model.cache_clear()
