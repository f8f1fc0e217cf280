"""No request can wait on the database long enough for gunicorn to kill its worker.

A request waits for another process's write lock at most SQLite's busy timeout (DATABASES OPTIONS "timeout")
per attempt. The scan path makes no database write at all, and nothing retries on top of the busy timeout, so
that is the whole wait; it must stay well under gunicorn's worker timeout (site/gunicorn.conf.py), which kills
the worker and loses what it was doing. A worker that is told to stop may first wait for its thread's flush and
then make one flush of its own: twice the busy timeout, within gunicorn's graceful timeout.
"""

from broken_services import base_settings
from served_site import gunicorn_settings

from plaques import counting


def sqlite_busy_timeout(monkeypatch, tmp_path) -> float:
    built = base_settings(monkeypatch, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    return float(built["DATABASES"]["default"]["OPTIONS"]["timeout"])


def test_a_request_waits_on_a_locked_database_well_under_gunicorns_worker_timeout(monkeypatch, tmp_path):
    busy_timeout = sqlite_busy_timeout(monkeypatch, tmp_path)
    worker_timeout = gunicorn_settings()["timeout"]
    # Attempts per statement in the request path: a retry loop on top of the busy timeout multiplies it (it
    # once was 60 attempts of the scan's UPDATE, each waiting for the lock).
    attempts = getattr(counting, "LOCK_RETRIES", 1)
    assert busy_timeout * attempts < worker_timeout / 2, (busy_timeout, attempts, worker_timeout)


def test_a_stopping_worker_writes_or_spools_its_scans_within_gunicorns_graceful_timeout(
    monkeypatch, tmp_path
):
    busy_timeout = sqlite_busy_timeout(monkeypatch, tmp_path)
    gunicorn = gunicorn_settings()
    assert 2 * busy_timeout < gunicorn["graceful_timeout"]
    assert callable(gunicorn["worker_exit"])  # the hook that writes a stopping worker's scans


def test_an_operator_can_shorten_the_busy_timeout_in_the_database_url(monkeypatch, tmp_path):
    built = base_settings(monkeypatch, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}?timeout=2")
    assert float(built["DATABASES"]["default"]["OPTIONS"]["timeout"]) == 2
