"""Production static files: collectstatic with the real storage must succeed and resolve our vendored assets."""

import json

from django.core.management import call_command
from django.templatetags.static import static


def test_collectstatic_with_the_production_storage_hashes_every_vendored_asset(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "config.storage.StaticStorage"}}
    call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for asset in (
        "vendor/leaflet/leaflet.js",
        "vendor/markercluster/leaflet.markercluster.js",
        "heritage/admin/map-picker.js",
        "site/css/site.css",
    ):
        assert asset in manifest, asset
        assert (tmp_path / manifest[asset]).exists()
        assert (tmp_path / (manifest[asset] + ".gz")).exists()
    assert static("site/css/site.css") == settings.STATIC_URL + manifest["site/css/site.css"]
