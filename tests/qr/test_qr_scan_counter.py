"""The scan counter in one process: a scan waits in memory and reaches the database at the flush, whole and
once; a repeat from the same phone within the window is one visitor; a process that cannot write leaves its
scans in the spool for the next flush."""

import datetime as dt
import json
import os
import time
from types import SimpleNamespace

from scan_helpers import flush_scans, total_scans

from django.db import OperationalError
from django.test import Client

from plaques import scan_counter
from plaques.scan_counter import start_flusher as start_the_real_flusher

PHONE = "Mozilla/5.0 (Linux; Android 14) Mobile Safari"


def rows_in_database(code):
    from plaques.models import ScanCount

    return list(ScanCount.objects.filter(short_code__code=code).values_list("date", "count"))


def scan(client, code, user_agent=PHONE, **extra):
    response = client.get(f"/q/{code}", headers={"user-agent": user_agent}, **extra)
    assert response.status_code == 302
    return response


def refuse(counts):
    """The database's answer while another process holds its write lock (a real lock: test_qr_scan_servers)."""
    raise OperationalError("database is locked")


# --- buffered: nothing in the database until the flush, then everything, once ---------------------------------


def test_fifty_scans_wait_in_memory_and_the_flush_writes_exactly_fifty(client, badut_code):
    for visitor in range(50):
        scan(client, badut_code, f"{PHONE} visitor-{visitor}")
    assert rows_in_database(badut_code) == []  # the redirects went out; nothing written yet
    assert scan_counter.buffer.total() == 50
    assert flush_scans() == 50
    assert total_scans(badut_code) == 50
    assert flush_scans() == 0  # a second flush writes nothing again
    assert total_scans(badut_code) == 50


def test_a_flush_the_database_refuses_keeps_the_scans_and_the_next_one_writes_them_once(
    client, badut_code, monkeypatch
):
    from plaques import scan_store

    for visitor in range(7):
        scan(client, badut_code, f"{PHONE} visitor-{visitor}")
    real_write = scan_store.write_counts
    monkeypatch.setattr(scan_counter, "write_counts", refuse)
    refused = scan_counter.flush_scans()
    assert (refused.written, refused.refused) == (0, 7)
    assert rows_in_database(badut_code) == []
    assert scan_counter.buffer.total() == 7  # kept, not lost
    scan(client, badut_code, f"{PHONE} a visitor during the outage")
    monkeypatch.setattr(scan_counter, "write_counts", real_write)
    assert flush_scans() == 8
    assert flush_scans() == 0
    assert total_scans(badut_code) == 8


def test_exit_with_the_database_refusing_spools_the_scans_and_a_later_flush_writes_them_once(
    client, badut_code, settings, monkeypatch
):
    from plaques import scan_store

    for visitor in range(5):
        scan(client, badut_code, f"{PHONE} visitor-{visitor}")
    monkeypatch.setattr(scan_counter, "write_counts", refuse)
    scan_counter.flush_at_exit()
    assert scan_counter.buffer.total() == 0
    (spooled,) = settings.SCAN_SPOOL_DIR.glob("*.jsonl")
    lines = [json.loads(line) for line in spooled.read_text().splitlines()]
    assert [line["count"] for line in lines] == [5]
    assert set(lines[0]) == {"short_code_id", "date", "count"}  # nothing about the visitors

    monkeypatch.setattr(scan_counter, "write_counts", scan_store.write_counts)
    assert flush_scans() == 5  # the next process's flush claims the spool file
    assert list(settings.SCAN_SPOOL_DIR.iterdir()) == []
    assert flush_scans() == 0
    assert total_scans(badut_code) == 5


def test_a_spool_file_is_claimed_by_one_flush_only(badut_code, settings):
    from plaques.models import ShortCode
    from plaques.scan_spool import claim_spool, write_spool

    key = (ShortCode.objects.get(code=badut_code).pk, dt.date(2027, 3, 1))
    write_spool(settings.SCAN_SPOOL_DIR, {key: 4})
    first, second = claim_spool(settings.SCAN_SPOOL_DIR), claim_spool(settings.SCAN_SPOOL_DIR)
    assert (first.counts[key], second.counts[key]) == (4, 0)
    first.undo()  # the database refused it: back in the spool, whole
    assert flush_scans() == 4
    assert rows_in_database(badut_code) == [(dt.date(2027, 3, 1), 4)]


def test_an_unreadable_spool_file_is_set_aside_not_guessed_at(badut_code, settings):
    settings.SCAN_SPOOL_DIR.mkdir(parents=True)
    (settings.SCAN_SPOOL_DIR / "scans-1-broken.jsonl").write_text('{"short_code_id": 1, "da')
    assert flush_scans() == 0
    assert [path.name.endswith(".unreadable") for path in settings.SCAN_SPOOL_DIR.iterdir()] == [True]


def test_a_stale_claim_of_a_dead_flusher_is_claimed_again(badut_code, settings, monkeypatch):
    from plaques import scan_spool
    from plaques.models import ShortCode

    key = (ShortCode.objects.get(code=badut_code).pk, dt.date(2027, 3, 2))
    path = scan_spool.write_spool(settings.SCAN_SPOOL_DIR, {key: 3})
    os.rename(path, path.with_name("scans-9-dead.claimed-by-9-dead"))  # claimed, then the process died
    assert flush_scans() == 0  # a fresh claim belongs to a flusher at work
    later = time.time() + scan_spool.STALE_CLAIM_SECONDS + 60
    monkeypatch.setattr(scan_spool, "time", SimpleNamespace(time=lambda: later))
    assert flush_scans() == 3
    assert flush_scans() == 0
    assert rows_in_database(badut_code) == [(dt.date(2027, 3, 2), 3)]


def test_scans_of_a_code_deleted_before_the_flush_do_not_block_the_others(client, codes):
    from plaques.models import ShortCode

    scan(client, codes["candi-badut"])
    scan(client, codes["candi-jago"])
    ShortCode.objects.filter(code=codes["candi-jago"]).delete()
    assert flush_scans() == 1
    assert total_scans(codes["candi-badut"]) == 1


def test_the_counters_thread_writes_the_scans_by_itself(
    transactional_db, django_db_serialized_rollback, sample_site, settings, monkeypatch
):
    from heritage.models import PlacePage
    from plaques.codes import code_for_page

    code = code_for_page(PlacePage.objects.get(slug="candi-jago", locale__language_code="id")).code
    settings.SCAN_FLUSH_SECONDS = 0.2
    monkeypatch.setattr(scan_counter, "start_flusher", start_the_real_flusher)
    scan(Client(), code)
    deadline, rows = time.monotonic() + 30, []
    while not rows and time.monotonic() < deadline:
        time.sleep(0.1)
        try:
            rows = rows_in_database(code)
        except OperationalError:  # the tests' in-memory database locks a table while the thread writes it
            continue
    assert rows == [(scan_counter_day(), 1)]


def scan_counter_day():
    from plaques.counting import malang_today

    return malang_today()


# --- honest counts: one phone, one plaque, one scan per window ------------------------------------------------


def test_the_same_phone_scanning_twice_within_the_window_counts_once(client, badut_code):
    scan(client, badut_code)
    scan(client, badut_code)  # a second look, or the camera app opening the link twice
    assert total_scans(badut_code) == 1


def test_two_phones_at_one_address_count_twice(client, badut_code):
    scan(client, badut_code, PHONE)
    scan(client, badut_code, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari")
    assert total_scans(badut_code) == 2


def test_one_phone_scanning_two_plaques_counts_on_each(client, codes):
    scan(client, codes["candi-badut"])
    scan(client, codes["candi-jago"])
    assert (total_scans(codes["candi-badut"]), total_scans(codes["candi-jago"])) == (1, 1)


def test_the_same_phone_after_the_window_counts_again(client, badut_code, settings):
    settings.SCAN_DEDUP_WINDOW = 1
    scan(client, badut_code)
    time.sleep(1.2)  # the cache forgets the phone after the window (its own clock)
    scan(client, badut_code)
    assert total_scans(badut_code) == 2


def test_a_window_of_zero_counts_every_scan(client, badut_code, settings):
    settings.SCAN_DEDUP_WINDOW = 0
    scan(client, badut_code)
    scan(client, badut_code)
    assert total_scans(badut_code) == 2


def test_robots_and_head_requests_count_nothing_however_often(client, badut_code):
    for _ in range(3):
        scan(client, badut_code, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
        assert client.head(f"/q/{badut_code}").status_code == 302
    assert total_scans(badut_code) == 0


def test_a_forwarded_address_tells_phones_apart_only_behind_a_trusted_proxy(client, badut_code, settings):
    # Without a proxy we control, X-Forwarded-For is anyone's to write: one peer, one phone.
    for forwarded in ("203.0.113.1", "203.0.113.2"):
        scan(client, badut_code, HTTP_X_FORWARDED_FOR=forwarded)
    assert total_scans(badut_code) == 1
    settings.TRUST_PROXY_HEADERS = True
    for forwarded in ("203.0.113.1", "203.0.113.2", "203.0.113.2"):
        scan(client, badut_code, HTTP_X_FORWARDED_FOR=f"198.51.100.7, {forwarded}")
    assert total_scans(badut_code) == 3


def test_what_the_cache_remembers_of_a_phone_cannot_be_read_back(client, badut_code):
    from django.core.cache import caches

    scan(client, badut_code, "Mozilla/5.0 secret-phone-model", REMOTE_ADDR="203.0.113.99")
    remembered = caches["scans"]._cache  # LocMemCache's own store: every key and pickled value
    assert len(remembered) == 1
    stored = repr(dict(remembered))
    for secret in ("203.0.113.99", "secret-phone-model", badut_code):
        assert secret not in stored
