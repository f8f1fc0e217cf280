"""The whole admin in Indonesian for an editor who chose it (issue 13).

Walks every edit form of the project (the create and edit views of each page type, the register's snippet,
the import page, the plaque and scan reports, the dashboard) as a user whose admin language is Indonesian,
and fails on any of the project's own strings (project_msgids: read from the source, not the catalogue)
that still shows in English. A string that is the same in both languages is allowed only where the
catalogue says so (msgstr equal to msgid: "Museum", "Total").
"""

import gettext
import json
import re

import lxml.html
import pytest
from admin_form_helpers import page_form_values
from project_msgids import ROOT, project_msgids

pytestmark = pytest.mark.django_db

CATALOGUE = ROOT / "site/config/locale/id/LC_MESSAGES/django.mo"
SHOWN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt", "data-w-tooltip-content-value")


def _same_in_both_languages() -> set[str]:
    with open(CATALOGUE, "rb") as file:
        catalogue = gettext.GNUTranslations(file)._catalog
    return {msgid for msgid, msgstr in catalogue.items() if isinstance(msgid, str) and msgid == msgstr}


def _strings_in_json(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in_json(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in_json(item)


def shown_texts(html: str) -> set[str]:
    """What a user reads on an admin page: text, the attributes shown as text, and the labels and help of
    StreamField blocks (in the JSON the admin's JavaScript draws them from)."""
    document = lxml.html.fromstring(html)
    for element in document.xpath("//script|//style"):
        element.drop_tree()
    found = {re.sub(r"\s+", " ", t).strip() for t in document.itertext()}
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name in SHOWN_ATTRIBUTES:
            if element.get(name):
                found.add(element.get(name).strip())
        if element.get("data-w-block-data-value"):
            found.update(
                s.strip() for s in _strings_in_json(json.loads(element.get("data-w-block-data-value")))
            )
    return {t for t in found if t}


def untranslated(html: str, checked: list[str]) -> set[str]:
    texts = shown_texts(html)
    english = set()
    for msgid in checked:
        if msgid in texts or (len(msgid) >= 30 and any(msgid in t for t in texts)):
            english.add(msgid)
    return english


@pytest.fixture
def checked_msgids():
    allowed = _same_in_both_languages()
    # Strings with placeholders show filled in (never verbatim); the rest must never show in English.
    return sorted(m for m in project_msgids() if "%(" not in m and "{" not in m and m not in allowed)


@pytest.fixture
def indonesian_admin(client, sample_site, django_user_model):
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("wulan", "", "pw-for-tests-only")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "id"
    profile.save()
    client.force_login(user)
    return client


def _admin_urls(locale) -> list[str]:
    from wagtail.models import Page, get_page_models

    from heritage.models import RegisterEntry

    urls = ["/admin/"]
    project_apps = {"home", "heritage", "products", "itineraries", "search"}
    for model in get_page_models():
        if model._meta.app_label not in project_apps:
            continue
        existing = model.objects.filter(locale=locale).exact_type(model).first()
        if existing is not None:
            urls.append(f"/admin/pages/{existing.pk}/edit/")
        if model.is_creatable:
            parents = Page.objects.filter(locale=locale).type(*model.allowed_parent_page_models())
            parent = next((p for p in parents if model.can_create_at(p)), None)
            if parent is not None:
                urls.append(f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/")
    entry = RegisterEntry.objects.order_by("pk").first()
    urls += [
        "/admin/snippets/heritage/registerentry/",
        "/admin/snippets/heritage/registerentry/add/",
        f"/admin/snippets/heritage/registerentry/edit/{entry.pk}/",
        "/admin/places/import/",
        "/admin/qr/plaques/",
        "/admin/reports/qr-scans/",
        "/admin/reports/qr-scan-dashboard/",
    ]
    return urls


def test_every_edit_form_and_report_speaks_indonesian(indonesian_admin, every_page_type, checked_msgids):
    from products.models import CentrePage, ProductPage

    urls = _admin_urls(every_page_type)
    # Every page type of the project is walked, both ways.
    created = {u.split("/")[5] for u in urls if "/pages/add/" in u}
    assert created >= {"heritagesitepage", "corridorplacepage", "productpage", "centrepage", "itinerarypage"}
    assert sum("/edit/" in u and "/pages/" in u for u in urls) >= 10
    assert ProductPage.objects.exists() and CentrePage.objects.exists()
    leaks = {}
    for url in urls:
        response = indonesian_admin.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'lang="id"' in html, url
        found = untranslated(html, checked_msgids)
        if found:
            leaks[url] = sorted(found)
    assert not leaks, "English left in the Indonesian admin:\n" + json.dumps(
        leaks, indent=1, ensure_ascii=False
    )


def test_every_field_and_block_of_the_projects_models_has_a_translatable_label():
    """A field without a verbose name is labelled with its Python name, in English, whatever the user chose;
    a block without a label likewise. The walk above sees the forms as they are; this keeps new fields honest."""
    from django.apps import apps
    from django.utils.functional import Promise

    from wagtail.fields import StreamField

    def blocks_without_label(block, path):
        for name, child in getattr(block, "child_blocks", {}).items():
            if not isinstance(child.label, Promise):
                yield f"{path}.{name}"
            yield from blocks_without_label(child, f"{path}.{name}")
        if hasattr(block, "child_block"):  # a ListBlock
            yield from blocks_without_label(block.child_block, path)

    plain = []
    for model in apps.get_models():
        if model._meta.app_label not in {"home", "heritage", "products", "itineraries"}:
            continue
        if model.__name__ == "SeedRecord":
            continue  # the seed's own bookkeeping: no form shows it
        for field in model._meta.get_fields():
            if field.auto_created or not getattr(field, "editable", False) or field.model is not model:
                continue
            if field.is_relation and field.name in {"page", "page_from", "producer"} and not field.editable:
                continue
            name = f"{model.__name__}.{field.name}"
            if getattr(field, "remote_field", None) and type(field).__name__ == "ParentalKey":
                continue  # the link to the page an inline row belongs to: never shown
            if not isinstance(field.verbose_name, Promise):
                plain.append(name)
            if field.help_text and not isinstance(field.help_text, Promise):
                plain.append(f"{name} (help text)")
            if isinstance(field, StreamField):
                plain.extend(blocks_without_label(field.stream_block, name))
    assert not sorted(set(plain)), sorted(set(plain))


def test_the_route_table_speaks_indonesian_with_times_in_wib(indonesian_admin, every_page_type):
    from django.utils import timezone

    from itineraries.models import ItineraryPage

    trip = ItineraryPage.objects.get(slug="dua-candi")
    html = indonesian_admin.get(f"/admin/pages/{trip.pk}/edit/").content.decode()
    table = html[html.index('class="listing route-summary"') :]
    table = table[: table.index("</table>") + 400]
    assert "Moda" in table and "Jarak" in table and "Waktu" in table
    assert "car" not in re.findall(r"<td>([a-z]+)</td>", table)  # the travel mode by its Indonesian name
    computed = timezone.localtime(timezone.datetime.fromisoformat(trip.route_data["computed_at"]))
    assert f"{computed:%H:%M} WIB" in table
    assert "+00:00" not in table and "UTC" not in table


def test_a_validation_message_speaks_indonesian(indonesian_admin, place, checked_msgids):
    edit = f"/admin/pages/{place.pk}/edit/"
    values = page_form_values(indonesian_admin.get(edit).content.decode())
    values.update(latitude="48.8584", longitude="2.2945")  # Paris: outside Indonesia
    response = indonesian_admin.post(edit, values)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Indonesia" in html  # the reason is given ...
    english = untranslated(html, checked_msgids)
    assert not english, sorted(english)  # ... in Indonesian


def _wagtail_msgids() -> set[str]:
    """The plain strings (no placeholder, no plural) of Wagtail's and wagtail-localize's English catalogues."""
    from pathlib import Path

    import wagtail
    import wagtail_localize

    found = set()
    for package in (wagtail, wagtail_localize):
        for po in Path(package.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
            for block in po.read_text(encoding="utf-8").split("\n\n"):
                if "msgid_plural" in block or re.search(r"^msgctxt", block, re.M):
                    continue
                match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
                if match:
                    text = "".join(re.findall(r'"(.*)"', match.group(1))).replace('\\"', '"')
                    if text and "%" not in text and "{" not in text:
                        found.add(text)
    return found


def test_wagtails_own_words_on_the_offices_screens_speak_indonesian(indonesian_admin, every_page_type):
    """Wagtail's and wagtail-localize's Indonesian catalogues (id_ID) leave most of the editor in English (Save
    changes, Comments, Status, the publishing schedule, the side panels …); the project's catalogue fills in
    what the office meets on the screens it works in."""
    from django.utils import translation

    allowed = _same_in_both_languages()
    with translation.override("id"):
        english = sorted(m for m in _wagtail_msgids() if translation.gettext(m) == m and m not in allowed)
    assert english and "Save changes" not in english  # Wagtail's catalogues read, ours applied
    urls = [*_admin_urls(every_page_type), "/admin/pages/", "/admin/reports/workflow/", "/admin/account/"]
    leaks = {}
    for url in urls:
        response = indonesian_admin.get(url)
        assert response.status_code == 200, url
        texts = shown_texts(response.content.decode())
        found = [m for m in english if m in texts]
        if found:
            leaks[url] = found
    assert not leaks, "Wagtail's English on the Indonesian admin:\n" + json.dumps(
        leaks, indent=1, ensure_ascii=False
    )
