"""Every public page says how long a browser or a shared cache may keep it (issue 18: CACHE_MAX_AGE)."""

import pytest

from django.test import override_settings

from wagtail.models import Page, PageViewRestriction


def public_pages():
    from heritage.models import PlaceIndexPage, PlacePage
    from home.models import HomePage
    from itineraries.models import ItineraryPage
    from products.models import CentrePage, ProductIndexPage, ProductPage

    pages = {}
    for model in (
        HomePage,
        PlaceIndexPage,
        PlacePage,
        ItineraryPage,
        ProductIndexPage,
        ProductPage,
        CentrePage,
    ):
        for lang in ("id", "en"):
            page = model.objects.live().public().filter(locale__language_code=lang).first()
            if page is not None:
                pages[f"{model.__name__}-{lang}"] = page
    return pages


@override_settings(CACHE_MAX_AGE=123)
def test_each_page_type_is_public_for_the_configured_time_and_varies_on_nothing_else(client, ogc_site):
    pages = public_pages()
    assert {"HomePage-en", "PlacePage-id", "ItineraryPage-id", "ProductPage-en", "CentrePage-id"} <= set(
        pages
    )
    for name, page in pages.items():
        response = client.get(page.url)
        assert response.status_code == 200, name
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert directives == {"public", "s-maxage=123", "max-age=0"}, (name, response["Cache-Control"])
        assert "cookie" not in response.get("Vary", "").lower(), (name, response["Vary"])
        assert "accept-language" not in response.get("Vary", "").lower(), name
        assert not response.cookies, name


def test_an_editor_sees_pages_that_no_shared_cache_keeps(admin_client, ogc_site):
    for name, page in public_pages().items():
        response = admin_client.get(page.url)
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"], name


def test_a_page_behind_a_password_is_private(client, place):
    PageViewRestriction.objects.create(page=place, restriction_type="password", password="for-the-office")
    response = client.get(place.url)
    assert "public" not in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/id/search/?q=candi", "/admin/login/", "/id/no-such-page/"])
def test_what_is_not_a_published_page_is_not_made_public(client, ogc_site, path):
    response = client.get(path)
    assert "public" not in response.get("Cache-Control", "")


def test_feeds_keep_their_own_header(client, ogc_site):
    with override_settings(CACHE_MAX_AGE=77):
        response = client.get("/api/sites.geojson")
    assert "max-age=77" in response["Cache-Control"] and "public" in response["Cache-Control"]


def test_the_root_redirect_is_not_a_page(client, ogc_site):
    assert Page.objects.filter(depth=1).exists()
    response = client.get("/")
    assert response.status_code in (301, 302)
    assert "public" not in response.get("Cache-Control", "")
