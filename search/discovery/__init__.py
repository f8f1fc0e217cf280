"""Discovery search over the published places: words, facets (kind, region, era), "near a point" and
title suggestions.

Two engines answer the same questions with the same results types. The embedded default is the database
(Wagtail's search backend for the words, exact great-circle distances for "near"). When
``ELASTICSEARCH_URL`` is set, an Elasticsearch index per language built with ``elasticsearch.dsl`` answers
instead (``geo_point`` and ``geo_distance``, filter aggregations for the facets, a completion suggester); it
is kept current when pages are published, unpublished or deleted, and rebuilt with
``manage.py discovery_index``. Every request to the cluster goes through the site's Elasticsearch circuit
(search/cluster.py), as Wagtail's backend does (search/backends.py): when the cluster is down or silent the
database answers, and keeps answering without asking it for ``ELASTICSEARCH_RETRY_AFTER`` seconds; the
outage is logged once. A visitor never sees an error, or waits, because the search cluster is down.
"""

from __future__ import annotations

from django.conf import settings

from . import database
from .query import DiscoveryForm, DiscoveryQuery, FacetValue, Hit, Results, Suggestion

__all__ = [
    "DiscoveryForm",
    "DiscoveryQuery",
    "FacetValue",
    "Hit",
    "Results",
    "Suggestion",
    "elastic_enabled",
    "search",
    "suggest",
]


def elastic_enabled() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def search(query: DiscoveryQuery) -> Results:
    if not elastic_enabled():
        return database.search(query)
    from search.cluster import cluster

    from . import elastic

    return cluster.call(lambda: elastic.search(query), lambda: database.search(query), "discovery search")


def suggest(prefix: str, lang: str, limit: int = 8) -> list[Suggestion]:
    if not elastic_enabled():
        return database.suggest(prefix, lang, limit)
    from search.cluster import cluster

    from . import elastic

    return cluster.call(
        lambda: elastic.suggest(prefix, lang, limit),
        lambda: database.suggest(prefix, lang, limit),
        "suggestions",
    )
