"""The web side of ``marsad watch``: the sources' status (open, like every read) and watch lists
(their targets are private: reading them needs a token too), in the API and on the /sources page.

Routes only translate HTTP into :mod:`marsad.watch.sources` and :mod:`marsad.watch.alerts` calls.
"""
from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from marsad.errors import UsageError
from marsad.store import Store
from marsad.watch import alerts, sources

__all__ = ["add_watch_routes"]


class WatchListIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    webhook: str | None = Field(None, max_length=2000, description="POST the events (JSON) to this URL")
    email: str | None = Field(None, max_length=300, description="or mail them to this address")
    since: date | None = Field(None, description="events on or after this date")
    until: date | None = Field(None, description="events on or before this date")
    country: str | None = Field(None, max_length=100)
    admin1: str | None = Field(None, max_length=200)
    type: str | None = Field(None, max_length=200, description="event type or sub-event type")
    actor: str | None = Field(None, max_length=300, description="part of an actor's name")
    bbox: str | None = Field(None, max_length=200, description="W,S,E,N in degrees")
    min_fatalities: int | None = Field(None, ge=0, le=1_000_000_000)
    min_confidence: float | None = Field(None, ge=0, le=1, description="events at least this sure")
    text: str | None = Field(None, max_length=500, description="words in the event record")

    def filters(self) -> dict:
        """The saved filters, under the names of marsad.store.event_filters."""
        return {"since": self.since, "until": self.until, "country": self.country, "admin1": self.admin1,
                "event_type": self.type, "actor": self.actor, "bbox": self.bbox,
                "min_fatalities": self.min_fatalities, "min_confidence": self.min_confidence, "text": self.text}


def _source_status(store: Store) -> list[dict[str, Any]]:
    waiting = sources.pending_counts(store)
    out = []
    for s in sources.list_sources(store):
        record = s.to_record()
        for private in ("etag", "last_modified", "content_hash", "origin"):
            record.pop(private)
        record["pending"] = waiting.get(s.id, 0)
        out.append(record)
    return out


def add_watch_routes(app: FastAPI, store: Store, *, editor, signed_in, page, errors: dict, write_errors: dict) -> None:
    """Register the routes; ``editor`` and ``signed_in`` are the app's token dependencies (API
    header, web app cookie), ``page`` its template renderer. A webhook on a loopback, private or
    link-local address is refused (400, E620) unless ``MARSAD_ALLOW_PRIVATE_TARGETS=1`` was set when
    the app was made."""
    allow_private = alerts.allow_private_default()

    @app.get("/api/sources", responses=errors, tags=["watch"])
    def list_sources() -> list[dict[str, Any]]:
        """The feeds and sitemaps ``marsad watch`` follows: status (ok, failing, new), last success,
        last error, consecutive failures, next poll (the backoff of a failing one), articles stored
        from each and entries waiting."""
        return _source_status(store)

    @app.get("/api/watchlists", responses=errors, tags=["watch"])
    def list_watchlists(name: str = Depends(editor)) -> list[dict[str, Any]]:
        """The watch lists: filters, target, alerts sent, pending and failed (needs a token)."""
        return [wl.to_record() for wl in alerts.list_watch_lists(store)]

    @app.post("/api/watchlists", responses=write_errors, tags=["watch"], status_code=201)
    def post_watchlist(body: WatchListIn, name: str = Depends(editor)) -> dict[str, Any]:
        """Save a watch list: the events list's filters and one target, a webhook or an email address.
        Events stored or updated from now on that pass the filters are sent there by ``marsad watch``,
        each once."""
        return alerts.add_watch_list(store, body.name, filters=body.filters(), webhook=body.webhook,
                                     email=body.email, created_by=name,
                                     allow_private_targets=allow_private).to_record()

    @app.delete("/api/watchlists/{watchlist}", responses=write_errors, tags=["watch"])
    def delete_watchlist(watchlist: str, name: str = Depends(editor)) -> dict[str, Any]:
        """Delete a watch list and its alerts' history."""
        alerts.remove_watch_list(store, watchlist)
        return {"removed": watchlist}

    @app.get("/api/watchlists/{watchlist}/alerts", responses=errors, tags=["watch"])
    def watchlist_alerts(watchlist: str, name: str = Depends(editor)) -> list[dict[str, Any]]:
        """A watch list's alerts, newest first: event, state (sent, pending, failed), attempts, last error."""
        return alerts.alerts_of(store, watchlist)

    # ---- the web app's page
    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request, msg: str | None = None, error: str | None = None):
        from marsad.store import queries
        from marsad.web.app import COOKIE

        who = queries.token_name(store, request.cookies.get(COOKIE))
        lists = alerts.list_watch_lists(store) if who else []
        return page(request, "sources.html", sources=_source_status(store), watch_lists=lists,
                    msg=(msg or "")[:40], error=(error or "")[:500])

    @app.post("/watchlists", include_in_schema=False)
    async def watchlist_form(request: Request, name: str = Depends(signed_in)):
        form = await request.form()
        value = lambda k: str(form.get(k) or "").strip() or None  # noqa: E731
        try:
            dead = value("min_fatalities")
            filters = {"since": value("since"), "until": value("until"), "country": value("country"),
                       "admin1": value("admin1"), "event_type": value("type"), "actor": value("actor"),
                       "min_fatalities": int(dead) if dead and dead.isdigit() else dead,
                       "min_confidence": value("min_confidence")}
            target = value("target") or ""
            alerts.add_watch_list(store, value("name") or "", filters=filters,
                                  webhook=target if "@" not in target or "://" in target else None,
                                  email=target if "@" in target and "://" not in target else None, created_by=name,
                                  allow_private_targets=allow_private)
        except UsageError as exc:
            return RedirectResponse(f"/sources?{urlencode({'error': exc.message})}", status_code=303)
        return RedirectResponse("/sources?msg=saved", status_code=303)

    @app.post("/watchlists/{watchlist}/delete", include_in_schema=False)
    def watchlist_delete(watchlist: str, name: str = Depends(signed_in)):
        alerts.remove_watch_list(store, watchlist)
        return RedirectResponse("/sources?msg=saved", status_code=303)
