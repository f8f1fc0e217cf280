"""Fixtures of the product tests: the sample places plus the bundled product catalogue, seeded once.

Seeding 50 pages takes seconds, so the catalogue is built once for the whole package inside a transaction that
is rolled back at the end; every test runs in a savepoint within it (pytest-django's `db`), so a test may
change or unpublish anything and the next one still sees the catalogue as seeded.
"""

import pytest

from tests.conftest import FIXTURES


@pytest.fixture(scope="package")
def catalogue(django_db_setup, django_db_blocker):
    from django.db import transaction

    from heritage.content.seed import seed
    from heritage.content.seed_products import seed_products

    with django_db_blocker.unblock(), transaction.atomic():
        report = seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")
        seed_products(report.homes, report.locales, report)
        yield report
        transaction.set_rollback(True)


@pytest.fixture
def products_site(catalogue, db):
    """Home, places (Candi Badut, Candi Jago, Kawah Bromo) and the bundled centres and products, id and en."""
    return catalogue


@pytest.fixture
def product(products_site):
    from heritage.models import ProductPage

    def get(slug, lang="id"):
        return ProductPage.objects.get(slug=slug, locale__language_code=lang)

    return get


@pytest.fixture
def api(client):
    """GET an open-data URL and return the slugs of the products it lists, in order."""

    def slugs(query=""):
        response = client.get(f"/api/products.json?{query}")
        assert response.status_code == 200, response.content
        return [item["slug"] for item in response.json()["products"]]

    return slugs
