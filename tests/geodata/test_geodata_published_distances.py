"""The published-distance table is a test: every check of geodata/data/published_distances.json is routed on
the bundled corridor network and must come within 10% of a figure a public page gives; every leg of a bundled
itinerary and every drive from Tugu Malang to a bundled place outside the city is either checked or listed as
not checked with its reason; and the table in corridor_network.md is the one the data produces."""

import json
from pathlib import Path

import pytest

from geodata.corridor import load_corridor_network
from geodata.corridor_build import (
    MD_PATH,
    build_frame,
    check_stop,
    measure,
    resolve_anchors,
    run_checks,
    write_markdown,
)
from geodata.corridor_data import CHECKS, NOT_CHECKED, PUBLISHED_DISTANCES_PATH, Check
from geodata.places import CORRIDOR_NETWORK_PATH, load_places
from geodata.routing import route

ITINERARIES = Path(__file__).resolve().parents[2] / "itineraries" / "content" / "itineraries.json"
PLACES = load_places()
PLACES_BY_SLUG = {p.slug: p for p in PLACES}


@pytest.fixture(scope="module")
def network():
    return load_corridor_network()


@pytest.fixture(scope="module")
def anchors():
    return resolve_anchors()


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_the_routed_distance_is_within_ten_percent_of_the_published_figure(network, anchors, check):
    measured = measure(network, check, anchors, PLACES_BY_SLUG)
    low, high = check.published_km
    assert check.within_tolerance(measured), (
        f"{check.label} ({check.mode}): {measured:.2f} km on the network, published {low:g}-{high:g} km "
        f"({check.quote})"
    )


def test_the_tolerance_counts_a_range_from_its_low_to_its_high_end_and_can_fail():
    single = Check("x", "x", ("a", "b"), "car", (10.0, 10.0), "about 10 km", ("https://example.org",))
    assert single.within_tolerance(9.0) and single.within_tolerance(11.0) and single.within_tolerance(11.04)
    assert not single.within_tolerance(8.9) and not single.within_tolerance(11.2)
    span = Check("y", "y", ("a", "b"), "car", (13.0, 20.0), "13-20 km", ("https://example.org",))
    assert span.within_tolerance(11.7) and span.within_tolerance(22.0)
    assert not span.within_tolerance(11.5) and not span.within_tolerance(22.2)


def test_every_figure_names_its_quote_and_public_pages_and_every_gap_its_reason():
    data = json.loads(PUBLISHED_DISTANCES_PATH.read_text(encoding="utf-8"))
    ids = [c["id"] for c in data["checks"]]
    assert len(ids) == len(set(ids))
    for check in CHECKS:
        assert check.quote.strip(), check.id
        assert check.sources and all(s.startswith("http") for s in check.sources), check.id
        assert 0 < check.published_km[0] <= check.published_km[1], check.id
        for stop in check.stops:
            assert stop in resolve_anchors() or stop in PLACES_BY_SLUG, (check.id, stop)
    for entry in NOT_CHECKED:
        assert entry["route"].strip() and len(entry["reason"]) > 20, entry


def required_routes() -> set[str]:
    """Each itinerary leg, and the drive from Tugu Malang to each bundled place outside Kota Malang."""
    required = set()
    for itinerary in json.loads(ITINERARIES.read_text(encoding="utf-8"))["itineraries"]:
        for n in range(1, len(itinerary["stops"])):
            required.add(f"leg:{itinerary['slug']}:{n}")
    required |= {f"hub:{p.slug}" for p in PLACES if p.region != "kota-malang"}
    return required


def test_every_itinerary_leg_and_drive_from_tugu_is_checked_or_said_to_be_unchecked():
    covered = {c for check in CHECKS for c in check.covers} | {c for e in NOT_CHECKED for c in e["covers"]}
    missing = required_routes() - covered
    assert not missing, sorted(missing)
    unknown = covered - required_routes()
    assert not unknown, sorted(unknown)  # a leg renumbered or a place renamed: the table must follow


def test_a_calibrated_figure_is_the_counted_length_of_a_road_it_uses(network, anchors):
    """'calibrated' is said only where a road on the route counts a published length, and every road that
    counts one names the figure's page."""
    stretched = {e.name for e in network.edges if e.length_factor != 1.0}
    for feature in json.loads(CORRIDOR_NETWORK_PATH.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        if props.get("published_km"):
            assert "http" in props["km_source"], props["name"]
            assert props["name"] in stretched
    for check in (c for c in CHECKS if c.calibrated):
        stops = [check_stop(k, anchors, PLACES_BY_SLUG) for k in check.stops]
        trip = route(network, stops, check.mode, optimize="distance")
        assert set(trip.road_names) & stretched, check.id


def test_the_markdown_table_is_the_one_the_data_produces(tmp_path, anchors):
    gdf = build_frame(anchors)
    regenerated = tmp_path / "corridor_network.md"
    write_markdown(gdf, anchors, run_checks(gdf, anchors), path=regenerated)
    assert MD_PATH.read_text(encoding="utf-8") == regenerated.read_text(encoding="utf-8"), (
        "corridor_network.md is out of date: run python -m geodata.corridor_build"
    )
    for check in CHECKS:
        assert check.label in regenerated.read_text(encoding="utf-8")


def test_the_network_file_carries_the_same_checks(network):
    assert [c["id"] for c in network.metadata["checks"]] == [c.id for c in CHECKS]
    assert all(c["within_10_percent"] for c in network.metadata["checks"])
