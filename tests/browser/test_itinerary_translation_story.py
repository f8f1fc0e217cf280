"""Issue 13's story for an itinerary, in chromium: an office editor, in Indonesian, adds a stop to an itinerary
already published in Indonesian and English and submits it; once the moderator has approved it, the admin tells
the editor the English version is behind, the editor syncs it in one step and submits the English translation;
the moderator approves it and a visitor finds the new stop on both pages."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.office_admin import approve_from_dashboard, office_user, signed_in

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRANSLATED = {
    "Dua candi di Malang": "Two temples in Malang",
    "Dari Candi Badut ke Candi Jago dengan mobil.": "From Badut Temple to Jago Temple by car.",
}


@pytest.fixture
def temples_trip(seeded_live_server, monkeypatch):
    """An Indonesian itinerary of two stops, translated to English in wagtail-localize (every text) and
    published in both languages."""
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, StringTranslation
    from wagtail_localize.operations import TranslationCreator

    from geodata.network import RoadNetwork
    from heritage.models import PlacePage
    from home.models import HomePage
    from home.translations import translation_of
    from itineraries import routing
    from itineraries.models import ItineraryIndexPage, ItineraryPage, ItineraryStop

    network = RoadNetwork.from_file(FIXTURES / "network_sample.geojson")
    monkeypatch.setattr(routing, "corridor_network", lambda: network)
    indonesian, english = Locale.objects.get(language_code="id"), Locale.objects.get(language_code="en")
    index = ItineraryIndexPage(title="Perjalanan", slug="perjalanan")
    HomePage.objects.get(locale=indonesian).add_child(instance=index)
    index.save_revision().publish()
    trip = ItineraryPage(
        title="Dua candi di Malang",
        slug="dua-candi",
        summary="Dari Candi Badut ke Candi Jago dengan mobil.",
        theme="temples",
        mode="car",
    )
    trip.stops = [
        ItineraryStop(place=PlacePage.objects.get(slug=slug, locale=indonesian), day=1, sort_order=n)
        for n, slug in enumerate(["candi-badut", "candi-jago"])
    ]
    trip.compute_route()
    index.add_child(instance=trip)
    trip.save_revision().publish()

    TranslationCreator(None, [english]).create_translations(index)
    TranslationCreator(None, [english]).create_translations(trip)
    for page in (index, trip):
        translation = translation_of(page.get_translation(english))
        for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                data=TRANSLATED.get(segment.string.data, "Trips"),
            )
        translation.save_target(publish=True)
    return trip, trip.get_translation(english).specific


def stops_on(page, url):
    page.goto(url)
    return page.locator(".itinerary-timeline .stop")


def test_an_editor_adds_a_stop_syncs_the_english_itinerary_and_a_visitor_sees_it_in_both(
    browser, seeded_live_server, temples_trip, offline_context, django_user_model
):
    from wagtail.models import Page

    from home.seed import EDITORS, MODERATORS

    trip, english = temples_trip
    office_user(django_user_model, "dewi", EDITORS)
    office_user(django_user_model, "rudi", MODERATORS)
    base = seeded_live_server.url
    visitor, _aborted = offline_context()
    reader = visitor.new_page()
    expect(stops_on(reader, base + english.url)).to_have_count(2)

    # 1. The editor adds Kawah Bromo, by jeep from Candi Jago, and submits the itinerary for moderation.
    context, page = signed_in(browser, base, "dewi")
    page.goto(f"{base}/admin/pages/{trip.pk}/edit/")
    expect(page.locator(".route-leg")).to_have_count(1)
    page.locator("#id_stops-ADD").click()
    new_stop = page.locator("[id^='inline_child_stops-']").last
    new_stop.locator("[data-chooser-action-choose]").click()
    modal = page.locator(".modal")
    modal.locator("input[name=q]").fill("Kawah")
    modal.get_by_role("link", name=re.compile("Kawah", re.I)).first.click()
    new_stop.locator("select[name$='-leg_mode']").select_option("jeep")
    page.locator(".w-dropdown-button .w-dropdown__toggle").click()
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages")).to_contain_text("telah dikirim untuk moderasi")
    context.close()

    context, page = signed_in(browser, base, "rudi")
    approve_from_dashboard(page, base, 1)
    context.close()
    expect(stops_on(reader, base + Page.objects.get(pk=trip.pk).url).last).to_contain_text("Kawah-bromo (id)")

    # 2. Back on the itinerary, the editor is told the English version is behind, and syncs it in one step.
    context, page = signed_in(browser, base, "dewi")
    page.goto(f"{base}/admin/pages/{trip.pk}/edit/")
    notice = page.locator(".messages")
    expect(notice).to_contain_text("Halaman ini berubah sejak diterjemahkan; tertinggal:")
    notice.get_by_role("link", name="Sinkronkan halaman terjemahan").click()
    page.locator("main form [type=submit]").last.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{trip.pk}/edit/$"))
    expect(page.locator(".messages")).not_to_contain_text("tertinggal")

    # The English draft asks for no new text: a stop is a place, already translated.
    page.goto(f"{base}/admin/pages/{english.pk}/edit/")
    editor = page.locator(".js-translation-editor")
    expect(editor).to_contain_text("Dua candi di Malang")
    expect(editor.locator("li.incomplete")).to_have_count(0)
    page.goto(f"{base}/admin/translations/{english.pk}/submit/")
    page.get_by_role("button", name="Ajukan terjemahan untuk moderasi").click()
    expect(page.locator(".messages")).to_contain_text("Tourism office moderation")
    context.close()

    # 3. The moderator approves the English itinerary; a visitor reads the new stop in both languages.
    context, page = signed_in(browser, base, "rudi")
    approve_from_dashboard(page, base, 1)
    context.close()
    stops = stops_on(reader, base + Page.objects.get(pk=english.pk).url)
    expect(reader.locator("h1")).to_have_text("Two temples in Malang")
    expect(stops).to_have_count(3)
    expect(stops.last).to_contain_text("Kawah-bromo (en)")
    stops = stops_on(reader, base + Page.objects.get(pk=trip.pk).url)
    expect(stops).to_have_count(3)
    expect(stops.last).to_contain_text("Kawah-bromo (id)")
