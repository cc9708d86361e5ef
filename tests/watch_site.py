"""A news site on 127.0.0.1 for the watch tests and benchmark: feeds, pages and the pathological
cases of real servers (304, 429 with Retry-After, 500s, slow answers, redirect loops, malformed
feeds, cp1256 pages, huge pages, robots.txt), with a log of every request it answered."""
from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict = field(default_factory=dict)
    validators: bool = True  # ETag and Last-Modified, and 304 for a matching conditional GET
    sequence: list | None = None  # (status, headers, body) answered in turn; the last one then repeats
    trickle: float = 0.0  # seconds between the body's bytes (a slow server)
    stream_bytes: int = 0  # a body of this many bytes, with no Content-Length (a huge page)


@dataclass
class Hit:
    path: str
    headers: dict
    status: int


class Site:
    """Start with ``with Site() as site:``; ``site.url(path)``; ``site.hits(path)``."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.log: list[Hit] = []
        self.lock = threading.Lock()
        self.delays: dict[str, float] = {}  # path prefix -> seconds before answering (logged on arrival)
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                site._answer(self)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):  # a client that hung up: nothing to say
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **kwargs) -> None:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **kwargs)

    def hits(self, path: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.log if h.path == path]

    def pages_hit(self, prefix: str = "/news/") -> dict[str, int]:
        counts: dict[str, int] = {}
        with self.lock:
            for h in self.log:
                if h.path.startswith(prefix):
                    counts[h.path] = counts.get(h.path, 0) + 1
        return counts

    # ------------------------------------------------------------------ answering
    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        route = self.routes.get(path)
        headers = {k.lower(): v for k, v in handler.headers.items()}
        status, extra, body = 404, {}, b"not found"
        content_type = "text/plain"
        if route is not None:
            content_type = route.content_type
            status, extra, body = route.status, dict(route.headers), route.body
            if route.sequence:
                with self.lock:
                    seen = sum(1 for h in self.log if h.path == path)
                status, extra, body = route.sequence[min(seen, len(route.sequence) - 1)]
            if route.validators and status == 200:
                tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                extra.update(etag=tag, **{"last-modified": "Mon, 19 Feb 2024 10:00:00 GMT"})
                if headers.get("if-none-match") == tag:
                    status, body = 304, b""
        with self.lock:
            self.log.append(Hit(path, headers, status))
        delay = next((seconds for prefix, seconds in self.delays.items() if path.startswith(prefix)), 0.0)
        if delay:
            time.sleep(delay)
        try:
            handler.send_response(status)
            handler.send_header("content-type", content_type)
            for name, value in extra.items():
                handler.send_header(name, value)
            if route is not None and route.stream_bytes:
                handler.send_header("connection", "close")
                handler.end_headers()
                chunk = b"<p>" + "كلام ".encode("utf-8") * 2000 + b"</p>\n"
                sent = 0
                while sent < route.stream_bytes:
                    handler.wfile.write(chunk)
                    sent += len(chunk)
                handler.close_connection = True
                return
            handler.send_header("content-length", str(len(body)))
            handler.end_headers()
            if route is not None and route.trickle:
                for i in range(len(body)):
                    handler.wfile.write(body[i:i + 1])
                    handler.wfile.flush()
                    time.sleep(route.trickle)
            else:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True


# ---------------------------------------------------------------------- content

def title_and_body(text: str) -> tuple[str, str]:
    """A JSON Lines article's first paragraph as its headline, the rest as its body."""
    head, _, rest = text.partition("\n\n")
    return (head.strip(), rest.strip()) if rest.strip() else (text.split("\n")[0][:80], text)


def article_page(title: str, body: str, published: str | None = None) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>\n" for p in body.split("\n") if p.strip())
    meta = f'<meta property="article:published_time" content="{published}T08:00:00+00:00">' if published else ""
    return (f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'{meta}</head><body><nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a></nav>'
            f'<article><h1>{escape(title)}</h1>\n{paragraphs}</article>'
            f'<footer>جميع الحقوق محفوظة</footer></body></html>')


def rss(items: list[dict]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>']
    for it in items:
        date = f"<pubDate>{_rfc822(it['published'])}</pubDate>" if it.get("published") else ""
        out.append(f"<item><title>{escape(it['title'])}</title><link>{escape(it['url'])}</link>{date}"
                   f"<description>{escape(it.get('summary', ''))}</description></item>")
    return "".join(out) + "</channel></rss>"


def atom(items: list[dict]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>']
    for it in items:
        out.append(f"<entry><title>{escape(it['title'])}</title><link href=\"{escape(it['url'])}\"/>"
                   f"<id>{escape(it['url'])}</id><updated>{it['published']}T08:00:00Z</updated>"
                   f"<summary>{escape(it.get('summary', ''))}</summary></entry>")
    return "".join(out) + "</feed>"


def json_feed(items: list[dict]) -> str:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [
        {"id": it["url"], "url": it["url"], "title": it["title"], "summary": it.get("summary", ""),
         "date_published": f"{it['published']}T08:00:00Z"} for it in items]}, ensure_ascii=False)


def news_sitemap(items: list[dict]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
    for it in items:
        out.append(f"<url><loc>{escape(it['url'])}</loc><news:news><news:publication_date>{it['published']}"
                   f"</news:publication_date><news:title>{escape(it['title'])}</news:title></news:news></url>")
    return "".join(out) + "</urlset>"


FEED_KINDS = {"rss": (rss, "application/rss+xml; charset=utf-8"), "atom": (atom, "application/atom+xml"),
              "json": (json_feed, "application/feed+json"), "sitemap": (news_sitemap, "application/xml")}


def _rfc822(day: str) -> str:
    from datetime import date, datetime, timezone
    from email.utils import format_datetime

    d = date.fromisoformat(day)
    return format_datetime(datetime(d.year, d.month, d.day, 8, tzinfo=timezone.utc))


def publish(site: Site, records: list[dict], kinds=("rss", "atom", "json", "sitemap"), prefix: str = "") -> dict[str, str]:
    """Serve ``records`` (JSON Lines article dicts: text, source, published) as pages under /news/,
    grouped by their ``source`` into feeds of the given kinds in turn; outlet name -> feed URL."""
    by_source: dict[str, list[dict]] = {}
    for n, rec in enumerate(records):
        title, body = title_and_body(rec["text"])
        path = f"/news/{prefix}{n:04d}"
        site.add(path, article_page(title, body, rec.get("published")))
        by_source.setdefault(rec.get("source") or "outlet", []).append(
            dict(url=site.url(path), title=title, published=rec.get("published") or "2024-01-01",
                 summary=body[:200]))
    feeds = {}
    for k, (outlet, items) in enumerate(sorted(by_source.items())):
        kind = kinds[k % len(kinds)]
        make, content_type = FEED_KINDS[kind]
        path = f"/feeds/{prefix}{k}.{kind}"
        site.add(path, make(items), content_type=content_type)
        feeds[outlet] = site.url(path)
    return feeds
