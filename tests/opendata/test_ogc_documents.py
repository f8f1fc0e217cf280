"""The OGC API's documents a client reads before any feature: landing page, conformance, collections, the
OpenAPI definition. Their links are what GDAL, QGIS and OWSLib follow."""

import datetime as dt

import pytest
from openapi_spec_validator import validate

from tests.opendata.conftest import live_counts

COLLECTIONS = ["places", "centres", "itineraries", "plaques"]
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"


def _links(body):
    return {(link["rel"], link["type"]): link["href"] for link in body["links"]}


def test_the_landing_page_links_to_the_definition_the_docs_the_conformance_and_the_data(ogc):
    response = ogc()
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    body = response.json()
    assert body["title"] and body["description"]
    links = _links(body)
    assert links[("self", "application/json")] == "http://testserver/ogc/?f=json"
    assert links[("alternate", "text/html")] == "http://testserver/ogc/?f=html"
    assert links[("service-desc", "application/vnd.oai.openapi+json;version=3.0")].startswith(
        "http://testserver/ogc/api"
    )
    assert links[("service-doc", "text/html")] == "http://testserver/ogc/api?f=html"
    assert links[("conformance", "application/json")].startswith("http://testserver/ogc/conformance")
    assert links[("data", "application/json")].startswith("http://testserver/ogc/collections")


def test_the_service_declares_core_geojson_html_and_openapi_conformance(ogc):
    body = ogc("conformance").json()
    assert set(body["conformsTo"]) == {
        f"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/{name}"
        for name in ("core", "geojson", "html", "oas30")
    }


def test_every_collection_is_listed_with_its_extent_crs_and_item_links(ogc):
    body = ogc("collections").json()
    assert [c["id"] for c in body["collections"]] == COLLECTIONS
    for collection in body["collections"]:
        assert collection["itemType"] == "feature" and collection["crs"] == [CRS84]
        links = _links(collection)
        assert links[("items", "application/geo+json")].startswith(
            f"http://testserver/ogc/collections/{collection['id']}/items"
        )
        assert ("items", "text/html") in links
        assert collection["extent"]["spatial"]["crs"] == CRS84


def test_a_collections_spatial_extent_is_the_box_around_its_features(ogc):
    from heritage.models import PlacePage

    places = PlacePage.objects.live().public().filter(locale__language_code="id")
    lons = [float(p.longitude) for p in places]
    lats = [float(p.latitude) for p in places]
    body = ogc("collections/places").json()
    assert body["extent"]["spatial"]["bbox"] == [[min(lons), min(lats), max(lons), max(lats)]]
    published = sorted(p.last_published_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") for p in places)
    assert body["extent"]["temporal"]["interval"] == [[published[0], published[-1]]]
    # the itinerary's extent is its route's, through the jeep track's middle point north of Candi Jago
    route = ogc("collections/itineraries").json()["extent"]["spatial"]["bbox"][0]
    assert route == [112.5981, -8.0059, 112.9531, -7.9425]


def test_plaques_have_no_time_and_say_so_by_having_no_temporal_extent(ogc):
    body = ogc("collections/plaques").json()
    assert "temporal" not in body["extent"] and body["extent"]["spatial"]["bbox"]


def test_an_unknown_collection_is_a_404_in_json(ogc):
    for path in ("collections/temples", "collections/temples/items", "collections/temples/items/1"):
        response = ogc(path)
        assert response.status_code == 404, path
        assert response.json()["code"] == "NotFound"


def test_the_openapi_definition_is_valid_and_has_every_collections_paths(ogc):
    response = ogc("api")
    assert response["Content-Type"] == "application/vnd.oai.openapi+json;version=3.0"
    document = response.json()
    validate(document)  # raises on an invalid OpenAPI 3.0 document
    assert document["servers"] == [{"url": "http://testserver/ogc"}]
    for collection in COLLECTIONS:
        for path in ("", "/items", "/items/{featureId}"):
            assert f"/collections/{collection}{path}" in document["paths"], (collection, path)
        parameters = {
            p["name"]: p for p in document["paths"][f"/collections/{collection}/items"]["get"]["parameters"]
        }
        assert parameters["limit"]["schema"] == {
            "type": "integer",
            "minimum": 1,
            "maximum": 1000,
            "default": 10,
        }
        assert ("datetime" in parameters) == (collection != "plaques")
    places = {p["name"] for p in document["paths"]["/collections/places/items"]["get"]["parameters"]}
    assert {"kind", "region", "type", "era", "bbox", "lang", "offset"} <= places
    kinds = next(
        p for p in document["paths"]["/collections/places/items"]["get"]["parameters"] if p["name"] == "kind"
    )
    assert "temple" in kinds["schema"]["items"]["enum"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_collections_are_described_in_the_asked_language(ogc, lang):
    titles = {c["id"]: c["title"] for c in ogc("collections", lang=lang).json()["collections"]}
    expected = {"id": "Tempat warisan", "en": "Heritage places"}[lang]
    assert titles["places"] == expected


def test_the_database_holds_what_the_collections_count(ogc):
    """A guard on the fixture world itself: every collection has features to serve."""
    assert all(count > 0 for count in live_counts().values())


CC_BY = "https://creativecommons.org/licenses/by/4.0/"
ODBL = "https://opendatacommons.org/licenses/odbl/1-0/"


def test_every_collection_links_its_licence_as_the_feeds_do(ogc):
    for collection in ogc("collections").json()["collections"]:
        licences = [link["href"] for link in collection["links"] if link["rel"] == "license"]
        # routes are computed on OpenStreetMap's roads: ODbL as well
        assert licences == ([CC_BY, ODBL] if collection["id"] == "itineraries" else [CC_BY]), collection["id"]
    places = ogc("collections/places").json()
    (described,) = [link["href"] for link in places["links"] if link["rel"] == "describedby"]
    assert described.endswith("/data/catalog.jsonld#places")
    for collection in COLLECTIONS:
        response = ogc(f"collections/{collection}/items")
        assert f'<{CC_BY}>; rel="license"' in response["Link"], collection
    assert ogc("collections/itineraries/items").json()["metadata"]["licenses"][1]["url"] == ODBL
