"""`Cache-Control` for the pages of the public site, from one setting (CACHE_MAX_AGE).

A Wagtail page served to an anonymous visitor, with no cookie set in the answer and no view restriction on the
page, is `public, s-maxage=CACHE_MAX_AGE` for shared caches (Varnish, a CDN: publishing purges them) and
`max-age=CACHE_BROWSER_MAX_AGE` for the visitor's own browser, which no purge reaches (0 by default: the browser
asks again, and the ETag of `ConditionalGetMiddleware` turns an unchanged page into a bodiless 304), and varies on nothing but its address (the language is in the path):
the `Vary: Cookie` that the session and CSRF middleware add as soon as anything looks at the session is
dropped, since such an answer is the same whatever cookies came with it. A logged-in editor's view of a page,
a preview, and a page behind a password or login are `private`: no shared cache may keep them. Answers that
already say how to cache them (the open-data feeds, `/q/` scans, QR images) are left as they are.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from .page_cache import CACHEABLE

PUBLIC_PAGE = "_public_page"


def note_the_page(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook (wagtail_hooks.py): remember which page this request serves; the middleware
    decides once the answer is made."""
    setattr(request, PUBLIC_PAGE, page)


def _is_public(request, response, page) -> bool:
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.cookies:
        return False
    if getattr(request, "is_preview", False) or request.user.is_authenticated:
        return False
    return not page.get_view_restrictions().exists()


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        page = getattr(request, PUBLIC_PAGE, None)
        if page is None or response.has_header("Cache-Control"):
            return response
        if _is_public(request, response, page):
            patch_cache_control(
                response, public=True, max_age=settings.CACHE_BROWSER_MAX_AGE, s_maxage=settings.CACHE_MAX_AGE
            )
            setattr(request, CACHEABLE, True)  # and the page cache (home/page_cache.py) may keep it
            vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
            vary = [v for v in vary if v.lower() != "cookie"]
            if vary:
                response["Vary"] = ", ".join(vary)
            elif response.has_header("Vary"):
                del response["Vary"]
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response
