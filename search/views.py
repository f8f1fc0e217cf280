"""The discovery search page: words, facets and a place near you, answered by the database or Elasticsearch."""

from django.template.response import TemplateResponse
from django.utils.translation import get_language

from search import discovery
from search.discovery import DiscoveryForm

RADIUS_CHOICES = (2, 5, 10, 25, 50, 100)


def _toggle_url(request, facet: str, value: str) -> str:
    """This search with one facet value added or removed (and back to the first page)."""
    params = request.GET.copy()
    chosen = [v for v in params.get(facet, "").split(",") if v]
    chosen = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
    params.pop("page", None)
    if chosen:
        params[facet] = ",".join(chosen)
    else:
        params.pop(facet, None)
    return "?" + params.urlencode()


def _page_url(request, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return "?" + params.urlencode()


def search(request):
    """Discovery search: words, facets, near a point; the database or Elasticsearch answers
    (search.discovery). Parameters that do not validate are named on the page and ignored."""
    lang = get_language() or "id"
    form = DiscoveryForm(request.GET)
    form.is_valid()
    query = form.to_query(lang if lang in ("id", "en") else "id")
    results = discovery.search(query)
    facets = [
        (
            DiscoveryForm.base_fields[name].label,
            [(value, _toggle_url(request, name, value.value)) for value in values],
        )
        for name, values in results.facets.items()
        if values
    ]
    context = {
        "form": form,
        "query": query,
        "results": results,
        "facets": facets,
        "radius_choices": RADIUS_CHOICES,
        # A search near a point shows its page of results on a map (drawn once per set of places, then kept).
        "map_places": [hit.page for hit in results.hits] if query.near else [],
        "previous_url": _page_url(request, query.page - 1) if results.has_previous else "",
        "next_url": _page_url(request, query.page + 1) if results.has_next else "",
    }
    return TemplateResponse(request, "search/search_page.html", context)
