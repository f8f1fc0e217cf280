"""The local admin account that `make run` creates, in one place.

The README and `make run` print its password, so it is no secret: local settings build LOCAL_ADMIN_ACCOUNT
from it, and production (`config.auth`) refuses it at login, whatever database it is given and whichever
user holds it. This module imports nothing from Django: settings import it before Django is set up.
"""

LOCAL_ADMIN_USERNAME = "admin"
LOCAL_ADMIN_PASSWORD = "malang-heritage"  # noqa: S105 - documented on purpose; refused in production
LOCAL_ADMIN_ACCOUNT = {"username": LOCAL_ADMIN_USERNAME, "password": LOCAL_ADMIN_PASSWORD}
