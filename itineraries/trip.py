"""The live trip of an itinerary: what a visitor can follow today, read by every public output.

An itinerary's stops point at place pages, and its legs were routed between consecutive stops when an editor
last saved it (``routing.py``). A place may since have been unpublished, made private (a view restriction on
it or on a page above it) or deleted. The page, its print view, its GPX file, the GeoJSON feed and the cards
on the index and home pages all read the trip from here, so none of them shows a place that is gone, nor a
line, a clock time or a total that passes through one.

The rules:

- A stop is *available* when its place exists, is live and is public. It is shown in the itinerary's
  language when that translation is live and public too, in the place's own language otherwise. An
  unavailable stop is shown as "currently unavailable", without its name (an unpublished page's title is
  not public either) and without a link.
- A stored leg is kept only when both its ends are available. A visit never runs the router, so a leg
  around a gone place cannot be made here: the stored legs are all the truth there is.
- The trip is *complete* when its available stops (at least two) follow one another along kept legs. A place
  gone from the start or the end leaves a shorter trip that is still whole: its totals are the sums of the
  legs that remain and its clock times are computed as before, from the new first stop.
- A place gone from the middle leaves a gap: the trip is *incomplete*. It then has no total distance or
  duration and no clock times at all (a time after the gap would be invented, and times before it alone
  would read as a whole day's plan); the legs either side of the gap stay, drawn as separate pieces
  (a line per leg on the map, a GPX route per unbroken piece, a MultiLineString in the GeoJSON), never a
  line across the gap.

Republishing the place brings its stop, its legs and the whole trip back: nothing stored was changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from heritage.models import PlacePage

from .routing import route_from_legs
from .schedule import ScheduleRow, build_schedule

UNAVAILABLE_NOTICE = _("This stop is currently unavailable")

AVAILABLE, DELETED, UNPUBLISHED, PRIVATE = "available", "deleted", "unpublished", "private"
STATE_LABELS = {
    DELETED: _("the place was deleted"),
    UNPUBLISHED: _("the place is unpublished"),
    PRIVATE: _("the place is private"),
}


def place_states(place_ids) -> dict[int, str]:
    """Each place id's state: available, unpublished, private; an id with no page is deleted."""
    ids = {pk for pk in place_ids if pk is not None}
    pages = PlacePage.objects.filter(pk__in=ids)
    existing = set(pages.values_list("pk", flat=True))
    live = set(pages.live().values_list("pk", flat=True))
    public = set(pages.live().public().values_list("pk", flat=True))
    return {
        pk: AVAILABLE
        if pk in public
        else PRIVATE
        if pk in live
        else UNPUBLISHED
        if pk in existing
        else DELETED
        for pk in ids
    }


@dataclass
class TripStop:
    """One stop as the editor ordered it; ``place`` is the live, public page in the trip's language, or None
    when the stop is unavailable. ``leg`` is the stored leg arriving here, kept only when it is true."""

    stop: object
    number: int
    place: PlacePage | None
    state: str
    leg: dict | None = None

    @property
    def available(self) -> bool:
        return self.place is not None

    # What the schedule reads from a stop.
    @property
    def day(self) -> int:
        return self.stop.day

    @property
    def stay_minutes(self) -> int:
        return self.stop.stay_minutes

    @property
    def arrive_before_sunrise(self) -> bool:
        return self.stop.arrive_before_sunrise

    @property
    def note(self) -> str:
        return self.stop.note if self.available else ""


@dataclass
class Trip:
    itinerary: object
    stops: list[TripStop] = field(default_factory=list)

    @classmethod
    def of(cls, itinerary) -> Trip:
        """The trip as a visitor sees it now. Three queries for any number of stops: the places' states,
        the places, their translations in the itinerary's language."""
        stops = itinerary.ordered_stops()
        states = place_states(stop.place_id for stop in stops)
        available_ids = [pk for pk, state in states.items() if state == AVAILABLE]
        originals = PlacePage.objects.filter(pk__in=available_ids).specific().in_bulk()
        translations = {
            page.translation_key: page
            for page in PlacePage.objects.filter(
                translation_key__in=[page.translation_key for page in originals.values()],
                locale=itinerary.locale,
            )
            .live()
            .public()
            .specific()
        }
        legs = {leg["index"]: leg for leg in itinerary.legs}
        if len(legs) != len(stops) - 1:
            legs = {}  # stored for another list of stops: none of them can be trusted
        trip = cls(itinerary)
        for i, stop in enumerate(stops):
            state = states.get(stop.place_id, DELETED)
            place = None
            if state == AVAILABLE:
                original = originals[stop.place_id]
                place = translations.get(original.translation_key, original)
            trip.stops.append(TripStop(stop, i + 1, place, state))
        for i in range(1, len(trip.stops)):
            if trip.stops[i - 1].available and trip.stops[i].available:
                trip.stops[i].leg = legs.get(i)
        return trip

    @cached_property
    def available(self) -> list[TripStop]:
        return [s for s in self.stops if s.available]

    @cached_property
    def unavailable(self) -> list[TripStop]:
        return [s for s in self.stops if not s.available]

    @cached_property
    def legs(self) -> list[dict]:
        """The stored legs that are still true, in order."""
        return [s.leg for s in self.available if s.leg is not None]

    @cached_property
    def complete(self) -> bool:
        return len(self.available) >= 2 and all(s.leg is not None for s in self.available[1:])

    @cached_property
    def mode_changes(self) -> list[tuple[str, TripStop]]:
        """Where the trip changes how it travels: ``(mode, stop the new mode leaves from)`` for each leg whose
        mode differs from the leg before, e.g. the jeep from Tumpang after the car from Malang. Empty for a
        trip in one mode."""
        changes, previous = [], None
        for before, stop in zip(self.available, self.available[1:], strict=False):
            mode = stop.leg and stop.leg.get("mode")
            if not mode:
                continue
            if previous is not None and mode != previous:
                changes.append((mode, before))
            previous = mode
        return changes

    @property
    def distance_m(self) -> float | None:
        return self._total("distance_m")

    @property
    def duration_s(self) -> float | None:
        return self._total("duration_s")

    def _total(self, name: str) -> float | None:
        if not self.complete:
            return None
        if not self.unavailable:
            return self.itinerary.route_data.get(name)
        return round(sum(leg[name] for leg in self.legs), 1)

    def route(self):
        """The legs that remain as one geodata Route (a line per leg: the map never joins across a gap), or
        None when no leg remains."""
        return route_from_legs(self.legs, [s.place for s in self.available]) if self.legs else None

    def pieces(self):
        """The unbroken runs of kept legs, each a geodata Route: one GPX route or GeoJSON line each."""
        runs, run = [], []
        for s in self.available:
            if s.leg is None and run:
                runs.append(run)
                run = []
            run.append(s)
        runs.append(run)
        return [
            route_from_legs([s.leg for s in run[1:]], [s.place for s in run]) for run in runs if len(run) >= 2
        ]

    def rows(self, day) -> list[ScheduleRow]:
        """Every stop in order, for the page: clock times when the trip is complete, none when it is not,
        and a row marked unavailable for each stop that is gone."""
        if self.complete:
            timed = iter(build_schedule(self.itinerary, day, self.available, legs=self.legs).rows)
        else:
            timed = iter(ScheduleRow(stop=s, day=s.day, leg=s.leg) for s in self.available)
        rows = []
        for s in self.stops:
            if s.available:
                rows.append(next(timed))
            else:
                rows.append(ScheduleRow(stop=s, day=s.day, available=False))
        return rows


def unavailable_stops(itinerary) -> list[tuple[int, str | None, str]]:
    """For the editor: (position, the place's title or None when deleted, why) for each unavailable stop of
    the itinerary as it stands in the form or the latest revision, whose place ids may name deleted pages."""
    stops = itinerary.ordered_stops()
    ids = [stop.place_id for stop in stops]
    states = place_states(ids)
    titles = dict(PlacePage.objects.filter(pk__in=[pk for pk in ids if pk]).values_list("pk", "title"))
    return [
        (number, titles.get(stop.place_id), STATE_LABELS[states.get(stop.place_id, DELETED)])
        for number, stop in enumerate(stops, start=1)
        if states.get(stop.place_id, DELETED) != AVAILABLE
    ]
