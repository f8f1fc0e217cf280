"""A page cache in front of Wagtail, on Django's cache framework (`CACHES["pages"]`: Redis with `CACHE_URL`,
local memory otherwise).

A public page (one that `home.public_cache` marked `public` for an anonymous visitor) is kept for
PAGE_CACHE_SECONDS under its path, and served from the cache to the next anonymous visitor without touching
the session, the database or the templates. What bypasses it: anything but GET and HEAD, a request with a
query string (filters, search, a chosen day: each combination would be a page of its own), and a request
carrying the session cookie (a signed-in editor sees the page as it is, with the user bar). What changes a page
removes it, and every page that shows it, at once (`home.invalidation`).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

HIT_HEADER = "X-Page-Cache"
CACHEABLE = "_page_cacheable"


def _cache():
    return caches["pages"]


def key_for(path: str) -> str:
    return "page:" + hashlib.sha256(path.encode()).hexdigest()


def forget(paths) -> None:
    """Drop the cached copies of these paths (site-relative, such as `/en/places/candi-badut/`)."""
    keys = [key_for(path) for path in paths]
    if keys:
        _cache().delete_many(keys)


def forget_all() -> None:
    _cache().clear()


def _may_use(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
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
            _cache().set(key, response, settings.PAGE_CACHE_SECONDS)
        return response
