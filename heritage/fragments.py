"""Parts of a public page drawn once per change and kept, not drawn again for every request.

Most of what a place page shows does not depend on who asks: its story, facts panel, map, nearby and related
places, what is made nearby, its sources and its JSON-LD. Drawing them took most of the page's time (about
20 of 27 ms, ten of its eleven queries), and they change only when the page, or something the page shows,
changes. So the page's template marks them (`{% stored_fragment "content" %}…{% endstored_fragment %}`,
heritage_tags) and the page, drawn as an anonymous visitor gets it, keeps each one in the page cache
(`CACHES["pages"]`, shared by the app servers) under its address, language and name; the next request at the
address serves the kept parts and computes only what is its own (the header, the language links, the user
bar, the Content-Security-Policy).

A fragment is forgotten exactly when the page's cached copy is: `home.page_cache.forget(paths)`, which the
invalidation calls for every page a change shows on (a nearby place's new title included), forgets the
fragments under those addresses too, at once and again when the transaction commits, and the pages are drawn
again then (`home.invalidation.draw_maps`), so the first visitor after a publication finds them ready. Each
also carries the page's own publication (its live revision and time): a fragment drawn for an older
publication of the page is never served. Like the page cache, fragments last PAGE_CACHE_SECONDS, which
bounds what no invalidation covers (an image's new file). What the fragments show depends on the language
(in the key) and the page alone; a template must not put anything of the visitor's (the CSRF token, the
query string, the user) inside one: a fragment that asked for a CSRF token while drawn is not kept.

Who never gets a kept fragment, and never leaves one: an editor's preview, a signed-in user (the page is
drawn for them as it is), anything but GET and HEAD. A fragment is only kept from a request without a query
string, so what it holds never came from one.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .inline_scripts import allow_inline_script_hashes, inline_script_hashes

NAMES = ("head", "content")  # what a template may mark, so that forgetting an address forgets them all
VERSION = "1"  # raised when what a fragment holds changes shape


def _cache():
    return caches["pages"]


def key_for(path: str, name: str, language: str) -> str:
    digest = hashlib.sha256(path.encode()).hexdigest()
    return f"fragment:{VERSION}:{name}:{language}:{digest}"


def forget(paths) -> None:
    """Drop the fragments kept under these site-relative paths, in every language."""
    keys = [key_for(path, name, code) for path in paths for name in NAMES for code, _ in settings.LANGUAGES]
    if keys:
        _cache().delete_many(keys)


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def usable(request, page) -> bool:
    """Whether this request may be served kept fragments of `page`: the live page, as anyone gets it."""
    return (
        request is not None
        and page is not None
        and getattr(page, "pk", None) is not None
        and getattr(page, "live", False)
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and not _signed_in(request)
    )


def _publication(page) -> tuple:
    """What says which publication of the page a fragment was drawn from."""
    published_at = page.last_published_at.timestamp() if page.last_published_at else None  # any time zone
    return (page.pk, page.live_revision_id, published_at)


def stored(request, page, names) -> dict | None:
    """The kept fragments `names` of `page` at the request's address, as {name: (html, script hashes)}, or
    None when the request may not use them or any one is missing or from another publication of the page."""
    if not usable(request, page):
        return None
    language = get_language()
    keys = {name: key_for(request.path, name, language) for name in names}
    found = _cache().get_many(list(keys.values()))
    publication = _publication(page)
    parts = {}
    for name, key in keys.items():
        value = found.get(key)
        if value is None or value[0] != publication:
            return None
        parts[name] = (value[1], value[2])
    return parts


def serve(request, part) -> str:
    """A kept fragment in the page being drawn: its inline scripts allowed on this response as when drawn."""
    html, hashes = part
    allow_inline_script_hashes(request, hashes)
    return mark_safe(html)  # noqa: S308 - the output of our own template, escaped when it was drawn


def draw(request, page, name, render) -> str:
    """`render()` (the fragment's template), kept for the next request when this one may leave it."""
    before = set(inline_script_hashes(request))
    html = render()
    keep = (
        usable(request, page)
        and not request.META.get("QUERY_STRING")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the CSRF token is the visitor's own
    )
    if keep:
        added = [value for value in inline_script_hashes(request) if value not in before]
        key = key_for(request.path, name, get_language())
        _cache().set(key, (_publication(page), str(html), added), settings.PAGE_CACHE_SECONDS)
    return html
