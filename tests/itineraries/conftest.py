from pathlib import Path

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def sample_network(monkeypatch):
    """A two-line network over the sample places: a road Candi Badut–Candi Jago, and a jeep/hike-only track
    Candi Jago–Kawah Bromo (no cars)."""
    from geodata.network import RoadNetwork
    from itineraries import routing

    network = RoadNetwork.from_file(FIXTURES / "network_sample.geojson")
    monkeypatch.setattr(routing, "corridor_network", lambda: network)
    return network


def _make_itinerary(sample_site, stops, *, mode="car", days=1, start="08:00", margin=30, publish=True):
    """An itinerary under a fresh index, with stops given as (slug, day, stay_minutes, sunrise, leg_mode)."""
    import datetime as dt

    from wagtail.models import Locale

    from heritage.models import PlacePage
    from home.models import HomePage
    from itineraries.models import ItineraryIndexPage, ItineraryPage, ItineraryStop

    locale = Locale.objects.get(language_code="id")
    home = HomePage.objects.get(locale=locale)
    index = ItineraryIndexPage.objects.filter(locale=locale).first()
    if index is None:
        index = ItineraryIndexPage(title="Perjalanan", slug="perjalanan")
        home.add_child(instance=index)
        index.save_revision().publish()
    page = ItineraryPage(
        title="Uji perjalanan",
        slug=f"uji-{ItineraryPage.objects.count()}",
        summary="Ringkasan.",
        theme="sunrise",
        mode=mode,
        days=days,
        start_time=dt.time.fromisoformat(start),
        sunrise_margin_min=margin,
    )
    page.stops = [
        ItineraryStop(
            place=PlacePage.objects.get(slug=slug, locale=locale).specific,
            day=day,
            stay_minutes=stay,
            arrive_before_sunrise=sunrise,
            leg_mode=leg_mode,
            sort_order=n,
        )
        for n, (slug, day, stay, sunrise, leg_mode) in enumerate(stops)
    ]
    page.compute_route()
    page.live = False  # a draft until published, as an editor's new page is
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


@pytest.fixture
def make_itinerary():
    return _make_itinerary


def admin_form_data(stops, *, mode="car", action="action-publish", title="Uji admin", slug="uji-admin"):
    """The admin form of an itinerary as an editor posts it; ``stops`` are (place, leg_mode) pairs."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Ringkasan.",
            "story": streamfield([("paragraph", rich_text("<p>Cerita.</p>"))]),
            "theme": "sunrise",
            "mode": mode,
            "days": 1,
            "difficulty": "easy",
            "best_season": "",
            "start_time": "08:00",
            "sunrise_margin_min": 30,
            "booking_rules": "",
            "stops": inline_formset(
                [
                    {"place": place.pk, "day": 1, "stay_minutes": 30, "leg_mode": leg_mode, "note": ""}
                    for place, leg_mode in stops
                ]
            ),
            "links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data[action] = "action"
    return data
