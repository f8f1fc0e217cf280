"""Places near a place, by great-circle distance.

A bounding-box prefilter in the database keeps this cheap when the list grows to thousands of places; the
exact distance is then computed in Python for the few candidates.
"""

import math

EARTH_RADIUS_M = 6_371_008.8


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def within_box(places, lat: float, lon: float, radius_m: float):
    """`places` narrowed to the box around (lat, lon) that holds the circle of `radius_m`: a cheap database
    prefilter before the exact distances."""
    dlat = radius_m / 111_320
    dlon = radius_m / (111_320 * max(math.cos(math.radians(lat)), 0.01))
    return places.filter(latitude__range=(lat - dlat, lat + dlat), longitude__range=(lon - dlon, lon + dlon))


def nearby_places(place, queryset, *, radius_m: float = 15_000, limit: int = 6):
    """Up to `limit` other pages of `queryset` (live places: `heritage.models.places_near` passes them) in the
    same locale within `radius_m` of `place`, nearest first, as `(page, metres)` pairs."""
    lat, lon = float(place.latitude), float(place.longitude)
    candidates = (
        within_box(queryset, lat, lon, radius_m).filter(locale_id=place.locale_id).exclude(pk=place.pk)
    )
    pairs = [
        (other, distance_m(lat, lon, float(other.latitude), float(other.longitude))) for other in candidates
    ]
    pairs = [pair for pair in pairs if pair[1] <= radius_m]
    pairs.sort(key=lambda pair: pair[1])
    return pairs[:limit]
