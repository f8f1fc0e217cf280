"""Search survives Elasticsearch: with the cluster down (a closed port) or silent (a server that accepts the
connection and never answers), the search page, both JSON endpoints and the admin's page search answer from
the database, publishing works, and the outage is logged once (search/cluster.py, search/backends.py).

The settings are the real ones: base settings are run with ``ELASTICSEARCH_URL`` pointing at the broken
cluster, only the timeout is shortened so the tests stay fast.
"""

import logging
import time

import pytest
from broken_services import SilentServer, base_settings, closed_port_url

from heritage.models import PlacePage
from search.cluster import ElasticsearchCircuit, cluster

TIMEOUT = 0.3  # seconds; production waits ELASTICSEARCH_TIMEOUT (2 s)


@pytest.fixture
def elasticsearch_at(settings, monkeypatch):
    """Point the site at a cluster, with the settings base.py builds for that ELASTICSEARCH_URL."""

    def point(url):
        built = base_settings(monkeypatch, ELASTICSEARCH_URL=url)
        backends = built["WAGTAILSEARCH_BACKENDS"]
        assert backends["default"]["BACKEND"] == "search.backends"
        backends["default"]["TIMEOUT"] = TIMEOUT
        settings.WAGTAILSEARCH_BACKENDS = backends
        settings.ELASTICSEARCH_URL = url
        settings.ELASTICSEARCH_TIMEOUT = TIMEOUT
        settings.ELASTICSEARCH_RETRY_AFTER = built["ELASTICSEARCH_RETRY_AFTER"]

    return point


@pytest.fixture(params=["down", "silent"])
def broken_cluster(request, elasticsearch_at):
    """The two ways a cluster fails a worker: it refuses connections, or it takes them and never answers."""
    if request.param == "down":
        elasticsearch_at(closed_port_url())
        return None
    server = SilentServer()
    request.addfinalizer(server.close)
    elasticsearch_at(server.url)
    return server


def outage_warnings(caplog):
    return [r for r in caplog.records if r.name == "search.cluster" and r.levelno == logging.WARNING]


def errors(caplog):
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_with_the_cluster_broken_visitors_and_editors_search_the_database(
    sample_site, broken_cluster, client, admin_client, caplog
):
    started = time.monotonic()
    with caplog.at_level(logging.INFO):
        for _round in range(3):
            for path in ("/id/search/", "/en/search/"):
                page = client.get(path, {"q": "candi"})
                assert page.status_code == 200
                assert b"Candi-badut" in page.content and b"Candi-jago" in page.content
                assert b"Kawah-bromo" not in page.content

            found = client.get("/api/search.json", {"q": "candi"})
            assert found.status_code == 200
            assert found.json()["engine"] == "database"
            assert sorted(r["title"] for r in found.json()["results"]) == [
                "Candi-badut (id)",
                "Candi-jago (id)",
            ]

            suggested = client.get("/api/suggest.json", {"q": "cand", "lang": "en"})
            assert suggested.status_code == 200
            assert sorted(s["title"] for s in suggested.json()["suggestions"]) == [
                "Candi-badut (en)",
                "Candi-jago (en)",
            ]

            admin = admin_client.get("/admin/pages/search/", {"q": "candi"})
            assert admin.status_code == 200
            assert b"Candi-badut (id)" in admin.content and b"Candi-jago (en)" in admin.content
    elapsed = time.monotonic() - started

    (warning,) = outage_warnings(caplog)  # fifteen requests, one outage, one warning
    assert "Elasticsearch is failing" in warning.getMessage()
    assert errors(caplog) == []
    assert cluster.is_open
    # Only the first request waited for the cluster: the others were answered without asking it.
    assert elapsed < 15 * TIMEOUT
    if broken_cluster is not None:
        assert len(broken_cluster.connections) == 1


def test_publishing_with_the_cluster_broken_works_and_the_admin_finds_the_page_at_once(
    sample_site, broken_cluster, admin_client, caplog
):
    jago = PlacePage.objects.get(slug="candi-jago", locale__language_code="id").specific
    jago.title = "Candi Jago Kunjarakarna"
    with caplog.at_level(logging.INFO):
        jago.save_revision().publish()
        admin = admin_client.get("/admin/pages/search/", {"q": "kunjarakarna"})

    assert PlacePage.objects.get(pk=jago.pk).title == "Candi Jago Kunjarakarna"
    # Wagtail indexed the database backend too, so the page published during the outage is found.
    assert admin.status_code == 200 and b"Candi Jago Kunjarakarna" in admin.content
    assert len(outage_warnings(caplog)) == 1
    assert errors(caplog) == []  # neither Wagtail's index update nor the discovery index logged an error


class Clock:
    def __init__(self):
        self.now = 1_000.0

    def __call__(self):
        return self.now


def test_the_cluster_is_tried_again_once_per_retry_period_and_its_return_is_logged(caplog):
    from elasticsearch import ConnectionError

    clock = Clock()
    circuit = ElasticsearchCircuit("Elasticsearch", "the database answers", lambda: 30, clock=clock)
    attempts = []

    def refused():
        attempts.append(clock.now)
        raise ConnectionError("connection refused")

    def database():
        return "database"

    with caplog.at_level(logging.INFO, logger="search.cluster"):
        assert circuit.call(refused, database, "search") == "database"
        clock.now += 29
        assert circuit.call(refused, database, "search") == "database"  # not asked: too soon
        clock.now += 1
        assert circuit.call(refused, database, "search") == "database"  # asked again, still down
        assert circuit.call(refused, database, "search") == "database"  # the others wait for the next try
        clock.now += 30
        assert circuit.call(lambda: "cluster", database, "search") == "cluster"
        assert circuit.call(lambda: "cluster", database, "search") == "cluster"

    assert attempts == [1_000.0, 1_030.0]
    assert [(r.levelname, r.getMessage().split(" (")[0]) for r in caplog.records] == [
        ("WARNING", "Elasticsearch is failing"),
        ("INFO", "Elasticsearch answers again after 60 s of failures"),
    ]
    assert not circuit.is_open
