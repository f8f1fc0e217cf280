"""The admin's map picker has a base layer of our own: an editor without map tiles still sees the corridor
roads and the places of the page's language."""

import json

import pytest

pytestmark = pytest.mark.django_db
BASE = "/admin/places/picker-base.geojson"


@pytest.fixture
def editor_client(client, sample_site, django_user_model):
    from django.contrib.auth.models import Group

    from home.seed import EDITORS

    user = django_user_model.objects.create_user("siti", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def layers(response):
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    by_layer = {}
    for feature in data["features"]:
        by_layer.setdefault(feature["properties"]["layer"], []).append(feature)
    return by_layer


def test_the_base_layer_holds_the_corridor_roads_and_the_places_of_one_language(
    editor_client, place, place_en
):
    from geodata.places import CORRIDOR_NETWORK_PATH

    roads = json.loads(CORRIDOR_NETWORK_PATH.read_text(encoding="utf-8"))["features"]
    found = layers(editor_client.get(BASE + "?lang=id"))
    assert len(found["road"]) == len(roads)
    assert {f["geometry"]["type"] for f in found["road"]} <= {"LineString", "MultiLineString"}
    names = {f["properties"]["name"] for f in found["place"]}
    assert place.title in names and place_en.title not in names
    [badut] = [f for f in found["place"] if f["properties"]["name"] == place.title]
    assert badut["geometry"]["coordinates"] == [float(place.longitude), float(place.latitude)]
    english = {f["properties"]["name"] for f in layers(editor_client.get(BASE + "?lang=en"))["place"]}
    assert place_en.title in english and place.title not in english


@pytest.mark.parametrize("query", ["?lang=fr", "?lang=", "?lang[]=id", ""])
def test_an_unknown_language_falls_back_to_indonesian(editor_client, place, query):
    response = editor_client.get(BASE + query)
    assert response.status_code == 200
    assert place.title in {f["properties"]["name"] for f in layers(response)["place"]}


def test_the_base_layer_is_for_the_admin_only(client, sample_site):
    response = client.get(BASE)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_edit_form_points_the_picker_at_the_page_s_language_and_speaks_it(editor_client, place, place_en):
    html = editor_client.get(f"/admin/pages/{place_en.pk}/edit/", headers={"accept-language": "en"}).content
    assert f'data-base-url="{BASE}?lang=en"' in html.decode()
    assert "Map tiles cannot be loaded here." in html.decode()
    indonesian = editor_client.get(f"/admin/pages/{place.pk}/edit/", headers={"accept-language": "id"})
    text = indonesian.content.decode()
    assert f'data-base-url="{BASE}?lang=id"' in text
    assert "Ubin peta tidak dapat dimuat di sini." in text
    assert "Click the map or drag the marker" not in text


def test_a_hostile_title_reaches_the_picker_as_a_json_string(editor_client, place):
    hostile = "`${alert(1)}`</script><img src=x onerror=alert(2)>"
    place.title = hostile
    place.save_revision().publish()
    response = editor_client.get(BASE + "?lang=id")
    assert response["Content-Type"] == "application/json"  # data for fetch(), never parsed as HTML
    assert hostile in {f["properties"]["name"] for f in layers(response)["place"]}
