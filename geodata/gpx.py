"""GPX 1.1 output: a trip's stops as waypoints and its path as a route, for GPS apps (OsmAnd, Locus,
Garmin) that hikers carry up to Ranu Kumbolo where there is no signal.

Written with the standard library's ElementTree in the element order the GPX 1.1 schema requires
(``metadata``, ``wpt``*, ``rte``*; inside a point ``ele``, ``time``, ``name``, ``desc``, ``type``).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from shapely.geometry import LineString

from geodata.routing import Route, Stop

GPX_NS = "http://www.topografix.com/GPX/1/1"
SCHEMA_LOCATION = f"{GPX_NS} {GPX_NS}/gpx.xsd"
CREATOR = "geodata (Malang Heritage)"
# What XML 1.0 cannot carry at all, even escaped: C0 controls but tab, newline and carriage return; lone
# surrogates; U+FFFE and U+FFFF. ElementTree writes them as they are, which makes the file unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value) -> str | None:
    """Text for an element: what XML 1.0 cannot hold dropped (ElementTree escapes `<`, `&`, `>` itself)."""
    return None if value is None else NOT_XML.sub("", str(value))


def _point(
    parent: ET.Element,
    tag: str,
    lat: float,
    lon: float,
    *,
    name: str | None = None,
    desc: str | None = None,
    kind: str | None = None,
    ele: float | None = None,
) -> ET.Element:
    el = ET.SubElement(parent, f"{{{GPX_NS}}}{tag}", lat=f"{lat:.7f}", lon=f"{lon:.7f}")
    if ele is not None:
        ET.SubElement(el, f"{{{GPX_NS}}}ele").text = f"{float(ele):.1f}"
    if name:
        ET.SubElement(el, f"{{{GPX_NS}}}name").text = xml_text(name)
    if desc:
        ET.SubElement(el, f"{{{GPX_NS}}}desc").text = xml_text(desc)
    if kind:
        ET.SubElement(el, f"{{{GPX_NS}}}type").text = xml_text(kind)
    return el


def _route(root, route: Route | LineString, name: str | None, simplify_m: float) -> None:
    line = route.geometry if isinstance(route, Route) else route
    if simplify_m > 0:
        line = line.simplify(simplify_m / 111_000, preserve_topology=False)
    rte = ET.SubElement(root, f"{{{GPX_NS}}}rte")
    if isinstance(route, Route):
        ET.SubElement(rte, f"{{{GPX_NS}}}name").text = xml_text(
            name or " - ".join(s.name for s in route.stops)
        )
        ET.SubElement(rte, f"{{{GPX_NS}}}desc").text = f"{route.mode}, {route.distance_m / 1000:.1f} km"
        ET.SubElement(rte, f"{{{GPX_NS}}}type").text = xml_text(route.mode)
    elif name:
        ET.SubElement(rte, f"{{{GPX_NS}}}name").text = xml_text(name)
    for lon, lat in line.coords:
        _point(rte, "rtept", lat, lon)


def gpx_string(
    *,
    waypoints=(),
    route: Route | LineString | list | None = None,
    name: str | None = None,
    description: str | None = None,
    simplify_m: float = 0.0,
) -> str:
    """A GPX 1.1 document. ``waypoints`` are stops or places (anything :meth:`Stop.of` accepts, optionally
    with ``kind``/``elevation_m``); ``route`` a :class:`Route` or a WGS84 LineString, or a list of them
    (one ``<rte>`` each)."""
    ET.register_namespace("", GPX_NS)
    root = ET.Element(
        f"{{{GPX_NS}}}gpx",
        {
            "version": "1.1",
            "creator": CREATOR,
            "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation": SCHEMA_LOCATION,
        },
    )
    meta = ET.SubElement(root, f"{{{GPX_NS}}}metadata")
    if name:
        ET.SubElement(meta, f"{{{GPX_NS}}}name").text = xml_text(name)
    if description:
        ET.SubElement(meta, f"{{{GPX_NS}}}desc").text = xml_text(description)
    ET.SubElement(meta, f"{{{GPX_NS}}}time").text = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    for item in waypoints:
        stop = Stop.of(item)
        get = item.get if isinstance(item, dict) else lambda k, d=None, o=item: getattr(o, k, d)
        props = get("properties", None) or {}
        ele = get("elevation_m", None) or props.get("elevation_m")
        _point(root, "wpt", stop.lat, stop.lon, name=stop.name, kind=get("kind", None), ele=ele)

    # A list of routes (a trip broken by a stop that is gone) is one <rte> each, named by its own stops.
    routes = list(route) if isinstance(route, list | tuple) else [] if route is None else [route]
    for part in routes:
        _route(root, part, name if len(routes) == 1 else None, simplify_m)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_gpx(
    path: str | Path,
    *,
    waypoints=(),
    route: Route | LineString | None = None,
    name: str | None = None,
    description: str | None = None,
    simplify_m: float = 0.0,
) -> Path:
    path = Path(path)
    path.write_text(
        gpx_string(
            waypoints=waypoints, route=route, name=name, description=description, simplify_m=simplify_m
        ),
        encoding="utf-8",
    )
    return path
