"""The embedded engine: Wagtail's database search backend for the words, Python for facets and distances.

It is also what answers when Elasticsearch fails, so it names the database backend (``database_backend()``)
rather than Wagtail's default, which is Elasticsearch when the site has a cluster.

Every candidate is read once: the places of one language are a few hundred at most on the embedded path.
"""

from __future__ import annotations

from django.conf import settings

from wagtail.models import Locale

from heritage.models import PlacePage
from heritage.nearby import distance_m, within_box

from .query import FACETS, DiscoveryQuery, Hit, Results, Suggestion, facet_values, search_words

MAX_CANDIDATES = 2_000
DATABASE = "database"  # the entry of WAGTAILSEARCH_BACKENDS beside Elasticsearch (search/backends.py)
MAX_PREFIX = 100


def database_backend() -> str:
    """The name of Wagtail's database backend: its own entry beside Elasticsearch, else the default."""
    return DATABASE if DATABASE in settings.WAGTAILSEARCH_BACKENDS else "default"


def live_places(lang: str):
    """The live places of one language (none for a language the site does not have)."""
    locale = Locale.objects.filter(language_code=lang).first()
    if locale is None:
        return PlacePage.objects.none()
    return PlacePage.objects.live().public().specific().filter(locale=locale)


def _candidates(query: DiscoveryQuery) -> list[Hit]:
    pages = live_places(query.lang)
    if query.text:
        # Wagtail's search filters only on indexed filter fields: the distance is applied below. Text with no
        # word in it (a lone quote, an asterisk) finds nothing.
        found = (
            list(pages.search(query.words, backend=database_backend())[:MAX_CANDIDATES])
            if query.words
            else []
        )
    else:
        if query.near:  # a bounding box first, so the database returns only the few candidates
            pages = within_box(pages, *query.near, query.radius_km * 1000)
        found = list(pages.order_by("title")[:MAX_CANDIDATES])
    if not query.near:
        return [Hit(page) for page in found]
    lat, lon = query.near
    hits = [Hit(page, distance_m(lat, lon, float(page.latitude), float(page.longitude))) for page in found]
    hits = [hit for hit in hits if hit.distance_m <= query.radius_km * 1000]
    hits.sort(key=lambda hit: hit.distance_m)
    return hits


def _matches(page, query: DiscoveryQuery, skip: str | None = None) -> bool:
    return all(
        not query.selected(facet) or getattr(page, facet) in query.selected(facet)
        for facet in FACETS
        if facet != skip
    )


def search(query: DiscoveryQuery) -> Results:
    if query.is_empty:
        return Results(query, [], 0)
    candidates = _candidates(query)
    hits = [hit for hit in candidates if _matches(hit.page, query)]
    facets = {}
    for facet in FACETS:
        counts: dict[str, int] = {}
        for hit in candidates:
            if _matches(hit.page, query, skip=facet):
                value = getattr(hit.page, facet)
                counts[value] = counts.get(value, 0) + 1
        facets[facet] = facet_values(facet, counts, query)
    start = (query.page - 1) * query.per_page
    return Results(query, hits[start : start + query.per_page], len(hits), facets, "database")


def suggest(prefix: str, lang: str, limit: int = 8) -> list[Suggestion]:
    prefix = search_words(prefix, MAX_PREFIX)
    if not prefix:
        return []
    pages = live_places(lang)
    return [
        Suggestion(page.title, page.url, page.kind)
        for page in pages.autocomplete(prefix, backend=database_backend())[:limit]
    ]
