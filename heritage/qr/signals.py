"""A page gets its short code when it is first published (connected in `HeritageConfig.ready`)."""

from wagtail.signals import page_published


def give_published_page_a_code(sender, instance, **kwargs):
    from .codes import assign_code, is_qr_page

    if instance.live and is_qr_page(instance):
        assign_code(instance)


def connect() -> None:
    page_published.connect(give_published_page_a_code, dispatch_uid="heritage_qr_assign_code")
