"""Search and the friendly error pages (bilingual, because the failing URL may carry no language)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from wagtail.models import Locale

from heritage.models import PlacePage


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        locale = Locale.objects.filter(language_code=get_language() or "id").first()
        pages = PlacePage.objects.live().specific()
        if locale:
            pages = pages.filter(locale=locale)
        results = pages.search(query)
    paginator = Paginator(results, 20)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        page = paginator.page(1)
    return TemplateResponse(request, "home/search.html", {"query": query, "results": page})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors beyond the request: the database may be what failed.
    return render(request, "500.html", status=500)
