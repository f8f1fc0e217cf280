"""A visitor plans the Bromo sunrise for two dates; an editor adds a stop and sees its leg."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def sunrise_trip(seeded_live_server, monkeypatch):
    import datetime as dt

    from wagtail.models import Locale

    from geodata.network import RoadNetwork
    from heritage.models import PlacePage
    from home.models import HomePage
    from itineraries import routing
    from itineraries.models import ItineraryIndexPage, ItineraryPage, ItineraryStop

    network = RoadNetwork.from_file(FIXTURES / "network_sample.geojson")
    monkeypatch.setattr(routing, "corridor_network", lambda: network)
    locale = Locale.objects.get(language_code="id")
    index = ItineraryIndexPage(title="Perjalanan", slug="perjalanan")
    HomePage.objects.get(locale=locale).add_child(instance=index)
    index.save_revision().publish()

    def place(slug):
        return PlacePage.objects.get(slug=slug, locale=locale).specific

    page = ItineraryPage(
        title="Matahari terbit uji",
        slug="matahari-terbit",
        summary="Uji.",
        theme="sunrise",
        mode="car",
        days=1,
        start_time=dt.time(8),
        sunrise_margin_min=30,
    )
    page.stops = [
        ItineraryStop(place=place("candi-badut"), day=1, stay_minutes=0, sort_order=0),
        ItineraryStop(place=place("candi-jago"), day=1, stay_minutes=30, sort_order=1),
        ItineraryStop(
            place=place("kawah-bromo"),
            day=1,
            stay_minutes=60,
            arrive_before_sunrise=True,
            leg_mode="jeep",
            sort_order=2,
        ),
    ]
    page.compute_route()
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_visitor_sees_different_departure_times_in_july_and_december(
    page, offline, seeded_live_server, sunrise_trip
):
    page.goto(seeded_live_server.url + sunrise_trip.url)
    expect(page.locator("h1")).to_have_text("Matahari terbit uji")
    departures = {}
    for day in ("2026-07-15", "2026-12-15"):
        page.locator("input[name=date]").fill(day)
        page.locator(".plan-form button[type=submit]").click()
        expect(page.locator(".schedule")).to_have_attribute("data-date", day)
        departures[day] = page.locator(".stop").first.locator("time.depart").inner_text()
        expect(page.locator(".sunrise")).to_be_visible()
    assert departures["2026-07-15"] != departures["2026-12-15"]
    assert re.fullmatch(r"\d\d:\d\d", departures["2026-07-15"])
    expect(page.locator(".itinerary-map .leaflet-container")).to_be_visible()
    assert offline == []


def test_an_editor_adds_a_stop_and_sees_the_new_legs_distance_after_saving(
    page, seeded_live_server, sunrise_trip, django_user_model
):
    django_user_model.objects.create_superuser("ani", "", "ani-pw-for-tests")
    base = seeded_live_server.url
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill("ani")
    page.locator("#id_password").fill("ani-pw-for-tests")
    page.locator("button[type=submit]").click()
    page.goto(f"{base}/admin/pages/{sunrise_trip.pk}/edit/")
    expect(page.locator(".route-leg")).to_have_count(2)
    # Add a fourth stop: back from the crater to Candi Jago by jeep.
    page.get_by_role("button", name=re.compile("Add stops", re.I)).last.click()
    new_stop = page.locator("[id^='inline_child_stops-']").last
    new_stop.get_by_role("button", name=re.compile("Choose a page", re.I)).click()
    modal = page.locator(".modal")
    modal.locator("input[name=q]").fill("Candi-jago")
    modal.get_by_role("link", name=re.compile("Candi-jago \\(id\\)")).first.click()
    new_stop.locator("select[name$='-leg_mode']").select_option("jeep")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("updated")
    expect(page.locator(".route-leg")).to_have_count(3)
    expect(page.locator(".route-leg").nth(2)).to_contain_text("Candi-jago (id)")
    expect(page.locator(".route-leg .leg-distance").nth(2)).to_contain_text("km")


def test_the_print_view_prints_its_map_without_the_sites_navigation(
    page, offline, seeded_live_server, sunrise_trip
):
    page.emulate_media(media="print")
    page.goto(seeded_live_server.url + sunrise_trip.url + "?print=1")
    expect(page.locator(".site-nav")).to_have_count(0)
    expect(page.locator(".itinerary-map .leaflet-container")).to_be_visible()
    expect(page.locator(".gd-stop")).to_have_count(3)
    expect(page.locator(".plan-form")).to_be_hidden()
    # The page itself, printed, still leaves the map out (the print view is the one made for paper).
    page.goto(seeded_live_server.url + sunrise_trip.url)
    expect(page.locator(".itinerary-map")).to_be_hidden()
    assert offline == []
