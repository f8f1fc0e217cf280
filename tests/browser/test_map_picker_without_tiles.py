"""An editor on a network where no map tile arrives: the picker still shows the corridor roads and the
places, says why the background is empty, a click still sets the point, and a point next to another place
is questioned."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_picker_draws_our_own_roads_and_places_when_tiles_fail(
    browser, seeded_live_server, django_user_model
):
    from heritage.models import PlacePage

    django_user_model.objects.create_superuser("ani", "", "ani-pw-for-tests")
    jago = PlacePage.objects.get(slug="candi-jago", locale__language_code="id")
    base = seeded_live_server.url
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    left = []

    def no_tiles(route):  # the live server answers; every tile (and anything else) fails
        if route.request.url.startswith(base):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    page.route("**/*", no_tiles)
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill("ani")
    page.locator("#id_password").fill("ani-pw-for-tests")
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(f"{base}/admin/pages/{jago.pk}/edit/")

    picker = page.locator(".mh-map-picker")
    expect(picker.locator(".mh-map-picker__no-tiles")).to_be_visible()
    # The corridor roads and the three places are drawn as vector paths in Leaflet's overlay pane.
    paths = picker.locator(".leaflet-overlay-pane path")
    expect(paths.nth(50)).to_be_attached()
    assert any("tiles.example.test" in url for url in left), "the tile request was expected to fail"

    picker.locator(".mh-map-picker__map").scroll_into_view_if_needed()
    box = picker.locator(".mh-map-picker__map").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.25)
    latitude = float(page.locator("#id_latitude").input_value())
    longitude = float(page.locator("#id_longitude").input_value())
    assert (latitude, longitude) != (float(jago.latitude), float(jago.longitude))
    assert -9 < latitude < -7 and 112 < longitude < 114
    near = picker.locator(".mh-map-picker__near")
    expect(near).to_be_hidden()

    # Typing a point about 20 m from Candi Badut moves the marker and asks whether it is the same place.
    badut = PlacePage.objects.get(slug="candi-badut", locale__language_code="id")
    page.locator("#id_latitude").fill(f"{float(badut.latitude) + 0.00018:.6f}")
    page.locator("#id_longitude").fill(f"{float(badut.longitude):.6f}")
    expect(near).to_be_visible()
    expect(near).to_contain_text(f"m from {badut.title}: is it the same place?")
    context.close()
