"""The certificate row a producer and a product carry inline; each concrete class adds its `ParentalKey`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from .choices import Certification


class CertificationRow(Orderable):
    """A certificate (halal, P-IRT, BPOM, SNI), with its number where it is public."""

    api_fields = [APIField(name) for name in ("kind", "number", "valid_until", "source_url")]

    kind = models.CharField(max_length=16, choices=Certification.choices, verbose_name=_("Kind"))
    number = models.CharField(max_length=120, blank=True, verbose_name=_("Number"))
    valid_until = models.DateField(null=True, blank=True, verbose_name=_("Valid until"))
    source_url = models.URLField(max_length=500, blank=True, verbose_name=_("Source URL"))
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("valid_until")]),
        FieldPanel("source_url"),
    ]

    class Meta(Orderable.Meta):
        abstract = True
