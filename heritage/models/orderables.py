"""Rows that several page types and snippets of every content area carry inline: the public sources of their
facts. Each concrete class adds only its `ParentalKey`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from heritage.api_fields import SOURCE_FIELDS


class SourceRow(Orderable):
    """A public source of the facts on the page, listed there for the reader to check."""

    api_fields = SOURCE_FIELDS

    title = models.CharField(max_length=300, verbose_name=_("Title"))
    url = models.URLField(max_length=500, blank=True, verbose_name=_("URL"))
    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        abstract = True
