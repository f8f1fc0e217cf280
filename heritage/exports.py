"""Open data: published places as GeoJSON features, CSV rows or a GeoPackage layer for GIS users."""

import csv
import io
import tempfile
from pathlib import Path

from wagtail import hooks

from .open_data import canonical_url
from .osm_credit import EXPORT_COLUMNS, export_fields, page_osm_credit
from .spreadsheets import safe_cell

COLUMNS = [
    "id",
    "slug",
    "title",
    "url",
    "type",
    "kind",
    "category",
    "era",
    "region",
    "district",
    "village",
    "designation",
    "sk_number",
    "elevation_m",
    "location_precision",
    "summary",
    "lang",
    # Where the point is OpenStreetMap data: its credit, the licence's page and the OSM element (heritage.osm_credit).
    *EXPORT_COLUMNS,
]


def extra_fields() -> list[tuple]:
    """Fields other content areas add to every place in the open data (plaques: `qr_url`). A function
    registered for the `place_open_data_fields` hook returns `(name, prepare, value)`: `prepare(pages)`
    annotates the whole list in one go and returns it, `value(page)` reads one page."""
    return [fn() for fn in hooks.get_hooks("place_open_data_fields")]


def columns() -> list[str]:
    return [*COLUMNS, *(name for name, _prepare, _value in extra_fields())]


def _prepared(pages) -> list:
    pages = list(pages)
    for _name, prepare, _value in extra_fields():
        pages = prepare(pages)
    return pages


def absolute_url(page, request=None) -> str:
    """The page's address under the canonical host (CANONICAL_URL): what a feed or a page names never depends
    on the Host header a request came with, so a cached copy is right for everyone."""
    return canonical_url(page.get_url(request))


def place_properties(page, request=None) -> dict:
    return {
        "id": page.pk,
        "slug": page.slug,
        "title": page.title,
        "url": absolute_url(page, request),
        "type": "corridor" if page.specific_class.__name__ == "CorridorPlacePage" else "heritage",
        "kind": page.kind,
        "category": page.category or None,
        "era": page.era or None,
        "region": page.region,
        "district": page.district or None,
        "village": page.village or None,
        "designation": page.designation_status or None,
        "sk_number": page.sk_number or None,
        "elevation_m": page.elevation_m,
        "location_precision": page.location_precision,
        "summary": page.summary,
        "lang": page.locale.language_code,
        **export_fields(page_osm_credit(page)),
        **{name: value(page) for name, _prepare, value in extra_fields()},
    }


def place_feature(page, request=None) -> dict:
    return {
        "type": "Feature",
        "id": page.pk,
        "geometry": {"type": "Point", "coordinates": [float(page.longitude), float(page.latitude)]},
        "properties": place_properties(page, request),
    }


def feature_collection(pages, request=None) -> dict:
    pages = _prepared(pages)  # e.g. one query for every page's QR short link
    return {"type": "FeatureCollection", "features": [place_feature(page, request) for page in pages]}


def has_osm_points(collection: dict) -> bool:
    return any(feature["properties"].get("coordinate_attribution") for feature in collection["features"])


def places_csv(pages, request=None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*columns(), "latitude", "longitude"], lineterminator="\n")
    writer.writeheader()
    for page in _prepared(pages):
        row = place_properties(page, request)
        row.update(latitude=f"{page.latitude:.6f}", longitude=f"{page.longitude:.6f}")
        writer.writerow({key: "" if value is None else safe_cell(value) for key, value in row.items()})
    return out.getvalue()


def places_geopackage(pages, request=None, layer="heritage_places") -> bytes:
    pages = _prepared(pages)
    rows = [place_properties(page, request) for page in pages]
    import geopandas as gpd  # the geo stack: loaded by an export, not by every app server
    from shapely.geometry import Point

    geometry = [Point(float(page.longitude), float(page.latitude)) for page in pages]
    frame = gpd.GeoDataFrame(rows, columns=columns(), geometry=geometry, crs="EPSG:4326")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "places.gpkg"
        frame.to_file(path, driver="GPKG", layer=layer, engine="pyogrio")
        return path.read_bytes()
