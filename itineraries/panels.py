"""A read-only admin panel listing the legs computed when the itinerary was last saved."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel


class RouteSummaryPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Computed route"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "itineraries/admin/route_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["route_data"] = getattr(self.instance, "route_data", None) or {}
            return context
