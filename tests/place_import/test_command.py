"""`manage.py import_places` as the GIS staff run it: the admin's checks, the same drafts, a report and an
exit status a script can rely on."""

import io

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from tests.place_import.conftest import geojson

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_places", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_clean_file_becomes_drafts_in_the_chosen_language(index, three_places, write_file, counts):
    from heritage.models import PlacePage

    path = write_file("new.geojson", geojson(three_places))
    before = counts()

    out, _err = run(str(path), "--check")
    assert "new.geojson: 3 places ready to import" in out and "nothing imported" in out
    assert counts() == before

    out, _err = run(str(path), "--lang", "id")
    assert "3 drafts added under" in out
    assert counts() == (before[0] + 3, before[1] + 3)
    drafts = PlacePage.objects.filter(slug__in=["tugu-malang", "candi-singosari", "ranu-pani"])
    assert {(page.live, page.locale.language_code) for page in drafts} == {(False, "id")}


def test_a_file_with_problems_prints_the_report_and_writes_nothing(index, three_places, write_file, counts):
    three_places[2]["geometry"]["coordinates"] = [151.2, -33.9]
    path = write_file("bad.geojson", geojson(three_places))
    before = counts()
    with pytest.raises(CommandError, match="nothing was imported"):
        run(str(path))
    assert counts() == before


def test_the_report_names_the_row_on_stderr(index, three_places, write_file):
    three_places[1]["properties"]["kind"] = "castle"
    path = write_file("bad.geojson", geojson(three_places))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_places", str(path), stdout=io.StringIO(), stderr=err)
    assert "row 2 (" in err.getvalue() and "unknown kind 'castle'" in err.getvalue()


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing.geojson"], "no such file"),
        (["{dir}/places.xlsx"], "not a GeoJSON, GeoPackage or CSV file"),
        (["{dir}/broken.geojson"], "broken.geojson cannot be read"),
        (["{dir}/new.geojson", "--lang", "fr"], "no place list in the language 'fr'"),
        (["{dir}/new.geojson", "--user", "nobody"], "no user named 'nobody'"),
    ],
)
def test_a_wrong_call_says_what_is_wrong(index, three_places, write_file, tmp_path, counts, args, message):
    write_file("places.xlsx", b"PK\x03\x04")
    write_file("broken.geojson", '{"type": "FeatureCollection", "features": [')
    write_file("new.geojson", geojson(three_places))
    before = counts()
    with pytest.raises(CommandError, match=message):
        run(*[arg.format(dir=tmp_path) for arg in args])
    assert counts() == before
