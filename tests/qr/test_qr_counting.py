"""Counting scans: one atomic counter per code and Malang day; exact under a burst of visitors."""

import datetime as dt
import os
import threading

import pytest
from scan_helpers import flush_scans, total_scans

from django.db import connection
from django.test import Client


def test_scans_are_counted_per_day_in_malang_time(client, badut_code, monkeypatch):
    from django.utils import timezone

    from plaques.models import ScanCount

    # 17:30 UTC on New Year's Day is half past midnight on 2 January in Malang (UTC+7).
    late_evening_utc = dt.datetime(2027, 1, 1, 17, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: late_evening_utc)
    client.get(f"/q/{badut_code}", headers={"user-agent": "Mozilla/5.0 visitor-1"})
    client.get(f"/q/{badut_code}", headers={"user-agent": "Mozilla/5.0 visitor-2"})
    monkeypatch.setattr(timezone, "now", lambda: late_evening_utc - dt.timedelta(hours=1))
    client.get(f"/q/{badut_code}", headers={"user-agent": "Mozilla/5.0 visitor-3"})
    flush_scans()
    rows = dict(ScanCount.objects.filter(short_code__code=badut_code).values_list("date", "count"))
    assert rows == {dt.date(2027, 1, 2): 2, dt.date(2027, 1, 1): 1}


def test_a_counter_row_holds_nothing_about_the_visitor():
    from plaques.models import ScanCount

    assert {field.name for field in ScanCount._meta.get_fields()} == {"id", "short_code", "date", "count"}


def _fifty_visitors_at_once(code, visitors=50, crowd="first"):
    """Real threads, each with its own database connection, released together by a barrier."""
    barrier = threading.Barrier(visitors)
    statuses, errors = [], []

    def visit(index):
        try:
            browser = Client()
            barrier.wait(timeout=30)
            statuses.append(
                browser.get(
                    f"/q/{code}", headers={"user-agent": f"Mozilla/5.0 {crowd}-visitor-{index}"}
                ).status_code
            )
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=visit, args=(i,)) for i in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert statuses == [302] * visitors


def test_fifty_visitors_scanning_one_plaque_at_once_count_exactly_fifty(
    transactional_db, django_db_serialized_rollback, sample_site
):
    from heritage.models import PlacePage
    from plaques.codes import code_for_page

    code = code_for_page(PlacePage.objects.get(slug="kawah-bromo", locale__language_code="id")).code
    _fifty_visitors_at_once(code)
    assert total_scans(code) == 50
    _fifty_visitors_at_once(code, crowd="second")  # the day's row exists now: the flush only bumps it
    assert total_scans(code) == 100


@pytest.mark.postgres
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs a PostgreSQL DATABASE_URL"
)
def test_fifty_concurrent_scans_count_exactly_fifty_on_postgresql(
    transactional_db, django_db_serialized_rollback, sample_site
):
    from heritage.models import PlacePage
    from plaques.codes import code_for_page

    code = code_for_page(PlacePage.objects.get(slug="candi-jago", locale__language_code="id")).code
    _fifty_visitors_at_once(code)
    assert total_scans(code) == 50


def test_interleaved_first_scans_of_a_day_land_on_one_row(badut_code):
    """Two visitors both find no row for today and both insert: ON CONFLICT keeps one row, both count."""
    from plaques.counting import count_scan
    from plaques.models import ScanCount, ShortCode

    short_code_id = ShortCode.objects.get(code=badut_code).pk
    day = dt.date(2027, 8, 17)
    for _ in range(2):
        ScanCount.objects.bulk_create(
            [ScanCount(short_code_id=short_code_id, date=day, count=0)], ignore_conflicts=True
        )
    for _ in range(50):
        count_scan(short_code_id, day)
    assert list(ScanCount.objects.filter(short_code_id=short_code_id).values_list("date", "count")) == [
        (day, 50)
    ]
