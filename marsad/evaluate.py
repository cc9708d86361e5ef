"""Scoring extracted events against gold (event-schema.md section 4).

``evaluate_file(path)`` runs the extractor on every gold article and scores
it; ``score(gold, predictions)`` scores records you already have;
``format_report(report)`` prints the result as a table whose last line is a
one-line summary (``events P=... R=... F1=... | forbidden N | fields min ...``).

How the section-4 rules are read here, where they leave room:

Pairing
    A predicted and a gold event may pair only with the same ``event_type``
    (exact string), a location match and a date match. The pairing is one-to-one
    and exact (Hungarian algorithm on lexicographic integer weights): it
    maximises the number of paired required gold events, then the number of
    paired optional ones, then field agreement (the count of right fields as
    scored below, plus one when the predicted ``location`` is one of the gold
    ``names``; the name bonus separates gold events that share coordinates).

Location match
    When the prediction and the gold both have coordinates, the haversine
    distance must be at most ``tolerance_km`` (default 10 km when the gold
    omits it, the annotation guide's figure for a town); the names are then
    not consulted, even if they agree. When the prediction has no coordinates
    (or the gold has none), its ``location`` must equal one of the gold
    ``names`` after light normalisation: case, accents, apostrophes, hyphens
    and spaces are ignored, and the Arabic article is dropped (``al``/``el``
    before a space or hyphen, sun-letter forms ``ar-``, ``ad-``, ``ash-`` ...
    before a hyphen), so "Al-Hasakah", "al Hasakah" and "Hasakah" are equal
    and "Ar-Rutbah" equals "Rutbah". The same normalisation compares
    ``country``/``admin1`` and the forbidden ``location_names``.

Date match
    Gold ``"date": null`` requires a null ``event_date``; otherwise
    ``event_date`` (its first ten characters) must lie in [start, end],
    compared as ISO strings; a missing ``start`` or ``end`` leaves that side
    open. ``event_date_start``/``event_date_end`` are not consulted.

Counts
    A prediction paired to an optional gold event is neither a true nor a
    false positive; an unpaired optional gold event is not a miss.
    precision = TP / (predictions - predictions paired to optional),
    recall = TP / required gold, micro-averaged over all articles. A ratio
    whose denominator is zero is 1.0: precision with no counted prediction
    (nothing was claimed wrongly, also when the gold has required events:
    recall then shows the loss), recall with no required gold. F1 is 0.0
    when precision + recall is 0.

Fields (on pairs with REQUIRED gold events only; a field is skipped for an
event when the gold does not state it)
    ``sub_event_type``: exact string equality.
    ``actors``: gold sides are padded to two with empty sides and matched to
    the two predicted slots (actor1 with assoc_actor_1, actor2 with
    assoc_actor_2) in the orientation that agrees best; right when both slots
    agree: a predicted name matches one of the ``|`` alternatives of the
    side's primary (first) name, a null slot matches only an empty side. So
    one-sided gold needs exactly one non-null predicted actor, and a doubled
    name (actor1 == actor2) never matches a two-sided gold. Actor and
    attribution names compare case-insensitively with runs of spaces,
    hyphens and underscores treated as one space. Gold with >2 sides: the
    pair is wrong (only two slots exist).
    ``assoc_actors``: scored when the gold names an associated actor on
    either side or the prediction has any; right when, in the orientation
    chosen for the actor pair (ties broken in favour of associated-actor
    agreement), each slot's predicted associated actors (deduplicated) and the
    side's names after the first are equal as sets, each gold name matched
    by one of its alternatives, one-to-one.
    ``location``: the pair's location match (always true) and, when the gold
    gives ``country``/``admin1``, the predicted values equal them (null is
    wrong).
    ``geo_precision``: when the gold gives it (a list, or one number), the
    predicted value is in it.
    ``date``: the date match; always right on a pair, reported so the table
    shows it was checked.
    ``fatalities``: when the gold gives a fatalities object, the predicted
    integer lies in [min, max] (``best`` stands in for a missing bound);
    null is wrong, 0 is right when min is 0.
    ``evidence``: when the gold lists evidence, every item (a plain string
    means field ``fatalities``; ``{"field", "text"}`` names the field) is a
    substring of the ``text`` of at least one span in the prediction's
    ``evidence[field]``. An empty gold list is not scored.
    ``attribution``: when the gold has a non-null ``attribution``, equal to
    the predicted one (null is wrong).

Evidence offsets
    Every span of every field of every prediction (paired or not) must have
    integer ``start``/``end`` with ``article_text[start:end] == text``;
    each span that fails counts once in ``evidence_offset_errors``.

Forbidden
    Every prediction of the article is checked against every forbidden
    object. Each broken rule is one hit: ``location_names`` (normalised name
    equality of ``location``), each ``near`` point whose ``km`` radius holds
    the predicted coordinates (one hit per point), ``countries``
    (normalised equality of ``country``), ``fatalities`` (predicted
    ``fatalities`` equal to a listed number). A prediction at a forbidden
    town that is also inside that town's ``near`` radius thus scores two hits,
    as the gold lists two rules.

Extractor failures (``evaluate_file``)
    An exception raised by the extractor for one article is recorded in that
    article's ``error`` and counted in ``extractor_errors``; the article is
    scored with no predictions, and the summary line then ends with
    ``| extractor errors N`` so the failure cannot go unseen.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from datetime import date
from itertools import permutations
from pathlib import Path
from typing import Callable, Iterable

from marsad.errors import GoldFileError, UsageError
from marsad.model import Article, Event

__all__ = ["FIELDS", "load_gold", "score", "evaluate_file", "format_report"]

#: The per-field scores, in report order.
FIELDS = ("sub_event_type", "actors", "assoc_actors", "location", "geo_precision",
          "date", "fatalities", "evidence", "attribution")

DEFAULT_TOLERANCE_KM = 10.0
_EARTH_RADIUS_KM = 6371.0088


# --------------------------------------------------------------------------- loading

def load_gold(path: str | Path) -> list[dict]:
    """Read a gold JSON Lines file; a malformed line raises ``GoldFileError``
    whose ``where`` is ``"path:line"``. Blank lines are skipped."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"cannot read gold file: {exc}", where=str(path)) from None
    gold: list[dict] = []
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"not valid JSON: {exc.msg} (column {exc.colno})", where=where) from None
        problem = _gold_problem(record)
        if problem:
            raise GoldFileError(problem, where=where)
        gold.append(record)
    return gold


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_iso_date(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _gold_problem(record) -> str | None:
    """What is wrong with one gold line, or None."""
    if not isinstance(record, dict):
        return "a gold line must be a JSON object"
    article = record.get("article")
    if not isinstance(article, dict):
        return "missing 'article' object"
    if not isinstance(article.get("text"), str):
        return "article.text must be a string"
    published = article.get("published")
    if published is not None and not _is_iso_date(published):
        return f"article.published is not an ISO date: {published!r}"
    events = record.get("events")
    if not isinstance(events, list):
        return "missing 'events' list (use [] for an article without events)"
    for k, event in enumerate(events):
        problem = _event_problem(event)
        if problem:
            return f"events[{k}]: {problem}"
    forbidden = record.get("forbidden", [])
    if not isinstance(forbidden, list) or not all(isinstance(r, dict) for r in forbidden):
        return "'forbidden' must be a list of objects"
    for k, rule in enumerate(forbidden):
        for point in rule.get("near", []) or []:
            if not (isinstance(point, dict) and _is_number(point.get("lat"))
                    and _is_number(point.get("lon")) and _is_number(point.get("km"))):
                return f"forbidden[{k}].near: each point needs numeric lat, lon and km"
        for key in ("location_names", "countries", "fatalities"):
            if key in rule and not isinstance(rule[key], list):
                return f"forbidden[{k}].{key} must be a list"
    return None


def _event_problem(event) -> str | None:
    if not isinstance(event, dict):
        return "an event must be an object"
    if not isinstance(event.get("event_type"), str):
        return "event_type must be a string"
    actors = event.get("actors", [])
    if actors is not None and not (isinstance(actors, list) and all(
            isinstance(side, list) and all(isinstance(n, str) for n in side) for side in actors)):
        return "actors must be a list of sides, each a list of names"
    loc = event.get("location")
    if not isinstance(loc, dict):
        return "location must be an object"
    has_coords = _is_number(loc.get("lat")) and _is_number(loc.get("lon"))
    names = loc.get("names", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return "location.names must be a list of strings"
    if not has_coords and not names:
        return "location needs lat/lon or names"
    if (loc.get("lat") is None) != (loc.get("lon") is None) or (
            loc.get("lat") is not None and not has_coords):
        return "location.lat and location.lon must both be numbers"
    if loc.get("tolerance_km") is not None and not _is_number(loc["tolerance_km"]):
        return "location.tolerance_km must be a number"
    d = event.get("date")
    if d is not None:
        if not isinstance(d, dict):
            return "date must be null or an object with start/end"
        for key in ("start", "end"):
            if d.get(key) is not None and not _is_iso_date(d[key]):
                return f"date.{key} is not an ISO date: {d[key]!r}"
    fat = event.get("fatalities")
    if fat is not None:
        if not isinstance(fat, dict):
            return "fatalities must be null or an object with best/min/max"
        for key in ("best", "min", "max"):
            if fat.get(key) is not None and not _is_number(fat[key]):
                return f"fatalities.{key} must be a number"
        if fat.get("min", fat.get("best")) is None or fat.get("max", fat.get("best")) is None:
            return "fatalities needs min and max (or best)"
    evidence = event.get("evidence", [])
    if evidence is not None:
        if not isinstance(evidence, list):
            return "evidence must be a list"
        for item in evidence:
            if not (isinstance(item, str) or (isinstance(item, dict) and isinstance(item.get("field"), str)
                                               and isinstance(item.get("text"), str))):
                return "evidence items must be strings or {field, text} objects"
    return None


# --------------------------------------------------------------------------- comparison helpers

_ARTICLE_SPACE_OR_HYPHEN = re.compile(r"\b(?:al|el)[\s\-]+")
_ARTICLE_SUN_LETTER = re.compile(r"\b[ae](?:sh|th|dh|[rdsntz])-")
_APOSTROPHES = re.compile(r"['’‘`ʼʿʾ]")
_NON_WORD = re.compile(r"[\W_]+")


def _norm_place(name) -> str:
    """Light normalisation of place names: "Al-Hasakah" == "hasakah"."""
    if not isinstance(name, str):
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _ARTICLE_SPACE_OR_HYPHEN.sub("", text)
    text = _ARTICLE_SUN_LETTER.sub("", text)
    return _NON_WORD.sub("", text)


def _norm_name(name) -> str:
    """Actor/attribution names: case and space/hyphen runs ignored."""
    if not isinstance(name, str):
        return ""
    return re.sub(r"[\s\-_]+", " ", name.casefold()).strip()


def _alternatives(gold_name: str) -> set[str]:
    return {_norm_name(a) for a in gold_name.split("|") if a.strip()}


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _coords(pred: dict) -> tuple[float, float] | None:
    lat, lon = pred.get("latitude"), pred.get("longitude")
    if _is_number(lat) and _is_number(lon):
        return float(lat), float(lon)
    return None


def _location_match(pred: dict, gold_loc: dict) -> bool:
    pc = _coords(pred)
    if pc is not None and _is_number(gold_loc.get("lat")) and _is_number(gold_loc.get("lon")):
        tol = gold_loc.get("tolerance_km")
        tol = DEFAULT_TOLERANCE_KM if tol is None else float(tol)
        return _haversine_km(pc[0], pc[1], gold_loc["lat"], gold_loc["lon"]) <= tol
    return _name_in(pred.get("location"), gold_loc.get("names") or [])


def _name_in(name, names: Iterable[str]) -> bool:
    key = _norm_place(name)
    return bool(key) and any(key == _norm_place(n) for n in names)


def _date_str(value) -> str | None:
    if value is None:
        return None
    return str(value)[:10]


def _date_match(pred: dict, gold_date) -> bool:
    predicted = _date_str(pred.get("event_date"))
    if gold_date is None:
        return predicted is None
    if predicted is None:
        return False
    start, end = _date_str(gold_date.get("start")), _date_str(gold_date.get("end"))
    return (start is None or start <= predicted) and (end is None or predicted <= end)


def _can_pair(pred: dict, gold_event: dict) -> bool:
    return (pred.get("event_type") == gold_event.get("event_type")
            and _location_match(pred, gold_event.get("location") or {})
            and _date_match(pred, gold_event.get("date")))


# --------------------------------------------------------------------------- actors

def _slot_matches(pred_name, side: list[str]) -> bool:
    """One predicted actor slot against one gold side's primary name."""
    if not side:
        return pred_name is None
    return pred_name is not None and _norm_name(pred_name) in _alternatives(side[0])


def _assoc_equal(pred_assoc, gold_assoc: list[str]) -> bool:
    """Set equality with ``A|B`` alternatives on the gold side, one-to-one."""
    pred_set = sorted({_norm_name(a) for a in (pred_assoc or []) if isinstance(a, str) and a.strip()})
    if len(pred_set) != len(gold_assoc):
        return False
    alts = [_alternatives(g) for g in gold_assoc]
    return _perfect_matching(pred_set, alts)


def _perfect_matching(names: list[str], alts: list[set[str]]) -> bool:
    """Kuhn's augmenting paths: can every name take a distinct gold entry?"""
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j, options in enumerate(alts):
            if names[i] in options and j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return all(place(i, set()) for i in range(len(names)))


def _actor_scores(pred: dict, gold_event: dict) -> tuple[bool | None, bool | None]:
    """(actor pair right, associated actors right); None = not scored."""
    sides = gold_event.get("actors")
    if not sides:
        return None, None
    slots = [(pred.get("actor1") or None, pred.get("assoc_actor_1") or []),
             (pred.get("actor2") or None, pred.get("assoc_actor_2") or [])]
    gold_has_assoc = any(len(side) > 1 for side in sides)
    pred_has_assoc = any(assoc for _, assoc in slots)
    assoc_scored = gold_has_assoc or pred_has_assoc
    padded = list(sides) + [[]] * max(0, 2 - len(sides))
    best = None
    for orientation in permutations(range(len(padded)), 2):
        primary = sum(_slot_matches(slots[k][0], padded[side]) for k, side in enumerate(orientation))
        assoc = all(_assoc_equal(slots[k][1], padded[side][1:]) for k, side in enumerate(orientation))
        key = (primary, assoc)
        if best is None or key > best:
            best = key
    pair_right = len(sides) <= 2 and best[0] == 2
    return pair_right, (best[1] if assoc_scored else None)


# --------------------------------------------------------------------------- fields

def _evidence_items(gold_event: dict) -> list[tuple[str, str]]:
    items = []
    for item in gold_event.get("evidence") or []:
        if isinstance(item, str):
            items.append(("fatalities", item))
        else:
            items.append((item["field"], item["text"]))
    return items


def _field_results(pred: dict, gold_event: dict) -> dict[str, tuple[bool, str]]:
    """Each scored field -> (right, explanation when wrong)."""
    out: dict[str, tuple[bool, str]] = {}
    gold_sub = gold_event.get("sub_event_type")
    if gold_sub is not None:
        out["sub_event_type"] = (pred.get("sub_event_type") == gold_sub,
                                 f"gold {gold_sub!r}, predicted {pred.get('sub_event_type')!r}")

    pair_right, assoc_right = _actor_scores(pred, gold_event)
    sides = gold_event.get("actors") or []
    gold_primary = " vs ".join(side[0] for side in sides if side)
    if pair_right is not None:
        out["actors"] = (pair_right, f"gold {gold_primary!r}, predicted "
                                     f"{pred.get('actor1')!r} / {pred.get('actor2')!r}")
    if assoc_right is not None:
        gold_assoc = [side[1:] for side in sides]
        out["assoc_actors"] = (assoc_right, f"gold {gold_assoc}, predicted "
                                            f"{pred.get('assoc_actor_1') or []} / {pred.get('assoc_actor_2') or []}")

    loc = gold_event.get("location") or {}
    loc_right, loc_why = _location_match(pred, loc), []
    for key in ("country", "admin1"):
        if loc.get(key) is not None and _norm_place(pred.get(key)) != _norm_place(loc[key]):
            loc_right = False
            loc_why.append(f"{key} gold {loc[key]!r}, predicted {pred.get(key)!r}")
    out["location"] = (loc_right, "; ".join(loc_why) or "location does not match")

    allowed = loc.get("geo_precision")
    if allowed is not None:
        allowed = allowed if isinstance(allowed, list) else [allowed]
        out["geo_precision"] = (pred.get("geo_precision") in allowed,
                                f"gold {allowed}, predicted {pred.get('geo_precision')!r}")

    out["date"] = (_date_match(pred, gold_event.get("date")),
                   f"gold {gold_event.get('date')}, predicted {pred.get('event_date')!r}")

    fat = gold_event.get("fatalities")
    if isinstance(fat, dict):
        low = fat.get("min", fat.get("best"))
        high = fat.get("max", fat.get("best"))
        got = pred.get("fatalities")
        right = _is_number(got) and low <= got <= high
        out["fatalities"] = (right, f"gold {low}..{high} (best {fat.get('best')}), predicted {got!r}")

    items = _evidence_items(gold_event)
    if items:
        evidence = pred.get("evidence") if isinstance(pred.get("evidence"), dict) else {}
        missing = []
        for field, text in items:
            spans = evidence.get(field) or []
            if not any(isinstance(s, dict) and isinstance(s.get("text"), str) and text in s["text"]
                       for s in spans):
                missing.append(f"{field}: {text!r}")
        out["evidence"] = (not missing, "no predicted span holds " + ", ".join(missing))

    gold_attr = gold_event.get("attribution")
    if gold_attr is not None:
        out["attribution"] = (_norm_name(pred.get("attribution")) == _norm_name(gold_attr),
                              f"gold {gold_attr!r}, predicted {pred.get('attribution')!r}")
    return out


def _agreement(pred: dict, gold_event: dict) -> int:
    """Tie-break for the pairing: right fields, plus one for a name match."""
    right = sum(ok for ok, _ in _field_results(pred, gold_event).values())
    return right + int(_name_in(pred.get("location"), (gold_event.get("location") or {}).get("names") or []))


_MAX_AGREEMENT = len(FIELDS) + 1


# --------------------------------------------------------------------------- assignment

def _max_weight_assignment(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Rows x columns of non-negative integer weights -> (row, column) pairs of
    a maximum-weight one-to-one assignment, keeping only positive weights.

    Hungarian algorithm (potentials, O(n^3)) on the square matrix padded with
    zeros; integer arithmetic, so the optimum is exact.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    n = max(rows, cols)
    if n == 0:
        return []
    top = max((w for row in weights for w in row), default=0)
    cost = [[top - (weights[i][j] if i < rows and j < cols else 0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u, v = [0] * (n + 1), [0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)  # p[j]: row assigned to column j (1-based)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = []
    for j in range(1, n + 1):
        i = p[j] - 1
        if i < rows and j - 1 < cols and weights[i][j - 1] > 0:
            pairs.append((i, j - 1))
    return sorted(pairs)


def _best_pairing(gold_events: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs: most required golds paired, then
    most optional golds, then most field agreement."""
    if not gold_events or not preds:
        return []
    m = min(len(gold_events), len(preds))
    optional_weight = (_MAX_AGREEMENT + 1) * (m + 1)            # > any total agreement
    required_weight = (optional_weight + _MAX_AGREEMENT + 1) * (m + 1)  # > any optional total
    weights = []
    for g in gold_events:
        base = optional_weight if g.get("optional") else required_weight
        weights.append([base + _agreement(p, g) if _can_pair(p, g) else 0 for p in preds])
    return _max_weight_assignment(weights)


# --------------------------------------------------------------------------- descriptions

def _describe_gold(g: dict) -> str:
    loc = g.get("location") or {}
    names = loc.get("names") or []
    place = names[0] if names else f"({loc.get('lat')}, {loc.get('lon')})"
    d = g.get("date")
    when = "date null" if d is None else (d.get("start") if d.get("start") == d.get("end")
                                          else f"{d.get('start')}..{d.get('end')}")
    fat = g.get("fatalities")
    deaths = "fat ?" if not isinstance(fat, dict) else f"fat {fat.get('best')}"
    actors = " vs ".join(side[0] for side in (g.get("actors") or []) if side) or "no actors"
    opt = " (optional)" if g.get("optional") else ""
    return f"{g.get('event_type')}/{g.get('sub_event_type')} @ {place} {when} {deaths} [{actors}]{opt}"


def _describe_pred(p: dict) -> str:
    coords = _coords(p)
    where = p.get("location") or "no location"
    if coords:
        where += f" ({coords[0]:.3f}, {coords[1]:.3f})"
    actors = " vs ".join(a for a in (p.get("actor1"), p.get("actor2")) if a) or "no actors"
    return (f"{p.get('event_type')}/{p.get('sub_event_type')} @ {where} "
            f"{p.get('event_date') or 'date null'} fat {p.get('fatalities')} [{actors}]")


# --------------------------------------------------------------------------- checks on every prediction

def _offset_errors(pred: dict, text: str) -> list[str]:
    errors = []
    evidence = pred.get("evidence")
    if not isinstance(evidence, dict):
        return [] if not evidence else ["evidence is not an object"]
    for field, spans in evidence.items():
        for span in spans if isinstance(spans, list) else [spans]:
            if not isinstance(span, dict):
                errors.append(f"{field}: span is not an object")
                continue
            start, end, got = span.get("start"), span.get("end"), span.get("text")
            if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) \
                    or isinstance(end, bool) or not 0 <= start <= end <= len(text):
                errors.append(f"{field}: bad offsets {start!r}..{end!r} for {got!r}")
            elif text[start:end] != got:
                errors.append(f"{field}: text[{start}:{end}] is {text[start:end]!r}, span says {got!r}")
    return errors


def _forbidden_hits(pred: dict, rules: list[dict]) -> list[str]:
    hits = []
    location, country, deaths = pred.get("location"), pred.get("country"), pred.get("fatalities")
    coords = _coords(pred)
    for rule in rules:
        if _name_in(location, rule.get("location_names") or []):
            hits.append(f"location {location!r} is forbidden")
        if coords:
            for point in rule.get("near") or []:
                km = _haversine_km(coords[0], coords[1], point["lat"], point["lon"])
                if km <= point["km"]:
                    label = point.get("label") or f"({point['lat']}, {point['lon']})"
                    hits.append(f"{km:.1f} km from {label} (forbidden within {point['km']} km)")
        if _name_in(country, rule.get("countries") or []):
            hits.append(f"country {country!r} is forbidden")
        if _is_number(deaths) and deaths in (rule.get("fatalities") or []):
            hits.append(f"fatalities {deaths} is a forbidden number")
    return hits


# --------------------------------------------------------------------------- scoring

def _ratio(num: int, den: int) -> float:
    return 1.0 if den == 0 else num / den


def score(gold: list[dict], predictions: list[list[dict]]) -> dict:
    """Score predicted event records against gold articles.

    ``predictions[i]`` holds the records (``Event.to_record()`` dicts) for
    ``gold[i]``. Returns the report dict described in the module docstring.
    """
    if len(gold) != len(predictions):
        raise UsageError(f"score: {len(gold)} gold articles but {len(predictions)} prediction lists")
    fields = {name: {"right": 0, "scored": 0} for name in FIELDS}
    totals = dict(gold_required=0, gold_optional=0, predicted=0, tp=0, fp=0, fn=0, optional_paired=0,
                  forbidden_hits=0, evidence_offset_errors=0)
    per_article = []
    for record, preds in zip(gold, predictions):
        preds = [p.to_record() if isinstance(p, Event) else p for p in preds]
        article = record.get("article") or {}
        text = article.get("text") or ""
        gold_events = record.get("events") or []
        pairs = _best_pairing(gold_events, preds)
        paired_gold = {g for g, _ in pairs}
        paired_pred = {p for _, p in pairs}
        required = sum(not g.get("optional") for g in gold_events)
        tp = sum(not gold_events[g].get("optional") for g, _ in pairs)
        optional_paired = len(pairs) - tp
        fp = len(preds) - tp - optional_paired
        fn = required - tp

        field_errors = []
        for g, p in pairs:
            if gold_events[g].get("optional"):
                continue
            for name, (right, why) in _field_results(preds[p], gold_events[g]).items():
                fields[name]["scored"] += 1
                fields[name]["right"] += right
                if not right:
                    field_errors.append(f"{name}: {why} (gold #{g} @ {_first_name(gold_events[g])})")

        forbidden = []
        for k, pred in enumerate(preds):
            for hit in _forbidden_hits(pred, record.get("forbidden") or []):
                forbidden.append(f"prediction #{k} @ {pred.get('location')}: {hit}")
        offset_errors = []
        for k, pred in enumerate(preds):
            offset_errors.extend(f"prediction #{k} {e}" for e in _offset_errors(pred, text))

        totals["gold_required"] += required
        totals["gold_optional"] += len(gold_events) - required
        totals["predicted"] += len(preds)
        totals["tp"] += tp
        totals["fp"] += fp
        totals["fn"] += fn
        totals["optional_paired"] += optional_paired
        totals["forbidden_hits"] += len(forbidden)
        totals["evidence_offset_errors"] += len(offset_errors)
        per_article.append({
            "id": article.get("id"),
            "tp": tp, "fp": fp, "fn": fn, "optional_paired": optional_paired,
            "pairs": [{"gold": g, "predicted": p, "optional": bool(gold_events[g].get("optional"))}
                      for g, p in pairs],
            "forbidden": forbidden,
            "missed": [_describe_gold(ev) for i, ev in enumerate(gold_events)
                       if i not in paired_gold and not ev.get("optional")],
            "spurious": [_describe_pred(pr) for k, pr in enumerate(preds) if k not in paired_pred],
            "field_errors": field_errors,
            "evidence_offset_errors": offset_errors,
        })

    counted = totals["predicted"] - totals["optional_paired"]
    precision = _ratio(totals["tp"], counted)
    recall = _ratio(totals["tp"], totals["gold_required"])
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    for entry in fields.values():
        entry["share"] = entry["right"] / entry["scored"] if entry["scored"] else None
    return {
        "articles": len(gold),
        "gold_required": totals["gold_required"],
        "gold_optional": totals["gold_optional"],
        "predicted": totals["predicted"],
        "optional_paired": totals["optional_paired"],
        "tp": totals["tp"], "fp": totals["fp"], "fn": totals["fn"],
        "precision": precision, "recall": recall, "f1": f1,
        "fields": fields,
        "forbidden_hits": totals["forbidden_hits"],
        "evidence_offset_errors": totals["evidence_offset_errors"],
        "extractor_errors": 0,
        "per_article": per_article,
    }


def _first_name(gold_event: dict) -> str:
    names = (gold_event.get("location") or {}).get("names") or []
    return names[0] if names else "?"


# --------------------------------------------------------------------------- running the extractor

def _article_from_gold(record: dict) -> Article:
    a = record["article"]
    published = a.get("published")
    return Article(
        text=a["text"],
        id=a.get("id"),
        published=date.fromisoformat(published[:10]) if published else None,
        source=a.get("source"),
        url=a.get("url"),
        language=a.get("language") or "ar",
        title=a.get("title"),
    )


def evaluate_file(path: str | Path, extractor: Callable[[Article], list[Event]] | None = None) -> dict:
    """Run ``extractor`` (default ``marsad.pipeline.extract_article``) on every
    gold article of ``path`` and score the events it returns."""
    if extractor is None:
        from marsad.pipeline import extract_article as extractor
    gold = load_gold(path)
    predictions, errors = [], {}
    for i, record in enumerate(gold):
        article = _article_from_gold(record)
        try:
            events = extractor(article)
            predictions.append([e.to_record() if isinstance(e, Event) else dict(e) for e in events])
        except Exception as exc:  # one failing article must not hide the others' scores
            errors[i] = f"{type(exc).__name__}: {exc}"
            predictions.append([])
    report = score(gold, predictions)
    report["extractor_errors"] = len(errors)
    for i, message in errors.items():
        report["per_article"][i]["error"] = message
    return report


# --------------------------------------------------------------------------- the table

def _fmt(share: float | None) -> str:
    return "  n/a" if share is None else f"{share:.3f}"


def _summary_line(report: dict) -> str:
    shares = [f["share"] for f in report["fields"].values() if f["share"] is not None]
    line = (f"events P={report['precision']:.3f} R={report['recall']:.3f} F1={report['f1']:.3f}"
            f" | forbidden {report['forbidden_hits']}"
            f" | fields min {_fmt(min(shares)) if shares else 'n/a'}")
    if report.get("extractor_errors"):
        line += f" | extractor errors {report['extractor_errors']}"
    return line


def format_report(report: dict) -> str:
    """A compact table for developers; the last line is a one-line summary."""
    lines = [
        f"articles {report['articles']}  gold required {report['gold_required']}"
        f" optional {report['gold_optional']}  predicted {report['predicted']}"
        f" (paired to optional {report.get('optional_paired', 0)})",
        f"events     TP {report['tp']}  FP {report['fp']}  FN {report['fn']}"
        f"  P {report['precision']:.3f}  R {report['recall']:.3f}  F1 {report['f1']:.3f}",
        "field            share  right/scored",
    ]
    for name, entry in report["fields"].items():
        lines.append(f"  {name:<15}{_fmt(entry['share'])}  {entry['right']}/{entry['scored']}")
    lines.append(f"forbidden hits {report['forbidden_hits']}"
                 f"  evidence offset errors {report['evidence_offset_errors']}"
                 + (f"  extractor errors {report['extractor_errors']}" if report.get("extractor_errors") else ""))
    lines.append("")
    lines.append("article            tp/fp/fn  forbidden")
    for art in report["per_article"]:
        lines.append(f"{str(art['id']):<18} {art['tp']}/{art['fp']}/{art['fn']:<6} {len(art['forbidden'])}")
        if art.get("error"):
            lines.append(f"    extractor error: {art['error']}")
        for label, key in (("missed", "missed"), ("spurious", "spurious"), ("field", "field_errors"),
                           ("forbidden", "forbidden"), ("offset", "evidence_offset_errors")):
            for item in art.get(key, []):
                lines.append(f"    {label}: {item}")
    lines.append("")
    lines.append(_summary_line(report))
    return "\n".join(lines)
