"""Checking a file before import: every bad row is reported (row, field, reason), nothing is imported
unless all rows are good, ``skip_bad`` imports the good ones, and projected input is converted."""

import json

import geopandas as gpd
import pytest
from shapely.geometry import Point

from geodata.errors import InvalidData
from geodata.io import write_gpkg
from geodata.validation import INDONESIA_BBOX, load_valid, validate_file


def feature(name, coordinates, **props):
    geometry = None if coordinates is None else {"type": "Point", "coordinates": coordinates}
    return {"type": "Feature", "geometry": geometry, "properties": {"name": name, **props}}


@pytest.fixture
def messy_geojson(tmp_path):
    features = [
        feature("Candi Badut", [112.598333, -7.957778]),  # 1 good
        feature("Candi Jago", [-8.0059, 112.7575]),  # 2 lat/lon swapped
        feature("", [112.63, -7.98]),  # 3 no name
        feature("Tanpa Titik", None),  # 4 no geometry
        feature("Candi Badut", [112.598333, -7.957778]),  # 5 duplicate of row 1
        feature("Menara Eiffel", [2.2945, 48.8584]),  # 6 outside Indonesia
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": ["x", "y"]},
            "properties": {"name": "Rusak"},
        },  # 7 unreadable coordinates
        {
            "type": "Feature",
            "properties": {"name": "Taman Kota"},  # 8 self-crossing polygon
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[112.60, -7.97], [112.62, -7.95], [112.62, -7.97], [112.60, -7.95], [112.60, -7.97]]
                ],
            },
        },
        feature("Candi Kidal", [112.7093, -8.0258]),  # 9 good
    ]
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def test_every_bad_row_is_reported_with_its_row_field_and_reason(messy_geojson):
    report = validate_file(messy_geojson)
    assert not report.ok and report.rows == 9
    by_row = {p.row: p for p in report.problems}
    assert set(by_row) == {2, 3, 4, 5, 6, 7, 8}
    assert "outside Indonesia" in by_row[2].reason and "swapped" in by_row[2].reason
    assert (by_row[3].field, by_row[3].reason) == ("name", "missing name")
    assert by_row[4].reason == "no geometry"
    assert by_row[5].reason.startswith("duplicate of row 1")
    assert "outside Indonesia" in by_row[6].reason and "94.9..141.1" in by_row[6].reason
    assert by_row[7].field == "geometry" and "unreadable" in by_row[7].reason
    assert "invalid geometry" in by_row[8].reason and "Self-intersection" in by_row[8].reason
    assert "row 2, geometry: outside Indonesia" in report.to_text()


def test_import_rejects_a_file_with_bad_rows_and_imports_nothing(messy_geojson):
    with pytest.raises(InvalidData) as caught:
        load_valid(messy_geojson)
    assert len(caught.value.report.bad_rows) == 7
    assert "7 of 9 rows have problems" in str(caught.value)


def test_skip_bad_imports_only_the_good_rows(messy_geojson):
    good = load_valid(messy_geojson, skip_bad=True)
    assert list(good["name"]) == ["Candi Badut", "Candi Kidal"]
    assert good.attrs["report"].bad_rows == {2, 3, 4, 5, 6, 7, 8}


def test_a_clean_file_imports_whole(tmp_path):
    path = tmp_path / "ok.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    feature("Candi Badut", [112.598333, -7.957778]),
                    feature("Candi Kidal", [112.7093, -8.0258]),
                ],
            }
        )
    )
    assert validate_file(path).ok
    assert len(load_valid(path)) == 2


def test_a_utm_projected_file_is_reprojected_to_wgs84_before_checking(tmp_path):
    utm = gpd.GeoDataFrame(
        {"name": ["Candi Badut", "Candi Jago"]},
        geometry=[Point(112.598333, -7.957778), Point(112.7575, -8.0059)],
        crs="EPSG:4326",
    ).to_crs("EPSG:32749")
    for path in (write_gpkg(utm, tmp_path / "utm.gpkg"), tmp_path / "utm.geojson"):
        if path.suffix == ".geojson":
            utm.to_file(path, driver="GeoJSON")  # GDAL writes the UTM CRS into a "crs" member
        report = validate_file(path)
        assert report.ok, report.to_text()
        assert "32749" in report.reprojected_from
        loaded = load_valid(path)
        assert loaded.crs.equals("EPSG:4326")
        assert loaded.geometry.iloc[0].x == pytest.approx(112.598333, abs=1e-6)


def test_projected_metres_without_a_crs_are_called_out(tmp_path):
    path = tmp_path / "metres.csv"
    path.write_text("name,lat,lon\nCandi Badut,9120350.2,678950.7\n", encoding="utf-8")
    (problem,) = validate_file(path).problems
    assert "projected metres" in problem.reason


def test_csv_rows_with_unreadable_coordinates_are_reported_not_dropped(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text(
        "name,lat,lon\nCandi Badut,-7.957778,112.598333\nCandi Jago,abc,112.7575\n"
        "Candi Kidal,-8.0258,112.7093\nCandi Kidal,-8.0258,112.7093\n",
        encoding="utf-8",
    )
    report = validate_file(path)
    assert [(p.row, p.field) for p in report.problems] == [(2, "geometry"), (4, "name")]
    assert "'abc'" in report.problems[0].reason
    assert "duplicate of row 3" in report.problems[1].reason


def test_duplicate_slugs_are_reported_even_at_different_positions(tmp_path):
    path = tmp_path / "slugs.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    feature("Candi Badut", [112.598333, -7.957778], slug="candi-badut"),
                    feature("Candi Badut (gerbang)", [112.5990, -7.9580], slug="candi-badut"),
                ],
            }
        )
    )
    (problem,) = validate_file(path).problems
    assert (problem.row, problem.field) == (2, "slug")


def test_the_indonesia_box_is_the_documented_one():
    assert INDONESIA_BBOX == (94.9, -11.1, 141.1, 6.1)


def test_two_pieces_of_one_street_are_not_duplicates_but_the_same_line_twice_is(tmp_path):
    def street(coords):
        return {
            "type": "Feature",
            "properties": {"name": "Jalan Ijen"},
            "geometry": {"type": "LineString", "coordinates": coords},
        }

    path = tmp_path / "streets.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    street([[112.6207, -7.9757], [112.6207, -7.9720]]),
                    street([[112.6207, -7.9720], [112.6207, -7.9632]]),
                    street([[112.6207, -7.9720], [112.6207, -7.9632]]),
                ],
            }
        )
    )
    (problem,) = validate_file(path).problems
    assert problem.row == 3 and "duplicate of row 2" in problem.reason


def test_the_bundled_files_pass_their_own_check():
    from geodata.places import CORRIDOR_NETWORK_PATH, PLACES_PATH

    for path in (PLACES_PATH, CORRIDOR_NETWORK_PATH):
        report = validate_file(path)
        assert report.ok, report.to_text()
