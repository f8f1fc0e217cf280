"""Creating a page while another request takes its slug (issue 13).

Wagtail 8 autosaves a new page: its first autosave creates the page, and the editor's own "Save draft", a
second tab or a colleague can post the same slug in between. The form checks that the slug is free, then the
page is saved; a page that took the slug between the two used to end in Page.full_clean's ValidationError, a
500. The editor must get the form back with the reason, and nothing half-written.
"""

import json

import pytest
from admin_form_helpers import office_user, page_form_values

from wagtail.admin.forms.pages import WagtailAdminPageForm

pytestmark = pytest.mark.django_db

EDITORS = "Tourism office editors"


@pytest.fixture
def editor(client, sample_site, django_user_model):
    user = office_user(django_user_model, "editor", EDITORS)
    client.force_login(user)
    return user


@pytest.fixture
def create_url(place):
    return f"/admin/pages/add/heritage/heritagesitepage/{place.get_parent().pk}/"


def _new_place_form(client, create_url, slug):
    response = client.get(create_url)
    assert response.status_code == 200
    values = page_form_values(response.content.decode())
    values.update(
        title="Rumah Singa",
        slug=slug,
        summary="Rumah tua di Jalan Ijen.",
        latitude="-7.9720",
        longitude="112.6230",
    )
    return values


@pytest.fixture
def slug_taken_meanwhile(monkeypatch, place):
    """Another request creates a sibling with the submitted slug just after this request's form was checked."""
    original = WagtailAdminPageForm.is_valid

    def is_valid_then_taken(form):
        valid = original(form)
        slug = form.data.get("slug")
        if valid and slug and not place.get_parent().get_children().filter(slug=slug).exists():
            other = type(place)(
                title="Autosave sebelumnya",
                slug=slug,
                summary="Tersimpan oleh permintaan lain.",
                kind=place.kind,
                region=place.region,
                latitude=place.latitude,
                longitude=place.longitude,
                live=False,
            )
            place.get_parent().add_child(instance=other)
        return valid

    monkeypatch.setattr(WagtailAdminPageForm, "is_valid", is_valid_then_taken)


def _pages_with_slug(place, slug):
    return list(place.get_parent().get_children().filter(slug=slug).values_list("title", flat=True))


def test_an_autosave_that_loses_the_race_for_its_slug_gets_a_json_error_not_a_500(
    client, editor, place, create_url, slug_taken_meanwhile
):
    values = _new_place_form(client, create_url, "rumah-singa")
    response = client.post(create_url, values, headers={"accept": "application/json"})
    assert response.status_code == 400
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert answer["error_code"] == "validation_error"
    assert _pages_with_slug(place, "rumah-singa") == ["Autosave sebelumnya"]  # nothing half-written


def test_a_save_that_loses_the_race_shows_the_form_again_with_the_slug_error(
    client, editor, place, create_url, slug_taken_meanwhile
):
    values = _new_place_form(client, create_url, "rumah-singa")
    response = client.post(create_url, values)
    assert response.status_code == 200
    html = response.content.decode()
    assert "rumah-singa" in html and "already in use" in html
    assert "Rumah Singa" in html  # what the editor typed is still in the form
    assert _pages_with_slug(place, "rumah-singa") == ["Autosave sebelumnya"]
    from wagtail.models import Revision

    assert not Revision.objects.filter(object_str="Rumah Singa").exists()


def test_without_a_race_the_same_form_creates_the_draft(client, editor, place, create_url):
    values = _new_place_form(client, create_url, "rumah-singa")
    response = client.post(create_url, values)
    assert response.status_code == 302
    assert _pages_with_slug(place, "rumah-singa") == ["Rumah Singa"]
