"""schema.org JSON-LD for products, centres and producers.

A product page is a `Product`; its producer, when one is named, is its `manufacturer`, a `LocalBusiness`
with the address and only the public contact the business publishes. A centre page is a `Place` (a kampung
is not a business) followed by the `LocalBusiness` of each named producer in it. Prices become an
`AggregateOffer` in IDR only when a source states them.
"""

import re

from heritage.exports import absolute_url
from heritage.models import Region
from heritage.open_data import canonical_url
from products.models import ExportReadiness, Sector


def _clean(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _image(page, request):
    if not page.image_id:
        return None
    rendition = page.image.get_rendition("fill-1200x630")
    return canonical_url(rendition.url)


def _address(thing) -> dict:
    return _clean(
        {
            "@type": "PostalAddress",
            "streetAddress": thing.address,
            "addressLocality": ", ".join(part for part in (thing.village, thing.district) if part),
            "addressRegion": Region(thing.region).label if thing.region in Region.values else None,
            "addressCountry": "ID",
        }
    )


def _geo(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(latitude), "longitude": float(longitude)}


def for_producer(producer) -> dict:
    # ASCII digits only: `str.isdigit()` also passes "²⁰⁰⁵" and "٢٠٠٥", which are no schema.org year.
    founded = producer.founded if re.fullmatch(r"[0-9]{4}", producer.founded or "") else None
    return _clean(
        {
            "@type": "LocalBusiness",
            "name": producer.name,
            "address": _address(producer),
            "geo": _geo(producer.latitude, producer.longitude),
            "url": producer.website,
            "email": producer.email,
            "telephone": producer.phone,
            "foundingDate": founded,
            "knowsLanguage": [lang.strip() for lang in producer.languages.split(",") if lang.strip()],
        }
    )


def for_product(page, request=None) -> dict:
    offers = None
    if page.price_min_idr is not None or page.price_max_idr is not None:
        offers = _clean(
            {
                "@type": "AggregateOffer",
                "priceCurrency": "IDR",
                "lowPrice": page.price_min_idr,
                "highPrice": page.price_max_idr,
                "url": absolute_url(page, request),
            }
        )
    properties = [
        {
            "@type": "PropertyValue",
            "name": "exportReadiness",
            "value": str(ExportReadiness(page.export_readiness).label),
        }
    ]
    if page.centre_id:
        properties.append({"@type": "PropertyValue", "name": "productionCentre", "value": page.centre.title})
    if page.export_markets:
        properties.append({"@type": "PropertyValue", "name": "markets", "value": page.export_markets})
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": page.title,
        "description": page.summary,
        "url": absolute_url(page, request),
        "image": _image(page, request),
        "category": str(Sector(page.sector).label) if page.sector in Sector.values else None,
        "countryOfOrigin": {"@type": "Country", "name": "Indonesia"},
        "manufacturer": for_producer(page.producer) if page.producer_id else None,
        "offers": offers,
        "additionalProperty": properties,
    }
    return _clean(data)


def for_centre(page, producers=(), request=None) -> dict:
    place = _clean(
        {
            "@type": "Place",
            "name": page.title,
            "description": page.summary,
            "url": absolute_url(page, request),
            "image": _image(page, request),
            "address": _address(page),
            "geo": _geo(page.latitude, page.longitude),
        }
    )
    return {"@context": "https://schema.org", "@graph": [place, *(for_producer(p) for p in producers)]}
