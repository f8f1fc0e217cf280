"""The Elasticsearch circuit: whether to ask the cluster at all, shared by the discovery engine
(search/discovery) and Wagtail's search backend (search/backends.py).

A cluster that is down costs each request a refused connection; one that accepts connections and never
answers costs each request a whole timeout, and both would log an error per request. So after one failure
the circuit opens: for ``ELASTICSEARCH_RETRY_AFTER`` seconds nobody asks the cluster, the database answers
every search and index writes are skipped. Then one request tries again (the others keep the database until
it is answered); a success closes the circuit. An outage is logged once: a WARNING when it starts, an INFO
when the cluster answers again, which reminds the operator that the writes skipped meanwhile need a rebuild.

A request the cluster refuses (a 4xx: a missing index, a malformed query) is not an outage: the database
answers that one request, the refusal is logged, and the circuit stays as it was.

The same ``Circuit`` guards the Redis cache (config/cache_outage.py) with its own state and messages.

The state is per process, so each gunicorn worker finds the outage on its own (and logs it once). It is not
kept in the cache on purpose: with ``CACHE_URL`` on Redis, the cache may be down too.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from elasticsearch import ApiError, TransportError

from django.conf import settings

log = logging.getLogger(__name__)

T = TypeVar("T")

# What a failed request raises (elastic_transport's ConnectionError and ConnectionTimeout are TransportErrors).
FAILURES = (ApiError, TransportError)


def is_outage(error: Exception) -> bool:
    """A failure of the cluster itself (unreachable, silent, overloaded), not a refusal of one request."""
    if isinstance(error, TransportError):
        return True
    return isinstance(error, ApiError) and (error.status_code == 429 or error.status_code >= 500)


def elasticsearch_retry_after() -> float:
    return float(getattr(settings, "ELASTICSEARCH_RETRY_AFTER", 30))


class Circuit:
    """Whether to ask a service that may be failing; what a failure costs is the caller's business.

    Also the Redis cache's (config/cache_outage.py): the pattern is the same, only the messages differ.
    """

    def __init__(
        self,
        service: str,
        degraded: str,
        retry_after: Callable[[], float],
        recovered: str = "",
        clock: Callable[[], float] = time.monotonic,
        logger: str = __name__,
    ):
        self.service, self.degraded, self.recovered = service, degraded, recovered
        self.log = logging.getLogger(logger)
        self.retry_after = retry_after
        self.clock = clock
        self._lock = threading.Lock()
        self.down_since: float | None = None
        self.retry_at = 0.0

    def reset(self) -> None:
        """Closed, as at start-up (for tests)."""
        with self._lock:
            self.down_since, self.retry_at = None, 0.0

    @property
    def is_open(self) -> bool:
        return self.down_since is not None

    def allows(self) -> bool:
        """Whether to ask the service now: always while it answers; during an outage, once per retry period."""
        if self.down_since is None:
            return True
        with self._lock:
            now = self.clock()
            if self.down_since is None or now >= self.retry_at:
                self.retry_at = now + self.retry_after()  # this request tries; the others do without
                return True
            return False

    def failed(self, error: BaseException | None) -> None:
        with self._lock:
            now = self.clock()
            self.retry_at = now + self.retry_after()
            if self.down_since is not None:
                return  # the same outage, already logged
            self.down_since = now
        self.log.warning(
            "%s is failing (%s: %s): %s; next try in %.0f s",
            self.service,
            type(error).__name__,
            error,
            self.degraded,
            self.retry_after(),
        )

    def answered(self) -> None:
        if self.down_since is None:
            return
        with self._lock:
            if self.down_since is None:
                return
            seconds, self.down_since = self.clock() - self.down_since, None
        self.log.info("%s answers again after %.0f s of failures%s", self.service, seconds, self.recovered)


class ElasticsearchCircuit(Circuit):
    """Searches that fall back to the database, index writes that are dropped while the cluster fails."""

    def _failure(self, error: Exception, what: str) -> None:
        if is_outage(error):
            self.failed(error)
        else:  # the cluster is up and said no to this one request
            self.answered()
            log.warning("Elasticsearch refused the %s: %s", what, error)

    def call(self, attempt: Callable[[], T], fallback: Callable[[], T], what: str) -> T:
        """`attempt()` against the cluster, or `fallback()` (the database) while the circuit is open or when
        the attempt fails."""
        if not self.allows():
            return fallback()
        try:
            result = attempt()
        except FAILURES as error:
            self._failure(error, what)
            return fallback()
        self.answered()
        return result

    def write(self, attempt: Callable[[], object], what: str) -> None:
        """An index write: skipped while the circuit is open, dropped (and the circuit opened) on an outage;
        a refusal raises for the caller to log. Nothing is queued: a rebuild after the outage catches up."""
        if not self.allows():
            log.debug("Elasticsearch is down: %s skipped", what)
            return
        try:
            attempt()
        except FAILURES as error:
            if not is_outage(error):
                self.answered()
                raise
            self.failed(error)
            return
        self.answered()


# The one cluster of the site (ELASTICSEARCH_URL): the discovery index and Wagtail's index live on it.
cluster = ElasticsearchCircuit(
    "Elasticsearch",
    "the database answers searches and index updates are skipped",
    elasticsearch_retry_after,
    ": run manage.py update_index and manage.py discovery_index to add what was published meanwhile",
)
