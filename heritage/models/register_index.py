"""The page of the register of designated heritage: every published entry, filterable, with a map of those
that have a point. `lists_note` says where a published list and the count its source gives disagree."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from heritage import published

from .register import RegisterFilterForm, district_choices, filtered_entries, year_choices


class RegisterIndexPage(published.CachedViewRestrictionsMixin, Page):
    objects = published.PublishedPageManager()
    intro = models.TextField(blank=True, verbose_name=_("Intro"))
    lists_note = models.TextField(_("note on the lists"), blank=True)

    subpage_types = []
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("lists_note")]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        TranslatableField("lists_note"),
    ]

    class Meta:
        verbose_name = _("register index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = RegisterFilterForm(request.GET or None)
        entries = filtered_entries(form)
        context.update(
            filter_form=form,
            entries=entries,
            entry_count=len(entries),
            years=year_choices(),
            districts=district_choices(),
        )
        return context
