"""schema.org JSON-LD for places: search engines and travel apps read it to understand the page.

Every place is a `TouristAttraction` with `GeoCoordinates`; heritage buildings, temples and monuments are also
`LandmarksOrHistoricalBuildings`.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from geodata.script_json import script_json

from .exports import absolute_url
from .open_data import canonical_url
from .vocabulary import Kind


def json_ld_script(data):
    """The `<script type="application/ld+json">` element of `data`, safe whatever text editors put in it;
    every JSON-LD of the site (places, products, centres, trips) is written by this one function."""
    if not data:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(script_json(data)))  # noqa: S308 - escaped above


LANDMARK_KINDS = {
    Kind.TEMPLE,
    Kind.COLONIAL_BUILDING,
    Kind.RELIGIOUS_BUILDING,
    Kind.MONUMENT,
    Kind.STATION,
    Kind.BRIDGE,
    Kind.SCHOOL,
    Kind.MUSEUM,
}


def for_page(page, request=None) -> dict | None:
    page = page.specific
    if not hasattr(page, "latitude"):
        return None
    types = ["TouristAttraction"]
    if page.kind in LANDMARK_KINDS or page.category:
        types.append("LandmarksOrHistoricalBuildings")
    data = {
        "@context": "https://schema.org",
        "@type": types,
        "name": page.title,
        "description": page.summary,
        "url": absolute_url(page, request),
        "inLanguage": page.locale.language_code,
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        },
        "address": {
            "@type": "PostalAddress",
            "addressRegion": page.get_region_display(),
            "addressCountry": "ID",
        },
        "isAccessibleForFree": page.ticket_domestic_idr == 0
        if page.ticket_domestic_idr is not None
        else None,
    }
    if page.elevation_m is not None:
        data["geo"]["elevation"] = page.elevation_m
    if page.address:
        data["address"]["streetAddress"] = page.address
    if page.district:
        data["address"]["addressLocality"] = page.district
    if page.image_id:
        rendition = page.image.get_rendition("fill-1200x630")
        data["image"] = canonical_url(rendition.url)
    links = [link.url for link in page.links.all()]
    if links:
        data["sameAs"] = links
    return {key: value for key, value in data.items() if value is not None}
