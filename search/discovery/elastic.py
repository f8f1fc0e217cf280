"""The Elasticsearch engine: one index of the live places per language, written with ``elasticsearch.dsl``.

Each index analyses the words with the language's own analyser (``indonesian``, ``english``), stores the
location as a ``geo_point`` for ``geo_distance`` filters and sorting, keeps kind, region and era as keywords
for the facets, and the title in a ``completion`` field for suggestions. The facet counts follow the usual
rule: a facet's counts apply every other selected facet but not its own, so choosing "temple" still shows how
many museums match (``post_filter`` plus one filter aggregation per facet).

Imports are written against ``elasticsearch.dsl``: the ``elasticsearch-dsl`` package is a shim for it.
"""

from __future__ import annotations

import contextlib
import logging
from functools import lru_cache

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.dsl import Completion, GeoPoint, Index, Keyword, Mapping, Q, Search, Text
from elasticsearch.helpers import BulkIndexError, bulk

from django.conf import settings
from django.utils.html import strip_tags

from heritage.models import PlacePage

from .database import live_places
from .query import FACETS, DiscoveryQuery, Hit, Results, Suggestion, facet_values, search_words

log = logging.getLogger(__name__)

# What a failed request raises: the search falls back to the database on any of these.
SEARCH_ERRORS = (ApiError, TransportError, BulkIndexError)
ANALYZERS = {"id": "indonesian", "en": "english"}
MAX_FACET_VALUES = 100
REBUILD_TIMEOUT = 60.0  # seconds for a bulk request of `manage.py discovery_index`


@lru_cache(maxsize=4)
def _client_for(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, max_retries=1, retry_on_timeout=False)


def get_client(timeout: float | None = None) -> Elasticsearch:
    """The client of a visitor's request: it gives up after ELASTICSEARCH_TIMEOUT (the circuit then lets the
    database answer); a rebuild, run by an operator, may wait longer."""
    if timeout is None:
        timeout = float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 2.0))
    return _client_for(settings.ELASTICSEARCH_URL, timeout)


def index_name(lang: str) -> str:
    return f"{settings.DISCOVERY_INDEX_PREFIX}-places-{lang}"


def mapping(lang: str) -> Mapping:
    analyzer = ANALYZERS.get(lang, "standard")
    m = Mapping()
    m.field("title", Text(analyzer=analyzer, fields={"raw": Keyword()}))
    m.field("summary", Text(analyzer=analyzer))
    m.field("body", Text(analyzer=analyzer))
    m.field("district", Text(analyzer="standard"))
    for facet in FACETS:
        m.field(facet, Keyword())
    m.field("location", GeoPoint())
    m.field("url", Keyword(index=False))
    m.field("suggest", Completion(analyzer="simple"))
    return m


def story_text(page) -> str:
    """The words of a page's story, as plain text."""
    parts = page.story.stream_block.get_searchable_content(page.story) if page.story else []
    return " ".join(strip_tags(str(part)) for part in parts)


def document(page) -> dict:
    """The indexed form of one live place."""
    return {
        "title": page.title,
        "summary": page.summary,
        "body": story_text(page),
        "district": page.district,
        "kind": page.kind,
        "region": page.region,
        "era": page.era,
        "location": {"lat": float(page.latitude), "lon": float(page.longitude)},
        "url": page.url or "",
        "suggest": {"input": [page.title, *page.title.split()]},
    }


def create_index(lang: str, client: Elasticsearch | None = None) -> str:
    """(Re)create the empty index of one language and return its name."""
    client = client or get_client()
    name = index_name(lang)
    index = Index(name, using=client)
    index.settings(number_of_shards=1)
    index.mapping(mapping(lang))
    index.delete(ignore_unavailable=True)
    index.create()
    return name


def rebuild(client: Elasticsearch | None = None) -> dict[str, int]:
    """Recreate every language's index from the live places; returns the count indexed per language."""
    client = client or get_client(REBUILD_TIMEOUT)
    counts = {}
    for lang in ANALYZERS:
        name = create_index(lang, client)
        actions = (
            {"_index": name, "_id": page.pk, "_source": document(page)}
            for page in live_places(lang).order_by("pk")
        )
        counts[lang], _errors = bulk(client, actions, refresh=True)
    return counts


def index_page(page, client: Elasticsearch | None = None) -> None:
    client = client or get_client()
    client.index(index=index_name(page.locale.language_code), id=str(page.pk), document=document(page))


def remove_page(page, client: Elasticsearch | None = None) -> None:
    client = client or get_client()
    with contextlib.suppress(NotFoundError):  # never indexed, or already removed: nothing to do
        client.delete(index=index_name(page.locale.language_code), id=str(page.pk))


def _facet_filter(query: DiscoveryQuery, facet: str):
    return Q("terms", **{facet: list(query.selected(facet))})


def build_search(query: DiscoveryQuery, client: Elasticsearch | None = None) -> Search:
    """The request for one discovery query (public so tests can read the body it sends)."""
    search = Search(using=client or get_client(), index=index_name(query.lang))
    if query.text:
        # The cleaned words (`search_words`) in `multi_match`, which reads no query syntax: never
        # `query_string`, which answers 400 (or runs a visitor's operators) on `candi "jago`.
        search = search.query(
            "multi_match",
            query=query.words,
            fields=["title^4", "summary^2", "body", "district"],
            fuzziness="AUTO",
        )
    if query.near:
        lat, lon = query.near
        point = {"lat": lat, "lon": lon}
        search = search.filter("geo_distance", distance=f"{query.radius_km}km", location=point)
        search = search.sort({"_geo_distance": {"location": point, "order": "asc", "unit": "m"}})
    elif not query.text:
        search = search.sort("title.raw")
    selected = [facet for facet in FACETS if query.selected(facet)]
    if selected:
        search = search.post_filter(Q("bool", filter=[_facet_filter(query, f) for f in selected]))
    for facet in FACETS:
        others = [_facet_filter(query, f) for f in selected if f != facet]
        search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others)).bucket(
            "values", "terms", field=facet, size=MAX_FACET_VALUES
        )
    start = (query.page - 1) * query.per_page
    return search.extra(track_total_hits=True, _source=False)[start : start + query.per_page]


def search(query: DiscoveryQuery, client: Elasticsearch | None = None) -> Results:
    if query.is_empty:
        return Results(query, [], 0, engine="elasticsearch")
    try:
        response = build_search(query, client).execute()
    except NotFoundError:  # the index was never built: as if empty, and say how to build it
        log.warning("No discovery index %s; run manage.py discovery_index", index_name(query.lang))
        raise
    ids = [int(hit.meta.id) for hit in response.hits]
    pages = PlacePage.objects.live().public().specific().in_bulk(ids)
    hits = []
    for hit in response.hits:
        page = pages.get(int(hit.meta.id))
        if page is None:  # unpublished since it was indexed
            continue
        distance = float(hit.meta.sort[0]) if query.near and "sort" in hit.meta else None
        hits.append(Hit(page, distance))
    facets = {}
    for facet in FACETS:
        buckets = response.aggregations[facet]["values"]["buckets"]
        facets[facet] = facet_values(facet, {b["key"]: b["doc_count"] for b in buckets}, query)
    return Results(query, hits, response.hits.total.value, facets, "elasticsearch")


def suggest(prefix: str, lang: str, limit: int = 8, client: Elasticsearch | None = None) -> list[Suggestion]:
    prefix = search_words(prefix, 100)
    if not prefix:
        return []
    request = Search(using=client or get_client(), index=index_name(lang)).suggest(
        "titles", prefix, completion={"field": "suggest", "size": limit, "skip_duplicates": True}
    )
    response = request.extra(size=0).execute()
    options = response.suggest["titles"][0]["options"] if response.suggest["titles"] else []
    return [
        Suggestion(option["_source"]["title"], option["_source"]["url"], option["_source"]["kind"])
        for option in options
    ]
