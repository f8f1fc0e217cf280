"""The QR panel on the edit view of a page with plaques: its short code, a preview of the QR image and
download links.

Read-only: the code is assigned on first publication and never edited. The page models do not know this
panel: `add_qr_panels` (run when the app is ready) appends it to every page type that has plaques.
"""

from django.db.models import Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel
from wagtail.models import get_page_models

from .codes import code_for_page, is_qr_page, short_url


class QRCodePanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("QR plaque"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "plaques/admin/qr_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            short_code = code_for_page(page) if page is not None and page.pk else None
            context["short_code"] = short_code
            if short_code is None and page is not None and page.pk:
                # A moderator may give a draft its code now, to have the plaque printed before publication.
                if page.permissions_for_user(self.request.user).can_publish():
                    context["give_code_url"] = reverse("plaques_give_code_now", args=[page.pk])
                else:
                    context["moderator_may_give_code"] = True
            context["not_live_yet"] = page is not None and not page.live
            if short_code is not None:
                code = short_code.code
                context.update(
                    short_url=short_url(code),
                    svg_url=reverse("plaques:svg", args=[code]),
                    png_url=reverse("plaques:png", args=[code]),
                    plaque_url=reverse("plaques:plaque", args=[code]),
                    scans=short_code.scan_counts.aggregate(total=Sum("count"))["total"] or 0,
                )
            return context


def add_qr_panels() -> None:
    """Give every page type with plaques the QR panel at the end of its content tab, once."""
    for model in get_page_models():
        if is_qr_page(model) and not any(isinstance(p, QRCodePanel) for p in model.content_panels):
            model.content_panels = [*model.content_panels, QRCodePanel()]
