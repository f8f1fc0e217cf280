"""Places near a place, by great-circle distance.

A bounding-box prefilter in the database keeps this cheap when the list grows to thousands of places; the
exact distance is then computed in Python from the candidates' coordinates alone, and only the pages that can
be among the nearest are loaded whole (a page is a wide row with its story: loading every candidate took most
of a place page's time).
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
    rows = candidates.values_list("pk", "latitude", "longitude")
    keep = contenders(rows, lat, lon, radius_m=radius_m, limit=limit)
    pairs = [
        (other, distance_m(lat, lon, float(other.latitude), float(other.longitude)))
        for other in candidates.filter(pk__in=keep)
    ]
    pairs = [pair for pair in pairs if pair[1] <= radius_m]
    pairs.sort(key=lambda pair: pair[1])
    return pairs[:limit]


def contenders(
    rows, lat: float, lon: float, *, radius_m: float, limit: int, rank=lambda metres: metres
) -> set:
    """The keys of the rows (`(key, latitude, longitude)`, a missing coordinate as None) that can be among the
    `limit` nearest to (lat, lon) within `radius_m` once the caller sorts them by `rank(metres)` and then by
    anything else: every row whose rank is no worse than the `limit`-th best, ties included, so the caller's
    own sort and cut give exactly what they give on all the rows."""
    ranked = []
    for key, row_lat, row_lon in rows:
        if row_lat is None or row_lon is None:
            continue
        metres = distance_m(lat, lon, float(row_lat), float(row_lon))
        if metres <= radius_m:
            ranked.append((rank(metres), key))
    if len(ranked) > limit:
        worst = sorted(r for r, _key in ranked)[limit - 1]
        ranked = [(r, key) for r, key in ranked if r <= worst]
    return {key for _r, key in ranked}
