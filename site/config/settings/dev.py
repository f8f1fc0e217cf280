"""Local development: `make run`. A throwaway key and DEBUG; never used in production."""

from config.local_account import LOCAL_ADMIN_ACCOUNT  # noqa: F401 - the account ensure_local_admin creates

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-malang-heritage"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Serve static files straight from the finders: no collectstatic needed to develop or test.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
