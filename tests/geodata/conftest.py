"""Fixtures of the geodata tests: a hand-made town whose routes have known answers."""

import pytest
from geodata_helpers import frame, road


@pytest.fixture
def two_way_town():
    """A (0,0) to B (2000,0): a slow direct lane (2 km at 20 km/h = 6 min) and a fast bypass (4 km at
    60 km/h = 4 min); a footpath from A south to C (0,-500) that cars may not use; a car road to C that leaves
    the lane at its middle (1000,0) and comes round by the south (1,500 m); and, 5 km away, a road that joins nothing."""
    from geodata.network import RoadNetwork

    return RoadNetwork.from_geodataframe(
        frame(
            [
                road("Jalan Kampung", [(0, 0), (1000, 0), (2000, 0)], speed=20),
                road("Jalan Raya Bypass", [(0, 0), (0, 1000), (2000, 1000), (2000, 0)], "primary", speed=60),
                road("Gang Sempit", [(0, 0), (0, -500)], "footpath", modes=["walk"], speed=4),
                road("Jalan Memutar", [(1000, 0), (1000, -500), (0, -500)], speed=20),
                road("Jalan Terpisah", [(5000, 5000), (6000, 5000)], speed=30),
            ]
        )
    )
