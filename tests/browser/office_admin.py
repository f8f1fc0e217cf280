"""The office's people in the admin, for the browser stories: an editor and a moderator of the seeded groups,
signed in from an Indonesian browser, and the moderator's approvals from the dashboard."""

import re

from playwright.sync_api import expect

PASSWORD = "pw-for-browser-tests-only"
APPROVE = 'button[data-workflow-action-url*="/approve/"]:not([data-launch-modal])'


def office_user(django_user_model, name, group_name):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(name, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def signed_in(browser, base, name):
    """A new browser context in Indonesian, kept on the live server, signed in to the admin as ``name``."""
    context = browser.new_context(locale="id-ID")
    context.set_default_timeout(15_000)
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort()
    )
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill(name)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return context, page


def approve_from_dashboard(page, base, count):
    """Approve ``count`` pages from the dashboard's list of what awaits the moderator's review."""
    for _ in range(count):
        page.goto(f"{base}/admin/")
        approve = page.locator(APPROVE)
        # The review actions sit in each row's dropdown: open it, then approve.
        approve.first.locator("xpath=ancestor::*[@data-controller='w-dropdown'][1]//button[1]").first.click()
        approve.first.click()
        page.wait_for_load_state("networkidle")
