"""Maps on public pages, drawn by `geodata.maps` (folium) with our own static Leaflet.

folium produces a whole HTML document; we take the map's asset tags, its element and its script
(`geodata.maps.map_parts`) and put them in our page, so the map is part of the page and needs no iframe. The result is cached per set of
places and their publication times in the maps cache (`CACHES["maps"]`, shared by the app servers), so a map is
drawn once per change, when it is published (home/invalidation.py warms the pages a change shows on), not once
per view, and an app server that only serves pages never loads folium.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .inline_scripts import inline_script


def place_rows(places, current=None) -> list[dict]:
    """Pages (or `(page, distance)` pairs) as the rows geodata's map builders draw; `current`, the page being
    read, is marked so that its own map shows where it is among its neighbours."""
    rows = []
    for place in places:
        page = place[0] if isinstance(place, tuple) else place
        rows.append(
            {
                "name": page.title,
                "lat": float(page.latitude),
                "lon": float(page.longitude),
                "kind": page.kind,
                "kind_label": page.map_label,
                "colour": page.colour,
                "url": page.url,
                "current": current is not None and page.pk == current.pk,
            }
        )
    return rows


def control_labels() -> dict[str, str]:
    """Leaflet's own words (zoom buttons, its credit's tooltip) in the active language."""
    return {
        "zoom_in": _("Zoom in"),
        "zoom_out": _("Zoom out"),
        "leaflet": _("A JavaScript library for interactive maps"),
    }


def embed(folium_map, height: str) -> dict:
    """The map's asset tags, element and script, as plain strings that can be cached."""
    from geodata.maps import map_parts

    parts = map_parts(folium_map)
    return {"assets": parts.assets, "element": parts.element, "script": parts.script, "height": height}


def render_embed(parts: dict | None, request=None) -> str:
    """A cached map in one of our pages; its script is allowed by hash under the page's CSP."""
    if not parts:
        return ""
    return mark_safe(  # noqa: S308 - asset tags and an element written by geodata, no unescaped page text
        parts["assets"]
        + format_html('<div class="map" style="height:{}">', parts["height"])
        + parts["element"]
        + "</div>"
        + inline_script(request, parts["script"])
    )


def map_html(places, *, height="60vh", zoom=None, request=None, current=None) -> str:
    places = list(places)
    if not places:
        return ""
    pages = [place[0] if isinstance(place, tuple) else place for place in places]
    if current is not None and not any(p.pk == current.pk for p in pages):
        current = None  # a map of other places (the home page's, a hub's): nothing to highlight
    stamp = "|".join(f"{p.pk}:{p.last_published_at and p.last_published_at.timestamp()}" for p in pages)
    stamp += f"|current:{current.pk if current is not None else ''}|zoom:{zoom}"
    return cached_places_map(
        "map:v4", stamp, lambda: place_rows(places, current), height=height, request=request
    )


def cached_places_map(kind: str, stamp: str, rows, *, height, request=None) -> str:
    """A map of `rows()` (geodata's places map), drawn once per `stamp`, language, height and tile address
    and then served from the maps cache. The popups and legend are in the page's language: one map per
    language."""
    # "base:1": maps drawn with the bundled roads and trails under the markers (geodata.maps.base_lines);
    # "labels:1": with Leaflet's own words in the language (geodata.maps.layers.ControlLabels).
    material = f"{stamp}|{get_language()}|{height}|{settings.MAP_TILE_URL}|base:1|labels:1"
    key = f"{kind}:" + hashlib.sha256(material.encode()).hexdigest()
    parts = caches["maps"].get(key)
    if parts is None:
        from geodata.maps import (  # folium: only when a map is drawn, not when it is served
            MapAssets,
            places_map,
        )

        folium_map = places_map(
            rows(),
            MapAssets.from_base_url(settings.STATIC_URL),
            tile_url=settings.MAP_TILE_URL or None,
            attribution=settings.MAP_TILE_ATTRIBUTION,
            base_layer=True,
            labels=control_labels(),
        )
        parts = embed(folium_map, height)
        caches["maps"].set(key, parts)
    return render_embed(parts, request)
