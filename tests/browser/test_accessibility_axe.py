"""Every public page type passes axe-core's WCAG 2.x A and AA rules in a real browser (issue 17), in
Indonesian and in English, and lets a visitor zoom.

The site is served as in production (gunicorn, `config.settings.production`, collected static files, the
strict Content-Security-Policy) on a SQLite file seeded once for the module with the bundled Malang content
(`manage.py seed_malang`, as `make run` does): the pages are bench/audited_pages.py's, the ones `make audit`
gives to Lighthouse and the Nu HTML Checker. axe-core comes from the axe-playwright-python wheel (its
axe.min.js), injected into each page after it loaded; nothing leaves the machine (tiles get a local PNG).
"""

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from bench.audited_pages import PAGES_SCRIPT
from tests.browser.conftest import keep_offline
from tests.qr.served_site import Site

pytestmark = pytest.mark.browser

# axe-core's tags for the WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()
SETTLED = """() => !document.querySelector(".leaflet-cluster-anim, .leaflet-zoom-anim")
    && ![...document.querySelectorAll(".leaflet-marker-icon")].some((icon) => icon.style.opacity === "0")"""

# The page names of bench/audited_pages.py, so each page is a test of its own (its name in the test id);
# the script itself runs on the seeded site, which gives each name its path.
PAGE_NAMES = [
    f"{name} ({language})"
    for language in ("id", "en")
    for name in (
        "home",
        "places list",
        "place",
        "itinerary",
        "itinerary print view",
        "products hub",
        "product",
        "centre",
        "heritage register",
        "register entry",
        "search",
        "404",
    )
]


@pytest.fixture(scope="module")
def audited_site(tmp_path_factory):
    """(base URL, {page name: path}, media folder) of the bundled Malang site served by gunicorn for this
    module. The production settings leave media files to the front server; `open_page` plays its part."""
    folder = tmp_path_factory.mktemp("axe-site")
    site = Site(folder, folder / "static")
    site.manage("migrate", "--noinput", "-v0")
    site.manage("seed_malang")
    site.manage("collectstatic", "--noinput", "-v0")
    paths = dict(site.shell(PAGES_SCRIPT))
    assert sorted(paths) == sorted(PAGE_NAMES)
    server = site.serve(workers=2)
    yield f"http://127.0.0.1:{server.port}", paths, folder / "media"
    server.process.kill()
    server.process.wait()


def axe_violations(page) -> list[str]:
    """One line per node that breaks a WCAG A/AA rule: rule id, impact, the node's selector, the message."""
    results = AXE.run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    )
    lines = []
    for rule in results.response["violations"]:
        for node in rule["nodes"]:
            target = " ".join(
                json.dumps(part) if not isinstance(part, str) else part for part in node["target"]
            )
            summary = " ".join((node.get("failureSummary") or rule["help"]).split())
            related = [
                other["html"][:120] for check in node["any"] for other in check.get("relatedNodes", [])
            ]
            lines.append(f"{rule['id']} ({rule['impact']}) at {target}: {summary}")
            lines += [f"    near {html}" for html in related[:3]]
    return lines


def open_page(browser, base: str, path: str, media: Path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(20_000)
    aborted = keep_offline(context, base)

    def front_server(route):  # media files, as the front server sends them (gunicorn does not)
        file = media / route.request.url.split("/media/", 1)[1].split("?")[0]
        if file.resolve().is_relative_to(media.resolve()) and file.is_file():
            route.fulfill(path=file)
        else:
            route.fulfill(status=404)

    context.route(base + "/media/**", front_server)
    page = context.new_page()
    # A style sheet or script the server failed to send would leave a page axe cannot judge fairly.
    failed = []
    page.on(
        "requestfailed",
        lambda request: (
            None  # a tile Leaflet gave up on as the map zoomed to its places
            if request.url.startswith(base) is False and request.url.endswith(".png")
            else failed.append(f"{request.url} ({request.failure})")
        ),
    )
    page.on(
        "response",
        lambda response: (
            failed.append(f"{response.url} ({response.status})")
            if response.status >= 400 and response.request.resource_type != "document"
            else None
        ),
    )
    response = page.goto(base + path)
    page.wait_for_load_state("load")
    # The maps' markers settled: no cluster or zoom animation under way, no marker still fading in or out.
    page.wait_for_function(SETTLED)
    assert failed == [], f"{path}: files that did not load: {failed}"
    return context, page, response, aborted


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_page_breaks_no_wcag_a_or_aa_rule_and_lets_the_visitor_zoom(browser, audited_site, name):
    base, paths, media = audited_site
    context, page, response, aborted = open_page(browser, base, paths[name], media)
    try:
        assert response.status == (404 if name.startswith("404") else 200), (name, response.status)
        viewports = page.locator('meta[name="viewport"]')
        assert viewports.count() == 1, f"{name}: {viewports.count()} viewport meta elements"
        content = viewports.get_attribute("content").replace(" ", "").lower()
        assert "user-scalable=no" not in content and "user-scalable=0" not in content, content
        assert "maximum-scale" not in content, content
        violations = axe_violations(page)
        assert violations == [], (
            f"{name} ({paths[name]}) breaks {len(violations)} axe rule nodes:\n" + "\n".join(violations)
        )
        assert aborted == [], f"requests tried to leave the machine: {aborted}"
    finally:
        context.close()
