"""QR short codes and their scan counts.

A plaque bolted to a temple wall outlives any reorganisation of the site, so the QR code on it must not
encode a page's path. It encodes `<QR_BASE_URL>/q/<CODE>`; the code points at the page by id, and the page's
*current* URL is looked up at scan time. A code is assigned once, kept for life and never reused: when its
page is deleted the row stays (the page link becomes NULL), so an old plaque answers "this story is gone"
instead of landing on some other place.

Scans are counted per code and per day (Asia/Jakarta), as one counter row: no IP, no user agent, nothing
about the visitor is stored.
"""

import swapper

from django.db import models
from django.utils.translation import gettext_lazy as _


class ShortCode(models.Model):
    code = models.CharField(max_length=8, unique=True, editable=False)
    page = models.OneToOneField(
        swapper.get_model_name("wagtailcore", "Page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="short_code",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("QR short code")
        db_table = "heritage_shortcode"  # kept from when the model lived in heritage
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class ScanCount(models.Model):
    short_code = models.ForeignKey(ShortCode, on_delete=models.CASCADE, related_name="scan_counts")
    date = models.DateField(help_text=_("The day of the scans, in Asia/Jakarta time."))
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("QR scan count")
        db_table = "heritage_scancount"  # kept from when the model lived in heritage
        constraints = [
            models.UniqueConstraint(fields=["short_code", "date"], name="heritage_scancount_code_date"),
        ]

    def __str__(self) -> str:
        return f"{self.short_code_id} {self.date}: {self.count}"
