"""The OGC API – Features endpoints (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0) under /ogc/.

Every resource has a JSON and an HTML representation, chosen by `f=json|html` or else by the Accept header,
and links to itself and its alternate. Responses are public and cacheable like the other open-data feeds;
as the representation may follow the Accept header, they vary on it.
"""

import datetime as dt
import json
from functools import wraps
from urllib.parse import urlencode

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from heritage.open_data import LANGS, cacheable, dataset_iri, feed_metadata, licences, licensed

from . import parameters
from .collections import COLLECTIONS, spatial_extent, temporal_extent
from .openapi import openapi_document
from .parameters import HTML, JSON, BadParameter

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
CONFORMANCE = [
    f"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/{name}"
    for name in ("core", "geojson", "html", "oas30")
]

JSON_TYPE = "application/json"
GEOJSON_TYPE = "application/geo+json"
OPENAPI_TYPE = "application/vnd.oai.openapi+json;version=3.0"
HTML_TYPE = "text/html"

COMMON = {"f", "lang"}


def ogc_endpoint(view):
    """GET and HEAD only; a bad parameter answers its 400, an unknown collection or feature its 404; every
    answer is cacheable and varies on Accept."""

    @require_safe
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.urlconf = "opendata.ogc.urlconf"  # keep a 404 a 404 (see that module)
        try:
            response = view(request, *args, **kwargs)
        except BadParameter as error:
            response = error.response()
        patch_vary_headers(response, ["Accept"])
        return cacheable(response)

    return wrapper


class Answer:
    """What one request asked for: its format and language, and the links it needs (which keep `lang`)."""

    def __init__(self, request, allowed):
        parameters.check_known(request.GET, allowed)
        self.request = request
        self.format = parameters.output_format(request)
        self.lang = request.GET.get("lang") or "id"
        if self.lang not in LANGS:
            raise BadParameter("lang", f"unknown language {self.lang[:20]!r}; use 'id' or 'en'.")

    def url(self, name, *args, **query) -> str:
        if "lang" in self.request.GET and "lang" not in query:
            query["lang"] = self.lang
        query = {k: v for k, v in query.items() if v is not None}
        path = reverse(f"ogc:{name}", args=args)
        return self.request.build_absolute_uri(path + ("?" + urlencode(query) if query else ""))

    def pair(self, name, *args, json_type=JSON_TYPE, title="", **query) -> list[dict]:
        """The self and alternate links of this resource, in the format asked for first."""
        as_json = {"href": self.url(name, *args, f=JSON, **query), "type": json_type}
        as_html = {"href": self.url(name, *args, f=HTML, **query), "type": HTML_TYPE}
        first, second = (as_json, as_html) if self.format == JSON else (as_html, as_json)
        return [
            {**first, "rel": "self", "title": _("This document")},
            {
                **second,
                "rel": "alternate",
                "title": _("This document as HTML") if second is as_html else _("This document as JSON"),
            },
        ]

    def respond(self, body, template, content_type=JSON_TYPE, **context):
        if self.format == HTML:
            with translation.override(self.lang):
                response = render(
                    self.request,
                    f"opendata/ogc/{template}",
                    {
                        "body": body,
                        "lang": self.lang,
                        "json_url": self._json_url(),
                        "langs": self._lang_urls(),
                        **context,
                    },
                )
            response["Content-Language"] = self.lang
            return response
        return JsonResponse(body, content_type=content_type, json_dumps_params={"ensure_ascii": False})

    def _json_url(self) -> str:
        query = self.request.GET.copy()
        query["f"] = JSON
        return self.request.path + "?" + query.urlencode()

    def _lang_urls(self) -> list[dict]:
        links = []
        for code in LANGS:
            query = self.request.GET.copy()
            query["lang"] = code
            links.append(
                {
                    "code": code,
                    "url": self.request.path + "?" + query.urlencode(),
                    "current": code == self.lang,
                }
            )
        return links


def _collection(collection_id):
    collection = COLLECTIONS.get(collection_id)
    if collection is None:
        raise LookupError(collection_id)
    return collection


def not_found(answer, message):
    if answer.format == HTML:
        raise Http404(message)
    return JsonResponse({"code": "NotFound", "description": message}, status=404)


def _licence_links(collection) -> list[dict]:
    """OGC's `license` links (and the collection's entry in the DCAT catalogue), as the feeds give them."""
    links = [
        {"rel": "license", "type": HTML_TYPE, "title": licence["name"], "href": licence["url"]}
        for licence in licences(collection.osm_derived)
    ]
    if collection.dataset:
        links.append(
            {
                "rel": "describedby",
                "type": "application/ld+json",
                "title": _("The dataset in the catalogue"),
                "href": dataset_iri(collection.dataset),
            }
        )
    return links


def _licensed(response, collection):
    """The feeds' `Link` header on every answer with features."""
    if collection.dataset:
        return licensed(response, collection.dataset, collection.osm_derived)
    response["Link"] = ", ".join(f'<{lic["url"]}>; rel="license"' for lic in licences(collection.osm_derived))
    return response


def _utc(moment) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def collection_document(answer, collection) -> dict:
    with translation.override(answer.lang):
        items = collection.items(answer.lang, None, answer.request)
        body = {
            "id": collection.id,
            "title": str(collection.title),
            "description": str(collection.description),
            "itemType": "feature",
            "crs": [CRS84],
            "storageCrs": CRS84,
            "links": [
                *answer.pair("collection", collection.id),
                {
                    "rel": "items",
                    "type": GEOJSON_TYPE,
                    "title": _("The features as GeoJSON"),
                    "href": answer.url("items", collection.id, f=JSON),
                },
                {
                    "rel": "items",
                    "type": HTML_TYPE,
                    "title": _("The features as HTML"),
                    "href": answer.url("items", collection.id, f=HTML),
                },
            ],
        }
    body["links"] += _licence_links(collection)
    extent = {}
    if (bbox := spatial_extent(items)) is not None:
        extent["spatial"] = {"bbox": [bbox], "crs": CRS84}
    if collection.temporal and (interval := temporal_extent(items)) is not None:
        extent["temporal"] = {"interval": [[_utc(m) for m in interval]], "trs": GREGORIAN}
    if extent:
        body["extent"] = extent
    return body


@ogc_endpoint
def landing(request):
    answer = Answer(request, COMMON)
    with translation.override(answer.lang):
        body = {
            "title": _("Malang Heritage open data"),
            "description": _(
                "The heritage places, production centres, itineraries and QR plaques of Malang Heritage as "
                "OGC API – Features: GeoJSON for GIS software and scripts, HTML for people."
            ),
            "links": [
                *answer.pair("landing"),
                {
                    "rel": "service-desc",
                    "type": OPENAPI_TYPE,
                    "title": _("The API definition (OpenAPI 3.0)"),
                    "href": answer.url("api", f=JSON),
                },
                {
                    "rel": "service-doc",
                    "type": HTML_TYPE,
                    "title": _("The API documentation"),
                    "href": answer.url("api", f=HTML),
                },
                {
                    "rel": "conformance",
                    "type": JSON_TYPE,
                    "title": _("The standards this API conforms to"),
                    "href": answer.url("conformance", f=JSON),
                },
                {
                    "rel": "data",
                    "type": JSON_TYPE,
                    "title": _("The feature collections"),
                    "href": answer.url("collections", f=JSON),
                },
            ],
        }
    return answer.respond(body, "landing.html")


@ogc_endpoint
def conformance(request):
    answer = Answer(request, COMMON)
    body = {"conformsTo": CONFORMANCE, "links": answer.pair("conformance")}
    return answer.respond(body, "conformance.html")


@ogc_endpoint
def api(request):
    answer = Answer(request, COMMON)
    with translation.override(answer.lang):
        document = openapi_document(answer.url("landing").split("?")[0].rstrip("/"))
    operations = [{"path": path, "operation": methods["get"]} for path, methods in document["paths"].items()]
    return answer.respond(document, "api.html", content_type=OPENAPI_TYPE, operations=operations)


@ogc_endpoint
def collections(request):
    answer = Answer(request, COMMON)
    body = {
        "links": answer.pair("collections"),
        "collections": [collection_document(answer, c) for c in COLLECTIONS.values()],
    }
    return answer.respond(body, "collections.html")


@ogc_endpoint
def collection(request, collection_id):
    answer = Answer(request, COMMON)
    try:
        found = _collection(collection_id)
    except LookupError:
        return not_found(answer, _("There is no collection %(id)s.") % {"id": collection_id[:40]})
    return answer.respond(collection_document(answer, found), "collection.html", collection=found)


def _matching(items, bbox, interval):
    for item in items:
        if bbox is not None and not item.intersects(bbox):
            continue
        if interval is not None:
            start, end = interval
            if item.published is None:
                continue
            if (start is not None and item.published < start) or (end is not None and item.published > end):
                continue
        yield item


@ogc_endpoint
def items(request, collection_id):
    try:
        found = _collection(collection_id)
    except LookupError:
        answer = Answer(request, request.GET.keys())  # an unknown collection is the first thing to say
        return not_found(answer, _("There is no collection %(id)s.") % {"id": collection_id[:40]})
    allowed = (
        COMMON | {"limit", "offset", "bbox", *found.filters} | ({"datetime"} if found.temporal else set())
    )
    answer = Answer(request, allowed)
    query = request.GET
    limit, offset = parameters.limit(query), parameters.offset(query)
    bbox = parameters.bbox(query)
    interval = parameters.datetime_interval(query) if found.temporal else None
    filters = found.check(query, answer.lang)

    with translation.override(answer.lang):
        matched = list(_matching(found.items(answer.lang, filters, request), bbox, interval))
        page = matched[offset : offset + limit]
        features = found.features(page, request)
        for feature in features:
            feature["links"] = [
                {
                    "rel": "self",
                    "type": GEOJSON_TYPE,
                    "href": answer.url("item", found.id, str(feature["id"]), f=JSON),
                }
            ]
        kept = {k: v for k, v in query.items() if k != "f"}
        kept["limit"] = str(limit)
        links = answer.pair("items", found.id, json_type=GEOJSON_TYPE, **{**kept, "offset": str(offset)})
        if offset + limit < len(matched):
            links.append(
                {
                    "rel": "next",
                    "type": GEOJSON_TYPE if answer.format == JSON else HTML_TYPE,
                    "title": _("Next page"),
                    "href": answer.url(
                        "items", found.id, **{**kept, "f": answer.format, "offset": str(offset + limit)}
                    ),
                }
            )
        if offset > 0:
            links.append(
                {
                    "rel": "prev",
                    "type": GEOJSON_TYPE if answer.format == JSON else HTML_TYPE,
                    "title": _("Previous page"),
                    "href": answer.url(
                        "items",
                        found.id,
                        **{**kept, "f": answer.format, "offset": str(max(0, offset - limit))},
                    ),
                }
            )
        links.append(
            {
                "rel": "collection",
                "type": JSON_TYPE,
                "title": str(found.title),
                "href": answer.url("collection", found.id, f=JSON),
            }
        )
    body = {
        "type": "FeatureCollection",
        "features": features,
        "links": links,
        "numberMatched": len(matched),
        "numberReturned": len(features),
        "timeStamp": _utc(timezone.now()),
    }
    if found.dataset:
        body["metadata"] = feed_metadata(found.dataset, found.osm_derived)
    response = answer.respond(
        body,
        "items.html",
        content_type=GEOJSON_TYPE,
        collection=found,
        rows=[_row(f, answer.url("item", found.id, str(f["id"]), f=HTML)) for f in features],
        first=offset + 1,
        filtered=bool(bbox or interval or any(name in query for name in found.filters)),
    )
    response["Content-Crs"] = f"<{CRS84}>"
    return _licensed(response, found)


@ogc_endpoint
def item(request, collection_id, feature_id):
    answer = Answer(request, COMMON)
    try:
        found = _collection(collection_id)
    except LookupError:
        return not_found(answer, _("There is no collection %(id)s.") % {"id": collection_id[:40]})
    with translation.override(answer.lang):
        source = found.item(answer.lang, feature_id, request)
        if source is None:
            return not_found(
                answer,
                _("There is no feature %(id)s in %(collection)s.")
                % {"id": feature_id[:40], "collection": found.id},
            )
        feature = found.features([source], request)[0]
        feature["links"] = [
            *answer.pair("item", found.id, source.id, json_type=GEOJSON_TYPE),
            {
                "rel": "collection",
                "type": JSON_TYPE,
                "title": str(found.title),
                "href": answer.url("collection", found.id, f=JSON),
            },
        ]
    response = answer.respond(
        feature, "item.html", content_type=GEOJSON_TYPE, collection=found, row=_row(feature, "")
    )
    response["Content-Crs"] = f"<{CRS84}>"
    return _licensed(response, found)


def _row(feature, href) -> dict:
    """A feature as the HTML pages show it: its title, and each property as text (lists and objects as
    JSON) or as a link when it is a web address."""
    properties = feature["properties"]
    shown = []
    for name, value in properties.items():
        if isinstance(value, (dict, list)):
            shown.append({"name": name, "text": json.dumps(value, ensure_ascii=False)})
        elif isinstance(value, str) and value.startswith(("https://", "http://")):
            shown.append({"name": name, "text": value, "href": value})
        else:
            shown.append({"name": name, "text": "" if value is None else str(value)})
    geometry = feature.get("geometry") or {}
    return {
        "id": str(feature["id"]),
        "title": properties.get("title") or properties.get("place_title") or str(feature["id"]),
        "properties": shown,
        "geometry_type": geometry.get("type", ""),
        "coordinates": json.dumps(geometry.get("coordinates")) if geometry.get("type") == "Point" else "",
        "href": href,
    }
