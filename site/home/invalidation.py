"""What a change shows on, cleared from the page cache (`home.page_cache`) and purged from the front cache
(Varnish, a CDN: `wagtail.contrib.frontend_cache`, configured by FRONTEND_CACHE_PURGE_URL).

Publishing, unpublishing, moving or deleting a page, putting a password or login on it (or taking it off), and
saving or deleting a producer, clear:

- the page in every language, under its address before and after the change (a new slug or parent moves the
  page and everything below it), and every path it serves (an itinerary's GPX);
- the pages that name it, and the pages above them and above it (indexes and home pages, whose cards show
  them): a place or product naming it as related, an itinerary stopping at it, a centre's
  products, a product's centre, a producer's products;
- the pages that may list it as nearby: every place, centre and product within NEARBY_M of where it stood
  before and where it stands now (the widest radius any page uses: `heritage.nearby`, `products.nearby`);
- the open-data feeds, the catalogue and the sitemap, under their bare addresses and `?lang=en`. A filtered
  feed (`?kind=temple`) is not purged and is at most CACHE_MAX_AGE old.

The page cache is cleared at once and again when the transaction commits (a request that read the old
content before the commit could have stored it meanwhile); the front cache is purged after the commit.
"""

import logging
import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.http.request import validate_host
from django.urls import NoReverseMatch, resolve, reverse
from django.utils import translation

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from heritage.models import PlacePage, RelatedPlace
from heritage.nearby import within_box
from heritage.open_data import canonical_url
from itineraries.models import ItineraryStop
from products.models import CentrePage, Producer, ProductPage, ProductRelatedPlace

from . import page_cache

logger = logging.getLogger(__name__)
NEARBY_M = 15_000
FEEDS = (
    "heritage_api:sites_geojson",
    "heritage_api:sites_csv",
    "heritage_api:sites_gpkg",
    "products_api:products_json",
    "products_api:products_csv",
    "products_api:products_xlsx",
    "products_api:products_pdf",
    "products_api:centres_geojson",
    "itineraries_geojson",
    "dcat_catalog",
    "dcat_catalog_turtle",
    "sitemap",
)

# What a page looked like before the save, move or delete in progress: its addresses (with those of the
# pages below it) and where it stood. Kept per thread, by page id, until the change is complete.
_before = threading.local()


def _pending() -> dict:
    if not hasattr(_before, "pages"):
        _before.pages = {}
    return _before.pages


# --- what a page is shown on -------------------------------------------------------------------------------


def _point(page):
    lat, lon = getattr(page, "latitude", None), getattr(page, "longitude", None)
    return None if lat is None or lon is None else (float(lat), float(lon))


def _paths(page) -> set[str]:
    """Every site-relative path a page answers (its URL and the sub-paths it serves, as the front cache
    purges them)."""
    url = page.get_url()
    if not url or url.startswith(("http://", "https://")):
        return set()
    specific = page.specific_deferred
    return {url.rstrip("/") + "/" + path.lstrip("/") for path in specific.get_cached_paths()}


def _with_descendants(page) -> set[str]:
    paths = _paths(page)
    for descendant in Page.objects.descendant_of(page).specific(defer=True):
        paths |= _paths(descendant)
    return paths


def _near(points) -> set[int]:
    ids = set()
    for lat, lon in points:
        ids.update(within_box(PlacePage.objects.all(), lat, lon, NEARBY_M).values_list("pk", flat=True))
        ids.update(within_box(CentrePage.objects.all(), lat, lon, NEARBY_M).values_list("pk", flat=True))
        centres = within_box(CentrePage.objects.all(), lat, lon, NEARBY_M)
        producers = within_box(Producer.objects.all(), lat, lon, NEARBY_M)
        ids.update(
            ProductPage.objects.filter(centre__in=centres).values_list("pk", flat=True)
            | ProductPage.objects.filter(centre__isnull=True, producer__in=producers).values_list(
                "pk", flat=True
            )
        )
    return ids


def _naming(ids: set[int]) -> set[int]:
    """Pages that name one of these pages: related places, itinerary stops, a centre's products and a
    product's centre."""
    named = set(RelatedPlace.objects.filter(page_id__in=ids).values_list("page_from_id", flat=True))
    named |= set(ProductRelatedPlace.objects.filter(page_id__in=ids).values_list("page_from_id", flat=True))
    named |= set(ItineraryStop.objects.filter(place_id__in=ids).values_list("page_id", flat=True))
    named |= set(ProductPage.objects.filter(centre_id__in=ids).values_list("pk", flat=True))
    named |= {pk for pk in ProductPage.objects.filter(pk__in=ids).values_list("centre_id", flat=True) if pk}
    return named


def shown_on(page, points=()) -> set[int]:
    """Ids of the pages that show `page` (itself and its translations included), given the points it stood
    at (before and after a change)."""
    own = set(Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)) | {
        page.pk
    }
    naming = _naming(own)
    ids = own | naming
    # The lists above it, and above each page naming it: an itinerary's card on its index and the home page
    # says whether its route is complete.
    for each in Page.objects.filter(pk__in=ids).only("path", "depth"):
        ids = ids | set(each.get_ancestors().filter(depth__gt=1).values_list("pk", flat=True))
    return ids | _near(points)


# --- clearing ------------------------------------------------------------------------------------------------


def _feed_paths() -> set[str]:
    paths = set()
    for name in FEEDS:
        try:
            path = reverse(name)
        except NoReverseMatch:
            continue
        paths |= {path, path + "?lang=en"}
    return paths


def _batch() -> dict:
    """What the transaction in progress has changed so far: one warm-up and one purge when it commits, however
    many pages it published (the seed publishes two hundred in one)."""
    if not hasattr(_before, "batch"):
        _before.batch = {"ids": set(), "paths": set()}
    return _before.batch


def clear(page_ids: set[int], extra_paths: set[str] = frozenset()) -> None:
    paths = set(extra_paths)
    for page in Page.objects.filter(pk__in=page_ids).specific(defer=True):
        paths |= _paths(page)
    page_cache.forget(paths)
    batch = _batch()
    batch["ids"] |= set(page_ids)
    batch["paths"] |= paths
    # Every change asks; the first callback to run after the commit takes the whole batch, the rest find it
    # empty. (A rolled-back transaction leaves its batch to the next commit: one purge too many, no harm.)
    transaction.on_commit(_after_commit)


def forget_pending() -> None:
    """Drop what rolled-back transactions left in the batch (tests roll back every one)."""
    _before.batch = {"ids": set(), "paths": set()}
    _pending().clear()


def _after_commit() -> None:
    batch = _batch()
    ids, paths = batch["ids"], batch["paths"]
    if not ids and not paths:
        return
    _before.batch = {"ids": set(), "paths": set()}
    page_cache.forget(paths)
    if not getattr(_before, "paused", False):
        draw_maps(ids)
    _purge(paths | _feed_paths())


class paused:
    """`with paused():` publishes without drawing maps at the commit (the seed: `manage.py draw_maps` draws
    them all at once afterwards). Pages are still cleared and purged."""

    def __enter__(self):
        _before.paused = True

    def __exit__(self, *exc):
        _before.paused = False


def draw_maps(page_ids) -> int:
    """Render the live, public pages among `page_ids` as an anonymous visitor would get them, so that every map
    they show is drawn now, in the process that publishes, and stored in the maps cache for every app server
    (which then never loads folium). A page that fails to render is logged and skipped: publishing goes on.
    Returns how many pages were rendered."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    site = Site.objects.filter(is_default_site=True).first()
    # The site's own host when ALLOWED_HOSTS lets it in, else any host it names (Wagtail falls back to the default
    # site for a host it does not know).
    candidates = [site.hostname] if site else []
    candidates += [h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"] + ["localhost"]
    host = next((h for h in candidates if validate_host(h, settings.ALLOWED_HOSTS)), "localhost")
    factory = RequestFactory()
    rendered = 0
    for page in Page.objects.filter(pk__in=page_ids).live().public().specific().select_related("locale"):
        url = page.get_url()
        if not url or url.startswith(("http://", "https://")):
            continue
        request = factory.get(url, HTTP_HOST=host, secure=settings.CANONICAL_URL.startswith("https://"))
        request.user = AnonymousUser()
        try:
            with translation.override(page.locale.language_code):
                match = resolve(url)  # Wagtail's serve view: routable pages (itineraries) take their own view
                response = match.func(request, *match.args, **match.kwargs)
                if hasattr(response, "render"):
                    response.render()
            rendered += response.status_code == 200
        except Exception:
            logger.warning("could not draw the maps of %s", url, exc_info=True)
    return rendered


def _purge(paths: set[str]) -> None:
    batch = PurgeBatch()
    batch.add_urls(canonical_url(path) for path in sorted(paths))
    batch.purge()


# --- signal handlers -----------------------------------------------------------------------------------------


def _remember(instance, *, moves: bool = False) -> None:
    """Before a full save, a move or a delete: the addresses and the point the object has now; when its
    address is about to change (`moves`), the addresses below it too."""
    try:
        current = type(instance).objects.get(pk=instance.pk)
    except type(instance).DoesNotExist:
        return
    if isinstance(current, Page):
        current = current.specific
        paths = _with_descendants(current) if moves else _paths(current)
    else:
        paths = set()
    _pending()[(type(instance)._meta.label, instance.pk)] = (paths, _point(current), moves)


def _recalled(instance) -> tuple[set[str], list, bool]:
    paths, point, moves = _pending().pop((type(instance)._meta.label, instance.pk), (set(), None, False))
    return paths, [point] if point else [], moves


def before_page_save(sender, instance, update_fields=None, **kwargs):
    # A draft saves only its revision fields (update_fields); publishing saves the whole page. Page.save has
    # set the new url_path by now when the slug changed.
    if isinstance(instance, Page) and instance.pk and update_fields is None:
        stored = Page.objects.filter(pk=instance.pk).values_list("url_path", flat=True).first()
        _remember(instance, moves=stored is not None and stored != instance.url_path)


def before_page_move(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    _remember(instance, moves=url_path_before != url_path_after)


def page_changed(sender, instance, **kwargs):
    """Published, unpublished or moved: what showed it before, and what shows it now."""
    paths, points, moved = _recalled(instance)
    page = instance.specific
    if (point := _point(page)) is not None:
        points.append(point)
    clear(shown_on(page, points), paths | (_with_descendants(page) if moved else set()))


def before_page_delete(sender, instance, **kwargs):
    # Django sends this for the page's own row and each parent-table row of the same page: clearing twice
    # costs a few queries and nothing else.
    if isinstance(instance, Page):
        page = instance.specific
        point = _point(page)
        clear(shown_on(page, [point] if point else []), _with_descendants(page))


def restriction_changed(sender, instance, **kwargs):
    """A password or login put on (or taken off) a page hides (or shows) it and everything below it."""
    try:
        top = instance.page
    except Page.DoesNotExist:  # the page is being deleted with its restriction
        return
    ids = set()
    for page in Page.objects.descendant_of(top, inclusive=True).specific():
        point = _point(page)
        ids |= shown_on(page, [point] if point else [])
    clear(ids)


def before_producer_save(sender, instance, **kwargs):
    if instance.pk:
        _remember(instance)


def producer_changed(sender, instance, **kwargs):
    _paths, points, _moved = _recalled(instance)
    if (point := _point(instance)) is not None:
        points.append(point)
    ids = set(ProductPage.objects.filter(producer_id=instance.pk).values_list("pk", flat=True))
    if instance.centre_id:
        ids.add(instance.centre_id)
    clear(ids | _near(points))


def connect() -> None:
    pre_save.connect(before_page_save, dispatch_uid="home.invalidation.before_page_save")
    page_published.connect(page_changed, dispatch_uid="home.invalidation.published")
    page_unpublished.connect(page_changed, dispatch_uid="home.invalidation.unpublished")
    pre_page_move.connect(before_page_move, dispatch_uid="home.invalidation.before_move")
    post_page_move.connect(page_changed, dispatch_uid="home.invalidation.moved")
    pre_delete.connect(before_page_delete, dispatch_uid="home.invalidation.before_delete")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="home.invalidation.restricted"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="home.invalidation.unrestricted"
    )
    pre_save.connect(before_producer_save, sender=Producer, dispatch_uid="home.invalidation.before_producer")
    post_save.connect(producer_changed, sender=Producer, dispatch_uid="home.invalidation.producer_saved")
    post_delete.connect(producer_changed, sender=Producer, dispatch_uid="home.invalidation.producer_deleted")
