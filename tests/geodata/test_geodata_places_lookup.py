"""Finding a place the way people type it: slug, Indonesian or English name, any case, with or without
accents, part of a name, or plain coordinates."""

import pytest

from geodata.errors import UnknownPlace
from geodata.places import Place, find_place, load_places, normalize, parse_latlon, resolve_place

PLACES = [
    Place("tugu-malang", "Tugu Malang (Alun-Alun Tugu)", -7.9771, 112.6340, name_en="Tugu Monument"),
    Place("candi-badut", "Candi Badut", -7.9578, 112.5983, name_en="Badut Temple", kind="temple"),
    Place("candi-jago", "Candi Jago", -8.0059, 112.7575, name_en="Jago Temple", kind="temple"),
    Place("pura-luhur-poten", "Pura Luhur Potèn", -7.9377, 112.9458, name_en="Luhur Poten Temple"),
    Place("kawah-bromo", "Kawah Gunung Bromo", -7.9420, 112.9530, name_en="Bromo Crater"),
]


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("candi-badut", "candi-badut"),
        ("Candi Badut", "candi-badut"),
        ("CANDI badut", "candi-badut"),
        ("Badut Temple", "candi-badut"),
        ("tugu malang", "tugu-malang"),
        ("Alun-alun Tugu", "tugu-malang"),
        ("pura luhur poten", "pura-luhur-poten"),
        ("Pura Luhur Potèn", "pura-luhur-poten"),
        ("kawah bromo", "kawah-bromo"),
        ("bromo crater", "kawah-bromo"),
        ("Jago", "candi-jago"),
    ],
)
def test_a_place_is_found_by_slug_or_name_in_either_language_whatever_the_case_and_accents(query, slug):
    assert find_place(query, PLACES).slug == slug


def test_a_name_that_fits_several_places_is_refused_with_the_candidates():
    with pytest.raises(UnknownPlace) as caught:
        find_place("candi", PLACES)
    assert set(caught.value.suggestions) == {"Candi Badut", "Candi Jago"}


def test_an_unknown_place_suggests_close_names():
    with pytest.raises(UnknownPlace, match="Did you mean: Candi Badut") as caught:
        find_place("Candi Badud", PLACES)
    assert caught.value.query == "Candi Badud"


def test_coordinates_are_a_place_of_their_own():
    place = resolve_place("-7.9425, 112.953", PLACES)
    assert (place.lat, place.lon) == (-7.9425, 112.953) and place.slug is None
    assert parse_latlon("112.9, -7.9") is None  # lon first is not a lat,lon pair
    assert parse_latlon("Candi") is None


def test_normalize_drops_accents_case_and_punctuation():
    assert normalize("Alun-Alun  MERDEKA (Pusat)") == "alun alun merdeka pusat"
    assert normalize("Potèn") == "poten"


def test_the_bundled_places_file_loads_and_every_place_resolves_by_its_own_name_and_slug():
    places = load_places()
    assert places, "geodata/data/places.geojson has no places"
    for place in places:
        assert find_place(place.slug, places) is place
        assert find_place(place.name, places) is place
