"""An investor and a tourist meet Malang's local products in a real browser."""

import io
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def products_live_server(seeded_live_server):
    """The sample places plus the bundled product catalogue (7 centres, 18 products), id and en."""
    from products.content.seed import seed_products

    seed_products()
    return seeded_live_server


def test_an_investor_filters_to_export_ready_coffee_opens_it_and_downloads_the_spreadsheet(
    page, offline, products_live_server, tmp_path
):
    from openpyxl import load_workbook

    page.goto(products_live_server.url + "/en/products/")
    expect(page.locator("#featured-heading")).to_be_visible()
    page.locator(".product-filters select[name=sector]").select_option("coffee")
    page.locator(".product-filters select[name=export]").select_option("ready")
    page.locator(".product-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"sector=coffee.*export=ready"))
    cards = page.locator(".product-list .product-card")
    expect(cards).to_have_count(1)
    expect(page.locator("#featured-heading")).to_have_count(0)

    cards.first.click()
    expect(page.locator("h1")).to_have_text("Dampit Robusta Coffee (Green Beans)")
    facts = page.locator(".trade-facts")
    expect(facts).to_contain_text("Export-ready")
    expect(facts).to_contain_text("Rp20,000–Rp26,000")  # English thousands separator
    expect(facts).to_contain_text("No public business contact is listed.")

    page.go_back()
    expect(cards).to_have_count(1)
    with page.expect_download() as download_info:
        page.locator(".catalogue-downloads a[data-format=xlsx]").click()
    download = download_info.value
    assert download.suggested_filename == "malang-products-coffee-ready.xlsx"
    target = tmp_path / download.suggested_filename
    download.save_as(target)

    sheet = load_workbook(io.BytesIO(target.read_bytes()))["Products"]
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert header[0] == "Product"
    assert [row[0] for row in rows] == ["Dampit Robusta Coffee (Green Beans)"]
    assert rows[0][header.index("Export readiness")] == "Export-ready"
    assert offline == [], f"requests tried to leave the machine: {offline}"


def test_a_tourist_at_candi_badut_sees_dinoyo_ceramics_made_nearby(page, offline, products_live_server):
    page.goto(products_live_server.url + "/en/places/candi-badut/")
    nearby = page.locator("section.place__trade")
    expect(nearby.locator("#made-nearby")).to_have_text("Made nearby")
    expect(nearby.locator(".trade-list__centre").first).to_contain_text("Dinoyo Ceramics Village")
    expect(nearby.locator(".trade-list__product").first).to_contain_text("Dinoyo Decorative Ceramics")
    expect(nearby.locator(".trade-list__centre").first).to_contain_text("1.9 km")

    nearby.get_by_role("link", name="Dinoyo Ceramics Village").click()
    expect(page.locator("h1")).to_have_text("Dinoyo Ceramics Village")
    expect(page.locator(".centre__products .product-card")).to_have_count(3)
    expect(page.locator(".place__map .leaflet-container")).to_be_visible()
    assert offline == [], f"requests tried to leave the machine: {offline}"


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize(
    ("lang", "label", "hub"), [("en", "Products", "/en/products/"), ("id", "Produk", "/id/produk/")]
)
def test_on_a_phone_the_hub_is_one_tap_from_a_place_and_from_the_home_page(
    offline_context, products_live_server, lang, label, hub
):
    context, aborted = offline_context(viewport=PHONE)
    page = context.new_page()
    place = {"en": "/en/places/candi-badut/", "id": "/id/tempat/candi-badut/"}[lang]
    page.goto(products_live_server.url + place)
    link = page.locator(".site-header nav a[data-nav=products]")
    expect(link).to_have_text(label)
    box = link.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"] and box["x"] + box["width"] <= PHONE["width"]
    link.click()
    expect(page).to_have_url(products_live_server.url + hub)
    expect(page.locator("#featured-heading")).to_be_visible()

    page.goto(products_live_server.url + f"/{lang}/")
    page.locator(".hero a[data-home=products]").click()
    expect(page).to_have_url(products_live_server.url + hub)
    assert aborted == [], f"requests tried to leave the machine: {aborted}"
