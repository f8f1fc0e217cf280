"""What every public page asks of the published tree is cached (heritage/published.py), so a place page served
past the page cache costs at most 12 queries; every change to the tree is seen at the next request (issue 18)."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from heritage.models import PlacePage
from home import page_cache


def place(slug, lang="id"):
    return PlacePage.objects.get(slug=slug, locale__language_code=lang).specific


def served_past_the_page_cache(client, url):
    page_cache.forget_all()
    return client.get(url)


def test_a_place_page_past_the_page_cache_costs_at_most_twelve_queries(
    client, ogc_site, django_assert_max_num_queries
):
    for lang in ("id", "en"):
        badut = place("candi-badut", lang)
        client.get(badut.url)  # what the tree looked like is remembered by the first visit after a change
        with django_assert_max_num_queries(12):
            response = served_past_the_page_cache(client, badut.url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "miss"
        html = response.content.decode()
        # The page is whole: its nearby list, the other language's link, the index link of the header.
        assert place("candi-jago", lang).title in html
        assert place("candi-badut", "en" if lang == "id" else "id").url in html
        assert badut.get_parent().url in html


def test_a_password_put_on_a_place_guards_it_at_the_next_request_and_drops_it_from_lists(client, ogc_site):
    badut, jago = place("candi-badut"), place("candi-jago")
    assert client.get(badut.url).status_code == 200
    index = badut.get_parent().url
    assert badut.url in client.get(index).content.decode()

    PageViewRestriction.objects.create(
        page=badut, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-x"
    )
    guarded = served_past_the_page_cache(client, badut.url)
    assert guarded.status_code == 200
    assert "password" in guarded.content.decode().lower()
    assert badut.summary not in guarded.content.decode()
    assert "private" in guarded["Cache-Control"]
    listed = served_past_the_page_cache(client, index).content.decode()
    assert badut.url not in listed and jago.url in listed

    PageViewRestriction.objects.filter(page=badut).delete()
    opened = served_past_the_page_cache(client, badut.url)
    assert badut.summary in opened.content.decode()
    assert "public" in opened["Cache-Control"]


def test_a_login_restriction_on_the_index_guards_every_place_below_it(client, ogc_site):
    badut = place("candi-badut")
    client.get(badut.url)
    restriction = PageViewRestriction.objects.create(
        page=badut.get_parent(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Only these"))
    response = served_past_the_page_cache(client, badut.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_new_slug_moves_the_address_at_once(client, ogc_site):
    badut = place("candi-badut")
    old_url = badut.url
    assert client.get(old_url).status_code == 200
    badut.slug = "candi-badut-dinoyo"
    badut.save_revision().publish()
    badut.refresh_from_db()
    assert badut.url != old_url
    assert served_past_the_page_cache(client, badut.url).status_code == 200
    assert served_past_the_page_cache(client, old_url).status_code in (301, 302, 404)


def test_unpublishing_a_translation_drops_its_language_link(client, ogc_site):
    badut, badut_en = place("candi-badut"), place("candi-badut", "en")
    assert badut_en.url in client.get(badut.url).content.decode()
    badut_en.unpublish()
    html = served_past_the_page_cache(client, badut.url).content.decode()
    assert f'hreflang="en" href="{badut_en.full_url}"' not in html
    assert f'href="{badut_en.url}"' not in html
    assert served_past_the_page_cache(client, badut_en.url).status_code == 404


def test_the_site_is_remembered_for_routing_and_a_change_to_it_is_seen_at_the_next_request(client, ogc_site):
    from wagtail.models import Site

    url = place("candi-badut").url + "?past-the-page-cache=1"
    assert client.get(url).status_code == 200
    english_home = client.get("/en/?past-the-page-cache=1")
    assert english_home.status_code == 200 and '<html lang="en">' in english_home.content.decode()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.is_default_site = "localhost", False
    site.save()
    assert client.get(url).status_code == 404  # no site answers for this host any more
    assert client.get(url, HTTP_HOST="localhost").status_code == 200


def test_the_home_page_and_the_itinerary_list_past_the_page_cache_cost_a_handful_of_queries(
    client, ogc_site, django_assert_max_num_queries
):
    from itineraries.models import ItineraryPage

    # Before: every featured card and every itinerary's totals asked the database again (65 queries).
    itineraries = list(ItineraryPage.objects.live().select_related("locale"))
    assert itineraries
    for itinerary in itineraries:
        lang = itinerary.locale.language_code
        for url in (f"/{lang}/", itinerary.get_parent().url):
            client.get(url)  # the first visit after a change works the tree out
            with django_assert_max_num_queries(8):
                response = served_past_the_page_cache(client, url)
            assert response.status_code == 200
            html = response.content.decode()
            assert itinerary.title in html
            assert itinerary.live_trip().complete  # so its card shows the whole trip's distance
            assert f"{itinerary.route_data['distance_m'] / 1000:.0f}" in html
