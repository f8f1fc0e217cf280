"""WSGI entry point: `gunicorn config.wsgi` with `<root>/site` on the path (see manage.py)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for path in (ROOT, ROOT / "site"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # An app server on SQLite never talks to PostgreSQL, yet Django REST framework (which Wagtail's redirects
    # app loads at start) imports django.contrib.postgres when it can, and with it the psycopg driver: 11 MB in
    # every worker. Marked absent, the import fails as if psycopg were not installed, which REST framework
    # expects. Only app servers run this file: commands and tests keep the driver.
    for driver in ("psycopg", "psycopg2"):
        sys.modules.setdefault(driver, None)

application = get_wsgi_application()
