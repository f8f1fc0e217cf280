"""The site's one public address (settings.CANONICAL_URL) and the default Wagtail Site record that follows it.

Wagtail builds a page's full URL from its Site record (hostname and port): the sitemap, the purge URLs of the
front cache and every `get_full_url` use it. After each `migrate` the default Site is set from CANONICAL_URL, so
the address is configured in one place; pages' `<link rel="canonical">`, hreflang and og:url name it too, whatever
Host header a request (or a proxy) came with.
"""

from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Site

from heritage.open_data import canonical_url  # noqa: F401  (the address a page is known by)


def canonical_host() -> tuple[str, int]:
    parts = urlsplit(settings.CANONICAL_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(**kwargs):
    """post_migrate: the default Site takes the canonical host and port (a no-op when they already match)."""
    hostname, port = canonical_host()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
