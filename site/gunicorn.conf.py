"""gunicorn's settings for the app servers: `gunicorn --chdir site config.wsgi` reads this file (gunicorn looks
for gunicorn.conf.py in the folder it is started in, after --chdir); command-line flags override it.

`timeout` is the longest a request may take before gunicorn kills its worker. Every wait a request can meet
stays well under it: the SQLite busy timeout (settings: DATABASES OPTIONS "timeout"), Elasticsearch's
ELASTICSEARCH_TIMEOUT, Redis's socket timeouts; tests/qr/test_qr_wait_budget.py checks the database's.
"""

timeout = 30
# A worker told to stop finishes its requests and writes the scans it still holds (worker_exit below) within
# this; a flush waits at most the busy timeout before spooling them.
graceful_timeout = 30


def worker_exit(server, worker):
    """Write (or spool) the scans this worker still holds before it goes."""
    from django.apps import apps  # the app is loaded in each worker, never in gunicorn's master

    if apps.ready:
        from plaques.scan_counter import flush_at_exit

        flush_at_exit()
