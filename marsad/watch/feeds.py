"""Entries of a feed or sitemap: RSS and Atom (feedparser), JSON Feed, sitemaps and news sitemaps.

>>> parse_feed(b'<rss version="2.0"><channel><item><link>https://a.example/1</link>'
...            b'<title>t</title></item></channel></rss>').entries[0].url
'https://a.example/1'
"""
from __future__ import annotations

import calendar
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from html import unescape
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from marsad.errors import MarsadError

__all__ = ["FeedEntry", "Feed", "FeedError", "parse_feed", "canonical_url"]

# the entries of one poll that are taken, newest first: a first look at a large sitemap must not
# queue years of archive
MAX_ENTRIES = 500
_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|at_medium|at_campaign)$", re.I)
_TAGS = re.compile(r"<[^>]+>")
_UNSAFE_URL = re.compile(r"[\x00-\x20\x7f\ud800-\udfff]")  # control characters, spaces, lone surrogates


class FeedError(MarsadError):
    """A response that is not a feed or sitemap marsad can read (malformed XML or JSON, HTML)."""

    code = "E610"


@dataclass
class FeedEntry:
    url: str
    title: str | None = None
    summary: str | None = None  # plain text
    published: date | None = None


@dataclass
class Feed:
    kind: str  # rss, atom, json, sitemap, sitemap-index
    entries: list[FeedEntry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # a sitemap index's sitemaps, newest first


def canonical_url(url: str) -> str:
    """The URL an entry is known by: without its fragment and tracking parameters (utm_*, fbclid)."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def plain_text(html: str | None) -> str | None:
    """A feed summary's text without its markup."""
    if not html:
        return None
    text = unescape(_TAGS.sub(" ", html))
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\s*\n\s*", "\n", text).strip()
    return text or None


def parse_feed(body: bytes, content_type: str = "", base_url: str = "") -> Feed:
    """The entries of a feed or sitemap (which one is found from the content). Entries without a
    usable http(s) link are left out; the newest MAX_ENTRIES are kept. Raises :class:`FeedError`
    for anything else (HTML, malformed XML without entries, JSON that is not a JSON Feed)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        feed = _json_feed(body)
    elif re.search(rb"<(?:\w+:)?(urlset|sitemapindex)\b", head):
        feed = _sitemap(body)
    else:
        feed = _syndication(body, content_type)
    entries, seen = [], set()
    for entry in feed.entries:
        url = urljoin(base_url, entry.url.strip()) if entry.url else ""
        if urlsplit(url).scheme not in ("http", "https") or len(url) > 2000 or _UNSAFE_URL.search(url):
            continue
        entry.url = canonical_url(url)
        if entry.url not in seen:
            seen.add(entry.url)
            entries.append(entry)
    # newest first, those without a date in the feed's order after them
    dated = sorted((e for e in entries if e.published), key=lambda e: e.published, reverse=True)
    feed.entries = (dated + [e for e in entries if not e.published])[:MAX_ENTRIES]
    feed.sitemaps = [urljoin(base_url, u) for u in feed.sitemaps]
    return feed


def _syndication(body: bytes, content_type: str) -> Feed:
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-type": content_type or "application/xml"})
    version = parsed.get("version") or ""
    if not parsed.entries and (parsed.get("bozo") or not version):
        reason = getattr(parsed, "bozo_exception", None) or "no feed in it (an HTML page?)"
        raise FeedError(f"not a feed marsad can read: {str(reason)[:300]}")
    kind = "atom" if version.startswith("atom") else "rss"
    out = []
    for e in parsed.entries:
        link = e.get("link") or next((l.get("href") for l in e.get("links", []) if l.get("href")), None)
        if not link and str(e.get("id", "")).startswith(("http://", "https://")):
            link = e.get("id")
        when = e.get("published_parsed") or e.get("updated_parsed")
        summary = e.get("summary")
        if not summary and e.get("content"):
            summary = e["content"][0].get("value")
        out.append(FeedEntry(link or "", plain_text(e.get("title")), plain_text(summary),
                             datetime.fromtimestamp(calendar.timegm(when), timezone.utc).date() if when else None))
    return Feed(kind, out)


def _json_feed(body: bytes) -> Feed:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FeedError(f"not a JSON Feed: {exc}"[:300]) from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise FeedError("not a JSON Feed: no `items` list")
    out = []
    for item in data["items"]:
        if not isinstance(item, dict):
            continue
        url = item.get("url") or item.get("external_url") or ""
        text = item.get("content_text") or plain_text(item.get("content_html")) or item.get("summary")
        out.append(FeedEntry(url if isinstance(url, str) else "", _str(item.get("title")), _str(text),
                             _date(item.get("date_published") or item.get("date_modified"))))
    return Feed("json", out)


def _sitemap(body: bytes) -> Feed:
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise FeedError(f"not a sitemap marsad can read: {exc}") from None
    local = lambda el: el.tag.rsplit("}", 1)[-1]  # noqa: E731 - the tag without its namespace
    if local(root) == "sitemapindex":
        found = []
        for node in root:
            loc = next((c.text for c in node if local(c) == "loc" and c.text), None)
            mod = next((_date(c.text) for c in node if local(c) == "lastmod"), None)
            if loc:
                found.append((mod or date.min, loc.strip()))
        return Feed("sitemap-index", sitemaps=[u for _, u in sorted(found, key=lambda x: x[0], reverse=True)])
    out = []
    for node in root:
        if local(node) != "url":
            continue
        entry = FeedEntry("")
        for child in node.iter():
            name = local(child)
            if name == "loc" and child.text and not entry.url:
                entry.url = child.text.strip()
            elif name == "publication_date":
                entry.published = _date(child.text) or entry.published
            elif name == "lastmod" and entry.published is None:
                entry.published = _date(child.text)
            elif name == "title" and child.text:
                entry.title = child.text.strip()
        out.append(entry)
    return Feed("sitemap", out)


def _str(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date(value) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
