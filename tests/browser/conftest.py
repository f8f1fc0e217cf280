"""Browser tests: Playwright driving Debian's chromium against pytest-django's live server.

No network: every request that does not go to the live server is aborted, except map tiles, which are
answered with a local PNG (as umap's tests do), so a map test never depends on a tile server.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls from the test body.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TILE = (FIXTURES / "tile.png").read_bytes()
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def keep_offline(target, base: str) -> list:
    """Route every request of ``target`` (a page or a browser context): the live server passes, tiles get the
    local PNG, anything else is aborted and recorded in the returned list."""
    aborted = []

    def handle(route):
        url = route.request.url
        if url.startswith(base) or url.startswith("data:"):
            route.continue_()
        elif "/tiles.example.test/" in url or "tile.openstreetmap.org" in url:
            route.fulfill(status=200, content_type="image/png", body=TILE)
        else:
            aborted.append(url)
            route.abort()

    target.route("**/*", handle)
    return aborted


@pytest.fixture
def offline(page, live_server):
    """The page, with tiles served locally and every other outside request aborted. Returns the list of
    aborted URLs so a test can assert that nothing tried to leave the machine."""
    aborted = keep_offline(page, live_server.url)
    page.set_default_timeout(15_000)
    yield aborted


@pytest.fixture
def offline_context(browser, live_server):
    """A function making a new browser context (e.g. with a geolocation) kept offline like ``offline``;
    returns ``(context, aborted)``. Contexts are closed after the test."""
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context, keep_offline(context, live_server.url)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def seeded_live_server(live_server, transactional_db, django_db_serialized_rollback):
    """The live server with the sample places (Candi Badut, Candi Jago, Kawah Bromo) in id and en."""
    from home.seed import seed

    seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")
    return live_server


REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (e) {
    window.__reportCspViolation(location.pathname + ": " + e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture(autouse=True)
def no_csp_violations(browser, monkeypatch):
    """Every browser test fails on a Content-Security-Policy violation in any page it opened: the maps,
    search suggestions, the language switcher and the admin must all work under the policy."""
    violations: list[str] = []
    new_context = browser.new_context

    def watched_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.expose_binding("__reportCspViolation", lambda source, text: violations.append(text))
        context.add_init_script(REPORT_VIOLATIONS)
        return context

    monkeypatch.setattr(browser, "new_context", watched_context)
    yield violations
    assert violations == [], f"Content-Security-Policy violations: {violations}"
