"""What the tourism office learns from the plaques: scans per place per day or per week, and the week's
most-scanned places on the dashboard. Counts only; nothing about who scanned.
"""

import datetime as dt

import django_filters

from django.conf import settings
from django.db.models import F, Sum, Value
from django.db.models.functions import Coalesce, TruncWeek
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from heritage.spreadsheets import safe_cell

from .counting import malang_today
from .models import ScanCount

PERIODS = [("day", _("Day")), ("week", _("Week"))]


class ScanReportFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Scans per"), choices=PERIODS, empty_label=None, method="group_later"
    )
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = ScanCount
        fields = ["period", "date"]

    def group_later(self, queryset, name, value):
        return queryset  # the view groups the rows by the period after filtering them


def scans_by_period(rows, period: str = "day"):
    """Counter rows summed per code and per day or per ISO week (starting Monday), as dicts with `code`,
    `page_id`, `title`, `period` and `scans`."""
    bucket = TruncWeek("date") if period == "week" else F("date")
    return rows.values(
        code=F("short_code__code"),
        page_id=F("short_code__page_id"),
        title=Coalesce(F("short_code__page__title"), Value("")),
        period=bucket,
    ).annotate(scans=Sum("count"))


def dedup_note() -> str:
    """What a count means, for the office: repeats within SCAN_DEDUP_WINDOW are one visitor, and why."""
    window = settings.SCAN_DEDUP_WINDOW
    if window <= 0:
        return gettext("Every scan is counted, repeats from the same phone included.")
    if window % 60 == 0:
        span = ngettext("%(minutes)d minute", "%(minutes)d minutes", window // 60) % {"minutes": window // 60}
    else:
        span = ngettext("%(seconds)d second", "%(seconds)d seconds", window) % {"seconds": window}
    return gettext(
        "A phone that scans the same plaque again within %(span)s is counted once: a second look, a "
        "reloaded link or a camera app that opens the link twice is still one visitor. Phones are told "
        "apart only by a keyed fingerprint kept in the cache for that time; nothing about the visitor is "
        "stored."
    ) % {"span": span}


class QRScansReportView(ReportView):
    template_name = "plaques/admin/qr_scans_report.html"
    page_title = _("QR scans")
    header_icon = "view"
    index_url_name = "plaques_scans_report"
    index_results_url_name = "plaques_scans_report_results"
    filterset_class = ScanReportFilterSet
    default_ordering = "-period"
    paginate_by = 100
    list_export = ["period", "code", "page_id", "title", "scans"]
    export_headings = {
        "period": _("Date (day, or Monday of the week)"),
        "code": _("Code"),
        "page_id": _("Page id"),
        "title": _("Place"),
        "scans": _("Scans"),
    }

    @cached_property
    def period(self) -> str:
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("period") or "day"
        return "day"

    @property
    def columns(self):
        return [
            Column(
                "period",
                label=_("Week from") if self.period == "week" else _("Day"),
                sort_key="period",
            ),
            Column("title", label=_("Place"), sort_key="title"),
            Column("code", label=_("Code"), sort_key="code"),
            Column("scans", label=_("Scans"), sort_key="scans"),
        ]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "dedup_note": dedup_note()}

    def get_filename(self):
        return f"qr-scans-per-{self.period}-{malang_today():%Y-%m-%d}"

    def preprocess_field_value(self, field, value, export_format):
        """Place titles are editors' text: no formula and no character XLSX cannot hold, in either format."""
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_queryset(self):
        rows = scans_by_period(self.filter_queryset(ScanCount.objects.all()), self.period)
        ordering = self.ordering or self.default_ordering
        # Ties (same day, same count) in a stable order.
        return rows.order_by(ordering, *(key for key in ("-period", "code") if key.lstrip("-") != ordering))


class MostScannedPanel(Component):
    """Dashboard: the places scanned most in the last seven days (today included, Malang time)."""

    name = "qr_most_scanned"
    template_name = "plaques/admin/most_scanned_panel.html"
    order = 150
    limit = 5

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = malang_today()
        since = today - dt.timedelta(days=6)
        top = (
            ScanCount.objects.filter(date__range=(since, today))
            .values(code=F("short_code__code"), page_id=F("short_code__page_id"))
            .annotate(title=Coalesce(F("short_code__page__title"), Value("")), scans=Sum("count"))
            .order_by("-scans", "code")[: self.limit]
        )
        context.update(
            top=list(top),
            since=since,
            report_url=reverse(QRScansReportView.index_url_name) + "?period=week",
        )
        return context
