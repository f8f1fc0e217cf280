"""A production centre (sentra): a kampung or village where many households make the same thing.

Sanan makes tempe and keripik tempe, Dinoyo ceramics, Polowijen and Kedungmonggo Malangan masks, Dampit robusta
coffee. A centre carries the figures investors ask for (how many producers, how much output) only as a public
source states them, each with that source and its year; sources often disagree, so a figure is a row, not a
field, and two rows may contradict each other on purpose.
"""

from modelcluster.fields import ParentalKey

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from heritage import published
from heritage.api_fields import common_fields, image_fields, location_fields
from heritage.blocks import StoryBlock
from heritage.models import places_near
from heritage.models.location import region_warning, validate_in_indonesia
from heritage.models.orderables import SourceRow
from heritage.panels import MapPickerPanel
from heritage.vocabulary import Region

from .choices import CENTRE_COLOUR


def latitude_field(**kwargs):
    return models.DecimalField(
        max_digits=9, decimal_places=6, validators=[MinValueValidator(-90), MaxValueValidator(90)], **kwargs
    )


def longitude_field(**kwargs):
    return models.DecimalField(
        max_digits=9, decimal_places=6, validators=[MinValueValidator(-180), MaxValueValidator(180)], **kwargs
    )


def clean_point(latitude, longitude) -> None:
    """The place checks of `PlacePage`, for centres and producers: refuse a point outside Indonesia."""
    if latitude is None and longitude is None:
        return
    try:
        validate_in_indonesia(latitude, longitude)
    except ValidationError as error:
        raise ValidationError({"latitude": error.messages, "longitude": error.messages}) from error


class CentrePage(published.CachedViewRestrictionsMixin, Page):
    objects = published.PublishedPageManager()
    api_fields = [
        *common_fields(),
        *image_fields(),
        *location_fields(),
        APIField("what_they_make"),
        APIField("figures"),
    ]
    summary = models.TextField(
        max_length=300,
        help_text=_("One or two sentences shown in lists and previews."),
        verbose_name=_("Summary"),
    )
    story = StreamField(StoryBlock(), blank=True, use_json_field=True, verbose_name=_("Story"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Image"),
    )
    what_they_make = models.TextField(_("what they make"), blank=True)

    region = models.CharField(max_length=16, choices=Region.choices, verbose_name=_("Region"))
    district = models.CharField(_("district (kecamatan)"), max_length=80, blank=True)
    village = models.CharField(_("village (kelurahan/desa)"), max_length=80, blank=True)
    address = models.CharField(max_length=255, blank=True, verbose_name=_("Address"))
    latitude = latitude_field(verbose_name=_("Latitude"))
    longitude = longitude_field(verbose_name=_("Longitude"))
    coordinate_source = models.CharField(max_length=255, blank=True, verbose_name=_("Coordinate source"))
    coordinate_source_url = models.URLField(
        max_length=500, blank=True, verbose_name=_("Coordinate source URL")
    )
    coordinate_note = models.TextField(
        blank=True,
        help_text=_("Say so when the point is a village reference point, not the centre itself."),
        verbose_name=_("Coordinate note"),
    )

    parent_page_types = ["products.ProductIndexPage"]
    subpage_types: list[str] = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("what_they_make"),
        index.SearchField("story"),
        index.AutocompleteField("title"),
        index.FilterField("region"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("what_they_make"),
        FieldPanel("story"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("region"), FieldPanel("district"), FieldPanel("village")]),
                FieldPanel("address"),
                MapPickerPanel("latitude", "longitude"),
                FieldRowPanel([FieldPanel("coordinate_source"), FieldPanel("coordinate_source_url")]),
                FieldPanel("coordinate_note"),
            ],
            heading=_("Where it is"),
        ),
        InlinePanel("figures", label=_("Figures (as a source states them)")),
        InlinePanel("sources", label=_("Sources of the facts"), min_num=1),
    ]

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("story"),
        TranslatableField("what_they_make"),
        TranslatableField("coordinate_note"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        SynchronizedField("image"),
    ]

    class Meta:
        db_table = "heritage_centrepage"  # kept from when the model lived in heritage
        verbose_name = _("production centre")

    def clean(self):
        super().clean()
        clean_point(self.latitude, self.longitude)

    @property
    def region_warning(self) -> str | None:
        return region_warning(self.region, self.latitude, self.longitude)

    # What the shared map builder reads: centres are drawn in one colour of their own.
    kind = "sentra"
    colour = CENTRE_COLOUR

    @property
    def map_label(self) -> str:
        return str(_("Production centre"))

    @property
    def lat(self) -> float:
        return float(self.latitude)

    @property
    def lon(self) -> float:
        return float(self.longitude)

    def live_products(self):
        """The centre's published products in its language: made in the centre, or by one of its producers."""
        products = self.products.model  # ProductPage, through the relation (product.py imports this module)
        return (
            products.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(models.Q(centre=self) | models.Q(producer__centre__translation_key=self.translation_key))
            .select_related("centre", "producer", "image")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        producers = self.producers.model  # Producer, through the relation (producer.py imports this module)
        context = super().get_context(request, *args, **kwargs)
        context["products"] = list(self.live_products())
        context["producers"] = list(
            producers.objects.filter(centre__translation_key=self.translation_key).order_by("name")
        )
        context["nearby"] = places_near(self, radius_m=5_000, limit=6)
        context["map_points"] = [self, *(place for place, _metres in context["nearby"])]
        return context


class CentreFigure(Orderable):
    """One figure as one source states it: "500+ producers registered" (indiekraf), "about 630" (2020) ..."""

    api_fields = [APIField(name) for name in ("label", "value", "year", "source_title", "source_url")]

    page = ParentalKey(CentrePage, related_name="figures", on_delete=models.CASCADE)
    label = models.CharField(
        max_length=200, help_text=_("What is counted: 'Producers', 'Output'."), verbose_name=_("Label")
    )
    value = models.CharField(
        max_length=200, help_text=_("As the source states it: 'about 30 t a day'."), verbose_name=_("Value")
    )
    year = models.SmallIntegerField(
        null=True,
        blank=True,
        help_text=_("The year the source gives the figure for."),
        verbose_name=_("Year"),
    )
    source_title = models.CharField(max_length=300, verbose_name=_("Source title"))
    source_url = models.URLField(max_length=500, blank=True, verbose_name=_("Source URL"))

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("value"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("source_title"), FieldPanel("source_url")]),
    ]

    class Meta(Orderable.Meta):
        db_table = "heritage_centrefigure"  # kept from when the model lived in heritage


class CentreSource(SourceRow):
    page = ParentalKey(CentrePage, related_name="sources", on_delete=models.CASCADE)

    class Meta(SourceRow.Meta):
        db_table = "heritage_centresource"  # kept from when the model lived in heritage
