"""Fixtures of the security tests: one seeded site per test module (the sample places, the bundled products
and one itinerary Candi Badut → Candi Jago), built inside a transaction that is rolled back when the module is
done; every test runs in a savepoint within it (pytest-django's `db`), as in tests/products.

`HOSTILE` is the editor text each output context must carry as the letters it is made of: it breaks out of a
JavaScript template literal, a <script> element, an HTML attribute, a template engine or a quoted string if it
is escaped for the wrong context, holds a right-to-left override and C0 controls (which XML 1.0 and XLSX cannot
hold at all), and starts with "=" as a spreadsheet formula does. It holds no NUL: the admin's forms refuse one
(tests/security/test_hostile_inputs.py shows it) and PostgreSQL cannot store one.
"""

import pytest

from tests.conftest import FIXTURES

HOSTILE = (
    '=HYPERLINK("http://evil.test")\t`${alert(1)}` </script><script>alert(2)</script>'
    "<img src=x onerror=alert(3)> {{ 7*7 }} \"'&amp; \u202eevil\x01\x08\x0b\x1f end"
)
# What of HOSTILE survives into any output: the control characters but tab, newline and CR dropped.
HOSTILE_PRINTABLE = (
    '=HYPERLINK("http://evil.test")\t`${alert(1)}` </script><script>alert(2)</script>'
    "<img src=x onerror=alert(3)> {{ 7*7 }} \"'&amp; \u202eevil end"
)
ITINERARY_STOPS = [("candi-badut", 1, 0, False, ""), ("candi-jago", 1, 60, False, "")]


def _seed_world(hostile: bool):
    from django.db import transaction

    from geodata.network import RoadNetwork
    from heritage.models import PlacePage
    from home.seed import seed
    from itineraries import routing
    from products.content.seed import seed_products
    from products.models import CentrePage, ProductPage
    from tests.itineraries.conftest import _make_itinerary

    network = RoadNetwork.from_file(FIXTURES / "network_sample.geojson")
    with transaction.atomic(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(routing, "corridor_network", lambda: network)
        report = seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")
        seed_products(report.homes, report.locales, report)
        pages = {}
        if hostile:
            targets = {
                "place": PlacePage.objects.get(slug="candi-badut", locale__language_code="id"),
                "product": ProductPage.objects.filter(locale__language_code="id").order_by("path").first(),
                "centre": CentrePage.objects.filter(locale__language_code="id").order_by("path").first(),
            }
            for name, target in targets.items():
                target = target.specific
                target.title = HOSTILE
                if name == "product":
                    target.price_unit = "@SUM(1)\x01"
                    target.capacity_note = HOSTILE
                target.save_revision().publish()
                pages[name] = type(target).objects.get(pk=target.pk)
        itinerary = _make_itinerary(None, ITINERARY_STOPS)
        if hostile:
            itinerary.title = HOSTILE
            itinerary.summary = HOSTILE
            itinerary.save_revision().publish()
        pages["itinerary"] = type(itinerary).objects.get(pk=itinerary.pk)
        yield {"report": report, **pages}
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def seeded_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield from _seed_world(hostile=False)


@pytest.fixture(scope="module")
def hostile_seeded_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield from _seed_world(hostile=True)


@pytest.fixture
def world(seeded_world, db):
    """The sample places, the bundled products and an itinerary, seeded once for the module."""
    return seeded_world


@pytest.fixture
def hostile_world(hostile_seeded_world, db):
    """As `world`, with HOSTILE as the title of Candi Badut (id), of a product, a centre and the itinerary."""
    return hostile_seeded_world


@pytest.fixture
def badut_code(world):
    from plaques.models import ShortCode

    return ShortCode.objects.get(page__slug="candi-badut", page__locale__language_code="id").code
