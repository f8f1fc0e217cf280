"""A circuit breaker: after one failure of a service, leave it alone for a while and do without it.

A service that is down costs each request a refused connection; one that accepts connections and never
answers costs each request a whole timeout, and both would log an error per request. So after one failure
the circuit opens: for a retry period nobody asks the service and the caller does without (the database
answers searches, a cache call is a miss). Then one request tries again (the others keep doing without until
it is answered); a success closes the circuit. An outage is logged once: a WARNING when it starts, an INFO
when the service answers again.

Two circuits use it: Elasticsearch's (search/cluster.py) and the Redis cache's (config/cache_outage.py). The
state is per process, so each gunicorn worker finds an outage on its own (and logs it once). It is not kept in
the cache on purpose: with ``CACHE_URL`` on Redis, the cache may be down too.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable


class Circuit:
    """Whether to ask a service that may be failing; what to do without it is the caller's business."""

    def __init__(
        self,
        service: str,
        degraded: str,
        retry_after: Callable[[], float],
        recovered: str = "",
        clock: Callable[[], float] = time.monotonic,
        logger: str = __name__,  # whose outage it is, for the log
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
