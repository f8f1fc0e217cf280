"""What is made near a heritage place, and which heritage places are near a product.

A tourist standing at Candi Badut is a short ride from the Dinoyo ceramics kampung; the place page says so.
A product is located where its centre is, or, without a centre, where its producer is (when the producer's
location is known at all). Distances are great-circle, after a bounding-box prefilter in the database, as for
places in `heritage.nearby`.
"""

import math

from django.db.models import Q

from heritage.nearby import contenders, distance_m
from products.models import CentrePage, ProductPage

RADIUS_M = 5_000


def _box(lat: float, lon: float, radius_m: float):
    dlat = radius_m / 111_320
    dlon = radius_m / (111_320 * max(math.cos(math.radians(lat)), 0.01))
    return (lat - dlat, lat + dlat), (lon - dlon, lon + dlon)


def centres_near(lat: float, lon: float, *, locale_id, radius_m: float = RADIUS_M, limit: int = 6):
    """Live centres of the locale within `radius_m`, nearest first, as `(centre, metres)` pairs."""
    lats, lons = _box(lat, lon, radius_m)
    candidates = (
        CentrePage.objects.live()
        .public()
        .filter(locale_id=locale_id, latitude__range=lats, longitude__range=lons)
        .select_related("image")
    )
    keep = contenders(
        candidates.values_list("pk", "latitude", "longitude"), lat, lon, radius_m=radius_m, limit=limit
    )
    pairs = [
        (c, distance_m(lat, lon, float(c.latitude), float(c.longitude)))
        for c in candidates.filter(pk__in=keep)
    ]
    pairs = sorted((pair for pair in pairs if pair[1] <= radius_m), key=lambda pair: (pair[1], pair[0].title))
    return pairs[:limit]


def products_near(lat: float, lon: float, *, locale_id, radius_m: float = RADIUS_M, limit: int = 8):
    """Live products of the locale located within `radius_m`, nearest first (then featured, then by name)."""
    lats, lons = _box(lat, lon, radius_m)
    candidates = (
        ProductPage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .filter(
            Q(centre__latitude__range=lats, centre__longitude__range=lons)
            | Q(centre__isnull=True, producer__latitude__range=lats, producer__longitude__range=lons)
        )
        .select_related("centre", "producer", "image")
    )
    # Where each product is (its centre, else its located producer), from the coordinates alone: only the
    # products that can make the list are loaded whole.
    points = (
        (pk, c_lat, c_lon) if centre_id else (pk, p_lat, p_lon)
        for pk, centre_id, c_lat, c_lon, p_lat, p_lon in candidates.values_list(
            "pk",
            "centre_id",
            "centre__latitude",
            "centre__longitude",
            "producer__latitude",
            "producer__longitude",
        )
    )
    keep = contenders(points, lat, lon, radius_m=radius_m, limit=limit, rank=round)
    pairs = []
    for product in candidates.filter(pk__in=keep):
        metres = distance_m(lat, lon, float(product.latitude), float(product.longitude))
        if metres <= radius_m:
            pairs.append((product, metres))
    pairs.sort(
        key=lambda pair: (round(pair[1]), not pair[0].is_featured_now, pair[0].featured_order, pair[0].title)
    )
    return pairs[:limit]


def trade_near(page, radius_m: float = RADIUS_M) -> dict:
    """Centres and products near a page that has a point (a place, a centre)."""
    if getattr(page, "latitude", None) is None or getattr(page, "longitude", None) is None:
        return {"centres": [], "products": [], "radius_m": radius_m}
    lat, lon = float(page.latitude), float(page.longitude)
    return {
        "centres": centres_near(lat, lon, locale_id=page.locale_id, radius_m=radius_m),
        "products": products_near(lat, lon, locale_id=page.locale_id, radius_m=radius_m),
        "radius_m": radius_m,
    }
