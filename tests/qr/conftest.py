"""Fixtures of the QR tests: the sample places' codes, the tourism office's people, and the scan counter.

A scan reaches the database only when the scan counter flushes (plaques/scan_counter.py). In these tests its
thread does not start by itself: a test that reads counts after scanning flushes first (scan_helpers.py), as
the thread would a few seconds later, so what a test asserts never depends on when a tick happens to fall.
"""

import pytest


@pytest.fixture(autouse=True)
def scan_counter_by_hand(monkeypatch, settings, tmp_path):
    """Each test starts with no pending scan, no remembered visitor, a spool of its own, and no thread."""
    from django.core.cache import caches

    from plaques import scan_counter

    scan_counter.reset()
    caches["scans"].clear()
    settings.SCAN_SPOOL_DIR = tmp_path / "scan-spool"
    monkeypatch.setattr(scan_counter, "start_flusher", lambda: None)
    yield
    scan_counter.reset()


@pytest.fixture
def codes(sample_site):
    """{slug: code} of the three sample places, as assigned when the seed published them."""
    from plaques.models import ShortCode

    return {
        short_code.page.slug: short_code.code
        for short_code in ShortCode.objects.select_related("page").filter(page__isnull=False)
    }


@pytest.fixture
def badut_code(codes):
    return codes["candi-badut"]


@pytest.fixture
def editor(sample_site, django_user_model):
    from django.contrib.auth.models import Group

    from home.seed import EDITORS

    user = django_user_model.objects.create_user("siti", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def admin_client_(client, sample_site, django_user_model):
    user = django_user_model.objects.create_superuser("ani", "", "pw-for-tests-only")
    client.force_login(user)
    return client
