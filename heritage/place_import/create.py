"""Writing a clean report's rows as draft pages under the chosen place list: all or nothing.

Every row becomes a page that is not live, saved with a revision (as the admin's own "Save draft" does), so
the office's moderation workflow decides what is published. Any error on any row rolls the whole import back:
no page, no revision, no log entry is left behind.
"""

from django.db import transaction

from heritage.content.place_fields import set_place_children
from heritage.models import RelatedPlace


class RefusedImport(ValueError):
    """The report has problems (or no rows): nothing may be imported."""

    def __init__(self, report):
        super().__init__(report.summary())
        self.report = report


@transaction.atomic
def create_drafts(report, *, user=None) -> list:
    """The draft pages of a clean report, in file order."""
    if not report.ok:
        raise RefusedImport(report)
    index = report.index
    pages = []
    for row in report.rows:
        page = row.model(title=row.title, slug=row.slug, summary=row.summary, live=False, **row.fields)
        page.locale = index.locale
        set_place_children(page, row.props)
        index.add_child(instance=page)
        pages.append((row, page))
    by_slug = {page.slug: page for _row, page in pages}
    siblings = {child.slug: child for child in index.get_children().specific()}
    for row, page in pages:
        # Related places the list or the file does not have are left out: a link, not a fact.
        related = [slug for slug in row.props.get("related") or [] if isinstance(slug, str)]
        targets = [by_slug.get(slug) or siblings.get(slug) for slug in related]
        targets = [target for target in targets if target is not None and target.pk != page.pk]
        if targets:
            page.related_places.set([RelatedPlace(page=target) for target in targets])
            page.save(clean=False)
        page.save_revision(user=user, log_action=True, clean=False)
    return [page for _row, page in pages]
