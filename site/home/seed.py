"""The site-wide seed: locales, the home page in both languages (the default site's root), the tourism
office's groups and moderation workflow, and then each content area's bundled content on top.

Idempotent: what exists is left alone (editors may have changed it), what is missing is created. Running it
twice creates nothing the second time.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from heritage.content.helpers import LANGS, publish
from heritage.content.loader import PAGES_DIR, load_story
from heritage.content.seed import seed_places
from products.content.seed import seed_products

from .models import HomePage

EDITORS = "Tourism office editors"
MODERATORS = "Tourism office moderators"
WORKFLOW = "Tourism office moderation"


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    homes: dict = field(default_factory=dict)
    locales: dict = field(default_factory=dict)

    def add(self, what: str) -> None:
        self.created.append(what)


def ensure_locales(report):
    locales = {}
    for code in LANGS:
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            report.add(f"locale {code}")
        locales[code] = locale
    return locales


def ensure_home(locales, report):
    """The Indonesian home is the default site's root; its English translation sits beside it."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locales["id"]).first()
    story = {lang: load_story("home", lang, PAGES_DIR) for lang in LANGS}
    if home is None:
        home = HomePage(
            title=story["id"].title, slug="beranda", intro=story["id"].summary, body=story["id"].blocks
        )
        home.locale = locales["id"]
        root.add_child(instance=home)
        publish(home)
        report.add("home (id)")
        # Wagtail's install creates a "Welcome" page as the default site root: hand the site to our home.
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        else:
            site.root_page = home
            site.save()
        if (
            old_root
            and old_root.pk != home.pk
            and old_root.specific_class is Page
            and not old_root.get_children()
        ):
            old_root.delete()
    home = home.specific
    en = home.get_translation_or_none(locales["en"])
    if en is None:
        en = home.copy_for_translation(locales["en"])
        en.title, en.intro, en.body = story["en"].title, story["en"].summary, story["en"].blocks
        en.slug = "home"
        publish(en)
        report.add("home (en)")
    return {"id": home, "en": en.specific}


def ensure_groups_and_workflow(homes, report):
    """Editors create and edit places and submit them; moderators publish. One workflow on both homes."""
    editors, created_e = Group.objects.get_or_create(name=EDITORS)
    moderators, created_m = Group.objects.get_or_create(name=MODERATORS)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    image_perms = Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=["add_image", "change_image", "choose_image"]
    )
    for group, codenames in (
        (editors, ["add_page", "change_page", "lock_page"]),
        (moderators, ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"]),
    ):
        group.permissions.add(admin_access)
        for home in homes.values():
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        root_collection = Collection.get_first_root_node()
        for permission in image_perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    if created_e or created_m:
        report.add("groups")
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW)
    if created:
        task = GroupApprovalTask.objects.create(name="Moderator approval")
        task.groups.set([moderators])
        # workflow_tasks is a modelcluster relation: its .create() would not reach the database.
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        report.add("workflow")
    for home in homes.values():
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


@transaction.atomic
def seed(places_path=None, stories_dir=None) -> SeedReport:
    """The site, its groups and workflow, and the places; with the bundled places (no `places_path`), the
    bundled products too (sample test worlds add products with `seed_products()`)."""
    report = SeedReport()
    locales = ensure_locales(report)
    homes = ensure_home(locales, report)
    seed_places(homes, locales, report, places_path, stories_dir)
    ensure_groups_and_workflow(homes, report)
    call_command("assign_short_codes", verbosity=0)  # QR codes for places published before codes existed
    report.homes, report.locales = homes, locales
    if places_path is None:
        seed_products(homes, locales, report)
    return report
