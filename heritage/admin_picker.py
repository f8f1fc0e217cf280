"""What the admin's map picker draws under its marker from our own data, so that an editor on a network
without map tiles still sees where they are: the bundled corridor roads (geodata's network file) and the
places of the page's language, as GeoJSON. Served in the admin only (register_admin_urls asks for login)."""

import json
from functools import cache

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from geodata.places import CORRIDOR_NETWORK_PATH

from .models import PlacePage

LANGS = ("id", "en")


@cache
def _roads() -> tuple:
    network = json.loads(CORRIDOR_NETWORK_PATH.read_text(encoding="utf-8"))
    return tuple(
        {
            "type": "Feature",
            "geometry": feature["geometry"],
            "properties": {"layer": "road", "name": feature["properties"].get("name") or ""},
        }
        for feature in network["features"]
        if feature.get("geometry")
    )


@require_GET
def picker_base(request):
    lang = request.GET.get("lang")
    lang = lang if lang in LANGS else LANGS[0]
    places = PlacePage.objects.filter(locale__language_code=lang).values_list(
        "pk", "title", "latitude", "longitude"
    )
    features = list(_roads()) + [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": {"layer": "place", "name": title, "id": pk},
        }
        for pk, title, lat, lon in places
        if lat is not None and lon is not None
    ]
    response = JsonResponse({"type": "FeatureCollection", "features": features})
    response["Cache-Control"] = "private, max-age=300"
    return response
