"""Scans counted by real app servers: gunicorn with two workers on a SQLite file, stopped and started again, with
another process holding the database's write lock, and with Redis (started here, stopped mid-way). Whatever
happens, every scan sent is in the database exactly once in the end, and no request waits on the database.

Each test serves a copy of one site built for the module (migrate and seed: about 40 s, once).
"""

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from served_site import RedisServer, WriteLock, build_site, copy_site, gunicorn_settings

pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="these tests build and serve a SQLite site of their own: the SQLite run covers them",
)

PLACE = "/id/tempat/candi-badut/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("served-site"))


@pytest.fixture
def site(built, tmp_path):
    return copy_site(built, tmp_path / "site")


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path / "redis")
    yield server
    server.stop()


def scan_many(server, codes: list[str], visitors: list[str]) -> None:
    """Each visitor (a phone of their own) scans one of the codes; eight at a time, so both workers serve."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda pair: server.scan(*pair), zip(codes * len(visitors), visitors, strict=False)))


def spooled(site) -> int:
    return sum(
        json.loads(line)["count"]
        for path in site.spool.glob("*.jsonl")
        for line in path.read_text().splitlines()
        if line
    )


def test_scans_across_two_workers_and_a_restart_are_each_counted_once(site):
    codes = list(site.codes().values())
    server = site.serve(workers=2)
    try:
        scan_many(server, codes, [f"first-run-{n}" for n in range(45)])
    finally:
        server.stop()
    assert site.scans_in_database() == 45  # written by the workers' ticks and at their exit
    server = site.serve(workers=2)
    try:
        scan_many(server, codes, [f"second-run-{n}" for n in range(30)])
    finally:
        server.stop()
    assert site.scans_in_database() == 75
    assert list(site.spool.glob("*")) == []


def test_while_another_process_holds_the_write_lock_for_40_s_scans_and_pages_answer_and_none_is_lost(site):
    timeout = gunicorn_settings()["timeout"]
    code = site.codes()["candi-badut"]
    server = site.serve(workers=2)
    answers, sent = [], 0
    try:
        for _ in range(4):  # both workers have seen the pages (and their images exist) before the lock
            for page in ("/id/", PLACE):
                assert server.get(page)[0] == 200
        lock = WriteLock(site.database)
        try:
            held_since = time.monotonic()
            while time.monotonic() - held_since < 40:
                status, location, seconds = server.get(f"/q/{code}", f"Mozilla/5.0 phone-{sent}")
                sent += 1
                answers.append(("scan", status, seconds))
                for page in ("/id/", PLACE):
                    status, _location, seconds = server.get(page)
                    answers.append((page, status, seconds))
                time.sleep(0.2)
        finally:
            lock.release()
    finally:
        server.stop()
    assert {(kind, status) for kind, status, _seconds in answers} == {
        ("scan", 302),
        ("/id/", 200),
        (PLACE, 200),
    }
    slowest = max(seconds for _kind, _status, seconds in answers)
    assert slowest < timeout, f"a request took {slowest:.1f} s; gunicorn kills a worker after {timeout} s"
    # The lock was real: the workers' flushes were refused while it was held, and written after.
    assert "The database refused" in server.logged()
    assert site.scans_in_database() == sent


def test_servers_stopped_while_the_database_is_locked_spool_their_scans_and_flush_scans_writes_them_once(
    site,
):
    code = site.codes()["candi-jago"]
    server = site.serve(workers=2, SCAN_FLUSH_SECONDS="3600")  # nothing written before the workers exit
    try:
        scan_many(server, [code], [f"phone-{n}" for n in range(12)])
    finally:
        lock = WriteLock(site.database)
        try:
            server.stop()  # each worker tries once (the busy timeout), then spools
            assert spooled(site) == 12
            # Still locked: flush_scans says so, exits 1, and keeps the spool as it was.
            refused = site.manage(
                "flush_scans", check=False, DATABASE_URL=f"sqlite:///{site.database}?timeout=1"
            )
            assert refused.returncode == 1 and "refused 12 scans" in refused.stderr
            assert spooled(site) == 12
        finally:
            lock.release()
    assert site.scans_in_database() == 0
    assert "Wrote 12 waiting scans" in site.manage("flush_scans").stdout
    assert site.scans_in_database() == 12
    assert list(site.spool.glob("*")) == []
    assert "Wrote 0 waiting scans" in site.manage("flush_scans").stdout
    assert site.scans_in_database() == 12


# --- Redis ---------------------------------------------------------------------------------------------------


def pending_in_redis(redis_server) -> int:
    import redis

    client = redis.Redis(port=redis_server.port)
    return sum(int(value) for value in client.hgetall(":1:plaques:scans:pending").values())


def test_with_redis_the_scans_of_both_workers_wait_in_redis_and_one_flush_writes_them_exactly(
    site, redis_server
):
    codes = list(site.codes().values())
    server = site.serve(workers=2, CACHE_URL=redis_server.url, SCAN_FLUSH_SECONDS="3600")
    try:
        scan_many(server, codes, [f"phone-{n}" for n in range(40)])
        scan_many(server, codes[:1], ["phone-0"])  # the same phone again within the window, on any worker
        assert pending_in_redis(redis_server) == 40
    finally:
        server.stop()
    assert site.scans_in_database() == 0  # the workers held nothing of their own
    assert "Wrote 40 waiting scans" in site.manage("flush_scans", CACHE_URL=redis_server.url).stdout
    assert site.scans_in_database() == 40
    assert pending_in_redis(redis_server) == 0
    assert "Wrote 0 waiting scans" in site.manage("flush_scans", CACHE_URL=redis_server.url).stdout


def test_when_redis_stops_mid_way_scans_still_redirect_and_every_one_is_counted(site, redis_server):
    timeout = gunicorn_settings()["timeout"]
    code = site.codes()["candi-badut"]
    server = site.serve(workers=2, CACHE_URL=redis_server.url)
    try:
        scan_many(server, [code], [f"before-{n}" for n in range(20)])
        redis_server.stop()  # saves what is pending, as a Redis with persistence does
        for n in range(20):
            status, _location, seconds = server.get(f"/q/{code}", f"Mozilla/5.0 during-{n}")
            assert status == 302 and seconds < timeout
        assert server.get(PLACE)[0] == 200
        redis_server.start()
    finally:
        server.stop()  # the workers write what they counted themselves while Redis was down
    assert "Wrote" in site.manage("flush_scans", CACHE_URL=redis_server.url).stdout
    assert site.scans_in_database() == 40


def test_a_flush_the_database_refuses_leaves_the_scans_in_redis_for_the_next_one(
    badut_code, redis_server, settings, monkeypatch
):
    from django.db import OperationalError

    from plaques import scan_counter, scan_redis
    from plaques.models import ScanCount, ShortCode
    from plaques.scan_store import write_counts

    settings.CACHES = {
        **settings.CACHES,
        "scans": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": redis_server.url},
    }
    scan_redis.reset()
    key = (ShortCode.objects.get(code=badut_code).pk, scan_counter_day())
    for _ in range(6):
        scan_counter.record(key)
    assert scan_counter.buffer.total() == 0 and pending_in_redis(redis_server) == 6

    def refuse(counts):
        raise OperationalError("database is locked")

    monkeypatch.setattr(scan_counter, "write_counts", refuse)
    assert scan_counter.flush_scans().refused == 6  # taken from the pending hash, then refused
    assert pending_in_redis(redis_server) == 0
    scan_counter.record(key)  # a scan after that one: a new pending hash
    monkeypatch.setattr(scan_counter, "write_counts", write_counts)
    assert scan_counter.flush_scans().written == 7  # the left-over flushing key and the new pending one
    assert scan_counter.flush_scans().written == 0
    assert ScanCount.objects.get(short_code_id=key[0]).count == 7


def scan_counter_day():
    from plaques.counting import malang_today

    return malang_today()
