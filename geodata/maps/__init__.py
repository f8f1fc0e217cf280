"""folium maps served without CDNs: asset locations (:mod:`.assets`) and map builders (:mod:`.builders`)."""

from geodata.maps.assets import VENDOR_DIRS, MapAssets
from geodata.maps.builders import corridor_map, map_html, places_map, route_map

__all__ = ["VENDOR_DIRS", "MapAssets", "corridor_map", "map_html", "places_map", "route_map"]
