"""Reading a GeoJSON file someone sent, trusting nothing in it: the JSON may be a list, a string, nested a
hundred thousand levels deep; ``features`` may be a number, a feature a string, a ``crs`` member a word,
an EPSG code one nobody issued. What stops the whole file is an :class:`UnreadableFile` with one sentence
of reason; what spoils one feature is that row's reason, for :mod:`geodata.validation` to report.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError
from shapely.geometry import shape

from geodata.errors import UnreadableFile

WGS84 = "EPSG:4326"
GEOMETRY_TYPES = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
)
# Columns geodata adds itself; a property of the same name in a file would be mistaken for them.
RESERVED_COLUMNS = frozenset({"geometry", "_geometry_error", "_row_error"})


def read_text(path: Path) -> str:
    """A text file's content (UTF-8, a BOM allowed), or UnreadableFile if it is empty or binary."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFile(path, "it is a folder, not a file") from None
    except PermissionError:
        raise UnreadableFile(path, "permission denied") from None
    if not raw.strip():
        raise UnreadableFile(path, "the file is empty")
    if b"\x00" in raw:
        raise UnreadableFile(path, "it is a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile(
            path, "it is not UTF-8 text (a binary file, or text saved in another encoding)"
        ) from None


def json_kind(value) -> str:
    """What a JSON value is, in words: "a list", "a number", ..."""
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def read_geojson(path: Path) -> gpd.GeoDataFrame:
    try:
        data = json.loads(read_text(path))
    except RecursionError:
        raise UnreadableFile(path, "the JSON is nested too deeply to read") from None
    except json.JSONDecodeError as exc:
        raise UnreadableFile(
            path, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(data, dict):
        raise UnreadableFile(
            path, f"the file holds {json_kind(data).replace('a ', 'a JSON ', 1)}, not a GeoJSON object"
        )
    kind = data.get("type")
    if kind == "Feature":
        features = [data]
    elif kind == "FeatureCollection":
        features = data.get("features")
        if features is None:
            features = []
        elif not isinstance(features, list):
            raise UnreadableFile(path, f"'features' must be a list of Features, not {json_kind(features)}")
    elif kind in GEOMETRY_TYPES:
        features = [{"type": "Feature", "geometry": data, "properties": {}}]
    elif kind is None:
        raise UnreadableFile(path, "not GeoJSON: the object has no 'type'")
    else:
        raise UnreadableFile(
            path, f"not GeoJSON: its type is {kind!r}, not a FeatureCollection, a Feature or a geometry"
        )
    crs = _geojson_crs(data, path)
    records, geoms = [], []
    for feature in features:
        if not isinstance(feature, dict):
            records.append({"_geometry_error": f"not a GeoJSON Feature (found {json_kind(feature)})"})
            geoms.append(None)
            continue
        props = feature.get("properties")
        record = {}
        if isinstance(props, dict):
            record = {key: value for key, value in props.items() if key not in RESERVED_COLUMNS}
        elif props is not None:
            record["_row_error"] = ("properties", f"the properties are {json_kind(props)}, not an object")
        geometry, record["_geometry_error"] = geometry_from_geojson(feature.get("geometry"))
        records.append(record)
        geoms.append(geometry)
    gdf = gpd.GeoDataFrame(records, geometry=geoms, crs=crs)
    for column in ("_geometry_error", "_row_error"):
        if column in gdf.columns and gdf[column].isna().all():
            gdf = gdf.drop(columns=column)
    return gdf


def geometry_from_geojson(raw) -> tuple[shapely.Geometry | None, str | None]:
    """A GeoJSON geometry as a shapely geometry, or None and the reason in words a GIS user reads."""
    if raw is None:
        return None, "no geometry"
    if not isinstance(raw, dict):
        return None, f"unreadable geometry: the geometry is {json_kind(raw)}, not a GeoJSON object"
    kind = raw.get("type")
    if kind not in GEOMETRY_TYPES:
        return None, f"unknown geometry type {kind!r} (GeoJSON has {', '.join(GEOMETRY_TYPES)})"
    if kind == "GeometryCollection":
        if not isinstance(raw.get("geometries"), list):
            return None, "unreadable geometry: a GeometryCollection needs a list of geometries"
    elif raw.get("coordinates") is None:
        return None, "unreadable geometry: the geometry has no coordinates"
    elif not _all_numbers(raw["coordinates"]):
        return None, "unreadable geometry: the coordinates are not numbers"
    try:
        geometry = shape(raw)
        finite = pd.notna(shapely.get_coordinates(geometry)).all()
    except Exception:  # noqa: BLE001 - shapely and numpy raise many types for one cause: bad nesting
        return None, f"unreadable geometry: the coordinates do not make a {kind}"
    if not finite:
        return None, "unreadable geometry: the coordinates are not numbers"
    return geometry, None


def _all_numbers(coordinates) -> bool:
    """Every leaf of nested coordinate lists is a number (walked without recursion: the nesting is the
    file's, and a hostile file nests deeply)."""
    pending = [coordinates]
    while pending:
        value = pending.pop()
        if isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, bool) or not isinstance(value, int | float):
            return False
    return True


CRS_EXAMPLE = '{"type": "name", "properties": {"name": "EPSG:32749"}}'


def _geojson_crs(data: dict, path: Path) -> str:
    """GeoJSON is WGS84 by definition (RFC 7946), but older writers (GDAL, geopandas) still put a named CRS
    in a ``crs`` member, for example a UTM file exported from QGIS."""
    member = data.get("crs")
    if member is None:
        return WGS84
    props = member.get("properties") if isinstance(member, dict) else None
    name = props.get("name") if isinstance(props, dict) else None
    if not isinstance(name, str):
        raise UnreadableFile(path, f"the 'crs' member is not a named CRS like {CRS_EXAMPLE}")
    name = name.strip()
    if not name or name.upper().endswith(("CRS84", "EPSG::4326", "EPSG:4326")):
        return WGS84
    try:
        CRS.from_user_input(name)
    except CRSError:
        raise UnreadableFile(path, f"unknown coordinate reference system {name!r}") from None
    return name
