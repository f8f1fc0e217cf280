"""Admin panels of our own.

`MapPickerPanel` puts a Leaflet map under the latitude and longitude inputs: click or drag the marker to set
the point, type in the inputs to move the marker. Leaflet is served from our static files (wagtailgeowidget
loads it from a CDN, which the office network and our no-CDN rule both forbid), and the fields stay two plain
decimals, so nothing needs GeoDjango.
"""

from django.conf import settings
from django.forms import Media
from django.templatetags.static import static
from django.urls import reverse

from wagtail.admin.panels import FieldPanel, FieldRowPanel


class MapPickerPanel(FieldRowPanel):
    def __init__(self, lat_field="latitude", lon_field="longitude", **kwargs):
        self.lat_field = lat_field
        self.lon_field = lon_field
        children = kwargs.pop("children", None) or [FieldPanel(lat_field), FieldPanel(lon_field)]
        super().__init__(children=children, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.update(lat_field=self.lat_field, lon_field=self.lon_field)
        return kwargs

    class BoundPanel(FieldRowPanel.BoundPanel):
        template_name = "heritage/admin/map_picker_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(
                lat_id=self.form[self.panel.lat_field].id_for_label,
                lon_id=self.form[self.panel.lon_field].id_for_label,
                tile_url=settings.MAP_TILE_URL,
                base_url=self._base_url(),
                page_id=getattr(self.instance, "pk", None),
                tile_attribution=settings.MAP_TILE_ATTRIBUTION,
            )
            return context

        def _base_url(self):
            locale = getattr(self.instance, "locale", None)
            lang = locale.language_code if locale is not None and locale.pk else ""
            return reverse("heritage_map_picker_base") + (f"?lang={lang}" if lang else "")

        @property
        def media(self):
            return super().media + Media(
                css={"all": [static("vendor/leaflet/leaflet.css"), static("heritage/admin/map-picker.css")]},
                js=[static("vendor/leaflet/leaflet.js"), static("heritage/admin/map-picker.js")],
            )
