"""What every public page asks of the published tree, kept in a cache every worker shares.

Each public page asks the same few questions before it says anything of its own: which page lives at this
address, whether a password or login guards it or any page above it, where the index of places (or
itineraries) is in this language, which translations of it are live. Wagtail asks the database each time
(about 20 queries on a place page); the answers change only when a page is saved, published, unpublished,
moved or deleted, or a view restriction or locale changes, so they are cached in `CACHES["published"]`
(Redis with `CACHE_URL`, else files shared by the workers of one machine) under a generation that each of
those changes bumps (`signals.py` of this app connects them). A stale answer is thus never served by any
worker: the next request after a change computes it again, once.

Everything here fails safe: with the cache unreachable every answer is computed from the database.
"""

from __future__ import annotations

import contextvars
import hashlib
import secrets

from django.core.cache import caches
from django.db.models import Q
from django.utils.translation import get_language

from wagtail.models import PageManager
from wagtail.query import PageQuerySet

GENERATION = "generation"
SECONDS = 24 * 3600


def _cache():
    return caches["published"]


# A public request reads the generation once (SiteMiddleware) and answers every question under it: a dozen
# cache reads fewer a page, and one view of the tree for the whole request.
_request_generation: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "published_generation", default=None
)


def generation() -> str:
    value = _request_generation.get()
    if value is not None:
        return value
    value = _cache().get(GENERATION)
    if value is None:
        value = secrets.token_hex(6)
        if not _cache().add(GENERATION, value, timeout=None):
            value = _cache().get(GENERATION) or value
    return value


def bump(*args, **kwargs) -> None:
    """Forget every answer: a signal receiver (any arguments), and what tests call between them."""
    value = secrets.token_hex(6)
    _cache().set(GENERATION, value, timeout=None)
    if _request_generation.get() is not None:  # a change made while answering: the rest sees it
        _request_generation.set(value)


forget_all = bump


def remembered(name: str, compute):
    """The answer to `name` under the current generation, computed (and kept) when missing."""
    key = f"{generation()}:{hashlib.sha256(name.encode()).hexdigest()[:32]}"
    found = _cache().get(key)
    if found is not None:
        return found[0]
    value = compute()
    _cache().set(key, (value,), timeout=SECONDS)
    return value


# --- view restrictions ------------------------------------------------------------------------------------


def _restricted_and_alias_paths() -> tuple[tuple[str, ...], tuple[str, ...]]:
    def compute():
        from wagtail.models import Page, PageViewRestriction

        restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        aliases = tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
        return restricted, aliases

    return remembered("restricted-and-alias-paths", compute)


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of the pages a view restriction (password, login, groups) guards, with what lies below."""
    return _restricted_and_alias_paths()[0]


def may_be_restricted(page) -> bool:
    """Whether a view restriction could apply to `page`: one on it or above it, or an alias on its way (whose
    source's restrictions Wagtail applies, so only Wagtail's own query can tell)."""
    restricted, aliases = _restricted_and_alias_paths()
    path = page.path
    return any(path.startswith(p) for p in restricted) or any(path.startswith(p) for p in aliases)


def public(queryset):
    """`queryset.public()` for any page queryset, without a query for the restrictions."""
    return queryset.exclude(_private_q())


def _private_q() -> Q:
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


class PublishedPageQuerySet(PageQuerySet):
    """The page models' queryset: `.public()` (and `.not_public()`) as Wagtail's, the restricted sections read
    from the cache instead of the database each time."""

    def private_q(self):
        return _private_q()


PublishedPageManager = PageManager.from_queryset(PublishedPageQuerySet)


class CachedViewRestrictionsMixin:
    """For page models: `get_view_restrictions()` answers without a query when no restriction can apply to
    the page (the common case); otherwise it is Wagtail's own query, so every caller (serving the page, the
    admin's privacy settings) sees exactly what Wagtail would."""

    def get_view_restrictions(self):
        if not may_be_restricted(self):
            from wagtail.models import PageViewRestriction

            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


# --- addresses, locales and translations ------------------------------------------------------------------


def locale_ids() -> dict[str, int]:
    def compute():
        from wagtail.models import Locale

        return dict(Locale.objects.values_list("language_code", "id"))

    return remembered("locale-ids", compute)


def localized(pages) -> list:
    """`page.localized` for each page, without asking the database for the active locale each time: a page
    already in the visitor's language is itself (the related places of a page are in its language)."""
    active = locale_ids().get(get_language())
    return [page if page.locale_id == active else page.localized for page in pages]


def page_at(url_path: str):
    """The live-or-not page whose tree address is `url_path`, as its own type with its locale and image, or
    None. The page itself is remembered (a copy for each request): any save of a page, and of an image,
    bumps the generation, so the row served is the row stored (Wagtail's routing walks the tree, two
    queries a level, and then loads the page's own type; building that last query alone took a millisecond
    of every request)."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    def compute():
        found = Page.objects.filter(url_path=url_path).values_list("id", "content_type_id").first()
        if not found:
            return ()
        page_id, content_type_id = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            return ()
        page = model.objects.filter(id=page_id).select_related(*_related(model)).first()
        return (page,) if page is not None else ()

    found = remembered(f"page-at:v2:{url_path}", compute)
    return found[0] if found else None


def _related(model) -> list[str]:
    """What a page's own template reads from other tables: its locale and, where it has one, its image."""
    image = any(f.name == "image" and f.many_to_one for f in model._meta.get_fields())
    return ["locale", "image"] if image else ["locale"]


def index_url(model, language_code: str) -> str:
    """The address of the first live, public page of `model` (an index page type) in the language, or ""."""

    def compute():
        index = public(model.objects.live().filter(locale__language_code=language_code)).first()
        return index.url if index else ""

    return remembered(f"index-url:{model._meta.label}:{language_code}", compute)


def live_translations(page) -> dict[str, str]:
    """The live pages sharing `page`'s translation key (itself included), as {language code: address}."""
    from wagtail.models import Page

    def compute():
        found = public(Page.objects.live().filter(translation_key=page.translation_key)).select_related(
            "locale"
        )
        return {other.locale.language_code: other.url for other in found}

    return remembered(f"translations:{page.translation_key}", compute)


# --- the site and its root ---------------------------------------------------------------------------------


def site_for(request):
    """`Site.find_for_request(request)` remembered by host and port, its root page loaded as its own type, so
    that routing a request asks the database nothing before the page itself (Wagtail asks for the site, its
    root page, the active locale and the root's specific type: four queries a request)."""
    from django.http.request import split_domain_port

    from wagtail.models import Site

    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def compute():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site

    return remembered(f"site:{hostname}:{port}", compute)


class SiteMiddleware:
    """Gives Wagtail the request's site from `site_for` (Wagtail keeps it on the request as `_wagtail_site`
    and asks nobody else once it is there). Public pages only: GET and HEAD outside the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path_info.startswith(
            ("/admin/", "/django-admin/")
        ):
            return self.get_response(request)
        token = _request_generation.set(generation())
        try:
            request._wagtail_site = site_for(request)
            return self.get_response(request)
        finally:
            _request_generation.reset(token)


def translation(page, locale_id: int):
    """The live translation of `page` in the locale, as its own type, or None: `page.localized` in one query
    once the answer is known."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    def compute():
        found = (
            Page.objects.live()
            .filter(translation_key=page.translation_key, locale_id=locale_id)
            .values_list("id", "content_type_id")
            .first()
        )
        return found or ()

    found = remembered(f"translation:{page.translation_key}:{locale_id}", compute)
    if not found:
        return None
    model = ContentType.objects.get_for_id(found[1]).model_class()
    return model.objects.filter(id=found[0]).select_related(*_related(model)).first() if model else None


class CachedLocalizedMixin:
    """For page models: `localized` (the page in the visitor's language, what Wagtail's routing asks of a
    site's root) without a query for the active locale, and one query for a translation."""

    @property
    def localized(self):
        active = locale_ids().get(get_language())
        if active is None:
            return super().localized
        if active == self.locale_id:
            return self
        return translation(self, active) or self
