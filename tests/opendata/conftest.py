"""Fixtures of the open-data tests: a world with every kind of feature the OGC API serves (the sample places,
the bundled production centres, a routed itinerary, the places' QR codes), seeded once for the folder."""

import datetime as dt

import pytest

from tests.shared_seeds import FIXTURES, SHARED_SEEDS

TEMPLE_TO_CRATER = [("candi-badut", 0, ""), ("candi-jago", 60, ""), ("kawah-bromo", 60, "jeep")]


def add_itinerary(stops, *, title="Candi ke kawah", slug="candi-ke-kawah", publish=True):
    """An Indonesian itinerary over the sample network (stops: (place slug, stay minutes, leg mode))."""
    from wagtail.models import Locale

    from geodata.network import RoadNetwork
    from heritage.models import PlacePage
    from home.models import HomePage
    from itineraries import routing
    from itineraries.models import ItineraryIndexPage, ItineraryPage, ItineraryStop

    locale = Locale.objects.get(language_code="id")
    index = ItineraryIndexPage.objects.filter(locale=locale).first()
    if index is None:
        index = HomePage.objects.get(locale=locale).add_child(
            instance=ItineraryIndexPage(title="Perjalanan", slug="perjalanan")
        )
        index.save_revision().publish()
    page = ItineraryPage(
        title=title,
        slug=slug,
        summary="Ringkasan.",
        theme="sunrise",
        mode="car",
        days=1,
        start_time=dt.time(8, 0),
        sunrise_margin_min=30,
    )
    page.stops = [
        ItineraryStop(
            place=PlacePage.objects.get(slug=place, locale=locale).specific,
            day=1,
            stay_minutes=stay,
            leg_mode=mode,
            sort_order=n,
        )
        for n, (place, stay, mode) in enumerate(stops)
    ]
    corridor_network = routing.corridor_network
    routing.corridor_network = lambda: RoadNetwork.from_file(FIXTURES / "network_sample.geojson")
    try:
        page.compute_route()
    finally:
        routing.corridor_network = corridor_network
    page.live = False
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def _seed_world():
    from home.seed import seed
    from products.content.seed import seed_products

    report = seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")
    seed_products(report.homes, report.locales, report)
    add_itinerary(TEMPLE_TO_CRATER)
    return report


SHARED_SEEDS.register(
    "ogc_site", _seed_world, scope="folder", includes={"sample_site": lambda report: report}
)


@pytest.fixture
def ogc_site(db, request):
    """Places (Candi Badut, Candi Jago, Kawah Bromo), the bundled centres and products, in id and en; one
    routed Indonesian itinerary Candi Badut – Candi Jago – Kawah Bromo; a QR code for every place."""
    return SHARED_SEEDS.fixture("ogc_site", request)


@pytest.fixture
def ogc(client, ogc_site):
    """GET an OGC API path (under /ogc/) as JSON; returns the response."""

    def get(path="", **query):
        query.setdefault("f", "json")
        return client.get(f"/ogc/{path}", query)

    return get


def live_counts(lang="id") -> dict[str, int]:
    """What the database holds that a visitor may see, counted without the OGC code: each collection's size."""
    from django.db.models import Q

    from heritage.models import PlacePage
    from itineraries.models import ItineraryPage
    from plaques.models import ShortCode
    from products.models import CentrePage

    places = PlacePage.objects.live().public().filter(locale__language_code=lang)
    public_places = PlacePage.objects.live().public()
    routed = [
        page
        for page in ItineraryPage.objects.live().public().filter(locale__language_code=lang)
        if page.route_data.get("legs")
    ]
    plaques = ShortCode.objects.filter(
        Q(page__translation_key__in=public_places.values("translation_key"))
    ).count()
    return {
        "places": places.count(),
        "centres": CentrePage.objects.live().public().filter(locale__language_code=lang).count(),
        "itineraries": len(routed),
        "plaques": plaques,
    }


@pytest.fixture
def add_place(ogc_site):
    """A new Indonesian heritage site under the place index: a draft (saved as a revision, never
    published) unless `publish`."""
    from decimal import Decimal

    from wagtail.models import Locale

    from heritage.models import HeritageSitePage, PlaceIndexPage

    def add(slug, *, title=None, publish=True, lat="-7.9666", lon="112.6326"):
        index = PlaceIndexPage.objects.get(locale=Locale.objects.get(language_code="id"))
        page = HeritageSitePage(
            title=title or slug.replace("-", " ").title(),
            slug=slug,
            summary="Ringkasan.",
            kind="colonial_building",
            region="kota-malang",
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            live=False,
        )
        index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page

    return add
