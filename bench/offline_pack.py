"""Size of the offline corridor pack (issue 17): what "Save for offline" stores on a phone for the bundled
Bromo-Tengger-Semeru corridor, in each language, and for each place and itinerary of it on its own.

    .venv/bin/python bench/offline_pack.py

Django (test settings) on a throwaway database seeded with the bundled Malang content (places, itineraries),
the pack lists from home/offline_pack.py and the bytes of every URL as the test client serves it (what the
phone stores: the body, uncompressed). The target is the whole corridor pack under 2 MB (2,000,000 bytes).
Prints the sizes by kind of URL and the largest entries; asserts nothing about time.
"""

import json
import sys
from collections import Counter

from seeded_site import seeded_site

TARGET = 2_000_000


def main() -> int:
    seeded_site()
    from django.core.files.storage import default_storage
    from django.test import Client

    from wagtail.models import Locale

    from home.offline_pack import corridor_itineraries, corridor_places

    client = Client()

    def size(url: str) -> int:
        if url.startswith("/media/"):
            return default_storage.size(url.removeprefix("/media/"))
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return len(body)

    def kind(url: str, pack: dict) -> str:
        if url in pack["pages"]:
            return "pages"
        if url.endswith("/gpx/"):
            return "gpx"
        return "images" if url.startswith("/media/") else "static"

    worst = 0
    for language in ("id", "en"):
        pack = json.loads(client.get(f"/{language}/offline/pack/corridor.json").content)
        sizes = {url: size(url) for url in pack["pages"] + pack["files"]}
        by_kind = Counter()
        for url, n in sizes.items():
            by_kind[kind(url, pack)] += n
        total = sum(sizes.values())
        worst = max(worst, total)
        locale = Locale.objects.get(language_code=language)
        print(
            f"corridor pack ({language}): {total:,} bytes = {total / 1e6:.2f} MB in {len(sizes)} URLs"
            f" ({len(pack['pages'])} pages; {corridor_places(locale).count()} corridor places,"
            f" {corridor_itineraries(locale).count()} itineraries)"
        )
        for name in ("pages", "static", "images", "gpx"):
            print(f"  {name:7} {by_kind[name]:>10,} bytes")
        for url, n in sorted(sizes.items(), key=lambda item: -item[1])[:5]:
            print(f"  largest {n:>10,}  {url}")
    print(f"target: under {TARGET:,} bytes: {'met' if worst < TARGET else 'NOT met'}")
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
