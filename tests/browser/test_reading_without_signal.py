"""A tourist loses signal (issue 17): pages opened with signal stay readable without it, say that they are a
saved copy and since when, and a page never opened shows the "no signal" page listing what the phone holds.

The site is served by gunicorn with the production settings (hashed static files, whitenoise), as a phone meets
it, and then the server is killed: no connection at all, not the browser's offline switch, which a service
worker's own requests ignore (microsoft/playwright#2311).
"""

import os
import re
import signal
import subprocess
import time

import pytest
from playwright.sync_api import expect

from tests.qr.served_site import build_site

pytestmark = pytest.mark.browser

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
SAVED = "() => caches.open('pages-v1').then((cache) => cache.match(location.href)).then((found) => Boolean(found))"


def until(page, predicate: str, seconds: float = 20) -> None:
    """Poll `predicate` with page.evaluate: wait_for_function evaluates strings, which the site's CSP forbids."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {predicate}"
        time.sleep(0.2)


@pytest.fixture
def served(tmp_path):
    (tmp_path / "site").mkdir()
    server = build_site(tmp_path / "site").serve(workers=1)
    yield server
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()


def open_and_save(page, url: str) -> None:
    page.goto(url)
    until(page, CONTROLLED)
    until(page, SAVED)


def test_a_place_opened_with_signal_stays_readable_without_it(browser, served):
    base = f"http://127.0.0.1:{served.port}"
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    open_and_save(page, base + "/en/places/candi-badut/")
    expect(page.locator("#offline-note")).to_be_hidden()
    title = page.locator("h1").inner_text()
    open_and_save(page, base + "/id/tempat/candi-jago/")

    # The signal is gone: the server and its workers (which would go on answering on the socket) are killed.
    workers = subprocess.run(["pgrep", "-P", str(served.process.pid)], capture_output=True, text=True).stdout
    served.process.send_signal(signal.SIGKILL)
    served.process.wait()
    for worker in workers.split():
        os.kill(int(worker), signal.SIGKILL)

    page.goto(base + "/en/places/candi-badut/")
    expect(page.locator("h1")).to_have_text(title)
    note = page.locator("#offline-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("No signal")
    assert page.locator("#offline-note time").get_attribute("datetime").startswith("20")
    # The style sheet came from the phone too: the page's paper colour (site.css) is applied.
    assert page.evaluate("getComputedStyle(document.documentElement).backgroundColor") == "rgb(251, 250, 247)"

    # A page never opened: the "no signal" page in the address's language, with what the phone holds.
    page.goto(base + "/en/itineraries/")
    expect(page.locator("h1")).to_have_text("No signal")
    expect(page.locator("#saved-pages")).to_be_visible()
    expect(page.locator("#saved-pages a")).to_have_text([re.compile("badut", re.IGNORECASE)])
    page.goto(base + "/id/perjalanan/")
    expect(page.locator("h1")).to_have_text("Tidak ada sinyal")
    expect(page.locator("#saved-pages a")).to_have_text([re.compile("jago", re.IGNORECASE)])
    context.close()
