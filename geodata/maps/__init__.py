"""folium maps served without CDNs: asset locations (:mod:`.assets`) and map builders (:mod:`.builders`)."""

from geodata.maps.assets import VENDOR_DIRS, MapAssets
from geodata.maps.builders import MapParts, corridor_map, map_html, map_parts, places_map, route_map

__all__ = [
    "VENDOR_DIRS",
    "MapAssets",
    "MapParts",
    "corridor_map",
    "map_html",
    "map_parts",
    "places_map",
    "route_map",
]
