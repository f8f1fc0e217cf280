"""An editor adds a stop to the Indonesian itinerary: the English one is shown as behind, and one sync gives
it the same stops, in the same order, pointing at the English places."""

import pytest

from django.urls import reverse

from tests.site.test_translation_moderation import send_for_translation

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


@pytest.fixture
def editor_client(client, sample_site, django_user_model):
    from django.contrib.auth.models import Group

    from home.seed import EDITORS

    user = django_user_model.objects.create_user("dewi", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def stops_of(page):
    """(place slug, place language) of each stop of the page's latest revision, in order."""
    latest = page.get_latest_revision_as_object()
    return [(stop.place.slug, stop.place.locale.language_code) for stop in latest.stops.all()]


def test_an_added_stop_reaches_the_translation_in_one_sync(
    editor_client, sample_site, sample_network, make_itinerary
):
    from wagtail.models import Page
    from wagtail_localize.models import TranslationSource

    from heritage.models import PlacePage
    from itineraries.models import ItineraryStop

    trip = make_itinerary(sample_site, [("candi-badut", 1, 30, False, ""), ("candi-jago", 1, 30, False, "")])
    english = send_for_translation(editor_client, trip)
    assert [slug for slug, _lang in stops_of(english)] == ["candi-badut", "candi-jago"]

    draft = trip.get_latest_revision_as_object()
    draft.stops.add(
        ItineraryStop(
            place=PlacePage.objects.get(slug="kawah-bromo", locale=trip.locale),
            day=1,
            stay_minutes=60,
            sort_order=2,
        )
    )
    draft.save_revision().publish()  # through moderation, as the office publishes

    edit = reverse("wagtailadmin_pages:edit", args=[trip.pk])
    assert "behind: English" in editor_client.get(edit, headers=EN).content.decode()
    source = TranslationSource.objects.get(object_id=trip.translation_key, locale=trip.locale)
    response = editor_client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), headers=EN
    )
    assert response.status_code == 302

    english = Page.objects.get(pk=english.pk).specific
    assert stops_of(english) == [("candi-badut", "en"), ("candi-jago", "en"), ("kawah-bromo", "en")]
    assert "behind: English" not in editor_client.get(edit, headers=EN).content.decode()
