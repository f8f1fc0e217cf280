"""The OGC API as people see it: HTML for every resource (a browser's Accept header asks for it), with the
editor-controlled titles shown as text, never as markup or script."""

import pytest
from lxml import html as lxml_html

from django.conf import settings

from heritage.models import PlacePage

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
HOSTILE = (
    "</script><script>alert(`x`)</script> ${constructor.constructor('alert(1)')()} <b>tebal</b> & \"kutip\""
)


def _page(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/html; charset=utf-8"
    return lxml_html.fromstring(response.content)


@pytest.mark.parametrize(
    "path",
    ["", "conformance", "api", "collections", "collections/plaques", "collections/centres/items"],
)
def test_a_browser_gets_html_and_a_script_gets_json_from_the_same_address(client, ogc_site, path):
    page = _page(client.get(f"/ogc/{path}", HTTP_ACCEPT=BROWSER_ACCEPT))
    assert page.xpath("//h1") and page.xpath("//link[@rel='alternate'][@type='application/json']")
    as_script = client.get(f"/ogc/{path}")  # no Accept header, as curl or a script
    assert as_script["Content-Type"].startswith("application/")
    assert as_script.json()
    geojson = client.get(f"/ogc/{path}", HTTP_ACCEPT="application/geo+json, application/json;q=0.9")
    assert geojson["Content-Type"].startswith("application/")
    assert "Accept" in as_script["Vary"]


def test_f_wins_over_the_accept_header(client, ogc_site):
    assert (
        client.get("/ogc/collections?f=json", HTTP_ACCEPT=BROWSER_ACCEPT)["Content-Type"]
        == "application/json"
    )
    html = client.get("/ogc/collections?f=html", HTTP_ACCEPT="application/json")
    assert html["Content-Type"] == "text/html; charset=utf-8"


def test_the_html_list_links_each_feature_and_pages_on(client, ogc_site):
    page = _page(client.get("/ogc/collections/places/items?f=html&limit=2"))
    items = page.xpath("//ol[contains(@class, 'ogc-features')]/li/a")
    assert [a.text_content() for a in items] == ["Candi-badut (id)", "Candi-jago (id)"]
    assert all("f=html" in a.get("href") for a in items)
    (next_link,) = page.xpath("//nav[contains(@class, 'pager')]/a[@rel='next']")
    second = _page(client.get(next_link.get("href")))
    assert [a.text_content() for a in second.xpath("//ol[contains(@class, 'ogc-features')]/li/a")] == [
        "Kawah-bromo (id)"
    ]
    assert second.xpath("//nav[contains(@class, 'pager')]/a[@rel='prev']")


def test_the_html_page_of_a_feature_lists_its_properties(client, ogc_site):
    badut = PlacePage.objects.get(slug="candi-badut", locale__language_code="en")
    page = _page(client.get(f"/ogc/collections/places/items/{badut.translation_key}?f=html&lang=en"))
    assert page.xpath("string(//h1)") == badut.title
    assert page.get("lang") == "en"
    rows = {
        row.xpath("string(th)"): row.xpath("string(td)")
        for row in page.xpath("//table[contains(@class, 'facts')]//tr")
    }
    assert rows["kind"] == "temple" and rows["region"] == "kota-malang" and rows["lang"] == "en"
    assert page.xpath(f"//td/a[@href='{settings.CANONICAL_URL}{badut.url}']")


def test_the_language_links_switch_the_content_language(client, ogc_site):
    page = _page(client.get("/ogc/collections?f=html"))
    (english,) = page.xpath("//ul[contains(@class, 'language-switcher')]//a[@hreflang='en']")
    assert "lang=en" in english.get("href")
    titles = _page(client.get(english.get("href"))).xpath("//h2/a/text()")
    assert "Heritage places" in titles


def test_an_unknown_feature_in_html_is_the_sites_404_page(client, ogc_site):
    response = client.get("/ogc/collections/places/items/not-there?f=html")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_a_hostile_title_is_shown_as_text_in_every_html_page(client, ogc_site):
    badut = PlacePage.objects.get(slug="candi-badut", locale__language_code="id").specific
    badut.title = HOSTILE
    badut.save_revision().publish()
    key = badut.translation_key
    for path in (
        f"/ogc/collections/places/items/{key}?f=html",
        "/ogc/collections/places/items?f=html",
        "/ogc/collections/plaques/items?f=html",
    ):
        response = client.get(path)
        page = _page(response)
        assert page.xpath("//script") == [], path  # no script element at all, hostile or ours
        assert page.xpath("//b") == [], path
        texts = page.xpath("//h1/text() | //ol/li/a/text()")
        assert HOSTILE in texts, (path, texts)
        assert b"</script><script>" not in response.content
    # and in JSON the title is the title, byte for byte
    feature = client.get(f"/ogc/collections/places/items/{key}?f=json").json()
    assert feature["properties"]["title"] == HOSTILE
