"""The public `/q/` endpoints: scan a code, fetch its QR image, print its plaque.

Every answer under `/q/` is deliberate: a redirect, an image, a PDF, a 400 naming the bad parameter, or a
friendly bilingual page (unknown code: 404 with a search box and the list of places; unpublished page: 404
with nearby places; deleted page: 410). Junk paths never reach the database and never raise.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import (
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from heritage.models import PlaceIndexPage, places_near
from heritage.open_data import bad_parameter
from plaques.models import ShortCode

from . import lookup
from .codes import normalize_code
from .counting import is_countable, record_scan
from .images import BadParameter, parse_error_level, parse_size, png_for_code, svg_for_code
from .plaques import PAPERS, plaques_for, plaques_pdf
from .scanning import page_url, resolve

QR_IMAGE_MAX_AGE = 30 * 24 * 3600  # a month; the ETag revalidates after that


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def visitor_language(request) -> str:
    """`?lang=` when given (and valid), else the language the locale middleware chose (cookie, then
    Accept-Language, English for a browser asking only for other languages), else Indonesian."""
    raw = request.GET.get("lang")
    if raw:
        if raw not in _languages():
            raise BadParameter("lang", "use " + " or ".join(_languages()))
        return raw
    return _requested_language(request)


def _requested_language(request) -> str:
    return (
        getattr(request, "LANGUAGE_CODE", None)
        or translation.get_language_from_request(request)
        or settings.LANGUAGE_CODE
    )


def _bad_parameter(error: BadParameter) -> HttpResponse:
    """The open-data 400: JSON naming the parameter and saying what it takes."""
    return bad_parameter(error.name, error.message)


def _no_store(response):
    # Every scan must reach us to be counted: no CDN or browser may keep the answer.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _final(request, response):
    """Keep a 4xx from /q/ as it is (see plaques.urlconf for the LocaleMiddleware quirk)."""
    request.urlconf = "plaques.urlconf"
    return response


def _links(lang: str) -> dict:
    """Where a lost visitor can go on: the list (and map) of places and search, in their language."""
    index = PlaceIndexPage.objects.live().public().filter(locale__language_code=lang).first()
    with translation.override(lang):
        search_url = reverse("search")
    return {"places_url": index.url if index else f"/{lang}/", "search_url": search_url}


def _page(request, template: str, status: int, lang: str, context: dict) -> HttpResponse:
    with translation.override(lang):
        response = render(request, template, {"lang": lang, **_links(lang), **context}, status=status)
    return _final(request, _no_store(response))


def unknown_code(request, lang: str, shown_code: str = "") -> HttpResponse:
    return _page(request, "plaques/unknown_code.html", 404, lang, {"code": shown_code})


def _nearby(request, page, lang: str) -> list[dict]:
    place = page.specific
    if getattr(place, "latitude", None) is None:  # only a page with a point has places near it
        return []

    locale = Locale.objects.filter(language_code=lang).first()
    translated = (place.get_translation_or_none(locale) if locale else None) or place
    nearby = []
    for other, metres in places_near(translated.specific, limit=5):
        url = page_url(other, request)
        if url:
            nearby.append({"title": other.title, "url": url, "metres": metres})
    return nearby


def unavailable(request, lang: str, page) -> HttpResponse:
    """The code is ours but its story is not online: unpublished (404, may come back) or deleted (410)."""
    if page is None:
        return _page(request, "plaques/unavailable.html", 410, lang, {"gone": True})
    return _page(
        request,
        "plaques/unavailable.html",
        404,
        lang,
        {
            "gone": False,
            # Never published: a plaque printed ahead of the opening (a moderator gave the code early).
            "coming": page.first_published_at is None,
            "title": page.title,
            "nearby": _nearby(request, page, lang),
        },
    )


@require_safe
def scan(request, code: str):
    try:
        lang = visitor_language(request)
    except BadParameter as error:
        return _no_store(_bad_parameter(error))
    normalized = normalize_code(code)
    if normalized is None:
        return unknown_code(request, lang)
    if (known := lookup.find(normalized, lang)) is not None:  # the usual scan: no query
        short_code_id, url = known
        if is_countable(request):
            record_scan(request, short_code_id)
        return _no_store(HttpResponseRedirect(url))
    result = resolve(normalized, lang)
    if not result.known:
        return unknown_code(request, lang, normalized)
    if is_countable(request):
        record_scan(request, result.short_code_id)
    if result.target is not None:
        url = page_url(result.target, request)
        if url:
            lookup.keep(normalized, lang, result.short_code_id, url)
            return _no_store(HttpResponseRedirect(url))
    return unavailable(request, lang, result.page)


def not_found(request, rest: str = ""):
    """Anything else under /q/: the same helpful page as an unknown code."""
    lang = request.GET.get("lang")
    if lang not in _languages():
        lang = _requested_language(request)
    return unknown_code(request, lang)


def _qr_image(request, code: str, kind: str):
    try:
        size = parse_size(request.GET.get("size"))
        error_level = parse_error_level(request.GET.get("ec"))
    except BadParameter as error:
        return _bad_parameter(error)
    normalized = normalize_code(code)
    if normalized is None or not ShortCode.objects.filter(code=normalized).exists():
        return _final(
            request, HttpResponseNotFound("No such code.\n", content_type="text/plain; charset=utf-8")
        )
    if kind == "svg":
        body, content_type = svg_for_code(normalized, size, error_level), "image/svg+xml"
    else:
        body, content_type = png_for_code(normalized, size, error_level), "image/png"
    response = HttpResponse(body, content_type=content_type)
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="qr-{normalized}.{kind}"'
    response["ETag"] = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    patch_cache_control(response, public=True, max_age=QR_IMAGE_MAX_AGE)
    return get_conditional_response(request, etag=response["ETag"], response=response)


@require_safe
def qr_svg(request, code: str):
    return _qr_image(request, code, "svg")


@require_safe
def qr_png(request, code: str):
    return _qr_image(request, code, "png")


def parse_paper(query) -> str:
    """`?size=A5|A6` (case-insensitive, A5 by default); `?format=` is accepted as an older spelling."""
    name = "size" if "size" in query else "format"
    paper = (query.get(name) or "a5").lower()
    if paper not in PAPERS:
        raise BadParameter(name, "A5 or A6")
    return paper


@require_safe
def plaque(request, code: str):
    """The printable plaque of one code, for editors (people with access to the admin)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if not request.user.has_perm("wagtailadmin.access_admin"):
        return HttpResponseForbidden(_("Plaques are for the tourism office's editors.") + "\n")
    try:
        paper = parse_paper(request.GET)
    except BadParameter as error:
        return _bad_parameter(error)
    normalized = normalize_code(code)
    short_code = (
        ShortCode.objects.filter(code=normalized, page__isnull=False).select_related("page").first()
        if normalized
        else None
    )
    if short_code is None:
        return _final(request, HttpResponseNotFound(_("No such code, or its page was deleted.") + "\n"))
    response = HttpResponse(plaques_pdf(plaques_for([short_code]), paper), content_type="application/pdf")
    filename = f"plaque-{short_code.code}-{paper}.pdf"
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    patch_cache_control(response, private=True, no_cache=True)
    return response
