"""The home page's poster (issue 17, "a face for the brand"): the journey from Tugu Malang through the Tumpang
temples to the Bromo crater, drawn by the geo library from the bundled network and places."""

import dataclasses
import re

import pytest
from lxml import etree

from geodata import poster
from geodata.corridor import load_corridor_network
from geodata.places import load_places
from geodata.routing import route

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "Candi `${alert(1)}` </text><script>alert(2)</script> & \"'"


def texts(svg: str) -> list[str]:
    root = etree.fromstring(svg.encode())
    return [element.text for element in root.iter(f"{SVG}text")]


def test_the_bundled_poster_is_what_the_bundled_data_draws(capsys):
    assert poster.main(["--check"]) == 0, "run python -m geodata.poster"
    svg = poster.POSTER_PATH.read_text(encoding="utf-8")
    assert (
        len(svg.encode()) < 30_000
    )  # light enough for a phone on one bar of signal, and for the offline pack


def test_the_poster_names_the_journey_and_gives_each_legs_routed_length():
    network, places = load_corridor_network(), load_places()
    svg = poster.draw_poster(network, places)
    root = etree.fromstring(svg.encode())
    assert root.get("role") == "img" and root.find(f"{SVG}title").text.startswith(
        "Tugu Malang – Kawah Gunung Bromo"
    )
    labels = texts(svg)
    for name in (
        "Tugu Malang",
        "Candi Kidal",
        "Candi Jago",
        "Desa Ngadas",
        "Kawah Gunung Bromo",
        "Puncak Mahameru",
    ):
        assert name in labels
    by_name = {p.name: p for p in places}
    trip = route(
        network,
        [{"name": n, "lat": by_name[n].lat, "lon": by_name[n].lon} for n in poster.JOURNEY],
        poster.MODE,
    )
    shown_km = [int(m.group(1)) for t in labels if (m := re.fullmatch(r"(\d+) km", t))]
    # Each label is drawn twice (its halo, then the text).
    assert shown_km[::2] == [round(leg.distance_m / 1000) for leg in trip.legs]
    assert f"{round(trip.distance_m / 1000)} km" in root.find(f"{SVG}title").text
    # The journey's line is the routed line: it starts at Tugu Malang's end of the route and has its points.
    journey = [p for p in root.iter(f"{SVG}path") if p.get("stroke") == poster.PALETTE["route"]]
    assert len(journey) == 1 and journey[0].get("d").count("L") == len(trip.geometry.coords) - 1


def test_a_hostile_place_name_stays_text(monkeypatch):
    places = [dataclasses.replace(p, name=HOSTILE) if p.name == "Candi Badut" else p for p in load_places()]
    monkeypatch.setattr(poster, "LANDMARKS", ("Puncak Mahameru (Gunung Semeru)", HOSTILE))
    svg = poster.draw_poster(load_corridor_network(), places)
    root = etree.fromstring(svg.encode())  # still well-formed
    assert HOSTILE in texts(svg)
    assert not list(root.iter(f"{SVG}script"))


@pytest.mark.parametrize(
    ("name", "short"), [("Tugu Malang (Alun-Alun Tugu)", "Tugu Malang"), ("Candi Jago", "Candi Jago")]
)
def test_short_names_drop_the_bracketed_other_name(name, short):
    assert poster.short_name(name) == short
