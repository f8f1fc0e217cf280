"""The home page: the story from Malang's colonial quarter and temples to a Bromo sunrise."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from heritage import published
from heritage.blocks import StoryBlock
from heritage.models import PlaceIndexPage, PlacePage
from itineraries.models import ItineraryPage


class HomePage(published.CachedLocalizedMixin, published.CachedViewRestrictionsMixin, Page):
    objects = published.PublishedPageManager()
    intro = models.TextField(
        blank=True, help_text=_("The opening line under the title."), verbose_name=_("Intro")
    )
    body = StreamField(StoryBlock(), blank=True, use_json_field=True, verbose_name=_("Body"))

    subpage_types = [
        "heritage.PlaceIndexPage",
        "heritage.RegisterIndexPage",
        "itineraries.ItineraryIndexPage",
        "products.ProductIndexPage",
    ]
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

    def route(self, request, path_components):
        """Every public address starts here (the site's root in each language): the page at the address is
        found in one query, by its tree address (`heritage.published.page_at`), instead of one level at a time.
        An address no page has (an itinerary's `gpx/`, a typo) goes Wagtail's way, level by level."""
        if path_components:
            page = published.page_at(self.url_path + "/".join(path_components) + "/")
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Every kind of place keeps its fields on PlacePage: the cards and the map need no specific type.
        places = PlacePage.objects.live().public().filter(locale=self.locale)
        context["featured"] = list(
            places.filter(featured=True).order_by("title").select_related("image", "locale")
        )
        context["place_index"] = PlaceIndexPage.objects.live().public().filter(locale=self.locale).first()
        context["place_count"] = places.count()
        context["itineraries"] = (
            ItineraryPage.objects.live().public().filter(locale=self.locale).specific().order_by("title")
        )
        return context
