"""Helpers for hand-made road networks with known answers, drawn in UTM 49S metres around a point in Kota Malang.

``at(x, y)`` turns metres east/north of the origin into ``(lat, lon)`` for stops; ``line(...)`` makes a
LineString in metres for features. Frames are built in EPSG:32749, the network's own metric CRS, so the
expected lengths are exact.
"""

import geopandas as gpd
from pyproj import Transformer
from shapely.geometry import LineString

ORIGIN_LONLAT = (112.63, -7.98)
_to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32749", always_xy=True)
_to_wgs = Transformer.from_crs("EPSG:32749", "EPSG:4326", always_xy=True)
OX, OY = _to_utm.transform(*ORIGIN_LONLAT)


def at(x: float, y: float, name: str | None = None):
    lon, lat = _to_wgs.transform(OX + x, OY + y)
    return (lat, lon, name) if name else (lat, lon)


def line(*points):
    return LineString([(OX + x, OY + y) for x, y in points])


def road(
    name, points, road_class="residential", modes=("walk", "car", "motorbike", "jeep"), speed=None, **extra
):
    feature = {"name": name, "class": road_class, "modes": list(modes), "geometry": line(*points), **extra}
    if speed is not None:
        feature["speed_kmh"] = speed
    return feature


def frame(features):
    return gpd.GeoDataFrame(features, geometry="geometry", crs="EPSG:32749")
