"""OpenStreetMap input: the ``highway=*`` ways of an ``.osm`` (XML) or ``.osm.pbf`` file, read offline with
pyosmium and turned into the same line features the bundled corridor network uses.

OSM ways meet at shared nodes, often in the middle of a way, so each way is cut at every node that another
way (or the same way, for loops) also uses. ``highway`` values map onto our road classes, and the class
gives the modes unless ``access``/``foot``/``motor_vehicle`` tags say otherwise.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import geopandas as gpd
import osmium
from shapely.geometry import LineString

from geodata.modes import DEFAULT_MODES_BY_CLASS

HIGHWAY_CLASS = {
    "motorway": "primary",
    "motorway_link": "primary",
    "trunk": "primary",
    "trunk_link": "primary",
    "primary": "primary",
    "primary_link": "primary",
    "secondary": "secondary",
    "secondary_link": "secondary",
    "tertiary": "tertiary",
    "tertiary_link": "tertiary",
    "unclassified": "tertiary",
    "residential": "residential",
    "living_street": "residential",
    "service": "residential",
    "road": "residential",
    "track": "track",
    "footway": "footpath",
    "pedestrian": "footpath",
    "path": "footpath",
    "steps": "footpath",
    "cycleway": "footpath",
    "bridleway": "footpath",
}


def _modes(tags: dict[str, str], road_class: str, highway: str) -> list[str]:
    modes = set(DEFAULT_MODES_BY_CLASS[road_class])
    if highway in ("motorway", "motorway_link"):
        modes -= {"walk", "motorbike"}  # Indonesian toll roads are closed to pedestrians and motorbikes
    if tags.get("access") in ("no", "private"):
        modes = set()
    if tags.get("foot") == "no":
        modes.discard("walk")
    elif tags.get("foot") in ("yes", "designated"):
        modes.add("walk")
    if tags.get("motor_vehicle") == "no" or tags.get("motorcar") == "no":
        modes -= {"car", "jeep"}
    if tags.get("motor_vehicle") == "no" or tags.get("motorcycle") == "no":
        modes.discard("motorbike")
    return sorted(modes)


def _speed(tags: dict[str, str]) -> float | None:
    raw = tags.get("maxspeed", "").split()
    try:
        return float(raw[0]) if raw else None
    except ValueError:
        return None


def read_osm_roads(path: str | Path) -> gpd.GeoDataFrame:
    """Lines (WGS84) with ``name``, ``class``, ``modes``, ``surface``, ``speed_kmh``, ``oneway``,
    ``osm_id``, one per stretch of way between junction nodes."""
    ways = []
    for way in (
        osmium.FileProcessor(str(path), osmium.osm.NODE | osmium.osm.WAY)
        .with_locations()
        .with_filter(osmium.filter.KeyFilter("highway"))
    ):
        highway = way.tags.get("highway")
        road_class = HIGHWAY_CLASS.get(highway)
        if road_class is None:
            continue
        tags = dict(way.tags)
        if road_class == "footpath" and ("sac_scale" in tags or "trail_visibility" in tags):
            road_class = "hiking_trail"
        refs, coords = [], []
        for node in way.nodes:
            if node.location.valid():
                refs.append(node.ref)
                coords.append((node.location.lon, node.location.lat))
        if len(coords) >= 2:
            ways.append((way.id, tags, road_class, refs, coords))

    use = Counter()
    for _, _, _, refs, _ in ways:
        use.update(refs)
        use[refs[0]] += 1  # way ends are always cut points
        use[refs[-1]] += 1

    records, geoms = [], []
    for way_id, tags, road_class, refs, coords in ways:
        modes = _modes(tags, road_class, tags.get("highway", ""))
        if not modes:
            continue  # access=no: nobody may use it
        oneway = tags.get("oneway", "no")
        base = {
            "name": tags.get("name"),
            "class": road_class,
            "modes": modes,
            "surface": tags.get("surface"),
            "speed_kmh": _speed(tags),
            "oneway": "-1" if oneway == "-1" else ("yes" if oneway in ("yes", "1", "true") else "no"),
            "osm_id": way_id,
        }
        start = 0
        for i in range(1, len(refs)):
            if use[refs[i]] > 1 or i == len(refs) - 1:
                if i > start:
                    records.append(dict(base))
                    geoms.append(LineString(coords[start : i + 1]))
                start = i
    return gpd.GeoDataFrame(records, geometry=geoms, crs="EPSG:4326")
