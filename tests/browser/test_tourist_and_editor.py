"""A tourist and the tourism office, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_tourist_filters_to_temples_opens_candi_jago_and_switches_to_english(
    page, offline, seeded_live_server
):
    page.goto(seeded_live_server.url + "/id/")
    expect(page.locator("h1")).to_contain_text("Pusaka Malang")
    page.get_by_role("link", name=re.compile("Jelajahi|Explore")).click()
    page.locator("select[name=kind]").select_option("temple")
    page.locator(".filters button[type=submit]").click()
    expect(page.locator(".place-list > li")).to_have_count(2)
    # The overview map draws its markers from our own Leaflet, with tiles from the local stand-in.
    expect(page.locator(".leaflet-container").first).to_be_visible()
    page.get_by_role("link", name=re.compile("Candi-jago")).first.click()
    expect(page.locator("h1")).to_have_text("Candi-jago (id)")
    page.locator(".language-switcher a[data-lang=en]").click()
    expect(page.locator("h1")).to_have_text("Candi-jago (en)")
    assert page.url == seeded_live_server.url + "/en/places/candi-jago/"
    assert offline == [], f"requests tried to leave the machine: {offline}"


def _login(page, base, username, password):
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_an_editor_submits_a_change_a_moderator_publishes_and_the_tourist_sees_it(
    browser, seeded_live_server, django_user_model
):
    from django.contrib.auth.models import Group

    from heritage.models import PlacePage
    from home.seed import EDITORS, MODERATORS

    editor = django_user_model.objects.create_user("siti", password="siti-pw-for-tests")
    editor.groups.add(Group.objects.get(name=EDITORS))
    moderator = django_user_model.objects.create_user("budi", password="budi-pw-for-tests")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    jago = PlacePage.objects.get(slug="candi-jago", locale__language_code="id")
    base = seeded_live_server.url
    new_summary = "Candi pendharmaan Wisnuwardhana di Tumpang, diperbarui oleh editor."

    editor_page = browser.new_context().new_page()
    _login(editor_page, base, "siti", "siti-pw-for-tests")
    editor_page.goto(f"{base}/admin/pages/{jago.pk}/edit/")
    expect(editor_page.locator(".mh-map-picker .leaflet-container")).to_be_attached()
    editor_page.locator("#id_summary").fill(new_summary)
    editor_page.locator("footer .w-dropdown__toggle").first.click()
    # Editors have no publish button: only "Submit to … moderation".
    expect(editor_page.locator("button[name=action-publish]")).to_have_count(0)
    editor_page.get_by_role("button", name=re.compile("Submit to Tourism office moderation")).click()
    expect(editor_page.locator(".messages")).to_contain_text("submitted")

    # Not published yet: the tourist still reads the old summary.
    tourist = browser.new_context().new_page()
    tourist.goto(base + jago.url)
    expect(tourist.locator(".lead")).not_to_have_text(new_summary)

    moderator_page = browser.new_context().new_page()
    _login(moderator_page, base, "budi", "budi-pw-for-tests")
    moderator_page.goto(f"{base}/admin/pages/{jago.pk}/edit/")
    moderator_page.locator("footer .w-dropdown__toggle").first.click()
    # The moderator sees the submitted summary and approves it, which publishes it.
    expect(moderator_page.locator("#id_summary")).to_have_value(new_summary)
    moderator_page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(moderator_page.locator(".messages")).to_contain_text("Candi-jago (id)")
    jago.refresh_from_db()
    assert jago.live and not jago.has_unpublished_changes

    tourist.goto(base + jago.url)
    expect(tourist.locator(".lead")).to_have_text(new_summary)
