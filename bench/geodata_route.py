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
from shapely.geometry import LineString

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


def grid_network(n: int, spacing: float = 100.0):
    """n x n junctions 100 m apart south-east of Malang, 2*n*(n-1) two-way street edges."""
    x0, y0 = 680_000.0, 9_110_000.0
    rng = random.Random(1)
    lines, speeds = [], []
    for i in range(n):
        for j in range(n - 1):
            lines.append(
                LineString([(x0 + j * spacing, y0 + i * spacing), (x0 + (j + 1) * spacing, y0 + i * spacing)])
            )
            lines.append(
                LineString([(x0 + i * spacing, y0 + j * spacing), (x0 + i * spacing, y0 + (j + 1) * spacing)])
            )
            speeds += [rng.choice([20, 30, 40]), rng.choice([20, 30, 40])]
    gdf = gpd.GeoDataFrame({"class": "residential", "speed_kmh": speeds}, geometry=lines, crs="EPSG:32749")
    from geodata.network import RoadNetwork

    return RoadNetwork.from_geodataframe(gdf)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--grid", type=int, default=225, help="junctions per side (225 gives 100,800 edges)")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    from geodata.corridor import load_corridor_network
    from geodata.routing import route

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
        median, p95 = timed(lambda s=stops, m=mode: route(network, s, m), args.repeat)
        print(f"  {label} ({mode}): median {median:.2f} ms, p95 {p95:.2f} ms")

    start = time.perf_counter()
    grid = grid_network(args.grid)
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    grid.mode_graph("car")
    prep_s = time.perf_counter() - start
    print(
        f"synthetic grid: {len(grid.nodes)} nodes, {len(grid.edges)} edges, built in {build_s:.1f} s, "
        f"car graph prepared in {prep_s:.1f} s"
    )
    lonlat = grid.to_wgs84(grid.nodes)
    corner_a, corner_b = lonlat[np.argmin(lonlat.sum(axis=1))], lonlat[np.argmax(lonlat.sum(axis=1))]
    stops = [(corner_a[1], corner_a[0]), (corner_b[1], corner_b[0])]
    for optimize in ("distance", "time"):
        median, p95 = timed(
            lambda o=optimize: route(grid, stops, "car", optimize=o), max(3, args.repeat // 10)
        )
        print(f"  corner to corner ({optimize}): median {median:.0f} ms, p95 {p95:.0f} ms")
    rng = random.Random(2)
    pairs = [(lonlat[rng.randrange(len(lonlat))], lonlat[rng.randrange(len(lonlat))]) for _ in range(20)]
    times = []
    for a, b in pairs:
        start = time.perf_counter()
        route(grid, [(a[1], a[0]), (b[1], b[0])], "car")
        times.append((time.perf_counter() - start) * 1000)
    print(f"  20 random pairs (time): median {statistics.median(times):.0f} ms, max {max(times):.0f} ms")


if __name__ == "__main__":
    main()
