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
import shapely
from pyproj import Transformer
from shapely.geometry import LineString

from geodata.modes import Mode, default_speed, get_mode, parse_edge_modes
from geodata.topology import UnionFind, cluster_points, split_at_t_junctions

METRIC_CRS = "EPSG:32749"
WGS84 = "EPSG:4326"
DEFAULT_TOLERANCE_M = 15.0


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
        gdf = gdf.explode(index_parts=False)
        gdf = gdf[gdf.geom_type == "LineString"]

        lines: list[np.ndarray] = []
        attrs: list[dict] = []
        columns = set(gdf.columns)
        records = gdf.drop(columns=gdf.geometry.name).to_dict("records")
        for geom, record in zip(gdf.geometry, records, strict=True):
            coords = np.asarray(geom.coords)[:, :2]
            if len(coords) < 2:
                continue
            attrs.append(_edge_attributes(record, columns))
            if attrs[-1].pop("reverse"):
                coords = coords[::-1]
            lines.append(coords)
        return cls._assemble(lines, attrs, tolerance_m=tolerance_m, metadata=metadata)

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
        cls, lines: list[np.ndarray], attrs: list[dict], *, tolerance_m: float, metadata: dict | None
    ) -> RoadNetwork:
        pieces = split_at_t_junctions(lines, tolerance_m)
        ends = np.empty((2 * len(pieces), 2))
        for i, (_, coords) in enumerate(pieces):
            ends[2 * i] = coords[0]
            ends[2 * i + 1] = coords[-1]
        node_of_end, nodes = cluster_points(ends, tolerance_m)

        edges: list[Edge] = []
        for i, (line_index, coords) in enumerate(pieces):
            length = float(np.hypot(*np.diff(coords, axis=0).T).sum())
            if length <= 0:
                continue
            a = attrs[line_index]
            edges.append(
                Edge(
                    id=len(edges),
                    u=int(node_of_end[2 * i]),
                    v=int(node_of_end[2 * i + 1]),
                    coords=coords,
                    length_m=length * a.get("length_factor", 1.0),
                    **a,
                )
            )
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


def _edge_attributes(record: dict, columns: set[str]) -> dict:
    road_class = _text(record.get("class") if "class" in columns else record.get("road_class"))
    speed = record.get("speed_kmh")
    try:
        speed = float(speed)
        if not speed > 0:
            raise ValueError
    except (TypeError, ValueError):
        speed = default_speed(road_class)
    oneway_raw = _text(record.get("oneway"))
    oneway = oneway_raw is not None and oneway_raw.lower() in ("1", "true", "yes", "-1")
    try:
        factor = float(record.get("length_factor"))
        if not (factor > 0 and np.isfinite(factor)):
            raise ValueError
    except (TypeError, ValueError):
        factor = 1.0
    return {
        "length_factor": factor,
        "speed_kmh": speed,
        "modes": parse_edge_modes(record.get("modes"), road_class),
        "name": _text(record.get("name")),
        "road_class": road_class,
        "surface": _text(record.get("surface")),
        "oneway": oneway,
        "source": _text(record.get("source")),
        "reverse": oneway_raw == "-1",
    }
