"""Writing scan counts to the database: many codes and days at once, in one transaction.

Counts arrive as {(short_code_id, Malang day): scans}. Each pair has one counter row; the rows that do not
exist yet are inserted with `ON CONFLICT DO NOTHING` (two processes inserting the same first row both land on
it) and every row is then bumped with `UPDATE … SET count = count + n`, which the database applies atomically
whoever else writes. All of it is one transaction: either every count of the batch is in, or none is and the
caller still holds them all, so a batch is never half-written and never written twice.

On SQLite the transaction starts with BEGIN IMMEDIATE (settings: `transaction_mode`), so a database held by
another writer fails at once with "database is locked" after the busy timeout, before anything is written.
"""

import datetime as dt
import logging
from collections import Counter

from django.db import transaction
from django.db.models import F

from .models import ScanCount, ShortCode

log = logging.getLogger(__name__)

ScanKey = tuple[int, dt.date]  # (short_code_id, day in Malang)


def write_counts(counts: Counter[ScanKey] | dict[ScanKey, int]) -> int:
    """Add `counts` to the counter rows in one transaction; the number of scans written.

    Scans of a code deleted meanwhile (its rows went with it) are dropped, and said in the log: they have
    nowhere to go, and keeping them would make every later batch fail on the missing code.
    """
    counts = {key: scans for key, scans in counts.items() if scans > 0}
    if not counts:
        return 0
    with transaction.atomic():
        known = set(
            ShortCode.objects.filter(pk__in={code_id for code_id, _day in counts}).values_list(
                "pk", flat=True
            )
        )
        orphans = {key: scans for key, scans in counts.items() if key[0] not in known}
        if orphans:
            log.warning("Dropping %d scans of deleted QR codes: %s", sum(orphans.values()), sorted(orphans))
        # In one order in every process: two flushes bumping the same rows on PostgreSQL then queue for
        # each row lock instead of deadlocking.
        counts = {key: scans for key, scans in sorted(counts.items()) if key[0] in known}
        ScanCount.objects.bulk_create(
            [ScanCount(short_code_id=code_id, date=day, count=0) for code_id, day in counts],
            ignore_conflicts=True,
        )
        for (code_id, day), scans in counts.items():
            ScanCount.objects.filter(short_code_id=code_id, date=day).update(count=F("count") + scans)
    return sum(counts.values())
