"""The register of designated heritage from the bundled lists (`heritage/content/register/*.json`): the
register page in both languages and one entry per designated object.

Each entry is a ledger item keyed by its list and its own key ("register:kota-malang-2018:buk-gludug"),
created once and published, then the office's: an entry an editor changed or deleted is left as it is. An
entry whose object has a tourist page links to it and takes its point from it; any other has no point.
"""

import json
from pathlib import Path

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import WorkflowContentType

from heritage.models import PlacePage, RegisterEntry, RegisterIndexPage

from .helpers import LANGS, iso_date, publish, text_in
from .loader import PAGES_DIR, load_story

REGISTER_DIR = Path(__file__).resolve().parent / "register"


def load_lists(folder: Path = REGISTER_DIR) -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]


def lists_note(lists, lang) -> str:
    return "\n\n".join(text_in(item["count_note"], lang) for item in lists if item.get("count_note"))


def ensure_register_index(homes, locales, report, lists):
    text = {lang: load_story("register", lang, PAGES_DIR) for lang in LANGS}

    def create():
        if homes.get("id") is None:
            return None
        index = RegisterIndexPage(
            title=text["id"].title,
            slug="cagar-budaya",
            intro=text["id"].summary,
            lists_note=lists_note(lists, "id"),
        )
        homes["id"].add_child(instance=index)
        publish(index)
        return index

    def translate(index):
        en = index.copy_for_translation(locales["en"])
        en.title, en.intro, en.slug = text["en"].title, text["en"].summary, "heritage-register"
        en.lists_note = lists_note(lists, "en")
        publish(en)
        return en

    return report.ensure_pair(
        "register-index",
        "register index",
        locales,
        lambda: RegisterIndexPage.objects.filter(locale=locales["id"]).first(),
        create,
        translate,
    )


def entry_fields(item: dict, listing: dict, locales) -> dict:
    """The fields of one bundled entry: its own values first, then its list's (rank, year, event, sources)."""
    sources = [*item.get("sources", []), *listing.get("sources", [])]
    if item.get("category") and listing.get("category_source"):
        sources.append(listing["category_source"])
    fields = {
        "key": f"{listing['list']}--{item['key']}",
        "name": item["name"],
        "category": item.get("category", ""),
        "rank": item.get("rank") or listing["rank"],
        "year": item.get("year") or listing["year"],
        "designation": text_in(item.get("designation") or listing["designation"], "id"),
        "designation_en": text_in(item.get("designation") or listing["designation"], "en"),
        "decree_number": item.get("decree_number", ""),
        "decree_date": iso_date(item.get("decree_date")),
        "district": item.get("district", ""),
        "current_use": item.get("current_use", ""),
        "location_note": item.get("location_note", ""),
        "sources": "\n".join(dict.fromkeys(sources)),
    }
    page = None
    if item.get("place"):
        page = PlacePage.objects.filter(slug=item["place"], locale=locales["id"]).first()
    if page is not None:
        fields.update(tourist_page=page, latitude=page.latitude, longitude=page.longitude)
        fields["district"] = fields["district"] or page.district
    return fields


def ensure_entry(item, listing, locales, report):
    fields = entry_fields(item, listing, locales)

    def create():
        entry = RegisterEntry(**fields)
        entry.save()
        entry.save_revision().publish()
        return entry

    return report.ensure(
        f"register:{listing['list']}:{item['key']}",
        lambda: RegisterEntry.objects.filter(key=fields["key"]).first(),
        create,
        f"register entry {item['name']}",
    )


def seed_register(homes, locales, report, folder: Path = REGISTER_DIR):
    lists = load_lists(folder)
    ensure_register_index(homes, locales, report, lists)
    return [ensure_entry(item, listing, locales, report) for listing in lists for item in listing["entries"]]


# What each office group may do with register entries: editors write drafts and submit them, moderators
# publish. Publishing goes through the office's workflow, as for pages.
GROUP_CODENAMES = {
    "editors": ["add", "change", "lock", "unlock"],
    "moderators": ["add", "change", "delete", "publish", "lock", "unlock"],
}


def ensure_register_moderation(report, groups: dict, workflow):
    """The office's groups get their rights on entries, and entries go through `workflow` (each given once:
    an office that revokes a right or picks another workflow is not overruled by the next seed)."""
    content_type = ContentType.objects.get_for_model(RegisterEntry)
    for role, group in groups.items():
        if group is None:
            continue
        for action in GROUP_CODENAMES[role]:
            permission = Permission.objects.get(content_type=content_type, codename=f"{action}_registerentry")
            report.ensure(
                f"grant:{role}:registerentry:{action}",
                lambda group=group, permission=permission: group.permissions.filter(pk=permission.pk).first(),
                lambda group=group, permission=permission: group.permissions.add(permission) or permission,
                f"permission {role}:{action}_registerentry",
            )
    if workflow is not None:
        report.ensure(
            "workflow:registerentry",
            lambda: WorkflowContentType.objects.filter(content_type=content_type).first(),
            lambda: WorkflowContentType.objects.create(content_type=content_type, workflow=workflow),
            "workflow on register entries",
        )
