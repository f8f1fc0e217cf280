"""The list of places: every heritage site and corridor place, filterable, with the overview map."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from heritage import published
from heritage.filters import PlaceFilterForm, filtered_places

from .place import PlacePage


class PlaceIndexPage(published.CachedViewRestrictionsMixin, Page):
    objects = published.PublishedPageManager()
    intro = models.TextField(blank=True, verbose_name=_("Intro"))

    subpage_types = ["heritage.HeritageSitePage", "heritage.CorridorPlacePage"]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("place index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = PlaceFilterForm(request.GET or None)
        places = filtered_places(
            form, PlacePage.objects.live().public().select_related("image", "locale"), locale=self.locale
        )
        context.update(filter_form=form, places=places, place_count=len(places))
        return context
