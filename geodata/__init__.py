"""geodata: the plain-Python geo library of Malang Heritage (never imports Django).

- :mod:`geodata.network` — :class:`RoadNetwork` from lines, GeoJSON/GeoPackage or OpenStreetMap files
- :mod:`geodata.routing` — :func:`route`, :class:`Route`, :class:`Leg`, :func:`best_order`
- :mod:`geodata.modes` — walk, hike, car, motorbike, jeep speed profiles
- :mod:`geodata.corridor` — the bundled Malang-Bromo-Tengger-Semeru network
- :mod:`geodata.places` — the bundled places and name lookup
- :mod:`geodata.sunrise` — sunrise/sunset in WIB with the horizon dip of a high viewpoint
- :mod:`geodata.io`, :mod:`geodata.gpx` — GeoJSON, GeoPackage, CSV, GPX in and out
- :mod:`geodata.validation` — row-by-row checks before import
- :mod:`geodata.maps` — folium maps with local Leaflet assets
"""

from geodata.errors import GeodataError, InvalidData, RoutingError, UnknownMode, UnknownPlace, UnreachableStop

__all__ = ["GeodataError", "InvalidData", "RoutingError", "UnknownMode", "UnknownPlace", "UnreachableStop"]
