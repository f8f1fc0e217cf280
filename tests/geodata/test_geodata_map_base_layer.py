"""Maps with no tiles (no signal, a saved copy read offline, issue 17): the bundled roads and trails are drawn
under the markers as our own base layer, light enough for the offline corridor pack, with no words in it."""

import json
import re

from geodata.maps import MapAssets, map_html, places_map
from geodata.maps.builders import BASE_STYLES, base_lines
from geodata.places import CORRIDOR_NETWORK_PATH

BROMO = [{"name": "Kawah Bromo", "lat": -7.9420, "lon": 112.9530, "kind": "crater", "url": None}]


def line_layers(page: str) -> list[dict]:
    return [json.loads(found) for found in re.findall(r"var data = (\{\"l\".*?\});", page)]


def test_the_base_layer_is_every_bundled_road_and_trail_rounded_and_nameless():
    network = json.loads(CORRIDOR_NETWORK_PATH.read_text(encoding="utf-8"))
    lines, styles = base_lines()
    assert len(lines) == len([f for f in network["features"] if f["geometry"]["type"] == "LineString"])
    assert styles == list(BASE_STYLES.values())
    assert all(style["interactive"] is False for style in styles)  # never catches a tap meant for a marker
    first = network["features"][0]["geometry"]["coordinates"][0]
    assert lines[0][0][0] == [round(first[1], 4), round(first[0], 4)]  # lat, lon as Leaflet takes them
    assert all(label is None for _coords, _style, label in lines)
    # Trails and tracks are told apart from roads by their style.
    used = {style for _coords, style, _label in lines}
    assert len(used) >= 3


def test_a_places_map_draws_the_base_layer_under_its_markers_only_when_asked():
    plain = map_html(places_map(BROMO, MapAssets.from_base_url()))
    assert line_layers(plain) == []
    page = map_html(places_map(BROMO, MapAssets.from_base_url(), base_layer=True))
    (layer,) = line_layers(page)
    assert layer["l"] == json.loads(json.dumps(base_lines()[0]))
    # Drawn before the markers: Leaflet puts lines in the overlay pane, under the marker pane, in that order.
    assert page.index('"l":') < page.index('"p":')
    # A few kilobytes in every map of the site, well inside the 2 MB corridor pack.
    assert len(json.dumps(layer, separators=(",", ":"))) < 40_000
