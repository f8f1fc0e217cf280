"""A place's model fields from its properties in the places schema (docs/places-data.md): what the seed reads
from the bundled `places.geojson` and what an open-data import (`heritage.place_import`) reads from a file
someone uploads. One mapping, so a file the seed accepts imports the same way."""

from heritage.models import LocationPrecision, PlaceLink, PlaceSource

from .helpers import iso_date, text_in
from .loader import where_fields


def place_fields(props, feature, lang):
    """The PlacePage fields (facts and words in `lang`) of a feature with these properties."""
    designation = props.get("designation") or {}
    ticket = props.get("ticket") or {}
    return {
        "kind": props["kind"],
        "category": props.get("category") or "",
        "era": props.get("era") or "",
        "built": text_in(props.get("built"), lang),
        "year_from": props.get("year_from"),
        "year_to": props.get("year_to"),
        "architect": text_in(props.get("architect"), lang),
        "designation_status": text_in(designation.get("status"), lang),
        "sk_number": designation.get("sk_number") or "",
        "sk_date": iso_date(designation.get("sk_date")),
        **where_fields(feature, lang),
        "location_precision": props.get("location_precision") or LocationPrecision.SITE,
        "elevation_m": props.get("elevation_m"),
        "opening_hours": text_in(props.get("opening_hours"), lang),
        "ticket_domestic_idr": ticket.get("domestic_idr"),
        "ticket_foreign_idr": ticket.get("foreign_idr"),
        "ticket_checked": iso_date(ticket.get("checked")),
        "ticket_note": (ticket.get(f"note_{lang}") or "").strip(),
        "ticket_source_url": ticket.get("source") or "",
        "access": text_in(props.get("access"), lang),
        "accessibility": text_in(props.get("accessibility"), lang),
        "featured": bool(props.get("featured")),
    }


def place_links(props, lang="id") -> list:
    """The official links; a title is one string, or `{"id": ..., "en": ...}` when it says what the link is."""
    return [
        PlaceLink(title=text_in(link["title"], lang)[:200], url=link["url"])
        for link in props.get("links") or []
    ]


def place_sources(props) -> list:
    return [
        PlaceSource(title=src["title"][:300], url=src.get("url") or "") for src in props.get("sources") or []
    ]


def set_place_children(page, props, lang="id"):
    """The page's official links and sources (in memory: saved with the page or its revision)."""
    page.links.set(place_links(props, lang))
    page.sources.set(place_sources(props))
