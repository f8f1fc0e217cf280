"""A geodata map opened in Chromium with the network cut off: Leaflet and MarkerCluster load from our own
static files (served here the way Django's STATICFILES_DIRS would, from ``VENDOR_DIRS``), the place markers
and route lines appear, and the page never tries to reach another host."""

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from geodata.maps import VENDOR_DIRS, MapAssets, map_html, places_map, route_map
from geodata.network import RoadNetwork
from geodata.routing import route

pytestmark = pytest.mark.browser

PLACES = [
    {"name": "Candi Badut", "lat": -7.957778, "lon": 112.598333, "kind": "temple", "url": "/id/candi-badut/"},
    {"name": "Tugu Malang", "lat": -7.9771493, "lon": 112.6340383, "kind": "monument", "url": "/id/tugu/"},
    {"name": "Museum Mpu Purwa", "lat": -7.9403889, "lon": 112.6208611, "kind": "museum", "url": None},
    {"name": "Candi Jago", "lat": -8.0059, "lon": 112.7575, "kind": "temple", "url": "/id/candi-jago/"},
]


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``/static/<prefix>/...`` from VENDOR_DIRS and everything else from the page directory."""

    def __init__(self, *args, pages: Path, **kwargs):
        self.pages = pages
        super().__init__(*args, directory=str(pages), **kwargs)

    def translate_path(self, path):
        path = unquote(urlparse(path).path)
        for prefix, directory in VENDOR_DIRS:
            start = f"/static/{prefix}/"
            if path.startswith(start):
                return str(Path(directory) / path[len(start) :])
        return super().translate_path(path)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    handler = functools.partial(StaticHandler, pages=tmp_path)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def offline_page(page):
    """The page, with every request that is not for the loopback server aborted and recorded."""
    outside = []

    def handle(request_route):
        host = urlparse(request_route.request.url).hostname
        if host in ("127.0.0.1", "localhost") or request_route.request.url.startswith("data:"):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", handle)
    page.set_default_timeout(15_000)
    page.outside_requests = outside
    return page


def test_a_places_map_with_local_assets_shows_its_markers_offline(server, offline_page):
    pages, base = server
    (pages / "places.html").write_text(
        map_html(places_map(PLACES, MapAssets.from_base_url("/static/"))), encoding="utf-8"
    )
    errors = []
    offline_page.on("pageerror", lambda exc: errors.append(str(exc)))
    offline_page.goto(f"{base}/places.html")
    offline_page.wait_for_selector(".leaflet-marker-icon")
    icons = offline_page.locator(".leaflet-marker-icon")
    assert icons.count() >= 1
    assert offline_page.evaluate("typeof L.markerClusterGroup") == "function"
    # Zoomed in on Candi Badut, its own marker (not a cluster) is there and opens the popup with the link.
    offline_page.evaluate("""() => {
        const map = Object.values(window).find(v => v instanceof L.Map);
        map.setView([-7.957778, 112.598333], 18, {animate: false});
    }""")
    badut = offline_page.locator('.gd-marker[title="Candi Badut"]')
    badut.wait_for()
    badut.click()
    link = offline_page.locator(".gd-popup a")
    assert link.inner_text() == "Candi Badut"
    assert link.get_attribute("href") == "/id/candi-badut/"
    assert errors == []
    assert offline_page.outside_requests == []


def test_a_standalone_route_map_draws_its_legs_and_numbered_stops_without_any_server_assets(
    server, offline_page
):
    import geopandas as gpd
    from shapely.geometry import LineString

    roads = gpd.GeoDataFrame(
        {"name": ["Jalan Kahuripan", "Jalan Basuki Rahmat"], "class": ["tertiary", "secondary"]},
        geometry=[
            LineString([(112.6340, -7.9771), (112.6304, -7.9764)]),
            LineString([(112.6304, -7.9764), (112.6306, -7.9816)]),
        ],
        crs="EPSG:4326",
    )
    network = RoadNetwork.from_geodataframe(roads)
    stops = [(-7.9771, 112.6340, "Tugu"), (-7.9797, 112.6306, "Kayutangan"), (-7.9816, 112.6306, "Alun-alun")]
    trip = route(network, stops, "walk")
    pages, base = server
    (pages / "route.html").write_text(map_html(route_map(trip, stops, MapAssets.inline())), encoding="utf-8")
    offline_page.goto(f"{base}/route.html")
    offline_page.wait_for_selector(".gd-stop")
    assert offline_page.locator(".gd-stop").all_inner_texts() == ["1", "2", "3"]
    assert offline_page.locator("path.leaflet-interactive").count() == 2  # one line per leg
    assert offline_page.outside_requests == []
