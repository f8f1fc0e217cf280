"""Snapping a stop onto the network and searching the cheapest path between two snapped stops.

A stop joins the nearest edge its mode may use at the foot of the perpendicular, and the search starts
from that point in both directions along the edge (one, on a one-way street). The search is Dijkstra's, run
by :func:`scipy.sparse.csgraph.dijkstra` on a sparse matrix of node-to-node weights (per mode and optimize
criterion, built on the first route and cached on the mode's graph): the matrix has one extra row, a virtual
source joined to the source edge's end nodes at the cost of reaching them from the stop, so one compiled
search gives the cost from the stop to every node. The target is reached from either end node of its edge
(or along the edge itself when both stops are on it) and the cheapest way wins; the node path is read back
from the predecessors and each step mapped to the cheapest edge between the two nodes (the lowest edge id
among equal ones). ``_search_astar``, the pure-Python A* used before, is kept as the reference the
exactness tests compare with.
"""

from __future__ import annotations

import heapq
import math
import threading
import warnings
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
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


@dataclass(eq=False)
class _Matrix:
    """Node-to-node weights of one mode graph and optimize criterion, as CSR arrays with a virtual source
    row ``n`` whose two entries are rewritten for every search (under ``lock``). ``keys`` (row * (n + 1) +
    column, sorted) give, for a step between two nodes, the edge taken and whether it runs u -> v."""

    csr: csr_matrix
    n: int
    keys: np.ndarray
    edge_of: np.ndarray
    forward_of: np.ndarray
    lock: threading.Lock = field(default_factory=threading.Lock)


def routing_matrix(graph: ModeGraph, optimize: str) -> _Matrix:
    """The sparse weight matrix of ``graph`` for ``optimize``, built on first use and cached on the graph."""
    key = ("csr", optimize)
    matrix = graph.cache.get(key)
    if matrix is None:
        matrix = graph.cache.setdefault(key, _build_matrix(graph, optimize))
    return matrix


def _build_matrix(graph: ModeGraph, optimize: str) -> _Matrix:
    n = graph.node_count
    weights = graph.edge_length if optimize == "distance" else graph.edge_seconds_full
    u, v, ids, back = graph.edge_u, graph.edge_v, graph.edge_ids, graph.edge_backward
    # A loop (u == v) never shortens a path between nodes: it is left out of the matrix (a stop on one is
    # still routed along it, as the source or target edge).
    fwd = u != v
    bwd = fwd & back
    rows = np.concatenate([u[fwd], v[bwd]])
    cols = np.concatenate([v[fwd], u[bwd]])
    data = np.concatenate([weights[fwd], weights[bwd]]).astype(np.float64)
    edge_of = np.concatenate([ids[fwd], ids[bwd]])
    forward_of = np.concatenate([np.ones(int(fwd.sum()), dtype=bool), np.zeros(int(bwd.sum()), dtype=bool)])
    keys = rows * (n + 1) + cols
    # Parallel edges: keep the cheapest between two nodes, the lowest edge id among equal ones (the one the
    # A* reached first, walking each node's edges in id order).
    order = np.lexsort((edge_of, data, keys))
    keys, data, edge_of, forward_of, rows = (
        keys[order],
        data[order],
        edge_of[order],
        forward_of[order],
        rows[order],
    )
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    keys, data, edge_of, forward_of, rows = (
        keys[first],
        data[first],
        edge_of[first],
        forward_of[first],
        rows[first],
    )
    cols = keys % (n + 1)
    # Row n is the virtual source: two entries, set per search to the source edge's ends and their costs.
    indptr = np.zeros(n + 2, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1 : n + 1])
    indptr[n + 1] = indptr[n] + 2
    index_type = np.int32 if len(keys) + 2 < 2**31 and n + 1 < 2**31 else np.int64
    csr = csr_matrix(
        (
            np.concatenate([data, [0.0, 0.0]]),
            np.concatenate([cols, [0, 0]]).astype(index_type),
            indptr.astype(index_type),
        ),
        shape=(n + 1, n + 1),
    )
    return _Matrix(csr=csr, n=n, keys=keys, edge_of=edge_of, forward_of=forward_of)


def search(
    network: RoadNetwork, graph: ModeGraph, src: Snapped, dst: Snapped, optimize: str
) -> list[Segment] | None:
    """The cheapest path from ``src`` to ``dst`` as segments, or None when the target cannot be reached."""
    e, s = src.edge, src.offset
    f, t = dst.edge, dst.offset
    best = math.inf
    direct = False
    if e.id == f.id and (t >= s or graph.may_travel(e, forward=False)):
        best = weight(graph, e, abs(t - s), optimize)
        direct = True

    # Leaving the stop: forward to v, and backward to u where the edge may be travelled that way.
    cost_v = weight(graph, e, e.length_m - s, optimize)
    backward = graph.may_travel(e, forward=False)
    cost_u = weight(graph, e, s, optimize) if backward else cost_v
    ends = {f.u: (t, True)}  # arriving at u, travel forward to the target point
    if graph.may_travel(f, forward=False):
        ends[f.v] = (f.length_m - t, False)

    matrix = routing_matrix(graph, optimize)
    n = matrix.n
    csr = matrix.csr
    with matrix.lock:
        csr.indices[-2:] = (e.v, e.u if backward else e.v)
        csr.data[-2:] = (cost_v, cost_u)
        # Nodes dearer than going straight along a shared edge cannot improve on it: limit prunes them.
        limit = best if direct else np.inf
        if cost_v < 0 or cost_u < 0:
            # A stop snapped a rounding error past the end of its edge (GEOS and numpy measure the line a
            # last bit apart) starts at -1e-12 or so, as in the A*. Only the virtual source has the negative
            # entry and nothing leads back to it, so Dijkstra stays exact: scipy's warning does not apply.
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", "Graph has negative weights", UserWarning)
                dist, pred = dijkstra(csr, directed=True, indices=n, return_predecessors=True, limit=limit)
        else:
            dist, pred = dijkstra(csr, directed=True, indices=n, return_predecessors=True, limit=limit)

    # The cheapest arrival wins (going straight along a shared edge, on a tie), taken as the A* took them:
    # in the order it settled the ends (an end on the way to the other first, as a target on a junction is
    # reached at the far end of the edge before the junction itself; otherwise by its key, cost +
    # straight-line bound), and not once the key reaches the best cost so far, where the A* stopped. The
    # key is a lower bound, so that only matters when a stop lies a rounding error past the end of its
    # edge and the bound overshoots the cost by the last bit; an arrival cheaper by more than that (the
    # bound is not one on networks whose edges are shorter than their drawing) is taken.
    tx, ty = dst.point
    scale = 1.0 if optimize == "distance" else 1.0 / graph.max_speed_ms
    arrivals = []
    for node, (metres, _) in ends.items():
        d = float(dist[node])
        if math.isfinite(d):
            key = d + math.hypot(network.nodes[node, 0] - tx, network.nodes[node, 1] - ty) * scale
            arrivals.append((d + weight(graph, f, metres, optimize), (key, d, node)))
    if len(arrivals) == 2:
        a, b = arrivals[0][1][2], arrivals[1][1][2]
        if _on_the_way(pred, n, a, b) or (not _on_the_way(pred, n, b, a) and arrivals[1][1] < arrivals[0][1]):
            arrivals.reverse()
    best_node = None
    for total, (key, _, node) in arrivals:
        if total < best and (key < best or total < best - 1e-9 * abs(best)):
            best, best_node = total, node
    if best_node is None:
        return [(e, s, t)] if direct else None

    path = [best_node]
    while pred[path[-1]] != n:
        path.append(int(pred[path[-1]]))
    path.reverse()
    # The first step left the stop forward (to v) or backward (to u); on a loop both lead to the same node
    # and, as in the A*, forward unless backward is strictly cheaper.
    forward = (not backward or cost_v <= cost_u) if e.u == e.v else path[0] == e.v
    first = (e, s, e.length_m) if forward else (e, s, 0.0)
    middle: list[Segment] = []
    if len(path) > 1:
        nodes = np.asarray(path, dtype=np.int64)
        where = np.searchsorted(matrix.keys, nodes[:-1] * (n + 1) + nodes[1:])
        edges = network.edges
        for edge_id, step_forward in zip(
            matrix.edge_of[where].tolist(), matrix.forward_of[where].tolist(), strict=True
        ):
            edge = edges[edge_id]
            middle.append((edge, 0.0, edge.length_m) if step_forward else (edge, edge.length_m, 0.0))
    end_segment = (f, 0.0, t) if ends[best_node][1] else (f, f.length_m, t)
    return [first, *middle, end_segment]


def _on_the_way(pred: np.ndarray, source: int, to: int, node: int) -> bool:
    """Whether ``node`` is on the path the predecessors give from the virtual source to ``to``."""
    while to != source and to >= 0:
        to = int(pred[to])
        if to == node:
            return True
    return False


def _search_astar(
    network: RoadNetwork, graph: ModeGraph, src: Snapped, dst: Snapped, optimize: str
) -> list[Segment] | None:
    """The pure-Python A* this module used before the sparse-matrix search: kept as the reference the
    exactness tests (and the routing benchmark) compare :func:`search` with. Not used for routing."""
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
