"""The friendly error pages (bilingual, because the failing URL may carry no language)."""

from django.shortcuts import render


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors beyond the request: the database may be what failed.
    return render(request, "500.html", status=500)
