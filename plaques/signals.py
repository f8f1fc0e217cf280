"""A page gets its short code when it is first published, and every change that can move the address a code
leads to empties the scan lookup (connected in `PlaquesConfig.ready`)."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import lookup
from .codes import assign_code, is_qr_page
from .models import ShortCode


def give_published_page_a_code(sender, instance, **kwargs):
    if instance.live and is_qr_page(instance):
        assign_code(instance)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        lookup.forget_all()


def connect() -> None:
    page_published.connect(give_published_page_a_code, dispatch_uid="plaques_assign_code")
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
    ):
        signal.connect(lookup.forget_all, dispatch_uid=f"plaques_lookup_{name}")
    post_delete.connect(page_deleted, dispatch_uid="plaques_lookup_deleted")
    for signal, name in ((post_save, "restricted"), (post_delete, "unrestricted")):
        signal.connect(lookup.forget_all, sender=PageViewRestriction, dispatch_uid=f"plaques_lookup_{name}")
    for signal, name in ((post_save, "code_saved"), (post_delete, "code_deleted")):
        signal.connect(lookup.forget_all, sender=ShortCode, dispatch_uid=f"plaques_lookup_{name}")
