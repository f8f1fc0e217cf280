"""The register of designated heritage (cagar budaya): what the law protects, as the city, the province and the
nation designated it, which is not the same list as the places a tourist visits.

An entry is a snippet under moderation (drafts, revisions, locks, the workflow). It names one designated object
with its UU 11/2010 category and its rank, the decree where a public source gives one, else the year and the
designation event. Its point is optional: most objects of the city's lists have no published location, and a
statue kept in a museum points at the museum and says so. Entries are not translated: the names are proper
names and the decrees are the decrees; the labels around them are, and the designation event, which is words
("SK 12 dan 31 Desember 2018, diserahkan 14 Januari 2019"), is kept in English beside it for the English pages.

The register's filters come as GET parameters; a value that is not one of the choices (or a year that is not
a number) is reported and ignored by the page, and answers 400 in a feed, never a 500.
"""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from .location import validate_in_indonesia


class RegisterCategory(models.TextChoices):
    """The five kinds of cagar budaya in UU 11/2010."""

    BENDA = "benda", _("object (benda)")
    BANGUNAN = "bangunan", _("building (bangunan)")
    STRUKTUR = "struktur", _("structure (struktur)")
    SITUS = "situs", _("site (situs)")
    KAWASAN = "kawasan", _("area (kawasan)")


class RegisterRank(models.TextChoices):
    NATIONAL = "national", _("national")
    PROVINCIAL = "provincial", _("provincial")
    CITY = "city", _("city")


def validate_sources(value: str) -> None:
    urls = source_urls(value)
    if not urls:
        raise ValidationError(_("Give at least one public source (a URL)."), code="no_source")
    check = URLValidator(schemes=["http", "https"])
    for url in urls:
        check(url)


def source_urls(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class RegisterEntry(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    # The bundled item this entry came from ("kota-malang-2018:balai-kota"); empty for an editor's own entry.
    key = models.SlugField(max_length=120, unique=True, null=True, blank=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=16, choices=RegisterCategory.choices, blank=True)
    rank = models.CharField(_("rank"), max_length=16, choices=RegisterRank.choices)
    year = models.PositiveSmallIntegerField(_("year of designation"))
    designation = models.CharField(
        _("designation event"),
        max_length=200,
        help_text=_('As the source gives it, e.g. "Harkitnas, 20 May 2022".'),
    )
    designation_en = models.CharField(
        _("designation event in English"),
        max_length=200,
        blank=True,
        help_text=_("Shown on the English pages; when empty they show the designation event as it is."),
    )
    decree_number = models.CharField(_("decree number"), max_length=120, blank=True)
    decree_date = models.DateField(_("decree date"), null=True, blank=True)
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, verbose_name=_("Latitude")
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, verbose_name=_("Longitude")
    )
    location_note = models.CharField(
        _("location note"),
        max_length=200,
        blank=True,
        help_text=_("Where the point comes from, e.g. the museum that keeps the object."),
    )
    district = models.CharField(_("district (kecamatan)"), max_length=80, blank=True)
    current_use = models.CharField(_("current use"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    sources = models.TextField(_("sources"), validators=[validate_sources], help_text=_("One URL a line."))
    tourist_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tourist page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="register_entry")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="register_entry",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("rank"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("designation"), FieldPanel("designation_en")]),
        FieldRowPanel([FieldPanel("decree_number"), FieldPanel("decree_date")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("location_note"),
                FieldPanel("district"),
            ],
            heading=_("Location"),
        ),
        FieldPanel("current_use"),
        FieldPanel("note"),
        FieldPanel("sources"),
        PageChooserPanel("tourist_page"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("live")]

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register of designated heritage")
        ordering = ["year", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def designation_shown(self) -> str:
        """The designation event in the reader's language."""
        return (get_language() == "en" and self.designation_en) or self.designation

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def source_list(self) -> list[str]:
        return source_urls(self.sources)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        if self.has_point:
            try:
                validate_in_indonesia(self.latitude, self.longitude)
            except ValidationError as error:
                raise ValidationError({"latitude": error}) from error


class RegisterFilterForm(forms.Form):
    category = forms.ChoiceField(
        required=False, choices=[("", _("All categories")), *RegisterCategory.choices]
    )
    rank = forms.ChoiceField(required=False, choices=[("", _("All ranks")), *RegisterRank.choices])
    year = forms.IntegerField(required=False, min_value=1, max_value=9999)
    district = forms.CharField(required=False, max_length=80)


def published_entries():
    return RegisterEntry.objects.filter(live=True).select_related("tourist_page")


def filtered_entries(form, entries=None):
    """The entries the form's valid filters keep; a filter that did not validate is ignored."""
    entries = published_entries() if entries is None else entries
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    for name in ("category", "rank", "year"):
        if data.get(name) not in (None, ""):
            entries = entries.filter(**{name: data[name]})
    if data.get("district"):
        entries = entries.filter(district__iexact=data["district"].strip())
    return list(entries)


def year_choices():
    return sorted(set(published_entries().values_list("year", flat=True)))


def district_choices():
    return sorted(set(published_entries().exclude(district="").values_list("district", flat=True)))


def entry_for_page(page):
    """The published register entry of a tourist page, in either language (entries link one page of the
    translation set, usually the Indonesian one)."""
    if page is None:
        return None
    return (
        published_entries()
        .filter(tourist_page__translation_key=page.translation_key)
        .order_by("-rank")
        .first()
    )
