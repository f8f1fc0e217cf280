"""The sitemap as a search engine reads it, the canonical host from one setting (issue 14)."""

import xml.etree.ElementTree as ET

import pytest

from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction, Site

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def read_sitemap(client) -> dict[str, dict]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314  (our own response)
    entries = {}
    for url in root.findall("sm:url", NS):
        loc = url.find("sm:loc", NS).text
        assert loc not in entries, f"{loc} listed twice"
        lastmod = url.find("sm:lastmod", NS)
        entries[loc] = {
            "lastmod": lastmod.text if lastmod is not None else None,
            "alternates": {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)},
        }
    return entries


def published_pages():
    return Page.objects.live().public().exclude(depth=1).specific()


def test_every_published_page_is_listed_in_both_languages_under_the_canonical_host(client, sample_site):
    entries = read_sitemap(client)
    expected = {settings.CANONICAL_URL + page.url for page in published_pages()}
    assert expected <= set(entries)
    assert any("/en/" in loc for loc in entries) and any("/id/" in loc for loc in entries)
    assert all(loc.startswith(settings.CANONICAL_URL + "/") for loc in entries)
    assert settings.CANONICAL_URL + "/en/data/" in entries and settings.CANONICAL_URL + "/id/data/" in entries


def test_alternates_are_reciprocal_and_name_both_languages(client, place, place_en):
    entries = read_sitemap(client)
    id_url = settings.CANONICAL_URL + place.url
    en_url = settings.CANONICAL_URL + place_en.url
    assert entries[id_url]["alternates"] == {"id": id_url, "en": en_url}
    assert entries[en_url]["alternates"] == {"id": id_url, "en": en_url}
    for loc, entry in entries.items():
        for href in entry["alternates"].values():
            assert href in entries, f"{loc} names {href}, which the sitemap does not list"
            assert entries[href]["alternates"] == entry["alternates"]


def test_lastmod_is_the_last_publication(client, place):
    revision = place.save_revision()
    revision.publish()
    place.refresh_from_db()
    entries = read_sitemap(client)
    assert (
        entries[settings.CANONICAL_URL + place.url]["lastmod"]
        == timezone.localtime(place.last_published_at).date().isoformat()  # the date in Malang (WIB)
    )


def test_drafts_private_pages_and_unpublished_translations_are_left_out(client, place, place_en):
    draft_url = settings.CANONICAL_URL + place_en.url
    place_en.unpublish()
    PageViewRestriction.objects.create(page=place.get_parent().specific, restriction_type="login")
    entries = read_sitemap(client)
    assert draft_url not in entries
    assert settings.CANONICAL_URL + place.url not in entries  # behind a login now
    for entry in entries.values():
        assert draft_url not in entry["alternates"].values()


def test_the_default_site_follows_the_canonical_url(db):
    from home.canonical import sync_default_site

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("heritage.example.id", 443)  # set by migrate from the test settings
    with override_settings(CANONICAL_URL="http://kota.example.id:8080"):
        sync_default_site()
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("kota.example.id", 8080)


@pytest.mark.parametrize("host", ["testserver", "127.0.0.1"])
def test_a_page_names_its_canonical_address_whatever_host_it_was_asked_by(client, place, place_en, host):
    html = client.get(place.url, HTTP_HOST=host).content.decode()
    assert f'<link rel="canonical" href="{settings.CANONICAL_URL}{place.url}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{settings.CANONICAL_URL}{place_en.url}">' in html
    assert f'<meta property="og:url" content="{settings.CANONICAL_URL}{place.url}">' in html
