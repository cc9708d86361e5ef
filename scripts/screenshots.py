"""Screenshots of the web app's main screens for the README (docs/*.png).

    .venv/bin/python scripts/screenshots.py

Ingests the bundled samples into a temporary SQLite file, starts ``marsad serve`` on it, and
drives Debian's Chromium (scripts/install-chromium.sh) with Playwright: the overview (map,
timeline, table), the reference article's event page in Arabic, and the review form with an
edit in its history.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from conftest import Served  # noqa: E402  (the test suite's real-server helper)

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
EVENT = "ev-c1c5c16ce4d251ee"


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = subprocess.run(["bash", str(REPO / "scripts" / "install-chromium.sh")], capture_output=True,
                              text=True, check=True).stdout.strip().splitlines()[-1]
    out = REPO / "docs"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = Served(f"sqlite:///{tmp}/shots.db", Path(tmp))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1050})
                page.goto(server.url + "/")
                page.wait_for_function("window.marsad && window.marsad.loads >= 1")
                page.wait_for_timeout(600)
                page.screenshot(path=str(out / "overview.png"))
                page.goto(f"{server.url}/events/{EVENT}?lang=ar")
                page.screenshot(path=str(out / "event-ar.png"), full_page=False)
                page.goto(f"{server.url}/signin?next=/events/{EVENT}&lang=en")
                page.fill("#token", server.tokens["analyst-one"])
                page.click("#signin-button")
                page.wait_for_url(f"**/events/{EVENT}")
                page.fill('#review input[name="fatalities"]', "199")
                page.fill('#review input[name="note"]', "recounted: 172 ISIS members and 27 SDF fighters")
                page.click("#save")
                page.wait_for_selector("#msg")
                page.locator("#review").scroll_into_view_if_needed()
                page.screenshot(path=str(out / "review.png"), full_page=False)
                browser.close()
        finally:
            server.stop()
    for name in ("overview.png", "event-ar.png", "review.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
