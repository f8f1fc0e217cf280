"""Wagtail's search backend when the site has Elasticsearch: the cluster while it answers, the database
when it does not.

Wagtail's own ``elasticsearch8`` backend raises when the cluster is down or silent: the admin's page search
answers 500, and every page saved waits for a timeout and logs a traceback. Keeping Wagtail on the database
and using the cluster only for the discovery engine would avoid that, but would give up the cluster's
relevance and fuzzy matching in the admin's search and in every other ``.search()`` just when the site is
big enough to want them. So ``ElasticsearchWithFallback`` is Wagtail's ``elasticsearch8`` backend whose
every request goes through the site's Elasticsearch circuit (search/cluster.py):

- a search (``.search()``, ``.autocomplete()``, counts, facets) that finds the cluster failing, or is made
  while the circuit is open, is answered by the ``FALLBACK`` backend, Wagtail's database backend, with the
  same words, filters, order and slice;
- an index write (a page saved, published or deleted) is skipped while the cluster fails, so publishing
  never waits or fails for it; ``manage.py update_index`` catches up afterwards.

The database backend stays current because settings list it as a second entry of
``WAGTAILSEARCH_BACKENDS`` (``"database"``): Wagtail indexes every save in every backend, so the fallback
always knows the pages published during an outage. The discovery engine's database path searches that entry
by name (search/discovery/database.py), never Elasticsearch.
"""

from __future__ import annotations

from functools import cached_property, partial

from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend, Elasticsearch8SearchResults

from .cluster import cluster


class FallbackSearchResults(Elasticsearch8SearchResults):
    """Lazy like every Wagtail search result: the cluster is asked (or not) when the results are read."""

    database_search = None  # () -> the same search, unsliced, from the fallback backend

    def _clone(self):
        clone = super()._clone()
        clone.database_search = self.database_search
        return clone

    def _from_database(self):
        results = self.database_search()
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results[self.start : self.stop]

    def _do_search(self):
        from_cluster = super()._do_search  # a generator: listed inside the circuit, so its errors are caught
        return cluster.call(lambda: list(from_cluster()), lambda: list(self._from_database()), "search")

    def _do_count(self):
        return cluster.call(super()._do_count, lambda: self._from_database().count(), "search count")

    def facet(self, field_name):
        return cluster.call(
            partial(super().facet, field_name),
            lambda: self.database_search().facet(field_name),
            "search facet",
        )


class ElasticsearchWithFallback(Elasticsearch8SearchBackend):
    results_class = FallbackSearchResults

    def __init__(self, params):
        params = dict(params)
        params["OPTIONS"] = dict(params.get("OPTIONS", {}))  # Wagtail's backend adds to it: not the setting's
        self.fallback_name = params.pop("FALLBACK", "database")
        super().__init__(params)

    @cached_property
    def fallback(self):
        return get_search_backend(self.fallback_name)

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        results = super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        if isinstance(results, FallbackSearchResults):  # not an EmptySearchResults, which asks nobody
            autocomplete = query_compiler_class is self.autocomplete_query_compiler_class
            same_search = self.fallback.autocomplete if autocomplete else self.fallback.search
            results.database_search = partial(same_search, query, model_or_queryset, **kwargs)
        return results

    def add(self, obj):
        cluster.write(partial(super().add, obj), f"indexing {obj!r}")

    def add_bulk(self, model, obj_list):
        cluster.write(partial(super().add_bulk, model, obj_list), f"indexing {model.__name__} objects")

    def delete(self, obj):
        cluster.write(partial(super().delete, obj), f"removing {obj!r} from the index")


SearchBackend = ElasticsearchWithFallback
