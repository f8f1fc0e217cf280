"""A page behind a view restriction (login or password) is published but not public: no list, feed, map or
search of the public site names it (issue 14: "only published content is served, always")."""

import json

import pytest

from wagtail.models import PageViewRestriction


@pytest.fixture
def private_place(place):
    PageViewRestriction.objects.create(page=place, restriction_type="password", password="for-the-office")
    return place


@pytest.mark.parametrize(
    "path",
    [
        "/api/sites.geojson",
        "/api/sites.csv",
        "/ogc/collections/places/items?f=json",
        "/id/tempat/",
        "/id/",
        "/api/v2/pages/?limit=100",
        "/sitemap.xml",
    ],
)
def test_a_restricted_place_is_named_nowhere_public(client, private_place, path):
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    assert private_place.title not in body
    assert private_place.url not in body  # its English copy is not restricted and may be listed


def test_the_restricted_page_itself_asks_for_its_password(client, private_place):
    response = client.get(private_place.url)
    assert response.status_code == 200
    assert private_place.summary not in response.content.decode()


def test_the_catalogue_counts_only_public_places(client, private_place):
    from heritage.models import PlacePage

    html = client.get("/id/data/").content.decode()
    section = html.split('id="dataset-places"')[1].split("</section>")[0]
    count = PlacePage.objects.live().public().filter(locale__language_code="id").count()
    assert f"{count} " in section
    assert PlacePage.objects.live().filter(locale__language_code="id").count() == count + 1
    json.loads(client.get("/data/catalog.jsonld").content)  # still a valid document
