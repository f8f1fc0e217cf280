"""The Elasticsearch circuit: whether to ask the cluster at all, shared by the discovery engine
(search/discovery) and Wagtail's search backend (search/backends.py).

While the cluster is down or silent (search/circuit.py), the database answers every search and index writes
are skipped; the INFO that says the cluster answers again reminds the operator that those writes need a
rebuild. A request the cluster refuses (a 4xx: a missing index, a malformed query) is not an outage: the
database answers that one request, the refusal is logged, and the circuit stays as it was.

Loaded only on sites that set ``ELASTICSEARCH_URL``, like the Elasticsearch client it imports.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from elasticsearch import ApiError, TransportError

from django.conf import settings

from .circuit import Circuit

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
    logger=__name__,
)
