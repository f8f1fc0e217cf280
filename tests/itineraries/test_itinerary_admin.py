"""The tourism office curates itineraries in the admin and never publishes a broken route."""

from django.utils import translation

from tests.itineraries.conftest import admin_form_data as _post_data


def _places():
    from heritage.models import PlacePage

    return {p.slug: p for p in PlacePage.objects.filter(locale__language_code="id")}


def _index():
    from wagtail.models import Locale

    from home.models import HomePage
    from itineraries.models import ItineraryIndexPage

    home = HomePage.objects.get(locale=Locale.objects.get(language_code="id"))
    index = ItineraryIndexPage(title="Perjalanan", slug="perjalanan")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def test_an_unroutable_itinerary_is_refused_and_the_editor_sees_why(
    client, sample_site, sample_network, django_user_model
):
    from itineraries.models import ItineraryPage

    client.force_login(django_user_model.objects.create_superuser("ani", "", "pw-for-tests-only"))
    index, places = _index(), _places()
    data = _post_data([(places["candi-jago"], ""), (places["kawah-bromo"], "")])
    with translation.override("en"):
        response = client.post(f"/admin/pages/add/itineraries/itinerarypage/{index.pk}/", data)
    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    # The admin speaks the editor's language (Indonesian by default), whatever the request's.
    assert "Rute rencana perjalanan ini tidak dapat dihitung" in html
    assert "Kawah-bromo (id)" in html and "car" in html
    assert not ItineraryPage.objects.exists()


def test_a_routable_itinerary_is_published_with_its_legs(
    client, sample_site, sample_network, django_user_model
):
    from itineraries.models import ItineraryPage

    client.force_login(django_user_model.objects.create_superuser("ani", "", "pw-for-tests-only"))
    index, places = _index(), _places()
    data = _post_data(
        [(places["candi-badut"], ""), (places["candi-jago"], ""), (places["kawah-bromo"], "jeep")]
    )
    response = client.post(f"/admin/pages/add/itineraries/itinerarypage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ItineraryPage.objects.get(slug="uji-admin")
    assert page.live
    assert [leg["mode"] for leg in page.route_data["legs"]] == ["car", "jeep"]
    assert page.get_latest_revision().content["route_data"]["legs"][1]["to"] == "Kawah-bromo (id)"
