"""The clock times of an itinerary on a given date, from its stored legs: no routing happens here.

Each day of travel is a segment of legs that leaves the previous night's stop at the itinerary's start time.
When a segment holds a stop marked "arrive before sunrise", the segment is worked backwards instead: that
stop must be reached `sunrise_margin_min` minutes before that day's sunrise there (computed for the place's
elevation, which lowers the horizon on a mountain), so the departure may fall before midnight of the
previous calendar day — which is how a 01:00 departure from Malang for a Bromo sunrise comes about.
"""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils import timezone

from geodata.sunrise import sunrise

WIB = ZoneInfo("Asia/Jakarta")


@dataclass
class ScheduleRow:
    stop: object
    day: int
    arrive: dt.datetime | None = None
    depart: dt.datetime | None = None
    leg: dict | None = None  # the leg that arrives at this stop
    sunrise: dt.datetime | None = None
    warnings: list[str] = field(default_factory=list)
    available: bool = True  # False: the stop's place is gone (itineraries.trip); no place, no times

    @property
    def nights(self) -> int:
        """How many midnights the stay here spans (WIB): 1 for a night at the foot of Bromo before a 02:14
        start. The page then says "until 02:14 the next day" rather than "12:18–02:14", which reads as a wait
        of minus ten hours."""
        if self.arrive is None or self.depart is None:
            return 0
        return (self.depart.astimezone(WIB).date() - self.arrive.astimezone(WIB).date()).days


@dataclass
class Schedule:
    date: dt.date
    rows: list[ScheduleRow]

    @property
    def departure(self) -> dt.datetime | None:
        return self.rows[0].depart if self.rows else None


def _sunrise_at(stop, day: dt.date) -> dt.datetime:
    place = stop.place
    elevation = float(place.elevation_m or 0)
    return sunrise(float(place.latitude), float(place.longitude), day, elevation).astimezone(WIB)


def _segments(stops) -> list[list[int]]:
    """Leg numbers (leg i arrives at stop i) grouped by travel day."""
    segments: list[list[int]] = []
    for i in range(1, len(stops)):
        if not segments or stops[i].day > stops[i - 1].day:
            segments.append([i])
        else:
            segments[-1].append(i)
    return segments


def build_schedule(itinerary, day: dt.date | None = None, stops=None, legs=None) -> Schedule:
    """``legs``, when given, are the legs between ``stops`` in order (the first arrives at the second stop);
    by default the itinerary's stored legs."""
    day = day or timezone.localdate()
    stops = list(stops if stops is not None else itinerary.ordered_stops())
    if legs is None:
        legs = {leg["index"]: leg for leg in itinerary.route_data.get("legs", [])}
    else:
        legs = dict(enumerate(legs, start=1))
    rows = [ScheduleRow(stop=stop, day=stop.day, leg=legs.get(i)) for i, stop in enumerate(stops)]
    if len(rows) < 2 or len(legs) != len(rows) - 1:
        return Schedule(day, rows)

    def leg_time(i):
        return dt.timedelta(seconds=legs[i]["duration_s"])

    def stay(i):
        return dt.timedelta(minutes=stops[i].stay_minutes)

    margin = dt.timedelta(minutes=itinerary.sunrise_margin_min)
    for segment in _segments(stops):
        first = segment[0]
        travel_day = day + dt.timedelta(days=stops[first].day - 1)
        anchor = next((i for i in segment if stops[i].arrive_before_sunrise), None)
        if anchor is None:
            rows[first - 1].depart = dt.datetime.combine(travel_day, itinerary.start_time, tzinfo=WIB)
            start = first
        else:
            sun = _sunrise_at(stops[anchor], travel_day)
            rows[anchor].sunrise = sun
            rows[anchor].arrive = sun - margin
            # Backwards from the sunrise stop to the segment's departure.
            for i in range(anchor, first - 1, -1):
                if i < anchor:
                    rows[i].arrive = rows[i].depart - stay(i)
                rows[i - 1].depart = rows[i].arrive - leg_time(i)
            rows[anchor].depart = rows[anchor].arrive + stay(anchor)
            start = anchor + 1
            previous = rows[first - 1]
            if previous.arrive and previous.depart < previous.arrive:
                previous.warnings.append("overlap")
        for i in range(start, segment[-1] + 1):
            rows[i].arrive = rows[i - 1].depart + leg_time(i)
            rows[i].depart = rows[i].arrive + stay(i)
            if stops[i].arrive_before_sunrise:
                rows[i].sunrise = _sunrise_at(stops[i], rows[i].arrive.date())
    rows[-1].depart = None
    return Schedule(day, rows)
