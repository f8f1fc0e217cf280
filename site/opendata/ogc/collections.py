"""The four feature collections of the OGC API: places, product centres, itineraries and QR plaques.

Each reads the content area's own open-data code (the same properties as `/api/sites.geojson`,
`/api/centres.geojson`, `/api/itineraries.geojson`), so the two APIs never describe a place differently.

Only what a visitor can see is served: live pages without a view restriction (`.live().public()`), in the
asked language. A draft, an unpublished or a private page is absent from every list and its item answers 404.

Feature ids are stable across languages and renames: a page's Wagtail `translation_key` (one UUID for the
Indonesian page and its English translation, kept when a page is renamed or moved), and a plaque's QR code
(printed on the plaque, never reused). So `/items/<id>?lang=en` is the English of `/items/<id>`.
"""

import uuid
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from heritage.exports import absolute_url, feature_collection
from heritage.filters import PlaceFilterForm, filtered_places
from heritage.models import PlacePage
from itineraries.api import itinerary_feature
from itineraries.models import ItineraryPage
from itineraries.trip import Trip
from plaques.codes import normalize_code, short_url
from plaques.models import ShortCode
from products.api import CentreFilterForm
from products.exports import centre_feature
from products.models import CentrePage

from .parameters import BadParameter


@dataclass
class Item:
    """One feature before it is written out: enough to filter by bbox and datetime, count and page."""

    id: str
    geometry: dict | None
    published: object = None  # an aware datetime, for collections with time
    source: object = None  # the page or code the feature is written from
    feature: dict | None = field(default=None, repr=False)  # when filtering needed the whole feature already

    def intersects(self, bbox) -> bool:
        from shapely.geometry import box, shape  # the geo stack: loaded by the OGC API's first bbox query

        return self.geometry is not None and shape(self.geometry).intersects(box(*bbox))


def _locale(lang: str):
    return Locale.objects.filter(language_code=lang).first()


def _page_key(raw: str) -> str | None:
    """The translation key a feature id names, or None for an id that cannot be one (never reaches SQL)."""
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        return None


def _point(page) -> dict:
    return {"type": "Point", "coordinates": [float(page.longitude), float(page.latitude)]}


def _validated(form_class, query, names, lang) -> dict:
    """The cleaned filters of a content area's own form, given only the parameters it owns."""
    form = form_class({name: query[name] for name in names if name in query})
    with translation.override(lang):  # tell `?lang=en&kind=tempel` off in English
        if not form.is_valid():
            name, errors = next(iter(form.errors.items()))
            raise BadParameter(name, " ".join(errors))
    return form


def _page_ids(feature: dict, key: str) -> dict:
    """The OGC feature id is the translation key; the page id stays, as `page_id`, among the properties."""
    properties = feature["properties"]
    page_id = properties.pop("id", feature["id"])
    feature["id"] = key
    feature["properties"] = {"page_id": page_id, **properties}
    return feature


class Collection:
    id: str
    title = ""
    description = ""
    filters: tuple[str, ...] = ()  # the collection's own query parameters, beside the common ones
    temporal = False  # whether items have `last_published_at` (and so take `datetime`)
    geometry_type = "Point"
    dataset: str | None = None  # its dataset in the DCAT catalogue, shared with the content area's feed
    osm_derived = False  # geometry computed on OpenStreetMap data: ODbL as well as our CC BY

    def check(self, query, lang):
        """Validate the collection's own filters; returns what `items()` needs."""
        return None

    def items(self, lang, filters, request) -> list[Item]:
        raise NotImplementedError

    def item(self, lang, feature_id, request) -> Item | None:
        raise NotImplementedError

    def features(self, items, request) -> list[dict]:
        raise NotImplementedError


class Places(Collection):
    id = "places"
    title = _("Heritage places")
    description = _(
        "Published heritage sites and Bromo-Tengger-Semeru corridor places (gates, viewpoints, villages) of "
        "the Malang region, as points."
    )
    filters = ("type", "kind", "region", "era")
    temporal = True
    dataset = "places"

    def check(self, query, lang):
        return _validated(PlaceFilterForm, query, self.filters, lang)

    def _queryset(self):
        return PlacePage.objects.live().public().specific()

    def _item(self, page) -> Item:
        return Item(str(page.translation_key), _point(page), page.last_published_at, page)

    def items(self, lang, filters, request):
        form = filters or PlaceFilterForm({})
        pages = filtered_places(form, self._queryset(), locale=_locale(lang))
        return [self._item(page) for page in sorted(pages, key=lambda p: (p.title, p.pk))]

    def item(self, lang, feature_id, request):
        key = _page_key(feature_id)
        page = key and self._queryset().filter(translation_key=key, locale=_locale(lang)).first()
        return self._item(page) if page else None

    def features(self, items, request):
        pages = [item.source for item in items]
        written = feature_collection(pages, request)["features"]  # one query for every page's QR link
        return [_page_ids(f, item.id) for f, item in zip(written, items, strict=True)]


class Centres(Collection):
    id = "centres"
    title = _("Production centres")
    description = _(
        "Published centres of local products (coffee, apples, crafts) of the Malang region, with their "
        "products, as points."
    )
    filters = ("region",)
    temporal = True
    dataset = "centres"

    def check(self, query, lang):
        return _validated(CentreFilterForm, query, self.filters, lang).cleaned_data

    def _queryset(self, lang):
        return CentrePage.objects.live().public().filter(locale=_locale(lang))

    def _item(self, centre) -> Item:
        return Item(str(centre.translation_key), _point(centre), centre.last_published_at, centre)

    def items(self, lang, filters, request):
        centres = self._queryset(lang)
        if filters and filters.get("region"):
            centres = centres.filter(region__in=filters["region"])
        return [self._item(c) for c in centres.order_by("title", "pk")]

    def item(self, lang, feature_id, request):
        key = _page_key(feature_id)
        centre = key and self._queryset(lang).filter(translation_key=key).first()
        return self._item(centre) if centre else None

    def features(self, items, request):
        return [
            _page_ids(
                centre_feature(item.source, request, products=list(item.source.live_products().public())),
                item.id,
            )
            for item in items
        ]


class Itineraries(Collection):
    id = "itineraries"
    title = _("Itineraries")
    description = _(
        "Published, routed itineraries as a visitor can follow them today: a line along the computed route, "
        "or the pieces that remain (a MultiLineString) when a stop in the middle is unavailable."
    )
    temporal = True
    geometry_type = "LineString"
    dataset = "itineraries"
    osm_derived = True

    def _queryset(self, lang):
        return ItineraryPage.objects.live().public().filter(locale=_locale(lang)).specific()

    def _item(self, itinerary, request) -> Item | None:
        if not itinerary.legs:  # never routed: nothing to draw (the GeoJSON feed skips it too)
            return None
        key = str(itinerary.translation_key)
        feature = _page_ids(itinerary_feature(itinerary, request, Trip.of(itinerary)), key)
        return Item(feature["id"], feature["geometry"], itinerary.last_published_at, itinerary, feature)

    def items(self, lang, filters, request):
        found = (self._item(i, request) for i in self._queryset(lang).order_by("title", "pk"))
        return [item for item in found if item is not None]

    def item(self, lang, feature_id, request):
        key = _page_key(feature_id)
        itinerary = key and self._queryset(lang).filter(translation_key=key).first()
        return self._item(itinerary, request) if itinerary else None

    def features(self, items, request):
        return [item.feature for item in items]


class Plaques(Collection):
    """A plaque is a QR short code whose place is live and public: one code serves the place in every
    language, and, as a scan does (plaques.scanning), the feature names the place's translation in the asked
    language, else the code's own page, else any live one."""

    id = "plaques"
    title = _("QR plaques")
    description = _(
        "The QR codes on heritage plaques: where each plaque's place is, its short code and the link the "
        "QR code encodes."
    )

    def _items(self, lang, codes) -> list[Item]:
        codes = list(codes.filter(page__isnull=False).values_list("code", "page_id", "page__translation_key"))
        places = {}
        for page in (
            PlacePage.objects.live()
            .public()
            .filter(translation_key__in={key for _c, _p, key in codes})
            .select_related("locale")
            .order_by("pk")
        ):
            places.setdefault(page.translation_key, []).append(page)
        items = []
        for code, page_id, key in codes:
            pages = places.get(key)
            if not pages:
                continue  # an itinerary's code, or a place that is not public now
            page = next(
                (p for p in pages if p.locale.language_code == lang),
                next((p for p in pages if p.pk == page_id), pages[0]),
            )
            items.append(Item(code, _point(page), None, page))
        return items

    def items(self, lang, filters, request):
        return self._items(lang, ShortCode.objects.order_by("code"))

    def item(self, lang, feature_id, request):
        code = normalize_code(feature_id)
        found = self._items(lang, ShortCode.objects.filter(code=code)) if code else []
        return found[0] if found else None

    def features(self, items, request):
        return [
            {
                "type": "Feature",
                "id": item.id,
                "geometry": item.geometry,
                "properties": {
                    "code": item.id,
                    "qr_url": short_url(item.id),
                    "place": str(item.source.translation_key),
                    "place_title": item.source.title,
                    "place_url": absolute_url(item.source, request),
                    "lang": item.source.locale.language_code,
                },
            }
            for item in items
        ]


COLLECTIONS = {c.id: c for c in (Places(), Centres(), Itineraries(), Plaques())}


def spatial_extent(items) -> list[float] | None:
    """[minx, miny, maxx, maxy] in CRS84 over every item with a geometry, or None when none has one."""
    from shapely.geometry import shape

    bounds = [shape(item.geometry).bounds for item in items if item.geometry is not None]
    if not bounds:
        return None
    return [
        min(b[0] for b in bounds),
        min(b[1] for b in bounds),
        max(b[2] for b in bounds),
        max(b[3] for b in bounds),
    ]


def temporal_extent(items) -> list[object] | None:
    moments = [item.published for item in items if item.published is not None]
    return [min(moments), max(moments)] if moments else None
