"""Reading and writing geo files: GeoJSON, GeoPackage, CSV with lat/lon columns, GPX, and anything else
GDAL reads (through pyogrio). Everything comes back as a WGS84 GeoDataFrame.

CSV is read with pandas rather than GDAL so that a row with a missing or non-numeric coordinate stays in
the frame (with no geometry) for :mod:`geodata.validation` to report, instead of vanishing. GeoJSON is
read the same tolerant way, by :mod:`geodata.geojson_reader`. A file that cannot be read at all raises
:class:`geodata.errors.UnreadableFile` with a one-line reason, whatever library failed underneath. GPX is written by :mod:`geodata.gpx`, which produces GPX 1.1 with waypoints
and a route; reading GPX goes through GDAL's GPX driver.
"""

from __future__ import annotations

import csv
import json
import re
import warnings
from io import StringIO
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pyogrio.errors
import shapely
import shapely.errors
from pyproj.exceptions import CRSError, ProjError
from shapely.geometry import Point

from geodata.errors import UnreadableFile
from geodata.geojson_reader import WGS84, read_geojson, read_text

LAT_COLUMNS = ("lat", "latitude", "lintang", "y")
LON_COLUMNS = ("lon", "lng", "long", "longitude", "bujur", "x")
GDAL_LABELS = {".gpkg": "GeoPackage file", ".gpx": "GPX file", ".shp": "shapefile", ".kml": "KML file"}


def file_kind(path: str | Path) -> str:
    name = Path(path).name.lower()
    if name.endswith((".geojson", ".json")):
        return "geojson"
    if name.endswith(".gpkg"):
        return "gpkg"
    if name.endswith((".csv", ".txt")):
        return "csv"
    if name.endswith(".gpx"):
        return "gpx"
    if name.endswith((".osm", ".osm.pbf", ".pbf")):
        return "osm"
    return "other"


def read_geofile(path: str | Path, *, layer: str | None = None, to_wgs84: bool = True) -> gpd.GeoDataFrame:
    """Read any supported file. Rows whose geometry cannot be read keep ``geometry=None`` and carry the
    reason in a ``_geometry_error`` column (GeoJSON and CSV); a GeoJSON feature whose properties are not an
    object, or a CSV line with more values than the header has columns, carries ``(field, reason)`` in
    ``_row_error``. A file that cannot be read at all (missing, empty, binary,
    not the format its name says, an unknown CRS) raises :class:`UnreadableFile` with a one-line reason.
    Non-WGS84 input is reprojected to WGS84 unless ``to_wgs84`` is False."""
    path = Path(path)
    if not path.exists():
        raise UnreadableFile(path, "no such file")
    if path.is_dir():
        raise UnreadableFile(path, "it is a folder, not a file")
    if path.is_file() and path.stat().st_size == 0:
        raise UnreadableFile(path, "the file is empty")
    kind = file_kind(path)
    if kind == "geojson":
        gdf = read_geojson(path)
    elif kind == "csv":
        gdf = _read_csv(path)
    else:
        try:
            if kind == "gpx":
                gdf = _read_gpx(path)
            elif kind == "osm":
                from geodata.osm import read_osm_roads

                gdf = read_osm_roads(path)
            else:
                gdf = gpd.read_file(path, layer=layer) if layer else gpd.read_file(path)
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
            raise UnreadableFile(path, _gdal_reason(exc, path)) from None
    return reproject_to_wgs84(gdf, path) if to_wgs84 else gdf


def reproject_to_wgs84(gdf: gpd.GeoDataFrame, source: str | Path) -> gpd.GeoDataFrame:
    if gdf.crs is None or gdf.crs.equals(WGS84):
        return gdf
    try:
        return gdf.to_crs(WGS84)
    except (CRSError, ProjError):
        raise UnreadableFile(source, f"its coordinates cannot be converted from {gdf.crs} to WGS84") from None


def _gdal_reason(exc: Exception, path: Path) -> str:
    """GDAL's message with the full path shortened to the file's name, on one line."""
    message = " ".join(str(exc).replace(str(path), path.name).split())
    if "not recognized as being in a supported file format" in message or not message:
        label = GDAL_LABELS.get(path.suffix.lower(), f"{path.suffix} file" if path.suffix else "geo file")
        return f"it is not a readable {label} (GDAL does not recognise what is inside)"
    return message


def _pick(columns, candidates) -> str | None:
    lower = {c.lower().strip(): c for c in columns}
    for cand in candidates:
        if cand in lower:
            return lower[cand]
    return None


def _read_csv(path: Path) -> gpd.GeoDataFrame:
    text = read_text(path)
    try:
        # index_col=False: a line with too many values must not turn its first values into an index.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            df = pd.read_csv(StringIO(text), dtype=str, keep_default_na=False, index_col=False)
        widths = [len(line) for line in csv.reader(StringIO(text)) if line]
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        raise UnreadableFile(path, f"not a readable CSV ({_csv_reason(exc)})") from None
    if len(widths) == len(df) + 1:
        header = widths[0]
        row_errors = [
            ("columns", f"{n} values where the header has {header} columns") if n > header else None
            for n in widths[1:]
        ]
        if any(row_errors):
            df["_row_error"] = row_errors
    lat_col, lon_col = _pick(df.columns, LAT_COLUMNS), _pick(df.columns, LON_COLUMNS)
    if lat_col is None or lon_col is None:
        wkt_col = _pick(df.columns, ("wkt",))
        if wkt_col is not None:
            return _read_wkt_csv(df, wkt_col)
        raise UnreadableFile(
            path,
            f"no latitude/longitude columns (looked for {', '.join(LAT_COLUMNS)} and "
            f"{', '.join(LON_COLUMNS)}) and no wkt column",
        )
    lat = pd.to_numeric(df[lat_col].str.replace(",", ".", regex=False), errors="coerce")
    lon = pd.to_numeric(df[lon_col].str.replace(",", ".", regex=False), errors="coerce")
    geoms, errors = [], []
    for raw_lat, raw_lon, y, x in zip(df[lat_col], df[lon_col], lat, lon, strict=True):
        if pd.isna(y) or pd.isna(x):
            geoms.append(None)
            errors.append(_coordinate_reason(raw_lat, raw_lon, y, x))
        else:
            geoms.append(Point(float(x), float(y)))
            errors.append(None)
    props = df.drop(columns=[lat_col, lon_col]).replace({"": None})
    gdf = gpd.GeoDataFrame(props, geometry=geoms, crs=WGS84)
    if any(errors):
        gdf["_geometry_error"] = errors
    return gdf


def _coordinate_reason(raw_lat: str, raw_lon: str, lat: float, lon: float) -> str:
    missing = [axis for axis, raw in (("latitude", raw_lat), ("longitude", raw_lon)) if not raw.strip()]
    if missing:
        return f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing"
    bad = [
        f"{axis} {raw!r}"
        for axis, raw, v in (("latitude", raw_lat, lat), ("longitude", raw_lon, lon))
        if pd.isna(v)
    ]
    return f"{' and '.join(bad)} {'is not a number' if len(bad) == 1 else 'are not numbers'}"


NOT_WKT = "is not valid WKT"  # the reason a CSV row's wkt text could not be parsed (the file is malformed)


def _read_wkt_csv(df: pd.DataFrame, wkt_col: str) -> gpd.GeoDataFrame:
    geoms, errors = [], []
    for text in df[wkt_col]:
        geometry, error = None, None
        if text.strip():
            try:
                geometry = shapely.from_wkt(text)
            except shapely.errors.ShapelyError:
                shown = text if len(text) <= 60 else text[:57] + "..."
                error = f"{shown!r} {NOT_WKT}"
        geoms.append(geometry)
        errors.append(error)
    gdf = gpd.GeoDataFrame(df.drop(columns=wkt_col).replace({"": None}), geometry=geoms, crs=WGS84)
    if any(errors):
        gdf["_geometry_error"] = errors
    return gdf


def _csv_reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text)
    if found:
        expected, line, saw = found.groups()
        return f"line {line} has {saw} fields where the header has {expected}"
    return text


def _read_gpx(path: Path) -> gpd.GeoDataFrame:
    frames = []
    available = {name for name, _ in pyogrio.list_layers(path)}
    for layer in ("waypoints", "routes", "tracks"):
        if layer not in available:
            continue
        gdf = gpd.read_file(path, layer=layer)
        if len(gdf):
            gdf["gpx_layer"] = layer
            frames.append(gdf)
    if not frames:
        return gpd.GeoDataFrame({"name": []}, geometry=[], crs=WGS84)
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=WGS84)


# --- writing ------------------------------------------------------------------------------------------------


def _jsonable(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Lists and dicts (``modes``, ``sources``) become JSON text for drivers that only store scalars."""
    out = gdf.copy()
    for col in out.columns:
        if col == out.geometry.name:
            continue
        if out[col].map(lambda v: isinstance(v, list | dict | tuple)).any():
            out[col] = out[col].map(
                lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict | tuple) else v
            )
    return out


def write_geojson(gdf: gpd.GeoDataFrame, path: str | Path) -> Path:
    """RFC 7946 GeoJSON (WGS84, lon/lat), UTF-8, lists kept as JSON arrays."""
    path = Path(path)
    gdf = gdf.to_crs(WGS84) if gdf.crs is not None else gdf
    data = json.loads(gdf.to_json(drop_id=True, to_wgs84=False))
    data.pop("crs", None)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def write_gpkg(gdf: gpd.GeoDataFrame, path: str | Path, *, layer: str = "features") -> Path:
    path = Path(path)
    _jsonable(gdf).to_file(path, layer=layer, driver="GPKG")
    return path


def write_csv(gdf: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Points as ``lat``/``lon`` columns; other geometries as a ``wkt`` column."""
    path = Path(path)
    gdf = _jsonable(gdf.to_crs(WGS84) if gdf.crs is not None else gdf)
    df = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    if (gdf.geom_type == "Point").all():
        df.insert(0, "lon", gdf.geometry.x.round(7))
        df.insert(0, "lat", gdf.geometry.y.round(7))
    else:
        df["wkt"] = gdf.geometry.to_wkt()
    df.to_csv(path, index=False)
    return path


def write_geofile(gdf: gpd.GeoDataFrame, path: str | Path) -> Path:
    """Write by file extension: .geojson/.json, .gpkg, .csv (GPX: see :func:`geodata.gpx.write_gpx`)."""
    kind = file_kind(path)
    if kind == "geojson":
        return write_geojson(gdf, path)
    if kind == "gpkg":
        return write_gpkg(gdf, path)
    if kind == "csv":
        return write_csv(gdf, path)
    raise ValueError(f"cannot write {Path(path).name}: use .geojson, .gpkg or .csv (or geodata.gpx for GPX)")
