"""Matching compares a stored report's text only while that report can still beat the best match
found (``dedup.Report.fit``'s bound, ``Store._best_match``): the same event is chosen as when
every candidate's text is compared, the first of equal scores included, on SQLite and PostgreSQL."""
from __future__ import annotations

import io
import json
import random
from pathlib import Path

from marsad.export import write_jsonl
from marsad.ingest import ingest
from marsad.readers import read_inputs
from marsad.store import dedup, open_store

REPO = Path(__file__).resolve().parents[1]

WORDS = "اشتباكات قصف مدفعي على بلدة في ريف ادلب قتلى جرحى هجوم مسلحين مجهولين الجيش".split()
ACTORS = [None, "Unidentified Armed Group", "Military Forces of Syria", "HTS", "Civilians"]
KINDS = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"]


def _report(rng: random.Random) -> tuple[dict, str]:
    day = f"2024-05-{rng.randint(1, 4):02d}"
    return {"event_type": rng.choice(KINDS[:3] if rng.random() < 0.9 else KINDS), "event_date": day,
            "event_date_start": day,
            "event_date_end": day if rng.random() < 0.8 else f"2024-05-{rng.randint(4, 6):02d}",
            "country": "Syria", "admin1": rng.choice(["Idlib", "Idlib", "Aleppo"]),
            "geo_precision": rng.choice([1, 1, 1, 2, 3]), "latitude": 35.9 + rng.choice([0, 0, 0.01, 0.1]),
            "longitude": 36.6 + rng.choice([0, 0, 0.01, 0.1]), "actor1": rng.choice(ACTORS),
            "actor2": rng.choice(ACTORS), "assoc_actor_1": rng.choice([[], ["HTS"]])}, \
        " ".join(rng.sample(WORDS, rng.randint(5, 12)))


def test_the_bound_is_never_below_the_score_and_fit_then_finish_is_match():
    """``fit`` fails exactly when ``match`` fails before the text; when both pass, ``finish`` gives
    ``match``'s answer and its score is at most the bound (whatever the words)."""
    rng = random.Random(7)
    matched = tight = 0
    for _ in range(3000):
        (new, text), (old, old_text) = _report(rng), _report(rng)
        if rng.random() < 0.3:
            old_text = text  # words overlapping wholly: the score reaches the bound
        report = dedup.Report(new, dedup.shingles(text))
        expected = dedup.match(new, old, dedup.shingles(text), dedup.shingles(old_text))
        fit = report.fit(old)
        assert fit == report.fit(old, dedup.stored_side(old))
        if fit is None:
            assert expected is None
            continue
        assert report.finish(fit, lambda: dedup.shingles(old_text)) == expected
        if expected is not None:
            matched += 1
            assert expected.score <= fit.bound
            tight += expected.score == fit.bound
    assert matched > 300 and tight > 100


def _exhaustive(store, record, new_sh, taken, rows):
    """The writer's matching as it was: every candidate source compared in full, in order, the
    first of the highest score kept."""
    best = None
    fits = {}
    for ev_pk, country, admin1, precision, lat, lon, src_id, fields, words, src_record, src_text in rows:
        if ev_pk not in fits:
            fits[ev_pk] = ev_pk not in taken and dedup.place_match(record, {
                "country": country, "admin1": admin1, "geo_precision": precision, "latitude": lat,
                "longitude": lon}) is not None
        if not fits[ev_pk]:
            continue
        old = json.loads(fields) if fields is not None else dedup.slim(json.loads(src_record))
        sh = dedup.word_shingles(words) if words is not None else dedup.shingles(src_text)
        found = dedup.match(record, old, new_sh, sh)
        if found is not None and (best is None or found.score > best[1].score):
            best = (ev_pk, found)
    return best


def test_best_match_is_the_exhaustive_one_and_compares_fewer_texts(tmp_path, monkeypatch):
    """On random candidate rows (many of one place and day, so that scores tie), the bounded
    matching picks the event and the rule that comparing every source's text picks, and makes
    the shingles of fewer stored sources."""
    store = open_store(f"sqlite:///{tmp_path}/m.db")
    made = {"n": 0}
    word_shingles = dedup.word_shingles

    def counted(words):
        made["n"] += 1
        return word_shingles(words)

    monkeypatch.setattr(dedup, "word_shingles", counted)
    rng = random.Random(19)
    src = 0
    compared = bounded_texts = 0
    decided = 0
    for _ in range(300):
        new, text = _report(rng)
        rows = []
        for ev in range(rng.randint(1, 8)):
            where = _report(rng)[0]
            for _ in range(rng.randint(1, 6)):
                src += 1
                old, old_text = _report(rng)
                if rng.random() < 0.4:
                    old_text = text if rng.random() < 0.5 else " ".join(text.split()[:-1])
                rows.append((ev + 1, where["country"], where["admin1"], where["geo_precision"], where["latitude"],
                             where["longitude"], src, json.dumps(dedup.slim(old), ensure_ascii=False),
                             dedup.match_words(old_text), None, None))
        taken = {1} if rng.random() < 0.1 else set()
        store._sources.clear()
        new_sh = word_shingles(dedup.match_words(text))
        made["n"] = 0
        expected = _exhaustive(store, new, new_sh, taken, rows)
        compared += made["n"]
        made["n"] = 0
        got = store._best_match(new, new_sh, taken, rows)
        bounded_texts += made["n"]
        assert got == expected
        decided += got is not None
    store.close()
    assert decided > 100
    assert bounded_texts < compared / 2, (bounded_texts, compared)


def test_the_first_of_equal_scores_wins_whatever_the_bounds(tmp_path, monkeypatch):
    """The bounded matching takes the sources highest bound first, but answers as the exhaustive
    one does: the highest score, and of equal scores the source first in the rows (a source with a
    lower bound before one with a higher bound and the same score wins). Checked with scores and
    bounds drawn at random from a few values, so that ties and crossings are common."""
    store = open_store(f"sqlite:///{tmp_path}/m.db")
    rng = random.Random(3)
    table: dict[int, tuple[float, float | None]] = {}  # source key -> (bound, score or None)

    def fit(self, old, side=None):
        bound, _ = table[old["key"]]
        return None if bound is None else dedup.Fit(bound, 0.0, 0, True, 0, 0.0, 1, {old["key"]})

    def finish(self, found, shingles):
        if found is None:
            return None
        score = table[next(iter(found.shared))][1]
        return None if score is None else dedup.Match(score, f"source {next(iter(found.shared))}")

    monkeypatch.setattr(dedup.Report, "fit", fit)
    monkeypatch.setattr(dedup.Report, "finish", finish)
    new = {"country": "Syria", "admin1": "Idlib", "geo_precision": 3, "latitude": None, "longitude": None}
    crossed = 0
    for _ in range(2000):
        rows, table = [], {}
        for key in range(rng.randint(1, 10)):
            bound = rng.choice([None, 0.7, 0.8, 0.9, 1.0])
            score = None if bound is None or rng.random() < 0.2 else rng.choice(
                [s for s in (0.6, 0.7, 0.8, 0.9, 1.0) if s <= bound])
            table[key] = (bound, score)
            rows.append((key // 3, "Syria", "Idlib", 3, None, None, key, json.dumps({"key": key}), "w", None, None))
        scored = [(score, -key) for key, (_, score) in table.items() if score is not None]
        expected = None
        if scored:
            score, minus_key = max(scored)
            expected = (-minus_key // 3, dedup.Match(score, f"source {-minus_key}"))
            crossed += any(s == score and table[k][0] > table[-minus_key][0] and k > -minus_key
                           for k, (_, s) in table.items())
        store._sources.clear()
        assert store._best_match(new, frozenset(), set(), rows) == expected
    store.close()
    assert crossed > 50


def _generated(path: Path, n: int, seed: int) -> str:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "benchmarks" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.generated_rows(n, seed)
    for i, row in enumerate(rows):  # published over four days: many reports of one town and day
        row["published"] = f"2021-03-{1 + i % 4:02d}{row['published'][10:]}"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _export(store) -> str:
    out = io.StringIO()
    write_jsonl(store.events(), out)
    return out.getvalue()


def test_the_writer_groups_a_dense_corpus_as_with_every_text_compared(db_url, tmp_path, monkeypatch):
    """A dense generated corpus (36 towns, few days: many candidates of one place and day) written
    with the bounded matching (on each backend) and with the exhaustive one (on SQLite) gives the
    same events, byte for byte."""
    from marsad.store import Store

    corpus = _generated(tmp_path / "dense.jsonl", 300, 5)
    store = open_store(db_url)
    summary = ingest(store, read_inputs([corpus]), batch_size=40)
    bounded = _export(store)
    store.close()
    monkeypatch.setattr(Store, "_best_match", _exhaustive)
    store = open_store(f"sqlite:///{tmp_path}/exhaustive.db")
    again = ingest(store, read_inputs([corpus]), batch_size=40)
    exhaustive = _export(store)
    store.close()
    assert summary.events_merged > 30 and again.events_merged == summary.events_merged
    assert _masked(bounded) == _masked(exhaustive)


def _masked(text: str) -> str:
    """The export without the time of ingest."""
    import re

    return re.sub(r'"timestamp": ?\d+', "", text)
