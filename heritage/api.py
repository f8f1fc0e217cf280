"""The open-data API of places: GeoJSON, CSV and GeoPackage of every published place.

Parameters are validated by the same form the list page uses; a malformed one answers 400 with a JSON body
naming it, never a 500 and never a silently unfiltered answer.
"""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from .exports import feature_collection, has_osm_points, places_csv, places_geopackage
from .filters import PlaceFilterForm, filtered_places
from .models import PlacePage
from .open_data import bad_parameter, cacheable, feed_metadata, licensed, request_lang


def _query(request):
    """(pages, None) for good parameters, (None, response) for a bad one."""
    lang, error = request_lang(request)
    if error:
        return None, error
    form = PlaceFilterForm(request.GET)
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        return None, bad_parameter(name, " ".join(errors))
    locale = Locale.objects.filter(language_code=lang).first()
    return filtered_places(form, PlacePage.objects.live().public().specific(), locale=locale), None


@require_GET
def sites_geojson(request):
    pages, error = _query(request)
    if error:
        return error
    collection = feature_collection(pages, request)
    osm = has_osm_points(collection)
    data = {**collection, "metadata": feed_metadata("places", osm_points=osm)}
    response = JsonResponse(data, content_type="application/geo+json")
    return licensed(cacheable(response), "places", osm_derived=osm)


@require_GET
def sites_csv(request):
    pages, error = _query(request)
    if error:
        return error
    response = HttpResponse(places_csv(pages, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="malang-heritage-places.csv"'
    return licensed(cacheable(response), "places")


@require_GET
def sites_gpkg(request):
    pages, error = _query(request)
    if error:
        return error
    response = HttpResponse(places_geopackage(pages, request), content_type="application/geopackage+sqlite3")
    response["Content-Disposition"] = 'attachment; filename="malang-heritage-places.gpkg"'
    return licensed(cacheable(response), "places")
