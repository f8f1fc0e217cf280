"""``python -m geodata check`` as a GIS user runs it on whatever file they were sent: a file it cannot read
is called unreadable in one line (exit 2), a file with bad rows lists them in plain sentences (exit 1), and
nothing ever ends in a Python traceback unless ``--traceback`` asks for one (exit 4 for the unexpected).
Run as a subprocess, as people run it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_POINT = {"type": "Point", "coordinates": [112.598333, -7.957778]}


def geodata(*args, code=None):
    command = (
        [sys.executable, "-m", "geodata", *args] if code is None else [sys.executable, "-c", code, *args]
    )
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def check(tmp_path, filename, content, *args, code=None):
    """Write ``content`` to a file called ``filename`` and run ``check`` on it."""
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    return geodata("check", str(path), *args, code=code)


def collection(**members):
    return json.dumps({"type": "FeatureCollection", **members})


def one_feature(**properties):
    return {"type": "Feature", "geometry": GOOD_POINT, "properties": {"name": "Candi Badut", **properties}}


UNREADABLE = [
    ("a JSON list", "places.geojson", "[1, 2, 3]", "a JSON list, not a GeoJSON object"),
    ("a JSON string", "places.geojson", '"Candi Badut"', "a JSON string, not a GeoJSON object"),
    ("features not a list", "places.geojson", collection(features=5), "'features' must be a list"),
    ("a crs that is not an object", "places.geojson", collection(crs="EPSG:4326", features=[]), "'crs'"),
    (
        "an unknown EPSG code",
        "places.geojson",
        collection(
            crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::999999"}},
            features=[one_feature()],
        ),
        "unknown coordinate reference system 'urn:ogc:def:crs:EPSG::999999'",
    ),
    ("JSON nested too deeply", "deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("an empty GeoJSON file", "empty.geojson", "", "the file is empty"),
    ("an empty CSV file", "empty.csv", "", "the file is empty"),
    ("not JSON at all", "places.geojson", "name,lat,lon\n", "not valid JSON"),
    ("an unknown GeoJSON type", "places.geojson", '{"type": "Topology"}', "'Topology'"),
]


@pytest.mark.parametrize(
    ("filename", "content", "reason"),
    [case[1:] for case in UNREADABLE],
    ids=[case[0] for case in UNREADABLE],
)
def test_a_file_check_cannot_read_is_unreadable_in_one_line_exit_2(tmp_path, filename, content, reason):
    done = check(tmp_path, filename, content)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"geodata: cannot read {filename}: ")
    assert reason in line


@pytest.mark.parametrize("filename", ["photo.geojson", "photo.csv", "photo.gpkg", "photo.gpx"])
def test_a_binary_file_is_unreadable_not_a_crash(tmp_path, filename):
    path = tmp_path / filename
    path.write_bytes(bytes(range(256)) * 8)
    done = geodata("check", str(path))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"geodata: cannot read {filename}: ")


def test_a_missing_file_is_unreadable_in_one_line(tmp_path):
    done = geodata("check", str(tmp_path / "nowhere.geojson"))
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert "nowhere.geojson" in line and "no such file" in line.lower()


def test_bad_wkt_in_a_csv_makes_the_file_unreadable_and_names_the_row(tmp_path):
    done = check(
        tmp_path,
        "lines.csv",
        "name,wkt\nJalan Ijen,POINT (112.62 -7.97)\nJalan Rusak,POINT (garbage\n",
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "row 2, geometry: 'POINT (garbage' is not valid WKT" in done.stdout
    (line,) = done.stderr.splitlines()
    assert "lines.csv is unreadable: row 2, geometry" in line
    assert "ParseException" not in done.stdout


def test_a_list_where_the_slug_should_be_makes_the_file_unreadable(tmp_path):
    done = check(tmp_path, "places.geojson", collection(features=[one_feature(slug=["candi", "badut"])]))
    assert done.returncode == 2, done.stderr
    assert "is unreadable: row 1, slug: the slug is a list, not text" in done.stderr
    assert "row 1, slug: the slug is a list, not text" in done.stdout


def test_features_that_are_not_objects_are_bad_rows_and_the_rest_are_checked(tmp_path):
    done = check(
        tmp_path,
        "places.geojson",
        collection(features=[one_feature(), 7, {"type": "Feature", "properties": []}]),
    )
    assert done.returncode == 1, done.stderr
    assert "row 2, geometry: not a GeoJSON Feature (found a number)" in done.stdout
    assert "row 3, properties: the properties are a list, not an object" in done.stdout


def test_coordinates_out_of_range_are_said_the_way_a_gis_user_says_them(tmp_path):
    done = check(
        tmp_path,
        "places.csv",
        "name,lat,lon\nCandi Badut,-95.2,112.6\nCandi Jago,-8.0059,200\nCandi Kidal,abc,112.7093\n",
    )
    assert done.returncode == 1
    assert "row 1, geometry: latitude -95.2 is outside -90..90" in done.stdout
    assert "row 2, geometry: longitude 200 is outside -180..180" in done.stdout
    assert "row 3, geometry: latitude 'abc' is not a number" in done.stdout


def test_geometry_a_reader_cannot_build_is_a_sentence_not_a_shapely_message(tmp_path):
    features = [
        {"type": "Feature", "properties": {"name": "A"}, "geometry": {"type": "Blob", "coordinates": [1, 2]}},
        {
            "type": "Feature",
            "properties": {"name": "B"},
            "geometry": {"type": "LineString", "coordinates": [[1]]},
        },
        {"type": "Feature", "properties": {"name": "C"}, "geometry": {"type": "Point"}},
    ]
    done = check(tmp_path, "places.geojson", collection(features=features))
    assert done.returncode == 1
    assert "row 1, geometry: unknown geometry type 'Blob'" in done.stdout
    assert "row 2, geometry: unreadable geometry: the coordinates do not make a LineString" in done.stdout
    assert "row 3, geometry: unreadable geometry: the geometry has no coordinates" in done.stdout


def test_a_clean_file_still_exits_0(tmp_path):
    done = check(tmp_path, "places.geojson", collection(features=[one_feature()]))
    assert done.returncode == 0 and "all good" in done.stdout


BOOM = (
    "import sys, geodata.validation, geodata.cli\n"
    "def boom(*a, **k): raise KeyError('internal')\n"
    "geodata.validation.validate_file = boom\n"
    "sys.exit(geodata.cli.main(sys.argv[1:]))\n"
)


def test_an_unexpected_error_is_one_line_and_exit_4(tmp_path):
    done = check(tmp_path, "places.geojson", collection(features=[one_feature()]), code=BOOM)
    assert done.returncode == 4
    (line,) = done.stderr.splitlines()
    assert "unexpected error" in line and "--traceback" in line
    assert "Traceback" not in done.stderr


def test_traceback_flag_shows_the_traceback_of_an_unexpected_error(tmp_path):
    done = check(tmp_path, "places.geojson", collection(features=[one_feature()]), "--traceback", code=BOOM)
    assert done.returncode == 4
    assert "Traceback" in done.stderr and "KeyError" in done.stderr


def test_check_help_documents_the_exit_codes():
    done = geodata("check", "--help")
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "0 the file was read and every row is good" in text
    assert "1 the file was read and some rows have problems" in text
    assert "2 the file is unreadable" in text
    assert "4 an unexpected error" in text and "--traceback" in text


def test_the_command_line_does_not_load_django(tmp_path):
    code = (
        "import sys, geodata.cli\n"
        "status = geodata.cli.main(sys.argv[1:])\n"
        "print('django loaded' if any(m.split('.')[0] == 'django' for m in sys.modules) else 'no django')\n"
    )
    done = check(tmp_path, "places.geojson", collection(features=[one_feature()]), code=code)
    assert done.stdout.strip().endswith("no django")


def test_a_folder_is_unreadable_in_one_line(tmp_path):
    done = geodata("check", str(tmp_path))
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert "it is a folder, not a file" in line


def test_a_csv_line_with_more_values_than_columns_is_a_bad_row_not_a_shifted_table(tmp_path):
    done = check(tmp_path, "places.csv", "name,lat,lon\nCandi Badut,-7.957778,112.598333,extra,values\n")
    assert done.returncode == 1
    assert done.stdout.splitlines()[1:] == ["  row 1, columns: 5 values where the header has 3 columns"]
