"""Translation is an office editor's job, under moderation: an editor sends a page for translation, the
English copy starts as a draft, cannot go live with untranslated text, goes through the office's workflow,
and the editor of the source is told when translations fall behind and syncs them in one step."""

import pytest

from django.urls import reverse

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


def office_user(django_user_model, name, group_name):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(name, password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(sample_site, django_user_model):
    from home.seed import EDITORS

    return office_user(django_user_model, "dewi", EDITORS)


@pytest.fixture
def moderator(sample_site, django_user_model):
    from home.seed import MODERATORS

    return office_user(django_user_model, "rudi", MODERATORS)


@pytest.fixture
def source(sample_site):
    """A live Indonesian place nobody has translated yet."""
    from wagtail.models import Locale

    from heritage.models import HeritageSitePage, PlaceIndexPage

    index = PlaceIndexPage.objects.get(locale=Locale.objects.get(language_code="id"))
    page = HeritageSitePage(
        title="Stasiun Malang Kota Lama",
        slug="stasiun-malang-kota-lama",
        summary="Stasiun kereta api di selatan pusat kota.",
        latitude="-7.994000",
        longitude="112.631000",
        region="kota-malang",
        kind="station",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def send_for_translation(client, page):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [english.pk]}, headers=EN)
    assert response.status_code == 302, response.content.decode()[:2000]
    return page.get_translation(english).specific


def translate_everything(translation_page):
    from wagtail_localize.models import StringSegment, StringTranslation

    from home.translations import translation_of

    translation = translation_of(translation_page)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"EN {segment.string.data}"},
        )
    return translation


def test_the_office_has_one_set_of_groups_and_one_workflow(sample_site):
    from django.contrib.auth.models import Group

    from wagtail.models import Workflow

    from home.seed import EDITORS, MODERATORS, WORKFLOW

    assert set(Group.objects.values_list("name", flat=True)) == {EDITORS, MODERATORS}
    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == [WORKFLOW]


def test_an_office_editor_may_send_a_page_for_translation(client, editor, source):
    client.force_login(editor)
    assert editor.has_perm("wagtail_localize.submit_translation")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[source.pk]), headers=EN)
    assert "Translate this page" in edit.content.decode()
    english = send_for_translation(client, source)
    assert english.title == source.title  # still in Indonesian
    assert not english.live, "a new translation is a draft, not live in the wrong language"


def test_a_translation_with_missing_text_cannot_be_published(client, editor, source, django_user_model):
    client.force_login(editor)
    english = send_for_translation(client, source)
    admin = django_user_model.objects.create_superuser("ani", "", "pw-for-tests-only")
    client.force_login(admin)
    edit = reverse("wagtailadmin_pages:edit", args=[english.pk])

    response = client.post(edit, {"action": "publish"}, headers=EN, follow=True)

    assert "Not published:" in response.content.decode()
    assert "not translated into English yet" in response.content.decode()
    english.refresh_from_db()
    assert not english.live


def test_a_finished_translation_goes_live_through_the_workflow(client, editor, moderator, source):
    from wagtail.models import Page

    client.force_login(editor)
    english = send_for_translation(client, source)
    submit = reverse("home_submit_translation", args=[english.pk])
    early = client.post(submit, headers=EN, follow=True)
    assert "Not submitted:" in early.content.decode()
    assert Page.objects.get(pk=english.pk).workflow_in_progress is False

    translate_everything(english)
    confirm = client.get(submit, headers=EN)
    assert "The translation is complete" in confirm.content.decode()
    done = client.post(submit, headers=EN, follow=True)
    assert "was submitted to Tourism office moderation" in done.content.decode()

    english = Page.objects.get(pk=english.pk).specific
    assert english.workflow_in_progress and not english.live
    task_state = english.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    english = Page.objects.get(pk=english.pk).specific
    assert english.live and english.title == "EN Stasiun Malang Kota Lama"


def test_the_editor_of_the_source_sees_a_translation_is_behind_and_syncs_it(client, editor, source):
    from wagtail.models import Page

    client.force_login(editor)
    english = send_for_translation(client, source)
    translate_everything(english)
    edit_source = reverse("wagtailadmin_pages:edit", args=[source.pk])
    assert "changed since it was translated" not in client.get(edit_source, headers=EN).content.decode()

    source.summary = "Stasiun kereta api tertua di Malang, di selatan pusat kota."
    source.save_revision(user=editor).publish()  # approved and published

    opened = client.get(edit_source, headers=EN).content.decode()
    assert "This page changed since it was translated; behind: English." in opened
    sync = reverse("wagtail_localize:update_translations", args=[_source_id(source)])
    assert sync in opened
    form = client.get(sync, headers=EN).content.decode()
    assert "Update existing translations" in form
    assert 'name="publish_translations"' not in form and "Publish immediately" not in form  # never offered
    response = client.post(sync, {"publish_translations": "on"}, headers=EN, follow=True)  # a crafted POST
    assert response.status_code == 200
    assert "Synced as drafts" in response.content.decode()
    assert "changed since it was translated" not in client.get(edit_source, headers=EN).content.decode()
    assert not Page.objects.get(pk=english.pk).live  # "publish immediately" did not go past moderation


def _source_id(page):
    from wagtail_localize.models import TranslationSource

    return TranslationSource.objects.get(object_id=page.translation_key, locale_id=page.locale_id).pk


def test_the_language_behind_is_named_in_the_editors_language():
    """An Indonesian editor reads "Inggris", not the name English gives itself."""
    from django.utils import translation

    from wagtail.models import Locale

    from home.translations import language_name

    english = Locale(language_code="en")
    with translation.override("id"):
        assert language_name(english) == "Inggris"
    with translation.override("en"):
        assert language_name(english) == "English"
