"""The bundled Malang content: the seed loads it whole, and running it again changes nothing."""

import json
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

from wagtail.models import Page, PageLogEntry, Revision

ROOT = Path(__file__).resolve().parents[2]
PLACES = ROOT / "geodata" / "data" / "places.geojson"


def _counts():
    return Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()


def test_seeding_twice_changes_nothing(sample_site):
    from home.seed import seed
    from tests.conftest import FIXTURES

    before = _counts()
    report = seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")
    assert report.created == []
    assert _counts() == before


def test_an_edited_place_is_not_overwritten_by_a_new_seed(place):
    from home.seed import seed
    from tests.conftest import FIXTURES

    place.summary = "Diubah oleh editor."
    place.save_revision().publish()
    seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")
    place.refresh_from_db()
    assert place.summary == "Diubah oleh editor."


def test_groups_and_moderation_workflow_exist(sample_site):
    from django.contrib.auth.models import Group

    from wagtail.models import Workflow

    from home.models import HomePage
    from home.seed import EDITORS, MODERATORS, WORKFLOW

    editors, moderators = Group.objects.get(name=EDITORS), Group.objects.get(name=MODERATORS)
    assert not editors.page_permissions.filter(permission__codename="publish_page").exists()
    assert moderators.page_permissions.filter(permission__codename="publish_page").exists()
    workflow = Workflow.objects.get(name=WORKFLOW)
    assert [task.specific.groups.get() for task in workflow.tasks.all()] == [moderators]
    for home in HomePage.objects.all():
        assert home.get_workflow() == workflow


def test_an_unknown_location_precision_in_the_places_file_is_refused_by_name(tmp_path):
    from heritage.content.loader import ContentError, load_places

    data = json.loads((Path(__file__).parents[1] / "fixtures" / "places_sample.geojson").read_text())
    data["features"][0]["properties"]["location_precision"] = "roughly"
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps(data))
    with pytest.raises(ContentError, match="candi-badut has location_precision 'roughly'; use one of site, "):
        load_places(path)


def test_places_seeded_before_location_precision_get_it_on_the_page_and_in_its_revisions(place):
    """An older database: Ngadas was seeded as 'site' and its revisions do not know the field. The backfill
    migration marks the live page and the revision an editor starts from."""
    import importlib

    from django.apps import apps

    backfill = importlib.import_module("heritage.migrations.0006_backfill_location_precision").backfill
    place.slug, place.location_precision = "desa-ngadas", "site"
    place.save_revision().publish()
    draft = place.save_revision()  # an unpublished draft: the admin edits from this revision
    draft.content.pop("location_precision", None)
    draft.save(update_fields=["content"])

    backfill(apps, None)

    place.refresh_from_db()
    assert place.location_precision == "area"
    assert place.has_unpublished_changes
    assert place.get_latest_revision_as_object().location_precision == "area"


def test_a_broken_story_file_is_reported_by_name(tmp_path):
    from heritage.content.loader import ContentError, parse_story

    with pytest.raises(ContentError, match="candi-x.md"):
        parse_story("no front matter here", source="stories/id/candi-x.md")


@pytest.mark.skipif(not PLACES.exists(), reason="the bundled places file is not there yet")
def test_the_bundled_malang_content_loads_in_both_languages(db):
    from heritage.models import CorridorPlacePage, HeritageSitePage, PlacePage, SeedRecord

    call_command("seed_malang", "--skip-index", verbosity=0)
    features = json.loads(PLACES.read_text())["features"]
    live = PlacePage.objects.live()
    assert live.filter(locale__language_code="id").count() == len(features) >= 35
    assert live.filter(locale__language_code="en").count() == len(features)
    assert live.filter(region="kota-malang", locale__language_code="id").count() >= 20
    # Issue 2 asks for at least 10 BTS corridor places; only those with a sourced coordinate are bundled
    # (see docs/places-data.md for the ones still missing), and each becomes a corridor page.
    corridor = [f for f in features if f["properties"]["page_type"] == "corridor"]
    assert CorridorPlacePage.objects.live().filter(locale__language_code="id").count() == len(corridor) >= 10
    assert HeritageSitePage.objects.live().filter(kind="temple", region="kab-malang").count() >= 3 * 2
    for page in live.specific():
        assert page.summary and len(page.story) > 0, page.slug
        assert page.sources.exists(), f"{page.slug} lists no source"
        assert page.region_warning is None, page.slug
    before = _counts()
    call_command("seed_malang", "--skip-index", verbosity=0)
    assert _counts() == before

    # The office deletes Candi Kidal: the next run says it left it out, and does not bring it back.
    kidal = live.get(slug="candi-kidal", locale__language_code="id")
    kidal.delete()
    said = _seed_malang()
    assert "Not recreated, deleted on this site since the seed made them (1): candi-kidal (id)" in said
    assert not PlacePage.objects.filter(slug="candi-kidal", locale__language_code="id").exists()
    # Asked to bring it back, a dry run says what it would do and does nothing.
    said = _seed_malang("--dry-run", "--forget", "place:candi-kidal:id")
    assert "Would create 1 item: candi-kidal (id)" in said and "Dry run: nothing was changed." in said
    assert not PlacePage.objects.filter(slug="candi-kidal", locale__language_code="id").exists()
    assert SeedRecord.objects.filter(key="place:candi-kidal:id").exists()
    said = _seed_malang("--forget", "place:candi-kidal:id")
    assert "Created 1 item: candi-kidal (id)" in said
    assert live.filter(slug="candi-kidal", locale__language_code="id").count() == 1


def _seed_malang(*args) -> str:
    out = StringIO()
    call_command("seed_malang", "--skip-index", *args, stdout=out)
    return out.getvalue()
