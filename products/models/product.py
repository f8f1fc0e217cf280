"""Local products and the investor hub that lists them.

`ProductIndexPage` is the hub: featured products first, then filters (sector, region, centre, export readiness,
certification), sorting, the map of all centres and the catalogue downloads. A `ProductPage` belongs to its
centre, to a named producer, or to both; where no real producer is sourced it belongs to the centre alone and
shows no contact. Prices, minimum orders and capacities stay empty unless a source states them, and the
source is on the page.

A product is "featured" by the tourism office to attract buyers and investors: in an order, and until an end
date, after which it drops back into the list by itself (dates in Asia/Jakarta).
"""

import datetime as dt

from modelcluster.fields import ParentalKey

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from heritage import published
from heritage.api_fields import common_fields, image_fields
from heritage.blocks import StoryBlock
from heritage.models import places_near
from heritage.models.orderables import SourceRow
from heritage.vocabulary import Region

from .centre import CentrePage
from .certifications import CertificationRow
from .choices import SECTOR_COLOURS, Certification, ExportReadiness, Sector


def featured_now_q(today: dt.date | None = None) -> models.Q:
    """Products featured today: flagged, and either without an end date or ending today or later."""
    today = today or timezone.localdate()
    return models.Q(featured=True) & (
        models.Q(featured_until__isnull=True) | models.Q(featured_until__gte=today)
    )


class ProductPage(published.CachedViewRestrictionsMixin, Page):
    objects = published.PublishedPageManager()
    api_fields = [
        *common_fields(),
        *image_fields(),
        APIField("sector"),
        APIField("centre"),
        APIField("price_min_idr"),
        APIField("price_max_idr"),
        APIField("price_unit"),
        APIField("price_checked"),
        APIField("min_order_quantity"),
        APIField("min_order_unit"),
        APIField("monthly_capacity"),
        APIField("capacity_unit"),
        APIField("export_readiness"),
        APIField("export_markets"),
        APIField("gallery_images"),
        APIField("certifications"),
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
    sector = models.CharField(max_length=16, choices=Sector.choices, verbose_name=_("Sector"))
    centre = models.ForeignKey(
        CentrePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
        verbose_name=_("Centre"),
    )
    producer = models.ForeignKey(
        "products.Producer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
        verbose_name=_("Producer"),
    )

    price_min_idr = models.PositiveIntegerField(_("price from (Rp)"), null=True, blank=True)
    price_max_idr = models.PositiveIntegerField(_("price up to (Rp)"), null=True, blank=True)
    price_unit = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("'per piece', 'per kg', 'per person'"),
        verbose_name=_("Price unit"),
    )
    price_checked = models.DateField(_("price checked on"), null=True, blank=True)
    price_source_url = models.URLField(max_length=500, blank=True, verbose_name=_("Price source URL"))
    min_order_quantity = models.PositiveIntegerField(_("minimum order"), null=True, blank=True)
    min_order_unit = models.CharField(max_length=120, blank=True, verbose_name=_("Minimum order unit"))
    monthly_capacity = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("Monthly capacity"))
    capacity_unit = models.CharField(max_length=120, blank=True, verbose_name=_("Capacity unit"))
    capacity_note = models.TextField(
        blank=True,
        help_text=_("Output as the sources state it, and where they disagree."),
        verbose_name=_("Capacity note"),
    )
    export_readiness = models.CharField(
        max_length=16,
        choices=ExportReadiness.choices,
        default=ExportReadiness.LOCAL,
        verbose_name=_("Export readiness"),
    )
    export_markets = models.CharField(
        max_length=255, blank=True, help_text=_("Where it is sold today."), verbose_name=_("Export markets")
    )

    featured = models.BooleanField(
        default=False, help_text=_("Lead the product hub with it."), verbose_name=_("Featured")
    )
    featured_order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Lower comes first."), verbose_name=_("Featured order")
    )
    featured_until = models.DateField(
        null=True, blank=True, help_text=_("Last day it is featured."), verbose_name=_("Featured until")
    )

    parent_page_types = ["products.ProductIndexPage"]
    subpage_types: list[str] = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("story"),
        index.AutocompleteField("title"),
        index.FilterField("sector"),
        index.FilterField("export_readiness"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("story"),
        InlinePanel("gallery_images", label=_("More images")),
        MultiFieldPanel(
            [FieldPanel("sector"), FieldRowPanel([FieldPanel("centre"), FieldPanel("producer")])],
            heading=_("Who makes it"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("price_min_idr"), FieldPanel("price_max_idr"), FieldPanel("price_unit")]
                ),
                FieldRowPanel([FieldPanel("price_checked"), FieldPanel("price_source_url")]),
                FieldRowPanel([FieldPanel("min_order_quantity"), FieldPanel("min_order_unit")]),
                FieldRowPanel([FieldPanel("monthly_capacity"), FieldPanel("capacity_unit")]),
                FieldPanel("capacity_note"),
                FieldRowPanel([FieldPanel("export_readiness"), FieldPanel("export_markets")]),
            ],
            heading=_("Trade facts (only as a source states them)"),
        ),
        InlinePanel("certifications", label=_("Certifications")),
        InlinePanel("related_places", label=_("Related heritage places")),
        InlinePanel("sources", label=_("Sources of the facts"), min_num=1),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [
                FieldPanel("featured"),
                FieldRowPanel([FieldPanel("featured_order"), FieldPanel("featured_until")]),
            ],
            heading=_("Featured on the product hub"),
        ),
    ]

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("story"),
        TranslatableField("price_unit"),
        TranslatableField("min_order_unit"),
        TranslatableField("capacity_unit"),
        TranslatableField("capacity_note"),
        TranslatableField("export_markets"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        SynchronizedField("image"),
        SynchronizedField("featured"),
        SynchronizedField("featured_order"),
        SynchronizedField("featured_until"),
    ]

    class Meta:
        db_table = "heritage_productpage"  # kept from when the model lived in heritage
        verbose_name = _("product")

    def clean(self):
        super().clean()
        errors = {}
        if not self.centre_id and not self.producer_id:
            errors["centre"] = _("A product belongs to a production centre, a producer, or both.")
        if (
            self.price_min_idr is not None
            and self.price_max_idr is not None
            and self.price_max_idr < self.price_min_idr
        ):
            errors["price_max_idr"] = _("The highest price is below the lowest.")
        if errors:
            raise ValidationError(errors)

    def is_featured_on(self, day: dt.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.featured and (self.featured_until is None or self.featured_until >= day)

    @property
    def is_featured_now(self) -> bool:
        return self.is_featured_on()

    @property
    def where(self):
        """What the product's point on the map is: its centre, else its producer (when located), else None."""
        if self.centre_id:
            return self.centre
        if self.producer_id and self.producer.has_location:
            return self.producer
        return None

    @property
    def latitude(self):
        where = self.where
        return where.latitude if where is not None else None

    @property
    def longitude(self):
        where = self.where
        return where.longitude if where is not None else None

    @property
    def region(self) -> str:
        if self.centre_id:
            return self.centre.region
        return self.producer.region if self.producer_id else ""

    def get_region_display(self) -> str:
        return Region(self.region).label if self.region in Region.values else ""

    @property
    def kind(self) -> str:
        """The map builder colours points by kind; products are coloured by sector."""
        return self.sector

    @property
    def colour(self) -> str:
        return SECTOR_COLOURS.get(self.sector, "#334155")

    @property
    def map_label(self) -> str:
        return str(self.get_sector_display())

    def certification_kinds(self) -> list[str]:
        """The product's own certifications and its producer's, once each, in the vocabulary's order."""
        kinds = {c.kind for c in self.certifications.all()}
        if self.producer_id:
            kinds |= {c.kind for c in self.producer.certifications.all()}
        return [value for value in Certification.values if value in kinds]

    def certification_labels(self) -> list[str]:
        return [str(Certification(kind).label) for kind in self.certification_kinds()]

    def places_near(self, radius_m: float = 5_000, limit: int = 6):
        """Heritage places near where the product is made, nearest first; none when it has no known place."""
        if self.where is None:
            return []
        return places_near(self, radius_m=radius_m, limit=limit)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related = published.localized(
            [link.page for link in self.related_places.select_related("page__image") if link.page.live]
        )
        related_ids = {page.pk for page in related}
        nearby = [(page, metres) for page, metres in self.places_near() if page.pk not in related_ids]
        context.update(
            related=related,
            nearby=nearby,
            map_points=[self, *related, *(page for page, _m in nearby)] if self.where is not None else [],
        )
        return context


class ProductImage(Orderable):
    api_fields = [*image_fields(), APIField("caption")]
    page = ParentalKey(ProductPage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("Image")
    )
    caption = models.CharField(max_length=250, blank=True, verbose_name=_("Caption"))
    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        db_table = "heritage_productimage"  # kept from when the model lived in heritage


class ProductCertification(CertificationRow):
    """A certificate held for this product (a P-IRT or BPOM registration is per product)."""

    page = ParentalKey(ProductPage, related_name="certifications", on_delete=models.CASCADE)

    class Meta(CertificationRow.Meta):
        db_table = "heritage_productcertification"  # kept from when the model lived in heritage


class ProductSource(SourceRow):
    page = ParentalKey(ProductPage, related_name="sources", on_delete=models.CASCADE)

    class Meta(SourceRow.Meta):
        db_table = "heritage_productsource"  # kept from when the model lived in heritage


class ProductRelatedPlace(Orderable):
    """A heritage place the product belongs with: Dinoyo ceramics and the Kanjuruhan temple next door."""

    page_from = ParentalKey(ProductPage, related_name="related_places", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "heritage.PlacePage", related_name="+", on_delete=models.CASCADE, verbose_name=_("Page")
    )
    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        db_table = "heritage_productrelatedplace"  # kept from when the model lived in heritage
