"""Filtering and sorting local products, shared by the hub page, the JSON API and the catalogue downloads, so
that a downloaded catalogue holds exactly what the investor was looking at.

Every parameter takes comma-separated values (`sector=coffee,food`); values within a parameter are alternatives,
parameters combine. Unknown values are an error, answered 400 by the API, never silently ignored.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from heritage.filters import MultiChoiceField
from heritage.vocabulary import Region

from .centre import CentrePage
from .choices import Certification, ExportReadiness, Sector
from .producer import ProducerCertification
from .product import ProductCertification, ProductPage, featured_now_q

SORTS = [
    ("featured", _("Featured first")),
    ("name", _("Name")),
    ("price", _("Price, lowest first")),
    ("-price", _("Price, highest first")),
    ("capacity", _("Monthly capacity, largest first")),
    ("centre", _("Production centre")),
]
FILTERS = ("sector", "region", "centre", "export", "certification")


class ProductFilterForm(forms.Form):
    sector = MultiChoiceField(choices=Sector.choices, required=False, label=_("Sector"))
    region = MultiChoiceField(choices=Region.choices, required=False, label=_("Region"))
    centre = MultiChoiceField(choices=[], required=False, label=_("Production centre"))
    export = MultiChoiceField(choices=ExportReadiness.choices, required=False, label=_("Export readiness"))
    certification = MultiChoiceField(choices=Certification.choices, required=False, label=_("Certification"))
    sort = forms.ChoiceField(choices=SORTS, required=False, label=_("Sort by"))

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Centres are named by slug, which is the same in every language; their titles follow the page's.
        centres = CentrePage.objects.live().public()
        if locale is not None:
            centres = centres.filter(locale=locale)
        choices = list(centres.order_by("title").values_list("slug", "title"))
        field = self.fields["centre"]
        field.choices = choices
        field.valid = {slug for slug, _title in choices}

    def active_filters(self) -> dict:
        """The filters in force, by parameter name, from a bound and valid form."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {name: data[name] for name in FILTERS if data.get(name)}

    def describe(self) -> list[tuple[str, str]]:
        """(label, values) pairs of the filters in force, in the reader's language, for the printed catalogue."""
        described = []
        for name, values in self.active_filters().items():
            field = self.fields[name]
            labels = dict(field.choices)
            described.append((str(field.label), ", ".join(str(labels.get(value, value)) for value in values)))
        return described


def filtered_products(form: ProductFilterForm, locale=None, today=None) -> list[ProductPage]:
    """Live products matching a bound, valid form (an invalid or unbound form filters nothing), sorted."""
    products = ProductPage.objects.live().public().select_related("centre", "producer", "image")
    if locale is not None:
        products = products.filter(locale=locale)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if data.get("sector"):
        products = products.filter(sector__in=data["sector"])
    if data.get("region"):
        # A product is where its centre is; a product without a centre is where its producer is.
        products = products.filter(
            Q(centre__region__in=data["region"]) | Q(centre__isnull=True, producer__region__in=data["region"])
        )
    if data.get("centre"):
        products = products.filter(
            Q(centre__slug__in=data["centre"]) | Q(producer__centre__slug__in=data["centre"])
        )
    if data.get("export"):
        products = products.filter(export_readiness__in=data["export"])
    if data.get("certification"):
        kinds = data["certification"]
        products = products.filter(
            Q(pk__in=ProductCertification.objects.filter(kind__in=kinds).values("page_id"))
            | Q(producer_id__in=ProducerCertification.objects.filter(kind__in=kinds).values("producer_id"))
        )
    return list(sort_products(products, data.get("sort") or "featured", today=today))


def sort_products(products, sort: str, today=None):
    if sort == "name":
        return products.order_by("title")
    if sort == "price":
        # A product priced only "up to" a sum sorts by that sum, not among the unpriced.
        return products.order_by(Coalesce("price_min_idr", "price_max_idr").asc(nulls_last=True), "title")
    if sort == "-price":
        return products.order_by(Coalesce("price_max_idr", "price_min_idr").desc(nulls_last=True), "title")
    if sort == "capacity":
        return products.order_by(F("monthly_capacity").desc(nulls_last=True), "title")
    if sort == "centre":
        return products.order_by(F("centre__title").asc(nulls_last=True), "title")
    featured_now = featured_now_q(today)
    return products.annotate(
        feature_rank=Case(When(featured_now, then=Value(0)), default=Value(1), output_field=IntegerField()),
        feature_order=Case(
            When(featured_now, then=F("featured_order")), default=Value(0), output_field=IntegerField()
        ),
    ).order_by("feature_rank", "feature_order", "title")


def catalogue_query(form: ProductFilterForm, lang: str) -> str:
    """The query string of the filters (and sort) in force, for the catalogue download links."""
    params = {name: ",".join(values) for name, values in form.active_filters().items()}
    if form.is_bound and form.is_valid() and form.cleaned_data.get("sort"):
        params["sort"] = form.cleaned_data["sort"]
    return urlencode({"lang": lang, **params})
