"""The offline corridor pack of the bundled content (issue 17): every corridor place and both trips out to
Bromo and Semeru, with their pages, images, files and GPX, stay under 2 MB in each language (summed from what
the test client serves; bench/offline_pack.py prints the same figures by kind)."""

import json

import pytest
from shared_seeds import SHARED_SEEDS
from test_offline_pack import TWO_MB, assert_storable

from django.core.management import call_command


def _seed_bundled():
    call_command("seed_malang", "--skip-index", verbosity=0)
    return True


SHARED_SEEDS.register("bundled_site", _seed_bundled)


@pytest.fixture
def bundled_site(db, request):
    return SHARED_SEEDS.fixture("bundled_site", request)


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_bundled_corridor_pack_is_under_two_megabytes(client, bundled_site, language):
    from wagtail.models import Locale

    from home.offline_pack import corridor_itineraries, corridor_places

    locale = Locale.objects.get(language_code=language)
    pack = json.loads(client.get(f"/{language}/offline/pack/corridor.json").content)
    places = [place.url for place in corridor_places(locale)]
    trips = [trip.url for trip in corridor_itineraries(locale)]
    assert len(places) >= 10 and len(trips) >= 2  # the Bromo sunrise and the Semeru trek
    assert set(places + trips) <= set(pack["pages"])
    assert {trip + "gpx/" for trip in trips} <= set(pack["files"])
    assert any(url.startswith("/media/images/") for url in pack["files"])  # the pages' own renditions
    total = assert_storable(client, pack)
    assert total < TWO_MB, f"{total:,} bytes"
