"""Maps the site and the command line serve: Leaflet and MarkerCluster come from our static files (or are
embedded), never from a CDN; places, routes and roads are in the page; 5,000 places stay small."""

import json
import random
import re
from pathlib import Path

import pytest
from geodata_helpers import at
from lxml import html as lxml_html

from geodata.maps import VENDOR_DIRS, MapAssets, corridor_map, map_html, places_map, route_map
from geodata.maps.assets import ASSET_FILES, asset_path
from geodata.routing import route

URL = re.compile(r"""(?:https?:)?//[^\s"'<>()]+""")
TILES = "https://tiles.example.test/{z}/{x}/{y}.png"

PLACES = [
    {
        "name": "Candi Badut",
        "lat": -7.957778,
        "lon": 112.598333,
        "kind": "temple",
        "url": "/id/tempat/candi-badut/",
    },
    {
        "name": "Tugu Malang",
        "lat": -7.9771493,
        "lon": 112.6340383,
        "kind": "monument",
        "url": "/id/tempat/tugu/",
    },
    {"name": "Kawah Bromo", "lat": -7.9420, "lon": 112.9530, "kind": "crater", "url": None},
]


def external_urls(page: str) -> set[str]:
    return {u for u in URL.findall(page) if "w3.org" not in u}


def loaded_resources(page: str) -> list[str]:
    tree = lxml_html.fromstring(page)
    return tree.xpath("//script/@src | //link/@href | //img/@src")


def test_vendor_dirs_point_at_the_installed_xstatic_files_and_our_own_css():
    prefixes = dict(VENDOR_DIRS)
    assert list(prefixes) == ["vendor/leaflet", "vendor/jquery", "vendor/markercluster", "geodata"]
    for field, (prefix, name) in ASSET_FILES.items():
        assert (Path(prefixes[prefix]) / name).is_file(), field
    assert Path(prefixes["geodata"]).as_posix().endswith("geodata/static/geodata")
    assert asset_path("leaflet_js").name == "leaflet.js"


def test_assets_from_a_base_url_are_the_static_paths_of_those_files():
    assets = MapAssets.from_base_url("/static/")
    assert assets.leaflet_js == "/static/vendor/leaflet/leaflet.js"
    assert assets.leaflet_css == "/static/vendor/leaflet/leaflet.css"
    assert assets.jquery_js == "/static/vendor/jquery/jquery.min.js"
    assert assets.markercluster_js == "/static/vendor/markercluster/leaflet.markercluster.js"
    assert assets.markercluster_default_css == "/static/vendor/markercluster/MarkerCluster.Default.css"
    assert assets.geodata_css == "/static/geodata/map.css"
    hashed = MapAssets.from_base_url(url_for=lambda path: f"/s/{path}?v=1")
    assert hashed.leaflet_js == "/s/vendor/leaflet/leaflet.js?v=1"


def test_a_places_map_links_only_local_assets_and_has_no_external_url():
    page = map_html(places_map(PLACES, MapAssets.from_base_url("/static/")))
    assert external_urls(page) == set()
    resources = loaded_resources(page)
    assert "/static/vendor/leaflet/leaflet.js" in resources
    assert "/static/vendor/markercluster/leaflet.markercluster.js" in resources
    assert all(r.startswith("/static/") for r in resources)
    assert "L.tileLayer" not in page
    assert "Candi Badut" in page and "candi-badut/" in page and "L.markerClusterGroup" in page


def test_the_only_external_url_is_the_tile_template_when_one_is_given():
    page = map_html(
        places_map(
            PLACES, MapAssets.from_base_url("/static/"), tile_url=TILES, attribution="&copy; test tiles"
        )
    )
    assert external_urls(page) == {"https://tiles.example.test/{z}/{x}/{y}.png"}


def test_a_standalone_map_embeds_the_libraries_and_loads_nothing():
    page = map_html(places_map(PLACES, MapAssets.inline()))
    assert loaded_resources(page) == []
    assert "L.markerClusterGroup" in page and "window.L" in page
    # What remains of URLs are strings inside Leaflet itself (its own attribution link), not loads.
    assert external_urls(page) <= {"https://leafletjs.com"}
    assert "sourceMappingURL" not in page


def test_place_names_cannot_inject_html_into_the_page():
    evil = [
        {
            "name": "</script><script>alert(1)</script>",
            "lat": -7.98,
            "lon": 112.63,
            "kind": "x",
            "url": "javascript:alert(1)",
        }
    ]
    page = map_html(places_map(evil, MapAssets.from_base_url()))
    assert "</script><script>alert(1)" not in page
    assert "\\u003c/script\\u003e" in page  # kept as data, escaped inside the script


# A title that opens a Jinja tag: branca re-renders every script it is given as a template, so before the fix
# this ran `id` on the server and put its output in the page.
# Evaluated, it would print INJECTED and LOOP, words that the title itself does not contain.
SERVER_TEMPLATE = "{{ cycler.__init__.__globals__.os.popen('echo IN\"\"JECTED').read() }}{% for x in [1] %}L{{ 'OO' }}P{% endfor %}"


def _stop_labels(page: str) -> list:
    return json.loads(re.search(r"var stops = (\[.*?\]);", page).group(1))


def test_a_place_title_is_never_evaluated_as_a_template_on_the_server(two_way_town):
    rows = [{**PLACES[0], "name": SERVER_TEMPLATE}]
    for page in (
        map_html(places_map(rows, MapAssets.from_base_url())),
        map_html(corridor_map(two_way_town, rows, MapAssets.from_base_url())),
    ):
        assert "INJECTED" not in page and "LOOP" not in page
        data = json.loads(re.search(r"var data = (\{\"p\".*?\});", page).group(1))
        assert data["p"][0][2] == SERVER_TEMPLATE  # the browser gets the title as it was written
    stops = [at(0, 0, SERVER_TEMPLATE), at(2000, 0, "Balai Desa")]
    page = map_html(route_map(route(two_way_town, stops, "walk"), stops, MapAssets.from_base_url()))
    assert "INJECTED" not in page and "LOOP" not in page
    assert _stop_labels(page)[0][2] == SERVER_TEMPLATE


def test_a_stop_title_reaches_the_route_map_only_as_json_text(two_way_town):
    hostile = "Candi `${alert(1)}` </script><img src=x onerror=alert(2)>"
    stops = [at(0, 0, hostile), at(2000, 0, "Balai Desa")]
    page = map_html(route_map(route(two_way_town, stops, "walk"), stops, MapAssets.from_base_url()))
    assert "`${alert(1)}`" not in page.replace('"Candi `${alert(1)}`', "")  # only inside a JSON string
    assert "<img" not in page and "</script><img" not in page
    assert _stop_labels(page)[0][2] == hostile
    assert "bindTooltip(`" not in page  # no template literal carries a title


def test_a_route_map_draws_every_leg_and_numbers_the_stops(two_way_town):
    stops = [at(0, 0, "Alun-alun"), at(1000, 0, "Tengah"), at(2000, 0, "Balai Desa")]
    trip = route(two_way_town, stops, "walk")
    page = map_html(route_map(trip, stops, MapAssets.from_base_url()))
    assert external_urls(page) == set()
    assert [label for _, _, label, _ in _stop_labels(page)] == ["Alun-alun", "Tengah", "Balai Desa"]
    assert [numbers for *_, numbers in _stop_labels(page)] == [[1], [2], [3]]
    data = json.loads(re.search(r"var data = (\{\"l\".*?\});", page).group(1))
    assert len(data["l"]) == 2  # one line per leg


def test_a_stop_visited_twice_is_one_marker_with_both_numbers(two_way_town):
    stops = [at(0, 0, "Penginapan"), at(2000, 0, "Balai Desa"), at(0, 0, "Penginapan")]
    page = map_html(route_map(route(two_way_town, stops, "walk"), stops, MapAssets.from_base_url()))
    assert [(label, numbers) for _, _, label, numbers in _stop_labels(page)] == [
        ("Penginapan", [1, 3]),
        ("Balai Desa", [2]),
    ]


def test_a_corridor_map_draws_the_roads_by_class_and_the_places(two_way_town):
    page = map_html(corridor_map(two_way_town, PLACES, MapAssets.from_base_url()))
    assert external_urls(page) == set()
    assert "Jalan Raya Bypass" in page and "Gang Sempit" in page and "Candi Badut" in page
    assert "gd-legend" in page


@pytest.mark.parametrize("count", [50, 500, 5000])
def test_a_map_of_thousands_of_places_stays_small(count):
    rng = random.Random(7)
    kinds = ["temple", "museum", "colonial_building", "gate", "viewpoint", "kampung"]
    places = [
        {
            "name": f"Tempat Bersejarah {i}",
            "lat": -8.2 + rng.random() * 0.5,
            "lon": 112.4 + rng.random() * 0.6,
            "kind": rng.choice(kinds),
            "url": f"/id/tempat/tempat-{i}/",
        }
        for i in range(count)
    ]
    page = map_html(places_map(places, MapAssets.from_base_url("/static/")))
    assert len(page.encode()) < 400_000
    assert page.count("Tempat Bersejarah ") == count
