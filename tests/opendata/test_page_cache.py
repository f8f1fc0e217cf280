"""The page cache answers repeat visits without the database, and a change clears exactly the pages that show
it, at once, and purges them from the front cache after the commit (issue 18)."""

import pytest

from django.conf import settings
from django.test import override_settings

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, PageViewRestriction

from heritage.models import PlacePage
from heritage.nearby import distance_m
from itineraries.models import ItineraryPage
from products.models import CentrePage, Producer, ProductPage

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """A front cache that writes down what it is told to purge."""

    def purge(self, url):
        PURGED.append(url)


RECORDING = {"default": {"BACKEND": f"{__name__}.RecordingBackend"}}


def state(client, page_or_url) -> str:
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    response = client.get(url)
    return response.get("X-Page-Cache", "none") if response.status_code == 200 else str(response.status_code)


def warm(client, pages):
    for page in pages:
        client.get(page.url)
        assert state(client, page) == "hit", page.url


def place(slug, lang="id"):
    return PlacePage.objects.get(slug=slug, locale__language_code=lang)


def publish(page, **changes):
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def every_public_page():
    return [page for page in Page.objects.live().public().filter(depth__gt=1).specific() if page.url]


def test_a_repeat_visit_is_answered_from_the_cache_without_the_database(
    client, ogc_site, django_assert_num_queries
):
    badut = place("candi-badut")
    first = client.get(badut.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = client.get(badut.url)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert again["Cache-Control"] == first["Cache-Control"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_link_shared_with_tracking_parameters_is_the_cached_page(
    client, ogc_site, django_assert_num_queries
):
    badut = place("candi-badut")
    first = client.get(badut.url)
    with django_assert_num_queries(0):
        shared = client.get(badut.url + "?utm_source=tiktok&utm_medium=social&fbclid=IwAR0bromo&gclid")
    assert shared["X-Page-Cache"] == "hit" and shared.content == first.content
    # A parameter that changes the page still bypasses the cache, tracking parameters or not; so does a name
    # that only looks like one.
    index = badut.get_parent()
    assert "X-Page-Cache" not in client.get(index.url + "?kind=temple&utm_source=newsletter")
    assert "X-Page-Cache" not in client.get(badut.url + "?xfbclid=2")


def test_editors_queries_and_forms_are_never_served_from_the_cache(client, admin_client, ogc_site):
    badut = place("candi-badut")
    warm(client, [badut])
    editor_view = admin_client.get(badut.url)
    assert "X-Page-Cache" not in editor_view and "private" in editor_view["Cache-Control"]
    index = badut.get_parent()
    client.get(index.url + "?kind=temple")
    assert "X-Page-Cache" not in client.get(index.url + "?kind=temple")
    assert "X-Page-Cache" not in client.head(badut.url + "?x=1")
    assert "X-Page-Cache" not in client.post(badut.url)


def test_publishing_a_place_clears_what_shows_it_and_nothing_else(client, ogc_site):
    badut, badut_en = place("candi-badut"), place("candi-badut", "en")
    pages = every_public_page()
    warm(client, pages)
    lat, lon = float(badut.latitude), float(badut.longitude)
    itinerary = ItineraryPage.objects.get(slug="candi-ke-kawah")
    dinoyo = CentrePage.objects.filter(locale__language_code="id", products__isnull=False).distinct()
    near_centres = [c for c in dinoyo if distance_m(lat, lon, float(c.latitude), float(c.longitude)) < 15_000]
    assert near_centres, "the seed has a production centre near Candi Badut"

    publish(badut, summary="Candi yang dikaitkan dengan prasasti Dinoyo (760 M).")

    cleared = {page.url for page in pages if state(client, page) == "miss"}
    expected = {badut.url, badut_en.url, itinerary.url, badut.get_parent().url, badut_en.get_parent().url}
    expected |= {page.url for page in Page.objects.filter(depth=2).specific() if page.url}  # both home pages
    expected |= {c.url for c in near_centres}
    assert expected <= cleared
    for page in pages:
        if page.url in cleared:
            continue
        point = (getattr(page, "latitude", None), getattr(page, "longitude", None))
        if None not in point:
            assert distance_m(lat, lon, float(point[0]), float(point[1])) > 15_000, page.url
    far = place("kawah-bromo")
    assert state(client, far) == "hit", "a place 40 km away that does not name Candi Badut stays cached"
    assert "prasasti Dinoyo (760 M)" in client.get(badut.url).content.decode()


def test_a_stop_renamed_shows_on_the_itinerary_at_once(client, ogc_site):
    itinerary = ItineraryPage.objects.get(slug="candi-ke-kawah")
    warm(client, [itinerary])
    publish(place("candi-jago"), title="Candi Jajaghu")
    assert "Candi Jajaghu" in client.get(itinerary.url).content.decode()


def test_a_new_slug_clears_the_old_address_and_the_pages_below_a_moved_index(client, ogc_site):
    badut = place("candi-badut")
    old_url = badut.url
    warm(client, [badut])
    publish(badut, slug="candi-badut-kanjuruhan")
    badut = place("candi-badut-kanjuruhan")
    assert state(client, old_url) != "hit"
    assert state(client, badut.url) == "miss"

    index = badut.get_parent().specific
    jago = place("candi-jago")
    warm(client, [index, jago])
    old_jago = jago.url
    publish(index, slug="situs-warisan")
    assert state(client, old_jago) != "hit"
    assert client.get(place("candi-jago").url).status_code == 200


def test_unpublishing_and_deleting_take_the_page_away_at_once(client, ogc_site):
    badut, jago = place("candi-badut"), place("candi-jago")
    index = badut.get_parent()
    warm(client, [badut, jago, index])
    badut.unpublish()
    assert state(client, badut) == "404"
    assert badut.title not in client.get(index.url).content.decode()
    jago.delete()
    assert state(client, jago.url) == "404"


def test_a_password_on_a_page_takes_it_out_of_the_cache(client, ogc_site):
    badut = place("candi-badut")
    warm(client, [badut])
    PageViewRestriction.objects.create(page=badut, restriction_type="password", password="untuk-kantor")
    response = client.get(badut.url)
    assert "X-Page-Cache" not in response and "public" not in response["Cache-Control"]


def test_a_producer_changed_clears_its_products(client, ogc_site):
    product = ProductPage.objects.filter(producer__isnull=False, locale__language_code="id").first()
    if product is None:
        pytest.skip("the seed names no producer on a product")
    warm(client, [product])
    producer = Producer.objects.get(pk=product.producer_id)
    producer.phone = "+62 341 000"
    producer.save()
    assert state(client, product) == "miss"


@override_settings(WAGTAILFRONTENDCACHE=RECORDING)
def test_the_front_cache_is_purged_after_the_commit(client, ogc_site, django_capture_on_commit_callbacks):
    PURGED.clear()
    badut, badut_en = place("candi-badut"), place("candi-badut", "en")
    itinerary = ItineraryPage.objects.get(slug="candi-ke-kawah")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(badut, summary="Candi dari masa Kanjuruhan.")
    assert PURGED == [], "nothing is purged before the commit"
    for callback in callbacks:
        callback()
    base = settings.CANONICAL_URL
    for url in (
        badut.url,
        badut_en.url,
        itinerary.url,
        itinerary.url + "gpx/",
        "/api/sites.geojson",
        "/sitemap.xml",
    ):
        assert base + url in PURGED, url
    assert base + place("kawah-bromo").url not in PURGED


def test_a_browser_that_holds_the_page_is_answered_304_and_sees_a_publication_at_once(client, ogc_site):
    badut = place("candi-badut")
    first = client.get(badut.url)
    assert "max-age=0" in first["Cache-Control"], "a browser asks again: no purge reaches it"
    unchanged = client.get(badut.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304 and not unchanged.content
    publish(badut, summary="Candi dari masa Kerajaan Kanjuruhan, raja Gajayana.")
    changed = client.get(badut.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "raja Gajayana" in changed.content.decode()


def test_publishing_draws_the_maps_so_serving_never_does(
    client, ogc_site, monkeypatch, django_capture_on_commit_callbacks
):
    import geodata.maps

    badut = place("candi-badut")
    with django_capture_on_commit_callbacks(execute=True):
        publish(badut, summary="Candi dari masa Kerajaan Kanjuruhan.")

    def no_drawing(*args, **kwargs):
        raise AssertionError("a visit drew a map")

    monkeypatch.setattr(geodata.maps, "places_map", no_drawing)
    monkeypatch.setattr(geodata.maps, "route_map", no_drawing)
    itinerary = ItineraryPage.objects.get(slug="candi-ke-kawah")
    for page in (badut, place("candi-badut", "en"), badut.get_parent(), itinerary):
        html = client.get(page.url).content.decode()
        assert 'class="map"' in html, page.url
