"""The DCAT catalogue's two serialisations (opendata.catalog) and the open-data page for people."""

import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from heritage.open_data import CATALOG_PATH, LANGS, cacheable, canonical_url

from .catalog import catalogue, summaries


@require_safe
def catalog_jsonld(request):
    response = JsonResponse(
        catalogue(), content_type="application/ld+json", json_dumps_params={"ensure_ascii": False}
    )
    return cacheable(response)


@require_safe
def catalog_turtle(request):
    import rdflib  # only this view needs it

    graph = rdflib.Graph().parse(data=json.dumps(catalogue()), format="json-ld")
    body = graph.serialize(format="turtle")
    return cacheable(HttpResponse(body, content_type="text/turtle; charset=utf-8"))


@require_safe
def data_page(request):
    """The open-data page for people (/id/data/, /en/data/): what each dataset holds, its files, its licence."""
    lang = get_language() if get_language() in LANGS else "id"
    alternates = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            alternates.append({"code": code, "name": name, "url": canonical_url(reverse("open_data"))})
    context = {
        "datasets": summaries(lang),
        "publisher": settings.OPEN_DATA_PUBLISHER,
        "catalog_url": canonical_url(CATALOG_PATH),
        "catalog_turtle_url": canonical_url(reverse("dcat_catalog_turtle")),
        "ogc_url": canonical_url(reverse("ogc:landing")),
        "alternates": alternates,
        "canonical": canonical_url(request.path),
    }
    return cacheable(TemplateResponse(request, "opendata/data_page.html", context).render())
