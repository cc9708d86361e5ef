"""Tests for marsad.evaluate: hand-made gold and predictions, no extractor."""
from __future__ import annotations

import copy
import itertools
import json
import random

import pytest

from marsad.errors import GoldFileError
from marsad.evaluate import (
    _max_weight_assignment,
    evaluate_file,
    format_report,
    load_gold,
    score,
)
from marsad.model import Article, Event

TEXT = ("قالت قوات سوريا الديمقراطية إن الهجوم على سجن غويران أدى إلى مقتل أكثر من مئة وخمسة وسبعين "
        "عنصراً من تنظيم داعش.")
DEATHS = "مقتل أكثر من مئة وخمسة وسبعين"
PLACE = "سجن غويران"

GHWAYRAN = (36.48, 40.75)
# About 30 km east of Ghwayran, outside its 10 km tolerance.
FAR_EAST = (36.48, 41.087)


def gold_event(**overrides) -> dict:
    event = {
        "event_type": "Battles", "sub_event_type": "Armed clash",
        "actors": [["Islamic State"], ["Syrian Democratic Forces", "Asayish"]],
        "location": {"country": "Syria", "admin1": "Al-Hasakah", "names": ["Ghwayran", "Al-Hasakah"],
                     "lat": GHWAYRAN[0], "lon": GHWAYRAN[1], "tolerance_km": 10, "geo_precision": [1, 2]},
        "date": {"start": "2022-01-20", "end": "2022-01-23"},
        "fatalities": {"best": 175, "min": 175, "max": 180},
        "evidence": [DEATHS],
        "attribution": "Syrian Democratic Forces",
        "optional": False,
    }
    event.update(overrides)
    return event


def span(fragment: str, text: str = TEXT) -> dict:
    start = text.index(fragment)
    return {"start": start, "end": start + len(fragment), "text": fragment}


def prediction(**overrides) -> dict:
    """A record as Event.to_record() gives it, right for gold_event()."""
    record = Event(
        event_id="e1", event_type="Battles", sub_event_type="Armed clash",
        event_date="2022-01-21", actor1="Syrian Democratic Forces", actor2="Islamic State",
        assoc_actor_1=["Asayish"], country="Syria", admin1="Al-Hasakah", location="Ghwayran",
        latitude=GHWAYRAN[0], longitude=GHWAYRAN[1], geo_precision=1, fatalities=175,
        attribution="Syrian Democratic Forces",
        evidence={"fatalities": [span(DEATHS)], "location": [span(PLACE)]},
    ).to_record()
    record.update(overrides)
    return record


def article(events: list[dict], forbidden: list[dict] | None = None, id: str = "a1", text: str = TEXT) -> dict:
    return {"article": {"id": id, "text": text, "published": "2022-01-23", "source": "test", "language": "ar"},
            "events": events, "forbidden": forbidden or []}


def field(report: dict, name: str) -> dict:
    return report["fields"][name]


# --------------------------------------------------------------------------- event counts

def test_perfect_prediction_scores_one_everywhere():
    report = score([article([gold_event()])], [[prediction()]])
    assert (report["tp"], report["fp"], report["fn"]) == (1, 0, 0)
    assert report["precision"] == report["recall"] == report["f1"] == 1.0
    for name, entry in report["fields"].items():
        assert entry["share"] == 1.0, name
    assert report["forbidden_hits"] == 0
    assert report["evidence_offset_errors"] == 0


def test_missing_required_event_lowers_recall_only():
    second = gold_event(location={"country": "Syria", "admin1": "Al-Hasakah", "names": ["Far East"],
                                  "lat": FAR_EAST[0], "lon": FAR_EAST[1], "tolerance_km": 10})
    report = score([article([gold_event(), second])], [[prediction()]])
    assert (report["tp"], report["fp"], report["fn"]) == (1, 0, 1)
    assert report["precision"] == 1.0
    assert report["recall"] == 0.5
    assert report["f1"] == pytest.approx(2 / 3)
    assert report["per_article"][0]["missed"] and "Far East" in report["per_article"][0]["missed"][0]


def test_prediction_paired_to_optional_gold_is_neither_tp_nor_fp():
    optional = gold_event(optional=True)
    report = score([article([optional])], [[prediction()]])
    assert (report["tp"], report["fp"], report["fn"]) == (0, 0, 0)
    assert report["optional_paired"] == 1
    assert report["precision"] == 1.0 and report["recall"] == 1.0
    # fields are scored on required pairs only
    assert all(entry["scored"] == 0 for entry in report["fields"].values())


def test_unpaired_optional_gold_is_not_a_miss():
    report = score([article([gold_event(), gold_event(optional=True, event_type="Protests")])], [[prediction()]])
    assert (report["tp"], report["fp"], report["fn"]) == (1, 0, 0)
    assert report["gold_required"] == 1 and report["gold_optional"] == 1


def test_required_gold_wins_over_optional_for_one_prediction():
    # both golds accept the prediction; the required one must get it
    events = [gold_event(optional=True), gold_event()]
    report = score([article(events)], [[prediction()]])
    assert (report["tp"], report["fp"], report["fn"]) == (1, 0, 0)
    assert report["per_article"][0]["pairs"] == [{"gold": 1, "predicted": 0, "optional": False}]


def test_prediction_outside_tolerance_is_fp_and_fn():
    far = prediction(latitude=FAR_EAST[0], longitude=FAR_EAST[1])
    report = score([article([gold_event()])], [[far]])
    assert (report["tp"], report["fp"], report["fn"]) == (0, 1, 1)
    assert report["precision"] == 0.0 and report["recall"] == 0.0 and report["f1"] == 0.0
    assert report["per_article"][0]["spurious"]


def test_coordinates_decide_even_when_the_name_agrees():
    far = prediction(latitude=FAR_EAST[0], longitude=FAR_EAST[1], location="Ghwayran")
    assert score([article([gold_event()])], [[far]])["tp"] == 0


def test_prediction_without_coordinates_matches_by_name_lightly_normalised():
    by_name = prediction(latitude=None, longitude=None, location="al hasakah")
    assert score([article([gold_event()])], [[by_name]])["tp"] == 1
    wrong_name = prediction(latitude=None, longitude=None, location="Qamishli")
    assert score([article([gold_event()])], [[wrong_name]])["tp"] == 0


def test_null_gold_date_needs_null_predicted_date():
    undated = gold_event(date=None)
    assert score([article([undated])], [[prediction(event_date=None)]])["tp"] == 1
    assert score([article([undated])], [[prediction(event_date="2022-01-21")]])["tp"] == 0
    # and a dated gold refuses a null date and a date outside the range
    assert score([article([gold_event()])], [[prediction(event_date=None)]])["tp"] == 0
    assert score([article([gold_event()])], [[prediction(event_date="2022-01-24")]])["tp"] == 0
    assert score([article([gold_event()])], [[prediction(event_date="2022-01-20")]])["tp"] == 1


def test_event_type_mismatch_is_not_paired():
    strike = prediction(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    report = score([article([gold_event()])], [[strike]])
    assert (report["tp"], report["fp"], report["fn"]) == (0, 1, 1)


def test_sub_event_type_mismatch_pairs_but_scores_wrong():
    report = score([article([gold_event()])], [[prediction(sub_event_type="Government regains territory")]])
    assert report["tp"] == 1
    assert field(report, "sub_event_type") == {"right": 0, "scored": 1, "share": 0.0}
    assert any(e.startswith("sub_event_type") for e in report["per_article"][0]["field_errors"])


def test_best_pairing_beats_greedy_with_crossing_tolerances():
    # gold A (tolerance 25 km) accepts both predictions; gold B (10 km) only the far one.
    # Greedy pairing of A with the nearest prediction would leave B unpaired.
    gold_a = gold_event(location={"names": ["A"], "lat": 36.48, "lon": 40.75, "tolerance_km": 25})
    gold_b = gold_event(location={"names": ["B"], "lat": 36.48, "lon": 41.0, "tolerance_km": 10})
    near_a = prediction(latitude=36.48, longitude=40.75, location="x")
    between = prediction(latitude=36.48, longitude=40.95, location="y")  # ~18 km from A, ~4.5 km from B
    for preds in ([near_a, between], [between, near_a]):
        report = score([article([gold_a, gold_b])], [preds])
        assert (report["tp"], report["fp"], report["fn"]) == (2, 0, 0)


def test_pairing_tie_break_prefers_field_agreement():
    # two golds at the same coordinates, told apart by their names and death tolls
    balyun = gold_event(location={"names": ["Balyun"], "lat": 35.6, "lon": 36.5, "tolerance_km": 25},
                        fatalities={"best": 9, "min": 9, "max": 9}, evidence=[])
    bara = gold_event(location={"names": ["Al-Bara"], "lat": 35.6, "lon": 36.5, "tolerance_km": 25},
                      fatalities={"best": 4, "min": 4, "max": 4}, evidence=[])
    preds = [prediction(location="Bara", latitude=35.6, longitude=36.5, fatalities=4),
             prediction(location="Balyun", latitude=35.6, longitude=36.5, fatalities=9)]
    report = score([article([balyun, bara])], [preds])
    assert {(p["gold"], p["predicted"]) for p in report["per_article"][0]["pairs"]} == {(0, 1), (1, 0)}
    assert field(report, "fatalities")["share"] == 1.0


def test_assignment_is_optimal_against_brute_force():
    rng = random.Random(7)
    for _ in range(200):
        rows, cols = rng.randint(0, 5), rng.randint(0, 5)
        weights = [[rng.choice([0, 0, 1, 5, 9, 40]) for _ in range(cols)] for _ in range(rows)]
        pairs = _max_weight_assignment(weights)
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        got = sum(weights[i][j] for i, j in pairs)
        best = 0
        small, large = (rows, cols) if rows <= cols else (cols, rows)
        for chosen in itertools.permutations(range(large), small):
            if rows <= cols:
                total = sum(weights[i][chosen[i]] for i in range(rows))
            else:
                total = sum(weights[chosen[j]][j] for j in range(cols))
            best = max(best, total)
        assert got == best


# --------------------------------------------------------------------------- actors

def test_actor_alternatives_match_either_name_in_either_order():
    gold = gold_event(actors=[["Military Forces of Syria|Military Forces of Russia"], ["Civilians"]])
    for a1, a2 in (("Military Forces of Russia", "Civilians"), ("Civilians", "Military Forces of Syria")):
        report = score([article([gold])], [[prediction(actor1=a1, actor2=a2, assoc_actor_1=[])]])
        assert field(report, "actors")["share"] == 1.0, (a1, a2)
    report = score([article([gold])], [[prediction(actor1="Islamic State", actor2="Civilians", assoc_actor_1=[])]])
    assert field(report, "actors")["share"] == 0.0


def test_actor_pair_needs_both_primaries():
    report = score([article([gold_event()])], [[prediction(actor2=None)]])
    assert field(report, "actors")["share"] == 0.0


def test_one_sided_gold_needs_exactly_one_actor():
    protest = gold_event(event_type="Protests", sub_event_type="Peaceful protest", actors=[["Protesters"]])
    base = dict(event_type="Protests", sub_event_type="Peaceful protest", assoc_actor_1=[])
    right_1 = prediction(actor1="Protesters", actor2=None, **base)
    right_2 = prediction(actor1=None, actor2="protesters", **base)
    wrong = prediction(actor1="Protesters", actor2="Military Forces of Syria", **base)
    for pred, share in ((right_1, 1.0), (right_2, 1.0), (wrong, 0.0)):
        report = score([article([protest])], [[pred]])
        assert field(report, "actors")["share"] == share, pred["actor2"]


def test_associated_actors_follow_the_matched_side():
    gold = gold_event(actors=[["Islamic State"], ["Syrian Democratic Forces", "Asayish",
                                                  "Global Coalition against Daesh|Military Forces of United States"]])
    right = prediction(actor1="Islamic State", actor2="Syrian Democratic Forces", assoc_actor_1=[],
                       assoc_actor_2=["Military Forces of United States", "Asayish"])
    assert field(score([article([gold])], [[right]]), "assoc_actors")["share"] == 1.0
    # the associates put beside the wrong primary
    wrong_side = prediction(actor1="Islamic State", actor2="Syrian Democratic Forces",
                            assoc_actor_1=["Asayish", "Global Coalition against Daesh"], assoc_actor_2=[])
    assert field(score([article([gold])], [[wrong_side]]), "assoc_actors")["share"] == 0.0
    missing_one = prediction(actor1="Syrian Democratic Forces", actor2="Islamic State", assoc_actor_1=["Asayish"])
    assert field(score([article([gold])], [[missing_one]]), "assoc_actors")["share"] == 0.0


def test_associated_actors_scored_only_when_someone_states_them():
    gold = gold_event(actors=[["Islamic State"], ["Syrian Democratic Forces"]])
    none = prediction(assoc_actor_1=[])
    assert field(score([article([gold])], [[none]]), "assoc_actors")["scored"] == 0
    extra = prediction(assoc_actor_1=["Asayish"])
    assert field(score([article([gold])], [[extra]]), "assoc_actors") == {"right": 0, "scored": 1, "share": 0.0}


# --------------------------------------------------------------------------- other fields

def test_fatalities_must_lie_in_range():
    gold = gold_event(evidence=[])
    cases = {175: 1.0, 180: 1.0, 174: 0.0, 181: 0.0, None: 0.0}
    for value, share in cases.items():
        report = score([article([gold])], [[prediction(fatalities=value)]])
        assert field(report, "fatalities")["share"] == share, value
    zero = gold_event(fatalities={"best": 0, "min": 0, "max": 0}, evidence=[])
    assert field(score([article([zero])], [[prediction(fatalities=0)]]), "fatalities")["share"] == 1.0
    assert field(score([article([zero])], [[prediction(fatalities=None)]]), "fatalities")["share"] == 0.0


def test_location_field_checks_country_and_admin1_lightly():
    ok = prediction(admin1="al-hasakah", country="syria")
    assert field(score([article([gold_event()])], [[ok]]), "location")["share"] == 1.0
    ok2 = prediction(admin1="Hasakah")
    assert field(score([article([gold_event()])], [[ok2]]), "location")["share"] == 1.0
    wrong = prediction(admin1="Deir ez-Zor")
    assert field(score([article([gold_event()])], [[wrong]]), "location")["share"] == 0.0


def test_geo_precision_must_be_allowed():
    assert field(score([article([gold_event()])], [[prediction(geo_precision=2)]]), "geo_precision")["share"] == 1.0
    assert field(score([article([gold_event()])], [[prediction(geo_precision=3)]]), "geo_precision")["share"] == 0.0
    gold = gold_event()
    del gold["location"]["geo_precision"]
    assert field(score([article([gold])], [[prediction(geo_precision=3)]]), "geo_precision")["scored"] == 0


def test_attribution_scored_when_gold_states_it():
    assert field(score([article([gold_event()])], [[prediction(attribution=None)]]), "attribution")["share"] == 0.0
    unstated = gold_event(attribution=None)
    assert field(score([article([unstated])], [[prediction()]]), "attribution")["scored"] == 0


def test_evidence_must_contain_each_gold_string():
    gold = gold_event(evidence=["مئة وخمسة وسبعين", {"field": "location", "text": "غويران"}])
    report = score([article([gold])], [[prediction()]])
    assert field(report, "evidence")["share"] == 1.0
    # the deaths string sits in the location span only: wrong field
    moved = prediction(evidence={"location": [span(PLACE), span(DEATHS)]})
    report = score([article([gold])], [[moved]])
    assert field(report, "evidence")["share"] == 0.0
    assert any("evidence" in e for e in report["per_article"][0]["field_errors"])
    unstated = gold_event(evidence=[])
    assert field(score([article([unstated])], [[prediction()]]), "evidence")["scored"] == 0


def test_evidence_offset_violations_are_counted_over_all_predictions():
    bad = span(DEATHS)
    bad = {**bad, "start": bad["start"] + 1}
    paired = prediction(evidence={"fatalities": [bad, span(DEATHS)]})
    unpaired = prediction(event_type="Protests", evidence={"actor1": [{"start": 0, "end": 4, "text": "nope"}],
                                                          "location": [{"start": -1, "end": 2, "text": "x"}]})
    report = score([article([gold_event()])], [[paired, unpaired]])
    assert report["evidence_offset_errors"] == 3
    assert len(report["per_article"][0]["evidence_offset_errors"]) == 3
    # the substring check uses the span text, which still holds the gold string
    assert field(report, "evidence")["share"] == 1.0


# --------------------------------------------------------------------------- forbidden

FORBIDDEN = [
    {"location_names": ["Ras al-Ain", "Tal Abyad"],
     "near": [{"label": "Ras al-Ain", "lat": 36.85, "lon": 40.071, "km": 15}],
     "countries": ["Iraq", "Turkey"]},
    {"fatalities": [200, 10000]},
]


def _hits(pred: dict) -> int:
    return score([article([gold_event()], FORBIDDEN)], [[pred]])["forbidden_hits"]


def test_forbidden_location_name():
    assert _hits(prediction(location="Ras Al Ain", latitude=None, longitude=None)) == 1


def test_forbidden_near_point():
    assert _hits(prediction(location="Some village", latitude=36.9, longitude=40.1)) == 1
    assert _hits(prediction(location="Some village", latitude=36.48, longitude=40.75)) == 0


def test_forbidden_country():
    assert _hits(prediction(country="Turkey")) == 1


def test_forbidden_fatalities():
    assert _hits(prediction(fatalities=200)) == 1
    assert _hits(prediction(fatalities=199)) == 0


def test_forbidden_rules_add_up_and_are_reported():
    pred = prediction(location="Ras al-Ain", latitude=36.85, longitude=40.071, country="Turkey", fatalities=10000)
    report = score([article([gold_event()], FORBIDDEN)], [[pred]])
    assert report["forbidden_hits"] == 4
    assert len(report["per_article"][0]["forbidden"]) == 4


def test_clean_prediction_has_no_forbidden_hits():
    assert _hits(prediction()) == 0


# --------------------------------------------------------------------------- negatives and totals

def test_negative_article_counts_every_prediction_as_false_positive():
    report = score([article([], id="neg")], [[prediction(), prediction(event_type="Protests")]])
    assert (report["tp"], report["fp"], report["fn"]) == (0, 2, 0)
    assert report["precision"] == 0.0
    assert report["recall"] == 1.0  # no required gold


def test_nothing_predicted_and_nothing_expected_is_perfect():
    report = score([article([], id="neg")], [[]])
    assert report["precision"] == report["recall"] == report["f1"] == 1.0


def test_micro_average_over_articles():
    gold = [article([gold_event()], id="a"), article([], id="b")]
    report = score(gold, [[prediction()], [prediction()]])
    assert (report["tp"], report["fp"], report["fn"]) == (1, 1, 0)
    assert report["precision"] == 0.5 and report["recall"] == 1.0
    assert [a["id"] for a in report["per_article"]] == ["a", "b"]


def test_score_does_not_change_its_inputs():
    gold = [article([gold_event()], FORBIDDEN)]
    preds = [[prediction()]]
    before = copy.deepcopy((gold, preds))
    score(gold, preds)
    assert (gold, preds) == before


# --------------------------------------------------------------------------- files

def _write(tmp_path, records, extra_lines=()):
    path = tmp_path / "gold.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_gold_reads_records_and_skips_blank_lines(tmp_path):
    path = _write(tmp_path, [article([gold_event()]), article([], id="neg")], extra_lines=["", "  "])
    gold = load_gold(path)
    assert [g["article"]["id"] for g in gold] == ["a1", "neg"]


def test_malformed_json_line_names_path_and_line(tmp_path):
    path = _write(tmp_path, [article([gold_event()])], extra_lines=['{"article": '])
    with pytest.raises(GoldFileError) as info:
        load_gold(path)
    assert info.value.where == f"{path}:2"
    assert f"{path}:2" in str(info.value)


def test_gold_line_with_bad_structure_names_its_line(tmp_path):
    broken = article([gold_event(location={"names": []})])
    path = _write(tmp_path, [article([]), broken])
    with pytest.raises(GoldFileError) as info:
        load_gold(path)
    assert info.value.where == f"{path}:2"
    assert "location" in info.value.message


def test_evaluate_file_runs_a_stub_extractor(tmp_path):
    path = _write(tmp_path, [article([gold_event()], id="hit"), article([], id="neg", text="مباراة كرة قدم")])
    seen: list[Article] = []

    def stub(art: Article) -> list[Event]:
        seen.append(art)
        if art.id == "hit":
            record = prediction()
            return [Event(**record)]
        return []

    report = evaluate_file(path, extractor=stub)
    assert [a.id for a in seen] == ["hit", "neg"]
    assert seen[0].published.isoformat() == "2022-01-23" and seen[0].text == TEXT
    assert seen[0].source == "test" and seen[0].language == "ar"
    assert (report["tp"], report["fp"], report["fn"]) == (1, 0, 0)
    assert report["f1"] == 1.0 and report["extractor_errors"] == 0


def test_evaluate_file_records_an_extractor_failure(tmp_path):
    path = _write(tmp_path, [article([gold_event()])])

    def broken(art: Article) -> list[Event]:
        raise RuntimeError("boom")

    report = evaluate_file(path, extractor=broken)
    assert report["extractor_errors"] == 1
    assert "boom" in report["per_article"][0]["error"]
    assert format_report(report).splitlines()[-1].endswith("| extractor errors 1")


def test_evaluate_file_null_published_gives_none(tmp_path):
    record = article([])
    record["article"]["published"] = None
    path = _write(tmp_path, [record])
    seen = []
    evaluate_file(path, extractor=lambda art: seen.append(art) or [])
    assert seen[0].published is None


# --------------------------------------------------------------------------- the table

def test_format_report_last_line_is_the_summary():
    report = score([article([gold_event()])], [[prediction()]])
    assert format_report(report).splitlines()[-1] == (
        "events P=1.000 R=1.000 F1=1.000 | forbidden 0 | fields min 1.000")


def test_format_report_shows_what_went_wrong():
    far = prediction(latitude=FAR_EAST[0], longitude=FAR_EAST[1], location="Elsewhere", fatalities=200)
    report = score([article([gold_event()], FORBIDDEN)], [[far]])
    text = format_report(report)
    assert "missed: Battles/Armed clash @ Ghwayran" in text
    assert "spurious: Battles/Armed clash @ Elsewhere" in text
    assert "fatalities 200" in text
    assert text.splitlines()[-1] == "events P=0.000 R=0.000 F1=0.000 | forbidden 1 | fields min n/a"


def test_format_report_field_min_uses_scored_fields():
    report = score([article([gold_event()])], [[prediction(geo_precision=3)]])
    assert format_report(report).splitlines()[-1].endswith("| fields min 0.000")
