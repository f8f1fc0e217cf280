"""Production settings, loaded for real in a fresh interpreter with a given environment.

`config.settings.production` raises at import when something it needs is missing, so each story runs it in a
subprocess (the worktree's `site/` and root first on the path, as manage.py puts them) with only the
variables the story names.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

GOOD_ENVIRONMENT = {
    "SECRET_KEY": "k" * 20 + "-not-a-real-key-but-long-enough-for-the-check-0123456789",
    "ALLOWED_HOSTS": "heritage.example.id",
    "QR_BASE_URL": "https://heritage.example.id",
    "EMAIL_URL": "smtp://heritage:mail%40password@smtp.example.id:587?tls",
    "DEFAULT_FROM_EMAIL": "Malang Heritage <noreply@heritage.example.id>",
}
# Everything production reads that a developer's shell might hold: cleared, so only the story's values count.
CLEARED = [
    *GOOD_ENVIRONMENT,
    "DATABASE_URL",
    "SERVER_EMAIL",
    "TRUST_PROXY_HEADERS",
    "AXES_COOLOFF_MINUTES",
    "SECURE_SSL_REDIRECT",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests' conftest in the same pytest process
    "DJANGO_SETTINGS_MODULE",
]


def _run(args, tmp_path, settings="config.settings.production", **environment):
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(
        PYTHONPATH=os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
    )
    env.update({k: v for k, v in environment.items() if v is not None})
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _settings(tmp_path, names, settings="config.settings.production", **environment):
    """The named settings as production loads them, or the failed process."""
    code = textwrap.dedent(f"""
        import json, django
        from django.conf import settings
        django.setup()
        print(json.dumps({{name: getattr(settings, name, None) for name in {names!r}}}, default=str))
    """)
    return _run(["-c", code], tmp_path, settings=settings, **environment)


def _import(tmp_path, settings="config.settings.production", **environment):
    """Only import the settings module: enough to see it refuse, and quicker than setting Django up."""
    return _run(["-c", f"import {settings}"], tmp_path, settings=settings, **environment)


def _without(name, value=None):
    return {**GOOD_ENVIRONMENT, name: value}


def _refused(process, name):
    return process.returncode != 0 and "ImproperlyConfigured" in process.stderr and name in process.stderr


# --- what production refuses to start without -------------------------------------------------------------------


@pytest.mark.parametrize(
    "qr_base_url",
    [
        None,
        "",
        "http://heritage.example.id",  # not https
        "https://127.0.0.1:8000",
        "https://127.0.1.1",
        "https://localhost",
        "https://admin.localhost",
        "https://[::1]:8000",
        "https://0.0.0.0",
        "https://[::ffff:127.0.0.1]",
        "https://localhost.",
        "heritage.example.id",  # no scheme
    ],
)
def test_production_refuses_to_start_without_a_public_https_address_for_the_plaques(tmp_path, qr_base_url):
    process = _import(tmp_path, **_without("QR_BASE_URL", qr_base_url))

    assert _refused(process, "QR_BASE_URL"), process.stderr[-2000:]


@pytest.mark.parametrize(
    "email_url",
    [None, "", "consolemail://", "dummymail://", "memorymail://", "smtp://", "https://mail.example.id"],
)
def test_production_refuses_to_start_without_an_smtp_server_for_notifications_and_password_resets(
    tmp_path, email_url
):
    process = _import(tmp_path, **_without("EMAIL_URL", email_url))

    assert _refused(process, "EMAIL_URL"), process.stderr[-2000:]


@pytest.mark.parametrize("from_email", [None, "", "webmaster@localhost"])
def test_production_refuses_to_start_without_a_sender_address(tmp_path, from_email):
    process = _import(tmp_path, **_without("DEFAULT_FROM_EMAIL", from_email))

    assert _refused(process, "DEFAULT_FROM_EMAIL"), process.stderr[-2000:]


# --- what a good environment gives -----------------------------------------------------------------------------


def test_a_complete_environment_loads_with_mail_plaque_address_and_strict_cookies(tmp_path):
    names = [
        "QR_BASE_URL",
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_HOST_USER",
        "EMAIL_HOST_PASSWORD",
        "EMAIL_USE_TLS",
        "EMAIL_USE_SSL",
        "DEFAULT_FROM_EMAIL",
        "SERVER_EMAIL",
        "SECURE_PROXY_SSL_HEADER",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_SAMESITE",
        "LANGUAGE_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SAMESITE",
        "LANGUAGE_COOKIE_HTTPONLY",
        "USE_X_FORWARDED_HOST",
        "AUTHENTICATION_BACKENDS",
        "AUTH_PASSWORD_VALIDATORS",
        "AXES_FAILURE_LIMIT",
        "AXES_COOLOFF_TIME",
        "LOCAL_ADMIN_ACCOUNT",
    ]
    process = _settings(tmp_path, names, **GOOD_ENVIRONMENT)

    assert process.returncode == 0, process.stderr[-2000:]
    loaded = json.loads(process.stdout.strip().splitlines()[-1])
    assert loaded == {
        "QR_BASE_URL": "https://heritage.example.id",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.id",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "heritage",
        "EMAIL_HOST_PASSWORD": "mail@password",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "DEFAULT_FROM_EMAIL": "Malang Heritage <noreply@heritage.example.id>",
        "SERVER_EMAIL": "Malang Heritage <noreply@heritage.example.id>",
        # X-Forwarded-Proto is anyone's to write until TRUST_PROXY_HEADERS says a proxy sets it.
        "SECURE_PROXY_SSL_HEADER": None,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "LANGUAGE_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_SAMESITE": "Lax",
        "LANGUAGE_COOKIE_HTTPONLY": True,
        "USE_X_FORWARDED_HOST": False,
        # The same list tests/security/test_logins.py logs in through.
        "AUTHENTICATION_BACKENDS": [
            "axes.backends.AxesStandaloneBackend",
            "config.auth.RefuseLocalPasswordBackend",
        ],
        "AUTH_PASSWORD_VALIDATORS": [
            {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
            {"NAME": "config.auth.NotTheLocalPasswordValidator"},
        ],
        "AXES_FAILURE_LIMIT": 5,
        "AXES_COOLOFF_TIME": "0:15:00",
        "LOCAL_ADMIN_ACCOUNT": None,
    }


@pytest.mark.parametrize(
    ("email_url", "expected"),
    [
        (
            "smtps://heritage:pw@smtp.example.id",
            ["django.core.mail.backends.smtp.EmailBackend", "smtp.example.id", 465, False, True],
        ),
        (
            "smtp://relay.example.id",
            ["django.core.mail.backends.smtp.EmailBackend", "relay.example.id", 25, False, False],
        ),
        ("console://", ["django.core.mail.backends.console.EmailBackend", "localhost", 25, False, False]),
    ],
)
def test_production_sends_mail_the_way_email_url_says(tmp_path, email_url, expected):
    names = ["EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_USE_SSL"]
    process = _settings(tmp_path, names, **{**GOOD_ENVIRONMENT, "EMAIL_URL": email_url})

    assert process.returncode == 0, process.stderr[-2000:]
    assert list(json.loads(process.stdout.strip().splitlines()[-1]).values()) == expected


def test_server_email_follows_default_from_email_unless_set(tmp_path):
    process = _settings(
        tmp_path, ["SERVER_EMAIL"], **GOOD_ENVIRONMENT, SERVER_EMAIL="errors@heritage.example.id"
    )
    assert process.returncode == 0, process.stderr[-2000:]
    assert json.loads(process.stdout.strip().splitlines()[-1]) == {
        "SERVER_EMAIL": "errors@heritage.example.id"
    }


def test_behind_a_trusted_proxy_production_believes_its_https_header(tmp_path):
    process = _settings(
        tmp_path,
        ["SECURE_PROXY_SSL_HEADER", "USE_X_FORWARDED_HOST", "TRUST_PROXY_HEADERS"],
        **GOOD_ENVIRONMENT,
        TRUST_PROXY_HEADERS="true",
    )

    assert process.returncode == 0, process.stderr[-2000:]
    loaded = json.loads(process.stdout.strip().splitlines()[-1])
    assert loaded == {
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "USE_X_FORWARDED_HOST": True,
        "TRUST_PROXY_HEADERS": True,
    }


def test_the_lockout_cool_off_is_read_from_the_environment(tmp_path):
    process = _settings(
        tmp_path, ["AXES_COOLOFF_TIME"], settings="config.settings.test", AXES_COOLOFF_MINUTES="30"
    )
    assert process.returncode == 0, process.stderr[-2000:]
    assert json.loads(process.stdout.strip().splitlines()[-1]) == {"AXES_COOLOFF_TIME": "0:30:00"}

    refused = _import(tmp_path, settings="config.settings.test", AXES_COOLOFF_MINUTES="0")
    assert _refused(refused, "AXES_COOLOFF_MINUTES"), refused.stderr[-2000:]


def test_the_deploy_check_is_clean_on_a_complete_environment(tmp_path):
    process = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path, **GOOD_ENVIRONMENT
    )

    assert process.returncode == 0, process.stdout + process.stderr[-2000:]
    assert "no issues" in process.stdout


# --- a production server given a database with the local account ------------------------------------------------

LOGIN_PROBE = """
import json
from django.contrib.auth import authenticate, get_user_model
from django.test import Client, RequestFactory
from config.local_account import LOCAL_ADMIN_PASSWORD, LOCAL_ADMIN_USERNAME

User = get_user_model()
# What `make run` leaves in a database, someone else who chose the published password, and an editor.
User.objects.create_superuser(LOCAL_ADMIN_USERNAME, "", LOCAL_ADMIN_PASSWORD)
User.objects.create_superuser("ani", "", LOCAL_ADMIN_PASSWORD)
User.objects.create_superuser("siti", "", "Kayutangan-1914-heritage")

def login(path, username, password, ip):
    request = RequestFactory().post(path, REMOTE_ADDR=ip, secure=True)
    user = authenticate(request, username=username, password=password)
    return user.get_username() if user else None

print(json.dumps({
    "admin on wagtail": login("/admin/login/", LOCAL_ADMIN_USERNAME, LOCAL_ADMIN_PASSWORD, "192.0.2.1"),
    "admin on django": login("/django-admin/login/", LOCAL_ADMIN_USERNAME, LOCAL_ADMIN_PASSWORD, "192.0.2.2"),
    "ani": login("/admin/login/", "ani", LOCAL_ADMIN_PASSWORD, "192.0.2.3"),
    "siti": login("/admin/login/", "siti", "Kayutangan-1914-heritage", "192.0.2.4"),
    "robots.txt": Client().get("/robots.txt", secure=True, HTTP_HOST="heritage.example.id").status_code,
}))
"""


def test_a_production_server_refuses_the_local_password_whatever_database_it_is_given(tmp_path):
    migrated = _run(["manage.py", "migrate", "--noinput", "-v0"], tmp_path, **GOOD_ENVIRONMENT)
    assert migrated.returncode == 0, migrated.stderr[-2000:]

    refused = _run(["manage.py", "ensure_local_admin"], tmp_path, **GOOD_ENVIRONMENT)
    assert refused.returncode != 0
    assert "LOCAL_ADMIN_ACCOUNT" in refused.stderr and "production" in refused.stderr

    probe = _run(["manage.py", "shell", "-c", LOGIN_PROBE], tmp_path, **GOOD_ENVIRONMENT)
    assert probe.returncode == 0, probe.stderr[-2000:]
    assert json.loads(probe.stdout.strip().splitlines()[-1]) == {
        "admin on wagtail": None,
        "admin on django": None,
        "ani": None,
        "siti": "siti",
        "robots.txt": 200,
    }
