"""The bundled corridor network (``geodata/data/corridor_network.geojson``): roads and trails linking
Malang's heritage to the Bromo-Tengger-Semeru park. How it was drawn, and how its lengths compare with
published distances, is in ``geodata/data/corridor_network.md`` and the file's ``metadata`` member."""

from __future__ import annotations

from functools import lru_cache

from geodata.network import RoadNetwork
from geodata.places import CORRIDOR_NETWORK_PATH


@lru_cache(maxsize=1)
def load_corridor_network() -> RoadNetwork:
    """The bundled network, built once per process (routing then reuses its per-mode graphs)."""
    return RoadNetwork.from_file(CORRIDOR_NETWORK_PATH)
