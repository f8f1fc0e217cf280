"""A search near a point (the visitor's "Use my location", or a typed lat,lon) shows its results on a map as well
as in the list (issue 17, "found in two taps"); a search by words alone has no map."""

import json
import re

import pytest

JAGO = "-8.0059,112.7575"  # the sample's Candi Jago
HOSTILE = "Candi `${alert(1)}` </script><script>alert(2)</script>"


def map_titles(html: str) -> list[str]:
    found = re.search(r'var data = (\{"p".*?\});', html)
    return [row[2] for row in json.loads(found.group(1))["p"]] if found else []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_search_near_a_point_shows_its_results_on_a_map(client, sample_site, lang):
    html = client.get(f"/{lang}/search/", {"near": JAGO, "radius": 100}).content.decode()
    listed = re.findall(r'<ul class="search-results">(.*?)</ul>', html, re.S)[0]
    titles = map_titles(html)
    assert titles and all(title in listed for title in titles)
    assert f"Candi-jago ({lang})" in titles
    assert 'class="search-map"' in html
    heading = "tempat yang tercantum di sini, pada peta" if lang == "id" else "places listed here, on the map"
    assert heading in html


def test_a_search_by_words_alone_has_no_map(client, sample_site):
    html = client.get("/en/search/", {"q": "candi"}).content.decode()
    assert "search-results" in html and 'class="search-map"' not in html and not map_titles(html)


def test_a_hostile_title_on_the_near_map_stays_data(client, sample_site):
    from heritage.models import PlacePage

    page = PlacePage.objects.get(slug="candi-jago", locale__language_code="en").specific
    page.title = HOSTILE
    page.save_revision().publish()
    html = client.get("/en/search/", {"near": JAGO, "radius": 5}).content.decode()
    assert HOSTILE in map_titles(html)
    assert "<script>alert(2)</script>" not in html
