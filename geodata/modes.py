"""Travel modes and the speeds geodata assumes for them.

A road feature says which modes may use it (its ``modes`` list); a mode says how fast it goes at most. The
speed on an edge is ``min(edge speed_kmh, mode max speed)``, so a jeep on the sea of sand is held to the
track's 20 km/h, while a hiker on a city street walks at hiking pace, not at the street's 25 km/h.

A hiker may go wherever a walker may (``uses`` includes ``walk``), plus hiking trails; a walker stays off
hiking trails, so Ranu Kumbolo and Mahameru are reachable by ``hike`` only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from geodata.errors import UnknownMode

ROAD_CLASSES = ("primary", "secondary", "tertiary", "residential", "track", "footpath", "hiking_trail")


@dataclass(frozen=True)
class Mode:
    name: str
    label_id: str
    label_en: str
    max_speed_kmh: float
    uses: frozenset[str]
    follows_oneway: bool = True

    def may_use(self, edge_modes: frozenset[str]) -> bool:
        return not self.uses.isdisjoint(edge_modes)

    def speed_kmh(self, edge_speed_kmh: float) -> float:
        return min(edge_speed_kmh, self.max_speed_kmh)


MODES: dict[str, Mode] = {
    m.name: m
    for m in (
        # Walking pace of ~4.5 km/h on level streets; slower on tracks through the edge speed.
        Mode("walk", "jalan kaki", "walk", 4.5, frozenset({"walk"}), follows_oneway=False),
        # Hiking pace with a pack; trails carry their own lower speed (Ranu Pani-Ranu Kumbolo ~10 km in 4-5 h).
        Mode("hike", "mendaki", "hike", 4.0, frozenset({"walk", "hike"}), follows_oneway=False),
        Mode("car", "mobil", "car", 60.0, frozenset({"car"})),
        Mode("motorbike", "sepeda motor", "motorbike", 50.0, frozenset({"motorbike"})),
        # 4x4 hardtop jeeps of the Bromo cooperatives; they also drive the ordinary roads from Malang.
        Mode("jeep", "jip 4x4", "4x4 jeep", 50.0, frozenset({"jeep"})),
    )
}

# Used when a feature has no ``modes`` (for example an OSM way): who may use each class of road.
DEFAULT_MODES_BY_CLASS: dict[str, frozenset[str]] = {
    "primary": frozenset({"walk", "car", "motorbike", "jeep"}),
    "secondary": frozenset({"walk", "car", "motorbike", "jeep"}),
    "tertiary": frozenset({"walk", "car", "motorbike", "jeep"}),
    "residential": frozenset({"walk", "car", "motorbike", "jeep"}),
    "track": frozenset({"walk", "motorbike", "jeep"}),
    "footpath": frozenset({"walk"}),
    "hiking_trail": frozenset({"hike"}),
}

# Typical speeds when a feature has no ``speed_kmh``.
DEFAULT_SPEED_BY_CLASS: dict[str, float] = {
    "primary": 50.0,
    "secondary": 40.0,
    "tertiary": 30.0,
    "residential": 20.0,
    "track": 15.0,
    "footpath": 4.0,
    "hiking_trail": 2.5,
}


def get_mode(mode: str | Mode) -> Mode:
    if isinstance(mode, Mode):
        return mode
    try:
        return MODES[str(mode).strip().lower()]
    except KeyError:
        raise UnknownMode(f"unknown mode {mode!r}; choose one of: {', '.join(MODES)}") from None


def parse_edge_modes(value, road_class: str | None) -> frozenset[str]:
    """A feature's ``modes`` as a set. Accepts a list, a JSON list string (GeoPackage and CSV store lists
    as text) or a comma-separated string; falls back to the class default when empty."""
    if value is None or (isinstance(value, float) and value != value):
        items: list[str] = []
    elif isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                items = [str(v) for v in json.loads(text)]
            except ValueError:
                items = [p.strip().strip("'\"") for p in text.strip("[]").split(",")]
        else:
            items = text.split(",")
    else:
        items = [str(v) for v in value]
    modes = frozenset(i.strip().lower() for i in items if i and i.strip())
    if not modes:
        return DEFAULT_MODES_BY_CLASS.get(road_class or "", DEFAULT_MODES_BY_CLASS["residential"])
    return modes


def default_speed(road_class: str | None) -> float:
    return DEFAULT_SPEED_BY_CLASS.get(road_class or "", 20.0)
