"""Read-only admin panels: the legs computed when the itinerary was last saved, and the stops whose place is
gone."""

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from .trip import unavailable_stops


class RouteSummaryPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Computed route"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "itineraries/admin/route_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            route_data = getattr(self.instance, "route_data", None) or {}
            context["route_data"] = route_data
            # Stored in UTC (ISO 8601); the office reads it in the site's time zone, WIB.
            computed_at = parse_datetime(route_data.get("computed_at") or "")
            if computed_at is not None and timezone.is_aware(computed_at):
                context["computed_at"] = timezone.localtime(computed_at)
            return context


class UnavailableStopsPanel(Panel):
    """The stops visitors no longer see because their place was unpublished, made private or deleted; shown
    only when there are some, so the editor notices before a tourist does."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Unavailable stops"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "itineraries/admin/unavailable_stops_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.unavailable = unavailable_stops(self.instance) if self.instance.pk else []

        def is_shown(self):
            return bool(self.unavailable) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["unavailable"] = self.unavailable
            return context
