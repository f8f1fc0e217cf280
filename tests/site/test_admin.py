"""The tourism office in the Wagtail admin."""

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.utils import translation


def _editor(django_user_model, group_name):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("siti", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_edit_view_has_a_map_picker_served_from_our_static_files(client, place, django_user_model):
    from home.seed import EDITORS

    client.force_login(_editor(django_user_model, EDITORS))
    response = client.get(f"/admin/pages/{place.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="mh-map-picker"' in html
    assert 'data-lat-input="id_latitude"' in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "unpkg.com" not in html and "cdnjs" not in html


def test_an_editor_cannot_publish_but_a_moderator_can(place, django_user_model):
    from home.seed import EDITORS, MODERATORS

    editor = _editor(django_user_model, EDITORS)
    moderator = django_user_model.objects.create_user("budi", password="pw-for-tests-only")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    assert place.permissions_for_user(editor).can_edit()
    assert not place.permissions_for_user(editor).can_publish()
    assert place.permissions_for_user(moderator).can_publish()


def test_a_place_outside_its_region_is_flagged_to_the_editor(place):
    from heritage.wagtail_hooks import flag_place_outside_its_region_on_edit

    request = RequestFactory().post("/admin/")
    request.session = {}
    request._messages = FallbackStorage(request)
    place.latitude, place.longitude = -7.9425, 112.9531  # the Bromo crater, yet the page says Kota Malang
    with translation.override("en"):
        flag_place_outside_its_region_on_edit(request, place)
    [message] = list(get_messages(request))
    assert "outside Kota Malang" in str(message)
    with translation.override("id"):
        flag_place_outside_its_region_on_edit(request, place)
    assert "tampaknya di luar Kota Malang" in str(list(get_messages(request))[-1])


def test_the_admin_speaks_indonesian_to_those_who_choose_it(client, sample_site, django_user_model):
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("ani", "", "pw-for-tests-only")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "id"
    profile.save()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert 'lang="id"' in html
    assert "Halaman" in html
