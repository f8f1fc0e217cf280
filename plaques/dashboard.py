"""The scan figures of the last days, for the office's dashboard page and the city's dashboards
(`/api/qr-scans.json`): scans per day and per ISO week, the plaques scanned most, and scans by the region
of the scanned place. Counts only, from the same daily counters as the scans CSV, so the figures add up to
it. The visitor's language is not recorded by the counter, so there is no figure by language.

Charts are SVG drawn here (bars as rectangles, no script), so the page needs no charting library and works
under the admin's CSP and in print.
"""

import datetime as dt

from django.db.models import Sum
from django.db.models.functions import TruncWeek
from django.utils.translation import gettext as _

from wagtail.models import Page

from heritage.vocabulary import Region

from .counting import malang_today
from .models import ScanCount

DEFAULT_DAYS = 90
MAX_DAYS = 366
TOP = 10
REGIONS = dict(Region.choices)


def scan_figures(days: int = DEFAULT_DAYS, today: dt.date | None = None) -> dict:
    today = today or malang_today()
    since = today - dt.timedelta(days=days - 1)
    rows = ScanCount.objects.filter(date__range=(since, today), count__gt=0)
    per_day = dict(rows.values_list("date").annotate(scans=Sum("count")).values_list("date", "scans"))
    per_week = (
        rows.annotate(week=TruncWeek("date")).values("week").annotate(scans=Sum("count")).order_by("week")
    )
    by_code = list(
        rows.values("short_code__code", "short_code__page_id")
        .annotate(scans=Sum("count"))
        .order_by("-scans", "short_code__code")
    )
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[r["short_code__page_id"] for r in by_code]).specific()
    }
    by_region = {}
    for row in by_code:
        region = getattr(pages.get(row["short_code__page_id"]), "region", "") or ""
        by_region[region] = by_region.get(region, 0) + row["scans"]
    return {
        "from": since.isoformat(),
        "to": today.isoformat(),
        "days": days,
        "total": sum(per_day.values()),
        "per_day": [
            {
                "date": (since + dt.timedelta(days=n)).isoformat(),
                "scans": per_day.get(since + dt.timedelta(days=n), 0),
            }
            for n in range(days)
        ],
        "per_week": [{"week_from": _day(row["week"]).isoformat(), "scans": row["scans"]} for row in per_week],
        "top": [
            {
                "code": row["short_code__code"],
                "page_id": row["short_code__page_id"],
                "title": pages[row["short_code__page_id"]].title
                if row["short_code__page_id"] in pages
                else "",
                "scans": row["scans"],
            }
            for row in by_code[:TOP]
        ],
        "by_region": [
            {"region": region, "label": REGIONS.get(region, region) or _("Other pages"), "scans": scans}
            for region, scans in sorted(by_region.items(), key=lambda item: (-item[1], item[0]))
        ],
    }


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def bars(values: list[int], *, width: int = 720, height: int = 160) -> dict:
    """Rectangles of an SVG bar chart for `values` (bottom-aligned, the tallest bar full height)."""
    top = max(values, default=0) or 1
    step = width / max(len(values), 1)
    return {
        "width": width,
        "height": height,
        "max": max(values, default=0),
        "rects": [
            {
                "x": round(n * step, 2),
                "width": max(round(step - 1, 2), 1),
                "height": round(value / top * height, 2),
                "y": round(height - value / top * height, 2),
                "value": value,
            }
            for n, value in enumerate(values)
        ],
    }
