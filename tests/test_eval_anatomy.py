"""eval/anatomy.py names what keeps an unpaired record from its nearest counterpart."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _anatomy():
    spec = importlib.util.spec_from_file_location("anatomy", ROOT / "eval" / "anatomy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold(tmp_path: Path, events: list[dict]) -> Path:
    record = {"article": {"id": "t-1", "text": "قتل ثلاثة مدنيين اليوم بغارة جوية على مدينة أريحا.",
                          "published": "2019-03-08", "language": "ar"},
              "events": events}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _event(lat: float, lon: float, day: str = "2019-03-08", etype: str = "Explosions/Remote violence") -> dict:
    return {"event_type": etype, "sub_event_type": "Air/drone strike",
            "date": {"start": day, "end": day},
            "location": {"country": "Syria", "names": ["X"], "lat": lat, "lon": lon, "tolerance_km": 10},
            "fatalities": {"best": 3, "min": 3, "max": 3}, "actors": [["Military Forces of Syria"], ["Civilians"]]}


def test_a_prediction_at_the_wrong_place_is_named_a_place_error(tmp_path):
    fp, fn, lines = _anatomy().anatomy(str(_gold(tmp_path, [_event(36.0, 37.0)])))  # 50+ km from Ariha
    assert fp == {"place": 1} and fn == {"place": 1}, lines


def test_a_prediction_with_the_wrong_day_and_a_paired_one(tmp_path):
    fp, fn, _ = _anatomy().anatomy(str(_gold(tmp_path, [_event(35.8129, 36.6103, day="2019-03-01")])))
    assert fp == {"date": 1} and fn == {"date": 1}
    fp, fn, _ = _anatomy().anatomy(str(_gold(tmp_path, [_event(35.8129, 36.6103)])))
    assert not fp and not fn


def test_an_article_with_no_gold_event(tmp_path):
    fp, fn, _ = _anatomy().anatomy(str(_gold(tmp_path, [])))
    assert fp == {"no gold event": 1} and not fn
