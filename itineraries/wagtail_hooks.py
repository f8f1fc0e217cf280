"""Admin behaviour of the itineraries app: after saving an itinerary, warn about stops visitors cannot see."""

from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail import hooks

from .models import ItineraryPage
from .trip import unavailable_stops


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_unavailable_stops(request, page):
    page = page.specific
    if not isinstance(page, ItineraryPage):
        return
    gone = unavailable_stops(page)
    if not gone:
        return
    stops = "; ".join(
        _("stop %(n)s, %(title)s (%(reason)s)") % {"n": n, "title": title, "reason": reason}
        if title
        else _("stop %(n)s (%(reason)s)") % {"n": n, "reason": reason}
        for n, title, reason in gone
    )
    messages.warning(
        request,
        _("Saved, but some stops are unavailable to visitors and are left out of the trip: %(stops)s.")
        % {"stops": stops},
    )
