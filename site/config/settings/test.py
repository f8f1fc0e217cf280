"""Tests: fast hashing, in-memory cache, plain static storage, Wagtail's background tasks run inline."""

import os
import tempfile
from pathlib import Path

from config.local_account import LOCAL_ADMIN_ACCOUNT  # noqa: F401 - the account ensure_local_admin creates

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = False
SECRET_KEY = SECRET_KEY or "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "scans": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "scans"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "maps": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "maps"},
    "published": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "published"},
}
# Scans a test process could not write at exit must not wait in the checkout for the next `make run`, nor
# for another test process to add them to its database.
SCAN_SPOOL_DIR = Path(tempfile.gettempdir()) / f"malang-heritage-test-scans-{os.getpid()}"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": False,
    }
}
QR_BASE_URL = "https://heritage.example.id"
CANONICAL_URL = QR_BASE_URL
MAP_TILE_URL = "https://tiles.example.test/{z}/{x}/{y}.png"

# Serve static files straight from the finders: no collectstatic needed to develop or test.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
