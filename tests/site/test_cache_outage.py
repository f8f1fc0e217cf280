"""With ``CACHE_URL`` on a Redis that is down (a closed port) or silent (accepts, never answers), the site
answers without its cache (config/cache_outage.py): pages, plaque scans and the admin, with sessions in the
database, the outage logged once, and no page waiting on Redis after the first failure."""

import logging
import time

import pytest
from broken_services import SilentServer, base_settings, closed_port_url

from config.cache_outage import redis
from heritage.models import PlacePage
from plaques.models import ShortCode


@pytest.fixture(params=["down", "silent"])
def redis_broken(request, settings, monkeypatch):
    if request.param == "down":
        url = closed_port_url("redis")
    else:
        server = SilentServer()
        request.addfinalizer(server.close)
        url = server.url.replace("http://", "redis://")
    built = base_settings(monkeypatch, CACHE_URL=f"{url}/0")
    assert built["CACHES"]["default"]["BACKEND"] == "config.cache_outage.RedisCache"
    assert "SESSION_ENGINE" not in built  # Django's default: sessions in the database, not in the cache
    settings.CACHES = built["CACHES"]
    redis.reset()
    request.addfinalizer(redis.reset)


def test_with_redis_broken_pages_scans_and_the_admin_answer(
    sample_site, redis_broken, client, admin_client, caplog
):
    jago = PlacePage.objects.get(slug="candi-jago", locale__language_code="en").specific
    code = ShortCode.objects.get(page__slug="candi-badut", page__locale__language_code="id").code
    started = time.monotonic()
    with caplog.at_level(logging.INFO):
        for path in ("/id/", "/en/", jago.url, "/id/search/?q=candi", "/api/search.json?q=candi"):
            assert client.get(path).status_code == 200, path
        scan = client.get(f"/q/{code}")
        assert scan.status_code in (301, 302) and "candi-badut" in scan["Location"]
        assert admin_client.get("/admin/").status_code == 200
    # One socket timeout (0.5 s) at most: after the first failure no call waits for Redis.
    assert time.monotonic() - started < 5
    outage = [r for r in caplog.records if r.name == "config.cache_outage"]
    assert [r.levelname for r in outage] == ["WARNING"]
    assert outage[0].getMessage().startswith("Redis is failing")
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
