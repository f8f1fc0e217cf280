"""Reading and writing geo files: GeoJSON, GeoPackage, CSV with lat/lon columns, GPX, and anything else
GDAL reads (through pyogrio). Everything comes back as a WGS84 GeoDataFrame.

CSV is read with pandas rather than GDAL so that a row with a missing or non-numeric coordinate stays in
the frame (with no geometry) for :mod:`geodata.validation` to report, instead of vanishing. GeoJSON is
read the same tolerant way. GPX is written by :mod:`geodata.gpx`, which produces GPX 1.1 with waypoints
and a route; reading GPX goes through GDAL's GPX driver.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely
from shapely.geometry import Point, shape

WGS84 = "EPSG:4326"
LAT_COLUMNS = ("lat", "latitude", "lintang", "y")
LON_COLUMNS = ("lon", "lng", "long", "longitude", "bujur", "x")


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
    reason in a ``_geometry_error`` column (GeoJSON and CSV). Non-WGS84 input is reprojected to WGS84
    unless ``to_wgs84`` is False."""
    path = Path(path)
    kind = file_kind(path)
    if kind == "geojson":
        gdf = _read_geojson(path)
    elif kind == "csv":
        gdf = _read_csv(path)
    elif kind == "gpx":
        gdf = _read_gpx(path)
    elif kind == "osm":
        from geodata.osm import read_osm_roads

        gdf = read_osm_roads(path)
    else:
        gdf = gpd.read_file(path, layer=layer) if layer else gpd.read_file(path)
    if to_wgs84 and gdf.crs is not None and not gdf.crs.equals(WGS84):
        gdf = gdf.to_crs(WGS84)
    return gdf


def _read_geojson(path: Path) -> gpd.GeoDataFrame:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("type") == "Feature":
        features = [data]
    elif data.get("type") == "FeatureCollection":
        features = data.get("features") or []
    else:
        features = [{"type": "Feature", "geometry": data, "properties": {}}]
    records, geoms = [], []
    for feature in features:
        props = dict((feature or {}).get("properties") or {})
        geometry, error = None, None
        raw = (feature or {}).get("geometry")
        if raw is None:
            error = "no geometry"
        else:
            try:
                geometry = shape(raw)
                coords = shapely.get_coordinates(geometry)
                if not geometry.is_empty and not pd.notna(coords).all():
                    raise ValueError("coordinates are not numbers")
            except Exception as exc:  # noqa: BLE001 - any malformed geometry is a row problem, not a crash
                geometry, error = None, f"unreadable geometry ({exc})"
        props["_geometry_error"] = error
        records.append(props)
        geoms.append(geometry)
    crs = _geojson_crs(data)
    gdf = gpd.GeoDataFrame(records, geometry=geoms, crs=crs)
    if gdf["_geometry_error"].isna().all():
        gdf = gdf.drop(columns="_geometry_error")
    return gdf


def _geojson_crs(data: dict) -> str:
    """GeoJSON is WGS84 by definition (RFC 7946), but older writers (GDAL, geopandas) still put a named CRS
    in a ``crs`` member, for example a UTM file exported from QGIS."""
    name = (((data.get("crs") or {}).get("properties") or {}).get("name") or "").strip()
    if not name or name.upper().endswith(("CRS84", "EPSG::4326", "EPSG:4326")):
        return WGS84
    return name


def _pick(columns, candidates) -> str | None:
    lower = {c.lower().strip(): c for c in columns}
    for cand in candidates:
        if cand in lower:
            return lower[cand]
    return None


def _read_csv(path: Path) -> gpd.GeoDataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    lat_col, lon_col = _pick(df.columns, LAT_COLUMNS), _pick(df.columns, LON_COLUMNS)
    if lat_col is None or lon_col is None:
        if "wkt" in {c.lower() for c in df.columns}:
            wkt_col = _pick(df.columns, ("wkt",))
            geoms = [shapely.from_wkt(v) if v else None for v in df[wkt_col]]
            return gpd.GeoDataFrame(df.drop(columns=wkt_col), geometry=geoms, crs=WGS84)
        raise ValueError(
            f"{path.name}: no latitude/longitude columns (looked for {LAT_COLUMNS} and {LON_COLUMNS})"
        )
    lat = pd.to_numeric(df[lat_col].str.replace(",", ".", regex=False), errors="coerce")
    lon = pd.to_numeric(df[lon_col].str.replace(",", ".", regex=False), errors="coerce")
    geoms, errors = [], []
    for raw_lat, raw_lon, y, x in zip(df[lat_col], df[lon_col], lat, lon, strict=True):
        if pd.isna(y) or pd.isna(x):
            geoms.append(None)
            errors.append(f"latitude/longitude {raw_lat!r}, {raw_lon!r} are not numbers")
        else:
            geoms.append(Point(float(x), float(y)))
            errors.append(None)
    props = df.drop(columns=[lat_col, lon_col]).replace({"": None})
    gdf = gpd.GeoDataFrame(props, geometry=geoms, crs=WGS84)
    if any(errors):
        gdf["_geometry_error"] = errors
    return gdf


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
