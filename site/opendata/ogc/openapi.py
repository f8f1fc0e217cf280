"""The OpenAPI 3.0 definition of the OGC API (`/ogc/api`), written from the same collection list the views
serve, so a collection or a filter cannot be served without being described.

Every collection has its own paths with its own parameters (OGC's "one path per collection" layout), each
parameter written out in place rather than by `$ref`: GDAL and QGIS read `limit`'s maximum from the items
path to choose their page size.
"""

from django.utils.translation import gettext as _

from heritage.filters import PAGE_TYPES
from heritage.vocabulary import Era, Kind, Region

from .collections import COLLECTIONS
from .parameters import LIMIT_DEFAULT, LIMIT_MAX

OPENAPI_VERSION = "3.0.3"
API_VERSION = "1.0.0"


def _query(name, description, schema, **extra) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **extra,
    }


def _choices(name, description, choices) -> dict:
    """A filter that takes one or more values, comma-separated (`kind=temple,gate`)."""
    schema = {"type": "array", "items": {"type": "string", "enum": [str(value) for value, _label in choices]}}
    return _query(name, description, schema, style="form", explode=False)


def _parameters() -> dict:
    return {
        "f": _query(
            "f",
            _("The format of the answer: json, or html for people. Without it, the Accept header decides."),
            {"type": "string", "enum": ["json", "html"]},
        ),
        "lang": _query(
            "lang",
            _("The language of the content: id (Indonesian) or en."),
            {"type": "string", "enum": ["id", "en"], "default": "id"},
        ),
        "limit": _query(
            "limit",
            _("How many features one page holds."),
            {"type": "integer", "minimum": 1, "maximum": LIMIT_MAX, "default": LIMIT_DEFAULT},
            style="form",
            explode=False,
        ),
        "offset": _query(
            "offset",
            _("How many matching features to skip (the `next` link sets it)."),
            {"type": "integer", "minimum": 0, "default": 0},
        ),
        "bbox": _query(
            "bbox",
            _("Only features that intersect the box minx,miny,maxx,maxy in CRS84 (longitude, latitude)."),
            {"type": "array", "minItems": 4, "maxItems": 4, "items": {"type": "number"}},
            style="form",
            explode=False,
        ),
        "datetime": _query(
            "datetime",
            _(
                "Only features last published at this instant or in this interval (RFC 3339; `..` for an "
                "open end; a date alone is that whole day in UTC)."
            ),
            {"type": "string"},
            style="form",
            explode=False,
        ),
        "type": _query(
            "type",
            _("heritage for heritage sites, corridor for Bromo-Tengger-Semeru corridor places."),
            {"type": "string", "enum": [value for value, _label in PAGE_TYPES]},
        ),
        "kind": _choices("kind", _("Only these kinds of place, comma-separated."), Kind.choices),
        "region": _choices("region", _("Only these regions, comma-separated."), Region.choices),
        "era": _choices("era", _("Only these eras, comma-separated."), Era.choices),
    }


def _link_schema() -> dict:
    return {
        "type": "object",
        "required": ["href"],
        "properties": {
            "href": {"type": "string"},
            "rel": {"type": "string"},
            "type": {"type": "string"},
            "title": {"type": "string"},
        },
    }


def _schemas() -> dict:
    links = {"type": "array", "items": {"$ref": "#/components/schemas/link"}}
    geometry = {
        "type": "object",
        "nullable": True,
        "required": ["type"],
        "properties": {
            "type": {"type": "string", "enum": ["Point", "LineString", "MultiLineString"]},
            "coordinates": {"type": "array", "items": {}},
        },
    }
    feature = {
        "type": "object",
        "required": ["type", "geometry", "properties"],
        "properties": {
            "type": {"type": "string", "enum": ["Feature"]},
            "id": {"type": "string"},
            "geometry": geometry,
            "properties": {"type": "object", "nullable": True},
            "links": links,
        },
    }
    extent = {
        "type": "object",
        "properties": {
            "spatial": {
                "type": "object",
                "properties": {
                    "bbox": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}},
                    "crs": {"type": "string"},
                },
            },
            "temporal": {
                "type": "object",
                "properties": {
                    "interval": {
                        "type": "array",
                        "items": {
                            "type": "array",
                            "items": {"type": "string", "format": "date-time", "nullable": True},
                        },
                    },
                    "trs": {"type": "string"},
                },
            },
        },
    }
    collection = {
        "type": "object",
        "required": ["id", "links"],
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "itemType": {"type": "string"},
            "crs": {"type": "array", "items": {"type": "string"}},
            "storageCrs": {"type": "string"},
            "extent": extent,
            "links": links,
        },
    }
    return {
        "link": _link_schema(),
        "exception": {
            "type": "object",
            "required": ["code"],
            "properties": {
                "code": {"type": "string"},
                "description": {"type": "string"},
                "parameter": {"type": "string"},
                "error": {"type": "string"},
            },
        },
        "landingPage": {
            "type": "object",
            "required": ["links"],
            "properties": {"title": {"type": "string"}, "description": {"type": "string"}, "links": links},
        },
        "confClasses": {
            "type": "object",
            "required": ["conformsTo"],
            "properties": {"conformsTo": {"type": "array", "items": {"type": "string"}}, "links": links},
        },
        "collections": {
            "type": "object",
            "required": ["links", "collections"],
            "properties": {"links": links, "collections": {"type": "array", "items": collection}},
        },
        "collection": collection,
        "featureGeoJSON": feature,
        "featureCollectionGeoJSON": {
            "type": "object",
            "required": ["type", "features"],
            "properties": {
                "type": {"type": "string", "enum": ["FeatureCollection"]},
                "features": {"type": "array", "items": {"$ref": "#/components/schemas/featureGeoJSON"}},
                "links": links,
                "timeStamp": {"type": "string", "format": "date-time"},
                "numberMatched": {"type": "integer", "minimum": 0},
                "numberReturned": {"type": "integer", "minimum": 0},
            },
        },
    }


def _ok(description, media_type, schema) -> dict:
    return {
        "description": description,
        "content": {
            media_type: {"schema": {"$ref": f"#/components/schemas/{schema}"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }


def _errors(*statuses) -> dict:
    texts = {
        "400": _("A parameter is unknown or has a bad value; the answer names it."),
        "404": _("No such collection or feature (or it is not published)."),
    }
    return {
        status: {
            "description": texts[status],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/exception"}}},
        }
        for status in statuses
    }


def _operation(operation_id, summary, tag, parameters, response, errors=("400",)) -> dict:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": [tag],
            "parameters": parameters,
            "responses": {"200": response, **_errors(*errors)},
        }
    }


def openapi_document(server_url: str) -> dict:
    """The definition, for the service at `server_url` (…/ogc, no trailing slash)."""
    p = _parameters()
    common = [p["f"], p["lang"]]
    paths = {
        "/": _operation(
            "getLandingPage",
            _("The landing page: what this service is and links to everything in it"),
            "Capabilities",
            common,
            _ok(_("The landing page"), "application/json", "landingPage"),
        ),
        "/conformance": _operation(
            "getConformanceDeclaration",
            _("The conformance classes this service implements"),
            "Capabilities",
            common,
            _ok(_("The conformance declaration"), "application/json", "confClasses"),
        ),
        "/api": _operation(
            "getAPIDefinition",
            _("This API definition"),
            "Capabilities",
            common,
            {
                "description": _("The OpenAPI 3.0 definition"),
                "content": {
                    "application/vnd.oai.openapi+json;version=3.0": {"schema": {"type": "object"}},
                    "text/html": {"schema": {"type": "string"}},
                },
            },
        ),
        "/collections": _operation(
            "getCollections",
            _("The feature collections"),
            "Capabilities",
            common,
            _ok(_("The collections"), "application/json", "collections"),
        ),
    }
    feature_id = {
        "name": "featureId",
        "in": "path",
        "required": True,
        "description": _(
            "The feature's id: a page's translation key (the same in every language) or a plaque's code."
        ),
        "schema": {"type": "string"},
    }
    for collection in COLLECTIONS.values():
        name = collection.id.capitalize()
        base = f"/collections/{collection.id}"
        filters = [p["limit"], p["offset"], p["bbox"]]
        if collection.temporal:
            filters.append(p["datetime"])
        filters += [p[parameter] for parameter in collection.filters]
        paths[base] = _operation(
            f"describe{name}Collection",
            _("What the collection %(title)s holds, and its extent") % {"title": collection.title},
            collection.id,
            common,
            _ok(_("The collection"), "application/json", "collection"),
            errors=("400", "404"),
        )
        paths[f"{base}/items"] = _operation(
            f"get{name}Features",
            str(collection.description),
            collection.id,
            [*common, *filters],
            _ok(
                _("One page of the features, with a next link while more match"),
                "application/geo+json",
                "featureCollectionGeoJSON",
            ),
            errors=("400", "404"),
        )
        paths[f"{base}/items/{{featureId}}"] = _operation(
            f"get{name}Feature",
            _("One feature of the collection %(title)s") % {"title": collection.title},
            collection.id,
            [feature_id, *common],
            _ok(_("The feature"), "application/geo+json", "featureGeoJSON"),
            errors=("400", "404"),
        )
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": _("Malang Heritage open data"),
            "version": API_VERSION,
            "description": _(
                "OGC API – Features (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0) of the heritage places, "
                "production centres, itineraries and QR plaques of Malang Heritage. Coordinates are CRS84 "
                "(longitude, latitude). Only published, public content is served."
            ),
        },
        "servers": [{"url": server_url}],
        "tags": [
            {"name": "Capabilities", "description": _("What the service offers")},
            *({"name": c.id, "description": str(c.title)} for c in COLLECTIONS.values()),
        ],
        "paths": paths,
        "components": {"schemas": _schemas()},
    }
