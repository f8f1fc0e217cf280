"""The QR panel on a place's edit view: its short code, a preview of the QR image and download links.

Read-only: the code is assigned on first publication and never edited. This module is imported by the page
models (for their panel lists), so everything that touches models is imported inside the methods.
"""

from django.db.models import Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel


class QRCodePanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("QR plaque"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "heritage/qr/admin/qr_panel.html"

        def get_context_data(self, parent_context=None):
            from .codes import code_for_page, short_url

            context = super().get_context_data(parent_context)
            page = self.instance
            short_code = code_for_page(page) if page is not None and page.pk else None
            context["short_code"] = short_code
            if short_code is not None:
                code = short_code.code
                context.update(
                    short_url=short_url(code),
                    svg_url=reverse("heritage_qr:svg", args=[code]),
                    png_url=reverse("heritage_qr:png", args=[code]),
                    plaque_url=reverse("heritage_qr:plaque", args=[code]),
                    scans=short_code.scan_counts.aggregate(total=Sum("count"))["total"] or 0,
                )
            return context
