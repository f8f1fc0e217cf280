"""The discovery search and the title suggestions as JSON, for the search box and for other sites."""

from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from heritage.open_data import bad_parameter, cacheable, request_lang

from .discovery import DiscoveryForm, search, suggest


@require_GET
def search_json(request):
    """The discovery search as JSON: the same parameters as the search page (`q`, `kind`, `region`, `era`,
    `near=lat,lon`, `radius` in km, `page`) plus `lang`; a malformed parameter answers 400."""
    lang, error = request_lang(request)
    if error:
        return error
    form = DiscoveryForm(request.GET)
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        return bad_parameter(name, " ".join(errors))
    with translation.override(lang):  # facet labels in the language asked for
        results = search(form.to_query(lang))
    body = {
        "engine": results.engine,
        "total": results.total,
        "page": results.query.page,
        "num_pages": results.num_pages,
        "results": [
            {
                "id": hit.page.pk,
                "title": hit.page.title,
                "url": request.build_absolute_uri(hit.page.url),
                "summary": hit.page.summary,
                "kind": hit.page.kind,
                "region": hit.page.region,
                "era": hit.page.era or None,
                "lat": float(hit.page.latitude),
                "lon": float(hit.page.longitude),
                "distance_m": round(hit.distance_m) if hit.distance_m is not None else None,
            }
            for hit in results.hits
        ],
        "facets": {
            name: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in values
            ]
            for name, values in results.facets.items()
        },
    }
    return cacheable(JsonResponse(body, json_dumps_params={"ensure_ascii": False}))


@require_GET
def suggest_json(request):
    """Up to 8 place titles starting with `q` (at least 2 characters) in `lang`, for the search box."""
    lang, error = request_lang(request)
    if error:
        return error
    prefix = request.GET.get("q", "")
    if "\x00" in prefix:  # PostgreSQL refuses NUL in any string: said plainly rather than a 500
        return bad_parameter("q", "contains a NUL character (%00), which no search may hold.")
    if len(prefix.strip()) < 2:
        return bad_parameter("q", "give at least 2 characters.")
    suggestions = suggest(prefix, lang)
    body = {"suggestions": [{"title": s.title, "url": s.url, "kind": s.kind} for s in suggestions]}
    return cacheable(JsonResponse(body, json_dumps_params={"ensure_ascii": False}))
