"""The bundled corridor network against the real places file: every place can be reached by the modes that
make sense for it, the drive from Malang to Bromo goes the Malang way (Tumpang, Jemplang), and the lake and
summit of Semeru are for hikers only."""

import math

import pytest

from geodata.corridor import load_corridor_network
from geodata.corridor_build import ANCHORS, CHECKS
from geodata.errors import UnreachableStop
from geodata.places import find_place, load_places
from geodata.routing import route

PLACES = load_places()
HUB = find_place("tugu-malang", PLACES)

# Only a hiker gets there: the Semeru trail beyond Ranu Pani.
HIKE_ONLY = {
    "ranu-kumbolo",
    "kalimati",
    "mahameru",
    "puncak-mahameru",
    "gunung-semeru",
    "arcopodo",
    "oro-oro-ombo",
    "tanjakan-cinta",
}
# A jeep (or motorbike, or walker) but no private car: the caldera floor, the crater and the viewpoints.
JEEP_NOT_CAR_KINDS = {"crater", "savanna", "sand_sea"}
JEEP_NOT_CAR = {
    "pura-luhur-poten",
    "penanjakan",
    "penanjakan-1",
    "bukit-penanjakan",
    "bukit-cinta",
    "bukit-kingkong",
    "seruni-point",
    "kawah-bromo",
    "gunung-bromo",
    "gunung-batok",
}


def expected_modes(place) -> set[str]:
    if place.slug in HIKE_ONLY:
        return {"hike"}
    if place.slug in JEEP_NOT_CAR or place.kind in JEEP_NOT_CAR_KINDS:
        return {"hike", "walk", "jeep", "motorbike"}
    return {"hike", "walk", "jeep", "motorbike", "car"}


@pytest.fixture(scope="module")
def network():
    return load_corridor_network()


def place_id(place):
    return place.slug


@pytest.mark.parametrize("place", PLACES, ids=place_id)
def test_every_bundled_place_is_reachable_by_the_modes_that_make_sense(network, place):
    start = HUB if place.slug != HUB.slug else find_place("stasiun-kota-baru", PLACES)
    for mode in sorted(expected_modes(place)):
        trip = route(network, [start, place], mode)
        assert trip.distance_m > 0
    for mode in {"walk", "car", "motorbike", "jeep", "hike"} - expected_modes(place):
        with pytest.raises(UnreachableStop) as caught:
            route(network, [start, place], mode)
        assert caught.value.mode == mode and place.name in str(caught.value)


def anchor(key):
    a = ANCHORS[key]
    by_slug = {p.slug: p for p in PLACES}
    place = next((by_slug[s] for s in a.slugs if s in by_slug), None)
    return (place.lat, place.lon, place.name) if place else (a.lat, a.lon, key)


def passes_near(trip, point, metres=300):
    lat, lon = point[:2]
    for x, y in trip.geometry.coords:
        dx = (x - lon) * 111_320 * math.cos(math.radians(lat))
        dy = (y - lat) * 110_570
        if math.hypot(dx, dy) <= metres:
            return True
    return False


def test_malang_to_the_bromo_crater_by_jeep_goes_through_tumpang_and_jemplang(network):
    trip = route(network, [HUB, anchor("kawah_bromo")], "jeep")
    assert passes_near(trip, anchor("tumpang")) and passes_near(trip, anchor("jemplang"))
    assert "Jalan Raya Pakis - Tumpang" in trip.road_names and "Jalan Ngadas - Jemplang" in trip.road_names
    assert 40_000 < trip.distance_m < 65_000


def test_malang_to_jemplang_by_car_goes_through_tumpang(network):
    trip = route(network, [HUB, anchor("jemplang")], "car")
    assert passes_near(trip, anchor("tumpang")) and passes_near(trip, anchor("ngadas"))


def test_a_car_to_ranu_kumbolo_is_refused_naming_the_lake_and_the_car(network):
    lake = anchor("ranu_kumbolo")
    with pytest.raises(UnreachableStop) as caught:
        route(network, [HUB, lake], "car")
    assert caught.value.mode == "car"
    assert str(lake[2]) in str(caught.value) and "car" in str(caught.value)
    hike = route(network, [anchor("ranu_pani"), lake], "hike")
    assert 3 * 3600 < hike.duration_s < 6 * 3600  # 4-5 hours published; trail speed set from that


def test_a_trail_drawn_as_a_straight_line_counts_its_published_length(network):
    """Ranu Pani to Ranu Kumbolo is drawn as one straight line (about 5.4 km between the two sourced lake
    points) but walked as about 10 km in 4-5 hours: the hiker sees the walked distance and time."""
    hike = route(network, [anchor("ranu_pani"), anchor("ranu_kumbolo")], "hike")
    assert hike.distance_m == pytest.approx(10_000, rel=0.01)
    assert hike.duration_s == pytest.approx(4.5 * 3600, rel=0.01)
    trail = [e for e in network.edges if e.name == "Jalur Pendakian Semeru (Ranu Pani - Ranu Kumbolo)"]
    drawn_m = sum(e.line.length for e in trail)  # UTM metres of the drawn line
    assert trail and drawn_m < 7_000 and all(e.length_factor > 1.4 for e in trail)
    # Roads keep their drawn length, but for the roads drawn as a few straight lines whose length is
    # published (mountain roads, the climb to Sumberawan, the country roads to Kidal): they count it.
    stretched = {e.name for e in network.edges if e.road_class != "hiking_trail" and e.length_factor != 1.0}
    assert stretched == {
        "Jalan Senduro - Argosari",
        "Jalan ke Candi Sumberawan",
        "Jalan Raya Kidal (Tumpang - Tajinan)",
        "Jalan Madyopuro - Cemorokandang - Kidal",
        "Jalan Ngadas - Jemplang",
        "Turunan Jemplang",
        "Jalan Jemplang - Ranu Pani",
    }
    assert all(e.length_factor > 1.0 for e in network.edges if e.name in stretched)


def test_a_village_area_is_reached_where_its_road_ends_not_refused(network):
    """A gateway village's point is the middle of its land (location_precision "area"): Wonokitri's lies
    near Penanjakan, 3 km past the gate where cars must stop. A car still reaches the village, at the end of
    the Tosari road, and the leg says how far the point is from there; a site-level point gets no such
    allowance."""
    wonokitri = find_place("desa-wonokitri", PLACES)
    assert wonokitri.location_precision == "area"
    trip = route(network, [HUB, wonokitri], "car")
    assert trip.road_names[-1] == "Jalan Raya Tosari"
    assert 2_000 < trip.legs[-1].end_snap.distance_m < 4_000
    same_point_as_a_site = (wonokitri.lat, wonokitri.lon, "a spot at the same point")
    with pytest.raises(UnreachableStop):
        route(network, [HUB, same_point_as_a_site], "car")
    # Argosari, above Senduro, has its own road, counted at the published 18 km.
    up = route(network, [anchor("senduro"), find_place("desa-argosari", PLACES)], "car")
    assert up.road_names == ["Jalan Senduro - Argosari"]
    assert up.distance_m == pytest.approx(18_000, rel=0.01)


def test_penanjakan_is_reached_by_jeep_from_the_pasuruan_side_and_from_the_sea_of_sand(network):
    from_tosari = route(network, [anchor("tosari"), anchor("penanjakan")], "jeep")
    from_sand = route(network, [anchor("pura_poten"), anchor("penanjakan")], "jeep")
    assert "Jalan Penanjakan" in from_tosari.road_names
    assert "Turunan Wonokitri ke Lautan Pasir" in from_sand.road_names


def test_the_whole_network_is_one_piece_for_hikers(network):
    pieces = network.components("hike")
    assert len(pieces) == 1, [p.describe() for p in pieces]


def test_the_network_file_documents_its_method_and_length_checks(network):
    meta = network.metadata
    assert "No map data was traced" in meta["method"]
    assert len(meta["checks"]) == len(CHECKS)
    for check in meta["checks"]:
        assert check["sources"] and all(s.startswith("http") for s in check["sources"])
        assert check["measured_km"] > 0
    for edge in network.edges:
        assert edge.source and edge.source.startswith("http"), edge.name
