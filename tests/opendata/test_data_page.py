"""The open-data page for people, /id/data/ and /en/data/ (issue 14)."""

import pytest

from django.test import override_settings

from heritage.models import PlacePage


@pytest.mark.parametrize(
    ("path", "lang", "heading", "places"),
    [
        ("/id/data/", "id", "Data terbuka", "Tempat warisan Malang"),
        ("/en/data/", "en", "Open data", "Heritage places of Malang"),
    ],
)
def test_the_page_describes_each_dataset_in_its_language(client, sample_site, path, lang, heading, places):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html and f"<h1>{heading}</h1>" in html
    assert places in html
    for dataset in ("places", "centres", "products", "itineraries", "qr-scans"):
        assert f'id="{dataset}"' in html
    count = PlacePage.objects.live().public().filter(locale__language_code=lang).count()
    assert count and f"{count} " in html.split('id="dataset-places"')[1].split("</section>")[0]
    for link in ("/api/sites.geojson", "/api/sites.csv", "/api/sites.gpkg", "/ogc/collections/places"):
        assert f'href="{link}"' in html
    assert "https://creativecommons.org/licenses/by/4.0/" in html and "ODbL" in html
    assert 'href="https://heritage.example.id/data/catalog.jsonld"' in html
    assert '<link rel="alternate" hreflang="en" href="https://heritage.example.id/en/data/">' in html
    assert "public" in response["Cache-Control"]


def test_every_file_the_page_links_answers(client, sample_site):
    html = client.get("/en/data/").content.decode()
    import re

    links = set(re.findall(r'href="(/(?:api|ogc|data)/[^"]*)"', html))
    assert len(links) >= 10
    for link in links:
        assert client.get(link).status_code == 200, link


def test_the_footer_leads_to_it(client, sample_site):
    assert 'href="/id/data/"' in client.get("/id/").content.decode()


def test_a_hostile_publisher_name_stays_text(client, sample_site):
    hostile = "Dinas `x` ${alert(1)} </script><script>alert(1)</script>"
    publisher = {"name": hostile, "url": "https://disporapar.malangkota.go.id/", "email": ""}
    with override_settings(OPEN_DATA_PUBLISHER=publisher):
        html = client.get("/en/data/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "Dinas `x` ${alert(1)} &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
