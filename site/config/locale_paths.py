"""Django's LocaleMiddleware, except for the addresses that live outside the language prefixes.

On a 404 the stock middleware redirects `/x` to `/id/x` whenever `/id/x` resolves, and under Wagtail's catch-all
every path resolves: an unknown feed, API page or OGC item would answer "302 to /id/…" and then the HTML 404
page. Machine addresses keep their own 404 (JSON from the API), which is what a client can act on.
"""

from django.middleware.locale import LocaleMiddleware

UNPREFIXED = ("/api/", "/ogc/", "/data/catalog", "/q/", "/sitemap.xml", "/robots.txt", "/sw.js")


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
