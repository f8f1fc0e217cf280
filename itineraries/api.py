"""The itineraries as open data: one GeoJSON LineString feature per published, routed itinerary."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from heritage.exports import absolute_url
from heritage.open_data import cacheable, request_lang

from .models import ItineraryPage
from .routing import route_from_data
from .views import localized_stops


@require_GET
def itineraries_geojson(request):
    lang, error = request_lang(request)
    if error:
        return error
    locale = Locale.objects.filter(language_code=lang).first()
    features = []
    for itinerary in ItineraryPage.objects.live().filter(locale=locale).specific().order_by("title"):
        if not itinerary.legs:
            continue
        stops = localized_stops(itinerary)
        route = route_from_data(itinerary.route_data, stops)
        url = absolute_url(itinerary, request)
        features.append(
            {
                "type": "Feature",
                "id": itinerary.pk,
                "geometry": {"type": "LineString", "coordinates": [list(c) for c in route.geometry.coords]},
                "properties": {
                    "title": itinerary.title,
                    "url": url,
                    "gpx": url + "gpx/",
                    "mode": itinerary.mode,
                    "days": itinerary.days,
                    "distance_m": itinerary.route_data["distance_m"],
                    "duration_s": itinerary.route_data["duration_s"],
                    "stops": [
                        {"name": s.place.title, "url": absolute_url(s.place, request), "day": s.day}
                        for s in stops
                    ],
                    "legs": [
                        {k: leg[k] for k in ("from", "to", "mode", "distance_m", "duration_s", "road_names")}
                        for leg in itinerary.legs
                    ],
                },
            }
        )
    response = JsonResponse(
        {"type": "FeatureCollection", "features": features}, content_type="application/geo+json"
    )
    return cacheable(response)
