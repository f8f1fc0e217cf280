"""The open data of local products: `products.json`, the catalogue downloads (CSV, XLSX, PDF) and
`centres.geojson`.

Every endpoint takes the hub's filters (`sector`, `region`, `centre`, `export`, `certification`, `sort`) and
`lang`; a malformed parameter answers 400 with a JSON body naming it, as the places API does.
"""

from django import forms
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from heritage.filters import MultiChoiceField
from heritage.models import Region
from heritage.open_data import bad_parameter, cacheable, feed_metadata, licensed, request_lang
from products.models import CentrePage

from .catalogue_pdf import products_pdf
from .exports import centres_feature_collection, download_name, product_record, products_csv, products_xlsx
from .models.filters import ProductFilterForm, filtered_products


def _first_error(form) -> JsonResponse:
    name, errors = next(iter(form.errors.items()))
    return bad_parameter(name, " ".join(errors))


def _query(request):
    """(products, form, lang, None) for good parameters, (None, None, None, response) for a bad one."""
    lang, error = request_lang(request)
    if error:
        return None, None, None, error
    locale = Locale.objects.filter(language_code=lang).first()
    form = ProductFilterForm(request.GET, locale=locale)
    # Validate in the asked language, so that `?lang=en&sector=cofee` is told off in English.
    with translation.override(lang):
        if not form.is_valid():
            return None, None, None, _first_error(form)
    return filtered_products(form, locale=locale), form, lang, None


def _attachment(response, name):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return licensed(cacheable(response), "products")


@require_GET
def products_json(request):
    products, form, lang, error = _query(request)
    if error:
        return error
    with translation.override(lang):
        data = {
            "count": len(products),
            "lang": lang,
            "filters": form.active_filters(),
            "products": [product_record(page, request) for page in products],
        }
    return licensed(cacheable(JsonResponse(data, json_dumps_params={"ensure_ascii": False})), "products")


@require_GET
def products_csv_view(request):
    products, form, lang, error = _query(request)
    if error:
        return error
    response = HttpResponse(products_csv(products, request), content_type="text/csv; charset=utf-8")
    return _attachment(response, download_name("malang-products", form.active_filters()) + ".csv")


@require_GET
def products_xlsx_view(request):
    products, form, lang, error = _query(request)
    if error:
        return error
    with translation.override(lang):
        body = products_xlsx(products, request, filters=form.describe())
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return _attachment(response, download_name("malang-products", form.active_filters()) + ".xlsx")


@require_GET
def products_pdf_view(request):
    products, form, lang, error = _query(request)
    if error:
        return error
    with translation.override(lang):
        body = products_pdf(products, request, filters=form.describe(), title=_("Local products of Malang"))
    response = HttpResponse(body, content_type="application/pdf")
    return _attachment(response, download_name("malang-products", form.active_filters()) + ".pdf")


class CentreFilterForm(forms.Form):
    region = MultiChoiceField(choices=Region.choices, required=False)


@require_GET
def centres_geojson(request):
    lang, error = request_lang(request)
    if error:
        return error
    form = CentreFilterForm(request.GET)
    with translation.override(lang):
        if not form.is_valid():
            return _first_error(form)
    centres = CentrePage.objects.live().public().filter(locale__language_code=lang).order_by("title")
    if form.cleaned_data.get("region"):
        centres = centres.filter(region__in=form.cleaned_data["region"])
    response = JsonResponse(
        {**centres_feature_collection(centres, request), "metadata": feed_metadata("centres")},
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )
    return licensed(cacheable(response), "centres")
