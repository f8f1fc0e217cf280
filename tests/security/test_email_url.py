"""EMAIL_URL, read the way the README documents it (config/email_url.py)."""

import pytest

from django.core.exceptions import ImproperlyConfigured

from config.email_url import CONSOLE_BACKEND, SMTP_BACKEND, EmailSettings, parse_email_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp://heritage:s%40cret@smtp.example.id:587?tls",
            EmailSettings(SMTP_BACKEND, "smtp.example.id", 587, "heritage", "s@cret", use_tls=True),
        ),
        (
            "smtp://smtp.example.id?tls=true",
            EmailSettings(SMTP_BACKEND, "smtp.example.id", 587, use_tls=True),
        ),
        (
            "smtps://u:p@smtp.example.id",
            EmailSettings(SMTP_BACKEND, "smtp.example.id", 465, "u", "p", use_ssl=True),
        ),
        ("smtp://relay.example.id", EmailSettings(SMTP_BACKEND, "relay.example.id", 25)),
        ("smtp://relay.example.id:2525?tls=false", EmailSettings(SMTP_BACKEND, "relay.example.id", 2525)),
        ("console://", EmailSettings(CONSOLE_BACKEND)),
    ],
)
def test_an_email_url_names_the_server_port_login_and_encryption(url, expected):
    assert parse_email_url(url) == expected


@pytest.mark.parametrize(
    "url",
    ["smtp://", "smtp+tls://h", "consolemail://", "https://mail.example.id", "mail.example.id", "smtp://h:x"],
)
def test_an_email_url_the_site_cannot_send_through_is_refused(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        parse_email_url(url)
