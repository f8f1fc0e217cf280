"""A producer: one named business that makes local products (Bakso President, Batik Tulis Celaket ...).

A snippet, not a page: a buyer reaches a business through its products. Only businesses a public source names
are entered; their contact fields hold only what the business itself publishes, and stay empty otherwise.
Producers are not translated: a business name is a proper noun, and the words about it live on the product
pages, which are.
"""

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet

from heritage.models.orderables import SourceRow
from heritage.panels import MapPickerPanel
from heritage.vocabulary import Region

from .centre import clean_point, latitude_field, longitude_field
from .certifications import CertificationRow
from .choices import BusinessScale, Sector


class Producer(ClusterableModel):
    name = models.CharField(max_length=200, verbose_name=_("Name"))
    sector = models.CharField(max_length=16, choices=Sector.choices, verbose_name=_("Sector"))
    scale = models.CharField(
        max_length=16,
        choices=BusinessScale.choices,
        blank=True,
        help_text=_("Only as the business or a public source states it."),
        verbose_name=_("Scale"),
    )
    founded = models.CharField(
        max_length=60, blank=True, help_text=_("As a source states it: '1977'."), verbose_name=_("Founded")
    )
    centre = models.ForeignKey(
        "products.CentrePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="producers",
        help_text=_("The production centre the business belongs to, if any."),
        verbose_name=_("Centre"),
    )

    region = models.CharField(max_length=16, choices=Region.choices, verbose_name=_("Region"))
    district = models.CharField(_("district (kecamatan)"), max_length=80, blank=True)
    village = models.CharField(_("village (kelurahan/desa)"), max_length=80, blank=True)
    address = models.CharField(max_length=255, blank=True, verbose_name=_("Address"))
    latitude = latitude_field(null=True, blank=True, verbose_name=_("Latitude"))
    longitude = longitude_field(null=True, blank=True, verbose_name=_("Longitude"))
    coordinate_source = models.CharField(max_length=255, blank=True, verbose_name=_("Coordinate source"))
    coordinate_source_url = models.URLField(
        max_length=500, blank=True, verbose_name=_("Coordinate source URL")
    )
    coordinate_note = models.TextField(blank=True, verbose_name=_("Coordinate note"))

    website = models.URLField(max_length=500, blank=True, verbose_name=_("Website"))
    email = models.EmailField(blank=True, verbose_name=_("Email"))
    phone = models.CharField(max_length=40, blank=True, verbose_name=_("Phone"))
    whatsapp = models.CharField(max_length=40, blank=True, verbose_name=_("WhatsApp"))
    languages = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Languages buyers are served in, e.g. 'Indonesia, English'."),
        verbose_name=_("Languages"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("scale"), FieldPanel("founded")]),
        FieldPanel("centre"),
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
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("website"), FieldPanel("email")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("whatsapp")]),
                FieldPanel("languages"),
            ],
            heading=_("Public business contact"),
            help_text=_("Only what the business itself publishes. Never a private number."),
        ),
        InlinePanel("certifications", label=_("Certifications")),
        InlinePanel("sources", label=_("Sources of the facts"), min_num=1),
    ]

    class Meta:
        db_table = "heritage_producer"  # kept from when the model lived in heritage
        verbose_name = _("producer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            message = _("Give both latitude and longitude, or neither.")
            raise ValidationError({"latitude": message, "longitude": message})
        clean_point(self.latitude, self.longitude)

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def has_contact(self) -> bool:
        return any((self.website, self.email, self.phone, self.whatsapp))


register_snippet(Producer)


class ProducerCertification(CertificationRow):
    """A certificate the business holds."""

    producer = ParentalKey(Producer, related_name="certifications", on_delete=models.CASCADE)

    class Meta(CertificationRow.Meta):
        db_table = "heritage_producercertification"  # kept from when the model lived in heritage


class ProducerSource(SourceRow):
    producer = ParentalKey(Producer, related_name="sources", on_delete=models.CASCADE)

    class Meta(SourceRow.Meta):
        db_table = "heritage_producersource"  # kept from when the model lived in heritage
