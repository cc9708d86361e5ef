"""Where in its container an event lies that the text places only by that container.

"قرية X بريف حمص الشرقي"، "X شرقي منبج"، "في ريف دمشق": when the text gives no place more
precise than a town's countryside, a side of a town or a governorate, the record's point is
not the town's centre (a village of the Damascus countryside put at Damascus is both far from
it and at the one place it is not). The point is derived from the gazetteer's own settlements:

* **the container's settlements.** A town's countryside is the known settlements of its
  governorate (and of a governorate that rings it: ريف دمشق) for which it is the nearest
  town of at least its size, so a governorate seat's countryside is its governorate and a
  district town's is its own part of it. A governorate named as such (محافظة درعا، ريف دمشق)
  holds its settlements. The town's own built-up area is left out: its radius follows from
  its population at a city's gross density (``URBAN_DENSITY_PER_KM2``).
* **the side the text names.** Of those, the settlements whose bearing from the town lies
  within the side's sector (``SECTOR_HALF_WIDTH``); "X شرقي Y" (a side, not a countryside)
  takes only the ``NEAREST_ON_SIDE`` nearest of them, a place said to lie east of a town
  being near it.
* **the point** is the geometric median of those settlements (the point with the least
  summed distance to them: where an unknown one of them is nearest on average). Each
  settlement counts once, a village as much as a town: the unknown place is one of them.
  A countryside all around its city has its median in the city, the one place the text does
  not put the event in: then the settlement nearest the median. The point moves no farther
  from the town than the annotation guide's reach of such a place (``MAX_KM_FROM_TOWN``,
  ``MAX_KM_FROM_SEAT``, ``MAX_KM_ON_SIDE``): drawn in along the same bearing. When it falls
  outside the governorate's polygon (an area bent around a border or a coast), the chosen
  settlement nearest it inside is taken. When fewer than ``MIN_PLACES`` settlements are known
  on that side, the town's point is moved along the side's bearing by the median distance of
  its countryside's settlements (or, for a small town with none, half the way to the nearest
  town of its size).

The record keeps the village's name (or, for a countryside with no place of its own, its name:
"Eastern Homs countryside"), its precision (2, or 3 for a governorate) and a note saying how
the point was found; the point never leaves the container's governorate.

>>> from marsad.geo.gazetteer import load_gazetteer
>>> homs = load_gazetteer().lookup("حمص")[0]
>>> point = container_point(homs, "east", countryside=True)
>>> point.longitude > homs.longitude + 0.2   # well east of the city, in its eastern countryside
True
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from marsad.geo.gazetteer import _FIELDS, distance_km, load_gazetteer, on_names_changed
from marsad.model import Place

__all__ = ["ContainerPoint", "container_point", "countryside_members", "countryside_name", "BEARINGS"]

SETTLEMENTS = ("city", "town", "village")
BEARINGS = {"north": 0.0, "north-east": 45.0, "east": 90.0, "south-east": 135.0, "south": 180.0,
            "south-west": 225.0, "west": 270.0, "north-west": 315.0}
# How far on either side of a named side's bearing a settlement still lies on that side: a
# cardinal side ("الشرقي") takes half of each neighbouring quarter, an intercardinal one
# ("الشمالي الغربي") its own quarter.
SECTOR_HALF_WIDTH = {"north": 67.5, "east": 67.5, "south": 67.5, "west": 67.5}
INTERCARDINAL_HALF_WIDTH = 45.0
# Gross density (people per km²) of a town of the region with its suburbs: the radius of the
# town's own built-up area (left out of its countryside) is that of a disc holding its people.
URBAN_DENSITY_PER_KM2 = 5000.0
MIN_URBAN_RADIUS_KM = 2.0
# "X شرقي Y": the nearest settlements on that side place X, not the whole countryside.
NEAREST_ON_SIDE = 3
# Fewer settlements than this on a side: the point is moved along the bearing instead.
MIN_PLACES = 3
# How far from the town (or the governorate's seat) the point may move at most. The annotation
# guide (shared/docs/annotation-guide.md, 5) accepts an event the text places only in the
# countryside of X within 25 km of X, and one placed only in a governorate within 60 km of its
# seat: the point moves towards the container's settlements by no more than four fifths of that,
# so that it stays where the guide accepts it however the gold rounds the town's centre.
MAX_KM_FROM_TOWN = 20.0
MAX_KM_FROM_SEAT = 48.0
# A place said to lie on one side of a town ("X شرقي Y", not its countryside) is near the town:
# the hand-checked sets take it within 10 km of the town's centre.
MAX_KM_ON_SIDE = 8.0
_ADJECTIVE = {"north": "Northern", "south": "Southern", "east": "Eastern", "west": "Western",
              "north-east": "North-eastern", "north-west": "North-western",
              "south-east": "South-eastern", "south-west": "South-western"}


@dataclass(frozen=True)
class ContainerPoint:
    """A point inside a container and how it was found."""

    latitude: float
    longitude: float
    km: float  # from the container's own point (its seat or centre)
    places: int  # settlements the point was derived from (0: moved along the bearing)
    how: str  # a sentence for the record's notes
    admin1: str | None = None  # the governorate the point lies in (ريف دمشق for the countryside of Damascus)


def urban_radius_km(place: Place) -> float:
    """The radius of a town's own built-up area, from its population."""
    return max(MIN_URBAN_RADIUS_KM, math.sqrt(max(place.population, 0) / (math.pi * URBAN_DENSITY_PER_KM2)))


def _bearing(lat0: float, lon0: float, lat: float, lon: float) -> float:
    """Initial bearing (degrees from north) from the first point to the second."""
    phi0, phi = math.radians(lat0), math.radians(lat)
    dlon = math.radians(lon - lon0)
    x = math.sin(dlon) * math.cos(phi)
    y = math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(dlon)
    return math.degrees(math.atan2(x, y)) % 360.0


def _on_side(bearing: float, side: str) -> bool:
    half = SECTOR_HALF_WIDTH.get(side, INTERCARDINAL_HALF_WIDTH)
    return abs((bearing - BEARINGS[side] + 180.0) % 360.0 - 180.0) <= half


def _moved(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    rad = math.radians(bearing)
    return (lat + km * math.cos(rad) / 111.195,
            lon + km * math.sin(rad) / (111.195 * math.cos(math.radians(lat))))


def _geometric_median(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Weiszfeld's iteration on a plane scaled at the points' mean latitude (fine over a
    governorate)."""
    lat0 = sum(p[0] for p in points) / len(points)
    kx = math.cos(math.radians(lat0))
    xy = [(lon * kx, lat) for lat, lon in points]
    x = sum(p[0] for p in xy) / len(xy)
    y = sum(p[1] for p in xy) / len(xy)
    for _ in range(100):
        num_x = num_y = den = 0.0
        for px, py in xy:
            d = math.hypot(px - x, py - y)
            if d < 1e-9:
                continue
            num_x += px / d
            num_y += py / d
            den += 1.0 / d
        if den == 0.0:
            break
        nx, ny = num_x / den, num_y / den
        if math.hypot(nx - x, ny - y) < 1e-7:
            x, y = nx, ny
            break
        x, y = nx, ny
    return y, x / kx


@on_names_changed
def _forget() -> None:
    """Analysts' local places are settlements too: the containers are derived again."""
    _settlements_in.cache_clear()
    countryside_members.cache_clear()
    _container_point.cache_clear()


@lru_cache(maxsize=1)
def _ringed() -> dict[tuple[str, str], tuple[str, ...]]:
    """(country, city name) -> the governorates that ring the city (admin1.tsv ``surrounds``)."""
    from marsad.kb import load_table
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in load_table("admin1.tsv"):
        if row.get("surrounds"):
            key = (row["country_code"], row["surrounds"])
            out[key] = (*out.get(key, ()), row["name"])
    return out


@lru_cache(maxsize=64)
def _settlements_in(country_code: str) -> tuple[Place, ...]:
    """The gazetteer's settlements of one country (read from the raw rows: making a Place of
    every place of the gazetteer would cost ten times more)."""
    gaz = load_gazetteer()
    kind, country = _FIELDS.index("kind"), _FIELDS.index("country_code")
    return tuple(gaz.get(pid) for pid, row in gaz.rows()
                 if row[country] == country_code and row[kind] in SETTLEMENTS)


def _ring_centre(area: Place) -> Place | None:
    """The city a governorate rings (ريف دمشق: دمشق), or None."""
    for (cc, city), rings in _ringed().items():
        if cc == area.country_code and area.name in rings:
            found = [p for p in load_gazetteer().lookup(city) if p.kind == "city" and p.country_code == cc]
            if found:
                return found[0]
    return None


# How near the governorate's point (its seat's, admin1.tsv) a settlement is its seat.
SEAT_KM = 5.0


def _seat(area: Place, settlements: tuple[Place, ...]) -> Place | None:
    """The governorate's seat: its largest settlement within ``SEAT_KM`` of its point."""
    near = [p for p in settlements if p.admin1 == area.name and
            distance_km(p.latitude, p.longitude, area.latitude, area.longitude) <= SEAT_KM]
    return max(near, key=lambda p: p.population) if near else None


@dataclass(frozen=True)
class Countryside:
    """A container's known settlements: ``area`` as the text gives it, ``centre`` the point its
    sides are measured from, ``admin1`` the governorates (ACLED names) the point must lie in."""

    area: Place
    centre: Place
    members: tuple[Place, ...]
    admin1: frozenset[str]
    peer_km: float = 0.0  # a town's: how far the nearest town of at least its size lies


@lru_cache(maxsize=512)
def countryside_members(place_id: str) -> Countryside:
    """The known settlements of a container's countryside. A governorate's are its settlements
    outside the built-up area of the city it rings (ريف دمشق) or of its seat, measured from that
    city or seat; a town's are those of its governorate, and of any governorate that rings it,
    for which it is the nearest town of at least its size, outside its own built-up area."""
    place = load_gazetteer().get(place_id)
    if place is None:
        raise KeyError(place_id)
    settlements = _settlements_in(place.country_code)
    if place.kind == "admin1":
        centre = _ring_centre(place) or _seat(place, settlements) or place
        reach = urban_radius_km(centre) if centre is not place else 0.0
        members = tuple(p for p in settlements if p.admin1 == place.name and
                        distance_km(p.latitude, p.longitude, centre.latitude, centre.longitude) > reach)
        return Countryside(place, centre, members, frozenset({place.name}))
    areas = frozenset({place.admin1, *_ringed().get((place.country_code, place.name), ())} - {None})
    candidates = [p for p in settlements if p.place_id != place.place_id and (not areas or p.admin1 in areas)]
    peers = [(q.latitude, q.longitude) for q in settlements
             if q.population >= place.population and q.place_id != place.place_id]
    reach = urban_radius_km(place)
    members = []
    for p in candidates:
        d = distance_km(p.latitude, p.longitude, place.latitude, place.longitude)
        if d <= reach:
            continue
        band = d / 110.0  # a peer farther north or south than d is farther than d
        if any(abs(lat - p.latitude) < band and distance_km(p.latitude, p.longitude, lat, lon) < d
               for lat, lon in peers):
            continue
        members.append(p)
    peer_km = min((distance_km(lat, lon, place.latitude, place.longitude) for lat, lon in peers), default=0.0)
    return Countryside(place, place, tuple(members), areas, peer_km)


def _inside(lat: float, lon: float, country_code: str, admin1: frozenset[str]) -> bool:
    """Is the point inside one of the governorates (or the country, where no polygon has them)?"""
    return _governorate_of(lat, lon, country_code, admin1) is not False


def _governorate_of(lat: float, lon: float, country_code: str, admin1: frozenset[str]) -> str | bool | None:
    """The one of ``admin1`` (ACLED names) whose polygon holds the point; False when none does;
    None when there is no polygon to tell (then the country's outline must hold the point)."""
    from marsad.errors import UsageError
    from marsad.geo import areas
    gaz = load_gazetteer()
    codes = []
    for name in sorted(admin1):
        area = gaz.admin1_place(country_code, name)
        if area is not None and area.place_id.startswith("adm1:"):
            codes.append((name, area.place_id.split(":", 1)[1]))
    try:
        for name, code in codes:
            if areas.in_admin1(lat, lon, code):
                return name
        if codes:
            return False
        return None if areas.in_country(lat, lon, country_code) else False
    except UsageError:
        return None  # no polygon to test the point against


def _named(lat: float, lon: float, country_code: str, admin1: frozenset[str]) -> str | None:
    found = _governorate_of(lat, lon, country_code, admin1)
    if isinstance(found, str):
        return found
    return next(iter(admin1)) if len(admin1) == 1 else None


def _reach(c: Countryside, countryside: bool) -> float:
    """How far the point may move: a side of a town from the town; a town's countryside (and a
    governorate that rings a city, ريف دمشق) from the town; a governorate from its seat."""
    if not countryside:
        return MAX_KM_ON_SIDE
    if c.area.kind == "admin1" and _ring_centre(c.area) is None:
        return MAX_KM_FROM_SEAT
    return MAX_KM_FROM_TOWN


def container_point(place: Place, side: str | None, *, countryside: bool) -> ContainerPoint | None:
    """The point of an event the text places only in ``place``'s countryside (``countryside``)
    or on one ``side`` of it: a compass side of :data:`BEARINGS` or None for the whole
    countryside. None when the gazetteer knows no settlement there (the caller keeps the
    place's own point)."""
    if side is not None and side not in BEARINGS:
        side = None
    if side is None and not countryside:
        return None
    return _container_point(place.place_id, side, countryside)


@lru_cache(maxsize=2048)
def _container_point(place_id: str, side: str | None, countryside: bool) -> ContainerPoint | None:
    c = countryside_members(place_id)
    area, centre = c.area, c.centre
    if not c.members and not (side and c.peer_km):
        return None
    c_lat, c_lon = centre.latitude, centre.longitude
    cc = area.country_code

    def km_from_centre(lat: float, lon: float) -> float:
        return distance_km(lat, lon, c_lat, c_lon)

    chosen = list(c.members)
    if side is not None:
        chosen = [p for p in c.members if _on_side(_bearing(c_lat, c_lon, p.latitude, p.longitude), side)]
        if not countryside:
            chosen.sort(key=lambda p: km_from_centre(p.latitude, p.longitude))
            chosen = chosen[:NEAREST_ON_SIDE]
    reach = _reach(c, countryside)
    if side and not countryside:
        what = f"the {side} side of {centre.name}"
    elif area.kind == "admin1" and side is None:
        what = f"the governorate of {area.name}"
    elif side:
        what = f"the {_ADJECTIVE[side].lower()} countryside of {centre.name}"
    else:
        what = f"the countryside of {centre.name}"
    if len(chosen) < MIN_PLACES:
        if side is None:
            return None
        spread = sorted(km_from_centre(p.latitude, p.longitude) for p in c.members)
        if spread and (len(spread) >= MIN_PLACES or not c.peer_km):
            km, told = spread[len(spread) // 2], f"the median distance of the {len(spread)} settlements it knows there"
        else:
            # a small town: its countryside reaches half-way to the nearest town of its size
            km, told = c.peer_km / 2, "half the distance to the nearest town of its size"
        km = min(km, reach)
        lat, lon = _moved(c_lat, c_lon, BEARINGS[side], km)
        if km <= 0 or not _inside(lat, lon, cc, c.admin1):
            return None
        how = (f"The point is {round(km)} km {side} of {centre.name} in {what}: the gazetteer knows fewer "
               f"than {MIN_PLACES} settlements there, so the point lies on the side the text gives at {told} "
               f"(at most {reach:g} km).")
        return ContainerPoint(lat, lon, round(km, 1), 0, how, _named(lat, lon, cc, c.admin1))
    lat, lon = _geometric_median([(p.latitude, p.longitude) for p in chosen])
    how = f"the geometric median of the {len(chosen)} settlements the gazetteer knows in {what}"
    if centre.kind in SETTLEMENTS and km_from_centre(lat, lon) <= urban_radius_km(centre):
        # "في ريف حمص": a countryside all around its city has its median in the city, the one
        # place the text does not put the event in: its settlement nearest the median
        nearest = min(chosen, key=lambda p: distance_km(p.latitude, p.longitude, lat, lon))
        lat, lon = nearest.latitude, nearest.longitude
        how = (f"{nearest.name}, the settlement nearest the median of the {len(chosen)} the gazetteer knows in "
               f"{what} (the median lies in the city itself)")
    km = km_from_centre(lat, lon)
    if km > reach:
        lat, lon = c_lat + (lat - c_lat) * reach / km, c_lon + (lon - c_lon) * reach / km
        how += f", drawn in to {reach:g} km of {centre.name} (the annotation guide's reach of such a place)"
    if not _inside(lat, lon, cc, c.admin1):
        # a median or a pull that leaves the governorate (an area bent around a border or a
        # coast): the chosen settlement nearest it that lies inside and within reach
        inside = [p for p in sorted(chosen, key=lambda p: distance_km(p.latitude, p.longitude, lat, lon))
                  if km_from_centre(p.latitude, p.longitude) <= reach
                  and _inside(p.latitude, p.longitude, cc, c.admin1)]
        if not inside:
            return None
        lat, lon = inside[0].latitude, inside[0].longitude
        how = (f"{inside[0].name}, the settlement nearest the median of the {len(chosen)} the gazetteer knows in "
               f"{what} that lies inside the governorate")
    km = km_from_centre(lat, lon)
    how = f"The point is {how}, {round(km)} km from {centre.name}: the text gives no more precise place."
    return ContainerPoint(lat, lon, round(km, 1), len(chosen), how, _named(lat, lon, cc, c.admin1))


def countryside_name(place: Place, side: str | None) -> str:
    """The location name of an event in a town's countryside: "Homs countryside",
    "Eastern Homs countryside"; a governorate keeps its own name ("Rural Damascus")."""
    base = place.name if place.kind == "admin1" else f"{place.name} countryside"
    adjective = _ADJECTIVE.get(side or "")
    return f"{adjective} {base}" if adjective else base
