"""A tourist scans a plaque with a phone set to English, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The phone's language: chromium sends `Accept-Language: en-GB,…` for this locale.
    return {**browser_context_args, "locale": "en-GB"}


def test_a_tourist_with_an_english_phone_scans_candi_baduts_plaque_and_reads_the_english_page(
    page, offline, seeded_live_server
):
    from wagtail.models import Locale

    from heritage.models import PlacePage
    from plaques import scan_counter
    from plaques.models import ScanCount, ShortCode

    badut = PlacePage.objects.get(slug="candi-badut", locale__language_code="id")
    english = badut.get_translation(Locale.objects.get(language_code="en"))
    code = ShortCode.objects.get(page__translation_key=badut.translation_key).code
    assert english.title != badut.title

    languages = page.evaluate("navigator.languages")
    assert languages[0] == "en-GB"
    # What the plaque encodes, typed the way a camera app might hand it over (lower case).
    page.goto(f"{seeded_live_server.url}/q/{code.lower()}")

    expect(page).to_have_url(re.compile(r"/en/places/candi-badut/$"))
    expect(page.locator("h1")).to_have_text(english.title)
    expect(page.locator("html")).to_have_attribute("lang", re.compile("^en"))
    assert page.url == seeded_live_server.url + english.url
    assert scan_counter.flush_scans().refused == 0  # as the counter's thread does a few seconds later
    assert ScanCount.objects.get(short_code__code=code).count == 1
    assert offline == [], f"requests tried to leave the machine: {offline}"
