"""Hand-made road networks with known answers, drawn in UTM 49S metres around a point in Kota Malang.

``at(x, y)`` turns metres east/north of the origin into ``(lat, lon)`` for stops; ``line(...)`` makes a
LineString in metres for features. Frames are built in EPSG:32749, the network's own metric CRS, so the
expected lengths are exact.
"""

import geopandas as gpd
import pytest
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


def road(name, points, road_class="residential", modes=("walk", "car", "motorbike", "jeep"), speed=None,
         **extra):
    feature = {"name": name, "class": road_class, "modes": list(modes), "geometry": line(*points), **extra}
    if speed is not None:
        feature["speed_kmh"] = speed
    return feature


def frame(features):
    return gpd.GeoDataFrame(features, geometry="geometry", crs="EPSG:32749")


@pytest.fixture
def two_way_town():
    """A (0,0) to B (2000,0): a slow direct lane (2 km at 20 km/h = 6 min) and a fast bypass (4 km at
    60 km/h = 4 min); a footpath from A south to C (0,-500) that cars may not use; a car road to C that leaves
    the lane at its middle (1000,0) and comes round by the south (1,500 m); and, 5 km away, a road that joins nothing."""
    from geodata.network import RoadNetwork

    return RoadNetwork.from_geodataframe(frame([
        road("Jalan Kampung", [(0, 0), (1000, 0), (2000, 0)], speed=20),
        road("Jalan Raya Bypass", [(0, 0), (0, 1000), (2000, 1000), (2000, 0)], "primary", speed=60),
        road("Gang Sempit", [(0, 0), (0, -500)], "footpath", modes=["walk"], speed=4),
        road("Jalan Memutar", [(1000, 0), (1000, -500), (0, -500)], speed=20),
        road("Jalan Terpisah", [(5000, 5000), (6000, 5000)], speed=30),
    ]))
