"""The public itinerary page (with its plan-for-a-date form), its GPX file and the open-data GeoJSON."""

import datetime as dt
import hashlib
import json

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from heritage.emergency import EmergencyHelp
from heritage.exports import absolute_url
from heritage.jsonld import json_ld_script
from heritage.maps import control_labels, embed, render_embed

from .trip import Trip


class PlanForm(forms.Form):
    date = forms.DateField(
        required=False,
        label=_("Plan for a date"),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_date(self):
        value = self.cleaned_data.get("date")
        if value and not (dt.date(2000, 1, 1) <= value <= dt.date(2100, 12, 31)):
            raise forms.ValidationError(_("Pick a date between 2000 and 2100."))
        return value


def itinerary_map_html(trip, request=None) -> str:
    """The route map of the legs that remain, cached per published revision and the stops shown (so a stop
    that goes or comes back makes another map): building a folium map costs more than the rest of the page,
    and nothing in it changes until the itinerary, a stop's title or a stop's availability does. The geo stack
    (shapely, folium) is loaded only to draw a map that is not in the cache."""
    if not trip.legs:
        return ""
    itinerary = trip.itinerary
    # Each marker keeps the stop's number in the schedule (a gone stop leaves a gap in the numbers); a place
    # visited twice becomes one marker with both numbers (geodata.maps.route_map).
    markers = [
        {
            "name": s.place.title,
            "lat": float(s.place.latitude),
            "lon": float(s.place.longitude),
            "number": s.number,
        }
        for s in trip.available
    ]
    fingerprint = hashlib.sha256(
        json.dumps(
            [itinerary.pk, itinerary.live_revision_id, [leg["index"] for leg in trip.legs], markers],
            sort_keys=True,
        ).encode()
    ).hexdigest()[:24]
    # The language: Leaflet's own words (zoom buttons) are drawn in it.
    key = f"itinerary-map:v6:{fingerprint}:{get_language()}:{settings.STATIC_URL}:{settings.MAP_TILE_URL}"
    parts = caches["maps"].get(key)
    if parts is None:
        from geodata.maps import MapAssets, route_map

        folium_map = route_map(
            trip.route(),
            markers,
            MapAssets.from_base_url(settings.STATIC_URL),
            tile_url=settings.MAP_TILE_URL or None,
            attribution=settings.MAP_TILE_ATTRIBUTION,
            base_layer=True,
            labels=control_labels(),
        )
        parts = embed(folium_map, "60vh")
        caches["maps"].set(key, parts)
    return render_embed(parts, request)


def trip_jsonld(trip, request):
    """The trip's `<script type="application/ld+json">` element (safe HTML): the stops that are available."""
    itinerary, stops = trip.itinerary, trip.available
    data = {
        "@context": "https://schema.org",
        "@type": "TouristTrip",
        "name": itinerary.title,
        "description": itinerary.summary,
        "url": absolute_url(itinerary, request),
        "inLanguage": itinerary.locale.language_code,
        "itinerary": {
            "@type": "ItemList",
            "numberOfItems": len(stops),
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": number,
                    "item": {
                        "@type": "TouristAttraction",
                        "name": stop.place.title,
                        "url": absolute_url(stop.place, request),
                        "geo": {
                            "@type": "GeoCoordinates",
                            "latitude": float(stop.place.latitude),
                            "longitude": float(stop.place.longitude),
                        },
                    },
                }
                for number, stop in enumerate(stops, start=1)
            ],
        },
    }
    return json_ld_script(data)


def itinerary_view(itinerary, request):
    form = PlanForm(request.GET or None)
    day = form.cleaned_data.get("date") if form.is_valid() else None
    status = 400 if form.is_bound and not form.is_valid() else 200
    trip = Trip.of(itinerary)
    context = itinerary.get_context(request)
    context.update(
        plan_form=form,
        trip=trip,
        schedule_date=day or timezone.localdate(),
        rows=trip.rows(day or timezone.localdate()) if itinerary.legs else [],
        map_html=itinerary_map_html(trip, request),
        jsonld=trip_jsonld(trip, request),
        print_view=request.GET.get("print") == "1",
        emergency_help=EmergencyHelp.for_places(stop.place for stop in trip.available),
    )
    return TemplateResponse(request, itinerary.get_template(request), context, status=status)


def gpx_view(itinerary, request):
    """Waypoints for the available stops only; a route per unbroken piece, never one across a gap."""
    trip = Trip.of(itinerary)
    waypoints = [
        {
            "name": stop.place.title,
            "lat": float(stop.place.latitude),
            "lon": float(stop.place.longitude),
            "kind": stop.place.kind,
            "elevation_m": stop.place.elevation_m,
        }
        for stop in trip.available
    ]
    from geodata.gpx import gpx_string  # shapely and the router's types: only for a download

    body = gpx_string(
        waypoints=waypoints, route=trip.pieces(), name=itinerary.title, description=itinerary.summary
    )
    response = HttpResponse(body, content_type="application/gpx+xml")
    response["Content-Disposition"] = f'attachment; filename="{itinerary.slug}.gpx"'
    return response
