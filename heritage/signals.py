"""Every change that can alter what `heritage.published` remembers bumps its generation, at once and again when
the transaction commits (so a worker that read the tree in between does not keep what it read). Connected in
`HeritageConfig.ready`."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import published


def _forget(*args, **kwargs) -> None:
    published.bump()
    transaction.on_commit(published.bump)


def _page_saved_or_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        _forget()


def connect() -> None:
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
    ):
        signal.connect(_forget, dispatch_uid=f"heritage_published_{name}")
    post_save.connect(_page_saved_or_deleted, dispatch_uid="heritage_published_page_saved")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="heritage_published_page_deleted")
    # A page is remembered with its image (`published.page_at`): a new title, file or focal point shows.
    for model in (PageViewRestriction, Locale, Site, get_image_model()):
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(_forget, sender=model, dispatch_uid=f"heritage_published_{model.__name__}_{name}")
