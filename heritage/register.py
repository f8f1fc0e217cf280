"""The map of the register of designated heritage: the entries that have a point, as dots on the map the
place pages use (geodata's folium builder, our static Leaflet, the script allowed by hash)."""

from django.utils.translation import gettext_lazy as _

from .maps import cached_places_map
from .models import RegisterEntry
from .vocabulary import KIND_COLOURS, Kind


def entry_for_page(page):
    """The published register entry of a tourist page, in either language (an entry links one page of the
    translation set, usually the Indonesian one)."""
    if page is None or not getattr(page, "translation_key", None):
        return None
    entries = RegisterEntry.objects.filter(live=True, tourist_page__translation_key=page.translation_key)
    return entries.order_by("rank", "year").first()


_COLOUR = KIND_COLOURS[Kind.MONUMENT]


def map_rows(entries) -> list[dict]:
    rows = []
    for entry in entries:
        if not entry.has_point:
            continue
        page = entry.tourist_page
        rows.append(
            {
                "name": entry.name,
                "lat": float(entry.latitude),
                "lon": float(entry.longitude),
                "kind": entry.category or "cagar-budaya",
                "kind_label": entry.get_category_display() or str(_("designated heritage")),
                "colour": _COLOUR,
                "url": page.url if page else f"#entry-{entry.pk}",
            }
        )
    return rows


def register_map(entries, *, height="50vh", request=None) -> str:
    """The map of the entries that have a point, drawn once per set of entries and language."""
    rows = map_rows(entries)
    if not rows:
        return ""
    stamp = "|".join(f"{e.pk}:{e.last_published_at and e.last_published_at.timestamp()}" for e in entries)
    return cached_places_map("register-map:v2", stamp, lambda: rows, height=height, request=request)
