"""The review form (issue 20 item 7) in a real Chromium: type and sub-type as dependent selects of
ACLED's taxonomy, the date as a date input, precision as choices, actors suggested; a bad value is
said beside its field on the page sent back, which keeps everything the analyst wrote."""
from __future__ import annotations

import httpx
import pytest

from conftest import sqlite_server
from test_web_browser import ARGS, REFERENCE_EVENT, chromium  # noqa: F401  (the session's Chromium fixture)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    yield from sqlite_server(tmp_path_factory, "review")


@pytest.fixture(scope="module")
def browser(chromium):  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.goto(f"{site.url}/signin?next=/events/{REFERENCE_EVENT}")
    pg.fill("#token", site.tokens["analyst-one"])
    pg.click("#signin-button")
    pg.wait_for_url(f"**/events/{REFERENCE_EVENT}")
    yield pg
    context.close()


def test_the_form_offers_acleds_choices(page):
    assert page.get_attribute('#review input[name="event_date"]', "type") == "date"
    assert page.locator('#review select[name="geo_precision"] option').count() == 4
    assert page.locator("#actor-choices option[value='Islamic State']").count() == 1
    page.select_option("#review-event_type", "Protests")
    shown = page.locator("#review-sub_event_type optgroup:not([disabled]) option").evaluate_all(
        "os => os.map(o => o.value)")
    assert shown == ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]
    assert page.input_value("#review-sub_event_type") == "Peaceful protest"


def test_a_bad_value_is_said_beside_its_field_and_the_form_is_kept(page, site):
    before = httpx.get(f"{site.url}/api/events/{REFERENCE_EVENT}", timeout=30).json()
    page.fill('#review input[name="latitude"]', "123.5")
    page.fill('#review input[name="fatalities"]', "42")
    page.fill('#review input[name="note"]', "checked against the statement")
    page.click("#save")
    page.wait_for_selector("#error-latitude")
    assert "latitude" in page.inner_text("#error-latitude") and "90" in page.inner_text("#error-latitude")
    assert page.locator("#review-errors").count() == 1
    # what was written is still there, and nothing was stored
    assert page.input_value('#review input[name="latitude"]') == "123.5"
    assert page.input_value('#review input[name="fatalities"]') == "42"
    assert page.input_value('#review input[name="note"]') == "checked against the statement"
    after = httpx.get(f"{site.url}/api/events/{REFERENCE_EVENT}", timeout=30).json()
    assert (after["latitude"], after["fatalities"], len(after["edits"])) == \
        (before["latitude"], before["fatalities"], len(before["edits"]))
    # corrected, it is saved
    page.fill('#review input[name="latitude"]', str(before["latitude"]))
    page.click("#save")
    page.wait_for_selector("#msg")
    assert httpx.get(f"{site.url}/api/events/{REFERENCE_EVENT}", timeout=30).json()["fatalities"] == 42


def test_a_sub_type_of_another_type_is_refused_beside_it(site):
    # a form sent without the page's script (or by hand): the taxonomy is checked on the server
    client = httpx.Client(base_url=site.url, timeout=30, cookies={"marsad_token": site.tokens["analyst-two"]})
    response = client.post(f"/events/{REFERENCE_EVENT}/review", data={"event_type": "Protests",
                                                                     "sub_event_type": "Armed clash"})
    assert response.status_code == 422
    assert 'id="error-sub_event_type"' in response.text and "is not a kind of" in response.text
    stored = client.get(f"/api/events/{REFERENCE_EVENT}").json()
    assert stored["event_type"] != "Protests"
