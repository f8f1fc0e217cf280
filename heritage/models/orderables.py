"""Rows that several page types and snippets carry inline: the public sources of their facts and the
certificates a business or product holds. Each concrete class adds only its `ParentalKey`."""

from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .product_choices import Certification


class SourceRow(Orderable):
    """A public source of the facts on the page, listed there for the reader to check."""

    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500, blank=True)
    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        abstract = True


class CertificationRow(Orderable):
    """A certificate (halal, P-IRT, BPOM, SNI), with its number where it is public."""

    kind = models.CharField(max_length=16, choices=Certification.choices)
    number = models.CharField(max_length=120, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("valid_until")]),
        FieldPanel("source_url"),
    ]

    class Meta(Orderable.Meta):
        abstract = True
