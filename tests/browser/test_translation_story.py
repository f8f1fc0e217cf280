"""Issue 13's story in chromium: an office editor, in Indonesian, submits a draft place for moderation,
translates it to English in wagtail-localize's editor and submits the translation for moderation; a moderator
approves both from the dashboard; a visitor then reads the place live in both languages."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.office_admin import approve_from_dashboard, office_user, signed_in

pytestmark = pytest.mark.browser


SOURCE = "Catatan fakta proyek"
TRANSLATED = {
    SOURCE: "Project fact notes",
    "Stasiun Malang Kota Lama": "Old Malang Kota Station",
    "Stasiun kereta api di selatan pusat kota.": "A railway station south of the city centre.",
}


def draft_place():
    from wagtail.models import Locale

    from heritage.models import HeritageSitePage, PlaceIndexPage, PlaceSource

    index = PlaceIndexPage.objects.get(locale=Locale.objects.get(language_code="id"))
    place = HeritageSitePage(
        title="Stasiun Malang Kota Lama",
        slug="stasiun-malang-kota-lama",
        summary="Stasiun kereta api di selatan pusat kota.",
        latitude="-7.994000",
        longitude="112.631000",
        region="kota-malang",
        kind="station",
        live=False,
        sources=[PlaceSource(title=SOURCE)],
    )
    index.add_child(instance=place)
    place.save_revision()
    return place


def test_an_editor_translates_a_place_and_a_moderator_publishes_both(
    browser, seeded_live_server, django_user_model
):
    from wagtail.models import Locale, Page

    from home.seed import EDITORS, MODERATORS

    office_user(django_user_model, "dewi", EDITORS)
    office_user(django_user_model, "rudi", MODERATORS)
    place = draft_place()
    base = seeded_live_server.url
    context, page = signed_in(browser, base, "dewi")
    page.goto(f"{base}/admin/pages/{place.pk}/edit/")
    # 1. The Indonesian draft goes to moderation from its own edit page.
    page.locator(".w-dropdown-button .w-dropdown__toggle").click()
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages")).to_contain_text("telah dikirim untuk moderasi")
    assert Page.objects.get(pk=place.pk).workflow_in_progress

    # 2. Translate this page: to English, then every text in wagtail-localize's editor.
    page.goto(f"{base}/admin/localize/submit/page/{place.pk}/")
    page.get_by_label("English").check()
    page.locator("form [type=submit]").last.click()
    english = place.get_translation(Locale.objects.get(language_code="en"))
    expect(page).to_have_url(re.compile(rf"/admin/pages/{english.pk}/edit/$"))
    editor = page.locator(".js-translation-editor")
    expect(editor).to_contain_text("Stasiun kereta api di selatan pusat kota.")
    segments = editor.locator("li.incomplete")
    expect(segments.first).to_be_visible()
    while segments.count():
        source_text = segments.first.locator("p").first.inner_text().strip()
        english_text = TRANSLATED[source_text]
        segment = editor.locator("li:has(> p)", has_text=source_text)
        segment.get_by_role("button", name="Translate").click()
        segment.locator("textarea").fill(english_text)
        segment.get_by_role("button", name=re.compile("Save|Simpan")).click()
        expect(editor.locator("li", has_text=english_text).last).to_be_visible()
    expect(editor.locator("li.incomplete")).to_have_count(0)

    # Our "Submit translation for moderation".
    page.goto(f"{base}/admin/translations/{english.pk}/submit/")
    page.get_by_role("button", name="Ajukan terjemahan untuk moderasi").click()
    expect(page.locator(".messages")).to_contain_text("Tourism office moderation")
    assert Page.objects.get(pk=english.pk).workflow_in_progress
    context.close()

    # 3. The moderator approves both from the dashboard's list of what awaits their review.
    context, page = signed_in(browser, base, "rudi")
    approve_from_dashboard(page, base, 2)
    context.close()
    assert Page.objects.get(pk=place.pk).live and Page.objects.get(pk=english.pk).live

    # 4. A visitor reads the place in both languages.
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}{Page.objects.get(pk=place.pk).url}")
    expect(page.locator("h1")).to_have_text("Stasiun Malang Kota Lama")
    page.goto(f"{base}{Page.objects.get(pk=english.pk).url}")
    expect(page.locator("h1")).to_have_text("Old Malang Kota Station")
    expect(page.locator("main")).to_contain_text("A railway station south of the city centre.")
    context.close()
