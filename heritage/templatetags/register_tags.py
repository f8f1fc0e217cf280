"""The register of designated heritage in templates: its map and a tourist page's entry."""

from django import template

from heritage.osm_credit import entry_osm_credit, page_osm_credit
from heritage.register import entry_for_page, register_map

register = template.Library()


@register.simple_tag(takes_context=True)
def register_entries_map(context, entries, height="50vh"):
    return register_map(entries, height=height, request=context.get("request"))


@register.simple_tag
def register_entry_of(page):
    return entry_for_page(page)


@register.filter
def osm_credit_of(item):
    """The OpenStreetMap credit a place page's or a register entry's point owes (heritage.osm_credit)."""
    if hasattr(item, "tourist_page_id"):
        return entry_osm_credit(item)
    return page_osm_credit(item)
