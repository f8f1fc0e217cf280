"""Discovery search over the published places: words, facets (kind, region, era), "near a point" and
title suggestions.

Two engines answer the same questions with the same results types. The embedded default is the database
(Wagtail's search backend for the words, exact great-circle distances for "near"). When
``ELASTICSEARCH_URL`` is set, an Elasticsearch index per language built with ``elasticsearch.dsl`` answers
instead (``geo_point`` and ``geo_distance``, filter aggregations for the facets, a completion suggester); it
is kept current when pages are published, unpublished or deleted, and rebuilt with
``manage.py discovery_index``. When Elasticsearch fails, the database answers and the failure is logged:
a visitor never sees an error because the search cluster is down.
"""

from __future__ import annotations

import logging

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

log = logging.getLogger(__name__)


def elastic_enabled() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def search(query: DiscoveryQuery) -> Results:
    if elastic_enabled():
        from . import elastic

        try:
            return elastic.search(query)
        except elastic.SEARCH_ERRORS as error:
            log.warning("Elasticsearch discovery search failed, the database answers: %s", error)
    return database.search(query)


def suggest(prefix: str, lang: str, limit: int = 8) -> list[Suggestion]:
    if elastic_enabled():
        from . import elastic

        try:
            return elastic.suggest(prefix, lang, limit)
        except elastic.SEARCH_ERRORS as error:
            log.warning("Elasticsearch suggestions failed, the database answers: %s", error)
    return database.suggest(prefix, lang, limit)
