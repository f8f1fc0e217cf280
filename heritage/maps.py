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


def place_rows(places) -> list[dict]:
    """Pages (or `(page, distance)` pairs) as the rows geodata's map builders draw."""
    rows = []
    for place in places:
        page = place[0] if isinstance(place, tuple) else place
        rows.append(
            {
                "name": page.title,
                "lat": float(page.latitude),
                "lon": float(page.longitude),
                "kind": page.kind,
                "url": page.url,
            }
        )
    return rows


def embed(folium_map, height: str) -> str:
    """The map's header links, its div and its script, for inclusion in one of our pages."""
    figure = folium_map.get_root()
    figure.render()
    return (
        figure.header.render()
        + f'<div class="map" style="height:{height}">'
        + figure.html.render()
        + "</div><script>"
        + figure.script.render()
        + "</script>"
    )


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
            place_rows(places),
            MapAssets.from_base_url(settings.STATIC_URL),
            tile_url=settings.MAP_TILE_URL or None,
            attribution=settings.MAP_TILE_ATTRIBUTION,
        )
        html = embed(folium_map, height)
        cache.set(key, html, 60 * 60)
    return mark_safe(html)  # noqa: S308 - produced by folium from our own data, escaped there
