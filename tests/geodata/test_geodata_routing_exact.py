"""The sparse-matrix search (scipy's Dijkstra) gives exactly the answers of the pure-Python A* it replaced
(kept as ``geodata.path_search._search_astar``): the same edges in the same order, the same offsets and the
same cost, for every travel mode and both criteria, on the bundled corridor network and on a small grid
with one-way streets (both spellings), parallel roads, a ring that starts and ends at one junction, a
footpath only walkers may use and a stretched trail. Where two paths cost exactly the same the two searches
may legitimately pick different ones; the grid's junctions are jittered so that no such tie arises by
chance, and the one tie built on purpose (two identical parallel roads) is broken the same way by both: the
lower edge id."""

import random

import numpy as np
import pytest
from geodata_helpers import at, frame, road

from geodata.corridor import load_corridor_network
from geodata.errors import UnreachableStop
from geodata.modes import MODES
from geodata.network import RoadNetwork
from geodata.path_search import _search_astar, search, segments_cost, snap
from geodata.places import load_places
from geodata.routing import OPTIMIZE, Stop, _edge_piece, route, whole_edge_lines

MAX_SNAP_M = 5000.0


def _snapped_stops(network, graph, stops):
    snapped = []
    for stop in stops:
        try:
            snapped.append(snap(network, graph, stop, MAX_SNAP_M))
        except UnreachableStop:
            continue
    return snapped


def _described(segments):
    return None if segments is None else [(edge.id, a, b) for edge, a, b in segments]


def _compare(network, stops, pairs_per_case, seed):
    """Run both searches on seeded pairs of the stops for every mode and criterion; returns how many pairs
    were compared and how many of them had a route."""
    rng = random.Random(seed)
    compared = routed = 0
    for mode in MODES:
        graph = network.mode_graph(mode)
        snapped = _snapped_stops(network, graph, stops)
        assert len(snapped) >= 2, mode
        for optimize in OPTIMIZE:
            for _ in range(pairs_per_case):
                a, b = rng.choice(snapped), rng.choice(snapped)
                new = search(network, graph, a, b, optimize)
                old = _search_astar(network, graph, a, b, optimize)
                where = f"{mode}/{optimize}: {a.stop.name} -> {b.stop.name}"
                assert _described(new) == _described(old), where
                if new is not None:
                    routed += 1
                    assert segments_cost(graph, new, optimize) == pytest.approx(
                        segments_cost(graph, old, optimize), rel=1e-6
                    ), where
                compared += 1
    return compared, routed


def _random_stops(network, count, seed):
    lonlat = network.to_wgs84(network.nodes)
    (lon0, lat0), (lon1, lat1) = lonlat.min(axis=0), lonlat.max(axis=0)
    rng = random.Random(seed)
    return [Stop(f"random {i}", rng.uniform(lat0, lat1), rng.uniform(lon0, lon1)) for i in range(count)]


def _node_stops(network):
    """Stops exactly on junctions: the search then starts or ends at offset 0 or at the edge's length."""
    lonlat = network.to_wgs84(network.nodes)
    return [Stop(f"node {i}", float(lat), float(lon)) for i, (lon, lat) in enumerate(lonlat)]


@pytest.fixture(scope="module")
def corridor():
    return load_corridor_network()


def test_on_the_bundled_corridor_the_new_search_answers_as_the_a_star_between_the_bundled_places(corridor):
    compared, routed = _compare(corridor, [Stop.of(p) for p in load_places()], 200, seed=1)
    assert compared == 200 * len(MODES) * len(OPTIMIZE)
    assert routed > compared / 2


def test_on_the_bundled_corridor_the_new_search_answers_as_the_a_star_between_random_points(corridor):
    stops = _random_stops(corridor, 400, seed=2) + _node_stops(corridor)
    compared, routed = _compare(corridor, stops, 200, seed=3)
    assert routed > compared / 2


def test_routes_between_all_bundled_places_are_the_same_with_either_search(corridor, monkeypatch):
    """Whole routes (legs, distances, durations, lines, road names) between every pair of places by car."""
    places = load_places()[:20]
    new_routes = {}
    for a in places:
        for b in places:
            try:
                new_routes[a.slug, b.slug] = route(corridor, [a, b], "car").to_dict()
            except UnreachableStop as error:
                new_routes[a.slug, b.slug] = str(error)
    monkeypatch.setattr("geodata.routing.search", _search_astar)
    for a in places:
        for b in places:
            try:
                old = route(corridor, [a, b], "car").to_dict()
            except UnreachableStop as error:
                old = str(error)
            assert new_routes[a.slug, b.slug] == old, (a.slug, b.slug)


def _jittered_grid():
    """6 x 6 junctions about 200 m apart (jittered by up to 30 m, so no two paths cost the same), with
    random speeds; some streets one-way (``yes``: drawn direction; ``-1``: against it), a second, longer and
    faster road beside two streets, two identical roads between the same two junctions, a ring leaving and
    coming back to one junction, a footpath across one block and a trail counted twice its drawn length."""
    rng = random.Random(7)
    n, spacing = 6, 200.0
    pos = {
        (i, j): (i * spacing + rng.uniform(-30, 30), j * spacing + rng.uniform(-30, 30))
        for i in range(n)
        for j in range(n)
    }
    features = []
    for i in range(n):
        for j in range(n):
            for di, dj in ((1, 0), (0, 1)):
                if i + di >= n or j + dj >= n:
                    continue
                a, b = pos[i, j], pos[i + di, j + dj]
                extra = {}
                pick = rng.random()
                if pick < 0.15:
                    extra["oneway"] = "yes"
                elif pick < 0.25:
                    extra["oneway"] = "-1"
                features.append(
                    road(f"Jalan {i}-{j}-{di}", [a, b], speed=rng.choice([20, 30, 40, 50]), **extra)
                )
    # Parallel roads: a bow beside (0,0)-(1,0) and beside (2,3)-(2,4), longer but faster.
    for (i, j), (k, m) in (((0, 0), (1, 0)), ((2, 3), (2, 4))):
        (ax, ay), (bx, by) = pos[i, j], pos[k, m]
        mid = ((ax + bx) / 2 + 40, (ay + by) / 2 - 40)
        features.append(road(f"Jalan Layang {i}{j}", [(ax, ay), mid, (bx, by)], "primary", speed=60))
    # Two identical roads (a tie the searches must break the same way).
    a, b = pos[4, 1], pos[4, 2]
    features.append(road("Jalan Kembar A", [a, b], speed=30))
    features.append(road("Jalan Kembar B", [a, b], speed=30))
    # A ring from junction (5,5) and back.
    x, y = pos[5, 5]
    features.append(
        road("Jalan Lingkar", [(x, y), (x + 150, y), (x + 150, y + 150), (x, y + 150), (x, y)], speed=30)
    )
    # A footpath across a block, and a stretched hiking trail out of the grid.
    features.append(road("Gang Pintas", [pos[1, 1], pos[2, 2]], "footpath", modes=["walk"], speed=4))
    features.append(
        road(
            "Jalur Bukit",
            [pos[0, 5], (pos[0, 5][0] - 400, pos[0, 5][1] + 300)],
            "hiking_trail",
            modes=["hike"],
            speed=2.5,
            length_factor=1.7,
        )
    )
    return RoadNetwork.from_geodataframe(frame(features))


@pytest.fixture(scope="module")
def grid():
    return _jittered_grid()


def test_the_grid_has_what_the_comparison_needs(grid):
    pairs = {}
    for edge in grid.edges:
        pairs.setdefault(frozenset((edge.u, edge.v)), []).append(edge)
    assert sum(len(edges) > 1 for edges in pairs.values()) >= 3  # the bows and the twins
    assert any(edge.u == edge.v for edge in grid.edges)  # the ring
    assert sum(edge.oneway for edge in grid.edges) >= 5
    assert grid.mode_graph("car").edge_backward.sum() < len(grid.mode_graph("car").edge_ids)


def test_on_a_grid_with_one_way_and_parallel_roads_the_new_search_answers_as_the_a_star(grid):
    rng = random.Random(11)
    points = [Stop(f"p{i}", *at(rng.uniform(-100, 1100), rng.uniform(-100, 1100))) for i in range(150)]
    compared, routed = _compare(grid, points + _node_stops(grid), 300, seed=12)
    assert routed > compared * 0.8


def test_between_identical_parallel_roads_both_searches_take_the_lower_edge_id(grid):
    twins = sorted(e.id for e in grid.edges if e.name in ("Jalan Kembar A", "Jalan Kembar B"))
    u, v = grid.edges[twins[0]].u, grid.edges[twins[0]].v
    for mode in ("car", "walk"):
        graph = grid.mode_graph(mode)
        # Start one street before the twins, so they are crossed in the middle of the path.
        before = next(
            e for e in grid.edges if e.v == u and e.u != v and not e.oneway and e.name.startswith("Jalan ")
        )
        mid = before.line.interpolate(0.5, normalized=True)
        lon, lat = grid.to_wgs84(np.array([[mid.x, mid.y]]))[0]
        a = snap(grid, graph, Stop("before", float(lat), float(lon)), MAX_SNAP_M)
        beyond = next(
            e for e in grid.edges if e.u == v and e.v != u and not e.oneway and e.name.startswith("Jalan ")
        )
        mid = beyond.line.interpolate(0.5, normalized=True)
        lon, lat = grid.to_wgs84(np.array([[mid.x, mid.y]]))[0]
        b = snap(grid, graph, Stop("beyond", float(lat), float(lon)), MAX_SNAP_M)
        for optimize in OPTIMIZE:
            new = search(grid, graph, a, b, optimize)
            assert _described(new) == _described(_search_astar(grid, graph, a, b, optimize))
            used = [edge.id for edge, _, _ in new if edge.id in twins]
            assert used in ([], [twins[0]])


def test_a_car_never_goes_against_a_one_way_street_with_the_new_search(grid):
    graph = grid.mode_graph("car")
    rng = random.Random(5)
    stops = _snapped_stops(grid, graph, _node_stops(grid))
    for _ in range(200):
        a, b = rng.choice(stops), rng.choice(stops)
        segments = search(grid, graph, a, b, "time")
        for edge, start, end in segments or []:
            assert not (edge.oneway and end < start - 1e-6), edge.name  # a stop a rounding error past its end


@pytest.mark.parametrize("network_name", ["corridor", "grid"])
def test_whole_edge_lines_are_the_pieces_a_leg_would_cut_to_the_last_bit(network_name, request):
    network = request.getfixturevalue(network_name)
    points, starts = whole_edge_lines(network)
    for edge in network.edges:
        piece = _edge_piece(edge, 0.0, edge.length_m)
        assert np.array_equal(points[starts[edge.id] : starts[edge.id + 1]], piece), edge.id
        assert np.array_equal(
            points[starts[edge.id] : starts[edge.id + 1]][::-1], _edge_piece(edge, edge.length_m, 0.0)
        )
