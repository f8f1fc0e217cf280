"""The admin's "Import places" page as an office editor uses it: upload, read the report, import as drafts;
every refusal says why and writes nothing."""

import html
import json
import re
from decimal import Decimal

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.place_import.conftest import geojson

pytestmark = pytest.mark.django_db
URL = "/admin/places/import/"
EN = {"accept-language": "en"}


@pytest.fixture
def editor_client(client, sample_site, django_user_model):
    from django.contrib.auth.models import Group

    from home.seed import EDITORS

    user = django_user_model.objects.create_user("dewi", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def upload(client, name, content, index, **headers):
    data = content if isinstance(content, bytes) else content.encode()
    return client.post(
        URL, {"file": SimpleUploadedFile(name, data), "index": index.pk}, headers={**EN, **headers}
    )


def token_of(response) -> str | None:
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    return match and match.group(1)


def test_the_menu_offers_the_import_to_an_office_editor(editor_client):
    page = editor_client.get("/admin/", headers=EN).content.decode()
    assert URL in page and "Import places" in page


def test_a_visitor_without_admin_access_gets_no_import_page(client, sample_site, django_user_model):
    client.force_login(django_user_model.objects.create_user("tamu", password="pw-for-tests-only"))
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert b"Import places" not in response.content


def test_an_editor_checks_a_file_then_imports_it_as_drafts(editor_client, index, three_places, counts):
    from heritage.models import PlacePage

    form = editor_client.get(URL, headers=EN)
    assert form.status_code == 200 and "File of places" in form.content.decode()
    before = counts()

    checked = upload(editor_client, "new-places.geojson", geojson(three_places), index)

    assert checked.status_code == 200
    text = checked.content.decode()
    assert "new-places.geojson: 3 places ready to import" in text
    assert "Import 3 places as drafts" in text
    assert counts() == before  # checking writes nothing
    token = token_of(checked)

    done = editor_client.post(URL, {"token": token}, headers=EN)

    assert done.status_code == 200
    assert "3 places imported as drafts: they wait for moderation." in done.content.decode()
    assert counts() == (before[0] + 3, before[1] + 3)
    pages = PlacePage.objects.filter(slug__in=["tugu-malang", "candi-singosari", "ranu-pani"])
    assert {page.live for page in pages} == {False}
    for page in pages:
        assert f"/admin/pages/{page.pk}/edit/" in done.content.decode()
    again = editor_client.post(URL, {"token": token}, headers=EN)  # the same button pressed twice
    assert again.status_code == 400 and "expired or was already imported" in again.content.decode()
    assert counts() == (before[0] + 3, before[1] + 3)


def test_a_report_with_problems_offers_no_import_and_escapes_the_names(
    editor_client, index, three_places, counts
):
    hostile = "`${alert(1)}`</script><img src=x onerror=alert(2)>"
    three_places[0]["properties"]["name"] = hostile
    three_places[0]["geometry"]["coordinates"] = [151.2, -33.9]  # Sydney
    three_places[1]["properties"]["kind"] = "castle"
    before = counts()

    response = upload(editor_client, "bad.geojson", geojson(three_places), index)

    assert response.status_code == 200
    text = response.content.decode()
    assert "bad.geojson: 2 of 3 rows have problems; nothing can be imported" in text
    assert "outside Indonesia: -33.9, 151.2" in text
    assert "unknown kind &#x27;castle&#x27;" in text
    assert hostile not in text and html.escape(hostile) in text
    assert token_of(response) is None and "as drafts</button>" not in text
    assert counts() == before


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("places.xlsx", b"PK\x03\x04", "is not a GeoJSON, GeoPackage or CSV file"),
        ("broken.geojson", '{"type": "FeatureCollection", "features": [', "broken.geojson cannot be read"),
        ("empty.geojson", geojson([]), "the file holds no places"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_with_its_reason(
    editor_client, index, counts, name, content, message
):
    before = counts()
    response = upload(editor_client, name, content, index)
    assert response.status_code in (200, 400)
    assert message in response.content.decode()
    assert token_of(response) is None
    assert counts() == before


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(editor_client, index, counts):
    from heritage.place_import import MAX_UPLOAD_BYTES

    before = counts()
    big = b'{"type": "FeatureCollection", "features": []}'.ljust(MAX_UPLOAD_BYTES + 1, b" ")
    response = upload(editor_client, "big.geojson", big, index)
    assert response.status_code == 400
    assert "the limit is 5 MB" in response.content.decode()
    assert counts() == before


def test_a_made_up_or_foreign_token_imports_nothing(editor_client, client, index, three_places, counts):
    checked = upload(editor_client, "new.geojson", geojson(three_places), index)
    token = token_of(checked)
    before = counts()
    for bad in ("../../etc", "not-a-token", ""):
        response = editor_client.post(URL, {"token": bad}, headers=EN)
        assert response.status_code == 400 and "expired" in response.content.decode()
    assert counts() == before
    assert token_of(checked) == token


def test_a_file_that_stops_passing_between_check_and_import_writes_nothing(
    editor_client, index, three_places, counts
):
    """Someone adds Tugu Malang by hand while the editor reads the report: the import is refused whole."""
    from heritage.models import HeritageSitePage

    checked = upload(editor_client, "new.geojson", geojson(three_places), index)
    tugu = three_places[0]["properties"]
    lon, lat = three_places[0]["geometry"]["coordinates"][:2]
    index.add_child(
        instance=HeritageSitePage(
            title=tugu["name"],
            slug="tugu",
            summary="Ditambahkan oleh editor lain.",
            latitude=Decimal(f"{lat:.6f}"),
            longitude=Decimal(f"{lon:.6f}"),
            region=tugu["region"],
            kind=tugu["kind"],
        )
    )
    before = counts()

    response = editor_client.post(URL, {"token": token_of(checked)}, headers=EN)

    assert response.status_code == 400
    text = response.content.decode()
    assert "Nothing was imported: the file no longer passes the checks." in text
    assert "m away" in text  # the report says why
    assert counts() == before


def test_the_import_page_speaks_indonesian_to_an_indonesian_editor(editor_client, index, three_places):
    three_places[1]["properties"]["kind"] = "castle"
    response = upload(
        editor_client, "berkas.geojson", geojson(three_places), index, **{"accept-language": "id"}
    )
    text = response.content.decode()
    assert "Impor tempat" in text
    assert "berkas.geojson: 1 dari 3 baris bermasalah; tidak ada yang dapat diimpor" in text
    assert "jenis tidak dikenal" in text


def test_the_site_s_own_export_comes_back_as_the_same_places(client, editor_client, index, counts):
    """Round trip: what the open-data feed writes, the import reads. Each place of the export is first a
    duplicate of itself; once the list no longer holds it, it comes back as a draft with the same facts."""
    from heritage.models import PlacePage

    for fmt in ("geojson", "csv", "gpkg"):
        exported = client.get(f"/api/sites.{fmt}?lang=id")
        assert exported.status_code == 200
        body = b"".join(exported.streaming_content) if exported.streaming else exported.content
        name = f"export.{fmt}"
        report = upload(editor_client, name, body, index)
        assert "duplicate: the list already has a place with the slug" in report.content.decode(), fmt

    exported = json.loads(client.get("/api/sites.geojson?lang=id").content)
    originals = {
        page.slug: (page.title, page.kind, page.region, round(float(page.latitude), 6))
        for page in PlacePage.objects.filter(locale=index.locale).specific()
    }
    # The export holds the live places of the list; take them away and bring them back from the file.
    for page in PlacePage.objects.filter(locale=index.locale):
        for translation in page.get_translations():
            translation.delete()
        page.delete()
    before = counts()
    checked = upload(editor_client, "export.geojson", json.dumps(exported), index)
    assert token_of(checked), checked.content.decode()
    editor_client.post(URL, {"token": token_of(checked)}, headers=EN)

    assert counts()[0] == before[0] + len(exported["features"])
    for feature in exported["features"]:
        page = PlacePage.objects.get(slug=feature["properties"]["slug"], locale=index.locale).specific
        assert (page.title, page.kind, page.region, round(float(page.latitude), 6)) == originals[page.slug]
        assert not page.live
