"""The admin's forms as a browser would send them: the fields and values a page's edit form holds."""

import lxml.html


def page_form_values(html: str) -> dict:
    """The values the admin's page form would submit as it stands (hidden fields, management forms, defaults)."""
    document = lxml.html.fromstring(html)
    [form] = [form for form in document.forms if form.get("id") == "page-edit-form"]
    values: dict = {}
    for name, value in form.form_values():
        values.setdefault(name, value)  # a select multiple repeats its name: one value is enough here
    for stream in form.xpath('.//*[@data-controller="w-block"][@id]'):
        # A StreamField is drawn by the admin's JavaScript, which sends its block count: none here.
        values.setdefault(f"{stream.get('id')}-count", "0")
    return values


def office_user(django_user_model, username: str, group_name: str, language: str = "en"):
    """A member of one of the tourism office's groups, with the admin in the given language."""
    from django.contrib.auth.models import Group

    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_user(username, "", "pw-for-tests-only")
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user
