"""Routing speed: the bundled corridor network (target: Malang to Bromo under 20 ms once the network is
built) and a synthetic street grid of more than 100,000 edges.

    .venv/bin/python bench/geodata_route.py [--grid 225] [--repeat 50]
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TUGU = (-7.9771493, 112.6340383, "Tugu Malang")
CRATER = (-7.9420, 112.9530, "Kawah Bromo")
JEMPLANG = (-8.0072, 112.9152, "Jemplang")


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def grid_frame(n: int, spacing: float = 100.0) -> gpd.GeoDataFrame:
    """n x n junctions 100 m apart south-east of Malang, 2*n*(n-1) two-way street edges: for each row i and
    column j < n - 1 the street east from junction (j, i), then the street north from (i, j), each with a
    random 20, 30 or 40 km/h. The lines are made in one shapely call from a coordinate array."""
    x0, y0 = 680_000.0, 9_110_000.0
    rng = random.Random(1)
    speeds = [rng.choice([20, 30, 40]) for _ in range(2 * n * (n - 1))]
    i, j = (a.ravel() for a in np.meshgrid(np.arange(n), np.arange(n - 1), indexing="ij"))
    east = np.stack(
        [
            np.column_stack([x0 + j * spacing, y0 + i * spacing]),
            np.column_stack([x0 + (j + 1) * spacing, y0 + i * spacing]),
        ],
        axis=1,
    )
    north = np.stack(
        [
            np.column_stack([x0 + i * spacing, y0 + j * spacing]),
            np.column_stack([x0 + i * spacing, y0 + (j + 1) * spacing]),
        ],
        axis=1,
    )
    coords = np.stack([east, north], axis=1).reshape(-1, 2, 2)  # east(i, j), north(i, j), east(i, j + 1)...
    lines = shapely.linestrings(coords)
    return gpd.GeoDataFrame({"class": "residential", "speed_kmh": speeds}, geometry=lines, crs="EPSG:32749")


def grid_network(n: int, spacing: float = 100.0):
    """The grid frame (:func:`grid_frame`) and the ``RoadNetwork`` built from it; returns the network and
    the seconds each of the two took."""
    from geodata.network import RoadNetwork

    start = time.perf_counter()
    gdf = grid_frame(n, spacing)
    frame_s = time.perf_counter() - start
    start = time.perf_counter()
    network = RoadNetwork.from_geodataframe(gdf)
    return network, frame_s, time.perf_counter() - start


def compare(label, fn_new, fn_old, repeat):
    new, old = timed(fn_new, repeat), timed(fn_old, repeat)
    print(
        f"  {label}: new median {new[0]:.2f} ms, p95 {new[1]:.2f} ms | old A* median {old[0]:.2f} ms, "
        f"p95 {old[1]:.2f} ms | old/new {old[0] / new[0]:.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--grid", type=int, default=225, help="junctions per side (225 gives 100,800 edges)")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    from unittest import mock

    import geodata.routing
    from geodata.corridor import load_corridor_network
    from geodata.path_search import _search_astar, routing_matrix
    from geodata.routing import route, whole_edge_lines

    def old(fn):
        def run():
            with mock.patch.object(geodata.routing, "search", _search_astar):
                fn()

        return run

    start = time.perf_counter()
    network = load_corridor_network()
    build_ms = (time.perf_counter() - start) * 1000
    for mode in ("car", "jeep"):
        network.mode_graph(mode)
    print(
        f"bundled network: {len(network.nodes)} nodes, {len(network.edges)} edges, built in {build_ms:.0f} ms"
    )
    for label, stops, mode in [
        ("Tugu -> Kawah Bromo", [TUGU, CRATER], "jeep"),
        ("Tugu -> Jemplang", [TUGU, JEMPLANG], "car"),
    ]:
        fn = lambda s=stops, m=mode: route(network, s, m)  # noqa: E731
        fn()  # the first route prepares the matrices
        compare(f"{label} ({mode})", fn, old(fn), args.repeat)

    grid, frame_s, network_s = grid_network(args.grid)
    build_s = frame_s + network_s
    start = time.perf_counter()
    graph = grid.mode_graph("car")
    graph_s = time.perf_counter() - start
    start = time.perf_counter()
    for optimize in ("time", "distance"):
        routing_matrix(graph, optimize)
    csr_s = time.perf_counter() - start
    start = time.perf_counter()
    whole_edge_lines(grid)
    lines_s = time.perf_counter() - start
    prep_s = graph_s + csr_s + lines_s
    print(
        f"synthetic grid: {len(grid.nodes)} nodes, {len(grid.edges)} edges; input frame + network built in "
        f"{build_s:.2f} s (input frame {frame_s:.2f} s, RoadNetwork.from_geodataframe {network_s:.2f} s); "
        f"first-route preparation {prep_s:.2f} s (car graph {graph_s:.2f} s, CSR matrices "
        f"time+distance {csr_s:.3f} s, whole-edge lines {lines_s:.3f} s); total {build_s + prep_s:.2f} s"
    )
    lonlat = grid.to_wgs84(grid.nodes)
    corner_a, corner_b = lonlat[np.argmin(lonlat.sum(axis=1))], lonlat[np.argmax(lonlat.sum(axis=1))]
    stops = [(corner_a[1], corner_a[0]), (corner_b[1], corner_b[0])]
    for optimize in ("distance", "time"):
        fn = lambda o=optimize: route(grid, stops, "car", optimize=o)  # noqa: E731
        compare(f"corner to corner ({optimize})", fn, old(fn), max(3, args.repeat // 5))
    rng = random.Random(2)
    pairs = [(lonlat[rng.randrange(len(lonlat))], lonlat[rng.randrange(len(lonlat))]) for _ in range(100)]
    for label, wrap in (("new", lambda f: f), ("old A*", old)):
        times = []
        for a, b in pairs:
            fn = wrap(lambda a=a, b=b: route(grid, [(a[1], a[0]), (b[1], b[0])], "car"))
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        print(
            f"  100 random pairs (time), {label}: median {statistics.median(times):.2f} ms, "
            f"p95 {times[94]:.2f} ms, max {times[-1]:.2f} ms"
        )


if __name__ == "__main__":
    main()
