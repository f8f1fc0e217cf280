"""Issue 16, as a visitor: the register filtered to the 2022 objects (benda) in both languages, the count and
the list matching the filters, the map of the entries that have a point, and one entry whose object is kept at
Museum Mpu Purwa opened from the list: it says where the object is kept, where its point is, its sources and
its designation event.

No bundled entry says which museum keeps it (no public source found names the museum of a 2022 object), so
the office's entry here is the test's own, with a name no real object has; its point is the museum's, as the
bundled places give it (from the museum's Wikipedia article).
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MUSEUM = {"lat": "-7.940389", "lon": "112.620861"}
KEPT = "Disimpan di Museum Mpu Purwa"
SOURCE = "https://women.okezone.com/read/2023/06/19/408/2833137/yuk-belajar-sejarah-peradaban-malang-sejak-zaman-pra-kerajaan-mataram-kuno-di-museum-mpu-purwa"


@pytest.fixture
def kept_entry(seeded_live_server):
    """An entry the office added: a 2022 object (benda) kept at the museum, with the museum's point."""
    from heritage.models import RegisterEntry

    entry = RegisterEntry(
        name="Arca Contoh Uji",
        category="benda",
        rank="city",
        year=2022,
        designation="Harkitnas, 20 Mei 2022",
        latitude=MUSEUM["lat"],
        longitude=MUSEUM["lon"],
        location_note=KEPT,
        sources=SOURCE,
    )
    entry.save()
    entry.save_revision().publish()
    return entry


def _benda_2022():
    from heritage.models import RegisterEntry

    return set(
        RegisterEntry.objects.filter(live=True, year=2022, category="benda").values_list("name", flat=True)
    )


@pytest.mark.parametrize(
    ("path", "filter_label"), [("/id/cagar-budaya/", "Saring"), ("/en/heritage-register/", "Filter")]
)
def test_a_visitor_filters_2022_benda_and_opens_an_object_kept_at_the_museum(
    page, offline, seeded_live_server, kept_entry, path, filter_label
):
    expected = _benda_2022()
    assert "Arca Agastya" in expected and kept_entry.name in expected
    page.goto(seeded_live_server.url + path)
    all_count = int(page.locator("[data-count]").get_attribute("data-count"))
    assert all_count > len(expected)

    form = page.locator("form.filters")
    form.locator("select[name=category]").select_option("benda")
    form.locator("select[name=year]").select_option("2022")
    form.get_by_role("button", name=filter_label).click()
    page.wait_for_url(re.compile(r"category=benda"))
    assert "year=2022" in page.url

    entries = page.locator("li.register-entry")
    names = {name.strip() for name in entries.locator("h2").all_inner_texts()}
    assert names == expected
    count = page.locator("[data-count]")
    assert int(count.get_attribute("data-count")) == len(expected)
    expect(count).to_contain_text(str(len(expected)))
    # The filters stay chosen on the filtered page.
    expect(form.locator("select[name=category]")).to_have_value("benda")
    expect(form.locator("select[name=year]")).to_have_value("2022")

    # The map of the entries that have a point shows, with the museum's dot.
    expect(page.locator(".overview-map .leaflet-container")).to_be_visible()
    expect(page.locator(".overview-map .leaflet-interactive").first).to_be_attached()

    page.get_by_role("link", name=kept_entry.name, exact=True).click()
    page.wait_for_url(re.compile(rf"#entry-{kept_entry.pk}$"))
    opened = page.locator(f"li#entry-{kept_entry.pk}")
    expect(opened).to_be_in_viewport()
    expect(opened).to_contain_text(KEPT)
    expect(opened.locator(".coords")).to_have_text("-7.94039, 112.62086")
    expect(opened).to_contain_text("2022 · Harkitnas, 20 ")  # the event, in the page's language where given
    expect(opened.locator("ul.sources a")).to_have_attribute("href", SOURCE)
    assert offline == []
