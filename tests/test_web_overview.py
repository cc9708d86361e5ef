"""The overview screen in a real headless Chromium (issue 20's acceptance) at 1440 x 900 and 390 x 844,
in English and Arabic, over the generated database (tests/web_scale.py: 2,000 events; the
100,000-event run is ``benchmarks/api.py --browser``): the map's clusters add up to the filtered
total, brushing the timeline filters the table and the URL, a download of the filtered view has
the table's rows, and the phone has no horizontal scroll."""
from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from test_web_browser import ARGS, chromium, until  # noqa: F401  (the session's Chromium fixture)
from web_scale import Server, scale_db

SCREENS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = Server(scale_db(tmp_path_factory), tmp_path_factory.mktemp("overview") / "serve.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser(chromium):  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS)
        yield b
        b.close()


def open_page(browser, site, screen: str, path: str):
    context = browser.new_context(viewport=SCREENS[screen], is_mobile=screen == "phone", has_touch=screen == "phone")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(site.url + path)
    until(page, "window.marsad && window.marsad.loads >= 1")
    return page


def table_total(page) -> int:
    return int(page.inner_text("#total").lstrip("~"))


def api_total(site, params: dict) -> int:
    return httpx.get(site.url + "/api/events", params={**params, "limit": 1}, timeout=60).json()["total"]


@pytest.mark.parametrize("screen", ["desktop", "phone"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_clusters_add_up_to_the_filtered_total(browser, site, screen, lang):
    page = open_page(browser, site, screen, f"/?lang={lang}")
    m = page.evaluate("window.marsad")
    assert m["total"] == table_total(page) == api_total(site, {}) == m["mapTotal"]
    assert m["markers"] + m["outside"] + m["unlocated"] == m["total"]
    assert m["outside"] == 0 and m["unlocated"] > 0  # the first view holds every located event
    drawn = page.evaluate("Array.from(document.querySelectorAll('#map .cluster')).reduce((n, c) => n + "
                          "Number(c.dataset.count), 0) + document.querySelectorAll('#map path.event-marker').length")
    assert drawn == m["markers"]
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    legend = page.inner_text("#legend")
    assert ("معارك" in legend and "Battles" not in legend) if lang == "ar" else "Battles" in legend
    # a filter redraws the map with its own total
    page.select_option("#type-filter", "Protests")
    until(page, "window.marsad.loads >= 2")
    m = page.evaluate("window.marsad")
    assert m["markers"] + m["outside"] + m["unlocated"] == m["total"] == table_total(page) \
        == api_total(site, {"type": "Protests"}) < api_total(site, {})
    assert "type=Protests" in page.url
    # zoomed in, the clusters in view and those outside still add up
    page.evaluate("void window.marsadMap.setView([36.2, 37.1], 9, {animate: false})")
    until(page, f"window.marsad.mapLoads >= {m['mapLoads'] + 1}")
    m = page.evaluate("window.marsad")
    assert m["markers"] + m["outside"] + m["unlocated"] == m["total"] and m["outside"] > 0
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("screen, lang", [("desktop", "en"), ("phone", "ar")])
def test_brushing_the_timeline_sets_the_dates_of_table_and_url(browser, site, screen, lang):
    page = open_page(browser, site, screen, f"/?lang={lang}&country=Syria")
    assert page.get_attribute("#chart", "data-by") == "month"  # ten years: months
    buckets = int(page.get_attribute("#chart", "data-buckets"))
    assert buckets >= 115  # every month of the range, empty ones too
    page.locator("#chart").scroll_into_view_if_needed()
    surface = page.locator("#chart .brush-surface").bounding_box()
    y = surface["y"] + surface["height"] / 2
    page.mouse.move(surface["x"] + surface["width"] * 0.40, y)
    page.mouse.down()
    page.mouse.move(surface["x"] + surface["width"] * 0.47, y, steps=5)
    page.mouse.up()
    until(page, "window.marsad.loads >= 2")
    query = parse_qs(urlsplit(page.url).query)
    since, until_ = query["since"][0], query["until"][0]
    assert since.endswith("-01") and since < until_ and query["country"] == ["Syria"]
    assert page.input_value('input[name="since"]') == since and page.input_value('input[name="until"]') == until_
    expected = api_total(site, {"country": "Syria", "since": since, "until": until_})
    assert 0 < table_total(page) == expected < api_total(site, {"country": "Syria"})
    dates = page.locator("#events tbody tr td:first-child").all_inner_texts()
    assert dates and all(since <= d <= until_ for d in dates)
    # the brushed range is drawn by days or weeks now
    assert page.get_attribute("#chart", "data-by") in ("day", "week")
    assert page.evaluate("window.marsad.markers + window.marsad.outside + window.marsad.unlocated") == expected
    page.context.close()


@pytest.mark.parametrize("screen, lang", [("desktop", "ar"), ("phone", "en")])
def test_a_download_of_the_filtered_view_has_the_tables_rows(browser, site, screen, lang):
    page = open_page(browser, site, screen, f"/?lang={lang}&type=Battles&since=2019-01-01&until=2020-06-30")
    href = page.get_attribute("#download-csv", "href")
    assert "type=Battles" in href and "format=acled-csv" in href
    with page.expect_download() as info:
        page.click("#download-csv")
    text = open(info.value.path(), encoding="utf-8").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == table_total(page) > 0
    assert {r["event_type"] for r in rows} == {"Battles"}
    geo = httpx.get(site.url + page.get_attribute("#download-geojson", "href"), timeout=60).json()
    assert len(geo["features"]) == len(rows)
    page.context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_phone_has_no_horizontal_scroll(browser, site, lang):
    page = open_page(browser, site, "phone", f"/?lang={lang}")
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width == 390
    assert page.evaluate("document.body.scrollWidth") <= width
    # the table scrolls inside its own box, which stays inside the page
    box = page.locator(".table-wrap").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5
    page.context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_facets_list_counts_and_several_values_filter_together(browser, site, lang):
    page = open_page(browser, site, "desktop", f"/?lang={lang}")
    until(page, "window.marsad.facets >= 1")
    options = page.locator("#country-filter option")
    counts = {o.get_attribute("value"): int(o.get_attribute("data-count")) for o in options.all()}
    assert counts["Syria"] == api_total(site, {"country": "Syria"}) and counts["Iraq"] == api_total(site, {"country": "Iraq"})
    page.select_option("#country-filter", ["Syria", "Iraq"])
    until(page, "window.marsad.loads >= 2 && window.marsad.facets >= 2")
    assert table_total(page) == counts["Syria"] + counts["Iraq"] == api_total(site, {"country": ["Syria", "Iraq"]})
    assert parse_qs(urlsplit(page.url).query)["country"] == ["Syria", "Iraq"]
    # the other countries keep their counts (a dimension's own filter is left out of its counts)
    assert int(page.get_attribute('#country-filter option[value="Yemen"]', "data-count")) == counts["Yemen"]
    # types count under the chosen countries, in the page's language
    battles = page.locator('#type-filter option[value="Battles"]')
    assert int(battles.get_attribute("data-count")) == api_total(site, {"country": ["Syria", "Iraq"], "type": "Battles"})
    assert ("معارك" if lang == "ar" else "Battles") in battles.inner_text()
    # actors from a list, with their Arabic names in Arabic
    labels = dict(page.locator("#actor-list option").evaluate_all("os => os.map(o => [o.value, o.label])"))
    assert labels["Islamic State"].startswith("داعش (" if lang == "ar" else "Islamic State (")
    page.fill("#actor-filter", "داعش")
    page.press("#actor-filter", "Enter")
    until(page, "window.marsad.loads >= 3")
    assert table_total(page) == api_total(site, {"country": ["Syria", "Iraq"], "actor": "داعش"}) > 0
    # the URL restores the whole view
    page.goto(page.url)
    until(page, "window.marsad.loads >= 1")
    assert page.evaluate("Array.from(document.querySelectorAll('#country-filter option:checked')).map(o => o.value)") \
        == ["Syria", "Iraq"]
    assert page.input_value("#actor-filter") == "داعش"
    page.context.close()


@pytest.mark.parametrize("path", ["/signin?lang=ar", "/signin?lang=en", "/sources?lang=ar"])
def test_the_other_pages_fit_a_phone(browser, site, path):
    context = browser.new_context(viewport=SCREENS["phone"], is_mobile=True)
    page = context.new_page()
    page.goto(site.url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
