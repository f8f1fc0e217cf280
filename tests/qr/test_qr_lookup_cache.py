"""A scan of a known plaque is answered from the lookup cache, and every change that moves its address is
followed at the next scan (issue 18)."""

from scan_helpers import total_scans

from wagtail.models import PageViewRestriction


def test_a_repeat_scan_costs_no_database_query_and_still_counts(
    client, badut_code, django_assert_num_queries
):
    first = client.get(f"/q/{badut_code}", headers={"user-agent": "Mozilla/5.0 (Android 14) first"})
    with django_assert_num_queries(0):
        again = client.get(f"/q/{badut_code}", headers={"user-agent": "Mozilla/5.0 (iPhone) second"})
    assert again.status_code == 302 and again["Location"] == first["Location"] == "/id/tempat/candi-badut/"
    assert again["Cache-Control"] == "no-store"
    assert total_scans(badut_code) == 2


def test_each_language_keeps_its_own_address(client, badut_code):
    assert client.get(f"/q/{badut_code}?lang=en")["Location"] == "/en/places/candi-badut/"
    assert client.get(f"/q/{badut_code}")["Location"] == "/id/tempat/candi-badut/"
    assert client.get(f"/q/{badut_code}?lang=en")["Location"] == "/en/places/candi-badut/"


def test_a_renamed_page_is_followed_at_the_next_scan(client, place, badut_code):
    client.get(f"/q/{badut_code}")
    place.slug = "candi-badut-dinoyo"
    place.save_revision().publish()
    assert client.get(f"/q/{badut_code}")["Location"] == "/id/tempat/candi-badut-dinoyo/"


def test_a_moved_index_takes_its_places_codes_along(client, place, badut_code):
    client.get(f"/q/{badut_code}")
    index = place.get_parent().specific
    index.slug = "situs"
    index.save_revision().publish()
    assert client.get(f"/q/{badut_code}")["Location"] == "/id/situs/candi-badut/"


def test_unpublished_deleted_or_restricted_pages_are_not_reached_from_the_cache(
    client, place, place_en, badut_code, codes
):
    client.get(f"/q/{badut_code}")
    place.unpublish()
    assert client.get(f"/q/{badut_code}")["Location"] == "/en/places/candi-badut/"
    place_en.unpublish()
    assert client.get(f"/q/{badut_code}").status_code == 404

    from heritage.models import PlacePage

    jago = PlacePage.objects.get(slug="candi-jago", locale__language_code="id")
    client.get(f"/q/{codes['candi-jago']}")
    for page in PlacePage.objects.filter(translation_key=jago.translation_key):
        page.delete()
    assert client.get(f"/q/{codes['candi-jago']}").status_code == 410

    bromo = PlacePage.objects.get(slug="kawah-bromo", locale__language_code="id")
    client.get(f"/q/{codes['kawah-bromo']}")
    PageViewRestriction.objects.create(page=bromo.get_parent(), restriction_type="login")
    response = client.get(f"/q/{codes['kawah-bromo']}")
    assert response.status_code in (302, 404)
    if response.status_code == 302:  # the scan may lead to the login page, never straight past it
        follow = client.get(response["Location"])
        assert follow.status_code == 302 and "login" in follow["Location"]
