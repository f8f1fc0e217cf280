import json
import re

import pytest

from django.core.exceptions import ValidationError


def test_the_root_redirects_to_the_visitors_language(client, sample_site):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="id-ID,id;q=0.9")["Location"] == "/id/"


def test_a_place_page_shows_its_story_facts_and_sources(client, place):
    html = client.get(place.url).content.decode()
    assert "<h1>Candi-badut (id)</h1>" in html
    assert "Paragraf pertama tentang <b>candi-badut</b>" in html
    assert 'class="timeline"' in html and "Prasasti Dinoyo." in html
    assert "Voor de burgers van Malang" in html
    assert "kekunoan.com: Candi Badut" in html  # the source, listed on the page
    assert "-7.95770, 112.59810" in html


def test_a_point_that_only_approximates_the_place_says_so_in_both_languages(client, sample_site):
    from heritage.models import PlacePage

    bromo = PlacePage.objects.get(slug="kawah-bromo", locale__language_code="id")
    assert bromo.location_precision == "approximate"
    html = client.get(bromo.url).content.decode()
    assert "Perkiraan: dalam jarak sekitar satu kilometer" in html
    bromo_en = PlacePage.objects.get(slug="kawah-bromo", locale__language_code="en")
    assert bromo_en.location_precision == "approximate"  # a fact, synchronised across languages
    html_en = client.get(bromo_en.url).content.decode()
    assert "Approximate: within about a kilometre" in html_en
    # a point that marks the place itself carries no such note
    badut = client.get(
        PlacePage.objects.get(slug="candi-badut", locale__language_code="en").url
    ).content.decode()
    assert "precision--" not in badut


def test_the_english_page_is_the_translation_and_links_back(client, place, place_en):
    html = client.get(place_en.url).content.decode()
    assert place_en.url == "/en/places/candi-badut/"
    assert "<h1>Candi-badut (en)</h1>" in html
    assert f'href="{place.url}" hreflang="id"' in html
    assert re.search(
        r'<link rel="alternate" hreflang="id" href="https://heritage.example.id/id/tempat/candi-badut/">',
        html,
    )


def test_nearby_places_are_listed_nearest_first(client, sample_site):
    from heritage.models import PlacePage, places_near

    jago = PlacePage.objects.get(slug="candi-jago", locale__language_code="id")
    names = [page.slug for page, _metres in places_near(jago, radius_m=50_000)]
    assert names == ["candi-badut", "kawah-bromo"]


def test_the_list_filters_by_kind_and_region(client, sample_site):
    html = client.get("/id/tempat/?kind=temple").content.decode()
    assert 'data-count="2"' in html
    html = client.get("/id/tempat/?kind=temple&region=kab-malang").content.decode()
    assert 'data-count="1"' in html and "Candi-jago (id)" in html
    html = client.get("/id/tempat/?type=corridor").content.decode()
    assert 'data-count="1"' in html and "Kawah-bromo (id)" in html


def test_a_bad_filter_is_explained_not_a_500(client, sample_site):
    response = client.get("/id/tempat/?kind=castle&era=%00")
    assert response.status_code == 200
    assert "Nilai tidak dikenal castle" in response.content.decode()
    assert "Unknown value castle" in client.get("/en/places/?kind=castle").content.decode()


def test_a_missing_page_answers_the_404_in_the_language_of_its_address(client, sample_site):
    english = client.get("/en/places/not-there/")
    assert english.status_code == 404
    html = english.content.decode()
    assert '<html lang="en">' in html and "Page not found" in html and "Halaman" not in html
    assert 'action="/en/search/"' in html
    response = client.get("/id/tempat/tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="id">' in html and "Halaman tidak ditemukan" in html and "Page not found" not in html
    assert 'action="/id/search/"' in html


def test_saving_a_place_outside_indonesia_is_refused(place):
    place.latitude, place.longitude = 48.8584, 2.2945
    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert "di luar Indonesia" in str(error.value)


def test_json_ld_is_a_tourist_attraction_with_coordinates(client, place):
    extruct = pytest.importorskip("extruct")
    html = client.get(place.url).content.decode()
    data = extruct.extract(html, base_url="https://heritage.example.id" + place.url, syntaxes=["json-ld"])[
        "json-ld"
    ]
    assert len(data) == 1
    item = data[0]
    assert item["@type"] == ["TouristAttraction", "LandmarksOrHistoricalBuildings"]
    assert item["geo"] == {"@type": "GeoCoordinates", "latitude": -7.9577, "longitude": 112.5981}
    assert item["url"] == "https://heritage.example.id/id/tempat/candi-badut/"


def test_open_graph_and_canonical_tags(client, place):
    html = client.get(place.url).content.decode()
    assert '<meta property="og:title" content="Candi-badut (id)">' in html
    assert '<link rel="canonical" href="https://heritage.example.id/id/tempat/candi-badut/">' in html


def test_sitemap_and_robots(client, sample_site):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/id/tempat/candi-badut/" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "sitemap.xml" in robots


def test_search_finds_a_place_by_its_story(client, sample_site):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    html = client.get("/id/search/?q=candi").content.decode()
    assert "Candi-badut (id)" in html


def test_structured_data_is_not_broken_by_html_in_a_summary(client, place):
    place.summary = "</script><script>alert(1)</script>"
    place.save_revision().publish()
    html = client.get(place.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["description"] == place.summary
