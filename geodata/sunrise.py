"""Sunrise and sunset in WIB (UTC+7) for a place and its height above sea level.

On a summit the horizon dips below the astronomical one, so the sun shows earlier and sets later than at
sea level: at Penanjakan (about 2,770 m) sunrise comes roughly seven minutes before the sea-level time.
The dip is the geometric one for the observer's height (astral's ``Observer(elevation=...)``); the sun's
centre at 0.833 degrees below that horizon (refraction plus the solar radius) counts as rise and set, as
in the NOAA and almanac tables. Mountains on the horizon are not modelled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from astral import Observer
from astral import sun as _sun

# Indonesia keeps no daylight saving, so a fixed offset needs no tz database.
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


@dataclass(frozen=True)
class SunTimes:
    dawn: dt.datetime  # civil dawn: sun 6 degrees below the horizon
    sunrise: dt.datetime
    sunset: dt.datetime
    dusk: dt.datetime


def _observer(lat: float, lon: float, elevation_m: float) -> Observer:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"not a WGS84 position: {lat}, {lon}")
    return Observer(latitude=lat, longitude=lon, elevation=max(float(elevation_m or 0.0), 0.0))


def _day(day: dt.date | None) -> dt.date:
    return day or dt.datetime.now(WIB).date()


def sun_times(lat: float, lon: float, day: dt.date | None = None, elevation_m: float = 0.0) -> SunTimes:
    observer, date = _observer(lat, lon, elevation_m), _day(day)
    return SunTimes(
        dawn=_sun.dawn(observer, date, tzinfo=WIB),
        sunrise=_sun.sunrise(observer, date, tzinfo=WIB),
        sunset=_sun.sunset(observer, date, tzinfo=WIB),
        dusk=_sun.dusk(observer, date, tzinfo=WIB),
    )


def sunrise(lat: float, lon: float, day: dt.date | None = None, elevation_m: float = 0.0) -> dt.datetime:
    """Time of sunrise (WIB) seen from ``elevation_m`` metres above sea level."""
    return _sun.sunrise(_observer(lat, lon, elevation_m), _day(day), tzinfo=WIB)


def sunset(lat: float, lon: float, day: dt.date | None = None, elevation_m: float = 0.0) -> dt.datetime:
    """Time of sunset (WIB) seen from ``elevation_m`` metres above sea level."""
    return _sun.sunset(_observer(lat, lon, elevation_m), _day(day), tzinfo=WIB)
