"""Features of the OGC API: paging, the bbox / datetime / kind / region / lang filters checked against the
database, the 400 that names a bad parameter, and what must never be served (drafts, unpublished and
private pages)."""

import datetime as dt

import pytest

from heritage.models import PlacePage
from plaques.models import ShortCode
from products.models import CentrePage
from tests.opendata.conftest import live_counts


def _keys(pages):
    return {str(page.translation_key) for page in pages}


def _ids(body):
    return [feature["id"] for feature in body["features"]]


def _next(body):
    return next((link["href"] for link in body["links"] if link["rel"] == "next"), None)


def _live_places(lang="id", **filters):
    return PlacePage.objects.live().public().filter(locale__language_code=lang, **filters)


def test_items_are_geojson_in_crs84_with_counts_links_and_a_time_stamp(ogc):
    response = ogc("collections/places/items")
    assert response["Content-Type"] == "application/geo+json"
    assert response["Content-Crs"] == "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert body["numberMatched"] == body["numberReturned"] == live_counts()["places"] == 3
    assert dt.datetime.fromisoformat(body["timeStamp"]).tzinfo is not None
    rels = {link["rel"] for link in body["links"]}
    assert {"self", "alternate", "collection"} <= rels and "next" not in rels and "prev" not in rels
    badut = next(f for f in body["features"] if f["properties"]["slug"] == "candi-badut")
    assert badut["geometry"] == {"type": "Point", "coordinates": [112.5981, -7.9577]}  # lon, lat
    assert badut["properties"]["kind"] == "temple" and badut["properties"]["qr_url"].startswith("https://")


def test_following_next_links_visits_every_feature_once(client, ogc):
    for collection, size in (("places", 1), ("centres", 2), ("plaques", 2)):
        body = ogc(f"collections/{collection}/items", limit=size).json()
        seen, pages = _ids(body), 1
        while (href := _next(body)) is not None:
            assert href.startswith("http://testserver/ogc/")
            body = client.get(href).json()
            assert body["numberReturned"] <= size
            seen += _ids(body)
            pages += 1
        assert len(seen) == len(set(seen)) == live_counts()[collection], collection
        assert pages == -(-len(seen) // size)
    expected = _keys(CentrePage.objects.live().public().filter(locale__language_code="id"))
    assert set(_ids(ogc("collections/centres/items", limit=1000).json())) == expected


def test_a_page_in_the_middle_links_back_and_forward_keeping_the_filters(ogc):
    body = ogc("collections/centres/items", limit=2, offset=2, region="kota-malang,kab-malang").json()
    links = {link["rel"]: link["href"] for link in body["links"]}
    assert "offset=0" in links["prev"] and "region=kota-malang%2Ckab-malang" in links["prev"]
    matched = (
        CentrePage.objects.live()
        .filter(locale__language_code="id", region__in=["kota-malang", "kab-malang"])
        .count()
    )
    assert body["numberMatched"] == matched
    assert ("next" in links) == (matched > 4)


def test_an_item_has_the_id_the_list_gave_it_and_the_same_id_in_english(ogc):
    badut = PlacePage.objects.get(slug="candi-badut", locale__language_code="id")
    key = str(badut.translation_key)
    response = ogc(f"collections/places/items/{key}")
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    feature = response.json()
    assert feature["id"] == key and feature["properties"]["page_id"] == badut.pk
    assert {link["rel"] for link in feature["links"]} >= {"self", "alternate", "collection"}
    english = ogc(f"collections/places/items/{key}", lang="en").json()
    assert english["id"] == key and english["properties"]["lang"] == "en"
    assert english["properties"]["page_id"] == badut.get_translation(english_locale()).pk


def english_locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


def test_lang_chooses_the_language_of_every_collection(ogc):
    for collection in ("places", "centres", "plaques"):
        for lang in ("id", "en"):
            body = ogc(f"collections/{collection}/items", lang=lang, limit=1000).json()
            assert body["numberMatched"] == live_counts(lang)[collection]
            langs = {f["properties"]["lang"] for f in body["features"]}
            assert langs == {lang}, (collection, lang)
    # the itinerary exists in Indonesian only
    assert ogc("collections/itineraries/items", lang="en").json()["numberMatched"] == 0
    assert ogc("collections/itineraries/items").json()["numberMatched"] == 1


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ({"kind": "temple"}, {"kind__in": ["temple"]}),
        ({"kind": "temple,crater"}, {"kind__in": ["temple", "crater"]}),
        ({"region": "probolinggo"}, {"region__in": ["probolinggo"]}),
        ({"region": "kota-malang", "kind": "crater"}, {"region": "kota-malang", "kind": "crater"}),
        ({"type": "corridor"}, {"corridorplacepage__isnull": False}),
    ],
)
def test_place_filters_answer_what_the_database_holds(ogc, query, filters):
    body = ogc("collections/places/items", **query).json()
    assert set(_ids(body)) == _keys(_live_places(**filters))
    assert body["numberMatched"] == _live_places(**filters).count()


def test_a_region_filter_on_centres_answers_what_the_database_holds(ogc):
    body = ogc("collections/centres/items", region="kota-batu", limit=1000).json()
    expected = CentrePage.objects.live().filter(locale__language_code="id", region="kota-batu")
    assert set(_ids(body)) == _keys(expected) and expected.exists()


def test_bbox_keeps_the_points_inside_and_the_routes_that_cross_it(ogc):
    around_badut = "112.55,-8.0,112.65,-7.9"
    body = ogc("collections/places/items", bbox=around_badut).json()
    inside = _live_places(
        longitude__gte=112.55, longitude__lte=112.65, latitude__gte=-8.0, latitude__lte=-7.9
    )
    assert set(_ids(body)) == _keys(inside) and inside.count() == 1
    plaques = ogc("collections/plaques/items", bbox=around_badut).json()
    assert [f["properties"]["place"] for f in plaques["features"]] == list(_keys(inside))
    # a box between Candi Jago and Kawah Bromo holds no place, but the jeep track runs through it
    between = "112.84,-8.0,112.86,-7.98"
    assert ogc("collections/places/items", bbox=between).json()["numberMatched"] == 0
    assert ogc("collections/itineraries/items", bbox=between).json()["numberMatched"] == 1
    far_away = "110.0,-7.0,110.1,-6.9"
    assert ogc("collections/itineraries/items", bbox=far_away).json()["numberMatched"] == 0


@pytest.fixture
def publication_days(ogc_site):
    """Candi Badut published 10 January 2024, Candi Jago 1 June 2024 at 08:00 UTC, Kawah Bromo 1 January 2025."""
    days = {
        "candi-badut": dt.datetime(2024, 1, 10, tzinfo=dt.UTC),
        "candi-jago": dt.datetime(2024, 6, 1, 8, tzinfo=dt.UTC),
        "kawah-bromo": dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC),
    }
    for slug, moment in days.items():
        _live_places(slug=slug).update(last_published_at=moment)
    return days


@pytest.mark.parametrize(
    ("interval", "slugs"),
    [
        ("2024-01-01T00:00:00Z/2024-12-31T23:59:59Z", {"candi-badut", "candi-jago"}),
        ("../2024-03-01T00:00:00Z", {"candi-badut"}),
        ("2024-05-01T00:00:00+07:00/..", {"candi-jago", "kawah-bromo"}),
        ("2024-06-01T08:00:00Z", {"candi-jago"}),
        ("2025-01-01", {"kawah-bromo"}),
        ("2024-01-10/2024-06-01", {"candi-badut", "candi-jago"}),
        ("2026-01-01T00:00:00Z/..", set()),
        ("../..", {"candi-badut", "candi-jago", "kawah-bromo"}),
    ],
)
def test_datetime_keeps_the_places_last_published_in_the_interval(ogc, publication_days, interval, slugs):
    body = ogc("collections/places/items", datetime=interval).json()
    assert {f["properties"]["slug"] for f in body["features"]} == slugs
    assert body["numberMatched"] == len(slugs)


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("places", {"limit": "0"}, "limit"),
        ("places", {"limit": "1001"}, "limit"),
        ("places", {"limit": "ten"}, "limit"),
        ("places", {"offset": "-1"}, "offset"),
        ("places", {"bbox": "112,-8,113"}, "bbox"),
        ("places", {"bbox": "a,b,c,d"}, "bbox"),
        ("places", {"bbox": "113,-8,112,-7"}, "bbox"),
        ("places", {"datetime": "yesterday"}, "datetime"),
        ("places", {"datetime": "2024-13-01T00:00:00Z"}, "datetime"),
        ("places", {"datetime": "2024-05-01T08:00:00"}, "datetime"),  # RFC 3339 needs the offset
        ("places", {"datetime": "2025-01-01/2024-01-01"}, "datetime"),
        ("places", {"datetime": "2024-01-01/2024-02-01/2024-03-01"}, "datetime"),
        ("places", {"kind": "tempel"}, "kind"),
        ("places", {"region": "mars"}, "region"),
        ("places", {"lang": "fr"}, "lang"),
        ("places", {"f": "xml"}, "f"),
        ("places", {"bbbox": "112,-8,113,-7"}, "bbbox"),
        ("centres", {"kind": "temple"}, "kind"),  # a places filter, not a centres one
        ("centres", {"region": "jakarta"}, "region"),
        ("plaques", {"datetime": "2024-01-01T00:00:00Z"}, "datetime"),  # plaques have no time
    ],
)
def test_a_bad_or_unknown_parameter_is_a_400_naming_it(ogc, path, query, parameter):
    response = ogc(f"collections/{path}/items", **query)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter and body["error"].startswith(f"{parameter}:")
    assert body["code"] == "InvalidParameterValue"


@pytest.mark.parametrize("path", ["", "conformance", "collections", "collections/places", "api"])
def test_documents_refuse_parameters_they_do_not_take(ogc, path):
    response = ogc(path, limit="5")
    assert response.status_code == 400 and response.json()["parameter"] == "limit"


def _everywhere(ogc, page):
    """Whether the page shows up in any list or at its item address, in either language."""
    key = str(page.translation_key)
    for lang in ("id", "en"):
        if key in _ids(ogc("collections/places/items", lang=lang, limit=1000).json()):
            return True
        if ogc(f"collections/places/items/{key}", lang=lang).status_code != 404:
            return True
        places = [
            f["properties"]["place"]
            for f in ogc("collections/plaques/items", lang=lang, limit=1000).json()["features"]
        ]
        if key in places:
            return True
    return False


def test_a_draft_never_appears_not_even_by_id(ogc, add_place):
    draft = add_place("gedung-draf", publish=False)
    assert not draft.live and draft.get_latest_revision() is not None
    assert not _everywhere(ogc, draft)
    assert ogc("collections/places/items").json()["numberMatched"] == live_counts()["places"] == 3


def test_an_unpublished_page_and_its_plaque_disappear(ogc, add_place):
    page = add_place("gedung-lama")
    code = ShortCode.objects.get(page=page).code
    assert _everywhere(ogc, page)
    assert ogc(f"collections/plaques/items/{code}").status_code == 200
    page.unpublish()
    assert not _everywhere(ogc, page)
    assert ogc(f"collections/plaques/items/{code}").status_code == 404


def test_a_private_page_never_appears(ogc, add_place):
    from wagtail.models import PageViewRestriction

    page = add_place("gedung-pribadi")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="pw-for-tests-only")
    assert not _everywhere(ogc, page)


def test_an_unpublished_place_leaves_the_itinerary_as_pieces(ogc):
    jago = _live_places(slug="candi-jago").get()
    jago.unpublish()
    feature = ogc("collections/itineraries/items").json()["features"][0]
    assert feature["geometry"] is None or feature["geometry"]["type"] == "MultiLineString"
    assert feature["properties"]["route_complete"] is False
    assert feature["properties"]["unavailable_stops"] == 1


@pytest.mark.parametrize(
    "feature_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00", "x" * 500]
)
def test_an_id_that_names_no_feature_is_a_404(ogc, feature_id):
    for collection in ("places", "centres", "itineraries", "plaques"):
        response = ogc(f"collections/{collection}/items/{feature_id}")
        assert response.status_code == 404, collection
