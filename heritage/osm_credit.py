"""Where a point comes from, said honestly: a point taken from OpenStreetMap (an OSM element, an Overpass
extract or a Nominatim result stored in someone's repository) is OpenStreetMap data under the ODbL, and is
credited as such on its page and in every export, with the OSM element where the source names it.

A point is taken as OpenStreetMap's when its recorded coordinate source says so: the source's title starts
with "OpenStreetMap" (as docs/places-data.md asks) or its address is on openstreetmap.org. A source that only
cross-checks against OSM (a Wikipedia coordinate "compared with Nominatim") is not OSM data and is not
credited as such.
"""

import re
from dataclasses import dataclass

from .open_data import OSM_COPYRIGHT as OSM_COPYRIGHT_URL

OSM_CREDIT = "© OpenStreetMap contributors, ODbL"
_ELEMENT = re.compile(r"\b(node|way|relation)[\s/]+(\d+)\b", re.IGNORECASE)
_OSM_HOSTS = re.compile(r"^https?://(?:www\.)?openstreetmap\.org/", re.IGNORECASE)


@dataclass(frozen=True)
class OsmCredit:
    element: str | None  # "node/123", when the source names it

    attribution = OSM_CREDIT
    copyright_url = OSM_COPYRIGHT_URL

    @property
    def element_url(self) -> str | None:
        return f"https://www.openstreetmap.org/{self.element}" if self.element else None


def osm_credit(title: str, url: str = "") -> OsmCredit | None:
    """The OpenStreetMap credit a point with this coordinate source owes, or None if it is not OSM data."""
    title, url = (title or "").strip(), (url or "").strip()
    if not (title.lower().startswith("openstreetmap") or _OSM_HOSTS.match(url)):
        return None
    match = _ELEMENT.search(title) or (_OSM_HOSTS.match(url) and _ELEMENT.search(url))
    return OsmCredit(f"{match.group(1).lower()}/{match.group(2)}" if match else None)


def page_osm_credit(page) -> OsmCredit | None:
    if page is None:
        return None
    return osm_credit(getattr(page, "coordinate_source", ""), getattr(page, "coordinate_source_url", ""))


def entry_osm_credit(entry) -> OsmCredit | None:
    """A register entry's point is OSM data when it is its tourist page's point and that one is."""
    page = entry.tourist_page
    if not entry.has_point or page is None:
        return None
    page = getattr(page, "specific", page)
    same = (entry.latitude, entry.longitude) == (
        getattr(page, "latitude", None),
        getattr(page, "longitude", None),
    )
    return page_osm_credit(page) if same else None


def export_fields(credit: OsmCredit | None) -> dict:
    """The columns every export carries for a point's licence."""
    return {
        "coordinate_attribution": credit.attribution if credit else None,
        "coordinate_licence_url": credit.copyright_url if credit else None,
        "osm_element": credit.element if credit else None,
    }


EXPORT_COLUMNS = list(export_fields(None))
