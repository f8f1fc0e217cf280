"""“Save for offline” (issue 17): what one tap stores on the phone, listed by the server so that the browser's
part (site/js/save-offline.js) stays simple and the list can be tested.

A pack is a list of same-origin URLs: `pages` (HTML, kept as saved copies that the service worker shows with no
signal, home/offline.py) and `files` (the static files, images at the renditions the pages use, an itinerary's
GPX). Three kinds of pack:

- a place: its page;
- an itinerary: its page, its GPX and the pages of its stops;
- the corridor: the Bromo-Tengger-Semeru corridor pack, in one language: the list of corridor places
  (`/<lang>/…/?type=corridor`, where its button is), every corridor place, and every itinerary that goes out
  to one of them, each with what its own pack holds.

The files a page uses are read from the page itself, rendered as an anonymous visitor gets it: what the
visitor will need offline is exactly what the page links (its style sheet, scripts, icons and images), so the
list cannot drift from the templates. The maps are in the pages (folium's script and its base layer of the
bundled roads and trails, heritage/maps.py), and so is the emergency help panel. Never the admin, `/q/` or an
API. The answer is remembered per published generation (heritage.published) and per deployment of the static
files: rendering the corridor's pages costs a second or two, once per change.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, JsonResponse
from django.templatetags.static import static
from django.test import RequestFactory
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Page

from heritage import published
from heritage.filters import PAGE_TYPES
from heritage.models import CorridorPlacePage, PlaceIndexPage, PlacePage
from itineraries.models import ItineraryPage


class _Links(HTMLParser):
    """The same-origin static files and images an HTML page loads: style sheets, icons, scripts, images."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("img", "source"):
            self.found.append(attrs.get("src") or "")
            for candidate in (attrs.get("srcset") or "").split(","):
                self.found.append(candidate.strip().split(" ")[0])
        elif tag == "script":
            self.found.append(attrs.get("src") or "")
        elif tag == "link":
            rels = set((attrs.get("rel") or "").lower().split())
            if rels & {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload"}:
                self.found.append(attrs.get("href") or "")


def _files_of(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    roots = tuple(root for root in (settings.STATIC_URL, settings.MEDIA_URL) if root and root.startswith("/"))
    files = []
    for url in parser.found:
        parts = urlsplit(url)
        if not parts.scheme and not parts.netloc and parts.path.startswith(roots):
            files.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return files


def _render(request, url: str) -> str:
    """The page at the site-relative `url` as an anonymous visitor gets it (what the phone will store), through
    Wagtail's serve view as home/invalidation.py renders pages to draw their maps."""
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404 as error:
        raise Http404(url) from error
    inner = RequestFactory().get(url, HTTP_HOST=request.get_host(), secure=request.is_secure())
    inner.user = AnonymousUser()
    response = match.func(inner, *match.args, **match.kwargs)
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200:
        raise Http404(url)
    return response.content.decode(response.charset or "utf-8")


class _Pack:
    def __init__(self, request):
        self.request = request
        self.pages: list[str] = []
        self.files: list[str] = []

    def add_page(self, page, suffix: str = "") -> None:
        url = page.get_url(self.request)
        if not url or url.startswith(("http://", "https://")):  # another site's page: not ours to store
            return
        url += suffix
        if url in self.pages:
            return
        with translation.override(page.locale.language_code):
            html = _render(self.request, url)
        self.pages.append(url)
        self.add_files(_files_of(html))

    def add_files(self, urls) -> None:
        self.files.extend(url for url in urls if url not in self.files)

    def add_itinerary(self, itinerary) -> None:
        self.add_page(itinerary)
        self.add_files([itinerary.get_url(self.request) + "gpx/"])
        for stop in itinerary.live_trip().available:
            self.add_page(stop.place)

    def answer(self, pack_id: str, title: str, language: str) -> dict:
        return {"id": pack_id, "title": title, "language": language, "pages": self.pages, "files": self.files}


def corridor_places(locale):
    return CorridorPlacePage.objects.live().public().filter(locale=locale).order_by("title")


def corridor_itineraries(locale):
    """The itineraries in `locale` that go out to the corridor: one of their stops is a corridor place."""
    corridor = CorridorPlacePage.objects.values("pk")
    return (
        ItineraryPage.objects.live()
        .public()
        .filter(locale=locale, stops__place__in=corridor)
        .distinct()
        .order_by("title")
    )


def page_pack(request, page) -> dict:
    pack = _Pack(request)
    if isinstance(page, ItineraryPage):
        pack.add_itinerary(page)
    else:
        pack.add_page(page)
    return pack.answer(f"page-{page.pk}", page.title, page.locale.language_code)


CORRIDOR_POSTER = "geodata/corridor-poster.svg"


def corridor_pack(request, language: str) -> dict:
    locale = Locale.objects.get(language_code=language)
    pack = _Pack(request)
    index = PlaceIndexPage.objects.live().public().filter(locale=locale).first()
    if index is not None:
        pack.add_page(index, "?type=corridor")
    for place in corridor_places(locale):
        pack.add_page(place)
    for itinerary in corridor_itineraries(locale):
        pack.add_itinerary(itinerary)
    pack.add_files([static(CORRIDOR_POSTER)])  # the home page's poster of the corridor (geodata/poster.py)
    with translation.override(language):
        title = str(dict(PAGE_TYPES)["corridor"])
    return pack.answer(f"corridor-{language}", title, language)


def _answer(request, name: str, compute) -> JsonResponse:
    # The static files' names change with a deployment; the pages with a publication (the generation).
    key = (
        f"offline-pack:{name}:{request.get_host()}:{request.is_secure()}:{static('site/js/save-offline.js')}"
    )
    data = published.remembered(key, compute)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


@require_safe
def page_pack_view(request, page_id: int):
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if not isinstance(page, (PlacePage, ItineraryPage)):
        response = JsonResponse({"error": _("There is no place or itinerary to save with this number.")})
        response.status_code = 404
        return response
    return _answer(request, f"page-{page.pk}", lambda: page_pack(request, page))


@require_safe
def corridor_pack_view(request):
    language = translation.get_language()
    return _answer(request, f"corridor-{language}", lambda: corridor_pack(request, language))
