"""Schedule arithmetic on stored legs: days, midnight, and sunrise worked backwards."""

import datetime as dt
from types import SimpleNamespace as NS
from zoneinfo import ZoneInfo

import pytest

from geodata.sunrise import sunrise
from itineraries.schedule import build_schedule

WIB = ZoneInfo("Asia/Jakarta")
MALANG = NS(title="Tugu", latitude=-7.9771, longitude=112.6340, elevation_m=445)
GATE = NS(title="Coban Trisula", latitude=-8.02, longitude=112.87, elevation_m=None)
VIEW = NS(title="Penanjakan", latitude=-7.9026, longitude=112.9652, elevation_m=2770)


def stop(place, day=1, stay=30, sunrise=False):
    return NS(place=place, day=day, stay_minutes=stay, arrive_before_sunrise=sunrise, note="")


def itinerary(legs_minutes, start="08:00", margin=30):
    legs = [
        {"index": i, "duration_s": m * 60, "distance_m": 1000} for i, m in enumerate(legs_minutes, start=1)
    ]
    return NS(route_data={"legs": legs}, start_time=dt.time.fromisoformat(start), sunrise_margin_min=margin)


def at(day, hhmm):
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm), tzinfo=WIB)


def test_a_one_day_walk_adds_legs_and_stays_from_the_start_time():
    day = dt.date(2026, 7, 15)
    stops = [stop(MALANG, stay=0), stop(GATE, stay=45), stop(VIEW)]
    rows = build_schedule(itinerary([30, 20]), day, stops).rows
    assert rows[0].arrive is None and rows[0].depart == at(day, "08:00")
    assert (rows[1].arrive, rows[1].depart) == (at(day, "08:30"), at(day, "09:15"))
    assert rows[2].arrive == at(day, "09:35") and rows[2].depart is None


def test_a_long_evening_leg_runs_past_midnight_into_the_next_date():
    day = dt.date(2026, 7, 15)
    stops = [stop(MALANG, stay=0), stop(GATE, stay=90), stop(VIEW)]
    rows = build_schedule(itinerary([150, 60], start="21:00"), day, stops).rows
    assert rows[1].arrive == at(day, "23:30")
    assert rows[2].arrive == at(day + dt.timedelta(days=1), "02:00")


def test_day_two_leaves_the_night_stop_at_the_start_time_of_day_two():
    day = dt.date(2026, 12, 1)
    stops = [stop(MALANG, stay=0), stop(GATE, day=1, stay=60), stop(VIEW, day=2, stay=0)]
    rows = build_schedule(itinerary([60, 90]), day, stops).rows
    assert rows[1].arrive == at(day, "09:00")
    assert rows[1].depart == at(day + dt.timedelta(days=1), "08:00")
    assert rows[2].arrive == at(day + dt.timedelta(days=1), "09:30")


@pytest.mark.parametrize("day", [dt.date(2026, 7, 15), dt.date(2026, 12, 15)])
def test_a_sunrise_stop_is_reached_before_that_days_sunrise_and_the_departure_is_worked_backwards(day):
    stops = [stop(MALANG, stay=0), stop(GATE, stay=20), stop(VIEW, stay=60, sunrise=True), stop(GATE)]
    rows = build_schedule(itinerary([90, 60, 45], margin=30), day, stops).rows
    sun = sunrise(VIEW.latitude, VIEW.longitude, day, VIEW.elevation_m).astimezone(WIB)
    assert rows[2].sunrise == sun
    assert rows[2].arrive == sun - dt.timedelta(minutes=30) < sun
    # 60 min drive + 20 min at the gate + 90 min before it: the departure is 2 h 50 min before arrival.
    assert rows[0].depart == rows[2].arrive - dt.timedelta(minutes=60 + 20 + 90)
    assert rows[0].depart.date() == day and rows[0].depart.hour < 3
    assert rows[3].arrive == rows[2].arrive + dt.timedelta(minutes=60 + 45)


def test_sunrise_times_differ_between_july_and_december():
    stops = [stop(MALANG, stay=0), stop(VIEW, sunrise=True)]
    july = build_schedule(itinerary([150]), dt.date(2026, 7, 15), stops).rows[0].depart
    december = build_schedule(itinerary([150]), dt.date(2026, 12, 15), stops).rows[0].depart
    assert july.time() != december.time()
    assert december.time() < july.time()  # the sun rises earlier in December at Bromo


def test_a_sunrise_before_midnight_departure_lands_on_the_previous_calendar_date():
    day = dt.date(2026, 7, 15)
    stops = [stop(MALANG, stay=0), stop(VIEW, sunrise=True)]
    rows = build_schedule(itinerary([8 * 60]), day, stops).rows
    assert rows[0].depart.date() == day - dt.timedelta(days=1)
