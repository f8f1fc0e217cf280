"""Django's LocaleMiddleware, except for the addresses that live outside the language prefixes, and for a
visitor whose browser asks for neither of the site's languages.

On a 404 the stock middleware redirects `/x` to `/id/x` whenever `/id/x` resolves, and under Wagtail's catch-all
every path resolves: an unknown feed, API page or OGC item would answer "302 to /id/…" and then the HTML 404
page. Machine addresses keep their own 404 (JSON from the API), which is what a client can act on.

A browser set to French or German falls back, in the stock middleware, on the site's default language,
Indonesian; a foreign visitor is far likelier to read English, so a browser that names languages, none of
them ours, gets English. A request naming no language at all (a crawler, curl) still gets the default.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

UNPREFIXED = ("/api/", "/ogc/", "/data/catalog", "/q/", "/sitemap.xml", "/robots.txt", "/sw.js")
FOREIGN_FALLBACK = "en"


def asks_only_for_other_languages(request) -> bool:
    """Whether the browser's Accept-Language names languages, none of which the site has."""
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return False
    asked = [code for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", ""))]
    if not any(code != "*" for code in asked):
        return False
    for code in asked:
        if code == "*":
            continue
        try:
            translation.get_supported_language_variant(code)
        except LookupError:
            continue
        return False
    return True


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        if not translation.get_language_from_path(request.path_info) and asks_only_for_other_languages(
            request
        ):
            translation.activate(FOREIGN_FALLBACK)
            request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
