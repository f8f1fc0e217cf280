"""A road network: line features turned into a graph that can be routed on.

Lines are measured in UTM zone 49S (EPSG:32749), which covers Malang and the whole Bromo-Tengger-Semeru
massif with little scale error, so an edge's length is its geometry's length in metres. Two line ends
closer than ``tolerance_m`` become one node (hand-drawn or digitised data rarely meets exactly), and a line
end that falls on the middle of another line splits that line there (a T-junction). Lines that merely
cross are *not* joined: a bridge over a road is not a junction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pandas.api.types as pd_types
import shapely
from pyproj import Transformer
from shapely.geometry import LineString

from geodata.modes import Mode, default_speed, get_mode, parse_edge_modes
from geodata.topology import UnionFind, cluster_points, split_lines_at_t_junctions

METRIC_CRS = "EPSG:32749"
WGS84 = "EPSG:4326"
DEFAULT_TOLERANCE_M = 15.0
# shapely type ids of MultiPoint, MultiLineString, MultiPolygon and GeometryCollection: what explode() splits.
_MULTI_PART_TYPES = (4, 5, 6, 7)


@dataclass(eq=False)
class Edge:
    """One piece of road between two nodes. ``coords`` are UTM 49S metres from node ``u`` to node ``v``."""

    id: int
    u: int
    v: int
    coords: np.ndarray
    length_m: float
    speed_kmh: float
    modes: frozenset[str]
    name: str | None = None
    road_class: str | None = None
    surface: str | None = None
    oneway: bool = False
    source: str | None = None
    # Published walked length / drawn length, for a trail drawn as a few straight lines (corridor_build):
    # ``length_m`` is then the published length, so distances and times follow the published figures.
    length_factor: float = 1.0

    @cached_property
    def line(self) -> LineString:
        return LineString(self.coords)


@dataclass
class Component:
    """A connected piece of the network, as reported by :meth:`RoadNetwork.components`."""

    index: int
    edge_count: int
    length_m: float
    names: list[str]
    lat: float
    lon: float
    bounds: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat
    is_main: bool = False

    def describe(self) -> str:
        names = ", ".join(self.names[:4]) or "unnamed roads"
        more = f" and {len(self.names) - 4} more" if len(self.names) > 4 else ""
        return (
            f"piece {self.index}: {self.edge_count} edges, {self.length_m / 1000:.1f} km "
            f"({names}{more}) near {self.lat:.5f},{self.lon:.5f}"
        )


@dataclass(eq=False)
class ModeGraph:
    """The part of a network one mode may use, prepared for routing: a spatial index of usable edges for
    snapping and, per usable edge, its ends, length, travel time and whether it may be travelled backward.
    Built once per mode and cached on the network; :mod:`geodata.path_search` keeps its routing matrices
    (one per optimize criterion, built on the first route) in ``cache``."""

    mode: Mode
    edge_ids: np.ndarray
    tree: shapely.STRtree
    node_count: int = 0
    # Per usable edge, aligned with ``edge_ids``: node u, node v, length_m, seconds, may travel v -> u.
    edge_u: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    edge_v: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    edge_length: np.ndarray = field(default_factory=lambda: np.empty(0))
    edge_seconds_full: np.ndarray = field(default_factory=lambda: np.empty(0))
    edge_backward: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=bool))
    max_speed_ms: float = 1.0
    cache: dict = field(default_factory=dict, repr=False)

    def edge_seconds(self, edge: Edge, metres: float) -> float:
        return metres / (self.mode.speed_kmh(edge.speed_kmh) / 3.6)

    def may_travel(self, edge: Edge, forward: bool) -> bool:
        return forward or not edge.oneway or not self.mode.follows_oneway

    @cached_property
    def adjacency(self) -> dict[int, list[tuple[int, int, bool, float, float]]]:
        """adjacency[node] = list of (neighbour, edge id, forward?, length_m, seconds), in edge order: what
        the pure-Python reference search walks (the routing itself uses the sparse matrices)."""
        adjacency: dict[int, list[tuple[int, int, bool, float, float]]] = defaultdict(list)
        for edge_id, u, v, length, seconds, backward in zip(
            self.edge_ids.tolist(),
            self.edge_u.tolist(),
            self.edge_v.tolist(),
            self.edge_length.tolist(),
            self.edge_seconds_full.tolist(),
            self.edge_backward.tolist(),
            strict=True,
        ):
            adjacency[u].append((v, edge_id, True, length, seconds))
            if backward:
                adjacency[v].append((u, edge_id, False, length, seconds))
        return dict(adjacency)


class RoadNetwork:
    """Nodes and edges in UTM 49S, plus one cached :class:`ModeGraph` per travel mode."""

    def __init__(
        self,
        nodes: np.ndarray,
        edges: list[Edge],
        *,
        tolerance_m: float = DEFAULT_TOLERANCE_M,
        metadata: dict | None = None,
    ):
        self.nodes = nodes
        self.edges = edges
        self.tolerance_m = tolerance_m
        self.metadata = metadata or {}
        self._mode_graphs: dict[str, ModeGraph] = {}
        self._to_wgs84 = Transformer.from_crs(METRIC_CRS, WGS84, always_xy=True)
        self._to_metric = Transformer.from_crs(WGS84, METRIC_CRS, always_xy=True)

    # --- building -------------------------------------------------------------------------------------

    @classmethod
    def from_geodataframe(
        cls, gdf: gpd.GeoDataFrame, *, tolerance_m: float = DEFAULT_TOLERANCE_M, metadata: dict | None = None
    ) -> RoadNetwork:
        """Build from line features with (optional) properties ``name``, ``class``, ``modes``,
        ``surface``, ``speed_kmh``, ``oneway``, ``source``. Input in any CRS (WGS84 if none is set)."""
        if gdf.crs is None:
            gdf = gdf.set_crs(WGS84)
        gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty].to_crs(METRIC_CRS)
        if np.isin(shapely.get_type_id(gdf.geometry.array), _MULTI_PART_TYPES).any():
            gdf = gdf.explode(index_parts=False)  # (a frame of single lines is left as it is)
        gdf = gdf[gdf.geom_type == "LineString"]

        # All lines' points in one array (x, y; a z is dropped), line i at xy[starts[i]:starts[i + 1]].
        xy, line_of_point = shapely.get_coordinates(np.asarray(gdf.geometry.array), return_index=True)
        counts = np.bincount(line_of_point, minlength=len(gdf))
        usable = counts >= 2
        if not usable.all():
            xy, counts = xy[np.repeat(usable, counts)], counts[usable]
        starts = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        attrs = _edge_attribute_columns(
            gdf.drop(columns=gdf.geometry.name).iloc[np.flatnonzero(usable)], set(gdf.columns)
        )
        reverse = np.asarray(attrs.pop("reverse"), dtype=bool)
        if reverse.any():  # oneway=-1: the line is drawn against the direction of travel
            line = np.repeat(np.arange(len(counts)), counts)
            local = np.arange(len(xy)) - starts[line]
            xy = xy[np.where(reverse[line], starts[line + 1] - 1 - local, starts[line] + local)]
        return cls._assemble(xy, starts, attrs, tolerance_m=tolerance_m, metadata=metadata)

    @classmethod
    def from_file(
        cls, path: str | Path, *, layer: str | None = None, tolerance_m: float = DEFAULT_TOLERANCE_M
    ) -> RoadNetwork:
        """Read lines from GeoJSON, GeoPackage, shapefile... or an OpenStreetMap ``.osm``/``.osm.pbf``."""
        path = Path(path)
        if path.name.endswith((".osm", ".osm.pbf", ".pbf", ".osm.xml")):
            return cls.from_osm(path, tolerance_m=tolerance_m)
        gdf = gpd.read_file(path, layer=layer) if layer else gpd.read_file(path)
        metadata = None
        if path.suffix.lower() in (".geojson", ".json"):
            try:
                metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata")
            except (ValueError, UnicodeDecodeError):
                metadata = None
        return cls.from_geodataframe(gdf, tolerance_m=tolerance_m, metadata=metadata)

    @classmethod
    def from_osm(cls, path: str | Path, *, tolerance_m: float = DEFAULT_TOLERANCE_M) -> RoadNetwork:
        """Read the ``highway=*`` ways of an OSM XML or PBF file (offline, with pyosmium)."""
        from geodata.osm import read_osm_roads

        return cls.from_geodataframe(read_osm_roads(path), tolerance_m=tolerance_m)

    @classmethod
    def _assemble(
        cls,
        xy: np.ndarray,
        starts: np.ndarray,
        attrs: dict[str, list],
        *,
        tolerance_m: float,
        metadata: dict | None,
    ) -> RoadNetwork:
        """Lines as one point array with offsets (see :func:`geodata.topology.flatten_lines`) and their
        attributes as columns (:func:`_edge_attribute_columns`) -> pieces between junctions -> edges."""
        piece_line, xy, starts = split_lines_at_t_junctions(xy, starts, tolerance_m)
        ends = np.column_stack([xy[starts[:-1]], xy[starts[1:] - 1]]).reshape(-1, 2)
        node_of_end, nodes = cluster_points(ends, tolerance_m)
        lengths = _piece_lengths(xy, starts)
        kept = np.flatnonzero(~(lengths <= 0))  # a zero-length piece is no edge
        line = piece_line[kept]
        factor = np.asarray(attrs["length_factor"], dtype=float)
        columns = [
            [attrs[key][i] for i in line.tolist()]
            for key in ("speed_kmh", "modes", "name", "road_class", "surface", "oneway", "source")
        ]
        edges = [
            Edge(edge_id, u, v, xy[a:b], length_m, *values)
            for edge_id, (u, v, a, b, length_m, *values) in enumerate(
                zip(
                    node_of_end[2 * kept].tolist(),
                    node_of_end[2 * kept + 1].tolist(),
                    starts[kept].tolist(),
                    starts[kept + 1].tolist(),
                    (lengths[kept] * factor[line]).tolist(),
                    *columns,
                    factor[line].tolist(),
                    strict=True,
                )
            )
        ]
        return cls(nodes, edges, tolerance_m=tolerance_m, metadata=metadata)

    # --- inspection -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.edges)

    def __repr__(self) -> str:
        return f"<RoadNetwork {len(self.nodes)} nodes, {len(self.edges)} edges>"

    @property
    def total_length_m(self) -> float:
        return float(sum(e.length_m for e in self.edges))

    def to_wgs84(self, coords: np.ndarray) -> np.ndarray:
        x, y = self._to_wgs84.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    def to_metric(self, lon: float, lat: float) -> tuple[float, float]:
        return self._to_metric.transform(lon, lat)

    def to_geodataframe(self) -> gpd.GeoDataFrame:
        """Edges as WGS84 lines with their properties (for maps and export)."""
        records = [
            {
                "name": e.name,
                "class": e.road_class,
                "modes": sorted(e.modes),
                "surface": e.surface,
                "speed_kmh": e.speed_kmh,
                "length_m": round(e.length_m, 1),
                "oneway": e.oneway,
            }
            for e in self.edges
        ]
        geoms = [LineString(self.to_wgs84(e.coords)) for e in self.edges]
        return gpd.GeoDataFrame(records, geometry=geoms, crs=WGS84)

    def components(self, mode: str | Mode | None = None) -> list[Component]:
        """Connected pieces, largest first, each with its road names and where it lies. With ``mode``,
        only the edges that mode may use count (a hiking trail is then its own piece for a car)."""
        mode_obj = get_mode(mode) if mode is not None else None
        edges = [e for e in self.edges if mode_obj is None or mode_obj.may_use(e.modes)]
        uf = UnionFind(len(self.nodes))
        for e in edges:
            uf.union(e.u, e.v)
        groups: dict[int, list[Edge]] = defaultdict(list)
        for e in edges:
            groups[uf.find(e.u)].append(e)
        ordered = sorted(groups.values(), key=lambda es: -sum(e.length_m for e in es))
        result = []
        for index, group in enumerate(ordered, start=1):
            coords = np.vstack([e.coords for e in group])
            lonlat = self.to_wgs84(coords)
            names = sorted({e.name for e in group if e.name})
            mid = group[0].line.interpolate(0.5, normalized=True)
            lon, lat = self._to_wgs84.transform(mid.x, mid.y)
            result.append(
                Component(
                    index=index,
                    edge_count=len(group),
                    length_m=sum(e.length_m for e in group),
                    names=names,
                    lat=round(lat, 6),
                    lon=round(lon, 6),
                    bounds=(
                        float(lonlat[:, 0].min()),
                        float(lonlat[:, 1].min()),
                        float(lonlat[:, 0].max()),
                        float(lonlat[:, 1].max()),
                    ),
                    is_main=index == 1,
                )
            )
        return result

    # --- routing preparation --------------------------------------------------------------------------

    def mode_graph(self, mode: str | Mode) -> ModeGraph:
        mode_obj = get_mode(mode)
        cached = self._mode_graphs.get(mode_obj.name)
        if cached is not None:
            return cached
        usable = [e for e in self.edges if mode_obj.may_use(e.modes)]
        speeds_ms = (
            np.minimum(np.array([e.speed_kmh for e in usable], dtype=float), mode_obj.max_speed_kmh) / 3.6
        )
        lengths = np.array([e.length_m for e in usable], dtype=float)
        oneway = np.array([e.oneway for e in usable], dtype=bool)
        graph = ModeGraph(
            mode=mode_obj,
            edge_ids=np.array([e.id for e in usable], dtype=np.int64),
            tree=shapely.STRtree(_edge_lines(usable)),
            node_count=len(self.nodes),
            edge_u=np.array([e.u for e in usable], dtype=np.int64),
            edge_v=np.array([e.v for e in usable], dtype=np.int64),
            edge_length=lengths,
            # metres / (min(edge speed, mode speed) / 3.6), the same operations as ModeGraph.edge_seconds
            edge_seconds_full=lengths / speeds_ms,
            edge_backward=~oneway if mode_obj.follows_oneway else np.ones(len(usable), dtype=bool),
            max_speed_ms=float(speeds_ms.max()) if len(usable) else 1.0,
        )
        self._mode_graphs[mode_obj.name] = graph
        return graph


# --- helpers ----------------------------------------------------------------------------------------------


def _edge_lines(edges: list[Edge]) -> np.ndarray:
    """The edges' lines for a spatial index, made in one call (an edge's ``line`` is made when asked for)."""
    if not edges:
        return np.empty(0, dtype=object)
    counts = [len(e.coords) for e in edges]
    return shapely.linestrings(
        np.concatenate([e.coords for e in edges]), indices=np.repeat(np.arange(len(edges)), counts)
    )


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


def _piece_lengths(xy: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Each piece's drawn length, bit for bit ``np.hypot(*np.diff(coords, axis=0).T).sum()`` of its own
    coordinates: pieces with the same number of segments are summed as the rows of one array (numpy adds a
    row of a C-ordered array in the same order as that row alone; tests/geodata pins it)."""
    segment = np.hypot(*np.diff(xy, axis=0).T)  # from point k to k + 1 (across two pieces at a piece's end)
    segments = np.diff(starts) - 1
    lengths = np.empty(len(segments))
    for m in np.unique(segments).tolist():
        index = np.flatnonzero(segments == m)
        lengths[index] = segment[starts[index][:, None] + np.arange(m)].sum(axis=1)
    return lengths


def _native(value):
    """A value as ``DataFrame.to_dict("records")`` gives it from an object or extension column (pandas'
    boxing): numpy scalars as Python ones, ``pd.NA`` as None."""
    if pd_types.is_float(value):
        return float(value)
    if pd_types.is_integer(value):
        return int(value)
    if pd_types.is_bool(value):
        return bool(value)
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value)
    if isinstance(value, np.timedelta64):
        return pd.Timedelta(value)
    if value is pd.NA:
        return None
    return value


_MEMO_TYPES = frozenset({str, int, bool, float, type(None)})
_PLAIN_TYPES = frozenset({str, float, type(None)})  # what boxing leaves as it is
_NOT_YET = object()


def _memo_key(value):
    """A dictionary key under which equal values give equal results, or None where that does not hold:
    values of other types than the plain ones, NaN (equal to nothing) and 0.0 (equal to -0.0, which prints
    differently)."""
    t = type(value)
    if t in _MEMO_TYPES and not (t is float and (value != value or value == 0.0)):
        return (t, value)
    return None


def _per_value(values: list, fn) -> list:
    """``[fn(v) for v in values]``, computed once per distinct value (see :func:`_memo_key`)."""
    memo: dict = {}
    out = []
    for v in values:
        key = _memo_key(v)
        if key is None:
            out.append(fn(v))
            continue
        result = memo.get(key, _NOT_YET)
        if result is _NOT_YET:
            result = memo[key] = fn(v)
        out.append(result)
    return out


def _column_values(frame: pd.DataFrame, name: str) -> list | None:
    """A column's values as the features' records (``to_dict("records")``) hold them; None if absent."""
    positions = [k for k, column in enumerate(frame.columns) if column == name]
    if not positions:
        return None
    series = frame.iloc[:, positions[-1]]  # a record keeps the last of repeated column names
    values = list(series)
    if (
        series.dtype == np.dtype(object) or isinstance(series.dtype, pd.api.extensions.ExtensionDtype)
    ) and not (set(map(type, values)) <= _PLAIN_TYPES):
        values = [_native(v) for v in values]
    return values


def _mapped_column(frame: pd.DataFrame, name: str, fn) -> list:
    """``fn`` of each feature's value in column ``name`` (of None for every feature when there is no such
    column), computed once per distinct value: a numeric column through ``np.unique`` (floats by their bits,
    so that -0.0 stays apart from 0.0), any other column through :func:`_per_value`."""
    positions = [k for k, column in enumerate(frame.columns) if column == name]
    if not positions:
        return [fn(None)] * len(frame)
    dtype = frame.dtypes.iloc[positions[-1]]
    if isinstance(dtype, np.dtype) and (
        dtype.kind in "biu" or (dtype.kind == "f" and dtype.itemsize in (2, 4, 8))
    ):
        array = frame.iloc[:, positions[-1]].to_numpy()
        keys = array.view(f"i{dtype.itemsize}") if dtype.kind == "f" else array
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        results = [fn(v) for v in array[first].tolist()]  # .tolist(): the Python numbers a record holds
        return [results[i] for i in inverse.tolist()]
    return _per_value(_column_values(frame, name), fn)


def _speed(value) -> float | None:
    try:
        speed = float(value)
    except (TypeError, ValueError):
        return None
    return speed if speed > 0 else None


def _length_factor(value) -> float:
    try:
        factor = float(value)
    except (TypeError, ValueError):
        return 1.0
    return factor if factor > 0 and np.isfinite(factor) else 1.0


def _oneway(value) -> tuple[bool, bool]:
    """(oneway, drawn against the direction of travel) from an ``oneway`` value."""
    raw = _text(value)
    return raw is not None and raw.lower() in ("1", "true", "yes", "-1"), raw == "-1"


def _edge_attribute_columns(frame: pd.DataFrame, columns: set[str]) -> dict[str, list]:
    """Each feature's (row's) edge attributes, one list per attribute: speed (the class default when a
    feature has no valid one), modes (the class default when none), name, class, surface, one-way,
    source, length factor, and ``reverse`` (``oneway=-1``). ``columns`` are the frame's columns before the
    geometry was dropped."""
    road_class = _mapped_column(frame, "class" if "class" in columns else "road_class", _text)
    speed = [
        default_speed(c) if s is None else s
        for s, c in zip(_mapped_column(frame, "speed_kmh", _speed), road_class, strict=True)
    ]
    oneway = _mapped_column(frame, "oneway", _oneway)
    modes_values = _column_values(frame, "modes")
    if modes_values is None:
        by_class = {c: parse_edge_modes(None, c) for c in set(road_class)}  # classes are str or None
        modes = [by_class[c] for c in road_class]
    else:
        memo: dict = {}
        modes = []
        for value, c in zip(modes_values, road_class, strict=True):
            key = _memo_key(value)
            if key is None:
                modes.append(parse_edge_modes(value, c))
                continue
            result = memo.get((key, c), _NOT_YET)
            if result is _NOT_YET:
                result = memo[key, c] = parse_edge_modes(value, c)
            modes.append(result)
    return {
        "length_factor": _mapped_column(frame, "length_factor", _length_factor),
        "speed_kmh": speed,
        "modes": modes,
        "name": _mapped_column(frame, "name", _text),
        "road_class": road_class,
        "surface": _mapped_column(frame, "surface", _text),
        "oneway": [o for o, _ in oneway],
        "source": _mapped_column(frame, "source", _text),
        "reverse": [r for _, r in oneway],
    }
