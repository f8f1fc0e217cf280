"""Turning an itinerary's stops into stored legs with `geodata`.

Each leg is routed on its own because a stop may change the mode (a car to the park gate, then a jeep into
the caldera). The bundled corridor network is loaded once per process, by the first process that routes
(saving an itinerary, a GPX download): the geo stack (shapely, geopandas) is imported here only then, so an app
server that only serves pages never loads it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from geodata.network import RoadNetwork


class ItineraryRouteError(ValueError):
    """The itinerary cannot be routed; the message names the leg and the reason."""


@lru_cache(maxsize=1)
def corridor_network() -> RoadNetwork:
    from geodata.network import RoadNetwork
    from geodata.places import CORRIDOR_NETWORK_PATH

    return RoadNetwork.from_file(CORRIDOR_NETWORK_PATH)


def compute_route_data(itinerary, stops) -> dict:
    from geodata.errors import RoutingError
    from geodata.routing import Stop, route

    stops = list(stops)
    if len(stops) < 2:
        raise ItineraryRouteError(_("an itinerary needs at least two stops."))
    points = []
    for number, stop in enumerate(stops, start=1):
        place = getattr(stop, "place", None)
        if place is None or place.latitude is None or place.longitude is None:
            name = place.title if place is not None else _("stop %(n)s") % {"n": number}
            raise ItineraryRouteError(_("%(name)s has no location.") % {"name": name})
        points.append(Stop.of(place))
    for earlier, later in zip(stops, stops[1:], strict=False):
        if later.day < earlier.day:
            raise ItineraryRouteError(
                _("%(later)s is on day %(d2)s but comes after %(earlier)s on day %(d1)s.")
                % {
                    "later": later.place.title,
                    "d2": later.day,
                    "earlier": earlier.place.title,
                    "d1": earlier.day,
                }
            )
    network = corridor_network()
    legs = []
    for number, (start, end, stop) in enumerate(zip(points, points[1:], stops[1:], strict=False), start=1):
        mode = stop.leg_mode or itinerary.mode
        try:
            leg = route(network, [start, end], mode).legs[0]
        except RoutingError as error:
            raise ItineraryRouteError(
                _("leg %(n)s, %(a)s → %(b)s by %(mode)s: %(reason)s")
                % {"n": number, "a": start.name, "b": end.name, "mode": mode, "reason": error}
            ) from error
        data = leg.to_dict()
        data["index"] = number
        legs.append(data)
    return {
        "computed_at": timezone.now().isoformat(timespec="seconds"),
        "distance_m": round(sum(leg["distance_m"] for leg in legs), 1),
        "duration_s": round(sum(leg["duration_s"] for leg in legs), 1),
        "legs": legs,
    }


def route_from_legs(legs: list[dict], places):
    """A geodata Route rebuilt from stored legs (for maps and GPX), without routing. ``places`` are the
    places the legs join, in order."""
    from shapely.geometry import LineString

    from geodata.routing import Leg, Route, Snap, Stop

    def snap(data):
        return Snap(data["distance_m"], data["lat"], data["lon"], data.get("road"))

    points = [Stop.of(place) for place in places]
    modes = {leg["mode"] for leg in legs}
    result = Route(mode=modes.pop() if len(modes) == 1 else "mixed", optimize="time", stops=points)
    for leg in legs:
        result.legs.append(
            Leg(
                from_name=leg["from"],
                to_name=leg["to"],
                mode=leg["mode"],
                distance_m=leg["distance_m"],
                duration_s=leg["duration_s"],
                geometry=LineString(leg["geometry"]["coordinates"]),
                road_names=leg["road_names"],
                start_snap=snap(leg["snap"]["start"]),
                end_snap=snap(leg["snap"]["end"]),
            )
        )
    return result
