"""The open-data API of places: GeoJSON, CSV and GeoPackage of every published place.

Parameters are validated by the same form the list page uses; a malformed one answers 400 with a JSON body
naming it, never a 500 and never a silently unfiltered answer.
"""

from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from .exports import feature_collection, places_csv, places_geopackage
from .filters import PlaceFilterForm, filtered_places

LANGS = ("id", "en")


def bad_parameter(name: str, message: str) -> JsonResponse:
    return JsonResponse({"error": f"{name}: {message}", "parameter": name}, status=400)


def _lang(request):
    """(lang, None) for a known `lang` parameter (default id), (None, response) otherwise."""
    lang = request.GET.get("lang", "id")
    if lang not in LANGS:
        return None, bad_parameter("lang", f"unknown language {lang[:20]!r}; use 'id' or 'en'.")
    return lang, None


def _query(request):
    """(pages, None) for good parameters, (None, response) for a bad one."""
    lang, error = _lang(request)
    if error:
        return None, error
    form = PlaceFilterForm(request.GET)
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        return None, bad_parameter(name, " ".join(errors))
    locale = Locale.objects.filter(language_code=lang).first()
    return filtered_places(form, locale=locale), None


def _cacheable(response):
    patch_cache_control(response, public=True, max_age=300)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def sites_geojson(request):
    pages, error = _query(request)
    if error:
        return error
    response = JsonResponse(feature_collection(pages, request), content_type="application/geo+json")
    return _cacheable(response)


@require_GET
def sites_csv(request):
    pages, error = _query(request)
    if error:
        return error
    response = HttpResponse(places_csv(pages, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="malang-heritage-places.csv"'
    return _cacheable(response)


@require_GET
def sites_gpkg(request):
    pages, error = _query(request)
    if error:
        return error
    response = HttpResponse(places_geopackage(pages, request), content_type="application/geopackage+sqlite3")
    response["Content-Disposition"] = 'attachment; filename="malang-heritage-places.gpkg"'
    return _cacheable(response)


@require_GET
def search_json(request):
    """The discovery search as JSON: the same parameters as the search page (`q`, `kind`, `region`, `era`,
    `near=lat,lon`, `radius` in km, `page`) plus `lang`; a malformed parameter answers 400."""
    from .discovery import DiscoveryForm, search

    lang, error = _lang(request)
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
    return _cacheable(JsonResponse(body, json_dumps_params={"ensure_ascii": False}))


@require_GET
def suggest_json(request):
    """Up to 8 place titles starting with `q` (at least 2 characters) in `lang`, for the search box."""
    from .discovery import suggest

    lang, error = _lang(request)
    if error:
        return error
    prefix = request.GET.get("q", "")
    if len(prefix.strip()) < 2:
        return bad_parameter("q", "give at least 2 characters.")
    suggestions = suggest(prefix, lang)
    body = {"suggestions": [{"title": s.title, "url": s.url, "kind": s.kind} for s in suggestions]}
    return _cacheable(JsonResponse(body, json_dumps_params={"ensure_ascii": False}))
