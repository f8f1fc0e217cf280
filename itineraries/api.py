"""The itineraries as open data: one GeoJSON feature per published, routed itinerary, as a visitor can follow
it today (itineraries.trip): a LineString when the route is complete; when a stop in the middle is gone, a
MultiLineString of the pieces that remain (or no geometry), ``route_complete: false`` and no totals.
``unavailable_stops`` counts the stops whose place is unpublished, private or deleted."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from heritage.exports import absolute_url
from heritage.open_data import cacheable, feed_metadata, licensed, request_lang

from .models import ItineraryPage
from .trip import Trip


def _geometry(trip) -> dict | None:
    pieces = [[list(c) for c in piece.geometry.coords] for piece in trip.pieces()]
    if trip.complete and len(pieces) == 1:
        return {"type": "LineString", "coordinates": pieces[0]}
    return {"type": "MultiLineString", "coordinates": pieces} if pieces else None


def itinerary_feature(itinerary, request=None, trip=None) -> dict:
    """One routed itinerary as a GeoJSON feature (the OGC API's `itineraries` collection serves the same)."""
    trip = trip or Trip.of(itinerary)
    url = absolute_url(itinerary, request)
    return {
        "type": "Feature",
        "id": itinerary.pk,
        "geometry": _geometry(trip),
        "properties": {
            "title": itinerary.title,
            "url": url,
            "gpx": url + "gpx/",
            "mode": itinerary.mode,
            "days": itinerary.days,
            "route_complete": trip.complete,
            "unavailable_stops": len(trip.unavailable),
            "distance_m": trip.distance_m,
            "duration_s": trip.duration_s,
            "stops": [
                {"name": s.place.title, "url": absolute_url(s.place, request), "day": s.day}
                for s in trip.available
            ],
            "legs": [
                {k: leg[k] for k in ("from", "to", "mode", "distance_m", "duration_s", "road_names")}
                for leg in trip.legs
            ],
        },
    }


@require_GET
def itineraries_geojson(request):
    lang, error = request_lang(request)
    if error:
        return error
    locale = Locale.objects.filter(language_code=lang).first()
    features = [
        itinerary_feature(itinerary, request)
        for itinerary in ItineraryPage.objects.live()
        .public()
        .filter(locale=locale)
        .specific()
        .order_by("title")
        if itinerary.legs
    ]
    data = {
        "type": "FeatureCollection",
        "features": features,
        "metadata": feed_metadata("itineraries", osm_derived=True),
    }
    response = JsonResponse(data, content_type="application/geo+json")
    return licensed(cacheable(response), "itineraries", osm_derived=True)
