"""Every public page runs under a strict Content-Security-Policy, and the scripts it needs are allowed.

The policy allows scripts from our own origin and the page's inline map scripts by their hash; nothing else
may run, so a script tag slipped into a page by its text would be refused by the browser even if it escaped
the template engine. The admin keeps its own policy (Wagtail writes inline scripts of its own), but its
preview of a page is the page, under the page's policy."""

import re

import pytest
from lxml import html as lxml_html

from heritage.inline_scripts import script_hash
from home.page_cache import forget_all
from tests.itineraries.conftest import _make_itinerary


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    out = {}
    for part in header.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def inline_scripts(response) -> list[str]:
    """The text of every script element that a browser would run as JavaScript and that has no src."""
    tree = lxml_html.fromstring(response.content)
    return [
        script.text or ""
        for script in tree.iter("script")
        if not script.get("src") and script.get("type") in (None, "", "text/javascript", "module")
    ]


@pytest.fixture
def every_page_type(sample_site, sample_network):
    from heritage.models import PlaceIndexPage, PlacePage
    from products.content.seed import seed_products
    from products.models import CentrePage, ProductIndexPage, ProductPage

    seed_products()
    trip = _make_itinerary(sample_site, [("candi-badut", 1, 30, False, ""), ("candi-jago", 1, 30, False, "")])
    place = PlacePage.objects.get(slug="candi-badut", locale__language_code="id")
    urls = [
        "/id/",
        "/en/",
        place.url,
        PlacePage.objects.get(slug="candi-badut", locale__language_code="en").url,
        PlaceIndexPage.objects.get(locale__language_code="id").url,
        PlaceIndexPage.objects.get(locale__language_code="id").url + "?kind=temple",
        ProductIndexPage.objects.get(locale__language_code="id").url,
        ProductPage.objects.filter(locale__language_code="id").first().url,
        CentrePage.objects.filter(locale__language_code="en").first().url,
        trip.url,
        trip.url + "?print=1",
        trip.get_parent().url,
        "/id/search/?q=candi",
        "/en/search/",
        "/id/tidak-ada/",
    ]
    return {"urls": urls, "place": place, "trip": trip}


@pytest.fixture
def sample_network(monkeypatch):
    from geodata.network import RoadNetwork
    from itineraries import routing
    from tests.conftest import FIXTURES

    network = RoadNetwork.from_file(FIXTURES / "network_sample.geojson")
    monkeypatch.setattr(routing, "corridor_network", lambda: network)
    return network


def test_every_public_page_type_runs_under_a_strict_policy_that_allows_its_own_maps(client, every_page_type):
    maps_seen = 0
    for url in every_page_type["urls"]:
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        policy = directives(response)
        assert policy["script-src"][0] == "'self'", url
        assert (
            "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        ), url
        assert policy["object-src"] == ["'none'"], url
        assert policy["base-uri"] == ["'self'"], url
        assert policy["frame-ancestors"] == ["'self'"] and response["X-Frame-Options"] == "SAMEORIGIN", url
        assert "https://tiles.example.test" in policy["img-src"], url  # the configured tile server
        assert response["Permissions-Policy"].startswith("geolocation=(self)"), url
        # Each inline script the page needs (its map) is allowed by its exact hash, and only those are.
        scripts = inline_scripts(response)
        assert sorted(script_hash(s) for s in scripts) == sorted(policy["script-src"][1:]), url
        maps_seen += len(scripts)
    assert maps_seen >= 8  # home, places, products, centres and itinerary pages carry maps


def test_the_admin_keeps_its_own_policy_but_previews_a_draft_under_the_pages_policy(
    admin_client, every_page_type
):
    admin = directives(admin_client.get("/admin/"))
    assert "'unsafe-inline'" in admin["script-src"]  # Wagtail's own inline scripts (InlinePanel, choosers)
    assert admin["object-src"] == ["'none'"] and admin["frame-ancestors"] == ["'self'"]
    place = every_page_type["place"]
    draft = place.specific.get_latest_revision_as_object()
    draft.summary = "Ringkasan baru </script><script>alert(1)</script>"
    draft.save_revision()
    response = admin_client.get(f"/admin/pages/{place.pk}/view_draft/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" not in policy["script-src"]
    assert b"</script><script>alert(1)" not in response.content
    assert sorted(script_hash(s) for s in inline_scripts(response)) == sorted(policy["script-src"][1:])


def test_the_policy_names_the_configured_tile_server_and_nothing_when_there_is_none(
    client, settings, sample_site
):
    settings.MAP_TILE_URL = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    assert "https://*.tile.example.org" in directives(client.get("/id/"))["img-src"]
    settings.MAP_TILE_URL = ""
    forget_all()  # the page cache keeps the home page as it was served; a new setting means a restart
    img = directives(client.get("/id/"))["img-src"]
    assert not any(re.match(r"https?://", value) for value in img)
