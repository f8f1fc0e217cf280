"""The Elasticsearch discovery engine, against a recording fake of the cluster's HTTP API.

No Elasticsearch server can run here (ECOSYSTEM.md §12), so the client talks to an in-process node that
records every request and answers as a cluster would. The tests read what we send (mappings, documents,
queries) and check how answers become results, and that a cluster refusing a request never fails a visitor or an
editor. A cluster that is down or silent, over real sockets: test_elasticsearch_outage.py.
"""

import io
import json
import logging

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse  # the pair a node returns (not re-exported)
from elasticsearch import Elasticsearch

from heritage.models import PlacePage
from search.cluster import cluster
from search.discovery import DiscoveryQuery, elastic

ES_URL = "http://es.test:9200"


class FakeNode(BaseNode):
    """Answers each request with `handler(method, path, body)` -> (status, json body); records them all."""

    requests: list = []
    handler = None

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        text = body.decode() if body else ""
        path = target.split("?")[0]
        if path.endswith("/_bulk"):
            parsed = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            parsed = json.loads(text) if text else None
        FakeNode.requests.append((method, path, parsed))
        status, answer = FakeNode.handler(method, path, parsed)
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders({"x-elastic-product": "Elasticsearch", "content-type": "application/json"}),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(answer).encode())


def acknowledge(method, path, body):
    if path.endswith("/_bulk"):
        items = [{"index": {"_id": line["index"]["_id"], "status": 201}} for line in body if "index" in line]
        return 200, {"took": 1, "errors": False, "items": items}
    if method == "DELETE" and "/_doc/" not in path:
        return 200, {"acknowledged": True}
    return 200, {"acknowledged": True, "result": "created", "_id": path.rsplit("/", 1)[-1]}


@pytest.fixture
def es(settings, monkeypatch):
    settings.ELASTICSEARCH_URL = ES_URL
    FakeNode.requests = []
    FakeNode.handler = staticmethod(acknowledge)
    client = Elasticsearch(ES_URL, node_class=FakeNode, max_retries=0)
    monkeypatch.setattr(elastic, "get_client", lambda timeout=None: client)
    return FakeNode


def page(slug, lang="id"):
    return PlacePage.objects.get(slug=slug, locale__language_code=lang).specific


def test_rebuild_creates_a_geo_index_per_language_and_indexes_every_live_place(sample_site, es):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("discovery_index", stdout=out)
    assert out.getvalue().splitlines() == [
        "malang-heritage-places-id: 3 places indexed",
        "malang-heritage-places-en: 3 places indexed",
    ]

    creates = {path: body for method, path, body in es.requests if method == "PUT"}
    id_mapping = creates["/malang-heritage-places-id"]["mappings"]["properties"]
    assert id_mapping["location"] == {"type": "geo_point"}
    assert id_mapping["suggest"]["type"] == "completion"
    assert id_mapping["title"]["analyzer"] == "indonesian"
    assert creates["/malang-heritage-places-en"]["mappings"]["properties"]["title"]["analyzer"] == "english"

    bulk = [body for method, path, body in es.requests if path == "/_bulk"]
    docs = {line["title"]: line for body in bulk for line in body if "title" in line}
    jago = page("candi-jago")
    assert docs["Candi-jago (id)"]["location"] == {"lat": float(jago.latitude), "lon": float(jago.longitude)}
    assert docs["Candi-jago (id)"]["kind"] == "temple"
    assert "candi-jago" in docs["Candi-jago (id)"]["body"]  # the story's words are searchable
    assert len(docs) == 6


def test_near_and_a_facet_become_a_geo_filter_a_post_filter_and_facet_aggregations(sample_site, es):
    jago, badut = page("candi-jago"), page("candi-badut")

    def answer(method, path, body):
        assert path == "/malang-heritage-places-id/_search"
        hits = [
            {"_id": str(jago.pk), "_score": None, "sort": [12.5]},
            {"_id": str(badut.pk), "_score": None, "sort": [18_304.2]},
        ]
        aggs = {
            "kind": {
                "doc_count": 3,
                "values": {"buckets": [{"key": "temple", "doc_count": 2}, {"key": "crater", "doc_count": 1}]},
            },
            "region": {
                "doc_count": 2,
                "values": {
                    "buckets": [{"key": "kab-malang", "doc_count": 1}, {"key": "kota-malang", "doc_count": 1}]
                },
            },
            "era": {
                "doc_count": 2,
                "values": {
                    "buckets": [{"key": "singhasari", "doc_count": 1}, {"key": "kanjuruhan", "doc_count": 1}]
                },
            },
        }
        return 200, {
            "took": 1,
            "hits": {"total": {"value": 2, "relation": "eq"}, "hits": hits},
            "aggregations": aggs,
        }

    es.handler = staticmethod(answer)
    results = elastic.search(
        DiscoveryQuery(lang="id", kind=("temple",), near=(-8.0059, 112.7575), radius_km=25)
    )

    ((_method, _path, body),) = es.requests
    geo = body["query"]["bool"]["filter"][0]["geo_distance"]
    assert geo == {"distance": "25km", "location": {"lat": -8.0059, "lon": 112.7575}}
    assert body["sort"] == [
        {"_geo_distance": {"location": {"lat": -8.0059, "lon": 112.7575}, "order": "asc", "unit": "m"}}
    ]
    temple = {"terms": {"kind": ["temple"]}}
    assert body["post_filter"] == {"bool": {"filter": [temple]}}
    assert body["aggs"]["kind"]["filter"] == {"bool": {}}  # a facet ignores its own choice ...
    assert body["aggs"]["region"]["filter"] == {"bool": {"filter": [temple]}}  # ... but not the others'
    assert body["size"] == 20

    assert results.engine == "elasticsearch"
    assert [(hit.page.pk, hit.distance_m) for hit in results.hits] == [(jago.pk, 12.5), (badut.pk, 18_304.2)]
    assert results.total == 2
    kinds = {v.value: (v.count, v.selected) for v in results.facets["kind"]}
    assert kinds == {"temple": (2, True), "crater": (1, False)}


def test_words_are_matched_across_title_summary_and_story(sample_site, es):
    def answer(method, path, body):
        return 200, {
            "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
            "aggregations": {
                f: {"doc_count": 0, "values": {"buckets": []}} for f in ("kind", "region", "era")
            },
        }

    es.handler = staticmethod(answer)
    results = elastic.search(DiscoveryQuery(lang="en", text="temple relief"))
    ((_m, path, body),) = es.requests
    assert path == "/malang-heritage-places-en/_search"
    match = body["query"]["multi_match"]
    assert match["query"] == "temple relief" and "title^4" in match["fields"] and "body" in match["fields"]
    assert results.hits == [] and results.total == 0


def missing_index(method, path, body):
    error = {"type": "index_not_found_exception", "reason": "no such index [malang-heritage-places-id]"}
    return 404, {"error": error, "status": 404}


def test_a_cluster_without_the_index_leaves_the_database_to_answer_and_stays_in_use(
    sample_site, es, client, caplog
):
    es.handler = staticmethod(missing_index)
    with caplog.at_level(logging.WARNING, logger="search"):
        response = client.get("/api/search.json", {"q": "candi"})
    assert response.status_code == 200
    body = response.json()
    assert body["engine"] == "database"
    assert sorted(r["title"] for r in body["results"]) == ["Candi-badut (id)", "Candi-jago (id)"]
    assert "run manage.py discovery_index" in caplog.text
    assert "Elasticsearch refused the discovery search" in caplog.text
    # A refusal is not an outage (tests/discovery/test_elasticsearch_outage.py): the next request asks again.
    assert not cluster.is_open
    es.requests.clear()
    assert client.get("/api/suggest.json", {"q": "cand"}).status_code == 200
    assert [path for _m, path, _b in es.requests] == ["/malang-heritage-places-id/_search"]


def test_publishing_and_unpublishing_keep_the_index_current(sample_site, es):
    jago = page("candi-jago")
    jago.summary = "A new summary for the index."
    jago.save_revision().publish()
    puts = [
        (path, body) for method, path, body in es.requests if method in ("PUT", "POST") and "/_doc/" in path
    ]
    assert puts == [(f"/malang-heritage-places-id/_doc/{jago.pk}", puts[0][1])]
    assert puts[0][1]["summary"] == "A new summary for the index."

    es.requests.clear()
    jago.unpublish()
    assert [(m, p) for m, p, _b in es.requests] == [("DELETE", f"/malang-heritage-places-id/_doc/{jago.pk}")]


def test_an_editor_can_publish_when_the_cluster_refuses_the_document(sample_site, es, caplog):
    def refuse(method, path, body):
        return 400, {
            "error": {"type": "mapper_parsing_exception", "reason": "failed to parse"},
            "status": 400,
        }

    es.handler = staticmethod(refuse)
    jago = page("candi-jago")
    jago.summary = "Published while the index refuses it."
    with caplog.at_level(logging.ERROR, logger="search.discovery"):
        jago.save_revision().publish()
    assert page("candi-jago").summary == "Published while the index refuses it."
    assert "Discovery index not updated" in caplog.text


def test_suggestions_use_the_completion_field(sample_site, es):
    def answer(method, path, body):
        options = [
            {
                "text": "Candi",
                "_id": "1",
                "_source": {"title": "Candi-jago (id)", "url": "/id/tempat/candi-jago/", "kind": "temple"},
            }
        ]
        return 200, {
            "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
            "suggest": {"titles": [{"text": "cand", "offset": 0, "length": 4, "options": options}]},
        }

    es.handler = staticmethod(answer)
    suggestions = elastic.suggest("cand", "id")
    ((_m, _p, body),) = es.requests
    assert body["suggest"]["titles"] == {
        "prefix": "cand",
        "completion": {"field": "suggest", "size": 8, "skip_duplicates": True},
    }
    assert [(s.title, s.url) for s in suggestions] == [("Candi-jago (id)", "/id/tempat/candi-jago/")]


@pytest.mark.django_db
def test_the_rebuild_command_refuses_without_a_cluster(settings):
    from django.core.management import CommandError, call_command

    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        call_command("discovery_index")
