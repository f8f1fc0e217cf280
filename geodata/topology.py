"""Turning loose line work into a topology: cutting lines where another line ends on them (T-junctions)
and merging line ends that lie within a tolerance of each other into shared nodes.

Lines are handled as one array of points with offsets (line ``i`` is ``xy[starts[i]:starts[i + 1]]``), so
that a network of a hundred thousand lines takes a few calls on whole arrays instead of a Python loop per
line; only a line that really is cut at a T-junction goes through :func:`cut_line` on its own."""

from __future__ import annotations

import numpy as np
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


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


def flatten_lines(lines: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """``(xy, starts)`` for a list of (n, 2) coordinate arrays: all points in one array, line ``i`` at
    ``xy[starts[i]:starts[i + 1]]``."""
    starts = np.zeros(len(lines) + 1, dtype=np.int64)
    np.cumsum([len(c) for c in lines], out=starts[1:])
    xy = np.concatenate([np.asarray(c, dtype=float)[:, :2] for c in lines]) if lines else np.empty((0, 2))
    return xy, starts


def split_at_t_junctions(lines: list[np.ndarray], tolerance_m: float) -> list[tuple[int, np.ndarray]]:
    """Split each line where another line's end touches its middle. Returns (line index, coords) pieces."""
    if not lines:
        return []
    xy, starts = flatten_lines(lines)
    piece_line, piece_xy, piece_starts = split_lines_at_t_junctions(xy, starts, tolerance_m)
    return [
        (int(i), piece_xy[a:b])
        for i, a, b in zip(piece_line, piece_starts[:-1], piece_starts[1:], strict=True)
    ]


def split_lines_at_t_junctions(
    xy: np.ndarray, starts: np.ndarray, tolerance_m: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`split_at_t_junctions` on flat lines (see :func:`flatten_lines`; every line has at least two
    points). Returns ``(piece_line, piece_xy, piece_starts)``: the pieces in line order, each with the index
    of the line it comes from; a line that is not cut is one piece with its own points."""
    n_lines = len(starts) - 1
    if n_lines == 0:
        return np.empty(0, dtype=np.int64), np.empty((0, 2)), np.zeros(1, dtype=np.int64)
    counts = np.diff(starts)
    geoms = shapely.linestrings(xy, indices=np.repeat(np.arange(n_lines), counts))
    tree = shapely.STRtree(geoms)
    # Line ends 2i and 2i + 1 are line i's. Ends at the same spot (the many ends at one junction) give the
    # same answers, so each spot is asked about once and its answers stand for each of its ends.
    ends = np.column_stack([xy[starts[:-1]], xy[starts[1:] - 1]]).reshape(-1, 2)
    spot_end, spot_of_end = coincident_points(ends)
    spots = shapely.points(ends[spot_end])
    spot_idx, line_idx = tree.query(spots, predicate="dwithin", distance=tolerance_m)
    # An end does not cut its own line: keep a (spot, line) pair if any end at the spot is another line's.
    ends_by_spot = np.argsort(spot_of_end, kind="stable")
    spot_start = np.zeros(len(spot_end) + 1, dtype=np.int64)
    np.cumsum(np.bincount(spot_of_end, minlength=len(spot_end)), out=spot_start[1:])
    size = np.diff(spot_start)[spot_idx]
    pair = np.repeat(np.arange(len(spot_idx)), size)
    member = ends_by_spot[
        np.repeat(spot_start[spot_idx], size) + np.arange(len(pair)) - np.repeat(np.cumsum(size) - size, size)
    ]
    other = np.zeros(len(spot_idx), dtype=bool)
    other[pair[member // 2 != line_idx[pair]]] = True
    spot_idx, line_idx = spot_idx[other], line_idx[other]
    at = shapely.line_locate_point(geoms[line_idx], spots[spot_idx])
    inner = (at > tolerance_m) & (at < shapely.length(geoms[line_idx]) - tolerance_m)
    line_idx, at = line_idx[inner], at[inner]
    if not len(line_idx):
        return np.arange(n_lines, dtype=np.int64), xy, starts
    # Each cut line's distinct cut distances in increasing order: sorted by line, then distance, repeats dropped.
    order = np.lexsort((at, line_idx))
    line_idx, at = line_idx[order], at[order]
    distinct = np.concatenate([[True], (line_idx[1:] != line_idx[:-1]) | (at[1:] != at[:-1])])
    line_idx, at = line_idx[distinct], at[distinct]
    cut_lines, first = np.unique(line_idx, return_index=True)
    bounds = [*first.tolist(), len(at)]
    parts_of: dict[int, list[np.ndarray]] = {}
    for k, i in enumerate(cut_lines.tolist()):
        parts_of[i] = cut_line(xy[starts[i] : starts[i + 1]], at[bounds[k] : bounds[k + 1]].tolist())
    # Lines that are not cut keep their points; a cut line's points are replaced by its parts' points.
    piece_count = np.ones(n_lines, dtype=np.int64)
    piece_count[cut_lines] = [len(parts_of[i]) for i in cut_lines.tolist()]
    piece_line = np.repeat(np.arange(n_lines), piece_count)
    sizes = counts[piece_line].copy()
    is_cut = np.zeros(n_lines, dtype=bool)
    is_cut[cut_lines] = True
    cut_pieces = np.flatnonzero(is_cut[piece_line])
    sizes[cut_pieces] = [len(p) for i in cut_lines.tolist() for p in parts_of[i]]
    piece_starts = np.zeros(len(piece_line) + 1, dtype=np.int64)
    np.cumsum(sizes, out=piece_starts[1:])
    piece_xy = np.empty((int(piece_starts[-1]), 2))
    kept = ~is_cut[np.repeat(np.arange(n_lines), counts)]
    piece_xy[~np.repeat(is_cut[piece_line], sizes)] = xy[kept]
    piece_xy[np.repeat(is_cut[piece_line], sizes)] = np.concatenate(
        [p for i in cut_lines.tolist() for p in parts_of[i]]
    )
    return piece_line, piece_xy, piece_starts


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
    a node lies at the first point of its cluster, so exact junctions keep their exact position. Clusters
    chain: two points farther apart than the tolerance share a node when a third lies near both. Nodes are
    numbered in the order of their first points."""
    n = len(points)
    if not n:
        return np.empty(0, dtype=np.int64), points[:0]
    # Points at the same spot are within any tolerance of each other (GEOS's dwithin: distance 0 <= d; a
    # negative or NaN tolerance joins nothing, not even a point with itself): each spot is queried once.
    if tolerance_m >= 0:
        spot_point, spot_of_point = coincident_points(points)
    else:
        spot_point, spot_of_point = np.arange(n), np.arange(n)
    geoms = shapely.points(points[spot_point])
    a, b = shapely.STRtree(geoms).query(geoms, predicate="dwithin", distance=tolerance_m)
    m = len(spot_point)
    pairs = coo_matrix((np.ones(len(a), dtype=bool), (a, b)), shape=(m, m))
    _, label_of_spot = connected_components(pairs, directed=False)
    label = label_of_spot[spot_of_point]
    # Each cluster's first point (np.unique's first occurrence), clusters ordered by that point.
    _, first = np.unique(label, return_index=True)
    order = np.argsort(first)
    node_of_label = np.empty(len(first), dtype=np.int64)
    node_of_label[order] = np.arange(len(first))
    return node_of_label[label], points[first[order]]


def coincident_points(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Points with the same coordinates bit for bit: ``(first, spot)``, the index of the first point at
    each distinct spot and each point's spot (an index into ``first``)."""
    n = len(points)
    bits = np.ascontiguousarray(points, dtype=float).view(np.int64).reshape(n, 2)
    order = np.lexsort((bits[:, 1], bits[:, 0]))  # stable: the points at one spot in index order
    ordered = bits[order]
    new = np.ones(n, dtype=bool)
    new[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    spot = np.empty(n, dtype=np.int64)
    spot[order] = np.cumsum(new) - 1
    return order[new], spot
