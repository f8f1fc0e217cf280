"""Snapping a stop onto the network and searching the cheapest path between two snapped stops.

A stop joins the nearest edge its mode may use at the foot of the perpendicular, and the search starts
from that point in both directions along the edge (one, on a one-way street). The search is A*: the bound
is the straight-line distance to the target (divided by the fastest speed the mode reaches on the network
when optimising time), which never overestimates, so the result is exact.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

from shapely.geometry import Point

from geodata.errors import UnreachableStop
from geodata.network import Edge, ModeGraph, RoadNetwork


@dataclass
class Snapped:
    """A stop joined to the network: ``stop`` is a :class:`geodata.routing.Stop` (name, lat, lon)."""

    stop: object
    edge: Edge
    offset: float  # metres along the edge from node u, as counted (drawn metres x the edge's length_factor)
    point: tuple[float, float]  # UTM
    distance_m: float


def snap(network: RoadNetwork, graph: ModeGraph, stop, max_snap_m: float) -> Snapped:
    x, y = network.to_metric(stop.lon, stop.lat)
    point = Point(x, y)
    max_snap_m += getattr(stop, "reach_m", 0.0)
    if len(graph.edge_ids):
        found, dists = graph.tree.query_nearest(point, max_distance=max_snap_m, return_distance=True)
    else:
        found, dists = [], []
    if len(found) == 0:
        if len(graph.edge_ids):
            _, nearest = graph.tree.query_nearest(point, return_distance=True)
            where = f"the nearest is {nearest[0] / 1000:.1f} km away"
        else:
            where = "the network has none"
        raise UnreachableStop(
            f"{stop.name} cannot be reached by {graph.mode.label_en}: no road or track open to "
            f"{graph.mode.name} within {max_snap_m:.0f} m ({where})",
            stop=stop.name,
            mode=graph.mode.name,
        )
    edge = network.edges[int(graph.edge_ids[int(found[0])])]
    drawn = float(edge.line.project(point))
    on_line = edge.line.interpolate(drawn)
    return Snapped(stop, edge, drawn * edge.length_factor, (on_line.x, on_line.y), float(dists[0]))


def weight(graph: ModeGraph, edge: Edge, metres: float, optimize: str) -> float:
    return metres if optimize == "distance" else graph.edge_seconds(edge, metres)


# A segment is (edge, from offset, to offset): travel along the edge between two distances from node u.
Segment = tuple[Edge, float, float]


def search(
    network: RoadNetwork, graph: ModeGraph, src: Snapped, dst: Snapped, optimize: str
) -> list[Segment] | None:
    e, s = src.edge, src.offset
    f, t = dst.edge, dst.offset
    best = math.inf
    best_end: tuple | None = None  # ("direct",) or (node, segment to the target)
    if e.id == f.id and (t >= s or graph.may_travel(e, forward=False)):
        best = weight(graph, e, abs(t - s), optimize)
        best_end = ("direct",)

    tx, ty = dst.point
    nodes = network.nodes
    scale = 1.0 if optimize == "distance" else 1.0 / graph.max_speed_ms

    def h(n: int) -> float:
        return math.hypot(nodes[n, 0] - tx, nodes[n, 1] - ty) * scale

    dist: dict[int, float] = {}
    pred: dict[int, tuple[int | None, Edge, bool]] = {}
    heap: list[tuple[float, float, int]] = []
    starts = [(e.v, weight(graph, e, e.length_m - s, optimize), True)]
    if graph.may_travel(e, forward=False):
        starts.append((e.u, weight(graph, e, s, optimize), False))
    for node, cost, forward in starts:
        if cost < dist.get(node, math.inf):
            dist[node] = cost
            pred[node] = (None, e, forward)
            heapq.heappush(heap, (cost + h(node), cost, node))

    ends = {f.u: (t, True)}  # arriving at u, travel forward to the target point
    if graph.may_travel(f, forward=False):
        ends[f.v] = (f.length_m - t, False)
    settled: set[int] = set()
    adjacency = graph.adjacency
    while heap:
        key, d, node = heapq.heappop(heap)
        if key >= best:
            break
        if node in settled or d > dist.get(node, math.inf):
            continue
        settled.add(node)
        if node in ends:
            metres, _ = ends[node]
            total = d + weight(graph, f, metres, optimize)
            if total < best:
                best, best_end = total, (node,)
        for nb, edge_id, forward, length, seconds in adjacency.get(node, ()):
            nd = d + (length if optimize == "distance" else seconds)
            if nd < dist.get(nb, math.inf):
                dist[nb] = nd
                pred[nb] = (node, network.edges[edge_id], forward)
                heapq.heappush(heap, (nd + h(nb), nd, nb))

    if best_end is None:
        return None
    if best_end[0] == "direct":
        return [(e, s, t)]
    node = best_end[0]
    end_segment = (f, 0.0, t) if ends[node][1] else (f, f.length_m, t)
    middle: list[Segment] = []
    while True:
        prev, edge, forward = pred[node]
        if prev is None:
            first = (edge, s, edge.length_m) if forward else (edge, s, 0.0)
            break
        middle.append((edge, 0.0, edge.length_m) if forward else (edge, edge.length_m, 0.0))
        node = prev
    return [first, *reversed(middle), end_segment]


def segments_cost(graph: ModeGraph, segments: list[Segment], optimize: str) -> float:
    return sum(weight(graph, edge, abs(b - a), optimize) for edge, a, b in segments)
