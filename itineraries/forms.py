"""The itinerary edit form: routes the stops when the editor saves, and refuses what cannot be routed."""

from django import forms
from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm

from .routing import ItineraryRouteError, compute_route_data


class ItineraryForm(WagtailAdminPageForm):
    def _stops_from_formset(self):
        formset = self.formsets.get("stops")
        if formset is None:
            return None
        rows = []
        for number, form in enumerate(formset.forms):
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            stop = form.instance
            for name in ("place", "day", "stay_minutes", "arrive_before_sunrise", "leg_mode", "note"):
                if name in data:
                    setattr(stop, name, data[name])
            rows.append((data.get("ORDER") if data.get("ORDER") is not None else number, stop))
        rows.sort(key=lambda row: row[0])
        return [stop for _order, stop in rows]

    def clean(self):
        cleaned_data = super().clean()
        if self.errors or any(not formset.is_valid() for formset in self.formsets.values()):
            return cleaned_data
        stops = self._stops_from_formset()
        if stops is None:
            return cleaned_data
        for name in ("mode", "days", "start_time"):
            setattr(self.instance, name, cleaned_data.get(name, getattr(self.instance, name)))
        try:
            self.instance.route_data = compute_route_data(self.instance, stops)
        except ItineraryRouteError as error:
            raise forms.ValidationError(
                _("This itinerary cannot be routed: %(reason)s") % {"reason": error}
            ) from error
        return cleaned_data
