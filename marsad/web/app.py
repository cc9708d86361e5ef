"""``marsad serve``: the REST API (``/api/...``, OpenAPI at ``/docs``) and the web app, over a store.

The routes only translate HTTP into library calls (:mod:`marsad.store`, :mod:`marsad.store.queries`);
reads are open, writes need an API token (``marsad token add NAME``), given as
``Authorization: Bearer <token>`` or, in the web app, by signing in (a cookie). Every error,
including a malformed parameter, is ``{"error": {"code": ..., "message": ...}}`` with a 4xx
status.
"""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit

import yaml
from fastapi import Body, Depends, FastAPI, Form, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline
from markupsafe import Markup, escape
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import export
from marsad.budget import Budget
from marsad.errors import MarsadError, NotFoundError, UsageError
from marsad.ingest import ingest
from marsad.model import Article
from marsad.store import EDITABLE_FIELDS, Store, open_store
from marsad.store import local_places, queries
from marsad.web import labels

__all__ = ["create_app"]

HERE = Path(__file__).parent
COOKIE = "marsad_token"
MAX_TEXT = 2_000_000
# The largest request body accepted: an article of MAX_TEXT characters, each written as a
# \uXXXX escape, fits; anything longer is refused (413) before it is read into memory.
MAX_BODY = 6 * MAX_TEXT + 65_536
# Sent with every response. Pages load scripts and styles from this server only, and may not be
# framed; the inline style attributes of the legend need 'unsafe-inline' for styles only.
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                 b"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                                 b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# The API documentation pages (Swagger UI, ReDoc) run an inline script; their code, styles and icon
# are served from here (fastapi-offline's copies), so they work with no network. ReDoc draws in workers.
DOCS_CSP = (b"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            b"img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'")
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# Responses longer than this are gzip-encoded for a client that accepts it, at a middle level:
# repetitive JSON and HTML compress nearly as well as at 9 for less of the server's time.
GZIP_MIN_BYTES = 2048
GZIP_LEVEL = 5
# How long a browser keeps a static asset before asking again (one hour; an unchanged asset then
# costs a 304). The assets' URLs carry no version, so a new marsad's scripts reach browsers within it.
STATIC_MAX_AGE = 3600


# --------------------------------------------------------------------------- API models

class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters (an estimate when total_estimated)")
    total_estimated: bool = Field(False, description="true when total was estimated, not counted: a filter "
                                                     "on actor, area, deaths or words matching very many events")
    limit: int
    offset: int
    cursor: str | None = Field(None, description="pass as cursor to get the next page (keyset paging; "
                                                 "null after the last page)")
    events: list[dict[str, Any]]


class Change(BaseModel):
    event_id: str
    status: Literal["changed", "merged", "deleted"]
    timestamp: int = Field(description="when, in Unix seconds (the export's timestamp column)")
    changed_at: str = Field(description="when, as an ISO date-time (UTC)")
    event: dict[str, Any] | None = Field(None, description="changed: the event's record as it is now")
    merged_into: str | None = Field(None, description="merged: the event its sources joined")
    editor: str | None = Field(None, description="deleted: who deleted it")
    note: str | None = Field(None, description="deleted: why")


class ChangePage(BaseModel):
    updated_since: str
    cursor: str | None = Field(None, description="pass as cursor to get the next page (null after the last page)")
    changes: list[Change]


class Facet(BaseModel):
    key: str | None
    events: int


class Facets(BaseModel):
    country: list[Facet]
    admin1: list[Facet]
    event_type: list[Facet]
    sub_event_type: list[Facet]
    actor: list[Facet] = Field(default_factory=list, description="actors, as actor1 or actor2, most first "
                                                                    "(the first 200)")


class Bucket(BaseModel):
    key: str | None
    events: int
    fatalities: int


class Stats(BaseModel):
    by: str
    buckets: list[Bucket]


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="the article text")
    id: str | None = Field(None, max_length=200, description="the article's id; it may contain '/'")
    published: date | None = None
    source: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=2000)
    language: Literal["ar", "en"] = "ar"


class IngestOut(BaseModel):
    status: Literal["new", "known"]
    article_id: str
    events: list[dict[str, Any]]


class EditIn(BaseModel):
    changes: dict[str, Any] = Field(description="field -> new value (null clears); see EDITABLE_FIELDS")
    note: str | None = Field(None, max_length=2000)


class SplitIn(BaseModel):
    source_key: int = Field(ge=1, le=2**31 - 1)


class SplitOut(BaseModel):
    event_id: str
    new_event_id: str


class PlaceIn(BaseModel):
    name: str = Field(min_length=1, max_length=300, description="the place name as written in the reports")
    latitude: float = Field(description="degrees, -90..90")
    longitude: float = Field(description="degrees, -180..180")
    country: str | None = Field(None, max_length=100, description="name or ISO code; default: where the point is")
    admin1: str | None = Field(None, max_length=200, description="governorate; default: where the point is")
    admin2: str | None = Field(None, max_length=200)
    kind: str | None = Field(None, max_length=30, description="village, town, city, neighbourhood or facility")
    note: str | None = Field(None, max_length=2000)
    event_id: str | None = Field(None, max_length=100, description="the event placed from its review screen")


class PlaceOut(BaseModel):
    place: dict[str, Any]
    created: bool
    events: list[str] = Field(description="the events re-geocoded")


ERRORS = {status: {"model": ErrorBody} for status in (400, 401, 404, 422)}
WRITE_ERRORS = {**ERRORS, 413: {"model": ErrorBody, "description": "the request body is over the size limit"}}


def _place_dict(p) -> dict[str, Any]:
    return dict(name=p.name, latitude=p.latitude, longitude=p.longitude, country=p.country,
                country_code=p.country_code, admin1=p.admin1, admin2=p.admin2, kind=p.kind, set_by=p.set_by,
                set_at=p.set_at.isoformat() if p.set_at else None, note=p.note)


def _place_name_of(record: dict) -> str:
    """The name an event's place is written with in its report (the chosen location evidence)."""
    for item in (record.get("evidence") or {}).get("location") or []:
        if isinstance(item, dict) and item.get("chosen"):
            return item.get("location") or item.get("text") or record.get("location") or ""
    return record.get("location") or ''


def _error(status: int, code: str, message: str, request: Request | None = None):
    if request is not None and not request.url.path.startswith("/api"):  # pages and their forms: a page
        body = (f'<!doctype html><meta charset="utf-8"><title>{status}</title><p>{escape(message)}</p>'
                f'<p><a href="/">marsad</a></p>')
        return HTMLResponse(body, status_code=status)
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


# --------------------------------------------------------------------------- helpers

# The fields of the review form, in its order.
REVIEW_FIELDS = ("event_type", "sub_event_type", "event_date", "location", "latitude", "longitude", "geo_precision",
                 "actor1", "actor2", "fatalities", "attribution")
# Interface strings the overview's script writes (ui.yaml), in the page's language.
JS_STRINGS = ("events_axis", "deaths_axis", "period_day", "period_week", "period_month", "on_map", "outside",
              "unlocated", "timeline", "deaths", "shown")


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("marsad_lang") or "en"
    return lang if lang in ("ar", "en") else "en"


@lru_cache(maxsize=1)
def ui() -> dict:
    return yaml.safe_load((HERE / "ui.yaml").read_text(encoding="utf-8"))


def _clean(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if "\x00" in value or len(value) > 500:
        raise UsageError(f"{name} must be text of at most 500 characters")
    return value


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not (-180 <= parts[0] <= parts[2] <= 180 and -90 <= parts[1] <= parts[3] <= 90):
        raise UsageError("bbox must be W,S,E,N in degrees, with W <= E and S <= N")
    return parts


def _clean_all(values: list[str] | None, name: str) -> str | list[str] | None:
    """A repeatable filter's values: None, one value as text, or several as a list (any matches)."""
    kept = [v for v in (_clean(v, name) for v in values or []) if v is not None]
    if len(kept) > 50:
        raise UsageError(f"{name} is given at most 50 times")
    return None if not kept else kept[0] if len(kept) == 1 else kept


def filters_of(since: date | None = Query(None, description="events on or after this date"),
               until: date | None = Query(None, description="events on or before this date"),
               country: list[str] | None = Query(None, max_length=100, description="country; repeat it for "
                                                 "any of several"),
               admin1: list[str] | None = Query(None, max_length=200, description="governorate; repeat it for "
                                                "any of several"),
               type: list[str] | None = Query(None, max_length=200, description="event type or sub-event type; "
                                              "repeat it for any of several"),
               actor: str | None = Query(None, max_length=300, description="part of an actor's name, or an "
                                         "alias the knowledge base knows (داعش)"),
               bbox: str | None = Query(None, max_length=200, description="W,S,E,N in degrees"),
               min_fatalities: int | None = Query(None, ge=0, le=1_000_000_000),
               min_confidence: float | None = Query(None, ge=0, le=1, description="events at least this sure "
                                                    "(the record's confidence, 0 to 1)"),
               text: str | None = Query(None, max_length=500, description="words of the event (its places, "
                                        "actors, type, notes, sources and quoted evidence, or its id), each the "
                                        "start of a word, whatever its hamza, ta marbuta, diacritics or "
                                        "proclitics"),
               updated_since: str | None = Query(None, max_length=40, description="events changed (ingested, "
                                                 "merged, edited, split) at or after this: Unix seconds (the "
                                                 "largest timestamp of a previous pull), a date or an ISO date-time "
                                                 "(UTC unless it says otherwise); /api/changes also gives the "
                                                 "events removed since")) -> dict:
    """The filters shared with ``marsad events`` and ``marsad export``."""
    found = {"since": since, "until": until, "country": _clean_all(country, "country"),
             "admin1": _clean_all(admin1, "admin1"), "event_type": _clean_all(type, "type"),
             "actor": _clean(actor, "actor"), "bbox": _bbox(bbox), "min_fatalities": min_fatalities,
             "min_confidence": min_confidence,
             "text": _clean(text, "text")}
    if updated_since not in (None, ""):  # checked here: a bad value is a 400 before anything is read
        found["updated_since"] = export.parse_updated_since(updated_since)
    return found


def highlight(text: str, evidence: dict, labels: dict[str, str]) -> Markup:
    """The article text, escaped, with every evidence span in a <mark> that names its fields.
    Overlapping spans are cut at every boundary, so each piece lists all the fields it supports."""
    spans = []
    for field, items in (evidence or {}).items():
        if field == "location_set_aside" or not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int) \
                    and 0 <= item["start"] < item["end"] <= len(text):
                spans.append((item["start"], item["end"], field))
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    starts: dict[int, list[str]] = {}
    for s, _, field in spans:
        starts.setdefault(s, []).append(field)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        fields = sorted({f for s, e, f in spans if s <= a and b <= e})
        if not fields:
            out.append(piece)
            continue
        names = " ".join(fields)
        badge = "".join(f'<span class="ev-label" data-field="{escape(f)}">{escape(labels.get(f, f))}</span>'
                        for f in sorted(set(starts.get(a, []))))
        title = escape(", ".join(labels.get(f, f) for f in fields))
        out.append(f'{badge}<mark class="ev" data-fields="{escape(names)}" title="{title}">{piece}</mark>')
    return Markup("".join(str(x) for x in out))


# --------------------------------------------------------------------------- static assets

class CachedStaticFiles(StaticFiles):
    """Static assets (the app's scripts and styles, vendored Leaflet) that browsers keep for
    ``STATIC_MAX_AGE`` seconds and then revalidate with their ETag (a 304 without a body)."""

    def file_response(self, *args, **kwargs):
        response = super().file_response(*args, **kwargs)
        response.headers.setdefault("cache-control", f"public, max-age={STATIC_MAX_AGE}")
        return response


# --------------------------------------------------------------------------- the guard

class Guard:
    """ASGI middleware in front of every route: security headers on every response; a write is
    refused before its body is read when it is cross-site (a form post whose Origin or
    Sec-Fetch-Site is another site), has no valid token (``/api``), or declares a body over
    ``max_body`` bytes; a body that turns out longer than that (chunked) is cut off with 413."""

    def __init__(self, app, store: Store, max_body: int = MAX_BODY):
        self.app = app
        self.store = store
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        csp = DOCS_CSP if path in ("/docs", "/redoc", "/docs/oauth2-redirect") else SECURITY_HEADERS[0][1]
        started = cut = False

        async def send_with_headers(message):
            nonlocal started
            if cut:  # the guard has answered already (413): the app's own answer is dropped
                return
            if message["type"] == "http.response.start":
                started = True
                headers = [h for h in message.get("headers", []) if h[0].lower() not in
                           {name for name, _ in SECURITY_HEADERS}]
                message = dict(message, headers=headers + [(b"content-security-policy", csp)] + SECURITY_HEADERS[1:])
            await send(message)

        if scope["method"] in UNSAFE_METHODS:
            refused = await self._refusal(scope, path)
            if refused is not None:
                return await _send_error(send_with_headers, *refused)
            seen = 0

            async def bounded_receive():
                nonlocal seen, cut
                message = await receive()
                if message["type"] == "http.request" and not cut:
                    seen += len(message.get("body", b""))
                    if seen > self.max_body:  # answer now, and tell the app the client has gone
                        if not started:
                            await _send_error(send_with_headers, 413, "E413", self._too_large())
                        cut = True
                        return {"type": "http.disconnect"}
                return message

            return await self.app(scope, bounded_receive, send_with_headers)
        return await self.app(scope, receive, send_with_headers)

    def _too_large(self) -> str:
        return f"the request body is larger than {self.max_body:,} bytes"

    async def _refusal(self, scope, path: str) -> tuple[int, str, str] | None:
        from starlette.concurrency import run_in_threadpool

        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if path.startswith("/api/"):
            auth = headers.get("authorization", "")
            token = auth[7:].strip() if auth.lower().startswith("bearer ") else None
            if await run_in_threadpool(queries.token_name, self.store, token) is None:
                return 401, "E401", "this needs a valid API token: Authorization: Bearer <token>"
        else:
            # a form of this site only: browsers send Origin with every POST, and Sec-Fetch-Site
            origin = headers.get("origin")
            if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none") or \
                    (origin is not None and urlsplit(origin).netloc != headers.get("host", "")):
                return 403, "E403", "a form from another site cannot write here"
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            return 413, "E413", self._too_large()
        return None


async def _send_error(send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


# --------------------------------------------------------------------------- the app

def create_app(db_url: str | None = None, store: Store | None = None, max_body: int = MAX_BODY,
               budget: Budget | None = Budget()) -> FastAPI:
    """The API and the web app over the dataset at ``db_url`` (see :func:`marsad.store.database_url`);
    request bodies over ``max_body`` bytes are refused; a posted article whose extraction goes
    over ``budget`` (time, size) is refused with 400 and kept in ``rejected``."""
    store = store or open_store(db_url)
    app = FastAPIOffline(title="marsad", version=__import__("marsad").__version__,
                         swagger_ui_parameters={"validatorUrl": None},  # no badge from validator.swagger.io
                         description="Political-violence events extracted from Arabic news: query, aggregate, "
                                     "ingest, correct. Reads are open; writes need `Authorization: Bearer <token>` "
                                     "(`marsad token add NAME`).")
    app.state.store = store
    # responses over GZIP_MIN_BYTES are compressed for clients that accept gzip (the home page with
    # its inline events, the events lists); the guard, outermost, adds its headers to either
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)
    app.add_middleware(Guard, store=store, max_body=max_body)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", CachedStaticFiles(directory=str(HERE / "static")), name="static")

    # ---- errors: one shape
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "body", "path"))
        return _error(422, "E422", f"{where or 'request'}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, f"E{exc.status_code}", str(exc.detail), request)

    @app.exception_handler(MarsadError)
    async def _marsad(request: Request, exc: MarsadError):
        status = 404 if isinstance(exc, NotFoundError) else 400 if isinstance(exc, UsageError) else 500
        return _error(status, exc.code, exc.message, request)

    # ---- auth
    def editor(request: Request) -> str:
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else None
        name = queries.token_name(store, token)
        if name is None:
            raise StarletteHTTPException(401, "this needs a valid API token: Authorization: Bearer <token>")
        return name

    # ---- API: reads
    @app.get("/api/events", response_model=EventPage, responses=ERRORS, tags=["events"])
    def list_events(filters: dict = Depends(filters_of),
                    sort: Literal[tuple(queries.SORT_FIELDS)] | None = Query(  # type: ignore[valid-type]
                        None, description="default event_date; with updated_since, updated (its order asc)"),
                    order: Literal["asc", "desc"] | None = Query(None, description="default desc; asc with "
                                                                 "updated_since"),
                    limit: int = Query(50, ge=1, le=queries.MAX_PAGE),
                    offset: int = Query(0, ge=0, le=1_000_000_000),
                    cursor: str | None = Query(None, max_length=2000, description="the cursor of the previous page "
                                               "(same sort, order and filters); instead of offset")):
        """Events matching the filters, a page at a time, with the total and the next page's cursor.
        With ``updated_since``, by default in the order of their last change (``sort=updated``,
        ``order=asc``); ``/api/changes`` gives the events removed since as well."""
        pulling = filters.get("updated_since") is not None
        page = queries.event_page(store, sort=sort or ("updated" if pulling else "event_date"),
                                  order=order or ("asc" if pulling and not sort else "desc"), limit=limit,
                                  offset=offset, cursor=cursor or None, **filters)
        return {"total": page.total, "total_estimated": page.estimated, "limit": limit, "offset": offset,
                "cursor": page.cursor, "events": page.events}

    @app.get("/api/changes", response_model=ChangePage, responses=ERRORS, tags=["events"])
    def list_changes(filters: dict = Depends(filters_of),
                     limit: int = Query(100, ge=1, le=queries.MAX_PAGE),
                     cursor: str | None = Query(None, max_length=2000, description="the cursor of the previous "
                                                "page (same updated_since and filters)")):
        """An incremental pull: what changed at or after ``updated_since`` (needed), oldest change
        first, a page at a time: each event matching the filters changed since (``status:
        changed``, with its record), and each event removed since (``status: merged`` with
        ``merged_into``, or ``status: deleted``; not filtered: a removed event has no columns
        left). Keep the largest ``timestamp`` of a pull for the next one's ``updated_since``."""
        since = filters.pop("updated_since", None)
        if since is None:
            raise UsageError("updated_since is needed: Unix seconds (the largest timestamp of the previous "
                             "pull), a date or an ISO date-time")
        page = queries.changes(store, updated_since=since, limit=limit, cursor=cursor or None, **filters)
        return {"updated_since": since.isoformat(), "cursor": page.cursor, "changes": page.changes}

    @app.get("/api/events/{event_id}", responses=ERRORS, tags=["events"])
    def get_event(event_id: str) -> dict[str, Any]:
        """One event: its merged record, each source's numbers and merge rule, evidence, edits."""
        return store.event(event_id)

    @app.get("/api/articles/{article_id:path}", responses=ERRORS, tags=["articles"])
    def get_article(article_id: str) -> dict[str, Any]:
        """One article's text and the events found in it."""
        found = queries.article_with_events(store, article_id=article_id)
        if found is None:
            raise NotFoundError(f"no article {article_id!r} in this dataset")
        return found

    @app.get("/api/stats", response_model=Stats, responses=ERRORS, tags=["events"])
    def stats(by: Literal[queries.GROUPINGS] = "day",  # type: ignore[valid-type]
              filters: dict = Depends(filters_of)):
        """Events and deaths per day, week (keyed by its Monday), month, admin1, type or sub-type."""
        return {"by": by, "buckets": queries.aggregate(store, by=by, **filters)}

    @app.get("/api/facets", response_model=Facets, responses=ERRORS, tags=["events"])
    def facets(filters: dict = Depends(filters_of)):
        """How many of the matching events each country, governorate, type, sub-type and actor has, most first."""
        return queries.facets(store, **filters)

    from marsad.web.explore import add_explore_routes
    add_explore_routes(app, store, filters_of=filters_of, errors=ERRORS)

    # ---- API: writes
    @app.post("/api/articles", response_model=IngestOut, responses=WRITE_ERRORS, tags=["articles"])
    def post_article(article: ArticleIn, name: str = Depends(editor)):
        """Ingest one article (extract, geocode, deduplicate, store); returns the events it reports."""
        if not article.text.strip() or "\x00" in article.text:
            raise UsageError("text holds no words (or a NUL character)")
        item = Article(text=article.text, id=article.id, published=article.published, source=article.source,
                       url=article.url or None, title=article.title, language=article.language,
                       origin=f"api:{name}")
        summary = ingest(store, [item], budget=budget)
        if summary.failed:
            raise UsageError(summary.failed[0])
        found = queries.article_with_events(store, text_hash=item.text_hash, url=item.url or None)
        return {"status": "new" if summary.new else "known", "article_id": found["article_id"],
                "events": found["events"]}

    @app.patch("/api/events/{event_id}", responses=WRITE_ERRORS, tags=["events"])
    def patch_event(event_id: str, edit: EditIn, name: str = Depends(editor)) -> dict[str, Any]:
        """Correct fields of an event; the change is recorded with the token's name."""
        if not edit.changes:
            raise UsageError(f"changes must name at least one field: {', '.join(EDITABLE_FIELDS)}")
        return store.edit(event_id, edit.changes, editor=name, note=edit.note)

    @app.delete("/api/events/{event_id}", response_model=Change, responses=WRITE_ERRORS, tags=["events"])
    def delete_event(event_id: str, note: str | None = Query(None, max_length=2000, description="why (kept with "
                                                             "the tombstone)"),
                     name: str = Depends(editor)):
        """Delete an event that is none (a false positive): the event, its sources and edits go; its
        tombstone (who, when, why) is kept, and ``/api/changes`` reports it as deleted."""
        return store.delete(event_id, editor=name, note=note)

    @app.post("/api/events/{event_id}/split", response_model=SplitOut, responses=WRITE_ERRORS, tags=["events"])
    def split_event(event_id: str, body: SplitIn, name: str = Depends(editor)):
        """Undo a merge: the source becomes an event of its own, never merged with this one again."""
        return {"event_id": event_id, "new_event_id": store.split(event_id, body.source_key, editor=name)}

    @app.get("/api/places", tags=["places"], responses=ERRORS)
    def list_places() -> list[dict[str, Any]]:
        """The analysts' local gazetteer entries."""
        return [_place_dict(p) for p in local_places.local_places(store)]

    @app.get("/api/places/unresolved", tags=["places"], responses=ERRORS)
    def unresolved() -> list[dict[str, Any]]:
        """Place names that stored events carry but no gazetteer knows, most frequent first."""
        return local_places.unresolved_places(store)

    @app.post("/api/places", response_model=PlaceOut, responses=WRITE_ERRORS, tags=["places"])
    def post_place(body: PlaceIn, name: str = Depends(editor)):
        """Store where a place is (a local gazetteer entry, recorded with the token's name) and
        re-geocode the stored events of that place; later articles naming it resolve to it."""
        done = local_places.set_local_place(store, body.name, body.latitude, body.longitude, country=body.country,
                                            admin1=body.admin1, admin2=body.admin2, kind=body.kind, editor=name,
                                            note=body.note, event_id=body.event_id)
        return {"place": _place_dict(done.place), "created": done.created, "events": done.events}

    # ---- web app
    def page(request: Request, template: str, **context) -> HTMLResponse:
        lang = _lang(request)
        strings = ui()["strings"]
        context.update(
            request=request, lang=lang, dir="rtl" if lang == "ar" else "ltr",
            t=lambda key: strings.get(key, {}).get(lang, key),
            event_label=lambda name: labels.event_label(name, lang),
            labels={k: v[lang] for k, v in ui()["field_labels"].items()},
            colours=ui()["colours"], signed_in=queries.token_name(store, request.cookies.get(COOKIE)))
        response = templates.TemplateResponse(request, template, context)
        if request.query_params.get("lang") in ("ar", "en"):
            response.set_cookie("marsad_lang", lang, samesite="lax", max_age=3600 * 24 * 365)
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request):
        types = queries.event_types(store)
        lang = _lang(request)
        strings = ui()["strings"]
        js_strings = {k: strings[k].get(lang, k) for k in JS_STRINGS}
        return page(request, "index.html", types=sorted({t for t, _, _ in types}),
                    subtypes=sorted({s for _, s, _ in types}), query=dict(request.query_params),
                    event_labels=labels.event_labels() if lang == "ar" else {},
                    actor_names=_actor_names(lang), js_strings=js_strings)

    def _actor_names(lang: str) -> dict[str, str]:
        if lang != "ar":
            return {}
        names = {name: labels.actor_label(name, lang) for name in queries.actor_names(store)}
        return {k: v for k, v in names.items() if v != k}

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str, source: int | None = Query(None, ge=1, le=2**31 - 1),
                   msg: str | None = Query(None, max_length=40), place_error: str | None = Query(None, max_length=500)):
        try:
            return render_event(request, event_id, source=source, msg=msg, place_error=place_error)
        except NotFoundError:
            gone = queries.tombstone(store, event_id)
            if gone is None:
                raise
            response = page(request, "removed.html", gone=gone)  # deleted or merged: said, and where to
            response.status_code = 410
            return response

    def render_event(request: Request, event_id: str, *, source: int | None = None, msg: str | None = None,
                     place_error: str | None = None, form: dict | None = None, errors: dict | None = None,
                     status: int = 200) -> HTMLResponse:
        """The event's page; ``form`` and ``errors``: a review form sent back with what was wrong."""
        from marsad.triggers import EVENT_TYPES

        record = store.event(event_id)
        chosen = source if source is not None else (record["sources"][0]["source_key"] if record["sources"] else None)
        own = queries.source_record(store, event_id, chosen)
        if own is None:
            raise NotFoundError(f"{event_id!r} has no source {source}")
        own_record, text = own
        lang = _lang(request)
        field_names = {k: v.get(lang) for k, v in ui()["field_labels"].items()}
        shown = {f: ("" if record.get(f) is None else str(record.get(f))) for f in REVIEW_FIELDS}
        shown.update(form or {})
        response = page(request, "event.html", event=record, source_key=chosen, own=own_record,
                        article=highlight(text, own_record.get("evidence", {}), field_names),
                        text_dir="rtl" if (own_record.get("language") or "ar") == "ar" else "ltr",
                        editable=REVIEW_FIELDS, values=shown, errors=errors or {}, event_types=EVENT_TYPES,
                        precisions=ui()["precisions"], actor_choices=_actor_choices(),
                        place_name=_place_name_of(record), place_error=place_error, msg=msg)
        response.status_code = status
        return response

    def _actor_choices() -> list[str]:
        from marsad.web.labels import actor_labels
        return sorted(set(queries.actor_names(store)) | set(actor_labels()))

    def signed_in(request: Request) -> str:
        name = queries.token_name(store, request.cookies.get(COOKIE))
        if name is None:
            raise StarletteHTTPException(401, "sign in with an API token first")
        origin = request.headers.get("origin")
        if origin and origin.rstrip("/") != str(request.base_url).rstrip("/"):
            raise StarletteHTTPException(403, "a form from another site cannot write here")
        return name

    @app.post("/events/{event_id}/review", include_in_schema=False)
    async def review(request: Request, event_id: str, name: str = Depends(signed_in)):
        """The review form: each changed field checked (ACLED's taxonomy, dates, numbers); what is wrong is
        said beside its field, on the page sent back with everything the analyst wrote."""
        from marsad.validation import check_event_type, edit_value

        form = await request.form()
        current = store.event(event_id)
        changes, sent, errors = {}, {}, {}
        for field in EDITABLE_FIELDS:
            if field not in form:
                continue
            new = str(form[field]).strip()
            sent[field] = new
            old = current.get(field)
            old_text = "" if old is None else "|".join(old) if isinstance(old, list) else str(old)
            if new != old_text:
                changes[field] = new if new else None
                try:
                    edit_value(field, changes[field])
                except UsageError as exc:
                    errors[field] = exc.message
        if "event_type" in changes or "sub_event_type" in changes:
            try:
                check_event_type(sent.get("event_type", current.get("event_type")),
                                 sent.get("sub_event_type", current.get("sub_event_type")))
            except UsageError as exc:
                errors.setdefault("sub_event_type", exc.message)
        note = str(form.get("note") or "").strip() or None
        sent["note"] = note or ""
        if not errors and changes:
            try:
                store.edit(event_id, changes, editor=name, note=note)
            except UsageError as exc:  # a rule the form does not know of: said above the form
                errors["_form"] = exc.message
        if errors:
            return render_event(request, event_id, form=sent, errors=errors, status=422)
        msg = "saved" if changes else "nothing_changed"
        return RedirectResponse(f"/events/{event_id}?{urlencode({'msg': msg})}", status_code=303)

    @app.post("/events/{event_id}/delete", include_in_schema=False)
    def delete_form(event_id: str, confirm: str = Form(""), note: str = Form("", max_length=2000),
                    name: str = Depends(signed_in)):
        """The review screen's "delete this event" form (the box ticked to confirm)."""
        if confirm != "yes":
            return RedirectResponse(f"/events/{event_id}?{urlencode({'msg': 'delete_unconfirmed'})}", status_code=303)
        store.delete(event_id, editor=name, note=note.strip() or None)
        return RedirectResponse(f"/events/{event_id}", status_code=303)

    @app.post("/events/{event_id}/place", include_in_schema=False)
    async def place_form(request: Request, event_id: str, name: str = Depends(signed_in)):
        """The review screen's "place this event" form: a local gazetteer entry for the event's place."""
        form = await request.form()
        value = lambda k: str(form.get(k) or "").strip() or None  # noqa: E731
        store.event(event_id)  # an unknown event is a 404, not a form error
        try:
            local_places.set_local_place(store, value("name"), value("latitude"), value("longitude"),
                                         country=value("country"), admin1=value("admin1"), admin2=value("admin2"),
                                         editor=name, note=value("note"), event_id=event_id)
        except UsageError as exc:  # said on the page, next to the form
            return RedirectResponse(f"/events/{event_id}?{urlencode({'place_error': exc.message})}", status_code=303)
        return RedirectResponse(f"/events/{event_id}?{urlencode({'msg': 'place_saved'})}", status_code=303)

    @app.post("/events/{event_id}/split", include_in_schema=False)
    def split_form(event_id: str, source_key: int = Form(..., ge=1, le=2**31 - 1), name: str = Depends(signed_in)):
        new_id = store.split(event_id, source_key, editor=name)
        return RedirectResponse(f"/events/{new_id}?msg=saved", status_code=303)

    from marsad.web.watch import add_watch_routes
    add_watch_routes(app, store, editor=editor, signed_in=signed_in, page=page, errors=ERRORS,
                     write_errors=WRITE_ERRORS)

    @app.get("/signin", response_class=HTMLResponse, include_in_schema=False)
    def signin_form(request: Request, next: str = "/", bad: int = 0):
        return page(request, "signin.html", next=next if next.startswith("/") else "/", bad=bad)

    @app.post("/signin", include_in_schema=False)
    def signin(token: str = Form(...), next: str = Form("/")):
        target = next if next.startswith("/") and not next.startswith("//") else "/"
        if queries.token_name(store, token.strip()) is None:
            return RedirectResponse(f"/signin?{urlencode({'next': target, 'bad': 1})}", status_code=303)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict", max_age=3600 * 12)
        return response

    @app.post("/signout", include_in_schema=False)
    def signout():
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(COOKIE)
        return response

    return app

