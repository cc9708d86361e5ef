"""The town names the overview's map writes at higher zooms: ``data/towns.tsv``, the gazetteer's
cities and towns (English and Arabic names, position, population), the most populous first.

The file is made from the gazetteer (``python -m marsad.web.towns``, after a change of the
gazetteer's data) so that ``marsad serve`` need not load the whole gazetteer (seconds) to draw a
map; :func:`load_towns` reads and checks it (a bad row is an error naming its line).
"""
from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.errors import KnowledgeBaseError

__all__ = ["Town", "TOWNS", "load_towns", "write_towns"]

TOWNS = Path(__file__).parent / "data" / "towns.tsv"
COLUMNS = ("name", "name_ar", "country_code", "latitude", "longitude", "population")
HEADER = ("# The gazetteer's cities and towns for the overview map's labels, the most populous first.\n"
          "# Made by `python -m marsad.web.towns` from marsad.geo.gazetteer (GeoNames, CC BY 4.0, and the\n"
          "# knowledge base's places.tsv); name_ar is empty where the gazetteer has no Arabic-script name.\n")
# An Arabic name worth writing: Arabic letters, spaces and a few marks only (some GeoNames "Arabic"
# names mix Latin letters in).
ARABIC_NAME = re.compile(r"[\u0600-\u06ff\u0750-\u077f ()'-]+")


@dataclass(frozen=True)
class Town:
    name: str
    name_ar: str | None
    country_code: str
    latitude: float
    longitude: float
    population: int


@lru_cache(maxsize=1)
def load_towns(path: Path = TOWNS) -> tuple[Town, ...]:
    """The towns of ``path`` in its order (most populous first), checked."""
    towns = []
    with open(path, encoding="utf-8") as fh:
        header = None
        for number, line in enumerate(fh, 1):
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            where = f"{path}:{number}"
            if header is None:
                if tuple(cells) != COLUMNS:
                    raise KnowledgeBaseError(f"the header must be {' '.join(COLUMNS)}", where=where)
                header = cells
                continue
            if len(cells) != len(COLUMNS):
                raise KnowledgeBaseError(f"{len(cells)} columns, expected {len(COLUMNS)}", where=where)
            row = dict(zip(COLUMNS, cells))
            try:
                lat, lon, population = float(row["latitude"]), float(row["longitude"]), int(row["population"])
            except ValueError:
                raise KnowledgeBaseError("latitude and longitude must be numbers, population a whole number",
                                         where=where) from None
            if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180) \
                    or population < 0:
                raise KnowledgeBaseError("latitude -90..90, longitude -180..180, population 0 or more", where=where)
            if not row["name"] or (row["name_ar"] and not ARABIC_NAME.fullmatch(row["name_ar"])) \
                    or not re.fullmatch(r"[A-Z]{2}", row["country_code"]):
                raise KnowledgeBaseError("a name, an Arabic name in Arabic letters (or none) and a country code "
                                         "of two capital letters", where=where)
            towns.append(Town(row["name"], row["name_ar"] or None, row["country_code"], lat, lon, population))
    if header is None:
        raise KnowledgeBaseError("no header line", where=str(path))
    return tuple(towns)


def write_towns(path: Path = TOWNS) -> int:
    """Write the file from the gazetteer; returns how many towns."""
    from marsad.geo.gazetteer import load_gazetteer

    places = [p for p in load_gazetteer().places() if p.kind in ("city", "town") and p.latitude is not None
              and p.longitude is not None and "\t" not in p.name]
    places.sort(key=lambda p: (-(p.population or 0), p.kind != "city", p.name, p.place_id))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER)
        out.write("\t".join(COLUMNS) + "\n")
        for p in places:
            arabic = p.name_ar if p.name_ar and ARABIC_NAME.fullmatch(p.name_ar) else ""
            out.write("\t".join((p.name, arabic, p.country_code, f"{p.latitude:.5f}", f"{p.longitude:.5f}",
                                 str(p.population or 0))) + "\n")
    return len(places)


if __name__ == "__main__":
    print(f"{write_towns()} towns written to {TOWNS}", file=sys.stderr)
