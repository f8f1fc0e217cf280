"""Checking a file of places before an import: every problem named by row, field and reason; a clean file
becomes drafts, all or nothing."""

import json

import pytest

from tests.place_import.conftest import bundled_features, geojson

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    """The report speaks the admin's language; these tests read it in English (test_import_admin reads it in
    Indonesian)."""
    from django.utils import translation

    with translation.override("en"):
        yield


def check(path, index):
    from heritage.place_import.checks import check_file

    return check_file(path, index)


def reasons(report):
    return [(p.row, p.field, p.reason) for p in report.problems]


def test_three_new_bundled_places_are_ready_and_become_drafts_with_their_facts(
    index, three_places, write_file, counts
):
    from heritage.models import PlacePage
    from heritage.place_import.create import create_drafts

    report = check(write_file("new.geojson", geojson(three_places)), index)
    assert reasons(report) == []
    assert report.ok and [row.slug for row in report.rows] == ["tugu-malang", "candi-singosari", "ranu-pani"]
    places, revisions = counts()

    pages = create_drafts(report)

    assert counts() == (places + 3, revisions + 3)
    for page, feature in zip(pages, three_places, strict=True):
        page = PlacePage.objects.get(pk=page.pk).specific
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"][:2]
        assert not page.live and page.has_unpublished_changes
        assert page.get_parent().pk == index.pk and page.locale_id == index.locale_id
        assert page.title == props["name"] and page.kind == props["kind"] and page.region == props["region"]
        assert (float(page.latitude), float(page.longitude)) == (round(lat, 6), round(lon, 6))
        assert page.coordinate_source == props["coordinate_source"]["title"][:255]
        assert [s.title for s in page.sources.all()] == [s["title"][:300] for s in props["sources"]]
        assert page.latest_revision is not None
    assert type(pages[2]).__name__ == "CorridorPlacePage"  # Ranu Pani is a corridor place


def test_each_problem_is_named_by_row_and_nothing_can_be_imported(index, three_places, write_file, counts):
    from heritage.place_import.create import RefusedImport, create_drafts

    tugu, singosari, ranu_pani = three_places
    lon, lat = tugu["geometry"]["coordinates"]
    tugu["geometry"]["coordinates"] = [lat, lon]  # swapped
    singosari["properties"]["kind"] = "castle"
    singosari["properties"]["region"] = "lumajang"  # Singosari lies in Kabupaten Malang, far from Lumajang
    ranu_pani["geometry"]["coordinates"] = [151.2, -33.9]  # Sydney
    report = check(write_file("bad.geojson", geojson(three_places)), index)

    by_row = {}
    for row, field, reason in reasons(report):
        by_row.setdefault(row, []).append((field, reason))
    assert [field for field, _ in by_row[1]] == ["geometry"]
    assert "look swapped" in by_row[1][0][1]
    assert (
        "kind",
        "unknown kind 'castle'; use one of: "
        + ", ".join(__import__("heritage.models", fromlist=["Kind"]).Kind.values),
    ) in by_row[2]
    assert any(field == "region" and "outside the stated region" in reason for field, reason in by_row[2])
    assert by_row[3] == [("geometry", "outside Indonesia: -33.9, 151.2")]
    assert not report.ok and report.rows == [s for s in report.rows if s.row not in by_row]
    before = counts()
    with pytest.raises(RefusedImport):
        create_drafts(report)
    assert counts() == before


def test_a_place_the_site_has_is_a_duplicate_by_slug_and_by_name_nearby(index, write_file):
    from heritage.models import PlacePage

    (jago,) = bundled_features("candi-jago")
    on_site = PlacePage.objects.get(slug="candi-jago", locale=index.locale)
    lon, lat = float(on_site.longitude), float(on_site.latitude)
    jago["properties"]["name"] = on_site.title  # the sample site's titles are its own
    renamed = json.loads(json.dumps(jago))
    renamed["properties"].update(slug="candi-jago-tumpang", name=on_site.title.upper())
    renamed["geometry"]["coordinates"] = [lon + 0.0005, lat]  # about 55 m east
    far = json.loads(json.dumps(jago))
    far["properties"].update(slug="candi-jago-elsewhere", name=on_site.title)
    far["geometry"]["coordinates"] = [lon + 0.05, lat]  # about 5.5 km: another place of the same name
    report = check(write_file("dup.geojson", geojson([jago, renamed, far])), index)

    problems = reasons(report)
    title = on_site.title
    assert (
        1,
        "slug",
        f"duplicate: the list already has a place with the slug 'candi-jago' ({title})",
    ) in problems
    assert any(row == 2 and field == "name" and "m away" in reason for row, field, reason in problems)
    assert not any(row == 3 for row, _field, _reason in problems)


def test_the_same_place_twice_in_one_file_is_named(index, three_places, write_file):
    tugu = three_places[0]
    twice = json.loads(json.dumps(tugu))
    twice["properties"]["slug"] = "tugu-malang-2"
    report = check(write_file("twice.geojson", geojson([tugu, twice])), index)
    assert (2, "name", "the same place as row 1") in reasons(report)


def test_a_file_that_is_not_geojson_cannot_be_read(index, write_file):
    from heritage.place_import.checks import UnreadableFile

    with pytest.raises(UnreadableFile):
        check(write_file("broken.geojson", '{"type": "FeatureCollection", "features": ['), index)


def test_a_row_in_the_other_language_is_refused(index, three_places, write_file):
    three_places[0]["properties"]["lang"] = "en"
    report = check(write_file("en.geojson", geojson(three_places)), index)
    assert [(row, field) for row, field, _reason in reasons(report)] == [(1, "lang")]
