"""Fixtures shared by the Django tests: the seeded site (small sample or the real bundled data)."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class _SharedSample:
    """The sample site, seeded once and shared by consecutive tests of a module.

    Seeding takes over a second and most tests only read it, so the first test of a module that asks for
    `sample_site` seeds it inside a transaction that stays open; every test still runs in its own savepoint
    within it (pytest-django's `db`), so whatever a test changes is undone before the next one. The
    transaction is rolled back as soon as a test that must not see it comes (one that uses the database
    without the sample, or needs real transactions) and at the end of the module, so no other test ever sees
    the sample unless it asked for it, and no transaction outlives its module (SQLite would stay locked).
    """

    def __init__(self):
        self.atomic = None
        self.module = None
        self.report = None

    def open(self, blocker, module):
        from django.core.cache import cache
        from django.db import transaction

        from home.seed import seed

        with blocker.unblock():
            cache.clear()
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            self.report = seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")
        self.module = module

    def close(self, blocker):
        if self.atomic is None:
            return
        from django.core.cache import cache
        from django.db import transaction

        with blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
            cache.clear()
        self.atomic = self.module = self.report = None


_SHARED_SAMPLE = _SharedSample()


def _needs_real_transactions(item) -> bool:
    return (
        "transactional_db" in item.fixturenames
        or "live_server" in item.fixturenames
        or any(marker.kwargs.get("transaction") for marker in item.iter_markers("django_db"))
    )


def _uses_database(item) -> bool:
    return "db" in item.fixturenames or _needs_real_transactions(item) or any(item.iter_markers("django_db"))


def _wants_shared_sample(item) -> bool:
    return "sample_site" in item.fixturenames and not _needs_real_transactions(item)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of the next test: roll the shared sample back if that test must not see it."""
    if _SHARED_SAMPLE.atomic is None or not _uses_database(item):
        return
    if not _wants_shared_sample(item) or _SHARED_SAMPLE.module is not item.module:
        from pytest_django.plugin import blocking_manager_key

        _SHARED_SAMPLE.close(item.config.stash[blocking_manager_key])


@pytest.fixture(autouse=True)
def _shared_sample_site(request):
    """Seeds the shared sample for the first test of a module that wants it. Autouse, so it runs before
    `db`; a test marked `django_db` has its transaction opened earlier (by the plugin), and then seeds its
    own copy instead."""
    item = request.node
    if _SHARED_SAMPLE.atomic is None and _uses_database(item) and _wants_shared_sample(item):
        request.getfixturevalue("django_db_setup")
        from django.db import connection

        if not connection.in_atomic_block:
            _SHARED_SAMPLE.open(request.getfixturevalue("django_db_blocker"), item.module)
    yield


@pytest.fixture
def sample_site(db):
    """Home, place index and three sample places (Candi Badut, Candi Jago, Kawah Bromo) in id and en."""
    if _SHARED_SAMPLE.atomic is not None:
        return _SHARED_SAMPLE.report
    from home.seed import seed  # a test with real transactions seeds its own copy

    return seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")


@pytest.fixture
def place(sample_site):
    from heritage.models import PlacePage

    return PlacePage.objects.get(slug="candi-badut", locale__language_code="id").specific


@pytest.fixture
def place_en(place):
    from wagtail.models import Locale

    return place.get_translation(Locale.objects.get(language_code="en")).specific
