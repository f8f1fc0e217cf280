"""The home page: the story from Malang's colonial quarter and temples to a Bromo sunrise."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from heritage.blocks import StoryBlock
from heritage.models import PlaceIndexPage, PlacePage
from itineraries.models import ItineraryPage


class HomePage(Page):
    intro = models.TextField(blank=True, help_text=_("The opening line under the title."))
    body = StreamField(StoryBlock(), blank=True, use_json_field=True)

    subpage_types = ["heritage.PlaceIndexPage", "itineraries.ItineraryIndexPage", "products.ProductIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        places = PlacePage.objects.live().public().filter(locale=self.locale).specific()
        context["featured"] = places.filter(featured=True).order_by("title")
        context["place_index"] = PlaceIndexPage.objects.live().public().filter(locale=self.locale).first()
        context["place_count"] = places.count()
        context["itineraries"] = (
            ItineraryPage.objects.live().public().filter(locale=self.locale).specific().order_by("title")
        )
        return context
