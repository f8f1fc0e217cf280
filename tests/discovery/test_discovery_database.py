"""Discovery search on the embedded engine (the database): what a visitor gets from the search page and
/api/search.json with words, facets and "near a point"."""

import re

import pytest

from heritage.models import PlacePage

JAGO = (-8.0059, 112.7575)  # the sample's Candi Jago


def api(client, **params):
    response = client.get("/api/search.json", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_words_find_the_temples_and_not_the_crater(client, sample_site):
    body = api(client, q="candi")
    assert body["engine"] == "database"
    assert sorted(r["title"] for r in body["results"]) == ["Candi-badut (id)", "Candi-jago (id)"]
    assert body["total"] == 2


def test_near_a_point_keeps_the_radius_and_sorts_by_distance(client, sample_site):
    near = f"{JAGO[0]},{JAGO[1]}"
    close = api(client, near=near, radius=5, lang="en")
    assert [r["title"] for r in close["results"]] == ["Candi-jago (en)"]
    assert close["results"][0]["distance_m"] < 50

    wide = api(client, near=near, radius=100, lang="en")
    titles = [r["title"] for r in wide["results"]]
    distances = [r["distance_m"] for r in wide["results"]]
    assert titles[0] == "Candi-jago (en)" and len(titles) == 3
    assert distances == sorted(distances)
    # Badut lies about 18 km west of Jago: a great-circle distance, not degrees.
    badut = dict(zip(titles, distances, strict=True))["Candi-badut (en)"]
    assert 16_000 < badut < 20_000


def test_a_facet_counts_everything_but_its_own_choice(client, sample_site):
    body = api(client, kind="temple", q="", near="-7.98,112.75", radius=100)
    assert {r["kind"] for r in body["results"]} == {"temple"}
    kinds = {v["value"]: (v["count"], v["selected"]) for v in body["facets"]["kind"]}
    # The crater still shows, so the visitor can add it; temple is marked as chosen.
    assert kinds == {"temple": (2, True), "crater": (1, False)}
    regions = {v["value"]: v["count"] for v in body["facets"]["region"]}
    assert "probolinggo" not in regions  # the region facet applies the kind choice
    assert sum(regions.values()) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"near": "abc"}, "near"),
        ({"near": "-8.0,112.7,3"}, "near"),
        ({"near": "-95,112"}, "near"),
        ({"near": "-8,112", "radius": "-1"}, "radius"),
        ({"near": "-8,112", "radius": "far"}, "radius"),
        ({"kind": "castle"}, "kind"),
        ({"q": "candi", "page": "0"}, "page"),
        ({"q": "candi", "lang": "fr"}, "lang"),
    ],
)
def test_a_malformed_parameter_is_a_400_naming_it(client, sample_site, params, name):
    response = client.get("/api/search.json", params)
    assert response.status_code == 400
    assert response.json()["parameter"] == name


def test_the_search_page_names_a_bad_parameter_and_still_answers(client, sample_site):
    response = client.get("/en/search/", {"q": "candi", "near": "somewhere"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "<code>near</code>" in html
    assert "Candi-jago (en)" in html and "Candi-badut (en)" in html


def test_the_search_page_links_facets_that_add_and_remove_a_choice(client, sample_site):
    html = client.get("/en/search/", {"q": "candi"}).content.decode()
    link = re.search(r'<a href="([^"]+)"[^>]*data-facet-value="temple"', html).group(1)
    refined = client.get("/en/search/" + link.replace("&amp;", "&")).content.decode()
    assert 'aria-current="true" class="selected" data-facet-value="temple"' in refined
    back = re.search(
        r'<a href="([^"]+)" aria-current="true" class="selected" data-facet-value="temple"', refined
    )
    assert "kind=" not in back.group(1)


def test_an_unpublished_place_is_no_longer_found(client, sample_site):
    PlacePage.objects.get(slug="candi-jago", locale__language_code="id").unpublish()
    body = api(client, q="candi")
    assert [r["title"] for r in body["results"]] == ["Candi-badut (id)"]


def test_suggestions_complete_a_title(client, sample_site):
    response = client.get("/api/suggest.json", {"q": "cand", "lang": "id"})
    assert response.status_code == 200
    titles = {s["title"] for s in response.json()["suggestions"]}
    assert titles == {"Candi-badut (id)", "Candi-jago (id)"}
    assert client.get("/api/suggest.json", {"q": "c"}).status_code == 400
