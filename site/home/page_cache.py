"""A page cache in front of Wagtail, on Django's cache framework (`CACHES["pages"]`: Redis with `CACHE_URL`,
local memory otherwise).

A public page (one that `home.public_cache` marked `public` for an anonymous visitor) is kept for
PAGE_CACHE_SECONDS under its path, and served from the cache to the next anonymous visitor without touching
the session, the database or the templates. What bypasses it: anything but GET and HEAD, a request with a
query string (filters, search, a chosen day: each combination would be a page of its own) other than the
tracking parameters that social networks and newsletters add to a shared link (`utm_source`, `fbclid` ...:
they change nothing on the page, and a link shared a million times carries a million of them, so the page is
the cached one), and a request carrying the session cookie (a signed-in editor sees the page as it is, with the user bar). What changes a page
removes it, and every page that shows it, at once (`home.invalidation`).
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import set_response_etag

from heritage import fragments

HIT_HEADER = "X-Page-Cache"
CACHEABLE = "_page_cacheable"


# Added to links by analytics, ad and social platforms; no page reads them. The Varnish configuration strips
# the same list (deploy/varnish/default.vcl), so both caches keep one copy of a shared page.
TRACKING = re.compile(
    r"(utm_[a-z_]+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|igshid|ttclid|twclid|li_fat_id|mc_cid|mc_eid|_ga|_gl)"
)


def only_tracking(query_string: str) -> bool:
    """Whether every parameter of the query string is one of the tracking parameters (an empty one is)."""
    names = (part.split("=", 1)[0] for part in query_string.split("&") if part)
    return all(TRACKING.fullmatch(name) for name in names)


def _cache():
    return caches["pages"]


def key_for(path: str) -> str:
    return "page:" + hashlib.sha256(path.encode()).hexdigest()


def forget(paths) -> None:
    """Drop the cached copies of these paths (site-relative, such as `/en/places/candi-badut/`), and the parts
    of their pages kept for drawing them again (heritage.fragments)."""
    paths = list(paths)
    keys = [key_for(path) for path in paths]
    if keys:
        _cache().delete_many(keys)
    fragments.forget(paths)


def forget_all() -> None:
    _cache().clear()


def _may_use(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and only_tracking(request.META.get("QUERY_STRING", ""))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use(request):
            return self.get_response(request)
        key = key_for(request.path)
        cached = _cache().get(key)
        if cached is not None:
            cached[HIT_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if getattr(request, CACHEABLE, False) and not response.streaming and not response.cookies:
            response[HIT_HEADER] = "miss"
            # The ETag (ConditionalGetMiddleware's, outside this one) is worked out once, not on every hit.
            set_response_etag(response)
            _cache().set(key, response, settings.PAGE_CACHE_SECONDS)
        return response
