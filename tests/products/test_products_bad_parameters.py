"""A malformed link answers 400 with a JSON body naming the parameter, never a 500 and never a silently
unfiltered list; the hub page still shows itself, with a notice, and answers 400 too."""

import pytest

ENDPOINTS = ["products.json", "products.csv", "products.xlsx", "products.pdf"]
BAD = [
    ("sector", "sector=cofee"),
    ("region", "region=atlantis"),
    ("centre", "centre=nowhere"),
    ("export", "export=maybe"),
    ("certification", "certification=iso9001"),
    ("sort", "sort=random"),
    ("lang", "lang=fr"),
    ("sector", "sector=coffee,%00"),
    ("region", "region=" + "x" * 5000),
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("name, query", BAD)
def test_a_bad_parameter_answers_400_naming_it(products_site, client, endpoint, name, query):
    response = client.get(f"/api/{endpoint}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["parameter"] == name
    assert body["error"].startswith(f"{name}: ")


def test_the_message_lists_the_values_that_would_work(products_site, client):
    body = client.get("/api/products.json?lang=en&sector=cofee").json()
    assert "cofee" in body["error"]
    assert "coffee" in body["error"] and "craft" in body["error"]
    body = client.get("/api/products.json?centre=nowhere").json()
    assert "dinoyo" in body["error"] and "sanan" in body["error"]


def test_the_message_is_in_the_language_asked_for(products_site, client):
    from django.utils import translation

    with translation.override("en"):
        english = translation.gettext("Unknown value %(values)s. Use one of: %(valid)s.")
    body = client.get("/api/products.json?lang=en&sort=random", HTTP_ACCEPT_LANGUAGE="id").json()
    assert "random" in body["error"]
    body = client.get("/api/products.json?lang=en&sector=cofee", HTTP_ACCEPT_LANGUAGE="id").json()
    assert body["error"] == "sector: " + english % {
        "values": "cofee",
        "valid": "agriculture, batik, coffee, craft, experience, food",
    }


@pytest.mark.parametrize("query, name", [("region=atlantis", "region"), ("lang=fr", "lang")])
def test_the_centres_geojson_answers_400_too(products_site, client, query, name):
    response = client.get(f"/api/centres.geojson?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == name


def test_a_centre_slug_of_the_other_language_is_still_the_same_centre(products_site, client):
    """Centre slugs are synchronised across languages, so one link works in both."""
    for lang in ("id", "en"):
        assert client.get(f"/api/products.json?lang={lang}&centre=dinoyo").status_code == 200


def test_an_empty_lang_means_indonesian(products_site, client):
    response = client.get("/api/products.json?lang=")
    assert response.status_code == 200
    assert response.json()["lang"] == "id"


def test_only_get_is_allowed(products_site, client):
    assert client.post("/api/products.json").status_code == 405


def test_the_hub_shows_a_notice_naming_the_bad_filter_and_answers_400(hub):
    response, slugs = hub("sector=cofee&region=kota-malang")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "<code>sector</code>" in html and "cofee" in html
    # The bad filter is ignored, not guessed at: the whole catalogue is shown, the featured products above
    # and the others in the list (none twice).
    featured = [product.slug for product in response.context["featured"]]
    assert len(slugs) + len(featured) == 18 and not set(slugs) & set(featured)


def test_the_hub_with_good_filters_answers_200_without_a_notice(hub):
    response, _slugs = hub("sector=craft")
    assert response.status_code == 200
    assert 'role="alert"' not in response.content.decode()
