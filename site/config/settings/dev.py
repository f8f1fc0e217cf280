"""Local development: `make run`. A throwaway key and DEBUG; never used in production."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-malang-heritage"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The local admin account that `make run` creates (manage.py ensure_local_admin); local settings only.
LOCAL_ADMIN_ACCOUNT = {"username": "admin", "password": "malang-heritage"}

# Serve static files straight from the finders: no collectstatic needed to develop or test.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
