"""Production: every secret from the environment, fail fast without one, HTTPS hardening on.

Passes `manage.py check --deploy` when given SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, QR_BASE_URL, EMAIL_URL
and DEFAULT_FROM_EMAIL. Production never creates a user account, has no default password, and refuses the
documented local one at login and as a new password (config/auth.py).
"""

import ipaddress
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    AUTH_PASSWORD_VALIDATORS,
    DEFAULT_FROM_EMAIL,
    EMAIL_URL,
    QR_BASE_URL,
    SECRET_KEY,
    SECURE_HSTS_SECONDS,
    SECURE_SSL_REDIRECT_ENV,
    TRUST_PROXY_HEADERS,
)


def _not_a_public_https_address(url):
    """Why `url` cannot be printed on a plaque, or "" when it can."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return "it must be an https:// address"
    host = parts.hostname.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return f"{host} is this machine, not a public address"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return ""
    address = getattr(address, "ipv4_mapped", None) or address  # ::ffff:127.0.0.1 is 127.0.0.1
    if address.is_loopback or address.is_unspecified:
        return f"{host} is this machine, not a public address"
    return ""


if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment (50+ random characters).")
# A plaque printed with 127.0.0.1 is a plaque lost: the address must be the public one before any is printed.
if problem := _not_a_public_https_address(QR_BASE_URL):
    raise ImproperlyConfigured(
        f"QR_BASE_URL={QR_BASE_URL!r} cannot be printed on plaques: {problem}. Set QR_BASE_URL in the "
        "environment to the site's public https:// address, e.g. https://heritage.example.id."
    )
# Moderation notifications and password resets must be sent, not silently dropped. console:// is allowed
# as an operator's explicit choice (base.py has parsed the value and refused a malformed one).
if not EMAIL_URL:
    raise ImproperlyConfigured(
        "EMAIL_URL must be set in the environment: moderation notifications and password resets are sent "
        "through it, e.g. smtp://user:password@smtp.example.id:587?tls (or console:// to print them)."
    )
if DEFAULT_FROM_EMAIL.endswith("@localhost"):
    raise ImproperlyConfigured(
        "DEFAULT_FROM_EMAIL must be set in the environment to the address mail is sent from, "
        "e.g. Malang Heritage <noreply@heritage.example.id>."
    )

DEBUG = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "config.storage.StaticStorage"},  # hashed, compressed, source maps left alone
}
# Forwarded headers are anyone's to write unless a proxy we control strips and sets them. config/lockout.py
# reads X-Forwarded-For on the same condition.
if TRUST_PROXY_HEADERS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True  # still checked against ALLOWED_HOSTS
SECURE_SSL_REDIRECT = True if SECURE_SSL_REDIRECT_ENV is None else SECURE_SSL_REDIRECT_ENV
SECURE_HSTS_SECONDS = SECURE_HSTS_SECONDS or 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True  # only the server reads it (django.views.i18n.set_language, LocaleMiddleware)
# Wagtail's live preview shows our own pages in an iframe of the admin: SAMEORIGIN, not DENY.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "config.auth.RefuseLocalPasswordBackend",  # ModelBackend minus the documented local password
]
AUTH_PASSWORD_VALIDATORS = [*AUTH_PASSWORD_VALIDATORS, {"NAME": "config.auth.NotTheLocalPasswordValidator"}]
LOCAL_ADMIN_ACCOUNT = None
