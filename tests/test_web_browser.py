"""The web app in a real headless Chromium (Debian's package, driven by Playwright; never
``playwright install``): map, filters, event page with evidence, review, and text that is not run."""
from __future__ import annotations

import subprocess
from pathlib import Path

import httpx
import pytest

from conftest import REPO, sqlite_server

REFERENCE_EVENT = "ev-c1c5c16ce4d251ee"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium() -> str:
    done = subprocess.run(["bash", str(REPO / "scripts" / "install-chromium.sh")], capture_output=True, text=True,
                          timeout=900)
    if done.returncode != 0:
        pytest.skip(f"Chromium not available: {done.stderr.strip().splitlines()[-1:]}")
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    yield from sqlite_server(tmp_path_factory, "browser")


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    context.close()


def until(pg, condition: str, timeout: float = 20) -> None:
    """Wait until a JavaScript expression is true, polled from here: wait_for_function evaluates a
    string in the page, which the app's Content-Security-Policy (no 'unsafe-eval') rightly forbids."""
    import time
    deadline = time.monotonic() + timeout
    while not pg.evaluate(f"!!({condition})"):
        assert time.monotonic() < deadline, f"still not true after {timeout} s: {condition}"
        pg.wait_for_timeout(50)


def loaded(pg, count: int = 1) -> None:
    until(pg, f"window.marsad && window.marsad.loads >= {count}")


def with_coordinates(site, **params) -> int:
    events = httpx.get(site.url + "/api/events", params={"limit": 1000, **params}, timeout=30).json()["events"]
    return sum(1 for e in events if e["latitude"] is not None)


def test_map_shows_the_demo_events(site, page):
    page.goto(site.url + "/")
    loaded(page)
    assert page.evaluate("window.marsad.markers") == with_coordinates(site) == site.stored
    # clustered and single markers are drawn on the map, over the packaged boundaries
    page.wait_for_selector("#map .cluster-icon, #map path.event-marker")
    assert page.locator("#map path.leaflet-interactive").count() > 20  # countries and governorates
    assert page.locator("#events tbody tr").count() == site.stored
    assert page.locator("#chart rect.bar").count() > 5
    assert page.errors == []


def test_filtering_by_type_changes_map_table_and_url(site, page):
    page.goto(site.url + "/")
    loaded(page)
    page.select_option("#type-filter", "Battles")
    loaded(page, 2)
    assert "type=Battles" in page.url
    types = page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert types and set(types) == {"Battles"}
    assert page.evaluate("window.marsad.markers") == with_coordinates(site, type="Battles") < site.stored
    # the URL restores the same view
    page.goto(page.url)
    loaded(page)
    assert page.input_value("#type-filter") == "Battles"
    assert page.locator("#events tbody tr").count() == len(types)


def test_event_page_highlights_the_evidence_of_the_reference_article(site, page):
    page.goto(f"{site.url}/events/{REFERENCE_EVENT}?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("#article", "dir") == "rtl"
    deaths = page.locator('#article mark[data-fields~="fatalities"]')
    assert deaths.count() >= 3
    assert "أكثر من مئة وخمسة وسبعين" in " ".join(deaths.all_inner_texts())
    for field in ("location", "actor1", "actor2", "event_date", "attribution"):
        assert page.locator(f'#article mark[data-fields~="{field}"]').count() >= 1, field
    assert page.locator("#article .ev-label").count() >= 5
    # the record's confidence, as the API gives it, with its Arabic label
    shown = page.inner_text("#f-confidence")
    stored = httpx.get(f"{site.url}/api/events/{REFERENCE_EVENT}", timeout=30).json()
    assert shown == f"{stored['confidence']:.2f}" and 0 < stored["confidence"] <= 1
    assert "درجة الثقة" in page.locator("tr", has=page.locator("#f-confidence")).inner_text()


def test_review_edit_in_the_browser_is_stored_and_shown_in_the_history(site, page):
    page.goto(f"{site.url}/signin?next=/events/{REFERENCE_EVENT}")
    page.fill("#token", site.tokens["analyst-two"])
    page.click("#signin-button")
    page.wait_for_url(f"**/events/{REFERENCE_EVENT}")
    assert page.inner_text("#who") == "analyst-two"
    page.fill('#review input[name="fatalities"]', "199")
    page.fill('#review input[name="note"]', "recounted from the statement")
    page.click("#save")
    page.wait_for_selector("#msg")
    assert "199" in page.inner_text("#f-fatalities")
    assert page.locator("#history td.editor").last.inner_text() == "analyst-two"
    stored = httpx.get(f"{site.url}/api/events/{REFERENCE_EVENT}", timeout=30).json()
    assert stored["fatalities"] == 199
    assert (stored["edits"][-1]["field"], stored["edits"][-1]["editor"], stored["edits"][-1]["new"]) == \
        ("fatalities", "analyst-two", 199)


def test_review_form_needs_a_signed_in_analyst(site, page):
    page.goto(f"{site.url}/events/{REFERENCE_EVENT}")
    assert page.locator("#review").count() == 0
    response = httpx.post(f"{site.url}/events/{REFERENCE_EVENT}/review", data={"fatalities": "1"}, timeout=30)
    assert response.status_code == 401


def test_html_and_script_in_an_article_are_shown_as_text(site, page):
    text = ('قتل مدنيان اليوم بقصف مدفعي على مدينة سراقب في ريف إدلب <script>window.__pwned = 1</script> '
            '<img src=x onerror="window.__pwned = 2"> <b>عاجل</b>')
    posted = httpx.post(f"{site.url}/api/articles", json={"text": text, "id": "xss-1", "published": "2024-10-01"},
                        headers=site.auth(), timeout=60).json()
    event_id = posted["events"][0]["event_id"]
    page.goto(f"{site.url}/events/{event_id}")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shown = page.inner_text("#article")
    assert "<script>window.__pwned = 1</script>" in shown and '<img src=x onerror="window.__pwned = 2">' in shown
    assert page.locator("#article script, #article img, #article b").count() == 0


def test_analyst_places_an_unknown_village_and_a_new_article_resolves_to_it(site, page):
    # a village no gazetteer knows (written for this test), placed by the machine at its governorate
    village, at = "الرويسة الشرقية", (35.2712, 36.8803)
    posted = httpx.post(f"{site.url}/api/articles", headers=site.auth(), timeout=60, json={
        "text": f"قتل مدنيان بقصف على قرية {village} بريف حماة الشمالي", "id": "village-1",
        "published": "2024-09-01"}).json()
    event_id = posted["events"][0]["event_id"]
    before = posted["events"][0]
    assert before["geo_precision"] != 1 and (before["latitude"], before["longitude"]) != at

    page.goto(f"{site.url}/signin?next=/events/{event_id}")
    page.fill("#token", site.tokens["analyst-one"])
    page.click("#signin-button")
    page.wait_for_url(f"**/events/{event_id}")
    until(page, "window.marsadEvent && window.marsadEvent.marker")
    shown = page.evaluate("(() => { const p = window.marsadEvent.marker.getLatLng(); return [p.lat, p.lng]; })()")
    assert shown == [before["latitude"], before["longitude"]]
    assert page.input_value('#place-form input[name="name"]') == village  # the name as the report writes it

    page.fill('#place-form input[name="latitude"]', "91")  # a slip: said on the page, nothing stored
    page.fill('#place-form input[name="longitude"]', str(at[1]))
    page.click("#place-save")
    page.wait_for_selector("#place-error")
    assert "latitude must be a finite number from -90 to 90" in page.inner_text("#place-error")

    page.fill('#place-form input[name="latitude"]', str(at[0]))
    page.fill('#place-form input[name="longitude"]', str(at[1]))
    page.fill('#place-form input[name="admin1"]', "Hama")
    page.fill('#place-form input[name="note"]', "from the village council's map")
    page.click("#place-save")
    page.wait_for_selector("#msg")
    until(page, "window.marsadEvent && window.marsadEvent.marker")
    moved = page.evaluate("(() => { const p = window.marsadEvent.marker.getLatLng(); return [p.lat, p.lng]; })()")
    assert moved == list(at)
    assert village in page.inner_text("#f-location") and "1" in page.inner_text("#f-location")
    assert "analyst-one" in page.locator("#history td.editor").all_inner_texts()
    stored = httpx.get(f"{site.url}/api/events/{event_id}", timeout=30).json()
    assert (stored["latitude"], stored["longitude"], stored["geo_precision"], stored["admin1"]) == (*at, 1, "Hama")
    assert {e["editor"] for e in stored["edits"]} == {"analyst-one"}
    places = httpx.get(f"{site.url}/api/places", timeout=30).json()
    assert [(p["name"], p["latitude"], p["set_by"]) for p in places] == [(village, at[0], "analyst-one")]
    # and on the overview map, the event's marker is at the village now
    page.goto(f"{site.url}/?text={event_id}")
    loaded(page)
    assert page.evaluate("window.marsad.points") == [list(at)]

    # a new article naming the village resolves to the analyst's entry
    later = httpx.post(f"{site.url}/api/articles", headers=site.auth("analyst-two"), timeout=60, json={
        "text": f"قصفت قوات النظام بلدة {village} بالمدفعية صباح اليوم ما أدى لمقتل طفل", "id": "village-2",
        "published": "2024-10-20"}).json()
    assert [(e["location"], e["latitude"], e["longitude"], e["geo_precision"]) for e in later["events"]] == \
        [(village, *at, 1)]
