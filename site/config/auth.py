"""Production logins: the documented local password never opens an admin.

A database made with `make run` (or copied from a laptop) holds `admin` / `malang-heritage`, which anyone who
has read the README knows. Production therefore authenticates through `RefuseLocalPasswordBackend`, which
refuses any user whose password is the documented one, on Wagtail's admin and Django's admin alike, and
`NotTheLocalPasswordValidator`, so nobody can choose it as a new password either.
"""

import logging

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from config.local_account import LOCAL_ADMIN_PASSWORD

logger = logging.getLogger(__name__)


class RefuseLocalPasswordBackend(ModelBackend):
    """Django's ModelBackend, except that a user whose password is the documented local one cannot log in."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and password == LOCAL_ADMIN_PASSWORD:
            # The password matched, so it is this user's password: refuse, and tell the operator why.
            logger.warning(
                "Refused a login as %r with the documented local password; set a new password with "
                "`manage.py changepassword %s`.",
                user.get_username(),
                user.get_username(),
            )
            return None
        return user


class NotTheLocalPasswordValidator:
    """Refuses the documented local password as anyone's new password."""

    def validate(self, password, user=None):
        if password == LOCAL_ADMIN_PASSWORD:
            raise ValidationError(
                _("This password is published in the README; choose another."), code="password_documented"
            )

    def get_help_text(self):
        return _("Your password cannot be the local development password published in the README.")
