"""A tourist saves the corridor before losing signal (issue 17): "Save for offline" on a corridor place, an
itinerary out to Bromo and the corridor's list says how much it took and when; with no signal, both pages
reload from the phone with their map's own base layer (no tile loads) and the emergency help, the GPX still
downloads, and a corridor place never opened, but in the pack, opens too.

Served by gunicorn with the production settings, as test_reading_without_signal.py does; the signal goes
with the server killed and the context set offline (a service worker's own requests ignore the offline
switch alone, microsoft/playwright#2311).
"""

import json
import os
import re
import signal
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_reading_without_signal import CONTROLLED, until

from tests.qr.served_site import build_site

pytestmark = pytest.mark.browser

NETWORK = Path(__file__).resolve().parents[1] / "fixtures" / "network_sample.geojson"

TRIP = f"""
import datetime as dt, json
from pathlib import Path
from wagtail.models import Locale
from geodata.network import RoadNetwork
from heritage.models import PlacePage
from home.models import HomePage
from itineraries import routing
from itineraries.models import ItineraryIndexPage, ItineraryPage, ItineraryStop

network = RoadNetwork.from_file(Path({str(NETWORK)!r}))
routing.corridor_network = lambda: network
locale = Locale.objects.get(language_code="id")
index = ItineraryIndexPage(title="Perjalanan", slug="perjalanan")
HomePage.objects.get(locale=locale).add_child(instance=index)
index.save_revision().publish()
place = lambda slug: PlacePage.objects.get(slug=slug, locale=locale).specific
page = ItineraryPage(title="Matahari terbit uji", slug="matahari-terbit", summary="Uji.", theme="sunrise",
                     mode="car", days=1, start_time=dt.time(3), sunrise_margin_min=30)
page.stops = [
    ItineraryStop(place=place("candi-jago"), day=1, stay_minutes=0, sort_order=0),
    ItineraryStop(place=place("kawah-bromo"), day=1, stay_minutes=60, arrive_before_sunrise=True,
                  leg_mode="jeep", sort_order=1),
]
page.compute_route()
index.add_child(instance=page)
page.save_revision().publish()
print(json.dumps(page.url))
"""

SIZE = re.compile(r"^\d[\d.,]* (KB|MB)$")


@pytest.fixture
def served(tmp_path):
    (tmp_path / "site").mkdir()
    site = build_site(tmp_path / "site")
    trip = site.shell(TRIP)
    server = site.serve(workers=1)
    yield server, trip
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()


def save(page, url: str, button: str, saved: str) -> None:
    """Open `url`, tap the button, and see what it took and when."""
    page.goto(url)
    until(page, CONTROLLED)
    box = page.locator(".save-offline")
    expect(box).to_be_visible()
    box.get_by_role("button", name=button, exact=True).click()
    status = box.locator(".save-offline__status")
    expect(status).to_contain_text(saved, timeout=60_000)
    expect(status.locator(".save-offline__size")).to_have_text(SIZE)
    assert 0 < int(status.locator(".save-offline__size").get_attribute("data-bytes")) < 2_000_000
    assert status.locator("time").get_attribute("datetime").startswith("20")
    assert status.locator("time").inner_text().strip()
    expect(box.locator('[data-action="save"]')).to_be_hidden()
    expect(box.locator('[data-action="update"]')).to_be_visible()
    expect(box.locator('[data-action="remove"]')).to_be_visible()


def expect_saved_copy(page, url: str, title: str | re.Pattern) -> None:
    page.goto(url)
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("#offline-note")).to_be_visible()
    expect(page.locator("aside.help")).to_be_visible()
    expect(page.locator("aside.help .help__number")).to_have_text("112")
    # No tile loads, yet the map has context: the bundled roads and trails drawn as vector lines.
    expect(page.locator(".leaflet-container")).to_be_visible()
    assert page.locator(".leaflet-overlay-pane path").count() >= 10
    assert page.locator(".leaflet-tile-loaded").count() == 0


def test_a_corridor_place_an_itinerary_and_the_corridor_saved_for_offline_open_with_no_signal(
    browser, served
):
    server, trip = served
    base = f"http://127.0.0.1:{server.port}"
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)

    simpan, tersimpan = "Simpan untuk dibaca tanpa sinyal", "Tersimpan di perangkat ini pada"
    save(page, base + "/id/tempat/kawah-bromo/", simpan, tersimpan)
    place_title = page.locator("h1").inner_text()
    save(page, base + trip, simpan, tersimpan)
    trip_title = page.locator("h1").inner_text()
    # The list of places holds the corridor pack (English, whose Bromo page this visitor never opened).
    save(page, base + "/en/places/", "Save for offline", "Saved on this device on")
    english = json.loads(page.evaluate("localStorage.getItem('offline-packs-v1')"))["corridor-en"]
    assert "/en/places/kawah-bromo/" in english["urls"] and english["bytes"] < 2_000_000

    # The next visit: the button says it is saved, and when, and offers to update or remove it.
    page.goto(base + trip)
    box = page.locator(".save-offline")
    expect(box.locator(".save-offline__status")).to_contain_text(tersimpan)
    expect(box.locator('[data-action="update"]')).to_be_visible()

    # The signal is gone.
    workers = subprocess.run(["pgrep", "-P", str(server.process.pid)], capture_output=True, text=True).stdout
    server.process.send_signal(signal.SIGKILL)
    server.process.wait()
    for worker in workers.split():
        os.kill(int(worker), signal.SIGKILL)
    context.set_offline(True)

    expect_saved_copy(page, base + "/id/tempat/kawah-bromo/", place_title)
    expect_saved_copy(page, base + trip, trip_title)
    gpx = page.evaluate("(url) => fetch(url).then((r) => r.text())", base + trip + "gpx/")
    assert "<gpx" in gpx and "<wpt" in gpx
    # Never opened, saved with the corridor: it opens too, in English.
    expect_saved_copy(page, base + "/en/places/kawah-bromo/", re.compile("bromo", re.IGNORECASE))
    context.close()
