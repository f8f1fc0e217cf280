"""The products and investor hub is one tap away on every page (the header) and on the home page; a
product's own map shows where it is among the heritage places around it."""

import json
import re

import pytest
from lxml import html as lxml_html

HUB = {"id": "/id/produk/", "en": "/en/products/"}
HEADER_LABEL = {"id": "Produk", "en": "Products"}
HOME_LABEL = {"id": "Produk lokal dan investasi", "en": "Local products and investment"}


def tree(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200, path
    return lxml_html.fromstring(response.content)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_header_of_every_page_type_links_the_hub_in_the_pages_language(products_site, client, lang):
    from heritage.models import PlacePage

    place = PlacePage.objects.live().filter(locale__language_code=lang).first()
    for path in (f"/{lang}/", place.url, HUB[lang], f"{HUB[lang]}dinoyo/", f"/{lang}/search/?q=candi"):
        links = tree(client, path).xpath("//header[@class='site-header']//nav//a[@data-nav='products']")
        assert [(a.get("href"), a.text_content()) for a in links] == [(HUB[lang], HEADER_LABEL[lang])], path


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_home_page_leads_to_the_hub_beside_the_places(products_site, client, lang):
    home = tree(client, f"/{lang}/")
    links = home.xpath("//section[@class='hero']//a[@data-home='products']")
    assert [(a.get("href"), a.text_content()) for a in links] == [(HUB[lang], HOME_LABEL[lang])]


def test_without_a_hub_the_header_has_no_dead_link(client, sample_site):
    assert 'data-nav="products"' not in client.get("/en/").content.decode()


@pytest.mark.parametrize("path", ["/en/products/keramik-hias-dinoyo/", "/id/produk/keramik-hias-dinoyo/"])
def test_a_products_map_highlights_the_product_among_the_places_near_it(products_site, client, path):
    html = client.get(path).content.decode()
    data = json.loads(re.search(r'var data = (\{"p".*?\});', html).group(1))
    names = [row[2] for row in data["p"]]
    title = lxml_html.fromstring(html).xpath("string(//h1)")
    assert len(names) > 1 and "Candi-badut" in " ".join(names)  # the temple nearby is on the map too
    assert [names[i] for i in data["h"]] == [title]
