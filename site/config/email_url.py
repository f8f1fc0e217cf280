"""EMAIL_URL: where outgoing mail goes, in one address.

    smtp://user:password@host:587?tls   SMTP with STARTTLS (port 587 by custom)
    smtps://user:password@host:465      SMTP over TLS from the first byte (EMAIL_USE_SSL)
    smtp://host:25                      plain SMTP, e.g. a relay on the same machine
    console://                          print every mail on the console (an operator's explicit choice)

User and password are percent-encoded (`@` is `%40`). Parsed here with urllib rather than django-environ's
`email_url()`, whose `smtps://` means STARTTLS and which drops a bare `?tls`. Imports nothing from Django but
its exception: settings import it before Django is set up.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
_TRUE = {"", "1", "true", "yes", "on"}  # a bare `?tls` counts as on


@dataclass(frozen=True)
class EmailSettings:
    backend: str
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    use_tls: bool = False
    use_ssl: bool = False


def _flag(query, name):
    values = query.get(name)
    return values is not None and values[-1].strip().lower() in _TRUE


def parse_email_url(url):
    """The Django mail settings EMAIL_URL names; ImproperlyConfigured for anything else."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "console":
        return EmailSettings(backend=CONSOLE_BACKEND)
    if scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with smtp://, smtps:// or console:// (got {parts.scheme or url!r})."
        )
    if not parts.hostname:
        raise ImproperlyConfigured(
            "EMAIL_URL names no mail server host, e.g. smtp://user:password@host:587?tls."
        )
    query = parse_qs(parts.query, keep_blank_values=True)
    use_ssl = scheme == "smtps" or _flag(query, "ssl")
    use_tls = not use_ssl and _flag(query, "tls")
    try:
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"EMAIL_URL has a bad port: {error}.") from error
    return EmailSettings(
        backend=SMTP_BACKEND,
        host=parts.hostname,
        port=port or (465 if use_ssl else 587 if use_tls else 25),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=use_tls,
        use_ssl=use_ssl,
    )
