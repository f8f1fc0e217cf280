"""Fixtures of the product tests: the sample places plus the bundled product catalogue, seeded once per module.

Seeding 50 pages takes seconds, so the catalogue is built once per test module inside a transaction that is
rolled back when the module is done; every test runs in a savepoint within it (pytest-django's `db`), so a
test may change or unpublish anything and the next one still sees the catalogue as seeded. Module scope, not
package scope: `tests/products` has no `__init__.py`, so a "package" fixture would live to the end of the
session and its open transaction would lock SQLite for the tests of other folders.
"""

import pytest

from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    from django.db import transaction

    from home.seed import seed
    from products.content.seed import seed_products

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
    from products.models import ProductPage

    def get(slug, lang="id"):
        return ProductPage.objects.get(slug=slug, locale__language_code=lang)

    return get


@pytest.fixture
def api(client, products_site):
    """GET an open-data URL and return the slugs of the products it lists, in order."""

    def slugs(query=""):
        response = client.get(f"/api/products.json?{query}")
        assert response.status_code == 200, response.content
        return [item["slug"] for item in response.json()["products"]]

    return slugs


@pytest.fixture
def hub(client, products_site):
    """GET the product hub with a query and return (response, slugs of the listed products, in order)."""
    from lxml import html as lxml_html

    def get(query="", lang="en"):
        path = {"id": "/id/produk/", "en": "/en/products/"}[lang]
        response = client.get(f"{path}?{query}")
        tree = lxml_html.fromstring(response.content)
        links = tree.xpath(
            "//ul[contains(@class, 'product-list')]//a[contains(@class, 'product-card')]/@href"
        )
        return response, [href.rstrip("/").rsplit("/", 1)[-1] for href in links]

    return get


@pytest.fixture
def badut(products_site):
    """Candi Badut's page in a language (the sample places' Candi Badut, with its point in Karangbesuki)."""
    from heritage.models import PlacePage

    def get(lang="id"):
        return PlacePage.objects.get(slug="candi-badut", locale__language_code=lang).specific

    return get
