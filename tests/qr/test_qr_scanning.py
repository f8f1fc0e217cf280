"""A visitor scans a plaque: where they land, and what they read when the story is not there."""

from decimal import Decimal

import pytest
from scan_helpers import total_scans

from django.db import connection
from django.test.utils import CaptureQueriesContext


def scans_of(code):
    return total_scans(code)


def test_scanning_a_plaque_lands_on_the_indonesian_page_by_default(client, badut_code):
    response = client.get(f"/q/{badut_code}")
    assert response.status_code == 302
    assert response["Location"] == "/id/tempat/candi-badut/"
    assert response["Cache-Control"] == "no-store"
    assert scans_of(badut_code) == 1


def test_a_tourist_whose_phone_speaks_english_lands_on_the_english_page(client, badut_code):
    response = client.get(f"/q/{badut_code}", headers={"accept-language": "en-US,en;q=0.9"})
    assert response["Location"] == "/en/places/candi-badut/"
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert "Candi-badut (en)" in followed.content.decode()


def test_the_lang_parameter_beats_the_browser_language(client, badut_code):
    response = client.get(f"/q/{badut_code}?lang=id", headers={"accept-language": "en"})
    assert response["Location"] == "/id/tempat/candi-badut/"
    assert client.get(f"/q/{badut_code}?lang=en")["Location"] == "/en/places/candi-badut/"


def test_codes_are_case_insensitive_and_a_trailing_slash_is_forgiven(client, badut_code):
    # Two visitors: one camera app hands the code over in lower case, another adds a slash.
    lower = client.get(f"/q/{badut_code.lower()}", headers={"user-agent": "Mozilla/5.0 (Android 14) one"})
    assert lower["Location"] == "/id/tempat/candi-badut/"
    slash = client.get(f"/q/{badut_code}/", headers={"user-agent": "Mozilla/5.0 (iPhone) two"})
    assert slash["Location"] == "/id/tempat/candi-badut/"
    assert scans_of(badut_code) == 2


def test_scanning_a_plaque_of_a_moved_and_renamed_page_still_lands_on_it(client, place, badut_code):
    from heritage.models import PlaceIndexPage

    # The plaque was printed for the page as it was.
    assert client.get(f"/q/{badut_code}")["Location"] == "/id/tempat/candi-badut/"
    # The office reorganises: a new section, the page moved into it and renamed.
    home = place.get_parent().get_parent()
    archive = PlaceIndexPage(title="Arsip situs", slug="arsip")
    home.add_child(instance=archive)
    archive.save_revision().publish()
    place.move(archive, pos="last-child")
    place.refresh_from_db()
    place = place.specific
    place.slug = "candi-badut-dinoyo"
    place.save_revision().publish()

    response = client.get(f"/q/{badut_code}")
    assert response.status_code == 302
    assert response["Location"] == "/id/arsip/candi-badut-dinoyo/"
    assert client.get(response["Location"]).status_code == 200


def test_an_english_visitor_falls_back_to_indonesian_when_the_english_page_is_offline(
    client, place_en, badut_code
):
    place_en.unpublish()
    response = client.get(f"/q/{badut_code}", headers={"accept-language": "en"})
    assert response["Location"] == "/id/tempat/candi-badut/"


def test_the_english_page_is_reached_when_only_the_indonesian_one_is_offline(client, place, badut_code):
    place.unpublish()
    assert client.get(f"/q/{badut_code}")["Location"] == "/en/places/candi-badut/"


def test_an_unpublished_place_answers_a_friendly_page_with_nearby_places(client, place, place_en, badut_code):
    place.unpublish()
    place_en.unpublish()
    response = client.get(f"/q/{badut_code}", headers={"accept-language": "en"})
    assert response.status_code == 404
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "not available right now" in html and "sedang tidak tersedia" in html
    assert "Candi-badut (id)" in html  # the place's name, from the page that still exists
    # Candi Badut is in the west of Malang; nothing else of the sample lies within 15 km of it.
    assert 'href="/en/places/' in html or "Places nearby" not in html
    assert 'action="/en/search/"' in html
    assert scans_of(badut_code) == 1  # the plaque was scanned: the office wants to know


def test_an_unpublished_place_lists_its_neighbours(client, sample_site, codes):
    from heritage.models import PlacePage

    jago = PlacePage.objects.get(slug="candi-jago", locale__language_code="id")
    bromo = PlacePage.objects.get(slug="kawah-bromo", locale__language_code="id")
    # Move Bromo's point next to Candi Jago so that Jago has a neighbour within the nearby radius.
    for page in PlacePage.objects.filter(translation_key=bromo.translation_key):
        page = page.specific
        page.latitude, page.longitude = jago.latitude, jago.longitude + Decimal("0.01")
        page.save_revision().publish()
    for page in PlacePage.objects.filter(translation_key=jago.translation_key):
        page.specific.unpublish()
    html = client.get(f"/q/{codes['candi-jago']}?lang=en").content.decode()
    assert "Places nearby" in html
    assert 'href="/en/places/kawah-bromo/"' in html


def test_a_deleted_place_answers_gone_and_its_code_is_never_given_again(client, place, place_en, badut_code):
    from plaques.models import ShortCode

    place_en.delete()
    place.delete()
    response = client.get(f"/q/{badut_code}")
    assert response.status_code == 410
    assert "tidak lagi tersedia" in response.content.decode()
    assert "no longer available" in response.content.decode()
    short_code = ShortCode.objects.get(code=badut_code)
    assert short_code.page is None  # the row stays, so the code is never drawn again


def test_an_unknown_code_answers_a_helpful_bilingual_404(client, sample_site):
    response = client.get("/q/ZZZZZ")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Kode tidak dikenal" in html and "Unknown code" in html
    assert 'type="search"' in html
    assert 'href="/id/tempat/"' in html  # the list (with the map) of places


@pytest.mark.parametrize(
    "path",
    [
        "/q/%00",
        "/q/../../etc",
        "/q/..%2F..%2Fetc%2Fpasswd",
        "/q/" + "A" * 5000,
        "/q/AB3CD%00",
        "/q/",
        "/q/OOOOO",  # O is not in the alphabet
        "/q/ABC",
        "/q/ABCDEFG",
        "/q/%E2%9C%93%E2%9C%93%E2%9C%93%E2%9C%93%E2%9C%93",
        "/q/ABCDE.gif",
        "/q/ABCDE/plaque.doc",
        "/q/%00.svg",
        "/q/" + "A" * 5000 + ".png",
    ],
)
def test_junk_under_q_answers_4xx_never_500(client, sample_site, path):
    response = client.get(path)
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize("query", ["lang=xx", "lang=%00", "lang=" + "e" * 3000, "lang=EN"])
def test_a_bad_language_answers_400(client, badut_code, query):
    response = client.get(f"/q/{badut_code}?{query}")
    assert response.status_code == 400
    assert b"lang" in response.content
    assert scans_of(badut_code) == 0


def test_a_post_to_a_short_link_is_refused(client, badut_code):
    assert client.post(f"/q/{badut_code}").status_code == 405
    assert scans_of(badut_code) == 0


def test_head_requests_and_robots_are_not_counted(client, badut_code):
    assert client.head(f"/q/{badut_code}").status_code == 302
    for agent in [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "WhatsApp/2.23.20.0",
        "facebookexternalhit/1.1",
        "TelegramBot (like TwitterBot)",
        "Slackbot-LinkExpanding 1.0",
        "SkypeUriPreview Preview/0.5",
        "Baiduspider",
        "AhrefsCrawler",
    ]:
        response = client.get(f"/q/{badut_code}", headers={"user-agent": agent})
        assert response.status_code == 302, agent
    assert scans_of(badut_code) == 0
    client.get(f"/q/{badut_code}", headers={"user-agent": "Mozilla/5.0 (Linux; Android 14) Mobile Safari"})
    assert scans_of(badut_code) == 1


def test_a_scan_costs_one_query_and_writes_nothing_to_the_database(client, badut_code):
    from plaques import lookup

    client.get(f"/q/{badut_code}")  # warms Wagtail's site root paths cache
    lookup.forget_all()  # as after a publication: the code's address is looked up again (then cached)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/q/{badut_code}", headers={"user-agent": "Mozilla/5.0 another visitor"})
    assert response.status_code == 302
    statements = [
        q["sql"] for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))
    ]
    assert len(statements) == 1, statements  # the lookup of the code's pages
    assert statements[0].startswith("SELECT")
    assert scans_of(badut_code) == 2  # both counted, by the scan counter's flush
