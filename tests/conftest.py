"""Fixtures shared by the Django tests: the seeded site (small sample or the real bundled data)."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def sample_site(db):
    """Home, place index and three sample places (Candi Badut, Candi Jago, Kawah Bromo) in id and en."""
    from home.seed import seed

    seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")


@pytest.fixture
def place(sample_site):
    from heritage.models import PlacePage

    return PlacePage.objects.get(slug="candi-badut", locale__language_code="id").specific


@pytest.fixture
def place_en(place):
    from wagtail.models import Locale

    return place.get_translation(Locale.objects.get(language_code="en")).specific
