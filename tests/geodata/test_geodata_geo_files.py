"""Open data in and out: GeoJSON, GeoPackage and CSV round trips keep every place and property, and a
route exported as GPX is GPX 1.1 that GPS software (gpxpy here) reads back."""

from pathlib import Path

import geopandas as gpd
import gpxpy
import pytest
from geodata_helpers import at
from lxml import etree
from shapely.geometry import LineString, Point

from geodata.gpx import gpx_string, write_gpx
from geodata.io import read_geofile, write_csv, write_geofile, write_geojson, write_gpkg
from geodata.routing import route

GPX_SUBSET_XSD = Path(__file__).parent / "data" / "gpx11_subset.xsd"


@pytest.fixture
def places():
    return gpd.GeoDataFrame(
        {
            "slug": ["candi-badut", "pura-luhur-poten"],
            "name": ["Candi Badut", "Pura Luhur Potèn"],
            "elevation_m": [508, 2100],
            "modes": [["walk", "car"], ["walk", "jeep"]],
        },
        geometry=[Point(112.598333, -7.957778), Point(112.9458, -7.9377)],
        crs="EPSG:4326",
    )


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv"])
def test_places_survive_a_round_trip_through_each_open_data_format(tmp_path, places, suffix):
    path = write_geofile(places, tmp_path / f"places{suffix}")
    back = read_geofile(path)
    assert list(back["name"]) == ["Candi Badut", "Pura Luhur Potèn"]
    assert list(back["slug"]) == ["candi-badut", "pura-luhur-poten"]
    assert back.crs.equals("EPSG:4326")
    for got, expected in zip(back.geometry, places.geometry, strict=True):
        assert got.x == pytest.approx(expected.x, abs=1e-7) and got.y == pytest.approx(expected.y, abs=1e-7)
    assert [int(v) for v in back["elevation_m"]] == [508, 2100]


def test_geojson_keeps_lists_as_arrays_and_is_plain_wgs84(tmp_path, places):
    text = write_geojson(places, tmp_path / "p.geojson").read_text(encoding="utf-8")
    assert '"crs"' not in text and "Potèn" in text
    assert read_geofile(tmp_path / "p.geojson")["modes"].iloc[0] == ["walk", "car"]


def test_lines_go_to_csv_as_wkt_and_come_back(tmp_path):
    lines = gpd.GeoDataFrame(
        {"name": ["Jalan Ijen"]},
        geometry=[LineString([(112.6207, -7.9635), (112.6206, -7.9757)])],
        crs="EPSG:4326",
    )
    back = read_geofile(write_csv(lines, tmp_path / "roads.csv"))
    assert back.geometry.iloc[0].equals_exact(lines.geometry.iloc[0], tolerance=1e-7)


def test_a_utm_geopackage_is_read_back_in_wgs84(tmp_path, places):
    write_gpkg(places.to_crs("EPSG:32749"), tmp_path / "utm.gpkg")
    back = read_geofile(tmp_path / "utm.gpkg")
    assert back.crs.equals("EPSG:4326")
    assert back.geometry.iloc[0].x == pytest.approx(112.598333, abs=1e-6)


def test_a_route_exported_as_gpx_is_valid_gpx_1_1_and_reads_back_with_its_stops(tmp_path, two_way_town):
    stops = [at(0, 0, "Alun-alun"), at(2000, 0, "Balai Desa")]
    trip = route(two_way_town, stops, "car")
    path = write_gpx(tmp_path / "trip.gpx", waypoints=stops, route=trip)

    schema = etree.XMLSchema(etree.parse(str(GPX_SUBSET_XSD)))
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    root = document.getroot()
    assert root.get("version") == "1.1" and root.get("creator")

    gpx = gpxpy.parse(path.read_text(encoding="utf-8"))
    assert [w.name for w in gpx.waypoints] == ["Alun-alun", "Balai Desa"]
    assert len(gpx.routes) == 1
    points = gpx.routes[0].points
    assert (points[0].latitude, points[0].longitude) == pytest.approx(stops[0][:2], abs=1e-6)
    assert (points[-1].latitude, points[-1].longitude) == pytest.approx(stops[1][:2], abs=1e-6)
    assert sum(a.distance_2d(b) for a, b in zip(points, points[1:], strict=False)) == pytest.approx(
        trip.distance_m, rel=0.01
    )


def test_the_gpx_schema_subset_rejects_what_gpx_1_1_forbids():
    schema = etree.XMLSchema(etree.parse(str(GPX_SUBSET_XSD)))
    good = gpx_string(waypoints=[(-7.9425, 112.953, "Kawah Bromo")])
    swapped = good.replace('lat="-7.9425000"', 'lat="112.9530000"')
    reordered = good.replace("<metadata>", "<metadata>\n  <time>2024-01-01T00:00:00Z</time>", 1)
    assert schema.validate(etree.fromstring(good.encode()))
    assert not schema.validate(etree.fromstring(swapped.encode()))  # latitude beyond 90
    assert not schema.validate(etree.fromstring(reordered.encode()))  # two <time>, the first before <name>


def test_a_gpx_file_can_be_read_as_geo_data(tmp_path):
    path = write_gpx(
        tmp_path / "w.gpx",
        waypoints=[(-7.9771, 112.634, "Tugu")],
        route=LineString([(112.634, -7.9771), (112.6308, -7.9826)]),
        name="Jalan kaki",
    )
    gdf = read_geofile(path)
    assert set(gdf["gpx_layer"]) == {"waypoints", "routes"}
    assert gdf[gdf["gpx_layer"] == "waypoints"]["name"].tolist() == ["Tugu"]
