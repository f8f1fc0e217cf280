"""Maps of places, routes and the corridor network, as ``folium.Map`` objects or finished HTML.

Every builder takes a :class:`MapAssets` (linked static files for the site, embedded ones for a standalone
file) and an optional tile URL template. Without one there is no tile layer: markers and lines are drawn on
a plain background, which is what the tests and the offline command-line maps use.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import folium
import geopandas as gpd

from geodata.maps.assets import MapAssets
from geodata.maps.layers import ControlLabels, Legend, LineLayer, OfflineMap, PointCluster, StopMarkers
from geodata.network import RoadNetwork
from geodata.places import CORRIDOR_NETWORK_PATH
from geodata.routing import Route, Stop

# A place without a colour of its own: the site passes each kind's colour and label from its vocabulary
# (heritage.vocabulary); a bare places file has only the kind's slug.
OTHER_COLOUR = "#777777"

# Line styles by road class.
CLASS_STYLES: dict[str, dict] = {
    "primary": {"color": "#c0392b", "weight": 5},
    "secondary": {"color": "#e67e22", "weight": 4},
    "tertiary": {"color": "#d4ac0d", "weight": 3},
    "residential": {"color": "#7f8c8d", "weight": 3},
    "track": {"color": "#8d6e63", "weight": 3, "dashArray": "6 4"},
    "footpath": {"color": "#27ae60", "weight": 2, "dashArray": "2 4"},
    "hiking_trail": {"color": "#196f3d", "weight": 3, "dashArray": "8 5"},
}
OTHER_STYLE = {"color": "#555555", "weight": 2}
LEG_COLOURS = ["#1f4e9e", "#b03a2e", "#117a65", "#7d3c98", "#b9770e"]

MALANG = (-7.98, 112.63)

# The base layer under a map's markers: the bundled roads and trails, drawn muted and thin so that they read as
# background, not as a route, and so that markers keep their context where no tile loads (no signal, a tile
# server down, a saved copy read offline). Roads grey, tracks dashed brown, paths and trails dotted green.
BASE_STYLES: dict[str, dict] = {
    "road": {"color": "#8c8276", "weight": 3, "opacity": 0.75, "interactive": False},
    "minor": {"color": "#a39a8e", "weight": 2, "opacity": 0.75, "interactive": False},
    "track": {"color": "#9b7b62", "weight": 2, "opacity": 0.8, "dashArray": "6 4", "interactive": False},
    "trail": {"color": "#5d7f5a", "weight": 2, "opacity": 0.8, "dashArray": "2 4", "interactive": False},
}
BASE_CLASSES = {
    "primary": "road",
    "secondary": "road",
    "tertiary": "minor",
    "residential": "minor",
    "track": "track",
    "footpath": "trail",
    "hiking_trail": "trail",
}


@lru_cache(maxsize=4)
def base_lines(path: str = str(CORRIDOR_NETWORK_PATH), digits: int = 4) -> tuple[list, list[dict]]:
    """The lines of a network GeoJSON (by default the bundled corridor) as ``(lines, styles)`` for a
    :class:`LineLayer`: ``[[[lat, lon], ...], style index, None]``, coordinates rounded to ``digits`` (4: about
    11 m, finer than the network's own anchors) and no names, so the layer stays a few kilobytes and says
    nothing in any language. Read with ``json`` alone: drawing a map never loads the router."""
    with open(path, encoding="utf-8") as handle:
        features = json.load(handle).get("features", [])
    names = list(BASE_STYLES)
    lines = []
    for feature in features:
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "LineString":
            parts = [geometry["coordinates"]]
        elif geometry.get("type") == "MultiLineString":
            parts = geometry["coordinates"]
        else:
            continue
        style = BASE_CLASSES.get(str((feature.get("properties") or {}).get("class")), "minor")
        for part in parts:
            coords = [[round(p[1], digits), round(p[0], digits)] for p in part]
            if len(coords) >= 2:
                lines.append([coords, names.index(style), None])
    return lines, [BASE_STYLES[name] for name in names]


def _get(item, key, default=None):
    if isinstance(item, dict):
        return item.get(key, default)
    return getattr(item, key, default)


def _place_rows(places) -> list[dict]:
    """Normalise places (Place objects, dicts, or a GeoDataFrame of points) to dicts."""
    if isinstance(places, gpd.GeoDataFrame):
        gdf = places.to_crs("EPSG:4326") if places.crs is not None else places
        gdf = gdf[gdf.geometry.notna() & (gdf.geom_type == "Point")]
        rows = gdf.drop(columns=gdf.geometry.name).to_dict("records")
        for row, geom in zip(rows, gdf.geometry, strict=True):
            row["lat"], row["lon"] = geom.y, geom.x
        return rows
    out = []
    for item in places:
        stop = Stop.of(item)
        out.append(
            {
                "name": stop.name,
                "lat": stop.lat,
                "lon": stop.lon,
                "kind": _get(item, "kind"),
                "kind_label": _get(item, "kind_label"),
                "colour": _get(item, "colour"),
                "url": _get(item, "url"),
                "current": bool(_get(item, "current")),
            }
        )
    return out


def _fit(m: folium.Map, latlons: list[tuple[float, float]]) -> None:
    if not latlons:
        return
    lats = [p[0] for p in latlons]
    lons = [p[1] for p in latlons]
    if max(lats) - min(lats) < 1e-4 and max(lons) - min(lons) < 1e-4:
        m.location = [lats[0], lons[0]]
        m.options["zoom"] = 16
        return
    m.location = [(min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2]
    m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(20, 20))


def _base(
    assets: MapAssets,
    tile_url: str | None,
    attribution: str | None,
    base_layer: bool = False,
    labels: dict[str, str] | None = None,
) -> folium.Map:
    m = OfflineMap(assets, location=list(MALANG), zoom_start=12, control_scale=True)
    if labels:
        m.add_child(ControlLabels(labels), name="control_labels")
    if tile_url:
        folium.TileLayer(tiles=tile_url, attr=attribution or " ", max_zoom=19, name="tiles").add_to(m)
    if base_layer:
        lines, styles = base_lines()
        m.add_child(LineLayer(lines, styles, name="base"), name="base")
    return m


def _points_layer(rows: list[dict], *, cluster: bool = True) -> PointCluster:
    """One marker style per kind. A row's ``kind_label`` and ``colour`` (the site's vocabulary, in the
    visitor's language) win; without them the kind's slug is the label, in a neutral colour."""
    styles: list[tuple[str, str]] = []
    index: dict[tuple[str, str], int] = {}
    urls = [str(r["url"]) for r in rows if r.get("url")]
    prefix = os.path.commonprefix(urls) if len(urls) > 1 else ""
    data = []
    for r in rows:
        kind = str(r.get("kind") or "")
        style = (str(r.get("kind_label") or kind.replace("_", " ")), str(r.get("colour") or OTHER_COLOUR))
        if style not in index:
            index[style] = len(styles)
            styles.append(style)
        url = r.get("url")
        data.append(
            [
                round(float(r["lat"]), 6),
                round(float(r["lon"]), 6),
                str(r.get("name") or ""),
                index[style],
                str(url)[len(prefix) :] if url else None,
            ]
        )
    labels = [label for label, _ in styles]
    colours = [colour for _, colour in styles]
    current = [i for i, r in enumerate(rows) if r.get("current")]
    return PointCluster(data, labels, colours, prefix, cluster=cluster, current=current)


def places_map(
    places,
    assets: MapAssets,
    tile_url: str | None = None,
    attribution: str | None = None,
    *,
    cluster: bool = True,
    base_layer: bool = False,
    labels: dict[str, str] | None = None,
) -> folium.Map:
    """Places as clustered dots coloured by ``kind``; the popup shows the name, linked to ``url``. A place with
    a true ``current`` (the one the page is about) stands out: larger, ringed, its name shown. With
    ``base_layer``, the bundled roads and trails are drawn under the markers (:func:`base_lines`); with
    ``labels``, Leaflet's own words are in the page's language (:class:`ControlLabels`)."""
    rows = _place_rows(places)
    m = _base(assets, tile_url, attribution, base_layer, labels)
    m.add_child(_points_layer(rows, cluster=cluster), name="places")
    _fit(m, [(r["lat"], r["lon"]) for r in rows])
    return m


def _route_lines(route: Route) -> list:
    lines = []
    for i, leg in enumerate(route.legs):
        coords = [[round(y, 6), round(x, 6)] for x, y in leg.geometry.coords]
        label = f"{leg.from_name} \u2192 {leg.to_name}: {leg.distance_m / 1000:.1f} km" + (
            f" ({', '.join(leg.road_names[:3])})" if leg.road_names else ""
        )
        lines.append([coords, i % len(LEG_COLOURS), label])
    return lines


def _stop_groups(stops: list[Stop], numbers: list[int]) -> list[tuple[float, float, str, list[int]]]:
    """Stops within about a metre of each other (the same place visited twice) as one ``(lat, lon, name,
    numbers)``, in the order of their first visit."""
    groups: dict[tuple[float, float], tuple[Stop, list[int]]] = {}
    for stop, number in zip(stops, numbers, strict=True):
        groups.setdefault((round(stop.lat, 5), round(stop.lon, 5)), (stop, []))[1].append(number)
    return [(stop.lat, stop.lon, stop.name, visits) for stop, visits in groups.values()]


def route_map(
    route: Route,
    stops: Iterable | None,
    assets: MapAssets,
    tile_url: str | None = None,
    attribution: str | None = None,
    *,
    base_layer: bool = False,
    labels: dict[str, str] | None = None,
) -> folium.Map:
    """A route: one line per leg, and the stops as numbered markers (1, 2, 3 ...). A stop given as a mapping
    with a ``number`` keeps that number (the itinerary's own numbering, which skips a stop that is gone);
    stops at the same point share one marker with all their numbers. With ``base_layer``, the bundled roads
    and trails are drawn under the legs (:func:`base_lines`)."""
    given = list(stops if stops is not None else route.stops)
    stop_list = [Stop.of(s) for s in given]
    numbers = [
        int(_get(s, "number") or i) if isinstance(s, dict) else i for i, s in enumerate(given, start=1)
    ]
    m = _base(assets, tile_url, attribution, base_layer, labels)
    styles = [{"color": c, "weight": 5, "opacity": 0.85} for c in LEG_COLOURS]
    m.add_child(LineLayer(_route_lines(route), styles, name="legs"), name="legs")
    m.add_child(StopMarkers(_stop_groups(stop_list, numbers)), name="stops")
    points = [(y, x) for leg in route.legs for x, y in leg.geometry.coords] + [
        (s.lat, s.lon) for s in stop_list
    ]
    _fit(m, points)
    return m


def _network_lines(gdf: gpd.GeoDataFrame) -> tuple[list, list[dict], list[str]]:
    classes: list[str] = []
    index: dict[str, int] = {}
    lines = []
    class_col = "class" if "class" in gdf.columns else None
    for i, geom in enumerate(gdf.geometry):
        if geom is None or geom.is_empty or geom.geom_type not in ("LineString", "MultiLineString"):
            continue
        road_class = str(gdf[class_col].iloc[i]) if class_col and gdf[class_col].iloc[i] else "other"
        if road_class not in index:
            index[road_class] = len(classes)
            classes.append(road_class)
        name = gdf["name"].iloc[i] if "name" in gdf.columns else None
        parts = geom.geoms if geom.geom_type == "MultiLineString" else [geom]
        for part in parts:
            coords = [[round(y, 5), round(x, 5)] for x, y, *_ in part.coords]
            lines.append([coords, index[road_class], name if isinstance(name, str) else None])
    styles = [CLASS_STYLES.get(c, OTHER_STYLE) for c in classes]
    return lines, styles, classes


def corridor_map(
    network: RoadNetwork | gpd.GeoDataFrame,
    places,
    assets: MapAssets,
    tile_url: str | None = None,
    attribution: str | None = None,
) -> folium.Map:
    """The road network styled by class (with a legend) and the places on top."""
    gdf = network.to_geodataframe() if isinstance(network, RoadNetwork) else network.to_crs("EPSG:4326")
    lines, styles, classes = _network_lines(gdf)
    m = _base(assets, tile_url, attribution)
    m.add_child(LineLayer(lines, styles, name="roads"), name="roads")
    rows = _place_rows(places) if places is not None else []
    if rows:
        m.add_child(_points_layer(rows), name="places")
    m.add_child(Legend([(s["color"], c.replace("_", " ")) for s, c in zip(styles, classes, strict=True)]))
    minx, miny, maxx, maxy = gdf.total_bounds
    _fit(m, [(miny, minx), (maxy, maxx)] + [(r["lat"], r["lon"]) for r in rows])
    return m


def map_html(m: folium.Map) -> str:
    """The map as one complete HTML document."""
    return m.get_root().render()


@dataclass(frozen=True)
class MapParts:
    """A map to place inside a page of one's own: the asset tags, the map's element and its script.

    folium's document head (a viewport meta that forbids zooming, page-wide ``html, body`` styles, an
    inline script of Leaflet globals) belongs to a standalone file, not to a page that has its own head;
    the map element's size comes from ``map.css``. The script is plain JavaScript, to be put in a
    ``<script>`` element by the page, which can give it a Content-Security-Policy nonce."""

    assets: str
    element: str
    script: str


def map_parts(m: OfflineMap) -> MapParts:
    figure = m.get_root()
    figure.render()
    return MapParts(assets=m.assets_html, element=figure.html.render().strip(), script=figure.script.render())
