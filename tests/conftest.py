"""Fixtures shared by the Django tests: the seeded site (small sample or the real bundled data)."""

import sys
import threading
import time

import pytest

from tests.shared_seeds import FIXTURES, SHARED_SEEDS, _needs_real_transactions, _uses_database


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of the next test: roll the open seed back if that test must not see it."""
    if SHARED_SEEDS.atomic is None or not _uses_database(item) or SHARED_SEEDS.keeps(item):
        return
    from pytest_django.plugin import blocking_manager_key

    SHARED_SEEDS.close(item.config.stash[blocking_manager_key])


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test with real transactions, whose teardown empties every table, put back what the migrations
    wrote (Wagtail's root page, the default site, the office's groups), as Django's serialized rollback would
    before the next such test. Without it, a test that comes after (run in parallel, tests do not all keep
    the order in which transactional ones come last) would find no root page."""
    yield
    if nextitem is None or not _needs_real_transactions(item):
        return
    from pytest_django.plugin import blocking_manager_key

    from django.db import connections, transaction

    if "live_server" in item.fixturenames:
        LIVE_REQUESTS.wait_until_quiet()
    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                with transaction.atomic(using=connection.alias):
                    connection.creation.deserialize_db_from_string(contents)


class _RequestsInFlight:
    """Requests the live server is still answering, counted from Django's request signals.

    A browser test ends by closing its page; the admin's editor then tells the server it left the page
    (Wagtail's editing session, sent as a beacon), and the live server thread answers that request while the
    test's database is being put back. With SQLite's shared in-memory test database the two collide ("database
    table is locked") and every later test finds no root page. So the database is put back only once no
    request is in flight and none has started for a moment."""

    QUIET_SECONDS = 0.5
    LONGEST_WAIT_SECONDS = 15

    def __init__(self):
        self.lock = threading.Lock()
        self.in_flight = 0
        self.last_start = 0.0
        self.connected = False

    def connect(self):
        from django.core.signals import request_finished, request_started

        request_started.connect(self.started, weak=False, dispatch_uid="tests-live-requests-started")
        request_finished.connect(self.finished, weak=False, dispatch_uid="tests-live-requests-finished")
        self.connected = True

    def started(self, **kwargs):
        with self.lock:
            self.in_flight += 1
            self.last_start = time.monotonic()

    def finished(self, **kwargs):
        with self.lock:
            self.in_flight = max(0, self.in_flight - 1)

    def wait_until_quiet(self):
        began = time.monotonic()  # a request the closing page sent may not have reached the server yet
        deadline = began + self.LONGEST_WAIT_SECONDS
        while time.monotonic() < deadline:
            with self.lock:
                since = time.monotonic() - max(self.last_start, began)
                quiet = self.in_flight == 0 and since >= self.QUIET_SECONDS
            if quiet:
                return
            time.sleep(0.05)


LIVE_REQUESTS = _RequestsInFlight()


@pytest.fixture(autouse=True)
def _live_requests_counted(request):
    """Counts the live server's requests for the tests that run one (see `_RequestsInFlight`), and waits for
    them to end before the test's tables are emptied. The database fixture is taken first so that it is torn
    down after this one, and the browser page (set up later) is closed before it: the beacon a closing admin
    page sends is then answered before the flush, not during it."""
    live = "live_server" in request.fixturenames
    if live:
        request.getfixturevalue("transactional_db")
        if not LIVE_REQUESTS.connected:
            LIVE_REQUESTS.connect()
    yield
    if live:
        LIVE_REQUESTS.wait_until_quiet()


@pytest.fixture(autouse=True)
def _shared_seed(request):
    """Opens the shared seed the test asks for, when none is open. Autouse, so it runs before `db`; a test
    marked `django_db` has its transaction opened earlier (by the plugin), and then seeds its own copy."""
    item = request.node
    if SHARED_SEEDS.atomic is None and _uses_database(item) and not _needs_real_transactions(item):
        name = SHARED_SEEDS.choose(item)
        if name is not None:
            request.getfixturevalue("django_db_setup")
            from django.db import connection

            if not connection.in_atomic_block:
                SHARED_SEEDS.open(request.getfixturevalue("django_db_blocker"), item, name)
    yield


@pytest.fixture(autouse=True)
def _no_cached_pages_or_addresses_carried_over():
    """The page cache lives in the test process, the database is rolled back after each test: a page one test
    cached must not answer in the next, nor a code's address the scan lookup kept, nor what
    `heritage.published` remembers of the tree. Only where a page was
    served: geodata tests load no Django."""
    yield
    if "home.page_cache" in sys.modules:
        sys.modules["home.page_cache"].forget_all()
    if "plaques.lookup" in sys.modules:
        sys.modules["plaques.lookup"].forget_all()
    if "home.invalidation" in sys.modules:
        sys.modules["home.invalidation"].forget_pending()
    if "heritage.published" in sys.modules:
        sys.modules["heritage.published"].forget_all()


@pytest.fixture(autouse=True)
def _no_pending_scans_carried_over():
    """Scans a test left in the scan counter (plaques/scan_counter.py) are not written into a later test's
    database, where its codes' ids may name other codes: each test ends with the counter emptied and its
    thread stopped."""
    yield
    if "plaques.scan_counter" in sys.modules:  # only where a scan was counted: geodata tests load no Django
        sys.modules["plaques.scan_counter"].reset()


def _seed_sample():
    from home.seed import seed

    return seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")


SHARED_SEEDS.register("sample_site", _seed_sample)


@pytest.fixture
def sample_site(db, request):
    """Home, place index and three sample places (Candi Badut, Candi Jago, Kawah Bromo) in id and en."""
    return SHARED_SEEDS.fixture("sample_site", request)


@pytest.fixture
def place(sample_site):
    from heritage.models import PlacePage

    return PlacePage.objects.get(slug="candi-badut", locale__language_code="id").specific


@pytest.fixture
def place_en(place):
    from wagtail.models import Locale

    return place.get_translation(Locale.objects.get(language_code="en")).specific
