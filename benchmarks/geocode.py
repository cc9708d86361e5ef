"""Geocoding accuracy of the full extractor on short Arabic event reports.

    python benchmarks/geocode.py [--file tests/data/geo_sentences.tsv] [--show-failures]
    python benchmarks/geocode.py --region            # tests/data/geo_sentences_region.tsv
    python benchmarks/geocode.py --gold eval/second/tune.gold.jsonl   # event places of whole articles

Each row of the sentence file is one news-style sentence that reports exactly one
violent event at one place, often with other places that are not the event's
place (routes, origins, the reporter's city, a distance reference). The expected
place and coordinates were chosen by hand from the sentence and checked against
GeoNames, independently of marsad's gazetteer.

A file may start with ``#`` comment lines (its source and licence) and may carry a
``tolerance_km`` column before ``note``: then a sentence is a hit when the located
event lies within that row's tolerance (an unknown village placed by its
container is right anywhere in the container's area), otherwise within the
annotation guide's tolerance for its expected precision: 10 km for a town or
village (1), 25 km for a countryside or a side of a town (2), 60 km for a
governorate (3). The share within 10 km of every row is printed too.
``tests/data/geo_sentences_region.tsv`` is such a file: the blind region set of
issue 17, whose ``category`` is the group (one per country, ``unknown_village``,
``homonym``, ``common_word``).

Every sentence goes through ``marsad.extract`` (the whole pipeline, as a user
would call it) with every record kept (``min_confidence=0``): this measures where
events are placed, not which ones the confidence floor shows; how many hits fall
under the default floor is printed apart. The first event that has coordinates is
compared with the expected point; a sentence that yields no such event is a miss
("no event").
Printed, from one run:

- the share of sentences within the row's tolerance of the expected point (the
  headline figure), and within 10 km;
- the share with the expected ``geo_precision``, and the share with both;
- a table per category (n, within tolerance, within 10 km, precision right) and its total;
- for a file with the groups of the region set, issue 17's acceptance read on it: the country
  groups and the homonyms within tolerance (>= 95 %), the unknown villages in their container's
  area with precision 2 or 3 (>= 95 %) and how many were located outside it (must be none);
- the median distance, and throughput in sentences/s;
- with ``--show-failures``, every sentence that missed on distance or precision.
"""
from __future__ import annotations

import argparse
import csv
import math
import os
import statistics
import sys
import time
from datetime import date

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

from marsad.errors import GoldFileError  # noqa: E402

DEFAULT_FILE = os.path.join(REPO, "tests", "data", "geo_sentences.tsv")
REGION_FILE = os.path.join(REPO, "tests", "data", "geo_sentences_region.tsv")
COLUMNS = ["id", "category", "sentence", "published", "location", "country_code", "lat", "lon",
           "geo_precision", "note"]
# The same columns with a per-row tolerance (km) before the note.
COLUMNS_WITH_TOLERANCE = COLUMNS[:-1] + ["tolerance_km", "note"]
TOLERANCE_KM = 10.0
# The annotation guide's tolerance by what the text gives (shared/docs/annotation-guide.md, 5):
# a named town or village 10 km, only "the countryside of X" (or a side of X) 25 km, only a
# governorate 60 km. A row without its own tolerance takes the one of its expected precision.
GUIDE_TOLERANCE_KM = {1: 10.0, 2: 25.0, 3: 60.0}
EARTH_RADIUS_KM = 6371.0088


def load_sentences(path: str) -> list[dict]:
    """The rows of a geocoding sentence file, with ``lat``/``lon`` as floats,
    ``geo_precision`` as an int and ``tolerance_km`` as a float.

    The file is UTF-8, tab-separated; ``#`` lines before the header are comments.
    The header is ``COLUMNS``, or ``COLUMNS_WITH_TOLERANCE`` when rows carry
    their own tolerance (otherwise every row gets ``TOLERANCE_KM``). A malformed
    row raises ``GoldFileError`` whose ``where`` is ``path:line``.
    """
    rows: list[dict] = []
    with open(path, encoding="utf-8", newline="") as handle:
        line_no, header_line = 0, "#"
        while header_line.startswith("#"):
            header_line = handle.readline()
            line_no += 1
            if not header_line:
                raise GoldFileError("no header line", where=f"{path}:{line_no}")
        header = header_line.rstrip("\r\n").split("\t")
        if header not in (COLUMNS, COLUMNS_WITH_TOLERANCE):
            raise GoldFileError(f"header must be {COLUMNS} or {COLUMNS_WITH_TOLERANCE}, found {header}",
                                where=f"{path}:{line_no}")
        columns = header
        for line_no, line in enumerate(handle, start=line_no + 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            where = f"{path}:{line_no}"
            cells = line.split("\t")
            if len(cells) != len(columns):
                raise GoldFileError(f"expected {len(columns)} tab-separated cells, found {len(cells)}",
                                    where=where)
            row = dict(zip(columns, cells))
            for name in ("id", "category", "sentence", "location", "country_code"):
                if not row[name].strip():
                    raise GoldFileError(f"empty {name!r}", where=where)
            try:
                date.fromisoformat(row["published"])
            except ValueError:
                raise GoldFileError(f"published {row['published']!r} is not YYYY-MM-DD", where=where) from None
            try:
                row["lat"], row["lon"] = float(row["lat"]), float(row["lon"])
            except ValueError:
                raise GoldFileError(f"lat/lon {row['lat']!r}, {row['lon']!r} are not numbers", where=where) from None
            if not (-90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180):
                raise GoldFileError(f"lat/lon {row['lat']}, {row['lon']} out of range", where=where)
            if row["geo_precision"] not in ("1", "2", "3"):
                raise GoldFileError(f"geo_precision {row['geo_precision']!r} is not 1, 2 or 3", where=where)
            row["geo_precision"] = int(row["geo_precision"])
            if "tolerance_km" in row:
                try:
                    row["tolerance_km"] = float(row["tolerance_km"])
                except ValueError:
                    raise GoldFileError(f"tolerance_km {row['tolerance_km']!r} is not a number",
                                        where=where) from None
                if not row["tolerance_km"] > 0:
                    raise GoldFileError(f"tolerance_km {row['tolerance_km']} is not positive", where=where)
            else:
                row["tolerance_km"] = GUIDE_TOLERANCE_KM[row["geo_precision"]]
            row["line"] = line_no
            rows.append(row)
    return rows


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _located_event(events: list):
    for event in events:
        if event.latitude is not None and event.longitude is not None:
            return event
    return None


def score_sentences(rows: list[dict]) -> dict:
    """Run ``marsad.extract`` on every row and score the first located event.

    A row is within when the event lies within its ``tolerance_km`` (10 km
    unless the file gives one). Returns ``{"n", "within_km", "precision_share", "both_share", "median_km",
    "seconds", "per_second", "categories": {name: {"n", "within", "precision"}},
    "results": [...]}``; each result holds the row's id, category, sentence and
    expected place, what was got (location, lat, lon, precision, number of
    events, or the error),
    the distance in km (None when nothing was located) and the two verdicts.
    """
    from marsad import extract
    from marsad.stages.confidence import default_threshold

    floor = default_threshold()
    results: list[dict] = []
    start = time.perf_counter()
    for row in rows:
        got: dict = {"location": None, "lat": None, "lon": None, "geo_precision": None, "events": 0,
                     "error": None, "confidence": None}
        try:
            # where an event is placed is scored on every record: the confidence floor decides
            # which records a user sees, not where they are (its share is printed apart)
            events = extract(row["sentence"], published=row["published"], min_confidence=0)
            got["events"] = len(events)
            event = _located_event(events)
            if event is None and events:
                got["location"] = events[0].location  # named but not located, or nothing named
        except Exception as exc:  # an unfinished stage counts as a miss, not a crash of the benchmark
            event, got["error"] = None, f"{type(exc).__name__}: {exc}"
        distance = None
        if event is not None:
            got.update(location=event.location, lat=event.latitude, lon=event.longitude,
                       geo_precision=event.geo_precision, confidence=event.confidence)
            distance = great_circle_km(row["lat"], row["lon"], event.latitude, event.longitude)
        tolerance = row.get("tolerance_km", TOLERANCE_KM)
        within = distance is not None and distance <= tolerance
        precision_right = event is not None and event.geo_precision == row["geo_precision"]
        results.append({"id": row["id"], "category": row["category"], "sentence": row["sentence"],
                        "expected": {"location": row["location"], "lat": row["lat"], "lon": row["lon"],
                                     "geo_precision": row["geo_precision"], "tolerance_km": tolerance},
                        "got": got, "distance_km": distance, "within": within,
                        "precision_right": precision_right})
    seconds = time.perf_counter() - start

    n = len(results)
    categories: dict[str, dict] = {}
    for result in results:
        cell = categories.setdefault(result["category"], {"n": 0, "within": 0, "precision": 0, "within_10km": 0,
                                                          "in_container": 0, "elsewhere": 0})
        cell["n"] += 1
        cell["within"] += result["within"]
        cell["precision"] += result["precision_right"]
        km = result["distance_km"]
        cell["within_10km"] += km is not None and km <= TOLERANCE_KM
        # issue 17's reading of a place known only by its container: in the container's area (the
        # row's tolerance) with the precision of a container (2 or 3); or located outside it
        cell["in_container"] += result["within"] and result["got"]["geo_precision"] in (2, 3)
        cell["elsewhere"] += km is not None and not result["within"]
    distances = [r["distance_km"] for r in results if r["distance_km"] is not None]

    def share(count: int) -> float:
        return count / n if n else 0.0

    return {
        "n": n,
        "within_km": share(sum(r["within"] for r in results)),
        "within_10km": share(sum(r["distance_km"] is not None and r["distance_km"] <= TOLERANCE_KM for r in results)),
        "precision_share": share(sum(r["precision_right"] for r in results)),
        "both_share": share(sum(r["within"] and r["precision_right"] for r in results)),
        "median_km": statistics.median(distances) if distances else None,
        "located": len(distances),
        "floor": floor,
        # hits whose event a user would not see at the default confidence floor
        "within_below_floor": sum(r["within"] and r["got"]["confidence"] is not None and
                                  r["got"]["confidence"] < floor for r in results),
        "seconds": seconds,
        "per_second": n / seconds if seconds else float("inf"),
        "categories": categories,
        "results": results,
    }


def _failure_line(result: dict) -> str:
    exp, got = result["expected"], result["got"]
    if got["error"]:
        got_text = f"error {got['error'][:120]}"
    elif got["lat"] is None and got["events"]:
        got_text = f"{got['events']} event(s), none with coordinates (location {got['location']!r})"
    elif got["lat"] is None:
        got_text = "no event"
    else:
        got_text = f"{got['location']} ({got['lat']:.4f}, {got['lon']:.4f}) p{got['geo_precision']}"
    distance = "-" if result["distance_km"] is None else f"{result['distance_km']:,.1f} km"
    what = [name for name, ok in (("distance", result["within"]), ("precision", result["precision_right"]))
            if not ok]
    return (f"{result['id']} [{result['category']}] miss on {'+'.join(what)}\n"
            f"    {result['sentence']}\n"
            f"    expected {exp['location']} ({exp['lat']:.4f}, {exp['lon']:.4f}) p{exp['geo_precision']}"
            f" within {exp['tolerance_km']:g} km\n"
            f"    got      {got_text}; distance {distance}")


def _tolerance_words(report: dict) -> str:
    tolerances = sorted({r["expected"]["tolerance_km"] for r in report["results"]})
    return "per row: " + ", ".join(f"{t:g}" for t in tolerances) + " km (the guide's by precision unless a row gives one)"


# Groups of the region set that are no country (issue 17's acceptance reads them on their own).
SPECIAL_GROUPS = ("unknown_village", "homonym", "common_word")
ACCEPTANCE_SHARE = 0.95


def _acceptance_lines(categories: dict) -> list[str]:
    """Issue 17's acceptance read on the groups present: every country group and the homonyms
    within tolerance in >= 95 %; unknown villages in their container's area with precision 2 or 3
    in >= 95 %, and none located outside it (at a namesake or anywhere else)."""
    countries = {k: c for k, c in categories.items() if k not in SPECIAL_GROUPS}
    lines: list[str] = []
    if "unknown_village" not in categories and "homonym" not in categories:
        return lines
    lines += ["", "acceptance (issue 17, >= 95 %):"]
    if countries:
        low = [f"{k} {c['within'] / c['n']:.1%}" for k, c in sorted(countries.items())
               if c["within"] < ACCEPTANCE_SHARE * c["n"]]
        lines.append(f"  country groups within tolerance: {len(countries) - len(low)}/{len(countries)} meet it"
                     + (f" (under: {', '.join(low)})" if low else ""))
    cell = categories.get("homonym")
    if cell:
        verdict = "met" if cell["within"] >= ACCEPTANCE_SHARE * cell["n"] else "not met"
        lines.append(f"  homonyms within tolerance: {cell['within']}/{cell['n']} = {cell['within'] / cell['n']:.1%} ({verdict})")
    cell = categories.get("unknown_village")
    if cell:
        verdict = "met" if cell["in_container"] >= ACCEPTANCE_SHARE * cell["n"] and not cell["elsewhere"] else "not met"
        lines.append(f"  unknown villages in their container's area with precision 2 or 3: {cell['in_container']}/"
                     f"{cell['n']} = {cell['in_container'] / cell['n']:.1%}; located outside it (a namesake or "
                     f"elsewhere): {cell['elsewhere']} ({verdict})")
    return lines


def format_report(report: dict, show_failures: bool = False) -> str:
    """The printed form of a ``score_sentences`` report."""
    lines = [
        f"sentences: {report['n']} ({report['located']} with a located event)",
        f"within tolerance:  {report['within_km']:.1%}   <- headline ({_tolerance_words(report)})",
        f"within 10 km:      {report['within_10km']:.1%}   (every row at 10 km, the figure before 2026-12-06)",
        f"precision right:   {report['precision_share']:.1%}",
        f"both:              {report['both_share']:.1%}",
        "median distance:   " + ("-" if report["median_km"] is None else f"{report['median_km']:,.1f} km"),
        f"throughput:        {report['per_second']:,.1f} sentences/s ({report['seconds']:.2f} s in all)",
        f"confidence floor:  {report['within_below_floor']} of the hits have an event under the default floor "
        f"({report['floor']:.2f}); placement is scored on every record",
        "",
        f"{'category':<24}{'n':>5}{'within tolerance':>20}{'within 10 km':>19}{'precision right':>19}",
    ]

    def table_row(name: str, cell: dict) -> str:
        n = cell["n"] or 1
        return (f"{name:<24}{cell['n']:>5}"
                f"{cell['within']:>11} ({cell['within'] / n:>6.1%})"
                f"{cell['within_10km']:>10} ({cell['within_10km'] / n:>6.1%})"
                f"{cell['precision']:>10} ({cell['precision'] / n:>6.1%})")

    categories = report["categories"]
    for name, cell in sorted(categories.items()):
        lines.append(table_row(name, cell))
    total = {key: sum(cell[key] for cell in categories.values()) for key in ("n", "within", "within_10km", "precision")}
    lines.append(table_row("total", total))
    lines += _acceptance_lines(categories)
    if show_failures:
        misses = [r for r in report["results"] if not (r["within"] and r["precision_right"])]
        lines += ["", f"failures: {len(misses)}"]
        lines += [_failure_line(r) for r in misses]
    return "\n".join(lines)


def score_gold_places(path: str) -> dict:
    """Event places of a gold file of whole articles (``eval/second/tune.gold.jsonl``) against
    the gold places: issue 17's "event places within 10 km of the gold, as a share of matched
    events", read two ways.

    - ``paired``: the pairs ``marsad.evaluate.score`` makes (same type, a location within the
      gold's own tolerance, which may be 25 km, and a date match); the share of required gold
      events with coordinates whose paired prediction lies within 10 km.
    - ``by_type_and_date``: pairing that does not look at the place (so a wrong place cannot
      hide by leaving its event unpaired): each required gold event with coordinates that has
      a prediction of the same type and a matching date in its article; the share whose
      nearest such prediction lies within 10 km.
    - ``unknown_places``: of those, the gold events whose nearest prediction is a name no
      gazetteer knows, placed by its container (``in_gazetteer: false`` in its evidence): how
      many lie within the gold's own tolerance and within 10 km.
    """
    from marsad.evaluate import _article_from_gold, _date_match, load_gold, score
    from marsad.pipeline import extract_article

    gold = load_gold(path)
    predictions = []
    start = time.perf_counter()
    for record in gold:
        predictions.append([e.to_record() for e in extract_article(_article_from_gold(record))])
    seconds = time.perf_counter() - start
    report = score(gold, predictions)
    paired = {"n": 0, "within": 0, "misses": []}
    loose = {"n": 0, "within": 0, "misses": []}
    unknown = {"n": 0, "within": 0, "within_tolerance": 0, "rows": []}
    for record, preds, art in zip(gold, predictions, report["per_article"]):
        events = record.get("events") or []
        for pair in art["pairs"]:
            g = events[pair["gold"]]
            loc, pred = g.get("location") or {}, preds[pair["predicted"]]
            if pair["optional"] or loc.get("lat") is None or pred.get("latitude") is None:
                continue
            km = great_circle_km(loc["lat"], loc["lon"], pred["latitude"], pred["longitude"])
            paired["n"] += 1
            paired["within"] += km <= TOLERANCE_KM
            if km > TOLERANCE_KM:
                paired["misses"].append((art["id"], (loc.get("names") or ["?"])[0], pred.get("location"), km))
        for g in events:
            loc = g.get("location") or {}
            if g.get("optional") or loc.get("lat") is None:
                continue
            same = [p for p in preds if p.get("event_type") == g.get("event_type")
                    and _date_match(p, g.get("date")) and p.get("latitude") is not None]
            if not same:
                continue
            km, k = min((great_circle_km(loc["lat"], loc["lon"], p["latitude"], p["longitude"]), k)
                        for k, p in enumerate(same))
            nearest = same[k].get("location")
            loose["n"] += 1
            loose["within"] += km <= TOLERANCE_KM
            if km > TOLERANCE_KM:
                loose["misses"].append((art["id"], (loc.get("names") or ["?"])[0], nearest, km))
            if _unknown_place(same[k]):
                tolerance = float(loc.get("tolerance_km") or TOLERANCE_KM)
                unknown["n"] += 1
                unknown["within"] += km <= TOLERANCE_KM
                unknown["within_tolerance"] += km <= tolerance
                unknown["rows"].append((art["id"], (loc.get("names") or ["?"])[0], nearest, km, tolerance))
    return {"articles": len(gold), "gold_required": report["gold_required"], "tp": report["tp"],
            "location_share": report["fields"]["location"]["share"], "paired": paired,
            "by_type_and_date": loose, "unknown_places": unknown, "seconds": seconds}


def _unknown_place(record: dict) -> bool:
    """Is the record's place a name no gazetteer knows, placed by its container?"""
    return any(item.get("chosen") and item.get("in_gazetteer") is False
               for item in (record.get("evidence") or {}).get("location") or [])


def format_gold_places(report: dict, show_failures: bool = False) -> str:
    def share(cell: dict) -> str:
        return f"{cell['within']}/{cell['n']} = {cell['within'] / cell['n']:.3f}" if cell["n"] else "n/a"
    lines = [
        f"articles: {report['articles']}, required gold events: {report['gold_required']}, "
        f"paired: {report['tp']} ({report['seconds']:.1f} s)",
        f"location field share (marsad evaluate): {report['location_share']:.3f}" if report["location_share"]
        is not None else "location field share (marsad evaluate): n/a",
        f"paired events within 10 km of the gold:            {share(report['paired'])}",
        f"type+date matched events within 10 km of the gold: {share(report['by_type_and_date'])}  <- headline",
    ]
    unknown = report.get("unknown_places") or {"n": 0}
    if unknown["n"]:
        lines.append(f"  of which the nearest prediction is a place no gazetteer knows (placed by its container): "
                     f"{unknown['n']}; within the gold's tolerance {unknown['within_tolerance']}, "
                     f"within 10 km {unknown['within']}")
    if show_failures:
        for art, gold_name, got, km, tolerance in unknown.get("rows", ()):
            lines.append(f"  unknown place: {art}: gold {gold_name}, predicted {got} at {km:,.1f} km "
                         f"(tolerance {tolerance:g} km)")
        for name in ("paired", "by_type_and_date"):
            for art, gold_name, got, km in report[name]["misses"]:
                lines.append(f"  {name}: {art}: gold {gold_name}, nearest predicted {got} at {km:,.1f} km")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default=DEFAULT_FILE, help="sentence file (default tests/data/geo_sentences.tsv)")
    parser.add_argument("--region", action="store_const", const=REGION_FILE, dest="file",
                        help="the blind region set, tests/data/geo_sentences_region.tsv")
    parser.add_argument("--gold", help="a gold file of whole articles (JSON Lines, event-schema.md "
                                       "section 4): the share of event places within 10 km of the gold")
    parser.add_argument("--show-failures", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if args.gold:
        try:
            print(format_gold_places(score_gold_places(args.gold), show_failures=args.show_failures))
        except (OSError, GoldFileError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    try:
        rows = load_sentences(args.file)
    except (OSError, GoldFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_report(score_sentences(rows), show_failures=args.show_failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
