"""The API documentation pages work with no network (issue 20 item 8): ``/docs`` (Swagger UI) and
``/redoc`` load every script, style and icon from the server itself, fetched from a real
``marsad serve``, and render in a headless Chromium whose every request to another host is
blocked."""
from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

from conftest import REPO

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


class _Assets(HTMLParser):
    """Every URL a page loads or links: src, href and spec-url attributes, and URLs in its inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("src", "href", "spec-url") and value]
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script:  # url: '/openapi.json', and any absolute URL an inline script names
            self.urls += re.findall(r"""(?:url|Url)\s*:\s*['"]([^'"]+)['"]""", data)
            self.urls += re.findall(r"""['"]((?:https?:)?//[^'"]+)['"]""", data)


def _assets(html: str) -> list[str]:
    parser = _Assets()
    parser.feed(html)
    return parser.urls


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_every_asset_from_this_server(served, page):
    response = httpx.get(served.url + page, timeout=30)
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    urls = _assets(response.text)
    assert any(u.endswith(".js") for u in urls) and any("openapi.json" in u for u in urls)
    host = urlsplit(served.url).netloc
    off_host = [u for u in urls if urlsplit(urljoin(served.url + page, u)).netloc != host]
    assert off_host == []
    for url in urls:  # each asset is there
        assert httpx.get(urljoin(served.url + page, url), timeout=30).status_code == 200, url
    csp = response.headers["content-security-policy"]
    assert "http" not in csp  # the policy itself allows no other host


@pytest.fixture(scope="module")
def offline_page(served):
    done = subprocess.run(["bash", str(REPO / "scripts" / "install-chromium.sh")], capture_output=True, text=True,
                          timeout=900)
    if done.returncode != 0:
        pytest.skip(f"Chromium not available: {done.stderr.strip().splitlines()[-1:]}")
    from playwright.sync_api import sync_playwright

    host = urlsplit(served.url).netloc
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=done.stdout.strip().splitlines()[-1], args=ARGS)
        context = browser.new_context()
        blocked: list[str] = []

        def only_this_server(route):
            if urlsplit(route.request.url).netloc == host or route.request.url.startswith(("data:", "blob:")):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort("internetdisconnected")

        context.route("**/*", only_this_server)
        page = context.new_page()
        page.blocked = blocked
        yield page
        context.close()
        browser.close()


def test_swagger_ui_renders_the_api_with_the_network_blocked(served, offline_page):
    offline_page.goto(served.url + "/docs")
    offline_page.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
    assert "marsad" in offline_page.inner_text(".swagger-ui .info .title")
    offline_page.wait_for_selector(".opblock-summary-path", timeout=30_000)
    assert offline_page.locator(".opblock-summary-path").count() > 5
    assert offline_page.blocked == []


def test_redoc_renders_the_api_with_the_network_blocked(served, offline_page):
    offline_page.goto(served.url + "/redoc")
    offline_page.wait_for_selector("h1", timeout=30_000)
    assert "marsad" in offline_page.inner_text("h1")
    assert offline_page.get_by_text("/api/events", exact=False).count() > 0
    assert offline_page.blocked == []
