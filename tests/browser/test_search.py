"""A tourist searching on a phone: suggestions while typing, a facet to narrow, and "use my location"."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Cemoro Lawang's side of the caldera, roughly: far from the city temples, a few km from the crater.
NEAR_BROMO = {"latitude": -7.93, "longitude": 112.96}


def test_a_tourist_gets_suggestions_narrows_by_region_and_searches_near_herself(
    offline_context, seeded_live_server
):
    base = seeded_live_server.url
    context, aborted = offline_context(geolocation=NEAR_BROMO, permissions=["geolocation"], locale="en-GB")
    page = context.new_page()

    page.goto(base + "/en/search/")
    page.locator("#q").press_sequentially("Cand", delay=30)
    # The suggestions come from /api/suggest.json and fill the input's datalist.
    expect(page.locator("#place-suggestions option")).to_have_count(2)
    values = sorted(page.locator("#place-suggestions option").evaluate_all("els => els.map(e => e.value)"))
    assert values == ["Candi-badut (en)", "Candi-jago (en)"]

    page.locator("#q").fill("candi")
    page.locator(".discovery__words button[type=submit]").click()
    expect(page.locator("[data-count]")).to_have_attribute("data-count", "2")
    expect(page.locator(".search-results > li")).to_have_count(2)

    # A facet narrows to one region and says how many places it holds.
    facet = page.locator('.facets a[data-facet-value="kab-malang"]')
    expect(facet).to_contain_text("Kabupaten Malang")
    facet.click()
    expect(page.locator("[data-count]")).to_have_attribute("data-count", "1")
    expect(page.locator(".search-results > li")).to_have_text(re.compile(r"^Candi-jago \(en\)"))
    assert "region=kab-malang" in page.url

    # "Use my location" fills the near field from the phone's position and sorts by distance.
    page.goto(base + "/en/search/")
    page.locator("[data-near-me]").click()
    page.wait_for_url(re.compile(r"near=-7\.93000%2C112\.96000|near=-7\.93000,112\.96000"))
    expect(page.locator(".search-results > li").first).to_contain_text("Kawah-bromo (en)")
    expect(page.locator(".search-results > li").first).to_contain_text(re.compile(r"\d(\.\d)? km"))
    assert aborted == [], f"requests tried to leave the machine: {aborted}"


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_on_a_phone_the_first_results_show_without_scrolling(offline_context, seeded_live_server, lang):
    context, aborted = offline_context(viewport=PHONE)
    page = context.new_page()
    page.goto(seeded_live_server.url + f"/{lang}/search/?q=candi")
    results = page.locator(".search-results > li")
    expect(results).to_have_count(2)
    first = results.first.bounding_box()
    assert first["y"] + first["height"] <= PHONE["height"], f"the first result ends at {first}"
    # The facets follow the results on a phone, instead of pushing them down.
    assert page.locator(".facets").bounding_box()["y"] > first["y"]
    assert page.evaluate("window.scrollY") == 0
    assert aborted == [], f"requests tried to leave the machine: {aborted}"
