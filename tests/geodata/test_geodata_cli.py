"""``python -m geodata`` as a tourist office clerk or an editor uses it: route between named places,
draw a file as a map, check a file before import. Run as a subprocess, as people run it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CRATER = "-7.9416667,112.95"  # the crater point of places.geojson (kawah-bromo)


def geodata(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "geodata", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_route_between_named_places_prints_distance_time_and_roads():
    done = geodata("route", "Tugu Malang", "Museum Mpu Purwa", "--mode", "car")
    assert done.returncode == 0, done.stderr
    assert "Tugu Malang (Alun-Alun Tugu) \u2192 Museum Mpu Purwa by car" in done.stdout
    assert " km, " in done.stdout and "(h:mm)" in done.stdout
    assert "via Jalan" in done.stdout


def test_route_json_has_totals_and_legs():
    done = geodata("route", "tugu-malang", CRATER, "--mode", "jeep", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"distance_m", "duration_s", "legs"} <= set(data)
    assert data["distance_m"] > 30_000 and data["duration_s"] > 3_600
    (leg,) = data["legs"]
    assert {"from", "to", "distance_m", "duration_s", "road_names", "snap"} <= set(leg)
    assert "geometry" not in leg  # only with --geometry
    assert any("Jemplang" in name for name in leg["road_names"])


def test_an_unknown_place_is_a_clear_message_and_exit_2_without_a_traceback():
    done = geodata("route", "Tugu Malang", "Candi Atlantis", "--mode", "car")
    assert done.returncode == 2
    assert "unknown place 'Candi Atlantis'" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_place_the_mode_cannot_reach_is_exit_3_naming_it_and_the_mode():
    done = geodata("route", "Tugu Malang", CRATER, "--mode", "car")
    assert done.returncode == 3
    assert "-7.94167,112.95000 cannot be reached by car" in done.stderr
    assert "Traceback" not in done.stderr


def test_route_can_write_gpx_and_a_standalone_map(tmp_path):
    gpx, page = tmp_path / "trip.gpx", tmp_path / "trip.html"
    done = geodata(
        "route", "Tugu Malang", "Candi Badut", "--mode", "walk", "--gpx", str(gpx), "--map", str(page)
    )
    assert done.returncode == 0, done.stderr
    assert "<rte>" in gpx.read_text(encoding="utf-8")
    assert "gd-stop" in page.read_text(encoding="utf-8")


def test_map_draws_a_point_file_as_a_standalone_page(tmp_path):
    source = tmp_path / "places.csv"
    source.write_text(
        "name,lat,lon,kind\nCandi Badut,-7.957778,112.598333,temple\nCandi Jago,-8.0059,112.7575,temple\n",
        encoding="utf-8",
    )
    out = tmp_path / "map.html"
    done = geodata("map", str(source), "-o", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "Candi Jago" in page and "L.markerClusterGroup" in page
    assert "<script src=" not in page and '<link rel="stylesheet" href=' not in page


def test_map_draws_the_bundled_corridor_network(tmp_path):
    out = tmp_path / "corridor.html"
    done = geodata("map", "geodata/data/corridor_network.geojson", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "Jalur Pendakian Semeru" in out.read_text(encoding="utf-8")


def test_check_exits_0_for_a_good_file_and_1_listing_every_bad_row(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("name,lat,lon\nCandi Badut,-7.957778,112.598333\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,lat,lon\nCandi Badut,-7.957778,112.598333\n,-7.98,112.63\nParis,48.85,2.29\n", encoding="utf-8"
    )
    ok = geodata("check", str(good))
    assert ok.returncode == 0 and "all good" in ok.stdout
    wrong = geodata("check", str(bad))
    assert wrong.returncode == 1
    assert "row 2, name: missing name" in wrong.stdout
    assert "row 3, geometry: outside Indonesia" in wrong.stdout
    as_json = json.loads(geodata("check", str(bad), "--json").stdout)
    assert [p["row"] for p in as_json["problems"]] == [2, 3]


@pytest.mark.parametrize(
    "args", [("check", "no-such-file.geojson"), ("map", "no-such-file.csv", "-o", "x.html")]
)
def test_a_missing_file_is_exit_2_without_a_traceback(args, tmp_path):
    done = geodata(*args, cwd=ROOT)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "no-such-file" in done.stderr


def test_sun_prints_sunrise_and_sunset_in_wib():
    done = geodata("sun", "Tugu Malang", "--date", "2026-03-18", "--elevation", "506")
    assert done.returncode == 0, done.stderr
    assert "sunrise 05:3" in done.stdout and "WIB" in done.stdout
