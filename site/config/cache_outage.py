"""When Redis (``CACHE_URL=redis://…``) is down or silent, the site answers without its cache.

The cache only ever holds what can be computed again (Wagtail's site root paths, rendered map parts), and
sessions and login lockouts live in the database, so a failed cache call can simply be a miss: django-redis's
``IGNORE_EXCEPTIONS``. That alone is not enough: a page makes a dozen cache calls, and against a Redis that
accepts connections and never answers each one waits for the socket timeout (a home page took 12 s), and
django-redis would log a traceback for every one. So ``RedisCache`` puts its calls behind a circuit, the
same one the search uses for Elasticsearch (search/circuit.py): after one failure, no call reaches Redis for
``RETRY_AFTER`` seconds (each is a miss at once), then one call tries again; the outage is logged once when it
starts and once when Redis answers again.
"""

from __future__ import annotations

from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.exceptions import ConnectionInterrupted

from search.circuit import Circuit

RETRY_AFTER = 30.0  # seconds without Redis after a failure

redis = Circuit("Redis", "pages are served without the cache", lambda: RETRY_AFTER, logger=__name__)


class _CircuitClient:
    """django-redis's client, with every call behind the circuit (its failures are ConnectionInterrupted,
    which `IGNORE_EXCEPTIONS` turns into a miss)."""

    def __init__(self, client):
        self._client = client

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def call(*args, **kwargs):
            if not redis.allows():
                raise ConnectionInterrupted(connection=None)
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                redis.failed(error.__cause__)
                raise
            redis.answered()
            return result

        return call


class RedisCache(DjangoRedisCache):
    @property
    def client(self):
        return _CircuitClient(super().client)
