"""Turning loose line work into a topology: cutting lines where another line ends on them (T-junctions)
and merging line ends that lie within a tolerance of each other into shared nodes."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import shapely
from shapely.geometry import LineString


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def split_at_t_junctions(lines: list[np.ndarray], tolerance_m: float) -> list[tuple[int, np.ndarray]]:
    """Split each line where another line's end touches its middle. Returns (line index, coords) pieces."""
    if not lines:
        return []
    geoms = (
        shapely.linestrings(list(lines))
        if len({len(c) for c in lines}) == 1
        else np.array([LineString(c) for c in lines], dtype=object)
    )
    tree = shapely.STRtree(geoms)
    end_points = shapely.points(np.array([[c[0], c[-1]] for c in lines]).reshape(-1, 2))
    owner = np.repeat(np.arange(len(lines)), 2)
    point_idx, line_idx = tree.query(end_points, predicate="dwithin", distance=tolerance_m)
    other = owner[point_idx] != line_idx
    point_idx, line_idx = point_idx[other], line_idx[other]
    at = shapely.line_locate_point(geoms[line_idx], end_points[point_idx])
    inner = (at > tolerance_m) & (at < shapely.length(geoms[line_idx]) - tolerance_m)
    cuts: dict[int, list[float]] = defaultdict(list)
    for j, distance in zip(line_idx[inner], at[inner], strict=True):
        cuts[int(j)].append(float(distance))
    pieces: list[tuple[int, np.ndarray]] = []
    for i, coords in enumerate(lines):
        if i not in cuts:
            pieces.append((i, coords))
            continue
        for part in cut_line(coords, sorted(set(cuts[i]))):
            pieces.append((i, part))
    return pieces


def cut_line(coords: np.ndarray, distances: list[float]) -> list[np.ndarray]:
    """Cut a polyline at the given distances along it (sorted, strictly inside)."""
    seg = np.hypot(*np.diff(coords, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    parts, start = [], 0.0
    for d in [*distances, float(cum[-1])]:
        parts.append(substring(coords, cum, start, d))
        start = d
    return [p for p in parts if len(p) >= 2]


def substring(coords: np.ndarray, cum: np.ndarray, a: float, b: float) -> np.ndarray:
    def point_at(d: float) -> np.ndarray:
        i = int(np.clip(np.searchsorted(cum, d, side="right") - 1, 0, len(coords) - 2))
        t = 0.0 if cum[i + 1] == cum[i] else (d - cum[i]) / (cum[i + 1] - cum[i])
        return coords[i] + t * (coords[i + 1] - coords[i])

    inner = coords[(cum > a) & (cum < b)]
    return np.vstack([point_at(a), inner, point_at(b)])


def cluster_points(points: np.ndarray, tolerance_m: float) -> tuple[np.ndarray, np.ndarray]:
    """Give points closer than the tolerance the same node id. Returns (node id per point, node coords);
    a node lies at the first point of its cluster, so exact junctions keep their exact position."""
    n = len(points)
    uf = UnionFind(n)
    if n:
        geoms = shapely.points(points)
        tree = shapely.STRtree(geoms)
        a, b = tree.query(geoms, predicate="dwithin", distance=tolerance_m)
        for i, j in zip(a, b, strict=True):
            if i < j:
                uf.union(int(i), int(j))
    roots = np.array([uf.find(i) for i in range(n)], dtype=np.int64)
    unique_roots, node_of_point = np.unique(roots, return_inverse=True)
    return node_of_point, points[unique_roots]
