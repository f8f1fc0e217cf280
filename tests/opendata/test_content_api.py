"""The content API for apps (Wagtail API v2 at /api/v2/): both languages, the fields an app needs, published
public pages only (issue 14)."""

import pytest

from django.conf import settings

from wagtail.models import PageViewRestriction


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_places_in_both_languages_with_what_an_app_shows(client, place, place_en):
    data = get(client, "/api/v2/pages/", type="heritage.HeritageSitePage", fields="*", limit=50)
    by_id = {item["id"]: item for item in data["items"]}
    assert {place.pk, place_en.pk} <= set(by_id)
    item = by_id[place.pk]
    assert item["meta"]["locale"] == "id" and by_id[place_en.pk]["meta"]["locale"] == "en"
    assert item["meta"]["html_url"] == settings.CANONICAL_URL + place.url
    assert item["summary"] == place.summary
    assert item["location"] == {
        "type": "Point",
        "coordinates": [float(place.longitude), float(place.latitude)],
    }
    assert item["kind"] == place.kind and item["region"] == place.region
    assert isinstance(item["story"], list)
    assert [block["type"] for block in item["story"]] == [block.block_type for block in place.story]
    assert [s["title"] for s in item["sources"]] == [s.title for s in place.sources.all()]
    code = place.short_code.code
    assert item["qr_code"] == {"code": code, "url": f"{settings.QR_BASE_URL}/q/{code}"}


def test_one_language_and_the_other_copy(client, place, place_en):
    english = get(client, "/api/v2/pages/", type="heritage.HeritageSitePage", locale="en")
    assert {item["meta"]["locale"] for item in english["items"]} == {"en"}
    copy = get(client, "/api/v2/pages/", translation_of=place.pk, locale="en")
    assert [item["id"] for item in copy["items"]] == [place_en.pk]


def test_an_image_comes_with_renditions(client, place):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    place.image = Image.objects.create(title="Candi Badut", file=get_test_image_file())
    place.save_revision().publish()
    item = get(client, f"/api/v2/pages/{place.pk}/")
    assert item["image"]["id"] == place.image.pk
    card, thumbnail = item["image_card"], item["image_thumbnail"]
    assert card["url"].endswith(".webp") and card["width"] <= 800
    assert card["width"] * 450 == card["height"] * 800  # cropped to 16:9, never enlarged
    assert thumbnail["width"] == 320 and thumbnail["height"] == 240


def test_drafts_and_private_pages_are_never_served(client, place, place_en):
    place_en.unpublish()
    assert client.get(f"/api/v2/pages/{place_en.pk}/").status_code == 404
    PageViewRestriction.objects.create(page=place, restriction_type="login")
    assert client.get(f"/api/v2/pages/{place.pk}/").status_code == 404
    ids = {item["id"] for item in get(client, "/api/v2/pages/", limit=100)["items"]}
    assert place.pk not in ids and place_en.pk not in ids


def test_images_and_documents_of_the_admin_are_not_exposed(client, sample_site):
    assert client.get("/api/v2/images/").status_code == 404
    assert client.get("/api/v2/documents/").status_code == 404


@pytest.mark.parametrize(
    "params",
    [{"type": "heritage.NoSuchPage"}, {"limit": "many"}, {"fields": "no_such_field"}, {"locale": "xx"}],
)
def test_a_bad_parameter_is_a_4xx_with_a_message(client, sample_site, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code in (400, 404)  # Wagtail answers an unknown locale with 404
    assert response.json()["message"]


def test_itineraries_products_and_centres_are_there(client, sample_site):
    from itineraries.models import ItineraryPage
    from products.models import CentrePage, ProductPage

    for model, label in (
        (ItineraryPage, "itineraries.ItineraryPage"),
        (ProductPage, "products.ProductPage"),
        (CentrePage, "products.CentrePage"),
    ):
        data = get(client, "/api/v2/pages/", type=label, fields="*")
        assert data["meta"]["total_count"] == model.objects.live().public().count()


def test_a_hostile_summary_comes_back_as_the_same_text(client, place):
    hostile = "`${alert(1)}` </script><script>alert(1)</script>"
    place.summary = hostile
    place.save_revision().publish()
    assert get(client, f"/api/v2/pages/{place.pk}/")["summary"] == hostile
