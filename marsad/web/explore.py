"""The API routes the overview screen reads besides pages of events: the map's clusters and points
for a view (``/api/map``), place names to write on it (``/api/map/places``), the boundaries with
their Arabic names (``/api/areas``), and downloads of the filtered events as ACLED CSV, JSON
Lines or GeoJSON (``/api/download``), streamed a record at a time.

The routes only translate HTTP into library calls (:func:`marsad.store.queries.map_cells`,
:func:`marsad.export.stored_records` and the export's chunk writers).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from marsad import export
from marsad.errors import UsageError
from marsad.kb import load_table, split_list
from marsad.store import Store, event_filters, queries
from marsad.web.towns import load_towns

__all__ = ["add_explore_routes", "areas_geojson", "town_labels"]

AREAS = Path(__file__).parent.parent / "geo" / "data" / "areas.geojson"
# How many place names the map writes in a view at most, and from which zoom on.
TOWN_LABELS = 60
TOWN_LABEL_ZOOM = 7
DOWNLOADS = {"acled-csv": ("text/csv; charset=utf-8", "csv", export.acled_csv_chunks),
             "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl", export.jsonl_chunks),
             "geojson": ("application/geo+json; charset=utf-8", "geojson", export.geojson_chunks),
             "removed-csv": ("text/csv; charset=utf-8", "removed.csv", export.removed_csv_chunks)}


class Cluster(BaseModel):
    lat: float
    lon: float
    count: int
    fatalities: int
    types: dict[str, int] = Field(description="events of each event type in the cluster")
    bounds: list[float] = Field(description="W,S,E,N of the cluster's events")


class Point(BaseModel):
    event_id: str
    lat: float
    lon: float
    event_type: str
    fatalities: int


class MapView(BaseModel):
    zoom: int
    cell_degrees: float = Field(description="the width of the grid's cells, in degrees")
    total: int = Field(description="events matching the filters: in_view + outside + unlocated")
    in_view: int = Field(description="events in the clusters and points of this answer")
    outside: int = Field(description="events with coordinates outside the view")
    unlocated: int = Field(description="matching events without coordinates (not on the map)")
    clusters: list[Cluster]
    points: list[Point]


class TownLabel(BaseModel):
    name: str
    name_ar: str | None
    lat: float
    lon: float
    population: int


@lru_cache(maxsize=1)
def areas_geojson() -> bytes:
    """The packaged boundaries (countries, governorates) with each governorate's Arabic name and
    the point its label is written at (its seat, from ``kb/data/admin1.tsv``)."""
    areas = json.loads(AREAS.read_text(encoding="utf-8"))
    seats = {row["iso_code"]: row for row in load_table("admin1.tsv", required=("iso_code", "name", "lat", "lon"))}
    countries = {row["code"]: row for row in load_table("countries.tsv", required=("code", "name"))}
    for feature in areas["features"]:
        props = feature["properties"]
        row = seats.get(props.get("iso_code") or "") if props.get("level") == "admin1" else None
        if row is not None:
            props["name_ar"] = (split_list(row.get("names_ar") or "") or [None])[0]
            props["label"] = [float(row["lat"]), float(row["lon"])]
        country = countries.get(props.get("country_code") or "")
        if props.get("level") == "country" and country is not None:
            props.setdefault("name", country["name"])
            props["name_ar"] = (split_list(country.get("names_ar") or "") or [None])[0]
    return json.dumps(areas, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def town_labels(view: tuple[float, float, float, float], zoom: float, limit: int = TOWN_LABELS) -> list[dict]:
    """The names of the largest towns in ``view`` (W,S,E,N) worth writing at ``zoom``: none below
    ``TOWN_LABEL_ZOOM``, then up to ``limit``, the most populous first."""
    if zoom < TOWN_LABEL_ZOOM:
        return []
    w, s, e, n = view
    out = []
    for town in load_towns():
        if w <= town.longitude <= e and s <= town.latitude <= n:
            out.append({"name": town.name, "name_ar": town.name_ar, "lat": town.latitude, "lon": town.longitude,
                        "population": town.population})
            if len(out) >= limit:
                break
    return out


def _view(value: str | None) -> tuple[float, float, float, float] | None:
    """W,S,E,N of the map's view; longitudes beyond ±180 (a map panned around) are clamped."""
    if not value:
        return None
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise UsageError("view must be W,S,E,N in degrees") from None
    w, e = max(-180.0, w), min(180.0, e)
    s, n = max(-90.0, s), min(90.0, n)
    if not (w <= e and s <= n):
        raise UsageError("view must be W,S,E,N in degrees, with W <= E and S <= N")
    return w, s, e, n


def add_explore_routes(app: FastAPI, store: Store, *, filters_of, errors: dict) -> None:
    """The map, place-name, boundary and download routes (see the module's docstring)."""

    @app.get("/api/map", response_model=MapView, responses=errors, tags=["map"])
    def map_view(filters: dict = Depends(filters_of),
                 zoom: int = Query(5, ge=0, le=20, description="the map's zoom level (Leaflet's)"),
                 view: str | None = Query(None, max_length=200, description="W,S,E,N of the map's view; "
                                          "clusters and points outside it are left out (but counted)")):
        """The filtered events as the map draws them at a zoom: clusters of nearby events (count,
        deaths, events per type) and single events, with counts that add up to the filtered total."""
        return queries.map_cells(store, zoom=zoom, view=_view(view), **filters)

    @app.get("/api/map/places", response_model=list[TownLabel], responses=errors, tags=["map"])
    def map_places(view: str = Query(..., max_length=200, description="W,S,E,N of the map's view"),
                   zoom: float = Query(..., ge=0, le=20)):
        """Names of the largest towns in the view (from the gazetteer), none below zoom 7."""
        bounds = _view(view)
        if bounds is None:
            raise UsageError("view must be W,S,E,N in degrees")
        return town_labels(bounds, zoom)

    @app.get("/api/areas", tags=["map"], responses=errors)
    def areas() -> Response:
        """Country outlines and governorate polygons (GeoJSON) for the basemap, with Arabic names
        and the point each governorate's label is written at."""
        return Response(areas_geojson(), media_type="application/geo+json")

    @app.get("/api/download", tags=["events"], responses={**errors, 200: {"content": {
        "text/csv": {}, "application/x-ndjson": {}, "application/geo+json": {}}}})
    def download(filters: dict = Depends(filters_of),
                 format: Literal[tuple(DOWNLOADS)] = "acled-csv",  # type: ignore[valid-type]
                 inter_labels: bool = Query(False, description="acled-csv: ACLED's text labels of actor types "
                                                               "instead of their codes")) -> Any:
        """Every event matching the filters as ACLED-style CSV, JSON Lines or GeoJSON (what
        ``marsad export`` writes), streamed: read from the database a chunk at a time. With
        ``updated_since`` (an incremental pull), the events changed since in the order of their
        changes, and in JSON Lines and GeoJSON the events removed since as well (``status``
        merged, with ``merged_into``, or deleted); ``format=removed-csv`` lists the removed events
        alone as ACLED's deleted-events list does (``event_id_cnty``, ``deleted_timestamp``)."""
        if inter_labels and format != "acled-csv":
            raise UsageError("inter_labels is an option of format=acled-csv")
        media, suffix, chunks = DOWNLOADS[format]
        event_filters(**filters)  # a bad filter is a 400, before the answer starts
        since = filters.get("updated_since")
        if format == "removed-csv":
            records = export.removed_records(store, updated_since=since or 0)
        elif since is not None and format != "acled-csv":
            records = export.changed_records(store, **filters)
        else:
            records = export.stored_records(store, **filters)
        body = chunks(records, inter_labels=inter_labels) if format == "acled-csv" else chunks(records)
        return StreamingResponse(_batched(body), media_type=media, headers={
            "content-disposition": f'attachment; filename="marsad-events.{suffix}"'})


def _batched(chunks, size: int = 1 << 16):
    """The chunks joined into pieces of about ``size`` bytes (a record each would be many small writes)."""
    pending: list[str] = []
    n = 0
    for chunk in chunks:
        pending.append(chunk)
        n += len(chunk)
        if n >= size:
            yield "".join(pending).encode("utf-8")
            pending.clear()
            n = 0
    if pending:
        yield "".join(pending).encode("utf-8")
