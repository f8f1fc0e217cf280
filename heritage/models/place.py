"""A place a tourist can stand at: a heritage site in the city or a corridor place on the way to Bromo.

`PlacePage` is a concrete (multi-table) base so that lists, maps and the open-data API query one table for
every kind of place; `HeritageSitePage` and `CorridorPlacePage` are the page types editors create. Facts
(coordinates, prices, designation) are synchronised across languages; words (summary, story, opening hours,
access notes) are translated with wagtail-localize, Indonesian being the source locale.
"""

from modelcluster.fields import ParentalKey

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from heritage import fragments, published
from heritage.api_fields import common_fields, image_fields, location_fields
from heritage.blocks import StoryBlock
from heritage.emergency import EmergencyHelp
from heritage.nearby import nearby_places
from heritage.panels import MapPickerPanel
from heritage.vocabulary import KIND_COLOURS, Category, Era, Kind, LocationPrecision, Region

from .location import region_warning, validate_in_indonesia
from .orderables import SourceRow


class PlacePage(published.CachedViewRestrictionsMixin, Page):
    objects = published.PublishedPageManager()
    api_fields = [
        *common_fields(),
        *image_fields(),
        *location_fields(),
        APIField("kind"),
        APIField("category"),
        APIField("era"),
        APIField("built"),
        APIField("designation_status"),
        APIField("sk_number"),
        APIField("sk_date"),
        APIField("elevation_m"),
        APIField("opening_hours"),
        APIField("ticket_domestic_idr"),
        APIField("ticket_foreign_idr"),
        APIField("ticket_checked"),
        APIField("access"),
        APIField("links"),
    ]
    qr_enabled = True  # a plaque at the site leads here (plaques app)

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

    kind = models.CharField(max_length=32, choices=Kind.choices, verbose_name=_("Kind"))
    category = models.CharField(
        max_length=16,
        choices=Category.choices,
        blank=True,
        help_text=_("Cagar budaya category (UU 11/2010)."),
        verbose_name=_("Category"),
    )
    era = models.CharField(max_length=16, choices=Era.choices, blank=True, verbose_name=_("Era"))
    built = models.CharField(
        max_length=60, blank=True, help_text=_("As a source states it: '1927–1929'."), verbose_name=_("Built")
    )
    year_from = models.SmallIntegerField(null=True, blank=True, verbose_name=_("Year from"))
    year_to = models.SmallIntegerField(null=True, blank=True, verbose_name=_("Year to"))
    architect = models.CharField(max_length=120, blank=True, verbose_name=_("Architect"))

    designation_status = models.CharField(max_length=120, blank=True, verbose_name=_("Designation status"))
    sk_number = models.CharField(_("SK number"), max_length=120, blank=True)
    sk_date = models.DateField(_("SK date"), null=True, blank=True)

    region = models.CharField(max_length=16, choices=Region.choices, verbose_name=_("Region"))
    district = models.CharField(_("district (kecamatan)"), max_length=80, blank=True)
    village = models.CharField(_("village (kelurahan/desa)"), max_length=80, blank=True)
    address = models.CharField(max_length=255, blank=True, verbose_name=_("Address"))
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        verbose_name=_("Latitude"),
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        verbose_name=_("Longitude"),
    )
    coordinate_source = models.CharField(max_length=255, blank=True, verbose_name=_("Coordinate source"))
    coordinate_source_url = models.URLField(
        max_length=500, blank=True, verbose_name=_("Coordinate source URL")
    )
    location_precision = models.CharField(
        max_length=16,
        choices=LocationPrecision.choices,
        default=LocationPrecision.SITE,
        help_text=_(
            "How closely the point marks the place. Choose 'approximate' for a point rounded to arc-minutes and "
            "'village area' for a village's reference point; the page tells visitors."
        ),
        verbose_name=_("Location precision"),
    )
    elevation_m = models.IntegerField(_("elevation (m)"), null=True, blank=True)

    opening_hours = models.TextField(blank=True, verbose_name=_("Opening hours"))
    ticket_domestic_idr = models.PositiveIntegerField(_("ticket, domestic (Rp)"), null=True, blank=True)
    ticket_foreign_idr = models.PositiveIntegerField(_("ticket, foreign (Rp)"), null=True, blank=True)
    ticket_checked = models.DateField(_("prices checked on"), null=True, blank=True)
    ticket_note = models.TextField(blank=True, verbose_name=_("Ticket note"))
    ticket_source_url = models.URLField(max_length=500, blank=True, verbose_name=_("Ticket source URL"))
    access = models.TextField(_("how to get there"), blank=True)
    accessibility = models.TextField(blank=True, verbose_name=_("Accessibility"))
    featured = models.BooleanField(
        default=False, help_text=_("Show on the home page."), verbose_name=_("Featured")
    )

    is_creatable = False

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("story"),
        index.SearchField("district"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("region"),
        index.FilterField("era"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("story"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("category"), FieldPanel("era")]),
                FieldRowPanel([FieldPanel("built"), FieldPanel("year_from"), FieldPanel("year_to")]),
                FieldPanel("architect"),
                FieldRowPanel(
                    [FieldPanel("designation_status"), FieldPanel("sk_number"), FieldPanel("sk_date")]
                ),
            ],
            heading=_("What it is"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("region"), FieldPanel("district"), FieldPanel("village")]),
                FieldPanel("address"),
                MapPickerPanel("latitude", "longitude"),
                FieldRowPanel([FieldPanel("coordinate_source"), FieldPanel("coordinate_source_url")]),
                FieldRowPanel([FieldPanel("location_precision"), FieldPanel("elevation_m")]),
            ],
            heading=_("Where it is"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opening_hours"),
                FieldRowPanel([FieldPanel("ticket_domestic_idr"), FieldPanel("ticket_foreign_idr")]),
                FieldRowPanel([FieldPanel("ticket_checked"), FieldPanel("ticket_source_url")]),
                FieldPanel("ticket_note"),
                FieldPanel("access"),
                FieldPanel("accessibility"),
            ],
            heading=_("Visiting"),
        ),
        InlinePanel("links", label=_("Official links")),
        InlinePanel("related_places", label=_("Related places")),
        InlinePanel("sources", label=_("Sources of the facts"), min_num=1),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("featured")]

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("story"),
        TranslatableField("opening_hours"),
        TranslatableField("ticket_note"),
        TranslatableField("access"),
        TranslatableField("accessibility"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        SynchronizedField("image"),
        SynchronizedField("featured"),
    ]

    class Meta:
        verbose_name = _("place")

    def clean(self):
        super().clean()
        if self.latitude is not None and self.longitude is not None:
            try:
                validate_in_indonesia(self.latitude, self.longitude)
            except ValidationError as error:
                raise ValidationError({"latitude": error.messages, "longitude": error.messages}) from error
        if self.year_from and self.year_to and self.year_to < self.year_from:
            raise ValidationError({"year_to": _("The end year comes before the start year.")})

    @property
    def region_warning(self) -> str | None:
        return region_warning(self.region, self.latitude, self.longitude)

    @property
    def is_exact(self) -> bool:
        return self.location_precision == LocationPrecision.SITE

    @property
    def colour(self) -> str:
        return KIND_COLOURS.get(self.kind, "#334155")

    @property
    def map_label(self) -> str:
        """What a map's popup and legend call this place, in the active language."""
        return str(self.get_kind_display())

    @property
    def lat(self) -> float:
        return float(self.latitude)

    @property
    def lon(self) -> float:
        return float(self.longitude)

    stored_fragments = ("head", "content")  # the parts of the template kept once drawn (heritage.fragments)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The template's kept parts, when they are ready for this request: then nothing below is computed,
        # since only those parts read it (each value is computed when first read).
        context["stored_fragments"] = fragments.stored(request, self, self.stored_fragments)
        if context["stored_fragments"] is None:
            prefetch_related_objects([self], "links", "sources")  # each read twice (facts, JSON-LD, sources)
        nearby = SimpleLazyObject(lambda: places_near(self, limit=6))
        context["nearby"] = nearby
        context["nearby_with_self"] = SimpleLazyObject(lambda: [self, *(other for other, _metres in nearby)])
        context["related"] = SimpleLazyObject(
            lambda: published.localized(
                [link.page for link in self.related_places.select_related("page__image") if link.page.live]
            )
        )
        context["emergency_help"] = SimpleLazyObject(lambda: EmergencyHelp.for_place(self))
        return context


def places_near(point, *, radius_m: float = 15_000, limit: int = 6):
    """Live places near any page with a point (a place, a centre, a product), nearest first, as
    `(page, metres)` pairs: what other content areas ask of places. One query: every kind of place shares
    PlacePage's fields, which is all a card or a map needs."""
    places = PlacePage.objects.live().public().select_related("image", "locale")
    return nearby_places(point, places, radius_m=radius_m, limit=limit)


class HeritageSitePage(PlacePage):
    """A designated or recognised heritage site: temples, colonial buildings, kampung, museums."""

    parent_page_types = ["heritage.PlaceIndexPage"]
    subpage_types: list[str] = []
    is_creatable = True

    class Meta:
        verbose_name = _("heritage site")


class CorridorPlacePage(PlacePage):
    """A place on the way from Malang into the Bromo-Tengger-Semeru park: gates, viewpoints, villages,
    lakes and summits. Most lie in the regencies around the city and inside the national park."""

    parent_page_types = ["heritage.PlaceIndexPage"]
    subpage_types: list[str] = []
    is_creatable = True

    class Meta:
        verbose_name = _("corridor place")


class PlaceLink(Orderable):
    api_fields = [APIField("title"), APIField("url")]
    page = ParentalKey(PlacePage, related_name="links", on_delete=models.CASCADE)
    title = models.CharField(max_length=200, verbose_name=_("Title"))
    url = models.URLField(max_length=500, verbose_name=_("URL"))
    panels = [FieldPanel("title"), FieldPanel("url")]


class PlaceSource(SourceRow):
    page = ParentalKey(PlacePage, related_name="sources", on_delete=models.CASCADE)


class RelatedPlace(Orderable):
    page_from = ParentalKey(PlacePage, related_name="related_places", on_delete=models.CASCADE)
    page = models.ForeignKey(PlacePage, related_name="+", on_delete=models.CASCADE, verbose_name=_("Page"))
    panels = [FieldPanel("page")]
