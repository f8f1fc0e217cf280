"""Open data: daily QR scan counts per code, as CSV. Counts only; nothing about who scanned.

`?from=YYYY-MM-DD&to=YYYY-MM-DD` (both optional, inclusive) narrow the days; a malformed date answers 400
naming the parameter, as the other open-data endpoints do.
"""

import csv
import datetime as dt
import io

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from heritage.open_data import bad_parameter, cacheable, feed_metadata, licensed
from heritage.spreadsheets import safe_cell

from .dashboard import DEFAULT_DAYS, MAX_DAYS, scan_figures
from .models import ScanCount

COLUMNS = ["code", "page_id", "title", "date", "scans"]


def parse_day(raw: str | None) -> dt.date | None:
    """None when absent; ValueError unless exactly YYYY-MM-DD."""
    if not raw:
        return None
    if len(raw) != 10:
        raise ValueError(raw)
    return dt.date.fromisoformat(raw)


def scan_rows(date_from=None, date_to=None):
    rows = ScanCount.objects.filter(count__gt=0)
    if date_from:
        rows = rows.filter(date__gte=date_from)
    if date_to:
        rows = rows.filter(date__lte=date_to)
    return rows.order_by("date", "short_code__code").values_list(
        "short_code__code", "short_code__page_id", "short_code__page__title", "date", "count"
    )


def scans_csv_text(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for code, page_id, title, day, count in rows:
        writer.writerow([code, page_id or "", safe_cell(title or ""), day.isoformat(), count])
    return out.getvalue()


@require_GET
def scans_csv(request):
    bounds = {}
    for name in ("from", "to"):
        try:
            bounds[name] = parse_day(request.GET.get(name))
        except ValueError:
            return bad_parameter(name, "a date as YYYY-MM-DD")
    response = HttpResponse(
        scans_csv_text(scan_rows(bounds["from"], bounds["to"])), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="malang-heritage-qr-scans.csv"'
    return licensed(cacheable(response), "qr-scans")


def parse_days(raw: str | None) -> int:
    """DEFAULT_DAYS when absent; ValueError unless a whole number from 1 to MAX_DAYS."""
    if raw is None or raw == "":
        return DEFAULT_DAYS
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_DAYS:
        raise ValueError(raw)
    return int(raw)


@require_GET
def scans_json(request):
    """The dashboard's figures for the last `days` days (90 unless asked; today is Malang's today)."""
    try:
        days = parse_days(request.GET.get("days"))
    except ValueError:
        return bad_parameter("days", f"a whole number of days from 1 to {MAX_DAYS}")
    figures = {"metadata": feed_metadata("qr-scans"), **scan_figures(days)}
    return licensed(cacheable(JsonResponse(figures, json_dumps_params={"ensure_ascii": False})), "qr-scans")
