"""From a scanned code to the page the visitor should land on.

The code points at a page id; the visitor lands on that place's *live* translation in their language when
there is one, else on the code's own page, else on any live translation. The URL is the page's current one,
computed from its `url_path` and Wagtail's cached site root paths, so a moved or renamed page is followed
without any redirect table.

The hot path is one query (the live pages of the code's translation group, with the code's id alongside);
counting the scan costs none (plaques/counting.py). Unknown, deleted and unpublished codes cost a few more.
"""

from dataclasses import dataclass

from django.db.models import Subquery

from wagtail.models import Page

from .models import ShortCode


@dataclass
class Scan:
    short_code_id: int | None = None  # None: no such code
    target: Page | None = None  # the live page to land on
    page: Page | None = None  # the code's page when nothing is live (unpublished), else None

    @property
    def known(self) -> bool:
        return self.short_code_id is not None


def live_translations(code: str) -> list[Page]:
    """The live pages of the code's translation group, each annotated with `short_code_id` and
    `code_page_id` (the id of the page the code belongs to). One query."""
    short_code = ShortCode.objects.filter(code=code)
    return list(
        Page.objects.filter(
            live=True, translation_key=Subquery(short_code.values("page__translation_key")[:1])
        )
        .annotate(
            short_code_id=Subquery(short_code.values("pk")[:1]),
            code_page_id=Subquery(short_code.values("page_id")[:1]),
        )
        .select_related("locale")
        .only("id", "url_path", "translation_key", "content_type_id", "locale__language_code")
        .order_by("pk")
    )


def pick(pages: list[Page], lang: str) -> Page:
    for page in pages:
        if page.locale.language_code == lang:
            return page
    own = [page for page in pages if page.pk == page.code_page_id]
    return (own or pages)[0]


def resolve(code: str, lang: str) -> Scan:
    pages = live_translations(code)
    if pages:
        return Scan(short_code_id=pages[0].short_code_id, target=pick(pages, lang))
    short_code = ShortCode.objects.filter(code=code).select_related("page").first()
    if short_code is None:
        return Scan()
    return Scan(short_code_id=short_code.pk, page=short_code.page)


def page_url(page: Page, request) -> str | None:
    """The page's current URL: relative on a one-site install (the visitor stays on the host they scanned
    through, CDN or not), absolute when the page belongs to another site."""
    parts = page.get_url_parts(request=request)
    if parts is None or parts[2] is None:
        return None
    _site_id, root_url, path = parts
    site_ids = {root.site_id for root in page._get_site_root_paths(request)}
    if len(site_ids) == 1:
        return path
    return page.get_url(request=request)
