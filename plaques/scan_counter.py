"""Counting scans without writing to the database in the request, and without losing one.

A scan is added where it costs nothing and cannot wait on the database: to Redis when the site has one
(plaques/scan_redis.py), else, and whenever Redis fails, to this process's buffer, a dict of
{(short_code_id, Malang day): scans} under a lock. A daemon thread flushes every `SCAN_FLUSH_SECONDS`: it
takes the buffer, the spool files (plaques/scan_spool.py) and Redis's pending hash, and writes them all to the
database in one transaction (plaques/scan_store.py). If the database refuses (locked by another writer,
unreachable), nothing is written and everything taken goes back where it came from, to be tried at the next
tick: nothing lost, nothing written twice.

When the process exits (atexit, and gunicorn's `worker_exit` hook in site/gunicorn.conf.py) its buffer is
flushed once more; if the database still refuses, the buffer is written to a spool file, which the next flush
of any process claims. So restarting the app servers loses no scan. What a process can still lose is what it
held when it was killed outright (SIGKILL, a worker timeout): at most `SCAN_FLUSH_SECONDS` of its scans, and
none with Redis.

The thread starts with the first scan a process counts, not at import: management commands never start it.
After a fork (gunicorn `--preload`) the child starts with an empty buffer and a thread of its own.
"""

import atexit
import logging
import os
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection

from . import scan_redis
from .scan_spool import claim_spool, write_spool
from .scan_store import ScanKey, write_counts

log = logging.getLogger(__name__)


class ScanBuffer:
    """This process's scans not yet in the database."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pending: Counter[ScanKey] = Counter()

    def add(self, key: ScanKey, scans: int = 1) -> None:
        with self._lock:
            self._pending[key] += scans

    def take(self) -> Counter[ScanKey]:
        with self._lock:
            taken, self._pending = self._pending, Counter()
        return taken

    def put_back(self, counts: Counter[ScanKey]) -> None:
        with self._lock:
            self._pending.update(counts)

    def total(self) -> int:
        with self._lock:
            return sum(self._pending.values())


class _Flusher(threading.Thread):
    def __init__(self, interval: float):
        super().__init__(name="scan-flusher", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(self.interval):
            try:
                flush_scans()
            except Exception:
                log.exception("Flushing scans failed")
            finally:
                connection.close()  # this thread's own connection: do not hold one between ticks


buffer = ScanBuffer()
_flush_lock = threading.Lock()  # one flush at a time in a process: the thread's, atexit's, a command's
_start_lock = threading.Lock()
_flusher: _Flusher | None = None
_exit_hook_registered = False


def spool_dir() -> Path:
    return Path(settings.SCAN_SPOOL_DIR)


def record(key: ScanKey) -> None:
    """Count one scan; never touches the database."""
    if not scan_redis.increment(*key):
        buffer.add(key)
    if _flusher is None:
        start_flusher()


def start_flusher() -> None:
    global _flusher, _exit_hook_registered
    with _start_lock:
        if _flusher is not None:
            return
        _flusher = _Flusher(settings.SCAN_FLUSH_SECONDS)
        _flusher.start()
        if not _exit_hook_registered:
            atexit.register(flush_at_exit)
            _exit_hook_registered = True


def stop_flusher(timeout: float | None = None) -> None:
    """Stop the thread; a flush it is in the middle of ends first (within the database's busy timeout)."""
    global _flusher
    with _start_lock:
        flusher, _flusher = _flusher, None
    if flusher is not None:
        flusher.stopped.set()
        if flusher is not threading.current_thread():
            flusher.join(timeout)


@dataclass(frozen=True)
class Flushed:
    written: int = 0  # scans now in the database
    refused: int = 0  # scans the database refused, kept for the next flush (or spooled, at exit)


def flush_scans(*, at_exit: bool = False) -> Flushed:
    """Write the pending scans to the database in one transaction.

    A tick or `manage.py flush_scans` writes this process's buffer, the spool and Redis's pending scans;
    what the database refuses goes back. At exit only the buffer is written, and what the database refuses
    goes to the spool.
    """
    with _flush_lock:
        local = buffer.take()
        spool = claim_spool(spool_dir()) if not at_exit else None
        redis = scan_redis.claim_redis() if not at_exit else None
        counts = local + (spool.counts if spool else Counter()) + (redis.counts if redis else Counter())
        try:
            written = write_counts(counts)
        except DatabaseError as error:
            _give_back(local, spool, redis, at_exit)
            log.warning(
                "The database refused %d scans (%s: %s); %s",
                sum(counts.values()),
                type(error).__name__,
                error,
                "kept in the spool for the next flush" if at_exit else "kept for the next flush",
            )
            return Flushed(refused=sum(counts.values()))
        except BaseException:
            _give_back(local, spool, redis, at_exit)
            raise
        for claim in (spool, redis):
            if claim is not None:
                claim.done()
        return Flushed(written=written)


def _give_back(local, spool, redis, at_exit: bool) -> None:
    for claim in (spool, redis):
        if claim is not None:
            claim.undo()
    if not at_exit:
        buffer.put_back(local)
        return
    try:
        write_spool(spool_dir(), local)
    except OSError:
        # The last resort: the scans in the log, for an operator to add by hand.
        log.exception("Could not spool %d scans to %s: %s", sum(local.values()), spool_dir(), dict(local))


def flush_at_exit() -> None:
    """The process is ending: stop the thread and write (or spool) what the buffer still holds."""
    stop_flusher(timeout=30)
    if buffer.total():
        flush_scans(at_exit=True)


def reset() -> None:
    """Forget this process's pending scans and stop its thread (for tests, between one test and the next)."""
    stop_flusher(timeout=30)
    buffer.take()
    scan_redis.reset()


def _after_fork_in_child() -> None:
    # The parent's scans are the parent's to write, and its thread and locks did not come along.
    global buffer, _flush_lock, _start_lock, _flusher
    buffer, _flush_lock, _start_lock, _flusher = ScanBuffer(), threading.Lock(), threading.Lock(), None


os.register_at_fork(after_in_child=_after_fork_in_child)
