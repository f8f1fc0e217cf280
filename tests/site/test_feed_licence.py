"""Every open-data feed says under which licence it may be reused and where it is described (issue 14): a
`Link` header on every feed, and a `metadata` member in the GeoJSON ones."""

import pytest

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
ODBL = "https://opendatacommons.org/licenses/odbl/1-0/"
CATALOG = "https://heritage.example.id/data/catalog.jsonld"

FEEDS = [
    ("/api/sites.geojson", "places", False),
    ("/api/sites.csv", "places", False),
    ("/api/sites.gpkg", "places", False),
    ("/api/centres.geojson", "centres", False),
    ("/api/products.json", "products", False),
    ("/api/products.csv", "products", False),
    ("/api/itineraries.geojson", "itineraries", True),
    ("/api/qr-scans.csv", "qr-scans", False),
    ("/api/qr-scans.json", "qr-scans", False),
    ("/api/heritage-register.geojson", "heritage-register", False),
    ("/api/heritage-register.csv", "heritage-register", False),
]


@pytest.mark.parametrize(("path", "dataset", "osm"), FEEDS)
def test_every_feed_links_its_licence_and_its_catalogue_entry(client, sample_site, path, dataset, osm):
    response = client.get(path)
    assert response.status_code == 200
    links = response["Link"]
    assert f'<{CATALOG}#{dataset}>; rel="describedby"; type="application/ld+json"' in links
    assert f'<{CC_BY}>; rel="license"' in links
    assert (f'<{ODBL}>; rel="license"' in links) is osm


@pytest.mark.parametrize(("path", "dataset", "osm"), [feed for feed in FEEDS if feed[0].endswith(".geojson")])
def test_geojson_feeds_carry_their_metadata(client, sample_site, path, dataset, osm):
    metadata = client.get(path).json()["metadata"]
    assert metadata["dataset"] == f"{CATALOG}#{dataset}"
    assert metadata["catalog"] == CATALOG
    assert metadata["license"] == CC_BY
    assert [licence["url"] for licence in metadata["licenses"]] == ([CC_BY, ODBL] if osm else [CC_BY])
    assert "Kota Malang" in metadata["attribution"]
    assert ("OpenStreetMap" in metadata["attribution"]) is osm
