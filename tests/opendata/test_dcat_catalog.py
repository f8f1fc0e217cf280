"""The DCAT catalogue read back by rdflib, as Satu Data's harvester would (issue 14)."""

import json

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF

from tests.site.test_feed_licence import CATALOG, FEEDS


@pytest.fixture
def graph(client, sample_site):
    response = client.get("/data/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    return rdflib.Graph().parse(data=response.content, format="json-ld")


def test_the_catalogue_has_what_dcat_ap_requires(graph):
    catalog = rdflib.URIRef(CATALOG)
    assert (catalog, RDF.type, DCAT.Catalog) in graph
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.dataset):
        assert graph.value(catalog, prop) is not None, prop
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert {str(d).split("#")[1] for d in datasets} == {
        "places",
        "centres",
        "products",
        "itineraries",
        "heritage-register",
        "qr-scans",
    }
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        titles = {t.language: str(t) for t in graph.objects(dataset, DCTERMS.title)}
        assert set(titles) == {"id", "en"} and all(titles.values())
        assert graph.value(dataset, DCTERMS.description) is not None
        assert graph.value(dataset, DCTERMS.publisher) is not None
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert distributions, dataset
        for distribution in distributions:
            assert str(graph.value(distribution, DCAT.accessURL)).startswith("https://heritage.example.id/")
            assert rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/") in set(
                graph.objects(distribution, DCTERMS.license)
            )


def test_every_feed_is_a_distribution_that_answers(client, graph):
    urls = {str(url) for url in graph.objects(None, DCAT.accessURL)}
    for path, dataset, _osm in FEEDS:
        assert f"https://heritage.example.id{path}" in urls
        assert (rdflib.URIRef(f"{CATALOG}#{dataset}"), RDF.type, DCAT.Dataset) in graph
    for url in urls:
        path = url.removeprefix("https://heritage.example.id")
        assert client.get(path).status_code == 200, path


def test_modified_is_the_last_publication_and_drafts_do_not_count(client, place, graph):
    places = rdflib.URIRef(f"{CATALOG}#places")
    before = graph.value(places, DCTERMS.modified).toPython()
    place.title = "Candi Badut (draf)"
    place.save_revision()  # a draft: not published
    again = rdflib.Graph().parse(data=client.get("/data/catalog.jsonld").content, format="json-ld")
    assert again.value(places, DCTERMS.modified).toPython() == before
    place.save_revision().publish()
    place.refresh_from_db()
    again = rdflib.Graph().parse(data=client.get("/data/catalog.jsonld").content, format="json-ld")
    assert again.value(places, DCTERMS.modified).toPython() == place.last_published_at


def test_the_turtle_serialisation_says_the_same(client, graph):
    response = client.get("/data/catalog.ttl")
    assert response["Content-Type"].startswith("text/turtle")
    turtle = rdflib.Graph().parse(data=response.content.decode(), format="turtle")
    assert isomorphic(turtle, graph)


def test_an_editor_controlled_publisher_name_stays_text(client, sample_site, settings):
    settings.OPEN_DATA_PUBLISHER = {**settings.OPEN_DATA_PUBLISHER, "name": '</script>"`${x}`'}
    body = json.loads(client.get("/data/catalog.jsonld").content)
    assert body["dct:publisher"]["foaf:name"] == '</script>"`${x}`'
