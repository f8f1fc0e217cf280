"""Real OGC API clients against a live server: OWSLib (Python) and GDAL/OGR's OAPIF driver (what QGIS and
ogr2ogr users run). Each reads every collection and must count what the database holds."""

import os
import re
import shutil
import subprocess

import pytest

from tests.opendata.conftest import live_counts

COLLECTIONS = ["places", "centres", "itineraries", "plaques"]


@pytest.fixture
def ogc_server(live_server, transactional_db, django_db_serialized_rollback):
    """The live server holding the open-data world (tests/opendata/conftest.py); returns the service's root."""
    from tests.opendata.conftest import _seed_world

    _seed_world()
    return f"{live_server.url}/ogc/"


@pytest.fixture(scope="session")
def ogr_tools():
    """Debian's gdal-bin: installed when missing on CI (which runs as root on a fresh machine), else the test
    is skipped with the reason."""
    if shutil.which("ogrinfo") is None and os.environ.get("CI") == "true":
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True, timeout=600)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "gdal-bin"], check=True, capture_output=True, timeout=900
        )
    if shutil.which("ogrinfo") is None or shutil.which("ogr2ogr") is None:
        pytest.skip("GDAL's ogrinfo/ogr2ogr are not installed (apt-get install gdal-bin); CI installs them")
    return {"GDAL_HTTP_TIMEOUT": "60", "CPL_DEBUG": "OFF", "GDAL_HTTP_MAX_RETRY": "0"}


def _run(command, env):
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=180, env={**os.environ, **env}, check=False
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_owslib_reads_the_landing_page_conformance_collections_and_every_feature(ogc_server):
    from owslib.ogcapi.features import Features

    api = Features(ogc_server)
    assert any(link["rel"] == "service-desc" for link in api.links)
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in api.conformance()["conformsTo"]
    assert "/collections/places/items" in api.api()["paths"]  # found through the service-desc link
    assert api.feature_collections() == COLLECTIONS
    counts = live_counts()
    for collection in COLLECTIONS:
        assert api.collection(collection)["id"] == collection
        body = api.collection_items(collection, limit=1000)
        assert body["numberMatched"] == len(body["features"]) == counts[collection] > 0, collection
        first = body["features"][0]
        assert api.collection_item(collection, first["id"])["id"] == first["id"]
    temples = api.collection_items("places", kind="temple", bbox=[112.5, -8.1, 112.8, -7.9])
    assert {f["properties"]["slug"] for f in temples["features"]} == {"candi-badut", "candi-jago"}


def test_gdal_lists_every_collection_counts_its_features_and_copies_places_to_a_geopackage(
    ogc_server, ogr_tools, tmp_path
):
    source = f"OAPIF:{ogc_server}"
    summary = _run(["ogrinfo", "-ro", "-al", "-so", source], ogr_tools)
    assert re.findall(r"^Layer name: (\S+)", summary, re.MULTILINE) == COLLECTIONS
    counts = live_counts()
    for collection in COLLECTIONS:
        layer = _run(["ogrinfo", "-ro", "-so", source, collection], ogr_tools)
        assert f"Feature Count: {counts[collection]}" in layer, layer
        every = _run(
            ["ogrinfo", "-ro", "-q", source, collection], ogr_tools
        )  # reads each page, not the count
        assert len(re.findall(r"^OGRFeature\(", every, re.MULTILINE)) == counts[collection], collection

    out = tmp_path / "places.gpkg"
    _run(["ogr2ogr", "-f", "GPKG", str(out), source, "places"], ogr_tools)
    import pyogrio

    info = pyogrio.read_info(out, layer="places")
    assert info["features"] == counts["places"] == 3
    assert info["geometry_type"] == "Point"
    frame = pyogrio.read_dataframe(out, layer="places")
    assert set(frame["slug"]) == {"candi-badut", "candi-jago", "kawah-bromo"}
    assert frame.crs.to_epsg() == 4326
