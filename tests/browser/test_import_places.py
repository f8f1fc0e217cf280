"""An office editor, in Indonesian, imports a GeoJSON of three places in chromium: a swapped coordinate is
refused with its reason and nothing is written; the corrected file becomes three drafts."""

import re

import pytest
from playwright.sync_api import expect

from tests.place_import.conftest import NEW_PLACES, bundled_features, geojson

pytestmark = pytest.mark.browser


def test_an_editor_imports_three_places_after_fixing_a_swapped_coordinate(
    browser, seeded_live_server, django_user_model
):
    from django.contrib.auth.models import Group

    from heritage.models import PlacePage
    from home.seed import EDITORS

    editor = django_user_model.objects.create_user("sari", password="sari-pw-for-tests")
    editor.groups.add(Group.objects.get(name=EDITORS))
    base = seeded_live_server.url
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort()
    )
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill("sari")
    page.locator("#id_password").fill("sari-pw-for-tests")
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    places_before = PlacePage.objects.count()

    features = bundled_features(*NEW_PLACES)
    good = geojson(features)
    lon, lat = features[0]["geometry"]["coordinates"][:2]
    features[0]["geometry"]["coordinates"] = [lat, lon]
    swapped = geojson(features)

    page.get_by_role("link", name="Impor tempat").click()
    expect(page.locator("h1")).to_contain_text("Impor tempat")
    page.locator("input[type=file]").set_input_files(
        files=[
            {"name": "tempat-baru.geojson", "mimeType": "application/geo+json", "buffer": swapped.encode()}
        ]
    )
    page.get_by_role("button", name="Periksa berkas").click()
    report = page.locator(".mh-import-report")
    expect(report).to_contain_text("1 dari 3 baris bermasalah; tidak ada yang dapat diimpor")
    expect(report).to_contain_text("lintang dan bujur tampaknya tertukar")
    expect(page.get_by_role("button", name=re.compile("Impor 3 tempat"))).to_have_count(0)
    assert PlacePage.objects.count() == places_before

    page.locator("input[type=file]").set_input_files(
        files=[{"name": "tempat-baru.geojson", "mimeType": "application/geo+json", "buffer": good.encode()}]
    )
    page.get_by_role("button", name="Periksa berkas").click()
    expect(report).to_contain_text("3 tempat siap diimpor")
    page.get_by_role("button", name="Impor 3 tempat sebagai draf").click()
    expect(page.locator(".messages")).to_contain_text("3 tempat diimpor sebagai draf")
    drafts = PlacePage.objects.filter(slug__in=NEW_PLACES, locale__language_code="id")
    assert sorted(drafts.values_list("slug", flat=True)) == sorted(NEW_PLACES)
    assert not any(drafts.values_list("live", flat=True))
    assert PlacePage.objects.count() == places_before + 3
    # The new drafts are listed, each linking to its edit page.
    for draft in drafts:
        expect(page.locator(f'a[href$="/admin/pages/{draft.pk}/edit/"]')).to_have_count(1)
    context.close()
