"""Routes over a :class:`~geodata.network.RoadNetwork`: legs between stops, for one travel mode.

A stop is snapped onto the nearest edge its mode may use, at the foot of the perpendicular, and the edge is
entered from that point in either direction (the edge is split there, not rounded to a node). The walk from
the stop to the road is reported per leg as ``start_snap``/``end_snap`` and not added to the leg, because
it is not travelled in the mode: a car does not drive the last 300 m to a temple gate.

The search (:mod:`geodata.path_search`) is scipy's compiled Dijkstra on a sparse matrix of node-to-node
weights, built per mode and criterion on the first route, with the same answers as the pure-Python A* it
replaced (issue 18: a route on a 100,000-edge network in well under 25 ms).
"""

from __future__ import annotations

import itertools
import math
import threading
import weakref
from dataclasses import dataclass, field

import numpy as np
from shapely.geometry import LineString

from geodata.errors import RoutingError, UnreachableStop
from geodata.modes import Mode, get_mode
from geodata.network import Edge, ModeGraph, RoadNetwork
from geodata.path_search import Segment, Snapped, search, segments_cost, snap
from geodata.topology import substring

DEFAULT_MAX_SNAP_M = 1000.0
OPTIMIZE = ("time", "distance")
# How much further from a road a stop may lie, keyed by the places file's ``location_precision``. A village's
# reference point ("area") marks the middle of village land that stretches some kilometres from the road
# serving it, so the village is reached where that road ends. A point that is only "approximate" (rounded
# to arc-minutes) gets no more: widening it would let a car "reach" a temple in the sand sea.
REACH_M = {"site": 0.0, "approximate": 0.0, "area": 3000.0}


@dataclass(frozen=True)
class Stop:
    """A named point to route through (WGS84). ``reach_m`` widens how far from a road it may be snapped."""

    name: str
    lat: float
    lon: float
    reach_m: float = 0.0

    @classmethod
    def of(cls, obj) -> Stop:
        """Accept a Stop, a ``(lat, lon)`` or ``(lat, lon, name)`` tuple, a mapping, or any object with
        ``name`` (or ``title``) and ``lat``/``lon`` (or ``latitude``/``longitude``) attributes, such as a
        Place or a place page; its ``location_precision``, if any, sets ``reach_m``."""
        if isinstance(obj, Stop):
            return obj
        if isinstance(obj, tuple | list):
            lat, lon = float(obj[0]), float(obj[1])
            name = str(obj[2]) if len(obj) > 2 else f"{lat:.5f},{lon:.5f}"
            return cls(name, lat, lon)
        get = obj.get if isinstance(obj, dict) else lambda k, d=None: getattr(obj, k, d)
        lat = get("lat", None)
        lat = get("latitude", None) if lat is None else lat
        lon = get("lon", None)
        lon = get("longitude", get("lng", None)) if lon is None else lon
        if lat is None or lon is None:
            raise TypeError(f"cannot use {obj!r} as a stop: it needs lat and lon")
        lat, lon = float(lat), float(lon)
        reach = REACH_M.get(get("location_precision", None) or "site", 0.0)
        name = get("name", None) or get("title", None) or f"{lat:.5f},{lon:.5f}"
        return cls(str(name), lat, lon, reach)


@dataclass(frozen=True)
class Snap:
    """Where a stop joined the network: the point on the road and the off-network distance to it."""

    distance_m: float
    lat: float
    lon: float
    road: str | None

    def to_dict(self) -> dict:
        return {
            "distance_m": round(self.distance_m, 1),
            "lat": round(self.lat, 6),
            "lon": round(self.lon, 6),
            "road": self.road,
        }


@dataclass
class Leg:
    from_name: str
    to_name: str
    mode: str
    distance_m: float
    duration_s: float
    geometry: LineString  # WGS84 lon/lat
    road_names: list[str]
    start_snap: Snap
    end_snap: Snap

    def to_dict(self, *, geometry: bool = True) -> dict:
        data = {
            "from": self.from_name,
            "to": self.to_name,
            "mode": self.mode,
            "distance_m": round(self.distance_m, 1),
            "duration_s": round(self.duration_s, 1),
            "road_names": list(self.road_names),
            "snap": {"start": self.start_snap.to_dict(), "end": self.end_snap.to_dict()},
        }
        if geometry:
            data["geometry"] = {
                "type": "LineString",
                "coordinates": [[round(x, 6), round(y, 6)] for x, y in self.geometry.coords],
            }
        return data


@dataclass
class Route:
    mode: str
    optimize: str
    stops: list[Stop]
    legs: list[Leg] = field(default_factory=list)

    @property
    def distance_m(self) -> float:
        return sum(leg.distance_m for leg in self.legs)

    @property
    def duration_s(self) -> float:
        return sum(leg.duration_s for leg in self.legs)

    @property
    def road_names(self) -> list[str]:
        return _collapse(name for leg in self.legs for name in leg.road_names)

    @property
    def geometry(self) -> LineString:
        coords: list[tuple[float, float]] = []
        for leg in self.legs:
            part = list(leg.geometry.coords)
            coords.extend(part[1:] if coords and part and coords[-1] == part[0] else part)
        return LineString(coords)

    def to_dict(self, *, geometry: bool = True) -> dict:
        return {
            "mode": self.mode,
            "optimize": self.optimize,
            "distance_m": round(self.distance_m, 1),
            "duration_s": round(self.duration_s, 1),
            "stops": [{"name": s.name, "lat": s.lat, "lon": s.lon} for s in self.stops],
            "legs": [leg.to_dict(geometry=geometry) for leg in self.legs],
        }


def route(
    network: RoadNetwork,
    stops,
    mode: str | Mode = "car",
    *,
    optimize: str = "time",
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
) -> Route:
    """Route through ``stops`` in the given order. ``optimize`` is ``"time"`` (fastest) or ``"distance"``
    (shortest). Raises :class:`UnreachableStop` naming the stop and mode when a stop is more than
    ``max_snap_m`` from every road the mode may use, or is cut off from the previous stop."""
    if optimize not in OPTIMIZE:
        raise RoutingError(f"optimize must be one of {OPTIMIZE}, not {optimize!r}")
    mode_obj = get_mode(mode)
    stop_list = [Stop.of(s) for s in stops]
    if len(stop_list) < 2:
        raise RoutingError("a route needs at least two stops")
    graph = network.mode_graph(mode_obj)
    snapped = [snap(network, graph, s, max_snap_m) for s in stop_list]
    result = Route(mode=mode_obj.name, optimize=optimize, stops=stop_list)
    for a, b in itertools.pairwise(snapped):
        segments = search(network, graph, a, b, optimize)
        if segments is None:
            raise UnreachableStop(
                f"{b.stop.name} cannot be reached by {mode_obj.label_en} from {a.stop.name}: "
                f"no connected road or track open to {mode_obj.name} joins them",
                stop=b.stop.name,
                mode=mode_obj.name,
            )
        result.legs.append(_make_leg(network, graph, a, b, segments))
    return result


def best_order(
    network: RoadNetwork,
    stops,
    mode: str | Mode = "car",
    *,
    fix_start: bool = True,
    fix_end: bool = True,
    optimize: str = "time",
    max_snap_m: float = DEFAULT_MAX_SNAP_M,
) -> list:
    """Reorder up to 12 stops to make the trip shortest (by ``optimize``), keeping the first and/or last
    stop in place. Exact (Held-Karp dynamic programming). Returns the stops as given, reordered."""
    items = list(stops)
    if len(items) > 12:
        raise RoutingError("best_order handles at most 12 stops")
    if len(items) <= 2:
        return items
    mode_obj = get_mode(mode)
    graph = network.mode_graph(mode_obj)
    snapped = [snap(network, graph, Stop.of(s), max_snap_m) for s in items]
    n = len(items)
    cost = np.full((n, n), math.inf)
    for i, j in itertools.permutations(range(n), 2):
        segments = search(network, graph, snapped[i], snapped[j], optimize)
        if segments is not None:
            cost[i, j] = segments_cost(graph, segments, optimize)

    # A free start or end is a virtual stop joined to every real stop at no cost, so one Held-Karp pass
    # over the real stops covers every choice of first and last stop.
    size = n + 2
    full = np.zeros((size, size))
    full[:n, :n] = cost
    start, end = (0, n - 1) if fix_start and fix_end else (n, n + 1)
    if fix_start and not fix_end:
        start = 0
    if fix_end and not fix_start:
        end = n - 1
    full[n + 1, :] = math.inf  # nothing leaves the virtual end
    full[:, n] = math.inf  # nothing enters the virtual start
    middle = [k for k in range(n) if k not in (start, end)]
    total, order = _held_karp(full, start, end, middle)
    best = (total, [k for k in order if k < n])
    if not best[1]:
        raise UnreachableStop(
            f"no order of these stops can be travelled by {mode_obj.label_en}",
            stop=snapped[-1].stop.name,
            mode=mode_obj.name,
        )
    return [items[k] for k in best[1]]


def _held_karp(cost: np.ndarray, start: int, end: int, middle: list[int]) -> tuple[float, list[int]]:
    m = len(middle)
    # dp[(mask, j)] = (cost, previous) for paths start -> ... -> middle[j] visiting mask
    dp: dict[tuple[int, int], tuple[float, int]] = {}
    for j in range(m):
        dp[(1 << j, j)] = (cost[start, middle[j]], -1)
    for mask in range(1, 1 << m):
        for j in range(m):
            if not mask & (1 << j) or (mask, j) not in dp:
                continue
            base = dp[(mask, j)][0]
            for k in range(m):
                if mask & (1 << k):
                    continue
                key = (mask | (1 << k), k)
                value = base + cost[middle[j], middle[k]]
                if value < dp.get(key, (math.inf, -1))[0]:
                    dp[key] = (value, j)
    if m == 0:
        return cost[start, end], [start, end]
    full = (1 << m) - 1
    total, last = min(
        ((dp[(full, j)][0] + cost[middle[j], end], j) for j in range(m) if (full, j) in dp),
        default=(math.inf, -1),
    )
    if not math.isfinite(total):
        return math.inf, []
    order, mask, j = [], full, last
    while j != -1:
        order.append(middle[j])
        prev = dp[(mask, j)][1]
        mask &= ~(1 << j)
        j = prev
    return total, [start, *reversed(order), end]


def _make_leg(network: RoadNetwork, graph: ModeGraph, a: Snapped, b: Snapped, segments: list[Segment]) -> Leg:
    parts: list[np.ndarray] = []
    metres = seconds = 0.0
    names: list[str | None] = []
    whole_ids: list[int] = []  # a run of edges travelled end to end, drawn from the precomputed lines
    whole_reversed: list[bool] = []
    for edge, start, end in segments:
        length = abs(end - start)
        metres += length
        seconds += graph.edge_seconds(edge, length)
        if length > 0.5:  # a zero-length piece at a node is not a road travelled
            names.append(edge.name)
        if (start == 0.0 and end == edge.length_m) or (start == edge.length_m and end == 0.0):
            whole_ids.append(edge.id)
            whole_reversed.append(start > end)
            continue
        if whole_ids:
            parts.append(_whole_edges_line(network, whole_ids, whole_reversed))
            whole_ids, whole_reversed = [], []
        parts.append(_edge_piece(edge, start, end))
    if whole_ids:
        parts.append(_whole_edges_line(network, whole_ids, whole_reversed))
    coords = np.vstack(parts) if parts else np.array([a.point, b.point])
    keep = np.concatenate([[True], np.any(np.diff(coords, axis=0) != 0, axis=1)])
    coords = coords[keep]
    if len(coords) < 2:
        coords = np.vstack([coords, coords])
    lonlat = network.to_wgs84(coords)
    return Leg(
        from_name=a.stop.name,
        to_name=b.stop.name,
        mode=graph.mode.name,
        distance_m=metres,
        duration_s=seconds,
        geometry=LineString(lonlat),
        road_names=_collapse(names),
        start_snap=_snap_info(network, a),
        end_snap=_snap_info(network, b),
    )


def _edge_piece(edge: Edge, start: float, end: float) -> np.ndarray:
    """The part of an edge's line between two offsets (counted metres from u), in the direction travelled."""
    drawn = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(edge.coords, axis=0).T))])
    cum = drawn * edge.length_factor  # offsets are counted metres, as the edge's length_m
    piece = substring(edge.coords, cum, min(start, end), max(start, end))
    return piece[::-1] if start > end else piece


# Per network: the line _edge_piece gives for every whole edge (offsets 0 to length_m), all edges' points in
# one array and where each edge's start, so that a long route's line is gathered in a few numpy calls.
_WHOLE_EDGE_LINES: weakref.WeakKeyDictionary[RoadNetwork, tuple[np.ndarray, np.ndarray]] = (
    weakref.WeakKeyDictionary()
)
_WHOLE_EDGE_LINES_LOCK = threading.Lock()


def whole_edge_lines(network: RoadNetwork) -> tuple[np.ndarray, np.ndarray]:
    """``(points, starts)``: edge ``i`` is drawn ``points[starts[i]:starts[i + 1]]`` from u to v, exactly the
    numbers ``_edge_piece(edge, 0.0, edge.length_m)`` gives. Computed on the first route over a network (the
    edges grouped by their number of points, each group at once) and kept while the network lives."""
    cached = _WHOLE_EDGE_LINES.get(network)
    if cached is not None:
        return cached
    with _WHOLE_EDGE_LINES_LOCK:
        cached = _WHOLE_EDGE_LINES.get(network)
        if cached is None:
            cached = _WHOLE_EDGE_LINES[network] = _compute_whole_edge_lines(network.edges)
    return cached


def _compute_whole_edge_lines(edges) -> tuple[np.ndarray, np.ndarray]:
    counts = np.array([len(e.coords) for e in edges], dtype=np.int64)
    piece_counts = np.zeros(len(edges), dtype=np.int64)
    groups = []
    for n in np.unique(counts).tolist():
        index = np.flatnonzero(counts == n)
        coords = np.stack([np.asarray(edges[i].coords, dtype=float) for i in index])  # (edges, n, 2)
        factor = np.array([edges[i].length_factor for i in index], dtype=float)
        length = np.array([edges[i].length_m for i in index], dtype=float)
        step = np.diff(coords, axis=1)
        drawn = np.concatenate(
            [np.zeros((len(index), 1)), np.cumsum(np.hypot(step[..., 0], step[..., 1]), axis=1)], axis=1
        )
        cum = drawn * factor[:, None]
        first = _points_at(coords, cum, np.zeros(len(index)))
        last = _points_at(coords, cum, length)
        inner = (cum > 0.0) & (cum < length[:, None])
        points = np.concatenate([first[:, None], coords, last[:, None]], axis=1)
        ends = np.ones((len(index), 1), dtype=bool)
        keep = np.concatenate([ends, inner, ends], axis=1)
        groups.append((index, points[keep], keep.sum(axis=1)))
        piece_counts[index] = keep.sum(axis=1)
    starts = np.zeros(len(edges) + 1, dtype=np.int64)
    np.cumsum(piece_counts, out=starts[1:])
    all_points = np.empty((int(starts[-1]), 2))
    for index, points, count in groups:
        local = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
        all_points[np.repeat(starts[index], count) + local] = points
    return all_points, starts


def _points_at(coords: np.ndarray, cum: np.ndarray, d: np.ndarray) -> np.ndarray:
    """``substring``'s point at distance ``d`` along each line of a group, the same operations on arrays."""
    rows = np.arange(len(coords))
    i = np.clip((cum <= d[:, None]).sum(axis=1) - 1, 0, coords.shape[1] - 2)
    at, after = cum[rows, i], cum[rows, i + 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(after == at, 0.0, (d - at) / (after - at))
    return coords[rows, i] + t[:, None] * (coords[rows, i + 1] - coords[rows, i])


def _whole_edges_line(network: RoadNetwork, edge_ids: list[int], reversed_: list[bool]) -> np.ndarray:
    points, starts = whole_edge_lines(network)
    ids = np.asarray(edge_ids, dtype=np.int64)
    first = starts[ids]
    count = starts[ids + 1] - first
    local = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    backward = np.repeat(np.asarray(reversed_, dtype=bool), count)
    index = np.where(backward, np.repeat(first + count - 1, count) - local, np.repeat(first, count) + local)
    return points[index]


def _snap_info(network: RoadNetwork, snapped: Snapped) -> Snap:
    lonlat = network.to_wgs84(np.array([snapped.point]))[0]
    return Snap(snapped.distance_m, float(lonlat[1]), float(lonlat[0]), snapped.edge.name)


def _collapse(names) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and (not out or out[-1] != name):
            out.append(name)
    return out


def format_duration(seconds: float) -> str:
    """``h:mm``, rounded to the minute."""
    minutes = int(round(seconds / 60))
    return f"{minutes // 60}:{minutes % 60:02d}"


__all__ = ["Leg", "Route", "Snap", "Stop", "best_order", "format_duration", "route"]
