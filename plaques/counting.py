"""Counting scans: one counter row per code and day, nothing about the visitor.

The day is the calendar day in Malang (Asia/Jakarta, WIB), whatever the server's clock zone. The counter is
bumped with a single `UPDATE … SET count = count + 1`, which the database applies atomically however many
scans arrive at once; the first scan of a day inserts the row with `ON CONFLICT DO NOTHING` (two first scans
racing both land on the one row) and then bumps it.

SQLite serialises writers. Under a burst a statement may fail with "database is locked" (or, with the
shared-cache in-memory database of the tests, "database table is locked") instead of waiting, so a failed
statement is retried after a short, jittered pause. PostgreSQL never raises these.
"""

import datetime as dt
import random
import re
import time
from zoneinfo import ZoneInfo

from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone

from .models import ScanCount

MALANG_TZ = ZoneInfo("Asia/Jakarta")

# Crawlers, link previews (WhatsApp, Telegram, Slack, iMessage's facebookexternalhit) and uptime monitors
# fetch a short link without anyone standing at the plaque.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|whatsapp|lighthouse|pingdom|uptime|monitor",
    re.IGNORECASE,
)

LOCK_RETRIES = 60


def malang_today() -> dt.date:
    return timezone.localdate(timezone=MALANG_TZ)


def is_countable(request) -> bool:
    """A GET from something that is not an obvious robot. HEAD requests (link checkers) are not scans."""
    if request.method != "GET":
        return False
    return not BOT_USER_AGENT.search(request.headers.get("User-Agent", "")[:512])


def _is_lock_error(error: OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def _run(operation):
    """Run one statement, retrying while SQLite reports a lock. Inside a transaction the statement gets a
    savepoint, so a failed attempt does not poison the outer transaction."""
    for attempt in range(LOCK_RETRIES):
        try:
            if connection.in_atomic_block:
                with transaction.atomic():
                    return operation()
            return operation()
        except OperationalError as error:
            if not _is_lock_error(error) or attempt == LOCK_RETRIES - 1:
                raise
            time.sleep(min(0.002 * (attempt + 1), 0.05) * (0.5 + random.random()))  # noqa: S311 (jitter)
    return None  # not reached


def count_scan(short_code_id: int, day: dt.date | None = None) -> None:
    """Add one scan to the code's counter for `day` (today in Malang by default)."""
    day = day or malang_today()
    counter = ScanCount.objects.filter(short_code_id=short_code_id, date=day)

    if _run(lambda: counter.update(count=F("count") + 1)):
        return  # the usual case: one statement
    _run(
        lambda: ScanCount.objects.bulk_create(
            [ScanCount(short_code_id=short_code_id, date=day, count=0)], ignore_conflicts=True
        )
    )
    _run(lambda: counter.update(count=F("count") + 1))
