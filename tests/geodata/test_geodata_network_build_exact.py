"""Building a network on whole arrays (issue 18) gives exactly what the per-line build it replaced gave: the
same nodes, and edges with the same ids, ends, coordinates, lengths and attributes, bit for bit. The per-line
build is kept below as the reference (``reference_network``, the code of geodata/network.py and
geodata/topology.py before the change, unchanged but for names). It is compared on hand-made tricky inputs
(an end within the tolerance of two clusters, T-junctions at and near a line's end, at a vertex, twice at one
spot, zero-length segments and lines, rings, a line ending on its own middle, a reversed one-way cut in two,
multi-lines, a geometry collection, 3D lines, missing geometries, tolerances of 0 and below), on odd attribute values and column
types, and on seeded random line work."""

import math
import random
from collections import defaultdict

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from geodata_helpers import OX, OY, frame, line, road
from shapely.geometry import GeometryCollection, LineString, MultiLineString, Point

from geodata.modes import default_speed, parse_edge_modes
from geodata.network import METRIC_CRS, WGS84, Edge, RoadNetwork, _piece_lengths
from geodata.topology import (
    UnionFind,
    cluster_points,
    coincident_points,
    cut_line,
    flatten_lines,
    split_at_t_junctions,
)

# Missing and empty geometries make geopandas warn about GeoSeries.notna(), in both builds alike.
pytestmark = pytest.mark.filterwarnings("ignore:GeoSeries.notna:UserWarning")

# --- the reference: the per-line build before issue 18 --------------------------------------------------


def _ref_split_at_t_junctions(lines, tolerance_m):
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
    cuts = defaultdict(list)
    for j, distance in zip(line_idx[inner], at[inner], strict=True):
        cuts[int(j)].append(float(distance))
    pieces = []
    for i, coords in enumerate(lines):
        if i not in cuts:
            pieces.append((i, coords))
            continue
        for part in cut_line(coords, sorted(set(cuts[i]))):
            pieces.append((i, part))
    return pieces


def _ref_cluster_points(points, tolerance_m):
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


def _ref_text(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


def _ref_edge_attributes(record, columns):
    road_class = _ref_text(record.get("class") if "class" in columns else record.get("road_class"))
    speed = record.get("speed_kmh")
    try:
        speed = float(speed)
        if not speed > 0:
            raise ValueError
    except (TypeError, ValueError):
        speed = default_speed(road_class)
    oneway_raw = _ref_text(record.get("oneway"))
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
        "name": _ref_text(record.get("name")),
        "road_class": road_class,
        "surface": _ref_text(record.get("surface")),
        "oneway": oneway,
        "source": _ref_text(record.get("source")),
        "reverse": oneway_raw == "-1",
    }


def reference_network(gdf, tolerance_m=15.0):
    if gdf.crs is None:
        gdf = gdf.set_crs(WGS84)
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty].to_crs(METRIC_CRS)
    gdf = gdf.explode(index_parts=False)
    gdf = gdf[gdf.geom_type == "LineString"]
    lines, attrs = [], []
    columns = set(gdf.columns)
    records = gdf.drop(columns=gdf.geometry.name).to_dict("records")
    for geom, record in zip(gdf.geometry, records, strict=True):
        coords = np.asarray(geom.coords)[:, :2]
        if len(coords) < 2:
            continue
        attrs.append(_ref_edge_attributes(record, columns))
        if attrs[-1].pop("reverse"):
            coords = coords[::-1]
        lines.append(coords)
    pieces = _ref_split_at_t_junctions(lines, tolerance_m)
    ends = np.empty((2 * len(pieces), 2))
    for i, (_, coords) in enumerate(pieces):
        ends[2 * i] = coords[0]
        ends[2 * i + 1] = coords[-1]
    node_of_end, nodes = _ref_cluster_points(ends, tolerance_m)
    edges = []
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
    return nodes, edges


# --- comparing, bit for bit -------------------------------------------------------------------------------


def _bits(value):
    return ("float", value.hex()) if isinstance(value, float) else (type(value).__name__, value)


def _described(edge):
    return (
        _bits(edge.id),
        _bits(edge.u),
        _bits(edge.v),
        edge.coords.shape,
        edge.coords.dtype.str,
        edge.coords.tobytes(),
        _bits(edge.length_m),
        _bits(edge.speed_kmh),
        type(edge.modes).__name__,
        tuple(sorted(edge.modes)),
        *(_bits(v) for v in (edge.name, edge.road_class, edge.surface, edge.oneway, edge.source)),
        _bits(edge.length_factor),
    )


def assert_same_as_reference(gdf, tolerance_m=15.0):
    nodes, edges = reference_network(gdf, tolerance_m)
    network = RoadNetwork.from_geodataframe(gdf, tolerance_m=tolerance_m)
    assert network.nodes.dtype == nodes.dtype and network.nodes.shape == nodes.shape
    assert network.nodes.tobytes() == nodes.tobytes()
    assert len(network.edges) == len(edges)
    for new, old in zip(network.edges, edges, strict=True):
        assert _described(new) == _described(old), old.id
    return network


# --- hand-made tricky inputs ------------------------------------------------------------------------------


def test_an_end_within_the_tolerance_of_two_clusters_joins_them_into_one_node_at_the_first_end():
    # Ends at x = 1000 and x = 1024 are 24 m apart; the end at 1012 is within 15 m of both.
    network = assert_same_as_reference(
        frame(
            [
                road("Satu", [(0, 0), (1000, 0)]),
                road("Dua", [(1024, 0), (2000, 0)]),
                road("Tiga", [(1012, 5), (1012, 900)]),
            ]
        )
    )
    assert len(network.nodes) == 4
    assert {e.name: (e.u, e.v) for e in network.edges} == {"Satu": (0, 1), "Dua": (1, 2), "Tiga": (1, 3)}
    assert tuple(network.nodes[1]) == (OX + 1000, OY + 0)


def test_t_junctions_at_and_near_a_lines_end_at_a_vertex_and_twice_at_one_spot():
    network = assert_same_as_reference(
        frame(
            [
                road("Utama", [(0, 0), (500, 0), (1000, 0)]),
                road("Di ujung", [(10, 0), (10, 400)]),  # 10 m from Utama's start: no cut, joins that end
                road("Tepat toleransi", [(15, -300), (15, 0)]),  # exactly 15 m along: no cut
                road("Lewat toleransi", [(15.5, 0), (15.5, -400)]),  # 15.5 m along: a cut
                road("Di titik", [(500, 0), (500, 600)]),  # on Utama's middle vertex
                road("Di titik juga", [(500, -600), (500, 3)]),  # the same spot, 3 m off the line
                road("Dekat", [(510, 0), (510, 700)]),  # 10 m from the cut before: its own cut
                road("Ujung lain", [(1000, 8), (1400, 8)]),  # near Utama's far end
            ]
        )
    )
    utama = [e for e in network.edges if e.name == "Utama"]
    assert [round(e.length_m, 1) for e in utama] == [15.5, 484.5, 10.0, 490.0]


def test_zero_length_segments_lines_and_pieces():
    network = assert_same_as_reference(
        frame(
            [
                road("Berulang", [(0, 0), (300, 0), (300, 0), (600, 0), (600, 0)]),  # repeated vertices
                road("Titik", [(100, 100), (100, 100)]),  # a zero-length line: no edge
                road("Titik tiga", [(200, 200), (200, 200), (200, 200)]),
                road("Pada ulangan", [(300, 0), (300, -500)]),  # cuts at the repeated vertex
                road("Dua kali", [(300, 500), (300, 0)]),  # the same cut again
            ]
        )
    )
    assert all(e.length_m > 0 for e in network.edges)
    assert [e.name for e in network.edges].count("Berulang") == 2


def test_rings_a_line_ending_on_its_own_middle_and_a_reversed_one_way_cut_in_two():
    assert_same_as_reference(
        frame(
            [
                road("Lingkar", [(0, 0), (400, 0), (400, 400), (0, 400), (0, 0)]),
                road("Kait", [(1000, 0), (1400, 0), (1400, 300), (1200, 0)]),  # ends on its own middle
                road("Searah balik", [(2000, 0), (3000, 0)], oneway="-1"),
                road("Searah", [(2000, 500), (3000, 500)], oneway="yes"),
                road("Ke tengah", [(2500, 0), (2500, 500)]),  # cuts both one-way streets
                road("Ke lingkar", [(200, -300), (200, 0)]),
            ]
        )
    )


def test_multi_lines_3d_lines_points_and_missing_geometries():
    features = [
        {
            "name": "Multi",
            "geometry": MultiLineString([line((0, 0), (500, 0)).coords, line((0, 50), (500, 50)).coords]),
        },
        {"name": "Tiga dimensi", "geometry": LineString([(OX + 250, OY + z, z) for z in (0.0, 300.0)])},
        {"name": "Titik", "geometry": Point(OX, OY)},
        {"name": "Koleksi", "geometry": GeometryCollection([line((900, 0), (900, 400)), Point(OX, OY)])},
        {"name": "Kosong", "geometry": LineString()},
        {"name": "Tidak ada", "geometry": None},
        {"name": "Biasa", "geometry": line((500, 0), (900, 0))},
    ]
    network = assert_same_as_reference(gpd.GeoDataFrame(features, geometry="geometry", crs=METRIC_CRS))
    assert {e.name for e in network.edges} == {"Multi", "Tiga dimensi", "Koleksi", "Biasa"}


@pytest.mark.parametrize("tolerance_m", [0.0, -1.0, 0.5, 40.0])
def test_other_tolerances(tolerance_m):
    assert_same_as_reference(
        frame(
            [
                road("A", [(0, 0), (1000, 0)]),
                road("B", [(1000, 0), (1000, 1000)]),
                road("C", [(1000.3, 0), (2000, 0)]),
                road("D", [(500, 0), (500, -800)]),
                road("E", [(520, 30), (520, 900)]),
                road("F", [(2000, 0), (2000, 0)]),
            ]
        ),
        tolerance_m,
    )


def test_an_empty_frame_and_a_frame_without_lines():
    for features in ([], [{"name": "Titik", "geometry": Point(OX, OY)}]):
        gdf = gpd.GeoDataFrame(features, geometry=[f["geometry"] for f in features], crs=METRIC_CRS)
        network = assert_same_as_reference(gdf)
        assert len(network.edges) == 0 and network.nodes.shape == (0, 2)


# --- attributes -------------------------------------------------------------------------------------------

ODD_TEXT = [None, float("nan"), "", "  ", " Jalan A ", 0, 1, 1.0, -0.0, 0.0, True, False, "-1", "yes", "1"]
ODD_TEXT += ["true", "no", "YES", " -1 ", np.float64(2.5), np.int64(3), pd.NA, np.datetime64("2026-12-07")]
ODD_SPEED = [None, float("nan"), 0, -5, 30, 30.0, "40", " 25 ", "fast", True, np.float64(12.5), np.int64(7)]
ODD_SPEED += [float("inf"), "nan", pd.NA, -0.0]
ODD_FACTOR = [None, float("nan"), 0, -1, 1.5, "2", "x", float("inf"), 1, True, np.float64(0.75), pd.NA]
ODD_MODES = [None, float("nan"), "", "car,walk", " CAR , jeep ", '["walk", "hike"]', "['car', 'walk'"]
ODD_MODES += ["[bad json", ["walk"], ("car", "jeep"), [], ["", " "], "[]", pd.NA]
CLASSES = [None, float("nan"), "primary", "residential", "track", "footpath", " tertiary ", "unknown", "", 3]


def _odd_frame(seed, n=120, class_column="class"):
    rng = random.Random(seed)
    rows = []
    for k in range(n):
        y = 30.0 * k
        rows.append(
            {
                "name": rng.choice(ODD_TEXT),
                class_column: rng.choice(CLASSES),
                "speed_kmh": rng.choice(ODD_SPEED),
                "oneway": rng.choice(ODD_TEXT),
                "surface": rng.choice(ODD_TEXT),
                "source": rng.choice(ODD_TEXT),
                "length_factor": rng.choice(ODD_FACTOR),
                "modes": rng.choice(ODD_MODES),
                "geometry": line((0, y), (400 + k, y), (800, y + 7)),
            }
        )
    return frame(rows)


@pytest.mark.parametrize("seed", range(4))
def test_odd_attribute_values(seed):
    assert_same_as_reference(_odd_frame(seed))


def test_odd_attribute_values_under_road_class():
    assert_same_as_reference(_odd_frame(9, class_column="road_class"))


def test_typed_attribute_columns():
    gdf = _odd_frame(5, n=60)
    n = len(gdf)
    rng = np.random.default_rng(5)
    gdf["speed_kmh"] = rng.choice([0.0, -0.0, -1.0, 20.0, 35.5, np.nan, np.inf], n)
    gdf["length_factor"] = rng.choice([1, 2, 0, -3], n).astype(np.int64)
    gdf["oneway"] = rng.choice([True, False], n)
    gdf["name"] = rng.choice([0.0, -0.0, 1.5, np.nan], n)  # -0.0 and 0.0 print differently
    gdf["surface"] = pd.array(rng.choice(["asphalt", " gravel ", ""], n), dtype="string")
    gdf["class"] = pd.Categorical(rng.choice(["primary", "track", " "], n))
    gdf["source"] = pd.array(rng.choice([1, 2, 3], n), dtype="Int64")
    gdf.loc[gdf.index[::7], "source"] = pd.NA
    gdf["modes"] = pd.array(rng.choice(["car", "walk,hike", ""], n), dtype="str")
    gdf.loc[gdf.index[::5], "modes"] = np.nan
    assert_same_as_reference(gdf)
    gdf["speed_kmh"] = rng.choice([0, 30, 60], n).astype(np.uint8)
    gdf["length_factor"] = rng.choice([0.5, 2.0, -0.0], n).astype(np.float32)
    gdf["oneway"] = pd.array(rng.choice([1, -1, 0], n), dtype="Int64")
    assert_same_as_reference(gdf)


def test_a_repeated_column_name_counts_as_its_last_column():
    gdf = _odd_frame(6, n=20)
    gdf = pd.concat([gdf, gdf[["speed_kmh", "name"]].iloc[::-1].set_axis(gdf.index)], axis=1)
    gdf = gpd.GeoDataFrame(gdf, geometry="geometry", crs=METRIC_CRS)
    with pytest.warns(UserWarning):  # the reference's to_dict("records") says it
        assert_same_as_reference(gdf)


def test_modes_that_cannot_be_read_fail_as_before():
    gdf = frame([road("A", [(0, 0), (100, 0)]), road("B", [(100, 0), (200, 0)])])
    gdf["modes"] = [5, 6]
    with pytest.raises(TypeError):
        reference_network(gdf)
    with pytest.raises(TypeError):
        RoadNetwork.from_geodataframe(gdf)


# --- seeded random line work ------------------------------------------------------------------------------


def _random_lines(seed, n_lines=250, size=3000.0, tol=15.0, crs=METRIC_CRS):
    """Lines of 2 to 130 points, many starting or ending on another line (at a vertex, inside a segment, at
    or near the tolerance) or near another line's end, some with repeated points, some of zero length,
    some rings, multi-lines, 3D lines, points and missing geometries; WGS84 if asked."""
    rng = random.Random(seed)
    made, geoms, rows = [], [], []

    def on(target):
        i = rng.randrange(len(target) - 1)
        t = rng.choice([0.0, 0.5, rng.random(), 1.0, 1e-9])
        (x0, y0), (x1, y1) = target[i], target[i + 1]
        return x0 + t * (x1 - x0), y0 + t * (y1 - y0)

    for _ in range(n_lines):
        r = rng.random()
        if made and r < 0.35:
            x, y = on(rng.choice(made))
            off = rng.choice([0.0, 0.0, rng.uniform(-tol, tol), tol, tol * 0.999, tol * 1.001, 1e-7])
            pts = [(x + off, y + rng.choice([0.0, off]))]
        elif made and r < 0.5:
            target = rng.choice(made)
            x, y = target[0] if rng.random() < 0.5 else target[-1]
            d = rng.choice([0.0, tol * 0.6, tol * 0.9, tol, tol * 1.4, rng.uniform(0, 2 * tol)])
            a = rng.uniform(0, 2 * math.pi)
            pts = [(x + d * math.cos(a), y + d * math.sin(a))]
        else:
            pts = [(OX + rng.uniform(0, size), OY + rng.uniform(0, size))]
        step = rng.choice([3.0, 10.0, 20.0, 50.0, 200.0])
        for _ in range(rng.choice([2, 2, 2, 3, 4, 5, 8, 9, 17, 130]) - 1):
            if rng.random() < 0.05:
                pts.append(pts[-1])
            else:
                pts.append((pts[-1][0] + rng.uniform(-step, step), pts[-1][1] + rng.uniform(-step, step)))
        if made and rng.random() < 0.3:
            pts[-1] = on(rng.choice(made))
        if rng.random() < 0.02:
            pts = [pts[0]] * len(pts)
        if rng.random() < 0.02 and len(pts) >= 3:
            pts[-1] = pts[0]
        made.append(pts)
        g = rng.random()
        if g < 0.03:
            geom = None
        elif g < 0.05:
            geom = LineString()
        elif g < 0.08:
            geom = Point(pts[0])
        elif g < 0.14:
            other = [
                (x + rng.uniform(-300, 300), y + rng.uniform(-300, 300))
                for x, y in pts[: max(2, len(pts) // 2)]
            ]
            geom = MultiLineString([pts, other])
        elif g < 0.18:
            geom = LineString([(x, y, rng.uniform(0, 2000)) for x, y in pts])
        else:
            geom = LineString(pts)
        geoms.append(geom)
        rows.append(
            {
                "name": rng.choice([None, "Jalan A", "Jalan B", "Gang C"]),
                "class": rng.choice(["primary", "residential", "track", "footpath", "hiking_trail"]),
                "speed_kmh": rng.choice([20.0, 30.0, 40.0, float("nan")]),
                "oneway": rng.choice([None, "yes", "-1", "no"]),
            }
        )
    gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs=METRIC_CRS)
    return gdf.to_crs(crs) if crs != METRIC_CRS else gdf


@pytest.mark.parametrize("seed", range(6))
def test_random_line_work(seed):
    assert_same_as_reference(_random_lines(seed))


@pytest.mark.parametrize(("tolerance_m", "crs"), [(0.0, METRIC_CRS), (50.0, METRIC_CRS), (15.0, WGS84)])
def test_random_line_work_other_tolerances_and_crs(tolerance_m, crs):
    assert_same_as_reference(_random_lines(40, tol=tolerance_m, crs=crs), tolerance_m)


def test_dense_random_line_work():
    assert_same_as_reference(_random_lines(41, n_lines=400, size=600.0))


# --- the parts on their own -------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(3))
def test_cluster_points_as_the_union_find_did(seed):
    rng = np.random.default_rng(seed)
    base = rng.uniform(0, 300, (400, 2))
    points = np.concatenate(
        [base, base[rng.integers(0, 400, 300)], base[:200] + rng.uniform(-12, 12, (200, 2))]
    )
    points = points[rng.permutation(len(points))]
    for tolerance_m in (15.0, 0.0, -1.0, float("nan"), 1e-12):
        node, nodes = cluster_points(points, tolerance_m)
        ref_node, ref_nodes = _ref_cluster_points(points, tolerance_m)
        assert node.tolist() == ref_node.tolist() and nodes.tobytes() == ref_nodes.tobytes(), tolerance_m


def test_coincident_points_tell_minus_zero_and_nan_payloads_apart_and_keep_index_order():
    points = np.array(
        [[1.0, 2.0], [0.0, 0.0], [1.0, 2.0], [-0.0, 0.0], [np.nan, 1.0], [0.0, 0.0], [np.nan, 1.0]]
    )
    first, spot = coincident_points(points)
    groups = sorted(np.flatnonzero(spot == s).tolist() for s in range(len(first)))
    assert groups == [[0, 2], [1, 5], [3], [4, 6]]
    assert sorted(first.tolist()) == [0, 1, 3, 4]


def test_split_at_t_junctions_as_before():
    gdf = _random_lines(7)
    lines = [
        np.asarray(g.coords)[:, :2]
        for g in gdf.explode().geometry
        if isinstance(g, LineString) and not g.is_empty
    ]
    new, old = split_at_t_junctions(lines, 15.0), _ref_split_at_t_junctions(lines, 15.0)
    assert [(i, c.tobytes()) for i, c in new] == [(i, np.ascontiguousarray(c).tobytes()) for i, c in old]
    xy, starts = flatten_lines(lines)
    assert starts[-1] == len(xy) == sum(len(c) for c in lines)


def test_piece_lengths_add_in_the_order_of_a_pieces_own_sum():
    """numpy sums a row of a C-ordered 2-D array pairwise, like the row alone (np.add.reduceat would not)."""
    rng = np.random.default_rng(3)
    sizes = [*range(2, 140), 257, 1000, 5000, 9000]
    pieces = [rng.uniform(-1, 1, (k, 2)) * rng.choice([1e-3, 1.0, 1e4]) for k in sizes for _ in range(3)]
    xy, starts = flatten_lines(pieces)
    lengths = _piece_lengths(xy, starts)
    expected = [float(np.hypot(*np.diff(c, axis=0).T).sum()) for c in pieces]
    assert [v.hex() for v in lengths.tolist()] == [v.hex() for v in expected]
