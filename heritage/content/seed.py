"""Building the site's content from the bundled data: locales, home, the place list, every place in
Indonesian (the source locale) and English, placeholder artwork, and the tourism office's groups and
moderation workflow.

Idempotent: what exists is left alone (editors may have changed it), what is missing is created. Running it
twice creates nothing the second time.
"""

import datetime as dt
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

from heritage.models import (
    CorridorPlacePage,
    HeritageSitePage,
    LocationPrecision,
    PlaceIndexPage,
    PlaceLink,
    PlaceSource,
    RelatedPlace,
)
from home.models import HomePage

from .loader import PAGES_DIR, STORIES_DIR, load_places, load_story, where_fields
from .placeholders import placeholder_image
from .seed_products import seed_products

LANGS = ("id", "en")
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


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _text(value, lang):
    if isinstance(value, dict):
        return (value.get(lang) or "").strip()
    return (value or "").strip()


def _publish(page):
    page.save_revision().publish()


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
        _publish(home)
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
        _publish(en)
        report.add("home (en)")
    return {"id": home, "en": en.specific}


def ensure_index(homes, locales, report):
    text = {lang: load_story("places", lang, PAGES_DIR) for lang in LANGS}
    index = PlaceIndexPage.objects.filter(locale=locales["id"]).first()
    if index is None:
        index = PlaceIndexPage(title=text["id"].title, slug="tempat", intro=text["id"].summary)
        homes["id"].add_child(instance=index)
        _publish(index)
        report.add("place index (id)")
    en = index.get_translation_or_none(locales["en"])
    if en is None:
        en = index.copy_for_translation(locales["en"])
        en.title, en.intro, en.slug = text["en"].title, text["en"].summary, "places"
        _publish(en)
        report.add("place index (en)")
    return {"id": index, "en": en.specific}


def _place_fields(props, feature, lang):
    designation = props.get("designation") or {}
    ticket = props.get("ticket") or {}
    return {
        "kind": props["kind"],
        "category": props.get("category") or "",
        "era": props.get("era") or "",
        "built": props.get("built") or "",
        "year_from": props.get("year_from"),
        "year_to": props.get("year_to"),
        "architect": props.get("architect") or "",
        "designation_status": designation.get("status") or "",
        "sk_number": designation.get("sk_number") or "",
        "sk_date": _date(designation.get("sk_date")),
        **where_fields(feature),
        "location_precision": props.get("location_precision") or LocationPrecision.SITE,
        "elevation_m": props.get("elevation_m"),
        "opening_hours": _text(props.get("opening_hours"), lang),
        "ticket_domestic_idr": ticket.get("domestic_idr"),
        "ticket_foreign_idr": ticket.get("foreign_idr"),
        "ticket_checked": _date(ticket.get("checked")),
        "ticket_note": (ticket.get(f"note_{lang}") or "").strip(),
        "ticket_source_url": ticket.get("source") or "",
        "access": _text(props.get("access"), lang),
        "accessibility": _text(props.get("accessibility"), lang),
        "featured": bool(props.get("featured")),
    }


def _set_children(page, props):
    page.links.set(
        [PlaceLink(title=link["title"][:200], url=link["url"]) for link in props.get("links") or []]
    )
    page.sources.set(
        [
            PlaceSource(title=src["title"][:300], url=src.get("url") or "")
            for src in props.get("sources") or []
        ]
    )


def ensure_place(feature, indexes, locales, report, stories_dir):
    props = feature["properties"]
    model = CorridorPlacePage if props.get("page_type") == "corridor" else HeritageSitePage
    page = model.objects.filter(locale=locales["id"], slug=props["slug"]).first()
    created = False
    if page is None:
        story = load_story(props["slug"], "id", stories_dir)
        page = model(
            title=story.title,
            slug=props["slug"],
            summary=story.summary,
            story=story.blocks,
            **_place_fields(props, feature, "id"),
        )
        page.image = placeholder_image(story.title, props["kind"])
        _set_children(page, props)
        indexes["id"].add_child(instance=page)
        _publish(page)
        report.add(f"{props['slug']} (id)")
        created = True
    en = page.get_translation_or_none(locales["en"])
    if en is None:
        story = load_story(props["slug"], "en", stories_dir)
        en = page.copy_for_translation(locales["en"]).specific
        en.title, en.summary, en.story = story.title, story.summary, story.blocks
        for name, value in _place_fields(props, feature, "en").items():
            setattr(en, name, value)
        _set_children(en, props)
        _publish(en)
        report.add(f"{props['slug']} (en)")
        created = True
    return page, en.specific, created


def link_related(pages, features, locales):
    """Related places point at the page in the same language; set once, when the place is created."""
    for feature in features:
        props = feature["properties"]
        pair = pages.get(props["slug"])
        if not pair or not pair["created"]:
            continue
        for lang in LANGS:
            page = pair[lang]
            targets = [pages[slug][lang] for slug in props.get("related") or [] if slug in pages]
            page.related_places.set([RelatedPlace(page=target) for target in targets])
            revision = page.save_revision()
            revision.publish()


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
    report = SeedReport()
    locales = ensure_locales(report)
    homes = ensure_home(locales, report)
    indexes = ensure_index(homes, locales, report)
    features = load_places(places_path) if places_path else load_places()
    stories_dir = stories_dir or STORIES_DIR
    pages = {}
    for feature in features:
        page, en, created = ensure_place(feature, indexes, locales, report, stories_dir)
        pages[feature["properties"]["slug"]] = {"id": page, "en": en, "created": created}
    link_related(pages, features, locales)
    ensure_groups_and_workflow(homes, report)
    call_command("assign_short_codes", verbosity=0)  # QR codes for places published before codes existed
    report.homes, report.locales = homes, locales
    if places_path is None:  # the bundled content; sample test worlds add products with seed_products()
        seed_products(homes, locales, report)
    return report
