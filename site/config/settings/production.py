"""Production: every secret from the environment, fail fast without one, HTTPS hardening on.

Passes `manage.py check --deploy` when given SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL. Production never
creates a user account and has no default password.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHE_MAX_AGE, SECRET_KEY, SECURE_HSTS_SECONDS, SECURE_SSL_REDIRECT_ENV

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment (50+ random characters).")

DEBUG = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "config.storage.StaticStorage"},  # hashed, compressed, source maps left alone
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True if SECURE_SSL_REDIRECT_ENV is None else SECURE_SSL_REDIRECT_ENV
SECURE_HSTS_SECONDS = SECURE_HSTS_SECONDS or 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's live preview shows our own pages in an iframe of the admin: SAMEORIGIN, not DENY.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
LOCAL_ADMIN_ACCOUNT = None
PUBLIC_CACHE_MAX_AGE = CACHE_MAX_AGE
