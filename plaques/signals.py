"""A page gets its short code when it is first published (connected in `PlaquesConfig.ready`)."""

from wagtail.signals import page_published

from .codes import assign_code, is_qr_page


def give_published_page_a_code(sender, instance, **kwargs):
    if instance.live and is_qr_page(instance):
        assign_code(instance)


def connect() -> None:
    page_published.connect(give_published_page_a_code, dispatch_uid="plaques_assign_code")
