"""The friendly error pages. A missing page under /id/ or /en/ answers in that language, with the site's
header and a search in that language; an address with no language (a machine address under /ogc/ asked for
HTML) gets the bilingual page."""

from django.shortcuts import render
from django.utils.translation import get_language_from_path


def page_not_found(request, exception=None):
    if get_language_from_path(request.path_info):  # the locale middleware has made it the active language
        return render(request, "404.html", status=404)
    return render(request, "404_bilingual.html", status=404)


def server_error(request):
    # No context processors beyond the request: the database may be what failed.
    return render(request, "500.html", status=500)
