"""What is made near a heritage place, and which places are near a product: a tourist at Candi Badut is a short
ride from the Dinoyo ceramics kampung. Distances are checked against pyproj's geodesic on WGS84."""

import pytest
from pyproj import Geod

from products.nearby import RADIUS_M, centres_near, products_near, trade_near

BADUT = (-7.9577, 112.5981)  # tests/fixtures/places_sample.geojson
GEOD = Geod(ellps="WGS84")


def geodesic_m(a, b):
    return GEOD.inv(a[1], a[0], b[1], b[0])[2]


def test_dinoyo_is_the_centre_near_candi_badut_at_the_right_distance(badut):
    [(centre, metres)] = centres_near(*BADUT, locale_id=badut().locale_id)
    assert centre.slug == "dinoyo"
    assert metres == pytest.approx(geodesic_m(BADUT, (-7.944197, 112.6082)), rel=0.005)
    assert 1_800 < metres < 1_950


def test_products_near_candi_badut_are_dinoyos_then_bakso_president_nearest_first(badut):
    pairs = products_near(*BADUT, locale_id=badut().locale_id)
    slugs = [product.slug for product, _m in pairs]
    # Dinoyo's three products at ~1.9 km, the featured one first; Bakso President (located by its producer) at ~4.2 km.
    assert slugs == [
        "keramik-hias-dinoyo",
        "kelas-keramik-dinoyo",
        "suvenir-keramik-dinoyo",
        "bakso-president",
    ]
    metres = [m for _p, m in pairs]
    assert metres == sorted(metres)
    assert metres[-1] == pytest.approx(geodesic_m(BADUT, (-7.964993, 112.63576)), rel=0.005)


def test_the_radius_is_a_hard_limit(badut):
    # Sanan is ~5.1 km from Candi Badut: just outside the default 5 km, inside 6 km.
    assert geodesic_m(BADUT, (-7.954127, 112.644462)) > RADIUS_M
    near = {product.slug for product, _m in products_near(*BADUT, locale_id=badut().locale_id)}
    assert "keripik-tempe-sanan" not in near
    wider = {
        product.slug for product, _m in products_near(*BADUT, locale_id=badut().locale_id, radius_m=6_000)
    }
    assert {"keripik-tempe-sanan", "tempe-sanan"} <= wider
    assert {c.slug for c, _m in centres_near(*BADUT, locale_id=badut().locale_id, radius_m=6_000)} == {
        "dinoyo",
        "sanan",
    }


def test_a_product_in_the_corner_of_the_search_box_but_beyond_the_radius_is_not_near(badut):
    """Bakso President is 4.23 km from Candi Badut, mostly east: inside a 4.2 km box, outside a 4.2 km circle."""
    assert 4_200 < geodesic_m(BADUT, (-7.964993, 112.63576)) < 4_300
    within = {p.slug for p, _m in products_near(*BADUT, locale_id=badut().locale_id, radius_m=4_300)}
    assert "bakso-president" in within
    beyond = {p.slug for p, _m in products_near(*BADUT, locale_id=badut().locale_id, radius_m=4_200)}
    assert "bakso-president" not in beyond
    assert "keramik-hias-dinoyo" in beyond


def test_nearby_trade_follows_the_pages_language(badut):
    place, place_en = badut("id"), badut("en")
    trade = trade_near(place_en)
    assert [c.title for c, _m in trade["centres"]] == ["Dinoyo Ceramics Village"]
    assert all(p.locale_id == place_en.locale_id for p, _m in trade["products"])
    assert trade_near(place)["centres"][0][0].locale_id == place.locale_id


def test_an_unpublished_product_is_not_made_nearby(badut, product):
    product("keramik-hias-dinoyo").unpublish()
    assert "keramik-hias-dinoyo" not in {
        p.slug for p, _m in products_near(*BADUT, locale_id=badut().locale_id)
    }


def test_a_product_knows_the_heritage_places_near_where_it_is_made(products_site, product):
    [(badut, metres)] = product("suvenir-keramik-dinoyo").places_near()
    assert badut.slug == "candi-badut"
    assert metres == pytest.approx(geodesic_m(BADUT, (-7.944197, 112.6082)), rel=0.005)


def test_a_product_with_no_known_location_has_no_neighbours(products_site, product):
    """Batik Tulis Celaket has no centre, and no public source gives its producer's point."""
    celaket = product("batik-tulis-celaket")
    assert celaket.where is None
    assert celaket.places_near() == []


def test_candi_baduts_page_shows_dinoyo_ceramics_made_nearby(products_site, client):
    for url, dinoyo in [
        ("/id/tempat/candi-badut/", "Kampung Keramik Dinoyo"),
        ("/en/places/candi-badut/", "Dinoyo Ceramics Village"),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        section = html[html.index('id="made-nearby"') :]
        assert dinoyo in section
        assert "keramik-hias-dinoyo/" in section
        assert "1.9 km" in section or "1,9 km" in section


def test_a_short_list_cut_inside_a_tie_keeps_the_featured_product_and_the_names_order(badut):
    # Dinoyo's three products share one point: a list of two is the first two of the whole list, not whichever
    # two the distance alone would pick.
    whole = [product.slug for product, _m in products_near(*BADUT, locale_id=badut().locale_id)]
    for limit in (1, 2, 3):
        short = [
            product.slug for product, _m in products_near(*BADUT, locale_id=badut().locale_id, limit=limit)
        ]
        assert short == whole[:limit]


def test_contenders_keep_every_row_tied_with_the_last_place_and_skip_unlocated_rows():
    from heritage.nearby import contenders

    rows = [("a", -7.9577, 112.5981), ("b", -7.9577, 112.5981), ("c", -7.9600, 112.5990), ("d", None, 112.6)]
    assert contenders(rows, *BADUT, radius_m=5_000, limit=1) == {"a", "b"}
    assert contenders(rows, *BADUT, radius_m=5_000, limit=3) == {"a", "b", "c"}
    assert contenders(rows, *BADUT, radius_m=10, limit=5) == {"a", "b"}
