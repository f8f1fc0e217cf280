"""The site-wide seed: locales, the home page in both languages (the default site's root), the tourism
office's groups and moderation workflow, and then each content area's bundled content on top.

Every bundled item is an entry of the seed's ledger (`heritage.content.ledger`): created on a site that never
had it, and from then on the office's to edit, rename, revoke or delete. Running the seed again creates only
what the site never had, and the report says what it created and what it left alone.
"""

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
from heritage.content.ledger import SeedReport
from heritage.content.loader import PAGES_DIR, load_story
from heritage.content.register_seed import ensure_register_moderation, seed_register
from heritage.content.seed import seed_places
from products.content.seed import seed_products

from .canonical import canonical_host
from .models import HomePage

EDITORS = "Tourism office editors"
MODERATORS = "Tourism office moderators"
WORKFLOW = "Tourism office moderation"


def ensure_locales(report):
    """The site's two languages: the frame everything else hangs on, not an item the office may remove."""
    locales = {}
    for code in LANGS:
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            report.add(f"locale {code}")
        locales[code] = locale
    return locales


def _hand_the_site_to(home):
    """Wagtail's install creates a "Welcome" page as the default site root: the site goes to our home, and
    the untouched Welcome page goes."""
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site is None:
        hostname, port = canonical_host()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
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


def ensure_home(locales, report):
    """The Indonesian home is the default site's root; its English translation sits beside it."""
    story = {lang: load_story("home", lang, PAGES_DIR) for lang in LANGS}

    def create():
        home = HomePage(
            title=story["id"].title, slug="beranda", intro=story["id"].summary, body=story["id"].blocks
        )
        home.locale = locales["id"]
        Page.get_first_root_node().add_child(instance=home)
        publish(home)
        _hand_the_site_to(home)
        return home

    def translate(home):
        en = home.specific.copy_for_translation(locales["en"])
        en.title, en.intro, en.body = story["en"].title, story["en"].summary, story["en"].blocks
        en.slug = "home"
        publish(en)
        return en

    return report.ensure_pair(
        "home",
        "home",
        locales,
        lambda: HomePage.objects.filter(locale=locales["id"]).first(),
        create,
        translate,
    )


def _ensure_group(report, key, name):
    return report.ensure(
        f"group:{key}",
        lambda: Group.objects.filter(name=name).first(),
        lambda: Group.objects.create(name=name),
        f"group {name}",
    )


def _grant(report, key, model, **fields):
    """One permission row, given once: an office that revokes it is not overruled by the next seed."""
    report.ensure(
        key,
        lambda: model.objects.filter(**fields).first(),
        lambda: model.objects.create(**fields),
        key.replace("grant:", "permission "),
    )


def ensure_groups_and_workflow(homes, report):
    """Editors create and edit places and submit them; moderators publish. One workflow on both homes."""
    groups = {"editors": _ensure_group(report, "editors", EDITORS)}
    groups["moderators"] = _ensure_group(report, "moderators", MODERATORS)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    submit_translation = Permission.objects.get(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    image_perms = Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=["add_image", "change_image", "choose_image"]
    )
    root_collection = Collection.get_first_root_node()
    for key, codenames in (
        ("editors", ["add_page", "change_page", "lock_page"]),
        ("moderators", ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"]),
    ):
        group = groups[key]
        if group is None:
            continue
        report.ensure(  # a plain group permission: recorded by the permission it gives
            f"grant:{key}:access_admin",
            lambda group=group: group.permissions.filter(pk=admin_access.pk).first(),
            lambda group=group: group.permissions.add(admin_access) or admin_access,
            f"permission {key}:access_admin",
        )
        report.ensure(  # translating is an editor's job: submit pages for translation, sync them
            f"grant:{key}:submit_translation",
            lambda group=group: group.permissions.filter(pk=submit_translation.pk).first(),
            lambda group=group: group.permissions.add(submit_translation) or submit_translation,
            f"permission {key}:submit_translation",
        )
        for lang, home in homes.items():
            if home is None:
                continue
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                _grant(
                    report,
                    f"grant:{key}:home:{lang}:{codename}",
                    GroupPagePermission,
                    group=group,
                    page=home,
                    permission=permission,
                )
        for permission in image_perms:
            _grant(
                report,
                f"grant:{key}:images:{permission.codename}",
                GroupCollectionPermission,
                group=group,
                collection=root_collection,
                permission=permission,
            )

    def create_workflow():
        workflow = Workflow.objects.create(name=WORKFLOW)
        task = GroupApprovalTask.objects.create(name="Moderator approval")
        if groups["moderators"] is not None:
            task.groups.set([groups["moderators"]])
        # workflow_tasks is a modelcluster relation: its .create() would not reach the database.
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        return workflow

    workflow = report.ensure(
        "workflow", lambda: Workflow.objects.filter(name=WORKFLOW).first(), create_workflow, "workflow"
    )
    for lang, home in homes.items():
        if home is None or workflow is None:
            continue
        # The workflow is set on a home once; an office that picks another one (or none) keeps its choice.
        report.ensure(
            f"workflow:home:{lang}",
            lambda home=home: WorkflowPage.objects.filter(page=home).first(),
            lambda home=home: WorkflowPage.objects.create(page=home, workflow=workflow),
            f"workflow on home ({lang})",
        )
    return groups, workflow


@transaction.atomic
def seed(places_path=None, stories_dir=None) -> SeedReport:
    """The site, its groups and workflow, and the places; with the bundled places (no `places_path`), the
    bundled products too (sample test worlds add products with `seed_products()`)."""
    report = SeedReport()
    locales = ensure_locales(report)
    homes = ensure_home(locales, report)
    seed_places(homes, locales, report, places_path, stories_dir)
    seed_register(homes, locales, report)
    groups, workflow = ensure_groups_and_workflow(homes, report)
    ensure_register_moderation(report, groups, workflow)
    call_command("assign_short_codes", verbosity=0)  # QR codes for places published before codes existed
    report.homes, report.locales = homes, locales
    if places_path is None:
        seed_products(homes, locales, report)
    return report
