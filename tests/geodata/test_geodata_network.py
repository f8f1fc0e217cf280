"""Building a road network from lines: ends that nearly meet are joined, T-junctions are split, and
pieces that join nothing are reported by name and place."""

import pytest
from geodata_helpers import at, frame, road

from geodata.io import write_gpkg
from geodata.network import RoadNetwork


def test_lengths_come_from_the_geometry_in_metres(two_way_town):
    lengths = sorted(round(e.length_m) for e in two_way_town.edges if e.name == "Jalan Raya Bypass")
    assert lengths == [4000]
    assert round(two_way_town.total_length_m) == 2000 + 4000 + 500 + 1500 + 1000


def test_road_ends_ten_metres_apart_are_joined_but_thirty_metres_apart_are_not():
    near = RoadNetwork.from_geodataframe(
        frame(
            [
                road("Jalan Satu", [(0, 0), (1000, 0)]),
                road("Jalan Dua", [(1010, 0), (2000, 0)]),
            ]
        )
    )
    far = RoadNetwork.from_geodataframe(
        frame(
            [
                road("Jalan Satu", [(0, 0), (1000, 0)]),
                road("Jalan Dua", [(1030, 0), (2000, 0)]),
            ]
        )
    )
    assert len(near.components()) == 1
    assert len(far.components()) == 2


def test_a_road_ending_on_the_middle_of_another_makes_a_junction_there(two_way_town):
    # Jalan Memutar starts at (1000, 0), the middle of Jalan Kampung: the lane is cut in two there.
    kampung = sorted(round(e.length_m) for e in two_way_town.edges if e.name == "Jalan Kampung")
    assert kampung == [1000, 1000]


def test_roads_that_only_cross_are_not_joined():
    network = RoadNetwork.from_geodataframe(
        frame(
            [
                road("Jalan Bawah", [(0, 0), (2000, 0)]),
                road("Jembatan Layang", [(1000, -1000), (1000, 1000)]),
            ]
        )
    )
    assert len(network.components()) == 2


def test_a_disconnected_piece_is_reported_with_its_road_names_and_location(two_way_town):
    pieces = two_way_town.components()
    assert len(pieces) == 2
    main, island = pieces
    assert main.is_main and not island.is_main
    assert island.names == ["Jalan Terpisah"]
    lat, lon = at(5500, 5000)
    assert island.lat == pytest.approx(lat, abs=1e-4) and island.lon == pytest.approx(lon, abs=1e-4)
    assert "Jalan Terpisah" in island.describe() and "1.0 km" in island.describe()


def test_components_per_mode_split_off_what_a_car_may_not_use(two_way_town):
    walk_pieces = two_way_town.components("walk")
    car_names = {n for piece in two_way_town.components("car") for n in piece.names}
    assert "Gang Sempit" in walk_pieces[0].names
    assert "Gang Sempit" not in car_names


def test_a_network_round_trips_through_a_geopackage(tmp_path, two_way_town):
    path = write_gpkg(two_way_town.to_geodataframe(), tmp_path / "roads.gpkg")
    again = RoadNetwork.from_file(path)
    assert len(again.edges) == len(two_way_town.edges)
    assert again.total_length_m == pytest.approx(two_way_town.total_length_m, rel=1e-6)
    gang = next(e for e in again.edges if e.name == "Gang Sempit")
    assert gang.modes == frozenset({"walk"}) and gang.road_class == "footpath"


def test_features_without_modes_or_speed_get_the_class_defaults():
    network = RoadNetwork.from_geodataframe(
        frame(
            [
                {
                    "name": "Jalan Setapak",
                    "class": "footpath",
                    "geometry": road("x", [(0, 0), (100, 0)])["geometry"],
                },
                {
                    "name": "Jalan Tanah",
                    "class": "track",
                    "geometry": road("x", [(100, 0), (300, 0)])["geometry"],
                },
            ]
        )
    )
    footpath, track = sorted(network.edges, key=lambda e: e.length_m)
    assert footpath.modes == frozenset({"walk"}) and footpath.speed_kmh == 4.0
    assert "jeep" in track.modes and "car" not in track.modes
