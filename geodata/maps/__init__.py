"""folium maps served without CDNs: asset locations (:mod:`.assets`) and map builders (:mod:`.builders`).

The builders (folium, geopandas) load on first use: Django's settings read ``VENDOR_DIRS`` from
:mod:`.assets` and must not pay for a plotting stack to start.
"""

from importlib import import_module

from geodata.maps.assets import VENDOR_DIRS, MapAssets

_BUILDERS = ("MapParts", "corridor_map", "map_html", "map_parts", "places_map", "route_map")

__all__ = ["VENDOR_DIRS", "MapAssets", *_BUILDERS]


def __getattr__(name: str):
    if name in _BUILDERS:
        return getattr(import_module("geodata.maps.builders"), name)
    raise AttributeError(f"module 'geodata.maps' has no attribute {name!r}")
