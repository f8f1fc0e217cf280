"""Fixtures of the admin form tests: a page of every type of the project."""

import pytest


@pytest.fixture
def every_page_type(sample_site, monkeypatch):
    """The sample places, the bundled catalogue, and an itinerary with its computed route: a page of every
    type of the project in Indonesian."""
    from wagtail.models import Locale

    from geodata.network import RoadNetwork
    from heritage.models import PlacePage
    from home.models import HomePage
    from itineraries import routing
    from itineraries.models import ItineraryIndexPage, ItineraryPage, ItineraryStop
    from products.content.seed import seed_products
    from tests.shared_seeds import FIXTURES

    seed_products(sample_site.homes, sample_site.locales, sample_site)
    network = RoadNetwork.from_file(FIXTURES / "network_sample.geojson")
    monkeypatch.setattr(routing, "corridor_network", lambda: network)
    locale = Locale.objects.get(language_code="id")
    index = ItineraryIndexPage.objects.filter(locale=locale).first()
    if index is None:
        index = ItineraryIndexPage(title="Perjalanan", slug="perjalanan")
        HomePage.objects.get(locale=locale).add_child(instance=index)
        index.save_revision().publish()
    trip = ItineraryPage(
        title="Dua candi", slug="dua-candi", summary="Badut lalu Jago.", theme="sunrise", mode="car"
    )
    trip.stops = [
        ItineraryStop(place=PlacePage.objects.get(slug=slug, locale=locale).specific, sort_order=n)
        for n, slug in enumerate(["candi-badut", "candi-jago"])
    ]
    trip.compute_route()
    index.add_child(instance=trip)
    trip.save_revision().publish()
    assert trip.route_data.get("legs"), "the walk needs an itinerary with its route table"
    return locale
