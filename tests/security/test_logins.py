"""Logins on both admins: the documented local password, and the lockout after repeated failures.

Every login here goes through the real forms (Wagtail's `/admin/login/`, Django's `/django-admin/login/`) with
the test client, and every request names its client address, so each story counts only its own failures.
"""

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import override_settings

from config.local_account import LOCAL_ADMIN_PASSWORD, LOCAL_ADMIN_USERNAME
from config.settings import dev

ROOT = Path(__file__).resolve().parents[2]
WAGTAIL_LOGIN = "/admin/login/"
DJANGO_LOGIN = "/django-admin/login/"
BOTH_ADMINS = [WAGTAIL_LOGIN, DJANGO_LOGIN]

# What config/settings/production.py authenticates with (tests/security/test_production_settings.py loads the
# real module in a subprocess and checks the same list).
PRODUCTION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "config.auth.RefuseLocalPasswordBackend"]
PRODUCTION_VALIDATORS = [{"NAME": "config.auth.NotTheLocalPasswordValidator"}]

STRONG = "Kayutangan-1914-heritage"


def _log_in(client, url, username, password, ip="192.0.2.10", **headers):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers)


def _logged_in(client):
    return "_auth_user_id" in client.session


def _is_the_login_form_again(response):
    return response.status_code == 200 and 'name="password"' in response.content.decode()


def _is_the_lockout_page(response):
    text = response.content.decode()
    return (
        response.status_code == 429
        and "Terlalu banyak percobaan masuk" in text
        and "Too many login attempts" in text
    )


@pytest.fixture
def siti(django_user_model):
    """An editor with a strong password of her own, who may use both admins."""
    return django_user_model.objects.create_superuser("siti", "siti@example.id", STRONG)


# --- the documented local password ---------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(AUTHENTICATION_BACKENDS=PRODUCTION_BACKENDS)
@pytest.mark.parametrize("url", BOTH_ADMINS)
@pytest.mark.parametrize("username", [LOCAL_ADMIN_USERNAME, "ani"])
def test_production_refuses_the_documented_local_password_on_both_admins(
    client, django_user_model, url, username
):
    # A database from `make run` (admin) or anyone who chose the published password (ani).
    django_user_model.objects.create_superuser(username, "", LOCAL_ADMIN_PASSWORD)

    response = _log_in(client, url, username, LOCAL_ADMIN_PASSWORD)

    assert _is_the_login_form_again(response)
    assert not _logged_in(client)


@pytest.mark.django_db
@override_settings(AUTHENTICATION_BACKENDS=PRODUCTION_BACKENDS)
@pytest.mark.parametrize("url", BOTH_ADMINS)
def test_production_still_lets_an_editor_with_her_own_password_in(client, siti, url):
    response = _log_in(client, url, "siti", STRONG)

    assert response.status_code == 302
    assert _logged_in(client)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
@override_settings(AUTHENTICATION_BACKENDS=PRODUCTION_BACKENDS)
def test_production_keeps_serving_the_public_site_with_the_local_account_in_its_database(
    client, django_user_model, sample_site
):
    django_user_model.objects.create_superuser(LOCAL_ADMIN_USERNAME, "", LOCAL_ADMIN_PASSWORD)

    assert client.get("/id/").status_code == 200
    assert client.get("/api/sites.geojson").status_code == 200


@pytest.mark.django_db
@override_settings(AUTH_PASSWORD_VALIDATORS=PRODUCTION_VALIDATORS)
def test_production_will_not_take_the_documented_password_as_anyones_new_password(siti):
    with pytest.raises(ValidationError, match="README"):
        validate_password(LOCAL_ADMIN_PASSWORD, siti)
    validate_password(STRONG, siti)


@pytest.mark.django_db
def test_make_run_creates_the_documented_account_and_it_opens_the_local_admin(client):
    call_command("ensure_local_admin")

    response = _log_in(client, WAGTAIL_LOGIN, LOCAL_ADMIN_USERNAME, LOCAL_ADMIN_PASSWORD)

    assert response.status_code == 302
    assert _logged_in(client)


@pytest.mark.django_db
@override_settings(LOCAL_ADMIN_ACCOUNT=None)
def test_ensure_local_admin_refuses_to_create_an_account_under_production_settings(django_user_model):
    with pytest.raises(CommandError, match="production"):
        call_command("ensure_local_admin")
    assert not django_user_model.objects.exists()


# --- lockout after repeated failures ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_thirty_wrong_passwords_in_a_row_get_four_answers_then_the_lockout_page(client, siti):
    responses = [_log_in(client, WAGTAIL_LOGIN, "siti", f"guess-{n}") for n in range(30)]

    assert all(_is_the_login_form_again(r) for r in responses[:4])
    assert all(_is_the_lockout_page(r) for r in responses[4:])


@pytest.mark.django_db
@pytest.mark.parametrize("url", BOTH_ADMINS)
def test_the_right_password_is_refused_during_the_lockout_on_both_admins(client, siti, url):
    for n in range(5):
        _log_in(client, url, "siti", f"guess-{n}")

    for admin in BOTH_ADMINS:
        response = _log_in(client, admin, "siti", STRONG)
        assert _is_the_lockout_page(response)
    assert not _logged_in(client)


@pytest.mark.django_db
def test_a_locked_username_stays_locked_from_another_address(client, siti):
    for n in range(5):
        _log_in(client, WAGTAIL_LOGIN, "siti", f"guess-{n}", ip="192.0.2.10")

    response = _log_in(client, DJANGO_LOGIN, "siti", STRONG, ip="198.51.100.20")

    assert _is_the_lockout_page(response)
    assert not _logged_in(client)


@pytest.mark.django_db
def test_an_address_that_tried_five_usernames_is_locked_for_every_username(client, siti):
    for name in ["admin", "root", "editor", "budi", "dewi"]:
        _log_in(client, WAGTAIL_LOGIN, name, "malang123", ip="203.0.113.66")

    response = _log_in(client, WAGTAIL_LOGIN, "siti", STRONG, ip="203.0.113.66")

    assert _is_the_lockout_page(response)
    assert not _logged_in(client)


@pytest.mark.django_db
def test_another_editor_from_another_address_is_unaffected_by_a_lockout(client, siti, django_user_model):
    django_user_model.objects.create_superuser("budi", "", "Ijen-boulevard-1935")
    for n in range(10):
        _log_in(client, WAGTAIL_LOGIN, "siti", f"guess-{n}", ip="203.0.113.66")

    response = _log_in(client, WAGTAIL_LOGIN, "budi", "Ijen-boulevard-1935", ip="198.51.100.20")

    assert response.status_code == 302
    assert _logged_in(client)


@pytest.mark.django_db
def test_the_lockout_page_says_in_both_languages_when_to_try_again_in_wib(client, siti):
    for n in range(4):
        _log_in(client, WAGTAIL_LOGIN, "siti", f"guess-{n}")

    response = _log_in(client, WAGTAIL_LOGIN, "siti", "guess-4")

    last = AccessAttempt.objects.get(username="siti").attempt_time
    until = (last + timedelta(minutes=15)).astimezone(ZoneInfo("Asia/Jakarta"))
    text = response.content.decode()
    assert _is_the_lockout_page(response)
    assert f"{until:%H.%M} WIB" in text and "15 menit lagi" in text
    assert f"{until:%H:%M} WIB" in text and "in 15 minutes" in text
    assert response["Retry-After"] == "900"


@pytest.mark.django_db
def test_the_editor_gets_in_again_once_the_cool_off_has_passed(client, siti):
    for n in range(5):
        _log_in(client, WAGTAIL_LOGIN, "siti", f"guess-{n}")
    assert _is_the_lockout_page(_log_in(client, WAGTAIL_LOGIN, "siti", STRONG))

    # Sixteen minutes later.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )

    response = _log_in(client, WAGTAIL_LOGIN, "siti", STRONG)
    assert response.status_code == 302
    assert _logged_in(client)


@pytest.mark.django_db
def test_axes_reset_unlocks_a_locked_out_editor(client, siti):
    for n in range(5):
        _log_in(client, WAGTAIL_LOGIN, "siti", f"guess-{n}")

    call_command("axes_reset")

    assert _log_in(client, WAGTAIL_LOGIN, "siti", STRONG).status_code == 302


# --- which client is counted ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_forged_x_forwarded_for_does_not_dodge_the_lockout(client, siti):
    """Without TRUST_PROXY_HEADERS the header is the client's own words: the TCP peer is counted."""
    responses = [
        _log_in(client, WAGTAIL_LOGIN, f"user{n}", "malang123", HTTP_X_FORWARDED_FOR=f"10.9.8.{n}")
        for n in range(5)
    ]

    assert _is_the_lockout_page(responses[-1])
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.10"}


@pytest.mark.django_db
@override_settings(TRUST_PROXY_HEADERS=True)
def test_behind_a_trusted_proxy_each_visitor_is_counted_by_the_address_the_proxy_saw(client, siti):
    proxy = "10.0.0.2"
    for n in range(5):
        # The left part is what the attacker wrote; the right-most entry is what our proxy appended.
        _log_in(
            client,
            WAGTAIL_LOGIN,
            f"user{n}",
            "malang123",
            ip=proxy,
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 203.0.113.66",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}

    locked = _log_in(client, WAGTAIL_LOGIN, "siti", STRONG, ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert _is_the_lockout_page(locked)
    other_visitor = _log_in(
        client, WAGTAIL_LOGIN, "siti", STRONG, ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20"
    )
    assert other_visitor.status_code == 302


@pytest.mark.django_db
def test_a_successful_login_clears_the_failures_counted_against_the_editor(client, siti):
    for n in range(4):
        _log_in(client, WAGTAIL_LOGIN, "siti", f"guess-{n}")
    assert _log_in(client, WAGTAIL_LOGIN, "siti", STRONG).status_code == 302
    client.logout()

    # Four more slips after a good login are not the fifth, sixth… failure: she is not locked out.
    for n in range(4):
        assert _is_the_login_form_again(_log_in(client, WAGTAIL_LOGIN, "siti", f"again-{n}"))
    assert _log_in(client, DJANGO_LOGIN, "siti", STRONG).status_code == 302


@pytest.mark.django_db
@override_settings(AUTHENTICATION_BACKENDS=PRODUCTION_BACKENDS)
def test_production_logs_a_warning_naming_the_account_refused_for_the_local_password(
    client, django_user_model, caplog
):
    django_user_model.objects.create_superuser(LOCAL_ADMIN_USERNAME, "", LOCAL_ADMIN_PASSWORD)

    with caplog.at_level("WARNING", logger="config.auth"):
        _log_in(client, DJANGO_LOGIN, LOCAL_ADMIN_USERNAME, LOCAL_ADMIN_PASSWORD)

    assert any(
        record.levelname == "WARNING" and "documented local password" in record.getMessage()
        for record in caplog.records
    )


def test_the_readme_and_make_run_print_the_one_documented_local_account():
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    account = f"{LOCAL_ADMIN_USERNAME}` / `{LOCAL_ADMIN_PASSWORD}"

    assert f"`{account}`" in readme
    assert f"{LOCAL_ADMIN_USERNAME} / {LOCAL_ADMIN_PASSWORD}" in makefile
    # Defined once: settings and the command take it from config.local_account. (The same words also name
    # the cache and the search index: only a line about a password counts.)
    sources = [*(ROOT / "site").rglob("*.py"), *(ROOT / "heritage").rglob("*.py")]
    defining = [
        p
        for p in sources
        if any(
            f'"{LOCAL_ADMIN_PASSWORD}"' in line and "password" in line.lower()
            for line in p.read_text().splitlines()
        )
    ]
    assert [p.relative_to(ROOT).as_posix() for p in defining] == ["site/config/local_account.py"]


def test_dev_settings_keep_the_local_account_convenience():
    assert dev.DEBUG
    assert dev.LOCAL_ADMIN_ACCOUNT == {"username": LOCAL_ADMIN_USERNAME, "password": LOCAL_ADMIN_PASSWORD}
    assert dev.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
