"""Scans waiting in Redis (`CACHE_URL=redis://…`): one pending hash for every app server and worker.

A scan is one `HINCRBY` on the pending hash, field `<short_code_id>:<YYYY-MM-DD>`: atomic in Redis however
many workers scan at once. A flush takes the hash whole with `RENAME` to a flushing key of its own (scans that
arrive meanwhile start a new pending hash), reads it, writes it to the database and deletes it. Only one
process flushes at a time (a lock key with a time limit), so a flushing key found at the start of a flush was
left by a flusher that died or whose database write failed: it is taken along and written this time.

While Redis fails, a scan is not lost: `increment` answers False and the caller counts it in the process's
own buffer, written to the database directly. After a failure Redis is left alone for `RETRY_AFTER` seconds,
so a Redis that hangs costs one socket timeout, not one per scan.

The keys go through the cache's `make_key`, so two sites sharing a Redis (KEY_PREFIX) keep their scans apart.
"""

import datetime as dt
import logging
import sys
import time
import uuid
from collections import Counter

from django.core.cache import caches

from .scan_store import ScanKey

log = logging.getLogger(__name__)

ALIAS = "scans"  # the cache alias that holds the scans' keys (settings: on Redis, the site's Redis)
PENDING = "plaques:scans:pending"
FLUSHING = "plaques:scans:flushing:"
LOCK = "plaques:scans:flush-lock"
# Longer than a flush can take (the database's busy timeout, a few Redis calls); a dead flusher's lock
# expires after it.
LOCK_SECONDS = 60
RETRY_AFTER = 30.0


def _redis_cache_class():
    """django-redis's cache class, or None where it was never loaded: a site with CACHE_URL=redis:// loads it
    when its caches are made, and the embedded default never loads redis at all (8 MB a worker)."""
    module = sys.modules.get("django_redis.cache")
    return module.RedisCache if module is not None else None


def redis_failures() -> tuple[type[BaseException], ...]:
    """What a failing Redis raises (for `except`): redis-py's errors, django-redis's, a socket's."""
    if "redis.exceptions" not in sys.modules:
        return (OSError,)  # no Redis client was ever made in this process
    from django_redis.exceptions import ConnectionInterrupted
    from redis.exceptions import RedisError

    return (RedisError, ConnectionInterrupted, OSError)


_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

_down_until = 0.0
_written: set[bytes] = set()  # flushing keys this process wrote to the database but could not delete


def _redis():
    """The Redis client and the cache (for its key names), or None without Redis or during an outage."""
    cache = caches[ALIAS]
    redis_cache = _redis_cache_class()
    if redis_cache is None or not isinstance(cache, redis_cache) or time.monotonic() < _down_until:
        return None
    # django-redis's own client, not the site's wrapper around it (config/cache_outage.py): building a client
    # asks nothing of Redis, and must not tell the site's outage circuit that Redis answered.
    return redis_cache.client.fget(cache).get_client(write=True), cache


def uses_redis() -> bool:
    cache = caches[ALIAS]  # made first: making a Redis cache loads django-redis
    redis_cache = _redis_cache_class()
    return redis_cache is not None and isinstance(cache, redis_cache)


def _failed(error: BaseException, doing: str) -> None:
    global _down_until
    first = time.monotonic() >= _down_until
    _down_until = time.monotonic() + RETRY_AFTER
    if first:
        log.warning(
            "Redis failed while %s (%s: %s): scans are counted in this process for %.0f s",
            doing,
            type(error).__name__,
            error,
            RETRY_AFTER,
        )


def reset() -> None:
    """Redis tried again at the next call (for tests)."""
    global _down_until
    _down_until = 0.0
    _written.clear()


def increment(short_code_id: int, day: dt.date) -> bool:
    """Count one scan in Redis; False when there is no Redis or it failed (count it elsewhere)."""
    try:
        found = _redis()
        if found is None:
            return False
        client, cache = found
        client.hincrby(cache.make_key(PENDING), f"{short_code_id}:{day.isoformat()}", 1)
    except redis_failures() as error:
        _failed(error, "counting a scan")
        return False
    return True


def _parse(fields: dict) -> Counter[ScanKey]:
    counts: Counter[ScanKey] = Counter()
    for field, value in fields.items():
        try:
            code_id, day = field.decode().split(":")
            counts[(int(code_id), dt.date.fromisoformat(day))] += int(value)
        except ValueError:
            log.error("Ignoring a malformed pending scan in Redis: %r = %r", field, value)
    return counts


class RedisClaim:
    """The pending scans one flush took from Redis (under the flush lock)."""

    def __init__(self, client, cache, token: str, keys: list[bytes], counts: Counter[ScanKey]):
        self.client, self.cache, self.token, self.keys, self.counts = client, cache, token, keys, counts

    def _release(self) -> None:
        self.client.eval(_RELEASE, 1, self.cache.make_key(LOCK), self.token)

    def done(self) -> None:
        """The scans are in the database: their keys go."""
        try:
            if self.keys:
                self.client.delete(*self.keys)
            self._release()
        except redis_failures() as error:
            # Written, but still in Redis: this process skips them next time; another would count them again.
            _written.update(self.keys)
            _failed(error, "removing scans already written to the database")

    def undo(self) -> None:
        """The database refused the batch: the flushing keys stay for the next flush."""
        try:
            self._release()
        except redis_failures() as error:
            _failed(error, "releasing the flush lock")  # it expires by itself


def claim_redis() -> RedisClaim | None:
    """Take the pending hash and any leftover flushing keys; None without Redis, during an outage, or while
    another process flushes."""
    try:
        found = _redis()
        if found is None:
            return None
        client, cache = found
        token = uuid.uuid4().hex
        if not client.set(cache.make_key(LOCK), token, nx=True, ex=LOCK_SECONDS):
            return None  # another process is flushing
        leftovers = list(client.scan_iter(match=cache.make_key(FLUSHING) + "*"))
        keys = [key for key in leftovers if key not in _written]
        stale = [key for key in leftovers if key in _written]
        if stale:
            client.delete(*stale)
            _written.difference_update(stale)
        mine = cache.make_key(FLUSHING + token)
        from redis.exceptions import RedisError  # loaded: this process has a Redis client

        try:
            client.rename(cache.make_key(PENDING), mine)
            keys.append(mine.encode())
        except RedisError as error:
            if "no such key" not in str(error).lower():
                raise  # nothing pending is the usual case; anything else is a failure
        counts: Counter[ScanKey] = Counter()
        for key in keys:
            counts.update(_parse(client.hgetall(key)))
        return RedisClaim(client, cache, token, keys, counts)
    except redis_failures() as error:
        _failed(error, "taking the pending scans")  # what was taken stays in Redis, under a flushing key
        return None
