from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from heritage import published
from itineraries import modes
from itineraries.models import ItineraryIndexPage

register = template.Library()


@register.filter
def duration(seconds):
    """1 h 25 min / 12 min: rounded to the minute, as a tourist reads a timetable."""
    if seconds in (None, ""):
        return ""
    minutes = round(float(seconds) / 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return _("%(h)s h %(m)s min") % {"h": hours, "m": minutes}
    return _("%(m)s min") % {"m": minutes}


@register.filter
def mode_label(mode):
    return modes.mode_label(mode)


@register.simple_tag
def itinerary_index_url():
    return published.index_url(ItineraryIndexPage, get_language())
