"""Text an editor controls never runs as script: a hostile title on a place, a product, a centre and an
itinerary stop, opened by a visitor on every public page type, the print view and the maps, and by a
moderator in the admin's preview of a draft. No dialog opens, no Content-Security-Policy violation is
reported, and the title is shown as the letters it is made of."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# Each line breaks out of a different context if it is escaped for the wrong one: a JavaScript template
# literal, a <script> element, an HTML attribute or element, a template engine, a quoted string; with an
# right-to-left override to check it survives as text.
HOSTILE = (
    "Candi `${alert(1)}` </script><script>alert(2)</script><img src=x onerror=alert(3)> {{ 7*7 }} \"'\u202e"
)

# Recorded before any page script runs; the listener sees every violation of the page's policy.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
    window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || ""));
});
"""


@pytest.fixture
def hostile_site(seeded_live_server, monkeypatch):
    """The sample places and the bundled products with a hostile title on Candi Badut (a stop of a published
    itinerary), on a product and on a centre, in both languages."""
    import datetime as dt

    from wagtail.models import Locale

    from geodata.network import RoadNetwork
    from heritage.models import PlacePage
    from home.models import HomePage
    from itineraries import routing
    from itineraries.models import ItineraryIndexPage, ItineraryPage, ItineraryStop
    from products.content.seed import seed_products
    from products.models import CentrePage, ProductPage

    seed_products()
    network = RoadNetwork.from_file(FIXTURES / "network_sample.geojson")
    monkeypatch.setattr(routing, "corridor_network", lambda: network)
    locale = Locale.objects.get(language_code="id")
    # Candi Badut in both languages, and the first product and centre of each language.
    targets = list(PlacePage.objects.filter(slug="candi-badut"))
    for model in (ProductPage, CentrePage):
        for lang in ("id", "en"):
            targets.append(model.objects.filter(locale__language_code=lang).order_by("path").first())
    for target in targets:
        target = target.specific
        target.title = HOSTILE
        target.save_revision().publish()
    index = ItineraryIndexPage(title="Perjalanan", slug="perjalanan")
    HomePage.objects.get(locale=locale).add_child(instance=index)
    index.save_revision().publish()
    trip = ItineraryPage(
        title="Uji perjalanan",
        slug="uji-perjalanan",
        summary="Uji.",
        theme="temples",
        mode="car",
        days=1,
        start_time=dt.time(8),
        sunrise_margin_min=30,
    )
    trip.stops = [
        ItineraryStop(place=PlacePage.objects.get(slug=slug, locale=locale).specific, day=1, sort_order=n)
        for n, slug in enumerate(["candi-badut", "candi-jago"])
    ]
    trip.compute_route()
    index.add_child(instance=trip)
    trip.save_revision().publish()
    place = PlacePage.objects.get(slug="candi-badut", locale=locale).specific
    product = ProductPage.objects.filter(title=HOSTILE, locale=locale).first()
    centre = CentrePage.objects.filter(title=HOSTILE, locale=locale).first()
    return {"place": place, "product": product, "centre": centre, "trip": trip}


def _watch(page) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(RECORD_VIOLATIONS)
    return dialogs


def _assert_safe(page, dialogs, url):
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # let map scripts and popups settle
    assert dialogs == [], f"{url}: a script ran from a title: {dialogs}"
    violations = page.evaluate("window.__cspViolations")
    assert violations == [], f"{url}: Content-Security-Policy violations: {violations}"


def test_a_hostile_title_is_shown_as_text_on_every_public_page_and_never_runs(
    page, offline, seeded_live_server, hostile_site
):
    root = seeded_live_server.url
    dialogs = _watch(page)
    place, product, centre, trip = (hostile_site[k] for k in ("place", "product", "centre", "trip"))
    for path in [place.url, product.url, centre.url]:
        page.goto(root + path)
        expect(page.locator("h1")).to_have_text(HOSTILE)
        _assert_safe(page, dialogs, path)
    for path in [
        trip.url,
        trip.url + "?print=1",
        "/id/",
        "/id/places/",
        "/id/search/?q=candi",
        "/en/places/",
    ]:
        page.goto(root + path)
        _assert_safe(page, dialogs, path)
    # The itinerary lists the stop by its title, and the route map's stop marker names it on hover.
    page.goto(root + trip.url)
    expect(page.locator("main")).to_contain_text(HOSTILE)
    page.locator(".itinerary-map .gd-stop").first.hover()
    expect(page.locator(".leaflet-tooltip")).to_contain_text("1. " + HOSTILE)
    _assert_safe(page, dialogs, trip.url + " (stop tooltip)")
    # On the place's own map, its popup shows the title as text.
    page.goto(root + place.url)
    page.locator(".map .gd-marker").first.click(force=True)
    expect(page.locator(".leaflet-popup-content")).to_contain_text(HOSTILE)
    _assert_safe(page, dialogs, place.url + " (popup)")
    assert offline == []


def test_a_moderator_previewing_an_editors_hostile_draft_runs_none_of_it(
    browser, seeded_live_server, hostile_site, django_user_model
):
    from django.contrib.auth.models import Group

    from home.seed import EDITORS, MODERATORS

    editor = django_user_model.objects.create_user("siti", password="siti-pw-for-tests")
    editor.groups.add(Group.objects.get(name=EDITORS))
    moderator = django_user_model.objects.create_user("budi", password="budi-pw-for-tests")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    place = hostile_site["place"]
    draft = place.get_latest_revision_as_object()
    draft.summary = HOSTILE
    draft.save_revision(user=editor)
    base = seeded_live_server.url

    page = browser.new_context().new_page()
    dialogs = _watch(page)
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill("budi")
    page.locator("#id_password").fill("budi-pw-for-tests")
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    _assert_safe(page, dialogs, "/admin/")
    page.goto(f"{base}/admin/pages/{place.pk}/view_draft/")
    expect(page.locator("h1")).to_have_text(HOSTILE)
    expect(page.locator("main")).to_contain_text(HOSTILE)
    _assert_safe(page, dialogs, "view_draft")
    # The edit form, with its live preview panel, shows the same text inert.
    page.goto(f"{base}/admin/pages/{place.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(HOSTILE)
    _assert_safe(page, dialogs, "edit")
