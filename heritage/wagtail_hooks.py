"""Admin behaviour of the heritage app."""

from django.contrib import messages

from wagtail import hooks

from .models import PlacePage


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
