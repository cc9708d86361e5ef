"""The feeds and sitemaps ``marsad watch`` follows: configuration and polling state, in the database.

A source is a URL (an RSS, Atom or JSON feed, or a sitemap or news sitemap) with the name of its
outlet, its language (``ar``, ``en``, or none: detected per article) and how often it is polled.
Sources come from ``marsad sources add`` or from a YAML file (``marsad sources load FILE``)::

    defaults:
      language: ar
      interval: 15m
    sources:
      - url: https://www.enabbaladi.net/feed/
        name: Enab Baladi
      - url: https://example.org/news-sitemap.xml
        name: Example
        interval: 1h
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

from sqlalchemy import delete, func, select

from marsad.errors import UsageError
from marsad.store import Store
from marsad.store.schema import watch_entries, watch_sources

__all__ = ["Source", "SourceProblem", "add_source", "remove_source", "list_sources", "load_sources_file",
           "parse_interval", "DEFAULT_INTERVAL", "MIN_INTERVAL"]

DEFAULT_INTERVAL = 900  # seconds between polls of one source
MIN_INTERVAL = 60  # nobody's feed is polled more often than this by a running `marsad watch`
LANGUAGES = ("ar", "en")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)


@dataclass
class Source:
    """A followed feed or sitemap, with its state (None until it is first polled)."""

    url: str
    name: str
    language: str | None = None
    interval_s: int = DEFAULT_INTERVAL
    origin: str = "cli"
    id: int | None = None
    added_at: datetime | None = None
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    last_polled_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error_at: datetime | None = None
    last_error: str | None = None
    failures: int = 0
    next_poll_at: datetime | None = None
    entries_found: int = 0
    articles_new: int = 0

    @property
    def status(self) -> str:
        """ok, failing (its last poll failed; it is backed off), or new (not polled yet)."""
        if self.failures:
            return "failing"
        return "ok" if self.last_success_at else "new"

    def to_record(self) -> dict:
        out = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, datetime) else value
        out["status"] = self.status
        return out

    @classmethod
    def from_row(cls, row) -> "Source":
        data = dict(row._mapping)
        for name, value in data.items():  # SQLite gives naive datetimes back
            if isinstance(value, datetime) and value.tzinfo is None:
                data[name] = value.replace(tzinfo=timezone.utc)
        return cls(**data)


class SourceProblem(UsageError):
    """A source that cannot be followed as given (bad URL, language, interval)."""

    code = "E120"


def parse_interval(value) -> int:
    """Seconds from ``900``, ``"900"``, ``"90s"``, ``"15m"``, ``"2h"`` or ``"1d"``; at least MIN_INTERVAL."""
    if isinstance(value, bool):
        raise SourceProblem(f"an interval is a number of seconds or 15m, 2h, not {value!r}")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        found = _DURATION.match(str(value))
        if not found:
            raise SourceProblem(f"an interval is a number of seconds or 15m, 2h, not {str(value)[:40]!r}")
        unit = (found.group(2) or "s").lower()[0]
        seconds = float(found.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]
    if not MIN_INTERVAL <= seconds <= 30 * 86400:
        raise SourceProblem(f"an interval is between {MIN_INTERVAL} s and 30 days, not {value!r}")
    return int(seconds)


def _checked(url, name, language, interval) -> tuple[str, str, str | None, int]:
    if not isinstance(url, str) or not url.strip():
        raise SourceProblem("a source needs a url")
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000 or re.search(r"[\s\x00]", url):
        raise SourceProblem(f"a source's url is an http:// or https:// address of at most 2,000 characters, "
                            f"not {url[:80]!r}")
    if name is None or (isinstance(name, str) and not name.strip()):
        name = parts.hostname
    if not isinstance(name, str) or len(name.strip()) > 200 or "\x00" in name:
        raise SourceProblem("a source's name is text of at most 200 characters")
    if language not in (None, *LANGUAGES):
        raise SourceProblem(f"a source's language is one of {', '.join(LANGUAGES)} (or none: detected), "
                            f"not {str(language)[:20]!r}")
    return url, name.strip(), language, DEFAULT_INTERVAL if interval is None else parse_interval(interval)


def add_source(store: Store, url: str, *, name: str | None = None, language: str | None = None,
               interval=None, origin: str = "cli") -> tuple[Source, bool]:
    """Follow ``url`` (or update how it is followed, when it is followed already): (source, added?)."""
    url, name, language, interval_s = _checked(url, name, language, interval)
    now = datetime.now(timezone.utc)
    with store._writing() as conn:
        known = conn.execute(select(watch_sources.c.id).where(watch_sources.c.url == url)).scalar()
        if known is None:
            conn.execute(watch_sources.insert().values(
                url=url, name=name, language=language, interval_s=interval_s, origin=origin[:1000], added_at=now,
                failures=0, entries_found=0, articles_new=0))
        else:
            conn.execute(watch_sources.update().where(watch_sources.c.id == known).values(
                name=name, language=language, interval_s=interval_s, origin=origin[:1000]))
        row = conn.execute(select(watch_sources).where(watch_sources.c.url == url)).one()
    return Source.from_row(row), known is None


def remove_source(store: Store, url_or_name: str) -> int:
    """Stop following the sources with this URL or name (their entries not stored yet are
    forgotten; the articles stored from them stay). Returns how many were removed."""
    with store._writing() as conn:
        ids = conn.execute(select(watch_sources.c.id).where(
            (watch_sources.c.url == url_or_name) | (watch_sources.c.name == url_or_name))).scalars().all()
        if ids:
            conn.execute(delete(watch_entries).where(watch_entries.c.source.in_(ids)))
            conn.execute(delete(watch_sources).where(watch_sources.c.id.in_(ids)))
    return len(ids)


def list_sources(store: Store) -> list[Source]:
    with store.engine.connect() as conn:
        return [Source.from_row(r) for r in conn.execute(select(watch_sources).order_by(watch_sources.c.id))]


def pending_counts(store: Store) -> dict[int, int]:
    """Per source id, its entries not stored yet (pending or fetched)."""
    with store.engine.connect() as conn:
        return dict(conn.execute(select(watch_entries.c.source, func.count())
                                 .where(watch_entries.c.state.in_(("pending", "fetched")))
                                 .group_by(watch_entries.c.source)).all())


@dataclass
class LoadSummary:
    added: int = 0
    updated: int = 0
    problems: list[str] = None

    def line(self) -> str:
        return (f"sources added {self.added}, updated {self.updated}, "
                f"refused {len(self.problems or [])}")


def load_sources_file(store: Store, path: str) -> LoadSummary:
    """Follow the sources a YAML file names (see the module's docstring); a source named already
    is updated. Each bad entry is refused with where and why (``FILE: sources[3]: [E120] ...``),
    the others are loaded; a file that is not YAML of that shape is refused whole."""
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        raise UsageError(f"cannot read the sources file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: a sources file is UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        raise UsageError(f"{where}: not YAML: {getattr(exc, 'problem', None) or exc}") from None
    defaults = {}
    if isinstance(data, dict):
        defaults = data.get("defaults") or {}
        items = data.get("sources")
    else:
        items = data
    if not isinstance(items, list) or not isinstance(defaults, dict):
        raise UsageError(f"{path}: a sources file is a list of sources, or a mapping with `sources:` "
                         "(a list) and optional `defaults:`")
    summary = LoadSummary(problems=[])
    for n, item in enumerate(items):
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict):
            summary.problems.append(f"{path}: sources[{n}]: [E120] a source is a url or a mapping with url:")
            continue
        unknown = set(item) - {"url", "name", "language", "interval"}
        if unknown:
            summary.problems.append(f"{path}: sources[{n}]: [E120] unknown key{'s' if len(unknown) > 1 else ''} "
                                    f"{', '.join(sorted(map(str, unknown)))} (url, name, language, interval)")
            continue
        merged = {**defaults, **item}
        try:
            _, added = add_source(store, merged.get("url"), name=merged.get("name"),
                                  language=merged.get("language"), interval=merged.get("interval"),
                                  origin=f"file:{path}")
        except UsageError as exc:
            summary.problems.append(f"{path}: sources[{n}]: [{exc.code}] {exc.message}")
            continue
        if added:
            summary.added += 1
        else:
            summary.updated += 1
    return summary
