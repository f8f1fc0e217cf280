"""Reading scan counts the way the tourism office sees them: after the scan counter has written them."""


def flush_scans() -> int:
    """Write the scans this process holds to the database, as the counter's thread does every few seconds;
    the number written."""
    from plaques import scan_counter

    flushed = scan_counter.flush_scans()
    assert flushed.refused == 0, "the database refused the scans"
    return flushed.written


def total_scans(code: str) -> int:
    """Every scan of the code counted so far, once the pending ones are written."""
    from django.db.models import Sum

    from plaques.models import ScanCount

    flush_scans()
    return ScanCount.objects.filter(short_code__code=code).aggregate(total=Sum("count"))["total"] or 0
