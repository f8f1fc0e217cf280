"""Fixtures of the open-data import tests: the sample site (Candi Badut, Candi Jago, Kawah Bromo) and files
of real bundled places that the sample site does not have."""

import copy
import json

import pytest

from geodata.places import PLACES_PATH

# Three bundled places (geodata/data/places.geojson) the sample site does not hold.
NEW_PLACES = ("tugu-malang", "candi-singosari", "ranu-pani")


def bundled_features(*slugs):
    features = {
        f["properties"]["slug"]: f for f in json.loads(PLACES_PATH.read_text(encoding="utf-8"))["features"]
    }
    return [copy.deepcopy(features[slug]) for slug in slugs]


def geojson(features) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


@pytest.fixture
def three_places():
    """The three new places as features of the places schema."""
    return bundled_features(*NEW_PLACES)


@pytest.fixture
def write_file(tmp_path):
    """Write `text` (or bytes) to a file of that name in a temporary folder; returns its path."""

    def write(name, content):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture
def index(sample_site):
    from wagtail.models import Locale

    from heritage.models import PlaceIndexPage

    return PlaceIndexPage.objects.get(locale=Locale.objects.get(language_code="id"))


@pytest.fixture
def counts():
    """The number of places and of revisions, to compare before and after."""
    from wagtail.models import Revision

    from heritage.models import PlacePage

    return lambda: (PlacePage.objects.count(), Revision.objects.count())
