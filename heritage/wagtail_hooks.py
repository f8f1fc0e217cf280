"""Admin behaviour of the heritage app."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_import import ImportPlacesMenuItem, import_places
from .admin_picker import picker_base
from .models import PlacePage, RegisterEntry


def _flag_region(request, page):
    page = page.specific
    if isinstance(page, PlacePage):
        warning = page.region_warning
        if warning:
            messages.warning(request, warning)


@hooks.register("after_create_page")
def flag_place_outside_its_region_on_create(request, page):
    _flag_region(request, page)


@hooks.register("after_edit_page")
def flag_place_outside_its_region_on_edit(request, page):
    _flag_region(request, page)


@hooks.register("register_admin_urls")
def register_import_places_url():
    return [
        path("places/import/", import_places, name="heritage_import_places"),
        path("places/picker-base.geojson", picker_base, name="heritage_map_picker_base"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_places_menu_item():
    return ImportPlacesMenuItem(
        _("Import places"), reverse("heritage_import_places"), icon_name="upload", order=430
    )


class RegisterEntryViewSet(SnippetViewSet):
    """The register of designated heritage, kept by the office under the moderation workflow."""

    model = RegisterEntry
    icon = "doc-full"
    menu_label = _("Heritage register")
    menu_order = 420
    add_to_admin_menu = True
    list_display = ["name", "category", "rank", "year", "district"]
    list_filter = ["category", "rank", "year"]
    search_fields = ["name"]


register_snippet(RegisterEntryViewSet)
