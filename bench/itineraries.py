"""Benchmark: render an itinerary page (stored legs) and save one (routing included).

Run by hand: `.venv/bin/python bench/itineraries.py [--rounds 50]`. It migrates a throwaway SQLite database,
loads the bundled Malang content, then times the Bromo sunrise itinerary. No timing is asserted anywhere.
"""

import argparse
import statistics
import time

from seeded_site import seeded_site


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--slug", default="candi-tumpang-dan-sunrise-bromo")
    args = parser.parse_args()
    seeded_site()
    from django.test import Client

    from itineraries.models import ItineraryPage

    page = ItineraryPage.objects.get(slug=args.slug, locale__language_code="id")
    client = Client()
    client.get(page.url)  # warm caches (the folium map is cached per change)

    render = []
    for round_ in range(args.rounds):
        start = time.perf_counter()
        response = client.get(page.url + f"?date=2026-{1 + round_ % 12:02d}-15")
        render.append(time.perf_counter() - start)
        assert response.status_code == 200

    save = []
    for _ in range(max(3, args.rounds // 5)):
        page = ItineraryPage.objects.get(pk=page.pk).specific
        start = time.perf_counter()
        page.compute_route()
        page.save_revision().publish()
        save.append(time.perf_counter() - start)

    def ms(values):
        return f"median {statistics.median(values) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms"

    print(f"itinerary page render (stored legs, {len(render)} dates): {ms(render)}")
    print(f"itinerary save (routing + revision + publish, {len(save)} saves): {ms(save)}")
    print(f"legs: {len(page.legs)}, total {page.route_data['distance_m'] / 1000:.1f} km")


if __name__ == "__main__":
    main()
