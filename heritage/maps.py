"""Maps on public pages, drawn by `geodata.maps` (folium) with our own static Leaflet.

folium produces a whole HTML document; we take its three parts (header links, the map div, the script) and
put them in our page, so the map is part of the page and needs no iframe. The result is cached per set of
places and their publication times, so a visitor's request renders a map once per change, not once per view.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe

from geodata.maps import MapAssets, places_map

from .models.choices import KIND_COLOURS


def place_features(places) -> list[dict]:
    features = []
    for place in places:
        page = place[0] if isinstance(place, tuple) else place
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(page.longitude), float(page.latitude)]},
                "properties": {
                    "name": page.title,
                    "url": page.url,
                    "kind": page.kind,
                    "kind_label": str(page.get_kind_display()),
                    "colour": KIND_COLOURS.get(page.kind, "#334155"),
                },
            }
        )
    return features


def map_html(places, *, height="60vh", zoom=None) -> str:
    places = list(places)
    if not places:
        return ""
    pages = [place[0] if isinstance(place, tuple) else place for place in places]
    stamp = "|".join(f"{p.pk}:{p.last_published_at and p.last_published_at.timestamp()}" for p in pages)
    key = "map:" + hashlib.sha256(f"{stamp}|{height}|{zoom}|{settings.MAP_TILE_URL}".encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        folium_map = places_map(
            place_features(places),
            MapAssets.from_base_url(settings.STATIC_URL),
            tile_url=settings.MAP_TILE_URL or None,
            attribution=settings.MAP_TILE_ATTRIBUTION,
        )
        figure = folium_map.get_root()
        figure.render()
        html = (
            figure.header.render()
            + f'<div class="map" style="height:{height}">'
            + figure.html.render()
            + "</div><script>"
            + figure.script.render()
            + "</script>"
        )
        cache.set(key, html, 60 * 60)
    return mark_safe(html)  # noqa: S308 - produced by folium from our own data, escaped there
