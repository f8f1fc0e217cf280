"""The home page's hero is the corridor poster the geo library draws (geodata/poster.py), not a placeholder:
in both languages, with its caption and alternative text in the page's language, its size given (no layout
shift) and never lazy, being the largest image above the fold."""

import re

from lxml import html as lxml_html

from django.contrib.staticfiles import finders

from geodata.poster import POSTER_PATH


def poster_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    (figure,) = tree.xpath("//section[@class='hero']/figure[@class='hero__poster']")
    return figure.xpath(".//img")[0], figure.xpath("string(.//figcaption)").strip()


def test_the_hero_is_the_poster_in_the_pages_language(client, sample_site):
    svg = POSTER_PATH.read_text(encoding="utf-8")
    width, height = re.search(r'<svg [^>]*width="(\d+)" height="(\d+)"', svg).groups()
    seen = {}
    for url in ("/id/", "/en/"):
        img, caption = poster_of(client, url)
        assert img.get("src").startswith("/static/geodata/corridor-poster")
        assert finders.find("geodata/corridor-poster.svg") == str(POSTER_PATH)
        assert (img.get("width"), img.get("height")) == (width, height)
        assert img.get("loading") != "lazy" and img.get("fetchpriority") == "high"
        seen[url] = (img.get("alt"), caption)
    assert seen["/en/"][0].startswith("Map of the road from Tugu Malang")
    assert seen["/id/"][0].startswith("Peta jalan dari Tugu Malang")
    assert "Bromo" in seen["/en/"][1] and "Bromo" in seen["/id/"][1]
    assert seen["/id/"][1].startswith("Dari tugu kota")
