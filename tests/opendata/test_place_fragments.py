"""A place page keeps the parts every visitor gets alike (heritage.fragments): drawn once per change, served as
kept past the page cache; whatever changes them shows at once; an editor's preview and a signed-in user always
get the page drawn for them, and never leave a part for anyone else (issue 18)."""

from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from heritage import published
from heritage.models import PlacePage
from home import page_cache
from products.models import CentrePage
from tests.opendata.test_page_cache import place, publish


def past_the_page_cache(client, page):
    """The page as the first visitor after a change gets it: a query string the page cache never keeps."""
    response = client.get(page.url + "?from=qr-poster")
    assert response.status_code == 200 and "X-Page-Cache" not in response
    return response


def test_the_page_is_drawn_in_at_most_12_queries_then_served_from_its_kept_parts(client, ogc_site):
    badut = place("candi-badut")
    client.get(badut.url)  # the published tree known, as on a running site
    page_cache.forget([badut.url])  # the page and its kept parts gone, as after a publication
    with CaptureQueriesContext(connection) as drawn:
        first = client.get(badut.url)
    assert first["X-Page-Cache"] == "miss"
    assert len(drawn) <= 12, [query["sql"][:120] for query in drawn]
    with CaptureQueriesContext(connection) as kept:
        again = past_the_page_cache(client, badut)
    assert len(kept) < len(drawn) and len(kept) <= 2
    # The same address drawn afresh is the same page byte for byte (the same address: the language switch
    # carries the query string along, so the page without it differs in that link alone).
    page_cache.forget([badut.url])
    fresh = past_the_page_cache(client, badut)
    assert again.content == fresh.content
    # The map's inline script runs from the kept part as from the drawn one: its hash is in the policy.
    assert 'class="map"' in again.content.decode()
    assert "'sha256-" in again["Content-Security-Policy"]
    assert (
        again["Content-Security-Policy"]
        == fresh["Content-Security-Policy"]
        == first["Content-Security-Policy"]
    )


def test_a_place_moved_nearby_and_renamed_shows_on_the_page_at_once(client, ogc_site):
    badut, jago = place("candi-badut"), place("candi-jago")
    client.get(badut.url)

    jago = publish(jago, latitude=badut.latitude + Decimal("0.01"), longitude=badut.longitude)
    for response in (client.get(badut.url), past_the_page_cache(client, badut)):
        assert jago.title in response.content.decode()

    publish(jago, title="Candi Jajaghu")
    for response in (client.get(badut.url), past_the_page_cache(client, badut)):
        assert "Candi Jajaghu" in response.content.decode()


def test_a_nearby_centre_renamed_shows_on_the_page_at_once(client, ogc_site):
    badut = place("candi-badut")
    centre = CentrePage.objects.get(slug="dinoyo", locale__language_code="id")
    client.get(badut.url)
    assert centre.title in past_the_page_cache(client, badut).content.decode()
    publish(centre, title="Sentra Keramik Dinoyo (Lowokwaru)")
    for response in (client.get(badut.url), past_the_page_cache(client, badut)):
        assert "Sentra Keramik Dinoyo (Lowokwaru)" in response.content.decode()


def test_publishing_the_page_shows_its_new_text_past_every_cache(client, ogc_site):
    badut = place("candi-badut")
    client.get(badut.url)
    publish(badut, summary="Candi dari masa Kerajaan Kanjuruhan, raja Gajayana.")
    for response in (client.get(badut.url), past_the_page_cache(client, badut)):
        assert "raja Gajayana" in response.content.decode()


def test_an_editors_preview_is_the_draft_and_leaves_nothing_for_visitors(client, admin_user, ogc_site):
    badut = place("candi-badut")
    client.get(badut.url)  # the public parts kept
    draft = badut.specific
    draft.summary = "Draf redaksi: belum diterbitkan."
    revision = draft.save_revision(user=admin_user)

    # As the editor sees it, and as Wagtail draws a preview with no request of the editor's (no user).
    for user in (admin_user, AnonymousUser()):
        request = RequestFactory().get(badut.url, HTTP_HOST="localhost")
        request.user = user
        request.is_preview = True
        with translation.override("id"):  # the page's language, as a kept part of it is keyed
            preview = revision.as_object().serve_preview(request, badut.default_preview_mode)
            preview.render()
        html = preview.content.decode()
        assert '<p class="lead">Draf redaksi: belum diterbitkan.</p>' in html  # in the article

    page_cache.forget([badut.url])  # whatever a visitor gets now is drawn again or kept
    for response in (client.get(badut.url), past_the_page_cache(client, badut)):
        assert "Draf redaksi" not in response.content.decode()


def test_a_signed_in_user_gets_the_page_drawn_for_them(client, admin_client, ogc_site):
    badut = place("candi-badut")
    client.get(badut.url)  # the public parts kept
    # A change behind every signal's back (a plain UPDATE) tells a kept part from a freshly drawn one; the
    # published tree is forgotten, as any other page's save makes it, the page's kept parts are not.
    PlacePage.objects.filter(pk=badut.pk).update(summary="Ringkasan yang baru saja diubah.")
    published.forget_all()
    lead = '<p class="lead">Ringkasan yang baru saja diubah.</p>'  # in the article, a kept part
    assert lead in admin_client.get(badut.url).content.decode()
    assert lead not in past_the_page_cache(client, badut).content.decode()
    # Nor does a signed-in view leave parts behind: the next visitor's page is drawn, not served as kept.
    page_cache.forget([badut.url])
    admin_client.get(badut.url)
    with CaptureQueriesContext(connection) as queries:
        past_the_page_cache(client, badut)
    assert len(queries) > 2


def test_the_first_visitor_after_a_publication_finds_the_parts_drawn(
    client, ogc_site, django_capture_on_commit_callbacks
):
    badut = place("candi-badut")
    with django_capture_on_commit_callbacks(execute=True):  # the commit draws what the change shows on
        publish(badut, summary="Candi dari masa Kerajaan Kanjuruhan, raja Gajayana.")
    client.get(place("kawah-bromo").url)  # the site and its tree known again, as after any first request
    with CaptureQueriesContext(connection) as queries:
        response = past_the_page_cache(client, badut)
    assert "raja Gajayana" in response.content.decode()
    # The page's own row and address are asked again (the tree's generation moved), none of its article:
    # drawn, the page asks eleven.
    assert len(queries) <= 4, [query["sql"][:120] for query in queries]
