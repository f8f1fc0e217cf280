"""The DCAT catalogue's two serialisations (opendata.catalog)."""

import json

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from heritage.open_data import cacheable

from .catalog import catalogue


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
