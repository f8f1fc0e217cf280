"""The office keeps the register in the admin (issue 16): entries are snippets with drafts, revisions and the
office's moderation workflow; editors may write and submit, moderators publish."""


def _member(django_user_model, group_name, username):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_an_editor_edits_an_entry_and_it_goes_through_the_office_workflow(
    client, sample_site, django_user_model
):
    from heritage.models import RegisterEntry
    from home.seed import EDITORS, WORKFLOW

    entry = RegisterEntry.objects.get(key="kota-malang-2018--buk-gludug")
    assert entry.get_workflow().name == WORKFLOW
    user = _member(django_user_model, EDITORS, "siti")
    assert user.has_perm("heritage.change_registerentry")
    assert not user.has_perm("heritage.publish_registerentry")
    client.force_login(user)
    listing = client.get("/admin/snippets/heritage/registerentry/")
    assert listing.status_code == 200 and "Buk Gludug" in listing.content.decode()
    edit = client.get(f"/admin/snippets/heritage/registerentry/edit/{entry.pk}/")
    assert edit.status_code == 200
    assert 'name="sources"' in edit.content.decode()


def test_a_moderator_may_publish_entries(sample_site, django_user_model):
    from home.seed import MODERATORS

    user = _member(django_user_model, MODERATORS, "budi")
    assert user.has_perm("heritage.publish_registerentry")
