"""Routing on hand-made networks whose answers are known: fastest against shortest, roads only one mode
may use, stops snapped onto the middle of a road, stops that cannot be reached, and the best order."""

import json

import pytest
from geodata_helpers import at, frame, road

from geodata.errors import RoutingError, UnknownMode, UnreachableStop
from geodata.network import RoadNetwork
from geodata.routing import Stop, best_order, format_duration, route

A, B, C = at(0, 0, "Alun-alun"), at(2000, 0, "Balai Desa"), at(0, -500, "Candi")


def test_the_fastest_car_route_takes_the_bypass_and_the_shortest_takes_the_lane(two_way_town):
    fastest = route(two_way_town, [A, B], "car")
    shortest = route(two_way_town, [A, B], "car", optimize="distance")
    assert fastest.road_names == ["Jalan Raya Bypass"]
    assert fastest.distance_m == pytest.approx(4000, abs=1)
    assert fastest.duration_s == pytest.approx(4000 / (60 / 3.6), rel=1e-6)  # 4 min at 60 km/h
    assert shortest.road_names == ["Jalan Kampung"]
    assert shortest.distance_m == pytest.approx(2000, abs=1)
    assert shortest.duration_s == pytest.approx(2000 / (20 / 3.6), rel=1e-6)  # 6 min at 20 km/h


def test_a_walker_goes_at_walking_pace_even_on_a_fast_road(two_way_town):
    walk = route(two_way_town, [A, B], "walk")
    assert walk.road_names == ["Jalan Kampung"]  # the direct lane is shortest and walking pace is the same
    assert walk.duration_s == pytest.approx(2000 / (4.5 / 3.6), rel=1e-6)


def test_a_footpath_is_used_on_foot_but_a_car_goes_round_by_the_road(two_way_town):
    on_foot = route(two_way_town, [A, C], "walk")
    by_car = route(two_way_town, [A, C], "car")
    assert on_foot.road_names == ["Gang Sempit"] and on_foot.distance_m == pytest.approx(500, abs=1)
    assert "Gang Sempit" not in by_car.road_names
    assert by_car.road_names == ["Jalan Kampung", "Jalan Memutar"]
    assert by_car.distance_m == pytest.approx(2500, abs=1)


def test_a_stop_beside_the_middle_of_a_road_joins_it_there_not_at_a_junction(two_way_town):
    beside = at(700, 30, "Warung")  # 30 m north of Jalan Kampung, 700 m from A
    result = route(two_way_town, [beside, B], "walk", optimize="distance")
    leg = result.legs[0]
    assert leg.distance_m == pytest.approx(1300, abs=1)
    assert leg.start_snap.distance_m == pytest.approx(30, abs=0.5)
    assert leg.start_snap.road == "Jalan Kampung"
    assert leg.end_snap.distance_m == pytest.approx(0, abs=0.5)
    start_lon, start_lat = leg.geometry.coords[0]
    assert (start_lat, start_lon) == pytest.approx(at(700, 0), abs=1e-6)


def test_two_stops_on_the_same_road_go_straight_along_it(two_way_town):
    result = route(two_way_town, [at(200, 10), at(800, -10)], "walk", optimize="distance")
    assert result.distance_m == pytest.approx(600, abs=1)


def test_a_car_to_a_place_only_a_footpath_reaches_is_refused_naming_the_place_and_the_mode():
    network = RoadNetwork.from_geodataframe(
        frame(
            [
                road("Jalan Desa", [(0, 0), (1000, 0)]),
                road(
                    "Jalur Pendakian", [(1000, 0), (1000, -5000)], "hiking_trail", modes=["hike"], speed=2.5
                ),
            ]
        )
    )
    lake = at(1000, -5000, "Ranu Kumbolo")
    with pytest.raises(UnreachableStop) as caught:
        route(network, [at(0, 0, "Ranu Pani"), lake], "car")
    assert caught.value.stop == "Ranu Kumbolo" and caught.value.mode == "car"
    assert "Ranu Kumbolo" in str(caught.value) and "car" in str(caught.value)
    assert isinstance(caught.value, RoutingError)
    hike = route(network, [at(0, 0, "Ranu Pani"), lake], "hike")
    assert hike.road_names == ["Jalan Desa", "Jalur Pendakian"]
    assert hike.legs[0].duration_s == pytest.approx(1000 / (4.0 / 3.6) + 5000 / (2.5 / 3.6), rel=1e-6)


def test_a_stop_on_a_piece_that_joins_nothing_cannot_be_reached(two_way_town):
    with pytest.raises(UnreachableStop, match="Rumah Terpencil cannot be reached by car"):
        route(two_way_town, [A, at(5500, 5000, "Rumah Terpencil")], "car")


def test_a_car_keeps_to_one_way_streets_but_a_walker_does_not():
    network = RoadNetwork.from_geodataframe(
        frame(
            [
                road("Jalan Searah", [(0, 0), (1000, 0)], oneway="yes", speed=30),
                road("Jalan Kembali", [(1000, 0), (1000, 1000), (0, 1000), (0, 0)], speed=30),
            ]
        )
    )
    there = route(network, [at(0, 0), at(1000, 0)], "car")
    back = route(network, [at(1000, 0), at(0, 0)], "car")
    assert there.distance_m == pytest.approx(1000, abs=1)
    assert back.distance_m == pytest.approx(3000, abs=1)
    assert route(network, [at(1000, 0), at(0, 0)], "walk").distance_m == pytest.approx(1000, abs=1)


def test_several_stops_make_one_leg_each_and_the_totals_add_up(two_way_town):
    result = route(two_way_town, [A, at(1000, 0, "Tengah"), B], "walk")
    assert [(leg.from_name, leg.to_name) for leg in result.legs] == [
        ("Alun-alun", "Tengah"),
        ("Tengah", "Balai Desa"),
    ]
    assert result.distance_m == pytest.approx(sum(leg.distance_m for leg in result.legs))
    assert result.geometry.length > 0


def test_route_to_dict_is_plain_json_with_legs_and_totals(two_way_town):
    data = json.loads(json.dumps(route(two_way_town, [A, B], "car").to_dict()))
    assert set(data) >= {"distance_m", "duration_s", "legs", "mode", "stops"}
    leg = data["legs"][0]
    assert set(leg) >= {"from", "to", "distance_m", "duration_s", "road_names", "snap", "geometry"}
    assert leg["snap"]["start"]["distance_m"] == pytest.approx(0, abs=0.5)
    assert leg["geometry"]["type"] == "LineString"


def test_stops_can_be_objects_with_a_name_and_coordinates(two_way_town):
    class Place:
        def __init__(self, name, lat, lon):
            self.name, self.latitude, self.longitude = name, lat, lon

    lat, lon = at(2000, 0)
    result = route(
        two_way_town, [{"name": "Rumah", "lat": A[0], "lon": A[1]}, Place("Kantor", lat, lon)], "car"
    )
    assert [s.name for s in result.stops] == ["Rumah", "Kantor"]
    assert Stop.of((1.5, 2.5)).name == "1.50000,2.50000"


def test_best_order_visits_the_stops_along_the_road_in_sequence(two_way_town):
    stops = [at(0, 0, "start"), at(1500, 0, "c"), at(500, 0, "a"), at(1000, 0, "b"), at(2000, 0, "end")]
    ordered = best_order(two_way_town, stops, "walk")
    assert [s[2] for s in ordered] == ["start", "a", "b", "c", "end"]
    free_end = best_order(two_way_town, stops[:4], "walk", fix_end=False)
    assert [s[2] for s in free_end] == ["start", "a", "b", "c"]
    free_both = best_order(
        two_way_town,
        [stops[2], stops[4], stops[1], stops[0], stops[3]],
        "walk",
        fix_start=False,
        fix_end=False,
        optimize="distance",
    )
    assert [s[2] for s in free_both] in (["start", "a", "b", "c", "end"], ["end", "c", "b", "a", "start"])


def test_an_unknown_mode_or_a_single_stop_is_an_error(two_way_town):
    with pytest.raises(UnknownMode, match="helicopter"):
        route(two_way_town, [A, B], "helicopter")
    with pytest.raises(RoutingError):
        route(two_way_town, [A], "car")


def test_durations_print_as_hours_and_minutes():
    assert format_duration(3600 + 42 * 60 + 20) == "1:42"
    assert format_duration(59) == "0:01"


def test_a_stop_part_way_along_a_stretched_trail_counts_its_share_of_the_published_length():
    """A trail drawn 5 km long but walked as 10 km (length_factor 2): halfway along it is 5 km walked, and
    the leg's line still ends at the stop."""
    network = RoadNetwork.from_geodataframe(
        frame([road("Jalur Pendakian", [(0, 0), (5000, 0)], "hiking_trail", ("hike",), length_factor=2.0)])
    )
    trip = route(network, [at(0, 0, "Pos"), at(2500, 30, "Tengah jalur")], "hike")
    assert trip.distance_m == pytest.approx(5000, abs=1)
    end_lon, end_lat = trip.geometry.coords[-1]
    assert (end_lat, end_lon) == pytest.approx(at(2500, 0), abs=1e-6)
