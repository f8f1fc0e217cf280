"""A real OpenStreetMap extract, written here as OSM XML (and converted to PBF with pyosmium), is read
offline into a routable network: ways are cut at shared nodes, highway tags give classes and modes."""

import osmium
import pytest

from geodata.errors import UnreachableStop
from geodata.network import RoadNetwork
from geodata.routing import route

# Three streets around a block near Alun-alun Merdeka, a footway across it, and a one-way street.
#   1 ---- 2 ---- 3        Jalan Merdeka Utara (tertiary, 1-2-3)
#   |      |      |
#   4 ---- 5 ---- 6        Jalan Merdeka Selatan (residential, oneway 4->5->6)
# 1-4 Jalan Barat (tertiary), 3-6 Jalan Timur (tertiary), 2-5 Gang Tengah (footway)
NODES = {
    1: (-7.9810, 112.6290),
    2: (-7.9810, 112.6310),
    3: (-7.9810, 112.6330),
    4: (-7.9830, 112.6290),
    5: (-7.9830, 112.6310),
    6: (-7.9830, 112.6330),
}
WAYS = [
    (101, [1, 2, 3], {"highway": "tertiary", "name": "Jalan Merdeka Utara", "maxspeed": "30"}),
    (102, [4, 5, 6], {"highway": "residential", "name": "Jalan Merdeka Selatan", "oneway": "yes"}),
    (103, [1, 4], {"highway": "tertiary", "name": "Jalan Barat"}),
    (104, [3, 6], {"highway": "tertiary", "name": "Jalan Timur"}),
    (105, [2, 5], {"highway": "footway", "name": "Gang Tengah"}),
    (106, [5, 6], {"building": "yes"}),  # not a road: ignored
]


def write_osm_xml(path):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="geodata tests">']
    for node_id, (lat, lon) in NODES.items():
        lines.append(f' <node id="{node_id}" version="1" lat="{lat}" lon="{lon}"/>')
    for way_id, refs, tags in WAYS:
        lines.append(f' <way id="{way_id}" version="1">')
        lines += [f'  <nd ref="{r}"/>' for r in refs]
        lines += [f'  <tag k="{k}" v="{v}"/>' for k, v in tags.items()]
        lines.append(" </way>")
    lines.append("</osm>")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def osm_xml(tmp_path):
    return write_osm_xml(tmp_path / "merdeka.osm")


@pytest.fixture
def osm_pbf(osm_xml, tmp_path):
    pbf = tmp_path / "merdeka.osm.pbf"
    with osmium.SimpleWriter(str(pbf)) as writer:
        for obj in osmium.FileProcessor(str(osm_xml)):
            writer.add(obj)
    return pbf


def test_an_osm_xml_extract_becomes_a_network_cut_at_junction_nodes(osm_xml):
    network = RoadNetwork.from_file(osm_xml)
    names = sorted(e.name for e in network.edges)
    assert names == [
        "Gang Tengah",
        "Jalan Barat",
        "Jalan Merdeka Selatan",
        "Jalan Merdeka Selatan",
        "Jalan Merdeka Utara",
        "Jalan Merdeka Utara",
        "Jalan Timur",
    ]
    assert len(network.nodes) == 6
    assert len(network.components()) == 1
    utara = [e for e in network.edges if e.name == "Jalan Merdeka Utara"]
    assert all(e.speed_kmh == 30 and e.road_class == "tertiary" for e in utara)
    assert next(e for e in network.edges if e.name == "Gang Tengah").modes == frozenset({"walk"})


def test_the_pbf_of_the_same_extract_gives_the_same_network(osm_xml, osm_pbf):
    xml_net, pbf_net = RoadNetwork.from_osm(osm_xml), RoadNetwork.from_osm(osm_pbf)
    assert len(pbf_net.edges) == len(xml_net.edges)
    assert pbf_net.total_length_m == pytest.approx(xml_net.total_length_m)


def test_routes_on_the_osm_extract_follow_footways_on_foot_and_one_way_streets_by_car(osm_xml):
    network = RoadNetwork.from_osm(osm_xml)
    north_middle, south_middle = NODES[2], NODES[5]
    walk = route(network, [north_middle, south_middle], "walk")
    assert walk.road_names == ["Gang Tengah"]
    assert walk.distance_m == pytest.approx(221, abs=3)  # 0.002 degrees of latitude
    car_there = route(network, [NODES[4], NODES[6]], "car", optimize="distance")
    car_back = route(network, [NODES[6], NODES[4]], "car", optimize="distance")
    assert car_there.road_names == ["Jalan Merdeka Selatan"]
    assert car_back.road_names == ["Jalan Timur", "Jalan Merdeka Utara", "Jalan Barat"]
    assert car_back.distance_m > car_there.distance_m


def test_a_car_cannot_reach_a_point_only_the_footway_passes_when_the_snap_limit_is_small(osm_xml):
    network = RoadNetwork.from_osm(osm_xml)
    middle_of_footway = (-7.9820, 112.6310)
    with pytest.raises(UnreachableStop, match="car"):
        route(network, [NODES[1], (*middle_of_footway, "Taman")], "car", max_snap_m=100)
