"""Fixtures of the QR tests: the sample places' codes and the tourism office's people."""

import pytest


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
