"""Map build time and HTML size for 50, 500 and 5,000 places (targets for 5,000: under 400 KB with linked
assets and under 300 ms to build).

    .venv/bin/python bench/geodata_map.py
"""

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

KINDS = ["temple", "museum", "colonial_building", "gate", "viewpoint", "kampung", "village", "market"]


def places(count: int) -> list[dict]:
    rng = random.Random(count)
    return [
        {
            "name": f"Tempat Bersejarah {i}",
            "lat": -8.2 + rng.random() * 0.5,
            "lon": 112.4 + rng.random() * 0.6,
            "kind": rng.choice(KINDS),
            "url": f"/id/tempat/tempat-bersejarah-{i}/",
        }
        for i in range(count)
    ]


def main() -> None:
    from geodata.maps import MapAssets, map_html, places_map

    linked, inline = MapAssets.from_base_url("/static/"), MapAssets.inline()
    print(f"{'places':>7} {'build ms (median of 7)':>24} {'HTML linked':>12} {'HTML inline':>12}")
    for count in (50, 500, 5000):
        data = places(count)
        times = []
        for _ in range(7):
            start = time.perf_counter()
            page = map_html(places_map(data, linked))
            times.append((time.perf_counter() - start) * 1000)
        inline_size = len(map_html(places_map(data, inline)).encode())
        print(
            f"{count:>7} {statistics.median(times):>24.1f} {len(page.encode()) / 1024:>10.1f} KB "
            f"{inline_size / 1024:>10.1f} KB"
        )


if __name__ == "__main__":
    main()
