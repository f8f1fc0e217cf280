"""Every test starts with the Elasticsearch circuit closed: its state lives in the process."""

import pytest

from search.cluster import cluster


@pytest.fixture(autouse=True)
def _closed_circuit():
    cluster.reset()
    yield
    cluster.reset()
