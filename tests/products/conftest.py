"""Fixtures of the product tests: the sample places plus the bundled product catalogue, seeded once for the
folder.

Seeding 50 pages takes seconds, so the catalogue is a shared seed (tests/conftest.py `SHARED_SEEDS`): built by
the first test of this folder that asks for it, inside a transaction that is rolled back when the folder's
tests are done (or a test comes that must not see it); every test runs in a savepoint within it, so a test may
change or unpublish anything and the next one still sees the catalogue as seeded.
"""

import pytest

from tests.shared_seeds import FIXTURES, SHARED_SEEDS


def _seed_catalogue():
    from home.seed import seed
    from products.content.seed import seed_products

    report = seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")
    seed_products(report.homes, report.locales, report)
    return report


SHARED_SEEDS.register(
    "products_site", _seed_catalogue, scope="folder", includes={"sample_site": lambda report: report}
)


@pytest.fixture
def products_site(db, request):
    """Home, places (Candi Badut, Candi Jago, Kawah Bromo) and the bundled centres and products, id and en."""
    return SHARED_SEEDS.fixture("products_site", request)


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
