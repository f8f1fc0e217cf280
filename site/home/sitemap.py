"""`/sitemap.xml`: every published, public page in both languages under the canonical address, each with its
hreflang alternates (itself and its published translations) and the date of its last publication; and the
pages that are views rather than Wagtail pages (the open-data page), in both languages.

Wagtail's own sitemap lists the default site's tree only (the Indonesian one: the English home is a sibling
of the Indonesian home, not below it) under the Site record's host, without alternates.
"""

from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from heritage.open_data import canonical_url


def _entry(location: str, lastmod, alternates: list[dict]) -> dict:
    return {"location": location, "lastmod": lastmod, "alternates": alternates if len(alternates) > 1 else []}


class PagesSitemap(Sitemap):
    def items(self):
        site = Site.objects.select_related("root_page").get(is_default_site=True)
        roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().select_related("locale").order_by("locale__language_code", "path")

    def _urls(self, page, protocol, domain):
        listed = list(self.paginator.page(page).object_list)
        # Translations of what is listed, in one query: a page's alternates are its published copies.
        copies = defaultdict(list)
        keys = {item.translation_key for item in listed}
        for copy in (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            url = copy.get_url(self.request)
            if url:
                copies[copy.translation_key].append(
                    {"lang_code": copy.locale.language_code, "location": canonical_url(url)}
                )
        urls = []
        for item in listed:
            url = item.get_url(self.request)
            if not url:  # a page outside any site's tree has no address to list
                continue
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append(_entry(canonical_url(url), lastmod, copies[item.translation_key]))
        dates = [entry["lastmod"] for entry in urls if entry["lastmod"]]
        if dates:
            self.latest_lastmod = max(dates)
        return urls


class ViewsSitemap(Sitemap):
    """Named views that are pages to a reader, in every language, each naming the other as its alternate."""

    names = ("open_data",)

    def items(self):
        return list(self.names)

    def _urls(self, page, protocol, domain):
        lastmod = (
            Page.objects.live()
            .public()
            .order_by("-last_published_at")
            .values_list("last_published_at", flat=True)
            .first()
        )
        urls = []
        for name in self.paginator.page(page).object_list:
            alternates = []
            for code, _ in settings.LANGUAGES:
                with translation.override(code):
                    alternates.append({"lang_code": code, "location": canonical_url(reverse(name))})
            urls.extend(_entry(alternate["location"], lastmod, alternates) for alternate in alternates)
        return urls


SITEMAPS = {"pages": PagesSitemap, "views": ViewsSitemap}
