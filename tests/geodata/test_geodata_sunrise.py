"""Sunrise and sunset in WIB, checked against the published daily table of the Ministry of Religious
Affairs (Kemenag, Bimas Islam) for Kota Malang, and the earlier sunrise seen from a high viewpoint.

Kemenag's table is for prayer times and adds a 2-minute safety margin (ihtiyat): its "Terbit" is sunrise
minus 2 minutes and its "Maghrib" is sunset plus 2 minutes (Kemenag criteria as quoted at
https://rizalsuhardieksakta.blogspot.com/2012/07/jadwal-puasa-2012-ramadhan-1433-h.html). So sunrise
should fall 2 minutes after "Terbit" and sunset 2 minutes before "Maghrib", within 2 minutes (the table is
rounded to the minute and its reference point in the city is not published).

Published rows (Kota Malang, from Bimas Islam as reprinted by):
- JawaPos, 18 March 2026: Terbit 05.31, Maghrib 17.45
  https://www.jawapos.com/zodiak/2603180025/jadwal-imsak-dan-buka-puasa-28-ramadhan-untuk-kota-malang-rabu-18-maret-2026
- SuaraMalang, 1 May 2021: Terbit 05:29, Magrib 17:25
  https://malang.suara.com/amp/read/2021/05/01/010632/ramadhan-ke-19-ini-jadwal-imsakiyah-wilayah-malang-sabtu-01-mei-2021
- SuaraMalang, 9 May 2021: Terbit 05:30, Magrib 17:23
  https://malang.suara.com/amp/read/2021/05/08/222413/jadwal-imsakiyah-malang-raya-ramadhan-ke-27-minggu-09-mei-2021?page=all
City point 7°58′48″S 112°37′12″E and elevation 506 m: the Malang article of the English Wikipedia
(https://en.wikipedia.org/wiki/Malang).
"""

import datetime as dt

import pytest

from geodata.sunrise import WIB, sun_times, sunrise, sunset

MALANG = (-7.98, 112.62)
MALANG_ELEVATION_M = 506
IHTIYAT = dt.timedelta(minutes=2)
TOLERANCE = dt.timedelta(minutes=2)

KEMENAG_MALANG = [
    (dt.date(2026, 3, 18), "05:31", "17:45"),
    (dt.date(2021, 5, 1), "05:29", "17:25"),
    (dt.date(2021, 5, 9), "05:30", "17:23"),
]


def at(day, hhmm):
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm), tzinfo=WIB)


@pytest.mark.parametrize(("day", "terbit", "maghrib"), KEMENAG_MALANG)
def test_sunrise_and_sunset_in_malang_agree_with_the_kemenag_table(day, terbit, maghrib):
    rise = sunrise(*MALANG, day, elevation_m=MALANG_ELEVATION_M)
    setting = sunset(*MALANG, day, elevation_m=MALANG_ELEVATION_M)
    assert abs(rise - (at(day, terbit) + IHTIYAT)) <= TOLERANCE
    assert abs(setting - (at(day, maghrib) - IHTIYAT)) <= TOLERANCE


def test_times_are_in_wib():
    rise = sunrise(*MALANG, dt.date(2026, 3, 18))
    assert rise.utcoffset() == dt.timedelta(hours=7)
    assert rise.tzname() == "WIB"


def test_the_sun_rises_earlier_seen_from_penanjakan_than_at_sea_level():
    penanjakan, day = (-7.90, 112.92), dt.date(2026, 7, 1)
    summit = sunrise(*penanjakan, day, elevation_m=2770)
    sea = sunrise(*penanjakan, day, elevation_m=0)
    # The geometric dip of the horizon at 2,770 m is about 1.7 degrees: some 7 minutes of sun travel here.
    assert dt.timedelta(minutes=5) < sea - summit < dt.timedelta(minutes=9)
    assert sunset(*penanjakan, day, elevation_m=2770) > sunset(*penanjakan, day, elevation_m=0)


def test_sun_times_put_civil_dawn_before_sunrise_and_dusk_after_sunset():
    times = sun_times(*MALANG, dt.date(2026, 3, 18), elevation_m=MALANG_ELEVATION_M)
    assert times.dawn < times.sunrise < times.sunset < times.dusk


def test_a_position_outside_the_globe_is_refused():
    with pytest.raises(ValueError):
        sunrise(112.6, -7.98)
